"""Real files for the library import tests, built in the test: PDFs (English, Thai, several
pages, encrypted, corrupt), DOCX with a table, PPTX with slides, Markdown and HTML."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pptx
import pytest
from pypdf import PdfReader, PdfWriter

from dealkit.engine.documents.blocks import parse_markdown
from dealkit.engine.documents.document_info import DocumentInfo
from dealkit.engine.documents.pdf_writer import render_pdf

THAI_MARKDOWN = """# เซิร์ฟเวอร์ Northwind R7

ราคาเริ่มต้น ฿294,000 ต่อเครื่อง รับประกันสามปี ทีมซัพพอร์ตอยู่ในกรุงเทพฯ
"""


def pdf_bytes(markdown: str, title: str) -> bytes:
    return render_pdf(DocumentInfo(title), parse_markdown(markdown))


def long_pdf_markdown(pages_of_filler: int = 40) -> str:
    """Filler paragraphs (several pages) and then a last paragraph with a word found nowhere
    else, ``zanzibarite``, so a hit on it must open at a late page."""
    filler = "\n\n".join(
        f"Paragraph {i}: " + "Northwind fabric sizing guide. " * 20 for i in range(pages_of_filler)
    )
    return filler + "\n\nThe zanzibarite coating protects the spine chassis."


class ContentFiles:
    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def write(self, name: str, data: bytes | str) -> Path:
        path = self.root / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return path

    def english_pdf(self, name: str = "spine-sizing.pdf") -> Path:
        return self.write(name, pdf_bytes(long_pdf_markdown(), "Spine 64 sizing guide"))

    def thai_pdf(self, name: str = "r7-th.pdf") -> Path:
        return self.write(name, pdf_bytes(THAI_MARKDOWN, "คู่มือการขาย R7"))

    def encrypted_pdf(self, name: str = "locked.pdf") -> Path:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes("Secret pricing.", "x"))))
        writer.encrypt(user_password="open-sesame", owner_password="owner", algorithm="RC4-128")
        buffer = io.BytesIO()
        writer.write(buffer)
        return self.write(name, buffer.getvalue())

    def corrupt_pdf(self, name: str = "broken.pdf") -> Path:
        data = pdf_bytes("Damaged in transit.", "broken")
        return self.write(name, data[: len(data) // 3] + b"\x00garbage" * 50)

    def docx(self, name: str = "r7-notes.docx") -> Path:
        document = docx.Document()
        document.core_properties.title = "R7 field notes"
        document.add_paragraph("The R7 ships with two sockets and hot-swap bays.")
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text = "Model"
        table.cell(0, 1).text = "Price"
        table.cell(1, 0).text = "R7 rack server"
        table.cell(1, 1).text = "$8,400"
        document.add_paragraph("Thermal headroom closes the deal.")
        path = self.root / name
        document.save(str(path))
        return path

    def pptx(self, name: str = "cloudops-pitch.pptx") -> Path:
        deck = pptx.Presentation()
        deck.core_properties.title = "CloudOps pitch"
        for title, text in (
            ("CloudOps Suite", "Observability for hybrid fleets"),
            ("Pricing", "Per node subscription, billed annually"),
            ("Proof", "Kestrel Logistics cut incidents by half"),
        ):
            slide = deck.slides.add_slide(deck.slide_layouts[1])
            slide.shapes.title.text = title
            slide.placeholders[1].text = text
        path = self.root / name
        deck.save(str(path))
        return path


@pytest.fixture
def content_files(tmp_path: Path) -> ContentFiles:
    return ContentFiles(tmp_path / "files")
