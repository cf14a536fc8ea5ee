"""First launch on an empty workspace: the window opens at once and loads the demo behind it."""

from __future__ import annotations

from dealkit.desktop.app import build_window, prepare_workspace
from dealkit.desktop.settings import AppSettings
from tests.helpers.desktop import wait_idle


def test_the_demo_loads_in_the_background_with_progress_in_the_status_bar(
    qtbot, empty_workspace, tmp_path, isolated_qsettings
):
    window = build_window(empty_workspace, AppSettings.in_file(str(tmp_path / "s.ini")), "en")
    qtbot.addWidget(window)
    window.show()
    prepare_workspace(window)  # ensure_demo on a worker thread
    assert not window.ready  # the window is up before the demo is in
    assert window.task_label.text() == "Loading the demo workspace…"
    assert window.task_bar.isVisible()
    wait_idle(qtbot, window, timeout_ms=120_000)
    assert window.pages["quote"].model.rowCount() >= 100
    assert window.user_label.text() == "Alex Morgan"
    assert window.toast.text() == "The demo workspace is ready: Northwind Systems."
    assert not window.task_bar.isVisible()
    window.context.tasks.wait_for_done()
