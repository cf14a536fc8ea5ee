"""Which approvals a quote needs, why, and in what order the approvers see it.

Each rule is checked against every observation of its metric; each hit is a ``Requirement``
with a sentence saying what was found against which limit. The route merges the rules' steps:
step *k* of the route holds every role that is at step *k* of some triggered rule (they approve
in parallel), and a role is asked once, at its earliest step.
"""

from __future__ import annotations

from dataclasses import dataclass

from dealkit.engine.approvals.facts import Observation, QuoteFacts
from dealkit.engine.approvals.policy import Metric, Policy, Rule
from dealkit.engine.money import money_text
from dealkit.engine.number_text import plain_number

LABELS = {
    Metric.LINE_DISCOUNT_PERCENT: ("discount", "%"),
    Metric.TOTAL_DISCOUNT_PERCENT: ("quote discount", "%"),
    Metric.MARGIN_PERCENT: ("margin", "%"),
    Metric.LINE_MARGIN_PERCENT: ("margin", "%"),
    Metric.DEAL_SIZE: ("total contract value", ""),
    Metric.PAYMENT_TERMS_DAYS: ("payment terms", " days"),
}


@dataclass(frozen=True)
class Requirement:
    """One rule hit: ``reason`` is the whole sentence (what, against which rule, who approves);
    ``finding`` only what was found against the limit, for views that group hits by rule."""

    rule: Rule
    observation: Observation
    reason: str
    finding: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.rule.id, self.observation.subject)

    def to_json(self) -> dict[str, object]:
        return {
            "rule": self.rule.id,
            "name": self.rule.name,
            "subject": self.observation.subject,
            "where": self.observation.where,
            "value": str(self.observation.value),
            "approvers": [list(step) for step in self.rule.steps],
            "reason": self.reason,
            "finding": self.finding,
        }


@dataclass(frozen=True)
class Evaluation:
    requirements: tuple[Requirement, ...]
    route: tuple[tuple[str, ...], ...]

    @property
    def needs_approval(self) -> bool:
        return bool(self.requirements)

    def to_json(self) -> dict[str, object]:
        return {
            "needs_approval": self.needs_approval,
            "requirements": [r.to_json() for r in self.requirements],
            "route": [list(step) for step in self.route],
        }


def triggered(rule: Rule, observation: Observation, currency: str) -> bool:
    if rule.metric is Metric.NON_STANDARD_TERMS:
        return True
    limit = rule.threshold_for(currency)
    if limit is None:
        return False
    if rule.metric.worse_when_lower:
        return observation.value < limit
    return observation.value > limit


def finding_for(rule: Rule, observation: Observation, currency: str) -> str:
    """What was found against the rule's limit, e.g. "line 2 (SRV-R5): discount 28% is above
    the limit of 20%"."""
    if rule.metric is Metric.NON_STANDARD_TERMS:
        return f"{observation.where}: non-standard term ({observation.value})"
    name, unit = LABELS[rule.metric]
    limit = rule.threshold_for(currency)
    if rule.metric is Metric.DEAL_SIZE:
        value_text = money_text(observation.value, currency)
        limit_text = money_text(limit, currency)
    else:
        value_text = plain_number(observation.value) + unit
        limit_text = plain_number(limit) + unit
    side = "below the floor of" if rule.metric.worse_when_lower else "above the limit of"
    return f"{observation.where}: {name} {value_text} is {side} {limit_text}"


def reason_for(rule: Rule, observation: Observation, currency: str) -> str:
    who = rule.describe_route()
    finding = finding_for(rule, observation, currency)
    if rule.metric is Metric.NON_STANDARD_TERMS:
        return f"{finding}; {who} approve"
    return f"{finding} ({rule.name}); {who} approve" + (
        "s" if len(rule.steps) == 1 and len(rule.steps[0]) == 1 else ""
    )


def evaluate(policy: Policy, facts: QuoteFacts) -> Evaluation:
    requirements = []
    for rule in policy.rules:
        for observation in facts.of(rule.metric):
            if triggered(rule, observation, facts.currency):
                requirements.append(
                    Requirement(
                        rule,
                        observation,
                        reason_for(rule, observation, facts.currency),
                        finding_for(rule, observation, facts.currency),
                    )
                )
    return Evaluation(tuple(requirements), route_of(requirements))


def route_of(
    requirements: list[Requirement] | tuple[Requirement, ...],
) -> tuple[tuple[str, ...], ...]:
    stages: list[list[str]] = []
    asked: set[str] = set()
    depth = max((len(r.rule.steps) for r in requirements), default=0)
    for index in range(depth):
        stage: list[str] = []
        for requirement in requirements:
            steps = requirement.rule.steps
            if index < len(steps):
                for role in steps[index]:
                    if role not in asked and role not in stage:
                        stage.append(role)
        asked.update(stage)
        if stage:
            stages.append(stage)
    return tuple(tuple(stage) for stage in stages)
