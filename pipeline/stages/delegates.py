"""Stage: delegate statistics of a congress (summoned, attended, absent, ex officio, appointed,
alternates promoted) and the breakdowns of attendees by gender, age, education, ...

Patterns are data (``data/delegates.json``). Percentages with a count inside a
"Về <dimension>:" line become breakdown rows; their ``base`` is set to the attendee
total (or summoned total) that the percentage is consistent with.
"""
from __future__ import annotations

import re

from ..context import Context
from ..contract.models import Breakdown, Delegates, Stat
from .numbers import NUMBER, parse_number
from ..products import DelegateStats
from ..registry import component


class DelegateRules:
    def __init__(self, rules):
        cfg = rules["delegates"]
        self.stats = {k: [re.compile(p.replace("{N}", NUMBER), re.IGNORECASE) for p in pats] for k, pats in cfg["stats"].items()}
        dims = cfg["breakdown_dimensions"]
        self.dims = dims
        alt = "|".join(re.escape(k) for k in sorted(dims, key=len, reverse=True))
        self.dim_rx = re.compile(rf"(?:^|[\n(;.]|\(\d\)|\s-\s|-\s)\s*(?:\(\d+\)\s*)?(?:về\s+)?(?P<dim>{alt})\s*:", re.IGNORECASE)


@component("delegates", requires=("percentages",), assigns=("delegates",), rules=("delegates",))
def extract_delegates(ctx: Context) -> DelegateStats:
    """Delegate statistics and breakdowns; the wholes of the percentages they contain."""
    dr = ctx.rules.compiled("delegates", DelegateRules)
    text = ctx.nt.fold
    found = {}
    if "đại biểu" not in text and "Đại biểu" not in text and "ĐẠI BIỂU" not in text:
        return DelegateStats(Delegates(), {})
        return
    for key, patterns in dr.stats.items():
        for rx in patterns:
            m = rx.search(text)
            if m:
                a, b = m.span("n")
                # extend to the "N đại biểu" phrase
                tail = re.match(r"\s+đại biểu", text[b:b + 12])
                end = b + tail.end() if tail else b
                found[key] = Stat(value=int(parse_number(m.group("n"))), **ctx.span(a, end))
                break
    delegates = Delegates(**found)
    has_total = delegates.attended is not None or delegates.summoned is not None
    # breakdowns: percentages with counts inside "Về <dimension>:" lines
    breakdowns = []
    dims = sorted((m.start("dim"), dr.dims[m.group("dim").lower()]) for m in dr.dim_rx.finditer(text))
    pcts = ctx.doc._.percentages.items
    links = ctx.doc._.percentages.links
    bases: dict[int, float] = {}
    for i, ((m, count, label), p) in enumerate(zip(links, pcts)):
        if count is None or not has_total:
            continue
        dim = None
        for pos, d in dims:
            if pos < m.start and "\n\n" not in text[pos:m.start] and (text.count("\n", pos, m.start) <= 1):
                dim = d
        if dim is None:
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
