"""What a quote says about its terms and conditions: the language and region of the clause
library to start from, and the rep's changes to it.

``add`` lists optional clauses taken in; ``remove`` standard clauses taken out; ``choose`` swaps a
standard clause for one of its pre-approved alternatives; ``edit`` replaces a clause's text
(non-standard, shown as a redline against the library text).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TermsSelection:
    language: str = "en"
    region: str | None = None
    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    choose: dict[str, str] = field(default_factory=dict)  # standard clause id -> alternative id
    edit: dict[str, str] = field(default_factory=dict)  # clause id -> the quote's text

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"language": self.language}
        if self.region:
            data["region"] = self.region
        if self.add:
            data["add"] = list(self.add)
        if self.remove:
            data["remove"] = list(self.remove)
        if self.choose:
            data["choose"] = dict(self.choose)
        if self.edit:
            data["edit"] = dict(self.edit)
        return data
