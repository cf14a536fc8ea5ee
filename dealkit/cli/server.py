"""``dealkit server``: run the shared server (PostgreSQL in production, embedded SQLite default),
and the admin commands that set it up:

    dealkit server [--database-url URL] [--host H] [--port P] [--workers N]
    dealkit server user add NAME --role R [--role R2] [--manager M] --password-stdin
    dealkit server user password NAME --password-stdin
    dealkit server user list
    dealkit server import catalog CATALOG.yaml [--price-books PRICE-BOOKS.yaml]
    dealkit server import plans PLAN.yaml ...
    dealkit server import content FILE|DIR ... [--kind K] [--publish] [--owner USER]
    dealkit server import demo [--anchor DATE]

docs/server-admin.md walks through them.
"""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from dealkit.cli.arguments import iso_date
from dealkit.cli.output import UserError, emit

ROLES = ["rep", "sales_engineer", "manager", "trainer", "comp_admin", "admin"]


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    database = argparse.ArgumentParser(add_help=False)
    database.add_argument(
        "--database-url",
        default=argparse.SUPPRESS,
        help="SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db "
        "(default: an SQLite file in the workspace folder)",
    )
    parser = subparsers.add_parser(
        "server",
        parents=[common, database],
        help="run the shared Dealkit server (HTTP API), or administer it",
        description="Without an action: serve the HTTP API. Actions add users and import data.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8750)
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="server processes sharing the port and the database (default: 1; about one per "
        "CPU core, the server keeps no state in memory)",
    )
    parser.add_argument(
        "--token-hours",
        type=float,
        default=12.0,
        metavar="H",
        help="how long a sign-in lasts before the desktop asks again (default: 12)",
    )
    parser.set_defaults(func=run)
    actions = parser.add_subparsers(dest="server_action", metavar="ACTION")

    user = actions.add_parser("user", parents=[common, database], help="add and list users")
    user_actions = user.add_subparsers(dest="user_action", metavar="ACTION", required=True)
    add = user_actions.add_parser(
        "add", parents=[common, database], help="add a user with roles and a password"
    )
    add.add_argument("name", help="the username people sign in with, e.g. somchai.k")
    add.add_argument(
        "--role", action="append", required=True, choices=ROLES, help="a role (repeat for more)"
    )
    add.add_argument("--manager", metavar="USER", help="the user's manager (an existing user)")
    add.add_argument("--display-name", metavar="TEXT", help="the name shown (default: NAME)")
    add.add_argument("--email", default="")
    _password_stdin(add)
    add.set_defaults(func=run_user_add)
    password = user_actions.add_parser(
        "password",
        parents=[common, database],
        help="set a user's password (signs them out everywhere)",
    )
    password.add_argument("name")
    _password_stdin(password)
    password.set_defaults(func=run_user_password)
    listing = user_actions.add_parser("list", parents=[common, database], help="list the users")
    listing.set_defaults(func=run_user_list)

    imports = actions.add_parser(
        "import", parents=[common, database], help="import catalog, plans, content or the demo"
    )
    kinds = imports.add_subparsers(dest="import_kind", metavar="WHAT", required=True)
    catalog = kinds.add_parser(
        "catalog",
        parents=[common, database],
        help="products and price books (formats: docs/demo-data.md)",
    )
    catalog.add_argument("catalog", type=Path, metavar="CATALOG.yaml")
    catalog.add_argument("--price-books", type=Path, metavar="PRICE-BOOKS.yaml")
    catalog.set_defaults(func=run_import_catalog)
    plans = kinds.add_parser(
        "plans", parents=[common, database], help="commission plan versions (YAML)"
    )
    plans.add_argument("plans", type=Path, nargs="+", metavar="PLAN.yaml")
    plans.set_defaults(func=run_import_plans)
    content = kinds.add_parser(
        "content", parents=[common, database], help="library files (PDF, DOCX, PPTX, MD, ...)"
    )
    content.add_argument("paths", type=Path, nargs="+", metavar="FILE|DIR")
    content.add_argument(
        "--kind", default="collateral", help="training, collateral, battlecard, ..."
    )
    content.add_argument("--publish", action="store_true", help="publish (else drafts)")
    content.add_argument("--owner", metavar="USER", help="the trainer who owns the items")
    content.set_defaults(func=run_import_content)
    demo = kinds.add_parser(
        "demo", parents=[common, database], help="the Northwind demo, into an empty server"
    )
    demo.add_argument("--anchor", type=iso_date, metavar="DATE", help="(default: today)")
    demo.set_defaults(func=run_import_demo)


def _password_stdin(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="(required) read the password from the first line of standard input (never from "
        "the command line, where other users and the shell history would see it)",
    )
    parser.add_argument("--password", help=argparse.SUPPRESS)  # refused with the reason


