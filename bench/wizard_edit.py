"""Editing a 1,000-line quote in the Quote wizard: the longest GUI stall and per-edit latency.

    python bench/wizard_edit.py [--lines 1000] [--edits 200] [--json]

The real main window (off-screen) over a fresh demo workspace; the Quote page's wizard opens a
quote of ``--lines`` lines (demo products, random quantities and discounts, a quote-level
discount) on the Price step. Then ``--edits`` edits go through the grid's model (``setData``, as
the grid's editor commits them): the quantity or the discount % of a random line, one per event
loop turn, each followed by the repaint it causes. Measured:

* ``edit_ms`` p50 / p95 / max: from ``setData`` to the repaint done (draft.apply, the reprice,
  the grid's ``dataChanged``, the header's totals, the paint);
* ``stall_ms``: the longest gap between ticks of a 5 ms timer on the GUI thread while editing
  (the target: no stall over 50 ms).

An edit repaints what it changed: the edited line (and, when a volume schedule or an amount
discount spreads, the lines it moved), the header's totals and the side panels.

The baseline, in the same run, is the naive wiring: the same edits, but every edit reprices the
whole quote (``Repricer.price`` of all lines) instead of ``Repricer.update`` of the edited line.
Figures vary with the machine's load; compare within a run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gui_timing import StallMeter, spin_until
from PySide6.QtCore import QTimer


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run_edits(app, wizard, edits: list[tuple[int, int, str]], meter: StallMeter) -> dict[str, Any]:
    """Apply ``edits`` one per event-loop turn; time each to its repaint."""
    model = wizard.price_step.model
    times: list[float] = []
    pending = list(edits)
    done = {"n": 0}

    def one() -> None:
        if not pending:
            return
        row, column, text = pending.pop(0)
        began = time.perf_counter()
        model.setData(model.index(row, column), text)
        app.processEvents()  # the repaint the edit causes (of what changed), now
        times.append((time.perf_counter() - began) * 1000)
        done["n"] += 1
        if pending:
            QTimer.singleShot(8, one)  # a fast typist: the next commit a few ms later

    meter.start()
    QTimer.singleShot(0, one)
    spin_until(lambda: done["n"] == len(edits))
    app.processEvents()
    stall = meter.stop() * 1000
    return {
        "edit_ms_p50": round(statistics.median(times), 2),
        "edit_ms_p95": round(percentile(times, 0.95), 2),
        "edit_ms_max": round(max(times), 2),
        "stall_ms": round(stall, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    args = parser.parse_args()

    from dealkit.desktop.app import application, build_window, prepare_workspace
    from dealkit.desktop.quote_wizard import line_edits
    from dealkit.desktop.quote_wizard.price_lines_model import Col
    from dealkit.desktop.quote_wizard.wizard import PRICE
    from dealkit.desktop.settings import AppSettings
    from dealkit.engine.quotes.document import CustomerRef
    from dealkit.engine.workspace import Workspace

    app = application([sys.argv[0]])
    rng = random.Random(args.seed)
    results: dict[str, Any] = {"lines": args.lines, "edits": args.edits}
    with tempfile.TemporaryDirectory(prefix="dealkit-bench-") as tmp:
        workspace = Workspace.open(Path(tmp) / "workspace")
        window = build_window(workspace, AppSettings.in_file(str(Path(tmp) / "s.ini")), "en")
        window.resize(1440, 900)
        window.show()
        began = time.perf_counter()
        prepare_workspace(window, load_demo=True)
        spin_until(lambda: window.ready and not window.is_busy)
        results["demo_load_s"] = round(time.perf_counter() - began, 1)
        window.show_page("quote")
        spin_until(lambda: not window.is_busy)
        page = window.pages["quote"]
        page.new_quote()
        wizard = page.wizard
        spin_until(lambda: wizard.pricer.basis is not None and not window.is_busy)
        catalog = wizard.pricer.basis.catalog
        skus = sorted(sku for sku in catalog.items if sku not in wizard.configure_step.configurable)
        doc = replace(
            wizard.draft.document,
            customer=CustomerRef("Atlantic Mutual Bank"),
            discount_percent=Decimal(3),
        )
        for n in range(args.lines):
            doc, line = line_edits.add_line(
                doc, rng.choice(skus), Decimal(rng.randint(1, 40)), group=f"Site {n % 5 + 1}"
            )
            if n % 4 == 0:
                doc = line_edits.replace_line(
                    doc, line.id, discount_percent=Decimal(rng.randint(1, 15))
                )
        began = time.perf_counter()
        wizard.open_quote(doc, PRICE)
        spin_until(lambda: wizard.draft.priced is not None and not window.is_busy)
        results["open_s"] = round(time.perf_counter() - began, 3)
        app.processEvents()

        def edits() -> list[tuple[int, int, str]]:
            out = []
            for _ in range(args.edits):
                row = rng.randrange(args.lines)
                if rng.random() < 0.5:
                    out.append((row, Col.QTY, str(rng.randint(1, 60))))
                else:
                    out.append((row, Col.DISCOUNT_PERCENT, str(rng.randint(0, 25))))
            return out

        meter = StallMeter()
        fulls = wizard.pricer.full_reprices
        results["incremental"] = run_edits(app, wizard, edits(), meter)
        results["incremental"]["full_reprices"] = wizard.pricer.full_reprices - fulls
        # naive baseline: every edit reprices every line
        wizard.pricer._incremental = wizard.pricer._full  # type: ignore[method-assign]
        fulls = wizard.pricer.full_reprices
        results["naive_full_reprice"] = run_edits(app, wizard, edits(), meter)
        results["naive_full_reprice"]["full_reprices"] = wizard.pricer.full_reprices - fulls
        assert wizard.draft.priced is not None
        inc, naive = results["incremental"], results["naive_full_reprice"]
        results["p50_ratio_naive_over_incremental"] = round(
            naive["edit_ms_p50"] / max(inc["edit_ms_p50"], 1e-3), 1
        )
        results["target_stall_ms"] = 50
        results["stall_within_target"] = inc["stall_ms"] <= 50
        wizard.draft.undo_stack.setClean()
        window.context.tasks.wait_for_done()
        window.close()
        workspace.close()
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(
        f"{args.lines}-line quote opened in {results['open_s']:.2f} s "
        f"(demo workspace loaded in {results['demo_load_s']} s)"
    )
    print(f"{'wiring':<22}{'edit p50':>10}{'edit p95':>10}{'edit max':>10}{'GUI stall':>11}")
    for name, key in (
        ("incremental (wizard)", "incremental"),
        ("naive full reprice", "naive_full_reprice"),
    ):
        r = results[key]
        print(
            f"{name:<22}{r['edit_ms_p50']:>7.1f} ms{r['edit_ms_p95']:>7.1f} ms"
            f"{r['edit_ms_max']:>7.1f} ms{r['stall_ms']:>8.1f} ms"
        )
    print(
        f"naive / incremental p50: {results['p50_ratio_naive_over_incremental']}x; "
        f"target: no GUI stall over 50 ms -> "
        f"{'met' if results['stall_within_target'] else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
