"""The "Why this needs approval" panel beside the selected quote's lines.

It lists each rule the quote triggered (its name and who approves for it), with what the rule
found under it in the engine's plain words (English data, like every reason the engine writes),
so five lines at 28% read as one rule with five findings; then the approver route: each step's
roles (several roles in one step approve in parallel) and where the step stands. The route is
read-only on purpose: approving and rejecting from the window come with sync, when a decision
can reach the rep.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from dealkit.desktop.approvals.route_text import state_label, step_roles, step_states
from dealkit.desktop.i18n import Retranslating
from dealkit.desktop.quote_rows import QuoteRow

if TYPE_CHECKING:  # the engine's approvals load only when the page checks a queue
    from dealkit.engine.approvals.saved import SavedQuoteCheck


class WhyPanel(Retranslating, QWidget):
    """Shows one quote's approvals check; ``show_check(row, None)`` means "still working"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalWhyPanel")
        self.quote: QuoteRow | None = None
        self.check: SavedQuoteCheck | None = None
        self.heading = QLabel()
        self.heading.setProperty("role", "subheading")
        self.reasons = QLabel()
        self.reasons.setObjectName("approvalReasons")
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.reasons.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.route_heading = QLabel()
        self.route_heading.setProperty("role", "subheading")
        self.route = QLabel()
        self.route.setObjectName("approvalRoute")
        self.route.setWordWrap(True)
        self.route.setTextFormat(Qt.TextFormat.RichText)
        self.route.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.note = QLabel()
        self.note.setProperty("role", "muted")
        self.note.setWordWrap(True)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 8, 0)
        inner.setSpacing(6)
        inner.addWidget(self.reasons)
        inner.addSpacing(6)
        inner.addWidget(self.route_heading)
        inner.addWidget(self.route)
        inner.addWidget(self.note)
        inner.addStretch(1)
        body.setObjectName("approvalWhyBody")
        body.setStyleSheet("#approvalWhyBody { background: transparent; }")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.viewport().setAutoFillBackground(False)
        scroll.setStyleSheet("QScrollArea { background: transparent; }")
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Why this needs approval"))
        self.route_heading.setText(self.tr("Approval route"))
        self.note.setText(
            self.tr("The approvers decide in their own queue; this route is for information.")
        )
        self._show()

    def show_check(self, quote: QuoteRow | None, check: SavedQuoteCheck | None) -> None:
        self.quote = quote
        self.check = check
        self._show()

    def reason_texts(self) -> list[str]:
        """The reasons on show (for tests and accessibility), problem first if any."""
        if self.check is None:
            return []
        return [self.check.problem] if self.check.problem else list(self.check.reasons)

    def _show(self) -> None:
        quote, check = self.quote, self.check
        has_route = check is not None and bool(check.route)
        self.route_heading.setVisible(has_route)
        self.route.setVisible(has_route)
        self.note.setVisible(has_route)
        if quote is None:
            self.reasons.setText(self.tr("Select a quote to see why it needs approval."))
            return
        if check is None:
            self.reasons.setText(self.tr("Working out why…"))
            return
        if check.problem:
            details = "".join(f"<li>{escape(_sentence(p))}</li>" for p in check.problems[1:])
            if details:
                details = f'<ul style="margin-left:-24px">{details}</ul>'
            self.reasons.setText(
                '<p style="color:#b3261e; margin:0">'
                + escape(self.tr("This quote's approvals could not be checked."))
                + "</p><p>"
                + escape(check.problem)
                + "</p>"
                + (
                    f'<ul style="margin-left:-24px">{details}</ul>'
                    if len(check.problems) > 1
                    else ""
                )
            )
            return
        if not check.reasons:
            self.reasons.setText(self.tr("Under the current policy this quote needs no approval."))
            return
        blocks = []
        for hits in check.by_rule:
            who = " → ".join(step_roles(step) for step in hits.steps)
            findings = "".join(f"<li>{escape(_sentence(f))}</li>" for f in hits.findings)
            blocks.append(
                f'<p style="margin:0"><b>{escape(hits.name)}</b>'
                f'<span style="color:#5f6b7a"> · {escape(who)}</span></p>'
                f'<ul style="margin-top:2px;margin-bottom:8px;margin-left:-24px">{findings}</ul>'
            )
        self.reasons.setText("".join(blocks))
        states = step_states(check.status, len(check.route))
        rows = "".join(
            "<tr>"
            f'<td style="padding-right:8px">{position}.</td>'
            f'<td style="padding-right:16px"><b>{escape(step_roles(step))}</b></td>'
            f"<td>{escape(state_label(state, position))}</td>"
            "</tr>"
            for position, (step, state) in enumerate(zip(check.route, states, strict=True), 1)
        )
        self.route.setText(f"<table>{rows}</table>")


def _sentence(reason: str) -> str:
    """The engine's reason with a capital first letter, as a list item reads."""
    return reason[:1].upper() + reason[1:]
