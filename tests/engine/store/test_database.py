import sqlite3

import pytest
from sqlalchemy import select

from dealkit.engine.store.database import head_revision, open_sqlite_store
from dealkit.engine.store.errors import WorkspaceCorruptError, WorkspaceTooNewError
from dealkit.engine.store.models import Product, ProductFamily, ProductKind, Quote
from dealkit.engine.workspace import Workspace


def test_a_new_workspace_is_migrated_to_head_in_wal_mode(empty_workspace: Workspace):
    with empty_workspace.store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert version == head_revision()


def test_sync_metadata_is_filled_in_and_decimals_stay_exact(empty_workspace: Workspace):
    with empty_workspace.store.session() as session, session.begin():
        family = ProductFamily(code="srv", name="Servers")
        session.add(family)
        session.flush()
        session.add(Product(sku="X1", name="X", family_id=family.id, kind=ProductKind.HARDWARE))
    with empty_workspace.store.session() as session:
        product = session.scalars(select(Product)).one()
        assert len(product.id) == 36 and product.id[14] == "7"  # UUID version 7
        assert product.created_at.tzinfo is not None
        assert product.deleted is False and product.server_seq is None
    raw = sqlite3.connect(empty_workspace.db_path)
    assert raw.execute("select typeof(created_at) from products").fetchone() == ("text",)
    raw.close()


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "dealkit.db"
    path.write_bytes(b"this is a spreadsheet, not a database")
    with pytest.raises(WorkspaceCorruptError, match="not an SQLite file"):
        open_sqlite_store(path)
    assert path.read_bytes() == b"this is a spreadsheet, not a database"


def test_a_damaged_sqlite_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "dealkit.db"
    store = open_sqlite_store(path)
    store.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the first page after the header
    path.write_bytes(bytes(data))
    with pytest.raises(WorkspaceCorruptError):
        open_sqlite_store(path)
    assert path.read_bytes() == bytes(data)


def test_a_database_from_a_newer_dealkit_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "dealkit.db"
    open_sqlite_store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = path.read_bytes()
    with pytest.raises(WorkspaceTooNewError, match="newer Dealkit"):
        open_sqlite_store(path)
    assert path.read_bytes() == before


def test_an_older_database_is_backed_up_before_it_is_migrated(tmp_path):
    path = tmp_path / "dealkit.db"
    open_sqlite_store(path).close()
    with sqlite3.connect(path) as conn:  # pretend it predates the first migration
        for (name,) in conn.execute(
            "select name from sqlite_master where type='table' and name != 'alembic_version'"
        ).fetchall():
            conn.execute(f"drop table {name}")
        conn.execute("delete from alembic_version")
    store = open_sqlite_store(path, tmp_path / "backups")
    assert store.backup_path is not None and store.backup_path.exists()
    with sqlite3.connect(store.backup_path) as conn:
        assert conn.execute("select count(*) from alembic_version").fetchone() == (0,)
    store.close()


def test_a_workspace_with_data_migrates_from_the_first_schema_and_keeps_it(tmp_path):
    from alembic import command
    from sqlalchemy import create_engine

    from dealkit.engine.store.database import alembic_config

    path = tmp_path / "dealkit.db"
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001_initial")
        connection.exec_driver_sql(
            "INSERT INTO users (id, username, display_name, email, locale, created_at, "
            "updated_at, deleted) VALUES ('u1', 'alex', 'Alex', 'a@x', 'en_US', "
            "'2026-01-01 00:00:00', '2026-01-01 00:00:00', 0)"
        )
        connection.exec_driver_sql(
            "INSERT INTO customers (id, name, industry, segment, region, country, currency, "
            "is_new_logo, created_at, updated_at, deleted) VALUES ('c1', 'Acme', 'retail', "
            "'smb', 'apac', 'TH', 'THB', 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 0)"
        )
        connection.exec_driver_sql(
            "INSERT INTO quotes (id, number, version, name, customer_id, owner_id, currency, "
            "status, quote_date, notes, competitors, created_at, updated_at, deleted) VALUES "
            "('q1', 'Q-1', 1, 'Q', 'c1', 'u1', 'THB', 'draft', '2026-01-02', '', '[]', "
            "'2026-01-01 00:00:00', '2026-01-01 00:00:00', 0)"
        )
    engine.dispose()

    store = open_sqlite_store(path, tmp_path / "backups")
    try:
        assert store.backup_path is not None
        with store.session() as session:
            quote = session.get(Quote, "q1")
            assert quote.pricing_inputs == {} and quote.customer.name == "Acme"
    finally:
        store.close()


def test_the_schema_head_constant_matches_the_migrations_folder():
    from dealkit.engine.store.database import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD


def test_every_revision_id_fits_postgresql_alembic_version_column():
    from alembic.script import ScriptDirectory

    from dealkit.engine.store.database import alembic_config

    revisions = list(ScriptDirectory.from_config(alembic_config()).walk_revisions())
    assert revisions and all(len(r.revision) <= 32 for r in revisions)
