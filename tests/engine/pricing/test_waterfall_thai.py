"""The waterfall in Thai (dealkit.engine.words): the same steps and figures, Thai words."""

from decimal import Decimal as D

import pytest

from dealkit.engine.pricing import waterfall
from dealkit.engine.words import language, set_language, words
from tests.engine.pricing.support import line, repricer, sample_rules


def thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


@pytest.fixture
def in_thai():
    set_language("th")
    yield
    set_language("en")


def test_the_same_steps_and_figures_with_every_label_and_reason_in_thai(pricing_workspace):
    lines = [line("1", "SVC-PS-DAY", 3, discount_percent=D(10), discount_amount=D(150))]
    english = waterfall(repricer(pricing_workspace).price(lines).lines[0], "USD")
    set_language("th")
    try:
        steps = waterfall(repricer(pricing_workspace).price(lines).lines[0], "USD")
    finally:
        set_language("en")
    assert [(s.key, s.amount, s.change) for s in steps] == [
        (s.key, s.amount, s.change) for s in english
    ]
    assert all(thai(s.label) and thai(s.explanation) for s in steps), [
        (s.label, s.explanation) for s in steps if not (thai(s.label) and thai(s.explanation))
    ]
    assert steps[0].label == "ราคาตั้ง"
    assert steps[4].explanation == "ส่วนลดจากพนักงานขาย: ลด 10% ($450.00) แล้ว ลด $150.00 จากรายการ"


def test_a_volume_schedule_and_a_contract_explain_themselves_in_thai(pricing_workspace, in_thai):
    family = repricer(pricing_workspace, rules=sample_rules()).price(
        [line("1", "NET-SPINE-64", 40), line("2", "NET-LEAF-48", 20)]
    )
    schedule = waterfall(family.lines[0], "USD")[2]
    assert thai(schedule.explanation) and "(นับรวมทุกรายการในกลุ่มสินค้าเดียวกัน)" in (schedule.explanation)
    contracted = repricer(
        pricing_workspace, rules=sample_rules(), customer_keys=("Atlantic Mutual Bank",)
    ).price([line("1", "SVC-PS-DAY", 4)])
    why = waterfall(contracted.lines[0], "USD")[1].explanation
    assert why.startswith("สัญญา MSA-2026-014:") and "$1,350.00" in why


def test_placeholders_are_filled_whatever_their_order_and_the_language_is_checked(in_thai):
    assert words("{amount} off the line", amount="$5.00") == "ลด $5.00 จากรายการ"
    assert words("no tier reached") == "ยังไม่ถึงขั้นส่วนลดใด"
    with pytest.raises(ValueError, match="use one of en, th"):
        set_language("fr")
    assert language() == "th"
