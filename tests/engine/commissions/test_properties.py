"""Properties that must hold for any data: payouts add up, finalized periods stay put."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dealkit.engine.commissions import Calculator, MemoryLedger, Txn
from dealkit.engine.money import Money
from tests.helpers.commissions import DEMO_PLAN, plan_from

PLAN = plan_from(
    DEMO_PLAN.read_text(encoding="utf-8")
    .replace("period: quarter", "period: month")
    .replace("amount: 15000.00", "amount: 4000.00"),
    "demo-monthly.yaml",
)
SKUS = [
    ("SRV-R7", "SRV"),
    ("NET-SPINE-64", "NET"),
    ("SVC-PS-DAY", "SVC"),
    ("SUB-SECURE-EDGE", "SUB"),
    ("ACC-RAIL", "ACC"),
]
START = date(2026, 1, 1)


@st.composite
def transactions(draw, seq_start: int = 0, max_size: int = 40) -> list[Txn]:
    n = draw(st.integers(0, max_size))
    out = []
    for i in range(n):
        sku, family = draw(st.sampled_from(SKUS))
        closed = START + timedelta(days=draw(st.integers(0, 180)))
        cancelled = None
        if draw(st.booleans()) and draw(st.booleans()):
            cancelled = closed + timedelta(days=draw(st.integers(0, 120)))
        out.append(
            Txn(
                seq=seq_start + i,
                ref=f"D-{seq_start + i}",
                rep=draw(st.sampled_from(["alex", "nok", "priya", "tom"])),
                sku=sku,
                family=family,
                closed_on=closed,
                quantity=Decimal(draw(st.integers(1, 6))),
                amount=Decimal(draw(st.integers(-50_000, 30_000_000))) / 100,
                currency=draw(st.sampled_from(["USD", "USD", "THB"])),
                split_pct=Decimal(draw(st.sampled_from([100, 100, 60, 50, 40, 10]))),
                segment=draw(st.sampled_from(["enterprise", "public_sector", "smb"])),
                new_logo=draw(st.booleans()),
                cancelled_on=cancelled,
            )
        )
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transactions(), st.sampled_from(["2026-01", "2026-03", "2026-05", "2026-06"]))
def test_every_payout_is_the_sum_of_its_lines(txns, period):
    result = Calculator([PLAN], txns).period(period)
    for person in result.participants.values():
        total = sum((line.amount for line in person.lines), Money.zero("USD"))
        assert person.payout == total
        for line in person.lines:
            assert line.amount == line.amount.rounded()  # every line is in whole cents
            assert line.trace and all(line.trace)
        draws = sum((ln.amount for ln in person.lines if ln.kind == "draw"), Money.zero("USD"))
        assert person.earnings + draws == person.payout


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transactions(), transactions(seq_start=1000, max_size=15))
def test_a_finalized_period_is_never_altered_by_later_data(before, later):
    ledger = MemoryLedger()
    first = Calculator([PLAN], before, ledger)
    kept = {p: first.finalize(p).to_json() for p in ("2026-01", "2026-02")}
    second = Calculator([PLAN], before + later, ledger)
    for label, data in kept.items():
        assert second.period(label).to_json() == data
        for pid, person in second.period(label).participants.items():
            assert second.participant(pid, label).to_json() == person.to_json()
    # what changed in the finalized months is settled once, in the open month
    march = second.period("2026-03")
    fresh = Calculator([PLAN], before + later)
    for pid, person in march.participants.items():
        adjusted = sum(
            (ln.amount.amount for ln in person.lines if ln.kind == "adjustment"), Decimal(0)
        )
        expected = Decimal(0)
        for label in kept:
            then = first.ledger.get(PLAN.code, label)
            assert then is not None
            if pid in then.participants:
                own = ("earning", "spif", "clawback")
                was = sum(
                    (ln.amount.amount for ln in then.participants[pid].lines if ln.kind in own),
                    Decimal(0),
                )
                expected_now = sum(
                    (
                        ln.amount.amount
                        for ln in fresh.participant(pid, label).lines
                        if ln.kind in own
                    ),
                    Decimal(0),
                )
                expected += expected_now - was
        assert adjusted == expected
