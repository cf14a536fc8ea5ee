"""The labelled relevance set (relevance_demo.yaml) over the demo workspace's library."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

from dealkit.engine.store.models import ContentItem
from dealkit.engine.workspace import Workspace
from dealkit.index.library import LibraryIndex
from tests.helpers.demo import DEMO_ANCHOR

CASES = yaml.safe_load(Path(__file__).with_name("relevance_demo.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def demo_library(demo_template: Path, tmp_path_factory: pytest.TempPathFactory):
    """The demo's library index, built once for this module over a copy of the demo."""
    root = tmp_path_factory.mktemp("demo-library") / "workspace"
    shutil.copytree(demo_template, root, ignore=shutil.ignore_patterns("*-wal", "*-shm"))
    workspace = Workspace.open(root)
    index = LibraryIndex.open(workspace)
    index.ensure_built()
    yield index
    index.close()
    workspace.close()


def test_every_demo_item_is_indexed(demo_library: LibraryIndex) -> None:
    with demo_library.workspace.store.session() as session:
        count = session.scalar(select(func.count()).select_from(ContentItem))
    assert demo_library.stats()["items"] == count >= 60


@pytest.mark.parametrize("case", CASES, ids=[c["query"] for c in CASES])
def test_relevance(demo_library: LibraryIndex, case: dict) -> None:
    hits = demo_library.search(
        case["query"],
        facets=case.get("facets"),
        language=case.get("language"),
        as_you_type=case.get("as_you_type", False),
        as_of=DEMO_ANCHOR,
    )
    titles = [hit.title for hit in hits]
    for wanted in case.get("top3", []):
        assert wanted in titles[:3], f"{wanted!r} not in the top 3 of {case['query']!r}: {titles}"
    for unwanted in case.get("absent", []):
        assert unwanted not in titles
    if "all_kind" in case:
        assert hits and {hit.kind for hit in hits[:3]} == {case["all_kind"]}


def test_expired_demo_items_come_back_when_asked(demo_library: LibraryIndex) -> None:
    hits = demo_library.search("HCI Contoso", include_hidden=True, as_of=DEMO_ANCHOR)
    reasons = {hit.title: hit.hidden_reason for hit in hits}
    assert reasons["Battlecard: HCI appliance vs Contoso Compute HCI"] == "expired"


def test_demo_facet_counts(demo_library: LibraryIndex) -> None:
    counts = demo_library.facet_counts(as_of=DEMO_ANCHOR)
    assert counts["language"]["th"] >= 10
    assert {"Contoso Compute", "Fabrikam Networks"} <= set(counts["competitor"])
