"""The worked examples of the commissions issue, each checked to the cent with its trace."""

from decimal import Decimal

import pytest

from dealkit.engine.commissions import Calculator, CommissionError, MemoryLedger
from dealkit.engine.money import Money
from tests.helpers.commissions import plan_from, txn


def usd(amount: str) -> Money:
    return Money.of(amount, "USD")


def tiered_plan(method: str, bound: str) -> str:
    return f"""\
        code: tiers
        version: 1
        name: Tiered plan
        effective_from: 2026-01-01
        currency: USD
        participants:
          - id: alex
            role: rep
            quota: 300000
        components:
          - id: tiers
            type: tiered
            label: Commission
            method: {method}
            tiers:
              - {{upto: {bound}, rate: 4%}}
              - {{rate: 6%}}
        """


def earnings(plan, txns, period="2026-Q2", who="alex"):
    return Calculator([plan], txns).participant(who, period)


def test_marginal_tiers_220000_pays_9200_with_the_trace():
    plan = plan_from(tiered_plan("marginal", "200000"))
    result = earnings(
        plan, [txn("alex", "150000", "2026-04-10"), txn("alex", "70000", "2026-05-02")]
    )
    (line,) = result.lines
    assert line.amount == usd("9200.00")
    assert line.trace == [
        "$220,000.00 attained: 4% of the first $200,000.00 = $8,000.00; "
        "6% of $20,000.00 = $1,200.00"
    ]


def test_a_20000_deal_after_145000_with_the_bound_at_150000_pays_1100():
    plan = plan_from(tiered_plan("marginal", "150000"))
    before = earnings(plan, [txn("alex", "145000", "2026-04-10")]).payout
    after = earnings(
        plan, [txn("alex", "145000", "2026-04-10"), txn("alex", "20000", "2026-05-02")]
    ).payout
    assert before == usd("5800.00")
    assert after - before == usd("1100.00")


def test_retroactive_tiers_pay_everything_at_the_rate_reached():
    plan = plan_from(tiered_plan("retroactive", "200000"))
    result = earnings(plan, [txn("alex", "220000", "2026-04-10")])
    assert result.payout == usd("13200.00")
    assert "reaches above $200,000.00 at 6%" in result.lines[0].trace[0]
    plan = plan_from(tiered_plan("retroactive", "150000"))
    before = earnings(plan, [txn("alex", "145000", "2026-04-10")]).payout
    after = earnings(
        plan, [txn("alex", "145000", "2026-04-10"), txn("alex", "20000", "2026-05-02")]
    ).payout
    assert (before, after - before) == (usd("5800.00"), usd("4100.00"))
    # exactly on the bound stays in the lower band
    assert earnings(plan, [txn("alex", "150000", "2026-04-10")]).payout == usd("6000.00")


SIMPLE = """\
    code: simple
    version: 1
    name: Simple plan
    effective_from: 2026-01-01
    currency: USD
    period: {period}
    {extra}
    participants:
      - id: alex
        role: rep
        quota: 100000
    {participants}
    components:
      - id: base
        type: rate
        label: Base commission
        rate: {rate}
    {components}
    """


def simple(period="quarter", rate="10%", extra="", participants="", components=""):
    return plan_from(
        SIMPLE.format(
            period=period, rate=rate, extra=extra, participants=participants, components=components
        )
    )


def test_a_cap_limits_the_component_for_the_period():
    plan = plan_from(
        SIMPLE.format(
            period="quarter", rate="10%", extra="", participants="", components=""
        ).replace("rate: 10%", "rate: 10%\n        cap: 5000")
    )
    result = earnings(plan, [txn("alex", "80000", "2026-04-10")])
    assert result.payout == usd("5000.00")
    assert "Capped at $5,000.00 for the period (calculated $8,000.00)" in result.lines[0].trace


