"""Apply pushed mutations: each at most once, authorised, through the engine's business rules.

A few mutations share a transaction, which first takes the change feed's lock (so the
``base_seq`` a mutation compares with cannot move before it commits); each then looks its
``client_id`` up in ``sync_applied``: a mutation applied before gets its recorded answer back,
marked duplicate. Otherwise the change is judged (``dealkit.engine.access.check_write``) and
made, inside a savepoint, and an applied answer is recorded in the same transaction as the
change itself. A refusal is not recorded (it changed nothing): a resend is judged afresh, so a
delete that overtook the push of its row (a reordered request) is not refused for ever.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dealkit.engine.access import AuthenticatedUser, NoAccessRule, check_write
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
from dealkit.engine.quotes.document import Status
from dealkit.engine.quotes.store import load_quote, save_quote
from dealkit.engine.store.database import Store
from dealkit.engine.store.models import (
    Base,
    PriceBook,
    PriceBookEntry,
    Product,
    ProductFamily,
    Quote,
    QuoteLine,
    QuoteStatus,
    SyncApplied,
    User,
)
from dealkit.engine.sync.protocol import (
    APPLIED,
    DELETE,
    REJECTED,
    Mutation,
    MutationResult,
    PulledRow,
)
from dealkit.engine.sync.rows import FieldError, row_from_json, synced_tables
from dealkit.server.changes import current_rows, lock_feed


class Rejected(Exception):
    """A mutation refused with a reason the desktop shows next to it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


TRANSACTION_SIZE = 25  # mutations per server transaction: fewer commits, short lock waits


def apply_mutations(
    store: Store, user: AuthenticatedUser, mutations: list[Mutation]
) -> list[MutationResult]:
    """Apply a pushed batch in order; a few mutations share a transaction, each in a savepoint.

    Per transaction, the recorded answers of the batch's client ids are read in one query, and
    the rows the answers bring back in one read at the end (the state as committed, so two
    mutations of the same row in one transaction both bring its final state back).
    """
    catalogs: dict[tuple[Any, ...], PriceCatalog] = {}  # one catalog read per batch and day
    results: list[MutationResult] = []
    for start in range(0, len(mutations), TRANSACTION_SIZE):
        chunk = mutations[start : start + TRANSACTION_SIZE]
        with store.session() as session, session.begin():
            lock_feed(session)
            priors = {
                a.client_id: a
                for a in session.scalars(
                    select(SyncApplied).where(
                        SyncApplied.client_id.in_([m.client_id for m in chunk])
                    )
                )
            }
            answers = [
                _apply_one(session, user, m, catalogs, priors.get(m.client_id)) for m in chunk
            ]
            results += _with_rows(session, user, chunk, answers)
    return results


def apply_mutation(store: Store, user: AuthenticatedUser, mutation: Mutation) -> MutationResult:
    return apply_mutations(store, user, [mutation])[0]


def _apply_one(
    session: Session,
    user: AuthenticatedUser,
    mutation: Mutation,
    catalogs: dict[tuple[Any, ...], PriceCatalog],
    prior: SyncApplied | None,
) -> MutationResult:
    """The answer to one mutation (without the rows it brings back: ``_with_rows`` adds them)."""
    if prior is not None:
        if prior.user_id != user.id:
            return _rejected(mutation, "this client_id was used by another user; make a new one")
        recorded = MutationResult.from_json(prior.result)
        return MutationResult(**{**recorded.__dict__, "duplicate": True, "rows": []})
    try:
        with session.begin_nested():
            result = _apply(session, user, mutation, catalogs)
    except Rejected as refusal:
        result = _rejected(mutation, refusal.reason)
    except PricingError as error:
        result = _rejected(mutation, "; ".join(str(p) for p in error.problems) or str(error))
    except (FieldError, NoAccessRule) as error:
        result = _rejected(mutation, str(error))
    except IntegrityError as error:  # e.g. a reference to a row the server lacks
        reason = str(error.orig).splitlines()[0]
        result = _rejected(mutation, f"the row does not fit the server's data: {reason}")
    if result.status == APPLIED:  # a refusal changed nothing: a resend is judged afresh
        session.add(
            SyncApplied(client_id=mutation.client_id, user_id=user.id, result=result.to_json())
        )
    return result


def _with_rows(
    session: Session,
    user: AuthenticatedUser,
    mutations: list[Mutation],
    answers: list[MutationResult],
) -> list[MutationResult]:
    """Each applied answer with the server's rows it touched: the row, and a quote's lines."""
    wanted: dict[str, set[str]] = {}
    for m, result in zip(mutations, answers, strict=True):
        if result.status == APPLIED:
            wanted.setdefault(m.table, set()).add(result.row_id)
    lines_of: dict[str, list[str]] = {}
    if wanted.get(Quote.__tablename__):
        for line_id, quote_id in session.execute(
            select(QuoteLine.id, QuoteLine.quote_id).where(
                QuoteLine.quote_id.in_(wanted[Quote.__tablename__])
            )
        ):
            lines_of.setdefault(quote_id, []).append(line_id)
        wanted[QuoteLine.__tablename__] = {i for ids in lines_of.values() for i in ids}
    found = {
        (row.table, row.id): row
        for row in current_rows(session, user, {t: sorted(ids) for t, ids in wanted.items()})
    }
    out = []
    for m, result in zip(mutations, answers, strict=True):
        rows: list[PulledRow] = []
        if result.status == APPLIED:
            keys = [(m.table, result.row_id)]
            if m.table == Quote.__tablename__:
                keys += [(QuoteLine.__tablename__, i) for i in lines_of.get(result.row_id, [])]
            rows = sorted((found[k] for k in keys if k in found), key=lambda r: r.seq)
        out.append(MutationResult(**{**result.__dict__, "rows": rows}))
    return out


