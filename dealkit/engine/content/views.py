"""Who opened which library item, which version, and when: view counts for trainers.

Each opening is one ``ContentView`` row (append-only, so views recorded on many laptops sync
up without conflicts). The version seen is kept so "new and changed since you last looked"
(``refreshers``) can tell a rep that an item they read has a newer version.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dealkit.engine.ids import utcnow
from dealkit.engine.store.models import ContentItem, ContentView, User


class ViewError(ValueError):
    """A view that cannot be recorded (an unknown item or user)."""


@dataclass(frozen=True)
class ViewCount:
    item_id: str
    views: int  # every opening
    viewers: int  # different people
    last_viewed_at: datetime | None

    def explain(self) -> str:
        if not self.views:
            return "not opened yet"
        people = "1 person" if self.viewers == 1 else f"{self.viewers} people"
        times = "1 opening" if self.views == 1 else f"{self.views} openings"
        return f"{times} by {people}, last on {self.last_viewed_at:%Y-%m-%d}"


def record_view(
    session: Session, item_id: str, user_id: str, at: datetime | None = None
) -> ContentView:
    """Record that ``user_id`` opened the item as it is now (its current version)."""
    item = session.get(ContentItem, item_id)
    if item is None or item.deleted:
        raise ViewError(f"no library item {item_id!r} to record a view of")
    if session.get(User, user_id) is None:
        raise ViewError(f"no user {user_id!r} in this workspace; sign in again")
    view = ContentView(
        item_id=item_id, item_version=item.version, user_id=user_id, viewed_at=at or utcnow()
    )
    session.add(view)
    session.flush()
    return view


def view_counts(session: Session, item_ids: Iterable[str] | None = None) -> dict[str, ViewCount]:
    """Views, distinct viewers and the last view of each item (only items viewed at least once
    appear; ``item_ids`` narrows to those items)."""
    statement = (
        select(
            ContentView.item_id,
            func.count(),
            func.count(func.distinct(ContentView.user_id)),
            func.max(ContentView.viewed_at),
        )
        .where(ContentView.deleted.is_(False))
        .group_by(ContentView.item_id)
    )
    if item_ids is not None:
        statement = statement.where(ContentView.item_id.in_(list(item_ids)))
    counts = {}
    for item_id, views, viewers, last in session.execute(statement):
        if isinstance(last, str):  # SQLite returns max() of a custom type as stored text
            last = datetime.fromisoformat(last)
        counts[item_id] = ViewCount(item_id, int(views), int(viewers), last)
    return counts


def count_for(counts: dict[str, ViewCount], item_id: str) -> ViewCount:
    return counts.get(item_id) or ViewCount(item_id, 0, 0, None)
