"""Keep the draft priced as the rep edits it, one changed line at a time.

The ``DraftPricer`` follows ``draft.changed``. The first time, and whenever the currency, date or
customer changes, it reads a ``PricingBasis`` on a worker and prices the whole document. Every
other edit is repriced incrementally: the lines that changed go through
``Repricer.update``/``remove`` (never a full reprice per keystroke); a change of the quote-level
terms (discount, partner, groups) goes through ``Repricer.set_terms``. The result is published
with ``draft.set_priced``, its lines in the document's order.

A line that cannot be priced (a negative quantity, a discount over 100 %) keeps its problems in
``line_problems(line_id)``; the other lines keep their prices, but the quote has no total
(``draft.priced`` is ``None``) until every problem is fixed, so nothing half-right is shown as
the quote's total or saved.
"""

from __future__ import annotations

import gc
import re

from PySide6.QtCore import QObject, Signal

from dealkit.desktop.context import DesktopContext
from dealkit.desktop.quote_wizard.draft import QuoteDraft
from dealkit.desktop.quote_wizard.pricing_basis import (
    BasisKey,
    PricingBasis,
    load_basis,
    workspace_rules,
)
from dealkit.desktop.tasks import TaskFailure
from dealkit.engine.pricing.errors import PricingError, Problem, line_label
from dealkit.engine.pricing.priced import LinePrice, QuotePrice
from dealkit.engine.pricing.repricer import Repricer
from dealkit.engine.pricing.rules import PriceRules
from dealkit.engine.quotes.document import QuoteDocument, QuoteLineDoc
from dealkit.engine.quotes.pricing import line_inputs, quote_terms

BIG_QUOTE = 200  # lines
_POSITION = re.compile(r"^line (\d+)\b")


