"""Draw mixed Thai/Latin strings straight onto a reportlab canvas (headers, footers, stamps).

``canvas.drawString`` uses one font, so Thai in a Latin font (or the reverse) silently loses its
glyphs. These helpers measure and draw each script run in a face that has it (an arrow or a math
sign in a non-Thai run in the symbol fallback, see ``fonts.fallback_runs``).
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from dealkit.engine.documents.fonts import (
    LATIN,
    LATIN_BOLD,
    THAI,
    THAI_BOLD,
    fallback_runs,
    register_fonts,
)
from dealkit.engine.documents.script_runs import mark_segments, script_runs


def _faces(bold: bool) -> tuple[str, str]:
    return (LATIN_BOLD, THAI_BOLD) if bold else (LATIN, THAI)


def mixed_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width in points of ``text`` set at ``size``, each run in its own face."""
    register_fonts()
    latin, thai = _faces(bold)
    return sum(stringWidth(piece, face, size) for piece, face in _pieces(text, latin, thai))


def _pieces(text: str, latin: str, thai: str) -> list[tuple[str, str]]:
    """``(piece, face)`` for each script run, non-Thai runs cut where a symbol needs a fallback."""
    pieces: list[tuple[str, str]] = []
    for run in script_runs(text):
        pieces.extend([(run.text, thai)] if run.thai else fallback_runs(run.text, latin))
    return pieces


def draw_mixed(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    bold: bool = False,
    align: str = "left",
) -> None:
    """Draw ``text`` with its left edge (``align="left"``) or right edge (``"right"``) at x."""
    register_fonts()
    latin, thai = _faces(bold)
    if align == "right":
        x -= mixed_width(text, size, bold=bold)
    for piece, face in _pieces(text, latin, thai):
        canvas.setFont(face, size)
        for segment, rise in mark_segments(piece) if face == thai else [(piece, 0.0)]:
            canvas.drawString(x, y + size * rise, segment)
            x += stringWidth(segment, face, size)
