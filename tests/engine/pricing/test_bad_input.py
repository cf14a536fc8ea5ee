"""Bad input: every problem names the line and the field, and nothing is priced half-way."""

from datetime import date
from decimal import Decimal as D

import pytest

from dealkit.engine.pricing import PricingError
from tests.engine.pricing.support import line, repricer


def problems(excinfo):
    return [(p.where, p.field, p.message) for p in excinfo.value.problems]


def test_all_problems_are_listed_together_with_line_and_field(pricing_workspace):
    with pytest.raises(PricingError) as excinfo:
        repricer(pricing_workspace).price(
            [
                line("1", "NET-LEAF-48", 1),
                line("2", "NOPE-1", 1),
                line("3", "NET-LEAF-48", -2),
                line("4", "NET-LEAF-48", 1, discount_percent=D(120)),
            ]
        )
    found = problems(excinfo)
    assert [(w, f) for w, f, _ in found] == [
        ("line 2 (NOPE-1)", "sku"),
        ("line 3 (NET-LEAF-48)", "quantity"),
        ("line 4 (NET-LEAF-48)", "discount.percent"),
    ]
    assert "unknown product 'NOPE-1'" in found[0][2]
    assert "quantity -2 is not above 0" in found[1][2]
    assert "discount 120% is outside 0-100%" in found[2][2]
    assert str(excinfo.value).startswith("line 2 (NOPE-1), field sku: unknown product")


def test_expired_price_book_says_when_it_expired(pricing_workspace):
    with pytest.raises(PricingError) as excinfo:
        repricer(pricing_workspace).price([line("A7", "OLD-SWITCH", 1)])
    ((where, field, message),) = problems(excinfo)
    assert (where, field) == ("line 1 [A7] (OLD-SWITCH)", "sku")
    assert "'USD List 2025'" in message and "expired on 2025-12-31" in message


def test_missing_price_in_the_quotes_currency_names_the_currencies_it_has(pricing_workspace):
    with pytest.raises(PricingError) as excinfo:
        repricer(pricing_workspace, "THB", on=date(2025, 6, 1)).price([line("1", "OLD-SWITCH", 1)])
    ((_, _, message),) = problems(excinfo)
    assert "no price in THB (it is priced in USD)" in message


def test_amount_discount_over_the_line_is_a_discount_over_100_percent(pricing_workspace):
    with pytest.raises(PricingError) as excinfo:
        repricer(pricing_workspace).price(
            [line("1", "SVC-PS-DAY", 1, discount_percent=D(50), discount_amount=D(800))]
        )
    ((where, field, message),) = problems(excinfo)
    assert (where, field) == ("line 1 (SVC-PS-DAY)", "discount.amount")
    assert "discount over 100%" in message


def test_quote_level_problems(pricing_workspace):
    with pytest.raises(PricingError) as excinfo:
        repricer(pricing_workspace, discount_amount=D(5000)).price([line("1", "SVC-PS-DAY", 1)])
    assert problems(excinfo)[0][:2] == ("quote", "discount.amount")
    with pytest.raises(PricingError) as excinfo:
        repricer(pricing_workspace, partner_percent=D(101)).price([line("1", "SVC-PS-DAY", 1)])
    assert problems(excinfo)[0][:2] == ("quote", "partner.discount_percent")


def test_subscription_problems(pricing_workspace):
    with pytest.raises(PricingError) as excinfo:
        repricer(pricing_workspace).price(
            [
                line("1", "SUB-CLOUDOPS", 1, co_term_end=date(2026, 1, 1)),
                line("2", "SVC-PS-DAY", 1, term_months=12),
                line("3", "SUB-CLOUDOPS", 1, term_months=0),
            ]
        )
    assert [(w, f) for w, f, _ in problems(excinfo)] == [
        ("line 1 (SUB-CLOUDOPS)", "co_term_end"),
        ("line 2 (SVC-PS-DAY)", "term_months"),
        ("line 3 (SUB-CLOUDOPS)", "term_months"),
    ]


def test_duplicate_line_ids(pricing_workspace):
    with pytest.raises(PricingError) as excinfo:
        repricer(pricing_workspace).price(
            [line("L1", "SVC-PS-DAY", 1), line("L1", "SVC-PS-DAY", 2)]
        )
    assert problems(excinfo)[0][:2] == ("line 2 [L1] (SVC-PS-DAY)", "id")


def test_a_rejected_edit_leaves_the_last_good_pricing(pricing_workspace):
    rp = repricer(pricing_workspace, discount_amount=D(2000))
    before = rp.price([line("1", "SVC-PS-DAY", 1), line("2", "NET-LEAF-48", 1)])
    # Shrinking the quote below the quote-level discount is refused ...
    with pytest.raises(PricingError):
        rp.update(line("2", "NET-LEAF-48", 1, discount_percent=D(100)))
    with pytest.raises(PricingError):
        rp.update(line("2", "NET-LEAF-48", -1))
    with pytest.raises(PricingError):
        rp.remove("2")
    # ... and the repricer still holds the previous, consistent prices.
    assert rp.result().totals == before.totals
    assert rp.result().lines == before.lines
    after = rp.update(line("2", "NET-LEAF-48", 2))
    assert after.totals.net == D("7500.00")  # 1,500 + 8,000 - 2,000


def test_a_product_no_longer_sold_is_refused(pricing_workspace):
    from sqlalchemy import update

    from dealkit.engine.store.models import Product

    with pricing_workspace.store.session() as session, session.begin():
        session.execute(update(Product).where(Product.sku == "NET-LEAF-48").values(active=False))
    with pytest.raises(PricingError) as excinfo:
        repricer(pricing_workspace).price([line("1", "NET-LEAF-48", 1)])
    ((where, field, message),) = problems(excinfo)
    assert (where, field) == ("line 1 (NET-LEAF-48)", "sku")
    assert message.startswith("product NET-LEAF-48 is no longer sold (inactive)")
