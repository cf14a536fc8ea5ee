"""Undoable choice changes: every edit in the Configure dialog is one ``QUndoCommand``.

A command holds the whole choice set before and after, so one command can carry a compound edit
("make it possible" changes several choices at once, "Complete" fills many) and undoing it is
exact whatever the edit was.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from dealkit.engine.configurator import Value

Choices = dict[str, Value]


class SetChoicesCommand(QUndoCommand):
    def __init__(
        self, apply: Callable[[Choices], None], before: Choices, after: Choices, text: str
    ) -> None:
        super().__init__(text)
        self._apply = apply
        self._before = dict(before)
        self._after = dict(after)

    def redo(self) -> None:
        self._apply(dict(self._after))

    def undo(self) -> None:
        self._apply(dict(self._before))
