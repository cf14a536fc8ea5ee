"""Pick what to configure: a line of the selected quote that holds choices, or a product afresh.

A small keyboard-first dialog (arrows and Enter, or a double click) in front of the Configure
dialog. The selected quote's configured lines come first, because continuing a configuration is
the common case; then every configurable product of the workspace, to start from its defaults.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop.configure.catalog import ConfigurableProduct, ConfigureChoices, ConfiguredLine
from dealkit.desktop.i18n import Retranslating


@dataclass(frozen=True)
class Pick:
    """The rep's pick: a product, and the line whose choices to start from (None: afresh).

    ``choices`` starts from given choices instead (reopening an accepted configuration)."""

    product: ConfigurableProduct
    line: ConfiguredLine | None = None
    choices: Mapping[str, Any] | None = None

    @property
    def options(self) -> dict[str, Any]:
        if self.choices is not None:
            return dict(self.choices)
        return dict(self.line.choices) if self.line is not None else {}


class ProductPickerDialog(Retranslating, QDialog):
    def __init__(self, choices: ConfigureChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("configurePicker")
        self.choices = choices
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("configurePickerList")
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(10)
        layout.addWidget(self.prompt)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 320)
        self.retranslate()
        self.list.setCurrentRow(0)
        self.list.setFocus()

    def picks(self) -> list[Pick]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def pick(self) -> Pick | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def select(self, pick: Pick) -> None:
        """Make ``pick`` the current entry (tests and callers that know what the rep wants)."""
        self.list.setCurrentRow(self.picks().index(pick))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Configure product"))
        self.prompt.setText(self.tr("Choose what to configure:"))
        current = self.list.currentRow()
        self.list.clear()
        for line in self.choices.lines:
            text = (
                self.tr("Continue %1 v%2, line %3: %4 (%n choice(s))", "", len(line.choices))
                .replace("%1", line.quote_number)
                .replace("%2", str(line.quote_version))
                .replace("%3", str(line.position))
                .replace("%4", line.product.name)
            )
            self._add(text, Pick(line.product, line))
        for product in self.choices.products:
            text = self.tr("%1 (%2): new configuration").replace("%1", product.name)
            self._add(text.replace("%2", product.sku), Pick(product))
        self.list.setCurrentRow(max(current, 0))

    def _add(self, text: str, pick: Pick) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, pick)
        item.setToolTip(text)
        self.list.addItem(item)
