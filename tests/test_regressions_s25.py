"""Regressions of session 25, each named after the bug; each failed on the code before its fix.
Texts are written for these tests in the style of the genre."""
from pipeline import extract

PLAN_HEAD = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ A\nSố: 15/KH-UBND\nThành phố A, ngày 17 tháng 11 năm 2025\n\nKẾ HOẠCH\nThực hiện Chương trình phòng, chống ma túy\n\n"

EMPHASISED_PLAN = PLAN_HEAD + (
    "**I. MỤC\nĐÍCH, YÊU CẦU**\n\n"
    "**1. Mục\nđích**\n\n"
    "a) Triển khai nghiêm túc, chất\nlượng các nội dung của Chương trình.\n\n"
    "b) Xác định cụ thể các nội\ndung, nhiệm vụ trọng tâm.\n\n"
    "**2. Yêu cầu**\n\n"
    "a) Bám sát nội dung Nghị quyết.\n\n"
    "**II. NỘI\nDUNG, NHIỆM VỤ**\n\n"
    "**1.\nCông tác tham mưu, chỉ đạo triển khai**\n\n"
    "Đề nghị Ủy ban Mặt trận Tổ quốc thành phố phối hợp thực hiện.\n\n"
    "**2.\nTăng cường hiệu lực quản lý nhà nước**\n\n"
    "a) Phát huy vai trò của cấp ủy.\n")


def test_regression_an_emphasised_label_alone_on_its_line_was_no_heading():
    # "**1.\nCông tác tham mưu ...**": the title on the next line, inside the same emphasis
    d = extract(EMPHASISED_PLAN)
    heads = [(s.label, s.title.replace("\n", " ")) for s in d.sections if not s.list_item]
    assert ("1", "Công tác tham mưu, chỉ đạo triển khai") in heads
    assert ("2", "Tăng cường hiệu lực quản lý nhà nước") in heads
    under_ii = [s for s in d.sections if s.parent == "II" and not s.list_item]
    assert [s.label for s in under_ii] == ["1", "2"]


def test_regression_plain_lettered_clauses_under_emphasised_headings_were_headings():
    # the document marks its headings by emphasis: a plain "a) ..." paragraph is a clause of its text
    d = extract(EMPHASISED_PLAN)
    letters = [s for s in d.sections if s.kind == "letter"]
    assert letters and all(s.list_item for s in letters)


def test_lettered_headings_stay_headings_where_the_document_uses_no_emphasis():
    text = PLAN_HEAD + (
        "I. MỤC TIÊU\n\n1. Mục tiêu chung\n\na) Nâng cao nhận thức\n\nb) Giảm số người nghiện\n\n"
        "2. Mục tiêu cụ thể\n\nII. NHIỆM VỤ\n\n1. Tuyên truyền\n\n2. Kiểm tra\n\n3. Báo cáo\n")
    d = extract(text)
    letters = [s for s in d.sections if s.kind == "letter"]
    assert [s.label for s in letters] == ["a", "b"] and not any(s.list_item for s in letters)


def test_regression_two_goals_of_one_list_with_the_same_head_were_merged_as_one_restated():
    text = PLAN_HEAD + (
        "I. MỤC TIÊU\n\n4. Các chỉ tiêu cụ thể đến năm 2030\n\n"
        "đ) Trên 80% số trạm y tế xã và 100% cơ sở cai nghiện công lập đủ điều kiện xác định tình trạng nghiện.\n\n"
        "e) Phấn đấu 100% cơ sở cai nghiện công lập bảo đảm điều kiện theo quy định của Luật.\n")
    d = extract(text)
    hundreds = [q for q in d.targets if q.value == 100]
    assert len(hundreds) == 2


def test_a_goal_restated_in_the_same_words_is_reported_once():
    text = PLAN_HEAD + (
        "I. MỤC TIÊU\n\n1. Phấn đấu đào tạo, bồi dưỡng 10.000 giám đốc điều hành doanh nghiệp nhỏ và vừa.\n\n"
        "II. GIẢI PHÁP\n\n1. Để đạt mục tiêu đào tạo 10.000 giám đốc điều hành doanh nghiệp nhỏ và vừa, thành phố huy động doanh nhân tham gia.\n")
    d = extract(text)
    assert len([q for q in d.targets if q.value == 10000]) == 1


