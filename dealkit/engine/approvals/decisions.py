"""Approval decisions: a manager approves or sends back a quote version, on the record.

``decide`` is the one way a decision is made, on a laptop and on the server alike:

- who may decide is the access policy's answer (``engine/access``: a manager on their team's
  quote in review, never their own) — this module asks it, it does not re-implement it;
- the quote's status moves through the engine's lifecycle (``quotes.lifecycle.move_to``):
  approve → approved, reject → draft (sent back to its owner to revise);
- the decision row (who, what, the comment, when) and the status move are written in the
  caller's transaction, with an outbox entry on a laptop (``sync.outbox.record_mutation``; the
  server's own sessions record none), so the decision and its sync are all or nothing.

``trail`` reads the audit trail of a quote number (every version), oldest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealkit.engine.access import AuthenticatedUser, check_write
from dealkit.engine.ids import new_id, utcnow
from dealkit.engine.pricing.errors import PricingError
from dealkit.engine.quotes.document import CustomerRef, QuoteDocument, Status
from dealkit.engine.quotes.lifecycle import move_to
from dealkit.engine.store.models import (
    ApprovalDecision,
    DecisionKind,
    Quote,
    QuoteStatus,
    User,
)
from dealkit.engine.sync.outbox import UPSERT, record_mutation

MAX_COMMENT = 4000
TARGET = {DecisionKind.APPROVE: Status.APPROVED, DecisionKind.REJECT: Status.DRAFT}


class DecisionRefused(ValueError):
    """A decision that may not be made; the message says why and what to do instead."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class DecisionEntry:
    """One line of a quote's audit trail, as the Approvals page and ``--json`` show it."""

    id: str
    quote_number: str
    quote_version: int
    decision: DecisionKind
    approver: str  # display name
    approver_username: str
    comment: str
    decided_at: datetime
    pending: bool  # made on this laptop, not yet confirmed by the server

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "quote": self.quote_number,
            "version": self.quote_version,
            "decision": self.decision.value,
            "approver": self.approver_username,
            "comment": self.comment,
            "decided_at": self.decided_at.isoformat(),
            "pending": self.pending,
        }


def decision_kind(value: Any) -> DecisionKind:
    try:
        return DecisionKind(str(getattr(value, "value", value)))
    except ValueError:
        raise DecisionRefused(f"decision {value!r} is not one of approve, reject") from None


def decide(
    session: Session,
    user: AuthenticatedUser,
    quote_id: str,
    decision: DecisionKind | str,
    comment: str = "",
    *,
    today: date | None = None,
    at: datetime | None = None,
    decision_id: str | None = None,
) -> ApprovalDecision:
    """Record ``user``'s decision on the quote version ``quote_id`` and move its status.

    Runs inside the caller's transaction. ``DecisionRefused`` (nothing written) when the policy
    or the lifecycle says no, or a rejection has no comment (the owner needs to know why).
    """
    kind = decision_kind(decision)
    comment = (comment or "").strip()
    if kind is DecisionKind.REJECT and not comment:
        raise DecisionRefused(
            "say why you send the quote back (a comment), so its owner knows what to change"
        )
    if len(comment) > MAX_COMMENT:
        raise DecisionRefused(
            f"the comment is {len(comment)} characters; keep it under {MAX_COMMENT}"
        )
    quote = session.get(Quote, quote_id)
    if quote is None or quote.deleted:
        raise DecisionRefused(f"quote {quote_id} is not in this workspace (sync, then try again)")
    fields = {
        "quote_id": quote.id,
        "quote_number": quote.number,
        "quote_version": quote.version,
        "approver_id": user.id,
        "decision": kind.value,
        "comment": comment,
    }
    reason = check_write(user, ApprovalDecision, None, fields, session=session)
    if reason is not None:
        raise DecisionRefused(reason)
    try:
        moved = move_to(_lifecycle_view(quote), TARGET[kind], today or date.today())
    except PricingError as error:
        raise DecisionRefused(
            f"{quote.number} v{quote.version}: " + "; ".join(p.message for p in error.problems)
        ) from None
    quote.status = QuoteStatus(moved.status.value)
    row = ApprovalDecision(
        id=decision_id or new_id(), decided_at=at or utcnow(), **{**fields, "decision": kind}
    )
    session.add(row)
    session.flush()
    record_mutation(
        session,
        ApprovalDecision.__tablename__,
        UPSERT,
        row.id,
        {**fields, "decided_at": row.decided_at.isoformat()},
    )
    return row


