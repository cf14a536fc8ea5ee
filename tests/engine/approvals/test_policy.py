"""The approvals policy file: read exactly, and every mistake named by its line."""

from decimal import Decimal as D

import pytest

from dealkit.engine.approvals import Metric, default_policy, parse_policy
from dealkit.engine.pricing.data_document import DocumentError


def test_default_policy_reads_sequences_and_parallel_steps():
    rules = {r.id: r for r in default_policy().rules}
    assert rules["line-discount-35"].steps == (("manager",), ("vp_sales",))
    assert rules["margin-floor"].steps == (("manager", "finance"),)
    assert rules["non-standard-terms"].steps == (("manager",), ("legal", "finance"))
    assert rules["big-deal"].per_currency == {"USD": D("250000"), "THB": D("8750000")}
    assert rules["margin-floor"].metric is Metric.MARGIN_PERCENT


def test_mistakes_are_named_by_line():
    text = """\
code: test
rules:
  - id: a
    when: {metric: line_discount_percent, below: 20}
    approvers: [manager]
  - id: b
    when: {metric: weather, above: 3}
    approvers: [manager]
  - id: c
    when: {metric: deal_size, above: 100000}
    approvers: [vp_sales]
  - id: d
    when: {metric: margin_percent, below: 25}
    approvers: {someone: [x]}
"""
    with pytest.raises(DocumentError) as excinfo:
        parse_policy(text, "policy.yaml")
    lines = str(excinfo.value).splitlines()
    assert lines[0] == (
        "policy.yaml line 4: line_discount_percent is checked with above, not below"
    )
    assert lines[1].startswith("policy.yaml line 7: metric 'weather' is not one of")
    assert lines[2].startswith("policy.yaml line 10: deal_size needs a threshold per currency")
    assert lines[3].startswith("policy.yaml line 14: approvers is a list of roles")