def test_regression_two_goals_of_the_same_share_of_a_whole_were_merged():
    # found in review: the words after a share name its whole ("dân số"), not the goal; two indicator ids
    # are two goals; one word after the number is no evidence of a restatement
    d = extract("Đến năm 2030, tỷ lệ bao phủ bảo hiểm y tế đạt 95% dân số; tỷ lệ dân số được quản lý sức khỏe đạt 95% dân số. "
                "Năm 2006, trường dự kiến: Ngành Kế toán: tuyển 100 CT, khối A. Ngành Luật: tuyển 100 CT.")
    assert len([q for q in d.targets if q.value == 95]) == 2
    assert len([q for q in d.targets if q.value == 100]) == 2


def _titles(d, name):
    return [t.text for o in d.officials if o.name == name for t in o.titles]


def test_regression_a_title_in_an_aside_between_dashes_ran_on_into_the_predicate():
    d = extract("Tại phiên thảo luận, bà H’Luộc NTơr - ĐB Đắc Lắc - nhắc: kỳ trước Chính phủ đã hứa. "
                "Ông Nguyễn Văn An - Bộ trưởng Bộ Lao động - Thương binh và Xã hội - cho biết sẽ sửa luật. "
                "Chị Đinh Thị Thu Thủy - trưởng Phòng Thương mại - du lịch Hội An - vui mừng cho biết.")
    assert _titles(d, "H’Luộc NTơr") == ["ĐB Đắc Lắc"]
    assert _titles(d, "Nguyễn Văn An") == ["Bộ trưởng Bộ Lao động - Thương binh và Xã hội"]
    assert _titles(d, "Đinh Thị Thu Thủy") == ["trưởng Phòng Thương mại - du lịch Hội An"]


def test_regression_a_hyphen_glued_to_the_end_of_a_name_was_part_of_it():
    d = extract("Bộ Xây dựng sẽ đình chỉ chức vụ phó tổng giám đốc đối với ông Đào Tiến Dũng- đối tượng vừa bị khởi tố.")
    assert [o.name for o in d.officials] == ["Đào Tiến Dũng"]


def test_regression_an_honorary_chairman_was_cut_at_the_word_for_attend():
    d = extract("Giải do nguyên Phó Thủ tướng Nguyễn Mạnh Cầm làm Chủ tịch danh dự và là người bảo trợ.")
    assert "Chủ tịch danh dự" in _titles(d, "Nguyễn Mạnh Cầm")


def test_regression_a_state_and_a_title_of_honour_were_taken_for_officials():
    d = extract("Chiều qua, trong khuôn khổ chuyến thăm chính thức Vương Quốc Anh, Chủ tịch nước Trần Đức Lương "
                "đã hội đàm. Công ty chăm sóc phụng dưỡng 1 Bà Mẹ VN anh hùng ở huyện Bình Chánh.")
    assert [o.name for o in d.officials] == ["Trần Đức Lương"]


def test_regression_the_issuers_place_on_the_next_emphasised_header_line_was_lost():
    text = ("|\n**ỦY BAN NHÂN\nDÂN**\n**THÀNH PHỐ CẦN THƠ**\n--------\n|\n**CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM**\n"
            "Độc lập - Tự do - Hạnh phúc\n\nSố: 153/KH-UBND\n\n**KẾ HOẠCH**\n\nTriển khai thực hiện Chương trình.\n")
    d = extract(text)
    assert d.document.organization.text.endswith("THÀNH PHỐ CẦN THƠ")


