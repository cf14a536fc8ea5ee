"""Every role against every route of the server, over real HTTP, on SQLite and PostgreSQL.

The list of routes comes from the app itself: a route added without a row in ``ENDPOINTS``
fails ``test_every_route_of_the_app_is_in_the_matrix``. A row says how to call the route as a
given person and the status each person gets; people not named get ``default``. Callers
without a token ("anonymous") or with an expired one ("expired") get 401 on every route that is
not public.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from hashlib import sha256
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, select, text

from dealkit.engine.auth.accounts import sign_in
from dealkit.engine.ids import new_id, utcnow
from dealkit.engine.store.database import Store, open_sqlite_store, open_store_url
from dealkit.engine.store.models import CommissionDisputeMessage, SyncBlob
from dealkit.engine.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from dealkit.server.app import create_app
from tests.helpers.people import PEOPLE, Company, password_of, seed_company
from tests.helpers.servers import POSTGRES_ADMIN_URL, running_server

CALLERS = ["anonymous", "expired", *PEOPLE]


@dataclass
class Endpoint:
    default: int  # the status of a signed-in person not named in ``expect``
    expect: dict[str, int] = field(default_factory=dict)
    public: bool = False  # no token needed: anonymous and expired get ``default`` too
    body: Callable[[str, Company], Any] | None = None  # who, company -> JSON body
    path: Callable[[str, Company], dict[str, str]] | None = None  # path parameters
    fresh_token: bool = False  # the call spends its token (logout): sign in anew for it
    content: Callable[[str, Company], bytes] | None = None  # a raw body instead of JSON
    check: Callable[[str, httpx.Response], None] | None = None  # more about a 2xx answer

    def status_for(self, who: str) -> int:
        if who in ("anonymous", "expired") and not self.public:
            return 401
        return self.expect.get(who, self.default)


def _login_body(who: str, _company: Company) -> dict[str, str]:
    name = who if who in PEOPLE else "rep"
    return {"username": name, "password": password_of(name)}


def _new_user(who: str, _company: Company) -> dict[str, Any]:
    return {
        "username": f"new-{who}-{uuid.uuid4().hex[:6]}",
        "roles": ["rep"],
        "password": "a-long-password",
        "manager": "boss",
    }


ADMIN_ONLY = {"admin": 200}
BLOB = b"a battlecard's bytes"
ATTACHMENT = b"%PDF-1.4 rep's signed order"  # attached to rep's dispute by ``served``
ATTACHMENT_READERS = {"rep": 200, "boss": 200, "comp": 200, "admin": 200}  # as the dispute
CUSTOMER_WRITERS = {"admin", "boss", "boss2", "rep", "rep2", "se"}


def _push_customer(who: str, _company: Company) -> dict[str, Any]:
    return {
        "mutations": [
            {
                "client_id": str(uuid.uuid4()),
                "table": "customers",
                "op": "upsert",
                "row_id": new_id(),
                "fields": {
                    "name": f"{who}'s new customer",
                    "industry": "retail",
                    "segment": "smb",
                    "region": "apac",
                    "country": "TH",
                    "currency": "THB",
                },
            }
        ]
    }


def _push_result(who: str, response: httpx.Response) -> None:
    (result,) = response.json()["results"]
    if who in CUSTOMER_WRITERS:
        assert result["status"] == "applied", result
    else:
        assert result["status"] == "rejected" and "customers are written by" in result["reason"]


def _same_bytes(response: httpx.Response, data: bytes) -> None:
    assert response.content == data


def _attach_to_reps_dispute(store: Store, company: Company) -> None:
    """Store ``ATTACHMENT`` as a blob named by the first message of rep's dispute."""
    digest = sha256(ATTACHMENT).hexdigest()
    with store.session() as s, s.begin():
        s.add(SyncBlob(sha256=digest, size=len(ATTACHMENT), data=ATTACHMENT))
        message = s.scalar(
            select(CommissionDisputeMessage).where(
                CommissionDisputeMessage.dispute_id == company.disputes["rep"]
            )
        )
        message.attachment_hash = digest
        message.attachment_name = "signed-order.pdf"


def _pulled_quotes(who: str, response: httpx.Response) -> None:
    tables = {row["table"] for row in response.json()["rows"]}
    assert ("quotes" in tables) == (who in {"admin", "boss", "boss2", "rep", "rep2", "se"})


