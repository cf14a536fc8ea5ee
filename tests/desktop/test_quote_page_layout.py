"""The Quote page's top rows fit in English and in Thai, at 1280×800 and at the window's
minimum size: the heading, the four toolbar buttons, the status filter and the count are whole.

Measured with the application's own fonts and style sheet (as ``dealkit desktop`` and the
selftest's screenshots have them), restored afterwards for the other tests."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from tests.helpers.desktop import wait_idle
from tests.helpers.theme import themed_app

__all__ = ["themed_app"]  # the fixture, imported for pytest


def clipped(widget: QWidget) -> bool:
    """True when ``widget`` shows narrower than its text needs (or not at all)."""
    return not widget.isVisible() or widget.width() < widget.sizeHint().width()


@pytest.mark.parametrize("language", ["en", "th"])
def test_the_quote_pages_top_rows_fit_at_1280_and_at_the_minimum_size(
    qtbot, themed_app, make_window, demo_workspace, language
):
    window = make_window(demo_workspace, language=language)
    try:
        window.show_page("quote")
        wait_idle(qtbot, window)
        page = window.pages["quote"]
        minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
        for size in (QSize(1280, 800), minimum, QSize(1, 1)):  # 1×1: Qt keeps it at the minimum
            window.resize(size)
            QApplication.processEvents()
            qtbot.wait(50)
            minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
            assert minimum.width() < 800, minimum  # under the off-screen (and a netbook's) width
            where = f"{language} at {window.width()}×{window.height()}"
            assert not clipped(page.heading), where
            buttons = [page.toolbar.widgetForAction(a) for a in page.toolbar.actions()]
            assert len(buttons) == 4
            texts = [b.text() for b in buttons if clipped(b)]
            assert texts == [], f"{where}: toolbar buttons cut or moved to the overflow: {texts}"
            assert page.toolbar.geometry().right() <= page.list_view.width(), where
            assert not clipped(page.status_filter), where
            assert not clipped(page.count_label), where
            assert page.filter_box.width() >= 160, where
            heading_row = page.heading.geometry()  # the filters have a row of their own
            assert page.filter_box.geometry().top() > heading_row.bottom(), where
            if not page.toolbar_beside:
                assert page.toolbar.geometry().top() > heading_row.bottom(), where
    finally:  # the translator is the application's: the next tests read English
        window.context.languages.set_language("en")
