"""Stage: document metadata: kind, title, organization and, for congresses, the congress
(ordinal, term, dates, venue, theme, motto), each grounded. Rules: ``data/document.json``.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from ..context import Context
from ..contract.models import Congress, DocumentInfo, Term
from .numbers import roman_to_int
from ..registry import component

class DocRules:
    def __init__(self, rules):
        cfg = rules["document"]
        self.kinds = [(k["kind"], re.compile(k["pattern"])) for k in cfg["kinds"]]
        self.default_kind = cfg["default_kind"]
        self.org = [re.compile(p) for p in cfg["organization"]]
        self.dates = [re.compile(p) for p in cfg.get("dates", [])]
        c = cfg["congress"]
        self.c = {k: re.compile(v) for k, v in c.items()}


def _iso(y: int, m: int, d: int) -> Optional[str]:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


_DOC_TYPE = re.compile(r"(?m)^[*# ]*(?:THÔNG BÁO|NGHỊ QUYẾT|KẾ HOẠCH|QUYẾT ĐỊNH|CHỈ THỊ|BÁO CÁO|KẾT LUẬN|TỜ TRÌNH)\b")


def _title(text: str, body_end: int) -> Optional[tuple[int, int]]:
    """The title: the document-type line and the capitalised lines after it (an official
    document), else the first line of the text."""
    head = text[:min(body_end, 4000)]
    m = _DOC_TYPE.search(head)
    if m:
        a = m.start()
        b = head.find("\n", m.end())
        b = len(head) if b < 0 else b
        # following lines in capitals (possibly after blank lines) continue the title
        pos = b
        while True:
            nxt = re.match(r"\n+([^\n]*)", head[pos:])
            if not nxt:
                break
            line = nxt.group(1).strip(" *#")
            letters = [c for c in line if c.isalpha()]
            if not letters or not all(c.isupper() for c in letters):
                break
            b = pos + nxt.end(1)
            pos = b
    else:
        lines = [(x.start(), x.end()) for x in re.finditer(r"[^\n]+", head) if x.group(0).strip(" *#|-")]
        if not lines:
            return None
        a, b = lines[0]
    while a < b and text[a] in " *#\n|":
        a += 1
    while b > a and text[b - 1] in " *#\n|":
        b -= 1
    if b - a > 400:
        b = a + max(text[a:a + 400].rfind(" "), 1)
    return a, b


@component("document", assigns=("document",), rules=("document",))
def extract_document(ctx: Context) -> DocumentInfo:
    """Kind, title, organization, date and congress metadata."""
    dr = ctx.rules.compiled("document", DocRules)
    text = ctx.nt.fold
    body_end = ctx.nt.body_end
    head = text[:2500]
    kind = next((k for k, rx in dr.kinds if rx.search(head)), dr.default_kind)
    info = DocumentInfo(kind=kind)
    t = _title(text, body_end)
    if t:
        info.title = ctx.ground(*t)
    orgs = dr.org
    if kind not in ("news", "congress_report", "unknown"):
        orgs = orgs[-1:] + orgs[:-1]  # an official document: its issuer in the header first
    for rx in orgs:
        m = rx.search(text, 0, body_end)
        if m:
            a, b = m.span("org")
            info.organization = ctx.ground(a, b)
            break
    for rx in dr.dates:
        dm = rx.search(text, 0, body_end)
        if dm:
            iso = _iso(int(dm.group("y")), int(dm.group("m")), int(dm.group("d")))
            if iso:
                info.date = iso
                info.date_text = ctx.ground(dm.start("d") - len("ngày ") if text[dm.start("d") - 5:dm.start("d")] == "ngày " else dm.start("d"), dm.end())
                break
    info.congress = _congress(ctx, dr, text[:body_end], kind, t)
    return info


def _congress(ctx: Context, dr: DocRules, text: str, kind: str, title: Optional[tuple[int, int]] = None) -> Optional[Congress]:
    c = dr.c
    first = c["mention"].search(text)
    if not first:
        return None
    cg = Congress()
    # the congress the text is about: the ordinal mentioned most often (first on a tie)
    seen: dict[int, tuple[int, tuple[int, int]]] = {}
    for m in c["ordinal"].finditer(text):
        key = "ord" if m.group("ord") else "ord2"
        raw = m.group(key)
        n = int(raw) if raw.isdigit() else roman_to_int(raw)
        if n is None:
            continue
        count, span = seen.get(n, (0, m.span(key)))
        seen[n] = (count + 1, span)
    if seen:
        in_title = [n for n, (_, span) in seen.items() if title and title[0] <= span[0] < title[1]]
        best = in_title[0] if in_title else max(seen, key=lambda n: (seen[n][0], -seen[n][1][0]))
        cg.ordinal = best
        cg.ordinal_text = ctx.ground(*seen[best][1])
    # the term next to the first congress mention
    tm = c["term"].search(text, max(0, first.start() - 200))
    if tm and tm.start() - first.start() < 600:
        a, b = int(tm.group("a")), int(tm.group("b"))
        cg.term = Term(start=a, end=b)
        cg.term_text = ctx.ground(*tm.span())
    dm = c["dates"].search(text)
    if dm:
        y2, m2, d2 = int(dm.group("y2")), int(dm.group("m2")), int(dm.group("d2"))
        y1 = int(dm.group("y1") or y2)
        m1 = int(dm.group("m1") or m2)
        cg.start_date = _iso(y1, m1, int(dm.group("d1")))
        cg.end_date = _iso(y2, m2, d2)
        a = dm.start() + len(dm.group(0)) - len(dm.group(0).lstrip())
        cg.dates_text = ctx.ground(a, dm.end())
        vm = c["venue"].search(text, dm.end())
        if vm and vm.start() - dm.end() <= 40:
            a, b = vm.span("venue")
            cut = re.search(r",\s*trong đó", text[a:b])
            cg.venue = ctx.ground(a, a + cut.start() if cut else b)
    for key in ("theme", "motto"):
        m = c[key].search(text)
        if m:
            a = m.start("q")
            # quotes may nest (“... “Thành phố Anh hùng” ...”): the closing quote is the last on the line
            line_end = text.find("\n", a)
            line_end = len(text) if line_end < 0 else line_end
            b = max(text.rfind("”", a, line_end), text.rfind('"', a + 1, line_end))
            if b > a + 1:
                setattr(cg, key, ctx.ground(a + 1, b))
    if cg.ordinal is None and cg.term is None and cg.start_date is None and kind != "congress_report":
        return None
    return cg
