"""Check a quote as the store or a file holds it: find its customer and prices, price it, and
evaluate it against the approvals policy.

This is the one place that turns "quote Q-2026-0042 version 3" (or a quote document read from a
file) into an approvals answer, so that the command line and the Approvals page cannot disagree
about why a quote needs approval. A saved quote that can no longer be priced (its price book
expired, a product was withdrawn) is not an error for the window: ``check_saved_quote`` returns
the problems as plain reasons in ``SavedQuoteCheck.problem`` instead of raising.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from dealkit.engine.approvals.check import QuoteCheck, check_quote
from dealkit.engine.approvals.default_policy import default_policy
from dealkit.engine.approvals.policy import Policy
from dealkit.engine.approvals.reapproval import ApprovalRecord
from dealkit.engine.pricing.errors import PricingError
from dealkit.engine.pricing.rules import PriceRules
from dealkit.engine.quotes.document import QuoteDocument
from dealkit.engine.quotes.pricing import load_quote_catalog, price_document
from dealkit.engine.quotes.store import load_quote
from dealkit.engine.terms.library import ClauseLibrary
from dealkit.engine.terms.standard_clauses import standard_library


def check_document(
    session: Session,
    doc: QuoteDocument,
    rules: PriceRules | None = None,
    policy: Policy | None = None,
    library: ClauseLibrary | None = None,
    approved: ApprovalRecord | None = None,
) -> QuoteCheck:
    """Price ``doc`` from the workspace's price books and check it against ``policy``
    (Dealkit's default policy and standard clause library unless given).

    Raises ``PricingError`` (every problem listed) when the quote cannot be priced.
    """
    catalog, customer = load_quote_catalog(session, doc)
    _, priced = price_document(doc, catalog, rules or PriceRules(), customer)
    return check_quote(
        doc,
        priced,
        policy or default_policy(),
        library or standard_library(),
        customer.region,
        approved,
    )


@dataclass(frozen=True)
class RuleHits:
    """One triggered rule and what it found, for a view that reads rule by rule: a quote with
    five lines at 28% shows "Line discount above 20%" once, with its five findings under it."""

    rule_id: str
    name: str
    steps: tuple[tuple[str, ...], ...]  # who approves for this rule, step by step
    findings: tuple[str, ...]


@dataclass(frozen=True)
class SavedQuoteCheck:
    """The approvals answer for one saved quote version, or why there is none.

    Exactly one of ``result`` and ``problem`` is set. ``problem`` is a sentence a user can act
    on (the pricing problems joined), e.g. the price book that no longer covers the quote date.
    """

    number: str
    version: int
    status: str
    result: QuoteCheck | None
    problem: str | None = None
    problems: tuple[str, ...] = ()  # every pricing problem behind ``problem``, one a line

    @property
    def reasons(self) -> list[str]:
        """Each triggered rule in plain words (English data, as the engine writes it)."""
        if self.result is None:
            return []
        return [r.reason for r in self.result.evaluation.requirements]

    @property
    def by_rule(self) -> list[RuleHits]:
        """The triggered rules in policy order, each with its findings in quote order."""
        if self.result is None:
            return []
        groups: dict[str, RuleHits] = {}
        for requirement in self.result.evaluation.requirements:
            rule = requirement.rule
            found = requirement.finding or requirement.reason
            if rule.id in groups:
                hits = groups[rule.id]
                groups[rule.id] = RuleHits(
                    hits.rule_id, hits.name, hits.steps, (*hits.findings, found)
                )
            else:
                steps = tuple(tuple(step) for step in rule.steps)
                groups[rule.id] = RuleHits(rule.id, rule.name, steps, (found,))
        return list(groups.values())

    @property
    def route(self) -> tuple[tuple[str, ...], ...]:
        """The approvers, step by step; the roles inside one step approve in parallel."""
        return () if self.result is None else self.result.evaluation.route

    @property
    def first_reason(self) -> str:
        """What a queue shows in one cell: the first reason, or the problem."""
        if self.problem:
            return self.problem
        return self.reasons[0] if self.reasons else ""

    @property
    def summary(self) -> str:
        """One short line for a queue cell: the triggered rules by name, in policy order (the
        first reason's rule first), a rule hit several times with its count, e.g.
        "Line discount above 20% ×7 · Quote discount above 15% · Margin below 30%"; or the
        problem when the quote could not be checked."""
        if self.problem:
            return self.problem
        return " · ".join(
            hits.name + (f" ×{len(hits.findings)}" if len(hits.findings) > 1 else "")
            for hits in self.by_rule
        )

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "quote": {"number": self.number, "version": self.version, "status": self.status}
        }
        if self.result is not None:
            data.update(self.result.to_json())
        else:
            data["problem"] = self.problem
            data["problems"] = list(self.problems)
        return data


def check_saved_quote(
    session: Session,
    number: str,
    version: int | None = None,
    rules: PriceRules | None = None,
    policy: Policy | None = None,
    library: ClauseLibrary | None = None,
) -> SavedQuoteCheck:
    """Load quote ``number`` (its latest version unless ``version``), price it and check it.

    ``KeyError`` when no such quote is saved (a caller's mistake, not the quote's); a quote that
    cannot be priced or whose terms cannot be assembled comes back with ``problem`` set.
    """
    doc = load_quote(session, number, version)
    try:
        result = check_document(session, doc, rules, policy, library)
    except PricingError as error:
        problems = tuple(str(p) for p in error.problems) or (str(error),)
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        return SavedQuoteCheck(
            doc.number or number,
            doc.version,
            doc.status.value,
            None,
            f"{doc.number} v{doc.version} cannot be priced any more, so its approvals cannot be "
            f"checked: {problems[0]}{more}. Revise the quote against a current price book.",
            problems,
        )
    return SavedQuoteCheck(doc.number or number, doc.version, doc.status.value, result)
