"""Regressions of session 26, each named after the bug; each failed on the code before its fix.
Texts are written for these tests in the style of the genre."""
from pipeline import extract


def test_regression_a_share_after_an_amount_took_its_whole_or_nothing_as_indicator():
    # ", chiếm 28% tổng vốn đầu tư": the share is the amount's just stated; "tổng vốn đầu tư" is its whole
    d = extract("Giai đoạn 2031-2035, khu vực nhà nước dự kiến huy động khoảng 3,1 nghìn tỷ đồng, chiếm 28% "
                "tổng vốn đầu tư; khu vực tư nhân khoảng 8 nghìn tỷ đồng, chiếm 72%.")
    shares = {q.value: q.indicator for q in d.targets if q.unit == "%"}
    assert "khu vực nhà nước" in (shares.get(28) or "") and "tổng vốn" not in (shares.get(28) or "")
    assert "khu vực tư nhân" in (shares.get(72) or "")


def test_a_share_with_its_own_subject_keeps_it():
    d = extract("Đến năm 2030, tỷ trọng kinh tế số chiếm 30% GRDP; doanh thu du lịch đạt 12 nghìn tỷ đồng.")
    shares = {q.value: q.indicator for q in d.targets if q.unit == "%"}
    assert "kinh tế số" in (shares.get(30) or "")


def test_regression_a_post_in_brackets_ended_a_list_of_members():
    # "Ủy ban Kiểm tra TƯ: A (Chủ nhiệm), B, C": the members after the first were lost with their title
    d = extract("Ủy ban Kiểm tra TƯ khóa X: Đàm Văn Chiến (Chủ nhiệm), Lò Thị Xuân, Khúc Văn Tường.")
    titles = {o.name: [t.text for t in o.titles] for o in d.officials}
    assert set(titles) == {"Đàm Văn Chiến", "Lò Thị Xuân", "Khúc Văn Tường"}
    assert all(any("Ủy ban Kiểm tra" in t for t in ts) for ts in titles.values())


def test_regression_a_list_named_by_its_body_gave_its_members_no_title():
    d = extract("Danh sách Bộ Chính trị khóa X: Vi Văn Hùng, Nông Thị Thu, Đèo Văn Sơn.")
    assert {o.name: [t.text for t in o.titles] for o in d.officials} == {
        "Vi Văn Hùng": ["Bộ Chính trị khóa X"], "Nông Thị Thu": ["Bộ Chính trị khóa X"], "Đèo Văn Sơn": ["Bộ Chính trị khóa X"]}


def test_regression_an_aside_after_a_name_hid_the_appointment_after_it():
    # a long aside in brackets (with a ';' inside) between the name and "được ... giữ chức"
    d = extract("Tháng 8/2020, Thứ trưởng Bộ Tài chính Đoàn Văn Khánh (47 tuổi, quê Nam Định; thạc sĩ kinh tế) được "
                "Bộ Chính trị điều động, chỉ định tham gia Ban Chấp hành, Ban Thường vụ và giữ chức Bí thư Tỉnh ủy Hà Giang.")
    (o,) = d.officials
    assert [t.text for t in o.titles] == ["Thứ trưởng Bộ Tài chính", "Bí thư Tỉnh ủy Hà Giang"]


def test_regression_a_post_among_personal_details_in_brackets_was_lost():
    d = extract("Ngày 9/9, bà Lạc Thị Hồng, (55 tuổi, quê Bắc Giang; Phó Chủ nhiệm Ủy ban Tư pháp của Quốc hội) "
                "được bổ nhiệm làm Thứ trưởng Bộ Tư pháp.")
    (o,) = d.officials
    assert [t.text for t in o.titles] == ["Phó Chủ nhiệm Ủy ban Tư pháp của Quốc hội", "Thứ trưởng Bộ Tư pháp"]


