"""Stage: officials. Every named person acting in a public role, once per person, with the
titles the text gives them, birth year, age, appointments and role in the document.

Names are found with a spaCy Matcher (token patterns in ``data/people.json``: a surname
from the lexicon, then 1-3 capitalised syllables). A candidate becomes an official only
with evidence of a person in a public role: an honorific before it ("đồng chí", "đ/c",
"ông"), a title before it ("Phó Thủ tướng Chính phủ Bùi Thanh Sơn"), a title after it
(", Ủy viên Bộ Chính trị"), a list introduced by "Các đồng chí:", or a signature block.
Namesakes ("tư tưởng Hồ Chí Minh", "TP Hồ Chí Minh", streets, schools) are rejected.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right, insort
from functools import lru_cache
from itertools import chain
from typing import Optional

from spacy.matcher import Matcher

from ..context import Context
from ..contract.models import Appointment, Official, Term, Title
from ..text.normalise import fold_key
from ..text.patterns import VI_LOWER, alternation, upper_letters, word_start_alternation
from ..products import Items
from ..registry import component


# a capital letter of any Latin script, Vietnamese included
_CAP = "[" + upper_letters(0x41, 0x1F00) + "]"


# 'và' before a count opens a new conjunct that no body's name holds: "Phó Chủ tịch thứ nhất HĐQT Vingroup
# và 3 người con" (her post, then her children)
_AND_COUNT = re.compile(r"\s(?=và[ \t]+\d)")


class PeopleRules:
    def __init__(self, rules):
        cfg = rules["people"]
        self.cfg = cfg
        # (people.yaml kin_before, resident_after: a name given only as someone's kin or as a resident)
        self.kin_before = re.compile(r"(?<![^\W\d_])(?:" + alternation(cfg.get("kin_before") or ["\x00"], False)
                                     + r")[ \t]+(?:là[ \t]+|của[ \t]+)?(?:(?:ông|bà|cụ|anh|chị)[ \t]+)?"
                                     # (the next of kin named in a row: "hai người con là Đinh Nam Thắng và Đinh Thùy Mai")
                                     + r"(?:(?-i:" + _CAP + r")[^\W\d_]*(?:[ \t]+(?-i:" + _CAP + r")[^\W\d_]*){1,3}[ \t]*(?:,|và)[ \t]+)?$", re.I)
        # a kin word that opens an aside after a post: "nguyên phó cục trưởng Cục Cảnh vệ - vợ của ông A" (the
        # dash closes the title there, no field of a body's compound name)
        self.kin_word = re.compile(r"(?:" + alternation(cfg.get("kin_before") or ["\x00"], False) + r")(?![^\W\d_])", re.I)
        # (an age or a birth year may come first: "bà A, 55 tuổi ở Thủ Đức", "ông B, sinh năm 1925, ngụ tổ 11"; and a
        # place or a local unit right after the name, with no comma: "bà C ở Giồng Trôm bị thương rất nặng")
        self.resident_after = re.compile(r"[ \t]*(?:[,(][ \t]*(?:(?:\d{1,3}[ \t]+tuổi|(?:sinh năm|SN)[ \t]*\d{4})[ \t]*,?[ \t]*)?)?(?:(?:"
                                         + alternation(cfg.get("resident_after") or ["\x00"], False) + r")(?![^\W\d_])"
                                         + r"|ở[ \t]+(?:(?-i:" + _CAP + r")|(?:xã|phường|thị trấn|thôn|xóm|ấp|bản|tổ|khu phố|quận|huyện)(?![^\W\d_])))", re.I)
        self.surnames = set(cfg["surnames"])
        self.naming_lead = re.compile(r"[ \t*]*(?:" + alternation(cfg.get("group_naming_openers") or ["\x00"], False)
                                      + r")[ \t]+(?:(?:các[ \t]+)?(?:ông|bà|đồng chí|đ/c)[ \t]+)?(?=\w)")
        # (?<![^\W\d_])(?:surname|...)(?=...), written to start with a surname's first letter (fast scan)
        self.surname_rx = re.compile(word_start_alternation(self.surnames) + r"(?=[ \t\n]+[^\W\d_])")
        self.not_names = {fold_key(n) for n in cfg["not_names"]}
        # a capitalised word, a middle name ("Văn", "Thị") and a capitalised word: a name whose surname
        # may be unlisted ("Ao Văn Thinh")
        self.middle_names = sorted(cfg.get("middle_names") or [])
        self.honorific_words = {fold_key(h) for h in cfg["honorifics"]}
        # a degree: abbreviated in its own case, or spelled out with its first letter in either; degrees
        # run together with a dot or a dash are one ("PGS - TS", "GS-TS", "PGS.TS.BS")
        words = cfg.get("degree_words") or []
        one = "(?:" + "|".join(x for x in (alternation(cfg["degrees"]), "|".join(
            "[" + w[0].upper() + w[0].lower() + "]" + alternation([w[1:]]) for w in sorted(words, key=len, reverse=True))) if x) + ")"
        degree = one + r"(?:[ \t]*[-.][ \t]*" + one + r")*"
        self.degree_full = re.compile(degree + r"\.?")
        self.degree_before = re.compile(r"(?<![^\W\d_.])(?P<d>" + degree + r")\.?[ \t]+$")
        self.not_middle = {fold_key(c) for c in cfg.get("not_middle_compounds") or []}
        self.surname_offices = {fold_key(c) for c in cfg.get("surname_offices") or []}
        # (written to start with the middle word, which the engine scans for; the word before it is read after)
        self.middle_rx = re.compile(rf"(?:{alternation(self.middle_names)})(?=[ \t]+{_CAP})") if self.middle_names else None
        self.places = {fold_key(n) for n in cfg["place_names"]}
        countries = cfg.get("countries") or []
        self.countries = {fold_key(c) for c in countries}
        self.sentence_openers = {fold_key(w) for w in cfg.get("sentence_openers") or []}
        # the head of a state or a government right before one foreign word: the word is the holder's surname
        # ("Tổng thống Trump"); a 'phó' before it and a capital first letter allowed (people.yaml head_of_state_offices)
        heads = "|".join("[" + w[0].upper() + w[0].lower() + "]" + re.escape(w[1:]) for w in cfg.get("head_of_state_offices") or ["\x00"])
        self.head_of_state = re.compile(r"(?<![^\W\d_])(?:[Pp]hó )?(?:" + heads + r")[ \t]+$")
        self.lost_stop = re.compile(r"(?:" + alternation(cfg.get("lost_stop_phrases") or ["\x00"]) + r")(?![^\W\d_])", re.I)
        self.phrase_start = re.compile(r"(?:" + alternation(cfg.get("phrase_starts") or ["\x00"]) + r")(?![^\W\d_])", re.I)
        # a position, up to three words of its office, a country, then the name: the capitalised
        # words that end the run (two to four; a middle initial among them, "Mỹ Eric G. John")
        self.after_country = re.compile(
            r"(?:" + alternation(countries) + rf")[ \t]+(?P<name>{_CAP}[\w'’-]*(?:(?:[ \t]|(?<=[ \t][A-ZĐ])\.[ \t]?){_CAP}[\w'’-]*){{1,3}})(?![\w'’-])(?![ \t]+{_CAP})"
        ) if countries else None
        # positions that open with a word that, after certain words, names a body rather than a person's post
        # (position_not_after: "đoàn đại biểu", "Ban Thẩm tra tư cách đại biểu"): their own branch, behind a
        # lookbehind for each of those words
        not_after = {fold_key(k): v for k, v in (cfg.get("position_not_after") or {}).items()}
        positions = list(cfg["positions"]) + list(cfg.get("unit_head_positions") or [])
        guarded = [p for p in positions if any(fold_key(p).startswith(k) for k in not_after)]
        pos = [p for p in positions if p not in guarded]
        # a unit head's post before a name ('cựu', 'nguyên' allowed before), then what follows it to the name
        self.unit_head = re.compile(r"(?:(?:cựu|nguyên)[ \t]+)?(?P<post>" + alternation(cfg.get("unit_head_positions") or ["\x00"])
                                    + r")(?![^\W\d_])[ \t]*(?P<unit>.*)", re.I | re.S)
        self.captains = {fold_key(c) for c in cfg.get("captain_positions") or []}
        self.shared_post = re.compile(r"(?:nguyên[ \t]+|cựu[ \t]+)?(?:" + alternation(cfg.get("shared_post_heads") or ["\x00"], False)
                                      + r")(?![^\W\d_])", re.I)
        self.team_words = re.compile(r"(?<![^\W\d_])(?:" + alternation(cfg.get("team_words") or ["\x00"]) + r")(?![^\W\d_])", re.I)
        branches = alternation(pos)
        for k, words in not_after.items():
            mine = [p for p in guarded if fold_key(p).startswith(k)]
            if mine:
                behind = "".join(rf"(?<!\b{re.escape(w)} )" for w in words)
                branches += "|" + behind + "(?:" + alternation(mine) + ")"
        prefix = r"(?:(?:" + alternation(cfg["title_prefixes"]) + r")\s+)?"
        if cfg.get("deputy_prefixes"):  # ("Phó Chỉ huy trưởng": a deputy of any post)
            prefix += r"(?:(?:" + alternation(cfg["deputy_prefixes"]) + r")\s+)?"
        self.position_at = re.compile(prefix + r"(?P<pos>" + branches + r")(?![^\W\d_])", re.I)
        self.position_words = re.compile(r"(?<![^\W\d_])(?:" + prefix + "(?:" + branches + r"))(?![^\W\d_])", re.I)
        # an honorific or a degree right before a name (neither is part of a title before it)
        self.designation_end = re.compile(r"(?<![^\W\d_])(?:" + alternation(cfg["honorifics"]) + "|" + degree + r")\.?\s*:?\s*$")
        self.honorific_end = re.compile(r"(?<![^\W\d_])(?:" + alternation(cfg["honorifics"]) + r")\s*:?\s*$")
        # (not the second word of a compound: namesake_not_after, "Thành Phố", "Môi Trường")
        compound = "".join(rf"(?<!{re.escape(w)} )" for w in cfg.get("namesake_not_after") or [])
        self.namesake_head = re.compile(r"(?<![^\W\d_])" + compound + "(?:" + alternation(cfg["namesake_heads"]) + r")[ \t]*$")
        self.namesake_words = set(cfg["namesake_heads"])
        self.not_before = re.compile(r"(?<![^\W\d_])(?:" + alternation(cfg["not_before"]) + r")\s*$")
        # (the word after the head is part of a name: capitalised or an abbreviation, "Sở Y tế", "Bộ GDĐT";
        # "Sở đang ..." is the subject of the next clause)
        self.compound_body_before = re.compile(r"(?<![^\W\d_])(?:" + alternation((cfg.get("organisation_segment_heads") or ["\x00"]) + ["Ban", "Vụ", "Phòng"], False)
                                               + r")(?:[ \t]+(?![A-ZĐ]{2,}(?![^\W\d_]))(?-i:[" + _UPPER_BMP + r"])[^\W\d_]*(?:[ \t]+[^\W\d_]+)?)[ \t]*$")
        self.org_segment = re.compile(r"(?:" + alternation(cfg.get("organisation_segment_heads") or ["\x00"], False) + r")[ \t]+(?-i:[" + _UPPER_BMP + r"])")
        # a comma before such a segment inside a title before a name ("Giám đốc Trung tâm tin học, Bộ GDĐT ...")
        self.org_comma = re.compile(r",(?=[ \t]*(?:" + self.org_segment.pattern + "))")
        self.org_head_before = re.compile(r"(?<![^\W\d_])(?:" + alternation(cfg.get("organisation_heads") or ["\x00"], False) + r")[ \t]+$")
        self.not_before_any = re.compile(r"(?<![^\W\d_])(?:" + alternation(cfg["not_before"]) + r")(?![^\W\d_])")
        self.signed = re.compile(r"(?i)[(\[]\s*(?:" + alternation(cfg.get("signature_marks") or ["\x00"], False) + r")\s*[)\]]")
        self.shared_title = re.compile(r"(?i)(?:" + alternation(cfg.get("shared_titles") or ["\x00"], False) + r")(?![^\W\d_])")
        self.chain_lead = re.compile(r"(?<![^\W\d_])(?:" + alternation(cfg.get("chain_leads") or ["\x00"], False) + r")[ \t]+")
        nouns = cfg.get("title_stop_nouns") or []
        not_stop = (r"(?!(?:" + alternation(nouns) + r")(?![^\W\d_]))") if nouns else ""
        self.stops = re.compile(r"\s" + not_stop + r"(?:" + alternation(cfg["title_stops"]) + r")(?![^\W\d_])")
        ends = cfg.get("title_stop_noun_ends") or []
        self.stop_noun_end = re.compile(r"(?<![^\W\d_])(?:" + alternation(ends) + r")$", re.I) if ends else None
        self.appoint = re.compile(r"(?<![^\W\d_])(?P<verb>" + alternation(cfg["appointment_verbs"]) + r")(?![^\W\d_])", re.I)
        self.appoint_map = {fold_key(k): v for k, v in cfg["appointment_verbs"].items()}
        self.roles = [(re.compile(alternation([k]), re.I), v) for k, v in cfg["roles"].items()]
        self.list_intro = re.compile(r"(?:các|Các|CÁC)\s+(?:đồng chí|ông|bà|đ/c)\s*:?\s*$|\b(?:gồm|là)(?:\s+(?:các|có))?(?:\s+(?:đồng chí|ông|bà|đ/c))?\s*:?\s*$")
        self.honorific_name = re.compile(r"(?P<hon>" + word_start_alternation([h for h in cfg["honorifics"] if h.lower() in ("đồng chí", "đ/c", "ông", "bà", "ngài")])
                                         + r")\s+(?P<name>[^\W\d_][\w'’-]*(?:(?:[ \t]+|(?<=[ \t][A-ZĐ])\.[ \t]?)[^\W\d_][\w'’-]*){0,7})")
        # (a middle initial of a foreign name: "ông Gabriel M. Lessard", "ông Seth D.Winnics")
        # a degree before a name not led by a listed surname ("Giáo sư Văn Tạo, nguyên viện trưởng Viện Sử học"):
        # it admits the name as an honorific does, where a post follows it (a degree alone names a scholar)
        # (written to start with the degree itself, which the engine scans for; the word boundary before it is
        # checked in _degree_names: a lookbehind first would make the engine try every position)
        self.degree_name = re.compile(r"(?P<hon>" + degree + r")\.?[ \t]+(?P<name>[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*){0,4})")
        # where a degree can start: its abbreviations as written, the first word of a spelled-out one in lower case
        self.degree_abbrevs = sorted(set(cfg["degrees"]))
        self.degree_first_words = sorted({w.split()[0].lower() for w in cfg.get("degree_words") or []})

    def first_stop(self, text: str, a: int, b: int):
        """The first word in [a, b) that ends a title, unless it is part of a position's own name
        ('ký' ends "Bí thư ký quyết định" but not "Tổng Thư ký", "Ủy viên Đoàn Thư ký")."""
        cut = _AND_COUNT.search(text, a, b)
        for stop in self.stops.finditer(text, a, b):
            if cut is not None and cut.start() < stop.start():
                break
            if self.stop_noun_end is not None and self.stop_noun_end.search(text, max(a, stop.end() - 24), stop.end()):
                continue  # "Việc làm": the stop ends a noun
            w0 = stop.start() + 1
            if _PORTFOLIO.match(text, stop.start()) and self._post_right_before(text, max(a, stop.start() - 60), stop.start()):
                continue  # the portfolio of a post: "Phó Giám đốc phụ trách kinh doanh", "Phó Chủ tịch UBND tỉnh phụ trách khối văn xã"
            inside = any(pm.start() < w0 and pm.end() >= stop.end()
                         for pm in self.position_words.finditer(text, max(a, w0 - 30), min(b, stop.end() + 30)))
            if not inside and not _BODY_HEAD_BEFORE.search(text, max(a, stop.start() - 12), stop.start() + 1):
                return stop
        return cut

    def _post_right_before(self, text: str, lo: int, end: int) -> bool:
        """Whether a post stands in [lo, end) with nothing but its body's words after it (no break)."""
        last = None
        for last in self.position_words.finditer(text, lo, end):
            pass
        return last is not None and _NO_BREAK.fullmatch(text, last.end(), end) is not None

    def matcher(self, vocab) -> Matcher:
        m = Matcher(vocab)
        for i, p in enumerate(self.cfg["name_patterns"]):
            pattern = []
            for tok in p["pattern"]:
                sets = {"@surnames": sorted(self.surnames), "@middle_names": self.middle_names}
                tok = {k: ({"IN": sets[v["IN"]]} if isinstance(v, dict) and v.get("IN") in sets else v) for k, v in tok.items()}
                pattern.append(tok)
            m.add(f"{p['label']}_{i}", [pattern])
        return m


# 'phụ trách' (in charge of) right after a post and its body, with no break between: the post's portfolio
_PORTFOLIO = re.compile(r"[ \t]*phụ trách(?![^\W\d_])", re.I)
_NO_BREAK = re.compile(r"[^,;:.()\n]*")


_SENT_BREAK = re.compile(r"[.;!?\n]")


class _Person:
    def __init__(self, name: str):
        self.name = name
        self.mentions: list[tuple[int, int]] = []
        self.titles: list[tuple[int, int]] = []
        self.birth_year: Optional[int] = None
        self.age: Optional[int] = None
        self.appointments: list[Appointment] = []
        self.role: Optional[str] = None


# a body's head noun right before a word that would end a title: the word names the body ("Thường
# trực Ban chỉ đạo tuyển sinh", "Ban kiểm tra", "Tổ công tác")
_BODY_HEAD_BEFORE = re.compile(r"(?<![^\W\d_])(?:Ban|Tổ|Hội đồng)[ \t]$")
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)[ \t]+$")


