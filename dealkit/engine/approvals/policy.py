"""An approvals policy as data: conditions on a quote → approver roles, in sequence or parallel.

Each rule watches one **metric** of the quote against a threshold:

=====================  ==========  =========================================================
metric                 per         triggers when
=====================  ==========  =========================================================
line_discount_percent  line        the line's discount off list (%) is ``above`` the value
total_discount_percent quote       the quote's discount off list (%) is ``above``
margin_percent         quote       the quote's margin (%) is ``below``
line_margin_percent    line        the line's margin (%) is ``below``
deal_size              quote       the quote's total (TCV) is ``above`` (per currency)
payment_terms_days     quote       payment terms (days) are ``above``
non_standard_terms     clause      a standard clause was removed or a clause edited
=====================  ==========  =========================================================

and names who approves: ``approvers: [manager, vp_sales]`` (one after the other),
``approvers: {parallel: [legal, finance]}`` (at the same time), or ``approvers: {steps:
[manager, {parallel: [legal, finance]}]}``. The YAML format is in docs/approvals-policy.md.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from dealkit.engine.money import MoneyError, check_currency
from dealkit.engine.pricing.data_document import DocumentError, parse_document, read_document_text
from dealkit.engine.yaml_source import LineDict


class Metric(enum.StrEnum):
    LINE_DISCOUNT_PERCENT = "line_discount_percent"
    TOTAL_DISCOUNT_PERCENT = "total_discount_percent"
    MARGIN_PERCENT = "margin_percent"
    LINE_MARGIN_PERCENT = "line_margin_percent"
    DEAL_SIZE = "deal_size"
    PAYMENT_TERMS_DAYS = "payment_terms_days"
    NON_STANDARD_TERMS = "non_standard_terms"

    @property
    def worse_when_lower(self) -> bool:
        """Margins get worse as they fall; every other metric as it rises."""
        return self in (Metric.MARGIN_PERCENT, Metric.LINE_MARGIN_PERCENT)

    @property
    def per_line(self) -> bool:
        return self in (Metric.LINE_DISCOUNT_PERCENT, Metric.LINE_MARGIN_PERCENT)


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    metric: Metric
    threshold: Decimal | None  # None for non_standard_terms
    per_currency: dict[str, Decimal] = field(default_factory=dict)  # deal_size thresholds
    steps: tuple[tuple[str, ...], ...] = ()  # each step: roles approving in parallel
    line: int = 0  # where the rule is in the policy file

    def threshold_for(self, currency: str) -> Decimal | None:
        if self.metric is Metric.DEAL_SIZE:
            return self.per_currency.get(currency)
        return self.threshold

    def describe_route(self) -> str:
        parts = [" and ".join(step) if len(step) > 1 else step[0] for step in self.steps]
        return ", then ".join(parts)


@dataclass
class Policy:
    code: str
    version: int
    rules: list[Rule]
    source: str = ""


def load_policy_file(path: Path) -> Policy:
    return parse_policy(read_document_text(path, "approvals policy"), str(path))


def parse_policy(text: str, source: str = "approvals policy") -> Policy:
    doc = parse_document(text, source)
    if not isinstance(doc, LineDict) or not isinstance(doc.get("rules"), list):
        raise DocumentError(f"{source} line 1: expected code, version and rules: [ ... ]")
    problems: list[str] = []
    rules: list[Rule] = []
    ids: set[str] = set()
    for node in doc["rules"]:
        if not isinstance(node, LineDict):
            problems.append(f"{source}: every rule is a mapping with id, when and approvers")
            continue
        rule = _rule(node, source, problems)
        if rule is None:
            continue
        if rule.id in ids:
            problems.append(f"{source} line {node.line}: rule id {rule.id!r} is used twice")
        ids.add(rule.id)
        rules.append(rule)
    version = doc.get("version", 1)
    if problems:
        raise DocumentError("\n".join(problems))
    return Policy(str(doc.get("code", "approvals")), int(version), rules, source)


def _rule(node: LineDict, source: str, problems: list[str]) -> Rule | None:
    rule_id = node.get("id")
    where = f"{source} line {node.line}"
    if not isinstance(rule_id, str) or not rule_id:
        problems.append(f"{where}: a rule needs an id, e.g. id: discount-over-15")
        return None
    when = node.get("when")
    if not isinstance(when, LineDict):
        problems.append(f"{where}: rule {rule_id} needs when: {{metric: ..., above: ...}}")
        return None
    try:
        metric = Metric(when.get("metric"))
    except ValueError:
        allowed = ", ".join(m.value for m in Metric)
        problems.append(
            f"{source} line {when.line_of('metric')}: metric {when.get('metric')!r} is not one "
            f"of {allowed}"
        )
        return None
    key = "below" if metric.worse_when_lower else "above"
    wrong = "above" if key == "below" else "below"
    threshold: Decimal | None = None
    per_currency: dict[str, Decimal] = {}
    if wrong in when:
        problems.append(
            f"{source} line {when.line_of(wrong)}: {metric.value} is checked with {key}, "
            f"not {wrong}"
        )
        return None
    if metric is Metric.NON_STANDARD_TERMS:
        pass
    elif metric is Metric.DEAL_SIZE:
        raw = when.get(key)
        if not isinstance(raw, LineDict) or not raw:
            problems.append(
                f"{source} line {when.line_of(key)}: deal_size needs a threshold per currency, "
                'e.g. above: {USD: "250000", THB: "8750000"}'
            )
            return None
        for currency, value in raw.items():
            try:
                check_currency(currency)
                per_currency[currency] = _number(value)
            except (MoneyError, ValueError) as error:
                problems.append(f"{source} line {raw.line_of(currency)}: {error}")
    else:
        if key not in when:
            problems.append(f"{source} line {when.line}: {metric.value} needs {key}: a number")
            return None
        try:
            threshold = _number(when[key])
        except ValueError as error:
            problems.append(f"{source} line {when.line_of(key)}: {error}")
            return None
    steps = _steps(node.get("approvers"), f"{source} line {node.line_of('approvers')}", problems)
    if not steps:
        return None
    return Rule(
        id=rule_id,
        name=str(node.get("name", rule_id)),
        metric=metric,
        threshold=threshold,
        per_currency=per_currency,
        steps=steps,
        line=node.line,
    )


def _number(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
        raise ValueError(f"{value!r} is not a number")
    try:
        return Decimal(str(value))
    except ArithmeticError:
        raise ValueError(f"{value!r} is not a number") from None


def _steps(raw: Any, where: str, problems: list[str]) -> tuple[tuple[str, ...], ...]:
    """``[a, b]`` → ((a,), (b,)); ``{parallel: [a, b]}`` → ((a, b),); ``{steps: [...]}``."""
    if isinstance(raw, str):
        return ((raw,),)
    if isinstance(raw, list):
        steps = []
        for item in raw:
            if isinstance(item, str):
                steps.append((item,))
            elif isinstance(item, dict) and isinstance(item.get("parallel"), list):
                steps.append(tuple(str(r) for r in item["parallel"]))
            else:
                problems.append(f"{where}: a step is a role or {{parallel: [role, role]}}")
        return tuple(steps)
    if isinstance(raw, dict):
        if isinstance(raw.get("parallel"), list) and raw["parallel"]:
            return (tuple(str(r) for r in raw["parallel"]),)
        if isinstance(raw.get("sequence"), list) and raw["sequence"]:
            return tuple((str(r),) for r in raw["sequence"])
        if isinstance(raw.get("steps"), list):
            return _steps(raw["steps"], where, problems)
    problems.append(
        f"{where}: approvers is a list of roles (in sequence), {{parallel: [roles]}} or "
        "{steps: [role, {parallel: [roles]}]}"
    )
    return ()
