"""Load the demo into a workspace (first launch) or restore it (``dealkit demo reset``).

Order matters for safety: every source is read and validated and every library file rendered
before the database is touched; blobs are written next (content-addressed, so writing them never
harms existing data); then one transaction wipes and fills the tables. If anything fails the
transaction rolls back and the workspace is exactly as it was. Only after the commit are blobs
that nothing refers to removed and the search index dropped (it is rebuilt from the store).
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import MetaData, func, select
from sqlalchemy.orm import Session

from dealkit.engine.demo.deal_generator import Deal, DealLine, generate_deals
from dealkit.engine.demo.engagement import add_engagement
from dealkit.engine.demo.library_files import LibraryFile, render_library_file
from dealkit.engine.demo.sources import DEMO_DIR, DemoSources, read_sources
from dealkit.engine.ids import new_id
from dealkit.engine.store.database import backup_database
from dealkit.engine.store.models import (
    CommissionPlan,
    CommissionTransaction,
    ContentItem,
    ContentStatus,
    Customer,
    PriceBook,
    PriceBookEntry,
    Product,
    ProductFamily,
    Quote,
    QuoteLine,
    QuoteStatus,
    User,
    UserRole,
    WorkspaceInfo,
)
from dealkit.engine.workspace import Workspace

# Tables that make a store "not empty": a workspace with any of these rows is never overwritten
# by ensure_demo.
_CONTENT_TABLES = (User, Product, Customer, Quote, ContentItem)


@dataclass
class DemoCounts:
    """What a load put into the workspace, and how long it took."""

    anchor: date
    users: int = 0
    families: int = 0
    products: int = 0
    price_books: int = 0
    price_entries: int = 0
    customers: int = 0
    library_items: int = 0
    library_thai: int = 0
    plans: int = 0
    quotes: int = 0
    quote_lines: int = 0
    won: int = 0
    lost: int = 0
    open: int = 0
    commission_transactions: int = 0
    blobs: int = 0
    seconds: float = 0.0
    backup: Path | None = None

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["anchor"] = self.anchor.isoformat()
        data["backup"] = str(self.backup) if self.backup else None
        data["seconds"] = round(self.seconds, 3)
        return data


def default_anchor() -> date:
    """Today in the local time zone: the demo's history ends on the day it is generated."""
    return datetime.now().astimezone().date()


def is_empty(session: Session) -> bool:
    return all(session.scalar(select(func.count()).select_from(m)) == 0 for m in _CONTENT_TABLES)


def _render_library(sources: DemoSources) -> list[LibraryFile]:
    return [render_library_file(item) for item in sources.library]


