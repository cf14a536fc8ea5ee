"""The YAML product model: what loads, and bad input reported at file:line with the fix."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dealkit.engine.configurator import Configurator, ModelError, load_model
from tests.helpers.configurator import DEMO_MODELS

HEAD = "format: dealkit-product-model/1\nname: Test\ncurrency: USD\n"


def test_demo_models_load_and_have_valid_configurations() -> None:
    for name, sku in (
        ("rack-server.yaml", "SRV-R7"),
        ("cloudops-subscription.yaml", "SUB-CLOUDOPS"),
    ):
        model = load_model(DEMO_MODELS / name)
        assert model.sku == sku
        assert Configurator.prepare(model.problem).satisfiable


def test_groups_attributes_and_prices(write_model) -> None:
    path = write_model(
        HEAD
        + """
groups:
  size:
    kind: one
    options:
      small: {price: "10.50", attrs: {cap: 2.5}}
      big: {price: "20.00", attrs: {cap: 4}}
  disks:
    kind: many
    max: 1
    options:
      a: {price: "3.10", max_qty: 3, attrs: {tb: 1.2}}
      b: {max_qty: 2}
attributes:
  ram: {kind: int, min: 16, max: 64, step: 16, default: 32}
  fast: {kind: bool}
rules:
  - name: fit
    constraint: sum(disks.tb * disks.qty) <= size.cap
"""
    )
    problem = load_model(path).problem
    names = [v.name for v in problem.variables]
    assert names == ["size", "disks.a", "disks.b", "ram", "fast"]
    size = problem.variables[0]
    assert size.prices == (Decimal("10.50"), Decimal("20.00"))
    assert problem.variables[1].prices == (
        Decimal(0),
        Decimal("3.10"),
        Decimal("6.20"),
        Decimal("9.30"),
    )
    assert problem.variables[3].values == (16, 32, 48, 64)
    assert problem.variables[3].default == 32
    assert problem.variables[4].values == (False, True)
    fit = next(r for r in problem.rules if r.name == "fit")
    allowed = {
        tuple(problem.variables[v].values[i] for v, i in zip(t.scope, row, strict=True))
        for t in fit.tables
        for row in t.rows
    }
    # scope (size, disks.a, disks.b): small holds 2 x 1.2 TB, big holds 3 x 1.2 TB
    assert ("small", 2, 0) in allowed and ("small", 3, 0) not in allowed
    assert ("big", 3, 2) in allowed


def test_rule_arithmetic_is_exact_decimal(write_model) -> None:
    """3 x 0.1 TB must fit a 0.3 TB limit; binary floats say 0.30000000000000004 > 0.3."""
    path = write_model(
        HEAD
        + """
groups:
  disks:
    kind: many
    options:
      tiny: {max_qty: 3, attrs: {tb: 0.1}}
rules:
  - name: fit
    constraint: sum(disks.tb * disks.qty) <= 0.3
