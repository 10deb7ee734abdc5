"""The Vietnamese quantity grammar: numbers, magnitudes, units, per-units, ranges, comparators.

Vocabulary is data (``data/quantities.json``). :func:`parse_number` reads one
number as Vietnamese writes it; :class:`QuantityFinder` finds every quantity
expression in a text and says what is *not* a quantity (dates, document numbers,
ordinals, grades, years).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Optional

from ..text.patterns import alternation, ignorecase_fold
from ..rules import Rules

# A number as written: 11.247 / 245.500 / 11,39 / 05 / 350,000,000 (stray commas, only with 2+ groups) / 6.5 (stray dot).
# Every form starts with a digit, written once in front (``\d(?:\d{0,2}...|...)`` matches what
# ``\d{1,3}...|...`` does, in the same order): a pattern that starts with a number then starts with a
# character class, which the regex engine scans for instead of trying every branch at every position.
_NUMBER_REST = r"(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d{0,2}(?: \d{3})+(?![\d,.])|\d{0,2}(?:,\d{3}){2,}|\d*\.\d{1,2}(?![\d.])|\d*(?:,\d+)?)"


def digit_first(check: str = "", rest: str = _NUMBER_REST) -> str:
    r"""A number (NUMBER, or ``\d`` then ``rest``) with ``check``, lookbehinds on what precedes it,
    made after its first digit (``\d(?<![\w.,/]\d)...``), so the pattern still starts with a digit
    class the engine scans for."""
    return rf"(?:\d{check}{rest})"


NUMBER = digit_first()
_NUM_RE = re.compile(NUMBER)
_YEAR = re.compile(r"(?:19|20)\d{2}")
_CHAIN_AFTER = re.compile(r"\s*[-–]\s*\d")
_CHAIN_BEFORE = re.compile(r"\d\s*%?\s*[-–]\s*$")
_CLAUSE = re.compile(r"[^,.;:\n]{0,60}")
_DIGITS = re.compile(r"\d[\d.,/:\-–]*")


def _key(s: str) -> str:
    """Lookup key of a matched lexicon phrase: lower case, single spaces (phrases match across line breaks)."""
    return " ".join(s.split()).lower()


_THOUSANDS_DOT = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_THOUSANDS_SPACE = re.compile(r"\d{1,3}(?: \d{3})+")
_THOUSANDS_COMMA = re.compile(r"\d{1,3}(?:,\d{3}){2,}")
_DECIMAL_DOT = re.compile(r"\d+\.\d{1,2}")
_PLAIN = re.compile(r"\d+(?:,\d+)?")


def parse_number(s: str) -> float:
    """'11.247' -> 11247, '11,39' -> 11.39, '05' -> 5, '1.234,5' -> 1234.5, '350,000,000' -> 350000000, '6.5' -> 6.5."""
    s = s.strip()
    if _THOUSANDS_DOT.fullmatch(s):
        return float(s.replace(".", "").replace(",", "."))
    if _THOUSANDS_SPACE.fullmatch(s):
        return float(s.replace(" ", ""))
    if _THOUSANDS_COMMA.fullmatch(s):
        return float(s.replace(",", ""))
    if _DECIMAL_DOT.fullmatch(s):
        return float(s)
    if _PLAIN.fullmatch(s):
        return float(s.replace(",", "."))
    raise ValueError(f"not a Vietnamese number: {s!r}")


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(s: str) -> Optional[int]:
    """'XIV' -> 14; None when ``s`` is not written in Roman numerals."""
    s = s.upper()
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total


def last_digit_unit(written: str) -> float:
    """One unit of the last digit written: '78,9%' -> 0.1, '3,15' -> 0.01, '100' -> 1 (a rounding tolerance)."""
    m = re.search(r"[.,](\d+)\s*%?$", written.strip().rstrip("%").strip())
    return 10.0 ** -len(m.group(1)) if m else 1.0


def scale(v: float, magnitude: float) -> float:
    """``v`` times a magnitude in decimal arithmetic: '8,2 tỷ' is 8200000000 exactly, not 8199999999.999999."""
    if magnitude == 1.0:
        return clean(v)  # (the decimal product of v's shortest repr and 1.0 is v's repr: float() gives v back)
    from decimal import Decimal

    return clean(float(Decimal(repr(v)) * Decimal(repr(magnitude))))


def clean(x: float) -> float:
    """Round away binary noise from scaling (2.4 * 1e15)."""
    if not math.isfinite(x):
        return x
    r = round(x, 6)
    return float(int(r)) if abs(r) < 1e18 and r == int(r) else r


@dataclass
class Mention:
    """A quantity expression found in the text (offsets into the folded text)."""

    start: int
    end: int
    value: float
    value_max: Optional[float]
    unit: Optional[str]
    unit_text: Optional[str]
    per: Optional[str]
    comparator: str
    kind: str                  # "quantity" | "fraction" (count/whole) | "pair" (achieved/planned)
    base: Optional[float] = None
    num_start: int = 0         # where the first number starts (after comparator words)
    num_end: int = 0
    plan: Optional[float] = None  # kind "pair": the planned value of "achieved/planned"

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"


def _leading_boundary(pat: str, flags: str) -> str:
    """``\\b`` when the pattern is ``\\b`` followed by the rest in sequence (no top-level ``|``), else ""."""
    if "x" in flags or not pat.startswith(r"\b"):
        return ""
    from re import _constants as c, _parser

    try:
        parsed = _parser.parse(pat)
    except re.error:
        return ""
    first = list(parsed)[:1]
    return r"\b" if first == [(c.AT, c.AT_BOUNDARY)] else ""


def _hoist(branches: list[tuple[str, str]]) -> str:
    """An alternation of ``branches`` ((leading ``\\b`` or "", rest)) with the ``\\b`` shared by consecutive
    branches written once in front of them: ``\\bA|\\bB|C`` as ``\\b(?:A|B)|C`` (the same matches, in the
    same order of preference; inside a word the engine then rejects the group once, not each branch)."""
    out: list[str] = []
    k = 0
    while k < len(branches):
        lead, body = branches[k]
        if not lead:
            out.append(body)
            k += 1
            continue
        j = k
        while j < len(branches) and branches[j][0] == lead:
            j += 1
        group = [b for _, b in branches[k:j]]
        out.append(lead + (group[0] if len(group) == 1 else "(?:" + "|".join(group) + ")"))
        k = j
    return "|".join(out)


# ------------------------------------------------------------------ not-quantity scan by first character

_CATEGORY_RX = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
                "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}


_LEAD_WORD = r"(?:(?<=\w)(?<!\w\w)|(?<!\w)(?<=\w[\s\S]))"  # \b before the character just consumed
_LEAD_NOT_AFTER_WORD = r"(?<!\w[\s\S])"  # no word character before the character just consumed


class _Unknown(Exception):
    """A construction the first-character analysis does not read: the plain scan is used."""


def _char_rx(op, av) -> tuple:
    """One parsed item that matches one character, written back as a pattern: (what it is inside a
    character class or None, the pattern)."""
    from re import _constants as c

    def lit(x: int) -> str:
        return re.escape(chr(x))

    if op is c.LITERAL:
        return lit(av), lit(av)
    if op is c.NOT_LITERAL:
        return None, "[^" + lit(av) + "]"
    if op is c.ANY:
        return None, "."
    if op is c.IN:
        parts, neg = [], ""
        for k, (o, a) in enumerate(av):
            if o is c.NEGATE and k == 0:
                neg = "^"
            elif o is c.LITERAL:
                parts.append(lit(a))
            elif o is c.RANGE:
                parts.append(lit(a[0]) + "-" + lit(a[1]))
            elif o is c.CATEGORY and str(a) in _CATEGORY_RX:
                parts.append(_CATEGORY_RX[str(a)])
            else:
                raise _Unknown(o)
        inside = "".join(parts)
        return (None if neg else inside), "[" + neg + inside + "]"
    raise _Unknown(op)


def _one_of(items: list) -> str:
    """One pattern for a character any of ``items`` ((flags, (class inside or None, pattern))) matches:
    one character class per set of flags where it can be (the regex engine tests a class at once)."""
    classes: dict[str, list] = {}
    alts = []
    for flags, (inside, rx) in items:
        fp = _flag_prefix(flags)
        if inside is not None:
            classes.setdefault(fp, []).append(inside)
        else:
            alts.append(f"(?{fp}:{rx})")
    for fp, parts in classes.items():
        alts.insert(0, f"(?{fp}:[" + "".join(dict.fromkeys(parts)) + "])")
    return "(?:" + "|".join(dict.fromkeys(alts)) + ")"


def _flag_prefix(flags: int) -> str:
    s = "".join(ch for ch, f in (("i", re.IGNORECASE), ("s", re.DOTALL), ("a", re.ASCII)) if flags & f)
    return s


def _first_chars(items, flags: int, out: list) -> bool:
    """Append to ``out`` (flags, pattern of one character) for every character that can be the first one
    a sequence of parsed items consumes; True when the sequence can match the empty string."""
    from re import _constants as c

    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero width
        if op in (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN):
            out.append((flags, _char_rx(op, av)))
            return False
        if op is c.SUBPATTERN:
            _, add, dele, p = av
            if not _first_chars(p, (flags | add) & ~dele, out):
                return False
        elif op is c.ATOMIC_GROUP:
            if not _first_chars(av, flags, out):
                return False
        elif op is c.BRANCH:
            nullable = False
            for alt in av[1]:
                nullable |= _first_chars(alt, flags, out)
            if not nullable:
                return False
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            lo, _, p = av
            if not _first_chars(p, flags, out) and lo > 0:
                return False
        else:
            raise _Unknown(op)
    return True


def _lead(items, flags: int) -> str:
    """What the text before a match must be, read from a sequence's first item when it is ``\\b`` or ``^``,
    as lookbehinds placed after the match's first character; "" when nothing is known."""
    from re import _constants as c

    while items and items[0][0] is c.SUBPATTERN:  # a group's first item is the sequence's first
        _, add, dele, p = items[0][1]
        flags = (flags | add) & ~dele
        items = list(p)
    if not items:
        return ""
    if items[0][0] is c.ASSERT_NOT and not flags & (re.ASCII | re.LOCALE):
        # a lookbehind on one character that is no word character ("(?<![\w/])"): no word character
        # before the match
        back, p = items[0][1]
        p = list(p)
        if (back == -1 and len(p) == 1 and p[0][0] is c.IN and p[0][1][:1] != [(c.NEGATE, None)]
                and (c.CATEGORY, c.CATEGORY_WORD) in p[0][1]):
            return _LEAD_NOT_AFTER_WORD
        return ""
    if items[0][0] is not c.AT:
        return ""
    at = items[0][1]
    if at is c.AT_BOUNDARY and not flags & (re.ASCII | re.LOCALE):
        # a word boundary before the first character: a word character after no word character, or
        # no word character after one
        return _LEAD_WORD
    if at is c.AT_BEGINNING and flags & re.MULTILINE:
        return r"(?<![^\n][\s\S])"
    if at in (c.AT_BEGINNING, c.AT_BEGINNING_STRING):
        return r"(?<![\s\S][\s\S])"
    return ""


