"""The columnar path: a whole period for thousands of participants, with Polars.

The per-credit calculation (``Calculator``) is exact and explains every credit, but a company's
quarter (a million lines) needs the heavy work done in columns. This module does the crediting
(splits, exchange rates, overlays, roll-ups, assignment dates) and the summing in Polars with
exact integer arithmetic in minor units, then folds each participant's few *buckets* (one per
group of credits that every rule of their role treats alike) into the very same ``Totals`` and
``render_lines`` code as the per-credit path. Lines, traces and roundings are therefore
identical; ``tests/engine/commissions/test_columnar.py`` checks that on random data.

Where buckets cannot give the same answer (a window over a marginal tier table, a clawback, an
adjustment for a finalized period), the participant is calculated by ``Calculator`` instead, so
the result is always the exact one. A credit's own trace is built on demand with
``Calculator.line_details``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

import polars as pl

from dealkit.engine.commissions.calculate import Calculator
from dealkit.engine.commissions.components import Aggregator, Totals, render_lines
from dealkit.engine.commissions.crediting import managers_of
from dealkit.engine.commissions.errors import CommissionError
from dealkit.engine.commissions.periods import Period, parse_period
from dealkit.engine.commissions.plan import (
    Plan,
    RateComponent,
    SpifComponent,
    TieredComponent,
    Window,
    WindowComponent,
)
from dealkit.engine.commissions.results import ParticipantResult, PeriodResult
from dealkit.engine.commissions.transactions import Txn
from dealkit.engine.money import Money, currency_quantum, minor_units

FACTS = ("sku", "family", "segment", "industry", "region", "new_logo")
SCHEMA = {
    "seq": pl.Int64,
    "ref": pl.String,
    "rep": pl.String,
    "sku": pl.String,
    "family": pl.String,
    "segment": pl.String,
    "industry": pl.String,
    "region": pl.String,
    "new_logo": pl.Boolean,
    "closed_on": pl.Date,
    "cancelled_on": pl.Date,
    "currency": pl.String,
    "amount_minor": pl.Int64,  # in the transaction currency's minor units
    "split_bp": pl.Int64,  # split percent x 100 (60% -> 6000)
    "qty_e4": pl.Int64,  # quantity x 10,000
}
QTY_SCALE = 10_000
SPLIT_SCALE = 100
FAR = date(9999, 12, 31)


class NotColumnar(ValueError):
    """Data the columnar path cannot carry exactly (the caller uses ``Calculator``)."""


def frame_from_txns(txns: Iterable[Txn]) -> pl.DataFrame:
    """Transactions as a frame of exact integers; raises NotColumnar for finer values."""
    cols: dict[str, list[Any]] = {k: [] for k in SCHEMA}
    for t in txns:
        amount = t.amount.scaleb(minor_units(t.currency))
        split = t.split_pct * SPLIT_SCALE
        qty = t.quantity * QTY_SCALE
        if (
            amount != amount.to_integral()
            or split != split.to_integral()
            or qty != qty.to_integral()
        ):
            raise NotColumnar(f"{t.ref}: amount, split or quantity has too many decimals")
        for name, value in (
            ("seq", t.seq),
            ("ref", t.ref),
            ("rep", t.rep),
            ("sku", t.sku),
            ("family", t.family),
            ("segment", t.segment),
            ("industry", t.industry),
            ("region", t.region),
            ("new_logo", t.new_logo),
            ("closed_on", t.closed_on),
            ("cancelled_on", t.cancelled_on),
            ("currency", t.currency),
            ("amount_minor", int(amount)),
            ("split_bp", int(split)),
            ("qty_e4", int(qty)),
        ):
            cols[name].append(value)
    return pl.DataFrame(cols, schema=SCHEMA)


def _round_half_up(numerator: pl.Expr, denominator: int) -> pl.Expr:
    """round(numerator / denominator) half away from zero, as Decimal's ROUND_HALF_UP does."""
    magnitude = (2 * numerator.abs() + denominator) // (2 * denominator)
    return pl.when(numerator >= 0).then(magnitude).otherwise(pl.lit(0, pl.Int128) - magnitude)


