"""The change feed under concurrent writers: a reader paging by cursor never skips a row, even
one whose transaction took its number before another's and committed after it."""

from __future__ import annotations

import threading
import time
from datetime import date

from sqlalchemy import select

from dealkit.engine.access import load_principal
from dealkit.engine.store.models import ContentItem, ContentKind, ContentStatus, User
from dealkit.server.changes import pull_page


def _item(n: int) -> ContentItem:
    return ContentItem(
        title=f"Item {n}",
        kind=ContentKind.COLLATERAL,
        language="en",
        status=ContentStatus.PUBLISHED,
        published_on=date(2026, 11, 27),
    )


def test_a_reader_never_skips_a_row_committed_out_of_order(sync_server):
    store = sync_server.store
    with store.session() as session:
        alex = load_principal(session, session.get(User, sync_server.people.alex))
        start = pull_page(session, alex, 0, 10_000).next
    written: list[str] = []
    lock = threading.Lock()
    done = threading.Event()

    def writer(k: int) -> None:
        for n in range(15):
            with store.session() as session, session.begin():
                item = _item(k * 100 + n)
                session.add(item)
                session.flush()  # the number is taken here ...
                time.sleep(0.002 * ((n + k) % 3))  # ... and the commit comes a little later
            with lock:
                written.append(item.id)

    seen: list[str] = []
    cursors = [start]

    def reader() -> None:
        while True:
            finished = done.is_set()
            with store.session() as session:
                page = pull_page(session, alex, cursors[-1], 7)
            assert all(row.seq > cursors[-1] for row in page.rows)
            assert page.next >= cursors[-1]
            seen.extend(row.id for row in page.rows if row.table == "content_items")
            cursors.append(page.next)
            if finished and not page.has_more:
                return

    writers = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
    watcher = threading.Thread(target=reader)
    watcher.start()
    for t in writers:
        t.start()
    for t in writers:
        t.join()
    done.set()
    watcher.join(timeout=60)
    assert not watcher.is_alive()
    assert sorted(seen) == sorted(written)  # every row once, none skipped
    assert cursors == sorted(cursors)
    with store.session() as session:
        seqs = session.scalars(
            select(ContentItem.server_seq).where(ContentItem.id.in_(written))
        ).all()
    assert len(set(seqs)) == len(written)
