"""Reprice a quote in full, or incrementally after one line changes.

The repricer keeps, per line, the steps that depend on that line alone (list and contract), and
per volume group the schedule outcome. Editing one line re-lists that line, re-evaluates the
schedule of the groups it left and joined, re-discounts only the lines whose group basis moved,
and finishes (quote discount, partner, rounding) only the lines whose input changed, except when
the quote-level discount is an amount: then every counted line's share moves, and the cheap
finishing step runs for all lines. Nothing changes state until the whole edit has priced without
a problem, so a rejected edit leaves the last good pricing in place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from dealkit.engine.money import currency_quantum
from dealkit.engine.pricing.catalog import PriceCatalog
from dealkit.engine.pricing.errors import PricingError, Problem, line_label
from dealkit.engine.pricing.inputs import LineInput, QuoteTerms
from dealkit.engine.pricing.line_steps import (
    DiscountedLine,
    ListedLine,
    after_schedule,
    check_line,
    list_and_contract,
)
from dealkit.engine.pricing.priced import LinePrice, QuotePrice, Totals, selected_groups
from dealkit.engine.pricing.rules import PriceRules
from dealkit.engine.pricing.schedules import ScheduleOutcome, evaluate

ZERO = Decimal(0)
HUNDRED = Decimal(100)
TWELVE = Decimal(12)

GroupKey = tuple[str, str]
ScopeKey = tuple[GroupKey, str]


@dataclass
class _Running:
    """Running sums of the counted lines' rounded figures (kept incrementally)."""

    list: Decimal = ZERO
    net: Decimal = ZERO
    cost: Decimal = ZERO
    one_time: Decimal = ZERO
    recurring: Decimal = ZERO
    mrr: Decimal = ZERO
    arr: Decimal = ZERO
    lines: int = 0

    def add(self, lp: LinePrice, sign: int) -> None:
        if not lp.counted:
            return
        listed = lp.discounted.listed
        if sign < 0:
            lp = _negated(lp)
        self.list += listed.list_total * sign
        self.cost += listed.cost_total * sign
        self.net += lp.net
        if listed.term is not None:
            self.recurring += lp.net
            self.mrr += lp.mrr
            self.arr += lp.arr
        else:
            self.one_time += lp.net
        self.lines += sign

    @classmethod
    def of(cls, lines: Iterable[LinePrice]) -> _Running:
        """Sum from scratch (cheaper than add/subtract when every line changed)."""
        list_ = cost = net = one_time = recurring = mrr = arr = ZERO
        count = 0
        for lp in lines:
            if not lp.counted:
                continue
            listed = lp.discounted.listed
            list_ += listed.list_total
            cost += listed.cost_total
            net += lp.net
            if listed.term is not None:
                recurring += lp.net
                mrr += lp.mrr
                arr += lp.arr
            else:
                one_time += lp.net
            count += 1
        return cls(list_, net, cost, one_time, recurring, mrr, arr, count)

    def totals(self, currency: str) -> Totals:
        return Totals(
            currency,
            self.list,
            self.net,
            self.cost,
            self.one_time,
            self.recurring,
            self.mrr,
            self.arr,
            self.lines,
        )


def _negated(lp: LinePrice) -> LinePrice:
    return lp._replace(net=-lp.net, mrr=-lp.mrr, arr=-lp.arr)