_ONE_CHAR: dict = {}


def _char_ok(flags: int, one: str, ch: str) -> bool:
    """Whether the pattern of one character ``one``, under ``flags``, matches ``ch``."""
    key = (flags, one)
    rx = _ONE_CHAR.get(key)
    if rx is None:
        fp = _flag_prefix(flags)
        rx = _ONE_CHAR[key] = re.compile(f"(?{fp}:{one})" if fp else one)
    return rx.match(ch) is not None


def _nullable(items, flags: int) -> bool:
    try:
        return _first_chars(items, flags, [])
    except _Unknown:
        return True


def _prune(seq, ch: str, flags: int):
    """``seq`` (a parsed sequence) without the alternatives that cannot match a first character ``ch``,
    where its first character is read (the sequence's alternations and groups); None when ``seq``
    cannot start with ``ch``. At a position where the text has ``ch`` the result matches what
    ``seq`` matches (an alternative left out would have failed there; the others keep their order)."""
    from re import _constants as c, _parser

    items = list(seq)
    out: list = []
    try:
        if not _first_chars(items, flags, out) and not any(_char_ok(f, one, ch) for f, (_, one) in out):
            return None
    except _Unknown:
        return seq
    for k, (op, av) in enumerate(items):
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if op is c.SUBPATTERN:
            g, add, dele, p = av
            f2 = (flags | add) & ~dele
            if _nullable(list(p), f2):
                return seq
            p2 = _prune(p, ch, f2)
            if p2 is None:
                return None
            return _parser.SubPattern(seq.state, items[:k] + [(op, (g, add, dele, p2))] + items[k + 1:])
        if op is c.BRANCH:
            alts = [r for r in (_prune(alt, ch, flags) for alt in av[1]) if r is not None]
            if not alts:
                return None
            return _parser.SubPattern(seq.state, items[:k] + [(op, (av[0], alts))] + items[k + 1:])
        return seq  # a repetition (its body is matched again further on) or another construction: kept
    return seq


