"""Price rules as data: discount schedules, block prices, bundles and contracted prices.

The price book says what a product lists at; these rules say how that list price moves for a
given quantity, customer or configuration. They are plain dataclasses, loaded from a YAML
document (``rules_file.py``, format in docs/pricing.md) and kept in memory while repricing.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal


class ScheduleMethod(enum.StrEnum):
    RANGE = "range"  # every unit (or the whole amount) at the rate of the tier reached
    SLAB = "slab"  # each unit (or each slice of the amount) at the rate of its own tier


class ScheduleBasis(enum.StrEnum):
    QUANTITY = "quantity"
    AMOUNT = "amount"  # the list amount (after any contracted price) in the quote's currency


class Aggregation(enum.StrEnum):
    LINE = "line"  # each line reaches its tier on its own
    PRODUCT = "product"  # lines of the same SKU count together
    FAMILY = "family"  # lines of the same product family count together


@dataclass(frozen=True, slots=True)
class Tier:
    """From ``lower`` (inclusive) to the next tier's lower bound, ``discount_percent`` off."""

    lower: Decimal
    discount_percent: Decimal


@dataclass(frozen=True)
class DiscountSchedule:
    """Volume discount tiers for a set of SKUs or families.

    Tiers are sorted by ``lower``; the first starts at 0 or above. For an amount basis the
    bounds are in ``currency`` (a schedule applies to quotes in that currency only).
    """

    code: str
    method: ScheduleMethod
    basis: ScheduleBasis
    tiers: tuple[Tier, ...]
    skus: frozenset[str] = frozenset()
    families: frozenset[str] = frozenset()
    aggregation: Aggregation = Aggregation.LINE
    currency: str | None = None
    name: str = ""

    def applies_to(self, sku: str, family: str) -> bool:
        return sku in self.skus or family in self.families


@dataclass(frozen=True, slots=True)
class BlockPrice:
    """The price book entry of ``sku`` is the price of one block of ``size`` units."""

    sku: str
    size: int


@dataclass(frozen=True)
class Bundle:
    """How a product with options is priced.

    ``sum`` (sum of parts): the product's own price plus every option at its list price.
    ``fixed``: the product's price includes the ``included`` options (they add nothing); any
    other option adds its list price.
    """

    sku: str
    pricing: str  # "sum" or "fixed"
    included: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ContractedPrice:
    """A price agreed with one customer for one SKU: a unit price per currency or a % off list.

    ``schedules_apply`` says whether volume schedules still apply on top of the contracted
    price (usually not: the contract already is the negotiated price).
    """

    customer: str  # the customer's id or exact name
    sku: str
    prices: dict[str, Decimal] = field(default_factory=dict)  # currency -> unit price
    discount_percent: Decimal | None = None
    schedules_apply: bool = False
    contract: str = ""  # the contract's reference, shown in explanations


@dataclass
class PriceRules:
    """Every price rule in force; look-ups by SKU are dictionary reads."""

    schedules: list[DiscountSchedule] = field(default_factory=list)
    blocks: dict[str, BlockPrice] = field(default_factory=dict)
    bundles: dict[str, Bundle] = field(default_factory=dict)
    contracted: dict[tuple[str, str], ContractedPrice] = field(default_factory=dict)
    source: str = ""  # the file the rules came from, for messages

    def schedule_for(self, sku: str, family: str, currency: str) -> DiscountSchedule | None:
        """The schedule for ``sku``: one naming the SKU wins over one naming its family."""
        family_match = None
        for schedule in self.schedules:
            if schedule.currency is not None and schedule.currency != currency:
                continue
            if sku in schedule.skus:
                return schedule
            if family_match is None and family in schedule.families:
                family_match = schedule
        return family_match

    def contracted_price(self, customer_keys: tuple[str, ...], sku: str) -> ContractedPrice | None:
        for key in customer_keys:
            found = self.contracted.get((key, sku))
            if found is not None:
                return found
        return None
