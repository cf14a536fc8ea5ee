"""The quiz dialog: one question at a time, keyboard usable, the score with explanations.

Keys: 1-8 or A-H pick a choice (toggle it on a "choose several" question), the arrow keys and
Space work on the focused choice, Enter goes to the next question (or finishes). Grading is the
engine's (``quizzes.grade``); when the rep finishes, ``submitted`` carries the answers so the
page saves the attempt off the GUI thread, and ``show_saved`` confirms it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dealkit.engine.content.quizzes import LETTERS, Quiz, QuizResult, grade


class QuizDialog(QDialog):
    submitted = Signal(object)  # dict: question number -> list of letters

    def __init__(self, quiz: Quiz, item_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quizDialog")
        self.quiz = quiz
        self.item_title = item_title
        self.position = 0
        self.answers: dict[int, list[str]] = {}
        self.result: QuizResult | None = None
        self.choice_buttons: list[QAbstractButton] = []
        self._group: QButtonGroup | None = None

        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.heading.setWordWrap(True)
        self.progress = QLabel()
        self.progress.setProperty("role", "muted")
        self.question_label = QLabel()
        self.question_label.setObjectName("quizQuestion")
        self.question_label.setProperty("role", "subheading")
        self.question_label.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setProperty("role", "muted")
        self.choices_box = QWidget()
        self.choices_layout = QVBoxLayout(self.choices_box)
        self.choices_layout.setContentsMargins(8, 4, 0, 4)
        question_page = QWidget()
        column = QVBoxLayout(question_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.progress)
        column.addWidget(self.question_label)
        column.addWidget(self.hint)
        column.addWidget(self.choices_box)
        column.addStretch(1)
        self.result_view = QTextBrowser()
        self.result_view.setObjectName("quizResult")
        self.pages = QStackedWidget()
        self.pages.addWidget(question_page)
        self.pages.addWidget(self.result_view)

        self.saved_label = QLabel()
        self.saved_label.setProperty("role", "muted")
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.previous)
        self.next_button = QPushButton()
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.resize(620, 440)
        self._show_question()

    # questions ---------------------------------------------------------------------------------

    def _show_question(self) -> None:
        question = self.quiz.questions[self.position]
        self.setWindowTitle(self.tr("Quiz: %1").replace("%1", self.quiz.title))
        self.heading.setText(self.quiz.title)
        self.progress.setText(
            self.tr("Question %1 of %2")
            .replace("%1", str(self.position + 1))
            .replace("%2", str(len(self.quiz.questions)))
        )
        self.question_label.setText(question.text)
        self.hint.setText(
            self.tr("Choose %1. Keys %2 pick a choice; Enter goes on.")
            .replace("%1", str(len(question.answer)) if question.several else self.tr("one"))
            .replace("%2", f"1–{len(question.choices)}")
        )
        for button in self.choice_buttons:
            self.choices_layout.removeWidget(button)
            button.deleteLater()
        self.choice_buttons = []
        self._group = QButtonGroup(self)
        self._group.setExclusive(not question.several)
        chosen = self.answers.get(question.number, [])
        for index, choice in enumerate(question.choices):
            letter = LETTERS[index]
            text = f"&{index + 1}  {letter}. {choice}"
            button: QAbstractButton = QCheckBox(text) if question.several else QRadioButton(text)
            button.setObjectName(f"quizChoice{letter}")
            button.setChecked(letter in chosen)
            self._group.addButton(button, index)
            self.choices_layout.addWidget(button)
            self.choice_buttons.append(button)
        self.back_button.setEnabled(self.position > 0)
        last = self.position == len(self.quiz.questions) - 1
        self.next_button.setText(self.tr("Finish") if last else self.tr("Next"))
        self.back_button.setText(self.tr("Back"))
        self.close_button.setText(self.tr("Close"))
        self.choice_buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _keep_answer(self) -> None:
        question = self.quiz.questions[self.position]
        self.answers[question.number] = [
            LETTERS[i] for i, b in enumerate(self.choice_buttons) if b.isChecked()
        ]

    def pick(self, index: int) -> None:
        """Pick choice ``index`` (0-based): toggle on a several-answers question."""
        if not 0 <= index < len(self.choice_buttons):
            return
        button = self.choice_buttons[index]
        if isinstance(button, QCheckBox):
            button.setChecked(not button.isChecked())
        else:
            button.setChecked(True)
        button.setFocus(Qt.FocusReason.OtherFocusReason)

    def next(self) -> None:
        if self.result is not None:
            self.accept()
            return
        self._keep_answer()
        if self.position < len(self.quiz.questions) - 1:
            self.position += 1
            self._show_question()
        else:
            self.finish()

    def previous(self) -> None:
        if self.result is None and self.position > 0:
            self._keep_answer()
            self.position -= 1
            self._show_question()

    # the end ------------------------------------------------------------------------------------

    def finish(self) -> None:
        self.result = grade(self.quiz, self.answers)
        self.pages.setCurrentWidget(self.result_view)
        self.result_view.setHtml(self._result_html(self.result))
        self.back_button.setEnabled(False)
        self.next_button.setText(self.tr("Done"))
        self.saved_label.setText(self.tr("Saving your attempt…"))
        self.submitted.emit(dict(self.answers))

    def show_saved(self, ok: bool, message: str = "") -> None:
        self.saved_label.setText(
            self.tr("Attempt saved.")
            if ok
            else self.tr("The attempt could not be saved: %1").replace("%1", message)
        )

    def _result_html(self, result: QuizResult) -> str:
        verdict = self.tr("Passed") if result.passed else self.tr("Not passed yet")
        score = (
            self.tr("%1 of %2 right (%3%); the pass mark is %4%.")
            .replace("%1", str(result.score))
            .replace("%2", str(result.total))
            .replace("%3", str(result.percent))
            .replace("%4", str(result.pass_percent))
        )
        parts = [f"<h2>{html.escape(verdict)}</h2><p>{html.escape(score)}</p>"]
        for question, outcome in zip(self.quiz.questions, result.questions, strict=True):
            # Words, not ✔/✘: the bundled fonts have no such symbols (no boxes when frozen).
            mark = self.tr("Correct:") if outcome.correct else self.tr("Wrong:")
            colour = "#1f7a4d" if outcome.correct else "#b3261e"
            right = ", ".join(f"{c}. {question.choices[LETTERS.index(c)]}" for c in outcome.right)
            yours = ", ".join(outcome.chosen) or self.tr("no answer")
            parts.append(
                f"<p><b style='color:{colour}'>{mark} {question.number}. "
                f"{html.escape(question.text)}</b><br>"
                + html.escape(self.tr("Right answer: %1").replace("%1", right))
                + " · "
                + html.escape(self.tr("yours: %1").replace("%1", yours))
                + f"<br><i>{html.escape(outcome.explanation)}</i></p>"
            )
        return "".join(parts)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.result is None:
            key = event.key()
            text = event.text().upper()
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_8:
                self.pick(key - Qt.Key.Key_1)
                return
            if len(text) == 1 and text in LETTERS and not event.modifiers():
                self.pick(LETTERS.index(text))
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.next()
                return
        super().keyPressEvent(event)
