"""Identifiers and timestamps shared by every synced record."""

from __future__ import annotations

from datetime import UTC, datetime

from uuid6 import uuid7


def new_id() -> str:
    """A UUIDv7 as text: time-ordered, so ids created later sort later (good for B-trees)."""
    return str(uuid7())


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC (Dealkit never stores a naive datetime)."""
    return datetime.now(UTC)
