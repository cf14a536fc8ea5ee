"""``dealkit approvals check --quote FILE``: which approvals a quote needs, why, and in what
order; with ``--approved RECORD``, only what needs approving again since that approval.
``--number Q-2026-0042 [--version 3]`` checks a quote saved in the workspace instead of a file.
Both go through ``dealkit.engine.approvals.saved`` (the Approvals page's engine function too).

``dealkit approvals record --quote FILE --out RECORD.json --by manager`` writes the approval
record of a quote as it stands (what an approver's "approve" saves), for later re-checks.
The policy is Dealkit's default (docs/approvals-policy.md) unless ``--policy FILE`` is given;
the clause library likewise (``--clauses FILE``).
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from dealkit.cli.arguments import iso_date
from dealkit.cli.output import UserError, check_output_path, emit, write_file_atomically
from dealkit.cli.price import fail_with_problems, load_rules
from dealkit.engine.pricing.data_document import DocumentError
from dealkit.engine.pricing.errors import PricingError
from dealkit.engine.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "approvals", parents=[common], help="check which approvals a quote needs and why"
    )
    actions = parser.add_subparsers(dest="approvals_action", metavar="ACTION", required=True)
    check = actions.add_parser("check", parents=[common], help="the approvals a quote needs")
    record = actions.add_parser(
        "record", parents=[common], help="write the approval record of a quote as it stands"
    )
    for action in (check, record):
        which = action.add_mutually_exclusive_group(required=True)
        which.add_argument(
            "--quote", type=Path, metavar="FILE", help="the quote, see docs/quote-json.md"
        )
        which.add_argument(
            "--number", metavar="NUMBER", help="a quote saved in the workspace (Q-2026-0042)"
        )
        action.add_argument(
            "--version", type=int, metavar="N", help="with --number: the version (default: latest)"
        )
        action.add_argument(
            "--rules",
            type=Path,
            metavar="FILE",
            help="price rules YAML (docs/pricing.md)",
        )
        action.add_argument("--policy", type=Path, metavar="FILE", help="approvals policy YAML")
        action.add_argument("--clauses", type=Path, metavar="FILE", help="clause library YAML")
        action.set_defaults(func=run)
    check.add_argument(
        "--approved",
        type=Path,
        metavar="RECORD",
        help="an approval record (from 'approvals record'): show only what needs approving again",
    )
    record.add_argument("--out", type=Path, required=True, metavar="FILE")
    record.add_argument(
        "--by", default="manager", help="the approving roles, comma-separated (default: manager)"
    )
    record.add_argument("--on", type=iso_date, help="approval date (default: today)")


def run(args: argparse.Namespace) -> int:
    from dealkit.engine.approvals import ApprovalRecord, default_policy
    from dealkit.engine.approvals.policy import load_policy_file
    from dealkit.engine.approvals.saved import check_document
    from dealkit.engine.quotes.json_format import load_quote_file
    from dealkit.engine.quotes.store import load_quote
    from dealkit.engine.terms import load_library_file, standard_library

    if args.version is not None and args.number is None:
        raise UserError("--version needs --number (a file's version is inside the file)")
    try:
        policy = load_policy_file(args.policy) if args.policy else default_policy()
        library = load_library_file(args.clauses) if args.clauses else standard_library()
    except DocumentError as error:
        raise UserError(str(error)) from None
    workspace = Workspace.open(args.workspace)
    try:
        rules = load_rules(args, workspace)
        approved = None
        try:
            if args.approvals_action == "check" and args.approved:
                approved = ApprovalRecord.load(args.approved)
            with workspace.store.session() as session:
                if args.number:
                    try:
                        doc = load_quote(session, args.number, args.version)
                    except KeyError as error:
                        raise UserError(
                            f"{error.args[0]} in {workspace.root}: check the number on the "
                            "Quote page (numbers look like Q-2026-0042)"
                        ) from None
                else:
                    doc = load_quote_file(args.quote)
                result = check_document(session, doc, rules, policy, library, approved)
        except PricingError as error:
            return fail_with_problems(args, error)
    finally:
        workspace.close()

    if args.approvals_action == "record":
        roles = tuple(r.strip() for r in args.by.split(",") if r.strip())
        record = ApprovalRecord.of(
            result.evaluation, doc.number, doc.version, args.on or date.today(), roles
        )
        out = check_output_path(args.out, "approval.json")
        text = json.dumps(record.to_json(), indent=2) + "\n"
        write_file_atomically(out, text.encode("utf-8"), "the approval record")
        emit(args, record.to_json(), f"Approval record written to {args.out}")
        return 0
    data = {"quote": {"number": doc.number, "version": doc.version}, **result.to_json()}
    emit(args, data, _text)
    return 0


def _route(route: list[list[str]]) -> str:
    return " → ".join(" + ".join(step) for step in route) or "nobody"


def _text(data: dict[str, Any]) -> str:
    out = []
    since = data.get("since_approval")
    if since is not None:
        if not since["needs_reapproval"]:
            out.append("No re-approval needed: every change stays within what was approved.")
        for item in since["needed"]:
            out.append(f"Needs approval again: {item['reason']} ({item['why_again']})")
        for item in since["still_approved"]:
            out.append(f"Still approved: {item['reason']}")
        out.append(f"Route: {_route(since['route'])}")
        return "\n".join(out)
    if not data["needs_approval"]:
        return "No approval needed."
    out += [f"Needs approval: {item['reason']}" for item in data["requirements"]]
    out.append(f"Route: {_route(data['route'])}")
    return "\n".join(out)
