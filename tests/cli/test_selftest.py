"""``dealkit selftest`` as a user runs it: a separate process, off-screen, screenshots on disk."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from pathlib import Path

PAGES = ("quote", "library", "commissions", "approvals", "publish")
# Visits beyond the pages: dialogs and panels shown on a page.
EXTRA_VISITS = (
    "configure",
    "library-new",
    "quiz",
    "quote-versions",
    "quote-wizard",
    "sign-in",
)


def _run(*args: str, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "dealkit", "selftest", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_selftest_visits_every_page_in_both_languages_and_saves_screenshots(tmp_path):
    shots = tmp_path / "shots"
    result = _run("--screenshot", str(shots), "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True
    assert report["warnings"] == [] and report["errors"] == []
    visits = {(v["page"], v["language"]): v for v in report["visits"]}
    assert set(visits) == {(p, lang) for p in (*PAGES, *EXTRA_VISITS) for lang in ("en", "th")}
    for (page, language), visit in visits.items():
        path = Path(visit["screenshot"])
        assert path == shots / f"{page}-{language}.png"
        width, height = _png_size(path)
        if page in ("configure", "quiz"):  # dialogs, shot at their own size
            assert width >= 600 and height >= 400
        elif page == "sign-in":  # a small dialog
            assert width >= 440 and height >= 250
        else:
            assert (width, height) == (1280, 800)
        assert visit["error"] is None
    for language in ("en", "th"):
        assert visits[("quote", language)]["items"] >= 100
        assert visits[("library", language)]["items"] >= 1
        assert visits[("commissions", language)]["items"] >= 3
    assert visits[("quote", "th")]["title"] == "ใบเสนอราคา"
    assert report["global_search_results"] >= 1
    # The Thai screenshots really differ from the English ones (translated text rendered).
    assert (shots / "quote-th.png").read_bytes() != (shots / "quote-en.png").read_bytes()


def test_selftest_on_a_corrupt_workspace_fails_with_the_reason(tmp_path):
    root = tmp_path / "broken"
    root.mkdir()
    (root / "dealkit.db").write_bytes(b"not sqlite" * 100)
    result = _run("--workspace", str(root), timeout=120)
    assert result.returncode == 2
    assert "is not a Dealkit database" in result.stderr
    assert (root / "dealkit.db").read_bytes() == b"not sqlite" * 100
