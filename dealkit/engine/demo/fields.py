"""Reading the demo's source files: YAML with errors that name the file, the line and the fix.

The YAML itself is read by :mod:`dealkit.engine.yaml_source` (mappings keep their lines, libyaml
when available); this module words its problems as ``DemoDataError`` and gives :class:`Fields`,
typed access to one mapping so that validation says "catalog.yaml, line 120: a product: 'name'
is missing" instead of a bare KeyError.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from dealkit.engine.demo.errors import DemoDataError
from dealkit.engine.yaml_source import LineDict, YamlSourceError, parse_yaml, read_text


def parse_yaml_text(text: str, path: Path, first_line: int = 1) -> Any:
    """Parse ``text`` (from ``path``, from its line ``first_line`` on) or raise DemoDataError."""
    try:
        return parse_yaml(text, str(path), first_line=first_line)
    except YamlSourceError as error:
        raise _demo_error(error, path) from None


def read_yaml(path: Path) -> Any:
    """Read and parse a YAML demo file; a missing file is named with how to get it back."""
    try:
        return parse_yaml(read_text(path), str(path))
    except YamlSourceError as error:
        raise _demo_error(error, path) from None


def _demo_error(error: YamlSourceError, path: Path) -> DemoDataError:
    if error.kind == "missing":
        return DemoDataError(
            path,
            "the demo source file is missing",
            "restore it from the Dealkit repository (git checkout -- <file>) or reinstall Dealkit",
        )
    if error.kind == "encoding":
        return DemoDataError(
            path, f"the file is not UTF-8 text ({error.reason})", "save it as UTF-8"
        )
    if error.kind == "syntax":
        return DemoDataError(
            path,
            f"the YAML cannot be read ({error.problem})",
            "check the indentation and quoting around that line; values containing ': ' or "
            "starting with '[', '{' or '*' must be quoted",
            error.line,
        )
    return DemoDataError(path, error.problem, error.fix, error.line)


class Fields:
    """Typed access to one mapping of a source file; every failure names file, line, field."""

    def __init__(self, node: Any, path: Path, what: str, parent_line: int = 0):
        if not isinstance(node, dict):
            raise DemoDataError(
                path,
                f"{what} must be a mapping of 'field: value' lines",
                "indent its fields under it as 'name: value'",
                getattr(node, "line", None) or parent_line or None,
            )
        self.node = node
        self.path = path
        self.what = what

    def line(self, key: str | None = None) -> int | None:
        if isinstance(self.node, LineDict):
            return self.node.line_of(key) if key else self.node.line
        return None

    def fail(self, key: str | None, problem: str, fix: str) -> DemoDataError:
        return DemoDataError(self.path, f"{self.what}: {problem}", fix, self.line(key))

    def has(self, key: str) -> bool:
        return self.node.get(key) is not None

    def raw(self, key: str, example: str) -> Any:
        if self.node.get(key) is None:
            raise self.fail(key, f"'{key}' is missing", f"add '{key}: {example}'")
        return self.node[key]

    def text(self, key: str, example: str, default: str | None = None) -> str:
        if default is not None and not self.has(key):
            return default
        value = self.raw(key, example)
        if not isinstance(value, str | int) or isinstance(value, bool) or str(value).strip() == "":
            raise self.fail(key, f"'{key}' must be text", f"write it like '{key}: {example}'")
        return str(value).strip()

    def choice(self, key: str, choices: list[str], default: str | None = None) -> str:
        value = self.text(key, choices[0], default)
        if value not in choices:
            raise self.fail(
                key, f"'{key}' is {value!r}, which is not allowed", f"use one of {choices}"
            )
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        value = self.node.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, f"'{key}' must be true or false", f"write '{key}: true'")
        return value

    def integer(self, key: str, example: str, default: int | None = None) -> int | None:
        value = self.node.get(key, default)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(key, f"'{key}' must be a whole number", f"write '{key}: {example}'")
        return value

    def text_list(self, key: str, example: str) -> list[str]:
        value = self.node.get(key, [])
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, f"'{key}' must be a list of text", f"write '{key}: [{example}]'")
        return [v.strip() for v in value]

    def day(self, key: str, default: date | None = None) -> date | None:
        value = self.node.get(key)
        if value is None:
            return default
        if isinstance(value, date):
            return value
        raise self.fail(key, f"'{key}' is {value!r}, not a date", f"write '{key}: 2026-01-01'")


def decimal_text(value: Any, fields: Fields, key: str, what: str) -> Decimal:
    """An exact amount from YAML: a quoted string or an int.

    An unquoted number with a point (``4900.5``, a YAML float, read as a Decimal) is refused: the
    demo's price books write every amount as quoted text with its cents, so a bare one is a typo.
    """
    if isinstance(value, Decimal | float):
        raise fields.fail(key, f"{what} {value} is written as a float", f'quote it: "{value:.2f}"')
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise fields.fail(
            key, f"{what} {value!r} is not an amount", 'write it like "1250.00"'
        ) from None
    if not amount.is_finite() or amount < 0:
        raise fields.fail(
            key, f"{what} {value!r} is not a positive amount", 'write it like "1250.00"'
        )
    return amount