def _candidates(ctx: Context, pr: PeopleRules) -> list[tuple[int, int]]:
    doc = ctx.doc
    if doc is None:
        return []
    matcher = ctx.rules.compiled("people_matcher_" + str(id(doc.vocab)), lambda r: pr.matcher(doc.vocab))
    text = ctx.nt.fold
    # The Matcher runs only on windows that start at a surname followed by a capital
    # (running it over every token of every document costs more than the rest of this stage).
    windows: list[list[int]] = []
    for m in pr.surname_rx.finditer(text):
        nxt = text[m.end():m.end() + 3].lstrip()
        if not nxt or not nxt[0].isupper():
            continue
        a, b = m.start(), min(len(text), m.end() + 60)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = b
        else:
            windows.append([a, b])
    if pr.middle_rx is not None:  # names of an unlisted surname, by their middle word
        extra = []
        for m in pr.middle_rx.finditer(text):
            w = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())  # the capitalised word before it
            if w and w.group(1)[:1].isupper() and w.group(1) not in pr.surnames:
                extra.append([w.start(1), min(len(text), m.end() + 40)])
        if extra:
            merged: list[list[int]] = []
            for a, b in sorted(windows + extra):
                if merged and a <= merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], b)
                else:
                    merged.append([a, b])
            windows = merged
    by_start: dict[int, int] = {}
    for a, b in windows:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            continue
        for _, s, e in matcher(span):
            s, e = span.start + s, span.start + e
            by_start[s] = max(by_start.get(s, 0), e)
    out = []
    last_end = -1
    for s in sorted(by_start):
        if s < last_end:
            continue
        e = by_start[s]
        span = doc[s:e]
        words = [t.text for t in span]
        # a place name at the start ("Hà Nội Đinh Tiến Dũng"): not a person here; nor a word that is
        # no name ("Sở Y Tế Nguyễn Văn An": the medical 'Y', not an Ê Đê name)
        if any(fold_key(" ".join(words[:k])) in pr.places for k in (2, 3) if k <= len(words)):
            continue
        if len(words) >= 2 and fold_key(" ".join(words[:2])) in pr.not_names:
            continue
        if s > 0 and fold_key(doc[s - 1].text + " " + words[0]) in pr.countries:
            continue  # the last word of a country's name ("Cao ủy Đông Dương Georges d'Argenlieu"): the name follows it
        # led by an unlisted word, the name must start with a Vietnamese syllable that is no
        # position ("Chánh Văn Phòng"): the middle word is its only evidence of being a name
        if words[0] not in pr.surnames and (not _is_vietnamese_syllable(words[0]) or pr.position_at.match(text, span.start_char)
                                            or fold_key(words[0]) in pr.honorific_words
                                            or (len(words) > 2 and fold_key(words[1] + " " + words[2]) in pr.not_middle)):
            continue
        # "Tỉnh ủy Quảng Ninh Nguyễn Văn Quynh": 'Ninh' ends a place name when a surname follows it;
        # "tỉnh Tây Ninh Ao Văn Thịnh": the middle word comes right after the surname, so a word two
        # before it that ends a capitalised run is no part of the name (after a lower-case word it
        # may start a compound surname: "Tôn Nữ Thị Ninh")
        if e - s >= 3 and s > 0 and ((doc[s + 1].text in pr.surnames and fold_key(doc[s - 1].text + " " + doc[s].text) in pr.places)
                                     or (e - s >= 4 and doc[s + 2].text in pr.middle_names and doc[s + 1].text not in pr.middle_names
                                         and doc[s - 1].is_title and doc[s - 1].is_alpha)):
            s += 1
            span = doc[s:e]
            words = words[1:]
        # a title or a noun phrase glued after the name ("Nguyễn Văn Nên Bí thư", a headline run on
        # into the text: "Nông Đức Mạnh Đại hội X của Đảng"): cut it off
        for k in range(2, len(words)):
            if pr.position_at.match(text, span[k].idx) or pr.phrase_start.match(text, span[k].idx):
                e = s + k
                break
        # two names run together ("Nguyễn Duy Thăng Trương Hải Long" in a flattened table):
        # a 4-syllable match ending in a surname that a capitalised syllable follows
        if e - s == 4 and doc[e - 1].text in pr.surnames and e < len(doc) and doc[e].is_title and doc[e].is_alpha:
            e -= 1
        # a sentence opener closing the name before a lower-case word: a lost full stop ("Bộ trưởng Đào
        # Đình Bình Sau khi kết thúc ...")
        if e - s >= 3 and e < len(doc) and doc[e].text[:1].islower() and pr.lost_stop.match(text, doc[e - 1].idx):
            e -= 1
        span = doc[s:e]
        if len(span) < 2:
            continue
        out.append((span.start_char, span.end_char))
        last_end = e
    out = sorted(out + _foreign_names(text, sorted(out), pr))
    out = sorted(out + _names_after_country(text, out, pr))
    return _honorific_names(text, out, pr)


_UPPER_WORD = r"[^\W\d_](?:[\w'’-]*\w)?"

# Vietnamese syllables (tones removed): onset, one to three vowels, coda. A capitalised word that is
# no such syllable ("Donald", "Trump", "Powell", "Jerome", "Rodriguez") is a word of a foreign name.
_VI_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnpqrstvx])?[aăâeêioôơuưy]{1,3}(?:ch|ng|nh|[cmnpt])?")
_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))
_WORD = re.compile(_UPPER_WORD)
_PLACE_BODY_END = re.compile(r"(?<![^\W\d_])(?:[Tt]ỉnh|[Hh]uyện|[Tt]hành|[Đđ]ảng|[Xx]ã|[Pp]hường|[Qq]uận) ?(?:ủy|uỷ)\s*$|(?:UBND|HĐND|MTTQ)\s*$")


# every upper-case letter (a capitalised word's first character, as ``_WORD`` reads it: ``str.isupper``);
# the few outside the Basic Multilingual Plane are checked only after a character there (a class that
# holds them is no longer a fast lookup table for the regex engine)
_UPPER_BMP, _UPPER_ASTRAL = upper_letters(0, 0x10000), upper_letters(0x10000, 0x110000)
_CAP_W = rf"[{_UPPER_BMP}][^\W\d_]*"  # a capitalised word of letters
# (a hyphen or apostrophe inside a word, "Jong-un", "H’Luộc", never at its end: "bà Doãn Thị Trâm- mẹ của ...")
_CAP_WORD = re.compile(f"(?:[{_UPPER_BMP}]|[\\U00010000-\\U0010ffff](?<=[{_UPPER_ASTRAL}]))(?:[\\w'’-]*\\w)?")
_WORD_CHAR = re.compile(r"[\w'’-]")
_LETTER = re.compile(r"[^\W\d_]")


def _capitalised_runs(text: str, least: int = 2):
    """Runs of ``least`` or more capitalised words separated by spaces only (lists of ``_WORD`` matches).

    Only capitalised words are visited: a lower-case word between two of them leaves more than one
    space between them, which ends the run anyway. A capital inside a word ("abcDef", "x3Abc") starts
    no ``_WORD`` match; it ends the run as the lower-case word it belongs to does."""
    run: list = []
    for w in _CAP_WORD.finditer(text):
        a = w.start()
        if a and _WORD_CHAR.match(text, a - 1):
            j = a - 1
            while j >= 0 and _WORD_CHAR.match(text, j) and not _LETTER.match(text, j):
                j -= 1
            if j >= 0 and _LETTER.match(text, j):  # the capital is inside a word
                if len(run) >= least:
                    yield run
                run = []
                continue
        if run and text[run[-1].end():a] in (" ", "\t"):
            run.append(w)
            continue
        if len(run) >= least:
            yield run
        run = [w]
    if len(run) >= least:
        yield run


@lru_cache(maxsize=1 << 16)  # a text repeats its capitalised words
def _is_vietnamese_syllable(word: str) -> bool:
    base = unicodedata.normalize("NFC", unicodedata.normalize("NFD", word.lower()).translate(_TONE_MARKS))
    return _VI_SYLLABLE.fullmatch(base) is not None


@lru_cache(maxsize=1 << 16)  # a pure function of the word, asked for every capitalised word of a text
def _is_foreign_word(word: str) -> bool:
    """A capitalised word of a foreign name: not all capitals (an acronym), each part (split at
    hyphens and apostrophes) a word that no Vietnamese syllable spells."""
    if not word[:1].isupper() or word.isupper() or len(word) < 2:
        return False
    parts = [x for x in re.split(r"[-'’]", word) if x]
    return bool(parts) and all(x.isalpha() for x in parts) and any(not _is_vietnamese_syllable(x) for x in parts)


def _foreign_names(text: str, taken: list[tuple[int, int]], pr: "PeopleRules") -> list[tuple[int, int]]:
    """Names of foreign origin ("Donald Trump", "Jerome Powell", "Delcy Rodriguez"): two to four
    capitalised words at the end of a run of capitalised words, each foreign by its spelling, not
    overlapping a name already found. They become officials only with the same evidence as any name
    (a title or an honorific before, a title after)."""
    out = []
    starts = [a for a, _ in taken]
    names_at: dict = {}  # each name found by where it ends (the first; the foreign ones join as they are found)
    for x, e in taken:
        names_at.setdefault(e, x)
    runs = list(_capitalised_runs(text, 1))
    corroborated = _vouched_surnames(text, runs, pr)
    for words in runs:
        if len(words) == 1:
            # a lone capitalised word (most of them): a name only when it is spelled as no Vietnamese word is
            # (read first: cached per word) and an initial is glued to it or the text vouches for it elsewhere
            w0 = words[0]
            if not _is_foreign_word(w0.group(0)):
                continue
            if (w0.group(0) not in corroborated and not (w0.start() >= 2 and text[w0.start() - 1] == "." and text[w0.start() - 2].isupper())
                    and not pr.head_of_state.search(text, max(0, w0.start() - 24), w0.start())
                    and not _GIVEN_AND_INITIAL.search(text, max(0, w0.start() - 30), w0.start())):
                continue
        # the foreign words at the end of the run ("Mỹ Donald Trump": "Donald Trump")
        k = len(words)
        while k > 0 and _is_foreign_word(words[k - 1].group(0)) and fold_key(words[k - 1].group(0)) not in pr.not_names:
            k -= 1
        n = len(words) - k
        if n < 1 or n > 4 or not all(w.group(0)[0].isupper() for w in words[k:]):
            continue
        a, b = words[k].start(), words[-1].end()
        if a >= 2 and text[a - 1] == "." and text[a - 2].isupper() and (a == 2 or not text[a - 3].isalpha()):
            a -= 2  # an initial glued to the name ("Ngoại trưởng Mỹ C.Rice")
        gm = _GIVEN_AND_INITIAL.search(text, max(0, a - 30), a)
        if gm and _is_foreign_word(gm.group("given")):
            a = gm.start()  # a given name and a middle initial before it ("George W. Bush")
        pm = _PARTICLE_AFTER.match(text, b)
        if pm:
            b = pm.end()  # a nobiliary particle and the surname after it ("Otto von Bismarck")
        gap = _office_right_before(text, a, pr) if n == 1 else None
        if n == 1 and (_VIETNAMESE_LETTER.search(words[k].group(0)) or fold_key(words[k].group(0)) in pr.countries
                       or gap is None or not (a < words[k].start() or gap or words[k].group(0) in corroborated
                                              or pr.head_of_state.search(text, max(0, a - 24), a))):
            # one foreign word is a name only right after an office held by a person, and only when the
            # text vouches for it as a person's: an initial glued to it ("Ngoại trưởng Mỹ C.Rice"), the
            # country named between ("Tổng thống Nga Putin"), or the same word ending a whole name or
            # after ông/bà elsewhere ("Tổng thống Trump" ... "ông Trump"): not "Thống đốc Texas",
            # "Tổng thống Azerbaijan"
            continue
        before = text[max(0, a - 40):a]
        if pr.not_before.search(before) or _PLACE_BODY_END.search(before):
            continue  # "huyện Đăk Glei", "Huyện ủy Krông Pắc": a place
        if _apposed_title_tail(text, a, names_at, pr):
            continue  # "bà Julie Atkinson, Giám đốc Operation Smile": the body the apposed title names
        j = bisect_left(starts, b)
        if j > 0 and taken[j - 1][1] > a:
            continue
        out.append((a, b))
        names_at.setdefault(b, a)
    return out


_APPOSED_POST = re.compile(r",[ \t]*(?=[^\n,.;:()]{0,80}$)")


def _apposed_title_tail(text: str, a: int, names_at: dict, pr: "PeopleRules") -> bool:
    """Whether the capitalised words at ``a`` stand in a title apposed to a name just before it ("bà Julie
    Atkinson, Giám đốc Operation Smile tại VN", "bà A, Giám đốc phát triển của Operation Smile"): the
    person is the name before the comma, and the words in the post's segment name the body it heads."""
    c = _APPOSED_POST.search(text, max(0, a - 82), a)
    if c is None or not pr.position_at.match(text, c.end()) or _office_right_before(text, a, pr) is not None:
        return False  # (an office a person holds right before the words names them: "cố vấn của Thủ tướng Shinzo Abe")
    s = names_at.get(c.start())  # the start of a name found that ends at the comma
    if s is None:
        return False
    key = fold_key(text[s:c.start()])
    return key not in pr.countries and key not in pr.places  # "tại Mông Cổ, Thủ tướng ...": a place


# a given name and a middle initial right before a foreign surname ("George W. Bush")
_GIVEN_AND_INITIAL = re.compile(r"(?<![^\W\d_])(?P<given>[A-Z][a-z'-]+)[ \t]+[A-Z]\.[ \t]*$")
# letters no foreign name is spelled with (a word holding one is Vietnamese, or run together: "MinhỦy")
_VIETNAMESE_LETTER = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]")


def _vouched_surnames(text: str, runs: list, pr: "PeopleRules") -> set:
    """Foreign words the text uses as a person's surname: the last word of a run of two to four foreign
    words ("Donald Trump") or a word after ông/bà ("ông Trump"). ``runs``: the text's capitalised runs."""
    out = {m.group("w") for m in _AFTER_HONORIFIC.finditer(text)}
    for words in runs:
        if len(words) >= 2 and _is_foreign_word(words[-1].group(0)) and _is_foreign_word(words[-2].group(0)):
            out.add(words[-1].group(0))
    return {w for w in out if _is_foreign_word(w) and fold_key(w) not in pr.not_names}


# (each honorific's own lookbehind after it, the pattern starting with their letters: the engine scans for those)
_AFTER_HONORIFIC = re.compile(r"(?:" + "|".join(rf"{h}(?<![^\W\d_]{h})" for h in ("ông", "bà", "Ông", "Bà", "ngài", "Ngài"))
                              + r")[ \t]+(?P<w>[A-Z][^\W\d_]+)(?![^\W\d_])")


def _office_right_before(text: str, a: int, pr: "PeopleRules") -> Optional[str]:
    """What stands between ``a`` and an office's title that ends right before it: "" ("Tổng thống
    Trump") or a country ("Ngoại trưởng Mỹ Rubio"); None when no such office does."""
    t = _title_before(text, a, pr)
    if t is None:
        return None
    offices = list(pr.position_words.finditer(text, t[0], t[1]))
    if not offices:
        return None
    last = offices[-1]
    # an office held by a person (people.yaml surname_offices: not "Giám đốc Vissan"), ending the
    # title, a country after it at most ("Ngoại trưởng Mỹ"), not a place ("Thống đốc Bắc Kivu")
    office = fold_key(text[last.start():last.end()])
    if not any(office == o or office.endswith(" " + o) for o in pr.surname_offices):
        return None
    gap = text[last.end():a].strip()
    return gap if gap == "" or fold_key(gap) in pr.countries else None


def _names_after_country(text: str, taken: list[tuple[int, int]], pr: "PeopleRules") -> list[tuple[int, int]]:
    """Names of any origin after a position and a country ("Chủ tịch Trung Quốc Tập Cận Bình"):
    the country must follow the position within three words of its office, and each word of the
    name must be capitalised; not a place, a body or a name already found."""
    if pr.after_country is None:
        return []
    out = []
    starts = [a for a, _ in taken]
    for m in pr.after_country.finditer(text):
        a = m.start("name")
        spans = [(a + w.start(), a + w.end()) for w in re.finditer(r"\S+", m.group("name"))]
        while spans and fold_key(text[spans[-1][0]:spans[-1][1]]) in pr.sentence_openers:  # a lost full stop
            spans.pop()
        if len(spans) < 2 or pr.position_at.match(text, a):
            continue
        b = spans[-1][1]
        words = [text[x:y] for x, y in spans]
        key = fold_key(" ".join(words))
        if (key in pr.not_names or key in pr.places or any(fold_key(w) in pr.not_names for w in words)
                or any(fold_key(" ".join(words[i:i + 2])) in pr.places or fold_key(" ".join(words[i:i + 2])) in pr.countries
                       for i in range(len(words) - 1))):
            continue
        pm = None
        for pm in pr.position_words.finditer(text, max(0, m.start() - 60), m.start()):
            pass
        if pm is None or not re.fullmatch(r"(?:[ \t]+[^\W\d_]+){0,3}[ \t]+", text[pm.end():m.start()] or " "):
            continue
        j = bisect_left(starts, b)
        if j > 0 and taken[j - 1][1] > a:
            continue
        k = bisect_left(starts, a)
        if k < len(starts) and starts[k] < b:
            continue
        out.append((a, b))
    return out


