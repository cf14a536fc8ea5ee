"""New & changed and the quiz dialog on the Library page, driven from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from dealkit.desktop.library_quiz_dialog import QuizDialog
from dealkit.engine.content.quizzes import attempts_of, parse_quiz
from dealkit.engine.content.refreshers import new_and_changed
from dealkit.engine.content.views import view_counts
from dealkit.engine.store.models import ContentItem, User
from dealkit.index.library import local_today
from tests.engine.content.test_quizzes import worked_example
from tests.helpers.desktop import wait_idle

SPINE_TRAINING = "Training: selling the Spine 64 data-centre fabric"
APPROVALS_HOW_TO = "How to: get a discounted quote approved on the first try"


def test_the_quiz_dialog_works_from_the_keyboard(qtbot) -> None:
    quiz = parse_quiz(worked_example(), "spine-64.yaml")
    dialog = QuizDialog(quiz, SPINE_TRAINING)
    qtbot.addWidget(dialog)
    dialog.show()
    submitted = []
    dialog.submitted.connect(submitted.append)
    assert dialog.progress.text() == "Question 1 of 3"
    qtbot.keyClick(dialog, Qt.Key.Key_2)  # B
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.keyClick(dialog, Qt.Key.Key_A)  # a wrong answer, by letter
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.hint.text().startswith("Choose 2.")  # the "choose two" question says so
    qtbot.keyClick(dialog, Qt.Key.Key_1)
    qtbot.keyClick(dialog, Qt.Key.Key_3)
    qtbot.keyClick(dialog, Qt.Key.Key_Enter)
    assert submitted == [{1: ["B"], 2: ["A"], 3: ["A", "C"]}]
    assert dialog.result is not None and (dialog.result.score, dialog.result.total) == (2, 3)
    text = dialog.result_view.toPlainText()
    assert "Not passed yet" in text and "2 of 3 right (67%); the pass mark is 75%." in text
    assert "Two Leaf 48 per rack" in text  # each question's explanation
    assert "Right answer: B. Two · yours: A" in text


def test_new_and_changed_then_a_quiz_is_taken_and_saved(qtbot, make_window, demo_workspace):
    window = make_window(demo_workspace)
    window.show_page("library")
    wait_idle(qtbot, window)
    page = window.pages["library"]
    controls = page.refreshers
    with demo_workspace.store.session() as s:
        alex = s.scalars(select(User).where(User.username == "alex")).one()
        expected = new_and_changed(s, alex.id, local_today())
    assert controls.new_button.text().replace("&&", "&") == f"New & changed ({len(expected)})"

    qtbot.mouseClick(controls.new_button, Qt.MouseButton.LeftButton)
    assert page.shown_titles() == [r.title for r in expected]
    assert APPROVALS_HOW_TO in page.shown_titles()  # re-published as version 2 in the demo
    card = page.results.itemWidget(page.results.item(page.shown_titles().index(APPROVALS_HOW_TO)))
    assert "you last read version 1" in card.snippet_label.text()
    assert page.status_label.text().endswith("new or changed since you last looked")

    page.search_for("spine 64 data-centre fabric training")
    wait_idle(qtbot, window)
    assert not controls.new_button.isChecked()
    row = page.shown_titles().index(SPINE_TRAINING)
    card = page.results.itemWidget(page.results.item(row))
    assert card.quiz_label.text() == "Quiz" and not card.quiz_label.isHidden()
    other = page.results.itemWidget(page.results.item(1 if row == 0 else 0))
    assert other.quiz_label.isHidden()
    page.results.setCurrentRow(row)
    assert controls.quiz_button.isEnabled()
    page.results.setCurrentRow(1 if row == 0 else 0)
    assert not controls.quiz_button.isEnabled()  # no quiz on that item
    page.results.setCurrentRow(row)
    qtbot.mouseClick(controls.quiz_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controls.dialog is not None and controls.dialog.isVisible())
    dialog = controls.dialog
    for keys in ([Qt.Key.Key_2], [Qt.Key.Key_2], [Qt.Key.Key_1, Qt.Key.Key_3], [Qt.Key.Key_1]):
        for key in keys:
            qtbot.keyClick(dialog, key)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert dialog.saved_label.text() == "Attempt saved."
    assert "Passed" in dialog.result_view.toPlainText()
    with demo_workspace.store.session() as s:
        item_id = s.scalars(select(ContentItem.id).where(ContentItem.title == SPINE_TRAINING)).one()
        [attempt] = attempts_of(s, alex.id, item_id)
        assert (attempt.score, attempt.total) == (4, 4)
        # Taking the quiz opened the item (a view is recorded): it is not new for Alex
        after = new_and_changed(s, alex.id, local_today())
        assert item_id not in {r.item_id for r in after}
        assert view_counts(s, [item_id])[item_id].views >= 1
    assert controls.new_button.text().replace("&&", "&") == f"New & changed ({len(after)})"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Done closes it
    assert not dialog.isVisible()
