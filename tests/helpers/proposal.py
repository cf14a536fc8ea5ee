"""Proposal fixtures: a Thai quote for a demo customer, a large quote, and reading a PDF back.

Proposals are checked the way a customer meets them: the text pypdf extracts from the written
file, page by page, and page images rendered with pypdfium2.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from dealkit.engine.quotes import quote_from_data
from dealkit.engine.quotes.document import QuoteDocument
from tests.helpers.pricing import atlantic_quote

SKUS_200 = ("SRV-R7", "SUB-CLOUDOPS", "SVC-PS-DAY", "NET-SPINE-64", "SUB-SECURE-EDGE")


def bangkok_quote() -> dict:
    """A THB quote for Bangkok Riverside Hospital with its terms in Thai (demo THB List 2026)."""
    return {
        "format": "dealkit-quote/1",
        "number": "Q-2026-0777",
        "version": 2,
        "name": "โรงพยาบาลริมน้ำ: ห้องเซิร์ฟเวอร์ใหม่",
        "customer": {"name": "Bangkok Riverside Hospital"},
        "owner": "nok",
        "currency": "THB",
        "date": "2026-11-27",
        "expires_on": "2026-12-31",
        "lines": [
            {"id": "L1", "sku": "SRV-R7", "quantity": 2, "discount": {"percent": "8"}},
            {
                "id": "L2",
                "sku": "SUB-CLOUDOPS",
                "quantity": 5,
                "subscription": {"term_months": 12, "billing": "monthly"},
            },
        ],
        "terms": {"language": "th"},
    }


def large_quote(lines: int = 200) -> dict:
    """``atlantic_quote()`` grown to ``lines`` lines over five products (a big refresh)."""
    data = atlantic_quote()
    data["groups"] = [{"name": "Core"}]
    data["lines"] = []
    for i in range(lines):
        sku = SKUS_200[i % len(SKUS_200)]
        line: dict = {"id": f"L{i + 1}", "sku": sku, "quantity": 1 + i % 7, "group": "Core"}
        if sku.startswith("SUB-"):
            line["subscription"] = {"term_months": 12, "billing": "annual"}
        data["lines"].append(line)
    return data


def doc_of(data: dict) -> QuoteDocument:
    return quote_from_data(data)


def pdf_pages(source: bytes | Path) -> list[str]:
    """The text of each page of a PDF, as pypdf extracts it."""
    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    return [page.extract_text() for page in PdfReader(stream).pages]


@pytest.fixture
def bangkok_quote_file(tmp_path: Path) -> Path:
    import json

    path = tmp_path / "bangkok.json"
    path.write_text(json.dumps(bangkok_quote(), ensure_ascii=False), encoding="utf-8")
    return path