# a reference mark of an encyclopedia page after a sentence or a title (".[6] ", "[12]"): it ends them
_REF_MARK = r"\.?\[\d"
_SENTENCE_END = re.compile(r"[;\n]|\.(?:\s|$)|" + _REF_MARK)
_SENTENCE_REACH = 1000  # characters after a name in which its appointment sentence must end
_LONGEST_NAME = 200  # characters: no name candidate is longer (the honorific pattern takes at most 5 words)


# words of holding or studying for a degree: the capitalised words after the degree are its field
_HAS_DEGREE = re.compile(r"(?<![^\W\d_])(?:bằng|học vị|học hàm|tốt nghiệp|học|nghiên cứu sinh|chuyên ngành|ngành|là|có)[ \t]+$", re.I)


_DESCRIBED = re.compile(r"[ \t]*(?:,|\(|[-–](?=[ \t]))[ \t]*")
_DESCRIPTION_END = re.compile(r"[,.;:()\n]")
# a view reported after the name: "Theo ông A, ...", "Theo lời bà B, ..." (whatever follows 'Theo' up to the name)
_REPORTED_BY = re.compile(r"(?<![^\W\d_])[Tt]heo[ \t]+[^\W\d_][^,;:\n]{0,60}$")
# the words of a head, a deputy or a public servant inside an apposition make it a post, listed or not ("chi hội
# trưởng Chi hội nuôi trồng thủy sản", "trưởng Thi hành án dân sự TP Cần Thơ", "chánh thanh tra lao động tỉnh", "cán
# bộ Phòng Nông nghiệp huyện", "cựu thành viên ban chấp hành FAM"); so do a term or an office taken ("người sẽ kết thúc
# nhiệm kỳ vào tháng 5", "người vừa nhậm chức khâm sứ")
_POST_MORPHEME = re.compile(r"(?<![^\W\d_])(?:trưởng|phó|chánh|cán bộ|công chức|viên chức|chuyên viên|thành viên|ủy viên|uỷ viên"
                            r"|nhiệm kỳ|nhậm chức|chức vụ|cương vị)(?![^\W\d_])", re.I)
# what opens an apposition that is no description of a private person: details of birth or origin, a former or
# present post told as such, a copula, a representative's role
_NOT_DESCRIPTION = re.compile(r"(?:sinh|quê|nguyên|hiện|từng|nay|là|cũng|người từng|người đứng đầu|đại diện|thay mặt)(?![^\W\d_])")


def _described_otherwise(text: str, b: int, pr: PeopleRules) -> bool:
    """Whether the name ending at ``b`` is followed by an apposition that describes the person by what is no post:
    words in lower case with no post among them ("một cư dân trong ấp", "tổ dân cư 34", "chủ cơ sở bánh kẹo",
    "cựu chiến binh"), or a country alone in brackets ("(Mỹ)"). A post, a degree, an age or a birth year, an
    organisation written with capitals ("VKSND TP HCM") or a clause in brackets is no such description."""
    m = _DESCRIBED.match(text, b)
    if m is None or m.end() >= len(text) or _REPORTED_BY.search(text, max(0, b - 80), b):
        return False  # ("Theo ông A, nguy cơ tái dịch vẫn còn rất cao": what follows the comma is what A reports)
    s = m.end()
    e = _DESCRIPTION_END.search(text, s, min(len(text), s + 80))
    e = e.start() if e else min(len(text), s + 80)
    seg = text[s:e]
    if m.group().strip() == "(" and fold_key(seg.strip()) in pr.countries:
        return True  # "Bà Ruth Jones (Mỹ)"
    if _HONORIFIC_LEAD.match(seg):
        return False  # the next person ("Trong buổi tiếp bà A, ông B đã ...")
    if pr.kin_word.match(seg) and not pr.position_words.search(seg):
        return True  # named as someone's kin: "ông Trần Văn Lái (cha của ông Lướt)", "bà B - mẹ của K'sor Kớt"
    if (not seg or not seg[0].isalpha() or not seg[0].islower() or pr.position_words.search(seg) or pr.degree_full.match(seg)
            or _POST_MORPHEME.search(seg)):
        return False
    stop = pr.first_stop(text, b, e)
    if stop is not None and stop.start() <= s:
        return False  # a predicate, no description: "ông A, cho biết", "(cũng là ...)"
    if stop is None and not (e < len(text) and text[e] in ",)"):
        # an apposition is closed before the predicate goes on (by a comma, a bracket or a verb of speech): words
        # that run on to the sentence's end are the predicate itself ("ông A, nhất trí xây dựng khách sạn ...")
        return False
    if pr.position_words.search(text, e, min(len(text), e + 80)):
        return False  # a post told right after ("bà A - dân công hoả tuyến, nay là Chủ tịch Hội chữ thập đỏ phường")
    return not _NOT_DESCRIPTION.match(seg)


def _degree_names(text: str, pr: PeopleRules):
    """The matches of ``pr.degree_name`` that start a word (not after a letter), left to right and not
    overlapping, as ``finditer`` with a lookbehind would find them; tried only where a degree's abbreviation
    or the first word of a spelled-out degree stands (found by plain string search, which is much faster
    than the engine trying every branch of the degree pattern at every character)."""
    starts = set()
    for key in pr.degree_abbrevs:
        k = text.find(key)
        while k >= 0:
            starts.add(k)
            k = text.find(key, k + 1)
    lower = text.lower() if pr.degree_first_words else ""
    if len(lower) != len(text):  # (a character whose lower case is longer, "İ": offsets would shift)
        yield from (m for m in pr.degree_name.finditer(text) if not (m.start() and _LETTER.match(text, m.start() - 1)))
        return
    for key in pr.degree_first_words:
        k = lower.find(key)
        while k >= 0:
            starts.add(k)
            k = lower.find(key, k + 1)
    end = 0
    for k in sorted(starts):
        if k < end or (k > 0 and _LETTER.match(text, k - 1)):
            continue
        m = pr.degree_name.match(text, k)
        if m is not None:
            yield m
            end = m.end()


def _honorific_names(text: str, found: list[tuple[int, int]], pr: PeopleRules) -> list[tuple[int, int]]:
    """Names of any origin ("Y Thanh Hà Niê Kđăm", "U Huấn", "Ilham Aliyev", "Trump") admitted by
    the honorific before them ("đồng chí", "ông", "bà", "ngài"): the capitalised words after it, up
    to a title or a lower-case word. A single word needs a title after it. A surname-led candidate
    inside such a name is replaced by the whole name."""
    out = sorted(found)
    for m in chain(pr.honorific_name.finditer(text), _degree_names(text, pr)):
        a = m.start("name")
        by_degree = m.re is pr.degree_name
        words = list(re.finditer(_UPPER_WORD, text[a:m.end("name")]))
        if by_degree and (not words or words[0].group(0) in pr.surnames or _HAS_DEGREE.search(text, max(0, m.start() - 30), m.start())):
            continue  # a surname-led name is found by its surname; "có bằng Thạc sĩ Luật": a field of study
        end = a
        kept = 0
        for i, w in enumerate(words):
            ws = a + w.start()
            if not w.group(0)[0].isupper() or pr.position_at.match(text, ws) or pr.phrase_start.match(text, ws):
                break
            if i and "." in text[a + words[i - 1].end():ws] and (
                    len(w.group(0)) < 2 or w.group(0).isupper() or _is_vietnamese_syllable(w.group(0))
                    or (i >= 2 and _is_vietnamese_syllable(words[0].group(0)))):
                # after an initial, a foreign word of a name goes on ("Gabriel M. Lessard", "M. Kimura"), not
                # a new sentence ("Nguyễn Văn A. Hôm qua", "Nguyễn Văn T. UBND xã ..."), more initials ("ông N.V",
                # "bà N.TH.L") or past a Vietnamese name cut to an initial ("bà Trần Thị H. Covid-19 ...")
                break
            end = a + w.end()
            kept += 1
        if kept == 0 or kept > 5 or (by_degree and kept < 2):
            continue  # (one word after a degree is its field as often: "Thạc sĩ Luật, Trưởng phòng Pháp chế")
        key = fold_key(text[a:end])
        if key in pr.places or key in pr.not_names:
            continue
        # a place that starts with the honorific's word, whole or followed by more words ("Festival Biển
        # Bà Rịa Vũng Tàu", "đường Bà Huyện Thanh Quan")
        # (a dash glued to a word is no part of it: "Bà Rịa- Vũng Tàu")
        joined = [w.strip("-–") for w in fold_key(m.group("hon") + " " + text[a:end]).split()]
        if any(" ".join(joined[:k]) in pr.places for k in range(2, len(joined) + 1)):
            continue
        if kept == 1 or by_degree:
            after = text[end:end + 80]
            am = re.match(r"\s*(?:,|\(|-|–)\s*", after)
            if not (am and pr.position_at.match(after, am.end())):
                continue
        # the names kept so far that overlap this one (by bisection: names are short, so only
        # those starting less than _LONGEST_NAME before its end can reach into it)
        k = bisect_left(out, (end,))
        inside = []  # indices, last first
        j = k - 1
        while j >= 0 and out[j][0] > a - _LONGEST_NAME:
            if out[j][1] > a or out[j][0] >= a:
                inside.append(j)
            j -= 1
        if any(out[i][0] < a for i in inside):
            continue  # a name that starts before: keep it
        for i in inside:
            del out[i]
        insort(out, (a, end))
    return out


def _evidence(text: str, a: int, b: int, pr: PeopleRules, listed: set, title_before) -> Optional[str]:
    line_start = text.rfind("\n", 0, a) + 1
    before = text[max(line_start, a - 60):a]
    if (a, b) in listed:
        return "list"
    hon = pr.honorific_end.search(before)
    if hon and pr.namesake_head.search(before, 0, hon.start()):
        return None  # "đền Bà Chúa Kho", "đường Bà Huyện Thanh Quan": a deity's or a historical lady's name a place bears
    if hon:
        return "honorific"
    if pr.org_head_before.search(before) and len(text[a:b].split()) <= 2:
        return None  # "Bộ Nông Nghiệp": the organisation's name (a whole name is a person's)
    if pr.namesake_head.search(before):
        return None  # "Hiệu trưởng THPT Nguyễn Thị Minh Khai": the school's name, even after a title
    if pr.not_before.search(before) and (title_before is None or len(text[a:b].split()) <= 2):
        # ("Trưởng khoa Bệnh viện huyện Hà Trung": two syllables after a unit's word are a place's name)
        return None
    if title_before is not None:
        return "title_before"  # "Chủ tịch UBND tỉnh Nguyễn Đức Chính": 'tỉnh' is part of the title here
    after = text[b:b + 120]
    m = re.match(r"\s*(?:,|\(|-|–)\s*(?:(?:sinh năm|SN)\s*\d{4}\s*,\s*)?", after)
    if m and pr.position_at.match(after, m.end()):
        return "title_after"
    # "bổ nhiệm Bùi Tiến Dũng làm tổng giám đốc PMU18": the post the person takes (a copula, _HOLDS_POST,
    # makes no official: "bổ nhiệm A là Bộ trưởng", who appointed is unclear; it gives a title to one)
    m = _TAKES_POST.match(after)
    if m and pr.position_at.match(after, m.end()):
        return "title_after"
    if re.match(r"\s*\(?\s*sinh (?:năm|ngày)", after):
        return "birth"
    # signature block: the nearest non-blank line above is a title in capitals ("PHÓ CHỦ TỊCH")
    sig = _signature_title(text, a, b, pr)
    if sig is not None:
        return "signature"
    return None


def _signature_title(text: str, a: int, b: int, pr: PeopleRules) -> Optional[tuple[int, int]]:
    line_start = text.rfind("\n", 0, a) + 1
    line_end = text.find("\n", b)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:a].strip(" *#") or text[b:line_end].strip(" *#"):
        return None  # the name must stand alone on its line
    pos = line_start - 1
    while pos > 0:
        prev_start = text.rfind("\n", 0, pos) + 1
        seg = text[prev_start:pos]
        if seg.strip(" *#"):
            stripped = seg.strip(" *#")
            if pr.signed.fullmatch(stripped):
                pos = prev_start - 1  # "(đã ký)", "(Ký tên, đóng dấu)": the mark of the signature, above it its title
                continue
            if stripped.isupper() and pr.position_words.search(stripped):
                lead = len(seg) - len(seg.lstrip(" *#"))
                # "TM. ĐOÀN CHỦ TỊCH", "KT. CHỦ TỊCH": signed on behalf of a body or for its head; the
                # title is the body's or the head's line itself
                return prev_start + lead, prev_start + len(seg.rstrip(" *#"))
            return None
        pos = prev_start - 1
    return None



def _name_in_gap(gap: str, pr: PeopleRules) -> bool:
    """Whether a person's name (a surname and a capitalised syllable) stands between two titles
    ('Thủ tướng Phạm Minh Chính hội kiến Thủ tướng Campuchia': two people, no chain)."""
    for m in pr.surname_rx.finditer(gap):
        rest = gap[m.end():]
        nxt = _WORD.match(gap, m.end() + len(rest) - len(rest.lstrip(" \t")))
        if nxt and nxt.group(0)[:1].isupper() and fold_key(m.group(0) + " " + nxt.group(0)) not in pr.places:
            return True  # (a place such as "Hà Nội" is no name)
    return False


# a name set after its title by a comma ends its clause there: "với Giám đốc Sở Nội vụ, Lê Quang Nhuệ."
_APPOSED_NAME_END = re.compile(r"[ \t]*(?:[.;:!?\n]|$)")


_SENTENCE_END_BEFORE = re.compile(r"[.!?;:\n][ \t]*$")
_COMMA_AT_END = re.compile(r"[ \t]*,?[ \t]*$")
# what may stand before a title apposed across a comma to the name after it, in its clause: a preposition
# of source or agent ("Theo Giám đốc Sở, ông A", "đoàn đại biểu do Thư ký Hội ..., ông A dẫn đầu")
_APPOSITION_LEAD = re.compile(r"(?i)(?:.*[ \t])?(?:theo|do)(?:[ \t]+(?:lời|ý kiến))?")
# a clause that ends with a name (two capitalised words or more): the title after its comma is its appositive
_NAME_END = re.compile(rf"(?<![^\W\d_]){_CAP_W}(?:[ \t]+{_CAP_W})+[ \t)]*$")
_CLAUSE_MARK = re.compile(r"[,.;:!?()\n]")


# the mark of a new list item at a line's start ("\n3- ", "\n- ", "\n* "; not markdown bold "\n**")
_NEW_ITEM = re.compile(r"\n[ \t]*(?:\d{1,3}[ \t]*[-–.)]|[-–+•]|\*[ \t])")
# what may stand between a heading's title and the dashed name on the line below it: the mark, an honorific
_HEADING_GAP = re.compile(r"\n[ \t]*(?:[-–+•]|\*)[ \t]*(?:(?:ông|bà|đồng chí|đ/c|Ông|Bà|Đồng chí)[ \t]+)?")


def _alone_on_its_line(text: str, start: int) -> bool:
    """Whether nothing but markup stands before ``start`` on its line (a heading, not a list item's tail)."""
    return not text[text.rfind("\n", 0, start) + 1:start].strip(" \t*_#")


# the rest of a post used as a label: its organisation's words on the same line, then a colon ("Giám đốc Sở:",
# "Trưởng đại diện:"), and where such a label starts: a line's start, a list mark, or a dash after a place
_LABEL_COLON = re.compile(r"(?P<org>[^\S\n]*(?:[^\W\d_][^\n:;,.()]{0,60}?)?)[^\S\n]*:[^\S\n]*")
_LABEL_START = re.compile(r"(?:^|\n|[-–+•*][^\S\n]+|\)[^\S\n]+)[^\S\n]*$")


