"""The Vietnamese quantity grammar against its example corpus (Duckling-style: the corpus is the test).

tests/corpus/quantities_dev.json: real phrases from samples/ and ../shared/corpus/dev/, read and
annotated by hand; every entry must pass except the known failures below (strict xfail: a fixed
one must be removed from the list). tests/corpus/quantities_heldout.json: phrases from texts the
rules were not tuned on; scored, with a floor.
"""
import pytest

from quantity_corpus import check, load

DEV = load("dev")
HELDOUT = load("heldout")

KNOWN_DEV = {
    "Được thể hiện trên 05 nội dung sau đây": "'trên' as the preposition 'in' vs the comparator 'more than' needs syntax",
    "Đào tạo bồi dưỡng 10 000 giám đốc điều hành": "open-class count noun not in the unit lexicon",
    "bồi dưỡng 10.000 giám đốc điều hành;": "open-class count noun not in the unit lexicon",
    "quy định trọn 1 nhiệm kì Bộ Chính trị trở lên": "'trở lên' four words after the number",
    "tiến hành 10.000 cuộc kiểm tra": "unit 'cuộc' read without its complement 'kiểm tra'",
    "13 điểm bổ sung sửa đổi điều lệ Đảng": "'điểm' (points of a list) is not a unit: it is ambiguous with scores",
}


def test_corpus_size_and_coverage():
    assert len(DEV) >= 150
    kinds = {e["kind"] for e in DEV}
    assert kinds == {"quantity", "fraction", "not_quantity"}
    assert sum(e["kind"] == "not_quantity" for e in DEV) >= 40
    assert sum(e.get("value_max") is not None for e in DEV) >= 15
    assert {e["comparator"] for e in DEV if e["comparator"]} >= {">=", ">", "<=", "<", "~", "="}


@pytest.mark.parametrize("entry", DEV, ids=[f"{i}:{e['phrase'][:40]}" for i, e in enumerate(DEV)])
def test_dev_phrase(entry):
    if entry["phrase"] in KNOWN_DEV:
        pytest.xfail(KNOWN_DEV[entry["phrase"]])
    problem = check(entry)
    assert problem is None, f"{entry['phrase']!r}: {problem}"


def test_known_failures_still_fail():
    """A known failure that starts passing must leave KNOWN_DEV (keeps the list honest)."""
    by_phrase = {e["phrase"]: e for e in DEV}
    for phrase in KNOWN_DEV:
        assert phrase in by_phrase, phrase
        assert check(by_phrase[phrase]) is not None, f"fixed: remove {phrase!r} from KNOWN_DEV"


HELDOUT_FLOOR = 0.80


def test_heldout_accuracy_floor():
    failures = [(e["phrase"], check(e)) for e in HELDOUT]
    failures = [f for f in failures if f[1]]
    accuracy = 1 - len(failures) / len(HELDOUT)
    print(f"held-out quantity phrases: {len(HELDOUT) - len(failures)}/{len(HELDOUT)} = {accuracy:.3f}")
    assert accuracy >= HELDOUT_FLOOR, failures
