"""Trainer publishing: edit a draft's metadata, publish a new version, archive.

The lifecycle is draft -> published -> archived (and archived -> published again). Each step
is one engine function that checks everything first and changes the store in one transaction,
or raises ``PublishError`` with what to do and changes nothing.

Versions: the ``ContentItem`` row always holds the current version, because search, sync and
suggestions read that row. When a published item gets a new version, its previous text, file
and title are copied into a ``ContentVersion`` row first (append-only history). A new version
comes either from publishing the item again after editing its metadata, or from a *revision*:
a new file imported as a draft that ``revises`` a published item (``import_revision``); the
published item stays what reps read until the revision is published, and then takes the
revision's text and file, one version up, while the draft row is removed.

The engine does not know the search index: each function returns the ids of the items it
changed (``changed``) so the caller re-indexes them with ``LibraryIndex.update_item`` (a
removed draft is a tombstone, which ``update_item`` removes from the index).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealkit.engine.content.extract import extract
from dealkit.engine.content.importer import LANGUAGES, guess_language, parse_kind
from dealkit.engine.content.pages import join_pages
from dealkit.engine.store.models import (
    ContentItem,
    ContentKind,
    ContentStatus,
    ContentVersion,
    Role,
    User,
)
from dealkit.engine.workspace import Workspace

PUBLISHING_ROLES = (Role.TRAINER, Role.ADMIN)


class PublishError(ValueError):
    """A publishing step that cannot be done as asked; nothing was changed."""


@dataclass
class ItemEdits:
    """Metadata a trainer edits; None leaves a field as it is (``review_by``: use
    ``clear_review_by`` to remove the date)."""

    title: str | None = None
    kind: str | ContentKind | None = None
    summary: str | None = None
    language: str | None = None
    products: list[str] | None = None
    competitors: list[str] | None = None
    industries: list[str] | None = None
    regions: list[str] | None = None
    review_by: date | None = None
    clear_review_by: bool = False


@dataclass
class PublishResult:
    item_id: str
    title: str
    status: str
    version: int
    published_on: date | None
    changed: list[str] = field(default_factory=list)  # item ids to re-index

    def to_json(self) -> dict[str, object]:
        return {
            "item_id": self.item_id,
            "title": self.title,
            "status": self.status,
            "version": self.version,
            "published_on": self.published_on.isoformat() if self.published_on else None,
            "changed": list(self.changed),
        }


def _result(item: ContentItem, changed: list[str]) -> PublishResult:
    return PublishResult(
        item.id, item.title, str(item.status), item.version, item.published_on, changed
    )


def require_publisher(session: Session, user_id: str | None) -> User | None:
    """The user, if they may publish (trainer or admin role); None when no user is signed in
    (a script on a workspace of its own)."""
    if user_id is None:
        return None
    user = session.get(User, user_id)
    if user is None:
        raise PublishError(f"no user {user_id!r} in this workspace; sign in again")
    if not any(user.has_role(role) for role in PUBLISHING_ROLES):
        raise PublishError(
            f"{user.display_name} cannot publish: it needs the trainer role; ask an "
            "administrator to add it"
        )
    return user


def _item(session: Session, item_id: str) -> ContentItem:
    item = session.get(ContentItem, item_id)
    if item is None or item.deleted:
        raise PublishError(
            f"no library item {item_id!r}; find its id with 'dealkit library search ... --json'"
        )
    return item


def _clean_list(values: list[str], name: str) -> list[str]:
    cleaned = []
    for value in values:
        if not isinstance(value, str):
            raise PublishError(f"{name}: {value!r} is not text; write names or codes")
        text = value.strip()
        if text and text not in cleaned:
            cleaned.append(text)
    return cleaned


def apply_edits(item: ContentItem, edits: ItemEdits) -> None:
    """Check every edit first, then apply them all (an error leaves the item untouched)."""
    changes: dict[str, object] = {}
    if edits.title is not None:
        title = " ".join(edits.title.split())
        if not title:
            raise PublishError("the title is empty; give the item a title reps will recognise")
        if len(title) > 300:
            raise PublishError(f"the title has {len(title)} characters; keep it within 300")
        changes["title"] = title
    if edits.kind is not None:
        try:
            changes["kind"] = (
                edits.kind if isinstance(edits.kind, ContentKind) else parse_kind(edits.kind)
            )
        except ValueError as error:
            raise PublishError(str(error)) from None
    if edits.summary is not None:
        changes["summary"] = edits.summary.strip()
    if edits.language is not None:
        if edits.language not in LANGUAGES:
            raise PublishError(
                f"language {edits.language!r} is not supported; use one of {', '.join(LANGUAGES)}"
            )
        changes["language"] = edits.language
    for name in ("products", "competitors", "industries", "regions"):
        values = getattr(edits, name)
        if values is not None:
            changes[name] = _clean_list(values, name)
    if edits.clear_review_by:
        changes["review_by"] = None
    elif edits.review_by is not None:
        changes["review_by"] = edits.review_by
    for name, value in changes.items():
        setattr(item, name, value)


def save_draft(
    session: Session, item_id: str, edits: ItemEdits, user_id: str | None = None
) -> PublishResult:
    """Save metadata edits without publishing. On a published item they apply at once (a fixed
    typo, a new tag) and do not make a new version; publish again to tell reps it changed."""
    require_publisher(session, user_id)
    item = _item(session, item_id)
    if item.status == ContentStatus.ARCHIVED:
        raise PublishError(
            f"{item.title!r} is archived; publish it again before editing it, or import a new "
            "file as a draft"
        )
    apply_edits(item, edits)
    session.flush()
    return _result(item, [item.id])


def _snapshot(session: Session, item: ContentItem, today: date, user: User | None) -> None:
    """Keep the item's current (published) version in the history."""
    session.add(
        ContentVersion(
            item_id=item.id,
            version=item.version,
            title=item.title,
            language=item.language,
            summary=item.summary,
            body=item.body,
            file_name=item.file_name,
            file_hash=item.file_hash,
            media_type=item.media_type,
            published_on=item.published_on,
            replaced_on=today,
            replaced_by_id=user.id if user else None,
        )
    )


