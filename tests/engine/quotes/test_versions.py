"""Revising makes a new version; the diff says what changed, and what that did to the price."""

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest

from dealkit.engine.pricing import PriceRules, PricingError
from dealkit.engine.quotes import (
    Status,
    diff,
    effective_status,
    is_expired,
    load_quote_catalog,
    move_to,
    price_document,
    quote_from_data,
    revise,
)
from tests.helpers.pricing import atlantic_quote


def test_revise_and_diff_with_prices(demo_workspace):
    v1 = quote_from_data(atlantic_quote())
    v2 = revise(v1, date(2026, 12, 2))
    assert (v2.version, v2.status, v2.date, v2.expires_on) == (
        2,
        Status.DRAFT,
        date(2026, 12, 2),
        date(2027, 1, 1),  # the same 30 days of validity
    )
    lines = list(v2.lines)
    lines[2] = replace(lines[2], quantity=D(8))  # L3: 5 -> 8 days
    del lines[3]  # drop Option A
    v2 = replace(v2, lines=tuple(lines), discount_amount=D(0), discount_percent=D(2))
    with demo_workspace.store.session() as session:
        catalog, facts = load_quote_catalog(session, v1)
    _, p1 = price_document(v1, catalog, PriceRules(), facts)
    _, p2 = price_document(v2, catalog, PriceRules(), facts)
    text = [str(c) for c in diff(v1, v2, p1, p2)]
    assert "quote: date 2026-11-27 → 2026-12-02" in text
    assert 'quote: discount {"amount": "1000.00"} → {"percent": "2"}' in text
    assert "line 3 [L3] (SVC-PS-DAY): quantity 5 → 8" in text
    assert "line 4 [L4] (NET-SPINE-64): removed" in text
    # L3 at 8 days: 14,400 less 10% less 200 = 12,760, less 2% = 12,504.80
    assert "line 3 [L3] (SVC-PS-DAY): net 7873.93 → 12504.80" in text
    assert any(t.startswith("totals: net ") for t in text)


def test_expiry_and_status_moves():
    doc = quote_from_data(atlantic_quote())  # expires 2026-12-27
    assert not is_expired(doc, date(2026, 12, 27))
    assert effective_status(doc, date(2026, 12, 28)) is Status.EXPIRED
    sent = move_to(
        move_to(doc, Status.IN_REVIEW, date(2026, 12, 1)), Status.APPROVED, date(2026, 12, 1)
    )
    assert move_to(sent, Status.SENT, date(2026, 12, 1)).status is Status.SENT
    with pytest.raises(PricingError, match="a draft quote cannot become won"):
        move_to(doc, Status.WON, date(2026, 12, 1))
    with pytest.raises(PricingError, match="expired on 2026-12-27: revise it"):
        move_to(doc, Status.IN_REVIEW, date(2027, 1, 5))
