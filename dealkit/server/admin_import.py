"""What ``dealkit server import ...`` puts into the server's database, through the engine's own
readers: the demo's catalog, price-book and plan parsers (file:line errors, nothing written on
a bad file) and the library importer. Each import is one transaction.

The engine's importers take a workspace; ``ServerFiles`` is the server's store seen as one,
with blobs kept in the database (``sync_blobs``) so every server process can hand them out.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import select

from dealkit.engine.demo.catalog_source import (
    check_price_coverage,
    parse_catalog,
    parse_price_books,
)
from dealkit.engine.demo.errors import DemoDataError
from dealkit.engine.demo.model_tables import inline_table_files
from dealkit.engine.demo.plan_source import parse_plan
from dealkit.engine.store.database import Store
from dealkit.engine.store.models import (
    CommissionPlan,
    PriceBook,
    PriceBookEntry,
    Product,
    ProductFamily,
    SyncBlob,
    User,
)


class ServerFiles:
    """The server's store with the workspace methods the engine's importers call."""

    def __init__(self, store: Store, owner: str | None = None) -> None:
        self.store = store
        self._owner_id: str | None = None
        if owner is not None:
            with store.session() as session:
                self._owner_id = session.scalar(select(User.id).where(User.username == owner))
            if self._owner_id is None:
                raise ValueError(f"--owner {owner}: no such user on the server; add it first")

    def put_blob(self, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        with self.store.session() as session, session.begin():
            if session.get(SyncBlob, digest) is None:
                session.add(SyncBlob(sha256=digest, size=len(data), data=data))
        return digest

    def put_blob_file(self, path: Path, chunk_size: int = 1 << 20) -> str:
        return self.put_blob(Path(path).read_bytes())

    def info(self, key: str) -> str | None:
        return self._owner_id if key == "current_user_id" else None


@dataclass
class CatalogCounts:
    families_added: int = 0
    families_updated: int = 0
    products_added: int = 0
    products_updated: int = 0
    price_books_added: int = 0
    price_entries: int = 0

    def to_json(self) -> dict[str, int]:
        return asdict(self)


def import_catalog(store: Store, catalog: Path, price_books: Path | None = None) -> CatalogCounts:
    """Add or update families and products (by code / SKU) from ``catalog.yaml`` and add the
    price books of ``price-books.yaml`` (a book already there, same name, currency and start,
    gets its entries replaced). Formats: docs/demo-data.md. Models of configurable products are
    read from ``models/`` next to the catalog."""
    families, products = parse_catalog(catalog)
    books = []
    if price_books is not None:
        skus = [p.sku for p in products]
        books = parse_price_books(price_books, set(skus))
        check_price_coverage(price_books, books, skus)
    models: dict[str, str] = {}
    for product in products:
        if product.model_file:
            path = catalog.parent / "models" / product.model_file
            if not path.is_file():
                raise DemoDataError(
                    catalog,
                    f"product {product.sku}: its model file {path} is missing",
                    "put the model next to the catalog in models/, or remove 'model'",
                )
            models[product.sku] = inline_table_files(path.read_text(encoding="utf-8"), path)
    counts = CatalogCounts()
    with store.session() as session, session.begin():
        family_rows = {f.code: f for f in session.scalars(select(ProductFamily))}
        for family in families:
            row = family_rows.get(family.code)
            if row is None:
                row = ProductFamily(code=family.code, name=family.name)
                session.add(row)
                family_rows[family.code] = row
                counts.families_added += 1
            elif row.name != family.name or row.deleted:
                row.name, row.deleted = family.name, False
                counts.families_updated += 1
        session.flush()
        product_rows = {p.sku: p for p in session.scalars(select(Product))}
        for source in products:
            values = {
                "name": source.name,
                "family_id": family_rows[source.family].id,
                "kind": source.kind,
                "description": source.description,
                "unit": source.unit,
                "recurring": source.recurring,
                "default_term_months": source.default_term_months,
                "configurable": source.configurable,
                "model_source": models.get(source.sku),
                "active": True,
                "deleted": False,
            }
            row = product_rows.get(source.sku)
            if row is None:
                row = Product(sku=source.sku, **values)
                session.add(row)
                product_rows[source.sku] = row
                counts.products_added += 1
            elif any(getattr(row, k) != v for k, v in values.items()):
                for name, value in values.items():
                    setattr(row, name, value)
                counts.products_updated += 1
        session.flush()
        for book in books:
            existing = session.scalar(
                select(PriceBook).where(
                    PriceBook.name == book.name,
                    PriceBook.currency == book.currency,
                    PriceBook.effective_from == book.effective_from,
                    PriceBook.deleted.is_(False),
                )
            )
            if existing is None:
                existing = PriceBook(
                    name=book.name,
                    currency=book.currency,
                    segment=book.segment,
                    effective_from=book.effective_from,
                    effective_to=book.effective_to,
                )
                session.add(existing)
                session.flush()
                counts.price_books_added += 1
            entries = {
                e.product_id: e
                for e in session.scalars(
                    select(PriceBookEntry).where(PriceBookEntry.price_book_id == existing.id)
                )
            }
            for entry in book.entries:
                product_id = product_rows[entry.sku].id
                row = entries.get(product_id)
                if row is None:
                    session.add(
                        PriceBookEntry(
                            price_book_id=existing.id,
                            product_id=product_id,
                            list_price=entry.list_price,
                            unit_cost=entry.unit_cost,
                        )
                    )
                elif (row.list_price, row.unit_cost) != (entry.list_price, entry.unit_cost):
                    row.list_price, row.unit_cost = entry.list_price, entry.unit_cost
                counts.price_entries += 1
    return counts


def import_plans(store: Store, paths: list[Path]) -> list[dict[str, object]]:
    """Add plan versions (YAML, docs/commission-plans.md). A version already on the server with
    the same text is left alone; with a different text it is refused (plans are versioned:
    publish a change as the next version)."""
    plans = [parse_plan(path) for path in paths]  # every file checked before anything is written
    added: list[dict[str, object]] = []
    with store.session() as session, session.begin():
        for plan in plans:
            existing = session.scalar(
                select(CommissionPlan).where(
                    CommissionPlan.code == plan.code, CommissionPlan.version == plan.version
                )
            )
            if existing is not None:
                if existing.source != plan.text:
                    raise DemoDataError(
                        plan.path,
                        f"plan {plan.code} version {plan.version} is already on the server with "
                        f"a different text",
                        f"publish the change as a new version (version: {plan.version + 1})",
                    )
                added.append({"code": plan.code, "version": plan.version, "added": False})
                continue
            session.add(
                CommissionPlan(
                    code=plan.code,
                    version=plan.version,
                    name=plan.name,
                    effective_from=plan.effective_from,
                    effective_to=plan.effective_to,
                    source=plan.text,
                )
            )
            added.append({"code": plan.code, "version": plan.version, "added": True})
    return added
