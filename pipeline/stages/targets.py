"""Stage: targets (forward-looking numeric goals) and results (figures already achieved).

Every quantity found by the quantity grammar is placed in its clause. It is a target
when its clause carries a target cue ("phấn đấu", "đến năm 2030", "trở lên", ...) or
the nearest section whose title carries a cue is a target section ("Các chỉ tiêu chủ
yếu"), and no result cue ("đã", "ước đạt", a past period) overrides; a result when the
clause or section says achieved. Percentages tied to a count (delegate statistics),
delegate figures, ages and durations are neither. "13%/năm trở lên, phấn đấu đạt
14%/năm" is one target with stretch 14. The indicator is the clause's words before the
verb; indicator ids come from ``data/indicators.json``. Rules: ``data/targets.json``.
"""
from __future__ import annotations

import bisect
import re
from typing import Optional

from ..context import Context
from ..contract.models import Period, Quantity
from ..text.normalise import fold_key
from .numbers import Mention
from ..text.patterns import alternation
from ..products import Figures
from ..registry import component

_YEAR = r"(?:19|20)\d{2}"


class TargetRules:
    def __init__(self, rules):
        cfg = rules["targets"]
        self.target_section = re.compile(alternation(cfg["target_section_cues"]), re.I)
        self.result_section = re.compile(alternation(cfg["result_section_cues"]), re.I)
        self.target_clause = re.compile(r"(?<!\w)(?:" + alternation(cfg["target_clause_cues"]) + r")(?!\w)", re.I)
        self.result_clause = re.compile(r"(?<!\w)(?:" + alternation(cfg["result_clause_cues"]) + r")", re.I)
        self.not_units = set(cfg["not_target_units"])
        self.not_target_clause = re.compile(alternation(cfg["not_target_sentences"]), re.I)
        self.stretch = re.compile(cfg["stretch_between"], re.I)
        self.verbs = re.compile(r"(?<!\w)(?:" + alternation(cfg["indicator_verbs"]) + r")\s*$", re.I)
        self.strip = [re.compile(p, re.I) for p in cfg["indicator_strip"]]
        self.categories = {fold_key(k): v for k, v in cfg["categories"].items()}
        self.category_rx = re.compile(r"(?<![^\W\d_])(?:" + alternation(self.categories) + r")(?![^\W\d_])", re.I)
        ind = rules["indicators"]["indicators"]
        self.indicators = sorted(((fold_key(w), iid) for iid, words in ind.items() for w in words), key=lambda x: -len(x[0]))
        not_period = rf"(?!\s*[-–—]\s*{_YEAR})"
        self.year = re.compile(rf"(?:(?:đến|vào|trong|tới)\s+(?:hết\s+|cuối\s+)?)?năm\s+(?P<y>{_YEAR}){not_period}\b|đến\s+(?P<y2>{_YEAR}){not_period}\b", re.I)
        self.period = re.compile(rf"\b(?P<a>{_YEAR})\s*[-–—]\s*(?P<b>{_YEAR})\b", re.I)
        self.frequency = re.compile(r"hằng năm|hàng năm|mỗi năm|/năm|bình quân\s+năm|năm\s+\d{4}\s+và\s+các\s+năm", re.I)

    def indicator_id(self, indicator: str) -> Optional[str]:
        key = fold_key(indicator)
        for words, iid in self.indicators:
            if words in key:
                return iid
        return None


def _doc_year(text: str) -> Optional[int]:
    """The year the document speaks from: the year of its date line or the start of its term."""
    head = text[:3000]
    m = re.search(rf"ngày\s+\d{{1,2}}\s+tháng\s+\d{{1,2}}\s+năm\s+({_YEAR})", head)
    if m:
        return int(m.group(1))
    m = re.search(rf"nhiệm kỳ\s+({_YEAR})\s*[-–—]\s*{_YEAR}", head, re.I)
    if m:
        return int(m.group(1))
    years = [int(y) for y in re.findall(rf"\b\d{{1,2}}/\d{{1,2}}/({_YEAR})\b", head)]
    return max(years) if years else None


