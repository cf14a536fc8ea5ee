"""Read plans and transactions from the local store, and answer "what have I earned so far?".

The store keeps each plan version as its YAML text (``CommissionPlan.source``) and each credited
sale line as a ``CommissionTransaction`` row whose ``rep_id`` is a user id; plans name
participants by username. This module joins the two worlds and the customers table (segment,
industry, region, new logo) so that the calculation sees plain ``Txn`` values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from dealkit.engine.commissions.calculate import Calculator
from dealkit.engine.commissions.errors import CommissionError, PlanError
from dealkit.engine.commissions.estimator import DealEstimator
from dealkit.engine.commissions.ledger import Ledger
from dealkit.engine.commissions.periods import parse_period
from dealkit.engine.commissions.plan import Plan
from dealkit.engine.commissions.plan_loader import load_plan_text
from dealkit.engine.commissions.results import Line, ParticipantResult, PeriodResult, SpifProgress
from dealkit.engine.commissions.store_ledger import StoreLedger, import_json_ledger
from dealkit.engine.commissions.transactions import Txn
from dealkit.engine.money import Money
from dealkit.engine.store.models import (
    CommissionPlan,
    CommissionTransaction,
    Customer,
    User,
    WorkspaceInfo,
)

LEDGER_FOLDER = "commissions-ledger"  # where older workspaces kept finalized periods
CURRENT_USER_KEY = "current_user_id"


def load_store_plans(session: Session) -> list[Plan]:
    """Every live plan version in the store, parsed (a broken one raises a ``PlanError``)."""
    plans = []
    rows = session.scalars(
        select(CommissionPlan)
        .where(CommissionPlan.deleted.is_(False))
        .order_by(CommissionPlan.code, CommissionPlan.version)
    )
    for row in rows:
        plans.append(load_plan_text(row.source, f"plan '{row.code}' v{row.version} (store)"))
    return plans


def load_store_transactions(session: Session, as_of: date, since: date | None = None) -> list[Txn]:
    """Transactions closed by ``as_of`` (a cancellation after ``as_of`` is not yet known)."""
    usernames = dict((r[0], r[1]) for r in session.execute(select(User.id, User.username)))
    stmt = (
        select(CommissionTransaction, Customer)
        .join(Customer, Customer.id == CommissionTransaction.customer_id, isouter=True)
        .where(CommissionTransaction.deleted.is_(False))
        .where(CommissionTransaction.closed_on <= as_of)
        .order_by(CommissionTransaction.closed_on, CommissionTransaction.id)
    )
    if since is not None:
        stmt = stmt.where(CommissionTransaction.closed_on >= since)
    out: list[Txn] = []
    for seq, (row, customer) in enumerate(session.execute(stmt)):
        cancelled = row.cancelled_on if row.cancelled_on and row.cancelled_on <= as_of else None
        out.append(
            Txn(
                seq=seq,
                ref=row.external_ref,
                rep=usernames.get(row.rep_id, row.rep_id),
                sku=row.product_sku,
                family=row.product_family,
                closed_on=row.closed_on,
                quantity=row.quantity,
                amount=row.amount,
                currency=row.currency,
                split_pct=row.split_percent,
                segment=customer.segment if customer else "",
                industry=customer.industry if customer else "",
                region=customer.region if customer else "",
                new_logo=bool(customer.is_new_logo) if customer else False,
                cancelled_on=cancelled,
            )
        )
    return out


def workspace_ledger(session: Session) -> Ledger:
    """The finalized-period ledger of the workspace: the store's ``commission_periods`` table.

    Finalizations are recorded as made by the workspace's signed-in user. Periods an older
    Dealkit kept as JSON files in ``commissions-ledger/`` next to the database are copied into
    the store the first time (see ``store_ledger.import_json_ledger``)."""
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    info = session.get(WorkspaceInfo, CURRENT_USER_KEY)
    ledger = StoreLedger(engine, finalized_by=info.value if info else None)
    database = engine.url.database
    if engine.url.get_backend_name() == "sqlite" and database and database != ":memory:":
        import_json_ledger(Path(database).parent / LEDGER_FOLDER, ledger)
    return ledger


@dataclass(frozen=True)
class PeriodToDate:
    """A rep's current period so far: what the Commissions page shows."""

    rep_id: str
    participant: str
    name: str
    plan_code: str
    plan_version: int
    plan_name: str
    period: str  # "2026-Q4"
    start: date
    end: date
    as_of: date
    quota: Money
    attainment: Money
    attainment_pct: Decimal
    earnings: Money
    payout: Money
    lines: list[Line]
    spifs: list[SpifProgress]
    expected_pct: Decimal  # share of the period elapsed, in percent: where "on pace" would be
    draw_balance: Money | None = None
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def currency(self) -> str:
        return self.quota.currency

    @property
    def spif_progress(self) -> list[str]:
        """One sentence per SPIF, e.g. "3 of 5 SUB-SECURE-EDGE sold: Trip to Phuket"."""
        return [s.text for s in self.spifs]

    @property
    def pace_text(self) -> str:
        if not self.expected_pct:
            return "The period has just started"
        projected = (self.attainment_pct * 100 / self.expected_pct).quantize(Decimal("1"))
        return (
            f"{self.attainment_pct}% of quota with {self.expected_pct}% of the period gone: "
            f"on pace for {projected}%"
        )

    def to_json(self) -> dict[str, object]:
        return {
            "rep_id": self.rep_id,
            "participant": self.participant,
            "name": self.name,
            "plan": {"code": self.plan_code, "version": self.plan_version, "name": self.plan_name},
            "period": self.period,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "as_of": self.as_of.isoformat(),
            "quota": self.quota.to_json(),
            "attainment": self.attainment.to_json(),
            "attainment_pct": str(self.attainment_pct),
            "expected_pct": str(self.expected_pct),
            "pace": self.pace_text,
            "earnings": self.earnings.to_json(),
            "payout": self.payout.to_json(),
            "draw_balance": self.draw_balance.to_json() if self.draw_balance else None,
            "lines": [line.to_json() for line in self.lines],
            "spifs": [s.to_json() for s in self.spifs],
            "notes": self.notes,
            "warnings": self.warnings,
        }


