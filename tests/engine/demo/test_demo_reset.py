"""ensure_demo loads only into an empty store; reset_demo backs up and restores, atomically."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dealkit.engine.demo import DemoDataError, ensure_demo, load_demo, reset_demo
from dealkit.engine.demo.sources import DEMO_DIR
from dealkit.engine.store.models import ContentItem, Customer, Quote, QuoteStatus
from dealkit.engine.workspace import Workspace
from tests.helpers.demo import DEMO_ANCHOR


def _counts(ws: Workspace) -> tuple[int, int, int]:
    with ws.store.session() as session:
        return (
            session.scalar(select(func.count()).select_from(Customer)),
            session.scalar(select(func.count()).select_from(Quote)),
            session.scalar(select(func.count()).select_from(ContentItem)),
        )


def test_ensure_demo_leaves_a_workspace_with_data_alone(demo_workspace: Workspace):
    before = _counts(demo_workspace)
    assert ensure_demo(demo_workspace, DEMO_ANCHOR) is False
    assert _counts(demo_workspace) == before


def test_reset_restores_a_modified_workspace_and_keeps_a_backup(demo_workspace: Workspace):
    original = _counts(demo_workspace)
    stray_blob = demo_workspace.put_blob(b"a proposal that belonged to the old data")
    demo_workspace.index_dir.mkdir(parents=True, exist_ok=True)
    with demo_workspace.store.session() as session, session.begin():
        quote = session.scalar(select(Quote).where(Quote.status == QuoteStatus.DRAFT))
        session.delete(quote)
        session.add(
            Customer(
                name="Scratch Customer",
                industry="retail",
                segment="smb",
                region="emea",
                country="FR",
                currency="USD",
            )
        )
    assert _counts(demo_workspace) != original

    backup = reset_demo(demo_workspace, DEMO_ANCHOR)

    assert _counts(demo_workspace) == original
    with demo_workspace.store.session() as session:
        assert session.scalar(select(Customer).where(Customer.name == "Scratch Customer")) is None
    # The backup is a readable SQLite copy of the modified database.
    assert backup.parent == demo_workspace.backups_dir and backup.is_file()
    with sqlite3.connect(backup) as copy:
        names = {row[0] for row in copy.execute("SELECT name FROM customers")}
    assert "Scratch Customer" in names
    # Blobs nothing refers to are gone, the library's are there; the index will be rebuilt.
    assert not demo_workspace.blob_path(stray_blob).exists()
    with demo_workspace.store.session() as session:
        hashes = list(session.scalars(select(ContentItem.file_hash)))
    assert all(demo_workspace.blob_path(h).is_file() for h in hashes)
    assert not demo_workspace.index_dir.exists()


def test_a_failed_reset_changes_nothing(demo_workspace: Workspace, tmp_path: Path):
    broken = tmp_path / "demo"
    shutil.copytree(DEMO_DIR, broken)
    (broken / "customers.yaml").write_text("customers:\n  - {name: Only, industry: x\n")
    before = _counts(demo_workspace)
    with pytest.raises(DemoDataError):
        load_demo(demo_workspace, DEMO_ANCHOR, replace=True, root=broken)
    assert _counts(demo_workspace) == before
    with demo_workspace.store.session() as session:
        hashes = list(session.scalars(select(ContentItem.file_hash)))
    assert all(demo_workspace.blob_path(h).is_file() for h in hashes)


def _snapshot(ws: Workspace) -> tuple[list[tuple], list[str]]:
    """The demo's content without database ids: quotes with their lines, and library hashes."""
    with ws.store.session() as session:
        quotes = [
            (
                q.number,
                q.status.value,
                q.quote_date,
                q.closed_on,
                q.customer.name,
                q.owner.username,
                tuple((line.product.sku, line.quantity, line.net_amount) for line in q.lines),
            )
            for q in session.scalars(select(Quote).order_by(Quote.number))
        ]
        hashes = sorted(session.scalars(select(ContentItem.file_hash)))
    return quotes, hashes


def test_ensure_demo_loads_an_empty_workspace_the_same_way(
    empty_workspace: Workspace, demo_workspace: Workspace
):
    assert ensure_demo(empty_workspace, DEMO_ANCHOR) is True
    customers, quotes, items = _counts(empty_workspace)
    assert customers == 30 and quotes > 150 and items >= 60
    # Deterministic for a fixed anchor: same deals, same amounts, byte-identical files.
    assert _snapshot(empty_workspace) == _snapshot(demo_workspace)
