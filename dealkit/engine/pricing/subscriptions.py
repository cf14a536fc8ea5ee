"""Subscription terms: dates, proration to co-term, and billing frequency.

A recurring product's price is per unit per year (as in the price books). A line runs
``term_months`` from its start date, or, when it co-terms with an existing contract, from its start
date to that contract's end; then the term is a whole number of months plus a fraction of a
month (the remaining days over the days of that month), the usual "monthly plus daily" proration.
"""

from __future__ import annotations

import calendar
import enum
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from dealkit.engine.words import words


class BillingFrequency(enum.StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMIANNUAL = "semiannual"
    ANNUAL = "annual"
    UPFRONT = "upfront"  # the whole term invoiced at the start

    @property
    def months(self) -> int | None:
        return {"monthly": 1, "quarterly": 3, "semiannual": 6, "annual": 12}.get(self.value)


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole calendar months, clamped to the month's last day (Jan 31 → Feb 28)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def term_end(start: date, months: int) -> date:
    """The last day (inclusive) of a term of ``months`` starting on ``start``."""
    return add_months(start, months) - timedelta(days=1)


class Term(NamedTuple):
    """When a subscription line runs, and its length in (possibly fractional) months."""

    start: date
    end: date  # inclusive
    months: Decimal
    whole_months: int
    extra_days: int
    co_termed: bool

    def describe(self) -> str:
        start, end = self.start.isoformat(), self.end.isoformat()
        if self.extra_days:
            text = words(
                "{start} to {end}: {months} months and {days} days = {exact} months",
                start=start,
                end=end,
                months=self.whole_months,
                days=self.extra_days,
                exact=self.months.quantize(Decimal("0.0001")),
            )
        else:
            text = words(
                "{start} to {end}: {months} months", start=start, end=end, months=self.whole_months
            )
        if self.co_termed:
            text += words(" (co-termed with the existing contract)")
        return text


@lru_cache(maxsize=4096)
def fixed_term(start: date, months: int) -> Term:
    return Term(start, term_end(start, months), Decimal(months), months, 0, False)


def co_term(start: date, contract_end: date) -> Term:
    """The prorated term from ``start`` to ``contract_end`` (inclusive).

    Whole months first, then the remaining days as a fraction of the month that follows.
    ``contract_end`` must not be before ``start`` (validation says so before this is called).
    """
    end_exclusive = contract_end + timedelta(days=1)
    whole = 0
    while add_months(start, whole + 1) <= end_exclusive:
        whole += 1
    month_start = add_months(start, whole)
    extra = (end_exclusive - month_start).days
    month_days = (add_months(start, whole + 1) - month_start).days
    months = Decimal(whole) + Decimal(extra) / Decimal(month_days)
    return Term(start, contract_end, months, whole, extra, True)


@dataclass(frozen=True, slots=True)
class BillingPlan:
    """How a recurring line is invoiced: how many invoices, and the amount of a full period."""

    frequency: BillingFrequency
    periods: int
    amount_per_period: Decimal  # unrounded; the caller rounds to the currency

    def to_json(self) -> dict[str, object]:
        return {
            "frequency": self.frequency.value,
            "periods": self.periods,
            "amount_per_period": str(self.amount_per_period),
        }


def billing_plan(frequency: BillingFrequency, term: Term, monthly: Decimal) -> BillingPlan:
    """Invoices for ``term`` at ``monthly``; a last, partial period is billed pro rata."""
    period = frequency.months
    if period is None:
        return BillingPlan(frequency, 1, monthly * term.months)
    whole_periods, rest = divmod(term.months, Decimal(period))
    periods = int(whole_periods) + (1 if rest > 0 else 0)
    return BillingPlan(frequency, max(periods, 1), monthly * period)
