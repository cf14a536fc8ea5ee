"""Apply pulled rows to the local store, and keep the cursor, in one local transaction.

A page is applied with SQLite's foreign-key checks off: the feed is ordered by change, not by
dependency (a customer edited after a quote of theirs arrives after it), and the replica is
whole once a pull is complete. A row with a pending local edit (in the outbox) is left alone:
the push answer brings the server's version of it. A row already newer locally (an answer to a
push, applied before an older page) is never taken back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from dealkit.engine.ids import utcnow
from dealkit.engine.store.models import Quote, SyncCursor, SyncOutbox
from dealkit.engine.sync.protocol import PulledRow
from dealkit.engine.sync.rows import FieldError, row_from_json, synced_tables


class SyncApplyError(RuntimeError):
    """A pulled row that does not fit the local store (a server newer than this Dealkit?)."""


@contextmanager
def replica_transaction(engine: Engine) -> Iterator[Connection]:
    """One local transaction with foreign-key checks off (restored when it ends)."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.commit()
        try:
            with conn.begin():
                yield conn
        finally:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            conn.commit()


def pending_row_ids(conn: Connection) -> set[str]:
    return set(conn.scalars(select(SyncOutbox.row_id).where(SyncOutbox.state == "pending")).all())


def apply_rows(
    conn: Connection,
    rows: Iterable[PulledRow],
    protect: set[str] | None = None,
    *,
    force: bool = False,
) -> dict[str, set[str]]:
    """Upsert live rows and mark tombstones; returns the changed ids per table.

    ``force`` (a full resync) takes the server's row even where the local one claims to be
    newer.
    """
    tables = synced_tables()
    protect = protect or set()
    changed: dict[str, set[str]] = {}
    batch: list[dict[str, Any]] = []
    batch_table: Table | None = None

    def flush() -> None:
        nonlocal batch
        if batch and batch_table is not None:
            _upsert(conn, batch_table, batch, force)
        batch = []

    for row in rows:
        table = tables.get(row.table)
        if table is None or row.id in protect:
            continue  # a table this Dealkit does not know, or a local edit waiting to go
        changed.setdefault(row.table, set()).add(row.id)
        if row.deleted:
            flush()
            conn.execute(
                update(table).where(table.c.id == row.id).values(deleted=True, server_seq=row.seq)
            )
            continue
        known = {k: v for k, v in (row.fields or {}).items() if k in table.c}
        try:
            values = row_from_json(row.table, known)
        except FieldError as error:
            raise SyncApplyError(
                f"the server sent a row this Dealkit cannot read: {error}"
            ) from None
        values.update(id=row.id, server_seq=row.seq, deleted=False)
        if row.table == Quote.__tablename__:
            _make_room_for_version(conn, values)
        if table is not batch_table or (batch and batch[0].keys() != values.keys()):
            flush()
            batch_table = table
        batch.append(values)
    flush()
    return changed


def _make_room_for_version(conn: Connection, values: dict[str, Any]) -> None:
    """Move a local quote row that holds the incoming row's (number, version) to a free version.

    It happens when a laptop saved a version offline while the server already numbered another
    row so (a push whose answer was lost, then a new local version): the local row is a
    pending edit the server will number again anyway, or a stale copy its own row will fix.
    """
    quotes = Quote.__table__
    clash = conn.scalar(
        select(quotes.c.id).where(
            quotes.c.number == values["number"],
            quotes.c.version == values["version"],
            quotes.c.id != values["id"],
        )
    )
    if clash is None:
        return
    top = conn.scalar(select(func.max(quotes.c.version)).where(quotes.c.number == values["number"]))
    free = max(top or 0, values["version"]) + 1
    conn.execute(update(quotes).where(quotes.c.id == clash).values(version=free))
    outbox = SyncOutbox.__table__
    for entry_id, fields in conn.execute(
        select(outbox.c.position, outbox.c.fields).where(
            outbox.c.row_id == clash, outbox.c.state == "pending"
        )
    ).all():
        if isinstance(fields, dict) and isinstance(fields.get("document"), dict):
            document = {**fields["document"], "version": free}
            conn.execute(
                update(outbox)
                .where(outbox.c.position == entry_id)
                .values(fields={**fields, "document": document})
            )


def _upsert(conn: Connection, table: Table, rows: list[dict[str, Any]], force: bool) -> None:
    stmt = sqlite_insert(table)
    columns = [name for name in rows[0] if name != "id"]
    newer = (table.c.server_seq.is_(None)) | (table.c.server_seq <= stmt.excluded.server_seq)
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.id],
        set_={name: stmt.excluded[name] for name in columns},
        where=None if force else newer,
    )
    conn.execute(stmt, rows)


def read_cursor(conn: Connection, server: str) -> int:
    value = conn.scalar(select(SyncCursor.cursor).where(SyncCursor.server == server))
    return int(value or 0)


def write_cursor(conn: Connection, server: str, cursor: int, **stamps: Any) -> int:
    """Move the cursor forward (never back); returns the stored value."""
    current = read_cursor(conn, server)
    value = max(current, cursor)
    stmt = sqlite_insert(SyncCursor.__table__).values(
        server=server, cursor=value, pulled_at=utcnow(), **stamps
    )
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[SyncCursor.__table__.c.server],
            set_={"cursor": value, "pulled_at": stmt.excluded.pulled_at, **stamps},
        )
    )
    return value


ProgressCallback = Callable[[str, int, int | None], None]
