"""``GET /api/v1/events``: server-sent events telling a signed-in laptop "pull now".

One watcher per server process (``NoticeHub``) looks at the change feed's committed counter
(``sync_counter``, one indexed row) every ``poll`` seconds on behalf of every stream the process
holds. When the counter moved, it asks, for each stream, whether a row its user may see
(``engine.access.readable``) got a sequence number in between, only in the tables whose newest
sequence moved, all in one worker-thread hop and one connection; the streams that have news get
``event: changed`` with the new counter as the event id. The streams keep nothing the process
needs to survive: any process can hold any stream, and a client that reconnects sends
``Last-Event-ID`` and hears about whatever changed while it was away.

Notices are paced (``notice_rate`` per second and process): a published battlecard concerns
every rep at once, and each notice makes a laptop pull, so two hundred notices in the same
instant would be two hundred pulls queueing at once. Paced, a lone notice (a manager's decision)
still goes out at once, and the hundredth of a burst four seconds later at 25/s (with two
processes, 200 laptops hear of a published battlecard within about four seconds).

A comment line goes out as a heartbeat when nothing happened for ``heartbeat`` seconds, so
proxies keep the stream open and the client notices a dead connection. The token is checked
again every ``recheck`` seconds (30 by default): once it is signed out, expired or its account
gone, the stream sends ``event: signed-out`` (data: the reason) and ends, so a revoked laptop
stops hearing about changes within half a minute.

The notice carries no data: the laptop pulls through the normal, filtered change feed. A client
that does not ask for ``text/event-stream`` gets one JSON answer (``{"cursor": N, "changed":
bool}``) instead of a stream, for polling through proxies that cut long responses.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse

from dealkit.engine.access import AuthenticatedUser
from dealkit.engine.auth.accounts import TokenRejected, authenticate
from dealkit.engine.store.database import Store
from dealkit.server.auth import BearerToken, CurrentUser
from dealkit.server.changes import high_water, table_tops, visible_change_between

MEDIA_TYPE = "text/event-stream"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EventSettings:
    poll: float = 0.5  # seconds between two looks at the change counter (per process)
    heartbeat: float = 15.0  # seconds of silence before a heartbeat comment
    max_age: float = 600.0  # a stream ends after this; the client reconnects (Last-Event-ID)
    recheck: float = 30.0  # seconds between two checks that the token still holds
    notice_rate: float = 25.0  # notices sent per second, at most, by one process


def visible_change(store: Store, user: AuthenticatedUser, since: int) -> tuple[int, bool]:
    """The committed counter, and whether a row ``user`` may see changed after ``since``."""
    with store.reader() as conn:
        top = high_water(conn)
        if top <= since:
            return top, False
        return top, visible_change_between(conn, user, since, top, table_tops(conn))


def token_problem(store: Store, token: str) -> str | None:
    """Why ``token`` no longer signs anybody in (signed out, expired, account gone), or None."""
    with store.reader() as conn:
        try:
            authenticate(conn, token)
        except TokenRejected as rejected:
            return rejected.reason
        return None


def committed_top(store: Store) -> int:
    with store.reader() as conn:
        return high_water(conn)


@dataclass(eq=False)
class Listener:
    """One open stream: whose it is, the counter the hub looked up to for it, and the newest
    counter with news for it (``heard``, flagged by ``news`` until the stream sends it)."""

    user: AuthenticatedUser
    cursor: int
    heard: int = 0
    news: asyncio.Event = field(default_factory=asyncio.Event)

    def tell(self, top: int) -> None:
        self.heard = max(self.heard, top)
        self.news.set()


class NoticeHub:
    """The change-feed watcher of one server process, shared by all of its open streams."""

    def __init__(self, store: Store, settings: EventSettings) -> None:
        self.store = store
        self.settings = settings
        self.listeners: set[Listener] = set()
        self._task: asyncio.Task[None] | None = None

    def listen(self, user: AuthenticatedUser, cursor: int) -> Listener:
        listener = Listener(user, cursor)
        self.listeners.add(listener)
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._watch())
        return listener

    def leave(self, listener: Listener) -> None:
        self.listeners.discard(listener)

    async def _watch(self) -> None:
        """Runs while any stream is open: look, notify (paced), sleep."""
        while self.listeners:
            listeners = list(self.listeners)
            try:
                top, heard = await run_in_threadpool(self._scan, listeners)
            except Exception:  # the database is away: the streams keep their heartbeats
                log.exception("cannot read the change feed for the event streams")
            else:
                for listener in listeners:
                    listener.cursor = max(listener.cursor, top)
                self._pace(heard, top)
            await asyncio.sleep(self.settings.poll)

    def _scan(self, listeners: list[Listener]) -> tuple[int, list[Listener]]:
        """On a worker thread: the counter, and the listeners with news below it."""
        with self.store.reader() as conn:
            top = high_water(conn)
            behind = [listener for listener in listeners if listener.cursor < top]
            if not behind:
                return top, []
            tops = table_tops(conn)
            answers: dict[tuple[AuthenticatedUser, int], bool] = {}  # one per laptop of a user
            for listener in behind:
                key = (listener.user, listener.cursor)
                if key not in answers:
                    answers[key] = visible_change_between(conn, *key, top, tops)
            return top, [listener for listener in behind if answers[listener.user, listener.cursor]]

    def _pace(self, heard: list[Listener], top: int) -> None:
        """Deliver at ``notice_rate`` per second, in a random order (nobody always last)."""
        loop = asyncio.get_running_loop()
        random.shuffle(heard)
        for n, listener in enumerate(heard):
            loop.call_later(n / self.settings.notice_rate, listener.tell, top)


def _event(name: str, cursor: int, data: dict[str, Any]) -> str:
    return f"id: {cursor}\nevent: {name}\ndata: {json.dumps(data)}\n\n"


def _hub(request: Request) -> NoticeHub:
    state = request.app.state
    hub = getattr(state, "notice_hub", None)
    if hub is None:
        hub = state.notice_hub = NoticeHub(state.store, getattr(state, "events", EventSettings()))
    return hub


def build_router() -> APIRouter:
    router = APIRouter(tags=["events"])

    @router.get("/api/v1/events")
    async def events(
        request: Request,
        user: CurrentUser,
        token: BearerToken,
        since: Annotated[int | None, Query(ge=0, le=2**62)] = None,
        last_event_id: Annotated[str | None, Header()] = None,
    ) -> Any:
        """Notices that something this user may see changed (``event: changed``), as a stream."""
        hub = _hub(request)
        store, settings = hub.store, hub.settings
        if last_event_id and last_event_id.isdigit():
            since = int(last_event_id)
        if MEDIA_TYPE not in request.headers.get("accept", ""):
            top, changed = await run_in_threadpool(visible_change, store, user, since or 0)
            return {"cursor": top, "changed": changed if since is not None else False}
        cursor = since if since is not None else await run_in_threadpool(committed_top, store)

        async def stream() -> AsyncIterator[str]:
            listener = hub.listen(user, cursor)
            try:
                opened = last_sent = checked = time.monotonic()
                yield f"retry: 3000\n{_event('hello', cursor, {'cursor': cursor})}"
                while (now := time.monotonic()) - opened < settings.max_age:
                    wait = min(
                        settings.heartbeat - (now - last_sent),
                        settings.recheck - (now - checked),
                        settings.max_age - (now - opened),
                    )
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(listener.news.wait(), max(wait, 0.01))
                    if await request.is_disconnected():
                        return
                    if time.monotonic() - checked >= settings.recheck:
                        checked = time.monotonic()
                        problem = await run_in_threadpool(token_problem, store, token)
                        if problem is not None:
                            yield _event("signed-out", listener.cursor, {"reason": problem})
                            return
                    if listener.news.is_set():
                        listener.news.clear()
                        top = listener.heard
                        yield _event("changed", top, {"cursor": top})
                        last_sent = time.monotonic()
                    elif time.monotonic() - last_sent >= settings.heartbeat:
                        yield ": heartbeat\n\n"
                        last_sent = time.monotonic()
            finally:
                hub.leave(listener)

        return StreamingResponse(
            stream(),
            media_type=MEDIA_TYPE,
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )

    return router
