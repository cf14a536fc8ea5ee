"""Sync test set-up: a server store with people and a small catalog, laptops that sync with it.

Plain functions (no fixtures), imported by tests/server/test_sync*.py and tests/engine/sync/.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from dealkit.engine.auth.accounts import create_user, sign_in
from dealkit.engine.pricing import PriceRules
from dealkit.engine.quotes import load_quote_catalog, price_document, quote_from_data
from dealkit.engine.quotes.store import save_quote
from dealkit.engine.store.database import Store
from dealkit.engine.store.models import (
    Customer,
    PriceBook,
    PriceBookEntry,
    Product,
    ProductFamily,
    ProductKind,
    Role,
    User,
)
from dealkit.engine.sync.client import SyncClient
from dealkit.engine.sync.transport import HttpTransport, SyncOffline
from dealkit.engine.workspace import Workspace
from dealkit.server.changes import install_change_feed

PASSWORD = "correct horse battery staple"


@dataclass
class People:
    alex: str  # rep (two laptops)
    bea: str  # another rep
    mia: str  # alex's manager
    cara: str  # comp admin


@dataclass
class SeededServer:
    store: Store
    people: People


def seed_server(store: Store) -> People:
    """Users, a customer and a priced product on a server store (change feed installed)."""
    install_change_feed(store)
    with store.session() as session:
        mia = create_user(session, "mia", [Role.MANAGER], PASSWORD)
        alex = create_user(session, "alex", [Role.REP], PASSWORD, manager="mia")
        bea = create_user(session, "bea", [Role.REP], PASSWORD)
        cara = create_user(session, "cara", [Role.COMP_ADMIN], PASSWORD)
        people = People(alex=alex.id, bea=bea.id, mia=mia.id, cara=cara.id)
    with store.session() as session, session.begin():
        family = ProductFamily(code="SRV", name="Servers")
        session.add(family)
        session.flush()
        product = Product(
            sku="SRV-R7", name="Rack server R7", family_id=family.id, kind=ProductKind.HARDWARE
        )
        session.add(product)
        book = PriceBook(name="USD List 2026", currency="USD", effective_from=date(2026, 1, 1))
        session.add(book)
        session.flush()
        session.add(
            PriceBookEntry(
                price_book_id=book.id,
                product_id=product.id,
                list_price=Decimal("8400.00"),
                unit_cost=Decimal("5000.00"),
            )
        )
        session.add(
            Customer(
                name="Atlantic Mutual Bank",
                industry="banking",
                segment="enterprise",
                region="north_america",
                country="US",
                currency="USD",
                owner_id=people.alex,
            )
        )
    return people


def token_for(store: Store, username: str) -> str:
    with store.session() as session:
        return sign_in(session, username, PASSWORD).token


def quote_data(
    number: str, *, version: int = 1, quantity: int = 4, notes: str = "", owner: str = "alex"
) -> dict[str, Any]:
    return {
        "format": "dealkit-quote/1",
        "number": number,
        "version": version,
        "name": f"Atlantic {number}",
        "customer": {"name": "Atlantic Mutual Bank"},
        "owner": owner,
        "currency": "USD",
        "date": "2026-11-27",
        "notes": notes,
        "lines": [{"id": "L1", "sku": "SRV-R7", "quantity": quantity}],
    }


def save_local_quote(workspace: Workspace, data: dict[str, Any]) -> str:
    """Save a quote version on a laptop as the desktop does (priced, outbox entry queued)."""
    doc = quote_from_data(data)
    with workspace.store.session() as session, session.begin():
        catalog, facts = load_quote_catalog(session, doc)
        _, priced = price_document(doc, catalog, PriceRules(), facts)
        owner = session.query(User).filter_by(username=data.get("owner", "alex")).one()
        return save_quote(session, doc, priced, owner.id).id


def laptop(root: Path) -> Workspace:
    return Workspace.open(root)


def client(workspace: Workspace, url: str, token: str, **kw: Any) -> SyncClient:
    return SyncClient(workspace, url, token, **kw)


def sqlite_server_store(root: Path) -> Store:
    """The embedded server database, as ``dealkit server`` makes it, in ``root``."""
    from dealkit.engine.store.database import open_sqlite_store

    root.mkdir(parents=True, exist_ok=True)
    return open_sqlite_store(root / "server.db")


@pytest.fixture(params=["sqlite", "postgresql"])
def sync_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SeededServer]:
    """A seeded server store, on the embedded SQLite and on the real PostgreSQL."""
    from dealkit.engine.store.database import open_store_url

    if request.param == "sqlite":
        store = sqlite_server_store(tmp_path / "server")
    else:
        store = open_store_url(request.getfixturevalue("postgres_url"))
    try:
        yield SeededServer(store, seed_server(store))
    finally:
        store.close()


class FaultyTransport(HttpTransport):
    """The real HTTP transport, with faults armed by a test: a request dropped before it is
    sent, or its answer lost after the server has handled (and committed) it."""

    def __init__(self, base_url: str, token: str | None) -> None:
        super().__init__(base_url, token)
        self.faults: list[tuple[str, str, str, int]] = []  # (method, path, when, skip)
        self.calls: list[tuple[str, str, dict[str, Any] | None]] = []

    def arm(self, method: str, path: str, when: str, after: int = 0) -> None:
        """Drop the (after+1)-th next ``method path`` request, ``before`` or ``after`` sending."""
        self.faults.append((method, path, when, after))

    def _fault(self, method: str, path: str) -> str | None:
        for i, (m, p, when, skip) in enumerate(self.faults):
            if m == method and path.startswith(p):
                if skip:
                    self.faults[i] = (m, p, when, skip - 1)
                    return None
                del self.faults[i]
                return when
        return None

    def request(self, method: str, path: str, **kw: Any):
        self.calls.append((method, path, kw.get("params")))
        fault = self._fault(method, path)
        if fault == "before":
            raise SyncOffline(f"test: {method} {path} dropped before it was sent")
        response = super().request(method, path, **kw)
        if fault == "after":
            raise SyncOffline(f"test: the answer to {method} {path} was lost")
        return response


@contextlib.contextmanager
def server_on_port(store: Store, port: int = 0) -> Iterator[tuple[str, int]]:
    """Serve ``store`` on ``port`` (0: any free port); yield (base URL, port). Unlike
    ``running_server`` a test can stop it and start another on the same address."""
    import threading
    import time

    import uvicorn

    from dealkit.server.app import create_app

    config = uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.01)
    bound = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{bound}", bound
    finally:
        server.should_exit = True
        thread.join(timeout=10)


class CorruptingTransport(FaultyTransport):
    """Hands the client a pull page whose last row cannot be applied (the apply fails half-way
    through the page, as if the laptop died while writing it)."""

    corrupt_next_pull = False

    def request(self, method: str, path: str, **kw: Any):
        response = super().request(method, path, **kw)
        if self.corrupt_next_pull and path.endswith("/sync/pull"):
            self.corrupt_next_pull = False
            data = response.json()
            live = [row for row in data["rows"] if row["fields"]]
            live[-1]["fields"] = {**live[-1]["fields"], "created_at": "not a time"}
            return httpx.Response(200, json=data)
        return response
