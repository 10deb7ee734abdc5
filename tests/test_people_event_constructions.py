"""Regression tests named after the constructions of issue 11 (people, titles, the event itself).

Each sentence is written for the test (no corpus text): the principle it checks is in the name."""
import pytest

from pipeline.extract import extract
from pipeline.stages.dates import find_dates, find_ranges, infer_year


def _officials(text):
    return {o.name: o for o in extract(text).officials}


def _titles(o):
    return [t.text for t in o.titles]


def test_list_frame_hands_its_title_to_each_member():
    offs = _officials("Các Phó Bí thư Tỉnh ủy gồm: Nguyễn Văn An, Trần Thị Bình, Lê Quang Cường.")
    assert set(offs) == {"Nguyễn Văn An", "Trần Thị Bình", "Lê Quang Cường"}
    assert all(_titles(o) == ["Phó Bí thư Tỉnh ủy"] for o in offs.values())


def test_list_frame_after_honorific_plural_with_title():
    offs = _officials("Dự đại hội có các đồng chí Ủy viên Bộ Chính trị: Nguyễn Văn An, Trần Thị Bình, Lê Quang Cường.")
    assert len(offs) == 3 and all("Ủy viên Bộ Chính trị" in _titles(o) for o in offs.values())


def test_list_frame_naming_a_body():
    offs = _officials("Đoàn Chủ tịch Đại hội gồm các đồng chí: Nguyễn Văn An, Trần Thị Bình, Lê Quang Cường, Phạm Văn Dũng.")
    assert len(offs) == 4
    assert all(_titles(o) == ["Đoàn Chủ tịch Đại hội"] for o in offs.values())


def test_ethnic_minority_name_after_honorific_is_whole():
    offs = _officials("Phát biểu có đồng chí Y Thanh Hà Niê Kđăm, Chủ tịch HĐND tỉnh Đắk Lắk.")
    assert list(offs) == ["Y Thanh Hà Niê Kđăm"]
    t = offs["Y Thanh Hà Niê Kđăm"].titles[0]
    assert (t.position, t.organization) == ("Chủ tịch HĐND", "tỉnh Đắk Lắk")


def test_two_syllable_name_not_led_by_a_listed_surname():
    offs = _officials("Ông U Huấn, Bí thư Huyện ủy, cho biết.")
    assert _titles(offs["U Huấn"]) == ["Bí thư Huyện ủy"]


def test_place_after_honorific_is_not_a_person():
    assert _officials("Đoàn công tác đến thăm tỉnh Bà Rịa - Vũng Tàu.") == {}


def test_apposition_without_comma():
    offs = _officials("ông Nguyễn Văn Bình Trưởng Ban Tuyên giáo Tỉnh ủy phát biểu.")
    assert _titles(offs["Nguyễn Văn Bình"]) == ["Trưởng Ban Tuyên giáo Tỉnh ủy"]


def test_second_title_after_lam():
    offs = _officials("- Đồng chí Nguyễn Văn An - Ủy viên Trung ương Đảng, làm Bí thư Tỉnh ủy.")
    assert _titles(offs["Nguyễn Văn An"]) == ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"]


def test_appointment_title_ends_where_the_next_list_frame_begins():
    offs = _officials("Đồng chí Nguyễn Văn An giữ chức Bí thư, các Phó Bí thư Tỉnh ủy gồm ông Trần Văn Bình "
                      "(Chủ tịch HĐND tỉnh), ông Lê Văn Cường (Chủ tịch UBND tỉnh).")
    assert _titles(offs["Nguyễn Văn An"]) == ["Bí thư"]
    assert offs["Nguyễn Văn An"].appointments[0].position == "Bí thư"


def test_former_title_keeps_nguyen():
    t = _officials("Có mặt nguyên Tổng Bí thư Nông Đức Mạnh.")["Nông Đức Mạnh"].titles[0]
    assert t.text == "nguyên Tổng Bí thư" and t.position == "nguyên Tổng Bí thư"


def test_title_chain_keeps_pho():
    o = _officials("ông Nguyễn Thanh Bình, Phó trưởng ban Thường trực Ban Tổ chức Trung ương, trao quyết định.")["Nguyễn Thanh Bình"]
    assert _titles(o) == ["Phó trưởng ban Thường trực Ban Tổ chức Trung ương"]
    o = _officials("Phó trưởng ban Thường trực Ban Tổ chức Trung ương Nguyễn Thanh Bình trao quyết định.")["Nguyễn Thanh Bình"]
    assert _titles(o)[0].startswith("Phó trưởng ban")


def test_age_in_years_after_name():
    o = _officials("Đồng chí Trần Văn Nam, 51 tuổi, Bí thư Tỉnh ủy.")["Trần Văn Nam"]
    assert o.age == 51 and _titles(o) == ["Bí thư Tỉnh ủy"]


