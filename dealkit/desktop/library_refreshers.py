"""The Library page's refresher controls: "New & changed" for the signed-in rep, "Take quiz".

"New & changed" lists what the rep has not opened, or opened in an older version
(``engine.content.refreshers``). Opening a result (Enter or double-click) and taking its quiz
record a view, so the item leaves the list. "Take quiz" is enabled on a result that has a
quiz; the dialog is ``QuizDialog`` and the attempt is saved off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from dealkit.desktop.context import DesktopContext
from dealkit.desktop.library_quiz_dialog import QuizDialog
from dealkit.desktop.library_service import LibraryItemRow
from dealkit.desktop.tasks import TaskFailure
from dealkit.engine.workspace import Workspace


@dataclass
class RefresherData:
    user_id: str | None
    rows: list[LibraryItemRow] = field(default_factory=list)
    quiz_items: set[str] = field(default_factory=set)


def load_refresher_data(workspace: Workspace) -> RefresherData:
    """What the controls need, read on a worker thread."""
    from dealkit.engine.content.quizzes import items_with_quizzes
    from dealkit.engine.content.refreshers import new_and_changed
    from dealkit.index.library import local_today

    user_id = workspace.info("current_user_id")
    with workspace.store.session() as session:
        quiz_items = items_with_quizzes(session)
        if user_id is None:
            return RefresherData(None, [], quiz_items)
        found = new_and_changed(session, user_id, local_today())
    rows = [LibraryItemRow(r.item_id, r.title, r.kind, r.language, r.explain()) for r in found]
    return RefresherData(user_id, rows, quiz_items)


def record_view_now(workspace: Workspace, item_id: str, user_id: str) -> None:
    from dealkit.engine.content.views import record_view

    with workspace.store.session() as session, session.begin():
        record_view(session, item_id, user_id)


class RefresherControls(QWidget):
    """``show_rows`` asks the page to list rows; ``left`` tells it the list was closed."""

    show_rows = Signal(list)
    left = Signal()
    loaded = Signal()

    def __init__(self, context: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.data = RefresherData(None)
        self.current_item: tuple[str, str] | None = None  # (id, title)
        self.dialog: QuizDialog | None = None
        self.new_button = QPushButton()
        self.new_button.setObjectName("newAndChanged")
        self.new_button.setCheckable(True)
        self.new_button.toggled.connect(self._toggled)
        self.quiz_button = QPushButton()
        self.quiz_button.setObjectName("takeQuiz")
        self.quiz_button.setEnabled(False)
        self.quiz_button.clicked.connect(self.take_quiz)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.new_button)
        row.addWidget(self.quiz_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.new_button.setText(
            self.tr("New && changed (%1)").replace("%1", str(len(self.data.rows)))
        )
        self.new_button.setToolTip(
            self.tr("Items you have not opened since they came out or changed")
        )
        self.quiz_button.setText(self.tr("Take quiz"))
        self.quiz_button.setToolTip(
            self.tr("Check what you learned from the selected training item")
        )

    @property
    def showing(self) -> bool:
        return self.new_button.isChecked()

    # loading ------------------------------------------------------------------------------------

    def load(self, then: Callable[[], None] | None = None) -> None:
        workspace = self.context.workspace

        def loaded(data: RefresherData) -> None:
            self.data = data
            self.retranslate()
            self._update_quiz_button()
            if self.showing:
                self.show_rows.emit(data.rows)
            self.loaded.emit()
            if then is not None:
                then()

        self.context.tasks.run(
            lambda: load_refresher_data(workspace), loaded, name="library-refreshers"
        )

    def _toggled(self, checked: bool) -> None:
        if checked:
            self.show_rows.emit(self.data.rows)
        else:
            self.left.emit()

    def leave(self) -> None:
        """The rep searched: the list is no longer New & changed."""
        self.new_button.blockSignals(True)
        self.new_button.setChecked(False)
        self.new_button.blockSignals(False)

    # the selected result ------------------------------------------------------------------------

    def set_current(self, item_id: str | None, title: str = "") -> None:
        self.current_item = (item_id, title) if item_id else None
        self._update_quiz_button()

    def has_quiz(self, item_id: str | None) -> bool:
        return item_id in self.data.quiz_items

    def _update_quiz_button(self) -> None:
        self.quiz_button.setEnabled(
            self.current_item is not None
            and self.data.user_id is not None
            and self.current_item[0] in self.data.quiz_items
        )

    def opened(self, item_id: str) -> None:
        """The rep opened a result: record the view, then refresh the New & changed count."""
        user_id = self.data.user_id
        if user_id is None:
            return
        workspace = self.context.workspace
        self.context.tasks.run(
            lambda: record_view_now(workspace, item_id, user_id),
            lambda _none: self.load(),
            name="library-view",
        )

    # quizzes ------------------------------------------------------------------------------------

    def take_quiz(self) -> None:
        if self.current_item is None:
            return
        item_id, _title = self.current_item
        workspace = self.context.workspace

        def read() -> object:
            from dealkit.engine.content.quizzes import quiz_for_item

            with workspace.store.session() as session:
                return quiz_for_item(session, item_id)

        self.context.tasks.run(read, self._open_quiz, self._failed, name="library-quiz")

    def _open_quiz(self, stored: object) -> None:
        if stored is None:
            return
        self.dialog = QuizDialog(stored.quiz, stored.item_title, self.window())  # type: ignore[attr-defined]
        self.dialog.submitted.connect(lambda answers: self._save(stored.item_id, answers))  # type: ignore[attr-defined]
        self.dialog.open()
        self.opened(stored.item_id)  # type: ignore[attr-defined]

    def _save(self, item_id: str, answers: dict[int, list[str]]) -> None:
        user_id = self.data.user_id
        workspace = self.context.workspace
        dialog = self.dialog

        def save() -> object:
            from dealkit.engine.content.quizzes import record_attempt

            with workspace.store.session() as session, session.begin():
                return record_attempt(session, item_id, user_id or "", answers)

        def saved(_result: object) -> None:
            if dialog is not None:
                dialog.show_saved(True)

        def failed(failure: TaskFailure) -> None:
            if dialog is not None:
                dialog.show_saved(False, failure.message)

        self.context.tasks.run(save, saved, failed, name="library-quiz-attempt")

    def _failed(self, failure: TaskFailure) -> None:
        self.quiz_button.setToolTip(failure.message)
