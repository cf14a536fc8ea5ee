"""Repricing speed: a 1,000-line quote in full, and one edited line, against naive baselines.

    python bench/pricing.py [--lines 1000] [--edits 300] [--json]

The quote is built over a real SQLite workspace (a synthetic catalog of 200 products in six
families, priced in USD) with volume schedules (a slab schedule aggregated over the network
family, a range schedule aggregated per product, an amount-based schedule per line), bundles
with options (servers at a fixed price with an included option, plus extra options), contracted
prices, subscriptions and a quote-level discount.

Figures (milliseconds: minimum, median and 95th percentile; the load average is printed too,
because on a shared machine the minimum is the figure least disturbed by other work):

* ``full``: ``Repricer.price`` of every line from the in-memory catalog;
* ``full_with_waterfalls``: the same plus every line's explained waterfall (what
  ``dealkit price --json`` prints);
* ``edit_*``: ``Repricer.update`` of one line after a quantity change, in three cases: a line
  outside any volume group with a quote-level percent; the same with a quote-level *amount*
  (every counted line's share of it moves, so the cheap finishing step runs for all lines); a
  line inside the aggregated network family (every line of the family is re-discounted);
* baselines in the same run: ``naive_edit`` reprices the whole quote for one edit (what an
  engine without incremental repricing does), and ``naive_full_from_store`` re-reads the
  catalog from SQLite before pricing (what an engine without an in-memory catalog does).

* ``proposal_pdf``: a proposal PDF of the first ``--proposal-lines`` (200) lines, from pricing
  and assembling the terms to the finished bytes (``dealkit proposal`` without the file write);
  ``proposal_render_only`` is the layout of the already-priced quote; the baseline
  ``naive_plain_table_pdf`` writes the same lines as one plain Markdown table through the
  library's generic ``render_pdf`` (no branding, options, configuration or "Page N of M").

Targets (issue 4): full under 50 ms; one edited line under 5 ms; a 200-line proposal under 2 s.
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
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dealkit.engine.pricing import (
    GroupSpec,
    LineInput,
    OptionPick,
    QuoteTerms,
    Repricer,
    load_catalog,
    waterfall,
)
from dealkit.engine.pricing.rules_file import parse_rules
from dealkit.engine.store.models import (
    PriceBook,
    PriceBookEntry,
    Product,
    ProductFamily,
    ProductKind,
)
from dealkit.engine.workspace import Workspace

TARGET_FULL_MS = 50.0
TARGET_EDIT_MS = 5.0
TARGET_PROPOSAL_MS = 2000.0
DAY = date(2026, 11, 27)
FAMILIES = {"SRV": 30, "STO": 30, "NET": 40, "SUB": 30, "SVC": 30, "ACC": 40}

RULES = """
schedules:
  - {code: net-slab, method: slab, basis: quantity, aggregate: family, families: [NET],
     tiers: [{from: 1, discount_percent: 0}, {from: 21, discount_percent: 5},
             {from: 101, discount_percent: 10}, {from: 501, discount_percent: 15}]}
  - {code: sto-range, method: range, basis: quantity, aggregate: product, families: [STO],
     tiers: [{from: 1, discount_percent: 0}, {from: 5, discount_percent: 4},
             {from: 20, discount_percent: 8}]}
  - {code: srv-amount, method: range, basis: amount, currency: USD, families: [SRV],
     tiers: [{from: 0, discount_percent: 0}, {from: 50000, discount_percent: 3},
             {from: 250000, discount_percent: 6}]}
  - {code: svc-slab, method: slab, basis: quantity, families: [SVC],
     tiers: [{from: 1, discount_percent: 0}, {from: 11, discount_percent: 10}]}
