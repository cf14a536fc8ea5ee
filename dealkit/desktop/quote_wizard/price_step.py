"""Step 3, Price: the lines grid, quote-level discount and partner, problems, and "why".

The grid is ``PriceLinesModel`` in a ``QTableView``: type over a cell to edit it, Tab and Enter
move on, Insert adds a line (the SKU box above the grid takes it), Delete removes the selected
lines, F1 (or "Why this price") shows the current line's waterfall below the grid. Every edit is
repriced incrementally by the wizard's ``DraftPricer``. Problems are listed in the strip above
the grid, each naming the line and the field.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop.context import DesktopContext
from dealkit.desktop.quote_wizard import line_edits
from dealkit.desktop.quote_wizard.draft import QuoteDraft
from dealkit.desktop.quote_wizard.draft_pricer import DraftPricer
from dealkit.desktop.quote_wizard.price_lines_model import Col, PriceLinesModel
from dealkit.desktop.quote_wizard.step import WizardStep
from dealkit.desktop.quote_wizard.why_price import WhyPricePanel
from dealkit.engine.quotes.document import QuoteDocument

VISUAL_ORDER = (
    Col.SKU,
    Col.QTY,
    Col.LIST,
    Col.DISCOUNT_PERCENT,
    Col.NET,
    Col.MARGIN,
    Col.DISCOUNT_AMOUNT,
    Col.GROUP,
    Col.TERM,
    Col.DESCRIPTION,
)


class PriceStep(WizardStep):
    def __init__(
        self,
        context: DesktopContext,
        draft: QuoteDraft,
        parent: QWidget | None = None,
        pricer: DraftPricer | None = None,
        completer: QCompleter | None = None,
    ) -> None:
        super().__init__(context, draft, parent)
        self.setObjectName("priceStep")
        assert pricer is not None
        self.pricer = pricer
        self.model = PriceLinesModel(draft, pricer, self, context.babel_locale)
        self.model.edit_refused.connect(self._refused)

        self.add_entry = QLineEdit()
        self.add_entry.setObjectName("priceAddEntry")
        if completer is not None:
            self.add_entry.setCompleter(completer)
        self.add_entry.returnPressed.connect(self._add_from_entry)
        self.discount = QLineEdit()
        self.discount.setObjectName("quoteDiscount")
        self.discount.setMaximumWidth(80)
        self.discount.editingFinished.connect(self._edit_quote_discount)
        self.partner_name = QLineEdit()
        self.partner_name.setObjectName("partnerName")
        self.partner_name.editingFinished.connect(self._edit_partner)
        self.partner_percent = QLineEdit()
        self.partner_percent.setObjectName("partnerPercent")
        self.partner_percent.setMaximumWidth(80)
        self.partner_percent.editingFinished.connect(self._edit_partner)
        self.why_button = QPushButton()
        self.why_button.setObjectName("whyPriceButton")
        self.why_button.clicked.connect(self.show_why)
        self.problems = QLabel()
        self.problems.setObjectName("problemsStrip")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(
            "QLabel#problemsStrip { background: #fdecea; color: #8e1b1b; border-radius: 4px;"
            " padding: 6px 8px; }"
        )
        self.problems.hide()

        self.table = QTableView()
        self.table.setObjectName("priceGrid")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setTabKeyNavigation(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(40)
        self.column_widths = {Col.SKU: 124, Col.QTY: 52, Col.LIST: 100, Col.DISCOUNT_PERCENT: 64,
                              Col.DISCOUNT_AMOUNT: 76, Col.NET: 100, Col.MARGIN: 80,
                              Col.GROUP: 72, Col.TERM: 56, Col.DESCRIPTION: 160}  # fmt: skip
        # What a rep negotiates comes first on screen (the net and the margin in view beside the
        # discount at 1280 px with the side panel open); the description goes last. Only the
        # visual order changes: the model's columns stay as they are.
        for visual, column in enumerate(VISUAL_ORDER):
            header.moveSection(header.visualIndex(column), visual)
        self.table.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.why = WhyPricePanel(self, context.babel_locale)
        self.why.hide()
        why_key = QShortcut(QKeySequence(Qt.Key.Key_F1), self)
        why_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        why_key.activated.connect(self.show_why)

        self.add_label = QLabel()
        self.discount_label = QLabel()
        self.partner_label = QLabel()
        self.partner_percent_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.add_label)
        bar.addWidget(self.add_entry, 1)
        bar.addSpacing(12)
        bar.addWidget(self.why_button)
        quote_bar = QHBoxLayout()  # quote-level terms, under the lines they apply to
        quote_bar.addWidget(self.discount_label)
        quote_bar.addWidget(self.discount)
        quote_bar.addSpacing(12)
        quote_bar.addWidget(self.partner_label)
        quote_bar.addWidget(self.partner_name, 1)
        quote_bar.addWidget(self.partner_percent_label)
        quote_bar.addWidget(self.partner_percent)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.why)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.problems)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(quote_bar)
        draft.changed.connect(self._show_quote_fields)
        pricer.repriced.connect(self._show_problems)
        self.retranslate()
        self._show_quote_fields(draft.document)

    def title(self) -> str:
        return self.tr("Price")

    def retranslate(self) -> None:
        self.add_label.setText(self.tr("Add"))
        self.add_entry.setPlaceholderText(self.tr("Insert: SKU or name, Enter"))
        self.discount_label.setText(self.tr("Quote discount %"))
        self.partner_label.setText(self.tr("Partner"))
        self.partner_percent_label.setText(self.tr("Partner %"))
        self.why_button.setText(self.tr("Why this price (F1)"))
        self.why.retranslate()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Col) - 1)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Each column as wide as planned, or as its title in this language needs (a Thai
        title is often wider than the English one: it is never cut)."""
        header = self.table.horizontalHeader()
        for column, width in self.column_widths.items():
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))

    def enter(self) -> None:
        self._show_problems()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, Col.QTY))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def validate(self) -> list[str]:
        return [str(p) for p in self.pricer.problems()]

    # keys -------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Insert:
                self.add_entry.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.remove_selected()
                return True
            editing = self.table.state() == QAbstractItemView.State.EditingState
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not editing:
                index = self.table.currentIndex()
                if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
                    self.table.edit(index)
                    return True
        return super().eventFilter(watched, event)

    def _add_from_entry(self) -> None:
        text = self.add_entry.text().strip()
        if not text:
            return
        sku = self._sku_of(text)
        if sku is None:
            self._refused(
                self.tr("No product %1 in this price book: pick one from the list.").replace(
                    "%1", text
                )
            )
            return
        basis = self.pricer.basis
        item = basis.catalog.get(sku) if basis is not None else None
        term = item.default_term_months if item is not None and item.recurring else None
        current = self.table.currentIndex()
        at = current.row() + 1 if current.isValid() else None
        doc, line = line_edits.add_line(
            self.draft.document, sku, Decimal(1), term_months=term, at=at
        )
        self.draft.apply(doc, self.tr("Add %1").replace("%1", sku))
        self.add_entry.clear()
        row = self.model.row_of(line.id)
        self.table.setCurrentIndex(self.model.index(row, Col.QTY))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _sku_of(self, text: str) -> str | None:
        basis = self.pricer.basis
        if basis is None:
            return None
        token = text.split(" — ")[0].strip().lower()
        items = basis.catalog.items
        for sku in items:
            if sku.lower() == token:
                return sku
        matches = [s for s, i in items.items() if token in s.lower() or token in i.name.lower()]
        return matches[0] if len(matches) == 1 else None

    def remove_selected(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedIndexes()}
        if not rows and self.table.currentIndex().isValid():
            rows = {self.table.currentIndex().row()}
        ids = {self.model.line_at(row).id for row in rows}
        if ids:
            self.draft.apply(
                line_edits.remove_lines(self.draft.document, ids),
                self.tr("Remove %n line(s)", "", len(ids)),
            )

    # why --------------------------------------------------------------------------------------

    def show_why(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        self.why.show()
        self._explain(index.row())

    def _explain(self, row: int) -> None:
        line = self.model.line_at(row)
        doc = self.draft.document
        self.why.show_line(
            line,
            row + 1,
            self.pricer.line_price(line.id),
            self.pricer.line_problems(line.id),
            doc.currency,
            doc.partner_name,
        )

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.why.isVisible() and current.isValid():
            self._explain(current.row())

    # quote-level fields -----------------------------------------------------------------------

    def _show_quote_fields(self, doc: QuoteDocument) -> None:
        for edit, value in (
            (self.discount, f"{doc.discount_percent.normalize():f}"),
            (self.partner_name, doc.partner_name),
            (self.partner_percent, f"{doc.partner_percent.normalize():f}"),
        ):
            if not edit.hasFocus() and edit.text() != value:
                edit.setText(value)

    def _percent(self, edit: QLineEdit, what: str) -> Decimal | None:
        text = edit.text().strip().rstrip("%") or "0"
        try:
            value = Decimal(text)
            if not value.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            self._refused(
                self.tr("%1: %2 is not a percent; type e.g. 5 or 7.5")
                .replace("%1", what)
                .replace("%2", edit.text())
            )
            return None
        return value

    def _edit_quote_discount(self) -> None:
        value = self._percent(self.discount, self.tr("Quote discount"))
        if value is not None:
            self.draft.apply(
                replace(self.draft.document, discount_percent=value),
                self.tr("Quote discount %1%").replace("%1", f"{value.normalize():f}"),
            )

    def _edit_partner(self) -> None:
        value = self._percent(self.partner_percent, self.tr("Partner %"))
        if value is not None:
            self.draft.apply(
                replace(
                    self.draft.document,
                    partner_name=self.partner_name.text().strip(),
                    partner_percent=value,
                ),
                self.tr("Partner"),
            )

    # problems ---------------------------------------------------------------------------------

    def _show_problems(self) -> None:
        problems = self.pricer.problems()
        if not problems:
            self.problems.hide()
            return
        shown = [str(p) for p in problems[:4]]
        if len(problems) > 4:
            shown.append(self.tr("… and %n more", "", len(problems) - 4))
        self.problems.setText("\n".join(shown))
        self.problems.show()
        if self.why.isVisible() and self.table.currentIndex().isValid():
            self._explain(self.table.currentIndex().row())

    def _refused(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.show()
