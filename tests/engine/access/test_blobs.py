"""Who may download a blob, on SQLite and PostgreSQL: whoever may read a live row naming it."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event, select

from dealkit.engine.access import BLOB_COLUMNS, blob_readable
from dealkit.engine.store.database import Store, open_sqlite_store
from dealkit.engine.store.models import (
    Base,
    CommissionDisputeMessage,
    ContentItem,
    ContentKind,
    ContentStatus,
    ContentVersion,
    SyncMixin,
)
from dealkit.engine.sync.client import BLOB_FIELDS
from tests.helpers.people import PEOPLE, Company, seed_company


def sha(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()


@pytest.fixture(
    scope="module",
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def company(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Store, Company]]:
    if request.param == "sqlite":
        store = open_sqlite_store(tmp_path_factory.mktemp("blobs") / "server.db")
        try:
            yield from _seeded(store)
        finally:
            store.close()
    else:
        from tests.server.test_access_matrix import postgres_store

        with postgres_store() as store:
            yield from _seeded(store)


def _seeded(store: Store) -> Iterator[tuple[Store, Company]]:
    company = seed_company(store)
    with store.session() as s, s.begin():
        for key in ("published", "draft"):
            s.get(ContentItem, company.content[key]).file_hash = sha(key)
        s.add(
            ContentVersion(
                item_id=company.content["published"],
                version=1,
                title="Battlecard (first version)",
                language="en",
                file_hash=sha("published, version 1"),
                replaced_on=date(2026, 10, 1),
            )
        )
        s.add(
            ContentItem(
                title="Withdrawn battlecard",
                kind=ContentKind.BATTLECARD,
                language="en",
                status=ContentStatus.PUBLISHED,
                file_hash=sha("withdrawn"),
                deleted=True,
            )
        )
        for participant in ("rep", "rep2"):
            message = s.scalar(
                select(CommissionDisputeMessage).where(
                    CommissionDisputeMessage.dispute_id == company.disputes[participant]
                )
            )
            message.attachment_hash = sha(f"{participant}'s attachment")
    yield store, company


EVERYONE = set(PEOPLE)

# blob -> who may download it
READERS = {
    "published": EVERYONE,  # a published item's file
    "published, version 1": EVERYONE,  # the file of its earlier version
    "draft": {"trainer", "admin"},  # the draft's owner is the trainer
    "rep's attachment": {"rep", "boss", "comp", "admin"},  # participant, manager, comp admins
    "rep2's attachment": {"rep2", "boss2", "comp", "admin"},
    "withdrawn": {"admin"},  # a deleted item's file
    "uploaded, never named": {"admin"},  # the uploader has it on their laptop already
}


@pytest.mark.parametrize("who", sorted(PEOPLE))
def test_a_blob_is_readable_by_those_who_may_read_a_live_row_naming_it(company, who):
    store, people = company
    user = people.principal(store, who)
    with store.session() as s:
        may = {name for name in READERS if blob_readable(s, user, sha(name))}
    assert may == {name for name, readers in READERS.items() if who in readers}


def test_every_synced_column_naming_a_blob_is_covered():
    named = {
        (column.table.name, column.name)
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, SyncMixin)
        for column in mapper.columns
        if column.name.endswith("_hash") or column.name in BLOB_FIELDS
    }
    covered = {(c.class_.__tablename__, c.key) for c in BLOB_COLUMNS}
    assert named == covered


def test_a_blob_hash_in_another_column_does_not_open_it(tmp_path: Path):
    # A row's text that happens to hold the hash names nothing: only the blob columns count.
    store = open_sqlite_store(tmp_path / "server.db")
    try:
        company = seed_company(store)
        with store.session() as s, s.begin():
            s.get(ContentItem, company.content["published"]).summary = sha("secret")
        rep = company.principal(store, "rep")
        with store.session() as s:
            assert not blob_readable(s, rep, sha("secret"))
    finally:
        store.close()


def test_the_check_is_one_statement(tmp_path: Path):
    store = open_sqlite_store(tmp_path / "server.db")
    try:
        company = seed_company(store)
        rep = company.principal(store, "rep")
        statements: list[str] = []

        def count(_conn, _cursor, statement, *_args) -> None:
            statements.append(statement)

        event.listen(store.engine, "before_cursor_execute", count)
        with store.session() as s:
            blob_readable(s, rep, sha("anything"))
        event.remove(store.engine, "before_cursor_execute", count)
        assert len([q for q in statements if q.lstrip().upper().startswith("SELECT")]) == 1
    finally:
        store.close()
