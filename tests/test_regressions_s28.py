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