def _title_before(text: str, a: int, pr: PeopleRules, b: Optional[int] = None) -> Optional[tuple[int, int]]:
    """'Phó Thủ tướng Chính phủ Bùi Thanh Sơn' -> span of 'Phó Thủ tướng Chính phủ'; a chain of
    titles with nothing but words of the title between them is one title ('Phó trưởng ban
    Thường trực Ban Tổ chức Trung ương'), and 'nguyên', 'phó', 'quyền' before it are kept. Given
    the name's end ``b``, a comma may stand between the title and a name that ends its clause
    ("... với Giám đốc Sở Nội vụ Hà Nội, Lê Quang Nhuệ.")."""
    lo = max(0, a - 90)
    window = text[lo:a]
    hm = pr.designation_end.search(window)
    if hm and ":" not in hm.group(0) and not hm.group(0).lower().startswith("các") and not pr.position_words.match(hm.group(0)):
        # an honorific or a degree before the name is no part of the title, and a comma before it is
        # the apposition's ("Phó giám đốc Sở Tài chính, TS Nguyễn Việt Dũng", "Chủ tịch UBND tỉnh ông A");
        # a rank is a title itself ("Đại tướng"), and an honorific that opens a sentence has none before it
        head = window[:hm.start()]
        if _SENTENCE_END_BEFORE.search(head) and not head.rstrip().endswith(":"):
            return None  # (a colon may end a post used as a label, "- Chủ tịch: ông A": read below)
        window = _COMMA_AT_END.sub("", head)
        comma_apposed = "," in head[len(window):]
        set_off = comma_apposed or re.search(r"[ \t][-–][ \t]*$", head) is not None  # ", ông A", " - ông A"
        a = lo + len(window)
    else:
        comma_apposed = set_off = False
    matches = list(pr.position_words.finditer(window))
    best = None
    for m in matches:
        best = m
    if best is None:
        return None
    # walk back over titles run together with this one
    k = len(matches) - 1
    while k > 0:
        prev = matches[k - 1]
        gap = window[prev.end():matches[k].start()]
        if "\n" in gap or "*" in gap or "|" in gap:
            break
        if gap.strip() == "" or (len(gap) < 30 and not re.search(r"[,;:()\"“”.]", gap) and not _FUNCTION_WORD.search(" " + gap + " ")
                                 and not _name_in_gap(gap, pr) and not pr.first_stop(" " + gap + " ", 0, len(gap) + 2)
                                 and not any(_is_foreign_word(w) for w in _FOREIGN_CAP.findall(gap))):  # ("Tổng thống Trump - Tổng thống Putin")
            k -= 1
        else:
            break
    first = matches[k]
    pos_m = _POSSESSOR_BEFORE.search(window, max(0, first.start() - 8), first.start()) if set_off else None
    if pos_m is not None:
        # a post after 'của', the name set off from it by a comma or a dash and an honorific: the name is the head
        # noun's before 'của', the post the possessor's ("người phát ngôn của Thủ tướng Chính phủ - ông A": A speaks
        # for the Prime Minister); the title runs from a post that is that head ("Thư ký của Chủ tịch nước, ông B").
        # (A name right after the post is the possessor's own: "Trợ lý của Tổng thống Mỹ Donald Trump")
        head = next((x for x in reversed(matches[:k]) if x.end() <= pos_m.start() and not window[x.end():pos_m.start()].strip()), None)
        if head is None:
            return None
        first = head
    pm = re.search(r"(?i)(?<![^\W\d_])(?:nguyên|cựu|phó|quyền)\s+$", window[max(0, first.start() - 8):first.start()])
    first_start = first.start() - (len(pm.group(0)) if pm else 0)
    between = _masked(window[best.end():])  # "Bộ NN&amp;PTNT", "Ban Chỉ đạo (XĐGN)": one name
    # a body's short name in brackets ("công ty cổ phần du lịch Việt (Viettour JSC)") and a comma before the body a
    # unit belongs to ("Giám đốc Trung tâm tin học, Bộ GDĐT Quách Tuấn Ngọc") are words of the title too
    between = _SHORT_NAME_BRACKETS.sub(lambda m: "X" * len(m.group()), between)
    between = pr.org_comma.sub(" ", between) if "," in between else between
    label = _LABEL_COLON.fullmatch(between)
    if label and _LABEL_START.search(window, 0, first_start):
        # a post as a label, its holder after the colon ("- Giám đốc: Nguyễn Văn An", "Paris, Pháp - Trưởng đại
        # diện: Bùi Nguyễn Quang Dũng"): the label, up to its colon, is the holder's title
        return lo + first_start, lo + best.end() + len(label.group("org").rstrip())
    apposed = re.search(r"[ \t]*,[ \t]*$", between)
    if apposed and b is not None and not _name_in_gap(between, pr) and (
            _APPOSED_NAME_END.match(text, b) or _opens_its_clause(text, lo + first_start)):
        # the name ends its clause ("... với Giám đốc Sở Nội vụ Hà Nội, Lê Quang Nhuệ."), or the title opens its
        # clause, so the name after the comma is its subject ("Trưởng phòng thị trường Công ty Du lịch Việt, Trịnh
        # Thế Ninh than thở: ...")
        between = between[:apposed.start()]
    # ("TP.HCM" may stand between; not across table rows, nor across the mark of a new list item: "2- Lê Hoàng
    # Quân - Uỷ viên Trung ương Đảng\n3- Lê Thanh Hải - ..."; but a heading alone on its line stays the title of the
    # dashed name right below it: "Bí thư Huyện ủy\n- Nguyễn Văn An")
    if (re.search(r"[,;:()\"“”!?]|\.\s|\n\s*\n|\|[ \t]*\n", between) or len(between) > 70
            or (_NEW_ITEM.search(between) and not (between.count("\n") == 1 and _HEADING_GAP.fullmatch(between, between.find("\n"))
                                                    and _alone_on_its_line(text, lo + first_start)))):
        return None
    # the words between the title and the name are the title's organisation: no verb or preposition
    # of the sentence, except 'và' / 'tại' inside a proper name ("Ủy ban Kinh tế và Ngân sách",
    # "Sở Nông nghiệp và Phát triển nông thôn", "Đại sứ Việt Nam tại Pháp"): between two
    # capitalised words, and not the last word before the name ("Chủ tịch A và B": two people)
    # (read with the title's last letter before it, so that a 'và' right after the title is seen between two
    # words: "Trưởng Ban Tuyên giáo và Dân vận Thành ủy")
    # (the last word before a comma that ends the title, no name after it, may be joined too: "Đại sứ Việt Nam tại
    # Pháp, ông A", "Bộ trưởng Bộ Ngoại giao của Nga, ông B")
    closed = comma_apposed or apposed
    joined = " " + _join_org_words(window[best.end() - 1:best.end()] + between + (" " if closed else ""))[1:] + ("" if closed else " ")
    pf = _PORTFOLIO.match(joined)
    if pf:  # "Phó Giám đốc phụ trách kinh doanh Nguyễn Văn An": the post's portfolio, no verb of the sentence
        joined = " " + joined[pf.end():]
    if _FUNCTION_WORD.search(joined) and len(between.strip()) > 0:
        return None
    if pr.first_stop(joined, 0, len(joined)):  # "Ban Bí thư chỉ định ông A": the title acts on A
        return None
    start = lo + first_start
    if comma_apposed:
        # across the comma only when the title opens its clause ("Hôm qua, Phó giám đốc Sở Y tế, ông A
        # cho biết"; "Theo ..." may stand before it), not as a verb's object ("Tiếp Đại sứ Nhật Bản, ông
        # A ...", "Sau khi gặp Chủ tịch UBND tỉnh, ông A ...": A is someone else), and not when the clause
        # before it ends with a name, whose appositive the title is ("ông A, Chủ tịch UBND tỉnh, ông B")
        cm, lead = _clause_lead(text, start)
        clause = lead.strip(" \t*_")
        if clause and not _APPOSITION_LEAD.fullmatch(clause):
            return None
        if cm is not None and cm.group() == "," and _NAME_END.search(text, max(0, cm.start() - 40), cm.start()):
            return None
    end = lo + best.end() + len(between) if apposed else a  # (the comma of an apposed name is no part of the title)
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    return start, end


# 'của' right before a post: the post names the possessor, whose person, office or spokesman the text speaks of
_POSSESSOR_BEFORE = re.compile(r"(?<![^\W\d_])của[ \t]+$", re.I)
# what introduces the next person at the end of a post: ", ông ", " và bà ", ", đồng chí "
_HONORIFIC_TAIL = re.compile(r"[\s,;]*(?:(?:và|cùng)[ \t]+)?(?:(?:ông|bà|đồng chí|đ/c|anh|chị)[ \t]*)?$")
_HONORIFIC_LEAD = re.compile(r"(?<![^\W\d_])(?:đồng chí|đ/c|ông|bà)[ \t]+")
def _clause_lead(text: str, start: int):
    """The last clause mark in the 60 characters before ``start`` (or None) and the text between it and ``start``."""
    cm = None
    for cm in _CLAUSE_MARK.finditer(text, max(0, start - 60), start):
        pass
    return cm, text[cm.end() if cm else max(0, start - 60):start]


def _opens_its_clause(text: str, start: int) -> bool:
    """Whether the title at ``start`` opens its sentence or line, or follows only "Theo" there."""
    cm, lead = _clause_lead(text, start)
    if cm is not None and cm.group() not in ".;:!?\n":
        return False
    lead = lead.strip(" \t*_-–•")
    return (cm is not None or start <= 60) and (not lead or lead.lower() == "theo")


_SHORT_NAME_BRACKETS = re.compile(r"\([A-ZĐ][^()\n,;:]{0,24}\)")


_CHAIN_CUT = re.compile(r"[,;:()\"“”\n|*]|\.(?![^\W\d_])")  # not the dot inside "T.Ư", "TP.HCM"


def _chain_before(text: str, s0: int, pr: PeopleRules, names, name_starts) -> list[tuple[int, int]]:
    """The titles that precede a title before a name, each after a comma: 'Ủy viên Bộ Chính trị,
    Bộ trưởng Ngoại giao Lê Hoài Trung' gives 'Ủy viên Bộ Chính trị' too. Each must start with a
    position and hold no name, verb or function word; a chain that follows a name and a comma is
    that name's appositive ('ông A, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh B'): none is taken."""
    out: list[tuple[int, int]] = []
    pos = s0
    for _ in range(6):
        cm = re.search(r",[ \t]*$", text[max(0, pos - 4):pos])
        if not cm:
            break
        comma = max(0, pos - 4) + cm.start()
        lo = max(0, comma - 120)
        cut = None
        for cut in _CHAIN_CUT.finditer(text, lo, comma):
            pass
        if cut is None and lo > 0:
            break
        seg = cut.end() if cut is not None else lo
        while seg < comma and text[seg] in " \t":
            seg += 1
        end = comma
        while end > seg and text[end - 1] in " \t":
            end -= 1
        hm = _HONORIFIC_LEAD.search(text, seg, end)  # "Dự có đồng chí Ủy viên Bộ Chính trị, ..."
        if hm and pr.position_at.match(text, hm.end()):
            seg, last = hm.end(), True
        else:
            last = False
            if not pr.position_at.match(text, seg):
                # the chain starts after the word that governs it ("do", "có"): the first such
                # word followed by a position, with no function word after it
                for lm in pr.chain_lead.finditer(text, seg, end):  # people.yaml chain_leads
                    if pr.position_at.match(text, lm.end()) and not _FUNCTION_WORD.search(" " + text[lm.end():end] + " "):
                        seg, last = lm.end(), True
                        break
        if end <= seg or not pr.position_at.match(text, seg):
            break
        k = bisect_left(name_starts, seg)
        if k < len(name_starts) and name_starts[k] < end:
            break  # a name inside: another person's title and name
        between = " " + _join_org_words(_masked(text[seg:end])) + " "
        if pr.first_stop(between, 0, len(between)) or _FUNCTION_WORD.search(between):
            break
        words = text[seg:end].split()
        if any(fold_key(" ".join(words[-n:])) in pr.not_names for n in (2, 3, 4) if n < len(words)):
            break  # "do Chủ tịch Hồ Chí Minh, Chủ tịch A": a title and a name that is never an official's
        out.append((seg, end))
        pos = seg
        if last:
            break
    if out:
        k = bisect_left(name_starts, pos) - 1
        if k >= 0 and re.fullmatch(r"[ \t]*,[ \t]*", text[names[k][1]:pos]):
            return []  # the chain follows a name: it is that name's appositive
    return out[::-1]


# a post named before the person it is given to or taken from: "miễn nhiệm chức vụ Bộ trưởng X đối với
# ông A", "chức danh Chủ tịch HĐND tỉnh đối với bà B", "trao quyết định bổ nhiệm Giám đốc Sở X cho ông C"
# (the post goes to each person the decision lists: "bổ nhiệm Phó Thủ tướng Chính phủ đối với bà A và ông B")
_POST_FOR_PERSONS = r"(?:(?:ông|bà|đồng chí|đ/c)[ \t]+(?:\w+[ \t]+){1,5}?\w+(?:[ \t]*,[ \t]*|[ \t]+và[ \t]+)){0,8}(?:ông|bà|đồng chí|đ/c)[ \t]+$"
_POST_FOR = re.compile(r"chức vụ[ \t]+(?P<t>[^.;:\n]{3,140}?)[ \t]+đối với[ \t]+" + _POST_FOR_PERSONS)
# (the other decisions: no comma in the post, which ends before "đối với"/"cho")
_POST_FOR_DECISION = re.compile(r"(?:bổ nhiệm|điều động|chỉ định|chức danh)[ \t]+(?:chức(?:[ \t]+(?:vụ|danh))?[ \t]+)?"
                                r"(?P<t>[^.;:,\n]{3,100}?)[ \t]+(?:đối với|cho)[ \t]+" + _POST_FOR_PERSONS)


# after a name, the words that give the post the person takes or holds ("... làm Tổng giám đốc", "giữ chức Bí thư")
_BLANKS = re.compile(r"[ \t]+")
# a post the person takes, right after the name: "bổ nhiệm A làm ...", "A giữ chức ...", or holds as
# they speak: "ĐB A với tư cách Chủ tịch Hội đồng quản trị ...", "A trên cương vị ..."
_TAKES_POST = re.compile(r"[ \t]+(?:làm|giữ chức(?:[ \t]+vụ)?|giữ cương vị|với tư cách(?:[ \t]+là)?|trên cương vị)[ \t]+")
# a post the person holds: "A hiện là Ủy viên Trung ương Đảng" (a copula with "hiện/nay/đang" before a
# position: the title held now; a bare "là" is as often "that": "báo với ông A là Chủ tịch xã không đồng ý")
# an aside of personal details right after a name: birth year or age first ("(sinh năm 1954)", "(56 tuổi, quê Nam Định)")
_DETAILS_ASIDE = re.compile(r"[ \t]*\((?:(?:sinh năm|SN)[ \t]*\d{4}|\d{2}[ \t]+tuổi)[^()\n]{0,60}\)")
_HOLDS_POST = re.compile(r"[ \t]+(?:hiện|nay|hiện nay|đang|hiện đang)[ \t]+là[ \t]+")
# what joins an appointment verb to the post: "được điều động làm Thứ trưởng", "bổ nhiệm giữ chức Phó ...",
# "tái đắc cử chức vụ Chủ tịch"
_POST_JOIN = re.compile(r"(?:lại[ \t]+)?(?:làm|là|giữ chức(?:[ \t]+vụ)?|giữ cương vị|chức vụ|chức|vào vị trí|vào|(?:vào[ \t]+)?ghế)[ \t]+")  # ("bổ nhiệm ghế Tổng giám đốc": the seat)
_CHAIN_SEP = re.compile(r"[ \t]*(?:,|và)?[ \t]*")
# a later post of the same appointment: "được chỉ định tham gia Ban Chấp hành, Ban Thường vụ và giữ chức Bí thư"
_LATER_POST = re.compile(r"(?:,|[ \t]và)[ \t]+(?:được[ \t]+)?(?:giữ chức(?:[ \t]+vụ)?|làm)[ \t]+")
# (not "không": it is a word of names, "Cục Hàng không", "Quân chủng Phòng không - Không quân")
_FUNCTION_WORD = re.compile(r"\s(?:đã|được|và|với|của|cho|là|có|thì|tại|về|gồm|hay|hoặc)\s")
_ORG_JOINER = re.compile(r"(?<=[^\W\d_])[ \t]+(?:và|tại|của)[ \t]+(?=([^\W\d_])[^\W\d_]*[ \t])")


def _join_org_words(between: str) -> str:
    """``between`` with 'và' / 'tại' removed where they join two capitalised words of a name, and 'của' before a
    capitalised word (the body or country the post belongs to: "Đại diện thường trực của Nga tại Liên hợp quốc")."""
    return _ORG_JOINER.sub(lambda m: " " if m.group(1).isupper() else m.group(0), between)


_NAME_SEP = re.compile(r"\s*(?:,|và|,\s*và)\s*")
# what stands between one person's title and the next person's name in a list ("... và ông", "cùng bà")
_JOIN_NEXT = re.compile(r"[ \t]+(?:(?:và|cùng|với)(?:[ \t]+(?:ông|bà|đồng chí|đ/c|anh|chị))?|ông|bà|đồng chí|đ/c)[ \t]+$")
# between two names of a list: a separator, and the honorific each member may carry ("ông A, ông B và bà C")
_LIST_SEP = re.compile(r"\s*(?:,|;|và|,\s*và)\s*(?:(?:ông|bà|đồng chí|đ/c|anh|chị)\s+)?")
# the colon that opens a list, before its first member's honorific if any
_COLON_FRAME = re.compile(r":[ \t]*(?:(?:đồng chí|ông|bà|đ/c)[ \t]+)?$")
# a member's post in brackets before the separator: "Nguyễn Văn A (Chủ nhiệm), Trần Văn B" (not a birth
# year or a home town: "Nguyễn Văn Thắng (1988), Hoàng Văn Ánh (1986)" lists no officials)
_POST_ASIDE = re.compile(r"[ \t]*\((?P<post>[^()\n]{1,80})\)")


def _list_sep(text: str, a: int, b: int, pr: PeopleRules, after_colon: bool = False) -> bool:
    """Whether [a, b) between two names separates two members of a list: a comma, ';' or 'và', after
    the first member's post in brackets if any (in a list a colon opens, "Ủy ban Kiểm tra TƯ: A (Chủ
    nhiệm), B, C": not "Hai đại biểu vắng mặt là ông A (Chủ tịch UBND huyện) và ông B (...)", whose
    sentence is no list frame)."""
    if _LIST_SEP.fullmatch(text, a, b):
        return True
    if not after_colon:
        return False
    m = _POST_ASIDE.match(text, a, b)
    return (m is not None and pr.position_at.match(text, m.start("post")) is not None
            and _LIST_SEP.fullmatch(text, m.end(), b) is not None)


# between two members of a list whose items carry their titles: ", Bí thư Tỉnh ủy; " (the next
# item after the ';', an honorific allowed)
_ITEM_GAP = re.compile(r"[ \t]*,[ \t]*(?P<t>[^;:\n]{2,150});[ \t\n]*(?:(?:ông|bà|đồng chí|đ/c)[ \t]+)?")


def _titled_item_gap(text: str, a: int, b: int, pr: PeopleRules) -> bool:
    """Whether [a, b) between two names is the title of the first item of a ';'-separated list
    ("Phạm Gia Bảo, Bí thư Tỉnh ủy; Cao Thị Lệ Thu, ..."): a title that starts with a position."""
    m = _ITEM_GAP.fullmatch(text, a, b)
    return m is not None and pr.position_at.match(text, m.start("t")) is not None


