"""The HTTP API. Business rules stay in ``dealkit.engine``; this module only speaks HTTP.

This is the first slice (status and the catalog that flows down to laptops); authentication,
the change feed and the outbox push arrive with the sync work (issue 6).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from pydantic import BaseModel
from sqlalchemy.orm import Session

from dealkit import __version__
from dealkit.engine.catalog.queries import active_products
from dealkit.engine.store.database import Store

PROTOCOL_VERSION = 1


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


def create_app(store: Store) -> FastAPI:
    app = FastAPI(title="Dealkit server", version=__version__)
    app.state.store = store

    @app.get("/api/v1/status")
    def status() -> Status:
        return Status(
            version=__version__, protocol=PROTOCOL_VERSION, database=store.engine.dialect.name
        )

    @app.get("/api/v1/catalog/products")
    def products(db: DbSession) -> list[ProductOut]:
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
