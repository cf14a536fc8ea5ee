"""Bad demo sources: every error names the file, the line when YAML knows it, and the fix."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from dealkit.engine.demo import DemoDataError
from dealkit.engine.demo.sources import DEMO_DIR, read_sources

ANCHOR = date(2026, 11, 27)


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    root = tmp_path / "demo"
    shutil.copytree(DEMO_DIR, root)
    return root


def _edit(path: Path, old: str, new: str) -> int:
    """Replace ``old`` once and return the (1-based) line where it was."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def test_the_shipped_sources_are_valid():
    sources = read_sources(ANCHOR)
    assert len(sources.products) >= 40 and len(sources.library) >= 60


def test_broken_yaml_names_file_and_line(demo_copy):
    line = _edit(
        demo_copy / "catalog.yaml",
        "  - {code: STO, name: Storage}",
        "  - {code: STO, name: Storage",
    )
    with pytest.raises(DemoDataError) as caught:
        read_sources(ANCHOR, demo_copy)
    error = caught.value
    assert error.path == demo_copy / "catalog.yaml"
    assert error.line is not None and abs(error.line - line) <= 1
    assert re.search(r"catalog\.yaml, line \d+: the YAML cannot be read", str(error))
    assert "Fix:" in str(error)


def test_a_missing_file_is_named(demo_copy):
    (demo_copy / "customers.yaml").unlink()
    with pytest.raises(DemoDataError, match=r"customers\.yaml: the demo source file is missing"):
        read_sources(ANCHOR, demo_copy)


def test_a_missing_field_names_the_product_and_line(demo_copy):
    line = _edit(demo_copy / "catalog.yaml", "    name: Spine 64 Switch\n", "")
    with pytest.raises(DemoDataError) as caught:
        read_sources(ANCHOR, demo_copy)
    message = str(caught.value)
    assert "product NET-SPINE-64: 'name' is missing" in message
    assert "add 'name:" in message
    assert caught.value.line == line - 1  # the mapping starts at "- sku: NET-SPINE-64"


def test_unknown_family_and_duplicate_sku(demo_copy):
    catalog = demo_copy / "catalog.yaml"
    line = _edit(
        catalog,
        "    family: ACC\n    kind: hardware\n    unit: each\n    description: Tool",
        "    family: ACX\n    kind: hardware\n    unit: each\n    description: Tool",
    )
    with pytest.raises(DemoDataError) as caught:
        read_sources(ANCHOR, demo_copy)
    assert "family 'ACX' is not declared" in str(caught.value)
    assert caught.value.line == line
    _edit(catalog, "family: ACX", "family: ACC")
    _edit(catalog, "  - sku: SRV-R5\n", "  - sku: SRV-R7\n")
    with pytest.raises(DemoDataError, match="the SKU is used twice"):
        read_sources(ANCHOR, demo_copy)


def test_a_float_price_is_refused_with_the_fix(demo_copy):
    line = _edit(
        demo_copy / "price-books.yaml",
        'SRV-R5: ["4900.00", "3190.00"]',
        'SRV-R5: [4900.5, "3190.00"]',
    )
    with pytest.raises(DemoDataError) as caught:
        read_sources(ANCHOR, demo_copy)
    assert "written as a float" in str(caught.value) and 'quote it: "4900.50"' in str(caught.value)
    assert caught.value.line == line


def test_a_missing_currency_price_is_reported(demo_copy):
    _edit(demo_copy / "price-books.yaml", '      SVC-DESIGN: ["343000.00", "205800.00"]\n', "")
    with pytest.raises(
        DemoDataError, match="price book thb-list-2026 has no THB list price for SVC-DESIGN"
    ):
        read_sources(ANCHOR, demo_copy)


def test_customer_owner_must_be_a_rep(demo_copy):
    line = _edit(
        demo_copy / "customers.yaml",
        "currency: USD, owner: priya, new_logo: true}",
        "currency: USD, owner: maria, new_logo: true}",
    )
    with pytest.raises(DemoDataError) as caught:
        read_sources(ANCHOR, demo_copy)
    assert "owner 'maria' is not a rep" in str(caught.value)
    assert caught.value.line == line


def test_library_front_matter_errors_name_the_item_file_and_line(demo_copy):
    item = demo_copy / "library" / "leaf-48-datasheet.md"
    line = _edit(item, "format: md", "format: pptx")
    with pytest.raises(DemoDataError) as caught:
        read_sources(ANCHOR, demo_copy)
    assert caught.value.path == item and caught.value.line == line
    assert "'format' is 'pptx'" in str(caught.value) and "['pdf', 'docx', 'md']" in str(
        caught.value
    )
    _edit(item, "format: pptx", "format: md")
    _edit(item, "products: [NET-LEAF-48,", "products: [NET-LEAF-99,")
    with pytest.raises(DemoDataError, match="product 'NET-LEAF-99' is not a SKU"):
        read_sources(ANCHOR, demo_copy)


def test_library_item_without_front_matter(demo_copy):
    (demo_copy / "library" / "zz-note.md").write_text("# Just a title\n", encoding="utf-8")
    with pytest.raises(DemoDataError, match=r"zz-note\.md, line 1: the file does not start"):
        read_sources(ANCHOR, demo_copy)


def test_relative_dates_follow_the_anchor():
    sources = read_sources(date(2030, 1, 1))
    item = next(i for i in sources.library if i.slug == "spine-64-datasheet")
    assert (date(2030, 1, 1) - item.published_on).days == 210
