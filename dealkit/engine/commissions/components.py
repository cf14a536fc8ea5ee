"""Component earnings: sum a participant's credits per component, then write the lines.

Every component only ever needs sums: a rate the amount and units per rule, a tier table the
matched total, a window what the deals inside it earned under another component, a SPIF the
units or amount inside its window. So the calculation is split in two:

* ``Aggregator.add`` folds credits (or buckets of credits, or a quote's lines) into ``Totals``;
* ``render_lines`` turns ``Totals`` into lines with their traces, gates, caps and roundings.

The per-credit path, the columnar path and the estimator all end in ``render_lines``, so a figure
and its trace are written by one piece of code. ``attribute`` gives each single credit's share
of each line (for clawbacks and "the credits behind this line"), only when asked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from dealkit.engine.commissions import tiers as tiers_math
from dealkit.engine.commissions.crediting import Credit
from dealkit.engine.commissions.formatting import money, number, pct, percent_value
from dealkit.engine.commissions.periods import Period
from dealkit.engine.commissions.plan import (
    Component,
    Participant,
    Plan,
    RateComponent,
    SpifComponent,
    TieredComponent,
    WindowComponent,
)
from dealkit.engine.commissions.results import Line, SpifProgress
from dealkit.engine.money import Money, currency_quantum

ZERO = Decimal(0)
Facts = tuple[str, str, str, str, str, bool]
CreditKey = tuple[int, str, str]


@dataclass
class Totals:
    """What a participant's credits add up to, per component."""

    attainment: Decimal = ZERO
    rate: dict[str, dict[int, list[Any]]] = field(default_factory=dict)  # rule: [amt, units, n]
    tier: dict[str, Decimal] = field(default_factory=dict)  # matched total (running)
    window: dict[str, list[Any]] = field(default_factory=dict)  # [n, earned raw, tier amount]
    spif: dict[str, Decimal] = field(default_factory=dict)

    def copy(self) -> Totals:
        return Totals(
            self.attainment,
            {k: {r: list(g) for r, g in v.items()} for k, v in self.rate.items()},
            dict(self.tier),
            {k: list(v) for k, v in self.window.items()},
            dict(self.spif),
        )


def ordered_components(plan: Plan, role: str) -> list[Component]:
    """The role's components in calculation order: rates and tiers, then windows, then SPIFs."""
    mine = [c for c in plan.components if role in c.applies_to]
    return (
        [c for c in mine if isinstance(c, RateComponent | TieredComponent)]
        + [c for c in mine if isinstance(c, WindowComponent)]
        + [c for c in mine if isinstance(c, SpifComponent)]
    )


