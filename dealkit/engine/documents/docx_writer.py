"""Render blocks to a DOCX with python-docx, Thai-ready and deterministic.

Word picks a font per script: Latin text uses the ``ascii``/``hAnsi`` font, Thai uses the
complex-script (``cs``) font. Setting both to the bundled Noto families, and marking Thai runs as
complex script, makes Word and LibreOffice show Thai without tofu when the fonts are installed
and fall back to a system Thai font otherwise. The zip entries get a fixed timestamp so the same
input gives the same bytes (and the same content hash).
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

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
from dealkit.engine.documents.document_info import DocumentInfo
from dealkit.engine.documents.fonts import DOCX_LATIN_FAMILY, DOCX_THAI_FAMILY
from dealkit.engine.documents.script_runs import script_runs

_FIXED_ZIP_TIME = (2020, 1, 1, 0, 0, 0)
_BRAND_RGB = RGBColor(0x1F, 0x4E, 0x79)


def _set_fonts(run_or_style_element, *, thai: bool) -> None:  # type: ignore[no-untyped-def]
    r_pr = run_or_style_element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    fonts.set(qn("w:ascii"), DOCX_LATIN_FAMILY)
    fonts.set(qn("w:hAnsi"), DOCX_LATIN_FAMILY)
    fonts.set(qn("w:cs"), DOCX_THAI_FAMILY)
    if thai:
        r_pr.append(OxmlElement("w:cs"))
        lang = OxmlElement("w:lang")
        lang.set(qn("w:bidi"), "th-TH")
        r_pr.append(lang)


def _add_spans(paragraph: DocxParagraph, spans: Spans) -> None:
    for span in spans:
        for part in script_runs(span.text):
            run = paragraph.add_run(part.text)
            run.bold = span.bold or None
            if part.thai:
                run.font.cs_bold = span.bold or None
            _set_fonts(run._r, thai=part.thai)


def _base_style(document) -> None:  # type: ignore[no-untyped-def]
    normal = document.styles["Normal"]
    normal.font.name = DOCX_LATIN_FAMILY
    normal.font.size = Pt(10.5)
    _set_fonts(normal.element, thai=False)
    for level in (1, 2, 3):
        style = document.styles[f"Heading {level}"]
        style.font.name = DOCX_LATIN_FAMILY
        style.font.color.rgb = _BRAND_RGB
        _set_fonts(style.element, thai=False)


def render_docx(info: DocumentInfo, blocks: list[Block]) -> bytes:
    """A DOCX with the title, subtitle and blocks; headings, lists and tables use Word styles."""
    document = Document()
    _base_style(document)
    core = document.core_properties
    core.title = info.title
    core.author = info.author
    core.subject = info.subject
    core.keywords = ", ".join(info.keywords)
    stamp = datetime.combine(info.dated, datetime.min.time(), UTC) if info.dated else None
    core.created = stamp or datetime(2020, 1, 1, tzinfo=UTC)
    core.modified = core.created
    core.last_modified_by = info.author
    core.revision = 1

    # Resolve style ids once: python-docx looks a style name up with an XPath scan of the whole
    # styles part on every assignment, which made style lookups most of the rendering time.
    style_ids = {
        name: document.styles[name].style_id
        for name in (
            "Title",
            "Heading 1",
            "Heading 2",
            "Heading 3",
            "List Bullet",
            "List Number",
            "Quote",
        )
    }
    table_style_id = document.styles["Light Grid Accent 1"].style_id

    def styled(name: str) -> DocxParagraph:
        paragraph = document.add_paragraph()
        paragraph._p.style = style_ids[name]
        return paragraph

    _add_spans(styled("Title"), [Span(info.title)])
    if info.subtitle:
        sub = document.add_paragraph()
        _add_spans(sub, [Span(info.subtitle)])
        sub.add_run().add_break(WD_BREAK.LINE)

    for block in blocks:
        if isinstance(block, Heading):
            _add_spans(styled(f"Heading {block.level}"), block.spans)
        elif isinstance(block, Paragraph):
            _add_spans(document.add_paragraph(), block.spans)
        elif isinstance(block, Quote):
            for line in block.lines:
                _add_spans(styled("Quote"), line)
        elif isinstance(block, ListBlock):
            style = "List Number" if block.ordered else "List Bullet"
            for item in block.items:
                _add_spans(styled(style), item)
        elif isinstance(block, Table):
            columns = max([len(block.header)] + [len(r) for r in block.rows])
            table = document.add_table(rows=1 + len(block.rows), cols=columns)
            table._tbl.tblPr.style = table_style_id
            for row_index, (row_cells, row) in enumerate(
                zip(table.rows, [block.header, *block.rows], strict=True)
            ):
                cells = row_cells.cells  # one scan per row, not one per cell
                for cell, cell_spans in zip(cells, row[:columns], strict=False):
                    spans = (
                        [Span(s.text, True) for s in cell_spans] if row_index == 0 else cell_spans
                    )
                    _add_spans(cell.paragraphs[0], spans)

    raw = io.BytesIO()
    document.save(raw)
    return _normalize_zip(raw.getvalue())


def _normalize_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed entry timestamps so equal documents hash equally."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
    ):
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=_FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = item.external_attr
            target.writestr(info, source.read(item.filename), compresslevel=1)
    return out.getvalue()


def docx_text(data: bytes) -> str:
    """The text of a DOCX (paragraphs and table cells), for search and for tests."""
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs if p.text]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)
