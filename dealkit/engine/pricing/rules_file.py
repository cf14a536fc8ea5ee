"""Load price rules (schedules, blocks, bundles, contracted prices) from a YAML document.

The format is documented with a worked example in docs/pricing.md. Every problem found is
reported with the file and line, and all problems are reported together.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from dealkit.engine.money import MoneyError, check_currency
from dealkit.engine.pricing.data_document import DocumentError, parse_document, read_document_text
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
from dealkit.engine.yaml_source import LineDict

SECTIONS = ("schedules", "blocks", "bundles", "contracted_prices")


class _Reader:
    """Collects problems while reading so that all of them are reported at once."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[str] = []

    def fail(self, line: int, message: str) -> None:
        self.problems.append(f"{self.source} line {line}: {message}")

    def decimal(self, node: LineDict, key: str, *, minimum: Decimal | None = None) -> Decimal:
        value = node.get(key)
        line = node.line_of(key)
        if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
            self.fail(line, f"{key} must be a number, e.g. {key}: 10")
            return Decimal(0)
        try:
            result = Decimal(str(value))
        except ArithmeticError:
            self.fail(line, f"{key} {value!r} is not a number")
            return Decimal(0)
        if not result.is_finite():
            self.fail(line, f"{key} {value!r} is not a finite number")
            return Decimal(0)
        if minimum is not None and result < minimum:
            self.fail(line, f"{key} {result} is below {minimum}")
        return result

    def percent(self, node: LineDict, key: str) -> Decimal:
        value = self.decimal(node, key, minimum=Decimal(0))
        if value > 100:
            self.fail(node.line_of(key), f"{key} {value} is above 100%: a discount is 0 to 100")
        return value

    def strings(self, node: LineDict, key: str) -> frozenset[str]:
        value = node.get(key, [])
        if isinstance(value, str):
            return frozenset([value])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(node.line_of(key), f"{key} must be a list of codes, e.g. {key}: [NET, STO]")
            return frozenset()
        return frozenset(value)

    def choice(self, node: LineDict, key: str, kind: type, default: Any) -> Any:
        value = node.get(key, default.value)
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(m.value for m in kind)
            self.fail(node.line_of(key), f"{key} {value!r} is not one of: {allowed}")
            return default

    def entries(self, doc: LineDict, section: str) -> list[LineDict]:
        value = doc.get(section, [])
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(doc.line_of(section), f"{section} must be a list of entries (- ...)")
            return []
        good = []
        for item in value:
            if isinstance(item, LineDict):
                good.append(item)
            else:
                self.fail(doc.line_of(section), f"every entry of {section} must be a mapping")
        return good


def load_rules_file(path: Path) -> PriceRules:
    """Read a price rules file; ``DocumentError`` lists every problem with its line."""
    return parse_rules(read_document_text(path, "price rules"), str(path))


def parse_rules(text: str, source: str = "price rules") -> PriceRules:
    doc = parse_document(text, source)
    if doc is None:
        return PriceRules(source=source)
    reader = _Reader(source)
    if not isinstance(doc, LineDict):
        raise DocumentError(f"{source} line 1: expected a mapping with {', '.join(SECTIONS)}")
    for key in doc:
        if key not in SECTIONS:
            reader.fail(
                doc.line_of(key),
                f"unknown section {key!r}: the sections are {', '.join(SECTIONS)}",
            )
    rules = PriceRules(source=source)
    codes: set[str] = set()
    for node in reader.entries(doc, "schedules"):
        schedule = _schedule(reader, node)
        if schedule is not None:
            if schedule.code in codes:
                reader.fail(node.line, f"schedule code {schedule.code!r} is used twice")
            codes.add(schedule.code)
            rules.schedules.append(schedule)
    for node in reader.entries(doc, "blocks"):
        sku = node.get("sku")
        size = node.get("size")
        if not isinstance(sku, str):
            reader.fail(node.line, "a block needs sku: the product sold in blocks")
            continue
        if isinstance(size, bool) or not isinstance(size, int) or size < 1:
            reader.fail(
                node.line_of("size"),
                f"size must be a whole number of units above 0, e.g. size: 25 (got {size!r})",
            )
            continue
        rules.blocks[sku] = BlockPrice(sku, size)
    for node in reader.entries(doc, "bundles"):
        sku = node.get("sku")
        pricing = node.get("pricing", "sum")
        if not isinstance(sku, str):
            reader.fail(node.line, "a bundle needs sku: the product its options belong to")
            continue
        if pricing not in ("sum", "fixed"):
            reader.fail(node.line_of("pricing"), f"pricing {pricing!r} is not sum or fixed")
            continue
        included = reader.strings(node, "included")
        if pricing == "sum" and included:
            reader.fail(
                node.line_of("included"),
                "included options only make sense with pricing: fixed",
            )
        rules.bundles[sku] = Bundle(sku, pricing, included)
    for node in reader.entries(doc, "contracted_prices"):
        contract = _contract(reader, node)
        if contract is not None:
            rules.contracted[(contract.customer, contract.sku)] = contract
    if reader.problems:
        raise DocumentError("\n".join(reader.problems))
    return rules


