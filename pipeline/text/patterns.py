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
