"""The library's search index: build it from the store, keep it current, search it.

The index is derived data: the store's ``ContentItem`` rows are the truth, and the index folder
(``<workspace>/index/library``) can be deleted at any time. ``ensure_built`` notices a missing,
damaged or outdated index and rebuilds it, or catches up on rows changed since it was built;
``search`` does the same before it answers, and a search that trips over a damaged index
rebuilds it and asks again, so a broken index costs time, never a crash.

One writer at a time: Tantivy allows one ``IndexWriter`` per folder. Writes (``update_item``,
``remove_item``, builds) hold a thread lock and a lock file (``index/library.lock``), so two
windows and the command line take turns; updates share one writer until it is idle.
Searches never wait for writes: a full rebuild is written to a new folder and swapped in when
complete, so searches keep answering from the old index meanwhile, and another process
notices the swap through the ``generation`` in ``library-state.json`` and reopens. An item
being written is searchable from memory before its disk commit ends (see ``fresh``).
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import tantivy
from filelock import FileLock, Timeout
from sqlalchemy import func, select

from dealkit.engine.ids import utcnow
from dealkit.engine.store.models import ContentItem
from dealkit.engine.workspace import Workspace
from dealkit.index import analysis, schema
from dealkit.index.documents import COLUMNS, to_document
from dealkit.index.expansions import WordExpander
from dealkit.index.fresh import FreshItems
from dealkit.index.hits import SearchHit
from dealkit.index.query import ParsedQuery, build_excluded, build_text_query, parse
from dealkit.index.snippets import HitBuilder, highlight_query
from dealkit.index.state import IndexState, read_state, write_state

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
FacetFilter = Mapping[str, str | Iterable[str]]

REBUILD_HEAP_BYTES = 128_000_000
UPDATE_HEAP_BYTES = 20_000_000
LOCK_TIMEOUT_SECONDS = 30.0
# Updates share one writer that lives until no write came for WRITER_IDLE_SECONDS: opening a
# writer per update and dropping it after its commit cancels the merges Tantivy starts in the
# background, and then every commit gets slower (measured: 30 ms to 600 ms over 30 updates).
# While the writer lives, this process holds the lock file; another process waits that long.
WRITER_IDLE_SECONDS = 2.0
# ``ensure_built`` (start-up, after sync) also merges when there are more than this many
# segments, so that a search does not visit many small ones.
COMPACT_SEGMENTS = 8
PROGRESS_EVERY = 250


class IndexBusyError(RuntimeError):
    """Another process holds the index's writer lock for longer than we wait."""


class UnknownFacetError(ValueError):
    """A facet filter names a facet that does not exist."""


@dataclass(frozen=True)
class BuildReport:
    action: str  # "none" (up to date), "caught_up" (changed rows re-indexed), "rebuilt"
    reason: str
    items: int  # items in the index afterwards
    changed: int  # items written by this call
    seconds: float

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def local_today() -> date:
    """Today in the user's time zone (an item expires at the end of its review-by day there)."""
    return datetime.now().astimezone().date()


