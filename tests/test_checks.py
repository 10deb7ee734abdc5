"""Consistency checks: defects injected into copies of real texts, one case per line.

Each case replaces one piece of a sample text; the modified text must produce exactly the
expected new warning codes (compared with the untouched text), and the untouched samples
produce only the defects they really have.
"""
import collections
import os

import pytest

from conftest import SAMPLES
from pipeline import extract


def _text(name):
    with open(os.path.join(SAMPLES, name), encoding="utf-8") as fh:
        return fh.read()


SEED = "haiphong-2025.txt"
NOTICE = "tnt_98be6e047028fade.txt"
PLAN = "tnt_ad5aff6c13929815.txt"

CASES = [
    # (sample, old, new, expected new warning codes)
    (SEED, "thành phố): 77 đại biểu", "thành phố): 76 đại biểu", ["sum_mismatch"]),
    (SEED, "đảng bộ trực thuộc: 369 đại biểu", "đảng bộ trực thuộc: 370 đại biểu", ["sum_mismatch"]),
    (SEED, "07/20 chỉ tiêu chưa đạt mục tiêu; tỉnh", "08/20 chỉ tiêu chưa đạt mục tiêu; tỉnh", ["sum_mismatch"]),
    (SEED, "03/19 chỉ tiêu chưa đạt mục tiêu Nghị quyết.", "04/19 chỉ tiêu chưa đạt mục tiêu Nghị quyết.", ["sum_mismatch"]),
    (SEED, "233 đại biểu (bằng 52,4%)", "233 đại biểu (bằng 54,2%)", ["percent_count_mismatch"]),
    (SEED, "41 đại biểu (bằng 9,2%", "41 đại biểu (bằng 9,8%", ["percent_count_mismatch"]),
    (SEED, "(bằng 99,8%)", "(bằng 98,8%)", ["percent_count_mismatch"]),
    (SEED, "250 đại biểu (bằng 56,2%)", "250 đại biểu (bằng 65,2%)", ["percent_count_mismatch"]),
    (SEED, "358 đại biểu (bằng 80,5%)", "358 đại biểu (bằng 180,5%)", ["percent_over_100"]),
    (SEED, "tăng bình quân 15,5 - 16,5%/năm", "tăng bình quân 16,5 - 15,5%/năm", ["range_reversed"]),
    (SEED, "đạt 62%-63% lực lượng", "đạt 63%-62% lực lượng", ["range_reversed"]),
    (SEED, "bình quân đạt 14% - 15%/năm", "bình quân đạt 15% - 14%/năm", ["range_reversed"]),
    (SEED, "vào ngày 28/8/2025", "vào ngày 31/2/2025", ["date_impossible"]),
    (NOTICE, "Ngày 14 tháng 11 năm 2025, Phó Thủ tướng", "Ngày 31 tháng 11 năm 2025, Phó Thủ tướng", ["date_impossible"]),
    (SEED, "họp phiên trù bị ngày 26/9/2025", "họp phiên trù bị ngày 25/9/2025", ["date_outside_event"]),
    (SEED, "Ban Chấp hành Đảng bộ nhiệm kỳ 2020 - 2025; (3)", "Ban Chấp hành Đảng bộ nhiệm kỳ 2025 - 2020; (3)", ["term_reversed"]),
    (SEED, "1.3. Bài học kinh nghiệm", "1.2. Bài học kinh nghiệm", ["heading_duplicate"]),
    (SEED, "(7) 100% đơn thư", "(6) 100% đơn thư", ["heading_duplicate"]),
    (SEED, "IV. KẾT QUẢ ĐẠI HỘI", "V. KẾT QUẢ ĐẠI HỘI", ["heading_skipped"]),
    (SEED, "(22) Tỷ lệ điều tra", "(24) Tỷ lệ điều tra", ["heading_skipped"]),
    (SEED, "trên 05 nội dung sau đây", "trên 06 nội dung sau đây", ["count_claim_mismatch"]),
    (SEED, "Xác định 11 nhóm nhiệm vụ", "Xác định 12 nhóm nhiệm vụ", ["count_claim_mismatch"]),
]


def _codes(doc):
    return collections.Counter(w.code for w in doc.warnings)


@pytest.fixture(scope="module")
def baseline():
    return {name: _codes(extract(_text(name))) for name in (SEED, NOTICE, PLAN)}


@pytest.mark.parametrize("sample,old,new,expected", CASES, ids=[f"{c[3][0]}:{c[2][:30]}" for c in CASES])
def test_injected_defect_gives_exactly_the_expected_warning(baseline, sample, old, new, expected):
    text = _text(sample)
    assert text.count(old) == 1, f"the case must edit one place: {old!r}"
    doc = extract(text.replace(old, new))
    added = _codes(doc) - baseline[sample]
    assert sorted(added.elements()) == sorted(expected)
    i = text.index(old)
    hits = [w for w in doc.warnings if w.code in expected]
    assert any(w.span.start <= i + len(new) and i <= w.span.end + 60 for w in hits), "the warning points at the defect"
    for w in doc.warnings:
        assert w.message and w.severity in ("error", "warning", "info")


def test_every_check_code_has_a_case():
    from pipeline.rules import load_rules
    codes = set(load_rules()["checks"]["rules"])
    assert codes == {c for case in CASES for c in case[3]}


def test_untouched_samples_have_only_their_real_defects():
    seed = extract(_text(SEED))
    assert sorted((w.code, w.text) for w in seed.warnings) == [
        ("date_outside_event", "27/9/2029"),
        ("heading_duplicate", "2.5. Các nhiệm vụ và giải pháp chủ yếu"),
    ]
    plan = extract(_text(PLAN))
    # (the heading is hard-wrapped: since session 34 it runs on to its clause's end, read in the text: "g) Đào tạo nhân
    # lực kinh tế số / trong nông nghiệp - môi trường ... đạt chuẩn quốc tế;")
    assert [(w.code, " ".join(w.text.split())) for w in plan.warnings] == [(
        "heading_skipped", "g) Đào tạo nhân lực kinh tế số trong nông nghiệp - môi trường tại các cơ sở đại học, tập trung "
                           "vào khoa học dữ liệu, kiểm kê và thẩm định khí nhà kính đạt chuẩn quốc tế")]
    assert extract(_text(NOTICE)).warnings == []
    assert extract(_text("tnt_1476f29807502624.txt")).warnings == []


def test_seed_arithmetic_that_adds_up_is_silent(seed_doc):
    codes = {w.code for w in seed_doc.warnings}
    assert not codes & {"sum_mismatch", "percent_count_mismatch", "percent_over_100", "range_reversed"}


def test_regression_delegates_by_office_and_appointed_are_a_part_when_the_text_tells_of_elected_ones():
    """'1.587 đại biểu: 191 Ủy viên Ban Chấp hành, 1.381 đại biểu được bầu, 15 chỉ định' is no sum
    mismatch (191 + 15 is only a part); with no elected delegates the two must make the whole."""
    from pipeline import extract
    told = ("Dự Đại hội có 1.587 đại biểu. Trong đó có 191 Ủy viên Ban Chấp hành Trung ương Đảng khóa XII, "
            "1.381 đại biểu được bầu từ đại hội đảng bộ các tỉnh, thành phố, 15 đại biểu do Trung ương chỉ định.")
    assert [w.code for w in extract(told).warnings] == []
    short = ("Tổng số đại biểu được triệu tập: 450 đại biểu. Đại biểu đương nhiên: 65 đại biểu. "
             "Đại biểu được chỉ định: 380 đại biểu.")
    assert [w.code for w in extract(short).warnings] == ["sum_mismatch"]
