"""Evaluation harness: score pipeline output against gold annotation files.

Gold format: ``../shared/gold/GOLD_FORMAT.md`` (one ``<stem>.gold.json`` per text).
Matching, per field:

* meta: each gold key (kind, organization_key found in the predicted organization,
  congress_ordinal, term, start_date, end_date) right or wrong;
* delegates: each stated figure, exact value; a predicted figure the gold lacks is spurious;
* officials: folded name (case and diacritics ignored); titles: each gold title key found
  (folded) in one of the official's predicted titles (``officials.title``), and the stricter
  ``officials.title_strict``: a predicted title starts with the key and adds no words of a sentence;
  birth year exact;
* percentages: value (and value_max) within 1e-6, one gold item per mention;
* targets: value (and value_max) within 1e-6 relative, and the gold key found (folded) in the
  predicted indicator or text; then unit, comparator, year/period and stretch accuracies;
* sections: label equal and one title a prefix of the other (folded); a predicted list item
  (bullet, "(1)", "Một là") or unlabelled markdown heading ("## Bối cảnh", which the gold format
  cannot express) that the gold does not list is neither rewarded nor penalised;
* warnings: a word of code_any in the predicted code, and the predicted span within 80
  characters of the gold ``near`` text;
* furniture: the cut starts where the gold's boilerplate_starts line starts.

Gold items with ``"optional": true`` absorb a prediction without counting either way.
"""
from __future__ import annotations

import glob
import json
import re
import os
import sys
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from ..text.normalise import decode_references

FIELDS = ["sections", "officials", "percentages", "targets", "results", "delegates", "meta", "warnings", "furniture"]


def fold(s: str) -> str:
    """Case and diacritics folded, spaces collapsed, HTML character references read: 'Thành uỷ' ==
    'thanh uy', 'NN&amp;PTNT' == 'NN&PTNT' (an item's text is the source as written)."""
    if "&" in s:
        s = decode_references(s)  # the normaliser's reading, no other
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.lower().split())


@dataclass
class Counts:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    errors: list = field(default_factory=list)   # (kind, document, description)

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fn += other.fn
        self.fp += other.fp
        self.errors.extend(other.errors)

    @property
    def precision(self) -> Optional[float]:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> Optional[float]:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> Optional[float]:
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        p = 0.0 if p is None else p
        r = 0.0 if r is None else r
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += int(bool(ok))

    def merge(self, other: "Accuracy") -> None:
        self.right += other.right
        self.total += other.total

    @property
    def value(self) -> Optional[float]:
        return self.right / self.total if self.total else None


@dataclass
class Score:
    fields: dict = field(default_factory=lambda: {f: Counts() for f in FIELDS})
    secondary: dict = field(default_factory=dict)

    def acc(self, name: str) -> Accuracy:
        return self.secondary.setdefault(name, Accuracy())

    def merge(self, other: "Score") -> None:
        for f in FIELDS:
            self.fields[f].add(other.fields[f])
        for k, v in other.secondary.items():
            self.acc(k).merge(v)


def _close(a: Optional[float], b: Optional[float]) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _match(gold: list[dict], pred: list[dict], ok: Callable[[dict, dict], bool]) -> tuple[list, list, list]:
    """Greedy one-to-one matching in order. Returns (pairs, unmatched gold, unmatched pred).

    Required gold items are matched first, so an optional one never steals a prediction."""
    used = [False] * len(pred)
    pairs, missed = [], []
    order = sorted(range(len(gold)), key=lambda i: bool(gold[i].get("optional")))
    result: dict[int, Optional[int]] = {}
    for gi in order:
        g = gold[gi]
        hit = next((pi for pi, p in enumerate(pred) if not used[pi] and ok(g, p)), None)
        result[gi] = hit
        if hit is not None:
            used[hit] = True
    for gi, g in enumerate(gold):
        if result[gi] is None:
            missed.append(g)
        else:
            pairs.append((g, pred[result[gi]]))
    spurious = [p for pi, p in enumerate(pred) if not used[pi]]
    return pairs, missed, spurious


