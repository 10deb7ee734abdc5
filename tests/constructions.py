"""Run a construction table (tests/corpus/constructions_*.yaml): each row is a short text written
in the genre's style with what a careful reader extracts from it; a row passes when every stated
expectation holds. Tables are scored per phenomenon against a committed floor (a ratchet), so a
change that breaks a construction fails with the rows it broke."""
from __future__ import annotations

import json
import os
import unicodedata

import yaml

from conftest import ROOT
from pipeline import extract

CORPUS = os.path.join(ROOT, "tests", "corpus")
FLOORS = os.path.join(CORPUS, "constructions_floor.json")


def fold(s) -> str:
    s = unicodedata.normalize("NFD", str(s or "")).replace("đ", "d").replace("Đ", "D")
    return " ".join("".join(c for c in s if unicodedata.category(c) != "Mn").lower().split())


def load(name: str) -> list[dict]:
    with open(os.path.join(CORPUS, name), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def doc_for(row: dict):
    text = row["text"]
    if row.get("doc_year"):  # the document's own date, as a dated header line gives it
        text = f"Hà Nội, ngày 15 tháng 10 năm {row['doc_year']}\n{text}"
    return extract(text)


def close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= max(1e-6, 1e-9 * abs(float(a)))


# what an expected figure may say (any other key is refused rather than ignored)
_FIGURE_KEYS = {"value", "value_max", "unit", "per", "comparator", "year", "direction", "reference_year", "stretch",
                "plan", "period", "indicator", "indicator_is", "text_has"}


def _figure_problems(kind: str, expected: list, got: list) -> list[str]:
    out, used = [], set()
    for e in expected:
        unknown = set(e) - _FIGURE_KEYS
        assert not unknown, f"unknown keys {sorted(unknown)} in an expected {kind[:-1]} (known: {sorted(_FIGURE_KEYS)})"
        cands = [i for i, g in enumerate(got) if i not in used and close(e["value"], g["value"])
                 and ("value_max" not in e or close(e["value_max"], g.get("value_max")))]
        if not cands:
            out.append(f"{kind} {e['value']} missing (got {[g['value'] for g in got]})")
            continue
        i = cands[0]
        used.add(i)
        g = got[i]
        for k in ("unit", "per", "comparator", "year", "direction", "reference_year", "stretch", "plan"):
            if k in e:
                gv = g.get(k)
                if k == "comparator" and gv == "=":
                    gv = None if e[k] is None else gv
                if not (close(e[k], gv) if isinstance(e[k], (int, float)) and not isinstance(e[k], bool) else e[k] == gv):
                    out.append(f"{kind} {e['value']}: {k} {gv!r}, expected {e[k]!r}")
        if "period" in e:
            p = g.get("period")
            if not p or [p["start"], p["end"]] != list(e["period"]):
                out.append(f"{kind} {e['value']}: period {p}, expected {e['period']}")
        if "indicator" in e and fold(e["indicator"]) not in fold(g.get("indicator")):
            out.append(f"{kind} {e['value']}: indicator {g.get('indicator')!r} lacks {e['indicator']!r}")
        if "text_has" in e and fold(e["text_has"]) not in fold(g.get("text")):  # the item's text holds the phrase
            out.append(f"{kind} {e['value']}: text {g.get('text')!r} lacks {e['text_has']!r}")
        if "indicator_is" in e and fold(e["indicator_is"]) != fold(g.get("indicator")):  # the whole indicator, no more
            out.append(f"{kind} {e['value']}: indicator {g.get('indicator')!r}, expected exactly {e['indicator_is']!r}")
    for i, g in enumerate(got):
        if i not in used:
            out.append(f"spurious {kind} {g['value']} ({g['text'][:50]!r})")
    return out


def figure_row_problems(row: dict) -> list[str]:
    d = doc_for(row).model_dump(mode="json")
    exp = row["expect"]
    out = []
    for kind in ("targets", "results"):
        if kind in exp:
            out += _figure_problems(kind, exp[kind] or [], d[kind])
    values = [x["value"] for x in d["targets"] + d["results"]]
    for v in exp.get("not", []) or []:
        if any(close(v, x) for x in values):
            out.append(f"{v} must be neither a target nor a result")
    for e in exp.get("percentages", []) or []:
        cands = [p for p in d["percentages"] if close(e["value"], p["value"])]
        if not cands:
            out.append(f"percentage {e['value']} missing")
            continue
        p = cands[0]
        for k in ("count", "base"):
            if k in e and not close(e[k], p.get(k)):
                out.append(f"percentage {e['value']}: {k} {p.get(k)}, expected {e[k]}")
    return out


# what an expected official may say; any other key would be ignored silently, so it is refused (session 33: rows
# written with 'title_contains' had checked no title at all)
_OFFICIAL_KEYS = {"name", "titles", "not_titles", "age", "birth_year"}


def people_row_problems(row: dict) -> list[str]:
    d = doc_for(row).model_dump(mode="json")
    exp = row["expect"]
    out = []
    offs = {fold(o["name"]): o for o in d["officials"]}
    if "officials" in exp:
        want = {fold(o["name"]) for o in exp["officials"] or []}
        for o in exp["officials"] or []:
            unknown = set(o) - _OFFICIAL_KEYS
            assert not unknown, f"{row['id']}: unknown keys {sorted(unknown)} in an expected official (known: {sorted(_OFFICIAL_KEYS)})"
            g = offs.get(fold(o["name"]))
            if g is None:
                out.append(f"official {o['name']!r} missing (got {[x['name'] for x in d['officials']]})")
                continue
            titles = [fold(t["text"]) for t in g["titles"]]
            exact = exp.get("titles_exact")  # each expected title is a whole title, not a piece of one
            for t in o.get("titles", []) or []:
                if not any((fold(t) == x) if exact else (fold(t) in x) for x in titles):
                    out.append(f"{o['name']}: no title with {t!r} (got {[t['text'] for t in g['titles']]})")
            for t in o.get("not_titles", []) or []:  # a title that belongs to someone else
                if any(fold(t) in x for x in titles):
                    out.append(f"{o['name']}: title {t!r} is not theirs (got {[t['text'] for t in g['titles']]})")
            for k in ("age", "birth_year"):
                if k in o and g.get(k) != o[k]:
                    out.append(f"{o['name']}: {k} {g.get(k)}, expected {o[k]}")
        if not row["expect"].get("officials_partial"):
            for k, g in offs.items():
                if k not in want:
                    out.append(f"spurious official {g['name']!r}")
    for n in exp.get("not_officials", []) or []:
        if fold(n) in offs:
            out.append(f"{n!r} must not be an official")
    doc = d["document"]
    cg = doc.get("congress") or {}
    for k, v in (exp.get("congress") or {}).items():
        if k == "organization":
            got = (doc.get("organization") or {}).get("text")
            ok = (got is None) if v is None else fold(v) in fold(got)
        elif k == "term":
            t = cg.get("term")
            got = [t["start"], t["end"]] if t else None
            ok = got == (list(v) if v else None)
        else:
            got = cg.get(k)
            ok = got == v
        if not ok:
            out.append(f"congress.{k} {got!r}, expected {v!r}")
    for k, v in (exp.get("delegates") or {}).items():
        got = (d["delegates"].get(k) or {}).get("value")
        if got != v:
            out.append(f"delegates.{k} {got!r}, expected {v!r}")
    if "sections" in exp:
        secs = [s for s in d["sections"] if not s["list_item"] or s["kind"] in ("paren",)]
        by_id = {s["id"]: s for s in d["sections"]}
        want = exp["sections"] or []
        got_labels = [s["label"] for s in secs]
        for w in want:
            m = [s for s in d["sections"] if s["label"] == str(w["label"]) and fold(s.get("title") or "").startswith(fold(w.get("title", ""))[:30])]
            if not m:
                out.append(f"heading {w['label']} {w.get('title', '')!r} missing (got {[(s['label'], (s.get('title') or '')[:25]) for s in d['sections']]})")
                continue
            if "parent" in w:
                par = by_id.get(m[0]["parent"]) if m[0]["parent"] else None
                if (par["label"] if par else None) != (str(w["parent"]) if w["parent"] is not None else None):
                    out.append(f"heading {w['label']}: parent {par['label'] if par else None}, expected {w['parent']}")
        if not want and got_labels:
            out.append(f"spurious headings {got_labels}")
    for label in exp.get("clauses") or []:
        # an article's numbered and lettered items: present, and marked as items, not headings
        m = [s for s in d["sections"] if s["label"] == str(label)]
        if not m:
            out.append(f"clause {label} missing")
        elif not all(s["list_item"] for s in m):
            out.append(f"clause {label} is a heading (list_item false)")
    return out


def score(rows: list[dict], check) -> tuple[dict, dict]:
    """(pass rate per phenomenon, failures per row id)."""
    per, fails = {}, {}
    for row in rows:
        probs = check(row)
        ok, n = per.get(row["phenomenon"], (0, 0))
        per[row["phenomenon"]] = (ok + (not probs), n + 1)
        if probs:
            fails[row["id"]] = probs
    return {k: round(a / n, 4) for k, (a, n) in per.items()}, fails


def floors() -> dict:
    with open(FLOORS, encoding="utf-8") as fh:
        return json.load(fh)
