"""Evaluating quotes against the default policy, and re-approval only where a value got worse.

Prices are the demo's USD List 2026 (see tests/helpers/pricing.atlantic_quote)."""

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

from dealkit.engine.approvals import ApprovalRecord, check_quote, default_policy
from dealkit.engine.pricing import PriceRules
from dealkit.engine.quotes import load_quote_catalog, price_document, quote_from_data
from dealkit.engine.terms import TermsSelection, standard_library
from tests.helpers.pricing import atlantic_quote


def check(workspace, doc, approved=None):
    with workspace.store.session() as session:
        catalog, customer = load_quote_catalog(session, doc)
    _, priced = price_document(doc, catalog, PriceRules(), customer)
    return check_quote(doc, priced, default_policy(), standard_library(), customer.region, approved)


def small_quote(**changes):
    data = atlantic_quote()
    data["lines"] = [data["lines"][2]]  # 5 services days at 1,800.00
    data["groups"] = []
    data["lines"][0].pop("group")
    data.pop("discount")
    data["payment_terms"] = "net-30"
    return replace(quote_from_data(data), **changes)


def test_a_plain_quote_needs_no_approval(demo_workspace):
    result = check(demo_workspace, small_quote())
    # 10% then 200 off 9,000: 12.22% off list, margin 31.65%: within every limit
    assert not result.evaluation.needs_approval
    assert result.evaluation.route == ()


def test_each_rule_says_what_it_found_and_against_which_limit(demo_workspace):
    doc = quote_from_data({**atlantic_quote(), "payment_terms": "net-60"})
    lines = list(doc.lines)
    lines[2] = replace(lines[2], discount_percent=D(25), discount_amount=D(0))
    doc = replace(
        doc,
        lines=tuple(lines),
        terms=TermsSelection(
            remove=("std-liability",),
            edit={"std-payment": "Payment is due within 60 days of the invoice date."},
        ),
    )
    result = check(demo_workspace, doc)
    reasons = [r.reason for r in result.evaluation.requirements]
    assert reasons[0].startswith(
        "line 3 [L3] (SVC-PS-DAY): discount 25.25% is above the limit of 20% "
        "(Line discount above 20%); manager approves"
    )
    assert any(
        "total contract value $300,858.00 is above the limit of $250,000.00" in r for r in reasons
    )
    assert any("payment terms 60 days is above the limit of 45 days" in r for r in reasons)
    assert any(
        "clause std-payment (Payment): non-standard term (edited: Payment is due within "
        "[-30-]{+60+} days" in r
        for r in reasons
    )
    assert any(
        "clause std-liability (Limitation of liability): non-standard term (removed" in r
        for r in reasons
    )
    # manager (discount, terms) + vp_sales (size) + finance (payment) first, then legal
    assert result.evaluation.route == (("manager", "vp_sales", "finance"), ("legal",))


def test_margin_floor_goes_to_manager_and_finance_in_parallel(demo_workspace):
    doc = small_quote()
    doc = replace(doc, lines=(replace(doc.lines[0], discount_percent=D(35)),))
    result = check(demo_workspace, doc)
    rules = {r.rule.id: r for r in result.evaluation.requirements}
    # 9,000 less 35% less 200 = 5,650; cost 5 x 1,080 = 5,400: margin 4.42%
    assert rules["margin-floor"].reason.startswith(
        "quote: margin 4.42% is below the floor of 30% (Margin below 30%); manager and finance"
    )
    # 37.22% off list is above both line limits and the 15% quote limit; the 35% rule sends
    # it on to the VP after the manager, who approves alongside finance
    assert set(rules) == {
        "line-discount-20",
        "line-discount-35",
        "quote-discount-15",
        "margin-floor",
    }
    assert result.evaluation.route == (("manager", "finance"), ("vp_sales",))


def with_services_discount(doc, percent):
    lines = list(doc.lines)
    lines[2] = replace(lines[2], discount_percent=D(percent))
    return replace(doc, lines=tuple(lines))


def test_reapproval_only_where_an_approved_value_got_worse(demo_workspace):
    data = atlantic_quote()
    data.pop("discount")
    data["lines"] = data["lines"][:3]  # L1 servers, L2 CloudOps, L3 services days
    data["groups"] = [{"name": "Core"}]
    # L3: 9,000 less 22% less 200 = 6,820: 24.22% off list, the only figure over a limit
    v1 = with_services_discount(quote_from_data(data), 22)
    first = check(demo_workspace, v1)
    assert [r.rule.id for r in first.evaluation.requirements] == ["line-discount-20"]
    record = ApprovalRecord.of(first.evaluation, "Q-1", 1, date(2026, 11, 28), ("manager",))
    again = ApprovalRecord.from_json(record.to_json())
    assert again == record

    # A smaller discount than approved: still covered.
    better = with_services_discount(v1, 21)
    recheck = check(demo_workspace, better, again).recheck
    assert not recheck.needed and len(recheck.covered) == 1

    # A bigger discount: back to the manager, with both values.
    worse = with_services_discount(v1, 24)
    recheck = check(demo_workspace, worse, again).recheck
    ((requirement, why),) = recheck.needed
    assert requirement.rule.id == "line-discount-20"
    assert why == "approved at 24.22, now 26.22"
    assert recheck.route == (("manager",),)

    # A new non-standard clause was never approved: legal must see it, the discount stays OK.
    terms = TermsSelection(remove=("std-liability",))
    new_terms = replace(better, terms=terms)
    recheck = check(demo_workspace, new_terms, again).recheck
    assert [(r.rule.id, why) for r, why in recheck.needed] == [
        ("non-standard-terms", "not part of the approved version")
    ]
    assert recheck.route == (("manager",), ("legal", "finance"))


def test_submitting_goes_to_review_only_when_approval_is_needed(demo_workspace):
    from dealkit.engine.approvals import submit
    from dealkit.engine.quotes import Status

    today = date(2026, 11, 27)
    clean = small_quote()
    assert submit(clean, check(demo_workspace, clean), today).status is Status.APPROVED
    discounted = replace(clean, lines=(replace(clean.lines[0], discount_percent=D(22)),))
    assert submit(discounted, check(demo_workspace, discounted), today).status is Status.IN_REVIEW
