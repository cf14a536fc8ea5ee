"""Start-up: a workspace that cannot be opened is explained in a message box, never overwritten."""

from __future__ import annotations

import hashlib
from argparse import Namespace

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from dealkit.desktop.app import EXIT_WORKSPACE_ERROR, run_window
from dealkit.desktop.fonts import FAMILIES, application_font, register_bundled_fonts


def _answer_the_error_box(seen: dict[str, str]) -> None:
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):  # not up yet: look again shortly
        QTimer.singleShot(20, lambda: _answer_the_error_box(seen))
        return
    seen["title"] = box.windowTitle()
    seen["text"] = box.text()
    seen["details"] = box.informativeText()
    box.buttons()[0].click()


@pytest.fixture
def restored_application(qapp, isolated_qsettings):
    """``run_window`` styles the shared QApplication; put it back for the tests that follow."""
    style, sheet, font = qapp.style().name(), qapp.styleSheet(), qapp.font()
    names = qapp.organizationName(), qapp.applicationName()
    yield qapp
    qapp.setStyle(style)
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    qapp.setOrganizationName(names[0])
    qapp.setApplicationName(names[1])


def test_a_corrupt_workspace_shows_the_error_and_is_left_untouched(
    qtbot, tmp_path, restored_application
):
    root = tmp_path / "workspace"
    root.mkdir()
    database = root / "dealkit.db"
    database.write_bytes(b"this is not a database, but somebody's notes\n" * 50)
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    seen: dict[str, str] = {}
    QTimer.singleShot(0, lambda: _answer_the_error_box(seen))

    status = run_window(Namespace(workspace=root, lang="en"))

    assert status == EXIT_WORKSPACE_ERROR
    assert seen["title"] == "Dealkit cannot open the workspace"
    assert str(database) in seen["details"]
    assert "Nothing was changed" in seen["details"]
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in root.iterdir()) == ["dealkit.db"]  # no backup, no new file


def test_bundled_fonts_cover_latin_and_thai(qapp):
    families = register_bundled_fonts()
    assert set(FAMILIES) <= set(families)
    from PySide6.QtGui import QFontDatabase

    assert QFontDatabase.WritingSystem.Thai in QFontDatabase.writingSystems("Noto Sans Thai")
    font = application_font()
    assert font.families() == FAMILIES


def test_every_character_of_the_thai_interface_is_in_a_bundled_font(qapp):
    """No boxes: each character of dealkit_th.ts is drawn by Noto Sans or Noto Sans Thai."""
    import xml.etree.ElementTree as ET

    from PySide6.QtGui import QFont, QRawFont

    from dealkit.desktop.i18n import TRANSLATIONS_DIR

    register_bundled_fonts()
    fonts = [QRawFont.fromFont(QFont(family)) for family in FAMILIES]
    assert all(font.isValid() for font in fonts)
    tree = ET.parse(TRANSLATIONS_DIR / "dealkit_th.ts")
    text = "".join("".join(t.itertext()) for t in tree.getroot().iter("translation"))
    missing = sorted(
        {ch for ch in text if ch.strip() and not any(f.supportsCharacter(ord(ch)) for f in fonts)}
    )
    assert missing == []
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in text)
