"""What the main window expects of a page: an id, a title, and loading on first activation.

A page loads its data the first time it is shown once the workspace is ready (``activate``),
off the GUI thread through the context's task runner, and says when it is busy so the window,
the tests and ``dealkit selftest`` can wait for it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from dealkit.desktop.context import DesktopContext
from dealkit.desktop.i18n import Retranslating


class Page(Retranslating, QWidget):
    """Base of the pages. Subclasses implement ``title()``, ``load()`` and ``retranslate()``."""

    page_id = ""
    loading_changed = Signal(bool)

    def __init__(self, context: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName(f"{self.page_id}Page")
        self._loading = 0
        self.loaded_once = False
        self.load_error: str | None = None

    def title(self) -> str:
        raise NotImplementedError

    @property
    def is_loading(self) -> bool:
        return self._loading > 0

    def activate(self) -> None:
        """Called when the page becomes visible with a ready workspace: load once."""
        if not self.loaded_once:
            self.loaded_once = True
            self.load()

    def load(self) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        raise NotImplementedError

    def begin_loading(self) -> None:
        self._loading += 1
        if self._loading == 1:
            self.loading_changed.emit(True)

    def end_loading(self) -> None:
        self._loading = max(0, self._loading - 1)
        if self._loading == 0:
            self.loading_changed.emit(False)
