"""Once a quote is approved, which changes need approval again.

An approval covers the values it saw. After a change, a requirement is still covered when the
same rule on the same subject (the quote, a line by id, a clause) was approved at a value at
least as bad as today's: a discount no higher, a margin no lower, payment terms no longer, the
same non-standard text. Anything else (a value that got worse, or a requirement that is new)
goes back to its approvers, with the old and new values in the reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from dealkit.engine.approvals.evaluate import Evaluation, Requirement, route_of
from dealkit.engine.approvals.policy import Metric
from dealkit.engine.pricing.errors import PricingError, Problem


@dataclass(frozen=True)
class ApprovedValue:
    rule: str
    subject: str
    metric: Metric
    value: str  # as evaluated: a number, or a non-standard clause's redline


@dataclass(frozen=True)
class ApprovalRecord:
    """What was approved: the quote version, when, by which roles, and the values seen."""

    quote: str
    version: int
    approved_on: date
    approved_by: tuple[str, ...]
    values: tuple[ApprovedValue, ...] = field(default_factory=tuple)

    @classmethod
    def of(
        cls,
        evaluation: Evaluation,
        quote: str,
        version: int,
        approved_on: date,
        approved_by: tuple[str, ...],
    ) -> ApprovalRecord:
        values = tuple(
            ApprovedValue(r.rule.id, r.observation.subject, r.rule.metric, str(r.observation.value))
            for r in evaluation.requirements
        )
        return cls(quote, version, approved_on, approved_by, values)

    def find(self, rule: str, subject: str) -> ApprovedValue | None:
        for value in self.values:
            if value.rule == rule and value.subject == subject:
                return value
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "format": "dealkit-approval/1",
            "quote": self.quote,
            "version": self.version,
            "approved_on": self.approved_on.isoformat(),
            "approved_by": list(self.approved_by),
            "values": [
                {"rule": v.rule, "subject": v.subject, "metric": v.metric.value, "value": v.value}
                for v in self.values
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], source: str = "approval record") -> ApprovalRecord:
        try:
            return cls(
                quote=str(data["quote"]),
                version=int(data["version"]),
                approved_on=date.fromisoformat(data["approved_on"]),
                approved_by=tuple(data.get("approved_by", [])),
                values=tuple(
                    ApprovedValue(v["rule"], v["subject"], Metric(v["metric"]), str(v["value"]))
                    for v in data.get("values", [])
                ),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise PricingError(
                [
                    Problem(
                        source,
                        "record",
                        f"not an approval record ({error}): write it with "
                        "'dealkit approvals record'",
                    )
                ]
            ) from None

    @classmethod
    def load(cls, path: Path) -> ApprovalRecord:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise PricingError(
                [Problem(str(path), "file", f"cannot read the approval record: {error}")]
            ) from None
        return cls.from_json(data, str(path))


@dataclass(frozen=True)
class Recheck:
    needed: tuple[tuple[Requirement, str], ...]  # requirement, why it needs approval again
    covered: tuple[tuple[Requirement, ApprovedValue], ...]

    @property
    def route(self) -> tuple[tuple[str, ...], ...]:
        return route_of([r for r, _ in self.needed])

    def to_json(self) -> dict[str, Any]:
        return {
            "needs_reapproval": bool(self.needed),
            "needed": [{**r.to_json(), "why_again": why} for r, why in self.needed],
            "still_approved": [{**r.to_json(), "approved_value": v.value} for r, v in self.covered],
            "route": [list(step) for step in self.route],
        }


def worse(metric: Metric, approved: str, now: Decimal | str) -> bool:
    if metric is Metric.NON_STANDARD_TERMS:
        return str(now) != approved
    was = Decimal(approved)
    return now < was if metric.worse_when_lower else now > was


def recheck(evaluation: Evaluation, record: ApprovalRecord) -> Recheck:
    needed: list[tuple[Requirement, str]] = []
    covered: list[tuple[Requirement, ApprovedValue]] = []
    for requirement in evaluation.requirements:
        approved = record.find(requirement.rule.id, requirement.observation.subject)
        now = requirement.observation.value
        if approved is None:
            needed.append((requirement, "not part of the approved version"))
        elif worse(requirement.rule.metric, approved.value, now):
            if requirement.rule.metric is Metric.NON_STANDARD_TERMS:
                why = "the clause changed since it was approved"
            else:
                why = f"approved at {approved.value}, now {now}"
            needed.append((requirement, why))
        else:
            covered.append((requirement, approved))
    return Recheck(tuple(needed), tuple(covered))