def _fill(
    session: Session,
    sources: DemoSources,
    files: list[LibraryFile],
    hashes: list[str],
    deals: list[Deal],
    anchor: date,
    counts: DemoCounts,
) -> None:
    """Insert every demo row through ``session`` (inside the caller's transaction)."""
    user_ids = {u.username: new_id() for u in sources.users}
    rows: list[object] = []
    # Managers first so that manager_id always points at an inserted row.
    for user in sorted(sources.users, key=lambda u: u.manager is not None):
        rows.append(
            User(
                id=user_ids[user.username],
                username=user.username,
                display_name=user.display_name,
                email=user.email,
                manager_id=user_ids[user.manager] if user.manager else None,
                locale=user.locale,
            )
        )
        rows.extend(UserRole(user_id=user_ids[user.username], role=role) for role in user.roles)
    session.add_all(rows)
    session.flush()
    counts.users = len(sources.users)

    family_ids = {f.code: new_id() for f in sources.families}
    session.add_all(
        ProductFamily(id=family_ids[f.code], code=f.code, name=f.name) for f in sources.families
    )
    product_ids = {p.sku: new_id() for p in sources.products}
    session.add_all(
        Product(
            id=product_ids[p.sku],
            sku=p.sku,
            name=p.name,
            family_id=family_ids[p.family],
            kind=p.kind,
            description=p.description,
            unit=p.unit,
            recurring=p.recurring,
            default_term_months=p.default_term_months,
            configurable=p.configurable,
            model_source=sources.models.get(p.sku),
        )
        for p in sources.products
    )
    counts.families, counts.products = len(sources.families), len(sources.products)
    for book in sources.books:
        book_id = new_id()
        session.add(
            PriceBook(
                id=book_id,
                name=book.name,
                currency=book.currency,
                segment=book.segment,
                effective_from=book.effective_from,
                effective_to=book.effective_to,
            )
        )
        session.add_all(
            PriceBookEntry(
                price_book_id=book_id,
                product_id=product_ids[e.sku],
                list_price=e.list_price,
                unit_cost=e.unit_cost,
            )
            for e in book.entries
        )
        counts.price_entries += len(book.entries)
    counts.price_books = len(sources.books)

    customer_ids = {c.name: new_id() for c in sources.customers}
    session.add_all(
        Customer(
            id=customer_ids[c.name],
            name=c.name,
            industry=c.industry,
            segment=c.segment,
            region=c.region,
            country=c.country,
            currency=c.currency,
            owner_id=user_ids[c.owner],
            is_new_logo=c.new_logo,
        )
        for c in sources.customers
    )
    counts.customers = len(sources.customers)

    library_rows: dict[str, ContentItem] = {}
    for item, produced, digest in zip(sources.library, files, hashes, strict=True):
        library_rows[item.slug] = ContentItem(
            title=item.title,
            kind=item.kind,
            language=item.language,
            summary=item.summary,
            body=produced.text,
            file_name=produced.file_name,
            file_hash=digest,
            media_type=produced.media_type,
            products=list(item.products),
            competitors=list(item.competitors),
            industries=list(item.industries),
            regions=list(item.regions),
            owner_id=user_ids[item.owner],
            status=ContentStatus.PUBLISHED,
            published_on=item.published_on,
            review_by=item.review_by,
        )
        session.add(library_rows[item.slug])
    add_engagement(
        session,
        sources.library,
        sources.quizzes,
        library_rows,
        sources.reps,
        user_ids,
        anchor,
    )
    counts.library_items = len(sources.library)
    counts.library_thai = sum(1 for item in sources.library if item.language == "th")
    counts.blobs = len(set(hashes))

    for plan in sources.plans:
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
    counts.plans = len(sources.plans)

    families = {p.sku: p.family for p in sources.products}
    quotes: list[Quote] = []
    lines: list[QuoteLine] = []
    credits: list[CommissionTransaction] = []
    for deal in deals:
        quote_id = new_id()
        quotes.append(
            Quote(
                id=quote_id,
                number=deal.number,
                version=1,
                name=deal.name,
                customer_id=customer_ids[deal.customer],
                owner_id=user_ids[deal.owner],
                currency=deal.currency,
                status=deal.status,
                quote_date=deal.quote_date,
                expires_on=deal.expires_on,
                closed_on=deal.closed_on,
                notes=deal.notes,
                competitors=deal.competitors,
            )
        )
        for position, line in enumerate(deal.lines, start=1):
            lines.append(
                QuoteLine(
                    quote_id=quote_id,
                    position=position,
                    product_id=product_ids[line.sku],
                    quantity=line.quantity,
                    list_price=line.list_price,
                    discount_percent=line.discount_percent,
                    net_amount=line.net_amount,
                    pricing_inputs=_line_document(position, line),
                )
            )
            if deal.status is not QuoteStatus.WON:
                continue
            assert deal.closed_on is not None
            shares = (
                [(deal.owner, 100 - deal.split_with[1]), deal.split_with]
                if deal.split_with
                else [(deal.owner, 100)]
            )
            for rep, percent in shares:
                credits.append(
                    CommissionTransaction(
                        external_ref=f"{deal.number}/{position}",
                        quote_id=quote_id,
                        rep_id=user_ids[rep],
                        customer_id=customer_ids[deal.customer],
                        product_sku=line.sku,
                        product_family=families[line.sku],
                        closed_on=deal.closed_on,
                        quantity=line.quantity,
                        amount=line.net_amount,
                        currency=deal.currency,
                        split_percent=percent,
                        cancelled_on=deal.cancelled_on,
                    )
                )
    session.add_all(quotes)
    session.flush()
    session.add_all(lines)
    session.add_all(credits)
    counts.quotes, counts.quote_lines = len(quotes), len(lines)
    counts.won = sum(1 for d in deals if d.status is QuoteStatus.WON)
    counts.lost = sum(1 for d in deals if d.status is QuoteStatus.LOST)
    counts.open = counts.quotes - counts.won - counts.lost
    counts.commission_transactions = len(credits)

    session.merge(WorkspaceInfo(key="current_user_id", value=user_ids[sources.current_user]))
    session.merge(WorkspaceInfo(key="demo_anchor", value=anchor.isoformat()))
    session.flush()


