"""Finalized periods: once paid, a period's result is kept as it was and never recalculated.

A later correction (a late deal, a changed amount) shows up as an adjustment line in the open
period instead; see ``calculate``. Two ledgers: in memory (tests, one-off runs) and a folder of
JSON files (the command line and the workspace), one file per plan and period.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Protocol

from dealkit.engine.commissions.errors import CommissionError
from dealkit.engine.commissions.results import PeriodResult


class Ledger(Protocol):
    def get(self, plan_code: str, period: str) -> PeriodResult | None: ...

    def put(self, result: PeriodResult) -> None: ...

    def periods(self, plan_code: str) -> list[str]: ...


class MemoryLedger:
    def __init__(self) -> None:
        self._results: dict[tuple[str, str], str] = {}

    def get(self, plan_code: str, period: str) -> PeriodResult | None:
        # Stored as JSON text so that a caller holding the result cannot alter the ledger.
        text = self._results.get((plan_code, period))
        return PeriodResult.from_json(json.loads(text)) if text else None

    def put(self, result: PeriodResult) -> None:
        key = (result.plan_code, result.period)
        if key in self._results:
            raise CommissionError(f"{result.plan_code} {result.period} is already finalized")
        self._results[key] = json.dumps(result.to_json())

    def periods(self, plan_code: str) -> list[str]:
        return sorted(p for code, p in self._results if code == plan_code)


class JsonLedger:
    """``DIR/<plan code>/<period>.json``; files are written once and never replaced."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _path(self, plan_code: str, period: str) -> Path:
        return self.root / plan_code / f"{period}.json"

    def get(self, plan_code: str, period: str) -> PeriodResult | None:
        path = self._path(plan_code, period)
        if not path.exists():
            return None
        try:
            return PeriodResult.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, KeyError) as error:
            raise CommissionError(
                f"{path}: the finalized period cannot be read ({error}); restore it from a backup"
            ) from None

    def put(self, result: PeriodResult) -> None:
        path = self._path(result.plan_code, result.period)
        if path.exists():
            raise CommissionError(f"{result.plan_code} {result.period} is already finalized")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".part")
            tmp.write_text(json.dumps(result.to_json(), indent=1), encoding="utf-8")
            tmp.replace(path)
        except OSError as error:
            raise CommissionError(
                f"cannot write the ledger at {path} ({error.strerror}): give --ledger a folder "
                "you can write to"
            ) from None

    def periods(self, plan_code: str) -> list[str]:
        folder = self.root / plan_code
        return sorted(p.stem for p in folder.glob("*.json")) if folder.exists() else []
