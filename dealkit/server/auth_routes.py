"""Sign in, sign out, who am I, and the admin's user routes (``/api/v1/auth``, ``/api/v1/admin``).

Bodies are strict pydantic models (unknown fields, wrong types and out-of-range lengths are a
422 naming the field); the work is ``dealkit.engine.auth.accounts``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, status
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from dealkit.engine.access.principal import AuthenticatedUser, load_principal
from dealkit.engine.auth.accounts import (
    AccountError,
    AuthSettings,
    SignInRefused,
    create_user,
    sign_in,
    sign_out,
)
from dealkit.engine.auth.passwords import MAX_PASSWORD_LENGTH, PasswordRejected
from dealkit.engine.store.models import Role, User
from dealkit.server.auth import CurrentUser, bearer_token, require_role

Username = Annotated[str, Field(min_length=1, max_length=64)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LoginIn(Strict):
    username: Username
    password: Annotated[str, Field(min_length=1, max_length=MAX_PASSWORD_LENGTH)]
    client: Annotated[str, Field(max_length=120)] = ""  # e.g. "Dealkit desktop on somchai-laptop"


class UserOut(BaseModel):
    id: str
    username: str
    display_name: str
    roles: list[Role]
    team_ids: list[str]


class LoginOut(BaseModel):
    token: str
    token_type: str = "bearer"
    expires_at: datetime
    user: UserOut


class SignedOut(BaseModel):
    signed_out: bool


class NewUserIn(Strict):
    username: Username
    roles: Annotated[list[Role], Field(min_length=1, max_length=len(Role))]
    password: Annotated[str, Field(min_length=1, max_length=MAX_PASSWORD_LENGTH)]
    manager: Username | None = None
    display_name: Annotated[str, Field(max_length=120)] | None = None
    email: Annotated[str, Field(max_length=200)] = ""


def _user_out(user: AuthenticatedUser, display_name: str) -> UserOut:
    return UserOut(
        id=user.id,
        username=user.username,
        display_name=display_name,
        roles=sorted(user.roles),
        team_ids=sorted(user.team_ids),
    )


def _settings(request: Request) -> AuthSettings:
    return getattr(request.app.state, "auth_settings", None) or AuthSettings()


router = APIRouter(prefix="/api/v1")


@router.post(
    "/auth/login",
    responses={
        401: {"description": "wrong username or password"},
        429: {"description": "the username or the client address is locked"},
    },
)
def login(body: LoginIn, request: Request) -> LoginOut:
    """Exchange a username and password for a bearer token (valid 12 h by default).

    Failures are throttled per username and per client address (``request.client.host``;
    behind a reverse proxy on another host, set ``FORWARDED_ALLOW_IPS`` to the proxy's address
    so uvicorn takes the laptop's address from ``X-Forwarded-For`` rather than giving every
    laptop the proxy's). A lock of either is a 429 with ``Retry-After``.
    """
    with request.app.state.store.session() as session:
        try:
            done = sign_in(
                session,
                body.username,
                body.password,
                settings=_settings(request),
                client=body.client,
                address=request.client.host if request.client else None,
            )
        except SignInRefused as refused:
            if refused.retry_after is not None:
                raise HTTPException(
                    status.HTTP_429_TOO_MANY_REQUESTS,
                    detail=refused.reason,
                    headers={"Retry-After": str(refused.retry_after)},
                ) from None
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail=refused.reason) from None
    return LoginOut(
        token=done.token, expires_at=done.expires_at, user=_user_out(done.user, done.display_name)
    )


@router.post("/auth/logout")
def logout(
    request: Request, _user: CurrentUser, token: Annotated[str, Depends(bearer_token)]
) -> SignedOut:
    """Revoke the token of this request; it no longer works anywhere."""
    with request.app.state.store.session() as session:
        return SignedOut(signed_out=sign_out(session, token))


@router.get("/auth/me")
def me(request: Request, user: CurrentUser) -> UserOut:
    with request.app.state.store.session() as session:
        stored = session.get(User, user.id)
        return _user_out(user, stored.display_name if stored else user.username)


AdminUser = Annotated[AuthenticatedUser, Depends(require_role(Role.ADMIN))]


@router.get("/admin/users")
def list_users(request: Request, _admin: AdminUser) -> list[UserOut]:
    with request.app.state.store.session() as session:
        users = session.scalars(
            select(User).where(User.deleted.is_(False)).order_by(User.username)
        ).all()
        return [_user_out(load_principal(session, u), u.display_name) for u in users]


@router.post("/admin/users", status_code=status.HTTP_201_CREATED)
def add_user(body: NewUserIn, request: Request, _admin: AdminUser) -> UserOut:
    with request.app.state.store.session() as session:
        try:
            user = create_user(
                session,
                body.username,
                body.roles,
                body.password,
                display_name=body.display_name,
                email=body.email,
                manager=body.manager,
            )
        except (AccountError, PasswordRejected) as error:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, detail=str(error)) from None
        return _user_out(load_principal(session, user), user.display_name)
