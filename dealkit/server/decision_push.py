"""Push of an approval decision: the engine's ``decide`` runs again on the server.

The laptop already decided locally; the server never trusts that. It reads the pushed fields,
asks the same engine code (policy + lifecycle) as the manager who pressed Approve, and writes
the decision row and the quote's status move in the push's transaction, so the decision and
its effect are applied once, together, or not at all (docs/sync-protocol.md, "Flows").
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from dealkit.engine.access import AuthenticatedUser
from dealkit.engine.approvals.decisions import DecisionRefused, decide
from dealkit.engine.store.models import ApprovalDecision
from dealkit.engine.sync.protocol import DELETE, Mutation, MutationResult
from dealkit.engine.sync.rows import row_from_json
from dealkit.server.push_answers import Rejected, applied


def apply_decision(session: Session, user: AuthenticatedUser, m: Mutation) -> MutationResult:
    """Apply one pushed decision; raises ``Rejected`` with the policy's reason."""
    if m.op == DELETE:
        raise Rejected("approval decisions are a record; they are never deleted")
    existing = session.get(ApprovalDecision, m.row_id)
    if existing is not None:
        raise Rejected(f"decision {m.row_id} is already recorded; a decision is never changed")
    values = row_from_json(ApprovalDecision.__tablename__, {k: v for k, v in m.fields.items()})
    if not values.get("quote_id"):
        raise Rejected("fields.quote_id must name the quote version decided on")
    try:
        row = decide(
            session,
            user,
            values["quote_id"],
            values.get("decision", ""),
            values.get("comment", ""),
            at=values.get("decided_at"),
            decision_id=m.row_id,
        )
    except DecisionRefused as refusal:
        raise Rejected(refusal.reason) from None
    return applied(m, row.id, row.server_seq)
