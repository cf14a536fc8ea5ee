from datetime import date
from decimal import Decimal

import httpx

from dealkit import __version__
from dealkit.engine.auth.accounts import create_user
from dealkit.engine.store.database import open_store_url
from dealkit.engine.store.models import (
    PriceBook,
    PriceBookEntry,
    Product,
    ProductFamily,
    ProductKind,
    Role,
)
from dealkit.engine.workspace import Workspace
from tests.helpers.servers import running_server


def add_catalog(store) -> None:
    with store.session() as session, session.begin():
        family = ProductFamily(code="NET", name="Network")
        session.add(family)
        session.flush()
        switch = Product(
            sku="NET-A", name="Switch A", family_id=family.id, kind=ProductKind.HARDWARE
        )
        retired = Product(
            sku="NET-OLD", name="Old", family_id=family.id, kind=ProductKind.HARDWARE, active=False
        )
        session.add_all([switch, retired])
        book = PriceBook(name="USD list", currency="USD", effective_from=date(2026, 1, 1))
        session.add(book)
        session.flush()
        session.add(
            PriceBookEntry(
                price_book_id=book.id,
                product_id=switch.id,
                list_price=Decimal("12999.99"),
                unit_cost=Decimal("7000.10"),
            )
        )


def test_the_server_answers_status_and_catalog_over_real_http(empty_workspace: Workspace):
    add_catalog(empty_workspace.store)
    with empty_workspace.store.session() as session:
        create_user(session, "alex", [Role.REP], "alex-password")
    with running_server(empty_workspace.store) as url:
        status = httpx.get(f"{url}/api/v1/status").json()
        anonymous = httpx.get(f"{url}/api/v1/catalog/products")
        login = {"username": "alex", "password": "alex-password"}
        token = httpx.post(f"{url}/api/v1/auth/login", json=login).json()["token"]
        products = httpx.get(
            f"{url}/api/v1/catalog/products", headers={"Authorization": f"Bearer {token}"}
        ).json()
        openapi = httpx.get(f"{url}/openapi.json")
    assert anonymous.status_code == 401  # the catalog is for signed-in people
    assert status == {
        "service": "dealkit",
        "version": __version__,
        "protocol": 1,
        "database": "sqlite",
    }
    assert [p["sku"] for p in products] == ["NET-A"]  # the retired product does not flow down
    assert openapi.status_code == 200


def test_the_same_models_migrate_and_round_trip_on_postgresql(postgres_url: str):
    store = open_store_url(postgres_url)
    try:
        add_catalog(store)
        with running_server(store) as url:
            status = httpx.get(f"{url}/api/v1/status").json()
        assert status["database"] == "postgresql"
        with store.session() as session:
            entry = session.query(PriceBookEntry).one()
            assert entry.list_price == Decimal("12999.99")
            assert entry.created_at.tzinfo is not None
    finally:
        store.close()
