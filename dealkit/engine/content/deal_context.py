"""What a deal says about the material that would help it: products, customer, competitors, stage.

Read from a saved quote (by number, its latest version) or from a quote JSON file
(docs/quote-json.md; an optional top-level ``"competitors": [...]`` names the rivals, as the
store's ``Quote.competitors`` does).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealkit.engine.quotes.document import QuoteDocument
from dealkit.engine.quotes.json_format import load_quote_file
from dealkit.engine.store.models import Customer, Product, Quote


class DealNotFoundError(LookupError):
    """No saved quote with that number, and no such file."""


@dataclass(frozen=True)
class DealContext:
    number: str
    status: str  # draft, in_review, approved, sent, won, lost, expired
    customer: str
    industry: str | None
    region: str | None
    country: str | None
    segment: str | None
    skus: tuple[str, ...]
    families: tuple[str, ...]
    competitors: tuple[str, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, object]:
        return {
            "number": self.number,
            "status": self.status,
            "customer": self.customer,
            "industry": self.industry,
            "region": self.region,
            "country": self.country,
            "segment": self.segment,
            "products": list(self.skus),
            "families": list(self.families),
            "competitors": list(self.competitors),
        }


def _families(session: Session, skus: list[str]) -> tuple[str, ...]:
    if not skus:
        return ()
    products = session.scalars(select(Product).where(Product.sku.in_(skus))).all()
    return tuple(dict.fromkeys(p.family.code for p in products if p.family is not None))


def from_saved_quote(session: Session, number: str) -> DealContext:
    quote = session.scalars(
        select(Quote)
        .where(Quote.number == number, Quote.deleted.is_(False))
        .order_by(Quote.version.desc())
    ).first()
    if quote is None:
        raise DealNotFoundError(
            f"no saved quote {number!r} and no file by that name; give a quote number such as "
            f"Q-2026-0161 or the path of a quote JSON file"
        )
    skus = list(dict.fromkeys(line.product.sku for line in quote.lines if not line.deleted))
    customer = quote.customer
    return DealContext(
        number=quote.number,
        status=quote.status.value,
        customer=customer.name,
        industry=customer.industry,
        region=customer.region,
        country=customer.country,
        segment=customer.segment,
        skus=tuple(skus),
        families=_families(session, skus),
        competitors=tuple(quote.competitors or ()),
    )


def from_quote_file(session: Session, path: Path) -> DealContext:
    """A deal from a quote JSON file; its problems raise ``PricingError`` naming the field."""
    doc = load_quote_file(path)  # PricingError names the file, line and field
    return from_document(session, doc, doc.number or Path(path).name)


def from_document(session: Session, doc: QuoteDocument, number: str = "") -> DealContext:
    """A deal from a quote document (a file, or the draft in the Quote wizard): the customer's
    industry and region from the workspace when it has the customer, else from the document."""
    row = session.get(Customer, doc.customer.id) if doc.customer.id else None
    if row is None and doc.customer.name:
        row = session.scalars(
            select(Customer).where(Customer.name == doc.customer.name, Customer.deleted.is_(False))
        ).first()
    skus = list(dict.fromkeys(line.sku for line in doc.lines))
    return DealContext(
        number=number or doc.number,
        status=doc.status.value,
        customer=row.name if row else doc.customer.name,
        industry=row.industry if row else None,
        region=row.region if row else doc.customer.region,
        country=row.country if row else None,
        segment=row.segment if row else doc.customer.segment,
        skus=tuple(skus),
        families=_families(session, skus),
        competitors=doc.competitors,
    )
