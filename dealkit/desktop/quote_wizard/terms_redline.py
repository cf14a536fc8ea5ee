"""Redlines as HTML for a QTextBrowser: deleted text struck through in red, inserted text
underlined in green, the way a lawyer marks up a contract.

The diff itself is the engine's (``terms.redline``); this only draws it. Colours are written
inline because QTextBrowser's rich text does not take the window's style sheet.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from dealkit.engine.terms.assemble import AssembledTerms
from dealkit.engine.terms.redline import Segment

DELETED_STYLE = "color:#b3261e; text-decoration:line-through; background:#fdecea"
INSERTED_STYLE = "color:#1b7f3b; text-decoration:underline; background:#e8f5ec"


def segments_html(segments: Iterable[Segment]) -> str:
    out = []
    for segment in segments:
        text = escape(segment.text)
        if segment.op == "deleted":
            out.append(f'<span style="{DELETED_STYLE}">{text}</span>')
        elif segment.op == "inserted":
            out.append(f'<span style="{INSERTED_STYLE}">{text}</span>')
        else:
            out.append(text)
    return "".join(out)


def removed_html(text: str) -> str:
    return f'<span style="{DELETED_STYLE}">{escape(text)}</span>'


def non_standard_html(terms: AssembledTerms, removed_label: str, edited_label: str) -> str:
    """Every non-standard term of ``terms``: its title, what happened, and the redline."""
    blocks = []
    removed_text = {
        item.clause_id: item.redline for item in terms.non_standard if item.change == "removed"
    }
    edited = {item.clause.id: item for item in terms.clauses if item.status == "edited"}
    for item in terms.non_standard:
        if item.change == "removed":
            body = removed_html(removed_text[item.clause_id])
            what = removed_label
        else:
            clause = edited.get(item.clause_id)
            body = segments_html(clause.redline) if clause is not None else escape(item.redline)
            what = edited_label
        blocks.append(
            f'<p style="margin:0 0 2px 0"><b>{escape(item.title)}</b>'
            f' <span style="color:#5f6b7a">· {escape(what)}</span></p>'
            f'<p style="margin:0 0 10px 0">{body}</p>'
        )
    return "".join(blocks)
