"""Stage 4: the heading tree. Expected trees written by reading the texts."""
import pytest

from pipeline import extract

# (id, label, parent, title start) for every structural heading of haiphong-2025.txt, read from the text.
SEED_TREE = [
    ("I", "I", None, "VỀ CÔNG TÁC CHUẨN BỊ"),
    ("I.1", "1", "I", "Công tác chuẩn bị Đại hội"),
    ("I.2", "2", "I", "Điểm nổi bật của Đại hội"),
    ("II", "II", None, "VỀ ĐẠI BIỂU ĐẠI HỘI"),
    ("II.1", "1", "II", "Đại biểu chính thức"),
    ("II.1.1", "1.1", "II.1", "Số đại biểu được triệu tập"),
    ("II.1.2", "1.2", "II.1", "Số đại biểu dự Đại hội"),
    ("II.2", "2", "II", "Đại biểu khách mời"),
    ("III", "III", None, "CHỦ ĐỀ, PHƯƠNG CHÂM"),
    ("III.1", "1", "III", "Chủ đề Đại hội"),
    ("III.2", "2", "III", "Phương châm Đại hội"),
    ("III.3", "3", "III", "Nội dung"),
    ("IV", "IV", None, "KẾT QUẢ ĐẠI HỘI"),
    ("IV.1", "1", "IV", "Kết quả thực hiện Nghị quyết"),
    ("IV.1.1", "1.1", "IV.1", "Kết quả đạt được và nguyên nhân"),
    ("IV.1.2", "1.2", "IV.1", "Hạn chế và nguyên nhân"),
    ("IV.1.3", "1.3", "IV.1", "Bài học kinh nghiệm"),
    ("IV.2", "2", "IV", "Quan điểm, mục tiêu"),
    ("IV.2.1", "2.1", "IV.2", "Quan điểm"),
    ("IV.2.2", "2.2", "IV.2", "Mục tiêu đến năm 2030"),
    ("IV.2.3", "2.3", "IV.2", "Các chỉ tiêu chủ yếu"),
    ("IV.2.3.a", "a", "IV.2.3", "Các chỉ tiêu xây dựng Đảng"),
    ("IV.2.3.b", "b", "IV.2.3", "Các chỉ tiêu phát triển kinh tế"),
    ("IV.2.4", "2.4", "IV.2", "Các đột phá chiến lược"),
    ("IV.2.5", "2.5", "IV.2", "Xác định 11 nhóm"),
    ("IV.2.5~2", "2.5", "IV.2", "Các nhiệm vụ và giải pháp chủ yếu"),
    ("IV.3", "3", "IV", "Thông qua các Báo cáo"),
    ("IV.4", "4", "IV", "Công tác nhân sự"),
]


def test_seed_structural_headings_form_the_expected_tree(seed_doc):
    got = [(s.id, s.label, s.parent, s.title) for s in seed_doc.sections if not s.list_item]
    assert len(got) == len(SEED_TREE)
    for (gid, glabel, gparent, gtitle), (eid, elabel, eparent, etitle) in zip(got, SEED_TREE):
        assert (gid, glabel, gparent) == (eid, elabel, eparent)
        assert gtitle.startswith(etitle)


def test_seed_section_spans_are_exact_and_nested(seed_doc, seed_text):
    by_id = {s.id: s for s in seed_doc.sections}
    assert len(by_id) == len(seed_doc.sections), "ids are unique"
    for s in seed_doc.sections:
        assert seed_text[s.span.start:s.span.end] == s.text
        assert seed_text[s.heading.span.start:s.heading.span.end] == s.heading.text
        if s.parent:
            p = by_id[s.parent]
            assert p.span.start <= s.span.start and s.span.end <= p.span.end
            assert s.level == p.level + 1


def test_seed_list_items_nest_under_their_headings(seed_doc):
    items = [s for s in seed_doc.sections if s.list_item]
    # (1)..(7) of part a) of 2.3 are children of IV.2.3.a
    a_items = [s for s in items if s.parent == "IV.2.3.a"]
    assert [s.label for s in a_items] == ["1", "2", "3", "4", "5", "6", "7"]
    b_items = [s for s in items if s.parent == "IV.2.3.b"]
    assert len(b_items) == 22
    # "Một là," ... "Năm là," under I.2
    assert [s.label for s in items if s.parent == "I.2"] == ["Một", "Hai", "Ba", "Bốn", "Năm"]


def test_seed_furniture_is_not_in_any_section(seed_doc, seed_text):
    cut = seed_text.index("Xã Yết Kiêu\nQR Code")
    assert all(s.span.end <= cut for s in seed_doc.sections)
    assert seed_doc.sections[-1].text.rstrip().endswith("Nghị quyết Đại hội XIV của Đảng.")


def test_news_text_without_headings_has_no_sections():
    text = ("Sáng 27/9, Đại hội đại biểu Đảng bộ thành phố lần thứ I đã bế mạc. Phát biểu tại Đại hội, đồng chí Bí thư nhấn mạnh nhiệm vụ.\n"
            "- Đây là kỳ Đại hội đầu tiên sau hợp nhất, ông nói.\n"
            "Đại hội đã thành công tốt đẹp.")
    assert extract(text).sections == []


