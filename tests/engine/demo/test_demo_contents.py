"""Counts and invariants of the loaded demo workspace (anchor 2026-11-27)."""

from __future__ import annotations

import io
import re
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

import yaml
from pypdf import PdfReader
from sqlalchemy import func, select

from dealkit.engine.documents.docx_writer import docx_text
from dealkit.engine.money import Money
from dealkit.engine.store.models import (
    CommissionPlan,
    CommissionTransaction,
    ContentItem,
    Customer,
    PriceBook,
    PriceBookEntry,
    Product,
    Quote,
    QuoteStatus,
    User,
)
from dealkit.engine.workspace import Workspace
from tests.helpers.demo import DEMO_ANCHOR


def test_team_roles_and_current_user(demo_workspace: Workspace):
    with demo_workspace.store.session() as session:
        users = {u.username: u for u in session.scalars(select(User))}
        assert set(users) == {"alex", "nok", "priya", "tom", "dana", "kenji", "maria", "sam"}
        assert users["nok"].display_name == "Nok Srisuk / นก ศรีสุข"
        assert {users[r].manager_id for r in ("alex", "nok", "priya", "tom")} == {users["dana"].id}
        roles = {name: sorted(r.role.value for r in u.roles) for name, u in users.items()}
        assert roles["dana"] == ["manager"] and roles["kenji"] == ["sales_engineer"]
        assert roles["maria"] == ["trainer"] and roles["sam"] == ["comp_admin"]
    info = demo_workspace.all_info()
    assert info["current_user_id"] == users["alex"].id
    assert info["demo_anchor"] == DEMO_ANCHOR.isoformat()


def test_catalog_has_40_products_in_six_families_with_the_fixed_skus(demo_workspace):
    with demo_workspace.store.session() as session:
        products = list(session.scalars(select(Product)))
        families = Counter(p.family.code for p in products)
        by_sku = {p.sku: p for p in products}
    assert len(products) >= 40
    assert set(families) == {"SRV", "STO", "NET", "SUB", "SVC", "ACC"}
    assert all(count >= 4 for count in families.values())
    assert by_sku["SRV-R7"].name == "Northwind R7 Rack Server" and by_sku["SRV-R7"].configurable
    assert by_sku["SUB-CLOUDOPS"].configurable and by_sku["SUB-CLOUDOPS"].recurring
    assert by_sku["NET-SPINE-64"].name == "Spine 64 Switch"
    assert by_sku["SUB-SECURE-EDGE"].name == "Secure Edge subscription"
    assert by_sku["SVC-PS-DAY"].name == "Professional services day"
    for product in products:
        assert product.description and product.unit
        if product.recurring:
            assert product.default_term_months in (12, 24, 36)


def test_configurable_products_carry_their_model_file_when_it_exists(demo_workspace):
    from dealkit.engine.demo.model_tables import inline_table_files
    from dealkit.engine.demo.sources import DEMO_DIR

    with demo_workspace.store.session() as session:
        for sku, file_name in (
            ("SRV-R7", "rack-server.yaml"),
            ("SUB-CLOUDOPS", "cloudops-subscription.yaml"),
        ):
            product = session.scalar(select(Product).where(Product.sku == sku))
            model = DEMO_DIR / "models" / file_name
            if model.is_file():
                text = model.read_text(encoding="utf-8")
                assert product.model_source == inline_table_files(text, model)
                assert not re.search(r"^\s*file:\s", product.model_source, re.MULTILINE)
            else:
                assert product.model_source is None


