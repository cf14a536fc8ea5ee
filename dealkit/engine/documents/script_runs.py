"""Split mixed Thai/Latin text into runs and write reportlab markup for them.

reportlab sets a paragraph in one font and does not fall back to another font for missing
glyphs: Thai in Noto Sans comes out as empty boxes, Latin in Noto Sans Thai likewise. A Thai run
is any stretch of the Thai block (U+0E00-U+0E7F, which includes the baht sign and Thai digits);
spaces and punctuation between Thai words stay in the Latin font, which has them.

reportlab also draws without OpenType positioning (its optional HarfBuzz shaping substitutes
mark glyphs that then extract from the PDF as private-use characters, and shapes a word across a
font change in the first font, so it is not used). Without positioning, Noto Sans Thai draws a
tone mark at the height for a bare consonant, so after an upper vowel (ที่, กี่, ชั่ว) or before
sara am (น้ำ) it lands on the vowel and disappears, and on a tall consonant (ป่, ฝ่, ฟ้) it hides
in the consonant's stem. :func:`mark_segments` finds those marks so that the writers can raise
them (by ``MARK_RISE`` or ``TALL_MARK_RISE`` of the font size) into sight; the text itself, and
what a reader extracts from the PDF, is unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from dealkit.engine.documents.fonts import THAI, THAI_BOLD, symbol_markup

UPPER_VOWELS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e4d")  # ั ิ ี ึ ื ็ ํ
TONE_MARKS = frozenset("\u0e48\u0e49\u0e4a\u0e4b\u0e4c")  # ่ ้ ๊ ๋ ์
SARA_AM = "\u0e33"  # ำ, whose nikhahit sits where a tone mark would
TALL_CONSONANTS = frozenset("\u0e1b\u0e1d\u0e1f\u0e2c")  # ป ฝ ฟ ฬ
MARK_RISE = 0.18  # of the font size: clears an upper vowel in Noto Sans Thai
TALL_MARK_RISE = 0.24  # clears the ascender of a tall consonant


def is_thai_char(char: str) -> bool:
    return "\u0e00" <= char <= "\u0e7f"


def contains_thai(text: str) -> bool:
    return any(is_thai_char(c) for c in text)


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    thai: bool


def script_runs(text: str) -> list[Run]:
    """Cut ``text`` into maximal runs that are all Thai or all not Thai, in order."""
    runs: list[Run] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or is_thai_char(text[i]) != is_thai_char(text[start]):
            runs.append(Run(text[start:i], is_thai_char(text[start])))
            start = i
    return runs


def mark_segments(text: str) -> list[tuple[str, float]]:
    """Cut Thai ``text`` into (segment, rise) pairs, the rise a fraction of the font size: a
    raised segment is one tone mark that follows an upper vowel or precedes sara am, or sits
    on a tall consonant; everything else stays on the baseline (rise 0)."""
    segments: list[tuple[str, float]] = []
    start = 0
    for i, char in enumerate(text):
        if char not in TONE_MARKS:
            continue
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if before in UPPER_VOWELS or after == SARA_AM:
            rise = MARK_RISE
        elif before in TALL_CONSONANTS:
            rise = TALL_MARK_RISE
        else:
            continue
        if i > start:
            segments.append((text[start:i], 0.0))
        segments.append((char, rise))
        start = i + 1
    if start < len(text):
        segments.append((text[start:], 0.0))
    return segments


def thai_markup(text: str, *, bold: bool = False, size: float | None = None) -> str:
    """Escape plain ``text`` for a platypus Paragraph, with Thai runs wrapped in the Thai font
    (and arrows or math signs in the fallback that has them: ``fonts.symbol_markup``).

    ``bold`` picks the Thai bold face; use it when the paragraph style or an enclosing ``<b>`` is
    bold, so that Thai and Latin words share a weight. With the paragraph's font ``size``, tone
    marks that would collide with an upper vowel are raised (see the module docstring).
    """
    font = THAI_BOLD if bold else THAI
    parts = []
    for run in script_runs(text):
        if not run.thai:
            parts.append(symbol_markup(run.text))  # arrows and signs Noto Sans lacks
            continue
        inner = []
        for segment, rise in mark_segments(run.text) if size else [(run.text, 0.0)]:
            if rise:
                inner.append(f'<super rise="{size * rise:.2f}" size="{size:g}">{segment}</super>')
            else:
                inner.append(escape(segment))
        parts.append(f'<font name="{font}">{"".join(inner)}</font>')
    return "".join(parts)
