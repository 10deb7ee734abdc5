"""Building regular expressions from lexicon data."""
from __future__ import annotations

import re
from typing import Iterable


def alternation(words: Iterable[str], flexible_space: bool = True) -> str:
    """A regex alternation of literal phrases, longest first (so the longest wording wins).

    With ``flexible_space`` a space in a phrase matches any run of whitespace, so that phrases
    still match across the line breaks of hard-wrapped documents."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        e = re.escape(w)
        out.append(e.replace(r"\ ", r"\s+") if flexible_space else e)
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
