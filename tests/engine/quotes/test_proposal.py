"""The proposal PDF on the demo workspace, read back with pypdf and rendered with pypdfium2.

Figures are the worked example of docs/quote-json.md (Atlantic Mutual Bank, USD List 2026).
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2
import pytest

from dealkit.engine.documents.branding import BrandingError, load_branding
from dealkit.engine.documents.proposal import render_proposal
from dealkit.engine.pricing.errors import PricingError
from dealkit.engine.quotes.proposal import build_proposal, proposal_parts
from tests.helpers.pricing import atlantic_quote
from tests.helpers.proposal import bangkok_quote, doc_of, large_quote, pdf_pages

ATLANTIC_SKUS = ("SRV-R7", "SUB-CLOUDOPS", "SVC-PS-DAY", "NET-SPINE-64", "ACC-RAM-64")


def _proposal(workspace, data: dict, lang: str = "en", **kwargs) -> bytes:
    with workspace.store.session() as session:
        return build_proposal(session, doc_of(data), lang, **kwargs)


_THAI_MARK = re.compile(r"\s+([\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])")


def _flat(text: str) -> str:
    """Whitespace collapsed, and Thai marks joined back to their syllable: the writers raise
    some tone marks in a segment of their own (script_runs.py), which pypdf extracts apart."""
    return _THAI_MARK.sub(r"\1", " ".join(text.split()))


def _assert_numbered(pages: list[str], template: str) -> None:
    total = len(pages)
    for number, text in enumerate(pages, start=1):
        assert template.format(page=number, pages=total) in _flat(text), (number, text[-200:])


def test_english_proposal_shows_customer_skus_and_the_worked_totals(demo_workspace):
    pages = pdf_pages(_proposal(demo_workspace, atlantic_quote()))
    text = _flat("\n".join(pages))
    assert len(pages) == 3
    assert "Atlantic Mutual Bank" in pages[0] and "Proposal" in pages[0]
    assert "Q-2026-0042 (version 1)" in pages[0]
    assert "November 27, 2026" in pages[0] and "December 27, 2026" in pages[0]
    assert "Alex Morgan, Northwind Systems" in pages[0]
    assert "Payment terms\n45 days from invoice" in pages[0]
    for sku in ATLANTIC_SKUS:
        assert sku in text
    # summary: one-time, recurring, MRR, ARR and TCV as docs/quote-json.md works them out
    for label, amount in [
        ("One-time", "$266,126.81"),
        ("Recurring (whole term)", "$35,881.19"),
        ("Monthly recurring (MRR)", "$996.70"),
        ("Annual recurring (ARR)", "$11,960.40"),
        ("List price", "$307,640.00"),
        ("Total contract value (TCV)", "$302,008.00"),
    ]:
        assert f"{label} {amount}" in text
    # line nets of docs/quote-json.md, and the options side by side with their own totals
    for net in ("$66,886.53", "$35,881.19", "$7,873.93", "$191,366.35", "$95,683.18"):
        assert net in text
    assert "Option A Option B" in text
    assert "Option price $95,683.18 $191,366.35" in text
    assert "Proposal total with this option $206,324.83 $302,008.00" in text
    assert "not in the total included in the total" in text
    # configuration of the configured server, terms in the quote's language, signatures
    assert "Configuration details" in text and "Gold cpu/gold-6430 2 $2,150.00" in text
    assert "Payment is due within 30 days of the invoice date." in text
    assert "Hardware carries a three-year" in text
    assert "For Northwind Systems" in text and "For Atlantic Mutual Bank" in text
    _assert_numbered(pages, "Page {page} of {pages}")


def test_thai_proposal_has_thai_labels_money_and_dates(demo_workspace):
    pages = [_flat(page) for page in pdf_pages(_proposal(demo_workspace, atlantic_quote(), "th"))]
    text = "\n".join(pages)
    assert "ข้อเสนอ" in pages[0] and "จัดทำสำหรับ" in pages[0]
    assert "27 พฤศจิกายน ค.ศ. 2026" in pages[0]
    for label in ("สรุป", "มูลค่าสัญญารวม (TCV)", "ราคาสุทธิ", "ทางเลือก A", "ข้อกำหนดและเงื่อนไข"):
        assert label in text
    # Money.format("th_TH") writes US dollars as US$
    assert "มูลค่าสัญญารวม (TCV) US$302,008.00" in text
    for sku in ATLANTIC_SKUS:
        assert sku in text
    _assert_numbered(pages, "หน้า {page} จาก {pages}")


def test_thai_quote_in_baht_carries_the_thai_clause_text(demo_workspace):
    pages = [_flat(page) for page in pdf_pages(_proposal(demo_workspace, bangkok_quote(), "th"))]
    text = "\n".join(pages)
    assert "Bangkok Riverside Hospital" in text
    assert "โรงพยาบาลริมน้ำ" in text
    assert "Q-2026-0777 (ฉบับที่ 2)" in pages[0]
    assert "ชำระเงินภายใน 30 วัน นับจากวันที่ในใบแจ้งหนี้" in text
    assert "Payment is due" not in text
    # THB List 2026: SRV-R7 294,000.00 x 2 at 8% off = 540,960.00
    assert "฿540,960.00" in text
    assert re.search(r"ค่าบริการรายเดือน \(MRR\) ฿[\d,]+\.\d\d", text)


def test_proposal_bytes_are_deterministic(demo_workspace):
    assert _proposal(demo_workspace, atlantic_quote()) == _proposal(
        demo_workspace, atlantic_quote()
    )


def test_two_hundred_lines_flow_over_numbered_pages(demo_workspace):
    pages = pdf_pages(_proposal(demo_workspace, large_quote(200)))
    assert len(pages) > 6
    _assert_numbered(pages, "Page {page} of {pages}")
    text = "\n".join(pages)
    # the table header repeats on every page the table continues on
    assert sum("SKU Description Qty List Discount Net" in _flat(p) for p in pages[1:]) >= (
        len(pages) - 3
    )
    assert text.count("SUB-SECURE-EDGE") >= 40


def test_unknown_product_is_refused_with_the_line_and_field(demo_workspace):
    data = atlantic_quote()
    data["lines"][2]["sku"] = "SVC-NOPE"
    with pytest.raises(PricingError) as caught, demo_workspace.store.session() as session:
        proposal_parts(session, doc_of(data))
    message = str(caught.value)
    assert "line 3 [L3] (SVC-NOPE), field sku" in message
    assert "unknown product 'SVC-NOPE'" in message


def test_page_one_renders_with_the_brand_band(demo_workspace, tmp_path):
    data = _proposal(demo_workspace, atlantic_quote(), "th")
    pdf = pypdfium2.PdfDocument(data)
    try:
        image = pdf[0].render(scale=1).to_pil().convert("RGB")
    finally:
        pdf.close()
    image.save(tmp_path / "page1.png")
    # the cover's band is the primary colour of resources/branding.yaml (#1F4E79)
    assert image.getpixel((5, 5)) == (0x1F, 0x4E, 0x79)
    assert image.getpixel((image.width // 2, image.height // 2)) == (255, 255, 255)


def test_branding_file_changes_name_and_colours(demo_workspace, tmp_path):
    path = tmp_path / "branding.yaml"
    path.write_text(
        'company: Siam Northwind Co., Ltd.\ncolours:\n  primary: "#7A1F1F"\n', encoding="utf-8"
    )
    branding = load_branding(path)
    data = _proposal(demo_workspace, atlantic_quote(), branding=branding)
    assert "Siam Northwind Co., Ltd." in pdf_pages(data)[0]
    pdf = pypdfium2.PdfDocument(data)
    try:
        assert pdf[0].render(scale=1).to_pil().convert("RGB").getpixel((5, 5)) == (0x7A, 0x1F, 0x1F)
    finally:
        pdf.close()


def test_a_bad_branding_colour_names_the_line_and_the_fix(tmp_path):
    path = tmp_path / "branding.yaml"
    path.write_text("company: Northwind\ncolours:\n  primary: blue\n", encoding="utf-8")
    with pytest.raises(BrandingError) as caught:
        load_branding(path)
    assert f"{path}, line 3: colour primary is 'blue'" in str(caught.value)
    assert 'e.g. "#1F4E79"' in str(caught.value)


def test_render_proposal_takes_parts_priced_once(demo_workspace):
    with demo_workspace.store.session() as session:
        parts = proposal_parts(session, doc_of(atlantic_quote()))
    assert parts.owner_name == "Alex Morgan"
    english = pdf_pages(render_proposal(parts, "en"))
    thai = pdf_pages(render_proposal(parts, "th"))
    assert len(english) == len(thai)
    with pytest.raises(ValueError, match="use one of en, th"):
        render_proposal(parts, "fr")


def test_png_of_page_one_is_written_for_review(demo_workspace, tmp_path):
    """Page 1 in both languages, rendered to PNG as a reviewer looks at it."""
    for lang in ("en", "th"):
        pdf = pypdfium2.PdfDocument(_proposal(demo_workspace, atlantic_quote(), lang))
        try:
            out = Path(tmp_path / f"proposal-{lang}.png")
            pdf[0].render(scale=1.5).to_pil().save(out)
        finally:
            pdf.close()
        assert out.stat().st_size > 10_000
