"""Submit a quote from the Review step: move its status and save it, all or nothing.

Runs on a worker (its own session). The status move is the engine's (``approvals.check.submit``:
in review when approvals are needed, else approved; ``lifecycle.move_to`` refuses a move the
lifecycle does not allow). The version is written with ``quotes.store.save_quote`` inside one
transaction:

- a version not saved yet is saved with its new status;
- a version already saved with the same content (the wizard saved the draft) only changes its
  status;
- a version saved as a draft whose content changed since is written again, in the same
  transaction (a submitted version is never rewritten: revise it instead).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select

from dealkit.engine.approvals.check import QuoteCheck, submit
from dealkit.engine.pricing.errors import PricingError, Problem
from dealkit.engine.pricing.priced import QuotePrice
from dealkit.engine.quotes.document import QuoteDocument, Status
from dealkit.engine.quotes.lifecycle import move_to
from dealkit.engine.quotes.store import load_quote, save_quote
from dealkit.engine.store.models import Quote, QuoteStatus
from dealkit.engine.sync.outbox import UPSERT, record_mutation
from dealkit.engine.workspace import Workspace

CURRENT_USER_KEY = "current_user_id"


def submitted_document(doc: QuoteDocument, result: QuoteCheck, today: date) -> QuoteDocument:
    """``doc`` as submitted: an approved quote that changed goes back through draft first."""
    if doc.status is Status.APPROVED:
        doc = move_to(doc, Status.DRAFT, today)
    return submit(doc, result, today)


def submit_quote(
    workspace: Workspace,
    doc: QuoteDocument,
    priced: QuotePrice,
    result: QuoteCheck,
    today: date,
) -> QuoteDocument:
    """Worker thread: submit and save ``doc``; returns the document as saved (number filled).

    ``PricingError`` (nothing written) when the move is not allowed or the quote cannot be
    saved.
    """
    moved = submitted_document(doc, result, today)
    owner_id = workspace.info(CURRENT_USER_KEY) or ""
    with workspace.store.session() as session, session.begin():
        existing = None
        if doc.number:
            existing = session.scalars(
                select(Quote).where(Quote.number == doc.number, Quote.version == doc.version)
            ).first()
        if existing is None:
            quote = save_quote(session, moved, priced, owner_id)
            number = quote.number
        else:
            if existing.status not in (QuoteStatus.DRAFT, QuoteStatus.APPROVED):
                raise PricingError(
                    [
                        Problem(
                            "quote",
                            "status",
                            f"{doc.number} version {doc.version} is already "
                            f"{existing.status.value}: revise the quote to change it",
                        )
                    ]
                )
            saved = load_quote(session, doc.number, doc.version)
            if replace(saved, status=moved.status) == moved:
                existing.status = QuoteStatus(moved.status.value)
                record_mutation(  # the status move goes to the server too (sync push)
                    session,
                    Quote.__tablename__,
                    UPSERT,
                    existing.id,
                    {"status": moved.status.value},
                    base_seq=existing.server_seq,
                )
            else:
                session.delete(existing)
                session.flush()
                save_quote(session, moved, priced, owner_id)
            number = doc.number
    with workspace.store.session() as session:
        return load_quote(session, number, doc.version)
