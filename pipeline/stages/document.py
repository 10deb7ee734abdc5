"""Stage: document metadata: kind, title, organization and, for congresses, the congress
(ordinal, term, dates, venue, theme, motto), each grounded. Rules: ``data/document.json``.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from ..context import Context
from ..contract.models import Congress, DocumentInfo, DocumentYear, Term
from .dates import SINGLE, find_dates, find_ranges, find_term, infer_year, iso as _iso, text_year
from .numbers import roman_to_int
from ..registry import component
from ..text.patterns import finditer, upper_letters

_UP = "[" + upper_letters(0x41, 0x1EFA) + "]"
_LO = "[" + "".join(c for c in map(chr, range(0x61, 0x1EFA)) if c.islower() and c.isalpha()) + "]"
# a proper name: capitalised words, each followed by at most one lower-case word ('Kế hoạch'), joined by 'và'
_NAME = (rf"{_UP}[\w&.-]*(?:[ ](?!và\b|của\b|đã\b|đang\b|sẽ\b|được\b|là\b|có\b|cho\b|về\b|trong\b|tại\b|với\b)(?-i:{_LO})\w*)?"
         rf"(?:[ ](?:và[ ])?{_UP}[\w&.-]*(?:[ ](?!và\b|của\b|đã\b|đang\b|sẽ\b|được\b|là\b|có\b|cho\b|về\b|trong\b|tại\b|với\b)(?-i:{_LO})\w*)?){{0,4}}")


class DocRules:
    def __init__(self, rules):
        cfg = rules["document"]
        self.kinds = [(k["kind"], re.compile(k["pattern"])) for k in cfg["kinds"]]
        self.default_kind = cfg["default_kind"]
        self.org = [re.compile(p) for p in cfg["organization"]]
        self.org_mentions = [re.compile(p.replace("{NAME}", _NAME).replace("{UP}", _UP)) for p in cfg.get("organization_mentions", [])]
        self.named_kinds = [(k["kind"], re.compile(k["pattern"])) for k in cfg.get("named_kinds", [])]
        self.date_cues = [re.compile(p) for p in cfg.get("date_cues", [])]
        c = cfg["congress"]
        self.c = {k: re.compile(v) for k, v in c.items()}
        self.national_years = {int(k): int(v) for k, v in (cfg.get("national_congress_years") or {}).items()}
        # a person's name right after an organisation's ("Bộ Thương mại Trương Đình Tuyển"): a surname
        # of people.yaml and two or three capitalised syllables closing the name found
        people = rules["people"]
        surnames = sorted(people.get("surnames") or [], key=len, reverse=True)
        places = sorted(people.get("place_names") or [], key=len, reverse=True)
        not_place = r"(?!(?:" + "|".join(map(re.escape, places)) + r")\b)" if places else ""
        # (two or three given syllables: "Hà Nội", "Hồ Bắc" and the places of people.yaml place_names stay;
        # the one lower-case word a name in _NAME may close with goes with the person)
        self.person_after = re.compile(r"[ ]" + not_place + r"(?:" + "|".join(map(re.escape, surnames)) + r")(?:[ ]" + _UP + r"\w*){2,3}(?:[ ](?-i:" + _LO + r")\w*)?$") if surnames else None
        self.namesake_heads = tuple(people.get("namesake_heads") or ())



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
    t = _title(text, body_end)
    kind = next((k for k, rx in dr.kinds if rx.search(head)), None)
    if kind is None:
        # the document the page is about: named with its number in the title ("(Kế hoạch 188/KH-UBND)",
        # "Toàn văn Nghị quyết 244/2025/QH15"), or reprinted in full in the body
        title_text = text[t[0]:t[1]] if t else ""
        kind = next((k for k, rx in dr.named_kinds if rx.search(title_text)), None)
    if kind is None:
        kind = next((k for k, rx in dr.kinds if k in ("resolution", "plan", "decision", "notice")
                     and rx.search(text, 2500, body_end)), dr.default_kind)
    info = DocumentInfo(kind=kind)
    if t:
        info.title = ctx.ground(*t)
    lead = _lead(text, t, body_end)
    org = _organization(text, dr, kind, t, lead, body_end)
    if org:
        info.organization = ctx.ground(*org)
    for rx in dr.date_cues:
        for cm in finditer(rx, text, 0, body_end):  # linear on runs of blank lines ("(?m)^[|*\s]*...")
            dm = SINGLE.match(text, cm.end())
            if not dm:
                continue
            d = find_dates(text, dm.start(), dm.end())
            if d and d[0].year is not None and d[0].iso():
                info.date = d[0].iso()
                info.date_text = ctx.ground(d[0].start, d[0].end)
                break
        if info.date:
            break
    info.year = _year_of_text(ctx, text, info, body_end)
    info.congress = _congress(ctx, dr, text[:body_end], kind, t, lead, info.date)
    return info


_DATE_LINE = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(?P<y>(?:19|20)\d{2})")
_CITED = re.compile(r"(?:số\s*\d|Nghị quyết|Quyết định|Nghị định|Thông tư|Chỉ thị|Kết luận|Công văn|Kế hoạch|Luật|Hiến pháp)[^\n]*$")
_LIFE_DATE = re.compile(r"(?<![^\W\d_])(?:(?<!phát )sinh|mất|qua đời|từ trần|tạ thế|ngày sinh[ \t]*:?)(?:[ \t]+(?:vào|ngày|lúc))*[ \t]*$", re.I)
_SPAN_BOUND = re.compile(r"(?<![^\W\d_])(?:từ|đến|tới|kể từ|trước|cho đến|chậm nhất)[ \t]+$", re.I)
_HEAD_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/(?P<y>(?:19|20)\d{2})\b")


def _year_of_text(ctx: Context, text: str, info: DocumentInfo, body_end: int) -> Optional[DocumentYear]:
    """The year the document speaks from: a date line at its head; else the start of the term it
    names; else a numeric date at its head (the latest); else its own date (adoption or issue,
    found further down); else the latest year the text states as a time of its own
    (``dates.text_year``)."""
    head_end = min(3000, body_end)
    # (not the date of a document it cites: "Thực hiện Nghị quyết số 20-NQ/TU ngày 22 tháng 12 năm 2019")
    # (nor a date of a person's life: "**Phạm Minh Chính** (sinh ngày 10 tháng 12 năm 1958) là ...")
    # (the bound of a span of time the text speaks of, "trước ngày 30 tháng 4 năm 1975", "từ ngày 01 tháng 01 năm
    # 2026", is weaker evidence: after the term and a numeric date at the head)
    lines = [d for d in _DATE_LINE.finditer(text, 0, head_end)
             if not _CITED.search(text, max(text.rfind("\n", 0, d.start()) + 1, d.start() - 80), d.start())
             and not _LIFE_DATE.search(text, max(0, d.start() - 16), d.start())]
    m = next((d for d in lines if not _SPAN_BOUND.search(text, max(0, d.start() - 16), d.start())), None)
    if m:
        return DocumentYear(value=int(m.group("y")), source="date_line", **ctx.span(m.start(), m.end()))
    tm = find_term(text, head_end)
    if tm:
        return DocumentYear(value=tm[0], source="term", **ctx.span(tm[1], tm[2]))
    heads = [d for d in _HEAD_DATE.finditer(text, 0, head_end) if not _LIFE_DATE.search(text, max(0, d.start() - 16), d.start())]
    if heads:
        m = max(heads, key=lambda m: int(m.group("y")))
        return DocumentYear(value=int(m.group("y")), source="date_line", **ctx.span(m.start(), m.end()))
    if lines:
        m = lines[0]
        return DocumentYear(value=int(m.group("y")), source="date_line", **ctx.span(m.start(), m.end()))
    if info.date and info.date_text is not None:
        return DocumentYear(value=int(info.date[:4]), source="document_date", **info.date_text.model_dump())
    ty = text_year(text, body_end)
    if ty:
        return DocumentYear(value=ty[0], source="text_year", **ctx.span(ty[1], ty[2]))
    return None


def _lead(text: str, title: Optional[tuple[int, int]], body_end: int) -> tuple[int, int]:
    """The opening of the body: from the end of the title, the first 700 characters of prose."""
    a = title[1] if title else 0
    return a, min(body_end, a + 700)


_COMPANY_HEADS = ("Công ty", "Tổng công ty", "Tổng Công ty", "Tập đoàn", "Doanh nghiệp", "HTX", "Hợp tác xã")
_TERM_WORD = r"(?:Khóa|Khoá|KHÓA|KHOÁ|Nhiệm|NHIỆM|Lần|LẦN)(?![^\W\d_])"
_SAME_CONGRESS = re.compile(r"[ \t,]+(?:lần thứ|nhiệm kỳ)", re.I)
_UNIT_WORDS = r"phường|xã|quận|huyện|tỉnh|thành phố|thị trấn|thị xã"  # a unit's word before its name
_UNIT_BEFORE = re.compile(r"(?i:" + _UNIT_WORDS + r"|TP\.?)$")
# (not "TP" at a bare end: "UBND TP" of a city paper is the city)
_BARE_UNIT_END = re.compile(r"(?<![^\W\d_])(?i:" + _UNIT_WORDS + r")[ \t]*$")


def _organization(text: str, dr: "DocRules", kind: str, title, lead, body_end: int) -> Optional[tuple[int, int]]:
    span = _organization_span(text, dr, kind, title, lead, body_end)
    if span and dr.person_after is not None and not text[span[0]:span[1]].startswith(dr.namesake_heads + _COMPANY_HEADS):
        # the organisation ends where the name of the person who heads it begins ("Bộ Thương mại
        # Trương Đình Tuyển"); a school, a street or a company named after a person keeps the name,
        # and so does a ward or a commune ("Đảng bộ phường Hoàng Văn Thụ")
        pm = dr.person_after.search(text, span[0], span[1])
        if pm and pm.start() > span[0] and not _UNIT_BEFORE.search(text, span[0], pm.start()):
            span = (span[0], pm.start())
    if span and _BARE_UNIT_END.search(text, span[0], span[1]):
        # "Đại hội đại biểu Đảng bộ tỉnh lần thứ I": the province is the one the text names in full
        # elsewhere, by preference with the same congress ("... Đảng bộ tỉnh Đồng Nai lần thứ I"), else the
        # first; its name is capitalised words (joined by a dash: "Bà Rịa - Vũng Tàu"), not a term ("Khóa
        # XXII", "Nhiệm kỳ") nor the name of a person who follows ("Đảng bộ tỉnh Đồng Nai Nguyễn Hồng Lĩnh")
        bare = text[span[0]:span[1]]
        full = re.compile(re.escape(bare) + r"[ \t]+(?!" + _TERM_WORD + r")" + _UP + r"[^\W\d_]*(?:(?:[ \t]+|[ \t]*[-–][ \t]*)(?!"
                          + _TERM_WORD + r")" + _UP + r"[^\W\d_]*){0,6}")
        found = list(full.finditer(text, 0, body_end))
        fm = next((x for x in found if _SAME_CONGRESS.match(text, x.end())), found[0] if found else None)
        if fm:
            end = fm.end()
            pm = dr.person_after.search(text, fm.start() + len(bare), end) if dr.person_after is not None else None
            if pm and pm.start() > fm.start():
                end = pm.start()
            while end > fm.start() and text[end - 1] in " \t-–":
                end -= 1
            span = (fm.start(), end)
    if span and title and title[0] <= span[0] < title[1] and text[span[0]:span[1]].isupper():
        # a title in capitals: the same name as the body writes it
        k = text.lower().find(text[span[0]:span[1]].lower(), title[1], body_end)
        if k >= 0:
            return k, k + span[1] - span[0]
    return span


def _organization_span(text: str, dr: "DocRules", kind: str, title, lead, body_end: int) -> Optional[tuple[int, int]]:
    """The organisation the document is about: the issuer in the header of an official document;
    else the organisation of the congress the title or lead names; else the first organisation the
    title names, then the lead; else a congress organisation anywhere."""
    regions = ([title] if title else []) + [lead]
    if kind not in ("news", "congress_report", "unknown"):
        m = dr.org[-1].search(text, 0, body_end)
        if m:
            return m.span("org")
    # the title or the lead names a congress: its organisation ("Đại hội Đảng bộ TP HCM") ...
    for a, b in regions:
        for rx in dr.org[:-1]:
            m = rx.search(text, a, b)
            if m:
                return m.span("org")
        for rx in dr.org_mentions:
            for m in rx.finditer(text, a, b):
                if re.search(r"(?i)Đại hội (?:đại biểu )?$", text[max(0, m.start("org") - 20):m.start("org")]):
                    return m.span("org")
    # ... or tells of a congress without naming it: the organisation of the congress the body names
    if any(dr.c["mention"].search(text, a, b) for a, b in regions):
        for rx in dr.org[:-1]:
            m = rx.search(text, 0, body_end)
            if m:
                return m.span("org")
    for a, b in regions:
        found = [m for rx in dr.org_mentions for m in rx.finditer(text, a, b)]
        if found:
            m = min(found, key=lambda m: (m.start("org"), -m.end("org")))
            return m.span("org")
    for rx in dr.org[:-1]:
        m = rx.search(text, 0, body_end)
        if m:
            return m.span("org")
    return None


_ORD_WORDS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}


def _ordinal_value(raw: str) -> Optional[int]:
    raw = raw.strip()
    if raw.isdigit():
        return int(raw)
    if raw.lower() in _ORD_WORDS:
        return _ORD_WORDS[raw.lower()]
    return roman_to_int(raw)


def _congress(ctx: Context, dr: DocRules, text: str, kind: str, title: Optional[tuple[int, int]] = None,
              lead: Optional[tuple[int, int]] = None, doc_date: Optional[str] = None) -> Optional[Congress]:
    c = dr.c
    first = c["mention"].search(text)
    if not first:
        return None
    cg = Congress()
    # the document's own congress: the one its title names, else its lead (opening), else the
    # ordinal mentioned most often (first on a tie)
    seen: dict[int, tuple[int, tuple[int, int]]] = {}
    cited: dict[int, tuple[int, tuple[int, int]]] = {}
    for m in c["ordinal"].finditer(text):
        key = next(k for k in ("ord", "ord2", "ord3") if m.groupdict().get(k))
        n = _ordinal_value(m.group(key))
        if n is None:
            continue
        # "Nghị quyết Đại hội XIV": a congress held before, whose resolution the text cites or carries out
        # (document.yaml congress.cited), is evidence only where the text names no other congress
        into = cited if c.get("cited") is not None and c["cited"].search(text, max(0, m.start() - 20), m.start()) else seen
        count, span = into.get(n, (0, m.span(key)))
        into[n] = (count + 1, span)
    seen = seen or cited
    if not seen:
        # the committee the congress elects bears its number ("BCH T.Ư Đảng khóa X")
        for m in c["elected_term"].finditer(text):
            key = "ord" if m.group("ord") else "ord2"
            n = _ordinal_value(m.group(key))
            if n is not None:
                count, span = seen.get(n, (0, m.span(key)))
                seen[n] = (count + 1, span)
    if seen:
        best = None
        for region in (title, lead):
            if region and best is None:
                inside = [n for n, (_, span) in seen.items() if region[0] <= span[0] < region[1]]
                if inside:
                    best = min(inside, key=lambda n: seen[n][1][0])
                    # the first mention in the region may be another congress mentioned in passing
                    for m in c["ordinal"].finditer(text, region[0], region[1]):
                        ctx_before = text[max(region[0], m.start() - 40):m.start()]
                        if not c["passing"].search(ctx_before):
                            key = next(k for k in ("ord", "ord2", "ord3") if m.groupdict().get(k))
                            v = _ordinal_value(m.group(key))
                            if v is not None and v in seen:  # a mention the count above set aside is no evidence
                                best = v
                                break
        if best is None:
            best = max(seen, key=lambda n: (seen[n][0], -seen[n][1][0]))
        cg.ordinal = best
        cg.ordinal_text = ctx.ground(*seen[best][1])
    # the term the title or the lead names, else the one next to the first congress mention
    tm = None
    for region in (title, lead):
        if region and tm is None:
            tm = c["term"].search(text, region[0], region[1])
    if tm is None:
        tm = c["term"].search(text, max(0, first.start() - 200))
        if tm and tm.start() - first.start() >= 600:
            tm = None
    if tm:
        a, b = int(tm.group("a")), int(tm.group("b"))
        cg.term = Term(start=a, end=b)
        cg.term_text = ctx.ground(*tm.span())
    _event_dates(ctx, c, text, cg, doc_date, _national_years(dr, text))
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
    if cg.ordinal is None and cg.term is None and cg.start_date is None and cg.end_date is None and kind != "congress_report":
        return None
    return cg


_SENT_END = re.compile(r"\.(?:\s|$)|\n|;")


def _sentence(text: str, pos: int) -> tuple[int, int]:
    a = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos), text.rfind("; ", 0, pos)) + 1
    m = _SENT_END.search(text, pos)
    return a, (m.start() if m else len(text))


_EARLIER_TERM = re.compile(r"(?<![^\W\d_])(?:nhiệm kỳ|khóa|khoá|lần|kỳ)[ \t]+trước(?![^\W\d_])", re.I)


def _national_years(dr: "DocRules", text: str) -> dict[int, int]:
    """The Party's national congresses the text names with their number ("Đại hội X của Đảng", "ĐH Đảng lần X";
    document.yaml congress.national), each with the year it was held (document.yaml national_congress_years)."""
    out: dict[int, int] = {}
    if not dr.national_years or "national" not in dr.c:
        return out
    for m in dr.c["national"].finditer(text):
        n = _ordinal_value(m.group("ord") or m.group("ord2"))
        if n in dr.national_years:
            out[n] = dr.national_years[n]
    return out


def _national_year_of(c: dict, text: str, pos: int, national: dict[int, int]) -> Optional[int]:
    """(time) The year of a date written without one at ``pos``, where its sentence names, before it, a national
    congress of the Party the text names (``national``): the year that congress was held, a calendar fact nearer
    the event than the date a report was written ("Đại hội X diễn ra từ ngày 18 đến 25-4": 2006). Not where the
    sentence's event is another one ("Hội nghị Trung ương 9 khóa IX ... từ ngày 5 đến 12/1")."""
    if not national or "numbered" not in c:
        return None
    s, _ = _sentence(text, pos)
    last = None
    for m in c["numbered"].finditer(text, s, pos):
        last = m
    return national.get(_ordinal_value(last.group("ord"))) if last is not None else None


