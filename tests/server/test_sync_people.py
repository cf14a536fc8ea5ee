"""Flows across people through a real server: a dispute answered by the comp admin, a quote
approved by the manager, a battlecard published by a trainer and found on a rep's laptop."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from dealkit.engine.auth.accounts import create_user
from dealkit.engine.commissions.disputes import DisputeBook, DisputeStatus, Resolution
from dealkit.engine.commissions.results import Line
from dealkit.engine.money import Money
from dealkit.engine.quotes.store import move_saved_quote
from dealkit.engine.store.models import (
    ContentItem,
    ContentKind,
    ContentStatus,
    Quote,
    QuoteStatus,
    Role,
)
from dealkit.engine.sync import record_mutation
from dealkit.engine.sync.protocol import UPSERT
from dealkit.engine.sync.rows import model_to_json
from dealkit.index.library import LibraryIndex
from tests.helpers.servers import running_server
from tests.helpers.sync import (
    PASSWORD,
    client,
    laptop,
    quote_data,
    save_local_quote,
    token_for,
)

LINE = Line(
    "base", "Base commission", "earning", Money.of("27850.00", "USD"), ["15% of $119,000.00"]
)
T0 = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def test_a_reps_question_is_answered_by_the_comp_admin_across_laptops(sync_server, tmp_path):
    store = sync_server.store
    rep_ws, admin_ws = laptop(tmp_path / "alex"), laptop(tmp_path / "cara")
    with running_server(store) as url:
        rep = client(rep_ws, url, token_for(store, "alex"))
        admin = client(admin_ws, url, token_for(store, "cara"))
        rep.sync()
        admin.sync()
        asked = DisputeBook.for_workspace(rep_ws).raise_dispute(
            participant="alex",
            plan_code="field-sales",
            period="2026-Q4",
            line=LINE,
            reason="missing_credit",
            message="Q-2026-0140 is not on my statement",
            attachment=("order.pdf", b"%PDF-1.4 signed order"),
            at=T0,
        )
        assert rep.sync().pushed == 2  # the dispute and its first message
        admin.sync()
        book = DisputeBook.for_workspace(admin_ws)
        seen = book.get(asked.id)
        assert seen.messages[0].text == "Q-2026-0140 is not on my statement"
        blob = admin.fetch_blob(seen.messages[0].attachment)
        assert blob.read_bytes() == b"%PDF-1.4 signed order"
        book.start_review(asked.id, "cara", at=T0)
        book.resolve(asked.id, "cara", "adjusted", "Credited as an adjustment", at=T0)
        report = admin.sync()
        assert report.pushed == 4 and not report.rejected
        rep.sync()
    answered = DisputeBook.for_workspace(rep_ws).get(asked.id)
    assert answered.status is DisputeStatus.RESOLVED
    assert answered.resolution is Resolution.ADJUSTED
    assert [m.author for m in answered.messages] == ["alex", "cara", "cara"]
    assert answered.messages[-1].text == "Credited as an adjustment"


def test_a_manager_approves_a_reps_quote_and_the_rep_sees_it(sync_server, tmp_path):
    store = sync_server.store
    rep_ws, boss_ws = laptop(tmp_path / "alex"), laptop(tmp_path / "mia")
    today = date(2026, 11, 28)
    with running_server(store) as url:
        rep = client(rep_ws, url, token_for(store, "alex"))
        boss = client(boss_ws, url, token_for(store, "mia"))
        rep.sync()
        save_local_quote(rep_ws, quote_data("Q-2026-0001"))
        with rep_ws.store.session() as session, session.begin():
            move_saved_quote(session, "Q-2026-0001", 1, QuoteStatus.IN_REVIEW, today)
        assert rep.sync().pushed == 2
        boss.sync()
        with boss_ws.store.session() as session, session.begin():
            move_saved_quote(session, "Q-2026-0001", 1, QuoteStatus.APPROVED, today)
        assert boss.sync().pushed == 1
        rep.sync()
        # a move the engine's lifecycle forbids is refused by the server, with the reason
        with rep_ws.store.session() as session, session.begin():
            quote = session.scalars(select(Quote)).one()
            record_mutation(
                session, "quotes", UPSERT, quote.id, {"status": "won"}, quote.server_seq
            )
        refused = rep.sync()
    assert [reason for _, reason in refused.rejected] == [
        "quote, field status: a approved quote cannot become won; it can become draft, lost, sent"
    ]
    with rep_ws.store.session() as session:
        assert session.scalars(select(Quote.status)).one() == QuoteStatus.APPROVED


def test_a_battlecard_published_by_a_trainer_is_searchable_on_a_reps_laptop(sync_server, tmp_path):
    store = sync_server.store
    with store.session() as session:
        create_user(session, "tia", [Role.TRAINER], PASSWORD)
    trainer_ws, rep_ws = laptop(tmp_path / "tia"), laptop(tmp_path / "alex")
    with running_server(store) as url:
        trainer = client(trainer_ws, url, token_for(store, "tia"))
        rep = client(rep_ws, url, token_for(store, "alex"))
        trainer.sync()
        rep.sync()
        with trainer_ws.store.session() as session, session.begin():
            card = ContentItem(
                title="Battlecard: beating Northwind on price",
                kind=ContentKind.BATTLECARD,
                language="en",
                summary="How to answer Northwind's discount",
                body="Northwind undercuts by 12 percent; lead with total cost of ownership.",
                competitors=["Northwind"],
                status=ContentStatus.PUBLISHED,
                published_on=date(2026, 11, 27),
            )
            session.add(card)
            session.flush()
            record_mutation(session, "content_items", UPSERT, card.id, model_to_json(card))
        assert trainer.sync().pushed == 1
        report = rep.sync()
    assert card.id in report.changed["content_items"]
    index = LibraryIndex.open(rep_ws)
    index.ensure_built()
    hits = index.search("Northwind ownership")
    assert [h.title for h in hits] == ["Battlecard: beating Northwind on price"]
