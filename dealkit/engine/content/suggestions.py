"""Library material that helps the deal at hand, ranked, each with the reason it is suggested.

The ranking is a few plain rules on the items' metadata (not on text relevance), because a rep
must be able to see why something is suggested and a trainer must be able to predict it:

=====================================================  ======
rule                                                   points
=====================================================  ======
battlecard for a competitor named on the quote           100
other material naming that competitor                     20
customer story in the customer's industry                  60
datasheet (collateral) of a product on the quote           50
training on a product on the quote                         40
market note or policy for the customer's industry          25
battlecard on a product on the quote (no rival match)      30
any of the above through the product family only         1/3
each further quote product the item covers                +3
late stage (approved, sent): battlecards                  +10
early stage (draft, in review): datasheets                 +5
=====================================================  ======

An item for other regions only, or in a language the customer's region does not read
(Thai material outside APAC), loses 40 points. Hidden items (drafts, archived, expired,
scheduled) are never suggested. Ties go to the most recently published item.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealkit.engine.content.deal_context import DealContext
from dealkit.engine.store.models import ContentItem, ContentKind, ContentStatus

BATTLECARD_FOR_COMPETITOR = 100
NAMES_COMPETITOR = 20
STORY_IN_INDUSTRY = 60
DATASHEET_OF_PRODUCT = 50
TRAINING_ON_PRODUCT = 40
NOTE_FOR_INDUSTRY = 25
BATTLECARD_ON_PRODUCT = 30
EACH_FURTHER_PRODUCT = 3
LATE_STAGE_BATTLECARD = 10
EARLY_STAGE_DATASHEET = 5
OUT_OF_REGION = -40
LATE_STAGES = {"approved", "sent"}
EARLY_STAGES = {"draft", "in_review"}
# Regions whose reps and customers read Thai material.
THAI_REGIONS = {"apac"}


@dataclass
class Suggestion:
    item_id: str
    title: str
    kind: str
    language: str
    score: int
    reasons: list[str] = field(default_factory=list)
    published_on: date | None = None

    @property
    def why(self) -> str:
        return self.reasons[0] if self.reasons else ""

    def to_json(self) -> dict[str, object]:
        return {
            "item_id": self.item_id,
            "title": self.title,
            "kind": self.kind,
            "language": self.language,
            "score": self.score,
            "why": self.why,
            "reasons": self.reasons,
            "published_on": self.published_on.isoformat() if self.published_on else None,
        }


def _visible(item: ContentItem, as_of: date) -> bool:
    if item.deleted or item.status != ContentStatus.PUBLISHED:
        return False
    if item.review_by is not None and item.review_by < as_of:
        return False
    return item.published_on is None or item.published_on <= as_of


def _lower(values: list[str] | tuple[str, ...]) -> dict[str, str]:
    return {v.strip().lower(): v for v in values if v and v.strip()}


def score_item(item: ContentItem, deal: DealContext) -> Suggestion | None:
    """The item as a suggestion for ``deal`` (score and reasons), or None if it does not help."""
    kind = ContentKind(item.kind)
    facts: list[tuple[int, str]] = []
    rivals = [name for key, name in _lower(deal.competitors).items()
              if key in _lower(item.competitors)]  # fmt: skip
    item_products = set(item.products or ())
    on_quote = [sku for sku in deal.skus if sku in item_products]
    by_family = [code for code in deal.families if code in item_products]
    industry = deal.industry if deal.industry in (item.industries or []) else None
    industry_words = industry.replace("_", " ") if industry else None  # "public sector"

    if rivals and kind is ContentKind.BATTLECARD:
        facts.append(
            (BATTLECARD_FOR_COMPETITOR, f"battlecard for {rivals[0]}, named on this quote")
        )
    elif rivals:
        facts.append((NAMES_COMPETITOR, f"covers {rivals[0]}, named on this quote"))
    if kind is ContentKind.CUSTOMER_STORY and industry:
        facts.append(
            (STORY_IN_INDUSTRY, f"customer story in {industry_words}, the customer's industry")
        )
    product_rules = {
        ContentKind.COLLATERAL: (DATASHEET_OF_PRODUCT, "datasheet of {}, on this quote"),
        ContentKind.TRAINING: (TRAINING_ON_PRODUCT, "training on {}, on this quote"),
        ContentKind.BATTLECARD: (BATTLECARD_ON_PRODUCT, "battlecard on {}, on this quote"),
    }
    if kind in product_rules and not (kind is ContentKind.BATTLECARD and rivals):
        points, text = product_rules[kind]
        if on_quote:
            facts.append((points, text.format(on_quote[0])))
        elif by_family:
            family_text = text.format(f"the {by_family[0]} family").replace(", on", ", also on")
            facts.append((points // 3, family_text))
    if kind in (ContentKind.MARKET_NOTE, ContentKind.POLICY) and industry:
        facts.append((NOTE_FOR_INDUSTRY, f"{kind.value.replace('_', ' ')} for {industry_words}"))
    if not facts:
        return None
    if len(on_quote) > 1:
        facts.append((EACH_FURTHER_PRODUCT * (len(on_quote) - 1),
                      f"also covers {', '.join(on_quote[1:])}"))  # fmt: skip
    if kind is ContentKind.BATTLECARD and deal.status in LATE_STAGES:
        facts.append((LATE_STAGE_BATTLECARD, f"the quote is {deal.status}: objections come now"))
    if kind is ContentKind.COLLATERAL and on_quote and deal.status in EARLY_STAGES:
        facts.append((EARLY_STAGE_DATASHEET, f"the quote is {deal.status}: still being specified"))
    regions = item.regions or []
    if deal.region and regions and deal.region not in regions:
        facts.append((OUT_OF_REGION, f"written for {', '.join(regions)}, not {deal.region}"))
    elif item.language == "th" and deal.region and deal.region not in THAI_REGIONS:
        facts.append((OUT_OF_REGION, f"in Thai, for a customer in {deal.region}"))
    score = sum(points for points, _ in facts)
    if score <= 0:
        return None
    reasons = [text for _, text in sorted(facts, key=lambda f: -f[0])]
    return Suggestion(
        item.id, item.title, kind.value, item.language, score, reasons, item.published_on
    )


def suggest(session: Session, deal: DealContext, as_of: date, limit: int = 10) -> list[Suggestion]:
    """The library items that help ``deal`` now, best first (see the module docstring)."""
    items = session.scalars(
        select(ContentItem).where(
            ContentItem.deleted.is_(False), ContentItem.status == ContentStatus.PUBLISHED
        )
    )
    found = [
        suggestion
        for item in items
        if _visible(item, as_of) and (suggestion := score_item(item, deal)) is not None
    ]
    found.sort(key=lambda s: (-s.score, -(s.published_on or date.min).toordinal(), s.title))
    return found[:limit]
