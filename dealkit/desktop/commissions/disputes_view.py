"""The rep's questions on their statements: one row each with its status, the thread beneath.

Newest first. A row names the line and its period, the amount as the rep saw it, the reason and
the status (open, in review, resolved and how); opening it shows every message of the thread
with its author and time, and the name of any attached file.
"""

from __future__ import annotations

from babel.dates import format_date, format_datetime
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTreeWidgetItem, QWidget

from dealkit.desktop.commission_summary import DisputeView
from dealkit.desktop.commissions import labels
from dealkit.widgets.fitted_tree import FittedTreeWidget

DISPUTE_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_COLORS = {"open": "#8a5a00", "in_review": "#2f6fae", "resolved": "#2f7d4f"}


class DisputesTree(FittedTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, min_rows=1)
        self.setObjectName("commissionDisputes")
        self.setColumnCount(4)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 120), (2, 320), (3, 170)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)

    def retranslate(self) -> None:
        self.setHeaderLabels(
            [self.tr("Line questioned"), self.tr("Amount"), self.tr("Reason"), self.tr("Status")]
        )
        self.headerItem().setTextAlignment(
            1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )

    def show_disputes(self, disputes: list[DisputeView], locale: str) -> None:
        opened = {
            self.topLevelItem(i).data(0, DISPUTE_ROLE)
            for i in range(self.topLevelItemCount())
            if self.topLevelItem(i).isExpanded()
        }
        self.clear()
        for dispute in disputes:
            when = format_date(dispute.created_at.astimezone(), format="medium", locale=locale)
            item = QTreeWidgetItem(
                [
                    self.tr("%1 · %2 · raised %3")
                    .replace("%1", dispute.line_label)
                    .replace("%2", dispute.period)
                    .replace("%3", when),
                    dispute.line_amount.format(locale),
                    labels.reason(dispute.reason),
                    labels.status(dispute.status, dispute.resolution),
                ]
            )
            item.setData(0, DISPUTE_ROLE, dispute.id)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setForeground(3, QBrush(QColor(STATUS_COLORS.get(dispute.status, "#1f2933"))))
            font = item.font(3)
            font.setBold(True)
            item.setFont(3, font)
            for message in dispute.messages:
                stamp = format_datetime(message.at.astimezone(), format="short", locale=locale)
                text = f"{message.author} · {stamp}: {message.text}"
                if message.attachment_name:
                    text += "  " + self.tr("[attached: %1]").replace("%1", message.attachment_name)
                child = QTreeWidgetItem([text])
                child.setToolTip(0, text)
                item.addChild(child)
            self.addTopLevelItem(item)
            for i in range(item.childCount()):
                item.child(i).setFirstColumnSpanned(True)
            item.setExpanded(dispute.id in opened)

    def dispute_ids(self) -> list[str]:
        return [self.topLevelItem(i).data(0, DISPUTE_ROLE) for i in range(self.topLevelItemCount())]

    def select_dispute(self, dispute_id: str) -> None:
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if item.data(0, DISPUTE_ROLE) == dispute_id:
                item.setExpanded(True)
                self.setCurrentItem(item)
                self.scrollToItem(item)
                return
