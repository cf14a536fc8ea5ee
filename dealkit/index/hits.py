"""One search result, as the Library page, the command line and suggestions show it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date


@dataclass(frozen=True)
class SearchHit:
    item_id: str
    title: str
    kind: str
    language: str
    score: float
    # A short passage with the matched words in <b>...</b>; everything else is HTML-escaped,
    # so it can be shown in a rich-text label as it is.
    snippet_html: str
    title_html: str  # the title, escaped, with matched words in <b>...</b>
    summary: str = ""
    status: str = "published"
    # Why a hit is hidden from a normal search (only seen with include_hidden): "archived",
    # "draft", "expired" (past its review-by date) or "scheduled" (published later); else None.
    hidden_reason: str | None = None
    products: list[str] = field(default_factory=list)
    competitors: list[str] = field(default_factory=list)
    industries: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    published_on: date | None = None
    review_by: date | None = None
    # The 1-based page (or slide) of an imported file where the first matched word of the body
    # stands, so a hit opens there; None when the item has one page or the body did not match.
    page: int | None = None

    @property
    def hidden(self) -> bool:
        return self.hidden_reason is not None

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["score"] = round(self.score, 4)
        data["hidden"] = self.hidden
        for key in ("published_on", "review_by"):
            value = data[key]
            data[key] = value.isoformat() if value else None
        return data
