"""Pace for a period: how much of it is gone, what is still missing to quota, where the rep ends
if the pace so far holds, and attainment day by day (what the Commissions chart draws).

These are commission figures a rep reads, so they are worked out here, once, for the window,
the command line and the server alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from dealkit.engine.commissions.crediting import Credit
from dealkit.engine.commissions.periods import Period
from dealkit.engine.money import Money


def elapsed_percent(period: Period, day: date) -> Decimal:
    """The share of ``period`` gone by the end of ``day``, in percent, to one decimal."""
    elapsed = Decimal((day - period.start).days + 1)
    return (elapsed * 100 / period.days).quantize(Decimal("0.1"))


def amount_to_go(quota: Money, attainment: Money) -> Money:
    """What is still missing to reach quota (zero once it is reached)."""
    return Money(max(quota.amount - attainment.amount, Decimal(0)), quota.currency)


def projected_percent(attainment_pct: Decimal, elapsed_pct: Decimal) -> Decimal | None:
    """Attainment at the end of the period if the pace so far holds (None at the very start)."""
    if not elapsed_pct:
        return None
    return (attainment_pct * 100 / elapsed_pct).quantize(Decimal("1"), ROUND_HALF_UP)


def attainment_series(credits: Iterable[Credit], currency: str) -> list[tuple[date, Money]]:
    """Attainment after each closing day, from the period's credits in date order."""
    series: list[tuple[date, Money]] = []
    running = Decimal(0)
    for credit in credits:
        running += credit.amount
        point = (credit.txn.closed_on, Money(running, currency))
        if series and series[-1][0] == credit.txn.closed_on:
            series[-1] = point
        else:
            series.append(point)
    return series
