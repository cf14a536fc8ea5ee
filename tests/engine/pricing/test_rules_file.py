"""The price rules file: read exactly, every mistake named by file and line."""

from decimal import Decimal as D

import pytest

from dealkit.engine.pricing import Aggregation, ScheduleBasis, ScheduleMethod
from dealkit.engine.pricing.data_document import DocumentError
from dealkit.engine.pricing.rules_file import load_rules_file, parse_rules


def test_reads_the_documented_example(price_rules_file):
    rules = load_rules_file(price_rules_file)
    (schedule,) = rules.schedules
    assert (schedule.method, schedule.basis, schedule.aggregation) == (
        ScheduleMethod.SLAB,
        ScheduleBasis.QUANTITY,
        Aggregation.FAMILY,
    )
    assert [(t.lower, t.discount_percent) for t in schedule.tiers] == [
        (D(1), D(0)),
        (D(11), D(10)),
        (D(51), D(20)),
    ]
    assert rules.blocks["SUB-SEATS"].size == 25
    assert rules.bundles["SRV-R7"].included == frozenset({"ACC-PSU-1600"})
    contract = rules.contracted[("Atlantic Mutual Bank", "SVC-PS-DAY")]
    assert contract.prices == {"USD": D("1350.00")} and contract.contract == "MSA-2026-014"


def test_decimals_are_exact():
    rules = parse_rules(
        "schedules:\n  - code: a\n    skus: [X]\n    tiers: [{from: 1, discount_percent: 7.35}]\n"
    )
    assert rules.schedules[0].tiers[0].discount_percent == D("7.35")


def test_every_mistake_is_reported_with_its_line():
    text = """\
schedules:
  - code: a
    method: ranged
    families: [NET]
    tiers:
      - {from: 11, discount_percent: 5}
      - {from: 1, discount_percent: 120}
  - code: b
    basis: amount
    skus: [X]
    tiers: [{from: 0, discount_percent: 1}]
blocks:
  - {sku: SUB-SEATS, size: 0}
contracted_prices:
  - {customer: Acme, sku: X, prices: {usd: "1"}}
  - {customer: Acme, sku: Y}
colours: [red]
"""
    with pytest.raises(DocumentError) as excinfo:
        parse_rules(text, "rules.yaml")
    assert str(excinfo.value).splitlines() == [
        "rules.yaml line 17: unknown section 'colours': the sections are schedules, blocks, "
        "bundles, contracted_prices",
        "rules.yaml line 3: method 'ranged' is not one of: range, slab",
        "rules.yaml line 7: discount_percent 120 is above 100%: a discount is 0 to 100",
        "rules.yaml line 5: schedule a: tiers must go up, each 'from' above the one before",
        "rules.yaml line 8: schedule b: an amount schedule needs the currency its bounds are "
        "in, e.g. currency: USD",
        "rules.yaml line 13: size must be a whole number of units above 0, e.g. size: 25 (got 0)",
        "rules.yaml line 15: unknown currency 'usd': use an ISO 4217 code such as USD, THB or JPY",
        "rules.yaml line 15: contracted price for Acme / X: give either prices (per currency) "
        "or discount_percent, one of the two",
        "rules.yaml line 16: contracted price for Acme / Y: give either prices (per currency) "
        "or discount_percent, one of the two",
    ]


def test_broken_yaml_names_the_line():
    with pytest.raises(DocumentError, match=r"rules.yaml line 3: not valid YAML"):
        parse_rules("schedules:\n  - code: a\n  skus: [\n", "rules.yaml")
