"""Stage 2: NFC, spaces, tone placement, page furniture, offset map."""
import unicodedata

import pytest

from pipeline.text.normalise import fold_key, fold_tones, normalise
from pipeline.rules import load_rules


@pytest.mark.parametrize("old,new", [
    ("Thành uỷ", "Thành ủy"), ("hoà", "hòa"), ("thuỷ sản", "thủy sản"), ("khoẻ", "khỏe"),
    ("Uỷ viên", "Ủy viên"), ("Cộng hoà", "Cộng hòa"), ("khoá I", "khóa I"), ("HOÀ", "HÒA"),
    ("Thuỵ Điển", "Thụy Điển"),
])
def test_old_tone_placement_folds_to_one_convention(old, new):
    assert fold_tones(old) == new
    assert len(fold_tones(old)) == len(old)


@pytest.mark.parametrize("word", ["hoàn thành", "quý", "Quỳnh", "thuyết", "hòa", "thủy", "toàn", "khuyến"])
def test_syllables_written_the_same_in_both_conventions_are_untouched(word):
    assert fold_tones(word) == word


def test_fold_key_matches_across_conventions_and_spaces():
    assert fold_key("Thành\u00a0uỷ") == fold_key("thành ủy")


def test_unicode_spaces_become_plain_spaces_with_same_length():
    text = "Nam:\u00a0351 đại\u202fbiểu\u2009(bằng 78,9%)"
    nt = normalise(text, load_rules())
    assert nt.norm == "Nam: 351 đại biểu (bằng 78,9%)"
    assert len(nt.norm) == len(text)


def test_nfd_offsets_map_back_to_the_original():
    nfc = "Phó Bí thư Thành uỷ"
    nfd = unicodedata.normalize("NFD", nfc)
    nt = normalise(nfd, load_rules())
    assert nt.norm == nfc
    i = nt.norm.index("Thành")
    a, b = nt.span(i, i + len("Thành"))
    assert unicodedata.normalize("NFC", nfd[a:b]) == "Thành"
    assert nt.span(0, len(nt.norm)) == (0, len(nfd))


def test_seed_page_furniture_is_cut_from_xa_yet_kieu(seed_text):
    nt = normalise(seed_text, load_rules())
    assert len(nt.furniture) == 1
    a, b = nt.furniture[0]
    assert seed_text[a:].startswith("Xã Yết Kiêu\nQR Code")
    assert b == len(seed_text)
    assert "Thống kê truy cập" not in nt.fold
    assert "Nghị quyết Đại hội XIV của Đảng." in nt.fold[:a]


def test_furniture_marker_followed_by_prose_is_not_a_cut():
    body = "Tin liên quan\n" + ("Đại hội đã thảo luận và thông qua nghị quyết về phát triển kinh tế - xã hội của thành phố trong nhiệm kỳ tới với nhiều chỉ tiêu quan trọng, trong đó có chỉ tiêu tăng trưởng GRDP đạt 13%. " * 2)
    nt = normalise("Mở đầu.\n" + body, load_rules())
    assert nt.furniture == []


@pytest.mark.parametrize("tail", ["## Tham khảo\n1. Báo Nhân Dân, ngày 2/2/2021. Bài viết rất dài về đại hội " + "x" * 250 + ".",
                                  "Quý khách cần hỏi thêm thông tin về có thể đặt câu hỏi tại đây."])
def test_hard_furniture_markers_cut_whatever_follows(tail):
    text = "Đại hội đã thành công tốt đẹp.\n\n" + tail
    nt = normalise(text, load_rules())
    assert nt.furniture and text[nt.furniture[0][0]:].startswith(tail[:10])


def test_head_furniture_of_a_scraped_page_is_cut_and_the_title_kept():
    """Bug: 'Hotline: ...' and 'Thứ Năm, 15/10/2020, 16:21 (GMT+7)' at the top of a page became the title."""
    from pipeline import extract
    text = ("Hotline: 0865 123 456\nThứ Năm, 15/10/2020, 16:21 (GMT+7)\nTrang chủ > Thời sự > Chính trị\n\n"
            "Khai mạc Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII\n"
            "Sáng nay, Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020 - 2025 khai mạc.")
    doc = extract(text)
    assert doc.document.title.text == "Khai mạc Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII"
    assert [f.text for f in doc.source.furniture] == [
        "Hotline: 0865 123 456\nThứ Năm, 15/10/2020, 16:21 (GMT+7)\nTrang chủ > Thời sự > Chính trị"]


def test_head_furniture_never_swallows_a_run_together_paragraph():
    """Bug: a head marker matched a whole paragraph that a scraper ran into one line (officials lost)."""
    from pipeline import extract
    text = ("Bộ Chính trị thành lập Ban Chỉ đạo\n\nLưu bài viết thành công Bạn có thể xem lại bài viết đã lưu ở trang"
            "Tin bài đã lưu Tại Hội nghị, đồng chí Tô Lâm, Tổng Bí thư, phát biểu chỉ đạo. " + "Nội dung dài. " * 20)
    doc = extract(text)
    assert "Tô Lâm" in [o.name for o in doc.officials]


def test_html_character_references_are_read_and_spans_cover_them_in_the_original():
    # a scraped page's "&amp;", "&nbsp;", "&#37;": matched as the characters they stand for, reported as written
    from pipeline import extract
    text = "Hà Nội, ngày 5/1/2006\nÔng Cao Đức Phát, Bộ trưởng Bộ NN&amp;PTNT, cho biết.&nbsp;Tỷ lệ giải ngân đạt 95&#37; kế hoạch."
    d = extract(text)
    titles = {o.name: [t.text for t in o.titles] for o in d.officials}
    assert titles["Cao Đức Phát"] == ["Bộ trưởng Bộ NN&amp;PTNT"]
    pct = [p for p in d.percentages if p.value == 95]
    assert pct and pct[0].text == "95&#37;" == text[pct[0].span.start:pct[0].span.end]
    for item in list(d.percentages) + list(d.results) + [t for o in d.officials for t in o.titles]:
        assert text[item.span.start:item.span.end] == item.text


@pytest.mark.parametrize("tail,start", [
    ("Ý kiến của bạn\n\n", "Ý kiến của bạn"),                                       # a news site's comment box
    ('*Trên đây là thông tin về "Thời gian tiếp nhận hồ sơ"*\n', "*Trên đây"),      # a legal Q&A site's closing line
])
def test_tail_furniture_lines_of_news_and_legal_sites(tail, start):
    text = "Đại hội đã thành công tốt đẹp, bầu Ban Chấp hành khóa mới gồm 53 đồng chí.\n" + tail
    nt = normalise(text, load_rules())
    assert nt.furniture and text[nt.furniture[0][0]:].startswith(start)


def test_draft_download_links_after_the_last_sentence_are_furniture_and_mid_text_ones_are_not():
    text = "Đại hội thảo luận dự thảo văn kiện. Download dự thảo: Định dạng Word - Định dạng PDF \n\n"
    nt = normalise(text, load_rules())
    assert nt.furniture and text[nt.furniture[0][0]:].startswith("Download dự thảo")
    mid = "Đại hội thảo luận dự thảo. Download dự thảo: Định dạng Word\nĐại biểu góp ý nhiều nội dung quan trọng của văn kiện.\n"
    assert normalise(mid, load_rules()).furniture == []