def _line_document(position: int, line: DealLine) -> dict[str, object]:
    """The line as a quote document writes it (docs/quote-json.md), so that the quotes engine
    can load and reprice a demo quote like any quote saved by the wizard."""
    data: dict[str, object] = {
        "id": f"L{position}",
        "sku": line.sku,
        "quantity": str(line.quantity),
    }
    if line.discount_percent:
        data["discount"] = {"percent": str(line.discount_percent)}
    if line.subscription:
        data["subscription"] = dict(line.subscription)
    return data


def _prepare(
    ws: Workspace, anchor: date, root: Path
) -> tuple[DemoSources, list[LibraryFile], list[str], list[Deal]]:
    """Everything that can fail before the database is touched: read, render, write blobs."""
    sources = read_sources(anchor, root)
    files = _render_library(sources)
    hashes = [ws.put_blob(f.data) for f in files]
    deals = generate_deals(
        anchor,
        sources.customers,
        sources.products,
        sources.books,
        sources.reps,
        sources.current_user,
    )
    return sources, files, hashes, deals


def load_demo(
    ws: Workspace, anchor: date | None = None, *, replace: bool = False, root: Path = DEMO_DIR
) -> DemoCounts | None:
    """Load the demo; with ``replace`` wipe every data table first (same transaction).

    Without ``replace`` the store must be empty: returns None (and changes nothing) otherwise.
    """
    started = time.perf_counter()
    anchor = anchor or default_anchor()
    with ws.store.session() as session:
        if not replace and not is_empty(session):
            return None
    sources, files, hashes, deals = _prepare(ws, anchor, root)
    counts = DemoCounts(anchor=anchor)
    with ws.store.session() as session, session.begin():
        if replace:
            _wipe_tables(session)
        elif not is_empty(session):  # someone filled it meanwhile
            return None
        _fill(session, sources, files, hashes, deals, anchor, counts)
    if replace:
        _remove_unreferenced_blobs(ws, set(hashes))
        ws.clear_derived()
    counts.seconds = time.perf_counter() - started
    return counts


def _wipe_tables(session: Session) -> None:
    """Delete every row of every table (children before parents), whoever defined the table:
    the reflected schema includes tables other parts of Dealkit add later."""
    schema = MetaData()
    schema.reflect(bind=session.connection())
    for table in reversed(schema.sorted_tables):
        if table.name != "alembic_version":
            session.execute(table.delete())


def _remove_unreferenced_blobs(ws: Workspace, keep: set[str]) -> None:
    with ws.store.session() as session:
        keep = keep | {h for h in session.scalars(select(ContentItem.file_hash)) if h}
    if not ws.blobs_dir.is_dir():
        return
    for path in ws.blobs_dir.glob("*/*"):
        if path.is_file() and path.name not in keep:
            path.unlink(missing_ok=True)


def ensure_demo(ws: Workspace, anchor: date | None = None) -> bool:
    """Load the demo into ``ws`` if its store is empty; True when it loaded."""
    return load_demo(ws, anchor) is not None


def reset_demo(ws: Workspace, anchor: date | None = None) -> Path:
    """Back up the database, then replace everything in it with a fresh demo; return the
    backup's path. If the reload fails, the workspace is left as it was (and the backup stays)."""
    backup = reset_demo_counts(ws, anchor).backup
    assert backup is not None
    return backup


def reset_demo_counts(
    ws: Workspace, anchor: date | None = None, root: Path = DEMO_DIR
) -> DemoCounts:
    """:func:`reset_demo`, returning the counts (with ``backup`` set) for the command line."""
    backup = backup_database(ws.db_path, ws.backups_dir, "before-demo-reset")
    counts = load_demo(ws, anchor, replace=True, root=root)
    assert counts is not None
    counts.backup = backup
    return counts
