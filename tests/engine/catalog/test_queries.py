from datetime import date
from decimal import Decimal

from dealkit.engine.catalog.queries import list_prices
from dealkit.engine.store.models import (
    PriceBook,
    PriceBookEntry,
    Product,
    ProductFamily,
    ProductKind,
)


def test_segment_books_win_and_only_effective_books_count(empty_workspace):
    with empty_workspace.store.session() as session, session.begin():
        family = ProductFamily(code="SRV", name="Servers")
        session.add(family)
        session.flush()
        server = Product(sku="SRV-1", name="S1", family_id=family.id, kind=ProductKind.HARDWARE)
        session.add(server)
        books = {
            "list": PriceBook(name="USD list", currency="USD", effective_from=date(2026, 1, 1)),
            "gov": PriceBook(
                name="USD public sector",
                currency="USD",
                segment="public_sector",
                effective_from=date(2026, 1, 1),
            ),
            "old": PriceBook(
                name="USD 2025",
                currency="USD",
                effective_from=date(2025, 1, 1),
                effective_to=date(2025, 12, 31),
            ),
        }
        session.add_all(books.values())
        session.flush()
        for key, price in {"list": "1000", "gov": "900", "old": "800"}.items():
            session.add(
                PriceBookEntry(
                    price_book_id=books[key].id,
                    product_id=server.id,
                    list_price=Decimal(price),
                    unit_cost=Decimal("600"),
                )
            )
    with empty_workspace.store.session() as session:
        general = list_prices(session, "USD", date(2026, 6, 1))
        public = list_prices(session, "USD", date(2026, 6, 1), segment="public_sector")
        last_year = list_prices(session, "USD", date(2025, 6, 1))
        baht = list_prices(session, "THB", date(2026, 6, 1))
    assert general["SRV-1"].price.amount == Decimal("1000")
    assert general["SRV-1"].margin_percent == Decimal(40)
    assert public["SRV-1"].price.amount == Decimal("900")
    assert public["SRV-1"].price_book == "USD public sector"
    assert last_year["SRV-1"].price.amount == Decimal("800")
    assert baht == {}
