"""Typed models of the local store.

Every synced table carries the same sync metadata (``SyncMixin``): a UUIDv7 id made by whoever
creates the row, created/updated timestamps, the server's change sequence once the server has
seen the row, and a tombstone flag (rows are never deleted while sync may still need to tell
others about the delete).
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from dealkit.engine.ids import new_id, utcnow
from dealkit.engine.store.types import ExactDecimal, UtcDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        datetime: UtcDateTime(),
        Decimal: ExactDecimal(),
        dict[str, Any]: JSON(),
        list[str]: JSON(),
    }


class SyncMixin:
    """Sync metadata carried by every synced row."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    server_seq: Mapped[int | None] = mapped_column(BigInteger, index=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class Role(enum.StrEnum):
    REP = "rep"
    SALES_ENGINEER = "sales_engineer"
    MANAGER = "manager"
    TRAINER = "trainer"
    COMP_ADMIN = "comp_admin"
    ADMIN = "admin"


class QuoteStatus(enum.StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    SENT = "sent"
    WON = "won"
    LOST = "lost"
    EXPIRED = "expired"


class ContentStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class ContentKind(enum.StrEnum):
    TRAINING = "training"
    COLLATERAL = "collateral"
    BATTLECARD = "battlecard"
    MARKET_NOTE = "market_note"
    CUSTOMER_STORY = "customer_story"
    POLICY = "policy"


class ProductKind(enum.StrEnum):
    HARDWARE = "hardware"
    SOFTWARE = "software"
    SUBSCRIPTION = "subscription"
    SERVICE = "service"


def _enum(cls: type[enum.StrEnum]) -> Enum:
    return Enum(cls, values_callable=lambda e: [m.value for m in e], native_enum=False, length=20)


class User(SyncMixin, Base):
    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(200))
    manager_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    locale: Mapped[str] = mapped_column(String(10), default="en_US")

    roles: Mapped[list[UserRole]] = relationship(back_populates="user", lazy="selectin")

    def has_role(self, role: Role) -> bool:
        return any(r.role == role and not r.deleted for r in self.roles)


class UserRole(SyncMixin, Base):
    __tablename__ = "user_roles"
    __table_args__ = (UniqueConstraint("user_id", "role"),)

    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    role: Mapped[Role] = mapped_column(_enum(Role))

    user: Mapped[User] = relationship(back_populates="roles")


class Customer(SyncMixin, Base):
    __tablename__ = "customers"

    name: Mapped[str] = mapped_column(String(200), index=True)
    industry: Mapped[str] = mapped_column(String(60))
    segment: Mapped[str] = mapped_column(String(30))  # enterprise, mid_market, smb, public_sector
    region: Mapped[str] = mapped_column(String(30))  # e.g. north_america, apac, emea
    country: Mapped[str] = mapped_column(String(2))  # ISO 3166 alpha-2
    currency: Mapped[str] = mapped_column(String(3))
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)
    is_new_logo: Mapped[bool] = mapped_column(Boolean, default=False)


class ProductFamily(SyncMixin, Base):
    __tablename__ = "product_families"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))


class Product(SyncMixin, Base):
    __tablename__ = "products"

    sku: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    family_id: Mapped[str] = mapped_column(ForeignKey("product_families.id"), index=True)
    kind: Mapped[ProductKind] = mapped_column(_enum(ProductKind))
    description: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(String(20), default="each")
    recurring: Mapped[bool] = mapped_column(Boolean, default=False)
    default_term_months: Mapped[int | None] = mapped_column(Integer)
    configurable: Mapped[bool] = mapped_column(Boolean, default=False)
    # For configurable products: the product model (YAML text, see docs/product-models.md).
    model_source: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    family: Mapped[ProductFamily] = relationship(lazy="joined")


class PriceBook(SyncMixin, Base):
    __tablename__ = "price_books"

    name: Mapped[str] = mapped_column(String(120))
    currency: Mapped[str] = mapped_column(String(3))
    segment: Mapped[str | None] = mapped_column(String(30))  # None: any segment
    effective_from: Mapped[date] = mapped_column(Date)
    effective_to: Mapped[date | None] = mapped_column(Date)

    entries: Mapped[list[PriceBookEntry]] = relationship(back_populates="price_book")


class PriceBookEntry(SyncMixin, Base):
    __tablename__ = "price_book_entries"
    __table_args__ = (UniqueConstraint("price_book_id", "product_id"),)

    price_book_id: Mapped[str] = mapped_column(ForeignKey("price_books.id"), index=True)
    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"), index=True)
    list_price: Mapped[Decimal]
    unit_cost: Mapped[Decimal]

    price_book: Mapped[PriceBook] = relationship(back_populates="entries")
    product: Mapped[Product] = relationship(lazy="joined")


