"""Thai segmentation: words found offline, marked with U+200B, reversible."""

from __future__ import annotations

from pathlib import Path

import pytest

from dealkit.index import thai

SENTENCE = "ลูกค้าองค์กรในกรุงเทพมักต้องการเซิร์ฟเวอร์แร็คที่รองรับหน่วยความจำสูง"


def test_thai_run_is_split_into_dictionary_words() -> None:
    words = thai.segment(SENTENCE).split(thai.ZWSP)
    assert "เซิร์ฟเวอร์" in words
    assert "หน่วยความจำ" in words
    assert "".join(words) == SENTENCE


def test_segment_is_reversible_and_leaves_other_text_alone() -> None:
    text = "Northwind R7: เซิร์ฟเวอร์แร็ค 2U, ราคา ฿294,000 (THB)."
    segmented = thai.segment(text)
    assert thai.unsegment(segmented) == text
    assert segmented.startswith("Northwind R7: ")
    assert thai.segment("plain English, no Thai") == "plain English, no Thai"


def test_break_hints_already_in_the_text_do_not_survive_as_extra_separators() -> None:
    hinted = "เซิร์ฟเวอร์\u200bแร็ค\ufeff"
    assert thai.unsegment(thai.segment(hinted)) == "เซิร์ฟเวอร์แร็ค"


def test_dictionary_ships_inside_the_pythainlp_package() -> None:
    path = thai.dictionary_path()
    assert path.is_file() and path.stat().st_size > 100_000
    assert "pythainlp" in Path(path).parts


@pytest.mark.parametrize(
    "text",
    [
        SENTENCE,
        "วิธีตอบเมื่อลูกค้าบอกว่าสวิตช์ของคู่แข่งราคาถูกกว่า",
        "หน่วยงานภาครัฐมักจัดซื้อผ่านระบบจัดซื้อจัดจ้างภาครัฐ",
    ],
)
def test_nlpo3_agrees_with_pythainlp_newmm(text: str) -> None:
    """nlpo3 was chosen for speed; it must cut words where PyThaiNLP's newmm does."""
    from pythainlp.tokenize import word_tokenize

    assert thai.segmenter_name() == "nlpo3"
    assert thai.thai_words(text) == word_tokenize(text, engine="newmm", keep_whitespace=False)
