"""Register the bundled fonts with reportlab, once per process.

Noto Sans has Latin, Greek and Cyrillic but no Thai; Noto Sans Thai has Thai (and the baht sign)
but no Latin. Documents therefore name both: Latin text is set in ``NotoSans`` and Thai runs are
wrapped in ``NotoSansThai`` by :mod:`dealkit.engine.documents.script_runs`. Both are registered
as font families so that ``<b>`` inside a paragraph picks the bold face of either.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

LATIN = "NotoSans"
LATIN_BOLD = "NotoSans-Bold"
THAI = "NotoSansThai"
THAI_BOLD = "NotoSansThai-Bold"

# reportlab font name -> file in resources/fonts
_FILES = {
    LATIN: "NotoSans-Regular.ttf",
    LATIN_BOLD: "NotoSans-Bold.ttf",
    THAI: "NotoSansThai-Regular.ttf",
    THAI_BOLD: "NotoSansThai-Bold.ttf",
}

# Names shown to Word for DOCX files (the family names inside the TTF files).
DOCX_LATIN_FAMILY = "Noto Sans"
DOCX_THAI_FAMILY = "Noto Sans Thai"

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the four bundled faces and their bold mappings (idempotent, thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, file_name in _FILES.items():
            path = FONTS_DIR / file_name
            if not path.is_file():
                raise FileNotFoundError(
                    f"bundled font {path} is missing: reinstall Dealkit (the fonts ship in "
                    f"dealkit/resources/fonts)"
                )
            pdfmetrics.registerFont(TTFont(name, str(path)))
        for regular, bold in ((LATIN, LATIN_BOLD), (THAI, THAI_BOLD)):
            # No italic faces are bundled: italic falls back to the upright face.
            pdfmetrics.registerFontFamily(
                regular, normal=regular, bold=bold, italic=regular, boldItalic=bold
            )
            for face, is_bold in ((regular, 0), (bold, 1)):
                addMapping(face, is_bold, 0, bold if is_bold else regular)
                addMapping(face, is_bold, 1, bold if is_bold else regular)
        _registered = True


def thai_font_for(latin_font: str) -> str:
    """The Thai face that matches the weight of ``latin_font`` (bold stays bold)."""
    return THAI_BOLD if "bold" in latin_font.lower() else THAI