class Aggregator:
    """Folds credits into ``Totals`` for one role of one plan, with a given quota.

    Credits must come in close-date order when a window multiplies a marginal tier table (a
    deal's share of such a table depends on what came before it)."""

    def __init__(
        self,
        plan: Plan,
        role: str,
        quota: Decimal,
        memo: dict[Facts, list[tuple[Component, int]]] | None = None,
    ) -> None:
        self.plan = plan
        self.comps = ordered_components(plan, role)
        windows = [c for c in self.comps if isinstance(c, WindowComponent)]
        self.of_ids = {w.of for w in windows}
        self.bands = {
            c.id: c.bounds(quota) for c in self.comps if isinstance(c, TieredComponent)
        }  # fmt: skip
        # what each set of customer/product facts matches; shareable between participants of
        # the same role (the columnar path reuses it across thousands of them)
        self._memo: dict[Facts, list[tuple[Component, int]]] = memo if memo is not None else {}

    def _matches(self, facts: Facts) -> list[tuple[Component, int]]:
        found = self._memo.get(facts)
        if found is None:
            found = []
            for c in self.comps:
                if not c.match.matches(*facts):
                    continue
                if isinstance(c, RateComponent):
                    rule = c.rule_for(*facts)
                    if rule is None:
                        continue
                    found.append((c, rule))
                else:
                    found.append((c, 0))
            self._memo[facts] = found
        return found

    def add(
        self,
        totals: Totals,
        facts: Facts,
        day: date,
        amount: Decimal,
        quantity: Decimal,
        count: int = 1,
    ) -> None:
        totals.attainment += amount
        earned_under: dict[str, Decimal] = {}
        for comp, rule in self._matches(facts):
            cid = comp.id
            if isinstance(comp, RateComponent):
                group = totals.rate.setdefault(cid, {}).setdefault(rule, [ZERO, ZERO, 0])
                group[0] += amount
                group[1] += quantity
                group[2] += count
                if cid in self.of_ids:
                    r = comp.rule(rule)
                    earned_under[cid] = amount * (r.rate or ZERO) + quantity * (r.per_unit or ZERO)
            elif isinstance(comp, TieredComponent):
                before = totals.tier.get(cid, ZERO)
                totals.tier[cid] = before + amount
                if cid in self.of_ids and comp.method == "marginal":
                    earned_under[cid] = tiers_math.deal_marginal(before, amount, self.bands[cid])[0]
            elif isinstance(comp, WindowComponent):
                if comp.window.contains(day):
                    slot = totals.window.setdefault(comp.id, [0, ZERO, ZERO])
                    slot[0] += count
                    slot[1] += earned_under.get(comp.of, ZERO)
                    of = self.plan.component(comp.of)
                    if isinstance(of, TieredComponent) and of.match.matches(*facts):
                        slot[2] += amount
            elif isinstance(comp, SpifComponent) and (
                comp.window is None or comp.window.contains(day)
            ):
                add = quantity if comp.goal_units is not None else amount
                totals.spif[cid] = totals.spif.get(cid, ZERO) + add

    def add_credits(self, totals: Totals, credits: list[Credit]) -> None:
        for c in credits:
            self.add(totals, c.txn.facts(), c.txn.closed_on, c.amount, c.quantity, c.count)


def render_lines(
    plan: Plan, person: Participant, period: Period, totals: Totals, quota: Decimal
) -> tuple[list[Line], list[SpifProgress], dict[str, Decimal]]:
    """The component lines (plan order), SPIF progress, and each component's paid/calculated
    ratio (below 1 when a gate or a cap held the line back)."""
    cur = plan.currency
    q = currency_quantum(cur)
    lines: list[Line] = []
    spifs: list[SpifProgress] = []
    scales: dict[str, Decimal] = {}
    for comp in ordered_components(plan, person.role):
        if isinstance(comp, SpifComponent):
            line, progress = _spif(comp, totals.spif.get(comp.id, ZERO), period, cur)
            spifs.append(progress)
            if line is None:
                continue
            raw, trace = line.amount.amount, line.trace
        elif isinstance(comp, RateComponent):
            raw, trace = _rate(comp, totals.rate.get(comp.id, {}), cur)
        elif isinstance(comp, TieredComponent):
            raw, trace = _tiered(comp, totals.tier.get(comp.id, ZERO), quota, cur)
        else:
            assert isinstance(comp, WindowComponent)
            raw, trace = _window(comp, totals, scales.get(comp.of, ZERO), quota, plan, period)
        paid, trace = gate_and_cap(comp, raw, trace, totals.attainment, quota, cur)
        scales[comp.id] = paid / raw if raw else ZERO
        kind = "spif" if isinstance(comp, SpifComponent) else "earning"
        reward = comp.reward_item if isinstance(comp, SpifComponent) else None
        amount = Money(paid.quantize(q, ROUND_HALF_UP), cur)
        lines.append(Line(comp.id, comp.label, kind, amount, trace, reward))
    position = {c.id: i for i, c in enumerate(plan.components)}
    lines.sort(key=lambda line: position[line.component])  # the plan's order, for reading
    spifs.sort(key=lambda s: position[s.component])
    return lines, spifs, scales


