"""A PDF shown page by page: rendered with pypdfium2, lazily, only the pages in view.

``PdfPreview`` is the one PDF viewer of the window (the proposal step, the library preview
pane). It opens a file or bytes, lays every page out at the widget's scale from the page sizes
alone, and renders a page only when it scrolls into view; each rendered page is kept as a
``QImage`` for the current width, so scrolling back costs nothing and a zoom renders afresh.

A PDF that cannot be shown (damaged, encrypted, not a PDF, missing) shows a message saying so
and what to do; no exception leaves the widget.

``render_page(pdf, index, width)`` is the same rendering as a plain function, for callers that
prefer to render off the GUI thread (a thumbnail, a first page before the widget opens). PDFium
is not thread-safe, so every render here holds ``PDFIUM_LOCK``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QKeySequence, QPainter, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

PDFIUM_LOCK = threading.RLock()
"""Held around every PDFium call made here: PDFium allows one caller at a time per process."""

_GAP = 12  # pixels between pages and around them
_MIN_WIDTH = 120  # narrowest page drawn, so a tiny widget still shows something
_MAX_WIDTH = 4000  # widest page rendered, so zooming in cannot exhaust memory
_ZOOM_STEP = 1.25


def render_page(pdf: pypdfium2.PdfDocument, index: int, width: int) -> QImage:
    """Page ``index`` of ``pdf`` rendered ``width`` pixels wide (height to the page's aspect).

    Safe to call from a worker thread: PDFium is entered under ``PDFIUM_LOCK`` and the image
    returned owns its pixels.
    """
    with PDFIUM_LOCK:
        page = pdf[index]
        try:
            page_width, _height = page.get_size()
            scale = max(1, width) / page_width
            bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
            try:
                image = QImage(
                    bitmap.buffer,
                    bitmap.width,
                    bitmap.height,
                    bitmap.stride,
                    QImage.Format.Format_RGBX8888,
                )
                return image.copy()  # detach from PDFium's buffer before it is freed
            finally:
                bitmap.close()
        finally:
            page.close()


def open_problem(error: Exception, name: str) -> str:
    """Why a PDF could not be opened, in words a reader can act on."""
    translate = QCoreApplication.translate
    if isinstance(error, FileNotFoundError):
        text = translate(
            "PdfPreview", "%1 is not there any more. It may have been moved or deleted."
        )
    elif isinstance(error, OSError):
        text = translate(
            "PdfPreview", "%1 cannot be read. Check that it is not open in another program."
        )
    elif "password" in str(error).lower():
        text = translate(
            "PdfPreview",
            "%1 is encrypted (password protected), so it cannot be previewed. "
            "Open it in a PDF viewer that has the password.",
        )
    else:
        text = translate(
            "PdfPreview",
            "%1 is not a readable PDF: it may be damaged or only partly downloaded. "
            "Try opening it in a PDF viewer, or get a fresh copy.",
        )
    return text.replace("%1", name)


class _OpenPdf:
    """The document on show and the bytes PDFium reads it from, closed exactly once."""

    def __init__(self) -> None:
        self.pdf: pypdfium2.PdfDocument | None = None
        self.data: bytes | None = None  # keeps the bytes alive while PDFium reads them

    def close(self, *_args: object) -> None:
        if self.pdf is not None:
            with PDFIUM_LOCK:
                self.pdf.close()
        self.pdf, self.data = None, None


@dataclass(frozen=True)
class _PageSize:
    width: float  # PDF points
    height: float


class _PagesCanvas(QWidget):
    """All pages stacked vertically; paints (and so renders) only what the viewport shows."""

    def __init__(self, preview: PdfPreview) -> None:
        super().__init__(preview)
        self._preview = preview
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#8a8f98"))
        for index, rect in self._preview._page_rects_in(event.rect()):
            image = self._preview._image_for(index, rect.width())
            if image is None or image.isNull():
                painter.fillRect(rect, QColor("white"))
            else:
                painter.drawImage(rect, image)
        painter.end()


class PdfPreview(QWidget):
    """One PDF: pages in a scrolling column, fit to width or zoomed, with a page count."""

    page_changed = Signal(int)  # zero-based index of the page at the top of the view
    loaded = Signal(int)  # page count, after a PDF opened
    failed = Signal(str)  # the message shown when a PDF could not be opened

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open_pdf = _OpenPdf()
        self.destroyed.connect(self._open_pdf.close)  # a widget deleted by Qt frees PDFium too
        self._sizes: list[_PageSize] = []
        self._cache: dict[int, QImage] = {}
        self._cache_width = 0
        self._fit_width = True
        self._zoom = 1.0  # pixels per PDF point when not fitting the width
        self._current = 0
        self._message = ""
        self.rendered_pages: set[int] = set()  # pages rendered at the current width (tests, bench)

        self._zoom_out = QToolButton(self)
        self._zoom_out.setText("–")  # an en dash: the bundled fonts have no minus sign
        self._zoom_in = QToolButton(self)
        self._zoom_in.setText("+")
        self._fit = QToolButton(self)
        self._fit.setCheckable(True)
        self._fit.setChecked(True)
        self._page_label = QLabel(self)
        self._page_label.setObjectName("pdfPageLabel")
        for button in (self._zoom_out, self._zoom_in, self._fit):
            button.setAutoRaise(True)
        self._zoom_out.clicked.connect(self.zoom_out)
        self._zoom_in.clicked.connect(self.zoom_in)
        self._fit.clicked.connect(self.fit_width)

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(self._page_label, 1)
        bar.addWidget(self._zoom_out)
        bar.addWidget(self._zoom_in)
        bar.addWidget(self._fit)

        self._canvas = _PagesCanvas(self)
        self._scroll = QScrollArea(self)
        self._scroll.setWidget(self._canvas)
        self._scroll.setWidgetResizable(False)
        self._scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._scroll.viewport().installEventFilter(self)
        self._scroll.verticalScrollBar().valueChanged.connect(self._scrolled)

        self._message_label = QLabel(self)
        self._message_label.setObjectName("pdfMessage")
        self._message_label.setWordWrap(True)
        self._message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message_label.setMargin(24)

        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._message_label)
        self._stack.addWidget(self._scroll)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self._stack, 1)

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.retranslate()
        self.clear()

    # -- what callers use ------------------------------------------------------------------

    def show_file(self, path: str | Path, page: int = 0) -> bool:
        """Show the PDF at ``path`` from ``page``; False (and a message) when it cannot be shown."""
        path = Path(path)
        try:
            with PDFIUM_LOCK:
                pdf = pypdfium2.PdfDocument(str(path))
        except (pypdfium2.PdfiumError, OSError) as error:
            if isinstance(error, pypdfium2.PdfiumError) and not path.exists():
                error = FileNotFoundError(str(path))
            return self._fail(open_problem(error, path.name))
        return self._open(pdf, None, page, path.name)

    def show_bytes(self, data: bytes, page: int = 0, name: str = "") -> bool:
        """Show a PDF held in memory (a proposal just generated)."""
        label = name or self.tr("This document")
        if not data:
            return self._fail(self.tr("%1 is empty: there is no PDF to show.").replace("%1", label))
        data = bytes(data)
        try:
            with PDFIUM_LOCK:
                pdf = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as error:
            return self._fail(open_problem(error, label))
        return self._open(pdf, data, page, label)

    def clear(self, message: str = "") -> None:
        """Show nothing (and ``message`` if given, e.g. "Generate the proposal to preview it")."""
        self._close()
        self._message = message
        self._message_label.setText(message)
        self._stack.setCurrentWidget(self._message_label)
        self._update_page_label()
        self._set_tools_enabled(False)

    def page_count(self) -> int:
        return len(self._sizes)

    def current_page(self) -> int:
        return self._current

    def message(self) -> str:
        """The message in place of pages ("" while a PDF shows)."""
        return self._message

    def is_fit_width(self) -> bool:
        return self._fit_width

    def page_width(self) -> int:
        """Width in pixels pages are drawn at now."""
        if self._fit_width:
            available = self._scroll.viewport().width() - 2 * _GAP
            return max(_MIN_WIDTH, min(_MAX_WIDTH, available))
        widest = max((size.width for size in self._sizes), default=595.0)
        return max(_MIN_WIDTH, min(_MAX_WIDTH, round(widest * self._zoom)))

    def go_to_page(self, index: int) -> None:
        if not self._sizes:
            return
        index = max(0, min(index, len(self._sizes) - 1))
        self._scroll.verticalScrollBar().setValue(self._page_top(index) - _GAP)
        self._set_current(index)

    def next_page(self) -> None:
        self.go_to_page(self._current + 1)

    def previous_page(self) -> None:
        self.go_to_page(self._current - 1)

    def zoom_in(self) -> None:
        self._set_zoom(self._effective_zoom() * _ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self._effective_zoom() / _ZOOM_STEP)

    def fit_width(self) -> None:
        page = self._current
        self._fit_width = True
        self._fit.setChecked(True)
        self._relayout()
        self.go_to_page(page)

    def retranslate(self) -> None:
        self._zoom_out.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        self._zoom_in.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self._fit.setText(self.tr("Fit width"))
        self._fit.setToolTip(self.tr("Fit the page to the width of the pane"))
        self._update_page_label()

    # -- Qt ----------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._handle_key(event):
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._scroll.viewport():
            if event.type() == QEvent.Type.Resize and self._fit_width and self._sizes:
                self._relayout()
            elif event.type() == QEvent.Type.KeyPress and self._handle_key(event):
                return True
        return super().eventFilter(watched, event)

    def sizeHint(self) -> QSize:
        return QSize(480, 640)

    # -- inside --------------------------------------------------------------------------------

    def _handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_PageDown:
            self.next_page()
        elif key == Qt.Key.Key_PageUp:
            self.previous_page()
        elif key == Qt.Key.Key_Home:
            self.go_to_page(0)
        elif key == Qt.Key.Key_End:
            self.go_to_page(len(self._sizes) - 1)
        else:
            return False
        return True

    def _open(self, pdf: pypdfium2.PdfDocument, data: bytes | None, page: int, name: str) -> bool:
        try:
            with PDFIUM_LOCK:
                sizes = [_PageSize(*pdf.get_page_size(i)) for i in range(len(pdf))]
        except pypdfium2.PdfiumError as error:
            with PDFIUM_LOCK:
                pdf.close()
            return self._fail(open_problem(error, name))
        if not sizes:
            with PDFIUM_LOCK:
                pdf.close()
            return self._fail(self.tr("%1 has no pages.").replace("%1", name))
        self._close()
        self._open_pdf.pdf, self._open_pdf.data, self._sizes = pdf, data, sizes
        self._message = ""
        self._stack.setCurrentWidget(self._scroll)
        self._set_tools_enabled(True)
        self._relayout()
        self.go_to_page(page)
        self.loaded.emit(len(sizes))
        return True

    def _fail(self, message: str) -> bool:
        self.clear(message)
        self.failed.emit(message)
        return False

    def _close(self) -> None:
        self._open_pdf.close()
        self._sizes = []
        self._cache.clear()
        self.rendered_pages.clear()
        self._current = 0

    def _set_tools_enabled(self, enabled: bool) -> None:
        for button in (self._zoom_out, self._zoom_in, self._fit):
            button.setEnabled(enabled)

    def _effective_zoom(self) -> float:
        widest = max((size.width for size in self._sizes), default=595.0)
        return self.page_width() / widest

    def _set_zoom(self, zoom: float) -> None:
        if not self._sizes:
            return
        widest = max(size.width for size in self._sizes)
        zoom = max(_MIN_WIDTH / widest, min(_MAX_WIDTH / widest, zoom))
        page = self._current
        self._fit_width = False
        self._fit.setChecked(False)
        self._zoom = zoom
        self._relayout()
        self.go_to_page(page)

    def _page_height(self, index: int, width: int) -> int:
        size = self._sizes[index]
        return max(1, round(width * size.height / size.width))

    def _page_top(self, index: int) -> int:
        width = self.page_width()
        return _GAP + sum(self._page_height(i, width) + _GAP for i in range(index))

    def _relayout(self) -> None:
        width = self.page_width()
        if width != self._cache_width:
            self._cache.clear()
            self.rendered_pages.clear()
            self._cache_width = width
        height = _GAP + sum(self._page_height(i, width) + _GAP for i in range(len(self._sizes)))
        self._canvas.resize(width + 2 * _GAP, height)
        self._canvas.update()

    def _page_rects_in(self, area: QRect) -> list[tuple[int, QRect]]:
        width = self.page_width()
        rects = []
        top = _GAP
        for index in range(len(self._sizes)):
            height = self._page_height(index, width)
            if top > area.bottom():
                break
            if top + height >= area.top():
                rects.append((index, QRect(_GAP, top, width, height)))
            top += height + _GAP
        return rects

    def _image_for(self, index: int, width: int) -> QImage | None:
        pdf = self._open_pdf.pdf
        if pdf is None:
            return None
        image = self._cache.get(index)
        if image is None:
            try:
                image = render_page(pdf, index, width)
            except pypdfium2.PdfiumError:
                return None  # a damaged page stays blank; the others still show
            self._cache[index] = image
            self.rendered_pages.add(index)
        return image

    def _scrolled(self, value: int) -> None:
        if not self._sizes:
            return
        width = self.page_width()
        middle = value + self._scroll.viewport().height() // 3
        top = _GAP
        index = 0
        for index in range(len(self._sizes)):
            bottom = top + self._page_height(index, width) + _GAP
            if middle < bottom:
                break
            top = bottom
        self._set_current(index)

    def _set_current(self, index: int) -> None:
        if index != self._current:
            self._current = index
            self.page_changed.emit(index)
        self._update_page_label()

    def _update_page_label(self) -> None:
        if not hasattr(self, "_page_label"):
            return
        if self._sizes:
            text = self.tr("Page %1 of %2")
            text = text.replace("%1", str(self._current + 1)).replace("%2", str(len(self._sizes)))
        else:
            text = ""
        self._page_label.setText(text)
