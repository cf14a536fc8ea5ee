"""Signing in and out from the window against a real server, and the "sign in again" prompt."""

from __future__ import annotations

import socket
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from dealkit.desktop.settings import SERVER_ADDRESS
from dealkit.desktop.sign_in import SignInDialog
from dealkit.engine.auth.accounts import create_user
from dealkit.engine.store.database import open_sqlite_store
from dealkit.engine.store.models import Quote, Role
from tests.helpers.desktop import wait_idle
from tests.helpers.servers import running_server


@pytest.fixture(autouse=True)
def no_keyring() -> Iterator[None]:
    """As on a headless machine, whatever the developer's desktop has: the 0600 file is used."""
    import keyring
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = open_sqlite_store(tmp_path_factory.mktemp("signin") / "server.db")
    with store.session() as s:
        create_user(s, "alex", [Role.REP], "alex-password", display_name="Alex Morgan")
    with running_server(store) as url:
        yield url
    store.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def sign_in_through_the_dialog(qtbot, window, address: str, user: str, password: str):
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.session.restored)
    dialog = window.open_sign_in()
    assert isinstance(dialog, SignInDialog)
    qtbot.waitExposed(dialog)
    for edit, text in (
        (dialog.server_edit, address),
        (dialog.user_edit, user),
        (dialog.password_edit, password),
    ):
        edit.clear()
        qtbot.keyClicks(edit, text)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    return dialog


def test_signing_in_keeps_a_private_token_and_signing_out_revokes_it(
    qtbot, make_window, empty_workspace, server_url
):
    window = make_window(empty_workspace)
    assert not window.sign_out_action.isEnabled()
    dialog = sign_in_through_the_dialog(qtbot, window, server_url, "alex", "alex-password")
    assert not dialog.isVisible() and not dialog.message.isVisible()
    session = window.session.current()
    assert session is not None and session.username == "alex"
    assert session.display_name == "Alex Morgan"
    assert window.context.settings.get(SERVER_ADDRESS) == server_url
    assert window.sign_out_action.isEnabled() and not window.sign_in_action.isEnabled()
    assert window.toast.text() == f"Signed in to {server_url} as Alex Morgan."
    # Without a keyring the token is in a file only the user can read.
    token_file = Path(empty_workspace.root) / "session.json"
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    auth = {"Authorization": f"Bearer {session.token}"}
    assert httpx.get(f"{server_url}/api/v1/auth/me", headers=auth).status_code == 200

    window.sign_out_action.trigger()
    assert window.session.current() is None and not token_file.exists()
    qtbot.waitUntil(lambda: window.toast.text().startswith("Signed out"), timeout=10_000)
    me = httpx.get(f"{server_url}/api/v1/auth/me", headers=auth)
    assert me.status_code == 401 and "signed out" in me.json()["detail"]
    assert window.sign_in_action.isEnabled() and not window.sign_out_action.isEnabled()
    assert not window.context.tasks.failures


def test_a_restart_restores_the_sign_in(qtbot, make_window, empty_workspace, server_url):
    first = make_window(empty_workspace)
    sign_in_through_the_dialog(qtbot, first, server_url, "alex", "alex-password")
    second = make_window(empty_workspace)
    qtbot.waitUntil(lambda: second.session.restored)
    assert second.session.current() == first.session.current()
    assert second.sign_out_action.isEnabled()


@pytest.mark.parametrize(
    ("address", "password", "says"),
    [
        ("SERVER", "wrong-password", "Wrong username or password."),
        ("SERVER/not-here", "alex-password", "does not look like a Dealkit server"),
        ("http://127.0.0.1:PORT", "alex-password", "Cannot reach the server at"),
        ("not an address", "alex-password", "is not a server address"),
    ],
)
def test_a_failed_sign_in_is_said_plainly_and_the_dialog_stays(
    qtbot, make_window, empty_workspace, server_url, address, password, says
):
    window = make_window(empty_workspace)
    address = address.replace("SERVER", server_url).replace("PORT", str(_free_port()))
    dialog = sign_in_through_the_dialog(qtbot, window, address, "alex", password)
    assert dialog.isVisible()
    assert dialog.message.isVisible() and says in dialog.message.text()
    assert dialog.password_edit.text() == ""  # cleared for the next try
    assert window.session.current() is None
    assert not (Path(empty_workspace.root) / "session.json").exists()
    assert not window.context.tasks.failures  # an expected refusal, not a crash
    dialog.reject()


def test_an_empty_field_is_named_before_anything_is_sent(qtbot, make_window, empty_workspace):
    window = make_window(empty_workspace)
    dialog = window.open_sign_in()
    dialog.server_edit.setText("http://127.0.0.1:1")
    dialog.user_edit.setText("alex")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Enter your password." and not dialog.busy
    dialog.reject()


def test_an_expired_sign_in_asks_again_and_keeps_local_work(
    qtbot, make_window, small_workspace, server_url
):
    window = make_window(small_workspace)
    with small_workspace.store.session() as s:
        quotes_before = s.scalar(select(func.count()).select_from(Quote))
    sign_in_through_the_dialog(qtbot, window, server_url, "alex", "alex-password")
    token = window.session.current().token
    # The server ends the session (here: revoked elsewhere); the sync code sees a 401 on a
    # worker thread and reports it, as it will from its own requests.
    httpx.post(f"{server_url}/api/v1/auth/logout", headers={"Authorization": f"Bearer {token}"})
    refused = httpx.get(
        f"{server_url}/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"}
    )
    assert refused.status_code == 401
    worker = threading.Thread(
        target=window.session.session_expired, args=(refused.json()["detail"],)
    )
    worker.start()
    worker.join()
    window.session.session_expired("again")  # a second 401 does not stack prompts
    qtbot.waitUntil(lambda: window.sign_in_dialog is not None and window.sign_in_dialog.isVisible())
    prompt = window.sign_in_dialog
    assert prompt.heading.text() == "Your session has ended"
    assert "Nothing on this computer was lost" in prompt.intro.text()
    assert prompt.cancel_button.text() == "Keep working offline"
    assert prompt.user_edit.text() == "alex" and prompt.server_edit.text() == server_url
    assert window.session.current() is None
    assert not (Path(small_workspace.root) / "session.json").exists()
    with small_workspace.store.session() as s:
        assert s.scalar(select(func.count()).select_from(Quote)) == quotes_before
    qtbot.keyClicks(prompt.password_edit, "alex-password")
    qtbot.mouseClick(prompt.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.current() is not None, timeout=20_000)
    assert window.session.current().token != token


def test_the_server_address_is_a_preference(qtbot, make_window, empty_workspace):
    window = make_window(empty_workspace)
    window.open_preferences()
    preferences = window.preferences
    preferences.server_edit.setText("not an address")
    preferences.accept()
    assert preferences.isVisible() and "is not a server address" in preferences.server_note.text()
    preferences.server_edit.setText("127.0.0.1:8750")
    preferences.accept()
    assert not preferences.isVisible()
    assert window.context.settings.get(SERVER_ADDRESS) == "http://127.0.0.1:8750"
    dialog = window.open_sign_in()
    assert dialog.server_edit.text() == "http://127.0.0.1:8750"
    dialog.reject()