class FirstCharScan:
    """The matches of ``finditer`` of an alternation of named branches, found by trying at each position
    only the branches that can start with the character there: a scan (one character consumed, then
    what a branch's leading ``\\b``, ``^`` or lookbehind refusing word characters says of the character
    before) proposes where some branch can start, and the alternation of those branches, in their
    order, is matched there. The same matches, spans and ``lastgroup`` as ``finditer`` of the whole
    alternation (the regex engine tries every branch at every position, and a branch that cannot
    start with a character never matches there). ``pattern``: the alternation (its top-level
    alternatives are the branches); the alternation matched at a position is ``pattern`` without the
    alternatives that cannot start with the character there (:func:`_prune`)."""

    def __init__(self, pattern: str):
        from re import _constants as c, _parser

        self._root = _parser.parse(pattern)
        top = list(self._root)
        branches = top[0][1][1] if len(top) == 1 and top[0][0] is c.BRANCH else [self._root]
        self._flags = self._root.state.flags & ~re.UNICODE
        firsts, leads = [], []
        for br in branches:
            out: list = []
            if _first_chars(list(br), self._flags, out):
                raise _Unknown("a branch that can match the empty string")
            firsts.append(out)
            leads.append(_lead(list(br), self._flags))
        by_lead: dict[str, list] = {}
        for out, lead in zip(firsts, leads):
            by_lead.setdefault(lead, []).extend(out)
        F = {lead: _one_of(items) for lead, items in by_lead.items()}
        # one scan that consumes one character that is no word character or can start a branch that has
        # no leading \b: group "o" proposes that character's position (a branch can start there: its
        # first character and what its lead says of the character before); "w1"/"w2" the next position,
        # a word start (after no word character) with a character that can start a \b branch (the
        # regex engine skips to such characters at C speed, and inside words there are none)
        # a lead that says the character before is no word character when the first is one (\b, or a
        # lookbehind that refuses word characters): such a start is proposed after a non-word character
        words = (_LEAD_WORD, _LEAD_NOT_AFTER_WORD)
        o_alts = []
        for lead, f in F.items():
            if lead == _LEAD_WORD:
                o_alts.append(rf"(?<=\W)(?<={f})(?<=\w[\s\S])")  # \b before a character that is no word character
            elif lead == _LEAD_NOT_AFTER_WORD:
                o_alts.append(rf"(?<=\W)(?<={f})" + lead)
            else:
                o_alts.append(f"(?<={f})" + lead)
        prefix = _one_of([(0, (r"\W", r"\W"))] + [x for lead, items in by_lead.items() if lead not in words for x in items])
        o = "(?P<o>)(?:" + "|".join(o_alts) + ")"
        word_items = [x for lead in words for x in by_lead.get(lead, [])]
        if word_items:
            w = rf"(?<=\W)(?={_one_of(word_items)}(?<=\w))"
            pat = f"{prefix}(?:{o}(?:(?P<w1>){w})?|(?P<w2>){w})"
        else:
            pat = prefix + o
        self.propose = re.compile(pat)
        self._by_char: dict[str, "re.Pattern | None"] = {}
        self._by_tree: dict[str, "re.Pattern"] = {}

    def _for_char(self, ch: str) -> "re.Pattern | None":
        """The whole pattern without the alternatives that cannot start with ``ch`` (see _prune)."""
        from re import _compiler

        tree = _prune(self._root, ch, self._flags)
        rx = None
        if tree is not None:
            key = repr(tree)
            rx = self._by_tree.get(key)
            if rx is None:
                rx = self._by_tree[key] = _compiler.compile(tree, 0)
        self._by_char[ch] = rx
        return rx

    def proposals(self, text: str, pos: int, endpos: int) -> list[int]:
        """Positions in [pos, endpos) where some branch can start, ascending (a superset)."""
        out = [0] if pos == 0 and endpos > 0 else []
        add = out.append
        # groups: "o" alone (lastindex 1), "o" and "w1" (2), "w2" alone (3)
        for c in self.propose.finditer(text, pos - 1 if pos else 0, endpos):
            li = c.lastindex
            if li != 3:
                add(c.start())
            if li != 1:
                add(c.start() + 1)
        return out

    def finditer(self, text: str, pos: int, endpos: int):
        after, last, by_char = pos, -1, self._by_char
        for p in self.proposals(text, pos, endpos):
            if p < after or p <= last:
                continue  # inside the last match, before pos, or proposed twice
            last = p
            ch = text[p]
            rx = by_char[ch] if ch in by_char else self._for_char(ch)
            if rx is None:
                continue
            m = rx.match(text, p, endpos)
            if m is not None:
                after = m.end()
                yield m


