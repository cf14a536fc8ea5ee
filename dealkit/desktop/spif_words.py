"""A SPIF's progress in the interface language, worded once for the Commissions page and the
quote's commission panel: "3 of 5 SUB-SECURE-EDGE sold: Trip to Phuket · won!"."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from dealkit.engine.money import Money


def spif_progress_text(
    done: Decimal,
    goal: Decimal,
    measure: str,
    what: str,
    reward: str,
    reached: bool,
    currency: str,
    locale: str,
) -> str:
    """``done`` of ``goal`` (units, or money when ``measure`` is "amount") of ``what``, the
    reward, and "won!" once reached."""
    if measure == "amount":
        pattern = QCoreApplication.translate("SpifProgress", "%1 of %2 %3 booked: %4")
        done_text = Money(done, currency).format(locale)
        goal_text = Money(goal, currency).format(locale)
    else:
        pattern = QCoreApplication.translate("SpifProgress", "%1 of %2 %3 sold: %4")
        done_text, goal_text = _units(done), _units(goal)
    text = (
        pattern.replace("%1", done_text)
        .replace("%2", goal_text)
        .replace("%3", what)
        .replace("%4", reward)
    )
    if reached:
        text += " · " + QCoreApplication.translate("SpifProgress", "won!")
    return text


def _units(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(int(value))
    return f"{value.normalize():f}"