class DraftPricer(QObject):
    """Prices ``draft`` after every change; ``repriced`` fires after each publication."""

    repriced = Signal()
    basis_changed = Signal(object)  # PricingBasis
    basis_failed = Signal(str)

    def __init__(self, context: DesktopContext, draft: QuoteDraft, parent: QObject | None = None):
        super().__init__(parent)
        self.context = context
        self.draft = draft
        self.basis: PricingBasis | None = None
        self._rules: PriceRules | None = None
        self._loading: BasisKey | None = None
        self._repricer: Repricer | None = None
        self._doc: QuoteDocument | None = None  # what the repricer holds
        self._in_repricer: set[str] = set()
        self._bad: dict[str, tuple[Problem, ...]] = {}
        self._quote_problems: tuple[Problem, ...] = ()
        self._index: dict[str, LinePrice] = {}
        self.changed_ids: set[str] = set()  # lines whose price changed at the last publication
        self.full_reprices = 0  # how many times every line was priced (the bench checks it)
        draft.changed.connect(self._changed)

    # reading ----------------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._loading is not None

    def line_price(self, line_id: str) -> LinePrice | None:
        return self._index.get(line_id)

    def line_problems(self, line_id: str) -> tuple[Problem, ...]:
        return self._bad.get(line_id, ())

    def problems(self) -> tuple[Problem, ...]:
        """Every problem, quote-level first, then by line position."""
        if not self._bad:
            return self._quote_problems
        doc = self.draft.document
        found = list(self._quote_problems)
        for line in doc.lines:
            found.extend(self._bad.get(line.id, ()))
        return tuple(found)

    def start(self) -> None:
        """Price the draft as it is now (after the wizard opened or reset it)."""
        self._changed(self.draft.document)

    # following the draft -----------------------------------------------------------------------

    def _changed(self, doc: QuoteDocument) -> None:
        key = BasisKey.of(doc)
        if self.basis is None or self.basis.key != key:
            self._load(key)
            return
        if self._repricer is None or self._doc is None:
            self._full(doc)
            return
        self._incremental(doc)

    def _load(self, key: BasisKey) -> None:
        if self._loading == key:
            return
        self._loading = key
        workspace = self.context.workspace
        doc = self.draft.document
        rules = self._rules

        def work() -> PricingBasis:
            return load_basis(workspace, doc, rules or workspace_rules(workspace))

        self.context.tasks.run(
            work,
            self._loaded,
            self._load_failed,
            label=self.tr("Reading prices…"),
            name="wizard-prices",
            owner=self,
        )

    def _loaded(self, basis: PricingBasis) -> None:
        self._rules = basis.rules
        if basis.key != self._loading:
            return  # a newer read is on its way
        self._loading = None
        current = BasisKey.of(self.draft.document)
        if basis.key != current:
            self._load(current)
            return
        self.basis = basis
        self.basis_changed.emit(basis)
        self._full(self.draft.document)

    def _load_failed(self, failure: TaskFailure) -> None:
        self._loading = None
        self._quote_problems = (Problem("quote", "currency", failure.message),)
        self.draft.set_priced(None, self._quote_problems)
        self.basis_failed.emit(failure.message)
        self.repriced.emit()

    # pricing ----------------------------------------------------------------------------------

    def _full(self, doc: QuoteDocument) -> None:
        """Price every line (on opening, and when lines moved): the good ones at least."""
        assert self.basis is not None
        self.full_reprices += 1
        basis = self.basis
        repricer = Repricer(basis.catalog, basis.rules, quote_terms(doc, basis.facts))
        self._bad = {}
        self._quote_problems = ()
        inputs = line_inputs(doc)
        try:
            repricer.price(inputs)
        except PricingError as error:
            for problem in error.problems:
                match = _POSITION.match(problem.where)
                if match and 0 < int(match.group(1)) <= len(doc.lines):
                    line_id = doc.lines[int(match.group(1)) - 1].id
                    self._bad[line_id] = (*self._bad.get(line_id, ()), problem)
                else:
                    self._quote_problems += (problem,)
            good = [i for i in inputs if i.id not in self._bad]
            try:
                if self._quote_problems:
                    raise error
                repricer.price(good)
            except PricingError:
                self._repricer = None
                self._doc = None
                self._in_repricer = set()
                self._index = {}
                self._publish(doc, None)
                return
        self._repricer = repricer
        self._doc = doc
        self._in_repricer = {i.id for i in inputs if i.id not in self._bad}
        self._publish(doc, repricer.result())
        if len(doc.lines) >= BIG_QUOTE:
            # A big quote is hundreds of thousands of small objects that live while it is open;
            # left in the collector's generations, a full collection walks them all on some
            # keystroke (a 40-70 ms stall on a 1,000-line quote). Freeze what is alive now.
            gc.freeze()

    def _incremental(self, doc: QuoteDocument) -> None:
        assert self._repricer is not None and self._doc is not None and self.basis is not None
        old = self._doc
        new_ids = [line.id for line in doc.lines]
        old_ids = [line.id for line in old.lines]
        kept = set(new_ids) & set(old_ids)
        moved = [i for i in old_ids if i in kept] != [i for i in new_ids if i in kept]
        inserted = any(i not in kept for i in new_ids[: len(kept)])
        # The repricer keeps its lines in the order they came; that order matters only to a
        # quote discount given as an amount (the last counted line takes the rounding rest).
        if moved or (inserted and doc.discount_amount):
            self._full(doc)
            return
        repricer = self._repricer
        terms = quote_terms(doc, self.basis.facts)
        if terms != repricer.terms:
            try:
                repricer.set_terms(terms)
                self._quote_problems = ()
            except PricingError as error:
                self._quote_problems = tuple(error.problems)
        old_lines = {line.id: line for line in old.lines}
        for line_id in old_ids:
            if line_id not in kept:
                self._bad.pop(line_id, None)
                if line_id in self._in_repricer:
                    repricer.remove(line_id)
                    self._in_repricer.discard(line_id)
        changed = [
            (position, line)
            for position, line in enumerate(doc.lines, start=1)
            if old_lines.get(line.id) is not line
        ]
        for (position, line), line_input in zip(
            changed, line_inputs(_only(doc, [line for _, line in changed])), strict=True
        ):
            try:
                repricer.update(line_input)
            except PricingError as error:
                self._bad[line.id] = tuple(_relabel(p, position, line) for p in error.problems)
                if line.id in self._in_repricer:
                    repricer.remove(line.id)
                    self._in_repricer.discard(line.id)
            else:
                self._bad.pop(line.id, None)
                self._in_repricer.add(line.id)
        self._doc = doc
        self._publish(doc, repricer.result())

    def _publish(self, doc: QuoteDocument, result: QuotePrice | None) -> None:
        old = self._index
        if result is not None:
            self._index = {lp.line_id: lp for lp in result.lines}
        # The repricer keeps the price of a line it did not touch as the same object, so the
        # grid repaints only the lines whose price (or problems) really changed.
        new = self._index
        self.changed_ids = {i for i, lp in new.items() if old.get(i) is not lp}
        self.changed_ids.update(i for i in old if i not in new)
        self.changed_ids.update(self._bad)
        problems = self.problems()
        if result is None or problems:
            self.draft.set_priced(None, problems)
        else:
            ordered = tuple(self._index[line.id] for line in doc.lines)
            self.draft.set_priced(
                QuotePrice(result.currency, ordered, result.totals, result.groups), ()
            )
        self.repriced.emit()

    def reprice_all(self) -> QuotePrice | None:
        """Price every line from scratch now (the bench's baseline; the wizard never needs it)."""
        self._full(self.draft.document)
        return self.draft.priced


def _only(doc: QuoteDocument, lines: list[QuoteLineDoc]) -> QuoteDocument:
    from dataclasses import replace

    return replace(doc, lines=tuple(lines))


def _relabel(problem: Problem, position: int, line: QuoteLineDoc) -> Problem:
    """The repricer names a line by its place among the priced lines; say its place in the
    quote instead."""
    if _POSITION.match(problem.where):
        return Problem(line_label(position, line.id, line.sku), problem.field, problem.message)
    return problem