def test_every_product_has_a_usd_and_a_thb_list_price(demo_workspace):
    with demo_workspace.store.session() as session:
        books = list(session.scalars(select(PriceBook)))
        assert {b.currency for b in books} == {"USD", "THB"}
        assert any(b.segment == "public_sector" for b in books)
        assert all(b.effective_from for b in books)
        rows = session.execute(
            select(
                Product.sku, PriceBook.currency, PriceBookEntry.list_price, PriceBookEntry.unit_cost
            )
            .join(PriceBookEntry, PriceBookEntry.product_id == Product.id)
            .join(PriceBook, PriceBook.id == PriceBookEntry.price_book_id)
            .where(PriceBook.segment.is_(None))
        ).all()
        skus = set(session.scalars(select(Product.sku)))
    for currency in ("USD", "THB"):
        assert {sku for sku, cur, _, _ in rows if cur == currency} == skus
    for _, _, list_price, unit_cost in rows:
        assert isinstance(list_price, Decimal) and 0 < unit_cost < list_price


def test_thirty_customers_across_industries_regions_and_currencies(demo_workspace):
    with demo_workspace.store.session() as session:
        customers = list(session.scalars(select(Customer)))
        reps = {
            u.id
            for u in session.scalars(select(User))
            if u.username in ("alex", "nok", "priya", "tom")
        }
    assert len(customers) == 30
    assert len({c.industry for c in customers}) >= 8
    assert {c.region for c in customers} >= {"north_america", "apac", "emea"}
    assert {c.currency for c in customers} == {"USD", "THB"}
    assert any(c.country == "TH" for c in customers)
    assert sum(c.is_new_logo for c in customers) >= 3
    assert all(c.owner_id in reps for c in customers)


def test_library_has_60_items_12_in_thai_in_all_formats_and_kinds(demo_workspace):
    with demo_workspace.store.session() as session:
        items = list(session.scalars(select(ContentItem)))
    assert len(items) >= 60
    assert sum(1 for i in items if i.language == "th") >= 12
    assert {i.file_name.rsplit(".", 1)[1] for i in items} == {"pdf", "docx", "md"}
    assert {i.kind.value for i in items} == {
        "training",
        "collateral",
        "battlecard",
        "market_note",
        "customer_story",
        "policy",
    }
    competitors = {c for i in items for c in i.competitors}
    assert {"Contoso Compute", "Fabrikam Networks", "Tailspin Cloud"} <= competitors
    for item in items:
        assert item.title and item.summary and len(item.body) > 400
        assert item.published_on <= DEMO_ANCHOR


def test_each_library_blob_exists_and_reads_back(demo_workspace):
    with demo_workspace.store.session() as session:
        items = list(session.scalars(select(ContentItem)))
    for item in items:
        data = demo_workspace.blob_path(item.file_hash).read_bytes()
        if item.media_type == "application/pdf":
            reader = PdfReader(io.BytesIO(data))
            text = " ".join(page.extract_text() for page in reader.pages)
        elif item.file_name.endswith(".docx"):
            text = docx_text(data)
        else:
            text = data.decode("utf-8")
        # The title and a distinctive sentence of the body come back out of the file.
        first_words = item.title.split()[0]
        assert first_words in text, item.file_name
        sentence = next(
            line
            for line in item.body.split("\n\n")[2:]
            if len(line) > 30 and not line.startswith("- ") and " | " not in line
        )
        probe = sentence.split()[0] if item.language == "th" else " ".join(sentence.split()[:3])
        flat = " ".join(text.replace("**", "").split())
        assert probe.replace("**", "") in flat, (item.file_name, probe)


def test_thai_pdf_items_extract_thai_words(demo_workspace):
    with demo_workspace.store.session() as session:
        item = session.scalar(
            select(ContentItem).where(ContentItem.file_name == "th-secure-edge-datasheet.pdf")
        )
    reader = PdfReader(io.BytesIO(demo_workspace.blob_path(item.file_hash).read_bytes()))
    text = reader.pages[0].extract_text()
    for word in ("ทุกสาขาปลอดภัยด้วยมาตรฐานเดียวกัน", "กรุงเทพฯ", "฿168,000"):
        assert word in text


