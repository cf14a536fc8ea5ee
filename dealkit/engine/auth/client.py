"""The desktop's side of signing in: ask the server for a token, give it back on sign-out.

Plain functions over httpx, run off the GUI thread by the window. Every failure is a
``SignInError`` whose message a sales rep can act on (wrong password, server unreachable,
address that is not a Dealkit server, too many tries); nothing here touches local data.
"""

from __future__ import annotations

import platform
from datetime import datetime
from urllib.parse import urlsplit

import httpx

from dealkit.engine.auth.token_store import SavedSession

LOGIN = "/api/v1/auth/login"
LOGOUT = "/api/v1/auth/logout"


class SignInError(Exception):
    """Signing in or out did not work; ``str(error)`` says why and what to do."""


def normalize_server(address: str) -> str:
    """``dealkit.example.com`` -> ``https://dealkit.example.com``; loopback defaults to http.

    Raises ``SignInError`` for something that cannot be a server address.
    """
    text = address.strip().rstrip("/")
    if not text:
        raise SignInError("Enter the server address your admin gave you, e.g. dealkit.example.com")
    if "://" not in text:
        host = text.split("/")[0].split(":")[0]
        local = host in ("localhost", "127.0.0.1", "::1") or host.endswith(".local")
        text = ("http://" if local else "https://") + text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in text:
        raise SignInError(
            f"{address.strip()!r} is not a server address; "
            "use a form like https://dealkit.example.com"
        )
    return text


def _detail(response: httpx.Response) -> str:
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        return ""
    if isinstance(detail, list):  # a validation error: the fields and what is wrong
        return "; ".join(
            f"{'.'.join(map(str, d.get('loc', [])[1:]))}: {d.get('msg')}" for d in detail
        )
    return str(detail or "")


def sign_in(address: str, username: str, password: str, *, timeout: float = 15.0) -> SavedSession:
    """Sign in at the server; the session to save. Raises ``SignInError``."""
    if not username.strip():
        raise SignInError("Enter your username.")
    if not password:
        raise SignInError("Enter your password.")
    server = normalize_server(address)
    body = {
        "username": username.strip(),
        "password": password,
        "client": f"Dealkit desktop on {platform.node()}"[:120],
    }
    try:
        response = httpx.post(server + LOGIN, json=body, timeout=timeout)
    except httpx.TransportError as error:
        raise SignInError(
            f"Cannot reach the server at {server} ({type(error).__name__}). Check the address "
            "and your network; you can keep working offline."
        ) from None
    if response.status_code == 401:
        raise SignInError("Wrong username or password.")
    if response.status_code == 429:
        raise SignInError(_detail(response) or "Too many failed sign-ins; wait a minute.")
    if response.status_code == 404 or "json" not in response.headers.get("content-type", ""):
        raise SignInError(
            f"{server} does not look like a Dealkit server (it has no sign-in at {LOGIN}). "
            "Check the address."
        )
    if response.status_code >= 500:
        raise SignInError(
            f"The server had a problem (HTTP {response.status_code}). Try again later, or "
            "tell your admin."
        )
    if response.status_code != 200:
        raise SignInError(_detail(response) or f"Sign-in refused (HTTP {response.status_code}).")
    try:
        data = response.json()
        user = data["user"]
        return SavedSession(
            server=server,
            username=str(user["username"]),
            token=str(data["token"]),
            expires_at=datetime.fromisoformat(str(data["expires_at"]).replace("Z", "+00:00")),
            user_id=str(user["id"]),
            display_name=str(user.get("display_name") or user["username"]),
        )
    except (ValueError, KeyError, TypeError):
        raise SignInError(
            f"{server} answered the sign-in with something Dealkit does not understand. "
            "Check the address, or update Dealkit."
        ) from None


def sign_out(session: SavedSession, *, timeout: float = 10.0) -> bool:
    """Revoke the token on the server; True when the server confirmed. Raises ``SignInError``
    when it cannot be reached (the caller forgets the token locally either way)."""
    try:
        response = httpx.post(
            session.server + LOGOUT,
            headers={"Authorization": f"Bearer {session.token}"},
            timeout=timeout,
        )
    except httpx.TransportError as error:
        raise SignInError(
            f"Signed out on this computer, but the server at {session.server} could not be told "
            f"({type(error).__name__}); the old sign-in expires on its own."
        ) from None
    if response.status_code == 401:
        return False  # already expired or revoked: nothing to revoke
    return response.status_code == 200 and bool(response.json().get("signed_out"))
