"""Sign in, who am I, sign out, over real HTTP; throttling and expiry as a client sees them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest

from dealkit.engine.auth.accounts import create_user, sign_in
from dealkit.engine.ids import utcnow
from dealkit.engine.store.database import Store, open_sqlite_store
from dealkit.engine.store.models import Role
from tests.helpers.servers import running_server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Store]]:
    store = open_sqlite_store(tmp_path_factory.mktemp("login") / "server.db")
    with store.session() as s:
        create_user(s, "dana", [Role.MANAGER], "dana-password", display_name="Dana W")
        create_user(s, "alex", [Role.REP], "alex-password", manager="dana")
        create_user(s, "nok", [Role.REP], "nok-password")
    with running_server(store) as url:
        yield url, store
    store.close()


def login(url: str, username: str, password: str) -> httpx.Response:
    return httpx.post(f"{url}/api/v1/auth/login", json={"username": username, "password": password})


def test_login_me_logout_round_trip(server):
    url, _store = server
    answer = login(url, "dana", "dana-password")
    assert answer.status_code == 200
    body = answer.json()
    assert body["token_type"] == "bearer" and len(body["token"]) >= 43
    assert body["user"]["username"] == "dana" and body["user"]["roles"] == ["manager"]
    assert len(body["user"]["team_ids"]) == 1  # alex
    headers = {"Authorization": f"Bearer {body['token']}"}
    me = httpx.get(f"{url}/api/v1/auth/me", headers=headers).json()
    assert me == body["user"] | {"display_name": "Dana W"}
    out = httpx.post(f"{url}/api/v1/auth/logout", headers=headers)
    assert out.json() == {"signed_out": True}
    again = httpx.get(f"{url}/api/v1/auth/me", headers=headers)
    assert again.status_code == 401
    assert again.json()["detail"] == "the token was signed out; sign in again"
    assert 'error="invalid_token"' in again.headers["www-authenticate"]


def test_an_expired_token_gets_a_401_saying_so(server):
    url, store = server
    with store.session() as s:
        old = sign_in(s, "alex", "alex-password", now=utcnow() - timedelta(hours=13)).token
    answer = httpx.get(f"{url}/api/v1/auth/me", headers={"Authorization": f"Bearer {old}"})
    assert answer.status_code == 401
    assert answer.json()["detail"] == "the session expired; sign in again"


def test_no_token_at_all_says_how_to_send_one(server):
    url, _store = server
    answer = httpx.get(f"{url}/api/v1/auth/me")
    assert answer.status_code == 401
    assert "Authorization: Bearer" in answer.json()["detail"]
    assert answer.headers["www-authenticate"] == 'Bearer realm="dealkit"'


def test_repeated_failures_get_429_with_retry_after_even_for_the_right_password(server):
    url, _store = server
    for _ in range(5):
        assert login(url, "nok", "guess-guess").status_code == 401
    locked = login(url, "nok", "nok-password")
    assert locked.status_code == 429
    assert 1 <= int(locked.headers["retry-after"]) <= 60
    assert "too many failed sign-ins for nok" in locked.json()["detail"]
    assert login(url, "alex", "alex-password").status_code == 200  # others are not locked


def login_from(url: str, address: str, username: str, password: str) -> httpx.Response:
    """A login sent from ``address`` (any 127.x.y.z reaches the loopback server on Linux)."""
    transport = httpx.HTTPTransport(local_address=address)
    with httpx.Client(transport=transport) as client:
        return client.post(
            f"{url}/api/v1/auth/login", json={"username": username, "password": password}
        )


def test_one_address_spraying_many_usernames_gets_429_and_other_addresses_do_not(server):
    url, _store = server
    for n in range(20):  # the default: 20 failures from one address, one per username
        answer = login_from(url, "127.0.0.2", f"sprayed-{n}", "Summer2026!")
        assert answer.status_code == 401, answer.text
    locked = login_from(url, "127.0.0.2", "alex", "alex-password")  # even the right one
    assert locked.status_code == 429
    assert 1 <= int(locked.headers["retry-after"]) <= 60
    detail = locked.json()["detail"]
    assert "too many failed sign-ins from your address 127.0.0.2" in detail
    assert "it is locked for every username; try again in" in detail
    assert login_from(url, "127.0.0.3", "alex", "alex-password").status_code == 200


def test_one_username_from_many_addresses_is_still_locked_by_username(server):
    url, store = server
    with store.session() as s:
        create_user(s, "pim", [Role.REP], "pim-password")
    for n in range(5):
        assert login_from(url, f"127.0.1.{n + 1}", "pim", "guess-guess").status_code == 401
    locked = login_from(url, "127.0.1.99", "pim", "pim-password")
    assert locked.status_code == 429
    assert "too many failed sign-ins for pim" in locked.json()["detail"]
    assert login_from(url, "127.0.1.99", "alex", "alex-password").status_code == 200
