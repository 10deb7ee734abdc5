"""Regressions of session 34, each named after the bug; each failed on the code before its fix.
Real texts are read from ../shared (skipped when absent); short texts are written in the genre's style.
A `test_guard_*` holds the line a widened rule must not cross (it passed before the change and still must)."""
from pipeline import extract, extract_file

from conftest import shared_path


def _bulk(name: str):
    """The extraction of a text of ../shared/corpus/bulk, found in whichever source folder holds it."""
    import glob
    root = shared_path("corpus", "bulk")
    return extract_file(glob.glob(f"{root}/*/{name}")[0])


def _attended(doc):
    return doc.delegates.attended.value if doc.delegates.attended else None


def test_regression_three_oldest_delegates_were_read_as_the_attendance():
    # "Tham dự có 1.270 đại biểu ..." was missed, and "Ba đại biểu cao tuổi nhất tham dự đại hội là cụ ..." (a few the
    # sentence picks out by a superlative) became the attendance
    assert _attended(_bulk("test_XH_VNE_T__6757.txt")) == 1270


def test_regression_attendance_opened_by_tham_gia_dai_hoi_was_missed():
    # "Tham gia đại hội có 477 đại biểu, trong đó có 372 đại biểu chính thức ..."
    assert _attended(_bulk("train_XH_NLD__4535.txt")) == 477


def test_regression_delegates_beside_the_guests_were_missed():
    # "Tham dự Đại hội ngoài 1.176 đại biểu đại diện cho trên 3,1 triệu đảng viên ..., có các vị khách mời ..."
    assert _attended(_bulk("train_XH_TN__1537.txt")) == 1176


def test_guard_a_hall_named_thong_nhat_is_no_superlative():
    # 'Nhất' of a name (Hội trường Thống Nhất) is not the superlative 'nhất'
    doc = extract("Sáng nay, gần 420 đại biểu là hội viên khắp cả nước đã có mặt tại Hội trường Thống Nhất dự lễ khai "
                  "mạc Đại hội đại biểu toàn quốc lần thứ IX của Hội Luật gia.")
    assert _attended(doc) == 420


def test_regression_national_congress_dates_without_a_year_were_dropped():
    # "Triệu tập Đại hội X của Đảng từ ngày 18 đến 25-4" in a page with no year: the Xth congress was held in 2006
    cg = _bulk("train_XH_NLD__4839.txt").document.congress
    assert (cg.start_date, cg.end_date, cg.dates_inferred_year_from) == ("2006-04-18", "2006-04-25", "national_congress")


def test_guard_a_plenum_s_dates_take_no_year_from_the_congress_it_prepares():
    # the Hội nghị Trung ương 9 khóa IX (January 2004) prepared the Xth congress: its dates are not 2006's
    cg = _bulk("test_XH_VNE_T__121.txt").document.congress
    assert cg.dates_inferred_year_from != "national_congress"
    assert cg.start_date is None or not cg.start_date.startswith("2006")


def test_regression_the_post_taken_after_an_apposed_post_was_lost():
    # "giao ông Cao Đức Phát, Thứ trưởng Bộ Nông nghiệp và Phát triển nông thôn làm quyền bộ trưởng Bộ này"
    doc = _bulk("test_XH_VNE_T__1895.txt")
    titles = [t.text for o in doc.officials if o.name == "Cao Đức Phát" for t in o.titles]
    assert "Thứ trưởng Bộ Nông nghiệp và Phát triển nông thôn" in titles
    assert "quyền bộ trưởng Bộ này" in titles


def test_guard_lam_viec_after_an_apposed_post_is_no_post_taken():
    # 'làm việc' (to work with) is no post: nothing is added after the title
    doc = extract("Ông Nguyễn Văn An, Phó Chủ tịch UBND tỉnh làm việc với đoàn công tác của Bộ Y tế.")
    titles = [t.text for o in doc.officials if o.name == "Nguyễn Văn An" for t in o.titles]
    assert len(titles) == 1 and titles[0].startswith("Phó Chủ tịch UBND tỉnh")


def test_regression_a_title_with_cua_before_its_country_was_dropped():
    # "Đại diện thường trực của Nga tại Liên hợp quốc, ông Vasily Nebenzya, cho biết ..."
    doc = _bulk("592ec64711f63da9555d3b8174def6fc.txt")
    titles = [t.text for o in doc.officials if o.name == "Vasily Nebenzya" for t in o.titles]
    assert titles == ["Đại diện thường trực của Nga tại Liên hợp quốc"]


def test_regression_a_spokesman_was_given_his_principal_s_post():
    # "người phát ngôn của Thủ tướng Chính phủ - ông Nguyễn Kinh Quốc": Quốc speaks for the Prime Minister
    doc = _bulk("train_XH_NLD__4059.txt")
    titles = [t.text for o in doc.officials if o.name == "Nguyễn Kinh Quốc" for t in o.titles]
    assert titles and "Thủ tướng Chính phủ" not in titles
    assert any(t.startswith("người phát ngôn của Thủ tướng") for t in titles)


def test_regression_a_mong_official_lost_the_title_before_his_name():
    # "Chủ tịch Hội đồng dân tộc Tráng A Pao": 'Tráng' is a Mông surname, so the title before it is his
    doc = _bulk("test_XH_VNE_T__6817.txt")
    assert [t.text for o in doc.officials if o.name == "Tráng A Pao" for t in o.titles] == ["Chủ tịch Hội đồng dân tộc"]


