"""The Quote wizard: a step rail, the current step, side panels, and the quote's header.

Customer → Configure → Price → Terms → Review → Proposal. Ctrl+1…Ctrl+6 jump to a step and
Ctrl+PgUp / Ctrl+PgDown move to the one before or after (as do Back and Next; Next is refused,
with the reasons, while the current step's ``validate()`` names something to fix). Ctrl+Z,
Ctrl+Shift+Z and Ctrl+Y undo and redo through the draft's stack; Ctrl+S saves.

The wizard owns the ``QuoteDraft`` and its ``DraftPricer`` (every step and panel reads the same
priced draft) and saves: the whole document is priced again and written on a worker, all or
nothing (``store_reads.save_draft``); a ``PricingError`` is shown problem by problem and nothing
is saved. Side panels go in the dock on the right through ``add_side_panel``.

Ctrl+1…Ctrl+4 are also the window's page keys: while the focus is inside the wizard the wizard
claims them (it accepts the ``ShortcutOverride``), so they move between steps here and between
pages everywhere else.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop.context import DesktopContext
from dealkit.desktop.i18n import Retranslating
from dealkit.desktop.quote_wizard.configure_step import ConfigureStep
from dealkit.desktop.quote_wizard.customer_step import DEFAULT_VALID_DAYS, CustomerStep
from dealkit.desktop.quote_wizard.draft import QuoteDraft
from dealkit.desktop.quote_wizard.draft_pricer import DraftPricer
from dealkit.desktop.quote_wizard.header import WizardHeader
from dealkit.desktop.quote_wizard.price_step import PriceStep
from dealkit.desktop.quote_wizard.pricing_basis import quote_day, workspace_rules
from dealkit.desktop.quote_wizard.step import PlaceholderStep
from dealkit.desktop.quote_wizard.store_reads import open_document, save_draft
from dealkit.desktop.tasks import TaskFailure
from dealkit.engine.pricing.errors import PricingError
from dealkit.engine.quotes.document import CustomerRef, QuoteDocument
from dealkit.engine.quotes.versions import revise

log = logging.getLogger(__name__)

CUSTOMER, CONFIGURE, PRICE, TERMS, REVIEW, PROPOSAL = range(6)
# the steps other modules provide: (module, class); a missing module shows a placeholder
OTHER_STEPS = {
    TERMS: ("terms_step", "TermsStep"),
    REVIEW: ("review_step", "ReviewStep"),
    PROPOSAL: ("proposal_step", "ProposalStep"),
}
SIDE_WIDTH = 320  # the side dock's width at first: "Suggested material" and its tab neighbour
STEP_KEYS = {getattr(Qt.Key, f"Key_{n}"): n - 1 for n in range(1, 7)}


def empty_document(day: date, currency: str = "USD") -> QuoteDocument:
    return QuoteDocument(
        customer=CustomerRef(""),
        currency=currency,
        date=day,
        lines=(),
        expires_on=day + timedelta(days=DEFAULT_VALID_DAYS),
    )


class QuoteWizard(Retranslating, QWidget):
    """``closed()`` when the rep leaves it; ``saved(document)`` after each save."""

    closed = Signal()
    saved = Signal(object)
    save_failed = Signal(list)  # the problems' texts

    def __init__(self, context: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quoteWizard")
        self.context = context
        self.draft = QuoteDraft(empty_document(quote_day(context.workspace)), self)
        self.pricer = DraftPricer(context, self.draft, self)
        self.saving = False
        self.last_problems: list[str] = []
        self.message_box: QMessageBox | None = None

        self.header = WizardHeader(self.draft, self, context.babel_locale)
        self.rail = QListWidget()
        self.rail.setObjectName("stepRail")
        self.rail.setFixedWidth(118)
        self.rail.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stack = QStackedWidget()
        self.stack.setObjectName("stepStack")
        self.customer_step = CustomerStep(context, self.draft, self)
        self.configure_step = ConfigureStep(context, self.draft, self, self.pricer)
        self.price_step = PriceStep(
            context, self.draft, self, self.pricer, self.configure_step.completer
        )
        self.steps: list[QWidget] = [self.customer_step, self.configure_step, self.price_step]
        for number in (TERMS, REVIEW, PROPOSAL):
            self.steps.append(self._other_step(number))
        for step in self.steps:
            self.stack.addWidget(step)
            self.rail.addItem(QListWidgetItem(""))
        self.rail.currentRowChanged.connect(self._rail_changed)
        submitted = getattr(self.steps[REVIEW], "submitted", None)
        if submitted is not None:
            submitted.connect(self._submitted)

        self.side = QTabWidget()
        self.side.setObjectName("sidePanels")
        self.side.setDocumentMode(True)
        self.side.setMinimumWidth(240)
        self.side.hide()
        self._side_titles: list[tuple[QWidget, Callable[[], str]]] = []
        self._side_sized = False  # the dock gets SIDE_WIDTH the first time the wizard shows

        self.back_button = QPushButton()
        self.back_button.setObjectName("wizardBack")
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton()
        self.next_button.setObjectName("wizardNext")
        self.next_button.setProperty("role", "primary")
        self.next_button.clicked.connect(self.next)
        self.save_button = QPushButton()
        self.save_button.setObjectName("wizardSave")
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton()
        self.close_button.setObjectName("wizardClose")
        self.close_button.clicked.connect(self.request_close)
        self.blocked = QLabel()
        self.blocked.setObjectName("wizardBlocked")
        self.blocked.setWordWrap(True)
        self.blocked.setStyleSheet("QLabel#wizardBlocked { color: #8e1b1b; }")

        self.undo_action = self.draft.undo_stack.createUndoAction(self)
        self.undo_action.setObjectName("wizardUndo")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.draft.undo_stack.createRedoAction(self)
        self.redo_action.setObjectName("wizardRedo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.save_action = QAction(self)
        self.save_action.setObjectName("wizardSaveAction")
        self.save_action.setShortcut(QKeySequence("Ctrl+S"))
        self.save_action.triggered.connect(self.save)
        for action in (self.undo_action, self.redo_action, self.save_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        for action in (self.undo_action, self.redo_action):
            action.setVisible(False)  # until the wizard shows (see showEvent)

        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.blocked, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        middle = QWidget()
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.stack, 1)
        column.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)  # the step takes what the window gains
        body = QHBoxLayout()
        body.setSpacing(12)
        body.addWidget(self.rail)
        body.addWidget(self.splitter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)
        self._install_panels()
        self.retranslate()
        self.rail.setCurrentRow(CUSTOMER)

    # steps --------------------------------------------------------------------------------------

    def _other_step(self, number: int) -> QWidget:
        module_name, class_name = OTHER_STEPS[number]
        full = f"dealkit.desktop.quote_wizard.{module_name}"
        try:
            module = importlib.import_module(full)
        except ModuleNotFoundError as error:
            if error.name != full:
                raise
            return PlaceholderStep(self.context, self.draft, self, class_name[: -len("Step")])
        factory: Callable[..., QWidget] = getattr(module, class_name)
        return factory(self.context, self.draft, self)

    def _install_panels(self) -> None:
        try:
            panels = importlib.import_module("dealkit.desktop.quote_wizard.panels")
        except ModuleNotFoundError as error:
            if error.name != "dealkit.desktop.quote_wizard.panels":
                raise
            return
        install = getattr(panels, "install_side_panels", None)
        if install is not None:
            install(self, self.context)

    def add_side_panel(self, widget: QWidget, title: str | Callable[[], str]) -> None:
        """Add ``widget`` as a tab of the dock on the right (shown once it holds a panel).

        ``title`` is the tab's text, or a function giving it in the window's language: asked
        again after a language switch."""
        self._side_titles.append((widget, title if callable(title) else (lambda: title)))
        self.side.addTab(widget, self._side_titles[-1][1]())
        self.side.show()

    @property
    def current(self) -> int:
        return self.stack.currentIndex()

    def current_step(self) -> QWidget:
        return self.steps[self.current]

    def go_to(self, number: int) -> None:
        number = max(0, min(len(self.steps) - 1, number))
        if self.rail.currentRow() != number:
            self.rail.setCurrentRow(number)  # calls _rail_changed
        else:
            self._rail_changed(number)

    def _rail_changed(self, number: int) -> None:
        if number < 0:
            return
        self.stack.setCurrentIndex(number)
        self.blocked.clear()
        self.back_button.setEnabled(number > 0)
        self.next_button.setEnabled(number < len(self.steps) - 1)
        enter = getattr(self.steps[number], "enter", None)
        if enter is not None:
            enter()

    def next(self) -> None:
        validate = getattr(self.current_step(), "validate", None)
        reasons = validate() if validate is not None else []
        if reasons:
            self.blocked.setText("\n".join(reasons[:3]))
            return
        self.go_to(self.current + 1)

    def back(self) -> None:
        self.go_to(self.current - 1)

    def event(self, event: QEvent) -> bool:
        # Claim the step keys before the window's page shortcuts see them (see the docstring).
        if event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if self._step_key(event):
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._step_key(event):
            event.accept()  # acted on at ShortcutOverride
            return
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.request_close()
            return
        super().keyPressEvent(event)

    def _step_key(self, event: QKeyEvent) -> bool:
        """Act on a step key (once, at ShortcutOverride); True when it is one."""
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers != Qt.KeyboardModifier.ControlModifier:
            return False
        key = event.key()
        if key in STEP_KEYS:
            target = STEP_KEYS[key]
        elif key == Qt.Key.Key_PageDown:
            target = self.current + 1
        elif key == Qt.Key.Key_PageUp:
            target = self.current - 1
        else:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            self.go_to(target)
        return True

    # the quote ----------------------------------------------------------------------------------

    def new_quote(self) -> None:
        """Start a new quote on the Customer step."""
        self.draft.reset(empty_document(quote_day(self.context.workspace)))
        self.draft.undo_stack.setClean()
        self.pricer.start()
        self.go_to(CUSTOMER)

    def open_quote(self, document: QuoteDocument, step: int = PRICE) -> None:
        self.draft.reset(document)
        self.pricer.start()
        self.go_to(step)

    def load_quote(
        self, number: str, version: int | None = None, step: int = PRICE, revise_it: bool = False
    ) -> None:
        """Read quote ``number`` on a worker and open it (as a new version with ``revise_it``)."""
        workspace = self.context.workspace
        day = quote_day(workspace)

        def opened(document: QuoteDocument) -> None:
            if revise_it:
                self.open_quote(document)
                self.draft.apply(
                    revise(document, day),
                    self.tr("Revise to version %1").replace("%1", str(document.version + 1)),
                )
            else:
                self.open_quote(document, step)

        self.context.tasks.run(
            lambda: open_document(workspace, number, version),
            opened,
            self._open_failed,
            label=self.tr("Opening %1…").replace("%1", number),
            name="wizard-open",
            owner=self,
        )

    def _open_failed(self, failure: TaskFailure) -> None:
        self._show_problems(self.tr("The quote cannot be opened"), [failure.message])

    @property
    def dirty(self) -> bool:
        return not self.draft.undo_stack.isClean()

    def save(self) -> None:
        """Save the draft on a worker: priced in full and written all or nothing."""
        if self.saving:
            return
        self.saving = True
        self.save_button.setEnabled(False)
        workspace = self.context.workspace
        doc = self.draft.document
        rules = self.pricer.basis.rules if self.pricer.basis is not None else None

        def work() -> QuoteDocument:
            return save_draft(workspace, doc, rules or workspace_rules(workspace))

        self.context.tasks.run(
            work,
            lambda saved: self._saved(doc, saved),
            self._save_failed,
            label=self.tr("Saving the quote…"),
            name="wizard-save",
            owner=self,
        )

    def _saved(self, sent: QuoteDocument, saved: QuoteDocument) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.last_problems = []
        if self.draft.document == sent:
            self.draft.mark_saved(saved)
        else:  # the rep went on editing while it saved: keep the edits, take the number
            self.draft.mark_saved(replace(self.draft.document, number=saved.number))
            self.draft.undo_stack.resetClean()
        self.blocked.setText(
            self.tr("Saved %1 version %2.")
            .replace("%1", saved.number)
            .replace("%2", str(saved.version))
        )
        self.saved.emit(saved)

    def _save_failed(self, failure: TaskFailure) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        error = failure.error
        if isinstance(error, PricingError):
            texts = [str(p) for p in error.problems]
        else:
            texts = [failure.message]
        self.last_problems = texts
        self.save_failed.emit(texts)
        self._show_problems(self.tr("Nothing was saved"), texts)

    def _submitted(self, document: QuoteDocument) -> None:
        self.saved.emit(document)

    def _show_problems(self, title: str, texts: list[str]) -> None:
        self.blocked.setText("\n".join(texts[:3]))
        if self.message_box is not None:
            self.message_box.deleteLater()
        box = QMessageBox(self.window())
        box.setObjectName("wizardProblems")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(title)
        box.setInformativeText("\n".join(texts))
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        self.message_box = box
        box.open()

    # leaving ------------------------------------------------------------------------------------

    def request_close(self) -> None:
        """Leave the wizard, asking first when there are unsaved changes."""
        if not self.dirty:
            self.closed.emit()
            return
        box = QMessageBox(self.window())
        box.setObjectName("wizardUnsaved")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("This quote has changes that are not saved."))
        box.setInformativeText(self.tr("Save them before leaving the quote?"))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.finished.connect(lambda result: self._unsaved_answer(box, result))
        self.message_box = box
        box.open()

    def _unsaved_answer(self, box: QMessageBox, _result: int) -> None:
        button = box.standardButton(box.clickedButton())
        if button == QMessageBox.StandardButton.Save:
            self.saved.connect(self._close_after_save, Qt.ConnectionType.SingleShotConnection)
            self.save()
        elif button == QMessageBox.StandardButton.Discard:
            self.draft.reset(self.draft.document)
            self.draft.undo_stack.setClean()
            self.closed.emit()

    def _close_after_save(self, _saved: QuoteDocument) -> None:
        self.closed.emit()

    # text ---------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        for row, step in enumerate(self.steps):
            title = step.title() if hasattr(step, "title") else ""
            self.rail.item(row).setText(f"{row + 1}  {title}")
            self.rail.item(row).setToolTip(f"Ctrl+{row + 1}")
        self.back_button.setText(self.tr("Back"))
        self.back_button.setToolTip("Ctrl+PgUp")
        self.next_button.setText(self.tr("Next"))
        self.next_button.setToolTip("Ctrl+PgDown")
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip("Ctrl+S")
        self.close_button.setText(self.tr("Back to quotes"))
        self.save_action.setText(self.tr("Save quote"))
        for widget, title in self._side_titles:
            self.side.setTabText(self.side.indexOf(widget), title())

    def showEvent(self, event: QShowEvent) -> None:
        # Undo and Redo (also in the window's Edit menu) are there while the wizard shows.
        for action in (self.undo_action, self.redo_action):
            action.setVisible(True)
        super().showEvent(event)
        self._size_side()

    def _size_side(self) -> None:
        """Give the side dock SIDE_WIDTH (its tab titles whole), once, when there is room."""
        total = self.splitter.width()
        if self._side_sized or not self.side.count() or total <= 0:
            return
        self._side_sized = True
        side = max(self.side.minimumWidth(), min(SIDE_WIDTH, total // 2))
        self.splitter.setSizes([total - side - self.splitter.handleWidth(), side])

    def hideEvent(self, event: QHideEvent) -> None:
        for action in (self.undo_action, self.redo_action):
            action.setVisible(False)
        super().hideEvent(event)
