"""The HTTP API. Business rules stay in ``dealkit.engine``; this module only speaks HTTP.

This is the first slice (status and the catalog that flows down to laptops); authentication,
the change feed and the outbox push arrive with the sync work (issue 6).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path
from typing import Annotated

import anyio.to_thread
from fastapi import Depends, FastAPI, Request
from pydantic import BaseModel
from sqlalchemy import make_url
from sqlalchemy.orm import Session

from dealkit import __version__
from dealkit.engine.auth.accounts import AuthSettings
from dealkit.engine.catalog.queries import active_products
from dealkit.engine.store.database import SERVER_POOL, Store
from dealkit.server.auth import CurrentUser
from dealkit.server.auth_routes import router as auth_router
from dealkit.server.blobs import build_router as blob_router
from dealkit.server.changes import install_change_feed
from dealkit.server.errors import install_error_handlers
from dealkit.server.events import build_router as events_router
from dealkit.server.limits import BodySizeLimit
from dealkit.server.sync_routes import ProtocolChecked
from dealkit.server.sync_routes import build_router as sync_router

PROTOCOL_VERSION = 1
DATABASE_URL_ENV = "DEALKIT_SERVER_DATABASE_URL"  # how ``--workers N`` tells each worker
TOKEN_HOURS_ENV = "DEALKIT_SERVER_TOKEN_HOURS"


class Status(BaseModel):
    service: str = "dealkit"
    version: str
    protocol: int
    database: str


class ProductOut(BaseModel):
    id: str
    sku: str
    name: str
    family: str
    kind: str
    recurring: bool
    configurable: bool


def _session(request: Request) -> Iterator[Session]:
    with request.app.state.store.session() as db:
        yield db


DbSession = Annotated[Session, Depends(_session)]


# Worker threads per process for the routes' database work. The work is Python more than I/O,
# and threads share one interpreter lock: past a few, more threads only take turns slower (200
# laptops on one process: 66 ms of CPU per 100-row pull with anyio's default 40 threads).
THREADS = int(os.environ.get("DEALKIT_SERVER_THREADS", "8"))


def create_app(
    store: Store, auth_settings: AuthSettings | None = None, *, threads: int = THREADS
) -> FastAPI:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        yield

    app = FastAPI(title="Dealkit server", version=__version__, lifespan=lifespan)
    app.state.store = store
    app.state.auth_settings = auth_settings or AuthSettings()
    app.add_middleware(BodySizeLimit, large_paths=("/api/v1/blobs/",))
    install_error_handlers(app)
    app.include_router(auth_router)
    install_change_feed(store)  # every server write gets its change sequence (sync)
    app.include_router(sync_router())
    app.include_router(blob_router(ProtocolChecked))
    app.include_router(events_router())  # "pull now" notices (server-sent events)

    @app.get("/api/v1/status")
    def status() -> Status:
        return Status(
            version=__version__, protocol=PROTOCOL_VERSION, database=store.engine.dialect.name
        )

    @app.get("/api/v1/catalog/products")
    def products(db: DbSession, _user: CurrentUser) -> list[ProductOut]:
        return [
            ProductOut(
                id=p.id,
                sku=p.sku,
                name=p.name,
                family=p.family.code,
                kind=p.kind.value,
                recurring=p.recurring,
                configurable=p.configurable,
            )
            for p in active_products(db)
        ]

    return app


def app_from_environment() -> FastAPI:
    """The app of one worker process of ``dealkit server --workers N`` (a uvicorn factory).

    The server keeps nothing in memory between requests (tokens, cursors and the change feed are
    in the database), so N processes over the same database answer alike. The parent process
    has opened and migrated the database and numbered unsequenced rows before it starts them.
    """
    url = os.environ[DATABASE_URL_ENV]
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        from dealkit.engine.store.database import open_sqlite_store

        store = open_sqlite_store(Path(parsed.database), pool=SERVER_POOL)  # WAL, busy timeout
    else:
        from dealkit.engine.store.database import open_store_url

        store = open_store_url(url, pool=SERVER_POOL)
    hours = float(os.environ.get(TOKEN_HOURS_ENV, "12"))
    return create_app(store, AuthSettings(token_ttl=timedelta(hours=hours)))
