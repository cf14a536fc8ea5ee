"""The Commissions page on the demo workspace: the attainment chart, SPIF progress, expandable
traces, questioning a line (a dispute kept in the workspace and listed), a past period's
statement, and the statement PDF read back."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from dealkit.desktop.commission_summary import as_of_date
from dealkit.desktop.commissions import labels
from dealkit.engine.commissions import period_to_date
from dealkit.engine.commissions.disputes import REASONS, DisputeBook, DisputeStatus
from dealkit.engine.commissions.store_source import statement_data
from tests.helpers.desktop import wait_idle


def open_page(qtbot, make_window, workspace, language="en"):
    window = make_window(workspace, language=language)
    window.show_page("commissions")
    wait_idle(qtbot, window)
    page = window.pages["commissions"]
    assert page.load_error is None
    return window, page


def expected_ptd(workspace):
    with workspace.store.session() as session:
        return period_to_date(session, workspace.info("current_user_id"), as_of_date(workspace))


def near(color: QColor, wanted: QColor, tolerance: int = 60) -> bool:
    return all(
        abs(a - b) <= tolerance
        for a, b in zip(color.getRgb()[:3], wanted.getRgb()[:3], strict=True)
    )


def test_the_chart_shows_attainment_against_quota(qtbot, make_window, demo_workspace):
    _window, page = open_page(qtbot, make_window, demo_workspace)
    ptd = expected_ptd(demo_workspace)
    chart = page.chart
    assert chart.target == ptd.quota.amount
    assert chart.value_on(ptd.as_of) == ptd.attainment.amount  # the line ends at attainment
    assert chart.value_on(ptd.start) <= ptd.attainment.amount
    assert chart.last_day == ptd.as_of
    image = chart.grab().toImage()
    ratio = image.devicePixelRatio()
    quota_y = chart.y_for(ptd.quota.amount)
    mid_x = (chart.x_for(ptd.start) + chart.x_for(ptd.end)) / 2
    assert near(image.pixelColor(int(mid_x * ratio), int(quota_y * ratio)), chart.target_color)
    today_y = chart.y_for(ptd.attainment.amount)
    end_x = chart.end_of_day_x(ptd.as_of) - 1
    assert near(image.pixelColor(int(end_x * ratio), int(today_y * ratio)), chart.actual_color)
    assert "$346,164.00 attained of a $450,000.00 quota" in chart.accessibleDescription()
    assert chart.tooltip_at(chart.x_for(ptd.as_of) + 1).endswith("$346.2K")
    # the pace: the engine's attainment over the share of the period gone
    assert page.pace_card.value.text() == f"On pace for {ptd.pace_text.split()[-1]}"
    assert page.pace_card.detail.text() == "$103,836.00 to go in 34 days"


def test_spif_progress_names_the_product_the_count_and_the_reward(
    qtbot, make_window, demo_workspace
):
    _window, page = open_page(qtbot, make_window, demo_workspace)
    spif = expected_ptd(demo_workspace).spifs[0]
    assert spif.reward == "Trip to Phuket" and not spif.reached
    texts = page.spif_texts()
    assert texts == [
        f"{spif.achieved} of {spif.goal} SUB-SECURE-EDGE sold: Trip to Phuket · "
        f"{int(spif.goal - spif.achieved)} more to go"
    ]
    rows = dict(page.breakdown())
    assert rows["Base commission"] == "$55,350.60"
    assert rows["Clawback · Q-2026-0121/1"] == "-$1,083.00"


def test_a_line_opens_onto_its_trace_and_the_credits_behind_it(qtbot, make_window, demo_workspace):
    _window, page = open_page(qtbot, make_window, demo_workspace)
    ptd = expected_ptd(demo_workspace)
    tree = page.lines
    assert tree.topLevelItemCount() == len(ptd.lines)
    public = next(i for i, ln in enumerate(ptd.lines) if ln.component == "public-sector")
    item = tree.topLevelItem(public)
    assert item.text(0) == "Public-sector bonus" and not item.isExpanded()
    before = tree.height()
    tree.setCurrentItem(item)
    tree.setFocus()
    qtbot.keyClick(tree.viewport(), Qt.Key.Key_Right)  # what a reader does with the keyboard
    assert item.isExpanded()
    trace = ptd.lines[public].trace
    assert [item.child(i).text(0) for i in range(len(trace))] == trace
    credits = item.child(len(trace))
    assert credits.text(0) == f"Credits behind this line ({credits.childCount()})"
    assert credits.childCount() == 3
    assert all("credited" in credits.child(i).text(0) for i in range(3))
    qtbot.waitUntil(lambda: tree.height() > before, timeout=2000)  # the tree grows, no scroll


def test_questioning_a_line_keeps_a_dispute_in_the_workspace_and_lists_it(
    qtbot, make_window, demo_workspace, tmp_path
):
    window, page = open_page(qtbot, make_window, demo_workspace)
    assert page.disputes.isHidden() and not page.no_disputes.isHidden()
    base = next(i for i, ln in enumerate(page.summary.lines) if ln.name == "Base commission")
    button = page.lines.buttons[base]
    assert button.text() == "Question…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = page.question_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    assert "“Base commission” ($55,350.60)" in dialog.intro.text()
    assert not dialog.send_button.isEnabled()
    dialog.reason_box.setCurrentIndex(dialog.reason_box.findData("missing_credit"))
    qtbot.keyClicks(dialog.message_edit, "Q-2026-0140 closed on Nov 20 is missing")
    order = tmp_path / "signed-order.pdf"
    order.write_bytes(b"%PDF-1.4 signed order")
    assert dialog.set_attachment(order)
    with qtbot.waitSignal(page.dispute_raised, timeout=10_000) as raised:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)

    stored = DisputeBook.for_workspace(demo_workspace).get(raised.args[0])
    assert stored.participant == "alex" and stored.period == "2026-Q4"
    assert stored.line_ref == "field-sales/2026-Q4/base"
    assert stored.reason == "missing_credit" and stored.status is DisputeStatus.OPEN
    assert stored.messages[0].text == "Q-2026-0140 closed on Nov 20 is missing"
    assert stored.messages[0].attachment_name == "signed-order.pdf"
    blob = demo_workspace.blob_path(stored.messages[0].attachment)
    assert blob.read_bytes() == b"%PDF-1.4 signed order"

    assert page.disputes.dispute_ids() == [stored.id]
    row = page.disputes.topLevelItem(0)
    assert row.text(0).startswith("Base commission · 2026-Q4 · raised ")
    assert row.text(2) == "A deal is missing or credited to someone else"
    assert row.text(3) == "Open"
    assert row.isExpanded()  # the new question is shown with its thread
    assert row.child(0).text(0).startswith("Alex Morgan · ")
    assert "[attached: signed-order.pdf]" in row.child(0).text(0)
    assert page.lines.buttons[base].text() == "Questioned: Open"
    assert "was saved" in page.action_label.text()


def test_an_unreadable_attachment_is_refused_with_the_file_named(
    qtbot, make_window, demo_workspace, tmp_path
):
    _window, page = open_page(qtbot, make_window, demo_workspace)
    dialog = page.open_question_dialog(0)
    missing = tmp_path / "nowhere" / "scan.png"
    assert not dialog.set_attachment(missing)
    assert str(missing) in dialog.error_label.text()
    assert "choose another file" in dialog.error_label.text()
    assert dialog.attachment is None
    dialog.reject()


def test_a_past_period_shows_its_statement(qtbot, make_window, demo_workspace):
    window, page = open_page(qtbot, make_window, demo_workspace)
    assert [page.period_box.itemData(i) for i in range(page.period_box.count())][:2] == [
        "2026-Q4",
        "2026-Q3",
    ]
    assert page.period_box.itemText(0) == "2026-Q4 (to date)"
    page.period_box.setCurrentIndex(page.period_box.findData("2026-Q3"))
    wait_idle(qtbot, window)
    with demo_workspace.store.session() as session:
        q3 = statement_data(session, "alex", "2026-Q3", date(2026, 11, 27)).result
    summary = page.summary
    assert summary.period_label == "2026-Q3" and not summary.is_current
    assert page.attainment_card.value.money == q3.attainment
    assert page.earnings_card.value.money == q3.earnings
    assert page.lines_heading.text() == "Statement for 2026-Q3 (period ended)"
    assert page.lines.topLevelItemCount() == len(q3.lines)
    assert page.chart.value_on(date(2026, 9, 30)) == q3.attainment.amount
    assert page.attainment_card.caption.text() == "Attainment"


def test_save_statement_pdf_renders_off_the_gui_thread_and_reads_back(
    qtbot, make_window, demo_workspace, tmp_path
):
    window, page = open_page(qtbot, make_window, demo_workspace)
    line = page.summary.lines[0]
    DisputeBook.for_workspace(demo_workspace).raise_dispute(
        participant="alex",
        plan_code="field-sales",
        period="2026-Q4",
        line=line.source,
        reason="wrong_rate",
        message="NET-SPINE-64 should pay 20%",
    )
    target = tmp_path / "out" / "statement"
    target.parent.mkdir()
    with qtbot.waitSignal(page.statement_saved, timeout=30_000) as saved:
        page.save_statement_pdf(target)
        assert not page.save_pdf_button.isEnabled()  # busy while the worker renders
    wait_idle(qtbot, window)
    path = saved.args[0].path
    assert path == tmp_path / "out" / "statement.pdf"
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Commission statement: Alex Morgan" in text
    assert "2026-Q4" in text
    assert f"Base commission: {line.amount.format()}" in text
    assert "Questions raised on this statement" in text
    assert "the rate or tier applied is wrong; open" in text
    assert str(path) in page.action_label.text()
    assert page.save_pdf_button.isEnabled()


def test_an_unwritable_pdf_target_says_so(qtbot, make_window, demo_workspace, tmp_path):
    window, page = open_page(qtbot, make_window, demo_workspace)
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    page.save_statement_pdf(blocker / "statement.pdf")
    wait_idle(qtbot, window)
    assert "cannot be written" in page.action_label.text()
    assert "choose another folder" in page.action_label.text()
    assert page.save_pdf_button.isEnabled()


def test_the_page_reads_in_thai(qtbot, make_window, demo_workspace):
    window, page = open_page(qtbot, make_window, demo_workspace, language="th")
    try:
        assert page.lines_heading.text() == "ใบแจ้งยอดงวด 2026-Q4"
        assert page.save_pdf_button.text() == "บันทึกใบแจ้งยอดเป็น PDF…"
        assert page.pace_card.value.text() == "มีแนวโน้มถึง 122%"
        assert page.spif_texts()[0].startswith("ขาย SUB-SECURE-EDGE ได้ 3 จาก 5: Trip to Phuket")
        assert page.lines.buttons[0].text() == "สอบถาม…"
        dialog = page.open_question_dialog(0)
        assert dialog.windowTitle() == "สอบถามรายการนี้"
        assert dialog.reason_box.itemText(0) == "ดีลหายไป หรือถูกนับให้คนอื่น"
        dialog.reject()
    finally:  # translators are application-wide: leave English for the tests that follow
        window.context.languages.set_language("en")


def test_every_reason_the_engine_knows_has_an_interface_name():
    assert list(labels.reason_names()) == list(REASONS)
    outcomes = {labels.status("resolved", r) for r in ("adjusted", "explained", "rejected")}
    assert len(outcomes) == 3 and labels.status("resolved") not in outcomes
