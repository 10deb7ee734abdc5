"""Officials, bodies and document metadata: the reference text (read by hand) and pinned cases."""
import pytest

from pipeline import extract

SEED_OFFICIALS = {
    # name: (title pieces the text gives, birth year)
    "Phạm Minh Chính": (["Uỷ viên Bộ Chính trị", "Thủ tướng Chính phủ nước Cộng hoà xã hội chủ nghĩa Việt Nam"], None),
    "Bùi Thanh Tùng": (["Chủ tịch Liên hiệp các Hội Khoa học và Kỹ thuật thành phố"], 1961),
    "Phạm Thị Thu Thảo": (["Đảng ủy viên", "Phó Chủ tịch UBMTTQ Việt Nam", "Bí thư Đoàn TNCS Hồ Chí Minh xã Vĩnh Bảo"], 1998),
    "Lê Tiến Châu": (["Bí thư Thành uỷ khoá I, nhiệm kỳ 2025 - 2030"], None),
    "Đỗ Mạnh Hiến": (["Phó Bí thư Thành uỷ khoá I, nhiệm kỳ 2025 - 2030"], None),
    "Lê Văn Hiệu": (["Phó Bí thư Thành uỷ khoá I, nhiệm kỳ 2025 - 2030"], None),
    "Lê Ngọc Châu": (["Phó Bí thư Thành uỷ khoá I, nhiệm kỳ 2025 - 2030"], None),
    "Phạm Văn Lập": (["Phó Bí thư Thành uỷ khoá I, nhiệm kỳ 2025 - 2030"], None),
}


def test_seed_has_exactly_the_eight_officials(seed_doc):
    assert sorted(o.name for o in seed_doc.officials) == sorted(SEED_OFFICIALS)


@pytest.mark.parametrize("name", sorted(SEED_OFFICIALS))
def test_seed_official_titles_and_birth_year(seed_doc, name):
    o = next(x for x in seed_doc.officials if x.name == name)
    titles, birth = SEED_OFFICIALS[name]
    assert [t.text for t in o.titles] == titles
    assert o.birth_year == birth


def test_seed_titles_split_into_position_and_organization(seed_doc):
    chau = next(x for x in seed_doc.officials if x.name == "Lê Văn Hiệu")
    assert (chau.titles[0].position, chau.titles[0].organization) == ("Phó Bí thư", "Thành uỷ")
    chinh = next(x for x in seed_doc.officials if x.name == "Phạm Minh Chính")
    assert chinh.titles[1].position.startswith("Thủ tướng")
    assert chinh.role_in_document == "guest"


def test_seed_appointments(seed_doc):
    for name in ("Lê Tiến Châu", "Đỗ Mạnh Hiến", "Lê Văn Hiệu", "Lê Ngọc Châu", "Phạm Văn Lập"):
        o = next(x for x in seed_doc.officials if x.name == name)
        assert len(o.appointments) == 1
        a = o.appointments[0]
        assert a.verb == "được chỉ định" and a.body == "Thành uỷ"
        assert (a.term.start, a.term.end) == (2025, 2030)
        assert a.position == ("Bí thư" if name == "Lê Tiến Châu" else "Phó Bí thư")


def test_seed_oldest_and_youngest_delegates(seed_doc):
    tung = next(x for x in seed_doc.officials if x.name == "Bùi Thanh Tùng")
    thao = next(x for x in seed_doc.officials if x.name == "Phạm Thị Thu Thảo")
    assert (tung.role_in_document, tung.age) == ("oldest_delegate", 64)
    assert (thao.role_in_document, thao.age) == ("youngest_delegate", 27)


def test_seed_namesakes_and_bare_titles_are_not_officials(seed_doc):
    names = {o.name for o in seed_doc.officials}
    assert not names & {"Hồ Chí Minh", "Tổng Bí thư", "Vinfast"}


def test_seed_bodies(seed_doc):
    got = {(b.name, b.members, b.alternates) for b in seed_doc.bodies}
    assert ("Ban Chấp hành Đảng bộ thành phố", 78, None) in got
    assert ("Ban Thường vụ Thành uỷ", 20, None) in got
    assert ("Uỷ viên Uỷ ban Kiểm tra Thành uỷ", 11, None) in got
    assert any(n.startswith("Đoàn đại biểu thành phố Hải Phòng") and m == 44 and a == 3 for n, m, a in got)
    ubkt = next(b for b in seed_doc.bodies if b.members == 11)
    assert ubkt.decided_by == "Ban Bí thư" and (ubkt.term.start, ubkt.term.end) == (2025, 2030)
    bch = next(b for b in seed_doc.bodies if b.members == 78)
    assert bch.decided_by == "Bộ Chính trị"


def test_seed_congress_metadata(seed_doc):
    d = seed_doc.document
    assert d.kind == "congress_report"
    assert d.title.text.startswith("THÔNG BÁO NHANH KẾT QUẢ ĐẠI HỘI")
    assert d.organization.text == "Đảng bộ thành phố Hải Phòng"
    c = d.congress
    assert c.ordinal == 1 and (c.term.start, c.term.end) == (2025, 2030)
    assert (c.start_date, c.end_date) == ("2025-09-26", "2025-09-27")
    assert c.venue.text == "Trung tâm Hội nghị - Biểu diễn thành phố Hải Phòng"
    assert c.theme.text.startswith("Tiếp tục nâng cao năng lực lãnh đạo") and c.theme.text.endswith("đi đầu trong xây dựng Chủ nghĩa xã hội")
    assert c.motto.text == "Đoàn kết - Dân chủ - Kỷ cương – Sáng tạo - Phát triển"


