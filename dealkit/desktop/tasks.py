"""Background work for the window: run a function on a thread pool, answer on the GUI thread.

This is the one way the desktop starts work off the GUI thread (as Picard's ``run_task``): pages
never create threads of their own. A task is a plain function; it runs on a ``QThreadPool`` and
its result, its error or its progress reports come back as queued signals, so the callbacks run
on the GUI thread where touching widgets is allowed.

Worker functions must not touch widgets, and must open their own SQLAlchemy session
(``workspace.store.session()``) because sessions are not thread-safe.

A task answers its *owner*, the widget that asked: when the owner is deleted before the answer
comes (the rep closed the page, a test tore the widget down), the answer is dropped instead of
calling into a deleted widget. The owner is the ``owner`` argument, or else the object whose
bound method ``on_result`` (or ``on_error``) is, when that is a ``QObject``.

``TaskRunner`` adds bookkeeping on top: it counts running tasks (the status bar shows a busy
indicator and the latest progress text) and tells waiters when everything is idle, which is how
tests and ``dealkit selftest`` know that every page has finished loading.
"""

from __future__ import annotations

import inspect
import itertools
import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TaskProgress:
    """A progress report: ``done`` of ``total`` steps (``total`` 0 means unknown), and a text."""

    done: int
    total: int
    text: str = ""


@dataclass(frozen=True)
class TaskFailure:
    """What a failed task raised, with the formatted traceback for logs and bug reports."""

    name: str
    error: BaseException
    details: str

    @property
    def message(self) -> str:
        return str(self.error) or type(self.error).__name__


class ProgressReporter:
    """Handed to a worker function that asks for it; callable from the worker thread."""

    def __init__(self, signals: _TaskSignals) -> None:
        self._signals = signals

    def __call__(self, done: int, total: int = 0, text: str = "") -> None:
        self._signals.progress.emit(TaskProgress(int(done), int(total), text))


class _TaskSignals(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the calls to the GUI thread."""

    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, name: str, func: Callable[..., Any], signals: _TaskSignals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._name = name
        self._func = func
        self._signals = signals
        self._wants_progress = _accepts_argument(func)

    def run(self) -> None:
        try:
            try:
                if self._wants_progress:
                    result = self._func(ProgressReporter(self._signals))
                else:
                    result = self._func()
            except Exception as error:
                details = traceback.format_exc()
                log.warning("background task %s failed:\n%s", self._name, details)
                self._signals.failed.emit(TaskFailure(self._name, error, details))
            else:
                self._signals.finished.emit(result)
        except RuntimeError:  # the signals object is gone: the window closed meanwhile
            log.info("background task %s finished after its window closed", self._name)


def _accepts_argument(func: Callable[..., Any]) -> bool:
    """True when ``func`` takes one positional argument (the progress reporter)."""
    try:
        signature = inspect.signature(func)
    except (TypeError, ValueError):
        return False
    positional = [
        p
        for p in signature.parameters.values()
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty
    ]
    return len(positional) >= 1


class TaskHandle(QObject):
    """One submitted task. Its signals fire on the GUI thread; ``done`` fires after either."""

    progress = Signal(object)  # TaskProgress
    finished = Signal(object)  # the function's return value
    failed = Signal(object)  # TaskFailure
    done = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.is_done = False
        self.result: Any = None
        self.failure: TaskFailure | None = None


def default_owner(*callbacks: Callable[..., Any] | None) -> QObject | None:
    """The ``QObject`` the first bound-method callback belongs to (``None`` for plain functions
    and lambdas: pass ``owner=`` for those)."""
    for callback in callbacks:
        target = getattr(callback, "__self__", None)
        if isinstance(target, QObject):
            return target
    return None


def owner_alive(owner: QObject | None) -> bool:
    """False once ``owner``'s C++ object is deleted (``deleteLater``, its parent closed)."""
    return owner is None or shiboken6.isValid(owner)


_live: set[TaskHandle] = set()  # keeps handles (and their signal objects) alive while running
_names = itertools.count(1)


def run_task(
    func: Callable[..., Any],
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[TaskFailure], None] | None = None,
    on_progress: Callable[[TaskProgress], None] | None = None,
    *,
    name: str | None = None,
    pool: QThreadPool | None = None,
    owner: QObject | None = None,
) -> TaskHandle:
    """Run ``func`` on ``pool`` (default: the global pool) and deliver its outcome on this thread.

    ``func`` takes no argument, or one: a ``ProgressReporter`` to call as ``report(done, total,
    text)``. Must be called from the GUI thread (the thread whose event loop delivers the result).
    The callbacks are not called once ``owner`` (default: see ``default_owner``) is deleted; the
    handle's own signals still fire.
    """
    name = name or f"{getattr(func, '__name__', 'task')}#{next(_names)}"
    if owner is None:
        owner = default_owner(on_result, on_error, on_progress)
    handle = TaskHandle(name)
    signals = _TaskSignals()
    handle._signals = signals  # type: ignore[attr-defined]  # keep it alive with the handle

    def finished(result: Any) -> None:
        handle.result = result
        _finish(handle)
        handle.finished.emit(result)
        if on_result is not None and owner_alive(owner):
            on_result(result)
        handle.done.emit()

    def failed(failure: TaskFailure) -> None:
        handle.failure = failure
        _finish(handle)
        handle.failed.emit(failure)
        if on_error is not None and owner_alive(owner):
            on_error(failure)
        handle.done.emit()

    def progressed(report: TaskProgress) -> None:
        handle.progress.emit(report)
        if on_progress is not None and owner_alive(owner):
            on_progress(report)

    signals.finished.connect(finished)
    signals.failed.connect(failed)
    signals.progress.connect(progressed)
    _live.add(handle)
    (pool or QThreadPool.globalInstance()).start(_Runnable(name, func, signals))
    return handle


