"""Register the bundled fonts with reportlab, once per process.

Noto Sans has Latin, Greek and Cyrillic but no Thai; Noto Sans Thai has Thai (and the baht sign)
but no Latin. Documents therefore name both: Latin text is set in ``NotoSans`` and Thai runs are
wrapped in ``NotoSansThai`` by :mod:`dealkit.engine.documents.script_runs`. Both are registered
as font families so that ``<b>`` inside a paragraph picks the bold face of either.

Noto Sans also lacks arrows, math operators and geometric shapes ("4 → 6", "−", "▸"), which a
product name, a clause or an explanation can hold. Subsets of Noto Sans Math and Noto Sans Symbols2
carry them (regular only: bold text keeps them upright); :func:`fallback_runs` cuts a non-Thai run
where such a character needs one of them, and :func:`symbol_markup` wraps those pieces in it, so
that reportlab, which never falls back to another font by itself, draws no empty box.
"""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

LATIN = "NotoSans"
LATIN_BOLD = "NotoSans-Bold"
THAI = "NotoSansThai"
THAI_BOLD = "NotoSansThai-Bold"
MATH = "NotoSansMath"
SYMBOLS2 = "NotoSansSymbols2"
# Tried in this order for a character the Latin face has no glyph for.
FALLBACKS = (MATH, SYMBOLS2)

# reportlab font name -> file in resources/fonts
_FILES = {
    LATIN: "NotoSans-Regular.ttf",
    LATIN_BOLD: "NotoSans-Bold.ttf",
    THAI: "NotoSansThai-Regular.ttf",
    THAI_BOLD: "NotoSansThai-Bold.ttf",
    MATH: "NotoSansMath-Subset.ttf",
    SYMBOLS2: "NotoSansSymbols2-Subset.ttf",
}

# Names shown to Word for DOCX files (the family names inside the TTF files).
DOCX_LATIN_FAMILY = "Noto Sans"
DOCX_THAI_FAMILY = "Noto Sans Thai"

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the bundled faces and their bold mappings (idempotent, thread-safe)."""
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
        for face in FALLBACKS:
            # No bold faces either: a symbol inside <b> keeps its regular face.
            pdfmetrics.registerFontFamily(
                face, normal=face, bold=face, italic=face, boldItalic=face
            )
        _registered = True


def thai_font_for(latin_font: str) -> str:
    """The Thai face that matches the weight of ``latin_font`` (bold stays bold)."""
    return THAI_BOLD if "bold" in latin_font.lower() else THAI


@cache
def _characters(face: str) -> frozenset[int]:
    """The code points ``face`` has a glyph for."""
    register_fonts()
    return frozenset(pdfmetrics.getFont(face).face.charToGlyph)


def face_for(char: str, face: str) -> str:
    """``face`` if it has ``char``, else the first fallback face that has it, else ``face``."""
    code = ord(char)
    if code < 0x80 or code in _characters(face):
        return face
    return next((f for f in FALLBACKS if code in _characters(f)), face)


def fallback_runs(text: str, face: str) -> list[tuple[str, str]]:
    """Cut non-Thai ``text`` into maximal ``(piece, face)`` runs: ``face`` wherever it has the
    characters, a fallback face for the arrows and signs it lacks."""
    runs: list[tuple[str, str]] = []
    for char in text:
        chosen = face_for(char, face)
        if runs and runs[-1][1] == chosen:
            runs[-1] = (runs[-1][0] + char, chosen)
        else:
            runs.append((char, chosen))
    return runs


def symbol_markup(text: str, face: str = LATIN) -> str:
    """Escape non-Thai ``text`` for a platypus Paragraph set in ``face``, with the characters that
    face lacks wrapped in the fallback face that has them."""
    return "".join(
        escape(piece) if chosen == face else f'<font name="{chosen}">{escape(piece)}</font>'
        for piece, chosen in fallback_runs(text, face)
    )
