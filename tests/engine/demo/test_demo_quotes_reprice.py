"""Demo quotes are ordinary quotes: the quotes engine loads each one and, priced from the same
price books (no extra price rules), gets exactly the net amounts the demo stored."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from dealkit.engine.store.models import Quote
from dealkit.engine.workspace import Workspace

quotes_store = pytest.importorskip("dealkit.engine.quotes.store")
quotes_pricing = pytest.importorskip("dealkit.engine.quotes.pricing")
pricing = pytest.importorskip("dealkit.engine.pricing")


def test_every_demo_quote_reprices_to_its_stored_lines(demo_workspace: Workspace):
    with demo_workspace.store.session() as session:
        quotes = list(session.scalars(select(Quote)))
        for quote in quotes:
            doc = quotes_store.load_quote(session, quote.number)
            assert [line.sku for line in doc.lines] == [line.product.sku for line in quote.lines]
            catalog, facts = quotes_pricing.load_quote_catalog(session, doc)
            _, priced = quotes_pricing.price_document(doc, catalog, pricing.PriceRules(), facts)
            assert [lp.net for lp in priced.lines] == [line.net_amount for line in quote.lines], (
                quote.number
            )
