"""The debounced search box asks once per pause in typing, at once on Enter, and on clear."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dealkit.widgets.search_box import DebouncedSearchBox


def test_typing_fast_asks_once_after_the_pause(qtbot):
    box = DebouncedSearchBox(delay_ms=400)
    qtbot.addWidget(box)
    box.show()
    box.setFocus()
    asked: list[str] = []
    box.search_requested.connect(asked.append)
    qtbot.keyClicks(box, "spine")
    assert asked == []  # nothing while the keys come quickly
    assert box.is_pending()
    qtbot.waitUntil(lambda: asked == ["spine"], timeout=2000)
    qtbot.wait(150)
    assert asked == ["spine"]


def test_enter_searches_at_once(qtbot):
    box = DebouncedSearchBox(delay_ms=10_000)
    qtbot.addWidget(box)
    box.show()
    box.setFocus()
    with qtbot.waitSignal(box.search_requested, timeout=1000) as signal:
        qtbot.keyClicks(box, "leaf 48")
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert signal.args == ["leaf 48"]
    assert not box.is_pending()


def test_clearing_asks_for_the_empty_search(qtbot):
    box = DebouncedSearchBox(delay_ms=20)
    qtbot.addWidget(box)
    box.setText("old query")
    box.search_now()
    with qtbot.waitSignal(box.search_requested, timeout=1000) as signal:
        box.clear()
    assert signal.args == [""]


def test_the_same_text_is_not_searched_twice_in_a_row(qtbot):
    box = DebouncedSearchBox(delay_ms=20)
    qtbot.addWidget(box)
    box.show()
    box.setFocus()
    asked: list[str] = []
    box.search_requested.connect(asked.append)
    qtbot.keyClicks(box, "r7 ")
    qtbot.waitUntil(lambda: asked == ["r7"], timeout=1000)
    qtbot.keyClick(box, Qt.Key.Key_Backspace)  # "r7": the same search once trimmed
    qtbot.wait(100)
    assert asked == ["r7"]
