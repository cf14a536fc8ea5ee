"""How the pages (or slides) of an imported file are kept in one ``ContentItem.body``.

The store has one text column for the body, so pages are joined with a FORM FEED (U+000C),
the page break that ``pdftotext`` also writes. The index's tokenizer reads it as a separator,
and a search hit finds its page by counting form feeds before the matched word.
"""

from __future__ import annotations

PAGE_BREAK = "\f"


def join_pages(pages: list[str]) -> str:
    """One body from the pages' texts (a form feed inside a page's text is made a newline)."""
    return PAGE_BREAK.join(page.replace(PAGE_BREAK, "\n") for page in pages)


def split_pages(body: str) -> list[str]:
    return body.split(PAGE_BREAK)


def page_at(body: str, offset: int) -> int | None:
    """The 1-based page holding character ``offset`` of ``body``; None for a one-page body."""
    if PAGE_BREAK not in body:
        return None
    return body.count(PAGE_BREAK, 0, max(0, offset)) + 1
