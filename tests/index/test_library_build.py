"""Keeping the index current: builds, catch-up, incremental updates, damage, concurrency."""

from __future__ import annotations

import gc
import shutil
import threading
import time
from datetime import date

import pytest
from sqlalchemy import select

from dealkit.engine.store.models import ContentItem, ContentKind, ContentStatus
from dealkit.engine.workspace import Workspace
from dealkit.index.library import IndexBusyError, LibraryIndex
from tests.helpers.library import LIBRARY_AS_OF, LibraryItems


def titles(index: LibraryIndex, text: str, **options: object) -> list[str]:
    options.setdefault("as_of", LIBRARY_AS_OF)
    return [hit.title for hit in index.search(text, **options)]


def new_item(**fields: object) -> ContentItem:
    fields.setdefault("kind", ContentKind.TRAINING)
    fields.setdefault("language", "en")
    fields.setdefault("published_on", date(2026, 10, 1))
    return ContentItem(**fields)


def save(workspace: Workspace, item: ContentItem) -> ContentItem:
    with workspace.store.session() as session, session.begin():
        merged = session.merge(item)
    return merged


def load(workspace: Workspace, item_id: str) -> ContentItem:
    with workspace.store.session() as session:
        return session.get(ContentItem, item_id)


# ensure_built ---------------------------------------------------------------------------------


def test_first_build_then_nothing_to_do(empty_workspace: Workspace, library_items) -> None:
    index = LibraryIndex.open(empty_workspace)
    progress: list[tuple[int, int]] = []
    first = index.ensure_built(progress=lambda done, total: progress.append((done, total)))
    assert (first.action, first.items) == ("rebuilt", 11)
    assert progress[-1] == (11, 11)
    again = index.ensure_built()
    assert (again.action, again.changed) == ("none", 0)
    assert LibraryIndex.open(empty_workspace).ensure_built().action == "none"


def test_catches_up_on_rows_changed_behind_its_back(
    empty_workspace: Workspace, library_index: LibraryIndex, library_items: LibraryItems
) -> None:
    """Sync or another window may change rows without telling this index."""
    save(empty_workspace, new_item(title="Quantum rack cooling primer"))
    with empty_workspace.store.session() as session, session.begin():
        archived = session.get(ContentItem, library_items["r7_datasheet"])
        archived.status = ContentStatus.ARCHIVED
        gone = session.get(ContentItem, library_items["guardrail_body"])
        gone.deleted = True  # a tombstone from sync
    report = LibraryIndex.open(empty_workspace).ensure_built()
    # Three rows changed; rows stamped exactly at the last watermark are re-read as well.
    assert report.action == "caught_up" and report.changed >= 3 and report.items == 11
    assert titles(library_index, "quantum") == ["Quantum rack cooling primer"]
    assert titles(library_index, "datasheet") == []
    assert titles(library_index, "guardrail") == ["Guardrail checklist for discount approvals"]


def test_hard_deleted_rows_force_a_rebuild(
    empty_workspace: Workspace, library_index: LibraryIndex, library_items: LibraryItems
) -> None:
    with empty_workspace.store.session() as session, session.begin():
        session.delete(session.get(ContentItem, library_items["r7_datasheet"]))
    report = library_index.ensure_built()
    assert report.action == "rebuilt" and report.items == 10
    assert titles(library_index, "datasheet") == []


# incremental updates --------------------------------------------------------------------------


def test_new_item_is_searchable_at_once(empty_workspace, library_index: LibraryIndex) -> None:
    item = save(empty_workspace, new_item(title="Edge firewall sizing", body="Throughput tiers."))
    library_index.update_item(item)
    assert titles(library_index, "throughput") == ["Edge firewall sizing"]


def test_changed_item_replaces_the_old_version(
    empty_workspace, library_index: LibraryIndex, library_items: LibraryItems
) -> None:
    item = load(empty_workspace, library_items["r7_datasheet"])
    item.title = "Northwind R7 Rack Server spec sheet"
    item = save(empty_workspace, item)
    library_index.update_item(item)
    assert titles(library_index, "datasheet") == []
    assert titles(library_index, "spec sheet") == ["Northwind R7 Rack Server spec sheet"]
    assert library_index.stats()["items"] == 11


