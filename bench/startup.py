"""Cold start of the Dealkit window: from a fresh process to the first painted main window.

    python bench/startup.py [--runs N] [--json] [--workspace DIR]

Each run starts a new Python process that opens the window on the demo workspace exactly as
``dealkit`` does (``dealkit.cli.main.main``), off-screen. The child watches the application's
events; when the main window has received its first paint event and the event loop has come back
round (so the frame is finished), it writes how long it has been since the parent spawned it and
its resident memory (``VmRSS`` and the peak ``VmHWM`` from ``/proc/self/status``), then exits.
With the window up, it also waits for the window to report the workspace ready (``ready``), which
is when the pages start to fill, and reports that time too.

In the same run, taking turns with it, a baseline child does the same with a bare PySide6
``QMainWindow`` and nothing else, so the figures show how much of the start-up is Qt and Python
themselves; and an imports child only imports ``dealkit.cli.main`` and ``dealkit.desktop.app``,
which shows how much is importing Dealkit and its libraries.

The demo workspace is prepared once before timing (demo loaded, search index built), so the runs
measure starting the app, not first-launch work. "Cold" means a new process; the operating
system's file cache is warm after the first run, as it is on a laptop that has run Dealkit before.

Targets (issue 2, on the 2-core reference machine): under 1.5 s and under 250 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TARGET_SECONDS = 1.5
TARGET_MEGABYTES = 250
READY_TIMEOUT_S = 30.0
# What each kind of child reports as its main figure.
MAIN_FIGURE = {"baseline": "first_paint_s", "imports": "imports_s", "app": "first_paint_s"}


# The child side ------------------------------------------------------------------------------


def _memory_megabytes() -> dict[str, float]:
    """Resident memory now and at peak, in MB (10^6 bytes), from the kernel's accounting."""
    figures: dict[str, float] = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                figures[key] = int(value.split()[0]) * 1024 / 1e6
    return {"rss_mb": figures["VmRSS"], "peak_rss_mb": figures["VmHWM"]}


def _imports_only(spawned_at: float) -> None:
    """Import the entry point and the window's modules, and nothing more.

    This is the part of the start-up that is Python importing Dealkit and its libraries (Qt,
    SQLAlchemy, Alembic, ...), without a QApplication, a workspace or a window.
    """
    import dealkit.cli.main
    import dealkit.desktop.app  # noqa: F401

    result = {"kind": "imports", "imports_s": time.time() - spawned_at, **_memory_megabytes()}
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    os._exit(0)


def _child(kind: str, spawned_at: float, workspace: str) -> None:
    """Open the window (``app``) or a bare QMainWindow (``baseline``), report the first paint."""
    if kind == "imports":
        _imports_only(spawned_at)
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    app = QApplication(sys.argv[:1])
    result: dict[str, Any] = {"kind": kind}
    state = {"painted": False}

    def report_and_exit() -> None:
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()
        os._exit(0)  # skip teardown: the figures are taken, and exit time is not start time

    def main_window() -> QMainWindow | None:
        for widget in app.topLevelWidgets():
            if isinstance(widget, QMainWindow) and widget.isVisible():
                return widget
        return None

    def wait_for_ready(deadline: float) -> None:
        window = main_window()
        if window is not None and getattr(window, "ready", False):
            result["ready_s"] = time.time() - spawned_at
            report_and_exit()
        if time.time() > deadline:
            result["ready_s"] = None
            report_and_exit()
        QTimer.singleShot(5, lambda: wait_for_ready(deadline))

    def first_frame_done() -> None:
        result["first_paint_s"] = time.time() - spawned_at
        result.update(_memory_megabytes())
        window = main_window()
        if kind == "app" and window is not None and hasattr(window, "ready"):
            wait_for_ready(time.time() + READY_TIMEOUT_S)
        else:
            report_and_exit()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                not state["painted"]
                and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and isinstance(watched.window(), QMainWindow)
            ):
                state["painted"] = True
                # Runs once the event loop is back: the whole frame has been painted by then.
                QTimer.singleShot(0, first_frame_done)
            return False

    watcher = FirstPaint()
    app.installEventFilter(watcher)
    QTimer.singleShot(int(READY_TIMEOUT_S * 1000), report_and_exit)  # never hang the bench

    if kind == "baseline":
        window = QMainWindow()
        window.setWindowTitle("baseline")
        window.resize(1280, 800)
        window.show()
        app.exec()
    else:
        from dealkit.cli.main import main

        main(["--workspace", workspace])
    report_and_exit()


# The parent side -----------------------------------------------------------------------------


def _child_environment(home: Path) -> dict[str, str]:
    """Off-screen, with settings in a scratch HOME so runs neither read nor change the user's."""
    env = dict(os.environ)
    env.update(
        {
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CACHE_HOME": str(home / ".cache"),
        }
    )
    return env


def _spawn(kind: str, workspace: Path, home: Path) -> dict[str, Any]:
    spawned_at = time.time()
    completed = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(spawned_at), str(workspace)],
        env=_child_environment(home),
        capture_output=True,
        text=True,
        timeout=READY_TIMEOUT_S * 3,
        check=False,
    )
    lines = [line for line in completed.stdout.splitlines() if line.startswith("{")]
    if completed.returncode != 0 or not lines:
        raise RuntimeError(
            f"the {kind} child failed (exit {completed.returncode}):\n{completed.stderr[-4000:]}"
        )
    figures = json.loads(lines[-1])
    if MAIN_FIGURE[kind] not in figures:
        raise RuntimeError(f"the {kind} child never painted its main window:\n{completed.stderr}")
    return figures


