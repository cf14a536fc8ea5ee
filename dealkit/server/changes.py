"""The server's change feed: one counter gives every write its ``server_seq``, in commit order.

Each flush of a server session that adds or changes synced rows takes the next numbers from the
``sync_counter`` row in the writing transaction. The counter row stays locked until commit, so
no other writer takes a number before this one commits: a reader that first reads the committed
counter value ``H`` and then the rows with ``seq <= H`` can never miss a row that commits later
with a smaller number (docs/sync-protocol.md explains the choice).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import (
    Connection,
    Table,
    bindparam,
    event,
    exists,
    func,
    literal,
    select,
    union_all,
    update,
)
from sqlalchemy.orm import Session

from dealkit.engine.access import AuthenticatedUser, NoAccessRule, readable
from dealkit.engine.access.principal import principal_of_token
from dealkit.engine.store.database import Store, refresh_statistics
from dealkit.engine.store.models import SyncCounter, SyncMixin
from dealkit.engine.sync.protocol import PulledRow, PullPage
from dealkit.engine.sync.rows import id_seq_digest, row_to_json, synced_tables, table_order

COUNTER = "changes"
_counter = SyncCounter.__table__


def take_seqs(conn: Connection | Session, count: int) -> int:
    """Reserve ``count`` numbers; returns the last one (locks the counter until commit)."""
    return conn.execute(
        update(_counter)
        .where(_counter.c.name == COUNTER)
        .values(value=_counter.c.value + count)
        .returning(_counter.c.value)
    ).scalar_one()


def lock_feed(session: Session) -> None:
    """Take the counter's lock now, so what this transaction reads stays true until it commits."""
    session.execute(
        update(_counter).where(_counter.c.name == COUNTER).values(value=_counter.c.value)
    )


def high_water(conn: Connection | Session) -> int:
    """The last committed sequence number: every row at or below it is visible."""
    return int(
        conn.execute(select(_counter.c.value).where(_counter.c.name == COUNTER)).scalar_one()
    )


def _stamp(session: Session, _context: Any, _instances: Any) -> None:
    changed = [o for o in session.new if isinstance(o, SyncMixin)]
    changed += [
        o
        for o in session.dirty
        if isinstance(o, SyncMixin) and session.is_modified(o, include_collections=False)
    ]
    if not changed:
        return
    order = table_order()
    changed.sort(key=lambda o: order.get(o.__tablename__, len(order)))  # parents first
    last = take_seqs(session, len(changed))
    for offset, obj in enumerate(changed):
        obj.server_seq = last - len(changed) + 1 + offset


def install_change_feed(store: Store) -> None:
    """Make ``store`` a server store: its sessions stamp every synced write (idempotent)."""
    store.sessions.configure(info={"sync_role": "server"})
    if not event.contains(store.sessions, "before_flush", _stamp):
        event.listen(store.sessions, "before_flush", _stamp)
    adopt_unsequenced(store)
    refresh_statistics(store)  # the feed's queries need the planner to know its indexes


def adopt_unsequenced(store: Store) -> int:
    """Number the rows written without a sequence (bulk imports, rows from before the feed)."""
    adopted = 0
    with store.engine.begin() as conn:
        for table in synced_tables().values():
            ids = conn.scalars(
                select(table.c.id).where(table.c.server_seq.is_(None)).order_by(table.c.id)
            ).all()
            if not ids:
                continue
            last = take_seqs(conn, len(ids))
            first = last - len(ids) + 1
            conn.execute(
                update(table).where(table.c.id == bindparam("row_id")),
                [{"row_id": i, "server_seq": first + n} for n, i in enumerate(ids)],
            )
            adopted += len(ids)
    return adopted


def _visible(user: AuthenticatedUser, name: str) -> Any | None:
    try:
        return readable(user, name)
    except NoAccessRule:
        return None  # a table with no read rule never flows


@cache
def _maxima() -> Any:
    """One query for the newest sequence number of every synced table (index look-ups)."""
    return union_all(
        *(
            select(literal(name).label("name"), func.max(t.c.server_seq).label("top"))
            for name, t in synced_tables().items()
        )
    )


def table_tops(conn: Connection | Session) -> dict[str, int]:
    """The newest sequence number of every synced table (0 for an empty one)."""
    return {name: top or 0 for name, top in conn.execute(_maxima()).all()}


def _changed_tables(session: Session | Connection, since: int) -> list[str]:
    """The synced tables holding a row with a sequence above ``since``."""
    return [name for name, top in table_tops(session).items() if top > since]


