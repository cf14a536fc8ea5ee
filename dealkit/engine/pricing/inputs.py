"""What the pricing engine is asked to price: quote lines and the quote-level terms.

These are plain, immutable values. The quote document (``engine/quotes``) turns its JSON into
them; the desktop grid builds them from edits. Amounts are ``Decimal`` in the quote's currency.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from dealkit.engine.pricing.subscriptions import BillingFrequency

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class OptionPick:
    """An option chosen for a product: ``quantity`` of ``sku`` per unit of the line.

    Without ``price`` the option is a catalog product priced from the price book. With ``price``
    (per option unit, in the quote's currency) it is an option of a configurable product whose
    price comes from the product model (the configurator); ``sku`` is then the option's code,
    e.g. ``cpu/gold-6430``, and ``cost`` its unit cost when the model gives one.
    """

    sku: str
    quantity: Decimal = Decimal(1)
    price: Decimal | None = None
    cost: Decimal | None = None
    label: str = ""


@dataclass(frozen=True, slots=True)
class LineInput:
    """One quote line as the rep entered it.

    ``discount_percent`` then ``discount_amount`` (off the line's total) are the rep's additional
    discounts, applied after the volume schedule. Subscription fields matter only for recurring
    products: ``term_months`` from ``start_date`` (default: the quote date), or co-termed to end
    with an existing contract on ``co_term_end``.
    """

    id: str
    sku: str
    quantity: Decimal
    options: tuple[OptionPick, ...] = ()
    discount_percent: Decimal = ZERO
    discount_amount: Decimal = ZERO
    group: str = ""
    term_months: int | None = None
    start_date: date | None = None
    co_term_end: date | None = None
    billing: BillingFrequency | None = None


@dataclass(frozen=True, slots=True)
class GroupSpec:
    """A named group of lines. Groups sharing an ``alternative`` set are Option A / B / C: the
    customer picks one; ``selected`` marks the one counted in the quote total."""

    name: str
    alternative: str | None = None
    selected: bool = False


@dataclass(frozen=True)
class QuoteTerms:
    """Quote-level pricing inputs: who the customer is, and discounts across all lines.

    ``discount_percent`` or ``discount_amount`` (not both) is the quote-level discount, spread
    across the lines; ``partner_percent`` is the channel partner's margin, taken last.
    """

    currency: str
    on: date
    customer_keys: tuple[str, ...] = ()  # the customer's id and name, for contracted prices
    segment: str | None = None
    discount_percent: Decimal = ZERO
    discount_amount: Decimal = ZERO
    partner_name: str = ""
    partner_percent: Decimal = ZERO
    groups: tuple[GroupSpec, ...] = field(default_factory=tuple)
