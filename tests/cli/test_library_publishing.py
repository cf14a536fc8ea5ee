"""``dealkit library publish|archive|review-due|quiz|new`` on the demo workspace."""

from __future__ import annotations

import json

import pytest

from dealkit.cli.main import main
from dealkit.engine.workspace import Workspace
from tests.engine.content.test_quizzes import worked_example


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:
    code = main([*argv, "--json"])
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture
def root(demo_workspace: Workspace) -> str:
    path = str(demo_workspace.root)
    demo_workspace.close()
    return path


def _search(capsys, root: str, text: str) -> list[dict]:
    return run_json(capsys, "library", "search", text, "--workspace", root)[1]["hits"]


def test_publish_archive_and_search(capsys, root) -> None:
    [hit] = _search(capsys, root, '"selling the Spine 64 data-centre fabric"')
    code, out = run_json(capsys, "library", "publish", hit["item_id"], "--workspace", root)
    assert code == 0 and (out["version"], out["status"]) == (2, "published")
    code, out = run_json(capsys, "library", "archive", hit["item_id"], "--workspace", root)
    assert code == 0 and out["status"] == "archived"
    assert _search(capsys, root, '"selling the Spine 64 data-centre fabric"') == []
    assert main(["library", "archive", hit["item_id"], "--workspace", root]) == 2
    assert "is already archived" in capsys.readouterr().err


def test_quiz_prints_and_attaches(capsys, root, tmp_path) -> None:
    [hit] = _search(capsys, root, '"selling the Spine 64 data-centre fabric"')
    code, out = run_json(capsys, "library", "quiz", hit["item_id"], "--workspace", root)
    assert code == 0 and out["title"] == "Spine 64 fabric basics"
    assert out["questions"][2]["answer"] == ["A", "C"]
    bad = tmp_path / "bad.yaml"
    bad.write_text(worked_example().replace("answer: B", "answer: Q", 1), encoding="utf-8")
    assert main(["library", "quiz", hit["item_id"], "--attach", str(bad), "--workspace", root]) == 2
    err = capsys.readouterr().err
    assert "bad.yaml, line 10: the answer 'Q' is not one of the choices' letters. Fix:" in err
    good = tmp_path / "new.yaml"
    good.write_text(worked_example().replace("Spine 64 fabric basics", "Refresher"), "utf-8")
    code, out = run_json(
        capsys, "library", "quiz", hit["item_id"], "--attach", str(good), "--workspace", root
    )
    assert code == 0 and out["title"] == "Refresher"


def test_review_due_and_new(capsys, root) -> None:
    code, out = run_json(capsys, "library", "review-due", "--days", "14", "--workspace", root)
    assert code == 0 and out["count"] >= 1
    days = [item["days_left"] for item in out["items"]]
    assert all(d <= 14 for d in days) and any(d < 0 for d in days)  # the demo has overdue items
    assert out["items"][0]["explanation"].startswith("review")
    code, out = run_json(capsys, "library", "new", "--workspace", root)
    reasons = {item["title"]: item["reason"] for item in out["items"]}
    assert reasons["How to: get a discounted quote approved on the first try"] == "changed"
    assert "new" in reasons.values()
