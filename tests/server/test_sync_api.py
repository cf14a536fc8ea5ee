"""The sync and blob endpoints over real HTTP: protocol version, bad input, blobs with Range."""

from __future__ import annotations

import hashlib
import uuid

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from dealkit.engine.store.models import (
    ContentItem,
    ContentKind,
    ContentStatus,
    SyncApplied,
    User,
)
from dealkit.engine.sync.client import SyncClient
from dealkit.engine.sync.protocol import MAX_BLOB_BYTES, PROTOCOL_HEADER
from dealkit.engine.sync.transport import HttpTransport, ProtocolMismatch, SyncError
from tests.helpers.servers import running_server
from tests.helpers.sync import FaultyTransport, laptop, token_for


def headers(token, protocol="1"):
    out = {"Authorization": f"Bearer {token}"}
    if protocol is not None:
        out[PROTOCOL_HEADER] = protocol
    return out


@pytest.fixture
def served(sync_server):
    token = token_for(sync_server.store, "alex")
    with running_server(sync_server.store) as url:
        yield url, token


def test_an_old_client_is_told_to_update_and_a_new_one_that_the_server_is_old(served):
    url, token = served
    old = httpx.get(f"{url}/api/v1/sync/pull", headers=headers(token, protocol=None))
    assert old.status_code == 426
    assert "this Dealkit is too old for the server" in old.json()["detail"]
    assert "update Dealkit" in old.json()["detail"]
    new = httpx.get(f"{url}/api/v1/sync/pull", headers=headers(token, protocol="7"))
    assert new.status_code == 426
    assert "ask your admin to update the server" in new.json()["detail"]
    transport = HttpTransport(url, token)
    transport.headers[PROTOCOL_HEADER] = "0"
    with pytest.raises(ProtocolMismatch, match="too old"):
        transport.request("GET", "/api/v1/sync/check")


def test_without_a_token_sync_is_refused_with_a_sign_in_prompt(served):
    url, _token = served
    answer = httpx.get(f"{url}/api/v1/sync/pull", headers={PROTOCOL_HEADER: "1"})
    assert answer.status_code == 401
    assert "sign in" in answer.json()["detail"]


@pytest.mark.parametrize(
    "params",
    [{"since": -1}, {"since": "abc"}, {"limit": 0}, {"limit": 100000}, {"since": 2**70}],
)
def test_a_bad_cursor_or_page_size_is_a_422_with_the_reason(served, params):
    url, token = served
    answer = httpx.get(f"{url}/api/v1/sync/pull", params=params, headers=headers(token))
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"][-1] in ("since", "limit")


def mutation(**changes):
    base = {
        "client_id": str(uuid.uuid4()),
        "table": "commission_disputes",
        "op": "upsert",
        "row_id": str(uuid.uuid4()),
        "base_seq": None,
        "fields": {},
    }
    return {**base, **changes}


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"mutations": "x"},
        {"mutations": [mutation(client_id="not-a-uuid")]},
        {"mutations": [mutation(op="merge")]},
        {"mutations": [mutation(row_id="x" * 37)]},
        {"mutations": [mutation(base_seq=-5)]},
        {"mutations": [mutation()] * 2},  # the same client id twice in one batch
        {"mutations": [mutation() for _ in range(501)]},
    ],
)
def test_a_malformed_push_is_a_4xx_and_writes_nothing(served, sync_server, body):
    url, token = served
    answer = httpx.post(f"{url}/api/v1/sync/push", json=body, headers=headers(token))
    assert answer.status_code in (413, 422)
    with sync_server.store.session() as session:
        assert session.scalar(select(func.count()).select_from(SyncApplied)) == 0


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"table": "no_such_table"}, "'no_such_table' is not a table that syncs"),
        ({"table": "products", "fields": {"sku": "X"}}, "catalog"),
        ({"fields": {"line_amount": 12.5}}, "commission_disputes.line_amount: give a decimal"),
        ({"fields": {"nonsense": 1}}, "commission_disputes.nonsense is not a field"),
        ({"table": "quotes", "fields": {"document": "x"}}, "fields.document must be"),
        ({"table": "quotes", "fields": {"document": {"lines": []}}}, ""),
        ({"table": "quote_lines"}, "travel inside their quote"),
        ({"op": "delete"}, "is not on the server; nothing to delete"),
    ],
)
def test_a_mutation_the_server_cannot_take_is_rejected_with_a_reason(served, change, reason):
    url, token = served
    body = {"mutations": [mutation(**change)]}
    answer = httpx.post(f"{url}/api/v1/sync/push", json=body, headers=headers(token))
    assert answer.status_code == 200
    result = answer.json()["results"][0]
    assert result["status"] == "rejected"
    assert reason in result["reason"]
    assert result["reason"]


