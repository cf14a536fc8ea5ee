"""``dealkit commissions``: calc from files, bad-row reports, estimate and to-date."""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from dealkit.cli.main import main
from dealkit.engine.commissions.store_ledger import StoreLedger
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


QUOTE = """\
currency: USD
customer: {segment: public_sector, new_logo: true}
close_on: 2026-12-20
lines:
  - {sku: NET-SPINE-64, family: NET, quantity: 1, net_amount: 20000.00}
  - {sku: SVC-PS-DAY, family: SVC, quantity: 5, net_amount: "5000.00"}
what_if_discounts: [10]
"""


def test_estimate_against_the_workspace(commission_workspace, tmp_path, capsys):
    add_store_txn(commission_workspace, "alex", "100000.00", "2026-10-05")
    quote = tmp_path / "quote.yaml"
    quote.write_text(QUOTE, encoding="utf-8")
    code, data = run(
        capsys,
        "commissions",
        "estimate",
        "--workspace",
        str(commission_workspace.root),
        "--quote",
        str(quote),
        "--rep",
        "alex",
        "--as-of",
        "2026-11-27",
        "--json",
    )
    assert code == 0
    assert data["commission"] == {"amount": "6250.00", "currency": "USD"}
    assert data["summary"].startswith("This deal pays $6,250.00: Base commission $4,400.00")
    assert data["what_if"][0]["text"] == "At 10% off ($22,500.00) it pays $5,625.00"


def test_estimate_quote_errors_name_the_line(tmp_path, capsys):
    quote = tmp_path / "quote.yaml"
    quote.write_text(
        QUOTE.replace("net_amount: 20000.00", 'net_amount: "20,000"'), encoding="utf-8"
    )
    code = main(
        [
            "commissions",
            "estimate",
            "--quote",
            str(quote),
            "--rep",
            "alex",
            "--plan",
            str(DEMO_PLAN),
            "--as-of",
            "2026-11-27",
        ]
    )
    assert code == 2
    assert f"{quote}:5: lines[0].net_amount: '20,000' is not a number" in capsys.readouterr().err


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
