"""The approvals policy Dealkit ships with (Northwind Systems' deal desk rules).

Kept as YAML text in a module so that it travels inside the frozen app; ``--policy FILE``
replaces it.
"""

from __future__ import annotations

from functools import cache

from dealkit.engine.approvals.policy import Policy, parse_policy

DEFAULT_POLICY_YAML = """\
code: northwind-deal-desk
version: 1
rules:
  - id: line-discount-20
    name: Line discount above 20%
    when: {metric: line_discount_percent, above: 20}
    approvers: [manager]
  - id: line-discount-35
    name: Line discount above 35%
    when: {metric: line_discount_percent, above: 35}
    approvers: [manager, vp_sales]
  - id: quote-discount-15
    name: Quote discount above 15%
    when: {metric: total_discount_percent, above: 15}
    approvers: [manager]
  - id: margin-floor
    name: Margin below 30%
    when: {metric: margin_percent, below: 30}
    approvers: {parallel: [manager, finance]}
  - id: big-deal
    name: Deal above 250,000 USD (8,750,000 THB)
    when: {metric: deal_size, above: {USD: "250000", THB: "8750000"}}
    approvers: [vp_sales]
  - id: payment-terms
    name: Payment terms beyond 45 days
    when: {metric: payment_terms_days, above: 45}
    approvers: [finance]
  - id: non-standard-terms
    name: Non-standard terms
    when: {metric: non_standard_terms}
    approvers: {steps: [manager, {parallel: [legal, finance]}]}
"""


@cache
def default_policy() -> Policy:
    return parse_policy(DEFAULT_POLICY_YAML, "Dealkit default approvals policy")
