"""The wizard's header: which quote this is, for whom, where it stands, and its live totals.

The totals follow ``draft.priced_changed``: one-time, MRR, ARR, total contract value and margin;
while a line cannot be priced the header says how many problems stand in the way instead of
showing a total that leaves a line out.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from dealkit.desktop import labels
from dealkit.desktop.quote_wizard.draft import QuoteDraft
from dealkit.engine.money import Money
from dealkit.engine.pricing.priced import QuotePrice
from dealkit.engine.quotes.document import QuoteDocument
from dealkit.engine.store.models import QuoteStatus


class WizardHeader(QWidget):
    def __init__(self, draft: QuoteDraft, parent: QWidget | None = None, babel_locale="en_US"):
        super().__init__(parent)
        self.setObjectName("wizardHeader")
        self.draft = draft
        self.locale = babel_locale
        self.identity = QLabel()
        self.identity.setObjectName("wizardIdentity")
        self.identity.setProperty("role", "heading")
        self.state = QLabel()
        self.state.setObjectName("wizardState")
        self.state.setProperty("role", "muted")
        for label in (self.identity, self.state):  # a long customer name must not widen
            label.setMinimumWidth(120)  # the window: the label clips instead
        self.totals = QLabel()
        self.totals.setObjectName("wizardTotals")
        # one line, so a new total never re-lays out the wizard (and repaints the grid)
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.identity)
        top.addSpacing(12)
        top.addWidget(self.state, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.totals)
        draft.changed.connect(self._document)
        draft.priced_changed.connect(self._priced)
        draft.undo_stack.cleanChanged.connect(self._clean_changed)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)

    def refresh(self) -> None:
        self._document(self.draft.document)
        self._priced(self.draft.priced)

    def _clean_changed(self, clean: bool) -> None:
        self._document(self.draft.document, clean)

    def _document(self, doc: QuoteDocument, clean: bool | None = None) -> None:
        if clean is None:
            clean = self.draft.undo_stack.isClean()
        number = doc.number or self.tr("New quote")
        customer = doc.customer.name or self.tr("no customer yet")
        self.identity.setText(f"{number} v{doc.version} · {customer}")
        status = labels.quote_status(QuoteStatus(doc.status.value))
        unsaved = "" if clean else self.tr(" · unsaved changes")
        self.state.setText(
            self.tr("%1 · %2 · %n line(s)", "", len(doc.lines))
            .replace("%1", status)
            .replace("%2", doc.currency)
            + unsaved
        )

    def _priced(self, priced: QuotePrice | None) -> None:
        if priced is None:
            count = len(self.draft.problems)
            if count:
                self.totals.setText(
                    self.tr("No total: %n problem(s) to fix (see the Price step)", "", count)
                )
            else:
                self.totals.setText(self.tr("Pricing…") if self.draft.document.lines else "")
            return
        t = priced.totals

        def money(value: Decimal) -> str:
            return Money(value, t.currency).format(self.locale)

        self.totals.setText(
            self.tr("One-time %1 · MRR %2 · ARR %3 · TCV %4 · Margin %5%")
            .replace("%1", money(t.one_time))
            .replace("%2", money(t.mrr))
            .replace("%3", money(t.arr))
            .replace("%4", money(t.tcv))
            .replace("%5", str(t.margin_percent))
        )
