"""Accounts on a real store: argon2id passwords, hashed expiring tokens, throttled failures."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from dealkit.engine.auth.accounts import (
    AccountError,
    AuthSettings,
    SignInRefused,
    TokenRejected,
    authenticate,
    create_user,
    set_password,
    sign_in,
    sign_out,
)
from dealkit.engine.auth.passwords import PasswordRejected
from dealkit.engine.auth.token_store import SavedSession, TokenStore
from dealkit.engine.auth.tokens import hash_token
from dealkit.engine.ids import utcnow
from dealkit.engine.store.database import Store, open_sqlite_store, open_store_url
from dealkit.engine.store.models import AuthToken, Role, User, UserCredential


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_sqlite_store(tmp_path_factory.mktemp("accounts") / "server.db")
    with store.session() as s:
        create_user(s, "dana", [Role.MANAGER], "dana-password", display_name="Dana W")
        create_user(s, "alex", [Role.REP, Role.SALES_ENGINEER], "alex-password", manager="dana")
    yield store
    store.close()


def test_a_password_is_stored_as_an_argon2id_hash_and_a_token_as_its_sha256(store: Store):
    with store.session() as s:
        done = sign_in(s, "alex", "alex-password")
        alex = s.scalar(select(User).where(User.username == "alex"))
        credential = s.get(UserCredential, alex.id)
        assert credential.password_hash.startswith("$argon2id$")
        assert "alex-password" not in credential.password_hash
        stored = s.get(AuthToken, hash_token(done.token))
        assert stored is not None and stored.user_id == alex.id
        dump = "\n".join(s.connection().connection.driver_connection.iterdump())
    assert done.token not in dump  # only the hash is in the database
    assert len(done.token) >= 43  # 32 random bytes
    assert done.user.roles == {Role.REP, Role.SALES_ENGINEER}
    assert timedelta(hours=11, minutes=59) < done.expires_at - utcnow() <= timedelta(hours=12)


def test_a_token_names_its_user_with_roles_and_team_until_it_is_signed_out(store: Store):
    with store.session() as s:
        done = sign_in(s, "dana", "dana-password", client="laptop")
    with store.session() as s:
        dana = authenticate(s, done.token)
        alex_id = s.scalar(select(User.id).where(User.username == "alex"))
    assert (dana.username, dana.roles, dana.team_ids) == ("dana", {Role.MANAGER}, {alex_id})
    with store.session() as s:
        assert sign_out(s, done.token) is True
    with store.session() as s:
        assert sign_out(s, done.token) is False  # already signed out: nothing to do
        with pytest.raises(TokenRejected, match="signed out"):
            authenticate(s, done.token)


def test_an_expired_or_unknown_token_is_refused_with_the_reason(store: Store):
    with store.session() as s:
        done = sign_in(
            s, "alex", "alex-password", settings=AuthSettings(token_ttl=timedelta(minutes=5))
        )
    with store.session() as s:
        authenticate(s, done.token, now=utcnow() + timedelta(minutes=4))
        with pytest.raises(TokenRejected, match="session expired; sign in again"):
            authenticate(s, done.token, now=utcnow() + timedelta(minutes=6))
        with pytest.raises(TokenRejected, match="not known"):
            authenticate(s, done.token[:-1] + ("A" if done.token[-1] != "A" else "B"))


def test_repeated_failures_lock_the_username_across_processes_and_success_resets(tmp_path: Path):
    path = tmp_path / "server.db"
    first = open_sqlite_store(path)
    second = open_sqlite_store(path)  # another server process on the same database
    settings = AuthSettings(max_failures=3, lockout=timedelta(seconds=30))
    try:
        with first.session() as s:
            create_user(s, "nok", [Role.REP], "nok-password")
        now = utcnow()
        for attempt in range(3):
            store = (first, second)[attempt % 2]
            with (
                store.session() as s,
                pytest.raises(SignInRefused, match="wrong username or password"),
            ):
                sign_in(s, "nok", "guess", settings=settings, now=now)
        with (
            second.session() as s,
            pytest.raises(SignInRefused, match="try again in 30 s") as locked,
        ):
            sign_in(s, "nok", "nok-password", settings=settings, now=now)  # even the right one
        assert locked.value.retry_after == 30
        later = now + timedelta(seconds=31)
        with first.session() as s, pytest.raises(SignInRefused, match="wrong"):
            sign_in(s, "nok", "guess", settings=settings, now=later)
        with first.session() as s, pytest.raises(SignInRefused, match="in 60 s"):  # doubles
            sign_in(s, "NOK ", "nok-password", settings=settings, now=later)
        much_later = later + timedelta(seconds=61)
        with second.session() as s:
            sign_in(s, "nok", "nok-password", settings=settings, now=much_later)
            assert s.scalar(text("SELECT count(*) FROM login_throttle")) == 0
    finally:
        first.close()
        second.close()


def test_an_unknown_username_fails_like_a_wrong_password_and_is_throttled_too(store: Store):
    settings = AuthSettings(max_failures=1)
    with store.session() as s, pytest.raises(SignInRefused, match="wrong username or password"):
        sign_in(s, "ghost", "whatever-password", settings=settings)
    with store.session() as s, pytest.raises(SignInRefused, match="too many failed sign-ins"):
        sign_in(s, "ghost", "whatever-password", settings=settings)


def test_a_new_password_revokes_every_token_of_the_user(store: Store):
    with store.session() as s:
        done = sign_in(s, "alex", "alex-password")
        alex = s.scalar(select(User).where(User.username == "alex"))
        set_password(s, alex, "alex-new-password")
    with store.session() as s:
        with pytest.raises(TokenRejected, match="signed out"):
            authenticate(s, done.token)
        with pytest.raises(SignInRefused):
            sign_in(s, "alex", "alex-password")
        sign_in(s, "alex", "alex-new-password")
        set_password(s, s.scalar(select(User).where(User.username == "alex")), "alex-password")


@pytest.mark.parametrize(
    ("username", "roles", "password", "manager", "message"),
    [
        ("dana", [Role.REP], "long-enough", None, "already exists"),
        ("new one", [Role.REP], "long-enough", None, "without spaces"),
        ("newbie", [], "long-enough", None, "at least one role"),
        ("newbie", [Role.REP], "long-enough", "nobody", "--manager nobody: no such user"),
        ("newbie", [Role.REP], "short", None, "use at least 8"),
    ],
)
def test_a_bad_new_user_is_refused_whole(store: Store, username, roles, password, manager, message):
    with store.session() as s:
        before = s.scalar(select(func.count()).select_from(User))
        with pytest.raises((AccountError, PasswordRejected), match=message):
            create_user(s, username, roles, password, manager=manager)
        s.rollback()
        assert s.scalar(select(func.count()).select_from(User)) == before


def test_the_desktop_token_file_is_private_and_round_trips(tmp_path: Path):
    file = tmp_path / "config" / "session.json"
    tokens = TokenStore(file, use_keyring=False)
    assert tokens.load() is None
    saved = SavedSession(
        "http://127.0.0.1:8750", "alex", "tok-123", utcnow().replace(microsecond=0)
    )
    tokens.save(saved)
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert tokens.load() == saved
    tokens.save(SavedSession(saved.server, "dana", "tok-456", saved.expires_at))
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert TokenStore(file, use_keyring=False).load().username == "dana"
    assert str(file) in tokens.where
    tokens.forget()
    tokens.forget()  # twice is fine
    assert not file.exists() and tokens.load() is None


def test_a_damaged_token_file_reads_as_signed_out(tmp_path: Path):
    file = tmp_path / "session.json"
    file.write_bytes(b"\xff{not json")
    assert TokenStore(file, use_keyring=False).load() is None
    file.write_text('{"server": "x"}')
    assert TokenStore(file, use_keyring=False).load() is None


def test_without_a_usable_keyring_the_store_falls_back_to_the_file(tmp_path: Path):
    # As on a headless Linux box: keyring's own "no backend" answer, so even when asked for
    # the keyring the token goes to the private file.
    import keyring
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        tokens = TokenStore(tmp_path / "session.json")
        tokens.save(SavedSession("http://h", "alex", "t", utcnow()))
    finally:
        keyring.set_keyring(before)
    assert "session.json" in tokens.where
    assert stat.S_IMODE((tmp_path / "session.json").stat().st_mode) == 0o600


def test_migration_0006_makes_the_auth_tables_exactly_as_the_models_say(tmp_path: Path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from dealkit.engine.store.models import Base

    ours = {"user_credentials", "auth_tokens", "login_throttle"}
    store = open_sqlite_store(tmp_path / "server.db")
    try:
        with store.engine.connect() as conn:
            context = MigrationContext.configure(
                conn,
                opts={
                    "include_object": lambda obj, name, kind, reflected, other: (
                        kind != "table" or name in ours
                    )
                },
            )
            assert ours <= set(context.connection.dialect.get_table_names(conn))
            assert compare_metadata(context, Base.metadata) == []
    finally:
        store.close()


def test_a_sign_in_clears_the_users_tokens_that_ended_over_a_day_ago(tmp_path: Path):
    store = open_sqlite_store(tmp_path / "server.db")
    try:
        with store.session() as s:
            create_user(s, "kim", [Role.REP], "kim-password")
            old = sign_in(s, "kim", "kim-password", now=utcnow() - timedelta(days=3))
            recent = sign_in(s, "kim", "kim-password", now=utcnow() - timedelta(hours=13))
            sign_in(s, "kim", "kim-password")
            tokens = set(s.scalars(select(AuthToken.token_hash)))
        assert hash_token(old.token) not in tokens  # ended 2.5 days ago
        assert hash_token(recent.token) in tokens  # ended an hour ago: kept, says "expired"
        assert len(tokens) == 2
    finally:
        store.close()


# Throttling per client address: one address spraying a password over many usernames.

SPRAY = AuthSettings(max_failures=3, address_max_failures=4, lockout=timedelta(seconds=30))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def throttled(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A server store with one user, nok, on the embedded SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        store = open_sqlite_store(tmp_path / "server.db")
    else:
        store = open_store_url(request.getfixturevalue("postgres_url"))
    try:
        with store.session() as s:
            create_user(s, "nok", [Role.REP], "nok-password")
        yield store
    finally:
        store.close()


def refused(store: Store, username: str, password: str, address: str | None, now) -> str:
    with store.session() as s, pytest.raises(SignInRefused) as refusal:
        sign_in(s, username, password, settings=SPRAY, address=address, now=now)
    return str(refusal.value)


def test_many_usernames_from_one_address_lock_that_address_only(throttled: Store):
    now = utcnow()
    for name in ("ann", "ben", "cat", "dan"):  # one guess each: no username reaches its limit
        assert refused(throttled, name, "Summer2026!", "203.0.113.7", now) == (
            "wrong username or password"
        )
    with throttled.session() as s, pytest.raises(SignInRefused) as locked:
        sign_in(s, "nok", "nok-password", settings=SPRAY, address="203.0.113.7", now=now)
    assert str(locked.value) == (
        "too many failed sign-ins from your address 203.0.113.7: it is locked for every "
        "username; try again in 30 s"
    )
    assert locked.value.retry_after == 30
    with throttled.session() as s:  # another address is not locked, nor is the username
        sign_in(s, "nok", "nok-password", settings=SPRAY, address="203.0.113.8", now=now)
        sign_in(s, "nok", "nok-password", settings=SPRAY, now=now)  # no address: an admin tool
    later = now + timedelta(seconds=31)
    assert refused(throttled, "eve", "x-password", "203.0.113.7", later) == (
        "wrong username or password"
    )
    assert "try again in 60 s" in refused(throttled, "nok", "nok-password", "203.0.113.7", later)


def test_one_username_from_many_addresses_is_still_locked_by_username(throttled: Store):
    now = utcnow()
    for n in range(3):
        refused(throttled, "nok", "guess-guess", f"198.51.100.{n}", now)
    message = refused(throttled, "nok", "nok-password", "198.51.100.200", now)
    assert message == "too many failed sign-ins for nok; try again in 30 s"


def test_a_right_guess_does_not_reset_the_addresss_count(throttled: Store):
    now = utcnow()
    for name in ("ann", "ben", "cat"):
        refused(throttled, name, "nok-password", "192.0.2.1", now)
    with throttled.session() as s:  # the sprayer's password is nok's
        sign_in(s, "nok", "nok-password", settings=SPRAY, address="192.0.2.1", now=now)
        counts = dict(s.execute(text("SELECT username, failures FROM login_throttle")).all())
    assert counts == {"ann": 1, "ben": 1, "cat": 1, "ADDR:192.0.2.1": 3}
    refused(throttled, "dan", "nok-password", "192.0.2.1", now)
    assert "from your address 192.0.2.1" in refused(throttled, "eve", "x", "192.0.2.1", now)


def test_an_addresss_count_starts_again_after_a_quiet_hour(throttled: Store):
    now = utcnow()
    for name in ("ann", "ben", "cat"):
        refused(throttled, name, "x-password", "192.0.2.9", now)
    later = now + SPRAY.address_forget_after
    for name in ("dan", "eve", "fay"):  # 3 + 3 failures, but an hour apart: not locked
        assert refused(throttled, name, "x-password", "192.0.2.9", later) == (
            "wrong username or password"
        )
    with throttled.session() as s:
        sign_in(s, "nok", "nok-password", settings=SPRAY, address="192.0.2.9", now=later)


def test_a_username_shaped_like_an_address_key_cannot_lock_the_address(throttled: Store):
    now = utcnow()
    for _ in range(4):  # the username throttle catches these; the address row is not touched
        refused(throttled, "ADDR:192.0.2.44", "x-password", "192.0.2.45", now)
    with throttled.session() as s:
        sign_in(s, "nok", "nok-password", settings=SPRAY, address="192.0.2.44", now=now)


def test_ipv6_counts_per_64_and_ipv4_mapped_counts_as_ipv4(throttled: Store):
    now = utcnow()
    for n, name in enumerate(("ann", "ben", "cat", "dan"), start=1):  # one machine's /64
        refused(throttled, name, "x-password", f"2001:db8:7:1::{n:x}", now)
    assert "from your address 2001:db8:7:1::/64" in refused(
        throttled, "nok", "nok-password", "2001:db8:7:1:ffff::9", now
    )
    with throttled.session() as s:  # the next /64 over is someone else
        sign_in(s, "nok", "nok-password", settings=SPRAY, address="2001:db8:7:2::1", now=now)
    for name in ("ann", "ben", "cat", "dan"):
        refused(throttled, name, "x-password", "::ffff:192.0.2.60", now)
    assert "address 192.0.2.60:" in refused(throttled, "nok", "nok-password", "192.0.2.60", now)
