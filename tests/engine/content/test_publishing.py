"""Trainer publishing on a real workspace and a real Tantivy index: draft -> published (new
versions keep the old text in the history) -> archived, with the index updated each time."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from dealkit.engine.content.importer import ImportOptions, import_files
from dealkit.engine.content.publishing import (
    ItemEdits,
    PublishError,
    archive,
    history,
    import_revision,
    publish,
    save_draft,
)
from dealkit.engine.store.models import ContentItem, ContentStatus, Role, User, UserRole
from dealkit.engine.workspace import Workspace
from dealkit.index.library import LibraryIndex

TODAY = date(2026, 11, 27)


@pytest.fixture
def people(empty_workspace: Workspace) -> dict[str, str]:
    with empty_workspace.store.session() as s, s.begin():
        maria = User(username="maria", display_name="Maria Lopez", email="m@example.com")
        alex = User(username="alex", display_name="Alex Morgan", email="a@example.com")
        s.add_all([maria, alex])
        s.flush()
        s.add(UserRole(user_id=maria.id, role=Role.TRAINER))
        s.add(UserRole(user_id=alex.id, role=Role.REP))
        ids = {"maria": maria.id, "alex": alex.id}
    empty_workspace.set_info("current_user_id", ids["maria"])
    return ids


def _reindex(workspace: Workspace, index: LibraryIndex, ids: list[str]) -> None:
    """What the window and the command line do after each step."""
    with workspace.store.session() as session:
        for item_id in ids:
            index.update_item(session.get(ContentItem, item_id))


def _titles(index: LibraryIndex, text: str, **kwargs) -> list[str]:
    return [hit.title for hit in index.search(text, as_of=TODAY, **kwargs)]


def test_a_markdown_draft_is_hidden_until_published_then_archived(
    empty_workspace: Workspace, people, content_files
) -> None:
    path = content_files.write(
        "quote-desk.md", "# Quote desk hours\n\nThe quote desk answers within four hours."
    )
    [imported] = import_files(empty_workspace, [path], ImportOptions())
    index = LibraryIndex.open(empty_workspace)
    index.ensure_built()
    assert _titles(index, "quote desk") == []  # a draft is not for reps yet

    with empty_workspace.store.session() as s, s.begin():
        result = save_draft(
            s,
            imported.item_id,
            ItemEdits(title="Quote desk: hours and answers", kind="training", regions=["apac"]),
            people["maria"],
        )
    _reindex(empty_workspace, index, result.changed)
    assert result.status == "draft" and result.version == 1

    with empty_workspace.store.session() as s, s.begin():
        result = publish(s, imported.item_id, TODAY, people["maria"])
    _reindex(empty_workspace, index, result.changed)
    assert (result.status, result.version, result.published_on) == ("published", 1, TODAY)
    assert _titles(index, "quote desk") == ["Quote desk: hours and answers"]

    with empty_workspace.store.session() as s, s.begin():
        result = archive(s, imported.item_id, people["maria"])
    _reindex(empty_workspace, index, result.changed)
    assert _titles(index, "quote desk") == []
    assert _titles(index, "quote desk", include_hidden=True) == ["Quote desk: hours and answers"]
    index.close()


def test_a_revision_pdf_makes_version_2_searchable_and_keeps_version_1_text(
    empty_workspace: Workspace, people, content_files
) -> None:
    first = content_files.write("r7.md", "# R7 pricing\n\nThe R7 ships with quartzite bezels.")
    [imported] = import_files(
        empty_workspace, [first], ImportOptions(publish=True, today=TODAY - timedelta(days=30))
    )
    index = LibraryIndex.open(empty_workspace)
    index.ensure_built()
    assert _titles(index, "quartzite") == ["R7 pricing"]

    new_pdf = content_files.english_pdf("r7-v2.pdf")  # a real PDF with "zanzibarite" in it
    revision = import_revision(empty_workspace, imported.item_id, new_pdf, people["maria"])
    _reindex(empty_workspace, index, revision.changed)
    assert _titles(index, "zanzibarite") == []  # the revision is a draft: reps still read v1
    assert _titles(index, "quartzite") == ["R7 pricing"]

    with empty_workspace.store.session() as s, s.begin():
        result = publish(s, revision.item_id, TODAY, people["maria"])
    assert result.item_id == imported.item_id and result.version == 2
    assert result.changed == [imported.item_id, revision.item_id]
    _reindex(empty_workspace, index, result.changed)
    assert _titles(index, "zanzibarite") == ["R7 pricing"]
    assert _titles(index, "quartzite") == []
    hits = index.search("zanzibarite", as_of=TODAY)
    assert hits[0].item_id == imported.item_id and hits[0].page and hits[0].page > 1

    with empty_workspace.store.session() as s:
        [old] = history(s, imported.item_id)
        assert old.version == 1 and "quartzite" in old.body and old.replaced_on == TODAY
        assert old.replaced_by_id == people["maria"]
        live = s.get(ContentItem, imported.item_id)
        assert live.version == 2 and live.file_name == "r7-v2.pdf"
        assert s.get(ContentItem, revision.item_id).deleted  # the draft row is gone
    index.close()


def test_publishing_again_bumps_the_version(empty_workspace: Workspace, people, content_files):
    path = content_files.write("a.md", "# Edge SPIF\n\nPays 2% on Secure Edge.")
    [imported] = import_files(empty_workspace, [path], ImportOptions())
    with empty_workspace.store.session() as s, s.begin():
        assert publish(s, imported.item_id, TODAY - timedelta(days=3)).version == 1
        again = publish(s, imported.item_id, TODAY, edits=ItemEdits(summary="Now 3%"))
    assert (again.version, again.published_on) == (2, TODAY)
    with empty_workspace.store.session() as s:
        assert [v.version for v in history(s, imported.item_id)] == [1]


def test_a_rep_cannot_publish_and_nothing_is_changed(
    empty_workspace: Workspace, people, content_files
) -> None:
    path = content_files.write("a.md", "# Draft\n\ntext")
    [imported] = import_files(empty_workspace, [path], ImportOptions())
    with (
        pytest.raises(PublishError, match="Alex Morgan cannot publish: it needs the trainer role"),
        empty_workspace.store.session() as s,
        s.begin(),
    ):
        publish(s, imported.item_id, TODAY, people["alex"], ItemEdits(title="Changed"))
    with empty_workspace.store.session() as s:
        item = s.get(ContentItem, imported.item_id)
        assert (item.status, item.title) == (ContentStatus.DRAFT, "Draft")


def test_bad_edits_are_refused_whole(empty_workspace: Workspace, people, content_files) -> None:
    path = content_files.write("a.md", "# Draft\n\ntext")
    [imported] = import_files(empty_workspace, [path], ImportOptions())
    bad = [
        (ItemEdits(title="New title", language="fr"), "language 'fr' is not supported"),
        (ItemEdits(title="   "), "the title is empty"),
        (ItemEdits(kind="poster"), "unknown content type 'poster'"),
    ]
    for edits, message in bad:
        with (
            pytest.raises(PublishError, match=message),
            empty_workspace.store.session() as s,
            s.begin(),
        ):
            save_draft(s, imported.item_id, edits, people["maria"])
    with pytest.raises(PublishError, match="already past"), empty_workspace.store.session() as s:
        publish(s, imported.item_id, TODAY, edits=ItemEdits(review_by=TODAY - timedelta(days=1)))
    with empty_workspace.store.session() as s:
        item = s.get(ContentItem, imported.item_id)
        assert (item.title, item.language, item.status) == ("Draft", "en", ContentStatus.DRAFT)
    with empty_workspace.store.session() as s, s.begin():
        archive(s, imported.item_id)
    with (
        pytest.raises(PublishError, match="already archived"),
        empty_workspace.store.session() as s,
    ):
        archive(s, imported.item_id)
    with (
        pytest.raises(PublishError, match="no library item 'nope'"),
        empty_workspace.store.session() as s,
    ):
        publish(s, "nope", TODAY)
