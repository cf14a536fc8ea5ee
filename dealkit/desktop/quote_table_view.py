"""One look for every table of quotes (Quote and Approvals pages): widths, alignment, sorting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from dealkit.desktop.quote_table_model import Column

FIXED_WIDTHS = {
    Column.NUMBER: 124,
    Column.VERSION: 72,
    Column.STATUS: 104,
    Column.TOTAL: 150,
    Column.QUOTE_DATE: 124,
    Column.OWNER: 170,
}


def setup_quote_table(table: QTableView) -> None:
    """Rows select whole, money right-aligned, customer and name share the spare width."""
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(34)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setMinimumSectionSize(60)
    for column, width in FIXED_WIDTHS.items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(column, width)
    header.setSectionResizeMode(Column.CUSTOMER, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
    table.sortByColumn(Column.QUOTE_DATE, Qt.SortOrder.DescendingOrder)