class Quote(SyncMixin, Base):
    __tablename__ = "quotes"
    __table_args__ = (UniqueConstraint("number", "version"),)

    number: Mapped[str] = mapped_column(String(30), index=True)  # e.g. Q-2026-0042
    version: Mapped[int] = mapped_column(Integer, default=1)
    name: Mapped[str] = mapped_column(String(200))
    customer_id: Mapped[str] = mapped_column(ForeignKey("customers.id"), index=True)
    owner_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[QuoteStatus] = mapped_column(_enum(QuoteStatus), default=QuoteStatus.DRAFT)
    quote_date: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    competitors: Mapped[list[str]] = mapped_column(default=list)
    # Quote-level pricing inputs of the quote document (docs/quote-json.md): quote discount,
    # partner, payment terms, groups and alternatives, chosen terms.
    pricing_inputs: Mapped[dict[str, Any]] = mapped_column(default=dict)

    customer: Mapped[Customer] = relationship(lazy="joined")
    owner: Mapped[User] = relationship(lazy="joined")
    lines: Mapped[list[QuoteLine]] = relationship(
        back_populates="quote", order_by="QuoteLine.position", cascade="all, delete-orphan"
    )


class QuoteLine(SyncMixin, Base):
    __tablename__ = "quote_lines"

    quote_id: Mapped[str] = mapped_column(ForeignKey("quotes.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"), index=True)
    group_name: Mapped[str] = mapped_column(String(120), default="")
    quantity: Mapped[Decimal]
    list_price: Mapped[Decimal]  # unit list price in the quote's currency
    discount_percent: Mapped[Decimal] = mapped_column(default=Decimal(0))
    # Priced snapshot: the line's net amount in the quote's currency, rounded to minor units.
    net_amount: Mapped[Decimal]
    options: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # The line as written in the quote document: discounts, subscription term, dates, billing.
    pricing_inputs: Mapped[dict[str, Any]] = mapped_column(default=dict)

    quote: Mapped[Quote] = relationship(back_populates="lines")
    product: Mapped[Product] = relationship(lazy="joined")


class DecisionKind(enum.StrEnum):
    APPROVE = "approve"
    REJECT = "reject"


class ApprovalDecision(SyncMixin, Base):
    """A manager's decision on one quote version: the audit trail (engine/approvals/decisions).

    Never edited: a later decision on a later version is a row of its own. The number and
    version are copied so the trail reads right even after the quote is revised.
    """

    __tablename__ = "approval_decisions"

    quote_id: Mapped[str] = mapped_column(ForeignKey("quotes.id"), index=True)
    quote_number: Mapped[str] = mapped_column(String(30), index=True)
    quote_version: Mapped[int] = mapped_column(Integer)
    approver_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    decision: Mapped[DecisionKind] = mapped_column(_enum(DecisionKind))
    comment: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime]


class ContentItem(SyncMixin, Base):
    __tablename__ = "content_items"

    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[ContentKind] = mapped_column(_enum(ContentKind))
    language: Mapped[str] = mapped_column(String(5))  # en, th
    summary: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")  # extracted text, for search
    file_name: Mapped[str | None] = mapped_column(String(300))
    file_hash: Mapped[str | None] = mapped_column(String(64), index=True)  # sha256 of the blob
    media_type: Mapped[str | None] = mapped_column(String(100))
    products: Mapped[list[str]] = mapped_column(default=list)  # SKUs or family codes
    competitors: Mapped[list[str]] = mapped_column(default=list)
    industries: Mapped[list[str]] = mapped_column(default=list)
    regions: Mapped[list[str]] = mapped_column(default=list)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[ContentStatus] = mapped_column(
        _enum(ContentStatus), default=ContentStatus.PUBLISHED
    )
    published_on: Mapped[date | None] = mapped_column(Date)
    review_by: Mapped[date | None] = mapped_column(Date)
    # A draft that is a new version of another item: publishing it replaces that item's text
    # and file (see engine/content/publishing.py); None for an item of its own.
    revises_id: Mapped[str | None] = mapped_column(ForeignKey("content_items.id"))


class ContentVersion(SyncMixin, Base):
    """An earlier published version of a library item, copied when a newer one is published.

    The live ``ContentItem`` row always holds the current version (search and sync read it);
    these rows are append-only history, so a trainer can see what reps read before.
    """

    __tablename__ = "content_versions"
    __table_args__ = (UniqueConstraint("item_id", "version"),)

    item_id: Mapped[str] = mapped_column(ForeignKey("content_items.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    language: Mapped[str] = mapped_column(String(5))
    summary: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    file_name: Mapped[str | None] = mapped_column(String(300))
    file_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    media_type: Mapped[str | None] = mapped_column(String(100))
    published_on: Mapped[date | None] = mapped_column(Date)
    replaced_on: Mapped[date] = mapped_column(Date)
    replaced_by_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))