def test_regression_a_bare_provincial_party_committee_was_the_organisation():
    text = ("Ngày 26/11/2025, UBND tỉnh Đồng Nai đã ban hành Kế hoạch 188/KH-UBND về việc triển khai thực hiện "
            "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025-2030.\n\n"
            "Trong quá trình thực hiện Nghị quyết Đại hội Đại biểu Đảng bộ tỉnh Đồng Nai lần thứ I, các dự án được bổ sung.\n")
    d = extract(text)
    assert d.document.organization.text == "Đảng bộ tỉnh Đồng Nai"


def test_delegates_who_will_attend_are_the_expected_number_not_an_attendance():
    d = extract("Ngày mai, Đại hội đại biểu Đảng bộ tỉnh A lần thứ XV khai mạc. 500 đại biểu sẽ tham dự Đại hội.").delegates
    assert d.summoned.value == 500 and d.attended is None
    # the future of another verb of the sentence is not the attendance's ("sẽ lấy ý kiến ... của 1.176 đại biểu tham dự")
    d = extract("Sau khi Đại hội bầu ra Ban Chấp hành, sẽ lấy ý kiến thăm dò của 1.176 đại biểu tham dự về chức danh Tổng Bí thư.").delegates
    assert d.attended.value == 1176


def test_regression_a_reported_measure_after_a_theo_attribution_was_no_result():
    d = extract("Hà Nội, ngày 5/4/2005. Theo báo cáo của Bộ Kế hoạch - Đầu tư, tốc độ tăng trưởng trong quý 1 năm nay đạt 7,2%, thấp hơn cùng kỳ.")
    assert [q.value for q in d.results] == [7.2]


def test_regression_a_rate_a_rule_sets_with_bang_became_a_present_state():
    # found in review: 'bằng' states a rule's rate as often as a level measured; and a forecast or a rule after
    # "Theo" is no report of the present
    d = extract("Theo Luật Bảo hiểm xã hội, mức đóng hằng tháng bằng 3% tiền lương. "
                "Tổng vốn đầu tư của dự án được thực hiện bằng 100% vốn ngân sách nhà nước. "
                "Theo dự báo, tốc độ tăng trưởng kinh tế đạt 7%. Theo quy chế, vốn điều lệ tối thiểu là 15 tỷ đồng.")
    assert d.results == []


def test_regression_a_party_named_free_lost_its_official_at_do():
    d = extract("Tổng thư ký Đảng Dân chủ tự do Nhật Tsutomu Takebe đã thăm Đà Lạt.")
    assert _titles(d, "Tsutomu Takebe") == ["Tổng thư ký Đảng Dân chủ tự do Nhật"]


def test_regression_titles_ran_on_past_connectives_times_and_headline_verbs():
    d = extract("Nhưng theo bà Nguyễn Thị Độ - phó giám đốc Sở Văn hoá thông tin thị xã Tuyên Quang thì hội xuân du lịch "
                "đầy triển vọng. Ông Trần Văn Tuấn, Chủ tịch UBND huyện Như Thanh còn cho biết đã xảy ra đánh nhau. "
                "Theo đánh giá của ông Nguyễn Thành Tài, Phó chủ tịch TP HCM hôm 13/4, đây là cách làm hay. "
                "Ngày 29-12, ông Văn Trọng Hùng, Giám đốc Sở Văn hóa - Thông tin thông báo UBND tỉnh đã có quyết định.")
    assert _titles(d, "Nguyễn Thị Độ") == ["phó giám đốc Sở Văn hoá thông tin thị xã Tuyên Quang"]
    assert _titles(d, "Trần Văn Tuấn") == ["Chủ tịch UBND huyện Như Thanh"]
    assert _titles(d, "Nguyễn Thành Tài") == ["Phó chủ tịch TP HCM"]
    assert _titles(d, "Văn Trọng Hùng") == ["Giám đốc Sở Văn hóa - Thông tin"]


def test_regression_places_that_start_with_ba_were_taken_for_a_woman_named_after_it():
    d = extract("Sáng 12/4, tiếp tục các hoạt động của Festival Biển Bà Rịa Vũng Tàu 2006, Ban tổ chức đã công bố giải. "
                "Cây nằm ngay ngã tư đường Nguyễn Thị Diệu và Bà Huyện Thanh Quan nhưng không có thiệt hại.")
    assert d.officials == []


