"""The outbox: local changes waiting to be pushed, written in the same transaction as the change.

``record_mutation`` is called by the engine code that saves what a laptop may push (quotes,
disputes and their messages), inside the caller's transaction: either the change and its outbox
entry are both saved, or neither is. The server's own sessions (marked ``sync_role=server``)
record nothing: the server is where mutations arrive, not where they leave from.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealkit.engine.store.models import SyncOutbox
from dealkit.engine.sync.protocol import DELETE, UPSERT, Mutation

__all__ = ["DELETE", "UPSERT", "pending_mutations", "record_mutation"]

PENDING = "pending"
APPLIED = "applied"
REJECTED = "rejected"


def is_server_session(session: Session) -> bool:
    return session.info.get("sync_role") == "server"


def record_mutation(
    session: Session,
    table: str,
    op: str,
    row_id: str,
    fields: dict[str, Any],
    base_seq: int | None = None,
) -> SyncOutbox | None:
    """Queue one change for the server; returns the outbox entry (None on the server itself).

    ``base_seq`` is the ``server_seq`` of the row as this laptop last saw it (None for a row the
    server has not seen): the server uses it to tell a stale edit from a current one.
    """
    if op not in (UPSERT, DELETE):
        raise ValueError(f"op must be {UPSERT!r} or {DELETE!r}, not {op!r}")
    if is_server_session(session):
        return None
    entry = SyncOutbox(
        client_id=str(uuid.uuid4()),
        table_name=table,
        op=op,
        row_id=row_id,
        base_seq=base_seq,
        fields=fields,
        state=PENDING,
    )
    session.add(entry)
    return entry


def pending_mutations(session: Session, limit: int) -> list[Mutation]:
    """The oldest entries not yet acknowledged (at most ``limit``), in the order they were made.

    A batch stops before a second change of the same row: that change is based on the first,
    whose new ``server_seq`` it takes as its base once the first is acknowledged.
    """
    entries = session.scalars(
        select(SyncOutbox)
        .where(SyncOutbox.state == PENDING)
        .order_by(SyncOutbox.position)
        .limit(limit)
    ).all()
    batch: list[Mutation] = []
    rows: set[str] = set()
    for e in entries:
        if e.row_id in rows:
            break
        rows.add(e.row_id)
        batch.append(
            Mutation(e.client_id, e.table_name, e.op, e.row_id, e.base_seq, dict(e.fields))
        )
    return batch


def pending_row_ids(session: Session) -> set[str]:
    return set(session.scalars(select(SyncOutbox.row_id).where(SyncOutbox.state == PENDING)).all())
