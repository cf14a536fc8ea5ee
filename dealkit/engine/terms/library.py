"""The clause library: standard, optional and alternative clauses by product, region, language.

A clause applies to a quote when its language matches and its ``regions``, ``skus`` and
``families`` (each empty = any) match the quote's region and at least one of its products.
Standard clauses are in every applicable quote; optional ones are taken in by the rep; an
alternative is a pre-approved replacement of one standard clause (``alternative_to``).
The library is a YAML document (docs/approvals-policy.md); Dealkit ships a default one
(``standard_clauses.py``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from dealkit.engine.pricing.data_document import DocumentError, parse_document, read_document_text
from dealkit.engine.yaml_source import LineDict


class ClauseKind(enum.StrEnum):
    STANDARD = "standard"
    OPTIONAL = "optional"
    ALTERNATIVE = "alternative"


@dataclass(frozen=True)
class Clause:
    id: str
    title: str
    kind: ClauseKind
    language: str
    text: str
    order: int = 0  # position in the document (clauses print by order, then id)
    alternative_to: str | None = None
    regions: frozenset[str] = frozenset()
    skus: frozenset[str] = frozenset()
    families: frozenset[str] = frozenset()

    def applies(self, language: str, region: str | None, products: set[tuple[str, str]]) -> bool:
        if self.language != language:
            return False
        if self.regions and region not in self.regions:
            return False
        if not self.skus and not self.families:
            return True
        return any(sku in self.skus or family in self.families for sku, family in products)


@dataclass
class ClauseLibrary:
    clauses: dict[str, Clause] = field(default_factory=dict)
    source: str = ""

    def get(self, clause_id: str) -> Clause | None:
        return self.clauses.get(clause_id)

    def applicable(
        self, language: str, region: str | None, products: set[tuple[str, str]]
    ) -> list[Clause]:
        found = [c for c in self.clauses.values() if c.applies(language, region, products)]
        return sorted(found, key=lambda c: (c.order, c.id))


def load_library_file(path: Path) -> ClauseLibrary:
    return parse_library(read_document_text(path, "clause library"), str(path))


def parse_library(text: str, source: str = "clause library") -> ClauseLibrary:
    doc = parse_document(text, source)
    problems: list[str] = []
    if not isinstance(doc, LineDict) or not isinstance(doc.get("clauses"), list):
        raise DocumentError(f"{source} line 1: expected clauses: [ ... ]")
    library = ClauseLibrary(source=source)
    for order, node in enumerate(doc["clauses"], start=1):
        if not isinstance(node, LineDict):
            problems.append(f"{source}: every clause is a mapping with id, title, kind, text")
            continue
        clause_id = node.get("id")
        where = f"{source} line {node.line}"
        if not isinstance(clause_id, str) or not clause_id:
            problems.append(f"{where}: a clause needs an id, e.g. id: std-payment")
            continue
        if clause_id in library.clauses:
            problems.append(f"{where}: clause id {clause_id!r} is used twice")
        try:
            kind = ClauseKind(node.get("kind", "standard"))
        except ValueError:
            problems.append(
                f"{source} line {node.line_of('kind')}: kind {node.get('kind')!r} is not "
                "standard, optional or alternative"
            )
            continue
        text_value = node.get("text")
        if not isinstance(text_value, str) or not text_value.strip():
            problems.append(f"{where}: clause {clause_id} needs its text")
            continue
        alternative_to = node.get("alternative_to")
        if kind is ClauseKind.ALTERNATIVE and not alternative_to:
            problems.append(
                f"{where}: alternative clause {clause_id} needs alternative_to: the standard "
                "clause it can replace"
            )

        def codes(key: str, node: LineDict = node) -> frozenset[str]:
            value = node.get(key, [])
            return frozenset([value] if isinstance(value, str) else value or [])

        library.clauses[clause_id] = Clause(
            id=clause_id,
            title=str(node.get("title", clause_id)),
            kind=kind,
            language=str(node.get("language", "en")),
            text=" ".join(text_value.split()),
            order=int(node.get("order", order)),
            alternative_to=alternative_to,
            regions=codes("regions"),
            skus=codes("skus"),
            families=codes("families"),
        )
    for clause in library.clauses.values():
        target = clause.alternative_to
        if target and (
            target not in library.clauses or library.clauses[target].kind is not ClauseKind.STANDARD
        ):
            problems.append(
                f"{source}: clause {clause.id} is an alternative to {target!r}, which is not a "
                "standard clause of the library"
            )
    if problems:
        raise DocumentError("\n".join(problems))
    return library
