"""Laptops and a real server (uvicorn on loopback), on SQLite and on PostgreSQL: quotes go up,
come down, conflict and get deleted, and nothing is lost or doubled when requests drop."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from dealkit.engine.quotes.store import load_quote
from dealkit.engine.store.models import Quote, QuoteLine, SyncApplied, SyncOutbox
from dealkit.engine.sync import record_mutation
from dealkit.engine.sync.client import SyncClient
from dealkit.engine.sync.protocol import DELETE, UPSERT
from dealkit.engine.sync.transport import SyncOffline
from tests.helpers.servers import running_server
from tests.helpers.sync import (
    FaultyTransport,
    client,
    laptop,
    quote_data,
    save_local_quote,
    token_for,
)


def live_quotes(where):
    store = getattr(where, "store", where)  # a workspace or a server store
    with store.session() as session:
        rows = session.scalars(select(Quote).where(Quote.deleted.is_(False))).all()
        return sorted((q.number, q.version, q.notes) for q in rows)


def outbox_states(workspace):
    with workspace.store.session() as session:
        return [e.state for e in session.scalars(select(SyncOutbox).order_by(SyncOutbox.position))]


def test_a_reps_quote_pushed_from_one_laptop_arrives_on_the_other(sync_server, tmp_path):
    token = token_for(sync_server.store, "alex")
    one, two = laptop(tmp_path / "one"), laptop(tmp_path / "two")
    with running_server(sync_server.store) as url:
        first, second = client(one, url, token), client(two, url, token)
        first.sync()
        second.sync()
        save_local_quote(one, quote_data("Q-2026-0001", notes="from laptop one"))
        report = first.sync()
        assert report.pushed == 1 and not report.rejected
        second.sync()
        assert first.check() == {} and second.check() == {}
    assert live_quotes(two) == [("Q-2026-0001", 1, "from laptop one")]
    with two.store.session() as session:
        assert load_quote(session, "Q-2026-0001").lines[0].quantity == 4
        line = session.scalars(select(QuoteLine)).one()
        assert line.net_amount == 33600  # re-priced on the server: 4 x 8,400.00
    assert outbox_states(one) == ["applied"]
    assert live_quotes(sync_server.store) == live_quotes(one) == live_quotes(two)


def test_the_same_quote_edited_on_two_laptops_keeps_both_edits(sync_server, tmp_path):
    token = token_for(sync_server.store, "alex")
    one, two = laptop(tmp_path / "one"), laptop(tmp_path / "two")
    with running_server(sync_server.store) as url:
        first, second = client(one, url, token), client(two, url, token)
        first.sync()
        save_local_quote(one, quote_data("Q-2026-0001"))
        first.sync()
        second.sync()
        # both laptops go offline and revise version 1 into their own version 2
        save_local_quote(one, quote_data("Q-2026-0001", version=2, quantity=5, notes="one"))
        save_local_quote(two, quote_data("Q-2026-0001", version=2, quantity=6, notes="two"))
        assert first.sync().conflicts == []
        report = second.sync()
        first.sync()
    assert report.pushed == 1 and not report.rejected
    assert report.conflicts == [
        "Q-2026-0001 version 2 was already saved from another device: this edit is kept as "
        "version 3"
    ]
    expected = [("Q-2026-0001", 1, ""), ("Q-2026-0001", 2, "one"), ("Q-2026-0001", 3, "two")]
    assert live_quotes(sync_server.store) == live_quotes(one) == live_quotes(two) == expected


def test_a_duplicate_push_is_acknowledged_not_applied_again(sync_server, tmp_path):
    token = token_for(sync_server.store, "alex")
    one = laptop(tmp_path / "one")
    with running_server(sync_server.store) as url:
        first = client(one, url, token)
        first.sync()
        save_local_quote(one, quote_data("Q-2026-0001"))
        with one.store.session() as session:
            entry = session.scalars(select(SyncOutbox)).one()
            body = {
                "mutations": [
                    {
                        "client_id": entry.client_id,
                        "table": entry.table_name,
                        "op": entry.op,
                        "row_id": entry.row_id,
                        "base_seq": entry.base_seq,
                        "fields": entry.fields,
                    }
                ]
            }
        answers = [
            first.transport.request("POST", "/api/v1/sync/push", json=body).json()["results"][0]
            for _ in range(3)
        ]
    assert [a["duplicate"] for a in answers] == [False, True, True]
    assert {a["seq"] for a in answers} == {answers[0]["seq"]}
    assert {a["status"] for a in answers} == {"applied"}
    assert live_quotes(sync_server.store) == [("Q-2026-0001", 1, "")]
    with sync_server.store.session() as session:
        assert session.scalar(select(func.count()).select_from(QuoteLine)) == 1


@pytest.mark.parametrize("when", ["before", "after"])
def test_a_push_dropped_before_or_after_the_server_commits_is_not_doubled(
    sync_server, tmp_path, when
):
    token = token_for(sync_server.store, "alex")
    one = laptop(tmp_path / "one")
    with running_server(sync_server.store) as url:
        transport = FaultyTransport(url, token)
        first = SyncClient(one, url, token, transport=transport)
        first.sync()
        save_local_quote(one, quote_data("Q-2026-0001"))
        save_local_quote(one, quote_data("Q-2026-0002"))
        transport.arm("POST", "/api/v1/sync/push", when)
        with pytest.raises(SyncOffline):
            first.sync()
        assert outbox_states(one) == ["pending", "pending"]  # nothing marked without an answer
        on_server = live_quotes(sync_server.store)
        assert len(on_server) == (2 if when == "after" else 0)
        report = first.sync()
    assert report.pushed == 2 and not report.rejected
    assert outbox_states(one) == ["applied", "applied"]
    assert live_quotes(sync_server.store) == [("Q-2026-0001", 1, ""), ("Q-2026-0002", 1, "")]
    with sync_server.store.session() as session:
        assert session.scalar(select(func.count()).select_from(SyncApplied)) == 2


def test_an_interrupted_pull_resumes_where_the_last_whole_page_ended(sync_server, tmp_path):
    token = token_for(sync_server.store, "alex")
    one, two = laptop(tmp_path / "one"), laptop(tmp_path / "two")
    with running_server(sync_server.store) as url:
        writer = client(one, url, token)
        writer.sync()
        for n in range(1, 7):
            save_local_quote(one, quote_data(f"Q-2026-{n:04d}"))
        writer.sync()
        transport = FaultyTransport(url, token)
        reader = SyncClient(two, url, token, transport=transport, page_size=4)
        transport.arm("GET", "/api/v1/sync/pull", "before", after=2)  # the third page is lost
        with pytest.raises(SyncOffline):
            reader.pull()
        cursor = reader.cursor
        assert cursor > 0
        assert 0 < len(live_quotes(two)) < 6 or live_quotes(two) == []
        reader.pull()
        resumed_from = [c[2]["since"] for c in transport.calls if c[1].endswith("/pull")]
        assert resumed_from[3] == cursor  # no page was fetched twice from the start
        assert resumed_from == sorted(resumed_from)  # the cursor never goes back
        assert reader.check() == {}
    assert live_quotes(two) == live_quotes(sync_server.store)
    assert len(live_quotes(two)) == 6


def _delete_locally(workspace, number):
    with workspace.store.session() as session, session.begin():
        quote = session.scalars(select(Quote).where(Quote.number == number)).one()
        quote.deleted = True
        for line in quote.lines:
            line.deleted = True
        record_mutation(session, "quotes", DELETE, quote.id, {}, quote.server_seq)


def _move_locally(workspace, number, status):
    with workspace.store.session() as session, session.begin():
        quote = session.scalars(select(Quote).where(Quote.number == number)).one()
        record_mutation(session, "quotes", UPSERT, quote.id, {"status": status}, quote.server_seq)


@pytest.mark.parametrize("delete_first", [True, False])
def test_deletes_win_over_an_edit_made_elsewhere(sync_server, tmp_path, delete_first):
    token = token_for(sync_server.store, "alex")
    one, two = laptop(tmp_path / "one"), laptop(tmp_path / "two")
    with running_server(sync_server.store) as url:
        first, second = client(one, url, token), client(two, url, token)
        first.sync()
        save_local_quote(one, quote_data("Q-2026-0001"))
        first.sync()
        second.sync()
        _delete_locally(one, "Q-2026-0001")
        _move_locally(two, "Q-2026-0001", "in_review")
        order = [first, second] if delete_first else [second, first]
        reports = [c.sync() for c in order]
        for c in (first, second):
            c.sync()
    if delete_first:
        assert reports[1].rejected[0][1].startswith("deleted: Q-2026-0001 was deleted")
    else:
        assert reports[0].pushed == 1 and reports[1].pushed == 1
    assert live_quotes(sync_server.store) == live_quotes(one) == live_quotes(two) == []
    with two.store.session() as session:
        assert session.scalars(select(QuoteLine.deleted)).all() == [True]


def test_a_rep_never_receives_another_reps_quote(sync_server, tmp_path):
    alex, bea = token_for(sync_server.store, "alex"), token_for(sync_server.store, "bea")
    one, other = laptop(tmp_path / "one"), laptop(tmp_path / "bea")
    with running_server(sync_server.store) as url:
        client(one, url, alex).sync()
        save_local_quote(one, quote_data("Q-2026-0001"))
        client(one, url, alex).sync()
        theirs = client(other, url, bea)
        theirs.sync()
        assert theirs.check() == {}
    assert live_quotes(other) == []
    with other.store.session() as session:
        assert session.scalar(select(func.count()).select_from(QuoteLine)) == 0


def test_a_replica_that_lost_rows_is_found_by_the_check_and_resynced(sync_server, tmp_path):
    token = token_for(sync_server.store, "alex")
    one = laptop(tmp_path / "one")
    with running_server(sync_server.store) as url:
        first = client(one, url, token)
        first.sync()
        save_local_quote(one, quote_data("Q-2026-0001"))
        first.sync()
        with one.store.engine.connect() as conn:  # a page that never landed, a stray seq
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.exec_driver_sql("DELETE FROM quote_lines")
            conn.exec_driver_sql("UPDATE customers SET server_seq = 999999")
            conn.commit()
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        differ = first.check()
        assert set(differ) == {"quote_lines", "customers"}
        assert differ["quote_lines"] == (1, 0)
        report = first.check_and_repair()
        assert report is not None and report.resynced
        assert first.check() == {}
    with one.store.session() as session:
        assert session.scalar(select(func.count()).select_from(QuoteLine)) == 1


def test_a_push_too_big_for_one_request_goes_up_in_smaller_batches(sync_server, tmp_path):
    token = token_for(sync_server.store, "alex")
    one = laptop(tmp_path / "one")
    with running_server(sync_server.store) as url:
        first = client(one, url, token)
        first.sync()
        long_notes = "Site survey notes. " * 10_000  # ~190 KB a quote; the server takes 1 MiB
        for n in range(1, 9):
            save_local_quote(one, quote_data(f"Q-2026-{n:04d}", notes=long_notes))
        report = first.sync()
    assert report.pushed == 8 and not report.rejected
    assert len(live_quotes(sync_server.store)) == 8
