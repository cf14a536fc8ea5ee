"""``dealkit proposal --quote FILE.json|--number Q-... --out FILE.pdf [--lang th]``: write the
branded proposal PDF of a quote (docs/proposals.md).

The quote is priced and its terms assembled exactly as ``dealkit price`` and ``dealkit approvals
check`` do; any problem (an unknown product, a missing price) is listed with the line and the
field, and no file is written. The PDF is written to a temporary file in the output's folder and
renamed over the output only when complete, so a failed or interrupted run never leaves a
half-written proposal where the rep expects a finished one.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dealkit.cli.output import UserError, check_output_path, emit, write_file_atomically
from dealkit.cli.price import fail_with_problems, load_rules
from dealkit.engine.pricing.data_document import DocumentError
from dealkit.engine.pricing.errors import PricingError
from dealkit.engine.workspace import Workspace


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "proposal", parents=[common], help="write the branded proposal PDF of a quote"
    )
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--quote", type=Path, metavar="FILE", help="the quote, docs/quote-json.md")
    which.add_argument("--number", metavar="NUMBER", help="a quote saved in the workspace")
    parser.add_argument(
        "--version", type=int, metavar="N", help="with --number: the version (default: latest)"
    )
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    parser.add_argument(
        "--lang",
        choices=["en", "th"],
        default=None,
        help="language of the proposal's labels (default: the language of the quote's terms)",
    )
    parser.add_argument("--rules", type=Path, metavar="FILE", help="price rules YAML")
    parser.add_argument("--clauses", type=Path, metavar="FILE", help="clause library YAML")
    parser.add_argument(
        "--branding", type=Path, metavar="FILE", help="branding YAML (docs/proposals.md)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dealkit.engine.documents.branding import BrandingError, default_branding, load_branding
    from dealkit.engine.documents.proposal import render_proposal
    from dealkit.engine.quotes.json_format import load_quote_file
    from dealkit.engine.quotes.proposal import proposal_parts
    from dealkit.engine.quotes.store import load_quote
    from dealkit.engine.terms import load_library_file, standard_library

    if args.version is not None and args.number is None:
        raise UserError("--version needs --number (a file's version is inside the file)")
    out = check_output_path(args.out)
    try:
        branding = load_branding(args.branding) if args.branding else default_branding()
    except BrandingError as error:
        raise UserError(str(error)) from None
    try:
        library = load_library_file(args.clauses) if args.clauses else standard_library()
    except DocumentError as error:
        raise UserError(str(error)) from None
    workspace = Workspace.open(args.workspace)
    try:
        rules = load_rules(args, workspace)
        try:
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
                parts = proposal_parts(session, doc, rules, library)
        except PricingError as error:
            return fail_with_problems(args, error)
    finally:
        workspace.close()
    lang = args.lang or (doc.terms.language if doc.terms.language in ("en", "th") else "en")
    data = render_proposal(parts, lang, branding)
    write_file_atomically(out, data, "the proposal")
    from pypdf import PdfReader  # counts the pages of what was written, for the summary

    pages = len(PdfReader(out).pages)
    totals = parts.priced.totals
    result = {
        "out": str(out),
        "bytes": len(data),
        "pages": pages,
        "lang": lang,
        "quote": {"number": doc.number, "version": doc.version, "customer": doc.customer.name},
        "totals": totals.to_json(),
    }
    emit(
        args,
        result,
        f"Proposal for {doc.customer.name} ({doc.number or 'quote'} v{doc.version}, {lang}): "
        f"{pages} pages written to {out}",
    )
    return 0
