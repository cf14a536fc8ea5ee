"""Pricing: price books, contracted prices, discount schedules, blocks, bundles, subscriptions,
and a per-line waterfall that explains every step. See docs/pricing.md.

Typical use::

    catalog = load_catalog(session, "USD", quote_date, segment)
    repricer = Repricer(catalog, rules, QuoteTerms("USD", quote_date))
    priced = repricer.price(lines)          # full
    priced = repricer.update(edited_line)   # incremental
    steps = waterfall(priced.line("L3"), "USD")
"""

from dealkit.engine.pricing.catalog import CatalogItem, PriceCatalog, load_catalog
from dealkit.engine.pricing.errors import PricingError, Problem
from dealkit.engine.pricing.inputs import GroupSpec, LineInput, OptionPick, QuoteTerms
from dealkit.engine.pricing.priced import AlternativeTotals, LinePrice, QuotePrice, Totals
from dealkit.engine.pricing.repricer import Repricer
from dealkit.engine.pricing.rules import (
    Aggregation,
    BlockPrice,
    Bundle,
    ContractedPrice,
    DiscountSchedule,
    PriceRules,
    ScheduleBasis,
    ScheduleMethod,
    Tier,
)
from dealkit.engine.pricing.subscriptions import BillingFrequency
from dealkit.engine.pricing.waterfall import Step, waterfall

__all__ = [
    "Aggregation",
    "AlternativeTotals",
    "BillingFrequency",
    "BlockPrice",
    "Bundle",
    "CatalogItem",
    "ContractedPrice",
    "DiscountSchedule",
    "GroupSpec",
    "LineInput",
    "LinePrice",
    "OptionPick",
    "PriceCatalog",
    "PriceRules",
    "PricingError",
    "Problem",
    "QuotePrice",
    "QuoteTerms",
    "Repricer",
    "ScheduleBasis",
    "ScheduleMethod",
    "Step",
    "Tier",
    "Totals",
    "load_catalog",
    "waterfall",
]
