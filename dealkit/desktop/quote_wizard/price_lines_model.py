"""The Price step's grid: the draft's lines with their prices, editable where a rep types.

Rows are the draft document's lines (read by position, nothing copied); figures come from the
``DraftPricer``'s last pricing of each line and are formatted only in ``data()``. An edit
(quantity, discounts, group, term) becomes one ``draft.apply`` -- undoable -- and the pricer
reprices just that line; the grid then repaints with one ``dataChanged`` over all rows (only the
visible ones are drawn), never a reset, unless lines were added or removed.

A line the engine cannot price is marked red on the field at fault, and every cell of the line
says why in its tooltip.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from dealkit.desktop.quote_wizard import line_edits
from dealkit.desktop.quote_wizard.draft import QuoteDraft
from dealkit.desktop.quote_wizard.draft_pricer import DraftPricer
from dealkit.engine.money import Money
from dealkit.engine.pricing.errors import Problem
from dealkit.engine.quotes.document import QuoteDocument, QuoteLineDoc

Index = QModelIndex | QPersistentModelIndex
LINE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PROBLEM_BACKGROUND = QColor("#fde2e1")
PROBLEM_MARK = QColor("#c62828")


class Col(IntEnum):
    SKU = 0
    DESCRIPTION = 1
    QTY = 2
    LIST = 3
    DISCOUNT_PERCENT = 4
    DISCOUNT_AMOUNT = 5
    NET = 6
    MARGIN = 7
    GROUP = 8
    TERM = 9


EDITABLE = {Col.QTY, Col.DISCOUNT_PERCENT, Col.DISCOUNT_AMOUNT, Col.GROUP, Col.TERM}
NUMERIC = {Col.QTY, Col.LIST, Col.DISCOUNT_PERCENT, Col.DISCOUNT_AMOUNT, Col.NET, Col.MARGIN}
# which column a problem's field belongs to
FIELD_COLUMNS = {
    "sku": Col.SKU,
    "quantity": Col.QTY,
    "discount.percent": Col.DISCOUNT_PERCENT,
    "discount.amount": Col.DISCOUNT_AMOUNT,
    "term_months": Col.TERM,
    "co_term_end": Col.TERM,
    "group": Col.GROUP,
}


_ROLES = {
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ForegroundRole,
    LINE_ID_ROLE,
}


def column_title(column: Col) -> str:
    return {
        Col.SKU: QCoreApplication.translate("PriceLinesModel", "SKU"),
        Col.DESCRIPTION: QCoreApplication.translate("PriceLinesModel", "Description"),
        Col.QTY: QCoreApplication.translate("PriceLinesModel", "Qty"),
        Col.LIST: QCoreApplication.translate("PriceLinesModel", "List"),
        Col.DISCOUNT_PERCENT: QCoreApplication.translate("PriceLinesModel", "Disc %"),
        Col.DISCOUNT_AMOUNT: QCoreApplication.translate("PriceLinesModel", "Disc amt"),
        Col.NET: QCoreApplication.translate("PriceLinesModel", "Net"),
        Col.MARGIN: QCoreApplication.translate("PriceLinesModel", "Margin %"),
        Col.GROUP: QCoreApplication.translate("PriceLinesModel", "Group"),
        Col.TERM: QCoreApplication.translate("PriceLinesModel", "Term mo"),
    }[column]


def problem_column(problem: Problem) -> Col:
    field = problem.field
    if field.startswith("options"):
        return Col.DESCRIPTION
    return FIELD_COLUMNS.get(field, Col.SKU)


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}"


class PriceLinesModel(QAbstractTableModel):
    """``edit_refused(text)`` says why typed text was not taken (not a number, ...)."""

    edit_refused = Signal(str)

    def __init__(
        self,
        draft: QuoteDraft,
        pricer: DraftPricer,
        parent: QObject | None = None,
        babel_locale: str = "en_US",
    ) -> None:
        super().__init__(parent)
        self.draft = draft
        self.pricer = pricer
        self.locale = babel_locale
        self._lines: tuple[QuoteLineDoc, ...] = draft.document.lines
        # Babel formats a figure in ~0.2 ms; a repaint asks for the same figures again and again
        self._money: dict[tuple[Decimal, str], str] = {}
        draft.changed.connect(self._document_changed)
        pricer.repriced.connect(self._repriced)

    # shape ------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            numeric = orientation == Qt.Orientation.Horizontal and section in NUMERIC
            if role == Qt.ItemDataRole.TextAlignmentRole and numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_title(Col(section))
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() in EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def line_at(self, row: int) -> QuoteLineDoc:
        return self._lines[row]

    def row_of(self, line_id: str) -> int:
        for row, line in enumerate(self._lines):
            if line.id == line_id:
                return row
        raise KeyError(line_id)

    # data -------------------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role not in _ROLES:
            return None
        line = self._lines[index.row()]
        column = Col(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(line, column, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC | {Col.TERM}:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == LINE_ID_ROLE:
            return line.id
        problems = self.pricer.line_problems(line.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            if problems:
                return "\n".join(f"{p.field}: {p.message}" for p in problems)
            if column == Col.NET:
                return QCoreApplication.translate("PriceLinesModel", "F1: why this price")
            return None
        if not problems:
            return None
        if role == Qt.ItemDataRole.BackgroundRole and any(
            problem_column(p) == column for p in problems
        ):
            return PROBLEM_BACKGROUND
        if role == Qt.ItemDataRole.DecorationRole and column == Col.SKU:
            return PROBLEM_MARK
        if role == Qt.ItemDataRole.ForegroundRole and column in (Col.NET, Col.LIST):
            return PROBLEM_MARK
        return None

    def _text(self, line: QuoteLineDoc, column: Col, editing: bool) -> str:
        if column == Col.SKU:
            return line.sku
        if column == Col.QTY:
            return _number(line.quantity)
        if column == Col.DISCOUNT_PERCENT:
            return _number(line.discount_percent)
        if column == Col.DISCOUNT_AMOUNT:
            return _number(line.discount_amount)
        if column == Col.GROUP:
            return line.group
        if column == Col.TERM:
            term = line.subscription.term_months if line.subscription else None
            return str(term) if term else ""
        lp = self.pricer.line_price(line.id)
        if column == Col.DESCRIPTION:
            if lp is not None:
                name = lp.listed.item.name
            else:
                basis = self.pricer.basis
                item = basis.catalog.get(line.sku) if basis is not None else None
                name = item.name if item is not None else ""
            if line.options:
                name += QCoreApplication.translate("PriceLinesModel", " (%n option(s))").replace(
                    "%n", str(len(line.options))
                )
            return name
        if lp is None or self.pricer.line_problems(line.id):
            return "—"
        currency = self.draft.document.currency
        if column == Col.LIST:
            return self._format(lp.list_total, currency)
        if column == Col.NET:
            text = self._format(lp.net, currency)
            return (
                text if lp.counted else f"({text})"  # an alternative not counted in the total
            )
        if column == Col.MARGIN:
            return f"{lp.margin_percent}"
        return ""

    def _format(self, amount: Decimal, currency: str) -> str:
        key = (amount, currency)
        text = self._money.get(key)
        if text is None:
            if len(self._money) > 20_000:
                self._money.clear()
            text = self._money[key] = Money(amount, currency).format(self.locale)
        return text

    # editing ----------------------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        column = Col(index.column())
        if column not in EDITABLE:
            return False
        line = self._lines[index.row()]
        text = str(value).strip()
        doc = self.draft.document
        where = (
            QCoreApplication.translate("PriceLinesModel", "Line %1 (%2)")
            .replace("%1", line.id)
            .replace("%2", line.sku)
        )
        if column == Col.GROUP:
            new = line_edits.replace_line(doc, line.id, group=text)
            if text:
                new = line_edits.add_group(new, text)
            self.draft.apply(
                new,
                QCoreApplication.translate("PriceLinesModel", "%1: group %2")
                .replace("%1", where)
                .replace("%2", text),
            )
            return True
        if column == Col.TERM:
            if not text:
                months = None
            elif text.isdigit():
                months = int(text)
            else:
                self.edit_refused.emit(
                    QCoreApplication.translate(
                        "PriceLinesModel",
                        "%1, term: %2 is not a number of months; type e.g. 12, 24 or 36",
                    )
                    .replace("%1", where)
                    .replace("%2", text)
                )
                return False
            self.draft.apply(
                line_edits.set_term(doc, line.id, months),
                QCoreApplication.translate("PriceLinesModel", "%1: term %2 months")
                .replace("%1", where)
                .replace("%2", text or "-"),
            )
            return True
        try:
            number = Decimal(text.replace(",", "").rstrip("%").strip() or "0")
            if not number.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            self.edit_refused.emit(
                QCoreApplication.translate(
                    "PriceLinesModel", "%1, %2: %3 is not a number; type e.g. 12 or 7.5"
                )
                .replace("%1", where)
                .replace("%2", column_title(column))
                .replace("%3", text)
            )
            return False
        field = {
            Col.QTY: "quantity",
            Col.DISCOUNT_PERCENT: "discount_percent",
            Col.DISCOUNT_AMOUNT: "discount_amount",
        }[column]
        old = getattr(line, field)
        if number == old:
            return True
        self.draft.apply(
            line_edits.replace_line(doc, line.id, **{field: number}),
            QCoreApplication.translate("PriceLinesModel", "%1: %2 from %3 to %4")
            .replace("%1", where)
            .replace("%2", column_title(column))
            .replace("%3", _number(old))
            .replace("%4", _number(number)),
        )
        return True

    # following the draft ----------------------------------------------------------------------

    def _document_changed(self, doc: QuoteDocument) -> None:
        old, new = self._lines, doc.lines
        if old is new:
            return
        if len(old) == len(new) and all(a.id == b.id for a, b in zip(old, new, strict=True)):
            self._lines = new
            changed = [row for row, (a, b) in enumerate(zip(old, new, strict=True)) if a is not b]
            if changed:
                self.dataChanged.emit(
                    self.index(min(changed), 0), self.index(max(changed), len(Col) - 1)
                )
            return
        if len(new) == len(old) + 1:
            row = next(
                (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a.id != b.id),
                len(old),
            )
            if _same_ids(new[:row] + new[row + 1 :], old):
                self.beginInsertRows(QModelIndex(), row, row)
                self._lines = new
                self.endInsertRows()
                return
        if len(new) == len(old) - 1:
            row = next(
                (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a.id != b.id),
                len(new),
            )
            if _same_ids(old[:row] + old[row + 1 :], new):
                self.beginRemoveRows(QModelIndex(), row, row)
                self._lines = new
                self.endRemoveRows()
                return
        self.beginResetModel()
        self._lines = new
        self.endResetModel()

    def _repriced(self) -> None:
        changed = self.pricer.changed_ids
        if self._lines and len(changed) < 50:
            rows = [row for row, line in enumerate(self._lines) if line.id in changed]
            if rows:
                self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), len(Col) - 1))
            return
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, len(Col) - 1))

    def set_locale(self, babel_locale: str) -> None:
        self.locale = babel_locale
        self._money.clear()
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, len(Col) - 1))


def _same_ids(a: tuple[QuoteLineDoc, ...], b: tuple[QuoteLineDoc, ...]) -> bool:
    return len(a) == len(b) and all(x.id == y.id for x, y in zip(a, b, strict=True))
