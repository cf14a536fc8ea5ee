"""What the wizard reads from and writes to the store, as functions for worker threads.

Each opens its own session (sessions are not thread-safe) and returns plain values, never ORM
objects. ``save_draft`` is all or nothing: it prices the document in full, then writes it
through ``engine/quotes/store.save_quote`` in one transaction; a ``PricingError`` leaves the store
as it was. Saving a draft version that is already stored replaces that version (same number and
version) in the same transaction; a version past draft is never overwritten (revise it).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select

from dealkit.engine.pricing.errors import PricingError, Problem
from dealkit.engine.pricing.rules import PriceRules
from dealkit.engine.quotes.document import QuoteDocument
from dealkit.engine.quotes.pricing import load_quote_catalog, price_document
from dealkit.engine.quotes.store import load_quote, save_quote
from dealkit.engine.store.models import Customer, PriceBook, Quote, QuoteStatus
from dealkit.engine.workspace import Workspace

CUSTOMER_LIMIT = 30


@dataclass(frozen=True)
class CustomerHit:
    id: str
    name: str
    segment: str
    region: str
    currency: str
    industry: str


def search_customers(workspace: Workspace, text: str) -> list[CustomerHit]:
    """Customers whose name contains ``text`` (any case), names starting with it first."""
    text = text.strip()
    with workspace.store.session() as session:
        query = select(Customer).where(Customer.deleted.is_(False))
        if text:
            query = query.where(func.lower(Customer.name).contains(text.lower()))
        rows = session.scalars(query.order_by(Customer.name).limit(200)).all()
        hits = [
            CustomerHit(c.id, c.name, c.segment, c.region, c.currency, c.industry) for c in rows
        ]
    prefix = text.lower()
    hits.sort(key=lambda h: (not h.name.lower().startswith(prefix), h.name.lower()))
    return hits[:CUSTOMER_LIMIT]


def price_book_currencies(workspace: Workspace) -> list[str]:
    with workspace.store.session() as session:
        return sorted(set(session.scalars(select(PriceBook.currency)).all()))


def price_book_names(workspace: Workspace, doc: QuoteDocument, segment: str | None) -> list[str]:
    """The books that price ``doc`` (its currency on its date; the segment's book first)."""
    with workspace.store.session() as session:
        books = session.scalars(
            select(PriceBook).where(
                PriceBook.currency == doc.currency,
                PriceBook.effective_from <= doc.date,
                or_(PriceBook.effective_to.is_(None), PriceBook.effective_to >= doc.date),
                or_(PriceBook.segment.is_(None), PriceBook.segment == segment),
            )
        ).all()
        return [b.name for b in sorted(books, key=lambda b: (b.segment is None, b.name))]


def open_document(workspace: Workspace, number: str, version: int | None) -> QuoteDocument:
    with workspace.store.session() as session:
        return load_quote(session, number, version)


def save_draft(workspace: Workspace, doc: QuoteDocument, rules: PriceRules) -> QuoteDocument:
    """Price ``doc`` in full and save it; returns the document as stored (number filled in)."""
    owner = workspace.info("current_user_id")
    with workspace.store.session() as session, session.begin():
        if owner is None:
            raise PricingError(
                [Problem("quote", "owner", "no signed-in user in this workspace: sync first")]
            )
        catalog, facts = load_quote_catalog(session, doc)
        _, priced = price_document(doc, catalog, rules, facts)
        if doc.number:
            stored = session.scalars(
                select(Quote).where(
                    Quote.number == doc.number,
                    Quote.version == doc.version,
                    Quote.deleted.is_(False),
                )
            ).first()
            if stored is not None:
                if stored.status != QuoteStatus.DRAFT:
                    raise PricingError(
                        [
                            Problem(
                                "quote",
                                "status",
                                f"{doc.number} version {doc.version} is "
                                f"{stored.status.value.replace('_', ' ')}: revise it to make "
                                "a new version to change",
                            )
                        ]
                    )
                row_id = stored.id  # the same row, so sync sees one quote version changed
                session.delete(stored)
                session.flush()
                quote = save_quote(session, doc, priced, owner, row_id=row_id)
            else:
                quote = save_quote(session, doc, priced, owner)
        else:
            quote = save_quote(session, doc, priced, owner)
        number, version = quote.number, quote.version
    return open_document(workspace, number, version)
