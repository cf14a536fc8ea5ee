"""The Library page's preview pane over real imported files: a 2-page PDF opened at the hit's
page with the matched word highlighted, an encrypted PDF that says why it has no text, and
Open original handing the viewer a copy with the file's extension."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl

from dealkit.engine.content.importer import ImportOptions, import_files
from dealkit.engine.store.models import ContentKind
from dealkit.engine.workspace import Workspace
from tests.helpers.content_files import ContentFiles, long_pdf_markdown, pdf_bytes
from tests.helpers.desktop import wait_idle

PUBLISH = ImportOptions(kind=ContentKind.COLLATERAL, publish=True, today=date(2026, 11, 1))


def two_page_pdf(files: ContentFiles):
    """Filler on page 1, and ``zanzibarite`` only on page 2."""
    return files.write("spine-sizing.pdf", pdf_bytes(long_pdf_markdown(8), "Spine sizing"))


def library_page(qtbot, make_window, workspace: Workspace):
    window = make_window(workspace)
    window.show_page("library")
    wait_idle(qtbot, window)
    return window, window.pages["library"]


def test_pdf_hit_on_page_two_opens_at_page_two(qtbot, make_window, empty_workspace, content_files):
    import_files(empty_workspace, [two_page_pdf(content_files)], PUBLISH)
    window, page = library_page(qtbot, make_window, empty_workspace)

    page.search_for("zanzibarite")
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: page.preview.item is not None, timeout=30_000)
    wait_idle(qtbot, window)

    preview = page.preview
    assert page.results.currentRow() == 0  # the best hit is previewed at once
    assert preview.item.is_pdf and len(preview.item.pages) == 2
    assert preview.tabs.currentWidget() is preview.pdf
    assert preview.pdf.page_count() == 2
    assert preview.pdf.current_page() == 1  # zero-based: the second page
    assert preview.where_label.text() == "The match is on page 2 of 2."
    text = preview.text.toHtml()
    # Page by page, the hit's page first, the matched word marked.
    assert text.index("Page 2 (the match)") < text.index("Page 1")
    assert "zanzibarite" in preview.text.toPlainText().split("Page 1")[0]
    assert "background-color:#ffe58a" in text.replace(" ", "")
    qtbot.waitUntil(lambda: 1 in preview.pdf.rendered_pages, timeout=10_000)

    opened: list[QUrl] = []
    preview.open_url = opened.append
    preview.open_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    copy = opened[0].toLocalFile()
    assert copy.endswith("spine-sizing.pdf")
    blob = empty_workspace.blob_path(preview.item.blob_path.name)
    assert Path(copy).read_bytes() == blob.read_bytes()


def test_item_without_text_shows_why(qtbot, make_window, empty_workspace, content_files):
    import_files(empty_workspace, [content_files.encrypted_pdf("locked-pricing.pdf")], PUBLISH)
    window, page = library_page(qtbot, make_window, empty_workspace)

    page.search_for("locked pricing")
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: page.preview.item is not None, timeout=30_000)
    wait_idle(qtbot, window)

    preview = page.preview
    assert preview.item.pages == []
    assert preview.where_label.text().startswith("text could not be extracted")
    assert "text could not be extracted" in preview.text.toPlainText()
    # The encrypted file itself cannot be rendered either: the PDF view says so, no crash.
    assert "encrypted" in preview.pdf.message()


def test_selecting_another_result_previews_it(qtbot, make_window, empty_workspace, content_files):
    import_files(
        empty_workspace,
        [two_page_pdf(content_files), content_files.docx("r7-notes.docx")],
        PUBLISH,
    )
    _window, page = library_page(qtbot, make_window, empty_workspace)
    assert page.results.count() == 2  # newest items, nothing selected yet
    assert page.preview.where_label.text() == "Select a result to read it here."

    docx_row = page.shown_titles().index(
        next(t for t in page.shown_titles() if "r7" in t.lower() or "notes" in t.lower())
    )
    page.results.setCurrentRow(docx_row)
    qtbot.waitUntil(lambda: page.preview.item is not None, timeout=10_000)
    preview = page.preview
    assert not preview.item.is_pdf
    assert not preview.tabs.isTabVisible(0)  # no Page tab without a PDF
    assert preview.tabs.currentWidget() is preview.text
    assert preview.text.toPlainText().strip()
