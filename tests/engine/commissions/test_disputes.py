"""Disputes: a rep questions a line; open -> in review -> resolved, with the thread kept in the
workspace's store (rows with sync metadata) and attachments kept as workspace blobs."""

from datetime import UTC, datetime

import pytest

from dealkit.engine.commissions.disputes import (
    DisputeBook,
    DisputeError,
    DisputeStatus,
    Resolution,
)
from dealkit.engine.commissions.results import Line
from dealkit.engine.money import Money

LINE = Line(
    "base",
    "Base commission",
    "earning",
    Money.of("27850.00", "USD"),
    ["15% of $119,000.00 (4 credits) = $17,850.00"],
)
T0 = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def test_a_question_goes_from_open_to_resolved_and_keeps_its_thread(empty_workspace):
    book = DisputeBook.for_workspace(empty_workspace)
    d = book.raise_dispute(
        participant="alex",
        plan_code="field-sales",
        period="2026-Q4",
        line=LINE,
        reason="missing_credit",
        message="Q-2026-0140 closed on Nov 20 is not on my statement",
        attachment=("signed-order.pdf", b"%PDF-1.4 signed order"),
        at=T0,
    )
    assert d.status is DisputeStatus.OPEN
    assert empty_workspace.blob_path(d.messages[0].attachment).read_bytes().startswith(b"%PDF")
    book.reply(d.id, "alex", "The order number is NW-88812", at=T0)
    book.start_review(d.id, "sam", at=T0)
    done = book.resolve(d.id, "sam", "adjusted", "Credited; it appears as an adjustment", at=T0)
    again = DisputeBook(empty_workspace.store.engine).get(d.id)
    assert again == done
    assert again.status is DisputeStatus.RESOLVED and again.resolution is Resolution.ADJUSTED
    assert [m.author for m in again.messages] == ["alex", "alex", "sam", "sam"]
    assert again.messages[0].attachment_name == "signed-order.pdf"
    assert again.summary() == (
        "Base commission $27,850.00: a deal is missing or credited to someone else; "
        "resolved (adjusted)"
    )
    assert [x.id for x in book.all(participant="alex")] == [d.id]
    assert book.all(status=DisputeStatus.OPEN) == []


def test_wrong_steps_are_refused_with_the_way_forward(empty_workspace):
    book = DisputeBook(empty_workspace.store.engine)
    with pytest.raises(DisputeError, match="reason 'angry' is not known: choose one of"):
        book.raise_dispute(
            participant="alex",
            plan_code="p",
            period="2026-Q4",
            line=LINE,
            reason="angry",
            message="?",
        )
    d = book.raise_dispute(
        participant="alex",
        plan_code="p",
        period="2026-Q4",
        line=LINE,
        reason="wrong_rate",
        message="NET-SPINE-64 should be 20%",
    )
    with pytest.raises(DisputeError, match="start the review before resolving it"):
        book.resolve(d.id, "sam", "explained", "...")
    book.start_review(d.id, "sam")
    with pytest.raises(DisputeError, match="resolution 'maybe' is not known"):
        book.resolve(d.id, "sam", "maybe", "...")
    book.resolve(d.id, "sam", Resolution.EXPLAINED, "20% applies from v2 of the plan")
    with pytest.raises(DisputeError, match="raise a new question on the line instead"):
        book.reply(d.id, "alex", "but...")
    with pytest.raises(DisputeError, match="attachments need a workspace"):
        book.raise_dispute(
            participant="alex",
            plan_code="p",
            period="2026-Q4",
            line=LINE,
            reason="other",
            message="see file",
            attachment=("a.txt", b"x"),
        )
