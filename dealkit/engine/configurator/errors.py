"""Errors a model author can cause: each names the file, the line (when known) and the fix."""

from __future__ import annotations

from dataclasses import dataclass

from dealkit.engine.yaml_source import YamlSourceError


@dataclass(frozen=True, slots=True)
class Location:
    """Where something was written: a file and a 1-based line (0 when the format has no lines)."""

    file: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


class ModelError(ValueError):
    """A product model that cannot be used; the message says where and how to fix it."""

    def __init__(self, where: Location | str, problem: str, fix: str = "") -> None:
        self.where = where
        self.problem = problem
        self.fix = fix
        text = f"{where}: {problem}"
        if fix:
            text += f"; fix: {fix}"
        super().__init__(text)


def model_error_from_yaml(error: YamlSourceError) -> ModelError:
    """The ModelError for a model file that is not readable YAML, at file:line."""
    if error.kind == "syntax":
        return ModelError(
            Location(error.source, error.line or 0),
            f"invalid YAML: {error.problem}",
            "check the indentation and quoting on that line",
        )
    if error.kind == "encoding":
        return ModelError(error.source, "not UTF-8 text", "save the file as UTF-8")
    return ModelError(Location(error.source, error.line or 0), error.problem, error.fix)


class ChoiceError(ValueError):
    """A user's choice names a variable or value the model does not have."""
