"""Commission calculation speed: a company quarter, and the live deal estimate.

    python bench/commissions.py [--lines 1000000] [--participants 5000] [--seed 7]
                                [--with-exact] [--json]

Figures, all measured in this run on seeded synthetic data (generation is not timed):

* ``columnar``: ``columnar.calculate_period`` -- the whole quarter for every participant (credits
  with splits, THB converted at the plan rate, manager roll-ups and overlays; 11 components:
  rates with product overrides and a per-unit rate, segment and new-logo rates, an over-quota
  marginal table behind a gate, an overlay retroactive table with a cap, end- and start-of-quarter
  windows, a unit SPIF with a trip and a cash SPIF in a date window, a capped manager override;
  draws for 100 reps), with lines and traces;
* ``naive``: the baseline, a straightforward per-row Python loop over the same transactions that
  evaluates every component for every credited participant and sums in ``Decimal`` (no traces);
  its payouts are compared with the columnar ones, to the cent;
* ``exact`` (with ``--with-exact``): the per-credit ``Calculator`` over all lines (what the
  desktop and statements use for one participant), for reference;
* ``estimator_ms``: ``DealEstimator.estimate`` for a 3-line quote against one rep's quarter to
  date (p50 / p95 / max over 300 edits), with and without two what-if discounts;
* memory: each part runs in its own process; ``peak_mb`` is that process's ``ru_maxrss``
  (data included), ``data_mb`` the resident size after generating the data.

Targets (issue 5, on the 2-core machine): the quarter under 20 s and 4 GB; the estimator under
20 ms. The machine is shared: figures are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
import polars as pl

from dealkit.engine.commissions import Calculator, DealEstimator, DealFacts, QuoteLineInput, Txn
from dealkit.engine.commissions import tiers as tiers_math
from dealkit.engine.commissions.columnar import SCHEMA, calculate_period
from dealkit.engine.commissions.crediting import convert, managers_of
from dealkit.engine.commissions.periods import parse_period
from dealkit.engine.commissions.plan import (
    Plan,
    RateComponent,
    SpifComponent,
    TieredComponent,
    WindowComponent,
)
from dealkit.engine.commissions.plan_loader import load_plan_text
from dealkit.engine.money import currency_quantum as quantum

PERIOD = "2026-Q1"
FAMILIES = {
    "SRV": ["SRV-R7", "SRV-R5", "SRV-T3", "SRV-EDGE-2", "SRV-GPU-8", "SRV-BLADE", "SRV-R9"],
    "STO": ["STO-OBJ-400", "STO-SAN-200", "STO-NAS-50", "STO-ARCHIVE", "STO-FLASH-X"],
    "NET": ["NET-SPINE-64", "NET-LEAF-48", "NET-EDGE-24", "NET-FW-10", "NET-WIFI-6"],
    "SUB": ["SUB-CLOUDOPS", "SUB-SECURE-EDGE", "SUB-BACKUP-CLOUD", "SUB-MONITOR", "SUB-DR"],
    "SVC": ["SVC-PS-DAY", "SVC-INSTALL", "SVC-TRAIN", "SVC-CARE-3Y", "SVC-MIGRATE"],
    "ACC": ["ACC-RAIL", "ACC-PSU", "ACC-SFP", "ACC-CABLE", "ACC-DISK-4T", "ACC-RAM-64"],
}
SEGMENTS = ["enterprise", "mid_market", "smb", "public_sector"]
INDUSTRIES = [
    "manufacturing",
    "retail",
    "finance",
    "health",
    "government",
    "logistics",
    "education",
    "energy",
]
REGIONS = ["north_america", "apac", "emea"]

COMPONENTS = """\
components:
  - id: base
    type: rate
    label: Base commission
    applies_to: rep
    rate: 15%
    overrides:
      - {match: {sku: NET-SPINE-64}, rate: 20%, label: Spine 64 Switch (Product X)}
      - {match: {sku: SVC-PS-DAY}, rate: 8%, label: Professional services days}
      - {match: {family: ACC}, per_unit: 12.50, label: Accessories per unit}
  - id: public-sector
    type: rate
    label: Public-sector bonus
    applies_to: rep
    match: {segment: public_sector}
    rate: 2%
  - id: new-logo
    type: rate
    label: New-logo bonus
    applies_to: rep
    match: {new_logo: true}
    rate: 1%
  - id: end-of-quarter
    type: window
    label: End-of-quarter accelerator
    applies_to: rep
    of: base
    window: {last_days_of_quarter: 14}
    factor: 1.25
  - id: slow-start
    type: window
    label: Start-of-quarter decelerator
    applies_to: rep
    of: base
    window: {first_days_of_quarter: 7}
    factor: 0.9
  - id: overachievement
    type: tiered
    label: Over-quota accelerator
    applies_to: rep
    method: marginal
    threshold: {attainment_pct: 100}
    tiers:
      - {upto_pct: 100, rate: 0%}
      - {upto_pct: 150, rate: 3%}
      - {rate: 1.5%}
  - id: overlay-table
    type: tiered
    label: Overlay commission
    applies_to: overlay
    method: retroactive
    cap: 60000
    tiers:
      - {upto_pct: 80, rate: 0.5%}
      - {upto_pct: 120, rate: 1%}
      - {rate: 1.5%}
  - id: secure-edge-spif
    type: spif
    label: Secure Edge SPIF
    applies_to: rep
    match: {sku: SUB-SECURE-EDGE}
    goal: {units: 25}
    reward: {item: Trip to Phuket, value: 4500.00}
  - id: storage-sprint
    type: spif
    label: Storage sprint
    applies_to: rep
    match: {family: STO}
    window: {from: 2026-02-01, to: 2026-02-28}
    goal: {amount: 150000}
    reward: {cash: 1000.00}
  - id: team-override
    type: rate
    label: Manager override
    applies_to: manager
    rate: 2%
    cap: 90000
  - id: overlay-bonus
    type: rate
    label: Overlay public-sector kicker
    applies_to: overlay
    match: {segment: public_sector}
    rate: 0.25%
