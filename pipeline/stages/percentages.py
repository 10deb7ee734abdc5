"""Stage: percentages. Every percentage mention once, with the count it is a share of,
the whole it is taken of, and its category label, when the text states them.

"351 đại biểu (bằng 78,9%)" -> count 351; "80% số xã (tương ứng 55/67 xã)" -> count 55,
base 67; "Nam: 351 đại biểu (bằng 78,9%)" -> label "Nam".
"""
from __future__ import annotations

import re

from ..context import Context
from ..contract.models import Percentage
from .numbers import NUMBER, Mention, last_digit_unit, parse_number
from ..products import PercentageLinks
from ..registry import component

# between a count and its percentage: "351 đại biểu (bằng 78,9%)", "415/418 đại biểu tán thành, chiếm 86,82%"
_COUNT_THEN_PCT = re.compile(r"(?:[^\d%();.:\n]{0,30}?(?:,\s*|\s)(?:bằng|chiếm|tương đương|tương ứng|=)\s*(?:tỷ lệ|tỉ lệ)?\s*|[^\d%();.:\n]{0,60}?,\s*đạt\s+(?:tỷ lệ|tỉ lệ)\s*|[^\d%();.:\n]{0,30}?\(\s*(?:bằng|chiếm|đạt|tỷ lệ|tỉ lệ|tương đương|tương ứng|=)?\s*(?:tỷ lệ|tỉ lệ)?\s*)$", re.IGNORECASE)
# between a percentage and its count: "80% số xã (tương ứng 55/67 xã)", "99% (445 đại biểu)"
_BRACKET_OPENS = r"[^\d%();.\n]{0,30}?\(\s*(?:tương ứng|tương đương|bằng|gồm|với|là)?"
_PCT_THEN_COUNT = re.compile(r"^(?:" + _BRACKET_OPENS + r"|\s*,?\s*với)\s*$", re.IGNORECASE)
# the share in a bracket closing the count's phrase, its whole there too ("23 trên tổng số 25 xã (92%)")
_BRACKET_AFTER_PHRASE = re.compile(r"[^,;.:()\n]{0,40}\(\s*(?:bằng|chiếm|tỷ lệ|tỉ lệ)?\s*", re.IGNORECASE)
# the count written as the share's own statistic: its bracket right after the share ("99% (445 đại biểu)")
_PCT_THEN_BRACKETED = re.compile(r"^" + _BRACKET_OPENS + r"\s*$", re.IGNORECASE)
# "chiếm" (makes up) says the figure before it is the part a share is taken of, whatever it counts or
# measures and wherever its noun stands: "111 người tự ứng cử đại biểu HĐND cấp tỉnh, chiếm tỷ lệ 1,6%",
# "còn 23.890 ha, chiếm 60%", "Lai Châu là 16 (chiếm 16,84% ...)", "đạt gần 40 triệu, chiếm 62%"
_PART_THEN_SHARE = re.compile(r"(?P<pre>[^\d%();.:\n\[\]]{0,80}?)(?:,\s*|\s|\(\s*)chiếm\s*(?:tỷ lệ|tỉ lệ)?\s*", re.IGNORECASE)
# ... unless a new subject takes the verb in between: the parts of a whole ("876 triệu USD, trong đó vốn ngân
# sách chiếm 30%"), a rate named anew ("..., tỷ lệ này chỉ chiếm khoảng 5%"), a clause of contrast ("nhưng")
_NEW_SUBJECT = re.compile(r"\btrong\s+(?:số\s+)?đó\b|\bt[ỷỉ]\s+lệ\b|\bnhưng\b", re.IGNORECASE)
# one bracket holding a number and its share, as a table cell: "Đảng Cộng sản (472 - 97,00%)"
_BRACKET_PAIR = re.compile(r"\s*[-–]\s*")
# "Trong (tổng) số N ...": N is the whole a share is taken of, never its count ("23 trên tổng số 25 xã (92%)"
# names its count before the whole: the sentence's whole is read from there)
_WHOLE_BEFORE = re.compile(r"trong\s+(?:tổng\s+)?số\s*$", re.IGNORECASE)
_ACHIEVEMENT = re.compile(r"\s*\)?\s*(?:so với|so\s|kế hoạch|dự toán|mục tiêu|chỉ tiêu|cùng kỳ|nhiệm vụ|KH\b)", re.IGNORECASE)
_LABEL_STOP = re.compile(r"[;,(\n.]|\s-\s|^")


