"""period_to_date over a real SQLite workspace: the API the Commissions page is built on."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from dealkit.engine.commissions import CommissionError, period_to_date
from dealkit.engine.money import Money
from dealkit.engine.store.models import User
from tests.helpers.commissions import add_store_txn

ANCHOR = date(2026, 11, 27)


def user_id(workspace, username: str) -> str:
    with workspace.store.session() as session:
        return session.scalar(select(User.id).where(User.username == username))


def test_period_to_date_for_alex(commission_workspace):
    ws = commission_workspace
    add_store_txn(ws, "alex", "100000.00", "2026-10-05")  # base 15%
    add_store_txn(ws, "alex", "50000.00", "2026-11-02", sku="NET-SPINE-64", family="NET")
    add_store_txn(ws, "alex", "10000.00", "2026-11-10", customer="c-pub")  # public + new logo
    for day in ("2026-10-20", "2026-11-03", "2026-11-20"):
        add_store_txn(ws, "alex", "3000.00", day, sku="SUB-SECURE-EDGE", family="SUB")
    add_store_txn(ws, "alex", "99999.00", "2026-09-30")  # last quarter: not in Q4
    add_store_txn(ws, "alex", "5000.00", "2026-11-28")  # after the as-of date
    with ws.store.session() as session:
        ptd = period_to_date(session, user_id(ws, "alex"), ANCHOR)
    assert ptd.period == "2026-Q4"
    assert (ptd.start, ptd.end, ptd.as_of) == (date(2026, 10, 1), date(2026, 12, 31), ANCHOR)
    assert ptd.participant == "alex" and ptd.name == "Alex Morgan"
    assert ptd.quota == Money.of("450000.00", "USD")
    assert ptd.attainment == Money.of("169000.00", "USD")
    assert ptd.attainment_pct == Decimal("37.6")
    lines = {line.component: line for line in ptd.lines}
    # 15% of 100,000 + 10,000 + 9,000 = 17,850; 20% of 50,000 = 10,000
    assert lines["base"].amount == Money.of("27850.00", "USD")
    assert "Spine 64 Switch (Product X): 20% of $50,000.00 (1 credit) = $10,000.00" in (
        lines["base"].trace
    )
    assert lines["public-sector"].amount == Money.of("200.00", "USD")
    assert lines["new-logo"].amount == Money.of("100.00", "USD")
    assert lines["end-of-quarter"].amount == Money.zero("USD")
    assert lines["overachievement"].amount == Money.zero("USD")
    assert any("Gate not met" in t for t in lines["overachievement"].trace)
    assert ptd.earnings == Money.of("28150.00", "USD")
    assert ptd.payout == ptd.earnings
    assert ptd.spif_progress == ["3 of 5 SUB-SECURE-EDGE sold: Trip to Phuket"]
    assert ptd.expected_pct == Decimal("63.0")  # 58 of 92 days
    assert "on pace for" in ptd.pace_text
    for line in ptd.lines:
        assert line.trace and all(isinstance(t, str) and t for t in line.trace)


def test_manager_rolls_up_the_team(commission_workspace):
    ws = commission_workspace
    add_store_txn(ws, "alex", "100000.00", "2026-10-05")
    add_store_txn(ws, "nok", "1000000.00", "2026-10-06", currency="THB", customer="c-th")
    with ws.store.session() as session:
        ptd = period_to_date(session, "dana", datetime(2026, 11, 27, 9, tzinfo=UTC))
    # 1,000,000 THB at the plan rate 0.028 = 28,000 USD
    assert ptd.attainment == Money.of("128000.00", "USD")
    (line,) = ptd.lines
    assert line.component == "team-override" and line.amount == Money.of("2560.00", "USD")


def test_draw_shows_for_tom(commission_workspace):
    ws = commission_workspace
    add_store_txn(ws, "tom", "20000.00", "2026-10-05")
    with ws.store.session() as session:
        ptd = period_to_date(session, "tom", ANCHOR)
    assert ptd.earnings == Money.of("3000.00", "USD")
    draw = [line for line in ptd.lines if line.kind == "draw"]
    assert draw and draw[0].amount == Money.of("12000.00", "USD")
    assert ptd.payout == Money.of("15000.00", "USD")


def test_someone_without_a_plan_gets_a_clear_message(commission_workspace):
    with commission_workspace.store.session() as session:
        with pytest.raises(CommissionError, match="no user with id or username 'zoe'"):
            period_to_date(session, "zoe", ANCHOR)
        with pytest.raises(CommissionError, match="on no commission plan in force on 2027-02-01"):
            period_to_date(session, "alex", date(2027, 2, 1))


def test_naive_datetimes_are_refused(commission_workspace):
    with commission_workspace.store.session() as session, pytest.raises(ValueError, match="naive"):
        period_to_date(session, "alex", datetime(2026, 11, 27, 9))
