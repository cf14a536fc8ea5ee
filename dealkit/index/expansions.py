"""Real index words for what a user half-typed or mistyped, so they can be ranked and shown.

Tantivy's prefix (regex) and fuzzy queries find matching items but score them all the same and
do not say which words matched. So the words themselves are read from the index's word list
(the unstemmed ``words`` field) and searched as ordinary terms: the ranking is then BM25 again
(an item that says "Fabrikam" five times in its title beats one that names it once in a tag),
and snippets highlight the words that matched.
"""

from __future__ import annotations

import tantivy

from dealkit.index import analysis, schema, thai, typos

COMPLETIONS = 12  # completions of a prefix searched as terms (the most common ones)
COMPLETION_CANDIDATES = 2000
CORRECTIONS = 8
SURFACE_CANDIDATES = 300


class WordExpander:
    """Completions and corrections from one searcher's word list (cached for one query)."""

    def __init__(self, searcher: tantivy.Searcher) -> None:
        self.searcher = searcher

    def completions(self, start: str) -> list[str]:
        """The most frequent indexed words starting with ``start``."""
        found = self.searcher.terms_with_prefix(schema.WORDS, start, limit=COMPLETION_CANDIDATES)
        found.sort(key=lambda pair: (-pair[1], pair[0]))
        return [word for word, _ in found[:COMPLETIONS]]

    def known(self, word: str) -> bool:
        """Whether ``word`` occurs in the index as typed (then it is not treated as a typo)."""
        return self.searcher.doc_freq(schema.WORDS, word) > 0

    def corrections(self, word: str, distance: int) -> list[str]:
        """Indexed words within ``distance`` typos of ``word``, most frequent first."""
        candidates = self.searcher.terms_with_prefix(
            schema.WORDS, word[:2], limit=typos.MAX_CANDIDATES
        )
        close = [
            (w, n) for w, n in candidates if w != word and typos.within_distance(word, w, distance)
        ]
        close.sort(key=lambda pair: (-pair[1], pair[0]))
        return [w for w, _ in close[:CORRECTIONS]]

    def surface_forms(self, terms: set[str]) -> list[str]:
        """The words as written in the texts (lowercased) whose stem is one of ``terms``.

        Snippets use them to find *where* in a long text a match is, cheaply, before Tantivy
        highlights that part: "price" is written "pricing", "prices", "priced". A stem is the
        start of its words except for a final "e" or "i" ("price" < "pricing", "telemetri" <
        "telemetry"), so the words starting with the stem less that letter are the candidates.
        """
        forms: set[str] = set()
        analyzer = analysis.text_analyzer()
        for term in terms:
            forms.add(term)
            if thai.has_thai(term) or len(term) < 3:
                continue
            start = term[:-1] if term[-1] in "ei" and len(term) > 3 else term
            candidates = self.searcher.terms_with_prefix(
                schema.WORDS, start, limit=SURFACE_CANDIDATES
            )
            for word, _count in candidates:
                if word not in forms and term in analyzer.analyze(word):
                    forms.add(word)
        return sorted(forms, key=len, reverse=True)
