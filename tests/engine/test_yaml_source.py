"""The shared YAML reader: lines kept, numbers exact, surprises refused with file:line and fix."""

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from dealkit.engine import yaml_source
from dealkit.engine.yaml_source import LineDict, LineList, YamlSourceError, parse_yaml, read_yaml

DOC = """\
code: field-sales
rates:
  base: 0.15
  spine: 20%
items:
  - sku: SRV-R7
    price: 19.99
  - {sku: NET-SPINE-64, quantity: 2}
  - plain
"""


def error_for(text: str, **kwargs) -> YamlSourceError:
    with pytest.raises(YamlSourceError) as info:
        parse_yaml(text, "doc.yaml", **kwargs)
    return info.value


def test_mappings_and_sequences_know_their_lines():
    doc = parse_yaml(DOC, "doc.yaml")
    assert isinstance(doc, LineDict) and doc.line == 1
    assert [doc.line_of(k) for k in ("code", "rates", "items")] == [1, 2, 5]
    assert doc["rates"].line == 3 and doc["rates"].line_of("spine") == 4
    items = doc["items"]
    assert isinstance(items, LineList) and items.line == 6
    assert items.item_lines == [6, 8, 9]
    assert items[0].line_of("price") == 7 and items[1].line == 8
    assert doc.line_of("absent") == 1 and items.line_at(7) == 6


def test_numbers_with_a_fraction_are_exact_decimals():
    doc = parse_yaml(DOC, "doc.yaml")
    assert doc["rates"]["base"] == Decimal("0.15") and isinstance(doc["rates"]["base"], Decimal)
    assert str(doc["items"][0]["price"]) == "19.99"
    assert doc["items"][1]["quantity"] == 2 and type(doc["items"][1]["quantity"]) is int
    assert doc["rates"]["spine"] == "20%"
    three = parse_yaml("[0.1, 0.1, 0.1]", "t")
    assert sum(three) == Decimal("0.3")  # 0.30000000000000004 as floats


@given(st.decimals(allow_nan=False, allow_infinity=False, places=4))
def test_any_written_decimal_reads_back_exactly(value):
    text = f"{value:f}"
    if "." not in text:
        text += ".0"
    assert parse_yaml(f"x: {text}", "t")["x"] == Decimal(text)


def test_keys_are_the_text_as_written():
    doc = parse_yaml("64: a\n1.50: b\ntrue: c\n2026-01-01: d\n", "t")
    assert list(doc) == ["64", "1.50", "true", "2026-01-01"]


def test_a_key_given_twice_is_refused_with_both_lines():
    error = error_for("a: 1\nb:\n  c: 1\n  c: 2\n")
    assert (error.source, error.line, error.kind) == ("doc.yaml", 4, "content")
    assert error.problem == "'c' appears twice in the same mapping"
    assert "the first is on line 3" in error.fix
    assert str(error).startswith("doc.yaml, line 4: 'c' appears twice")


def test_merge_keys_may_be_overridden():
    doc = parse_yaml("base: &b {a: 1, b: 2}\nthis:\n  <<: *b\n  b: 3\n", "t")
    assert doc["this"] == {"a": 1, "b": 3}
    assert doc["this"].line_of("b") == 4


def test_a_list_as_key_is_refused():
    error = error_for("? [a, b]\n: 1\n")
    assert error.line == 1 and "plain text" in error.problem


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("zip: 017\n", "base-8 or base-60"),
        ("time: 1:30\n", "base-8 or base-60"),
        ("x: .inf\n", "'.inf' is not a number"),
        ("x: .nan\n", "'.nan' is not a number"),
        ("at: 2026-01-01T10:00:00\n", "has no time zone"),
        ("on: 2026-13-01\n", "'2026-13-01' is not a date"),
        ("on: 2026-02-30\n", "'2026-02-30' is not a date"),
    ],
)
def test_surprising_values_are_refused_with_a_fix(text, problem):
    error = error_for(text)
    assert error.line == 1 and problem in error.problem and error.fix