class ContentView(SyncMixin, Base):
    """One opening of a library item by a user: which version, when (view counts, refreshers)."""

    __tablename__ = "content_views"
    __table_args__ = (Index("ix_content_views_user_item", "user_id", "item_id"),)

    item_id: Mapped[str] = mapped_column(ForeignKey("content_items.id"), index=True)
    item_version: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    viewed_at: Mapped[datetime]


class ContentQuiz(SyncMixin, Base):
    """A quiz on a library item, kept as its YAML source (see docs/quizzes.md)."""

    __tablename__ = "content_quizzes"

    item_id: Mapped[str] = mapped_column(ForeignKey("content_items.id"), index=True)
    source: Mapped[str] = mapped_column(Text)
    source_name: Mapped[str] = mapped_column(String(300))  # the file it came from, for messages


class QuizAttempt(SyncMixin, Base):
    """One rep's go at a quiz: the answers given (question number -> letters) and the score."""

    __tablename__ = "quiz_attempts"
    __table_args__ = (Index("ix_quiz_attempts_user_item", "user_id", "item_id"),)

    quiz_id: Mapped[str] = mapped_column(ForeignKey("content_quizzes.id"), index=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("content_items.id"))
    item_version: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    taken_at: Mapped[datetime]
    answers: Mapped[dict[str, Any]] = mapped_column(default=dict)
    score: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)


class CommissionPlan(SyncMixin, Base):
    """One effective-dated version of a commission plan; the plan itself is a YAML document."""

    __tablename__ = "commission_plans"
    __table_args__ = (UniqueConstraint("code", "version"),)

    code: Mapped[str] = mapped_column(String(60))
    version: Mapped[int] = mapped_column(Integer, default=1)
    name: Mapped[str] = mapped_column(String(200))
    effective_from: Mapped[date] = mapped_column(Date)
    effective_to: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(Text)  # YAML, see docs/commission-plans.md


class CommissionTransaction(SyncMixin, Base):
    """A credited sale line (or its cancellation) that commissions are calculated from."""

    __tablename__ = "commission_transactions"
    __table_args__ = (Index("ix_commission_transactions_rep_date", "rep_id", "closed_on"),)

    external_ref: Mapped[str] = mapped_column(String(80))  # deal or order line reference
    quote_id: Mapped[str | None] = mapped_column(ForeignKey("quotes.id"))
    rep_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customers.id"))
    product_sku: Mapped[str] = mapped_column(String(40))
    product_family: Mapped[str] = mapped_column(String(40))
    closed_on: Mapped[date] = mapped_column(Date)
    quantity: Mapped[Decimal]
    amount: Mapped[Decimal]
    currency: Mapped[str] = mapped_column(String(3))
    split_percent: Mapped[Decimal] = mapped_column(default=Decimal(100))
    cancelled_on: Mapped[date | None] = mapped_column(Date)


class CommissionPeriod(SyncMixin, Base):
    """One participant's finalized (paid) period: the result exactly as it was paid.

    Written once by finalization and never updated: a later correction becomes an adjustment
    line in the open period, computed against this row. ``result`` is the engine's
    ``ParticipantResult`` JSON (lines with traces, SPIFs, draw balance); ``warnings`` are the
    warnings of the whole period's calculation (the same on every participant's row).
    """

    __tablename__ = "commission_periods"
    __table_args__ = (UniqueConstraint("plan_code", "period", "participant"),)

    plan_code: Mapped[str] = mapped_column(String(60))
    plan_version: Mapped[int] = mapped_column(Integer)
    period: Mapped[str] = mapped_column(String(20))  # "2026-Q3", "2026-07"
    participant: Mapped[str] = mapped_column(String(64))  # the plan's participant id (username)
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)
    as_of: Mapped[date] = mapped_column(Date)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    warnings: Mapped[list[str]] = mapped_column(default=list)
    finalized_at: Mapped[datetime] = mapped_column(default=utcnow)
    finalized_by_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))


class DisputeStatus(enum.StrEnum):
    OPEN = "open"
    IN_REVIEW = "in_review"
    RESOLVED = "resolved"


class DisputeResolution(enum.StrEnum):
    ADJUSTED = "adjusted"
    EXPLAINED = "explained"
    REJECTED = "rejected"


