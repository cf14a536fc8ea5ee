"""The catalog sources: product families and products (catalog.yaml), and price books
(price-books.yaml), parsed and cross-checked into plain records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from dealkit.engine.demo.errors import DemoDataError
from dealkit.engine.demo.fields import Fields, decimal_text, read_yaml
from dealkit.engine.money import MoneyError, check_currency
from dealkit.engine.store.models import ProductKind

SEGMENTS = ["enterprise", "mid_market", "smb", "public_sector"]


@dataclass(frozen=True)
class FamilySource:
    code: str
    name: str


@dataclass(frozen=True)
class ProductSource:
    sku: str
    name: str
    family: str
    kind: ProductKind
    unit: str
    description: str
    recurring: bool
    default_term_months: int | None
    configurable: bool
    model_file: str | None  # a file name in models/, when configurable


@dataclass(frozen=True)
class PriceEntrySource:
    sku: str
    list_price: Decimal
    unit_cost: Decimal


@dataclass(frozen=True)
class PriceBookSource:
    code: str
    name: str
    currency: str
    segment: str | None
    effective_from: date
    effective_to: date | None
    entries: tuple[PriceEntrySource, ...]

    def covers(self, day: date) -> bool:
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )


def _list_of(document: object, key: str, path: Path, example: str) -> list[object]:
    top = Fields(document if document is not None else {}, path, "the file")
    value = top.raw(key, example)
    if not isinstance(value, list) or not value:
        raise top.fail(
            key, f"'{key}' must be a non-empty list", f"write '{key}:' then '- ...' items"
        )
    return value


def parse_catalog(path: Path) -> tuple[list[FamilySource], list[ProductSource]]:
    document = read_yaml(path)
    families: list[FamilySource] = []
    for node in _list_of(document, "families", path, "[{code: SRV, name: Servers}]"):
        f = Fields(node, path, "a family")
        families.append(FamilySource(f.text("code", "SRV"), f.text("name", "Servers")))
    codes = [family.code for family in families]
    products: list[ProductSource] = []
    seen: dict[str, int | None] = {}
    kinds = [k.value for k in ProductKind]
    for node in _list_of(document, "products", path, "[{sku: SRV-R7, name: ...}]"):
        f = Fields(node, path, "a product")
        sku = f.text("sku", "SRV-R7")
        f.what = f"product {sku}"
        if sku in seen:
            raise f.fail(
                "sku",
                f"the SKU is used twice (first on line {seen[sku]})",
                "give each product its own SKU",
            )
        seen[sku] = f.line("sku")
        family = f.text("family", codes[0] if codes else "SRV")
        if family not in codes:
            raise f.fail(
                "family",
                f"family {family!r} is not declared under 'families'",
                f"use one of {codes} or add the family",
            )
        recurring = f.flag("recurring")
        configurable = f.flag("configurable")
        model_file = f.text("model", "rack-server.yaml") if configurable else None
        products.append(
            ProductSource(
                sku=sku,
                name=f.text("name", "<the product's name>"),
                family=family,
                kind=ProductKind(f.choice("kind", kinds)),
                unit=f.text("unit", "each", default="each"),
                description=" ".join(f.text("description", "what it is, for whom").split()),
                recurring=recurring,
                default_term_months=f.integer("default_term_months", "12"),
                configurable=configurable,
                model_file=model_file,
            )
        )
        if recurring and not products[-1].default_term_months:
            raise f.fail(
                "default_term_months",
                "a recurring product needs a default term",
                "add 'default_term_months: 12'",
            )
    return families, products


def parse_price_books(path: Path, skus: set[str]) -> list[PriceBookSource]:
    document = read_yaml(path)
    books: list[PriceBookSource] = []
    for node in _list_of(document, "books", path, "[{code: usd-list-2026, ...}]"):
        f = Fields(node, path, "a price book")
        code = f.text("code", "usd-list-2026")
        f.what = f"price book {code}"
        currency = f.text("currency", "USD")
        try:
            check_currency(currency)
        except MoneyError as error:
            raise f.fail(
                "currency", str(error), "write an ISO 4217 code such as USD or THB"
            ) from None
        segment = f.choice("segment", SEGMENTS) if f.has("segment") else None
        effective_from = f.day("effective_from")
        if effective_from is None:
            raise f.fail(
                "effective_from", "'effective_from' is missing", "add 'effective_from: 2026-01-01'"
            )
        effective_to = f.day("effective_to")
        if effective_to is not None and effective_to < effective_from:
            raise f.fail(
                "effective_to",
                "the book ends before it starts",
                "make effective_to later than effective_from",
            )
        raw_entries = f.raw("entries", '{SRV-R7: ["8400.00", "5460.00"]}')
        entries_fields = Fields(
            raw_entries, path, f"the entries of price book {code}", f.line("entries") or 0
        )
        entries = []
        for sku, pair in raw_entries.items():
            if sku not in skus:
                raise entries_fields.fail(
                    sku,
                    f"SKU {sku!r} is not in catalog.yaml",
                    "fix the SKU or add the product to the catalog",
                )
            if not isinstance(pair, list) or len(pair) != 2:
                raise entries_fields.fail(
                    sku,
                    f"{sku} must be [list price, unit cost]",
                    f'write \'{sku}: ["1250.00", "800.00"]\'',
                )
            entries.append(
                PriceEntrySource(
                    sku,
                    decimal_text(pair[0], entries_fields, sku, f"the list price of {sku}"),
                    decimal_text(pair[1], entries_fields, sku, f"the unit cost of {sku}"),
                )
            )
        books.append(
            PriceBookSource(
                code,
                f.text("name", "USD List 2026"),
                currency,
                segment,
                effective_from,
                effective_to,
                tuple(entries),
            )
        )
    return books


def check_price_coverage(path: Path, books: list[PriceBookSource], skus: list[str]) -> None:
    """Every list book (a book without a segment) prices every product, so that any customer
    can be quoted any product in its currency on any date a book covers."""
    for book in books:
        if book.segment is not None:
            continue
        priced = {e.sku for e in book.entries}
        missing = [s for s in skus if s not in priced]
        if missing:
            raise DemoDataError(
                path,
                f"price book {book.code} has no {book.currency} list price for "
                f"{', '.join(missing[:5])}"
                + (f" and {len(missing) - 5} more" if len(missing) > 5 else ""),
                'add them under its entries as \'SKU: ["list price", "unit cost"]\'',
            )
