"""The period calculation: credits -> component earnings -> clawbacks, adjustments -> draws.

``Calculator`` holds the plan versions, the transactions and the ledger of finalized periods, and
computes any participant's period (whole, or to date). Results are memoised per participant and
period, so that a draw balance or a clawback looking back at an earlier period costs one
calculation. The order inside a period, and the rounding points, are:

1. credits (rounded per credit, see ``crediting``);
2. rate and tiered components, then time windows (which multiply another component), then SPIFs;
   each component's line goes through its gate (threshold), then its cap, then is rounded;
3. clawbacks of deals cancelled in this period, at what they earned in their own period, rounded
   per deal;
4. adjustments for finalized periods whose recalculation now differs, rounded per period;
5. the draw: a top-up to the draw amount, or a recovery of what earlier top-ups advanced.

Everything is exact ``Decimal``; a rerun on the same data gives the same result to the cent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from dealkit.engine.commissions.components import (
    Aggregator,
    Totals,
    attribute,
    label_of,
    render_lines,
)
from dealkit.engine.commissions.crediting import Credit, credit_transactions
from dealkit.engine.commissions.errors import CommissionError
from dealkit.engine.commissions.formatting import money
from dealkit.engine.commissions.ledger import Ledger, MemoryLedger
from dealkit.engine.commissions.periods import Period, parse_period, period_of
from dealkit.engine.commissions.plan import (
    Participant,
    Plan,
)
from dealkit.engine.commissions.results import Line, ParticipantResult, PeriodResult
from dealkit.engine.commissions.transactions import Txn
from dealkit.engine.money import Money, currency_quantum

ZERO = Decimal(0)


@dataclass
class _Computed:
    """A participant's period plus what a clawback or a statement may later ask of it."""

    plan: Plan
    person: Participant
    credits: list[Credit]
    quota: Decimal
    totals: Totals
    scales: dict[str, Decimal]
    result: ParticipantResult = field(init=False)  # set once the period's lines are complete
    _attributed: dict[str, dict[tuple[int, str, str], Decimal]] | None = None

    @property
    def attributed(self) -> dict[str, dict[tuple[int, str, str], Decimal]]:
        """Component id -> credit key -> that credit's share of the line, as paid; worked out
        on first use only (most periods never need it)."""
        if self._attributed is None:
            self._attributed = attribute(
                self.plan, self.person, self.credits, self.quota, self.totals, self.scales
            )
        return self._attributed


