"""``dealkit approvals check`` and ``record`` through the real entry point, on the demo."""

from __future__ import annotations

import json

from dealkit.cli.main import main
from tests.helpers.pricing import atlantic_quote


def write(path, data):
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_check_record_and_recheck(demo_workspace, tmp_path, capsys):
    ws = str(demo_workspace.root)
    quote = atlantic_quote()
    quote["payment_terms"] = "net-60"
    quote["terms"] = {"language": "en", "remove": ["std-liability"]}
    v1 = write(tmp_path / "v1.json", quote)

    assert main(["approvals", "check", "--workspace", ws, "--quote", str(v1), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["needs_approval"] is True
    assert {r["rule"] for r in data["requirements"]} == {
        "big-deal",
        "payment-terms",
        "non-standard-terms",
    }
    assert data["route"] == [["vp_sales", "finance", "manager"], ["legal"]]
    assert data["non_standard_terms"][0]["clause"] == "std-liability"

    record = tmp_path / "approved.json"
    assert (
        main(
            [
                "approvals",
                "record",
                "--workspace",
                ws,
                "--quote",
                str(v1),
                "--out",
                str(record),
                "--by",
                "vp_sales,finance,manager,legal",
                "--on",
                "2026-11-28",
            ]
        )
        == 0
    )
    capsys.readouterr()
    saved = json.loads(record.read_text())
    assert saved["approved_by"] == ["vp_sales", "finance", "manager", "legal"]

    # v2: payment terms back to 45 days (better), one more services day: the deal grows by
    # 1,800 less 10% = 1,620.00
    quote["version"] = 2
    quote["payment_terms"] = "net-45"
    quote["lines"][2]["quantity"] = 6
    v2 = write(tmp_path / "v2.json", quote)
    code = main(
        ["approvals", "check", "--workspace", ws, "--quote", str(v2), "--approved", str(record)]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "Needs approval again: quote: total contract value $" in out
    assert "(approved at 302008.00, now 303628.00)" in out
    assert "Still approved: clause std-liability" in out
    assert "payment terms" not in out
    assert out.strip().endswith("Route: vp_sales")


def test_a_clean_quote_needs_nothing(demo_workspace, tmp_path, capsys):
    quote = atlantic_quote()
    quote.pop("discount")
    quote["lines"] = quote["lines"][2:3]
    quote["lines"][0].pop("group")
    quote["groups"] = []
    path = write(tmp_path / "q.json", quote)
    code = main(
        ["approvals", "check", "--workspace", str(demo_workspace.root), "--quote", str(path)]
    )
    assert code == 0
    assert capsys.readouterr().out.strip() == "No approval needed."


def test_unknown_clause_and_bad_policy(demo_workspace, tmp_path, capsys):
    quote = atlantic_quote()
    quote["terms"] = {"remove": ["std-nothing"]}
    path = write(tmp_path / "q.json", quote)
    ws = str(demo_workspace.root)
    assert main(["approvals", "check", "--workspace", ws, "--quote", str(path), "--json"]) == 2
    problem = json.loads(capsys.readouterr().out)["problems"][0]
    assert (problem["where"], problem["field"]) == ("quote", "terms.remove")
    policy = tmp_path / "policy.yaml"
    policy.write_text("rules:\n  - id: x\n    when: {metric: moon, above: 1}\n    approvers: [a]\n")
    quote["terms"] = {}
    write(path, quote)
    code = main(
        ["approvals", "check", "--workspace", ws, "--quote", str(path), "--policy", str(policy)]
    )
    assert code == 2
    assert "policy.yaml line 3: metric 'moon' is not one of" in capsys.readouterr().err


def _saved_in_review(workspace):
    from sqlalchemy import select

    from dealkit.engine.store.models import Quote, QuoteStatus

    with workspace.store.session() as session:
        return session.execute(
            select(Quote.number, Quote.version).where(Quote.status == QuoteStatus.IN_REVIEW)
        ).first()


def test_check_a_saved_quote_by_number(demo_workspace, capsys):
    ws = str(demo_workspace.root)
    number, version = _saved_in_review(demo_workspace)
    args = ["approvals", "check", "--workspace", ws, "--number", number]
    assert main([*args, "--version", str(version), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["quote"] == {"number": number, "version": version}
    assert data["needs_approval"] is True and data["route"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.startswith("Needs approval: ")
    assert "Route: " in out


def test_an_unknown_saved_quote_is_named_with_the_fix(demo_workspace, capsys):
    ws = str(demo_workspace.root)
    assert main(["approvals", "check", "--workspace", ws, "--number", "Q-1999-0001"]) != 0
    err = capsys.readouterr().err
    assert "no saved quote Q-1999-0001" in err and "Quote page" in err
