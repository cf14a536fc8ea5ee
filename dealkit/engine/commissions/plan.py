"""The plan model: what a commission plan document says, as typed, validated values.

A plan document (YAML, see docs/commission-plans.md) is one effective-dated *version* of a plan.
``plan_loader`` turns the document into these objects; the calculation reads only these, so every
rule of the plan has exactly one meaning in code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from dealkit.engine.commissions.periods import Period, overlap_days, quarter_of

ROLES = ("rep", "manager", "overlay")


@dataclass(frozen=True, slots=True)
class Match:
    """Which transactions a rule applies to; an empty field matches anything."""

    skus: frozenset[str] = frozenset()
    families: frozenset[str] = frozenset()
    segments: frozenset[str] = frozenset()
    industries: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    new_logo: bool | None = None

    @property
    def is_everything(self) -> bool:
        return not (
            self.skus
            or self.families
            or self.segments
            or self.industries
            or self.regions
            or self.new_logo is not None
        )

    def matches(
        self, sku: str, family: str, segment: str, industry: str, region: str, new_logo: bool
    ) -> bool:
        return (
            (not self.skus or sku in self.skus)
            and (not self.families or family in self.families)
            and (not self.segments or segment in self.segments)
            and (not self.industries or industry in self.industries)
            and (not self.regions or region in self.regions)
            and (self.new_logo is None or self.new_logo == new_logo)
        )

    def describe(self) -> str:
        parts = []
        for name, values in (
            ("SKU", self.skus),
            ("family", self.families),
            ("segment", self.segments),
            ("industry", self.industries),
            ("region", self.regions),
        ):
            if values:
                parts.append(f"{name} {' or '.join(sorted(values))}")
        if self.new_logo is not None:
            parts.append("new logos" if self.new_logo else "existing customers")
        return ", ".join(parts) if parts else "all products"


@dataclass(frozen=True, slots=True)
class Window:
    """A time window: the last or first N days of each quarter, or fixed dates."""

    last_days_of_quarter: int | None = None
    first_days_of_quarter: int | None = None
    start: date | None = None
    end: date | None = None

    def contains(self, day: date) -> bool:
        return _window_contains(self, day)

    def _contains(self, day: date) -> bool:
        if self.last_days_of_quarter is not None:
            q = quarter_of(day)
            return day > q.end - timedelta(days=self.last_days_of_quarter)
        if self.first_days_of_quarter is not None:
            q = quarter_of(day)
            return day < q.start + timedelta(days=self.first_days_of_quarter)
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    def bounds_in(self, period: Period) -> tuple[date, date]:
        """The first and last day of the window inside ``period`` (for traces)."""
        return _bounds_in(self, period)

    def describe(self) -> str:
        if self.last_days_of_quarter is not None:
            return f"the last {self.last_days_of_quarter} days of the quarter"
        if self.first_days_of_quarter is not None:
            return f"the first {self.first_days_of_quarter} days of the quarter"
        return f"{self.start or 'the start'} to {self.end or 'the end'}"


@lru_cache(maxsize=65536)
def _window_contains(window: Window, day: date) -> bool:
    return window._contains(day)


@lru_cache(maxsize=4096)
def _bounds_in(window: Window, period: Period) -> tuple[date, date]:
    days = [d for d in _days(period.start, period.end) if window.contains(d)]
    return (days[0], days[-1]) if days else (period.start, period.start)


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


@dataclass(frozen=True, slots=True)
class Threshold:
    """A gate: the component pays nothing until attainment reaches this point."""

    attainment_pct: Decimal | None = None
    attainment: Decimal | None = None


@dataclass(frozen=True, slots=True)
class RateRule:
    """A rate (fraction, 0.15 for 15%) and/or an amount per unit, for the matched transactions."""

    match: Match
    rate: Decimal | None
    per_unit: Decimal | None
    label: str = ""


@dataclass(frozen=True, slots=True)
class Component:
    """Fields every component has."""

    id: str
    label: str
    match: Match
    applies_to: frozenset[str]
    threshold: Threshold | None
    cap: Decimal | None


@dataclass(frozen=True, slots=True)
class RateComponent(Component):
    """Flat rates: a default rule plus overrides (first matching override wins)."""

    default: RateRule | None
    overrides: tuple[RateRule, ...]

    def rule_for(
        self, sku: str, family: str, segment: str, industry: str, region: str, new_logo: bool
    ) -> int | None:
        """Index of the rule that prices a transaction: 0.. for overrides, -1 for the default."""
        if not self.match.matches(sku, family, segment, industry, region, new_logo):
            return None
        for i, rule in enumerate(self.overrides):
            if rule.match.matches(sku, family, segment, industry, region, new_logo):
                return i
        return -1 if self.default is not None else None

    def rule(self, index: int) -> RateRule:
        return self.default if index == -1 else self.overrides[index]  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class Tier:
    """A band of a rate table: up to ``upto`` (an amount) or ``upto_pct`` (of quota)."""

    rate: Decimal
    upto: Decimal | None = None
    upto_pct: Decimal | None = None


@dataclass(frozen=True, slots=True)
class TieredComponent(Component):
    """A rate table by the component's credited amount: marginal or retroactive."""

    method: str  # "marginal" | "retroactive"
    tiers: tuple[Tier, ...]

    def bounds(self, quota: Decimal) -> list[tuple[Decimal | None, Decimal]]:
        """(upper bound or None for the last band, rate) with percentages resolved on quota."""
        out: list[tuple[Decimal | None, Decimal]] = []
        for tier in self.tiers:
            if tier.upto is not None:
                out.append((tier.upto, tier.rate))
            elif tier.upto_pct is not None:
                out.append((quota * tier.upto_pct / 100, tier.rate))
            else:
                out.append((None, tier.rate))
        return out


