"""The answer to one pushed mutation: applied (with its row's new sequence number) or refused."""

from __future__ import annotations

from dealkit.engine.sync.protocol import APPLIED, REJECTED, Mutation, MutationResult


class Rejected(Exception):
    """A mutation refused with a reason the desktop shows next to it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def applied(
    m: Mutation, row_id: str, seq: int | None, conflict: str | None = None
) -> MutationResult:
    return MutationResult(m.client_id, APPLIED, row_id, seq=seq, conflict=conflict)


def rejected(m: Mutation, reason: str) -> MutationResult:
    return MutationResult(m.client_id, REJECTED, m.row_id, reason=reason)
