"""The per-line steps of the waterfall that depend only on the line (and its volume group).

``list_and_contract`` computes the list amount (options, bundles, blocks, subscription term) and
the contracted amount; it depends on the line alone, so the repricer caches it. ``after_schedule``
applies the volume schedule's percent (which may depend on other lines of the same aggregation
group) and the rep's additional discounts. Quote-level steps live in ``repricer.py``.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from typing import NamedTuple

from dealkit.engine.money import currency_quantum
from dealkit.engine.number_text import plain_number
from dealkit.engine.pricing.catalog import CatalogItem, PriceCatalog
from dealkit.engine.pricing.errors import PricingError, Problem, line_label
from dealkit.engine.pricing.inputs import LineInput, QuoteTerms
from dealkit.engine.pricing.rules import (
    Aggregation,
    BlockPrice,
    Bundle,
    ContractedPrice,
    DiscountSchedule,
    PriceRules,
    ScheduleBasis,
)
from dealkit.engine.pricing.schedules import ScheduleOutcome
from dealkit.engine.pricing.subscriptions import Term, co_term, fixed_term

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)
TWELVE = Decimal(12)
CENT = Decimal("0.01")


class OptionPrice(NamedTuple):
    sku: str
    name: str
    quantity: Decimal  # per unit of the line
    unit_price: Decimal  # list price of one option unit (0 when included in a fixed bundle)
    unit_cost: Decimal
    included: bool


class ListedLine(NamedTuple):
    """A line priced at list and after any contracted price; cached per line input."""

    line: LineInput
    item: CatalogItem
    term: Term | None
    units: Decimal  # quantity x term in years: the factor from a unit price to an amount
    base_unit_price: Decimal  # the product's own list price (per unit, per year if recurring)
    options: tuple[OptionPrice, ...]
    bundle: Bundle | None
    block: BlockPrice | None
    blocks: int  # number of blocks bought (block-priced products)
    list_amount: Decimal
    cost_amount: Decimal
    list_total: Decimal  # list_amount rounded to the currency (a defined rounding point)
    cost_total: Decimal  # cost_amount rounded likewise
    contract: ContractedPrice | None
    contracted_amount: Decimal
    schedule: DiscountSchedule | None
    group_key: tuple[str, str] | None  # (schedule code, what lines aggregate on)
    basis: Decimal  # this line's contribution to the schedule basis


class DiscountedLine(NamedTuple):
    """A line after its volume schedule and the rep's additional discounts."""

    listed: ListedLine
    outcome: ScheduleOutcome | None
    schedule_amount: Decimal  # the schedule's discount, as a positive amount
    regular_amount: Decimal
    percent_amount: Decimal  # the rep's % discount, as a positive amount
    additional_amount: Decimal  # the rep's amount discount
    after_additional: Decimal


def check_line(line: LineInput, position: int, catalog: PriceCatalog) -> list[Problem]:
    """Every problem with ``line`` that can be seen without the rest of the quote."""
    where = line_label(position, line.id, line.sku)
    problems: list[Problem] = []
    item = catalog.get(line.sku)
    if not line.sku:
        problems.append(Problem(where, "sku", "the line has no product: give a SKU"))
    elif item is None:
        problems.append(Problem(where, "sku", catalog.why_missing(line.sku)))
    if line.quantity <= 0:
        problems.append(
            Problem(
                where,
                "quantity",
                f"quantity {line.quantity} is not above 0: enter a positive quantity "
                "or remove the line",
            )
        )
    if not ZERO <= line.discount_percent <= HUNDRED:
        problems.append(
            Problem(
                where,
                "discount.percent",
                f"discount {line.discount_percent}% is outside 0-100%: enter a percent "
                "between 0 and 100",
            )
        )
    if line.discount_amount < 0:
        problems.append(
            Problem(
                where,
                "discount.amount",
                f"discount amount {line.discount_amount} is negative: a discount is a "
                "positive amount taken off the line",
            )
        )
    for index, option in enumerate(line.options, start=1):
        field = f"options[{index}].sku"
        if option.price is not None:
            if option.price < 0 or (option.cost is not None and option.cost < 0):
                problems.append(
                    Problem(
                        where,
                        f"options[{index}].price",
                        f"option {option.sku} has a negative price or cost: prices of "
                        "options are 0 or more",
                    )
                )
        elif catalog.get(option.sku) is None:
            problems.append(Problem(where, field, catalog.why_missing(option.sku)))
        if option.quantity <= 0:
            problems.append(
                Problem(
                    where,
                    f"options[{index}].quantity",
                    f"option quantity {option.quantity} is not above 0: enter a positive "
                    "quantity or remove the option",
                )
            )
    if item is not None and item.recurring:
        if line.term_months is None and line.co_term_end is None and not item.default_term_months:
            problems.append(
                Problem(
                    where,
                    "term_months",
                    f"{line.sku} is a subscription and needs a term: give term_months "
                    "(e.g. 12) or co_term_end",
                )
            )
        if line.term_months is not None and line.term_months <= 0:
            problems.append(
                Problem(
                    where,
                    "term_months",
                    f"term of {line.term_months} months is not above 0: enter whole months, "
                    "e.g. 12 or 36",
                )
            )
        start = line.start_date or catalog.on
        if line.co_term_end is not None and line.co_term_end < start:
            problems.append(
                Problem(
                    where,
                    "co_term_end",
                    f"the contract end {line.co_term_end.isoformat()} is before the line's "
                    f"start {start.isoformat()}: check the existing contract's end date",
                )
            )
    elif item is not None and (line.term_months is not None or line.co_term_end is not None):
        problems.append(
            Problem(
                where,
                "term_months",
                f"{line.sku} is sold once, not by subscription: remove the term",
            )
        )
    return problems


