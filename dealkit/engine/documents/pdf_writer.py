"""Render blocks to a PDF with reportlab platypus: Thai-safe text, tables, page numbers.

Output is byte-for-byte deterministic for the same input (reportlab's invariant mode), so a
file's SHA-256 identifies its content and the demo yields the same blobs for the same anchor.
"""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    SimpleDocTemplate,
    TableStyle,
)
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus import Table as PdfTable

from dealkit.engine.documents.blocks import (
    Block,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Span,
    Spans,
    Table,
)
from dealkit.engine.documents.canvas_text import draw_mixed
from dealkit.engine.documents.document_info import DocumentInfo
from dealkit.engine.documents.fonts import LATIN, register_fonts
from dealkit.engine.documents.script_runs import thai_markup
from dealkit.engine.documents.styles import BRAND, MUTED, is_bold_style, stylesheet


def markup(spans: Spans, style: ParagraphStyle) -> str:
    """reportlab markup for ``spans`` in ``style``: escaped, bold spans in <b>, Thai runs in
    the Thai face of the matching weight."""
    base_bold = is_bold_style(style)
    out = []
    for span in spans:
        text = thai_markup(span.text, bold=base_bold or span.bold, size=style.fontSize)
        out.append(f"<b>{text}</b>" if span.bold and not base_bold else text)
    return "".join(out)


def paragraph(spans: Spans | str, style: ParagraphStyle) -> PdfParagraph:
    """A platypus Paragraph of plain text or spans, with Thai set in the Thai font."""
    if isinstance(spans, str):
        spans = [Span(spans)]
    return PdfParagraph(markup(spans, style), style)


def _table(block: Table, width: float) -> PdfTable:
    sheet = stylesheet()
    columns = (
        max(len(block.header), *(len(r) for r in block.rows)) if block.rows else len(block.header)
    )
    data = [[paragraph(c, sheet["cell_head"]) for c in block.header]]
    for row in block.rows:
        cells = [paragraph(c, sheet["cell"]) for c in row]
        data.append(cells + [""] * (columns - len(cells)))
    table = PdfTable(data, colWidths=[width / columns] * columns, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), BRAND),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#EEF3F8")]),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#B8C4D0")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def flowables(blocks: list[Block], width: float) -> list[Flowable]:
    """Platypus flowables for ``blocks`` (usable inside any larger document)."""
    sheet = stylesheet()
    out: list[Flowable] = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append(paragraph(block.spans, sheet[f"h{block.level}"]))
        elif isinstance(block, Paragraph):
            out.append(paragraph(block.spans, sheet["body"]))
        elif isinstance(block, Quote):
            out.extend(paragraph(line, sheet["quote"]) for line in block.lines)
        elif isinstance(block, ListBlock):
            items = [ListItem(paragraph(item, sheet["bullet"])) for item in block.items]
            out.append(
                ListFlowable(
                    items,
                    bulletType="1" if block.ordered else "bullet",
                    bulletFormat="%s." if block.ordered else None,
                    start=None if block.ordered else "•",
                    bulletFontName=LATIN,
                    bulletFontSize=9,
                    leftIndent=14,
                )
            )
        else:
            out.append(KeepTogether([_table(block, width)]))
    return out


def render_pdf(info: DocumentInfo, blocks: list[Block]) -> bytes:
    """A complete A4 PDF: title block, the blocks, and a footer with page numbers."""
    register_fonts()
    sheet = stylesheet()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=info.title,
        author=info.author,
        subject=info.subject,
        keywords=", ".join(info.keywords),
        creator="Dealkit",
        invariant=1,
    )
    story: list[Flowable] = [paragraph(info.title, sheet["title"])]
    if info.subtitle:
        story.append(paragraph(info.subtitle, sheet["subtitle"]))
    story.extend(flowables(blocks, doc.width))

    def footer(canvas, document) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setStrokeColor(BRAND)
        canvas.setLineWidth(0.6)
        canvas.line(document.leftMargin, 13 * mm, document.leftMargin + document.width, 13 * mm)
        canvas.setFillColor(MUTED)
        draw_mixed(canvas, document.leftMargin, 9 * mm, info.footer, 7.5)
        draw_mixed(
            canvas,
            document.leftMargin + document.width,
            9 * mm,
            f"Page {document.page}",
            7.5,
            align="right",
        )
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
