"""``dealkit proposal`` through the real entry point, on the demo workspace."""

from __future__ import annotations

import json
import os

from dealkit.cli.main import main
from tests.helpers.proposal import pdf_pages


def _run(capsys, *argv) -> tuple[int, dict | None, str]:
    code = main([*argv, "--json"])
    captured = capsys.readouterr()
    return code, json.loads(captured.out) if captured.out.strip() else None, captured.err


def test_writes_the_worked_example_in_english(
    demo_workspace, atlantic_quote_file, tmp_path, capsys
):
    out = tmp_path / "atlantic.pdf"
    code, data, _ = _run(
        capsys,
        "proposal",
        "--workspace",
        str(demo_workspace.root),
        "--quote",
        str(atlantic_quote_file),
        "--out",
        str(out),
    )
    assert code == 0
    pages = pdf_pages(out)
    assert data["pages"] == len(pages) == 3
    assert data["lang"] == "en" and data["totals"]["tcv"] == "302008.00"
    assert "Page 1 of 3" in pages[0]
    text = "\n".join(pages)
    assert "Atlantic Mutual Bank" in text and "$302,008.00" in text
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_lang_th_sets_the_labels_in_thai(demo_workspace, atlantic_quote_file, tmp_path, capsys):
    out = tmp_path / "atlantic-th.pdf"
    argv = ["proposal", "--workspace", str(demo_workspace.root), "--quote"]
    code, data, _ = _run(capsys, *argv, str(atlantic_quote_file), "--out", str(out), "--lang", "th")
    assert code == 0 and data["lang"] == "th"
    text = " ".join("\n".join(pdf_pages(out)).split())
    assert "สรุป" in text and "US$302,008.00" in text and "หน้า 1 จาก 3" in text


def test_a_thai_quote_defaults_to_thai(demo_workspace, bangkok_quote_file, tmp_path, capsys):
    out = tmp_path / "bangkok.pdf"
    argv = ["proposal", "--workspace", str(demo_workspace.root), "--quote"]
    code, data, _ = _run(capsys, *argv, str(bangkok_quote_file), "--out", str(out))
    assert code == 0 and data["lang"] == "th"
    assert "Bangkok Riverside Hospital" in pdf_pages(out)[0]


def test_a_saved_demo_quote_by_number(demo_workspace, tmp_path, capsys):
    out = tmp_path / "saved.pdf"
    argv = ["proposal", "--workspace", str(demo_workspace.root), "--number", "Q-2026-0161"]
    code, data, _ = _run(capsys, *argv, "--out", str(out))
    assert code == 0
    assert data["quote"]["customer"] == "Andaman Telecom"
    assert "Andaman Telecom" in pdf_pages(out)[0]


def test_an_unknown_number_says_how_numbers_look(demo_workspace, tmp_path, capsys):
    argv = ["proposal", "--workspace", str(demo_workspace.root), "--number", "Q-1999-0001"]
    code, data, err = _run(capsys, *argv, "--out", str(tmp_path / "x.pdf"))
    assert code == 2 and "Q-1999-0001" in data["error"] and "Q-2026-0042" in err
    assert not (tmp_path / "x.pdf").exists()


def test_unknown_product_names_the_line_and_keeps_the_old_file(
    demo_workspace, atlantic_quote_file, tmp_path, capsys
):
    quote = json.loads(atlantic_quote_file.read_text(encoding="utf-8"))
    quote["lines"][1]["sku"] = "SUB-NOPE"
    atlantic_quote_file.write_text(json.dumps(quote), encoding="utf-8")
    out = tmp_path / "proposal.pdf"
    out.write_bytes(b"the proposal sent yesterday")
    argv = ["proposal", "--workspace", str(demo_workspace.root), "--quote"]
    code, data, err = _run(capsys, *argv, str(atlantic_quote_file), "--out", str(out))
    assert code == 2
    assert data["problems"][0]["where"].startswith("line 2 [L2] (SUB-NOPE)")
    assert data["problems"][0]["field"] == "sku"
    assert "line 2 [L2] (SUB-NOPE), field sku: unknown product 'SUB-NOPE'" in err
    assert out.read_bytes() == b"the proposal sent yesterday"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".proposal")] == []


def test_missing_price_in_the_currency_names_the_line(
    demo_workspace, atlantic_quote_file, tmp_path, capsys
):
    quote = json.loads(atlantic_quote_file.read_text(encoding="utf-8"))
    quote["currency"] = "JPY"
    atlantic_quote_file.write_text(json.dumps(quote), encoding="utf-8")
    argv = ["proposal", "--workspace", str(demo_workspace.root), "--quote"]
    code, _, err = _run(capsys, *argv, str(atlantic_quote_file), "--out", str(tmp_path / "p.pdf"))
    assert code == 2
    assert "line 1 [L1] (SRV-R7), field sku" in err and "JPY" in err
    assert not (tmp_path / "p.pdf").exists()


def test_output_folder_that_does_not_exist(demo_workspace, atlantic_quote_file, tmp_path, capsys):
    out = tmp_path / "no-such-folder" / "p.pdf"
    argv = ["proposal", "--workspace", str(demo_workspace.root), "--quote"]
    code, data, _ = _run(capsys, *argv, str(atlantic_quote_file), "--out", str(out))
    assert code == 2
    assert f"--out {out}" in data["error"] and "does not exist: create it first" in data["error"]


def test_output_that_is_a_folder(demo_workspace, atlantic_quote_file, tmp_path, capsys):
    argv = ["proposal", "--workspace", str(demo_workspace.root), "--quote"]
    code, data, _ = _run(capsys, *argv, str(atlantic_quote_file), "--out", str(tmp_path))
    assert code == 2 and "is a folder: name a file" in data["error"]


def test_output_folder_not_writable(demo_workspace, atlantic_quote_file, tmp_path, capsys):
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):  # running as root: permissions do not bind
            return
        argv = ["proposal", "--workspace", str(demo_workspace.root), "--quote"]
        out = folder / "p.pdf"
        code, data, _ = _run(capsys, *argv, str(atlantic_quote_file), "--out", str(out))
        assert code == 2 and "is not writable: pick a folder you can write to" in data["error"]
    finally:
        folder.chmod(0o755)


def test_a_bad_branding_file_names_its_line(demo_workspace, atlantic_quote_file, tmp_path, capsys):
    branding = tmp_path / "branding.yaml"
    branding.write_text("company: Northwind\ncolours:\n  primry: '#000000'\n", encoding="utf-8")
    argv = ["proposal", "--workspace", str(demo_workspace.root), "--quote"]
    code, data, _ = _run(
        capsys,
        *argv,
        str(atlantic_quote_file),
        "--out",
        str(tmp_path / "p.pdf"),
        "--branding",
        str(branding),
    )
    assert code == 2
    assert f"{branding}, line 3: unknown colour 'primry'" in data["error"]