def attribute(
    plan: Plan,
    person: Participant,
    credits: list[Credit],
    quota: Decimal,
    totals: Totals,
    scales: dict[str, Decimal],
) -> dict[str, dict[CreditKey, Decimal]]:
    """Each credit's share of each component line, as paid (credits in close-date order)."""
    comps = ordered_components(plan, person.role)
    raw: dict[str, dict[CreditKey, Decimal]] = {c.id: {} for c in comps}
    running: dict[str, Decimal] = {}
    for c in credits:
        facts = c.txn.facts()
        for comp in comps:
            if not comp.match.matches(*facts):
                continue
            if isinstance(comp, RateComponent):
                rule_index = comp.rule_for(*facts)
                if rule_index is None:
                    continue
                r = comp.rule(rule_index)
                raw[comp.id][c.key] = c.amount * (r.rate or ZERO) + c.quantity * (
                    r.per_unit or ZERO
                )
            elif isinstance(comp, TieredComponent):
                bands = comp.bounds(quota)
                if comp.method == "marginal":
                    before = running.get(comp.id, ZERO)
                    raw[comp.id][c.key] = tiers_math.deal_marginal(before, c.amount, bands)[0]
                    running[comp.id] = before + c.amount
                else:
                    rate, _ = tiers_math.band_rate(max(totals.tier.get(comp.id, ZERO), ZERO), bands)
                    raw[comp.id][c.key] = c.amount * rate
            elif isinstance(comp, WindowComponent) and comp.window.contains(c.txn.closed_on):
                base = raw.get(comp.of, {}).get(c.key, ZERO) * scales.get(comp.of, ZERO)
                raw[comp.id][c.key] = base * (comp.factor - 1)
    return {
        cid: {k: v * scales.get(cid, ZERO) for k, v in values.items()}
        for cid, values in raw.items()
    }


# rendering one component ------------------------------------------------------------------------


def label_of(plan: Plan, comp_id: str) -> str:
    try:
        return plan.component(comp_id).label
    except KeyError:
        return comp_id


def _rate(comp: RateComponent, groups: dict[int, list[Any]], cur: str) -> tuple[Decimal, list[str]]:
    trace: list[str] = []
    total = ZERO
    for index in sorted(groups, key=lambda i: (i == -1, i)):
        rule = comp.rule(index)
        amount, units, n = groups[index]
        earned = amount * (rule.rate or ZERO) + units * (rule.per_unit or ZERO)
        total += earned
        name = rule.label or (
            rule.match.describe() if index != -1 else ("Other products" if comp.overrides else "")
        )
        who = f"{name}: " if name else ""
        count = f"{n} credit{'s' if n != 1 else ''}"
        parts = []
        if rule.rate is not None:
            parts.append(f"{pct(rule.rate)} of {money(amount, cur)} ({count})")
        if rule.per_unit is not None:
            parts.append(f"{number(units)} units at {money(rule.per_unit, cur)}")
        trace.append(f"{who}{' + '.join(parts)} = {money(earned, cur)}")
    if not trace:
        trace.append(f"No credits for {comp.match.describe()} in this period yet")
    return total, trace


def _tiered(
    comp: TieredComponent, total: Decimal, quota: Decimal, cur: str
) -> tuple[Decimal, list[str]]:
    bands = comp.bounds(quota)
    if comp.method == "marginal":
        amount, sentence = tiers_math.marginal(total, bands, cur)
    else:
        amount, sentence = tiers_math.retroactive(total, bands, cur)
    trace = [sentence]
    if any(t.upto_pct is not None for t in comp.tiers):
        bounds = ", ".join(
            f"{percent_value(t.upto_pct)} = {money(quota * t.upto_pct / 100, cur)}"
            for t in comp.tiers
            if t.upto_pct is not None
        )
        trace.append(f"Tier bounds on a quota of {money(quota, cur)}: {bounds}")
    return amount, trace


