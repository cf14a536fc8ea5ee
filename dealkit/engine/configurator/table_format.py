"""Reader for the table model JSON (optionally gzip) exported from PLM/ERP systems.

This is the format of the Renault Mégane benchmark: ``variables`` maps names to value lists and
``constraints`` lists tables with a ``scope`` and ``allowed`` rows (``null`` in a row means any
value). Each constraint becomes one rule named after it.
"""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path
from typing import Any

from dealkit.engine.configurator.errors import Location, ModelError
from dealkit.engine.configurator.problem import Problem, Rule, Table, Variable


def read_json_document(path: Path) -> Any:
    """Read JSON, gunzipping when the file is gzip, with syntax errors at file:line."""
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ModelError(str(path), f"not UTF-8 text ({error})", "save the file as UTF-8") from None
    except json.JSONDecodeError as error:
        raise ModelError(
            Location(str(path), error.lineno),
            f"invalid JSON: {error.msg} (column {error.colno})",
            "correct the JSON syntax at that place",
        ) from None


def load_table_model(path: Path) -> Problem:
    """Load a table model file into a ``Problem``; bad content raises ``ModelError``."""
    return table_model_from_data(read_json_document(path), str(path))


def table_model_from_data(data: Any, file: str) -> Problem:
    if not isinstance(data, dict) or not isinstance(data.get("variables"), dict):
        raise ModelError(file, "no 'variables' object", 'write {"variables": {"Var1": ["a", "b"]}}')
    variables: list[Variable] = []
    for name, values in data["variables"].items():
        if not isinstance(values, list) or not values:
            raise ModelError(
                file,
                f"variables.{name} is not a non-empty list of values",
                'list the values, e.g. ["a", "b"]',
            )
        if len(set(map(str, values))) != len(values):
            raise ModelError(file, f"variables.{name} repeats a value", "list each value once")
        variables.append(Variable(name=str(name), values=tuple(str(v) for v in values)))
    problem = Problem(
        name=str(data.get("name", Path(file).stem)), variables=variables, rules=[], source=file
    )
    constraints = data.get("constraints", [])
    if not isinstance(constraints, list):
        raise ModelError(file, "'constraints' is not a list", "write a list of constraint objects")
    for n, item in enumerate(constraints):
        where = f"{file}: constraints[{n}]"
        if not isinstance(item, dict):
            raise ModelError(where, "not an object", 'write {"name", "scope", "allowed"}')
        name = str(item.get("name", f"constraint{n}"))
        scope_names = item.get("scope")
        if not isinstance(scope_names, list) or not scope_names:
            raise ModelError(f"{where} ({name})", "missing 'scope'", "list the variables it covers")
        scope: list[int] = []
        for var_name in scope_names:
            if var_name not in problem.by_name:
                raise ModelError(
                    f"{where} ({name})",
                    f"scope names unknown variable {var_name!r}",
                    "declare it under 'variables' or correct the name",
                )
            scope.append(problem.by_name[var_name])
        rows: set[tuple[int, ...]] = set()
        for r, row in enumerate(item.get("allowed", [])):
            if not isinstance(row, list) or len(row) != len(scope):
                raise ModelError(
                    f"{where} ({name}) allowed[{r}]",
                    f"row has {len(row) if isinstance(row, list) else 'no'} values "
                    f"for a scope of {len(scope)}",
                    "give one value per scope variable",
                )
            options: list[range | tuple[int]] = []
            for v, cell in zip(scope, row, strict=True):
                if cell is None:
                    options.append(range(len(variables[v].values)))
                    continue
                try:
                    options.append((variables[v].values.index(str(cell)),))
                except ValueError:
                    raise ModelError(
                        f"{where} ({name}) allowed[{r}]",
                        f"{cell!r} is not a value of {variables[v].name}",
                        f"use one of {list(variables[v].values)[:8]}",
                    ) from None
            rows.update(itertools.product(*options))
        problem.rules.append(
            Rule(
                name=name,
                message=str(item.get("message", "")),
                tables=(Table(tuple(scope), tuple(sorted(rows))),),
                where=Location(file),
                kind="table",
            )
        )
    return problem
