"""The deal estimator: what a quote being built adds to the rep's commission this period.

It answers the rep's question inside the quote: "this deal pays $1,100: $5,000 at 4% and $15,000
at 6%", with the tier crossed, the time window it closes in, the SPIF step it makes, and what it
would pay at a deeper discount. It runs the plan's own component code on the rep's
period-to-date credits plus the quote's lines, so an estimate can never disagree with the
statement the deal later appears on. The period-to-date baseline is computed once per
``DealEstimator``; each estimate then costs one component pass (well under 20 ms).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from dealkit.engine.commissions import tiers as tiers_math
from dealkit.engine.commissions.calculate import Calculator
from dealkit.engine.commissions.components import Aggregator, Totals, render_lines
from dealkit.engine.commissions.crediting import Credit, UnknownCurrency, convert
from dealkit.engine.commissions.errors import CommissionError
from dealkit.engine.commissions.formatting import money, number, pct
from dealkit.engine.commissions.plan import (
    RateComponent,
    SpifComponent,
    TieredComponent,
    WindowComponent,
)
from dealkit.engine.commissions.results import Line, SpifProgress
from dealkit.engine.commissions.transactions import Txn
from dealkit.engine.money import Money, currency_quantum
from dealkit.engine.words import words

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class QuoteLineInput:
    """A quote line as priced so far: the net amount is the line total after discounts."""

    sku: str
    family: str
    quantity: Decimal
    net_amount: Decimal


@dataclass(frozen=True, slots=True)
class DealFacts:
    """The quote's currency and customer facts that plans match on, and when it would close."""

    currency: str
    segment: str = ""
    industry: str = ""
    region: str = ""
    new_logo: bool = False
    close_on: date | None = None


