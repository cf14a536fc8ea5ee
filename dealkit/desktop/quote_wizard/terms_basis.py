"""What the Terms and Review steps read from the store: the customer's region and product families.

The clause library picks clauses by region and by product family; both live in the store, so
``load_terms_basis`` reads them once on a worker (its own session). Which products count comes
from the priced draft when there is one (lines of an unselected alternative do not count, as in
``approvals.check``), else from every line of the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from dealkit.engine.pricing.priced import QuotePrice
from dealkit.engine.quotes.document import QuoteDocument
from dealkit.engine.quotes.pricing import customer_facts
from dealkit.engine.store.models import Product, ProductFamily
from dealkit.engine.workspace import Workspace


@dataclass(frozen=True)
class TermsBasis:
    customer: tuple[str, ...]  # the customer keys the region was read for
    region: str | None
    skus: frozenset[str] = frozenset()  # the SKUs asked about (known or not)
    families: dict[str, str] = field(default_factory=dict)  # sku -> family code

    def covers(self, doc: QuoteDocument) -> bool:
        """True when this basis was read for ``doc``'s customer and all its SKUs."""
        return (
            self.customer == doc.customer.keys() and {line.sku for line in doc.lines} <= self.skus
        )

    def products(self, doc: QuoteDocument, priced: QuotePrice | None) -> set[tuple[str, str]]:
        """(sku, family) of the lines that count, as the clause library matches them."""
        if priced is not None and len(priced.lines) == len(doc.lines):
            return {(lp.sku, lp.listed.item.family) for lp in priced.lines if lp.counted}
        return {(line.sku, self.families.get(line.sku, "")) for line in doc.lines}


def load_terms_basis(workspace: Workspace, doc: QuoteDocument) -> TermsBasis:
    """Worker thread: the customer's region and the family of every SKU on ``doc``."""
    skus = {line.sku for line in doc.lines}
    with workspace.store.session() as session:
        facts = customer_facts(session, doc)
        rows = session.execute(
            select(Product.sku, ProductFamily.code)
            .join(ProductFamily, Product.family_id == ProductFamily.id)
            .where(Product.sku.in_(skus))
        )
        families = {sku: code for sku, code in rows}
    return TermsBasis(doc.customer.keys(), facts.region, frozenset(skus), families)
