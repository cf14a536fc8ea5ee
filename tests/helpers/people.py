"""A small company for auth and access tests: one person per role, two teams, and a row of
every scoped kind owned by someone in it.

    admin   (admin)
    boss    (manager)          manages rep and se
    rep     (rep)              reports to boss
    se      (sales_engineer)   reports to boss
    rep2    (rep)              reports to boss2
    boss2   (manager)
    trainer (trainer)
    comp    (comp_admin)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from dealkit.engine.access.principal import AuthenticatedUser, load_principal
from dealkit.engine.auth.accounts import create_user
from dealkit.engine.store.database import Store
from dealkit.engine.store.models import (
    CommissionDispute,
    CommissionDisputeMessage,
    CommissionPeriod,
    ContentItem,
    ContentKind,
    ContentStatus,
    Customer,
    PriceBook,
    PriceBookEntry,
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

PEOPLE: dict[str, tuple[Role, str | None]] = {
    "admin": (Role.ADMIN, None),
    "boss": (Role.MANAGER, None),
    "boss2": (Role.MANAGER, None),
    "rep": (Role.REP, "boss"),
    "se": (Role.SALES_ENGINEER, "boss"),
    "rep2": (Role.REP, "boss2"),
    "trainer": (Role.TRAINER, None),
    "comp": (Role.COMP_ADMIN, None),
}

ROLE_OF_PERSON = {name: role for name, (role, _boss) in PEOPLE.items()}


def password_of(username: str) -> str:
    return f"{username}-correct-horse"


@dataclass
class Company:
    users: dict[str, str] = field(default_factory=dict)  # username -> id
    quotes: dict[str, str] = field(default_factory=dict)  # owner username -> quote id
    quote_numbers: dict[str, str] = field(default_factory=dict)  # owner username -> number
    lines: dict[str, str] = field(default_factory=dict)  # owner username -> a line id
    disputes: dict[str, str] = field(default_factory=dict)  # participant -> dispute id
    periods: dict[str, str] = field(default_factory=dict)  # participant -> period id
    content: dict[str, str] = field(default_factory=dict)  # "published" / "draft" -> id
    product_id: str = ""
    customer_id: str = ""

    def principal(self, store: Store, username: str) -> AuthenticatedUser:
        with store.session() as session:
            return load_principal(session, session.get(User, self.users[username]))


def seed_company(store: Store, *, with_passwords: bool = False) -> Company:
    """Write the people and their rows; passwords (argon2, slow) only when asked."""
    company = Company()
    with store.session() as s:
        for name, (role, boss) in PEOPLE.items():
            if with_passwords:
                user = create_user(s, name, [role], password_of(name), manager=boss)
            else:
                user = User(
                    username=name,
                    display_name=name.title(),
                    email=f"{name}@example.com",
                    manager_id=company.users.get(boss) if boss else None,
                )
                s.add(user)
                s.flush()
                s.add(UserRole(user_id=user.id, role=role))
                s.commit()
            company.users[name] = user.id
    with store.session() as s, s.begin():
        family = ProductFamily(code="NET", name="Network")
        s.add(family)
        s.flush()
        product = Product(
            sku="NET-A", name="Switch A", family_id=family.id, kind=ProductKind.HARDWARE
        )
        book = PriceBook(name="USD list", currency="USD", effective_from=date(2026, 1, 1))
        s.add_all([product, book])
        s.flush()
        s.add(
            PriceBookEntry(
                price_book_id=book.id,
                product_id=product.id,
                list_price=Decimal("100.00"),
                unit_cost=Decimal("60.00"),
            )
        )
        customer = Customer(
            name="Acme",
            industry="logistics",
            segment="enterprise",
            region="apac",
            country="TH",
            currency="USD",
        )
        s.add(customer)
        s.flush()
        company.product_id, company.customer_id = product.id, customer.id
        for number, owner in enumerate(("rep", "se", "rep2", "boss"), start=1):
            quote = Quote(
                number=f"Q-2026-{number:04d}",
                name=f"{owner}'s deal",
                customer_id=customer.id,
                owner_id=company.users[owner],
                currency="USD",
                status=QuoteStatus.IN_REVIEW,
                quote_date=date(2026, 11, 2),
            )
            s.add(quote)
            s.flush()
            line = QuoteLine(
                quote_id=quote.id,
                position=1,
                product_id=product.id,
                quantity=Decimal(2),
                list_price=Decimal("100.00"),
                net_amount=Decimal("200.00"),
            )
            s.add(line)
            s.flush()
            company.quotes[owner], company.lines[owner] = quote.id, line.id
            company.quote_numbers[owner] = quote.number
        for status, key in ((ContentStatus.PUBLISHED, "published"), (ContentStatus.DRAFT, "draft")):
            item = ContentItem(
                title=f"Battlecard ({key})",
                kind=ContentKind.BATTLECARD,
                language="en",
                status=status,
                owner_id=company.users["trainer"],
            )
            s.add(item)
            s.flush()
            company.content[key] = item.id
        for participant in ("rep", "rep2"):
            period = CommissionPeriod(
                plan_code="AE-2026",
                plan_version=1,
                period="2026-Q3",
                participant=participant,
                user_id=company.users[participant],
                as_of=date(2026, 9, 30),
                result={"lines": []},
            )
            dispute = CommissionDispute(
                participant=participant,
                user_id=company.users[participant],
                plan_code="AE-2026",
                period="2026-Q3",
                line_ref="AE-2026/2026-Q3/new_business",
                component="new_business",
                line_label="New business",
                line_amount=Decimal("120.00"),
                line_currency="USD",
                reason="missing_deal",
            )
            s.add_all([period, dispute])
            s.flush()
            s.add(
                CommissionDisputeMessage(
                    dispute_id=dispute.id,
                    author=participant,
                    at=datetime.fromisoformat("2026-10-02T09:00:00+00:00"),
                    text="The Acme deal is missing.",
                )
            )
            company.periods[participant], company.disputes[participant] = period.id, dispute.id
    return company
