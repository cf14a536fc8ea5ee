"""The same ``Problem`` as clauses for an incremental SAT solver (python-sat, Glucose 4).

Two uses, both where a compiled diagram cannot help:

* explanations need to know *which rules* take part in excluding a value, so each rule's clauses
  are guarded by a selector literal and the solver's unsatisfiable core names the rules;
* tests and the benchmark need an oracle that shares no code with the MDD compiler.

Encoding: one literal per (variable, value) with exactly-one per variable; per table, one literal
per allowed row that implies its values, a clause "some row holds", and support clauses
"value implies some row with that value" so unit propagation prunes as well as arc consistency.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence

from pysat.solvers import Solver

from dealkit.engine.configurator.problem import Problem, Rule, Table

SOLVER_NAME = "glucose4"


class SatModel:
    """An incremental solver loaded with a problem; rules can be switched off by assumptions."""

    def __init__(self, problem: Problem, guarded: bool = True) -> None:
        self.problem = problem
        self.offsets: list[int] = []
        count = 0
        for variable in problem.variables:
            self.offsets.append(count)
            count += len(variable.values)
        self.value_lits = count
        top = count
        self.selectors: list[int] = []
        clauses: list[list[int]] = []
        for v, variable in enumerate(problem.variables):
            lits = [self.lit(v, i) for i in range(len(variable.values))]
            clauses.append(lits)
            clauses.extend([-a, -b] for n, a in enumerate(lits) for b in lits[n + 1 :])
        for rule in problem.rules:
            guard: list[int] = []
            if guarded:
                top += 1
                self.selectors.append(top)
                guard = [-top]
            for table in rule.tables:
                rows: list[int] = []
                support: dict[int, list[int]] = {}
                for row in table.rows:
                    top += 1
                    rows.append(top)
                    for v, i in zip(table.scope, row, strict=True):
                        x = self.lit(v, i)
                        clauses.append([-top, x])
                        support.setdefault(x, []).append(top)
                clauses.append(guard + rows)
                for v in set(table.scope):
                    for i in range(len(problem.variables[v].values)):
                        x = self.lit(v, i)
                        clauses.append([*guard, -x, *support.get(x, [])])
        self.solver = Solver(name=SOLVER_NAME, bootstrap_with=clauses)

    def close(self) -> None:
        self.solver.delete()

    def lit(self, v: int, i: int) -> int:
        return self.offsets[v] + i + 1

    def decode(self, model: Sequence[int]) -> list[int]:
        """Value index per variable from a solver model."""
        result = []
        for v, variable in enumerate(self.problem.variables):
            base = self.offsets[v]
            result.append(next(i for i in range(len(variable.values)) if model[base + i] > 0))
        return result

    def choice_lits(self, choices: Mapping[int, int]) -> list[int]:
        return [self.lit(v, i) for v, i in choices.items()]

    def solve(self, lits: Iterable[int], rules: Iterable[int] | None = None) -> bool:
        """Satisfiable with these literals and rules (all rules when ``rules`` is None)?"""
        assumptions = list(lits)
        if self.selectors:
            active = range(len(self.selectors)) if rules is None else rules
            assumptions += [self.selectors[r] for r in active]
        return bool(self.solver.solve(assumptions=assumptions))

    def model_values(self) -> list[int]:
        return self.decode(self.solver.get_model())

    def minimal_rules(self, lits: Sequence[int], rules: Iterable[int] | None = None) -> list[int]:
        """A minimal set of rules that, with ``lits``, is unsatisfiable (``[]`` if lits alone are).

        The first call on the whole model yields an unsatisfiable core; the core is then shrunk
        by deletion (drop a rule, keep the drop while it stays unsatisfiable) in a small solver
        loaded with the core's rules only -- the whole model's solver spends milliseconds per
        call just on its hundred rule switches, the small one microseconds.
        """
        candidates = list(range(len(self.selectors)) if rules is None else rules)
        if self.solve(lits, candidates):
            raise ValueError("satisfiable: nothing to explain")
        core = set(self.solver.get_core() or [])
        kept = [r for r in candidates if self.selectors[r] in core]
        if len(kept) <= 1:
            return kept
        small = SatModel(
            Problem(
                self.problem.name,
                self.problem.variables,
                [self._restricted(self.problem.rules[r], lits) for r in kept],
            )
        )
        try:
            local = small._deletion(lits, list(range(len(kept))))
        finally:
            small.close()
        return [kept[r] for r in local]

    def _restricted(self, rule: Rule, lits: Sequence[int]) -> Rule:
        """The rule without the rows that contradict the fixed values in ``lits`` (they could
        never hold), so the small solver loads a few rows instead of whole big tables."""
        fixed: dict[int, int] = {}
        for lit in lits:
            if lit > 0:
                v = bisect.bisect_right(self.offsets, lit - 1) - 1
                fixed[v] = lit - 1 - self.offsets[v]
        tables = []
        for table in rule.tables:
            checks = [(k, fixed[v]) for k, v in enumerate(table.scope) if v in fixed]
            rows = tuple(r for r in table.rows if all(r[k] == i for k, i in checks))
            tables.append(Table(table.scope, rows))
        return Rule(rule.name, rule.message, tuple(tables), rule.where, rule.kind)

    def _deletion(self, lits: Sequence[int], kept: list[int]) -> list[int]:
        n = 0
        while n < len(kept):
            trial = kept[:n] + kept[n + 1 :]
            if self.solve(lits, trial):
                n += 1
            else:
                core = set(self.solver.get_core() or [])
                kept = [r for r in trial if self.selectors[r] in core]
                n = min(n, len(kept))
        return kept

    def supported_values(self, choices: Mapping[int, int]) -> tuple[bool, dict[int, set[int]]]:
        """Oracle for domains: values compatible with the choices on the *other* variables.

        Reuses each model found: every value in a model is proven selectable at once, so only
        the values no model has shown yet cost a solver call of their own.
        """
        lits = self.choice_lits(choices)
        consistent = self.solve(lits)
        result: dict[int, set[int]] = {}
        open_vars = [v for v in range(len(self.problem.variables)) if v not in choices]
        self._probe(lits, open_vars, result)
        for v in choices:
            others = self.choice_lits({w: i for w, i in choices.items() if w != v})
            self._probe(others, [v], result)
        return consistent, result

    def _probe(self, lits: list[int], variables: list[int], result: dict[int, set[int]]) -> None:
        for v in variables:
            result[v] = set()
        if not self.solve(lits):
            return
        wanted = set(variables)
        self._note(self.model_values(), wanted, result)
        for v in variables:
            for i in range(len(self.problem.variables[v].values)):
                if i in result[v]:
                    continue
                if self.solve([*lits, self.lit(v, i)]):
                    self._note(self.model_values(), wanted, result)

    @staticmethod
    def _note(values: list[int], wanted: set[int], result: dict[int, set[int]]) -> None:
        for v in wanted:
            result[v].add(values[v])
