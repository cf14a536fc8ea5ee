"""Priced results: a line's figures, and a quote's totals split one-time / recurring.

Rounding points (to the currency's minor units, half up), and only these:

1. each line's list, cost and net amounts, once, at the end of the line's waterfall;
2. a quote-level discount given as an amount, before it is spread (the spread then hands out
   whole minor units, so the shares add up to exactly that amount);
3. each subscription line's MRR and ARR.

Every total is a sum of rounded line figures, so the totals always equal the sum of the lines a
customer sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from dealkit.engine.money import Money
from dealkit.engine.pricing.inputs import GroupSpec
from dealkit.engine.pricing.line_steps import DiscountedLine, ListedLine
from dealkit.engine.pricing.subscriptions import BillingFrequency, BillingPlan, billing_plan

ZERO = Decimal(0)
HUNDRED = Decimal(100)


class LinePrice(NamedTuple):
    """One line, priced. Amounts are in the quote's currency; ``net`` is rounded.

    A named tuple rather than a dataclass: a 1,000-line quote makes a thousand of these on every
    full reprice, and a tuple is the cheapest immutable value Python builds.
    """

    discounted: DiscountedLine
    counted: bool  # counts toward the quote total (not in an unselected alternative)
    quote_share: Decimal  # this line's part of the quote-level discount (positive)
    net_exact: Decimal  # after the partner discount, before rounding
    net: Decimal
    mrr: Decimal
    arr: Decimal

    @property
    def after_quote(self) -> Decimal:
        return self.discounted.after_additional - self.quote_share

    @property
    def quote_percent(self) -> Decimal:
        """The quote-level discount as a percent of this line."""
        base = self.discounted.after_additional
        return self.quote_share / base * HUNDRED if base else ZERO

    @property
    def partner_amount(self) -> Decimal:
        """The partner's discount on this line (positive)."""
        return self.after_quote - self.net_exact

    @property
    def list_total(self) -> Decimal:
        return self.discounted.listed.list_total

    @property
    def cost_total(self) -> Decimal:
        return self.discounted.listed.cost_total

    @property
    def billing(self) -> BillingPlan | None:
        """How a subscription line is invoiced (None for a one-time line)."""
        listed = self.discounted.listed
        if listed.term is None:
            return None
        frequency = listed.line.billing or BillingFrequency.MONTHLY
        return billing_plan(frequency, listed.term, self.net_exact / listed.term.months)

    @property
    def listed(self) -> ListedLine:
        return self.discounted.listed

    @property
    def sku(self) -> str:
        return self.discounted.listed.line.sku

    @property
    def line_id(self) -> str:
        return self.discounted.listed.line.id

    @property
    def recurring(self) -> bool:
        return self.discounted.listed.item.recurring

    @property
    def discount_total(self) -> Decimal:
        return self.list_total - self.net

    @property
    def margin(self) -> Decimal:
        return self.net - self.cost_total

    @property
    def margin_percent(self) -> Decimal:
        """Margin over net, in percent, to 2 places (0 when the net is 0)."""
        if not self.net:
            return ZERO
        return (self.margin / self.net * HUNDRED).quantize(Decimal("0.01"))

    @property
    def discount_percent(self) -> Decimal:
        """Everything off list, as a percent of list, to 2 places."""
        if not self.list_total:
            return ZERO
        return (self.discount_total / self.list_total * HUNDRED).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class Totals:
    """Sums of rounded line figures. ``recurring`` is the subscriptions' whole-term amount."""

    currency: str
    list: Decimal = ZERO
    net: Decimal = ZERO
    cost: Decimal = ZERO
    one_time: Decimal = ZERO
    recurring: Decimal = ZERO
    mrr: Decimal = ZERO
    arr: Decimal = ZERO
    lines: int = 0

    @classmethod
    def of(cls, currency: str, lines: list[LinePrice]) -> Totals:
        list_ = net = cost = one_time = recurring = mrr = arr = ZERO
        for lp in lines:
            list_ += lp.list_total
            net += lp.net
            cost += lp.cost_total
            if lp.discounted.listed.item.recurring:
                recurring += lp.net
                mrr += lp.mrr
                arr += lp.arr
            else:
                one_time += lp.net
        return cls(currency, list_, net, cost, one_time, recurring, mrr, arr, len(lines))

    def __add__(self, other: Totals) -> Totals:
        return Totals(
            self.currency,
            self.list + other.list,
            self.net + other.net,
            self.cost + other.cost,
            self.one_time + other.one_time,
            self.recurring + other.recurring,
            self.mrr + other.mrr,
            self.arr + other.arr,
            self.lines + other.lines,
        )

    @property
    def discount(self) -> Decimal:
        return self.list - self.net

    @property
    def tcv(self) -> Decimal:
        """Total contract value: one-time plus every subscription over its whole term."""
        return self.one_time + self.recurring

    @property
    def margin(self) -> Decimal:
        return self.net - self.cost

    @property
    def margin_percent(self) -> Decimal:
        if not self.net:
            return ZERO
        return (self.margin / self.net * HUNDRED).quantize(Decimal("0.01"))

    @property
    def discount_percent(self) -> Decimal:
        if not self.list:
            return ZERO
        return (self.discount / self.list * HUNDRED).quantize(Decimal("0.01"))

    def money(self, value: Decimal) -> Money:
        return Money(value, self.currency)

    def to_json(self) -> dict[str, object]:
        return {
            "currency": self.currency,
            "lines": self.lines,
            "list": str(self.list),
            "discount": str(self.discount),
            "discount_percent": str(self.discount_percent),
            "net": str(self.net),
            "cost": str(self.cost),
            "margin": str(self.margin),
            "margin_percent": str(self.margin_percent),
            "one_time": str(self.one_time),
            "recurring": str(self.recurring),
            "mrr": str(self.mrr),
            "arr": str(self.arr),
            "tcv": str(self.tcv),
        }


