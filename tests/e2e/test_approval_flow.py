"""Flow 2: a rep submits a quote for approval, the manager approves (or sends it back) with a
comment on their own laptop, and the rep's laptop shows the decision and its audit trail —
through a real server (uvicorn on loopback), on the embedded SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from dealkit.desktop.quote_rows import load_approval_queue
from dealkit.engine.approvals.decisions import DecisionRefused, decide, trail
from dealkit.engine.store.models import ApprovalDecision, QuoteStatus, SyncOutbox
from dealkit.engine.sync import record_mutation
from tests.e2e.laptops import open_laptop
from tests.helpers.servers import running_server
from tests.helpers.sync import quote_data, save_local_quote


def submitted(number: str, **kw):
    return {**quote_data(number, **kw), "status": "in_review"}


def test_a_manager_approves_with_a_comment_and_the_rep_sees_it_with_the_trail(
    sync_server, tmp_path
):
    store = sync_server.store
    with running_server(store) as url:
        alex = open_laptop(tmp_path / "alex", store, url, "alex")
        mia = open_laptop(tmp_path / "mia", store, url, "mia")
        alex.sync()
        mia.sync()
        save_local_quote(alex.workspace, submitted("Q-2026-0001"))
        assert alex.sync().pushed == 1

        mia.sync()
        queue = load_approval_queue(mia.workspace)
        assert queue.as_manager
        assert [(r.number, r.status) for r in queue.rows] == [
            ("Q-2026-0001", QuoteStatus.IN_REVIEW)
        ]
        with mia.workspace.store.session() as session, session.begin():
            decide(session, mia.principal(), queue.rows[0].id, "approve", "Fine at this price.")
        assert mia.quote("Q-2026-0001").status is QuoteStatus.APPROVED  # at once, offline
        report = mia.sync()
        assert report.pushed == 1 and report.rejected == []

        alex.sync()
    assert alex.quote("Q-2026-0001").status is QuoteStatus.APPROVED
    with alex.workspace.store.session() as session:
        entries = trail(session, "Q-2026-0001")
    assert [(e.decision.value, e.approver_username, e.comment, e.pending) for e in entries] == [
        ("approve", "mia", "Fine at this price.", False)
    ]
    with store.session() as session:  # the server holds one decision and the moved status
        assert len(session.scalars(select(ApprovalDecision)).all()) == 1
    assert load_approval_queue(mia.workspace).rows == []  # decided: out of the queue


def test_a_rejection_sends_the_quote_back_to_draft_and_needs_a_comment(sync_server, tmp_path):
    store = sync_server.store
    with running_server(store) as url:
        alex = open_laptop(tmp_path / "alex", store, url, "alex")
        mia = open_laptop(tmp_path / "mia", store, url, "mia")
        alex.sync()
        save_local_quote(alex.workspace, submitted("Q-2026-0002"))
        alex.sync()
        mia.sync()
        quote_id = mia.quote("Q-2026-0002").id
        with mia.workspace.store.session() as session, session.begin():
            with pytest.raises(DecisionRefused, match="say why"):
                decide(session, mia.principal(), quote_id, "reject", "  ")
            decide(session, mia.principal(), quote_id, "reject", "Margin too thin: 8% max.")
        assert mia.sync().rejected == []
        alex.sync()
    assert alex.quote("Q-2026-0002").status is QuoteStatus.DRAFT
    with alex.workspace.store.session() as session:
        assert [(e.decision.value, e.comment) for e in trail(session, "Q-2026-0002")] == [
            ("reject", "Margin too thin: 8% max.")
        ]


def test_a_rep_cannot_approve_their_own_quote_locally_nor_by_a_forged_push(sync_server, tmp_path):
    store = sync_server.store
    with running_server(store) as url:
        alex = open_laptop(tmp_path / "alex", store, url, "alex")
        alex.sync()
        save_local_quote(alex.workspace, submitted("Q-2026-0003"))
        alex.sync()
        quote = alex.quote("Q-2026-0003")
        with (
            alex.workspace.store.session() as session,
            session.begin(),
            pytest.raises(DecisionRefused, match="your own quote"),
        ):
            decide(session, alex.principal(), quote.id, "approve")
        with alex.workspace.store.session() as session, session.begin():  # around the engine
            record_mutation(
                session,
                "approval_decisions",
                "upsert",
                "0190f0f0-0000-7000-8000-000000000001",
                {
                    "quote_id": quote.id,
                    "quote_number": quote.number,
                    "quote_version": 1,
                    "approver_id": alex.principal().id,
                    "decision": "approve",
                    "comment": "",
                    "decided_at": "2026-11-27T10:00:00+00:00",
                },
            )
        report = alex.sync()
    assert len(report.rejected) == 1
    assert "you cannot decide on your own quote" in report.rejected[0][1]
    assert alex.quote("Q-2026-0003").status is QuoteStatus.IN_REVIEW
    with store.session() as session:
        assert session.scalars(select(ApprovalDecision)).all() == []
    with alex.workspace.store.session() as session:
        assert session.scalars(select(SyncOutbox.state)).all() == ["applied", "rejected"]


def test_a_decision_on_a_quote_another_manager_already_decided_is_refused(sync_server, tmp_path):
    """Two laptops of the same manager decide offline; the second decision finds the quote
    no longer in review and is refused with the policy's reason; the first stands."""
    store = sync_server.store
    with running_server(store) as url:
        alex = open_laptop(tmp_path / "alex", store, url, "alex")
        desk = open_laptop(tmp_path / "mia-desk", store, url, "mia")
        phone = open_laptop(tmp_path / "mia-laptop", store, url, "mia")
        alex.sync()
        save_local_quote(alex.workspace, submitted("Q-2026-0004"))
        alex.sync()
        desk.sync()
        phone.sync()
        for laptop, kind, comment in ((desk, "approve", "ok"), (phone, "reject", "no")):
            with laptop.workspace.store.session() as session, session.begin():
                decide(session, laptop.principal(), laptop.quote("Q-2026-0004").id, kind, comment)
        assert desk.sync().rejected == []
        second = phone.sync()
        alex.sync()
    assert len(second.rejected) == 1
    assert "not waiting for approval" in second.rejected[0][1]
    assert [(r.quote_number, r.decision.value) for r in phone.refused] == [
        ("Q-2026-0004", "reject")
    ]
    for laptop in (alex, desk, phone):  # everyone agrees: approved, with the first decision
        assert laptop.quote("Q-2026-0004").status is QuoteStatus.APPROVED
        with laptop.workspace.store.session() as session:
            assert [e.comment for e in trail(session, "Q-2026-0004")] == ["ok"]
