"""The Approvals page's decision box: approve or send back with a comment, and the audit trail.

A manager sees Approve and Send back on a team member's quote in review; anyone else sees why
they cannot decide (the access policy's own sentence: "you cannot decide on your own quote").
Under it, every decision ever made on the quote number (all versions), oldest first, so the rep
and the manager read the same trail; a decision made on this laptop and not yet confirmed by the
server says so. Reading the trail and deciding run on the window's TaskRunner
(``engine/approvals/decisions.py`` does the work), never on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop.context import DesktopContext
from dealkit.desktop.i18n import Retranslating
from dealkit.desktop.quote_rows import QuoteRow
from dealkit.desktop.tasks import TaskFailure

CURRENT_USER_KEY = "current_user_id"


@dataclass(frozen=True)
class DecisionView:
    """What the box shows for one quote version (read on a worker)."""

    quote_id: str
    trail: list[Any]  # approvals.decisions.DecisionEntry
    refusal: str | None  # None: the signed-in user may decide now
    own: bool = False  # the signed-in user owns the quote (a rep looking at their own)


def load_decision_view(workspace: Any, quote_id: str) -> DecisionView:
    """Worker: the quote's trail and whether this laptop's user may decide on it."""
    from dealkit.engine.access import load_principal
    from dealkit.engine.approvals.decisions import trail, why_not
    from dealkit.engine.store.models import Quote, User

    with workspace.store.session() as session:
        quote = session.get(Quote, quote_id)
        if quote is None:
            return DecisionView(quote_id, [], "this quote is no longer in the workspace")
        user_id = workspace.info(CURRENT_USER_KEY)
        user = session.get(User, user_id) if user_id else None
        refusal = "sign in to decide" if user is None else None
        if user is not None:
            refusal = why_not(session, load_principal(session, user), quote_id)
        own = user is not None and quote.owner_id == user.id
        return DecisionView(quote_id, trail(session, quote.number), refusal, own)


def make_decision(workspace: Any, quote_id: str, kind: str, comment: str) -> str:
    """Worker: record the decision (and its outbox entry) in one transaction; the quote number."""
    from dealkit.engine.access import load_principal
    from dealkit.engine.approvals.decisions import decide
    from dealkit.engine.store.models import User

    with workspace.store.session() as session, session.begin():
        user = session.get(User, workspace.info(CURRENT_USER_KEY) or "")
        if user is None:
            from dealkit.engine.approvals.decisions import DecisionRefused

            raise DecisionRefused("sign in to decide on quotes")
        row = decide(session, load_principal(session, user), quote_id, kind, comment)
        return f"{row.quote_number} v{row.quote_version}"


class DecisionPanel(Retranslating, QWidget):
    """Signals: ``decided(str)`` with "Q-2026-0007 v2" after a decision was saved here."""

    decided = Signal(str)

    def __init__(self, context: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalDecisionPanel")
        self.context = context
        self.quote: QuoteRow | None = None
        self.view: DecisionView | None = None
        self.busy = False
        self._seq = 0
        self.heading = QLabel()
        self.heading.setProperty("role", "subheading")
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("decisionComment")
        self.comment.setFixedHeight(64)
        self.approve_button = QPushButton()
        self.approve_button.setObjectName("approveButton")
        self.approve_button.setProperty("role", "primary")
        self.approve_button.clicked.connect(lambda: self._decide("approve"))
        self.reject_button = QPushButton()
        self.reject_button.setObjectName("rejectButton")
        self.reject_button.clicked.connect(lambda: self._decide("reject"))
        self.notice = QLabel()
        self.notice.setObjectName("decisionNotice")
        self.notice.setProperty("role", "muted")
        self.notice.setWordWrap(True)
        self.trail_heading = QLabel()
        self.trail_heading.setProperty("role", "subheading")
        self.trail = QLabel()
        self.trail.setObjectName("decisionTrail")
        self.trail.setWordWrap(True)
        self.trail.setTextFormat(Qt.TextFormat.RichText)
        self.trail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.comment)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)
        layout.addWidget(self.trail_heading)
        layout.addWidget(self.trail)
        self.comment.textChanged.connect(self._enable)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Your decision"))
        self.comment.setPlaceholderText(
            self.tr("A comment for the rep (needed to send the quote back)")
        )
        self.approve_button.setText(self.tr("Approve"))
        self.reject_button.setText(self.tr("Send back"))
        self.approve_button.setToolTip(self.tr("Approve this version; the rep can send it"))
        self.reject_button.setToolTip(
            self.tr("Send this version back to draft with your comment, for the rep to revise")
        )
        self.trail_heading.setText(self.tr("Decisions"))
        self._show()

    # loading -----------------------------------------------------------------------------------

    def show_quote(self, quote: QuoteRow | None) -> None:
        self.quote = quote
        self.view = None
        self._seq += 1
        self._show()
        if quote is None:
            return
        seq, workspace, quote_id = self._seq, self.context.workspace, quote.id
        self.context.tasks.run(
            lambda: load_decision_view(workspace, quote_id),
            lambda view: self._loaded(seq, view),
            lambda failure: self._load_failed(seq, failure),
            name="approval-decisions",
        )

    def _loaded(self, seq: int, view: DecisionView) -> None:
        if seq == self._seq:
            self.view = view
            self._show()

    def _load_failed(self, seq: int, failure: TaskFailure) -> None:
        if seq == self._seq:
            self.view = DecisionView(self.quote.id if self.quote else "", [], failure.message)
            self._show()

    # deciding ----------------------------------------------------------------------------------

    def _decide(self, kind: str) -> None:
        if self.quote is None or self.busy:
            return
        self.busy = True
        self._enable()
        workspace, quote_id = self.context.workspace, self.quote.id
        comment = self.comment.toPlainText()
        self.context.tasks.run(
            lambda: make_decision(workspace, quote_id, kind, comment),
            self._decided,
            self._refused,
            label=self.tr("Saving your decision…"),
            name="approval-decide",
        )

    def _decided(self, which: str) -> None:
        self.busy = False
        self.comment.clear()
        self.decided.emit(which)

    def _refused(self, failure: TaskFailure) -> None:
        self.busy = False
        self.notice.setText(failure.message)
        self._enable()

    # showing -----------------------------------------------------------------------------------

    def _enable(self) -> None:
        allowed = self.view is not None and self.view.refusal is None and not self.busy
        self.approve_button.setEnabled(allowed)
        self.reject_button.setEnabled(allowed and bool(self.comment.toPlainText().strip()))
        self.comment.setEnabled(allowed)

    def _show(self) -> None:
        view = self.view
        can = view is not None and view.refusal is None
        for widget in (self.heading, self.comment, self.approve_button, self.reject_button):
            widget.setVisible(can)
        self.notice.setToolTip("")
        if self.quote is None:
            self.notice.setText("")
        elif view is None:
            self.notice.setText(self.tr("Loading decisions…"))
        elif view.refusal is not None and view.own:
            self.notice.setText(
                self.tr("Your manager decides on this quote; their decision and comment show here.")
            )
            self.notice.setToolTip(view.refusal)
        elif view.refusal is not None:
            self.notice.setText(view.refusal[:1].upper() + view.refusal[1:])
        else:
            self.notice.setText(
                self.tr("Your decision goes to the rep at the next sync (at once when online).")
            )
        self._enable()
        entries = view.trail if view is not None else []
        self.trail_heading.setVisible(bool(entries))
        self.trail.setVisible(bool(entries))
        self.trail.setText("".join(self._entry_html(e) for e in entries))

    def trail_texts(self) -> list[str]:
        """The trail's lines as plain text (tests, accessibility)."""
        entries = self.view.trail if self.view is not None else []
        return [self._entry_text(e) for e in entries]

    def _entry_text(self, entry: Any) -> str:
        what = self.tr("Approved") if entry.decision.value == "approve" else self.tr("Sent back")
        when = entry.decided_at.astimezone().strftime("%Y-%m-%d %H:%M")
        text = (
            self.tr("%1 v%2 by %3, %4")
            .replace("%1", what)
            .replace("%2", str(entry.quote_version))
            .replace("%3", entry.approver)
            .replace("%4", when)
        )
        if entry.pending:
            text += " · " + self.tr("waiting to sync")
        return text

    def _entry_html(self, entry: Any) -> str:
        color = "#1b7f3b" if entry.decision.value == "approve" else "#b3261e"
        comment = (
            f'<br><span style="color:#3c4656">“{escape(entry.comment)}”</span>'
            if entry.comment
            else ""
        )
        return (
            f'<p style="margin:0 0 6px 0"><b style="color:{color}">'
            f"{escape(self._entry_text(entry))}</b>{comment}</p>"
        )
