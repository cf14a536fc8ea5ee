"""The Approvals page: quotes waiting for a decision.

A manager sees the quotes in review from their team; a rep sees their own submitted quotes and
where each stands. Why a quote needs approval is the approvals policy's answer, worked out by the
engine (``engine/approvals/saved.py``) on a worker once the queue is listed: the queue's "Why"
column names the rules each quote triggered, and the panel beside the selected quote's lines lists
every reason and the approver route. Under it, the decision box (``approvals/decision_panel``):
a manager approves or sends back a team member's quote with a comment, and everyone sees the
quote's audit trail; a decision is saved here with its outbox entry and ``decided`` asks the
window's sync to send it at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop.approvals.checks import check_queue
from dealkit.desktop.approvals.decision_panel import DecisionPanel
from dealkit.desktop.approvals.queue_model import REASON_COLUMN, ApprovalQueueModel
from dealkit.desktop.approvals.why_panel import WhyPanel
from dealkit.desktop.context import DesktopContext
from dealkit.desktop.pages.page import Page
from dealkit.desktop.quote_detail import QuoteDetail
from dealkit.desktop.quote_rows import ApprovalQueue, load_approval_queue
from dealkit.desktop.quote_table_model import ROW_ROLE, Column, QuoteFilterProxy
from dealkit.desktop.quote_table_view import setup_quote_table
from dealkit.desktop.tasks import TaskFailure

if TYPE_CHECKING:
    from dealkit.engine.approvals.saved import SavedQuoteCheck


class ApprovalsPage(Page):
    page_id = "approvals"
    decided = Signal(str)  # "Q-2026-0007 v2": a decision saved here, to sync

    def __init__(self, context: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.queue: ApprovalQueue | None = None
        self._checks_seq = 0
        self.model = ApprovalQueueModel(self, context.babel_locale)
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
        header = self.table.horizontalHeader()
        # The reason gets the spare width: the quote name mostly repeats the customer (its
        # tooltip and the lines' title still show it) and the version is in the lines' title.
        self.table.setColumnHidden(Column.NAME, True)
        self.table.setColumnHidden(Column.VERSION, True)
        header.setSectionResizeMode(Column.CUSTOMER, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(Column.CUSTOMER, 200)
        self.table.setColumnWidth(Column.OWNER, 120)
        header.setSectionResizeMode(REASON_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.detail = QuoteDetail(context, wrap_title=True)
        self.why = WhyPanel()
        self.decision = DecisionPanel(context)
        self.decision.decided.connect(self._decided)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.why, 1)
        left_column.addWidget(self.decision)
        self.bottom = QSplitter(Qt.Orientation.Horizontal)
        self.bottom.setChildrenCollapsible(False)
        self.bottom.addWidget(left)
        self.bottom.addWidget(self.detail)
        self.bottom.setStretchFactor(0, 1)
        self.bottom.setStretchFactor(1, 1)
        self.bottom.setSizes([460, 580])
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.bottom)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([200, 450])
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
        # A rep's queue is all their own quotes, a manager's all in review: the column that would
        # say the same on every row gives its width to "Why".
        self.table.setColumnHidden(Column.OWNER, not queue.as_manager)
        self.table.setColumnHidden(Column.STATUS, queue.as_manager)
        self.end_loading()
        self._explain()
        self.select_first()
        self._check_rows()

    def _check_rows(self) -> None:
        """Work out every listed quote's reasons on a worker (pricing each takes a moment)."""
        self._checks_seq += 1
        seq = self._checks_seq
        rows = self.model.rows()
        if not rows:
            self.model.set_checks({})
            return
        self.begin_loading()
        workspace = self.context.workspace
        self.context.tasks.run(
            lambda: check_queue(workspace, rows),
            lambda checks: self._checked(seq, checks),
            lambda failure: self._check_failed(seq, failure),
            label=self.tr("Working out why each quote needs approval…"),
            name="approval-reasons",
        )

    def _checked(self, seq: int, checks: dict[str, SavedQuoteCheck]) -> None:
        self.end_loading()
        if seq != self._checks_seq:
            return
        self.model.set_checks(checks)
        self._show_why(self.table.currentIndex())

    def _check_failed(self, seq: int, failure: TaskFailure) -> None:
        self.end_loading()
        if seq != self._checks_seq:
            return
        from dealkit.engine.approvals.saved import SavedQuoteCheck

        problem = self.tr("The reasons could not be worked out: %1").replace("%1", failure.message)
        self.model.set_checks(
            {
                row.id: SavedQuoteCheck(row.number, row.version, row.status.value, None, problem)
                for row in self.model.rows()
            }
        )
        self._show_why(self.table.currentIndex())

    def _show_why(self, current: QModelIndex) -> None:
        row = current.data(ROW_ROLE) if current.isValid() else None
        if row is None:
            self.why.show_check(None, None)
        elif not self.model.checked:
            self.why.show_check(row, None)
        else:
            check = self.model.check_for(row.id)
            self.why.show_check(row, check)

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
        row = current.data(ROW_ROLE) if current.isValid() else None
        self.detail.show_quote(row)
        self.decision.show_quote(row)
        self._show_why(current)

    def _decided(self, which: str) -> None:
        self.context_toast(self.tr("%1: your decision is saved.").replace("%1", which))
        self.decided.emit(which)
        self.load()  # decided: the quote leaves a manager's queue

    def context_toast(self, text: str) -> None:
        window = self.window()
        toast = getattr(window, "toast", None)
        if toast is not None:
            toast.show_message(text)

    def select_first(self) -> None:
        """Select the top row so its lines show (after loading or filtering)."""
        if self.proxy.rowCount():
            self.table.selectRow(0)
        else:
            self.detail.show_quote(None)
            self.decision.show_quote(None)
            self.why.show_check(None, None)
