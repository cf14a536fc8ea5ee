"""The columnar path gives exactly the per-credit result: same lines, traces and cents."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dealkit.engine.commissions import Calculator, CommissionError, MemoryLedger, Txn
from dealkit.engine.commissions.columnar import calculate_period, frame_from_txns, supported
from tests.helpers.commissions import DEMO_PLAN, plan_from, txn

EXTRA = """\
  - id: kenji
    name: Kenji Sato
    role: overlay
    quota: 300000
    overlay: {match: {family: [NET, STO]}, reps: [alex, nok]}
  - id: vic
    role: rep
    assignments:
      - {from: 2026-01-01, to: 2026-02-10, quota: 100000}
      - {from: 2026-03-01, quota: 150000}
components:
  - id: accessories
    type: rate
    label: Accessories per unit
    applies_to: rep
    match: {family: ACC}
    per_unit: 12.50
  - id: overlay-rate
    type: tiered
    applies_to: overlay
    method: retroactive
    cap: 9000
    tiers:
      - {upto_pct: 50, rate: 1%}
      - {rate: 2%}
  - id: storage-sprint
    type: spif
    applies_to: rep
    match: {family: STO}
    window: {from: 2026-02-01, to: 2026-02-20}
    goal: {amount: 40000}
    reward: {cash: 750}
  - id: overlay-rush
    type: window
    applies_to: overlay
    of: overlay-rate
    window: {last_days_of_quarter: 20}
    factor: 2
  - id: slow-start
    type: window
    applies_to: rep
    of: base
    window: {first_days_of_quarter: 10}
    factor: 0.9
"""
PLAN = plan_from(
    DEMO_PLAN.read_text(encoding="utf-8").replace("components:\n", EXTRA, 1),
    "columnar-test.yaml",
)
SKUS = [("SRV-R7", "SRV"), ("NET-SPINE-64", "NET"), ("SVC-PS-DAY", "SVC"),
        ("SUB-SECURE-EDGE", "SUB"), ("STO-OBJ-400", "STO"), ("ACC-RAIL", "ACC")]  # fmt: skip
REPS = ["alex", "nok", "priya", "tom", "vic", "zoe"]


@st.composite
def transactions(draw) -> list[Txn]:
    out = []
    for i in range(draw(st.integers(0, 60))):
        sku, family = draw(st.sampled_from(SKUS))
        closed = date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 100)))
        out.append(
            Txn(
                seq=i,
                ref=f"D-{i}",
                rep=draw(st.sampled_from(REPS)),
                sku=sku,
                family=family,
                closed_on=closed,
                quantity=Decimal(draw(st.integers(0, 40))) / draw(st.sampled_from([1, 2, 4])),
                amount=Decimal(draw(st.integers(-100_000, 9_000_000))) / 100,
                currency=draw(st.sampled_from(["USD", "USD", "THB", "EUR"])),
                split_pct=Decimal(draw(st.sampled_from([10000, 6000, 3333, 1000, 5050]))) / 100,
                segment=draw(st.sampled_from(["enterprise", "public_sector"])),
                industry=draw(st.sampled_from(["retail", "government"])),
                new_logo=draw(st.booleans()),
            )
        )
    return out


def test_the_test_plan_is_columnar():
    assert supported(PLAN)
    assert len(PLAN.components) >= 10


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transactions(), st.sampled_from(["2026-Q1", "2026-Q2"]))
def test_columnar_equals_per_credit(txns, period):
    calc = Calculator([PLAN], txns)
    expected = calc.period(period).to_json()
    got = calculate_period(Calculator([PLAN], txns), frame_from_txns(txns), period).to_json()
    assert got == expected


def test_clawbacks_and_finalized_periods_take_the_exact_path():
    txns = [
        txn("alex", "10000", "2026-01-15", cancelled="2026-02-01"),
        txn("nok", "20000", "2026-02-15", sku="NET-SPINE-64", family="NET"),
    ]
    ledger = MemoryLedger()
    calc = Calculator([PLAN], txns, ledger)
    frame = frame_from_txns(txns)
    assert calculate_period(calc, frame, "2026-Q1").to_json() == calc.period("2026-Q1").to_json()
    calc.finalize("2026-Q1")
    assert calculate_period(calc, frame, "2026-Q1").finalized
    q2 = calculate_period(Calculator([PLAN], txns, ledger), frame, "2026-Q2")
    assert q2.to_json() == Calculator([PLAN], txns, ledger).period("2026-Q2").to_json()


def test_clawbacks_need_the_transactions_in_the_calculator():
    txns = [txn("alex", "10000", "2026-01-15", cancelled="2026-02-01")]
    with pytest.raises(CommissionError, match="give the Calculator the same transactions"):
        calculate_period(Calculator([PLAN], []), frame_from_txns(txns), "2026-Q1")
