"""Stage: personnel bodies with their sizes: "Ban Chấp hành Đảng bộ thành phố (gồm 78 đồng chí)",
"Đoàn đại biểu ... (gồm 44 đại biểu chính thức và 03 đại biểu dự khuyết)", with the term and
the body that decided them ("Quyết định của Bộ Chính trị về chỉ định ...") when stated."""
from __future__ import annotations

import re

from ..context import Context
from ..contract.models import Body, Term
from .numbers import NUMBER, parse_number
from ..products import Items
from ..registry import component

_SIZE = re.compile(
    rf"\(\s*gồm\s+(?P<n>{NUMBER})\s+(?:đồng chí|ủy viên|uỷ viên|thành viên|đại biểu(?: chính thức)?|người)"
    rf"(?:\s*(?:và|,)\s*(?P<alt>{NUMBER})\s+(?:đồng chí|đại biểu|ủy viên|uỷ viên)\s+dự khuyết)?\s*\)",
    re.I,
)
_NAME_START = re.compile(r"(?:[,;:(]|\bvề chỉ định\b|\bchỉ định\b|\bcông bố\b|\bbầu\b|\bgồm\b|\bvà\b|^)\s*", re.I)
_DECIDED = re.compile(r"Quyết định của (?P<by>[^,;.\n]{3,60}?) về", re.I)
_SENT_END = re.compile(r"[\n]|\.(?:\s|$)")
_TERM = re.compile(r"nhiệm kỳ\s+(?P<a>(?:19|20)\d{2})\s*[-–—]\s*(?P<b>(?:19|20)\d{2})", re.I)


@component("bodies", assigns=("bodies",))
def extract_bodies(ctx: Context) -> Items:
    """Personnel bodies and their sizes."""
    text = ctx.nt.fold
    out = []
    for m in _SIZE.finditer(text):
        end = m.start()
        while end > 0 and text[end - 1] == " ":
            end -= 1
        lo = max(0, end - 160)
        seg = text[lo:end]
        starts = [x.end() for x in _NAME_START.finditer(seg) if x.end() < len(seg)]
        start = lo + (starts[-1] if starts else 0)
        name = text[start:end].strip()
        if not name or len(name) < 4 or not name[0].isupper():
            continue
        sent_start = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start)) + 1
        sent_end_m = _SENT_END.search(text, m.end())  # (not on a copy of the rest of the text)
        sent_end = sent_end_m.start() if sent_end_m else len(text)
        decided = None
        dm = None
        for dm in _DECIDED.finditer(text, sent_start, start):
            pass
        if dm is not None:
            decided = ctx.nt.orig_text(*dm.span("by"))
        tm = _TERM.search(text, m.end(), sent_end) or _TERM.search(text, sent_start, start)
        g = ctx.ground(start, m.end())
        out.append(Body(
            name=ctx.nt.orig_text(start, end), members=int(parse_number(m.group("n"))),
            alternates=int(parse_number(m.group("alt"))) if m.group("alt") else None,
            term=Term(start=int(tm.group("a")), end=int(tm.group("b"))) if tm else None,
            decided_by=decided, text=g.text, span=g.span,
        ))
    return Items(tuple(out))
