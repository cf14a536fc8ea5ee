"""Interface names for the engine's codes (quote statuses, content kinds, languages).

The engine keeps stable English codes (``in_review``); what a person reads is translated here
through Qt, at the moment it is shown, so a language switch renames everything at once.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from PySide6.QtCore import QCoreApplication

from dealkit.engine.store.models import ContentKind, QuoteStatus


def quote_status(status: QuoteStatus | str) -> str:
    names = {
        QuoteStatus.DRAFT: QCoreApplication.translate("Labels", "Draft"),
        QuoteStatus.IN_REVIEW: QCoreApplication.translate("Labels", "In review"),
        QuoteStatus.APPROVED: QCoreApplication.translate("Labels", "Approved"),
        QuoteStatus.SENT: QCoreApplication.translate("Labels", "Sent"),
        QuoteStatus.WON: QCoreApplication.translate("Labels", "Won"),
        QuoteStatus.LOST: QCoreApplication.translate("Labels", "Lost"),
        QuoteStatus.EXPIRED: QCoreApplication.translate("Labels", "Expired"),
    }
    try:
        return names[QuoteStatus(status)]
    except ValueError:
        return str(status)


def content_kind(kind: ContentKind | str) -> str:
    names = {
        ContentKind.TRAINING: QCoreApplication.translate("Labels", "Training"),
        ContentKind.COLLATERAL: QCoreApplication.translate("Labels", "Collateral"),
        ContentKind.BATTLECARD: QCoreApplication.translate("Labels", "Battlecard"),
        ContentKind.MARKET_NOTE: QCoreApplication.translate("Labels", "Market note"),
        ContentKind.CUSTOMER_STORY: QCoreApplication.translate("Labels", "Customer story"),
        ContentKind.POLICY: QCoreApplication.translate("Labels", "Policy"),
    }
    try:
        return names[ContentKind(kind)]
    except ValueError:
        return str(kind).replace("_", " ").capitalize()


def content_language(code: str) -> str:
    names = {
        "en": QCoreApplication.translate("Labels", "English"),
        "th": QCoreApplication.translate("Labels", "Thai"),
    }
    return names.get(code, code)


def short_date(day: date | None, babel_locale: str) -> str:
    """A date as the reader's locale writes it in short form (``Nov 27, 2026``)."""
    if day is None:
        return ""
    return format_date(day, format="medium", locale=babel_locale)
