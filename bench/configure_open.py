"""How fast "Configure product…" opens the Configure dialog, and how long the GUI thread stalls.

    python bench/configure_open.py [--repeat 3] [--json]

For each of the demo's configurable models (rack server, CloudOps subscription), in the real
off-screen window machinery (``ConfigureLauncher`` on a real ``TaskRunner``):

* ``cold``: the first open -- the model is read and compiled on a worker (the launcher's way);
  the time until the dialog is shown, and the longest stall of the GUI thread meanwhile,
  measured by a 5 ms timer (the gaps between its ticks). The very first cold open also pays the
  one-off import of the reasoning engine (numpy, CUDD, the SAT solver); it is reported apart;
* ``cached``: opening the same product again -- the prepared configurator is reused;
* ``naive``: the baseline a straightforward wiring would have -- preparing on the GUI thread,
  then opening: the GUI thread is blocked for the whole preparation, every time.

Figures vary with the machine's load (six engineers share two cores here); compare within a run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gui_timing import StallMeter, spin_until
from PySide6.QtWidgets import QWidget

MODELS = Path(__file__).resolve().parents[1] / "dealkit/resources/demo/models"
DEMO = {
    "SRV-R7": ("Northwind R7 Rack Server", "rack-server.yaml"),
    "SUB-CLOUDOPS": ("CloudOps Suite subscription", "cloudops-subscription.yaml"),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="opens per kind and model")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    args = parser.parse_args()

    from dealkit.desktop.app import application
    from dealkit.desktop.configure.catalog import ConfigurableProduct
    from dealkit.desktop.configure.dialog import ConfigureDialog
    from dealkit.desktop.configure.launcher import ConfigureLauncher, ConfigureRequest
    from dealkit.desktop.configure.preparation import PreparingTexts, prepare_product_model
    from dealkit.desktop.configure.product_picker import Pick
    from dealkit.desktop.context import DesktopContext
    from dealkit.desktop.i18n import LanguageManager
    from dealkit.desktop.library_service import LibraryService
    from dealkit.desktop.settings import AppSettings
    from dealkit.desktop.tasks import TaskRunner
    from dealkit.engine.demo.model_tables import inline_table_files
    from dealkit.engine.workspace import Workspace

    app = application([sys.argv[0]])
    results: dict[str, Any] = {"repeat": args.repeat, "models": {}}
    with tempfile.TemporaryDirectory(prefix="dealkit-bench-") as tmp:
        workspace = Workspace.open(Path(tmp) / "workspace")
        tasks = TaskRunner()
        context = DesktopContext(
            workspace,
            tasks,
            LanguageManager(),
            AppSettings.in_file(str(Path(tmp) / "settings.ini")),
            LibraryService(workspace, tasks),
        )
        host = QWidget()
        meter = StallMeter()
        first_cold = True
        for sku, (name, file_name) in DEMO.items():
            # as the store keeps it: table files inlined (the demo loader's step)
            text = inline_table_files(
                (MODELS / file_name).read_text(encoding="utf-8"), MODELS / file_name
            )
            figures: dict[str, Any] = {"cold_s": [], "cold_stall_ms": [], "cached_s": []}
            figures["naive_s"] = []
            figures["naive_stall_ms"] = []
            for n in range(args.repeat):
                # cold: a fresh launcher, so nothing is cached; the product id varies per run
                product = ConfigurableProduct(f"{sku}-{n}", sku, name, text)
                launcher = ConfigureLauncher(context, host)
                meter.start()
                began = time.perf_counter()
                launcher.configure(Pick(product), ConfigureRequest())
                spin_until(lambda launcher=launcher: launcher.dialog is not None, what="the dialog")
                cold = time.perf_counter() - began
                stall = meter.stop()
                if first_cold:
                    results["first_open_with_imports_s"] = round(cold, 3)
                    first_cold = False
                else:
                    figures["cold_s"].append(cold)
                    figures["cold_stall_ms"].append(stall * 1000)
                launcher.dialog.reject()
                # cached: the same launcher again
                began = time.perf_counter()
                launcher.configure(Pick(product), ConfigureRequest())
                spin_until(lambda launcher=launcher: launcher.dialog.isVisible(), what="the dialog")
                figures["cached_s"].append(time.perf_counter() - began)
                launcher.dialog.reject()
                launcher.dialog.deleteLater()
                launcher.deleteLater()
            for n in range(args.repeat):
                # naive: prepare on the GUI thread, then build the dialog
                product = ConfigurableProduct(f"{sku}-naive-{n}", sku, name, text)
                meter.start()
                began = time.perf_counter()
                prepared = prepare_product_model(product, PreparingTexts("", "", ""))
                dialog = ConfigureDialog(host, prepared.model, {}, prepared.configurator)
                dialog.open()
                app.processEvents()
                figures["naive_s"].append(time.perf_counter() - began)
                figures["naive_stall_ms"].append(meter.stop() * 1000)
                dialog.reject()
                dialog.deleteLater()
            summary = {}
            for key, values in figures.items():
                if values:
                    summary[key] = round(statistics.median(values), 4)
            summary["gui_stall_ratio_naive_over_launcher"] = round(
                summary["naive_stall_ms"] / max(summary.get("cold_stall_ms", 1.0), 1e-3), 1
            )
            summary["cached_speedup_over_cold"] = round(
                summary.get("cold_s", summary["naive_s"]) / max(summary["cached_s"], 1e-6), 1
            )
            results["models"][sku] = summary
        tasks.wait_for_done()
        workspace.close()
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(
        f"first open, including the reasoning engine's imports: "
        f"{results['first_open_with_imports_s']:.2f} s"
    )
    print(
        f"{'model':<14}{'cold open':>11}{'GUI stall':>11}{'cached':>10}"
        f"{'naive open':>12}{'naive stall':>13}{'stall x':>9}{'cached x':>10}"
    )
    for sku, s in results["models"].items():
        print(
            f"{sku:<14}{s.get('cold_s', float('nan')):>9.3f} s{s.get('cold_stall_ms', 0):>8.1f} ms"
            f"{s['cached_s'] * 1000:>7.1f} ms{s['naive_s']:>10.3f} s{s['naive_stall_ms']:>10.0f} ms"
            f"{s['gui_stall_ratio_naive_over_launcher']:>9}{s['cached_speedup_over_cold']:>10}"
        )
    print(
        "medians of --repeat runs; 'stall x' = naive GUI stall / launcher GUI stall; "
        "'cached x' = cold open / cached open"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
