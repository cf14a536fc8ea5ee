"""Hypothesis properties of pricing, over the real catalog of tests/helpers/pricing.py.

* totals equal the sum of the rounded lines;
* repricing is deterministic and idempotent, and incremental edits end where a full reprice of
  the final lines ends;
* with only discounts, net never exceeds list.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from dealkit.engine.money import minor_units
from dealkit.engine.pricing import (
    GroupSpec,
    LineInput,
    PricingError,
    QuoteTerms,
    Repricer,
    load_catalog,
)
from dealkit.engine.workspace import Workspace
from tests.engine.pricing.support import sample_rules
from tests.helpers.pricing import QUOTE_DAY, fill_pricing_catalog

SKUS = [
    "NET-SPINE-64",
    "NET-LEAF-48",
    "SRV-R7",
    "ACC-RAM-64",
    "SUB-CLOUDOPS",
    "SUB-SEATS",
    "SVC-PS-DAY",
]
GROUPS = (
    GroupSpec("Core"),
    GroupSpec("Option A", alternative="storage"),
    GroupSpec("Option B", alternative="storage"),
)


@pytest.fixture(scope="module")
def catalogs(tmp_path_factory):
    workspace = Workspace.open(tmp_path_factory.mktemp("props") / "ws")
    fill_pricing_catalog(workspace)
    with workspace.store.session() as session:
        loaded = {c: load_catalog(session, c, QUOTE_DAY) for c in ("USD", "THB", "JPY")}
    workspace.close()
    return loaded


def decimals(low: str, high: str, places: int = 2):
    return st.decimals(Decimal(low), Decimal(high), places=places, allow_nan=False)


@st.composite
def line_inputs(draw, line_id: str):
    sku = draw(st.sampled_from(SKUS))
    percent = draw(st.one_of(st.just(Decimal(0)), decimals("0", "100")))
    amount = Decimal(0)
    if percent <= 90:
        amount = draw(st.one_of(st.just(Decimal(0)), decimals("0", "25")))
    recurring = sku.startswith("SUB-")
    return LineInput(
        id=line_id,
        sku=sku,
        quantity=draw(st.one_of(st.integers(1, 120).map(Decimal), decimals("0.25", "40"))),
        discount_percent=percent,
        discount_amount=amount,
        group=draw(st.sampled_from(["", "Core", "Option A", "Option B"])),
        term_months=draw(st.sampled_from([12, 24, 36, 7])) if recurring else None,
    )


@st.composite
def quotes(draw):
    count = draw(st.integers(1, 12))
    lines = [draw(line_inputs(f"L{i}")) for i in range(count)]
    currency = draw(st.sampled_from(["USD", "THB", "JPY"]))
    quote_percent = draw(st.one_of(st.just(Decimal(0)), decimals("0", "30")))
    quote_amount = Decimal(0) if quote_percent else draw(st.sampled_from(["0", "1", "7.77"]))
    terms = QuoteTerms(
        currency,
        QUOTE_DAY,
        discount_percent=quote_percent,
        discount_amount=Decimal(quote_amount),
        partner_percent=draw(st.one_of(st.just(Decimal(0)), decimals("0", "25"))),
        groups=GROUPS,
    )
    return terms, lines


def price(catalogs, terms, lines, repricer=None):
    """Price, rejecting the example when the quote discount is larger than what it discounts
    (the generated lines can be discounted to nothing; that is refused, by design)."""
    repricer = repricer or Repricer(catalogs[terms.currency], sample_rules(), terms)
    try:
        return repricer.price(lines)
    except PricingError as error:
        if all(p.where == "quote" for p in error.problems):
            reject()
        raise


SETTINGS = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(quotes())
def test_totals_are_the_sum_of_the_rounded_lines(catalogs, quote):
    terms, lines = quote
    result = price(catalogs, terms, lines)
    counted = [lp for lp in result.lines if lp.counted]
    places = minor_units(terms.currency)
    for lp in result.lines:
        assert lp.net == lp.net.quantize(Decimal(1).scaleb(-places))
    assert result.totals.net == sum((lp.net for lp in counted), Decimal(0))
    assert result.totals.list == sum((lp.list_total for lp in counted), Decimal(0))
    assert result.totals.mrr == sum((lp.mrr for lp in counted), Decimal(0))
    assert result.totals.one_time + result.totals.recurring == result.totals.net
    if terms.discount_amount:
        shares = sum((lp.quote_share for lp in counted), Decimal(0))
        assert shares == terms.discount_amount.quantize(Decimal(1).scaleb(-places))


@SETTINGS
@given(quotes())
def test_with_only_discounts_net_never_exceeds_list(catalogs, quote):
    terms, lines = quote
    result = price(catalogs, terms, lines)
    for lp in result.lines:
        assert Decimal(0) <= lp.net <= lp.list_total
    assert result.totals.net <= result.totals.list


@SETTINGS
@given(quotes())
def test_repricing_is_deterministic_and_idempotent(catalogs, quote):
    terms, lines = quote
    repricer = Repricer(catalogs[terms.currency], sample_rules(), terms)
    first = price(catalogs, terms, lines, repricer)
    assert repricer.price(lines) == first
    assert price(catalogs, terms, lines) == first
    for line in lines:  # re-entering a line unchanged changes nothing
        assert repricer.update(line) == first


@SETTINGS
@given(
    quotes(), st.lists(st.tuples(st.sampled_from(["edit", "add", "remove"]), st.data()), max_size=8)
)
def test_incremental_edits_end_where_a_full_reprice_ends(catalogs, quote, edits):
    terms, lines = quote
    repricer = Repricer(catalogs[terms.currency], sample_rules(), terms)
    price(catalogs, terms, lines, repricer)
    current = {line.id: line for line in lines}
    next_id = len(lines)
    for action, data in edits:
        try:
            if action == "remove" and len(current) > 1:
                victim = data.draw(st.sampled_from(sorted(current)))
                repricer.remove(victim)
                del current[victim]
            elif action == "edit":
                target = data.draw(st.sampled_from(sorted(current)))
                new = data.draw(line_inputs(target))
                repricer.update(new)
                current[target] = new
            else:
                new = data.draw(line_inputs(f"N{next_id}"))
                next_id += 1
                repricer.update(new)
                current[new.id] = new
        except PricingError:
            continue  # a refused edit changes nothing; the comparison below still holds
    incremental = repricer.result()
    full = price(catalogs, terms, list(current.values()))
    assert incremental.lines == full.lines
    assert incremental.totals == full.totals
