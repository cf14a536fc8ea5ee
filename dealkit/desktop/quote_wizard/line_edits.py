"""Edits of a quote document's lines and groups, as pure functions over immutable documents.

Steps call these and hand the result to ``draft.apply``; unchanged lines stay the same objects,
which is how the pricer knows which lines to reprice.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from dealkit.engine.pricing.inputs import OptionPick
from dealkit.engine.quotes.document import GroupDoc, QuoteDocument, QuoteLineDoc, Subscription

_NUMBERED = re.compile(r"^L(\d+)$")


def next_line_id(doc: QuoteDocument) -> str:
    highest = 0
    for line in doc.lines:
        match = _NUMBERED.match(line.id)
        if match:
            highest = max(highest, int(match.group(1)))
    return f"L{highest + 1}"


def add_line(
    doc: QuoteDocument,
    sku: str,
    quantity: Decimal,
    group: str = "",
    term_months: int | None = None,
    at: int | None = None,
) -> tuple[QuoteDocument, QuoteLineDoc]:
    """``doc`` with a new line (at the end, or before position ``at``, 0-based)."""
    subscription = Subscription(term_months=term_months) if term_months else None
    line = QuoteLineDoc(next_line_id(doc), sku, quantity, group=group, subscription=subscription)
    lines = list(doc.lines)
    lines.insert(len(lines) if at is None else at, line)
    return replace(doc, lines=tuple(lines)), line


def replace_line(doc: QuoteDocument, line_id: str, **changes: object) -> QuoteDocument:
    lines = tuple(
        replace(line, **changes) if line.id == line_id else line  # type: ignore[arg-type]
        for line in doc.lines
    )
    return replace(doc, lines=lines)


def remove_lines(doc: QuoteDocument, line_ids: set[str]) -> QuoteDocument:
    return replace(doc, lines=tuple(line for line in doc.lines if line.id not in line_ids))


def set_options(doc: QuoteDocument, line_id: str, options: tuple[OptionPick, ...]) -> QuoteDocument:
    return replace_line(doc, line_id, options=options)


def move_to_group(doc: QuoteDocument, line_ids: set[str], group: str) -> QuoteDocument:
    lines = tuple(
        replace(line, group=group) if line.id in line_ids and line.group != group else line
        for line in doc.lines
    )
    return replace(doc, lines=lines)


def add_group(doc: QuoteDocument, name: str, alternative: str | None = None) -> QuoteDocument:
    """A new group; the first of an alternative set is the selected (counted) one."""
    if any(g.name == name for g in doc.groups):
        return doc
    selected = bool(alternative) and not any(g.alternative == alternative for g in doc.groups)
    return replace(doc, groups=(*doc.groups, GroupDoc(name, alternative or None, selected)))


def select_alternative(doc: QuoteDocument, name: str) -> QuoteDocument:
    """Count group ``name`` in the total instead of the others of its alternative set."""
    chosen = next((g for g in doc.groups if g.name == name), None)
    if chosen is None or not chosen.alternative:
        return doc
    groups = tuple(
        replace(g, selected=g.name == name) if g.alternative == chosen.alternative else g
        for g in doc.groups
    )
    return replace(doc, groups=groups)


def set_term(doc: QuoteDocument, line_id: str, months: int | None) -> QuoteDocument:
    line = doc.line(line_id)
    sub = line.subscription or Subscription()
    return replace_line(doc, line_id, subscription=replace(sub, term_months=months))