def _was_published(session: Session, item: ContentItem) -> bool:
    if item.published_on is not None:
        return True
    return (
        session.scalar(select(ContentVersion.id).where(ContentVersion.item_id == item.id).limit(1))
        is not None
    )


def publish(
    session: Session,
    item_id: str,
    today: date,
    user_id: str | None = None,
    edits: ItemEdits | None = None,
) -> PublishResult:
    """Publish the item (with ``edits`` applied first) as of ``today``.

    - a draft never published: becomes version 1 (its version as it is), published today;
    - a published or archived item: its current version goes to the history, and it is
      published again one version up;
    - a revision draft: the item it revises takes its text, file and metadata, one version up,
      and the draft row is removed.
    """
    user = require_publisher(session, user_id)
    item = _item(session, item_id)
    if edits is not None:
        apply_edits(item, edits)
    if item.review_by is not None and item.review_by < today:
        raise PublishError(
            f"{item.title!r} has review-by {item.review_by:%Y-%m-%d}, already past, so reps "
            "would not see it; set a later review-by date and publish again"
        )
    if item.revises_id is not None:
        target = _item(session, item.revises_id)
        if target.status != ContentStatus.DRAFT or _was_published(session, target):
            _snapshot(session, target, today, user)
            target.version += 1
        for name in (
            "title", "kind", "language", "summary", "body", "file_name", "file_hash",
            "media_type", "products", "competitors", "industries", "regions", "review_by",
        ):  # fmt: skip
            setattr(target, name, getattr(item, name))
        target.status = ContentStatus.PUBLISHED
        target.published_on = today
        item.deleted = True
        session.flush()
        return _result(target, [target.id, item.id])
    if _was_published(session, item):
        _snapshot(session, item, today, user)
        item.version += 1
    item.status = ContentStatus.PUBLISHED
    item.published_on = today
    session.flush()
    return _result(item, [item.id])


def archive(session: Session, item_id: str, user_id: str | None = None) -> PublishResult:
    """Take the item out of reps' searches (kept, with its history; publish it to restore)."""
    require_publisher(session, user_id)
    item = _item(session, item_id)
    if item.status == ContentStatus.ARCHIVED:
        raise PublishError(f"{item.title!r} is already archived")
    if item.revises_id is not None:
        raise PublishError(
            f"{item.title!r} is an unpublished revision; delete it instead of archiving it"
        )
    item.status = ContentStatus.ARCHIVED
    session.flush()
    return _result(item, [item.id])


def history(session: Session, item_id: str) -> list[ContentVersion]:
    """Earlier versions of the item, newest first."""
    return list(
        session.scalars(
            select(ContentVersion)
            .where(ContentVersion.item_id == item_id, ContentVersion.deleted.is_(False))
            .order_by(ContentVersion.version.desc())
        )
    )


def import_revision(
    workspace: Workspace, item_id: str, path: Path, user_id: str | None = None
) -> PublishResult:
    """Import a new file for a published item as a draft revision of it (see the module
    docstring); the item's metadata is copied, its title kept unless the file has none."""
    path = Path(path)
    if not path.is_file():
        raise PublishError(f"{path}: no such file; check the path")
    with workspace.store.session() as session:
        require_publisher(session, user_id)
        target = _item(session, item_id)
        if target.revises_id is not None:
            raise PublishError(f"{target.title!r} is itself a revision; revise the item it revises")
    extraction = extract(path)
    body = join_pages(extraction.pages)
    file_hash = workspace.put_blob_file(path)
    with workspace.store.session() as session, session.begin():
        target = _item(session, item_id)
        draft = ContentItem(
            title=target.title,
            kind=target.kind,
            language=guess_language(f"{target.title}\n{body}") if body else target.language,
            summary=extraction.problem or target.summary,
            body=body,
            file_name=path.name,
            file_hash=file_hash,
            media_type=extraction.media_type,
            products=list(target.products),
            competitors=list(target.competitors),
            industries=list(target.industries),
            regions=list(target.regions),
            owner_id=user_id if user_id is not None else target.owner_id,
            version=target.version,
            status=ContentStatus.DRAFT,
            review_by=target.review_by,
            revises_id=target.id,
        )
        session.add(draft)
        session.flush()
        return _result(draft, [draft.id])
