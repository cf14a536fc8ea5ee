"""A fitted tree is as tall as its visible rows: it grows when a branch opens."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidgetItem

from dealkit.widgets.fitted_tree import FittedTreeWidget


def test_the_tree_grows_when_a_branch_opens_and_shrinks_when_it_closes(qtbot):
    tree = FittedTreeWidget()
    tree.setHeaderLabels(["Line"])
    qtbot.addWidget(tree)
    parent = QTreeWidgetItem(["Base commission"])
    parent.addChildren([QTreeWidgetItem([f"step {i}"]) for i in range(5)])
    tree.addTopLevelItem(parent)
    tree.show()
    qtbot.waitExposed(tree)
    qtbot.waitUntil(lambda: tree.height() == tree.content_height(), timeout=2000)
    closed = tree.height()
    parent.setExpanded(True)
    qtbot.waitUntil(lambda: tree.height() > closed, timeout=2000)
    assert tree.height() == tree.content_height()
    assert tree.verticalScrollBar().maximum() == 0  # everything is in view, nothing scrolls
    parent.setExpanded(False)
    qtbot.waitUntil(lambda: tree.height() == closed, timeout=2000)
