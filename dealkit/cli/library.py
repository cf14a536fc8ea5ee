"""``dealkit library search|facets|reindex|import|suggest``: the library from the command line.

``import`` and ``suggest`` are described in docs/library-import.md, the rest in docs/search.md.

``search`` brings the index up to date with the workspace first (a no-op when it is), so a
script always searches what the store holds.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from typing import Any

from dealkit.cli.arguments import iso_date
from dealkit.cli.output import UserError, emit
from dealkit.engine.workspace import Workspace
from dealkit.index import schema
from dealkit.index.hits import SearchHit
from dealkit.index.library import IndexBusyError, LibraryIndex

_BOLD = re.compile(r"<b>(.*?)</b>", re.DOTALL)


def _facet(value: str) -> tuple[str, str]:
    name, equals, wanted = value.partition("=")
    facet = schema.canonical_facet(name)
    if not equals or not wanted.strip():
        raise argparse.ArgumentTypeError(
            f"{value!r} is not NAME=VALUE: write e.g. --facet kind=battlecard"
        )
    if facet is None:
        raise argparse.ArgumentTypeError(
            f"unknown facet {name!r} in {value!r}; use one of {', '.join(schema.FACETS)} "
            f"(e.g. --facet product=NET-SPINE-64)"
        )
    return facet, wanted.strip()


MAX_LIMIT = 10_000


def _positive(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a whole number from 1 to {MAX_LIMIT:,}, e.g. 20"
        )
    return int(value)


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    library = subparsers.add_parser(
        "library",
        parents=[common],
        help="search the library, import files, suggest material for a quote, rebuild the index",
    )
    actions = library.add_subparsers(dest="library_action", metavar="ACTION", required=True)

    filters = argparse.ArgumentParser(add_help=False)
    filters.add_argument(
        "--facet",
        type=_facet,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="only items with this facet value (repeatable; one facet given twice means either):"
        f" {', '.join(schema.FACETS)}",
    )
    filters.add_argument("--lang", choices=["en", "th"], help="only items in this language")
    filters.add_argument(
        "--all",
        dest="include_hidden",
        action="store_true",
        help="include archived, draft, expired and not yet published items",
    )
    filters.add_argument(
        "--as-of",
        type=iso_date,
        metavar="DATE",
        help="decide expiry on this day (default: today)",
    )

    search = actions.add_parser(
        "search",
        parents=[common, filters],
        help="search the library (syntax: docs/search.md)",
        description='Query syntax: words (all must match), "a phrase", a OR b, -word, serv*, '
        "kind:battlecard, lang:th. See docs/search.md.",
    )
    search.add_argument("query", help='what to look for, e.g. "spine pricing"')
    search.add_argument("--limit", type=_positive, default=20, metavar="N", help="at most N hits")
    search.set_defaults(func=run_search)

    facets = actions.add_parser(
        "facets", parents=[common, filters], help="count matching items per facet value"
    )
    facets.add_argument("query", nargs="?", default="", help="optional query, as for search")
    facets.set_defaults(func=run_facets)

    reindex = actions.add_parser(
        "reindex", parents=[common], help="rebuild the search index from the workspace"
    )
    reindex.set_defaults(func=run_reindex)

    imports = actions.add_parser(
        "import",
        parents=[common],
        help="import files (PDF, DOCX, PPTX, Markdown, HTML, text) into the library",
        description="Each file (or each file in a folder) becomes a library item with its text "
        "extracted page by page. Items are drafts unless --publish. See docs/library-import.md.",
    )
    imports.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to import")
    imports.add_argument(
        "--type",
        dest="kind",
        default="collateral",
        metavar="T",
        help="training, collateral (datasheet), battlecard, market_note, customer_story "
        "(case_study) or policy; default collateral",
    )
    for flag, what in (
        ("--product", "a product SKU or family code"),
        ("--competitor", "a competitor's name"),
        ("--industry", "an industry"),
        ("--region", "a region (north_america, apac, ...)"),
    ):
        imports.add_argument(
            flag, action="append", default=[], metavar="V", help=f"{what} (repeatable)"
        )
    imports.add_argument(
        "--lang", choices=["en", "th"], help="the language (default: guessed from the text)"
    )
    imports.add_argument("--title", help="the title (default: the document's own, or its name)")
    imports.add_argument(
        "--publish", action="store_true", help="publish now (default: save as draft)"
    )
    imports.set_defaults(func=run_import)

    suggest = actions.add_parser(
        "suggest",
        parents=[common],
        help="library material that helps a quote now, each with the reason",
        description="Ranks published library items for a quote: the battlecard for a named "
        "competitor, customer stories in the customer's industry, datasheets and training on "
        "its products. See docs/library-import.md.",
    )
    suggest.add_argument(
        "--quote",
        required=True,
        metavar="NUMBER_OR_FILE",
        help="a saved quote's number (e.g. Q-2026-0161) or a quote JSON file",
    )
    suggest.add_argument("--limit", type=_positive, default=10, metavar="N", help="at most N")
    suggest.add_argument(
        "--as-of",
        type=iso_date,
        metavar="DATE",
        help="decide expiry on this day (default: today)",
    )
    suggest.set_defaults(func=run_suggest)

    from dealkit.cli.library_publishing import register_actions  # publish, archive, quiz, ...

    register_actions(actions, common)


def _facet_filter(args: argparse.Namespace) -> dict[str, list[str]]:
    wanted: dict[str, list[str]] = {}
    for name, value in args.facet:
        wanted.setdefault(name, []).append(value)
    return wanted


def _plain(snippet_html: str, tty: bool) -> str:
    marked = _BOLD.sub(r"\033[1m\1\033[0m" if tty else r"[\1]", snippet_html)
    return html.unescape(marked).replace("\n", " ")


def _describe_hits(query: str, hits: list[SearchHit]) -> str:
    if not hits:
        return f"No library items match {query!r}."
    tty = sys.stdout.isatty()
    lines: list[str] = []
    for number, hit in enumerate(hits, start=1):
        hidden = f", {hit.hidden_reason}" if hit.hidden_reason else ""
        lines.append(
            f"{number:>2}. {_plain(hit.title_html, tty)}  ({hit.kind}, {hit.language}{hidden}, "
            f"score {hit.score:.2f})"
        )
        lines.append(f"    {_plain(hit.snippet_html, tty)}")
        lines.append(f"    id {hit.item_id}")
    return "\n".join(lines)


def _with_index(args: argparse.Namespace, work: Any) -> Any:
    workspace = Workspace.open(args.workspace)
    index = LibraryIndex.open(workspace)
    try:
        return work(index)
    except IndexBusyError as error:
        raise UserError(str(error)) from None
    finally:
        index.close()
        workspace.close()


def run_search(args: argparse.Namespace) -> int:
    def work(index: LibraryIndex) -> list[SearchHit]:
        index.ensure_built()
        return index.search(
            args.query,
            limit=args.limit,
            facets=_facet_filter(args),
            language=args.lang,
            include_hidden=args.include_hidden,
            as_of=args.as_of,
        )

    hits = _with_index(args, work)
    emit(
        args,
        {"query": args.query, "count": len(hits), "hits": [hit.to_json() for hit in hits]},
        _describe_hits(args.query, hits),
    )
    return 0


def run_facets(args: argparse.Namespace) -> int:
    def work(index: LibraryIndex) -> dict[str, dict[str, int]]:
        index.ensure_built()
        return index.facet_counts(
            args.query,
            facets=_facet_filter(args),
            language=args.lang,
            include_hidden=args.include_hidden,
            as_of=args.as_of,
        )

    counts = _with_index(args, work)

    def describe(data: dict[str, dict[str, int]]) -> str:
        lines = []
        for facet, values in data.items():
            shown = ", ".join(f"{value} ({count})" for value, count in values.items()) or "-"
            lines.append(f"{facet}: {shown}")
        return "\n".join(lines)

    emit(args, counts, describe)
    return 0


def run_reindex(args: argparse.Namespace) -> int:
    tty = sys.stderr.isatty() and not args.json

    def progress(done: int, total: int) -> None:
        if tty:
            print(f"\rindexed {done}/{total}", end="", file=sys.stderr, flush=True)

    def work(index: LibraryIndex) -> dict[str, Any]:
        report = index.rebuild(progress=progress)
        return {**report.to_json(), **index.stats()}

    data = _with_index(args, work)
    if tty:
        print(file=sys.stderr)
    emit(
        args,
        data,
        f"Rebuilt the library index: {data['items']} items in {data['seconds']:.2f} s, "
        f"{data['bytes_on_disk'] / 1e6:.1f} MB at {data['path']}",
    )
    return 0


def _describe_imports(data: dict[str, Any]) -> str:
    lines = []
    for result in data["imported"]:
        pages = f"{result['pages']} page(s), {result['characters']} characters"
        lines.append(
            f"{result['status']:<9} {result['title']}  ({result['kind']}, "
            f"{result['language']}, {pages})"
        )
        lines.append(f"          {result['path']} -> id {result['item_id']}")
        if result.get("duplicate_of"):
            lines.append("          = already in the library (same file): nothing created")
        if result["problem"]:
            lines.append(f"          ! {result['problem']}")
        for page, why in result["broken_pages"].items():
            lines.append(f"          ! page {page}: {why}")
    lines.append(
        f"Imported {len(data['imported'])} file(s); the index holds {data['items']} items."
    )
    return "\n".join(lines)


def run_import(args: argparse.Namespace) -> int:
    from dealkit.engine.content.importer import (
        ContentImportError,
        ImportOptions,
        import_files,
        parse_kind,
    )

    try:
        options = ImportOptions(
            kind=parse_kind(args.kind),
            products=args.product,
            competitors=args.competitor,
            industries=args.industry,
            regions=args.region,
            language=args.lang,
            title=args.title,
            publish=args.publish,
        )
    except ContentImportError as error:
        raise UserError(f"--type: {error}") from None

    def work(index: LibraryIndex) -> dict[str, Any]:
        try:
            results = import_files(index.workspace, args.paths, options)
        except ContentImportError as error:
            raise UserError(str(error)) from None
        report = index.ensure_built()
        return {"imported": [r.to_json() for r in results], "items": report.items}

    data = _with_index(args, work)
    emit(args, data, _describe_imports)
    return 0


def run_suggest(args: argparse.Namespace) -> int:
    from pathlib import Path

    from dealkit.engine.content.deal_context import (
        DealNotFoundError,
        from_quote_file,
        from_saved_quote,
    )
    from dealkit.engine.content.suggestions import suggest
    from dealkit.engine.pricing.errors import PricingError
    from dealkit.index.library import local_today

    workspace = Workspace.open(args.workspace)
    try:
        with workspace.store.session() as session:
            path = Path(args.quote)
            try:
                if path.is_file():
                    deal = from_quote_file(session, path)
                else:
                    deal = from_saved_quote(session, args.quote)
            except (DealNotFoundError, PricingError, ValueError) as error:
                raise UserError(str(error)) from None
            found = suggest(session, deal, args.as_of or local_today(), args.limit)
    finally:
        workspace.close()
    data = {
        "deal": deal.to_json(),
        "count": len(found),
        "suggestions": [s.to_json() for s in found],
    }

    def describe(data: dict[str, Any]) -> str:
        deal = data["deal"]
        rivals = ", ".join(deal["competitors"]) or "no competitor named"
        lines = [
            f"{deal['number']} for {deal['customer']} ({deal['industry']}, {deal['region']}; "
            f"{deal['status']}; {rivals})"
        ]
        for number, item in enumerate(data["suggestions"], start=1):
            lines.append(
                f"{number:>2}. {item['title']}  ({item['kind']}, {item['language']}, "
                f"{item['score']} points)"
            )
            lines.append(f"    why: {'; '.join(item['reasons'])}")
        if not data["suggestions"]:
            lines.append(
                "No published library item matches this quote's products, customer or competitors."
            )
        return "\n".join(lines)

    emit(args, data, describe)
    return 0
