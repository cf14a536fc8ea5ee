"""Accounts on the server: create users, sign in, check a token, sign out.

Pure engine code over a SQLAlchemy session (the server maps the errors to HTTP, the admin
commands to messages). Each function commits its own work, so a failed sign-in is counted even
though the caller turns it into an error. Throttling lives in the database (``login_throttle``),
so it holds across every server process behind a load balancer, under two keys per attempt:

- the username (known or not): ``max_failures`` in a row lock it, stopping guesses at one
  account from any number of addresses;
- the client's address (``ADDR:127.0.0.1``; an IPv6 address counts as its /64, the block one
  machine usually holds): ``address_max_failures`` lock it, stopping one address from spraying a
  password over many usernames. The limit is looser because an office behind one NAT address
  shares it. The key is upper case and usernames are lower-cased, so no username can name (and
  lock) an address's row.

Both lockouts double with each further failure up to ``max_lockout``. A successful sign-in clears
the username's count but not the address's: a sprayer who guesses one account right must not
win a fresh allowance for the rest. Instead an address's count starts again after
``address_forget_after`` without a failure from it, so the occasional typo of a whole office
does not add up to a lock over weeks.
"""

from __future__ import annotations

import hashlib
import ipaddress
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Row, Select, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dealkit.engine.access.principal import (
    AuthenticatedUser,
    load_principal,
    principal_from_row,
    principal_of_token,
)
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
    address_max_failures: int = 20  # failures from one address, any usernames, to lock it
    address_forget_after: timedelta = timedelta(hours=1)  # quiet time that restarts its count
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


ADDRESS_KEY = "ADDR:"  # upper case: a username key (lower-cased) never starts with it


def _address_key(address: str | None) -> str | None:
    """The ``login_throttle`` key of a client address, None when the address is not known.

    IPv4 (and IPv4 mapped into IPv6) counts per address; IPv6 per /64, since one machine
    usually holds a whole /64 and could otherwise step to a fresh address for each guess.
    """
    text = (address or "").strip()
    if not text:
        return None
    try:
        ip = ipaddress.ip_address(text)
    except ValueError:  # not an IP (a Unix socket, a test client): the name itself
        name = text.lower()
    else:
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            name = str(ip.ipv4_mapped)
        elif isinstance(ip, ipaddress.IPv6Address):
            bare = ipaddress.IPv6Address(int(ip))  # without a %zone
            name = str(ipaddress.IPv6Network((bare, 64), strict=False))
        else:
            name = str(ip)
    key = ADDRESS_KEY + name
    if len(key) > 64:  # the column's width
        key = ADDRESS_KEY + "sha256:" + hashlib.sha256(name.encode()).hexdigest()[:52]
    return key


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


def _count_failure(row: LoginThrottle, now: datetime, settings: AuthSettings) -> None:
    if row.username.startswith(ADDRESS_KEY):
        limit = settings.address_max_failures
        if row.failures and now - row.last_failure_at >= settings.address_forget_after:
            row.failures = 0  # a quiet address starts again (its lock, if any, has ended)
    else:
        limit = settings.max_failures
    row.failures += 1
    row.last_failure_at = now
    beyond = row.failures - limit
    if beyond >= 0:
        lock = min(settings.lockout * (2 ** min(beyond, 16)), settings.max_lockout)
        row.locked_until = now + lock


def _record_failure(
    session: Session, keys: list[str], now: datetime, settings: AuthSettings
) -> None:
    """Count one failure under each key (the username's, the address's) in one transaction."""
    for _attempt in range(len(keys) + 1):  # a concurrent first failure may insert a row under us
        try:
            for key in sorted(keys):  # one order for every process: no deadlock between them
                row = session.get(LoginThrottle, key, with_for_update=True)
                if row is None:
                    row = LoginThrottle(username=key, failures=0, last_failure_at=now)
                    session.add(row)
                    session.flush()
                _count_failure(row, now, settings)
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
    address: str | None = None,
    now: datetime | None = None,
) -> SignIn:
    """Check a password and hand out a new token; raises ``SignInRefused``.

    ``address`` is the client's IP address as the server sees it (None when unknown, e.g. an
    admin command): failures are also counted against it, and a locked address is refused
    whatever the username.
    """
    settings = settings or AuthSettings()
    now = now or utcnow()
    key = _throttle_key(username)
    place = _address_key(address)
    wait = _locked_for(session.get(LoginThrottle, key), now)
    place_wait = _locked_for(session.get(LoginThrottle, place), now) if place else None
    if place_wait is not None:
        session.rollback()
        wait = max(place_wait, wait or 0)  # retrying sooner would meet the username's lock
        shown = place.removeprefix(ADDRESS_KEY) if place else ""
        raise SignInRefused(
            f"too many failed sign-ins from your address {shown}: it is locked for every "
            f"username; try again in {wait} s",
            wait,
        )
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
        _record_failure(session, [key] if place is None else [key, place], now, settings)
        raise SignInRefused("wrong username or password")
    assert user is not None
    if needs_rehash(credential.password_hash):
        credential.password_hash = hash_password(password)
    throttle = session.get(LoginThrottle, key)
    if throttle is not None:  # the username's count only: the address's stays (see above)
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


def authenticate(
    session: Session | Connection, token: str, *, now: datetime | None = None
) -> AuthenticatedUser:
    """The user a bearer token stands for; raises ``TokenRejected`` with the reason.

    One statement (``principal_of_token``): every request behind a token pays for it, and the
    "anything new?" poll of a synced laptop is little else.
    """
    return authenticate_with(session, token, principal_of_token(), now=now)[0]


def authenticate_with(
    session: Session | Connection,
    token: str,
    statement: Select[Any],
    *,
    now: datetime | None = None,
) -> tuple[AuthenticatedUser, Row[Any]]:
    """``authenticate`` with ``statement``, ``principal_of_token()`` plus the columns a caller
    needs from the same round trip (the pull: the change feed's counter); the row comes back."""
    now = now or utcnow()
    found = None
    if token:
        found = session.execute(statement, {"token_hash": hash_token(token)}).one_or_none()
    if found is None:
        raise TokenRejected("the token is not known; sign in")
    if found.revoked_at is not None:
        raise TokenRejected("the token was signed out; sign in again")
    if found.expires_at <= now:
        raise TokenRejected("the session expired; sign in again")
    if found.user_id is None or found.deleted:
        raise TokenRejected("the account no longer exists")
    return principal_from_row(found), found


def sign_out(session: Session, token: str, *, now: datetime | None = None) -> bool:
    """Revoke a token; True when it was live. Commits."""
    row = session.get(AuthToken, hash_token(token)) if token else None
    if row is None or row.revoked_at is not None:
        session.rollback()
        return False
    row.revoked_at = now or utcnow()
    session.commit()
    return True
