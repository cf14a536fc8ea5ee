"""Check a priced quote against an approvals policy: assemble its terms, gather its figures,
evaluate the rules, and, given an earlier approval, say what needs approving again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from dealkit.engine.approvals.evaluate import Evaluation, evaluate
from dealkit.engine.approvals.facts import QuoteFacts, facts_of
from dealkit.engine.approvals.policy import Policy
from dealkit.engine.approvals.reapproval import ApprovalRecord, Recheck, recheck
from dealkit.engine.pricing.priced import QuotePrice
from dealkit.engine.quotes.document import QuoteDocument, Status
from dealkit.engine.quotes.lifecycle import move_to
from dealkit.engine.terms.assemble import AssembledTerms, assemble
from dealkit.engine.terms.library import ClauseLibrary


@dataclass(frozen=True)
class QuoteCheck:
    facts: QuoteFacts
    terms: AssembledTerms
    evaluation: Evaluation
    recheck: Recheck | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            **self.evaluation.to_json(),
            "non_standard_terms": [n.to_json() for n in self.terms.non_standard],
            "terms": [c.to_json() for c in self.terms.clauses],
        }
        if self.recheck is not None:
            data["since_approval"] = self.recheck.to_json()
        return data


def submit(doc: QuoteDocument, result: QuoteCheck, today: date) -> QuoteDocument:
    """Submit a draft: in review when it needs approvals (or re-approvals), else approved."""
    needs = result.recheck.needed if result.recheck is not None else result.evaluation.requirements
    return move_to(doc, Status.IN_REVIEW if needs else Status.APPROVED, today)


def check_quote(
    doc: QuoteDocument,
    priced: QuotePrice,
    policy: Policy,
    library: ClauseLibrary,
    region: str | None,
    approved: ApprovalRecord | None = None,
) -> QuoteCheck:
    """``PricingError`` when the quote's terms name clauses the library does not have."""
    products = {(lp.sku, lp.listed.item.family) for lp in priced.lines if lp.counted}
    terms = assemble(library, doc.terms, products, region)
    facts = facts_of(doc, priced, terms)
    evaluation = evaluate(policy, facts)
    again = recheck(evaluation, approved) if approved is not None else None
    return QuoteCheck(facts, terms, evaluation, again)
