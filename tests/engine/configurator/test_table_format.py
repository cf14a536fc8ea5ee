"""The table model JSON (Renault's format): gzip and plain, and errors that name the fix."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from dealkit.engine.configurator import ModelError, load_model


def test_renault_loads_with_its_published_shape(renault_problem) -> None:
    problem = renault_problem
    assert len(problem.variables) == 99
    assert sum(len(v.values) for v in problem.variables) == 396
    assert len(problem.rules) == 111
    assert sum(len(t.rows) for r in problem.rules for t in r.tables) == 112_680


def test_plain_and_gzip_json_give_the_same_problem(tmp_path: Path) -> None:
    data = {
        "variables": {"a": ["x", "y"], "b": ["p", "q"]},
        "constraints": [{"name": "r1", "scope": ["a", "b"], "allowed": [["x", None]]}],
    }
    plain = tmp_path / "m.json"
    plain.write_text(json.dumps(data))
    packed = tmp_path / "m.json.gz"
    packed.write_bytes(gzip.compress(json.dumps(data).encode()))
    one, two = load_model(plain).problem, load_model(packed).problem
    assert one.rules[0].tables == two.rules[0].tables
    # null means any value: the row expands to (x, p) and (x, q)
    assert one.rules[0].tables[0].rows == ((0, 0), (0, 1))


def test_unknown_scope_variable_is_named(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text(
        json.dumps(
            {
                "variables": {"a": ["x"]},
                "constraints": [{"name": "r9", "scope": ["zz"], "allowed": []}],
            }
        )
    )
    with pytest.raises(ModelError, match=r"r9.*unknown variable 'zz'.*fix: declare it"):
        load_model(path)


def test_json_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text('{\n  "variables": {\n    "a": ["x",]\n  }\n}\n')
    with pytest.raises(ModelError, match=r"m\.json:3: invalid JSON"):
        load_model(path)


def test_row_value_not_in_domain_is_named(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text(
        json.dumps(
            {
                "variables": {"a": ["x"]},
                "constraints": [{"name": "r1", "scope": ["a"], "allowed": [["nope"]]}],
            }
        )
    )
    with pytest.raises(ModelError, match=r"'nope' is not a value of a"):
        load_model(path)
