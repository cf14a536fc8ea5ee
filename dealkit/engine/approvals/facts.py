"""The figures of a quote that approvals look at, one ``Observation`` per metric and subject.

A subject is what an approval is about: the quote as a whole, one line (by its id, which stays
the same across versions), or one clause. Re-approval compares observations of the same rule
and subject between the approved version and the current one.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from dealkit.engine.approvals.policy import Metric
from dealkit.engine.pricing.errors import line_label
from dealkit.engine.pricing.priced import QuotePrice
from dealkit.engine.quotes.document import QuoteDocument
from dealkit.engine.terms.assemble import AssembledTerms


@dataclass(frozen=True, slots=True)
class Observation:
    metric: Metric
    subject: str  # "quote", "line:L3", "clause:std-payment"
    where: str  # how a person names it: "quote", "line 3 [L3] (SVC-PS-DAY)", "clause ..."
    value: Decimal | str  # a number, or the redline of a non-standard clause

    def to_json(self) -> dict[str, str]:
        return {
            "metric": self.metric.value,
            "subject": self.subject,
            "where": self.where,
            "value": str(self.value),
        }


@dataclass(frozen=True)
class QuoteFacts:
    currency: str
    observations: tuple[Observation, ...]

    def of(self, metric: Metric) -> list[Observation]:
        return [o for o in self.observations if o.metric is metric]


def facts_of(
    doc: QuoteDocument, priced: QuotePrice, terms: AssembledTerms | None = None
) -> QuoteFacts:
    """Observations for every metric of the policy language (lines: only counted lines)."""
    found: list[Observation] = []
    for position, lp in enumerate(priced.lines, start=1):
        if not lp.counted:
            continue
        subject = f"line:{lp.line_id}"
        where = line_label(position, lp.line_id, lp.sku)
        found.append(Observation(Metric.LINE_DISCOUNT_PERCENT, subject, where, lp.discount_percent))
        found.append(Observation(Metric.LINE_MARGIN_PERCENT, subject, where, lp.margin_percent))
    totals = priced.totals
    found += [
        Observation(Metric.TOTAL_DISCOUNT_PERCENT, "quote", "quote", totals.discount_percent),
        Observation(Metric.MARGIN_PERCENT, "quote", "quote", totals.margin_percent),
        Observation(Metric.DEAL_SIZE, "quote", "quote", totals.tcv),
        Observation(Metric.PAYMENT_TERMS_DAYS, "quote", "quote", Decimal(doc.payment_terms_days)),
    ]
    if terms is not None:
        for item in terms.non_standard:
            found.append(
                Observation(
                    Metric.NON_STANDARD_TERMS,
                    f"clause:{item.clause_id}",
                    f"clause {item.clause_id} ({item.title})",
                    f"{item.change}: {item.redline}",
                )
            )
    return QuoteFacts(doc.currency, tuple(found))
