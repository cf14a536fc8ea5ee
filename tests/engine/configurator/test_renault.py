"""The engine on the Renault Mégane benchmark against a SAT solver as the oracle.

The oracle is an incremental SAT solver (python-sat) probing values one by one; it shares no code
with the decision-diagram compiler. Selectable values must match exactly after every step.
"""

from __future__ import annotations

import random

import pytest

from dealkit.engine.configurator import Configurator, complete
from dealkit.engine.configurator.sat_encoding import SatModel


@pytest.fixture(scope="module")
def sat_oracle(renault_problem):
    model = SatModel(renault_problem, guarded=False)
    yield model
    model.close()


def test_renault_compiles_within_budget(renault: Configurator) -> None:
    assert renault.satisfiable
    assert renault.stats is not None and renault.stats.seconds < 30
    # 4 values can never be chosen in this relaxation of the benchmark (2 rules missing)
    domains = renault.domains({}).domains
    assert sum(len(values) for values in domains.values()) == 392


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_domains_match_sat_oracle_along_random_choices(
    renault, renault_problem, sat_oracle, seed
) -> None:
    rng = random.Random(seed)
    choices: dict[str, str] = {}
    for _ in range(3):
        answer = renault.domains(choices)
        consistent, expected = sat_oracle.supported_values(renault_problem.choice_indexes(choices))
        assert answer.consistent == consistent
        for v, variable in enumerate(renault_problem.variables):
            assert {variable.index(x) for x in answer.domains[variable.name]} == expected[v], (
                variable.name
            )
        open_vars = [
            n for n, values in answer.domains.items() if len(values) > 1 and n not in choices
        ]
        name = rng.choice(open_vars)
        choices[name] = rng.choice(answer.domains[name])
    completion = complete(renault, choices)
    assert completion is not None
    assignment = [v.index(completion[v.name]) for v in renault_problem.variables]
    assert renault_problem.is_solution(assignment)


def test_explanations_exclude_and_are_minimal(renault, renault_problem) -> None:
    rng = random.Random(7)
    choices: dict[str, str] = {}
    for _ in range(6):
        domains = renault.domains(choices).domains
        name = rng.choice([n for n, vals in domains.items() if len(vals) > 1 and n not in choices])
        choices[name] = rng.choice(domains[name])
    domains = renault.domains(choices).domains
    withheld = [
        (v.name, x)
        for v in renault_problem.variables
        if v.name not in choices
        for x in v.values
        if x not in domains[v.name]
    ]
    sat = renault.sat
    rule_index = {id(rule): n for n, rule in enumerate(renault_problem.rules)}
    for name, value in rng.sample(withheld, 5):
        why = renault.explain(choices, name, value)
        assert not why.allowed and why.text
        kept = renault_problem.choice_indexes(why.choices)
        rules = [rule_index[id(r)] for r in why.rules]
        target = renault_problem.choice_indexes({name: value})
        lits = sat.choice_lits({**kept, **target})
        assert not sat.solve(lits, rules)
        for r in rules:
            assert sat.solve(lits, [x for x in rules if x != r])
        for v in kept:
            fewer = sat.choice_lits({**{w: j for w, j in kept.items() if w != v}, **target})
            assert sat.solve(fewer)
        changed = dict(renault_problem.choice_indexes(choices))
        for change in why.change:
            changed[renault_problem.var(change.variable)] = renault_problem.variables[
                renault_problem.var(change.variable)
            ].index(change.new)
        assert renault.is_consistent(
            {
                **{
                    renault_problem.variables[w].name: renault_problem.variables[w].values[j]
                    for w, j in changed.items()
                },
                name: value,
            }
        )