bundles:
"""


def build_workspace(root: Path) -> Workspace:
    workspace = Workspace.open(root)
    with workspace.store.session() as session, session.begin():
        book = PriceBook(name="USD List 2026", currency="USD", effective_from=date(2026, 1, 1))
        session.add(book)
        for code, count in FAMILIES.items():
            family = ProductFamily(code=code, name=code)
            session.add(family)
            session.flush()
            for index in range(count):
                recurring = code == "SUB"
                product = Product(
                    sku=f"{code}-{index:03d}",
                    name=f"{code} product {index}",
                    family_id=family.id,
                    kind=ProductKind.SUBSCRIPTION if recurring else ProductKind.HARDWARE,
                    recurring=recurring,
                    default_term_months=12 if recurring else None,
                )
                session.add(product)
                session.flush()
                price = Decimal(100 + (index * 137) % 9000) + Decimal("0.99")
                session.add(
                    PriceBookEntry(
                        price_book_id=book.id,
                        product_id=product.id,
                        list_price=price,
                        unit_cost=(price * Decimal("0.62")).quantize(Decimal("0.01")),
                    )
                )
    return workspace


def rules_text() -> str:
    bundles = [
        f"  - {{sku: SRV-{i:03d}, pricing: fixed, included: [ACC-{i % 40:03d}]}}"
        for i in range(0, 30, 2)
    ]
    contracts = [
        f'  - {{customer: Bench Customer, sku: STO-{i:03d}, prices: {{USD: "{500 + i}.00"}}}}'
        for i in range(0, 30, 5)
    ]
    return RULES + "\n".join(bundles) + "\ncontracted_prices:\n" + "\n".join(contracts) + "\n"


def build_lines(count: int, rng: random.Random) -> list[LineInput]:
    lines = []
    families = list(FAMILIES)
    for index in range(count):
        family = families[index % len(families)]
        sku = f"{family}-{rng.randrange(FAMILIES[family]):03d}"
        options: tuple[OptionPick, ...] = ()
        if family == "SRV":
            options = tuple(
                OptionPick(f"ACC-{rng.randrange(40):03d}", Decimal(rng.randint(1, 4)))
                for _ in range(rng.randint(1, 3))
            )
        lines.append(
            LineInput(
                id=f"L{index + 1}",
                sku=sku,
                quantity=Decimal(rng.randint(1, 30)),
                options=options,
                discount_percent=Decimal(rng.choice([0, 0, 2, 5, 7.5, 10]).__str__()),
                discount_amount=Decimal(rng.choice([0, 0, 0, 10])),
                group=rng.choice(["", "Core", "Option A", "Option B"]),
                term_months=rng.choice([12, 24, 36]) if family == "SUB" else None,
            )
        )
    return lines


def proposal_figures(
    workspace: Workspace, rules: object, lines: list[LineInput], count: int
) -> dict[str, dict[str, float]]:
    """Time a ``count``-line proposal PDF against the plain generic PDF of the same lines."""
    from dealkit.engine.documents.blocks import Span, Table
    from dealkit.engine.documents.document_info import DocumentInfo
    from dealkit.engine.documents.pdf_writer import render_pdf
    from dealkit.engine.documents.proposal import render_proposal
    from dealkit.engine.quotes.document import (
        CustomerRef,
        GroupDoc,
        QuoteDocument,
        QuoteLineDoc,
        Subscription,
    )
    from dealkit.engine.quotes.proposal import proposal_parts

    doc = QuoteDocument(
        customer=CustomerRef("Bench Customer"),
        currency="USD",
        date=DAY,
        number="Q-2026-0200",
        name="Bench: a 200-line refresh",
        discount_amount=Decimal("25000"),
        groups=(
            GroupDoc("Core"),
            GroupDoc("Option A", alternative="storage"),
            GroupDoc("Option B", alternative="storage"),
        ),
        lines=tuple(
            QuoteLineDoc(
                id=line.id,
                sku=line.sku,
                quantity=line.quantity,
                options=line.options,
                discount_percent=line.discount_percent,
                discount_amount=line.discount_amount,
                group=line.group,
                subscription=Subscription(term_months=line.term_months)
                if line.term_months
                else None,
            )
            for line in lines[:count]
        ),
    )

    def full() -> bytes:
        with workspace.store.session() as session:
            parts = proposal_parts(session, doc, rules)  # type: ignore[arg-type]
        return render_proposal(parts)

    with workspace.store.session() as session:
        parts = proposal_parts(session, doc, rules)  # type: ignore[arg-type]
    table = Table(
        [[Span(h)] for h in ("SKU", "Description", "Qty", "List", "Net")],
        [
            [
                [Span(lp.sku)],
                [Span(lp.listed.item.name)],
                [Span(str(lp.listed.line.quantity))],
                [Span(str(lp.list_total))],
                [Span(str(lp.net))],
            ]
            for lp in parts.priced.lines
        ],
    )
    info = DocumentInfo(title="Bench quote")
    full()  # warm up fonts and caches
    return {
        "proposal_pdf": summary(timed(full, 3)),
        "proposal_render_only": summary(timed(lambda: render_proposal(parts), 3)),
        "naive_plain_table_pdf": summary(timed(lambda: render_pdf(info, [table]), 3)),
    }


def timed(func: Callable[[], object], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "min_ms": round(ordered[0], 3),
        "median_ms": round(statistics.median(ordered), 3),
        "p95_ms": round(p95, 3),
        "runs": len(ordered),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=300)
    parser.add_argument("--proposal-lines", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    rng = random.Random(4)
    with tempfile.TemporaryDirectory() as tmp:
        workspace = build_workspace(Path(tmp) / "ws")
        rules = parse_rules(rules_text(), "bench rules")
        with workspace.store.session() as session:
            catalog = load_catalog(session, "USD", DAY)
        lines = build_lines(args.lines, rng)
        groups = (
            GroupSpec("Core"),
            GroupSpec("Option A", alternative="storage"),
            GroupSpec("Option B", alternative="storage"),
        )
        base_terms = QuoteTerms(
            "USD",
            DAY,
            customer_keys=("Bench Customer",),
            partner_percent=Decimal(5),
            groups=groups,
        )
        percent_terms = replace(base_terms, discount_percent=Decimal("2.5"))
        amount_terms = replace(base_terms, discount_amount=Decimal("25000"))

        results: dict[str, object] = {"lines": args.lines, "products": sum(FAMILIES.values())}
        repricer = Repricer(catalog, rules, amount_terms)
        repricer.price(lines)  # warm up
        results["full"] = summary(timed(lambda: repricer.price(lines), 15))

        def full_with_waterfalls() -> None:
            priced = repricer.price(lines)
            for lp in priced.lines:
                waterfall(lp, "USD")

        results["full_with_waterfalls"] = summary(timed(full_with_waterfalls, 7))

        def naive_full_from_store() -> None:
            with workspace.store.session() as session:
                fresh = load_catalog(session, "USD", DAY)
            Repricer(fresh, rules, amount_terms).price(lines)

        results["naive_full_from_store"] = summary(timed(naive_full_from_store, 7))

        def edit_case(terms: QuoteTerms, pick: Callable[[LineInput], bool]) -> dict[str, float]:
            rp = Repricer(catalog, rules, terms)
            rp.price(lines)
            candidates = [line for line in lines if pick(line)]
            samples = []
            for _ in range(args.edits):
                target = rng.choice(candidates)
                edited = replace(target, quantity=Decimal(rng.randint(1, 30)))
                start = time.perf_counter()
                rp.update(edited)
                samples.append((time.perf_counter() - start) * 1000)
            return summary(samples)

        outside = lambda line: line.sku.split("-")[0] in ("SVC", "SRV", "SUB")  # noqa: E731
        results["edit_outside_group_quote_percent"] = edit_case(percent_terms, outside)
        results["edit_outside_group_quote_amount"] = edit_case(amount_terms, outside)
        in_net = lambda line: line.sku.startswith("NET-")  # noqa: E731
        results["edit_in_aggregated_family_quote_percent"] = edit_case(percent_terms, in_net)
        results["net_family_lines"] = sum(1 for line in lines if in_net(line))

        naive = Repricer(catalog, rules, amount_terms)

        def naive_edit() -> None:
            target = rng.choice(lines)
            edited = replace(target, quantity=Decimal(rng.randint(1, 30)))
            naive.price([edited if line.id == edited.id else line for line in lines])

        results["naive_edit"] = summary(timed(naive_edit, 15))
        results["proposal_lines"] = min(args.proposal_lines, len(lines))
        results.update(proposal_figures(workspace, rules, lines, args.proposal_lines))
        workspace.close()

    results["targets_ms"] = {
        "full": TARGET_FULL_MS,
        "edit": TARGET_EDIT_MS,
        "proposal": TARGET_PROPOSAL_MS,
    }
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    results["load_average_1min"] = round(load, 2)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(
        f"{args.lines}-line quote over {results['products']} products (min / median / p95, ms; "
        f"load average {load:.1f} on {os.cpu_count()} CPUs)"
    )
    rows = [
        ("full reprice", "full", TARGET_FULL_MS),
        ("full reprice + every waterfall", "full_with_waterfalls", None),
        ("baseline: full reprice re-reading the store", "naive_full_from_store", None),
        ("edit 1 line, quote % discount", "edit_outside_group_quote_percent", TARGET_EDIT_MS),
        ("edit 1 line, quote amount discount", "edit_outside_group_quote_amount", TARGET_EDIT_MS),
        (
            f"edit 1 line in the aggregated family ({results['net_family_lines']} lines)",
            "edit_in_aggregated_family_quote_percent",
            TARGET_EDIT_MS,
        ),
        ("baseline: edit 1 line by repricing all", "naive_edit", None),
        (
            f"{results['proposal_lines']}-line proposal PDF (price, terms, layout)",
            "proposal_pdf",
            TARGET_PROPOSAL_MS,
        ),
        ("  of which the layout of the priced quote", "proposal_render_only", None),
        ("baseline: the same lines as one plain table PDF", "naive_plain_table_pdf", None),
    ]
    for label, key, target in rows:
        figure = results[key]
        verdict = ""
        if target is not None:
            verdict = "  ok" if figure["median_ms"] < target else f"  OVER {target} ms"
        print(
            f"  {label:<58} {figure['min_ms']:8.3f} {figure['median_ms']:8.3f} "
            f"{figure['p95_ms']:8.3f}{verdict}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
