"""The waterfall of a line, step by step, with worked numbers (catalog in tests/helpers/pricing)."""

from datetime import date
from decimal import Decimal as D

from dealkit.engine.pricing import GroupSpec, OptionPick, waterfall
from tests.engine.pricing.support import line, repricer, sample_rules


def amounts(lp, currency="USD"):
    return {
        s["step"]: s["amount"] for s in (st.to_json(currency) for st in waterfall(lp, currency))
    }


def test_every_step_is_present_and_explained(pricing_workspace):
    quote = repricer(pricing_workspace).price([line("1", "NET-LEAF-48", 2)])
    steps = waterfall(quote.lines[0], "USD")
    assert [s.key for s in steps] == [
        "list",
        "contracted",
        "schedule",
        "regular",
        "additional",
        "quote",
        "partner",
        "net",
    ]
    assert all(s.explanation for s in steps)
    assert "price book 'USD List 2026'" in steps[0].explanation
    assert steps[-1].amount == D("8000.00")


def test_percent_then_amount_stacked(pricing_workspace):
    # 3 x 1,500.00 = 4,500.00; 10% off -> 4,050.00; then 150.00 off -> 3,900.00
    quote = repricer(pricing_workspace).price(
        [line("1", "SVC-PS-DAY", 3, discount_percent=D(10), discount_amount=D(150))]
    )
    lp = quote.lines[0]
    steps = amounts(lp)
    assert steps["regular"] == "4500.00"
    assert steps["additional"] == "3900.00"
    assert lp.net == D("3900.00")
    why = waterfall(lp, "USD")[4].explanation
    assert "10% off ($450.00), then $150.00 off the line" in why


def test_contracted_price_replaces_list_and_stops_the_schedule(pricing_workspace):
    # Atlantic Mutual Bank pays 1,350.00 a day under MSA-2026-014 instead of 1,500.00.
    quote = repricer(
        pricing_workspace, rules=sample_rules(), customer_keys=("Atlantic Mutual Bank",)
    ).price([line("1", "SVC-PS-DAY", 4)])
    lp = quote.lines[0]
    assert amounts(lp)["list"] == "6000.00"
    assert amounts(lp)["contracted"] == "5400.00"
    assert "MSA-2026-014" in waterfall(lp, "USD")[1].explanation
    other = repricer(pricing_workspace, rules=sample_rules(), customer_keys=("Someone Else",))
    assert other.price([line("1", "SVC-PS-DAY", 4)]).lines[0].net == D("6000.00")


def test_family_aggregation_counts_lines_of_one_family_together(pricing_workspace):
    # Slab on NET units across lines: 40 spines + 20 leaves = 60 units:
    # 10 at 0%, 40 at 10%, 10 at 20% -> blended (0 + 400 + 200) / 60 = 10% off every NET line.
    quote = repricer(pricing_workspace, rules=sample_rules()).price(
        [line("1", "NET-SPINE-64", 40), line("2", "NET-LEAF-48", 20)]
    )
    spine, leaf = quote.lines
    assert spine.net == D("360000.00")  # 400,000 less 10%
    assert leaf.net == D("72000.00")  # 80,000 less 10%
    alone = repricer(pricing_workspace, rules=sample_rules()).price([line("2", "NET-LEAF-48", 20)])
    # 20 units alone: 10 at 0%, 10 at 10% -> 5% -> 76,000.00
    assert alone.lines[0].net == D("76000.00")


def test_block_prices(pricing_workspace):
    # SUB-SEATS is sold in blocks of 25 at 900.00 a block per year: 30 seats need 2 blocks.
    rp = repricer(pricing_workspace, rules=sample_rules())
    for seats, blocks in ((25, 1), (26, 2), (30, 2), (51, 3)):
        lp = rp.price([line("1", "SUB-SEATS", seats, term_months=12)]).lines[0]
        assert lp.list_total == D(900) * blocks, seats
    lp = rp.price([line("1", "SUB-SEATS", 30, term_months=12)]).lines[0]
    assert "sold in blocks of 25: 30 units need 2 block(s)" in waterfall(lp, "USD")[0].explanation