def _event_dates(ctx: Context, c: dict, text: str, cg: Congress, doc_date: Optional[str],
                 national: Optional[dict[int, int]] = None) -> None:
    """The dates of the document's own event: the first date range in a sentence that names the
    event ('Đại hội', 'kỳ họp', 'Hội nghị'); else the opening date and the closing date of the
    event ('khai mạc sáng 18/4', 'bế mạc ngày 25/4', 'kết thúc vào ngày 9/1'). A missing year is
    inferred from the national congress of the Party its sentence names (``national``: those the text
    names, with their years; see ``_national_year_of``), else from the document (see ``dates.infer_year``),
    and its source recorded."""
    term_start = cg.term.start if cg.term else None
    chosen = None
    for r in find_ranges(text):
        s, e = _sentence(text, r.start)
        if c["event"].search(text, max(s, r.start - 250), min(e, r.end + 250)):
            # (time) not the dates of an event of an earlier term told beside the document's own ("So với Đại hội
            # nhiệm kỳ trước (tổ chức từ ngày 14 - 16/10/2020), Đại hội ... lần thứ XV diễn ra từ 8 - 10/10/2025")
            lo = max(s, r.start - 80)
            lo = max(lo, text.rfind(")", lo, r.start) + 1)  # (looked for in the window only: linear in the ranges)
            if _EARLIER_TERM.search(text, lo, r.start):
                continue
            chosen = r
            break
    start = end = None
    inferred = None
    if chosen is not None:
        start, end = chosen.first, chosen.last
        a, b = chosen.start, chosen.end
        cg.dates_text = ctx.ground(a, b)
    else:
        prev_end = 0
        single = False
        sent_info: dict = {}  # (start, end) of a sentence -> (names the event, opening word, closing word), read once
        bounds = (0, -1)
        for d in find_dates(text):
            if not bounds[0] <= d.start < bounds[1]:
                bounds = _sentence(text, d.start)  # dates come in order: a sentence's dates share its bounds
            s, e = bounds
            info = sent_info.get(bounds)
            if info is None:
                info = sent_info[bounds] = (c["event"].search(text, s, e) is not None, c["opening"].search(text, s, e) is not None,
                                            c["closing"].search(text, s, e) is not None)
            lo, prev_end = max(s, prev_end), d.end
            if not info[0]:
                continue
            if (start is None and end is None and c["single_day"].search(text, max(s, d.start - 30), d.start)
                    and (text.startswith("ngày", d.start) or text[max(s, d.start - 30):d.start].rstrip().endswith("ngày"))):
                start = end = d  # "Đại hội được tổ chức trong ngày 28/7/2025": one day, unless a closing date follows
                single = True
                continue
            # the word that governs the date: the last opening or closing word since the date before it
            # in its sentence ("khai mạc sáng 14/10 và Đại hội bế mạc ngày 15/10/2025"), else any of its sentence
            opens, closes = c["opening"].search(text, lo, d.start), c["closing"].search(text, lo, d.start)
            if opens or closes:
                if closes and (not opens or closes.start() > opens.start()):
                    if end is None or single:
                        end, single = d, False  # (a closing date stated after a day "trong ngày ...": the event's last day)
                elif start is None:
                    start = d
            elif start is None and info[1]:
                start = d
            elif (end is None or single) and info[2] and d is not start:
                end, single = d, False
        if start is None and end is None:
            return
        g = [x for x in (start, end) if x is not None]
        cg.dates_text = ctx.ground(g[0].start, g[0].end) if len(g) == 1 or g[1].start < g[0].start else ctx.ground(g[0].start, g[-1].end)
        if len(g) == 2 and g[1].start < g[0].start:
            cg.dates_text = ctx.ground(g[0].start, g[0].end)
    for which, d in (("start", start), ("end", end)):
        if d is None:
            continue
        y = d.year
        if y is None:
            y = _national_year_of(c, text, d.start, national) if national else None
            if y is not None:
                inferred = "national_congress"
            else:
                y, inferred = infer_year(text, d.start, doc_date, term_start)
        iso_d = d.iso(y)
        if which == "start":
            cg.start_date = iso_d
        else:
            cg.end_date = iso_d
    if inferred and (cg.start_date or cg.end_date):
        cg.dates_inferred_year_from = inferred
    if cg.dates_text is not None:
        vm = c["venue"].search(text, ctx.nt.from_orig(cg.dates_text.span.end))
        de = ctx.nt.from_orig(cg.dates_text.span.end)
        if vm and vm.start() - de <= 40:
            a, b = vm.span("venue")
            cut = re.search(r",\s*trong đó", text[a:b])
            cg.venue = ctx.ground(a, a + cut.start() if cut else b)