def _count(c: Counts, doc: str, pairs, missed, spurious, describe_g, describe_p, spurious_ok=lambda p: False):
    for g, _ in pairs:
        if not g.get("optional"):
            c.tp += 1
    for g in missed:
        if not g.get("optional"):
            c.fn += 1
            c.errors.append(("missed", doc, describe_g(g)))
    for p in spurious:
        if not spurious_ok(p):
            c.fp += 1
            c.errors.append(("spurious", doc, describe_p(p)))


def score_document(pred: dict, gold: dict, text: str) -> Score:
    """Score one pipeline output (as JSON dict) against one gold file."""
    s = Score()
    doc = gold.get("document", "?")
    _score_sections(s, doc, pred, gold)
    _score_officials(s, doc, pred, gold)
    _score_percentages(s, doc, pred, gold)
    _score_figures(s, doc, pred, gold, "targets")
    _score_figures(s, doc, pred, gold, "results")
    _score_delegates(s, doc, pred, gold)
    _score_meta(s, doc, pred, gold)
    _score_warnings(s, doc, pred, gold, text)
    _score_furniture(s, doc, pred, gold, text)
    return s


def _score_sections(s: Score, doc: str, pred: dict, gold: dict) -> None:
    def ok(g, p):
        if str(g["label"]) != str(p.get("label")):
            return False
        gt, pt = fold(g.get("title") or ""), fold(p.get("title") or "")
        return pt.startswith(gt) or (len(pt) >= 3 and gt.startswith(pt)) or not gt
    pairs, missed, spurious = _match(gold.get("sections", []), pred.get("sections", []), ok)
    _count(s.fields["sections"], doc, pairs, missed, spurious,
           lambda g: f"{g['label']} {g.get('title', '')}", lambda p: f"{p['label']} {p.get('title') or ''} [{p['id']}]",
           spurious_ok=lambda p: p.get("list_item", False) or p.get("kind") == "markdown")


_FORMER = re.compile(r"^(?:nguyen|quyen)\s+")
# words of a sentence, not of a title (folded): a title that runs on into its sentence holds one
_CLAUSE_WORD = re.compile(r"(?<!\w)(?:da|dang|se|duoc|bi|la|co|cho|voi|noi|cho biet|phat bieu|khang dinh|chu tri|"
                          r"tham|tiep|trao|tang|gui|yeu cau|de nghi|nhan manh|bo nhiem|bau|chuc mung)(?!\w)")


def _title_is(key: str, title: str) -> bool:
    """The stricter title measure: the predicted title starts with the gold key (folded; a leading
    "nguyên"/"quyền" of one that the other lacks is not counted against it) and what it adds is no
    part of a sentence, so "Phó Chủ tịch" is not "Chủ tịch" and a title run on into its sentence
    ("Thủ tướng Chính phủ đã ký bổ nhiệm 4 thứ trưởng Bộ Công an") is not right, while the office's
    body, place and term may follow ("Phó Bí thư Thành ủy khóa I, nhiệm kỳ 2025 - 2030")."""
    key, title = _FORMER.sub("", key), _FORMER.sub("", title)
    return title.startswith(key) and _CLAUSE_WORD.search(title, len(key)) is None


def _score_officials(s: Score, doc: str, pred: dict, gold: dict) -> None:
    gold_items = list(gold.get("officials", []))
    not_off = {fold(n) for n in gold.get("not_officials", [])}
    pairs, missed, spurious = _match(gold_items, pred.get("officials", []), lambda g, p: fold(g["name"]) == fold(p["name"]))
    _count(s.fields["officials"], doc, pairs, missed, spurious,
           lambda g: g["name"], lambda p: p["name"] + (" (listed as not an official)" if fold(p["name"]) in not_off else ""))
    for g, p in pairs:
        if g.get("optional"):
            continue
        titles = [fold(t.get("text", "")) for t in p.get("titles", [])]
        for key in g.get("title_keys", []):
            s.acc("officials.title").add(any(fold(key) in t for t in titles))
            s.acc("officials.title_strict").add(any(_title_is(fold(key), t) for t in titles))
        if g.get("birth_year") is not None:
            s.acc("officials.birth_year").add(p.get("birth_year") == g["birth_year"])


