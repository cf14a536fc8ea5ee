"""Title, footer and metadata of a rendered document, shared by the PDF and DOCX writers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class DocumentInfo:
    """What goes on the title block and in the footer and PDF metadata."""

    title: str
    subtitle: str = ""
    author: str = "Northwind Systems"
    footer: str = "Northwind Systems"
    subject: str = ""
    keywords: list[str] = field(default_factory=list)
    dated: date | None = None
