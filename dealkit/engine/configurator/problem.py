"""The finite-domain form every product model is reduced to before any reasoning.

Both input formats (the YAML product model and the table JSON of PLM/ERP exports) become a
``Problem``: variables with finite, ordered value lists, and table constraints (allowed rows)
grouped under named rules. Everything the engine answers -- domains, explanations, completions --
is computed on this one form, so the two formats cannot drift apart in meaning.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from dealkit.engine.configurator.errors import ChoiceError, Location

Value = str | int | bool


@dataclass(frozen=True, slots=True)
class Variable:
    """One decision: a name, its values in display order, and what the rep reads."""

    name: str
    values: tuple[Value, ...]
    label: str = ""
    value_labels: tuple[str, ...] = ()
    default: Value | None = None
    prices: tuple[Decimal, ...] = ()
    where: Location | None = None

    def index(self, value: Value) -> int:
        try:
            return self.values.index(value)
        except ValueError:
            shown = ", ".join(map(str, self.values[:12])) + (
                " ..." if len(self.values) > 12 else ""
            )
            raise ChoiceError(
                f"{self.name} has no value {value!r}: choose one of {shown}"
            ) from None

    def label_of(self, value: Value) -> str:
        if self.value_labels:
            return self.value_labels[self.values.index(value)]
        return str(value)

    def parse(self, text: str) -> Value:
        """Turn command-line text into one of this variable's values (``ram_gb=64`` → 64)."""
        for value in self.values:
            if str(value) == text or (
                isinstance(value, bool) and text.lower() == str(value).lower()
            ):
                return value
        return self.values[self.index(text)]  # raises ChoiceError naming the values


@dataclass(frozen=True, slots=True)
class Table:
    """Allowed rows over a scope; rows hold value indexes, one per scope variable."""

    scope: tuple[int, ...]
    rows: tuple[tuple[int, ...], ...]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule as its author wrote it: a name, a message for the rep, and its tables."""

    name: str
    message: str
    tables: tuple[Table, ...]
    where: Location | None = None
    kind: str = "constraint"


@dataclass(slots=True)
class Problem:
    """Variables and rules; ``variables[i]`` is referred to by index ``i`` in tables."""

    name: str
    variables: list[Variable]
    rules: list[Rule]
    source: str = ""
    currency: str = ""
    by_name: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_name = {variable.name: i for i, variable in enumerate(self.variables)}

    def var(self, name: str) -> int:
        try:
            return self.by_name[name]
        except KeyError:
            close = [n for n in self.by_name if n.lower().startswith(name.lower()[:3])][:5]
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise ChoiceError(f"unknown variable {name!r}{hint}") from None

    def choice_indexes(self, choices: Mapping[str, Value]) -> dict[int, int]:
        """Map ``{variable name: value}`` to ``{variable index: value index}``, naming bad input."""
        result: dict[int, int] = {}
        for name, value in choices.items():
            v = self.var(name)
            result[v] = self.variables[v].index(value)
        return result

    def parse_choices(self, pairs: Sequence[str]) -> dict[str, Value]:
        """Parse ``VAR=VALUE`` strings from the command line into typed choices."""
        choices: dict[str, Value] = {}
        for pair in pairs:
            name, sep, text = pair.partition("=")
            if not sep:
                example = self.variables[0] if self.variables else None
                hint = f"{example.name}={example.values[0]}" if example else "name=value"
                raise ChoiceError(f"{pair!r} is not VAR=VALUE: write for example {hint}")
            variable = self.variables[self.var(name.strip())]
            choices[variable.name] = variable.parse(text.strip())
        return choices

    def is_solution(self, assignment: Sequence[int]) -> bool:
        """True when a full assignment of value indexes satisfies every table (for oracles)."""
        for rule in self.rules:
            for table in rule.tables:
                if tuple(assignment[v] for v in table.scope) not in set(table.rows):
                    return False
        return True
