"""The Review step of the Quote wizard: what the quote adds up to, what approvals it needs, submit.

The approvals policy (``engine/approvals``) is evaluated on the draft and its price (it follows
``draft.priced_changed``): each rule the quote triggers is listed with what it found, in the
engine's plain words with the figure against the limit ("line 1 [L1] (SRV-R7): discount 30% is
above the limit of 20%"), and the approvers step by step (roles in one step approve in
parallel), through the Approvals page's ``WhyPanel``. Above it, a summary of the totals (each
figure says how it is made in its tooltip), the alternatives and the non-standard terms.

"Submit for approval" moves the quote to in review (or straight to approved when the policy asks
for nothing) and saves it on a worker (``review_submit.py``). Once the quote was approved, a
later change is checked against what was approved (``approvals.reapproval``): only values that
got worse go back to their approvers, and the step says which and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop.approvals.route_text import step_roles
from dealkit.desktop.approvals.why_panel import WhyPanel
from dealkit.desktop.context import DesktopContext
from dealkit.desktop.quote_rows import QuoteRow
from dealkit.desktop.quote_wizard.basis_step import TermsBasisStep
from dealkit.desktop.quote_wizard.draft import QuoteDraft
from dealkit.desktop.quote_wizard.pricing_basis import quote_day
from dealkit.desktop.quote_wizard.review_submit import submit_quote
from dealkit.desktop.quote_wizard.terms_redline import non_standard_html
from dealkit.desktop.tasks import TaskFailure
from dealkit.engine.approvals import (
    ApprovalRecord,
    Policy,
    QuoteCheck,
    check_quote,
    default_policy,
)
from dealkit.engine.approvals.saved import SavedQuoteCheck
from dealkit.engine.money import Money
from dealkit.engine.pricing.errors import PricingError
from dealkit.engine.pricing.priced import QuotePrice
from dealkit.engine.quotes.document import QuoteDocument, Status
from dealkit.engine.store.models import QuoteStatus
from dealkit.engine.terms import ClauseLibrary, standard_library

APPROVED_STATES = (Status.APPROVED, Status.SENT, Status.WON)


@dataclass(frozen=True)
class ReviewFigure:
    """One figure of the summary: its label, the amount as shown, and how it is made."""

    key: str
    label: str
    text: str
    explanation: str


class ReviewStep(TermsBasisStep):
    """Totals, approvals needed and why, and Submit (see the module docstring)."""

    submitted = Signal(object)  # QuoteDocument as saved after a submission
    task_name = "review-basis"

    def __init__(
        self,
        context: DesktopContext,
        draft: QuoteDraft,
        parent: QWidget | None = None,
        policy: Policy | None = None,
        library: ClauseLibrary | None = None,
    ) -> None:
        super().__init__(context, draft, parent)
        self.setObjectName("reviewStep")
        self.context = context
        self.draft = draft
        self.policy = policy or default_policy()
        self.library = library or standard_library()
        self.check: QuoteCheck | None = None
        self.problems: list[str] = []
        self.approval: ApprovalRecord | None = None
        self._approved_doc: QuoteDocument | None = None  # the document the approval saw
        self.figures: list[ReviewFigure] = []
        self._submitting = False
        self._refreshed_with: tuple[object, ...] | None = None  # what the last refresh saw

        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.quote_line = QLabel()
        self.quote_line.setObjectName("reviewQuoteLine")
        self.quote_line.setProperty("role", "muted")
        self.totals_box = QFrame()
        self.totals_box.setObjectName("reviewTotals")
        self.totals_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.totals_grid = QGridLayout(self.totals_box)
        self.totals_grid.setHorizontalSpacing(18)
        self.extras = QTextBrowser()
        self.extras.setObjectName("reviewExtras")
        self.extras.setOpenLinks(False)
        self.verdict = QLabel()
        self.verdict.setObjectName("approvalVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.why = WhyPanel()
        self.reapproval = QLabel()
        self.reapproval.setObjectName("reapproval")
        self.reapproval.setWordWrap(True)
        self.reapproval.setTextFormat(Qt.TextFormat.RichText)
        self.reapproval.hide()
        self.submit_button = QPushButton()
        self.submit_button.setObjectName("submitForApproval")
        self.submit_button.setProperty("role", "primary")
        self.submit_button.clicked.connect(self.submit)
        self.status = QLabel()
        self.status.setObjectName("reviewStatus")
        self.status.setWordWrap(True)

        left = QVBoxLayout()
        left.addWidget(self.totals_box)
        left.addWidget(self.extras, 1)
        right = QVBoxLayout()
        right.addWidget(self.verdict)
        right.addWidget(self.reapproval)
        right.addWidget(self.why, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.quote_line)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)

        # hidden (another step is current), the totals and checks wait until shown
        draft.priced_changed.connect(lambda _priced: self.when_shown("refresh", self.refresh))
        draft.saved.connect(lambda _doc: self._remember_approval())
        self.retranslate()

    # the step contract ---------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Review")

    def enter(self) -> None:
        if self.basis is not None and self.basis.covers(self.draft.document):
            if not self._shows_current():  # showing may just have refreshed it (when_shown)
                self.refresh()
        else:
            self._load_basis()

    def _shows_current(self) -> bool:
        """True when the last refresh saw this very draft, price, basis and approval."""
        seen = self._refreshed_with
        now = (self.draft.document, self.draft.priced, self.basis, self.approval)
        return seen is not None and all(a is b for a, b in zip(seen, now, strict=True))

    def validate(self) -> list[str]:
        """The proposal needs a priced quote whose terms assemble; approval is not required to
        preview or save a proposal (the status says where the quote stands)."""
        if self.draft.priced is None:
            return [str(p) for p in self.draft.problems] or [
                self.tr("The quote has no price yet: go back to the Price step.")
            ]
        return list(self.problems)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Review and submit"))
        self.when_shown("refresh", self.refresh)

    # what the rep does ---------------------------------------------------------------------------

    def needs_approval(self) -> bool:
        if self.check is None:
            return False
        if self.check.recheck is not None:
            return bool(self.check.recheck.needed)
        return self.check.evaluation.needs_approval

    def submit(self) -> None:
        """Move the quote on (in review, or approved when nothing needs approving) and save it."""
        doc, priced, check = self.draft.document, self.draft.priced, self.check
        if priced is None or check is None or self._submitting:
            return
        self._submitting = True
        self._update_button()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Submitting…"))
        workspace = self.context.workspace
        today = quote_day(workspace)  # the demo's anchor day in a demo workspace, as the wizard
        self.context.tasks.run(
            lambda: submit_quote(workspace, doc, priced, check, today),
            self._submitted,
            self._submit_failed,
            label=self.tr("Submitting the quote…"),
            name="quote-submit",
            owner=self,
        )

    def set_approval(self, record: ApprovalRecord | None) -> None:
        """What was approved before (from the approver's decision); changes are rechecked."""
        self.approval = record
        self._approved_doc = None  # compared by values only
        self.refresh()

    # showing -------------------------------------------------------------------------------------

    def refresh(self) -> None:
        if not hasattr(self, "submit_button"):
            return
        doc, priced = self.draft.document, self.draft.priced
        self.quote_line.setText(self._quote_line(doc))
        self.check, self.problems = None, []
        if priced is None:
            self.problems = [str(p) for p in self.draft.problems]
        elif self.basis is not None:
            approved = self.approval if self._changed_since_approval() else None
            try:
                self.check = check_quote(
                    doc, priced, self.policy, self.library, self.basis.region, approved
                )
            except PricingError as error:
                self.problems = [str(p) for p in error.problems]
        self._show_totals(priced)
        self._show_extras(doc, priced)
        self._show_approvals(doc)
        self._update_button()
        self._refreshed_with = (doc, priced, self.basis, self.approval)

    def reason_texts(self) -> list[str]:
        return self.why.reason_texts()

    # inside --------------------------------------------------------------------------------------

    def _basis_label(self) -> str:
        return self.tr("Checking the approvals policy…")

    def _basis_failure_text(self, message: str) -> str:
        return self.tr("Could not read the customer and products: %1").replace("%1", message)

    def _show_basis_failure(self, text: str) -> None:
        self.status.setText(text)

    def _basis_ready(self) -> None:
        self._remember_approval()
        self.refresh()

    def _remember_approval(self) -> None:
        """An approved version that is the draft as saved is the baseline for re-approval."""
        doc, priced = self.draft.document, self.draft.priced
        if (
            doc.status not in APPROVED_STATES
            or not self.draft.undo_stack.isClean()
            or priced is None
            or self.basis is None
        ):
            return
        try:
            result = check_quote(doc, priced, self.policy, self.library, self.basis.region)
        except PricingError:
            return
        roles = tuple(role for step in result.evaluation.route for role in step)
        self.approval = ApprovalRecord.of(
            result.evaluation, doc.number, doc.version, doc.date, roles
        )
        self._approved_doc = doc

    def _changed_since_approval(self) -> bool:
        doc = self.draft.document
        return (
            self.approval is not None
            and doc.status in APPROVED_STATES
            and doc != self._approved_doc
        )

    def _money(self, amount: Decimal, currency: str) -> str:
        return Money(amount, currency).format(self.context.babel_locale)

    def _quote_line(self, doc: QuoteDocument) -> str:
        number = doc.number or self.tr("New quote")
        status = self._status_name(doc.status)
        text = self.tr("%1 v%2 · %3 · %4").replace("%1", number)
        return (
            text.replace("%2", str(doc.version))
            .replace("%3", doc.customer.name)
            .replace("%4", status)
        )

    def _status_name(self, status: Status) -> str:
        from dealkit.desktop import labels

        return labels.quote_status(QuoteStatus(status.value))

    def _show_totals(self, priced: QuotePrice | None) -> None:
        while self.totals_grid.count():
            item = self.totals_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.figures = []
        if priced is None:
            label = QLabel(self.tr("The quote cannot be priced yet."))
            label.setWordWrap(True)
            self.totals_grid.addWidget(label, 0, 0)
            return
        t, c = priced.totals, priced.currency
        m = self._money
        self.figures = [
            ReviewFigure(
                "list",
                self.tr("List price"),
                m(t.list, c),
                self.tr(
                    "Sum of list price × quantity over %n line(s), options included", "", t.lines
                ),
            ),
            ReviewFigure(
                "discount",
                self.tr("Discount"),
                f"{m(t.discount, c)} ({t.discount_percent}%)",
                self.tr("List price %1 minus net %2")
                .replace("%1", m(t.list, c))
                .replace("%2", m(t.net, c)),
            ),
            ReviewFigure(
                "one_time",
                self.tr("One-time"),
                m(t.one_time, c),
                self.tr("Net of the hardware and service lines"),
            ),
            ReviewFigure(
                "recurring",
                self.tr("Recurring"),
                m(t.recurring, c),
                self.tr("Subscriptions over their whole term: MRR %1, ARR %2")
                .replace("%1", m(t.mrr, c))
                .replace("%2", m(t.arr, c)),
            ),
            ReviewFigure(
                "tcv",
                self.tr("Total contract value"),
                m(t.tcv, c),
                self.tr("One-time %1 + recurring %2")
                .replace("%1", m(t.one_time, c))
                .replace("%2", m(t.recurring, c)),
            ),
            ReviewFigure(
                "margin",
                self.tr("Margin"),
                f"{m(t.margin, c)} ({t.margin_percent}%)",
                self.tr("Net %1 minus cost %2")
                .replace("%1", m(t.net, c))
                .replace("%2", m(t.cost, c)),
            ),
        ]
        for row, figure in enumerate(self.figures):
            name = QLabel(figure.label)
            value = QLabel(figure.text)
            value.setObjectName(f"reviewFigure_{figure.key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            for label in (name, value):
                label.setToolTip(figure.explanation)
            if figure.key == "tcv":
                font = value.font()
                font.setBold(True)
                value.setFont(font)
                name.setFont(font)
            self.totals_grid.addWidget(name, row, 0)
            self.totals_grid.addWidget(value, row, 1)

    def _show_extras(self, doc: QuoteDocument, priced: QuotePrice | None) -> None:
        parts = []
        if priced is not None:
            alternatives = priced.alternative_totals()
            if alternatives:
                selected = escape(self.tr("selected"))
                heading = escape(self.tr("Alternatives the customer chooses from"))
                option = escape(self.tr("Option"))
                option_net = escape(self.tr("Option net"))
                with_it = escape(self.tr("Quote with it"))
                rows = "".join(
                    "<tr>"
                    f"<td>{escape(alt.group)}"
                    + (f" <b>({selected})</b>" if alt.selected else "")
                    + "</td>"
                    f'<td align="right">{escape(self._money(alt.own.net, priced.currency))}</td>'
                    f'<td align="right">'
                    f"{escape(self._money(alt.with_base.tcv, priced.currency))}</td>"
                    "</tr>"
                    for alt in alternatives
                )
                parts.append(
                    f"<p><b>{heading}</b></p>"
                    "<table cellpadding='3'>"
                    f"<tr><th align='left'>{option}</th>"
                    f"<th align='right'>{option_net}</th>"
                    f"<th align='right'>{with_it}</th></tr>"
                    f"{rows}</table>"
                )
        if self.check is not None:
            terms = self.check.terms
            if terms.non_standard:
                heading = escape(self.tr("Non-standard terms"))
                parts.append(
                    f"<p><b>{heading}</b></p>"
                    + non_standard_html(terms, self.tr("taken out"), self.tr("edited"))
                )
            else:
                heading = escape(self.tr("Terms"))
                parts.append(
                    f"<p><b>{heading}</b>: "
                    + escape(self.tr("%n clause(s), all standard.", "", len(terms.clauses)))
                    + "</p>"
                )
        if self.problems:
            parts.append(
                '<p style="color:#b3261e">'
                + "<br>".join(escape(problem) for problem in self.problems)
                + "</p>"
            )
        self.extras.setHtml("".join(parts))

    def _show_approvals(self, doc: QuoteDocument) -> None:
        check = self.check
        self.reapproval.hide()
        if check is None:
            self.verdict.setText(
                self.tr("Checking the approvals policy…")
                if self._loading or (self.basis is None and not self.problems)
                else self.tr("The approvals cannot be checked until the quote is priced.")
            )
            self.why.show_check(None, None)
            return
        row = QuoteRow(
            id="",
            number=doc.number,
            version=doc.version,
            customer=doc.customer.name,
            name=doc.name,
            status=QuoteStatus(doc.status.value),
            total=Money(self.draft.priced.totals.net, doc.currency),
            quote_date=doc.date,
            owner=doc.owner,
            owner_id="",
            line_count=len(doc.lines),
        )
        saved = SavedQuoteCheck(doc.number, doc.version, doc.status.value, check)
        self.why.show_check(row, saved)
        if check.recheck is not None:
            self._show_reapproval(check)
        if doc.status is Status.IN_REVIEW:
            self.verdict.setText(self.tr("Submitted: waiting for the approvers below."))
        elif doc.status in APPROVED_STATES and check.recheck is None:
            self.verdict.setText(self.tr("Approved: the quote can be sent."))
        elif self.needs_approval():
            route = " › ".join(step_roles(step) for step in self._route())  # then
            self.verdict.setText(
                self.tr("This quote needs approval before it is sent: %1.").replace("%1", route)
            )
        else:
            self.verdict.setText(
                self.tr(
                    "No approval needed: under the current policy this quote can go straight "
                    "to the customer."
                )
            )
        color = "#b3261e" if self.needs_approval() and doc.status is Status.DRAFT else "#1d3f63"
        self.verdict.setStyleSheet(f"font-weight:600; color:{color}")

    def _route(self) -> tuple[tuple[str, ...], ...]:
        if self.check is None:
            return ()
        if self.check.recheck is not None:
            return self.check.recheck.route
        return self.check.evaluation.route

    def _show_reapproval(self, check: QuoteCheck) -> None:
        again = check.recheck
        if again is None:
            return
        items = "".join(
            f"<li>{escape(requirement.finding or requirement.reason)} "
            f'<span style="color:#5f6b7a">({escape(why)})</span></li>'
            for requirement, why in again.needed
        )
        approved_at = self.tr("approved at %1")
        kept = "".join(
            f"<li>{escape(requirement.finding or requirement.reason)} "
            f'<span style="color:#5f6b7a">'
            f"({escape(approved_at.replace('%1', value.value))})</span></li>"
            for requirement, value in again.covered
        )
        changed = escape(self.tr("Changed since it was approved"))
        html = f"<p><b>{changed}</b></p>"
        if items:
            again_text = escape(self.tr("Needs approval again:"))
            html += f"<p>{again_text}</p><ul>{items}</ul>"
        else:
            nothing = escape(self.tr("Nothing got worse: no new approval is needed."))
            html += f"<p>{nothing}</p>"
        if kept:
            still = escape(self.tr("Still covered by the approval:"))
            html += f"<p>{still}</p><ul>{kept}</ul>"
        self.reapproval.setText(html)
        self.reapproval.show()

    def _update_button(self) -> None:
        doc = self.draft.document
        can_move = doc.status is Status.DRAFT or (
            doc.status is Status.APPROVED and self._changed_since_approval()
        )
        self.submit_button.setEnabled(self.check is not None and not self._submitting and can_move)
        if self.needs_approval() or self.check is None:
            self.submit_button.setText(self.tr("&Submit for approval"))
        else:
            self.submit_button.setText(self.tr("&Mark approved"))
        self.submit_button.setToolTip(
            self.tr("Save the quote and send it to its approvers")
            if self.needs_approval()
            else self.tr("Save the quote as approved: nothing in it needs approval")
        )

    def _submitted(self, saved: QuoteDocument) -> None:
        self._submitting = False
        self.draft.mark_saved(saved)
        self.status.setStyleSheet("")
        if saved.status is Status.IN_REVIEW:
            text = self.tr("%1 v%2 is in review.")
        else:
            text = self.tr("%1 v%2 is approved and can be sent.")
        self.status.setText(text.replace("%1", saved.number).replace("%2", str(saved.version)))
        self.refresh()
        self.submitted.emit(saved)

    def _submit_failed(self, failure: TaskFailure) -> None:
        self._submitting = False
        error = failure.error
        if isinstance(error, PricingError):
            message = "; ".join(str(p) for p in error.problems)
        else:
            message = failure.message
        self.status.setStyleSheet("color:#b3261e")
        self.status.setText(
            self.tr("The quote was not submitted (nothing was saved): %1").replace("%1", message)
        )
        self._update_button()
