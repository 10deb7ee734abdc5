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
