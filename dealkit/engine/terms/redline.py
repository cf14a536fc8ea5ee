"""A word-level redline between a library clause and the quote's text.

Words are compared, not characters, so an edit reads the way a lawyer marks it up: "payment is
due within [-30-]{+60+} days". Thai is written without spaces between words; there each Thai
character cluster (a base character with its vowel and tone marks) is one token, which keeps
the marks readable without a dictionary.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"\s+"  # whitespace runs
    r"|[\u0E00-\u0E30\u0E32\u0E33\u0E3F-\u0E46\u0E4F-\u0E5B][\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]*"
    r"|[^\W_]+(?:['’][^\W_]+)*"  # words (letters and digits), with inner apostrophes
    r"|.",  # any other single character (punctuation)
    re.UNICODE,
)


@dataclass(frozen=True, slots=True)
class Segment:
    op: str  # "same", "deleted", "inserted"
    text: str

    def to_json(self) -> dict[str, str]:
        return {"op": self.op, "text": self.text}


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def redline(original: str, edited: str) -> list[Segment]:
    """Segments that turn ``original`` into ``edited``: same, deleted and inserted runs."""
    old, new = tokens(original), tokens(edited)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    segments: list[Segment] = []

    def push(op: str, text: str) -> None:
        if not text:
            return
        if segments and segments[-1].op == op:
            segments[-1] = Segment(op, segments[-1].text + text)
        else:
            segments.append(Segment(op, text))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            push("same", "".join(old[i1:i2]))
        else:
            push("deleted", "".join(old[i1:i2]))
            push("inserted", "".join(new[j1:j2]))
    return segments


def render(segments: list[Segment]) -> str:
    """Plain-text redline: ``[-deleted-]`` and ``{+inserted+}``."""
    out = []
    for segment in segments:
        if segment.op == "deleted":
            out.append(f"[-{segment.text}-]")
        elif segment.op == "inserted":
            out.append(f"{{+{segment.text}+}}")
        else:
            out.append(segment.text)
    return "".join(out)
