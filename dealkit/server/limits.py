"""A request body size limit, as plain ASGI middleware (it sees the bytes before FastAPI does).

A declared ``Content-Length`` over the limit is refused at once; a chunked body is counted as it
streams and refused as soon as it passes the limit. Either way the answer is a 413 with the
limit in the message, and no route runs, so nothing is written.
"""

from __future__ import annotations

import json
from typing import Any

DEFAULT_MAX_BODY = 1 << 20  # 1 MiB: JSON bodies; routes that take files set their own limit


class BodyTooLarge(Exception):
    pass


class BodySizeLimit:
    """Refuse request bodies over ``max_body`` bytes, except under ``large_paths`` prefixes
    (which get ``large_max_body``: the blob upload)."""

    def __init__(
        self,
        app: Any,
        max_body: int = DEFAULT_MAX_BODY,
        large_paths: tuple[str, ...] = (),
        large_max_body: int = 64 << 20,
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.large_paths = large_paths
        self.large_max_body = large_max_body

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        limit = self.large_max_body if path.startswith(self.large_paths) else self.max_body
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > limit
            except ValueError:
                await _refuse(send, 400, "the Content-Length header is not a number")
                return
            if too_big:
                await _refuse(send, 413, _too_large(limit))
                return
        received = 0
        started = False
        exceeded = False

        async def counting_receive() -> dict[str, Any]:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    exceeded = True
                    raise BodyTooLarge
            return message

        async def tracking_send(message: dict[str, Any]) -> None:
            # The framework may turn the interrupted read into its own error answer (FastAPI
            # says 400 "error parsing the body"): answer the 413 in its place.
            nonlocal started
            if exceeded:
                if message["type"] == "http.response.start" and not started:
                    started = True
                    await _refuse(send, 413, _too_large(limit))
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _refuse(send, 413, _too_large(limit))


def _too_large(limit: int) -> str:
    return f"the request body is larger than {limit} bytes; send less per request"


async def _refuse(send: Any, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
