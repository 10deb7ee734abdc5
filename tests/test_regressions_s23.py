"""Regressions of session 23, each named after the bug; each failed on the code before its fix.
Texts from ../shared are read where present (news is the publishers' copyright: not copied here)."""
import os

import pytest

from pipeline import extract, extract_file

SHARED = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus")


def _bulk(source: str, name: str):
    """The extraction of a bulk text of ../shared, or a skip where the corpus is absent."""
    path = os.path.join(SHARED, "bulk", source, name)
    if not os.path.exists(path):
        pytest.skip("../shared corpus not present")
    return extract_file(path)


def test_regression_a_bounded_paragraph_start_read_a_years_old_lead_in_as_the_targets_year():
    # one long paragraph of lines (no blank line): its start bounded 1,500 characters before the list
    # fell inside an earlier sentence ("... từ năm 2001 đến nay"), whose year became the targets' year
    d = _bulk("vntc_ctxh", "test_XH_TT_T__10343.txt")
    gdp = [q for q in d.targets if q.value == 8.5]
    assert gdp and gdp[0].year != 2001


def test_regression_coordinated_nouns_of_a_count_went_to_the_next_figures_clause():
    d = extract("Hà Nội, ngày 5 tháng 5 năm 2005\nHiện nay, đội ngũ giảng viên có 1.720 giáo sư, phó giáo sư và 6.100 tiến sĩ.")
    q = [q for q in d.results if q.value == 1720]
    assert q and "giáo sư, phó giáo sư" in q[0].text and not q[0].text.endswith("và")


def test_regression_a_results_year_came_from_a_goals_horizon_in_the_heading():
    # "đến năm 2020" names a plan's horizon; the present state reported under it is of no year
    text = ("QUY HOẠCH GIAO THÔNG ĐẾN NĂM 2020\n\n"
            "Theo đề án, thành phố sẽ xây mới 2 tuyến đường trên cao đến năm 2020.\n\n"
            "Hiện trên 75% đường giao thông của thành phố hẹp, chỉ đủ cho xe 2 bánh đi lại.")
    d = extract(text)
    r = [q for q in d.results if q.value == 75]
    assert r and r[0].year is None


def test_regression_emphasis_marks_closing_a_line_stayed_in_the_title():
    d = extract("**Đồng chí Trần Văn Tú, BÍ THƯ**\n\nHội nghị đã thống nhất các nội dung.")
    titles = {o.name: [t.text for t in o.titles] for o in d.officials}
    assert titles.get("Trần Văn Tú") == ["BÍ THƯ"]


def test_regression_a_soft_line_break_cut_the_phrase_a_percentage_measures():
    # a hard-wrapped plan (a PDF reprint): "(2) Ít nhất 85% người hưởng trợ\ncấp xã hội, hưu trí xã hội mở mới
    # tài khoản ..." read 'người hưởng trợ' as the indicator
    d = _bulk("tnt305_legal_gov", "3a2db039af8c2d05.txt")
    t = [q for q in d.targets if q.value == 85]
    assert t and " ".join(t[0].indicator.split()).startswith("người hưởng trợ cấp xã hội")


# ---- found by the review of this session's change (/work/scratch/s23/review.md), each failed before its fix

DATE = "Hà Nội, ngày 5/1/2025.\n"


def _roles(text):
    d = extract(DATE + text)
    return {("T", q.value) for q in d.targets} | {("R", q.value) for q in d.results}


def test_regression_a_limited_level_beat_the_goal_of_its_clause():
    assert ("T", 2.0) in _roles("Mục tiêu đến năm 2030, tỷ lệ nợ xấu chỉ chiếm dưới 2% tổng dư nợ.")
    assert ("T", 50.0) in _roles("Từ năm 2026, giá vé sẽ chỉ bằng 50% giá hiện nay.")
    assert ("R", 29.0) in _roles("Năm 2024, doanh thu chỉ đạt 29% kế hoạch.")


def test_regression_not_only_was_read_as_a_limited_level():
    roles = _roles("Phấn đấu năm 2026 không chỉ đạt 100% kế hoạch mà còn vượt 10%.")
    assert ("R", 100.0) not in roles and ("R", 10.0) not in roles


def test_regression_an_addition_was_read_as_a_new_statement_and_lost_the_plan_before_it():
    roles = _roles("Năm tới, công ty sẽ tuyển 300 lao động. Bên cạnh đó, công ty dành 5 tỷ đồng cho đào tạo nghề.")
    assert ("T", 5e9) in roles


