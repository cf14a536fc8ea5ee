"""Library sources: Markdown files with a YAML front matter block, one per library item.

A source looks like::

    ---
    title: Spine 64 Switch datasheet
    kind: collateral
    language: en
    format: pdf
    summary: ...
    products: [NET-SPINE-64]
    published_on: -120d        # 120 days before the demo anchor (or a date: 2026-03-02)
    review_by: +245d
    ---
    # Markdown body ...

Relative dates keep the library fresh whatever day the demo is generated on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from dealkit.engine.demo.errors import DemoDataError
from dealkit.engine.demo.fields import Fields, parse_yaml_text
from dealkit.engine.store.models import ContentKind

FORMATS = ["pdf", "docx", "md"]
LANGUAGES = ["en", "th"]
_OFFSET = re.compile(r"^([+-])(\d+)d$")


@dataclass(frozen=True)
class LibrarySource:
    path: Path
    slug: str  # file stem, used for the produced file's name
    title: str
    kind: ContentKind
    language: str
    summary: str
    products: tuple[str, ...]
    competitors: tuple[str, ...]
    industries: tuple[str, ...]
    regions: tuple[str, ...]
    published_on: date
    review_by: date | None
    file_format: str
    owner: str
    body_markdown: str


def _relative_day(f: Fields, key: str, anchor: date, required: bool) -> date | None:
    value = f.node.get(key)
    if value is None:
        if required:
            raise f.fail(
                key, f"'{key}' is missing", f"add '{key}: -30d' (30 days before the anchor)"
            )
        return None
    if isinstance(value, date):
        return value
    match = _OFFSET.match(str(value).strip())
    if not match:
        raise f.fail(
            key,
            f"'{key}' is {value!r}",
            "write a date (2026-03-02) or days from the anchor (-30d, +180d)",
        )
    days = int(match.group(2))
    return anchor + timedelta(days=days if match.group(1) == "+" else -days)


def split_front_matter(text: str, path: Path) -> tuple[str, str, int]:
    """(front matter YAML, body, line where the body starts)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise DemoDataError(
            path,
            "the file does not start with a '---' front matter block",
            "begin the file with '---', the item's fields, then '---'",
            1,
        )
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    raise DemoDataError(
        path,
        "the front matter block is not closed",
        "add a line with '---' after the item's fields",
        1,
    )


def parse_library_item(
    path: Path, anchor: date, users: set[str], skus: set[str], families: set[str]
) -> LibrarySource:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DemoDataError(
            path, "the library source is missing", "restore it from the Dealkit repository"
        ) from None
    front, body, _ = split_front_matter(text, path)
    # The front matter starts on the file's line 2, after the opening '---'.
    meta = parse_yaml_text(front, path, first_line=2)
    f = Fields(meta if meta is not None else {}, path, "the item")
    products = f.text_list("products", "SRV-R7")
    for product in products:
        if product not in skus and product not in families:
            raise f.fail(
                "products",
                f"product {product!r} is not a SKU or family code",
                "use SKUs from catalog.yaml (e.g. SRV-R7) or family codes (e.g. NET)",
            )
    owner = f.text("owner", "maria", default="maria")
    if owner not in users:
        raise f.fail("owner", f"owner {owner!r} is not in team.yaml", f"use one of {sorted(users)}")
    published_on = _relative_day(f, "published_on", anchor, required=True)
    assert published_on is not None
    if not body.strip():
        raise DemoDataError(
            path,
            "the item has no body text",
            "write the content in Markdown after the closing '---'",
        )
    return LibrarySource(
        path=path,
        slug=path.stem,
        title=f.text("title", "Spine 64 Switch datasheet"),
        kind=ContentKind(f.choice("kind", [k.value for k in ContentKind])),
        language=f.choice("language", LANGUAGES),
        summary=" ".join(f.text("summary", "one or two sentences").split()),
        products=tuple(products),
        competitors=tuple(f.text_list("competitors", "Contoso Compute")),
        industries=tuple(f.text_list("industries", "healthcare")),
        regions=tuple(f.text_list("regions", "apac")),
        published_on=published_on,
        review_by=_relative_day(f, "review_by", anchor, required=False),
        file_format=f.choice("format", FORMATS),
        owner=owner,
        body_markdown=body.strip() + "\n",
    )
