"""bench/configurator.py keeps working (a smoke run on a demo model; no timings asserted)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from tests.helpers.configurator import DEMO_MODELS

BENCH = Path(__file__).resolve().parents[3] / "bench" / "configurator.py"


def test_bench_runs_and_prints_json(capsys) -> None:
    spec = importlib.util.spec_from_file_location("bench_configurator", BENCH)
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    model = str(DEMO_MODELS / "cloudops-subscription.yaml")
    code = bench.main(["--json", "--steps", "3", "--model", model, "--baseline-seconds", "2"])
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert result["steps"] == 3
    assert result["domains_ms"]["n"] == 3
    assert result["alternatives"]["cpsat_probe"]["probes_measured"] > 0
    assert set(result["memory_mb"]) == {"rss_start", "rss_after_prepare", "peak"}
