"""The main window on the demo workspace: pages populated, navigation, search, state kept."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from dealkit.desktop.settings import LAST_PAGE, AppSettings
from tests.helpers.desktop import wait_idle


def _click_nav(qtbot, window, page_id: str) -> None:
    nav = window.navigation
    row = list(window.pages).index(page_id)
    rect = nav.visualItemRect(nav.item(row))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_window_opens_on_the_demo_with_the_quote_list(make_window, demo_workspace):
    window = make_window(demo_workspace)
    assert window.windowTitle() == "Dealkit"
    assert window.current_page().page_id == "quote"
    quotes = window.pages["quote"]
    assert quotes.model.rowCount() >= 100  # 12 months of demo deals
    assert quotes.count_label.text() == f"{quotes.model.rowCount()} quotes"
    assert window.user_label.text() == "Alex Morgan"
    assert window.sync_label.text() == "Sign in to sync"  # no server yet: all local
    assert not window.context.tasks.failures


def test_navigation_by_clicks_loads_each_page(qtbot, make_window, demo_workspace):
    window = make_window(demo_workspace)
    for page_id in ("library", "commissions", "approvals", "quote"):
        _click_nav(qtbot, window, page_id)
        assert window.stack.currentWidget() is window.pages[page_id]
        wait_idle(qtbot, window)
        assert window.pages[page_id].loaded_once
        assert window.pages[page_id].load_error is None
    assert window.view_menu.actions()[0].isChecked()


def test_ctrl_number_shortcuts_switch_pages(qtbot, make_window, demo_workspace):
    window = make_window(demo_workspace)
    window.activateWindow()
    for number, page_id in enumerate(window.pages, start=1):
        qtbot.keyClick(
            window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
        )
        assert window.current_page().page_id == page_id
    wait_idle(qtbot, window)


def test_ctrl_k_focuses_the_global_search(qtbot, make_window, demo_workspace):
    window = make_window(demo_workspace)
    window.pages["quote"].table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search_box, timeout=2000)


def test_global_search_finds_quotes_customers_and_library_and_enter_opens(
    qtbot, make_window, demo_workspace
):
    window = make_window(demo_workspace)
    window.focus_search()
    qtbot.keyClicks(window.search_box, "spine")
    qtbot.waitUntil(
        lambda: (
            {t.kind for t in window.search.targets()} >= {"library"} and window.search.pending == 0
        ),
        timeout=30_000,
    )
    targets = window.search.targets()
    library_hit = next(t for t in targets if t.kind == "library")
    assert "Spine 64" in library_hit.label
    # Pick the library hit in the popup and press Enter: the Library page opens on it.
    popup = window.search.popup
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    row = targets.index(library_hit)
    popup.setCurrentIndex(window.search.model.index(row, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert window.current_page().page_id == "library"
    wait_idle(qtbot, window)
    assert library_hit.key in window.pages["library"].shown_titles()


def test_global_search_opens_a_customer_as_a_filtered_quote_list(
    qtbot, make_window, demo_workspace
):
    window = make_window(demo_workspace)
    customer = window.pages["quote"].model.row_at(0).customer
    window.show_page("library")
    wait_idle(qtbot, window)
    window.focus_search()
    qtbot.keyClicks(window.search_box, customer[:12])
    qtbot.waitUntil(
        lambda: any(t.kind == "customer" for t in window.search.targets()), timeout=60_000
    )
    target = next(t for t in window.search.targets() if t.kind == "customer")
    window.open_target(target)
    page = window.pages["quote"]
    assert window.current_page() is page
    assert page.proxy.rowCount() >= 1
    assert all(page.proxy.index(r, 2).data() == target.key for r in range(page.proxy.rowCount()))


def test_geometry_and_last_page_come_back_after_a_restart(
    qtbot, make_window, demo_workspace, app_settings
):
    first = make_window(demo_workspace, settings=app_settings)
    # Inside the off-screen platform's 800x800 screen, so nothing is clamped on restore.
    first.resize(760, 560)
    first.show_page("commissions")
    wait_idle(qtbot, first)
    size = first.size()
    assert size.width() == 760
    first.close()  # closeEvent saves the state
    path = app_settings.qsettings.fileName()
    assert AppSettings.in_file(path).get(LAST_PAGE) == "commissions"
    second = make_window(demo_workspace, settings=AppSettings.in_file(path))
    assert second.current_page().page_id == "commissions"
    assert second.size() == size  # the off-screen platform does not keep window positions
    assert second.pages["commissions"].loaded_once


def test_about_opens_without_blocking(qtbot, make_window, demo_workspace):
    window = make_window(demo_workspace)
    window.about_action.trigger()
    assert window.about is not None
    qtbot.waitUntil(window.about.isVisible, timeout=2000)
    assert "Dealkit" in window.about.text.text()
    window.about.accept()


def test_preferences_and_quit_have_keys_on_every_platform(qtbot, make_window, demo_workspace):
    window = make_window(demo_workspace)
    window.activateWindow()
    assert window.preferences_action.shortcuts() and window.quit_action.shortcuts()
    preferences_key = window.preferences_action.shortcuts()[0]
    qtbot.keyClick(window, preferences_key[0].key(), preferences_key[0].keyboardModifiers())
    qtbot.waitUntil(lambda: window.preferences is not None and window.preferences.isVisible())
    window.preferences.reject()
    quit_key = window.quit_action.shortcuts()[0]
    qtbot.keyClick(window, quit_key[0].key(), quit_key[0].keyboardModifiers())
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)


def test_global_search_opens_a_quote_with_its_lines(qtbot, make_window, small_workspace):
    window = make_window(small_workspace)
    window.show_page("approvals")
    wait_idle(qtbot, window)
    window.focus_search()
    qtbot.keyClicks(window.search_box, "Q-2026-0003")
    qtbot.waitUntil(
        lambda: (
            any(t.kind == "quote" for t in window.search.targets()) and window.search.pending == 0
        ),
        timeout=60_000,
    )
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page().page_id == "quote", timeout=5000)
    page = window.pages["quote"]
    assert page.proxy.rowCount() == 1
    qtbot.waitUntil(lambda: page.detail.lines.topLevelItemCount() == 1, timeout=5000)
    assert page.detail.title.text().startswith("Q-2026-0003 v1 · Siam Retail Group")
