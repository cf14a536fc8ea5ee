"""The Library page: search the training, collateral and competitor material as you type.

Before anything is typed it lists the newest published items; typing runs a Tantivy query
(debounced) through ``LibraryService`` and shows hits with their matched words highlighted.
Replies to an older query that arrive after a newer one was sent are dropped.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop import labels
from dealkit.desktop.context import DesktopContext
from dealkit.desktop.library_preview import LibraryPreview, highlighted_words
from dealkit.desktop.library_refreshers import RefresherControls
from dealkit.desktop.library_service import LibraryHit, LibraryItemRow, load_recent_items
from dealkit.desktop.pages.page import Page
from dealkit.desktop.tasks import TaskFailure
from dealkit.widgets.search_box import DebouncedSearchBox

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ResultCard(QFrame):
    """One result: title, kind and language chips, and the snippet (HTML with <b> highlights)."""

    def __init__(self, title_html: str, kind: str, language: str, snippet_html: str) -> None:
        super().__init__()
        self.setProperty("role", "result")
        self.kind, self.language = kind, language
        self.title_label = QLabel(title_html)
        self.title_label.setProperty("role", "resultTitle")
        self.title_label.setTextFormat(Qt.TextFormat.RichText)
        self.title_label.setWordWrap(True)  # a long title wraps rather than being cut off
        self.kind_label = QLabel()
        self.kind_label.setProperty("role", "chip")
        self.language_label = QLabel()
        self.language_label.setProperty("role", "chip")
        self.snippet_label = QLabel(snippet_html)
        self.snippet_label.setTextFormat(Qt.TextFormat.RichText)
        self.snippet_label.setWordWrap(True)
        self.snippet_label.setProperty("role", "snippet")
        chips = QHBoxLayout()
        chips.setSpacing(6)
        chips.addWidget(self.title_label, 1)
        chips.addWidget(self.kind_label)
        chips.addWidget(self.language_label)
        self.quiz_label = QLabel()  # "Quiz" on items that have one (see mark_quizzes)
        self.quiz_label.setProperty("role", "chip")
        self.quiz_label.hide()
        chips.addWidget(self.quiz_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(4)
        layout.addLayout(chips)
        layout.addWidget(self.snippet_label)
        self.retranslate()

    def retranslate(self) -> None:
        self.kind_label.setText(labels.content_kind(self.kind))
        self.language_label.setText(labels.content_language(self.language))


class ResultList(QListWidget):
    """A list of result cards whose heights follow the width, so wrapped snippets fit exactly."""

    def fit_cards(self) -> None:
        width = self.viewport().width() - 2 * self.spacing()
        for row in range(self.count()):
            item = self.item(row)
            card = self.itemWidget(item)
            if card is not None:
                item.setSizeHint(QSize(width, card.heightForWidth(width) + 4))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_cards()


class LibraryPage(Page):
    page_id = "library"

    def __init__(self, context: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._search_seq = 0
        self._query = ""
        self._shown: list[LibraryHit] | list[LibraryItemRow] = []
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.search_box = DebouncedSearchBox(self, delay_ms=250)
        self.search_box.setObjectName("librarySearch")
        self.search_box.setMinimumWidth(260)
        self.search_box.search_requested.connect(self._typed)
        self._as_you_type = False
        self.status_label = QLabel()
        self.status_label.setProperty("role", "muted")
        self.results = ResultList()
        self.results.setObjectName("libraryResults")
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.results.setSpacing(4)
        self.results.setUniformItemSizes(False)
        # New & changed for the signed-in rep, and Take quiz (docs/quizzes.md).
        self.refreshers = RefresherControls(context, self)
        self.refreshers.show_rows.connect(self.show_refreshers)
        self.refreshers.loaded.connect(self.mark_quizzes)
        self.refreshers.left.connect(lambda: self.search(self.search_box.text()))
        self.results.currentItemChanged.connect(
            lambda current, _previous: self.refreshers.set_current(
                current.data(ITEM_ID_ROLE) if current is not None else None
            )
        )
        self.results.itemActivated.connect(
            lambda item: self.refreshers.opened(item.data(ITEM_ID_ROLE))
        )
        # The selected result, read beside the list (dealkit/desktop/library_preview.py).
        self.preview = LibraryPreview(context, self)
        self.results.currentRowChanged.connect(self._preview_row)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("librarySplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.results)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 1)  # halves: the hits and the text side by side
        self.splitter.setStretchFactor(1, 1)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.search_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addLayout(top)
        status_row = QHBoxLayout()
        self.status_label.setWordWrap(True)  # so the row can shrink with the window
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.refreshers)
        layout.addLayout(status_row)
        layout.addWidget(self.splitter, 1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Library")

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.search_box.setPlaceholderText(
            self.tr("Search training, collateral, battlecards and market notes")
        )
        for row in range(self.results.count()):
            card = self.results.itemWidget(self.results.item(row))
            if isinstance(card, ResultCard):
                card.retranslate()
        self.refreshers.retranslate()
        self.preview.retranslate()
        self._update_status()

    # loading ------------------------------------------------------------------------------------

    def load(self) -> None:
        """List the newest items, and start building the index so the first search is quick."""
        self.begin_loading()
        workspace = self.context.workspace
        self.context.tasks.run(
            lambda: load_recent_items(workspace),
            self._recent_loaded,
            self._failed,
            label=self.tr("Loading the library…"),
            name="library-recent",
        )
        self.begin_loading()
        self.context.library.when_ready(self.end_loading, self._index_failed)
        self.refreshers.load()

    def _recent_loaded(self, items: list[LibraryItemRow]) -> None:
        self.end_loading()
        if not self._query:
            self._show_items(items)

    def _index_failed(self, failure: TaskFailure) -> None:
        self.end_loading()
        self.load_error = failure.message
        self._update_status()

    def _failed(self, failure: TaskFailure) -> None:
        self.end_loading()
        self.load_error = failure.message
        self._update_status()

    # searching ----------------------------------------------------------------------------------

    def search_for(self, text: str) -> None:
        """Put ``text`` in the search box and search at once (global search, selftest)."""
        self.search_box.setText(text)
        self.search_box.search_now()

    def _typed(self, text: str) -> None:
        """Typing pauses: the last word may be unfinished, so match it as a word start."""
        self._as_you_type = True
        try:
            self.search(text)
        finally:
            self._as_you_type = False

    def search(self, text: str) -> None:
        self.refreshers.leave()
        self._query = text.strip()
        self._search_seq += 1
        seq = self._search_seq
        if not self._query:
            self.load_error = None
            self.begin_loading()
            workspace = self.context.workspace
            self.context.tasks.run(
                lambda: load_recent_items(workspace),
                lambda items: self._answer(seq, items),
                lambda failure: self._answer_failed(seq, failure),
                name="library-recent",
            )
            return
        self.begin_loading()
        self._update_status()
        self.context.library.search(
            self._query,
            lambda hits: self._answer(seq, hits),
            lambda failure: self._answer_failed(seq, failure),
            limit=30,
            as_you_type=self._as_you_type,
        )

    def _answer(self, seq: int, rows: list[LibraryHit] | list[LibraryItemRow]) -> None:
        self.end_loading()
        if seq == self._search_seq:
            self.load_error = None
            self._show_items(rows)

    def _answer_failed(self, seq: int, failure: TaskFailure) -> None:
        self.end_loading()
        if seq == self._search_seq:
            self.load_error = failure.message
            self._update_status()

    def _show_items(self, rows: list[LibraryHit] | list[LibraryItemRow]) -> None:
        self._shown = rows
        self.results.clear()
        for row in rows:
            if isinstance(row, LibraryHit):
                title, snippet = row.title_html, row.snippet_html
            else:
                title, snippet = html.escape(row.title), html.escape(row.summary)
            card = ResultCard(title, row.kind, row.language, snippet)
            item = QListWidgetItem(self.results)
            item.setData(ITEM_ID_ROLE, row.item_id)
            item.setSizeHint(card.sizeHint())
            self.results.setItemWidget(item, card)
        self.mark_quizzes()
        self.results.fit_cards()
        if rows and isinstance(rows[0], LibraryHit):
            self.results.setCurrentRow(0)  # the best hit, previewed at once
        self._update_status()

    def mark_quizzes(self) -> None:
        """Show a "Quiz" chip on the results that have a quiz (Take quiz opens it)."""
        for row in range(self.results.count()):
            item = self.results.item(row)
            card = self.results.itemWidget(item)
            if isinstance(card, ResultCard):
                card.quiz_label.setText(self.tr("Quiz"))
                card.quiz_label.setVisible(self.refreshers.has_quiz(item.data(ITEM_ID_ROLE)))

    def _preview_row(self, row: int) -> None:
        """Show the selected result in the preview pane, at its hit's page."""
        if not 0 <= row < len(self._shown):
            self.preview.clear()
            return
        shown = self._shown[row]
        if isinstance(shown, LibraryHit):
            words = highlighted_words(shown.snippet_html, shown.title_html)
            self.preview.show_item(shown.item_id, shown.page, words)
        else:
            self.preview.show_item(shown.item_id)

    def shown_titles(self) -> list[str]:
        return [row.title for row in self._shown]

    def show_refreshers(self, rows: list[LibraryItemRow]) -> None:
        """List what is new or changed for the signed-in rep (each with why)."""
        self._search_seq += 1  # a search still running must not replace this list
        self._query = ""
        self.load_error = None
        self._show_items(rows)

    def _update_status(self) -> None:
        if self.load_error:
            self.status_label.setText(
                self.tr("The library could not be searched: %1").replace("%1", self.load_error)
            )
            return
        if self.refreshers.showing:
            self.status_label.setText(
                self.tr("%n item(s) new or changed since you last looked", "", len(self._shown))
            )
        elif not self._query:
            self.status_label.setText(self.tr("Newest material. Type to search the library."))
        elif self.is_loading:
            self.status_label.setText(self.tr("Searching…"))
        elif not self._shown:
            self.status_label.setText(self.tr("Nothing found for “%1”.").replace("%1", self._query))
        else:
            self.status_label.setText(
                self.tr("%n result(s) for “%1”", "", len(self._shown)).replace("%1", self._query)
            )
