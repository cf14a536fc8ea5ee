"""``rules check``: each kind of finding, at the right file:line."""

from __future__ import annotations

from dealkit.engine.configurator.lint import check_model
from tests.helpers.configurator import DEMO_MODELS

HEAD = "format: dealkit-product-model/1\nname: Lint\n"


def test_demo_models_are_clean() -> None:
    assert check_model(DEMO_MODELS / "rack-server.yaml") == []
    assert check_model(DEMO_MODELS / "cloudops-subscription.yaml") == []


def test_never_chosen_never_bites_and_conflicting_defaults(write_model) -> None:
    path = write_model(
        HEAD
        + """groups:
  size:
    kind: one
    default: big
    options:
      small: {}
      big: {}
      huge: {}
attributes:
  ram: {kind: int, values: [8, 16, 32], default: 8}
rules:
  - name: no-huge
    constraint: size != "huge"
  - name: big-needs-16
    requires: size == "big"
    then: ram >= 16
  - name: redundant
    constraint: ram <= 64
"""
    )
    findings = {(f.check, str(f.where)) for f in check_model(path)}
    assert ("never-chosen", f"{path}:10") in findings  # huge
    assert ("never-bites", f"{path}:20") in findings  # redundant
    assert ("conflicting-defaults", f"{path}:4") in findings  # size = big ...
    assert ("conflicting-defaults", f"{path}:12") in findings  # ... with ram = 8
    assert len(findings) == 4


def test_unknown_names_are_all_reported(write_model) -> None:
    path = write_model(
        HEAD
        + """groups:
  size: {kind: one, options: {a: {}, b: {}}}
rules:
  - name: one
    constraint: colour == "red"
  - name: two
    requires: size == "c"
    then: size == "a"
"""
    )
    findings = check_model(path)
    assert [(f.check, f.where.line) for f in findings] == [("load", 7), ("load", 9)]
    assert "unknown name 'colour'" in findings[0].message
    assert "size has no option 'c'" in findings[1].message


def test_unsatisfiable_model_names_conflicting_rules(write_model) -> None:
    path = write_model(
        HEAD
        + """groups:
  size: {kind: one, options: {a: {}, b: {}}}
attributes:
  fast: {kind: bool}
rules:
  - name: must-be-a
    constraint: size == "a"
  - name: fine
    constraint: fast or not fast
  - name: must-be-b
    constraint: size == "b"
"""
    )
    findings = check_model(path)
    assert [(f.check, f.where.line) for f in findings] == [
        ("unsatisfiable", 9),
        ("unsatisfiable", 13),
    ]