def test_plain_integers_dates_and_aware_datetimes_are_kept():
    doc = parse_yaml(
        "n: 1_000\nz: 0\nhex: 0x1F\nd: 2026-11-27\nat: 2026-11-27T09:00:00+07:00\n", "t"
    )
    assert (doc["n"], doc["z"], doc["hex"]) == (1000, 0, 31)
    assert doc["d"] == date(2026, 11, 27)
    bangkok = timezone(timedelta(hours=7))
    assert doc["at"] == datetime(2026, 11, 27, 9, tzinfo=bangkok)


def test_syntax_errors_name_the_line():
    error = error_for("a: 1\nb: [unclosed\nc: 3\n")
    assert error.kind == "syntax" and error.line is not None and error.line >= 2
    assert "quoting" in error.fix


def test_first_line_shifts_every_line_for_text_cut_from_a_file():
    doc = parse_yaml("title: T\nowner: maria\n", "item.md", first_line=2)
    assert doc.line == 2 and doc.line_of("owner") == 3
    assert error_for("a: 1\na: 2\n", first_line=2).line == 3
    assert error_for("a: [x\n", first_line=10).line >= 10


def test_empty_text_is_none():
    assert parse_yaml("", "t") is None and parse_yaml("# only a comment\n", "t") is None


def test_built_empty_containers_behave():
    empty = LineDict()
    assert empty.line == 0 and empty.line_of("x") == 0 and empty.key_lines == {}
    assert LineList().line_at(0) == 0


def test_files_missing_unreadable_or_not_utf8(tmp_path: Path):
    with pytest.raises(YamlSourceError) as info:
        read_yaml(tmp_path / "missing.yaml")
    assert info.value.kind == "missing" and "missing.yaml" in str(info.value)
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("name: caf\xe9\n".encode("latin-1"))
    with pytest.raises(YamlSourceError) as info:
        read_yaml(latin)
    assert info.value.kind == "encoding" and info.value.fix == "save it as UTF-8"
    with pytest.raises(YamlSourceError) as info:
        read_yaml(tmp_path)  # a folder
    assert info.value.kind in ("unreadable", "missing")
    good = tmp_path / "good.yaml"
    good.write_text("name: นก ศรีสุข\nprice: 1.10\n", encoding="utf-8")
    assert read_yaml(good) == {"name": "นก ศรีสุข", "price": Decimal("1.10")}


def test_libyaml_is_used_when_available():
    fastest = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    assert issubclass(yaml_source._LineLoader, fastest)


def _lines_of(value):
    """Every line a parsed value knows, so that two parsers can be compared."""
    if isinstance(value, LineDict):
        return [value.line, value.key_lines, {k: _lines_of(v) for k, v in value.items()}]
    if isinstance(value, LineList):
        return [value.line, value.item_lines, [_lines_of(v) for v in value]]
    return None


def _pure(text: str, source: str = "doc.yaml", first_line: int = 1):
    return yaml_source._parse(yaml_source._PurePythonLineLoader, text, source, first_line)


@pytest.mark.parametrize(
    "path",
    sorted((Path(yaml_source.__file__).parents[1] / "resources" / "demo").rglob("*.yaml")),
    ids=lambda p: p.name,
)
def test_pure_python_parser_reads_the_demo_files_the_same(path: Path):
    """Without libyaml, PyYAML's own parser must give the same values and the same lines."""
    text = path.read_text(encoding="utf-8")
    fast, pure = parse_yaml(text, str(path)), _pure(text, str(path))
    assert fast == pure and _lines_of(fast) == _lines_of(pure)


@pytest.mark.parametrize("text", ["a: 1\na: 2\n", "zip: 017\n", "x: .inf\n", "a: [x\n"])
def test_pure_python_parser_reports_the_same_problems(text):
    with pytest.raises(YamlSourceError) as pure:
        _pure(text, first_line=5)
    fast = error_for(text, first_line=5)
    assert (pure.value.kind, pure.value.line) == (fast.kind, fast.line)
    if fast.kind != "syntax":  # a syntax problem is worded by each parser
        assert pure.value.problem == fast.problem