def _finish(handle: TaskHandle) -> None:
    handle.is_done = True
    _live.discard(handle)


class TaskRunner(QObject):
    """The window's task runner: ``run_task`` plus a count of what is running, for the status bar.

    Signals: ``busy_changed(bool)``, ``status(str)`` with the latest progress text, and
    ``task_failed(TaskFailure)`` for every failure (the window shows it; selftest counts it).
    """

    busy_changed = Signal(bool)
    status = Signal(str)
    progress = Signal(object)  # TaskProgress of the latest report from any task
    task_failed = Signal(object)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._running: dict[TaskHandle, str] = {}
        self.failures: list[TaskFailure] = []

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def running(self) -> list[str]:
        return list(self._running.values())

    def run(
        self,
        func: Callable[..., Any],
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[TaskFailure], None] | None = None,
        *,
        label: str = "",
        name: str | None = None,
        owner: QObject | None = None,
    ) -> TaskHandle:
        """Run ``func`` as in ``run_task``; ``label`` is what the status bar says while it runs.

        ``owner`` as in ``run_task``: a deleted owner's callbacks are dropped (the failure is
        still counted and reported through ``task_failed``)."""
        was_busy = self.busy
        if owner is None:
            owner = default_owner(on_result, on_error)

        def deliver(result: Any) -> None:
            if on_result is not None and owner_alive(owner):
                on_result(result)

        def report_failure(failure: TaskFailure) -> None:
            self.failures.append(failure)
            self.task_failed.emit(failure)
            if on_error is not None and owner_alive(owner):
                on_error(failure)

        def report_progress(report: TaskProgress) -> None:
            self.progress.emit(report)
            if report.text:
                self.status.emit(report.text)

        handle = run_task(  # the runner's own callbacks always run: no owner here
            func,
            deliver,
            report_failure,
            report_progress,
            name=name or label or None,
            pool=self.pool,
        )
        self._running[handle] = label
        handle.done.connect(lambda: self._done(handle))
        if label:
            self.status.emit(label)
        if not was_busy:
            self.busy_changed.emit(True)
        return handle

    def _done(self, handle: TaskHandle) -> None:
        self._running.pop(handle, None)
        if not self._running:
            self.status.emit("")
            self.busy_changed.emit(False)
        else:
            self.status.emit(next(reversed(self._running.values())))

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until the pool's threads finish (used at shutdown, never while the GUI runs)."""
        return self.pool.waitForDone(msecs)
