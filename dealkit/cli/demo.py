"""``dealkit demo load`` and ``dealkit demo reset``: put the Northwind demo into a workspace.

``load`` fills an empty workspace (what the window does on first launch); ``reset`` backs up the
database and replaces everything in it with a fresh demo.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dealkit.cli.arguments import iso_date
from dealkit.cli.output import UserError, emit
from dealkit.engine.demo import DemoDataError
from dealkit.engine.demo.loader import DemoCounts, load_demo, reset_demo_counts
from dealkit.engine.demo.sources import DEMO_DIR
from dealkit.engine.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    demo = subparsers.add_parser(
        "demo", parents=[common], help="load or reset the Northwind Systems demo workspace"
    )
    actions = demo.add_subparsers(dest="demo_action", metavar="ACTION", required=True)
    for name, help_text in (
        ("load", "load the demo into an empty workspace (first launch)"),
        ("reset", "back up the workspace database, then restore the demo"),
    ):
        action = actions.add_parser(name, parents=[common], help=help_text)
        action.add_argument(
            "--anchor",
            type=iso_date,
            metavar="DATE",
            help="the day the demo's 12 months of history end on (default: today)",
        )
        action.add_argument(
            "--source",
            type=Path,
            default=DEMO_DIR,
            metavar="DIR",
            help="a demo data folder laid out like dealkit/resources/demo (default: the "
            "bundled Northwind demo); see docs/demo-data.md",
        )
        action.set_defaults(func=run)


def _describe(counts: DemoCounts, verb: str) -> str:
    lines = [
        f"{verb} the Northwind Systems demo as of {counts.anchor.isoformat()} "
        f"in {counts.seconds:.2f} s:",
        f"  {counts.users} users, {counts.customers} customers",
        f"  {counts.products} products in {counts.families} families, "
        f"{counts.price_books} price books ({counts.price_entries} prices)",
        f"  {counts.library_items} library items ({counts.library_thai} in Thai)",
        f"  {counts.quotes} quotes ({counts.won} won, {counts.lost} lost, {counts.open} open), "
        f"{counts.quote_lines} lines",
        f"  {counts.commission_transactions} commission credits, {counts.plans} commission plan(s)",
    ]
    if counts.backup:
        lines.append(f"The previous database was backed up to {counts.backup}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    ws = Workspace.open(args.workspace)
    try:
        if args.demo_action == "reset":
            counts = reset_demo_counts(ws, args.anchor, root=args.source)
            verb = "Reset"
        else:
            loaded = load_demo(ws, args.anchor, root=args.source)
            if loaded is None:
                raise UserError(
                    f"the workspace {ws.root} already holds data, so the demo was not loaded. "
                    f"Use 'dealkit demo reset' to replace it (a backup is made first), or "
                    f"--workspace DIR to load into another folder"
                )
            counts = loaded
            verb = "Loaded"
    except DemoDataError as error:
        raise UserError(f"the demo data is broken: {error}") from None
    finally:
        ws.close()
    emit(
        args,
        {"action": args.demo_action, "workspace": str(ws.root), **counts.to_json()},
        _describe(counts, verb),
    )
    return 0
