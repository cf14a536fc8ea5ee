"""Suggestions on the demo workspace's quotes, with labelled expectations."""

from __future__ import annotations

import json
from datetime import date

import pytest

from dealkit.engine.content.deal_context import (
    DealNotFoundError,
    from_quote_file,
    from_saved_quote,
)
from dealkit.engine.content.suggestions import suggest
from dealkit.engine.store.models import ContentItem, ContentStatus

AS_OF = date(2026, 11, 27)


def _suggest(workspace, number: str, limit: int = 10):
    with workspace.store.session() as session:
        deal = from_saved_quote(session, number)
        return deal, suggest(session, deal, AS_OF, limit)


@pytest.mark.parametrize(
    ("number", "competitor", "battlecard_title"),
    [
        ("Q-2026-0161", "Fabrikam Networks", "Battlecard: Secure Edge vs Fabrikam SASE"),
        ("Q-2026-0162", "Litware Storage", "Battlecard: A20 and A60 vs Litware Storage"),
    ],
)
def test_the_named_competitors_battlecard_ranks_first(
    demo_workspace, number, competitor, battlecard_title
) -> None:
    deal, found = _suggest(demo_workspace, number)
    assert competitor in deal.competitors
    assert found[0].kind == "battlecard" and found[0].title == battlecard_title
    assert found[0].why == f"battlecard for {competitor}, named on this quote"


def test_without_a_competitor_datasheets_of_the_products_lead(demo_workspace) -> None:
    deal, found = _suggest(demo_workspace, "Q-2026-0159")
    assert deal.competitors == () and "SRV-HCI-4" in deal.skus
    assert found[0].kind == "collateral"
    assert found[0].why in {f"datasheet of {sku}, on this quote" for sku in deal.skus}
    assert all(s.reasons for s in found)


def test_customer_stories_in_the_industry_are_suggested(demo_workspace) -> None:
    deal, found = _suggest(demo_workspace, "Q-2026-0162", limit=20)
    assert deal.industry == "finance"
    stories = [s for s in found if s.kind == "customer_story"]
    assert stories and stories[0].why == "customer story in finance, the customer's industry"


def test_thai_material_is_not_pushed_to_a_north_american_deal(demo_workspace) -> None:
    deal, found = _suggest(demo_workspace, "Q-2026-0162", limit=50)
    assert deal.region == "north_america"
    assert all(s.language == "en" for s in found[:10])


def test_hidden_items_are_never_suggested(demo_workspace) -> None:
    _, before = _suggest(demo_workspace, "Q-2026-0161")
    with demo_workspace.store.session() as session, session.begin():
        session.get(ContentItem, before[0].item_id).status = ContentStatus.ARCHIVED
    _, after = _suggest(demo_workspace, "Q-2026-0161")
    assert before[0].item_id not in {s.item_id for s in after}


def test_a_quote_file_names_its_competitors(demo_workspace, tmp_path) -> None:
    path = tmp_path / "quote.json"
    path.write_text(
        json.dumps(
            {
                "format": "dealkit-quote/1",
                "customer": {"name": "Atlantic Mutual Bank"},
                "currency": "USD",
                "date": "2026-11-27",
                "competitors": ["Contoso Compute"],
                "lines": [{"id": "L1", "sku": "SRV-R7", "quantity": 2}],
            }
        ),
        encoding="utf-8",
    )
    with demo_workspace.store.session() as session:
        deal = from_quote_file(session, path)
        found = suggest(session, deal, AS_OF)
    assert deal.competitors == ("Contoso Compute",) and deal.families == ("SRV",)
    assert found[0].kind == "battlecard" and "Contoso Compute" in found[0].title
    assert found[0].why == "battlecard for Contoso Compute, named on this quote"


def test_an_unknown_quote_number_says_what_to_give(demo_workspace) -> None:
    with demo_workspace.store.session() as session, pytest.raises(DealNotFoundError, match="Q-"):
        from_saved_quote(session, "Q-1999-0001")
