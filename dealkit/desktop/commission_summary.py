"""One period of the signed-in rep's commissions, read on a worker thread for the window.

The figures come from the engine (``dealkit.engine.commissions``: the calculator over the store,
its credits, line details and SPIF progress; disputes from the ``DisputeBook``); this module
only copies them into plain values the Commissions page shows, so no business rule lives in the
window. The date the period runs to is the demo's anchor date in a demo workspace (its deals end
there), otherwise today in the local time zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from dealkit.desktop.quote_rows import current_user
from dealkit.engine.commissions.pace import (
    amount_to_go,
    attainment_series,
    elapsed_percent,
    projected_percent,
)
from dealkit.engine.money import Money
from dealkit.engine.workspace import Workspace

if TYPE_CHECKING:  # the engine's commissions load on the worker, not while the window starts
    from dealkit.engine.commissions import Line
    from dealkit.engine.commissions.disputes import Dispute

DEMO_ANCHOR_KEY = "demo_anchor"


@dataclass(frozen=True)
class ComponentLine:
    """One payout line, with the engine's explanation in plain words and the credits behind it.

    ``source`` is the engine's line itself (what a question on the line refers to) and
    ``line_ref`` its stable reference, which disputes carry."""

    name: str
    kind: str  # earning, spif, clawback, adjustment or draw
    amount: Money
    trace: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    line_ref: str = ""
    source: Line | None = None


@dataclass(frozen=True)
class SpifLine:
    """Progress towards a SPIF goal ("3 of 5 SUB-SECURE-EDGE sold") and its reward."""

    name: str
    progress: Decimal
    goal: Decimal
    measure: str  # units or amount
    reward: str
    achieved: bool
    product: str = ""  # what counts: "SUB-SECURE-EDGE", "family NET"
    currency: str = "USD"


@dataclass(frozen=True)
class DisputeMessageView:
    author: str  # display name when the author is a known user
    at: datetime
    text: str
    attachment_name: str | None = None
    attachment_hash: str | None = None


@dataclass(frozen=True)
class DisputeView:
    """A question raised on a statement line, as the disputes list shows it."""

    id: str
    period: str
    line_ref: str
    line_label: str
    line_amount: Money
    reason: str  # a key of ``dealkit.engine.commissions.disputes.REASONS``
    status: str  # open, in_review, resolved
    resolution: str | None
    created_at: datetime
    updated_at: datetime
    messages: list[DisputeMessageView] = field(default_factory=list)


@dataclass(frozen=True)
class CommissionSummary:
    rep_name: str
    plan_name: str
    period_label: str
    as_of: date
    quota: Money
    attainment: Money
    attainment_pct: Decimal
    expected_pct: Decimal  # share of the period gone, in percent ("on pace" reference)
    earnings: Money
    lines: list[ComponentLine]
    spifs: list[SpifLine]
    warnings: list[str] = field(default_factory=list)
    username: str = ""
    plan_code: str = ""
    start: date | None = None
    end: date | None = None
    payout: Money | None = None
    is_current: bool = True  # the period running now (else a past period, shown to its end)
    finalized: bool = False  # a past period kept in the ledger as it was paid
    periods: list[str] = field(
        default_factory=list
    )  # every period the rep can choose, newest first
    attainment_series: list[tuple[date, Money]] = field(default_factory=list)  # running total
    disputes: list[DisputeView] = field(default_factory=list)  # the rep's, every period
    notes: list[str] = field(default_factory=list)

    @property
    def remaining_days(self) -> int:
        """Days left in the period after ``as_of`` (0 for a period that is over)."""
        if self.end is None:
            return 0
        return max(0, (self.end - self.as_of).days)

    @property
    def to_go(self) -> Money:
        return amount_to_go(self.quota, self.attainment)

    @property
    def projected_pct(self) -> Decimal | None:
        return projected_percent(self.attainment_pct, self.expected_pct)

    def disputes_on(self, line_ref: str) -> list[DisputeView]:
        return [d for d in self.disputes if d.line_ref == line_ref]


def as_of_date(workspace: Workspace) -> date:
    """The day the period runs to: the demo anchor if this is a demo workspace, else today."""
    anchor = workspace.info(DEMO_ANCHOR_KEY)
    if anchor:
        return date.fromisoformat(anchor)
    return datetime.now().astimezone().date()


def _line(line: Line, plan_code: str, period: str, credits: list[str]) -> ComponentLine:
    """A payout line; a clawback names the deal it reverses, so two clawbacks read apart."""
    from dealkit.engine.commissions.disputes import line_reference

    name = f"{line.label} · {line.ref}" if line.ref else line.label
    if line.for_period:
        name = f"{name} ({line.for_period})"
    return ComponentLine(
        name,
        line.kind,
        line.amount,
        list(line.trace),
        credits,
        line_reference(plan_code, period, line),
        line,
    )


def _dispute(d: Dispute, names: dict[str, str]) -> DisputeView:
    return DisputeView(
        id=d.id,
        period=d.period,
        line_ref=d.line_ref,
        line_label=d.line_label,
        line_amount=d.line_amount,
        reason=d.reason,
        status=d.status.value,
        resolution=d.resolution.value if d.resolution else None,
        created_at=d.created_at,
        updated_at=d.updated_at,
        messages=[
            DisputeMessageView(
                names.get(m.author, m.author), m.at, m.text, m.attachment_name, m.attachment
            )
            for m in d.messages
        ],
    )


def load_disputes(workspace: Workspace, username: str) -> list[DisputeView]:
    """The rep's questions on their statements, newest first, with display names in threads."""
    from sqlalchemy import select

    from dealkit.engine.commissions.disputes import DisputeBook
    from dealkit.engine.store.models import User

    with workspace.store.session() as session:
        names = {u: n for u, n in session.execute(select(User.username, User.display_name))}
    found = DisputeBook.for_workspace(workspace).all(participant=username)
    return [_dispute(d, names) for d in reversed(found)]


