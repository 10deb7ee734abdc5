"""Regressions found by the review of session 22's change (/work/scratch/s22/review.md), each named
after the bug; each failed on the reviewed code, except the last: a bug of the first fix (the name test
before a comma read lower-case accented letters as capitals), caught on the bulk sample."""
from pipeline import extract

DATE = "Hà Nội, ngày 15 tháng 10 năm 2025\n"


def _titles(text):
    return {o.name: [t.text for t in o.titles] for o in extract(text).officials}


def _indicators(text):
    d = extract(DATE + text)
    return {(q.value, q.indicator) for q in list(d.targets) + list(d.results)}


def _delegates(text):
    return extract(text).delegates.model_dump(exclude_none=True, include={"summoned", "attended", "absent"})


def test_regression_khong_in_a_body_name_dropped_the_official():
    titles = _titles("Cục trưởng Cục Hàng không Việt Nam Đinh Việt Thắng cho biết sẽ kiểm tra. "
                     "Tư lệnh Quân chủng Phòng không - Không quân Lê Huy Vịnh đã dự lễ.")
    assert titles.get("Đinh Việt Thắng") == ["Cục trưởng Cục Hàng không Việt Nam"]
    assert titles.get("Lê Huy Vịnh") == ["Tư lệnh Quân chủng Phòng không - Không quân"]


def test_regression_a_listed_person_took_the_previous_persons_title_across_the_comma():
    titles = _titles("Dự buổi làm việc có ông Nguyễn Văn An, Chủ tịch UBND tỉnh, ông Trần Văn Bình, Phó Chủ tịch UBND tỉnh.")
    assert titles["Trần Văn Bình"] == ["Phó Chủ tịch UBND tỉnh"]


def test_regression_a_title_that_is_a_verbs_object_was_apposed_to_the_name_after_the_comma():
    for text in ("Tiếp Đại sứ Nhật Bản, ông Nguyễn Văn An khẳng định hai bên sẽ hợp tác.",
                 "Trả lời Bộ trưởng Bộ Tài chính, ông Nguyễn Văn An nói dự án đúng tiến độ."):
        assert _titles(text)["Nguyễn Văn An"] == [], text


def test_regression_an_aside_after_a_count_replaced_its_noun():
    found = _indicators("Năm 2024, UBND huyện đã khảo sát và phát hiện 15 căn nhà (trong đó có 5 căn nhà tạm) "
                        "xuất hiện nhiều vết nứt nghiêm trọng.")
    assert (15.0, "căn nhà") in found


def test_regression_the_noun_after_a_measure_ran_on_into_the_next_clause():
    found = _indicators("Năm 2024, với 280 USD, bạn đã có thể du lịch Thái Lan trong 5 ngày.")
    assert all(not (ind or "").startswith("bạn") for _, ind in found)


def test_regression_a_year_or_an_ordinal_was_read_as_a_spelled_count_of_delegates():
    assert "absent" not in _delegates("Kỳ họp có 50 đại biểu tham dự. Theo quy chế, trong năm đại biểu nào "
                                      "không tham dự kỳ họp quá hai lần sẽ bị nhắc nhở.")
    assert "absent" not in _delegates("Hội nghị triệu tập 60 đại biểu. Ngày thứ hai đại biểu không dự được vì mưa lớn.")


def test_regression_a_delegation_name_became_a_title():
    assert _titles("Tham gia dẫn đầu Đoàn đại biểu HĐND thành phố, bà Phạm Phương Thảo cho biết.")["Phạm Phương Thảo"] == []


def test_regression_thanh_pho_was_a_namesake_head():
    assert _titles("Chủ tịch UBND Thành Phố Nguyễn Văn An cho biết sẽ xử lý.").get("Nguyễn Văn An") == ["Chủ tịch UBND Thành Phố"]


def test_regression_a_degree_with_a_dot_was_no_designation():
    assert _titles("Giám đốc Sở GD-ĐT, TS. Nguyễn Văn An cho biết.").get("Nguyễn Văn An") == ["TS", "Giám đốc Sở GD-ĐT"]


def test_regression_lower_case_accented_letters_were_read_as_capitals():
    # "ông Hiền," before the title: 'ông' opens with a lower-case 'ô', not a capital
    titles = _titles("Tuy nhiên, ngược với quan điểm của ông Hiền, Phó giám đốc Sở Giao thông Công chính TP HCM, "
                     "ông Dương Hồng Thanh cho rằng, thương hiệu phải có.")
    assert titles["Dương Hồng Thanh"] == ["Phó giám đốc Sở Giao thông Công chính TP HCM"]
