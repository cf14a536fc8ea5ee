"""``dealkit sync``: the headless round with the sign-in the window saved, against a real
server; no sign-in, or a sign-in for another server, is a message that says what to do."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta

import pytest

from dealkit.cli.main import main
from dealkit.cli.sync import SESSION_FILE
from dealkit.engine.auth.token_store import SavedSession, TokenStore
from dealkit.engine.ids import utcnow
from dealkit.engine.workspace import Workspace
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


def save_sign_in(root, url: str, username: str, user_id: str, token: str) -> None:
    TokenStore(root / SESSION_FILE, account=f"session:{root}").save(
        SavedSession(url, username, token, utcnow() + timedelta(hours=1), user_id, username)
    )


def test_dealkit_sync_pushes_and_pulls_with_the_saved_sign_in(tmp_path, capsys):
    store = sqlite_server_store(tmp_path / "server")
    people = seed_server(store)
    root = tmp_path / "alex"
    with running_server(store) as url:
        save_sign_in(root, url, "alex", people.alex, token_for(store, "alex"))
        assert main(["sync", "--workspace", str(root), "--json"]) == 0
        first = json.loads(capsys.readouterr().out)
        assert first["pushed"] == 0 and first["pulled"] > 0 and first["waiting"] == 0
        workspace = Workspace.open(root)
        save_local_quote(workspace, quote_data("Q-2026-0001"))
        assert workspace.info("current_user_id") == people.alex
        workspace.close()
        assert main(["sync", "--workspace", str(root), "--server", url]) == 0
        out = capsys.readouterr().out
    store.close()
    assert out.startswith(f"Synced with {url} as alex: sent 1 change(s)")


def test_dealkit_sync_without_a_sign_in_says_what_to_do(tmp_path, capsys):
    assert main(["sync", "--workspace", str(tmp_path / "ws")]) == 2
    assert "not signed in" in capsys.readouterr().err


def test_dealkit_sync_to_another_server_than_the_sign_in_is_refused(tmp_path, capsys):
    root = tmp_path / "ws"
    save_sign_in(root, "http://127.0.0.1:9", "alex", "x", "t")
    assert main(["sync", "--workspace", str(root), "--server", "http://127.0.0.1:10"]) == 2
    assert "signed in to http://127.0.0.1:9" in capsys.readouterr().err
    assert main(["sync", "--workspace", str(root)]) == 2  # nothing listens there
    assert "cannot reach the server" in capsys.readouterr().err
