"""Open the local store: check the file, back it up, migrate it, and hand out sessions.

Opening never overwrites a database it does not understand: a corrupt file or one written by a
newer Dealkit raises a ``WorkspaceError`` naming the file and the way out, and the file is left
exactly as it was. Before any migration the file is copied with SQLite's online backup API.

Alembic is imported only when the schema is not at ``SCHEMA_HEAD`` (a test keeps that constant
equal to the migrations' head): an up-to-date workspace opens without paying for it, which
matters for the window's cold start.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from dealkit.engine.store.errors import (
    WorkspaceCorruptError,
    WorkspaceError,
    WorkspaceTooNewError,
)

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_MAGIC = b"SQLite format 3\x00"
# The newest migration in migrations/versions (tests/engine/store checks they agree). Revision
# ids stay within 32 characters: alembic_version.version_num is VARCHAR(32) on PostgreSQL.
SCHEMA_HEAD = "0008_blob_hash_indexes"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The head revision as Alembic finds it in the migrations folder (slow: reads them all)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations folder has no head revision"
    return head


@dataclass
class Store:
    """An open database: the engine and a session factory."""

    engine: Engine
    sessions: sessionmaker[Session]
    backup_path: Path | None = None  # the copy made before this open migrated the file

    def session(self) -> Session:
        return self.sessions()

    def reader(self) -> Connection:
        """A connection for a request that only reads, outside any transaction: no ``BEGIN``
        and ``ROLLBACK`` round trips (on PostgreSQL, two of the five of an up-to-date pull).
        Each statement sees what was committed when it started, as in PostgreSQL's default
        READ COMMITTED transaction: all the change feed's reader relies on (a row at or below
        the counter it read first is committed, docs/sync-protocol.md)."""
        return self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def refresh_statistics(store: Store) -> None:
    """Give the query planner fresh statistics (``ANALYZE``), e.g. when a server starts.

    Without them SQLite guesses, and for a rep's "quotes changed after N" it walked every
    quote the rep owns (the ``owner_id`` index) instead of the few past N (the ``server_seq``
    index): 1.7 ms instead of 0.4 ms at 5,000 quotes, growing with the rep's history. SQLite
    samples at most 1,000 rows per index (``analysis_limit``), so this stays quick on a large
    database; PostgreSQL samples on its own terms (autovacuum keeps it fresh afterwards).
    """
    with store.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA analysis_limit=1000")
        conn.exec_driver_sql("ANALYZE")


def _check_sqlite_file(path: Path) -> None:
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    if header != SQLITE_MAGIC:
        raise WorkspaceCorruptError(
            f"{path} is not a Dealkit database (it is not an SQLite file). Nothing was changed. "
            f"Move it aside, or open another folder with --workspace DIR."
        )
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise WorkspaceCorruptError(
            f"{path} is damaged ({error}). Nothing was changed. Restore a backup from "
            f"{path.parent / 'backups'}, or move the file aside to start afresh."
        ) from None
    if verdict != "ok":
        raise WorkspaceCorruptError(
            f"{path} is damaged (integrity check: {verdict}). Nothing was changed. Restore a "
            f"backup from {path.parent / 'backups'}, or move the file aside to start afresh."
        )


def _current_revision(engine: Engine) -> str | None:
    """The schema revision recorded in the database (None: an empty or pre-Alembic database)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        versions = connection.execute(text("SELECT version_num FROM alembic_version")).scalars()
        return next(iter(versions), None)


def backup_database(path: Path, backups: Path, label: str) -> Path:
    """Copy the database with SQLite's backup API (safe with WAL) and return the copy's path."""
    backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().astimezone().strftime("%Y%m%d-%H%M%S-%f")
    target = backups / f"{path.stem}-{label}-{stamp}{path.suffix}"
    with sqlite3.connect(path) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return target


POOL_DEFAULTS = {"pool_size": 5, "max_overflow": 10}  # SQLAlchemy's own: enough for a laptop
# The server's: its worker threads (40 by default) each hold a connection while they answer;
# a connection beyond the pool is opened and closed per request and loses its prepared
# statements (a pull then cost 1.5 ms more under 200 syncing laptops).
SERVER_POOL = {"pool_size": 20, "max_overflow": 20}


def open_sqlite_store(
    path: Path, backups: Path | None = None, *, pool: dict[str, int] | None = None
) -> Store:
    """Open (creating or migrating as needed) the SQLite database at ``path``.

    ``pool``: the connection pool's ``pool_size`` and ``max_overflow`` (a server answers from
    many threads at once and keeps its connections, with their prepared statements).
    """
    path = Path(path)
    backups = backups or path.parent / "backups"
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        _check_sqlite_file(path)
    engine = create_engine(f"sqlite:///{path}", **(pool or POOL_DEFAULTS))
    event.listen(engine, "connect", _sqlite_pragmas)
    try:
        backup = migrate(engine, path if existed else None, backups)
    except Exception:
        engine.dispose()
        raise
    return Store(engine, sessionmaker(engine, expire_on_commit=False), backup)


def open_store_url(url: str, *, pool: dict[str, int] | None = None) -> Store:
    """Open a database by URL (the server's PostgreSQL, for instance) and migrate it."""
    engine = create_engine(url, pool_pre_ping=True, **(pool or POOL_DEFAULTS))
    migrate(engine, None, None)
    return Store(engine, sessionmaker(engine, expire_on_commit=False))


def migrate(engine: Engine, sqlite_path: Path | None, backups: Path | None) -> Path | None:
    """Bring the schema to head; back up an existing SQLite file first. Returns the backup."""
    try:
        current = _current_revision(engine)
    except Exception as error:  # a damaged or foreign database
        raise WorkspaceCorruptError(f"cannot read the database: {error}") from None
    if current == SCHEMA_HEAD:
        return None
    from alembic import command
    from alembic.script import ScriptDirectory

    head = head_revision()
    script = ScriptDirectory.from_config(alembic_config())
    if current is not None:
        try:
            script.get_revision(current)
        except Exception:
            where = f"{sqlite_path}" if sqlite_path else "the database"
            raise WorkspaceTooNewError(
                f"{where} was written by a newer Dealkit (schema {current}; this Dealkit knows "
                f"up to {head}). Nothing was changed. Update Dealkit, or open another folder "
                f"with --workspace DIR."
            ) from None
    backup = None
    if sqlite_path is not None and backups is not None:
        backup = backup_database(sqlite_path, backups, f"before-{head[:8]}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        try:
            command.upgrade(config, "head")
        except Exception as error:
            raise WorkspaceError(
                f"migrating the database failed ({error}); it was rolled back"
                + (f" and a copy is at {backup}" if backup else "")
            ) from error
    return backup
