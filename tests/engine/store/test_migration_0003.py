"""0003 adds the commission tables to a workspace made by an older Dealkit, keeping its rows."""

import sqlite3

from alembic import command
from sqlalchemy import create_engine, inspect, select

from dealkit.engine.store.database import alembic_config, head_revision, open_sqlite_store
from dealkit.engine.store.models import User


def test_a_0002_workspace_gets_the_commission_tables_and_keeps_its_users(tmp_path):
    path = tmp_path / "dealkit.db"
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002_quote_pricing_inputs")
    engine.dispose()
    raw = sqlite3.connect(path)
    raw.execute(
        "insert into users (id, username, display_name, email, locale, created_at, updated_at,"
        " deleted) values ('u1', 'alex', 'Alex Morgan', 'a@x', 'en_US', '2026-01-01 00:00:00',"
        " '2026-01-01 00:00:00', 0)"
    )
    raw.commit()
    raw.close()

    store = open_sqlite_store(path, tmp_path / "backups")
    try:
        assert store.backup_path is not None and store.backup_path.exists()
        tables = set(inspect(store.engine).get_table_names())
        assert {
            "commission_periods",
            "commission_disputes",
            "commission_dispute_messages",
        } <= tables
        with store.engine.connect() as conn:
            version = conn.exec_driver_sql("select version_num from alembic_version").scalar()
        assert version == head_revision()
        with store.session() as session:
            assert session.scalar(select(User.username)) == "alex"
    finally:
        store.close()
