"""Finalized periods and disputes live in the workspace's store (so that sync can carry them):
round trips through real SQLite, a period that cannot be finalized twice, and old JSON ledgers
copied in once."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from dealkit.engine.commissions import CommissionError, JsonLedger
from dealkit.engine.commissions.disputes import DisputeBook, DisputeStatus, line_reference
from dealkit.engine.commissions.results import Line
from dealkit.engine.commissions.store_ledger import StoreLedger
from dealkit.engine.commissions.store_source import (
    finalize_store_period,
    period_to_date,
    workspace_ledger,
)
from dealkit.engine.money import Money
from dealkit.engine.store.models import (
    CommissionDispute,
    CommissionDisputeMessage,
    CommissionPeriod,
    User,
)
from dealkit.engine.workspace import Workspace
from tests.helpers.commissions import add_store_txn

T0 = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)


def _user_id(ws: Workspace, username: str) -> str:
    with ws.store.session() as session:
        return session.scalar(select(User.id).where(User.username == username))


def test_a_finalized_period_is_kept_in_the_store_and_read_back_unchanged(commission_workspace):
    ws = commission_workspace
    ws.set_info("current_user_id", _user_id(ws, "dana"))
    add_store_txn(ws, "alex", "100000.00", "2026-08-05")
    add_store_txn(ws, "nok", "40000.00", "2026-09-02", sku="NET-SPINE-64", family="NET")
    with ws.store.session() as session:
        final = finalize_store_period(session, "2026-Q3")
    with ws.store.session() as session:
        rows = session.scalars(select(CommissionPeriod).order_by(CommissionPeriod.participant))
        rows = rows.all()
    assert [r.participant for r in rows] == sorted(final.participants)
    alex = next(r for r in rows if r.participant == "alex")
    assert alex.user_id == _user_id(ws, "alex")
    assert alex.finalized_by_id == _user_id(ws, "dana")
    assert alex.finalized_at.tzinfo is not None and alex.server_seq is None
    assert alex.period == "2026-Q3" and alex.plan_code == "field-sales"

    again = StoreLedger(ws.store.engine).get("field-sales", "2026-Q3")
    assert again is not None and again.finalized
    assert json.dumps(again.to_json()) == json.dumps(final.to_json())
    assert StoreLedger(ws.store.engine).periods("field-sales") == ["2026-Q3"]
    with ws.store.session() as session, pytest.raises(CommissionError, match="already finalized"):
        finalize_store_period(session, "2026-Q3")


def test_a_late_deal_for_a_finalized_period_becomes_an_adjustment(commission_workspace):
    ws = commission_workspace
    add_store_txn(ws, "alex", "100000.00", "2026-08-05")
    with ws.store.session() as session:
        paid = finalize_store_period(session, "2026-Q3").participants["alex"].payout
    add_store_txn(ws, "alex", "10000.00", "2026-08-20")  # arrives after Q3 was paid
    with ws.store.session() as session:
        q3 = StoreLedger(ws.store.engine).get("field-sales", "2026-Q3")
        ptd = period_to_date(session, "alex", datetime(2026, 11, 27, tzinfo=UTC))
    assert q3 is not None and q3.participants["alex"].payout == paid  # never recalculated
    adjustments = [ln for ln in ptd.lines if ln.kind == "adjustment"]
    assert [a.amount for a in adjustments] == [Money.of("1500.00", "USD")]
    assert adjustments[0].for_period == "2026-Q3"


def test_an_older_json_ledger_is_copied_into_the_store_once(commission_workspace):
    ws = commission_workspace
    add_store_txn(ws, "alex", "100000.00", "2026-05-05")
    with ws.store.session() as session:
        final = finalize_store_period(session, "2026-Q2")
    # Pretend an older Dealkit wrote that period as a file, and the store never had it.
    JsonLedger(ws.root / "commissions-ledger").put(final)
    with ws.store.session() as session, session.begin():
        for row in session.scalars(select(CommissionPeriod)):
            session.delete(row)
    with ws.store.session() as session:
        ledger = workspace_ledger(session)
        assert ledger.periods("field-sales") == ["2026-Q2"]
        workspace_ledger(session)  # a second look copies nothing again
    with ws.store.session() as session:
        assert len(session.scalars(select(CommissionPeriod)).all()) == len(final.participants)
    kept = StoreLedger(ws.store.engine).get("field-sales", "2026-Q2")
    assert kept is not None and kept.to_json() == final.to_json()


LINE = Line("base", "Base commission", "earning", Money.of("1200.00", "USD"), ["15% of ..."])


def test_a_dispute_and_its_thread_are_rows_that_survive_reopening(commission_workspace):
    ws = commission_workspace
    book = DisputeBook.for_workspace(ws)
    d = book.raise_dispute(
        participant="alex",
        plan_code="field-sales",
        period="2026-Q4",
        line=LINE,
        reason="wrong_rate",
        message="The Spine 64 deal should pay 20%",
        attachment=("po.txt", b"PO 4711"),
        at=T0,
    )
    book.reply(d.id, "alex", "PO attached", at=T0.replace(minute=31))
    root = ws.root
    ws.close()
    reopened = Workspace.open(root)
    try:
        with reopened.store.session() as session:
            row = session.get(CommissionDispute, d.id)
            assert row is not None
            assert row.user_id == session.scalar(select(User.id).where(User.username == "alex"))
            assert row.line_ref == "field-sales/2026-Q4/base"
            assert row.line_amount == Money.of("1200.00", "USD").amount
            assert row.status is DisputeStatus.OPEN and row.created_at == T0
            messages = session.scalars(
                select(CommissionDisputeMessage).order_by(CommissionDisputeMessage.position)
            ).all()
            assert [m.text for m in messages] == ["The Spine 64 deal should pay 20%", "PO attached"]
            assert all(len(m.id) == 36 and m.dispute_id == d.id for m in messages)
            assert reopened.blob_path(messages[0].attachment_hash).read_bytes() == b"PO 4711"
        shown = DisputeBook.for_workspace(reopened).all(participant="alex", period="2026-Q4")
        assert [x.id for x in shown] == [d.id]
        assert shown[0].messages[0].attachment_name == "po.txt"
        assert shown[0].line_kind == "earning"
    finally:
        reopened.close()


def test_two_clawback_lines_of_one_statement_have_their_own_reference():
    first = Line("clawback", "Clawback", "clawback", Money.of("-10", "USD"), [], ref="Q-1/1")
    second = Line("clawback", "Clawback", "clawback", Money.of("-20", "USD"), [], ref="Q-1/2")
    refs = {line_reference("p", "2026-Q4", line) for line in (first, second, LINE)}
    assert refs == {"p/2026-Q4/clawback/Q-1/1", "p/2026-Q4/clawback/Q-1/2", "p/2026-Q4/base"}
