"""``dealkit commissions ...``: calculate a period, estimate a quote, show period to date.

* ``calc``      a period for every participant, from plan and CSV files (no workspace needed);
* ``estimate``  what a quote (docs/quote-json.md, priced from the workspace) adds to a rep's
  commission, under the workspace's plan or plan files;
* ``to-date``   a rep's period to date from the workspace (what the Commissions page shows).

Bad CSV rows are reported with their line and reason; the good rows are processed only with
``--skip-bad``, never silently.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from dealkit.cli.arguments import iso_date
from dealkit.cli.output import UserError, emit, to_json_text
from dealkit.cli.price import add_quote_options, fail_with_problems, load_rules
from dealkit.engine.commissions import (
    Calculator,
    CommissionError,
    DealEstimator,
    JsonLedger,
    MemoryLedger,
    ParticipantResult,
    PeriodResult,
    deal_estimator,
    load_plan_file,
    parse_period,
    period_to_date,
)
from dealkit.engine.commissions.csv_import import read_transactions_csv
from dealkit.engine.commissions.plan_loader import load_participants_file
from dealkit.engine.commissions.statement import render_statement_pdf
from dealkit.engine.commissions.store_source import finalize_store_period, statement_data
from dealkit.engine.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    top = subparsers.add_parser(
        "commissions", parents=[common], help="calculate commissions and estimate deals"
    )
    actions = top.add_subparsers(dest="commissions_action", metavar="ACTION", required=True)

    calc = actions.add_parser(
        "calc", parents=[common], help="calculate a period from a plan and a transactions CSV"
    )
    calc.add_argument(
        "--plan",
        type=Path,
        action="append",
        required=True,
        metavar="FILE",
        help="plan document (YAML); repeat for several versions of one plan",
    )
    calc.add_argument("--transactions", type=Path, required=True, metavar="FILE.csv")
    calc.add_argument("--period", required=True, metavar="PERIOD", help="e.g. 2026-Q1 or 2026-03")
    calc.add_argument(
        "--participants",
        type=Path,
        metavar="FILE",
        help="participants file (YAML) replacing the plan's participants",
    )
    calc.add_argument(
        "--skip-bad", action="store_true", help="process the good rows when some rows are rejected"
    )
    calc.add_argument("--as-of", type=iso_date, metavar="DATE", help="calculate to this day only")
    calc.add_argument("--participant", metavar="ID", help="show one participant, with traces")
    calc.add_argument(
        "--ledger",
        type=Path,
        metavar="DIR",
        help="folder of finalized periods (read, and written by --finalize)",
    )
    calc.add_argument(
        "--finalize",
        action="store_true",
        help="finalize the period into --ledger: it will never change again",
    )
    calc.set_defaults(func=run_calc)

    est = actions.add_parser(
        "estimate", parents=[common], help="what a quote adds to a rep's commission"
    )
    add_quote_options(est)  # --quote FILE.json (docs/quote-json.md) and --rules, as for price
    est.add_argument("--rep", required=True, metavar="ID", help="username or user id")
    est.add_argument("--as-of", type=iso_date, metavar="DATE", help="default: today")
    est.add_argument(
        "--close-on",
        type=iso_date,
        metavar="DATE",
        help="the day the deal would close (windows, SPIFs); default: the as-of day",
    )
    est.add_argument(
        "--what-if",
        type=_discount,
        action="append",
        default=[],
        metavar="PCT",
        help="also estimate with a further PCT%% off every line; repeatable",
    )
    est.add_argument(
        "--plan",
        type=Path,
        action="append",
        metavar="FILE",
        help="use plan files instead of the workspace's plan (prices still come from it)",
    )
    est.add_argument(
        "--transactions", type=Path, metavar="FILE.csv", help="the rep's history, with --plan"
    )
    est.set_defaults(func=run_estimate)

    st = actions.add_parser(
        "statement", parents=[common], help="a rep's statement for a period, as a PDF"
    )
    st.add_argument("--rep", required=True, metavar="ID", help="username or user id")
    st.add_argument("--period", required=True, metavar="PERIOD", help="e.g. 2026-Q3")
    st.add_argument(
        "--as-of",
        type=iso_date,
        metavar="DATE",
        help="for a running period: calculate to this day (default: today)",
    )
    st.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    st.set_defaults(func=run_statement)

    fin = actions.add_parser(
        "finalize", parents=[common], help="finalize a period of the workspace's plan for good"
    )
    fin.add_argument("--period", required=True, metavar="PERIOD", help="e.g. 2026-Q3")
    fin.add_argument("--plan-code", metavar="CODE", help="when the workspace has several plans")
    fin.set_defaults(func=run_finalize)

    ptd = actions.add_parser(
        "to-date", parents=[common], help="a rep's period to date from the workspace"
    )
    ptd.add_argument("--rep", metavar="ID", help="username or user id (default: the current user)")
    ptd.add_argument("--as-of", type=iso_date, metavar="DATE", help="default: today")
    ptd.set_defaults(func=run_to_date)


def _discount(text: str) -> Decimal:
    """A what-if discount in percent, exact: "10" or "7.5", from 0 to under 100."""
    try:
        value = Decimal(text)
    except ArithmeticError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number: write e.g. 10") from None
    if not value.is_finite() or not 0 <= value < 100:
        raise argparse.ArgumentTypeError(f"{text}: give a discount from 0 to under 100, e.g. 10")
    return value


def _today() -> date:
    return datetime.now(UTC).date()


Built = tuple[Calculator, list[dict[str, Any]], int]


def _calculator(
    plans: list[Path],
    transactions: Path | None,
    participants: Path | None,
    skip_bad: bool,
    args: argparse.Namespace,
) -> Built | int:
    """The calculator for plan files and a CSV, or exit status 2 after reporting bad rows."""
    loaded = [load_plan_file(p) for p in plans]
    if participants is not None:
        loaded = [load_participants_file(participants, p) for p in loaded]
    rejected: list[dict[str, Any]] = []
    txns = []
    if transactions is not None:
        csv = read_transactions_csv(transactions, loaded[-1])
        txns, rejected = csv.txns, csv.report()
        if rejected and not skip_bad:
            report = {
                "error": f"{transactions}: {len(rejected)} row(s) rejected; "
                f"{len(txns)} good row(s) not processed (pass --skip-bad to process them)",
                "file": str(transactions),
                "rejected": rejected,
                "accepted": len(txns),
            }
            if args.json:
                sys.stdout.write(to_json_text(report) + "\n")
            else:
                print(f"dealkit commissions: {report['error']}", file=sys.stderr)
                for r in rejected:
                    print(f"  {transactions}:{r['line']}: {r['reason']}", file=sys.stderr)
            return 2
    return Calculator(loaded, txns), rejected, len(txns)


def run_calc(args: argparse.Namespace) -> int:
    try:
        period = parse_period(args.period)
        built = _calculator(args.plan, args.transactions, args.participants, args.skip_bad, args)
        if isinstance(built, int):
            return built
        calc, rejected, accepted = built
        if args.ledger is not None:
            calc.ledger = JsonLedger(args.ledger)
        elif args.finalize:
            raise UserError(
                "--finalize needs --ledger DIR: the folder that keeps finalized periods"
            )
        else:
            calc.ledger = MemoryLedger()
        result = calc.finalize(period) if args.finalize else calc.period(period, args.as_of)
    except CommissionError as error:
        raise UserError(str(error)) from None
    if args.participant and args.participant not in result.participants:
        raise UserError(f"'{args.participant}' has no result in {period.label}: check the id")
    data: dict[str, Any] = result.to_json()
    data["transactions"] = {"accepted": accepted, "rejected": rejected}
    if args.participant:
        data["participants"] = [result.participants[args.participant].to_json()]
    emit(args, data, lambda _: _calc_text(result, args.participant, rejected))
    return 0


def _calc_text(result: PeriodResult, one: str | None, rejected: list[dict[str, Any]]) -> str:
    state = "finalized" if result.finalized else f"to {result.as_of}"
    out = [f"Plan {result.plan_code} v{result.plan_version}, {result.period} ({state})"]
    if one:
        out += _person_text(result.participants[one])
    else:
        out.append(
            f"{'participant':<22}{'quota':>16}{'attained':>16}{'%':>8}{'earnings':>14}"
            f"{'payout':>14}"
        )
        for p in result.participants.values():
            out.append(
                f"{p.name[:21]:<22}{p.quota.format():>16}{p.attainment.format():>16}"
                f"{p.attainment_pct!s:>8}{p.earnings.format():>14}{p.payout.format():>14}"
            )
    for w in result.warnings:
        out.append(f"warning: {w}")
    if rejected:
        out.append(f"{len(rejected)} row(s) were rejected and skipped:")
        out += [f"  line {r['line']}: {r['reason']}" for r in rejected]
    return "\n".join(out)


def _person_text(p: ParticipantResult) -> list[str]:
    out = [
        f"{p.name} ({p.role}): quota {p.quota.format()}, attained {p.attainment.format()} "
        f"({p.attainment_pct}%)",
    ]
    for line in p.lines:
        out.append(f"  {line.label:<40}{line.amount.format():>16}")
        out += [f"      {t}" for t in line.trace]
    for s in p.spifs:
        out.append(f"  SPIF: {s.text}")
    out.append(f"  {'Earnings':<40}{p.earnings.format():>16}")
    out.append(f"  {'Payout':<40}{p.payout.format():>16}")
    return out


def run_estimate(args: argparse.Namespace) -> int:
    """Price the quote JSON from the workspace (as ``dealkit price``) and estimate it."""
    from dealkit.engine.commissions.quote_file import quote_deal
    from dealkit.engine.pricing.errors import PricingError
    from dealkit.engine.quotes.json_format import load_quote_file

    as_of = args.as_of or _today()
    ws = Workspace.open(args.workspace)
    try:
        rules = load_rules(args, ws)
        with ws.store.session() as session:
            try:
                doc = load_quote_file(args.quote)
                deal = quote_deal(session, doc, rules, args.close_on)
            except PricingError as error:
                return fail_with_problems(args, error)
            if args.plan:
                built = _calculator(args.plan, args.transactions, None, False, args)
                if isinstance(built, int):
                    return built
                estimator = DealEstimator(built[0], args.rep, as_of)
            else:
                estimator = deal_estimator(session, args.rep, as_of)
        estimate = estimator.estimate(deal.lines, deal.facts, args.what_if)
    except CommissionError as error:
        raise UserError(str(error)) from None
    finally:
        ws.close()

    def text(_: Any) -> str:
        out = [
            f"{estimate.summary}",
            f"{estimate.participant}, {estimate.period}: attainment "
            f"{estimate.attainment_before.format()} -> {estimate.attainment_after.format()} "
            f"of {estimate.quota.format()}",
        ]
        for c in estimate.components:
            if c.amount or c.explanation:
                out.append(f"  {c.label:<40}{c.amount.format():>14}")
                out += [f"      {e}" for e in c.explanation]
        out += [f"  SPIF: {s}" for s in estimate.spif_changes]
        out += [f"  {w.text}" for w in estimate.what_if]
        out += [f"  note: {n}" for n in estimate.notes]
        return "\n".join(out)

    emit(args, estimate.to_json(), text)
    return 0


def run_to_date(args: argparse.Namespace) -> int:
    as_of = args.as_of or _today()
    ws = Workspace.open(args.workspace)
    try:
        rep = args.rep or ws.info("current_user_id")
        if rep is None:
            raise UserError("no --rep given and the workspace has no current user")
        with ws.store.session() as session:
            ptd = period_to_date(session, rep, as_of)
    except CommissionError as error:
        raise UserError(str(error)) from None
    finally:
        ws.close()

    def text(_: Any) -> str:
        out = [
            f"{ptd.name}, {ptd.plan_name}, {ptd.period} to {ptd.as_of}",
            f"  quota {ptd.quota.format()}, attained {ptd.attainment.format()} "
            f"({ptd.attainment_pct}%); {ptd.pace_text}",
        ]
        for line in ptd.lines:
            out.append(f"  {line.label:<40}{line.amount.format():>16}")
            out += [f"      {t}" for t in line.trace]
        out += [f"  SPIF: {s}" for s in ptd.spif_progress]
        out.append(f"  {'Earnings to date':<40}{ptd.earnings.format():>16}")
        return "\n".join(out)

    emit(args, ptd.to_json(), text)
    return 0


def run_statement(args: argparse.Namespace) -> int:
    ws = Workspace.open(args.workspace)
    try:
        with ws.store.session() as session:
            data = statement_data(session, args.rep, args.period, args.as_of or _today())
    except CommissionError as error:
        raise UserError(str(error)) from None
    finally:
        ws.close()
    pdf = render_statement_pdf(data.result, data.plan_name, data.details)
    try:
        args.out.write_bytes(pdf)
    except OSError as error:
        raise UserError(f"cannot write {args.out} ({error.strerror})") from None
    result = data.result
    emit(
        args,
        {"out": str(args.out), "bytes": len(pdf), "statement": result.to_json()},
        f"Wrote {args.out}: {result.name}, {result.period}, payout {result.payout.format()}",
    )
    return 0


def run_finalize(args: argparse.Namespace) -> int:
    ws = Workspace.open(args.workspace)
    try:
        with ws.store.session() as session:
            result = finalize_store_period(session, args.period, args.plan_code)
    except CommissionError as error:
        raise UserError(str(error)) from None
    finally:
        ws.close()
    total = sum((p.payout.amount for p in result.participants.values()), Decimal(0))
    emit(
        args,
        result.to_json(),
        f"Finalized {result.plan_code} {result.period}: {len(result.participants)} participants, "
        f"payouts {total:,.2f}; it will not change again",
    )
    return 0
