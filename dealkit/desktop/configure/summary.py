"""A finished configuration in the words and money a rep quotes: each choice and its price.

Prices are the model's option prices (``Variable.prices``; the total is ``price_of``), in the
model's currency. They are shown as money of the quote's currency only when the model prices in
that currency: the configurator converts nothing, and a THB quote must never show USD figures as
if they were baht. Otherwise the summary keeps the model's currency and says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from dealkit.engine.configurator import ProductModel, Value
from dealkit.engine.money import Money, MoneyError, check_currency


@dataclass(frozen=True)
class SummaryLine:
    group: str  # the option group or attribute, as the rep reads it ("Drives", "Processor")
    option: str  # the option within a group of several ("1.92 TB SATA SSD, 2.5\""), else ""
    choice: str  # the chosen value as the rep reads it ("2 ×", "Gold 6430, 32 cores, 270 W")
    variable: str
    value: Value
    price: Money | None  # None: the model gives this choice no price


@dataclass(frozen=True)
class ConfigurationSummary:
    sku: str
    name: str
    lines: list[SummaryLine]
    total: Money | None  # sum of the option prices (``price_of``), in ``currency``
    currency: str  # the model's currency ("" when the model names none)
    quote_currency: str | None  # the currency of the quote it was configured for, if any
    configuration: dict[str, Value]

    @property
    def currency_matches(self) -> bool:
        return self.quote_currency is not None and self.currency == self.quote_currency


def _skipped(variable_name: str, value: Value) -> bool:
    """Options of a group of several that were not taken (quantity 0) say nothing to a rep."""
    return "." in variable_name and value == 0 and not isinstance(value, bool)


def summarize(
    model: ProductModel, configuration: Mapping[str, Value], quote_currency: str | None = None
) -> ConfigurationSummary:
    """Summarize a complete configuration of ``model`` (every variable has a value)."""
    from dealkit.engine.configurator import price_of

    problem = model.problem
    currency = model.currency or problem.currency
    try:
        currency = check_currency(currency) if currency else ""
    except MoneyError:
        currency = ""
    lines: list[SummaryLine] = []
    for variable in problem.variables:
        if variable.name not in configuration:
            continue
        value = configuration[variable.name]
        if _skipped(variable.name, value):
            continue
        label = variable.label or variable.name
        group, _, option = label.partition(": ") if "." in variable.name else (label, "", "")
        price: Money | None = None
        if variable.prices and currency:
            price = Money(variable.prices[variable.index(value)], currency)
        lines.append(
            SummaryLine(group, option, variable.label_of(value), variable.name, value, price)
        )
    amount: Decimal = price_of(problem, configuration)
    total = Money(amount, currency) if currency else None
    return ConfigurationSummary(
        sku=model.sku,
        name=model.name or problem.name,
        lines=lines,
        total=total,
        currency=currency,
        quote_currency=quote_currency,
        configuration=dict(configuration),
    )