def test_regression_a_foreign_name_with_a_middle_initial_was_cut_at_the_initial():
    d = extract("Theo ông Gabriel M. Lessard, Đại sứ Canada tại Việt Nam, cuộc chạy thành công. "
                "Ngày 27/9, Phó trợ lý Bộ trưởng ngoại giao Mỹ Eric G. John đã đến Hà Nội. Ông Eric G.John cho biết "
                "chuyến thăm rất tốt. Ông Nguyễn Văn A. Hôm qua ông đến. Bà N.V kể lại câu chuyện.")
    names = sorted(o.name for o in d.officials)
    assert "Gabriel M. Lessard" in names and "Eric G. John" in names
    assert "Eric G.John" not in names  # the same person, spaced differently
    assert not [n for n in names if "Hôm" in n or n.startswith("N.")]


def test_the_posts_a_pronoun_sentence_gives_go_to_the_person_named_last():
    d = extract("**Phạm Thị Thanh Trà** (sinh ngày 21 tháng 1 năm 1964) là một nữ chính trị gia người Việt Nam. "
                "Bà hiện là Ủy viên Ban Chấp hành Trung ương Đảng khóa XIII, Phó Thủ tướng Chính phủ.\n\n"
                "Ông Nguyễn Văn An, Bí thư Huyện ủy, dự lễ. Ông từng giữ chức Chủ tịch UBND huyện Cam Lộ. "
                "Bà từng là Giám đốc Sở Y tế.")
    assert _titles(d, "Phạm Thị Thanh Trà") == ["Ủy viên Ban Chấp hành Trung ương Đảng khóa XIII", "Phó Thủ tướng Chính phủ"]
    # "Bà" is not the man named last
    assert _titles(d, "Nguyễn Văn An") == ["Bí thư Huyện ủy", "Chủ tịch UBND huyện Cam Lộ"]


def test_regression_a_title_ran_across_table_cells_into_other_names():
    d = extract("| Bộ trưởng | Phạm Thị Thanh Trà |\n| Thứ trưởng | Nguyễn Duy Thăng Trương Hải Long |\n\n"
                "Bà Phạm Thị Thanh Trà, Bộ trưởng Bộ Nội vụ, chủ trì hội nghị.")
    for o in d.officials:
        assert all("|" not in t.text for t in o.titles), (o.name, [t.text for t in o.titles])


def test_a_pronoun_skips_a_name_set_off_as_an_aside_and_never_makes_a_foreign_word_an_official():
    d = extract("Ông Kevin Warsh là ai? Kevin Warsh năm nay 56 tuổi. Nhiệm kỳ của chủ tịch hiện tại - Jerome Powell - "
                "sẽ kết thúc vào tháng 5. Ông từng là Phó Chủ tịch Ngân hàng Morgan Stanley.\n\n"
                "Theo China Daily, vụ việc đang được điều tra. Ông từng là Bí thư Ủy ban Chính pháp tỉnh.")
    assert _titles(d, "Kevin Warsh") == ["Phó Chủ tịch Ngân hàng Morgan Stanley"]
    assert "China Daily" not in [o.name for o in d.officials]


def test_regression_an_average_lost_its_word_and_an_average_growth_became_gdp_per_head():
    d = extract("Đại hội đề ra mục tiêu đến năm 2010 mức tăng GDP bình quân 7,5%/năm; "
                "thu nhập bình quân của người lao động 2.000 USD/năm; GDP bình quân đầu người đạt 1.000 USD.")
    by = {q.value: q for q in d.targets}
    assert by[7.5].indicator == "mức tăng GDP bình quân" and by[7.5].indicator_id == "gdp_growth"
    assert by[2000].indicator.startswith("thu nhập bình quân")
    assert by[1000].indicator_id == "gdp_per_capita"


