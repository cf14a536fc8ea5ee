"""Interactive configuration speed on the Renault Mégane benchmark, against naive baselines.

    python bench/configurator.py [--steps 25] [--seed 1] [--json] [--baseline-seconds 60]

A seeded random sequence of user choices: at each step one open variable (more than one value
still selectable) gets a random selectable value; after each step the selectable values of all 99
variables are recomputed. Figures, all measured in this run:

* ``prepare``: loading the table JSON, compiling the MDD (CUDD BDD with sifting, read into numpy
  layers) and loading the rule-level SAT solver used for explanations;
* ``domains_ms``: per-step time of ``Configurator.domains`` (p50 / p95 / max) -- the engine;
* ``explain_ms``: ``Configurator.explain`` of up to 3 withheld values per step (minimal choices on
  the MDD, minimal rules by SAT cores, smallest change by a shortest path on the MDD);
* alternatives for the same steps: ``sat_reuse_ms`` -- incremental SAT (Glucose 4 via python-sat)
  with model reuse, each model proving every value it contains; and the naive baseline
  ``cpsat_probe``: one CP-SAT solve per value (all 396 values each step). A CP-SAT solve of this
  model takes seconds, so the baseline is timed for ``--baseline-seconds`` and its per-step time
  is *extrapolated* from the measured mean probe time (printed as such);
* memory: resident set after preparation and the process peak (``ru_maxrss``).

Targets (issue 3, on the 2-core machine): domains p95 < 50 ms, explanation p95 < 250 ms,
preparation < 30 s, memory < 1 GB.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dealkit.engine.configurator import Configurator, load_model
from dealkit.engine.configurator.problem import Problem
from dealkit.engine.configurator.sat_encoding import SatModel

RENAULT = Path("/work/shared/benchmarks/renault/renault.json.gz")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def summary(values: list[float]) -> dict[str, float]:
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "n": len(values),
        "p50": round(statistics.median(ordered), 3),
        "p95": round(p95, 3),
        "max": round(ordered[-1], 3),
        "mean": round(statistics.fmean(ordered), 3),
    }


def cpsat_probe(problem: Problem, steps: list[dict[int, int]], budget: float) -> dict:
    """Naive baseline: one CP-SAT solve per (variable, value) under the step's choices."""
    from ortools.sat.python import cp_model

    model = cp_model.CpModel()
    xs = [model.NewIntVar(0, len(v.values) - 1, v.name) for v in problem.variables]
    for rule in problem.rules:
        for table in rule.tables:
            model.AddAllowedAssignments([xs[v] for v in table.scope], list(table.rows))
    is_value = {}
    for v, variable in enumerate(problem.variables):
        for i in range(len(variable.values)):
            b = model.NewBoolVar(f"{variable.name}={i}")
            model.Add(xs[v] == i).OnlyEnforceIf(b)
            is_value[v, i] = b
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    probes: list[float] = []
    started = time.perf_counter()
    values_per_step = sum(len(v.values) for v in problem.variables)
    for choices in steps:
        for (v, _value), b in is_value.items():
            if time.perf_counter() - started > budget:
                break
            model.ClearAssumptions()
            others = [is_value[w, j] for w, j in choices.items() if w != v]
            model.AddAssumptions([*others, b])
            t = time.perf_counter()
            solver.Solve(model)
            probes.append(time.perf_counter() - t)
        if time.perf_counter() - started > budget:
            break
    mean = statistics.fmean(probes) if probes else float("nan")
    return {
        "probes_measured": len(probes),
        "probe_ms": summary([p * 1000 for p in probes]),
        "probes_per_step": values_per_step,
        "extrapolated_step_ms": round(mean * values_per_step * 1000, 1),
        "note": f"measured {len(probes)} probes in a {budget:.0f} s budget; the per-step time is "
        f"extrapolated as mean probe time x {values_per_step} values",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--steps", type=int, default=25)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--model", type=Path, default=RENAULT)
    parser.add_argument(
        "--baseline-seconds",
        type=float,
        default=60.0,
        help="wall-time cap for the CP-SAT probing baseline (0 skips it)",
    )
    args = parser.parse_args(argv)

    rss_start = rss_mb()
    t0 = time.perf_counter()
    problem = load_model(args.model).problem
    t_load = time.perf_counter() - t0
    t1 = time.perf_counter()
    configurator = Configurator.prepare(problem)
    t_prepare = time.perf_counter() - t1
    rss_prepared = rss_mb()

    rng = random.Random(args.seed)
    choices: dict[str, object] = {}
    steps: list[dict[int, int]] = []
    domains_ms: list[float] = []
    explain_ms: list[float] = []
    per_step = []
    for step in range(args.steps):
        t = time.perf_counter()
        answer = configurator.domains(choices)
        domains_ms.append((time.perf_counter() - t) * 1000)
        steps.append(problem.choice_indexes(choices))
        withheld = [
            (name, value)
            for v in problem.variables
            if (name := v.name) not in choices
            for value in v.values
            if value not in answer.domains[name]
        ]
        times = []
        for name, value in rng.sample(withheld, min(3, len(withheld))):
            t = time.perf_counter()
            configurator.explain(choices, name, value)
            times.append((time.perf_counter() - t) * 1000)
        explain_ms += times
        selectable = sum(len(values) for values in answer.domains.values())
        per_step.append(
            {
                "step": step,
                "choices": len(choices),
                "selectable": selectable,
                "domains_ms": round(domains_ms[-1], 3),
                "explain_ms": [round(x, 1) for x in times],
            }
        )
        open_vars = [
            n for n, values in answer.domains.items() if len(values) > 1 and n not in choices
        ]
        if not open_vars:
            break
        name = rng.choice(open_vars)
        choices[name] = rng.choice(answer.domains[name])

    t2 = time.perf_counter()
    oracle = SatModel(problem, guarded=False)
    t_sat_prepare = time.perf_counter() - t2
    sat_ms = []
    for indexes in steps:
        t = time.perf_counter()
        oracle.supported_values(indexes)
        sat_ms.append((time.perf_counter() - t) * 1000)
    oracle.close()

    baseline = cpsat_probe(problem, steps, args.baseline_seconds) if args.baseline_seconds else None
    domains = summary(domains_ms)
    result = {
        "model": str(args.model),
        "variables": len(problem.variables),
        "values": sum(len(v.values) for v in problem.variables),
        "seed": args.seed,
        "steps": len(per_step),
        "load_s": round(t_load, 3),
        "prepare_s": round(t_prepare, 3),
        "compile": {
            "backend": configurator.stats.backend,
            "bdd_nodes": configurator.stats.bdd_nodes,
            "mdd_nodes": configurator.stats.mdd_nodes,
            "mdd_edges": configurator.stats.mdd_edges,
            "compile_s": round(configurator.stats.seconds, 3),
        },
        "domains_ms": domains,
        "explain_ms": summary(explain_ms),
        "alternatives": {
            "sat_reuse_ms": summary(sat_ms),
            "sat_reuse_prepare_s": round(t_sat_prepare, 3),
            "cpsat_probe": baseline,
        },
        "ratios": {
            "sat_reuse_over_mdd_p50": round(summary(sat_ms)["p50"] / domains["p50"], 1),
            "cpsat_probe_over_mdd_p50": round(baseline["extrapolated_step_ms"] / domains["p50"])
            if baseline and baseline["probes_measured"]
            else None,
        },
        "memory_mb": {
            "rss_start": round(rss_start, 1),
            "rss_after_prepare": round(rss_prepared, 1),
            "peak": round(peak_mb(), 1),
        },
        "targets": {
            "domains_p95_ms": 50,
            "explain_p95_ms": 250,
            "prepare_s": 30,
            "memory_mb": 1024,
        },
        "per_step": per_step,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(
        f"{args.model.name}: {result['variables']} variables, {result['values']} values; "
        f"seed {args.seed}, {result['steps']} steps"
    )
    c = result["compile"]
    print(
        f"prepare {result['prepare_s']:.2f} s (load {result['load_s']:.2f} s; BDD {c['bdd_nodes']}"
        f" nodes -> MDD {c['mdd_nodes']} nodes / {c['mdd_edges']} edges, {c['backend']})"
    )
    for step in per_step:
        print(
            f"  step {step['step']:>2}  choices {step['choices']:>2}  selectable "
            f"{step['selectable']:>3}  domains {step['domains_ms']:7.2f} ms  explain "
            f"{', '.join(f'{x:.1f}' for x in step['explain_ms'])} ms"
        )
    d, e, s = result["domains_ms"], result["explain_ms"], result["alternatives"]["sat_reuse_ms"]
    print(f"domains (MDD)        p50 {d['p50']:8.2f}  p95 {d['p95']:8.2f}  max {d['max']:8.2f} ms")
    print(
        f"explain              p50 {e.get('p50', 0):8.2f}  p95 {e.get('p95', 0):8.2f}  max "
        f"{e.get('max', 0):8.2f} ms"
    )
    print(
        f"domains (SAT reuse)  p50 {s['p50']:8.2f}  p95 {s['p95']:8.2f}  max {s['max']:8.2f} ms"
        f"  ({result['ratios']['sat_reuse_over_mdd_p50']}x the MDD)"
    )
    if baseline:
        print(
            f"naive CP-SAT probing: {baseline['probes_measured']} probes, mean "
            f"{baseline['probe_ms'].get('mean', 0):.1f} ms -> ~"
            f"{baseline['extrapolated_step_ms'] / 1000:.0f} s per step (extrapolated; "
            f"{result['ratios']['cpsat_probe_over_mdd_p50']}x the MDD)"
        )
    m = result["memory_mb"]
    print(f"memory: RSS {m['rss_after_prepare']:.0f} MB after prepare, peak {m['peak']:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