@pytest.mark.parametrize("text,expected", [
    ("Điều 1. Phạm vi điều chỉnh\nNội dung.\nĐiều 2. Đối tượng áp dụng\n1. Cơ quan nhà nước.\n2. Tổ chức.",
     [("1", "article", None), ("2", "article", None), ("2.1", "arabic", "2"), ("2.2", "arabic", "2")]),
    ("Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nChương II\nNỘI DUNG\nĐiều 2. Thẩm quyền",
     [("I", "chapter", None), ("I.1", "article", "I"), ("II", "chapter", None), ("II.2", "article", "II")]),
    ("**I. ĐÁNH GIÁ CHUNG**\nNội dung đánh giá.\n**II. NHIỆM VỤ**\n1. Về kinh tế: tăng trưởng.\na) Công nghiệp: tốt.\nb) Nông nghiệp: khá.",
     [("I", "roman", None), ("II", "roman", None), ("II.1", "arabic", "II"), ("II.1.a", "letter", "II.1"), ("II.1.b", "letter", "II.1")]),
    ("# Kế hoạch\n## Mục tiêu\nTăng trưởng.\n## Nhiệm vụ\nLàm tốt.",
     [("#", "markdown", None), ("#.##", "markdown", "#"), ("#.##~2", "markdown", "#")]),
])
def test_heading_kinds(text, expected):
    got = [(s.id, s.kind, s.parent) for s in extract(text).sections]
    assert got == expected


def test_inline_heading_title_is_the_words_before_the_colon():
    doc = extract("I. VỀ ĐẠI BIỂU\n1. Công tác chuẩn bị Đại hội: Được triển khai nghiêm túc, khẩn trương.")
    assert doc.sections[1].title == "Công tác chuẩn bị Đại hội"


def test_number_at_line_start_in_a_wrapped_paragraph_is_not_a_heading():
    lines = ["Ngày 14 tháng 11 năm 2025, Phó Thủ tướng Chính phủ đã chủ trì buổi làm việc với lãnh đạo tỉnh về tình hình",
             "sản xuất kinh doanh, đầu tư công, xuất nhập khẩu và xây dựng hạ tầng theo phân công tại Quyết định số",
             "21. Cùng dự buổi làm việc có lãnh đạo Bộ Tài chính và đại diện các bộ, cơ quan liên quan của Chính phủ",
             "và các sở, ngành của tỉnh."] * 4
    assert [s for s in extract("\n".join(lines)).sections if s.kind == "arabic"] == []


def test_capital_letter_headings_in_one_run_are_sections():
    text = ("NGHỊ QUYẾT\nA. Đối với dự thảo Báo cáo chính trị\n1. Về bối cảnh\nNội dung.\n"
            "B. Đối với dự thảo Báo cáo kiểm điểm\n1. Về ưu điểm\nNội dung.\nC. Đối với dự thảo Chương trình hành động\nNội dung.")
    secs = extract(text).sections
    letters = [s for s in secs if s.kind == "upper_letter"]
    assert [(s.label, s.title) for s in letters] == [
        ("A", "Đối với dự thảo Báo cáo chính trị"), ("B", "Đối với dự thảo Báo cáo kiểm điểm"),
        ("C", "Đối với dự thảo Chương trình hành động")]
    assert all(s.level == 1 for s in letters)
    assert [s.parent for s in secs if s.kind == "arabic"] == ["A", "B"]


def test_regression_quiz_options_are_not_capital_letter_headings():
    """A quiz page: every question's options restart at A ('A. 85% B. 90%' on one line)."""
    text = ("Câu 1. Mục tiêu tỷ lệ che phủ rừng đến năm 2030?\nA. Tám mươi lăm phần trăm\nB. Chín mươi phần trăm\n"
            "Câu 2. Phương châm nào đúng?\nA. Dân biết, dân bàn, dân làm\nB. Dân biết, dân kiểm tra\nC. Dân làm, dân hưởng thụ")
    assert not [s for s in extract(text).sections if s.kind == "upper_letter"]


def test_regression_lower_case_roman_labels_in_brackets_were_no_items():
    # "**(i) Các chỉ tiêu kinh tế**": a resolution's groups of targets, labelled (i), (ii), (iii)
    text = ("II. MỤC TIÊU\n\n1. Các chỉ tiêu chủ yếu\n\n**(i) Các chỉ tiêu kinh tế**\n\nTốc độ tăng trưởng GDP bình quân "
            "đạt 6,5-7%/năm.\n\n**(ii) Các chỉ tiêu xã hội**\n\nTỷ lệ hộ nghèo giảm bình quân 1-1,5%/năm.\n\n"
            "**(iii) Các chỉ tiêu môi trường**\n\nTỷ lệ che phủ rừng đạt 42%.\n")
    got = [(s.label, s.title) for s in extract(text).sections if s.label in ("i", "ii", "iii")]
    assert got == [("i", "Các chỉ tiêu kinh tế"), ("ii", "Các chỉ tiêu xã hội"), ("iii", "Các chỉ tiêu môi trường")]