# the frame of a list that names the body its members belong to: "Ban Thẩm tra tư cách đại biểu gồm các
# đồng chí:", "Bộ Chính trị khóa X (14 người):"; a list's name before a leadership body ("Danh sách Bộ Chính
# trị khóa X:", "Thành phần Ban Thường vụ:"; not "Danh sách Tổ chức cơ sở đảng ...", "Danh sách Ban giám khảo")
_LEADERSHIP_BODY = (r"(?:Bộ Chính trị|Ban Bí thư|Ban Chấp hành|Ban chấp hành|Ban Thường vụ|Ban thường vụ|Ủy ban Kiểm tra|"
                    r"Uỷ ban Kiểm tra|Ủy ban kiểm tra|Đoàn Chủ tịch|Ban Thư ký|Ban Cán sự|Ban cán sự)(?![^\W\d_])")
_BODY_FRAME = re.compile(r"[ \t*\-]*(?:(?:[Dd]anh sách|[Tt]hành phần)[ \t]+(?:(?:các[ \t]+)?(?:thành viên|ủy viên|uỷ viên)[ \t]+)?(?=" + _LEADERSHIP_BODY + r"))?"
                         r"(?P<body>(?:Đoàn|Ban|Tổ|Tiểu ban|Hội đồng|Ủy ban|Uỷ ban)(?![ \t]+(?:chức|viên|hành|đầu|quốc)(?![^\W\d_]))[ \t]+[^,;:.\n]{2,100}"
                         r"|Bộ Chính trị(?:[ \t]+(?:khóa|khoá)[ \t]+[IVXLC\d]+)?)$")
_ITEM_HONORIFIC = re.compile(r"(?<=[:;,])[ \t]*(?:đồng chí|ông|bà|đ/c)[ \t]+$")
_PLURAL_HONORIFIC = re.compile(r"(?i)(?<![^\W\d_])(?:các|những)[ \t]+(?:đồng chí|ông|bà|đ/c|vị)(?![^\W\d_])")
# a plural or a count before a title: "các", "những", "2", "sáu"
_PLURAL_WORD = r"(?<![^\W\d_])(?:các|những|\d{1,2}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)[ \t]+"
_PLURAL_BEFORE = re.compile(_PLURAL_WORD + "$", re.I)
_AND_ONLY = re.compile(r"[ \t]+và[ \t]+")
_AND_NEXT = re.compile(r"[ \t]+và[ \t]+(?:(?:ông|bà|anh|chị|đồng chí|đ/c)[ \t]+)?")
# the verb after the last of coordinated names that gives all of them the post ("A và B làm phó chủ tịch")
_SHARED_TAKE = re.compile(r"[ \t]+(?:cùng[ \t]+)?(?:làm|giữ chức(?:[ \t]+vụ)?)[ \t]+")


def _list_members(text: str, names: list[tuple[int, int]], pr: PeopleRules) -> dict:
    """Names in lists: 'Các đồng chí: A, B, C và D ...', '<title> gồm: A, B, C', or three or more
    names in a row after a colon ('Ủy ban Kiểm tra TƯ Đảng khóa X (14 người): A, B, C, ...'). The
    scope of the list frame is its members: the title the frame names ('Các Phó Bí thư Tỉnh ủy
    gồm:', 'các đồng chí Ủy viên Bộ Chính trị:') is given to each (a member -> title span map)."""
    out: dict = {}
    i = 0
    while i < len(names):
        a, b = names[i]
        group = [names[i]]
        unlisted = []  # members the name patterns did not find ("Sa Như Hòa": no listed surname)
        j = i + 1
        after_colon = _COLON_FRAME.search(text, max(0, a - 40), a) is not None
        while True:
            if j < len(names) and (_list_sep(text, group[-1][1], names[j][0], pr, after_colon)
                                   or _titled_item_gap(text, group[-1][1], names[j][0], pr)):
                group.append(names[j])
                j += 1
                continue
            item = _unlisted_member(text, group[-1][1], names[j][0] if j < len(names) else len(text), pr)
            if item is None:
                break
            group.append(item)
            unlisted.append(item)
        intro = _ITEM_HONORIFIC.sub("", text[max(0, a - 40):a])  # "gồm các đồng chí: đồng chí A; đồng chí B"
        lm = pr.list_intro.search(intro)
        frame: list = []  # the title the frame names, read once, when first asked for

        def frame_title():
            if not frame:
                frame.append(_frame_title(text, a, pr))
            return frame[0]

        def is_list(group):
            plural = lm and (re.search(r"(?i)(?<![^\W\d_])các(?![^\W\d_])", lm.group(0)) or len(group) >= 2)  # 'gồm A' alone is no list
            colon = re.search(r":\s*$", intro)
            # "các đồng chí nguyên Ủy viên Bộ Chính trị, nguyên Chủ tịch Quốc hội: A, B": the plural
            # honorific stands before the titles the frame names
            titled = (colon and len(group) >= 2 and _PLURAL_HONORIFIC.search(text, _frame_start(text, a), a)
                      and frame_title() is not None)
            return plural or (len(group) >= 3 and colon) or titled

        if unlisted and not (is_list(group) and _people_frame(text, a, frame_title())):
            # names no pattern found join only a list that says it lists people (a title, "các đồng
            # chí", "(14 người)"): not countries "như: Hà Lan, Đan Mạch", not tournaments
            group = group[:group.index(unlisted[0])]  # the names found before the first such item, as before
            j = i + len(group)
            unlisted = []
        if is_list(group):
            title = frame_title()
            if title is None and _institution_frame(text, a, pr):
                i = j  # "Các trường THPT ... như: Nguyễn Thị Minh Khai, Lê Quý Đôn, ...": schools, not people
                continue
            if isinstance(title, _Respective):
                # "các đồng chí Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh: A, B": one post each, in order
                for k, x in enumerate(group):
                    out[x] = title.parts[k] if len(title.parts) == len(group) else None
            else:
                for x in group:
                    out[x] = title
            i = j
            continue
        if len(group) >= 2:
            # a counted or plural title right before the names: "bổ nhiệm 2 Phó Thủ tướng A, B",
            # "các Phó Bí thư Tỉnh ủy A, B và C"
            tb = _title_before(text, a, pr)
            if tb and _PLURAL_BEFORE.search(text, max(0, tb[0] - 12), tb[0]):
                for x in group:
                    out[x] = tb
            elif (tb and len(group) == 2 and _AND_ONLY.fullmatch(text, group[0][1], group[1][0])
                  and pr.shared_post.match(text, tb[0])):
                # (scope) a post many hold at once before two names joined by 'và': both names' ("Đại biểu Nguyễn
                # Công Kích và Đặng Như Lợi"; people.yaml shared_post_heads), not a post one person holds
                for x in group:
                    out[x] = tb
        i = j
    # a table of people: three or more cells that hold nothing but a name
    cells = [(a, b) for a, b in names if re.search(r"\|[ \t]*$", text[max(0, a - 4):a]) and re.match(r"[ \t]*\|", text[b:b + 4])]
    if len(cells) >= 3:
        for x in cells:
            out.setdefault(x, None)
    return out


# an item of a list that no name pattern found: two to four capitalised words, then the next
# separator or the end of the list
_LIST_ITEM = re.compile(_CAP + r"[^\W\d_]*(?:[ \t]+" + _CAP + r"[^\W\d_]*){1,3}(?=[ \t]*(?:[,;.)\n]|và[ \t]|$))")


def _unlisted_member(text: str, pos: int, limit: int, pr: PeopleRules) -> Optional[tuple[int, int]]:
    """The list item after the member that ends at ``pos``, when it is a name the name patterns did
    not find ("..., Nguyễn Văn Đảm, Sa Như Hòa, Nguyễn Minh Quang"): capitalised words between
    separators, before ``limit`` (the next name found), not a place, a title or a word that is no name."""
    sm = _LIST_SEP.match(text, pos, limit)
    if sm is None or sm.end() == pos:
        return None
    m = _LIST_ITEM.match(text, sm.end(), limit)
    if m is None:
        return None
    words = m.group().split()
    key = fold_key(m.group())
    if (key in pr.places or key in pr.countries or key in pr.not_names or any(fold_key(w) in pr.not_names for w in words)
            or pr.position_at.match(text, m.start()) or pr.not_before_any.search(m.group())):
        return None
    return m.span()


_PEOPLE_WORD = re.compile(r"(?i)(?<![^\W\d_])(?:đồng chí|ông|bà|đ/c|đại biểu|cán bộ|thành viên|ủy viên|uỷ viên|\d+\s+(?:người|vị))(?![^\W\d_])")


def _people_frame(text: str, a: int, title) -> bool:
    """Whether the frame of a list whose first member starts at ``a`` says it lists people: it
    names a title (``title``, its ``_frame_title``: "Các Phó Bí thư gồm:") or people by an
    honorific, a role or a head count ("các đồng chí", "đại biểu", "(14 người):"); "nhiều người ...
    như:" may list anyone."""
    return title is not None or _PEOPLE_WORD.search(text, _frame_start(text, a), a) is not None


_ITEM_END = re.compile(r"[ \t]*(?:[,;)]|và[ \t])")
# a sentence break inside a bracket: not the dot of an abbreviation ("Bí thư Thành ủy TP.HCM Nguyễn Minh Triết")
_BRACKET_BREAK = re.compile(r"\.(?=\s|$)|[;!?\n]")
_PLURAL_LEAD = re.compile(_PLURAL_WORD, re.I)


def _bracket_group_title(text: str, a: int, b: int, pr: PeopleRules) -> Optional[tuple[int, int]]:
    """The title of a counted group whose members are listed in brackets after it: "Sáu ủy viên Bộ
    Chính trị (Tổng Bí thư A, Bí thư Thành ủy TP.HCM B, ...)" gives each member "ủy viên Bộ Chính
    trị" (the member at ``a`` stands inside the bracket, no bracket closed between)."""
    if not _ITEM_END.match(text, b):
        return None  # "(ông A nghỉ ốm, ông B đi công tác)": items that say something of the people
    lo = max(0, a - 300)
    o = text.rfind("(", lo, a)
    if o < 0 or text.find(")", o, a) >= 0 or _BRACKET_BREAK.search(text, o, a) and ";" not in text[o:a]:
        return None
    return _counted_title_before(text, o, 80, pr)


def _counted_title_before(text: str, end: int, reach: int, pr: PeopleRules) -> Optional[tuple[int, int]]:
    """The title of a counted or plural group that ends at ``end`` ("Sáu ủy viên Bộ Chính trị", "4 ủy viên
    trung ương Đảng"): a plural word within ``reach`` characters of its frame, a position after it, and no
    comma, function word or stop word between the position and ``end``; its span, or None."""
    head_lo = max(_frame_start(text, end), end - reach)
    pl = None
    for pl in _PLURAL_LEAD.finditer(text, head_lo, end):
        pass
    if pl is None or not pr.position_at.match(text, pl.end()):
        return None
    while end > pl.end() and text[end - 1] in " \t":
        end -= 1
    seg = " " + text[pl.end():end] + " "
    if re.search(r"[,;:]", seg) or _FUNCTION_WORD.search(seg) or pr.first_stop(seg, 0, len(seg)):
        return None
    return pl.end(), end


def _named_group_title(text: str, a: int, b: int, pr: PeopleRules) -> Optional[tuple[int, int]]:
    """The title of a counted group ("4 ủy viên trung ương Đảng") at the end of the sentence before
    the one that names its members ("Đó là ông A - ..., ông B - ..."), for the member at ``a``: the
    sentence opens with one of people.yaml group_naming_openers and a person follows it at once, after
    an honorific at most ("Đó là thông tin do ông A cho biết" names no member)."""
    if not _ITEM_END.match(text, b) and not re.match(r"[ \t]*[-–(]", text[b:b + 3]):
        return None
    lo = max(0, a - 400)
    cut = max(text.rfind(". ", lo, a), text.rfind(".\n", lo, a), text.rfind("\n", lo, a))
    if cut < 0:
        return None
    s = cut + 1
    nl = pr.naming_lead.match(text, s + (text[s] in " \n" if s < len(text) else 0))
    if nl is None or not text[nl.end()].isupper():
        return None
    if text.rfind(";", s, a) >= 0:
        return None
    end = cut + (text[cut] == "\n")  # the end of the sentence before, its dot left out
    while end > 0 and text[end - 1] in " \t\n":
        end -= 1
    if end > 0 and text[end - 1] in ".:":
        end -= 1
    return _counted_title_before(text, end, 100, pr)


def _frame_start(text: str, a: int) -> int:
    """Where the frame of a list whose first member starts at ``a`` begins: after the last
    sentence break, line break or ';' at most 160 characters back."""
    lo = max(0, a - 160)
    cut = max(text.rfind(". ", lo, a), text.rfind("\n", lo, a), text.rfind(";", lo, a))
    return cut + 1 if cut >= 0 else lo


def _institution_frame(text: str, a: int, pr: PeopleRules) -> bool:
    """Whether the frame of a list (its sentence up to the first member) names institutions or
    places and no person: "Các trường THPT thực hiện chương trình phân ban như: A, B, C"."""
    frame = text[_frame_start(text, a):a]
    return (pr.not_before_any.search(frame) is not None
            and not re.search(r"(?i)(?<![^\W\d_])(?:đồng chí|ông|bà|đ/c|đại biểu|người|cán bộ|thành viên)(?![^\W\d_])", frame))


_FRAME_PLURAL = re.compile(r"(?<![^\W\d_])(?:các|những|nhiều|\d{1,3}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)[ \t]+$", re.I)


def _frame_title(text: str, a: int, pr: PeopleRules):
    """The title a list frame names before its members, in the same sentence: 'Các Phó Bí thư
    Tỉnh ủy gồm:' -> 'Phó Bí thư Tỉnh ủy'; 'các đồng chí Ủy viên Bộ Chính trị:' -> 'Ủy viên Bộ Chính trị'
    (a span); a chain of titles separated by commas -> a list of spans; None when it names none."""
    lo = _frame_start(text, a)
    window = text[lo:a]
    fm = re.search(r"(?:\s+(?:gồm|là)(?:\s+(?:các|có))?(?:\s+\d{1,3})?(?:\s+(?:đồng chí|ông|bà|đ/c|người|thành viên|ủy viên|uỷ viên))?)?\s*(?:\(\d+\s*(?:người|đồng chí)\))?\s*:?\s*(?:(?:đồng chí|ông|bà|đ/c)\s+)?$", window)
    end = lo + fm.start() if fm else a
    # the members' title: the first position counted or made plural ("4 thứ trưởng Bộ Công an", "Các Ủy
    # viên Bộ Chính trị ... không tái cử"), else the first after which the frame runs on to its list with
    # no verb: in "Thủ tướng đã ký bổ nhiệm 4 thứ trưởng Bộ Công an là các ông A, B" the Prime Minister
    # is who appointed them (words that join a title's parts are no verbs: "Phó Trưởng ban Tuyên giáo và
    # Dân vận Tỉnh ủy"); the title ends where a verb starts the clause that describes them
    cands = list(pr.position_words.finditer(text, lo, end))

    def runs_to_list(m) -> bool:  # no verb between the post and the frame's end
        return not (_CLAUSE_WORD.search(text, m.end(), end) or pr.appoint.search(text, m.end(), end))

    best = next((m for m in cands if _FRAME_PLURAL.search(text, max(lo, m.start() - 16), m.start())), None)
    if best is None:
        best = next((m for m in cands if runs_to_list(m)), None)
    if best is not None:
        # a post taken after a verb of election or 'làm' ("ba Ủy viên Dự khuyết đã được bầu làm ủy viên chính
        # thức ... là A, B, C", "bầu hai Phó Chủ tịch HĐND tỉnh làm Ủy viên Thường trực HĐND tỉnh là ..."): the
        # post they took
        av = pr.appoint.search(text, best.end(), end) or _TAKES_POST.search(text, best.end(), end)
        if av is not None:
            best = next((m for m in cands if m.start() >= av.end() and runs_to_list(m)), best)
        verb = [x.start() for x in (_CLAUSE_WORD.search(text, best.end(), end), pr.appoint.search(text, best.end(), end),
                                    _TAKES_POST.search(text, best.end(), end)) if x]
        paren = text.find("(", best.end(), end)
        if paren >= 0:  # (nor an aside the frame opens: "3 thư ký (1 người của TAND quận là A, 2 người ... là B và C)")
            verb.append(paren)
        if verb:
            end = _blank_end(text, best.end(), min(verb))
    if best is None:
        # a body whose members the frame lists ("Ban Thẩm tra tư cách đại biểu gồm các đồng chí:"):
        # membership is their title
        bm = _BODY_FRAME.match(text, lo, end)
        if bm is None or not fm.group(0).strip():
            return None
        b_end = end
        while b_end > lo and text[b_end - 1] in " \t":
            b_end -= 1
        return (bm.start("body"), b_end) if b_end - lo <= 110 else None
    s0 = best.start()
    pm = re.search(r"(?i)(?:nguyên|phó|quyền)\s+$", text[max(lo, s0 - 8):s0])
    if pm:
        s0 -= len(pm.group(0))
    # a body named before the title ("Đoàn Chủ tịch Đại hội", "Ban Thư ký")
    bm = re.search(r"(?<![^\W\d_])(?:Đoàn|Ban|Tổ|Hội đồng)\s+$", text[max(lo, s0 - 10):s0])
    if bm:
        s0 -= len(bm.group(0))
    seg = text[s0:end]
    if len(seg) > 110 or re.search(r"[;:]", seg):
        return None
    if "," not in seg:
        return s0, end
    # a chain of titles ("các nguyên Ủy viên Bộ Chính trị, nguyên Chủ tịch Quốc hội: A, B"): each
    # part a title (a position first, no verb or function word), each given to every member
    parts, k = [], s0
    for piece in seg.split(","):
        a0, b0 = k, k + len(piece)
        k = b0 + 1
        while a0 < b0 and text[a0] in " \t":
            a0 += 1
        while b0 > a0 and text[b0 - 1] in " \t":
            b0 -= 1
        pm = re.match(r"(?i)(?:nguyên|phó|quyền)\s+", text[a0:b0])
        if not pr.position_at.match(text, a0 + (pm.end() if pm else 0)) or _FUNCTION_WORD.search(" " + text[a0:b0] + " "):
            return None
        parts.append((a0, b0))
    if all(pr.shared_title.match(text, a0, b0) for a0, b0 in parts):  # people.yaml shared_titles
        return parts
    # "các đồng chí Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh: A, B": posts one person holds each, in order
    return _Respective(parts)


