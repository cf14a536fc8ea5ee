"""Content-addressed blobs: ``PUT``/``GET /api/v1/blobs/{sha256}``, with ``Range`` for resuming.

The bytes live in the database (``sync_blobs``) so any server process can answer. An upload is
hashed as it arrives and refused (422) when the hash differs from its name, and cut off with
413 past ``MAX_BLOB_BYTES``; nothing is stored unless the whole body checks out.

Any signed-in user may upload (the laptop sends a file before the row that names it), but a
download is answered only when the read policy lets the user read a live row naming the blob
(``dealkit.engine.access.blob_readable``; admins read all). Otherwise the answer is the same
404 as for a hash the server does not hold, so a hash's existence does not leak.
"""

from __future__ import annotations

import hashlib
import re

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import func, select

from dealkit.engine.access import blob_readable
from dealkit.engine.store.models import SyncBlob
from dealkit.engine.sync.protocol import MAX_BLOB_BYTES
from dealkit.server.auth import CurrentUser

SHA256 = re.compile(r"^[0-9a-f]{64}$")
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _check_name(sha256: str) -> None:
    if not SHA256.match(sha256):
        raise HTTPException(422, f"{sha256!r} is not a sha256 (64 lower-case hex digits)")


def build_router(protocol_check) -> APIRouter:
    router = APIRouter(prefix="/api/v1/blobs", tags=["blobs"], dependencies=[protocol_check])

    @router.put("/{sha256}", status_code=201)
    async def put_blob(sha256: str, request: Request, user: CurrentUser) -> dict:
        _check_name(sha256)
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > MAX_BLOB_BYTES:
            raise HTTPException(413, f"a blob is at most {MAX_BLOB_BYTES} bytes")
        digest = hashlib.sha256()
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_BLOB_BYTES:
                raise HTTPException(413, f"a blob is at most {MAX_BLOB_BYTES} bytes")
            digest.update(chunk)
            chunks.append(chunk)
        if digest.hexdigest() != sha256:
            raise HTTPException(
                422, f"the body's sha256 is {digest.hexdigest()}, not {sha256}: upload it again"
            )
        data = b"".join(chunks)
        store = request.app.state.store

        def save() -> bool:
            with store.session() as session, session.begin():
                if session.get(SyncBlob, sha256) is not None:
                    return False
                session.add(SyncBlob(sha256=sha256, size=len(data), data=data))
                return True

        created = await run_in_threadpool(save)
        return {"sha256": sha256, "size": len(data), "created": created}

    @router.get("/{sha256}")
    def get_blob(sha256: str, request: Request, user: CurrentUser) -> Response:
        _check_name(sha256)
        store = request.app.state.store
        with store.session() as session:
            size = None
            if blob_readable(session, user, sha256):
                size = session.scalar(select(SyncBlob.size).where(SyncBlob.sha256 == sha256))
            if size is None:  # not stored, or not for this user: one answer for both
                raise HTTPException(
                    404,
                    f"no blob {sha256} that you may read on the server: its file belongs to a "
                    "row you cannot see, or it was never uploaded",
                )
            start, end = 0, size - 1
            header = request.headers.get("range")
            status = 200
            if header:
                match = RANGE.match(header.strip())
                if not match or (not match.group(1) and not match.group(2)):
                    raise HTTPException(
                        416, "Range must be bytes=START-END", {"Content-Range": f"bytes */{size}"}
                    )
                if match.group(1):
                    start = int(match.group(1))
                    end = min(int(match.group(2)), size - 1) if match.group(2) else size - 1
                else:  # a suffix: the last N bytes
                    start = max(size - int(match.group(2)), 0)
                if start >= size or start > end:
                    return Response(status_code=416, headers={"Content-Range": f"bytes */{size}"})
                status = 206
            data = session.scalar(
                select(func.substr(SyncBlob.data, start + 1, end - start + 1)).where(
                    SyncBlob.sha256 == sha256
                )
            )
        headers = {"Accept-Ranges": "bytes", "ETag": f'"{sha256}"'}
        if status == 206:
            headers["Content-Range"] = f"bytes {start}-{end}/{size}"
        return Response(
            bytes(data or b""),
            status_code=status,
            headers=headers,
            media_type="application/octet-stream",
        )

    return router
