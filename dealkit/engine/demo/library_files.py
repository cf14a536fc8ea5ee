"""Produce a library item's file (PDF, DOCX or Markdown) and its plain text from its source.

The demo ships no binaries: every PDF and DOCX is rendered here from the Markdown source, with the
shared document building blocks, so the files stay reviewable as text in the repository.
"""

from __future__ import annotations

from dataclasses import dataclass

from dealkit.engine.demo.library_source import LibrarySource
from dealkit.engine.documents.blocks import parse_markdown, plain_text
from dealkit.engine.documents.document_info import DocumentInfo
from dealkit.engine.documents.docx_writer import render_docx
from dealkit.engine.documents.pdf_writer import render_pdf

MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "md": "text/markdown; charset=utf-8",
}

_KIND_LABELS = {
    "en": {
        "training": "Training",
        "collateral": "Datasheet",
        "battlecard": "Competitive battlecard",
        "market_note": "Market note",
        "customer_story": "Customer story",
        "policy": "Policy",
    },
    "th": {
        "training": "เอกสารฝึกอบรม",
        "collateral": "เอกสารข้อมูลผลิตภัณฑ์",
        "battlecard": "การ์ดเปรียบเทียบคู่แข่ง",
        "market_note": "บทวิเคราะห์ตลาด",
        "customer_story": "เรื่องราวความสำเร็จของลูกค้า",
        "policy": "นโยบาย",
    },
}
_PUBLISHED = {"en": "Published", "th": "เผยแพร่"}


@dataclass(frozen=True)
class LibraryFile:
    file_name: str
    data: bytes
    media_type: str
    text: str  # the item's plain text (title, summary, body), for search


def subtitle(source: LibrarySource) -> str:
    label = _KIND_LABELS[source.language][source.kind.value]
    published = _PUBLISHED[source.language]
    return f"{label} · Northwind Systems · {published} {source.published_on.isoformat()}"


def render_library_file(source: LibrarySource) -> LibraryFile:
    blocks = parse_markdown(source.body_markdown)
    text = "\n\n".join([source.title, source.summary, plain_text(blocks)])
    info = DocumentInfo(
        title=source.title,
        subtitle=subtitle(source),
        subject=source.summary,
        keywords=[*source.products, *source.competitors, *source.industries],
        footer=f"Northwind Systems · {source.title}",
        dated=source.published_on,
    )
    if source.file_format == "pdf":
        data = render_pdf(info, blocks)
    elif source.file_format == "docx":
        data = render_docx(info, blocks)
    else:
        markdown = f"# {source.title}\n\n*{subtitle(source)}*\n\n> {source.summary}\n\n"
        data = (markdown + source.body_markdown).encode("utf-8")
    return LibraryFile(
        file_name=f"{source.slug}.{source.file_format}",
        data=data,
        media_type=MEDIA_TYPES[source.file_format],
        text=text,
    )
