"""A quote's proposal PDF from a workspace: price it, assemble its terms, lay it out.

The one function the command line and the window's Proposal step share, so that the PDF always
says what pricing and the approvals check say. Layout is ``dealkit.engine.documents.proposal``.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealkit.engine.documents.branding import Branding
from dealkit.engine.documents.proposal import ProposalParts, render_proposal
from dealkit.engine.pricing.rules import PriceRules
from dealkit.engine.quotes.document import QuoteDocument
from dealkit.engine.quotes.pricing import load_quote_catalog, price_document
from dealkit.engine.store.models import User
from dealkit.engine.terms import ClauseLibrary, assemble, standard_library


def proposal_parts(
    session: Session,
    doc: QuoteDocument,
    rules: PriceRules | None = None,
    library: ClauseLibrary | None = None,
) -> ProposalParts:
    """Price ``doc`` and assemble its terms; ``PricingError`` lists every problem (an unknown
    product, a missing price, an unknown clause), each naming the line and the field."""
    catalog, facts = load_quote_catalog(session, doc)
    _, priced = price_document(doc, catalog, rules or PriceRules(), facts)
    products = {(lp.sku, lp.listed.item.family) for lp in priced.lines if lp.counted}
    terms = assemble(library or standard_library(), doc.terms, products, facts.region)
    owner_name = ""
    if doc.owner:
        owner = session.scalars(select(User).where(User.username == doc.owner)).first()
        owner_name = owner.display_name if owner is not None else ""
    return ProposalParts(doc, priced, terms, owner_name)


def build_proposal(
    session: Session,
    doc: QuoteDocument,
    lang: str = "en",
    *,
    rules: PriceRules | None = None,
    library: ClauseLibrary | None = None,
    branding: Branding | None = None,
) -> bytes:
    """The proposal PDF of ``doc`` in ``lang`` (``en`` or ``th``), as bytes."""
    return render_proposal(proposal_parts(session, doc, rules, library), lang, branding)
