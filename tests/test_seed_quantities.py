"""Quantities on the reference text, against its gold file (written by reading the text)."""
import json
import os

import pytest

from conftest import SAMPLES
from pipeline.evaluate.scoring import score_document


@pytest.fixture(scope="module")
def gold():
    with open(os.path.join(SAMPLES, "haiphong-2025.gold.json"), encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(scope="module")
def score(seed_doc, seed_text, gold):
    return score_document(seed_doc.model_dump(mode="json"), gold, seed_text)


def test_every_percentage_found_once(score, gold):
    c = score.fields["percentages"]
    assert len(gold["percentages"]) == 61
    assert (c.tp, c.fn, c.fp) == (61, 0, 0)
    assert score.secondary["percentages.count_link"].value == 1.0


def test_delegate_figures_match_the_text(seed_doc):
    d = seed_doc.delegates
    got = {k: getattr(d, k).value for k in ("summoned", "attended", "absent", "ex_officio", "appointed", "alternates_promoted")}
    assert got == {"summoned": 446, "attended": 445, "absent": 1, "ex_officio": 77, "appointed": 369, "alternates_promoted": 3}


def test_delegate_breakdowns(seed_doc):
    rows = [(b.dimension, b.category, b.count, b.percent) for b in seed_doc.delegates.breakdowns]
    assert ("gender", "Nam", 351, 78.9) in rows and ("gender", "nữ", 94, 21.1) in rows
    assert ("age", "từ 41 đến 50 tuổi", 233, 52.4) in rows
    assert ("age", "Từ 30 tuổi trở xuống", 1, 0.2) in rows
    assert ("expertise", "Tiến sĩ", 41, 9.2) in rows
    assert ("political_theory", "Sơ cấp", 1, 0.2) in rows
    assert ("field_of_work", "Lực lượng vũ trang", 14, 3.15) in rows
    assert len(rows) == 21
    by_dim = {}
    for dim, _, count, _ in rows:
        by_dim[dim] = by_dim.get(dim, 0) + count
    # each dimension adds up to the 445 attendees (expertise: 41 + 358 + 46 + 0)
    assert by_dim == {"gender": 445, "age": 445, "education": 445, "expertise": 445, "political_theory": 445, "field_of_work": 445}


def test_delegate_percentages_know_their_base(seed_doc):
    pcts = {(p.value, p.count): p.base for p in seed_doc.percentages if p.count is not None}
    assert pcts[(99.8, 445)] == 446
    assert pcts[(78.9, 351)] == 445


def test_targets_match_the_gold(score):
    c = score.fields["targets"]
    assert c.fn == 0, [e for e in c.errors if e[0] == "missed"]
    assert c.fp == 0, [e for e in c.errors if e[0] == "spurious"]
    for name in ("targets.unit", "targets.stretch"):
        assert score.secondary[name].value == 1.0, name


def test_no_past_figure_is_a_target(seed_doc, gold):
    values = {t.value for t in seed_doc.targets}
    for v in gold["not_targets_values"]:
        assert v not in values, v
    results = {r.value for r in seed_doc.results}
    assert 11.39 in results and 20_200_000_000 in results and 9.8 in results


def _target(doc, value):
    return next(t for t in doc.targets if t.value == value)


def test_grdp_target_with_floor_stretch_and_period(seed_doc):
    t = _target(seed_doc, 13)
    assert (t.comparator, t.stretch, t.unit, t.per, t.frequency) == (">=", 14, "%", "năm", "annual")
    assert (t.period.start, t.period.end) == (2026, 2030)
    assert t.indicator_id == "grdp_growth" and t.indicator.startswith("Tăng trưởng GRDP")
    assert not any(x.value == 14 and x.value_max is None for x in seed_doc.targets), "the stretch is not a target of its own"


@pytest.mark.parametrize("value,value_max,unit,year,indicator_id", [
    (11247, None, "USD", 2030, "grdp_per_capita"),
    (245_500_000_000_000, None, "VND", 2030, "budget_revenue"),
    (122_000_000_000_000, None, "VND", 2030, "domestic_revenue"),
    (2_400_000_000_000_000, None, "VND", None, "total_investment"),
    (75_000_000_000, None, "USD", 2030, "export_value"),
    (380_000_000, None, "tấn", 2030, "cargo_throughput"),
    (15.5, 16.5, "%", None, "iip_growth"),
    (62, 63, "%", 2030, "social_insurance_coverage"),
    (4_000_000_000, 5_000_000_000, "USD", None, "fdi"),
    (500_000_000, 1_000_000_000, "USD", None, "ddi"),
])
def test_numbered_targets(seed_doc, value, value_max, unit, year, indicator_id):
    t = _target(seed_doc, value)
    assert (t.value_max, t.unit, t.year, t.indicator_id) == (value_max, unit, year, indicator_id)


def test_categories_come_from_the_enclosing_section(seed_doc):
    assert _target(seed_doc, 200).category == "party_building"
    assert _target(seed_doc, 11247).category == "economy"
    assert _target(seed_doc, 13).category == "economy"  # GRDP, in "... kinh tế - xã hội, quốc phòng - an ninh"
    assert next(t for t in seed_doc.targets if t.value == 90 and "nghiêm trọng" in t.text).category == "defence_security"


def test_target_spans_are_exact(seed_doc, seed_text):
    for t in seed_doc.targets + seed_doc.results + seed_doc.percentages:
        assert seed_text[t.span.start:t.span.end] == t.text


def test_regression_a_goal_restated_in_a_summary_is_one_target():
    from pipeline import extract

    text = ("Nghị quyết đặt ra mục tiêu đến năm 2030 đào tạo, bồi dưỡng 10.000 giám đốc điều hành.\n\n"
            "Tóm lại: đến năm 2030 đào tạo, bồi dưỡng 10.000 giám đốc điều hành; 100% xã đạt chuẩn.")
    doc = extract(text)
    assert [(t.value, t.year) for t in doc.targets] == [(10000, 2030), (100, 2030)]


def test_regression_breakdown_count_after_its_percentage_has_an_ordered_span():
    """Bug: 'Về giới tính: 0% (tương ứng 7 xã)' gave a breakdown span 64-52 (an internal error)."""
    from pipeline import extract
    doc = extract("Số đại biểu dự Đại hội: 5 đại biểu. Về giới tính: 0% (tương ứng 7 xã)")
    for b in doc.delegates.breakdowns:
        assert b.span.start <= b.span.end


def test_regression_magnitudes_multiply_in_decimal():
    """Bug: '8,2 tỷ USD' came out as 8199999999.999999."""
    from pipeline import extract
    doc = extract("Phấn đấu đến năm 2030, kim ngạch xuất khẩu đạt 8,2 tỷ USD; thu ngân sách đạt 2.450,75 tỷ đồng.")
    assert sorted(t.value for t in doc.targets) == [8_200_000_000.0, 2_450_750_000_000.0]
