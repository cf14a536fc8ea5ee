"""The configurator's answers for a model and the user's partial configuration.

``Configurator.prepare(problem)`` compiles the solution space once (an MDD via CUDD; see
``compile_bdd``). Afterwards every question is answered on the diagram:

* ``domains(choices)``: is it consistent, and which values of every variable can be chosen
  (backtrack-free: each offered value extends to a full valid configuration);
* ``explain(choices, variable, value)``: why a withheld value is excluded -- a minimal set of the
  user's own choices and rules -- and the smallest change that would allow it;
* ``complete(choices, strategy)``: the rest of the configuration, defaults first or cheapest.

Which rules take part in an explanation cannot be read off a compiled diagram, so that part asks
an incremental SAT solver with one switch per rule (built on first use).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import numpy as np

from dealkit.engine.configurator.compile_bdd import CompileStats, compile_mdd
from dealkit.engine.configurator.errors import ChoiceError
from dealkit.engine.configurator.mdd import LayeredMDD
from dealkit.engine.configurator.problem import Problem, Rule, Value
from dealkit.engine.configurator.sat_encoding import SatModel


@dataclass(frozen=True, slots=True)
class Domains:
    """``domains[name]``: selectable values given the user's choices on the other variables."""

    consistent: bool
    domains: dict[str, list[Value]]

    def to_json(self) -> dict[str, Any]:
        return {"consistent": self.consistent, "domains": self.domains}


