"""Checking saved quotes from the store: the demo's quotes in review, and a quote that can no
longer be priced."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, update

from dealkit.engine.approvals.saved import check_saved_quote
from dealkit.engine.store.models import PriceBook, Quote, QuoteStatus


def _in_review(session):
    return session.execute(
        select(Quote.number, Quote.version).where(
            Quote.status == QuoteStatus.IN_REVIEW, Quote.deleted.is_(False)
        )
    ).all()


def test_every_demo_quote_in_review_has_a_reason_and_a_route(demo_workspace):
    with demo_workspace.store.session() as session:
        in_review = _in_review(session)
        assert in_review, "the demo has quotes in review"
        for number, version in in_review:
            checked = check_saved_quote(session, number, version)
            assert checked.problem is None, checked.problem
            assert checked.status == "in_review"
            assert checked.reasons, f"{number} v{version} is in review without a reason"
            assert checked.route and all(checked.route), f"{number} v{version} has no route"
            assert checked.first_reason == checked.reasons[0]
            first_rule = checked.result.evaluation.requirements[0].rule.name
            assert checked.summary.startswith(first_rule)
            assert all(g.name in checked.summary for g in checked.by_rule)
            data = checked.to_json()
            assert data["quote"] == {"number": number, "version": version, "status": "in_review"}
            assert data["requirements"][0]["reason"] == checked.reasons[0]


def test_the_latest_version_is_checked_when_no_version_is_given(demo_workspace):
    with demo_workspace.store.session() as session:
        number, _ = _in_review(session)[0]
        latest = session.scalar(
            select(Quote.version).where(Quote.number == number).order_by(Quote.version.desc())
        )
        assert check_saved_quote(session, number).version == latest


def test_a_quote_that_cannot_be_priced_any_more_comes_back_with_a_reason(demo_workspace):
    with demo_workspace.store.session() as session, session.begin():
        number, version = _in_review(session)[0]
        session.execute(update(PriceBook).values(effective_to=date(2000, 1, 1)))
    with demo_workspace.store.session() as session:
        checked = check_saved_quote(session, number, version)
    assert checked.result is None
    assert checked.reasons == [] and checked.route == ()
    assert f"{number} v{version} cannot be priced any more" in checked.problem
    assert "price book" in checked.problem
    assert checked.first_reason == checked.problem == checked.summary
    assert checked.to_json()["problem"] == checked.problem
    assert len(checked.problems) >= 1 and "expired" in checked.problems[0]
    assert checked.to_json()["problems"] == list(checked.problems)


def test_an_unknown_quote_number_is_a_key_error(demo_workspace):
    with demo_workspace.store.session() as session, pytest.raises(KeyError, match="Q-1999-0001"):
        check_saved_quote(session, "Q-1999-0001")


def test_hits_group_by_rule_with_one_finding_per_requirement(demo_workspace):
    with demo_workspace.store.session() as session:
        for number, version in _in_review(session):
            checked = check_saved_quote(session, number, version)
            groups = checked.by_rule
            requirements = checked.result.evaluation.requirements
            assert [g.rule_id for g in groups] == list(
                dict.fromkeys(r.rule.id for r in requirements)
            )
            assert sum(len(g.findings) for g in groups) == len(checked.reasons)
            for group in groups:
                assert group.steps and group.name
                for finding in group.findings:
                    # the finding is the reason without the rule name and approvers
                    assert any(reason.startswith(finding) for reason in checked.reasons)
                    assert "approve" not in finding
