"""Regressions of session 29, each named after the bug; each failed on the code before its fix.
Texts are written for these tests in the style of the genre."""
from pipeline import extract


def _titles(text: str) -> dict:
    return {o.name: [t.text for t in o.titles] for o in extract(text).officials}


def test_regression_a_province_written_with_a_glued_dash_was_a_woman():
    # "Bà Rịa- Vũng Tàu": the place, not 'Mrs Rịa'
    got = _titles("Đoàn công tác tỉnh Bà Rịa- Vũng Tàu do ông Trần Minh Sanh, Chủ tịch UBND tỉnh, dẫn đầu.")
    assert got == {"Trần Minh Sanh": ["Chủ tịch UBND tỉnh"]}


def test_regression_a_title_ran_on_into_a_time_and_a_complaint():
    got = _titles("Ông Lục Minh Hoạn, Hiệu trưởng trường ở thời điểm đó, đã ký. Ông Khổng Ngọc Ánh, Hiệu phó, "
                  "Chủ tịch Hội đồng thi của trường than thở: khó quá.")
    assert got["Lục Minh Hoạn"] == ["Hiệu trưởng trường"]
    assert got["Khổng Ngọc Ánh"] == ["Hiệu phó", "Chủ tịch Hội đồng thi của trường"]


def test_regression_an_opening_connective_was_read_into_the_indicator():
    # "Nhưng", "Song song với đó", "Chẳng hạn": they open the sentence, they measure nothing
    doc = extract("Năm 2024, doanh thu của tổng công ty đạt 820 tỷ đồng. Nhưng lợi nhuận chỉ đạt 31 tỷ đồng. "
                  "Song song với đó, tỷ lệ nợ xấu đã giảm còn 2,4%. Chẳng hạn, tỷ lệ hộ nghèo của huyện Ba Vì đạt 3,1%.")
    got = {r.value: r.indicator for r in doc.results}
    assert got[31000000000] == "lợi nhuận"
    assert got[2.4] == "tỷ lệ nợ xấu"
    assert got[3.1] == "tỷ lệ hộ nghèo của huyện Ba Vì"


def _delegates(text: str) -> dict:
    d = extract(text).delegates
    return {k: getattr(d, k).value for k in ("summoned", "attended", "absent") if getattr(d, k)}


def test_regression_the_whole_of_a_share_present_was_the_attendance():
    # "349/350 đại biểu có mặt": 349 present of 350 summoned (the number after the slash was read as present)
    assert _delegates("Đại hội Hội Cựu chiến binh tỉnh lần thứ VII khai mạc sáng nay. "
                      "Có 349/350 đại biểu có mặt tại phiên khai mạc.") == {"summoned": 350, "attended": 349}


def test_a_vote_among_those_present_is_no_attendance_of_its_ayes():
    # "458/459 đại biểu có mặt biểu quyết tán thành": 459 present, 458 in favour
    assert _delegates("Quốc hội đã thông qua Luật Đất đai với 458/459 đại biểu có mặt biểu quyết tán thành.") == {"attended": 459}
