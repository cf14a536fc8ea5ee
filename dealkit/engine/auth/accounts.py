"""Accounts on the server: create users, sign in, check a token, sign out.

Pure engine code over a SQLAlchemy session (the server maps the errors to HTTP, the admin
commands to messages). Each function commits its own work, so a failed sign-in is counted even
though the caller turns it into an error. Throttling lives in the database (``login_throttle``),
keyed by username, so it holds across every server process behind a load balancer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dealkit.engine.access.principal import AuthenticatedUser, load_principal
from dealkit.engine.auth.passwords import (
    DUMMY_HASH,
    hash_password,
    needs_rehash,
    verify_password,
)
from dealkit.engine.auth.tokens import hash_token, new_token
from dealkit.engine.ids import utcnow
from dealkit.engine.store.models import (
    AuthToken,
    LoginThrottle,
    Role,
    User,
    UserCredential,
    UserRole,
)


@dataclass(frozen=True)
class AuthSettings:
    """How long tokens live and how hard repeated failures are throttled."""

    token_ttl: timedelta = timedelta(hours=12)
    max_failures: int = 5  # failed sign-ins in a row before the username is locked
    lockout: timedelta = timedelta(minutes=1)  # doubles with each further failure ...
    max_lockout: timedelta = timedelta(minutes=15)  # ... up to this


class AccountError(ValueError):
    """An account change that cannot be made (unknown manager, taken username, ...)."""


class SignInRefused(Exception):
    """Wrong username or password, or too many failures; ``retry_after`` seconds when locked."""

    def __init__(self, reason: str, retry_after: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


class TokenRejected(Exception):
    """A bearer token that is unknown, revoked or expired; the reason says which."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class SignIn:
    token: str  # shown once; only its hash is stored
    expires_at: datetime
    user: AuthenticatedUser
    display_name: str


def _throttle_key(username: str) -> str:
    return username.strip().lower()[:64]


def find_user(session: Session, username: str) -> User | None:
    return session.scalar(
        select(User).where(User.username == username.strip(), User.deleted.is_(False))
    )


def create_user(
    session: Session,
    username: str,
    roles: list[Role],
    password: str,
    *,
    display_name: str | None = None,
    email: str = "",
    manager: str | None = None,
) -> User:
    """Add a user with roles, a manager (by username) and a password; commits."""
    username = username.strip()
    if not username or len(username) > 64 or any(c.isspace() for c in username):
        raise AccountError(
            f"username {username!r}: use 1 to 64 characters without spaces, e.g. somchai.k"
        )
    if not roles:
        raise AccountError(f"user {username}: give at least one role with --role")
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise AccountError(f"user {username} already exists; pick another username")
    manager_id = None
    if manager:
        boss = find_user(session, manager)
        if boss is None:
            raise AccountError(f"--manager {manager}: no such user; add the manager first")
        manager_id = boss.id
    password_hash = hash_password(password)  # PasswordRejected before anything is written
    user = User(
        username=username,
        display_name=display_name or username,
        email=email,
        manager_id=manager_id,
    )
    session.add(user)
    session.flush()
    session.add_all(UserRole(user_id=user.id, role=role) for role in dict.fromkeys(roles))
    session.add(UserCredential(user_id=user.id, password_hash=password_hash))
    session.commit()
    return user


def set_password(session: Session, user: User, password: str) -> None:
    """Replace a user's password and revoke their tokens (every laptop signs in again)."""
    password_hash = hash_password(password)
    credential = session.get(UserCredential, user.id)
    if credential is None:
        session.add(UserCredential(user_id=user.id, password_hash=password_hash))
    else:
        credential.password_hash = password_hash
        credential.changed_at = utcnow()
    now = utcnow()
    for token in session.scalars(
        select(AuthToken).where(AuthToken.user_id == user.id, AuthToken.revoked_at.is_(None))
    ):
        token.revoked_at = now
    session.commit()


def _locked_for(row: LoginThrottle | None, now: datetime) -> int | None:
    if row is None or row.locked_until is None or row.locked_until <= now:
        return None
    return max(1, int((row.locked_until - now).total_seconds() + 0.999))


def _record_failure(session: Session, key: str, now: datetime, settings: AuthSettings) -> None:
    for _attempt in range(2):  # a concurrent first failure may insert the row under us
        row = session.get(LoginThrottle, key, with_for_update=True)
        if row is None:
            row = LoginThrottle(username=key, failures=0)
            session.add(row)
        row.failures += 1
        row.last_failure_at = now
        beyond = row.failures - settings.max_failures
        if beyond >= 0:
            lock = min(settings.lockout * (2 ** min(beyond, 16)), settings.max_lockout)
            row.locked_until = now + lock
        try:
            session.commit()
            return
        except IntegrityError:
            session.rollback()


def sign_in(
    session: Session,
    username: str,
    password: str,
    *,
    settings: AuthSettings | None = None,
    client: str = "",
    now: datetime | None = None,
) -> SignIn:
    """Check a password and hand out a new token; raises ``SignInRefused``."""
    settings = settings or AuthSettings()
    now = now or utcnow()
    key = _throttle_key(username)
    wait = _locked_for(session.get(LoginThrottle, key), now)
    if wait is not None:
        session.rollback()
        raise SignInRefused(
            f"too many failed sign-ins for {username.strip()}; try again in {wait} s", wait
        )
    user = find_user(session, username)
    credential = session.get(UserCredential, user.id) if user is not None else None
    stored = credential.password_hash if credential is not None else DUMMY_HASH
    if not verify_password(stored, password) or credential is None:
        session.rollback()
        _record_failure(session, key, now, settings)
        raise SignInRefused("wrong username or password")
    assert user is not None
    if needs_rehash(credential.password_hash):
        credential.password_hash = hash_password(password)
    throttle = session.get(LoginThrottle, key)
    if throttle is not None:
        session.delete(throttle)
    # The user's tokens that ended (expired or revoked) over a day ago go: the table stays the
    # size of the live sessions, without a cleaning job (the server keeps no timers).
    ended = now - timedelta(days=1)
    session.execute(
        delete(AuthToken).where(
            AuthToken.user_id == user.id,
            (AuthToken.expires_at < ended) | (AuthToken.revoked_at < ended),
        )
    )
    token = new_token()
    expires_at = now + settings.token_ttl
    session.add(
        AuthToken(
            token_hash=hash_token(token),
            user_id=user.id,
            created_at=now,
            expires_at=expires_at,
            client=client[:120],
        )
    )
    principal = load_principal(session, user)
    display_name = user.display_name
    session.commit()
    return SignIn(token=token, expires_at=expires_at, user=principal, display_name=display_name)


def authenticate(session: Session, token: str, *, now: datetime | None = None) -> AuthenticatedUser:
    """The user a bearer token stands for; raises ``TokenRejected`` with the reason."""
    now = now or utcnow()
    row = session.get(AuthToken, hash_token(token)) if token else None
    if row is None:
        raise TokenRejected("the token is not known; sign in")
    if row.revoked_at is not None:
        raise TokenRejected("the token was signed out; sign in again")
    if row.expires_at <= now:
        raise TokenRejected("the session expired; sign in again")
    user = session.get(User, row.user_id)
    if user is None or user.deleted:
        raise TokenRejected("the account no longer exists")
    return load_principal(session, user)


def sign_out(session: Session, token: str, *, now: datetime | None = None) -> bool:
    """Revoke a token; True when it was live. Commits."""
    row = session.get(AuthToken, hash_token(token)) if token else None
    if row is None or row.revoked_at is not None:
        session.rollback()
        return False
    row.revoked_at = now or utcnow()
    session.commit()
    return True
