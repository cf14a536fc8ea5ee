"""``/api/v1/sync/*``: pull the change feed, push mutations, check (docs/sync-protocol.md)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, field_validator

from dealkit.engine.sync.protocol import (
    DEFAULT_PULL_LIMIT,
    MAX_PULL_LIMIT,
    MAX_PUSH_BATCH,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    Mutation,
)
from dealkit.server.auth import BearerToken, CurrentUser, user_of_token
from dealkit.server.changes import check_report, pull_page, token_and_high_water
from dealkit.server.push import apply_mutations


async def require_protocol(request: Request) -> None:
    """426 with a plain message when the client speaks another protocol version."""
    sent = request.headers.get(PROTOCOL_HEADER)
    if sent == str(PROTOCOL_VERSION):
        return
    if sent is None or not sent.isdigit() or int(sent) < PROTOCOL_VERSION:
        message = (
            f"this Dealkit is too old for the server (sync protocol {sent or 'none'}; the server "
            f"speaks {PROTOCOL_VERSION}): update Dealkit, your local changes are kept"
        )
    else:
        message = (
            f"the server is older than this Dealkit (it speaks sync protocol {PROTOCOL_VERSION}, "
            f"this Dealkit {sent}): ask your admin to update the server"
        )
    raise HTTPException(426, message, headers={"Upgrade": f"dealkit-sync/{PROTOCOL_VERSION}"})


ProtocolChecked = Depends(require_protocol)


class MutationIn(BaseModel):
    client_id: uuid.UUID
    table: str = Field(min_length=1, max_length=60)
    op: Literal["upsert", "delete"]
    row_id: str = Field(min_length=1, max_length=36)
    base_seq: int | None = Field(default=None, ge=0, le=2**62)
    fields: dict[str, Any] = Field(default_factory=dict)


class PushIn(BaseModel):
    mutations: list[MutationIn] = Field(max_length=MAX_PUSH_BATCH)

    @field_validator("mutations")
    @classmethod
    def _unique(cls, value: list[MutationIn]) -> list[MutationIn]:
        ids = [m.client_id for m in value]
        if len(set(ids)) != len(ids):
            raise ValueError("a batch names each client_id once")
        return value


def build_router() -> APIRouter:
    router = APIRouter(prefix="/api/v1/sync", tags=["sync"], dependencies=[ProtocolChecked])

    @router.get("/pull")
    async def pull(
        request: Request,
        token: BearerToken,
        since: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
    ) -> dict[str, Any]:
        """The next page of the change feed this user may see.

        The up-to-date poll of a synced laptop is the request the server answers most, so it
        costs one worker-thread hop, one connection and one statement (the token with its
        user, roles and team, and the committed counter), and the page goes out as JSON directly:
        the rows are JSON values already, so FastAPI's generic encoding of a 1,000-row page
        (a third of the request) is skipped.
        """

        def page() -> dict[str, Any]:
            with request.app.state.store.reader() as conn:
                user, row = user_of_token(conn, token, token_and_high_water())
                return pull_page(conn, user, since, limit, top=row.high_water).to_json()

        return JSONResponse(await run_in_threadpool(page))

    @router.post("/push")
    async def push(body: PushIn, request: Request, user: CurrentUser) -> dict[str, Any]:
        mutations = [
            Mutation(str(m.client_id), m.table, m.op, m.row_id, m.base_seq, m.fields)
            for m in body.mutations
        ]
        results = await run_in_threadpool(apply_mutations, request.app.state.store, user, mutations)
        return {"results": [r.to_json() for r in results]}

    @router.get("/check")
    def check(request: Request, user: CurrentUser) -> dict[str, Any]:
        with request.app.state.store.session() as session:
            return check_report(session, user)

    return router