def _lifecycle_view(quote: Quote) -> QuoteDocument:
    """What the lifecycle judges a move on (status and expiry), without pricing the lines: a
    decision must not fail because a line no longer reads as a document."""
    return QuoteDocument(
        customer=CustomerRef(name=""),
        currency=quote.currency,
        date=quote.quote_date,
        lines=(),
        number=quote.number,
        version=quote.version,
        status=Status(quote.status.value),
        expires_on=quote.expires_on,
    )


def trail(session: Session, quote_number: str) -> list[DecisionEntry]:
    """Every decision on ``quote_number`` (all versions), oldest first."""
    from dealkit.engine.store.models import SyncOutbox

    rows = session.execute(
        select(ApprovalDecision, User)
        .join(User, User.id == ApprovalDecision.approver_id, isouter=True)
        .where(ApprovalDecision.quote_number == quote_number, ApprovalDecision.deleted.is_(False))
        .order_by(ApprovalDecision.decided_at, ApprovalDecision.id)
    ).all()
    waiting = set(
        session.scalars(
            select(SyncOutbox.row_id).where(
                SyncOutbox.table_name == ApprovalDecision.__tablename__,
                SyncOutbox.state == "pending",
            )
        )
    )
    return [
        DecisionEntry(
            id=d.id,
            quote_number=d.quote_number,
            quote_version=d.quote_version,
            decision=d.decision,
            approver=(u.display_name if u is not None else d.approver_id),
            approver_username=(u.username if u is not None else d.approver_id),
            comment=d.comment,
            decided_at=d.decided_at,
            pending=d.id in waiting,
        )
        for d, u in rows
    ]


@dataclass(frozen=True)
class RefusedDecision:
    quote_number: str
    quote_version: int
    decision: DecisionKind
    reason: str


def settle_refused(session: Session) -> list[RefusedDecision]:
    """After a push: take back the local decisions the server refused (and say why).

    A decision made offline can be refused when the quote was decided on, revised or withdrawn
    meanwhile. Its row is marked deleted here (it never happened), and the quote's status is
    put back to in review when nothing newer from the server has replaced it (a pull that
    brought the server's row already did). Runs in the caller's transaction; idempotent.
    """
    from dealkit.engine.store.models import SyncOutbox

    refused = session.execute(
        select(ApprovalDecision, SyncOutbox.reason)
        .join(SyncOutbox, SyncOutbox.row_id == ApprovalDecision.id)
        .where(
            SyncOutbox.table_name == ApprovalDecision.__tablename__,
            SyncOutbox.state == "rejected",
            ApprovalDecision.deleted.is_(False),
        )
    ).all()
    out = []
    for row, reason in refused:
        row.deleted = True
        quote = session.get(Quote, row.quote_id)
        target = QuoteStatus(TARGET[row.decision].value)
        if quote is not None and quote.status is target:
            later = session.scalar(
                select(ApprovalDecision.id).where(
                    ApprovalDecision.quote_id == quote.id,
                    ApprovalDecision.deleted.is_(False),
                    ApprovalDecision.id != row.id,
                )
            )
            if later is None:
                quote.status = QuoteStatus.IN_REVIEW
        out.append(RefusedDecision(row.quote_number, row.quote_version, row.decision, reason or ""))
    session.flush()
    return out


def why_not(session: Session, user: AuthenticatedUser, quote_id: str) -> str | None:
    """None when ``user`` may decide on the quote version now, else the policy's reason."""
    quote = session.get(Quote, quote_id)
    if quote is None or quote.deleted:
        return f"quote {quote_id} is not in this workspace"
    fields = {
        "quote_id": quote.id,
        "approver_id": user.id,
        "decision": DecisionKind.APPROVE.value,
    }
    return check_write(user, ApprovalDecision, None, fields, session=session)
