"""Assembling a quote's terms: standard by product, region and language; non-standard found."""

import pytest

from dealkit.engine.pricing import PricingError
from dealkit.engine.terms import TermsSelection, assemble, standard_library
from dealkit.engine.terms.library import parse_library as parse_library_text

SERVER = {("SRV-R7", "SRV")}
SUBSCRIPTION = {("SUB-CLOUDOPS", "SUB")}


def ids(result):
    return [(c.clause.id, c.status) for c in result.clauses]


def test_standard_clauses_follow_products_region_and_language():
    library = standard_library()
    us = assemble(library, TermsSelection(), SERVER, "north_america")
    assert ids(us) == [
        ("std-payment", "standard"),
        ("std-warranty", "standard"),
        ("std-liability", "standard"),
        ("std-law-us", "standard"),
    ]
    th = assemble(library, TermsSelection(), SUBSCRIPTION, "apac")
    assert [c for c, _ in ids(th)] == [
        "std-payment",
        "std-subscription-renewal",
        "std-liability",
        "std-law-th",
        "std-data-th",
    ]
    thai = assemble(library, TermsSelection(language="th"), SERVER, "apac")
    assert [c for c, _ in ids(thai)] == [
        "th.std-payment",
        "th.std-warranty",
        "th.std-liability",
        "th.std-law",
    ]
    assert not us.non_standard and not th.non_standard


def test_optional_and_alternative_clauses_stay_standard():
    selection = TermsSelection(add=("opt-onsite-spares",), choose={"std-payment": "alt-payment-45"})
    result = assemble(standard_library(), selection, SERVER, "north_america")
    assert ("alt-payment-45", "alternative") in ids(result)
    assert ("opt-onsite-spares", "optional") in ids(result)
    assert result.non_standard == ()


def test_removed_and_edited_clauses_are_non_standard_with_a_redline():
    selection = TermsSelection(
        remove=("std-liability",),
        edit={
            "std-warranty": "Hardware carries a five-year next-business-day parts and labour "
            "warranty from the date of delivery."
        },
    )
    result = assemble(standard_library(), selection, SERVER, "north_america")
    changes = {(n.clause_id, n.change): n for n in result.non_standard}
    assert set(changes) == {("std-liability", "removed"), ("std-warranty", "edited")}
    assert (
        "a [-three-]{+five+}-year next-business-day" in changes[("std-warranty", "edited")].redline
    )
    assert "std-liability" not in [c for c, _ in ids(result)]
    # editing an alternative compares against the alternative's own text
    alt = assemble(
        standard_library(),
        TermsSelection(
            choose={"std-payment": "alt-payment-45"},
            edit={"alt-payment-45": "Payment is due within 50 days of the invoice date."},
        ),
        SERVER,
        "north_america",
    )
    assert (
        alt.non_standard[0].redline
        == "Payment is due within [-45-]{+50+} days of the invoice date."
    )


def test_unknown_or_misused_clause_ids_name_the_field():
    selection = TermsSelection(
        add=("std-payment", "nope"),
        remove=("opt-escrow",),
        choose={"std-payment": "std-liability"},
    )
    with pytest.raises(PricingError) as excinfo:
        assemble(standard_library(), selection, SERVER, "north_america")
    assert [(p.field, p.message.split(":")[0]) for p in excinfo.value.problems] == [
        (
            "terms.remove",
            "'opt-escrow' is not a standard clause of this quote, so it cannot be removed",
        ),
        (
            "terms.add",
            "'std-payment' is a standard clause; only optional clauses are added "
            "(alternatives go in terms.choose)",
        ),
        ("terms.add", "no clause 'nope' in the clause library"),
        ("terms.choose", "'std-liability' is not an alternative to 'std-payment'"),
    ]


def test_a_broken_library_names_its_lines():
    text = (
        "clauses:\n"
        "  - id: a\n    kind: standard\n    text: A.\n"
        "  - id: b\n    kind: weird\n    text: B.\n"
        "  - id: c\n    kind: alternative\n    text: C.\n"
    )
    with pytest.raises(ValueError) as excinfo:
        parse_library_text(text, "clauses.yaml")
    message = str(excinfo.value)
    assert "clauses.yaml line 6: kind 'weird' is not standard, optional or alternative" in message
    assert "clauses.yaml line 8: alternative clause c needs alternative_to" in message