class _Respective:
    """The titles of a list frame given to its members one each, in order (not every title to each)."""

    __slots__ = ("parts",)

    def __init__(self, parts: list):
        self.parts = parts


def _namesake_cue(pr: PeopleRules, text: str, a: int, name_start: int) -> bool:
    """Whether a word that makes the name after it a namesake ("TP", "Trường") stands in [a, name_start)
    and still waits for its name: not one an acronym completes ("Bí thư Thành ủy TP.HCM Nguyễn Minh
    Triết": the city is named, the name is a person's)."""
    for m in pr.not_before_any.finditer(text, a, name_start):
        am = _ACRONYM_ONLY.fullmatch(text, m.end(), name_start)
        if not am or am.group().strip(" \t.") in pr.namesake_words:
            return True  # (an acronym that is itself a school's or a body's head waits too: "Trường ĐH Nông Lâm")
    return False


_ACRONYM_ONLY = re.compile(r"\.?[ \t]*[A-ZĐ]{2,4}[ \t]+")


# the next part of an aside of personal details: after a comma or ';' ("(56 tuổi, quê Quảng Ninh; Phó Chủ nhiệm ...)")
_ASIDE_PART = re.compile(r"[ \t]*[,;][ \t]*")
# another person in an aside: an honorific or a kinship word ("vợ ông Hải", "sau khi nghe ông Hải")
_OTHER_PERSON = re.compile(r"(?<![^\W\d_])(?:ông|bà|anh|chị|đồng chí|vợ|chồng|con|cha|mẹ|bố)(?![^\W\d_])", re.I)


def _appositive_titles(text: str, b: int, pr: PeopleRules, name_starts: list[int] = ()) -> tuple[list[tuple[int, int]], Optional[int]]:
    """Titles after a name: ', Ủy viên Bộ Chính trị, Thủ tướng Chính phủ ...' and '(sinh năm 1961, Chủ tịch ...)'."""
    titles, birth = [], None
    pos = b
    n = len(text)
    aside_end = -1  # the closing bracket of an aside opened right after the name
    for _ in range(8):
        # (a dash after a line break opens the next list item, no apposition: "- Giám đốc: A\n- Phó Giám đốc: B")
        m = re.match(r"(?:\s*(?:,[ \t]*\(|,|\()|[ \t]*(?:-\s|–\s))\s*", text[pos:pos + 8])
        if not m and pos == b and text[pos:pos + 1] in ("-", "–") and pr.position_at.match(text, pos + 1):
            m = re.match(r"[-–]", text[pos:pos + 1])  # a dash glued to the name and the post: "Huỳnh Thanh Hùng-Phó hiệu trưởng"
        if not m:
            break
        if pos == b and m.group().strip().endswith("("):  # ("bà B, (56 tuổi, ...)": a comma before it)
            aside_end = text.find(")", pos, pos + 200)
        seg_start = pos + m.end()
        # the segment runs to the next comma, closing bracket or sentence break
        seg_end = _segment_end(text, seg_start, pr)
        seg = text[seg_start:seg_end]
        bm = re.match(r"\s*(?:sinh năm|SN|sinh ngày\s+\d{1,2}[/-]\d{1,2}[/-])\s*(\d{4})", seg)
        age = re.fullmatch(r"\s*\d{2}\s+tuổi\s*", seg)  # ", 51 tuổi, Bí thư Tỉnh ủy"
        if age or bm:
            if bm:
                birth = int(bm.group(1))
            pos = seg_end
            if pos == aside_end:  # "ông A (sinh năm 1954), Phó tổng giám đốc ...": the details closed, the titles go on
                pos, aside_end = pos + 1, -1
            continue
        lm = re.match(r"(?:làm|giữ chức(?: vụ)?|kiêm|(?:(?:hiện|nay|hiện nay)[ \t]+(?:đang[ \t]+)?)?là)\s+", text[seg_start:seg_start + 24])
        if lm and pr.position_at.match(text, seg_start + lm.end()):
            seg_start += lm.end()  # "- Ủy viên Trung ương Đảng, làm Bí thư Tỉnh ủy"
            seg = text[seg_start:seg_end]
        if (not pr.position_at.match(text, seg_start) and aside_end > seg_start and _DELEGATION.match(text, seg_start)
                and aside_end - seg_start <= 80 and not _CLAUSE_WORD.search(text, seg_start, aside_end)):
            # the delegation a congress's delegate belongs to, in brackets after the name ("ông A (đoàn đại
            # biểu Quảng Bình)"): what the text says of the person there, a title
            titles.append((seg_start, _blank_end(text, seg_start, min(seg_end, aside_end))))
            break
        if not pr.position_at.match(text, seg_start):
            if (titles and titles[-1][1] >= pos - 1 and m.group().strip() == "," and pr.org_segment.match(text, seg_start)
                    and seg_end - seg_start <= 80 and not any(seg_start <= x < seg_end for x in name_starts)
                    and not pr.first_stop(text, seg_start, seg_end) and not _CLAUSE_WORD.search(text, seg_start, seg_end)
                    and (seg_end >= len(text) or text[seg_end] in ",)]\n.;")):
                # the organisation the title before is held in ("Phó khoa Y tế học đường, Trung tâm Sức
                # khỏe lao động và môi trường"): a whole appositive segment, no clause ("Theo ông A, Giám
                # đốc Sở X, Sở đang xây dựng ..." names the subject of what follows)
                titles[-1] = (titles[-1][0], _blank_end(text, seg_start, seg_end))
                break
            if not titles and aside_end > seg_start and "\n" not in text[seg_start:aside_end]:
                # an aside of personal details right after the name ("ông A (45 tuổi, quê Hà Nội, thạc sĩ
                # Luật), Phó Trưởng ban ..."): the titles after it are still the person's, and so is a
                # post among the details ("bà B (56 tuổi, quê Quảng Ninh; Phó Chủ nhiệm Ủy ban ...)")
                part = _ASIDE_PART.search(text, seg_end, aside_end)
                if (part is not None and pr.position_at.match(text, part.end())
                        and not _OTHER_PERSON.search(text, pos, part.start())
                        and bisect_right(name_starts, part.start()) == bisect_right(name_starts, pos)):
                    # (not a post of another person the aside names: "(vợ ông Lê Văn Hải, nguyên Chủ tịch ...)")
                    seg_start = part.end()
                    seg_end = _segment_end(text, seg_start, pr)
                    stop = pr.first_stop(text, seg_start, seg_end)
                    t_end = min(stop.start() if stop else seg_end, aside_end)
                    titles.append((seg_start, _blank_end(text, seg_start, t_end)))
                    pos, aside_end = aside_end + 1, -1
                    continue
                pos, aside_end = aside_end + 1, -1
                continue
            break
        stop = pr.first_stop(text, seg_start, seg_end)
        t_end = stop.start() if stop else seg_end
        for dm in _ASIDE_CLOSE.finditer(text, seg_start, t_end):
            if pr.kin_word.match(text, dm.end()):
                # a dash before a kin word closes the title: "nguyên phó cục trưởng Cục Cảnh vệ - vợ của ông A"
                # (the kin is another person's, no field of a body's compound name)
                t_end, stop = dm.start(), True
                break
        k = bisect_right(name_starts, seg_start)  # name_starts is sorted
        while (k < len(name_starts) and name_starts[k] < t_end
               and _namesake_cue(pr, text, seg_start, name_starts[k])
               and not _JOIN_NEXT.search(text, seg_start, name_starts[k])):
            k += 1  # a namesake inside the body's name ("Hiệu trưởng Trường CĐ Kỹ thuật Lý Tự Trọng")
        if k < len(name_starts) and name_starts[k] < t_end:
            # "- Bí thư Tỉnh ủy Quảng Trị và ông Ksor Phước - ...": the title ends at the word that
            # joins the next person; with no such word ("..., Bí thư Tỉnh ủy Quảng Ninh Nguyễn Văn
            # Quynh") the words are the next person's title
            jm = _JOIN_NEXT.search(text, seg_start, name_starts[k])
            if jm and jm.start() > seg_start:
                titles.append((seg_start, jm.start()))
            break
        # "..., nhiệm kỳ 2025 - 2030" continues the title
        cont = re.match(r",\s*nhiệm kỳ\s+\d{4}\s*[-–]\s*\d{4}", text[t_end:t_end + 30]) if not stop else None
        if cont:
            t_end += cont.end()
            seg_end = t_end
        if m.group().strip() in "-–":
            # an aside opened by a dash closes at the next dash before a word in lower case, the
            # predicate the aside interrupts ("Bà H'Luộc NTơr - ĐB Đắc Lắc - nhắc: ..."); a dash before
            # a post is a second post ("- Ủy viên Bộ Chính trị - Bí thư Thành ủy"), and one before words
            # that go on to a name the rest of a body's name ("trưởng Phòng Thương mại - du lịch Hội An"), as is
            # one a word or two after a body's head noun ("Sở Lao động - thương binh và xã hội", "Sở Tài nguyên -
            # môi trường (TN-MT)": the fields of a compound name, written in lower case; not after an acronym,
            # a whole name: "Sở GTCC - rất bất ngờ")
            for dm in _ASIDE_CLOSE.finditer(text, seg_start, t_end):
                nxt = _ASIDE_CLOSE.search(text, dm.end(), t_end)
                if (not pr.position_at.match(text, dm.end()) and not _CAP_AFTER.search(text, dm.end(), min(nxt.start() if nxt else seg_end, dm.end() + 40))
                        and not pr.compound_body_before.search(text, max(seg_start, dm.start() - 40), dm.start())):
                    t_end, stop = dm.start(), True
                    break
        while t_end > seg_start and (text[t_end - 1] in " \t" or (text[t_end - 1] in "-–" and text[t_end - 2:t_end - 1] in (" ", "\t"))):
            t_end -= 1  # (and a dash left before a stop: "tổng giám đốc CII - trả lời")
        # posts held at once, each its own title: "Phó Chủ tịch kiêm Tổng thư ký Hội Nhà báo", "Ủy viên Bộ
        # Chính trị - Bí thư Trung ương Đảng - Trưởng Ban Tư tưởng Văn hóa Trung ương"
        cuts = [seg_start]
        for cm in _CONCURRENT.finditer(text, seg_start, t_end):
            if pr.position_at.match(text, cm.end()):
                cuts += [cm.start(), cm.end()]
        cuts.append(t_end)
        parts = [(cuts[k], cuts[k + 1]) for k in range(0, len(cuts), 2) if cuts[k + 1] > cuts[k]]
        if any(y - x > 120 for x, y in parts):  # prose, not a title (each post of a chain counts alone)
            break
        titles += parts
        if stop:
            tk = _TAKES_POST.match(text, t_end) if stop is not True else None
            if tk and pr.position_at.match(text, tk.end()):
                # the post the person takes, after the post held ("giao ông A, Thứ trưởng Bộ Nông nghiệp làm quyền
                # Bộ trưởng Bộ này", "ông B, Phó Chủ tịch UBND tỉnh làm Trưởng đoàn"): a title the text gives them
                post = _post_at(text, tk.end(), pr)
                if post:
                    titles.append(post)
            break
        pos = seg_end
        if pos < n and text[pos] in ")":
            break
    return titles, birth


# a copula after a comma later in the subject's sentence: "Ông A có học hàm giáo sư, ..., là Ủy viên ..."
_LATER_COPULA = re.compile(r",[ \t]+(?:hiện[ \t]+)?là[ \t]+")
# what keeps a later copula from being the subject's: a sentence or clause break, a verb of speech, a new
# subject ("Ông A cho biết, người đứng đầu là ...", "ông A nói, ...")
_SPEECH_OR_BREAK = re.compile(r"[.;:!?\n\"“”]|(?<![^\W\d_])(?:cho biết|cho rằng|nói|khẳng định|nhấn mạnh|phát biểu|chia sẻ|"
                              r"thông tin|đề nghị|yêu cầu|cho hay|kể|trả lời|giải thích|tiết lộ|ông|bà|anh|chị|người|mà|thì|khi|nếu|vì|do|"
                              r"nhưng|và)(?![^\W\d_])", re.I)
# a bare copula after a name that opens its clause ("Trước khi được điều động, ông A là Phó chủ tịch UBND
# thành phố"): the subject's post; after a name that is an object ("báo với ông A là Chủ tịch xã không đồng
# ý": "that") it is none
_SUBJECT_BEFORE = re.compile(r"(?:^|[.,;:\n][ \t]*)(?:[Ôô]ng|[Bb]à)[ \t]+$")
# a title that opens its clause (at the text's start or after a sentence or clause mark)
_SUBJECT_TITLE_BEFORE = re.compile(r"(?:^|[.;:\n][ \t]*)$")
_COPULA = re.compile(r"[ \t]+là[ \t]+")
# when a post was held, after it: "từ năm 2020", "từ tháng 7/2025", "vào năm 2019"
_SINCE = re.compile(r"[ \t,]+(?:từ|kể từ|vào|trong|đến)[ \t]+(?:giữa[ \t]+)?(?:năm|tháng|ngày|đầu|cuối)(?![^\W\d_])", re.I)
# a time the person held a post: "trong thời kỳ làm giám đốc ...", "khi còn giữ chức ..."
_WHEN_HELD = re.compile(r"(?<![^\W\d_])(?:thời kỳ|thời gian|khi|lúc)[ \t]+(?:còn[ \t]+|đang[ \t]+)?(?:làm|giữ chức(?:[ \t]+vụ)?)[ \t]+", re.I)
_PARTICLE_AFTER = re.compile(r"[ \t]+(?:von|van|der|de|di|da|du|bin|ibn|al|el)(?:[ \t]+(?:der|den|la|le))?[ \t]+[A-Z][a-z'-]+")
_FOREIGN_CAP = re.compile(r"(?<![^\W\d_])[A-Z][a-z'-]+(?![^\W\d_])")  # a capitalised word of ASCII letters
# a delegation: "đoàn đại biểu Quảng Bình", "Đoàn đại biểu Hà Nội" ('Đoàn' is a surname too, "(Đoàn Ngọc
# Hải phát biểu sau)": a capital 'Đoàn' only before "đại biểu")
_DELEGATION = re.compile(r"(?:đoàn|Đoàn(?=[ \t]+đại biểu))[ \t]+(?:đại biểu[ \t]+)?[" + _UPPER_BMP + r"]")
# words of a clause's predicate, which no organisation's name holds
_CLAUSE_WORD = re.compile(r"(?<![^\W\d_])(?:đang|đã|sẽ|được|bị|thì|là|có|không|chưa|vẫn|cũng|phải|cần|cho thấy|quy định)(?![^\W\d_])")
# a title never ends in a word or a mark that joins what follows
_TRAILING_JOIN = re.compile(r"(?:[\s,]+(?:và|hoặc|cùng|với)|\s*[-–,:;])\s*$")
_INITIAL_DOT = re.compile(r"\.(?=[^\W\d_])")
_ASIDE_CLOSE = re.compile(r"[ \t]+[-–][ \t]+(?=[" + VI_LOWER + r"])")
_CAP_AFTER = re.compile(r"[ \t][" + _UPPER_BMP + r"]")
_CONCURRENT = re.compile(r"[ \t]+kiêm[ \t]+|[ \t]+[-–][ \t]+")  # a second post held at the same time


_ENTITY_BODY = r"&(?:[A-Za-z]{2,8}|#\d{1,6})"  # an HTML entity left in scraped text, without its ';'
_ENTITY = re.compile(_ENTITY_BODY + ";")
_ABBREV_BRACKETS = re.compile(r"\([A-ZĐ0-9][A-ZĐ0-9&.\-]{0,11}\)")  # "(XĐGN)", "(2)"


def _masked(s: str) -> str:
    """``s`` with HTML entities and bracketed abbreviations replaced by letters of the same
    length, so punctuation checks do not see them (offsets unchanged)."""
    s = _ENTITY.sub(lambda m: "x" * len(m.group()), s)
    s = _COMMA_IN_BODY.sub(" ", s)
    s = _CITY_DOT.sub(r"\1x", s)  # "TP. Hồ Chí Minh"
    return _ABBREV_BRACKETS.sub(lambda m: "X" * len(m.group()), s)


# the comma inside a body's name of three parts ("Sở Văn hóa, Thể thao và Du lịch", "Bộ Khoa học,
# Công nghệ và Môi trường"): what follows it is capitalised and joined by "và" to a capitalised word
_COMMA_IN_BODY = re.compile(r"(?<=[^\W\d_]),(?=[ \t]*[A-ZĐ][^,;:()\n.]{0,30}?[ \t]và[ \t]+[A-ZĐ])")


