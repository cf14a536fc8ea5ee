"""Step 1, Customer: who the quote is for, in what currency, dated when, on what terms.

Typing in the search box finds customers (read on a worker, a moment after the last key); Down
moves into the results and Enter picks one (Enter in the box picks the first). Picking a
customer takes its currency, and its segment picks the price book. Every field edits the draft
when the rep leaves it (undoable), and follows the draft on undo and redo.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop.context import DesktopContext
from dealkit.desktop.quote_wizard.draft import QuoteDraft
from dealkit.desktop.quote_wizard.step import WizardStep
from dealkit.desktop.quote_wizard.store_reads import (
    CustomerHit,
    price_book_currencies,
    price_book_names,
    search_customers,
)
from dealkit.engine.quotes.document import CustomerRef, QuoteDocument

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
DEFAULT_VALID_DAYS = 30


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class CustomerStep(WizardStep):
    def __init__(self, context: DesktopContext, draft: QuoteDraft, parent: QWidget | None = None):
        super().__init__(context, draft, parent)
        self.setObjectName("customerStep")
        self.search = QLineEdit()
        self.search.setObjectName("customerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.results = QListWidget()
        self.results.setObjectName("customerResults")
        self.results.setMaximumHeight(170)
        self.results.itemActivated.connect(self._pick_item)
        self.chosen = QLabel()
        self.chosen.setObjectName("customerChosen")
        self.chosen.setWordWrap(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._run_search)
        self.search.textEdited.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._pick_first)
        self._search_serial = 0
        self.searching = False

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("quoteName")
        self.name_edit.editingFinished.connect(self._edit_name)
        self.currency = QComboBox()
        self.currency.setObjectName("quoteCurrency")
        self.currency.activated.connect(self._edit_currency)
        self.book_label = QLabel()
        self.book_label.setObjectName("priceBook")
        self.book_label.setProperty("role", "muted")
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("quoteDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.editingFinished.connect(self._edit_dates)
        self.expiry_edit = QDateEdit()
        self.expiry_edit.setObjectName("quoteExpiry")
        self.expiry_edit.setCalendarPopup(True)
        self.expiry_edit.editingFinished.connect(self._edit_dates)
        self.payment = QSpinBox()
        self.payment.setObjectName("paymentTerms")
        self.payment.setRange(0, 365)
        self.payment.editingFinished.connect(self._edit_payment)
        self.competitors = QLineEdit()
        self.competitors.setObjectName("competitors")
        self.competitors.editingFinished.connect(self._edit_competitors)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form_labels = [QLabel() for _ in range(6)]
        currency_row = QHBoxLayout()
        currency_row.addWidget(self.currency)
        currency_row.addWidget(self.book_label, 1)
        for label, field in zip(
            self.form_labels,
            [
                self.name_edit,
                currency_row,
                self.date_edit,
                self.expiry_edit,
                self.payment,
                self.competitors,
            ],
            strict=True,
        ):
            self.form.addRow(label, field)
        self.search_label = QLabel()
        self.search_label.setProperty("role", "subheading")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.chosen)
        layout.addSpacing(8)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self._currencies_read = False
        self._books_key: tuple[object, ...] | None = None
        self._pick_when_found = False
        draft.changed.connect(self._show)
        self.retranslate()
        self._show(draft.document)

    def title(self) -> str:
        return self.tr("Customer")

    def retranslate(self) -> None:
        self.search_label.setText(self.tr("Find the customer"))
        self.search.setPlaceholderText(self.tr("Type a customer's name, Down to the list, Enter"))
        texts = [
            self.tr("Quote name"),
            self.tr("Currency"),
            self.tr("Quote date"),
            self.tr("Valid until"),
            self.tr("Payment terms"),
            self.tr("Competitors"),
        ]
        for label, text in zip(self.form_labels, texts, strict=True):
            label.setText(text)
        self.payment.setSuffix(self.tr(" days"))
        self.competitors.setPlaceholderText(self.tr("Rivals on this deal, separated by commas"))
        self._show(self.draft.document)

    def enter(self) -> None:
        if not self._currencies_read:
            self._currencies_read = True
            workspace = self.context.workspace
            self.context.tasks.run(
                lambda: price_book_currencies(workspace),
                self._fill_currencies,
                label=self.tr("Reading currencies…"),
                name="wizard-currencies",
                owner=self,
            )
        if not self.results.count():
            self._run_search()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search.selectAll()

    def validate(self) -> list[str]:
        if not self.draft.document.customer.name:
            return [self.tr("Pick the customer first.")]
        return []

    # searching --------------------------------------------------------------------------------

    def _run_search(self) -> None:
        self._search_serial += 1
        serial = self._search_serial
        text = self.search.text()
        workspace = self.context.workspace
        self.searching = True
        self.context.tasks.run(
            lambda: search_customers(workspace, text),
            lambda hits: self._show_hits(serial, hits),
            name="wizard-customer-search",
            owner=self,
        )

    def _show_hits(self, serial: int, hits: list[CustomerHit]) -> None:
        if serial != self._search_serial:
            return  # an older search answered after a newer one started
        self.searching = False
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(
                f"{hit.name}  ·  {hit.segment.replace('_', ' ')}, {hit.region.replace('_', ' ')}"
                f"  ·  {hit.currency}"
            )
            item.setData(HIT_ROLE, hit)
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
        if self._pick_when_found:
            self._pick_when_found = False
            if hits:
                self._pick_item(self.results.item(0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
                self.results.setFocus(Qt.FocusReason.OtherFocusReason)
                row = self.results.currentRow()
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                if row < 0:
                    self.results.setCurrentRow(0)
                elif 0 <= row + step < self.results.count():
                    self.results.setCurrentRow(row + step)
                return True
        return super().eventFilter(watched, event)

    def _pick_first(self) -> None:
        if self._timer.isActive() or self.searching:
            self._timer.stop()
            self._pick_when_found = True  # pick the first hit of what the box says now
            self._run_search()
            return
        item = self.results.currentItem() or self.results.item(0)
        if item is not None:
            self._pick_item(item)

    def _pick_item(self, item: QListWidgetItem) -> None:
        hit: CustomerHit = item.data(HIT_ROLE)
        doc = self.draft.document
        self.draft.apply(
            replace(
                doc,
                customer=CustomerRef(hit.name, hit.id, hit.segment, hit.region),
                currency=hit.currency,
                name=doc.name or f"{hit.name} {doc.date.isoformat()}",
            ),
            self.tr("Customer %1").replace("%1", hit.name),
        )
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # fields -----------------------------------------------------------------------------------

    def _fill_currencies(self, currencies: list[str]) -> None:
        current = self.draft.document.currency
        self.currency.blockSignals(True)
        self.currency.clear()
        self.currency.addItems(sorted(set(currencies) | {current}))
        self.currency.setCurrentText(current)
        self.currency.blockSignals(False)

    def _show(self, doc: QuoteDocument) -> None:
        customer = doc.customer
        if customer.name:
            self.chosen.setText(
                self.tr("Quote for %1 (%2, %3)")
                .replace("%1", customer.name)
                .replace("%2", (customer.segment or "").replace("_", " "))
                .replace("%3", (customer.region or "").replace("_", " "))
            )
        else:
            self.chosen.setText(self.tr("No customer picked yet."))
        for widget, value in (
            (self.name_edit, doc.name),
            (self.competitors, ", ".join(doc.competitors)),
        ):
            if not widget.hasFocus() and widget.text() != value:
                widget.setText(value)
        self.currency.blockSignals(True)
        if self.currency.findText(doc.currency) < 0:
            self.currency.addItem(doc.currency)
        self.currency.setCurrentText(doc.currency)
        self.currency.blockSignals(False)
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(_qdate(doc.date))
        self.date_edit.blockSignals(False)
        self.expiry_edit.blockSignals(True)
        self.expiry_edit.setDate(
            _qdate(doc.expires_on or doc.date + timedelta(days=DEFAULT_VALID_DAYS))
        )
        self.expiry_edit.blockSignals(False)
        self.payment.blockSignals(True)
        self.payment.setValue(doc.payment_terms_days)
        self.payment.blockSignals(False)
        self._read_books(doc)

    def _read_books(self, doc: QuoteDocument) -> None:
        key = (doc.currency, doc.date, doc.customer.segment)
        if key == self._books_key:
            return
        self._books_key = key
        workspace = self.context.workspace
        segment = doc.customer.segment
        self.context.tasks.run(
            lambda: price_book_names(workspace, doc, segment),
            self._show_books,
            name="wizard-price-books",
            owner=self,
        )

    def _show_books(self, names: list[str]) -> None:
        if names:
            self.book_label.setText(self.tr("Price book: %1").replace("%1", names[0]))
        else:
            self.book_label.setText(self.tr("No price book in this currency on this date"))

    def _edit(self, description: str, **changes: object) -> None:
        self.draft.apply(replace(self.draft.document, **changes), description)

    def _edit_name(self) -> None:
        self._edit(self.tr("Quote name"), name=self.name_edit.text().strip())

    def _edit_currency(self, _index: int) -> None:
        self._edit(self.tr("Currency"), currency=self.currency.currentText())

    def _edit_dates(self) -> None:
        self._edit(
            self.tr("Quote dates"),
            date=_pydate(self.date_edit.date()),
            expires_on=_pydate(self.expiry_edit.date()),
        )

    def _edit_payment(self) -> None:
        self._edit(self.tr("Payment terms"), payment_terms_days=self.payment.value())

    def _edit_competitors(self) -> None:
        names = tuple(n.strip() for n in self.competitors.text().split(",") if n.strip())
        self._edit(self.tr("Competitors"), competitors=names)
