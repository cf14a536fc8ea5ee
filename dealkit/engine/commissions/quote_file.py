"""A quote document (docs/quote-json.md) as the deal estimator's input, priced by the engine.

``dealkit commissions estimate --quote FILE.json`` and the Quote wizard's commission panel both
estimate a ``QuoteDocument``: the same file ``dealkit price --quote`` reads, priced by the same
repricer, so the lines a rep is paid on are the lines the customer is charged (after line,
quote-level and partner discounts; unselected alternatives count for nothing). The customer's
facts that plans match on (segment, industry, region, new logo) come from the workspace's
customer record, falling back to what the document says for a customer the workspace lacks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from dealkit.engine.commissions.estimator import DealFacts, QuoteLineInput
from dealkit.engine.pricing.priced import QuotePrice
from dealkit.engine.pricing.rules import PriceRules
from dealkit.engine.quotes.document import QuoteDocument
from dealkit.engine.quotes.pricing import customer_facts, load_quote_catalog, price_document
from dealkit.engine.store.models import Customer


@dataclass(frozen=True)
class QuoteDeal:
    """A priced quote document, ready for ``DealEstimator.estimate(deal.lines, deal.facts)``."""

    lines: list[QuoteLineInput]
    facts: DealFacts
    priced: QuotePrice


def deal_lines(priced: QuotePrice) -> list[QuoteLineInput]:
    """The counted lines at their net (every discount taken), in quote order."""
    return [
        QuoteLineInput(lp.sku, lp.listed.item.family, lp.listed.line.quantity, lp.net)
        for lp in priced.lines
        if lp.counted
    ]


def deal_facts(session: Session, doc: QuoteDocument, close_on: date | None = None) -> DealFacts:
    """The quote's currency and its customer's facts; ``close_on`` None: closing on the as-of
    day (a quote document has no expected close date)."""
    found = customer_facts(session, doc)
    row = session.get(Customer, found.keys[0]) if found.in_store else None
    if row is None:
        return DealFacts(
            doc.currency, doc.customer.segment or "", "", doc.customer.region or "", False, close_on
        )
    return DealFacts(
        currency=doc.currency,
        segment=row.segment or "",
        industry=row.industry or "",
        region=row.region or "",
        new_logo=bool(row.is_new_logo),
        close_on=close_on,
    )


def quote_deal(
    session: Session,
    doc: QuoteDocument,
    rules: PriceRules | None = None,
    close_on: date | None = None,
) -> QuoteDeal:
    """Price ``doc`` from the workspace's price books (``PricingError`` lists every problem)
    and turn it into the estimator's lines and facts."""
    catalog, facts = load_quote_catalog(session, doc)
    _, priced = price_document(doc, catalog, rules or PriceRules(), facts)
    return QuoteDeal(deal_lines(priced), deal_facts(session, doc, close_on), priced)
