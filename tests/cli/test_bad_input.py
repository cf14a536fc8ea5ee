"""Bad input on the command line gets a message with the fix and exit status 2, never a
traceback: figures too large to be real, files that are not UTF-8, paths that cannot be used."""

import json
from pathlib import Path

import pytest

from dealkit.cli.main import main

DOC_EXAMPLE = {
    "format": "dealkit-quote/1",
    "customer": {"name": "Nobody Ltd", "segment": "smb", "region": "north_america"},
    "currency": "USD",
    "date": "2026-11-27",
    "lines": [{"id": "L1", "sku": "SRV-R7", "quantity": "2"}],
}


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("quantity", ["1e999999", "1e30", "0.0000001"])
def test_a_quantity_no_one_could_mean_is_refused_with_the_line_and_field(
    demo_workspace, tmp_path, capsys, quantity
):
    quote = tmp_path / "q.json"
    quote.write_text(
        json.dumps({**DOC_EXAMPLE, "lines": [{**DOC_EXAMPLE["lines"][0], "quantity": quantity}]})
    )
    code, text = run(
        capsys, "price", "--workspace", str(demo_workspace.root), "--quote", str(quote)
    )
    assert code == 2
    assert "quantity" in text and "Traceback" not in text
    assert "too large" in text or "decimal places" in text


def test_a_quote_file_that_is_not_utf8_is_named(demo_workspace, tmp_path, capsys):
    quote = tmp_path / "q.json"
    quote.write_bytes(b"\xff\xfe\x00")
    code, text = run(
        capsys, "price", "--workspace", str(demo_workspace.root), "--quote", str(quote)
    )
    assert code == 2 and "not UTF-8" in text


def test_a_transactions_csv_with_a_huge_amount_reports_the_row(tmp_path, capsys):
    plan = Path(__file__).parents[2] / "dealkit/resources/demo/plans/field-sales-2026.yaml"
    csv = tmp_path / "t.csv"
    csv.write_text(
        "ref,rep,sku,family,closed_on,quantity,amount,currency\n"
        "D1,alex,SRV-R7,SRV,2026-02-01,1,1e999999,USD\n"
    )
    code, text = run(
        capsys,
        "commissions",
        "calc",
        "--plan",
        str(plan),
        "--transactions",
        str(csv),
        "--period",
        "2026-Q1",
    )
    assert code == 2 and "too large" in text and "Traceback" not in text


def test_a_binary_transactions_csv_is_named(tmp_path, capsys):
    plan = Path(__file__).parents[2] / "dealkit/resources/demo/plans/field-sales-2026.yaml"
    csv = tmp_path / "t.csv"
    csv.write_bytes(b"\xff\xfe\x00\x81")
    code, text = run(
        capsys,
        "commissions",
        "calc",
        "--plan",
        str(plan),
        "--transactions",
        str(csv),
        "--period",
        "2026-Q1",
    )
    assert code == 2 and "not UTF-8" in text


def test_a_workspace_path_that_is_a_file_is_refused(tmp_path, capsys):
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("hello")
    code, text = run(capsys, "demo", "load", "--workspace", str(not_a_folder))
    assert code == 2 and "is a file, not a folder" in text
    assert not_a_folder.read_text() == "hello"


def test_a_library_limit_past_the_cap_is_refused_by_the_parser(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["library", "search", "spine", "--limit", "99999999999999999999"])
    assert exit_info.value.code == 2
    assert "from 1 to 10,000" in capsys.readouterr().err


def test_an_approval_record_written_to_a_missing_folder_says_so(demo_workspace, tmp_path, capsys):
    code, text = run(
        capsys,
        "approvals",
        "record",
        "--workspace",
        str(demo_workspace.root),
        "--number",
        "Q-2026-0170",
        "--by",
        "manager",
        "--out",
        str(tmp_path / "nope" / "a.json"),
    )
    assert code == 2 and "does not exist: create it first" in text
