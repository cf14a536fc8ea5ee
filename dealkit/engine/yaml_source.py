"""Read YAML written by people into plain Python that remembers where each thing was written.

Product models, price rules, approval policies, clause libraries, commission plans and the demo's
source files are all YAML typed by hand. When one is wrong, the message must say "file, line N:
what is wrong, and the fix", so the reading keeps line numbers that PyYAML's loaders forget:

- a mapping loads as :class:`LineDict` (a ``dict``) with ``.line`` and ``.key_lines``/``line_of``;
- a sequence loads as :class:`LineList` (a ``list``) with ``.line`` and ``.item_lines``;
- a number with a fraction (``19.99``, ``2.4``) loads as ``Decimal``, never a binary float, so a
  price or a capacity keeps the exact value its author wrote;
- a key given twice in one mapping is an error (PyYAML silently keeps the last one);
- keys are the text as written (``64:`` is the key ``"64"``); a list or mapping as key is an error;
- numbers whose YAML 1.1 meaning surprises people (``017`` is octal 15, ``1:30`` is 90) and
  date-times without a time zone are errors with the fix, instead of silently wrong values.

Every problem raises one :class:`YamlSourceError` (source, line, problem, fix); each area turns it
into its own error type so its messages stay its own. libyaml's parser (``CSafeLoader``) is used
when PyYAML was built with it, about six times faster than PyYAML's own (the demo reads all its
source files whenever a workspace is filled); both give the same values and lines.
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

ErrorKind = Literal["missing", "unreadable", "encoding", "syntax", "content"]

_MERGE_TAG = "tag:yaml.org,2002:merge"
_OCTAL_OR_SEXAGESIMAL = re.compile(r"[-+]?(0[0-7_]+|[0-9][0-9_]*(:[0-5]?[0-9])+)")


class YamlSourceError(ValueError):
    """A YAML source that cannot be read, at ``source`` line ``line`` (1-based, None if unknown).

    ``kind`` tells the areas apart what went wrong so each can keep its own wording:
    ``missing``/``unreadable`` (the file), ``encoding`` (not UTF-8), ``syntax`` (the YAML itself;
    ``problem`` is the parser's words) or ``content`` (a duplicate key, a surprising number...).
    ``reason`` is the bare cause (the system's or the parser's words) for areas that word their
    own sentence around it.
    """

    def __init__(
        self,
        source: str,
        line: int | None,
        problem: str,
        fix: str,
        kind: ErrorKind = "content",
        reason: str = "",
    ) -> None:
        self.source = source
        self.line = line
        self.problem = problem
        self.fix = fix
        self.kind: ErrorKind = kind
        self.reason = reason or problem
        where = f"{source}, line {line}" if line else source
        super().__init__(f"{where}: {problem}. Fix: {fix}")


class LineDict(dict[str, Any]):
    """A YAML mapping with the 1-based line it starts on (``line``) and each key's (``key_lines``).

    Built empty (``LineDict()``) it is a mapping from nowhere: line 0 and no key lines.
    """

    line: int
    key_lines: dict[str, int]

    def __init__(self, *args: Any, line: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.line = line
        self.key_lines = {}

    def line_of(self, key: str) -> int:
        """The line of ``key``, or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    """A YAML sequence with the 1-based line it starts on and the line of each item."""

    line: int
    item_lines: list[int]

    def __init__(self, items: Any = (), line: int = 0, item_lines: list[int] | None = None) -> None:
        super().__init__(items)
        self.line = line
        self.item_lines = list(item_lines) if item_lines is not None else []

    def line_at(self, index: int) -> int:
        """The line of item ``index``, or of the sequence itself when it has no such item."""
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line


class _LineConstruction:
    """What the constructors below need of a loader: the source's name and its first line.

    (Names chosen not to clash with PyYAML's pure-Python Reader, which keeps ``self.line``.)
    """

    source: str = "<yaml>"
    first_line: int = 1

    def node_line(self, node: yaml.Node) -> int:
        return int(node.start_mark.line) + self.first_line

    def fail(self, node: yaml.Node, problem: str, fix: str) -> YamlSourceError:
        return YamlSourceError(self.source, self.node_line(node), problem, fix)


_FASTEST_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_LineConstruction, _FASTEST_SAFE_LOADER):  # type: ignore[misc]
    """The loader used: libyaml's parser when PyYAML has it, several times faster."""


class _PurePythonLineLoader(_LineConstruction, yaml.SafeLoader):  # type: ignore[misc]
    """The same loader over PyYAML's own parser, for a PyYAML built without libyaml."""


