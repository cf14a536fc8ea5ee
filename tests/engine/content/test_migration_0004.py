"""0004 adds the library engagement tables to an older workspace and keeps its library items;
going back down to 0003 removes them again and still keeps the items."""

import sqlite3

from alembic import command
from sqlalchemy import create_engine, inspect, select

from dealkit.engine.store.database import alembic_config, open_sqlite_store
from dealkit.engine.store.models import ContentItem

ENGAGEMENT = {"content_versions", "content_views", "content_quizzes", "quiz_attempts"}


def _migrate(path, revision: str, down: bool = False) -> None:
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)
    engine.dispose()


def test_a_0003_workspace_gets_the_engagement_tables_and_keeps_its_items(tmp_path):
    path = tmp_path / "dealkit.db"
    _migrate(path, "0003_commission_disputes")
    raw = sqlite3.connect(path)
    raw.execute(
        "insert into content_items (id, title, kind, language, summary, body, products,"
        " competitors, industries, regions, version, status, created_at, updated_at, deleted)"
        " values ('c1', 'Spine 64 datasheet', 'collateral', 'en', '', 'text', '[]', '[]', '[]',"
        " '[]', 3, 'published', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 0)"
    )
    raw.commit()
    raw.close()

    _migrate(path, "0004_library_engagement")
    tables = set(inspect(create_engine(f"sqlite:///{path}")).get_table_names())
    assert tables >= ENGAGEMENT
    store = open_sqlite_store(path, tmp_path / "backups")  # and on to the head
    try:
        with store.session() as session:
            item = session.scalars(select(ContentItem)).one()
            assert (item.title, item.version, item.revises_id) == ("Spine 64 datasheet", 3, None)
    finally:
        store.close()

    _migrate(path, "0003_commission_disputes", down=True)
    engine = create_engine(f"sqlite:///{path}")
    assert not ENGAGEMENT & set(inspect(engine).get_table_names())
    columns = {c["name"] for c in inspect(engine).get_columns("content_items")}
    assert "revises_id" not in columns
    with engine.connect() as conn:
        assert conn.exec_driver_sql("select title from content_items").scalar() == (
            "Spine 64 datasheet"
        )
    engine.dispose()
