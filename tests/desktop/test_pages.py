"""Each page's thin slice over real data: library search, commissions, approvals, quote filter."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dealkit.desktop.commission_summary import as_of_date
from dealkit.engine.commissions import period_to_date
from dealkit.engine.store.models import QuoteStatus
from tests.helpers.desktop import wait_idle


def test_library_lists_newest_items_then_shows_highlighted_hits(qtbot, make_window, demo_workspace):
    window = make_window(demo_workspace)
    window.show_page("library")
    wait_idle(qtbot, window)
    page = window.pages["library"]
    assert page.results.count() >= 10  # newest material before any search
    assert window.context.library.is_ready  # the index was built in the background

    page.search_box.setFocus()
    qtbot.keyClicks(page.search_box, "spine switch")
    qtbot.waitUntil(lambda: page.status_label.text().endswith("for “spine switch”"), timeout=30_000)
    titles = page.shown_titles()
    assert "Spine 64 Switch datasheet" in titles[:3]
    card = page.results.itemWidget(page.results.item(titles.index("Spine 64 Switch datasheet")))
    assert "<b>" in card.snippet_label.text()  # matched words highlighted
    assert card.snippet_label.textFormat() == Qt.TextFormat.RichText
    assert card.kind_label.text() == "Collateral"
    assert card.language_label.text() == "English"


def test_library_search_in_thai(qtbot, make_window, demo_workspace):
    window = make_window(demo_workspace, language="th")
    window.show_page("library")
    wait_idle(qtbot, window)
    page = window.pages["library"]
    page.search_for("เซิร์ฟเวอร์")
    wait_idle(qtbot, window)
    assert page.shown_titles(), page.status_label.text()
    card = page.results.itemWidget(page.results.item(0))
    assert card.language_label.text() == "ไทย"
    assert "<b>เซิร์ฟเวอร์" in card.snippet_label.text() + card.title_label.text()
    assert page.status_label.text().startswith("พบ ")


def test_library_says_when_nothing_matches(qtbot, make_window, demo_workspace):
    window = make_window(demo_workspace)
    window.show_page("library")
    page = window.pages["library"]
    page.search_for("zzqxj")
    wait_idle(qtbot, window)
    assert page.shown_titles() == []
    assert page.status_label.text() == "Nothing found for “zzqxj”."


def test_commissions_show_the_engines_period_to_date(qtbot, make_window, demo_workspace):
    window = make_window(demo_workspace)
    window.show_page("commissions")
    wait_idle(qtbot, window)
    page = window.pages["commissions"]
    user_id = demo_workspace.info("current_user_id")
    with demo_workspace.store.session() as session:
        expected = period_to_date(session, user_id, as_of_date(demo_workspace))
    assert page.load_error is None
    assert page.earnings_card.value.money == expected.earnings
    assert page.earnings_card.value.text() == expected.earnings.format("en_US")
    assert page.quota_card.value.money == expected.quota
    assert page.attainment_card.value.money == expected.attainment
    assert expected.period in page.subtitle.text()
    assert page.lines.topLevelItemCount() == len(expected.lines)
    first = page.lines.topLevelItem(0)
    assert first.text(0) == expected.lines[0].label
    trace = expected.lines[0].trace
    assert [first.child(i).text(0) for i in range(len(trace))] == trace
    assert first.child(len(trace)).text(0).startswith("Credits behind this line")
    spif = expected.spifs[0]
    assert page.spif_texts()[0].startswith(
        f"{spif.achieved} of {spif.goal.normalize():f} SUB-SECURE-EDGE sold: {spif.reward}"
    )


def test_approvals_for_a_rep_list_their_submitted_quotes(qtbot, make_window, small_workspace):
    window = make_window(small_workspace)
    window.show_page("approvals")
    wait_idle(qtbot, window)
    page = window.pages["approvals"]
    rows = page.model.rows()
    assert {(r.number, r.version, r.status) for r in rows} == {
        ("Q-2026-0002", 2, QuoteStatus.IN_REVIEW),
        ("Q-2026-0004", 1, QuoteStatus.APPROVED),
    }
    assert "Your quotes submitted for approval" in page.explanation.text()


def test_approvals_for_a_manager_list_the_teams_quotes_in_review(
    qtbot, make_window, small_workspace
):
    with small_workspace.store.session() as session:
        from sqlalchemy import select

        from dealkit.engine.store.models import User

        dana = session.scalar(select(User).where(User.username == "dana"))
    small_workspace.set_info("current_user_id", dana.id)
    window = make_window(small_workspace)
    window.show_page("approvals")
    wait_idle(qtbot, window)
    page = window.pages["approvals"]
    assert {(r.number, r.owner) for r in page.model.rows()} == {
        ("Q-2026-0002", "Alex Morgan"),
        ("Q-2026-0003", "Nok Srisuk"),
    }
    assert "waiting for your decision" in page.explanation.text()


def test_quote_filter_box_narrows_the_list_as_you_type(qtbot, make_window, small_workspace):
    window = make_window(small_workspace)
    page = window.pages["quote"]
    assert page.count_label.text() == "5 quotes"
    page.filter_box.setFocus()
    qtbot.keyClicks(page.filter_box, "siam")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=5000)
    assert page.count_label.text() == "1 of 5 quotes"
    assert page.proxy.index(0, 0).data() == "Q-2026-0003"
    # Clicking a header sorts by it.
    page.filter_box.clear()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 5, timeout=5000)
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(5) + header.sectionSize(5) // 2
    from PySide6.QtCore import QPoint

    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    totals = [page.proxy.index(r, 5).data(Qt.ItemDataRole.UserRole + 1) for r in range(5)]
    assert totals in (sorted(totals), sorted(totals, reverse=True))


def test_selecting_a_quote_shows_its_lines(qtbot, make_window, small_workspace):
    window = make_window(small_workspace)
    page = window.pages["quote"]
    page.filter_for("Q-2026-0002")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2, timeout=5000)
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 1).data() == "2")
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: page.detail.lines.topLevelItemCount() == 2, timeout=5000)
    detail = page.detail
    assert detail.title.text() == "Q-2026-0002 v2 · Acme Logistics · $12,500.50"
    nets = [detail.lines.topLevelItem(i).text(5) for i in range(2)]
    assert nets == ["$10,000.00", "$2,500.50"]
    assert detail.lines.topLevelItem(0).text(0) == "NET-SPINE-64"
