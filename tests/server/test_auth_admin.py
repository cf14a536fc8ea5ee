"""The admin commands through the real entry point, then the result used over real HTTP."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from dealkit.cli.main import main
from dealkit.engine.demo.sources import DEMO_DIR
from dealkit.engine.store.database import open_sqlite_store
from dealkit.engine.store.models import CommissionPlan, ContentItem, Product, User
from dealkit.engine.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from tests.helpers.servers import running_server


def dealkit(monkeypatch, *argv: str, stdin: str = "") -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(list(argv))


def server_db(tmp_path: Path) -> Path:
    return tmp_path / "server" / "server.db"  # next to the workspace folder


def login(url: str, username: str, password: str) -> httpx.Response:
    return httpx.post(f"{url}/api/v1/auth/login", json={"username": username, "password": password})


def test_users_added_on_the_command_line_sign_in_with_their_roles_and_team(
    tmp_path: Path, monkeypatch, capsys
):
    ws = ["--workspace", str(tmp_path / "ws")]
    assert (
        dealkit(
            monkeypatch,
            "server",
            "user",
            "add",
            "dana",
            "--role",
            "manager",
            "--password-stdin",
            *ws,
            stdin="dana-password\n",
        )
        == 0
    )
    assert (
        dealkit(
            monkeypatch,
            "server",
            "user",
            "add",
            "alex",
            "--role",
            "rep",
            "--role",
            "sales_engineer",
            "--manager",
            "dana",
            "--password-stdin",
            *ws,
            stdin="alex-password\n",
        )
        == 0
    )
    capsys.readouterr()
    assert dealkit(monkeypatch, "server", "user", "list", "--json", *ws) == 0
    listed = {u["username"]: u for u in json.loads(capsys.readouterr().out)}
    assert listed["alex"]["roles"] == ["rep", "sales_engineer"]
    assert listed["alex"]["manager"] == "dana" and listed["alex"]["can_sign_in"]

    store = open_sqlite_store(server_db(tmp_path))
    try:
        with running_server(store) as url:
            alex = login(url, "alex", "alex-password").json()["user"]
            dana = login(url, "dana", "dana-password").json()["user"]
            assert login(url, "alex", "dana-password").status_code == 401
    finally:
        store.close()
    assert alex["roles"] == ["rep", "sales_engineer"]
    assert dana["team_ids"] == [alex["id"]]


@pytest.mark.parametrize(
    ("argv", "stdin", "message"),
    [
        (["--role", "rep"], "short\n", "use at least 8"),
        (["--role", "rep", "--manager", "ghost"], "long-enough\n", "--manager ghost: no such"),
        (["--role", "rep"], "", "no password on standard input"),
    ],
)
def test_a_bad_user_add_says_why_and_writes_nothing(
    tmp_path: Path, monkeypatch, capsys, argv, stdin, message
):
    code = dealkit(
        monkeypatch,
        "server",
        "user",
        "add",
        "nok",
        *argv,
        "--password-stdin",
        "--workspace",
        str(tmp_path / "ws"),
        stdin=stdin,
    )
    assert code == 2
    assert message in capsys.readouterr().err
    if server_db(tmp_path).exists():
        store = open_sqlite_store(server_db(tmp_path))
        with store.session() as s:
            assert s.scalar(select(func.count()).select_from(User)) == 0
        store.close()


def test_a_password_on_the_command_line_is_not_accepted(tmp_path: Path, monkeypatch, capsys):
    assert (
        dealkit(
            monkeypatch,
            "server",
            "user",
            "add",
            "nok",
            "--role",
            "rep",
            "--password",
            "secret-password",
            "--workspace",
            str(tmp_path / "ws"),
        )
        == 2
    )
    assert "--password is not accepted" in capsys.readouterr().err


def test_imported_catalog_plans_and_content_flow_to_a_signed_in_rep(
    tmp_path: Path, monkeypatch, capsys
):
    ws = ["--workspace", str(tmp_path / "ws")]
    assert (
        dealkit(
            monkeypatch,
            "server",
            "user",
            "add",
            "tess",
            "--role",
            "trainer",
            "--password-stdin",
            *ws,
            stdin="tess-password\n",
        )
        == 0
    )
    assert (
        dealkit(
            monkeypatch,
            "server",
            "user",
            "add",
            "alex",
            "--role",
            "rep",
            "--password-stdin",
            *ws,
            stdin="alex-password\n",
        )
        == 0
    )
    assert (
        dealkit(
            monkeypatch,
            "server",
            "import",
            "catalog",
            str(DEMO_DIR / "catalog.yaml"),
            "--price-books",
            str(DEMO_DIR / "price-books.yaml"),
            "--json",
            *ws,
        )
        == 0
    )
    capsys.readouterr()
    # again: nothing new, nothing doubled
    assert (
        dealkit(
            monkeypatch,
            "server",
            "import",
            "catalog",
            str(DEMO_DIR / "catalog.yaml"),
            "--json",
            *ws,
        )
        == 0
    )
    again = json.loads(capsys.readouterr().out)
    assert again["products_added"] == again["products_updated"] == 0
    plan = sorted((DEMO_DIR / "plans").glob("*.yaml"))[0]
    assert dealkit(monkeypatch, "server", "import", "plans", str(plan), *ws) == 0
    assert "added" in capsys.readouterr().out
    card = sorted((DEMO_DIR / "library").glob("battlecard-*.md"))[0]
    assert (
        dealkit(
            monkeypatch,
            "server",
            "import",
            "content",
            str(card),
            "--kind",
            "battlecard",
            "--publish",
            "--owner",
            "tess",
            *ws,
        )
        == 0
    )
    assert "imported 1 item(s)" in capsys.readouterr().out

    store = open_sqlite_store(server_db(tmp_path))
    try:
        with store.session() as s:
            products = s.scalar(select(func.count()).select_from(Product))
            item = s.scalars(select(ContentItem)).one()
            assert s.scalar(select(func.count()).select_from(CommissionPlan)) == 1
        with running_server(store) as url:
            token = login(url, "alex", "alex-password").json()["token"]
            headers = {"Authorization": f"Bearer {token}", PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
            catalog = httpx.get(f"{url}/api/v1/catalog/products", headers=headers).json()
            pulled = httpx.get(f"{url}/api/v1/sync/pull?limit=2000", headers=headers).json()
            blob = httpx.get(f"{url}/api/v1/blobs/{item.file_hash}", headers=headers)
    finally:
        store.close()
    assert len(catalog) == products >= 40
    tables = {row["table"] for row in pulled["rows"]}
    assert {"products", "price_book_entries", "commission_plans", "content_items"} <= tables
    assert blob.status_code == 200 and blob.content == card.read_bytes()
    assert item.owner_id is not None and item.status.value == "published"


def test_a_changed_plan_under_an_existing_version_is_refused_whole(
    tmp_path: Path, monkeypatch, capsys
):
    ws = ["--workspace", str(tmp_path / "ws")]
    plan = sorted((DEMO_DIR / "plans").glob("*.yaml"))[0]
    assert dealkit(monkeypatch, "server", "import", "plans", str(plan), *ws) == 0
    changed = tmp_path / "plan.yaml"
    changed.write_text(plan.read_text(encoding="utf-8") + "\n# a quiet edit\n", encoding="utf-8")
    capsys.readouterr()
    assert dealkit(monkeypatch, "server", "import", "plans", str(changed), *ws) == 2
    err = capsys.readouterr().err
    assert "already on the server with a different text" in err and "new version" in err
    assert (
        dealkit(monkeypatch, "server", "import", "catalog", str(tmp_path / "none.yaml"), *ws) == 2
    )
    assert "none.yaml: no such file" in capsys.readouterr().err


def test_the_demo_goes_into_an_empty_server_and_its_people_sign_in_once_given_passwords(
    tmp_path: Path, monkeypatch, capsys
):
    ws = ["--workspace", str(tmp_path / "ws")]
    assert dealkit(monkeypatch, "server", "import", "demo", "--anchor", "2026-11-27", *ws) == 0
    assert "have no passwords yet" in capsys.readouterr().out
    assert dealkit(monkeypatch, "server", "import", "demo", *ws) == 2
    assert "not empty" in capsys.readouterr().err
    store = open_sqlite_store(server_db(tmp_path))
    with store.session() as s:
        someone = s.scalars(select(User.username).order_by(User.username)).first()
    store.close()
    assert (
        dealkit(
            monkeypatch,
            "server",
            "user",
            "password",
            someone,
            "--password-stdin",
            *ws,
            stdin="a-new-password\n",
        )
        == 0
    )
    store = open_sqlite_store(server_db(tmp_path))
    try:
        with running_server(store) as url:
            assert login(url, someone, "a-new-password").status_code == 200
    finally:
        store.close()
