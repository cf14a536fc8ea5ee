"""What the index on disk was built from, kept in a small JSON file beside it.

``ensure_built`` compares this record with the store to decide between doing nothing, catching
up on the rows changed since (``watermark``: the newest ``updated_at`` already indexed), and a
full rebuild (no record, another schema or analysis, or counts that do not add up).
``generation`` changes with every full rebuild, so another process (a second window, the
command line) notices that the folder was replaced and reopens it.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class IndexState:
    version: str
    generation: str
    watermark: datetime | None
    items: int
    built_at: datetime

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["watermark"] = self.watermark.isoformat() if self.watermark else None
        data["built_at"] = self.built_at.isoformat()
        return data


def read_state(path: Path) -> IndexState | None:
    """The record at ``path``, or None when it is missing or unreadable (then: rebuild)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        watermark = data.get("watermark")
        return IndexState(
            version=str(data["version"]),
            generation=str(data["generation"]),
            watermark=datetime.fromisoformat(watermark) if watermark else None,
            items=int(data["items"]),
            built_at=datetime.fromisoformat(data["built_at"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_state(path: Path, state: IndexState) -> None:
    """Write atomically: a reader sees the old record or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(state.to_json(), indent=2), encoding="utf-8")
    tmp.replace(path)