def test_a_threshold_gates_the_component_until_attainment_reaches_it():
    plan = plan_from(
        SIMPLE.format(
            period="quarter", rate="10%", extra="", participants="", components=""
        ).replace("rate: 10%", "rate: 10%\n        threshold: {attainment_pct: 50}")
    )
    below = earnings(plan, [txn("alex", "40000", "2026-04-10")])
    assert below.payout == usd("0.00")
    assert below.lines[0].trace[-1] == (
        "Gate not met: attainment of $40,000.00 is below 50% of quota ($50,000.00); this "
        "component pays nothing until it is reached (it would pay $4,000.00)"
    )
    above = earnings(plan, [txn("alex", "40000", "2026-04-10"), txn("alex", "20000", "2026-05-01")])
    assert above.payout == usd("6000.00")


def test_clawback_reverses_a_june_commission_in_august_at_the_original_rate():
    plan = simple(period="month", rate="5%", extra="clawback: {within_days: 90}")
    deal = txn("alex", "10000", "2026-06-15", ref="Q-0615", cancelled="2026-08-10")
    other = txn("alex", "30000", "2026-08-20")
    ledger = MemoryLedger()
    calc = Calculator([plan], [deal, other], ledger)
    june = calc.finalize("2026-06")
    assert june.participants["alex"].payout == usd("500.00")
    august = calc.participant("alex", "2026-08")
    clawback = [line for line in august.lines if line.kind == "clawback"]
    assert [c.amount for c in clawback] == [usd("-500.00")]
    assert clawback[0].ref == "Q-0615"
    assert clawback[0].trace[0].startswith("Q-0615 (SRV-R7) closed 2026-06-15 and was cancelled")
    assert "It earned $500.00 in 2026-06: Base commission $500.00" in clawback[0].trace
    assert august.attainment == usd("30000.00")  # attainment untouched by the cancellation
    assert august.payout == usd("1000.00")  # 5% of 30,000 - 500
    assert calc.participant("alex", "2026-06").attainment == usd("10000.00")


def test_no_clawback_after_the_window():
    plan = simple(period="month", rate="5%", extra="clawback: {within_days: 30}")
    deal = txn("alex", "10000", "2026-06-15", cancelled="2026-08-10")
    august = Calculator([plan], [deal]).participant("alex", "2026-08")
    assert [line for line in august.lines if line.kind == "clawback"] == []


def draw_plan(recoverable: str) -> str:
    return simple(
        period="month",
        rate="10%",
        participants=f"  - id: tom\n        role: rep\n        quota: 50000\n"
        f"        draw: {{amount: 3000, recoverable: {recoverable}}}",
    )


def test_recoverable_draw_3000_against_1000_2500_6000_pays_3000_3000_3500():
    plan = draw_plan("true")
    txns = [
        txn("tom", "10000", "2026-01-10"),
        txn("tom", "25000", "2026-02-10"),
        txn("tom", "60000", "2026-03-10"),
    ]
    calc = Calculator([plan], txns)
    results = [calc.participant("tom", m) for m in ("2026-01", "2026-02", "2026-03")]
    assert [r.earnings for r in results] == [usd("1000.00"), usd("2500.00"), usd("6000.00")]
    assert [r.payout for r in results] == [usd("3000.00"), usd("3000.00"), usd("3500.00")]
    assert [r.draw_balance for r in results] == [usd("2000.00"), usd("2500.00"), usd("0.00")]
    recovery = [line for line in results[2].lines if line.label == "Draw recovery"]
    assert recovery[0].amount == usd("-2500.00")
    assert "$2,500.00 of earlier draws was owed at the start of 2026-03" in recovery[0].trace


def test_non_recoverable_draw_is_never_taken_back():
    plan = draw_plan("false")
    txns = [txn("tom", "10000", "2026-01-10"), txn("tom", "60000", "2026-03-10")]
    calc = Calculator([plan], txns)
    payouts = [calc.participant("tom", m).payout for m in ("2026-01", "2026-02", "2026-03")]
    assert payouts == [usd("3000.00"), usd("3000.00"), usd("6000.00")]


TEAM = """\
  - id: nok
        role: rep
        quota: 100000
      - id: priya
        role: rep
        quota: 100000
      - id: kenji
        role: overlay
        quota: 200000
        overlay: {match: {family: NET}}
      - id: dana
        role: manager
        quota: 300000
        team: [alex, nok, priya]"""