"""


def make_plan(participants: int) -> tuple[Plan, list[str]]:
    """A plan with ``participants`` people: 90% reps, 9% managers (teams of 10), 1% overlays."""
    n_over = max(1, participants // 100)
    n_mgr = max(1, participants * 9 // 100)
    n_rep = participants - n_over - n_mgr
    reps = [f"r{i:05d}" for i in range(n_rep)]
    out = [
        "code: bench",
        "version: 1",
        "name: Bench plan",
        "effective_from: 2026-01-01",
        "effective_to: 2026-12-31",
        "currency: USD",
        "period: quarter",
        "exchange_rates:",
        '  THB: "0.028"',
        "participants:",
    ]
    for i, r in enumerate(reps):
        out.append(f"  - {{id: {r}, role: rep, quota: {300000 + (i % 7) * 25000}}}")
        if i % 45 == 0:  # 100 new reps with a recoverable draw
            out[-1] = out[-1][:-1] + ", draw: {amount: 30000, recoverable: true}}"
    for m in range(n_mgr):
        team = reps[m * n_rep // n_mgr : (m + 1) * n_rep // n_mgr]
        out.append(
            f"  - {{id: m{m:04d}, role: manager, quota: {len(team) * 350000}, "
            f"team: [{', '.join(team)}]}}"
        )
    for o in range(n_over):
        covered = reps[o * n_rep // n_over : (o + 1) * n_rep // n_over]
        out.append(
            f"  - {{id: o{o:03d}, role: overlay, quota: {len(covered) * 60000}, overlay: "
            f"{{match: {{family: [NET, STO]}}, reps: [{', '.join(covered)}]}}}}"
        )
    text = "\n".join(out) + "\n" + COMPONENTS
    return load_plan_text(text, "bench-plan.yaml"), reps


def make_columns(lines: int, reps: list[str], seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    skus = [(s, f) for f, ss in FAMILIES.items() for s in ss]
    sku_i = rng.integers(0, len(skus), lines)
    thb = rng.random(lines) < 0.2
    cents = (np.exp(rng.normal(10.5, 1.0, lines)) * 100).astype(np.int64).clip(5_000, 900_000_000)
    return {
        "rep_i": rng.integers(0, len(reps), lines),
        "sku_i": sku_i,
        "day": rng.integers(0, 90, lines),
        "qty": rng.integers(1, 11, lines),
        "amount_minor": np.where(thb, cents * 35, cents),
        "thb": thb,
        "split_bp": rng.choice([10000, 10000, 10000, 10000, 6000, 4000, 5000], lines),
        "seg_i": rng.integers(0, len(SEGMENTS), lines),
        "ind_i": rng.integers(0, len(INDUSTRIES), lines),
        "reg_i": rng.integers(0, len(REGIONS), lines),
        "new_logo": rng.random(lines) < 0.1,
    }


def to_frame(cols: dict[str, np.ndarray], reps: list[str]) -> pl.DataFrame:
    skus = [(s, f) for f, ss in FAMILIES.items() for s in ss]
    n = len(cols["day"])
    return pl.DataFrame(
        {
            "seq": np.arange(n),
            "ref": pl.Series(np.arange(n)).cast(pl.String),
            "rep": np.array(reps)[cols["rep_i"]],
            "sku": np.array([s for s, _ in skus])[cols["sku_i"]],
            "family": np.array([f for _, f in skus])[cols["sku_i"]],
            "segment": np.array(SEGMENTS)[cols["seg_i"]],
            "industry": np.array(INDUSTRIES)[cols["ind_i"]],
            "region": np.array(REGIONS)[cols["reg_i"]],
            "new_logo": cols["new_logo"],
            "closed_on": pl.date_range(date(2026, 1, 1), date(2026, 3, 31), eager=True).gather(
                cols["day"]
            ),
            "cancelled_on": pl.Series([None] * n, dtype=pl.Date),
            "currency": np.where(cols["thb"], "THB", "USD"),
            "amount_minor": cols["amount_minor"],
            "split_bp": cols["split_bp"],
            "qty_e4": cols["qty"] * 10_000,
        },
        schema=SCHEMA,
    )


def to_txns(
    cols: dict[str, np.ndarray], reps: list[str], only: set[int] | None = None
) -> list[Txn]:
    skus = [(s, f) for f, ss in FAMILIES.items() for s in ss]
    days = [date(2026, 1, 1) + timedelta(days=d) for d in range(90)]
    out = []
    lists = {k: v.tolist() for k, v in cols.items()}
    for i in range(len(lists["day"])):
        r = lists["rep_i"][i]
        if only is not None and r not in only:
            continue
        sku, family = skus[lists["sku_i"][i]]
        thb = lists["thb"][i]
        out.append(
            Txn(
                i,
                str(i),
                reps[r],
                sku,
                family,
                days[lists["day"][i]],
                Decimal(lists["qty"][i]),
                Decimal(lists["amount_minor"][i]).scaleb(-2),
                "THB" if thb else "USD",
                Decimal(lists["split_bp"][i]).scaleb(-2),
                SEGMENTS[lists["seg_i"][i]],
                INDUSTRIES[lists["ind_i"][i]],
                REGIONS[lists["reg_i"][i]],
                lists["new_logo"][i],
            )
        )
    return out


def naive_payouts(plan: Plan, txns: list[Txn]) -> dict[str, Decimal]:
    """The baseline: one pass over the rows, every component tested on every credit."""
    period = parse_period(PERIOD)
    q = quantum(plan.currency)
    uppers = managers_of(plan)
    overlays = [p for p in plan.participants.values() if p.overlay is not None]
    earned: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    window_base: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    credited: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    spif: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    attained: dict[str, Decimal] = defaultdict(Decimal)
    windows = [c for c in plan.components if isinstance(c, WindowComponent)]
    for t in txns:
        if not period.contains(t.closed_on):
            continue
        rep = plan.participants.get(t.rep)
        if rep is None or not rep.active_on(t.closed_on):
            continue
        share = (convert(plan, t.amount, t.currency) * t.split_pct / 100).quantize(q, ROUND_HALF_UP)
        qty = t.quantity * t.split_pct / 100
        receivers = [rep.id] + [
            m for m in uppers[rep.id] if plan.participants[m].active_on(t.closed_on)
        ]
        for o in overlays:
            if (
                o.id != rep.id
                and (not o.overlay.reps or rep.id in o.overlay.reps)
                and o.overlay.match.matches(*t.facts())
            ):
                receivers.append(o.id)
        for pid in receivers:
            role = plan.participants[pid].role
            attained[pid] += share
            row: dict[str, Decimal] = {}
            for c in plan.components:
                if role not in c.applies_to or not c.match.matches(*t.facts()):
                    continue
                if isinstance(c, RateComponent):
                    rule = c.rule_for(*t.facts())
                    if rule is None:
                        continue
                    r = c.rule(rule)
                    v = share * (r.rate or 0) + qty * (r.per_unit or 0)
                    earned[(pid, c.id)] += v
                    row[c.id] = v
                elif isinstance(c, TieredComponent):
                    credited[(pid, c.id)] += share
                elif isinstance(c, SpifComponent) and (
                    c.window is None or c.window.contains(t.closed_on)
                ):
                    spif[(pid, c.id)] += qty if c.goal_units is not None else share
            for w in windows:
                if (
                    role in w.applies_to
                    and w.of in row
                    and w.match.matches(*t.facts())
                    and w.window.contains(t.closed_on)
                ):
                    window_base[(pid, w.id)] += row[w.of]
    payouts: dict[str, Decimal] = {}
    for pid, person in plan.participants.items():
        quota = person.quota_for(period)[0].quantize(q, ROUND_HALF_UP)
        att = attained[pid]
        total = Decimal(0)
        scale: dict[str, Decimal] = {}
        for c in plan.components:
            if person.role not in c.applies_to:
                continue
            if isinstance(c, RateComponent):
                raw = earned[(pid, c.id)]
            elif isinstance(c, TieredComponent):
                bands = c.bounds(quota)
                fn = tiers_math.marginal if c.method == "marginal" else tiers_math.retroactive
                raw = fn(credited[(pid, c.id)], bands, plan.currency)[0]
            elif isinstance(c, WindowComponent):
                raw = window_base[(pid, c.id)] * scale.get(c.of, Decimal(0)) * (c.factor - 1)
            else:
                goal = c.goal_units if c.goal_units is not None else c.goal_amount
                raw = (c.reward_cash or Decimal(0)) if spif[(pid, c.id)] >= goal else Decimal(0)
            paid = raw
            if c.threshold is not None:
                target = (
                    quota * c.threshold.attainment_pct / 100
                    if c.threshold.attainment_pct is not None
                    else c.threshold.attainment
                )
                if att < target:
                    paid = Decimal(0)
            if c.cap is not None and paid > c.cap:
                paid = c.cap
            scale[c.id] = paid / raw if raw else Decimal(0)
            total += paid.quantize(q, ROUND_HALF_UP)
        if person.draw is not None and total < person.draw.amount:
            total = person.draw.amount
        payouts[pid] = total
    return payouts


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def part(name: str, args: argparse.Namespace) -> dict[str, object]:
    plan, reps = make_plan(args.participants)
    cols = make_columns(args.lines, reps, args.seed)
    out: dict[str, object] = {"part": name}
    if name == "columnar":
        frame = to_frame(cols, reps)
        out["data_mb"] = round(rss_mb(), 1)
        t, cpu = time.perf_counter(), time.process_time()
        result = calculate_period(Calculator([plan], []), frame, PERIOD)
        out["seconds"] = time.perf_counter() - t
        out["cpu_seconds"] = time.process_time() - cpu
        out["participants"] = len(result.participants)
        out["lines"] = sum(len(p.lines) for p in result.participants.values())
        out["payout_total"] = str(sum(p.payout.amount for p in result.participants.values()))
        out["payouts"] = {pid: str(p.payout.amount) for pid, p in result.participants.items()}
        alex = result.participants[reps[1]]
        out["sample_trace"] = {ln.label: ln.trace for ln in alex.lines[:3]}
    elif name in ("naive", "exact"):
        txns = to_txns(cols, reps)
        out["data_mb"] = round(rss_mb(), 1)
        t, cpu = time.perf_counter(), time.process_time()
        if name == "naive":
            payouts = naive_payouts(plan, txns)
        else:
            result = Calculator([plan], txns).period(PERIOD)
            payouts = {pid: p.payout.amount for pid, p in result.participants.items()}
        out["seconds"] = time.perf_counter() - t
        out["cpu_seconds"] = time.process_time() - cpu
        out["payout_total"] = str(sum(payouts.values()))
        out["payouts"] = {pid: str(v) for pid, v in payouts.items()}
    elif name == "estimator":
        rep_i = 1
        txns = to_txns(cols, reps, only={rep_i})
        t = time.perf_counter()
        est = DealEstimator(Calculator([plan], txns), reps[rep_i], date(2026, 3, 20))
        est.estimate(
            [QuoteLineInput("SRV-R7", "SRV", Decimal(1), Decimal("1000.00"))], DealFacts("USD")
        )
        out["prepare_ms"] = (time.perf_counter() - t) * 1000
        out["rep_credits"] = len(txns)
        facts = DealFacts("USD", segment="public_sector", new_logo=True)
        for label, what_if in (("plain", ()), ("with_2_what_ifs", (5, 10))):
            times = []
            for i in range(300):
                quote = [
                    QuoteLineInput("SRV-R7", "SRV", Decimal(2), Decimal(24000 + 37 * i)),
                    QuoteLineInput("NET-SPINE-64", "NET", Decimal(1), Decimal(18000 + 11 * i)),
                    QuoteLineInput("SUB-SECURE-EDGE", "SUB", Decimal(3), Decimal(9000)),
                ]
                t = time.perf_counter()
                last = est.estimate(quote, facts, what_if)
                times.append((time.perf_counter() - t) * 1000)
            times.sort()
            out[label] = {
                "p50": statistics.median(times),
                "p95": times[int(0.95 * len(times))],
                "max": times[-1],
            }
        out["sample"] = last.summary
    out["peak_mb"] = round(peak_mb(), 1)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--participants", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--with-exact", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--part", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part:
        sys.stdout.write(json.dumps(part(args.part, args)) + "\n")
        return 0
    load = [round(x, 2) for x in os.getloadavg()]
    parts = ["columnar", "naive", "estimator"] + (["exact"] if args.with_exact else [])
    results = {}
    for name in parts:
        cmd = [
            sys.executable,
            __file__,
            "--part",
            name,
            "--lines",
            str(args.lines),
            "--participants",
            str(args.participants),
            "--seed",
            str(args.seed),
        ]
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        results[name] = json.loads(done.stdout)
    columnar, naive = results["columnar"], results["naive"]
    reference = columnar.pop("payouts")
    agree = naive.pop("payouts") == reference
    if "exact" in results:
        results["exact"]["agrees_with_columnar"] = results["exact"].pop("payouts") == reference
    summary = {
        "lines": args.lines,
        "participants": args.participants,
        "components": 11,
        "period": PERIOD,
        "load_average_at_start": load,
        "columnar_seconds": round(columnar["seconds"], 2),
        "columnar_cpu_seconds": round(columnar["cpu_seconds"], 2),
        "columnar_peak_mb": columnar["peak_mb"],
        "naive_seconds": round(naive["seconds"], 2),
        "naive_cpu_seconds": round(naive["cpu_seconds"], 2),
        "naive_peak_mb": naive["peak_mb"],
        "speedup_vs_naive": round(naive["seconds"] / columnar["seconds"], 1),
        "payouts_agree": agree,
        "estimator_p95_ms": round(results["estimator"]["plain"]["p95"], 2),
        "estimator_with_what_ifs_p95_ms": round(results["estimator"]["with_2_what_ifs"]["p95"], 2),
        "targets": {"quarter_s": 20, "memory_mb": 4096, "estimator_ms": 20},
        "parts": results,
    }
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    est = results["estimator"]
    print(
        f"{args.lines:,} lines, {args.participants:,} participants, 11 components, {PERIOD}"
        f" (load average {load[0]} on {os.cpu_count()} CPUs at start)"
    )
    print(
        f"  columnar engine   {columnar['seconds']:7.2f} s (cpu {columnar['cpu_seconds']:5.1f} s)"
        f"   peak {columnar['peak_mb']:6.0f} MB"
        f"   (data {columnar['data_mb']:.0f} MB)"
    )
    print(
        f"  naive row loop    {naive['seconds']:7.2f} s (cpu {naive['cpu_seconds']:5.1f} s)"
        f"   peak {naive['peak_mb']:6.0f} MB"
        f"   (data {naive['data_mb']:.0f} MB)"
    )
    print(
        f"  speed-up          {naive['seconds'] / columnar['seconds']:7.1f} x   payouts agree "
        f"to the cent: {agree}"
    )
    if "exact" in results:
        ex = results["exact"]
        print(
            f"  per-credit engine {ex['seconds']:7.2f} s (cpu {ex['cpu_seconds']:5.1f} s)"
            f"   peak {ex['peak_mb']:6.0f} MB   payouts agree: {ex['agrees_with_columnar']}"
        )
    print(
        f"  estimator         p50 {est['plain']['p50']:.2f} ms  p95 {est['plain']['p95']:.2f} ms"
        f"  max {est['plain']['max']:.2f} ms  ({est['rep_credits']} credits to date)"
    )
    w = est["with_2_what_ifs"]
    print(
        f"  + 2 what-ifs      p50 {w['p50']:.2f} ms  p95 {w['p95']:.2f} ms  max {w['max']:.2f} ms"
    )
    print(f"  sample: {est['sample']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