def _sentence_bounds(starts: list[int], pos: int, n: int) -> tuple[int, int]:
    i = bisect.bisect_right(starts, pos) - 1
    a = starts[i] if i >= 0 else 0
    b = starts[i + 1] if i + 1 < len(starts) else n
    return a, b


class _Clause:
    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int):
        self.start, self.end = start, end


_CUT = re.compile(r"[;:]|\btrong đó\b|\n(?=[ \t]*(?:[-*+•][ \t]|\(\d+\)|\d+[.)]))")
_SEP = re.compile(r"(?:,\s+|\s+và\s+|\s+-\s+)")


def _clauses(text: str, a: int, b: int, ms: list[Mention]) -> dict[int, _Clause]:
    """Split sentence [a, b) into one clause per quantity: a clause starts after the last
    cut (';', ':', 'trong đó', a bullet line) or separator (', ', ' và ') since the previous
    quantity, and ends where the next quantity's clause starts."""
    cuts = [a + c.end() for c in _CUT.finditer(text[a:b])]
    starts = []
    prev_end = a
    for m in ms:
        start = prev_end
        between = [c for c in cuts if prev_end <= c <= m.start]
        if between:
            start = between[-1]
        elif prev_end > a:
            sep = _SEP.search(text, prev_end, m.start)  # "A đạt trên 75%, B và C đạt trên 90%": the first one
            start = sep.end() if sep else prev_end
        while start < m.start and text[start] in " \t\n":
            start += 1
        starts.append(start)
        prev_end = max(m.end, prev_end)
    out: dict[int, _Clause] = {}
    for k, m in enumerate(ms):
        end = b
        if k + 1 < len(ms):
            end = starts[k + 1]
        while end > m.end and text[end - 1] in " \t\n,;:-":
            end -= 1
        out[id(m)] = _Clause(starts[k], max(end, m.end))
    return out


def _section_cue(ctx: Context, pos: int, tr: TargetRules) -> Optional[str]:
    """'target' or 'result' from the nearest enclosing section whose title carries a cue."""
    for s in reversed(ctx.section_chain(pos)):
        title = ctx.nt.fold[s.title_start:s.title_end]
        if not title or (s.list_item and len(title) > 80):
            continue  # a long bullet is prose, not a heading
        t = tr.target_section.search(title)
        r = tr.result_section.search(title)
        if t and r:
            return "target" if t.start() < r.start() else "result"
        if t:
            return "target"
        if r:
            return "result"
    return None


def _category(ctx: Context, pos: int, tr: TargetRules, clause: str = "") -> Optional[str]:
    """The first category word in the target's clause, else in the nearest enclosing section title."""
    m = tr.category_rx.search(fold_key(clause)) if clause else None
    if m:
        return tr.categories[m.group(0)]
    for s in reversed(ctx.section_chain(pos)):
        if s.list_item:
            continue
        m = tr.category_rx.search(fold_key(ctx.nt.fold[s.title_start:s.title_end]))
        if m:
            return tr.categories[m.group(0)]
    return None


