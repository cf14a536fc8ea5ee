"""The PDF preview: real PDFs written with reportlab, rendered by pypdfium2, read back on screen."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from dealkit.widgets.pdf_preview import PdfPreview, render_page


def make_pdf(pages: int) -> bytes:
    """A real A4 PDF of ``pages`` pages, each with a big black bar at the top."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for number in range(1, pages + 1):
        pdf.setFont("Helvetica", 24)
        pdf.drawString(72, 700, f"Page {number}")
        pdf.rect(0, A4[1] - 100, A4[0], 100, stroke=0, fill=1)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def shown(qtbot, preview: PdfPreview, width: int = 500, height: int = 700) -> PdfPreview:
    qtbot.addWidget(preview)
    preview.resize(width, height)
    preview.show()
    qtbot.waitExposed(preview)
    return preview


def test_pages_count_and_only_visible_pages_render(qtbot, tmp_path: Path):
    path = tmp_path / "five.pdf"
    path.write_bytes(make_pdf(5))
    preview = shown(qtbot, PdfPreview())
    assert preview.show_file(path)
    assert preview.page_count() == len(PdfReader(path).pages) == 5
    assert preview.message() == ""
    preview.grab()  # paint once
    assert 0 in preview.rendered_pages
    assert 4 not in preview.rendered_pages  # lazy: the last page is far below the view
    assert preview.findChild(type(preview._page_label), "pdfPageLabel").text() == "Page 1 of 5"

    qtbot.keyClick(preview, Qt.Key.Key_PageDown)
    qtbot.keyClick(preview, Qt.Key.Key_PageDown)
    assert preview.current_page() == 2
    assert preview._page_label.text() == "Page 3 of 5"
    preview.grab()
    assert 2 in preview.rendered_pages
    qtbot.keyClick(preview, Qt.Key.Key_PageUp)
    assert preview.current_page() == 1


def test_fit_width_follows_the_pane_and_zoom_leaves_it(qtbot):
    preview = shown(qtbot, PdfPreview(), width=400)
    assert preview.show_bytes(make_pdf(2), name="two.pdf")
    fitted = preview.page_width()
    assert preview.is_fit_width()
    assert fitted <= 400
    preview.zoom_in()
    assert not preview.is_fit_width()
    assert preview.page_width() > fitted
    preview.zoom_out()
    preview.zoom_out()
    assert preview.page_width() < fitted
    preview.fit_width()
    assert preview.page_width() == fitted
    preview.resize(700, 700)
    qtbot.waitUntil(lambda: preview.page_width() > fitted)


def test_rendered_page_shows_the_pdf_content():
    pdf = pypdfium2.PdfDocument(make_pdf(1))
    try:
        image = render_page(pdf, 0, 300)
    finally:
        pdf.close()
    assert image.width() == 300
    assert abs(image.height() - 300 * A4[1] / A4[0]) <= 1
    assert QColor(image.pixel(150, 5)) == QColor("black")  # the bar at the top
    assert QColor(image.pixel(150, image.height() - 5)) == QColor("white")


def test_corrupt_file_shows_a_message_not_an_exception(qtbot, tmp_path: Path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(make_pdf(3)[:400])  # cut short, as a failed download would be
    preview = shown(qtbot, PdfPreview())
    with qtbot.waitSignal(preview.failed) as signal:
        assert not preview.show_file(path)
    assert "broken.pdf is not a readable PDF" in preview.message()
    assert signal.args == [preview.message()]
    assert preview.page_count() == 0
    assert preview._page_label.text() == ""
    preview.grab()


def test_encrypted_pdf_says_it_needs_a_password(qtbot, tmp_path: Path):
    writer = PdfWriter(clone_from=io.BytesIO(make_pdf(1)))
    writer.encrypt(user_password="secret", algorithm="AES-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    preview = shown(qtbot, PdfPreview())
    assert not preview.show_file(path)
    assert "locked.pdf is encrypted" in preview.message()


def test_missing_file_and_empty_bytes_and_clear(qtbot, tmp_path: Path):
    preview = shown(qtbot, PdfPreview())
    assert not preview.show_file(tmp_path / "gone.pdf")
    assert "gone.pdf is not there any more" in preview.message()
    assert not preview.show_bytes(b"")
    assert "empty" in preview.message()
    assert preview.show_bytes(make_pdf(1))
    preview.clear("Generate the proposal to preview it.")
    assert preview.page_count() == 0
    assert preview.message() == "Generate the proposal to preview it."
