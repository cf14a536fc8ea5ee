"""A small Markdown subset parsed into blocks that both the PDF and the DOCX writer render.

Library sources are written in Markdown so that trainers can edit them in any text editor; the
demo turns the same text into a PDF, a DOCX or keeps it as Markdown. Supported: ``#``/``##``/
``###`` headings, paragraphs (consecutive lines join), ``-`` or ``*`` bullets, ``1.`` numbered
items, ``>`` quotations, pipe tables with a ``|---|`` separator row, and ``**bold**`` inline.
Anything else is kept as paragraph text, so nothing a writer types is ever dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_HEADING = re.compile(r"^(#{1,3})\s+(.*)$")
_BULLET = re.compile(r"^\s*[-*]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
_TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    bold: bool = False


Spans = list[Span]


@dataclass
class Heading:
    level: int
    spans: Spans


@dataclass
class Paragraph:
    spans: Spans


@dataclass
class Quote:
    """A quotation (``>`` lines): a customer's words, set apart from the text."""

    lines: list[Spans]


@dataclass
class ListBlock:
    ordered: bool
    items: list[Spans] = field(default_factory=list)


@dataclass
class Table:
    header: list[Spans]
    rows: list[list[Spans]] = field(default_factory=list)


Block = Heading | Paragraph | Quote | ListBlock | Table


def parse_inline(text: str) -> Spans:
    """Split ``text`` at ``**bold**`` markers into spans."""
    spans: Spans = []
    position = 0
    for match in _BOLD.finditer(text):
        if match.start() > position:
            spans.append(Span(text[position : match.start()]))
        spans.append(Span(match.group(1), bold=True))
        position = match.end()
    if position < len(text):
        spans.append(Span(text[position:]))
    return spans


def _cells(line: str) -> list[Spans]:
    return [parse_inline(cell.strip()) for cell in line.strip().strip("|").split("|")]


def parse_markdown(text: str) -> list[Block]:
    """Parse the Markdown subset described in the module docstring into blocks."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    lines = text.splitlines()

    def flush() -> None:
        if paragraph:
            blocks.append(Paragraph(parse_inline(" ".join(paragraph))))
            paragraph.clear()

    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        stripped = line.strip()
        if not stripped:
            flush()
        elif heading := _HEADING.match(stripped):
            flush()
            blocks.append(Heading(len(heading.group(1)), parse_inline(heading.group(2).strip())))
        elif stripped.startswith(">"):
            flush()
            quoted = parse_inline(stripped.lstrip(">").strip())
            if blocks and isinstance(blocks[-1], Quote) and i > 0 and lines[i - 1].strip():
                blocks[-1].lines.append(quoted)
            else:
                blocks.append(Quote([quoted]))
        elif (
            stripped.startswith("|")
            and i + 1 < len(lines)
            and _TABLE_SEPARATOR.match(lines[i + 1].strip())
        ):
            flush()
            table = Table(_cells(stripped))
            i += 2
            while i < len(lines) and lines[i].strip().startswith("|"):
                table.rows.append(_cells(lines[i]))
                i += 1
            blocks.append(table)
            continue
        elif (bullet := _BULLET.match(line)) or (numbered := _NUMBERED.match(line)):
            flush()
            ordered = bullet is None
            item = (bullet or numbered).group(1)  # type: ignore[union-attr]
            last = blocks[-1] if blocks else None
            if isinstance(last, ListBlock) and last.ordered == ordered:
                last.items.append(parse_inline(item))
            else:
                blocks.append(ListBlock(ordered, [parse_inline(item)]))
        elif blocks and isinstance(blocks[-1], ListBlock) and not paragraph and line[:1] == " ":
            # an indented continuation line of the last list item
            last_item = blocks[-1].items[-1]
            last_item.extend(parse_inline(" " + stripped))
        else:
            paragraph.append(stripped)
        i += 1
    flush()
    return blocks


def spans_text(spans: Spans) -> str:
    return "".join(span.text for span in spans)


def plain_text(blocks: list[Block]) -> str:
    """The text of ``blocks`` without markup, one block per paragraph (what search indexes)."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading | Paragraph):
            out.append(spans_text(block.spans))
        elif isinstance(block, Quote):
            out.append("\n".join(spans_text(line) for line in block.lines))
        elif isinstance(block, ListBlock):
            out.extend(f"- {spans_text(item)}" for item in block.items)
        else:
            out.append(" | ".join(spans_text(c) for c in block.header))
            out.extend(" | ".join(spans_text(c) for c in row) for row in block.rows)
    return "\n\n".join(out)
