"""The lenient query language: every input parses, and means what a user would expect."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dealkit.index import schema
from dealkit.index.library import LibraryIndex
from dealkit.index.query import Clause, build_excluded, build_text_query, parse
from tests.helpers.library import LIBRARY_AS_OF

# Text a user might paste: letters, Thai, digits and every operator character there is.
QUERY_TEXT = st.text(
    alphabet=st.sampled_from(list("abc xyz ก่าเซิร์ฟ 0123 \"'*:()[]{}^~!-+\\/&|?.,ORANDNOT")),
    max_size=40,
)


def test_words_phrases_and_operators() -> None:
    parsed = parse('spine "three year" OR tco -draft NOT legacy')
    assert parsed.groups == [
        [Clause("spine")],
        [Clause("three year", phrase=True), Clause("tco")],
    ]
    assert parsed.excluded == [Clause("draft"), Clause("legacy")]


def test_unbalanced_quote_runs_to_the_end() -> None:
    assert parse('"three year').groups == [[Clause("three year", phrase=True)]]


def test_lone_operators_and_symbols_are_ignored() -> None:
    for text in ["AND OR", "***", ":", "NOT", "-", "OR", "( )", "^~"]:
        parsed = parse(text)
        assert not parsed.groups and not parsed.excluded, text


def test_facets_in_the_query() -> None:
    parsed = parse('type:battlecard lang:th competitor:"Contoso Fabric" colour:red')
    assert parsed.filters == {
        "kind": ["battlecard"],
        "language": ["th"],
        "competitor": ["Contoso Fabric"],
    }
    assert parsed.groups == [[Clause("colour:red")]]  # not a facet: searched as text


def test_prefixes() -> None:
    assert parse("serv*").groups == [[Clause("serv", prefix=True)]]
    assert parse("rack serv", as_you_type=True).groups == [
        [Clause("rack")],
        [Clause("serv", prefix=True)],
    ]
    assert parse("rack serv ", as_you_type=True).groups[-1] == [Clause("serv")]


@given(QUERY_TEXT, st.booleans())
def test_any_text_parses_and_builds(text: str, as_you_type: bool) -> None:
    idx_schema = schema.build_schema()
    parsed = parse(text, as_you_type=as_you_type)
    build_text_query(idx_schema, parsed)
    build_text_query(idx_schema, parsed, relaxed=True)
    build_excluded(idx_schema, parsed)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=QUERY_TEXT, as_you_type=st.booleans())
def test_any_text_searches_without_error(
    shared_library: tuple[LibraryIndex, object], text: str, as_you_type: bool
) -> None:
    index, _ = shared_library
    hits = index.search(text, as_of=LIBRARY_AS_OF, as_you_type=as_you_type)
    assert all(hit.item_id for hit in hits)
