"""Repair Thai text as PDF text extraction gives it, and tell when a page stays broken.

Thai PDFs made by older tools often use presentation glyphs from the Private Use Area (a tone
mark shifted down or left, a consonant without its descender) instead of real Thai letters,
and extraction may also cut a tone mark or vowel sign off its consonant (``ก ่``) or write two
marks in the wrong order. Search cannot match such text, so it is repaired here; a page that
still has marks with no letter to sit on, or glyphs nobody can map, is flagged as broken so the
trainer can see that searching its Thai words may fail.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# The presentation forms used by Windows and Mac Thai fonts (U+F700-U+F71A and U+F880-U+F899),
# mapped back to the Thai letters they draw. The table is the one libthai and PDF tools use.
_PUA_WINDOWS = {
    0xF700: "\u0e10", 0xF701: "\u0e34", 0xF702: "\u0e35", 0xF703: "\u0e36", 0xF704: "\u0e37",
    0xF705: "\u0e48", 0xF706: "\u0e49", 0xF707: "\u0e4a", 0xF708: "\u0e4b", 0xF709: "\u0e4c",
    0xF70A: "\u0e48", 0xF70B: "\u0e49", 0xF70C: "\u0e4a", 0xF70D: "\u0e4b", 0xF70E: "\u0e4c",
    0xF70F: "\u0e0d", 0xF710: "\u0e31", 0xF711: "\u0e4d", 0xF712: "\u0e47", 0xF713: "\u0e48",
    0xF714: "\u0e49", 0xF715: "\u0e4a", 0xF716: "\u0e4b", 0xF717: "\u0e4c", 0xF718: "\u0e38",
    0xF719: "\u0e39", 0xF71A: "\u0e3a",
}  # fmt: skip
_PUA_MAC = {
    0xF880: "\u0e38", 0xF881: "\u0e39", 0xF882: "\u0e3a", 0xF883: "\u0e48", 0xF884: "\u0e49",
    0xF885: "\u0e4a", 0xF886: "\u0e4b", 0xF887: "\u0e4c", 0xF888: "\u0e48", 0xF889: "\u0e49",
    0xF88A: "\u0e4a", 0xF88B: "\u0e4b", 0xF88C: "\u0e4c", 0xF88D: "\u0e48", 0xF88E: "\u0e49",
    0xF88F: "\u0e4a", 0xF890: "\u0e4b", 0xF891: "\u0e4c", 0xF892: "\u0e31", 0xF893: "\u0e34",
    0xF894: "\u0e35", 0xF895: "\u0e36", 0xF896: "\u0e37", 0xF897: "\u0e47", 0xF898: "\u0e4d",
    0xF899: "\u0e10",
}  # fmt: skip
_PUA = str.maketrans({**_PUA_WINDOWS, **_PUA_MAC})

# Zero-width characters extraction leaves between letters (not U+200B between words: extraction
# of Thai never yields a meaningful one either, and the index adds its own).
_ZERO_WIDTH = str.maketrans(dict.fromkeys([0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD]))

_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"  # vowel signs above/below, tone marks, thanthakhat
_TONES = "\u0e48-\u0e4b"
_UPPER_VOWELS = "\u0e31\u0e34-\u0e37\u0e47"
_SPACE_BEFORE_MARK = re.compile(
    rf"(?<=[\u0e01-\u0e2e\u0e30-\u0e3a\u0e47-\u0e4e])[ \t]+(?=[{_MARKS}])"
)
_TONE_BEFORE_VOWEL = re.compile(rf"([{_TONES}])([{_UPPER_VOWELS}\u0e38-\u0e3a])")
_NIKHAHIT_AA = re.compile("\u0e4d\u0e32")  # sara am written as nikhahit + sara aa
_STRAY_MARK = re.compile(rf"(?:^|(?<![\u0e01-\u0e2e{_MARKS}]))[{_MARKS}]")
_THAI_LETTER = re.compile(r"[\u0e01-\u0e5b]")
_UNMAPPED = re.compile(r"[\ue000-\uf8ff\ufffd]")

# A page is broken when more than this share of its Thai letters are stray marks or glyphs
# that could not be mapped (a few strays happen in good text: a mark quoted on its own).
BROKEN_SHARE = 0.02


@dataclass(frozen=True)
class PageText:
    text: str
    broken: str | None = None  # why the page's text is still unreliable, or None


def normalize(text: str) -> str:
    """NFC, zero-width junk removed, Private Use Thai glyphs mapped, marks re-attached."""
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH).translate(_PUA)
    text = _SPACE_BEFORE_MARK.sub("", text)
    text = _TONE_BEFORE_VOWEL.sub(r"\2\1", text)
    return _NIKHAHIT_AA.sub("\u0e33", text)


def check(text: str) -> str | None:
    """Why normalized ``text`` is still unreliable for search, or None if it looks sound."""
    unmapped = len(_UNMAPPED.findall(text))
    stray = len(_STRAY_MARK.findall(text))
    thai = len(_THAI_LETTER.findall(text))
    if not unmapped and not stray:
        return None
    share = (unmapped + stray) / max(thai + unmapped, 1)
    if share <= BROKEN_SHARE:
        return None
    parts = []
    if unmapped:
        parts.append(f"{unmapped} glyph(s) with no known letter")
    if stray:
        parts.append(f"{stray} Thai mark(s) with no letter to sit on")
    return ", ".join(parts) + " (the PDF's font hides its text; search may miss Thai words here)"


def repair(text: str) -> PageText:
    fixed = normalize(text)
    return PageText(fixed, check(fixed))
