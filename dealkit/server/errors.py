"""422 answers that always render: FastAPI's default echoes the offending input back, which
fails (a 500) when that input holds a lone surrogate such as ``"\\ud800"``, and would echo a
password back into logs. This handler keeps where, what and why, and drops the input.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from starlette.responses import Response


def _error(error: dict[str, Any]) -> dict[str, Any]:
    kept = {key: error[key] for key in ("type", "loc", "msg") if key in error}
    if "ctx" in error:
        kept["ctx"] = {key: str(value) for key, value in error["ctx"].items()}
    return kept


async def validation_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    detail = [_error(e) for e in exc.errors()]
    # ensure_ascii: any character, even an unpaired surrogate, becomes a \\u escape.
    body = json.dumps({"detail": jsonable_encoder(detail)}, ensure_ascii=True)
    return Response(body, status_code=422, media_type="application/json")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, validation_error)
