"""Where each approval step stands, from the quote's status, in words a person reads."""

from __future__ import annotations

from dealkit.desktop.approvals.route_text import (
    StepState,
    role_label,
    state_label,
    step_roles,
    step_states,
)
from dealkit.engine.store.models import QuoteStatus


def test_a_quote_in_review_waits_on_its_first_step_and_later_steps_queue(qapp):
    assert step_states(QuoteStatus.IN_REVIEW, 3) == [
        StepState.WAITING,
        StepState.QUEUED,
        StepState.QUEUED,
    ]
    assert state_label(StepState.QUEUED, 3) == "Asked after step 2"
    assert state_label(StepState.WAITING, 1) == "Waiting for a decision"


def test_approved_sent_and_won_quotes_passed_every_step(qapp):
    for status in ("approved", QuoteStatus.SENT, QuoteStatus.WON):
        assert step_states(status, 2) == [StepState.APPROVED, StepState.APPROVED]
    assert step_states(QuoteStatus.DRAFT, 1) == [StepState.NOT_SUBMITTED]
    assert step_states(QuoteStatus.EXPIRED, 1) == [StepState.CLOSED]
    assert step_states(QuoteStatus.IN_REVIEW, 0) == []


def test_roles_read_as_people_say_them(qapp):
    assert role_label("vp_sales") == "VP of sales"
    assert role_label("regional_director") == "regional director"
    assert step_roles(("manager",)) == "Sales manager"
    assert step_roles(("legal", "finance")) == "Legal + Finance, in parallel"