def _read_password(args: argparse.Namespace) -> str:
    if args.password is not None:
        raise UserError(
            "--password is not accepted: a password on the command line is visible to other "
            "users and kept in the shell history; pipe it in with --password-stdin"
        )
    if not args.password_stdin:
        raise UserError("give --password-stdin and pipe the password in on standard input")
    line = sys.stdin.readline()
    password = line.rstrip("\r\n")
    if not password:
        raise UserError(
            "no password on standard input: pipe it in, e.g. "
            "printf '%s\\n' \"$PASSWORD\" | dealkit server user add ... --password-stdin"
        )
    return password


def open_server_store(args: argparse.Namespace) -> Any:
    """The server's database (migrated), with the change feed on so every write syncs."""
    from dealkit.engine.store.database import SERVER_POOL, open_sqlite_store, open_store_url
    from dealkit.engine.workspace import default_workspace_dir

    url = getattr(args, "database_url", None)
    if url:
        try:
            store = open_store_url(url, pool=SERVER_POOL)
        except Exception as error:  # the driver's message says what is wrong with the URL
            raise UserError(f"cannot open --database-url {url}: {error}") from None
    else:
        root = (args.workspace or default_workspace_dir()).parent / "server"
        root.mkdir(parents=True, exist_ok=True)
        store = open_sqlite_store(root / "server.db", pool=SERVER_POOL)
    try:
        from dealkit.server.changes import install_change_feed
    except ModuleNotFoundError as error:
        _no_server(error)
    install_change_feed(store)
    return store


def _no_server(error: ModuleNotFoundError) -> None:
    raise UserError(
        f"this Dealkit has no server ({error.name} is not installed): run the server from "
        f"a pip install of Dealkit (pip install dealkit), see packaging/README.md"
    ) from None


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from dealkit.server.app import create_app
    except ModuleNotFoundError as error:  # the desktop app bundle leaves the server out
        _no_server(error)

    from dealkit.engine.auth.accounts import AuthSettings

    if args.token_hours <= 0:
        raise UserError(f"--token-hours {args.token_hours}: give a number of hours above 0")
    if not 1 <= args.workers <= 64:
        raise UserError(f"--workers {args.workers}: give a number of processes from 1 to 64")
    store = open_server_store(args)  # migrated, unsequenced rows numbered: once, before workers
    if args.workers > 1:
        import os

        from dealkit.server.app import DATABASE_URL_ENV, TOKEN_HOURS_ENV

        os.environ[DATABASE_URL_ENV] = store.engine.url.render_as_string(hide_password=False)
        os.environ[TOKEN_HOURS_ENV] = str(args.token_hours)
        store.close()
        uvicorn.run(
            "dealkit.server.app:app_from_environment",
            factory=True,
            workers=args.workers,
            host=args.host,
            port=args.port,
            log_level="info",
        )
        return 0
    settings = AuthSettings(token_ttl=timedelta(hours=args.token_hours))
    uvicorn.run(create_app(store, settings), host=args.host, port=args.port, log_level="info")
    return 0


def run_user_add(args: argparse.Namespace) -> int:
    from dealkit.engine.auth.accounts import AccountError, create_user
    from dealkit.engine.auth.passwords import PasswordRejected
    from dealkit.engine.store.models import Role

    password = _read_password(args)
    store = open_server_store(args)
    try:
        with store.session() as session:
            user = create_user(
                session,
                args.name,
                [Role(r) for r in args.role],
                password,
                display_name=args.display_name,
                email=args.email,
                manager=args.manager,
            )
            data = {"id": user.id, "username": user.username, "roles": args.role}
    except (AccountError, PasswordRejected) as error:
        raise UserError(str(error)) from None
    finally:
        store.close()
    emit(args, data, f"added {data['username']} ({', '.join(args.role)})")
    return 0


def run_user_password(args: argparse.Namespace) -> int:
    from dealkit.engine.auth.accounts import find_user, set_password
    from dealkit.engine.auth.passwords import PasswordRejected

    password = _read_password(args)
    store = open_server_store(args)
    try:
        with store.session() as session:
            user = find_user(session, args.name)
            if user is None:
                raise UserError(f"no user {args.name} on the server; see dealkit server user list")
            set_password(session, user, password)
    except PasswordRejected as error:
        raise UserError(str(error)) from None
    finally:
        store.close()
    emit(args, {"username": args.name}, f"set the password of {args.name}; signed out everywhere")
    return 0


