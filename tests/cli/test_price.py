"""``dealkit price`` through the real entry point, on the demo workspace."""

from __future__ import annotations

import json
from decimal import Decimal as D

from dealkit.cli.main import main
from tests.helpers.pricing import PRICE_RULES_YAML


def run_json(capsys, *argv) -> tuple[int, dict]:
    code = main([*argv, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_prices_the_demo_quote_with_every_waterfall(demo_workspace, atlantic_quote_file, capsys):
    code, data = run_json(
        capsys,
        "price",
        "--workspace",
        str(demo_workspace.root),
        "--quote",
        str(atlantic_quote_file),
    )
    assert code == 0
    lines = {line["id"]: line for line in data["lines"]}
    # L3: 5 days x 1,800.00 = 9,000.00; 10% -> 8,100.00; 200.00 off -> 7,900.00 before the
    # quote discount; the quote's 1,000.00 is spread over the counted lines (L1, L2, L3, L5).
    steps = {s["step"]: s for s in lines["L3"]["waterfall"]}
    assert steps["list"]["amount"] == "9000.00"
    assert steps["additional"]["amount"] == "7900.00"
    assert [s["step"] for s in lines["L1"]["waterfall"]][-1] == "net"
    # L1: (8,400 + 2 x 2,150 + 8 x 620) x 4 = 70,640.00 at list
    assert lines["L1"]["list"] == "70640.00"
    # L2: 10 x 1,200.00 a year x 3 years = 36,000.00, less its share of the quote discount
    # (1,000 x 36,000 / 303,008 = 118.81 of it; 303,008 is the counted lines after their own
    # discounts: 67,108 + 36,000 + 7,900 + 192,000)
    sub = lines["L2"]["subscription"]
    assert (lines["L2"]["net"], sub["mrr"], sub["arr"]) == ("35881.19", "996.70", "11960.40")
    assert sub["billing"] == {
        "frequency": "annual",
        "invoices": 3,
        "amount_per_invoice": "11960.40",
    }
    assert lines["L4"]["counted"] is False
    totals = data["totals"]
    counted = [line for line in data["lines"] if line["counted"]]
    assert D(totals["net"]) == sum(D(line["net"]) for line in counted)
    assert D(totals["discount"]) == D(totals["list"]) - D(totals["net"])
    # the quote discount is exactly 1,000.00 over the counted lines, plus the line discounts
    line_discounts = D("3532.00") + D("1100.00")
    assert D(totals["discount"]) == line_discounts + D("1000.00")
    assert D(totals["tcv"]) == D(totals["one_time"]) + D(totals["recurring"])
    options = {a["group"]: a for a in data["alternatives"]}
    assert options["Option B"]["selected"] is True
    assert options["Option B"]["quote_totals_with_this_option"]["net"] == totals["net"]


def test_text_output_reads_as_a_waterfall(demo_workspace, atlantic_quote_file, capsys):
    code = main(
        ["price", "--workspace", str(demo_workspace.root), "--quote", str(atlantic_quote_file)]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "Q-2026-0042 v1 for Atlantic Mutual Bank" in out
    assert "the rep's discount: 10% off ($900.00), then $200.00 off the line" in out
    assert "network: Option B (selected)" in out


def test_bad_lines_are_listed_with_line_and_field(demo_workspace, tmp_path, capsys):
    from tests.helpers.pricing import atlantic_quote

    quote = atlantic_quote()
    quote["lines"][0]["quantity"] = -1
    quote["lines"][1]["sku"] = "SUB-NOPE"
    quote["lines"][2]["discount"] = {"percent": "120"}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(quote), encoding="utf-8")
    code, data = run_json(
        capsys, "price", "--workspace", str(demo_workspace.root), "--quote", str(path)
    )
    assert code == 2
    found = [(p["where"], p["field"]) for p in data["problems"]]
    assert ("line 1 [L1] (SRV-R7)", "quantity") in found
    assert ("line 3 [L3] (SVC-PS-DAY)", "discount.percent") in found
    # the unknown SKU is found when pricing, after the document itself reads cleanly
    quote["lines"][0]["quantity"] = 1
    quote["lines"][2]["discount"] = {"percent": "12"}
    path.write_text(json.dumps(quote), encoding="utf-8")
    code, data = run_json(
        capsys, "price", "--workspace", str(demo_workspace.root), "--quote", str(path)
    )
    assert code == 2
    assert data["problems"][0]["where"] == "line 2 [L2] (SUB-NOPE)"
    assert "unknown product 'SUB-NOPE'" in data["problems"][0]["message"]


def test_broken_json_names_the_line_and_column(demo_workspace, tmp_path, capsys):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "currency": "USD",\n  "lines": [\n}\n', encoding="utf-8")
    code, data = run_json(
        capsys, "price", "--workspace", str(demo_workspace.root), "--quote", str(path)
    )
    assert code == 2
    assert data["problems"][0]["where"] == f"{path} line 4 column 1"


def test_rules_file_applies_and_bad_rules_name_their_line(
    demo_workspace, atlantic_quote_file, tmp_path, capsys
):
    rules = tmp_path / "rules.yaml"
    rules.write_text(PRICE_RULES_YAML, encoding="utf-8")
    code, data = run_json(
        capsys,
        "price",
        "--workspace",
        str(demo_workspace.root),
        "--quote",
        str(atlantic_quote_file),
        "--rules",
        str(rules),
    )
    assert code == 0
    # the NET schedule counts the family: Option B alone has 4 spines (tier 1, 0%)
    steps = {s["step"]: s for s in data["lines"][4]["waterfall"]}
    assert (
        "Network volume discount (slab by quantity): 4 units at 0%"
        in steps["schedule"]["explanation"]
    )
    rules.write_text("schedules:\n  - code: x\n    method: sideways\n", encoding="utf-8")
    code, data = run_json(
        capsys,
        "price",
        "--workspace",
        str(demo_workspace.root),
        "--quote",
        str(atlantic_quote_file),
        "--rules",
        str(rules),
    )
    assert code == 2
    assert f"{rules} line 3: method 'sideways' is not one of: range, slab" in data["error"]


def test_a_baht_quote_for_a_thai_customer(demo_workspace, tmp_path, capsys):
    # Siam Auto Parts (THB, apac): 3 services days at 63,000.00 less 7.5% = 174,825.00, and
    # 5 CloudOps seats at 42,000.00 a year, co-termed to 2027-06-30: 7 months and 4 days of
    # a 30-day month, 5 x 42,000 x (7 + 4/30) / 12 = 124,833.33
    quote = {
        "customer": {"name": "Siam Auto Parts Co., Ltd."},
        "currency": "THB",
        "date": "2026-11-27",
        "lines": [
            {"sku": "SVC-PS-DAY", "quantity": 3, "discount": {"percent": "7.5"}},
            {
                "sku": "SUB-CLOUDOPS",
                "quantity": 5,
                "subscription": {"co_term_end": "2027-06-30", "billing": "quarterly"},
            },
        ],
    }
    path = tmp_path / "siam.json"
    path.write_text(json.dumps(quote, ensure_ascii=False), encoding="utf-8")
    code, data = run_json(
        capsys, "price", "--workspace", str(demo_workspace.root), "--quote", str(path)
    )
    assert code == 0
    days, cloud = data["lines"]
    assert days["net"] == "174825.00"
    assert cloud["net"] == "124833.33"
    assert cloud["subscription"]["months"] == "7.1333"
    assert cloud["subscription"]["mrr"] == "17500.00"  # 5 x 42,000 / 12
    assert cloud["subscription"]["billing"]["invoices"] == 3  # two full quarters and a part
    assert data["totals"]["net"] == "299658.33"
    assert "lists at THB63,000.00" in days["waterfall"][0]["explanation"]