def test_a_60_30_10_split_of_50000_credits_30000_15000_5000():
    plan = simple(participants=TEAM)
    deal = [
        txn("alex", "50000", "2026-04-10", ref="Q-9", split="60", sku="NET-SPINE-64", family="NET"),
        txn("nok", "50000", "2026-04-10", ref="Q-9", split="30", sku="NET-SPINE-64", family="NET"),
        txn("priya", "50000", "2026-04-10", ref="Q-9", split="10", sku="NET-SPINE-64",
            family="NET"),
    ]  # fmt: skip
    period = Calculator([plan], deal).period("2026-Q2")
    credits = {pid: r.attainment for pid, r in period.participants.items()}
    assert credits["alex"] == usd("30000.00")
    assert credits["nok"] == usd("15000.00")
    assert credits["priya"] == usd("5000.00")
    # the overlay gets full credit, and so does the manager through the roll-up
    assert credits["kenji"] == usd("50000.00")
    assert credits["dana"] == usd("50000.00")
    assert period.participants["alex"].payout == usd("3000.00")


def test_an_overlay_only_covers_what_it_matches():
    plan = simple(participants=TEAM)
    txns = [
        txn("alex", "20000", "2026-04-10", sku="NET-SPINE-64", family="NET"),
        txn("alex", "70000", "2026-04-11", sku="SRV-R7", family="SRV"),
    ]
    kenji = Calculator([plan], txns).participant("kenji", "2026-Q2")
    assert kenji.attainment == usd("20000.00")
    assert kenji.payout == usd("2000.00")


SPIF = """\
  - id: spif
        type: spif
        label: Secure Edge SPIF
        match: {sku: SUB-SECURE-EDGE}
        goal: {units: 5}
        reward: {item: Trip to Phuket, value: 4500}
      - id: cash-spif
        type: spif
        label: Spine sprint
        match: {sku: NET-SPINE-64}
        window: {from: 2026-05-01, to: 2026-05-31}
        goal: {amount: 40000}
        reward: {cash: 1000}"""


def test_a_spif_reached_and_one_missed():
    plan = simple(components=SPIF)
    txns = [txn("alex", "2000", f"2026-04-{d:02d}", sku="SUB-SECURE-EDGE", family="SUB")
            for d in (1, 5, 9, 13, 20)]  # fmt: skip
    txns += [
        txn("alex", "30000", "2026-04-28", sku="NET-SPINE-64", family="NET"),  # outside window
        txn("alex", "30000", "2026-05-10", sku="NET-SPINE-64", family="NET"),
    ]
    result = Calculator([plan], txns).participant("alex", "2026-Q2")
    trip, sprint = result.spifs
    assert trip.reached and trip.text == "5 of 5 SUB-SECURE-EDGE sold: Trip to Phuket won"
    assert not sprint.reached
    assert sprint.text == "$30,000.00 of $40,000.00 NET-SPINE-64 sold: $1,000.00"
    line = next(ln for ln in result.lines if ln.component == "spif")
    assert line.reward == "Trip to Phuket" and line.amount == usd("0.00")
    assert "Non-cash reward won: Trip to Phuket (value $4,500.00); not part of the payout" in (
        line.trace
    )
    assert all(ln.component != "cash-spif" for ln in result.lines)
    missed = Calculator([plan], txns[:4]).participant("alex", "2026-Q2").spifs[0]
    assert missed.text == "4 of 5 SUB-SECURE-EDGE sold: Trip to Phuket" and not missed.reached


def test_a_cash_spif_reached_pays_its_reward():
    plan = simple(components=SPIF)
    txns = [txn("alex", "45000", "2026-05-10", sku="NET-SPINE-64", family="NET")]
    result = Calculator([plan], txns).participant("alex", "2026-Q2")
    line = next(ln for ln in result.lines if ln.component == "cash-spif")
    assert line.amount == usd("1000.00")
    assert result.payout == usd("5500.00")


WINDOWS = """\
  - id: eoq
        type: window
        label: End-of-quarter accelerator
        of: base
        window: {last_days_of_quarter: 14}
        factor: 1.5
      - id: soq
        type: window
        label: Slow start
        of: base
        window: {first_days_of_quarter: 7}
        factor: 0.5"""


