"""Rule data files and the code that reads them must agree (dateparser-style drift tests)."""
import json
import re
import typing

import pytest

from pipeline.contract.models import Comparator, SectionKind, TargetCategory
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
def test_every_rule_file_is_an_object_with_a_doc(name):
    assert isinstance(RULES[name], dict)
    assert RULES[name].get("_doc"), f"{name}.json should say what it is for in '_doc'"


def test_every_pattern_compiles():
    from pipeline.stages.numbers import NUMBER
    for name in RULES.names():
        for path, pat in _regexes(RULES[name], name):
            re.compile(pat.replace("{N}", NUMBER))


def test_the_builtin_config_plans_every_stage_with_its_contract():
    from pipeline.compose import plan
    names = [name for name, contract, _ in plan(RULES)]
    assert names[:2] == ["sentences", "sections"] and "checks" in names


def test_target_categories_match_the_schema_enum():
    data = set(RULES["targets"]["categories"].values())
    assert data == set(typing.get_args(TargetCategory))


def test_comparators_in_data_are_schema_comparators():
    q = RULES["quantities"]
    allowed = set(typing.get_args(Comparator))
    assert set(q["comparators_before"].values()) <= allowed
    assert set(q["comparators_after"].values()) <= allowed


def test_heading_kinds_in_data_are_schema_kinds():
    kinds = {k["kind"] for k in RULES["headings"]["kinds"]} | {"markdown"}
    assert kinds <= set(typing.get_args(SectionKind))


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
    for word, v in RULES["quantities"]["magnitudes"].items():
        assert v in (1e3, 1e6, 1e9, 1e12, 1e15), word


def test_builtin_data_dir_holds_only_json():
    import os
    assert all(n.endswith(".json") or n == "pipeline.cfg" for n in os.listdir(BUILTIN_DIR))


def test_people_token_patterns_build_a_spacy_matcher():
    from pipeline.stages.officials import PeopleRules
    from pipeline.text.tokenise import get_nlp

    matcher = PeopleRules(RULES).matcher(get_nlp().vocab)
    assert len(matcher) == len(RULES["people"]["name_patterns"])


def test_surnames_are_single_capitalised_syllables():
    for s in RULES["people"]["surnames"]:
        assert s.istitle() and " " not in s, s
    assert len(set(RULES["people"]["surnames"])) == len(RULES["people"]["surnames"])
