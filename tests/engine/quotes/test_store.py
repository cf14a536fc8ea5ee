"""Saving a quote version: all or nothing, and read back the same."""

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from dealkit.engine.pricing import PriceRules, PricingError
from dealkit.engine.quotes import load_quote_catalog, price_document, quote_from_data
from dealkit.engine.quotes.store import load_quote, next_quote_number, save_quote
from dealkit.engine.store.models import Quote, QuoteLine
from tests.helpers.pricing import atlantic_quote


def fresh_quote():
    """The Atlantic quote under a number the demo does not use."""
    return quote_from_data({**atlantic_quote(), "number": "Q-2026-9001"})


def priced(workspace, doc):
    with workspace.store.session() as session:
        catalog, facts = load_quote_catalog(session, doc)
    return price_document(doc, catalog, PriceRules(), facts)[1]


def counts(workspace):
    with workspace.store.session() as session:
        return (
            session.scalar(select(func.count()).select_from(Quote)),
            session.scalar(select(func.count()).select_from(QuoteLine)),
        )


def test_save_and_load_round_trip(demo_workspace):
    doc = fresh_quote()
    result = priced(demo_workspace, doc)
    owner = demo_workspace.info("current_user_id")
    with demo_workspace.store.session() as session, session.begin():
        quote = save_quote(session, doc, result, owner)
        assert [line.net_amount for line in quote.lines] == [lp.net for lp in result.lines]
    with demo_workspace.store.session() as session:
        again = load_quote(session, "Q-2026-9001")
        row = session.scalars(select(Quote).where(Quote.number == "Q-2026-9001")).one()
        assert row.customer.name == "Atlantic Mutual Bank" and row.owner.username == "alex"
    assert replace(again, customer=doc.customer) == doc
    assert again.customer.id is not None


def test_nothing_is_saved_half_way(demo_workspace):
    before = counts(demo_workspace)
    doc = fresh_quote()
    result = priced(demo_workspace, doc)
    owner = demo_workspace.info("current_user_id")
    bad = replace(doc, owner="nobody", customer=replace(doc.customer, name="No Such Co"))
    with (
        pytest.raises(PricingError) as excinfo,
        demo_workspace.store.session() as session,
        session.begin(),
    ):
        save_quote(session, bad, result, owner)
    assert [p.field for p in excinfo.value.problems] == ["customer", "owner"]
    assert counts(demo_workspace) == before
    # an error while the rows are being built (here a priced result that does not match the
    # document: one line short) leaves nothing behind either
    short = replace(result, lines=result.lines[:-1])
    with (
        pytest.raises(ValueError, match="zip"),
        demo_workspace.store.session() as session,
        session.begin(),
    ):
        save_quote(session, doc, short, owner)
    assert counts(demo_workspace) == before


def test_a_saved_version_is_not_overwritten(demo_workspace):
    doc = fresh_quote()
    result = priced(demo_workspace, doc)
    owner = demo_workspace.info("current_user_id")
    with demo_workspace.store.session() as session, session.begin():
        save_quote(session, doc, result, owner)
    with (
        pytest.raises(PricingError, match="version 1 is already saved: revise"),
        demo_workspace.store.session() as session,
        session.begin(),
    ):
        save_quote(session, doc, result, owner)


@pytest.mark.parametrize("unnumbered", [None, ""])
def test_an_unnumbered_quote_takes_the_next_number_of_its_year(demo_workspace, unnumbered):
    doc = replace(fresh_quote(), number=unnumbered)
    owner = demo_workspace.info("current_user_id")
    with demo_workspace.store.session() as session:
        expected = next_quote_number(session, doc.date.year)
    with demo_workspace.store.session() as session, session.begin():
        quote = save_quote(session, doc, priced(demo_workspace, doc), owner)
        assert quote.number == expected
    with demo_workspace.store.session() as session:
        assert load_quote(session, expected).lines == doc.lines
