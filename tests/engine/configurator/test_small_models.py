"""The engine against brute force: on generated small problems (Hypothesis) and a demo model.

Properties checked for every case: the domains equal the brute-force ones (every offered value
extends to a full solution, no withheld value does); every explanation really excludes the value
and is minimal; the smallest change is the fewest possible; completions are valid and the
cheapest one costs the brute-force minimum.
"""

from __future__ import annotations

import itertools
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dealkit.engine.configurator import Configurator, complete, load_model, price_of
from dealkit.engine.configurator.problem import Problem, Rule, Table, Variable
from tests.engine.configurator import oracle
from tests.helpers.configurator import DEMO_MODELS


@st.composite
def problems(draw) -> Problem:
    sizes = draw(st.lists(st.integers(1, 3), min_size=2, max_size=5))
    variables = [
        Variable(
            f"v{n}",
            tuple(f"a{i}" for i in range(size)),
            default=f"a{draw(st.integers(0, size - 1))}",
            prices=tuple(Decimal(draw(st.integers(0, 9))) / 4 for _ in range(size)),
        )
        for n, size in enumerate(sizes)
    ]
    rules = []
    for r in range(draw(st.integers(0, 4))):
        scope = tuple(
            draw(st.lists(st.integers(0, len(sizes) - 1), min_size=1, max_size=3, unique=True))
        )
        every = list(itertools.product(*[range(sizes[v]) for v in scope]))
        rows = draw(st.lists(st.sampled_from(every), unique=True, max_size=len(every)))
        rules.append(Rule(f"r{r}", "", (Table(scope, tuple(sorted(rows))),)))
    return Problem("generated", variables, rules)


@st.composite
def problem_and_choices(draw):
    problem = draw(problems())
    chosen = draw(st.lists(st.integers(0, len(problem.variables) - 1), unique=True, max_size=3))
    choices = {
        problem.variables[v].name: problem.variables[v].values[
            draw(st.integers(0, len(problem.variables[v].values) - 1))
        ]
        for v in chosen
    }
    return problem, choices


def _excluded(problem: Problem, choices: dict[int, int], rules: list[Rule], target) -> bool:
    """Brute force: no assignment meets these choices, the target and these rules only."""
    tables = [(t.scope, set(t.rows)) for r in rules for t in r.tables]
    fixed = {**choices, target[0]: target[1]}
    for assignment in itertools.product(*[range(len(v.values)) for v in problem.variables]):
        if any(assignment[v] != i for v, i in fixed.items()):
            continue
        if all(tuple(assignment[v] for v in s) in rows for s, rows in tables):
            return False
    return True


def check_against_brute_force(problem: Problem, choices: dict) -> None:
    configurator = Configurator.prepare(problem)
    indexes = problem.choice_indexes(choices)
    consistent, expected = oracle.domains(problem, indexes)
    answer = configurator.domains(choices)
    assert answer.consistent == consistent
    for v, variable in enumerate(problem.variables):
        assert {variable.index(x) for x in answer.domains[variable.name]} == expected[v]
    for v, variable in enumerate(problem.variables):
        for i in set(range(len(variable.values))) - expected[v]:
            why = configurator.explain(choices, variable.name, variable.values[i])
            assert not why.allowed
            kept = problem.choice_indexes(why.choices)
            assert all(indexes[w] == j for w, j in kept.items())
            assert v not in kept
            assert _excluded(problem, kept, why.rules, (v, i))
            for w in kept:  # minimal: every choice is needed
                assert not _excluded(
                    problem, {x: j for x, j in kept.items() if x != w}, why.rules, (v, i)
                )
            for rule in why.rules:  # ... and every rule
                assert not _excluded(problem, kept, [r for r in why.rules if r is not rule], (v, i))
            fewest = oracle.fewest_changes(
                problem, {w: j for w, j in indexes.items() if w != v}, v, i
            )
            if fewest is None:
                assert why.change == []
            else:
                assert len(why.change) == fewest
                moved = {w: j for w, j in indexes.items() if w != v}
                for change in why.change:
                    moved[problem.var(change.variable)] = problem.variables[
                        problem.var(change.variable)
                    ].index(change.new)
                moved[v] = i
                assert _excluded(problem, moved, problem.rules, (v, i)) is False
        for i in expected[v]:
            assert configurator.explain(choices, variable.name, variable.values[i]).allowed
    for strategy in ("defaults", "cheapest"):
        completion = complete(configurator, choices, strategy)
        if not consistent:
            assert completion is None
            continue
        assignment = [
            problem.variables[v].index(completion[var.name])
            for v, var in enumerate(problem.variables)
        ]
        assert problem.is_solution(assignment)
        assert all(completion[name] == value for name, value in choices.items())
        if strategy == "cheapest":
            best = min(
                sum((problem.variables[v].prices[i] for v, i in enumerate(sol)), Decimal(0))
                for sol in oracle.solutions(problem)
                if all(sol[w] == j for w, j in indexes.items())
            )
            assert price_of(problem, completion) == best


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problem_and_choices())
def test_generated_problems_match_brute_force(case) -> None:
    problem, choices = case
    check_against_brute_force(problem, choices)


