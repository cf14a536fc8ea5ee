"""Calculation periods (months or quarters of the calendar year) and the windows inside them.

A plan is calculated period by period; labels are stable text ("2026-Q4", "2026-06") because they
appear in statements, ledgers and the command line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dealkit.engine.commissions.errors import CommissionError

PERIOD_KINDS = ("month", "quarter")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A closed date range [start, end] with its label."""

    start: date
    end: date
    kind: str

    @property
    def label(self) -> str:
        if self.kind == "quarter":
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        return f"{self.start.year}-{self.start.month:02d}"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def next(self) -> Period:
        return period_of(self.end + timedelta(days=1), self.kind)

    def previous(self) -> Period:
        return period_of(self.start - timedelta(days=1), self.kind)

    def __str__(self) -> str:
        return self.label


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def period_of(day: date, kind: str) -> Period:
    """The period of ``kind`` ("month" or "quarter") that contains ``day``."""
    if kind == "quarter":
        first = (day.month - 1) // 3 * 3 + 1
        return Period(date(day.year, first, 1), _month_end(day.year, first + 2), kind)
    if kind == "month":
        return Period(date(day.year, day.month, 1), _month_end(day.year, day.month), kind)
    raise ValueError(f"unknown period kind {kind!r}")


def quarter_of(day: date) -> Period:
    return period_of(day, "quarter")


def parse_period(label: str) -> Period:
    """Read "2026-Q1" (a quarter) or "2026-03" (a month)."""
    text = label.strip()
    if m := _QUARTER.match(text):
        return period_of(date(int(m[1]), (int(m[2]) - 1) * 3 + 1, 1), "quarter")
    if m := _MONTH.match(text):
        return period_of(date(int(m[1]), int(m[2]), 1), "month")
    raise CommissionError(
        f"period {label!r} is not understood: write a quarter such as 2026-Q1 or a month "
        f"such as 2026-03"
    )


def periods_between(first: Period, last: Period) -> list[Period]:
    """Every period from ``first`` to ``last`` inclusive (same kind)."""
    out = [first]
    while out[-1].end < last.start:
        out.append(out[-1].next())
    return out


def overlap_days(a_start: date, a_end: date | None, b_start: date, b_end: date) -> int:
    """Days shared by [a_start, a_end] (open-ended when a_end is None) and [b_start, b_end]."""
    lo = max(a_start, b_start)
    hi = min(a_end or b_end, b_end)
    return max(0, (hi - lo).days + 1)
