"""The wizard's incremental pricing gives exactly what pricing the whole document gives.

Random edits (quantity, discounts, removing and adding lines, the quote discount, undo and redo)
go through the draft; after each, the published price equals ``price_document`` of the same
document from scratch, and the full reprice ran only when lines moved or the basis changed.
"""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal

from dealkit.desktop.quote_wizard import line_edits
from dealkit.desktop.quote_wizard.wizard import PRICE
from dealkit.engine.quotes.document import CustomerRef
from dealkit.engine.quotes.pricing import price_document
from tests.desktop.quote_wizard import wizard_helpers

wizard_bench = wizard_helpers.wizard_bench


def test_incremental_prices_equal_a_full_reprice_after_every_edit(qtbot, wizard_bench):
    wizard = wizard_bench.wizard
    rng = random.Random(11)
    doc = replace(wizard.draft.document, customer=CustomerRef("Atlantic Mutual Bank"))
    skus = ["SRV-R5", "NET-LEAF-48", "NET-SPINE-64", "SUB-MONITOR", "SVC-PS-DAY", "STO-A20"]
    for n in range(30):
        doc, _ = line_edits.add_line(doc, skus[n % len(skus)], Decimal(rng.randint(1, 30)))
    wizard.open_quote(doc, PRICE)
    wizard_bench.idle()
    basis = wizard.pricer.basis
    full = wizard.pricer.full_reprices
    draft = wizard.draft
    for step in range(60):
        doc = draft.document
        line = rng.choice(doc.lines)
        kind = step % 6
        if kind == 0:
            doc = line_edits.replace_line(doc, line.id, quantity=Decimal(rng.randint(1, 80)))
        elif kind == 1:
            doc = line_edits.replace_line(
                doc, line.id, discount_percent=Decimal(rng.randint(0, 30))
            )
        elif kind == 2:
            doc = line_edits.replace_line(doc, line.id, discount_amount=Decimal(rng.randint(0, 50)))
        elif kind == 3:
            doc = line_edits.remove_lines(doc, {line.id})
        elif kind == 4:
            doc, _ = line_edits.add_line(doc, rng.choice(skus), Decimal(rng.randint(1, 9)))
        else:
            doc = replace(doc, discount_percent=Decimal(rng.randint(0, 8)))
        draft.apply(doc, f"edit {step}")
        if step % 10 == 9:
            draft.undo_stack.undo()
            draft.undo_stack.redo()
            draft.undo_stack.undo()
        _, expected = price_document(draft.document, basis.catalog, basis.rules, basis.facts)
        priced = draft.priced
        assert priced is not None, draft.problems
        assert priced.totals == expected.totals, step
        assert [lp.net for lp in priced.lines] == [lp.net for lp in expected.lines], step
    assert wizard.pricer.full_reprices == full  # every edit above was incremental
