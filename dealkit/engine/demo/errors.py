"""The one error the demo raises for bad or missing source files."""

from __future__ import annotations

from pathlib import Path


class DemoDataError(ValueError):
    """A demo source file is missing or wrong. ``str(error)`` names the file, the line when
    known, what is wrong and the fix."""

    def __init__(self, path: Path | str, problem: str, fix: str, line: int | None = None):
        self.path = Path(path)
        self.line = line
        self.problem = problem
        self.fix = fix
        where = f"{self.path}, line {line}" if line else f"{self.path}"
        super().__init__(f"{where}: {problem}. Fix: {fix}")
