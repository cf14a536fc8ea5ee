"""The quote list as a Qt table model, with a filter-and-sort proxy on top.

The model holds ``QuoteRow`` values (read by a worker, see ``quote_rows.py``) and formats them
only in ``data()``, for the current locale, so a language switch needs one ``dataChanged`` and
no reload. Sorting compares real values (``SORT_ROLE``: Decimal amounts, dates, numbers), not the
formatted text, so ``$9,000`` sorts below ``$10,000``.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from dealkit.desktop import labels
from dealkit.desktop.quote_rows import QuoteRow
from dealkit.engine.store.models import QuoteStatus

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NUMBER = 0
    VERSION = 1
    CUSTOMER = 2
    NAME = 3
    STATUS = 4
    TOTAL = 5
    QUOTE_DATE = 6
    OWNER = 7


def column_title(column: Column) -> str:
    titles = {
        Column.NUMBER: QCoreApplication.translate("QuoteTableModel", "Number"),
        Column.VERSION: QCoreApplication.translate("QuoteTableModel", "Version"),
        Column.CUSTOMER: QCoreApplication.translate("QuoteTableModel", "Customer"),
        Column.NAME: QCoreApplication.translate("QuoteTableModel", "Quote name"),
        Column.STATUS: QCoreApplication.translate("QuoteTableModel", "Status"),
        Column.TOTAL: QCoreApplication.translate("QuoteTableModel", "Total"),
        Column.QUOTE_DATE: QCoreApplication.translate("QuoteTableModel", "Quote date"),
        Column.OWNER: QCoreApplication.translate("QuoteTableModel", "Owner"),
    }
    return titles[column]


class QuoteTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None, babel_locale: str = "en_US") -> None:
        super().__init__(parent)
        self._rows: list[QuoteRow] = []
        self._locale = babel_locale

    # content ----------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[QuoteRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> QuoteRow:
        return self._rows[row]

    def rows(self) -> list[QuoteRow]:
        return list(self._rows)

    def set_locale(self, babel_locale: str) -> None:
        """Reformat money, dates and labels for ``babel_locale`` (after a language switch)."""
        self._locale = babel_locale
        self.retranslate()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1)
            )

    # QAbstractTableModel ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column_title(Column(section))
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (Column.TOTAL, Column.VERSION):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (Column.TOTAL, Column.VERSION):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.TOTAL:
                # lupdate sees a plural only in self.tr(...) with a plain name as the count
                lines = row.line_count
                return self.tr("%n line(s)", "", lines)
            if column in (Column.CUSTOMER, Column.NAME, Column.OWNER):
                return self._display(row, column)  # the full text of an elided cell
            if column == Column.VERSION and len(row.versions) > 1:
                # every saved version of this quote number (the Versions tab compares them)
                return (
                    self.tr("Version %1 of %2: %3")
                    .replace("%1", str(row.version))
                    .replace("%2", str(len(row.versions)))
                    .replace("%3", ", ".join(str(v) for v in row.versions))
                )
        return None

    def _display(self, row: QuoteRow, column: Column) -> str:
        match column:
            case Column.NUMBER:
                return row.number
            case Column.VERSION:
                return str(row.version)
            case Column.CUSTOMER:
                return row.customer
            case Column.NAME:
                return row.name
            case Column.STATUS:
                return labels.quote_status(row.status)
            case Column.TOTAL:
                return row.total.format(self._locale)
            case Column.QUOTE_DATE:
                return labels.short_date(row.quote_date, self._locale)
            case Column.OWNER:
                return row.owner

    @staticmethod
    def _sort_key(row: QuoteRow, column: Column) -> Any:
        match column:
            case Column.NUMBER:
                return (row.number, row.version)
            case Column.VERSION:
                return (row.version, row.number)
            case Column.CUSTOMER:
                return (row.customer.casefold(), row.number)
            case Column.NAME:
                return (row.name.casefold(), row.number)
            case Column.STATUS:
                return (list(type(row.status)).index(row.status), row.number)
            case Column.TOTAL:
                # Amounts in different currencies are not comparable: group by currency first.
                return (row.total.currency, row.total.amount)
            case Column.QUOTE_DATE:
                return (row.quote_date, row.number)
            case Column.OWNER:
                return (row.owner.casefold(), row.number)


class QuoteFilterProxy(QSortFilterProxyModel):
    """Sorts by real values and keeps the rows whose text contains every typed word.

    A row's text is its visible cells (number, customer, name, status, owner...) and the SKU
    and name of the product on each of its lines, so "SRV-R7" finds every quote selling one.
    ``set_status`` keeps only the quotes in one status (None: every status).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self._words: list[str] = []
        self._status: QuoteStatus | None = None

    def set_filter_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filter_text(self) -> str:
        return " ".join(self._words)

    def set_status(self, status: QuoteStatus | None) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def status(self) -> QuoteStatus | None:
        return self._status

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        row = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        if self._status is not None and row is not None and row.status != self._status:
            return False
        if not self._words:
            return True
        text = " ".join(
            str(model.data(model.index(source_row, c, source_parent)) or "")
            for c in range(model.columnCount())
        )
        if row is not None:
            text += " " + row.search_text()
        text = text.casefold()
        return all(word in text for word in self._words)

    def lessThan(self, left: Index, right: Index) -> bool:
        return left.data(SORT_ROLE) < right.data(SORT_ROLE)
