"""Read quotes from the store into plain rows for the Quote and Approvals pages.

These functions run on a worker thread (see ``tasks.py``): each opens its own session and returns
frozen dataclasses, never ORM objects, so nothing lazy is touched later on the GUI thread.
A quote's total is the exact sum of its lines' priced net amounts (each already rounded to the
currency's minor units when it was priced), summed as ``Decimal`` in Python because SQLite keeps
those amounts as text; lines of an alternative option that the quote does not count (Option A
when Option B is selected) are left out, as in the engine's totals.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from dealkit.engine.money import Money
from dealkit.engine.store.models import (
    Customer,
    Product,
    Quote,
    QuoteLine,
    QuoteStatus,
    Role,
    User,
)
from dealkit.engine.workspace import Workspace

CURRENT_USER_KEY = "current_user_id"


@dataclass(frozen=True)
class QuoteRow:
    id: str
    number: str
    version: int
    customer: str
    name: str
    status: QuoteStatus
    total: Money
    quote_date: date
    owner: str
    owner_id: str
    line_count: int
    skus: tuple[str, ...] = ()  # of the version's lines, in quote order, each once
    products: tuple[str, ...] = ()  # product names, as ``skus``
    versions: tuple[int, ...] = ()  # every live version of this quote number, oldest first

    def search_text(self) -> str:
        """What the quote list's filter matches besides the visible cells: its lines' products."""
        return " ".join((*self.skus, *self.products))


@dataclass(frozen=True)
class CurrentUser:
    id: str
    username: str
    display_name: str
    is_manager: bool


def current_user(session: Session, workspace: Workspace) -> CurrentUser | None:
    """The workspace's signed-in user (``WorkspaceInfo['current_user_id']``), if there is one."""
    user_id = workspace.info(CURRENT_USER_KEY)
    user = session.get(User, user_id) if user_id else None
    if user is None:
        return None
    return CurrentUser(user.id, user.username, user.display_name, user.has_role(Role.MANAGER))


def _uncounted_groups(pricing_inputs: dict) -> frozenset[str]:
    """The alternative options a quote's total leaves out: in each alternative set, every
    option but the selected one (the first when none is marked), as the engine prices it."""
    groups = [g for g in pricing_inputs.get("groups") or [] if isinstance(g, dict)]
    counted: dict[str, str] = {}
    for group in groups:
        if group.get("alternative") and group.get("selected"):
            counted.setdefault(group["alternative"], group.get("name", ""))
    for group in groups:
        if group.get("alternative"):
            counted.setdefault(group["alternative"], group.get("name", ""))
    return frozenset(
        g.get("name", "")
        for g in groups
        if g.get("alternative") and g.get("name") not in counted.values()
    )


def _rows(session: Session, quotes: list[Quote]) -> list[QuoteRow]:
    totals: dict[str, Decimal] = defaultdict(Decimal)
    counts: dict[str, int] = defaultdict(int)
    skus: dict[str, dict[str, str]] = defaultdict(dict)  # quote id -> sku -> product name
    uncounted = {q.id: _uncounted_groups(q.pricing_inputs) for q in quotes}
    ids = [q.id for q in quotes]
    for start in range(0, len(ids), 500):  # SQLite limits the number of bound parameters
        chunk = ids[start : start + 500]
        lines = (
            select(
                QuoteLine.quote_id,
                QuoteLine.net_amount,
                QuoteLine.group_name,
                Product.sku,
                Product.name,
            )
            .join(Product, QuoteLine.product_id == Product.id)
            .where(QuoteLine.quote_id.in_(chunk), QuoteLine.deleted.is_(False))
            .order_by(QuoteLine.quote_id, QuoteLine.position)
        )
        for quote_id, amount, group, sku, product in session.execute(lines):
            if group not in uncounted.get(quote_id, ()):
                totals[quote_id] += amount
            counts[quote_id] += 1
            skus[quote_id].setdefault(sku, product)
    versions: dict[str, list[int]] = defaultdict(list)
    numbers = sorted({q.number for q in quotes})
    for start in range(0, len(numbers), 500):
        chunk = numbers[start : start + 500]
        query = (
            select(Quote.number, Quote.version)
            .where(Quote.number.in_(chunk), Quote.deleted.is_(False))
            .order_by(Quote.number, Quote.version)
        )
        for number, version in session.execute(query):
            versions[number].append(version)
    return [
        QuoteRow(
            id=q.id,
            number=q.number,
            version=q.version,
            customer=q.customer.name,
            name=q.name,
            status=q.status,
            total=Money(totals[q.id], q.currency),
            quote_date=q.quote_date,
            owner=q.owner.display_name,
            owner_id=q.owner_id,
            line_count=counts[q.id],
            skus=tuple(skus[q.id]),
            products=tuple(skus[q.id].values()),
            versions=tuple(versions[q.number]),
        )
        for q in quotes
    ]


