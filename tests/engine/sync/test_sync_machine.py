"""A Hypothesis state machine over two laptops of one rep and a real server: saves, deletes,
syncs, requests dropped before or after the server commits, duplicated and reordered pushes.

After every step the cursors have not gone back and no edit exists twice on the server; at
the end of each run both laptops sync until their outboxes are empty and must agree with the
server: every edit made exactly once, deleted rows deleted everywhere (deletes win).
"""

from __future__ import annotations

import contextlib
import itertools

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import select

from dealkit.engine.store.models import Quote, SyncOutbox
from dealkit.engine.sync import record_mutation
from dealkit.engine.sync.client import SyncClient
from dealkit.engine.sync.protocol import DELETE
from dealkit.engine.sync.transport import SyncError
from tests.helpers.servers import running_server
from tests.helpers.sync import FaultyTransport, laptop, quote_data, save_local_quote, token_for

RUNS = itertools.count()
LAPTOPS = st.sampled_from([0, 1])


def test_sync_is_exactly_once_convergent_and_monotonic(sync_server, tmp_path_factory):
    store = sync_server.store
    token = token_for(store, "alex")

    with running_server(store) as url:

        class TwoLaptops(RuleBasedStateMachine):
            def __init__(self) -> None:
                super().__init__()
                self.run = next(RUNS)
                root = tmp_path_factory.mktemp(f"run{self.run}")
                self.workspaces = [laptop(root / "one"), laptop(root / "two")]
                self.transports = [FaultyTransport(url, token) for _ in self.workspaces]
                self.clients = [
                    SyncClient(ws, url, token, transport=t, page_size=3)
                    for ws, t in zip(self.workspaces, self.transports, strict=True)
                ]
                for c in self.clients:
                    c.sync()
                self.cursors = [c.cursor for c in self.clients]
                self.edits: set[str] = set()
                self.deleted_ids: set[str] = set()
                self.counter = itertools.count()

            def number(self, n: int) -> str:
                return f"Q-R{self.run}-{n}"

            @rule(which=LAPTOPS, n=st.integers(1, 2))
            def save(self, which, n):
                ws = self.workspaces[which]
                number = self.number(n)
                with ws.store.session() as session:
                    versions = session.scalars(
                        select(Quote.version).where(Quote.number == number)
                    ).all()
                edit = f"edit-{next(self.counter)}"
                save_local_quote(
                    ws, quote_data(number, version=max(versions, default=0) + 1, notes=edit)
                )
                self.edits.add(edit)

            @rule(which=LAPTOPS, n=st.integers(1, 2))
            def delete(self, which, n):
                ws = self.workspaces[which]
                with ws.store.session() as session, session.begin():
                    quote = session.scalars(
                        select(Quote)
                        .where(Quote.number == self.number(n), Quote.deleted.is_(False))
                        .order_by(Quote.version.desc())
                    ).first()
                    if quote is None:
                        return
                    quote.deleted = True
                    for line in quote.lines:
                        line.deleted = True
                    record_mutation(session, "quotes", DELETE, quote.id, {}, quote.server_seq)
                    self.deleted_ids.add(quote.id)

            @rule(which=LAPTOPS)
            def sync(self, which):
                with contextlib.suppress(SyncError):  # a dropped request: the next sync goes on
                    self.clients[which].sync()

            @rule(
                which=LAPTOPS,
                method_path=st.sampled_from(
                    [("POST", "/api/v1/sync/push"), ("GET", "/api/v1/sync/pull")]
                ),
                when=st.sampled_from(["before", "after"]),
                after=st.integers(0, 2),
            )
            def drop(self, which, method_path, when, after):
                self.transports[which].arm(*method_path, when, after)

            @rule(which=LAPTOPS, reverse=st.booleans())
            def resend(self, which, reverse):
                """Push the outbox's entries straight to the server (duplicated, or reordered)."""
                ws = self.workspaces[which]
                with ws.store.session() as session:
                    entries = session.scalars(select(SyncOutbox).order_by(SyncOutbox.position))
                    body = [
                        {
                            "client_id": e.client_id,
                            "table": e.table_name,
                            "op": e.op,
                            "row_id": e.row_id,
                            "base_seq": e.base_seq,
                            "fields": e.fields,
                        }
                        for e in entries
                    ]
                if reverse:
                    body.reverse()
                if body:
                    with contextlib.suppress(SyncError):  # a drop armed for this laptop
                        self.transports[which].request(
                            "POST", "/api/v1/sync/push", json={"mutations": body[-5:]}
                        )

            @invariant()
            def cursors_never_go_back(self):
                now = [c.cursor for c in self.clients]
                assert all(a <= b for a, b in zip(self.cursors, now, strict=True))
                self.cursors = now

            @invariant()
            def no_edit_is_on_the_server_twice(self):
                notes = self.server_notes(live_only=False)
                assert len(notes) == len(set(notes))

            def server_notes(self, live_only: bool) -> list[str]:
                with store.session() as session:
                    query = select(Quote.notes).where(Quote.number.like(f"Q-R{self.run}-%"))
                    if live_only:
                        query = query.where(Quote.deleted.is_(False))
                    return list(session.scalars(query))

            def teardown(self):
                for t in self.transports:
                    t.faults.clear()
                for _ in range(2):
                    for c in self.clients:
                        c.sync()
                for c in self.clients:
                    assert c.outbox_count("pending") == 0
                    assert c.rejected() == []
                # every edit made exactly once
                assert sorted(self.server_notes(live_only=False)) == sorted(self.edits)
                # convergence: both laptops hold the live rows the server holds, and what a
                # laptop holds deleted is deleted on the server (a tombstone of a row a laptop
                # never had does not travel to it). A tombstone's other fields may be older on
                # the laptop than on the server (the server renumbered the row's version before
                # the delete reached it): nobody sees a deleted row, so only its id counts.
                server = self.snapshot(store)
                live = [row for row in server if not row[-1]]
                deleted_on_server = {row[0] for row in server if row[-1]}
                for ws in self.workspaces:
                    mine = self.snapshot(ws.store)
                    assert [row for row in mine if not row[-1]] == live
                    assert {row[0] for row in mine if row[-1]} <= deleted_on_server
                # deletes win: what was deleted anywhere is deleted on the server
                with store.session() as session:
                    for row_id in self.deleted_ids:
                        assert session.get(Quote, row_id).deleted
                for c in self.clients:
                    assert c.check() == {}
                for ws in self.workspaces:
                    ws.close()

            def snapshot(self, where):
                with where.session() as session:
                    rows = session.scalars(
                        select(Quote).where(Quote.number.like(f"Q-R{self.run}-%"))
                    ).all()
                    return sorted((q.id, q.number, q.version, q.notes, q.deleted) for q in rows)

        run_state_machine_as_test(
            TwoLaptops,
            settings=settings(
                max_examples=10,
                stateful_step_count=10,
                deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
            ),
        )
