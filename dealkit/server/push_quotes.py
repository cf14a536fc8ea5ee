"""Pushed quotes: versions re-priced and saved by the engine, and status moves by its lifecycle.

A laptop back online mostly pushes new versions. ``apply_new_versions`` takes a transaction's
worth of them at once: the store is read once for all (customers, owners, products, saved
versions, ids in use), each is judged and priced exactly as alone, and all are written in one
flush. Anything else in the transaction (an edit of a saved version, a number already taken,
a refusal, a duplicate) and the caller takes the mutations one at a time with ``apply_quote``,
which says what happened to which.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dealkit.engine.access import AuthenticatedUser, check_write
from dealkit.engine.ids import new_id
from dealkit.engine.pricing import PriceRules, PricingError
from dealkit.engine.pricing.catalog import PriceCatalog, load_catalog
from dealkit.engine.quotes import (
    customer_facts,
    move_to,
    price_document,
    quote_from_data,
    quote_to_data,
)
from dealkit.engine.quotes.document import QuoteDocument, Status
from dealkit.engine.quotes.pricing import customers_facts
from dealkit.engine.quotes.store import (
    load_quote,
    problems_saving,
    quote_row,
    save_lookups,
    save_quote,
)
from dealkit.engine.store.models import (
    PriceBook,
    PriceBookEntry,
    Product,
    ProductFamily,
    Quote,
    QuoteLine,
    QuoteStatus,
    User,
)
from dealkit.engine.sync.protocol import DELETE, UPSERT, Mutation, MutationResult
from dealkit.server.push_answers import Rejected, applied

Catalogs = dict[tuple[Any, ...], PriceCatalog]  # one catalog read per push and (currency, day)


def apply_new_versions(
    session: Session, user: AuthenticatedUser, mutations: list[Mutation], catalogs: Catalogs
) -> list[MutationResult] | None:
    """Save ``mutations`` at once when every one is a new quote version that would be applied
    alone; else None, having written nothing."""
    if not all(
        m.table == Quote.__tablename__ and m.op == UPSERT and "document" in m.fields
        for m in mutations
    ):
        return None
    try:
        pushed = [pushed_document(m) for m in mutations]
    except (Rejected, PricingError):
        return None
    docs = [doc for doc, _ in pushed]
    row_ids = [m.row_id for m in mutations]
    line_ids = [i for _, ids in pushed for i in ids]
    if not (
        _distinct(row_ids)
        and _distinct(line_ids)
        and _distinct([(doc.number, doc.version) for doc in docs])
        and _unused(session, Quote, row_ids)
        and _unused(session, QuoteLine, line_ids)
    ):
        return None
    lookups = save_lookups(session, docs)
    quotes = []
    for m, (doc, ids), facts in zip(mutations, pushed, customers_facts(session, docs), strict=True):
        owner_id = lookups.owner_ids.get(doc.owner, "") if doc.owner else user.id
        new = {"owner_id": owner_id, "status": doc.status.value, "number": doc.number}
        if problems_saving(doc, facts, lookups) or check_write(user, Quote, None, new):
            return None
        catalog = catalog_for(session, catalogs, doc.currency, doc.date, facts.segment)
        try:
            _, priced = price_document(doc, catalog, PriceRules(), facts)
        except PricingError:
            return None
        quotes.append(
            quote_row(doc, priced, facts, lookups, owner_id, row_id=m.row_id, line_row_ids=ids)
        )
    try:
        with session.begin_nested():
            session.add_all(quotes)
            session.flush()  # one reservation of sequence numbers, multi-row inserts
    except IntegrityError:
        return None
    return [applied(m, q.id, q.server_seq) for m, q in zip(mutations, quotes, strict=True)]


def _distinct(values: list[Any]) -> bool:
    return len(set(values)) == len(values)


def _unused(session: Session, model: Any, ids: list[str]) -> bool:
    return not ids or session.scalar(select(model.id).where(model.id.in_(ids)).limit(1)) is None


def pushed_document(m: Mutation) -> tuple[QuoteDocument, list[str]]:
    """The quote document a mutation carries and its lines' row ids; ``Rejected`` says what is
    wrong with them."""
    document = m.fields.get("document")
    line_ids = m.fields.get("line_ids") or []
    if not isinstance(document, dict):
        raise Rejected("fields.document must be the quote document (docs/quote-json.md)")
    try:
        doc = quote_from_data(document)
    except (TypeError, KeyError, AttributeError) as error:  # PricingError lists the rest
        raise Rejected(f"fields.document is not a quote document ({error})") from None
    if (
        not isinstance(line_ids, list)
        or len(line_ids) != len(doc.lines)
        or not all(isinstance(i, str) and 0 < len(i) <= 36 for i in line_ids)
    ):
        raise Rejected(f"fields.line_ids must give one row id per line ({len(doc.lines)})")
    if not doc.number:
        raise Rejected("the document has no number; the laptop numbers a quote when saving it")
    return doc, line_ids


def apply_quote(
    session: Session, user: AuthenticatedUser, m: Mutation, catalogs: Catalogs
) -> MutationResult:
    """One pushed quote mutation: a delete, a status move, or a version (new, or an edit of a
    saved one, kept as the next version)."""
    existing = session.get(Quote, m.row_id)
    if m.op == DELETE:
        if existing is None:
            raise Rejected(f"quote {m.row_id} is not on the server; nothing to delete")
        reason = check_write(user, Quote, existing, {"deleted": True}, session=session)
        if reason:
            raise Rejected(reason)
        if not existing.deleted:  # deletes win, whatever the base
            existing.deleted = True
            for line in existing.lines:
                line.deleted = True
            session.flush()
        return applied(m, existing.id, existing.server_seq)
    if existing is not None and existing.deleted:
        raise Rejected(f"deleted: {existing.number} was deleted on the server (deletes win)")
    if "document" not in m.fields:
        return _quote_status(session, user, m, existing)
    doc, line_ids = pushed_document(m)
    owner_id = user.id
    if doc.owner:
        owner_id = session.scalar(select(User.id).where(User.username == doc.owner)) or ""
    row_id, conflict = m.row_id, None
    if existing is not None:
        if _same_version(session, existing, doc):
            return applied(m, existing.id, existing.server_seq)
        # a saved version is never overwritten: this edit becomes the next version (kept both)
        row_id = new_id()
        line_ids = [new_id() for _ in line_ids]
        conflict = "changed on the server since" if m.base_seq != existing.server_seq else None
    taken = session.scalar(
        select(Quote.id).where(Quote.number == doc.number, Quote.version == doc.version)
    )
    if taken is not None or existing is not None:
        latest = session.scalar(select(func.max(Quote.version)).where(Quote.number == doc.number))
        new_version = (latest or 0) + 1
        conflict = (
            f"{doc.number} version {doc.version} was already saved from another device: "
            f"this edit is kept as version {new_version}"
        )
        doc = replace(doc, version=new_version)
    new = {"owner_id": owner_id, "status": doc.status.value, "number": doc.number}
    reason = check_write(user, Quote, None, new, session=session)
    if reason:
        raise Rejected(reason)
    facts = customer_facts(session, doc)
    catalog = catalog_for(session, catalogs, doc.currency, doc.date, facts.segment)
    _, priced = price_document(doc, catalog, PriceRules(), facts)  # never trust the laptop's sums
    # the quote's row id is free: either nothing has it (``existing`` is None) or it is fresh
    if not _unused(session, QuoteLine, line_ids):
        raise Rejected("a row id of this quote is already used by another row; make new ids")
    quote = save_quote(session, doc, priced, owner_id, row_id=row_id, line_row_ids=line_ids)
    return applied(m, quote.id, quote.server_seq, conflict)


_CATALOG_TABLES = (ProductFamily, Product, PriceBook, PriceBookEntry)
# Per database (the engine): two databases can hold the same sequence numbers (tests do).
_CATALOG_CACHE: WeakKeyDictionary[Engine, Catalogs] = WeakKeyDictionary()


def catalog_for(
    session: Session, batch: Catalogs, currency: str, on: date, segment: str | None
) -> PriceCatalog:
    """The engine's price catalog, read once per batch, and kept between requests for as long
    as no catalog row changed (the key holds the catalog tables' newest sequence numbers)."""
    key: tuple[Any, ...] = (currency, on, segment)
    if key in batch:
        return batch[key]
    version = tuple(session.scalar(select(func.max(model.server_seq))) for model in _CATALOG_TABLES)
    cache = _CATALOG_CACHE.setdefault(session.get_bind().engine, {})
    catalog = cache.get((*key, version))
    if catalog is None:
        catalog = load_catalog(session, currency, on, segment)
        if len(cache) > 16:
            cache.clear()
        cache[(*key, version)] = catalog
    batch[key] = catalog
    return catalog


def _same_version(session: Session, existing: Quote, doc: Any) -> bool:
    if existing.number != doc.number or existing.version != doc.version:
        return False
    saved = quote_to_data(load_quote(session, existing.number, existing.version))
    pushed = quote_to_data(doc)
    saved.pop("customer", None)
    pushed.pop("customer", None)
    return saved == pushed


def _quote_status(
    session: Session, user: AuthenticatedUser, m: Mutation, existing: Quote | None
) -> MutationResult:
    """A status move of a saved version (submit, approve, send back), by the engine's lifecycle."""
    if existing is None:
        raise Rejected(f"quote {m.row_id} is not on the server: push its document first")
    if set(m.fields) != {"status"}:
        raise Rejected("a quote upsert carries fields.document (a version) or fields.status only")
    try:
        target = Status(m.fields["status"])
    except ValueError:
        raise Rejected(f"status {m.fields['status']!r} is not a quote status") from None
    reason = check_write(user, Quote, existing, {"status": target.value}, session=session)
    if reason:
        raise Rejected(reason)
    move_to(load_quote(session, existing.number, existing.version), target, date.today())
    existing.status = QuoteStatus(target.value)
    session.flush()
    return applied(m, existing.id, existing.server_seq)
