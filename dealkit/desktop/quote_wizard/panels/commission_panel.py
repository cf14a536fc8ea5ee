"""The Quote wizard's commission panel: what the quote being built pays the signed-in rep, live.

It follows every edit of the draft (lines, discounts, options, the quote discount; undo and
redo too) and every price the price step publishes, waits until the edits rest (``DELAY_MS``),
then prices the draft's document with the engine and estimates it off the GUI thread
(``deal_inputs.load_document_inputs``); an answer to an older edit is dropped. What it shows,
and the what-if on a deeper discount, are the Commission tab's (``CommissionEstimateView``): one
view, two sources. The rep's period to date is read once and reused while the day and the rep
stay the same, so an edit costs one pricing and one component pass (a few milliseconds).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from dealkit.desktop.context import DesktopContext
from dealkit.desktop.quote_commission.deal_inputs import DealInputs, load_document_inputs
from dealkit.desktop.quote_commission.panel import CommissionEstimateView
from dealkit.desktop.quote_wizard.draft import QuoteDraft
from dealkit.engine.commissions.estimator import DealEstimator

DELAY_MS = 150  # typing a quantity re-estimates once the digits rest, not on every key


class CommissionPanel(CommissionEstimateView):
    """Live "this quote pays you $X" beside the wizard's steps."""

    all_spifs = True

    def __init__(
        self, context: DesktopContext, draft: QuoteDraft, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent)
        self.setObjectName("wizardCommission")
        self.breakdown.setIndentation(12)  # narrow beside the quote: room for the sentences
        self.draft = draft
        self.estimates = 0  # answers shown so far (tests and selftest wait on it)
        self._estimator: DealEstimator | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DELAY_MS)
        self._debounce.timeout.connect(self.refresh)
        draft.changed.connect(self._draft_changed)
        draft.priced_changed.connect(self._draft_changed)
        self.refresh()

    def has_deal(self) -> bool:
        return True

    def no_deal_text(self) -> str:
        return ""

    def _draft_changed(self, _value: object) -> None:
        self._debounce.start()  # restarts: one estimate once the edits rest

    def refresh(self) -> None:
        """Estimate the draft as it is now (the debounce calls this; so may the wizard)."""
        self._debounce.stop()
        workspace = self.context.workspace
        document = self.draft.document
        estimator = self._estimator
        self.load(
            lambda: load_document_inputs(workspace, document, estimator),
            keep_shown=self.estimate is not None,
        )

    def estimated(self, inputs: DealInputs | None) -> None:
        if inputs is not None and inputs.estimator is not None:
            self._estimator = inputs.estimator
        self.estimates += 1

    @property
    def pending(self) -> bool:
        """An edit is waiting for its estimate (debouncing or on the worker)."""
        return self._debounce.isActive() or self.loading
