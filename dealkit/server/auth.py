"""Who is calling: the ``CurrentUser`` dependency every protected route takes.

``Authorization: Bearer <token>`` is checked against the hashed tokens in the database on every
request (the server keeps no session in memory, so any process behind a load balancer can
answer). A missing, unknown, revoked or expired token is a 401 whose ``detail`` says which, with
``WWW-Authenticate: Bearer`` as RFC 6750 asks; the desktop turns it into "sign in again".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, status
from sqlalchemy import Connection, Row, Select
from sqlalchemy.orm import Session

from dealkit.engine.access.principal import AuthenticatedUser
from dealkit.engine.auth.accounts import TokenRejected, authenticate, authenticate_with
from dealkit.engine.store.models import Role

__all__ = ["AuthenticatedUser", "CurrentUser", "bearer_token", "current_user", "require_role"]


def _challenge(reason: str, error: str | None) -> HTTPException:
    header = 'Bearer realm="dealkit"'
    if error:
        description = reason.replace('"', "'")
        header += f', error="{error}", error_description="{description}"'
    return HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail=reason,
        headers={"WWW-Authenticate": header},
    )


async def bearer_token(request: Request) -> str:
    """The token of the ``Authorization: Bearer`` header; 401 when there is none.

    ``async`` although it awaits nothing: FastAPI runs a plain ``def`` dependency on a worker
    thread, and the hop would cost more than reading a header.
    """
    header = request.headers.get("authorization")
    if not header:
        raise _challenge("sign in first: send Authorization: Bearer <token>", None)
    scheme, _, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise _challenge("the Authorization header must be 'Bearer <token>'", "invalid_request")
    return token


def current_user(
    request: Request, token: Annotated[str, Depends(bearer_token)]
) -> AuthenticatedUser:
    """The signed-in user of this request (401 with the reason when the token does not hold)."""
    with request.app.state.store.session() as session:
        try:
            return authenticate(session, token)
        except TokenRejected as rejected:
            raise _challenge(rejected.reason, "invalid_token") from None


def user_of_token(
    session: Session | Connection, token: str, statement: Select[Any]
) -> tuple[AuthenticatedUser, Row[Any]]:
    """``current_user`` inside a connection the route already holds, with the row of
    ``statement`` (``principal_of_token()`` and more columns: one round trip)."""
    try:
        return authenticate_with(session, token, statement)
    except TokenRejected as rejected:
        raise _challenge(rejected.reason, "invalid_token") from None


CurrentUser = Annotated[AuthenticatedUser, Depends(current_user)]
BearerToken = Annotated[str, Depends(bearer_token)]


def require_role(*roles: Role) -> Callable[[AuthenticatedUser], AuthenticatedUser]:
    """A dependency: the current user when they hold one of ``roles`` (admins do), else 403."""
    names = ", ".join(r.value for r in roles)

    def dependency(user: CurrentUser) -> AuthenticatedUser:
        if not user.has(*roles):
            raise HTTPException(
                status_code=status.HTTP_403_FORBIDDEN,
                detail=f"this needs the role {names}; {user.username} does not have it",
            )
        return user

    return dependency
