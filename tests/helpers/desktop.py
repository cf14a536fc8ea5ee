"""Fixtures for the desktop tests: isolated settings, a small real workspace, and the window.

``small_workspace`` is a real SQLite workspace with a handful of users, customers, quotes and
library items written through the store models: enough for page-level tests that must not pay for
the whole demo. ``desktop_workspace`` is the demo workspace (``demo_workspace`` from
tests/helpers/demo.py) for tests that look at what a user sees on first launch.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from dealkit.desktop.app import build_window, prepare_workspace
from dealkit.desktop.main_window import MainWindow
from dealkit.desktop.settings import AppSettings
from dealkit.engine.commissions import load_plan_file
from dealkit.engine.store.models import (
    CommissionPlan,
    CommissionTransaction,
    ContentItem,
    ContentKind,
    Customer,
    Product,
    ProductFamily,
    ProductKind,
    Quote,
    QuoteLine,
    QuoteStatus,
    Role,
    User,
    UserRole,
)
from dealkit.engine.workspace import Workspace

DEMO_PLAN = Path(__file__).parents[2] / "dealkit/resources/demo/plans/field-sales-2026.yaml"
ANCHOR = date(2026, 11, 27)


@pytest.fixture
def isolated_qsettings(tmp_path: Path) -> Iterator[Path]:
    """Point every default-constructed QSettings at an INI folder inside ``tmp_path``."""
    folder = tmp_path / "qsettings"
    folder.mkdir()
    old_org = QCoreApplication.organizationName()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName(f"DealkitTest-{uuid.uuid4().hex[:8]}")
    yield folder
    QCoreApplication.setOrganizationName(old_org)


def seed_small_workspace(workspace: Workspace) -> dict[str, str]:
    """Write a small team, customers, products, quotes and library items; return some ids."""
    with workspace.store.session() as s, s.begin():
        dana = User(username="dana", display_name="Dana Whitfield", email="dana@example.com")
        s.add(dana)
        s.flush()
        alex = User(
            username="alex",
            display_name="Alex Morgan",
            email="alex@example.com",
            manager_id=dana.id,
        )
        nok = User(
            username="nok",
            display_name="Nok Srisuk",
            email="nok@example.com",
            manager_id=dana.id,
            locale="th_TH",
        )
        s.add_all([alex, nok])
        s.flush()
        s.add_all(
            [
                UserRole(user_id=dana.id, role=Role.MANAGER),
                UserRole(user_id=alex.id, role=Role.REP),
                UserRole(user_id=nok.id, role=Role.REP),
            ]
        )
        family = ProductFamily(code="NET", name="Network")
        s.add(family)
        s.flush()
        switch = Product(
            sku="NET-SPINE-64",
            name="Spine 64 Switch",
            family_id=family.id,
            kind=ProductKind.HARDWARE,
        )
        s.add(switch)
        s.flush()
        customers = {
            "acme": Customer(
                name="Acme Logistics",
                industry="logistics",
                segment="enterprise",
                region="north_america",
                country="US",
                currency="USD",
                owner_id=alex.id,
            ),
            "siam": Customer(
                name="Siam Retail Group",
                industry="retail",
                segment="mid_market",
                region="apac",
                country="TH",
                currency="THB",
                owner_id=nok.id,
            ),
            "city": Customer(
                name="Riverside City Council",
                industry="government",
                segment="public_sector",
                region="north_america",
                country="US",
                currency="USD",
                owner_id=alex.id,
            ),
        }
        s.add_all(customers.values())
        s.flush()
        specs = [
            ("Q-2026-0001", 1, "acme", alex, QuoteStatus.WON, date(2026, 9, 2), ["9000.00"]),
            ("Q-2026-0002", 1, "acme", alex, QuoteStatus.DRAFT, date(2026, 10, 5), ["10000.00"]),
            (
                "Q-2026-0002",
                2,
                "acme",
                alex,
                QuoteStatus.IN_REVIEW,
                date(2026, 10, 9),
                ["10000.00", "2500.50"],
            ),
            (
                "Q-2026-0003",
                1,
                "siam",
                nok,
                QuoteStatus.IN_REVIEW,
                date(2026, 11, 1),
                ["450000.00"],
            ),
            (
                "Q-2026-0004",
                1,
                "city",
                alex,
                QuoteStatus.APPROVED,
                date(2026, 11, 20),
                ["120.00", "80.00"],
            ),
        ]
        for number, version, customer, owner, status, day, amounts in specs:
            cust = customers[customer]
            quote = Quote(
                number=number,
                version=version,
                name=f"{cust.name} network refresh",
                customer_id=cust.id,
                owner_id=owner.id,
                currency=cust.currency,
                status=status,
                quote_date=day,
            )
            s.add(quote)
            s.flush()
            for position, amount in enumerate(amounts, start=1):
                s.add(
                    QuoteLine(
                        quote_id=quote.id,
                        position=position,
                        product_id=switch.id,
                        quantity=Decimal(1),
                        list_price=Decimal(amount),
                        net_amount=Decimal(amount),
                    )
                )
        s.add_all(
            [
                ContentItem(
                    title="Battlecard: Spine 64 against the competition",
                    kind=ContentKind.BATTLECARD,
                    language="en",
                    summary="How the Spine 64 switch wins on port density and price.",
                    body="Spine 64 switch competitor comparison: port density, power, price.",
                    published_on=date(2026, 10, 1),
                ),
                ContentItem(
                    title="Selling subscriptions in the public sector",
                    kind=ContentKind.TRAINING,
                    language="en",
                    summary="Procurement rules and multi-year terms for public bodies.",
                    body="Public sector procurement, multi-year subscription terms.",
                    published_on=date(2026, 9, 1),
                ),
                ContentItem(
                    title="การขายสวิตช์ Spine 64 ให้ลูกค้าค้าปลีก",
                    kind=ContentKind.TRAINING,
                    language="th",
                    summary="แนวทางการนำเสนอสวิตช์เครือข่ายสำหรับธุรกิจค้าปลีก",
                    body="สวิตช์เครือข่ายสำหรับธุรกิจค้าปลีกในประเทศไทย",
                    published_on=date(2026, 11, 1),
                ),
            ]
        )
        plan = load_plan_file(DEMO_PLAN)
        s.add(
            CommissionPlan(
                code=plan.code,
                version=plan.version,
                name=plan.name,
                effective_from=plan.effective_from,
                effective_to=plan.effective_to,
                source=DEMO_PLAN.read_text(encoding="utf-8"),
            )
        )
        deals = [  # alex's closed deals this quarter: base, Product X and the SPIF product
            ("D-1", "SRV-R7", "SRV", "1", "40000.00", date(2026, 10, 14)),
            ("D-2", "NET-SPINE-64", "NET", "2", "36000.00", date(2026, 11, 3)),
            ("D-3", "SUB-SECURE-EDGE", "SUB", "3", "9000.00", date(2026, 11, 18)),
        ]
        for ref, sku, fam, qty, amount, closed in deals:
            s.add(
                CommissionTransaction(
                    external_ref=ref,
                    rep_id=alex.id,
                    customer_id=customers["acme"].id,
                    product_sku=sku,
                    product_family=fam,
                    closed_on=closed,
                    quantity=Decimal(qty),
                    amount=Decimal(amount),
                    currency="USD",
                )
            )
    workspace.set_info("current_user_id", alex.id)
    workspace.set_info("demo_anchor", ANCHOR.isoformat())
    return {"alex": alex.id, "dana": dana.id, "nok": nok.id}


@pytest.fixture
def small_workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A real workspace holding the small data set of ``seed_small_workspace``."""
    workspace = Workspace.open(tmp_path / "small-workspace")
    seed_small_workspace(workspace)
    yield workspace
    workspace.close()


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    """Typed settings kept in an INI file under ``tmp_path`` (never the user's own settings)."""
    return AppSettings.in_file(str(tmp_path / "settings" / "dealkit.ini"))


@pytest.fixture
def make_window(
    qtbot: Any, tmp_path: Path, isolated_qsettings: Path
) -> Iterator[Callable[..., MainWindow]]:
    """Build real main windows over a workspace; each is shown, prepared and left idle.

    ``make_window(workspace, language="en", settings=None, load_demo=False)``; pass the same
    ``settings`` to a second window to test what a restart restores.
    """
    windows: list[MainWindow] = []

    def make(
        workspace: Workspace,
        language: str | None = "en",
        settings: AppSettings | None = None,
        load_demo: bool = False,
    ) -> MainWindow:
        settings = settings or AppSettings.in_file(str(tmp_path / "settings" / "dealkit.ini"))
        window = build_window(workspace, settings, language)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        prepare_workspace(window, load_demo=load_demo)
        wait_idle(qtbot, window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.context.tasks.wait_for_done()


def wait_idle(qtbot: Any, window: MainWindow, timeout_ms: int = 60_000) -> None:
    """Wait until the window is ready and no page or background task is busy."""
    qtbot.waitUntil(lambda: window.ready and not window.is_busy, timeout=timeout_ms)
