"""Errors a comp admin or a rep can cause: a bad plan document or a bad transactions file.

Each message names where the problem is (the file and line, or the row and column) and how to fix
it, because the person reading it is editing a YAML or CSV file, not reading Python.
"""

from __future__ import annotations


class CommissionError(ValueError):
    """Base class for commission problems a user can fix; ``str(error)`` is written for them."""


class PlanError(CommissionError):
    """A plan document that cannot be used.

    ``source`` is the file name (or a label such as ``plan 'field-sales' v1`` for a plan read from
    the store), ``line`` the 1-based line of the offending field, ``field`` a dotted path such as
    ``components[2].tiers[0].rate``.
    """

    def __init__(self, source: str, line: int | None, field: str, problem: str, fix: str) -> None:
        self.source = source
        self.line = line
        self.field = field
        self.problem = problem
        self.fix = fix
        where = f"{source}:{line}" if line else source
        at = f" {field}:" if field else ""
        super().__init__(f"{where}:{at} {problem}. Fix: {fix}")


class RejectedRow(CommissionError):
    """One transaction row that cannot be used; collected into a report, not raised alone."""

    def __init__(self, source: str, line: int, reason: str) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        super().__init__(f"{source}:{line}: {reason}")


class TransactionFileError(CommissionError):
    """A transactions file with rejected rows, raised unless the caller asked to skip them."""

    def __init__(self, source: str, rejected: list[RejectedRow], accepted: int) -> None:
        self.source = source
        self.rejected = rejected
        self.accepted = accepted
        shown = "\n".join(f"  {r}" for r in rejected[:20])
        more = f"\n  ... and {len(rejected) - 20} more" if len(rejected) > 20 else ""
        super().__init__(
            f"{source}: {len(rejected)} row(s) rejected, {accepted} good row(s) not processed:\n"
            f"{shown}{more}\nFix the rows, or pass --skip-bad to process the good rows only."
        )
