"""The Approvals page: quotes waiting for a decision.

A manager sees the quotes in review from their team; a rep sees their own submitted quotes and
where each stands. Why a quote needs approval is the approvals policy's answer (pricing issue);
until the engine gives one, the page shows none rather than inventing a reason.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop.context import DesktopContext
from dealkit.desktop.pages.page import Page
from dealkit.desktop.quote_detail import QuoteDetail
from dealkit.desktop.quote_rows import ApprovalQueue, load_approval_queue
from dealkit.desktop.quote_table_model import ROW_ROLE, QuoteFilterProxy, QuoteTableModel
from dealkit.desktop.quote_table_view import setup_quote_table
from dealkit.desktop.tasks import TaskFailure


class ApprovalsPage(Page):
    page_id = "approvals"

    def __init__(self, context: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.queue: ApprovalQueue | None = None
        self.model = QuoteTableModel(self, context.babel_locale)
        self.proxy = QuoteFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.explanation = QLabel()
        self.explanation.setProperty("role", "muted")
        self.explanation.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("approvalsTable")
        self.table.setModel(self.proxy)
        setup_quote_table(self.table)
        self.detail = QuoteDetail(context)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.empty_label = QLabel()
        self.empty_label.setProperty("role", "muted")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.empty_label)
        context.languages.language_changed.connect(
            lambda _lang: self.model.set_locale(self.context.babel_locale)
        )
        self.retranslate()

    def title(self) -> str:
        return self.tr("Approvals")

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.model.retranslate()
        self._explain()

    def load(self) -> None:
        self.begin_loading()
        workspace = self.context.workspace
        self.context.tasks.run(
            lambda: load_approval_queue(workspace),
            self._loaded,
            self._failed,
            label=self.tr("Loading approvals…"),
            name="approval-queue",
        )
        self._explain()

    def _loaded(self, queue: ApprovalQueue) -> None:
        self.queue = queue
        self.load_error = None
        self.model.set_rows(queue.rows)
        self.end_loading()
        self._explain()
        self.select_first()

    def _failed(self, failure: TaskFailure) -> None:
        self.load_error = failure.message
        self.end_loading()
        self._explain()

    def _explain(self) -> None:
        queue = self.queue
        if self.load_error:
            self.explanation.setText(
                self.tr("Approvals could not be loaded: %1").replace("%1", self.load_error)
            )
        elif queue is None:
            self.explanation.setText(self.tr("Loading approvals…") if self.is_loading else "")
        elif queue.user is None:
            self.explanation.setText(self.tr("No signed-in user in this workspace."))
        elif queue.as_manager:
            self.explanation.setText(
                self.tr("Quotes from your team waiting for your decision, newest first.")
            )
        else:
            self.explanation.setText(
                self.tr(
                    "Your quotes submitted for approval and where each stands. "
                    "Your manager decides on quotes in review."
                )
            )
        empty = queue is not None and not queue.rows
        self.empty_label.setVisible(empty)
        self.splitter.setVisible(not empty)
        if empty:
            self.empty_label.setText(self.tr("Nothing is waiting for approval."))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.detail.show_quote(current.data(ROW_ROLE) if current.isValid() else None)

    def select_first(self) -> None:
        """Select the top row so its lines show (after loading or filtering)."""
        if self.proxy.rowCount():
            self.table.selectRow(0)
        else:
            self.detail.show_quote(None)