def prepare_workspace(root: Path) -> None:
    """Load the demo and build the search index, so timed runs do no first-launch work."""
    from dealkit.engine.demo import ensure_demo
    from dealkit.engine.workspace import Workspace

    workspace = Workspace.open(root)
    try:
        ensure_demo(workspace)
        try:
            from dealkit.index.library import LibraryIndex
        except ImportError:  # the index is built by the window on first open instead
            return
        LibraryIndex.open(workspace).ensure_built()
    finally:
        workspace.close()


def _summary(values: list[float]) -> dict[str, float]:
    return {
        "min": round(min(values), 3),
        "median": round(statistics.median(values), 3),
        "max": round(max(values), 3),
    }


def measure(runs: int, workspace: Path, home: Path) -> dict[str, Any]:
    """Warm up once each (untimed), then take turns: baseline, imports only, app."""
    samples: dict[str, list[dict[str, Any]]] = {kind: [] for kind in MAIN_FIGURE}
    for kind in samples:
        _spawn(kind, workspace, home)
    for _ in range(runs):
        for kind in samples:
            samples[kind].append(_spawn(kind, workspace, home))
    report: dict[str, Any] = {
        "runs": runs,
        "targets": {"first_paint_s": TARGET_SECONDS, "peak_rss_mb": TARGET_MEGABYTES},
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
    }
    for kind, rows in samples.items():
        figures = {}
        for key in ("first_paint_s", "ready_s", "imports_s", "rss_mb", "peak_rss_mb"):
            values = [row[key] for row in rows if row.get(key) is not None]
            if values:
                figures[key] = _summary(values)
        report[kind] = figures
    app = report["app"]
    report["meets_targets"] = {
        "first_paint": app["first_paint_s"]["median"] < TARGET_SECONDS,
        "memory": app["peak_rss_mb"]["max"] < TARGET_MEGABYTES,
    }
    report["app_minus_baseline"] = {
        "first_paint_s": round(
            app["first_paint_s"]["median"] - report["baseline"]["first_paint_s"]["median"], 3
        ),
        "peak_rss_mb": round(
            app["peak_rss_mb"]["median"] - report["baseline"]["peak_rss_mb"]["median"], 1
        ),
    }
    return report


def _text(report: dict[str, Any]) -> str:
    def row(label: str, kind: str, key: str, unit: str, scale: float = 1.0) -> str:
        figures = report[kind].get(key)
        if figures is None:
            return f"  {label:<34} (not reported)"
        values = "  ".join(
            f"{name} {figures[name] * scale:6.0f} {unit}" for name in ("min", "median", "max")
        )
        return f"  {label:<34} {values}"

    verdict = report["meets_targets"]
    lines = [
        f"Cold start to first painted main window, {report['runs']} runs each, off-screen "
        f"({report['machine']['cpus']} CPUs, Python {report['machine']['python']})",
        f"(demo workspace prepared beforehand in {report['workspace_prepared_s']} s, untimed)",
        "",
        "Dealkit on the demo workspace",
        row("first paint", "app", "first_paint_s", "ms", 1000),
        row("workspace ready (pages filling)", "app", "ready_s", "ms", 1000),
        row("resident memory at first paint", "app", "rss_mb", "MB"),
        row("peak resident memory (VmHWM)", "app", "peak_rss_mb", "MB"),
        "",
        "Imports alone: dealkit.cli.main and dealkit.desktop.app, no window",
        row("imports", "imports", "imports_s", "ms", 1000),
        row("peak resident memory (VmHWM)", "imports", "peak_rss_mb", "MB"),
        "",
        "Baseline: bare PySide6 process with an empty QMainWindow",
        row("first paint", "baseline", "first_paint_s", "ms", 1000),
        row("peak resident memory (VmHWM)", "baseline", "peak_rss_mb", "MB"),
        "",
        f"Dealkit's own share (medians): "
        f"{report['app_minus_baseline']['first_paint_s'] * 1000:.0f} ms, "
        f"{report['app_minus_baseline']['peak_rss_mb']:.0f} MB",
        f"Target: first paint under {TARGET_SECONDS} s (median): "
        f"{'met' if verdict['first_paint'] else 'NOT met'}; "
        f"peak memory under {TARGET_MEGABYTES} MB (every run): "
        f"{'met' if verdict['memory'] else 'NOT met'}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        _child(argv[1], float(argv[2]), argv[3])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each (default 5)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--workspace",
        type=Path,
        help="use this demo workspace (prepared if empty); default: a temporary one",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    with tempfile.TemporaryDirectory(prefix="dealkit-bench-startup-") as scratch:
        workspace = args.workspace or Path(scratch) / "workspace"
        home = Path(scratch) / "home"
        home.mkdir()
        started = time.perf_counter()
        prepare_workspace(workspace)
        prepared_in = time.perf_counter() - started
        report = measure(args.runs, workspace, home)
        report["workspace_prepared_s"] = round(prepared_in, 1)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(_text(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
