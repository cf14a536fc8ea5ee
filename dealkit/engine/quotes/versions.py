"""Versions of a quote: revising makes a new draft version; ``diff`` says what changed.

The diff compares two versions field by field and line by line (lines are matched by id), in
words a rep and a manager read the same way: "line 3 [L3] (SRV-R7): quantity 4 → 6". With the
priced results of both versions it adds each changed line's net and the totals' change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from dealkit.engine.pricing.errors import line_label
from dealkit.engine.pricing.priced import QuotePrice
from dealkit.engine.quotes.document import QuoteDocument, Status
from dealkit.engine.quotes.json_format import quote_to_data

HEADER_FIELDS = (
    "customer",
    "currency",
    "date",
    "expires_on",
    "payment_terms",
    "notes",
    "discount",
    "partner",
    "groups",
    "terms",
    "name",
)
LINE_FIELDS = ("sku", "quantity", "options", "discount", "group", "subscription", "notes")


def revise(doc: QuoteDocument, today: date, valid_days: int | None = None) -> QuoteDocument:
    """A new draft version dated ``today``; the expiry moves by the same validity period."""
    expires = doc.expires_on
    if expires is not None:
        days = valid_days if valid_days is not None else (expires - doc.date).days
        expires = today + timedelta(days=days)
    return replace(
        doc, version=doc.version + 1, status=Status.DRAFT, date=today, expires_on=expires
    )


@dataclass(frozen=True)
class Change:
    kind: str  # "added", "removed", "changed"
    where: str  # "quote" or a line label
    field: str
    old: Any
    new: Any

    def __str__(self) -> str:
        if self.kind == "added":
            return f"{self.where}: added"
        if self.kind == "removed":
            return f"{self.where}: removed"
        return f"{self.where}: {self.field} {_show(self.old)} → {_show(self.new)}"

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "where": self.where,
            "field": self.field,
            "old": self.old,
            "new": self.new,
            "text": str(self),
        }


def diff(
    old: QuoteDocument,
    new: QuoteDocument,
    old_priced: QuotePrice | None = None,
    new_priced: QuotePrice | None = None,
) -> list[Change]:
    """Every difference between two versions, header first, then lines in the new order."""
    changes: list[Change] = []
    old_data = quote_to_data(old)
    new_data = quote_to_data(new)
    for name in HEADER_FIELDS:
        if old_data.get(name) != new_data.get(name):
            changes.append(Change("changed", "quote", name, old_data.get(name), new_data.get(name)))
    old_lines = {line["id"]: line for line in old_data["lines"]}
    new_lines = {line["id"]: line for line in new_data["lines"]}
    positions = {line.id: i for i, line in enumerate(new.lines, start=1)}
    old_positions = {line.id: i for i, line in enumerate(old.lines, start=1)}
    for line in new.lines:
        where = line_label(positions[line.id], line.id, line.sku)
        before = old_lines.get(line.id)
        if before is None:
            changes.append(Change("added", where, "line", None, new_lines[line.id]))
            continue
        after = new_lines[line.id]
        for name in LINE_FIELDS:
            if before.get(name) != after.get(name):
                changes.append(Change("changed", where, name, before.get(name), after.get(name)))
        if old_priced is not None and new_priced is not None:
            was, now = old_priced.line(line.id).net, new_priced.line(line.id).net
            if was != now:
                changes.append(Change("changed", where, "net", str(was), str(now)))
    for line in old.lines:
        if line.id not in new_lines:
            where = line_label(old_positions[line.id], line.id, line.sku)
            changes.append(Change("removed", where, "line", old_lines[line.id], None))
    if old_priced is not None and new_priced is not None:
        for name in ("net", "one_time", "recurring", "mrr", "arr", "margin_percent"):
            was = getattr(old_priced.totals, name)
            now = getattr(new_priced.totals, name)
            if was != now:
                changes.append(Change("changed", "totals", name, str(was), str(now)))
    return changes


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)
