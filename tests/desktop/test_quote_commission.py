"""The Quote page's Commission tab on the demo workspace (anchor 2026-11-27, signed in as alex).

The figures are checked against the engine's estimator called here on the same quote's lines,
read from the store independently of the tab's own reader."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from dealkit.desktop.commission_summary import as_of_date
from dealkit.desktop.quote_commission.deal_inputs import Standing, discounted
from dealkit.desktop.quote_table_model import ROW_ROLE
from dealkit.engine.commissions import DealFacts, QuoteLineInput, deal_estimator
from dealkit.engine.store.models import Quote, QuoteStatus
from tests.helpers.desktop import wait_idle

OPEN = (QuoteStatus.DRAFT, QuoteStatus.IN_REVIEW, QuoteStatus.APPROVED, QuoteStatus.SENT)


def engine_estimate(workspace, quote_id, what_if=()):
    """The estimator's answer for a stored quote, built here from the store rows."""
    with workspace.store.session() as session:
        quote = session.get(Quote, quote_id)
        lines = [
            QuoteLineInput(ln.product.sku, ln.product.family.code, ln.quantity, ln.net_amount)
            for ln in sorted(quote.lines, key=lambda ln: ln.position)
            if not ln.deleted
        ]
        c = quote.customer
        facts = DealFacts(quote.currency, c.segment, c.industry, c.region, c.is_new_logo)
        estimator = deal_estimator(session, quote.owner_id, as_of_date(workspace))
    return estimator.estimate(lines, facts, what_if=what_if), estimator, lines, facts


def quotes_where(workspace, mine: bool, statuses) -> list[Quote]:
    me = workspace.info("current_user_id")
    with workspace.store.session() as session:
        owner = Quote.owner_id == me if mine else Quote.owner_id != me
        query = select(Quote).where(Quote.deleted.is_(False), owner, Quote.status.in_(statuses))
        rows = list(session.scalars(query.order_by(Quote.number, Quote.version)))
        for q in rows:
            _ = q.owner.display_name  # loaded before the session closes
        return rows


def open_quote_page(qtbot, make_window, workspace, language="en"):
    window = make_window(workspace, language=language)
    window.show_page("quote")
    wait_idle(qtbot, window)
    page = window.pages["quote"]
    page.detail_tabs.setCurrentWidget(page.commission)
    return window, page


def select_quote(qtbot, window, page, quote_id: str):
    """Select the table row of one quote version and wait for its commission to be read."""
    page.filter_box.setText("")
    page._filter("")
    for row in range(page.proxy.rowCount()):
        if page.proxy.index(row, 0).data(ROW_ROLE).id == quote_id:
            page.table.selectRow(row)
            break
    else:
        raise AssertionError(f"quote {quote_id} is not listed")
    wait_idle(qtbot, window)
    panel = page.commission
    qtbot.waitUntil(lambda: panel.inputs is not None and panel.inputs.quote_id == quote_id)
    return panel


def test_an_open_quote_of_the_rep_shows_what_the_engine_estimates(
    qtbot, make_window, demo_workspace
):
    window, page = open_quote_page(qtbot, make_window, demo_workspace)
    assert page.detail_tabs.tabText(page.detail_tabs.indexOf(page.commission)) == "Commission"
    mine = quotes_where(demo_workspace, True, OPEN)
    assert mine, "the demo gives alex open quotes"
    for quote in mine:
        panel = select_quote(qtbot, window, page, quote.id)
        expected, *_ = engine_estimate(demo_workspace, quote.id)
        assert panel.inputs.standing is Standing.ESTIMATE
        assert panel.stack.currentWidget() is panel.figures
        assert expected.commission.amount > 0
        assert panel.headline.text() == f"This deal pays {expected.commission.format('en_US')}"
        assert expected.period in panel.context_line.text()
        assert f"{expected.deal_amount.format('en_US')} credited" in panel.context_line.text()
        shown = {
            panel.breakdown.topLevelItem(i).text(0): panel.breakdown.topLevelItem(i)
            for i in range(panel.breakdown.topLevelItemCount())
        }
        paying = [d for d in expected.components if d.amount]
        assert paying and len(shown) == len(paying)  # a component adding nothing is left out
        for delta in paying:
            item = shown[delta.label]
            assert item.text(1) == delta.amount.format("en_US")
            explanation = [item.child(j).text(0) for j in range(item.childCount())]
            assert explanation == delta.explanation
        assert (
            sum((d.amount.amount for d in expected.components), Decimal(0))
            == expected.commission.amount
        )


