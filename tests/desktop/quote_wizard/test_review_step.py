"""The Review step on the demo workspace: approvals needed and why, submit, re-approval."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Qt
from sqlalchemy import select

from dealkit.desktop.quote_wizard.review_step import ReviewStep
from dealkit.engine.quotes.document import Status
from dealkit.engine.store.models import Quote, QuoteStatus
from tests.desktop.quote_wizard.steps_support import priced_draft, step_context, wait_tasks
from tests.helpers.pricing import atlantic_quote

__all__ = ["step_context"]  # the fixture, imported for pytest

NUMBER = "Q-2026-9042"


def quote_data(discount: str = "30") -> dict:
    data = atlantic_quote()
    data["number"] = NUMBER
    data["lines"][0]["discount"] = {"percent": discount}
    data.pop("discount")  # no quote-level discount: the line's 30% is the figure to explain
    return data


def make_step(qtbot, context, data: dict):
    draft = priced_draft(context.workspace, data)
    step = ReviewStep(context, draft)
    qtbot.addWidget(step)
    step.resize(1100, 720)
    step.show()
    step.enter()
    wait_tasks(qtbot, context)
    qtbot.waitUntil(lambda: step.check is not None)
    return step, draft


def stored_status(workspace) -> QuoteStatus | None:
    with workspace.store.session() as session:
        quote = session.scalars(select(Quote).where(Quote.number == NUMBER)).first()
        return quote.status if quote else None


def test_a_30_percent_discount_needs_the_manager_and_submit_sets_in_review(qtbot, step_context):
    step, draft = make_step(qtbot, step_context, quote_data("30"))
    assert step.needs_approval()
    reasons = step.reason_texts()
    assert any(
        "line 1 [L1] (SRV-R7): discount 30% is above the limit of 20%" in r for r in reasons
    ), reasons
    assert "Sales manager" in step.verdict.text()
    assert "needs approval" in step.verdict.text()
    why = step.why.reasons.text()
    assert "Line discount above 20%" in why and "Sales manager" in why
    assert step.why.route.isVisible()
    assert "Not submitted yet" in step.why.route.text()
    tcv = next(f for f in step.figures if f.key == "tcv")
    assert "One-time" in tcv.explanation and tcv.text.startswith("$")
    assert step.validate() == []
    assert stored_status(step_context.workspace) is None

    assert step.submit_button.text() == "&Submit for approval"
    qtbot.mouseClick(step.submit_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, step_context)
    qtbot.waitUntil(lambda: draft.document.status is Status.IN_REVIEW)
    assert stored_status(step_context.workspace) is QuoteStatus.IN_REVIEW
    assert "is in review" in step.status.text()
    assert "Waiting for a decision" in step.why.route.text()
    assert not step.submit_button.isEnabled()  # already submitted


def test_no_approval_needed_goes_straight_to_approved(qtbot, step_context):
    data = quote_data("0")
    data["lines"] = data["lines"][:3]  # no network spines: the deal stays under 250,000 USD
    data["groups"] = [{"name": "Core"}]
    step, draft = make_step(qtbot, step_context, data)
    assert not step.needs_approval(), step.reason_texts()
    assert "No approval needed" in step.verdict.text()
    assert step.submit_button.text() == "&Mark approved"
    step.submit()
    wait_tasks(qtbot, step_context)
    qtbot.waitUntil(lambda: draft.document.status is Status.APPROVED)
    assert stored_status(step_context.workspace) is QuoteStatus.APPROVED


def test_changing_an_approved_quote_asks_again_only_for_what_got_worse(qtbot, step_context):
    data = quote_data("25")
    data["lines"] = data["lines"][:3]  # under the deal-size limit, which a lower discount raises
    data["groups"] = [{"name": "Core"}]
    data["status"] = "approved"
    step, draft = make_step(qtbot, step_context, data)
    assert step.approval is not None  # the approved, unchanged draft is the baseline
    assert "Approved" in step.verdict.text()

    doc = draft.document
    worse = replace(doc.lines[0], discount_percent=Decimal("32"))
    draft.apply(replace(doc, lines=(worse, *doc.lines[1:])), "Discount 32%")
    assert step.check.recheck is not None
    text = step.reapproval.text()
    assert "Needs approval again" in text and "approved at 25" in text
    assert step.needs_approval()

    draft.undo_stack.undo()
    better = replace(doc.lines[0], discount_percent=Decimal("22"))
    draft.apply(replace(doc, lines=(better, *doc.lines[1:])), "Discount 22%")
    assert "Nothing got worse" in step.reapproval.text()
    assert not step.needs_approval()


def test_a_hidden_review_step_refreshes_once_when_shown_not_on_every_edit(qtbot, step_context):
    """Edits on another step leave the hidden Review step alone; showing it brings it up to
    date (the 1,000-line bench's per-edit cost was half this step's refreshes)."""
    data = quote_data("30")
    data["lines"] = data["lines"][:3]  # under the deal-size limit: only the discount counts
    data["groups"] = [{"name": "Core"}]
    step, draft = make_step(qtbot, step_context, data)
    assert step.needs_approval()
    refreshes: list[int] = []
    original = step.refresh
    step.refresh = lambda: (refreshes.append(1), original())[1]  # counts, then does the work
    step.hide()

    for percent in ("25", "10"):  # the edit that ends under the limit needs no approval
        line = replace(draft.document.lines[0], discount_percent=Decimal(percent))
        draft.apply(replace(draft.document, lines=(line, *draft.document.lines[1:])), "discount")
    assert refreshes == []
    assert step.has_deferred()
    assert step.needs_approval()  # still what it showed before hiding

    step.show()
    step.enter()  # as the wizard does right after showing it: nothing new to refresh
    assert len(refreshes) == 1
    assert not step.has_deferred()
    assert not step.needs_approval()
    assert step.validate() == []
