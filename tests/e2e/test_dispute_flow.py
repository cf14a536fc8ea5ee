"""Flow 3: a rep questions a statement line on their laptop, the comp admin reviews and answers
on theirs, and the rep's laptop shows the answer — through a real server."""

from __future__ import annotations

from decimal import Decimal

from dealkit.engine.commissions.disputes import DisputeBook
from dealkit.engine.commissions.results import Line
from dealkit.engine.money import Money
from dealkit.engine.store.models import DisputeResolution, DisputeStatus
from tests.e2e.laptops import open_laptop
from tests.helpers.servers import running_server

LINE = Line(
    component="new_business",
    label="New business commission",
    kind="earning",
    amount=Money(Decimal("1250.00"), "USD"),
    trace=["8% of 15,625.00"],
)


def test_a_reps_question_is_answered_by_the_comp_admin_and_the_rep_sees_it(sync_server, tmp_path):
    store = sync_server.store
    with running_server(store) as url:
        alex = open_laptop(tmp_path / "alex", store, url, "alex")
        cara = open_laptop(tmp_path / "cara", store, url, "cara")
        bea = open_laptop(tmp_path / "bea", store, url, "bea")
        for laptop in (alex, cara, bea):
            laptop.sync()
        question = DisputeBook.for_workspace(alex.workspace).raise_dispute(
            participant="alex",
            plan_code="AE-2026",
            period="2026-Q3",
            line=LINE,
            reason="missing_credit",
            message="The Atlantic Mutual deal closed on 28 September; it is not on my statement.",
        )
        assert alex.sync().rejected == []

        cara.sync()
        book = DisputeBook.for_workspace(cara.workspace)
        assert [d.id for d in book.all(status=DisputeStatus.OPEN)] == [question.id]
        book.start_review(question.id, by="cara")
        book.resolve(
            question.id,
            by="cara",
            resolution="adjusted",
            text="Credited in October's run as an adjustment of 1,250.00.",
        )
        assert cara.sync().rejected == []

        alex.sync()
        bea.sync()
    answered = DisputeBook.for_workspace(alex.workspace).get(question.id)
    assert answered.status is DisputeStatus.RESOLVED
    assert answered.resolution in (DisputeResolution.ADJUSTED, "adjusted")
    assert [m.author for m in answered.messages] == ["alex", "cara", "cara"]
    assert answered.messages[-1].text == "Credited in October's run as an adjustment of 1,250.00."
    assert DisputeBook.for_workspace(bea.workspace).all() == []  # someone else's question
