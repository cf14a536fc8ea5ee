from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dealkit.engine.money import Money, MoneyError, minor_units


def test_minor_units_follow_iso_4217():
    assert minor_units("USD") == 2
    assert minor_units("THB") == 2
    assert minor_units("JPY") == 0
    assert minor_units("KWD") == 3


def test_rounding_is_half_up_to_the_currency_minor_units():
    assert Money.of("10.005", "USD").rounded().amount == Decimal("10.01")
    assert Money.of("10.004", "USD").rounded().amount == Decimal("10.00")
    assert Money.of("1234.5", "JPY").rounded().amount == Decimal("1235")
    assert Money.of("-2.5", "JPY").rounded().amount == Decimal("-3")


def test_arithmetic_keeps_full_precision_until_rounded():
    third = Money.of("33.333333", "USD")
    total = third + third + third
    assert total.amount == Decimal("99.999999")
    assert total.rounded().amount == Decimal("100.00")


def test_floats_and_unknown_currencies_are_refused_with_a_fix():
    with pytest.raises(MoneyError, match="float"):
        Money.of(19.99, "USD")  # type: ignore[arg-type]
    with pytest.raises(MoneyError, match="ISO 4217"):
        Money.of("1", "XXY")
    with pytest.raises(MoneyError, match="cannot combine USD with THB"):
        Money.of("1", "USD") + Money.of("1", "THB")


def test_display_follows_the_locale():
    assert Money.of("1234.5", "USD").format("en_US") == "$1,234.50"
    assert Money.of("1234.5", "THB").format("th_TH") == "฿1,234.50"
    assert Money.of("1234", "JPY").format("en_US") == "¥1,234"


def test_sum_starts_from_zero():
    assert sum([Money.of("1.10", "THB"), Money.of("2.20", "THB")]) == Money.of("3.30", "THB")


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=4), st.sampled_from(["USD", "JPY"]))
def test_rounding_is_idempotent_and_within_half_a_minor_unit(amount, currency):
    money = Money.of(amount, currency)
    once = money.rounded()
    assert once.rounded() == once
    assert abs(once.amount - money.amount) <= Decimal(1).scaleb(-minor_units(currency)) / 2
