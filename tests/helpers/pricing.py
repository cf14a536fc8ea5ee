"""Pricing fixtures: a real workspace with a small catalog priced in USD, THB and JPY.

The numbers are round on purpose so that tests can state worked results by hand:

=============  ======  =========  ==========  =======  ==========================
SKU            family  USD list   THB list    JPY      notes
=============  ======  =========  ==========  =======  ==========================
NET-SPINE-64   NET     10000.00   350000.00   1500000  volume schedules in tests
NET-LEAF-48    NET      4000.00   140000.00    600000
SRV-R7         SRV      8000.00   280000.00   1200000  bundle with options below
ACC-RAM-64     ACC       500.00    17500.00     75000  option of SRV-R7
ACC-PSU-1600   ACC       300.00    10500.00     45000  option, included when fixed
SUB-CLOUDOPS   SUB      1200.00    42000.00    180000  recurring, per unit per year
SUB-SEATS      SUB       900.00    31500.00    135000  recurring, sold in blocks
SVC-PS-DAY     SVC      1500.00    52500.00    225000
OLD-SWITCH     NET      (only in the expired USD 2025 book)
=============  ======  =========  ==========  =======  ==========================

Costs are 60% of list. A public-sector USD book prices NET-SPINE-64 at 9000.00.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from dealkit.engine.store.models import (
    Customer,
    PriceBook,
    PriceBookEntry,
    Product,
    ProductFamily,
    ProductKind,
)
from dealkit.engine.workspace import Workspace

PRODUCTS = [
    # sku, family, kind, recurring, USD list
    ("NET-SPINE-64", "NET", ProductKind.HARDWARE, False, "10000.00"),
    ("NET-LEAF-48", "NET", ProductKind.HARDWARE, False, "4000.00"),
    ("SRV-R7", "SRV", ProductKind.HARDWARE, False, "8000.00"),
    ("ACC-RAM-64", "ACC", ProductKind.HARDWARE, False, "500.00"),
    ("ACC-PSU-1600", "ACC", ProductKind.HARDWARE, False, "300.00"),
    ("SUB-CLOUDOPS", "SUB", ProductKind.SUBSCRIPTION, True, "1200.00"),
    ("SUB-SEATS", "SUB", ProductKind.SUBSCRIPTION, True, "900.00"),
    ("SVC-PS-DAY", "SVC", ProductKind.SERVICE, False, "1500.00"),
]
RATES = {"USD": Decimal(1), "THB": Decimal(35), "JPY": Decimal(150)}
QUOTE_DAY = date(2026, 11, 27)


def fill_pricing_catalog(workspace: Workspace) -> None:
    """Write the table above into ``workspace``'s store."""
    with workspace.store.session() as session, session.begin():
        families = {}
        for code in ("NET", "SRV", "ACC", "SUB", "SVC"):
            families[code] = ProductFamily(code=code, name=code.title())
            session.add(families[code])
        session.flush()
        products = {}
        for sku, family, kind, recurring, _ in [
            *PRODUCTS,
            ("OLD-SWITCH", "NET", ProductKind.HARDWARE, False, "0"),
        ]:
            products[sku] = Product(
                sku=sku,
                name=sku.replace("-", " ").title(),
                family_id=families[family].id,
                kind=kind,
                recurring=recurring,
                default_term_months=12 if recurring else None,
            )
            session.add(products[sku])
        session.add(
            Customer(
                name="Atlantic Mutual Bank",
                industry="finance",
                segment="enterprise",
                region="north_america",
                country="US",
                currency="USD",
            )
        )
        old = PriceBook(
            name="USD List 2025",
            currency="USD",
            effective_from=date(2025, 1, 1),
            effective_to=date(2025, 12, 31),
        )
        gov = PriceBook(
            name="USD Public Sector 2026",
            currency="USD",
            segment="public_sector",
            effective_from=date(2026, 1, 1),
        )
        books = {
            cur: PriceBook(name=f"{cur} List 2026", currency=cur, effective_from=date(2026, 1, 1))
            for cur in RATES
        }
        session.add_all([old, gov, *books.values()])
        session.flush()
        session.add(
            PriceBookEntry(
                price_book_id=old.id,
                product_id=products["OLD-SWITCH"].id,
                list_price=Decimal("2000.00"),
                unit_cost=Decimal("1200.00"),
            )
        )
        session.add(
            PriceBookEntry(
                price_book_id=gov.id,
                product_id=products["NET-SPINE-64"].id,
                list_price=Decimal("9000.00"),
                unit_cost=Decimal("6000.00"),
            )
        )
        for cur, book in books.items():
            places = Decimal(1) if cur == "JPY" else Decimal("0.01")
            for sku, _, _, _, usd in PRODUCTS:
                price = (Decimal(usd) * RATES[cur]).quantize(places)
                session.add(
                    PriceBookEntry(
                        price_book_id=book.id,
                        product_id=products[sku].id,
                        list_price=price,
                        unit_cost=(price * Decimal("0.6")).quantize(places),
                    )
                )


