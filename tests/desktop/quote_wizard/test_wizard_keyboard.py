"""A rep builds a 10-line quote in the Quote wizard from the keyboard alone, and saves it.

Only key presses drive the window (QTest key clicks on the widget that has the focus): Ctrl+N,
typing the customer, Enter, Ctrl+2, SKUs and quantities, Ctrl+3, typing over grid cells, Ctrl+S.
The saved quote, reopened, has the totals ``dealkit price`` gives for the same document.
"""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

from PySide6.QtCore import Qt

from dealkit.desktop.quote_wizard.price_lines_model import Col
from dealkit.desktop.quote_wizard.wizard import CONFIGURE, CUSTOMER, PRICE
from dealkit.engine.quotes.json_format import quote_to_data
from tests.desktop.quote_wizard.wizard_helpers import (
    CTRL,
    focused,
    key,
    quote_page,
    settle,
    type_into,
    wait_wizard_idle,
)

LINES = [
    ("SRV-R5", 4),
    ("NET-SPINE-64", 2),
    ("NET-LEAF-48", 8),
    ("STO-A20", 1),
    ("SUB-MONITOR", 50),
    ("SVC-PS-DAY", 10),
    ("NET-FW-600", 2),
    ("SUB-SUPPORT-PRO", 6),
    ("SVC-INSTALL-RACK", 3),
    ("NET-WAP-6E", 20),
]


def test_a_ten_line_quote_from_the_keyboard_alone_saves_and_reopens_as_priced(
    qtbot, make_window, demo_workspace, tmp_path
):
    window, page = quote_page(qtbot, make_window, demo_workspace)
    page.table.setFocus()
    key(qtbot, Qt.Key.Key_N, CTRL)
    wizard = page.wizard
    assert wizard is not None and page.wizard_shown
    assert wizard.current == CUSTOMER
    wait_wizard_idle(qtbot, window, wizard)
    assert focused(qtbot) is wizard.customer_step.search

    type_into(qtbot, "atlantic")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.draft.document.customer.name == "Atlantic Mutual Bank")
    assert wizard.draft.document.currency == "USD"

    key(qtbot, Qt.Key.Key_2, CTRL)
    assert wizard.current == CONFIGURE
    wait_wizard_idle(qtbot, window, wizard)
    step = wizard.configure_step
    assert focused(qtbot) is step.sku_entry
    for sku, quantity in LINES:
        type_into(qtbot, sku)
        key(qtbot, Qt.Key.Key_Tab)
        assert focused(qtbot) is step.quantity
        key(qtbot, Qt.Key.Key_A, CTRL)
        type_into(qtbot, str(quantity))
        key(qtbot, Qt.Key.Key_Return)
        assert focused(qtbot) is step.sku_entry
    doc = wizard.draft.document
    assert [(line.sku, int(line.quantity)) for line in doc.lines] == LINES

    key(qtbot, Qt.Key.Key_PageDown, CTRL)  # Ctrl+PgDown: the next step
    assert wizard.current == PRICE
    wait_wizard_idle(qtbot, window, wizard)
    grid = wizard.price_step.table
    assert focused(qtbot) is grid
    full_reprices = wizard.pricer.full_reprices
    # Line 1's discount: Tab from Qty to List to Disc %, type over it, Enter.
    assert grid.currentIndex().row() == 0 and grid.currentIndex().column() == Col.QTY
    key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_Right)
    type_into(qtbot, "12.5")
    key(qtbot, Qt.Key.Key_Return)
    # Line 3's quantity: Down twice, Left twice, type 10.
    for k in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Left):
        key(qtbot, k)
    assert grid.currentIndex().row() == 2 and grid.currentIndex().column() == Col.QTY
    type_into(qtbot, "10")
    key(qtbot, Qt.Key.Key_Return)
    doc = wizard.draft.document
    assert doc.lines[0].discount_percent == Decimal("12.5")
    assert doc.lines[2].quantity == Decimal(10)
    priced = wizard.draft.priced
    assert priced is not None and len(priced.lines) == 10
    assert wizard.pricer.full_reprices == full_reprices  # every edit repriced incrementally
    assert "One-time" in wizard.header.totals.text()
    # The window's Edit menu undoes the wizard's last edit while the wizard shows.
    assert window.edit_menu.actions()[0] is wizard.undo_action
    assert wizard.undo_action.isVisible() and wizard.undo_action.isEnabled()
    assert "NET-LEAF-48" in wizard.undo_action.text()

    key(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: wizard.draft.document.number != "", timeout=30_000)
    wait_wizard_idle(qtbot, window, wizard)
    saved = wizard.draft.document
    assert saved.number.startswith("Q-2026-") and not wizard.dirty
    saved_totals = wizard.draft.priced.totals

    # Back to the list (Escape), where the new quote is listed, then open it again with Enter.
    key(qtbot, Qt.Key.Key_Escape)
    assert not page.wizard_shown
    assert not wizard.undo_action.isVisible()
    wait_wizard_idle(qtbot, window, wizard)
    page.show_quote(saved.number)
    wait_wizard_idle(qtbot, window, wizard)
    assert page.detail.quote is not None and page.detail.quote.number == saved.number
    page.table.setFocus()
    key(qtbot, Qt.Key.Key_Return)
    assert page.wizard_shown
    qtbot.waitUntil(lambda: wizard.draft.document.number == saved.number, timeout=30_000)
    wait_wizard_idle(qtbot, window, wizard)
    qtbot.waitUntil(lambda: wizard.draft.priced is not None, timeout=30_000)
    reopened = wizard.draft.document
    assert reopened == saved
    assert wizard.draft.priced.totals == saved_totals

    # The command line prices the same document to the same totals.
    path = tmp_path / "quote.json"
    path.write_text(json.dumps(quote_to_data(reopened)), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "dealkit", "price", "--quote", str(path), "--workspace",
         str(demo_workspace.root), "--json"],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    totals = json.loads(result.stdout)["totals"]
    shown = wizard.draft.priced.totals.to_json()
    for name in ("net", "one_time", "recurring", "mrr", "arr", "tcv", "margin_percent"):
        assert totals[name] == shown[name], name
    settle(qtbot, window.context.tasks)
