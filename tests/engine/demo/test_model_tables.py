"""A stored product model must not depend on table files next to the original model file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dealkit.engine.demo import DemoDataError
from dealkit.engine.demo.model_tables import inline_table_files
from dealkit.engine.demo.sources import DEMO_DIR

MODEL = """# a model
name: Demo
rules:
  - name: combos
    table:
      scope: [edition, region]
      file: combos.csv   # exported from the PLM
    message: Not sold there.
"""


def test_csv_rows_are_inlined_in_scope_order(tmp_path: Path):
    (tmp_path / "combos.csv").write_text("region,edition\nna,standard\napac,enterprise\n")
    text = inline_table_files(MODEL, tmp_path / "model.yaml")
    assert '      allowed: [["standard", "na"], ["enterprise", "apac"]]  # rows of combos.csv' in (
        text.splitlines()
    )
    assert text.startswith("# a model\n") and "message: Not sold there." in text


def test_json_rows_are_inlined(tmp_path: Path):
    (tmp_path / "combos.json").write_text('[["standard", "na"]]')
    text = inline_table_files(MODEL.replace("combos.csv", "combos.json"), tmp_path / "m.yaml")
    assert 'allowed: [["standard", "na"]]' in text


def test_a_missing_table_file_is_named(tmp_path: Path):
    with pytest.raises(DemoDataError, match=r"the table file combos\.csv it names is missing"):
        inline_table_files(MODEL, tmp_path / "model.yaml")


def test_models_without_table_files_are_kept_verbatim(tmp_path: Path):
    text = "name: Plain\nrules: []\n"
    assert inline_table_files(text, tmp_path / "m.yaml") == text


def test_the_demo_models_load_from_their_stored_text_alone(tmp_path: Path):
    """The configurator reads the inlined text, with no CSV beside it, into the same tables."""
    product_model = pytest.importorskip("dealkit.engine.configurator.product_model")
    for path in sorted((DEMO_DIR / "models").glob("*.yaml")):
        alone = tmp_path / path.name
        alone.write_text(inline_table_files(path.read_text(encoding="utf-8"), path))
        original = product_model.load_model(path).problem
        stored = product_model.load_model(alone).problem
        assert [r.tables for r in stored.rules] == [r.tables for r in original.rules]
        shutil.rmtree(tmp_path)
        tmp_path.mkdir()
