"""Quizzes on library items: YAML written by trainers, graded here, attempts kept per rep.

A quiz is data (docs/quizzes.md): a title, an optional pass mark, and questions, each with its
choices, the right answer(s) as letters (A, B, ...) and an explanation shown after answering.
It is stored as its YAML source on a ``ContentQuiz`` row, so the text a trainer wrote is what
every rep sees and what sync carries; it is validated whenever it is attached or read, and any
mistake names the file, the line and the fix. A question counts as right when exactly the right
letters were chosen (no partial credit: a "choose two" question half answered is wrong).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealkit.engine.ids import utcnow
from dealkit.engine.store.models import ContentItem, ContentQuiz, QuizAttempt, User
from dealkit.engine.yaml_source import LineDict, LineList, YamlSourceError, parse_yaml, read_text

LETTERS = "ABCDEFGH"
DEFAULT_PASS_PERCENT = 80
QUIZ_KEYS = ("title", "pass_percent", "questions")
QUESTION_KEYS = ("question", "choices", "answer", "explanation")


class QuizError(ValueError):
    """A quiz that cannot be used, or an attempt that cannot be saved; says what to fix.

    For a quiz source, ``line``, ``problem`` and ``fix`` are also given apart (the demo loader
    words its own message from them)."""

    def __init__(
        self, message: str, line: int | None = None, problem: str = "", fix: str = ""
    ) -> None:
        super().__init__(message)
        self.line = line
        self.problem = problem or message
        self.fix = fix


@dataclass(frozen=True)
class Question:
    number: int  # 1-based
    text: str
    choices: tuple[str, ...]
    answer: frozenset[str]  # right letters
    explanation: str

    @property
    def several(self) -> bool:
        return len(self.answer) > 1

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "question": self.text,
            "choices": {LETTERS[i]: c for i, c in enumerate(self.choices)},
            "answer": sorted(self.answer),
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class Quiz:
    title: str
    pass_percent: int
    questions: tuple[Question, ...]
    source: str = ""  # where it was read from, for messages

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "pass_percent": self.pass_percent,
            "questions": [q.to_json() for q in self.questions],
        }


@dataclass(frozen=True)
class QuestionResult:
    number: int
    chosen: list[str]
    right: list[str]
    correct: bool
    explanation: str


@dataclass(frozen=True)
class QuizResult:
    score: int
    total: int
    pass_percent: int
    questions: list[QuestionResult] = field(default_factory=list)
    attempt_id: str | None = None

    @property
    def percent(self) -> int:
        return round(self.score * 100 / self.total) if self.total else 0

    @property
    def passed(self) -> bool:
        return self.percent >= self.pass_percent

    def explain(self) -> str:
        """The score in words: how many were right, the share, and the pass mark."""
        verdict = "passed" if self.passed else "not passed yet"
        return (
            f"{self.score} of {self.total} right ({self.percent}%); the pass mark is "
            f"{self.pass_percent}%: {verdict}"
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(percent=self.percent, passed=self.passed, explanation=self.explain())
        return data


# reading ----------------------------------------------------------------------------------------


def _fail(source: str, line: int, problem: str, fix: str) -> QuizError:
    return QuizError(f"{source}, line {line}: {problem}. Fix: {fix}", line, problem, fix)


def _text(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str | int | Decimal):
        return str(value).strip()
    return None


def _unknown_keys(node: LineDict, allowed: tuple[str, ...], source: str, what: str) -> None:
    for key in node:
        if key not in allowed:
            raise _fail(
                source,
                node.line_of(key),
                f"{what} has an unknown field {key!r}",
                f"use only {', '.join(allowed)}",
            )


def _letters(value: Any, count: int, source: str, line: int) -> frozenset[str]:
    raw = list(value) if isinstance(value, list) else [value]
    valid = LETTERS[:count]
    letters = []
    for entry in raw:
        letter = _text(entry)
        if not letter or len(letter) != 1 or letter.upper() not in valid:
            raise _fail(
                source,
                line,
                f"the answer {entry!r} is not one of the choices' letters",
                f"write a letter from {valid[0]} to {valid[-1]} (or a list such as [A, C] when "
                "several choices are right)",
            )
        letters.append(letter.upper())
    if not letters:
        raise _fail(source, line, "the answer is empty", "write the right choice's letter, e.g. B")
    if len(set(letters)) != len(letters):
        raise _fail(source, line, "the answer names a letter twice", "list each letter once")
    return frozenset(letters)


def _question(node: Any, number: int, line: int, source: str) -> Question:
    what = f"question {number}"
    if not isinstance(node, LineDict):
        raise _fail(
            source,
            line,
            f"{what} is not a mapping",
            "write '- question: ...' with choices, answer and explanation under it",
        )
    _unknown_keys(node, QUESTION_KEYS, source, what)
    for key in QUESTION_KEYS:
        if key not in node:
            raise _fail(source, node.line, f"{what} has no '{key}'", f"add '{key}:' to it")
    text = _text(node["question"])
    if not text:
        raise _fail(source, node.line_of("question"), f"{what} has no text", "write the question")
    choices_node = node["choices"]
    if not isinstance(choices_node, LineList) or not 2 <= len(choices_node) <= len(LETTERS):
        raise _fail(
            source,
            node.line_of("choices"),
            f"{what} needs a list of 2 to {len(LETTERS)} choices",
            "write each choice on its own line starting with '- '",
        )
    choices = []
    for index, choice in enumerate(choices_node):
        choice_text = _text(choice)
        if not choice_text:
            raise _fail(
                source,
                choices_node.line_at(index),
                f"choice {LETTERS[index]} of {what} is empty or not text",
                "write the choice as text (quote it if it starts with a special character)",
            )
        if choice_text in choices:
            raise _fail(
                source,
                choices_node.line_at(index),
                f"choice {LETTERS[index]} of {what} repeats an earlier choice",
                "make every choice different",
            )
        choices.append(choice_text)
    answer = _letters(node["answer"], len(choices), source, node.line_of("answer"))
    explanation = _text(node["explanation"])
    if not explanation:
        raise _fail(
            source,
            node.line_of("explanation"),
            f"{what} has an empty explanation",
            "say in a sentence why the answer is right; reps read it after answering",
        )
    return Question(number, text, tuple(choices), answer, explanation)


def parse_quiz(text: str, source: str) -> Quiz:
    """The quiz in YAML ``text``; ``source`` names it in messages (a file name)."""
    try:
        data = parse_yaml(text, source)
    except YamlSourceError as error:
        raise QuizError(str(error), error.line, error.problem, error.fix) from None
    if not isinstance(data, LineDict):
        raise _fail(
            source,
            1,
            "a quiz is a mapping with title and questions",
            "start with 'title: ...' then 'questions:' (see docs/quizzes.md)",
        )
    _unknown_keys(data, QUIZ_KEYS, source, "the quiz")
    title = _text(data.get("title"))
    if not title:
        raise _fail(source, data.line_of("title"), "the quiz has no title", "add 'title: ...'")
    pass_percent = data.get("pass_percent", DEFAULT_PASS_PERCENT)
    if isinstance(pass_percent, bool) or not isinstance(pass_percent, int | Decimal):
        raise _fail(
            source,
            data.line_of("pass_percent"),
            f"pass_percent is {pass_percent!r}",
            "write a whole number from 0 to 100, e.g. 80",
        )
    if not 0 <= pass_percent <= 100 or int(pass_percent) != pass_percent:
        raise _fail(
            source,
            data.line_of("pass_percent"),
            f"pass_percent is {pass_percent}",
            "write a whole number from 0 to 100, e.g. 80",
        )
    questions_node = data.get("questions")
    if not isinstance(questions_node, LineList) or not questions_node:
        raise _fail(
            source,
            data.line_of("questions"),
            "the quiz has no questions",
            "add 'questions:' with at least one '- question: ...' under it",
        )
    questions = tuple(
        _question(node, number, questions_node.line_at(number - 1), source)
        for number, node in enumerate(questions_node, start=1)
    )
    return Quiz(title, int(pass_percent), questions, source)


def load_quiz_file(path: Path) -> tuple[Quiz, str]:
    """The quiz in the file at ``path``, and its text (to store)."""
    try:
        text = read_text(path)
    except YamlSourceError as error:
        raise QuizError(str(error)) from None
    return parse_quiz(text, Path(path).name), text


# grading ----------------------------------------------------------------------------------------


def grade(quiz: Quiz, answers: Mapping[int, Iterable[str]]) -> QuizResult:
    """Grade ``answers`` (question number -> chosen letters); unanswered questions are wrong."""
    results, score = [], 0
    for question in quiz.questions:
        chosen = sorted({a.upper() for a in answers.get(question.number, ())})
        correct = set(chosen) == set(question.answer)
        score += correct
        results.append(
            QuestionResult(
                question.number, chosen, sorted(question.answer), correct, question.explanation
            )
        )
    return QuizResult(score, len(quiz.questions), quiz.pass_percent, results)


# the store --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredQuiz:
    quiz_id: str
    item_id: str
    item_title: str
    quiz: Quiz


def _live_quiz_row(session: Session, item_id: str) -> ContentQuiz | None:
    return session.scalars(
        select(ContentQuiz)
        .where(ContentQuiz.item_id == item_id, ContentQuiz.deleted.is_(False))
        .order_by(ContentQuiz.created_at.desc())
    ).first()


def _item(session: Session, item_id: str) -> ContentItem:
    item = session.get(ContentItem, item_id)
    if item is None or item.deleted:
        raise QuizError(
            f"no library item {item_id!r}; find its id with 'dealkit library search ... --json'"
        )
    return item


def attach_quiz(session: Session, item_id: str, text: str, source_name: str) -> StoredQuiz:
    """Validate the quiz and attach it to the item, replacing the quiz it had (in one go)."""
    quiz = parse_quiz(text, source_name)
    item = _item(session, item_id)
    previous = _live_quiz_row(session, item_id)
    if previous is not None:
        previous.deleted = True
    row = ContentQuiz(item_id=item.id, source=text, source_name=source_name)
    session.add(row)
    session.flush()
    return StoredQuiz(row.id, item.id, item.title, quiz)


def quiz_for_item(session: Session, item_id: str) -> StoredQuiz | None:
    """The item's quiz, or None. A stored quiz that no longer reads is an error (names it)."""
    item = _item(session, item_id)
    row = _live_quiz_row(session, item_id)
    if row is None:
        return None
    return StoredQuiz(row.id, item.id, item.title, parse_quiz(row.source, row.source_name))