def test_time_windows_at_the_end_and_the_start_of_the_quarter():
    plan = simple(components=WINDOWS)
    txns = [
        txn("alex", "10000", "2026-04-03"),  # first 7 days: decelerated
        txn("alex", "10000", "2026-05-15"),
        txn("alex", "10000", "2026-06-17"),  # last 14 days start 2026-06-17
        txn("alex", "10000", "2026-06-16"),
    ]
    result = Calculator([plan], txns).participant("alex", "2026-Q2")
    lines = {ln.component: ln for ln in result.lines}
    assert lines["base"].amount == usd("4000.00")
    assert lines["eoq"].amount == usd("500.00")
    assert lines["eoq"].trace == [
        "1 credit closed in the last 14 days of the quarter (2026-06-17 to 2026-06-30) earned "
        "$1,000.00 under Base commission",
        "Multiplier 1.5: (1.5 - 1) x $1,000.00 = $500.00",
    ]
    assert lines["soq"].amount == usd("-500.00")


def test_segment_and_new_logo_incentives():
    extra = """\
  - id: public
        type: rate
        label: Public-sector bonus
        match: {segment: public_sector}
        rate: 2%
      - id: logo
        type: rate
        label: New logo
        match: {new_logo: true}
        per_unit: 100"""
    plan = simple(components=extra)
    txns = [
        txn("alex", "10000", "2026-04-03", segment="public_sector", qty="3"),
        txn("alex", "10000", "2026-04-04", new_logo=True, qty="2"),
    ]
    lines = {
        ln.component: ln for ln in Calculator([plan], txns).participant("alex", "2026-Q2").lines
    }
    assert lines["public"].amount == usd("200.00")
    assert lines["logo"].amount == usd("200.00")
    assert lines["logo"].trace == ["2 units at $100.00 = $200.00"]


def test_a_mid_period_quota_change_is_prorated():
    participants = """\
  - id: tom
        role: rep
        assignments:
          - {from: 2026-01-01, to: 2026-05-15, quota: 90000}
          - {from: 2026-05-16, quota: 120000}"""
    plan = simple(participants=participants)
    result = Calculator([plan], []).participant("tom", "2026-Q2")
    # 45 of 91 days at 90,000 and 46 of 91 at 120,000
    expected = Decimal(90000) * 45 / 91 + Decimal(120000) * 46 / 91
    assert result.quota == usd(str(expected.quantize(Decimal("0.01"))))
    assert len(result.notes) == 2


def test_a_finalized_period_never_changes_and_later_data_becomes_an_adjustment():
    plan = simple()
    ledger = MemoryLedger()
    first = Calculator([plan], [txn("alex", "10000", "2026-04-10")], ledger)
    q2 = first.finalize("2026-Q2")
    assert q2.participants["alex"].payout == usd("1000.00")
    late = [txn("alex", "10000", "2026-04-10"), txn("alex", "5000", "2026-06-30"),
            txn("alex", "20000", "2026-07-02")]  # fmt: skip
    second = Calculator([plan], late, ledger)
    assert second.period("2026-Q2").to_json() == q2.to_json()
    q3 = second.participant("alex", "2026-Q3")
    adjustment = next(ln for ln in q3.lines if ln.kind == "adjustment")
    assert adjustment.amount == usd("500.00") and adjustment.for_period == "2026-Q2"
    assert q3.attainment == usd("20000.00")
    assert q3.payout == usd("2500.00")
    second.finalize("2026-Q3")
    q4 = Calculator([plan], late, ledger).participant("alex", "2026-Q4")
    assert [ln for ln in q4.lines if ln.kind == "adjustment"] == []  # settled once only
    with pytest.raises(CommissionError, match="already finalized"):
        second.finalize("2026-Q2")


def test_reruns_are_deterministic():
    plan = simple(participants=TEAM, components=WINDOWS)
    txns = [txn(r, str(1000 * i + 17), f"2026-0{4 + i % 3}-{1 + i % 28:02d}")
            for i, r in enumerate(["alex", "nok", "priya"] * 20)]  # fmt: skip
    one = Calculator([plan], txns).period("2026-Q2").to_json()
    two = Calculator([plan], list(reversed(txns))).period("2026-Q2").to_json()
    assert one == two