def _score_percentages(s: Score, doc: str, pred: dict, gold: dict) -> None:
    def ok(g, p):
        return _close(g["value"], p["value"]) and _close(g.get("value_max"), p.get("value_max"))
    pairs, missed, spurious = _match(gold.get("percentages", []), pred.get("percentages", []), ok)
    _count(s.fields["percentages"], doc, pairs, missed, spurious,
           lambda g: f"{g['value']}" + (f"-{g['value_max']}" if g.get("value_max") is not None else "") + "%",
           lambda p: f"{p['text']!r} = {p['value']}")
    for g, p in pairs:
        if g.get("count") is not None and not g.get("optional"):
            s.acc("percentages.count_link").add(_close(g["count"], p.get("count")))


def _score_figures(s: Score, doc: str, pred: dict, gold: dict, field: str) -> None:
    """Targets or results: value (and value_max) equal, and the gold key found in the indicator or text.

    Secondary accuracies over matched required items: ``<field>.indicator`` (the key is in the
    predicted indicator itself, not only somewhere in the text), unit, comparator, time, stretch."""
    def ok(g, p):
        if not (_close(g["value"], p["value"]) and (g.get("value_max") is None or _close(g["value_max"], p.get("value_max")))):
            return False
        key = fold(str(g.get("key", "")))
        return key in fold(p.get("indicator") or "") or key in fold(p.get("text") or "")
    if field not in gold:
        return  # gold written before the field existed: not scored (neither rewarded nor penalised)
    pairs, missed, spurious = _match(gold.get(field, []), pred.get(field, []), ok)
    _count(s.fields[field], doc, pairs, missed, spurious,
           lambda g: f"{g.get('key')}: {g['value']}" + (f"-{g['value_max']}" if g.get("value_max") is not None else "") + f" {g.get('unit') or ''}",
           lambda p: f"{p.get('indicator')!r}: {p['value']} {p.get('unit') or ''} in {p['text'][:80]!r}")
    for g, p in pairs:
        if g.get("optional"):
            continue
        key = fold(str(g.get("key", "")))
        s.acc(f"{field}.indicator").add(bool(key) and key in fold(p.get("indicator") or ""))
        if g.get("unit") is not None:
            s.acc(f"{field}.unit").add(g["unit"] == p.get("unit"))
        s.acc(f"{field}.comparator").add(g.get("comparator", "=") == (p.get("comparator") or "="))
        if g.get("year") is not None or g.get("period") is not None:
            pp = p.get("period")
            ok_time = (g.get("year") is not None and g["year"] == p.get("year")) or (
                g.get("period") is not None and pp is not None and [pp["start"], pp["end"]] == list(g["period"]))
            s.acc(f"{field}.time").add(ok_time)
        if g.get("stretch") is not None:
            s.acc(f"{field}.stretch").add(_close(g["stretch"], p.get("stretch")))


def _score_delegates(s: Score, doc: str, pred: dict, gold: dict) -> None:
    c = s.fields["delegates"]
    gd = gold.get("delegates") or {}
    pd = pred.get("delegates") or {}
    keys = ["summoned", "attended", "absent", "ex_officio", "appointed", "alternates_promoted"]
    for k in keys:
        gv = gd.get(k)
        pv = (pd.get(k) or {}).get("value") if isinstance(pd.get(k), dict) else None
        if gv is not None and pv == gv:
            c.tp += 1
        elif gv is not None:
            c.fn += 1
            c.errors.append(("missed", doc, f"delegates.{k} = {gv} (got {pv})"))
            if pv is not None:
                c.fp += 1
        elif pv is not None and k != "alternates_promoted":
            c.fp += 1
            c.errors.append(("spurious", doc, f"delegates.{k} = {pv}"))