def test_cheapest_completion_uses_price_book_overrides() -> None:
    problem = load_model(DEMO_MODELS / "rack-server.yaml").problem
    configurator = Configurator.prepare(problem)
    assert complete(configurator, {}, "cheapest")["cpu"] == "silver-4410y"
    book = {"cpu": {"gold-6448y": Decimal("100.00")}}  # a deal price on the Gold 6448Y
    assert complete(configurator, {}, "cheapest", prices=book)["cpu"] == "gold-6448y"


def test_unsatisfiable_model_reports_minimal_conflicting_rules() -> None:
    variables = [Variable("a", ("x", "y")), Variable("b", ("x", "y")), Variable("c", ("x", "y"))]
    rules = [
        Rule("a-is-x", "", (Table((0,), ((0,),)),)),
        Rule("c-free", "", (Table((2,), ((0,), (1,))),)),
        Rule("a-equals-b", "", (Table((0, 1), ((0, 0), (1, 1))),)),
        Rule("b-is-y", "", (Table((1,), ((1,),)),)),
    ]
    configurator = Configurator.prepare(Problem("unsat", variables, rules))
    assert not configurator.satisfiable
    assert [r.name for r in configurator.model_conflict()] == ["a-is-x", "a-equals-b", "b-is-y"]


def test_cloudops_demo_model_matches_brute_force() -> None:
    problem = load_model(DEMO_MODELS / "cloudops-subscription.yaml").problem
    for choices in (
        {},
        {"edition": "standard"},
        {"hosting": "dedicated", "region": "apac"},
        {"seats": 10, "addons.audit_log": 1},
    ):
        configurator = Configurator.prepare(problem)
        consistent, expected = oracle.domains(problem, problem.choice_indexes(choices))
        answer = configurator.domains(choices)
        assert answer.consistent == consistent
        for v, variable in enumerate(problem.variables):
            assert {variable.index(x) for x in answer.domains[variable.name]} == expected[v]


def test_pure_python_bdd_backend_gives_the_same_answers(monkeypatch) -> None:
    """Where CUDD is not installed the pure-Python ``dd.autoref`` is used: same answers."""
    from dd import autoref

    from dealkit.engine.configurator import compile_bdd

    problem = load_model(DEMO_MODELS / "rack-server.yaml").problem
    with_cudd = Configurator.prepare(problem, explanations=False)
    monkeypatch.setattr(compile_bdd, "_bdd_backend", autoref)
    pure = Configurator.prepare(problem, explanations=False)
    assert pure.stats.backend == "autoref"
    for choices in ({}, {"chassis": "1u-10sff"}, {"cpu": "platinum-8480", "psu_count": 1}):
        assert pure.domains(choices) == with_cudd.domains(choices)
