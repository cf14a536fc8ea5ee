"""Flow 5: the server-sent events stream tells the rep's laptop to pull within seconds of the
manager's decision (a real HTTP stream read by httpx), and only about what the rep may see."""

from __future__ import annotations

import json
import queue
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import httpx
import pytest
import uvicorn

from dealkit.engine.approvals.decisions import decide
from dealkit.engine.auth.accounts import sign_out
from dealkit.engine.auth.tokens import hash_token
from dealkit.engine.ids import utcnow
from dealkit.engine.store.models import AuthToken
from dealkit.server.app import create_app
from dealkit.server.events import EventSettings, visible_change
from tests.e2e.laptops import open_laptop
from tests.helpers.servers import running_server
from tests.helpers.sync import quote_data, save_local_quote, token_for


def read_events(url: str, token: str, into: queue.Queue, stop: threading.Event) -> None:
    """Put (event name, data, arrival time) for each event of the stream on ``into``."""
    headers = {"Authorization": f"Bearer {token}", "Accept": "text/event-stream"}
    with httpx.stream("GET", url + "/api/v1/events", headers=headers, timeout=20) as response:
        into.put(("status", str(response.status_code), time.monotonic()))
        name = ""
        for line in response.iter_lines():
            if line.startswith("event: "):
                name = line[len("event: ") :]
            elif line.startswith("data: "):
                into.put((name, line[len("data: ") :], time.monotonic()))
                if name == "changed":
                    return  # the notice came: hang up, as a laptop does to pull
            elif line.startswith(":"):
                into.put(("heartbeat", "", time.monotonic()))
            if stop.is_set():
                return


def next_event(events: queue.Queue, name: str, timeout: float = 10.0):
    deadline = time.monotonic() + timeout
    while True:
        got = events.get(timeout=max(0.01, deadline - time.monotonic()))
        if got[0] == name:
            return got


def test_the_rep_hears_of_the_managers_decision_within_seconds(sync_server, tmp_path):
    store = sync_server.store
    with running_server(store) as url:
        alex = open_laptop(tmp_path / "alex", store, url, "alex")
        mia = open_laptop(tmp_path / "mia", store, url, "mia")
        alex.sync()
        save_local_quote(alex.workspace, {**quote_data("Q-2026-0009"), "status": "in_review"})
        alex.sync()
        mia.sync()

        events: queue.Queue = queue.Queue()
        stop = threading.Event()
        reader = threading.Thread(
            target=read_events, args=(url, token_for(store, "alex"), events, stop), daemon=True
        )
        reader.start()
        assert next_event(events, "status")[1] == "200"
        hello = next_event(events, "hello")

        with mia.workspace.store.session() as session, session.begin():
            decide(session, mia.principal(), mia.quote("Q-2026-0009").id, "approve", "ok")
        mia.sync()
        pushed = time.monotonic()
        changed = next_event(events, "changed")
        stop.set()
        print(f"\nSSE notice {changed[2] - pushed:.2f} s after the decision was pushed")
        assert int(changed[1].split(":")[1].strip(" }")) > int(hello[1].split(":")[1].strip(" }"))
        alex.sync()  # what the notice asks for
    assert alex.quote("Q-2026-0009").status.value == "approved"


def test_a_change_the_rep_may_not_see_is_no_notice_for_them(sync_server, tmp_path):
    store = sync_server.store
    with running_server(store) as url:
        bea = open_laptop(tmp_path / "bea", store, url, "bea")
        alex = open_laptop(tmp_path / "alex", store, url, "alex")
        bea.sync()
        alex.sync()
        with store.session() as session:
            from dealkit.server.changes import high_water

            before = high_water(session)
        save_local_quote(bea.workspace, quote_data("Q-2026-0010", owner="bea"))
        bea.sync()
        top, for_alex = visible_change(store, alex.principal(), before)
        _, for_bea = visible_change(store, bea.principal(), before)
        assert top > before and for_bea and not for_alex
        # without Accept: text/event-stream, one JSON answer (polling through strict proxies)
        answer = httpx.get(
            url + "/api/v1/events",
            params={"since": before},
            headers={"Authorization": f"Bearer {token_for(store, 'alex')}"},
        )
    assert answer.status_code == 200
    assert answer.json() == {"cursor": top, "changed": False}


@contextmanager
def serving(app) -> Iterator[str]:
    """``app`` on uvicorn on a free loopback port (to give it quick event settings)."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _expire(store, token: str) -> None:
    with store.session() as session, session.begin():
        session.get(AuthToken, hash_token(token)).expires_at = utcnow() - timedelta(seconds=1)


def _sign_out(store, token: str) -> None:
    with store.session() as session:
        assert sign_out(session, token)


@pytest.mark.parametrize(
    ("end", "reason"),
    [(_sign_out, "the token was signed out"), (_expire, "the session expired")],
    ids=["signed_out_elsewhere", "token_expired"],
)
def test_the_stream_ends_with_signed_out_once_the_token_no_longer_holds(sync_server, end, reason):
    store = sync_server.store
    app = create_app(store)
    app.state.events = EventSettings(poll=0.05, heartbeat=60, recheck=0.3)
    token = token_for(store, "alex")
    events: list[tuple[str, str]] = []
    with serving(app) as url:
        headers = {"Authorization": f"Bearer {token}", "Accept": "text/event-stream"}
        with httpx.stream("GET", url + "/api/v1/events", headers=headers, timeout=20) as response:
            assert response.status_code == 200
            name = ""
            for line in response.iter_lines():
                if line.startswith("event: "):
                    name = line[len("event: ") :]
                elif line.startswith("data: "):
                    events.append((name, line[len("data: ") :]))
                    if name == "hello":
                        end(store, token)
                        ended = time.monotonic()
        closed = time.monotonic() - ended  # the server ended the stream: iter_lines returned
        # and the token is refused by the ordinary routes too
        answer = httpx.get(url + "/api/v1/events", headers={"Authorization": f"Bearer {token}"})
    assert [name for name, _ in events] == ["hello", "signed-out"]
    assert reason in json.loads(events[1][1])["reason"]
    assert closed < 5
    assert answer.status_code == 401