def test_archiving_hides_and_tombstone_removes(
    empty_workspace, library_index: LibraryIndex, library_items: LibraryItems
) -> None:
    item = load(empty_workspace, library_items["r7_datasheet"])
    item.status = ContentStatus.ARCHIVED
    library_index.update_item(save(empty_workspace, item))
    assert titles(library_index, "datasheet") == []
    assert titles(library_index, "datasheet", include_hidden=True) == [item.title]
    item.deleted = True
    library_index.update_item(save(empty_workspace, item))
    assert titles(library_index, "datasheet", include_hidden=True) == []


def test_remove_item(library_index: LibraryIndex, library_items: LibraryItems) -> None:
    library_index.remove_item(library_items["spine_battlecard"])
    assert "Spine 64 vs Contoso Fabric: battlecard" not in titles(library_index, "spine")
    assert library_index.stats()["items"] == 10


# missing or damaged index ---------------------------------------------------------------------


def test_rebuilt_when_the_index_folder_is_deleted(empty_workspace, library_index) -> None:
    assert titles(library_index, "telemetry")
    shutil.rmtree(empty_workspace.index_dir)
    # The same object, still holding the old index, notices the folder went away.
    assert titles(library_index, "telemetry") == ["Spine 64 vs Contoso Fabric: battlecard"]
    assert (empty_workspace.index_dir / "library").is_dir()
    fresh = LibraryIndex.open(empty_workspace)
    assert fresh.ensure_built().action == "none"


def test_rebuilt_when_workspace_clears_derived_data(empty_workspace, library_items) -> None:
    LibraryIndex.open(empty_workspace).ensure_built()
    empty_workspace.clear_derived()
    index = LibraryIndex.open(empty_workspace)
    assert titles(index, "telemetry") == ["Spine 64 vs Contoso Fabric: battlecard"]


def test_rebuilt_when_meta_is_garbage(empty_workspace, library_index: LibraryIndex) -> None:
    (empty_workspace.index_dir / "library" / "meta.json").write_text("{ not json")
    fresh = LibraryIndex.open(empty_workspace)
    report = fresh.ensure_built()
    assert report.action == "rebuilt" and "damaged" in report.reason
    assert titles(fresh, "telemetry") == ["Spine 64 vs Contoso Fabric: battlecard"]


def test_rebuilt_when_segment_files_are_corrupted(empty_workspace, library_items) -> None:
    # Corrupt the files while no index is open: Tantivy maps them into memory, and shrinking
    # a mapped file under a live reader kills the process (SIGBUS), whatever the code does.
    built = LibraryIndex.open(empty_workspace)
    built.ensure_built()
    built.close()
    del built
    gc.collect()
    folder = empty_workspace.index_dir / "library"
    for path in folder.iterdir():
        if path.suffix in {".idx", ".term", ".store", ".pos"}:
            path.write_bytes(b"\x00garbage" * 3)
    fresh = LibraryIndex.open(empty_workspace)
    assert titles(fresh, "telemetry") == ["Spine 64 vs Contoso Fabric: battlecard"]


def test_rebuilt_when_the_build_record_is_missing_or_old(empty_workspace, library_index) -> None:
    library_index.state_path.unlink()
    assert LibraryIndex.open(empty_workspace).ensure_built().action == "rebuilt"
    text = library_index.state_path.read_text().replace("schema-", "schema-0+old-")
    library_index.state_path.write_text(text)
    report = LibraryIndex.open(empty_workspace).ensure_built()
    assert report.action == "rebuilt" and "format changed" in report.reason


def test_a_file_where_the_index_folder_should_be(empty_workspace, library_items) -> None:
    empty_workspace.index_dir.mkdir(parents=True, exist_ok=True)
    (empty_workspace.index_dir / "library").write_text("not a folder")
    index = LibraryIndex.open(empty_workspace)
    assert titles(index, "telemetry") == ["Spine 64 vs Contoso Fabric: battlecard"]


# two windows ----------------------------------------------------------------------------------


def test_two_windows_see_each_others_updates(empty_workspace, library_index) -> None:
    other_window = LibraryIndex.open(empty_workspace)
    assert titles(other_window, "telemetry")
    item = save(empty_workspace, new_item(title="Spine 64 cabling guide", body="Optics."))
    library_index.update_item(item)
    other_window.update_item(save(empty_workspace, new_item(title="Optics FAQ")))
    # No waiting: a search first checks whether anyone committed since its reader loaded.
    assert sorted(titles(other_window, "optics")) == ["Optics FAQ", "Spine 64 cabling guide"]
    assert sorted(titles(library_index, "optics")) == ["Optics FAQ", "Spine 64 cabling guide"]


