"""Hostile requests get a 4xx with a reason, never a 5xx and never a partial write.

Hand-picked cases first (too large, malformed, wrong types, unknown fields, strange headers),
then schemathesis generating requests from the app's own OpenAPI schema.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from sqlalchemy import func, select

from dealkit.engine.auth.accounts import sign_in
from dealkit.engine.store.database import Store, open_sqlite_store
from dealkit.engine.store.models import User
from dealkit.engine.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from tests.helpers.people import password_of, seed_company
from tests.helpers.servers import running_server


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Store, str]]:
    store = open_sqlite_store(tmp_path_factory.mktemp("hostile") / "server.db")
    seed_company(store, with_passwords=True)
    with store.session() as s:
        token = sign_in(s, "admin", password_of("admin")).token
    with running_server(store) as url:
        yield url, store, token
    store.close()


def _users(store: Store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(User))


def test_a_body_over_the_limit_is_refused_before_any_route_runs(hostile):
    url, store, token = hostile
    before = _users(store)
    big = b'{"username": "' + b"x" * (2 << 20) + b'"}'
    response = httpx.post(
        f"{url}/api/v1/admin/users",
        content=big,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert "larger than 1048576 bytes" in response.json()["detail"]
    assert _users(store) == before


def test_a_streamed_body_without_a_length_is_cut_off_at_the_limit(hostile):
    url, _store, _token = hostile

    def chunks() -> Iterator[bytes]:
        for _ in range(40):
            yield b"x" * 65536

    response = httpx.post(f"{url}/api/v1/auth/login", content=chunks())
    assert response.status_code == 413


@pytest.mark.parametrize(
    ("body", "where", "kind"),
    [
        (b'{"username": "rep", "password": ', ["body", 32], "json_invalid"),
        (b'{"username": 12, "password": "x"}', ["body", "username"], "string_type"),
        (b'{"username": "rep"}', ["body", "password"], "missing"),
        (
            b'{"username": "rep", "password": "x", "admin": true}',
            ["body", "admin"],
            "extra_forbidden",
        ),
        (
            b'{"username": "' + b"u" * 65 + b'", "password": "x"}',
            ["body", "username"],
            "string_too_long",
        ),
        (b"[1, 2]", ["body"], "model_attributes_type"),
        (b'{"username": "rep", "password": "\\ud800"}', ["body", "password"], None),
    ],
)
def test_a_malformed_login_is_a_422_naming_the_field(hostile, body, where, kind):
    url, _store, _token = hostile
    response = httpx.post(
        f"{url}/api/v1/auth/login", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code in (401, 422), response.text
    if response.status_code == 422:
        (error,) = response.json()["detail"]
        assert error["loc"] == where
        assert kind is None or error["type"] == kind


def test_bytes_that_are_not_utf8_are_a_4xx_not_a_crash(hostile):
    url, _store, _token = hostile
    response = httpx.post(
        f"{url}/api/v1/auth/login",
        content=b'{"username": "\xff\xfe", "password": "x"}',
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400  # FastAPI: "There was an error parsing the body"
    assert response.json()["detail"]


def test_a_new_user_with_a_bad_field_writes_nothing(hostile):
    url, store, token = hostile
    before = _users(store)
    headers = {"Authorization": f"Bearer {token}"}
    cases = [
        ({"username": "x1", "roles": ["wizard"], "password": "long-enough"}, "roles"),
        ({"username": "x2", "roles": ["rep"], "password": "short"}, "use at least 8"),
        (
            {"username": "x3", "roles": ["rep"], "password": "long-enough", "manager": "ghost"},
            "ghost",
        ),
        ({"username": "x4", "roles": [], "password": "long-enough"}, "roles"),
    ]
    for body, says in cases:
        response = httpx.post(f"{url}/api/v1/admin/users", json=body, headers=headers)
        assert response.status_code == 422, response.text
        assert says in response.text
    assert _users(store) == before


@pytest.mark.parametrize(
    "authorization",
    [
        "Bearer",
        "Basic cmVwOnJlcA==",
        "Bearer " + "A" * 5000,
        "Bearer ünïcödé",
        "bearer\tsomething",
        "Bearer a b c",
    ],
)
def test_a_strange_authorization_header_is_a_401_with_a_reason(hostile, authorization):
    url, _store, _token = hostile
    response = httpx.get(
        f"{url}/api/v1/auth/me", headers={"Authorization": authorization.encode("utf-8")}
    )
    assert response.status_code == 401
    assert response.json()["detail"]
    assert response.headers["www-authenticate"].startswith("Bearer")


# schemathesis: requests generated from the OpenAPI schema, as an admin (who reaches every
# route's body), a bounded number per operation. (Its pytest plugin's lazy fixture loader does
# not run under pytest 9, so the test drives each operation's Hypothesis strategy itself.)

EXAMPLES_PER_OPERATION = 30


def test_no_generated_request_makes_the_server_fail(hostile):
    url, store, token = hostile
    with store.session() as s:  # logout spends its token: it gets one of its own
        spent = sign_in(s, "admin", password_of("admin")).token
    schema = schemathesis.openapi.from_url(f"{url}/openapi.json")
    failures: list[str] = []
    tried: list[str] = []

    for result in schema.get_all_operations():
        operation = result.ok()
        tried.append(operation.label)
        headers = {
            "Authorization": f"Bearer {spent if operation.path.endswith('/logout') else token}",
            PROTOCOL_HEADER: str(PROTOCOL_VERSION),
        }

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def no_server_error(case) -> None:
            response = case.call(base_url=url, headers=headers)  # noqa: B023 - called at once
            if response.status_code >= 500:
                failures.append(f"{response.status_code}: {case.as_curl_command(headers)}")  # noqa: B023

        no_server_error()
    assert len(tried) >= 10, tried  # every route of the app was fuzzed
    assert failures == []
