"""Workspace fixtures: an empty workspace per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dealkit.engine.workspace import Workspace


@pytest.fixture
def empty_workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A freshly created, migrated, empty workspace in a temporary folder."""
    workspace = Workspace.open(tmp_path / "workspace")
    yield workspace
    workspace.close()
