"""Flow 1: a trainer publishes a battlecard on the server; after a sync it is searchable in the
rep's Tantivy index (the laptop's index was built before, so only the pulled rows are new)."""

from __future__ import annotations

from dealkit.desktop.sync.library_refresh import index_pulled_items, pulled_content_ids
from dealkit.engine.auth.accounts import create_user
from dealkit.engine.content.importer import ImportOptions, import_files
from dealkit.engine.store.models import ContentKind, Role
from dealkit.index.library import LibraryIndex
from dealkit.server.admin_import import ServerFiles
from tests.e2e.laptops import open_laptop
from tests.helpers.servers import running_server
from tests.helpers.sync import PASSWORD

BATTLECARD = """# Beating Contoso Storage

Contoso's arrays lose on rebuild time: quote the Northwind R7 with the 3-year
zanzibarite support pack and show the rebuild benchmark.
"""


def test_a_battlecard_published_on_the_server_is_searchable_on_the_reps_laptop(
    sync_server, tmp_path
):
    store = sync_server.store
    with store.session() as session:
        create_user(session, "tara", [Role.TRAINER], PASSWORD)
    card = tmp_path / "contoso.md"
    card.write_text(BATTLECARD, encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("# Unfinished\n\nzanzibarite draft notes\n", encoding="utf-8")
    with running_server(store) as url:
        alex = open_laptop(tmp_path / "alex", store, url, "alex")
        alex.sync()
        index = LibraryIndex.open(alex.workspace)
        index.ensure_built()
        assert index.search("zanzibarite") == []

        trainer = ServerFiles(store, owner="tara")
        options = ImportOptions(kind=ContentKind.BATTLECARD, competitors=["contoso"])
        import_files(trainer, [card], ImportOptions(**{**options.__dict__, "publish": True}))
        import_files(trainer, [draft], options)  # a draft: trainers only

        report = alex.sync()
        ids = pulled_content_ids(report.changed)
        assert len(ids) == 1  # the draft never reaches a rep's laptop
        assert index_pulled_items(alex.workspace, index, ids) == 1
    hits = index.search("zanzibarite")
    assert [h.title for h in hits] == ["Beating Contoso Storage"]
    assert [h.title for h in index.search("contoso", facets={"kind": "battlecard"})] == [
        "Beating Contoso Storage"
    ]
    index.close()
    again = LibraryIndex.open(alex.workspace)  # on disk, not only in this process
    assert [h.title for h in again.search("rebuild benchmark")] == ["Beating Contoso Storage"]
    again.close()
