"""The deal estimator: tier crossings, what-if discounts, windows, SPIF steps, over the store."""

from datetime import date
from decimal import Decimal

from dealkit.engine.commissions import (
    Calculator,
    DealEstimator,
    DealFacts,
    QuoteLineInput,
    deal_estimator,
)
from dealkit.engine.money import Money
from dealkit.engine.words import set_language
from tests.helpers.commissions import add_store_txn, plan_from, txn

TIERED = """\
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
          - {{upto: 150000, rate: 4%}}
          - {{rate: 6%}}
      - id: spif
        type: spif
        label: Secure Edge SPIF
        match: {{sku: SUB-SECURE-EDGE}}
        goal: {{units: 5}}
        reward: {{item: Trip to Phuket}}
    """
USD = DealFacts(currency="USD")


def usd(amount: str) -> Money:
    return Money.of(amount, "USD")


def line(amount: str, sku: str = "SRV-R7", family: str = "SRV", qty: str = "1"):
    return QuoteLineInput(sku, family, Decimal(qty), Decimal(amount))


def estimator(method: str, txns) -> DealEstimator:
    plan = plan_from(TIERED.format(method=method))
    return DealEstimator(Calculator([plan], txns), "alex", date(2026, 5, 20))


def test_a_20000_deal_after_145000_pays_1100_and_says_why():
    est = estimator("marginal", [txn("alex", "145000", "2026-04-10")])
    result = est.estimate([line("20000")], USD, what_if=[10])
    assert result.commission == usd("1100.00")
    assert result.summary == (
        "This deal pays $1,100.00: $5,000.00 at 4% and $15,000.00 at 6% (crosses a tier boundary)"
    )
    assert result.attainment_after == usd("165000.00")
    (at_ten,) = result.what_if
    # 18,000: 5,000 at 4% and 13,000 at 6%
    assert at_ten.commission == usd("980.00")
    assert at_ten.text == "At 10% off ($18,000.00) it pays $980.00"


def test_retroactive_estimate_counts_the_lift_of_the_whole_period():
    est = estimator("retroactive", [txn("alex", "145000", "2026-04-10")])
    result = est.estimate([line("20000")], USD)
    assert result.commission == usd("4100.00")
    assert "Lifts the whole period from 4% to 6%" in result.summary


def test_a_deal_that_completes_a_spif_says_so():
    sold = [txn("alex", "1000", "2026-04-1" + str(i), sku="SUB-SECURE-EDGE", family="SUB")
            for i in range(4)]  # fmt: skip
    est = estimator("marginal", sold)
    result = est.estimate([line("1000", "SUB-SECURE-EDGE", "SUB")], USD)
    assert result.spif_changes == [
        "4 of 5 SUB-SECURE-EDGE sold: Trip to Phuket -> 5 of 5 SUB-SECURE-EDGE sold: "
        "Trip to Phuket won"
    ]


def test_estimate_from_the_store_with_the_demo_plan(commission_workspace):
    ws = commission_workspace
    add_store_txn(ws, "alex", "100000.00", "2026-10-05")
    with ws.store.session() as session:
        est = deal_estimator(session, "alex", date(2026, 11, 27))
    facts = DealFacts("USD", segment="public_sector", new_logo=True, close_on=date(2026, 12, 20))
    result = est.estimate(
        [line("20000", "NET-SPINE-64", "NET"), line("5000", "SVC-PS-DAY", "SVC", qty="5")],
        facts,
        what_if=["5"],
    )
    by = {c.component: c for c in result.components}
    assert by["base"].amount == usd("4400.00")  # 20% of 20,000 + 8% of 5,000
    assert by["base"].explanation == [
        "NET-SPINE-64: $20,000.00 at 20% = $4,000.00",
        "SVC-PS-DAY: $5,000.00 at 8% = $400.00",
    ]
    assert by["end-of-quarter"].amount == usd("1100.00")  # closes in the last 14 days: x1.25
    assert by["public-sector"].amount == usd("500.00")
    assert by["new-logo"].amount == usd("250.00")
    assert result.commission == usd("6250.00")
    assert result.period == "2026-Q4"
    assert result.what_if[0].commission == usd("5937.50")
    assert result.to_json()["commission"] == {"amount": "6250.00", "currency": "USD"}


def test_the_estimate_explains_itself_in_thai_with_the_same_figures(commission_workspace):
    ws = commission_workspace
    add_store_txn(ws, "alex", "100000.00", "2026-10-05")
    with ws.store.session() as session:
        est = deal_estimator(session, "alex", date(2026, 11, 27))
    facts = DealFacts("USD", segment="public_sector", new_logo=True, close_on=date(2026, 12, 20))
    lines = [line("20000", "NET-SPINE-64", "NET"), line("5000", "SVC-PS-DAY", "SVC", qty="5")]
    english = est.estimate(lines, facts)
    set_language("th")
    try:
        thai = est.estimate(lines, facts)
    finally:
        set_language("en")
    assert [(c.component, c.amount) for c in thai.components] == [
        (c.component, c.amount) for c in english.components
    ]
    by = {c.component: c.explanation for c in thai.components}
    assert by["base"] == [
        "NET-SPINE-64: $20,000.00 ที่ 20% = $4,000.00",
        "SVC-PS-DAY: $5,000.00 ที่ 8% = $400.00",
    ]
    assert by["end-of-quarter"][0].startswith("ปิดการขายวันที่ 2026-12-20 อยู่ในช่วง")
    assert by["end-of-quarter"][1].startswith("ตัวคูณ 1.25: (1.25 - 1) x ")
