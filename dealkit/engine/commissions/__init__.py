"""Commissions: plans as data, an explainable calculation, period-to-date and deal estimates.

The desktop's Commissions page calls ``period_to_date(session, rep_id, as_of)``; the command line
and the server drive ``Calculator`` over plans from ``load_plan_file`` and transactions from the
store or from CSV files.
"""

from dealkit.engine.commissions.calculate import Calculator
from dealkit.engine.commissions.errors import (
    CommissionError,
    PlanError,
    RejectedRow,
    TransactionFileError,
)
from dealkit.engine.commissions.estimator import (
    DealEstimator,
    DealFacts,
    Estimate,
    QuoteLineInput,
)
from dealkit.engine.commissions.ledger import JsonLedger, MemoryLedger
from dealkit.engine.commissions.periods import Period, parse_period, period_of
from dealkit.engine.commissions.plan import Plan
from dealkit.engine.commissions.plan_loader import load_plan_file, load_plan_text, plan_header
from dealkit.engine.commissions.results import Line, ParticipantResult, PeriodResult, SpifProgress
from dealkit.engine.commissions.store_source import (
    PeriodToDate,
    deal_estimator,
    period_to_date,
)
from dealkit.engine.commissions.transactions import Txn

__all__ = [
    "Calculator",
    "CommissionError",
    "DealEstimator",
    "DealFacts",
    "Estimate",
    "JsonLedger",
    "Line",
    "MemoryLedger",
    "ParticipantResult",
    "Period",
    "PeriodResult",
    "PeriodToDate",
    "Plan",
    "PlanError",
    "QuoteLineInput",
    "RejectedRow",
    "SpifProgress",
    "TransactionFileError",
    "Txn",
    "deal_estimator",
    "load_plan_file",
    "load_plan_text",
    "parse_period",
    "period_of",
    "period_to_date",
    "plan_header",
]
