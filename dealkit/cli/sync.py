"""``dealkit sync [--server URL]``: sync the workspace with the shared server, headless.

Uses the sign-in the window saved for this workspace (keyring, else the private
``session.json`` in the workspace folder; sign in once with File ▸ Sign in), pushes the outbox
and pulls what changed — the same ``SyncClient`` round as the window's background sync — then
takes back local decisions the server refused and brings the library's search index up to the
pulled items. Prints a summary; ``--json`` prints it as one JSON document:

    {"server": "...", "pushed": 2, "pulled": 135, "pages": 1, "cursor": 4512,
     "waiting": 0, "rejected": [], "conflicts": [], "refused_decisions": [],
     "library_items_indexed": 3}

Exit status 2 with a message when not signed in, the sign-in expired, or the server cannot
be reached (local changes are kept and go up at the next sync).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from dealkit.cli.output import UserError, emit

SESSION_FILE = "session.json"  # as dealkit/desktop/session.py keeps it (without Qt here)


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "sync",
        parents=[common],
        help="sync the workspace with the shared server (push your changes, pull others')",
        description="Push the outbox and pull changes, with the sign-in saved by the window.",
    )
    parser.add_argument(
        "--server",
        metavar="URL",
        help="the server to sync with (default: the one signed in to); must match the sign-in",
    )
    parser.set_defaults(func=run)


def saved_session(root: Path) -> Any:
    from dealkit.engine.auth.token_store import TokenStore

    return TokenStore(root / SESSION_FILE, account=f"session:{root}").load()


def run(args: argparse.Namespace) -> int:
    from dealkit.engine.approvals.decisions import settle_refused
    from dealkit.engine.auth.client import SignInError, normalize_server
    from dealkit.engine.ids import utcnow
    from dealkit.engine.store.models import User
    from dealkit.engine.sync.client import SyncClient
    from dealkit.engine.sync.outbox import PENDING
    from dealkit.engine.sync.transport import SignInNeeded, SyncError
    from dealkit.engine.workspace import Workspace

    workspace = Workspace.open(args.workspace)
    try:
        root = Path(workspace.root)
        saved = saved_session(root)
        if saved is None:
            raise UserError(
                f"not signed in for the workspace {root}: open Dealkit and sign in "
                "(File ▸ Sign in), then run dealkit sync again"
            )
        if args.server:
            try:
                wanted = normalize_server(args.server)
            except SignInError as error:
                raise UserError(f"--server: {error}") from None
            if wanted.rstrip("/") != saved.server.rstrip("/"):
                raise UserError(
                    f"--server {wanted}: this workspace is signed in to {saved.server}; sign in "
                    "to the other server in the window first"
                )
        if saved.expired(utcnow()):
            raise UserError(
                f"the sign-in to {saved.server} expired: sign in again in the window; your "
                "local changes are kept"
            )
        quiet = args.json

        def progress(stage: str, done: int, total: int | None) -> None:
            if not quiet:
                of = f"/{total}" if total else ""
                print(f"  {stage} {done}{of}", file=sys.stderr)

        client = SyncClient(workspace, saved.server, saved.token, progress=progress)
        try:
            report = client.sync()
        except SignInNeeded as error:
            raise UserError(f"{error}; your local changes are kept") from None
        except SyncError as error:
            raise UserError(str(error)) from None
        finally:
            client.transport.close()
        with workspace.store.session() as session, session.begin():
            refused = settle_refused(session)
            me = session.get(User, saved.user_id) if saved.user_id else None
        if me is not None:
            workspace.set_info("current_user_id", me.id)
        indexed = _index_pulled(workspace, report.changed)
        summary = {
            "server": saved.server,
            "user": saved.username,
            "pushed": report.pushed,
            "pulled": report.pulled,
            "pages": report.pages,
            "cursor": report.cursor,
            "waiting": client.outbox_count(PENDING),
            "rejected": [{"client_id": c, "reason": r} for c, r in report.rejected],
            "conflicts": report.conflicts,
            "refused_decisions": [
                {
                    "quote": r.quote_number,
                    "version": r.quote_version,
                    "decision": r.decision.value,
                    "reason": r.reason,
                }
                for r in refused
            ],
            "changed": {table: len(ids) for table, ids in sorted(report.changed.items())},
            "library_items_indexed": indexed,
        }
        emit(args, summary, _text)
        return 0
    finally:
        workspace.close()


def _index_pulled(workspace: Any, changed: dict[str, set[str]]) -> int:
    from dealkit.desktop.sync.library_refresh import index_pulled_items, pulled_content_ids

    ids = pulled_content_ids(changed)
    if not ids:
        return 0
    from dealkit.index.library import LibraryIndex

    index = LibraryIndex.open(workspace)
    try:
        index.ensure_built()
        return index_pulled_items(workspace, index, ids)
    finally:
        index.close()


def _text(summary: dict[str, Any]) -> str:
    lines = [
        f"Synced with {summary['server']} as {summary['user']}: sent {summary['pushed']} "
        f"change(s), received {summary['pulled']} row(s)."
    ]
    if summary["library_items_indexed"]:
        lines.append(f"Library: {summary['library_items_indexed']} item(s) indexed.")
    for conflict in summary["conflicts"]:
        lines.append(f"Kept both: {conflict}")
    for rejected in summary["rejected"]:
        lines.append(f"Refused by the server: {rejected['reason']}")
    for refused in summary["refused_decisions"]:
        lines.append(
            f"Your decision on {refused['quote']} v{refused['version']} was not recorded: "
            f"{refused['reason']}"
        )
    if summary["waiting"]:
        lines.append(f"{summary['waiting']} change(s) still waiting to go up.")
    return "\n".join(lines)