class CommissionDispute(SyncMixin, Base):
    """A participant's question on one statement line, and where it stands.

    The line is referenced by ``line_ref`` ("<plan>/<period>/<component>[/<deal ref>]"), and
    its label and amount are copied as the rep saw them, so the question still reads right after
    the statement changes. Messages are rows of their own so that the rep's and the comp admin's
    replies sync as separate appends and never overwrite each other.
    """

    __tablename__ = "commission_disputes"
    __table_args__ = (Index("ix_commission_disputes_participant", "participant", "period"),)

    participant: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)
    plan_code: Mapped[str] = mapped_column(String(60))
    period: Mapped[str] = mapped_column(String(20))
    line_ref: Mapped[str] = mapped_column(String(300))
    component: Mapped[str] = mapped_column(String(60))
    line_kind: Mapped[str] = mapped_column(String(20), default="earning")
    line_label: Mapped[str] = mapped_column(String(200))
    line_amount: Mapped[Decimal]
    line_currency: Mapped[str] = mapped_column(String(3))
    reason: Mapped[str] = mapped_column(String(30))
    status: Mapped[DisputeStatus] = mapped_column(_enum(DisputeStatus), default=DisputeStatus.OPEN)
    resolution: Mapped[DisputeResolution | None] = mapped_column(_enum(DisputeResolution))

    messages: Mapped[list[CommissionDisputeMessage]] = relationship(
        back_populates="dispute",
        order_by="(CommissionDisputeMessage.at, CommissionDisputeMessage.position)",
        cascade="all, delete-orphan",
        lazy="selectin",
    )


class CommissionDisputeMessage(SyncMixin, Base):
    """One message of a dispute's thread; ``attachment_hash`` names a workspace blob."""

    __tablename__ = "commission_dispute_messages"

    dispute_id: Mapped[str] = mapped_column(ForeignKey("commission_disputes.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    author: Mapped[str] = mapped_column(String(64))  # username
    at: Mapped[datetime]
    text: Mapped[str] = mapped_column(Text)
    attachment_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    attachment_name: Mapped[str | None] = mapped_column(String(300))

    dispute: Mapped[CommissionDispute] = relationship(back_populates="messages")


class WorkspaceInfo(Base):
    """Key/value facts about this workspace (not synced): owner user, demo anchor date, ..."""

    __tablename__ = "workspace_info"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# Server-side authentication (dealkit.engine.auth). These tables never sync: passwords and
# tokens stay on the server, and the access policy has no read rule for them.


class UserCredential(Base):
    """A user's password, as an argon2id hash (never the password itself)."""

    __tablename__ = "user_credentials"

    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuthToken(Base):
    """A bearer token, stored as the sha256 of the token (the token itself is never stored)."""

    __tablename__ = "auth_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(index=True)
    revoked_at: Mapped[datetime | None]
    client: Mapped[str] = mapped_column(String(120), default="")


class LoginThrottle(Base):
    """Failed sign-ins per username (known or not), shared by every server process."""

    __tablename__ = "login_throttle"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[datetime] = mapped_column(default=utcnow)
    locked_until: Mapped[datetime | None]


# sync bookkeeping (docs/sync-protocol.md): the server's change counter, applied client ids and
# blobs; the laptop's outbox and cursor. None of these tables is itself synced.


class SyncCounter(Base):
    """The server's change sequence: one row, updated in every writing transaction."""

    __tablename__ = "sync_counter"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class SyncApplied(Base):
    """A pushed mutation the server has applied (or refused), kept so a resend is not re-applied."""

    __tablename__ = "sync_applied"

    client_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36), index=True)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    applied_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncBlob(Base):
    """A content-addressed file on the server (kept in the database: the server is stateless)."""

    __tablename__ = "sync_blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncOutbox(Base):
    """A local change waiting to be pushed (or pushed, with the server's answer)."""

    __tablename__ = "sync_outbox"

    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    client_id: Mapped[str] = mapped_column(String(36), unique=True)
    table_name: Mapped[str] = mapped_column(String(60))
    op: Mapped[str] = mapped_column(String(10))  # upsert, delete
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    base_seq: Mapped[int | None] = mapped_column(BigInteger)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    reason: Mapped[str | None] = mapped_column(Text)  # why the server refused it
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    acknowledged_at: Mapped[datetime | None]


class SyncCursor(Base):
    """How far this laptop has pulled from one server."""

    __tablename__ = "sync_cursors"

    server: Mapped[str] = mapped_column(String(300), primary_key=True)
    cursor: Mapped[int] = mapped_column(BigInteger, default=0)
    pulled_at: Mapped[datetime | None]
    checked_at: Mapped[datetime | None]