def test_blobs_go_up_by_hash_and_come_down_in_ranges(served, sync_server, tmp_path):
    url, token = served
    data = bytes(range(256)) * 4000  # 1,024,000 bytes
    digest = hashlib.sha256(data).hexdigest()
    put = httpx.put(f"{url}/api/v1/blobs/{digest}", content=data, headers=headers(token))
    assert put.status_code == 201 and put.json()["created"] is True
    again = httpx.put(f"{url}/api/v1/blobs/{digest}", content=data, headers=headers(token))
    assert again.json()["created"] is False
    unnamed = httpx.get(f"{url}/api/v1/blobs/{digest}", headers=headers(token))
    assert unnamed.status_code == 404  # no row names it yet: nobody but admins reads it
    assert f"no blob {digest} that you may read" in unnamed.json()["detail"]
    with sync_server.store.session() as session, session.begin():
        session.add(
            ContentItem(
                title="Pricing one-pager",
                kind=ContentKind.BATTLECARD,
                language="en",
                status=ContentStatus.PUBLISHED,
                file_name="one-pager.bin",
                file_hash=digest,
            )
        )
    whole = httpx.get(f"{url}/api/v1/blobs/{digest}", headers=headers(token))
    assert whole.status_code == 200 and whole.content == data
    part = httpx.get(
        f"{url}/api/v1/blobs/{digest}", headers={**headers(token), "Range": "bytes=1000-1999"}
    )
    assert part.status_code == 206 and part.content == data[1000:2000]
    assert part.headers["content-range"] == f"bytes 1000-1999/{len(data)}"
    tail = httpx.get(
        f"{url}/api/v1/blobs/{digest}", headers={**headers(token), "Range": "bytes=-10"}
    )
    assert tail.content == data[-10:]
    past = httpx.get(
        f"{url}/api/v1/blobs/{digest}", headers={**headers(token), "Range": "bytes=9999999-"}
    )
    assert past.status_code == 416

    # a download cut after its first chunk resumes from the bytes already on disk
    workspace = laptop(tmp_path / "one")
    transport = FaultyTransport(url, token)
    client = SyncClient(workspace, url, token, transport=transport)
    transport.arm("GET", "/api/v1/blobs/", "before", after=1)
    with pytest.raises(SyncError):
        client.fetch_blob(digest, chunk=300_000)
    assert workspace.blob_path(digest).with_suffix(".part").stat().st_size == 300_000
    path = client.fetch_blob(digest, chunk=300_000)
    assert path.read_bytes() == data
    ranges = [c for c in transport.calls if c[1].startswith("/api/v1/blobs/")]
    assert len(ranges) == 2 + 3  # two before the cut, then only the 3 chunks still missing


def test_a_blob_whose_bytes_do_not_match_its_name_or_size_is_refused(served):
    url, token = served
    wrong = httpx.put(f"{url}/api/v1/blobs/{'0' * 64}", content=b"hello", headers=headers(token))
    assert wrong.status_code == 422 and "upload it again" in wrong.json()["detail"]
    bad_name = httpx.put(f"{url}/api/v1/blobs/xyz", content=b"hello", headers=headers(token))
    assert bad_name.status_code == 422
    big = b"\0" * (MAX_BLOB_BYTES + 1)
    too_big = httpx.put(
        f"{url}/api/v1/blobs/{hashlib.sha256(big).hexdigest()}", content=big, headers=headers(token)
    )
    assert too_big.status_code == 413
    missing = httpx.get(f"{url}/api/v1/blobs/{'1' * 64}", headers=headers(token))
    assert missing.status_code == 404


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3)
    ),
    max_leaves=8,
)


def test_hostile_pushes_get_an_answer_never_a_server_error(served, sync_server):
    url, token = served
    with sync_server.store.session() as session:
        alex = session.scalar(select(User.id).where(User.username == "alex"))
    columns = ["user_id", "participant", "status", "line_amount", "document", "line_ids", "at"]

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        table=st.sampled_from(["quotes", "commission_disputes", "commission_dispute_messages"]),
        op=st.sampled_from(["upsert", "delete"]),
        fields=st.dictionaries(st.sampled_from(columns), JSON_VALUES, max_size=5),
        own=st.booleans(),
    )
    def push(table, op, fields, own):
        if own:
            fields = {**fields, "user_id": alex}
        body = {"mutations": [mutation(table=table, op=op, fields=fields)]}
        answer = httpx.post(f"{url}/api/v1/sync/push", json=body, headers=headers(token))
        assert answer.status_code < 500, answer.text
        if answer.status_code == 200:
            result = answer.json()["results"][0]
            assert result["status"] == "rejected" and result["reason"]

    push()
