"""Incremental repricing: an edit reprices what it touches and nothing else.

(That incremental edits always end where a full reprice ends is a property in
test_properties.py.)"""

from decimal import Decimal as D

from tests.engine.pricing.support import line, repricer, sample_rules


def test_an_edit_reprices_only_what_it_touches(pricing_workspace):
    rp = repricer(pricing_workspace, rules=sample_rules(), discount_percent=D(2))
    before = rp.price(
        [
            line("1", "SVC-PS-DAY", 1),
            line("2", "NET-SPINE-64", 30),
            line("3", "NET-LEAF-48", 30),
            line("4", "SRV-R7", 2),
        ]
    )
    # A services line outside any volume group: only that line is new.
    after = rp.update(line("1", "SVC-PS-DAY", 3))
    assert [a is b for a, b in zip(before.lines, after.lines, strict=True)] == [
        False,
        True,
        True,
        True,
    ]
    # A network line: both lines of the aggregated NET family are repriced, nothing else.
    again = rp.update(line("2", "NET-SPINE-64", 31))
    assert [a is b for a, b in zip(after.lines, again.lines, strict=True)] == [
        True,
        False,
        False,
        True,
    ]


def test_removing_a_line_reprices_its_volume_group(pricing_workspace):
    rp = repricer(pricing_workspace, rules=sample_rules())
    rp.price(
        [line("1", "NET-SPINE-64", 40), line("2", "NET-LEAF-48", 20), line("3", "SVC-PS-DAY", 1)]
    )
    # 60 NET units: blended 10% (see test_waterfall); without the spines, 20 leaves get 5%
    after = rp.remove("1")
    assert [lp.line_id for lp in after.lines] == ["2", "3"]
    assert after.line("2").net == D("76000.00")
    assert after.totals.net == D("77500.00")


def test_a_line_discounted_to_nothing_takes_no_share_of_the_quote_amount(pricing_workspace):
    quote = repricer(pricing_workspace, discount_amount=D("100.00")).price(
        [line("1", "SVC-PS-DAY", 1), line("2", "SVC-PS-DAY", 1, discount_percent=D(100))]
    )
    assert [lp.quote_share for lp in quote.lines] == [D("100.00"), D(0)]
    assert [lp.net for lp in quote.lines] == [D("1400.00"), D("0.00")]
