"""Stage 2, normalise: NFC, Unicode spaces, tone placement, page furniture.

Produces a :class:`NormText` with three views of the text:

* ``original``: the decoded input, untouched; every reported offset points here.
* ``norm``: NFC, Unicode spaces mapped to U+0020, CR handled. Same length as
  ``original`` except where NFC composed characters; ``to_orig`` maps back.
* ``fold``: ``norm`` with old-style tone placement folded to one convention
  ("uỷ" -> "ủy", "hoà" -> "hòa") and page furniture blanked out with spaces.
  Same length as ``norm``: extractors match on ``fold`` and report ``norm`` offsets.
"""
from __future__ import annotations

import bisect
import html
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..rules import Rules
from .patterns import ignorecase_fold

# Spaces other than U+0020 that appear mid-sentence in scraped and office texts.
_SPACE_CHARS = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\u200b\u2060\ufeff\u00ad"
_SPACE_TABLE = {ord(c): " " for c in _SPACE_CHARS}
_SPACE_TABLE.update({0x2028: "\n", 0x2029: "\n", 0x0B: "\n", 0x0C: "\n", ord("\t"): " "})

# Old-style tone placement on the second vowel of an open "oa", "oe", "uy"
# syllable ("hoà", "khoẻ", "thuỷ") -> tone on the first vowel ("hòa", "khỏe", "thủy").
_TONES = {"\u0300": "grave", "\u0301": "acute", "\u0309": "hook", "\u0303": "tilde", "\u0323": "dot"}


def _with_tone(base: str, mark: str) -> str:
    return unicodedata.normalize("NFC", base + mark)


def _build_fold_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for mark in _TONES:
            for up1, up2 in ((False, False), (True, False), (True, True)):
                f = first.upper() if up1 else first
                s = second.upper() if up2 else second
                old = f + _with_tone(s, mark)
                new = _with_tone(f, mark) + s
                table[old] = new
    return table


_FOLD_TABLE = _build_fold_table()
_LETTER = r"[^\W\d_]"


def _class(firsts: str, second: str) -> str:
    marked = "".join(_with_tone(c, m) for c in (second, second.upper()) for m in _TONES)
    return f"[{firsts}][{marked}]"


# The syllable must be open (no letter after) and, for "uy", not the "qu" onset ("quý" is the same in both conventions).
# Written to start with a character class (the engine then skips to the next o/u at C speed): the first vowel,
# then "not after q" (the lookbehind sees that q and the vowel), then the marked second vowel of its pair.
_FOLD_RE = re.compile(
    r"[oOuU](?<![qQ][oOuU])(?:(?<=[oO])" + _class("", "a")[2:] + "|(?<=[oO])" + _class("", "e")[2:]
    + "|(?<=[uU])" + _class("", "y")[2:] + r")(?!" + _LETTER + r")"
)


def fold_tones(text: str) -> str:
    """Fold tone placement to one convention; the result has the same length."""
    return _FOLD_RE.sub(lambda m: _FOLD_TABLE.get(m.group(0), m.group(0)), text)


def fold_key(text: str) -> str:
    """Matching key for lexicon entries: NFC, folded tones, lower case, single spaces."""
    # names, titles and words are looked up again and again: short keys are remembered
    return _fold_key_short(text) if len(text) <= 256 else _fold_key(text)


def _fold_key(text: str) -> str:
    t = unicodedata.normalize("NFC", text).translate(_SPACE_TABLE)
    return " ".join(fold_tones(t).lower().split())


_fold_key_short = lru_cache(maxsize=1 << 16)(_fold_key)