@dataclass(frozen=True, slots=True)
class Change:
    variable: str
    old: Value
    new: Value

    def to_json(self) -> dict[str, Any]:
        return {"variable": self.variable, "from": self.old, "to": self.new}


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why ``variable = value`` is withheld (or why the choices conflict, when value is None)."""

    variable: str | None
    value: Value | None
    allowed: bool
    choices: dict[str, Value] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)
    change: list[Change] = field(default_factory=list)
    text: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "variable": self.variable,
            "value": self.value,
            "allowed": self.allowed,
            "because_of_choices": self.choices,
            "because_of_rules": [
                {"name": r.name, "message": r.message, "where": str(r.where) if r.where else None}
                for r in self.rules
            ],
            "smallest_change": [c.to_json() for c in self.change],
            "text": self.text,
        }


class Configurator:
    """Answers for one model. Queries do not change it, but the SAT solver behind explanations
    is not re-entrant: call from one thread at a time (the desktop runs it on the task runner)."""

    def __init__(self, problem: Problem, mdd: LayeredMDD, stats: CompileStats | None = None):
        self.problem = problem
        self.mdd = mdd
        self.stats = stats
        self._sat: SatModel | None = None

    @classmethod
    def prepare(
        cls,
        problem: Problem,
        progress: Callable[[str], None] | None = None,
        explanations: bool = True,
    ) -> Configurator:
        """Compile the model; with ``explanations`` also load the rule-level SAT solver now, so
        the first "why not" does not pay for it."""
        mdd, stats = compile_mdd(problem, progress)
        configurator = cls(problem, mdd, stats)
        if explanations:
            configurator.sat  # noqa: B018 - build it during preparation
        return configurator

    @property
    def sat(self) -> SatModel:
        if self._sat is None:
            self._sat = SatModel(self.problem, guarded=True)
        return self._sat

    # (a) and (b) ------------------------------------------------------------------------------

    def domains(self, choices: Mapping[str, Value]) -> Domains:
        indexes = self.problem.choice_indexes(choices)
        consistent, masks = self.mdd.supports(indexes)
        named: dict[str, list[Value]] = {}
        for v, variable in enumerate(self.problem.variables):
            named[variable.name] = [variable.values[i] for i in np.flatnonzero(masks[v])]
        return Domains(consistent, named)

    def is_consistent(self, choices: Mapping[str, Value]) -> bool:
        indexes = self.problem.choice_indexes(choices)
        return self.mdd.allows(self.mdd.allowed_masks(indexes))

    @property
    def satisfiable(self) -> bool:
        return not self.mdd.empty

    # (c) -------------------------------------------------------------------------------------

    def explain(self, choices: Mapping[str, Value], variable: str, value: Value) -> Explanation:
        """Why ``variable = value`` cannot be chosen with the user's other choices."""
        v = self.problem.var(variable)
        i = self.problem.variables[v].index(value)
        indexes = {w: j for w, j in self.problem.choice_indexes(choices).items() if w != v}
        if self.mdd.allows(self.mdd.allowed_masks({**indexes, v: i})):
            return Explanation(variable, value, True, text=f"{self._say(v, i)} can be chosen.")
        return self._conflict(indexes, (v, i))

    def explain_conflict(self, choices: Mapping[str, Value]) -> Explanation | None:
        """For inconsistent choices: a minimal set of them and the rules they break together."""
        indexes = self.problem.choice_indexes(choices)
        if self.mdd.allows(self.mdd.allowed_masks(indexes)):
            return None
        return self._conflict(indexes, None)

    def model_conflict(self) -> list[Rule]:
        """For a model with no valid configuration at all: a minimal set of conflicting rules."""
        if self.satisfiable:
            return []
        return [self.problem.rules[r] for r in self.sat.minimal_rules([])]

    def _conflict(self, indexes: dict[int, int], target: tuple[int, int] | None) -> Explanation:
        fixed = dict([target]) if target else {}
        # 1. minimal set of the user's choices (deletion, each test one sweep of the diagram)
        kept = dict(indexes)
        for w in list(indexes):
            trial = {x: j for x, j in kept.items() if x != w}
            if not self.mdd.allows(self.mdd.allowed_masks({**trial, **fixed})):
                kept = trial
        # 2. minimal set of rules that exclude it together with those choices (SAT cores)
        lits = self.sat.choice_lits({**kept, **fixed})
        rules = [self.problem.rules[r] for r in self.sat.minimal_rules(lits)]
        # 3. smallest change: fewest of the user's choices to change (shortest path on the MDD)
        change = self._smallest_change(indexes, target) if target else []
        named = {
            self.problem.variables[w].name: self.problem.variables[w].values[j]
            for w, j in kept.items()
        }
        text = self._words(target, kept, rules, change)
        var = self.problem.variables[target[0]] if target else None
        return Explanation(
            var.name if var else None,
            var.values[target[1]] if var and target else None,
            False,
            named,
            rules,
            change,
            text,
        )

    def _smallest_change(self, indexes: dict[int, int], target: tuple[int, int]) -> list[Change]:
        mdd = self.mdd
        layer = mdd.layer_of()
        costs = [np.zeros(size, dtype=np.int64) for size in mdd.sizes]
        for w, j in indexes.items():
            costs[layer[w]] = np.ones(mdd.sizes[layer[w]], dtype=np.int64)
            costs[layer[w]][j] = 0
        found = mdd.cheapest_path(costs, mdd.allowed_masks(dict([target])))
        if found is None:
            return []
        _, path = found
        changes = []
        for w, j in indexes.items():
            new = path[layer[w]]
            if new != j:
                variable = self.problem.variables[w]
                changes.append(Change(variable.name, variable.values[j], variable.values[new]))
        return changes

    def _say(self, v: int, i: int) -> str:
        variable = self.problem.variables[v]
        label = variable.label or variable.name
        return (
            f"{label} = {variable.value_labels[i] if variable.value_labels else variable.values[i]}"
        )

    def _words(self, target, kept: dict[int, int], rules: list[Rule], change: list[Change]) -> str:
        said = ", ".join(self._say(w, j) for w, j in kept.items())
        if not target:
            head = f"The choices {said} conflict"
        elif kept:
            head = f"{self._say(*target)} is not possible with your choice"
            head += f"{'s' if len(kept) > 1 else ''} {said}"
        else:
            head = f"{self._say(*target)} is not possible in any configuration"
        reasons = " ".join(_rule_words(r, self.problem) for r in rules)
        text = f"{head}: {reasons}" if reasons else f"{head}."
        if change:
            moves = ", ".join(
                f"{self._label(c.variable)} to {self._value_label(c.variable, c.new)}"
                for c in change
            )
            text += f" Smallest change: set {moves}."
        elif target and not kept:
            text += " No change of your choices can allow it."
        return text

    def _label(self, name: str) -> str:
        variable = self.problem.variables[self.problem.var(name)]
        return variable.label or variable.name

    def _value_label(self, name: str, value: Value) -> str:
        return self.problem.variables[self.problem.var(name)].label_of(value)


