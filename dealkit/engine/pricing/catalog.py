"""The products and prices a quote is priced from, in one currency on one day.

``load_catalog`` reads the store once (through ``catalog.queries.list_prices``, the one price
lookup of Dealkit) into plain dataclasses, so that repricing never touches the database: a
1,000-line quote is repriced from memory. When a SKU has no price, ``explain_missing_price``
says why in words a rep can act on (an expired price book, a price only in another currency,
an unknown product).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealkit.engine.catalog.queries import list_prices
from dealkit.engine.money import check_currency
from dealkit.engine.store.models import PriceBook, PriceBookEntry, Product, ProductFamily


@dataclass(frozen=True, slots=True)
class CatalogItem:
    """A product with its price in the catalog's currency.

    For a recurring product, ``list_price`` and ``unit_cost`` are per unit per year (the
    demo price books' convention, docs/pricing.md).
    """

    sku: str
    name: str
    family: str
    list_price: Decimal
    unit_cost: Decimal
    recurring: bool = False
    default_term_months: int | None = None
    price_book: str = ""


@dataclass
class PriceCatalog:
    """Prices in one currency on one day for one customer segment."""

    currency: str
    on: date
    segment: str | None = None
    items: dict[str, CatalogItem] = field(default_factory=dict)
    # Why a SKU has no price (filled by load_catalog for products that exist but are unpriced).
    missing: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        check_currency(self.currency)

    def get(self, sku: str) -> CatalogItem | None:
        return self.items.get(sku)

    def why_missing(self, sku: str) -> str:
        """A sentence saying why ``sku`` cannot be priced, and the fix."""
        if sku in self.missing:
            return self.missing[sku]
        return (
            f"unknown product {sku!r}: no product with this SKU is in the catalog; "
            "check the spelling or sync the catalog"
        )


def load_catalog(
    session: Session, currency: str, on: date, segment: str | None = None
) -> PriceCatalog:
    """Read every priced product in ``currency`` on ``on`` (segment books win) from the store."""
    check_currency(currency)
    prices = list_prices(session, currency, on, segment)
    products = session.execute(
        select(
            Product.sku,
            Product.name,
            Product.active,
            Product.recurring,
            Product.default_term_months,
            ProductFamily.code,
        )
        .outerjoin(ProductFamily, Product.family_id == ProductFamily.id)
        .where(Product.deleted.is_(False))
    ).all()
    by_sku = {row.sku: row for row in products}
    catalog = PriceCatalog(currency, on, segment)
    for sku, price in prices.items():
        product = by_sku.get(sku)
        if product is None or not product.active:
            continue  # an inactive product is explained below as no longer sold
        catalog.items[sku] = CatalogItem(
            sku=sku,
            name=product.name,
            family=product.code,
            list_price=price.price.amount,
            unit_cost=price.cost.amount,
            recurring=product.recurring,
            default_term_months=product.default_term_months,
            price_book=price.price_book,
        )
    unpriced_skus = [sku for sku in by_sku if sku not in catalog.items]
    if unpriced_skus:  # entities only for these: explain_missing_price reads the product
        position = {sku: n for n, sku in enumerate(unpriced_skus)}
        unpriced = sorted(
            session.scalars(
                select(Product).where(Product.deleted.is_(False), Product.sku.in_(unpriced_skus))
            ),
            key=lambda p: position[p.sku],
        )
        books = _books_by_product(session, [p.id for p in unpriced])
        for product in unpriced:
            catalog.missing[product.sku] = explain_missing_price(
                product, books.get(product.id, []), currency, on
            )
    return catalog


def _books_by_product(session: Session, product_ids: list[str]) -> dict[str, list[PriceBook]]:
    """Every price book that has an entry for each of ``product_ids`` (one query)."""
    found: dict[str, list[PriceBook]] = {}
    rows = session.execute(
        select(PriceBookEntry.product_id, PriceBook)
        .join(PriceBook, PriceBookEntry.price_book_id == PriceBook.id)
        .where(
            PriceBookEntry.product_id.in_(product_ids),
            PriceBookEntry.deleted.is_(False),
            PriceBook.deleted.is_(False),
        )
        .order_by(PriceBook.effective_from)
    )
    for product_id, book in rows:
        found.setdefault(product_id, []).append(book)
    return found


def explain_missing_price(product: Product, books: list[PriceBook], currency: str, on: date) -> str:
    """Why ``product`` has no price in ``currency`` on ``on``, from the ``books`` that have an
    entry for it (oldest first): an expired book, a future one, another currency, ..."""
    same_currency = [b for b in books if b.currency == currency]
    expired = [b for b in same_currency if b.effective_to is not None and b.effective_to < on]
    future = [b for b in same_currency if b.effective_from > on]
    if not product.active:
        return f"product {product.sku} is no longer sold (inactive): remove the line or replace it"
    if expired and not future:
        book = expired[-1]
        return (
            f"the price book {book.name!r} that priced {product.sku} in {currency} expired on "
            f"{book.effective_to.isoformat()}: sync the current price book or date the quote "
            "within its validity"
        )
    if future:
        book = future[0]
        return (
            f"{product.sku} is priced in {currency} only from {book.effective_from.isoformat()} "
            f"(price book {book.name!r}): date the quote on or after that day"
        )
    if same_currency:
        return (
            f"{product.sku} is priced in {currency} only in a segment price book that does not "
            "apply to this customer: quote in another currency or ask for a price"
        )
    others = sorted({b.currency for b in books})
    if others:
        return (
            f"{product.sku} has no price in {currency} (it is priced in {', '.join(others)}): "
            f"quote in {others[0]} or ask the deal desk for a {currency} price"
        )
    return f"{product.sku} has no price in any price book: ask the deal desk for a price"