def load_quote_rows(workspace: Workspace) -> list[QuoteRow]:
    """Every live quote version in the workspace, newest quote date first."""
    with workspace.store.session() as session:
        quotes = list(
            session.scalars(
                select(Quote)
                .where(Quote.deleted.is_(False))
                .order_by(Quote.quote_date.desc(), Quote.number, Quote.version)
            )
        )
        return _rows(session, quotes)


@dataclass(frozen=True)
class ApprovalQueue:
    """The quotes the Approvals page lists, and for whom."""

    user: CurrentUser | None
    rows: list[QuoteRow]
    as_manager: bool


def load_approval_queue(workspace: Workspace) -> ApprovalQueue:
    """For a manager: quotes in review owned by their reports (or by them).

    For a rep: their own submitted quotes (in review or approved), so they see where each stands.
    """
    with workspace.store.session() as session:
        user = current_user(session, workspace)
        if user is None:
            return ApprovalQueue(None, [], False)
        query = select(Quote).where(Quote.deleted.is_(False))
        if user.is_manager:
            reports = select(User.id).where(User.manager_id == user.id)
            query = query.where(
                Quote.status == QuoteStatus.IN_REVIEW,
                or_(Quote.owner_id.in_(reports), Quote.owner_id == user.id),
            )
        else:
            query = query.where(
                Quote.owner_id == user.id,
                Quote.status.in_([QuoteStatus.IN_REVIEW, QuoteStatus.APPROVED]),
            )
        quotes = list(session.scalars(query.order_by(Quote.quote_date.desc(), Quote.number)))
        return ApprovalQueue(user, _rows(session, quotes), user.is_manager)


@dataclass(frozen=True)
class CustomerHit:
    id: str
    name: str
    industry: str
    country: str


def find_customers(workspace: Workspace, text: str, limit: int = 8) -> list[CustomerHit]:
    """Customers whose name contains ``text`` (case-insensitive), names starting with it first."""
    needle = text.strip().lower()
    if not needle:
        return []
    with workspace.store.session() as session:
        name = func.lower(Customer.name)
        rows = session.execute(
            select(Customer.id, Customer.name, Customer.industry, Customer.country)
            .where(Customer.deleted.is_(False), name.contains(needle, autoescape=True))
            .order_by(name.startswith(needle, autoescape=True).desc(), Customer.name)
            .limit(limit)
        )
        return [CustomerHit(*row) for row in rows]


def find_quotes(workspace: Workspace, text: str, limit: int = 8) -> list[QuoteRow]:
    """Quotes whose number or name contains ``text`` (latest version of each first)."""
    needle = text.strip().lower()
    if not needle:
        return []
    with workspace.store.session() as session:
        quotes = list(
            session.scalars(
                select(Quote)
                .where(
                    Quote.deleted.is_(False),
                    or_(
                        func.lower(Quote.number).contains(needle, autoescape=True),
                        func.lower(Quote.name).contains(needle, autoescape=True),
                    ),
                )
                .order_by(Quote.quote_date.desc(), Quote.number, Quote.version.desc())
                .limit(limit)
            )
        )
        return _rows(session, quotes)


@dataclass(frozen=True)
class QuoteLineRow:
    position: int
    group: str
    sku: str
    product: str
    quantity: Decimal
    unit_list: Money
    discount_percent: Decimal
    net: Money


def load_quote_lines(workspace: Workspace, quote_id: str) -> list[QuoteLineRow]:
    """The priced lines of one quote, in their order on the quote."""
    with workspace.store.session() as session:
        quote = session.get(Quote, quote_id)
        if quote is None:
            return []
        return [
            QuoteLineRow(
                position=line.position,
                group=line.group_name,
                sku=line.product.sku,
                product=line.product.name,
                quantity=line.quantity,
                unit_list=Money(line.list_price, quote.currency),
                discount_percent=line.discount_percent,
                net=Money(line.net_amount, quote.currency),
            )
            for line in quote.lines
            if not line.deleted
        ]


@dataclass(frozen=True)
class VersionDiff:
    """What changed from one saved version of a quote to another, in the engine's words."""

    number: str
    old_version: int
    new_version: int
    changes: tuple[str, ...]


def load_version_diff(
    workspace: Workspace, number: str, old_version: int, new_version: int
) -> VersionDiff:
    """Worker thread: ``engine.quotes.versions.diff`` between two saved versions of ``number``.

    ``KeyError`` when either version is not saved.
    """
    from dealkit.engine.quotes.store import load_quote
    from dealkit.engine.quotes.versions import diff

    with workspace.store.session() as session:
        old = load_quote(session, number, old_version)
        new = load_quote(session, number, new_version)
    changes = tuple(str(change) for change in diff(old, new))
    return VersionDiff(number, old_version, new_version, changes)