def _score_meta(s: Score, doc: str, pred: dict, gold: dict) -> None:
    c = s.fields["meta"]
    gm = gold.get("meta") or {}
    d = pred.get("document") or {}
    cg = d.get("congress") or {}
    got: dict[str, Any] = {
        "kind": d.get("kind"),
        "organization_key": (d.get("organization") or {}).get("text"),
        "congress_ordinal": cg.get("ordinal"),
        "term": [cg["term"]["start"], cg["term"]["end"]] if cg.get("term") else None,
        "start_date": cg.get("start_date") or d.get("date"),
        "end_date": cg.get("end_date") or d.get("date"),
    }
    for k, gv in gm.items():
        if k not in got:
            continue
        pv = got[k]
        if k == "organization_key":
            right = pv is not None and fold(gv) in fold(pv)
        elif k == "term":
            right = pv == list(gv)
        else:
            right = pv == gv
        if right:
            c.tp += 1
        else:
            c.fn += 1
            c.errors.append(("missed", doc, f"meta.{k} = {gv!r} (got {pv!r})"))
            if pv is not None:
                c.fp += 1


def _positions(text: str, needle: str) -> list[int]:
    t = unicodedata.normalize("NFC", text)
    n = unicodedata.normalize("NFC", needle)
    out, i = [], t.find(n)
    while i >= 0:
        out.append(i)
        i = t.find(n, i + 1)
    return out


def _score_warnings(s: Score, doc: str, pred: dict, gold: dict, text: str) -> None:
    def ok(g, p):
        code = p.get("code", "").lower()
        if not any(w.lower() in code for w in g.get("code_any", [])):
            return False
        a, b = p["span"]["start"], p["span"]["end"]
        return any(a - 80 <= pos <= b + 80 for pos in _positions(text, g.get("near", "")))
    pairs, missed, spurious = _match(gold.get("warnings", []), pred.get("warnings", []), ok)
    _count(s.fields["warnings"], doc, pairs, missed, spurious,
           lambda g: f"{'/'.join(g.get('code_any', []))} near {g.get('near')!r}", lambda p: f"{p['code']}: {p['text'][:60]!r}")


def _score_furniture(s: Score, doc: str, pred: dict, gold: dict, text: str) -> None:
    c = s.fields["furniture"]
    start = gold.get("boilerplate_starts")
    cuts = [f["span"]["start"] for f in (pred.get("source") or {}).get("furniture", [])]
    tail_cuts = [x for x in cuts if any(f["span"]["end"] >= len(text.rstrip()) for f in pred["source"]["furniture"] if f["span"]["start"] == x)]
    pos = _positions(text, start) if start else []
    _score_cut(c, doc, bool(start), bool(pos) and any(abs(x - pos[-1]) <= 2 for x in tail_cuts), bool(tail_cuts),
               f"furniture starting {(start or '')[:50]!r}",
               f"furniture cut at {text[tail_cuts[0]:tail_cuts[0] + 50]!r}" if tail_cuts else "")
    # head furniture: a cut before the content the gold names ("head_furniture_ends": its first
    # words); scored only in gold files that have the key
    if "head_furniture_ends" not in gold:
        return
    ends = gold.get("head_furniture_ends")
    pos = _positions(text, ends) if ends else []
    limit = pos[0] if pos else min(len(text), 600)
    head = [f["span"]["end"] for f in (pred.get("source") or {}).get("furniture", [])
            if f["span"]["start"] < limit and f["span"]["end"] <= limit + 1]
    _score_cut(c, doc, bool(ends), bool(head) and bool(pos), bool(head),
               f"head furniture before {(ends or '')[:50]!r}", f"head furniture {text[:min(head[0], 50)]!r}" if head else "",
               wrong_cut_counts=False)


def _score_cut(c, doc: str, expected: bool, hit: bool, predicted: bool, missed: str, spurious: str,
               wrong_cut_counts: bool = True) -> None:
    """One expected-or-not furniture cut: a hit, a miss (and, for the tail, a wrong cut), or a spurious cut."""
    if expected:
        if hit:
            c.tp += 1
            return
        c.fn += 1
        c.errors.append(("missed", doc, missed))
        if predicted and wrong_cut_counts:
            c.fp += 1
    elif predicted:
        c.fp += 1
        c.errors.append(("spurious", doc, spurious))


