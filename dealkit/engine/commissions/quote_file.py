"""The quote file that ``dealkit commissions estimate --quote FILE`` reads (YAML or JSON).

It is the estimator's input written down: the quote's currency, customer facts, optional close
date, priced lines and what-if discounts. It is read like a plan document (numbers exact, never
floats), and mistakes are reported with file:line and the fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from dealkit.engine.commissions.estimator import DealFacts, QuoteLineInput
from dealkit.engine.commissions.plan_loader import _Reader, read_plan_text


@dataclass(frozen=True)
class QuoteFile:
    lines: list[QuoteLineInput]
    facts: DealFacts
    what_if: list[Decimal]


def read_quote_file(path: Path | str) -> QuoteFile:
    r = _Reader(str(path))
    root = r.document(
        read_plan_text(path), "the file is empty", "see the example in docs/commission-plans.md"
    )
    m = r.mapping(root, "", ("currency", "customer", "close_on", "lines", "what_if_discounts"))
    currency = r.currency(r.required(m, "currency", root, "", "add 'currency: USD'"), "currency")
    segment = industry = region = ""
    new_logo = False
    if "customer" in m:
        cm = r.mapping(m["customer"], "customer", ("segment", "industry", "region", "new_logo"))
        segment = r.text(cm["segment"], "customer.segment") if "segment" in cm else ""
        industry = r.text(cm["industry"], "customer.industry") if "industry" in cm else ""
        region = r.text(cm["region"], "customer.region") if "region" in cm else ""
        new_logo = r.boolean(cm["new_logo"], "customer.new_logo") if "new_logo" in cm else False
    close_on = r.day(m["close_on"], "close_on") if "close_on" in m else None
    lines = []
    lnodes = r.sequence(r.required(m, "lines", root, "", "add a 'lines:' list"), "lines")
    for i, node in enumerate(lnodes):
        path_i = f"lines[{i}]"
        lm = r.mapping(node, path_i, ("sku", "family", "quantity", "net_amount"))
        fix = "write e.g. {sku: SRV-R7, family: SRV, quantity: 2, net_amount: 24000.00}"
        sku = r.text(r.required(lm, "sku", node, path_i, fix), f"{path_i}.sku")
        family = r.text(r.required(lm, "family", node, path_i, fix), f"{path_i}.family")
        quantity = (
            r.decimal(lm["quantity"], f"{path_i}.quantity", "quantity", "2")
            if "quantity" in lm
            else Decimal(1)
        )
        amount = r.decimal(
            r.required(lm, "net_amount", node, path_i, fix),
            f"{path_i}.net_amount",
            allow_negative=True,
        )
        lines.append(QuoteLineInput(sku, family, quantity, amount))
    what_if = []
    if "what_if_discounts" in m:
        for i, node in enumerate(r.sequence(m["what_if_discounts"], "what_if_discounts")):
            value = r.decimal(node, f"what_if_discounts[{i}]", "percentage", "10")
            if value >= 100:
                raise r.fail(
                    node,
                    f"what_if_discounts[{i}]",
                    f"{value}% off leaves nothing",
                    "write a discount below 100, e.g. 10",
                )
            what_if.append(value)
    facts = DealFacts(currency, segment, industry, region, new_logo, close_on)
    return QuoteFile(lines, facts, what_if)
