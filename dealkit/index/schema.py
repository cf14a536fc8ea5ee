"""The fields of the library index, and how much each text field counts in a match.

Text fields store the Thai-segmented text (see ``thai``), so snippets can be cut from them.
Facet dimensions have two fields each: ``<facet>`` (lowercased, for filters typed in any case)
and ``<facet>_value`` (the value as written, a fast field, for counts per value). Dates are
integer day numbers (``date.toordinal()``) so "not expired as of D" is a range query, and
visibility is decided when searching, not when indexing: the index never goes stale because a
day passed.
"""

from __future__ import annotations

from datetime import date

import tantivy

from dealkit.index import analysis

SCHEMA_VERSION = 2

ID = "id"
TITLE = "title"
SUMMARY = "summary"
BODY = "body"
TAGS = "tags"  # products, competitors, industries and regions as searchable words
WORDS = "words"  # every word unstemmed, for prefix and typo-tolerant matching
THAI_GRAMS = "thai_grams"  # Thai text as overlapping letter pairs (see thai.letter_pairs)
STATUS = "status"
PUBLISHED_DAY = "published_day"
REVIEW_DAY = "review_day"

# Field boosts: a word in the title counts more than in the summary, which counts more than
# in the body. The values were chosen so that a title match beats a body-only match even when
# the body repeats the word several times (tests/index/test_library_search.py checks it).
TEXT_BOOSTS: dict[str, float] = {TITLE: 4.0, SUMMARY: 2.0, TAGS: 1.5, BODY: 1.0}

# Facet name -> the ContentItem attribute it comes from. "type" is accepted as an alias of "kind".
FACETS: dict[str, str] = {
    "kind": "kind",
    "product": "products",
    "competitor": "competitors",
    "industry": "industries",
    "region": "regions",
    "language": "language",
}
FACET_ALIASES = {"type": "kind", "lang": "language", "products": "product"}

NO_DATE = 0  # published_day of an item with no published date
NEVER = date.max.toordinal()  # review_day of an item with no review-by date


def value_field(facet: str) -> str:
    return f"{facet}_value"


def canonical_facet(name: str) -> str | None:
    """The facet called ``name`` (or an alias of it), or None when there is no such facet."""
    name = name.strip().lower()
    name = FACET_ALIASES.get(name, name)
    return name if name in FACETS else None


def version_tag() -> str:
    return f"schema-{SCHEMA_VERSION}+{analysis.version_tag()}"


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field(ID, stored=True, tokenizer_name="raw", index_option="basic")
    for name in (TITLE, SUMMARY, BODY):
        builder.add_text_field(name, stored=True, tokenizer_name=analysis.TEXT)
    builder.add_text_field(TAGS, stored=False, tokenizer_name=analysis.TEXT)
    builder.add_text_field(WORDS, stored=False, tokenizer_name=analysis.WORDS, index_option="basic")
    builder.add_text_field(THAI_GRAMS, stored=False, tokenizer_name="whitespace")
    builder.add_text_field(
        STATUS, stored=True, tokenizer_name=analysis.KEYWORD, index_option="basic"
    )
    for facet in FACETS:
        builder.add_text_field(
            facet, stored=True, tokenizer_name=analysis.KEYWORD, index_option="basic"
        )
        builder.add_text_field(
            value_field(facet), fast=True, tokenizer_name="raw", index_option="basic"
        )
    for name in (PUBLISHED_DAY, REVIEW_DAY):
        builder.add_integer_field(name, stored=True, indexed=True, fast=True)
    return builder.build()
