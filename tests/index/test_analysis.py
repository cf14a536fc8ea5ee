"""Analysis: English stemming and stop words, Thai words kept whole."""

from __future__ import annotations

from dealkit.index import analysis


def terms(text: str) -> list[str]:
    return [term for _, term in analysis.text_terms(text)]


def test_english_words_are_stemmed_and_stop_words_dropped() -> None:
    assert terms("The pricing of servers") == ["price", "server"]
    assert terms("priced prices") == ["price", "price"]


def test_positions_survive_stop_words_for_phrases() -> None:
    assert analysis.text_terms("price of the server") == [(0, "price"), (3, "server")]


def test_thai_words_keep_their_tone_marks_and_vowel_signs() -> None:
    assert terms("เซิร์ฟเวอร์แร็ค") == ["เซิร์ฟเวอร์", "แร็ค"]
    assert terms("ต้นทุนรวม") == ["ต้นทุน", "รวม"]


def test_codes_and_accents() -> None:
    assert terms("NET-SPINE-64") == ["net", "spine", "64"]
    assert terms("Café") == ["cafe"]


def test_words_analyzer_keeps_what_was_typed() -> None:
    assert analysis.word_terms("The Pricing") == ["the", "pricing"]


def test_long_thai_compounds_are_kept() -> None:
    """Tantivy limits token length in bytes; a Thai letter takes three."""
    assert terms("จัดซื้อจัดจ้าง") == ["จัดซื้อจัดจ้าง"]
