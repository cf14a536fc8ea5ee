"""How figures are written inside traces: money through Babel, rates as plain percentages.

Traces are read by reps checking their pay, so they use the same money formatting as the rest of
the application ("$1,200.00") and rates without trailing zeros ("4%", "2.5%").
"""

from __future__ import annotations

from decimal import Decimal

# Traces write money and plain numbers exactly as price waterfalls do; the writers live with the
# money type and the number wording shared by the engine.
from dealkit.engine.money import money_text as money
from dealkit.engine.number_text import plain_number as number

__all__ = ["money", "number", "pct", "percent_value"]


def pct(fraction: Decimal) -> str:
    """0.15 -> "15%", 0.025 -> "2.5%"."""
    value = (fraction * 100).normalize()
    return f"{value:f}%"


def percent_value(value: Decimal) -> str:
    """A percentage already in percent units (100 -> "100%")."""
    return f"{value.normalize():f}%"
