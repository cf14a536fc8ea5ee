"""The options of one variable as a Qt list model: withheld ones greyed, with the reason.

Row 0 is "not chosen"; rows 1.. are the variable's values in model order. Withheld values are
not selectable (no ``ItemIsEnabled``), so a combo box shows them greyed; their tooltip is the
configurator's explanation, computed only when Qt asks for it (hovering), then cached until the
choices change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from dealkit.engine.configurator import Value, Variable

Index = QModelIndex | QPersistentModelIndex


class OptionListModel(QAbstractListModel):
    def __init__(self, variable: Variable, explain: Callable[[Value], str], parent=None) -> None:
        super().__init__(parent)
        self.variable = variable
        self._explain = explain
        self._offered: set[Value] = set(variable.values)
        self._reasons: dict[Value, str] = {}
        self.unset_text = self.tr("(not chosen)")

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.variable.values) + 1

    def value_at(self, row: int) -> Value | None:
        return None if row <= 0 else self.variable.values[row - 1]

    def row_of(self, value: Value | None) -> int:
        return 0 if value is None else self.variable.values.index(value) + 1

    def is_offered(self, value: Value) -> bool:
        return value in self._offered

    def set_offered(self, offered: set[Value], unset_text: str) -> None:
        self._offered = offered
        self._reasons.clear()
        self.unset_text = unset_text
        self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    def flags(self, index: Index) -> Qt.ItemFlag:
        value = self.value_at(index.row())
        if value is None or value in self._offered:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.value_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.unset_text if value is None else self.variable.label_of(value)
        if role == Qt.ItemDataRole.ToolTipRole and value is not None:
            if value in self._offered:
                price = (
                    self.variable.prices[self.variable.values.index(value)]
                    if (self.variable.prices)
                    else None
                )
                return self.tr("Price: %1").replace("%1", str(price)) if price else None
            if value not in self._reasons:
                self._reasons[value] = self._explain(value)
            return self._reasons[value]
        if role == Qt.ItemDataRole.UserRole:
            return value
        return None
