"""The quote being built: one immutable ``QuoteDocument`` at a time, with undo and redo.

Every step of the wizard and every side panel works through a ``QuoteDraft``:

- read ``draft.document`` (an engine ``QuoteDocument``, frozen) and ``draft.priced`` (the
  engine's ``QuotePrice`` for it, or ``None`` while it cannot be priced, with ``draft.problems``
  saying why);
- change it with ``draft.apply(new_document, "what the rep did")``: the change goes on the undo
  stack (Ctrl+Z / Ctrl+Shift+Z undo and redo it) and ``changed`` is emitted;
- follow it through ``changed(document)`` (any edit, undo or redo) and ``priced_changed(priced)``
  (after the price step's repricer has priced the new document).

Documents are values, so undo is a swap of two snapshots; nothing here prices or saves: the
price step owns the repricer and publishes its result with ``set_priced``; saving belongs to
the wizard.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from dealkit.engine.pricing.errors import Problem
from dealkit.engine.pricing.priced import QuotePrice
from dealkit.engine.quotes.document import QuoteDocument


class _Replace(QUndoCommand):
    """One edit: the document before and after, swapped on undo and redo."""

    def __init__(self, draft: QuoteDraft, before: QuoteDocument, after: QuoteDocument, text: str):
        super().__init__(text)
        self._draft = draft
        self._before = before
        self._after = after

    def redo(self) -> None:
        self._draft._set_document(self._after)

    def undo(self) -> None:
        self._draft._set_document(self._before)


class QuoteDraft(QObject):
    """The quote being built in the wizard, with its undo stack."""

    changed = Signal(object)  # QuoteDocument, after every edit, undo or redo
    priced_changed = Signal(object)  # QuotePrice | None
    saved = Signal(object)  # QuoteDocument as saved (number and version filled in)

    def __init__(self, document: QuoteDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._priced: QuotePrice | None = None
        self._problems: tuple[Problem, ...] = ()
        self.undo_stack = QUndoStack(self)

    @property
    def document(self) -> QuoteDocument:
        return self._document

    @property
    def priced(self) -> QuotePrice | None:
        return self._priced

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Why the document cannot be priced now (empty when it can)."""
        return self._problems

    def apply(self, document: QuoteDocument, description: str) -> None:
        """Make ``document`` the draft, undoably; ``description`` names the edit in Edit ▸ Undo."""
        if document == self._document:
            return
        self.undo_stack.push(_Replace(self, self._document, document, description))

    def reset(self, document: QuoteDocument) -> None:
        """Start over from ``document`` (a quote opened or just saved): clears undo history."""
        self.undo_stack.clear()
        self._set_document(document)

    def set_priced(self, priced: QuotePrice | None, problems: tuple[Problem, ...] = ()) -> None:
        """Publish the price of the current document (the price step calls this)."""
        self._priced = priced
        self._problems = tuple(problems)
        self.priced_changed.emit(priced)

    def mark_saved(self, document: QuoteDocument) -> None:
        """The wizard saved ``document``: it becomes the draft (without an undo step)."""
        self._document = document
        self.undo_stack.setClean()
        self.saved.emit(document)
        self.changed.emit(document)

    def _set_document(self, document: QuoteDocument) -> None:
        self._document = document
        self.changed.emit(document)
