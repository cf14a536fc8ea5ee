"""Configurator fixtures: the Renault benchmark, prepared once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from dealkit.engine.configurator import Configurator, load_model
from dealkit.engine.configurator.problem import Problem

RENAULT = Path("/work/shared/benchmarks/renault/renault.json.gz")
DEMO_MODELS = Path(__file__).resolve().parents[2] / "dealkit" / "resources" / "demo" / "models"


@pytest.fixture(scope="session")
def renault_path() -> Path:
    if not RENAULT.is_file():
        pytest.skip(f"Renault benchmark not found at {RENAULT}")
    return RENAULT


@pytest.fixture(scope="session")
def renault_problem(renault_path: Path) -> Problem:
    return load_model(renault_path).problem


@pytest.fixture(scope="session")
def renault(renault_problem: Problem) -> Configurator:
    """Renault compiled once (a few seconds), shared by every test that reads it."""
    return Configurator.prepare(renault_problem)


@pytest.fixture
def write_model(tmp_path: Path):
    """Write YAML text to a model file in a temporary folder and return its path."""

    def write(text: str, name: str = "model.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
