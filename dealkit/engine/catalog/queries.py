"""Read the catalog as the rest of Dealkit needs it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealkit.engine.money import Money
from dealkit.engine.store.models import PriceBook, PriceBookEntry, Product


def active_products(session: Session) -> Sequence[Product]:
    """Products a rep may quote, by SKU."""
    query = (
        select(Product)
        .where(Product.deleted.is_(False), Product.active.is_(True))
        .order_by(Product.sku)
    )
    return session.scalars(query).all()


@dataclass(frozen=True)
class ListPrice:
    sku: str
    price: Money
    cost: Money
    price_book: str

    @property
    def margin_percent(self) -> Decimal:
        if not self.price.amount:
            return Decimal(0)
        return (self.price.amount - self.cost.amount) / self.price.amount * 100


def list_prices(
    session: Session, currency: str, on: date, segment: str | None = None
) -> dict[str, ListPrice]:
    """Each product's list price in ``currency`` on day ``on``.

    A price book for the customer's segment wins over the general book of the same currency;
    only books effective on ``on`` count.
    """
    query = (
        select(
            Product.sku,
            PriceBookEntry.list_price,
            PriceBookEntry.unit_cost,
            PriceBook.name,
            PriceBook.segment,
        )
        .select_from(PriceBookEntry)
        .join(PriceBook, PriceBookEntry.price_book_id == PriceBook.id)
        .join(Product, PriceBookEntry.product_id == Product.id)
        .where(
            PriceBook.currency == currency,
            PriceBook.deleted.is_(False),
            PriceBookEntry.deleted.is_(False),
            PriceBook.effective_from <= on,
            (PriceBook.effective_to.is_(None)) | (PriceBook.effective_to >= on),
            (PriceBook.segment.is_(None)) | (PriceBook.segment == segment),
        )
    )
    # Columns, not entities: a 2,000-product book is read in a few ms instead of building
    # 4,000 ORM objects (the server re-prices a push with it).
    prices: dict[str, ListPrice] = {}
    for sku, list_price, unit_cost, book_name, book_segment in session.execute(query):
        current = prices.get(sku)
        if current is not None and book_segment is None:
            continue  # a segment book already set this product's price
        prices[sku] = ListPrice(
            sku,
            Money.of(list_price, currency),
            Money.of(unit_cost, currency),
            book_name,
        )
    return prices
