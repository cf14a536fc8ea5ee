"""English and Thai: choosing Thai in Preferences retranslates the open window at once."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dealkit.desktop.settings import LANGUAGE, AppSettings
from tests.helpers.desktop import wait_idle


def test_preferences_switch_the_window_to_thai_and_back(qtbot, make_window, demo_workspace):
    window = make_window(demo_workspace)
    window.show_page("commissions")
    wait_idle(qtbot, window)
    assert window.navigation.item(0).text() == "Quotes"

    window.preferences_action.trigger()
    dialog = window.preferences
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("th"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    # Qt posts a LanguageChange event to every widget; the window retranslates as they arrive.
    qtbot.waitUntil(lambda: window.navigation.item(0).text() != "Quotes", timeout=2000)
    assert [window.navigation.item(i).text() for i in range(4)] == [
        "ใบเสนอราคา",
        "คลังความรู้",
        "ค่าคอมมิชชัน",
        "การอนุมัติ",
    ]
    assert window.file_menu.title() == "ไฟล์ (&F)"
    assert window.sync_label.text() == "ลงชื่อเข้าใช้เพื่อซิงค์"  # Sign in to sync
    commissions = window.pages["commissions"]
    assert commissions.heading.text() == "ค่าคอมมิชชัน"
    assert commissions.quota_card.caption.text() == "เป้ายอดขายของงวด"
    assert commissions.quota_card.value.text().startswith("US$")  # money in the Thai locale
    quotes = window.pages["quote"]
    header = quotes.model.headerData(0, Qt.Orientation.Horizontal)
    assert header == "เลขที่"
    assert "พ.ย." in " ".join(
        quotes.proxy.index(r, 6).data() for r in range(quotes.proxy.rowCount())
    )
    assert quotes.count_label.text().startswith("ใบเสนอราคา ")
    saved = AppSettings.in_file(window.context.settings.qsettings.fileName())
    assert saved.get(LANGUAGE) == "th"

    window.open_preferences()
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    dialog.accept()
    qtbot.waitUntil(lambda: window.navigation.item(0).text() == "Quotes", timeout=2000)
    assert quotes.model.headerData(0, Qt.Orientation.Horizontal) == "Number"


def test_the_language_chosen_before_comes_back(qtbot, make_window, demo_workspace, app_settings):
    app_settings.set(LANGUAGE, "th")
    window = make_window(demo_workspace, language=None, settings=app_settings)
    assert window.context.languages.language == "th"
    assert window.pages["library"].heading.text() == "คลังความรู้"
