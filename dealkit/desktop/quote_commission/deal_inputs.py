"""Read a quote into what the commission estimator needs, on a worker thread.

Two sources, one result (``DealInputs``): a stored quote (the Quote page's Commission tab,
``load_deal_inputs``) and the document being built in the Quote wizard
(``load_document_inputs``, priced by the engine's ``quote_deal``). The engine's
``deal_estimator`` answers for lines and deal facts; this module only gathers those values and
decides which of four things to say: an estimate (the signed-in rep's open quote), "already
counted" (won or lost: the statement has it), "their deal" (another owner's quote), or that
there is no signed-in user. No commission rule lives here.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from dealkit.desktop.commission_summary import as_of_date
from dealkit.desktop.quote_rows import current_user
from dealkit.engine.commissions import DealFacts, QuoteLineInput, deal_estimator
from dealkit.engine.commissions.estimator import DealEstimator, Estimate, discounted_lines
from dealkit.engine.commissions.quote_file import deal_facts, quote_deal
from dealkit.engine.quotes.document import QuoteDocument
from dealkit.engine.store.models import Quote, QuoteStatus
from dealkit.engine.workspace import Workspace

CLOSED = (QuoteStatus.WON, QuoteStatus.LOST)
MAX_EXTRA_DISCOUNT = 30  # the what-if's range, in percent


class Standing(enum.StrEnum):
    """Why the tab shows what it shows for a quote."""

    ESTIMATE = "estimate"  # the signed-in rep's open quote: estimate it
    CLOSED = "closed"  # won or lost: the statement already counts it
    OTHER_OWNER = "other_owner"  # someone else's deal: their commission, not ours
    NO_USER = "no_user"  # the workspace has no signed-in user


@dataclass
class DealInputs:
    """One quote, ready to estimate on the GUI thread.

    ``estimator`` carries the rep's period to date (read once, on the worker); ``first`` is the
    estimate at the quote's own prices, also computed on the worker so the tab fills at once."""

    quote_id: str
    standing: Standing
    owner_name: str
    status: QuoteStatus
    as_of: date
    lines: list[QuoteLineInput] = field(default_factory=list)
    facts: DealFacts | None = None
    estimator: DealEstimator | None = None
    first: Estimate | None = None

    def estimate(self, extra_discount_pct: int) -> Estimate:
        """The estimate with every line a further ``extra_discount_pct`` percent off (0: as is).

        The discounted deal is estimated as a deal of its own (not only through the engine's
        ``what_if`` total) so the tab can explain it too; the engine's what-if scales lines the
        same way, so the totals agree. Sub-millisecond on the demo (see ``panel.py``)."""
        if self.estimator is None or self.facts is None:
            raise ValueError(f"quote {self.quote_id} is not estimated ({self.standing})")
        if extra_discount_pct == 0 and self.first is not None:
            return self.first
        lines = discounted(self.lines, extra_discount_pct, self.facts.currency)
        return self.estimator.estimate(lines, self.facts)


def discounted(lines: list[QuoteLineInput], off: int, currency: str) -> list[QuoteLineInput]:
    """The lines with a further ``off`` percent off, as the engine's what-if takes it; the
    window's slider stops at ``MAX_EXTRA_DISCOUNT``."""
    if not 0 <= off <= MAX_EXTRA_DISCOUNT:
        raise ValueError(f"extra discount {off}% is outside 0 to {MAX_EXTRA_DISCOUNT}%")
    return discounted_lines(lines, off, currency)


def quote_estimate_inputs(quote: Quote) -> tuple[list[QuoteLineInput], DealFacts]:
    """A stored quote's live lines and its customer's facts, as the estimator takes them.

    The deal is estimated as closing on the as-of day (``close_on`` left empty): a quote has no
    expected close date in the store yet."""
    lines = [
        QuoteLineInput(line.product.sku, line.product.family.code, line.quantity, line.net_amount)
        for line in sorted(quote.lines, key=lambda ln: ln.position)
        if not line.deleted
    ]
    customer = quote.customer
    facts = DealFacts(
        currency=quote.currency,
        segment=customer.segment or "",
        industry=customer.industry or "",
        region=customer.region or "",
        new_logo=bool(customer.is_new_logo),
    )
    return lines, facts


def load_deal_inputs(workspace: Workspace, quote_id: str) -> DealInputs:
    """Everything the Commission tab needs for one quote (runs on a worker thread).

    Engine errors (the rep on no plan, a currency the plan cannot convert) propagate: the tab
    shows their message, which names the plan and the fix."""
    as_of = as_of_date(workspace)
    with workspace.store.session() as session:
        quote = session.get(Quote, quote_id)
        if quote is None:
            raise LookupError(f"quote {quote_id} is no longer in this workspace")
        user = current_user(session, workspace)
        owner_name = quote.owner.display_name
        if user is None:
            standing = Standing.NO_USER
        elif quote.owner_id != user.id:
            standing = Standing.OTHER_OWNER
        elif quote.status in CLOSED:
            standing = Standing.CLOSED
        else:
            standing = Standing.ESTIMATE
        inputs = DealInputs(quote.id, standing, owner_name, quote.status, as_of)
        if standing is not Standing.ESTIMATE:
            return inputs
        inputs.lines, inputs.facts = quote_estimate_inputs(quote)
        inputs.estimator = deal_estimator(session, quote.owner_id, as_of)
    inputs.first = inputs.estimator.estimate(inputs.lines, inputs.facts)
    return inputs


def load_document_inputs(
    workspace: Workspace, document: QuoteDocument, estimator: DealEstimator | None = None
) -> DealInputs:
    """What the wizard's commission panel needs for the draft ``document`` (on a worker).

    The document is priced by the engine (``PricingError`` names each line that cannot be);
    ``estimator`` is the one a previous call returned, reused while the signed-in rep and the
    as-of day are the same (it holds the rep's period to date, the slow part)."""
    as_of = as_of_date(workspace)
    status = QuoteStatus(document.status.value)
    with workspace.store.session() as session:
        user = current_user(session, workspace)
        owner = document.owner or (user.username if user else "")
        if user is None:
            standing = Standing.NO_USER
        elif owner != user.username:
            standing = Standing.OTHER_OWNER
        elif status in CLOSED:
            standing = Standing.CLOSED
        else:
            standing = Standing.ESTIMATE
        inputs = DealInputs(document.number, standing, owner, status, as_of)
        if standing is not Standing.ESTIMATE or user is None:
            return inputs
        if document.lines:
            deal = quote_deal(session, document)
            inputs.lines, inputs.facts = deal.lines, deal.facts
        else:  # nothing to price yet: the deal adds nothing
            inputs.facts = deal_facts(session, document)
        reusable = (
            estimator is not None
            and estimator.as_of == as_of
            and estimator.participant == user.username
        )
        inputs.estimator = estimator if reusable else deal_estimator(session, user.id, as_of)
    inputs.first = inputs.estimator.estimate(inputs.lines, inputs.facts)
    return inputs