def _credit_expr(plan: Plan) -> pl.Expr:
    """The credit in plan minor units: amount x rate x split, rounded once (as crediting does)."""
    plan_minor = minor_units(plan.currency)
    rates = {plan.currency: Decimal(1), **plan.exchange_rates}
    expr: Any = pl
    for currency, rate in rates.items():
        frac = Fraction(rate)
        shift = plan_minor - minor_units(currency)
        num = frac.numerator * 10 ** max(0, shift)
        den = frac.denominator * 100 * SPLIT_SCALE * 10 ** max(0, -shift)
        n = (
            pl.col("amount_minor").cast(pl.Int128)
            * pl.col("split_bp").cast(pl.Int128)
            * pl.lit(num, pl.Int128)
        )
        expr = expr.when(pl.col("currency") == currency).then(_round_half_up(n, den))
    return expr.otherwise(None).cast(pl.Int64)


def _window_expr(window: Window, period: Period) -> pl.Expr:
    first, last = window.bounds_in(period)
    inside = any(window.contains(d) for d in (first, last))
    if not inside:
        return pl.lit(False)
    return pl.col("closed_on").is_between(first, last)


def _assignments(plan: Plan) -> pl.DataFrame:
    rows = [
        (p.id, a.start, a.end or FAR) for p in plan.participants.values() for a in p.assignments
    ]
    return pl.DataFrame(
        {
            "participant": [r[0] for r in rows],
            "a_start": [r[1] for r in rows],
            "a_end": [r[2] for r in rows],
        },
        schema={"participant": pl.String, "a_start": pl.Date, "a_end": pl.Date},
    )


def _active(frame: pl.DataFrame, assignments: pl.DataFrame, column: str) -> pl.DataFrame:
    """Rows whose ``column`` participant is assigned on the close date."""
    joined = frame.join(assignments, left_on=column, right_on="participant", how="inner")
    return joined.filter(pl.col("closed_on").is_between("a_start", "a_end")).drop(
        "a_start", "a_end"
    )


def supported(plan: Plan) -> bool:
    """Whether buckets give exactly the per-credit result for this plan."""
    marginal = {
        c.id for c in plan.components if isinstance(c, TieredComponent) and c.method == "marginal"
    }  # a deal's share of a marginal table depends on the deals before it
    return not any(isinstance(c, WindowComponent) and c.of in marginal for c in plan.components)