def _grouped_alternation(words) -> str:
    """:func:`alternation` (longest first, a space matching any run of whitespace) for a case-insensitive
    pattern, with the phrases grouped by their first character (as ``re.I`` takes it): only phrases
    whose first characters are the same under ``re.I`` can match at one position, and within a group
    they keep their order, so the same phrases are tried in the same order (backtracking included);
    the engine rejects a group at once instead of each phrase."""
    groups: dict[str, list[str]] = {}
    heads: dict[str, str] = {}
    for w in sorted(set(words), key=len, reverse=True):
        if not w:
            return alternation(words)
        key = ignorecase_fold(w[0])
        heads.setdefault(key, r"\s+" if w[0] == " " else re.escape(w[0]))
        groups.setdefault(key, []).append(re.escape(w[1:]).replace(r"\ ", r"\s+"))
    out = []
    for key, rests in groups.items():
        if heads[key] == r"\s+":
            return alternation(words)  # (a phrase that starts with a space: its run of spaces is no one character)
        out.append(heads[key] + ("(?:" + "|".join(rests) + ")" if rests != [""] else ""))
    return "(?:" + "|".join(out) + ")"


class QuantityFinder:
    def __init__(self, rules: Rules):
        q = rules["quantities"]
        self.magnitudes = {k.lower(): float(v) for k, v in q["magnitudes"].items()}
        self.units = {k.lower(): v for k, v in q["units"].items()}
        self.per = {k.lower(): v for k, v in q["per"].items()}
        self.cmp_before = {k.lower(): v for k, v in q["comparators_before"].items()}
        self.cmp_after = {k.lower(): v for k, v in q["comparators_after"].items()}
        mag = _grouped_alternation(self.magnitudes)
        unit = _grouped_alternation(self.units)
        per = _grouped_alternation(self.per)
        end = r"(?![^\W_])"
        # a magnitude word is none in "tỷ lệ" (rate: "dưới 50% tỷ lệ phiếu"), nor in the per-unit "1 vạn dân" ("trên
        # 1 vạn dân"; "10 vạn dân" is a population), nor "Vạn" in capitals (a place: "thôn 3 Vạn Long"), and none after
        # a percent sign
        mag_end = (end + r"(?![ \t]+lệ(?![^\W_]))(?!(?:(?<=[^\d.,]1[ \t]vạn)|(?<=[^\d.,]01[ \t]vạn))[ \t]+dân(?![^\W_]))"
                   r"(?<!(?-i:V)ạn)")
        n1 = digit_first(r"(?<![\w.%/-]\d)(?<!\d,\d)")  # not inside a number, a word or a code
        self.rx = re.compile(
            rf"(?P<n1>{n1})(?P<pct1>\s?%)?(?(pct1)|(?:\s+(?P<mag1>{mag}){mag_end})?)"
            rf"(?:\s*(?P<dash>[-–—]|đến|tới)\s*(?P<n2>{NUMBER})(?![\d/])(?(pct1)|(?:\s+(?P<mag2>{mag}){mag_end})?))?"
            rf"(?(pct1)(?:\s?(?P<pct2>%))?|(?:\s*(?P<unit>{unit}){end})?)"
            rf"(?:\s*(?:(?:sàn\s*)?/|trên|mỗi|một)\s*(?P<per>{per}){end})?"
            rf"(?:\s+(?P<after>{_grouped_alternation(self.cmp_after)}){end})?",
            re.IGNORECASE,
        )
        self.measures = set(q.get("measures", []))
        # "41.250/36.000 tỷ đồng", "78,5%/60%", "25/20 xã" (more than planned): achieved over planned
        first = r"(?<![\w.,/]\d)"
        # a count and its whole may group thousands ("1.025/1.120 đảng viên", "(2.046/2.096)")
        grouped = r"(?:\d{0,2}(?:\.\d{3})+(?![\d.,])|\d*)"
        pair_a, frac_a = digit_first(first), digit_first(first, grouped)
        self.pair = re.compile(rf"(?P<a>{pair_a})(?P<pa>\s?%)?\s*/\s*(?P<b>{NUMBER})(?![\d/])(?P<pb>\s?%)?"
                               rf"(?:\s+(?P<mag>{mag}){end})?(?:\s*(?P<unit>{unit}){end})?", re.IGNORECASE)
        self.frac = re.compile(rf"(?P<a>{frac_a})/(?P<b>\d{grouped})(?![\d/])(?:\s*(?P<unit>{unit}){end})?", re.IGNORECASE)
        self.before = re.compile(rf"(?:^|(?<=[\s(]))(?P<cmp>{alternation(self.cmp_before)})\s*$", re.IGNORECASE)
        self._after_rx = re.compile(rf"\b(?:{alternation(self.cmp_after)})\b", re.IGNORECASE)
        # one pass: all patterns as one alternation (inline flags scoped to their own branch)
        branches, self.not_q_why = [], {}
        for i, x in enumerate(q["not_quantities"]):
            pat, flags = x["pattern"], ""
            m = re.match(r"\(\?([aimsux]+)\)", pat)
            if m:
                pat, flags = pat[m.end():], m.group(1)
            lead = _leading_boundary(pat, flags)
            if lead:
                pat = pat[len(lead):]
            body = f"(?{flags}:{pat})" if flags else f"(?:{pat})"
            branches.append((lead, f"(?P<q{i}>{body})"))
            self.not_q_why[f"q{i}"] = x["why"]
        self.not_q_all = re.compile(_hoist(branches))
        try:
            self.not_q_scan = FirstCharScan(self.not_q_all.pattern)
        except (_Unknown, re.error):
            self.not_q_scan = None

    def excluded(self, text: str) -> list[tuple[int, int, str]]:
        """Spans that look numeric but are not quantities (dates, document numbers, ordinals, grades, years).

        Only digits can start a quantity, so the patterns run in windows around digit runs
        (``finditer(text, pos, endpos)`` keeps the context before ``pos`` for lookbehinds): 40
        characters before a run and 30 after, where the bulk corpus's matches reach at most 20
        and 13 (a third of it measured); windows merge only where they overlap (merging those
        up to 200 characters apart, to save calls, scanned 40% more text for the same spans)."""
        windows: list[list[int]] = []
        for d in _DIGITS.finditer(text):
            a, b = max(0, d.start() - 40), min(len(text), d.end() + 30)
            if windows and a <= windows[-1][1]:  # overlapping windows merge
                windows[-1][1] = b
            else:
                windows.append([a, b])
        out = []
        scan = self.not_q_scan or self.not_q_all
        for a, b in windows:
            for m in scan.finditer(text, a, b):
                out.append((m.start(), m.end(), self.not_q_why[m.lastgroup]))
        out.sort()
        return out

    def find(self, text: str) -> list[Mention]:
        excl = self.excluded(text)
        blocked = bytearray(len(text) + 1)
        for a, b, _ in excl:
            blocked[a:b] = b"\x01" * (b - a)
        found: list[Mention] = []
        taken = bytearray(len(text) + 1)
        for m in self.pair.finditer(text):
            if blocked[m.start()] or not (m.group("mag") or m.group("unit") or (m.group("pa") and m.group("pb"))):
                continue
            try:
                va, vb = parse_number(m.group("a")), parse_number(m.group("b"))
            except ValueError:
                continue
            unit = "%" if m.group("pa") and m.group("pb") else self.units.get(_key(m.group("unit") or ""))
            mag = self.magnitudes.get(_key(m.group("mag") or ""), 1.0)
            if not (unit == "%" or mag != 1.0 or unit in self.measures or (unit is not None and va > vb and va == int(va))):
                continue  # "415/418 đại biểu": a count and its whole, not a pair
            found.append(Mention(m.start(), m.end(), scale(va, mag), None, unit, m.group("unit") or ("%" if unit == "%" else None),
                                 None, "=", "pair", num_start=m.start(), num_end=m.end("a"), plan=scale(vb, mag)))
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
        for m in self.frac.finditer(text):
            if taken[m.start()]:
                continue
            if blocked[m.start()]:
                continue
            a, b = int(m.group("a").replace(".", "")), int(m.group("b").replace(".", ""))
            if a > b or b == 0:
                continue
            unit = self.units.get(_key(m.group("unit") or ""))
            found.append(Mention(m.start(), m.end(), float(a), None, unit, m.group("unit"), None, "=", "fraction",
                                 base=float(b), num_start=m.start(), num_end=m.end("a")))
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
        for m in self.rx.finditer(text):
            s = m.start()
            if blocked[s] or taken[s]:
                continue
            n1, n2 = m.group("n1"), m.group("n2")
            if n2 is not None and blocked[m.start("n2")]:
                continue  # "2025 - 2030": a period
            try:
                v1 = parse_number(n1)
                v2 = parse_number(n2) if n2 else None
            except ValueError:
                continue
            unit_text = m.group("unit")
            pct = m.group("pct1") or m.group("pct2")
            unit = self.units.get(_key(unit_text)) if unit_text else ("%" if pct else None)
            if pct and unit is None:
                unit, unit_text = "%", "%"
            mag1 = self.magnitudes.get(_key(m.group("mag1") or ""), 1.0)
            mag2 = self.magnitudes.get(_key(m.group("mag2") or ""), 1.0) if n2 else 1.0
            if n2 and m.group("mag2") and not m.group("mag1") and not (v2 is not None and v2 < v1 < v2 * mag2):
                # "4-5 tỷ USD", "1.500 - 2.000 tỷ đồng": the magnitude applies to both ends; not to a
                # first end written in full below the second ("800.000 - 1 triệu đồng")
                mag1 = mag2
            # a bare year (1900-2100) with no unit is a time, not a quantity
            if unit is None and not m.group("mag1") and _YEAR.fullmatch(n1) and not n2:
                continue
            value = scale(v1, mag1)
            value_max = scale(v2, mag2) if v2 is not None else None
            chain = _CHAIN_AFTER.match(text[m.end():m.end() + 4]) or _CHAIN_BEFORE.search(text[max(0, s - 6):s])
            if n2 is not None and (chain or (m.group("pct1") and not m.group("pct2"))):
                # "50%-30%-15%" (a list of rates) or "50% - 03 suất" (a percentage then a count): not a range
                found.append(Mention(s, m.end("pct1") if m.group("pct1") else m.end("n1"), value, None,
                                     "%" if m.group("pct1") else None, "%" if m.group("pct1") else None, None, "=", "quantity",
                                     num_start=s, num_end=m.end("n1")))
                continue
            if value_max is not None and value_max < value and (unit != "%" or value > 100 or ("," not in n1 and "," in n2)):
                # "472 - 97,00%" is a count then a percentage, not a range: two mentions
                found.append(Mention(s, m.end("n1"), value, None, None, None, None, "=", "quantity", num_start=s, num_end=m.end("n1")))
                n2s = m.start("n2")
                found.append(Mention(n2s, m.end(), scale(v2, mag2), None, unit, unit_text or (pct.strip() if pct else None),
                                     self.per.get(_key(m.group("per") or "")) if m.group("per") else None,
                                     self.cmp_after[_key(m.group("after"))] if m.group("after") else "=", "quantity",
                                     num_start=n2s, num_end=m.end("n2")))
                continue
            comparator = "="
            start = s
            bm = self.before.search(text, max(0, s - 24), s)
            if bm:
                word = _key(bm.group("cmp"))
                start = bm.start("cmp")
                comparator = self.cmp_before[word]
                if word == "trên" and n1 in ("1", "01") and not n2 and not m.group("mag1"):
                    comparator = "="  # "230 triệu đồng ... trên 01 ha": per one unit, not "more than"
                if word == "từ":
                    # "từ 3% tổng số đảng viên trở lên" is ">="; "từ 200 - 220" is a plain range
                    clause = _CLAUSE.match(text, m.end()).group(0)
                    comparator = ">=" if self._after_rx.search(clause) else "="
            if m.group("after"):
                comparator = self.cmp_after[_key(m.group("after"))]
            end = m.end()
            if n2 is None and m.group("dash"):
                end = m.start("dash")
            per = self.per.get(_key(m.group("per") or "")) if m.group("per") else None
            found.append(Mention(start, end, value, value_max, unit, unit_text or (pct.strip() if pct else None), per,
                                 comparator, "quantity", num_start=s, num_end=m.end("n1")))
        found.sort(key=lambda x: x.start)
        return found


def finder(rules: Rules) -> QuantityFinder:
    return rules.compiled("quantities", QuantityFinder)
