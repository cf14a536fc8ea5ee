"""Errors a user can cause while pricing a quote.

Every problem names where it is (the quote line and its SKU, or the quote header), the field,
and what to do about it, so that the window, the command line and the server can show the same
sentence. Problems are collected rather than raised one at a time: a rep fixing a 40-line quote
wants every mistake listed at once.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the input, e.g. line 3 (SRV-R7), field ``quantity``."""

    where: str  # "line 3 (SRV-R7)", "quote", "price rules line 14"
    field: str  # "quantity", "discount.percent", "sku", ...
    message: str  # what is wrong and the fix

    def __str__(self) -> str:
        return f"{self.where}, field {self.field}: {self.message}"

    def to_json(self) -> dict[str, str]:
        return {"where": self.where, "field": self.field, "message": self.message}


class PricingError(ValueError):
    """The input cannot be priced; ``problems`` lists every reason found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


def line_label(position: int, line_id: str, sku: str) -> str:
    """How a quote line is named in messages: its 1-based position, id and SKU."""
    label = f"line {position}"
    if line_id and line_id != str(position):
        label += f" [{line_id}]"
    if sku:
        label += f" ({sku})"
    return label
