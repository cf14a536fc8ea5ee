"""The query language a user types into the library search box, parsed leniently.

A search box must never answer "syntax error": a rep types half a phrase, a stray ``AND`` or a
pasted product code, and expects hits. So the query is not handed to Tantivy's query parser;
it is read here by a forgiving scanner (every input parses), analyzed exactly like the indexed
text (English stemming, Thai segmentation), and turned into Tantivy query objects directly.

The syntax (docs/search.md has examples):

- ``word word``: every word must match (in the title, summary, tags or body). If no item
  matches every word, items matching any word are returned instead (``relaxed``).
- ``"a phrase"``: the words next to each other. A missing closing quote ends the phrase at the
  end of the query.
- ``a OR b``: either. ``AND`` is the default and may be written. ``-word``, ``-"a phrase"`` or
  ``NOT word``: items with it are left out.
- ``serv*``: words starting with ``serv``.
- ``kind:battlecard``, ``product:NET-SPINE-64``, ``competitor:"Contoso Networks"``,
  ``industry:``, ``region:``, ``lang:th`` (also ``type:`` for kind): facet filters. A name
  before a colon that is not a facet is searched as text.
- Anything else (brackets, ``^``, ``~``, lone operators, lone ``*``) is read as a separator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import tantivy

from dealkit.index import analysis, schema, thai
from dealkit.index.expansions import WordExpander

_TOKEN = re.compile(
    r"""
      (?P<neg>[-!]?)(?P<fname>[^\s:"()]+):"(?P<fphrase>[^"]*)(?:"|$)   # facet:"quoted value"
    | (?P<pneg>[-!]?)"(?P<phrase>[^"]*)(?:"|$)                        # "phrase" or "unbalanced
    | (?P<word>[^\s"]+)                                                # anything else
    """,
    re.VERBOSE,
)
_THAI_TAIL = re.compile(r"[\u0e00-\u0e7f]+$")
_OPERATORS = {"AND": "and", "&&": "and", "OR": "or", "||": "or", "NOT": "not"}
# The shortest typed word that may contain one typo, and two typos.
TYPO1_MIN_CHARS = 5
TYPO2_MIN_CHARS = 9
# Relative weights of the ways a word can match. A word as typed counts 1.0 (times the field
# boost); its completions and corrections count less, so that exact matches rank first.
COMPLETION_BOOST = 0.7
CORRECTION_BOOST = 0.6
PREFIX_BOOST = 0.3  # any completion, constant score: rare completions still match
FUZZY_BOOST = 0.2  # any typo (constant score): typos in the first two letters still match
PHRASE_BONUS = 1.5
# A Thai run of at least this many characters is also matched anywhere in the text (two-letter
# words such as "ใน" would match nearly every Thai item that way).
THAI_PAIRS_MIN_CHARS = 3
LETTER_PAIRS_SCORE = 0.5


@dataclass(frozen=True)
class Clause:
    """One thing to look for: words (analyzed into one or more terms) or an exact phrase."""

    text: str
    phrase: bool = False
    prefix: bool = False


@dataclass
class ParsedQuery:
    groups: list[list[Clause]] = field(default_factory=list)  # AND of groups; OR inside one
    excluded: list[Clause] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)

    @property
    def has_text(self) -> bool:
        return bool(self.groups)


def parse(text: str, as_you_type: bool = False) -> ParsedQuery:
    """Read ``text`` leniently. With ``as_you_type``, a last word not yet followed by a space is
    taken as the start of a word (a prefix)."""
    parsed = ParsedQuery()
    pending_or = False
    pending_not = False
    matches = list(_TOKEN.finditer(text or ""))
    for index, match in enumerate(matches):
        is_last = index == len(matches) - 1
        negate = pending_not
        if match.group("fname") is not None:
            facet = schema.canonical_facet(match.group("fname"))
            value = match.group("fphrase").strip()
            if facet is not None and value and not match.group("neg"):
                parsed.filters.setdefault(facet, []).append(value)
                pending_not = pending_or = False
                continue
            clause = Clause(f"{match.group('fname')} {value}", phrase=True)
            negate = negate or bool(match.group("neg"))
        elif match.group("phrase") is not None:
            clause = Clause(match.group("phrase"), phrase=True)
            negate = negate or bool(match.group("pneg"))
        else:
            word = match.group("word")
            operator = _OPERATORS.get(word)
            if operator == "or":
                pending_or = bool(parsed.groups)
                continue
            if operator == "not":
                pending_not = True
                continue
            if operator == "and":
                continue
            if word[0] in "-!" and len(word) > 1:
                negate, word = True, word[1:]
            word = word.lstrip("+")
            name, colon, value = word.partition(":")
            facet = schema.canonical_facet(name) if colon else None
            if facet is not None and value and not negate:
                parsed.filters.setdefault(facet, []).append(value)
                pending_or = False
                continue
            # As you type, the last word is unfinished until a space follows it.
            prefix = word.endswith("*") or (as_you_type and is_last and match.end() == len(text))
            word = word.rstrip("*")
            if not any(ch.isalnum() for ch in word):
                pending_not = False
                continue
            clause = Clause(word, prefix=prefix and not negate)
        pending_not = False
        if negate:
            parsed.excluded.append(clause)
            pending_or = False
            continue
        if pending_or and parsed.groups:
            parsed.groups[-1].append(clause)
        else:
            parsed.groups.append([clause])
        pending_or = False
    return parsed


# building Tantivy queries --------------------------------------------------------------------


def _typos_allowed(word: str) -> int:
    if thai.has_thai(word) or any(ch.isdigit() for ch in word):
        return 0  # typo distance is meaningless for codes, and Thai is matched by dictionary
    if len(word) >= TYPO2_MIN_CHARS:
        return 2
    return 1 if len(word) >= TYPO1_MIN_CHARS else 0


@dataclass
class BuiltQuery:
    """The Tantivy query for the text part, and what to highlight in snippets."""

    query: tantivy.Query | None  # None: the text matched nothing searchable (e.g. only "the")
    highlight_terms: set[str] = field(default_factory=set)  # stemmed terms for the text fields
    completions: dict[str, list[str]] = field(default_factory=dict)  # prefix -> words searched
    corrections: dict[str, list[str]] = field(default_factory=dict)  # typed word -> words


def _boosted(q: tantivy.Query, boost: float) -> tantivy.Query:
    return tantivy.Query.boost_query(q, boost) if boost != 1.0 else q


def _term_any_field(idx_schema: tantivy.Schema, term: str) -> tantivy.Query:
    return tantivy.Query.boolean_query(
        [
            (tantivy.Occur.Should, _boosted(tantivy.Query.term_query(idx_schema, f, term), b))
            for f, b in schema.TEXT_BOOSTS.items()
        ]
    )


def _phrase_any_field(
    idx_schema: tantivy.Schema, terms: list[tuple[int, str]], boost: float = 1.0
) -> tantivy.Query:
    first = terms[0][0]
    words = [(pos - first, term) for pos, term in terms]
    return tantivy.Query.boolean_query(
        [
            (
                tantivy.Occur.Should,
                _boosted(tantivy.Query.phrase_query(idx_schema, f, words), b * boost),
            )
            for f, b in schema.TEXT_BOOSTS.items()
            if f != schema.TAGS
        ]
    )


class _Builder:
    """Builds the query of one parsed text, collecting the terms to highlight on the way."""

    def __init__(
        self, idx_schema: tantivy.Schema, expander: WordExpander | None, typos: bool
    ) -> None:
        self.schema = idx_schema
        self.expander = expander
        self.typos = typos
        self.built = BuiltQuery(query=None)

    def words_as_terms(self, words: list[str], boost: float) -> list[tantivy.Query]:
        """Each word (unstemmed, from the index or typed) as a ranked term on the text fields."""
        queries = []
        for word in words:
            for _, term in analysis.text_terms(word):
                self.built.highlight_terms.add(term)
                queries.append(_boosted(_term_any_field(self.schema, term), boost))
        return queries

    def prefix(self, start: str) -> tantivy.Query:
        """Words starting with ``start``: the most common completions ranked as terms, and a
        regex over the whole word list so that rarer completions still match."""
        regex = tantivy.Query.regex_query(self.schema, schema.WORDS, re.escape(start) + ".*")
        alternatives = [_boosted(regex, PREFIX_BOOST)]
        alternatives += self.words_as_terms([start], 1.0)
        if self.expander is not None:
            completions = [w for w in self.expander.completions(start) if w != start]
            self.built.completions[start] = completions
            alternatives += self.words_as_terms(completions, COMPLETION_BOOST)
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in alternatives])

    def single(self, typed: str, term: str) -> tantivy.Query:
        """One word: exactly (stemmed), or, if it is not in the index, as a likely typo."""
        exact = _term_any_field(self.schema, term)
        self.built.highlight_terms.add(term)
        distance = _typos_allowed(typed) if self.typos else 0
        if not distance or (self.expander is not None and self.expander.known(typed)):
            return exact
        fuzzy = tantivy.Query.fuzzy_term_query(self.schema, schema.WORDS, typed, distance)
        alternatives = [exact, _boosted(fuzzy, FUZZY_BOOST)]
        if self.expander is not None:
            corrections = self.expander.corrections(typed, distance)
            self.built.corrections[typed] = corrections
            alternatives += self.words_as_terms(corrections, CORRECTION_BOOST)
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in alternatives])

    def prefix_clause(self, text: str) -> tantivy.Query | None:
        """Whole words, then the start of a word. An unfinished Thai word cannot be told from
        two words by the segmenter ("หน่วยความ" is "หน่วย|ความ" so far, "หน่วยความจำ" once
        typed in full), so a trailing Thai run is also tried as the start of one word."""
        words = analysis.word_terms(text)
        if not words:
            return None
        *whole, start = words
        readings = [self._whole_then_prefix(whole, start)]
        tail = _THAI_TAIL.search(text)
        if tail and len(thai.thai_words(tail.group(0))) > 1:
            head = analysis.word_terms(text[: tail.start()])
            readings.append(self._whole_then_prefix(head, tail.group(0)))
        if len(readings) == 1:
            return readings[0]
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in readings])

    def _whole_then_prefix(self, whole: list[str], start: str) -> tantivy.Query:
        parts = [q for w in whole if (q := self.clause(Clause(w))) is not None]
        parts.append(self.prefix(start))
        query = _all_of(parts)
        assert query is not None
        return query

    def clause(self, clause: Clause) -> tantivy.Query | None:
        if clause.prefix:
            return self.prefix_clause(clause.text)
        terms = analysis.text_terms(clause.text)
        if not terms:
            return None
        if clause.phrase and len(terms) > 1:
            self.built.highlight_terms.update(term for _, term in terms)
            return _phrase_any_field(self.schema, terms)
        if len(terms) == 1:
            words = analysis.word_terms(clause.text)
            typed = words[0] if len(words) == 1 and not clause.phrase else ""
            return self._or_letter_pairs(clause.text, self.single(typed, terms[0][1]))
        # One typed word that analyzes into several terms: a Thai run ("ราคาเซิร์ฟเวอร์") or a
        # code ("NET-SPINE-64"). Every term must match; being next to each other earns a bonus.
        # A strict phrase would lose Thai text that a segmenter cut differently in context.
        self.built.highlight_terms.update(term for _, term in terms)
        every = [(tantivy.Occur.Must, _term_any_field(self.schema, t)) for _, t in terms]
        every.append((tantivy.Occur.Should, _phrase_any_field(self.schema, terms, PHRASE_BONUS)))
        return self._or_letter_pairs(clause.text, tantivy.Query.boolean_query(every))

    def _or_letter_pairs(self, text: str, words_query: tantivy.Query) -> tantivy.Query:
        """For Thai typed as one run: also the run anywhere in the text, as a phrase of letter
        pairs (see ``thai.letter_pairs``), at a constant low score so that items where the
        segmenter found the words rank first."""
        run = text.strip()
        if len(run) < THAI_PAIRS_MIN_CHARS or not thai.THAI_RUN.fullmatch(run):
            return words_query
        letters = [(i, pair) for i, pair in enumerate(thai.pairs(run))]
        substring = tantivy.Query.const_score_query(
            tantivy.Query.phrase_query(self.schema, schema.THAI_GRAMS, letters), LETTER_PAIRS_SCORE
        )
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, words_query), (tantivy.Occur.Should, substring)]
        )


def _all_of(parts: list[tantivy.Query]) -> tantivy.Query | None:
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, p) for p in parts])


def build_text_query(
    idx_schema: tantivy.Schema,
    parsed: ParsedQuery,
    relaxed: bool = False,
    typos: bool = True,
    expander: WordExpander | None = None,
) -> BuiltQuery:
    """The text part of ``parsed`` as one Tantivy query: groups ANDed (ORed when ``relaxed``).

    With an ``expander`` (a searcher's word list), prefixes and typos are searched as the real
    words they stand for, so that they rank and highlight like typed words.
    """
    builder = _Builder(idx_schema, expander, typos)
    group_queries: list[tantivy.Query] = []
    for group in parsed.groups:
        alternatives = [q for c in group if (q := builder.clause(c)) is not None]
        if not alternatives:
            continue  # e.g. a group made only of stop words
        if len(alternatives) == 1:
            group_queries.append(alternatives[0])
        else:
            group_queries.append(
                tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in alternatives])
            )
    built = builder.built
    if not group_queries:
        return built
    occur = tantivy.Occur.Should if relaxed else tantivy.Occur.Must
    subqueries = [(occur, q) for q in group_queries]
    # Words written next to each other in the query earn a bonus for being next to each other
    # in the text.
    plain = [c for g in parsed.groups if len(g) == 1 for c in g if not c.phrase and not c.prefix]
    if len(plain) > 1:
        terms = analysis.text_terms(" ".join(c.text for c in plain))
        if len(terms) > 1:
            subqueries.append(
                (tantivy.Occur.Should, _phrase_any_field(idx_schema, terms, PHRASE_BONUS))
            )
    built.query = (
        subqueries[0][1]
        if len(subqueries) == 1 and occur == tantivy.Occur.Must
        else tantivy.Query.boolean_query(subqueries)
    )
    return built


def build_excluded(idx_schema: tantivy.Schema, parsed: ParsedQuery) -> list[tantivy.Query]:
    builder = _Builder(idx_schema, None, typos=False)
    excluded = [builder.clause(c) for c in parsed.excluded]
    return [q for q in excluded if q is not None]
