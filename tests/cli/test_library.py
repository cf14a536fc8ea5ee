"""``dealkit library search|facets|reindex`` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dealkit.cli.main import main
from dealkit.engine.workspace import Workspace
from tests.helpers.library import LIBRARY_AS_OF, LibraryItems, add_library_items


@pytest.fixture
def workspace_dir(tmp_path: Path) -> tuple[str, LibraryItems]:
    root = tmp_path / "workspace"
    workspace = Workspace.open(root)
    items = add_library_items(workspace)
    workspace.close()
    return str(root), items


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:
    code = main([*argv, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_search_builds_the_index_and_returns_scored_snippets(capsys, workspace_dir) -> None:
    root, items = workspace_dir
    code, out = run_json(
        capsys, "library", "search", "pricing", "--workspace", root, "--as-of", str(LIBRARY_AS_OF)
    )
    assert code == 0
    assert out["query"] == "pricing" and out["count"] >= 1
    first = out["hits"][0]
    assert first["item_id"] == items["spine_battlecard"]
    assert first["score"] > 0 and "<b>" in first["snippet_html"]
    assert first["kind"] == "battlecard" and first["hidden"] is False


def test_search_with_facets_language_and_limit(capsys, workspace_dir) -> None:
    root, items = workspace_dir
    args = ["library", "search", "spine", "--workspace", root, "--as-of", str(LIBRARY_AS_OF)]
    _, out = run_json(capsys, *args, "--facet", "kind=battlecard", "--lang", "th")
    assert [hit["item_id"] for hit in out["hits"]] == [items["thai_battlecard"]]
    _, out = run_json(capsys, *args, "--facet", "type=battlecard", "--limit", "1")
    assert out["count"] == 1


def test_thai_query_on_the_command_line(capsys, workspace_dir) -> None:
    root, items = workspace_dir
    _, out = run_json(
        capsys,
        "library",
        "search",
        "เซิร์ฟเวอร์",
        "--lang",
        "th",
        "--workspace",
        root,
        "--as-of",
        str(LIBRARY_AS_OF),
    )
    assert items["thai_training"] in [hit["item_id"] for hit in out["hits"]]
    assert "<b>เซิร์ฟเวอร์</b>" in out["hits"][0]["title_html"] + out["hits"][0]["snippet_html"]


def test_hidden_items_with_all(capsys, workspace_dir) -> None:
    root, _ = workspace_dir
    args = ["library", "search", "phuket", "--workspace", root, "--as-of", str(LIBRARY_AS_OF)]
    _, out = run_json(capsys, *args)
    assert out["count"] == 0
    _, out = run_json(capsys, *args, "--all")
    assert {hit["hidden_reason"] for hit in out["hits"]} == {"expired", "draft"}


def test_hostile_query_is_not_an_error(capsys, workspace_dir) -> None:
    root, _ = workspace_dir
    code, out = run_json(capsys, "library", "search", '"unbalanced AND OR', "--workspace", root)
    assert code == 0 and isinstance(out["hits"], list)


def test_bad_facet_is_explained(capsys, workspace_dir) -> None:
    root, _ = workspace_dir
    with pytest.raises(SystemExit) as exit_info:
        main(["library", "search", "spine", "--facet", "colour=red", "--workspace", root])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "unknown facet 'colour'" in err and "kind, product, competitor" in err
    with pytest.raises(SystemExit):
        main(["library", "search", "spine", "--facet", "kind", "--workspace", root])
    assert "--facet kind=battlecard" in capsys.readouterr().err


def test_facets_counts(capsys, workspace_dir) -> None:
    root, _ = workspace_dir
    code, out = run_json(
        capsys, "library", "facets", "--workspace", root, "--as-of", str(LIBRARY_AS_OF)
    )
    assert code == 0
    assert out["language"] == {"en": 5, "th": 2}


def test_reindex_reports_what_it_built(capsys, workspace_dir) -> None:
    root, _ = workspace_dir
    code, out = run_json(capsys, "library", "reindex", "--workspace", root)
    assert code == 0
    assert out["action"] == "rebuilt" and out["items"] == 11
    assert out["bytes_on_disk"] > 0 and Path(out["path"]).is_dir()


def test_text_output_marks_matches(workspace_dir) -> None:
    root, _ = workspace_dir
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "dealkit",
            "library",
            "search",
            "telemetry",
            "--workspace",
            root,
            "--as-of",
            str(LIBRARY_AS_OF),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "1. Spine 64 vs Contoso Fabric: battlecard  (battlecard, en, score" in done.stdout
    assert "[telemetry]" in done.stdout


def test_import_creates_items_and_updates_the_index(capsys, tmp_path, content_files) -> None:
    root = str(tmp_path / "import-ws")
    pdf = content_files.english_pdf()
    locked = content_files.encrypted_pdf()
    code, out = run_json(
        capsys, "library", "import", str(pdf), str(locked), "--type", "datasheet",
        "--product", "NET-SPINE-64", "--publish", "--workspace", root,
    )  # fmt: skip
    assert code == 0 and out["items"] == 2
    first, second = out["imported"]
    assert first["kind"] == "collateral" and first["status"] == "published"
    assert first["pages"] > 3 and first["problem"] is None
    assert second["problem"].endswith("locked.pdf is encrypted (password protected)")
    code, found = run_json(capsys, "library", "search", "zanzibarite", "--workspace", root)
    assert found["hits"][0]["item_id"] == first["item_id"]
    assert found["hits"][0]["page"] == first["pages"]


def test_import_refuses_a_missing_path(capsys, tmp_path) -> None:
    code = main(["library", "import", str(tmp_path / "nope.pdf"), "--workspace", str(tmp_path)])
    assert code == 2
    assert "nope.pdf: no such file or folder" in capsys.readouterr().err


def test_suggest_for_a_demo_quote_puts_the_competitor_battlecard_first(
    capsys, demo_workspace
) -> None:
    code, out = run_json(
        capsys, "library", "suggest", "--quote", "Q-2026-0161", "--as-of", "2026-11-27",
        "--workspace", str(demo_workspace.root),
    )  # fmt: skip
    assert code == 0 and out["deal"]["competitors"] == ["Fabrikam Networks"]
    first = out["suggestions"][0]
    assert first["kind"] == "battlecard"
    assert first["why"] == "battlecard for Fabrikam Networks, named on this quote"


def test_suggest_refuses_an_unknown_quote(capsys, demo_workspace) -> None:
    code = main(
        ["library", "suggest", "--quote", "Q-1999-0001", "--workspace", str(demo_workspace.root)]
    )
    assert code == 2
    assert "no saved quote 'Q-1999-0001'" in capsys.readouterr().err