def _mapping(loader: Any, node: MappingNode) -> LineDict:
    written: dict[str, yaml.Node] = {}
    for key_node, _ in node.value:
        if key_node.tag == _MERGE_TAG:
            continue  # '<<: *defaults' merges keys that the mapping may then override
        key = _key_text(loader, key_node)
        if key in written:
            first = loader.node_line(written[key])
            raise loader.fail(
                key_node,
                f"{key!r} appears twice in the same mapping",
                f"remove or rename one of them (the first is on line {first})",
            )
        written[key] = key_node
    loader.flatten_mapping(node)
    result = LineDict(line=loader.node_line(node))
    for key_node, value_node in node.value:
        key = _key_text(loader, key_node)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = loader.node_line(key_node)
    return result


def _key_text(loader: Any, key_node: yaml.Node) -> str:
    if not isinstance(key_node, ScalarNode):
        raise loader.fail(
            key_node, "a mapping key must be plain text", "write the key as a word, e.g. chassis"
        )
    return str(key_node.value)


def _sequence(loader: Any, node: SequenceNode) -> LineList:
    return LineList(
        (loader.construct_object(child, deep=True) for child in node.value),
        line=loader.node_line(node),
        item_lines=[loader.node_line(child) for child in node.value],
    )


def _decimal(loader: Any, node: ScalarNode) -> Decimal:
    text = str(loader.construct_scalar(node)).replace("_", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        raise loader.fail(node, f"{text!r} is not a number", "write digits such as 2.4")
    return value


def _integer(loader: Any, node: ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if _OCTAL_OR_SEXAGESIMAL.fullmatch(text):
        raise loader.fail(
            node,
            f"{text!r} would be read as a base-8 or base-60 number",
            f"write the number without a leading zero or ':', or quote it as text: '{text}'",
        )
    return int(loader.construct_yaml_int(node))


def _timestamp(loader: Any, node: ScalarNode) -> Any:
    try:
        value = loader.construct_yaml_timestamp(node)
    except ValueError:  # shaped like a date, but no such day: 2026-13-01, 2026-02-30
        raise loader.fail(
            node,
            f"{node.value!r} is not a date",
            "write a real day as YYYY-MM-DD, e.g. 2026-01-01, or quote it as text",
        ) from None
    if isinstance(value, datetime) and value.tzinfo is None:
        raise loader.fail(
            node,
            f"the date-time {node.value!r} has no time zone",
            "add the offset, e.g. 2026-01-01T09:00:00+07:00, or write the date alone",
        )
    return value


for _loader_class in (_LineLoader, _PurePythonLineLoader):
    _loader_class.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
    _loader_class.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)
    _loader_class.add_constructor("tag:yaml.org,2002:float", _decimal)
    _loader_class.add_constructor("tag:yaml.org,2002:int", _integer)
    _loader_class.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def parse_yaml(text: str, source: str, *, first_line: int = 1) -> Any:
    """Parse one YAML document from ``text`` into LineDict/LineList/plain values (None if empty).

    ``source`` names the text in errors (a file name); ``first_line`` is the file line the text
    starts on, for YAML cut out of a larger file such as a Markdown front matter block.
    """
    return _parse(_LineLoader, text, source, first_line)


def _parse(loader_class: type[_LineConstruction], text: str, source: str, first_line: int) -> Any:
    loader: Any = loader_class(text)  # type: ignore[call-arg]
    loader.source = source
    loader.first_line = first_line
    try:
        return loader.get_single_data()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or getattr(error, "context", None)
        raise YamlSourceError(
            source,
            mark.line + first_line if mark is not None else None,
            str(problem or error).strip(),
            "check the indentation and quoting on that line; a value containing ': ' or "
            "starting with '[', '{', '*' or '&' must be quoted",
            "syntax",
        ) from None
    finally:
        loader.dispose()


def read_text(path: Path | str) -> str:
    """The UTF-8 text of a source file; a missing, unreadable or non-UTF-8 file is an error."""
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise YamlSourceError(
            str(path),
            None,
            f"not UTF-8 text ({error.reason})",
            "save it as UTF-8",
            "encoding",
            reason=error.reason,
        ) from None
    except OSError as error:
        missing = isinstance(error, FileNotFoundError)
        raise YamlSourceError(
            str(path),
            None,
            f"cannot read the file ({error.strerror})",
            "check the path" if missing else "check the path and its permissions",
            "missing" if missing else "unreadable",
            reason=str(error.strerror),
        ) from None


def read_yaml(path: Path | str) -> Any:
    """Read and parse a YAML file; errors name the file as ``str(path)``."""
    return parse_yaml(read_text(path), str(path))
