"""The workspace's ledger of finalized periods, kept in the store so that sync can carry it.

One ``CommissionPeriod`` row per participant and period holds the result exactly as it was paid.
Rows are written once, in one transaction per period, and never updated; the unique constraint
on (plan, period, participant) makes a second finalization fail instead of overwriting.

Workspaces made before the store had these tables kept finalized periods as JSON files in
``commissions-ledger/``; ``import_json_ledger`` copies them in once (the files stay, untouched,
as the old copy). The JSON ledger itself remains for the command line's ``--ledger DIR``, where
the engine runs without a workspace.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dealkit.engine.commissions.errors import CommissionError
from dealkit.engine.commissions.ledger import JsonLedger
from dealkit.engine.commissions.results import ParticipantResult, PeriodResult
from dealkit.engine.ids import new_id
from dealkit.engine.store.models import CommissionPeriod, User


class StoreLedger:
    """Finalized periods in the store's ``commission_periods`` table.

    It opens short sessions of its own on ``engine`` so that a finalization commits on its own,
    whatever transaction the caller's session is in. A found (or missing) period is remembered
    for the life of the ledger: a calculator asks for the same period once per participant.
    ``finalized_by`` is the user id recorded as having finalized what this ledger writes.
    """

    def __init__(self, engine: Engine, finalized_by: str | None = None) -> None:
        self.engine = engine
        self.finalized_by = finalized_by
        self._cache: dict[tuple[str, str], PeriodResult | None] = {}

    def get(self, plan_code: str, period: str) -> PeriodResult | None:
        key = (plan_code, period)
        if key not in self._cache:
            with Session(self.engine) as session:
                rows = session.scalars(
                    select(CommissionPeriod)
                    .where(CommissionPeriod.plan_code == plan_code)
                    .where(CommissionPeriod.period == period)
                    .where(CommissionPeriod.deleted.is_(False))
                    .order_by(CommissionPeriod.id)  # UUIDv7: the order they were written in
                ).all()
                self._cache[key] = _period_result(rows) if rows else None
        return self._cache[key]

    def put(self, result: PeriodResult) -> None:
        if not result.finalized:
            raise CommissionError(
                f"{result.plan_code} {result.period} is not finalized: use Calculator.finalize"
            )
        try:
            with Session(self.engine) as session, session.begin():
                exists = session.scalar(
                    select(CommissionPeriod.id)
                    .where(CommissionPeriod.plan_code == result.plan_code)
                    .where(CommissionPeriod.period == result.period)
                    .limit(1)
                )
                if exists is not None:
                    raise CommissionError(
                        f"{result.plan_code} {result.period} is already finalized"
                    )
                users = session.execute(select(User.username, User.id))
                user_ids = {name: uid for name, uid in users}
                for participant in result.participants.values():  # in the plan's order
                    session.add(
                        CommissionPeriod(
                            id=new_id(),
                            plan_code=result.plan_code,
                            plan_version=result.plan_version,
                            period=result.period,
                            participant=participant.participant,
                            user_id=user_ids.get(participant.participant),
                            as_of=result.as_of,
                            result=participant.to_json(),
                            warnings=list(result.warnings),
                            finalized_by_id=self.finalized_by,
                        )
                    )
        except IntegrityError:  # another process finalized the same period meanwhile
            raise CommissionError(
                f"{result.plan_code} {result.period} is already finalized"
            ) from None
        self._cache.pop((result.plan_code, result.period), None)

    def periods(self, plan_code: str) -> list[str]:
        with Session(self.engine) as session:
            found = session.scalars(
                select(CommissionPeriod.period)
                .where(CommissionPeriod.plan_code == plan_code)
                .where(CommissionPeriod.deleted.is_(False))
                .distinct()
            ).all()
        return sorted(found)


def _period_result(rows: list[CommissionPeriod]) -> PeriodResult:
    first = rows[0]
    people = [ParticipantResult.from_json(row.result) for row in rows]
    return PeriodResult(
        first.plan_code,
        first.plan_version,
        first.period,
        first.as_of,
        True,
        {p.participant: p for p in people},
        list(first.warnings),
    )


def import_json_ledger(folder: Path, ledger: StoreLedger) -> list[str]:
    """Copy finalized periods from an old ``commissions-ledger/`` folder into the store, once.

    Returns "plan/period" for each period copied; periods already in the store are left as they
    are (the store's copy is the one that was paid)."""
    copied: list[str] = []
    if not folder.is_dir():
        return copied
    files = JsonLedger(folder)
    for plan_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        for period in files.periods(plan_dir.name):
            if ledger.get(plan_dir.name, period) is not None:
                continue
            result = files.get(plan_dir.name, period)
            if result is not None:
                ledger.put(result)
                copied.append(f"{plan_dir.name}/{period}")
    return copied
