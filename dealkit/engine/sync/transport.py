"""HTTP to the server over httpx, with the protocol header and errors a person can act on."""

from __future__ import annotations

from typing import Any

import httpx

from dealkit.engine.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION


class SyncError(RuntimeError):
    """Sync could not finish; the message says why and what to do. Nothing local is lost."""


class SyncOffline(SyncError):
    """The server could not be reached (or the connection dropped): try again later."""


class SignInNeeded(SyncError):
    """The token was refused (expired, revoked): sign in again; the outbox is kept."""


class ProtocolMismatch(SyncError):
    """The server speaks another protocol version: update Dealkit (or the server)."""


class TooLarge(SyncError):
    """The server refused a request body as too large (413): send less at a time."""


class HttpTransport:
    """Requests to one server with one token. Tests wrap ``request`` to inject faults."""

    def __init__(
        self,
        base_url: str,
        token: str | None,
        *,
        timeout: float = 30.0,
        client: httpx.Client | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self.client = client or httpx.Client(timeout=timeout)
        self.headers = headers

    def close(self) -> None:
        self.client.close()

    def request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        json: Any = None,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        try:
            response = self.client.request(
                method,
                self.base_url + path,
                params=params,
                json=json,
                content=content,
                headers={**self.headers, **(headers or {})},
            )
        except httpx.TransportError as error:
            raise SyncOffline(
                f"cannot reach the server at {self.base_url} ({type(error).__name__}: {error}); "
                "your changes are kept and go up at the next sync"
            ) from error
        check_response(response, self.base_url)
        return response


def check_response(response: httpx.Response, base_url: str) -> None:
    if response.status_code < 400 or response.status_code == 416:
        return
    try:
        detail = response.json().get("detail")
    except ValueError:
        detail = response.text[:200]
    if response.status_code == 401:
        raise SignInNeeded(f"sign in again to sync with {base_url}: {detail}")
    if response.status_code == 426:
        raise ProtocolMismatch(str(detail))
    if response.status_code == 413:
        raise TooLarge(f"the server at {base_url} refused a request as too large: {detail}")
    raise SyncError(
        f"the server at {base_url} refused the request ({response.status_code}): {detail}"
    )
