"""How text becomes index terms, for documents and queries alike.

Three analyzers are registered on the library index each time it is opened (Tantivy does not
remember custom tokenizers on disk):

``dk_text``  the searchable text fields. The same chain as Tantivy's ``en_stem`` (lowercase,
             long-token removal, English Snowball stemming) plus English stop words and
             accent folding, but with a regex tokenizer that keeps letters, combining marks and
             digits together: Tantivy's ``simple`` tokenizer splits on every non-alphanumeric
             character and so cuts Thai words apart at their tone marks and vowel signs. Thai
             words arrive already separated by U+200B (see ``thai``), which the regex treats as
             a separator. The English stemmer and stop list leave Thai words unchanged.
``dk_words`` the same tokens without stemming or stop words: prefix search as you type and
             typo tolerance match what the user actually typed against whole words.
``dk_keyword`` a whole value, lowercased: facet filters match ``NET-SPINE-64`` or ``net-spine-64``.
"""

from __future__ import annotations

from functools import cache

import tantivy

from dealkit.index import thai

TEXT = "dk_text"
WORDS = "dk_words"
KEYWORD = "dk_keyword"
# Letters, combining marks (Thai vowel signs and tone marks) and digits make up a token.
TOKEN_PATTERN = r"[\p{L}\p{M}\p{N}]+"
# Tokens longer than this many UTF-8 *bytes* are dropped (noise such as hashes or base64).
# Tantivy counts bytes, and a Thai character takes three: at en_stem's 40, a 14-letter Thai
# compound such as "จัดซื้อจัดจ้าง" would silently vanish from the index.
MAX_TOKEN_BYTES = 120
# Bump when any analyzer changes: the index records it, and a different value means a rebuild.
ANALYSIS_VERSION = 2


@cache
def text_analyzer() -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.regex(TOKEN_PATTERN))
        .filter(tantivy.Filter.remove_long(MAX_TOKEN_BYTES))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.stopword("english"))
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )


@cache
def words_analyzer() -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.regex(TOKEN_PATTERN))
        .filter(tantivy.Filter.remove_long(MAX_TOKEN_BYTES))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


@cache
def keyword_analyzer() -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.raw())
        .filter(tantivy.Filter.lowercase())
        .build()
    )


def register(index: tantivy.Index) -> None:
    """Register Dealkit's analyzers on an index just opened (required on every open)."""
    index.register_tokenizer(TEXT, text_analyzer())
    index.register_tokenizer(WORDS, words_analyzer())
    index.register_tokenizer(KEYWORD, keyword_analyzer())


def prepare_index(index: tantivy.Index) -> tantivy.Index:
    """An index just opened, ready for Dealkit: analyzers registered, and a reader that reloads
    when told to. (With Tantivy's default policy the reader also reloads by itself after each
    commit, and an explicit ``reload()`` then often waits 100 ms for it; Dealkit reloads
    explicitly after its own commits and when another process committed.)"""
    register(index)
    index.config_reader(reload_policy="manual")
    return index


def prepare(text: str) -> str:
    """A text as it is stored in the index: Thai words separated by U+200B."""
    return thai.segment(text)


def text_terms(text: str) -> list[tuple[int, str]]:
    """The (position, term) pairs ``dk_text`` makes of ``text``, positions kept for phrases."""
    tokens = text_analyzer().pre_tokenize(prepare(text)).tokens
    return [(token.position, token.text) for token in tokens]


def word_terms(text: str) -> list[str]:
    """The unstemmed words ``dk_words`` makes of ``text``."""
    return words_analyzer().analyze(prepare(text))


def keyword(value: str) -> str:
    return value.strip().lower()


def version_tag() -> str:
    """Everything about analysis that, when changed, makes an existing index unusable."""
    return f"analysis-{ANALYSIS_VERSION}+{thai.segmenter_name()}"
