"""PDFs are read back: text with pypdf, pixels with pypdfium2 (Thai must not be boxes)."""

import io

import pypdfium2
from pypdf import PdfReader

from dealkit.engine.documents.blocks import parse_markdown
from dealkit.engine.documents.document_info import DocumentInfo
from dealkit.engine.documents.pdf_writer import render_pdf

THAI_SOURCE = """# เซิร์ฟเวอร์ Northwind R7

ราคาเริ่มต้น **฿294,000** ต่อเครื่อง รับประกันสามปี

- ทีมซัพพอร์ตอยู่ในกรุงเทพฯ

| รุ่น | ราคา |
|---|---|
| R7 | ฿294,000 |
"""


def _pdf(source: str = THAI_SOURCE, title: str = "คู่มือการขาย R7") -> bytes:
    return render_pdf(DocumentInfo(title, subtitle="Training · ภาษาไทย"), parse_markdown(source))


def test_thai_and_latin_text_reads_back():
    reader = PdfReader(io.BytesIO(_pdf()))
    text = reader.pages[0].extract_text()
    for word in ("คู่มือการขาย", "เซิร์ฟเวอร์", "Northwind R7", "ราคาเริ่มต้น", "กรุงเทพฯ", "฿294,000"):
        assert word in text
    assert reader.metadata.title == "คู่มือการขาย R7"


def test_both_fonts_are_embedded():
    reader = PdfReader(io.BytesIO(_pdf()))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = {str(fonts[key].get_object()["/BaseFont"]) for key in fonts}
    assert any("NotoSansThai" in n for n in names)
    assert any("NotoSans" in n and "Thai" not in n for n in names)


def test_thai_glyphs_have_ink():
    """A run set in a font without Thai would draw .notdef boxes or nothing; compare the ink of
    a Thai-only page with a blank page."""
    blank = render_pdf(DocumentInfo("x"), [])
    thai = render_pdf(DocumentInfo("x"), parse_markdown("ภาษาไทย " * 60))

    def ink(data: bytes) -> int:
        page = pypdfium2.PdfDocument(data)[0]
        image = page.render(scale=1).to_pil().convert("L")
        return sum(image.histogram()[:128])

    assert ink(thai) > ink(blank) + 2000


def test_output_is_deterministic():
    assert _pdf() == _pdf()


def test_long_documents_get_more_pages():
    long = "\n\n".join(f"Paragraph {i}: " + "Northwind fabric sizing. " * 20 for i in range(60))
    reader = PdfReader(io.BytesIO(_pdf(long, "Long")))
    assert len(reader.pages) > 3
    assert "Page 2" in reader.pages[1].extract_text()


def test_footer_sets_thai_in_the_thai_face():
    info = DocumentInfo("x", footer="Northwind Systems · ข้อมูลผลิตภัณฑ์")
    reader = PdfReader(io.BytesIO(render_pdf(info, parse_markdown("Body."))))
    text = reader.pages[0].extract_text()
    assert "ข้อมูลผลิตภัณฑ์" in text and "Page 1" in text


def test_mixed_width_adds_the_runs():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from dealkit.engine.documents.canvas_text import mixed_width

    expected = stringWidth("R7 ", "NotoSans", 10) + stringWidth("ราคา", "NotoSansThai", 10)
    assert mixed_width("R7 ราคา", 10) == expected


def _ink_top(data: bytes) -> int:
    """The first pixel row (from the top) with dark ink in the title area of page 1."""
    page = pypdfium2.PdfDocument(data)[0]
    image = page.render(scale=4).to_pil().convert("L")
    width, height = image.size
    title_area = image.crop((0, 0, width, int(height * 0.12)))
    return title_area.point(lambda v: 255 if v < 100 else 0).getbbox()[1]


def test_a_tone_mark_over_an_upper_vowel_shows_above_it():
    """Without raising, the mark of ที่ is drawn on top of the vowel ี and the word reads ที."""
    vowel_only = _ink_top(render_pdf(DocumentInfo("ที"), []))
    with_mark = _ink_top(render_pdf(DocumentInfo("ที่"), []))
    assert with_mark < vowel_only - 8  # the mark's ink starts clearly higher
    stem_only = _ink_top(render_pdf(DocumentInfo("ปา"), []))
    assert _ink_top(render_pdf(DocumentInfo("ป่า"), [])) < stem_only - 8
    info = DocumentInfo("x")
    text = PdfReader(io.BytesIO(render_pdf(info, parse_markdown("ที่นี่ กี่ชั่วโมง")))).pages[0]
    assert "ที่นี่ กี่ชั่วโมง" in text.extract_text()
