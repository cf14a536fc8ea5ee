import io
import zipfile

from docx import Document

from dealkit.engine.documents.blocks import parse_markdown
from dealkit.engine.documents.document_info import DocumentInfo
from dealkit.engine.documents.docx_writer import docx_text, render_docx

SOURCE = """## ข้อเสนอสำหรับลูกค้า

Secure Edge ราคา **฿168,000** ต่อไซต์ต่อปี

- first point

| SKU | Price |
|---|---|
| SUB-SECURE-EDGE | $4,800 |
"""


def _docx() -> bytes:
    return render_docx(
        DocumentInfo("Secure Edge ข้อมูล", subtitle="Datasheet"), parse_markdown(SOURCE)
    )


def test_text_reads_back_with_thai():
    text = docx_text(_docx())
    for word in ("Secure Edge ข้อมูล", "ข้อเสนอสำหรับลูกค้า", "฿168,000", "first point"):
        assert word in text
    assert "SUB-SECURE-EDGE | $4,800" in text


def test_thai_runs_name_the_thai_font_and_complex_script():
    document = Document(io.BytesIO(_docx()))
    xml = document.element.xml
    assert 'w:cs="Noto Sans Thai"' in xml
    assert "<w:cs/>" in xml
    heading = next(p for p in document.paragraphs if p.text == "ข้อเสนอสำหรับลูกค้า")
    assert heading.style.name == "Heading 2"
    assert document.tables[0].style.name == "Light Grid Accent 1"
    header = document.tables[0].rows[0].cells[0].paragraphs[0].runs[0]
    assert header.text == "SKU" and header.bold
    bold = "".join(r.text for p in document.paragraphs for r in p.runs if r.bold)
    assert bold == "฿168,000"


def test_output_is_deterministic_and_a_valid_package():
    first = _docx()
    assert first == _docx()
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert package.testzip() is None
        assert "word/document.xml" in package.namelist()
