"""Search hits with highlighted, HTML-safe snippets.

Tantivy's snippet generator escapes the text and wraps matched words in ``<b>``; it finds the
matched words from a query's terms on the field. The highlight query is made of every term the
search looked for, completions of prefixes and corrections of typos included (see
``expansions``), so those are highlighted too. Stored text carries U+200B
between Thai words (see ``thai``); it is removed from what is shown.
"""

from __future__ import annotations

import html
import re
from datetime import date

import tantivy

from dealkit.engine.content.pages import PAGE_BREAK, page_at
from dealkit.index import schema, thai
from dealkit.index.hits import SearchHit
from dealkit.index.query import BuiltQuery

SNIPPET_CHARS = 240
# A long text is cut around its first match before Tantivy makes a snippet of it: Tantivy
# tokenizes all the text it is given (about 0.6 ms per 1,000 characters here).
WINDOW_BEFORE = 100
WINDOW_AFTER = 300


def highlight_query(idx_schema: tantivy.Schema, built: BuiltQuery) -> tantivy.Query | None:
    """Plain term queries for every term a hit may have matched, on the text fields."""
    if not built.highlight_terms:
        return None
    return tantivy.Query.boolean_query(
        [
            (tantivy.Occur.Should, tantivy.Query.term_query(idx_schema, field, term))
            for term in sorted(built.highlight_terms)
            for field in (schema.TITLE, schema.SUMMARY, schema.BODY)
        ]
    )


class HitBuilder:
    """Turns index documents into ``SearchHit``s for one query."""

    def __init__(
        self,
        searcher: tantivy.Searcher,
        idx_schema: tantivy.Schema,
        highlight: tantivy.Query | None,
        as_of: date,
        surface_forms: list[str] | None = None,
    ) -> None:
        self.as_of = as_of
        self.locator = (
            re.compile(
                r"(?<!\w)(?:" + "|".join(re.escape(w) for w in surface_forms) + r")(?!\w)",
                re.IGNORECASE,
            )
            if surface_forms
            else None
        )
        # Tantivy measures a snippet in UTF-8 bytes, not characters: a Thai letter takes three
        # bytes (and so does each U+200B), so Thai items get three times the budget to show
        # about as much text as English ones.
        self.generators: dict[tuple[str, bool], tantivy.SnippetGenerator] = {}
        if highlight is not None:
            sizes = ((schema.TITLE, 1000), (schema.SUMMARY, 400), (schema.BODY, SNIPPET_CHARS))
            for field, chars in sizes:
                for thai_text in (False, True):
                    generator = tantivy.SnippetGenerator.create(
                        searcher, highlight, idx_schema, field
                    )
                    generator.set_max_num_chars(chars * 3 if thai_text else chars)
                    self.generators[field, thai_text] = generator

    @staticmethod
    def _window(text: str, found: re.Match[str]) -> str:
        """The part of a long text around its first matched word."""
        start = max(0, found.start() - WINDOW_BEFORE)
        end = min(len(text), found.end() + WINDOW_AFTER)
        if start > 0:
            start = max(text.find(" ", start, found.start()) + 1, start)
        if end < len(text):
            end = max(text.rfind(" ", found.end(), end), found.end())
        return text[start:end]

    def _highlighted(self, field: str, doc: tantivy.Document) -> str | None:
        thai_text = doc.get_first("language") == "th"
        generator = self.generators.get((field, thai_text))
        if generator is None:
            return None
        text = doc.get_first(field) or ""
        found = self.locator.search(text) if self.locator is not None else None
        if not text or (self.locator is not None and found is None):
            return None  # none of the matched words is in this text: nothing to highlight
        # Only this field's text goes to Tantivy (a whole document is copied on each call).
        if found is not None and len(text) > WINDOW_BEFORE + WINDOW_AFTER:
            # Tantivy tokenizes the whole text to cut a snippet: for a long text, hand it only
            # the part around the first matched word (found by a plain text search).
            assert self.locator is not None
            for attempt, match in enumerate(self.locator.finditer(text)):
                window = self._window(text, match)
                snippet = generator.snippet_from_doc(tantivy.Document(**{field: window}))
                if snippet.highlighted() or attempt == 2:
                    break  # else the text matched, the tokens did not: try the next place
        else:
            snippet = generator.snippet_from_doc(tantivy.Document(**{field: text}))
        if not snippet.highlighted():
            return None
        # Neighbouring highlighted Thai words become one highlight once U+200B is gone.
        # A page break (see engine/content/pages.py) reads as a line break in a snippet.
        html_text = snippet.to_html().replace(PAGE_BREAK, "\n")
        return thai.unsegment(html_text).replace("</b><b>", "")

    def page(self, doc: tantivy.Document) -> int | None:
        """The page of the body where the first matched word is written (see SearchHit.page)."""
        if self.locator is None:
            return None
        body = doc.get_first(schema.BODY) or ""
        if PAGE_BREAK not in body:
            return None
        found = self.locator.search(body)
        return page_at(body, found.start()) if found is not None else None

    def hidden_reason(self, status: str, published_day: int, review_day: int) -> str | None:
        if status != "published":
            return status
        if review_day < self.as_of.toordinal():
            return "expired"
        if published_day > self.as_of.toordinal():
            return "scheduled"
        return None

    def build(self, doc: tantivy.Document, score: float) -> SearchHit:
        title = thai.unsegment(doc.get_first(schema.TITLE) or "")
        summary = thai.unsegment(doc.get_first(schema.SUMMARY) or "")
        snippet = self._highlighted(schema.BODY, doc) or self._highlighted(schema.SUMMARY, doc)
        if snippet is None:
            plain = summary or thai.unsegment(doc.get_first(schema.BODY) or "")
            if len(plain) > SNIPPET_CHARS:
                plain = plain[:SNIPPET_CHARS].rstrip() + " …"
            snippet = html.escape(plain.replace(PAGE_BREAK, "\n"), quote=False)
        published_day = int(doc.get_first(schema.PUBLISHED_DAY) or schema.NO_DATE)
        review_day = int(doc.get_first(schema.REVIEW_DAY) or schema.NEVER)
        status = doc.get_first(schema.STATUS) or "published"
        return SearchHit(
            item_id=doc.get_first(schema.ID),
            title=title,
            kind=doc.get_first("kind") or "",
            language=doc.get_first("language") or "",
            score=float(score),
            snippet_html=snippet,
            title_html=self._highlighted(schema.TITLE, doc) or html.escape(title, quote=False),
            summary=summary,
            status=status,
            hidden_reason=self.hidden_reason(status, published_day, review_day),
            products=doc.get_all("product"),
            competitors=doc.get_all("competitor"),
            industries=doc.get_all("industry"),
            regions=doc.get_all("region"),
            published_on=date.fromordinal(published_day) if published_day else None,
            review_by=date.fromordinal(review_day) if review_day != schema.NEVER else None,
            page=self.page(doc),
        )