@dataclass(frozen=True, slots=True)
class WindowComponent(Component):
    """A time multiplier: deals closed inside the window earn ``factor`` x another component.

    The line pays the extra, (factor - 1) x the other component's earnings on those deals, so a
    factor below 1 (a decelerator) gives a negative line.
    """

    of: str
    window: Window
    factor: Decimal


@dataclass(frozen=True, slots=True)
class SpifComponent(Component):
    """A goal inside a window (units or amount of matched products) that wins a reward."""

    window: Window | None
    goal_units: Decimal | None
    goal_amount: Decimal | None
    reward_cash: Decimal | None
    reward_item: str | None
    reward_value: Decimal | None


@dataclass(frozen=True, slots=True)
class Assignment:
    """A participant's time on the plan with a quota per period; mid-period changes prorate."""

    start: date
    end: date | None
    quota: Decimal


@dataclass(frozen=True, slots=True)
class Draw:
    amount: Decimal
    recoverable: bool


@dataclass(frozen=True, slots=True)
class Overlay:
    """An overlay participant gets full credit for matched deals of the listed reps (or all)."""

    match: Match
    reps: frozenset[str]


@dataclass(frozen=True, slots=True)
class Participant:
    id: str
    name: str
    role: str
    assignments: tuple[Assignment, ...]
    team: frozenset[str] = frozenset()
    overlay: Overlay | None = None
    draw: Draw | None = None

    def active_on(self, day: date) -> bool:
        return any(a.start <= day and (a.end is None or day <= a.end) for a in self.assignments)

    def active_in(self, period: Period) -> bool:
        return any(overlap_days(a.start, a.end, period.start, period.end) for a in self.assignments)

    def quota_for(self, period: Period) -> tuple[Decimal, list[str]]:
        """The period's quota, prorated by days when assignments change mid-period."""
        total = Decimal(0)
        notes: list[str] = []
        for a in self.assignments:
            days = overlap_days(a.start, a.end, period.start, period.end)
            if not days:
                continue
            if days == period.days:
                total += a.quota
            else:
                part = a.quota * days / period.days
                total += part
                notes.append(f"{days} of {period.days} days at a quota of {a.quota}")
        return total, notes


@dataclass(frozen=True)
class Plan:
    code: str
    version: int
    name: str
    effective_from: date
    effective_to: date | None
    currency: str
    period: str  # "month" | "quarter"
    exchange_rates: dict[str, Decimal]
    clawback_days: int | None
    participants: dict[str, Participant]
    components: tuple[Component, ...]
    source: str = field(default="", compare=False)

    def component(self, component_id: str) -> Component:
        for c in self.components:
            if c.id == component_id:
                return c
        raise KeyError(component_id)

    def covers(self, day: date) -> bool:
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )
