"""The quote list on the demo workspace: search by a product on any line, by status, and the
versions of a quote with what changed between two of them (the engine's diff)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from dealkit.desktop.quote_rows import load_quote_rows, load_version_diff
from dealkit.desktop.quote_table_model import ROW_ROLE, Column
from dealkit.engine.pricing.rules import PriceRules
from dealkit.engine.quotes import quote_from_data, revise
from dealkit.engine.quotes.pricing import load_quote_catalog, price_document
from dealkit.engine.quotes.store import save_quote
from dealkit.engine.store.models import QuoteStatus
from tests.helpers.desktop import wait_idle
from tests.helpers.pricing import atlantic_quote

NUMBER = "Q-2026-9100"


def save_two_versions(workspace) -> list:
    """Q-2026-9100 v1 (atlantic_quote) and v2 with 6 servers on line 1 instead of 4; returns
    the engine's totals of both."""
    data = atlantic_quote()
    data["number"] = NUMBER
    first = quote_from_data(data)
    line = replace(first.lines[0], quantity=Decimal(6))
    second = replace(revise(first, date(2026, 11, 28)), lines=(line, *first.lines[1:]))
    owner = workspace.info("current_user_id")
    totals = []
    with workspace.store.session() as session, session.begin():
        for doc in (first, second):
            catalog, facts = load_quote_catalog(session, doc)
            _, priced = price_document(doc, catalog, PriceRules(), facts)
            save_quote(session, doc, priced, owner)
            totals.append(priced.totals)
    return totals


def shown_rows(page) -> list:
    proxy = page.proxy
    return [proxy.index(r, 0).data(ROW_ROLE) for r in range(proxy.rowCount())]


def open_page(qtbot, make_window, workspace):
    window = make_window(workspace)
    window.show_page("quote")
    wait_idle(qtbot, window)
    return window, window.pages["quote"]


def test_rows_carry_their_products_and_versions(demo_workspace):
    totals = save_two_versions(demo_workspace)
    rows = sorted(
        (r for r in load_quote_rows(demo_workspace) if r.number == NUMBER), key=lambda r: r.version
    )
    assert [r.version for r in rows] == [1, 2]
    # the list's total is the engine's: Option A (not selected) is not counted
    assert [r.total.amount for r in rows] == [t.tcv for t in totals]
    assert rows[0].total.amount == Decimal("302008.00")
    assert all(r.versions == (1, 2) for r in rows)
    assert rows[0].skus == ("SRV-R7", "SUB-CLOUDOPS", "SVC-PS-DAY", "NET-SPINE-64")
    assert "SRV-R7" in rows[0].search_text()


def test_filter_finds_a_quote_by_a_sku_on_one_of_its_lines(qtbot, make_window, demo_workspace):
    save_two_versions(demo_workspace)
    _window, page = open_page(qtbot, make_window, demo_workspace)
    # a SKU that is not on every quote, and never in a visible cell
    sku = "SVC-PS-DAY"
    page.filter_for(sku)
    rows = shown_rows(page)
    assert rows and all(sku in row.skus for row in rows)
    assert NUMBER in {row.number for row in rows}
    assert page.proxy.rowCount() < page.model.rowCount()
    # by product name too, and words combine: a product and a customer
    page.filter_for("professional services atlantic")
    rows = shown_rows(page)
    assert rows and all("SVC-PS-DAY" in row.skus for row in rows)
    assert all("Atlantic" in row.customer for row in rows)


def test_status_filter_keeps_one_status(qtbot, make_window, demo_workspace):
    _window, page = open_page(qtbot, make_window, demo_workspace)
    combo = page.status_filter
    assert combo.itemText(0) == "All statuses"
    combo.setCurrentIndex(combo.findData(QuoteStatus.IN_REVIEW))
    rows = shown_rows(page)
    assert rows and all(row.status is QuoteStatus.IN_REVIEW for row in rows)
    page.filter_for("in review")  # the status as text works as well
    assert shown_rows(page) == rows
    combo.setCurrentIndex(0)
    page.filter_for("")
    assert page.proxy.rowCount() == page.model.rowCount()


def test_versions_tab_lists_versions_and_the_changed_line(qtbot, make_window, demo_workspace):
    save_two_versions(demo_workspace)
    diff = load_version_diff(demo_workspace, NUMBER, 1, 2)
    assert "line 1 [L1] (SRV-R7): quantity 4 → 6" in diff.changes

    window, page = open_page(qtbot, make_window, demo_workspace)
    page.show_quote(NUMBER)
    wait_idle(qtbot, window)
    selected = page.table.currentIndex().data(ROW_ROLE)
    assert selected.number == NUMBER
    version_cell = page.proxy.index(page.table.currentIndex().row(), Column.VERSION)
    assert version_cell.data() == str(selected.version)
    assert version_cell.data(Qt.ItemDataRole.ToolTipRole) == (
        f"Version {selected.version} of 2: 1, 2"
    )
    page.detail_tabs.setCurrentWidget(page.versions)
    assert page.detail_tabs.tabText(page.detail_tabs.indexOf(page.versions)) == "Versions"
    panel = page.versions
    qtbot.waitUntil(lambda: panel.diff is not None, timeout=10_000)
    assert panel.versions.topLevelItemCount() == 2
    assert "line 1 [L1] (SRV-R7): quantity 4 → 6" in panel.change_texts()
    assert "Version 1 to 2" in panel.summary.text()
    panel.compare(2, 1)
    qtbot.waitUntil(lambda: panel.diff is not None and panel.diff.old_version == 2)
    assert "line 1 [L1] (SRV-R7): quantity 6 → 4" in panel.change_texts()
