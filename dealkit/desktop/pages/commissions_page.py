"""The Commissions page: what the signed-in rep has earned in a period, why, and how to question it.

From the top: the period to look at (the running one by default) and "Save statement PDF…";
quota, attainment, earnings and pace; attainment against quota as a chart over the period, next
to SPIF progress; the statement, whose lines open to show the engine's trace in plain words and
the credits behind them, each with "Question…"; and the rep's questions with their threads.
Reps trust what they can check, so every figure here comes with its explanation.

All the work (the calculation, writing a question, rendering a PDF) runs on the task runner; the
page only shows what comes back.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from babel.numbers import format_compact_currency
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop import labels
from dealkit.desktop.commission_summary import CommissionSummary, load_commission_summary
from dealkit.desktop.commissions.actions import (
    SavedStatement,
    raise_question,
    write_statement_pdf,
)
from dealkit.desktop.commissions.disputes_view import DisputesTree
from dealkit.desktop.commissions.question_dialog import Question, QuestionDialog
from dealkit.desktop.commissions.statement_tree import StatementTree
from dealkit.desktop.context import DesktopContext
from dealkit.desktop.pages.page import Page
from dealkit.desktop.spif_words import spif_progress_text
from dealkit.desktop.tasks import TaskFailure
from dealkit.widgets.money_label import MoneyLabel
from dealkit.widgets.progress_chart import ChartPoint, ProgressChart


def _percent(value: Decimal, babel_locale: str) -> str:
    from babel.numbers import format_percent

    return format_percent(value / 100, format="#,##0.0%", locale=babel_locale)


def _whole_percent(value: Decimal, babel_locale: str) -> str:
    from babel.numbers import format_percent

    return format_percent(value / 100, format="#,##0%", locale=babel_locale)


class FigureCard(QFrame):
    """A headline figure: a caption above a large amount, with an optional detail line."""

    def __init__(self, object_name: str, value: QLabel | None = None) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.setProperty("role", "card")
        self.caption = QLabel()
        self.caption.setProperty("role", "caption")
        self.value = value if value is not None else MoneyLabel()
        self.value.setProperty("role", "figure")
        self.value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.detail = QLabel()
        self.detail.setProperty("role", "muted")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(4)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)


def _card(object_name: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName(object_name)
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(18, 14, 18, 14)
    layout.setSpacing(8)
    return frame, layout


class CommissionsPage(Page):
    page_id = "commissions"
    dispute_raised = Signal(str)  # the new dispute's id, once it is stored and listed
    statement_saved = Signal(object)  # SavedStatement

    def __init__(self, context: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.summary: CommissionSummary | None = None
        self.chosen_period: str | None = None  # None: the period running now
        self._filling_periods = False
        self._pending_select: str | None = None  # a dispute to show once the list reloads
        self.question_dialog: QuestionDialog | None = None

        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.subtitle = QLabel()
        self.subtitle.setProperty("role", "muted")
        self.subtitle.setWordWrap(True)
        self.period_label = QLabel()
        self.period_box = QComboBox()
        self.period_box.setObjectName("periodBox")
        self.period_box.setMinimumWidth(190)
        self.period_box.currentIndexChanged.connect(self._period_chosen)
        self.save_pdf_button = QPushButton()
        self.save_pdf_button.setObjectName("saveStatementButton")
        self.save_pdf_button.clicked.connect(self._ask_pdf_path)
        header = QHBoxLayout()
        header.setSpacing(10)
        header.addWidget(self.heading)
        header.addStretch(1)
        header.addWidget(self.period_label)
        header.addWidget(self.period_box)
        header.addWidget(self.save_pdf_button)

        self.quota_card = FigureCard("quotaCard")
        self.attainment_card = FigureCard("attainmentCard")
        self.attainment_bar = QProgressBar()
        self.attainment_bar.setTextVisible(False)
        self.attainment_bar.setRange(0, 100)
        self.attainment_bar.setFixedHeight(8)
        self.attainment_card.layout().insertWidget(3, self.attainment_bar)
        self.earnings_card = FigureCard("earningsCard")
        self.pace_card = FigureCard("paceCard", QLabel())
        cards = QHBoxLayout()
        cards.setSpacing(16)
        for card in (self.quota_card, self.attainment_card, self.earnings_card, self.pace_card):
            cards.addWidget(card, 1)

        chart_card, chart_layout = _card("attainmentChartCard")
        self.chart_heading = QLabel()
        self.chart_heading.setProperty("role", "strong")
        self.chart = ProgressChart()
        self.chart.setObjectName("attainmentChart")
        self.chart.setMinimumHeight(230)
        chart_layout.addWidget(self.chart_heading)
        chart_layout.addWidget(self.chart, 1)

        spif_card, spif_outer = _card("spifCard")
        self.spif_heading = QLabel()
        self.spif_heading.setProperty("role", "strong")
        self.spif_box = QWidget()
        self.spif_layout = QGridLayout(self.spif_box)
        self.spif_layout.setContentsMargins(0, 0, 0, 0)
        self.spif_layout.setHorizontalSpacing(12)
        self.spif_layout.setVerticalSpacing(6)
        self.notes_label = QLabel()
        self.notes_label.setProperty("role", "muted")
        self.notes_label.setWordWrap(True)
        self.breakdown_heading = QLabel()
        self.breakdown_heading.setProperty("role", "strong")
        self.breakdown_box = QWidget()
        self.breakdown_layout = QGridLayout(self.breakdown_box)
        self.breakdown_layout.setContentsMargins(0, 0, 0, 0)
        self.breakdown_layout.setHorizontalSpacing(12)
        self.breakdown_layout.setVerticalSpacing(4)
        spif_outer.addWidget(self.spif_heading)
        spif_outer.addWidget(self.spif_box)
        spif_outer.addSpacing(10)
        spif_outer.addWidget(self.breakdown_heading)
        spif_outer.addWidget(self.breakdown_box)
        spif_outer.addStretch(1)
        spif_outer.addWidget(self.notes_label)
        middle = QHBoxLayout()
        middle.setSpacing(16)
        middle.addWidget(chart_card, 3)
        middle.addWidget(spif_card, 2)

        self.lines_heading = QLabel()
        self.lines_heading.setProperty("role", "subheading")
        self.lines_hint = QLabel()
        self.lines_hint.setProperty("role", "muted")
        self.lines_hint.setWordWrap(True)
        self.lines = StatementTree()
        self.lines.question_requested.connect(self.open_question_dialog)
        self.action_label = QLabel()
        self.action_label.setObjectName("commissionsActionStatus")
        self.action_label.setWordWrap(True)
        self.action_label.hide()

        self.disputes_heading = QLabel()
        self.disputes_heading.setProperty("role", "subheading")
        self.disputes = DisputesTree()
        self.no_disputes = QLabel()
        self.no_disputes.setProperty("role", "muted")

        self.message = QLabel()
        self.message.setProperty("role", "muted")
        self.message.setWordWrap(True)

        # The page scrolls as a whole: the trees grow with their open rows instead of scrolling.
        body = QWidget()
        body.setObjectName("commissionsBody")
        scroll = QScrollArea()
        scroll.setObjectName("commissionsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.scroll = scroll
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 18, 24, 24)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.message)
        layout.addLayout(cards)
        layout.addLayout(middle)
        layout.addWidget(self.lines_heading)
        layout.addWidget(self.lines_hint)
        layout.addWidget(self.action_label)
        layout.addWidget(self.lines)
        layout.addWidget(self.disputes_heading)
        layout.addWidget(self.no_disputes)
        layout.addWidget(self.disputes)
        layout.addStretch(1)
        context.languages.language_changed.connect(lambda _lang: self._show())
        self.retranslate()

    # Page -------------------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Commissions")

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.period_label.setText(self.tr("Period"))
        self.save_pdf_button.setText(self.tr("Save statement PDF…"))
        self.quota_card.caption.setText(self.tr("Quota for the period"))
        self.attainment_card.caption.setText(self.tr("Attainment to date"))
        self.earnings_card.caption.setText(self.tr("Earnings to date"))
        self.pace_card.caption.setText(self.tr("Pace"))
        self.chart_heading.setText(self.tr("Attainment against quota"))
        self.chart.set_legend(self.tr("Attainment"), self.tr("Quota"), self.tr("Even pace"))
        self.chart.set_empty_text(self.tr("No figures yet"))
        self.spif_heading.setText(self.tr("SPIF progress"))
        self.breakdown_heading.setText(self.tr("Earnings by component"))
        self.lines_hint.setText(
            self.tr(
                "Open a line to see how it was computed and the deals behind it. "
                "If a line looks wrong, use “Question…” to ask your comp admin."
            )
        )
        self.disputes_heading.setText(self.tr("Your questions"))
        self.no_disputes.setText(self.tr("You have not questioned any line."))
        self.lines.retranslate()
        self.disputes.retranslate()
        self._show()

    def load(self) -> None:
        self.begin_loading()
        workspace = self.context.workspace
        period = self.chosen_period
        self.context.tasks.run(
            lambda: load_commission_summary(workspace, period),
            self._loaded,
            self._failed,
            label=self.tr("Calculating commissions…"),
            name="commissions-ptd",
        )
        self._show()

    def _loaded(self, summary: CommissionSummary | None) -> None:
        self.summary = summary
        self.load_error = None
        self.end_loading()
        self._show()
        count = self.lines.topLevelItemCount()
        opened = any(self.lines.topLevelItem(i).isExpanded() for i in range(count))
        if summary is not None and count and not opened:
            # open the biggest line so that its trace is in view
            biggest = max(range(count), key=lambda i: summary.lines[i].amount.amount)
            self.lines.topLevelItem(biggest).setExpanded(True)
        if self._pending_select is not None:
            self.disputes.select_dispute(self._pending_select)
            self._pending_select = None

    def _failed(self, failure: TaskFailure) -> None:
        self.load_error = failure.message
        self.end_loading()
        self._show()

    # choosing a period ------------------------------------------------------------------------

    def choose_period(self, period: str | None) -> None:
        """Show ``period`` ("2026-Q3"; None: the period running now) and recalculate."""
        self.chosen_period = period
        self.load()

    def _period_chosen(self, index: int) -> None:
        if self._filling_periods or index < 0 or self.summary is None:
            return
        label = self.period_box.itemData(index)
        current = self.summary.periods[0] if self.summary.periods else None
        wanted = None if label == current else label
        if wanted != self.chosen_period:
            self.choose_period(wanted)

    def _fill_periods(self, summary: CommissionSummary | None) -> None:
        self._filling_periods = True
        try:
            self.period_box.clear()
            if summary is None:
                return
            for position, label in enumerate(summary.periods):
                text = label
                if position == 0:
                    text = self.tr("%1 (to date)").replace("%1", label)
                self.period_box.addItem(text, label)
            # while another period loads, keep showing the one asked for
            running = summary.periods[0] if summary.periods else summary.period_label
            found = self.period_box.findData(self.chosen_period or running)
            self.period_box.setCurrentIndex(max(found, 0))
        finally:
            self._filling_periods = False

    # showing ----------------------------------------------------------------------------------

    def _show(self) -> None:
        locale = self.context.babel_locale
        summary = self.summary
        if self.load_error:
            self.message.setText(
                self.tr("Commissions could not be calculated: %1").replace("%1", self.load_error)
            )
            self.message.show()
        elif summary is None:
            self.message.setText(
                self.tr("Calculating commissions…")
                if self.is_loading
                else self.tr("No signed-in rep in this workspace, so there is nothing to show.")
            )
            self.message.show()
        elif summary.warnings:
            self.message.setText("\n".join(summary.warnings))
            self.message.show()
        else:
            self.message.hide()
        for card in (self.quota_card, self.attainment_card, self.earnings_card):
            card.value.set_locale(locale)
        self._fill_periods(summary)
        self.save_pdf_button.setEnabled(summary is not None and not self.is_loading)
        if summary is None:
            self.subtitle.setText("")
            for card in (self.quota_card, self.attainment_card, self.earnings_card):
                card.value.set_money(None)
                card.detail.setText("")
            self.pace_card.value.setText("—")
            self.pace_card.detail.setText("")
            self.attainment_bar.setValue(0)
            self.chart.clear()
            self.lines.show_summary(None, locale)
            self.disputes.show_disputes([], locale)
            self.no_disputes.show()
            self.disputes.hide()
            self.notes_label.hide()
            self._show_spifs()
            self._show_breakdown()
            return
        as_of = labels.short_date(summary.as_of, locale)
        self.subtitle.setText(
            self.tr("%1 · %2 · period %3, up to %4")
            .replace("%1", summary.rep_name)
            .replace("%2", summary.plan_name)
            .replace("%3", summary.period_label)
            .replace("%4", as_of)
        )
        self.quota_card.value.set_money(summary.quota)
        self.quota_card.detail.setText(self.tr("Period %1").replace("%1", summary.period_label))
        self.attainment_card.value.set_money(summary.attainment)
        if summary.is_current:
            self.attainment_card.caption.setText(self.tr("Attainment to date"))
            self.earnings_card.caption.setText(self.tr("Earnings to date"))
            self.attainment_card.detail.setText(
                self.tr("%1 of quota, with %2 of the period gone")
                .replace("%1", _percent(summary.attainment_pct, locale))
                .replace("%2", _percent(summary.expected_pct, locale))
            )
        else:
            self.attainment_card.caption.setText(self.tr("Attainment"))
            self.earnings_card.caption.setText(self.tr("Earnings"))
            self.attainment_card.detail.setText(
                self.tr("%1 of quota").replace("%1", _percent(summary.attainment_pct, locale))
            )
        self.attainment_bar.setValue(int(min(summary.attainment_pct, Decimal(100))))
        self.earnings_card.value.set_money(summary.earnings)
        paying = sum(1 for line in summary.lines if line.amount.amount)
        earnings_detail = self.tr("%n component(s) paying", "", paying)
        if summary.payout is not None and summary.payout != summary.earnings:
            earnings_detail += " · " + self.tr("payout %1").replace(
                "%1", summary.payout.format(locale)
            )
        self.earnings_card.detail.setText(earnings_detail)
        self._show_pace(summary, locale)
        self._show_chart(summary, locale)
        if summary.is_current:
            heading = self.tr("Statement for %1")
        elif summary.finalized:
            heading = self.tr("Statement for %1 (finalized)")
        else:
            heading = self.tr("Statement for %1 (period ended)")
        self.lines_heading.setText(heading.replace("%1", summary.period_label))
        self.lines.show_summary(summary, locale)
        self.disputes.show_disputes(summary.disputes, locale)
        self.disputes.setVisible(bool(summary.disputes))
        self.no_disputes.setVisible(not summary.disputes)
        if summary.notes:
            self.notes_label.setText("\n".join(summary.notes))
            self.notes_label.show()
        else:
            self.notes_label.hide()
        self._show_spifs()
        self._show_breakdown()

    def pace_text(self) -> str:
        """The pace card's sentence, as shown (tests and screen readers use it)."""
        return f"{self.pace_card.value.text()} — {self.pace_card.detail.text()}"

    def _show_pace(self, summary: CommissionSummary, locale: str) -> None:
        card = self.pace_card
        reached = summary.attainment.amount >= summary.quota.amount > 0
        if not summary.is_current:
            card.value.setText(_whole_percent(summary.attainment_pct, locale))
            card.detail.setText(
                self.tr("Quota reached in %1").replace("%1", summary.period_label)
                if reached
                else self.tr("Final attainment for %1").replace("%1", summary.period_label)
            )
        elif summary.projected_pct is None:
            card.value.setText("—")
            card.detail.setText(self.tr("The period has just started"))
        else:
            card.value.setText(
                self.tr("On pace for %1").replace(
                    "%1", _whole_percent(summary.projected_pct, locale)
                )
            )
            if reached:
                card.detail.setText(self.tr("Quota reached: every sale now adds to your lead"))
            else:
                card.detail.setText(
                    self.tr("%1 to go in %n day(s)", "", summary.remaining_days).replace(
                        "%1", summary.to_go.format(locale)
                    )
                )
        good = summary.projected_pct is not None and summary.projected_pct >= 100
        color = "#2f7d4f" if (good or reached) else "#8a5a00"
        card.value.setStyleSheet(f"color: {color};")

    def _show_chart(self, summary: CommissionSummary, locale: str) -> None:
        if summary.start is None or summary.end is None:
            self.chart.clear()
            return
        currency = summary.quota.currency

        def compact(value: Decimal) -> str:
            return format_compact_currency(
                value, currency, locale=locale, fraction_digits=0 if value < 1000 else 1
            )

        self.chart.set_value_formatter(compact)
        self.chart.set_date_formatter(lambda day: _day_month(day, locale))
        self.chart.set_data(
            summary.start,
            summary.end,
            [ChartPoint(day, money.amount) for day, money in summary.attainment_series],
            summary.quota.amount,
            summary.as_of,
        )
        self.chart.setAccessibleName(self.tr("Attainment against quota"))
        self.chart.setAccessibleDescription(
            self.tr("%1 attained of a %2 quota by %3")
            .replace("%1", summary.attainment.format(locale))
            .replace("%2", summary.quota.format(locale))
            .replace("%3", labels.short_date(summary.as_of, locale))
        )

    def spif_texts(self) -> list[str]:
        """One sentence per SPIF as shown, e.g. "3 of 5 SUB-SECURE-EDGE sold: Trip to Phuket"."""
        return [
            w.text()
            for i in range(self.spif_layout.count())
            if (w := self.spif_layout.itemAt(i).widget()) is not None
            and w.objectName() == "spifProgress"
        ]

    def _show_spifs(self) -> None:
        while self.spif_layout.count():
            widget = self.spif_layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        spifs = self.summary.spifs if self.summary else []
        if not spifs:
            none = QLabel(self.tr("No SPIF is running this period."))
            none.setProperty("role", "muted")
            self.spif_layout.addWidget(none, 0, 0)
            return
        locale = self.context.babel_locale
        for index, spif in enumerate(spifs):
            row = index * 3
            name = QLabel(spif.name)
            name.setProperty("role", "strong")
            text = spif_progress_text(
                spif.progress,
                spif.goal,
                spif.measure,
                spif.product or spif.name,
                spif.reward,
                spif.achieved,
                spif.currency,
                locale,
            )
            still = not spif.achieved and spif.goal > spif.progress and spif.measure != "amount"
            if self.summary.is_current and still:
                text += " · " + self.tr("%n more to go", "", int(spif.goal - spif.progress))
            detail = QLabel(text)
            detail.setObjectName("spifProgress")
            detail.setWordWrap(True)
            bar = QProgressBar()
            bar.setTextVisible(False)
            bar.setFixedHeight(10)
            scale = 100
            bar.setRange(0, scale)
            share = spif.progress / spif.goal if spif.goal else Decimal(1)
            bar.setValue(int(min(share, Decimal(1)) * scale))
            self.spif_layout.addWidget(name, row, 0)
            self.spif_layout.addWidget(detail, row + 1, 0)
            self.spif_layout.addWidget(bar, row + 2, 0)
        self.spif_layout.setColumnStretch(0, 1)

    def breakdown(self) -> list[tuple[str, str]]:
        """The earnings-by-component rows as shown: (component, amount)."""
        layout = self.breakdown_layout
        out = []
        for row in range(layout.rowCount()):
            name = layout.itemAtPosition(row, 0)
            amount = layout.itemAtPosition(row, 1)
            if name is not None and amount is not None and name.widget() is not None:
                out.append((name.widget().text(), amount.widget().text()))
        return out

    def _show_breakdown(self) -> None:
        """Each line that pays (or takes back) something, with a bar scaled to the largest."""
        while self.breakdown_layout.count():
            widget = self.breakdown_layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        lines = [ln for ln in (self.summary.lines if self.summary else []) if ln.amount.amount]
        if not lines:
            none = QLabel(self.tr("Nothing earned yet in this period."))
            none.setProperty("role", "muted")
            self.breakdown_layout.addWidget(none, 0, 0)
            return
        locale = self.context.babel_locale
        largest = max(abs(ln.amount.amount) for ln in lines)
        for row, line in enumerate(lines):
            name = QLabel(line.name)
            name.setToolTip(line.name)
            amount = MoneyLabel(line.amount, locale)
            if line.amount.amount < 0:
                amount.setStyleSheet("color: #9b2c2c;")
            bar = QProgressBar()
            bar.setTextVisible(False)
            bar.setFixedHeight(6)
            bar.setRange(0, 1000)
            bar.setValue(int(abs(line.amount.amount) * 1000 / largest) if largest else 0)
            if line.amount.amount < 0:
                bar.setStyleSheet("QProgressBar::chunk { background: #c0645a; }")
            self.breakdown_layout.addWidget(name, row, 0)
            self.breakdown_layout.addWidget(amount, row, 1)
            self.breakdown_layout.addWidget(bar, row, 2)
        self.breakdown_layout.setColumnStretch(0, 3)
        self.breakdown_layout.setColumnStretch(2, 2)

    # questioning a line -----------------------------------------------------------------------

    def open_question_dialog(self, position: int) -> QuestionDialog | None:
        """Open "Question this line…" for the statement line at ``position``. It is shown with
        ``open()`` (window-modal, without a nested event loop), so the page keeps painting and
        the question is sent from the ``accepted`` signal."""
        if self.summary is None or not 0 <= position < len(self.summary.lines):
            return None
        line = self.summary.lines[position]
        dialog = QuestionDialog(line.name, line.amount.format(self.context.babel_locale), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.send_question(position, dialog.question()))
        self.question_dialog = dialog
        dialog.open()
        return dialog

    def send_question(self, position: int, question: Question) -> None:
        """Keep the question in the workspace (off the GUI thread), then list it."""
        summary = self.summary
        if summary is None:
            return
        line = summary.lines[position]
        workspace = self.context.workspace
        self.begin_loading()

        def work() -> str:
            return raise_question(
                workspace,
                participant=summary.username,
                plan_code=summary.plan_code,
                period=summary.period_label,
                line=line,
                reason=question.reason,
                message=question.message,
                attachment=question.attachment,
            )

        def done(dispute_id: str) -> None:
            self.end_loading()
            self._say(self.tr("Your question on “%1” was saved.").replace("%1", line.name))
            self.dispute_raised.emit(dispute_id)
            self._pending_select = dispute_id
            self.load()

        self.context.tasks.run(
            work, done, self._action_failed, label=self.tr("Saving your question…")
        )

    # the statement PDF ------------------------------------------------------------------------

    def _ask_pdf_path(self) -> None:
        if self.summary is None:
            return
        suggested = Path.home() / (
            f"commission-statement-{self.summary.username}-{self.summary.period_label}.pdf"
        )
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save statement PDF"), str(suggested), self.tr("PDF files (*.pdf)")
        )
        if name:
            self.save_statement_pdf(Path(name))

    def save_statement_pdf(self, target: Path) -> None:
        """Render the shown period's statement to ``target`` on the task runner."""
        summary = self.summary
        if summary is None:
            return
        workspace = self.context.workspace
        period, as_of, who = summary.period_label, summary.as_of, summary.username
        self.begin_loading()
        self.save_pdf_button.setEnabled(False)

        def done(saved: SavedStatement) -> None:
            self.end_loading()
            self.save_pdf_button.setEnabled(True)
            self._say(
                self.tr("Statement for %1 saved to %2")
                .replace("%1", saved.period)
                .replace("%2", str(saved.path))
            )
            self.statement_saved.emit(saved)

        self.context.tasks.run(
            lambda: write_statement_pdf(workspace, who, period, as_of, target),
            done,
            self._action_failed,
            label=self.tr("Writing the statement PDF…"),
            name="commissions-statement-pdf",
        )

    # feedback ---------------------------------------------------------------------------------

    def _say(self, text: str, error: bool = False) -> None:
        self.action_label.setText(text)
        self.action_label.setStyleSheet(
            "color: #9b2c2c; font-weight: bold;" if error else "color: #2f7d4f; font-weight: bold;"
        )
        self.action_label.show()

    def _action_failed(self, failure: TaskFailure) -> None:
        self.end_loading()
        self.save_pdf_button.setEnabled(self.summary is not None)
        self._say(failure.message, error=True)


def _day_month(day: date, locale: str) -> str:
    from babel.dates import format_skeleton

    return format_skeleton("MMMd", day, locale=locale)
