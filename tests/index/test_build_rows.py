"""The fast build path makes exactly the index the plain one made.

A full build reads plain rows of the needed columns (not ORM objects) and segments Thai runs
through nlpo3's Rust function directly. These tests check, on the demo library, that each
document is the one an ORM object gives, that segmentation and letter pairs are what the plain
``nlpo3.segment`` per run gives, and that an index built the plain way answers the labelled
relevance queries with the same hits, scores and snippets.
"""

from __future__ import annotations

from pathlib import Path

import nlpo3
import tantivy
import yaml
from sqlalchemy import select

from dealkit.engine.store.models import ContentItem
from dealkit.engine.workspace import Workspace
from dealkit.index import analysis, thai
from dealkit.index.documents import to_document
from dealkit.index.library import LibraryIndex
from tests.helpers.library import LIBRARY_AS_OF

CASES = yaml.safe_load(Path(__file__).with_name("relevance_demo.yaml").read_text("utf-8"))


def plain_segment(text: str) -> str:
    """Thai segmentation as it was written first: nlpo3.segment per run, blanks dropped."""
    text = thai._INVISIBLE_BREAKS.sub("", text)
    return thai.THAI_RUN.sub(
        lambda run: thai.ZWSP.join(
            w for w in nlpo3.segment(run.group(0), "dealkit-th") if w.strip()
        ),
        text,
    )


def plain_letter_pairs(text: str) -> str:
    runs = thai.THAI_RUN.findall(thai._INVISIBLE_BREAKS.sub("", text))
    return f" {thai.GRAM_BREAK} ".join(
        " ".join([r] if len(r) < 2 else [r[i : i + 2] for i in range(len(r) - 1)]) for r in runs
    )


def facts(hits: list) -> list[tuple]:
    return [(-round(h.score, 4), h.item_id, h.snippet_html, h.title_html, h.page) for h in hits]


def above_the_cut(hits: list) -> tuple[list[tuple], int, float | None]:
    """The hits scored above the page's lowest score, the page's length and that score.

    Among documents tied at the lowest score a full page keeps whichever the segments yield
    first, which differs between two indexes of the same documents; above the cut they agree.
    """
    found = sorted(facts(hits))
    cut = found[-1][0] if found else None
    return [f for f in found if f[0] != cut], len(found), cut


def orm_items(workspace: Workspace) -> list[ContentItem]:
    with workspace.store.session() as session:
        statement = select(ContentItem).where(ContentItem.deleted.is_(False))
        return list(session.scalars(statement.order_by(ContentItem.id)))


def test_row_documents_equal_orm_documents(demo_workspace: Workspace) -> None:
    index = LibraryIndex.open(demo_workspace)
    rows = list(index._rows())
    items = orm_items(demo_workspace)
    assert len(rows) == len(items) > 20
    assert any(item.language == "th" for item in items)
    for row, item in zip(rows, items, strict=True):
        assert row.id == item.id
        assert to_document(row).to_dict() == to_document(item).to_dict(), item.title


def test_segmentation_and_letter_pairs_unchanged(demo_workspace: Workspace) -> None:
    thai.segment("ก")  # the dictionary is loaded
    texts = [
        text
        for item in orm_items(demo_workspace)
        for text in (item.title, item.summary or "", item.body or "")
    ]
    texts.append("ข้อความ\u200bมี\u200cตัวแบ่ง ไทยปนEnglish๑๒๓ ฿1,000")
    assert sum(thai.has_thai(t) for t in texts) > 20
    for text in texts:
        assert thai.segment(text) == plain_segment(text)
        assert thai.letter_pairs(text) == plain_letter_pairs(text)


def test_index_built_from_rows_answers_like_one_built_from_orm_objects(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    fast = LibraryIndex.open(demo_workspace)
    fast.rebuild()
    # The plain way, into a second workspace folder's index: ORM objects, one by one.
    plain = LibraryIndex.open(demo_workspace)
    plain.path = tmp_path / "plain-index"
    plain.path.mkdir()
    built = tantivy.Index(plain.schema, str(plain.path))
    analysis.prepare_index(built)
    writer = built.writer(heap_size=50_000_000, num_threads=1)
    for item in orm_items(demo_workspace):
        writer.add_document(to_document(item))
    writer.commit()
    writer.wait_merging_threads()
    built.reload()
    plain._index = built  # searched as it is; no build record, no swap
    plain._ready = lambda: built  # type: ignore[method-assign]
    answered = 0
    for case in CASES:
        options = {
            "facets": case.get("facets"),
            "language": case.get("language"),
            "as_you_type": bool(case.get("as_you_type")),
            "as_of": LIBRARY_AS_OF,
        }
        ours = fast.search(case["query"], **options)
        theirs = plain.search(case["query"], **options)
        answered += bool(ours)
        # Equal scores may come in another order (documents sit in other segments), and a
        # full page may end on another of the documents tied at its lowest score.
        assert above_the_cut(ours) == above_the_cut(theirs), case["query"]
    assert answered > len(CASES) // 2
    fast.close()
