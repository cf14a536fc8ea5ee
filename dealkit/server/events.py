"""``GET /api/v1/events``: server-sent events telling a signed-in laptop "pull now".

Stateless, so any server process can hold any stream: each connection polls the change feed's
committed counter (``sync_counter``, one indexed row) every ``poll`` seconds; when it moved, it
checks whether any row the user may see (``engine.access.readable``) changed in between, and
only then sends ``event: changed`` with the new counter as the event id. A comment line goes
out as a heartbeat when nothing happened for ``heartbeat`` seconds, so proxies keep the stream
open and the client notices a dead connection. A client that reconnects sends
``Last-Event-ID`` and hears about whatever changed while it was away.

The token is checked again every ``recheck`` seconds (30 by default): once it is signed out,
expired or its account gone, the stream sends ``event: signed-out`` (data: the reason) and
ends, so a revoked laptop stops hearing about changes within half a minute.

The notice carries no data: the laptop pulls through the normal, filtered change feed. A client
that does not ask for ``text/event-stream`` gets one JSON answer (``{"cursor": N, "changed":
bool}``) instead of a stream, for polling through proxies that cut long responses.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from sqlalchemy import exists, select

from dealkit.engine.access import AuthenticatedUser, NoAccessRule, readable
from dealkit.engine.auth.accounts import TokenRejected, authenticate
from dealkit.engine.store.database import Store
from dealkit.engine.sync.rows import synced_tables
from dealkit.server.auth import CurrentUser, bearer_token
from dealkit.server.changes import high_water

MEDIA_TYPE = "text/event-stream"


@dataclass(frozen=True)
class EventSettings:
    poll: float = 0.5  # seconds between two looks at the change counter
    heartbeat: float = 15.0  # seconds of silence before a heartbeat comment
    max_age: float = 600.0  # a stream ends after this; the client reconnects (Last-Event-ID)
    recheck: float = 30.0  # seconds between two checks that the token still holds


def visible_change(store: Store, user: AuthenticatedUser, since: int) -> tuple[int, bool]:
    """The committed counter, and whether a row ``user`` may see changed after ``since``."""
    with store.session() as session:
        top = high_water(session)
        if top <= since:
            return top, False
        for name, table in synced_tables().items():
            try:
                condition = readable(user, name)
            except NoAccessRule:
                continue
            found = session.scalar(
                select(
                    exists().where(table.c.server_seq > since, table.c.server_seq <= top, condition)
                )
            )
            if found:
                return top, True
        return top, False


def token_problem(store: Store, token: str) -> str | None:
    """Why ``token`` no longer signs anybody in (signed out, expired, account gone), or None."""
    with store.session() as session:
        try:
            authenticate(session, token)
        except TokenRejected as rejected:
            return rejected.reason
        return None


def committed_top(store: Store) -> int:
    with store.session() as session:
        return high_water(session)


def _event(name: str, cursor: int, data: dict[str, Any]) -> str:
    return f"id: {cursor}\nevent: {name}\ndata: {json.dumps(data)}\n\n"


def build_router() -> APIRouter:
    router = APIRouter(tags=["events"])

    @router.get("/api/v1/events")
    async def events(
        request: Request,
        user: CurrentUser,
        since: Annotated[int | None, Query(ge=0, le=2**62)] = None,
        last_event_id: Annotated[str | None, Header()] = None,
    ) -> Any:
        """Notices that something this user may see changed (``event: changed``), as a stream."""
        store: Store = request.app.state.store
        settings: EventSettings = getattr(request.app.state, "events", EventSettings())
        if last_event_id and last_event_id.isdigit():
            since = int(last_event_id)
        if MEDIA_TYPE not in request.headers.get("accept", ""):
            top, changed = await run_in_threadpool(visible_change, store, user, since or 0)
            return {"cursor": top, "changed": changed if since is not None else False}
        cursor = since if since is not None else await run_in_threadpool(committed_top, store)

        token = bearer_token(request)

        async def stream() -> AsyncIterator[str]:
            nonlocal cursor
            opened = last_sent = checked = time.monotonic()
            yield f"retry: 3000\n{_event('hello', cursor, {'cursor': cursor})}"
            while time.monotonic() - opened < settings.max_age:
                if await request.is_disconnected():
                    return
                if time.monotonic() - checked >= settings.recheck:
                    checked = time.monotonic()
                    problem = await run_in_threadpool(token_problem, store, token)
                    if problem is not None:
                        yield _event("signed-out", cursor, {"reason": problem})
                        return
                top, changed = await run_in_threadpool(visible_change, store, user, cursor)
                if changed:
                    yield _event("changed", top, {"cursor": top})
                    last_sent = time.monotonic()
                elif time.monotonic() - last_sent >= settings.heartbeat:
                    yield ": heartbeat\n\n"
                    last_sent = time.monotonic()
                cursor = max(cursor, top)
                await asyncio.sleep(settings.poll)

        return StreamingResponse(
            stream(),
            media_type=MEDIA_TYPE,
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )

    return router
