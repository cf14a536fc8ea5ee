"""Entry point. ``dealkit`` alone opens the window; ``dealkit COMMAND ... [--json]`` runs headless.

Each subcommand lives in its own module under ``dealkit/cli/`` with a ``register(subparsers)``
function; add the module's name to ``COMMANDS`` to expose it.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from dealkit import __version__
from dealkit.cli.output import UserError, to_json_text
from dealkit.engine.store.errors import WorkspaceError

COMMANDS = ["demo", "server"]


def common_options() -> argparse.ArgumentParser:
    """Options every subcommand accepts (also accepted before the subcommand)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--workspace",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="DIR",
        help="workspace folder (default: the platform's user data folder)",
    )
    parent.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")
    return parent


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="dealkit",
        description="Dealkit: quotes, library and commissions, offline. "
        "Run without a command to open the window.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"dealkit {__version__}")
    parser.add_argument("--lang", choices=["en", "th"], help="interface language for the window")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"dealkit.cli.{name}")
        module.register(subparsers, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.workspace = getattr(args, "workspace", None)
    args.json = getattr(args, "json", False)
    if args.command is None:
        from dealkit.desktop.app import run_window

        return run_window(args)
    try:
        return int(args.func(args) or 0)
    except (UserError, WorkspaceError) as error:
        if args.json:
            sys.stdout.write(to_json_text({"error": str(error)}) + "\n")
        print(f"dealkit {args.command}: {error}", file=sys.stderr)
        return 2
