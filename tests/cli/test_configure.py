"""``dealkit configure`` and ``dealkit rules check`` as a user runs them."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from dealkit.cli.main import main
from tests.helpers.configurator import DEMO_MODELS

RACK = str(DEMO_MODELS / "rack-server.yaml")


def run_json(capsys, *argv: str) -> tuple[int, dict]:
    code = main([*argv, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_configure_prints_domains_explanation_and_completion(capsys) -> None:
    code, out = run_json(
        capsys,
        "configure",
        "--model",
        RACK,
        "--set",
        "chassis=1u-10sff",
        "--set",
        "psu_count=1",
        "--explain",
        "cpu=platinum-8480",
        "--complete",
    )
    assert code == 0
    assert out["consistent"] is True
    assert out["domains"]["cpu"] == ["silver-4410y", "gold-6448y"]
    assert out["domains"]["accessories.rail_kit"] == [1]  # the selection rule added the rails
    assert out["explanation"]["because_of_choices"] == {"chassis": "1u-10sff"}
    assert [r["name"] for r in out["explanation"]["because_of_rules"]] == ["cpu-fits-chassis"]
    lines = Path(RACK).read_text().splitlines()
    line = lines.index("  - name: cpu-fits-chassis") + 2  # the rule's "table:" line
    assert out["explanation"]["because_of_rules"][0]["where"] == f"{RACK}:{line}"
    assert out["explanation"]["smallest_change"] == [
        {"variable": "chassis", "from": "1u-10sff", "to": "2u-12lff"}
    ]
    assert out["completion"]["chassis"] == "1u-10sff"
    assert out["completion"]["psu_count"] == 1
    assert [a["name"] for a in out["alerts"]] == ["single-psu-alert"]
    assert out["completion_options_price"]["currency"] == "USD"


def test_cheapest_completion(capsys) -> None:
    code, out = run_json(capsys, "configure", "--model", RACK, "--complete", "cheapest")
    assert code == 0
    assert out["completion"]["ram_gb"] == 32
    assert out["completion"]["cpu"] == "silver-4410y"


def test_unknown_variable_and_value_are_named(capsys) -> None:
    code, out = run_json(capsys, "configure", "--model", RACK, "--set", "chasis=1u-10sff")
    assert code == 2
    assert "unknown variable 'chasis'" in out["error"] and "chassis" in out["error"]
    code, out = run_json(capsys, "configure", "--model", RACK, "--set", "cpu=pentium")
    assert code == 2
    assert "cpu has no value 'pentium'" in out["error"] and "silver-4410y" in out["error"]


def test_conflicting_choices_are_explained(capsys) -> None:
    code, out = run_json(
        capsys,
        "configure",
        "--model",
        RACK,
        "--set",
        "chassis=tower-8lff",
        "--set",
        "accessories.rail_kit=1",
        "--set",
        "ram_gb=64",
    )
    assert code == 1
    assert out["consistent"] is False
    assert out["conflict"]["because_of_choices"] == {
        "chassis": "tower-8lff",
        "accessories.rail_kit": 1,
    }


def test_table_model_json_gz(capsys, tmp_path: Path) -> None:
    """The PLM/ERP table format (Renault's), gzip-compressed, through the same command."""
    data = {
        "variables": {"Var5": ["FRAN", "GRBR"], "Var33": ["KM", "MILES"]},
        "constraints": [
            {
                "name": "rule003",
                "scope": ["Var5", "Var33"],
                "allowed": [["FRAN", "KM"], ["GRBR", "MILES"], ["GRBR", None]],
            }
        ],
    }
    path = tmp_path / "model.json.gz"
    path.write_bytes(gzip.compress(json.dumps(data).encode()))
    code, out = run_json(
        capsys, "configure", "--model", str(path), "--set", "Var5=FRAN", "--explain", "Var33=MILES"
    )
    assert code == 0
    assert out["domains"] == {"Var5": ["FRAN", "GRBR"], "Var33": ["KM"]}
    assert out["explanation"]["because_of_rules"][0]["name"] == "rule003"
    assert out["explanation"]["smallest_change"] == [
        {"variable": "Var5", "from": "FRAN", "to": "GRBR"}
    ]


def test_unsatisfiable_model_reports_conflicting_rules(capsys, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "format: dealkit-product-model/1\ngroups:\n"
        "  size: {kind: one, options: {a: {}, b: {}}}\nrules:\n"
        '  - name: only-a\n    constraint: size == "a"\n'
        '  - name: only-b\n    constraint: size == "b"\n'
    )
    code, out = run_json(capsys, "configure", "--model", str(path))
    assert code == 1
    assert [r["name"] for r in out["model_conflict"]] == ["only-a", "only-b"]
    assert out["model_conflict"][0]["where"] == f"{path}:6"


def test_malformed_model_is_reported_without_traceback(capsys, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("format: dealkit-product-model/1\ngroups:\n  size: {kind: one, options: [a\n")
    code = main(["configure", "--model", str(path)])
    captured = capsys.readouterr()
    assert code == 2
    assert f"{path}:" in captured.err and "invalid YAML" in captured.err
    assert "Traceback" not in captured.err


def test_rules_check(capsys, tmp_path: Path) -> None:
    code, out = run_json(capsys, "rules", "check", RACK)
    assert code == 0 and out["ok"] is True
    path = tmp_path / "m.yaml"
    path.write_text(
        "format: dealkit-product-model/1\ngroups:\n"
        "  size: {kind: one, options: {a: {}, b: {}}}\nrules:\n"
        '  - name: no-b\n    constraint: size != "b"\n'
    )
    code = main(["rules", "check", str(path)])
    text = capsys.readouterr().out
    assert code == 1
    assert f"{path}:3: [never-chosen] size = b can never be chosen" in text
