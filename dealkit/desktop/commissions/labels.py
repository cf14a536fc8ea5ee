"""Interface names for the commission engine's codes (dispute reasons, statuses, line kinds).

The engine keeps stable English codes (``missing_credit``, ``in_review``); what the rep reads is
translated here at the moment it is shown, so a language switch renames everything at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# Each string is written out in a ``translate`` call so that lupdate finds it.


def reason_names() -> dict[str, str]:
    """Every reason the engine knows (``disputes.REASONS``), in the order the dialog offers."""
    return {
        "missing_credit": QCoreApplication.translate(
            "CommissionLabels", "A deal is missing or credited to someone else"
        ),
        "wrong_amount": QCoreApplication.translate(
            "CommissionLabels", "The amount credited is wrong"
        ),
        "wrong_split": QCoreApplication.translate("CommissionLabels", "The split is wrong"),
        "wrong_rate": QCoreApplication.translate(
            "CommissionLabels", "The rate or tier applied is wrong"
        ),
        "spif": QCoreApplication.translate("CommissionLabels", "SPIF progress is wrong"),
        "other": QCoreApplication.translate("CommissionLabels", "Something else"),
    }


def reason(code: str) -> str:
    return reason_names().get(code, code.replace("_", " "))


def status(code: str, resolution: str | None = None) -> str:
    names = {
        "open": QCoreApplication.translate("CommissionLabels", "Open"),
        "in_review": QCoreApplication.translate("CommissionLabels", "In review"),
        "resolved": QCoreApplication.translate("CommissionLabels", "Resolved"),
    }
    outcomes = {
        "adjusted": QCoreApplication.translate("CommissionLabels", "Resolved: adjusted"),
        "explained": QCoreApplication.translate("CommissionLabels", "Resolved: explained"),
        "rejected": QCoreApplication.translate("CommissionLabels", "Resolved: rejected"),
    }
    if code == "resolved" and resolution in outcomes:
        return outcomes[resolution]
    return names.get(code, code.replace("_", " "))


def line_kind(code: str) -> str:
    names = {
        "earning": QCoreApplication.translate("CommissionLabels", "Earnings"),
        "spif": QCoreApplication.translate("CommissionLabels", "SPIF"),
        "clawback": QCoreApplication.translate("CommissionLabels", "Clawback"),
        "adjustment": QCoreApplication.translate("CommissionLabels", "Adjustment"),
        "draw": QCoreApplication.translate("CommissionLabels", "Draw"),
    }
    return names.get(code, code)
