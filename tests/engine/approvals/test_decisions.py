"""Approval decisions on a laptop: who may decide comes from the access policy, the status moves
through the lifecycle, and the decision, the status and the outbox entry are one transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from dealkit.engine.approvals.decisions import DecisionRefused, decide, trail, why_not
from dealkit.engine.store.models import ApprovalDecision, Quote, QuoteStatus, SyncOutbox
from dealkit.engine.workspace import Workspace
from tests.helpers.people import seed_company


@pytest.fixture
def company(tmp_path):
    workspace = Workspace.open(tmp_path / "ws")
    yield workspace, seed_company(workspace.store)
    workspace.close()


@pytest.mark.parametrize(
    ("who", "owner", "refusal"),
    [
        ("boss", "rep", None),
        ("boss", "se", None),
        ("boss", "boss", "you cannot decide on your own quote"),
        ("boss2", "rep", "belongs to someone else"),
        ("rep", "rep", "you cannot decide on your own quote"),
        ("rep", "se", "belongs to someone else"),
        ("trainer", "rep", "belongs to someone else"),
        ("admin", "rep", None),
    ],
)
def test_who_may_decide_is_the_access_policys_answer(company, who, owner, refusal):
    workspace, people = company
    user = people.principal(workspace.store, who)
    with workspace.store.session() as session:
        reason = why_not(session, user, people.quotes[owner])
    if refusal is None:
        assert reason is None
    else:
        assert refusal in reason


def test_an_approval_moves_the_status_and_queues_the_decision_in_one_transaction(company):
    workspace, people = company
    boss = people.principal(workspace.store, "boss")
    with workspace.store.session() as session, session.begin():
        decide(session, boss, people.quotes["rep"], "approve", "  Go.  ")
    with workspace.store.session() as session:
        assert session.get(Quote, people.quotes["rep"]).status is QuoteStatus.APPROVED
        (entry,) = session.scalars(select(SyncOutbox)).all()
        assert (entry.table_name, entry.state, entry.fields["decision"]) == (
            "approval_decisions",
            "pending",
            "approve",
        )
        (line,) = trail(session, people.quote_numbers["rep"])
        assert (line.approver_username, line.comment, line.pending) == ("boss", "Go.", True)


def test_a_refused_decision_writes_nothing(company):
    workspace, people = company
    boss = people.principal(workspace.store, "boss")
    with workspace.store.session() as session, session.begin():
        with pytest.raises(DecisionRefused, match="say why"):
            decide(session, boss, people.quotes["rep"], "reject", "")
        with pytest.raises(DecisionRefused, match="not one of approve, reject"):
            decide(session, boss, people.quotes["rep"], "maybe", "x")
        decide(session, boss, people.quotes["se"], "reject", "Too deep a discount.")
    with (
        workspace.store.session() as session,
        session.begin(),
        pytest.raises(DecisionRefused, match="not waiting for approval"),
    ):
        decide(session, boss, people.quotes["se"], "approve")  # sent back already
    with workspace.store.session() as session:
        assert len(session.scalars(select(ApprovalDecision)).all()) == 1
        assert len(session.scalars(select(SyncOutbox)).all()) == 1
        assert session.get(Quote, people.quotes["se"]).status is QuoteStatus.DRAFT
        assert session.get(Quote, people.quotes["rep"]).status is QuoteStatus.IN_REVIEW