class Repricer:
    """Prices one quote and keeps what it needs to reprice edits quickly."""

    def __init__(self, catalog: PriceCatalog, rules: PriceRules, terms: QuoteTerms) -> None:
        self.catalog = catalog
        self.rules = rules
        self._quantum = currency_quantum(catalog.currency)
        self._terms = terms
        self._inputs: dict[str, LineInput] = {}
        self._positions: dict[str, int] = {}
        self._listed: dict[str, ListedLine] = {}
        self._members: dict[GroupKey, dict[str, str]] = {}  # key -> {line id: scope}
        self._sums: dict[ScopeKey, Decimal] = {}
        self._outcomes: dict[ScopeKey, ScheduleOutcome] = {}
        self._discounted: dict[str, DiscountedLine] = {}
        self._priced: dict[str, LinePrice] = {}
        self._running = _Running()
        self._set_terms_fields(terms)

    # public -----------------------------------------------------------------------------------

    @property
    def terms(self) -> QuoteTerms:
        return self._terms

    def price(self, lines: Iterable[LineInput]) -> QuotePrice:
        """Price ``lines`` from scratch (replacing whatever was priced before)."""
        lines = list(lines)
        problems = check_terms(self._terms, self.catalog)
        seen: set[str] = set()
        for position, line in enumerate(lines, start=1):
            problems += check_line(line, position, self.catalog)
            if line.id in seen:
                problems.append(
                    Problem(
                        line_label(position, line.id, line.sku),
                        "id",
                        f"line id {line.id!r} is used twice: give every line its own id",
                    )
                )
            seen.add(line.id)
        if problems:
            raise PricingError(problems)
        fresh = Repricer(self.catalog, self.rules, self._terms)
        fresh._load(lines)
        self.__dict__.update(fresh.__dict__)
        return self.result()

    def update(self, line: LineInput) -> QuotePrice:
        """Add ``line`` (new id) or replace the line with its id; reprice what it touches."""
        position = self._positions.get(line.id, len(self._inputs) + 1)
        problems = check_line(line, position, self.catalog)
        if problems:
            raise PricingError(problems)
        listed = list_and_contract(line, self.catalog, self.rules, self._terms)
        old = self._listed.get(line.id)
        self._apply(line.id, listed, old, position)
        return self.result()

    def remove(self, line_id: str) -> QuotePrice:
        """Take a line off the quote and reprice the lines of its volume group."""
        if line_id not in self._inputs:
            raise KeyError(line_id)
        self._apply(line_id, None, self._listed[line_id], self._positions[line_id])
        return self.result()

    def set_terms(self, terms: QuoteTerms) -> QuotePrice:
        """New quote-level terms (customer, discount, partner, groups): reprice everything."""
        problems = check_terms(terms, self.catalog)
        if problems:
            raise PricingError(problems)
        fresh = Repricer(self.catalog, self.rules, terms)
        fresh._load(list(self._inputs.values()))
        self.__dict__.update(fresh.__dict__)
        return self.result()

    def result(self) -> QuotePrice:
        return QuotePrice(
            self.catalog.currency,
            tuple(self._priced.values()),
            self._running.totals(self.catalog.currency),
            self._terms.groups,
        )

    # internals --------------------------------------------------------------------------------

    def _set_terms_fields(self, terms: QuoteTerms) -> None:
        self._alternative_groups = {g.name for g in terms.groups if g.alternative}
        self._counted_alternatives = selected_groups(terms.groups)
        self._uncounted = self._alternative_groups - self._counted_alternatives
        self._partner_factor = (HUNDRED - terms.partner_percent) / HUNDRED
        self._spread_amount = bool(terms.discount_amount)

    def _scope(self, line: LineInput) -> str:
        return line.group if line.group in self._alternative_groups else ""

    def _outcome_for(
        self, listed: ListedLine, scope: str, sums: dict[ScopeKey, Decimal]
    ) -> ScheduleOutcome | None:
        key = listed.group_key
        if key is None or listed.schedule is None:
            return None
        basis = sums.get((key, ""), ZERO)
        if scope:
            basis += sums.get((key, scope), ZERO)
        return evaluate(listed.schedule, basis)

    def _load(self, lines: list[LineInput]) -> None:
        problems: list[Problem] = []
        for position, line in enumerate(lines, start=1):
            listed = list_and_contract(line, self.catalog, self.rules, self._terms)
            self._inputs[line.id] = line
            self._positions[line.id] = position
            self._listed[line.id] = listed
            if listed.group_key is not None:
                scope = self._scope(line)
                self._members.setdefault(listed.group_key, {})[line.id] = scope
                sk = (listed.group_key, scope)
                self._sums[sk] = self._sums.get(sk, ZERO) + listed.basis
        for line_id, listed in self._listed.items():
            scope = self._scope(listed.line)
            outcome = None
            if listed.group_key is not None:
                sk = (listed.group_key, scope)
                outcome = self._outcomes.get(sk)
                if outcome is None:
                    outcome = self._outcome_for(listed, scope, self._sums)
                    self._outcomes[sk] = outcome  # type: ignore[assignment]
            try:
                self._discounted[line_id] = after_schedule(
                    listed, outcome, self._positions[line_id]
                )
            except PricingError as error:
                problems += error.problems
        if problems:
            raise PricingError(problems)
        self._commit(self._compute_finish(self._discounted.keys(), self._discounted))

    def _apply(
        self, line_id: str, listed: ListedLine | None, old: ListedLine | None, position: int
    ) -> None:
        """Replace (or remove, when ``listed`` is None) one line; commit only if all prices."""
        grouped = bool((listed and listed.group_key) or (old and old.group_key))
        sums = dict(self._sums) if grouped else self._sums
        members = dict(self._members) if grouped else self._members
        changed_scopes: set[ScopeKey] = set()
        if old is not None and old.group_key is not None:
            scope = self._scope(old.line)
            sk = (old.group_key, scope)
            sums[sk] = sums.get(sk, ZERO) - old.basis
            members[old.group_key] = dict(members[old.group_key])
            members[old.group_key].pop(line_id, None)
            changed_scopes.add(sk)
        if listed is not None and listed.group_key is not None:
            scope = self._scope(listed.line)
            sk = (listed.group_key, scope)
            sums[sk] = sums.get(sk, ZERO) + listed.basis
            members[listed.group_key] = dict(members.get(listed.group_key, {}))
            members[listed.group_key][line_id] = scope
            changed_scopes.add(sk)

        # Lines whose schedule basis moved: every member of a key whose base scope changed,
        # the members of an alternative scope that changed, and the edited line itself.
        to_discount: dict[str, ListedLine] = {}
        for key, scope in changed_scopes:
            for member, member_scope in members.get(key, {}).items():
                if scope == "" or member_scope == scope:
                    to_discount[member] = (
                        listed if member == line_id and listed else self._listed[member]
                    )
        if listed is not None:
            to_discount[line_id] = listed

        outcomes: dict[ScopeKey, ScheduleOutcome | None] = {}
        discounted: dict[str, DiscountedLine] = {}
        problems: list[Problem] = []
        for member, member_listed in to_discount.items():
            scope = self._scope(member_listed.line)
            outcome = None
            if member_listed.group_key is not None:
                sk = (member_listed.group_key, scope)
                if sk not in outcomes:
                    outcomes[sk] = self._outcome_for(member_listed, scope, sums)
                outcome = outcomes[sk]
            member_position = position if member == line_id else self._positions[member]
            try:
                discounted[member] = after_schedule(member_listed, outcome, member_position)
            except PricingError as error:
                problems += error.problems
        if problems:
            raise PricingError(problems)

        if self._spread_amount or listed is None:
            merged = dict(self._discounted)
            merged.update(discounted)
            if listed is None:
                merged.pop(line_id, None)
        else:
            merged = None  # committed below by updating the live dict in place
        positions = self._positions
        if listed is not None and line_id not in positions:
            positions = {**positions, line_id: position}
        if self._spread_amount:
            finished = self._compute_finish(merged.keys(), merged)
        else:
            finished = self._compute_finish(discounted.keys(), discounted)

        # Everything priced: commit.
        if grouped:
            self._sums = sums
            self._members = members
        for sk, outcome in outcomes.items():
            if outcome is not None:
                self._outcomes[sk] = outcome
        if listed is None:
            self._drop(line_id)
        else:
            self._positions = positions
            self._inputs[line_id] = listed.line
            self._listed[line_id] = listed
        if merged is None:
            self._discounted.update(discounted)
        else:
            self._discounted = merged
        self._commit(finished)

    def _drop(self, line_id: str) -> None:
        del self._inputs[line_id]
        del self._listed[line_id]
        gone = self._priced.pop(line_id, None)
        if gone is not None:
            self._running.add(gone, -1)
        self._positions = {lid: i for i, lid in enumerate(self._inputs, start=1)}

    def _commit(self, finished: dict[str, LinePrice]) -> None:
        priced = self._priced
        if len(finished) == len(self._inputs):
            # Every line was finished (a full reprice, or a quote amount spread): rebuild.
            self._priced = {lid: finished[lid] for lid in self._inputs}
            self._running = _Running.of(self._priced.values())
            return
        running = self._running
        for line_id, lp in finished.items():
            old = priced.get(line_id)
            if old is not None:
                running.add(old, -1)
            running.add(lp, +1)
            priced[line_id] = lp
        if len(priced) != len(self._inputs):
            raise AssertionError("priced lines out of step with the inputs")

    def _compute_finish(
        self, line_ids: Iterable[str], discounted: dict[str, DiscountedLine]
    ) -> dict[str, LinePrice]:
        """Quote-level discount, partner discount and rounding for ``line_ids`` (no commit).

        A quote discount given as an amount is rounded to the currency, then spread over the
        counted lines in proportion to their amounts by cumulative rounding: line *i* gets
        round(amount x (lines 1..i) / subtotal) minus what lines 1..i-1 got. Every share is
        within one minor unit of its exact proportion and the shares add up to exactly the
        amount, in a single pass. Lines of an alternative that is not counted get the same
        percent, unrounded (they are shown, not totalled).
        """
        quantum = self._quantum
        partner_factor = self._partner_factor
        uncounted = self._uncounted
        spread = self._spread_amount
        quote_factor = self._terms.discount_percent / HUNDRED
        amount = cumulative = handed = ZERO
        last_counted = None
        if spread:
            amount, quote_factor, last_counted = self._spread_factor(discounted)
        finished: dict[str, LinePrice] = {}
        # LinePrice is a named tuple; building it with tuple.__new__ skips the Python-level
        # __new__ that NamedTuple generates, which is a third of this loop's time.
        make = tuple.__new__
        for line_id in line_ids:
            d = discounted[line_id]
            listed = d.listed
            counted = listed.line.group not in uncounted
            base = d.after_additional
            if spread and counted:
                cumulative += base
                if line_id == last_counted:
                    running_total = amount
                else:
                    running_total = (cumulative * quote_factor).quantize(quantum, ROUND_HALF_UP)
                share = running_total - handed
                handed = running_total
            elif quote_factor:
                share = base * quote_factor
            else:
                share = ZERO
            net_exact = (base - share) * partner_factor
            mrr = arr = ZERO
            term = listed.term
            if term is not None:
                monthly = net_exact / term.months
                mrr = monthly.quantize(quantum, ROUND_HALF_UP)
                arr = (monthly * TWELVE).quantize(quantum, ROUND_HALF_UP)
            finished[line_id] = make(
                LinePrice,
                (
                    d,
                    counted,
                    share,
                    net_exact,
                    net_exact.quantize(quantum, ROUND_HALF_UP),
                    mrr,
                    arr,
                ),
            )
        return finished

    def _spread_factor(
        self, discounted: dict[str, DiscountedLine]
    ) -> tuple[Decimal, Decimal, str | None]:
        """The rounded quote amount, its ratio to the counted subtotal, and the last counted
        line (which takes whatever is left, so the shares sum to the amount exactly)."""
        quantum = self._quantum
        amount = self._terms.discount_amount.quantize(quantum, ROUND_HALF_UP)
        uncounted = self._uncounted
        subtotal = ZERO
        last = None
        for line_id, d in discounted.items():
            if d.listed.line.group not in uncounted:
                subtotal += d.after_additional
                if d.after_additional:  # a line discounted to nothing takes no share
                    last = line_id
        if amount > subtotal:
            raise PricingError(
                [
                    Problem(
                        "quote",
                        "discount.amount",
                        f"the quote discount {amount} is more than the quote's subtotal after "
                        f"line discounts ({subtotal.quantize(quantum)}): lower it",
                    )
                ]
            )
        if not subtotal:
            return amount, ZERO, last
        return amount, amount / subtotal, last


