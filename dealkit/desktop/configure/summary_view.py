"""The Quote page's view of a configuration the rep just accepted: choices, prices, total.

It lives in the detail pane beside the quote's lines. It shows the configuration, it does not
save it: adding a configured line to a quote is the Quote wizard's work (pricing issue), so the
view says so instead of pretending. "Edit configuration…" reopens the dialog on these choices.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop.configure.summary import ConfigurationSummary
from dealkit.desktop.i18n import Retranslating

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ConfigurationSummaryView(Retranslating, QWidget):
    """Shows one ``ConfigurationSummary``; ``edit_requested`` asks to reopen the dialog."""

    edit_requested = Signal(object)  # the ConfigurationSummary
    close_requested = Signal()

    def __init__(self, locale: str = "en_US", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("configurationSummary")
        self.locale = locale
        self.summary: ConfigurationSummary | None = None
        self.quote_label = ""
        self.title = QLabel()
        self.title.setProperty("role", "subheading")
        self.context_label = QLabel()
        self.context_label.setProperty("role", "muted")
        self.context_label.setWordWrap(True)
        self.options = QTreeWidget()
        self.options.setObjectName("configurationOptions")
        self.options.setRootIsDecorated(False)
        self.options.setAlternatingRowColors(True)
        self.options.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.options.setColumnCount(3)
        header = self.options.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(2, 130)
        self.total_label = QLabel()
        self.total_label.setProperty("role", "strong")
        self.total_label.setObjectName("configurationTotal")
        self.currency_note = QLabel()
        self.currency_note.setProperty("role", "caption")
        self.currency_note.setWordWrap(True)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self._edit)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close_requested)

        footer = QHBoxLayout()
        footer.setSpacing(10)
        footer.addWidget(self.currency_note, 1)
        footer.addWidget(self.total_label)
        footer.addSpacing(8)
        footer.addWidget(self.edit_button)
        footer.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.context_label)
        layout.addWidget(self.options, 1)
        layout.addLayout(footer)
        self.retranslate()

    def show_summary(self, summary: ConfigurationSummary, quote_label: str = "") -> None:
        """Show ``summary``; ``quote_label`` names the quote it was configured for ("" if none)."""
        self.summary = summary
        self.quote_label = quote_label
        self._show()

    def set_locale(self, locale: str) -> None:
        self.locale = locale
        self._show()

    def retranslate(self) -> None:
        self.options.setHeaderLabels([self.tr("Option"), self.tr("Choice"), self.tr("Price")])
        self.options.headerItem().setTextAlignment(2, RIGHT)
        self.edit_button.setText(self.tr("Edit configuration…"))
        self.close_button.setText(self.tr("Close summary"))
        self._show()

    def _edit(self) -> None:
        if self.summary is not None:
            self.edit_requested.emit(self.summary)

    def _show(self) -> None:
        summary = self.summary
        self.options.clear()
        self.edit_button.setEnabled(summary is not None)
        if summary is None:
            self.title.setText(self.tr("No configuration yet."))
            self.context_label.clear()
            self.total_label.clear()
            self.currency_note.clear()
            return
        name = f"{summary.name} ({summary.sku})" if summary.sku else summary.name
        self.title.setText(name)
        if self.quote_label:
            self.context_label.setText(
                self.tr(
                    "Configured for %1. Not saved: the Quote wizard adds configured lines "
                    "to a quote."
                ).replace("%1", self.quote_label)
            )
        else:
            self.context_label.setText(
                self.tr("Not saved: the Quote wizard adds configured lines to a quote.")
            )
        for line in summary.lines:
            price = line.price.format(self.locale) if line.price is not None else ""
            item = QTreeWidgetItem([line.group, line.choice, price])
            if line.option:  # an option of a group of several: "2 × 1.92 TB SATA SSD"
                joined = (
                    f"{line.choice} {line.option}"
                    if line.choice.endswith("×")
                    else f"{line.option}: {line.choice}"
                )
                item.setText(1, joined)
            item.setTextAlignment(2, RIGHT)
            item.setToolTip(1, item.text(1))
            item.setData(0, Qt.ItemDataRole.UserRole, line.variable)
            self.options.addTopLevelItem(item)
        if summary.total is not None:
            self.total_label.setText(
                self.tr("Options total: %1").replace("%1", summary.total.format(self.locale))
            )
        else:
            self.total_label.clear()
        self.currency_note.setText(self._currency_note(summary))

    def _currency_note(self, summary: ConfigurationSummary) -> str:
        if not summary.currency:
            return self.tr(
                "The product model names no currency, so its option prices are not shown."
            )
        if summary.quote_currency is None:
            return self.tr("Option prices in %1, added to the product's list price.").replace(
                "%1", summary.currency
            )
        if summary.currency_matches:
            return self.tr(
                "Option prices in the quote's currency, %1, added to the product's list price."
            ).replace("%1", summary.currency)
        return (
            self.tr(
                "Option prices are in %1, the currency of the product model; this quote is in %2, "
                "so they are not converted or added to it here."
            )
            .replace("%1", summary.currency)
            .replace("%2", summary.quote_currency)
        )
