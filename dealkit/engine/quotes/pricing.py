"""Price a quote document: find its customer and prices in the store, run the repricer, and
write the priced result as JSON-ready data (each line's waterfall and the totals)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealkit.engine.money import round_money
from dealkit.engine.pricing.catalog import PriceCatalog, load_catalog
from dealkit.engine.pricing.inputs import GroupSpec, LineInput, QuoteTerms
from dealkit.engine.pricing.priced import LinePrice, QuotePrice
from dealkit.engine.pricing.repricer import Repricer
from dealkit.engine.pricing.rules import PriceRules
from dealkit.engine.pricing.waterfall import waterfall
from dealkit.engine.quotes.document import QuoteDocument
from dealkit.engine.store.models import Customer

_FOUR = Decimal("0.0001")


@dataclass(frozen=True)
class CustomerFacts:
    """What pricing and approvals need to know about the customer."""

    keys: tuple[str, ...]  # id and name, to find contracted prices
    segment: str | None
    region: str | None
    in_store: bool


def customer_facts(session: Session | None, doc: QuoteDocument) -> CustomerFacts:
    """The customer's segment and region from the store (by id, else exact name), falling back
    to what the document says."""
    ref = doc.customer
    row = None
    if session is not None:
        if ref.id:
            row = session.get(Customer, ref.id)
        if row is None and ref.name:  # of two live customers with one name, the same one always
            row = session.scalars(
                select(Customer)
                .where(Customer.name == ref.name, Customer.deleted.is_(False))
                .order_by(Customer.id)
            ).first()
    return _facts(doc, row)


def customers_facts(session: Session, docs: Sequence[QuoteDocument]) -> list[CustomerFacts]:
    """``customer_facts`` of many documents, in two reads of the store (a push of a hundred
    quote versions); the same rules: by id (deleted or not), else a live customer by name."""
    ids = {doc.customer.id for doc in docs if doc.customer.id}
    by_id = (
        {c.id: c for c in session.scalars(select(Customer).where(Customer.id.in_(ids)))}
        if ids
        else {}
    )
    names = {d.customer.name for d in docs if d.customer.name and d.customer.id not in by_id}
    by_name: dict[str, Customer] = {}
    if names:
        for row in session.scalars(
            select(Customer)
            .where(Customer.name.in_(names), Customer.deleted.is_(False))
            .order_by(Customer.id)
        ):
            by_name.setdefault(row.name, row)
    return [
        _facts(doc, by_id.get(doc.customer.id or "") or by_name.get(doc.customer.name or ""))
        for doc in docs
    ]


def _facts(doc: QuoteDocument, row: Customer | None) -> CustomerFacts:
    if row is None:
        ref = doc.customer
        return CustomerFacts(ref.keys(), ref.segment, ref.region, False)
    return CustomerFacts((row.id, row.name), row.segment, row.region, True)


def load_quote_catalog(session: Session, doc: QuoteDocument) -> tuple[PriceCatalog, CustomerFacts]:
    facts = customer_facts(session, doc)
    return load_catalog(session, doc.currency, doc.date, facts.segment), facts


def line_inputs(doc: QuoteDocument) -> list[LineInput]:
    inputs = []
    for line in doc.lines:
        sub = line.subscription
        inputs.append(
            LineInput(
                id=line.id,
                sku=line.sku,
                quantity=line.quantity,
                options=line.options,
                discount_percent=line.discount_percent,
                discount_amount=line.discount_amount,
                group=line.group,
                term_months=sub.term_months if sub else None,
                start_date=sub.start if sub else None,
                co_term_end=sub.co_term_end if sub else None,
                billing=sub.billing if sub else None,
            )
        )
    return inputs


def quote_terms(doc: QuoteDocument, facts: CustomerFacts) -> QuoteTerms:
    return QuoteTerms(
        currency=doc.currency,
        on=doc.date,
        customer_keys=facts.keys,
        segment=facts.segment,
        discount_percent=doc.discount_percent,
        discount_amount=doc.discount_amount,
        partner_name=doc.partner_name,
        partner_percent=doc.partner_percent,
        groups=tuple(GroupSpec(g.name, g.alternative, g.selected) for g in doc.groups),
    )


def price_document(
    doc: QuoteDocument, catalog: PriceCatalog, rules: PriceRules, facts: CustomerFacts
) -> tuple[Repricer, QuotePrice]:
    """Price every line; ``PricingError`` lists every problem. Returns the repricer too, so a
    caller that edits the quote afterwards reprices incrementally."""
    repricer = Repricer(catalog, rules, quote_terms(doc, facts))
    return repricer, repricer.price(line_inputs(doc))


def priced_to_data(doc: QuoteDocument, priced: QuotePrice) -> dict[str, Any]:
    """Each line's figures and waterfall, the totals, group and alternative totals."""
    currency = priced.currency
    lines = []
    for position, lp in enumerate(priced.lines, start=1):
        listed = lp.listed
        entry: dict[str, Any] = {
            "position": position,
            "id": lp.line_id,
            "sku": lp.sku,
            "name": listed.item.name,
            "group": listed.line.group,
            "quantity": str(listed.line.quantity),
            "counted": lp.counted,
            "recurring": listed.item.recurring,
            "list": str(lp.list_total),
            "net": str(lp.net),
            "discount": str(lp.discount_total),
            "discount_percent": str(lp.discount_percent),
            "cost": str(lp.cost_total),
            "margin": str(lp.margin),
            "margin_percent": str(lp.margin_percent),
        }
        if listed.options:
            entry["options"] = [
                {
                    "sku": option.sku,
                    "name": option.name,
                    "quantity_per_unit": str(option.quantity),
                    "unit_price": str(option.unit_price),
                    "included": option.included,
                }
                for option in listed.options
            ]
        if listed.term is not None:
            entry["subscription"] = {
                "start": listed.term.start.isoformat(),
                "end": listed.term.end.isoformat(),
                "months": str(listed.term.months.quantize(_FOUR)),
                "co_termed": listed.term.co_termed,
                "mrr": str(lp.mrr),
                "arr": str(lp.arr),
                "billing": _billing(lp, currency),
            }
        entry["waterfall"] = [
            s.to_json(currency) for s in waterfall(lp, currency, doc.partner_name)
        ]
        lines.append(entry)
    return {
        "quote": {
            "number": doc.number,
            "version": doc.version,
            "customer": doc.customer.name,
            "currency": currency,
            "date": doc.date.isoformat(),
        },
        "lines": lines,
        "totals": priced.totals.to_json(),
        "groups": {name: t.to_json() for name, t in priced.group_totals().items() if name},
        "alternatives": [a.to_json() for a in priced.alternative_totals()],
    }


def _billing(lp: LinePrice, currency: str) -> dict[str, Any]:
    plan = lp.billing
    return {
        "frequency": plan.frequency.value,
        "invoices": plan.periods,
        "amount_per_invoice": str(round_money(plan.amount_per_period, currency)),
    }