def run_user_list(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from dealkit.engine.access.principal import load_principal
    from dealkit.engine.store.models import User, UserCredential

    store = open_server_store(args)
    try:
        with store.session() as session:
            users = session.scalars(
                select(User).where(User.deleted.is_(False)).order_by(User.username)
            ).all()
            names = {u.id: u.username for u in users}
            rows = [
                {
                    "username": u.username,
                    "display_name": u.display_name,
                    "roles": sorted(load_principal(session, u).roles),
                    "manager": names.get(u.manager_id) if u.manager_id else None,
                    "can_sign_in": session.get(UserCredential, u.id) is not None,
                }
                for u in users
            ]
    finally:
        store.close()

    def text(rows: list[dict[str, Any]]) -> str:
        lines = [f"{len(rows)} user(s)"]
        for r in rows:
            extra = f", manager {r['manager']}" if r["manager"] else ""
            signs = "" if r["can_sign_in"] else "  (no password yet: dealkit server user password)"
            lines.append(f"  {r['username']:<16} {', '.join(r['roles'])}{extra}{signs}")
        return "\n".join(lines)

    emit(args, rows, text)
    return 0


def _data_errors() -> tuple[type[Exception], ...]:
    from dealkit.engine.demo.errors import DemoDataError
    from dealkit.engine.yaml_source import YamlSourceError

    return (DemoDataError, YamlSourceError, FileNotFoundError, IsADirectoryError)


def _existing(paths: list[Path], what: str) -> None:
    for path in paths:
        if not path.is_file():
            raise UserError(f"{path}: no such file; give the path of the {what}")


def run_import_catalog(args: argparse.Namespace) -> int:
    from dealkit.server.admin_import import import_catalog

    _existing([args.catalog], "catalog YAML (docs/demo-data.md)")
    if args.price_books is not None:
        _existing([args.price_books], "price-books YAML (docs/demo-data.md)")
    store = open_server_store(args)
    try:
        counts = import_catalog(store, args.catalog, args.price_books)
    except _data_errors() as error:
        raise UserError(f"{error} (nothing was imported)") from None
    finally:
        store.close()
    emit(
        args,
        counts.to_json(),
        lambda c: (
            f"catalog: {c['products_added']} products added, {c['products_updated']} updated "
            f"({c['families_added']} new families); {c['price_books_added']} price books "
            f"added, {c['price_entries']} prices"
        ),
    )
    return 0


def run_import_plans(args: argparse.Namespace) -> int:
    from dealkit.server.admin_import import import_plans

    _existing(args.plans, "plan YAML (docs/commission-plans.md)")
    store = open_server_store(args)
    try:
        plans = import_plans(store, args.plans)
    except _data_errors() as error:
        raise UserError(f"{error} (nothing was imported)") from None
    finally:
        store.close()
    emit(
        args,
        plans,
        lambda ps: "\n".join(
            f"plan {p['code']} version {p['version']}: "
            + ("added" if p["added"] else "already on the server")
            for p in ps
        ),
    )
    return 0


def run_import_content(args: argparse.Namespace) -> int:
    from dealkit.engine.content.importer import (
        ContentImportError,
        ImportOptions,
        import_files,
        parse_kind,
    )
    from dealkit.server.admin_import import ServerFiles

    try:
        options = ImportOptions(kind=parse_kind(args.kind), publish=args.publish)
    except ContentImportError as error:
        raise UserError(str(error)) from None
    store = open_server_store(args)
    try:
        files = ServerFiles(store, owner=args.owner)
        results = import_files(files, args.paths, options)  # type: ignore[arg-type]
    except (ContentImportError, ValueError, OSError) as error:
        raise UserError(str(error)) from None
    finally:
        store.close()
    emit(
        args,
        [r.to_json() for r in results],
        lambda rs: (
            f"imported {sum(1 for r in rs if not r['duplicate_of'])} item(s), "
            f"{sum(1 for r in rs if r['duplicate_of'])} already in the library"
        ),
    )
    return 0


def run_import_demo(args: argparse.Namespace) -> int:
    from dealkit.engine.demo.loader import load_demo
    from dealkit.server.admin_import import ServerFiles

    store = open_server_store(args)
    try:
        counts = load_demo(ServerFiles(store), args.anchor)  # type: ignore[arg-type]
    except _data_errors() as error:
        raise UserError(str(error)) from None
    finally:
        store.close()
    if counts is None:
        raise UserError(
            "the server database is not empty; the demo goes into a new server only "
            "(use another --database-url, or import catalog/plans/content instead)"
        )
    emit(
        args,
        counts.to_json(),
        lambda c: (
            f"loaded the demo: {c['users']} users, {c['products']} products, "
            f"{c['quotes']} quotes, {c['library_items']} library items, {c['plans']} plan(s).\n"
            "The demo's people have no passwords yet: set them with "
            "dealkit server user password NAME --password-stdin"
        ),
    )
    return 0
