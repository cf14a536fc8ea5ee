"""Small builders shared by the pricing tests (not fixtures: plain functions)."""

from __future__ import annotations

from decimal import Decimal

from dealkit.engine.pricing import LineInput, PriceRules, QuoteTerms, Repricer, load_catalog
from dealkit.engine.pricing.rules_file import parse_rules
from tests.helpers.pricing import PRICE_RULES_YAML, QUOTE_DAY


def line(line_id: str, sku: str, quantity: int | str, **fields) -> LineInput:
    return LineInput(line_id, sku, Decimal(str(quantity)), **fields)


def repricer(workspace, currency="USD", rules: PriceRules | None = None, **terms) -> Repricer:
    segment = terms.pop("segment", None)
    on = terms.pop("on", QUOTE_DAY)
    with workspace.store.session() as session:
        catalog = load_catalog(session, currency, on, segment)
    return Repricer(
        catalog,
        rules if rules is not None else PriceRules(),
        QuoteTerms(currency, on, segment=segment, **terms),
    )


def sample_rules() -> PriceRules:
    """The rules of tests/helpers/pricing.PRICE_RULES_YAML."""
    return parse_rules(PRICE_RULES_YAML, "price-rules.yaml")
