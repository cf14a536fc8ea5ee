"""A toast shows over its window and goes away on its own."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dealkit.widgets.toast import Toast


def test_shows_then_hides_itself(qtbot):
    window = QWidget()
    window.resize(600, 400)
    qtbot.addWidget(window)
    window.show()
    toast = Toast(window)
    toast.show_message("Library index ready", timeout_ms=50)
    assert toast.isVisible()
    assert toast.text() == "Library index ready"
    assert toast.geometry().bottom() < window.height()  # inside the window, near the bottom
    assert toast.y() > window.height() // 2
    qtbot.waitUntil(lambda: not toast.isVisible(), timeout=2000)


def test_error_kind_is_styleable(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    toast = Toast(window)
    toast.show_message("Could not load quotes", kind="error")
    assert toast.property("kind") == "error"