_NOUN_AFTER = re.compile(r"[ \t]+(?!(?:năm|tháng|ngày|tuổi|giờ|phút|lần|và|hoặc|của|trong|trên|dưới|đến|từ)\b)[^\W\d_]{2,}")


def _is_count(m: Mention, text: str = "", measures: frozenset = frozenset()) -> bool:
    """A count a percentage can be a share of: a whole number that counts something ("351 đại biểu",
    "415/418 đại biểu", "2 thôn"); bare numbers and unit-less fractions ("1/3", "2/9") are not."""
    if m.is_percent or m.value != int(m.value) or m.value_max is not None:
        return False
    if m.unit is not None:
        return m.unit not in measures and m.unit != "lần"  # a measure (money, area, time ...) is no count
    return m.kind == "quantity" and bool(text) and _NOUN_AFTER.match(text, m.end) is not None


def _counted_before(text: str, count: Mention, between: str, measures: frozenset) -> bool:
    """A count right before its share with its noun: "351 đại biểu (bằng 78,9%)", "415/418 đại biểu tán thành,
    chiếm 86,82%" (``between``: the text from the count to the share)."""
    return _is_count(count, text, measures) and _COUNT_THEN_PCT.fullmatch(between) is not None


def _is_part(m: Mention, not_shares_of: frozenset) -> bool:
    """What a share stated with "chiếm" can be taken of: a whole number, counted or measured (not a
    percentage, a range, a time, an age: quantities.yaml not_shares_of)."""
    return (not m.is_percent and m.value == int(m.value) and m.value_max is None and m.value > 0
            and (m.unit is None or m.unit not in not_shares_of))


def _shares_with(between: str) -> bool:
    """The words between a figure and its percentage say "(it) makes up": "..., chiếm 30%", with no new subject."""
    m = _PART_THEN_SHARE.fullmatch(between)
    return m is not None and _NEW_SUBJECT.search(m.group("pre")) is None


_WHOLE_NOUN = re.compile(r"\s*(?:tổng\s+)?số\s+([^\W\d_]+)", re.IGNORECASE)
_FIRST_WORD = re.compile(r"\s+([^\W\d_]+)")


def _same_noun_part(text: str, quantities: list[Mention], i: int, not_shares_of: frozenset) -> Mention | None:
    """The part and the whole count the same thing: in "hơn 800 cán bộ, công chức thuộc 40 cơ quan ... đăng ký
    ..., chiếm 30% số cán bộ, công chức" the share is of 800 cán bộ, not of the 40 cơ quan named between.
    Only when the whole's noun is written and the figure right before the share counts something else."""
    pct = quantities[i]
    w = _WHOLE_NOUN.match(text, pct.end)
    if w is None:
        return None
    noun = w.group(1).lower()
    if _noun_of(text, quantities[i - 1]) in (None, noun):
        return None
    for q in reversed(quantities[max(0, i - 4):i - 1]):
        gap = text[q.end:pct.start]
        if len(gap) > 160 or re.search(r"[.;\n]", gap) or _NEW_SUBJECT.search(gap) or not _is_part(q, not_shares_of):
            return None
        if _noun_of(text, q) == noun:
            return q
    return None


def _noun_of(text: str, q: Mention) -> str | None:
    """The first word of what a figure counts: its unit ("650 cán bộ"), else the word after it."""
    if q.unit is not None and q.unit_text:
        return q.unit_text.split()[0].lower()
    f = _FIRST_WORD.match(text, q.end)
    return f.group(1).lower() if f is not None else None


def _agrees(pct: Mention, frac: Mention, text: str) -> bool:
    """count/whole written as a fraction agrees with the percentage within rounding of its last digit."""
    if frac.kind != "fraction" or not frac.base or frac.base <= 0 or frac.value > frac.base:
        return False
    exact = 100.0 * frac.value / frac.base
    return abs(exact - pct.value) <= last_digit_unit(text[pct.start:pct.end]) + 1e-9


