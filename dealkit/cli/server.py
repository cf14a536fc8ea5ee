"""``dealkit server``: run the shared server (PostgreSQL in production, embedded SQLite default)."""

from __future__ import annotations

import argparse

from dealkit.cli.output import UserError


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "server", parents=[common], help="run the shared Dealkit server (HTTP API)"
    )
    parser.add_argument(
        "--database-url",
        help="SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db "
        "(default: an SQLite file in the workspace folder)",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8750)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from dealkit.server.app import create_app
    except ModuleNotFoundError as error:  # the desktop app bundle leaves the server out
        raise UserError(
            f"this Dealkit has no server ({error.name} is not installed): run the server from "
            f"a pip install of Dealkit (pip install dealkit), see packaging/README.md"
        ) from None

    from dealkit.engine.store.database import open_sqlite_store, open_store_url
    from dealkit.engine.workspace import default_workspace_dir

    if args.database_url:
        try:
            store = open_store_url(args.database_url)
        except Exception as error:  # the driver's message says what is wrong with the URL
            raise UserError(f"cannot open --database-url {args.database_url}: {error}") from None
    else:
        root = (args.workspace or default_workspace_dir()).parent / "server"
        root.mkdir(parents=True, exist_ok=True)
        store = open_sqlite_store(root / "server.db")
    uvicorn.run(create_app(store), host=args.host, port=args.port, log_level="info")
    return 0
