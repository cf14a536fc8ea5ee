"""``dealkit price --quote FILE.json``: price a quote document and show every line's waterfall.

The quote format is docs/quote-json.md; price rules (schedules, blocks, bundles, contracted
prices) come from ``--rules FILE.yaml`` (docs/pricing.md), or, in a demo workspace, from the
demo's rules file when it has one. Prices come from the workspace's price books.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from dealkit.cli.output import UserError, emit, to_json_text
from dealkit.engine.pricing.data_document import DocumentError
from dealkit.engine.pricing.errors import PricingError
from dealkit.engine.pricing.rules import PriceRules
from dealkit.engine.pricing.rules_file import load_rules_file
from dealkit.engine.workspace import Workspace

DEMO_RULES_NAME = "price-rules.yaml"


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "price",
        parents=[common],
        help="price a quote (JSON) and print each line's waterfall and the totals",
    )
    add_quote_options(parser)
    parser.set_defaults(func=run)


def add_quote_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--quote",
        type=Path,
        required=True,
        metavar="FILE",
        help="the quote, see docs/quote-json.md",
    )
    parser.add_argument(
        "--rules",
        type=Path,
        metavar="FILE",
        help="price rules YAML (schedules, blocks, bundles, contracted prices; docs/pricing.md)",
    )


def load_rules(args: argparse.Namespace, workspace: Workspace) -> PriceRules:
    """``--rules`` if given; else the demo's rules in a demo workspace; else no rules."""
    path = args.rules
    if path is None and workspace.info("demo_anchor"):
        from dealkit.engine.demo.sources import DEMO_DIR

        candidate = DEMO_DIR / DEMO_RULES_NAME
        path = candidate if candidate.is_file() else None
    if path is None:
        return PriceRules()
    try:
        return load_rules_file(path)
    except DocumentError as error:
        raise UserError(f"the price rules cannot be used:\n{error}") from None


def fail_with_problems(args: argparse.Namespace, error: PricingError) -> int:
    """Print every problem (JSON with --json) and return the user-error status."""
    if args.json:
        sys.stdout.write(
            to_json_text({"error": str(error), "problems": [p.to_json() for p in error.problems]})
            + "\n"
        )
    for problem in error.problems:
        print(f"dealkit {args.command}: {problem}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from dealkit.engine.quotes.json_format import load_quote_file
    from dealkit.engine.quotes.pricing import load_quote_catalog, price_document, priced_to_data

    workspace = Workspace.open(args.workspace)
    try:
        rules = load_rules(args, workspace)
        try:
            doc = load_quote_file(args.quote)
            with workspace.store.session() as session:
                catalog, facts = load_quote_catalog(session, doc)
            _, priced = price_document(doc, catalog, rules, facts)
        except PricingError as error:
            return fail_with_problems(args, error)
    finally:
        workspace.close()
    data = priced_to_data(doc, priced)
    emit(args, data, _text)
    return 0


def _text(data: dict[str, Any]) -> str:
    quote = data["quote"]
    currency = quote["currency"]
    out = [
        f"{quote['number'] or 'Quote'} v{quote['version']} for {quote['customer']}, "
        f"{quote['date']}, in {currency}",
        "",
    ]
    for line in data["lines"]:
        counted = "" if line["counted"] else "  (alternative, not in the total)"
        out.append(
            f"{line['position']:>3}. {line['sku']} x {line['quantity']}  list {line['list']}  "
            f"net {line['net']}  ({line['discount_percent']}% off, margin "
            f"{line['margin_percent']}%){counted}"
        )
        for step in line["waterfall"]:
            out.append(f"       {step['label']:<20} {step['amount']:>14}  {step['explanation']}")
    totals = data["totals"]
    out += [
        "",
        f"List {totals['list']}  discount {totals['discount']} ({totals['discount_percent']}%)  "
        f"net {totals['net']} {currency}",
        f"One-time {totals['one_time']}  recurring {totals['recurring']}  "
        f"(MRR {totals['mrr']}, ARR {totals['arr']})  TCV {totals['tcv']}",
        f"Cost {totals['cost']}  margin {totals['margin']} ({totals['margin_percent']}%)",
    ]
    for alternative in data["alternatives"]:
        chosen = " (selected)" if alternative["selected"] else ""
        out.append(
            f"{alternative['alternative']}: {alternative['group']}{chosen} "
            f"{alternative['totals']['net']}, quote with it "
            f"{alternative['quote_totals_with_this_option']['net']}"
        )
    return "\n".join(out)