def test_the_rate_explanation_and_a_spif_step_are_shown(qtbot, make_window, demo_workspace):
    window, page = open_quote_page(qtbot, make_window, demo_workspace)
    found_spif = found_rate = False
    for quote in quotes_where(demo_workspace, True, OPEN):
        expected, *_ = engine_estimate(demo_workspace, quote.id)
        panel = select_quote(qtbot, window, page, quote.id)
        texts = [
            panel.breakdown.topLevelItem(i).child(j).text(0)
            for i in range(panel.breakdown.topLevelItemCount())
            for j in range(panel.breakdown.topLevelItem(i).childCount())
        ]
        found_rate |= any(" at 15% = $" in t for t in texts)  # "SRV-R7: $22,680.00 at 15% = …"
        if expected.spif_changes:
            found_spif = True
            assert panel.spif_line.isVisibleTo(panel)
            assert expected.spif_changes == [
                "3 of 5 SUB-SECURE-EDGE sold: Trip to Phuket"
                " -> 5 of 5 SUB-SECURE-EDGE sold: Trip to Phuket won"
            ]
            # worded as on the Commissions page, from the engine's figures (not its sentence)
            assert panel.spif_line.text() == (
                "SPIF: 3 of 5 SUB-SECURE-EDGE sold: Trip to Phuket; "
                "with this deal: 5 of 5 SUB-SECURE-EDGE sold: Trip to Phuket · won!"
            )
        else:
            assert not panel.spif_line.isVisibleTo(panel)  # no SPIF step, no line
    assert found_rate and found_spif


def test_the_spif_step_speaks_thai_in_the_thai_window(qtbot, make_window, demo_workspace):
    window, page = open_quote_page(qtbot, make_window, demo_workspace, language="th")
    moving = [
        quote
        for quote in quotes_where(demo_workspace, True, OPEN)
        if engine_estimate(demo_workspace, quote.id)[0].spif_changes
    ]
    assert moving, "the demo has an open quote that moves a SPIF"
    panel = select_quote(qtbot, window, page, moving[0].id)
    assert panel.spif_line.text() == (
        "ความคืบหน้าโบนัส SPIF: ขาย SUB-SECURE-EDGE ได้ 3 จาก 5: Trip to Phuket; "
        "เมื่อรวมดีลนี้: ขาย SUB-SECURE-EDGE ได้ 5 จาก 5: Trip to Phuket · ได้รางวัลแล้ว!"
    )


def test_the_breakdown_follows_a_language_switch_engine_sentences_included(
    qtbot, make_window, demo_workspace
):
    window, page = open_quote_page(qtbot, make_window, demo_workspace)
    quote = quotes_where(demo_workspace, True, OPEN)[0]
    panel = select_quote(qtbot, window, page, quote.id)

    def sentences() -> list[str]:
        top = [panel.breakdown.topLevelItem(i) for i in range(panel.breakdown.topLevelItemCount())]
        return [item.child(j).text(0) for item in top for j in range(item.childCount())]

    assert any(" at " in s for s in sentences()), sentences()
    languages = window.context.languages
    try:
        languages.set_language("th")
        qtbot.waitUntil(lambda: any(" ที่ " in s for s in sentences()), timeout=30_000)
        assert not any(" at " in s for s in sentences()), sentences()
    finally:
        languages.set_language("en")
    qtbot.waitUntil(lambda: any(" at " in s for s in sentences()), timeout=30_000)


def test_the_what_if_lowers_the_figure_as_the_discount_grows(qtbot, make_window, demo_workspace):
    window, page = open_quote_page(qtbot, make_window, demo_workspace)
    quote = quotes_where(demo_workspace, True, OPEN)[0]
    panel = select_quote(qtbot, window, page, quote.id)
    assert panel.what_if is None
    assert "Move the slider" in panel.what_if_line.text()
    base, estimator, lines, facts = engine_estimate(demo_workspace, quote.id, what_if=[10, 20])

    panel.discount_slider.setValue(10)  # the slider drives the spin box, and the estimate
    assert panel.discount_spin.value() == 10
    qtbot.waitUntil(lambda: panel.what_if is not None)
    at_10 = panel.what_if.commission
    assert at_10 == base.what_if[0].commission  # the engine's own what-if agrees
    assert at_10 < base.commission
    assert panel.what_if_line.text() == (
        f"At 10% off ({base.what_if[0].deal_amount.format('en_US')} credited) it pays "
        f"{at_10.format('en_US')}: {(base.commission - at_10).format('en_US')} less."
    )
    assert panel.headline.text() == f"This deal pays {base.commission.format('en_US')}"

    panel.discount_spin.setValue(20)
    qtbot.waitUntil(lambda: panel.what_if.commission != at_10)
    assert panel.what_if.commission == base.what_if[1].commission < at_10
    assert panel.discount_slider.value() == 20
    again = estimator.estimate(discounted(lines, 20, facts.currency), facts)
    assert panel.what_if.commission == again.commission

    panel.discount_spin.setValue(0)
    qtbot.waitUntil(lambda: panel.what_if is None)
    assert "Move the slider" in panel.what_if_line.text()


def test_the_what_if_is_debounced_to_one_estimate_per_rest(qtbot, make_window, demo_workspace):
    window, page = open_quote_page(qtbot, make_window, demo_workspace)
    quote = quotes_where(demo_workspace, True, OPEN)[0]
    panel = select_quote(qtbot, window, page, quote.id)
    calls: list[int] = []
    real = panel.inputs.estimate
    panel.inputs.estimate = lambda off: calls.append(off) or real(off)
    for value in range(1, 16):  # a drag across 15 steps
        panel.discount_slider.setValue(value)
    qtbot.waitUntil(lambda: panel.what_if is not None)
    qtbot.wait(200)
    assert calls == [15]


