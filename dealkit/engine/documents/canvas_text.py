"""Draw mixed Thai/Latin strings straight onto a reportlab canvas (headers, footers, stamps).

``canvas.drawString`` uses one font, so Thai in a Latin font (or the reverse) silently loses its
glyphs. These helpers measure and draw each script run in a face that has it.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from dealkit.engine.documents.fonts import LATIN, LATIN_BOLD, THAI, THAI_BOLD, register_fonts
from dealkit.engine.documents.script_runs import mark_segments, script_runs


def _faces(bold: bool) -> tuple[str, str]:
    return (LATIN_BOLD, THAI_BOLD) if bold else (LATIN, THAI)


def mixed_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width in points of ``text`` set at ``size``, each run in its own face."""
    register_fonts()
    latin, thai = _faces(bold)
    return sum(stringWidth(r.text, thai if r.thai else latin, size) for r in script_runs(text))


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
    for run in script_runs(text):
        face = thai if run.thai else latin
        canvas.setFont(face, size)
        for segment, rise in mark_segments(run.text) if run.thai else [(run.text, 0.0)]:
            canvas.drawString(x, y + size * rise, segment)
            x += stringWidth(segment, face, size)
