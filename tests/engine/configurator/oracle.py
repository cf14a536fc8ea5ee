"""Brute-force answers for small problems: the independent oracle the engine is checked against."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping

from dealkit.engine.configurator.problem import Problem


def solutions(problem: Problem) -> Iterator[tuple[int, ...]]:
    tables = [(t.scope, set(t.rows)) for r in problem.rules for t in r.tables]
    for assignment in itertools.product(*[range(len(v.values)) for v in problem.variables]):
        if all(tuple(assignment[v] for v in scope) in rows for scope, rows in tables):
            yield assignment


def domains(problem: Problem, choices: Mapping[int, int]) -> tuple[bool, dict[int, set[int]]]:
    """Values of each variable in some solution respecting the choices on the other variables."""
    all_solutions = list(solutions(problem))
    result: dict[int, set[int]] = {v: set() for v in range(len(problem.variables))}
    consistent = False
    for sol in all_solutions:
        breaks = [v for v, i in choices.items() if sol[v] != i]
        if not breaks:
            consistent = True
            for v, i in enumerate(sol):
                result[v].add(i)
        elif len(breaks) == 1:
            result[breaks[0]].add(sol[breaks[0]])
    return consistent, result


def fewest_changes(problem: Problem, choices: Mapping[int, int], v: int, i: int) -> int | None:
    best = None
    for sol in solutions(problem):
        if sol[v] != i:
            continue
        changes = sum(1 for w, j in choices.items() if w != v and sol[w] != j)
        best = changes if best is None else min(best, changes)
    return best
