"""What the wizard prices a draft from, read off the GUI thread: catalog, rules and customer.

A ``PricingBasis`` is read once per currency, date and customer segment (``load_basis`` runs on
a worker with its own session); every edit afterwards is repriced from memory by the
``DraftPricer`` (``draft_pricer.py``). The rules are the same as ``dealkit price`` uses: the
demo's price rules in a demo workspace, none otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dealkit.engine.pricing.catalog import PriceCatalog
from dealkit.engine.pricing.rules import PriceRules
from dealkit.engine.pricing.rules_file import load_rules_file
from dealkit.engine.quotes.document import QuoteDocument
from dealkit.engine.quotes.pricing import CustomerFacts, load_quote_catalog
from dealkit.engine.workspace import Workspace

DEMO_RULES_NAME = "price-rules.yaml"  # as the command line (cli/price.py)


@dataclass(frozen=True)
class BasisKey:
    """What the catalog depends on: a change of any of these reads the catalog again."""

    currency: str
    on: date
    customer: tuple[str, ...]

    @classmethod
    def of(cls, doc: QuoteDocument) -> BasisKey:
        return cls(doc.currency, doc.date, doc.customer.keys())


@dataclass(frozen=True)
class PricingBasis:
    key: BasisKey
    catalog: PriceCatalog
    rules: PriceRules
    facts: CustomerFacts


def workspace_rules(workspace: Workspace) -> PriceRules:
    """The demo's price rules in a demo workspace; no rules otherwise (as ``dealkit price``)."""
    if workspace.info("demo_anchor"):
        from dealkit.engine.demo.sources import DEMO_DIR

        path = DEMO_DIR / DEMO_RULES_NAME
        if path.is_file():
            return load_rules_file(path)
    return PriceRules()


def load_basis(workspace: Workspace, doc: QuoteDocument, rules: PriceRules) -> PricingBasis:
    """Read the catalog for ``doc`` (worker thread: opens its own session)."""
    with workspace.store.session() as session:
        catalog, facts = load_quote_catalog(session, doc)
    return PricingBasis(BasisKey.of(doc), catalog, rules, facts)


def quote_day(workspace: Workspace) -> date:
    """The day new quotes are dated: the demo's anchor day in a demo workspace, else today."""
    anchor = workspace.info("demo_anchor")
    return date.fromisoformat(anchor) if anchor else date.today()