def visible_change_between(
    conn: Connection | Session,
    user: AuthenticatedUser,
    since: int,
    top: int,
    tops: dict[str, int],
) -> bool:
    """Whether a row ``user`` may see got a sequence in ``(since, top]`` (``tops``: the newest
    sequence of each table, so that only the tables that moved are asked)."""
    tables = synced_tables()
    for name, newest in tops.items():
        if newest <= since:
            continue
        condition = _visible(user, name)
        if condition is None:
            continue
        table = tables[name]
        window = (table.c.server_seq > since, table.c.server_seq <= top)
        if conn.scalar(select(exists().where(*window, condition))):
            return True
    return False


@cache
def token_and_high_water() -> Any:
    """``principal_of_token()`` with the committed counter as ``high_water``: a pull's sign-in
    check and its first read in one round trip (the up-to-date poll needs nothing else)."""
    counter = select(_counter.c.value).where(_counter.c.name == COUNTER).scalar_subquery()
    return principal_of_token().add_columns(counter.label("high_water"))


def pull_page(
    session: Session | Connection,
    user: AuthenticatedUser,
    since: int,
    limit: int,
    *,
    top: int | None = None,
) -> PullPage:
    """The rows ``user`` may see that changed after ``since``, oldest change first.

    Reads the committed high-water mark first (or takes ``top``, read before anything else in
    the same connection) and nothing above it. Two steps per changed
    table: the sequence numbers of the next ``limit + 1`` visible rows (an index walk), then
    only the rows up to the page's last number, from the tables that have any. (A laptop
    whose cursor only fell behind rows it may not see, a trainer's drafts say, costs the walk
    and nothing more.)
    """
    if top is None:
        top = high_water(session)
    if since >= top:  # the usual "anything new?" of a laptop that is up to date
        return PullPage(since=since, next=since, has_more=False, rows=[])
    tables = synced_tables()
    found: list[tuple[str, Table, Any, list[int]]] = []  # the tables with visible changes
    for name in _changed_tables(session, since):
        condition = _visible(user, name)
        if condition is None:
            continue
        table = tables[name]
        table_seqs = session.scalars(
            select(table.c.server_seq)
            .where(table.c.server_seq > since, table.c.server_seq <= top, condition)
            .order_by(table.c.server_seq)
            .limit(limit + 1)
        ).all()
        if table_seqs:
            found.append((name, table, condition, table_seqs))
    seqs = sorted(seq for *_, table_seqs in found for seq in table_seqs)
    has_more = len(seqs) > limit
    cutoff = seqs[limit - 1] if has_more else top
    out: list[PulledRow] = []
    for name, table, condition, table_seqs in found:
        if table_seqs[0] > cutoff:
            continue
        for row in session.execute(
            select(table).where(table.c.server_seq > since, table.c.server_seq <= cutoff, condition)
        ).all():
            out.append(
                PulledRow(
                    table=name,
                    id=row.id,
                    seq=row.server_seq,
                    deleted=row.deleted,
                    fields=None if row.deleted else row_to_json(table, row._mapping),
                )
            )
    out.sort(key=lambda r: r.seq)
    return PullPage(since=since, next=max(cutoff, since), has_more=has_more, rows=out)


def current_rows(
    session: Session, user: AuthenticatedUser, table_ids: dict[str, list[str]]
) -> list[PulledRow]:
    """The server's rows (as pull sends them) of the given ids that ``user`` may see."""
    out: list[PulledRow] = []
    tables = synced_tables()
    for name, ids in table_ids.items():
        condition = _visible(user, name)
        if not ids or condition is None:
            continue
        table = tables[name]
        for row in session.execute(select(table).where(table.c.id.in_(ids), condition)).all():
            out.append(
                PulledRow(
                    name,
                    row.id,
                    row.server_seq,
                    row.deleted,
                    None if row.deleted else row_to_json(table, row._mapping),
                )
            )
    out.sort(key=lambda r: r.seq)
    return out


def check_report(session: Session, user: AuthenticatedUser) -> dict[str, Any]:
    """Per table, the count and hash of (id, seq) of the live rows ``user`` may see."""
    top = high_water(session)
    tables: dict[str, dict[str, Any]] = {}
    for name, table in synced_tables().items():
        condition = _visible(user, name)
        if condition is None:
            continue
        pairs = session.execute(
            select(table.c.id, table.c.server_seq).where(
                table.c.deleted.is_(False), table.c.server_seq <= top, condition
            )
        ).all()
        tables[name] = {"count": len(pairs), "hash": id_seq_digest((r[0], r[1]) for r in pairs)}
    return {"cursor": top, "tables": tables}
