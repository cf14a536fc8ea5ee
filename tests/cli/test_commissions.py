"""``dealkit commissions``: calc from files, bad-row reports, estimate and to-date."""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from dealkit.cli.main import main
from dealkit.engine.commissions import DealFacts, QuoteLineInput, deal_estimator
from dealkit.engine.commissions.store_ledger import StoreLedger
from dealkit.engine.store.models import Customer, Product
from tests.helpers.commissions import DEMO_PLAN, add_store_txn

HEADER = "ref,rep,sku,family,closed_on,quantity,amount,currency,split_percent,segment,new_logo\n"
GOOD_ROWS = [
    "Q-1,alex,SRV-R7,SRV,2026-01-14,2,48000.00,USD,100,enterprise,false",
    "Q-2,alex,NET-SPINE-64,NET,2026-02-03,1,50000.00,USD,60,public_sector,true",
    "Q-2,nok,NET-SPINE-64,NET,2026-02-03,1,50000.00,USD,40,public_sector,true",
    "Q-3,nok,SUB-SECURE-EDGE,SUB,2026-03-20,5,1750000.00,THB,100,mid_market,false",
]
BAD_ROWS = [
    "Q-4,zoe,SRV-R7,SRV,2026-03-02,1,24000.00,USD,100,smb,false",
    "Q-5,alex,SRV-R7,SRV,2026-02-30,1,24000.00,USD,100,smb,false",
    "Q-6,alex,SRV-R7,SRV,2026-03-03,1,24000.005,USD,100,smb,false",
    "Q-7,tom,SRV-R7,SRV,2026-03-03,1,1000.00,EUR,100,smb,false",
    "Q-8,tom,SRV-R7,SRV,2026-03-03,1,1000.00,USD,70,smb,false",
    "Q-8,priya,SRV-R7,SRV,2026-03-03,1,1000.00,USD,40,smb,false",
]