def _schedule(reader: _Reader, node: LineDict) -> DiscountSchedule | None:
    code = node.get("code")
    if not isinstance(code, str) or not code:
        reader.fail(node.line, "a schedule needs a code, e.g. code: net-volume")
        return None
    method = reader.choice(node, "method", ScheduleMethod, ScheduleMethod.RANGE)
    basis = reader.choice(node, "basis", ScheduleBasis, ScheduleBasis.QUANTITY)
    aggregation = reader.choice(node, "aggregate", Aggregation, Aggregation.LINE)
    skus = reader.strings(node, "skus")
    families = reader.strings(node, "families")
    if not skus and not families:
        reader.fail(node.line, f"schedule {code}: give the skus or families it applies to")
    currency = node.get("currency")
    if currency is not None:
        try:
            check_currency(currency)
        except MoneyError as error:
            reader.fail(node.line_of("currency"), str(error))
            currency = None
    if basis is ScheduleBasis.AMOUNT and currency is None:
        reader.fail(
            node.line,
            f"schedule {code}: an amount schedule needs the currency its bounds are in, "
            "e.g. currency: USD",
        )
    raw_tiers = node.get("tiers")
    if not isinstance(raw_tiers, list) or not raw_tiers:
        reader.fail(node.line_of("tiers"), f"schedule {code}: give at least one tier")
        return None
    tiers = []
    for tier in raw_tiers:
        if not isinstance(tier, LineDict):
            reader.fail(
                node.line_of("tiers"), "each tier is a mapping: {from: 11, discount_percent: 5}"
            )
            continue
        lower = reader.decimal(tier, "from", minimum=Decimal(0))
        tiers.append(Tier(lower, reader.percent(tier, "discount_percent")))
    lowers = [t.lower for t in tiers]
    if lowers != sorted(lowers) or len(set(lowers)) != len(lowers):
        reader.fail(
            node.line_of("tiers"),
            f"schedule {code}: tiers must go up, each 'from' above the one before",
        )
    return DiscountSchedule(
        code=code,
        method=method,
        basis=basis,
        tiers=tuple(tiers),
        skus=skus,
        families=families,
        aggregation=aggregation,
        currency=currency,
        name=str(node.get("name", "")),
    )


def _contract(reader: _Reader, node: LineDict) -> ContractedPrice | None:
    customer = node.get("customer")
    sku = node.get("sku")
    if not isinstance(customer, str) or not isinstance(sku, str):
        reader.fail(node.line, "a contracted price needs customer (name or id) and sku")
        return None
    prices: dict[str, Decimal] = {}
    raw_prices = node.get("prices")
    percent = None
    if "discount_percent" in node:
        percent = reader.percent(node, "discount_percent")
    if raw_prices is not None:
        if not isinstance(raw_prices, LineDict):
            reader.fail(node.line_of("prices"), 'prices is a mapping: {USD: "9000.00"}')
        else:
            for currency in raw_prices:
                try:
                    check_currency(currency)
                except MoneyError as error:
                    reader.fail(raw_prices.line_of(currency), str(error))
                    continue
                prices[currency] = reader.decimal(raw_prices, currency, minimum=Decimal(0))
    if (percent is None) == (not prices):
        reader.fail(
            node.line,
            f"contracted price for {customer} / {sku}: give either prices (per currency) "
            "or discount_percent, one of the two",
        )
        return None
    return ContractedPrice(
        customer=customer,
        sku=sku,
        prices=prices,
        discount_percent=percent,
        schedules_apply=bool(node.get("schedules_apply", False)),
        contract=str(node.get("contract", "")),
    )