def _as_date(value: date | datetime) -> date:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: pass a date or a timezone-aware time")
        return value.date()
    return value


def resolve_rep(session: Session, rep_id: str) -> User:
    """The user for a user id or a username."""
    user = session.get(User, rep_id)
    if user is None:
        user = session.scalar(select(User).where(User.username == rep_id))
    if user is None:
        raise CommissionError(f"no user with id or username '{rep_id}' in this workspace")
    return user


def calculator_for(session: Session, username: str, as_of: date) -> Calculator:
    """A calculator over the store for the plan that has ``username`` on it at ``as_of``."""
    plans = load_store_plans(session)
    by_code: dict[str, list[Plan]] = {}
    for plan in plans:
        by_code.setdefault(plan.code, []).append(plan)
    for code in sorted(by_code):
        versions = by_code[code]
        current = [p for p in versions if p.covers(as_of) and username in p.participants]
        if current:
            since = min(p.effective_from for p in versions)
            txns = load_store_transactions(session, as_of, since)
            return Calculator(versions, txns, workspace_ledger(session))
    raise CommissionError(
        f"'{username}' is on no commission plan in force on {as_of}"
        + ("" if plans else " (the workspace has no plans: load the demo or import a plan)")
    )


def period_to_date(
    session: Session, rep_id: str, as_of: date | datetime, *, ledger: Ledger | None = None
) -> PeriodToDate:
    """The rep's current period from its start to ``as_of``: quota, attainment, earnings by
    component with traces, and SPIF progress. ``rep_id`` is a user id (or a username)."""
    day = _as_date(as_of)
    user = resolve_rep(session, rep_id)
    calc = calculator_for(session, user.username, day)
    if ledger is not None:
        calc.ledger = ledger
    period = calc.period_of(day)
    plan = calc.plan_for(period)
    result: ParticipantResult = calc.participant(user.username, period, day)
    elapsed = Decimal((min(day, period.end) - period.start).days + 1)
    expected = (elapsed * 100 / period.days).quantize(Decimal("0.1"))
    return PeriodToDate(
        rep_id=user.id,
        participant=user.username,
        name=user.display_name or result.name,
        plan_code=plan.code,
        plan_version=plan.version,
        plan_name=plan.name,
        period=result.period,
        start=result.start,
        end=result.end,
        as_of=day,
        quota=result.quota,
        attainment=result.attainment,
        attainment_pct=result.attainment_pct,
        earnings=result.earnings,
        payout=result.payout,
        lines=result.lines,
        spifs=result.spifs,
        expected_pct=expected,
        draw_balance=result.draw_balance,
        notes=result.notes,
        warnings=calc.credits(plan)[1],
    )


__all__ = ["PeriodToDate", "PlanError", "deal_estimator", "period_to_date"]


def deal_estimator(session: Session, rep_id: str, as_of: date | datetime) -> DealEstimator:
    """A ``DealEstimator`` over the store for the rep (user id or username) as of a day.

    Build it once when a quote is opened (it reads the rep's period to date), then call
    ``estimate(lines, facts)`` on every change of lines, discounts or options."""
    day = _as_date(as_of)
    user = resolve_rep(session, rep_id)
    return DealEstimator(calculator_for(session, user.username, day), user.username, day)


@dataclass(frozen=True)
class StatementData:
    """Everything a statement shows, read from the store."""

    result: ParticipantResult
    plan_name: str
    details: dict[str, list[str]]


def statement_data(
    session: Session, rep_id: str, period: str, as_of: date | datetime | None = None
) -> StatementData:
    """A rep's statement for ``period`` (to ``as_of`` when the period is still running), with
    the credits behind each component line."""
    user = resolve_rep(session, rep_id)
    wanted = parse_period(period)
    day = min(_as_date(as_of), wanted.end) if as_of is not None else wanted.end
    calc = calculator_for(session, user.username, day)
    plan = calc.plan_for(wanted)
    result = calc.participant(user.username, wanted, day)
    details = {
        line.component: calc.line_details(user.username, wanted, line.component, day)
        for line in result.lines
        if line.kind == "earning"
    }
    return StatementData(result, plan.name, details)


def finalize_store_period(
    session: Session, period: str, plan_code: str | None = None
) -> PeriodResult:
    """Finalize a period of the store's plan (the only plan, or ``plan_code``) into the
    workspace ledger: from then on it never changes, and later corrections to it arrive as
    adjustments in the open period."""
    wanted = parse_period(period)
    plans = load_store_plans(session)
    codes = sorted({p.code for p in plans})
    if plan_code is None:
        if len(codes) != 1:
            raise CommissionError(
                f"the workspace has {len(codes)} plans ({', '.join(codes) or 'none'}): name one "
                f"with --plan-code"
            )
        plan_code = codes[0]
    versions = [p for p in plans if p.code == plan_code]
    if not versions:
        raise CommissionError(f"no plan '{plan_code}' in the workspace: use one of {codes}")
    since = min(p.effective_from for p in versions)
    txns = load_store_transactions(session, wanted.end, since)
    return Calculator(versions, txns, workspace_ledger(session)).finalize(wanted)
