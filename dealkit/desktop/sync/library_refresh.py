"""After a pull: bring the library's search index up to the content rows the pull changed.

No Qt here (the desktop's SyncService runs it on a worker; ``dealkit sync`` calls it directly).
The index's own catch-up follows ``updated_at`` from its last build, and a pulled row keeps the
server's ``updated_at`` — which may be older than this laptop's last build — so every pulled
content row is indexed by id through ``LibraryIndex.update_item`` (tombstones removed).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dealkit.engine.store.models import ContentItem

CONTENT_TABLE = ContentItem.__tablename__


def pulled_content_ids(changed: dict[str, set[str]]) -> list[str]:
    """The content item ids a sync report says changed (sorted, for a stable order)."""
    return sorted(changed.get(CONTENT_TABLE, set()))


def index_pulled_items(workspace: Any, index: Any, item_ids: Iterable[str]) -> int:
    """Re-index ``item_ids`` as the store holds them now; returns how many were touched."""
    touched = 0
    with workspace.store.session() as session:
        for item_id in item_ids:
            item = session.get(ContentItem, item_id)
            if item is None:
                index.remove_item(item_id)
            else:
                index.update_item(item)
            touched += 1
    return touched
