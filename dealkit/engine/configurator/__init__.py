"""Configurator: product models with rules, backtrack-free domains, explanations, completion.

Load a model with ``load_model(path)`` (YAML product model or table JSON), prepare it once with
``Configurator.prepare(model.problem)``, then ask ``domains``, ``explain`` and ``complete``.

The reasoning half (numpy, CUDD, the SAT solver: ~0.4 s of imports) loads on first use of
``Configurator``, ``complete`` and friends, so reading a model or listing a catalog does not pay
for it and neither does the window's start-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from dealkit.engine.configurator.errors import ChoiceError, Location, ModelError
from dealkit.engine.configurator.problem import Problem, Rule, Table, Value, Variable
from dealkit.engine.configurator.product_model import Alert, ProductModel, load_model

if TYPE_CHECKING:
    from dealkit.engine.configurator.configurator import (
        Change,
        Configurator,
        Domains,
        Explanation,
        complete,
        price_of,
    )

_REASONING = {"Change", "Configurator", "Domains", "Explanation", "complete", "price_of"}


def __getattr__(name: str) -> Any:
    if name in _REASONING:
        module = importlib.import_module("dealkit.engine.configurator.configurator")
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Alert",
    "Change",
    "ChoiceError",
    "Configurator",
    "Domains",
    "Explanation",
    "Location",
    "ModelError",
    "Problem",
    "ProductModel",
    "Rule",
    "Table",
    "Value",
    "Variable",
    "complete",
    "load_model",
    "price_of",
]
