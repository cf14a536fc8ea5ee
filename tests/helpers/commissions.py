"""Commission fixtures: plans written inline, transactions built tersely, a workspace with a plan.

``commission_workspace`` is an empty workspace holding the demo plan file, four reps, their
manager and a few customers, so that ``period_to_date`` can be tested before (and independently
of) the demo generator.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from itertools import count
from pathlib import Path

import pytest

from dealkit.engine.commissions import Plan, Txn, load_plan_text
from dealkit.engine.commissions.plan_loader import load_plan_file
from dealkit.engine.store.models import (
    CommissionPlan,
    CommissionTransaction,
    Customer,
    Role,
    User,
    UserRole,
)
from dealkit.engine.workspace import Workspace

DEMO_PLAN = Path(__file__).parents[2] / "dealkit/resources/demo/plans/field-sales-2026.yaml"
_seq = count(1)


def plan_from(yaml_text: str, source: str = "test-plan.yaml") -> Plan:
    return load_plan_text(textwrap.dedent(yaml_text), source)


def txn(
    rep: str,
    amount: str,
    closed: str,
    *,
    sku: str = "SRV-R7",
    family: str = "SRV",
    qty: str = "1",
    split: str = "100",
    currency: str = "USD",
    ref: str | None = None,
    segment: str = "enterprise",
    industry: str = "manufacturing",
    region: str = "north_america",
    new_logo: bool = False,
    cancelled: str | None = None,
) -> Txn:
    seq = next(_seq)
    return Txn(
        seq=seq,
        ref=ref or f"D-{seq}",
        rep=rep,
        sku=sku,
        family=family,
        closed_on=date.fromisoformat(closed),
        quantity=Decimal(qty),
        amount=Decimal(amount),
        currency=currency,
        split_pct=Decimal(split),
        segment=segment,
        industry=industry,
        region=region,
        new_logo=new_logo,
        cancelled_on=date.fromisoformat(cancelled) if cancelled else None,
    )


TEAM = [
    ("alex", "Alex Morgan", Role.REP),
    ("nok", "Nok Srisuk", Role.REP),
    ("priya", "Priya Raman", Role.REP),
    ("tom", "Tom Becker", Role.REP),
    ("dana", "Dana Whitfield", Role.MANAGER),
]


@pytest.fixture
def commission_workspace(empty_workspace: Workspace) -> Iterator[Workspace]:
    """An empty workspace plus the demo plan, the sales team and three customers."""
    source = DEMO_PLAN.read_text(encoding="utf-8")
    plan = load_plan_file(DEMO_PLAN)
    with empty_workspace.store.session() as session, session.begin():
        users = {}
        for username, name, role in TEAM:
            user = User(username=username, display_name=name, email=f"{username}@northwind.test")
            session.add(user)
            session.flush()
            session.add(UserRole(user_id=user.id, role=role))
            users[username] = user
        for username in ("alex", "nok", "priya", "tom"):
            users[username].manager_id = users["dana"].id
        session.add_all(
            [
                Customer(id="c-ent", name="Acme Manufacturing", industry="manufacturing",
                         segment="enterprise", region="north_america", country="US",
                         currency="USD"),
                Customer(id="c-pub", name="State of Oregon IT", industry="government",
                         segment="public_sector", region="north_america", country="US",
                         currency="USD", is_new_logo=True),
                Customer(id="c-th", name="Siam Logistics", industry="logistics",
                         segment="mid_market", region="apac", country="TH", currency="THB"),
            ]
        )  # fmt: skip
        session.add(
            CommissionPlan(
                code=plan.code,
                version=plan.version,
                name=plan.name,
                effective_from=plan.effective_from,
                effective_to=plan.effective_to,
                source=source,
            )
        )
    yield empty_workspace


def add_store_txn(
    workspace: Workspace,
    username: str,
    amount: str,
    closed: str,
    *,
    sku: str = "SRV-R7",
    family: str = "SRV",
    qty: str = "1",
    customer: str = "c-ent",
    currency: str = "USD",
    cancelled: str | None = None,
) -> None:
    from sqlalchemy import select

    with workspace.store.session() as session, session.begin():
        user = session.scalar(select(User).where(User.username == username))
        assert user is not None
        session.add(
            CommissionTransaction(
                external_ref=f"Q-{next(_seq)}",
                rep_id=user.id,
                customer_id=customer,
                product_sku=sku,
                product_family=family,
                closed_on=date.fromisoformat(closed),
                quantity=Decimal(qty),
                amount=Decimal(amount),
                currency=currency,
                cancelled_on=date.fromisoformat(cancelled) if cancelled else None,
            )
        )
