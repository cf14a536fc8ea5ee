"""How long loading the Northwind demo takes, phase by phase, against a naive baseline.

    python bench/demo_load.py [--anchor 2026-11-27] [--repeat 3] [--json]

Each repeat runs in a fresh process (imports and font registration included, as on a first
launch) and loads the demo into a new empty workspace in a temporary folder:

* ``read``: read and validate every YAML and Markdown source;
* ``render_pdf`` / ``render_docx`` / ``render_md``: produce the library files;
* ``deals``: generate 12 months of deals;
* ``database``: one transaction that writes every row (SQLAlchemy ORM, batched inserts);
* ``total``: ``load_demo`` end to end, as ``dealkit demo load`` runs it (imports excluded,
  reported separately as ``import``).

Baseline, same rows in the same run: ``naive_database`` writes each row of the loaded demo in its
own transaction (one INSERT and one COMMIT per row, what a straightforward loader does), and
``ratio`` is naive / batched for the database phase. Target (issue 2 brief): the whole load under
3 s on the shared 2-core machine; figures are noisy because other work runs there.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile

CHILD = r"""
import json, sys, time
from collections import defaultdict
from datetime import date
from pathlib import Path
started = time.perf_counter()
from dealkit.engine.demo import loader
from dealkit.engine.demo import library_files
from dealkit.engine.workspace import Workspace
imported = time.perf_counter() - started

phases = defaultdict(float)
real_render = library_files.render_library_file
def timed_render(source):
    t = time.perf_counter()
    result = real_render(source)
    phases["render_" + source.file_format] += time.perf_counter() - t
    return result
loader.render_library_file = timed_render
real_read, real_generate, real_fill = loader.read_sources, loader.generate_deals, loader._fill
def wrap(name, fn):
    def inner(*args, **kwargs):
        t = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            phases[name] += time.perf_counter() - t
    return inner
loader.read_sources = wrap("read", real_read)
loader.generate_deals = wrap("deals", real_generate)
loader._fill = wrap("database", real_fill)

anchor = date.fromisoformat(sys.argv[1])
root = Path(sys.argv[2])
ws = Workspace.open(root / "load")
t = time.perf_counter()
counts = loader.load_demo(ws, anchor)
total = time.perf_counter() - t
ws.close()
print(json.dumps({"import": imported, "total": total, **phases,
                  "rows": counts.quotes + counts.quote_lines + counts.commission_transactions
                  + counts.price_entries + counts.library_items + counts.customers
                  + counts.products}))
"""

NAIVE = r"""
import json, sqlite3, sys, time
from pathlib import Path
from dealkit.engine.workspace import Workspace
root = Path(sys.argv[1])
source = sqlite3.connect(root / "load" / "dealkit.db")
target_ws = Workspace.open(root / "naive")  # migrated, empty
target_ws.close()
target = sqlite3.connect(root / "naive" / "dealkit.db", isolation_level=None)
target.execute("PRAGMA foreign_keys=OFF")
tables = [r[0] for r in source.execute(
    "SELECT name FROM sqlite_master WHERE type='table' AND name != 'alembic_version'")]
t = time.perf_counter()
rows = 0
for table in tables:
    cursor = source.execute(f'SELECT * FROM "{table}"')
    marks = ",".join("?" * len(cursor.description))
    for row in cursor:
        target.execute("BEGIN")
        target.execute(f'INSERT INTO "{table}" VALUES ({marks})', row)
        target.execute("COMMIT")
        rows += 1
print(json.dumps({"naive_database": time.perf_counter() - t, "naive_rows": rows}))
"""


def _child(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run a measuring child process; on failure show its error instead of a bare exit code."""
    done = subprocess.run(args, **kwargs)  # type: ignore[call-overload]
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"a measuring process failed (exit {done.returncode}); see above")
    return done


def run(anchor: str, repeat: int) -> dict[str, object]:
    runs = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as folder:
            load = _child(
                [sys.executable, "-c", CHILD, anchor, folder],
                capture_output=True,
                text=True,
            )
            naive = _child([sys.executable, "-c", NAIVE, folder], capture_output=True, text=True)
            runs.append(json.loads(load.stdout) | json.loads(naive.stdout))
    keys = [k for k in runs[0] if k not in ("rows", "naive_rows")]
    median = {k: round(statistics.median(r[k] for r in runs), 3) for k in keys}
    return {
        "anchor": anchor,
        "repeat": repeat,
        "rows": runs[0]["rows"],
        "median_seconds": median,
        "ratio_naive_over_batched_database": round(
            median["naive_database"] / median["database"], 1
        ),
        "target_total_seconds": 3.0,
        "runs": [{k: round(v, 3) for k, v in r.items()} for r in runs],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--anchor", default="2026-11-27")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.anchor, args.repeat)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    m = result["median_seconds"]
    print(f"Demo load, anchor {args.anchor}, median of {args.repeat} fresh processes:")
    for key in (
        "import",
        "read",
        "render_pdf",
        "render_docx",
        "render_md",
        "deals",
        "database",
        "total",
    ):
        print(f"  {key:<14} {m.get(key, 0):7.3f} s")
    print(
        f"  naive database {m['naive_database']:7.3f} s  (one transaction per row, "
        f"{result['ratio_naive_over_batched_database']}x the batched write)"
    )
    verdict = "within" if m["total"] < 3.0 else "over"
    print(f"Total {m['total']:.2f} s: {verdict} the 3 s target.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
