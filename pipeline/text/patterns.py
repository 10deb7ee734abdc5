"""Building regular expressions from lexicon data."""
from __future__ import annotations

import re
from typing import Iterable


def alternation(words: Iterable[str], flexible_space: bool | str = True) -> str:
    """A regex alternation of literal phrases, longest first (so the longest wording wins).

    With ``flexible_space`` a space in a phrase matches any run of whitespace, so that phrases
    still match across the line breaks of hard-wrapped documents; a string gives the pattern a
    space matches instead (``r"[ \t]+"``: within a line)."""
    space = flexible_space if isinstance(flexible_space, str) else r"\s+"
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        e = re.escape(w)
        out.append(e.replace(r"\ ", space) if flexible_space else e)
    return "|".join(out)


def word_start_alternation(words: Iterable[str], flexible_space: bool = True) -> str:
    """``(?<![^\\W\\d_])(?:`` + :func:`alternation` + ``)``, the same matches, written so that the
    regex engine can skip ahead at C speed to a character that can start a match: the phrases are
    grouped by their first character (longest first within each group, as in ``alternation``;
    only phrases with the same first character can match at one position), and the "not inside a
    word" test comes after that character. For case-sensitive patterns (a case-insensitive engine
    cannot skip on cased characters)."""
    groups: dict[str, list[str]] = {}
    for w in sorted(set(words), key=len, reverse=True):
        if not w:
            continue
        rest = re.escape(w[1:])
        groups.setdefault(w[0], []).append(rest.replace(r"\ ", r"\s+") if flexible_space else rest)
    branches = []
    for first, rests in groups.items():
        lead = re.escape(first) if first != " " else (r"\s+" if flexible_space else r"\ ")
        # the lookbehind sees the character before the phrase and the phrase's first character
        branches.append(lead + r"(?<![^\W\d_][\s\S])" + ("(?:" + "|".join(rests) + ")" if rests != [""] else ""))
    return "(?:" + "|".join(branches) + ")"


_LETTER = re.compile(r"[^\W\d_]")


def upper_letters(lo: int, hi: int) -> str:
    """The upper-case letters (``str.isupper`` and a word letter) with code points in [lo, hi),
    escaped for a character class: ``"[" + upper_letters(0x41, 0x1F00) + "]"``."""
    return "".join(re.escape(chr(c)) for c in range(lo, hi) if chr(c).isupper() and _LETTER.fullmatch(chr(c)))


# the lower-case letters of Vietnamese (ASCII and the precomposed Vietnamese ones), for a character class;
# a range such as à-ỹ would also hold capitals
VI_LOWER = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"


def finditer(rx: "re.Pattern", text: str, pos: int = 0, endpos: "int | None" = None):
    """The matches of ``rx.finditer(text, pos, endpos)``, in linear time for patterns that start at a
    line start with a repeated character class: ``(?m)^[|*\\s]*...``. Plain ``finditer`` tries such a
    pattern at every line start of a run of blank lines, and each attempt crosses the rest of the run
    (quadratic: 200,000 blank lines take minutes). Here an attempt at a line start that the class
    reaches from the previous failed attempt is not made: it could only succeed if that one had
    (its repetition can end anywhere the later one's can). Other patterns: ``rx.finditer``."""
    endpos = len(text) if endpos is None else min(endpos, len(text))
    run = _line_run_class(rx)
    if run is None:
        yield from rx.finditer(text, pos, endpos)
        return
    p = pos if pos == 0 or text[pos - 1] == "\n" else text.find("\n", pos, endpos) + 1
    while 0 < p <= endpos or (p == 0 and pos == 0):
        m = rx.match(text, p, endpos)
        if m is not None:
            yield m
            nxt = m.end()  # the next attempt: the first line start at or after the match's end
            p = nxt if text[nxt - 1] == "\n" else text.find("\n", nxt, endpos) + 1
        else:
            r = run.match(text, p, endpos).end()  # where the class's run from p ends
            p = text.find("\n", r, endpos) + 1 if r < endpos else 0
        if p == 0:
            return


_RUN_CACHE: dict = {}


def _line_run_class(rx: "re.Pattern") -> "re.Pattern | None":
    """For ``(?m)^C*REST`` (C one character class, REST never empty): a pattern for ``C*``; else None."""
    key = (rx.pattern, rx.flags)
    if key in _RUN_CACHE:
        return _RUN_CACHE[key]
    out = None
    try:
        from re import _compiler, _constants as c, _parser

        parsed = _parser.parse(rx.pattern, rx.flags)
        items = list(parsed)
        flags = parsed.state.flags
        if (flags & re.MULTILINE and len(items) >= 3 and items[0] == (c.AT, c.AT_BEGINNING)
                and items[1][0] in (c.MAX_REPEAT, c.MIN_REPEAT) and items[1][1][0] == 0
                and len(items[1][1][2]) == 1 and items[1][1][2][0][0] in (c.IN, c.LITERAL, c.NOT_LITERAL)
                and parsed.getwidth()[0] > 0):
            star = _parser.SubPattern(parsed.state, [(c.MAX_REPEAT, (0, c.MAXREPEAT, items[1][1][2]))])
            out = _compiler.compile(star, flags)
    except Exception:  # another Python's internals: plain finditer
        out = None
    _RUN_CACHE[key] = out
    return out


