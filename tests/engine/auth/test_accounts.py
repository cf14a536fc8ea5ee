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
from dealkit.engine.store.database import Store, open_sqlite_store
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
