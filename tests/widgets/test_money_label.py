"""The money label writes amounts the reader's way (Babel), right-aligned, exact in the tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dealkit.engine.money import Money
from dealkit.widgets.money_label import MoneyLabel


def test_formats_for_the_locale_and_keeps_the_exact_amount(qtbot):
    label = MoneyLabel(Money.of("1250.5", "USD"))
    qtbot.addWidget(label)
    assert label.text() == "$1,250.50"
    assert label.toolTip() == "1250.50 USD"
    assert label.alignment() & Qt.AlignmentFlag.AlignRight
    label.set_money(Money.of("450000", "THB"))
    label.set_locale("th_TH")
    assert label.text() == "฿450,000.00"


def test_placeholder_without_an_amount(qtbot):
    label = MoneyLabel()
    qtbot.addWidget(label)
    assert label.text() == "—"
    label.set_placeholder("n/a")
    assert label.text() == "n/a"
    assert label.money is None
