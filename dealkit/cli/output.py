"""How subcommands print: readable text by default, one JSON document with ``--json``."""

from __future__ import annotations

import json
import sys
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
