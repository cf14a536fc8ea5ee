"""Save a priced quote version to the local store, all or nothing, and read it back.

``save_quote`` validates and prices first, resolves the customer, owner and products, and only
then writes, inside one transaction: a quote that cannot be priced, or a version that already
exists, leaves the store exactly as it was.

Columns hold what the rest of Dealkit queries (customer, status, quantities, net amounts); the
document's other pricing inputs (quote discount, partner, groups, payment terms, chosen terms;
a line's discounts, term and billing) are kept as written in ``pricing_inputs``, so that
``load_quote`` returns the same document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dealkit.engine.ids import new_id
from dealkit.engine.pricing.errors import PricingError, Problem
from dealkit.engine.pricing.priced import QuotePrice
from dealkit.engine.quotes.document import QuoteDocument, Status
from dealkit.engine.quotes.json_format import line_to_data, quote_from_data, quote_to_data
from dealkit.engine.quotes.lifecycle import move_to
from dealkit.engine.quotes.pricing import CustomerFacts, customer_facts
from dealkit.engine.store.models import Customer, Product, Quote, QuoteLine, QuoteStatus, User
from dealkit.engine.sync.outbox import UPSERT, record_mutation

SIX_PLACES = Decimal("0.000001")  # the store's exact-decimal scale on PostgreSQL
QUOTE_LEVEL_KEYS = ("payment_terms", "discount", "partner", "groups", "terms", "owner")


def next_quote_number(session: Session, year: int) -> str:
    prefix = f"Q-{year}-"
    count = session.scalar(
        select(func.count(func.distinct(Quote.number))).where(Quote.number.like(prefix + "%"))
    )
    return f"{prefix}{(count or 0) + 1:04d}"


@dataclass(frozen=True)
class SaveLookups:
    """What saving quote versions reads from the store: read once for one document or a hundred
    (a laptop's push), so the checks and the rows are the same either way."""

    owner_ids: dict[str, str]  # username -> user id
    product_ids: dict[str, str]  # sku -> product id
    saved: frozenset[tuple[str, int]]  # (number, version) already in the store


def save_lookups(session: Session, docs: Sequence[QuoteDocument]) -> SaveLookups:
    """The owners, products and saved versions ``docs`` name, in three reads (numbered docs)."""
    owners = {doc.owner for doc in docs if doc.owner}
    skus = {line.sku for doc in docs for line in doc.lines}
    numbers = {doc.number for doc in docs if doc.number}
    owner_ids: dict[str, str] = {}
    if owners:
        for username, user_id in session.execute(
            select(User.username, User.id).where(User.username.in_(owners)).order_by(User.id)
        ):
            owner_ids.setdefault(username, user_id)
    product_ids = (
        dict(session.execute(select(Product.sku, Product.id).where(Product.sku.in_(skus))).all())
        if skus
        else {}
    )
    saved = (
        frozenset(
            (number, version)
            for number, version in session.execute(
                select(Quote.number, Quote.version).where(Quote.number.in_(numbers))
            )
        )
        if numbers
        else frozenset()
    )
    return SaveLookups(owner_ids, product_ids, saved)


def problems_saving(
    doc: QuoteDocument, facts: CustomerFacts, lookups: SaveLookups
) -> list[Problem]:
    """Why the numbered ``doc`` cannot be saved as a new version (empty: it can)."""
    problems: list[Problem] = []
    if not facts.in_store:
        problems.append(
            Problem(
                "quote",
                "customer",
                f"customer {doc.customer.name or doc.customer.id!r} is not in this workspace: "
                "pick an existing customer or sync",
            )
        )
    if doc.owner and doc.owner not in lookups.owner_ids:
        problems.append(Problem("quote", "owner", f"no user {doc.owner!r}: use a username"))
    for position, line in enumerate(doc.lines, start=1):
        if line.sku not in lookups.product_ids:
            problems.append(Problem(f"line {position}", "sku", f"unknown product {line.sku!r}"))
    if (doc.number, doc.version) in lookups.saved:
        problems.append(
            Problem(
                "quote",
                "version",
                f"{doc.number} version {doc.version} is already saved: revise the quote to save "
                "a new version",
            )
        )
    return problems


def quote_row(
    doc: QuoteDocument,
    priced: QuotePrice,
    facts: CustomerFacts,
    lookups: SaveLookups,
    default_owner_id: str,
    *,
    row_id: str | None = None,
    line_row_ids: Sequence[str] | None = None,
) -> Quote:
    """The new quote row (with its lines) of the numbered, checked ``doc``; not yet added."""
    data = quote_to_data(doc)
    quote = Quote(
        id=row_id or new_id(),
        number=doc.number,
        version=doc.version,
        name=doc.name or f"{doc.customer.name} {doc.date.isoformat()}",
        customer_id=facts.keys[0],
        owner_id=lookups.owner_ids[doc.owner] if doc.owner else default_owner_id,
        currency=doc.currency,
        status=QuoteStatus(doc.status.value),
        quote_date=doc.date,
        expires_on=doc.expires_on,
        notes=doc.notes,
        competitors=list(doc.competitors),
        pricing_inputs={k: data[k] for k in QUOTE_LEVEL_KEYS if k in data},
    )
    for position, (line, lp) in enumerate(zip(doc.lines, priced.lines, strict=True), start=1):
        listed = lp.listed
        quote.lines.append(
            QuoteLine(
                id=line_row_ids[position - 1] if line_row_ids else new_id(),
                position=position,
                product_id=lookups.product_ids[line.sku],
                group_name=line.group,
                quantity=line.quantity,
                # per unit (per unit per year for a subscription), options included
                list_price=(listed.list_amount / listed.units).quantize(SIX_PLACES),
                discount_percent=lp.discount_percent,
                net_amount=lp.net,
                pricing_inputs=line_to_data(line),
            )
        )
    return quote


def save_quote(
    session: Session,
    doc: QuoteDocument,
    priced: QuotePrice,
    default_owner_id: str,
    *,
    row_id: str | None = None,
    line_row_ids: Sequence[str] | None = None,
) -> Quote:
    """Write ``doc`` (already priced as ``priced``) as one quote version; all or nothing.

    Call inside ``with session.begin():``; on ``PricingError`` nothing has been added. The
    version is also queued in the sync outbox (``record_mutation``) in the same transaction.
    ``row_id`` and ``line_row_ids`` keep the ids a laptop gave the rows (the server saving a
    pushed quote); by default new ids are made.
    """
    if not doc.number:
        doc = replace(doc, number=next_quote_number(session, doc.date.year))
    facts = customer_facts(session, doc)
    lookups = save_lookups(session, [doc])
    problems = problems_saving(doc, facts, lookups)
    if problems:
        raise PricingError(problems)
    quote = quote_row(
        doc, priced, facts, lookups, default_owner_id, row_id=row_id, line_row_ids=line_row_ids
    )
    session.add(quote)
    session.flush()
    record_mutation(
        session,
        Quote.__tablename__,
        UPSERT,
        quote.id,
        {"document": quote_to_data(doc), "line_ids": [line.id for line in quote.lines]},
    )
    return quote


def load_quote(session: Session, number: str, version: int | None = None) -> QuoteDocument:
    """The saved document of ``number`` (its latest version unless ``version`` is given)."""
    query = select(Quote).where(Quote.number == number, Quote.deleted.is_(False))
    if version is not None:
        query = query.where(Quote.version == version)
    quote = session.scalars(query.order_by(Quote.version.desc())).first()
    if quote is None:
        raise KeyError(f"no saved quote {number}" + (f" version {version}" if version else ""))
    customer = session.get(Customer, quote.customer_id)
    data: dict[str, Any] = {
        "number": quote.number,
        "version": quote.version,
        "name": quote.name,
        "status": quote.status.value,
        "customer": {"name": customer.name, "id": customer.id} if customer else {"id": "?"},
        "currency": quote.currency,
        "date": quote.quote_date.isoformat(),
        "lines": [],
    }
    if quote.expires_on:
        data["expires_on"] = quote.expires_on.isoformat()
    if quote.notes:
        data["notes"] = quote.notes
    if quote.competitors:
        data["competitors"] = list(quote.competitors)
    data.update(quote.pricing_inputs)
    data["lines"] = [row.pricing_inputs for row in quote.lines]
    return quote_from_data(data)


def move_saved_quote(
    session: Session, number: str, version: int, status: QuoteStatus, today: date
) -> Quote:
    """Move a saved version to ``status`` (submit, approve, send back, win...) in place.

    The move is checked by ``lifecycle.move_to`` (``PricingError`` says why not) and queued in
    the sync outbox with the row's ``server_seq`` as its base. Call inside ``session.begin()``.
    """
    quote = session.scalars(
        select(Quote).where(
            Quote.number == number, Quote.version == version, Quote.deleted.is_(False)
        )
    ).first()
    if quote is None:
        raise KeyError(f"no saved quote {number} version {version}")
    move_to(load_quote(session, number, version), Status(status.value), today)
    quote.status = status
    session.flush()
    record_mutation(
        session, Quote.__tablename__, UPSERT, quote.id, {"status": status.value}, quote.server_seq
    )
    return quote
