"""A line's price waterfall, step by step, each step with a plain-words explanation.

list → contracted → schedule → regular → additional → quote → partner → net

Steps are built when asked for (the grid shows one line's waterfall on demand; the command line
prints them all), from the figures the repricer kept, so repricing itself never formats text.
Every step is always present, even when it changes nothing, and then says why it did not apply:
a rep looking for a missing discount sees where it would have been. Labels and explanations are
in the interface language (``dealkit.engine.words``); ``key`` is the same in every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from dealkit.engine.money import currency_quantum, money_text
from dealkit.engine.number_text import plain_number
from dealkit.engine.pricing.priced import LinePrice
from dealkit.engine.pricing.schedules import describe
from dealkit.engine.words import words

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
    book, sku, price = repr(item.price_book), item.sku, money(item.list_price)
    if item.recurring:
        first = words(
            "price book {book}: {sku} lists at {price} per unit per year",
            book=book,
            sku=sku,
            price=price,
        )
    else:
        first = words("price book {book}: {sku} lists at {price}", book=book, sku=sku, price=price)
    parts = [first]
    for option in listed.options:
        count = plain_number(option.quantity)
        if option.included:
            parts.append(
                words("option {sku} x{count} included in the bundle", sku=option.sku, count=count)
            )
        else:
            parts.append(
                words(
                    "+ option {sku} x{count} at {price} each",
                    sku=option.sku,
                    count=count,
                    price=money(option.unit_price),
                )
            )
    if listed.bundle is not None and listed.options:
        parts.append(
            words("bundle priced as the sum of its parts")
            if listed.bundle.pricing == "sum"
            else words("bundle at a fixed price with its included options")
        )
    if listed.block is not None:
        parts.append(
            words(
                "sold in blocks of {size}: {count} units need {blocks} block(s), priced per block",
                size=listed.block.size,
                count=plain_number(quantity),
                blocks=listed.blocks,
            )
        )
    else:
        parts.append(words("x {count} units", count=plain_number(quantity)))
    if listed.term is not None:
        parts.append(
            words(
                "for {months} months of the yearly price ({term})",
                months=plain_number(listed.term.months.quantize(Decimal("0.0001"))),
                term=listed.term.describe(),
            )
        )
    add("list", words("List price"), listed.list_amount, ZERO, "; ".join(parts))

    # contracted
    contract = listed.contract
    if contract is None:
        why = words("no contracted price for this customer and product")
    else:
        name = contract.contract or words("on file")
        if contract.discount_percent is not None:
            why = words(
                "contract {contract}: {percent}% off list for this customer",
                contract=name,
                percent=plain_number(contract.discount_percent),
            )
        else:
            why = words(
                "contract {contract}: this customer pays {price} per unit instead of list",
                contract=name,
                price=money(contract.prices[currency]),
            )
    add("contracted", words("Contracted price"), listed.contracted_amount, listed.list_amount, why)

    # schedule
    if listed.schedule is None:
        why = (
            words("the contracted price stands; volume schedules do not apply on top of it")
            if contract is not None and not contract.schedules_apply
            else words("no volume discount schedule for this product")
        )
    else:
        why = (
            describe(listed.schedule, d.outcome, currency)
            if d.outcome
            else words("no tier reached")
        )
        scope = listed.schedule.aggregation.value
        if scope == "product":
            why += words(" (counting every line of the same product)")
        elif scope == "family":
            why += words(" (counting every line of the same family)")
    add("schedule", words("Volume discount"), d.regular_amount, listed.contracted_amount, why)
    add(
        "regular",
        words("Regular price"),
        d.regular_amount,
        d.regular_amount,
        words("the price before any negotiated discount"),
    )

    # additional
    bits = []
    if line.discount_percent:
        bits.append(
            words(
                "{percent}% off ({amount})",
                percent=plain_number(line.discount_percent),
                amount=money(d.percent_amount),
            )
        )
    if line.discount_amount:
        bits.append(words("{amount} off the line", amount=money(line.discount_amount)))
    why = (
        words("the rep's discount: {discounts}", discounts=words(", then ").join(bits))
        if bits
        else words("no additional discount on this line")
    )
    add("additional", words("Additional discount"), d.after_additional, d.regular_amount, why)

    # quote
    after_quote = d.after_additional - lp.quote_share
    if lp.quote_share:
        why = words(
            "this line's share of the quote-level discount: {amount} ({percent}% of the line)",
            amount=money(lp.quote_share),
            percent=plain_number(lp.quote_percent.quantize(Decimal("0.0001"))),
        )
        if not lp.counted:
            why += words("; the line is in an alternative not counted in the total")
    else:
        why = words("no quote-level discount")
    add("quote", words("Quote discount"), after_quote, d.after_additional, why)

    # partner
    if lp.partner_amount:
        pct = lp.partner_amount / after_quote * 100 if after_quote else ZERO
        why = words(
            "{partner}'s channel discount: {percent}%",
            partner=partner_name or words("the partner"),
            percent=plain_number(pct.quantize(Decimal("0.01"))),
        )
    else:
        why = words("sold direct: no partner discount")
    add("partner", words("Partner discount"), lp.net_exact, after_quote, why)

    why = words("rounded to the currency's minor units: {amount}", amount=money(lp.net))
    if item.recurring and listed.term is not None:
        why += words(" over the term (MRR {mrr}, ARR {arr})", mrr=money(lp.mrr), arr=money(lp.arr))
    add("net", words("Net price"), lp.net, lp.net_exact, why)
    return steps