def items_with_quizzes(session: Session) -> set[str]:
    """Ids of the items that have a quiz."""
    return set(session.scalars(select(ContentQuiz.item_id).where(ContentQuiz.deleted.is_(False))))


def record_attempt(
    session: Session,
    item_id: str,
    user_id: str,
    answers: Mapping[int, Iterable[str]],
    at: datetime | None = None,
) -> QuizResult:
    """Grade the answers to the item's quiz and keep the attempt; returns the graded result."""
    stored = quiz_for_item(session, item_id)
    if stored is None:
        raise QuizError(f"{_item(session, item_id).title!r} has no quiz; attach one first")
    if session.get(User, user_id) is None:
        raise QuizError(f"no user {user_id!r} in this workspace; sign in again")
    numbers = {q.number for q in stored.quiz.questions}
    unknown = sorted(set(answers) - numbers)
    if unknown:
        raise QuizError(
            f"answers name question(s) {unknown} but the quiz has questions 1 to {len(numbers)}"
        )
    result = grade(stored.quiz, answers)
    item = _item(session, item_id)
    attempt = QuizAttempt(
        quiz_id=stored.quiz_id,
        item_id=item_id,
        item_version=item.version,
        user_id=user_id,
        taken_at=at or utcnow(),
        answers={str(q.number): q.chosen for q in result.questions},
        score=result.score,
        total=result.total,
    )
    session.add(attempt)
    session.flush()
    return QuizResult(result.score, result.total, result.pass_percent, result.questions, attempt.id)


@dataclass(frozen=True)
class AttemptRow:
    attempt_id: str
    item_id: str
    item_version: int
    taken_at: datetime
    score: int
    total: int


def attempts_of(session: Session, user_id: str, item_id: str | None = None) -> list[AttemptRow]:
    """A rep's attempts, newest first (of one item's quiz when ``item_id`` is given)."""
    statement = select(QuizAttempt).where(
        QuizAttempt.user_id == user_id, QuizAttempt.deleted.is_(False)
    )
    if item_id is not None:
        statement = statement.where(QuizAttempt.item_id == item_id)
    rows = session.scalars(statement.order_by(QuizAttempt.taken_at.desc()))
    return [AttemptRow(a.id, a.item_id, a.item_version, a.taken_at, a.score, a.total) for a in rows]