def test_regression_an_official_called_by_the_given_name_took_no_post():
    d = extract("Tháng 4/2019, Ban Bí thư chỉ định ông Ninh Văn Khải giữ chức Phó Bí thư Tỉnh ủy. "
                "Tháng 6/2019, HĐND tỉnh bầu ông Khải làm Chủ tịch UBND tỉnh. Ông Khải sau đó được bầu giữ chức Bí thư Tỉnh ủy.")
    (o,) = d.officials
    assert {t.text for t in o.titles} == {"Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh", "Bí thư Tỉnh ủy"}


def test_a_given_name_alone_is_no_person_and_glues_no_title():
    # "ông Tư chủ tịch": a word after a given name is no title; a given name no one was named by is nobody
    d = extract("Ông Đoàn Văn Tư, chủ tịch UBND thị trấn, đã duyệt đất. Người dân nói: mua đất ông Tư chủ tịch đi. "
                "Ông Hưng làm Giám đốc Sở Xây dựng.")
    assert [o.name for o in d.officials] == ["Đoàn Văn Tư"]
    assert [t.text for t in d.officials[0].titles] == ["chủ tịch UBND thị trấn"]


TIME_HEADED = ("Căn cứ Nghị quyết, mục tiêu phát triển kinh tế tư nhân như sau:\n\n"
               "**(1) Đến năm 2030**\n\n"
               "- Phấn đấu có 1,5 triệu doanh nghiệp hoạt động trong nền kinh tế.\n\n"
               "- Tốc độ tăng trưởng bình quân của kinh tế tư nhân đạt khoảng 9 - 11%/năm.\n\n"
               "**(2) Tầm nhìn đến năm 2045**\n\n"
               "Kinh tế tư nhân phát triển nhanh, bền vững.\n")


def test_regression_a_paragraph_that_is_only_a_time_gave_its_items_no_year():
    # "**(1) Đến năm 2030**" heads the items after it: their horizon, a yearly rate's too
    d = extract("Hà Nội, ngày 20 tháng 5 năm 2025\n\n" + TIME_HEADED)
    years = {q.value: q.year for q in d.targets}
    assert years.get(1500000) == 2030
    assert years.get(9) == 2030


def test_regression_a_bare_number_after_a_goal_label_was_no_target():
    # "Tổng chỉ tiêu năm 2006: 1.700": the label names the goal the bare number is the figure of
    d = extract("Hà Nội, ngày 1 tháng 4 năm 2006\nTrường không phân chỉ tiêu cho từng ngành. Tổng chỉ tiêu năm 2006: 1.700.")
    assert [(q.value, q.year) for q in d.targets] == [(1700, 2006)]


def test_regression_heads_of_small_units_were_no_titles():
    # "3 cán bộ gồm: tổ trưởng giám sát A, đội trưởng lái máy B, phân đoạn trưởng C": posts of a works' units
    d = extract("Xí nghiệp đã cách chức 3 cán bộ gồm: tổ trưởng giám sát Hà Văn Nghĩa, đội trưởng lái máy Đinh Trọng Hòa, "
                "phân đoạn trưởng Lương Quang Khánh. 2 phân đoạn phó Mạc Thanh Cường và Tạ Văn Chung chịu hình thức khiển trách.")
    titles = {o.name: [t.text for t in o.titles] for o in d.officials}
    assert titles == {"Hà Văn Nghĩa": ["tổ trưởng giám sát"], "Đinh Trọng Hòa": ["đội trưởng lái máy"],
                      "Lương Quang Khánh": ["phân đoạn trưởng"], "Mạc Thanh Cường": ["phân đoạn phó"],
                      "Tạ Văn Chung": ["phân đoạn phó"]}


def test_a_team_captain_before_a_foreign_name_is_no_evidence():
    # "cựu đội trưởng Real Madrid": a unit head's post before a foreign name names a team, not an official
    d = extract("Tiền vệ này, cựu đội trưởng Real Madrid, sẽ ra sân tối nay.")
    assert d.officials == [] or all(o.name != "Real Madrid" for o in d.officials)
