"""Build the proposal PDF of the wizard's draft, off the GUI thread, and write it safely.

The proposal prints the price the rep sees in the Price step: ``draft.priced`` is passed in,
not priced again, so the PDF and the window cannot disagree. The rep chooses the language and
what to show: the alternatives (options of an alternative set that are not counted in the total
can be left out; the counted one always stays) and the configuration details of configured
products. The layout is the engine's (``engine/documents/proposal.py``).
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import select

from dealkit.engine.documents.proposal import ProposalParts, render_proposal
from dealkit.engine.pricing.priced import QuotePrice, selected_groups
from dealkit.engine.quotes.document import QuoteDocument
from dealkit.engine.quotes.pricing import customer_facts
from dealkit.engine.store.models import User
from dealkit.engine.terms import ClauseLibrary, assemble, standard_library
from dealkit.engine.workspace import Workspace


@dataclass(frozen=True)
class ProposalOptions:
    language: str = "en"
    left_out: frozenset[str] = field(default_factory=frozenset)  # alternative options not shown
    show_configuration: bool = True


def alternative_options(priced: QuotePrice) -> list[tuple[str, str, bool]]:
    """(set, option, counted) of every alternative option, in quote order."""
    counted = selected_groups(priced.groups)
    return [
        (g.alternative or "", g.name, g.name in counted) for g in priced.groups if g.alternative
    ]


def shown_parts(
    doc: QuoteDocument, priced: QuotePrice, left_out: frozenset[str]
) -> tuple[QuoteDocument, QuotePrice]:
    """``doc`` and ``priced`` without the options in ``left_out`` (never a counted option).

    The counted option of each set is marked selected, so that leaving out the options before
    it cannot change which one counts; totals are untouched because left-out options never
    counted.
    """
    counted = selected_groups(priced.groups)
    drop = {name for name in left_out if name not in counted}
    if not drop:
        return doc, priced
    groups = tuple(
        replace(g, selected=g.name in counted) if g.alternative else g
        for g in priced.groups
        if g.name not in drop
    )
    doc_groups = tuple(
        replace(g, selected=g.name in counted) if g.alternative else g
        for g in doc.groups
        if g.name not in drop
    )
    lines = tuple(lp for lp in priced.lines if lp.listed.line.group not in drop)
    doc_lines = tuple(line for line in doc.lines if line.group not in drop)
    return (
        replace(doc, groups=doc_groups, lines=doc_lines),
        replace(priced, groups=groups, lines=lines),
    )


def build_proposal_pdf(
    workspace: Workspace,
    doc: QuoteDocument,
    priced: QuotePrice,
    options: ProposalOptions,
    library: ClauseLibrary | None = None,
) -> bytes:
    """Worker thread: the proposal PDF of ``doc`` as priced, with ``options``.

    ``PricingError`` when the terms cannot be assembled (an unknown clause); ``KeyError`` for a
    language the proposal does not speak.
    """
    with workspace.store.session() as session:
        region = customer_facts(session, doc).region
        owner_name = ""
        if doc.owner:
            owner = session.scalars(select(User).where(User.username == doc.owner)).first()
            owner_name = owner.display_name if owner is not None else ""
    products = {(lp.sku, lp.listed.item.family) for lp in priced.lines if lp.counted}
    terms = assemble(library or standard_library(), doc.terms, products, region)
    shown_doc, shown_priced = shown_parts(doc, priced, options.left_out)
    parts = ProposalParts(
        shown_doc, shown_priced, terms, owner_name, show_configuration=options.show_configuration
    )
    return render_proposal(parts, options.language)


def proposal_file_name(doc: QuoteDocument, language: str) -> str:
    """A file name a customer can read: "Proposal Q-2026-0042 v2 Atlantic Mutual Bank.pdf"."""
    name = f"Proposal {doc.number or 'draft'} v{doc.version} {doc.customer.name}".strip()
    if language != "en":
        name += f" ({language})"
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", name) + ".pdf"


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside ``path`` then rename over it: never half a file, an old file stays intact
    until the new one is complete. ``OSError`` says what went wrong."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        umask = os.umask(0)
        os.umask(umask)
        if hasattr(os, "fchmod"):
            os.fchmod(handle, 0o666 & ~umask)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
