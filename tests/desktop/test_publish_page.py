"""The Publish page on the demo workspace (signed in as Alex, who has the trainer role): real
files dropped on it become drafts, are edited, published and then found by the Library search."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from dealkit.engine.content.publishing import history
from dealkit.engine.store.models import ContentItem, ContentStatus
from tests.helpers.desktop import wait_idle


def _drop(page, paths) -> None:
    """A real drop event, as the window system delivers it."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(page, enter)
    assert enter.isAccepted()  # the page takes local files
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(page, event)


def _row_titles(page) -> dict[str, str]:
    items = page.items
    return {
        items.topLevelItem(i).text(0): items.topLevelItem(i).text(1)
        for i in range(items.topLevelItemCount())
    }


def test_drop_edit_publish_and_find_it_in_the_library(
    qtbot, make_window, demo_workspace, content_files
):
    markdown = content_files.write(
        "quote-desk-hours.md",
        "# Quote desk hours\n\nThe quote desk answers every request within four hours; "
        "ask for the marmalade checklist.",
    )
    pdf = content_files.english_pdf("spine-sizing.pdf")  # several pages, "zanzibarite" late
    window = make_window(demo_workspace)
    window.show_page("publish")
    wait_idle(qtbot, window)
    page = window.pages["publish"]
    nav = window.navigation.item(list(window.pages).index("publish"))
    assert not nav.isHidden() and page.splitter.isVisible()
    assert page.items.topLevelItemCount() == 66 and page.due_list.count() > 0

    _drop(page, [markdown, pdf])
    wait_idle(qtbot, window)
    assert page.status_label.text() == "Imported 2 files as drafts."
    rows = _row_titles(page)
    assert rows["Quote desk hours"] == "Draft" and rows["Spine 64 sizing guide"] == "Draft"

    page.select_item(_id_of(demo_workspace, "Spine 64 sizing guide"))
    wait_idle(qtbot, window)
    assert page.page_combo.count() > 3  # the PDF's pages, one by one
    page.page_combo.setCurrentIndex(page.page_combo.count() - 1)
    assert "zanzibarite" in page.preview.toPlainText()

    page.select_item(_id_of(demo_workspace, "Quote desk hours"))
    wait_idle(qtbot, window)
    assert page.title_edit.text() == "Quote desk hours"
    page.title_edit.clear()
    qtbot.keyClicks(page.title_edit, "Quote desk: hours and checklist")
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("training"))
    qtbot.keyClicks(page.products_edit, "SRV-R7, NET-SPINE-64")
    qtbot.mouseClick(page.publish_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert page.status_label.text() == (
        "Published “Quote desk: hours and checklist”, version 1: reps can find it now."
    )
    assert _row_titles(page)["Quote desk: hours and checklist"] == "Published"
    with demo_workspace.store.session() as s:
        item = s.scalars(
            select(ContentItem).where(ContentItem.title.startswith("Quote desk"))
        ).one()
        assert (item.kind.value, item.products, item.status) == (
            "training",
            ["SRV-R7", "NET-SPINE-64"],
            ContentStatus.PUBLISHED,
        )

    library = window.pages["library"]
    window.show_page("library")
    library.search_for("marmalade")
    wait_idle(qtbot, window)
    assert library.shown_titles() == ["Quote desk: hours and checklist"]

    # A new file for the published item: a draft of version 2; reps still find version 1
    # until it is published, then the new text; version 1 is kept. Then archive it.
    window.show_page("publish")
    page.select_item(item.id)
    wait_idle(qtbot, window)
    assert page.new_file_button.isEnabled()
    new_file = content_files.write(
        "quote-desk-v2.md",
        "# Quote desk hours\n\nNow open on Saturdays: ask for the tangerine form.",
    )
    page.import_new_version(new_file)
    wait_idle(qtbot, window)
    assert page.status_label.text().startswith("Imported the new file as a draft of")
    rows = [
        page.items.topLevelItem(i).text(1)
        for i in range(page.items.topLevelItemCount())
        if page.items.topLevelItem(i).text(0) == "Quote desk: hours and checklist"
    ]
    assert sorted(rows) == ["Published", "draft of new version"]
    assert page.detail is not None and "tangerine" in page.preview.toPlainText()
    library.search_for("tangerine")
    wait_idle(qtbot, window)
    assert library.shown_titles() == []  # a draft: not for reps yet
    qtbot.mouseClick(page.publish_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert "version 2" in page.status_label.text()
    assert page.detail.item_id == item.id  # the revised item, not the draft, is selected
    assert "1 earlier version kept" in page.facts_label.text()
    library.search_for("tangerine")
    wait_idle(qtbot, window)
    assert library.shown_titles() == ["Quote desk: hours and checklist"]
    library.search_for("marmalade")
    wait_idle(qtbot, window)
    assert library.shown_titles() == []  # version 1's text is no longer what reps find
    library.search_for("")
    wait_idle(qtbot, window)
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    with demo_workspace.store.session() as s:
        assert s.get(ContentItem, item.id).status == ContentStatus.ARCHIVED
        assert [v.version for v in history(s, item.id)] == [1]
    window.show_page("library")
    library.search_for("tangerine")
    wait_idle(qtbot, window)
    assert library.shown_titles() == []


def test_a_bad_edit_is_shown_and_nothing_is_saved(qtbot, make_window, demo_workspace):
    window = make_window(demo_workspace)
    window.show_page("publish")
    wait_idle(qtbot, window)
    page = window.pages["publish"]
    page.items.setCurrentItem(page.items.topLevelItem(0))
    wait_idle(qtbot, window)
    original = page.title_edit.text()
    page.title_edit.clear()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert page.status_label.text().startswith("the title is empty")
    assert window.context.tasks.failures == []  # a user's mistake, not a failed task
    with demo_workspace.store.session() as s:
        assert s.scalar(select(ContentItem.title).where(ContentItem.title == original))


def test_the_publish_page_is_hidden_from_a_rep(qtbot, make_window, small_workspace):
    window = make_window(small_workspace)
    wait_idle(qtbot, window)
    nav = window.navigation.item(list(window.pages).index("publish"))
    assert nav.isHidden() and not window.page_actions["publish"].isVisible()
    window.show_page("publish")
    wait_idle(qtbot, window)
    page = window.pages["publish"]
    assert not page.splitter.isVisible()
    assert page.not_allowed.text().startswith("Publishing is for trainers. Alex Morgan does not")


def _id_of(workspace, title: str) -> str:
    with workspace.store.session() as s:
        return s.scalars(select(ContentItem.id).where(ContentItem.title == title)).one()
