"""What the GUI benchmarks share: the longest GUI-thread stall, and spinning the event loop.

Imported by the bench scripts that drive a real (offscreen) window (``wizard_edit.py``,
``configure_open.py``); they run as ``python bench/NAME.py``, so this module is their neighbour
on ``sys.path``.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer


class StallMeter:
    """Longest gap between ticks of a 5 ms timer: how long the GUI thread could not answer."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.worst


def spin_until(
    predicate: Callable[[], bool], timeout: float = 600.0, what: str = "the window"
) -> None:
    """Run the event loop in short slices until ``predicate()`` holds; exit after ``timeout``."""
    loop = QEventLoop()
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        QTimer.singleShot(2, loop.quit)
        loop.exec()
