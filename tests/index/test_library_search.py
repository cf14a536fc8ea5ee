"""Searching the library: a real Tantivy index over real ContentItem rows."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from dealkit.index.library import LibraryIndex, UnknownFacetError
from tests.helpers.library import LIBRARY_AS_OF, LibraryItems


def names(index: LibraryIndex, items: LibraryItems, text: str, **options: object) -> list[str]:
    options.setdefault("as_of", LIBRARY_AS_OF)
    return [items.name_of(hit.item_id) for hit in index.search(text, **options)]


class _Highlights(HTMLParser):
    """Collects the text inside <b> and checks that no other tag is present."""

    def __init__(self) -> None:
        super().__init__()
        self.bold: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        assert tag == "b", f"unexpected tag <{tag}> in a snippet"
        self.depth += 1
        self.bold.append("")

    def handle_endtag(self, tag: str) -> None:
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.bold[-1] += data


def highlighted(snippet_html: str) -> list[str]:
    parser = _Highlights()
    parser.feed(snippet_html)
    return parser.bold


@pytest.fixture
def library_index(shared_library: tuple[LibraryIndex, LibraryItems]) -> LibraryIndex:
    """Searches only: one index per module (the writing tests are in test_library_build.py)."""
    return shared_library[0]


@pytest.fixture
def library_items(shared_library: tuple[LibraryIndex, LibraryItems]) -> LibraryItems:
    return shared_library[1]


# English analysis -----------------------------------------------------------------------------


def test_stemming_pricing_finds_price(library_index: LibraryIndex, library_items) -> None:
    found = names(library_index, library_items, "pricing")
    assert found[0] == "spine_battlecard"  # "pricing" in the summary, "price(s)" in the body


def test_stop_words_alone_list_items_instead_of_failing(library_index, library_items) -> None:
    assert len(names(library_index, library_items, "the of and")) > 0


# Thai -----------------------------------------------------------------------------------------


def test_thai_word_inside_an_unspaced_sentence(library_index, library_items) -> None:
    # The body says ...ต้องการเซิร์ฟเวอร์แร็คที่รองรับ... without any space.
    assert "thai_training" in names(library_index, library_items, "เซิร์ฟเวอร์")
    assert names(library_index, library_items, "หน่วยความจำ") == ["thai_training"]


def test_unspaced_thai_query_is_segmented_like_the_text(library_index, library_items) -> None:
    assert names(library_index, library_items, "ต้นทุนรวมสามปี") == ["thai_battlecard"]


def test_thai_snippet_reads_like_the_original(library_index: LibraryIndex) -> None:
    hit = library_index.search("หน่วยความจำ", as_of=LIBRARY_AS_OF)[0]
    assert "\u200b" not in hit.snippet_html and "\u200b" not in hit.title
    assert highlighted(hit.snippet_html) == ["หน่วยความจำ"]
    assert hit.title == "การฝึกอบรมการขายเซิร์ฟเวอร์ R7"


def test_mixed_language_document(library_index, library_items) -> None:
    assert names(library_index, library_items, "จัดซื้อจัดจ้าง") == ["mixed_note"]
    assert names(library_index, library_items, "ministries proposal") == ["mixed_note"]
    assert names(library_index, library_items, "ministries ภาครัฐ") == ["mixed_note"]


# facets and languages -------------------------------------------------------------------------


def test_facet_filters(library_index, library_items) -> None:
    assert set(names(library_index, library_items, "spine", facets={"kind": "battlecard"})) == {
        "spine_battlecard",
        "thai_battlecard",
    }
    found = names(library_index, library_items, "", facets={"competitor": "contoso fabric"})
    assert set(found) == {"spine_battlecard", "thai_battlecard"}
    found = names(library_index, library_items, "", facets={"product": ["SRV-R7", "net-spine-64"]})
    assert set(found) == {"r7_datasheet", "thai_training", "spine_battlecard", "thai_battlecard"}
    found = names(
        library_index, library_items, "", facets={"region": "apac", "industry": "manufacturing"}
    )
    assert found == ["thai_training"]


def test_language_filter_and_type_alias(library_index, library_items) -> None:
    assert names(library_index, library_items, "spine", language="th") == ["thai_battlecard"]
    found = names(library_index, library_items, "", facets={"type": "policy"})
    assert set(found) == {"guardrail_title", "guardrail_body"}


def test_facets_typed_in_the_query(library_index, library_items) -> None:
    assert names(library_index, library_items, "kind:battlecard lang:th") == ["thai_battlecard"]
    found = names(library_index, library_items, 'competitor:"Contoso Fabric" price')
    assert set(found) == {"spine_battlecard"}


def test_unknown_facet_names_the_facets_that_exist(library_index: LibraryIndex) -> None:
    with pytest.raises(UnknownFacetError, match="kind, product, competitor"):
        library_index.search("spine", facets={"colour": "red"})


def test_facet_counts(library_index: LibraryIndex) -> None:
    counts = library_index.facet_counts(as_of=LIBRARY_AS_OF)
    assert counts["kind"] == {
        "battlecard": 2,
        "collateral": 1,
        "policy": 2,
        "training": 1,
        "market_note": 1,
    }
    assert counts["language"] == {"en": 5, "th": 2}
    assert counts["product"]["NET-SPINE-64"] == 2
    assert library_index.facet_counts("spine", as_of=LIBRARY_AS_OF)["language"] == {
        "en": 1,
        "th": 1,
    }


# ranking --------------------------------------------------------------------------------------


def test_title_match_outranks_repeated_body_matches(library_index, library_items) -> None:
    assert names(library_index, library_items, "guardrail") == ["guardrail_title", "guardrail_body"]


def test_all_words_must_match_then_any_word(library_index, library_items) -> None:
    assert names(library_index, library_items, "spine telemetry") == ["spine_battlecard"]
    # No item has both words: the items with either come back rather than nothing.
    relaxed = names(library_index, library_items, "telemetry hot-swap")
    assert set(relaxed) == {"spine_battlecard", "r7_datasheet"}


def test_phrase_or_and_exclusion(library_index, library_items) -> None:
    assert names(library_index, library_items, '"three-year cost"') == ["spine_battlecard"]
    assert names(library_index, library_items, '"cost three-year"') == []
    assert set(names(library_index, library_items, "telemetry OR warranty")) == {
        "spine_battlecard",
        "r7_datasheet",
    }
    assert names(library_index, library_items, "spine -telemetry", language="en") == []
    assert "spine_battlecard" not in names(library_index, library_items, 'spine NOT "buffer"')


# snippets -------------------------------------------------------------------------------------


def test_snippet_highlights_matched_words(library_index: LibraryIndex) -> None:
    hit = library_index.search("telemetry", as_of=LIBRARY_AS_OF)[0]
    assert highlighted(hit.snippet_html) == ["telemetry"]
    hit = library_index.search("pricing", as_of=LIBRARY_AS_OF)[0]
    assert set(highlighted(hit.snippet_html)) <= {"prices", "price", "pricing"}
    assert highlighted(hit.snippet_html)


def test_snippets_and_titles_are_html_safe(empty_workspace) -> None:
    from dealkit.engine.store.models import ContentItem, ContentKind

    index = LibraryIndex.open(empty_workspace)
    item = ContentItem(
        title="<script>alert('x')</script> escaping",
        kind=ContentKind.TRAINING,
        language="en",
        body="Use <b>bold</b> & <i>tags</i> carefully when escaping.",
    )
    with empty_workspace.store.session() as session, session.begin():
        session.add(item)
    index.ensure_built()
    hit = index.search("escaping", as_of=LIBRARY_AS_OF)[0]
    assert "<script>" not in hit.title_html and "&lt;script&gt;" in hit.title_html
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;i&gt;" in hit.snippet_html
    assert highlighted(hit.snippet_html) == ["escaping"]


def test_title_html_highlights_title_words(library_index: LibraryIndex) -> None:
    hit = library_index.search("datasheet", as_of=LIBRARY_AS_OF)[0]
    assert hit.title_html == "Northwind R7 Rack Server <b>datasheet</b>"


# hidden items ---------------------------------------------------------------------------------


def test_archived_draft_expired_and_scheduled_items_are_hidden(library_index, library_items):
    assert names(library_index, library_items, "legacy") == []
    assert names(library_index, library_items, "phuket") == []
    assert names(library_index, library_items, "launch kit") == []


def test_hidden_items_on_request_say_why(library_index: LibraryIndex, library_items) -> None:
    hits = library_index.search(
        "phuket OR legacy OR launch", include_hidden=True, as_of=LIBRARY_AS_OF
    )
    reasons = {library_items.name_of(h.item_id): h.hidden_reason for h in hits}
    assert reasons == {
        "expired_spif": "expired",
        "draft_spif": "draft",
        "archived_policy": "archived",
        "scheduled_launch": "scheduled",
    }


def test_expiry_follows_the_as_of_date(library_index, library_items) -> None:
    # The 2025 SPIF's review-by date is 2026-06-30: visible on that day, hidden the day after.
    from datetime import date

    assert names(library_index, library_items, "phuket", as_of=date(2026, 6, 30)) == [
        "expired_spif"
    ]
    assert names(library_index, library_items, "phuket", as_of=date(2026, 7, 1)) == []


# user syntax never fails ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"unbalanced',
        "AND OR",
        "***",
        ":",
        "(",
        "price)",
        "^2",
        "~",
        "kind:",
        ":spine",
        "NOT",
        "-",
        '""',
        "spine AND",
        "OR spine",
        "a:b:c",
        "\\",
        "title:[a TO b]",
        "*spine*",
    ],
)
def test_hostile_queries_return_without_error(library_index: LibraryIndex, text: str) -> None:
    hits = library_index.search(text, as_of=LIBRARY_AS_OF)
    assert isinstance(hits, list)


def test_hostile_queries_still_find_what_they_name(library_index, library_items) -> None:
    assert names(library_index, library_items, '"telemetry')[0] == "spine_battlecard"
    assert names(library_index, library_items, "telemetry AND")[0] == "spine_battlecard"
    assert names(library_index, library_items, "OR telemetry")[0] == "spine_battlecard"
    assert names(library_index, library_items, "(telemetry)")[0] == "spine_battlecard"


def test_empty_query_lists_visible_items_newest_first(library_index, library_items) -> None:
    found = names(library_index, library_items, "")
    assert len(found) == 7
    assert not {"expired_spif", "draft_spif", "archived_policy", "scheduled_launch"} & set(found)
    assert library_index.search("", limit=0) == []


# typos and prefixes ---------------------------------------------------------------------------


def test_typo_tolerance_finds_and_highlights_the_real_word(library_index, library_items) -> None:
    assert names(library_index, library_items, "telemetri") == ["spine_battlecard"]
    hit = library_index.search("telemetri", as_of=LIBRARY_AS_OF)[0]
    assert highlighted(hit.snippet_html) == ["telemetry"]
    # A swap of two neighbouring letters is one typo.
    assert set(names(library_index, library_items, "guardrial")) == {
        "guardrail_title",
        "guardrail_body",
    }


def test_short_words_and_codes_are_not_fuzzed(library_index, library_items) -> None:
    assert names(library_index, library_items, "R8") == []
    assert names(library_index, library_items, "tpm") == []


def test_known_words_are_not_treated_as_typos(library_index, library_items) -> None:
    # "bands" is in the index; "banks" (one letter away) must not match it.
    assert names(library_index, library_items, "banks") == []


def test_prefix_with_a_star(library_index, library_items) -> None:
    assert names(library_index, library_items, "teleme*") == ["spine_battlecard"]
    assert names(library_index, library_items, "*") == names(library_index, library_items, "")


def test_as_you_type_the_last_word_is_a_prefix(library_index, library_items) -> None:
    assert names(library_index, library_items, "spine tele", as_you_type=True) == [
        "spine_battlecard"
    ]
    hit = library_index.search("spine tele", as_of=LIBRARY_AS_OF, as_you_type=True)[0]
    assert "telemetry" in highlighted(hit.snippet_html)
    # Once a space follows the word, it is a whole word again.
    assert names(library_index, library_items, "tele ", as_you_type=True) == []


def test_as_you_type_in_thai(library_index, library_items) -> None:
    found = names(library_index, library_items, "หน่วยความ", as_you_type=True)
    assert found == ["thai_training"]


def test_thai_word_inside_a_compound_the_segmenter_kept_whole(library_index, library_items):
    # "จัดซื้อจัดจ้าง" is one dictionary word, so "จัดจ้าง" is no token of the text; the letter
    # pairs still find it.
    assert names(library_index, library_items, "จัดจ้าง") == ["mixed_note"]


def test_items_where_the_thai_word_was_segmented_rank_first(empty_workspace) -> None:
    from dealkit.engine.store.models import ContentItem, ContentKind

    with empty_workspace.store.session() as session, session.begin():
        session.add_all(
            [
                ContentItem(
                    title="ตลาด",
                    kind=ContentKind.MARKET_NOTE,
                    language="th",
                    body="ลูกค้าขายในประเทศไทย",
                ),  # segmented ลูก|ค้าขาย|ในประเทศ|ไทย
                ContentItem(
                    title="ลูกค้าองค์กร",
                    kind=ContentKind.MARKET_NOTE,
                    language="th",
                    body="ลูกค้า ประเทศ",
                ),
            ]
        )
    index = LibraryIndex.open(empty_workspace)
    for query in ("ประเทศ", "ลูกค้า"):
        hits = index.search(query, as_of=LIBRARY_AS_OF)
        assert [hit.title for hit in hits] == ["ลูกค้าองค์กร", "ตลาด"]
    assert index.search("ใน", as_of=LIBRARY_AS_OF) == []  # too short to match inside words