def _rule_words(rule: Rule, problem: Problem) -> str:
    message = rule.message.rstrip()
    if message:
        return f"{message}{'' if message.endswith(('.', '!')) else '.'} (rule {rule.name})"
    scope = sorted({problem.variables[v].name for t in rule.tables for v in t.scope})
    return f"Rule {rule.name} allows only certain combinations of {', '.join(scope)}."


def complete(
    configurator: Configurator,
    choices: Mapping[str, Value],
    strategy: str = "defaults",
    prices: Mapping[str, Mapping[Value, Decimal]] | None = None,
) -> dict[str, Value] | None:
    """Fill every open variable: ``defaults`` (a variable's default when still selectable, else
    its first selectable value, in model order) or ``cheapest`` (least total price, exact).

    ``prices`` overrides the model's option prices per variable and value -- the Quote page
    passes the customer's price book here, so "cheapest" means cheapest for this deal.
    Returns None when the choices admit no valid configuration.
    """
    problem = configurator.problem
    indexes = problem.choice_indexes(choices)
    mdd = configurator.mdd
    if not mdd.allows(mdd.allowed_masks(indexes)):
        return None
    if strategy == "cheapest":
        layer = mdd.layer_of()
        costs = [np.zeros(size, dtype=np.int64) for size in mdd.sizes]
        table = _effective_prices(problem, prices or {})
        scale = _price_scale(table)
        for v, row in table.items():
            costs[layer[v]] = np.array([int(p * scale) for p in row], dtype=np.int64)
        found = mdd.cheapest_path(costs, mdd.allowed_masks(indexes))
        assert found is not None
        _, path = found
        return {var.name: var.values[path[layer[v]]] for v, var in enumerate(problem.variables)}
    if strategy != "defaults":
        raise ChoiceError(f"unknown completion strategy {strategy!r}: use defaults or cheapest")
    current = dict(indexes)
    for v, variable in enumerate(problem.variables):
        if v in current:
            continue
        _, masks = mdd.supports(current)
        offered = np.flatnonzero(masks[v])
        pick = int(offered[0])
        if variable.default is not None:
            d = variable.values.index(variable.default)
            if masks[v][d]:
                pick = d
        current[v] = pick
    return {
        problem.variables[v].name: problem.variables[v].values[i]
        for v, i in sorted(current.items())
    }


def _effective_prices(
    problem: Problem, overrides: Mapping[str, Mapping[Value, Decimal]]
) -> dict[int, tuple[Decimal, ...]]:
    table: dict[int, tuple[Decimal, ...]] = {}
    for v, variable in enumerate(problem.variables):
        row = list(variable.prices) or [Decimal(0)] * len(variable.values)
        for value, price in overrides.get(variable.name, {}).items():
            if not isinstance(price, Decimal):
                raise ChoiceError(f"price of {variable.name} = {value!r} must be a Decimal")
            row[variable.index(value)] = price
        table[v] = tuple(row)
    for name in overrides:
        problem.var(name)  # names an unknown variable
    return table


def _price_scale(table: Mapping[int, tuple[Decimal, ...]]) -> int:
    """Power of ten that turns every price into an exact integer (minor units or finer)."""
    exponent = 0
    for row in table.values():
        for price in row:
            exponent = max(exponent, -price.as_tuple().exponent if price != 0 else 0)
    return 10 ** int(exponent)


def price_of(problem: Problem, configuration: Mapping[str, Value]) -> Decimal:
    total = Decimal(0)
    for name, value in configuration.items():
        variable = problem.variables[problem.var(name)]
        if variable.prices:
            total += variable.prices[variable.index(value)]
    return total
