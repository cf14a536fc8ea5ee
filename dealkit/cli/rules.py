"""``dealkit rules check FILE``: lint a product model, each finding at file:line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from dealkit.cli.output import emit


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("rules", parents=[common], help="check product model rules")
    sub = parser.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    check = sub.add_parser(
        "check",
        parents=[common],
        help="lint a product model file",
        description="Report unknown names, options that can never be chosen, "
        "rules that never bite and conflicting defaults, each with file:line.",
    )
    check.add_argument("file", type=Path, metavar="FILE")
    check.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    from dealkit.engine.configurator.lint import check_model  # heavy: numpy, CUDD, SAT

    findings = check_model(args.file)
    emit(
        args,
        {"file": str(args.file), "ok": not findings, "findings": findings},
        lambda d: "\n".join(str(f) for f in findings) or f"{args.file}: no findings",
    )
    return 1 if findings else 0