@dataclass(frozen=True)
class AlternativeTotals:
    """One option of an alternative set (Option A / B / C) as the customer compares them."""

    alternative: str  # the set, e.g. "storage"
    group: str  # the option, e.g. "Option A"
    selected: bool
    own: Totals  # the option's lines alone
    with_base: Totals  # the quote's lines outside any alternative, plus this option

    def to_json(self) -> dict[str, object]:
        return {
            "alternative": self.alternative,
            "group": self.group,
            "selected": self.selected,
            "totals": self.own.to_json(),
            "quote_totals_with_this_option": self.with_base.to_json(),
        }


@dataclass(frozen=True)
class QuotePrice:
    """A whole quote, priced: lines in quote order and the totals of the counted lines.

    Group and alternative totals are computed when asked for (the grid asks once per refresh).
    """

    currency: str
    lines: tuple[LinePrice, ...]
    totals: Totals
    groups: tuple[GroupSpec, ...] = ()

    def line(self, line_id: str) -> LinePrice:
        for lp in self.lines:
            if lp.line_id == line_id:
                return lp
        raise KeyError(line_id)

    def group_totals(self) -> dict[str, Totals]:
        """Totals of each named group (lines without a group are under "")."""
        members: dict[str, list[LinePrice]] = {}
        for lp in self.lines:
            members.setdefault(lp.listed.line.group, []).append(lp)
        return {name: Totals.of(self.currency, lps) for name, lps in members.items()}

    def alternative_totals(self) -> list[AlternativeTotals]:
        """Each option of each alternative set, alone and together with the base lines."""
        alternatives = [g for g in self.groups if g.alternative]
        if not alternatives:
            return []
        names = {g.name for g in alternatives}
        base = Totals.of(
            self.currency, [lp for lp in self.lines if lp.listed.line.group not in names]
        )
        selected = selected_groups(self.groups)
        result = []
        for group in alternatives:
            own = Totals.of(
                self.currency, [lp for lp in self.lines if lp.listed.line.group == group.name]
            )
            result.append(
                AlternativeTotals(
                    group.alternative or "", group.name, group.name in selected, own, base + own
                )
            )
        return result


def selected_groups(groups: tuple[GroupSpec, ...]) -> set[str]:
    """The option counted in each alternative set: the one marked selected, else the first."""
    chosen: dict[str, str] = {}
    for group in groups:
        if group.alternative and group.selected:
            chosen.setdefault(group.alternative, group.name)
    for group in groups:
        if group.alternative:
            chosen.setdefault(group.alternative, group.name)
    return set(chosen.values())