def test_regression_a_lower_case_accented_word_after_a_goal_noun_made_it_a_name():
    assert ("T", 5e12) in _roles("Theo Kế hoạch được giao, tổng thu ngân sách của tỉnh là 5.000 tỷ đồng.")


def test_regression_a_limit_written_as_comparator_hid_a_measured_past_level():
    assert ("R", 3.4) in _roles("Năm 2024, bội chi ngân sách nhà nước không quá 3,4% GDP.")


def test_regression_a_that_is_sentence_gave_the_counted_groups_title_to_its_source():
    d = extract("Tin tức\nUBND tỉnh vừa bổ nhiệm 2 phó giám đốc sở. Đó là thông tin do ông Nguyễn Văn An, Chánh Văn phòng UBND tỉnh, cho biết.")
    titles = {o.name: [t.text for t in o.titles] for o in d.officials}
    assert titles["Nguyễn Văn An"] == ["Chánh Văn phòng UBND tỉnh"]


def test_regression_one_day_ended_the_date_search_before_the_closing_date():
    d = extract("Đại hội Đảng bộ tỉnh Nam Định lần thứ XX\nTrong ngày 27/9/2025, Đại hội Đảng bộ tỉnh đã thảo luận các văn kiện. Đại hội bế mạc ngày 29/9/2025.")
    assert (d.document.congress.start_date, d.document.congress.end_date) == ("2025-09-27", "2025-09-29")


def test_regression_the_outgoing_committee_was_read_as_the_elected_one():
    d = extract("Khai mạc Đại hội Đảng bộ tỉnh Nam Định\nSáng 14/10/2025, Đại hội Đảng bộ tỉnh Nam Định khai mạc. "
                "Thay mặt Ban Chấp hành Đảng bộ tỉnh khóa XIX, đồng chí Nguyễn Văn An trình bày báo cáo chính trị.")
    assert d.document.congress is None or d.document.congress.ordinal != 19


def test_regression_a_rare_surname_split_a_title_case_office_name():
    d = extract("Tin tức\nÔng Nguyễn Anh Tuấn, Cục trưởng Cục Điều Tiết Điện Lực, phát biểu.")
    titles = {o.name: [t.text for t in o.titles] for o in d.officials}
    assert titles == {"Nguyễn Anh Tuấn": ["Cục trưởng Cục Điều Tiết Điện Lực"]}


def test_regression_a_figure_right_before_va_kept_it_in_its_text():
    d = extract(DATE + "Năm 2024 xuất khẩu nông sản đạt 62 tỷ USD và tăng 18% so với năm 2023.")
    assert all(not q.text.endswith(" và") for q in list(d.results) + list(d.targets))


def test_regression_a_bracketed_fraction_after_a_time_word_was_read_as_a_date():
    from pipeline.stages.dates import find_dates
    assert find_dates("Hôm nay (1/3 số hộ) không có điện") == []


def test_regression_an_official_reports_closing_line_was_cut_as_site_furniture():
    text = ("Trên đây là thông tin về kết quả thực hiện nhiệm vụ năm 2024, UBND huyện báo cáo UBND tỉnh biết, chỉ đạo./.\n"
            "Nơi nhận:\n- UBND tỉnh;\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n")
    d = extract("ỦY BAN NHÂN DÂN HUYỆN AN LÃO\nBÁO CÁO\nKết quả thực hiện nhiệm vụ năm 2024\n" + text)
    assert [o.name for o in d.officials] == ["Nguyễn Văn An"]


def test_regression_the_particle_chi_stayed_in_the_indicator():
    d = extract(DATE + "Năm 2024, doanh thu chỉ đạt 29% kế hoạch.")
    assert [q.indicator for q in d.results if q.value == 29] == ["doanh thu"]


def test_regression_the_scorer_read_references_the_normaliser_does_not():
    from pipeline.evaluate.scoring import fold
    assert fold("Bộ NN&amp;PTNT") == fold("Bộ NN&PTNT") and fold("A&not B") == "a&not b"


def test_regression_a_signature_title_kept_the_emphasis_marks_around_its_line_break():
    # found in the new-user trial on an unseen decision: "**PHÓ CHỦ TỊCH**\n**Hoàng Nam**" gave 'PHÓ CHỦ TỊCH**\n'
    d = extract("Giao Sở Tài chính hướng dẫn thực hiện.\n\n**TM. ỦY BAN\nNHÂN DÂN**\nKT. CHỦ TỊCH\n**PHÓ CHỦ TỊCH**\n**Hoàng Nam**\n|\n")
    assert {o.name: [t.text for t in o.titles] for o in d.officials} == {"Hoàng Nam": ["PHÓ CHỦ TỊCH"]}
