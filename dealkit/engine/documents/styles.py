"""Paragraph styles shared by Dealkit documents (library files, proposals, statements).

All styles use the bundled Noto Sans; Thai runs inside them switch to Noto Sans Thai through
:func:`dealkit.engine.documents.script_runs.thai_markup`. Leading is generous (1.45 x size)
because Thai stacks vowels and tone marks above and below the line.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle, StyleSheet1

from dealkit.engine.documents.fonts import LATIN, LATIN_BOLD, register_fonts

BRAND = colors.HexColor("#1F4E79")  # Northwind blue, used for headings and rules
MUTED = colors.HexColor("#5A6270")


@cache
def stylesheet() -> StyleSheet1:
    """Named styles: title, subtitle, h1, h2, h3, body, bullet, quote, small, cell, cell_head."""
    register_fonts()
    sheet = StyleSheet1()
    base = ParagraphStyle("body", fontName=LATIN, fontSize=10, leading=14.5, spaceAfter=5)
    sheet.add(base)
    sheet.add(
        ParagraphStyle(
            "title",
            parent=base,
            fontName=LATIN_BOLD,
            fontSize=20,
            leading=28,
            textColor=BRAND,
            spaceAfter=4,
        )
    )
    sheet.add(
        ParagraphStyle(
            "subtitle", parent=base, fontSize=9.5, leading=14, textColor=MUTED, spaceAfter=12
        )
    )
    sheet.add(
        ParagraphStyle(
            "h1",
            parent=base,
            fontName=LATIN_BOLD,
            fontSize=15,
            leading=22,
            textColor=BRAND,
            spaceBefore=10,
            spaceAfter=5,
        )
    )
    sheet.add(
        ParagraphStyle(
            "h2",
            parent=base,
            fontName=LATIN_BOLD,
            fontSize=12.5,
            leading=18,
            textColor=BRAND,
            spaceBefore=8,
            spaceAfter=4,
        )
    )
    sheet.add(
        ParagraphStyle(
            "h3",
            parent=base,
            fontName=LATIN_BOLD,
            fontSize=10.5,
            leading=15,
            spaceBefore=6,
            spaceAfter=3,
        )
    )
    sheet.add(ParagraphStyle("bullet", parent=base, leftIndent=14, bulletIndent=4, spaceAfter=2))
    sheet.add(
        ParagraphStyle(
            "quote",
            parent=base,
            leftIndent=18,
            rightIndent=18,
            textColor=BRAND,
            fontSize=10.5,
            leading=15.5,
            spaceBefore=2,
            spaceAfter=2,
        )
    )
    sheet.add(ParagraphStyle("small", parent=base, fontSize=8, leading=11.5, textColor=MUTED))
    sheet.add(ParagraphStyle("cell", parent=base, fontSize=9, leading=13, spaceAfter=0))
    sheet.add(
        ParagraphStyle(
            "cell_head", parent=sheet["cell"], fontName=LATIN_BOLD, textColor=colors.white
        )
    )
    return sheet


def is_bold_style(style: ParagraphStyle) -> bool:
    return "bold" in style.fontName.lower()
