"""No boxes: every character Dealkit writes has a glyph in a bundled font, in the window and in
the PDFs, even on a machine with no other font (the fonts live in dealkit/resources/fonts).

Noto Sans lacks arrows, math operators and geometric shapes; the Noto Sans Math and Noto Sans
Symbols2 subsets carry those. When a test here names a missing character, add it to the subset
list in dealkit/resources/fonts/OFL.txt and subset again.
"""

from __future__ import annotations

import ast
import ctypes
import io
import unicodedata
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium
import pytest
from pypdf import PdfReader
from PySide6.QtGui import QFont, QRawFont, QTextLayout
from PySide6.QtWidgets import QLabel

from dealkit.desktop.fonts import FAMILIES, application_font, register_bundled_fonts
from dealkit.engine.documents import fonts as pdf_fonts
from dealkit.engine.documents.blocks import parse_markdown
from dealkit.engine.documents.canvas_text import mixed_width
from dealkit.engine.documents.document_info import DocumentInfo
from dealkit.engine.documents.pdf_writer import render_pdf

PACKAGE = Path(__file__).resolve().parent.parent / "dealkit"
SYMBOLS = "4 → 6 ▸ −"


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the docstring nodes: read in the source, never shown to a user."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _drawn(char: str) -> bool:
    """Whether ``char`` is drawn at all: not ASCII, not Thai (the Thai tests cover it), not an
    invisible format character such as the zero-width space."""
    return (
        ord(char) > 0x7F
        and not "\u0e00" <= char <= "\u0e7f"
        and unicodedata.category(char)[0] not in "CZ"
    )


def shown_characters() -> dict[str, str]:
    """Each non-ASCII, non-Thai character of the string literals in dealkit/ (escapes decoded,
    docstrings left out) and of the translations and demo data, with one file that uses it."""
    seen: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        skip = _docstrings(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in skip
            ):
                for char in node.value:
                    if _drawn(char):
                        seen.setdefault(char, str(path.relative_to(PACKAGE.parent)))
    resources = PACKAGE / "resources"
    for pattern in ("translations/*.ts", "demo/**/*.yaml", "demo/**/*.csv", "branding.yaml"):
        for path in sorted(resources.glob(pattern)):
            for char in path.read_text(encoding="utf-8"):
                if _drawn(char):
                    seen.setdefault(char, str(path.relative_to(PACKAGE.parent)))
    return seen


def _describe(chars: dict[str, str]) -> list[str]:
    return [
        f"U+{ord(c):04X} {c} {unicodedata.name(c, '?')} (in {where})" for c, where in chars.items()
    ]


def test_the_scan_finds_the_symbols_the_engine_writes():
    """Guards the scan itself: the quote version diff's arrow and the menu path's triangle."""
    chars = shown_characters()
    assert "→" in chars and "▸" in chars and "…" in chars
    assert "\u200b" not in chars  # dealkit/index/thai.py's zero-width space is never drawn


@pytest.fixture
def bundled_raw_fonts(qapp) -> list[QRawFont]:
    families = register_bundled_fonts()
    assert set(FAMILIES) <= set(families), f"bundled families {families} lack some of {FAMILIES}"
    fonts = [QRawFont.fromFont(QFont(family)) for family in FAMILIES]
    # QFont(family) resolves to a system font when the family did not load: it must not here.
    assert [f.familyName() for f in fonts] == FAMILIES
    return fonts


def test_every_character_dealkit_shows_is_in_a_bundled_font(bundled_raw_fonts):
    missing = {
        char: where
        for char, where in shown_characters().items()
        if not any(font.supportsCharacter(ord(char)) for font in bundled_raw_fonts)
    }
    assert _describe(missing) == []


def test_every_character_dealkit_shows_has_a_pdf_face():
    """reportlab does not fall back by itself: fonts.face_for must name a face with the glyph."""
    pdf_fonts.register_fonts()
    missing = {}
    for char, where in shown_characters().items():
        for latin in (pdf_fonts.LATIN, pdf_fonts.LATIN_BOLD):
            face = pdf_fonts.face_for(char, latin)
            if ord(char) not in pdf_fonts.pdfmetrics.getFont(face).face.charToGlyph:
                missing[char] = where
    assert _describe(missing) == []


