"""What the "Configure product…" action reads from the store: configurable products and lines.

These run on a worker thread (see ``desktop/tasks.py``): each opens its own session and returns
frozen rows, never ORM objects. A product is offered for configuration when it is marked
``configurable`` and carries its model text (``Product.model_source``); a quote line is offered as
a starting point when it is such a product and its ``options`` hold choices (variable → value).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from dealkit.engine.store.models import Product, Quote
from dealkit.engine.workspace import Workspace


@dataclass(frozen=True)
class ConfigurableProduct:
    id: str
    sku: str
    name: str
    model_source: str


@dataclass(frozen=True)
class ConfiguredLine:
    """A line of the selected quote whose options hold a configuration to start from."""

    quote_number: str
    quote_version: int
    position: int
    product: ConfigurableProduct
    choices: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ConfigureChoices:
    """What the picker offers: the products, and the selected quote's configured lines first."""

    products: list[ConfigurableProduct]
    lines: list[ConfiguredLine]


def _product(product: Product) -> ConfigurableProduct:
    return ConfigurableProduct(product.id, product.sku, product.name, product.model_source or "")


def load_configurable_products(workspace: Workspace) -> list[ConfigurableProduct]:
    """Active configurable products that carry a model, by SKU."""
    with workspace.store.session() as session:
        products = session.scalars(
            select(Product)
            .where(
                Product.deleted.is_(False),
                Product.active.is_(True),
                Product.configurable.is_(True),
                Product.model_source.is_not(None),
                Product.model_source != "",
            )
            .order_by(Product.sku)
        )
        return [_product(p) for p in products]


def load_configure_choices(workspace: Workspace, quote_id: str | None) -> ConfigureChoices:
    """The products to configure, and the lines of quote ``quote_id`` that hold choices."""
    products = load_configurable_products(workspace)
    by_id = {p.id: p for p in products}
    lines: list[ConfiguredLine] = []
    if quote_id is not None:
        with workspace.store.session() as session:
            quote = session.get(Quote, quote_id)
            if quote is not None and not quote.deleted:
                for line in sorted(quote.lines, key=lambda item: item.position):
                    product = by_id.get(line.product_id)
                    if line.deleted or product is None:
                        continue
                    if isinstance(line.options, dict) and line.options:
                        lines.append(
                            ConfiguredLine(
                                quote.number,
                                quote.version,
                                line.position,
                                product,
                                dict(line.options),
                            )
                        )
    return ConfigureChoices(products, lines)
