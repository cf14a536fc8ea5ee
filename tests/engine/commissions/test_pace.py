from datetime import date
from decimal import Decimal

from dealkit.engine.commissions.crediting import Credit
from dealkit.engine.commissions.pace import (
    amount_to_go,
    attainment_series,
    elapsed_percent,
    projected_percent,
)
from dealkit.engine.commissions.periods import parse_period
from dealkit.engine.money import Money
from tests.helpers.commissions import txn


def test_the_share_of_a_quarter_gone_counts_the_day_itself():
    q4 = parse_period("2026-Q4")  # 92 days
    assert elapsed_percent(q4, date(2026, 10, 1)) == Decimal("1.1")
    assert elapsed_percent(q4, date(2026, 11, 27)) == Decimal("63.0")
    assert elapsed_percent(q4, date(2026, 12, 31)) == Decimal("100.0")


def test_to_go_and_projection():
    quota = Money.of("450000", "USD")
    assert amount_to_go(quota, Money.of("346164", "USD")) == Money.of("103836", "USD")
    assert amount_to_go(quota, Money.of("500000", "USD")) == Money.of("0", "USD")
    assert projected_percent(Decimal("76.9"), Decimal("63.0")) == Decimal("122")
    assert projected_percent(Decimal("10"), Decimal("0")) is None


def test_the_series_keeps_one_point_per_closing_day():
    credits = [
        Credit("alex", txn("alex", amount, day), Decimal(amount), Decimal(1), "owner")
        for amount, day in [("100", "2026-10-02"), ("50", "2026-10-02"), ("25", "2026-10-09")]
    ]
    assert attainment_series(credits, "USD") == [
        (date(2026, 10, 2), Money.of("150", "USD")),
        (date(2026, 10, 9), Money.of("175", "USD")),
    ]
