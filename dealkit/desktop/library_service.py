"""The window's handle on the library search index (``dealkit.index.library.LibraryIndex``).

Opening and building the Tantivy index reads every content item, so it runs once, in the
background, the first time anything needs it (the Library page or the Ctrl+K search); callers
waiting for it are answered when it is ready. Searches run on the runner's threads too: even a
fast query must not hold the GUI thread while Tantivy reads from disk.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from sqlalchemy import select

from dealkit.desktop.tasks import ProgressReporter, TaskFailure, TaskRunner
from dealkit.engine.store.models import ContentItem, ContentStatus
from dealkit.engine.workspace import Workspace


@dataclass(frozen=True)
class LibraryHit:
    """One search result as the window shows it (copied out of the index's ``SearchHit``)."""

    item_id: str
    title: str
    kind: str
    language: str
    score: float  # a relevance score for ordering, not money
    snippet_html: str  # matched words in <b>; everything else escaped by the index
    title_html: str
    page: int | None = None  # 1-based page (or slide) of the first match, for the preview


def _report_adapter(report: ProgressReporter) -> Callable[..., None]:
    """Turn the index's progress calls into task progress, whatever arguments it passes."""

    def progress(*args: Any, **kwargs: Any) -> None:
        numbers = [a for a in args if isinstance(a, int) and not isinstance(a, bool)]
        done = numbers[0] if numbers else 0
        total = numbers[1] if len(numbers) > 1 else 0
        text = QCoreApplication.translate("LibraryService", "Indexing the library…")
        report(done, total, text)

    return progress


class LibraryService(QObject):
    """Builds the index once, in the background, and runs searches on the task runner."""

    ready_changed = Signal(bool)
    failed = Signal(str)

    def __init__(self, workspace: Workspace, tasks: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.tasks = tasks
        self._index: Any = None
        self._building = False
        self._waiting: list[tuple[Callable[[], None], Callable[[TaskFailure], None] | None]] = []
        self.error: str | None = None

    @property
    def is_ready(self) -> bool:
        return self._index is not None

    def when_ready(
        self,
        callback: Callable[[], None],
        on_error: Callable[[TaskFailure], None] | None = None,
    ) -> None:
        """Call ``callback`` on the GUI thread once the index is built (at once if it is).

        If building fails, ``on_error`` gets the failure instead (a later call tries again).
        """
        if self._index is not None:
            callback()
            return
        self._waiting.append((callback, on_error))
        if not self._building:
            self._start_build()

    def _start_build(self) -> None:
        self._building = True
        workspace = self.workspace

        def build(report: ProgressReporter) -> Any:
            from dealkit.index.library import LibraryIndex

            index = LibraryIndex.open(workspace)
            index.ensure_built(progress=_report_adapter(report))
            return index

        self.tasks.run(
            build,
            self._built,
            self._build_failed,
            label=self.tr("Building the library index…"),
            name="library-index",
        )

    def _built(self, index: Any) -> None:
        self._index = index
        self._building = False
        self.error = None
        waiting, self._waiting = self._waiting, []
        self.ready_changed.emit(True)
        for callback, _on_error in waiting:
            callback()

    def _build_failed(self, failure: TaskFailure) -> None:
        self._building = False
        waiting, self._waiting = self._waiting, []
        self.error = failure.message
        self.failed.emit(failure.message)
        for _callback, on_error in waiting:
            if on_error is not None:
                on_error(failure)

    def search(
        self,
        text: str,
        on_result: Callable[[list[LibraryHit]], None],
        on_error: Callable[[TaskFailure], None] | None = None,
        limit: int = 20,
        language: str | None = None,
        as_you_type: bool = False,
    ) -> None:
        """Search once the index is ready; ``on_result`` gets ``LibraryHit`` values.

        ``as_you_type`` matches the last word as the start of a word (the query is unfinished).
        """

        def start() -> None:
            index = self._index

            def run() -> list[LibraryHit]:
                hits = index.search(text, limit=limit, language=language, as_you_type=as_you_type)
                return [
                    LibraryHit(
                        str(h.item_id),
                        h.title,
                        str(h.kind),
                        h.language,
                        h.score,
                        h.snippet_html or html.escape(h.summary),
                        h.title_html or html.escape(h.title),
                        h.page,
                    )
                    for h in hits
                ]

            self.tasks.run(run, on_result, on_error, name="library-search")

        self.when_ready(start, on_error)

    def update_items(
        self,
        item_ids: list[str],
        on_done: Callable[[object], None] | None = None,
        on_error: Callable[[TaskFailure], None] | None = None,
    ) -> None:
        """Re-index these items as the store holds them now (after publishing, archiving or
        saving a draft), through ``LibraryIndex.update_item``, once the index is ready."""
        workspace = self.workspace

        def start() -> None:
            index = self._index

            def run() -> None:
                with workspace.store.session() as session:
                    for item_id in item_ids:
                        item = session.get(ContentItem, item_id)
                        if item is not None:
                            index.update_item(item)

            self.tasks.run(run, on_done, on_error, name="library-update")

        self.when_ready(start, on_error)


@dataclass(frozen=True)
class LibraryItemRow:
    """A library item for the list shown before any search (most recently published first)."""

    item_id: str
    title: str
    kind: str
    language: str
    summary: str


def load_recent_items(workspace: Workspace, limit: int = 30) -> list[LibraryItemRow]:
    """Published items, newest first: what the Library page shows before a search is typed."""
    with workspace.store.session() as session:
        items = session.scalars(
            select(ContentItem)
            .where(ContentItem.deleted.is_(False), ContentItem.status == ContentStatus.PUBLISHED)
            .order_by(ContentItem.published_on.desc(), ContentItem.title)
            .limit(limit)
        )
        return [LibraryItemRow(i.id, i.title, str(i.kind), i.language, i.summary) for i in items]
