"""Make a product model's text self-contained before it is stored in ``Product.model_source``.

A model file may keep a compatibility table in a separate CSV or JSON file exported from a PLM or
ERP system (``table: {scope: [...], file: combos.csv}``). The store keeps only the model's text,
which travels by sync without the folder it came from, so the loader replaces each ``file:``
line with the equivalent inline ``allowed:`` rows (in scope order). Everything else in the text,
comments included, is kept as written.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

from dealkit.engine.demo.errors import DemoDataError
from dealkit.engine.yaml_source import YamlSourceError, parse_yaml

_FILE_LINE = re.compile(r"^(?P<indent>\s*)file:\s*(?P<name>[^\s#]+)\s*(#.*)?$")


def _tables(node: Any) -> list[dict[str, Any]]:
    """Every mapping with ``scope`` and ``file`` keys, anywhere in the document."""
    found = []
    if isinstance(node, dict):
        if "file" in node and "scope" in node:
            found.append(node)
        for value in node.values():
            found.extend(_tables(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_tables(value))
    return found


def _rows(path: Path, scope: list[str], model: Path) -> list[list[Any]]:
    if not path.is_file():
        raise DemoDataError(
            model,
            f"the table file {path.name} it names is missing",
            f"put {path.name} next to the model in {path.parent}",
        )
    if path.suffix.lower() == ".csv":
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            header = [h.strip() for h in next(reader, [])]
            records = [
                dict(zip(header, (c.strip() for c in row), strict=False)) for row in reader if row
            ]
    else:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data and isinstance(data[0], list):
            return [list(row) for row in data]
        records, header = data, list(data[0]) if data else scope
    missing = [name for name in scope if name not in header]
    if missing:
        raise DemoDataError(
            path,
            f"the table has no column for {', '.join(missing)}",
            f"give it a header row naming {', '.join(scope)}",
        )
    return [[record[name] for name in scope] for record in records]


def inline_table_files(text: str, model_path: Path) -> str:
    """``text`` with each table ``file:`` replaced by its rows as ``allowed:``."""
    try:
        document = parse_yaml(text, str(model_path))
    except YamlSourceError:
        return text  # the configurator reports a broken model with its own line numbers
    tables = {str(t["file"]): [str(s) for s in t["scope"]] for t in _tables(document)}
    if not tables:
        return text
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        match = _FILE_LINE.match(line.rstrip("\n"))
        if not match or match.group("name") not in tables:
            continue
        name = match.group("name")
        rows = _rows(model_path.parent / name, tables[name], model_path)
        flow = ", ".join(json.dumps(row, ensure_ascii=False) for row in rows)
        lines[index] = f"{match.group('indent')}allowed: [{flow}]  # rows of {name}\n"
    return "".join(lines)