class Calculator:
    """Calculates periods of one plan (all its versions) over a set of transactions."""

    def __init__(
        self, plans: Sequence[Plan], txns: Sequence[Txn], ledger: Ledger | None = None
    ) -> None:
        if not plans:
            raise CommissionError("no plan given: load a plan document first")
        codes = {p.code for p in plans}
        if len(codes) > 1:
            raise CommissionError(f"plans of different codes given together: {sorted(codes)}")
        self.plans = sorted(plans, key=lambda p: (p.effective_from, p.version))
        self.code = self.plans[0].code
        self.txns = list(txns)
        self.ledger: Ledger = ledger if ledger is not None else MemoryLedger()
        self._credits: dict[int, tuple[dict[str, list[Credit]], list[str]]] = {}
        self._memo: dict[tuple[str, Period, date, bool], _Computed] = {}

    # plans and credits ------------------------------------------------------------------------

    def plan_for(self, period: Period) -> Plan:
        """The version in force on the period's first day (else the first starting inside it)."""
        for plan in reversed(self.plans):
            if plan.covers(period.start):
                return plan
        for plan in self.plans:
            if period.contains(plan.effective_from):
                return plan
        raise CommissionError(
            f"no version of plan '{self.code}' is in force in {period.label}: versions cover "
            + ", ".join(f"{p.effective_from} to {p.effective_to or 'open'}" for p in self.plans)
        )

    def period_of(self, day: date) -> Period:
        kind = self.plans[0].period
        for plan in self.plans:
            if plan.covers(day):
                kind = plan.period
        return period_of(day, kind)

    def credits(self, plan: Plan) -> tuple[dict[str, list[Credit]], list[str]]:
        key = id(plan)
        if key not in self._credits:
            self._credits[key] = credit_transactions(plan, self.txns)
        return self._credits[key]

    # public API -------------------------------------------------------------------------------

    def period(self, period: Period | str, as_of: date | None = None) -> PeriodResult:
        """Every participant's result for ``period`` (to ``as_of`` when given)."""
        period = parse_period(period) if isinstance(period, str) else period
        kept = self.ledger.get(self.code, period.label)
        if kept is not None:
            return kept
        plan = self.plan_for(period)
        as_of = min(as_of or period.end, period.end)
        people = {
            pid: self.participant(pid, period, as_of)
            for pid, p in plan.participants.items()
            if p.active_in(period)
        }
        return PeriodResult(
            plan.code, plan.version, period.label, as_of, False, people, self.credits(plan)[1]
        )

    def participant(
        self, pid: str, period: Period | str, as_of: date | None = None
    ) -> ParticipantResult:
        period = parse_period(period) if isinstance(period, str) else period
        kept = self.ledger.get(self.code, period.label)
        if kept is not None and pid in kept.participants:
            return kept.participants[pid]
        as_of = min(as_of or period.end, period.end)
        return self._compute(pid, period, as_of, True).result

    def finalize(self, period: Period | str) -> PeriodResult:
        """Calculate the whole period and keep it in the ledger; it will never change again."""
        period = parse_period(period) if isinstance(period, str) else period
        if self.ledger.get(self.code, period.label) is not None:
            raise CommissionError(f"{self.code} {period.label} is already finalized")
        result = self.period(period)
        final = PeriodResult(
            result.plan_code,
            result.plan_version,
            result.period,
            period.end,
            True,
            result.participants,
            result.warnings,
        )
        self.ledger.put(final)
        self._memo.clear()
        return final

    def credits_for(self, pid: str, period: Period, as_of: date | None = None) -> list[Credit]:
        """The participant's credits in the period (to ``as_of``), oldest first."""
        plan = self.plan_for(period)
        end = min(as_of or period.end, period.end)
        return [
            c for c in self.credits(plan)[0].get(pid, []) if period.start <= c.txn.closed_on <= end
        ]

    def line_details(
        self, pid: str, period: Period | str, component_id: str, as_of: date | None = None
    ) -> list[str]:
        """One sentence per credit behind a component line, built on demand (a statement's
        expanded trace): the deal, its credit (with the currency conversion) and its share."""
        period = parse_period(period) if isinstance(period, str) else period
        as_of = min(as_of or period.end, period.end)
        plan = self.plan_for(period)
        computed = self._compute(pid, period, as_of, False)
        shares = computed.attributed.get(component_id, {})
        cur = plan.currency
        out = []
        for credit in self.credits_for(pid, period, as_of):
            if credit.key not in shares:
                continue
            t = credit.txn
            converted = ""
            if t.currency != cur:
                whole = Money(t.amount, t.currency).format("en_US")
                converted = f" ({whole} at the plan rate {plan.exchange_rates[t.currency]})"
            out.append(f"{credit.describe(cur)}{converted}: {money(shares[credit.key], cur)}")
        return out

    # the calculation --------------------------------------------------------------------------

    def _compute(self, pid: str, period: Period, as_of: date, adjust: bool) -> _Computed:
        key = (pid, period, as_of, adjust)
        if key in self._memo:
            return self._memo[key]
        plan = self.plan_for(period)
        person = plan.participants.get(pid)
        if person is None:
            raise CommissionError(
                f"'{pid}' is not a participant of plan '{plan.code}' v{plan.version}: add them "
                f"under participants, or check the id"
            )
        cur = plan.currency
        q = currency_quantum(cur)
        credits = self.credits_for(pid, period, as_of)
        quota_raw, quota_notes = person.quota_for(period)
        quota = quota_raw.quantize(q, rounding=ROUND_HALF_UP)
        notes = [f"Quota prorated: {n}" for n in quota_notes]
        attainment = sum((c.amount for c in credits), ZERO)
        totals = Totals()
        Aggregator(plan, person.role, quota).add_credits(totals, credits)
        lines, spifs, scales = render_lines(plan, person, period, totals, quota)
        computed = _Computed(plan, person, credits, quota, totals, scales)
        lines.extend(self._clawbacks(plan, person, period, as_of, computed))
        if adjust:
            lines.extend(self._adjustments(plan, person, period))
        draw_lines, balance = self._draw(plan, person, period, as_of, lines)
        lines.extend(draw_lines)
        result = ParticipantResult(
            participant=pid,
            name=person.name,
            role=person.role,
            period=period.label,
            start=period.start,
            end=period.end,
            as_of=as_of,
            quota=Money(quota, cur),
            attainment=Money(attainment, cur),
            credits=len(credits),
            lines=lines,
            spifs=spifs,
            draw_balance=balance,
            notes=notes,
        )
        computed.result = result
        self._memo[key] = computed
        return computed

    def _clawbacks(
        self,
        plan: Plan,
        person: Participant,
        period: Period,
        as_of: date,
        now: _Computed,
    ) -> list[Line]:
        if plan.clawback_days is None:
            return []
        cur, q = plan.currency, currency_quantum(plan.currency)
        out: list[Line] = []
        for credit in self.credits(plan)[0].get(person.id, []):
            t = credit.txn
            if t.cancelled_on is None or not (period.start <= t.cancelled_on <= as_of):
                continue
            days = (t.cancelled_on - t.closed_on).days
            if days > plan.clawback_days:
                continue
            origin = self.period_of(t.closed_on)
            if origin == period:
                attributed = now.attributed
            else:
                try:
                    origin_plan = self.plan_for(origin)
                except CommissionError:
                    continue
                if person.id not in origin_plan.participants:
                    continue
                attributed = self._compute(person.id, origin, origin.end, False).attributed
            parts = []
            total = ZERO
            for comp_id, per_credit in attributed.items():
                value = per_credit.get(credit.key, ZERO)
                if value:
                    total += value
                    label = label_of(plan, comp_id)
                    parts.append(f"{label} {money(value, cur)}")
            if not total:
                continue
            amount = (-total).quantize(q, rounding=ROUND_HALF_UP)
            trace = [
                f"{t.ref} ({t.sku}) closed {t.closed_on} and was cancelled {t.cancelled_on}, "
                f"{days} days later: within the {plan.clawback_days}-day clawback window",
                f"It earned {money(total, cur)} in {origin.label}: " + "; ".join(parts),
                f"Reversed here at the same rate: {money(amount, cur)}; attainment is not changed",
            ]
            out.append(
                Line("clawback", "Clawback", "clawback", Money(amount, cur), trace, ref=t.ref)
            )
        return out

    def _adjustments(self, plan: Plan, person: Participant, period: Period) -> list[Line]:
        """Corrections for finalized periods whose recalculation now gives other earnings."""
        cur, q = plan.currency, currency_quantum(plan.currency)
        out: list[Line] = []
        finalized = {
            label: self.ledger.get(self.code, label) for label in self.ledger.periods(self.code)
        }
        for label, kept in sorted(finalized.items()):
            earlier = parse_period(label)
            if kept is None or earlier.kind != period.kind or earlier.start >= period.start:
                continue
            then = kept.participants.get(person.id)
            if then is None:
                continue
            settled = _own_earnings(then)
            for other_label, other in finalized.items():
                if other is None or other_label == label:
                    continue
                other_start = parse_period(other_label).start
                if earlier.start < other_start < period.start and person.id in other.participants:
                    settled += sum(
                        (
                            ln.amount.amount
                            for ln in other.participants[person.id].lines
                            if ln.kind == "adjustment" and ln.for_period == label
                        ),
                        ZERO,
                    )
            now = _own_earnings(self._compute(person.id, earlier, earlier.end, False).result)
            diff = (now - settled).quantize(q, rounding=ROUND_HALF_UP)
            if diff:
                out.append(
                    Line(
                        "adjustment",
                        f"Correction to {label}",
                        "adjustment",
                        Money(diff, cur),
                        [
                            f"{label} is finalized with earnings of {money(settled, cur)}",
                            f"Recalculated with the data known now it comes to {money(now, cur)}",
                            f"The difference, {money(diff, cur)}, is adjusted in {period.label}",
                        ],
                        for_period=label,
                    )
                )
        return out

    def _draw(
        self, plan: Plan, person: Participant, period: Period, as_of: date, lines: list[Line]
    ) -> tuple[list[Line], Money | None]:
        if person.draw is None:
            return [], None
        cur = plan.currency
        draw = person.draw.amount
        earnings = sum((ln.amount.amount for ln in lines), ZERO)
        owed = self._balance_before(person.id, period) if person.draw.recoverable else ZERO
        recovery = min(owed, max(ZERO, earnings - draw))
        top_up = max(ZERO, draw - (earnings - recovery))
        balance = owed - recovery + top_up if person.draw.recoverable else ZERO
        kind = "recoverable" if person.draw.recoverable else "non-recoverable"
        out = []
        if recovery:
            out.append(
                Line(
                    "draw",
                    "Draw recovery",
                    "draw",
                    Money(-recovery, cur),
                    [
                        f"{money(owed, cur)} of earlier draws was owed at the start of "
                        f"{period.label}",
                        f"Earnings of {money(earnings, cur)} exceed the {money(draw, cur)} draw by "
                        f"{money(earnings - draw, cur)}: {money(recovery, cur)} is recovered",
                        f"Still owed: {money(owed - recovery, cur)}",
                    ],
                )
            )
        if top_up:
            trace = [
                f"Earnings of {money(earnings - recovery, cur)} are below the "
                f"{money(draw, cur)} {kind} draw: topped up by {money(top_up, cur)}",
            ]
            if person.draw.recoverable:
                trace.append(
                    f"Owed from future earnings: {money(balance, cur)} carried to "
                    f"{period.next().label}"
                )
            if as_of < period.end:
                trace.append(f"Period to date ({as_of}); the final figure comes at period end")
            out.append(Line("draw", f"Draw ({kind})", "draw", Money(top_up, cur), trace))
        return out, Money(balance, cur) if person.draw.recoverable else None

    def _balance_before(self, pid: str, period: Period) -> Decimal:
        previous = period.previous()
        kept = self.ledger.get(self.code, previous.label)
        if kept is not None:
            then = kept.participants.get(pid)
            return then.draw_balance.amount if then and then.draw_balance else ZERO
        try:
            plan = self.plan_for(previous)
        except CommissionError:
            return ZERO
        person = plan.participants.get(pid)
        if person is None or not person.active_in(previous) or person.draw is None:
            return ZERO
        before = self._compute(pid, previous, previous.end, True).result
        return before.draw_balance.amount if before.draw_balance else ZERO


# component calculations (pure functions) --------------------------------------------------------


def _own_earnings(result: ParticipantResult) -> Decimal:
    return sum(
        (ln.amount.amount for ln in result.lines if ln.kind in ("earning", "spif", "clawback")),
        ZERO,
    )
