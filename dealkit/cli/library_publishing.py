"""``dealkit library publish|archive|review-due|quiz|new``: trainer publishing and refreshers.

Registered under ``dealkit library`` by ``dealkit.cli.library``. Each step acts as the
workspace's signed-in user (``current_user_id``), who needs the trainer role to publish or
archive; a published or archived item is re-indexed at once through ``LibraryIndex``.
Formats and rules: docs/library-import.md (publishing) and docs/quizzes.md (quizzes).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from dealkit.cli.arguments import iso_date
from dealkit.cli.output import UserError, emit
from dealkit.engine.workspace import Workspace


def _days(value: str) -> int:
    if not value.isdigit() or int(value) > 3650:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of days from 0 to 3650")
    return int(value)


def register_actions(actions: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    publish = actions.add_parser(
        "publish",
        parents=[common],
        help="publish a library item (a draft, or a new version of a published item)",
        description="Publishes the item as the signed-in trainer: a draft becomes version 1, a "
        "published or archived item becomes a new version (the previous one is kept in its "
        "history), a revision draft replaces the item it revises. See docs/library-import.md.",
    )
    publish.add_argument("item_id", metavar="ID", help="the item's id (from search --json)")
    publish.add_argument(
        "--as-of", type=iso_date, metavar="DATE", help="the published date (default: today)"
    )
    publish.set_defaults(func=run_publish)

    archive = actions.add_parser(
        "archive", parents=[common], help="archive a library item (hidden from searches)"
    )
    archive.add_argument("item_id", metavar="ID", help="the item's id")
    archive.set_defaults(func=run_archive)

    due = actions.add_parser(
        "review-due",
        parents=[common],
        help="items whose review-by date is past or within N days, by owner",
    )
    due.add_argument(
        "--days", type=_days, default=30, metavar="N", help="look N days ahead (default 30)"
    )
    due.add_argument("--mine", action="store_true", help="only items the signed-in user owns")
    due.add_argument("--as-of", type=iso_date, metavar="DATE", help="count from this day")
    due.set_defaults(func=run_review_due)

    quiz = actions.add_parser(
        "quiz",
        parents=[common],
        help="print a library item's quiz, or attach one (docs/quizzes.md)",
    )
    quiz.add_argument("item_id", metavar="ID", help="the item's id")
    quiz.add_argument(
        "--attach", type=Path, metavar="FILE", help="check this quiz file and attach it to the item"
    )
    quiz.set_defaults(func=run_quiz)

    new = actions.add_parser(
        "new",
        parents=[common],
        help="items new or changed since the signed-in user last opened them",
    )
    new.add_argument("--as-of", type=iso_date, metavar="DATE", help="decide on this day")
    new.set_defaults(func=run_new)


def _user(workspace: Workspace) -> str | None:
    return workspace.info("current_user_id")


def _reindex(workspace: Workspace, ids: list[str]) -> None:
    from dealkit.engine.store.models import ContentItem
    from dealkit.index.library import IndexBusyError, LibraryIndex

    index = LibraryIndex.open(workspace)
    try:
        with workspace.store.session() as session:
            for item_id in ids:
                item = session.get(ContentItem, item_id)
                if item is not None:
                    index.update_item(item)
    except IndexBusyError as error:
        raise UserError(f"saved, but the search index is busy: {error}") from None
    finally:
        index.close()


def _lifecycle(args: argparse.Namespace, step: str) -> int:
    from dealkit.engine.content.publishing import PublishError, archive, publish
    from dealkit.index.library import local_today

    workspace = Workspace.open(args.workspace)
    try:
        try:
            with workspace.store.session() as session, session.begin():
                if step == "publish":
                    result = publish(
                        session, args.item_id, args.as_of or local_today(), _user(workspace)
                    )
                else:
                    result = archive(session, args.item_id, _user(workspace))
        except PublishError as error:
            raise UserError(str(error)) from None
        _reindex(workspace, result.changed)
    finally:
        workspace.close()
    verb = "Published" if step == "publish" else "Archived"
    emit(
        args,
        result.to_json(),
        f"{verb} {result.title!r} (version {result.version}, {result.status}); "
        "the search index is updated.",
    )
    return 0


def run_publish(args: argparse.Namespace) -> int:
    return _lifecycle(args, "publish")


def run_archive(args: argparse.Namespace) -> int:
    return _lifecycle(args, "archive")


def run_review_due(args: argparse.Namespace) -> int:
    from dealkit.engine.content.refreshers import review_due
    from dealkit.index.library import local_today

    workspace = Workspace.open(args.workspace)
    try:
        owner = _user(workspace) if args.mine else None
        if args.mine and owner is None:
            raise UserError("--mine needs a signed-in user; this workspace has none")
        as_of = args.as_of or local_today()
        with workspace.store.session() as session:
            rows = review_due(session, as_of, args.days, owner)
    finally:
        workspace.close()
    data = {
        "as_of": as_of.isoformat(),
        "days": args.days,
        "count": len(rows),
        "items": [r.to_json() for r in rows],
    }

    def describe(data: dict[str, Any]) -> str:
        if not data["items"]:
            return f"Nothing to review in the next {data['days']} days."
        lines, owner_name = [], None
        for item in data["items"]:
            if item["owner_name"] != owner_name:
                owner_name = item["owner_name"]
                lines.append(f"{owner_name}:")
            lines.append(f"  {item['title']}  ({item['status']}): {item['explanation']}")
            lines.append(f"    id {item['item_id']}")
        return "\n".join(lines)

    emit(args, data, describe)
    return 0


def run_quiz(args: argparse.Namespace) -> int:
    from dealkit.engine.content.quizzes import QuizError, attach_quiz, load_quiz_file, quiz_for_item

    workspace = Workspace.open(args.workspace)
    try:
        try:
            if args.attach is not None:
                _quiz, text = load_quiz_file(args.attach)
                with workspace.store.session() as session, session.begin():
                    stored = attach_quiz(session, args.item_id, text, args.attach.name)
            else:
                with workspace.store.session() as session:
                    stored = quiz_for_item(session, args.item_id)
        except QuizError as error:
            raise UserError(str(error)) from None
    finally:
        workspace.close()
    if stored is None:
        raise UserError(
            f"item {args.item_id} has no quiz; attach one with --attach FILE (docs/quizzes.md)"
        )
    data = {"item_id": stored.item_id, "item_title": stored.item_title, **stored.quiz.to_json()}

    def describe(data: dict[str, Any]) -> str:
        lines = [f"{data['title']}  (on {data['item_title']!r}; pass mark {data['pass_percent']}%)"]
        for question in data["questions"]:
            lines.append(f"{question['number']}. {question['question']}")
            for letter, choice in question["choices"].items():
                mark = "*" if letter in question["answer"] else " "
                lines.append(f"   {mark} {letter}. {choice}")
            lines.append(f"     {question['explanation']}")
        return "\n".join(lines)

    emit(args, data, describe)
    return 0


def run_new(args: argparse.Namespace) -> int:
    from dealkit.engine.content.refreshers import new_and_changed
    from dealkit.index.library import local_today

    workspace = Workspace.open(args.workspace)
    try:
        user = _user(workspace)
        if user is None:
            raise UserError("this workspace has no signed-in user; load the demo or sign in")
        with workspace.store.session() as session:
            rows = new_and_changed(session, user, args.as_of or local_today())
    finally:
        workspace.close()
    data = {"count": len(rows), "items": [r.to_json() for r in rows]}
    emit(
        args,
        data,
        lambda d: (
            "\n".join(f"{i['title']}: {i['explanation']}" for i in d["items"])
            or "Nothing new or changed since you last looked."
        ),
    )
    return 0
