"""The Publish page, for trainers: import files as drafts, edit, preview, publish, archive.

Files dropped on the page (or picked with "Add files…") are imported as drafts through
``engine.content.importer``; the list shows every library item with its status, version, view
counts and review-by date; the editor edits the selected item's metadata and shows its extracted
text page by page, flagging pages whose text is garbled. Save, Publish and Archive are the
engine's publishing steps (``engine.content.publishing``), run off the GUI thread; the items
they change are re-indexed through ``LibraryService.update_items``. A user without the trainer
role sees why the page is not for them (the sidebar hides it; see ``MainWindow``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop import labels
from dealkit.desktop.context import DesktopContext
from dealkit.desktop.pages.page import Page
from dealkit.desktop.tasks import TaskFailure
from dealkit.engine.store.models import ContentKind
from dealkit.engine.workspace import Workspace

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
REVIEW_DAYS = 30


# what the page reads and does, on worker threads -------------------------------------------------


@dataclass(frozen=True)
class PublishRow:
    item_id: str
    title: str
    kind: str
    status: str
    version: int
    review_by: date | None
    views: int
    viewers: int
    views_text: str
    revises_title: str | None


@dataclass
class PublishData:
    may_publish: bool
    user_name: str
    rows: list[PublishRow] = field(default_factory=list)
    due: list[Any] = field(default_factory=list)  # engine.content.refreshers.ReviewDue


@dataclass(frozen=True)
class ItemDetail:
    item_id: str
    title: str
    kind: str
    language: str
    summary: str
    products: list[str]
    competitors: list[str]
    industries: list[str]
    regions: list[str]
    review_by: date | None
    status: str
    version: int
    file_name: str | None
    pages: list[str]
    broken: dict[int, str]
    history: int


@dataclass(frozen=True)
class StepOutcome:
    """A step's result; ``error`` is a user mistake to show (nothing was changed)."""

    error: str | None = None
    message: str = ""
    changed: list[str] = field(default_factory=list)
    select: str | None = None


_STATUS_ORDER = {"draft": 0, "published": 1, "archived": 2}


def may_publish(workspace: Workspace) -> tuple[bool, str]:
    from dealkit.engine.content.publishing import PUBLISHING_ROLES
    from dealkit.engine.store.models import User

    user_id = workspace.info("current_user_id")
    with workspace.store.session() as session:
        user = session.get(User, user_id) if user_id else None
        if user is None:
            return False, ""
        return any(user.has_role(r) for r in PUBLISHING_ROLES), user.display_name


def load_publish_data(workspace: Workspace, as_of: date) -> PublishData:
    from sqlalchemy import select

    from dealkit.engine.content.refreshers import review_due
    from dealkit.engine.content.views import count_for, view_counts
    from dealkit.engine.store.models import ContentItem

    allowed, name = may_publish(workspace)
    if not allowed:
        return PublishData(False, name)
    with workspace.store.session() as session:
        counts = view_counts(session)
        items = list(session.scalars(select(ContentItem).where(ContentItem.deleted.is_(False))))
        titles = {i.id: i.title for i in items}
        rows = []
        for item in items:
            count = count_for(counts, item.id)
            rows.append(
                PublishRow(
                    item.id,
                    item.title,
                    str(item.kind),
                    str(item.status),
                    item.version,
                    item.review_by,
                    count.views,
                    count.viewers,
                    count.explain(),
                    titles.get(item.revises_id) if item.revises_id else None,
                )
            )
        due = review_due(session, as_of, REVIEW_DAYS)
    rows.sort(key=lambda r: (_STATUS_ORDER.get(r.status, 3), r.title.casefold()))
    return PublishData(True, name, rows, due)


def load_item_detail(workspace: Workspace, item_id: str) -> ItemDetail:
    from dealkit.engine.content import thai_text
    from dealkit.engine.content.pages import split_pages
    from dealkit.engine.content.publishing import history
    from dealkit.engine.store.models import ContentItem

    with workspace.store.session() as session:
        item = session.get(ContentItem, item_id)
        if item is None:
            raise ValueError(f"the library item {item_id} is gone; reload the page")
        pages = split_pages(item.body) if item.body else []
        broken = {}
        for number, page in enumerate(pages, start=1):
            why = thai_text.check(page)
            if why:
                broken[number] = why
        return ItemDetail(
            item.id,
            item.title,
            str(item.kind),
            item.language,
            item.summary,
            list(item.products),
            list(item.competitors),
            list(item.industries),
            list(item.regions),
            item.review_by,
            str(item.status),
            item.version,
            item.file_name,
            pages,
            broken,
            len(history(session, item.id)),
        )


