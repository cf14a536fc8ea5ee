"""Text extraction from real files built in the test (see tests/helpers/content_files.py)."""

from __future__ import annotations

from dealkit.engine.content.extract import extract
from dealkit.engine.content.thai_text import repair


def test_pdf_text_is_read_page_by_page(content_files) -> None:
    result = extract(content_files.english_pdf())
    assert result.ok and result.media_type == "application/pdf"
    assert len(result.pages) > 3
    assert result.title == "Spine 64 sizing guide"
    assert "Paragraph 0" in result.pages[0]
    last = [n for n, text in enumerate(result.pages, 1) if "zanzibarite" in text]
    assert last == [len(result.pages)]


def test_thai_pdf_reads_back_as_searchable_thai(content_files) -> None:
    result = extract(content_files.thai_pdf())
    assert result.ok and not result.broken_pages
    text = result.pages[0]
    for word in ("เซิร์ฟเวอร์", "ราคาเริ่มต้น", "กรุงเทพฯ", "฿294,000"):
        assert word in text
    assert result.title == "คู่มือการขาย R7"


def test_encrypted_pdf_is_kept_with_the_reason(content_files) -> None:
    result = extract(content_files.encrypted_pdf())
    assert not result.ok and result.pages == []
    assert (
        result.problem
        == "text could not be extracted: locked.pdf is encrypted (password protected)"
    )


def test_corrupt_pdf_is_kept_with_the_reason(content_files) -> None:
    result = extract(content_files.corrupt_pdf())
    assert not result.ok
    assert result.problem.startswith("text could not be extracted: broken.pdf is not a readable")


def test_unknown_format_names_the_file_and_the_formats_read(content_files) -> None:
    result = extract(content_files.write("photo.heic", b"\x00\x01"))
    assert result.problem is not None
    assert "photo.heic: unknown format '.heic'" in result.problem
    assert "pdf, docx, pptx" in result.problem


def test_docx_paragraphs_and_tables_in_order(content_files) -> None:
    result = extract(content_files.docx())
    assert result.ok and result.title == "R7 field notes"
    text = result.pages[0]
    assert text.index("two sockets") < text.index("R7 rack server | $8,400")
    assert text.index("$8,400") < text.index("Thermal headroom")


def test_pptx_gives_one_page_per_slide(content_files) -> None:
    result = extract(content_files.pptx())
    assert result.ok and result.title == "CloudOps pitch"
    assert len(result.pages) == 3
    assert "Per node subscription" in result.pages[1]
    assert "Kestrel Logistics" in result.pages[2]


def test_html_keeps_visible_text_only(content_files) -> None:
    path = content_files.write(
        "note.html",
        "<html><head><title>Edge &amp; SASE</title><style>p{}</style></head>"
        "<body><h1>Secure Edge</h1><script>alert(1)</script><p>Per-site&nbsp;pricing</p></body>",
    )
    result = extract(path)
    assert result.title == "Edge & SASE"
    assert result.pages == ["Secure Edge\nPer-site pricing"]


def test_markdown_title_and_bad_bytes(content_files) -> None:
    path = content_files.write("spif.md", b"# Phuket SPIF\n\nSell five \xff units.\n")
    result = extract(path)
    assert result.title == "Phuket SPIF"
    assert "Sell five \ufffd units." in result.pages[0]


def test_private_use_thai_glyphs_and_split_marks_are_repaired() -> None:
    # ที่ drawn with the Windows font's low tone-mark glyph; ก่า with the mark cut off by a space;
    # สำ written as nikhahit + sara aa.
    page = repair("ที\uf70a ก \u0e48า ส\u0e4d\u0e32\u200b")
    assert page.text == "ที่ ก่า สำ"
    assert page.broken is None


def test_a_page_of_unmappable_glyphs_is_flagged() -> None:
    page = repair("\ue100\ue101\ue102 ราคา \u0e48\u0e49")
    assert page.broken is not None
    assert "glyph(s) with no known letter" in page.broken


def test_damaged_office_files_say_how_to_fix_them(content_files) -> None:
    deck = content_files.pptx()
    truncated = content_files.write("cut.pptx", deck.read_bytes()[:3000])
    renamed = content_files.write("notes.docx", "plain text, not a Word file")
    for path, kind in ((truncated, "PPTX"), (renamed, "DOCX")):
        result = extract(path)
        assert result.problem == (
            f"text could not be extracted: {path.name} is not a {kind} file (damaged, or another"
            f" format renamed .{kind.lower()}); open it in its application and save it again as"
            f" {kind}"
        )


def test_sara_am_split_in_a_real_pdf_reads_back_whole(content_files) -> None:
    from tests.helpers.content_files import pdf_bytes

    # Written as nikhahit + sara aa, as some Thai keyboards and converters do: the PDF keeps the
    # two code points, and extraction returns them; the repaired text has the one letter ำ, so
    # a search for สำนักงาน finds it.
    path = content_files.write("office.pdf", pdf_bytes("ส\u0e4d\u0e32นักงานใหญ่", "office"))
    [page] = extract(path).pages
    assert "สำนักงานใหญ่" in page
