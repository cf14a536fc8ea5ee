"""The demo's library engagement: quizzes on a few training items, and reps' past views.

Quizzes come from ``resources/demo/quizzes/<library item file stem>.yaml`` (docs/quizzes.md).
Views are made up, deterministically, so that "New & changed" shows something sensible for the
signed-in rep: each rep has opened most items published more than ``SEEN_AFTER_DAYS`` days
before the anchor, a few days after they came out; newer items are new to everyone. One item
(``REVISED``) was re-published as version 2 recently, with version 1 in its history, so it
shows as *changed* for the reps who read version 1.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from dealkit.engine.content.quizzes import QuizError, parse_quiz
from dealkit.engine.demo.errors import DemoDataError
from dealkit.engine.demo.library_source import LibrarySource
from dealkit.engine.store.models import ContentItem, ContentQuiz, ContentVersion, ContentView

SEEN_AFTER_DAYS = 21
REVISED = {"training-quote-approvals-how-to": 12}  # slug -> days before the anchor


@dataclass(frozen=True)
class QuizSource:
    slug: str
    path: Path
    text: str


def read_quizzes(root: Path, library: list[LibrarySource]) -> list[QuizSource]:
    """Every quiz source, validated; each must name a library item by its file's stem."""
    slugs = {item.slug for item in library}
    found = []
    for path in sorted((root / "quizzes").glob("*.yaml")):
        if path.stem not in slugs:
            raise DemoDataError(
                path,
                f"no library item library/{path.stem}.md for this quiz",
                "name the quiz file after its library item's file (e.g. "
                "training-storage-sizing.yaml)",
            )
        text = path.read_text(encoding="utf-8")
        try:
            parse_quiz(text, str(path))
        except QuizError as error:
            raise DemoDataError(path, error.problem, error.fix, error.line) from None
        found.append(QuizSource(path.stem, path, text))
    return found


def _spread(*parts: str) -> int:
    """A stable number from 0 to 99 for a combination of names (no randomness in the demo)."""
    return hashlib.sha256("/".join(parts).encode()).digest()[0] * 100 // 256


def add_engagement(
    session: Session,
    library: list[LibrarySource],
    quizzes: list[QuizSource],
    rows: dict[str, ContentItem],
    reps: list[str],
    user_ids: dict[str, str],
    anchor: date,
) -> None:
    session.flush()  # the items' ids
    for quiz in quizzes:
        session.add(
            ContentQuiz(item_id=rows[quiz.slug].id, source=quiz.text, source_name=quiz.path.name)
        )
    for slug, days_ago in REVISED.items():
        row = rows.get(slug)
        if row is None:
            continue
        session.add(
            ContentVersion(
                item_id=row.id,
                version=1,
                title=row.title,
                language=row.language,
                summary=row.summary,
                body=row.body,
                file_name=row.file_name,
                file_hash=row.file_hash,
                media_type=row.media_type,
                published_on=row.published_on,
                replaced_on=anchor - timedelta(days=days_ago),
                replaced_by_id=row.owner_id,
            )
        )
        row.version = 2
        row.published_on = anchor - timedelta(days=days_ago)
    for item in library:
        if item.published_on > anchor - timedelta(days=SEEN_AFTER_DAYS):
            continue
        for rep in reps:
            spread = _spread(item.slug, rep)
            if spread >= 80:  # about one item in five stays unread by each rep
                continue
            day = item.published_on + timedelta(days=1 + spread % 14)
            session.add(
                ContentView(
                    item_id=rows[item.slug].id,
                    item_version=1,
                    user_id=user_ids[rep],
                    viewed_at=datetime.combine(day, time(9 + spread % 8), UTC),
                )
            )