def run_step(workspace: Workspace, step: str, item_id: str, edits: Any, today: date) -> StepOutcome:
    """Save, publish or archive in one transaction; a PublishError becomes ``error``."""
    from dealkit.engine.content.publishing import PublishError, archive, publish, save_draft

    user_id = workspace.info("current_user_id")
    try:
        with workspace.store.session() as session, session.begin():
            if step == "save":
                result = save_draft(session, item_id, edits, user_id)
            elif step == "publish":
                result = publish(session, item_id, today, user_id, edits)
            else:
                result = archive(session, item_id, user_id)
    except PublishError as error:
        return StepOutcome(error=str(error))
    message = f"{step}:{result.title}:{result.version}"
    return StepOutcome(None, message, result.changed, result.item_id)


def import_drafts(workspace: Workspace, paths: list[Path]) -> StepOutcome:
    from dealkit.engine.content.importer import ContentImportError, ImportOptions, import_files

    try:
        results = import_files(workspace, paths, ImportOptions())
    except ContentImportError as error:
        return StepOutcome(error=str(error))
    problems = [f"{Path(r.path).name}: {r.problem}" for r in results if r.problem]
    created = [r.item_id for r in results if not r.duplicate_of]
    first = results[0].item_id if results else None
    return StepOutcome("; ".join(problems) or None, f"import:{len(created)}", created, first)


def import_new_version(workspace: Workspace, item_id: str, path: Path) -> StepOutcome:
    """A new file for a published item, as a draft that revises it (publish it to replace)."""
    from dealkit.engine.content.publishing import PublishError, import_revision

    try:
        result = import_revision(workspace, item_id, path, workspace.info("current_user_id"))
    except PublishError as error:
        return StepOutcome(error=str(error))
    return StepOutcome(None, f"revision:{result.title}:", result.changed, result.item_id)


# the page --------------------------------------------------------------------------------------


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


