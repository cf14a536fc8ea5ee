"""Entry point. ``dealkit`` alone opens the window; ``dealkit COMMAND ... [--json]`` runs headless.

Each subcommand lives in its own module under ``dealkit/cli/`` with a
``register(subparsers, common)`` function; list it in ``COMMANDS`` to expose it. Only the module
of the command being run is imported, so opening the window does not pay for the imports of
every headless command (the configurator's solvers, reportlab, the server ...).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from dealkit import __version__
from dealkit.cli.output import UserError, to_json_text
from dealkit.engine.store.errors import WorkspaceError

COMMANDS = {
    "demo": "load or reset the demo workspace",
    "library": "search, import, suggest and reindex the library",
    "configure": "configure a product under its rules",
    "rules": "check a product model for mistakes",
    "price": "price a quote and show each line's waterfall",
    "approvals": "check which approvals a quote needs",
    "proposal": "write the branded proposal PDF of a quote",
    "commissions": "calculate commissions, estimate a deal, print statements",
    "selftest": "open the window off-screen, visit every page, save screenshots",
    "server": "run the shared Dealkit server (HTTP API)",
    "sync": "sync the workspace with the shared server",
}


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


def _top_parser(common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    listing = "\n".join(f"  {name:<12} {text}" for name, text in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog="dealkit",
        description="Dealkit: quotes, library and commissions, offline. "
        "Run without a command to open the window.",
        epilog=f"commands:\n{listing}\n\n'dealkit COMMAND --help' describes one command.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"dealkit {__version__}")
    parser.add_argument("--lang", choices=["en", "th"], help="interface language for the window")
    return parser


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full parser; with ``only``, just that command's module is imported and registered."""
    common = common_options()
    parser = _top_parser(common)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in [only] if only else COMMANDS:
        importlib.import_module(f"dealkit.cli.{name}").register(subparsers, common)
    return parser


def _command_name(argv: list[str]) -> str | None:
    """The command named in ``argv`` (None: open the window), found without importing any."""
    probe = _top_parser(common_options())
    probe.add_argument("command", nargs="?", choices=list(COMMANDS), metavar="COMMAND")
    probe.add_argument("rest", nargs=argparse.REMAINDER)
    return probe.parse_args(argv).command


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = _command_name(argv)
    args = build_parser(only=command).parse_args(argv) if command else _window_args(argv)
    args.workspace = getattr(args, "workspace", None)
    args.json = getattr(args, "json", False)
    if command is None:
        from dealkit.desktop.app import run_window

        return run_window(args)
    try:
        return int(args.func(args) or 0)
    except (UserError, WorkspaceError) as error:
        if args.json:
            sys.stdout.write(to_json_text({"error": str(error)}) + "\n")
        print(f"dealkit {command}: {error}", file=sys.stderr)
        return 2


def _window_args(argv: list[str]) -> argparse.Namespace:
    args = _top_parser(common_options()).parse_args(argv)
    args.command = None
    return args