@component("targets", requires=("sentence_starts", "quantities", "percentages", "delegates", "sections"), assigns=("figures",), rules=("targets", "indicators"))
def extract_targets(ctx: Context) -> Figures:
    """Targets (goals) and results (achieved figures) with indicator, time, stretch and category."""
    tr = ctx.rules.compiled("targets", TargetRules)
    text = ctx.nt.fold
    quantities: list[Mention] = ctx.doc._.quantities.mentions
    # "351 đại biểu (bằng 78,9%)": a share of a count (statistics), neither target nor result;
    # "80% số xã (tương ứng 55/67 xã)" stays a candidate
    links = [(m, count) for m, count, _ in ctx.doc._.percentages.links if count is not None]
    linked = {id(m) for m, count in links if count.start < m.start} | {id(count) for m, count in links}
    delegate_spans = {s.span.start for s in ctx.doc._.delegates.stats.__dict__.values() if hasattr(s, "span")}
    doc_year = _doc_year(text)
    starts = ctx.doc._.sentence_starts
    # group quantities by sentence
    by_sentence: dict[tuple[int, int], list[Mention]] = {}
    for m in quantities:
        by_sentence.setdefault(_sentence_bounds(starts, m.num_start, len(text)), []).append(m)
    targets: list[Quantity] = []
    results: list[Quantity] = []
    for (a, b), all_ms in by_sentence.items():
        ms = [m for m in all_ms if not _skip(m, text, tr, linked, delegate_spans, ctx)]
        if not ms:
            continue
        if tr.not_target_clause.search(text[a:b]):
            continue  # votes, delegate counts: neither targets nor results
        clauses = _clauses(text, a, b, ms)
        sentence = text[a:b]
        last_target: Optional[Quantity] = None
        last_mention: Optional[Mention] = None
        for m in ms:
            cl = clauses[id(m)]
            clause = text[cl.start:cl.end]
            # a stretch value: "... 13%/năm trở lên, phấn đấu đạt 14%/năm"
            if last_target is not None and last_mention is not None and m.unit == last_mention.unit and tr.stretch.match(text[last_mention.end:m.start]):
                last_target.stretch = m.value
                last_mention = None
                continue
            kind = _classify(ctx, tr, m, clause, sentence, text[cl.start:m.start], doc_year)
            if kind is None:
                last_mention = None
                continue
            q = _build(ctx, tr, m, cl, a, b, doc_year)
            if kind == "target":
                targets.append((q, m))
                last_target, last_mention = q, m
            else:
                results.append(q)
                last_target, last_mention = None, None
    return Figures(tuple(_dedupe(targets, text)), tuple(results))


_GENERIC_WHOLE = re.compile(r"(?:kế hoạch|dự toán|mục tiêu|chỉ tiêu|tổng|so|của|trở|trên|số)\b")


def _dedupe(items: list, text: str) -> list[Quantity]:
    """A goal restated later (a summary, a heading repeating the body) is reported once, at its
    first statement: same value, range, unit, per-unit, time, and the same indicator id or the
    same two words right after the number."""
    seen, out = set(), []
    for q, m in items:
        tail = text[m.end:m.end + 40].lstrip()
        # what the number counts: the words right after it ("10.000 giám đốc", "55–58% GDP"),
        # else the indicator before it ("Tỷ lệ ... đạt 80%.")
        subject = " ".join(fold_key(tail).split()[:2]) if tail[:1].isalpha() else fold_key(q.indicator or "")
        if _GENERIC_WHOLE.match(subject):  # "100% kế hoạch": the plan of what? the indicator says
            subject += " | " + fold_key(q.indicator or "")
        key = (q.value, q.value_max, q.unit, q.per, q.year, q.period.start if q.period else None,
               q.indicator_id or subject)
        if key in seen and (q.indicator_id or subject):
            continue
        seen.add(key)
        out.append(q)
    return out


def _skip(m: Mention, text: str, tr: TargetRules, linked: set, delegate_spans: set, ctx: Context) -> bool:
    """Quantities that are never targets or results: counts behind a percentage, delegate figures,
    ages and durations, fractions, and per-units ("... trên 01 ha", "trên 1 vạn dân")."""
    return (id(m) in linked or m.unit in tr.not_units or ctx.nt.to_orig(m.start) in delegate_spans
            or m.kind == "fraction"
            or (m.value == 1 and re.match(r"trên\s+0?1\b", text[m.start:m.end + 1]) is not None))


def _years(tr: TargetRules, s: str) -> list[int]:
    return [int(m.group("y") or m.group("y2")) for m in tr.year.finditer(s)]


# verbs that introduce a bare number as a value ("đạt 0,8", "bồi dưỡng 10.000 giám đốc điều hành")
_INTRO = re.compile(r"(?:đạt|là|có|thành lập|hoàn thành|xây dựng|khoảng|từ|đào tạo|bồi dưỡng|tuyển dụng|tuyển|hỗ trợ|"
                    r"trồng|xây mới|cấp|thu hút|tạo việc làm cho|giải quyết việc làm cho|phát triển)\s*$", re.I)


