"""The quote document: what a rep builds and a customer receives, as plain immutable values.

The JSON form is ``json_format.py`` (docs/quote-json.md); pricing it is ``pricing.py``; versions
and their differences are ``versions.py``; the status lifecycle and expiry are ``lifecycle.py``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from dealkit.engine.pricing.inputs import OptionPick
from dealkit.engine.pricing.subscriptions import BillingFrequency
from dealkit.engine.terms.selection import TermsSelection

FORMAT = "dealkit-quote/1"
ZERO = Decimal(0)


class Status(enum.StrEnum):
    """Where a quote is in its life (the same values as the store's QuoteStatus)."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    SENT = "sent"
    WON = "won"
    LOST = "lost"
    EXPIRED = "expired"


@dataclass(frozen=True)
class CustomerRef:
    """Who the quote is for. ``id`` or ``name`` finds the customer in the store; ``segment`` and
    ``region`` are taken from the store when it has the customer, else from the document."""

    name: str
    id: str | None = None
    segment: str | None = None
    region: str | None = None

    def keys(self) -> tuple[str, ...]:
        return tuple(k for k in (self.id, self.name) if k)


@dataclass(frozen=True)
class Subscription:
    term_months: int | None = None
    start: date | None = None
    co_term_end: date | None = None
    billing: BillingFrequency | None = None


@dataclass(frozen=True)
class QuoteLineDoc:
    id: str
    sku: str
    quantity: Decimal
    options: tuple[OptionPick, ...] = ()
    discount_percent: Decimal = ZERO
    discount_amount: Decimal = ZERO
    group: str = ""
    subscription: Subscription | None = None
    notes: str = ""


@dataclass(frozen=True)
class GroupDoc:
    name: str
    alternative: str | None = None
    selected: bool = False
    description: str = ""


@dataclass(frozen=True)
class QuoteDocument:
    customer: CustomerRef
    currency: str
    date: date
    lines: tuple[QuoteLineDoc, ...]
    number: str = ""
    version: int = 1
    name: str = ""
    status: Status = Status.DRAFT
    owner: str = ""
    expires_on: date | None = None
    payment_terms_days: int = 30
    notes: str = ""
    competitors: tuple[str, ...] = ()  # rivals named on the deal (for suggestions)
    discount_percent: Decimal = ZERO
    discount_amount: Decimal = ZERO
    partner_name: str = ""
    partner_percent: Decimal = ZERO
    groups: tuple[GroupDoc, ...] = ()
    terms: TermsSelection = field(default_factory=TermsSelection)

    def line(self, line_id: str) -> QuoteLineDoc:
        for line in self.lines:
            if line.id == line_id:
                return line
        raise KeyError(line_id)
