"""Views, view counts, "new and changed since you last looked" and review-by reminders."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from dealkit.engine.content.publishing import publish
from dealkit.engine.content.refreshers import new_and_changed, review_due
from dealkit.engine.content.views import ViewError, count_for, record_view, view_counts
from dealkit.engine.store.models import ContentItem, ContentKind, ContentStatus, User
from dealkit.engine.workspace import Workspace

TODAY = date(2026, 11, 27)


@pytest.fixture
def setup(empty_workspace: Workspace) -> dict[str, str]:
    def item(title: str, **kw) -> ContentItem:
        kw.setdefault("published_on", TODAY - timedelta(days=20))
        return ContentItem(title=title, kind=ContentKind.TRAINING, language="en", **kw)

    with empty_workspace.store.session() as s, s.begin():
        maria = User(username="maria", display_name="Maria Lopez", email="m@example.com")
        kenji = User(username="kenji", display_name="Kenji Sato", email="k@example.com")
        alex = User(username="alex", display_name="Alex Morgan", email="a@example.com")
        nok = User(username="nok", display_name="Nok Srisuk", email="n@example.com")
        s.add_all([maria, kenji, alex, nok])
        s.flush()
        rows = {
            "fabric": item("Fabric selling", owner_id=maria.id, review_by=TODAY + timedelta(9)),
            "storage": item("Storage sizing", owner_id=maria.id, review_by=TODAY - timedelta(3)),
            "edge": item("Edge SPIF", owner_id=kenji.id, review_by=TODAY + timedelta(60)),
            "draft": item(
                "Draft",
                status=ContentStatus.DRAFT,
                published_on=None,
                owner_id=kenji.id,
                review_by=TODAY + timedelta(2),
            ),
            "gone": item("Old", status=ContentStatus.ARCHIVED, review_by=TODAY),
            "later": item("Next month", published_on=TODAY + timedelta(days=5)),
        }
        s.add_all(rows.values())
        s.flush()
        ids = {name: row.id for name, row in rows.items()}
        ids.update(maria=maria.id, kenji=kenji.id, alex=alex.id, nok=nok.id)
    return ids


def test_view_then_republish_shows_the_item_as_changed(empty_workspace, setup) -> None:
    ids = setup
    with empty_workspace.store.session() as s:
        fresh = new_and_changed(s, ids["alex"], TODAY)
        # Storage is past review-by, so hidden like in search; drafts, archived, future: hidden
        assert {r.title for r in fresh} == {"Fabric selling", "Edge SPIF"}
        assert {r.reason for r in fresh} == {"new"}
    at = datetime(2026, 11, 20, 9, tzinfo=UTC)
    with empty_workspace.store.session() as s, s.begin():
        record_view(s, ids["fabric"], ids["alex"], at)
        record_view(s, ids["edge"], ids["alex"], at)
    with empty_workspace.store.session() as s:
        assert new_and_changed(s, ids["alex"], TODAY) == []
        assert len(new_and_changed(s, ids["nok"], TODAY)) == 2  # per rep
    with empty_workspace.store.session() as s, s.begin():
        publish(s, ids["fabric"], TODAY)
    with empty_workspace.store.session() as s:
        [changed] = new_and_changed(s, ids["alex"], TODAY)
    assert (changed.title, changed.reason, changed.version, changed.seen_version) == (
        "Fabric selling",
        "changed",
        2,
        1,
    )
    assert changed.explain() == "Changed: version 2 published 2026-11-27; you last read version 1"
    with empty_workspace.store.session() as s, s.begin():
        record_view(s, ids["fabric"], ids["alex"])
    with empty_workspace.store.session() as s:
        assert new_and_changed(s, ids["alex"], TODAY) == []


def test_view_counts_count_openings_and_people(empty_workspace, setup) -> None:
    ids = setup
    with empty_workspace.store.session() as s, s.begin():
        for user, day in (("alex", 1), ("alex", 3), ("nok", 2)):
            at = datetime(2026, 11, day, 10, tzinfo=UTC)
            record_view(s, ids["fabric"], ids[user], at)
    with empty_workspace.store.session() as s:
        counts = view_counts(s)
    fabric = count_for(counts, ids["fabric"])
    assert (fabric.views, fabric.viewers) == (3, 2)
    assert fabric.last_viewed_at == datetime(2026, 11, 3, 10, tzinfo=UTC)
    assert fabric.explain() == "3 openings by 2 people, last on 2026-11-03"
    assert count_for(counts, ids["edge"]).explain() == "not opened yet"
    with (
        pytest.raises(ViewError, match="no library item 'x'"),
        empty_workspace.store.session() as s,
    ):
        record_view(s, "x", ids["alex"])


def test_review_due_lists_overdue_first_by_owner(empty_workspace, setup) -> None:
    with empty_workspace.store.session() as s:
        due = review_due(s, TODAY, days=14)
        assert [(r.owner_name, r.title, r.days_left) for r in due] == [
            ("Kenji Sato", "Draft", 2),
            ("Maria Lopez", "Storage sizing", -3),
            ("Maria Lopez", "Fabric selling", 9),
        ]
        assert due[1].explain() == "review was due 2026-11-24, 3 days ago"
        assert due[2].explain() == "review by 2026-12-06, in 9 days"
        assert [r.title for r in review_due(s, TODAY, 0, owner_id=setup["maria"])] == [
            "Storage sizing"
        ]
        with pytest.raises(ValueError, match="give 0 or more days"):
            review_due(s, TODAY, -1)