def _rejected(mutation: Mutation, reason: str) -> MutationResult:
    return MutationResult(mutation.client_id, REJECTED, mutation.row_id, reason=reason)


@cache
def synced_tables_model(table: str) -> Any:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table:
            return mapper.class_
    raise KeyError(table)


def _apply(
    session: Session, user: AuthenticatedUser, m: Mutation, catalogs: dict
) -> MutationResult:
    if m.table not in synced_tables():
        raise Rejected(f"{m.table!r} is not a table that syncs")
    if m.table == Quote.__tablename__:
        return _quote(session, user, m, catalogs)
    if m.table == QuoteLine.__tablename__:
        raise Rejected("quote lines travel inside their quote's document; push the quote")
    if m.table == "approval_decisions":  # the decision and its status move, by the engine
        from dealkit.server.decision_push import apply_decision

        return apply_decision(session, user, m)
    return _row(session, user, m)


def _applied(m: Mutation, row_id: str, seq: int | None, conflict: str | None = None):
    return MutationResult(m.client_id, APPLIED, row_id, seq=seq, conflict=conflict)


# any synced row (disputes, messages, customers, ...) ---------------------------------------------


def _row(session: Session, user: AuthenticatedUser, m: Mutation) -> MutationResult:
    model = synced_tables_model(m.table)
    existing = session.get(model, m.row_id)
    if m.op == DELETE:
        if existing is None:
            raise Rejected(f"{m.table} {m.row_id} is not on the server; nothing to delete")
        reason = check_write(user, model, existing, {"deleted": True}, session=session)
        if reason:
            raise Rejected(reason)
        if not existing.deleted:
            existing.deleted = True
            session.flush()
        return _applied(m, existing.id, existing.server_seq)
    values = row_from_json(m.table, {k: v for k, v in m.fields.items() if k != "id"})
    values.pop("deleted", None)
    if existing is not None and existing.deleted:
        raise Rejected(f"{m.table} {m.row_id} was deleted on the server (deletes win)")
    if existing is not None and m.base_seq != existing.server_seq:
        raise Rejected(
            f"stale: {m.table} {m.row_id} changed on the server since this edit was made "
            f"(seq {existing.server_seq}, edit based on {m.base_seq}); sync and redo it"
        )
    reason = check_write(user, model, existing, values, session=session)
    if reason:
        raise Rejected(reason)
    if existing is None:
        row = model(id=m.row_id, **values)
        session.add(row)
    else:
        row = existing
        for name, value in values.items():
            if name not in ("created_at",):
                setattr(row, name, value)
    session.flush()
    return _applied(m, row.id, row.server_seq)


# quotes: versions re-priced by the engine ---------------------------------------------------------


def _quote(
    session: Session, user: AuthenticatedUser, m: Mutation, catalogs: dict
) -> MutationResult:
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
        return _applied(m, existing.id, existing.server_seq)
    if existing is not None and existing.deleted:
        raise Rejected(f"deleted: {existing.number} was deleted on the server (deletes win)")
    if "document" not in m.fields:
        return _quote_status(session, user, m, existing)
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
    if doc.number is None:
        raise Rejected("the document has no number; the laptop numbers a quote when saving it")
    owner_id = user.id
    if doc.owner:
        owner_id = session.scalar(select(User.id).where(User.username == doc.owner)) or ""
    row_id, conflict = m.row_id, None
    if existing is not None:
        if _same_version(session, existing, doc):
            return _applied(m, existing.id, existing.server_seq)
        # a saved version is never overwritten: this edit becomes the next version (kept both)
        row_id = _fresh_id()
        line_ids = [_fresh_id() for _ in line_ids]
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
    catalog = _catalog(session, catalogs, doc.currency, doc.date, facts.segment)
    _, priced = price_document(doc, catalog, PriceRules(), facts)  # never trust the laptop's sums
    # the quote's row id is free: either nothing has it (``existing`` is None) or it is fresh
    used = session.scalar(select(QuoteLine.id).where(QuoteLine.id.in_(line_ids)).limit(1))
    if used:
        raise Rejected("a row id of this quote is already used by another row; make new ids")
    quote = save_quote(session, doc, priced, owner_id, row_id=row_id, line_row_ids=line_ids)
    return _applied(m, quote.id, quote.server_seq, conflict)


_CATALOG_TABLES = (ProductFamily, Product, PriceBook, PriceBookEntry)
# Per database (the engine): two databases can hold the same sequence numbers (tests do).
_CATALOG_CACHE: WeakKeyDictionary[Engine, dict[tuple[Any, ...], PriceCatalog]] = WeakKeyDictionary()


def _catalog(
    session: Session, batch: dict, currency: str, on: date, segment: str | None
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
    return _applied(m, existing.id, existing.server_seq)


def _fresh_id() -> str:
    return new_id()
