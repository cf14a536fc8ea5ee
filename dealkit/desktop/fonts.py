"""The bundled fonts, so Thai renders on any machine (no boxes where a system lacks a Thai font).

Noto Sans carries Latin text and Noto Sans Thai the Thai script; both are OFL-licensed and ship in
``resources/fonts``. The application font lists both families, so Qt falls back from Noto Sans to
Noto Sans Thai for each Thai character even on a machine with no Thai font installed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

FONTS_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"
FAMILIES = ["Noto Sans", "Noto Sans Thai"]
POINT_SIZE = 10


def register_bundled_fonts() -> list[str]:
    """Add every bundled .ttf to Qt's font database; return the families that loaded."""
    families: list[str] = []
    for path in sorted(FONTS_DIR.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise RuntimeError(f"Qt could not load the bundled font {path}; reinstall Dealkit")
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    return families


def application_font() -> QFont:
    """Noto Sans with Noto Sans Thai as the fallback for Thai characters."""
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPointSize(POINT_SIZE)
    return font


def install_fonts(app: QApplication) -> list[str]:
    families = register_bundled_fonts()
    app.setFont(application_font())
    return families
