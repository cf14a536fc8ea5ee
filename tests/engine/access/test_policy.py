"""The access policy on a real store: who pulls which rows, who may push which change."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from dealkit.engine.access import READ_RULES, WRITE_RULES, NoAccessRule, check_write, readable
from dealkit.engine.store.models import (
    AuthToken,
    Base,
    CommissionDispute,
    CommissionDisputeMessage,
    CommissionPeriod,
    ContentItem,
    Quote,
    QuoteLine,
    SyncMixin,
    UserCredential,
)
from dealkit.engine.workspace import Workspace
from tests.helpers.people import PEOPLE, Company, seed_company


@pytest.fixture(scope="module")
def company_ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, Company]]:
    workspace = Workspace.open(tmp_path_factory.mktemp("access") / "ws")
    company = seed_company(workspace.store)
    yield workspace, company
    workspace.close()


def synced_tables() -> list[str]:
    return sorted(
        mapper.class_.__tablename__
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, SyncMixin)
    )


def test_every_synced_table_says_who_reads_and_who_writes_it():
    missing_read = [t for t in synced_tables() if t not in READ_RULES]
    missing_write = [t for t in synced_tables() if t not in WRITE_RULES]
    assert (missing_read, missing_write) == ([], [])


@pytest.mark.parametrize("model", [UserCredential, AuthToken, "workspace_info"])
def test_server_only_tables_never_flow(model: Any):
    user = next(iter(PEOPLE))
    from dealkit.engine.access import AuthenticatedUser

    nobody = AuthenticatedUser(id="x", username=user, roles=frozenset())
    with pytest.raises(NoAccessRule, match="no read rule"):
        readable(nobody, model)
    with pytest.raises(NoAccessRule, match="no write rule"):
        check_write(nobody, model, None, {})


# who -> owners of the quotes they see (quote lines follow their quote)
QUOTES_SEEN = {
    "rep": {"rep"},
    "se": {"se"},
    "rep2": {"rep2"},
    "boss": {"rep", "se", "boss"},  # the team's and the manager's own
    "boss2": {"rep2"},
    "trainer": set(),
    "comp": set(),
    "admin": {"rep", "se", "rep2", "boss"},
}

# who -> participants whose statements, disputes and dispute messages they see
STATEMENTS_SEEN = {
    "rep": {"rep"},
    "se": set(),
    "rep2": {"rep2"},
    "boss": {"rep"},
    "boss2": {"rep2"},
    "trainer": set(),
    "comp": {"rep", "rep2"},
    "admin": {"rep", "rep2"},
}


@pytest.mark.parametrize("who", sorted(QUOTES_SEEN))
def test_quotes_and_their_lines_reach_the_owner_and_the_owners_manager_only(who, company_ws):
    workspace, company = company_ws
    user = company.principal(workspace.store, who)
    with workspace.store.session() as s:
        quotes = set(s.scalars(select(Quote.id).where(readable(user, Quote))))
        lines = set(s.scalars(select(QuoteLine.id).where(readable(user, QuoteLine))))
    assert quotes == {company.quotes[o] for o in QUOTES_SEEN[who]}
    assert lines == {company.lines[o] for o in QUOTES_SEEN[who]}


@pytest.mark.parametrize("who", sorted(STATEMENTS_SEEN))
def test_statements_and_disputes_reach_the_participant_their_manager_and_comp_admins(
    who, company_ws
):
    workspace, company = company_ws
    user = company.principal(workspace.store, who)
    expected = STATEMENTS_SEEN[who]
    with workspace.store.session() as s:
        periods = set(
            s.scalars(select(CommissionPeriod.participant).where(readable(user, CommissionPeriod)))
        )
        disputes = set(
            s.scalars(
                select(CommissionDispute.participant).where(readable(user, CommissionDispute))
            )
        )
        messages = set(
            s.scalars(
                select(CommissionDisputeMessage.author).where(
                    readable(user, CommissionDisputeMessage)
                )
            )
        )
    assert (periods, disputes, messages) == (expected, expected, expected)


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("rep", {"published"}),
        ("boss", {"published"}),
        ("trainer", {"published", "draft"}),
        ("admin", {"published", "draft"}),
    ],
)
def test_drafts_in_the_library_reach_trainers_only(who, expected, company_ws):
    workspace, company = company_ws
    user = company.principal(workspace.store, who)
    with workspace.store.session() as s:
        seen = set(s.scalars(select(ContentItem.id).where(readable(user, "content_items"))))
    assert seen == {company.content[k] for k in expected}


def _quote(company: Company, owner: str, **changes: Any) -> dict[str, Any]:
    row = {
        "id": company.quotes[owner],
        "number": company.quote_numbers[owner],
        "owner_id": company.users[owner],
        "status": "in_review",
    }
    row.update(changes)
    return row


# (who, table, old row builder, new fields builder, None or a phrase of the reason)
WRITES: list[tuple[str, str, Any, Any, str | None]] = [
    (
        "rep",
        "products",
        None,
        lambda c: {"sku": "X"},
        "the catalog is written on the server by an admin",
    ),
    ("rep", "price_book_entries", None, lambda c: {"list_price": "1"}, "price books are written"),
    ("admin", "products", None, lambda c: {"sku": "X"}, None),
    ("rep", "users", None, lambda c: {"username": "eve"}, "people are managed by an admin"),
    ("rep", "customers", None, lambda c: {"name": "New"}, None),
    (
        "rep",
        "customers",
        lambda c: {"id": c.customer_id},
        lambda c: {"deleted": True},
        "deleted by an admin",
    ),
    ("trainer", "customers", None, lambda c: {"name": "New"}, "reps, sales engineers and managers"),
    ("rep", "quotes", None, lambda c: {"number": "Q-9", "owner_id": c.users["rep"]}, None),
    (
        "rep",
        "quotes",
        None,
        lambda c: {"number": "Q-9", "owner_id": c.users["rep2"]},
        "owner_id must be you",
    ),
    (
        "rep",
        "quotes",
        None,
        lambda c: {"number": "Q-9", "owner_id": c.users["rep"], "status": "approved"},
        "cannot be created approved",
    ),
    (
        "trainer",
        "quotes",
        None,
        lambda c: {"number": "Q-9", "owner_id": c.users["trainer"]},
        "created by reps",
    ),
    ("rep", "quotes", lambda c: _quote(c, "rep"), lambda c: {"notes": "call Tue"}, None),
    (
        "rep",
        "quotes",
        lambda c: _quote(c, "rep"),
        lambda c: {"status": "approved"},
        "cannot approve your own quote",
    ),
    (
        "boss",
        "quotes",
        lambda c: _quote(c, "boss"),
        lambda c: {"status": "approved"},
        "cannot approve your own quote",
    ),
    ("boss", "quotes", lambda c: _quote(c, "rep"), lambda c: {"status": "approved"}, None),
    (
        "boss",
        "quotes",
        lambda c: _quote(c, "rep"),
        lambda c: {"status": "draft", "updated_at": "x"},
        None,
    ),
    (
        "boss",
        "quotes",
        lambda c: _quote(c, "rep"),
        lambda c: {"status": "approved", "notes": "ok"},
        "changes nothing else (notes",
    ),
    (
        "boss",
        "quotes",
        lambda c: _quote(c, "rep", status="draft"),
        lambda c: {"status": "approved"},
        "not waiting for approval",
    ),
    (
        "boss",
        "quotes",
        lambda c: _quote(c, "rep"),
        lambda c: {"status": "won"},
        "approved or draft",
    ),
    (
        "boss2",
        "quotes",
        lambda c: _quote(c, "rep"),
        lambda c: {"status": "approved"},
        "belongs to someone else",
    ),
    (
        "rep2",
        "quotes",
        lambda c: _quote(c, "rep"),
        lambda c: {"deleted": True},
        "belongs to someone else",
    ),
    (
        "rep",
        "quotes",
        lambda c: _quote(c, "rep"),
        lambda c: {"owner_id": c.users["rep2"]},
        "ask an admin to reassign",
    ),
    ("admin", "quotes", lambda c: _quote(c, "rep"), lambda c: {"owner_id": c.users["rep2"]}, None),
    ("rep", "quote_lines", None, lambda c: {"quote_id": c.quotes["rep"], "position": 2}, None),
    (
        "rep2",
        "quote_lines",
        None,
        lambda c: {"quote_id": c.quotes["rep"], "position": 2},
        "belongs to someone else",
    ),
    ("rep", "quote_lines", None, lambda c: {"quote_id": "nope"}, "push the quote first"),
    (
        "rep",
        "quote_lines",
        lambda c: {"id": c.lines["rep"], "quote_id": c.quotes["rep"]},
        lambda c: {"quote_id": c.quotes["se"]},
        "does not move to another quote",
    ),
    ("trainer", "content_items", None, lambda c: {"title": "New"}, None),
    ("rep", "content_items", None, lambda c: {"title": "New"}, "written by trainers only"),
    ("comp", "commission_plans", None, lambda c: {"code": "AE"}, None),
    ("trainer", "commission_plans", None, lambda c: {"code": "AE"}, "written by comp admins only"),
    ("rep", "commission_periods", None, lambda c: {"period": "2026-Q4"}, "comp admins only"),
    (
        "rep",
        "commission_disputes",
        None,
        lambda c: {"user_id": c.users["rep"], "participant": "rep"},
        None,
    ),
    (
        "rep",
        "commission_disputes",
        None,
        lambda c: {"user_id": c.users["rep2"], "participant": "rep2"},
        "your own statement lines only",
    ),
    (
        "rep",
        "commission_disputes",
        None,
        lambda c: {"user_id": c.users["rep"], "status": "resolved"},
        "only a comp admin",
    ),
    (
        "rep",
        "commission_disputes",
        lambda c: {"id": c.disputes["rep"]},
        lambda c: {"status": "resolved", "resolution": "adjusted"},
        "only a comp admin changes a dispute",
    ),
    (
        "comp",
        "commission_disputes",
        lambda c: {"id": c.disputes["rep"]},
        lambda c: {"status": "resolved", "resolution": "adjusted"},
        None,
    ),
    (
        "rep",
        "commission_dispute_messages",
        None,
        lambda c: {"dispute_id": c.disputes["rep"], "author": "rep"},
        None,
    ),
    (
        "rep",
        "commission_dispute_messages",
        None,
        lambda c: {"dispute_id": c.disputes["rep"], "author": "comp"},
        "in your own name",
    ),
    (
        "rep",
        "commission_dispute_messages",
        None,
        lambda c: {"dispute_id": c.disputes["rep2"], "author": "rep"},
        "someone else's statement",
    ),
    (
        "boss",
        "commission_dispute_messages",
        None,
        lambda c: {"dispute_id": c.disputes["rep"], "author": "boss"},
        None,
    ),
    (
        "comp",
        "commission_dispute_messages",
        None,
        lambda c: {"dispute_id": c.disputes["rep2"], "author": "comp"},
        None,
    ),
    (
        "rep",
        "commission_dispute_messages",
        lambda c: {"id": "m"},
        lambda c: {"text": "edited"},
        "never edited",
    ),
    ("rep", "content_views", None, lambda c: {"user_id": c.users["rep"]}, None),
    ("rep", "content_views", None, lambda c: {"user_id": c.users["rep2"]}, "for yourself only"),
    ("rep", "quiz_attempts", lambda c: {"id": "a"}, lambda c: {"score": 10}, "never changed"),
]


@pytest.mark.parametrize(
    ("who", "table", "old", "new", "expected"),
    WRITES,
    ids=[f"{w[0]}-{w[1]}-{i}" for i, w in enumerate(WRITES)],
)
def test_a_pushed_change_is_allowed_or_refused_with_a_reason(
    who, table, old, new, expected, company_ws
):
    workspace, company = company_ws
    user = company.principal(workspace.store, who)
    with workspace.store.session() as s:
        reason = check_write(user, table, old(company) if old else None, new(company), session=s)
    if expected is None:
        assert reason is None
    else:
        assert reason is not None and expected in reason, reason


def test_a_child_row_cannot_be_judged_without_the_session(company_ws):
    workspace, company = company_ws
    rep = company.principal(workspace.store, "rep")
    with pytest.raises(ValueError, match="needs the session"):
        check_write(rep, QuoteLine, None, {"quote_id": company.quotes["rep"]})


def test_an_old_row_may_be_a_model_instance(company_ws):
    workspace, company = company_ws
    boss = company.principal(workspace.store, "boss")
    with workspace.store.session() as s:
        quote = s.get(Quote, company.quotes["boss"])
        assert "your own quote" in check_write(boss, Quote, quote, {"status": "approved"})
        mine = s.get(Quote, company.quotes["rep"])
        assert check_write(boss, Quote.__table__, mine, {"status": "approved"}) is None