def test_bundle_fixed_with_included_option_and_sum_of_parts(pricing_workspace):
    options = (OptionPick("ACC-RAM-64", D(4)), OptionPick("ACC-PSU-1600", D(2)))
    fixed = repricer(pricing_workspace, rules=sample_rules()).price(
        [line("1", "SRV-R7", 2, options=options)]
    )
    # fixed: 8,000 + 4 x 500 (RAM adds) + PSU included = 10,000 per server, 2 servers
    assert fixed.lines[0].list_total == D("20000.00")
    # cost counts every part: (4,800 + 4 x 300 + 2 x 180) x 2 = 12,720.00
    assert fixed.lines[0].cost_total == D("12720.00")
    summed = repricer(pricing_workspace).price([line("1", "SRV-R7", 2, options=options)])
    # sum of parts: 8,000 + 2,000 + 600 = 10,600 per server
    assert summed.lines[0].list_total == D("21200.00")
    assert summed.lines[0].margin_percent == D("40.00")


def test_quote_level_amount_is_spread_in_whole_cents(pricing_workspace):
    # Lines of 1,500, 3,000 and 4,500 (9,000 in all); 100.00 off the quote, by cumulative
    # rounding: running totals 16.666.. -> 16.67, 50.00, 100.00, so the shares are
    # 16.67, 33.33 and 50.00 (exactly 100.00 in all).
    quote = repricer(pricing_workspace, discount_amount=D(100)).price(
        [line("1", "SVC-PS-DAY", 1), line("2", "SVC-PS-DAY", 2), line("3", "SVC-PS-DAY", 3)]
    )
    assert [lp.quote_share for lp in quote.lines] == [D("16.67"), D("33.33"), D("50.00")]
    assert [lp.net for lp in quote.lines] == [D("1483.33"), D("2966.67"), D("4450.00")]
    assert quote.totals.net == D("8900.00")
    assert quote.totals.discount == D("100.00")


def test_quote_percent_and_partner(pricing_workspace):
    # 8,000 less 5% quote discount = 7,600; partner 10% -> 6,840.00
    quote = repricer(
        pricing_workspace, discount_percent=D(5), partner_percent=D(10), partner_name="Siam IT"
    ).price([line("1", "NET-LEAF-48", 2)])
    lp = quote.lines[0]
    assert amounts(lp)["quote"] == "7600.00"
    assert lp.net == D("6840.00")
    assert "Siam IT's channel discount: 10%" in waterfall(lp, "USD", "Siam IT")[6].explanation


def test_rounding_to_each_currencys_minor_units(pricing_workspace):
    # 3 days less 7.5%: USD 4,500 -> 4,162.50; THB 157,500 -> 145,687.50; JPY 675,000 -> 624,375
    # and with a price that does not divide evenly (a quote discount amount of 100 split 3 ways)
    for currency, expected in (("USD", "4162.50"), ("THB", "145687.50"), ("JPY", "624375")):
        lp = (
            repricer(pricing_workspace, currency)
            .price([line("1", "SVC-PS-DAY", 3, discount_percent=D("7.5"))])
            .lines[0]
        )
        assert str(lp.net) == expected, currency
    jpy = repricer(pricing_workspace, "JPY", discount_amount=D(100)).price(
        [line(str(i), "SVC-PS-DAY", 1) for i in (1, 2, 3)]
    )
    # 100 yen over three equal lines: running totals 33.3 -> 33, 66.7 -> 67, 100
    assert [str(lp.quote_share) for lp in jpy.lines] == ["33", "34", "33"]
    assert [str(lp.net) for lp in jpy.lines] == ["224967", "224966", "224967"]
    usd = repricer(pricing_workspace, "USD", discount_amount=D(100)).price(
        [line(str(i), "SVC-PS-DAY", 1) for i in (1, 2, 3)]
    )
    assert [str(lp.quote_share) for lp in usd.lines] == ["33.33", "33.34", "33.33"]
    # 1/3 % of a THB line: 52,500 x 0.99666.. = 52,325.00 after 175.00 off each
    thb = repricer(pricing_workspace, "THB", discount_amount=D("525.00")).price(
        [line(str(i), "SVC-PS-DAY", 1) for i in (1, 2, 3)]
    )
    assert [str(lp.net) for lp in thb.lines] == ["52325.00"] * 3


