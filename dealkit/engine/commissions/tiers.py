"""Rate tables by attainment: marginal (each band at its own rate) and retroactive (everything
at the rate of the highest band reached), for a period total and for one deal's slice of it.

Bands are ``(upper bound or None, rate)`` with bounds already resolved to amounts.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from dealkit.engine.commissions.formatting import money, pct

Bands = list[tuple[Decimal | None, Decimal]]


@dataclass(frozen=True, slots=True)
class Slice:
    """The part of an amount that falls in one band."""

    low: Decimal
    high: Decimal
    rate: Decimal

    @property
    def size(self) -> Decimal:
        return self.high - self.low

    @property
    def earnings(self) -> Decimal:
        return self.size * self.rate


def slices(start: Decimal, end: Decimal, bands: Bands) -> list[Slice]:
    """Split the range [start, end] of cumulative credit across the bands it crosses."""
    out: list[Slice] = []
    low = Decimal(0)
    for upper, rate in bands:
        high = upper if upper is not None else max(end, low)
        a, b = max(start, low), min(end, high)
        if b > a:
            out.append(Slice(a, b, rate))
        low = high
        if low >= end:
            break
    return out


def band_rate(total: Decimal, bands: Bands) -> tuple[Decimal, Decimal]:
    """The rate of the band ``total`` falls in (a total on a bound belongs to the lower band),
    and that band's lower bound."""
    low = Decimal(0)
    for upper, rate in bands:
        if upper is None or total <= upper:
            return rate, low
        low = upper
    return bands[-1][1], low


def marginal(total: Decimal, bands: Bands, currency: str) -> tuple[Decimal, str]:
    """Earnings on ``total`` with each band at its own rate, and the trace sentence."""
    parts = slices(Decimal(0), max(total, Decimal(0)), bands)
    amount = sum((s.earnings for s in parts), Decimal(0))
    words = []
    for i, s in enumerate(parts):
        what = f"the first {money(s.size, currency)}" if i == 0 else f"{money(s.size, currency)}"
        words.append(f"{pct(s.rate)} of {what} = {money(s.earnings, currency)}")
    body = "; ".join(words) if words else "nothing credited"
    return amount, f"{money(total, currency)} attained: {body}"


def retroactive(total: Decimal, bands: Bands, currency: str) -> tuple[Decimal, str]:
    """Earnings on ``total`` entirely at the rate of the highest band reached, with the trace."""
    positive = max(total, Decimal(0))
    rate, low = band_rate(positive, bands)
    amount = positive * rate
    where = f"above {money(low, currency)}" if low else "the first tier"
    return amount, (
        f"{money(total, currency)} attained reaches {where} at {pct(rate)}: "
        f"{pct(rate)} of {money(positive, currency)} = {money(amount, currency)} "
        f"(retroactive: the whole period at the rate reached)"
    )


def deal_marginal(before: Decimal, deal: Decimal, bands: Bands) -> tuple[Decimal, list[Slice]]:
    """What a deal of ``deal`` pays on top of ``before`` already attained, band by band."""
    parts = slices(before, before + deal, bands)
    return sum((s.earnings for s in parts), Decimal(0)), parts


def deal_retroactive(before: Decimal, deal: Decimal, bands: Bands) -> Decimal:
    """The increase of a retroactive table's earnings when ``deal`` is added to ``before``."""
    old_rate, _ = band_rate(max(before, Decimal(0)), bands)
    new_total = max(before + deal, Decimal(0))
    new_rate, _ = band_rate(new_total, bands)
    return new_total * new_rate - max(before, Decimal(0)) * old_rate
