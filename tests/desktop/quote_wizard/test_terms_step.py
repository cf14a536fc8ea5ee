"""The Terms step on the demo workspace: clauses for the quote, a redline after an edit, undo."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Qt

from dealkit.desktop.quote_wizard.terms_step import TermsStep
from tests.desktop.quote_wizard.steps_support import priced_draft, step_context, wait_tasks
from tests.helpers.pricing import atlantic_quote

__all__ = ["step_context"]  # the fixture, imported for pytest

NEW_PAYMENT = "Payment is due within 60 days of the invoice date."


def make_step(qtbot, context):
    draft = priced_draft(context.workspace, atlantic_quote())
    step = TermsStep(context, draft)
    qtbot.addWidget(step)
    step.resize(1000, 700)
    step.show()
    step.enter()
    wait_tasks(qtbot, context)
    qtbot.waitUntil(lambda: step.basis is not None)
    return step, draft


def test_standard_clauses_for_the_products_and_region_are_ticked(qtbot, step_context):
    step, _draft = make_step(qtbot, step_context)
    rows = {title: (ticked, status) for title, ticked, status in step.clause_rows()}
    assert rows["Payment"] == (True, "Standard")
    assert rows["Hardware warranty"][0]  # SRV and NET lines on the quote
    assert rows["Subscription renewal"][0]  # a SUB line
    assert rows["Governing law"] == (True, "Standard")
    assert "Source code escrow" in rows or any(not ticked for ticked, _ in rows.values())
    assert step.validate() == []
    assert "All terms are standard." in step.status.text()


def test_editing_a_standard_clause_shows_a_redline_and_is_non_standard(qtbot, step_context):
    step, draft = make_step(qtbot, step_context)
    step.select_clause("std-payment")
    assert step.editor.toPlainText() == "Payment is due within 30 days of the invoice date."
    step.editor.setPlainText(NEW_PAYMENT)
    assert step.apply_button.isEnabled()
    qtbot.mouseClick(step.apply_button, Qt.MouseButton.LeftButton)

    assert draft.document.terms.edit == {"std-payment": NEW_PAYMENT}
    html = step.redline_html()
    assert "line-through" in html and ">30<" in html  # the old figure struck through
    assert "underline" in html and ">60<" in html  # the new one underlined
    assert (
        "Edited · needs approval"
        in dict((title, status) for title, _t, status in step.clause_rows()).values()
    )
    assert "Payment" in step.non_standard.toPlainText()
    assert "1 non-standard term" in step.status.text()
    step.grab().save(str(step_context.workspace.root / "terms-step.png"))

    draft.undo_stack.undo()
    assert draft.document.terms.edit == {}
    assert "All terms are standard." in step.status.text()


def test_unticking_a_standard_clause_and_swapping_a_wording(qtbot, step_context):
    step, draft = make_step(qtbot, step_context)
    step.set_included("std-liability", False)
    assert draft.document.terms.remove == ("std-liability",)
    rows = {title: (ticked, status) for title, ticked, status in step.clause_rows()}
    assert rows["Limitation of liability"] == (False, "Taken out · needs approval")
    assert "line-through" in step.non_standard_html()

    step.select_clause("std-payment")
    index = step.wording.findData("alt-payment-45")
    assert index > 0
    step.wording.setCurrentIndex(index)
    step.wording.activated.emit(index)
    assert draft.document.terms.choose == {"std-payment": "alt-payment-45"}
    rows = {title: status for title, _t, status in step.clause_rows()}
    assert rows["Payment"] == "Alternative: Payment (45 days)"
    assert "1 non-standard term" in step.status.text()  # a pre-approved wording stays standard


def test_thai_terms_list_thai_clauses(qtbot, step_context):
    step, draft = make_step(qtbot, step_context)
    index = step.language.findData("th")
    step.language.setCurrentIndex(index)
    step.language.activated.emit(index)
    assert draft.document.terms.language == "th"
    assert step.problems == []
    texts = [item.text for item in step.assembled.clauses]
    assert any("\u0e00" <= ch <= "\u0e7f" for text in texts for ch in text)


def test_a_hidden_terms_step_assembles_the_clauses_once_when_shown(qtbot, step_context):
    """A quote edited on another step leaves the hidden Terms step alone until it shows."""
    step, draft = make_step(qtbot, step_context)
    refreshes: list[int] = []
    original = step.refresh
    step.refresh = lambda: (refreshes.append(1), original())[1]  # counts, then does the work
    step.hide()
    for quantity in ("5", "6", "7"):
        line = replace(draft.document.lines[0], quantity=Decimal(quantity))
        draft.apply(replace(draft.document, lines=(line, *draft.document.lines[1:])), "qty")
    assert refreshes == [] and step.has_deferred()
    step.show()
    assert len(refreshes) == 1 and not step.has_deferred()
    assert step.validate() == []
