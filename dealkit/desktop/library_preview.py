"""The Library page's preview pane: the selected item's text and, for a PDF, its pages.

A rep who clicks a hit wants to read it where the match is, without opening another program:
the pane shows the extracted text page by page with the hit's page first and the matched words
highlighted, and for a PDF the rendered page (``widgets.pdf_preview.PdfPreview``) opened at
the hit's page. "Open original" hands the file to the system's viewer. Items whose text could
not be extracted (an encrypted or damaged file) say why instead of showing an empty page.

The item is read from the store on the task runner (a body can be megabytes), and the blob is
copied for the viewer there too; the pane only lays out what comes back. Answers for an item
that is no longer selected are dropped.
"""

from __future__ import annotations

import html
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop.context import DesktopContext
from dealkit.desktop.tasks import TaskFailure
from dealkit.engine.content.pages import split_pages
from dealkit.engine.store.models import ContentItem
from dealkit.engine.workspace import Workspace
from dealkit.widgets.pdf_preview import PdfPreview

PDF_TYPE = "application/pdf"
# What a blob is saved as for the system viewer when its file name has no extension.
EXTENSIONS = {
    PDF_TYPE: ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
    "text/markdown": ".md",
    "text/html": ".html",
    "text/plain": ".txt",
}
PROBLEM_PREFIX = "text could not be extracted"
HIGHLIGHT_STYLE = "background-color:#ffe58a; font-weight:600;"
_BOLD = re.compile(r"<b>(.*?)</b>", re.DOTALL)
_THAI = re.compile(r"[\u0e00-\u0e7f]")


@dataclass(frozen=True)
class PreviewItem:
    """What the pane shows of one item, read off the GUI thread."""

    item_id: str
    title: str
    pages: list[str]
    file_name: str | None
    media_type: str | None
    blob_path: Path | None  # the stored file, None when the item has none (or it is missing)
    problem: str | None  # "text could not be extracted: why", else None

    @property
    def is_pdf(self) -> bool:
        return self.blob_path is not None and (
            self.media_type == PDF_TYPE or (self.file_name or "").lower().endswith(".pdf")
        )


def load_preview_item(workspace: Workspace, item_id: str) -> PreviewItem | None:
    """The item as the pane shows it, or None when it is gone (deleted since the search)."""
    with workspace.store.session() as session:
        item = session.get(ContentItem, item_id)
        if item is None or item.deleted:
            return None
        blob = workspace.blob_path(item.file_hash) if item.file_hash else None
        summary = item.summary or ""
        problem = summary if summary.lower().startswith(PROBLEM_PREFIX) else None
        body = item.body or ""
        return PreviewItem(
            item_id=item.id,
            title=item.title,
            pages=split_pages(body) if body.strip() else [],
            file_name=item.file_name,
            media_type=item.media_type,
            blob_path=blob if blob is not None and blob.is_file() else None,
            problem=problem,
        )


def highlighted_words(*fragments: str) -> list[str]:
    """The words a search highlighted (``<b>...</b>`` in a hit's snippet and title), longest
    first so that a longer match wins over a word inside it."""
    words = {
        html.unescape(found).strip()
        for fragment in fragments
        for found in _BOLD.findall(fragment or "")
    }
    return sorted((w for w in words if w), key=lambda w: (-len(w), w))


