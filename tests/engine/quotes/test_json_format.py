"""The quote JSON format: exact numbers, a full round trip, and problems named by line and field."""

import json
from decimal import Decimal as D

import pytest

from dealkit.engine.pricing import PricingError
from dealkit.engine.quotes import dump_quote, parse_quote, quote_from_data, quote_to_data
from tests.helpers.pricing import atlantic_quote


def test_numbers_are_exact_decimals_never_floats():
    data = atlantic_quote()
    text = json.dumps(data).replace('"percent": "5"', '"percent": 5.55')
    doc = parse_quote(text)
    assert doc.lines[0].discount_percent == D("5.55")
    assert type(doc.lines[0].discount_percent) is D
    assert doc.lines[0].quantity == D(4)
    assert doc.payment_terms_days == 45


def test_round_trip_keeps_everything():
    doc = quote_from_data(atlantic_quote())
    again = parse_quote(dump_quote(doc))
    assert again == doc
    assert quote_to_data(again)["lines"][0]["options"][0] == {
        "sku": "cpu/gold-6430",
        "quantity": "2",
        "price": "2150.00",
        "label": "Gold",
    }


def test_every_problem_is_named_by_line_and_field():
    data = atlantic_quote()
    data["currency"] = "usd"
    data["expires_on"] = "2026-11-01"
    data["lines"][0]["quantity"] = -3
    data["lines"][1]["discount"] = {"percent": "101"}
    data["lines"][2]["subscription"] = {"term_months": 0}
    data["lines"][3]["group"] = "Option Z"
    data["lines"][4]["colour"] = "red"
    with pytest.raises(PricingError) as excinfo:
        quote_from_data(data)
    found = [(p.where, p.field) for p in excinfo.value.problems]
    assert found == [
        ("quote", "currency"),
        ("quote", "expires_on"),
        ("line 1 [L1] (SRV-R7)", "quantity"),
        ("line 2 [L2] (SUB-CLOUDOPS)", "discount.percent"),
        ("line 3 [L3] (SVC-PS-DAY)", "subscription.term_months"),
        ("line 4 [L4] (NET-SPINE-64)", "group"),
        ("line 5 [L5] (NET-SPINE-64)", "colour"),
    ]
    messages = [p.message for p in excinfo.value.problems]
    assert "use an ISO 4217 code" in messages[0]
    assert "expires (2026-11-01) before its date (2026-11-27)" in messages[1]


def test_a_quote_needs_customer_date_and_lines():
    with pytest.raises(PricingError) as excinfo:
        quote_from_data({"currency": "THB"})
    fields = [p.field for p in excinfo.value.problems]
    assert fields == ["customer", "date", "lines"]


def test_broken_json_says_where():
    with pytest.raises(PricingError) as excinfo:
        parse_quote('{"currency": "USD",\n "lines": [}', "q.json")
    (problem,) = excinfo.value.problems
    assert problem.where == "q.json line 2 column 12"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"number": 5}, "number"),
        ({"owner": ["alex"]}, "owner"),
        ({"notes": {"text": "x"}}, "notes"),
        ({"customer": {"name": "Atlantic Mutual Bank", "id": [1]}}, "customer.id"),
        ({"customer": {"name": "Atlantic Mutual Bank", "segment": 3}}, "customer.segment"),
    ],
)
def test_a_field_of_the_wrong_type_is_refused_by_name_not_dropped(change, field):
    with pytest.raises(PricingError) as caught:
        quote_from_data({**atlantic_quote(), **change})
    assert f"{field} must be text" in str(caught.value)
