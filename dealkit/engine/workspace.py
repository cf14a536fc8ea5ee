"""A workspace: the folder that holds one person's local Dealkit data.

Layout::

    DIR/dealkit.db     the SQLite store (WAL mode)
    DIR/backups/       copies made before migrations and before ``demo reset``
    DIR/blobs/         content-addressed files (library documents, proposals): blobs/ab/abcdef...
    DIR/index/         the Tantivy search index (rebuilt from the store when missing or damaged)

The default folder is the platform's user data folder (platformdirs); ``--workspace DIR`` or the
``DEALKIT_WORKSPACE`` environment variable points elsewhere.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_path
from sqlalchemy import select

from dealkit.engine.store.database import Store, open_sqlite_store
from dealkit.engine.store.errors import WorkspaceError
from dealkit.engine.store.models import WorkspaceInfo

DB_NAME = "dealkit.db"


def default_workspace_dir() -> Path:
    env = os.environ.get("DEALKIT_WORKSPACE")
    if env:
        return Path(env).expanduser()
    return user_data_path("Dealkit", appauthor=False) / "workspace"


@dataclass
class Workspace:
    root: Path
    store: Store = field(repr=False)

    @classmethod
    def open(cls, root: Path | None = None) -> Workspace:
        """Open (and create or migrate) the workspace at ``root``, or the default one."""
        root = Path(root) if root is not None else default_workspace_dir()
        if root.exists() and not root.is_dir():
            raise WorkspaceError(
                f"{root} is a file, not a folder: give --workspace a folder (it is created if "
                "missing)"
            )
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise WorkspaceError(
                f"cannot create the workspace folder {root} ({error.strerror}): pick a folder "
                "you can write to with --workspace DIR"
            ) from None
        store = open_sqlite_store(root / DB_NAME, root / "backups")
        return cls(root, store)

    @property
    def db_path(self) -> Path:
        return self.root / DB_NAME

    @property
    def blobs_dir(self) -> Path:
        return self.root / "blobs"

    @property
    def index_dir(self) -> Path:
        return self.root / "index"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    def close(self) -> None:
        self.store.close()

    # blobs ------------------------------------------------------------------------------------

    def blob_path(self, sha256: str) -> Path:
        return self.blobs_dir / sha256[:2] / sha256

    def put_blob(self, data: bytes) -> str:
        """Store ``data`` under its SHA-256 and return the hash (idempotent)."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.blob_path(digest)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(".part")
            tmp.write_bytes(data)
            tmp.replace(target)
        return digest

    def put_blob_file(self, path: Path, chunk_size: int = 1 << 20) -> str:
        """Store the file at ``path`` under its SHA-256 and return the hash (idempotent).

        Unlike ``put_blob`` the file is streamed (hashed and copied a chunk at a time), so an
        imported video or a large PDF never has to fit in memory.
        """
        self.blobs_dir.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        tmp = self.blobs_dir / f"import-{uuid.uuid4().hex}.part"  # unique per call and thread
        try:
            with Path(path).open("rb") as source, tmp.open("wb") as target:
                while chunk := source.read(chunk_size):
                    digest.update(chunk)
                    target.write(chunk)
            final = self.blob_path(digest.hexdigest())
            if not final.exists():
                final.parent.mkdir(parents=True, exist_ok=True)
                tmp.replace(final)
        finally:
            tmp.unlink(missing_ok=True)
        return digest.hexdigest()

    def clear_derived(self) -> None:
        """Remove what can be rebuilt from the store (the search index)."""
        shutil.rmtree(self.index_dir, ignore_errors=True)

    # facts ------------------------------------------------------------------------------------

    def info(self, key: str) -> str | None:
        with self.store.session() as session:
            row = session.get(WorkspaceInfo, key)
            return row.value if row else None

    def set_info(self, key: str, value: str) -> None:
        with self.store.session() as session, session.begin():
            session.merge(WorkspaceInfo(key=key, value=value))

    def all_info(self) -> dict[str, str]:
        with self.store.session() as session:
            return {r.key: r.value for r in session.scalars(select(WorkspaceInfo))}
