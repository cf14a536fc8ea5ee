"""The bundled fonts, so Thai and symbols render on any machine (no boxes for a missing font).

Noto Sans carries Latin text and Noto Sans Thai the Thai script. Noto Sans has no arrows, math
operators or geometric shapes, which the interface writes ("quantity 4 → 6", "File ▸ Sync now",
"−"): small subsets of Noto Sans Math and Noto Sans Symbols2 carry those. All are OFL-licensed and
ship in ``resources/fonts``. The application font lists every family, so Qt falls back from Noto
Sans to the next family that has a character, even on a machine with no other font installed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

FONTS_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"
FAMILIES = ["Noto Sans", "Noto Sans Thai", "Noto Sans Math", "Noto Sans Symbols2"]
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
    """Noto Sans, then Noto Sans Thai for Thai and the two symbol subsets for arrows and signs."""
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPointSize(POINT_SIZE)
    return font


def install_fonts(app: QApplication) -> list[str]:
    families = register_bundled_fonts()
    app.setFont(application_font())
    return families
