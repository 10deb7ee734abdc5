"""The evaluation matcher itself, on hand-made outputs."""
import copy

import pytest

from pipeline.evaluate.scoring import fold, score_document

TEXT = ("I. VỀ ĐẠI BIỂU\n1. Số đại biểu: 445 đại biểu (bằng 99,8%), ngày 27/9/2029.\n"
        "(1) Tăng trưởng GRDP đạt bình quân 13%/năm trở lên, phấn đấu đạt 14%/năm.\n"
        "Nhiệm kỳ qua, thu ngân sách đạt 100 tỷ đồng.\n"
        "Đồng chí Lê Tiến Châu, Bí thư Thành uỷ.\nXã Yết Kiêu\nQR Code\n")

GOLD = {
    "document": "t.txt",
    "meta": {"kind": "congress_report", "organization_key": "Hải Phòng", "congress_ordinal": 1, "term": [2025, 2030]},
    "delegates": {"attended": 445},
    "officials": [{"name": "Lê Tiến Châu", "title_keys": ["Bí thư Thành uỷ"]}],
    "not_officials": ["Hồ Chí Minh"],
    "percentages": [{"value": 99.8, "count": 445}, {"value": 13}, {"value": 14}],
    "targets": [{"key": "Tăng trưởng GRDP", "value": 13, "unit": "%", "comparator": ">=", "stretch": 14, "period": [2026, 2030]},
                {"key": "top 3", "value": 3, "optional": True}],
    "results": [{"key": "thu ngân sách", "value": 100000000000, "unit": "VND"}],
    "sections": [{"label": "I", "title": "VỀ ĐẠI BIỂU"}, {"label": "1", "title": "Số đại biểu"}],
    "warnings": [{"code_any": ["date"], "near": "27/9/2029"}],
    "boilerplate_starts": "Xã Yết Kiêu",
}


def span(text, needle):
    i = TEXT.index(needle)
    return {"text": needle, "span": {"start": i, "end": i + len(needle)}}


def perfect():
    return {
        "source": {"furniture": [span(TEXT, TEXT[TEXT.index("Xã Yết"):])]},
        "document": {"kind": "congress_report", "organization": {"text": "Đảng bộ thành phố Hải Phòng"},
                     "congress": {"ordinal": 1, "term": {"start": 2025, "end": 2030}}},
        "delegates": {"attended": {"value": 445, **span(TEXT, "445 đại biểu")}},
        "officials": [{"name": "Lê Tiến Châu", "titles": [{"text": "Bí thư Thành ủy"}]}],
        "percentages": [{"value": 99.8, "count": 445, **span(TEXT, "99,8%")},
                        {"value": 13, **span(TEXT, "13%")}, {"value": 14, **span(TEXT, "14%")}],
        "targets": [{"indicator": "Tăng trưởng GRDP", "value": 13, "unit": "%", "comparator": ">=", "stretch": 14,
                     "period": {"start": 2026, "end": 2030}, **span(TEXT, "13%/năm trở lên")}],
        "results": [{"indicator": "thu ngân sách", "value": 1e11, "unit": "VND", **span(TEXT, "100 tỷ đồng")}],
        "sections": [{"id": "I", "label": "I", "title": "VỀ ĐẠI BIỂU", "list_item": False},
                     {"id": "I.1", "label": "1", "title": "Số đại biểu", "list_item": False},
                     {"id": "I.1.1", "label": "1", "title": "Tăng trưởng GRDP", "list_item": True}],
        "warnings": [{"code": "date_outside_event", **span(TEXT, "27/9/2029")}],
    }


def counts(score, field):
    c = score.fields[field]
    return c.tp, c.fn, c.fp


def test_fold_ignores_case_diacritics_and_tone_placement():
    assert fold("Thành uỷ") == fold("THÀNH ỦY") == "thanh uy"
    assert fold("Đỗ  Mạnh Hiến") == "do manh hien"


def test_perfect_output_scores_one_everywhere():
    sc = score_document(perfect(), GOLD, TEXT)
    for field, c in sc.fields.items():
        assert c.fn == 0 and c.fp == 0, field
        assert c.f1 == 1.0, field
    for name, acc in sc.secondary.items():
        assert acc.value == 1.0, name


def test_missing_item_is_a_miss():
    p = perfect()
    del p["percentages"][1]
    assert counts(score_document(p, GOLD, TEXT), "percentages") == (2, 1, 0)


def test_spurious_item_is_spurious():
    p = perfect()
    p["officials"].append({"name": "Hồ Chí Minh", "titles": []})
    assert counts(score_document(p, GOLD, TEXT), "officials") == (1, 0, 1)


def test_wrong_value_is_a_miss_and_a_spurious():
    p = perfect()
    p["targets"][0]["value"] = 13.5
    assert counts(score_document(p, GOLD, TEXT), "targets") == (0, 1, 1)
    p = perfect()
    p["delegates"]["attended"]["value"] = 446
    assert counts(score_document(p, GOLD, TEXT), "delegates") == (0, 1, 1)


def test_target_key_must_be_in_indicator_or_text():
    p = perfect()
    p["targets"][0]["indicator"] = "Thu ngân sách"
    assert counts(score_document(p, GOLD, TEXT), "targets") == (0, 1, 1)


def test_optional_gold_absorbs_without_counting():
    p = perfect()
    p["targets"].append({"indicator": "FTA Index top 3", "value": 3, **span(TEXT, "13%")})
    assert counts(score_document(p, GOLD, TEXT), "targets") == (1, 0, 0)


def test_unmatched_list_item_section_is_not_spurious_but_a_heading_is():
    p = perfect()
    assert counts(score_document(p, GOLD, TEXT), "sections") == (2, 0, 0)
    p["sections"].append({"id": "II", "label": "II", "title": "KHÁC", "list_item": False})
    assert counts(score_document(p, GOLD, TEXT), "sections") == (2, 0, 1)


def test_secondary_accuracies_move():
    p = perfect()
    p["targets"][0]["comparator"] = "="
    p["targets"][0]["period"] = None
    p["percentages"][0]["count"] = None
    p["officials"][0]["titles"] = [{"text": "Phó Bí thư"}]
    sc = score_document(p, GOLD, TEXT)
    assert sc.secondary["targets.comparator"].value == 0.0
    assert sc.secondary["targets.time"].value == 0.0
    assert sc.secondary["targets.unit"].value == 1.0
    assert sc.secondary["percentages.count_link"].value == 0.0
    assert sc.secondary["officials.title"].value == 0.0


def test_warning_far_from_the_defect_does_not_match():
    p = perfect()
    p["warnings"][0].update(span(TEXT, "Lê Tiến Châu"))
    assert counts(score_document(p, GOLD, TEXT), "warnings") == (0, 1, 1)


@pytest.mark.parametrize("key,wrong", [("congress_ordinal", 2), ("kind", "news")])
def test_wrong_meta(key, wrong):
    p = copy.deepcopy(perfect())
    if key == "kind":
        p["document"]["kind"] = wrong
    else:
        p["document"]["congress"]["ordinal"] = wrong
    tp, fn, fp = counts(score_document(p, GOLD, TEXT), "meta")
    assert (tp, fn, fp) == (3, 1, 1)
