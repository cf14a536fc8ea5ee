"""A short message that appears at the bottom of a window and goes away by itself.

For news that needs no answer ("Library index ready", "Could not load quotes: ..."): a modal box
would interrupt a rep in the middle of a call, a status bar message is easy to miss.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget


class Toast(QLabel):
    """A rounded label floating over ``parent``; ``show_message`` restarts its timer."""

    MARGIN = 24

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("toast")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setProperty("kind", "info")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        parent.installEventFilter(self)
        self.hide()

    def show_message(self, text: str, kind: str = "info", timeout_ms: int = 4000) -> None:
        """Show ``text``; ``kind`` is ``info`` or ``error`` (styled by the QSS theme)."""
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.setText(text)
        self._place()
        self.show()
        self.raise_()
        self._timer.start(timeout_ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def _place(self) -> None:
        parent = self.parentWidget()
        width = min(520, max(200, parent.width() - 2 * self.MARGIN))
        self.setFixedWidth(width)
        self.adjustSize()
        x = (parent.width() - self.width()) // 2
        y = parent.height() - self.height() - self.MARGIN
        self.move(max(0, x), max(0, y))
