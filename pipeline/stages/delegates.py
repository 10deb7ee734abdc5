"""Stage: delegate statistics of a congress (summoned, attended, absent, ex officio, appointed,
alternates promoted) and the breakdowns of attendees by gender, age, education, ...

Patterns are data (``data/delegates.json``). Percentages with a count inside a
"Về <dimension>:" line become breakdown rows; their ``base`` is set to the attendee
total (or summoned total) that the percentage is consistent with.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ..context import Context
from ..contract.models import Breakdown, Delegates, Stat
from .numbers import NUMBER, parse_number
from ..products import DelegateStats
from ..registry import component
from ..text.patterns import alternation


class DelegateRules:
    def __init__(self, rules):
        cfg = rules["delegates"]
        # {N}: a number in figures or spelled out ("Bốn đại biểu ... không tham dự"; checks.yaml number_words),
        # but for the words of spelled_not_counts and after those of spelled_not_after (delegates.yaml)
        left_out = {w.lower() for w in cfg.get("spelled_not_counts") or []}
        self.number_words = {k.lower(): v for k, v in rules["checks"]["number_words"].items() if k.lower() not in left_out}
        words = "|".join(re.escape(w) for w in sorted(self.number_words, key=len, reverse=True))
        not_after = "".join(rf"(?<!{re.escape(w)} )" for w in cfg.get("spelled_not_after") or [])
        n = rf"(?:{NUMBER}|(?<![^\W\d_]){not_after}(?:{words})(?![^\W\d_]))"
        self.stats = {k: [re.compile(p.replace("{N}", n), re.IGNORECASE) for p in pats] for k, pats in cfg["stats"].items()}
        # every stat pattern holds one of the anchor words (delegates.yaml anchors; a test checks it) and
        # reaches at most anchor_reach characters from it: a pattern is tried only in windows around them
        self.anchor = re.compile(alternation(cfg["anchors"], False), re.IGNORECASE)
        # (the same, case-sensitive, on the lower-cased text: the engine then scans for the anchors' first
        # letters at C speed; a case-insensitive alternation is tried at every position)
        self.anchor_low = re.compile(alternation(sorted({a.lower() for a in cfg["anchors"]}), False))
        self.reach = int(cfg["anchor_reach"])
        dims = cfg["breakdown_dimensions"]
        self.dims = dims
        alt = "|".join(re.escape(k) for k in sorted(dims, key=len, reverse=True))
        self.dim_rx = re.compile(rf"(?:^|[\n(;.]|\(\d\)|\s-\s|-\s)\s*(?:\(\d+\)\s*)?(?:về\s+)?(?P<dim>{alt})\s*:", re.IGNORECASE)
        self.dim_word = re.compile(rf"(?:{alt})\s*:", re.IGNORECASE)

    def windows(self, text: str) -> list[tuple[int, int]]:
        """Merged windows of ``reach`` characters around the anchor words, in order."""
        out: list[list[int]] = []
        r = self.reach
        low = text.lower()
        rx, target = (self.anchor_low, low) if len(low) == len(text) else (self.anchor, text)  # (lower() kept the offsets)
        for m in rx.finditer(target):
            a, b = max(0, m.start() - r), min(len(text), m.end() + r)
            if out and a <= out[-1][1]:
                out[-1][1] = b
            else:
                out.append([a, b])
        return [(a, b) for a, b in out]

    def find_dims(self, text: str) -> list[tuple[int, str]]:
        """(start of the dimension word, dimension) of every ``dim_rx`` match, as ``finditer`` finds them,
        in linear time: ``dim_rx`` is tried only where its first branch can match (``finditer`` tries every
        position: from each line break of a long run of blank lines its ``\\s*`` crosses the rest of the run).
        A later line break of a run of white space leads to the same attempt as the run's first one (``\\s*``
        runs to the end of the run either way), so only the first is tried."""
        if self.dim_word.search(text) is None:
            return []
        n = len(text)
        starts = [0]
        for c in _DIM_STARTS.finditer(text):
            a = c.start()
            starts.append(a)
            if text[a] == "\n":
                e = c.end()
                if e < n and text[e] == "-" and e - 1 > a:
                    starts.append(e - 1)  # "\n   - Về giới tính:": the space before the dash (``\\s-\\s``)
        out = []
        after = 0
        for a in sorted(set(starts)):
            if a < after:
                continue
            m = self.dim_rx.match(text, a)
            if m:
                out.append((m.start("dim"), self.dims[m.group("dim").lower()]))
                after = m.end()
        return out


def _first(rx, text: str, windows: list[tuple[int, int]]):
    """``rx.search(text)``, tried only in the windows: the first window where a match starts is searched
    again on the whole text from its start (a window's end is no end of the text for ``$`` or a lookahead),
    which finds the same first match as a search of the whole text."""
    for a, b in windows:
        m = rx.search(text, a, b)
        if m is not None:
            if b == len(text) or m.end() + _MARGIN <= b:
                return m  # ends well inside its window: what follows the window cannot change it
            m = rx.search(text, a)
            if m is not None and m.start() < b:
                return m
    return None


_FUTURE = re.compile(r"(?<![^\W\d_])(?:sẽ|dự kiến)(?![^\W\d_])", re.IGNORECASE)


# characters a stat pattern looks ahead past its match at most ("(?=\s*(?:đồng chí|[;,.\n]|$))"): a match
# ending this far before its window's end is the whole text's match
_MARGIN = 100


# where a dim_rx match can start: a line break (the first of a run of white space), "(", ";", ".", "-",
# white space before "-" (position 0 is added for "^")
_DIM_STARTS = re.compile(r"\n\s*|[(;.\-]|\s(?=-)")


@component("delegates", requires=("percentages",), assigns=("delegates",), rules=("delegates", "checks"))
def extract_delegates(ctx: Context) -> DelegateStats:
    """Delegate statistics and breakdowns; the wholes of the percentages they contain."""
    dr = ctx.rules.compiled("delegates", DelegateRules)
    text = ctx.nt.fold
    found = {}
    if "đại biểu" not in text and "Đại biểu" not in text and "ĐẠI BIỂU" not in text:
        return DelegateStats(Delegates(), {})
    windows = dr.windows(text)
    expected = None
    for key, patterns in dr.stats.items():
        for rx in patterns:
            m = _first(rx, text, windows)
            if m:
                a, b = m.span("n")
                # extend to the "N đại biểu" phrase
                tail = re.match(r"\s+đại biểu", text[b:b + 12])
                end = b + tail.end() if tail else b
                n = m.group("n")
                value = dr.number_words.get(n.lower()) or int(parse_number(n))
                if key == "attended" and _FUTURE.search(text, m.end("n"), m.end()):
                    # "250 đại biểu ... sẽ tham dự Đại hội": delegates who will attend are those expected,
                    # the summoned, not an attendance
                    found.setdefault("summoned", Stat(value=value, **ctx.span(a, end)))
                    continue
                found[key] = Stat(value=value, **ctx.span(a, end))
                if key == "summoned" and _FUTURE.search(text, m.end("n"), m.end()):
                    expected = value  # "gần 1.200 đại biểu sẽ tham dự": the delegates expected
                break
    if expected is not None and "attended" in found and found["attended"].value == expected:
        # the same count told as expected elsewhere ("Gần 1.200 đại biểu dự Đại hội X" in the headline, "gần
        # 1.200 đại biểu sẽ tham dự" in the body): one fact, told before the meeting; nobody has attended yet
        del found["attended"]
    delegates = Delegates(**found)
    has_total = delegates.attended is not None or delegates.summoned is not None
    # breakdowns: percentages with counts inside "Về <dimension>:" lines
    breakdowns = []
    dims = dr.find_dims(text) if has_total else []  # sorted by position
    dim_pos = [pos for pos, _ in dims]
    newlines = blank = None
    pcts = ctx.products.percentages.items
    links = ctx.products.percentages.links
    bases: dict[int, float] = {}
    for i, ((m, count, label), p) in enumerate(zip(links, pcts)):
        if count is None or not has_total:
            continue
        # the dimension of the nearest "Về <dimension>:" before the percentage, at most one line break
        # before it and no blank line between (those conditions only get harder further back)
        k = bisect_left(dim_pos, m.start) - 1
        if k < 0:
            continue
        pos, dim = dims[k]
        if newlines is None:
            newlines = [x.start() for x in re.finditer("\n", text)]
            blank = [j for j in newlines if text.startswith("\n\n", j)]
        if bisect_left(newlines, m.start) - bisect_left(newlines, pos) > 1:
            continue
        b = bisect_left(blank, pos)
        if b < len(blank) and blank[b] + 2 <= m.start:
            continue
        # a breakdown of attendees ("Trong đó: - Về giới tính: ..."): its whole is the attendee total
        bases[i] = float(delegates.attended.value if delegates.attended else delegates.summoned.value)
        breakdowns.append(Breakdown(dimension=dim, category=p.label or "", count=int(count.value), percent=m.value,
                                    **ctx.span(min(count.start, m.start), max(count.end, m.end))))
    # the attendance figures themselves ("445 đại biểu (bằng 99,8%)"): a share of the summoned total
    if delegates.summoned is not None:
        stat_starts = {ctx.nt.from_orig(st.span.start) for st in (delegates.attended, delegates.absent) if st is not None}
        for i, ((m, count, label), p) in enumerate(zip(links, pcts)):
            if count is not None and bases.get(i, p.base) is None and count.start in stat_starts:
                bases[i] = float(delegates.summoned.value)
    delegates.breakdowns = breakdowns
    return DelegateStats(delegates, bases)
