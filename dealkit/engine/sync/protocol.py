"""The wire format both sides share (docs/sync-protocol.md), as plain data classes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PROTOCOL_VERSION = 1
PROTOCOL_HEADER = "X-Dealkit-Protocol"
MAX_PULL_LIMIT = 2000
DEFAULT_PULL_LIMIT = 500
MAX_PUSH_BATCH = 500
MAX_BLOB_BYTES = 64 * 1024 * 1024

UPSERT = "upsert"
DELETE = "delete"
APPLIED = "applied"
REJECTED = "rejected"


@dataclass(frozen=True)
class PulledRow:
    table: str
    id: str
    seq: int
    deleted: bool
    fields: dict[str, Any] | None  # column values as JSON (None for a tombstone)

    def to_json(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "id": self.id,
            "seq": self.seq,
            "deleted": self.deleted,
            "fields": self.fields,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PulledRow:
        return cls(
            table=str(data["table"]),
            id=str(data["id"]),
            seq=int(data["seq"]),
            deleted=bool(data["deleted"]),
            fields=data.get("fields"),
        )


@dataclass(frozen=True)
class PullPage:
    since: int
    next: int
    has_more: bool
    rows: list[PulledRow]

    def to_json(self) -> dict[str, Any]:
        return {
            "protocol": PROTOCOL_VERSION,
            "since": self.since,
            "next": self.next,
            "has_more": self.has_more,
            "rows": [row.to_json() for row in self.rows],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PullPage:
        return cls(
            since=int(data["since"]),
            next=int(data["next"]),
            has_more=bool(data["has_more"]),
            rows=[PulledRow.from_json(row) for row in data["rows"]],
        )


@dataclass(frozen=True)
class Mutation:
    client_id: str
    table: str
    op: str  # UPSERT or DELETE
    row_id: str
    base_seq: int | None
    fields: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "client_id": self.client_id,
            "table": self.table,
            "op": self.op,
            "row_id": self.row_id,
            "base_seq": self.base_seq,
            "fields": self.fields,
        }


@dataclass(frozen=True)
class MutationResult:
    client_id: str
    status: str  # APPLIED or REJECTED
    row_id: str
    seq: int | None = None
    reason: str | None = None
    conflict: str | None = None  # kept both: what happened to this edit
    duplicate: bool = False
    rows: list[PulledRow] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "client_id": self.client_id,
            "status": self.status,
            "row_id": self.row_id,
            "seq": self.seq,
            "reason": self.reason,
            "conflict": self.conflict,
            "duplicate": self.duplicate,
            "rows": [row.to_json() for row in self.rows],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MutationResult:
        return cls(
            client_id=str(data["client_id"]),
            status=str(data["status"]),
            row_id=str(data["row_id"]),
            seq=data.get("seq"),
            reason=data.get("reason"),
            conflict=data.get("conflict"),
            duplicate=bool(data.get("duplicate", False)),
            rows=[PulledRow.from_json(row) for row in data.get("rows") or []],
        )