# ---------------------------------------------------------------- running

def find_pairs(paths: list[str], text_dirs: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """(text path, gold path) pairs for gold files in ``paths`` (files or directories)."""
    golds: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            golds.extend(sorted(glob.glob(os.path.join(p, "*.gold.json"))))
        else:
            golds.append(p)
    pairs, problems = [], []
    for g in golds:
        try:
            with open(g, encoding="utf-8") as fh:
                name = json.load(fh).get("document") or os.path.basename(g).replace(".gold.json", ".txt")
        except (OSError, json.JSONDecodeError) as exc:
            problems.append(f"{g}: cannot read gold file ({exc})")
            continue
        for d in [os.path.dirname(g)] + text_dirs:
            cand = os.path.join(d, name)
            if os.path.exists(cand):
                pairs.append((cand, g))
                break
        else:
            problems.append(f"{g}: text {name} not found (looked in {', '.join([os.path.dirname(g) or '.'] + text_dirs)})")
    return pairs, problems


def evaluate(pairs: list[tuple[str, str]], rules_dir: Optional[str] = None) -> tuple[Score, dict[str, Score]]:
    from ..extract import extract_file

    total, per_doc = Score(), {}
    for text_path, gold_path in pairs:
        with open(gold_path, encoding="utf-8") as fh:
            gold = json.load(fh)
        ann = extract_file(text_path, rules_dir=rules_dir)
        sc = score_document(ann.model_dump(mode="json"), gold, _read(text_path))
        per_doc[os.path.basename(text_path)] = sc
        total.merge(sc)
    return total, per_doc


def _read(path: str) -> str:
    from ..text.load import read_path

    return read_path(path).text


def _fmt(x: Optional[float]) -> str:
    return "    -" if x is None else f"{x:5.3f}"


def report_table(name: str, sc: Score, n_docs: int) -> str:
    lines = [f"== {name}: {n_docs} documents", f"{'field':<12} {'P':>5} {'R':>5} {'F1':>5} {'matched':>8} {'missed':>7} {'spurious':>8}"]
    for f in FIELDS:
        c = sc.fields[f]
        lines.append(f"{f:<12} {_fmt(c.precision)} {_fmt(c.recall)} {_fmt(c.f1)} {c.tp:>8} {c.fn:>7} {c.fp:>8}")
    if sc.secondary:
        lines.append("secondary accuracies (over matched items):")
        for k in sorted(sc.secondary):
            a = sc.secondary[k]
            lines.append(f"  {k:<24} {_fmt(a.value)}  ({a.right}/{a.total})")
    return "\n".join(lines)


def score_json(sc: Score, n_docs: int) -> dict:
    return {
        "documents": n_docs,
        "fields": {f: {"precision": c.precision, "recall": c.recall, "f1": c.f1, "matched": c.tp, "missed": c.fn, "spurious": c.fp}
                   for f, c in sc.fields.items()},
        "secondary": {k: {"accuracy": a.value, "right": a.right, "total": a.total} for k, a in sorted(sc.secondary.items())},
    }


def default_text_dirs() -> list[str]:
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    shared = os.path.join(os.path.dirname(os.path.dirname(here)), "shared", "corpus")
    return [d for d in (os.path.join(shared, "dev"), os.path.join(shared, "seed"), shared,
                        os.path.join("..", "shared", "corpus", "dev"), os.path.join("..", "shared", "corpus")) if os.path.isdir(d)]


def add_arguments(p) -> None:
    p.add_argument("paths", nargs="+", metavar="GOLD", help="gold files or directories of *.gold.json; each path is scored as its own set")
    p.add_argument("--texts", action="append", default=[], metavar="DIR", help="where to find the texts named by the gold files (repeatable; default: beside the gold file, then ../shared/corpus/dev)")
    p.add_argument("--json", metavar="FILE", help="write the report as JSON ('-' for stdout)")
    p.add_argument("--show-errors", action="store_true", help="list every miss and every spurious item")
    p.add_argument("--per-doc", action="store_true", help="also print a table per document")
    p.add_argument("--rules", metavar="DIR", help="extra rule files, as for extract")
    p.add_argument("--update-ratchet", metavar="FILE", help="raise the committed scores in FILE to the current ones (never lowers them)")


def run_cli(args) -> int:
    text_dirs = args.texts + default_text_dirs()
    report: dict[str, Any] = {"sets": {}}
    bad = 0
    for p in args.paths:
        pairs, problems = find_pairs([p], text_dirs)
        for msg in problems:
            print(f"error: {msg}", file=sys.stderr)
        bad += len(problems)
        if not pairs:
            continue
        name = os.path.basename(os.path.normpath(p)) if os.path.isdir(p) else os.path.basename(p)
        total, per_doc = evaluate(pairs, args.rules)
        print(report_table(name, total, len(pairs)))
        if args.per_doc:
            for d, sc in per_doc.items():
                print(report_table(f"{name}/{d}", sc, 1))
        if args.show_errors:
            for f in FIELDS:
                for kind, d, desc in total.fields[f].errors:
                    print(f"  {f:<11} {kind:<8} {d}: {desc}")
        print()
        report["sets"][name] = score_json(total, len(pairs))
    if args.json:
        out = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
        if args.json == "-":
            sys.stdout.write(out)
        else:
            with open(args.json, "w", encoding="utf-8") as fh:
                fh.write(out)
    if args.update_ratchet:
        raise_ratchet(args.update_ratchet, report)
    return 1 if bad else 0


RATCHETED_ACCURACIES = ("officials.title", "officials.title_strict", "targets.time", "results.time", "targets.indicator", "results.indicator",
                        "percentages.count_link")
RATCHET_MIN_ITEMS = 10


def raise_ratchet(path: str, report: dict) -> None:
    try:
        with open(path, encoding="utf-8") as fh:
            old = json.load(fh)
    except FileNotFoundError:
        old = {"_doc": "Committed F1 per set and field; tests fail when a score drops by more than the tolerance. Raise with: announce eval ... --update-ratchet FILE", "tolerance": 0.005, "sets": {}}
    for set_name, rep in report["sets"].items():
        cur = old["sets"].setdefault(set_name, {})
        for f, v in rep["fields"].items():
            if v["f1"] is None:
                continue
            before = cur.get(f)
            if before is None or round(v["f1"], 4) > before:
                cur[f] = round(v["f1"], 4)
                print(f"ratchet: {set_name}.{f} {before} -> {cur[f]}", file=sys.stderr)
            elif v["f1"] < before - old.get("tolerance", 0.005):
                print(f"ratchet: {set_name}.{f} DROPPED {before} -> {v['f1']:.4f} (kept {before})", file=sys.stderr)
        # the secondary accuracies users read most (time, indicator, title, count link), where they
        # rest on at least RATCHET_MIN_ITEMS matched items, with their own (looser) tolerance: a
        # newly matched item can lower an accuracy while the F1 rises
        sec = old.setdefault("secondary", {}).setdefault(set_name, {})
        old.setdefault("secondary_tolerance", 0.03)
        for k, v in rep.get("secondary", {}).items():
            if k not in RATCHETED_ACCURACIES or v["accuracy"] is None or v["total"] < RATCHET_MIN_ITEMS:
                continue
            before = sec.get(k)
            if before is None or round(v["accuracy"], 4) > before:
                sec[k] = round(v["accuracy"], 4)
                print(f"ratchet: {set_name}.{k} {before} -> {sec[k]}", file=sys.stderr)
            elif v["accuracy"] < before - old["secondary_tolerance"]:
                print(f"ratchet: {set_name}.{k} DROPPED {before} -> {v['accuracy']:.4f} (kept {before})", file=sys.stderr)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(old, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