def _classify(ctx, tr, m: Mention, clause: str, sentence: str, before: str, doc_year) -> Optional[str]:
    sec = _section_cue(ctx, m.start, tr)
    k = sentence.find(clause)
    t_cue = tr.target_clause.search(clause) or (k > 0 and tr.target_clause.search(sentence[:k]))
    r_cue = tr.result_clause.search(clause)
    strive = re.search(r"phấn đấu", clause, re.I)
    future = past = False
    if doc_year:
        for y in _years(tr, clause) or _years(tr, sentence):
            if y > doc_year:
                future = True
            elif y < doc_year:
                past = True
        for pm in tr.period.finditer(clause or sentence):
            if int(pm.group("b")) > doc_year:
                future = True
            else:
                past = True
    if strive or future and not r_cue:
        pass
    elif r_cue or (past and not future) or sec == "result":
        return "result" if m.unit is not None else None
    if not (sec == "target" or future or strive or (t_cue and (m.unit is not None or _INTRO.search(before.rstrip())))):
        return None
    if m.unit is None and m.comparator == "=" and not _INTRO.search(before.rstrip()):
        return None  # a bare number not introduced as a value
    return "target"


def _build(ctx: Context, tr: TargetRules, m: Mention, cl: _Clause, a: int, b: int, doc_year) -> Quantity:
    text = ctx.nt.fold
    head = text[cl.start:m.start]
    # indicator: the clause's words before the verb that introduces the number
    ind = head
    for _ in range(3):
        vm = tr.verbs.search(ind)
        if not vm:
            break
        ind = ind[: vm.start()]
    ind = ind.strip(" ,;:")
    for rx in tr.strip:
        ind = rx.sub("", ind).strip()
    ind_start = cl.start
    if not ind or len(ind) < 3:
        # the indicator follows the number: "80% số xã ... đạt chuẩn nông thôn mới nâng cao"
        tail = text[m.end:cl.end]
        tail = re.split(r"[,;.(]|\bvào năm\b|\bđến năm\b|\btrong\s+(?:giai đoạn|năm)\b", tail)[0]
        ind = tail.strip()
    else:
        k = text.find(ind, cl.start, m.start)
        ind_start = k if k >= 0 else cl.start
    ind = ind[:160] if ind else None
    # time: in the clause, else in the sentence, else in the enclosing section titles
    clause = text[cl.start:cl.end]
    sentence = text[a:b]
    year = period = None
    lead_in = text[a:cl.start]  # "Phấn đấu đến năm 2030: 80% ...; 50% ..." shares its year
    for scope in (clause, lead_in, _section_titles(ctx, m.start)):
        pm = tr.period.search(scope)
        ys = _years(tr, scope)
        if pm and not ys:
            period = Period(start=int(pm.group("a")), end=int(pm.group("b")))
        elif ys:
            year = ys[0]
            if pm:
                period = Period(start=int(pm.group("a")), end=int(pm.group("b")))
        if year or period:
            break
    freq = "annual" if (m.per == "năm" or tr.frequency.search(clause)) else None
    per = m.per
    start = min(ind_start, m.start)
    end = max(m.end, cl.end)
    raw_ind = ind
    if ind:
        k = text.find(ind, cl.start, end)
        raw_ind = ctx.nt.orig_text(k, k + len(ind)) if k >= 0 else ind
    return Quantity(
        indicator=raw_ind, indicator_id=tr.indicator_id(ind) if ind else None,
        value=m.value, value_max=m.value_max, unit=m.unit, per=per, comparator=m.comparator,
        year=year, period=period, frequency=freq, category=_category(ctx, m.start, tr, text[cl.start:cl.end]),
        section=ctx.section_at(m.start), **ctx.span(start, end),
    )


def _section_titles(ctx: Context, pos: int) -> str:
    return " | ".join(ctx.nt.fold[s.title_start:s.title_end] for s in reversed(ctx.section_chain(pos)))
