"""Turn a quote line's stored options into choices the model accepts, and say what was dropped.

``QuoteLine.options`` is JSON: a configuration saved there is ``{variable: value}`` with the
values as JSON wrote them (``"ram_gb": 64``, or ``"64"`` from a hand-written document). The model
may have changed since the line was saved (an option withdrawn, a variable renamed), so a choice
the model no longer has is dropped with a note for the rep rather than refusing to open: the
rep sees the rest of the configuration and what to choose again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from dealkit.engine.configurator import ChoiceError, Problem, Value


@dataclass(frozen=True)
class LineChoices:
    choices: dict[str, Value]
    dropped: list[str] = field(default_factory=list)  # "name = value" the model does not have


def choices_from_options(problem: Problem, options: Mapping[str, Any]) -> LineChoices:
    """The options the model knows, typed as its values; the others listed in ``dropped``."""
    choices: dict[str, Value] = {}
    dropped: list[str] = []
    for name, raw in options.items():
        if name not in problem.by_name or isinstance(raw, dict | list) or raw is None:
            dropped.append(f"{name} = {raw}")
            continue
        variable = problem.variables[problem.by_name[name]]
        if raw in variable.values and type(raw) is type(
            variable.values[variable.values.index(raw)]
        ):
            choices[name] = raw
            continue
        try:
            choices[name] = variable.parse(str(raw))
        except ChoiceError:
            dropped.append(f"{name} = {raw}")
    return LineChoices(choices, dropped)
