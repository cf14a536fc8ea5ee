"""Quizzes as data: the worked example of docs/quizzes.md reads, grades and is kept per rep;
a malformed quiz names the file, the line and the fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dealkit.engine.content.quizzes import (
    QuizError,
    attach_quiz,
    attempts_of,
    grade,
    load_quiz_file,
    parse_quiz,
    quiz_for_item,
    record_attempt,
)
from dealkit.engine.store.models import ContentItem, ContentKind, QuizAttempt, User
from dealkit.engine.workspace import Workspace

DOCS = Path(__file__).parents[3] / "docs" / "quizzes.md"


def worked_example() -> str:
    """The YAML block of docs/quizzes.md's worked example (the docs and the code agree)."""
    text = DOCS.read_text(encoding="utf-8")
    return re.search(r"```yaml\n(.*?)```", text, re.S).group(1)


@pytest.fixture
def item_and_rep(empty_workspace: Workspace) -> tuple[str, str]:
    with empty_workspace.store.session() as s, s.begin():
        rep = User(username="nok", display_name="Nok Srisuk", email="n@example.com")
        item = ContentItem(title="Spine 64 fabric", kind=ContentKind.TRAINING, language="en")
        s.add_all([rep, item])
        s.flush()
        return item.id, rep.id


def test_the_worked_example_reads_and_grades() -> None:
    quiz = parse_quiz(worked_example(), "spine-64.yaml")
    assert quiz.title == "Spine 64 fabric basics" and quiz.pass_percent == 75
    assert [sorted(q.answer) for q in quiz.questions] == [["B"], ["B"], ["A", "C"]]
    assert quiz.questions[2].several and not quiz.questions[0].several
    result = grade(quiz, {1: ["B"], 2: ["a"], 3: ["A"]})  # half of a "choose two" is wrong
    assert [q.correct for q in result.questions] == [True, False, False]
    assert result.explain() == "1 of 3 right (33%); the pass mark is 75%: not passed yet"
    assert grade(quiz, {1: "B", 2: "B", 3: ["C", "A"]}).passed


def test_attempts_are_kept_per_rep_with_their_answers(empty_workspace, item_and_rep) -> None:
    item_id, rep_id = item_and_rep
    with empty_workspace.store.session() as s, s.begin():
        attach_quiz(s, item_id, worked_example(), "spine-64.yaml")
    with empty_workspace.store.session() as s, s.begin():
        first = record_attempt(s, item_id, rep_id, {1: ["A"], 2: ["B"]})
    with empty_workspace.store.session() as s, s.begin():
        second = record_attempt(s, item_id, rep_id, {1: ["B"], 2: ["B"], 3: ["A", "C"]})
    assert (first.score, first.total, second.score, second.passed) == (1, 3, 3, True)
    with empty_workspace.store.session() as s:
        rows = attempts_of(s, rep_id, item_id)
        assert [(r.score, r.total) for r in rows] == [(3, 3), (1, 3)]
        saved = s.get(QuizAttempt, first.attempt_id)
        assert saved.answers == {"1": ["A"], "2": ["B"], "3": []}
        assert quiz_for_item(s, item_id).quiz.title == "Spine 64 fabric basics"


def test_a_replaced_quiz_is_the_one_shown(empty_workspace, item_and_rep) -> None:
    item_id, _ = item_and_rep
    other = worked_example().replace("Spine 64 fabric basics", "Fabric refresher")
    with empty_workspace.store.session() as s, s.begin():
        attach_quiz(s, item_id, worked_example(), "a.yaml")
        attach_quiz(s, item_id, other, "b.yaml")
    with empty_workspace.store.session() as s:
        assert quiz_for_item(s, item_id).quiz.title == "Fabric refresher"


MALFORMED = [
    (
        "title: Q\nquestions:\n  - question: Two hops?\n    choices: [One, Two]\n"
        "    answer: C\n    explanation: Leaf then spine.\n",
        "quiz.yaml, line 5: the answer 'C' is not one of the choices' letters. Fix: write a "
        "letter from A to B",
    ),
    (
        "title: Q\nquestions:\n  - question: Two hops?\n    choices: [One, Two]\n"
        "    answers: B\n    explanation: Leaf then spine.\n",
        "quiz.yaml, line 5: question 1 has an unknown field 'answers'. Fix: use only question, "
        "choices, answer, explanation",
    ),
    (
        "title: Q\nquestions:\n  - question: Two hops?\n    choices: [One, Two]\n    answer: B\n",
        "quiz.yaml, line 3: question 1 has no 'explanation'. Fix: add 'explanation:' to it",
    ),
    (
        "title: Q\nquestions:\n  - question: Two hops?\n    choices:\n      - One\n      - One\n"
        "    answer: A\n    explanation: x\n",
        "quiz.yaml, line 6: choice B of question 1 repeats an earlier choice",
    ),
    ("title: Q\nquestions: []\n", "quiz.yaml, line 2: the quiz has no questions"),
    ("title: Q\n  questions: x: y\n", "quiz.yaml, line 2: "),
    ("title: Q\npass_percent: 120\nquestions: []\n", "quiz.yaml, line 2: pass_percent is 120"),
]


@pytest.mark.parametrize(("text", "message"), MALFORMED)
def test_a_malformed_quiz_names_the_line_and_the_fix(text: str, message: str) -> None:
    with pytest.raises(QuizError) as caught:
        parse_quiz(text, "quiz.yaml")
    assert str(caught.value).startswith(message)
    assert "Fix:" in str(caught.value)


def test_a_quiz_file_that_is_not_utf8_is_refused(tmp_path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes("title: Caf\xe9\n".encode("latin-1"))
    with pytest.raises(QuizError, match=r"latin\.yaml.*not UTF-8"):
        load_quiz_file(path)


def test_a_bad_attempt_saves_nothing(empty_workspace, item_and_rep) -> None:
    item_id, rep_id = item_and_rep
    with pytest.raises(QuizError, match="has no quiz"), empty_workspace.store.session() as s:
        record_attempt(s, item_id, rep_id, {1: ["A"]})
    with empty_workspace.store.session() as s, s.begin():
        attach_quiz(s, item_id, worked_example(), "spine-64.yaml")
    with (
        pytest.raises(QuizError, match=r"question\(s\) \[9\]"),
        empty_workspace.store.session() as s,
    ):
        record_attempt(s, item_id, rep_id, {9: ["A"]})
    with empty_workspace.store.session() as s:
        assert attempts_of(s, rep_id) == []
