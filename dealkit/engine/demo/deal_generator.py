"""Generate the demo's sales history: 12 months of closed deals and the open pipeline.

Everything is drawn from one ``random.Random`` seeded with the anchor date, so a given anchor
always yields the same deals (numbers, dates, lines, amounts); only database ids differ. Deals are
built from themes (a server refresh, a data-centre fabric, branch security ...) so that the lines
of one quote belong together. Alex's current quarter is scripted rather than drawn, so that the
demo tells a stable story at any anchor: five won deals (about 77% of a $450,000 quota), a
Spine 64 deal, and 3 of the 5 Secure Edge units the SPIF asks for, with 2 more in a sent quote.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from dealkit.engine.commissions.periods import quarter_of
from dealkit.engine.demo.catalog_source import PriceBookSource, ProductSource
from dealkit.engine.demo.deal_themes import THEME_WEIGHTS, THEMES
from dealkit.engine.demo.people_source import CustomerSource
from dealkit.engine.money import Money
from dealkit.engine.store.models import QuoteStatus

HISTORY_DAYS = 365
SPIF_SKU = "SUB-SECURE-EDGE"
COMPETITORS = ["Contoso Compute", "Fabrikam Networks", "Tailspin Cloud", "Litware Storage"]

_CLOSED_DISCOUNTS = ["0", "0", "2.5", "5", "5", "7.5", "10", "10", "12", "15"]
_REVIEW_DISCOUNTS = ["20", "22", "25", "28", "30", "35"]
_LOSS_REASONS = [
    "lost to {c} on price",
    "lost to {c}: incumbent with a three-year support contract",
    "lost to {c}: the customer standardised on one vendor",
    "no decision: budget moved to next fiscal year",
]


@dataclass
class DealLine:
    sku: str
    quantity: Decimal
    list_price: Decimal
    discount_percent: Decimal
    net_amount: Decimal
    # For a recurring product: the subscription as the quote document writes it (one year).
    subscription: dict[str, object] | None = None


@dataclass
class Deal:
    number: str
    name: str
    customer: str
    owner: str
    currency: str
    status: QuoteStatus
    quote_date: date
    expires_on: date
    closed_on: date | None
    lines: list[DealLine]
    notes: str = ""
    competitors: list[str] = field(default_factory=list)
    split_with: tuple[str, Decimal] | None = None  # (username, percent credited to them)
    cancelled_on: date | None = None

    @property
    def total(self) -> Decimal:
        return sum((line.net_amount for line in self.lines), Decimal(0))


def quarter_start(day: date) -> date:
    """The first day of the calendar quarter of ``day``, as the commission plans count quarters."""
    return quarter_of(day).start


class PriceList:
    """Look up the book (and so the price) that applies to a customer on a day."""

    def __init__(self, books: list[PriceBookSource], products: list[ProductSource]):
        self.books = books
        self.products = {p.sku: p for p in products}

    def book_for(self, currency: str, segment: str, day: date) -> PriceBookSource:
        candidates = [b for b in self.books if b.currency == currency]
        for wanted in (segment, None):
            dated = [b for b in candidates if b.segment == wanted and b.covers(day)]
            if dated:
                return max(dated, key=lambda b: b.effective_from)
        general = [b for b in candidates if b.segment is None]
        # Before the first book took effect: use the earliest one.
        return min(general, key=lambda b: b.effective_from)

    def line(
        self,
        sku: str,
        quantity: int,
        discount: Decimal,
        book: PriceBookSource,
        segment_book: PriceBookSource | None = None,
    ) -> DealLine:
        entry = next((e for e in book.entries if e.sku == sku), None)
        if entry is None and segment_book is not None:
            entry = next(e for e in segment_book.entries if e.sku == sku)
        assert entry is not None, f"{sku} has no price in {book.code}"
        qty = Decimal(quantity)
        net = Money(
            qty * entry.list_price * (Decimal(100) - discount) / Decimal(100), book.currency
        ).rounded()
        product = self.products[sku]
        subscription = {"term_months": 12, "billing": "annual"} if product.recurring else None
        return DealLine(sku, qty, entry.list_price, discount, net.amount, subscription)


@dataclass
class DealGenerator:
    anchor: date
    customers: list[CustomerSource]
    products: list[ProductSource]
    books: list[PriceBookSource]
    reps: list[str]
    current_user: str
    rng: random.Random = field(init=False)
    prices: PriceList = field(init=False)
    deals: list[Deal] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.rng = random.Random(f"northwind-demo-{self.anchor.isoformat()}")
        self.prices = PriceList(self.books, self.products)
        self.known = {p.sku for p in self.products}

    # -- building blocks ---------------------------------------------------------------------

    def _customer(self, name: str, owner: str) -> CustomerSource:
        found = next((c for c in self.customers if c.name == name), None)
        if found is not None:
            return found
        own = [c for c in self.customers if c.owner == owner] or self.customers
        return own[len(self.deals) % len(own)]

    def _lines(
        self, customer: CustomerSource, day: date, picks: list[tuple[str, int]], discount: Decimal
    ) -> list[DealLine]:
        book = self.prices.book_for(customer.currency, customer.segment, day)
        general = self.prices.book_for(customer.currency, "", day)
        lines = []
        for sku, quantity in picks:
            if sku not in self.known:
                continue
            line_discount = Decimal(0) if sku.startswith("SVC-") and discount < 20 else discount
            lines.append(self.prices.line(sku, quantity, line_discount, book, general))
        return lines

    def _theme_picks(
        self, theme: str, customer: CustomerSource, exclude: set[str]
    ) -> list[tuple[str, int]]:
        _, _, items = THEMES[theme]
        items = [i for i in items if i[0] not in exclude] or [THEMES["services"][2][0]]
        first, rest = items[0], items[1:]
        count = self.rng.randint(1, min(8, len(items)))
        chosen = [first, *sorted(self.rng.sample(rest, count - 1), key=items.index)]
        scale = Decimal("0.5") if customer.segment == "smb" else Decimal(1)
        picks = []
        for sku, low, high in chosen:
            quantity = max(1, int(self.rng.randint(low, high) * scale))
            picks.append((sku, quantity))
        return picks

    def _deal(
        self,
        *,
        owner: str,
        customer: CustomerSource,
        status: QuoteStatus,
        quote_date: date,
        closed_on: date | None,
        picks: list[tuple[str, int]],
        discount: Decimal,
        title: str,
        notes: str = "",
        competitors: list[str] | None = None,
    ) -> Deal:
        lines = self._lines(customer, quote_date, picks, discount)
        if not lines:  # a customised catalog without this theme's products
            lines = self._lines(customer, quote_date, [(self.products[0].sku, 1)], discount)
        deal = Deal(
            number="",
            name=f"{customer.name}: {title}",
            customer=customer.name,
            owner=owner,
            currency=customer.currency,
            status=status,
            quote_date=quote_date,
            expires_on=quote_date + timedelta(days=30),
            closed_on=closed_on,
            lines=lines,
            notes=notes,
            competitors=competitors or [],
        )
        self.deals.append(deal)
        return deal

    # -- history -----------------------------------------------------------------------------

    def closed_history(self) -> None:
        """3 to 5 closed deals per rep per month over 12 months, about 60% won."""
        start = self.anchor - timedelta(days=HISTORY_DAYS - 1)
        this_quarter = quarter_start(self.anchor)
        themes = list(THEME_WEIGHTS)
        weights = list(THEME_WEIGHTS.values())
        for rep in self.reps:
            own = [c for c in self.customers if c.owner == rep] or self.customers
            for month in range(12):
                month_start = start + timedelta(days=round(month * HISTORY_DAYS / 12))
                month_end = start + timedelta(days=round((month + 1) * HISTORY_DAYS / 12) - 1)
                for _ in range(self.rng.randint(3, 5)):
                    closed_on = month_start + timedelta(
                        days=self.rng.randint(0, (month_end - month_start).days)
                    )
                    if rep == self.current_user and closed_on >= this_quarter:
                        continue  # the current user's quarter is scripted (see quarter_story)
                    customer = self.rng.choice(own)
                    theme = self.rng.choices(themes, weights)[0]
                    title, usual_rival, _ = THEMES[theme]
                    won = self.rng.random() < 0.62
                    rival = usual_rival if self.rng.random() < 0.7 else self.rng.choice(COMPETITORS)
                    cycle = self.rng.randint(10, 60)
                    discount = Decimal(self.rng.choice(_CLOSED_DISCOUNTS))
                    picks = self._theme_picks(theme, customer, exclude=set())
                    if won:
                        notes = f"Won against {rival}." if self.rng.random() < 0.5 else ""
                    else:
                        notes = self.rng.choice(_LOSS_REASONS).format(c=rival).capitalize() + "."
                    deal = self._deal(
                        owner=rep,
                        customer=customer,
                        status=QuoteStatus.WON if won else QuoteStatus.LOST,
                        quote_date=closed_on - timedelta(days=cycle),
                        closed_on=closed_on,
                        picks=picks,
                        discount=discount,
                        title=title,
                        notes=notes,
                        competitors=[rival] if (not won or notes) else [],
                    )
                    if won and self.rng.random() < 0.08:
                        # Keep the current user's scripted quarter exact: no split credits.
                        partners = [
                            r
                            for r in self.reps
                            if r != rep
                            and not (r == self.current_user and closed_on >= this_quarter)
                        ]
                        partner = self.rng.choice(partners)
                        deal.split_with = (partner, Decimal(self.rng.choice(["30", "40", "50"])))
                        deal.notes = (deal.notes + f" Split with {partner}: joint account.").strip()

    def quarter_story(self) -> None:
        """The current user's quarter to date: five wins, one loss (see the module docstring)."""
        start = quarter_start(self.anchor)
        span = max((self.anchor - start).days, 0)

        def on(fraction: float) -> date:
            return start + timedelta(days=round(span * fraction))

        me = self.current_user
        story = [
            (
                "Atlantic Mutual Bank",
                0.12,
                "Data-centre fabric refresh",
                "5",
                [
                    ("NET-SPINE-64", 2),
                    ("NET-LEAF-48", 4),
                    ("ACC-QSFP-400G", 12),
                    ("SUB-NETOS-ADV", 6),
                ],
                "Won against Fabrikam Networks on EVPN multi-site.",
            ),
            (
                "Keystone Grocers",
                0.3,
                "Store network security, phase 1",
                "5",
                [(SPIF_SKU, 2), ("NET-SDWAN-EDGE", 2), ("SVC-PS-DAY", 3)],
                "",
            ),
            (
                "Hudson Valley Health System",
                0.5,
                "Imaging storage expansion",
                "8",
                [("STO-A20", 1), ("STO-EXP-24", 1), ("SVC-MIGRATE", 40), ("SVC-PS-DAY", 2)],
                "PACS archive growth; Litware Storage was the incumbent.",
            ),
            (
                "Summit Ridge University",
                0.7,
                "Campus Wi-Fi and secure branch",
                "0",
                [(SPIF_SKU, 1), ("NET-WAP-6E", 40), ("NET-ACC-48", 4)],
                "Public-sector price book (contract pricing).",
            ),
            (
                "Great Lakes Precision Manufacturing",
                0.9,
                "Plant-floor virtualisation",
                "7.5",
                [("SRV-R7", 4), ("ACC-RAM-64", 16), ("SUB-SUPPORT-PRO", 4), ("SVC-PS-DAY", 4)],
                "Won against Contoso Compute.",
            ),
        ]
        for name, when, title, discount, picks, notes in story:
            customer = self._customer(name, me)
            closed_on = on(when)
            competitors = [c for c in COMPETITORS if c in notes]
            self._deal(
                owner=me,
                customer=customer,
                status=QuoteStatus.WON,
                quote_date=closed_on - timedelta(days=21),
                closed_on=closed_on,
                picks=picks,
                discount=Decimal(discount),
                title=title,
                notes=notes,
                competitors=competitors,
            )
        customer = self._customer("Carolina Clean Energy Cooperative", me)
        self._deal(
            owner=me,
            customer=customer,
            status=QuoteStatus.LOST,
            quote_date=on(0.2) - timedelta(days=14),
            closed_on=on(0.6),
            picks=[("NET-CORE-32", 2), ("NET-ACC-48", 10), ("SVC-DESIGN", 1)],
            discount=Decimal(10),
            title="Substation network",
            notes="Lost to Fabrikam Networks on price.",
            competitors=["Fabrikam Networks"],
        )

    def cancellations(self) -> None:
        """Cancelled orders, for clawbacks: a small order of the current user's, closed late last
        quarter and cancelled early in this one (scripted, so the clawback shows on the
        commissions page without wiping out the quarter), and one drawn from the other reps'
        wins of the last five months."""
        this_quarter = quarter_start(self.anchor)
        me = self.current_user
        closed_on = this_quarter - timedelta(days=25)
        customer = self._customer("Keystone Grocers", me)
        deal = self._deal(
            owner=me,
            customer=customer,
            status=QuoteStatus.WON,
            quote_date=closed_on - timedelta(days=12),
            closed_on=closed_on,
            picks=[("ACC-UPS-3K", 4), ("ACC-KVM-16", 1), ("SVC-PS-DAY", 1)],
            discount=Decimal(5),
            title="Store back-office power refresh",
        )
        self._cancel(deal, min(this_quarter + timedelta(days=12), self.anchor))
        others = sorted(
            (
                d
                for d in self.deals
                if d.owner != me
                and d.status is QuoteStatus.WON
                and self.anchor - timedelta(days=150)
                <= d.closed_on
                <= self.anchor - timedelta(days=45)
                and d.split_with is None
            ),
            key=lambda d: (d.closed_on, d.name),
        )
        if others:
            deal = self.rng.choice(others)
            self._cancel(deal, deal.closed_on + timedelta(days=self.rng.randint(20, 40)))

    def _cancel(self, deal: Deal, on: date) -> None:
        assert deal.closed_on is not None
        deal.cancelled_on = max(min(on, self.anchor), deal.closed_on)
        deal.notes = (
            deal.notes + f" Order cancelled by the customer on {deal.cancelled_on.isoformat()}."
        ).strip()

    # -- open pipeline -----------------------------------------------------------------------

    def open_pipeline(self) -> None:
        """Drafts and sent quotes per rep, quotes in review with large discounts for the
        manager, one approved and two expired quotes."""
        themes = list(THEME_WEIGHTS)
        weights = list(THEME_WEIGHTS.values())
        me = self.current_user
        for rep in self.reps:
            own = [c for c in self.customers if c.owner == rep] or self.customers
            plan = [
                QuoteStatus.DRAFT,
                QuoteStatus.DRAFT,
                QuoteStatus.SENT,
                QuoteStatus.SENT,
                QuoteStatus.IN_REVIEW,
            ]
            if rep == self.reps[-1]:
                plan.append(QuoteStatus.APPROVED)
            plan += [QuoteStatus.EXPIRED] if rep in self.reps[1:3] else []
            for status in plan:
                customer = self.rng.choice(own)
                theme = self.rng.choices(themes, weights)[0]
                title, rival, _ = THEMES[theme]
                exclude = {SPIF_SKU} if rep == me else set()
                picks = self._theme_picks(theme, customer, exclude)
                if status is QuoteStatus.EXPIRED:
                    quote_date = self.anchor - timedelta(days=self.rng.randint(60, 90))
                else:
                    quote_date = self.anchor - timedelta(days=self.rng.randint(0, 20))
                if status in (QuoteStatus.IN_REVIEW, QuoteStatus.APPROVED):
                    discount = Decimal(self.rng.choice(_REVIEW_DISCOUNTS))
                    notes = (
                        f"Customer has a competing offer from {rival}; asking for "
                        f"{discount}% to close this quarter."
                    )
                else:
                    discount = Decimal(self.rng.choice(_CLOSED_DISCOUNTS))
                    notes = ""
                self._deal(
                    owner=rep,
                    customer=customer,
                    status=status,
                    quote_date=quote_date,
                    closed_on=None,
                    picks=picks,
                    discount=discount,
                    title=title,
                    notes=notes,
                    competitors=[rival] if notes else [],
                )
        # The SPIF in reach: two more Secure Edge sites, quoted and sent.
        customer = self._customer("Brightwater Logistics", me)
        self._deal(
            owner=me,
            customer=customer,
            status=QuoteStatus.SENT,
            quote_date=self.anchor - timedelta(days=3),
            closed_on=None,
            picks=[(SPIF_SKU, 2), ("NET-SDWAN-EDGE", 2), ("SUB-ZT-ACCESS", 120)],
            discount=Decimal(5),
            title="Secure Edge for two depots",
            notes="Two more Secure Edge sites would complete the Phuket SPIF (5 units).",
        )

    # -- all ---------------------------------------------------------------------------------

    def generate(self) -> list[Deal]:
        self.closed_history()
        self.quarter_story()
        self.cancellations()
        self.open_pipeline()
        self.deals.sort(key=lambda d: (d.quote_date, d.owner, d.name))
        per_year: dict[int, int] = {}
        for deal in self.deals:
            per_year[deal.quote_date.year] = per_year.get(deal.quote_date.year, 0) + 1
            deal.number = f"Q-{deal.quote_date.year}-{per_year[deal.quote_date.year]:04d}"
            if deal.status is QuoteStatus.EXPIRED:
                deal.expires_on = deal.quote_date + timedelta(days=30)
            elif deal.closed_on is None:
                deal.expires_on = max(
                    deal.quote_date + timedelta(days=30), self.anchor + timedelta(days=14)
                )
        return self.deals


def generate_deals(
    anchor: date,
    customers: list[CustomerSource],
    products: list[ProductSource],
    books: list[PriceBookSource],
    reps: list[str],
    current_user: str,
) -> list[Deal]:
    """All demo deals for ``anchor`` (deterministic for a given anchor and sources)."""
    return DealGenerator(anchor, customers, products, books, reps, current_user).generate()
