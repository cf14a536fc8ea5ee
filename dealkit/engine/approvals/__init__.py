"""Approvals: a policy as data (docs/approvals-policy.md), the evaluation of a quote against it
(which approvals, why, in which order), and re-approval only where an approved value got worse.
"""

from dealkit.engine.approvals.check import QuoteCheck, check_quote, submit
from dealkit.engine.approvals.default_policy import default_policy
from dealkit.engine.approvals.evaluate import Evaluation, Requirement, evaluate
from dealkit.engine.approvals.facts import Observation, QuoteFacts, facts_of
from dealkit.engine.approvals.policy import Metric, Policy, Rule, load_policy_file, parse_policy
from dealkit.engine.approvals.reapproval import ApprovalRecord, Recheck, recheck

__all__ = [
    "ApprovalRecord",
    "Evaluation",
    "Metric",
    "Observation",
    "Policy",
    "QuoteCheck",
    "QuoteFacts",
    "Recheck",
    "Requirement",
    "Rule",
    "check_quote",
    "default_policy",
    "evaluate",
    "facts_of",
    "load_policy_file",
    "parse_policy",
    "recheck",
    "submit",
]
