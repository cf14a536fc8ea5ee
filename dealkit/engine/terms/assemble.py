"""Put a quote's terms together from the library and the rep's changes, and find what is not
standard.

Taking an optional clause in, or swapping a standard clause for one of its pre-approved
alternatives, stays standard. Removing a standard clause, or editing any clause's text, is a
non-standard term: it needs approval (docs/approvals-policy.md) and is shown as a redline
against the library text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dealkit.engine.pricing.errors import PricingError, Problem
from dealkit.engine.terms.library import Clause, ClauseKind, ClauseLibrary
from dealkit.engine.terms.redline import Segment, redline, render
from dealkit.engine.terms.selection import TermsSelection


@dataclass(frozen=True)
class QuoteClause:
    """A clause as it stands in the quote."""

    clause: Clause
    text: str
    status: str  # standard, optional, alternative, edited
    replaces: str | None = None  # the standard clause an alternative replaced
    redline: tuple[Segment, ...] = ()

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.clause.id,
            "title": self.clause.title,
            "status": self.status,
            "text": self.text,
        }
        if self.replaces:
            data["replaces"] = self.replaces
        if self.redline:
            data["redline"] = render(list(self.redline))
        return data


@dataclass(frozen=True)
class NonStandard:
    """A departure from the library that needs approval."""

    clause_id: str
    title: str
    change: str  # "removed" or "edited"
    redline: str  # plain-text redline ([-...-]{+...+}); the removed text for a removal

    @property
    def reason(self) -> str:
        if self.change == "removed":
            return f"standard clause {self.clause_id} ({self.title}) was removed"
        return f"clause {self.clause_id} ({self.title}) was edited: {self.redline}"

    def to_json(self) -> dict[str, str]:
        return {
            "clause": self.clause_id,
            "title": self.title,
            "change": self.change,
            "redline": self.redline,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class AssembledTerms:
    clauses: tuple[QuoteClause, ...]
    non_standard: tuple[NonStandard, ...] = field(default_factory=tuple)
    removed: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "clauses": [c.to_json() for c in self.clauses],
            "non_standard": [n.to_json() for n in self.non_standard],
        }


def assemble(
    library: ClauseLibrary,
    selection: TermsSelection,
    products: set[tuple[str, str]],
    region: str | None,
) -> AssembledTerms:
    """The quote's clauses in order; ``PricingError`` names any clause id the library lacks."""
    region = selection.region or region
    language = selection.language
    applicable = library.applicable(language, region, products)
    standard = [c for c in applicable if c.kind is ClauseKind.STANDARD]
    standard_ids = {c.id for c in standard}
    problems: list[Problem] = []

    def known(clause_id: str, field_name: str) -> Clause | None:
        clause = library.get(clause_id)
        if clause is None:
            problems.append(
                Problem("quote", field_name, f"no clause {clause_id!r} in the clause library")
            )
        elif clause.language != language:
            problems.append(
                Problem(
                    "quote",
                    field_name,
                    f"clause {clause_id!r} is in {clause.language!r}, the quote's terms are in "
                    f"{language!r}: pick the {language!r} clause",
                )
            )
            return None
        return clause

    for clause_id in selection.remove:
        clause = known(clause_id, "terms.remove")
        if clause is not None and clause.id not in standard_ids:
            problems.append(
                Problem(
                    "quote",
                    "terms.remove",
                    f"{clause_id!r} is not a standard clause of this quote, so it cannot be "
                    "removed",
                )
            )
    added = []
    for clause_id in selection.add:
        clause = known(clause_id, "terms.add")
        if clause is not None:
            if clause.kind is not ClauseKind.OPTIONAL:
                problems.append(
                    Problem(
                        "quote",
                        "terms.add",
                        f"{clause_id!r} is a {clause.kind.value} clause; only optional clauses "
                        "are added (alternatives go in terms.choose)",
                    )
                )
            else:
                added.append(clause)
    chosen: dict[str, Clause] = {}
    for standard_id, alternative_id in selection.choose.items():
        alternative = known(alternative_id, "terms.choose")
        if alternative is not None and alternative.alternative_to != standard_id:
            problems.append(
                Problem(
                    "quote",
                    "terms.choose",
                    f"{alternative_id!r} is not an alternative to {standard_id!r}",
                )
            )
        elif alternative is not None:
            chosen[standard_id] = alternative
    for clause_id in selection.edit:
        known(clause_id, "terms.edit")
    if problems:
        raise PricingError(problems)

    result: list[QuoteClause] = []
    non_standard: list[NonStandard] = []
    for clause in standard:
        if clause.id in selection.remove:
            non_standard.append(NonStandard(clause.id, clause.title, "removed", clause.text))
            continue
        status, replaces = "standard", None
        if clause.id in chosen:
            clause, status, replaces = chosen[clause.id], "alternative", clause.id
        result.append(QuoteClause(clause, clause.text, status, replaces))
    result += [QuoteClause(c, c.text, "optional") for c in added]
    final: list[QuoteClause] = []
    for item in result:
        edited = selection.edit.get(item.clause.id) or selection.edit.get(item.replaces or "")
        if edited is not None and " ".join(edited.split()) != item.clause.text:
            segments = tuple(redline(item.clause.text, " ".join(edited.split())))
            item = QuoteClause(item.clause, edited, "edited", item.replaces, segments)
            non_standard.append(
                NonStandard(item.clause.id, item.clause.title, "edited", render(list(segments)))
            )
        final.append(item)
    return AssembledTerms(tuple(final), tuple(non_standard), tuple(selection.remove))