def _label(text: str, count_start: int) -> str | None:
    """The category before a count: 'Nam: 351 ...' -> 'Nam'; 'từ 41 đến 50 tuổi có 233 ...' -> 'từ 41 đến 50 tuổi'."""
    lo = max(0, count_start - 90)
    seg = text[lo:count_start]
    cut = max(seg.rfind(c) for c in ";,(\n")
    if cut < 0 and lo > 0:
        return None
    seg = seg[cut + 1:]
    colon = seg.rfind(":")
    if colon >= 0:
        after = seg[colon + 1:].strip()
        seg = after if after else seg[:colon]
        if not after:
            inner = seg.rfind(":")  # "Về giới tính: Nam:" -> "Nam"
            seg = seg[inner + 1:]
    label = seg.strip()
    if not label:
        return None
    label = re.sub(r"^(?:[-*•+]\s*|\(\d+\)\s*|về\s+[^:]*$)", "", label, flags=re.IGNORECASE).strip()
    label = re.sub(r"\s+(?:có|là|gồm|với|được)$", "", label).strip()
    return label if 0 < len(label) <= 60 else None


def link(text: str, quantities: list[Mention], measures: frozenset = frozenset({"%"}),
         not_shares_of: frozenset = frozenset({"%", "lần", "năm", "tuổi"})) -> list[tuple[Mention, Mention | None, str | None]]:
    """(percentage mention, count mention or None, label) for every percentage."""
    out = []
    for i, m in enumerate(quantities):
        if not m.is_percent:
            continue
        count = None
        if i > 0:
            prev = quantities[i - 1]
            between = text[prev.end:m.start]
            if _WHOLE_BEFORE.search(text, max(0, prev.start - 20), prev.start):
                pass  # "Trong số 6.900 ứng cử viên, tỷ lệ nữ chiếm 32% ...": the whole, not the count
            elif _counted_before(text, prev, between, measures):
                count = prev
            elif _is_part(prev, not_shares_of) and (_shares_with(between) or (
                    _BRACKET_PAIR.fullmatch(between) and text[max(0, prev.start - 4):prev.start].rstrip().endswith("(")
                    and text[m.end:m.end + 3].lstrip().startswith(")"))):
                count = _same_noun_part(text, quantities, i, not_shares_of) or prev
        if count is None and i + 1 < len(quantities):
            nxt = quantities[i + 1]
            if _is_count(nxt, text, measures) and _PCT_THEN_COUNT.match(text[m.end:nxt.start]):
                count = nxt
        if count is None:
            # a count and its whole written as a fraction in the same clause, in any order or bracket
            # style ("28/60 chi bộ ... (tỉ lệ 46,7%)", "61,5% (40/65 thôn)"): linked when the arithmetic agrees
            for j in (i - 1, i + 1):
                if 0 <= j < len(quantities) and not quantities[j].is_percent:
                    q = quantities[j]
                    lo, hi = (q.end, m.start) if j < i else (m.end, q.start)
                    if hi - lo <= 120 and not re.search(r"[;.\n]", text[lo:hi]) and _agrees(m, q, text):
                        count = q
                        break
        if count is not None and _ACHIEVEMENT.match(text, m.end) and _slash_whole(text, count, m) is None:
            # "8,1 triệu lượt khách, đạt 101,3% kế hoạch": a ratio to a plan, not a share of the count (unless
            # the count and the plan's figure follow, agreeing: "10,8% so với chỉ tiêu (27 học sinh/250 chỉ tiêu)")
            count = None
        label = _label(text, count.start) if count is not None and count.start < m.start else None
        out.append((m, count, label))
    return out


