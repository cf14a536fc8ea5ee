"""Driving the Quote wizard in the real window over the demo workspace, from the keyboard."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from dealkit.desktop.pages.quote_page import QuotePage
from dealkit.desktop.quote_wizard.wizard import QuoteWizard
from tests.helpers.desktop import wait_idle

CTRL = Qt.KeyboardModifier.ControlModifier


def quote_page(qtbot: Any, make_window: Any, workspace: Any) -> tuple[Any, QuotePage]:
    window = make_window(workspace)
    window.show_page("quote")
    wait_idle(qtbot, window)
    page = window.pages["quote"]
    assert isinstance(page, QuotePage)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    return window, page


def focused(qtbot: Any) -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_into(qtbot: Any, text: str) -> None:
    """Type ``text`` into whatever has the focus."""
    for char in text:
        qtbot.keyClicks(focused(qtbot), char)
        QApplication.processEvents()  # as between a person's key presses


def key(qtbot: Any, k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(qtbot), k, modifier)
    QApplication.processEvents()


def settle(qtbot: Any, tasks: Any) -> None:
    """Wait until no task runs and none is about to (the panels debounce for a moment)."""
    for _ in range(3):
        qtbot.waitUntil(lambda: not tasks.busy, timeout=60_000)
        qtbot.wait(300)
    tasks.wait_for_done()
    QApplication.processEvents()


def wait_wizard_idle(qtbot: Any, window: Any, wizard: QuoteWizard) -> None:
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: not wizard.pricer.loading and not wizard.saving, timeout=30_000)
    wait_idle(qtbot, window)


class Bench:
    """A Quote wizard alone in a top-level window, over a real workspace and task runner."""

    def __init__(self, qtbot: Any, workspace: Any, settings: Any) -> None:
        from PySide6.QtWidgets import QVBoxLayout

        from dealkit.desktop.context import DesktopContext
        from dealkit.desktop.i18n import LanguageManager
        from dealkit.desktop.library_service import LibraryService
        from dealkit.desktop.tasks import TaskRunner

        self.qtbot = qtbot
        languages = LanguageManager()
        languages.set_language("en")
        self.tasks = TaskRunner()
        library = LibraryService(workspace, self.tasks)
        self.context = DesktopContext(workspace, self.tasks, languages, settings, library)
        self.window = QWidget()
        self.window.resize(1280, 800)
        for helper in (languages, self.tasks, library):
            helper.setParent(self.window)
        self.wizard = QuoteWizard(self.context, self.window)
        QVBoxLayout(self.window).addWidget(self.wizard)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.activate()

    def activate(self) -> None:
        """Make the bench the active window again (as after a message box closes)."""
        self.window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window, timeout=5_000)

    def idle(self) -> None:
        self.qtbot.waitUntil(
            lambda: not self.tasks.busy and not self.wizard.pricer.loading, timeout=30_000
        )

    def close(self) -> None:
        """Let every background answer reach its widget before the widgets go."""
        settle(self.qtbot, self.tasks)
        self.window.close()
        self.window.deleteLater()
        QApplication.processEvents()


@pytest.fixture
def wizard_bench(qtbot: Any, demo_workspace: Any, app_settings: Any, isolated_qsettings: Any):
    bench = Bench(qtbot, demo_workspace, app_settings)
    yield bench
    bench.close()