_UP_TO_4_SPACES = re.compile(r"\s{0,4}")
# a bracket that names where an office belongs ("(Bộ GD-ĐT)", "(TP Hà Nội)", "(quận 3)", "(thuộc Tổng
# công ty Than VN)"): a capitalised name or an administrative unit, closed, with no comma in it; any
# other bracket is an aside ("(52 tuổi, tiến sĩ ...)", "(bìa trái)", "(nay là ...)") that ends the title
_QUALIFIER = re.compile(r"(?:" + _CAP + r"|(?:thuộc|quận|huyện|tỉnh|thị xã|thành phố|xã|phường)[ \t])(?:[^,;()\n]|&[A-Za-z]{2,8};){0,60}\)")
_CITY_ABBREV_BEFORE = re.compile(r"(?<![^\W\d_])(?:TP|Tp)$")
# a city's name after "TP.": two capitalised words or more ("Hồ Chí Minh"), or one before a delimiter
# ("Huế,"), not a new sentence ("Sáng nay")
_CITY_NAME_AFTER = re.compile(rf"[ \t]*{_CAP_W}(?:(?:[ \t]+{_CAP_W})+|(?=[ \t]*(?:[,.;:)\n]|$)))")
_CITY_DOT = re.compile(r"(?<![^\W\d_])(TP|Tp)\.(?=" + _CITY_NAME_AFTER.pattern + ")")
# (':' opens what the person says: "Ông A, Chủ tịch UBND TP: Hiện ..."; a reference mark ends it too: "Tổng Bí thư.[6] Ông ...")
_SEG_END = re.compile(r"[,;:()|\n]|\.(?:\s|$)|" + _REF_MARK)
# where a post glued to a name ends ("ông A Trưởng Ban Tuyên giáo Tỉnh ủy, ...")
_POST_END = re.compile(r"[,;)(\n]|\.(?:\s|$)|" + _REF_MARK)
_ABBREV_IN_BRACKETS = re.compile(_ABBREV_BRACKETS.pattern + "$")  # one that ends where the search ends
_ENTITY_BEFORE = re.compile(_ENTITY_BODY + "$")


# a footnote number glued to a term's Roman numeral at a title's end ("Ủy ban Kiểm tra Trung ương khóa IX13", a
# scraped encyclopedia page) or in brackets ("Tổng Bí thư.[6]")
_FOOTNOTE_MARK = re.compile(r"\b[Kk]h(?:óa|oá) [IVXLC]{1,5}(?P<n>\d{1,2})$|(?P<n2>\.?\[\d{1,3}\]\.?)$")


# emphasis marks closing a title's line, with the line break and the next line's opening marks a signature
# block's span may hold ("PHÓ CHỦ TỊCH**\n**" above "**Hoàng Nam**")
_EMPHASIS_END = re.compile(r"[*_][*_.\s]*$")


# a sentence that goes on about the person last named, a pronoun its subject and a post its predicate:
# "Bà hiện là Ủy viên Ban Chấp hành Trung ương Đảng khóa XIII, Phó Thủ tướng Chính phủ, ...", "Ông từng
# giữ chức Bí thư Tỉnh ủy Quảng Bình"
_PRONOUN_POST = re.compile(r"(?:^|(?<=[.!?:\n])|(?<=[.!?:][ \t]))(?P<pro>Ông|Bà)[ \t]+(?:(?:hiện|nay|từng|đã|đang|cũng|còn|sau đó|trước đó)[ \t]+){0,2}"
                           r"(?:là|giữ chức(?:[ \t]+vụ)?|làm|đảm nhiệm(?:[ \t]+chức(?:[ \t]+vụ)?)?|giữ cương vị)[ \t]+", re.M)
# a name that opens its sentence or line, after markup or an honorific at most ("**Phạm Thị Thanh Trà** (sinh ...")
_SUBJECT_START = re.compile(r"(?:^|[.!?\n])[ \t*_#|]*(?:(?:[Ôô]ng|[Bb]à|[Đđ]ồng chí)[ \t]+)?$")
_ASIDE_NAME = re.compile(r"(?:[-–(][ \t]*)$")
_ASIDE_NAME_END = re.compile(r"[ \t]*[-–)]")
_HONORIFIC_OF = re.compile(r"(?<![^\W\d_])(?P<h>[Ôô]ng|[Bb]à)[ \t]+$")
_PRONOUN_REACH = 600  # the antecedent stands at most this far back, with no other person named between


# an honorific and one capitalised word that no other capitalised word follows: a person called by the
# given name ("bầu ông Mạnh làm Chủ tịch thành phố", "Ông Trung sau đó được ... bầu làm Chủ tịch tỉnh")
_GIVEN_REF = re.compile(r"(?<![^\W\d_])(?:[ôÔ]ng|[bB]à)[ \t]+(?P<g>" + _CAP + r"[^\W\d_]+)(?![ \t]*" + _CAP + r")(?![\w'’.-])")