def speaks_for(text: str, pct: Mention, count: Mention, measures: frozenset) -> bool:
    """Whether a linked count is written as the statistic its share describes, so that the share speaks
    for it: right before it with its noun ("351 đại biểu (bằng 78,9%)", "415/418 đại biểu tán thành, chiếm
    86,82%"), the share in a bracket closing the count's phrase ("23 trên tổng số 25 xã (92%)"), the count
    in a bracket right after the share ("99% (445 đại biểu)"), or as a fraction. A count told as a fact of
    its own before a long subject and its share ("có 111 người tự ứng cử đại biểu HĐND cấp tỉnh, chiếm tỷ lệ
    1,6%") or named after the share ("chiếm 32% với 2.208 người") is reported in its own right."""
    if count.kind == "fraction":
        return True
    if count.start > pct.start:
        return _PCT_THEN_BRACKETED.match(text[pct.end:count.start]) is not None
    between = text[count.end:pct.start]
    return _counted_before(text, count, between, measures) or _BRACKET_AFTER_PHRASE.fullmatch(between) is not None


@component("percentages", requires=("quantities", "sections"), assigns=("percentages",), rules=("quantities",))
def extract_percentages(ctx: Context) -> PercentageLinks:
    """Every percentage once, with the count it is a share of, its whole and its label."""
    text = ctx.nt.fold
    items = []
    quantities = ctx.products.quantities.mentions
    q = ctx.rules["quantities"]
    links = link(text, quantities, frozenset(q.get("measures", [])), frozenset(q.get("not_shares_of", [])))
    index = {id(q): k for k, q in enumerate(quantities)}
    for n, (m, count, label) in enumerate(links):
        base = count.base if count is not None and count.kind == "fraction" else None
        if count is not None and base is None:
            base = _slash_whole(text, count, m)
        if count is not None and base is None:
            whole = _whole(text, quantities, index[id(m)], m, count)
            if whole is not None:
                count, base = whole
                links[n] = (m, count, label)
        items.append(Percentage(
            value=m.value, value_max=m.value_max, comparator=m.comparator,
            count=count.value if count is not None else None,
            base=base,
            label=ctx.nt.orig_text(*_find(text, label, count.start)) if label else None,
            section=ctx.section_at(m.start), **ctx.span(m.start, m.end),
        ))
    return PercentageLinks(tuple(items), tuple(links))


# a count's whole written after it with a slash, each with its noun: "27 học sinh/250 chỉ tiêu" (a number
# right after a slash is no quantity of its own: the quantity finder leaves it to this reading)
_SLASH_WHOLE = re.compile(r"[^\d/();.\n]{0,30}/\s*(?P<n>" + NUMBER + r")(?![\d/])")


def _slash_whole(text: str, count: Mention, pct: Mention) -> float | None:
    """The whole written right after a count with a slash ("27 học sinh/250 chỉ tiêu"), when the
    arithmetic agrees with the percentage; else None."""
    if count.start < pct.end:
        return None
    w = _SLASH_WHOLE.match(text, count.end)
    if w is None:
        return None
    try:
        whole = parse_number(w.group("n"))
    except ValueError:
        return None
    if whole <= 0 or whole < count.value:
        return None
    unit = last_digit_unit(text[pct.start:pct.end])
    return whole if abs(100.0 * count.value / whole - pct.value) <= unit + 1e-9 else None


def _whole(text: str, quantities, i: int, pct: Mention, count: Mention):
    """The whole a linked count is a share of, when the sentence states it and the arithmetic agrees:
    "Trong tổng số 350 đại biểu ..., đại biểu nữ có 96 đồng chí, chiếm 27,4%" -> base 350;
    "23 trên tổng số 25 xã (92%)" -> count 23, base 25. Returns (count, base) or None."""
    unit = last_digit_unit(text[pct.start:pct.end])
    lo = max(0, min(count.start, pct.start) - 200)
    for q in quantities[max(0, i - 4):i]:
        if q is count or q.is_percent or q.kind != "quantity" or q.start < lo or q.value != int(q.value) or q.value <= 0:
            continue
        if re.search(r"[.;\n]", text[q.end:min(count.start, pct.start)]) and q.end < count.start:
            continue
        if q.value > count.value and abs(100.0 * count.value / q.value - pct.value) <= unit + 1e-9:
            return count, float(q.value)
        if q.value < count.value and q.end <= count.start and abs(100.0 * q.value / count.value - pct.value) <= unit + 1e-9:
            return q, float(count.value)
    return None


def _find(text: str, label: str, before: int) -> tuple[int, int]:
    i = text.rfind(label, 0, before)
    return i, i + len(label)
