"""A line's price waterfall, step by step, each step with a plain-words explanation.

list → contracted → schedule → regular → additional → quote → partner → net

Steps are built when asked for (the grid shows one line's waterfall on demand; the command line
prints them all), from the figures the repricer kept, so repricing itself never formats text.
Every step is always present, even when it changes nothing, and then says why it did not apply:
a rep looking for a missing discount sees where it would have been.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from dealkit.engine.money import currency_quantum, money_text
from dealkit.engine.number_text import plain_number
from dealkit.engine.pricing.priced import LinePrice
from dealkit.engine.pricing.schedules import describe

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Step:
    """The line after one step: its amount, the change this step made, and why."""

    key: str  # list, contracted, schedule, regular, additional, quote, partner, net
    label: str
    amount: Decimal  # the line's amount after this step (unrounded but for "net")
    change: Decimal  # amount after minus amount before (negative for a discount)
    unit_price: Decimal  # amount / quantity (per year for subscriptions)
    explanation: str

    def to_json(self, currency: str) -> dict[str, str]:
        places = currency_quantum(currency)
        return {
            "step": self.key,
            "label": self.label,
            "amount": str(self.amount.quantize(places, ROUND_HALF_UP) + 0),
            "change": str(self.change.quantize(places, ROUND_HALF_UP) + 0),
            "unit_price": str(self.unit_price.quantize(places * Decimal("0.01"), ROUND_HALF_UP)),
            "explanation": self.explanation,
        }


def waterfall(lp: LinePrice, currency: str, partner_name: str = "") -> list[Step]:
    """Every step of ``lp``'s price, in order, ending at the rounded net amount."""
    d = lp.discounted
    listed = d.listed
    line = listed.line
    item = listed.item
    quantity = line.quantity
    per = listed.units if listed.units else Decimal(1)

    def money(value: Decimal) -> str:
        return money_text(value, currency)

    steps: list[Step] = []

    def add(key: str, label: str, amount: Decimal, before: Decimal, why: str) -> None:
        unit = amount / per
        steps.append(Step(key, label, amount, amount - before, unit, why))

    # list
    parts = [f"price book {item.price_book!r}: {item.sku} lists at {money(item.list_price)}"]
    if item.recurring:
        parts[0] += " per unit per year"
    for option in listed.options:
        if option.included:
            parts.append(
                f"option {option.sku} x{plain_number(option.quantity)} included in the bundle"
            )
        else:
            parts.append(
                f"+ option {option.sku} x{plain_number(option.quantity)} "
                f"at {money(option.unit_price)} each"
            )
    if listed.bundle is not None and listed.options:
        parts.append(
            "bundle priced as the sum of its parts"
            if listed.bundle.pricing == "sum"
            else "bundle at a fixed price with its included options"
        )
    if listed.block is not None:
        parts.append(
            f"sold in blocks of {listed.block.size}: {plain_number(quantity)} units need "
            f"{listed.blocks} block(s), priced per block"
        )
    else:
        parts.append(f"x {plain_number(quantity)} units")
    if listed.term is not None:
        parts.append(
            f"for {plain_number(listed.term.months.quantize(Decimal('0.0001')))} months of the "
            f"yearly price ({listed.term.describe()})"
        )
    add("list", "List price", listed.list_amount, ZERO, "; ".join(parts))

    # contracted
    contract = listed.contract
    if contract is None:
        why = "no contracted price for this customer and product"
    elif contract.discount_percent is not None:
        why = (
            f"contract {contract.contract or 'on file'}: "
            f"{plain_number(contract.discount_percent)}% off list for this customer"
        )
    else:
        why = (
            f"contract {contract.contract or 'on file'}: this customer pays "
            f"{money(contract.prices[currency])} per unit instead of list"
        )
    add("contracted", "Contracted price", listed.contracted_amount, listed.list_amount, why)

    # schedule
    if listed.schedule is None:
        why = (
            "the contracted price stands; volume schedules do not apply on top of it"
            if contract is not None and not contract.schedules_apply
            else "no volume discount schedule for this product"
        )
    else:
        why = describe(listed.schedule, d.outcome, currency) if d.outcome else "no tier reached"
        if listed.schedule.aggregation.value != "line":
            why += f" (counting every line of the same {listed.schedule.aggregation.value})"
    add("schedule", "Volume discount", d.regular_amount, listed.contracted_amount, why)
    add(
        "regular",
        "Regular price",
        d.regular_amount,
        d.regular_amount,
        "the price before any negotiated discount",
    )

    # additional
    bits = []
    if line.discount_percent:
        bits.append(f"{plain_number(line.discount_percent)}% off ({money(d.percent_amount)})")
    if line.discount_amount:
        bits.append(f"{money(line.discount_amount)} off the line")
    why = (
        "the rep's discount: " + ", then ".join(bits)
        if bits
        else "no additional discount on this line"
    )
    add("additional", "Additional discount", d.after_additional, d.regular_amount, why)

    # quote
    after_quote = d.after_additional - lp.quote_share
    if lp.quote_share:
        why = (
            f"this line's share of the quote-level discount: {money(lp.quote_share)} "
            f"({plain_number(lp.quote_percent.quantize(Decimal('0.0001')))}% of the line)"
        )
        if not lp.counted:
            why += "; the line is in an alternative not counted in the total"
    else:
        why = "no quote-level discount"
    add("quote", "Quote discount", after_quote, d.after_additional, why)

    # partner
    if lp.partner_amount:
        who = partner_name or "the partner"
        pct = lp.partner_amount / after_quote * 100 if after_quote else ZERO
        why = f"{who}'s channel discount: {plain_number(pct.quantize(Decimal('0.01')))}%"
    else:
        why = "sold direct: no partner discount"
    add("partner", "Partner discount", lp.net_exact, after_quote, why)

    why = f"rounded to the currency's minor units: {money(lp.net)}"
    if item.recurring and listed.term is not None:
        why += f" over the term (MRR {money(lp.mrr)}, ARR {money(lp.arr)})"
    add("net", "Net price", lp.net, lp.net_exact, why)
    return steps
