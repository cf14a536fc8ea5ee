"""A step that needs the quote's ``TermsBasis`` (the customer's region, the product families).

The Terms and Review steps both read it on a worker, once per customer and set of SKUs, and read
it again when the rep changes either; this base does that once for both. A subclass says what
the status bar shows while reading (``_basis_label``), what a failure reads
(``_basis_failure_text``) and what to do when the basis is ready (``_basis_ready``), in its own
words so that its translations stay in its own context.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dealkit.desktop.context import DesktopContext
from dealkit.desktop.quote_wizard.draft import QuoteDraft
from dealkit.desktop.quote_wizard.step import WizardStep
from dealkit.desktop.quote_wizard.terms_basis import TermsBasis, load_terms_basis
from dealkit.desktop.tasks import TaskFailure


class TermsBasisStep(WizardStep):
    """A wizard step that follows the draft's customer and products through a ``TermsBasis``."""

    task_name = "terms-basis"

    def __init__(self, context: DesktopContext, draft: QuoteDraft, parent: QWidget | None = None):
        super().__init__(context, draft, parent)
        self.basis: TermsBasis | None = None
        self._loading = False
        draft.changed.connect(self._document_changed)

    # for subclasses ------------------------------------------------------------------------------

    def refresh(self) -> None:
        raise NotImplementedError

    def _basis_label(self) -> str:
        """What the status bar says while the basis is read."""
        raise NotImplementedError

    def _basis_failure_text(self, message: str) -> str:
        raise NotImplementedError

    def _basis_ready(self) -> None:
        """The basis covers the draft now."""
        self.refresh()

    def _show_basis_failure(self, text: str) -> None:
        raise NotImplementedError

    # inside --------------------------------------------------------------------------------------

    def _basis_covers_draft(self) -> bool:
        return self.basis is not None and self.basis.covers(self.draft.document)

    def _load_basis(self) -> None:
        if self._loading:
            return
        self._loading = True
        doc = self.draft.document
        workspace = self.context.workspace
        self.refresh()
        self.context.tasks.run(
            lambda: load_terms_basis(workspace, doc),
            self._basis_loaded,
            self._basis_failed,
            label=self._basis_label(),
            name=self.task_name,
            owner=self,
        )

    def _basis_loaded(self, basis: TermsBasis) -> None:
        self._loading = False
        self.basis = basis
        if not basis.covers(self.draft.document):
            self._load_basis()  # the rep changed customer or products meanwhile
            return
        self._basis_ready()

    def _basis_failed(self, failure: TaskFailure) -> None:
        self._loading = False
        self._show_basis_failure(self._basis_failure_text(failure.message))

    def _document_changed(self, _doc: object) -> None:
        if self.basis is not None and not self.basis.covers(self.draft.document):
            self._load_basis()  # off the GUI thread, so it is ready when the rep comes here
        else:
            self.when_shown("refresh", self.refresh)
