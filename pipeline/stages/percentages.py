"""Stage: percentages. Every percentage mention once, with the count it is a share of,
the whole it is taken of, and its category label, when the text states them.

"351 đại biểu (bằng 78,9%)" -> count 351; "80% số xã (tương ứng 55/67 xã)" -> count 55,
base 67; "Nam: 351 đại biểu (bằng 78,9%)" -> label "Nam".
"""
from __future__ import annotations

import re

from ..context import Context
from ..contract.models import Percentage
from .numbers import Mention
from ..products import PercentageLinks
from ..registry import component

# between a count and its percentage: "351 đại biểu (bằng 78,9%)", "415/418 đại biểu tán thành, chiếm 86,82%"
_COUNT_THEN_PCT = re.compile(r"(?:[^\d%();.:\n]{0,30}?(?:,\s*|\s)(?:bằng|chiếm|tương đương|tương ứng|=)\s*(?:tỷ lệ|tỉ lệ)?\s*|[^\d%();.:\n]{0,60}?,\s*đạt\s+(?:tỷ lệ|tỉ lệ)\s*|[^\d%();.:\n]{0,30}?\(\s*(?:bằng|chiếm|đạt|tỷ lệ|tỉ lệ|tương đương|tương ứng|=)?\s*(?:tỷ lệ|tỉ lệ)?\s*)$", re.IGNORECASE)
# between a percentage and its count: "80% số xã (tương ứng 55/67 xã)", "99% (445 đại biểu)"
_PCT_THEN_COUNT = re.compile(r"^[^\d%();.\n]{0,30}?\(\s*(?:tương ứng|tương đương|bằng|gồm|với|là)?\s*$", re.IGNORECASE)
_ACHIEVEMENT = re.compile(r"\s*\)?\s*(?:so với|so\s|kế hoạch|dự toán|mục tiêu|chỉ tiêu|cùng kỳ|nhiệm vụ|KH\b)", re.IGNORECASE)
_LABEL_STOP = re.compile(r"[;,(\n.]|\s-\s|^")
_NOT_COUNT_UNITS = {"%", "VND", "USD", "EUR", "tấn", "ha", "km", "km2", "m", "m2", "m3", "°C", "độ", "MW", "kWh", "GW", "TEU",
                    "Gb/s", "Mb/s", "năm", "tháng", "ngày", "giờ", "phút", "tuổi", "lần"}


def _is_count(m: Mention) -> bool:
    """A count a percentage can be a share of: a whole number with a count noun ("351 đại biểu",
    "415/418 đại biểu"); bare numbers and unit-less fractions ("1/3", "2/9") are not."""
    return (not m.is_percent and m.unit is not None and m.unit not in _NOT_COUNT_UNITS
            and m.value == int(m.value) and m.value_max is None)


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


def link(text: str, quantities: list[Mention]) -> list[tuple[Mention, Mention | None, str | None]]:
    """(percentage mention, count mention or None, label) for every percentage."""
    out = []
    for i, m in enumerate(quantities):
        if not m.is_percent:
            continue
        count = None
        if i > 0:
            prev = quantities[i - 1]
            if _is_count(prev):
                between = text[prev.end:m.start]
                if _COUNT_THEN_PCT.fullmatch(between):
                    count = prev
        if count is None and i + 1 < len(quantities):
            nxt = quantities[i + 1]
            if _is_count(nxt) and _PCT_THEN_COUNT.match(text[m.end:nxt.start]):
                count = nxt
        if count is not None and _ACHIEVEMENT.match(text, m.end):
            count = None  # "8,1 triệu lượt khách, đạt 101,3% kế hoạch": a ratio to a plan, not a share of the count
        label = _label(text, count.start) if count is not None and count.start < m.start else None
        out.append((m, count, label))
    return out


@component("percentages", requires=("quantities", "sections"), assigns=("percentages",))
def extract_percentages(ctx: Context) -> PercentageLinks:
    """Every percentage once, with the count it is a share of, its whole and its label."""
    text = ctx.nt.fold
    items = []
    links = link(text, ctx.doc._.quantities.mentions)
    for m, count, label in links:
        items.append(Percentage(
            value=m.value, value_max=m.value_max, comparator=m.comparator,
            count=count.value if count is not None else None,
            base=count.base if count is not None and count.kind == "fraction" else None,
            label=ctx.nt.orig_text(*_find(text, label, count.start)) if label else None,
            section=ctx.section_at(m.start), **ctx.span(m.start, m.end),
        ))
    return PercentageLinks(tuple(items), tuple(links))


def _find(text: str, label: str, before: int) -> tuple[int, int]:
    i = text.rfind(label, 0, before)
    return i, i + len(label)
