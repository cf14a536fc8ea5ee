"""``dealkit demo load`` and ``dealkit demo reset`` through the real entry point."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from dealkit.cli.main import main
from dealkit.engine.demo.sources import DEMO_DIR


def test_load_then_refuse_then_reset(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    workspace = tmp_path / "ws"
    assert (
        main(["demo", "load", "--workspace", str(workspace), "--anchor", "2026-11-27", "--json"])
        == 0
    )
    loaded = json.loads(capsys.readouterr().out)
    assert loaded["anchor"] == "2026-11-27" and loaded["customers"] == 30
    assert loaded["products"] >= 40 and loaded["library_items"] >= 60
    assert loaded["library_thai"] >= 12 and loaded["backup"] is None

    assert main(["demo", "load", "--workspace", str(workspace)]) == 2
    captured = capsys.readouterr()
    assert "already holds data" in captured.err and "dealkit demo reset" in captured.err

    assert main(["demo", "reset", "--workspace", str(workspace), "--anchor", "2026-11-27"]) == 0
    text = capsys.readouterr().out
    assert "Reset the Northwind Systems demo as of 2026-11-27" in text
    assert "30 customers" in text and "backed up to" in text
    backup = Path(text.rsplit("backed up to ", 1)[1].strip())
    assert backup.is_file() and backup.parent == workspace / "backups"


def test_a_bad_anchor_is_refused_by_the_parser(tmp_path: Path, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["demo", "reset", "--workspace", str(tmp_path), "--anchor", "27/11/2026"])
    assert caught.value.code == 2
    assert "write it as YYYY-MM-DD" in capsys.readouterr().err


def test_broken_demo_data_is_a_user_error(tmp_path: Path, capsys):
    broken = tmp_path / "demo"
    shutil.copytree(DEMO_DIR, broken)
    (broken / "team.yaml").unlink()
    workspace = tmp_path / "ws"
    code = main(["demo", "load", "--workspace", str(workspace), "--source", str(broken), "--json"])
    assert code == 2
    out = json.loads(capsys.readouterr().out)
    assert f"{broken / 'team.yaml'}: the demo source file is missing" in out["error"]
    assert "Fix:" in out["error"]
