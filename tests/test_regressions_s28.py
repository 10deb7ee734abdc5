"""Regressions of session 28, each named after the bug; each failed on the code before its fix.
Texts are written for these tests in the style of the genre."""
from pipeline import extract


def _titles(text: str) -> dict:
    return {o.name: [t.text for t in o.titles] for o in extract(text).officials}


def test_regression_a_compound_degree_kept_only_its_last_part():
    # "PGS-TS", "PGS - TS", "GS. TS": one title, not "TS"
    got = _titles("PGS-TS Lương Văn Định, Trưởng phòng Đào tạo, và GS. TS Phùng Khắc Huy, Giám đốc Sở Y tế, dự hội thảo.")
    assert got["Lương Văn Định"] == ["PGS-TS", "Trưởng phòng Đào tạo"]
    assert got["Phùng Khắc Huy"] == ["GS. TS", "Giám đốc Sở Y tế"]


def test_regression_a_degree_spelled_out_was_no_title():
    got = _titles("Theo thạc sĩ Đoàn Thị Lan, Phó trưởng phòng Kế hoạch, còn nhiều việc. Giảng viên cao cấp Vi Văn Tú, "
                  "Phó hiệu trưởng Trường Cao đẳng Sơn La, cũng đồng tình.")
    assert got["Đoàn Thị Lan"] == ["thạc sĩ", "Phó trưởng phòng Kế hoạch"]
    assert got["Vi Văn Tú"] == ["Giảng viên cao cấp", "Phó hiệu trưởng Trường Cao đẳng Sơn La"]


def test_regression_a_scholar_named_only_by_a_degree_was_an_official():
    # a degree is a title, but no evidence of a post: "GS Hoàng Minh Tuệ" alone is a scholar
    got = _titles("Hội thảo có sự tham gia của GS Hoàng Minh Tuệ, PGS.TS Lạc Văn Đông và ông Kiều Văn Bình, "
                  "Chủ tịch UBND huyện.")
    assert got == {"Kiều Văn Bình": ["Chủ tịch UBND huyện"]}


def test_a_degree_word_inside_a_title_is_not_split_off():
    # "Hiệu trưởng" ends in no degree; "Phó Giáo sư" is one designation, not "Giáo sư" with a 'Phó' title
    got = _titles("Phó Giáo sư Kha Văn Tâm, Hiệu trưởng Trường Đại học Y, phát biểu.")
    assert got["Kha Văn Tâm"] == ["Phó Giáo sư", "Hiệu trưởng Trường Đại học Y"]


def test_regression_the_frame_title_was_the_appointer_not_the_appointed():
    # the Prime Minister appointed them; the members' title is the counted post
    got = _titles("Thủ tướng Chính phủ đã ký bổ nhiệm 4 thứ trưởng Bộ Công an là các ông Lò Văn Hòa, Khổng Minh Đạt, "
                  "Trịnh Văn Sáu và Ôn Quốc Tài.")
    assert got["Lò Văn Hòa"][0] == "thứ trưởng Bộ Công an"
    assert got["Ôn Quốc Tài"][0] == "thứ trưởng Bộ Công an"


def test_regression_a_frame_title_ran_on_into_the_clause_that_describes_the_members():
    got = _titles("Các Ủy viên Bộ Chính trị khoá IX không tái cử vào Ban Chấp hành mới gồm: Kiều Văn Sơn, Mạc Đình Lộc, "
                  "Lục Văn Kha.")
    assert got["Mạc Đình Lộc"] == ["Ủy viên Bộ Chính trị khoá IX"]


def test_regression_the_members_took_the_post_after_the_verb_not_the_one_before():
    got = _titles("Tháng 3, ba Ủy viên Dự khuyết đã được bầu làm ủy viên chính thức của Ban Thường trực là Đinh Thị Vân, "
                  "Kiều Văn Lâm và Tạ Quang Nghĩa.")
    assert got["Kiều Văn Lâm"] == ["ủy viên chính thức của Ban Thường trực"]


def test_regression_a_title_after_a_birth_year_aside_was_lost():
    got = _titles("Ông Lạc Văn Tường (sinh năm 1960), Phó tổng giám đốc Công ty Điện lực 4, cho biết đã nhận đơn. "
                  "Ông Khúc Văn Duy (sinh năm 1958) là Giám đốc Sở Xây dựng.")
    assert got["Lạc Văn Tường"] == ["Phó tổng giám đốc Công ty Điện lực 4"]
    assert got["Khúc Văn Duy"] == ["Giám đốc Sở Xây dựng"]


def test_regression_a_post_held_now_after_a_comma_was_no_title():
    # (the person is no subject here, so no later copula of the sentence hands him the post)
    got = _titles("Anh Xuân mua lại đất của ông Mã Văn Hùng, nguyên Bí thư Huyện ủy Cái Bè, hiện là Phó Chủ tịch UBND tỉnh. "
                  "Vợ ông đứng ra bán.")
    assert got["Mã Văn Hùng"] == ["nguyên Bí thư Huyện ủy Cái Bè", "Phó Chủ tịch UBND tỉnh"]


def test_regression_a_title_ran_on_across_and_a_count():
    # "và 3 người con" opens a new conjunct (her children), no part of the body's name
    got = _titles("Ông Vượng có vợ là bà Lý Thu Hà, hiện là Phó Chủ tịch thứ nhất HĐQT Công ty Sao Mai và 3 người con.")
    assert got["Lý Thu Hà"] == ["Phó Chủ tịch thứ nhất HĐQT Công ty Sao Mai"]