def test_commission_plans_are_loaded_whole(demo_workspace):
    from dealkit.engine.demo.sources import DEMO_DIR

    files = sorted((DEMO_DIR / "plans").glob("*.yaml"))
    with demo_workspace.store.session() as session:
        plans = list(session.scalars(select(CommissionPlan)))
    assert len(plans) == len(files)
    for plan in plans:
        header = yaml.safe_load(plan.source)
        assert (header["code"], header["version"], header["name"]) == (
            plan.code,
            plan.version,
            plan.name,
        )


def test_closed_deals_span_twelve_months_and_totals_match_lines(demo_workspace):
    with demo_workspace.store.session() as session:
        quotes = list(session.scalars(select(Quote)))
        closed = [q for q in quotes if q.status in (QuoteStatus.WON, QuoteStatus.LOST)]
        first = min(q.closed_on for q in closed)
        last = max(q.closed_on for q in closed)
        assert first <= DEMO_ANCHOR - timedelta(days=330) and last <= DEMO_ANCHOR
        months = {(q.closed_on.year, q.closed_on.month) for q in closed}
        assert len(months) >= 12
        for quote in quotes:
            assert 1 <= len(quote.lines) <= 8, quote.number
            for line in quote.lines:
                expected = Money(
                    line.quantity * line.list_price * (100 - line.discount_percent) / 100,
                    quote.currency,
                ).rounded()
                assert line.net_amount == expected.amount
        won = [q for q in closed if q.status is QuoteStatus.WON]
        credits = list(session.scalars(select(CommissionTransaction)))
        by_quote: dict[str, Decimal] = {}
        for credit in credits:
            share = credit.amount * credit.split_percent / 100
            by_quote[credit.quote_id] = by_quote.get(credit.quote_id, Decimal(0)) + share
        for quote in won:
            assert by_quote[quote.id] == sum(line.net_amount for line in quote.lines)
        assert {c.quote_id for c in credits} == {q.id for q in won}


def test_open_pipeline_and_approval_queue(demo_workspace):
    with demo_workspace.store.session() as session:
        statuses = Counter(session.scalars(select(Quote.status)))
        reviews = list(session.scalars(select(Quote).where(Quote.status == QuoteStatus.IN_REVIEW)))
        assert statuses[QuoteStatus.DRAFT] >= 4 and statuses[QuoteStatus.SENT] >= 4
        assert len(reviews) >= 3
        for quote in reviews:
            assert max(line.discount_percent for line in quote.lines) > 15
            assert quote.expires_on > DEMO_ANCHOR


def test_splits_and_cancellations_exist(demo_workspace):
    with demo_workspace.store.session() as session:
        credits = list(session.scalars(select(CommissionTransaction)))
    assert any(c.split_percent < 100 for c in credits)
    cancelled = {c.external_ref.split("/")[0] for c in credits if c.cancelled_on}
    assert len(cancelled) >= 2
    assert all(c.cancelled_on > c.closed_on for c in credits if c.cancelled_on)


def test_alex_quarter_to_date_story(demo_workspace):
    quarter_start = date(2026, 10, 1)
    with demo_workspace.store.session() as session:
        alex = session.scalar(select(User).where(User.username == "alex"))
        credits = list(
            session.scalars(
                select(CommissionTransaction).where(
                    CommissionTransaction.rep_id == alex.id,
                    CommissionTransaction.closed_on >= quarter_start,
                )
            )
        )
        won_quotes = session.scalar(
            select(func.count())
            .select_from(Quote)
            .where(
                Quote.owner_id == alex.id,
                Quote.status == QuoteStatus.WON,
                Quote.closed_on >= quarter_start,
            )
        )
    spif_units = sum(c.quantity for c in credits if c.product_sku == "SUB-SECURE-EDGE")
    attained = sum(c.amount * c.split_percent / 100 for c in credits if not c.cancelled_on)
    assert spif_units == 3
    assert won_quotes == 5
    assert any(c.product_sku == "NET-SPINE-64" for c in credits)
    assert Decimal(250_000) < attained < Decimal(450_000)  # on the way to a $450,000 quota
