"""How a number reads in an explanation: ``12.5``, ``100``, ``0.25`` -- no trailing zeros, never
an exponent.

Price waterfalls, approval reasons and commission traces all write quantities, factors and
percentages this way, so they read alike wherever a rep meets them.
"""

from __future__ import annotations

from decimal import Decimal


def plain_number(value: Decimal) -> str:
    """``Decimal('12.500')`` → ``"12.5"``, ``Decimal('1E+2')`` → ``"100"``; never an exponent."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"
