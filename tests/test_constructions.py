"""Construction tables (Duckling style): figures (targets, results, indicators, changes, count links)
and people/event (lists, names of any origin, titles, congress dates and ordinal, delegates,
headings). Each table is scored per phenomenon; a phenomenon may not fall below its committed floor
(tests/corpus/constructions_floor.json; raise it with `python tests/constructions_report.py --update`)."""
import pytest

from constructions import figure_row_problems, floors, load, people_row_problems, score

TABLES = {"constructions_figures.yaml": figure_row_problems,
          "constructions_people_event.yaml": people_row_problems}


@pytest.mark.parametrize("table", sorted(TABLES))
def test_construction_table_holds_its_floor(table):
    rows = load(table)
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "row ids must be unique"
    rates, fails = score(rows, TABLES[table])
    floor = floors()[table]
    drops = {k: (floor[k], rates.get(k, 0.0)) for k in floor if rates.get(k, 0.0) < floor[k] - 1e-9}
    detail = "\n".join(f"  {rid}: {'; '.join(p)}" for rid, p in sorted(fails.items()))
    assert not drops, f"{table}: phenomena below their floor {drops}\nfailing rows:\n{detail}"


def test_tables_are_large_enough_and_cover_each_phenomenon():
    figs, people = load("constructions_figures.yaml"), load("constructions_people_event.yaml")
    assert len(figs) >= 200 and len(people) >= 150
    for rows in (figs, people):
        phen = {}
        for r in rows:
            phen[r["phenomenon"]] = phen.get(r["phenomenon"], 0) + 1
        assert min(phen.values()) >= 10, phen


def test_regression_a_bracket_after_a_percentage_opens_the_next_figure_s_clause():
    """'100% trẻ 6 tuổi (chỉ tiêu 80.319 HS)': the words before the bracket are what the 100%
    measures (its clause ended at the number, so the item's text lacked them)."""
    from pipeline import extract
    d = extract("Hà Nội, ngày 15 tháng 10 năm 2026\nKế hoạch năm học 2026-2027 bảo đảm 100% trẻ 6 tuổi "
                "(chỉ tiêu 80.319 học sinh) vào học lớp 1.")
    hundred = [t for t in d.targets if t.value == 100]
    assert hundred and "trẻ 6 tuổi" in hundred[0].text, [t.text for t in d.targets]
    assert any(t.value == 80319 and t.text.startswith("(chỉ tiêu") for t in d.targets), [t.text for t in d.targets]


def test_regression_a_count_that_shares_its_clause_head_keeps_the_noun_it_counts():
    """'nghiệm thu được 34 đề tài đạt 95% yêu cầu': the 95% shares the clause's head, so the 34's
    clause ended at the number and its text lacked 'đề tài' (found on the development gold, where
    the next figure was 'trong tổng số 102 đề tài', since read as the whole of the count)."""
    from pipeline import extract
    d = extract("Hà Nội, ngày 15 tháng 12 năm 2025\nNăm 2025, Sở đã nghiệm thu được 34 đề tài đạt 95% yêu cầu "
                "đặt hàng; thu hút 4,8 tỷ USD vốn đầu tư.")
    figs = d.targets + d.results
    thirty_four = [t for t in figs if t.value == 34]
    assert thirty_four and thirty_four[0].text.endswith("34 đề tài"), [t.text for t in figs]
    assert any(t.value == 95 for t in figs), [t.text for t in figs]