def _given_name_refs(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of given names after an honorific that are the last word of a name found in the text
    and stand inside no name (whose person, if one named before it, the caller decides by ``_alias_of``)."""
    if not names:
        return []
    lasts = {fold_key(text[a:b]).split()[-1] for a, b in names if len(text[a:b].split()) >= 2}
    starts = [a for a, _ in names]
    first = starts[0]
    out = []
    for m in _GIVEN_REF.finditer(text, first):
        g0, g1 = m.span("g")
        if fold_key(m.group("g")) not in lasts:
            continue
        k = bisect_right(starts, g0) - 1
        if k >= 0 and names[k][1] > g0:
            continue  # inside a name found
        out.append((g0, g1))
    return out


def _add_person(ctx: Context, people: dict, order: list, by_last: dict, key: str, a: int, b: int,
                at: Optional[int] = None) -> None:
    """A new person under ``key``, named as the text writes [a, b); in ``order`` at ``at`` (else last)
    and in ``by_last`` under the last word of the name."""
    people[key] = _Person(ctx.nt.orig_text(a, b))
    order.insert(len(order) if at is None else at, key)
    if key.split():
        by_last.setdefault(key.split()[-1], []).append(key)


def _pronoun_posts(ctx: Context, text: str, people: dict, order: list, pr: "PeopleRules", names: list[tuple[int, int]],
                   by_last: dict) -> None:
    """The posts a sentence gives a pronoun ("Ông", "Bà") go to the person named last before it (any
    name, official or not, is a nearer antecedent), when that name is an official's, is near, and the
    pronoun fits them (not "Bà" for a man called "ông" or with "Văn", not "Ông" for a woman called
    "bà" or with "Thị")."""
    if "Ông " not in text and "Bà " not in text and "Ông\t" not in text and "Bà\t" not in text:
        return
    posts = [m for m in _PRONOUN_POST.finditer(text) if pr.position_at.match(text, m.end())]
    if not posts:
        return  # (most texts: no name is read again)
    # every name of the text, as the person it is (a name mentioned before the evidence that makes it an
    # official, "**Phạm Thị Thanh Trà** (sinh ngày ...) là một nữ chính trị gia. Bà hiện là ...", counts)
    owner = []
    for a, b in names:
        raw = _INITIAL_DOT.sub(". ", fold_key(text[a:b]))
        key = raw if raw in people else _alias_of(raw, by_last)
        owner.append((a, b, key, raw))
    starts = [a for a, _ in names]
    gender: dict[str, str] = {}  # "Ông", "Bà", or "" (nothing says), or both (the text says both)
    for m in posts:
        t0 = m.end()
        pos = m.start("pro")
        k = bisect_right(starts, pos) - 1
        # a name set off as an aside is no subject the text goes on about ("Nhiệm kỳ của chủ tịch hiện tại
        # - Jerome Powell - sẽ kết thúc vào tháng 5. Ông từng là ...": the 'Ông' is the article's subject)
        # nor is a name that names a school, a street, a body ("Hiệu trưởng Trường THPT Lê Quý Đôn. Ông từng ...")
        while k >= 0 and ((_ASIDE_NAME.search(text, max(0, owner[k][0] - 3), owner[k][0]) and _ASIDE_NAME_END.match(text, owner[k][1]))
                          or pr.namesake_head.search(text, max(0, owner[k][0] - 40), owner[k][0])):
            k -= 1
        # the antecedent opens its sentence; the last name an object ("Bà A ... làm việc với Bộ trưởng B. Ông
        # từng là ...", "Ông A ... đã tiếp ông B. Ông hiện là ...") leaves no telling whose the post is
        if k < 0 or not _SUBJECT_START.search(text, max(0, owner[k][0] - 40), owner[k][0]):
            continue
        a, b, key, raw = owner[k]
        if pos - b > _PRONOUN_REACH or (key is None and raw in pr.not_names):
            continue
        if key is None:
            # the post is the evidence that the name, its sentence's subject, is an official's ("**Nguyễn Văn A**
            # (sinh năm 1960) là một chính trị gia. Ông hiện là Bí thư Tỉnh ủy ...")
            if all(_is_foreign_word(w) for w in text[a:b].split()):
                continue  # (a foreign name needs a title before it or an honorific, as anywhere: "Theo China Daily, ...")
            key = raw
            _add_person(ctx, people, order, by_last, key, a, b,
                        at=next((i for i, x in enumerate(order) if people[x].mentions and people[x].mentions[0][0] > a), len(order)))
            people[key].mentions.append((a, b))
        p = people[key]
        if key not in gender:  # once per person: a text that names one person a thousand times stays linear
            hons = {h.group("h").lower() for x, _ in p.mentions if (h := _HONORIFIC_OF.search(text, max(0, x - 6), x))}
            words = fold_key(p.name).split()
            # (the middle names of people.yaml middle_names: 'Thị' a woman's, 'Văn' a man's)
            gender[key] = ("Bà" if "thị" in words[1:-1] or "bà" in hons else "") + ("Ông" if "văn" in words[1:-1] or "ông" in hons else "")
        if gender[key] and m.group("pro") not in gender[key]:
            continue  # "Bà" for a man, "Ông" for a woman, or one already called the other
        if not gender[key]:
            gender[key] = m.group("pro")
        post = _post_at(text, t0, pr)
        if post is None:
            continue
        p.titles.append(post)
        after, _ = _appositive_titles(text, post[1], pr, starts)
        p.titles.extend(after)


def _taken_post(text: str, b: int, pr: "PeopleRules", takes, subject: bool, glued: bool = True) -> tuple[bool, Optional[tuple[int, int]]]:
    """The post a name that ends at ``b`` takes or holds right after it: after ``takes`` ('làm', 'giữ chức'),
    'hiện là' or nothing at all ("ông Nguyễn Văn Bình Trưởng Ban Tuyên giáo Tỉnh ủy"; ``glued``), or a copula
    after a subject's name ("..., ông A là Phó chủ tịch UBND thành phố"; ``subject``). (Whether a post
    follows there, its span: None when it runs on as prose.)"""
    gm = takes or (_HOLDS_POST.match(text, b, b + 30) if glued else None)
    if gm is None and subject:
        gm = _COPULA.match(text, b, b + 8)
    if glued:
        gm = gm or _BLANKS.match(text, b, b + 3)
    if gm and pr.position_at.match(text, gm.end()):
        return True, _post_at(text, gm.end(), pr)
    return False, None


def _blank_end(text: str, a: int, e: int) -> int:
    """``e`` moved back over the blanks (spaces, tabs) that end [a, e)."""
    while e > a and text[e - 1] in " \t":
        e -= 1
    return e


def _post_at(text: str, t0: int, pr: "PeopleRules", since: bool = True) -> Optional[tuple[int, int]]:
    """The post that starts at ``t0`` (after a name, a copula or a pronoun's verb), without when it was
    held ("Bí thư Tỉnh ủy từ năm 2020", unless ``since`` is false); None when it runs on past 120
    characters (prose, not a post)."""
    t_end = _post_end(text, t0, pr)
    sm = _SINCE.search(text, t0, t_end) if since else None
    t_end = sm.start() if sm else t_end
    return (t0, t_end) if t_end - t0 <= 120 else None


def _post_end(text: str, t0: int, pr: "PeopleRules") -> int:
    """Where a post that starts at ``t0`` right after a name ends ("ông A Trưởng Ban Tuyên giáo Tỉnh
    ủy, ...", "... làm Giám đốc Sở X để ..."): the first of ``_POST_END`` and a title stop."""
    end_m = _POST_END.search(text, t0)
    t_end = end_m.start() if end_m else len(text)
    stop = pr.first_stop(text, t0, t_end)
    return stop.start() if stop else t_end


def _segment_end(text: str, start: int, pr: Optional["PeopleRules"] = None) -> int:
    """Where an appositive segment starting at ``start`` ends: the next comma, bracket, table cell
    border or sentence break ("Chủ tịch UBND tỉnh (52 tuổi, ...)": an aside is no part of the
    title), except the bracket of an abbreviation inside the segment ("Trưởng Ban Chỉ đạo Xóa đói
    giảm nghèo (XĐGN) và Việc làm"), a bracket naming where the office belongs ("(Bộ GD-ĐT)", which
    closes the title) and the ';' of an HTML entity left in scraped text ("Bộ NN&amp;PTNT")."""
    pos, limit = start, min(len(text), start + 400)
    while True:
        m = _SEG_END.search(text, pos, limit)
        if m is None:
            return limit
        c = m.group()
        if (c == "," and pr is not None and _COMMA_IN_BODY.match(text, m.start())
                and not pr.position_at.match(text, _UP_TO_4_SPACES.match(text, m.end()).end())):
            pos = m.end()  # "Giám đốc Sở Văn hóa, Thể thao và Du lịch": one body's name
            continue
        if c == ";" and _ENTITY_BEFORE.search(text, max(start, m.start() - 9), m.start()):
            pos = m.end()
            continue
        if (c[0] == "." and _CITY_ABBREV_BEFORE.search(text, max(start, m.start() - 3), m.start())
                and _CITY_NAME_AFTER.match(text, m.end())):
            pos = m.end()  # "Bí thư Thành uỷ TP. Hồ Chí Minh": the dot of an abbreviation, no sentence break
            continue
        if c == "(":
            if _ABBREV_BRACKETS.match(text, m.start()):
                pos = m.end()  # "(XĐGN)": read on to its closing bracket
                continue
            q = _QUALIFIER.match(text, m.end(), limit)
            if q:
                return q.end()  # "(Bộ GD-ĐT)", "(quận 3)": the body the office belongs to closes the title
        if c == ")" and _ABBREV_IN_BRACKETS.search(text, start, m.end()) and not text.startswith(":", m.end()):
            pos = m.end()  # "(XĐGN)", "(2)": part of the body's name
            continue
        return m.start()


def _split_title(title: str, pr: PeopleRules) -> tuple[Optional[str], Optional[str]]:
    if pr.degree_full.fullmatch(title):
        return title, None
    m = pr.position_at.match(title)
    if not m:
        m = pr.position_at.search(title)  # a body before the title: "Đoàn Chủ tịch Đại hội"
        if not m or m.start() > 12:
            return None, None
    position = title[:m.end("pos")].strip()  # with 'nguyên', 'quyền', 'tân' kept
    rest = title[m.end():].strip(" ,")
    rest = re.split(r"\s*,|\s+(?:khóa|khoá|nhiệm kỳ)\b", rest)[0].strip()
    return position, (rest or None)


@component("officials", assigns=("officials",), rules=("people",))
def extract_officials(ctx: Context) -> Items:
    """Named people in public roles, their titles, birth year, age, appointments and role."""
    pr = ctx.rules.compiled("people", PeopleRules)
    text = ctx.nt.fold
    names = _candidates(ctx, pr)
    listed = _list_members(text, names, pr)
    found = set(names)
    names = sorted(names + [x for x in listed if x not in found])  # list members no name pattern found
    name_starts = [a for a, _ in names]
    people: dict[str, _Person] = {}
    by_last: dict[str, list[str]] = {}  # the people's keys by the last word of their name
    order: list[str] = []
    for a, b in names:
        name_text = text[a:b]
        key = _INITIAL_DOT.sub(". ", fold_key(name_text))  # "Eric G. John" and "Eric G.John": one person
        if key in pr.not_names:
            continue
        if key not in people:
            key = _alias_of(key, by_last) or key  # "bà Thu Hà" after "bà Nguyễn Thị Thu Hà": the same person
        known = key in people
        tb = _title_before(text, a, pr, b)
        ev = _evidence(text, a, b, pr, listed, tb)
        takes = _TAKES_POST.match(text, b, b + 30)
        um = pr.unit_head.match(text, tb[0], tb[1]) if ev == "title_before" and not known else None
        if um and ((not um.group("unit").strip() and fold_key(um.group("post")) in pr.captains)
                   or pr.team_words.search(um.group("unit")) or all(_is_foreign_word(w) for w in name_text.split())):
            # a unit head's post is no evidence for a team's captain: a bare captain's post ("đội trưởng Đỗ Duy
            # Mạnh"; people.yaml captain_positions), a team named ("đội trưởng đội tuyển bóng đá nữ Huỳnh Như";
            # team_words), a foreign name ("cựu đội trưởng Real Madrid"); a work unit's head is one ("đội
            # trưởng lái máy Nguyễn Trọng Hội", "phân đoạn trưởng Lưu Quang Khải")
            continue
        if (ev not in (None, "title_before", "honorific") and not known and all(_is_foreign_word(w) for w in name_text.split())
                and not (takes and pr.position_at.match(text, takes.end()))):
            # a foreign name is an official on a title before it ("Tổng thống Mỹ Donald Trump"), an honorific
            # or a post it takes ("ông Trump chọn Scott Bessent làm Bộ trưởng Tài chính"); a title after it is
            # as often a firm's ("David B. - Giám đốc đầu tư của ...")
            continue
        if ev is None and not known:
            continue
        if key not in people:
            _add_person(ctx, people, order, by_last, key, a, b)
        p = people[key]
        p.mentions.append((a, b))
        dm = pr.degree_before.search(text, max(0, a - 40), a)
        if dm:
            p.titles.append(dm.span("d"))
        if ev == "signature":
            tb = _signature_title(text, a, b, pr)
            p.role = p.role or "signatory"
        if tb:
            p.titles.extend(_chain_before(text, tb[0], pr, names, name_starts))
            p.titles.append(tb)
        else:
            fm = _POST_FOR.search(text, max(0, a - 200), a)  # "miễn nhiệm chức vụ Bộ trưởng X đối với ông A"
            if fm is None:
                fm = _POST_FOR_DECISION.search(text, max(0, a - 200), a)
                if fm is not None and _FUNCTION_WORD.search(" " + _join_org_words(fm.group("t")) + " "):
                    fm = None
            if fm and pr.position_at.match(text, fm.start("t")):
                p.titles.append(fm.span("t"))
        lt = listed.get((a, b))
        if lt:
            p.titles.extend(lt if isinstance(lt, list) else [lt])
        gt = _bracket_group_title(text, a, b, pr) or _named_group_title(text, a, b, pr)
        if gt:
            p.titles.append(gt)
        am = re.match(r"\s*[,(]\s*(\d{2})\s+tuổi\b", text[b:b + 16])
        if am and p.age is None:
            p.age = int(am.group(1))
        # the name is its clause's subject: after an honorific that opens the clause, or after a title that does
        # ("Trung tướng Đặng Văn Hiếu là Chánh văn phòng Bộ Công an"; a copula after it gives the post it holds)
        subject = (_SUBJECT_BEFORE.search(text, max(0, a - 12), a) is not None
                   or (tb is not None and tb[1] >= a - 1 and _SUBJECT_TITLE_BEFORE.search(text, max(0, tb[0] - 3), tb[0]) is not None))
        dm = _DETAILS_ASIDE.match(text, b)
        if dm and not takes:  # "Ông A (sinh năm 1954) là Phó tổng giám đốc ...": the post after the person's details
            e = dm.end()
            verb = _TAKES_POST.match(text, e, e + 30) or _HOLDS_POST.match(text, e, e + 30)
            taken, post = _taken_post(text, e, pr, verb, subject, glued=False)
        else:
            taken, post = _taken_post(text, b, pr, takes, subject)
        if not taken:
            # (scope) a name joined by 'và' to the next, which takes a post after 'làm' or 'giữ chức': the coordination
            # shares the predicate ("ông Nguyễn Công Khế và Trần Quốc Huy làm phó chủ tịch": both are)
            k = bisect_left(name_starts, b)
            if k < len(names) and _AND_NEXT.fullmatch(text, b, names[k][0]):
                tk = _SHARED_TAKE.match(text, names[k][1], names[k][1] + 30)
                if tk and pr.position_at.match(text, tk.end()):
                    taken, post = True, _post_at(text, tk.end(), pr)
        if taken:
            if post:
                p.titles.append(post)
        else:
            # a post the person held, told later in the sentence with no other person named between ("Ông
            # A bị kỷ luật vì trong thời kỳ làm giám đốc Sở Tài chính ..."): a title the text gives them
            wm = _WHEN_HELD.search(text, b, min(len(text), b + 160))
            if (wm and pr.position_at.match(text, wm.end()) and "." not in text[b:wm.start()].replace("TP.", "TP ")
                    and not (bisect_right(name_starts, wm.start()) - bisect_right(name_starts, b))):
                post = _post_at(text, wm.end(), pr, since=False)
                if post:
                    p.titles.append(post)
            elif subject:
                # the subject that opens its sentence, then what it has, then its post after a comma and a
                # copula ("Ông A có học hàm giáo sư, học vị tiến sĩ, là Ủy viên Trung ương Đảng khóa X"):
                # no other person named, no clause of speech or of another subject between
                cm = _LATER_COPULA.search(text, b, min(len(text), b + 120))
                if (cm and pr.position_at.match(text, cm.end()) and not _SPEECH_OR_BREAK.search(text, b, cm.start())
                        and not (bisect_right(name_starts, cm.start()) - bisect_right(name_starts, b))):
                    post = _post_at(text, cm.end(), pr)
                    if post:
                        p.titles.append(post)
        after, birth = _appositive_titles(text, b, pr, name_starts)
        p.titles.extend(after)
        if birth and not p.birth_year:
            p.birth_year = birth
        _role(text, a, p, pr)
    # "bầu ông Mạnh làm Chủ tịch thành phố", "Ông Trung sau đó được HĐND tỉnh bầu làm Chủ tịch tỉnh": an
    # official named in full before and then called by the given name takes the post told there. The
    # reference is no person of its own and no mention of one (a possessor or an object, "em gái bà
    # Hương, hiện giữ chức ...", "Theo đề nghị của ông Khải, HĐND tỉnh đã bầu ông Tâm ...", takes nothing
    # the sentence gives another); it gives only the post it takes ('làm', 'giữ chức' right after it),
    # the post after a copula, or an appointment, where it opens its sentence as the subject; a word
    # glued after a given name is as often no title ("ông Tư chủ tịch đi")
    subject_refs: list = []
    for a, b in _given_name_refs(text, names):
        key = _alias_of(fold_key(text[a:b]), by_last)
        if key is None or key not in people or not people[key].mentions or people[key].mentions[0][0] > a:
            continue
        p = people[key]
        subject = _SUBJECT_BEFORE.search(text, max(0, a - 16), a) is not None
        taken, post = _taken_post(text, b, pr, _TAKES_POST.match(text, b, b + 30), subject, glued=False)
        if taken:
            if post:
                p.titles.append(post)  # ("Ông Nam là Ủy viên Ban Thường vụ")
        elif subject:
            subject_refs.append((key, a, b))  # "Ông Trung sau đó được HĐND tỉnh bầu làm Chủ tịch tỉnh"
    _pronoun_posts(ctx, text, people, order, pr, names, by_last)
    _merge_surname_first(people, order, by_last, text, pr)
    # appointments: "A, B được chỉ định giữ chức vụ Phó Bí thư Thành uỷ khoá I, nhiệm kỳ 2025 - 2030"
    run_ends = _list_run_ends(text, names)
    for key in order:
        p = people[key]
        for a, b in p.mentions:
            _appointment(ctx, text, a, b, names, p, pr, name_starts, run_ends)
    for key, a, b in subject_refs:
        if key in people:
            _appointment(ctx, text, a, b, names, people[key], pr, name_starts, run_ends)
    out = []
    for key in order:
        p = people[key]
        if (not p.titles and not p.appointments and p.role is None and p.mentions
                and (pr.kin_before.search(text, max(0, p.mentions[0][0] - 70), p.mentions[0][0])
                     or any(pr.resident_after.match(text, b) for _, b in p.mentions)
                     or _described_otherwise(text, p.mentions[0][1], pr))):
            # someone's kin, a resident, or a person the text describes by what is no post ("Ông Nguyễn Hữu Thành,
            # một cư dân trong ấp", "bà Sui Bắc Cú, chủ cơ sở bánh kẹo", "Bà Ruth Jones (Mỹ)"), with no post anywhere:
            # a private person (an official holds or held a post; people.yaml kin_before, resident_after)
            continue
        if " " in key and (key in pr.countries or key in pr.places):
            # a country or a place read as a name ("Bangkok, Thái Lan - Trưởng đại diện: ..."): no person (a one-word
            # name is as often a given name: "ông Đức, Giám đốc Trung tâm", "bà Nga")
            continue
        titles, seen = [], set()
        for s, e in p.titles:
            fn = _FOOTNOTE_MARK.search(text, s, e)
            if fn:  # "... khóa IX13", "Tổng Bí thư.[6]": a reference number, no part of the title
                e = fn.start("n") if fn.group("n") else fn.start("n2")
            em = _EMPHASIS_END.search(text, s, e)
            if em and em.start() > s:
                e = em.start()  # "... phòng chống dịch Covid-19*.*": emphasis marks closing the line
            bar = text.find("|", s, e)
            if bar >= 0:  # a table's cell border ends a title ("| Thứ trưởng | Nguyễn Duy Thăng Trương Hải Long |")
                e = bar
            jm = _TRAILING_JOIN.search(text, s, e)
            if jm and jm.start() > s:
                e = jm.start()  # "Chủ tịch danh dự và (là người bảo trợ)", "Cục trưởng Cục Giám định ... -"
            while e > s and text[e - 1].isspace():
                e -= 1  # ("Trưởng ban Ngoại giao\n-": no line break at a title's end)
            t = ctx.nt.orig_text(s, e).strip()
            if not t or fold_key(t) in seen:
                continue
            seen.add(fold_key(t))
            position, org = _split_title(text[s:e], pr)
            g = ctx.ground(s, e)
            titles.append(Title(text=g.text, span=g.span, position=_orig(ctx, text, s, e, position),
                                organization=_orig(ctx, text, s, e, org)))
        mentions = [ctx.ground(a, b) for a, b in p.mentions]
        out.append(Official(name=p.name, mentions=mentions, titles=titles, birth_year=p.birth_year, age=p.age,
                            appointments=p.appointments, role_in_document=p.role,
                            text=mentions[0].text, span=mentions[0].span))
    return Items(tuple(out))


def _merge_surname_first(people: dict, order: list, by_last: dict, text: str, pr: "PeopleRules") -> None:
    """A foreign official called by the surname alone ("Tổng thống Putin gặp ..." as a headline,
    "Tổng thống Nga Vladimir Putin" in the body, in either order): one person, under the whole name,
    when exactly one person's name ends with that word and holds the same office. The official's
    ``text``/``span`` stay its first mention, which may be the surname alone."""
    for key in list(order):
        if " " in key or not _is_foreign_word(people[key].name):
            continue
        hits = [k for k in by_last.get(key, ()) if k != key and k.split()[-1] == key]
        if len(hits) != 1:
            continue
        short, full = people[key], people[hits[0]]
        if not _shares_office(short, full, text, pr):
            continue  # "Tổng thống Trump" is not "Eric Trump"
        people.pop(key)
        order.remove(key)
        full.mentions = sorted(full.mentions + short.mentions)
        full.titles = short.titles + full.titles
        full.birth_year = full.birth_year or short.birth_year
        full.age = full.age or short.age
        full.role = full.role or short.role
        full.appointments = short.appointments + full.appointments


def _shares_office(short: "_Person", full: "_Person", text: str, pr: "PeopleRules") -> bool:
    """Whether the office of the surname's mention is among the whole name's titles."""
    offices = {fold_key(m.group(0)) for s, e in short.titles for m in pr.position_words.finditer(text, s, e)}
    return any(fold_key(m.group(0)) in offices for s, e in full.titles for m in pr.position_words.finditer(text, s, e))


def _alias_of(key: str, by_last: dict) -> Optional[str]:
    """The one person already found whose name ends with these words, as a shorter name ("Thu Hà",
    "Mạnh" for "Nguyễn Thị Thu Hà", "Nguyễn Văn Mạnh"): the text calls them by their given names.
    None when no one or more than one person's name ends so. ``by_last``: the people's keys by the
    last word of their name (so each lookup reads only the namesakes of that word)."""
    words = key.split()
    if not words:
        return None
    hits = [k for k in by_last.get(words[-1], ()) if len(k.split()) > len(words) and k.split()[-len(words):] == words]
    return hits[0] if len(hits) == 1 else None


def _orig(ctx: Context, text: str, s: int, e: int, piece: Optional[str]) -> Optional[str]:
    """The original wording of a piece of the folded title (tone placement as written)."""
    if not piece:
        return None
    k = text.find(piece, s, e)
    return ctx.nt.orig_text(k, k + len(piece)) if k >= 0 else piece


def _role(text: str, a: int, p: _Person, pr: PeopleRules) -> None:
    lo = max(0, a - 220)
    window = text[lo:a]
    cut = max(window.rfind(". "), window.rfind("; "), window.rfind("\n"))
    window = window[cut + 1:] if cut >= 0 else window
    for rx, role in pr.roles:
        if rx.search(window):
            p.role = p.role or role
            am = re.search(r"(\d{1,3})\s+tuổi", window)
            if am and role in ("oldest_delegate", "youngest_delegate") and p.age is None:
                p.age = int(am.group(1))
            break


def _list_run_ends(text: str, names) -> list[int]:
    """For each name, where the run of names it starts ends: the names that follow, each after
    nothing but a separator (computed once, from the right: a long list is walked once, not once
    per member)."""
    ends = [0] * len(names)
    for j in range(len(names) - 1, -1, -1):
        if j + 1 < len(names) and _NAME_SEP.fullmatch(text, names[j][1], names[j + 1][0]):
            ends[j] = ends[j + 1]
        else:
            ends[j] = names[j][1]
    return ends


_LIST_START = re.compile(r",\s*(?:các|những)\s|\s(?:gồm|là)\s|\(")  # where a list of members starts after a post


# a post taken after leaving one ("thôi giữ chức A để làm B", "để giữ chức", "để đảm nhận cương vị")
_NEXT_POST = re.compile(r"[ \t,]*để[ \t]+(?:làm|giữ chức(?:[ \t]+vụ)?|đảm nhận(?:[ \t]+(?:chức vụ|cương vị))?)[ \t]+")


_NAME_ASIDE = re.compile(r"[ \t]*,?[ \t]*\([^()\n]{1,160}\)")


def _appointment(ctx: Context, text: str, a: int, b: int, names, p: _Person, pr: PeopleRules, starts: list[int],
                 run_ends: list[int]) -> None:
    # skip over the rest of a list of names and appositive titles: the names that follow, each
    # after nothing but a separator (names are sorted and do not overlap, and a name holds a capital,
    # so once a gap is not a separator no later one is)
    pos = b
    j = bisect_left(starts, pos)
    if j < len(names) and _NAME_SEP.fullmatch(text, pos, names[j][0]):
        pos = run_ends[j]
    # an aside in brackets right after the name ("A (45 tuổi, thạc sĩ) được ...", "bà B, (56 tuổi, quê
    # Quảng Ninh; Phó Chủ nhiệm ...) được bổ nhiệm làm ..."): no part of the predicate, its ';' no end
    aside = _NAME_ASIDE.match(text, pos)
    if aside and not pr.appoint.search(text, aside.start(), aside.end()):
        pos = aside.end()  # (an aside that tells the appointment itself is read: "(vừa được bổ nhiệm làm ...)")
    # the sentence's end, looked for in a bounded window (a text with no sentence end would
    # otherwise be searched to its end once per name)
    limit = min(len(text), pos + _SENTENCE_REACH)
    end_m = _SENTENCE_END.search(text, pos, limit)
    sent_end = end_m.start() if end_m else limit
    m = pr.appoint.search(text, pos, min(sent_end, pos + 160))
    if not m:
        return
    between = text[pos:m.start()]
    if re.search(r"[.;]", between) or (len(between) > 90):
        return
    t_start = m.end()
    while t_start < sent_end and text[t_start] == " ":
        t_start += 1
    # verbs in a chain ("được điều động, bổ nhiệm giữ chức Thứ trưởng"): the post follows the last
    for _ in range(3):
        vm = pr.appoint.match(text, _CHAIN_SEP.match(text, t_start, sent_end).end(), sent_end)
        if vm is None:
            break
        t_start = vm.end()
        while t_start < sent_end and text[t_start] == " ":
            t_start += 1
    jm = _POST_JOIN.match(text, t_start, sent_end)
    if jm and pr.position_at.match(text, jm.end()):
        t_start = jm.end()
    if not pr.position_at.match(text, t_start):
        lm = _LATER_POST.search(text, t_start, min(sent_end, t_start + 120))
        if lm is None or not pr.position_at.match(text, lm.end()):
            return
        k = bisect_left(starts, t_start)
        if k < len(starts) and starts[k] < lm.start():
            return  # "... và bổ nhiệm Nguyễn Văn B, ..., làm thủ tướng": the post is another person's
        t_start = lm.end()
    seg = text[t_start:sent_end]
    stop = pr.first_stop(text, t_start, sent_end)
    t_end = stop.start() if stop else sent_end
    since = _SINCE.search(text, t_start, t_end)  # "... từ tháng 7/2021": when, no part of the post
    t_end = since.start() if since else t_end
    lst = _LIST_START.search(text, t_start, t_end)
    if lst:  # "giữ chức Bí thư, các Phó Bí thư Tỉnh ủy gồm ông A ...": the list starts another frame
        t_end = lst.start()
    k = bisect_left(starts, t_start)
    if k < len(starts) and starts[k] < t_end:
        # a post holds no other person's name: "được cử làm Chủ tịch Hội, ông Nguyễn Công Khế và Trần Quốc Huy làm
        # phó chủ tịch" ends before the next person and the honorific that introduces them
        t_end = t_start + len(_HONORIFIC_TAIL.sub("", text[t_start:starts[k]]))
    t_end = t_start + len(text[t_start:t_end].rstrip(" ,"))
    title = text[t_start:t_end]
    position, body = _split_title(title, pr)
    tm = re.search(r"nhiệm kỳ\s+(\d{4})\s*[-–]\s*(\d{4})", seg)
    g = ctx.ground(m.start(), t_end)
    verb = pr.appoint_map.get(fold_key(m.group("verb")), m.group("verb"))
    appt = Appointment(text=g.text, span=g.span, verb=verb, position=_orig(ctx, text, t_start, t_end, position),
                       body=_orig(ctx, text, t_start, t_end, body),
                       term=Term(start=int(tm.group(1)), end=int(tm.group(2))) if tm else None)
    if all(x.span != appt.span for x in p.appointments):
        p.appointments.append(appt)
        p.titles.append((t_start, t_end))
        nm = _NEXT_POST.match(text, t_end, sent_end)
        if nm and pr.position_at.match(text, nm.end()):
            # the post left for another: "thôi giữ chức Bí thư Tỉnh ủy Quảng Bình để làm Phó trưởng Ban Tổ chức
            # Trung ương" (both are posts the text gives the person)
            post = _post_at(text, nm.end(), pr)
            if post:
                p.titles.append(post)
