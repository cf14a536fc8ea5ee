"""The window's background sync against a real server (uvicorn on loopback): the status bar,
the Approvals page's approve action reaching the rep, offline work kept, and a refused token
sending the person to sign in again with the outbox kept."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from dealkit.engine.auth.token_store import SavedSession
from dealkit.engine.ids import utcnow
from dealkit.engine.store.models import Quote, QuoteStatus, SyncOutbox, User
from dealkit.engine.workspace import Workspace
from tests.e2e.laptops import open_laptop
from tests.helpers.desktop import wait_idle
from tests.helpers.servers import running_server
from tests.helpers.sync import (
    quote_data,
    save_local_quote,
    seed_server,
    sqlite_server_store,
    token_for,
)


@pytest.fixture(autouse=True)
def no_keyring() -> Iterator[None]:
    import keyring
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture
def server(tmp_path):
    store = sqlite_server_store(tmp_path / "server")
    people = seed_server(store)
    with running_server(store) as url:
        yield store, people, url
    store.close()


def signed_in(window, url: str, username: str, user_id: str, token: str) -> None:
    session = SavedSession(
        server=url,
        username=username,
        token=token,
        expires_at=utcnow() + timedelta(hours=12),
        user_id=user_id,
        display_name=username.title(),
    )
    window.session.remember(session)


def test_a_manager_approves_from_the_page_and_the_rep_sees_it(qtbot, make_window, tmp_path, server):
    store, people, url = server
    alex = open_laptop(tmp_path / "alex", store, url, "alex")
    alex.sync()
    save_local_quote(alex.workspace, {**quote_data("Q-2026-0001"), "status": "in_review"})
    alex.sync()

    window = make_window(Workspace.open(tmp_path / "mia"))
    qtbot.waitUntil(lambda: window.session.restored)
    assert window.sync_label.text() == "Sign in to sync"
    signed_in(window, url, "mia", people.mia, token_for(store, "mia"))
    qtbot.waitUntil(lambda: window.sync.last_ok is not None, timeout=20_000)
    assert window.sync_label.text() == "Synced just now"
    assert "Server: " + url in window.sync_label.toolTip()

    window.show_page("approvals")
    page = window.pages["approvals"]
    wait_idle(qtbot, window)
    assert [r.number for r in page.model.rows()] == ["Q-2026-0001"]
    panel = page.decision
    qtbot.waitUntil(lambda: panel.view is not None and not window.is_busy)
    assert panel.approve_button.isVisible() and panel.approve_button.isEnabled()
    assert not panel.reject_button.isEnabled()  # sending back needs a comment
    qtbot.keyClicks(panel.comment, "Good margin, go ahead.")
    assert panel.reject_button.isEnabled()
    qtbot.mouseClick(panel.approve_button, Qt.MouseButton.LeftButton)

    def decided_on_server() -> bool:
        with store.session() as session:
            quote = session.scalars(select(Quote).where(Quote.number == "Q-2026-0001")).one()
            return quote.status is QuoteStatus.APPROVED

    qtbot.waitUntil(decided_on_server, timeout=20_000)  # the decision was sent at once
    qtbot.waitUntil(lambda: not window.sync.running and not window.is_busy, timeout=20_000)
    assert window.sync.waiting == 0
    assert window.sync_label.text() == "Synced just now"
    assert page.model.rows() == []  # decided: out of the manager's queue
    assert not window.context.tasks.failures

    alex.sync()
    assert alex.quote("Q-2026-0001").status is QuoteStatus.APPROVED
    # the rep's window shows the approved quote with the manager's comment
    rep_window = make_window(alex.workspace)
    rep_window.show_page("approvals")
    rep_page = rep_window.pages["approvals"]
    wait_idle(qtbot, rep_window)
    assert [(r.number, r.status) for r in rep_page.model.rows()] == [
        ("Q-2026-0001", QuoteStatus.APPROVED)
    ]
    qtbot.waitUntil(lambda: rep_page.decision.view is not None)
    texts = rep_page.decision.trail_texts()
    assert len(texts) == 1 and texts[0].startswith("Approved v1 by mia, ")
    assert "Good margin, go ahead." in rep_page.decision.trail.text()
    assert not rep_page.decision.approve_button.isVisible()  # a rep does not decide
    assert rep_page.decision.notice.text().startswith("Your manager decides on this quote")
    assert "your own quote" in rep_page.decision.notice.toolTip()  # the policy's words


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_offline_the_status_bar_counts_the_changes_waiting(qtbot, make_window, tmp_path, server):
    store, people, url = server
    alex = open_laptop(tmp_path / "alex", store, url, "alex")
    alex.sync()
    save_local_quote(alex.workspace, quote_data("Q-2026-0002"))
    window = make_window(alex.workspace)
    qtbot.waitUntil(lambda: window.session.restored)
    dead = f"http://127.0.0.1:{_free_port()}"
    signed_in(window, dead, "alex", people.alex, "no-server-here")
    qtbot.waitUntil(lambda: window.sync.rounds >= 1 and not window.sync.running, timeout=20_000)
    assert window.sync_label.text() == "Offline — 1 change waiting"
    assert "cannot reach the server" in window.sync_label.toolTip()
    assert not [f for f in window.context.tasks.failures if f.name == "sync"]  # not an error

    window.session.forget()
    signed_in(window, url, "alex", people.alex, token_for(store, "alex"))  # back online
    qtbot.waitUntil(lambda: window.sync.last_ok is not None, timeout=20_000)
    assert window.sync_label.text() == "Synced just now"
    with store.session() as session:
        assert session.scalars(select(Quote.number)).all() == ["Q-2026-0002"]


def test_a_refused_token_asks_to_sign_in_again_and_keeps_the_outbox(
    qtbot, make_window, tmp_path, server
):
    store, people, url = server
    alex = open_laptop(tmp_path / "alex", store, url, "alex")
    alex.sync()
    save_local_quote(alex.workspace, quote_data("Q-2026-0003"))
    window = make_window(alex.workspace)
    qtbot.waitUntil(lambda: window.session.restored)
    signed_in(window, url, "alex", people.alex, "a-token-the-server-never-gave")
    qtbot.waitUntil(
        lambda: window.sign_in_dialog is not None and window.sign_in_dialog.isVisible(),
        timeout=20_000,
    )
    assert window.session.current() is None
    assert window.sync_label.text() == "Sign in to sync — 1 change waiting"
    with alex.workspace.store.session() as session:
        assert session.scalars(select(SyncOutbox.state)).all() == ["pending"]
        assert {"alex", "mia"} <= set(session.scalars(select(User.username)))  # all kept
    window.sign_in_dialog.reject()
