"""What a calculation produces: lines with traces, per participant and period.

Every figure a rep sees is a ``Line`` whose ``trace`` says, in plain words with the figures, how it
was reached. A participant's payout is by construction the sum of their lines (draw top-ups and
recoveries are lines too), so a statement always adds up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from dealkit.engine.money import Money

EARNING_KINDS = ("earning", "spif", "clawback", "adjustment")
LINE_KINDS = (*EARNING_KINDS, "draw")


@dataclass(frozen=True)
class Line:
    """One payout line. ``kind`` is earning, spif, clawback, adjustment or draw."""

    component: str
    label: str
    kind: str
    amount: Money
    trace: list[str]
    reward: str | None = None  # a non-cash reward won (a SPIF trip)
    ref: str | None = None  # the deal a clawback line reverses
    for_period: str | None = None  # the finalized period an adjustment corrects

    def to_json(self) -> dict[str, Any]:
        return {
            "component": self.component,
            "label": self.label,
            "kind": self.kind,
            "amount": self.amount.to_json(),
            "trace": list(self.trace),
            "reward": self.reward,
            "ref": self.ref,
            "for_period": self.for_period,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Line:
        return cls(
            data["component"],
            data["label"],
            data["kind"],
            Money.from_json(data["amount"]),
            list(data["trace"]),
            data.get("reward"),
            data.get("ref"),
            data.get("for_period"),
        )


@dataclass(frozen=True)
class SpifProgress:
    """Where a participant stands against a SPIF goal: "3 of 5 SUB-SECURE-EDGE sold: ..."."""

    component: str
    label: str
    achieved: Decimal
    goal: Decimal
    measure: str  # "units" | "amount"
    reached: bool
    reward: str
    text: str
    what: str = ""  # what counts toward the goal, as the plan names it: "SUB-SECURE-EDGE"

    def to_json(self) -> dict[str, Any]:
        return {
            "component": self.component,
            "label": self.label,
            "achieved": str(self.achieved),
            "goal": str(self.goal),
            "measure": self.measure,
            "reached": self.reached,
            "reward": self.reward,
            "text": self.text,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SpifProgress:
        return cls(
            data["component"],
            data["label"],
            Decimal(data["achieved"]),
            Decimal(data["goal"]),
            data["measure"],
            bool(data["reached"]),
            data["reward"],
            data["text"],
        )


@dataclass(frozen=True)
class ParticipantResult:
    """One participant's period: quota, attainment, lines, SPIFs, earnings, draw and payout."""

    participant: str
    name: str
    role: str
    period: str
    start: date
    end: date
    as_of: date
    quota: Money
    attainment: Money
    credits: int
    lines: list[Line]
    spifs: list[SpifProgress] = field(default_factory=list)
    draw_balance: Money | None = None  # recoverable draw still owed after this period
    notes: list[str] = field(default_factory=list)

    @property
    def currency(self) -> str:
        return self.quota.currency

    @property
    def attainment_pct(self) -> Decimal:
        """Attainment as a percentage of quota, to one decimal (0 when there is no quota)."""
        if not self.quota.amount:
            return Decimal(0)
        return (self.attainment.amount * 100 / self.quota.amount).quantize(
            Decimal("0.1"), ROUND_HALF_UP
        )

    @property
    def earnings(self) -> Money:
        """Everything earned in the period before draws."""
        return sum(
            (line.amount for line in self.lines if line.kind in EARNING_KINDS),
            Money.zero(self.currency),
        )

    @property
    def payout(self) -> Money:
        """What is paid: the sum of all the lines, draw lines included."""
        return sum((line.amount for line in self.lines), Money.zero(self.currency))

    def to_json(self) -> dict[str, Any]:
        return {
            "participant": self.participant,
            "name": self.name,
            "role": self.role,
            "period": self.period,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "as_of": self.as_of.isoformat(),
            "quota": self.quota.to_json(),
            "attainment": self.attainment.to_json(),
            "attainment_pct": str(self.attainment_pct),
            "credits": self.credits,
            "earnings": self.earnings.to_json(),
            "payout": self.payout.to_json(),
            "draw_balance": self.draw_balance.to_json() if self.draw_balance else None,
            "lines": [line.to_json() for line in self.lines],
            "spifs": [s.to_json() for s in self.spifs],
            "notes": list(self.notes),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ParticipantResult:
        return cls(
            data["participant"],
            data["name"],
            data["role"],
            data["period"],
            date.fromisoformat(data["start"]),
            date.fromisoformat(data["end"]),
            date.fromisoformat(data["as_of"]),
            Money.from_json(data["quota"]),
            Money.from_json(data["attainment"]),
            int(data["credits"]),
            [Line.from_json(x) for x in data["lines"]],
            [SpifProgress.from_json(x) for x in data["spifs"]],
            Money.from_json(data["draw_balance"]) if data.get("draw_balance") else None,
            list(data.get("notes", [])),
        )


@dataclass(frozen=True)
class PeriodResult:
    """A whole period for every participant of a plan version."""

    plan_code: str
    plan_version: int
    period: str
    as_of: date
    finalized: bool
    participants: dict[str, ParticipantResult]
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "plan": {"code": self.plan_code, "version": self.plan_version},
            "period": self.period,
            "as_of": self.as_of.isoformat(),
            "finalized": self.finalized,
            "participants": [p.to_json() for p in self.participants.values()],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PeriodResult:
        people = [ParticipantResult.from_json(p) for p in data["participants"]]
        return cls(
            data["plan"]["code"],
            int(data["plan"]["version"]),
            data["period"],
            date.fromisoformat(data["as_of"]),
            bool(data["finalized"]),
            {p.participant: p for p in people},
            list(data.get("warnings", [])),
        )
