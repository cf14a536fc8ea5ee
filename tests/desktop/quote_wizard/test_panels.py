"""The Quote wizard's side panels over a real draft of a demo quote (anchor 2026-11-27, alex).

The commission panel's figures are checked against the engine called here (the quote priced by
the engine, then estimated for the signed-in rep) and against ``dealkit commissions estimate``
run on the same document written as quote JSON; the suggestions panel against the demo library.
No wizard is needed: a ``QuoteDraft`` is built directly, as the wizard builds it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from dealkit.cli.main import main
from dealkit.desktop.commission_summary import as_of_date
from dealkit.desktop.context import DesktopContext
from dealkit.desktop.global_search import SearchTarget
from dealkit.desktop.i18n import LanguageManager
from dealkit.desktop.library_service import LibraryService
from dealkit.desktop.quote_wizard.draft import QuoteDraft
from dealkit.desktop.quote_wizard.panels import (
    CommissionPanel,
    SuggestionsPanel,
    install_side_panels,
)
from dealkit.desktop.quote_wizard.panels.suggestions_panel import SUGGESTION_ROLE
from dealkit.desktop.settings import AppSettings
from dealkit.desktop.tasks import TaskRunner
from dealkit.engine.commissions import deal_estimator
from dealkit.engine.commissions.estimator import Estimate
from dealkit.engine.commissions.quote_file import quote_deal
from dealkit.engine.money import Money
from dealkit.engine.quotes.document import QuoteDocument, QuoteLineDoc
from dealkit.engine.quotes.json_format import dump_quote
from dealkit.engine.quotes.store import load_quote
from dealkit.engine.workspace import Workspace
from tests.helpers.desktop import wait_idle

SCREENSHOTS = Path("/tmp/panels_scratch")


@pytest.fixture
def context(demo_workspace: Workspace, tmp_path: Path) -> Iterator[DesktopContext]:
    """A real desktop context over the demo workspace, without a main window."""
    tasks = TaskRunner()
    yield DesktopContext(
        demo_workspace,
        tasks,
        LanguageManager(),
        AppSettings.in_file(str(tmp_path / "settings" / "dealkit.ini")),
        LibraryService(demo_workspace, tasks),
    )
    tasks.wait_for_done()
    QCoreApplication.processEvents()  # deliver the last answers while their panels still exist


def demo_document(workspace: Workspace, number: str) -> QuoteDocument:
    with workspace.store.session() as session:
        return load_quote(session, number)


def engine_estimate(workspace: Workspace, doc: QuoteDocument) -> Estimate:
    """What the engine says ``doc`` pays the signed-in rep, computed here on its own."""
    with workspace.store.session() as session:
        deal = quote_deal(session, doc)
        estimator = deal_estimator(
            session, workspace.info("current_user_id"), as_of_date(workspace)
        )
    return estimator.estimate(deal.lines, deal.facts)


def settle(qtbot: Any, panel: Any, answers_before: int) -> None:
    """Wait until ``panel`` has shown an answer to the latest edit."""
    counter = "estimates" if isinstance(panel, CommissionPanel) else "answers"
    qtbot.waitUntil(
        lambda: getattr(panel, counter) > answers_before and not panel.pending, timeout=30_000
    )


def open_panel(qtbot: Any, context: DesktopContext, draft: QuoteDraft) -> CommissionPanel:
    panel = CommissionPanel(context, draft)
    qtbot.addWidget(panel)
    panel.resize(380, 560)
    panel.show()
    settle(qtbot, panel, 0)
    return panel


def with_line(doc: QuoteDocument, line_id: str, **changes: Any) -> QuoteDocument:
    lines = tuple(replace(ln, **changes) if ln.id == line_id else ln for ln in doc.lines)
    return replace(doc, lines=lines)


# the commission panel ----------------------------------------------------------------------------


def test_a_line_discount_moves_the_estimate_to_the_engines_figure(qtbot, context):
    workspace = context.workspace
    doc = demo_document(workspace, "Q-2026-0178")  # 10 x SRV-R7, public sector, alex's draft
    draft = QuoteDraft(doc)
    panel = open_panel(qtbot, context, draft)
    first = engine_estimate(workspace, doc)
    assert panel.estimate.commission == first.commission == Money.of("13137.60", "USD")
    assert panel.headline.text() == "This deal pays $13,137.60"
    assert panel.stack.currentWidget() is panel.figures

    line_id = doc.lines[0].id
    discounted = with_line(doc, line_id, discount_percent=Decimal("10"))
    before = panel.estimates
    draft.apply(discounted, "10% off SRV-R7")
    settle(qtbot, panel, before)
    expected = engine_estimate(workspace, discounted)
    assert expected.commission < first.commission
    assert panel.estimate.commission == expected.commission
    assert panel.headline.text() == f"This deal pays {expected.commission.format('en_US')}"
    # the explanation lines are the engine's own
    shown = [
        panel.breakdown.topLevelItem(i).child(j).text(0)
        for i in range(panel.breakdown.topLevelItemCount())
        for j in range(panel.breakdown.topLevelItem(i).childCount())
    ]
    assert shown == [s for c in expected.components if c.amount for s in c.explanation]

    # undo goes back to the first figure
    before = panel.estimates
    draft.undo_stack.undo()
    settle(qtbot, panel, before)
    assert panel.estimate.commission == first.commission


def test_a_quote_discount_and_a_new_line_move_the_estimate_and_the_spif(qtbot, context):
    workspace = context.workspace
    doc = demo_document(workspace, "Q-2026-0178")
    draft = QuoteDraft(doc)
    panel = open_panel(qtbot, context, draft)
    assert "SPIF: 3 of 5 SUB-SECURE-EDGE sold: Trip to Phuket" in panel.spif_line.text()
    assert "with this deal" not in panel.spif_line.text()

    quote_off = replace(doc, discount_percent=Decimal("5"))
    before = panel.estimates
    draft.apply(quote_off, "5% off the quote")
    settle(qtbot, panel, before)
    assert panel.estimate.commission == engine_estimate(workspace, quote_off).commission
    assert panel.estimate.deal_amount.amount == Decimal("73416.00")  # 77,280.00 less 5%

    edge = QuoteLineDoc(id="L-edge", sku="SUB-SECURE-EDGE", quantity=Decimal(1))
    more = replace(quote_off, lines=(*quote_off.lines, edge))
    before = panel.estimates
    draft.apply(more, "add Secure Edge")
    settle(qtbot, panel, before)
    assert panel.estimate.commission == engine_estimate(workspace, more).commission
    assert panel.spif_line.text() == (
        "SPIF: 3 of 5 SUB-SECURE-EDGE sold: Trip to Phuket; "
        "with this deal: 4 of 5 SUB-SECURE-EDGE sold: Trip to Phuket"
    )
    panel.grab().save(str(SCREENSHOTS / "commission_panel.png"))


def test_the_what_if_follows_the_draft(qtbot, context):
    workspace = context.workspace
    doc = demo_document(workspace, "Q-2026-0178")
    draft = QuoteDraft(doc)
    panel = open_panel(qtbot, context, draft)
    panel.discount_spin.setValue(10)
    qtbot.waitUntil(lambda: panel.what_if is not None)
    assert panel.what_if_line.text().startswith("At 10% off ($69,552.00 credited) it pays")
    # an edit keeps the what-if and re-answers it for the new draft
    bigger = with_line(doc, doc.lines[0].id, quantity=Decimal(12))
    before = panel.estimates
    draft.apply(bigger, "12 servers")
    settle(qtbot, panel, before)
    assert panel.discount_spin.value() == 10
    assert panel.what_if.deal_amount.amount == Decimal("83462.40")  # 12 x 7,728.00 less 10%


def test_another_reps_quote_and_a_quote_that_cannot_be_priced_say_so(qtbot, context):
    doc = demo_document(context.workspace, "Q-2026-0178")
    draft = QuoteDraft(replace(doc, owner="nok"))
    panel = open_panel(qtbot, context, draft)
    assert panel.stack.currentWidget() is panel.message
    assert "it pays their commission, not yours" in panel.message.text()

    draft.apply(replace(doc, owner=""), "mine")
    bad = with_line(doc, doc.lines[0].id, sku="SRV-NOPE")
    before = panel.estimates
    draft.apply(bad, "a typo")
    settle(qtbot, panel, before)
    assert panel.estimate is None
    assert "unknown product 'SRV-NOPE'" in panel.message.text()
    assert panel.message.text().startswith("The commission could not be estimated: line 1")


def test_the_command_line_estimate_of_the_quote_file_equals_the_panel(
    qtbot, context, tmp_path, capsys
):
    workspace = context.workspace
    doc = demo_document(workspace, "Q-2026-0170")  # five lines, a named competitor
    doc = replace(doc, discount_percent=Decimal("3"))
    doc = with_line(doc, doc.lines[1].id, discount_percent=Decimal("12"))
    draft = QuoteDraft(doc)
    panel = open_panel(qtbot, context, draft)
    path = tmp_path / "quote.json"
    path.write_text(dump_quote(doc), encoding="utf-8")
    code = main(
        [
            "commissions",
            "estimate",
            "--workspace",
            str(workspace.root),
            "--quote",
            str(path),
            "--rep",
            "alex",
            "--as-of",
            as_of_date(workspace).isoformat(),
            "--json",
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["commission"] == panel.estimate.commission.to_json()
    assert data["deal_amount"] == panel.estimate.deal_amount.to_json()
    assert data["summary"] == panel.estimate.summary


# the suggestions panel ---------------------------------------------------------------------------


def open_suggestions(qtbot: Any, context: DesktopContext, draft: QuoteDraft) -> SuggestionsPanel:
    panel = SuggestionsPanel(context, draft)
    qtbot.addWidget(panel)
    panel.resize(380, 620)
    panel.show()
    settle(qtbot, panel, 0)
    return panel


def test_the_named_competitors_battlecard_comes_first_and_product_datasheets_follow(qtbot, context):
    doc = demo_document(context.workspace, "Q-2026-0170")
    assert doc.competitors == ("Contoso Compute",)
    draft = QuoteDraft(doc)
    panel = open_suggestions(qtbot, context, draft)
    first_group = panel.tree.topLevelItem(0)
    assert first_group.text(0) == "Battlecards"
    first = panel.suggestion_items()[0].data(0, SUGGESTION_ROLE)
    title, why = first.title, first.why
    assert "Contoso Compute" in title and title.startswith("Battlecard:")
    assert why == "battlecard for Contoso Compute, named on this quote"
    groups = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert "Datasheets" in groups
    datasheets = panel.tree.topLevelItem(groups.index("Datasheets"))
    reasons = [
        datasheets.child(i).data(0, SUGGESTION_ROLE).why for i in range(datasheets.childCount())
    ]
    assert "datasheet of ACC-UPS-3K, on this quote" in reasons
    panel.grab().save(str(SCREENSHOTS / "suggestions_panel.png"))

    # without the competitor, its battlecard is no longer first
    before = panel.answers
    draft.apply(replace(doc, competitors=()), "no rival named")
    settle(qtbot, panel, before)
    assert (
        not panel.suggestion_items()[0].data(0, SUGGESTION_ROLE).why.endswith("named on this quote")
    )


def test_enter_on_a_suggestion_opens_it_on_the_library_page(qtbot, make_window, demo_workspace):
    window = make_window(demo_workspace)
    host = QWidget(window)  # stands in for the wizard: a draft and a place for side panels
    host_layout = QVBoxLayout(host)
    host.draft = QuoteDraft(demo_document(demo_workspace, "Q-2026-0170"))
    titles: list[str] = []

    def add_side_panel(widget: QWidget, title: Callable[[], str]) -> None:
        titles.append(title())  # a function: the wizard asks again after a language switch
        host_layout.addWidget(widget)

    host.add_side_panel = add_side_panel
    commission, suggestions = install_side_panels(host, window.context)
    assert titles == ["Your commission", "Suggested material"]
    settle(qtbot, suggestions, 0)
    settle(qtbot, commission, 0)
    item = suggestions.suggestion_items()[0]
    title = item.text(0)
    assert title == item.data(0, SUGGESTION_ROLE).title
    opened: list[SearchTarget] = []
    suggestions.open_requested.connect(opened.append)
    suggestions.tree.setFocus()
    suggestions.tree.setCurrentItem(item)
    qtbot.keyClick(suggestions.tree, Qt.Key.Key_Return)
    assert opened == [SearchTarget("library", title, f"{title} — Library")]
    wait_idle(qtbot, window)
    assert window.current_page() is window.pages["library"]
    assert window.pages["library"].search_box.text() == title


def test_an_internal_failure_is_named_by_kind_never_by_its_sql():
    from dealkit.desktop.quote_commission.panel import failure_text
    from dealkit.desktop.tasks import TaskFailure

    internal = TaskFailure("x", RuntimeError("no such column: content_items.x [SQL: SELECT]"), "")
    assert failure_text(internal) == "an internal error (RuntimeError); the log has the details"
    fixable = TaskFailure("x", ValueError("line 1 (SRV-NOPE), field sku: unknown product"), "")
    assert failure_text(fixable) == "line 1 (SRV-NOPE), field sku: unknown product"
