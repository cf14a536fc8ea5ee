"""The Quote page's Commission tab: "this deal pays $X", why, and what a deeper discount does.

A rep decides how hard to work a deal, and how far to discount it, by what it pays; the tab
answers for the selected quote with the engine's estimator (the same component code as the
statement, so the figure cannot disagree with it later) and its explanation: tier crossings,
multipliers, bonuses, SPIF steps. Only the signed-in rep's open quotes are estimated: a won or
lost quote is already on the statement, and another owner's deal pays them, not the viewer.

The rep's period to date is read once per selected quote on a worker (``deal_inputs``, about
30 ms on the demo). Each what-if estimate after that is one component pass over the cached
baseline, measured on the demo workspace at p50 0.22 ms, p95 0.32 ms, max 0.73 ms (186
estimates, 6 open quotes, 0-30% off): well inside a frame, so the spin box and the slider
re-estimate directly on the GUI thread, debounced, rather than through the task runner.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from babel.numbers import format_percent
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSlider,
    QSpinBox,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop.context import DesktopContext
from dealkit.desktop.i18n import Retranslating
from dealkit.desktop.quote_commission.deal_inputs import (
    MAX_EXTRA_DISCOUNT,
    DealInputs,
    Standing,
    load_deal_inputs,
)
from dealkit.desktop.quote_rows import QuoteRow
from dealkit.desktop.spif_words import spif_progress_text
from dealkit.desktop.tasks import TaskFailure
from dealkit.engine.commissions.estimator import Estimate
from dealkit.engine.commissions.results import SpifProgress
from dealkit.engine.money import Money
from dealkit.engine.store.models import QuoteStatus

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
WHAT_IF_DELAY_MS = 120  # a drag of the slider re-estimates once it rests, not on every step


class SentenceDelegate(QStyledItemDelegate):
    """Draws an explanation sentence (a child row spanning both columns) wrapped to the view's
    width, so a narrow panel shows "ACC-UPS-3K: $7,551.36 at 15% = $1,132.70" whole, on two
    lines if it must, rather than cutting off the figure. Component rows draw as usual."""

    MARGIN = 4

    def _width(self, view: QTreeWidget) -> int:
        depth = 2 if view.rootIsDecorated() else 1  # a sentence is a child of a component
        return max(view.viewport().width() - depth * view.indentation() - 2 * self.MARGIN, 40)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        view = option.widget
        if not index.parent().isValid() or not isinstance(view, QTreeWidget):
            return super().sizeHint(option, index)
        text = str(index.data() or "")
        bounds = option.fontMetrics.boundingRect(
            QRect(0, 0, self._width(view), 100_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(self._width(view), bounds.height() + 2 * self.MARGIN)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if not index.parent().isValid():
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.setPen(opt.palette.color(QPalette.ColorRole.Text))
        rect = opt.rect.adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(rect, int(flags), text)
        painter.restore()


class RelayoutOnResize(QObject):
    """Row heights depend on the width: lay the rows out again when the viewport resizes."""

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self._view = view
        self._width = -1
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self._view.viewport().width() != self._width:
            self._width = self._view.viewport().width()
            self._view.scheduleDelayedItemsLayout()
        return False


def failure_text(failure: TaskFailure) -> str:
    """What a rep is told when a background read fails: the engine's own message for a
    problem they can fix (bad input raises ``ValueError`` or ``LookupError`` with a message
    written for them); for anything else only its kind, never a database statement (the task
    runner logs the traceback)."""
    if isinstance(failure.error, (ValueError, LookupError)):
        return failure.message
    return QCoreApplication.translate(
        "CommissionEstimateView", "an internal error (%1); the log has the details"
    ).replace("%1", type(failure.error).__name__)


class CommissionEstimateView(Retranslating, QWidget):
    """What one deal pays the signed-in rep, why, and an "extra discount %" what-if.

    The view shared by the Quote page's Commission tab (a stored quote) and the Quote wizard's
    commission panel (the draft being built): a subclass says where the deal comes from by
    handing ``load`` a worker function that returns ``DealInputs``; stale answers (an older
    request finishing after a newer one) are dropped by sequence number."""

    all_spifs = False  # the tab shows only the goals the deal moves; the wizard shows them all

    def __init__(self, context: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.inputs: DealInputs | None = None
        self.estimate: Estimate | None = None  # at the quote's own prices
        self._read: Callable[[], DealInputs] | None = None  # what the shown estimate came from
        self.what_if: Estimate | None = None  # at the extra discount, when it is above 0
        self.error: str | None = None
        self.loading = False
        self._seq = 0

        self.message = QLabel()
        self.message.setObjectName("commissionMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.message.setContentsMargins(0, 8, 0, 0)

        self.headline = QLabel()
        self.headline.setObjectName("commissionHeadline")
        self.headline.setProperty("role", "figure")
        self.headline.setWordWrap(True)
        self.context_line = QLabel()
        self.context_line.setObjectName("commissionContext")
        self.context_line.setProperty("role", "muted")
        self.context_line.setWordWrap(True)
        self.breakdown = QTreeWidget()
        self.breakdown.setObjectName("commissionBreakdown")
        self.breakdown.setColumnCount(2)
        self.breakdown.setRootIsDecorated(True)
        self.breakdown.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.breakdown.setWordWrap(True)
        # Held here as well as by their Qt parent: a Python override must outlive its C++ user.
        self._sentences = SentenceDelegate(self.breakdown)
        self.breakdown.setItemDelegate(self._sentences)
        self._relayout = RelayoutOnResize(self.breakdown)
        header = self.breakdown.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.spif_line = QLabel()
        self.spif_line.setObjectName("commissionSpif")
        self.spif_line.setWordWrap(True)

        self.discount_label = QLabel()
        self.discount_slider = QSlider(Qt.Orientation.Horizontal)
        self.discount_slider.setObjectName("extraDiscountSlider")
        self.discount_slider.setRange(0, MAX_EXTRA_DISCOUNT)
        self.discount_slider.setPageStep(5)
        self.discount_slider.setTickInterval(5)
        self.discount_slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.discount_spin = QSpinBox()
        self.discount_spin.setObjectName("extraDiscountSpin")
        self.discount_spin.setRange(0, MAX_EXTRA_DISCOUNT)
        self.discount_spin.setSuffix(" %")
        self.discount_label.setBuddy(self.discount_spin)
        self.discount_slider.valueChanged.connect(self.discount_spin.setValue)
        self.discount_spin.valueChanged.connect(self.discount_slider.setValue)
        self.discount_spin.valueChanged.connect(self._discount_moved)
        self.what_if_line = QLabel()
        self.what_if_line.setObjectName("commissionWhatIf")
        self.what_if_line.setWordWrap(True)
        self._what_if_timer = QTimer(self)
        self._what_if_timer.setSingleShot(True)
        self._what_if_timer.setInterval(WHAT_IF_DELAY_MS)
        self._what_if_timer.timeout.connect(self._run_what_if)

        what_if_row = QHBoxLayout()
        what_if_row.addWidget(self.discount_label)
        what_if_row.addWidget(self.discount_slider, 1)
        what_if_row.addWidget(self.discount_spin)
        figures = QWidget()
        figures_layout = QVBoxLayout(figures)
        figures_layout.setContentsMargins(0, 8, 0, 0)
        figures_layout.setSpacing(6)
        # The figure, the SPIF step and the what-if stay in view; the breakdown scrolls.
        figures_layout.addWidget(self.headline)
        figures_layout.addWidget(self.context_line)
        figures_layout.addWidget(self.spif_line)
        figures_layout.addLayout(what_if_row)
        figures_layout.addWidget(self.what_if_line)
        figures_layout.addWidget(self.breakdown, 1)
        self.figures = figures

        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(figures)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        context.languages.language_changed.connect(self._language_changed)
        self.retranslate()

    # loading -----------------------------------------------------------------------------------

    def has_deal(self) -> bool:
        """Whether there is a deal to estimate at all (else ``no_deal_text`` is shown)."""
        raise NotImplementedError

    def no_deal_text(self) -> str:
        raise NotImplementedError

    def reset_what_if(self) -> None:
        """Back to the deal as it is (a what-if belongs to the quote it was tried on)."""
        self._what_if_timer.stop()
        self.what_if = None
        self.discount_spin.blockSignals(True)
        self.discount_slider.blockSignals(True)
        self.discount_spin.setValue(0)
        self.discount_slider.setValue(0)
        self.discount_spin.blockSignals(False)
        self.discount_slider.blockSignals(False)

    def load(self, read: Callable[[], DealInputs] | None, *, keep_shown: bool = False) -> int:
        """Run ``read`` on the task runner and show its ``DealInputs``; None clears the view.

        ``keep_shown`` leaves the current estimate on screen until the new one arrives (the
        wizard re-estimates on every edit: the figure should change, not blink). Returns the
        request's sequence number."""
        self._seq += 1
        seq = self._seq
        self._read = read
        self.error = None
        if not keep_shown:
            self.inputs = None
            self.estimate = None
            self.what_if = None
        if read is None:
            self.loading = False
            self._show()
            return seq
        self.loading = True
        self._show()
        self.context.tasks.run(
            read,
            lambda inputs: self._loaded(seq, inputs),
            lambda failure: self._failed(seq, failure),
            name=f"{self.objectName() or 'commission'}-estimate",
            owner=self,
        )
        return seq

    def _loaded(self, seq: int, inputs: DealInputs) -> None:
        if seq != self._seq:
            return
        self.loading = False
        self.inputs = inputs
        self.estimate = inputs.first
        self._run_what_if()  # the rep may have moved the what-if while it loaded
        self.estimated(inputs)

    def _failed(self, seq: int, failure: TaskFailure) -> None:
        if seq != self._seq:
            return
        self.loading = False
        self.inputs = None
        self.estimate = None
        self.error = failure_text(failure)
        self._show()
        self.estimated(None)

    def estimated(self, inputs: DealInputs | None) -> None:
        """Called after each answer that is shown (a hook for subclasses)."""

    # the what-if -------------------------------------------------------------------------------

    @property
    def extra_discount(self) -> int:
        return self.discount_spin.value()

    def _discount_moved(self, _value: int) -> None:
        self._what_if_timer.start()  # restarts: one estimate once the value rests

    def _run_what_if(self) -> None:
        """Re-estimate at the chosen extra discount, directly: it is sub-millisecond (see the
        module docstring), and an engine error shows in the tab rather than escaping."""
        inputs = self.inputs
        off = self.extra_discount
        self.what_if = None
        if inputs is not None and inputs.standing is Standing.ESTIMATE and off:
            try:
                self.what_if = inputs.estimate(off)
            except (ValueError, ArithmeticError) as error:
                self.error = str(error)
        self._show()

    # showing -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.breakdown.setHeaderLabels([self.tr("Component"), self.tr("Adds")])
        self.breakdown.headerItem().setTextAlignment(1, RIGHT)
        self.discount_label.setText(self.tr("Extra discount:"))
        tip = self.tr("Try a further discount on every line and see what the deal would pay")
        self.discount_slider.setToolTip(tip)
        self.discount_spin.setToolTip(tip)
        self._show()

    def _language_changed(self, _language: str) -> None:
        self._show()  # money and percent formats follow the language
        if self._read is not None and self.estimate is not None:
            self.load(self._read, keep_shown=True)  # and the engine's sentences, once re-read

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def _show(self) -> None:
        inputs = self.inputs
        if not self.has_deal():
            self._say(self.no_deal_text())
        elif self.error is not None:
            self._say(
                self.tr("The commission could not be estimated: %1").replace("%1", self.error)
            )
        elif inputs is None or (self.loading and self.estimate is None):
            self._say(self.tr("Estimating the commission…"))
        elif inputs.standing is Standing.NO_USER:
            self._say(self.tr("Sign in to see what your deals pay."))
        elif inputs.standing is Standing.OTHER_OWNER:
            self._say(
                self.tr("This is %1's deal: it pays their commission, not yours.").replace(
                    "%1", inputs.owner_name
                )
            )
        elif inputs.standing is Standing.CLOSED:
            if inputs.status is QuoteStatus.WON:
                text = self.tr(
                    "This quote is won: it is already counted in your commission statement."
                )
            else:
                text = self.tr(
                    "This quote is lost: your commission statement already reflects it "
                    "(it pays nothing)."
                )
            self._say(text)
        elif self.estimate is not None:
            self._show_estimate(self.estimate)
            self.stack.setCurrentWidget(self.figures)

    def _money(self, amount: Money) -> str:
        return amount.format(self.context.babel_locale)

    def _percent(self, value: Decimal) -> str:
        return format_percent(value / 100, "#,##0.#%", locale=self.context.babel_locale)

    def _show_estimate(self, estimate: Estimate) -> None:
        self.headline.setText(
            self.tr("This deal pays %1").replace("%1", self._money(estimate.commission))
        )
        self.context_line.setText(
            self.tr("%1 · %2 credited · attainment from %3 to %4 of quota")
            .replace("%1", estimate.period)
            .replace("%2", self._money(estimate.deal_amount))
            .replace("%3", self._percent(estimate.pct_of_quota(estimate.attainment_before)))
            .replace("%4", self._percent(estimate.pct_of_quota(estimate.attainment_after)))
        )
        self.breakdown.clear()
        for delta in estimate.components:
            if not delta.amount:  # e.g. an accelerator not reached yet: "… at 0%" only confuses
                continue
            item = QTreeWidgetItem([delta.label, self._money(delta.amount)])
            item.setTextAlignment(1, RIGHT)
            for sentence in delta.explanation:  # the engine's own words, in the window's language
                child = QTreeWidgetItem([sentence, ""])
                child.setToolTip(0, sentence)
                item.addChild(child)
            self.breakdown.addTopLevelItem(item)
            for i in range(item.childCount()):  # a sentence may use the Adds column's width
                item.child(i).setFirstColumnSpanned(True)
        self.breakdown.expandAll()
        # The SPIF goals this deal moves, before and with it; the wizard also lists the goals it
        # does not touch. No arrow: the bundled fonts have none.
        steps = []
        currency = estimate.commission.currency
        for before, after in zip(estimate.spifs_before, estimate.spifs_after, strict=True):
            if after.achieved != before.achieved:
                steps.append(
                    self.tr("SPIF: %1; with this deal: %2")
                    .replace("%1", self._spif_text(before, currency))
                    .replace("%2", self._spif_text(after, currency))
                )
            elif self.all_spifs:
                steps.append(
                    self.tr("SPIF: %1 (this deal does not count toward it)").replace(
                        "%1", self._spif_text(after, currency)
                    )
                )
        self.spif_line.setText("\n".join(steps))
        self.spif_line.setVisible(bool(steps))
        self.what_if_line.setText(self._what_if_text(estimate))

    def _spif_text(self, progress: SpifProgress, currency: str) -> str:
        return spif_progress_text(
            progress.achieved,
            progress.goal,
            progress.measure,
            progress.what or progress.label,
            progress.reward,
            progress.reached,
            currency,
            self.context.babel_locale,
        )

    def _what_if_text(self, estimate: Estimate) -> str:
        off, alt = self.extra_discount, self.what_if
        if not off or alt is None:
            return self.tr("Move the slider to see what a deeper discount would pay.")
        change = alt.commission.amount - estimate.commission.amount
        if change < 0:
            text = self.tr("At %1 off (%2 credited) it pays %3: %4 less.")
        elif change > 0:
            text = self.tr("At %1 off (%2 credited) it pays %3: %4 more.")
        else:
            text = self.tr("At %1 off (%2 credited) it pays %3, the same.")
        return (
            text.replace("%1", self._percent(Decimal(off)))
            .replace("%2", self._money(alt.deal_amount))
            .replace("%3", self._money(alt.commission))
            .replace("%4", self._money(Money(abs(change), alt.commission.currency)))
        )


class QuoteCommissionPanel(CommissionEstimateView):
    """The Quote page's Commission tab: what the selected stored quote pays the signed-in rep."""

    def __init__(self, context: DesktopContext, parent: QWidget | None = None) -> None:
        self.quote: QuoteRow | None = None
        super().__init__(context, parent)
        self.setObjectName("quoteCommission")

    def has_deal(self) -> bool:
        return self.quote is not None

    def no_deal_text(self) -> str:
        return self.tr("Select a quote to see what it pays.")

    def show_quote(self, quote: QuoteRow | None) -> None:
        """Estimate ``quote`` for the signed-in rep (None clears the tab)."""
        self.quote = quote
        self.reset_what_if()
        if quote is None:
            self.load(None)
            return
        workspace = self.context.workspace
        quote_id = quote.id
        self.load(lambda: load_deal_inputs(workspace, quote_id))