@dataclass(frozen=True)
class ComponentDelta:
    component: str
    label: str
    before: Money
    after: Money
    explanation: list[str]

    @property
    def amount(self) -> Money:
        return self.after - self.before

    def to_json(self) -> dict[str, Any]:
        return {
            "component": self.component,
            "label": self.label,
            "before": self.before.to_json(),
            "after": self.after.to_json(),
            "amount": self.amount.to_json(),
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class WhatIf:
    discount_pct: Decimal
    deal_amount: Money
    commission: Money
    text: str

    def to_json(self) -> dict[str, Any]:
        return {
            "discount_pct": str(self.discount_pct),
            "deal_amount": self.deal_amount.to_json(),
            "commission": self.commission.to_json(),
            "text": self.text,
        }


@dataclass(frozen=True)
class Estimate:
    participant: str
    period: str
    as_of: date
    close_on: date
    deal_amount: Money  # credited, in the plan currency
    commission: Money  # what the deal adds to this period's earnings
    attainment_before: Money
    attainment_after: Money
    quota: Money
    components: list[ComponentDelta]
    spifs_after: list[SpifProgress]
    spif_changes: list[str]
    summary: str
    what_if: list[WhatIf] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    spifs_before: list[SpifProgress] = field(default_factory=list)  # the same goals, without it

    def pct_of_quota(self, amount: Money) -> Decimal:
        if not self.quota.amount:
            return ZERO
        return (amount.amount * 100 / self.quota.amount).quantize(Decimal("0.1"))

    def to_json(self) -> dict[str, Any]:
        return {
            "participant": self.participant,
            "period": self.period,
            "as_of": self.as_of.isoformat(),
            "close_on": self.close_on.isoformat(),
            "deal_amount": self.deal_amount.to_json(),
            "commission": self.commission.to_json(),
            "summary": self.summary,
            "quota": self.quota.to_json(),
            "attainment_before": self.attainment_before.to_json(),
            "attainment_after": self.attainment_after.to_json(),
            "attainment_pct_before": str(self.pct_of_quota(self.attainment_before)),
            "attainment_pct_after": str(self.pct_of_quota(self.attainment_after)),
            "components": [c.to_json() for c in self.components if c.amount or c.explanation],
            "spifs": [s.to_json() for s in self.spifs_after],
            "spif_changes": self.spif_changes,
            "what_if": [w.to_json() for w in self.what_if],
            "notes": self.notes,
        }


class DealEstimator:
    """Estimates for one rep as of one day; build once, call ``estimate`` on every change."""

    def __init__(self, calc: Calculator, participant: str, as_of: date) -> None:
        self.calc = calc
        self.participant = participant
        self.as_of = as_of
        self._baselines: dict[date, tuple[Any, ...]] = {}

    def _baseline(self, close_on: date) -> tuple[Any, ...]:
        """The rep's period to date, summed once: each estimate adds the quote to a copy."""
        period = self.calc.period_of(close_on)
        if period.start not in self._baselines:
            plan = self.calc.plan_for(period)
            person = plan.participants.get(self.participant)
            if person is None:
                raise CommissionError(
                    f"'{self.participant}' is not on plan '{plan.code}' in {period.label}"
                )
            credits = self.calc.credits_for(self.participant, period, self.as_of)
            quota = person.quota_for(period)[0].quantize(
                currency_quantum(plan.currency), ROUND_HALF_UP
            )
            aggregator = Aggregator(plan, person.role, quota)
            totals = Totals()
            aggregator.add_credits(totals, credits)
            lines, spifs, _ = render_lines(plan, person, period, totals, quota)
            matched = {c.id: ZERO for c in plan.components}
            for credit in credits:
                for comp in plan.components:
                    if comp.match.matches(*credit.txn.facts()):
                        matched[comp.id] += credit.amount
            self._baselines[period.start] = (
                period,
                plan,
                person,
                aggregator,
                totals,
                quota,
                lines,
                spifs,
                matched,
            )
        return self._baselines[period.start]

    def estimate(
        self,
        lines: Sequence[QuoteLineInput],
        facts: DealFacts,
        what_if: Iterable[Decimal | int | str] = (),
    ) -> Estimate:
        close_on = facts.close_on or self.as_of
        (period, plan, person, aggregator, base, quota, before_lines, before_spifs, base_total) = (
            self._baseline(close_on)
        )
        cur = plan.currency
        deal = self._credits(plan, lines, facts, close_on)
        totals = base.copy()
        aggregator.add_credits(totals, deal)
        after_lines, after_spifs, _ = render_lines(plan, person, period, totals, quota)
        before = {ln.component: ln for ln in before_lines}
        deltas: list[ComponentDelta] = []
        for line in after_lines:
            was = before.get(line.component)
            was_amount = was.amount if was else Money.zero(cur)
            comp = plan.component(line.component)
            why = _explain(
                comp, line, deal, base_total[comp.id], quota, cur, close_on, plan, was_amount
            )
            deltas.append(ComponentDelta(comp.id, comp.label, was_amount, line.amount, why))
        commission = sum((d.amount for d in deltas), Money.zero(cur))
        spif_changes = [
            f"{b.text} -> {a.text}"
            for b, a in zip(before_spifs, after_spifs, strict=True)
            if a.achieved != b.achieved
        ]
        deal_amount = sum((c.amount for c in deal), ZERO).quantize(currency_quantum(cur))
        attainment = base.attainment.quantize(currency_quantum(cur), ROUND_HALF_UP)
        summary = _summary(commission, deltas, cur)
        notes = []
        if person.draw is not None:
            notes.append(
                f"{person.name} has a {money(person.draw.amount, cur)} draw per period: while "
                f"earnings are below it, extra commission first reduces the draw top-up"
            )
        whatifs = []
        for d in what_if:
            off = Decimal(str(d))
            alt = self.estimate(discounted_lines(lines, off, facts.currency), facts)
            whatifs.append(
                WhatIf(
                    off,
                    alt.deal_amount,
                    alt.commission,
                    f"At {number(off)}% off ({money(alt.deal_amount.amount, cur)}) it pays "
                    f"{money(alt.commission.amount, cur)}",
                )
            )
        return Estimate(
            participant=self.participant,
            period=period.label,
            as_of=self.as_of,
            close_on=close_on,
            deal_amount=Money(deal_amount, cur),
            commission=commission,
            attainment_before=Money(attainment, cur),
            attainment_after=Money(attainment + deal_amount, cur),
            quota=Money(quota, cur),
            components=deltas,
            spifs_after=after_spifs,
            spif_changes=spif_changes,
            summary=summary,
            what_if=whatifs,
            notes=notes,
            spifs_before=before_spifs,
        )

    def _credits(
        self, plan: Any, lines: Sequence[QuoteLineInput], facts: DealFacts, close_on: date
    ) -> list[Credit]:
        q = currency_quantum(plan.currency)
        out = []
        for i, ln in enumerate(lines):
            try:
                amount = convert(plan, ln.net_amount, facts.currency)
            except UnknownCurrency:
                raise CommissionError(
                    f"the quote is in {facts.currency}, which plan '{plan.code}' has no "
                    f"exchange rate for: add '{facts.currency}: RATE' under exchange_rates"
                ) from None
            txn = Txn(
                seq=-(i + 1),
                ref=f"this quote, line {i + 1}",
                rep=self.participant,
                sku=ln.sku,
                family=ln.family,
                closed_on=close_on,
                quantity=ln.quantity,
                amount=ln.net_amount,
                currency=facts.currency,
                segment=facts.segment,
                industry=facts.industry,
                region=facts.region,
                new_logo=facts.new_logo,
            )
            credit = amount.quantize(q, ROUND_HALF_UP)
            out.append(Credit(self.participant, txn, credit, ln.quantity, "owner"))
        return out


def _explain(
    comp: Any,
    line: Line,
    deal: list[Credit],
    before_total: Decimal,
    quota: Decimal,
    cur: str,
    close_on: date,
    plan: Any,
    was: Money,
) -> list[str]:
    mine = [c for c in deal if comp.match.matches(*c.txn.facts())]
    out: list[str] = []
    if isinstance(comp, RateComponent):
        for c in mine:
            index = comp.rule_for(*c.txn.facts())
            if index is None:
                continue
            rule = comp.rule(index)
            parts = []
            value = ZERO
            if rule.rate is not None:
                parts.append(
                    words("{amount} at {rate}", amount=money(c.amount, cur), rate=pct(rule.rate))
                )
                value += c.amount * rule.rate
            if rule.per_unit is not None:
                parts.append(
                    words(
                        "{count} units at {price}",
                        count=number(c.quantity),
                        price=money(rule.per_unit, cur),
                    )
                )
                value += c.quantity * rule.per_unit
            out.append(f"{c.txn.sku}: {' + '.join(parts)} = {money(value, cur)}")
    elif isinstance(comp, TieredComponent) and mine:
        bands = comp.bounds(quota)
        deal_total = sum((c.amount for c in mine), ZERO)
        if comp.method == "marginal":
            _, parts = tiers_math.deal_marginal(before_total, deal_total, bands)
            bands_text = words(" and ").join(
                words("{amount} at {rate}", amount=money(s.size, cur), rate=pct(s.rate))
                for s in parts
            )
            crossed = {s.rate for s in parts}
            tail = words(" (crosses a tier boundary)") if len(crossed) > 1 else ""
            out.append(
                words(
                    "After {before} attained, this deal's {deal}: {bands}{tail}",
                    before=money(before_total, cur),
                    deal=money(deal_total, cur),
                    bands=bands_text,
                    tail=tail,
                )
            )
        else:
            old, _ = tiers_math.band_rate(max(before_total, ZERO), bands)
            new, _ = tiers_math.band_rate(max(before_total + deal_total, ZERO), bands)
            if new != old:
                out.append(
                    words(
                        "Lifts the whole period from {old} to {new} (retroactive tiers)",
                        old=pct(old),
                        new=pct(new),
                    )
                )
            else:
                out.append(
                    words(
                        "{amount} at the current {rate} tier",
                        amount=money(deal_total, cur),
                        rate=pct(new),
                    )
                )
    elif isinstance(comp, WindowComponent) and mine:
        if comp.window.contains(close_on) and comp.factor != 1:
            # The same words as the calculation's trace ("Multiplier 1.25: (1.25 - 1) x $E =
            # $A"), for this deal's share: the line pays the extra, (factor - 1) x what the deal
            # earns under the other component.
            added = line.amount.amount - was.amount
            earned = added / (comp.factor - 1)
            factor = number(comp.factor)
            out.append(
                words(
                    "Closing on {day} is inside {window}: this deal earns {amount} under "
                    "{component}",
                    day=close_on,
                    window=comp.window.describe(),
                    amount=money(earned, cur),
                    component=plan.component(comp.of).label,
                )
            )
            out.append(
                words(
                    "Multiplier {factor}: ({factor} - 1) x {earned} = {added}",
                    factor=factor,
                    earned=money(earned, cur),
                    added=money(added, cur),
                )
            )
    elif isinstance(comp, SpifComponent) and mine:
        out.append(words("Counts toward {component}", component=comp.label))
    for sentence in line.trace:
        if sentence.startswith(("Gate", "Capped")):
            out.append(sentence)
    return out


def _summary(commission: Money, deltas: list[ComponentDelta], cur: str) -> str:
    paying = [d for d in deltas if d.amount]
    head = f"This deal pays {money(commission.amount, cur)}"
    if len(paying) == 1 and paying[0].explanation:
        first = paying[0].explanation[0]
        if ": " in first and first.startswith("After"):
            return f"{head}: {first.split(': ', 1)[1]}"
        return f"{head}: {first}"
    if paying:
        parts = ", ".join(f"{d.label} {money(d.amount.amount, cur)}" for d in paying)
        return f"{head}: {parts}"
    return head


def discounted_lines(
    lines: Sequence[QuoteLineInput], off: Decimal | int, currency: str
) -> list[QuoteLineInput]:
    """The lines with a further ``off`` percent taken from each net amount, rounded half up to
    the currency's minor unit: how a what-if discount changes a deal (here and in the window)."""
    off = Decimal(off)
    if not ZERO <= off < 100:
        raise CommissionError(f"what-if discount {off}% must be from 0 to under 100")
    step = currency_quantum(currency)
    return [
        QuoteLineInput(
            ln.sku,
            ln.family,
            ln.quantity,
            (ln.net_amount * (100 - off) / 100).quantize(step, ROUND_HALF_UP),
        )
        for ln in lines
    ]
