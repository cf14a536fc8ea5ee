"""The sales history is a pure function of the anchor date (and the sources)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

import pytest

from dealkit.engine.demo.deal_generator import generate_deals, quarter_start
from dealkit.engine.demo.sources import DemoSources, read_sources
from dealkit.engine.store.models import QuoteStatus

ANCHOR = date(2026, 11, 27)


@pytest.fixture(scope="module")
def sources() -> DemoSources:
    return read_sources(ANCHOR)


def _deals(sources: DemoSources, anchor: date):
    return generate_deals(
        anchor,
        sources.customers,
        sources.products,
        sources.books,
        sources.reps,
        sources.current_user,
    )


def test_same_anchor_same_deals(sources):
    first = [asdict(d) for d in _deals(sources, ANCHOR)]
    second = [asdict(d) for d in _deals(sources, ANCHOR)]
    assert first == second


def test_another_anchor_moves_the_history(sources):
    later = _deals(sources, date(2027, 3, 10))
    assert all(d.closed_on <= date(2027, 3, 10) for d in later if d.closed_on)
    assert min(d.closed_on for d in later if d.closed_on) >= date(2026, 3, 11)
    assert [asdict(d) for d in later] != [asdict(d) for d in _deals(sources, ANCHOR)]


@pytest.mark.parametrize("anchor", [date(2026, 1, 1), date(2026, 3, 31), date(2027, 7, 1)])
def test_story_holds_at_any_anchor(sources, anchor):
    deals = _deals(sources, anchor)
    start = quarter_start(anchor)
    mine = [
        d
        for d in deals
        if d.owner == "alex" and d.status is QuoteStatus.WON and d.closed_on >= start
    ]
    assert len(mine) == 5
    units = sum(line.quantity for d in mine for line in d.lines if line.sku == "SUB-SECURE-EDGE")
    assert units == 3
    numbers = [d.number for d in deals]
    assert len(numbers) == len(set(numbers))
    assert all(d.closed_on is None or d.closed_on <= anchor for d in deals)


def test_quarter_start():
    assert quarter_start(date(2026, 11, 27)) == date(2026, 10, 1)
    assert quarter_start(date(2026, 3, 31)) == date(2026, 1, 1)
