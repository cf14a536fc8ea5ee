"""The window's look: one QSS style sheet in ``resources/theme.qss`` (calm palette, roomy spacing).

Kept in a file rather than in code so a designer can change it without touching Python; widgets
opt into variants through object names and dynamic properties (``role="card"``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
THEME_PATH = RESOURCES / "theme.qss"
ICONS_DIR = RESOURCES / "icons"


def load_style_sheet() -> str:
    return THEME_PATH.read_text(encoding="utf-8")


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")  # the same widgets on every platform, so the style sheet fits
    app.setStyleSheet(load_style_sheet())


def icon(name: str) -> QIcon:
    """One of the bundled SVG icons (``resources/icons/<name>.svg``), drawn sharp at any size."""
    path = ICONS_DIR / f"{name}.svg"
    if not path.is_file():
        raise FileNotFoundError(f"missing icon {path}: reinstall Dealkit")
    return QIcon(str(path))
