"""All demo sources read and cross-checked together, before anything touches the database.

Reading everything first means a broken file stops the load with its name and line while the
workspace is still untouched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dealkit.engine.demo.catalog_source import (
    FamilySource,
    PriceBookSource,
    ProductSource,
    check_price_coverage,
    parse_catalog,
    parse_price_books,
)
from dealkit.engine.demo.engagement import QuizSource, read_quizzes
from dealkit.engine.demo.errors import DemoDataError
from dealkit.engine.demo.library_source import LibrarySource, parse_library_item
from dealkit.engine.demo.model_tables import inline_table_files
from dealkit.engine.demo.people_source import (
    CustomerSource,
    UserSource,
    parse_customers,
    parse_team,
)
from dealkit.engine.demo.plan_source import PlanSource, parse_plans
from dealkit.engine.store.models import Role

DEMO_DIR = Path(__file__).resolve().parents[2] / "resources" / "demo"


@dataclass(frozen=True)
class DemoSources:
    root: Path
    users: list[UserSource]
    current_user: str
    families: list[FamilySource]
    products: list[ProductSource]
    models: dict[str, str]  # SKU -> product model text (configurable products whose file exists)
    books: list[PriceBookSource]
    customers: list[CustomerSource]
    library: list[LibrarySource]
    plans: list[PlanSource]
    quizzes: list[QuizSource] = field(default_factory=list)  # quizzes/<library item>.yaml

    @property
    def reps(self) -> list[str]:
        return [u.username for u in self.users if Role.REP in u.roles]


def read_sources(anchor: date, root: Path = DEMO_DIR) -> DemoSources:
    """Read and validate every demo source under ``root``; raise DemoDataError on the first
    problem."""
    if not root.is_dir():
        raise DemoDataError(root, "the demo data folder is missing", "reinstall Dealkit")
    users, current_user = parse_team(root / "team.yaml")
    families, products = parse_catalog(root / "catalog.yaml")
    skus = [p.sku for p in products]
    books = parse_price_books(root / "price-books.yaml", set(skus))
    check_price_coverage(root / "price-books.yaml", books, skus)
    reps = {u.username for u in users if Role.REP in u.roles}
    customers = parse_customers(root / "customers.yaml", reps)
    models: dict[str, str] = {}
    for product in products:
        if product.model_file:
            model_path = root / "models" / product.model_file
            if model_path.is_file():
                models[product.sku] = inline_table_files(
                    model_path.read_text(encoding="utf-8"), model_path
                )
    library_dir = root / "library"
    library_files = sorted(library_dir.glob("*.md"))
    if not library_files:
        raise DemoDataError(
            library_dir,
            "the library folder has no items",
            "restore dealkit/resources/demo/library/*.md",
        )
    usernames = {u.username for u in users}
    family_codes = {f.code for f in families}
    library = [
        parse_library_item(path, anchor, usernames, set(skus), family_codes)
        for path in library_files
    ]
    plans = parse_plans(root / "plans") if (root / "plans").is_dir() else []
    quizzes = read_quizzes(root, library)
    return DemoSources(
        root,
        users,
        current_user,
        families,
        products,
        models,
        books,
        customers,
        library,
        plans,
        quizzes,
    )
