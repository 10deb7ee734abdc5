"""Regressions of session 31, each named after the bug; each failed on the code before its fix.
Texts are written for these tests in the style of the genre."""
from pipeline import extract


def _targets(text: str) -> dict:
    return {(t.value, t.year): t.indicator for t in extract(text).targets}


def test_regression_a_value_with_only_another_time_had_no_indicator():
    # "... có 60% học sinh ... và đến năm 2030 là 80%": the 80% measures what the 60% measures
    got = _targets("Mục tiêu của đề án là đến năm 2027 có 60% học sinh khuyết tật được học hòa nhập và đến năm 2030 là 80%.")
    assert got == {(60, 2027): "học sinh khuyết tật được học hòa nhập", (80, 2030): "học sinh khuyết tật được học hòa nhập"}
    got = _targets("Tỉnh phấn đấu tỷ lệ che phủ rừng đạt 46% vào năm 2026 và 48% vào năm 2030.")
    assert got == {(46, 2026): "tỷ lệ che phủ rừng", (48, 2030): "tỷ lệ che phủ rừng"}


def test_regression_the_verb_of_change_was_read_into_the_indicator():
    # "nâng tỷ lệ ...", "giảm tỷ lệ ...": the verb is the change, the rate is what is measured
    got = _targets("Tỉnh phấn đấu nâng tỷ lệ che phủ rừng đạt 46% vào năm 2026. Đến năm 2030 giảm tỷ lệ hộ nghèo xuống còn 1,5%.")
    assert got == {(46, 2026): "tỷ lệ che phủ rừng", (1.5, 2030): "tỷ lệ hộ nghèo"}
