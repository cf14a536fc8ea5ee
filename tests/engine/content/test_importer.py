"""Importing real files into a real workspace, and finding them in a real Tantivy index."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from dealkit.engine.content.importer import (
    ContentImportError,
    ImportOptions,
    import_files,
    parse_kind,
)
from dealkit.engine.content.pages import split_pages
from dealkit.engine.store.models import ContentItem, ContentKind, ContentStatus
from dealkit.engine.workspace import Workspace
from dealkit.index.library import LibraryIndex

TODAY = date(2026, 11, 27)


@pytest.fixture
def workspace(tmp_path):
    ws = Workspace.open(tmp_path / "ws")
    yield ws
    ws.close()


def _item(workspace: Workspace, item_id: str) -> ContentItem:
    with workspace.store.session() as session:
        return session.get(ContentItem, item_id)


def test_a_folder_imports_each_file_as_a_draft_with_its_pages(workspace, content_files) -> None:
    content_files.english_pdf()
    content_files.pptx()
    content_files.docx()
    content_files.write(".hidden.md", "# not me")
    results = import_files(workspace, [content_files.root], ImportOptions(products=["SRV-R7"]))
    by_name = {r.path.rsplit("/", 1)[-1]: r for r in results}
    assert sorted(by_name) == ["cloudops-pitch.pptx", "r7-notes.docx", "spine-sizing.pdf"]
    deck = _item(workspace, by_name["cloudops-pitch.pptx"].item_id)
    assert deck.status == ContentStatus.DRAFT and deck.published_on is None
    assert deck.title == "CloudOps pitch" and deck.products == ["SRV-R7"]
    assert len(split_pages(deck.body)) == 3
    pdf = by_name["spine-sizing.pdf"]
    assert pdf.pages > 3 and pdf.problem is None
    blob = workspace.blob_path(pdf.file_hash).read_bytes()
    assert hashlib.sha256(blob).hexdigest() == pdf.file_hash
    assert blob == (content_files.root / "spine-sizing.pdf").read_bytes()


def test_put_blob_file_streams_and_agrees_with_put_blob(workspace, tmp_path) -> None:
    data = bytes(range(256)) * 20_000  # 5 MB, several chunks
    path = tmp_path / "big.bin"
    path.write_bytes(data)
    digest = workspace.put_blob_file(path, chunk_size=1 << 16)
    assert digest == workspace.put_blob(data) == hashlib.sha256(data).hexdigest()
    assert workspace.blob_path(digest).read_bytes() == data
    assert workspace.put_blob_file(path) == digest  # idempotent
    assert not list(workspace.blobs_dir.glob("*.part"))


def test_thai_language_is_guessed_and_published_items_are_searchable(
    workspace, content_files
) -> None:
    options = ImportOptions(kind=ContentKind.TRAINING, publish=True, today=TODAY)
    [result] = import_files(workspace, [content_files.thai_pdf()], options)
    assert result.language == "th" and result.status == "published"
    index = LibraryIndex.open(workspace)
    try:
        index.ensure_built()
        hits = index.search("เซิร์ฟเวอร์", as_of=TODAY)
    finally:
        index.close()
    assert [h.item_id for h in hits] == [result.item_id]


def test_bad_files_are_kept_and_findable_by_title(workspace, content_files) -> None:
    paths = [content_files.encrypted_pdf(), content_files.corrupt_pdf()]
    paths.append(content_files.write("mystery.xyz", b"\x00"))
    options = ImportOptions(publish=True, today=TODAY, products=["NET-SPINE-64"])
    results = import_files(workspace, paths, options)
    assert all(r.problem and r.problem.startswith("text could not be extracted: ") for r in results)
    locked = _item(workspace, results[0].item_id)
    assert locked.title == "locked" and locked.body == ""
    assert locked.summary == results[0].problem
    index = LibraryIndex.open(workspace)
    try:
        index.ensure_built()
        assert [h.item_id for h in index.search("locked", as_of=TODAY)] == [results[0].item_id]
        by_product = index.search("", facets={"product": "NET-SPINE-64"}, as_of=TODAY)
        assert {h.item_id for h in by_product} == {r.item_id for r in results}
    finally:
        index.close()


def test_a_hit_opens_at_the_page_of_its_match(workspace, content_files) -> None:
    options = ImportOptions(publish=True, today=TODAY)
    [pdf] = import_files(workspace, [content_files.english_pdf()], options)
    [deck] = import_files(workspace, [content_files.pptx()], options)
    index = LibraryIndex.open(workspace)
    try:
        index.ensure_built()
        [hit] = index.search("zanzibarite", as_of=TODAY)
        [slide] = index.search("Kestrel", as_of=TODAY)
        [title_only] = index.search("sizing guide", facets={"kind": "collateral"}, as_of=TODAY)
    finally:
        index.close()
    assert hit.item_id == pdf.item_id and hit.page == pdf.pages
    assert "<b>zanzibarite</b>" in hit.snippet_html and "\f" not in hit.snippet_html
    assert slide.item_id == deck.item_id and slide.page == 3
    assert title_only.page == 1  # "sizing" is first written on the first page
    assert hit.to_json()["page"] == pdf.pages


def test_missing_paths_and_unknown_kinds_are_refused_with_the_fix(workspace, tmp_path) -> None:
    with pytest.raises(ContentImportError, match=r"nowhere\.pdf: no such file or folder"):
        import_files(workspace, [tmp_path / "nowhere.pdf"], ImportOptions())
    with pytest.raises(ContentImportError, match="use one of training, collateral"):
        parse_kind("brochurez")
    assert parse_kind("case-study") is ContentKind.CUSTOMER_STORY
    assert parse_kind("Battlecard") is ContentKind.BATTLECARD


def test_the_same_file_imported_twice_is_not_doubled(workspace, content_files) -> None:
    deck = content_files.pptx()
    [first] = import_files(workspace, [deck], ImportOptions())
    copy = content_files.write("copy-of-pitch.pptx", deck.read_bytes())
    [again] = import_files(workspace, [copy], ImportOptions(title="Other title"))
    assert first.duplicate_of is None
    assert again.duplicate_of == again.item_id == first.item_id
    assert again.title == "CloudOps pitch" and again.pages == 3
    with workspace.store.session() as session:
        assert session.query(ContentItem).count() == 1
