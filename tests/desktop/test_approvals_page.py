"""The Approvals page on the demo: the queue's "Why" column and the panel that lists every
reason and the approver route of the selected quote (real window, real store, real pricing)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from sqlalchemy import select, update

from dealkit.desktop.approvals.queue_model import REASON_COLUMN
from dealkit.engine.approvals.saved import check_saved_quote
from dealkit.engine.store.models import PriceBook, QuoteStatus, User
from tests.helpers.desktop import wait_idle


def open_approvals(qtbot, make_window, workspace, language="en"):
    window = make_window(workspace, language=language)
    window.show_page("approvals")
    wait_idle(qtbot, window)
    page = window.pages["approvals"]
    qtbot.waitUntil(lambda: page.model.checked, timeout=60_000)
    return window, page


def reason_cell(page, row):
    return page.proxy.index(row, REASON_COLUMN)


def select_row(qtbot, page, row):
    page.table.selectRow(row)
    quote = page.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole + 2)
    qtbot.waitUntil(lambda: page.why.quote == quote and page.why.check is not None)
    return quote


def test_selecting_a_quote_shows_why_it_needs_approval(qtbot, make_window, demo_workspace):
    _, page = open_approvals(qtbot, make_window, demo_workspace)
    rows = page.proxy.rowCount()
    assert rows >= 1, "alex has submitted quotes in the demo"
    for row in range(rows):
        quote = select_row(qtbot, page, row)
        with demo_workspace.store.session() as session:
            expected = check_saved_quote(session, quote.number, quote.version)
        # The panel shows the engine's answer for this very quote, every reason of it.
        assert page.why.reason_texts() == expected.reasons
        text = page.why.reasons.text()
        for hits in expected.by_rule:  # each rule once, with every finding under it
            assert text.count(f"<b>{hits.name}</b>") == 1
            for finding in hits.findings:
                assert finding[1:] in text
        assert page.why.heading.text() == "Why this needs approval"
        assert page.why.route.isVisible()
        route = page.why.route.text()
        if quote.status is QuoteStatus.IN_REVIEW:
            assert expected.reasons, f"{quote.number} is in review without a reason"
            assert "Waiting for a decision" in route
        if quote.status is QuoteStatus.APPROVED:
            assert "Approved" in route and "Waiting" not in route
        # The queue's cell names the rules, the first reason's first; its tooltip all reasons.
        cell = reason_cell(page, row).data()
        assert cell == expected.summary
        assert cell.startswith(expected.result.evaluation.requirements[0].rule.name)
        assert reason_cell(page, row).data(Qt.ItemDataRole.ToolTipRole) == "\n".join(
            expected.reasons
        )
    assert page.model.headerData(REASON_COLUMN, Qt.Orientation.Horizontal) == "Why"


def test_a_manager_sees_why_each_team_quote_waits_and_can_filter_by_it(
    qtbot, make_window, demo_workspace
):
    with demo_workspace.store.session() as session:
        dana = session.scalar(select(User).where(User.username == "dana"))
    demo_workspace.set_info("current_user_id", dana.id)
    _, page = open_approvals(qtbot, make_window, demo_workspace)
    rows = page.proxy.rowCount()
    assert rows >= 4, "each of dana's four reps has a quote in review"
    reasons = [reason_cell(page, row).data() for row in range(rows)]
    assert all(reasons), reasons
    select_row(qtbot, page, 0)
    assert "Sales manager" in page.why.route.text()
    # The filter box matches the reason text too.
    word = "margin" if any("margin" in r for r in reasons) else "discount"
    page.proxy.set_filter_text(word)
    kept = page.proxy.rowCount()
    assert 0 < kept <= rows
    assert all(word in reason_cell(page, r).data(Qt.ItemDataRole.ToolTipRole) for r in range(kept))


def test_a_quote_that_cannot_be_priced_shows_the_problem_not_an_error(
    qtbot, make_window, demo_workspace
):
    with demo_workspace.store.session() as session, session.begin():
        session.execute(update(PriceBook).values(effective_to=date(2000, 1, 1)))
    _, page = open_approvals(qtbot, make_window, demo_workspace)
    select_row(qtbot, page, 0)
    assert "cannot be priced any more" in page.why.reasons.text()
    assert "cannot be priced any more" in reason_cell(page, 0).data()
    assert not page.why.route.isVisible()
    assert page.load_error is None


def test_the_panel_speaks_thai(qtbot, make_window, demo_workspace):
    window, page = open_approvals(qtbot, make_window, demo_workspace, language="th")
    try:
        select_row(qtbot, page, 0)
        assert page.why.heading.text() == "เหตุที่ต้องขออนุมัติ"
        assert page.why.route_heading.text() == "ลำดับการอนุมัติ"
        assert "รอการตัดสินใจ" in page.why.route.text()
        assert page.model.headerData(REASON_COLUMN, Qt.Orientation.Horizontal) == "เหตุผล"
        # The reasons are data from the engine: they stay English, like every engine reason.
        assert "above the limit of" in page.why.reasons.text()
    finally:
        # The translator is installed on the shared QApplication: leave English behind.
        window.context.languages.set_language("en")


def test_the_quote_beside_the_reasons_shows_its_product_names_in_either_language(
    qtbot, make_window, demo_workspace
):
    for language in ("en", "th"):
        window, page = open_approvals(qtbot, make_window, demo_workspace, language)
        window.resize(1280, 800)
        select_row(qtbot, page, 0)
        lines = page.detail.lines
        qtbot.waitUntil(lambda lines=lines: lines.topLevelItemCount() > 0)
        header = lines.header()
        widths = [header.sectionSize(c) for c in range(header.count())]
        # every figure whole, the product name the rest (a readable part), no sideways scrolling
        assert widths[1] >= 100, widths
        assert all(widths[c] >= header.sectionSizeHint(c) for c in (0, 2, 3, 4, 5)), widths
        assert sum(widths) <= lines.viewport().width(), (widths, lines.viewport().width())
        window.close()