def test_alternatives_have_their_own_totals(pricing_workspace):
    groups = (
        GroupSpec("Core"),
        GroupSpec("Option A", alternative="storage"),
        GroupSpec("Option B", alternative="storage", selected=True),
    )
    quote = repricer(pricing_workspace, groups=groups).price(
        [
            line("1", "SRV-R7", 1, group="Core"),
            line("2", "NET-LEAF-48", 1, group="Option A"),
            line("3", "NET-SPINE-64", 1, group="Option B"),
        ]
    )
    assert quote.totals.net == D("18000.00")  # core + the selected Option B
    options = {a.group: a for a in quote.alternative_totals()}
    assert options["Option A"].own.net == D("4000.00")
    assert options["Option A"].with_base.net == D("12000.00")
    assert options["Option B"].selected and options["Option B"].with_base.net == D("18000.00")
    assert quote.group_totals()["Core"].net == D("8000.00")


def test_margin_and_cost(pricing_workspace):
    lp = repricer(pricing_workspace).price([line("1", "NET-LEAF-48", 1, discount_percent=D(25))])
    # net 3,000, cost 2,400 -> margin 600 = 20%
    assert (lp.lines[0].net, lp.lines[0].cost_total) == (D("3000.00"), D("2400.00"))
    assert lp.lines[0].margin_percent == D("20.00")
    assert lp.totals.margin_percent == D("20.00")


def test_public_sector_book_wins_for_that_segment(pricing_workspace):
    quote = repricer(pricing_workspace, segment="public_sector").price(
        [line("1", "NET-SPINE-64", 1)]
    )
    assert quote.lines[0].net == D("9000.00")
    assert quote.lines[0].listed.item.price_book == "USD Public Sector 2026"


def test_quote_dated_in_the_old_year_uses_the_old_book(pricing_workspace):
    quote = repricer(pricing_workspace, on=date(2025, 6, 1)).price([line("1", "OLD-SWITCH", 1)])
    assert quote.lines[0].net == D("2000.00")


def test_options_priced_by_the_product_model(pricing_workspace):
    # A configured R7: the configurator prices the CPU and drives from the product model.
    options = (
        OptionPick("cpu/gold-6430", D(2), price=D("2150.00"), cost=D("1300.00"), label="Gold"),
        OptionPick("drives/ssd_1_92tb", D(4), price=D("420.00")),
    )
    lp = repricer(pricing_workspace).price([line("1", "SRV-R7", 1, options=options)]).lines[0]
    # 8,000 + 2 x 2,150 + 4 x 420 = 13,980.00
    assert lp.list_total == D("13980.00")
    assert lp.cost_total == D("7400.00")  # 4,800 + 2 x 1,300 (+ drives at no stated cost)
    assert "+ option cpu/gold-6430 x2 at $2,150.00 each" in waterfall(lp, "USD")[0].explanation


def test_money_in_explanations_reads_like_babel_en_us():
    from dealkit.engine.money import Money, money_text

    for amount, currency in (
        ("1250", "USD"),
        ("-3.455", "USD"),
        ("63000", "THB"),
        ("1234567.5", "JPY"),
        ("0.125", "KWD"),
    ):
        expected = Money.of(amount, currency).rounded().format("en_US")
        assert money_text(D(amount), currency) == expected
