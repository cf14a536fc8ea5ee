"""run_task runs work off the GUI thread and answers on it: results, errors and progress."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtWidgets import QLabel

from dealkit.desktop.tasks import TaskFailure, TaskProgress, TaskRunner, run_task


class Answered(QLabel):
    """A widget that shows a task's answer (or its failure) when it comes."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[object] = []

    def show_result(self, result: object) -> None:
        self.setText(str(result))  # would raise or crash on a deleted widget
        self.answers.append(result)

    def show_failure(self, failure: TaskFailure) -> None:
        self.setText(failure.message)
        self.answers.append(failure)


def test_result_arrives_on_the_gui_thread(qtbot):
    seen: dict[str, str] = {}

    def work() -> str:
        seen["worker"] = threading.current_thread().name
        return "done"

    def on_result(result: str) -> None:
        seen["result"] = result
        seen["callback"] = threading.current_thread().name

    handle = run_task(work, on_result)
    qtbot.waitUntil(lambda: handle.is_done, timeout=5000)
    assert seen["result"] == "done"
    assert seen["callback"] == threading.main_thread().name
    assert seen["worker"] != threading.main_thread().name
    assert handle.result == "done"


def test_an_error_arrives_as_a_failure_on_the_gui_thread(qtbot):
    failures: list[tuple[TaskFailure, str]] = []

    def work() -> None:
        raise ValueError("price book 'USD 2026' has no entry for SRV-R7")

    handle = run_task(
        work,
        on_result=lambda _r: pytest.fail("no result expected"),
        on_error=lambda f: failures.append((f, threading.current_thread().name)),
        name="broken",
    )
    qtbot.waitUntil(lambda: handle.is_done, timeout=5000)
    ((failure, thread),) = failures
    assert thread == threading.main_thread().name
    assert isinstance(failure.error, ValueError)
    assert failure.message == "price book 'USD 2026' has no entry for SRV-R7"
    assert "Traceback" in failure.details and failure.name == "broken"
    assert handle.failure is failure


def test_progress_reports_come_in_order(qtbot):
    reports: list[TaskProgress] = []

    def work(report) -> int:
        for step in range(1, 4):
            report(step, 3, f"step {step}")
        return 3

    handle = run_task(work, on_progress=reports.append)
    qtbot.waitUntil(lambda: handle.is_done, timeout=5000)
    assert [(r.done, r.total, r.text) for r in reports] == [
        (1, 3, "step 1"),
        (2, 3, "step 2"),
        (3, 3, "step 3"),
    ]


def test_runner_is_busy_until_every_task_is_done(qtbot):
    runner = TaskRunner(max_threads=2)
    gate = threading.Event()
    busy: list[bool] = []
    runner.busy_changed.connect(busy.append)
    results: list[int] = []
    runner.run(lambda: gate.wait(5) and 1, results.append, label="loading quotes")
    runner.run(lambda: 2, results.append, label="loading library")
    assert runner.busy and set(runner.running()) == {"loading quotes", "loading library"}
    qtbot.waitUntil(lambda: results == [2], timeout=5000)
    assert runner.busy  # the first task still runs
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert sorted(results) == [1, 2]
    assert busy == [True, False]


def test_runner_keeps_failures_for_the_window(qtbot):
    runner = TaskRunner()
    with qtbot.waitSignal(runner.task_failed, timeout=5000) as signal:
        runner.run(lambda: 1 / 0, label="dividing")
    assert isinstance(signal.args[0].error, ZeroDivisionError)
    assert runner.failures == [signal.args[0]]
    runner.wait_for_done()


def test_an_answer_to_a_deleted_widget_is_dropped(qtbot):
    """The widget that asked is deleted while its task runs: nothing of it is called, the
    runner still finishes and counts the failure, and nothing crashes."""
    runner = TaskRunner()
    release = threading.Event()
    calls: list[object] = []

    def slow(answer: object):
        def work() -> object:
            release.wait(5)
            if isinstance(answer, Exception):
                raise answer
            return answer

        return work

    bound = Answered()  # owner: on_result's __self__
    lambdas = Answered()  # owner: given, since a lambda has no __self__
    alive = Answered()  # not deleted: answered as usual
    qtbot.addWidget(alive)
    runner.run(slow("bound"), bound.show_result, bound.show_failure, label="bound")
    runner.run(slow(ValueError("gone")), bound.show_result, bound.show_failure, label="failing")
    runner.run(
        slow("lambda"),
        lambda result: (calls.append(result), lambdas.setText(str(result))),
        lambda failure: calls.append(failure),
        label="lambda",
        owner=lambdas,
    )
    run_task(slow("plain"), bound.show_result, pool=runner.pool)
    runner.run(slow("alive"), alive.show_result, label="alive")
    assert runner.busy

    shiboken6.delete(bound)
    shiboken6.delete(lambdas)
    assert not shiboken6.isValid(bound) and not shiboken6.isValid(lambdas)
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    runner.wait_for_done()
    qtbot.wait(20)  # let the plain run_task's queued answer arrive too

    assert calls == []
    assert alive.answers == ["alive"] and alive.text() == "alive"
    assert [f.message for f in runner.failures] == ["gone"]  # still counted for the window