@dataclass
class NormText:
    original: str
    norm: str
    fold: str
    # norm index -> original index; None when the mapping is the identity
    _starts: list[int] | None = None
    furniture: list[tuple[int, int]] = field(default_factory=list)
    wrapped: bool = False  # hard-wrapped: line breaks inside paragraphs (office documents copied from PDF/HTML)

    @cached_property
    def blank_lines(self) -> bool:
        """Whether the text has a blank line ("\n\n"; a line of spaces between two lines is none),
        read once per document: a text of blank-line paragraphs or of one paragraph a line."""
        return "\n\n" in self.fold

    @property
    def body_end(self) -> int:
        """Where the document ends: the start of page furniture at the end of the text, if any."""
        return next((a for a, b in self.furniture if b >= len(self.norm)), len(self.norm))

    def to_orig(self, i: int) -> int:
        if self._starts is None:
            return i
        return self._starts[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of ``norm`` to ``original``."""
        return self.to_orig(start), self.to_orig(end)

    def orig_text(self, start: int, end: int) -> str:
        a, b = self.span(start, end)
        return self.original[a:b]

    def from_orig(self, i: int) -> int:
        if self._starts is None:
            return i
        return bisect.bisect_left(self._starts, i)


def _nfc_with_map(text: str) -> tuple[str, list[int] | None]:
    if unicodedata.is_normalized("NFC", text):
        return text, None
    parts: list[str] = []
    starts: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = unicodedata.normalize("NFC", text[i:j])
        parts.append(cluster)
        for k in range(len(cluster)):
            starts.append(min(i + k, j - 1))
        i = j
    starts.append(n)
    return "".join(parts), starts


# HTML character references a scraped page left in its text ("Bộ NN&amp;PTNT", "&nbsp;", "&#193;"):
# read as the characters they stand for; a bare '&' stays
_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|apos|nbsp|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});")


def _entities_with_map(text: str, starts: list[int] | None) -> tuple[str, list[int] | None]:
    """``text`` with its character references decoded, and the map of each of its characters to the
    original (``starts`` is the map of ``text`` itself, None for the identity). A decoded character
    maps to its reference's '&', so a span over it covers the whole reference in the original."""
    if "&" not in text:
        return text, starts
    parts: list[str] = []
    out: list[int] = []
    pos = 0
    for m in _ENTITY.finditer(text):
        ch = html.unescape(m.group())
        if len(ch) != 1 or ch == "\x00" or unicodedata.category(ch) in ("Cs", "Cc") and ch not in "\n\t":
            continue  # (a reference to no single usable character is left as written)
        parts.append(text[pos:m.start()])
        out.extend(starts[pos:m.start()] if starts is not None else range(pos, m.start()))
        parts.append(ch)
        out.append(starts[m.start()] if starts is not None else m.start())
        pos = m.end()
    if not parts:
        return text, starts
    parts.append(text[pos:])
    out.extend(starts[pos:] if starts is not None else range(pos, len(text) + 1))
    decoded = "".join(parts)
    if not unicodedata.is_normalized("NFC", decoded):
        # a reference to a combining mark ("Nguye&#770;&#771;n"): composed again, the two maps composed
        decoded, again = _nfc_with_map(decoded)
        out = [out[k] for k in again]
    return decoded, out


def decode_references(s: str) -> str:
    """``s`` with the character references the normaliser reads (``_ENTITY``) decoded, NFC: the same
    reading as the pipeline's, for a matcher that compares extracted text with gold."""
    return _entities_with_map(s, None)[0] if "&" in s else s


_SPACE_RX = re.compile("[" + re.escape("".join(sorted(chr(c) for c in _SPACE_TABLE))) + "]")


def _clean_spaces(text: str) -> str:
    # str.translate with a dict costs a lookup per character: replace only the characters present
    found = set(_SPACE_RX.findall(text))
    for c in sorted(found):
        text = text.replace(c, _SPACE_TABLE[ord(c)])
    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    return text


def _lead(chars: str) -> str:
    """``chars*`` at a line start without quadratic backtracking on long runs (a line of
    thousands of spaces): up to 20 tried one by one, a longer run taken whole."""
    if sys.version_info >= (3, 11):
        return rf"(?:{chars}{{0,20}}|(?>{chars}{{21,}}))"
    return rf"{chars}{{0,20}}"


def _not_mid_space(pattern: str) -> str:
    """A pattern that starts with ``\\s*`` matches from the start of a run of spaces if it matches
    inside it: do not try it again at every position of the run (quadratic on long runs)."""
    if re.match(r"\(\?:\\s\*|\\s\*", pattern):
        return r"(?<!\s)" + pattern
    return pattern


def _unescape(escaped: str) -> str:
    """The literal text of a pattern made by ``re.escape``."""
    return re.sub(r"\\(.)", r"\1", escaped, flags=re.DOTALL)


def _required_literal(rx: re.Pattern) -> re.Pattern | None:
    """A pattern for the longest literal (3+ characters) that every match of ``rx`` contains, with
    ``rx``'s case flags; None when there is none. When it does not occur, ``rx`` cannot match: a
    cheap test before a pattern that the engine cannot scan fast (a lookbehind or ``\\s*`` first,
    case-insensitive words)."""
    from re import _constants as c, _parser

    try:
        parsed = _parser.parse(rx.pattern, rx.flags)
    except re.error:
        return None
    runs: list[str] = []

    def walk(seq) -> None:
        run: list[str] = []
        for op, av in seq:
            if op is c.LITERAL:
                run.append(chr(av))
                continue
            runs.append("".join(run))
            run = []
            if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
                walk(av[2])   # at least once: its literals are required
            elif op is c.SUBPATTERN and not av[1] and not av[2]:
                walk(av[3])   # a group without flags of its own
            elif op is getattr(c, "ATOMIC_GROUP", None):
                walk(av)
        runs.append("".join(run))

    walk(list(parsed))
    best = max(runs, key=len, default="")
    if len(best) < 3:
        return None
    return re.compile(re.escape(best), parsed.state.flags & (re.IGNORECASE | re.ASCII))


class FurnitureFinder:
    def __init__(self, rules: Rules):
        cfg = rules["furniture"]
        self.tail = re.compile(
            r"^" + _lead(r"[ \t*#>•\-]") + r"(?:" + "|".join(f"(?:{p})" for p in cfg["tail_line_markers"]) + r")[ \t]*$",
            re.IGNORECASE | re.MULTILINE,
        )
        self.inline = [re.compile(_not_mid_space(p), re.IGNORECASE) for p in cfg.get("inline", [])]
        self.inline_needs = [_required_literal(rx) for rx in self.inline]
        # each required literal (re.escape'd in its pattern) as ignorecase_fold makes it
        self._needs_folded = {n.pattern: ignorecase_fold(_unescape(n.pattern)) for n in self.inline_needs if n is not None}
        hard = cfg.get("hard_tail_markers", [])
        hard_rest = _lead(r"[ \t*]") + r"(?:" + "|".join(f"(?:{p})" for p in hard) + r")[ \t*]*$"
        self.hard = re.compile(r"^" + hard_rest, re.IGNORECASE | re.MULTILINE) if hard else None
        # the same after a line break: the engine finds the line breaks at C speed (a pattern that
        # opens with "^" is tried at every position)
        self._hard_after_nl = re.compile(r"\n(?:" + hard_rest + ")", re.IGNORECASE | re.MULTILINE) if hard else None
        head = cfg.get("head_line_markers", [])
        self.head = re.compile(_lead(r"[ \t*#>•|\-]") + r"(?:" + "|".join(f"(?:{p})" for p in head) + r")[ \t*|]*$", re.IGNORECASE) if head else None
        self.back_lines = int(cfg.get("back_lines", 2))
        self.back_max = int(cfg.get("back_line_max_chars", 40))
        self.prose_min = int(cfg.get("prose_line_min_chars", 200))

    def _tail_lines(self, fold: str):
        """Lines that are a tail marker, one line at a time (a marker pattern such as ``\\W*...``
        must not run on over following lines: quadratic on a text of blank lines)."""
        start, n = 0, len(fold)
        while start <= n:
            end = fold.find("\n", start)
            if end < 0:
                end = n
            m = self.tail.match(fold, start, end)
            if m:
                yield m
            start = end + 1

    def _last_prose_line(self, fold: str) -> int:
        end = len(fold)
        while end > 0:
            start = fold.rfind("\n", 0, end) + 1
            line = fold[start:end]
            if len(line) >= self.prose_min and line.rstrip().endswith((".", "!", "?")):
                return start
            end = start - 1
        return -2

    def find(self, fold: str) -> list[tuple[int, int]]:
        spans = []
        folded = None
        for rx, needs in zip(self.inline, self.inline_needs):
            if needs is not None:
                if needs.flags & re.ASCII or not needs.flags & re.IGNORECASE:
                    present = needs.search(fold) is not None
                else:
                    # a case-insensitive literal is in the text where its ignorecase_fold is in the
                    # text's (one character for one): str's search, not the regex engine's slow
                    # case-insensitive one
                    if folded is None:
                        folded = ignorecase_fold(fold)
                    present = self._needs_folded[needs.pattern] in folded
                if not present:
                    continue  # the literal every match holds is absent
            spans.extend((m.start(), m.end()) for m in rx.finditer(fold) if m.end() > m.start())
        spans.extend(self._head(fold))
        tail_start = self._tail(fold)
        if self.hard is not None:
            h = self._hard_search(fold)
            if h is not None and (tail_start is None or h < tail_start):
                tail_start = h
        if tail_start is not None:
            spans.append((tail_start, len(fold)))
        spans.sort()
        merged: list[tuple[int, int]] = []
        for a, b in spans:
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            else:
                merged.append((a, b))
        return merged

    def _hard_search(self, fold: str) -> int | None:
        """Where ``self.hard.search(fold)`` matches: at the text's start, else after the first line
        break where it matches (it matches only at line starts)."""
        if self.hard.match(fold) is not None:
            return 0
        h = self._hard_after_nl.search(fold)
        return h.start() + 1 if h is not None else None

    def _head(self, fold: str) -> list[tuple[int, int]]:
        """Page furniture at the head of a scraped page: lines before the first line of content
        (a long line, or one that ends a sentence) that match a head marker (hotline, dateline with
        GMT, breadcrumb, menu, 'Nội dung chính', an advertisement line); the page's own title line
        and other short lines are kept. One span per run of furniture lines."""
        if self.head is None:
            return []
        spans: list[tuple[int, int]] = []
        pos, n = 0, len(fold)
        for _ in range(40):
            if pos >= n:
                break
            end = fold.find("\n", pos)
            end = n if end < 0 else end
            line = fold[pos:end].strip()
            if line:
                if len(line) <= 200 and self.head.match(fold, pos, end):  # a line of furniture is short
                    if spans and not fold[spans[-1][1]:pos].strip():
                        spans[-1] = (spans[-1][0], end)
                    else:
                        spans.append((pos, end))
                elif len(line) >= 100 or line.endswith((".", "!", "?", ":")):
                    break  # content
            pos = end + 1
        return spans

    def _tail(self, fold: str) -> int | None:
        last_prose = -1  # start of the last prose line (long, ends a sentence): a marker before it is not the tail
        for m in self._tail_lines(fold):
            if last_prose == -1:
                last_prose = self._last_prose_line(fold)
            if last_prose > m.end():
                continue
            start = m.start()
            # Short unpunctuated lines just before the marker (a place name, a byline) go with it.
            for _ in range(self.back_lines):
                prev_end = fold.rfind("\n", 0, start)
                if prev_end <= 0:
                    break
                prev_start = fold.rfind("\n", 0, prev_end) + 1
                line = fold[prev_start:prev_end].strip()
                if not line or len(line) > self.back_max or line[-1] in ".:;!?,)\"”" or re.match(r"^\W*(?:[IVXLC]+|\d+|[a-zđ])[.)]", line):
                    break
                start = prev_start
            return start
        return None


_LINE_END_PUNCT = (".", ":", ";", "!", "?", "|", "*", "\"", "”", ")")


def is_hard_wrapped(text: str) -> bool:
    """True when most long lines that end without punctuation continue in lower case on the next line."""
    lines = text.split("\n")
    cand = low = 0
    for a, b in zip(lines, lines[1:]):
        if len(a) >= 40 and not a.rstrip().endswith(_LINE_END_PUNCT):
            b = b.lstrip()
            if b:
                cand += 1
                low += b[0].islower()
    return cand >= 5 and low / cand >= 0.5


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every character but a line break inside the spans (sorted, apart) made a space."""
    parts, pos = [], 0
    for a, b in spans:
        parts.append(text[pos:a])
        parts.append("\n".join(" " * len(line) for line in text[a:b].split("\n")))
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


def normalise(original: str, rules: Rules) -> NormText:
    nfc, starts = _nfc_with_map(original)
    nfc, starts = _entities_with_map(nfc, starts)
    norm = _clean_spaces(nfc)
    fold = fold_tones(norm)
    furniture = rules.compiled("furniture", FurnitureFinder).find(fold) if rules is not None else []
    if furniture:
        fold = _blank(fold, furniture)
    return NormText(original=original, norm=norm, fold=fold, _starts=starts, furniture=furniture, wrapped=is_hard_wrapped(norm))
