"""How subcommands print: readable text by default, one JSON document with ``--json``."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any


class UserError(Exception):
    """A problem the user can fix; printed without a traceback, exit status 2."""


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Path):
        return str(value)
    if hasattr(value, "to_json"):
        return value.to_json()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def to_json_text(data: Any) -> str:
    return json.dumps(data, default=_default, ensure_ascii=False, indent=2)


def emit(args: Any, data: Any, text: Callable[[Any], str] | str | None = None) -> None:
    """Print ``data`` as JSON with ``--json``; otherwise print ``text`` (or ``text(data)``)."""
    if getattr(args, "json", False):
        sys.stdout.write(to_json_text(data) + "\n")
        return
    if callable(text):
        text = text(data)
    sys.stdout.write((text if text is not None else to_json_text(data)) + "\n")


def check_output_path(path: Path, example: str = "proposal.pdf") -> Path:
    """``path`` if a file can be written there; else ``UserError`` naming the path and the fix."""
    path = path.expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise UserError(f"--out {path} is a folder: name a file, e.g. {path / example}")
    if not folder.is_dir():
        raise UserError(f"--out {path}: the folder {folder} does not exist: create it first")
    if not os.access(folder, os.W_OK):
        raise UserError(
            f"--out {path}: the folder {folder} is not writable: pick a folder you can write to"
        )
    return path


def write_file_atomically(path: Path, data: bytes, what: str = "the file") -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``: a failure
    never leaves half a file, and an earlier file stays as it was."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); give it the permissions a plain write would
        umask = os.umask(0)
        os.umask(umask)
        if hasattr(os, "fchmod"):
            os.fchmod(handle, 0o666 & ~umask)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise UserError(
            f"--out {path}: cannot write {what} ({error.strerror}): check the path, the "
            "free space and that the file is not open in another program"
        ) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