def check_terms(terms: QuoteTerms, catalog: PriceCatalog) -> list[Problem]:
    """Problems with the quote-level inputs."""
    problems: list[Problem] = []
    if terms.currency != catalog.currency:
        problems.append(
            Problem(
                "quote",
                "currency",
                f"the quote is in {terms.currency} but the prices loaded are in "
                f"{catalog.currency}: load the {terms.currency} price book",
            )
        )
    if not ZERO <= terms.discount_percent <= HUNDRED:
        problems.append(
            Problem(
                "quote",
                "discount.percent",
                f"quote discount {terms.discount_percent}% is outside 0-100%: enter a percent "
                "between 0 and 100",
            )
        )
    if terms.discount_amount < 0:
        problems.append(
            Problem(
                "quote",
                "discount.amount",
                f"quote discount amount {terms.discount_amount} is negative: enter a positive "
                "amount",
            )
        )
    if terms.discount_amount and terms.discount_percent:
        problems.append(
            Problem(
                "quote",
                "discount",
                "give the quote discount as a percent or as an amount, not both",
            )
        )
    if not ZERO <= terms.partner_percent <= HUNDRED:
        problems.append(
            Problem(
                "quote",
                "partner.discount_percent",
                f"partner discount {terms.partner_percent}% is outside 0-100%: enter a "
                "percent between 0 and 100",
            )
        )
    names = [g.name for g in terms.groups]
    for name in sorted({n for n in names if names.count(n) > 1}):
        problems.append(
            Problem("quote", "groups", f"group {name!r} is declared twice: rename one of them")
        )
    return problems