def list_and_contract(
    line: LineInput,
    catalog: PriceCatalog,
    rules: PriceRules,
    terms: QuoteTerms,
) -> ListedLine:
    """List amount (with options, bundle, blocks, term) and contracted amount of a valid line."""
    item = catalog.items[line.sku]
    quantum = currency_quantum(catalog.currency)
    term: Term | None = None
    years = ONE  # a recurring product's price is per unit per year
    if item.recurring:
        start = line.start_date or terms.on
        if line.co_term_end is not None:
            term = co_term(start, line.co_term_end)
        else:
            term = fixed_term(start, line.term_months or item.default_term_months or 12)
        years = term.months / TWELVE

    bundle = rules.bundles.get(line.sku)
    options: list[OptionPrice] = []
    option_price = ZERO
    option_cost = ZERO
    for pick in line.options:
        if pick.price is not None:
            name, list_price, unit_cost = pick.label or pick.sku, pick.price, pick.cost or ZERO
        else:
            option = catalog.items[pick.sku]
            name, list_price, unit_cost = option.name, option.list_price, option.unit_cost
        included = bundle is not None and bundle.pricing == "fixed" and pick.sku in bundle.included
        price = ZERO if included else list_price
        options.append(OptionPrice(pick.sku, name, pick.quantity, price, unit_cost, included))
        option_price += price * pick.quantity
        option_cost += unit_cost * pick.quantity

    block = rules.blocks.get(line.sku)
    quantity = line.quantity
    blocks = 0
    if block is not None:
        blocks = int((quantity / block.size).to_integral_value(rounding=ROUND_CEILING))
        priced_units = Decimal(blocks)  # the price book price is per block
        cost_units = Decimal(blocks)
    else:
        priced_units = quantity
        cost_units = quantity
    list_amount = (item.list_price + option_price) * priced_units * years
    cost_amount = (item.unit_cost + option_cost) * cost_units * years

    contract = rules.contracted_price(terms.customer_keys, line.sku)
    contracted_amount = list_amount
    if contract is not None:
        if contract.discount_percent is not None:
            contracted_amount = list_amount * (HUNDRED - contract.discount_percent) / HUNDRED
        elif terms.currency in contract.prices:
            unit = contract.prices[terms.currency] + option_price
            contracted_amount = unit * priced_units * years
        else:
            contract = None  # no price in this currency: list price stands (explained later)

    schedule = rules.schedule_for(line.sku, item.family, terms.currency)
    if schedule is not None and contract is not None and not contract.schedules_apply:
        schedule = None
    group_key = None
    basis = ZERO
    if schedule is not None:
        if schedule.aggregation is Aggregation.FAMILY:
            group_key = (schedule.code, "family:" + item.family)
        elif schedule.aggregation is Aggregation.PRODUCT:
            group_key = (schedule.code, "sku:" + line.sku)
        else:
            group_key = (schedule.code, "line:" + line.id)
        basis = quantity if schedule.basis is ScheduleBasis.QUANTITY else contracted_amount
    return ListedLine(
        line=line,
        item=item,
        term=term,
        units=quantity * years,
        base_unit_price=item.list_price,
        options=tuple(options),
        bundle=bundle,
        block=block,
        blocks=blocks,
        list_amount=list_amount,
        cost_amount=cost_amount,
        list_total=list_amount.quantize(quantum, ROUND_HALF_UP),
        cost_total=cost_amount.quantize(quantum, ROUND_HALF_UP),
        contract=contract,
        contracted_amount=contracted_amount,
        schedule=schedule,
        group_key=group_key,
        basis=basis,
    )


def after_schedule(
    listed: ListedLine, outcome: ScheduleOutcome | None, position: int
) -> DiscountedLine:
    """Apply the schedule's percent, then the rep's % and amount discounts (in that order)."""
    line = listed.line
    schedule_amount = ZERO
    if outcome is not None and outcome.percent:
        schedule_amount = listed.contracted_amount * outcome.percent / HUNDRED
    regular = listed.contracted_amount - schedule_amount
    percent_amount = regular * line.discount_percent / HUNDRED if line.discount_percent else ZERO
    after = regular - percent_amount - line.discount_amount
    if after < 0:
        raise_over(listed, regular - percent_amount, position)
    return DiscountedLine(
        listed, outcome, schedule_amount, regular, percent_amount, line.discount_amount, after
    )


def raise_over(listed: ListedLine, available: Decimal, position: int) -> None:
    line = listed.line
    raise PricingError(
        [
            Problem(
                line_label(position, line.id, line.sku),
                "discount.amount",
                f"discount amount {listed.line.discount_amount} is more than the line's price "
                f"after the other discounts ({plain_number(available.quantize(CENT))}), a "
                "discount over 100%: lower the amount",
            )
        ]
    )
