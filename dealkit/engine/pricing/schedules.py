"""Discount schedule arithmetic: range and slab, by quantity or by amount.

Tier bounds follow the usual CPQ reading:

* by quantity, a tier's ``lower`` is the first unit number in it (units count from 1), so tiers
  ``1, 11, 51`` read "units 1-10, 11-50, 51 and up";
* by amount, ``lower`` is the amount the tier starts at (tiers ``0, 10000`` read "the first
  10,000, then everything above").

Range gives every unit the rate of the tier the basis reaches. Slab gives each unit (or each
slice of the amount) the rate of its own tier; the result is expressed as one blended percent so
that every line of an aggregated group gets the same, order-independent rate.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from dealkit.engine.number_text import plain_number
from dealkit.engine.pricing.rules import DiscountSchedule, ScheduleBasis, ScheduleMethod
from dealkit.engine.words import words

ZERO = Decimal(0)
ONE = Decimal(1)


class TierShare(NamedTuple):
    """How much of the basis fell in one tier (for slab explanations)."""

    lower: Decimal
    upper: Decimal | None  # exclusive; None for the open top tier
    portion: Decimal  # units or amount inside the tier
    discount_percent: Decimal


class ScheduleOutcome(NamedTuple):
    """The discount a schedule gives for a basis, as one percent plus how it was reached."""

    percent: Decimal
    basis: Decimal
    shares: tuple[TierShare, ...]  # range: the one tier reached; slab: every tier touched


def _origin(schedule: DiscountSchedule) -> Decimal:
    # Units are numbered from 1; an amount starts at 0.
    return ONE if schedule.basis is ScheduleBasis.QUANTITY else ZERO


def evaluate(schedule: DiscountSchedule, basis: Decimal) -> ScheduleOutcome:
    """The effective discount percent ``schedule`` gives for ``basis`` (a quantity or amount)."""
    tiers = schedule.tiers
    if schedule.method is ScheduleMethod.RANGE:
        reached = None
        for index, tier in enumerate(tiers):
            if basis >= tier.lower:
                reached = index
        if reached is None:
            return ScheduleOutcome(ZERO, basis, ())
        tier = tiers[reached]
        upper = tiers[reached + 1].lower if reached + 1 < len(tiers) else None
        share = TierShare(tier.lower, upper, basis, tier.discount_percent)
        return ScheduleOutcome(tier.discount_percent, basis, (share,))

    # Slab: the basis axis runs from the origin to origin + basis.
    origin = _origin(schedule)
    end = origin + basis
    shares: list[TierShare] = []
    weighted = ZERO
    for index, tier in enumerate(tiers):
        upper = tiers[index + 1].lower if index + 1 < len(tiers) else None
        top = end if upper is None else min(end, upper)
        portion = top - max(tier.lower, origin)
        if portion <= 0:
            continue
        shares.append(TierShare(tier.lower, upper, portion, tier.discount_percent))
        weighted += portion * tier.discount_percent
    percent = weighted / basis if basis > 0 else ZERO
    return ScheduleOutcome(percent, basis, tuple(shares))


def describe(schedule: DiscountSchedule, outcome: ScheduleOutcome, currency: str) -> str:
    """Plain words for a schedule's outcome, e.g. "slab by quantity on 60 units: ..."."""
    by_quantity = schedule.basis is ScheduleBasis.QUANTITY
    unit = words("units") if by_quantity else currency
    name = schedule.name or schedule.code
    if not outcome.shares:
        return words(
            "{name}: {basis} {unit} reaches no discount tier",
            name=name,
            basis=plain_number(outcome.basis),
            unit=unit,
        )

    def bounds(share: TierShare) -> str:
        lower = plain_number(share.lower)
        if by_quantity:
            if share.upper is None:
                return words("units {lower}+", lower=lower)
            return words("units {lower}-{upper}", lower=lower, upper=plain_number(share.upper - 1))
        if share.upper is None:
            return words("above {lower} {currency}", lower=lower, currency=currency)
        return f"{lower}-{plain_number(share.upper)} {currency}"

    if schedule.method is ScheduleMethod.RANGE:
        share = outcome.shares[0]
        values = {
            "name": name,
            "basis": plain_number(outcome.basis),
            "unit": unit,
            "tier": bounds(share),
            "percent": plain_number(share.discount_percent),
        }
        if by_quantity:
            return words(
                "{name} (range by quantity): {basis} {unit} reaches the tier {tier}, "
                "so every unit gets {percent}% off",
                **values,
            )
        return words(
            "{name} (range by amount): {basis} {unit} reaches the tier {tier}, "
            "so every unit gets {percent}% off",
            **values,
        )
    parts = ", ".join(
        words(
            "{portion} {unit} at {percent}% ({tier})",
            portion=plain_number(s.portion),
            unit=unit,
            percent=plain_number(s.discount_percent),
            tier=bounds(s),
        )
        for s in outcome.shares
    )
    blended = plain_number(outcome.percent.quantize(Decimal("0.0001")))
    if by_quantity:
        return words(
            "{name} (slab by quantity): {parts}; blended {percent}% off",
            name=name,
            parts=parts,
            percent=blended,
        )
    return words(
        "{name} (slab by amount): {parts}; blended {percent}% off",
        name=name,
        parts=parts,
        percent=blended,
    )