ENDPOINTS: dict[tuple[str, str], Endpoint] = {
    ("GET", "/api/v1/status"): Endpoint(200, public=True),
    ("GET", "/api/v1/catalog/products"): Endpoint(200),
    ("POST", "/api/v1/auth/login"): Endpoint(200, public=True, body=_login_body),
    ("POST", "/api/v1/auth/logout"): Endpoint(200, fresh_token=True),
    ("GET", "/api/v1/auth/me"): Endpoint(200),
    ("GET", "/api/v1/admin/users"): Endpoint(403, expect=ADMIN_ONLY),
    ("POST", "/api/v1/admin/users"): Endpoint(403, expect={"admin": 201}, body=_new_user),
    ("GET", "/api/v1/sync/pull"): Endpoint(200, check=_pulled_quotes),
    ("POST", "/api/v1/sync/push"): Endpoint(200, body=_push_customer, check=_push_result),
    ("GET", "/api/v1/sync/check"): Endpoint(200),
    ("GET", "/api/v1/events"): Endpoint(200),  # JSON when not asked for a stream
    ("PUT", "/api/v1/blobs/{sha256}"): Endpoint(
        201, path=lambda _w, _c: {"sha256": sha256(BLOB).hexdigest()}, content=lambda _w, _c: BLOB
    ),
    ("GET", "/api/v1/blobs/{sha256}"): Endpoint(
        404,  # the same answer as for a hash the server does not hold
        expect=ATTACHMENT_READERS,
        path=lambda _w, _c: {"sha256": sha256(ATTACHMENT).hexdigest()},
        check=lambda _w, response: _same_bytes(response, ATTACHMENT),
    ),
}


def app_routes(tmp_path: Path) -> set[tuple[str, str]]:
    store = open_sqlite_store(tmp_path / "routes.db")
    app = create_app(store)
    store.close()
    # The OpenAPI document lists every route, those of included routers too.
    return {
        (method.upper(), path)
        for path, operations in app.openapi()["paths"].items()
        for method in operations
    }


def test_every_route_of_the_app_is_in_the_matrix(tmp_path: Path):
    routes = app_routes(tmp_path)
    assert sorted(routes - set(ENDPOINTS)) == [], "add these routes to ENDPOINTS"
    assert sorted(set(ENDPOINTS) - routes) == [], "these routes are gone from the app"


@contextlib.contextmanager
def postgres_store() -> Iterator[Store]:
    """A PostgreSQL database for the module (fails, never skips, when PostgreSQL is down)."""
    name = f"dealkit_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    store = open_store_url(f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}")
    try:
        yield store
    finally:
        store.close()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@dataclass
class Served:
    url: str
    store: Store
    company: Company
    tokens: dict[str, str | None]


@pytest.fixture(
    scope="module",
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    with contextlib.ExitStack() as stack:
        if request.param == "sqlite":
            store = open_sqlite_store(tmp_path_factory.mktemp("matrix") / "server.db")
            stack.callback(store.close)
        else:
            store = stack.enter_context(postgres_store())
        company = seed_company(store, with_passwords=True)
        _attach_to_reps_dispute(store, company)
        tokens: dict[str, str | None] = {"anonymous": None}
        with store.session() as s:
            for who in PEOPLE:
                tokens[who] = sign_in(s, who, password_of(who)).token
            tokens["expired"] = sign_in(
                s, "admin", password_of("admin"), now=utcnow() - timedelta(days=1)
            ).token
        url = stack.enter_context(running_server(store))
        yield Served(url, store, company, tokens)


def call(served: Served, method: str, path: str, who: str) -> httpx.Response:
    endpoint = ENDPOINTS[(method, path)]
    token = served.tokens[who]
    if endpoint.fresh_token and who in PEOPLE:
        with served.store.session() as s:
            token = sign_in(s, who, password_of(who)).token
    headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if endpoint.path:
        path = path.format(**endpoint.path(who, served.company))
    body = endpoint.body(who, served.company) if endpoint.body else None
    content = endpoint.content(who, served.company) if endpoint.content else None
    return httpx.request(
        method, served.url + path, headers=headers, json=body, content=content, timeout=30
    )


MATRIX = [
    pytest.param(method, path, who, id=f"{method} {path} as {who}")
    for (method, path) in sorted(ENDPOINTS)
    for who in CALLERS
]


@pytest.mark.parametrize(("method", "path", "who"), MATRIX)
def test_each_role_gets_the_expected_status_from_each_route(served: Served, method, path, who):
    expected = ENDPOINTS[(method, path)].status_for(who)
    response = call(served, method, path, who)
    assert response.status_code == expected, response.text
    if expected == 401:
        assert response.headers["www-authenticate"].startswith("Bearer")
        assert response.json()["detail"]  # says why: missing token, expired, ...
    if 200 <= expected < 300 and ENDPOINTS[(method, path)].check:
        ENDPOINTS[(method, path)].check(who, response)
    if expected == 403:
        assert who in response.json()["detail"] or "role" in response.json()["detail"]
