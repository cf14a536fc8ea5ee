"""The approvals queue: the quote table plus a "Why" column.

A manager scanning the queue sees why each quote waits without selecting it. The cell names the
triggered rules, the first reason's rule first ("Line discount above 20% ×7 · Margin below 30%"):
the first reason in full starts with where it was found ("line 1 [L1] (NET-LEAF-48): ..."), which
an elided cell cuts before the why. The view elides the cell; its tooltip lists every reason.
The reasons arrive after the rows (they need pricing, done on a worker), so the column says
"Checking…" until ``set_checks``. The filter box matches the cell's text too ("margin" keeps
the quotes held for margin).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt

from dealkit.desktop.quote_table_model import SORT_ROLE, Column, Index, QuoteTableModel

if TYPE_CHECKING:  # the engine's approvals load only when the page checks a queue
    from dealkit.engine.approvals.saved import SavedQuoteCheck

REASON_COLUMN = len(Column)
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 3  # True when the quote could not be checked


class ApprovalQueueModel(QuoteTableModel):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._checks: dict[str, SavedQuoteCheck] | None = None

    def set_rows(self, rows: Any) -> None:
        self._checks = None
        super().set_rows(rows)

    def set_checks(self, checks: dict[str, SavedQuoteCheck]) -> None:
        self._checks = dict(checks)
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, REASON_COLUMN), self.index(self.rowCount() - 1, REASON_COLUMN)
            )

    def check_for(self, quote_id: str) -> SavedQuoteCheck | None:
        return None if self._checks is None else self._checks.get(quote_id)

    @property
    def checked(self) -> bool:
        return self._checks is not None

    def retranslate(self) -> None:
        super().retranslate()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, REASON_COLUMN, REASON_COLUMN)
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, REASON_COLUMN), self.index(self.rowCount() - 1, REASON_COLUMN)
            )

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else REASON_COLUMN + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if section == REASON_COLUMN and orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("ApprovalQueueModel", "Why")
            return None
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() != REASON_COLUMN:
            return super().data(index, role)
        if index.row() >= self.rowCount():
            return None
        row = self.row_at(index.row())
        check = self.check_for(row.id)
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if self._checks is None:
                return QCoreApplication.translate("ApprovalQueueModel", "Checking…")
            if check is None:
                return ""
            return check.summary
        if role == Qt.ItemDataRole.ToolTipRole and check is not None:
            return "\n".join(check.reasons) or check.problem
        if role == PROBLEM_ROLE:
            return check is not None and check.problem is not None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None
