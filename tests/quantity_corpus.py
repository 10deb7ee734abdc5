"""Reading the quantity corpus (tests/corpus/quantities_*.json) and checking one entry."""
import json
import os

from pipeline.stages.numbers import finder
from pipeline.text.normalise import normalise
from pipeline.rules import load_rules

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name):
    with open(os.path.join(HERE, "corpus", f"quantities_{name}.json"), encoding="utf-8") as fh:
        return json.load(fh)


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def check(entry) -> str | None:
    """None when the grammar reads the phrase as the entry says; else what differs."""
    rules = load_rules()
    nt = normalise(entry["phrase"], None)
    mentions = finder(rules).find(nt.fold)
    if entry["kind"] == "not_quantity":
        if mentions:
            return "found " + ", ".join(repr(entry["phrase"][m.start:m.end]) for m in mentions)
        return None
    q = entry["quantity"]
    i = entry["phrase"].find(q)
    hit = [m for m in mentions if m.start < i + len(q) and i < m.end]
    if not hit:
        return f"no quantity found in {q!r}; found {[entry['phrase'][m.start:m.end] for m in mentions]}"
    m = hit[0]
    got = {"value": m.value, "value_max": m.value_max, "unit": m.unit, "per": m.per, "comparator": m.comparator,
           "kind": m.kind}
    diffs = []
    for k in ("value", "value_max"):
        if not close(entry.get(k), got[k]):
            diffs.append(f"{k} {got[k]} != {entry.get(k)}")
    for k in ("unit", "per", "comparator", "kind"):
        if (entry.get(k) or None) != (got[k] or None) and not (k == "comparator" and entry.get(k) in (None, "=") and got[k] == "="):
            diffs.append(f"{k} {got[k]!r} != {entry.get(k)!r}")
    if entry["kind"] == "fraction" and not close(entry.get("base"), m.base):
        diffs.append(f"base {m.base} != {entry.get('base')}")
    return "; ".join(diffs) or None