def test_a_new_selection_resets_the_what_if(qtbot, make_window, demo_workspace):
    window, page = open_quote_page(qtbot, make_window, demo_workspace)
    first, second = quotes_where(demo_workspace, True, OPEN)[:2]
    panel = select_quote(qtbot, window, page, first.id)
    panel.discount_spin.setValue(12)
    qtbot.waitUntil(lambda: panel.what_if is not None)
    panel = select_quote(qtbot, window, page, second.id)
    assert panel.extra_discount == 0 and panel.what_if is None
    expected, *_ = engine_estimate(demo_workspace, second.id)
    assert panel.headline.text() == f"This deal pays {expected.commission.format('en_US')}"


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (QuoteStatus.WON, "already counted in your commission statement"),
        (QuoteStatus.LOST, "statement already reflects it"),
    ],
)
def test_a_closed_quote_says_it_is_already_counted(
    qtbot, make_window, demo_workspace, status, words
):
    window, page = open_quote_page(qtbot, make_window, demo_workspace)
    quote = quotes_where(demo_workspace, True, [status])[0]
    panel = select_quote(qtbot, window, page, quote.id)
    assert panel.inputs.standing is Standing.CLOSED
    assert panel.inputs.estimator is None  # nothing estimated
    assert panel.stack.currentWidget() is panel.message
    assert words in panel.message.text()


def test_another_reps_quote_is_their_deal(qtbot, make_window, demo_workspace):
    window, page = open_quote_page(qtbot, make_window, demo_workspace)
    quote = quotes_where(demo_workspace, False, OPEN)[0]
    panel = select_quote(qtbot, window, page, quote.id)
    assert panel.inputs.standing is Standing.OTHER_OWNER
    assert panel.stack.currentWidget() is panel.message
    assert panel.message.text() == (
        f"This is {quote.owner.display_name}'s deal: it pays their commission, not yours."
    )


def test_the_tab_speaks_thai(qtbot, make_window, demo_workspace):
    window, page = open_quote_page(qtbot, make_window, demo_workspace, language="th")
    quote = quotes_where(demo_workspace, True, OPEN)[0]
    panel = select_quote(qtbot, window, page, quote.id)
    expected, *_ = engine_estimate(demo_workspace, quote.id, what_if=[10])
    index = page.detail_tabs.indexOf(page.commission)
    assert page.detail_tabs.tabText(index) == "ค่าคอมมิชชัน"
    assert panel.headline.text() == f"ดีลนี้ได้ค่าคอมมิชชัน {expected.commission.format('th_TH')}"
    assert panel.discount_label.text() == "ส่วนลดเพิ่ม:"
    panel.discount_spin.setValue(10)
    qtbot.waitUntil(lambda: panel.what_if is not None)
    assert panel.what_if_line.text().startswith("ถ้าลดเพิ่ม 10%")
    assert expected.what_if[0].commission.format("th_TH") in panel.what_if_line.text()
    won = quotes_where(demo_workspace, True, [QuoteStatus.WON])[0]
    panel = select_quote(qtbot, window, page, won.id)
    assert "นับรวมในใบแจ้งยอดค่าคอมมิชชัน" in panel.message.text()
    window.context.languages.set_language("en")
    qtbot.waitUntil(lambda: "already counted" in panel.message.text(), timeout=5_000)


def test_the_tab_is_reached_by_keyboard_and_labelled(qtbot, make_window, demo_workspace):
    window, page = open_quote_page(qtbot, make_window, demo_workspace)
    quote = quotes_where(demo_workspace, True, OPEN)[0]
    panel = select_quote(qtbot, window, page, quote.id)
    assert panel.discount_label.buddy() is panel.discount_spin
    panel.discount_spin.setFocus()
    qtbot.keyClick(panel.discount_spin, Qt.Key.Key_Up)
    assert panel.discount_spin.value() == 1
    qtbot.waitUntil(lambda: panel.what_if is not None)
    assert panel.what_if_line.text().startswith("At 1% off")


def test_a_rep_on_no_plan_is_told_why_there_is_no_estimate(qtbot, make_window, demo_workspace):
    """Sam (comp admin) owns no plan seat: the engine's message names the day and the fix."""
    from dealkit.engine.store.models import User

    with demo_workspace.store.session() as session, session.begin():
        sam = session.scalar(select(User).where(User.username == "sam"))
        quote = session.scalar(
            select(Quote).where(Quote.status == QuoteStatus.DRAFT).order_by(Quote.number)
        )
        quote.owner_id = sam.id
        sam_id, quote_id = sam.id, quote.id
    demo_workspace.set_info("current_user_id", sam_id)
    window, page = open_quote_page(qtbot, make_window, demo_workspace)
    panel = page.commission
    for row in range(page.proxy.rowCount()):
        if page.proxy.index(row, 0).data(ROW_ROLE).id == quote_id:
            page.table.selectRow(row)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: panel.error is not None)
    text = panel.message.text()
    assert text.startswith("The commission could not be estimated: ")
    assert "'sam' is on no commission plan in force on 2026-11-27" in text