def test_table_of_names_admits_its_rows():
    text = "| Họ tên | Phiếu |\n|---|---|\n| Nguyễn Văn An | 483 |\n| Trần Thị Bình | 480 |\n| Lê Quang Cường | 479 |\n"
    assert set(_officials(text)) == {"Nguyễn Văn An", "Trần Thị Bình", "Lê Quang Cường"}


# ---------------------------------------------------------------- dates: one grammar

def test_date_range_spelled_out_with_shared_month_and_year():
    (r,) = find_ranges("diễn ra từ ngày 12 đến ngày 15 tháng 10 năm 2020")
    assert (r.first.iso(), r.last.iso()) == ("2020-10-12", "2020-10-15")


def test_partial_ranges_take_the_month_of_their_end():
    (r,) = find_ranges("từ ngày 2 đến 3/10")
    assert (r.first.day, r.first.month, r.last.day, r.last.month, r.last.year) == (2, 10, 3, 10, None)
    (r,) = find_ranges("Đại hội diễn ra 18 - 25/4 tại Hà Nội")
    assert (r.first.day, r.last.day, r.last.month) == (18, 25, 4)


def test_a_bare_fraction_is_not_a_date():
    assert find_dates("tỷ lệ 3/4 số hộ") == []
    assert find_dates("giá 12.4 tỷ") == []


def test_year_inferred_from_the_document_and_recorded():
    text = "Hà Nội, ngày 10 tháng 4 năm 2006\n\nĐại hội đại biểu Hội Nông dân tỉnh lần thứ X diễn ra từ ngày 18 đến 25/4 tại Hà Nội."
    a = extract(text)
    cg = a.document.congress
    assert (cg.start_date, cg.end_date) == ("2006-04-18", "2006-04-25")
    assert cg.dates_inferred_year_from == "document_date"
    assert cg.ordinal == 10


def test_year_of_the_party_s_national_congress_comes_before_the_document_s_date():
    # (schema 1.4.0) the national congress the sentence names was held in a known year: that is nearer the event
    # than the date the report was written (a report of December 2005 on "Đại hội X ... từ ngày 18 đến 25/4")
    text = "Hà Nội, ngày 20 tháng 12 năm 2005\n\nĐại hội đại biểu toàn quốc lần thứ X của Đảng diễn ra từ ngày 18 đến 25/4 tại Hà Nội."
    cg = extract(text).document.congress
    assert (cg.start_date, cg.end_date, cg.dates_inferred_year_from) == ("2006-04-18", "2006-04-25", "national_congress")
    assert cg.ordinal == 10


def test_year_inferred_from_the_term():
    text = "Đại hội Đảng bộ tỉnh Bình Định lần thứ XXI, nhiệm kỳ 2020 - 2025 diễn ra từ ngày 2 đến 3/10."
    cg = extract(text).document.congress
    assert (cg.start_date, cg.end_date, cg.dates_inferred_year_from) == ("2020-10-02", "2020-10-03", "term")


def test_document_year_is_recorded_with_where_it_was_read():
    """The year the document speaks from (schema 1.3.0): from its date line, else (a text with no
    date) the latest year it states as its own time, grounded in the text."""
    a = extract("Hà Nội, ngày 10 tháng 4 năm 2006\n\nNăm 2005, thành phố tuyển 65.000 học sinh vào lớp 10.")
    assert (a.document.year.value, a.document.year.source) == (2006, "date_line")
    text = "Năm 2005, thành phố tuyển 68.000 học sinh vào lớp 10. Mục tiêu đến năm 2010 là 90.000 học sinh."
    y = extract(text).document.year
    assert (y.value, y.source, y.text) == (2005, "text_year", "2005")
    assert text[y.span.start:y.span.end] == "2005"


def test_regression_a_text_with_no_date_line_still_has_a_time_for_its_figures():
    """76 of 99 genre-pool texts with gold have no date line; their figures' years were measured
    against nothing, so "năm 2004" in a report of 2005 was no evidence of an achievement."""
    a = extract("Năm 2005, thành phố có 1.200 phòng học mới. Năm 2004, thành phố xây mới 950 phòng học.")
    assert [r.value for r in a.results] == [950]
    assert a.results[0].evidence[0].code == "past_time"


def test_infer_year_prefers_a_complete_date_nearby():
    text = "Ngày 14/10/2020, Đại hội khai mạc; bế mạc ngày 16/10."
    assert infer_year(text, text.index("16/10"), doc_date="2019-01-01") == (2020, "nearby_date")


