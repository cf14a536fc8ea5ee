"""A tree that is exactly as tall as its visible rows, for trees inside a scrolling page.

A tree in a scroll area would otherwise bring a second scroll bar of its own: the reader scrolls
the page, then the tree, and loses their place. This one grows and shrinks as branches open and
close (``sizeHint`` follows the visible rows), so the page's one scroll bar does all the work.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QWidget


class FittedTreeWidget(QTreeWidget):
    def __init__(self, parent: QWidget | None = None, min_rows: int = 2) -> None:
        super().__init__(parent)
        self._min_rows = min_rows
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit)
        self.itemExpanded.connect(lambda _item: self._refit.start())
        self.itemCollapsed.connect(lambda _item: self._refit.start())
        model = self.model()
        model.rowsInserted.connect(lambda *_: self._refit.start())
        model.rowsRemoved.connect(lambda *_: self._refit.start())
        model.modelReset.connect(self._refit.start)

    def content_height(self) -> int:
        """Header, frame and every row that is visible (expanded branches included)."""
        fallback = self.fontMetrics().height() + 10
        total = 0
        rows = 0
        index = self.model().index(0, 0, QModelIndex())
        while index.isValid():
            height = self.rowHeight(index) or self.sizeHintForIndex(index).height()
            total += height if height > 0 else fallback
            rows += 1
            index = self.indexBelow(index)
        total += max(0, self._min_rows - rows) * fallback
        header = self.header().sizeHint().height() if not self.isHeaderHidden() else 0
        return total + header + 2 * self.frameWidth() + 4

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.content_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.content_height())

    def _fit(self) -> None:
        self.setFixedHeight(self.content_height())
        self.updateGeometry()

    def resizeEvent(self, event: object) -> None:  # word-wrapped rows change height with width
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._refit.start()
