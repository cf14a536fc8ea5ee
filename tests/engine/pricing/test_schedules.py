"""Range against slab on the same quantities and amounts, with the numbers worked by hand."""

from decimal import Decimal as D

import pytest

from dealkit.engine.pricing.rules import DiscountSchedule, ScheduleBasis, ScheduleMethod, Tier
from dealkit.engine.pricing.schedules import describe, evaluate


def schedule(method, basis=ScheduleBasis.QUANTITY, tiers=((1, 0), (11, 10), (51, 20))):
    return DiscountSchedule(
        "vol",
        method,
        basis,
        tuple(Tier(D(lower), D(pct)) for lower, pct in tiers),
        skus=frozenset({"X"}),
        currency="USD",
    )


# Unit price 100: units 1-10 at 0%, 11-50 at 10%, 51+ at 20%.
@pytest.mark.parametrize(
    ("quantity", "range_total", "slab_total"),
    [
        (10, "1000", "1000"),  # both in the first tier
        (11, "990", "1090"),  # range: 11 x 90; slab: 10 x 100 + 1 x 90
        (50, "4500", "4600"),  # range: 50 x 90; slab: 1000 + 40 x 90
        (60, "4800", "5400"),  # range: 60 x 80; slab: 1000 + 3600 + 10 x 80
    ],
)
def test_range_and_slab_by_quantity(quantity, range_total, slab_total):
    price = D(100)
    for method, expected in (
        (ScheduleMethod.RANGE, range_total),
        (ScheduleMethod.SLAB, slab_total),
    ):
        outcome = evaluate(schedule(method), D(quantity))
        total = price * quantity * (100 - outcome.percent) / 100
        assert total == D(expected), method


def test_range_and_slab_by_amount():
    # 6,000 of list; tiers: the first 1,000 at 0%, 1,000-5,000 at 10%, above 5,000 at 20%.
    tiers = ((0, 0), (1000, 10), (5000, 20))
    ranged = evaluate(schedule(ScheduleMethod.RANGE, ScheduleBasis.AMOUNT, tiers), D(6000))
    slabbed = evaluate(schedule(ScheduleMethod.SLAB, ScheduleBasis.AMOUNT, tiers), D(6000))
    assert D(6000) * (100 - ranged.percent) / 100 == D(4800)
    # slab: 0 + 4000 x 10% + 1000 x 20% = 600 off
    assert D(6000) * (100 - slabbed.percent) / 100 == D(5400)
    assert [s.portion for s in slabbed.shares] == [D(1000), D(4000), D(1000)]


def test_below_the_first_tier_there_is_no_discount():
    outcome = evaluate(schedule(ScheduleMethod.RANGE, tiers=((5, 10),)), D(4))
    assert outcome.percent == 0 and outcome.shares == ()
    slab = evaluate(schedule(ScheduleMethod.SLAB, tiers=((5, 10),)), D(8))
    # units 1-4 have no tier; units 5-8 (4 units) at 10%: 4 x 10 / 8 = 5% blended
    assert slab.percent == D(5)


def test_explanations_name_the_tiers():
    text = describe(
        schedule(ScheduleMethod.SLAB), evaluate(schedule(ScheduleMethod.SLAB), D(60)), "USD"
    )
    assert "10 units at 0% (units 1-10)" in text
    assert "40 units at 10% (units 11-50)" in text
    assert "10 units at 20% (units 51+)" in text
    text = describe(
        schedule(ScheduleMethod.RANGE), evaluate(schedule(ScheduleMethod.RANGE), D(60)), "USD"
    )
    assert "60 units reaches the tier units 51+, so every unit gets 20% off" in text
