"""The lines of the selected quote, under the quote list: what is being sold, at what discount.

A manager deciding on a quote in review, or a rep checking a number, needs the lines without
leaving the list; they are read on a worker when the selection changes.
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal, format_percent
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop.context import DesktopContext
from dealkit.desktop.i18n import Retranslating
from dealkit.desktop.quote_rows import QuoteLineRow, QuoteRow, load_quote_lines
from dealkit.desktop.tasks import TaskFailure

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class QuoteDetail(Retranslating, QWidget):
    def __init__(
        self, context: DesktopContext, parent: QWidget | None = None, wrap_title: bool = False
    ) -> None:
        """``wrap_title`` lets a long title ("number · customer · total") wrap, so the pane can
        share its width with another (the Approvals page's "why" panel) instead of claiming it."""
        super().__init__(parent)
        self.context = context
        self.quote: QuoteRow | None = None
        self.line_rows: list[QuoteLineRow] = []
        self._seq = 0
        self.loading = False
        self.title = QLabel()
        self.title.setProperty("role", "subheading")
        self.title.setWordWrap(wrap_title)
        self.lines = QTreeWidget()
        self.lines.setObjectName("quoteLines")
        self.lines.setRootIsDecorated(False)
        self.lines.setAlternatingRowColors(True)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.lines.setColumnCount(6)
        header = self.lines.header()
        header.setStretchLastSection(False)
        # the figures and the SKU take what they show (in this language); the product name the
        # rest: fixed widths left a half-width pane (Approvals) with "N..." for every name
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.lines, 1)
        context.languages.language_changed.connect(lambda _lang: self._show())
        self.retranslate()

    def retranslate(self) -> None:
        self.lines.setHeaderLabels(
            [
                self.tr("SKU"),
                self.tr("Product"),
                self.tr("Quantity"),
                self.tr("Unit list price"),
                self.tr("Discount"),
                self.tr("Net"),
            ]
        )
        for column in (2, 3, 4, 5):
            self.lines.headerItem().setTextAlignment(column, RIGHT)
        self._show()

    def show_quote(self, quote: QuoteRow | None) -> None:
        """Load and show ``quote``'s lines (None clears the pane)."""
        self.quote = quote
        self.line_rows = []
        self._seq += 1
        seq = self._seq
        if quote is None:
            self._show()
            return
        self.loading = True
        self._show()
        workspace = self.context.workspace
        self.context.tasks.run(
            lambda: load_quote_lines(workspace, quote.id),
            lambda rows: self._loaded(seq, rows),
            lambda failure: self._failed(seq, failure),
            name="quote-lines",
        )

    def _loaded(self, seq: int, rows: list[QuoteLineRow]) -> None:
        if seq == self._seq:
            self.loading = False
            self.line_rows = rows
            self._show()

    def _failed(self, seq: int, failure: TaskFailure) -> None:
        if seq == self._seq:
            self.loading = False
            self.title.setText(
                self.tr("The lines could not be loaded: %1").replace("%1", failure.message)
            )

    def _show(self) -> None:
        locale = self.context.babel_locale
        quote = self.quote
        self.lines.clear()
        if quote is None:
            self.title.setText(self.tr("Select a quote to see its lines."))
            return
        self.title.setText(
            self.tr("%1 v%2 · %3 · %4")
            .replace("%1", quote.number)
            .replace("%2", str(quote.version))
            .replace("%3", quote.customer)
            .replace("%4", quote.total.format(locale))
        )
        for row in self.line_rows:
            item = QTreeWidgetItem(
                [
                    row.sku,
                    row.product,
                    format_decimal(row.quantity, locale=locale),
                    row.unit_list.format(locale),
                    format_percent(row.discount_percent / Decimal(100), "#,##0.#%", locale=locale)
                    if row.discount_percent
                    else "",
                    row.net.format(locale),
                ]
            )
            for column in (2, 3, 4, 5):
                item.setTextAlignment(column, RIGHT)
            item.setToolTip(1, row.product)
            self.lines.addTopLevelItem(item)