def _glyph_runs(text: str, font: QFont):
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    return line.glyphRuns()


def test_a_label_with_arrows_and_signs_draws_no_missing_glyph(bundled_raw_fonts, qtbot):
    """Shaped as the label shapes it: every glyph is a real one (index 0 is the empty box), and the
    arrow, the triangle and the minus come from the bundled fallbacks, not a system font."""
    label = QLabel(SYMBOLS)
    label.setFont(application_font())
    qtbot.addWidget(label)
    runs = _glyph_runs(label.text(), label.font())
    assert runs
    used: dict[str, list[int]] = {}
    for run in runs:
        used.setdefault(run.rawFont().familyName(), []).extend(run.glyphIndexes())
    assert all(0 not in glyphs for glyphs in used.values()), used
    assert set(used) <= set(FAMILIES), f"fell back to a system font: {sorted(used)}"
    assert {"Noto Sans", "Noto Sans Math", "Noto Sans Symbols2"} <= set(used)
    assert label.grab().width() > 0


def test_a_font_copied_from_the_application_font_keeps_the_fallbacks(bundled_raw_fonts):
    """Delegates build their fonts with QFont(option.font) and make them bold: still no boxes."""
    bold = QFont(application_font())
    bold.setBold(True)
    for run in _glyph_runs("quantity 4 → 6", bold):
        assert 0 not in run.glyphIndexes(), run.rawFont().familyName()


def _font_of_each_char(data: bytes) -> dict[str, set[str]]:
    """Which embedded font pdfium says draws each character of page 1."""
    document = pypdfium2.PdfDocument(data)
    text = document[0].get_textpage()
    result: dict[str, set[str]] = {}
    buffer = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    try:
        for index in range(text.count_chars()):
            char = chr(pdfium.FPDFText_GetUnicode(text.raw, index))
            size = pdfium.FPDFText_GetFontInfo(
                text.raw, index, buffer, len(buffer), ctypes.byref(flags)
            )
            result.setdefault(char, set()).add(buffer.raw[: max(size - 1, 0)].decode())
    finally:
        text.close()
        document.close()
    return result


def test_pdf_paragraphs_and_headers_set_symbols_in_the_fallback_faces():
    info = DocumentInfo("Quote Q-7 ▸ v2", subtitle="quantity 4 → 6")
    source = "# Changes 4 → 6\n\nDiscount **−5% ▸ approved** and ราคา → ฿294,000 ⚠\n"
    data = render_pdf(info, parse_markdown(source))
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    for words in ("Changes 4 → 6", "−5%", "▸ approved", "ราคา", "฿294,000", "quantity 4 → 6"):
        assert words in text
    faces = _font_of_each_char(data)
    assert all(any("NotoSansMath" in f for f in faces[c]) for c in "→−"), faces
    assert all(any("NotoSansSymbols2" in f for f in faces[c]) for c in "▸⚠"), faces
    assert any("NotoSansThai" in f for f in faces["ร"])
    assert all(not any("Math" in f or "Symbols" in f for f in faces[c]) for c in "C4%"), faces


def test_header_width_counts_the_fallback_glyphs():
    """draw_mixed measures each piece in the face that draws it, so right-aligned text lines up."""
    pdf_fonts.register_fonts()
    expected = sum(
        pdf_fonts.pdfmetrics.stringWidth(piece, face, 10)
        for piece, face in pdf_fonts.fallback_runs(SYMBOLS, pdf_fonts.LATIN)
    )
    assert mixed_width(SYMBOLS, 10) == pytest.approx(expected)
    assert [face for _piece, face in pdf_fonts.fallback_runs(SYMBOLS, pdf_fonts.LATIN)] == [
        "NotoSans",
        "NotoSansMath",
        "NotoSans",
        "NotoSansSymbols2",
        "NotoSans",
        "NotoSansMath",
    ]
