"""A search field that waits for the typing to pause before it asks for a search.

Searching on every keystroke would start a query per letter; waiting ``delay_ms`` after the last
keystroke (debouncing) runs one query per pause instead, while Enter searches at once.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget


class DebouncedSearchBox(QLineEdit):
    """``search_requested(text)`` fires once typing pauses for ``delay_ms``, or on Enter."""

    search_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None, delay_ms: int = 250) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._fire)
        self.textEdited.connect(lambda _text: self._timer.start())
        self.textChanged.connect(self._on_text_changed)
        self.returnPressed.connect(self.search_now)
        self._last_sent: str | None = None

    @property
    def delay_ms(self) -> int:
        return self._timer.interval()

    def set_delay_ms(self, delay_ms: int) -> None:
        self._timer.setInterval(delay_ms)

    def is_pending(self) -> bool:
        """True while a search is waiting for the typing to pause."""
        return self._timer.isActive()

    def search_now(self) -> None:
        """Search for the current text at once (Enter, or a caller setting the text)."""
        self._timer.stop()
        self._last_sent = None
        self._fire()

    def _on_text_changed(self, text: str) -> None:
        # The clear button and setText() change the text without textEdited: search then too.
        if not text or not self.hasFocus():
            self._timer.start()

    def _fire(self) -> None:
        text = self.text().strip()
        if text == self._last_sent:
            return
        self._last_sent = text
        self.search_requested.emit(text)
