"""The statement of one period as a tree: each payout line opens onto how it was computed.

Top-level rows are the payout lines (label, kind, amount, and a "Question…" button); their
children are the engine's trace in plain words, then a branch with the credits behind the line.
A line already questioned says so in its button ("Questioned: open"), so the rep sees at a glance
what is being looked into.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import QHeaderView, QMenu, QPushButton, QTreeWidgetItem, QWidget

from dealkit.desktop.commission_summary import CommissionSummary
from dealkit.desktop.commissions import labels
from dealkit.widgets.fitted_tree import FittedTreeWidget

LINE_ROLE = Qt.ItemDataRole.UserRole + 1  # the line's position in ``summary.lines``
MUTED = QBrush(QColor("#5f6d7c"))
NEGATIVE = QBrush(QColor("#9b2c2c"))
LINK_STYLE = (
    "QPushButton { color: COLOR; background: transparent; border: none; padding: 2px 8px;"
    " text-align: right; } QPushButton:hover { text-decoration: underline; }"
)


class StatementTree(FittedTreeWidget):
    """Emits ``question_requested(index)`` with the position of the line in the summary."""

    question_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, min_rows=3)
        self.setObjectName("commissionLines")
        self.setColumnCount(4)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 120), (2, 150), (3, 190)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.buttons: list[QPushButton] = []

    def retranslate(self) -> None:
        self.setHeaderLabels(
            [self.tr("Line and how it was computed"), self.tr("Kind"), self.tr("Amount"), ""]
        )
        self.headerItem().setTextAlignment(
            2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )

    def show_summary(self, summary: CommissionSummary | None, locale: str) -> None:
        expanded = {
            self.topLevelItem(i).text(0)
            for i in range(self.topLevelItemCount())
            if self.topLevelItem(i).isExpanded()
        }
        self.clear()
        self.buttons = []
        if summary is None:
            return
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for position, line in enumerate(summary.lines):
            item = QTreeWidgetItem([line.name, labels.line_kind(line.kind), "", ""])
            item.setData(0, LINE_ROLE, position)
            item.setText(2, line.amount.format(locale))
            item.setTextAlignment(2, right)
            item.setToolTip(2, str(line.amount))
            item.setForeground(1, MUTED)
            if line.amount.amount < 0:
                item.setForeground(2, NEGATIVE)
            font = item.font(2)
            font.setBold(True)
            item.setFont(2, font)
            for step in line.trace:
                child = QTreeWidgetItem([step])
                child.setToolTip(0, step)
                item.addChild(child)
            if line.credits:
                branch = QTreeWidgetItem(
                    [self.tr("Credits behind this line (%n)", "", len(line.credits))]
                )
                branch.setForeground(0, MUTED)
                for credit in line.credits:
                    leaf = QTreeWidgetItem([credit])
                    leaf.setToolTip(0, credit)
                    branch.addChild(leaf)
                item.addChild(branch)
            self.addTopLevelItem(item)
            for i in range(item.childCount()):
                item.child(i).setFirstColumnSpanned(True)
                for j in range(item.child(i).childCount()):
                    item.child(i).child(j).setFirstColumnSpanned(True)
            item.setExpanded(line.name in expanded)
            self._add_button(item, position, summary)

    def _add_button(self, item: QTreeWidgetItem, position: int, summary: CommissionSummary) -> None:
        line = summary.lines[position]
        raised = summary.disputes_on(line.line_ref)
        button = QPushButton()
        button.setObjectName("questionButton")
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        if raised:
            latest = raised[0]
            button.setText(
                self.tr("Questioned: %1").replace(
                    "%1", labels.status(latest.status, latest.resolution)
                )
            )
            button.setStyleSheet(LINK_STYLE.replace("COLOR", "#8a5a00"))
        else:
            button.setText(self.tr("Question…"))
            button.setStyleSheet(LINK_STYLE.replace("COLOR", "#2f6fae"))
        button.setToolTip(self.tr("Question this line…"))
        button.clicked.connect(lambda _checked=False, p=position: self.question_requested.emit(p))
        self.setItemWidget(item, 3, button)
        self.buttons.append(button)

    def line_position(self, item: QTreeWidgetItem | None) -> int | None:
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is None:
            return None
        value = item.data(0, LINE_ROLE)
        return int(value) if value is not None else None

    def _context_menu(self, point: QPoint) -> None:
        item = self.itemAt(point)
        position = self.line_position(item)
        if position is None:
            return
        menu = QMenu(self)
        ask = menu.addAction(self.tr("Question this line…"))
        ask.triggered.connect(lambda: self.question_requested.emit(position))
        copy = menu.addAction(self.tr("Copy the line and how it was computed"))
        copy.triggered.connect(lambda: self._copy(position))
        menu.popup(self.viewport().mapToGlobal(point))

    def _copy(self, position: int) -> None:
        item = self.topLevelItem(position)
        lines = [f"{item.text(0)}\t{item.text(2)}"]
        lines += ["  " + item.child(i).text(0) for i in range(item.childCount())]
        QGuiApplication.clipboard().setText("\n".join(lines))
