"""The Quote wizard's Price step and saving, on the demo workspace, driven by keys.

Undo and redo follow the draft's stack (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y); a line the engine refuses
is marked on its field and named in the problems strip, and saving it saves nothing; revising a
saved quote makes version 2 beside version 1.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from dealkit.desktop.quote_wizard import line_edits
from dealkit.desktop.quote_wizard.price_lines_model import PROBLEM_BACKGROUND, Col
from dealkit.desktop.quote_wizard.wizard import PRICE
from dealkit.engine.quotes.document import CustomerRef, QuoteDocument
from dealkit.engine.store.models import Quote
from tests.desktop.quote_wizard import wizard_helpers
from tests.desktop.quote_wizard.wizard_helpers import CTRL, key, type_into

wizard_bench = wizard_helpers.wizard_bench

SHIFT = Qt.KeyboardModifier.ShiftModifier


def _open(bench, skus: list[str]) -> QuoteDocument:
    wizard = bench.wizard
    doc = replace(
        wizard.draft.document,
        customer=CustomerRef("Atlantic Mutual Bank"),
        name="Atlantic refresh",
    )
    for sku in skus:
        doc, _ = line_edits.add_line(doc, sku, Decimal(2))
    wizard.open_quote(doc, PRICE)
    bench.idle()
    assert wizard.draft.priced is not None
    return doc


def _cell(qtbot, grid, row: int, column: Col, text: str) -> None:
    grid.setCurrentIndex(grid.model().index(row, column))
    grid.setFocus()
    type_into(qtbot, text)
    key(qtbot, Qt.Key.Key_Return)


def _quotes(workspace) -> int:
    with workspace.store.session() as session:
        return session.scalar(select(func.count()).select_from(Quote))


def test_undo_and_redo_of_quantity_and_discount_edits(qtbot, wizard_bench):
    _open(wizard_bench, ["SRV-R5", "NET-LEAF-48", "SVC-PS-DAY"])
    wizard = wizard_bench.wizard
    grid = wizard.price_step.table
    first = wizard.draft.priced.totals.net
    _cell(qtbot, grid, 1, Col.QTY, "5")
    _cell(qtbot, grid, 1, Col.DISCOUNT_PERCENT, "10")
    doc = wizard.draft.document
    assert doc.lines[1].quantity == 5 and doc.lines[1].discount_percent == 10
    edited = wizard.draft.priced.totals.net
    assert edited != first
    assert wizard.draft.undo_stack.undoText().startswith(
        "Line L2 (NET-LEAF-48): Disc % from 0 to 10"
    )

    grid.setFocus()
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert wizard.draft.document.lines[1].discount_percent == 0
    assert wizard.draft.document.lines[1].quantity == 5
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert wizard.draft.document.lines[1].quantity == 2
    assert wizard.draft.priced.totals.net == first  # repriced on undo too
    assert grid.model().index(1, Col.QTY).data() == "2"
    key(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert wizard.draft.document.lines[1].quantity == 5
    key(qtbot, Qt.Key.Key_Y, CTRL)
    assert wizard.draft.document.lines[1].discount_percent == 10
    assert wizard.draft.priced.totals.net == edited
    assert "Margin" in wizard.header.totals.text()


def test_a_negative_quantity_is_shown_on_its_line_and_save_refuses(qtbot, wizard_bench):
    _open(wizard_bench, ["SRV-R5", "NET-LEAF-48", "SVC-PS-DAY"])
    wizard = wizard_bench.wizard
    grid = wizard.price_step.table
    model = grid.model()
    _cell(qtbot, grid, 2, Col.QTY, "-3")
    assert wizard.draft.document.lines[2].quantity == -3
    problems = wizard.pricer.line_problems("L3")
    assert problems and problems[0].field == "quantity"
    assert model.index(2, Col.QTY).data(Qt.ItemDataRole.BackgroundRole) == PROBLEM_BACKGROUND
    assert model.index(1, Col.QTY).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "quantity" in model.index(2, Col.NET).data(Qt.ItemDataRole.ToolTipRole)
    strip = wizard.price_step.problems
    assert strip.isVisible()
    assert "line 3 [L3] (SVC-PS-DAY), field quantity" in strip.text()
    assert wizard.draft.priced is None  # no total leaves a line out
    assert "problem" in wizard.header.totals.text()
    assert model.index(0, Col.NET).data() not in ("", "—")  # the good lines keep their price

    before = _quotes(wizard_bench.context.workspace)
    grid.setFocus()
    key(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: bool(wizard.last_problems), timeout=30_000)
    wizard_bench.idle()
    assert any("quantity" in text and "L3" in text for text in wizard.last_problems)
    assert wizard.message_box is not None and wizard.message_box.isVisible()
    assert _quotes(wizard_bench.context.workspace) == before
    assert wizard.draft.document.number == ""
    wizard.message_box.close()
    wizard_bench.activate()

    # Fixing the line brings the total back, repriced incrementally.
    full = wizard.pricer.full_reprices
    _cell(qtbot, grid, 2, Col.QTY, "3")
    assert wizard.draft.priced is not None and wizard.pricer.full_reprices == full
    assert not strip.isVisible()


def test_revise_makes_version_two_beside_version_one(qtbot, wizard_bench):
    _open(wizard_bench, ["SRV-R5", "SUB-MONITOR"])
    wizard = wizard_bench.wizard
    wizard.save()
    qtbot.waitUntil(lambda: wizard.draft.document.number != "", timeout=30_000)
    wizard_bench.idle()
    number = wizard.draft.document.number
    assert wizard.draft.document.version == 1

    wizard.load_quote(number, None, revise_it=True)
    qtbot.waitUntil(lambda: wizard.draft.document.version == 2, timeout=30_000)
    wizard_bench.idle()
    assert wizard.dirty  # a revision is a change to save
    grid = wizard.price_step.table
    _cell(qtbot, grid, 0, Col.DISCOUNT_PERCENT, "5")
    wizard.save()
    qtbot.waitUntil(lambda: not wizard.dirty, timeout=30_000)
    wizard_bench.idle()
    with wizard_bench.context.workspace.store.session() as session:
        versions = session.scalars(
            select(Quote.version).where(Quote.number == number).order_by(Quote.version)
        ).all()
    assert versions == [1, 2]
    assert "v2" in wizard.header.identity.text()

    # Saving the draft version again replaces it (no third version, no duplicate).
    _cell(qtbot, grid, 0, Col.DISCOUNT_PERCENT, "6")
    wizard.save()
    qtbot.waitUntil(lambda: not wizard.dirty, timeout=30_000)
    wizard_bench.idle()
    with wizard_bench.context.workspace.store.session() as session:
        assert session.scalar(select(func.count()).where(Quote.number == number)) == 2
