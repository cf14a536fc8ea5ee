"""Items changed in this process whose commit to the index on disk has not finished yet.

A Tantivy commit on disk writes and fsyncs several files: on a laptop SSD a few milliseconds,
on a busy virtual disk well over 100 ms. A trainer who saves an item expects to find it at
once, so ``update_item`` first puts the item into this small in-memory index (a commit in RAM
costs no fsync), then commits it to disk, then takes it out of here again. Meanwhile searches
read both indexes, with the item's outdated copy on disk masked by its id.

A search takes a consistent snapshot (``snapshot``): the set of masked ids and the in-memory
searcher together, before it opens the disk searcher. An item leaves this index only after
its disk commit is visible, so a search sees every item exactly once.
"""

from __future__ import annotations

import threading
from collections import Counter

import tantivy

from dealkit.index import analysis, schema

FRESH_HEAP_BYTES = 15_000_000


class FreshItems:
    def __init__(self, idx_schema: tantivy.Schema) -> None:
        self._lock = threading.Lock()
        self.index = tantivy.Index(idx_schema)  # no path: in memory
        analysis.prepare_index(self.index)
        self._writer: tantivy.IndexWriter | None = None
        self._pending: Counter[str] = Counter()  # id -> disk writes in flight for it

    def _write(self, item_id: str, document: tantivy.Document | None) -> None:
        if self._writer is None:
            # Kept for the life of this object: an in-memory index has no other writer.
            self._writer = self.index.writer(heap_size=FRESH_HEAP_BYTES, num_threads=1)
        self._writer.delete_documents_by_term(schema.ID, item_id)
        if document is not None:
            self._writer.add_document(document)
        self._writer.commit()
        self.index.reload()

    def put(self, item_id: str, document: tantivy.Document) -> None:
        """Make ``document`` searchable now, masking the item's copy on disk."""
        with self._lock:
            self._write(item_id, document)
            self._pending[item_id] += 1

    def hide(self, item_id: str) -> None:
        """Make the item unfindable now (its removal from disk is under way)."""
        with self._lock:
            self._write(item_id, None)
            self._pending[item_id] += 1

    def settle(self, item_id: str) -> None:
        """The disk write for ``item_id`` finished (or failed): the disk copy counts again."""
        with self._lock:
            self._pending[item_id] -= 1
            if self._pending[item_id] <= 0:
                del self._pending[item_id]
                self._write(item_id, None)

    def snapshot(self) -> tuple[list[str], tantivy.Searcher | None]:
        """(ids to mask on disk, a searcher of the items here), or ([], None) when empty."""
        with self._lock:
            if not self._pending:
                return [], None
            return sorted(self._pending), self.index.searcher()