def test_a_rebuild_elsewhere_is_noticed(empty_workspace, library_index) -> None:
    other_window = LibraryIndex.open(empty_workspace)
    other_window.rebuild()
    assert titles(library_index, "telemetry") == ["Spine 64 vs Contoso Fabric: battlecard"]
    assert library_index._generation == other_window._generation


def test_one_writer_at_a_time(empty_workspace, library_index: LibraryIndex) -> None:
    """While one writer holds the lock, another waits, then gives up with a clear message."""
    other_window = LibraryIndex.open(empty_workspace)
    other_window.lock_timeout = 0.2
    with library_index._exclusive(), pytest.raises(IndexBusyError, match="another Dealkit"):
        other_window.remove_item("no-such-id")
    other_window.remove_item("no-such-id")  # free again


def test_concurrent_updates_from_threads_all_land(empty_workspace, library_index) -> None:
    items = [save(empty_workspace, new_item(title=f"Zebra note {n}")) for n in range(8)]
    errors: list[BaseException] = []

    def update(item: ContentItem) -> None:
        try:
            library_index.update_item(item)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=update, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(titles(library_index, "zebra", limit=50)) == 8


def test_rows_in_store_are_all_indexed(empty_workspace, library_index) -> None:
    with empty_workspace.store.session() as session:
        count = len(session.scalars(select(ContentItem)).all())
    assert library_index.stats()["items"] == count


def test_updates_share_one_writer_that_merges_and_goes_idle(
    empty_workspace, library_index: LibraryIndex
) -> None:
    library_index.writer_idle_seconds = 0.2
    for n in range(12):
        library_index.update_item(save(empty_workspace, new_item(title=f"Walrus memo {n}")))
    assert library_index._live_writer is not None and library_index._holding_file_lock
    # Idle: the writer finishes its merges and lets go, so another process may write.
    assert _wait_for(lambda: not library_index._holding_file_lock)
    assert library_index.stats()["segments"] <= 8
    other_window = LibraryIndex.open(empty_workspace)
    other_window.lock_timeout = 0.5
    other_window.update_item(save(empty_workspace, new_item(title="Walrus memo 12")))
    assert len(titles(library_index, "walrus", limit=50)) == 13


def _wait_for(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_a_saved_item_is_findable_before_its_disk_commit(
    empty_workspace, library_index: LibraryIndex, library_items: LibraryItems
) -> None:
    """The disk commit may wait (another window writes, a slow disk): search does not."""
    other_window = LibraryIndex.open(empty_workspace)
    changed = load(empty_workspace, library_items["r7_datasheet"])
    changed.title = "Northwind R7 Rack Server narwhal sheet"
    changed = save(empty_workspace, changed)
    added = save(empty_workspace, new_item(title="Narwhal brief"))
    with other_window._exclusive():
        writers = [
            threading.Thread(target=library_index.update_item, args=(item,))
            for item in (changed, added)
        ]
        for thread in writers:
            thread.start()
        assert _wait_for(lambda: len(titles(library_index, "narwhal")) == 2)
        assert all(thread.is_alive() for thread in writers)  # still waiting for the lock
        assert titles(library_index, "datasheet") == []  # the old title is masked on disk
        counts = library_index.facet_counts(as_of=LIBRARY_AS_OF)
        assert sum(counts["language"].values()) == 8  # 7 visible + 1 new, none twice
    for thread in writers:
        thread.join()
    assert sorted(titles(library_index, "narwhal")) == [
        "Narwhal brief",
        "Northwind R7 Rack Server narwhal sheet",
    ]
    assert library_index._fresh.snapshot() == ([], None)
    assert sorted(titles(other_window, "narwhal")) == sorted(titles(library_index, "narwhal"))


def test_a_removed_item_disappears_before_its_disk_commit(
    empty_workspace, library_index: LibraryIndex, library_items: LibraryItems
) -> None:
    other_window = LibraryIndex.open(empty_workspace)
    with other_window._exclusive():
        remover = threading.Thread(
            target=library_index.remove_item, args=(library_items["spine_battlecard"],)
        )
        remover.start()
        assert _wait_for(lambda: titles(library_index, "telemetry") == [])
        assert remover.is_alive()
    remover.join()
    assert titles(library_index, "telemetry") == []
    assert titles(other_window, "telemetry") == []


def test_a_search_does_not_wait_for_a_rebuild(empty_workspace, library_index) -> None:
    with library_index._exclusive():  # as if a rebuild were running in this process
        started = time.monotonic()
        assert titles(library_index, "telemetry")
        assert time.monotonic() - started < 5
