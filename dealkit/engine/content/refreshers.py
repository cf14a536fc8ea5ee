"""Refreshers: what a rep has not seen yet, and what a trainer must review soon.

"New and changed since you last looked" is per rep and per item: an item the rep can read
(published, already out, not past its review-by date, the same rule the search applies) is
*new* if the rep never opened it, and *changed* if the newest version the rep opened is older
than the item's version now. Versions, not dates, decide: a rep who read version 2 on the day
version 3 came out still sees version 3 as changed.

Review-by reminders are for trainers: items (drafts and published, not archived) whose
review-by date is past or within ``days`` days, grouped by owner, most overdue first.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from dealkit.engine.store.models import ContentItem, ContentStatus, ContentView, User


@dataclass(frozen=True)
class Refresher:
    item_id: str
    title: str
    kind: str
    language: str
    version: int
    published_on: date | None
    reason: str  # "new" or "changed"
    seen_version: int | None  # the newest version the rep opened, if any

    def explain(self) -> str:
        when = f"published {self.published_on:%Y-%m-%d}" if self.published_on else "published"
        if self.reason == "new":
            return f"New: {when}, you have not opened it yet"
        return f"Changed: version {self.version} {when}; you last read version {self.seen_version}"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["published_on"] = self.published_on.isoformat() if self.published_on else None
        data["explanation"] = self.explain()
        return data


def visible_items_clause(as_of: date) -> list[Any]:
    """What a rep can read on ``as_of``: the search's rule (docs/search.md) as SQL."""
    return [
        ContentItem.deleted.is_(False),
        ContentItem.status == ContentStatus.PUBLISHED,
        ContentItem.published_on <= as_of,
        or_(ContentItem.review_by.is_(None), ContentItem.review_by >= as_of),
    ]


def new_and_changed(
    session: Session, user_id: str, as_of: date, limit: int | None = None
) -> list[Refresher]:
    """Items the rep has not opened, or opened in an older version; newest first."""
    seen = (
        select(ContentView.item_id, func.max(ContentView.item_version).label("seen"))
        .where(ContentView.user_id == user_id, ContentView.deleted.is_(False))
        .group_by(ContentView.item_id)
        .subquery()
    )
    statement = (
        select(ContentItem, seen.c.seen)
        .outerjoin(seen, seen.c.item_id == ContentItem.id)
        .where(*visible_items_clause(as_of))
        .where(or_(seen.c.seen.is_(None), seen.c.seen < ContentItem.version))
        .order_by(ContentItem.published_on.desc(), ContentItem.title)
    )
    if limit is not None:
        statement = statement.limit(limit)
    return [
        Refresher(
            item.id,
            item.title,
            str(item.kind),
            item.language,
            item.version,
            item.published_on,
            "new" if seen_version is None else "changed",
            seen_version,
        )
        for item, seen_version in session.execute(statement)
    ]


@dataclass(frozen=True)
class ReviewDue:
    item_id: str
    title: str
    status: str
    owner_id: str | None
    owner_name: str
    review_by: date
    days_left: int  # negative: overdue by that many days

    def explain(self) -> str:
        if self.days_left < 0:
            late = -self.days_left
            return f"review was due {self.review_by:%Y-%m-%d}, {late} day{'s' * (late != 1)} ago"
        if self.days_left == 0:
            return f"review is due today ({self.review_by:%Y-%m-%d})"
        days = self.days_left
        return f"review by {self.review_by:%Y-%m-%d}, in {days} day{'s' * (days != 1)}"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["review_by"] = self.review_by.isoformat()
        data["explanation"] = self.explain()
        return data


def review_due(
    session: Session, as_of: date, days: int = 30, owner_id: str | None = None
) -> list[ReviewDue]:
    """Items to review: review-by past or within ``days`` days; by owner, most overdue first.

    Published items past review-by are already hidden from reps' searches, which is why they
    come first.
    """
    if days < 0:
        raise ValueError(f"days is {days}; give 0 or more days to look ahead")
    statement = (
        select(ContentItem, User.display_name)
        .outerjoin(User, User.id == ContentItem.owner_id)
        .where(
            ContentItem.deleted.is_(False),
            ContentItem.status != ContentStatus.ARCHIVED,
            ContentItem.revises_id.is_(None),
            ContentItem.review_by.is_not(None),
            ContentItem.review_by <= as_of + timedelta(days=days),
        )
    )
    if owner_id is not None:
        statement = statement.where(ContentItem.owner_id == owner_id)
    rows = [
        ReviewDue(
            item.id,
            item.title,
            str(item.status),
            item.owner_id,
            name or "(no owner)",
            item.review_by,
            (item.review_by - as_of).days,
        )
        for item, name in session.execute(statement)
    ]
    rows.sort(key=lambda r: (r.owner_name, r.days_left, r.title))
    return rows