@pytest.mark.parametrize("text,expected", [
    ("Phó Thủ tướng Chính phủ Bùi Thanh Sơn đã chủ trì buổi làm việc.", {"Bùi Thanh Sơn": ["Phó Thủ tướng Chính phủ"]}),
    ("Ông Hồ Văn Niên tái đắc cử bí thư tỉnh ủy Gia Lai.", {"Hồ Văn Niên": ["bí thư tỉnh ủy Gia Lai"]}),
    ("Dự có Phó Chủ tịch UBND tỉnh Bình Định Vũ Hoàng Hà, Bí thư Tỉnh ủy Quảng Ninh Nguyễn Văn Quynh.",
     {"Vũ Hoàng Hà": ["Phó Chủ tịch UBND tỉnh Bình Định"], "Nguyễn Văn Quynh": ["Bí thư Tỉnh ủy Quảng Ninh"]}),
    ("Quán triệt tư tưởng Hồ Chí Minh, đồng chí Tổng Bí thư yêu cầu Đoàn TNCS Hồ Chí Minh tại TP Hồ Chí Minh.", {}),
    ("Trường THPT Nguyễn Trãi trên đường Lê Lợi, phường Trần Phú.", {}),
    ("Tỉnh ủy Hà Nội Đinh Tiến Dũng", {}),
])
def test_people_patterns(text, expected):
    got = {o.name: [t.text for t in o.titles] for o in extract(text).officials}
    assert got == expected


def test_regression_two_names_run_together_in_a_flattened_table():
    doc = extract("| Thứ trưởng | Nguyễn Duy Thăng Trương Hải Long |\nđồng chí Trương Hải Long, Thứ trưởng Bộ Nội vụ.")
    assert "Trương Hải Long" in {o.name for o in doc.officials}
    assert not any(o.name.endswith("Trương") for o in doc.officials)


def test_regression_signature_block():
    doc = extract("KẾ HOẠCH\nPHÁT TRIỂN KINH TẾ SỐ\n\nNội dung kế hoạch.\n\n**KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**\n\n**Mai Sơn**\n")
    o = {x.name: x for x in doc.officials}
    assert o["Mai Sơn"].role_in_document == "signatory"
    assert doc.document.kind == "plan"


@pytest.mark.parametrize("text,date", [
    ("Nghị quyết này được Quốc hội khóa XV, Kỳ họp thứ 9 thông qua ngày 17 tháng 5 năm 2025.", "2025-05-17"),
    ("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 144/KH-UBND\n*Bắc Ninh, ngày 24\ntháng 11 năm 2025*\n\nKẾ HOẠCH\nPHÁT TRIỂN KINH TẾ SỐ", "2025-11-24"),
    ("Hà Nội, ngày 31 tháng 2 năm 2025\n\nTHÔNG BÁO", None),
])
def test_document_date(text, date):
    d = extract(text).document
    assert d.date == date
    if date:
        assert d.date_text.text.startswith("ngày")


@pytest.mark.parametrize("text, name, title", [
    # a bracketed abbreviation is part of the body's name, after the name and before it
    ("Ông Nguyễn Văn Xê, Trưởng Ban Chỉ đạo Xóa đói giảm nghèo (XĐGN) và Việc làm thành phố, cho biết thêm.",
     "Nguyễn Văn Xê", "Trưởng Ban Chỉ đạo Xóa đói giảm nghèo (XĐGN) và Việc"),
    ("Phó Trưởng ban Chỉ đạo (PCTN) Trần Văn An phát biểu tại hội nghị.", "Trần Văn An", "Phó Trưởng ban Chỉ đạo (PCTN)"),
    # an HTML entity left in scraped text does not end the title at its ';'
    ("Ông Lê Văn Bình, Giám đốc Sở NN&amp;PTNT tỉnh, cho biết thêm.", "Lê Văn Bình", "Giám đốc Sở NN&amp;PTNT tỉnh"),
    ("Giám đốc Sở NN&amp;PTNT Lê Văn Bình phát biểu.", "Lê Văn Bình", "Giám đốc Sở NN&amp;PTNT"),
])
def test_regression_title_cut_at_an_abbreviation_bracket_or_an_html_entity(text, name, title):
    o = next(x for x in extract(text).officials if x.name == name)
    assert any(t.text.startswith(title) for t in o.titles), [t.text for t in o.titles]


def test_regression_a_bracket_that_is_no_abbreviation_still_ends_the_title():
    """'Giám đốc Học viện ...Ủy ban Kiểm tra khóa X (14 người): A, B' (a flattened list): the
    title is not run on into the next list."""
    text = "8. Tô Huy Rứa - Giám đốc Học viện Chính trị Quốc gia Hồ Chí Minh\nỦy ban Kiểm tra khóa X (14 người): Nguyễn Văn Chi, Nguyễn Thị Doan"
    o = next(x for x in extract(text).officials if x.name == "Tô Huy Rứa")
    assert [t.text for t in o.titles] == ["Giám đốc Học viện Chính trị Quốc gia Hồ Chí Minh"]