@pytest.mark.parametrize("text, year", [
    # the report's own time is the latest it states; 2001 is background, 2001-2005 a plan's period
    ("Từ ngày 5 đến ngày 12/1, Hội nghị Trung ương kiểm điểm nửa nhiệm kỳ. Vụ việc tại Gia Lai tháng 2/2001 "
     "được nêu lại. Để hoàn thành kế hoạch 5 năm 2001-2005, cần tăng trưởng trên 8%. Kỳ họp tới dự kiến vào tháng 5/2004.", 2004),
    # a biography's years run up to the report's own
    ("Sáng nay 25/4, Đại hội đã họp phiên bế mạc. Ông A: vào Đảng năm 1963; 1963-1965: đội phó; "
     "từ năm 1996: Bí thư Tỉnh ủy; tháng 6/2006: Ủy viên Bộ Chính trị.", 2006),
    # a goal's horizon is not the report's time
    ("Chiều 14/10, Đại hội khai mạc. Năm 2020 thành phố đạt nhiều kết quả; phấn đấu đến năm 2030 "
     "trở thành đô thị hiện đại, tầm nhìn đến năm 2045.", 2020),
    # found on the development texts: a horizon after "vào" ("vào năm 2065", "vào nửa cuối năm
    # 2027"), a horizon coordinated with another ("đến năm 2045 hoặc 2065"), a period's bound
    # written with "đến" ("từ năm 1994 đến 2002"), a birth year
    ("Ngày 2/3, tỉnh công bố GRDP năm 2025 đạt 6.000 USD/người; mục tiêu đạt 100.000 USD vào năm 2065.", 2025),
    ("Ngày 5/12, Fed giữ nguyên lãi suất trong năm 2025; bước tiếp theo có thể là tăng lãi suất vào nửa cuối năm 2027.", 2025),
    ("Quy hoạch được lập năm 2026, chuyển từ tầm nhìn trung hạn (đến năm 2045 hoặc 2065) sang dài hạn; công bố ngày 1/7.", 2026),
    ("Ngày 3/4, Bộ Y tế cho biết số phòng khám tư từ năm 1994 đến 2002 tăng gấp đôi, năm 2003 tăng thêm 10%.", 2003),
    ("Ông Nguyễn Văn A (sinh năm 1960) được bầu ngày 5/10 tại đại hội năm 2020; bà B sinh năm 2021.", 2020),
])
def test_regression_infer_year_takes_the_latest_own_year_not_the_most_frequent(text, year):
    assert infer_year(text, text.index("/")) == (year, "text_year")


# ---------------------------------------------------------------- the document's own event

def test_congress_is_the_one_of_the_title_not_one_mentioned_in_passing():
    text = ("Khai mạc Đại hội Đảng bộ tỉnh Nam Định lần thứ XX\n\nĐại hội tập trung góp ý vào dự thảo Văn kiện "
            "Đại hội XIV của Đảng. Đại hội XIV của Đảng sẽ diễn ra năm 2026. Dự thảo Văn kiện Đại hội XIV của Đảng đã được gửi.")
    a = extract(text)
    assert a.document.congress.ordinal == 20
    assert "Nam Định" in a.document.organization.text


def test_congress_ordinal_spelled_out():
    assert extract("Đại hội Đảng bộ thành phố Huế lần thứ nhất, nhiệm kỳ 2025 - 2030.").document.congress.ordinal == 1


def test_organization_from_the_title():
    a = extract("Đồng chí Đỗ Đức Duy được giới thiệu giữ chức Chủ tịch UBND tỉnh Yên Bái\n\nSáng nay, tại kỳ họp ...")
    assert "Yên Bái" in a.document.organization.text


def test_kind_of_the_document_a_page_names_with_its_number():
    a = extract("# Danh mục dự án tập trung chỉ đạo (Kế hoạch 188/KH-UBND)\n\nNội dung chính của kế hoạch.")
    assert a.document.kind == "plan"


# ---------------------------------------------------------------- delegates

def test_delegate_phrasings_of_the_genre():
    def d(text):
        x = extract(text).delegates
        return {k: getattr(x, k).value for k in ("summoned", "attended", "absent", "appointed") if getattr(x, k)}
    assert d("Đại hội có 385 đồng chí đại biểu được chỉ định.") == {"appointed": 385}
    assert d("438 đại biểu đại diện cho hơn 10.000 đảng viên đã về dự Đại hội.") == {"attended": 438}
    assert d("Đại hội với sự tham gia của 485 đại biểu.") == {"attended": 485}
    assert d("Đại hội khai mạc với 450 đại biểu.") == {"attended": 450}
    assert d("1.176 đại biểu có mặt tại Đại hội.") == {"attended": 1176}
    assert d("Đại hội có 300 đại biểu được triệu tập, vắng mặt 4 đại biểu.") == {"summoned": 300, "absent": 4}
