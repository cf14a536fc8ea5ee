"""Transactions (credited sale lines) as the calculation sees them, wherever they came from.

Quotes closed in the app arrive as ``CommissionTransaction`` rows of the store; other systems'
deals arrive as CSV files (``csv_import``). Both become ``Txn`` values carrying the customer
facts the plan can match on (segment, industry, region, new logo), so the calculation never
touches the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Txn:
    """One sale line credited to one rep (a split deal has one row per rep).

    ``amount`` is the whole line's net amount in ``currency``; the rep's share is
    ``split_pct`` percent of it. ``seq`` is a unique number given on loading, so that two
    identical rows stay two rows.
    """

    seq: int
    ref: str
    rep: str
    sku: str
    family: str
    closed_on: date
    quantity: Decimal
    amount: Decimal
    currency: str
    split_pct: Decimal = Decimal(100)
    segment: str = ""
    industry: str = ""
    region: str = ""
    new_logo: bool = False
    cancelled_on: date | None = None
    source_line: int = 0

    def facts(self) -> tuple[str, str, str, str, str, bool]:
        """The values a ``Match`` looks at, in its argument order."""
        return (self.sku, self.family, self.segment, self.industry, self.region, self.new_logo)