class DropArea(QFrame):
    """The dashed box that invites dropping files; the whole page accepts the drop."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("publishDrop")
        self.setProperty("role", "dropArea")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#publishDrop { border: 2px dashed #9aa9bb; border-radius: 8px; background: #f6f8fb; }"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton()
        self.button.setObjectName("addFiles")
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 10, 14, 10)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)


class PublishPage(Page):
    page_id = "publish"
    access_known = Signal(bool)

    def __init__(self, context: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setAcceptDrops(True)
        self.data = PublishData(False, "")
        self.detail: ItemDetail | None = None
        self._message = ""
        self._message_is_error = False
        self._select_after: str | None = None

        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.drop = DropArea()
        self.drop.button.clicked.connect(self.choose_files)
        self.status_label = QLabel()
        self.status_label.setObjectName("publishStatus")
        self.status_label.setWordWrap(True)

        self.items = QTreeWidget()
        self.items.setObjectName("publishItems")
        self.items.setRootIsDecorated(False)
        self.items.setUniformRowHeights(True)
        self.items.setColumnCount(5)
        header = self.items.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.items.currentItemChanged.connect(self._selected)
        self.due_heading = QLabel()
        self.due_heading.setProperty("role", "subheading")
        self.due_heading.setWordWrap(True)
        self.due_list = QListWidget()
        self.due_list.setObjectName("reviewDue")
        self.due_list.setWordWrap(True)
        self.due_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.due_list.itemActivated.connect(lambda item: self.select_item(item.data(ITEM_ID_ROLE)))
        self.due_list.itemClicked.connect(lambda item: self.select_item(item.data(ITEM_ID_ROLE)))
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.items, 3)
        left_column.addWidget(self.due_heading)
        left_column.addWidget(self.due_list, 1)

        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("publishTitle")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("publishKind")
        for kind in ContentKind:
            self.kind_combo.addItem("", kind.value)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("publishLanguage")
        self.language_combo.addItem("", "en")
        self.language_combo.addItem("", "th")
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setObjectName("publishSummary")
        self.summary_edit.setFixedHeight(58)
        self.products_edit = QLineEdit()
        self.products_edit.setObjectName("publishProducts")
        self.competitors_edit = QLineEdit()
        self.competitors_edit.setObjectName("publishCompetitors")
        self.industries_edit = QLineEdit()
        self.industries_edit.setObjectName("publishIndustries")
        self.regions_edit = QLineEdit()
        self.regions_edit.setObjectName("publishRegions")
        self.review_check = QCheckBox()
        self.review_check.setObjectName("publishHasReview")
        self.review_edit = QDateEdit()
        self.review_edit.setObjectName("publishReviewBy")
        self.review_edit.setCalendarPopup(True)
        self.review_edit.setDisplayFormat("yyyy-MM-dd")
        self.review_check.toggled.connect(self.review_edit.setEnabled)
        review_row = QHBoxLayout()
        review_row.addWidget(self.review_check)
        review_row.addWidget(self.review_edit, 1)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_labels = [QLabel() for _ in range(9)]
        fields: list[Any] = [
            self.title_edit,
            self.kind_combo,
            self.language_combo,
            self.summary_edit,
            self.products_edit,
            self.competitors_edit,
            self.industries_edit,
            self.regions_edit,
            review_row,
        ]
        for label, widget in zip(self.form_labels, fields, strict=True):
            label.setBuddy(widget if isinstance(widget, QWidget) else self.review_check)

        def pair(first: int, second: int) -> QHBoxLayout:
            """Two short fields on one row, so the extracted text keeps its room."""
            row = QHBoxLayout()
            row.addWidget(fields[first], 1)
            row.addSpacing(8)
            row.addWidget(self.form_labels[second])
            row.addWidget(fields[second], 1)
            return row

        self.form.addRow(self.form_labels[0], fields[0])
        self.form.addRow(self.form_labels[1], pair(1, 2))
        self.form.addRow(self.form_labels[3], fields[3])
        self.form.addRow(self.form_labels[4], pair(4, 5))
        self.form.addRow(self.form_labels[6], pair(6, 7))
        self.form.addRow(self.form_labels[8], fields[8])
        self.facts_label = QLabel()
        self.facts_label.setObjectName("publishFacts")
        self.facts_label.setProperty("role", "muted")
        self.facts_label.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveDraft")
        self.save_button.clicked.connect(lambda: self.run("save"))
        self.publish_button = QPushButton()
        self.publish_button.setObjectName("publishItem")
        self.publish_button.setDefault(True)  # drawn as the main action (theme.qss)
        self.publish_button.clicked.connect(lambda: self.run("publish"))
        self.archive_button = QPushButton()
        self.archive_button.setObjectName("archiveItem")
        self.archive_button.clicked.connect(lambda: self.run("archive"))
        self.new_file_button = QPushButton()
        self.new_file_button.setObjectName("newVersionFile")
        self.new_file_button.clicked.connect(self.choose_new_version)
        buttons = QHBoxLayout()
        buttons.addWidget(self.facts_label, 1)
        buttons.addWidget(self.new_file_button)
        buttons.addWidget(self.archive_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.publish_button)
        self.page_combo = QComboBox()
        self.page_combo.setObjectName("previewPage")
        self.page_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.page_combo.currentIndexChanged.connect(self._show_page_text)
        self.preview_label = QLabel()
        self.preview_label.setProperty("role", "subheading")
        preview_top = QHBoxLayout()
        preview_top.addWidget(self.preview_label)
        preview_top.addStretch(1)
        preview_top.addWidget(self.page_combo)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("publishPreview")
        self.preview.setReadOnly(True)
        self.editor = QWidget()
        right_column = QVBoxLayout(self.editor)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addLayout(self.form)
        right_column.addLayout(buttons)
        right_column.addLayout(preview_top)
        right_column.addWidget(self.preview, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.setSizes([520, 560])
        self.splitter.setChildrenCollapsible(False)
        self.not_allowed = QLabel()
        self.not_allowed.setObjectName("publishNotAllowed")
        self.not_allowed.setWordWrap(True)
        self.not_allowed.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.drop)
        layout.addWidget(self.status_label)
        layout.addWidget(self.not_allowed)
        layout.addWidget(self.splitter, 1)
        self._set_editor_enabled(False)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Publish")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Publish to the library"))
        self.drop.label.setText(
            self.tr(
                "Drop PDF, Word, PowerPoint, Markdown, HTML or text files here: each becomes a "
                "draft you can check and publish."
            )
        )
        self.drop.button.setText(self.tr("Add files…"))
        self.items.setHeaderLabels(
            [
                self.tr("Title"),
                self.tr("Status"),
                self.tr("Version"),
                self.tr("Views"),
                self.tr("Review by"),
            ]
        )
        self.due_heading.setText(
            self.tr("Due for review (past or within %1 days)").replace("%1", str(REVIEW_DAYS))
        )
        for index in range(self.kind_combo.count()):
            self.kind_combo.setItemText(index, labels.content_kind(self.kind_combo.itemData(index)))
        for index in range(self.language_combo.count()):
            self.language_combo.setItemText(
                index, labels.content_language(self.language_combo.itemData(index))
            )
        names = [
            self.tr("&Title"),
            self.tr("T&ype"),
            self.tr("&Language"),
            self.tr("&Summary"),
            self.tr("&Products"),
            self.tr("&Competitors"),
            self.tr("&Industries"),
            self.tr("&Regions"),
            self.tr("Review &by"),
        ]
        for label, name in zip(self.form_labels, names, strict=True):
            label.setText(name)
        hint = self.tr("comma-separated")
        for edit in (
            self.products_edit,
            self.competitors_edit,
            self.industries_edit,
            self.regions_edit,
        ):
            edit.setPlaceholderText(hint)
        self.review_check.setText(self.tr("review on"))
        self.save_button.setText(self.tr("Save draft"))
        self.publish_button.setText(self.tr("Publish"))
        self.archive_button.setText(self.tr("Archive"))
        self.new_file_button.setText(self.tr("New file…"))
        self.new_file_button.setToolTip(
            self.tr(
                "Import a new file for this item as a draft of its next version; reps keep "
                "reading the current version until you publish the draft"
            )
        )
        self.preview_label.setText(self.tr("Extracted text"))
        self.not_allowed.setText(
            self.tr(
                "Publishing is for trainers. %1 does not have the trainer role; ask an "
                "administrator to add it."
            ).replace("%1", self.data.user_name or self.tr("The signed-in user"))
        )
        self._fill_list()
        self._fill_detail_facts()
        self._update_status()

    # loading ------------------------------------------------------------------------------------

    def check_access(self) -> None:
        """Find out (off the GUI thread) whether the signed-in user may publish."""
        workspace = self.context.workspace
        self.context.tasks.run(
            lambda: may_publish(workspace),
            lambda result: self.access_known.emit(result[0]),
            name="publish-access",
        )

    def load(self, select: str | None = None) -> None:
        from dealkit.index.library import local_today

        self.begin_loading()
        workspace = self.context.workspace
        self._select_after = select or (self.detail.item_id if self.detail else None)
        self.context.tasks.run(
            lambda: load_publish_data(workspace, local_today()),
            self._loaded,
            self._failed,
            label=self.tr("Loading the library items…"),
            name="publish-items",
        )

    def _loaded(self, data: PublishData) -> None:
        self.end_loading()
        self.data = data
        self.load_error = None
        self.not_allowed.setVisible(not data.may_publish)
        self.splitter.setVisible(data.may_publish)
        self.drop.setVisible(data.may_publish)
        self.access_known.emit(data.may_publish)
        self.retranslate()
        if self._select_after:
            self.select_item(self._select_after)
        elif self.items.topLevelItemCount() and self.detail is None:
            self.items.setCurrentItem(self.items.topLevelItem(0))

    def _failed(self, failure: TaskFailure) -> None:
        self.end_loading()
        self.load_error = failure.message
        self._update_status()

    def _fill_list(self) -> None:
        locale = self.context.babel_locale
        current = self.detail.item_id if self.detail else None
        self.items.blockSignals(True)
        self.items.clear()
        for row in self.data.rows:
            status = self._status_text(row.status)
            if row.revises_title:
                status = self.tr("draft of new version")
            item = QTreeWidgetItem(
                [
                    row.title,
                    status,
                    str(row.version),
                    str(row.views),
                    labels.short_date(row.review_by, locale),
                ]
            )
            item.setData(0, ITEM_ID_ROLE, row.item_id)
            item.setToolTip(0, row.title)
            item.setToolTip(3, row.views_text)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight)
            self.items.addTopLevelItem(item)
            if row.item_id == current:
                self.items.setCurrentItem(item)
        self.items.blockSignals(False)
        self.due_list.clear()
        for due in self.data.due:
            text = f"{self._due_text(due)} · {due.title} · {due.owner_name}"
            entry = QListWidgetItem(text)
            entry.setData(ITEM_ID_ROLE, due.item_id)
            if due.days_left < 0:
                entry.setForeground(Qt.GlobalColor.darkRed)
            self.due_list.addItem(entry)
        if not self.data.due:
            self.due_list.addItem(
                self.tr("Nothing to review in the next %1 days.").replace("%1", str(REVIEW_DAYS))
            )

    def _due_text(self, due: Any) -> str:
        day = labels.short_date(due.review_by, self.context.babel_locale)
        if due.days_left < 0:
            return self.tr("%n day(s) overdue", "", -due.days_left) + f" ({day})"
        if due.days_left == 0:
            return self.tr("due today")
        return self.tr("due in %n day(s)", "", due.days_left) + f" ({day})"

    def _status_text(self, status: str) -> str:
        return {
            "draft": self.tr("Draft"),
            "published": self.tr("Published"),
            "archived": self.tr("Archived"),
        }.get(status, status)

    # the selected item --------------------------------------------------------------------------

    def select_item(self, item_id: str | None) -> None:
        for index in range(self.items.topLevelItemCount()):
            item = self.items.topLevelItem(index)
            if item.data(0, ITEM_ID_ROLE) == item_id:
                self.items.setCurrentItem(item)
                self.items.scrollToItem(item)
                return

    def _selected(self, current: QTreeWidgetItem | None, _previous: Any = None) -> None:
        if current is None:
            return
        item_id = current.data(0, ITEM_ID_ROLE)
        workspace = self.context.workspace
        self.begin_loading()
        self.context.tasks.run(
            lambda: load_item_detail(workspace, item_id),
            self._detail_loaded,
            self._failed,
            name="publish-item",
        )

    def _detail_loaded(self, detail: ItemDetail) -> None:
        self.end_loading()
        self.detail = detail
        self.title_edit.setText(detail.title)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(detail.kind)))
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(detail.language)))
        self.summary_edit.setPlainText(detail.summary)
        self.products_edit.setText(", ".join(detail.products))
        self.competitors_edit.setText(", ".join(detail.competitors))
        self.industries_edit.setText(", ".join(detail.industries))
        self.regions_edit.setText(", ".join(detail.regions))
        self.review_check.setChecked(detail.review_by is not None)
        self.review_edit.setEnabled(detail.review_by is not None)
        day = detail.review_by or date.today().replace(year=date.today().year + 1)
        self.review_edit.setDate(QDate(day.year, day.month, day.day))
        self.page_combo.blockSignals(True)
        self.page_combo.clear()
        for number in range(1, len(detail.pages) + 1):
            text = self.tr("Page %1 of %2").replace("%1", str(number))
            text = text.replace("%2", str(len(detail.pages)))
            if number in detail.broken:
                text += " · " + self.tr("garbled")
            self.page_combo.addItem(text, number)
        self.page_combo.blockSignals(False)
        self._show_page_text(0)
        self._set_editor_enabled(True)
        self.archive_button.setEnabled(detail.status != "archived")
        self.save_button.setEnabled(detail.status != "archived")
        self.new_file_button.setEnabled(detail.status == "published")
        self._fill_detail_facts()

    def _fill_detail_facts(self) -> None:
        detail = self.detail
        if detail is None:
            self.facts_label.setText(self.tr("Select an item, or drop files to add drafts."))
            return
        row = next((r for r in self.data.rows if r.item_id == detail.item_id), None)
        views = (
            self.tr("opened %n time(s)", "", row.views)
            + " · "
            + self.tr("by %n person(s)", "", row.viewers)
            if row and row.views
            else self.tr("not opened yet")
        )
        facts = [
            self._status_text(detail.status),
            self.tr("version %1").replace("%1", str(detail.version)),
            views,
        ]
        if detail.history:
            facts.append(self.tr("%n earlier version(s) kept", "", detail.history))
        self.facts_label.setText(" · ".join(facts))

    def _show_page_text(self, index: int) -> None:
        detail = self.detail
        if detail is None or not detail.pages:
            self.preview.setPlainText(self.tr("No text was extracted from this file."))
            return
        number = index + 1
        text = detail.pages[index] if 0 <= index < len(detail.pages) else ""
        if number in detail.broken:
            text = (
                self.tr("This page's text may be garbled: %1").replace("%1", detail.broken[number])
                + "\n\n"
                + text
            )
        self.preview.setPlainText(text)

    def _set_editor_enabled(self, enabled: bool) -> None:
        for widget in (
            self.save_button,
            self.publish_button,
            self.archive_button,
            self.new_file_button,
        ):
            widget.setEnabled(enabled)
        for edit in (
            self.title_edit,
            self.kind_combo,
            self.language_combo,
            self.summary_edit,
            self.products_edit,
            self.competitors_edit,
            self.industries_edit,
            self.regions_edit,
            self.review_check,
        ):
            edit.setEnabled(enabled)

    def edits(self) -> Any:
        from dealkit.engine.content.publishing import ItemEdits

        day = self.review_edit.date()
        return ItemEdits(
            title=self.title_edit.text(),
            kind=self.kind_combo.currentData(),
            summary=self.summary_edit.toPlainText(),
            language=self.language_combo.currentData(),
            products=_split(self.products_edit.text()),
            competitors=_split(self.competitors_edit.text()),
            industries=_split(self.industries_edit.text()),
            regions=_split(self.regions_edit.text()),
            review_by=date(day.year(), day.month(), day.day())
            if self.review_check.isChecked()
            else None,
            clear_review_by=not self.review_check.isChecked(),
        )

    # steps --------------------------------------------------------------------------------------

    def run(self, step: str) -> None:
        """Save the draft, publish or archive the selected item (off the GUI thread)."""
        from dealkit.index.library import local_today

        if self.detail is None:
            return
        workspace = self.context.workspace
        item_id = self.detail.item_id
        edits = self.edits() if step != "archive" else None
        today = local_today()
        self.begin_loading()
        self.context.tasks.run(
            lambda: run_step(workspace, step, item_id, edits, today),
            self._step_done,
            self._failed,
            label=self.tr("Saving…"),
            name=f"publish-{step}",
        )

    def import_paths(self, paths: list[Path]) -> None:
        """Import files as drafts (drop, Add files…)."""
        if not paths:
            return
        workspace = self.context.workspace
        self.begin_loading()
        self.context.tasks.run(
            lambda: import_drafts(workspace, paths),
            self._step_done,
            self._failed,
            label=self.tr("Importing files…"),
            name="publish-import",
        )

    def choose_new_version(self) -> None:
        from dealkit.engine.content.extract import SUPPORTED

        patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED)
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("New file for this item"),
            "",
            self.tr("Documents (%1)").replace("%1", patterns),
        )
        if name:
            self.import_new_version(Path(name))

    def import_new_version(self, path: Path) -> None:
        """Import ``path`` as a draft of the selected item's next version."""
        if self.detail is None:
            return
        workspace, item_id = self.context.workspace, self.detail.item_id
        self.begin_loading()
        self.context.tasks.run(
            lambda: import_new_version(workspace, item_id, path),
            self._step_done,
            self._failed,
            label=self.tr("Importing files…"),
            name="publish-revision",
        )

    def _step_done(self, outcome: StepOutcome) -> None:
        self.end_loading()
        if outcome.error and not outcome.changed:
            self._show_message(outcome.error, error=True)
            return
        step, _, rest = outcome.message.partition(":")
        if step == "import":
            text = self.tr("Imported %n file(s) as draft(s).", "", int(rest or 0))
            if outcome.error:
                text += " " + outcome.error
        else:
            title, _, version = rest.rpartition(":")
            text = (
                {
                    "save": self.tr("Saved “%1”."),
                    "publish": self.tr("Published “%1”, version %2: reps can find it now."),
                    "archive": self.tr("Archived “%1”: it no longer shows in searches."),
                    "revision": self.tr(
                        "Imported the new file as a draft of “%1”: check it, then publish it "
                        "to replace the current version."
                    ),
                }[step]
                .replace("%1", title)
                .replace("%2", version)
            )
        self._show_message(text, error=bool(outcome.error))
        if outcome.changed:
            self.begin_loading()
            self.context.library.update_items(
                outcome.changed,
                lambda _none: self.end_loading(),
                lambda failure: self._failed(failure),
            )
        self.detail = None if outcome.select else self.detail
        self.load(select=outcome.select)

    def _show_message(self, text: str, error: bool = False) -> None:
        self._message, self._message_is_error = text, error
        self._update_status()

    def _update_status(self) -> None:
        if self.load_error:
            text, error = self.tr("Something went wrong: %1").replace("%1", self.load_error), True
        else:
            text, error = self._message, self._message_is_error
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #b3261e;" if error else "color: #1f5f3a;")
        self.status_label.setVisible(bool(text))

    # files --------------------------------------------------------------------------------------

    def choose_files(self) -> None:
        from dealkit.engine.content.extract import SUPPORTED

        patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED)
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add files to the library"),
            "",
            self.tr("Documents (%1)").replace("%1", patterns),
        )
        self.import_paths([Path(n) for n in names])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if self.data.may_publish and any(url.isLocalFile() for url in urls):
            event.acceptProposedAction()
            return
        event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.import_paths(paths)

    def items_count(self) -> int:
        return len(self.data.rows)
