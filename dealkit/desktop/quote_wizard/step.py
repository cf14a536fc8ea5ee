"""What the wizard expects of a step, and the stand-in shown for a step not built yet.

A step is a ``QWidget`` made as ``Step(context, draft, parent)`` with a ``draft`` attribute,
``title()``, ``enter()`` (called each time it becomes the current step) and ``validate()`` (the
reasons, in words, that keep the rep from going on; empty when nothing does).

Only the current step shows, so a step that follows the draft does its refresh through
``when_shown``: at once while it shows, or once when it is next shown. Editing a 1,000-line
quote on the Price step then no longer re-checks the Review step's approvals twice per edit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from dealkit.desktop.context import DesktopContext
from dealkit.desktop.i18n import Retranslating
from dealkit.desktop.quote_wizard.draft import QuoteDraft


class WizardStep(Retranslating, QWidget):
    """Base of the wizard's own steps (the interface is all the wizard relies on)."""

    def __init__(self, context: DesktopContext, draft: QuoteDraft, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.draft = draft
        self._deferred: dict[str, Callable[[], None]] = {}

    def when_shown(self, key: str, work: Callable[[], None]) -> None:
        """Do ``work`` now if the step shows, else once when it is next shown.

        ``key`` names the work: deferring it again replaces the earlier call, so ten edits on
        another step cost one refresh here, when the rep comes to this step.
        """
        if self.isVisible():
            self._deferred.pop(key, None)
            work()
        else:
            self._deferred[key] = work

    def has_deferred(self) -> bool:
        """True while some refresh waits for the step to show."""
        return bool(self._deferred)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        deferred, self._deferred = self._deferred, {}
        for work in deferred.values():
            work()

    def title(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set the step's words in the window's language (again after a language switch)."""

    def enter(self) -> None:
        """The step became current: refresh from the draft and put the focus where typing goes."""

    def validate(self) -> list[str]:
        return []


class PlaceholderStep(WizardStep):
    """Stands for a step whose module has not landed yet, saying so."""

    def __init__(
        self,
        context: DesktopContext,
        draft: QuoteDraft,
        parent: QWidget | None = None,
        name: str = "",
    ) -> None:
        super().__init__(context, draft, parent)
        self._name = name
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setProperty("role", "muted")
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self.retranslate()

    def title(self) -> str:
        return self._name

    def retranslate(self) -> None:
        self.label.setText(
            self.tr("The %1 step is on its way in a coming version.").replace("%1", self._name)
        )
