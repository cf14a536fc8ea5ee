"""Reading the deal desk's data documents: price rules, approval policies, clause libraries.

The three are YAML written by people and share one error type, ``DocumentError``, whose message
names the file and line. The YAML itself is read by :mod:`dealkit.engine.yaml_source`; this module
only words its problems the way these documents always have.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dealkit.engine.yaml_source import YamlSourceError, parse_yaml, read_text


class DocumentError(ValueError):
    """A data document that cannot be read; the message names the file and line."""


def read_document_text(path: Path | str, what: str) -> str:
    """The text of the ``what`` file (e.g. "price rules") at ``path``."""
    try:
        return read_text(path)
    except YamlSourceError as error:
        raise DocumentError(f"cannot read the {what} {path}: {error.reason}") from None


def parse_document(text: str, source: str) -> Any:
    """Parse a document into LineDicts, LineLists and exact values (numbers never floats)."""
    try:
        return parse_yaml(text, source)
    except YamlSourceError as error:
        where = f"{source} line {error.line}" if error.line is not None else source
        if error.kind == "syntax":
            raise DocumentError(
                f"{where}: not valid YAML ({error.problem}): check the indentation and quotes"
            ) from None
        raise DocumentError(f"{where}: {error.problem}: {error.fix}") from None
