"""Flow 1b: a trainer publishes a PDF battlecard on the server; the rep's background sync round
(the one ``SyncService`` runs on a worker) pulls the item and downloads its file, so the
preview and "open original" work offline; an interrupted download resumes and is hash-checked."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from dealkit.desktop.library_preview import load_preview_item
from dealkit.desktop.sync.library_refresh import index_pulled_items, pulled_content_ids
from dealkit.desktop.sync.service import OK, run_sync_round
from dealkit.engine.auth.accounts import create_user
from dealkit.engine.auth.token_store import SavedSession
from dealkit.engine.content.importer import ImportOptions, import_files
from dealkit.engine.ids import utcnow
from dealkit.engine.store.models import ContentKind, Role
from dealkit.engine.sync.client import SyncClient
from dealkit.index.library import LibraryIndex
from dealkit.server.admin_import import ServerFiles
from tests.e2e.laptops import open_laptop
from tests.helpers.servers import running_server
from tests.helpers.sync import PASSWORD


def battlecard_pdf(path: Path) -> Path:
    """A real two-page PDF with words only this battlecard has."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setTitle("Beating Fabrikam Backup")
    pdf.drawString(72, 760, "Beating Fabrikam Backup")
    pdf.drawString(72, 730, "Fabrikam restores lose on quorvendite dedupe ratios.")
    pdf.showPage()
    pdf.drawString(72, 760, "Lead with the Northwind R7 restore benchmark.")
    pdf.save()
    return path


def _publish(store, path: Path) -> None:
    with store.session() as session:
        create_user(session, "tara", [Role.TRAINER], PASSWORD)
    options = ImportOptions(kind=ContentKind.BATTLECARD, publish=True)
    import_files(ServerFiles(store, owner="tara"), [path], options)


def test_a_published_pdf_reaches_the_reps_laptop_with_its_file(sync_server, tmp_path):
    store = sync_server.store
    pdf = battlecard_pdf(tmp_path / "fabrikam.pdf")
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    with running_server(store) as url:
        alex = open_laptop(tmp_path / "alex", store, url, "alex")
        alex.sync()
        index = LibraryIndex.open(alex.workspace)
        index.ensure_built()
        _publish(store, pdf)
        saved = SavedSession(url, "alex", alex.token, utcnow() + timedelta(hours=1))
        outcome = run_sync_round(alex.workspace, saved)
    assert outcome.state == OK, outcome.message
    assert outcome.blobs == 1 and outcome.message == ""
    blob = alex.workspace.blob_path(digest)
    assert blob.read_bytes() == pdf.read_bytes()  # the very file, verified by its hash
    assert not blob.with_suffix(".part").exists()
    ids = pulled_content_ids(outcome.changed)
    assert index_pulled_items(alex.workspace, index, ids) == 1
    assert [h.title for h in index.search("quorvendite")] == ["Beating Fabrikam Backup"]
    index.close()
    preview = load_preview_item(alex.workspace, ids[0])  # what the preview pane opens, offline
    assert preview is not None and preview.is_pdf and preview.blob_path == blob


def test_an_interrupted_download_resumes_and_a_second_round_fetches_nothing(sync_server, tmp_path):
    store = sync_server.store
    pdf = battlecard_pdf(tmp_path / "fabrikam.pdf")
    data = pdf.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    with running_server(store) as url:
        alex = open_laptop(tmp_path / "alex", store, url, "alex")
        _publish(store, pdf)
        client = SyncClient(alex.workspace, url, alex.token)
        try:
            client.pull()
            assert client.missing_blobs() == [digest]
            part = alex.workspace.blob_path(digest).with_suffix(".part")
            part.parent.mkdir(parents=True, exist_ok=True)
            part.write_bytes(data[:1000])  # the network dropped after the first 1,000 bytes
            seen: list[tuple[str, int, int | None]] = []
            client.progress = lambda stage, done, total: seen.append((stage, done, total))
            report = client.fetch_missing_blobs()
            assert (report.blobs, report.blob_failures) == (1, [])
            assert seen[0] == ("blob", len(data), len(data))  # one range, from byte 1,000 on
            assert alex.workspace.blob_path(digest).read_bytes() == data
            assert client.missing_blobs() == []
            assert client.fetch_missing_blobs().blobs == 0
        finally:
            client.transport.close()


def test_a_damaged_download_is_refused_and_kept_for_the_next_round(sync_server, tmp_path):
    store = sync_server.store
    pdf = battlecard_pdf(tmp_path / "fabrikam.pdf")
    data = pdf.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    with running_server(store) as url:
        alex = open_laptop(tmp_path / "alex", store, url, "alex")
        _publish(store, pdf)
        client = SyncClient(alex.workspace, url, alex.token)
        try:
            client.pull()
            part = alex.workspace.blob_path(digest).with_suffix(".part")
            part.parent.mkdir(parents=True, exist_ok=True)
            part.write_bytes(b"X" * 1000)  # a partial file that does not match
            report = client.fetch_missing_blobs()
            assert report.blobs == 0
            assert report.blob_failures[0][0] == digest
            assert "arrived damaged" in report.blob_failures[0][1]
            assert not alex.workspace.blob_path(digest).exists()
            assert client.missing_blobs() == [digest]  # tried again next round
            assert client.fetch_missing_blobs().blobs == 1
            assert alex.workspace.blob_path(digest).read_bytes() == data
        finally:
            client.transport.close()
