"""Rule data files and the code that reads them must agree (dateparser-style drift tests)."""
import json
import re
import typing

import pytest

from pipeline.contract.models import Comparator
from pipeline.text.normalise import fold_key
from pipeline.rules import BUILTIN_DIR, load_rules

RULES = load_rules()


def _regexes(obj, path=""):
    """Every string under a key that holds patterns."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _regexes(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _regexes(v, f"{path}[{i}]")
    elif isinstance(obj, str) and "name_patterns" not in path and any(w in path for w in ("pattern", "markers", "inline", "stats", "indicator_strip", "stretch")):
        yield path, obj


@pytest.mark.parametrize("name", RULES.names())
def test_every_rule_file_says_what_it_holds_and_has_a_schema(name):
    import os
    from pipeline.rules import rule_schema
    with open(os.path.join(BUILTIN_DIR, name + ".yaml"), encoding="utf-8") as fh:
        assert fh.readline().startswith("# "), f"{name}.yaml should open with a comment saying what it holds"
    assert isinstance(RULES[name], dict)
    assert set(RULES[name]) <= set(rule_schema(name)["properties"])


def test_every_pattern_compiles_with_re_as_the_stages_use_it():
    from pipeline.stages.numbers import NUMBER
    for name in RULES.names():
        for path, pat in _regexes(RULES[name], name):
            re.compile(pat.replace("{N}", NUMBER))


def test_the_schemas_mark_every_pattern_the_stages_compile():
    """Every string the drift test above treats as a pattern is marked format: regex in its schema."""
    from pipeline.rules import _patterns, rule_schema
    for name in RULES.names():
        marked = {p for p, _ in _patterns(rule_schema(name), RULES[name], [])}
        for path, _ in _regexes(RULES[name], name):
            assert path.split(".", 1)[1].replace("[", ".[").replace(".[", "[") in marked or path in marked, path


def test_the_builtin_config_plans_every_stage_with_its_contract():
    from pipeline.compose import plan
    names = [name for name, contract, _ in plan(RULES)]
    assert names[:2] == ["sentences", "sections"] and "checks" in names


def test_target_categories_are_identifiers():
    for c in set(RULES["targets"]["categories"].values()):
        assert re.fullmatch(r"[a-z][a-z0-9_]*", c), c


def test_comparators_in_data_are_schema_comparators():
    q = RULES["quantities"]
    allowed = set(typing.get_args(Comparator))
    assert set(q["comparators_before"].values()) <= allowed
    assert set(q["comparators_after"].values()) <= allowed


def test_heading_kinds_are_identifiers():
    for k in {k["kind"] for k in RULES["headings"]["kinds"]} | {"markdown"}:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", k), k


def test_indicator_ids_are_stable_identifiers_and_wordings_unambiguous():
    seen = {}
    for iid, words in RULES["indicators"]["indicators"].items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", iid), iid
        assert words, iid
        for w in words:
            key = fold_key(w)
            assert key not in seen or seen[key] == iid, f"{w!r} maps to both {seen[key]} and {iid}"
            seen[key] = iid


def test_magnitudes_are_powers_of_ten():
    # (1e4: "vạn", ten thousand)
    for word, v in RULES["quantities"]["magnitudes"].items():
        assert v in (1e3, 1e4, 1e6, 1e9, 1e12, 1e15), word


def test_builtin_data_dir_holds_only_yaml_rules_the_config_and_schemas():
    import os
    assert all(n.endswith(".yaml") or n in ("pipeline.cfg", "schemas") for n in os.listdir(BUILTIN_DIR))


def test_people_token_patterns_build_a_spacy_matcher():
    from pipeline.stages.officials import PeopleRules
    from pipeline.text.tokenise import get_nlp

    matcher = PeopleRules(RULES).matcher(get_nlp().vocab)
    assert len(matcher) == len(RULES["people"]["name_patterns"])


def test_a_deputy_prefix_makes_every_listed_post_a_deputy_s_post():
    """people.yaml deputy_prefixes: 'Phó' before any post of `positions` is read as one post, prefix included."""
    from pipeline.stages.officials import PeopleRules

    pr = PeopleRules(RULES)
    assert RULES["people"]["deputy_prefixes"] == ["Phó"]
    for post in RULES["people"]["positions"]:
        for dep in RULES["people"]["deputy_prefixes"]:
            if fold_key(post).startswith(fold_key(dep) + " "):
                continue
            m = pr.position_at.match(f"{dep} {post} tỉnh")
            assert m is not None and m.end() >= len(dep) + 1 + len(post), (dep, post)


def test_every_plan_setting_verb_under_da_sets_a_goal():
    """targets.yaml plan_setting_verbs: 'đã' before each, with a goal noun as its object, tells that a plan was set."""
    from pipeline import extract

    for verb in RULES["targets"]["plan_setting_verbs"]:
        obj = "" if re.search(r"chỉ tiêu|mục tiêu", verb) else " chỉ tiêu"
        doc = extract(f"Năm 2026, tỉnh đã {verb}{obj} tăng trưởng kinh tế 8%.")
        assert [x.value for x in doc.targets] == [8] and doc.results == [], verb


def test_surnames_are_single_capitalised_syllables():
    for s in RULES["people"]["surnames"]:
        assert s.istitle() and " " not in s, s
    assert len(set(RULES["people"]["surnames"])) == len(RULES["people"]["surnames"])


def test_every_measure_is_a_unit_and_the_rest_are_counts():
    """One unit table: `measures` names which normalised units measure; every other unit counts."""
    q = RULES["quantities"]
    values = set(q["units"].values())
    assert set(q["measures"]) <= values | {"tuổi"}, set(q["measures"]) - values
    assert {"%", "VND", "USD", "tấn", "ha"} <= set(q["measures"])
    assert {"người", "xã", "doanh nghiệp"} <= values - set(q["measures"])


def test_units_no_share_is_taken_of_are_units_the_percentage_linker_reads():
    """`not_shares_of` names units (times, ages, temperatures) the linker refuses as the part before
    "chiếm X%": each must be a value of `units` (a misspelt one would silently never match)."""
    q = RULES["quantities"]
    values = set(q["units"].values())
    assert set(q["not_shares_of"]) <= values | {"tuổi"}, set(q["not_shares_of"]) - values
    assert {"năm", "tuổi"} <= set(q["not_shares_of"]) and not {"người", "VND", "ha"} & set(q["not_shares_of"])


def test_every_delegate_stat_pattern_holds_an_anchor_word():
    """The delegates stage tries its patterns only in windows around delegates.yaml anchors: a pattern
    without one would never be tried. (Data and code drift apart here first.)"""
    import yaml, os
    path = os.path.join(os.path.dirname(__file__), "..", "pipeline", "data", "delegates.yaml")
    with open(path, encoding="utf-8") as fh:
        cfg = yaml.safe_load(fh)
    anchors = [a.lower() for a in cfg["anchors"]]
    for key, patterns in cfg["stats"].items():
        for p in patterns:
            assert any(a in p.lower() for a in anchors), (key, p)


def test_national_congress_years_run_in_order_and_the_patterns_read_them():
    # the calendar of the Party's national congresses: ordinals 1..N with no gap, each held after the one before;
    # every ordinal, written as a Roman numeral, is read by congress.national and congress.numbered
    from pipeline.stages.document import DocRules, _ordinal_value
    years = RULES["document"]["national_congress_years"]
    ords = sorted(int(k) for k in years)
    assert ords == list(range(1, len(ords) + 1))
    assert all(years[str(a)] < years[str(b)] for a, b in zip(ords, ords[1:]))
    dr = DocRules(RULES)
    roman = {1: "I", 4: "IV", 9: "IX", 10: "X", 13: "XIII", 14: "XIV"}
    for n, r in roman.items():
        m = dr.c["national"].search(f"Đại hội {r} của Đảng")
        assert m and _ordinal_value(m.group("ord") or m.group("ord2")) == n
        m = dr.c["numbered"].search(f"Đại hội đại biểu toàn quốc lần thứ {r} diễn ra")
        assert m and _ordinal_value(m.group("ord")) == n


def test_quota_words_make_chi_tieu_places_only_where_it_is_no_tally():
    # 'chỉ tiêu' stays a tally of goals (not_target_units) but for the quota verbs and followers
    from pipeline.stages.targets import TargetRules
    cfg = RULES["targets"]
    assert "chỉ tiêu" in cfg["not_target_units"]
    tr = TargetRules(RULES)
    for v in cfg["quota_verbs"]:
        assert tr.quota_before.search(f"trường {v} ") and tr.quota_before.search(f"trường {v} khoảng ")
    for f in cfg["quota_followers"]:
        assert tr.quota_after.match(f" {f} năm nay")
    assert not tr.quota_before.search("tỉnh hoàn thành ")


def test_shared_post_heads_open_posts():
    # each head of a post many hold opens a title the officials stage reads (a dead entry fails: a title before
    # a name never opens with a word no position starts with)
    from pipeline.stages.officials import PeopleRules
    pr = PeopleRules(RULES)
    for h in RULES["people"]["shared_post_heads"]:
        assert pr.shared_post.match(h + " X")
        assert pr.position_at.match(h + " Quốc hội") or pr.position_at.match(h + " Chủ tịch UBND tỉnh"), h