# ------------------------------------------------------------------ case-insensitive phrase scans

def _fold_extra() -> dict[int, str]:
    """Characters that a case-insensitive pattern takes for each other beyond their lower case
    ("ſ" for "s", "ı" for "i", "ς" for "σ", ...), each to one representative of its class."""
    try:
        from re import _casefix
        extra = _casefix._EXTRA_CASES
    except Exception:  # another Python's internals: no extra cases known
        return {}
    out = {}
    for lo, others in extra.items():
        cls = {lo, *others}
        # a character that is no word character where the class has one ("\u0345" for the iotas):
        # a phrase scan's "not inside a word" then holds on the folded text wherever it holds on the text
        rep = chr(min(cls, key=lambda c: (re.match(r"\w", chr(c)) is not None, c)))
        for c in cls:
            if chr(c) != rep:
                out[c] = rep
    return out


_FOLD_EXTRA = _fold_extra()
_FOLD_EXTRA_RX = re.compile("[" + re.escape("".join(map(chr, _FOLD_EXTRA))) + "]") if _FOLD_EXTRA else None


def ignorecase_fold(s: str) -> str:
    """``s`` with each character replaced by one representative of the characters a case-insensitive
    pattern (``re.I``) takes for it, one character for one: same length, same offsets. A phrase
    folded so matches the folded text case-sensitively where it matches the text with ``re.I``."""
    low = s.lower()
    if len(low) != len(s):  # "İ": a full lower case of two characters; the regex engine's is one
        import _sre

        low = "".join(chr(_sre.unicode_tolower(ord(c))) for c in s)
    if _FOLD_EXTRA_RX is not None and _FOLD_EXTRA_RX.search(low):
        low = low.translate(_FOLD_EXTRA)
    return low


class PhraseScan:
    """The matches of a case-insensitive pattern of literal phrases (``re.I``; every match starts at a
    word start, ``(?<!\\w)``, with a phrase), found without trying the pattern at every position: a
    case-sensitive scan of the folded text (:func:`ignorecase_fold`), grouped by first character so
    the regex engine skips ahead at C speed, proposes where a phrase starts; the pattern itself is
    then matched there. ``finditer`` gives exactly what ``rx.finditer`` gives.

    ``groups``: the phrases of each alternative of ``rx``, with whether that alternative requires no
    word character after the phrase (``(?!\\w)``)."""

    def __init__(self, rx: "re.Pattern", groups: list[tuple[list[str], bool]]):
        self.rx = rx
        firsts: dict[str, list[str]] = {}
        for words, word_end in groups:
            for w in sorted(set(words), key=len, reverse=True):
                f = ignorecase_fold(w)
                if not f:
                    continue
                rest = re.escape(f[1:]).replace(r"\ ", r"\s+") + (r"(?!\w)" if word_end else "")
                firsts.setdefault(f[0], []).append(rest)
        # one character consumed per proposal (the rest is a lookahead): a proposal never hides the
        # start of another
        self.propose = re.compile("|".join(
            (r"\s" if first == " " else re.escape(first)) + r"(?<!\w[\s\S])(?=" + "|".join(rests) + ")"
            for first, rests in firsts.items()))
        self._text: "str | None" = None
        self._fold = ""

    def folded(self, text: str) -> str:
        if text is not self._text:
            self._text, self._fold = text, ignorecase_fold(text)
        return self._fold

    def finditer(self, text: str, pos: int = 0, endpos: "int | None" = None):
        endpos = len(text) if endpos is None else endpos
        proposals = (c.start() for c in self.propose.finditer(self.folded(text), pos, endpos))
        return matches_at(self.rx, text, proposals, endpos)


def matches_at(rx: "re.Pattern", text: str, proposals, endpos: int):
    """The matches of ``rx.finditer(text, pos, endpos)`` when ``proposals`` (ascending positions, at or
    after ``pos``) hold every position where ``rx`` can match: ``rx`` matched at each proposal not
    inside the previous match (``rx`` never matches the empty string)."""
    after = -1
    for p in proposals:
        if p < after:
            continue
        m = rx.match(text, p, endpos)
        if m is not None:
            after = m.end()
            yield m
