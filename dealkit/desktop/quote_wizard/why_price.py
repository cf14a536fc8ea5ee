""" "Why this price": the waterfall of one line, step by step, in plain words.

Built only when asked for (F1 or the button on the Price step), from the engine's
``pricing/waterfall.py`` -- the same steps ``dealkit price`` prints -- so the window and the
command line always tell the same story.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from dealkit.desktop.i18n import Retranslating
from dealkit.engine.money import Money
from dealkit.engine.pricing.errors import Problem
from dealkit.engine.pricing.priced import LinePrice
from dealkit.engine.pricing.waterfall import waterfall
from dealkit.engine.quotes.document import QuoteLineDoc


class WhyPricePanel(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None, babel_locale: str = "en_US") -> None:
        super().__init__(parent)
        self.setObjectName("whyPrice")
        self.locale = babel_locale
        self.heading = QLabel()
        self.heading.setProperty("role", "subheading")
        self.heading.setWordWrap(True)
        self.steps = QTreeWidget()
        self.steps.setObjectName("waterfallSteps")
        self.steps.setRootIsDecorated(False)
        self.steps.setColumnCount(4)
        self.steps.setWordWrap(True)
        self.line_id: str | None = None
        self._shown: tuple | None = None  # the last show_line's arguments, to re-tell it
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.steps, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.steps.setHeaderLabels(
            [self.tr("Step"), self.tr("Amount"), self.tr("Change"), self.tr("Why")]
        )
        if self._shown is not None:  # the engine's words follow the language too
            self.show_line(*self._shown)

    def show_line(
        self,
        line: QuoteLineDoc,
        position: int,
        lp: LinePrice | None,
        problems: tuple[Problem, ...],
        currency: str,
        partner_name: str = "",
    ) -> None:
        self.line_id = line.id
        self._shown = (line, position, lp, problems, currency, partner_name)
        self.steps.clear()
        if problems or lp is None:
            self.heading.setText(
                self.tr("Line %1 (%2) cannot be priced: %3")
                .replace("%1", str(position))
                .replace("%2", line.sku)
                .replace("%3", "; ".join(p.message for p in problems) or self.tr("not yet"))
            )
            return
        self.heading.setText(
            self.tr("Why line %1 (%2, %3) costs %4")
            .replace("%1", str(position))
            .replace("%2", line.sku)
            .replace("%3", lp.listed.item.name)
            .replace("%4", Money(lp.net, currency).format(self.locale))
        )
        for step in waterfall(lp, currency, partner_name):
            change = "" if step.key == "list" else Money(step.change, currency).format(self.locale)
            item = QTreeWidgetItem(
                [
                    step.label,
                    Money(step.amount, currency).rounded().format(self.locale),
                    change,
                    step.explanation,
                ]
            )
            item.setToolTip(3, step.explanation)
            for column in (1, 2):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            self.steps.addTopLevelItem(item)
        for column in range(3):
            self.steps.resizeColumnToContents(column)