PRICE_RULES_YAML = """\
# Price rules used by the pricing tests (format: docs/pricing.md)
schedules:
  - code: net-volume
    name: Network volume discount
    method: slab
    basis: quantity
    aggregate: family
    families: [NET]
    tiers:
      - {from: 1, discount_percent: 0}
      - {from: 11, discount_percent: 10}
      - {from: 51, discount_percent: 20}
blocks:
  - {sku: SUB-SEATS, size: 25}
bundles:
  - sku: SRV-R7
    pricing: fixed
    included: [ACC-PSU-1600]
contracted_prices:
  - customer: Atlantic Mutual Bank
    sku: SVC-PS-DAY
    contract: MSA-2026-014
    prices: {USD: "1350.00"}
"""


@pytest.fixture
def pricing_workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A workspace holding the pricing catalog above (real SQLite)."""
    workspace = Workspace.open(tmp_path / "pricing-ws")
    fill_pricing_catalog(workspace)
    yield workspace
    workspace.close()


@pytest.fixture
def price_rules_file(tmp_path: Path) -> Path:
    """The price rules above, as a file."""
    path = tmp_path / "price-rules.yaml"
    path.write_text(PRICE_RULES_YAML, encoding="utf-8")
    return path


def atlantic_quote() -> dict:
    """A quote for the demo customer Atlantic Mutual Bank (demo price book USD List 2026:
    SRV-R7 8,400.00, ACC-RAM-64 620.00, SUB-CLOUDOPS 1,200.00 a year, SVC-PS-DAY 1,800.00,
    NET-SPINE-64 48,000.00). docs/quote-json.md walks through this example."""
    return {
        "format": "dealkit-quote/1",
        "number": "Q-2026-0042",
        "version": 1,
        "name": "Atlantic Mutual Bank: data centre refresh",
        "customer": {"name": "Atlantic Mutual Bank"},
        "owner": "alex",
        "currency": "USD",
        "date": "2026-11-27",
        "expires_on": "2026-12-27",
        "payment_terms": "net-45",
        "discount": {"amount": "1000.00"},
        "groups": [
            {"name": "Core"},
            {"name": "Option A", "alternative": "network", "description": "two spines"},
            {"name": "Option B", "alternative": "network", "selected": True},
        ],
        "lines": [
            {
                "id": "L1",
                "sku": "SRV-R7",
                "quantity": 4,
                "group": "Core",
                "options": [
                    {"code": "cpu/gold-6430", "quantity": 2, "price": "2150.00", "label": "Gold"},
                    {"sku": "ACC-RAM-64", "quantity": 8},
                ],
                "discount": {"percent": "5"},
            },
            {
                "id": "L2",
                "sku": "SUB-CLOUDOPS",
                "quantity": 10,
                "group": "Core",
                "subscription": {"term_months": 36, "billing": "annual"},
            },
            {
                "id": "L3",
                "sku": "SVC-PS-DAY",
                "quantity": 5,
                "group": "Core",
                "discount": {"percent": "10", "amount": "200.00"},
            },
            {"id": "L4", "sku": "NET-SPINE-64", "quantity": 2, "group": "Option A"},
            {"id": "L5", "sku": "NET-SPINE-64", "quantity": 4, "group": "Option B"},
        ],
        "terms": {"language": "en"},
    }


@pytest.fixture
def atlantic_quote_file(tmp_path: Path) -> Path:
    """``atlantic_quote()`` written as a JSON file."""
    import json

    path = tmp_path / "atlantic.json"
    path.write_text(json.dumps(atlantic_quote(), indent=2), encoding="utf-8")
    return path
