"""Word-level redlines, in English and Thai."""

from dealkit.engine.terms.redline import redline, render, tokens


def test_english_words_are_compared_as_words():
    old = "Payment is due within 30 days of the invoice date."
    new = "Payment is due within 60 days of the invoice."
    assert (
        render(redline(old, new))
        == "Payment is due within [-30-]{+60+} days of the invoice[- date-]."
    )
    assert render(redline(old, old)) == old


def test_thai_keeps_vowels_and_tone_marks_with_their_letter():
    assert tokens("ได้รับ") == ["ไ", "ด้", "รั", "บ"]
    old = "ชำระเงินภายใน 30 วัน นับจากวันที่ในใบแจ้งหนี้"
    new = "ชำระเงินภายใน 60 วัน นับจากวันที่ได้รับใบแจ้งหนี้"
    assert render(redline(old, new)) == (
        "ชำระเงินภายใน [-30-]{+60+} วัน นับจากวันที่[-ใน-]{+ได้รับ+}ใบแจ้งหนี้"
    )
