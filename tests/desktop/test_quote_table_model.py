"""The quote list's model: rows from the store, formatting per locale, real-value sorting."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from dealkit.desktop.quote_rows import load_quote_rows
from dealkit.desktop.quote_table_model import (
    ROW_ROLE,
    Column,
    QuoteFilterProxy,
    QuoteTableModel,
)
from dealkit.engine.money import Money


def _column(proxy: QuoteFilterProxy, column: Column) -> list[str]:
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def test_rows_come_from_the_store_with_exact_totals(small_workspace):
    rows = load_quote_rows(small_workspace)
    assert len(rows) == 5
    by_key = {(r.number, r.version): r for r in rows}
    assert by_key[("Q-2026-0002", 2)].total == Money.of("12500.50", "USD")
    assert by_key[("Q-2026-0002", 2)].line_count == 2
    assert by_key[("Q-2026-0003", 1)].total == Money.of("450000.00", "THB")
    assert isinstance(by_key[("Q-2026-0003", 1)].total.amount, Decimal)
    assert by_key[("Q-2026-0003", 1)].owner == "Nok Srisuk"


def test_model_passes_qt_model_checks(qtmodeltester, small_workspace):
    model = QuoteTableModel()
    model.set_rows(load_quote_rows(small_workspace))
    qtmodeltester.check(model, force_py=True)


def test_display_follows_the_locale(small_workspace):
    model = QuoteTableModel(babel_locale="en_US")
    model.set_rows(load_quote_rows(small_workspace))
    row = next(i for i, r in enumerate(model.rows()) if r.number == "Q-2026-0003")
    total = model.index(row, Column.TOTAL)
    assert total.data() == "THB450,000.00"
    assert total.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.index(row, Column.QUOTE_DATE).data() == "Nov 1, 2026"
    assert model.index(row, Column.STATUS).data() == "In review"
    model.set_locale("th_TH")
    assert total.data() == "฿450,000.00"
    assert model.index(row, Column.QUOTE_DATE).data() == "1 พ.ย. 2026"


def test_sorting_by_total_compares_amounts_not_text(small_workspace):
    model = QuoteTableModel()
    model.set_rows(load_quote_rows(small_workspace))
    proxy = QuoteFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("acme")  # the USD quotes of one customer
    proxy.sort(Column.TOTAL, Qt.SortOrder.AscendingOrder)
    # As text "$10,000.00" < "$12,500.50" < "$9,000.00"; as amounts 9,000 comes first.
    assert _column(proxy, Column.TOTAL) == ["$9,000.00", "$10,000.00", "$12,500.50"]
    proxy.sort(Column.TOTAL, Qt.SortOrder.DescendingOrder)
    assert _column(proxy, Column.TOTAL)[0] == "$12,500.50"


def test_sorting_by_date_and_number(small_workspace):
    model = QuoteTableModel()
    model.set_rows(load_quote_rows(small_workspace))
    proxy = QuoteFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(Column.QUOTE_DATE, Qt.SortOrder.DescendingOrder)
    assert _column(proxy, Column.NUMBER)[0] == "Q-2026-0004"
    proxy.sort(Column.NUMBER, Qt.SortOrder.AscendingOrder)
    assert [
        (proxy.index(r, 0).data(ROW_ROLE).number, proxy.index(r, 0).data(ROW_ROLE).version)
        for r in range(proxy.rowCount())
    ] == [
        ("Q-2026-0001", 1),
        ("Q-2026-0002", 1),
        ("Q-2026-0002", 2),
        ("Q-2026-0003", 1),
        ("Q-2026-0004", 1),
    ]


def test_filter_matches_every_word_in_any_column(small_workspace):
    model = QuoteTableModel()
    model.set_rows(load_quote_rows(small_workspace))
    proxy = QuoteFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("acme review")  # customer and status
    assert _column(proxy, Column.NUMBER) == ["Q-2026-0002"]
    proxy.set_filter_text("nok")
    assert _column(proxy, Column.NUMBER) == ["Q-2026-0003"]
    proxy.set_filter_text("")
    assert proxy.rowCount() == 5
