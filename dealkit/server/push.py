"""Apply pushed mutations: each at most once, authorised, through the engine's business rules.

A few mutations share a transaction, which first takes the change feed's lock (so the
``base_seq`` a mutation compares with cannot move before it commits); each then looks its
``client_id`` up in ``sync_applied``: a mutation applied before gets its recorded answer back,
marked duplicate. Otherwise the change is judged (``dealkit.engine.access.check_write``) and
made, inside a savepoint, and an applied answer is recorded in the same transaction as the
change itself. A transaction of new quote versions only (a laptop back online) is judged and
written at once (``push_quotes.apply_new_versions``), with the same answers. A refusal is
not recorded (it changed nothing): a resend is judged afresh, so a delete that overtook the
push of its row (a reordered request) is not refused for ever.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dealkit.engine.access import AuthenticatedUser, NoAccessRule, check_write
from dealkit.engine.pricing import PricingError
from dealkit.engine.store.database import Store
from dealkit.engine.store.models import Base, Quote, QuoteLine, SyncApplied
from dealkit.engine.sync.protocol import APPLIED, DELETE, Mutation, MutationResult, PulledRow
from dealkit.engine.sync.rows import FieldError, row_from_json, synced_tables
from dealkit.server.changes import current_rows, lock_feed
from dealkit.server.push_answers import Rejected, applied, rejected
from dealkit.server.push_quotes import Catalogs, apply_new_versions, apply_quote

TRANSACTION_SIZE = 25  # mutations per server transaction: fewer commits, short lock waits


def apply_mutations(
    store: Store, user: AuthenticatedUser, mutations: list[Mutation]
) -> list[MutationResult]:
    """Apply a pushed batch in order; a few mutations share a transaction, each in a savepoint.

    Per transaction, the recorded answers of the batch's client ids are read in one query, and
    the rows the answers bring back in one read at the end (the state as committed, so two
    mutations of the same row in one transaction both bring its final state back).
    """
    catalogs: Catalogs = {}
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
            answers = None if priors else apply_new_versions(session, user, chunk, catalogs)
            if answers is None:
                answers = [
                    _apply_one(session, user, m, catalogs, priors.get(m.client_id)) for m in chunk
                ]
            else:
                for m, answer in zip(chunk, answers, strict=True):
                    _record(session, user, m, answer)
            results += _with_rows(session, user, chunk, answers)
    return results


def apply_mutation(store: Store, user: AuthenticatedUser, mutation: Mutation) -> MutationResult:
    return apply_mutations(store, user, [mutation])[0]


def _apply_one(
    session: Session,
    user: AuthenticatedUser,
    mutation: Mutation,
    catalogs: Catalogs,
    prior: SyncApplied | None,
) -> MutationResult:
    """The answer to one mutation (without the rows it brings back: ``_with_rows`` adds them)."""
    if prior is not None:
        if prior.user_id != user.id:
            return rejected(mutation, "this client_id was used by another user; make a new one")
        recorded = MutationResult.from_json(prior.result)
        return MutationResult(**{**recorded.__dict__, "duplicate": True, "rows": []})
    try:
        with session.begin_nested():
            result = _apply(session, user, mutation, catalogs)
    except Rejected as refusal:
        result = rejected(mutation, refusal.reason)
    except PricingError as error:
        result = rejected(mutation, "; ".join(str(p) for p in error.problems) or str(error))
    except (FieldError, NoAccessRule) as error:
        result = rejected(mutation, str(error))
    except IntegrityError as error:  # e.g. a reference to a row the server lacks
        reason = str(error.orig).splitlines()[0]
        result = rejected(mutation, f"the row does not fit the server's data: {reason}")
    _record(session, user, mutation, result)
    return result


def _record(
    session: Session, user: AuthenticatedUser, mutation: Mutation, result: MutationResult
) -> None:
    """Keep an applied answer, for a resend of the same mutation (a refusal changed nothing:
    a resend is judged afresh)."""
    if result.status == APPLIED:
        session.add(
            SyncApplied(client_id=mutation.client_id, user_id=user.id, result=result.to_json())
        )


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


@cache
def synced_tables_model(table: str) -> Any:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table:
            return mapper.class_
    raise KeyError(table)


def _apply(
    session: Session, user: AuthenticatedUser, m: Mutation, catalogs: Catalogs
) -> MutationResult:
    if m.table not in synced_tables():
        raise Rejected(f"{m.table!r} is not a table that syncs")
    if m.table == Quote.__tablename__:
        return apply_quote(session, user, m, catalogs)
    if m.table == QuoteLine.__tablename__:
        raise Rejected("quote lines travel inside their quote's document; push the quote")
    if m.table == "approval_decisions":  # the decision and its status move, by the engine
        from dealkit.server.decision_push import apply_decision

        return apply_decision(session, user, m)
    return _row(session, user, m)


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
        return applied(m, existing.id, existing.server_seq)
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
    return applied(m, row.id, row.server_seq)