def load_commission_summary(
    workspace: Workspace, period: str | None = None
) -> CommissionSummary | None:
    """The signed-in rep's ``period`` (default: the one running now, to date), or None when the
    workspace has no signed-in user."""
    from dealkit.engine.commissions.periods import parse_period, periods_between
    from dealkit.engine.commissions.store_source import calculator_for

    as_of = as_of_date(workspace)
    with workspace.store.session() as session:
        user = current_user(session, workspace)
        if user is None:
            return None
        calc = calculator_for(session, user.username, as_of)
    current = calc.period_of(as_of)
    wanted = parse_period(period) if period else current
    if wanted.start > current.start:
        wanted = current  # the future has no statement yet
    day = min(as_of, wanted.end)
    plan = calc.plan_for(wanted)
    result = calc.participant(user.username, wanted, day)
    kept = calc.ledger.get(calc.code, wanted.label)
    credits = {
        line.component: calc.line_details(user.username, wanted, line.component, day)
        for line in result.lines
        if line.kind == "earning"
    }
    expected = elapsed_percent(wanted, day)
    cur = result.quota.currency
    series = attainment_series(calc.credits_for(user.username, wanted, day), cur)
    running = series[-1][1].amount if series else Decimal(0)
    if running != result.attainment.amount and kept is None:
        raise AssertionError(  # the chart must tell the same story as the figures
            f"attainment series ends at {running}, the engine says {result.attainment.amount}"
        )
    first = calc.period_of(min(p.effective_from for p in calc.plans))
    choosable = [
        p.label for p in periods_between(first, current) if _active(calc, user.username, p)
    ]
    components = {c.id: c for c in plan.components}
    spifs = [
        SpifLine(
            s.label,
            s.achieved,
            s.goal,
            s.measure,
            s.reward,
            s.reached,
            _spif_product(components.get(s.component)),
            cur,
        )
        for s in result.spifs
    ]
    return CommissionSummary(
        rep_name=user.display_name or result.name,
        plan_name=plan.name,
        period_label=result.period,
        as_of=day,
        quota=result.quota,
        attainment=result.attainment,
        attainment_pct=result.attainment_pct,
        expected_pct=expected,
        earnings=result.earnings,
        lines=[
            _line(line, plan.code, result.period, credits.get(line.component, []))
            for line in result.lines
        ],
        spifs=spifs,
        warnings=list(calc.credits(plan)[1]),
        username=user.username,
        plan_code=plan.code,
        start=wanted.start,
        end=wanted.end,
        payout=result.payout,
        is_current=wanted == current,
        finalized=kept is not None,
        periods=list(reversed(choosable)),
        attainment_series=series,
        disputes=load_disputes(workspace, user.username),
        notes=list(result.notes),
    )


def _active(calc: object, username: str, period: object) -> bool:
    from dealkit.engine.commissions import CommissionError

    try:
        plan = calc.plan_for(period)  # type: ignore[attr-defined]
    except CommissionError:
        return False
    person = plan.participants.get(username)
    return person is not None and person.active_in(period)


def _spif_product(component: object) -> str:
    """What a SPIF counts, as the plan names it ("SUB-SECURE-EDGE", "family NET")."""
    match = getattr(component, "match", None)
    return match.describe().removeprefix("SKU ") if match is not None else ""
