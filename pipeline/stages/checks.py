"""Stage: consistency checks. Defects in the announcement itself, each a warning with a stable
code (``data/checks.json``): parts against their whole, percentages against their counts,
impossible dates, dates outside the event, reversed terms and ranges, repeated or skipped
heading numbers, and announced counts that the following list does not match.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date

from .dates import find_dates
from typing import Optional

from ..context import Context
from ..contract.models import Related, Span, Warning
from .numbers import last_digit_unit, roman_to_int
from ..text.patterns import ignorecase_fold, matches_at as _matches_at
from ..products import Items
from ..registry import component



class _DateMatch:
    """A date of the grammar with the re.Match methods the checks use."""

    def __init__(self, d, text, skip=0):
        self.d, self._text, self._skip = d, text[skip:], skip

    def start(self):
        return self.d.start + self._skip

    def end(self):
        return self.d.end

    def group(self, _=0):
        return self._text
_TERM_WORDS = ("nhiệm kỳ", "giai đoạn", "khóa", "khoá")
_TERM_TAIL = r"\s+(?P<a>(?:19|20)\d{2})\s*[-–—]\s*(?P<b>(?:19|20)\d{2})"
_TERM = re.compile("(?:" + "|".join(_TERM_WORDS) + ")" + _TERM_TAIL + r"\b", re.I)


def _phrase_scan(phrases, after: str, before: str = "") -> "re.Pattern":
    """A case-sensitive scan of ``ignorecase_fold(text)`` for where a case-insensitive pattern that
    starts with one of ``phrases`` (literal, matched with ``re.I``) can start: each phrase's folded
    first character (the engine skips ahead to one at C speed), then ``before`` (lookbehinds on
    what precedes it), then a lookahead for the rest of the phrase and ``after`` (a pattern with no
    cased characters, so that it holds on the folded text where the pattern's own holds on the text).
    One character consumed per proposal: a proposal never hides the next."""
    firsts: dict[str, list[str]] = {}
    for w in sorted(set(phrases), key=len, reverse=True):
        f = ignorecase_fold(w)
        if f:
            firsts.setdefault(f[0], []).append(re.escape(f[1:]))
    return re.compile("|".join(re.escape(c) + before + "(?=(?:" + "|".join(rests) + ")" + after + ")"
                               for c, rests in firsts.items()))


# a day 29, 30 or 31 as stages/dates.py reads one ('2' and a digit 9 of any script, '30', '31', not after
# a word character, '/', '.', ',' or '-', and before a separator or a space): the days on which a
# date of the grammar can be impossible
_DAY_29_31 = re.compile(r"(?:29|3[01]|2[^\x00-\x7f])(?<![\w/.,\-][\s\S][\s\S])(?=[/\-.\s])")

_FOLD = [None, ""]


def _folded(text: str) -> str:
    """``ignorecase_fold(text)``, made once for the text the checks read."""
    if _FOLD[0] is not text:
        _FOLD[0], _FOLD[1] = text, ignorecase_fold(text)
    return _FOLD[1]


# a term's years after its word: where _TERM can start (see _phrase_scan)
_TERM_SCAN = _phrase_scan(_TERM_WORDS, _TERM_TAIL.replace("?P<a>", "?:").replace("?P<b>", "?:"))


class CheckRules:
    def __init__(self, rules):
        cfg = rules["checks"]
        self.rules = cfg["rules"]
        nouns = "|".join(re.escape(n) for n in sorted(cfg["claim_nouns"], key=len, reverse=True))
        words = "|".join(re.escape(w) for w in sorted(cfg["number_words"], key=len, reverse=True))
        self.number_words = cfg["number_words"]
        self.claim = re.compile(rf"(?<![\w/.,])(?P<n>\d{{1,2}}|{words})\s+(?P<noun>{nouns})\b(?P<rest>[^.\n:]{{0,90}}?)(?::|\bsau đây\b|\bnhư sau\b)", re.I)
        # where a claim can start, on ignorecase_fold(text): a number word, or a digit, then a noun
        # (the lookbehind holds on the folded text where it holds on the text: folding makes no
        # word character, and no '/', '.' or ',', of another character)
        folded_nouns = "|".join(re.escape(ignorecase_fold(n)) for n in sorted(cfg["claim_nouns"], key=len, reverse=True))
        self.claim_words = _phrase_scan(cfg["number_words"], rf"\s+(?:{folded_nouns})", r"(?<![\w/.,][\s\S])")
        self.claim_digits = re.compile(rf"\d(?<![\w/.,][\s\S])(?=\d?\s+(?:{folded_nouns}))")
        self.event = re.compile("|".join(re.escape(w) for w in cfg["event_words"]), re.I)
        self.letters = {c: i for i, c in enumerate(cfg["letter_order"])}
        self.elected = re.compile("|".join(cfg.get("elected_delegates") or [r"(?!)"]), re.I)


def _warn(ctx: Context, cr: CheckRules, code: str, a: int, b: int, related=(), **fields) -> Warning:
    rule = cr.rules[code]
    g = ctx.ground(a, b)
    return Warning(code=code, severity=rule["severity"], message=rule["message"].format(**fields),
                   text=g.text, span=g.span, related=list(related))


@component("checks", requires=("quantities", "percentages", "delegates", "figures", "sections", "document"), assigns=("warnings",), rules=("checks",))
def run_checks(ctx: Context) -> Items:
    """Defects of the text itself: sums, shares, ranges, dates, numbering, announced counts."""
    cr = ctx.rules.compiled("checks", CheckRules)
    out: list[Warning] = []
    out += _check_delegates(ctx, cr)
    out += _check_fractions(ctx, cr)
    out += _check_percentages(ctx, cr)
    out += _check_dates(ctx, cr)
    out += _check_headings(ctx, cr)
    out += _check_claims(ctx, cr)
    out.sort(key=lambda w: (w.span.start, w.code))
    return Items(tuple(out))


def _check_delegates(ctx: Context, cr: CheckRules) -> list[Warning]:
    d = ctx.products.delegates.stats
    if d is None:
        return []
    out = []
    nt = ctx.nt

    def rel(*stats):
        return [Related(kind="delegates", span=s.span) for s in stats]

    s = d.summoned

    def around(*stats):
        return min(nt.from_orig(x.span.start) for x in stats), max(nt.from_orig(x.span.end) for x in stats)

    # delegates by office and appointed ones are the whole, or only a part of it where the text
    # tells of elected delegates (checks.yaml elected_delegates; the text is read only then)
    if s and d.ex_officio and d.appointed and (
            d.ex_officio.value + d.appointed.value > s.value if cr.elected.search(nt.fold)
            else d.ex_officio.value + d.appointed.value != s.value):
        out.append(_warn(ctx, cr, "sum_mismatch", *around(s, d.ex_officio, d.appointed), rel(s, d.ex_officio, d.appointed),
                         parts="ex officio + appointed delegates", total=d.ex_officio.value + d.appointed.value, whole=s.value))
    if s and d.attended and d.absent and d.attended.value + d.absent.value != s.value:
        out.append(_warn(ctx, cr, "sum_mismatch", *around(s, d.attended, d.absent), rel(s, d.attended, d.absent),
                         parts="attending + absent delegates", total=d.attended.value + d.absent.value, whole=s.value))
    whole = d.attended.value if d.attended else None
    if whole is not None:
        # one breakdown is one list in one place: rows of a dimension told again far away (another
        # paragraph, a report reprinted below) are another breakdown, summed on their own
        by_dim: dict[tuple[str, int], list] = {}
        last: dict[str, tuple[int, int]] = {}
        for b in sorted(d.breakdowns, key=lambda r: r.span.start):
            block, end = last.get(b.dimension, (0, None))
            if end is not None and b.span.start - end > _BREAKDOWN_GAP:
                block += 1
            last[b.dimension] = (block, b.span.end)
            by_dim.setdefault((b.dimension, block), []).append(b)
        for (dim, _), rows in by_dim.items():
            total = sum(r.count or 0 for r in rows)
            if len(rows) >= 2 and total != whole:
                first = rows[0]
                out.append(_warn(ctx, cr, "sum_mismatch", nt.from_orig(first.span.start), nt.from_orig(rows[-1].span.end),
                                 [Related(kind="breakdown", span=r.span) for r in rows],
                                 parts=f"the {dim} breakdown", total=total, whole=whole))
    return out


# the most characters between two rows of one breakdown (a table's rows, a list's lines, their notes)
_BREAKDOWN_GAP = 600


def _check_fractions(ctx: Context, cr: CheckRules) -> list[Warning]:
    """'13/20 chỉ tiêu đạt ..., 07/20 chỉ tiêu chưa đạt': complementary parts of one whole."""
    text = ctx.nt.fold
    out = []
    fr = [m for m in ctx.products.quantities.mentions if m.kind == "fraction"]
    for i in range(len(fr) - 1):
        a, b = fr[i], fr[i + 1]
        if a.base != b.base or b.start - a.end > 120:
            continue
        between = text[a.end:b.end + 40]
        if "chưa" not in between or re.search(r"[.\n]", text[a.end:b.start]):
            continue
        if a.value + b.value != a.base:
            out.append(_warn(ctx, cr, "sum_mismatch", a.start, b.end, [Related(kind="quantity", span=Span(start=ctx.nt.to_orig(b.start), end=ctx.nt.to_orig(b.end)))],
                             parts=f"{int(a.value)} + {int(b.value)}", total=int(a.value + b.value), whole=int(a.base)))
    return out


_OTHER_BASE = re.compile(r"[^.;\n]{0,120}?(?:tổng số|trên tổng|so với tổng|của tổng|tính trên)", re.I)
_VOTE = re.compile(r"biểu quyết|tán thành", re.I)
_SHARE_UNITS = {None, "đại biểu", "người", "phiếu", "đảng viên", "đồng chí", "ủy viên", "cử tri", "hộ", "xã", "phường"}


def _check_percentages(ctx: Context, cr: CheckRules) -> list[Warning]:
    out = []
    target_spans = [(ctx.nt.from_orig(t.span.start), ctx.nt.from_orig(t.span.end)) for t in ctx.products.figures.targets]
    inside = _Cover(target_spans)
    floors = {id(m) for m, _, _ in ctx.products.percentages.links if inside(m.start)}
    links = ctx.products.percentages.links
    pcts = ctx.products.percentages.items
    stats = ctx.products.delegates
    for i, ((m, count, _), p) in enumerate(zip(links, pcts)):
        a, b = m.start, m.end
        if p.value_max is not None and p.value_max < p.value:
            out.append(_warn(ctx, cr, "range_reversed", a, b, low=_fmt(p.value), high=_fmt(p.value_max)))
        if count is None:
            continue
        if p.value > 100 and count.start < m.start and count.unit in _SHARE_UNITS:
            out.append(_warn(ctx, cr, "percent_over_100", a, b, percent=_fmt(p.value)))
            continue
        base = stats.base_of(i, p)
        if base is None or base <= 0:
            continue
        exact = 100.0 * p.count / base
        unit = last_digit_unit(p.text)
        if _OTHER_BASE.match(ctx.nt.fold, m.end) or _VOTE.search(ctx.nt.fold, count.start, max(count.end, m.end) + 80):
            continue  # another whole, or a vote: its percentage is of all members, not of those voting  # "chiếm 96,03% tổng số đại biểu Quốc hội": a share of another whole
        if id(m) in floors or p.comparator in (">", ">="):
            bad = exact < p.value - unit - 1e-9  # a floor: "80% số xã (tương ứng 55/67 xã)", "chiếm hơn 80%"
        elif p.comparator in ("<", "<="):
            bad = exact > p.value + unit + 1e-9
        elif p.comparator == "~":
            bad = abs(exact - p.value) > max(unit, 0.05 * p.value) + 1e-9
        else:
            bad = abs(exact - p.value) > unit + 1e-9
        if bad:
            out.append(_warn(ctx, cr, "percent_count_mismatch", a, b,
                             [Related(kind="quantity", span=Span(start=ctx.nt.to_orig(count.start), end=ctx.nt.to_orig(count.end)))],
                             percent=_fmt(p.value), count=_fmt(p.count), base=_fmt(base), exact=exact))
    for t in ctx.products.figures.targets + ctx.products.figures.results:
        if t.value_max is not None and t.value_max < t.value and t.unit != "%":
            a = ctx.nt.from_orig(t.span.start)
            out.append(_warn(ctx, cr, "range_reversed", a, ctx.nt.from_orig(t.span.end), low=_fmt(t.value), high=_fmt(t.value_max)))
    return out


def _fmt(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


def _check_dates(ctx: Context, cr: CheckRules) -> list[Warning]:
    text = ctx.nt.fold
    body_end = ctx.nt.body_end
    out = []
    dates = []
    doc = ctx.products.document
    cg = doc.congress if doc is not None else None
    event = cg is not None and cg.start_date and cg.end_date
    # without the event's dates only impossible dates are told, and a date of the grammar is impossible
    # only on a 29th, 30th or 31st: a text with no such day (as the grammar writes it, after no word
    # character, '/', '.', ',' or '-', before a separator or a space) is not read for dates
    if not event and _DAY_29_31.search(text, 0, body_end) is None:
        dates_found = ()
    else:
        dates_found = find_dates(text, 0, body_end)
    for m in dates_found:  # the package's one date grammar (stages/dates.py)
        if m.year is None:
            continue
        lead = re.match(r"(?i)ngày\s+", text[m.start:m.end])
        m = _DateMatch(m, text[m.start:m.end], lead.end() if lead else 0)
        try:
            dates.append((m, date(m.d.year, m.d.month, m.d.day)))
        except ValueError:
            out.append(_warn(ctx, cr, "date_impossible", m.start(), m.end(), date=m.group(0)))
    if event:
        start, end = date.fromisoformat(cg.start_date), date.fromisoformat(cg.end_date)
        dspan = cg.dates_text.span if cg.dates_text else None
        for m, dt in dates:
            if start <= dt <= end:
                continue
            sent_start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            context = text[max(sent_start, m.start() - 60):m.start()]
            if cr.event.search(context):
                rel = [Related(kind="congress_dates", span=dspan)] if dspan else []
                out.append(_warn(ctx, cr, "date_outside_event", m.start(), m.end(), rel,
                                 date=m.group(0), start=cg.start_date, end=cg.end_date))
    fold = _folded(text)
    for m in _matches_at(_TERM, text, (c.start() for c in _TERM_SCAN.finditer(fold, 0, body_end)), body_end):
        if int(m.group("b")) < int(m.group("a")):
            out.append(_warn(ctx, cr, "term_reversed", m.start(), m.end(), start=m.group("a"), end=m.group("b")))
    return out


def _number(label: str, kind: str, cr: CheckRules) -> Optional[int]:
    if kind in ("roman", "chapter") and re.fullmatch(r"[IVXLC]+", label):
        return roman_to_int(label)
    if kind == "letter":
        return cr.letters.get(label.lower())
    last = label.split(".")[-1]
    return int(last) if last.isdigit() else None


_RESET = re.compile(r"(?m)^[ \t*]*(?:\.{3,}|…|\[\.{2,3}\]|\[…\])[ \t*]*$|\[\.{2,3}\]|^[ \t]*\*\*[^*\n]{3,300}\*\*[ \t]*$|(?:như sau|sau đây)\s*:\s*$")


def _in_table(text: str, pos: int) -> bool:
    line_end = text.find("\n", pos)
    return "|" in text[pos:line_end if line_end >= 0 else len(text)]


def _inline_label(between: str, k: int, kind: str, cr: CheckRules) -> bool:
    """Is heading number k written somewhere in ``between`` (not at a line start)?"""
    if kind == "letter":
        letters = [c for c, i in cr.letters.items() if i == k]
        return bool(letters) and re.search(rf"(?<![\w/]){re.escape(letters[0])}\)", between) is not None
    if kind in ("roman", "chapter"):
        return False
    if kind == "paren":
        return re.search(rf"\({k}\)", between) is not None
    return re.search(rf"(?<![\d.,/]){k}\s*\.(?!\d)", between) is not None


_NUMBERED_KINDS = {"congress_report", "resolution", "plan", "notice", "decision"}


def _check_headings(ctx: Context, cr: CheckRules) -> list[Warning]:
    """Repeated or skipped heading numbers, in official documents only: web pages that quote
    excerpts of several laws restart and elide their numbering without a defect."""
    out = []
    doc = ctx.products.document
    if doc is None or doc.kind not in _NUMBERED_KINDS:
        return out
    raw = ctx.products.sections.raw
    groups: dict[tuple, list] = {}
    for s in raw:
        if s.kind in ("dash", "star", "markdown", "ordinal_word"):
            continue
        groups.setdefault((id(s.parent), s.kind, s.depth_key), []).append(s)
    for (_, kind, _), items in groups.items():
        parent = items[0].parent.id if items[0].parent else "the document"
        prev = None
        for s in items:
            if prev is not None and _RESET.search(ctx.nt.fold, prev[1].start, s.start):
                prev = None  # an elision or a new quoted excerpt restarts the numbering
            n = _number(s.label, kind, cr)
            if n is None:
                prev = None
                continue
            if prev is not None and _in_table(ctx.nt.fold, s.start):
                prev = None  # a markdown table row is not a heading sequence
            if prev is not None:
                pn, ps = prev
                between = ctx.nt.fold[ps.start + len(ps.label) + 1:s.start]  # the previous heading's own line counts
                if n > pn + 1 and all(_inline_label(between, k, kind, cr) for k in range(pn + 1, n)):
                    prev = (n, s)  # the missing numbers are there, inline ("5. ... 6. Cơ quan ...")
                    continue
                if n == pn:
                    out.append(_warn(ctx, cr, "heading_duplicate", s.start, s.heading_end,
                                     [Related(kind="section", id=ps.id)], label=s.label, parent=parent))
                elif n > pn + 1 and n - pn <= 5 and not (kind == "letter" and ps.label == "d" and s.label == "e"):
                    out.append(_warn(ctx, cr, "heading_skipped", s.start, s.heading_end,
                                     [Related(kind="section", id=ps.id)], prev=ps.label, label=s.label, parent=parent))
            prev = (n, s)
    return out


class _Cover:
    """``cover(x)``: whether some span [a, b) of ``spans`` holds x (by bisection: spans sorted by
    start, with the furthest end reached so far)."""

    def __init__(self, spans):
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach = []
        far = None
        for _, b in spans:
            far = b if far is None or b > far else far
            self.reach.append(far)

    def __call__(self, x: int) -> bool:
        k = bisect_right(self.starts, x) - 1
        return k >= 0 and self.reach[k] > x


def _check_claims(ctx: Context, cr: CheckRules) -> list[Warning]:
    """'Xác định 11 nhóm nhiệm vụ ...:' then a list: the list must have 11 items."""
    text = ctx.nt.fold
    raw = ctx.products.sections.raw
    out = []
    heading_lines = {(s.start, s.heading_end) for s in raw if not s.list_item or s.clause}
    in_heading_line = _Cover(heading_lines)
    starts = [s.start for s in raw]  # raw is in text order
    runs: dict[tuple, list] = {}
    for s in raw:
        runs.setdefault((id(s.parent), s.kind, s.depth_key), []).append(s)
    fold = _folded(text)
    proposals = sorted({c.start() for c in cr.claim_words.finditer(fold)} | {c.start() for c in cr.claim_digits.finditer(fold)})
    for m in _matches_at(cr.claim, text, proposals, len(text)):
        if re.search(r"(?:mục|khoản|điều|điểm|tiết|phần|chương|từ|hoặc)\s*$", text[max(0, m.start() - 8):m.start()], re.I):
            continue  # "tại mục 7 nội dung", "từ 02 liên hoặc 02 phần trở lên": not an announced count
        in_heading = in_heading_line(m.start())
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        if not in_heading and text[m.end():line_end].strip(" *"):
            continue  # the announcement must end its line: the list follows on the next lines
        n_text = m.group("n").lower()
        claimed = int(n_text) if n_text.isdigit() else cr.number_words.get(n_text)
        if not claimed or claimed < 2:
            continue
        # the first run of list items after the claim (within 400 characters)
        limit = 1500 if in_heading else 300
        first = None
        for k in range(bisect_left(starts, m.end()), len(raw)):
            if raw[k].start - m.end() > limit:
                break  # (the first list item is too far: not the announced list)
            if raw[k].kind in ("paren", "ordinal_word", "arabic", "letter"):
                first = raw[k]
                break
        if first is None:
            continue
        same = runs[(id(first.parent), first.kind, first.depth_key)]
        run = same[bisect_left([s.start for s in same], first.start):]
        found = len(run)
        if found != claimed and found >= 2:
            out.append(_warn(ctx, cr, "count_claim_mismatch", m.start(), m.end("noun"),
                             [Related(kind="section", id=s.id) for s in run[:1]],
                             claimed=claimed, noun=m.group("noun"), found=found))
    return out
