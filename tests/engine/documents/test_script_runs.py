from dealkit.engine.documents.script_runs import (
    Run,
    contains_thai,
    mark_segments,
    script_runs,
    thai_markup,
)


def test_mixed_text_splits_into_alternating_runs():
    assert script_runs("R7 ราคา ฿294,000 ต่อเครื่อง") == [
        Run("R7 ", False),
        Run("ราคา", True),
        Run(" ", False),
        Run("฿", True),
        Run("294,000 ", False),
        Run("ต่อเครื่อง", True),
    ]


def test_combining_marks_stay_with_their_base_letter():
    runs = script_runs("ที่นี่")
    assert runs == [Run("ที่นี่", True)]


def test_empty_and_latin_only():
    assert script_runs("") == []
    assert script_runs("Spine 64") == [Run("Spine 64", False)]
    assert not contains_thai("Spine 64") and contains_thai("สวัสดี")


def test_markup_escapes_and_wraps_thai_in_the_thai_face():
    assert thai_markup("A&B <ไทย>") == 'A&amp;B &lt;<font name="NotoSansThai">ไทย</font>&gt;'
    assert 'name="NotoSansThai-Bold"' in thai_markup("ไทย", bold=True)


def test_tone_marks_that_would_hide_are_raised():
    assert mark_segments("ที่นี่") == [("ที", 0.0), ("่", 0.18), ("นี", 0.0), ("่", 0.18)]
    assert mark_segments("น้ำ") == [("น", 0.0), ("้", 0.18), ("ำ", 0.0)]
    assert mark_segments("ป่า") == [("ป", 0.0), ("่", 0.24), ("า", 0.0)]  # a tall consonant
    assert mark_segments("ต่อ") == [("ต่อ", 0.0)]  # a bare consonant: the default place
    assert "".join(s for s, _ in mark_segments("กี่ชั่วโมง ผู้ป่วย")) == "กี่ชั่วโมง ผู้ป่วย"


def test_markup_raises_marks_only_when_the_size_is_known():
    assert thai_markup("ที่") == '<font name="NotoSansThai">ที่</font>'
    assert thai_markup("ที่", size=10) == (
        '<font name="NotoSansThai">ที<super rise="1.80" size="10">่</super></font>'
    )