def write_csv(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "deals.csv"
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def run(capsys, *argv: str) -> tuple[int, dict]:
    code = main(list(argv))
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip().startswith("{") else {"text": out}


def test_calc_a_quarter_from_files(tmp_path, capsys):
    csv = write_csv(tmp_path, GOOD_ROWS)
    code, data = run(
        capsys,
        "commissions",
        "calc",
        "--plan",
        str(DEMO_PLAN),
        "--transactions",
        str(csv),
        "--period",
        "2026-Q1",
        "--json",
    )
    assert code == 0
    people = {p["participant"]: p for p in data["participants"]}
    assert people["alex"]["attainment"] == {"amount": "78000.00", "currency": "USD"}
    # nok: 40% of 50,000 + 1,750,000 THB at 0.028 = 20,000 + 49,000
    assert people["nok"]["attainment"]["amount"] == "69000.00"
    assert people["dana"]["attainment"]["amount"] == "147000.00"
    assert people["nok"]["spifs"][0]["text"] == "5 of 5 SUB-SECURE-EDGE sold: Trip to Phuket won"
    for p in data["participants"]:
        lines = sum(Decimal(ln["amount"]["amount"]) for ln in p["lines"])
        assert lines == Decimal(p["payout"]["amount"])
    assert data["transactions"] == {"accepted": 4, "rejected": []}


def test_bad_rows_are_reported_and_nothing_is_processed(tmp_path, capsys):
    csv = write_csv(tmp_path, GOOD_ROWS + BAD_ROWS)
    code, data = run(
        capsys,
        "commissions",
        "calc",
        "--plan",
        str(DEMO_PLAN),
        "--transactions",
        str(csv),
        "--period",
        "2026-Q1",
        "--json",
    )
    assert code == 2
    assert "participants" not in data
    assert data["accepted"] == 4
    reasons = {r["line"]: r["reason"] for r in data["rejected"]}
    assert set(reasons) == {6, 7, 8, 9, 10, 11}
    assert reasons[6].startswith("rep 'zoe' is not a participant of plan 'field-sales'")
    assert reasons[7] == "closed_on '2026-02-30' is not a date (write YYYY-MM-DD)"
    assert reasons[8] == "amount 24000.005 has more decimals than USD allows (2)"
    assert reasons[9].startswith("currency EUR has no plan exchange rate")
    assert "the splits of Q-8 SRV-R7 add up to 110%" in reasons[10]


def test_skip_bad_processes_the_good_rows_and_still_reports(tmp_path, capsys):
    csv = write_csv(tmp_path, GOOD_ROWS + BAD_ROWS)
    code, data = run(
        capsys,
        "commissions",
        "calc",
        "--plan",
        str(DEMO_PLAN),
        "--transactions",
        str(csv),
        "--period",
        "2026-Q1",
        "--skip-bad",
        "--json",
    )
    assert code == 0
    assert data["transactions"]["accepted"] == 4
    assert len(data["transactions"]["rejected"]) == 6
    people = {p["participant"]: p for p in data["participants"]}
    assert people["alex"]["attainment"]["amount"] == "78000.00"


def test_text_output_for_one_participant_shows_traces(tmp_path, capsys):
    csv = write_csv(tmp_path, GOOD_ROWS)
    code, data = run(
        capsys,
        "commissions",
        "calc",
        "--plan",
        str(DEMO_PLAN),
        "--transactions",
        str(csv),
        "--period",
        "2026-Q1",
        "--participant",
        "alex",
    )
    assert code == 0
    text = data["text"]
    assert "Alex Morgan (rep): quota $450,000.00, attained $78,000.00 (17.3%)" in text
    assert "Spine 64 Switch (Product X): 20% of $30,000.00 (1 credit) = $6,000.00" in text


def test_a_broken_plan_names_file_and_line(tmp_path, capsys):
    plan = tmp_path / "plan.yaml"
    plan.write_text(DEMO_PLAN.read_text().replace("rate: 15%", "rate: 15"), encoding="utf-8")
    csv = write_csv(tmp_path, GOOD_ROWS)
    code = main(
        [
            "commissions",
            "calc",
            "--plan",
            str(plan),
            "--transactions",
            str(csv),
            "--period",
            "2026-Q1",
        ]
    )
    assert code == 2
    err = capsys.readouterr().err
    line = DEMO_PLAN.read_text().splitlines().index("    rate: 15%") + 1
    assert f"{plan}:{line}: components[0].rate: rate '15' has no percent sign" in err


def test_participants_file_replaces_the_plans(tmp_path, capsys):
    people = tmp_path / "people.yaml"
    people.write_text(
        "participants:\n  - id: alex\n    role: rep\n    quota: 100000\n", encoding="utf-8"
    )
    csv = write_csv(tmp_path, GOOD_ROWS[:2])
    code, data = run(
        capsys,
        "commissions",
        "calc",
        "--plan",
        str(DEMO_PLAN),
        "--transactions",
        str(csv),
        "--period",
        "2026-Q1",
        "--participants",
        str(people),
        "--json",
    )
    assert code == 0
    assert [p["participant"] for p in data["participants"]] == ["alex"]
    assert data["participants"][0]["attainment_pct"] == "78.0"


def test_finalize_into_a_ledger_then_rerun_gives_the_same(tmp_path, capsys):
    csv = write_csv(tmp_path, GOOD_ROWS)
    ledger = tmp_path / "ledger"
    args = [
        "commissions",
        "calc",
        "--plan",
        str(DEMO_PLAN),
        "--transactions",
        str(csv),
        "--period",
        "2026-Q1",
        "--ledger",
        str(ledger),
        "--json",
    ]
    code, first = run(capsys, *args, "--finalize")
    assert code == 0 and first["finalized"] is True
    assert (ledger / "field-sales" / "2026-Q1.json").exists()
    late = "Q-9,alex,SRV-R7,SRV,2026-03-30,1,9000.00,USD,100,smb,false"
    more = write_csv(tmp_path, [*GOOD_ROWS, late])
    code, again = run(capsys, *[a if a != str(csv) else str(more) for a in args])
    assert again == {**first, "transactions": again["transactions"]}
    code = main([*args, "--finalize"])
    assert code == 2 and "already finalized" in capsys.readouterr().err


def virginia_quote(tmp_path: Path, **changes) -> Path:
    """A quote document (docs/quote-json.md) for a demo customer of alex, written as JSON."""
    doc = {
        "format": "dealkit-quote/1",
        "customer": {"name": "Commonwealth of Virginia Department of Transportation"},
        "owner": "alex",
        "currency": "USD",
        "date": "2026-11-27",
        "discount": {"percent": "2"},
        "lines": [
            {"id": "L1", "sku": "SRV-R7", "quantity": 10, "discount": {"percent": "8"}},
            {"id": "L2", "sku": "SUB-SECURE-EDGE", "quantity": 1},
        ],
        **changes,
    }
    path = tmp_path / "quote.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def estimate_args(workspace, quote: Path, *more: str) -> list[str]:
    return [
        "commissions",
        "estimate",
        "--workspace",
        str(workspace.root),
        "--quote",
        str(quote),
        "--rep",
        "alex",
        "--as-of",
        "2026-11-27",
        *more,
        "--json",
    ]


def test_estimate_reads_the_quote_document_priced_as_dealkit_price_prices_it(
    demo_workspace, tmp_path, capsys
):
    quote = virginia_quote(tmp_path)
    code, priced = run(
        capsys, "price", "--workspace", str(demo_workspace.root), "--quote", str(quote), "--json"
    )
    assert code == 0
    code, data = run(capsys, *estimate_args(demo_workspace, quote))
    assert code == 0
    # The credited amount is the priced net: line discounts and the 2% quote discount taken.
    assert data["deal_amount"]["amount"] == priced["totals"]["net"] == "73815.17"
    # The figure is the estimator's on the lines `dealkit price` wrote (family from the store).
    with demo_workspace.store.session() as session:
        families = {
            p.sku: p.family.code
            for p in session.scalars(
                select(Product).where(Product.sku.in_(["SRV-R7", "SUB-SECURE-EDGE"]))
            )
        }
        estimator = deal_estimator(session, "alex", date(2026, 11, 27))
        customer = session.scalars(
            select(Customer).where(Customer.name.startswith("Commonwealth of Virginia"))
        ).one()
        facts = DealFacts("USD", customer.segment, customer.industry, customer.region,
                          customer.is_new_logo)  # fmt: skip
    lines = [
        QuoteLineInput(ln["sku"], families[ln["sku"]], Decimal(ln["quantity"]), Decimal(ln["net"]))
        for ln in priced["lines"]
    ]
    expected = estimator.estimate(lines, facts)
    assert data["commission"] == expected.commission.to_json()
    assert data["commission"] == {"amount": "12548.58", "currency": "USD"}
    assert data["summary"] == expected.summary
    assert data["spif_changes"] == [
        "3 of 5 SUB-SECURE-EDGE sold: Trip to Phuket -> 4 of 5 SUB-SECURE-EDGE sold: Trip to Phuket"
    ]


def test_a_multiplier_is_explained_in_the_words_of_the_calculation_trace(
    demo_workspace, tmp_path, capsys
):
    quote = virginia_quote(tmp_path)
    code, data = run(
        capsys, *estimate_args(demo_workspace, quote, "--close-on", "2026-12-20", "--what-if", "10")
    )
    assert code == 0
    window = next(c for c in data["components"] if c["component"] == "end-of-quarter")
    base = next(c for c in data["components"] if c["component"] == "base")
    assert window["amount"]["amount"] == "2768.07"
    assert window["explanation"][-1] == ("Multiplier 1.25: (1.25 - 1) x $11,072.28 = $2,768.07")
    assert base["amount"]["amount"] == "11072.28"  # what the multiplier multiplies
    assert data["what_if"][0]["text"] == "At 10% off ($66,433.66) it pays $13,784.98"


def test_estimate_of_a_quote_that_cannot_be_priced_lists_its_problems(
    demo_workspace, tmp_path, capsys
):
    quote = virginia_quote(tmp_path, lines=[{"id": "L1", "sku": "SRV-NOPE", "quantity": 1}])
    code, data = run(capsys, *estimate_args(demo_workspace, quote))
    assert code == 2
    assert data["problems"][0]["where"].startswith("line 1")
    assert "unknown product 'SRV-NOPE'" in data["problems"][0]["message"]


def test_a_what_if_discount_out_of_range_is_refused(demo_workspace, tmp_path, capsys):
    quote = virginia_quote(tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        main(estimate_args(demo_workspace, quote, "--what-if", "120"))
    assert exit_info.value.code == 2
    assert "--what-if: 120: give a discount from 0 to under 100" in capsys.readouterr().err


def test_estimate_under_plan_files_prices_from_the_workspace(demo_workspace, tmp_path, capsys):
    quote = virginia_quote(tmp_path)
    code, data = run(capsys, *estimate_args(demo_workspace, quote, "--plan", str(DEMO_PLAN)))
    assert code == 0
    assert data["attainment_before"]["amount"] == "0.00"  # no --transactions: no history
    assert data["deal_amount"]["amount"] == "73815.17"


def test_to_date_uses_the_workspace(commission_workspace, capsys):
    add_store_txn(commission_workspace, "alex", "100000.00", "2026-10-05")
    code, data = run(
        capsys,
        "commissions",
        "to-date",
        "--workspace",
        str(commission_workspace.root),
        "--rep",
        "alex",
        "--as-of",
        "2026-11-27",
        "--json",
    )
    assert code == 0
    assert data["period"] == "2026-Q4"
    assert data["earnings"] == {"amount": "15000.00", "currency": "USD"}
    assert date.fromisoformat(data["as_of"]) == date(2026, 11, 27)


@pytest.mark.parametrize("period", ["2026Q1", "Q1-2026", "2026-13"])
def test_a_bad_period_is_explained(tmp_path, capsys, period):
    csv = write_csv(tmp_path, GOOD_ROWS)
    code = main(
        [
            "commissions",
            "calc",
            "--plan",
            str(DEMO_PLAN),
            "--transactions",
            str(csv),
            "--period",
            period,
        ]
    )
    assert code == 2
    assert "write a quarter such as 2026-Q1" in capsys.readouterr().err


def test_finalize_a_workspace_period_then_a_late_deal_is_adjusted(commission_workspace, capsys):
    ws = commission_workspace
    add_store_txn(ws, "alex", "100000.00", "2026-08-05")
    code, data = run(
        capsys,
        "commissions",
        "finalize",
        "--workspace",
        str(ws.root),
        "--period",
        "2026-Q3",
        "--json",
    )
    assert code == 0 and data["finalized"] is True
    assert StoreLedger(ws.store.engine).periods("field-sales") == ["2026-Q3"]
    add_store_txn(ws, "alex", "10000.00", "2026-09-29")  # arrives after Q3 was paid
    code, ptd = run(
        capsys,
        "commissions",
        "to-date",
        "--workspace",
        str(ws.root),
        "--rep",
        "alex",
        "--as-of",
        "2026-11-27",
        "--json",
    )
    adjustments = [ln for ln in ptd["lines"] if ln["kind"] == "adjustment"]
    assert [a["amount"]["amount"] for a in adjustments] == ["1875.00"]  # 15% x 1.25 (window)
    assert adjustments[0]["for_period"] == "2026-Q3"
    assert (
        main(["commissions", "finalize", "--workspace", str(ws.root), "--period", "2026-Q3"]) == 2
    )
    assert "already finalized" in capsys.readouterr().err
