"""The one date grammar of the package: single dates and date ranges as Vietnamese texts write
them, complete or partial, and the inference of a missing year from the document itself.

Forms (``D`` day, ``M`` month, ``Y`` a four-digit year):

* numeric: ``D/M/Y``, ``D-M-Y``, ``D.M.Y`` (one separator throughout), partial ``D/M``, ``D-M``
  (``D.M`` only after "ngày" or a time of day, where it cannot be a decimal);
* spelled out: ``ngày D tháng M năm Y``, ``D tháng M``, ``tháng M năm Y`` is not a day and is not a date here;
* ranges: ``từ ngày D1 đến ngày D2 tháng M năm Y``, ``từ ngày D1/M1 đến ngày D2/M2/Y``,
  ``trong hai ngày 25 và 26/9/2025`` (two consecutive days of one month joined by 'và'),
  ``từ ngày 2 đến 3/10``, ``18 - 25/4``, ``(15-16/12)``, ``từ 18 đến 25.4.2006``: the first end
  takes the month and year the second states.

A partial date gets its year from the document (:func:`infer_year`): a complete date in the same
paragraph, the document's own date, the start of the term it names, else the year the text
mentions most; the source is recorded (``nearby_date``, ``document_date``, ``term``,
``text_year``).

Pure functions over a string; no spaCy. Used by ``document`` (congress and document dates) and
``checks`` (impossible dates, dates outside the event).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

_D = r"(?:0?[1-9]|[12]\d|3[01])"
_M = r"(?:0?[1-9]|1[0-2])"
_Y = r"(?:19|20)\d{2}"
_B = r"(?<![\w/.,\-])"          # not inside a number or a word
_E = r"(?![\w/]|[.,\-]\d)"       # not continued by a number

# a time of day or "ngày" before a bare D.M makes it a date ("Chiều 12.4")
_LEAD = r"(?:ngày|hôm|sáng|chiều|trưa|tối|đêm|Ngày|Hôm|Sáng|Chiều|Trưa|Tối|Đêm)(?:\s+nay)?\s+"


def _single(p: str, partial_dot: bool = False) -> str:
    """One date with named groups ``{p}d``, ``{p}m``, ``{p}y`` (year optional)."""
    num = (rf"(?P<{p}d>{_D})(?P<{p}s>[/\-.])(?P<{p}m>{_M})(?:(?P={p}s)(?P<{p}y>{_Y}))?")
    words = rf"(?P<{p}wd>{_D})\s+tháng\s+(?P<{p}wm>{_M})(?:\s*(?:,\s*)?năm\s+(?P<{p}wy>{_Y}))?"
    return rf"(?:{num}|{words})"


# Each pattern opens with a lookahead for the characters a match can start with (a lead word's
# first letter, a digit): the same matches, and most positions are rejected by one test.
# ("sáng nay (27/9)": a bracket after the lead holds the date alone, closed right after it; not "Hôm nay (1/3 số hộ)")
SINGLE = re.compile(rf"(?=[nhsctđNHSCTĐ0-9])(?P<lead>{_LEAD}(?P<par>\()?)?{_B}{_single('a')}{_E}(?(par)(?=\)))")
# a range: the first end may be a bare day; the joiner is 'đến', 'tới' or a dash
_RANGE_BODY = (
    rf"{_B}(?P<d1>{_D})"
    rf"(?:(?P<s1>[/\-.])(?P<m1>{_M})(?:(?P=s1)(?P<y1>{_Y}))?|\s+tháng\s+(?P<wm1>{_M})(?:\s*(?:,\s*)?năm\s+(?P<wy1>{_Y}))?)?"
    rf"\s*(?P<j>đến|tới|-|–|—|và)\s*(?:hết\s+)?(?:ngày\s+)?{_single('b')}{_E}")
RANGE = re.compile(rf"(?=[Ttn0-9])(?:(?:[Tt]ừ|[Tt]rong)\s+)?(?:ngày\s+)?{_RANGE_BODY}")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    day: int
    month: int
    year: Optional[int]

    def iso(self, year: Optional[int] = None) -> Optional[str]:
        return iso(year or self.year, self.month, self.day)


@dataclass(frozen=True)
class DateRange:
    start: int
    end: int
    first: DateMention
    last: DateMention


def iso(y: Optional[int], m: int, d: int) -> Optional[str]:
    if y is None:
        return None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _mention(m: re.Match, p: str, a: int, b: int) -> DateMention:
    if m.group(f"{p}d") is not None:
        d, mo, y = m.group(f"{p}d"), m.group(f"{p}m"), m.group(f"{p}y")
    else:
        d, mo, y = m.group(f"{p}wd"), m.group(f"{p}wm"), m.group(f"{p}wy")
    return DateMention(a, b, int(d), int(mo), int(y) if y else None)


# Scanning: every date starts at a run of digits (its day), the lead words before it. The finders try
# only the starts of digit runs (found at C speed), match the date there anchored, read the lead
# backwards from it, and take the whole match with SINGLE or RANGE anchored where the lead starts: the
# same matches as ``finditer`` of those patterns, which would try a lookahead at every character.
_DIGIT_RUN = re.compile(r"\d+")
_SINGLE_AT = re.compile(rf"{_B}{_single('a')}{_E}")
_SINGLE_LEAD = re.compile(rf"(?:{_LEAD})(?P<par>\()?\Z")
_RANGE_AT = re.compile(_RANGE_BODY)
_RANGE_LEAD = re.compile(r"(?:(?:[Tt]ừ|[Tt]rong)\s+)?(?:ngày\s+)?\Z")
_LEAD_REACH = 48  # how far back a lead is read (a lead word, "nay", a bracket and their blanks)


def _scan(text: str, start: int, end: int, at: "re.Pattern", lead: "re.Pattern", whole: "re.Pattern", par: bool):
    """The matches of ``whole.finditer(text, start, end)``, found from the digit runs (see above)."""
    last = start
    for r in _DIGIT_RUN.finditer(text, start, end):
        p = r.start()
        if p < last:
            continue
        core = at.match(text, p, end)
        if core is None:
            continue
        s0 = p
        lm = lead.search(text, max(last, p - _LEAD_REACH), p)
        if lm is not None and lm.start() < p:
            if not (par and lm.group("par") and not (core.end() < end and text[core.end()] == ")")):
                s0 = lm.start()
        m = whole.match(text, s0, end) if s0 < p else None
        if m is None:
            m = whole.match(text, p, end)
        if m is None:
            continue
        last = m.end()
        yield m


def find_dates(text: str, start: int = 0, end: Optional[int] = None) -> list[DateMention]:
    """Single dates, complete or partial (a partial ``D.M`` only after 'ngày' or a time of day;
    a partial ``D-M`` or ``D/M`` only after them too, or when it ends a range)."""
    end = len(text) if end is None else end
    out = []
    for m in _scan(text, start, end, _SINGLE_AT, _SINGLE_LEAD, SINGLE, True):
        partial = m.group("ay") is None and m.group("awy") is None
        if partial and m.group("ad") is not None and not m.group("lead"):
            continue  # a bare '3/4' may be a fraction or a ratio
        a = m.start("ad") if m.group("ad") is not None else m.start("awd")
        if m.group("lead") and m.group("lead").lower().startswith("ngày") and not m.group("par"):
            a = m.start()
        out.append(_mention(m, "a", a, m.end()))
    return out


def find_ranges(text: str, start: int = 0, end: Optional[int] = None) -> list[DateRange]:
    """Date ranges; the first end takes the month (and year) of the second when it states none."""
    end = len(text) if end is None else end
    out = []
    for m in _scan(text, start, end, _RANGE_AT, _RANGE_LEAD, RANGE, False):
        last = _mention(m, "b", m.start("bd") if m.group("bd") else m.start("bwd"), m.end())
        d1 = int(m.group("d1"))
        m1 = m.group("m1") or m.group("wm1")
        y1 = m.group("y1") or m.group("wy1")
        if m1 is None and m.group("bs") == "." and not re.search(r"(?:ngày|[Tt]ừ)\s+\d", m.group(0)):
            continue  # '18 - 25.4' without 'ngày'/'từ' may be numbers
        first = DateMention(m.start("d1"), m.end("d1"), d1, int(m1) if m1 else last.month,
                            int(y1) if y1 else last.year)
        if first.month == last.month and first.day > last.day and first.year == last.year:
            continue  # '25 - 18/4' is not a range
        if m.group("j") == "và" and not (m1 is None and last.day == d1 + 1):
            continue  # 'và' joins two consecutive days of one month ("trong hai ngày 25 và 26/9/2025"), no more
        a = m.start()
        while a < m.end() and text[a] in " \t":
            a += 1
        out.append(DateRange(a, m.end(), first, last))
    return out


# a year standing on its own: after a space, "/", "(" or the start of the text, not inside a
# longer number (the character before is checked after the match: a pattern that starts with a
# digit lets the engine scan for digits)
_OWN_YEAR = re.compile(rf"(?P<y>{_Y})(?!\d)")
# not a time of the text's own: a goal's horizon ("đến năm 2030", "vào năm 2065", "vào nửa cuối năm
# 2027", "Mục tiêu năm 2030", a plan's "định hướng 2020"), a period's bound ("2021 - 2025", "từ năm 1994 đến 2002"), a birth year
# ("Sinh năm 1936"), a reference ("so với năm 2000"); "tính đến cuối năm 2024" (as of) is the text's own
_HORIZON_BEFORE = re.compile(r"(?:(?:(?<!tính )đến|tới|tầm nhìn|định hướng|sau|trước|vào|sinh|so với|so|mục tiêu|chỉ tiêu|kế hoạch|phấn đấu|dự kiến|dự báo)"
                             r"(?:\s+(?:nửa\s+)?(?:cuối|đầu|giữa|hết))?"
                             r"|[-–—]|(?:đến|tới|vào)\s+(?:năm\s+)?\d{4}\s+(?:hoặc|và))\s*(?:năm\s*)?$", re.I)
_RANGE_AFTER = re.compile(r"\s*(?:[-–—]|đến|tới)\s*(?:năm\s+)?\d", re.I)
_TERM = re.compile(rf"nhiệm kỳ\s+(?P<a>{_Y})\s*[-–—]\s*(?P<b>{_Y})", re.I)


def find_term(text: str, body_end: Optional[int] = None) -> Optional[tuple[int, int, int]]:
    """The start of the term the text names ("nhiệm kỳ 2025 - 2030") as (year, start, end)."""
    tm = _TERM.search(text, 0, len(text) if body_end is None else body_end)
    return (int(tm.group("a")), tm.start(), tm.end()) if tm else None


# a goal's horizon before a year ("đến năm 2020", "tầm nhìn 2045", "mục tiêu năm 2030", "dự kiến đến hết năm 2026")
_GOAL_HORIZON = re.compile(r"(?:(?<!tính )đến|tới|tầm nhìn|định hướng|mục tiêu|chỉ tiêu|kế hoạch|phấn đấu|dự kiến|dự báo)"
                           r"(?:\s+(?:nửa\s+)?(?:cuối|đầu|giữa|hết))?\s*(?:năm\s*)?$", re.I)


# a date or a month written with dashes or dots before a year ("30-3-2006", "tháng 3-2006")
_DASHED_BEFORE = re.compile(r"(?:\d{1,2}[-.]\d{1,2}|tháng\s*\d{1,2})[-.]$", re.I)
# the end of a period before a year ("2021 - 2025")
_PERIOD_END = re.compile(r"[-–—]\s*(?:năm\s*)?$")


def _stated_years(text: str, horizon: "re.Pattern", end: Optional[int] = None, dated: bool = False,
                  present: Optional[int] = None):
    """(match, dated) for the years of ``text[:end]`` that stand on their own (after a space, "/", "(" or
    the text's start), not after ``horizon`` nor opening a range; with ``dated``, also those that end a
    date or a month written with dashes or dots (``dated`` then True). Given the ``present`` year, a year
    before it after a horizon's words is a time gone by, the text's own ("đến cuối năm 2003" in a report
    of 2004: as of then), no horizon ahead."""
    for m in _OWN_YEAR.finditer(text, 0, len(text) if end is None else end):
        k = m.start()
        if dated and k and text[k - 1] in "-." and _DASHED_BEFORE.search(text, max(0, k - 12), k):
            yield m, True
            continue
        if k and not (text[k - 1] in "/(" or text[k - 1].isspace()):
            continue
        if _RANGE_AFTER.match(text, m.end()) or (horizon.search(text, max(0, k - 40), k)
                                                 and not (present is not None and int(m.group("y")) < present)):
            continue
        yield m, False


def own_years(text: str, present: Optional[int] = None) -> set[int]:
    """The years the text states somewhere as a time of something, not only as a goal's horizon ("đến
    năm 2020") or a period's bound ("2021 - 2025"): dates ("30-3-2006", "ngày 5/1/2006") and years
    ("năm 2003", "vào năm 2003") count, and, given the ``present`` year, one before it after a horizon's
    words ("đến cuối năm 2003" in a report of 2004)."""
    return {int(m.group("y")) for m, dated in _stated_years(text, _GOAL_HORIZON, dated=True, present=present)
            if dated or not _PERIOD_END.search(text, max(0, m.start() - 8), m.start())}


def text_year(text: str, body_end: Optional[int] = None) -> Optional[tuple[int, int, int]]:
    """The latest year the text states as a time of its own (a month, a day, a plain year), not
    the bound of a period ("2001-2005", "giai đoạn 2021 - 2025") nor a goal's horizon ("đến năm
    2030"): a report tells of its own time; earlier years are its background. (year, start, end)."""
    best = None
    for m, _ in _stated_years(text, _HORIZON_BEFORE, body_end):
        y = int(m.group("y"))
        if best is None or y > best[0]:
            best = (y, m.start("y"), m.end("y"))
    return best


def infer_year(text: str, pos: int, doc_date: Optional[str] = None, term_start: Optional[int] = None,
               body_end: Optional[int] = None) -> tuple[Optional[int], Optional[str]]:
    """The year of a partial date at ``pos`` and where it was found: a complete date in the same
    paragraph (``nearby_date``), the document's own date (``document_date``), the start of the
    term the document names (``term``), else the latest year the text states as a time of its own,
    not a period's bound nor a goal's horizon (``text_year``)."""
    body_end = len(text) if body_end is None else body_end
    p0 = text.rfind("\n", 0, pos) + 1
    p1 = text.find("\n", pos)
    p1 = body_end if p1 < 0 else min(p1, body_end)
    near = [d for d in find_dates(text, p0, p1) if d.year is not None and abs(d.start - pos) < 160]
    for r in find_ranges(text, p0, p1):
        if r.last.year is not None and abs(r.start - pos) < 160:
            near.append(r.last)
    if near:
        return min(near, key=lambda d: abs(d.start - pos)).year, "nearby_date"
    if doc_date:
        return int(doc_date[:4]), "document_date"
    if term_start is None:
        t = find_term(text, body_end)
        term_start = t[0] if t else None
    if term_start is not None:
        return term_start, "term"
    ty = text_year(text, body_end)
    return (ty[0], "text_year") if ty else (None, None)
