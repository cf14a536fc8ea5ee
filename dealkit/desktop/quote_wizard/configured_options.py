"""A configuration accepted in the Configure dialog, kept on a quote line as ``OptionPick``s.

Each decided variable becomes one option of the line, coded ``variable/value`` (as
docs/quote-json.md writes configured options: ``cpu/gold-6430``), priced per unit of the line
with the model's price for that choice and labelled as the rep read it. Reading the codes back
gives the choices, so reopening the line reopens its configuration
(``configure/line_choices.py`` types them as the model's values).

The configurator converts no currency: a model priced in USD prices a THB line's options at
nothing and ``currency_note`` says so, rather than showing dollars as baht.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from dealkit.engine.configurator import ProductModel, Value
from dealkit.engine.pricing.inputs import OptionPick

ZERO = Decimal(0)


def model_currency(model: ProductModel) -> str:
    return (model.currency or model.problem.currency or "").upper()


def options_from_configuration(
    model: ProductModel, configuration: Mapping[str, Value], quote_currency: str
) -> tuple[OptionPick, ...]:
    """One option per decided variable, in the model's order."""
    priced = model_currency(model) == quote_currency.upper()
    picks = []
    for variable in model.problem.variables:
        if variable.name not in configuration:
            continue
        value = configuration[variable.name]
        price = ZERO
        if priced and variable.prices:
            price = variable.prices[variable.index(value)]
        label = variable.label or variable.name
        picks.append(
            OptionPick(
                sku=f"{variable.name}/{_code(value)}",
                quantity=Decimal(1),
                price=price,
                label=f"{label}: {variable.label_of(value)}",
            )
        )
    return tuple(picks)


def configuration_from_options(options: tuple[OptionPick, ...]) -> dict[str, str]:
    """The choices written in a line's configured options (``variable/value`` codes)."""
    choices: dict[str, str] = {}
    for pick in options:
        if pick.price is None or "/" not in pick.sku:
            continue  # a catalog option, not a configuration choice
        name, _, value = pick.sku.partition("/")
        choices[name] = value
    return choices


def currency_note(model: ProductModel, quote_currency: str) -> str:
    """Empty when the model prices in the quote's currency; else what the rep must know."""
    currency = model_currency(model)
    if not currency or currency == quote_currency.upper():
        return ""
    return currency


def _code(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
