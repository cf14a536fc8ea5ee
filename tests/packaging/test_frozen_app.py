"""Build the one-folder app with PyInstaller and run the frozen program, off-screen.

One build per test run (module fixture, about a minute); each test then runs the frozen
``dealkit`` in a clean environment (its own HOME, no PYTHONPATH, a working folder outside the
repository), so nothing can come from the source tree or the virtual environment. Passing proves
that the Qt plugins, Tantivy's native module, the fonts, translations, demo data and Alembic
migrations are all inside the bundle.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import dealkit
from dealkit.desktop.settings import PAGES
from dealkit.engine.store.database import head_revision

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
ANCHOR = "2026-11-27"  # the fixed demo anchor of the tests


def _load_build_script():
    spec = importlib.util.spec_from_file_location("dealkit_build", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class FrozenApp:
    program: Path
    home: Path

    @property
    def folder(self) -> Path:
        return self.program.parent

    def environment(self) -> dict[str, str]:
        """A clean environment: only what a user's session would have, pointed at temp folders."""
        return {
            "PATH": "/usr/bin:/bin",
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_DATA_HOME": str(self.home / ".local" / "share"),
            "XDG_CACHE_HOME": str(self.home / ".cache"),
            "XDG_RUNTIME_DIR": str(self.home / "runtime"),
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
        }

    def run(self, *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
        (self.home / "runtime").mkdir(mode=0o700, parents=True, exist_ok=True)
        return subprocess.run(
            [str(self.program), *args],
            cwd=self.home,
            env=self.environment(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


def _explain(result: subprocess.CompletedProcess[str]) -> str:
    return (
        f"{result.args} exited {result.returncode}\n"
        f"--- stdout ---\n{result.stdout[-3000:]}\n--- stderr ---\n{result.stderr[-6000:]}"
    )


@pytest.fixture(scope="module")
def frozen_app(
    tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config
) -> Iterator[FrozenApp]:
    dist = tmp_path_factory.mktemp("dist")
    build_script = _load_build_script()
    started = time.monotonic()
    program = build_script.build(dist)
    seconds = time.monotonic() - started
    reporter = pytestconfig.pluginmanager.get_plugin("terminalreporter")
    capture = pytestconfig.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:  # a figure for the CI log, not an assertion
        size = build_script.folder_size(program.parent)
        with capture.global_and_fixture_disabled():
            reporter.write_line(
                f"\npackaging: built the app in {seconds:.0f} s ({size / 1e6:.0f} MB)"
            )
    home = tmp_path_factory.mktemp("home")
    yield FrozenApp(program, home)


def test_frozen_version(frozen_app: FrozenApp) -> None:
    result = frozen_app.run("--version")
    assert result.returncode == 0, _explain(result)
    assert result.stdout.strip() == f"dealkit {dealkit.__version__}"


def test_bundle_carries_native_modules_and_data(frozen_app: FrozenApp) -> None:
    internal = frozen_app.folder / "_internal"
    assert list(internal.glob("tantivy/tantivy*.so")), "Tantivy's native module is missing"
    platforms = internal / "PySide6" / "Qt" / "plugins" / "platforms"
    assert sorted(p.name for p in platforms.iterdir()) == ["libqoffscreen.so", "libqxcb.so"]
    assert (internal / "dealkit" / "resources" / "theme.qss").is_file()
    assert list((internal / "dealkit" / "resources" / "translations").glob("dealkit_th.qm"))
    fonts = internal / "dealkit" / "resources" / "fonts"
    assert (fonts / "NotoSansThai-Regular.ttf").is_file()
    assert (fonts / "OFL.txt").is_file()
    migrations = internal / "dealkit" / "engine" / "store" / "migrations"
    assert (migrations / "env.py").is_file()
    assert list((migrations / "versions").glob("*.py"))
    assert (internal / "babel" / "locale-data" / "th.dat").is_file()


def test_bundle_leaves_out_what_the_app_does_not_use(frozen_app: FrozenApp) -> None:
    internal = frozen_app.folder / "_internal"
    assert not (internal / "babel" / "locale-data" / "de.dat").exists()
    assert not (internal / "pandas").exists()
    assert not list(internal.rglob("libQt6Quick.so*"))
    assert not list(internal.rglob("libqvnc.so"))
    assert not list(internal.rglob("pytest*"))


def _demo_summary(stdout: str) -> dict[str, object]:
    volatile = {"workspace", "seconds", "backup"}
    return {k: v for k, v in json.loads(stdout).items() if k not in volatile}


def test_frozen_demo_load_matches_the_source_tree(frozen_app: FrozenApp, tmp_path: Path) -> None:
    """The bundled demo data, models, plan and migrations make the same workspace as the tree."""
    frozen_ws = frozen_app.home / "demo-workspace"
    frozen = frozen_app.run(
        "demo", "load", "--workspace", str(frozen_ws), "--anchor", ANCHOR, "--json"
    )
    assert frozen.returncode == 0, _explain(frozen)
    source_command = ["demo", "load", "--workspace", str(tmp_path / "ws"), "--anchor", ANCHOR]
    source = subprocess.run(
        [sys.executable, "-m", "dealkit", *source_command, "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert source.returncode == 0, _explain(source)
    assert _demo_summary(frozen.stdout) == _demo_summary(source.stdout)

    with sqlite3.connect(frozen_ws / "dealkit.db") as connection:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        skus = {sku for (sku,) in connection.execute("SELECT sku FROM products")}
    assert revision == head_revision()
    assert {"SRV-R7", "SUB-CLOUDOPS", "NET-SPINE-64", "SUB-SECURE-EDGE", "SVC-PS-DAY"} <= skus


def test_only_the_migration_scripts_ship_as_source(frozen_app: FrozenApp) -> None:
    """Dealkit's code is compiled into the archive; Alembic alone needs its scripts as files."""
    internal = frozen_app.folder / "_internal"
    sources = [p.relative_to(internal) for p in (internal / "dealkit").rglob("*.py")]
    assert sources
    assert all(p.parts[:4] == ("dealkit", "engine", "store", "migrations") for p in sources)


def test_frozen_selftest_visits_every_page_in_english_and_thai(
    frozen_app: FrozenApp, tmp_path: Path
) -> None:
    """The window off-screen on a fresh workspace: Qt plugins, fonts, translations, index."""
    shots = tmp_path / "shots"
    workspace = tmp_path / "fresh-workspace"
    result = frozen_app.run(
        "selftest",
        "--screenshot",
        str(shots),
        "--workspace",
        str(workspace),
        "--json",
        timeout=600,
    )
    assert result.returncode == 0, _explain(result)
    report = json.loads(result.stdout)
    assert report["ok"], report
    assert report["platform"] == "offscreen"
    assert report["warnings"] == [] and report["errors"] == []

    visited = {(visit["page"], visit["language"]) for visit in report["visits"]}
    assert visited >= {(page, language) for page in PAGES for language in ("en", "th")}
    for visit in report["visits"]:
        if visit["page"] in PAGES:  # the four pages that list demo data
            assert visit["items"] > 0, f"{visit['page']} ({visit['language']}) shows no demo data"
        png = shots / f"{visit['page']}-{visit['language']}.png"
        assert png.is_file(), png
        assert png.read_bytes()[:8] == PNG_MAGIC, png
        assert png.stat().st_size > 10_000, f"{png} is suspiciously small (a blank window?)"


def _quote_count(database: Path) -> int:
    if not database.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1) as connection:
            return int(connection.execute("SELECT count(*) FROM quotes").fetchone()[0])
    except sqlite3.Error:  # not created or not migrated yet
        return 0


def test_frozen_window_opens_and_loads_the_demo_on_first_launch(frozen_app: FrozenApp) -> None:
    """``dealkit`` with no command, as a user starts it: the window stays up, the demo loads."""
    workspace = frozen_app.home / "first-launch"
    process = subprocess.Popen(
        [str(frozen_app.program), "--workspace", str(workspace)],
        cwd=frozen_app.home,
        env=frozen_app.environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 180
        while _quote_count(workspace / "dealkit.db") == 0 and time.monotonic() < deadline:
            assert process.poll() is None, "the window exited: " + process.communicate()[1][-4000:]
            time.sleep(0.25)
        assert _quote_count(workspace / "dealkit.db") > 0, "the demo was not loaded in time"
        time.sleep(1.0)  # the pages load after the demo; a crash there would end the process
        assert process.poll() is None, "the window exited: " + process.communicate()[1][-4000:]
    finally:
        process.terminate()
        _stdout, stderr = process.communicate(timeout=30)
    assert "Traceback" not in stderr, stderr[-4000:]
