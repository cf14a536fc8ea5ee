"""The sync client survives a server restarted mid-pull and a page that fails half-way."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from dealkit.engine.store.models import Quote
from dealkit.engine.sync.apply import SyncApplyError
from dealkit.engine.sync.client import SyncClient
from dealkit.engine.sync.transport import SyncOffline
from tests.helpers.sync import (
    CorruptingTransport,
    FaultyTransport,
    client,
    laptop,
    quote_data,
    save_local_quote,
    server_on_port,
    token_for,
)


def count_quotes(workspace) -> int:
    with workspace.store.session() as session:
        return session.scalar(select(func.count()).select_from(Quote))


def seed_quotes(store, workspace, url, token, n):
    writer = client(workspace, url, token)
    writer.sync()
    for k in range(1, n + 1):
        save_local_quote(workspace, quote_data(f"Q-2026-{k:04d}"))
    writer.sync()


def test_a_pull_resumes_after_the_server_restarts_mid_way(sync_server, tmp_path):
    store = sync_server.store
    token = token_for(store, "alex")
    one, two = laptop(tmp_path / "one"), laptop(tmp_path / "two")
    with server_on_port(store) as (url, port):
        seed_quotes(store, one, url, token, 5)
        transport = FaultyTransport(url, token)
        reader = SyncClient(two, url, token, transport=transport, page_size=4)
        transport.arm("GET", "/api/v1/sync/pull", "before", after=2)
        with pytest.raises(SyncOffline):
            reader.pull()
    cursor = reader.cursor
    with pytest.raises(SyncOffline, match="cannot reach the server"):
        reader.pull()  # the server is down: nothing changes
    assert reader.cursor == cursor
    with server_on_port(store, port):  # a new server process on the same address
        reader.pull()
        assert reader.check() == {}
    sinces = [c[2]["since"] for c in transport.calls if c[1].endswith("/pull")]
    assert sinces[3:5] == [cursor, cursor]  # resumed where the last whole page ended
    assert count_quotes(two) == 5


def test_a_page_that_fails_half_way_leaves_nothing_and_is_fetched_again(sync_server, tmp_path):
    store = sync_server.store
    token = token_for(store, "alex")
    one, two = laptop(tmp_path / "one"), laptop(tmp_path / "two")
    with server_on_port(store) as (url, _port):
        seed_quotes(store, one, url, token, 3)
        transport = CorruptingTransport(url, token)
        reader = SyncClient(two, url, token, transport=transport, page_size=1000)
        transport.corrupt_next_pull = True
        with pytest.raises(SyncApplyError, match="created_at"):
            reader.pull()
        assert reader.cursor == 0 and count_quotes(two) == 0  # all or nothing
        reader.pull()
        assert reader.check() == {}
    assert count_quotes(two) == 3
