"""A quote's status over its life, and its expiry.

draft → in_review → approved → sent → won / lost. A draft that needs no approval is approved
on submission (``approvals.check.submit``) and may then be sent. Any open quote past its expiry
date reads as expired. Revising (``versions.revise``) starts a new draft version; the old
version keeps its status.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dealkit.engine.pricing.errors import PricingError, Problem
from dealkit.engine.quotes.document import QuoteDocument, Status

ALLOWED: dict[Status, frozenset[Status]] = {
    Status.DRAFT: frozenset({Status.IN_REVIEW, Status.APPROVED, Status.LOST}),
    Status.IN_REVIEW: frozenset({Status.APPROVED, Status.DRAFT, Status.LOST}),
    Status.APPROVED: frozenset({Status.SENT, Status.DRAFT, Status.LOST}),
    Status.SENT: frozenset({Status.WON, Status.LOST, Status.EXPIRED}),
    Status.WON: frozenset(),
    Status.LOST: frozenset(),
    Status.EXPIRED: frozenset(),
}
OPEN = frozenset({Status.DRAFT, Status.IN_REVIEW, Status.APPROVED, Status.SENT})


def is_expired(doc: QuoteDocument, today: date) -> bool:
    """An open quote whose expiry date has passed (the expiry day itself is still valid)."""
    return doc.status in OPEN and doc.expires_on is not None and today > doc.expires_on


def effective_status(doc: QuoteDocument, today: date) -> Status:
    return Status.EXPIRED if is_expired(doc, today) else doc.status


def move_to(doc: QuoteDocument, status: Status, today: date) -> QuoteDocument:
    """The document in ``status``, or ``PricingError`` saying why that move is not allowed."""
    current = effective_status(doc, today)
    if current is Status.EXPIRED and status is not Status.EXPIRED:
        raise PricingError(
            [
                Problem(
                    "quote",
                    "status",
                    f"the quote expired on {doc.expires_on}: revise it (a new version with a "
                    "new expiry) before moving it on",
                )
            ]
        )
    if status not in ALLOWED[current]:
        allowed = ", ".join(sorted(s.value for s in ALLOWED[current])) or "nothing (it is closed)"
        raise PricingError(
            [
                Problem(
                    "quote",
                    "status",
                    f"a {current.value} quote cannot become {status.value}; it can become "
                    f"{allowed}",
                )
            ]
        )
    return replace(doc, status=status)