"""
    )
    configurator = Configurator.prepare(load_model(path).problem)
    assert configurator.domains({}).domains["disks.tiny"] == [0, 1, 2, 3]


@pytest.mark.parametrize(
    ("body", "line", "pattern"),
    [
        (
            'rules:\n  - name: r\n    constraint: colour == "red"\n',
            10,
            r"unknown name 'colour'.*fix: use one of",
        ),
        (
            'rules:\n  - name: r\n    constraint: size == "huge"\n',
            10,
            r"size has no option 'huge'.*fix: use one of \['big', 'small'\]",
        ),
        (
            "rules:\n  - name: r\n    constraint: size == 1\n",
            10,
            r"size is a choice of text options, compared with 1.*fix: quote the option",
        ),
        (
            "rules:\n  - name: r\n    constraint: size.weight > 2\n",
            10,
            r"no option of size has attribute 'weight'",
        ),
        ('rules:\n  - name: r\n    requires: size == "big"\n', 10, r"requires without then"),
        ("rules:\n  - name: r\n    constraint: size ==\n", 10, r"cannot read"),
        ("rules:\n  - name: r\n    constraint: ram / 2 > 1\n", 10, r"only \+ - \* are allowed"),
    ],
)
def test_rule_errors_name_line_and_fix(write_model, body, line, pattern) -> None:
    path = write_model(
        HEAD + "groups:\n  size: {kind: one, options: {small: {}, big: {}}}\n"
        "attributes:\n  ram: {kind: int, values: [1, 2]}\n" + body
    )
    text = path.read_text().splitlines()
    assert text[line - 1].lstrip().startswith(("constraint:", "requires:"))
    with pytest.raises(ModelError, match=pattern) as caught:
        load_model(path)
    assert str(caught.value).startswith(f"{path}:{line}:")
    assert "fix:" in str(caught.value)


def test_bad_default_and_duplicate_key(write_model) -> None:
    path = write_model(
        HEAD + "groups:\n  size:\n    kind: one\n    default: medium\n"
        "    options: {small: {}, big: {}}\n"
    )
    with pytest.raises(ModelError, match=r"model\.yaml:7: default 'medium' is not an option"):
        load_model(path)
    path = write_model(
        HEAD + "groups:\n  size: {kind: one, options: {a: {}}}\n"
        "  size: {kind: one, options: {b: {}}}\n"
    )
    with pytest.raises(ModelError, match=r"model\.yaml:6: 'size' appears twice"):
        load_model(path)


def test_yaml_syntax_error_names_line(write_model) -> None:
    path = write_model(HEAD + "groups:\n  size: {kind: one, options: [a\n")
    with pytest.raises(ModelError, match=r"model\.yaml:\d+: invalid YAML"):
        load_model(path)


def test_compatibility_table_from_csv(write_model, tmp_path) -> None:
    (tmp_path / "combos.csv").write_text("cpu,board\nfast,pro\nslow,pro\nslow,basic\n")
    path = write_model(
        HEAD
        + """
groups:
  cpu: {kind: one, options: {fast: {}, slow: {}}}
  board: {kind: one, options: {pro: {}, basic: {}}}
rules:
  - name: compat
    table: {scope: [cpu, board], file: combos.csv}
"""
    )
    configurator = Configurator.prepare(load_model(path).problem)
    assert configurator.domains({"cpu": "fast"}).domains["board"] == ["pro"]
    (tmp_path / "combos.csv").write_text("cpu,board\nfast,gold\n")
    with pytest.raises(ModelError, match=r"combos\.csv:2: .*'gold' is not a value of board"):
        load_model(path)


def test_compatibility_table_from_json_rows(write_model, tmp_path) -> None:
    (tmp_path / "combos.json").write_text('[["fast", "pro"], ["slow", null]]')
    path = write_model(
        HEAD
        + """
groups:
  cpu: {kind: one, options: {fast: {}, slow: {}}}
  board: {kind: one, options: {pro: {}, basic: {}}}
rules:
  - name: compat
    table: {scope: [cpu, board], file: combos.json}
"""
    )
    configurator = Configurator.prepare(load_model(path).problem)
    assert configurator.domains({"board": "basic"}).domains["cpu"] == ["slow"]


def test_alert_needs_a_condition(write_model) -> None:
    path = write_model(
        HEAD + "groups:\n  size: {kind: one, options: {a: {}}}\n"
        "rules:\n  - name: hello\n    alert: Say hello\n"
    )
    with pytest.raises(ModelError, match=r"model\.yaml:8: rule hello: alert without when"):
        load_model(path)


def test_collect_mode_returns_every_error(write_model) -> None:
    path = write_model(
        HEAD
        + """
groups:
  size: {kind: one, options: {a: {}, b: {}}}
rules:
  - name: one
    constraint: nope == 1
  - name: two
    constraint: size == "c"
"""
    )
    model = load_model(path, collect=True)
    assert [e.where.line for e in model.errors] == [9, 11]