class LibraryIndex:
    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.path: Path = workspace.index_dir / "library"
        self.state_path: Path = workspace.index_dir / "library-state.json"
        self.lock_path: Path = workspace.index_dir / "library.lock"
        self.schema = schema.build_schema()
        # Writers take turns on _write_lock (and the lock file, across processes); the reader
        # state (the open index, its generation) has its own short-held lock, so a search never
        # waits for a write or a rebuild in progress.
        self._write_lock = threading.RLock()
        self._state_lock = threading.RLock()
        # Not thread-local: the idle timer's thread releases what a writing thread acquired.
        self._file_lock = FileLock(str(self.lock_path), thread_local=False)
        self._index: tantivy.Index | None = None
        self._generation: str | None = None
        self._state_mtime: int | None = None
        self._meta_mtime: int | None = None
        self._fresh = FreshItems(self.schema)
        self._live_writer: tantivy.IndexWriter | None = None
        self._live_writer_index: tantivy.Index | None = None
        self._holding_file_lock = False
        self._idle_timer: threading.Timer | None = None
        self.lock_timeout = LOCK_TIMEOUT_SECONDS
        self.writer_idle_seconds = WRITER_IDLE_SECONDS

    @classmethod
    def open(cls, workspace: Workspace) -> LibraryIndex:
        """The library index of ``workspace``. Cheap: nothing is read until it is needed."""
        return cls(workspace)

    def close(self) -> None:
        self.release_writer()
        with self._state_lock:
            self._index = None

    # locking ----------------------------------------------------------------------------------

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        """Write access: this process's write lock, and the lock file across processes. The
        lock file stays held while the shared writer lives (see WRITER_IDLE_SECONDS)."""
        with self._write_lock:
            if self._idle_timer is not None:
                self._idle_timer.cancel()
                self._idle_timer = None
            if not self._holding_file_lock:
                self.workspace.index_dir.mkdir(parents=True, exist_ok=True)
                try:
                    self._file_lock.acquire(timeout=self.lock_timeout)
                except Timeout:
                    raise IndexBusyError(
                        f"the search index {self.path} is being written by another Dealkit "
                        f"process (lock file {self.lock_path}); wait for it to finish and try "
                        f"again"
                    ) from None
                self._holding_file_lock = True
            try:
                yield
            finally:
                if self._live_writer is None:
                    self._release_file_lock()
                else:
                    self._idle_timer = threading.Timer(self.writer_idle_seconds, self._idle)
                    self._idle_timer.daemon = True
                    self._idle_timer.start()

    def _release_file_lock(self) -> None:
        if self._holding_file_lock:
            self._file_lock.release()
            self._holding_file_lock = False

    def _drop_live_writer(self, merge: bool = False) -> None:
        """Let go of the shared writer (and so of Tantivy's lock); with ``merge``, first let it
        finish the merges it started. Write lock held."""
        writer, self._live_writer, self._live_writer_index = self._live_writer, None, None
        if writer is not None and merge:
            writer.wait_merging_threads()
        del writer

    def _idle(self) -> None:
        with self._write_lock:
            self._idle_timer = None
            self._drop_live_writer(merge=True)
            self._release_file_lock()

    def release_writer(self) -> None:
        """Give up the shared writer and the lock file now (when closing, or to let another
        process write at once)."""
        with self._write_lock:
            if self._idle_timer is not None:
                self._idle_timer.cancel()
                self._idle_timer = None
            self._drop_live_writer()
            self._release_file_lock()

    # opening ----------------------------------------------------------------------------------

    def _open_existing(self) -> tuple[tantivy.Index | None, IndexState | None, str]:
        """The index on disk if it is usable as it is, else (None, None, why not)."""
        state = read_state(self.state_path)
        if not self.path.exists():
            return None, None, "no index yet"
        if state is None:
            return None, None, f"no readable build record ({self.state_path.name})"
        if state.version != schema.version_tag():
            return None, None, f"index format changed ({state.version} -> {schema.version_tag()})"
        try:
            index = tantivy.Index.open(str(self.path))
            analysis.prepare_index(index)
            searcher = index.searcher()
            for _score, address in searcher.search(tantivy.Query.all_query(), 1).hits:
                searcher.doc(address)
        except (ValueError, OSError) as error:
            return None, None, f"index damaged ({error})"
        return index, state, "ok"

    def _adopt(self, index: tantivy.Index, state: IndexState) -> None:
        with self._state_lock:
            self._index = index
            self._generation = state.generation
            self._state_mtime = self._stat_state()
            self._meta_mtime = None

    def _stat_state(self) -> int | None:
        try:
            return self.state_path.stat().st_mtime_ns
        except OSError:
            return None

    def _replaced_elsewhere(self) -> bool:
        """Whether the index folder was rebuilt or removed since we opened it."""
        mtime = self._stat_state()
        if mtime is None:
            return True
        if mtime == self._state_mtime:
            return False
        state = read_state(self.state_path)
        self._state_mtime = mtime
        return state is None or state.generation != self._generation

    def _committed_elsewhere(self) -> bool:
        """Whether a commit happened since our reader last loaded (Tantivy rewrites meta.json on
        every commit). Tantivy's own reader notices too, but only after a polling delay."""
        try:
            mtime = (self.path / "meta.json").stat().st_mtime_ns
        except OSError:
            return True
        changed = mtime != self._meta_mtime
        self._meta_mtime = mtime
        return changed

    def _ready(self) -> tantivy.Index:
        """An open, current index for searching; opens, or builds, as needed."""
        with self._state_lock:
            if self._index is not None and not self._replaced_elsewhere():
                if self._committed_elsewhere():
                    self._index.reload()
                return self._index
            self._index = None
            index, state, _reason = self._open_existing()
            if index is not None and state is not None:
                self._adopt(index, state)
                return index
        self.ensure_built()
        assert self._index is not None
        return self._index

    # reading the store --------------------------------------------------------------------------

    def _store_summary(self) -> tuple[int, datetime | None]:
        with self.workspace.store.session() as session:
            count = session.scalar(
                select(func.count()).select_from(ContentItem).where(ContentItem.deleted.is_(False))
            )
            newest = session.scalar(select(func.max(ContentItem.updated_at)))
        return int(count or 0), newest

    def _rows(self, since: datetime | None = None) -> Iterator[Any]:
        """Content rows (with tombstones when ``since`` is given), streamed in batches: plain
        rows of the columns ``to_document`` reads, not ORM objects (no identity map, no
        attribute instrumentation; see docs/search.md, Speed)."""
        columns = [getattr(ContentItem, name) for name in COLUMNS]
        with self.workspace.store.session() as session:
            statement = select(*columns).order_by(ContentItem.id)
            if since is None:
                statement = statement.where(ContentItem.deleted.is_(False))
            else:
                statement = statement.where(ContentItem.updated_at >= since)
            yield from session.execute(statement.execution_options(yield_per=1000))

    # building ---------------------------------------------------------------------------------

    def ensure_built(self, progress: Progress | None = None) -> BuildReport:
        """Make the index reflect the store: nothing, a catch-up of changed rows, or a rebuild.

        ``progress(done, total)`` is called from this thread while items are written.
        """
        with self._exclusive():
            started = time.perf_counter()
            index, state, reason = self._open_existing()
            if index is None or state is None:
                return self._rebuild_locked(progress, reason, started)
            self._adopt(index, state)
            count, newest = self._store_summary()
            if state.watermark == newest and index.searcher().num_docs == count:
                self._compact_locked(index)
                return BuildReport("none", "up to date", count, 0, time.perf_counter() - started)
            changed = self._catch_up(index, state.watermark, progress)
            self._compact_locked(index)
            if index.searcher().num_docs != count:
                why = f"index holds {index.searcher().num_docs} items, the store {count}"
                return self._rebuild_locked(progress, why, started)
            new_state = replace(state, watermark=newest, items=count)
            write_state(self.state_path, new_state)
            self._adopt(index, new_state)
            seconds = time.perf_counter() - started
            return BuildReport("caught_up", "rows changed in the store", count, changed, seconds)

    def rebuild(self, progress: Progress | None = None) -> BuildReport:
        """Build the whole index again from the store (``dealkit library reindex``)."""
        with self._exclusive():
            return self._rebuild_locked(progress, "asked to rebuild", time.perf_counter())

    def _catch_up(
        self, index: tantivy.Index, since: datetime | None, progress: Progress | None
    ) -> int:
        writer = self._shared_writer(index)
        changed = 0
        for item in self._rows(since):
            writer.delete_documents_by_term(schema.ID, item.id)
            if not item.deleted:
                writer.add_document(to_document(item))
            changed += 1
            if progress and changed % PROGRESS_EVERY == 0:
                progress(changed, 0)
        self._commit(index, writer)
        return changed

    def _rebuild_locked(
        self, progress: Progress | None, reason: str, started: float
    ) -> BuildReport:
        log.info("rebuilding the library index %s: %s", self.path, reason)
        self._drop_live_writer()  # it belongs to the folder about to be replaced
        count, newest = self._store_summary()
        generation = uuid.uuid4().hex
        for leftover in self.workspace.index_dir.glob("library.*-*"):
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
        build_dir = self.workspace.index_dir / f"library.building-{generation}"
        build_dir.mkdir(parents=True)
        index = tantivy.Index(self.schema, str(build_dir), reuse=False)
        analysis.prepare_index(index)
        writer = self._writer(index, REBUILD_HEAP_BYTES, 0)
        done = 0
        for item in self._rows():
            writer.add_document(to_document(item))
            done += 1
            if progress and done % PROGRESS_EVERY == 0:
                progress(done, count)
        writer.commit()
        writer.wait_merging_threads()
        del writer, index
        state = IndexState(schema.version_tag(), generation, newest, done, utcnow())
        with self._state_lock:  # searches meanwhile used the old index; they wait for the swap
            self._index = None
            self._swap_in(build_dir, generation)
            write_state(self.state_path, state)
            index = tantivy.Index.open(str(self.path))
            analysis.prepare_index(index)
            self._adopt(index, state)
        if progress:
            progress(done, done)
        return BuildReport("rebuilt", reason, done, done, time.perf_counter() - started)

    def _swap_in(self, build_dir: Path, generation: str) -> None:
        old = self.path.with_name(f"library.old-{generation}")
        if self.path.is_dir():
            self.path.rename(old)
        elif self.path.exists():
            self.path.unlink()  # something that is not an index folder stood in the way
        build_dir.rename(self.path)
        shutil.rmtree(old, ignore_errors=True)

    def _writer(self, index: tantivy.Index, heap: int, threads: int) -> tantivy.IndexWriter:
        try:
            return index.writer(heap_size=heap, num_threads=threads)
        except ValueError as error:
            if "LockBusy" in str(error):
                raise IndexBusyError(
                    f"another program holds the writer of the search index {self.path}; "
                    f"close other Dealkit windows or wait, then try again"
                ) from error
            raise

    def _shared_writer(self, index: tantivy.Index) -> tantivy.IndexWriter:
        """The writer updates share (see WRITER_IDLE_SECONDS). Write lock held."""
        if self._live_writer is None or self._live_writer_index is not index:
            self._drop_live_writer()
            self._live_writer = self._writer(index, UPDATE_HEAP_BYTES, 1)
            self._live_writer_index = index
        return self._live_writer

    def _commit(self, index: tantivy.Index, writer: tantivy.IndexWriter) -> None:
        writer.commit()
        index.reload()  # searchable from here on

    def _compact_locked(self, index: tantivy.Index) -> None:
        if index.searcher().num_segments > COMPACT_SEGMENTS:
            self._shared_writer(index)
            self._drop_live_writer(merge=True)
            index.reload()

    def compact(self) -> int:
        """Merge the small segments that updates left behind; returns the segments after."""
        with self._exclusive():
            index = self._writable()
            self._compact_locked(index)
            return index.searcher().num_segments

    # incremental updates ------------------------------------------------------------------------

    def _writable(self) -> tantivy.Index:
        """The index to write one change to; built first if missing or damaged. Lock held."""
        with self._state_lock:
            if self._index is not None and not self._replaced_elsewhere():
                return self._index
        index, state, reason = self._open_existing()
        if index is None or state is None:
            self._rebuild_locked(None, reason, time.perf_counter())
            assert self._index is not None
            return self._index
        self._adopt(index, state)
        return index

    def update_item(self, item: ContentItem) -> None:
        """Index ``item`` as it is now (added, changed, or removed if it is a tombstone)."""
        if item.deleted:
            self.remove_item(item.id)
            return
        document = to_document(item)  # analysis before taking the lock
        self._fresh.put(item.id, document)  # searchable from here on, in this process
        try:
            with self._exclusive():
                index = self._writable()
                writer = self._shared_writer(index)
                writer.delete_documents_by_term(schema.ID, item.id)
                writer.add_document(document)
                self._commit(index, writer)
        finally:
            self._fresh.settle(item.id)

    def remove_item(self, item_id: str) -> None:
        self._fresh.hide(item_id)
        try:
            with self._exclusive():
                index = self._writable()
                writer = self._shared_writer(index)
                writer.delete_documents_by_term(schema.ID, item_id)
                self._commit(index, writer)
        finally:
            self._fresh.settle(item_id)

    # searching --------------------------------------------------------------------------------

    def _filters(
        self,
        parsed: ParsedQuery,
        facets: FacetFilter | None,
        language: str | None,
        include_hidden: bool,
        as_of: date,
    ) -> list[tantivy.Query]:
        wanted: dict[str, list[str]] = {}
        for name, values in (facets or {}).items():
            facet = schema.canonical_facet(name)
            if facet is None:
                raise UnknownFacetError(
                    f"unknown facet {name!r}; use one of {', '.join(schema.FACETS)}"
                )
            wanted.setdefault(facet, []).extend([values] if isinstance(values, str) else values)
        for facet, values in parsed.filters.items():
            wanted.setdefault(facet, []).extend(values)
        if language:
            wanted.setdefault("language", []).append(language)
        filters = [
            tantivy.Query.term_set_query(
                self.schema, facet, sorted({analysis.keyword(v) for v in values})
            )
            for facet, values in wanted.items()
            if values
        ]
        if not include_hidden:
            day = as_of.toordinal()
            filters += [
                tantivy.Query.term_query(self.schema, schema.STATUS, "published"),
                tantivy.Query.range_query(
                    self.schema, schema.REVIEW_DAY, tantivy.FieldType.Integer, lower_bound=day
                ),
                tantivy.Query.range_query(
                    self.schema, schema.PUBLISHED_DAY, tantivy.FieldType.Integer, upper_bound=day
                ),
            ]
        return [tantivy.Query.const_score_query(f, 0.0) for f in filters]

    @staticmethod
    def _compose(
        text_query: tantivy.Query | None,
        filters: list[tantivy.Query],
        excluded: list[tantivy.Query],
    ) -> tantivy.Query:
        clauses = [(tantivy.Occur.Must, text_query or tantivy.Query.all_query())]
        clauses += [(tantivy.Occur.Must, f) for f in filters]
        clauses += [(tantivy.Occur.MustNot, e) for e in excluded]
        return tantivy.Query.boolean_query(clauses)

    def search(
        self,
        text: str,
        limit: int = 20,
        facets: FacetFilter | None = None,
        language: str | None = None,
        include_hidden: bool = False,
        as_of: date | None = None,
        as_you_type: bool = False,
    ) -> list[SearchHit]:
        """The items best matching ``text`` (see ``dealkit.index.query`` for the syntax).

        ``facets`` maps a facet (kind, product, competitor, industry, region, language) to one
        value or several (any of them matches). Archived, draft, expired (past review-by) and
        not-yet-published items are left out unless ``include_hidden``. A query with no
        searchable words lists the matching items, newest first. With ``as_you_type`` the last
        word is matched as the start of a word.
        """
        if limit <= 0:
            return []
        parsed = parse(text, as_you_type=as_you_type)
        as_of = as_of or local_today()
        filters = self._filters(parsed, facets, language, include_hidden, as_of)
        try:
            return self._search(self._ready(), parsed, filters, limit, as_of)
        except (ValueError, OSError) as error:
            log.warning("library search failed (%s); rebuilding the index and retrying", error)
            self.rebuild()
            return self._search(self._ready(), parsed, filters, limit, as_of)

    def _sources(self, index: tantivy.Index) -> list[tuple[tantivy.Searcher, tantivy.Query | None]]:
        """The searchers to ask, each with what to leave out of it: the disk index without
        the items being written, and the in-memory index of those items (see ``fresh``)."""
        masked, fresh = self._fresh.snapshot()  # first: see fresh.py on why
        disk = index.searcher()
        if fresh is None:
            return [(disk, None)]
        return [(disk, tantivy.Query.term_set_query(self.schema, schema.ID, masked)), (fresh, None)]

    @staticmethod
    def _run(
        sources: list[tuple[tantivy.Searcher, tantivy.Query | None]],
        query: tantivy.Query,
        limit: int,
        order_by: str | None = None,
    ) -> list[tuple[float, tantivy.Searcher, tantivy.DocAddress]]:
        found = []
        for searcher, leave_out in sources:
            if leave_out is not None:
                query_here = tantivy.Query.boolean_query(
                    [(tantivy.Occur.Must, query), (tantivy.Occur.MustNot, leave_out)]
                )
            else:
                query_here = query
            result = searcher.search(query_here, limit, order_by_field=order_by)
            found += [(float(score), searcher, address) for score, address in result.hits]
        found.sort(key=lambda hit: hit[0], reverse=True)
        return found[:limit]

    def _search(
        self,
        index: tantivy.Index,
        parsed: ParsedQuery,
        filters: list[tantivy.Query],
        limit: int,
        as_of: date,
    ) -> list[SearchHit]:
        sources = self._sources(index)
        expander = WordExpander(sources[0][0])
        excluded = build_excluded(self.schema, parsed)
        built = build_text_query(self.schema, parsed, expander=expander)
        if built.query is None:
            query = self._compose(None, filters, excluded)
            found = self._run(sources, query, limit, order_by=schema.PUBLISHED_DAY)
            plain = {id(s): HitBuilder(s, self.schema, None, as_of) for s, _ in sources}
            return [plain[id(s)].build(s.doc(address), 0.0) for _, s, address in found]
        found = self._run(sources, self._compose(built.query, filters, excluded), limit)
        if not found and len(parsed.groups) > 1:
            built = build_text_query(self.schema, parsed, relaxed=True, expander=expander)
            found = self._run(sources, self._compose(built.query, filters, excluded), limit)
        if not found:
            return []
        highlight = highlight_query(self.schema, built)
        surface = expander.surface_forms(built.highlight_terms)
        builders = {
            id(s): HitBuilder(s, self.schema, highlight, as_of, surface) for s, _ in sources
        }
        return [builders[id(s)].build(s.doc(address), score) for score, s, address in found]

    def facet_counts(
        self,
        text: str = "",
        facets: FacetFilter | None = None,
        language: str | None = None,
        include_hidden: bool = False,
        as_of: date | None = None,
        size: int = 200,
    ) -> dict[str, dict[str, int]]:
        """How many matching items carry each value of each facet (for a facet list)."""
        parsed = parse(text)
        as_of = as_of or local_today()
        filters = self._filters(parsed, facets, language, include_hidden, as_of)
        sources = self._sources(self._ready())
        built = build_text_query(self.schema, parsed, expander=WordExpander(sources[0][0]))
        query = self._compose(built.query, filters, build_excluded(self.schema, parsed))
        request = {
            facet: {"terms": {"field": schema.value_field(facet), "size": size}}
            for facet in schema.FACETS
        }
        counts: dict[str, dict[str, int]] = {facet: {} for facet in schema.FACETS}
        for searcher, leave_out in sources:
            query_here = query
            if leave_out is not None:
                query_here = tantivy.Query.boolean_query(
                    [(tantivy.Occur.Must, query), (tantivy.Occur.MustNot, leave_out)]
                )
            answer = searcher.aggregate(query_here, request)
            for facet in schema.FACETS:
                for bucket in answer.get(facet, {}).get("buckets", []):
                    key = bucket["key"]
                    counts[facet][key] = counts[facet].get(key, 0) + int(bucket["doc_count"])
        return {
            facet: dict(sorted(values.items(), key=lambda kv: (-kv[1], kv[0])))
            for facet, values in counts.items()
        }

    # facts ------------------------------------------------------------------------------------

    def stats(self) -> dict[str, object]:
        """Items, segments and bytes on disk (for ``library reindex`` and bench/library.py)."""
        searcher = self._ready().searcher()
        size = sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file())
        return {
            "items": searcher.num_docs,
            "segments": searcher.num_segments,
            "bytes_on_disk": size,
            "path": str(self.path),
        }