def test_regression_a_quoted_clause_s_second_paragraph_ended_the_quotation():
    # "Căn cứ theo khoản 1 Điều 4 Nghị định 168/2024/NĐ-CP có quy định như sau: 1. ... 2. ... (a paragraph of clause 2)
    # 3. Hành vi vi phạm ... a) ... b) ...": 3, a and b are the decree's, not the page's headings
    doc = _bulk("0e09c3dcc60f59a2.txt")
    quoted = [s for s in doc.sections if (s.title or "").startswith(("Hành vi vi phạm hành chính đã kết thúc", "Việc xác định hành vi"))]
    assert quoted and all(s.list_item for s in quoted)


def test_regression_numbered_notes_under_a_bullet_were_headings():
    # "- Bước 2: ... Lưu ý: 1. Chỉ được thêm tối đa 7 người ..." on a VNeID how-to page
    doc = _bulk("14ca3ece5bcaaaf1.txt")
    notes = [s for s in doc.sections if (s.title or "").startswith("Chỉ được thêm tối đa")]
    assert notes and all(s.list_item for s in notes)


def test_regression_the_article_line_a_page_quotes_was_a_heading():
    # "Căn cứ theo Điều 14 Luật Kinh doanh bất động sản 2023 quy định ... như sau:\n\nĐiều 14. Điều kiện của nhà ở ..."
    doc = _bulk("21dd3460fb81c678.txt")
    quoted = [s for s in doc.sections if s.kind == "article" and s.label == "14"]
    assert quoted and all(s.list_item for s in quoted)


def test_regression_a_decision_s_articles_hung_under_a_bullet_with_cut_titles():
    # "- Cà Mau: 71.500 Triệu đồng" above "**Điều 1.** Bổ sung có mục tiêu\ntừ ngân sách trung ương ..." (hard-wrapped)
    doc = _bulk("24c6583aa4c3280a.txt")
    arts = [s for s in doc.sections if s.kind == "article"]
    assert len(arts) == 4
    by_id = {s.id: s for s in doc.sections}
    assert all(by_id[s.parent].kind == "markdown" for s in arts)
    assert " ".join(arts[0].title.split()).startswith("Bổ sung có mục tiêu từ ngân sách trung ương cho 27 địa phương")


def test_regression_a_post_taken_ran_on_into_the_next_person():
    # "ông Nông Quốc Tuấn được cử làm Chủ tịch Hội, ông Nguyễn Công Khế và Trần Quốc Huy làm phó chủ tịch"
    doc = _bulk("test_XH_VNE_T__3227.txt")
    titles = [t.text for o in doc.officials if o.name == "Nông Quốc Tuấn" for t in o.titles]
    assert "Chủ tịch Hội" in titles and not any("Khế" in t for t in titles)


def test_regression_a_rank_s_copula_post_was_lost():
    # "trung tướng Đặng Văn Hiếu là Chánh văn phòng Bộ Công an"
    doc = _bulk("train_XH_TN__1395.txt")
    titles = [t.text for o in doc.officials if o.name == "Đặng Văn Hiếu" for t in o.titles]
    assert "Chánh văn phòng Bộ Công an" in titles


def test_regression_the_second_of_two_delegates_after_their_title_was_lost():
    # "Đại biểu Nguyễn Công Kích và Đặng Như Lợi": a post many hold at once is both names'
    doc = _bulk("test_XH_VNE_T__7644.txt")
    assert [t.text for o in doc.officials if o.name == "Đặng Như Lợi" for t in o.titles] == ["Đại biểu"]


def test_regression_a_headline_repeating_the_body_s_quota_was_a_second_target():
    # "Tuyển 15.600 chỉ tiêu đào tạo sau ĐH năm 2005" above "năm 2005 tổng chỉ tiêu tuyển mới đào tạo sau đại học sẽ là
    # 15.600": one figure, reported where the body states it
    doc = _bulk("train_XH_VNE__1216.txt")
    found = [q for q in doc.targets if q.value == 15600]
    assert len(found) == 1 and "tổng chỉ tiêu tuyển mới" in found[0].text


def test_regression_a_verb_of_keeping_was_a_target_s_indicator():
    # "phấn đấu giữ 3,3 triệu ha": 'giữ' (keep) names no measure; no indicator is better than a bare verb
    doc = extract("Hà Nội, ngày 5 tháng 8 năm 2025\nĐất trồng lúa nước 2 vụ trở lên được bảo vệ nghiêm ngặt, phấn đấu giữ 3,3 triệu ha.")
    (q,) = [q for q in doc.targets if q.value == 3300000]
    assert q.indicator is None or "giữ" != q.indicator.strip().lower()


def test_regression_the_first_of_two_names_taking_a_post_got_none():
    # "ông Nguyễn Công Khế và Trần Quốc Huy làm phó chủ tịch": both take the post
    doc = _bulk("test_XH_VNE_T__3227.txt")
    assert [t.text for o in doc.officials if o.name == "Nguyễn Công Khế" for t in o.titles] == ["phó chủ tịch"]


def test_regression_delegates_attending_dh_were_missed():
    # "1.176 đại biểu tham dự ĐH đã tiến hành bầu cử BCHTƯ khóa X": 'ĐH' attended by delegates is the congress
    assert _attended(_bulk("test_XH_NLD_T__9743.txt")) == 1176
