"""The wizard's side dock: wide enough at first for its tab titles, which follow the language;
the price grid's column titles are never cut, in English or Thai; "Why this price" speaks the
window's language, the engine's explanations included."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from dealkit.desktop.quote_wizard import line_edits
from dealkit.desktop.quote_wizard.wizard import PRICE, SIDE_WIDTH
from dealkit.engine.quotes.document import CustomerRef
from tests.desktop.quote_wizard import wizard_helpers
from tests.helpers.theme import themed_app

wizard_bench = wizard_helpers.wizard_bench
__all__ = ["themed_app", "wizard_bench"]  # the fixtures, imported for pytest


def tab_titles(side) -> list[str]:
    return [side.tabText(i) for i in range(side.count())]


def titles_fit(side) -> bool:
    bar = side.tabBar()
    return sum(bar.tabSizeHint(i).width() for i in range(bar.count())) <= bar.width()


def test_the_side_dock_starts_320_px_wide_and_its_titles_follow_the_language(
    qtbot, themed_app, wizard_bench
):
    wizard = wizard_bench.wizard
    side = wizard.side
    QApplication.processEvents()
    assert abs(side.width() - SIDE_WIDTH) <= 4, side.width()
    assert tab_titles(side) == ["Your commission", "Suggested material"]
    assert titles_fit(side)

    languages = wizard_bench.context.languages
    try:
        languages.set_language("th")
        QApplication.processEvents()
        thai = [
            QCoreApplication.translate("QuoteWizardPanels", "Your commission"),
            QCoreApplication.translate("QuoteWizardPanels", "Suggested material"),
        ]
        assert all("\u0e00" <= ch <= "\u0e7f" for t in thai for ch in t if ch.isalpha()), thai
        assert tab_titles(side) == thai
        assert titles_fit(side)
    finally:
        languages.set_language("en")
    QApplication.processEvents()
    assert tab_titles(side) == ["Your commission", "Suggested material"]


def test_the_price_grid_column_titles_are_never_cut_in_either_language(
    qtbot, themed_app, wizard_bench
):
    table = wizard_bench.wizard.price_step.table
    header = table.horizontalHeader()
    languages = wizard_bench.context.languages

    def cut() -> list[str]:
        model = table.model()
        return [
            model.headerData(column, header.orientation())
            for column in range(model.columnCount())
            if header.sectionSize(column) < header.sectionSizeHint(column)
        ]

    assert cut() == []
    try:
        languages.set_language("th")
        QApplication.processEvents()
        assert cut() == []
        thai = table.model().headerData(3, header.orientation())
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in thai), thai
    finally:
        languages.set_language("en")


def test_why_this_price_follows_the_language_explanations_included(qtbot, wizard_bench):
    wizard = wizard_bench.wizard
    doc = replace(wizard.draft.document, customer=CustomerRef("Atlantic Mutual Bank"))
    doc, _ = line_edits.add_line(doc, "NET-LEAF-48", Decimal(2))
    wizard.open_quote(doc, PRICE)
    wizard_bench.idle()
    step = wizard.price_step
    step.table.setCurrentIndex(step.model.index(0, 0))
    step.show_why()
    why = step.why.steps

    def rows() -> list[tuple[str, str]]:
        return [(why.topLevelItem(i).text(0), why.topLevelItem(i).text(3)) for i in range(8)]

    assert rows()[0][0] == "List price" and "price book" in rows()[0][1]
    languages = wizard_bench.context.languages
    try:
        languages.set_language("th")
        QApplication.processEvents()
        assert rows()[0][0] == "ราคาตั้ง" and rows()[0][1].startswith("สมุดราคา")
        assert all(
            any("\u0e00" <= ch <= "\u0e7f" for ch in label + reason) for label, reason in rows()
        )
    finally:
        languages.set_language("en")
    QApplication.processEvents()
    assert rows()[0][0] == "List price"