def test_regression_a_fronted_frame_was_read_into_the_indicator():
    d = extract("Hà Nội, ngày 3/1/2006. Trong cơ cấu kinh tế thành phố hiện nay, dịch vụ chiếm khoảng 50,6%. "
                "Tại thời điểm 31/12/2025, tổng tài sản của công ty đạt 17.162 tỷ đồng.")
    inds = sorted(q.indicator for q in d.results)
    assert inds == ["dịch vụ", "tổng tài sản của công ty"]


def test_regression_review_pronoun_posts_went_to_a_school_name_or_an_object():
    d = extract("Ông Nguyễn Văn An, Hiệu trưởng Trường THPT Lê Quý Đôn, phát biểu. Ông từng là Phó Giám đốc Sở Giáo dục.")
    assert [o.name for o in d.officials] == ["Nguyễn Văn An"]
    assert "Phó Giám đốc Sở Giáo dục" in _titles(d, "Nguyễn Văn An")
    d = extract("Bà Nguyễn Minh Hà, Giám đốc Sở Y tế, làm việc với Bộ trưởng Đào Hồng Lan. Ông từng là Chủ tịch UBND tỉnh.")
    assert all("Chủ tịch UBND tỉnh" not in [t.text for t in o.titles] for o in d.officials)


def test_regression_review_a_compound_body_name_in_lower_case_after_a_dash_was_cut():
    d = extract("Ông Nguyễn Văn An - Giám đốc Sở Lao động - thương binh và xã hội, cho biết. "
                "Ông Trần Văn Bình - Phó giám đốc Sở Tài nguyên - môi trường (TN-MT) - thừa nhận sai sót. "
                "Ông Trần Quang Phượng - Phó giám đốc Sở GTCC - rất bất ngờ.")
    assert _titles(d, "Nguyễn Văn An") == ["Giám đốc Sở Lao động - thương binh và xã hội"]
    assert _titles(d, "Trần Văn Bình") == ["Phó giám đốc Sở Tài nguyên - môi trường (TN-MT)"]
    assert _titles(d, "Trần Quang Phượng") == ["Phó giám đốc Sở GTCC"]


def test_regression_review_an_initial_after_a_vietnamese_name_ran_into_the_next_word():
    d = extract("Ông Nguyễn Văn T. UBND xã đã lập biên bản. Bà N.TH.L ở số nhà 336 cho biết.")
    assert sorted(o.name for o in d.officials) in ([], ["Nguyễn Văn T"])


def test_regression_review_a_bare_provincial_committee_took_another_province_or_a_person():
    d = extract("Ngày 26/11/2025, UBND tỉnh ban hành Kế hoạch thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ I, "
                "nhiệm kỳ 2025-2030.\n\nĐảng bộ tỉnh Bình Phước trước đây đã hợp nhất vào Đảng bộ tỉnh Đồng Nai. "
                "Đại hội đại biểu Đảng bộ tỉnh Đồng Nai lần thứ I thành công.\n")
    assert d.document.organization.text == "Đảng bộ tỉnh Đồng Nai"
    d = extract("Đại hội đại biểu Đảng bộ tỉnh lần thứ I khai mạc. Bí thư Đảng bộ tỉnh Đồng Nai Nguyễn Hồng Lĩnh phát biểu.")
    assert d.document.organization.text == "Đảng bộ tỉnh Đồng Nai"


def test_regression_a_news_sentence_telling_of_a_congress_report_made_the_page_a_congress_report():
    d = extract("Bộ trưởng hội kiến Tổng Bí thư Trung Quốc\n\nChiều ngày 4/2/2026, tại Bắc Kinh, trong khuôn khổ chuyến thăm, "
                "thông báo kết quả Đại hội đại biểu toàn quốc lần thứ XIV của Đảng Cộng sản Việt Nam, ông Lê Văn An đã hội kiến.")
    assert d.document.kind == "news"
    d = extract("THÔNG BÁO NHANH KẾT QUẢ ĐẠI HỘI ĐẢNG BỘ TỈNH A LẦN THỨ I, NHIỆM KỲ 2025 - 2030\n\nĐại hội diễn ra từ ngày 12 đến ngày 14/10/2025.")
    assert d.document.kind == "congress_report"