def calculate_period(
    calc: Calculator, frame: pl.DataFrame, period: Period | str, as_of: date | None = None
) -> PeriodResult:
    """The same ``PeriodResult`` as ``calc.period(period, as_of)``, computed in columns.

    ``frame`` holds the same transactions as ``calc`` (see ``frame_from_txns``)."""
    period = parse_period(period) if isinstance(period, str) else period
    kept = calc.ledger.get(calc.code, period.label)
    if kept is not None:
        return kept
    plan = calc.plan_for(period)
    earlier = [p for p in calc.ledger.periods(calc.code) if parse_period(p).start < period.start]
    if earlier or not supported(plan):
        return calc.period(period, as_of)
    as_of = min(as_of or period.end, period.end)
    cur = plan.currency
    scale = currency_quantum(cur)
    assignments = _assignments(plan)

    # 1. crediting ---------------------------------------------------------------------------
    known = [plan.currency, *plan.exchange_rates]
    everything = _active(frame, assignments, "rep")
    unknown = everything.filter(~pl.col("currency").is_in(known)).sort("seq")
    warnings = [
        f"{ref}: amount in {c} has no plan exchange rate; left out (add '{c}: RATE' under "
        f"exchange_rates)"
        for ref, c in unknown.select("ref", "currency").iter_rows()
    ]
    rows = everything.filter(
        pl.col("closed_on").is_between(period.start, as_of) & pl.col("currency").is_in(known)
    ).with_columns(credit=_credit_expr(plan), qty_n=pl.col("qty_e4") * pl.col("split_bp"))

    # 2. signatures: groups of facts every rule of the plan treats alike ------------------------
    classes = rows.select(FACTS).unique().sort(FACTS)
    overlays = [p for p in plan.participants.values() if p.overlay is not None]
    signature_of: dict[tuple[Any, ...], int] = {}
    sig_facts: list[tuple[Any, ...]] = []
    class_sig: list[int] = []
    for facts in classes.iter_rows():
        sig = tuple(
            (c.match.matches(*facts), c.rule_for(*facts) if isinstance(c, RateComponent) else 0)
            for c in plan.components
        ) + tuple(o.overlay.match.matches(*facts) for o in overlays if o.overlay)
        if sig not in signature_of:
            signature_of[sig] = len(sig_facts)
            sig_facts.append(facts)
        class_sig.append(signature_of[sig])
    classes = classes.with_columns(sig=pl.Series(class_sig, dtype=pl.Int32))
    rows = rows.join(classes, on=list(FACTS), how="left", nulls_equal=True)

    # 3. who is credited: the rep, their managers, overlays --------------------------------------
    parts = [
        rows.select(
            participant="rep",
            rep="rep",
            sig="sig",
            closed_on="closed_on",
            credit="credit",
            qty_n="qty_n",
        )
    ]
    uppers = managers_of(plan)
    pairs = [(rep, m) for rep, ms in uppers.items() for m in ms]
    if pairs:
        links = pl.DataFrame(
            {"rep": [p[0] for p in pairs], "manager": [p[1] for p in pairs]},
            schema={"rep": pl.String, "manager": pl.String},
        )
        rolled = rows.join(links, on="rep", how="inner")
        parts.append(
            rolled.select(
                participant="manager",
                rep="rep",
                sig="sig",
                closed_on="closed_on",
                credit="credit",
                qty_n="qty_n",
            )
        )
    if overlays:
        # one join instead of a scan per overlay: (rep, overlay) pairs it covers, then the
        # (overlay, signature) pairs its match accepts
        reps_all = [p.id for p in plan.participants.values()]
        cover = [
            (rep, o.id)
            for i, o in enumerate(overlays)
            for rep in (sorted(o.overlay.reps) if o.overlay and o.overlay.reps else reps_all)
            if rep != o.id
        ]
        accepts = [
            (o.id, number)
            for i, o in enumerate(overlays)
            for sig, number in signature_of.items()
            if sig[len(plan.components) + i]
        ]
        cover_table = pl.DataFrame(
            cover, schema={"rep": pl.String, "overlay": pl.String}, orient="row"
        )
        accept_table = pl.DataFrame(
            accepts, schema={"overlay": pl.String, "sig": pl.Int32}, orient="row"
        )
        covered = rows.join(cover_table, on="rep", how="inner").join(
            accept_table, on=["overlay", "sig"], how="semi"
        )
        parts.append(
            covered.select(
                participant="overlay",
                rep="rep",
                sig="sig",
                closed_on="closed_on",
                credit="credit",
                qty_n="qty_n",
            )
        )
    credits = pl.concat(parts[:1] + [_active(p, assignments, "participant") for p in parts[1:]])

    # 4. buckets: by participant, the signature as their role sees it, and window membership ---
    # A role only looks at the components that apply to it: a manager's credits all fall in one
    # bucket per window combination, whatever the products.
    windows: list[tuple[Any, pl.Expr]] = []
    for c in plan.components:
        window = c.window if isinstance(c, WindowComponent | SpifComponent) else None
        if window is not None:
            windows.append((c, _window_expr(window, period)))
    mask: pl.Expr = pl.lit(0, pl.Int64)
    for i, (_, w) in enumerate(windows):
        mask = mask + pl.when(w).then(pl.lit(1 << i, pl.Int64)).otherwise(pl.lit(0, pl.Int64))
    role_rows: list[tuple[str, int, int, int]] = []  # role, sig, role sig, role's window bits
    role_sig_of: dict[tuple[str, tuple[Any, ...]], int] = {}
    role_sig_facts: list[tuple[Any, ...]] = []
    for role in {p.role for p in plan.participants.values()}:
        for g, facts in enumerate(sig_facts):
            # only the windows of this role's components that look at these facts split buckets
            bits = sum(
                1 << i
                for i, (c, _) in enumerate(windows)
                if role in c.applies_to and c.match.matches(*facts)
            )
            key = tuple(
                (c.match.matches(*facts), c.rule_for(*facts) if isinstance(c, RateComponent) else 0)
                for c in plan.components
                if role in c.applies_to
            )
            if (role, key) not in role_sig_of:
                role_sig_of[(role, key)] = len(role_sig_facts)
                role_sig_facts.append(facts)
            role_rows.append((role, g, role_sig_of[(role, key)], bits))
    role_table = pl.DataFrame(
        role_rows,
        schema={"role": pl.String, "sig": pl.Int32, "rsig": pl.Int32, "bits": pl.Int64},
        orient="row",
    )
    roles = pl.DataFrame(
        [(p.id, p.role) for p in plan.participants.values()],
        schema={"participant": pl.String, "role": pl.String},
        orient="row",
    )
    buckets = (
        credits.join(roles, on="participant", how="inner")
        .join(role_table, on=["role", "sig"], how="inner")
        .with_columns(mask=mask & pl.col("bits"))
        .group_by("participant", "rsig", "mask")
        .agg(
            amount=pl.col("credit").sum(),
            qty=pl.col("qty_n").sum(),
            count=pl.len(),
            first=pl.col("closed_on").min(),
        )
        .sort("participant", "rsig", "mask")
    )

    # 5. clawbacks need each credit: those participants go through the per-credit path ----------
    exact: set[str] = set()
    if plan.clawback_days is not None:
        cancelled = frame.filter(pl.col("cancelled_on").is_between(period.start, as_of))
        if cancelled.height:
            mine = _active(cancelled, assignments, "rep")
            exact.update(mine["rep"].to_list())
            for rep in set(mine["rep"].to_list()):
                exact.update(uppers.get(rep, []))
            exact.update(o.id for o in overlays)

    if exact and not calc.txns:
        raise CommissionError(
            f"{len(exact)} participant(s) have clawbacks in {period.label}, which are calculated "
            f"deal by deal: give the Calculator the same transactions as the frame"
        )

    # 6. every participant's totals, then the plan's own line-writing code ------------------------
    qty_den = Decimal(QTY_SCALE * 100 * SPLIT_SCALE)
    by_person: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for pid, rsig, _mask, amount, qty, count, first in buckets.iter_rows():
        by_person[pid].append((role_sig_facts[rsig], first, amount, qty, count))
    memos: dict[str, dict[Any, Any]] = defaultdict(dict)
    people: dict[str, ParticipantResult] = {}
    for pid, person in plan.participants.items():
        if not person.active_in(period):
            continue
        if pid in exact:
            people[pid] = calc.participant(pid, period, as_of)
            continue
        quota_raw, quota_notes = person.quota_for(period)
        quota = quota_raw.quantize(currency_quantum(cur), rounding=ROUND_HALF_UP)
        aggregator = Aggregator(plan, person.role, quota, memos[person.role])
        totals = Totals()
        count_all = 0
        for facts, first, amount, qty, count in by_person.get(pid, ()):
            aggregator.add(
                totals, facts, first, Decimal(amount) * scale, Decimal(qty) / qty_den, count
            )
            count_all += count
        lines, spifs, _ = render_lines(plan, person, period, totals, quota)
        draw_lines, balance = calc._draw(plan, person, period, as_of, lines)
        people[pid] = ParticipantResult(
            participant=pid,
            name=person.name,
            role=person.role,
            period=period.label,
            start=period.start,
            end=period.end,
            as_of=as_of,
            quota=Money(quota, cur),
            attainment=Money(totals.attainment, cur),
            credits=count_all,
            lines=lines + draw_lines,
            spifs=spifs,
            draw_balance=balance,
            notes=[f"Quota prorated: {n}" for n in quota_notes],
        )
    return PeriodResult(plan.code, plan.version, period.label, as_of, False, people, warnings)
