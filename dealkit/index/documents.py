"""A library item (a ``ContentItem`` row) as an index document.

``to_document`` takes a ``ContentItem`` or any row with the attributes named in ``COLUMNS``:
a full build reads just those columns with one plain SELECT (see ``LibraryIndex._rows``),
which is cheaper than loading ORM objects (docs/search.md, Speed, has the figures).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import tantivy

from dealkit.engine.store.models import ContentItem
from dealkit.index import analysis, schema, thai

# The ContentItem columns an index document is made of (and ``deleted``, for catching up).
COLUMNS = (
    "id",
    "title",
    "summary",
    "body",
    "kind",
    "language",
    "status",
    "products",
    "competitors",
    "industries",
    "regions",
    "published_on",
    "review_by",
    "deleted",
)


def _enum_value(value: object) -> str:
    return str(getattr(value, "value", value) or "")


def _day(value: date | None, missing: int) -> int:
    return value.toordinal() if value is not None else missing


def facet_values(item: ContentItem | Any) -> dict[str, list[str]]:
    """The item's values per facet, as written, empty and duplicate values dropped."""
    values: dict[str, list[str]] = {}
    for facet, attribute in schema.FACETS.items():
        raw = getattr(item, attribute)
        items = raw if isinstance(raw, list | tuple) else [raw]
        cleaned = [_enum_value(v).strip() for v in items if v is not None]
        values[facet] = list(dict.fromkeys(v for v in cleaned if v))
    return values


def to_document(item: ContentItem | Any) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_text(schema.ID, item.id)
    title = analysis.prepare(item.title or "")
    summary = analysis.prepare(item.summary or "")
    body = analysis.prepare(item.body or "")
    doc.add_text(schema.TITLE, title)
    doc.add_text(schema.SUMMARY, summary)
    doc.add_text(schema.BODY, body)
    facets = facet_values(item)
    tags = [v for name in ("product", "competitor", "industry", "region") for v in facets[name]]
    tags_text = analysis.prepare(" . ".join(tags))
    doc.add_text(schema.TAGS, tags_text)
    doc.add_text(schema.WORDS, "\n".join((title, summary, body)))
    doc.add_text(schema.WORDS, tags_text)
    raw = " ".join((item.title or "", item.summary or "", item.body or ""))
    if thai.has_thai(raw):
        doc.add_text(schema.THAI_GRAMS, thai.letter_pairs(raw))
    doc.add_text(schema.STATUS, _enum_value(item.status) or "published")
    for facet, values in facets.items():
        for value in values:
            doc.add_text(facet, value)
            doc.add_text(schema.value_field(facet), value)
    doc.add_integer(schema.PUBLISHED_DAY, _day(item.published_on, schema.NO_DATE))
    doc.add_integer(schema.REVIEW_DAY, _day(item.review_by, schema.NEVER))
    return doc
