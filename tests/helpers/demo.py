"""Demo workspace fixtures: build the demo once per test session, copy it for each test.

Loading the demo renders every library file, so it is done once (``demo_template``, anchor
2026-11-27) and each test gets its own copy of the folder (database and blobs) through
``demo_workspace``: fast, and no test can see another's changes.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from dealkit.engine.demo import load_demo
from dealkit.engine.workspace import Workspace

DEMO_ANCHOR = date(2026, 11, 27)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the demo workspace at DEMO_ANCHOR; never open it for writing."""
    root = tmp_path_factory.mktemp("demo-template") / "workspace"
    workspace = Workspace.open(root)
    try:
        counts = load_demo(workspace, DEMO_ANCHOR)
        assert counts is not None
        # Fold the WAL into the main file so that a plain copy of the folder is complete.
        with workspace.store.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        workspace.close()
    return root


@pytest.fixture
def demo_workspace(demo_template: Path, tmp_path: Path) -> Iterator[Workspace]:
    """A private copy of the demo workspace (anchor 2026-11-27), opened."""
    root = tmp_path / "demo-workspace"
    shutil.copytree(demo_template, root, ignore=shutil.ignore_patterns("*-wal", "*-shm"))
    workspace = Workspace.open(root)
    yield workspace
    workspace.close()