def test_a_result_of_the_present_with_no_time_takes_the_year_the_document_dates_itself_in():
    d = extract("UBND TỈNH A\nSố: 12/BC-UBND\nTỉnh A, ngày 20 tháng 10 năm 2025\n\nBÁO CÁO\n\n"
                "Tăng trưởng kinh tế 9 tháng của tỉnh ước đạt 8,19%. Hiện có 42 bệnh viện ngoài công lập. "
                "Tính đến cuối năm ngoái, công ty có 5 cổ đông lớn. Năm 2023, xuất khẩu đạt 2 tỷ USD.")
    by = {q.value: q for q in d.results}
    assert by[8.19].year == 2025 and by[42].year == 2025
    assert by[2000000000].year == 2023
    # "năm ngoái": not the present; since session 34 the year before the document's (a year named relative to it)
    assert 5 not in by or by[5].year in (None, 2024)


def test_regression_a_birth_date_at_the_head_of_a_biography_was_the_documents_year():
    d = extract("# Nguyễn Văn An\n\n**Nguyễn Văn An** (sinh ngày 10 tháng 12 năm 1958) là một chính trị gia người Việt Nam. "
                "Ông hiện là Bí thư Tỉnh ủy tỉnh A nhiệm kỳ 2020 - 2025.")
    assert d.document.year is None or d.document.year.value != 1958


def test_regression_a_supreme_leader_and_a_foreign_name_taking_a_post_were_no_officials():
    d = extract("Ông Larijani, cố vấn cấp cao của Lãnh tụ tối cao Iran Ali Khamenei, được bổ nhiệm hồi tháng 8/2025. "
                "Việc ông Trump chọn Scott Bessent làm Bộ trưởng Tài chính được coi là để mở đường.")
    assert _titles(d, "Ali Khamenei") == ["Lãnh tụ tối cao Iran"]
    assert _titles(d, "Scott Bessent") == ["Bộ trưởng Tài chính"]


def test_regression_review_the_present_year_came_from_any_date_at_the_head_or_a_past_frame():
    # found in the second review: a paper's founding date is no date of the document; 'thực hiện' is no
    # present; a past frame ("Thời tôi học cấp 1") is no present
    d = extract("Báo Nông thôn ngày nay tròn 20 tuổi\n\nNgày 7/5/1984, báo ra số đầu tiên.\n\nTòa soạn hiện có 85 cán bộ phóng viên.")
    assert all(q.year != 1984 for q in d.results)
    d = extract("UBND TỈNH A\nSố: 12/BC-UBND\nTỉnh A, ngày 20 tháng 10 năm 2025\n\nBÁO CÁO\n\n"
                "Trong 5 năm qua, Sở đã thực hiện được 120 cuộc thanh tra. Thời tôi học cấp 1, cả lớp chỉ có 2 học sinh giỏi.")
    assert all(q.year != 2025 for q in d.results)


def test_a_death_date_after_the_birth_date_is_no_date_line_either():
    d = extract("**Trần Văn A** (sinh ngày 1 tháng 5 năm 1937, qua đời vào ngày 20 tháng 8 năm 2025) là chính khách Việt Nam.")
    assert d.document.year is None or d.document.year.source != "date_line"


def test_regression_the_start_of_a_change_took_the_time_of_its_end():
    # new-user trial: "dịch vụ tăng từ 33,1% lên 38,5%" after "GDP năm 2005 ..." gave 33,1% (a 1985 base) the year 2005
    d = extract("Sau 20 năm đổi mới, GDP năm 2005 tăng hơn 5 lần năm 1985. Tỷ trọng dịch vụ trong GDP đã tăng từ 33,1% lên 38,5%. "
                "Tỷ lệ hộ nghèo đã giảm từ 4,2% năm 2020 xuống 1,5%.")
    by = {q.value: q for q in d.results}
    assert by[33.1].year is None
    assert by[4.2].year == 2020