def _window(
    comp: WindowComponent,
    totals: Totals,
    scale: Decimal,
    quota: Decimal,
    plan: Plan,
    period: Period,
) -> tuple[Decimal, list[str]]:
    """The window multiplies what its deals were *paid* under the other component: their
    earnings there before its gate and cap, times the share of it that was paid (``scale``)."""
    cur = plan.currency
    count, earned_raw, tier_amount = totals.window.get(comp.id, [0, ZERO, ZERO])
    of = plan.component(comp.of)
    if isinstance(of, TieredComponent) and of.method == "retroactive":
        rate, _ = tiers_math.band_rate(max(totals.tier.get(of.id, ZERO), ZERO), of.bounds(quota))
        earned_raw = tier_amount * rate
    first, last = comp.window.bounds_in(period)
    if not count:
        return ZERO, [
            f"No credits closed in {comp.window.describe()} ({first} to {last}) yet; "
            f"deals closed then earn {number(comp.factor)} x {of.label}"
        ]
    earned = earned_raw * scale
    amount = earned * (comp.factor - 1)
    return amount, [
        f"{count} credit{'s' if count != 1 else ''} closed in {comp.window.describe()} "
        f"({first} to {last}) earned {money(earned, cur)} under {of.label}",
        f"Multiplier {number(comp.factor)}: ({number(comp.factor)} - 1) x {money(earned, cur)}"
        f" = {money(amount, cur)}",
    ]


def _spif(
    comp: SpifComponent, achieved: Decimal, period: Period, cur: str
) -> tuple[Line | None, SpifProgress]:
    what = comp.match.describe().removeprefix("SKU ")
    # one written form whatever the sums went through ("5", "2.5"; money to the cent)
    if comp.goal_units is not None:
        whole = achieved.to_integral_value()
        achieved = whole.quantize(Decimal(1)) if achieved == whole else achieved.normalize()
    else:
        achieved = achieved.quantize(currency_quantum(cur), ROUND_HALF_UP)
    if comp.goal_units is not None:
        goal, measure = comp.goal_units, "units"
        progress_words = f"{number(achieved)} of {number(goal)} {what} sold"
    else:
        goal, measure = comp.goal_amount or ZERO, "amount"
        progress_words = f"{money(achieved, cur)} of {money(goal, cur)} {what} sold"
    reward = comp.reward_item or money(comp.reward_cash or ZERO, cur)
    reached = achieved >= goal
    text = f"{progress_words}: {reward}" + (" won" if reached else "")
    progress = SpifProgress(
        comp.id, comp.label, achieved, goal, measure, reached, reward, text, what
    )
    if not reached:
        return None, progress
    where = f" within {comp.window.describe()}" if comp.window else f" in {period.label}"
    goal_words = number(goal) if measure == "units" else money(goal, cur)
    trace = [f"{progress_words}{where}: the goal of {goal_words} is reached"]
    if comp.reward_cash is not None:
        trace.append(f"Cash reward: {money(comp.reward_cash, cur)}")
        amount = comp.reward_cash
    else:
        value = f" (value {money(comp.reward_value, cur)})" if comp.reward_value else ""
        trace.append(f"Non-cash reward won: {comp.reward_item}{value}; not part of the payout")
        amount = ZERO
    return Line(comp.id, comp.label, "spif", Money(amount, cur), trace, comp.reward_item), progress


def gate_and_cap(
    comp: Component, raw: Decimal, trace: list[str], attainment: Decimal, quota: Decimal, cur: str
) -> tuple[Decimal, list[str]]:
    trace = list(trace)
    paid = raw
    if comp.threshold is not None:
        if comp.threshold.attainment_pct is not None:
            target = quota * comp.threshold.attainment_pct / 100
            name = f"{percent_value(comp.threshold.attainment_pct)} of quota ({money(target, cur)})"
        else:
            target = comp.threshold.attainment or ZERO
            name = money(target, cur)
        if attainment < target:
            paid = ZERO
            trace.append(
                f"Gate not met: attainment of {money(attainment, cur)} is below {name}; "
                f"this component pays nothing until it is reached"
                + (f" (it would pay {money(raw, cur)})" if raw else "")
            )
        else:
            trace.append(f"Gate met: attainment of {money(attainment, cur)} reaches {name}")
    if comp.cap is not None and paid > comp.cap:
        trace.append(
            f"Capped at {money(comp.cap, cur)} for the period (calculated {money(paid, cur)})"
        )
        paid = comp.cap
    return paid, trace
