"""Disputes: a rep questions a statement line, and the thread that settles it.

Status runs open -> in review -> resolved, and a resolution says how: the line was adjusted,
explained, or the question rejected. Every message stays in the thread. This is the local model
and the rep's side: disputes are rows of the store (``CommissionDispute`` and one
``CommissionDisputeMessage`` per message, each with sync metadata), so that sync carries them to
the server, where the comp admin answers, and carries the answers back. Attachments are workspace
blobs, named in the thread by their SHA-256.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from dealkit.engine.commissions.errors import CommissionError
from dealkit.engine.commissions.results import Line
from dealkit.engine.ids import utcnow
from dealkit.engine.money import Money
from dealkit.engine.store.models import (
    CommissionDispute,
    CommissionDisputeMessage,
    User,
)
from dealkit.engine.store.models import DisputeResolution as Resolution
from dealkit.engine.store.models import DisputeStatus as DisputeStatus
from dealkit.engine.sync.outbox import UPSERT, record_mutation
from dealkit.engine.sync.rows import model_to_json

if TYPE_CHECKING:
    from dealkit.engine.workspace import Workspace

REASONS = {
    "missing_credit": "a deal is missing or credited to someone else",
    "wrong_amount": "the amount credited is wrong",
    "wrong_split": "the split is wrong",
    "wrong_rate": "the rate or tier applied is wrong",
    "spif": "SPIF progress is wrong",
    "other": "something else",
}


def line_reference(plan_code: str, period: str, line: Line) -> str:
    """The stable reference of a statement line: plan, period, component and, for a line about
    one deal (a clawback), the deal. Two lines of one statement never share it."""
    parts = [plan_code, period, line.component]
    if line.ref:
        parts.append(line.ref)
    if line.for_period:
        parts.append(f"for {line.for_period}")
    return "/".join(parts)


class DisputeError(CommissionError):
    pass


@dataclass
class DisputeMessage:
    author: str
    at: datetime
    text: str
    attachment: str | None = None  # sha256 of a workspace blob
    attachment_name: str | None = None


@dataclass
class Dispute:
    id: str
    participant: str
    plan_code: str
    period: str
    component: str
    line_label: str
    line_amount: Money
    reason: str
    status: DisputeStatus
    created_at: datetime
    updated_at: datetime
    messages: list[DisputeMessage] = field(default_factory=list)
    resolution: Resolution | None = None
    line_ref: str = ""
    line_kind: str = "earning"

    def summary(self) -> str:
        state = self.status.value.replace("_", " ")
        if self.resolution:
            state += f" ({self.resolution.value})"
        return f"{self.line_label} {self.line_amount.format()}: {REASONS[self.reason]}; {state}"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["line_amount"] = self.line_amount.to_json()
        data["created_at"] = self.created_at.isoformat()
        data["updated_at"] = self.updated_at.isoformat()
        data["messages"] = [{**asdict(m), "at": m.at.isoformat()} for m in self.messages]
        data["status"] = self.status.value
        data["resolution"] = self.resolution.value if self.resolution else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Dispute:
        return cls(
            id=data["id"],
            participant=data["participant"],
            plan_code=data["plan_code"],
            period=data["period"],
            component=data["component"],
            line_label=data["line_label"],
            line_amount=Money.from_json(data["line_amount"]),
            reason=data["reason"],
            status=DisputeStatus(data["status"]),
            created_at=datetime.fromisoformat(data["created_at"]),
            updated_at=datetime.fromisoformat(data["updated_at"]),
            messages=[
                DisputeMessage(
                    m["author"],
                    datetime.fromisoformat(m["at"]),
                    m["text"],
                    m.get("attachment"),
                    m.get("attachment_name"),
                )
                for m in data["messages"]
            ],
            resolution=Resolution(data["resolution"]) if data.get("resolution") else None,
            line_ref=data.get("line_ref", ""),
            line_kind=data.get("line_kind", "earning"),
        )

    @classmethod
    def from_row(cls, row: CommissionDispute) -> Dispute:
        return cls(
            id=row.id,
            participant=row.participant,
            plan_code=row.plan_code,
            period=row.period,
            component=row.component,
            line_label=row.line_label,
            line_amount=Money(row.line_amount, row.line_currency),
            reason=row.reason,
            status=DisputeStatus(row.status),
            created_at=row.created_at,
            updated_at=row.updated_at,
            messages=[
                DisputeMessage(m.author, m.at, m.text, m.attachment_hash, m.attachment_name)
                for m in row.messages
                if not m.deleted
            ],
            resolution=Resolution(row.resolution) if row.resolution else None,
            line_ref=row.line_ref,
            line_kind=row.line_kind,
        )


class DisputeBook:
    """The workspace's disputes, in the store. ``put_blob`` stores attachments (the workspace's
    content-addressed blob store) and returns their hash.

    Each call opens a short session of its own on ``engine`` and commits before returning, so a
    question raised from the window is kept even if the window closes a moment later."""

    def __init__(self, engine: Engine, put_blob: Callable[[bytes], str] | None = None) -> None:
        self.engine = engine
        self.put_blob = put_blob

    @classmethod
    def for_workspace(cls, workspace: Workspace) -> DisputeBook:
        return cls(workspace.store.engine, workspace.put_blob)

    # reading ----------------------------------------------------------------------------------

    def get(self, dispute_id: str) -> Dispute:
        with Session(self.engine) as session:
            return Dispute.from_row(self._row(session, dispute_id))

    def all(
        self,
        participant: str | None = None,
        status: DisputeStatus | None = None,
        period: str | None = None,
    ) -> list[Dispute]:
        stmt = select(CommissionDispute).where(CommissionDispute.deleted.is_(False))
        if participant is not None:
            stmt = stmt.where(CommissionDispute.participant == participant)
        if status is not None:
            stmt = stmt.where(CommissionDispute.status == status)
        if period is not None:
            stmt = stmt.where(CommissionDispute.period == period)
        stmt = stmt.order_by(CommissionDispute.created_at, CommissionDispute.id)
        with Session(self.engine) as session:
            return [Dispute.from_row(row) for row in session.scalars(stmt)]

    # the rep's side ---------------------------------------------------------------------------

    def raise_dispute(
        self,
        *,
        participant: str,
        plan_code: str,
        period: str,
        line: Line,
        reason: str,
        message: str,
        attachment: tuple[str, bytes] | None = None,
        at: datetime | None = None,
    ) -> Dispute:
        """Question one statement line; ``attachment`` is (file name, bytes)."""
        if reason not in REASONS:
            raise DisputeError(
                f"reason '{reason}' is not known: choose one of {', '.join(REASONS)}"
            )
        if not message.strip():
            raise DisputeError("say what is wrong with the line: the message is empty")
        now = _aware(at)
        first = self._message(participant, message, attachment, now, 0)
        with Session(self.engine) as session, session.begin():
            user_id = session.scalar(select(User.id).where(User.username == participant))
            row = CommissionDispute(
                participant=participant,
                user_id=user_id,
                plan_code=plan_code,
                period=period,
                line_ref=line_reference(plan_code, period, line),
                component=line.component,
                line_kind=line.kind,
                line_label=line.label,
                line_amount=line.amount.amount,
                line_currency=line.amount.currency,
                reason=reason,
                status=DisputeStatus.OPEN,
                created_at=now,
                updated_at=now,
            )
            row.messages.append(first)
            session.add(row)
            session.flush()
            dispute_id = row.id
            _queue_for_sync(session, row, first, new=True)
        return self.get(dispute_id)

    def reply(
        self,
        dispute_id: str,
        author: str,
        text: str,
        attachment: tuple[str, bytes] | None = None,
        at: datetime | None = None,
    ) -> Dispute:
        with Session(self.engine) as session, session.begin():
            row = self._row(session, dispute_id)
            if row.status == DisputeStatus.RESOLVED:
                raise DisputeError(
                    f"dispute {dispute_id} is resolved ({row.resolution}); raise a new question "
                    f"on the line instead"
                )
            if not text.strip():
                raise DisputeError("the reply is empty")
            now = _aware(at)
            message = self._message(author, text, attachment, now, len(row.messages))
            row.messages.append(message)
            row.updated_at = now
            session.flush()
            _queue_for_sync(session, None, message)
        return self.get(dispute_id)

    # the comp admin's side (answers arrive by sync; kept here so the thread is whole) ---------

    def start_review(self, dispute_id: str, by: str, at: datetime | None = None) -> Dispute:
        with Session(self.engine) as session, session.begin():
            row = self._row(session, dispute_id)
            if row.status != DisputeStatus.OPEN:
                raise DisputeError(f"dispute {dispute_id} is {row.status.value}, not open")
            now = _aware(at)
            row.status = DisputeStatus.IN_REVIEW
            message = self._message(by, "Review started", None, now, len(row.messages))
            row.messages.append(message)
            row.updated_at = now
            session.flush()
            _queue_for_sync(session, row, message)
        return self.get(dispute_id)

    def resolve(
        self,
        dispute_id: str,
        by: str,
        resolution: Resolution | str,
        text: str,
        at: datetime | None = None,
    ) -> Dispute:
        with Session(self.engine) as session, session.begin():
            row = self._row(session, dispute_id)
            if row.status != DisputeStatus.IN_REVIEW:
                raise DisputeError(
                    f"dispute {dispute_id} is {row.status.value}: start the review before "
                    f"resolving it"
                )
            try:
                outcome = Resolution(resolution)
            except ValueError:
                raise DisputeError(
                    f"resolution '{resolution}' is not known: use adjusted, explained or rejected"
                ) from None
            if not text.strip():
                raise DisputeError("say how the question was settled: the answer is empty")
            now = _aware(at)
            row.status = DisputeStatus.RESOLVED
            row.resolution = outcome
            message = self._message(by, text, None, now, len(row.messages))
            row.messages.append(message)
            row.updated_at = now
            session.flush()
            _queue_for_sync(session, row, message)
        return self.get(dispute_id)

    # storage ----------------------------------------------------------------------------------

    @staticmethod
    def _row(session: Session, dispute_id: str) -> CommissionDispute:
        row = session.get(CommissionDispute, dispute_id)
        if row is None or row.deleted:
            raise DisputeError(f"no dispute with id {dispute_id}")
        return row

    def _message(
        self,
        author: str,
        text: str,
        attachment: tuple[str, bytes] | None,
        at: datetime,
        position: int,
    ) -> CommissionDisputeMessage:
        digest = name = None
        if attachment is not None:
            if self.put_blob is None:
                raise DisputeError("attachments need a workspace to keep them in")
            name, data = attachment
            digest = self.put_blob(data)
        return CommissionDisputeMessage(
            position=position,
            author=author,
            at=at,
            text=text,
            attachment_hash=digest,
            attachment_name=name,
            created_at=at,
            updated_at=at,
        )


def _queue_for_sync(
    session: Session,
    dispute: CommissionDispute | None,
    message: CommissionDisputeMessage,
    *,
    new: bool = False,
) -> None:
    """Queue the changed dispute (if any) and its new message in the sync outbox."""
    if dispute is not None:
        record_mutation(
            session,
            CommissionDispute.__tablename__,
            UPSERT,
            dispute.id,
            model_to_json(dispute),
            None if new else dispute.server_seq,
        )
    record_mutation(
        session,
        CommissionDisputeMessage.__tablename__,
        UPSERT,
        message.id,
        model_to_json(message),
    )


def _aware(at: datetime | None) -> datetime:
    if at is None:
        return utcnow()
    if at.tzinfo is None:
        raise ValueError(f"naive datetime {at!r}: Dealkit keeps timezone-aware times only")
    return at