def _word_pattern(words: list[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    parts = []
    for word in words:
        escaped = re.escape(word)
        # Thai has no spaces between words: a highlighted Thai word is matched anywhere.
        parts.append(escaped if _THAI.search(word) else rf"(?<!\w){escaped}(?!\w)")
    return re.compile("|".join(parts), re.IGNORECASE)


def highlight(text: str, words: list[str]) -> str:
    """``text`` as HTML-escaped rich text, with ``words`` marked."""
    pattern = _word_pattern(words)
    if pattern is None:
        return html.escape(text, quote=False)
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(html.escape(text[last : match.start()], quote=False))
        out.append(
            f'<span style="{HIGHLIGHT_STYLE}">{html.escape(match.group(0), quote=False)}</span>'
        )
        last = match.end()
    out.append(html.escape(text[last:], quote=False))
    return "".join(out)


def page_order(count: int, first: int | None) -> list[int]:
    """1-based page numbers, the hit's page first, then the others in order."""
    numbers = list(range(1, count + 1))
    if first is not None and 1 <= first <= count:
        numbers.remove(first)
        numbers.insert(0, first)
    return numbers


def copy_for_viewer(blob_path: Path, file_name: str | None, media_type: str | None) -> Path:
    """A copy of the blob under a temporary name the system viewer recognises (blobs are
    stored by hash, without an extension)."""
    name = Path(file_name or "").name or blob_path.name
    if not Path(name).suffix:
        name += EXTENSIONS.get(media_type or "", "")
    folder = Path(tempfile.mkdtemp(prefix="dealkit-open-"))
    target = folder / name
    shutil.copyfile(blob_path, target)
    return target


class LibraryPreview(QWidget):
    """The pane: a title, where the match is, Open original, and Page / Text tabs."""

    def __init__(self, context: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPreview")
        self.context = context
        # The system viewer; a test may record the URL instead of launching a program.
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self._seq = 0
        self._item: PreviewItem | None = None
        self._page: int | None = None
        self._words: list[str] = []
        self.opened_copy: Path | None = None  # the last file handed to the viewer

        self.title_label = QLabel()
        self.title_label.setProperty("role", "resultTitle")
        self.title_label.setWordWrap(True)
        self.where_label = QLabel()
        self.where_label.setProperty("role", "muted")
        self.where_label.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.setObjectName("libraryOpenOriginal")
        self.open_button.clicked.connect(self.open_original)
        self.open_button.setEnabled(False)
        self.pdf = PdfPreview(self)
        self.pdf.setObjectName("libraryPdfPreview")
        self.text = QTextBrowser()
        self.text.setObjectName("libraryPreviewText")
        self.text.setOpenLinks(False)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.pdf, "")
        self.tabs.addTab(self.text, "")

        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.where_label)
        layout.addWidget(self.tabs, 1)
        self.retranslate()
        self.clear()

    def sizeHint(self) -> QSize:
        """As wide as the result list asks to be, so the page's splitter starts at halves (the
        PDF view alone would ask for most of the window)."""
        return QSize(256, 400)

    # what is shown ----------------------------------------------------------------------------

    @property
    def item(self) -> PreviewItem | None:
        return self._item

    def clear(self) -> None:
        self._seq += 1
        self._item = None
        self._page = None
        self.title_label.setText("")
        self.open_button.setEnabled(False)
        self.pdf.clear()
        self.text.clear()
        self.tabs.setTabVisible(0, False)
        self.tabs.setCurrentWidget(self.text)
        self.where_label.setText(self.tr("Select a result to read it here."))

    def show_item(self, item_id: str, page: int | None = None, words: list[str] | None = None):
        """Preview ``item_id`` at 1-based ``page`` (the hit's), highlighting ``words``."""
        self._seq += 1
        seq = self._seq
        self._page = page
        self._words = list(words or [])
        self.where_label.setText(self.tr("Loading…"))
        workspace = self.context.workspace
        self.context.tasks.run(
            lambda: load_preview_item(workspace, item_id),
            lambda item: self._loaded(seq, item),
            lambda failure: self._failed(seq, failure),
            name="library-preview",
        )

    def _loaded(self, seq: int, item: PreviewItem | None) -> None:
        if seq != self._seq:
            return
        self._item = item
        if item is None:
            self.clear()
            self.where_label.setText(self.tr("This item is no longer in the library."))
            return
        self.title_label.setText(html.escape(item.title, quote=False))
        self.open_button.setEnabled(item.blob_path is not None)
        self.text.setHtml(self._text_html(item))
        self.tabs.setTabVisible(0, item.is_pdf)
        if item.is_pdf:
            assert item.blob_path is not None
            self.tabs.setCurrentWidget(self.pdf)  # first, so pages are laid out at its width
            self.pdf.show_file(item.blob_path, max(0, (self._page or 1) - 1))
        else:
            self.pdf.clear()
            self.tabs.setCurrentWidget(self.text)
        self._update_where()

    def _failed(self, seq: int, failure: TaskFailure) -> None:
        if seq == self._seq:
            self.where_label.setText(
                self.tr("This item could not be read: %1").replace("%1", failure.message)
            )

    def _text_html(self, item: PreviewItem) -> str:
        if not item.pages:
            reason = item.problem or self.tr("This item has no text.")
            return f"<p><i>{html.escape(reason, quote=False)}</i></p>"
        if len(item.pages) == 1:
            return self._page_html(item.pages[0])
        parts = []
        for number in page_order(len(item.pages), self._page):
            heading = self.tr("Page %1").replace("%1", str(number))
            if number == self._page:
                heading = self.tr("Page %1 (the match)").replace("%1", str(number))
            parts.append(f"<h3>{html.escape(heading, quote=False)}</h3>")
            parts.append(self._page_html(item.pages[number - 1]))
        return "".join(parts)

    def _page_html(self, text: str) -> str:
        paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
        return "".join(
            "<p>" + highlight(p.strip(), self._words).replace("\n", "<br>") + "</p>"
            for p in paragraphs
        )

    def _update_where(self) -> None:
        item = self._item
        if item is None:
            return
        if item.problem:
            self.where_label.setText(item.problem)
        elif len(item.pages) > 1 and self._page:
            self.where_label.setText(
                self.tr("The match is on page %1 of %2.")
                .replace("%1", str(self._page))
                .replace("%2", str(len(item.pages)))
            )
        elif len(item.pages) > 1:
            self.where_label.setText(self.tr("%n page(s).", "", len(item.pages)))
        elif item.file_name:
            self.where_label.setText(item.file_name)
        else:
            self.where_label.setText("")

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Open original"))
        self.open_button.setToolTip(self.tr("Open the file in the program your computer uses"))
        self.tabs.setTabText(0, self.tr("Page"))
        self.tabs.setTabText(1, self.tr("Text"))
        self.pdf.retranslate()
        if self._item is not None:
            self.text.setHtml(self._text_html(self._item))
            self._update_where()
        elif not self.title_label.text():
            self.where_label.setText(self.tr("Select a result to read it here."))

    # opening the original ---------------------------------------------------------------------

    def open_original(self) -> None:
        """Copy the file to a temporary name with its extension (off the GUI thread) and hand
        it to the system viewer."""
        item = self._item
        if item is None or item.blob_path is None:
            return
        blob, name, media_type = item.blob_path, item.file_name, item.media_type
        self.context.tasks.run(
            lambda: copy_for_viewer(blob, name, media_type),
            self._copied,
            lambda failure: self.where_label.setText(
                self.tr("The file could not be opened: %1").replace("%1", failure.message)
            ),
            name="library-open-original",
        )

    def _copied(self, path: Path) -> None:
        self.opened_copy = path
        self.open_url(QUrl.fromLocalFile(str(path)))
