"""Regressions found by the review of session 21's change (/work/scratch/s21/review.md), each named
after the bug; each failed on the reviewed code."""
from pipeline import extract

DATE = "Hà Nội, ngày 15 tháng 10 năm 2025\n"


def _figures(text):
    d = extract(DATE + text)
    return [(t.value, t.indicator) for t in d.targets], [(r.value, r.indicator) for r in d.results]


def test_regression_a_lead_in_that_reports_results_made_its_items_targets():
    targets, results = _figures("BÁO CÁO\n\nI. KẾT QUẢ THỰC HIỆN NĂM 2024\n\nĐể thực hiện các mục tiêu trên, năm 2024 "
                                "tỉnh đã đạt được các kết quả sau:\n\n- 95% hộ dân dùng nước sạch;\n\n- 1.200 lao động được đào tạo.")
    assert targets == []
    assert {v for v, _ in results} == {95.0, 1200.0}


def test_regression_a_cited_plan_in_a_lead_in_set_a_goal():
    targets, _ = _figures("II. KẾT QUẢ THỰC HIỆN\n\nThực hiện Kế hoạch số 12/KH-UBND, kết quả cụ thể:\n\n"
                          "- 95% hộ dân dùng nước sạch;\n\n- 300 hộ nghèo được sửa chữa nhà ở.")
    assert targets == []


def test_regression_one_word_after_an_office_became_an_official_for_states_and_countries():
    d = extract("Thống đốc Texas ban bố tình trạng khẩn cấp. Tổng thống Azerbaijan cho biết sẽ dự hội nghị. "
                "Người phát ngôn Hamas bác bỏ thông tin.")
    assert [o.name for o in d.officials] == []


def test_regression_the_surname_alone_merged_into_a_relative():
    d = extract("Tổng thống Trump phát biểu tại Nhà Trắng. Ông Eric Trump, Phó Chủ tịch điều hành Tập đoàn Trump, cũng có mặt.")
    titles = {o.name: [t.text for t in o.titles] for o in d.officials}
    assert titles.get("Trump") == ["Tổng thống"]
    assert "Tổng thống" not in titles.get("Eric Trump", [])


def test_regression_dh_for_dai_hoc_gave_a_congress_attendance():
    d = extract("Trường ĐH Cần Thơ khai giảng năm học mới với 400 đại biểu tham dự.")
    assert d.delegates.attended is None


def test_regression_a_colon_earlier_on_the_line_was_taken_for_the_value_s_label():
    _, results = _figures("Lĩnh vực giáo dục: năm 2024 toàn huyện đã xây mới 12 phòng học kiên cố.")
    assert results == [(12.0, "phòng học kiên cố")]


def test_regression_song_in_song_ngu_ended_the_figure_s_predicate():
    targets, _ = _figures("30 trường học song ngữ sẽ được đầu tư xây dựng.")
    assert [v for v, _ in targets] == [30.0]


def test_regression_a_cue_opening_the_clause_after_the_comma_was_cut_off():
    targets, _ = _figures("Tổng mức đầu tư 2.500 tỷ đồng, dự kiến khởi công vào quý III năm 2026.")
    assert [v for v, _ in targets] == [2500000000000.0]


def test_regression_ti_spelling_of_billion_was_no_magnitude():
    _, results = _figures("Đến nay, chủ đầu tư đã giải ngân 1.800 tỉ.")
    assert [v for v, _ in results] == [1800000000000.0]


def test_regression_report_titles_lost_their_result_cue():
    _, results = _figures("I. BÁO CÁO KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT NĂM 2024 VÀ NHIỆM VỤ NĂM 2025\n\n"
                          "1. Kinh tế\n\n- Tỷ lệ hộ nghèo còn 1,5%.")
    assert [v for v, _ in results] == [1.5]
