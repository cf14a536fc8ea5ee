"""``dealkit rules check``: what a sales engineer should fix in a model before publishing it.

Checks, each reported at file:line: the model loads (unknown names, bad values, syntax), has at
least one valid configuration (else a minimal set of conflicting rules), every option can be
chosen in some configuration, every rule bites (removing it would allow something), and the
defaults agree with each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dealkit.engine.configurator.configurator import Configurator
from dealkit.engine.configurator.errors import Location, ModelError
from dealkit.engine.configurator.product_model import ProductModel, load_model
from dealkit.engine.configurator.sat_encoding import SatModel


@dataclass(frozen=True, slots=True)
class Finding:
    where: Location | str
    check: str
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"where": str(self.where), "check": self.check, "message": self.message}

    def __str__(self) -> str:
        return f"{self.where}: [{self.check}] {self.message}"


def check_model(path: Path) -> list[Finding]:
    try:
        model = load_model(path, collect=True)
    except ModelError as error:
        return [Finding(error.where, "load", f"{error.problem}; fix: {error.fix}")]
    findings = [Finding(e.where, "load", f"{e.problem}; fix: {e.fix}") for e in model.errors]
    if model.errors:
        return findings  # later checks on a half-loaded model would mislead
    configurator = Configurator.prepare(model.problem)
    problem = model.problem
    if not configurator.satisfiable:
        rules = configurator.model_conflict()
        names = ", ".join(f"{r.name} ({r.where})" for r in rules)
        for rule in rules:
            findings.append(
                Finding(
                    rule.where or problem.source,
                    "unsatisfiable",
                    f"no configuration is valid: rules {names} conflict; "
                    "fix: relax or remove one of them",
                )
            )
        return findings
    findings += _dead_values(model, configurator)
    findings += _idle_rules(model, configurator.sat)
    findings += _conflicting_defaults(model, configurator)
    return findings


def _dead_values(model: ProductModel, configurator: Configurator) -> list[Finding]:
    problem = model.problem
    domains = configurator.domains({}).domains
    found = []
    for variable in problem.variables:
        for value in variable.values:
            if value in domains[variable.name]:
                continue
            why = configurator.explain({}, variable.name, value)
            where = model.value_where.get((variable.name, value), variable.where or problem.source)
            found.append(
                Finding(
                    where,
                    "never-chosen",
                    f"{variable.name} = {value} can never be chosen: {why.text} "
                    "fix: correct the rules or remove the option",
                )
            )
    return found


def _idle_rules(model: ProductModel, sat: SatModel) -> list[Finding]:
    """A rule never bites when the other rules already imply it: (others and not rule) is UNSAT."""
    problem = model.problem
    found = []
    top = sat.solver.nof_vars()
    for r, rule in enumerate(problem.rules):
        top += 1
        violate = top
        for table in rule.tables:
            # not table: the scope takes none of the allowed rows
            for row in table.rows:
                sat.solver.add_clause(
                    [-violate] + [-sat.lit(v, i) for v, i in zip(table.scope, row, strict=True)]
                )
        others = [o for o in range(len(problem.rules)) if o != r]
        if not sat.solve([violate], others):
            found.append(
                Finding(
                    rule.where or problem.source,
                    "never-bites",
                    f"rule {rule.name} never excludes anything the other rules allow; "
                    "fix: remove it, or correct its condition",
                )
            )
        sat.solver.add_clause([-violate])
    return found


def _conflicting_defaults(model: ProductModel, configurator: Configurator) -> list[Finding]:
    problem = model.problem
    defaults = {v.name: v.default for v in problem.variables if v.default is not None}
    conflict = configurator.explain_conflict(defaults)
    if conflict is None:
        return []
    return [
        Finding(
            problem.variables[problem.var(name)].where or problem.source,
            "conflicting-defaults",
            f"the default {name} = {value} conflicts: {conflict.text} "
            "fix: change one of these defaults",
        )
        for name, value in conflict.choices.items()
    ]
