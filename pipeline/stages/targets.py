"""Stage: targets (forward-looking numeric goals) and results (figures already achieved).

Every quantity found by the quantity grammar is placed in its clause. It is a target
when its clause carries a target cue ("phấn đấu", "đến năm 2030", "trở lên", ...) or
the nearest section whose title carries a cue is a target section ("Các chỉ tiêu chủ
yếu"), and no result cue ("đã", "ước đạt", a past period) overrides; a result when the
clause or section says achieved. Percentages tied to a count (delegate statistics),
delegate figures, ages and durations are neither. "13%/năm trở lên, phấn đấu đạt
14%/năm" is one target with stretch 14. The indicator is the clause's words before the
verb; indicator ids come from ``data/indicators.json``. Rules: ``data/targets.json``.
"""
from __future__ import annotations

import bisect
import re
from typing import Optional

from ..context import Context
from ..contract.models import Evidence, Period, Quantity
from ..text.normalise import fold_key
from .dates import own_years
from .numbers import Mention, finder, scale
from .percentages import speaks_for
from ..text.patterns import VI_LOWER, PhraseScan, alternation, upper_letters
from ..products import Figures
from ..registry import component

_YEAR = r"(?:19|20)\d{2}"
_WORD_END = r"(?!\w)"


class TargetRules:
    def __init__(self, rules):
        cfg = rules["targets"]
        self.target_section = re.compile(alternation(cfg["target_section_cues"]), re.I)
        self.result_section = re.compile(alternation(cfg["result_section_cues"]), re.I)
        # one pattern for every aspect cue; the group name says which aspect
        groups = [(code, words, not any(w.endswith((" ", "%")) or w.startswith("%") for w in words))
                  for code, words in [*cfg["aspect"].items(), ("not_cue", cfg.get("not_cues") or ["\x00"])]]
        self.aspect = re.compile(r"(?<!\w)(?:" + "|".join(
            rf"(?P<{code}>(?:{alternation(words)}){_WORD_END if word_end else ''})" for code, words, word_end in groups) + ")", re.I)
        # its matches, found where a phrase can start (a scan of the folded text), not tried everywhere
        self.aspect_scan = PhraseScan(self.aspect, [(words, word_end) for _, words, word_end in groups])
        # phrases that begin with a cue and are none (targets.yaml not_cue_phrases: "chỉ có thể")
        self.not_cue_at = re.compile(r"(?:" + alternation(cfg.get("not_cue_phrases") or ["\x00"]) + r")(?![^\W\d_])", re.I)
        # (the not_cue group comes last: at a word where a cue starts it yields to the cue; a
        # compound that starts before a cue's first word consumes it: "thực hiện là" is no "hiện là")
        # reference years, not the figure's own time: "so với năm 2020", "gấp 2,1 lần năm 2000" (the
        # base of a ratio), "giá so sánh năm 2010", "năm gốc 2010"
        self.ref_year = re.compile(rf"(?:(?:so\s+với|so)\s+(?:cùng\s+kỳ\s+)?|gấp\s+[\d.,]+\s+lần\s+(?:so\s+với\s+)?)(?:năm\s+)?(?P<y>{_YEAR})|giá\s+(?:so\s+sánh|cố\s+định|thực\s+tế)\s+năm\s+(?P<g>{_YEAR})|năm\s+gốc\s+(?P<b>{_YEAR})", re.I)
        self.change = re.compile(r"(?<!\w)(?P<up>tăng(?:\s+thêm)?|nâng(?:\s+lên)?)(?:\s+\w+){0,2}\s*$|(?<!\w)(?P<down>giảm(?:\s+xuống)?|hạ(?:\s+xuống)?|thu\s+hẹp)(?:\s+\w+){0,2}\s*$", re.I)
        self.not_units = set(cfg["not_target_units"])
        # 'N chỉ tiêu' as places of a quota: after a verb of admitting (an approximator between), or before the kind of
        # schooling (targets.yaml quota_verbs, quota_followers)
        self.quota_before = re.compile(r"(?<![^\W\d_])(?:" + alternation(cfg.get("quota_verbs") or ["\x00"], False)
                                       + r")(?:[ \t]+(?:được|khoảng|gần|hơn|trên|chừng|tối đa|ít nhất))?[ \t]+$", re.I)
        self.quota_after = re.compile(r"[ \t]+(?:" + alternation(cfg.get("quota_followers") or ["\x00"], False) + r")(?![^\W\d_])", re.I)
        self.bare_count_units = {w.lower() for w in cfg.get("bare_count_units") or []}
        # a verb of reaching right before a figure's comparator ("đạt không quá 10%")
        self.reached_before = re.compile(r"(?<![^\W\d_])(?:" + alternation(cfg.get("reaching_verbs") or ["\x00"], False) + r")[ \t]*$", re.I)
        self.name_head_before = re.compile(r"(?<![^\W\d_])(?:" + alternation(cfg.get("goal_noun_name_heads") or ["\x00"], False) + r")[ \t]+$")
        # a report that tells the figure, leading its clause ("Theo báo cáo của Bộ Kế hoạch - Đầu tư, tốc độ tăng
        # trưởng ... đạt 7,2%"): the measure of the present follows it (targets.yaml report_sources; not "Theo dự
        # báo, ...", "Theo quy chế, ...": a forecast or a rule)
        self.report_lead = re.compile(r"^theo[ \t]+(?:" + alternation(cfg.get("report_sources") or ["\x00"], False)
                                      + r")(?![^\W\d_])[^,;:\n]{0,100},[ \t]*", re.I)
        # the source of a figure before its clause's subject (targets.yaml attribution_words), and who agrees before
        # the level agreed to (agreement_verbs: "đồng ý (với) mức ..."); attribution_only: the reporting verbs alone,
        # for a head that opens with a measure noun
        reporting = (r"theo[ \t][^,;:\n]{1,100},[ \t]*|.{0,200}(?<![^\W\d_])(?:" + alternation(cfg.get("attribution_words") or ["\x00"], False)
                     + r")(?:[ \t]+(?:thêm|rằng))?[,:]?[ \t]+")
        agreeing = alternation(cfg.get("agreement_verbs") or ["\x00"], False)
        self.attribution_only = re.compile(r"^(?:" + reporting + ")", re.I | re.S)
        self.attribution = re.compile(r"^(?:" + reporting + r"|.{0,200}(?<![^\W\d_])(?:" + agreeing
                                      + r")(?:[ \t]+với)?[ \t]+(?=mức(?![^\W\d_])))", re.I | re.S)
        # a verb of agreeing opening a cue ("đồng ý với mức ...")
        self.agreeing = re.compile(r"(?:" + agreeing + r")(?![^\W\d_])", re.I)
        # 'đã' right before a verb of proposing: what is proposed is aimed at (targets.yaml proposal_verbs)
        self.proposal_after = re.compile(r"[ \t]*(?:(?:chính thức|cũng|vừa|từng)[ \t]+)?(?:" + alternation(cfg.get("proposal_verbs") or ["\x00"], False) + r")(?![^\W\d_])", re.I)
        # a goal verb under perfective 'đã' ("đã tự đảm bảo trên 95% kinh phí"): what was ensured
        self.goal_verb = re.compile(r"(?:" + alternation(cfg.get("goal_verbs") or ["\x00"], False) + r")$", re.I)
        # 'đã' then a verb of setting a plan (who set it may stand after 'được'), then a goal noun as its object
        setting = alternation(cfg.get("plan_setting_verbs") or ["\x00"], False)
        self.sets_plan = re.compile(r"[ \t]*(?:được[ \t]+(?:[^\W\d_.,;:]+[ \t]+){0,6}?)?(?:" + setting + r")(?![^\W\d_])"
                                    r"(?P<obj>[ \t]+(?:(?:các|những|một số|\d+)[ \t]+)?" + _PLAN_NOUN + r")?", re.I)
        self.composition_units = set(cfg.get("composition_units") or [])
        # a goal noun after a word of comparison is the comparison's standard ("cao hơn chỉ tiêu")
        self.compared_with = re.compile(r"(?<![^\W\d_])(?:" + alternation(cfg.get("comparison_words") or ["\x00"], False)
                                        + r")[ \t]+(?:(?:mục tiêu|chỉ tiêu|kế hoạch)[ \t]+)?$", re.I)
        self.prediction = re.compile(r"(?<![^\W\d_])(?:" + alternation(cfg.get("prediction_words") or ["\x00"], False) + r")(?![^\W\d_])", re.I)
        self.future_only = re.compile(r"(?:" + alternation(cfg.get("future_only_cues") or ["\x00"], False) + r")", re.I)
        self.forecast = re.compile(r"(?<![^\W\d_])(?:" + alternation(cfg.get("forecast_words") or ["\x00"], False) + r")(?![^\W\d_])", re.I)
        self.whole_before = re.compile(r"(?<![^\W\d_])(?:" + alternation(cfg.get("whole_words") or ["\x00"], r"[ \t]+")
                                       + r")[ \t]+$", re.I)
        # the size of a body: the number after "gồm" in a clause that names one (targets.yaml body_words)
        self.body_size = re.compile(r"(?<![^\W\d_])(?:" + alternation(cfg.get("body_words") or ["\x00"], False)
                                    + r")(?![^\W\d_])[^,;.:()\n]{0,60}?[ \t]gồm[ \t]+(?:có[ \t]+)?$", re.I)
        # ... or in brackets right after the body's name (its words, its term: no verb between), a count of its
        # people: "Bộ Chính trị (14 người)", "Danh sách ủy viên BCH TƯ chính thức (gồm 160 người)"; not "Ủy ban nhân
        # dân tỉnh đã hỗ trợ lao động mất việc (1.250 người)" (found in review)
        self.body_bracket = re.compile(r"(?<![^\W\d_])(?:" + alternation(cfg.get("body_words") or ["\x00"], False)
                                       + r")(?![^\W\d_])(?:[ \t]+(?:(?-i:[A-ZĐÀ-Ỹ])[^\s()]*|khóa|khoá|nhiệm kỳ|dự khuyết|chính thức|trung ương|"
                                       r"đảng|bộ|tỉnh|thành phố|huyện|quận|thị xã|xã|phường|mới|lần thứ|[IVXL]+|\d{4}[ \t]*[-–][ \t]*\d{4}|[-–]))"
                                       r"{0,10}?[ \t]*\([ \t]*(?:gồm[ \t]+(?:có[ \t]+)?)?$", re.I)
        self.phrase_stop = re.compile(r"[ \t](?:" + alternation(cfg.get("count_phrase_stops") or ["\x00"], False) + r")(?![^\W\d_])")
        # words opening a sentence that elaborates the one before: a prospective cue reaches through them
        self.elaboration = re.compile(r"[\s*_\-–+•(\[\"“]*(?:" + alternation(cfg.get("elaboration_words") or ["\x00"], False) + r")(?![^\W\d_])", re.I)
        # (and "Theo" before a named source, a capitalised word: "Theo Vụ trưởng ...", "Theo TTXVN, ..."; "Theo
        # đó", "Theo kế hoạch" continue what came before)
        self.continuation = re.compile(r"[\s*_\-–+•(\[\"“]*(?:" + alternation(cfg.get("continuation_words") or ["\x00"], False) + r")(?![^\W\d_])", re.I)
        self.new_statement = re.compile(r"[\s*_\-–+•(\[\"“]*(?:(?i:" + alternation(cfg.get("new_statement_openers") or ["\x00"], False)
                                        + r")(?![^\W\d_])|[Tt]heo[ \t]+[" + upper_letters(0x41, 0x1EFA) + "])")
        # a count whose members are named right after its noun: "2 môn Toán, Tiếng Việt", "2 trường Lê Hồng
        # Phong và Trần Đại Nghĩa", "5 phó chủ tịch là ông A, ..." (targets.yaml member_intro_words)
        cap = "[" + upper_letters(0x41, 0x1F00) + "]"
        stops = alternation(cfg.get("count_phrase_stops") or ["\x00"], False)  # the noun ends at these
        low = rf"[^\W\d_{upper_letters(0x41, 0x1F00)}]"  # a lower-case letter
        name = rf"(?:(?:ông|bà|đồng chí)[ \t]+)?{cap}{low}[^\W\d_]*(?:[ \t]+{cap}{low}[^\W\d_]*)*"  # not an acronym
        self.named_members = re.compile(
            rf"(?:[ \t]+(?!(?:{stops})(?![^\W\d_]))[^\W\d_A-ZĐ]+){{0,3}}?[ \t]+(?:(?:{alternation(cfg.get('member_intro_words') or ['@@'], False)})[ \t]*:?[ \t]+|:[ \t]*)?"
            rf"(?P<names>(?:[A-ZĐ]{{2,}}[ \t]+)?{name}(?:[ \t]*,[ \t]*|[ \t]+và[ \t]+){name})")
        # ... or listed after a colon ("hợp tác giữa 03 bên: doanh nghiệp, viện nghiên cứu và Nhà nước")
        self.listed_members = re.compile(
            rf"(?:[ \t]+(?!(?:{stops})(?![^\W\d_]))[^\W\d_]+){{0,3}}?[ \t]*:[ \t]*[^\n:;.]{{1,80}}?(?:,|[ \t]và[ \t])")
        self.countries = {fold_key(c) for c in rules["people"].get("countries") or []}
        self.purpose = re.compile(r"(?<!\w)(?:" + alternation(cfg.get("purpose_words") or ["\x00"]) + r")\s+(?:có thể\s+)?$", re.I)
        self.discourse = re.compile(r"[ \t,]*(?:" + alternation(cfg.get("possibility_not_before") or ["\x00"], False) + r")(?![^\W\d_])", re.I)
        self.not_target_clause = re.compile(alternation(cfg["not_target_sentences"]), re.I)
        self.stretch = re.compile(cfg["stretch_between"], re.I)
        self.verbs = re.compile(r"(?<!\w)(?:" + alternation(cfg["indicator_verbs"]) + r")\s*$", re.I)
        self.strip = [re.compile(p, re.I) for p in cfg["indicator_strip"]]
        self.stopwords = {fold_key(w) for w in cfg.get("indicator_stopwords", [])}
        self.not_counted = {fold_key(w) for w in cfg.get("not_counted_words", [])}
        self.not_shared_nouns = {fold_key(w) for w in cfg.get("not_shared_nouns", [])}
        magnitudes = alternation(rules["quantities"].get("magnitudes") or ["\x00"], False)  # the quantities' own
        # a number with a magnitude and no unit: an amount ("đã thanh toán 1.800 tỷ")
        self.magnitude_end = re.compile(rf"\d[ \t]*(?:{magnitudes})[ \t]*$", re.I)
        # past a count's whole and magnitude, to the noun it counts ("28/60 chi bộ", "1,4 triệu hộ", "3 trăm hộ")
        self.count_whole = re.compile(rf"(?:[ \t]*/[ \t]*\d[\d.,]*)?(?:[ \t]+(?:{magnitudes}|trăm)(?![^\W\d_]))*", re.I)
        # an amount's words that name no unit of their own: a magnitude, money
        self.money_words = re.compile(rf"(?:{magnitudes})?[ \t]*(?:đồng|usd|euro)?$", re.I)
        # what stands before a colon and is no label of the value after it: an elaboration ("Trong đó:"),
        # an introduction ("như sau:"), or words holding a figure of their own ("328.782,902 tỷ đồng *(Trong đó")
        self.no_label = re.compile(rf"(?:trong đó|cụ thể|gồm|bao gồm|như sau|sau đây)\W*$|\d[\d.,]*\s*(?:%|đồng|{magnitudes})", re.I)
        # (after the number and its magnitude: "gần 3 triệu đảng viên")
        self.member_noun = re.compile(rf"[ \t]*(?:(?:{magnitudes})[ \t]+)?(?:" + alternation(cfg.get("member_nouns") or ["\x00"], False) + r")(?![^\W\d_])", re.I)
        self.comment_noun = re.compile(rf"[ \t]*(?:(?:{magnitudes})[ \t]+)?(?:" + alternation(cfg.get("comment_nouns") or ["\x00"], False) + r")(?![^\W\d_])", re.I)
        self.size_before = re.compile(r"(?<![^\W\d_])(?:" + alternation(cfg.get("size_words") or ["\x00"], False)
                                      + r")[ \t]+(?:(?:hơn|gần|khoảng|trên|dưới|tới|xấp xỉ)[ \t]+)?$", re.I)
        # a cue after the figure is its predicate's up to a comma (unless the cue opens the next clause
        # right after it) or one of these words
        self.predicate_ends = re.compile(r"\s(?:" + alternation(cfg.get("predicate_breaks") or ["\x00"], False) + r")\s|,(?![ \t]*$)", re.I)
        # where a title's phrase starts: the title's start, or after a comma, "và", ";", "-" (a title that
        # enumerates its topics: "NỘI DUNG THI ĐUA, PHƯƠNG ÁN TRIỂN KHAI, TIÊU CHÍ ĐÁNH GIÁ"), past the
        # words that only introduce it (title_phrase_openers: "Về", "các", "Báo cáo")
        self.phrase_start = re.compile(r"(?:^|[,;:–\-]|\s(?:và|với)\s)[\s*_\"“(]*(?:(?:"
                                       + alternation(cfg.get("title_phrase_openers") or ["\x00"], False) + r")\s+)*$", re.I)
        self.measures = set(rules["quantities"].get("measures", []))
        th = cfg.get("table_headers", {})
        self.table_header = re.compile("|".join(
            rf"(?P<table_{k}>(?<!\w)(?:{alternation(th.get(k) or ['@@'])})(?!\w))" for k in ("estimate", "target", "result")), re.I)
        self.unit_column = re.compile(r"^(?:" + alternation(th.get("unit_columns") or ["đơn vị"]) + r")\b", re.I)
        self.rules = rules
        self.total_before = re.compile(r"(?<![^\W\d_])(?:" + alternation(cfg.get("total_words") or ["\x00"]) + r")\s+$", re.I)
        self.attribute = re.compile(r"(?<!\w)(?:" + alternation(cfg.get("attribute_words", ["dài"])) + r")\s*(?:khoảng|từ|hơn|gần|trên|dưới|tối đa|tối thiểu)?\s*(?:\(\s*)?$", re.I)
        self.measure_noun = re.compile(r"^(?:" + alternation(cfg.get("measure_nouns", ["số"])) + r")(?!\w)", re.I)
        # the head ends in a measure's name ("áp dụng mức thuế suất 5%"): the number is its value
        # ("số" alone is left out: after a noun it is "digital", "kỹ năng số", "chuyển đổi số")
        self.stated_as_value = re.compile(r"(?:[:;,.(\n-]|(?<![^\W\d_])(?:" + alternation(cfg.get("value_introducers") or ["\x00"]) + r"))[ \t]*$", re.I)
        self.measure_noun_tail = re.compile(r"(?<!\w)(?:" + alternation([w for w in cfg.get("measure_nouns", []) if fold_key(w) != "số"] or ["\x00"])
                                            + r")(?:[ \t]+[^\W\d_]+){0,3}[ \t]*$", re.I)
        self.categories = {fold_key(k): v for k, v in cfg["categories"].items()}
        self.category_rx = re.compile(r"(?<![^\W\d_])(?:" + alternation(self.categories) + r")(?![^\W\d_])", re.I)
        ind = rules["indicators"]["indicators"]
        self.indicators = sorted(((fold_key(w), iid) for iid, words in ind.items() for w in words), key=lambda x: -len(x[0]))
        not_period = rf"(?!\s*(?:[-–—]|đến|tới)\s*(?:năm\s+)?{_YEAR})"
        # the figure's own year: "đến năm 2030", "đến 2030", "tháng 12-2005", "12/2025"
        self.year = re.compile(rf"(?:(?:đến|vào|trong|tới)\s+(?:hết\s+|cuối\s+)?)?năm\s+(?P<y>{_YEAR}){not_period}\b"
                               rf"|đến\s+(?P<y2>{_YEAR}){not_period}\b|(?:tháng\s+\d{{1,2}}|quý\s+(?:[IV]{{1,3}}|\d))\s*[-/]\s*(?P<y3>{_YEAR})\b", re.I)
        # a period: "2026 - 2030", "từ 2026 đến 2045", "từ năm 2021 đến năm 2025"
        self.period = re.compile(rf"(?:\btừ\s+(?:năm\s+)?)?\b(?P<a>{_YEAR})\s*(?:[-–—]|đến|tới)\s*(?:năm\s+)?(?P<b>{_YEAR})\b", re.I)
        self.frequency = re.compile(r"hằng năm|hàng năm|mỗi năm|/năm|bình quân\s+năm|năm\s+\d{4}\s+và\s+các\s+năm", re.I)

    def cue_matches(self, text: str, a: int, b: int):
        """The aspect cues in [a, b), in order: the matches of ``aspect_scan`` that are no not_cue and
        where no not_cue_phrases phrase starts (shared by the clause, sentence and paragraph scopes)."""
        for m in self.aspect_scan.finditer(text, a, b):
            if m.lastgroup != "not_cue" and not self.not_cue_at.match(text, m.start()):
                yield m

    def indicator_id(self, indicator: str) -> Optional[str]:
        key = fold_key(indicator)
        for words, iid in self.indicators:
            if words in key:
                return iid
        return None


class _Elaborations:
    """Where the sentences that a sentence elaborates begin: the sentence before it, and one more
    back for each sentence that opens with an elaboration word ("Trong đó, ..."). A prospective
    cue from before that is another statement's. (Tried on the development sets and dropped:
    letting any run of sentences that state figures carry it on.) Computed forward, one step per
    sentence as asked for: linear on a text of thousands of elaborating sentences."""

    def __init__(self, tr: TargetRules, text: str, starts: list[int], blank: bool = False):
        self.tr, self.text, self.starts = tr, text, starts
        # what ends a paragraph: a blank line in a text of blank-line paragraphs, else a line break
        self.breaks = _BLANK_LINE if blank else _LINE_BREAK
        self.reach: list[int] = []  # reach[i]: where sentence i's elaborated sentences begin

    def __call__(self, a: int) -> int:
        starts, reach = self.starts, self.reach
        i = bisect.bisect_left(starts, a)
        if i >= len(starts) or starts[i] != a:
            return starts[i - 1] if 0 < i <= len(starts) else 0
        while len(reach) <= i:
            k = len(reach)
            if k == 0:
                reach.append(0)
            elif k >= 2 and self.tr.elaboration.match(self.text, starts[k]):
                reach.append(reach[k - 1])  # ("Trong đó, ...": as far back as the sentence it elaborates)
            elif self.tr.new_statement.match(self.text, starts[k]) or (
                    self._opens_paragraph(starts[k - 1], starts[k]) and not self.tr.continuation.match(self.text, starts[k])):
                # ("Theo ông A, ...", "Tuy nhiên, ...", a new paragraph unless it opens with "Bên cạnh
                # đó", "Ngoài ra", ...): a statement of its own
                reach.append(starts[k])
            else:
                reach.append(starts[k - 1])
        return reach[i]

    def _opens_paragraph(self, prev: int, a: int) -> bool:
        """Whether the sentence at ``a`` opens a paragraph: the space before it holds a paragraph
        break (the items of a list that a line introduces are read with that line: ``list_lead``)."""
        j = a
        while j > prev and self.text[j - 1].isspace():
            j -= 1
        return self.breaks.search(self.text, j, a) is not None


# how many words of the noun phrase after a figure its clause keeps when the next figure shares the
# clause: after a bare number or a share, its noun ("98% trẻ 5 tuổi"); after a count's own noun, that
# noun's modifiers ("6 tuyến đường sắt đô thị": 'tuyến' is the unit). (Tried on the development sets:
# 3 words after a count's noun lose one result, 5 read no better than 4 and run on into the next clause.
# After a share or a bare number, 3 words cut Vietnamese compounds in two, "85% dân số nông" for "dân số
# nông thôn", "thị trường nước" for "thị trường nước ngoài": 5, the noun phrase ending at its verb first;
# session 32, same development scores, 69 indicators of the bulk sample read by eye, most mended.)
_SHARED_NOUN_WORDS = 5
_COUNTED_NOUN_WORDS = 4
# what stands between a value and the year written right after it: "50% năm 1997", "15% vào năm 2030",
# "9.800 tỷ đồng (năm 2024)"
_YEAR_LEAD = r"[ \t]*\(?[ \t]*(?:vào[ \t]+|trong[ \t]+)?năm[ \t]+"
# a year right after a value, its own
_OWN_YEAR_AFTER = re.compile(_YEAR_LEAD + r"(?P<y>" + _YEAR + r")(?!\d)", re.I)
# the value a year is written right after ("10% năm 2020"): its last character, then the year's lead
_VALUE_BEFORE_YEAR = re.compile(r"[\d%]" + _YEAR_LEAD + "$", re.I)
_MONTH_END = re.compile(r"(?<![^\W\d_])tháng[ \t]*\d{1,2}$", re.I)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LINE_BREAK = re.compile(r"\n")


def _blank_paragraphs(ctx: Context, text: str) -> bool:
    """Whether the text's paragraphs are separated by blank lines: it is hard-wrapped, or at least two
    blank lines stand between its lines (one after a title, or blank lines only at its end, make no
    text of blank-line paragraphs)."""
    if ctx.nt.wrapped:
        return True
    body = text.strip()
    first = _BLANK_LINE.search(body)
    return first is not None and _BLANK_LINE.search(body, first.end() - 1) is not None


def _sentence_bounds(starts: list[int], pos: int, n: int) -> tuple[int, int]:
    i = bisect.bisect_right(starts, pos) - 1
    a = starts[i] if i >= 0 else 0
    b = starts[i + 1] if i + 1 < len(starts) else n
    return a, b


class _Clause:
    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int):
        self.start, self.end = start, end


_CUT = re.compile(r"[;:]|\btrong đó\b|\n(?=[ \t]*(?:[-*+•][ \t]|\(\d+\)|\d+[.)]))")
_SEP = re.compile(r"(?:,\s+|\s+và\s+|\s+-\s+)")
# 'và' right before a number (a comparator between at most)
_JOINED = re.compile(r"(?<=[^\W\d_])[ \t]+và[ \t]+(?=(?:(?:hơn|gần|khoảng|trên|dưới)[ \t]+)?$)")


def _clauses(tr: TargetRules, text: str, a: int, b: int, ms: list[Mention]) -> dict[int, _Clause]:
    """Split sentence [a, b) into one clause per quantity: a clause starts after the last
    cut (';', ':', 'trong đó', a bullet line) or separator (', ', ' và ') since the previous
    quantity, and ends where the next quantity's clause starts."""
    cuts = [a + c.end() for c in _CUT.finditer(text[a:b])]
    starts = []
    prev_end = a
    for m in ms:
        start = prev_end
        k = bisect.bisect_right(cuts, m.start) - 1  # the last cut at or before this number
        if k >= 0 and cuts[k] >= prev_end:
            start = cuts[k]
        elif prev_end > a:
            sep = _SEP.search(text, prev_end, m.start)  # "A đạt trên 75%, B và C đạt trên 90%": the first one
            if sep is not None and sep.group().strip() == ",":
                # unless 'và' joins this figure to the one before ("có 1.654 giáo sư, phó giáo sư và 5.700
                # tiến sĩ"): the few words between the comma and it, with no verb, complete the count before
                # as coordinated nouns (not "15 dự án FDI, tổng vốn đăng ký tăng mạnh và 30 dự án ...")
                jm = _JOINED.search(text, sep.end(), m.start)
                if jm is not None and len(text[sep.end():jm.start()].split()) <= 4 and not tr.verbs.search(text, sep.end(), jm.start()):
                    sep = jm
            # no separator: the previous number qualified this figure's indicator ("tốc độ 01 Gb/s đạt
            # 100%"), so the two share the clause's head
            br = None if sep else re.search(r"[()\[\]]", text[prev_end:m.start])
            # a bracket between them opens this figure's clause: the words before it are the previous
            # figure's ("100% trẻ 6 tuổi (chỉ tiêu 80.319 HS)": "trẻ 6 tuổi" is what the 100% measures)
            start = sep.end() if sep else (starts[-1] if br is None else prev_end + br.start() + (br.group() in ")]"))
        start = max(start, m.start - _LEAD_MAX)  # bounded: a run-on clause of thousands of figures stays linear
        while start < m.start and text[start] in " \t\n":
            start += 1
        starts.append(start)
        prev_end = max(m.end, prev_end)
    out: dict[int, _Clause] = {}
    for k, m in enumerate(ms):
        end = b
        if k + 1 < len(ms):
            end = starts[k + 1]
        while end > m.end and text[end - 1] in " \t\n,;:-":
            end -= 1
        if end - 3 >= m.end and text.startswith(" và", end - 3):
            end -= 3  # the 'và' that joins the next figure ("1.654 giáo sư, phó giáo sư và 5.700 tiến sĩ")
        if end <= m.end and k + 1 < len(ms) and (m.unit == "%" or m.unit not in tr.measures):  # (None is no measure)
            # the next figure shares this clause's head ("nghiệm thu được 34 đề tài trong tổng số
            # 102 đề tài"): a count's clause still runs over the noun phrase it counts, a share's
            # over the noun it is a share of ("98% trẻ 5 tuổi được học 2 buổi/ngày"), a count of a
            # noun over it ("6 tuyến Metro với tổng chiều dài 107 km"); a measure ends with its unit
            end = _counted_phrase_end(tr, text, m.end, ms[k + 1].start,
                                      _SHARED_NOUN_WORDS if m.unit in (None, "%") else _COUNTED_NOUN_WORDS)
        out[id(m)] = _Clause(starts[k], max(end, m.end))
    return out


# a line break before a lower-case word continues a phrase (a hard-wrapped text: "100% người hưởng trợ\ncấp
# xã hội", "đội ngũ cán bộ, công\nchức"); any other ends it
_SOFT_NL = r"\n(?=[ \t]*[" + VI_LOWER + r"])"
_NL_CUT = r"\n(?![ \t]*[" + VI_LOWER + r"]\w)"
_WORD_RUN = re.compile(r"(?:[ \t]|" + _SOFT_NL + r")*(?:[^\W\d_]+|\d+(?=[ \t]+[^\W\d_]))")


def _counted_phrase_end(tr: TargetRules, text: str, a: int, b: int, words: int = _SHARED_NOUN_WORDS) -> int:
    """Where the noun phrase after a number that ends at ``a`` ends, before ``b``: up to ``words`` words,
    stopping where a count's noun phrase stops (``_COUNT_TAIL_CUT``: a comma, "trong năm", "và", ...)
    or at a verb, a preposition or a conjunction (targets.yaml count_phrase_stops)."""
    cm = _COUNT_TAIL_CUT.search(text, a, b)
    stop = cm.start() if cm else b
    vm = tr.phrase_stop.search(text, a, stop)  # "16 dự án được vận hành": the noun phrase ends at its verb
    stop = vm.start() if vm else stop
    end = a
    for _ in range(words):
        wm = _WORD_RUN.match(text, end, stop)
        if wm is None:
            break
        end = wm.end()
    return end


def _section_cue(ctx: Context, pos: int, tr: TargetRules, cache: Optional[dict] = None) -> Optional[tuple[str, int, int]]:
    """('target' or 'result', cue start, cue end) from the nearest enclosing section whose title
    carries a cue (each section's title read once per document when ``cache`` is given)."""
    for s in reversed(ctx.section_chain(pos)):
        key = ("section_cue", s.title_start, s.title_end)
        if cache is not None and key in cache:
            hit = cache[key]
        else:
            hit = _title_cue(ctx, s, tr)
            if cache is not None:
                cache[key] = hit
        if hit is not None:
            return hit
    return None


def _phrase_head(tr: "TargetRules", rx, title: str):
    """The first cue of ``rx`` that heads a phrase of the title: "TIÊU CHÍ ĐÁNH GIÁ" names
    criteria, not an assessment; "ĐÁNH GIÁ KẾT QUẢ ..." is one."""
    for m in rx.finditer(title):
        if tr.phrase_start.search(title, 0, m.start()):
            return m
    return None


def _title_cue(ctx: Context, s, tr: TargetRules) -> Optional[tuple[str, int, int]]:
    title = ctx.nt.fold[s.title_start:s.title_end]
    if not title or (s.list_item and len(title) > 80 and (not s.clause or _ends_as_sentence(ctx.nt.fold, s.title_start))):
        # a long bullet is prose, not a heading; an article's long clause is a heading to what it holds
        # unless its line ends as a sentence does ("a) Quy định chức năng, nhiệm vụ, ... của Cục Thuế.")
        return None
    t = _phrase_head(tr, tr.target_section, title)
    r = _phrase_head(tr, tr.result_section, title)
    if t and (not r or t.start() < r.start()):
        return "target", s.title_start + t.start(), s.title_start + t.end()
    if r:
        return "result", s.title_start + r.start(), s.title_start + r.end()
    return None


def _ends_as_sentence(text: str, pos: int) -> bool:
    """Whether the line holding ``pos`` ends with a full stop or a semicolon (a provision's sentence)."""
    e = text.find("\n", pos)
    line = text[pos:e if e >= 0 else len(text)].rstrip(" \t*_")
    return line.endswith((".", ";"))


def _category(ctx: Context, pos: int, tr: TargetRules, clause: str = "", memo: Optional[dict] = None) -> Optional[str]:
    """The first category word in the target's clause, else in the nearest enclosing section title
    (each title read once per document when ``memo`` is given)."""
    m = tr.category_rx.search(fold_key(clause)) if clause else None
    if m:
        return tr.categories[m.group(0)]
    for s in reversed(ctx.section_chain(pos)):
        if s.list_item and not s.clause:
            continue
        key = ("category", s.title_start, s.title_end)
        if memo is not None and key in memo:
            cat = memo[key]
        else:
            m = tr.category_rx.search(fold_key(ctx.nt.fold[s.title_start:s.title_end]))
            cat = tr.categories[m.group(0)] if m else None
            if memo is not None:
                memo[key] = cat
        if cat:
            return cat
    return None


@component("targets", requires=("sentence_starts", "quantities", "percentages", "delegates", "bodies", "sections", "document"), assigns=("figures",), rules=("targets", "indicators", "people"))
def extract_targets(ctx: Context) -> Figures:
    """Targets (goals) and results (achieved figures) with indicator, time, stretch and category."""
    tr = ctx.rules.compiled("targets", TargetRules)
    text = ctx.nt.fold
    quantities: list[Mention] = ctx.products.quantities.mentions
    # "351 đại biểu (bằng 78,9%)": a share of a count (statistics), neither target nor result;
    # "80% số xã (tương ứng 55/67 xã)" stays a candidate
    links = [(m, count) for m, count, _ in ctx.products.percentages.links if count is not None]
    # a count a percentage is a share of: the percentage speaks for it; a share of the people of a
    # meeting or a body, of votes or opinions ("96 đồng chí, chiếm 27,4%") describes who they are,
    # not what was achieved: neither (targets.yaml composition_units)
    # (only a count written as its share's statistic: percentages.speaks_for; an amount measured, "60.504 tỷ
    # đồng, chiếm 26,3%", and a count told as a fact of its own are figures beside their shares)
    tight = [(m, count) for m, count in links if speaks_for(text, m, count, tr.measures)]
    linked = ({id(count) for m, count in tight if count.unit is None or count.unit not in tr.measures}
              | {id(m) for m, count in tight if _composition(tr, text, count)})
    delegate_spans = {s.span.start for s in ctx.products.delegates.stats.__dict__.values() if hasattr(s, "span")}
    # the sizes of bodies ("Ban Chấp hành ... (gồm 68 đồng chí)") are neither targets nor results
    body_spans = sorted((ctx.nt.from_orig(x.span.start), ctx.nt.from_orig(x.span.end)) for x in ctx.products.bodies.items)
    body_starts = [x for x, _ in body_spans]
    delegate_at = sorted(ctx.nt.from_orig(d) for d in delegate_spans)
    cues_cache: dict = {}
    build_memo: dict = {}
    paragraphs = _Paragraphs(ctx, text)
    # the year the document speaks from (its date, date line, term, else the latest year it
    # states as its own time: the document stage): a figure's own year is measured against it
    year = ctx.products.document.year
    doc_year = year.value if year is not None else None
    # the year of the present: the document's own date at its head (its header's "Hà Nội, ngày ...", its adoption
    # or issue: the document stage's date cues), not any date near its head (a paper's founding, a ban's end, a
    # cited resolution, a life's events), nor a term begun years before or the latest year an undated page states
    info = ctx.products.document
    build_memo["share_count"] = {id(m): count for m, count in links}  # a share's count, where the text gives it
    build_memo["present_year"] = (int(info.date[:4]) if info.date and info.date_text is not None
                                  and info.date_text.span.start < _HEAD_CHARS else None)
    # a normative text (articles of a law or decree): its figures are rules, not the state of things
    normative = sum(1 for s in ctx.products.sections.items if s.kind == "article") >= 2
    starts = ctx.products.sentence_starts
    elaborated_from = _Elaborations(tr, text, starts, _blank_paragraphs(ctx, text))
    # group quantities by sentence
    by_sentence: dict[tuple[int, int], list[Mention]] = {}
    for m in quantities:
        by_sentence.setdefault(_sentence_bounds(starts, m.num_start, len(text)), []).append(m)
    targets: list[Quantity] = []
    results: list[Quantity] = []
    for (a, b), all_ms in by_sentence.items():
        ms = [m for m in all_ms if not _skip(m, text, tr, linked, delegate_spans, ctx) and not _inside(body_spans, body_starts, m.start)]
        k = bisect.bisect_left(delegate_at, a)
        if k < len(delegate_at) and delegate_at[k] < b:
            # a sentence of delegate statistics ("446 đại biểu, thuộc 118 đảng bộ"): its counts describe the delegates
            ms = [m for m in ms if m.unit in tr.measures]
        if not ms:
            continue
        clauses = _clauses(tr, text, a, b, ms)
        # a vote's tally ("với 98,5% đại biểu tán thành") is neither; what the vote adopts, in its own clause, may be
        votes = [v.start() for v in tr.not_target_clause.finditer(text, a, b)]  # one scan per sentence
        ms = [m for m in ms if not _any_in(votes, clauses[id(m)].start, clauses[id(m)].end)]
        p_true, p = paragraphs.start(a)  # one paragraph per sentence
        p_lead = paragraphs.lead(a)  # the lead-in of a list of one-paragraph items: where its time is read
        under_time_head = p_lead is not None and p_lead in paragraphs.time_leads  # ("**(1) Đến năm 2030**")
        aspect_reach = (elaborated_from(a), paragraphs.list_lead(a))
        reach = _DENSE_REACH if len(ms) > _DENSE_FIGURES else _LEAD_MAX
        last_target: Optional[Quantity] = None
        last_mention: Optional[Mention] = None
        unread: Optional[Mention] = None  # the previous figure, when no evidence at all spoke for it
        prev_q: Optional[Quantity] = None  # the figure built before, in this sentence
        prev_m: Optional[Mention] = None  # (and its mention)
        prev_kind: Optional[str] = None  # (and its role and evidence)
        prev_ev: list = []
        for m in ms:
            cl = clauses[id(m)]
            cell = _table_cell(tr, text, m)
            # a stretch value: "... 13%/năm trở lên, phấn đấu đạt 14%/năm"
            if last_target is not None and last_mention is not None and m.unit == last_mention.unit and tr.stretch.match(text[last_mention.end:m.start]):
                last_target.stretch = m.value
                last_mention = None
                continue
            kind, evidence = _classify(ctx, tr, m, cl, a, b, p, cell, doc_year, normative, cues_cache, p_true, reach, aspect_reach)
            if (kind is None and not evidence and prev_q is not None and prev_m is not None and prev_ev
                    and m.unit is not None and m.unit == prev_m.unit and _LABELLED_NEXT.fullmatch(text, prev_m.end, m.start)):
                # (scope) a list of the same measure by place or category, the verb told once ("Hà Tây chiếm 55,1%,
                # Phú Thọ 43,97%, Quảng Ninh 42,6%"): each value is read as the first of the list is
                kind, evidence = prev_kind, prev_ev[:1]
            if kind is None:
                last_mention = None
                unread = m if not evidence and cell is None else None
                continue
            if unread is not None and kind == "result" and evidence[0].code in _TIMES_A_CHANGE and _CHANGE_OF.match(text, unread.end, m.start):
                # "đạt 1,2 triệu tấn, tăng 3% so với cùng kỳ": the change is the change of the value
                # before it, so the two are of one period already reported on and share its evidence
                # (a future change of a value says nothing of when the value was measured)
                results.append(_build(ctx, tr, unread, clauses[id(unread)], a, b, p_lead if p_lead is not None else p, None,
                                      doc_year, evidence, build_memo, reach, under_lead=under_time_head))
            unread = None
            q = _build(ctx, tr, m, cl, a, b, p_lead if p_lead is not None else p, cell, doc_year, evidence, build_memo, reach,
                       under_lead=under_time_head)
            if evidence and evidence[0].code == "state" and doc_year and (q.year or (q.period.start if q.period else 0)) > doc_year:
                last_mention = None
                continue  # the present state is claimed by no cue; a figure of a later year is not of the present
            if q.indicator is None and evidence and evidence[0].code == "ratio_to_plan" and prev_q is not None:
                # "thu ngân sách ước đạt 5.200 tỷ đồng, đạt 45,2% kế hoạch": the share of the plan is the
                # value's before it, and measures what it measures
                _take_measure(q, prev_q)
            elif (m.unit == "%" and prev_q is not None and prev_m is not None and prev_q.indicator and prev_m.unit != "%"
                  and (q.indicator is None or _WHOLE_WORD.match(q.indicator))
                  and _SHARE_OF_BEFORE.fullmatch(text, prev_m.end, m.start)):
                # "tổng thu ngân sách địa phương là 60.504 tỷ đồng, chiếm 32%", "khu vực nhà nước khoảng 14,1
                # triệu tỷ đồng, chiếm 28% tổng vốn đầu tư": a share in a clause with no subject of its own is
                # the share of the amount just stated, and measures what it measures, where nothing after it
                # names what it measures but its whole (a total: "tổng vốn đầu tư"; not "chiếm 43,27% về
                # lượng", "chiếm 1% đất đô thị"), and the amount is no share itself
                _take_measure(q, prev_q)
            elif ((q.indicator is None or (m.unit_text and q.indicator.lower() == m.unit_text.lower()))
                  and prev_q is not None and prev_m is not None and prev_q.indicator and prev_m.unit != m.unit
                  and _EQUIVALENT_ASIDE.fullmatch(text, prev_m.end, m.start) and not _STANDARD_IN.search(text, prev_m.end, m.start)
                  and (prev_q.indicator in text[prev_m.end:m.start] or _BRACKET_ONLY.fullmatch(text, prev_m.end, m.start))):
                # "40 tấn thịt trâu bò (500 con)", "vượt so với năm ngoái 16% (27.400 tỷ đồng)": the same amount in
                # another unit, in brackets right after the figure or the noun it counts or measures, measures what
                # that figure measures
                _take_measure(q, prev_q)
            elif (q.indicator is None and prev_q is not None and prev_m is not None and prev_q.indicator
                  and prev_m.unit == m.unit and not _RESPECTIVELY.search(prev_q.indicator)
                  and len(prev_q.indicator.split()) <= 12 and not re.search(r"\d", prev_q.indicator)  # (a noun phrase, not a clause)
                  and (_ELIDED_SUBJECT.match(text, prev_m.end, m.start) or _same_measure_later(text, prev_q, prev_m, q, m)
                       or _SCOPED_LIST.fullmatch(text, prev_m.end, m.start))):
                # "tỷ lệ thất thoát nước trung bình là 33% và đến cuối tháng 12 giảm còn 31%": a clause joined to
                # the one before with no subject of its own (nothing before or after its value names a
                # measure) speaks of the same measure; so does the same measure at another time, its noun phrase
                # not repeated ("có 50% trẻ khuyết tật được đi học và đến năm 2010 là 70%", "tỷ lệ che phủ rừng
                # đạt 45% vào năm 2025 và 47% vào năm 2030")
                _take_measure(q, prev_q)
            elif ((q.indicator is None or m.unit == "lần") and prev_q is not None and prev_m is not None and prev_q.indicator
                  and (m.is_percent or m.unit == "lần")
                  and not re.search(r"\d", prev_q.indicator) and (ca := _CHANGE_AFTER.fullmatch(text, prev_m.end, m.start))
                  and (not prev_m.is_percent or ca.group("std"))):
                # "kim ngạch xuất khẩu ước đạt trên 26 tỷ USD, tăng 28,9%": a change told right after an amount,
                # with no subject of its own, is the change of that amount; so is one after a ratio to its plan
                # ("Vốn đầu tư ... ước đạt 111% so với kế hoạch cả năm, tăng 17,7%"); a multiple's too, whatever follows
                # its factor, which is the standard it is a multiple of ("20,2 tỷ USD, gấp 1,89 lần giai đoạn 2016-2020")
                _take_measure(q, prev_q)
            prev_q, prev_m, prev_kind, prev_ev = q, m, kind, evidence
            if kind == "target":
                targets.append((q, m))
                last_target, last_mention = q, m
            else:
                results.append(q)
                last_target, last_mention = None, None
    targets_out = _dedupe(targets, text)
    title = ctx.products.document.title
    if title is not None and len(title.text) <= _HEADLINE_MAX:
        targets_out, results = _headline_repeats(targets_out, results, title.span.start, title.span.end)
    return Figures(tuple(targets_out), tuple(results))


def _headline_repeats(targets: list, results: list, a: int, b: int) -> tuple[list, list]:
    """Without the figures of the headline [a, b) that the body states again (the same value): the headline
    announces what the body tells with its context ("Tuyển 15.600 chỉ tiêu đào tạo sau ĐH năm 2005" above "năm 2005
    tổng chỉ tiêu tuyển mới đào tạo sau đại học sẽ là 15.600"), one figure, reported where the body states it."""
    if not any(a <= q.span.start < b for q in targets) and not any(a <= q.span.start < b for q in results):
        return targets, results
    body = [q for q in targets + results if not a <= q.span.start < b]

    def restated(q) -> bool:
        return a <= q.span.start < b and any(
            x.value == q.value and x.value_max == q.value_max
            and (x.unit == q.unit or x.unit is None or (q.unit is not None and q.unit in fold_key(x.indicator or "")))
            for x in body)
    return [q for q in targets if not restated(q)], [q for q in results if not restated(q)]


_HEADLINE_MAX = 160  # a title longer than this runs on into the lead (a page that sets both on one line): no headline


# a bracket that opens right after a figure's noun phrase, before another figure ("40 tấn thịt trâu bò (500 con)")
_EQUIVALENT_ASIDE = re.compile(r"[^\S\n]*(?:[^\W\d_][^\n(),;:.]{0,60})?\([^\S\n]*(?:(?:tương đương|tức là|tức|khoảng|gần|hơn|trên)[^\S\n]+)?")
# (a bracket after a comparison gives the standard's value: "tăng 10,26% so cùng kỳ (10.049 tỷ đồng)")
_STANDARD_IN = re.compile(r"(?<![^\W\d_])(?:so|cùng kỳ|hơn|với)(?![^\W\d_])", re.I)
_BRACKET_ONLY = re.compile(r"[^\S\n]*\([^\S\n]*(?:(?:tương đương|tức là|tức|khoảng|gần|hơn|trên)[^\S\n]+)?")
_RESPECTIVELY = re.compile(r"lần lượt", re.I)
# a clause joined to the figure before it (", ", "và") that says something of its own before its value ("và
# đến cuối tháng 12 giảm còn 31%", "là 20%, phấn đấu đến 2010 sẽ đạt 76%"; not a list of values, "lần lượt là
# 50%, 41% và 4%")
_ELIDED_SUBJECT = re.compile(r"[^\S\n]*(?:,[^\S\n]*(?:và[^\S\n]+)?|và[^\S\n]+)(?=[^\n.;:,]{0,60}$)[^\n.;:,]*?[^\W\d_]{2}[^\n.;:,]*$")


# a list of values under one label, each with its scope in brackets ("Tỷ lệ ứng cử viên nữ: 32,4% (cấp tỉnh),
# 30,6% (cấp huyện), 26,4% (cấp xã)"): each measures the label
_SCOPED_LIST = re.compile(r"[^\S\n]*\([^()\n\d]{1,40}\)[^\S\n]*,[^\S\n]*(?:và[^\S\n]+)?")
# an amount's change right after it, in the same sentence (", tăng 28,9%", ", giảm khoảng 3%")
# the next item of a list of values by place or category: a separator, a capitalised label of one to four
# words, and at most a copula or a colon before the value (", Phú Thọ 43,97%", " và Đồng Tháp là 42,42%")
_UP = "[" + upper_letters(0x41, 0x1F00) + "]"
_LABELLED_NEXT = re.compile(r"[^\S\n]*(?:,|;|và)[^\S\n]*(?:và[^\S\n]+)?" + _UP + r"[^\W\d_]*(?:[^\S\n]+" + _UP
                            + r"[^\W\d_]*){0,3}[^\S\n]*(?:là[^\S\n]+|:[^\S\n]*)?")
_CHANGE_AFTER = re.compile(r"(?P<std>[^\S\n]+so(?:[^\S\n]+với)?[^\S\n]+(?:kế hoạch|dự toán|cùng kỳ)[^\n,.;:\d]{0,30})?"
                           r"[^\S\n]*(?:,[^\S\n]*(?:và[^\S\n]+)?|và[^\S\n]+)(?:(?:tăng|giảm)(?:[^\S\n]+gấp)?|gấp)"
                           r"(?:[^\S\n]+(?:thêm|khoảng|gần|hơn|trên))?[^\S\n]*")


# a time phrase right after a value ("45% vào năm 2025"), and a bare joiner to the next value, whose own
# time then tells it apart ("và 47% vào năm 2030")
_TIME_AFTER = re.compile(r"[^\S\n]*,?[^\S\n]*(?:(?:vào|đến|tới|trong)[^\S\n]+)?(?:(?:cuối|hết)[^\S\n]+)?năm[^\S\n]+\d{4}")
_BLANKS_AFTER = re.compile(r"[ \t]*")
_BARE_JOIN = re.compile(r"[^\S\n]*(?:,[^\S\n]*(?:và[^\S\n]+)?|và[^\S\n]+)(?:(?:là|đạt|còn)[^\S\n]+)?$")


def _figure_year(q: Quantity) -> Optional[int]:
    """The year a figure is of: its own, else its period's end."""
    return q.year or (q.period.end if q.period else None)


def _same_measure_later(text: str, prev_q: Quantity, prev_m: Mention, q: Quantity, m: Mention) -> bool:
    """Whether the figure ``m`` (with no measure of its own) is the measure of the figure before it at
    another time: the two joined by a comma or "và" in one sentence, after the figure before it only
    its counted noun phrase (its indicator) and its time, and the two times stated and different."""
    py, y = _figure_year(prev_q), _figure_year(q)
    if py is None or y is None or py == y:
        return False
    j = prev_m.end
    k = _BLANKS_AFTER.match(text, j, j + 3).end()
    ind = prev_q.indicator
    if text[k:k + len(ind)].lower() == ind.lower():
        j = k + len(ind)  # the noun phrase a count or share counts, after its value ("50% trẻ khuyết tật ...")
    t = _TIME_AFTER.match(text, j, m.start)
    if t:
        return _BARE_JOIN.fullmatch(text, t.end(), m.start) is not None or _ELIDED_SUBJECT.match(text, t.end(), m.start) is not None
    return j != prev_m.end and _ELIDED_SUBJECT.match(text, j, m.start) is not None


def _take_measure(q: Quantity, prev: Quantity) -> None:
    """The figure ``q`` measures what ``prev`` measures: its indicator, indicator id and category."""
    q.indicator, q.indicator_id, q.category = prev.indicator, prev.indicator_id, prev.category


# a footnote's paragraph: its mark in brackets first ("[2] Cụ thể: ...", "[12]\nTrong đó: ...")
_FOOTNOTE = re.compile(r"[ \t]*\[\d{1,3}\][ \t\n]")

# a change right after a value, across a comma: "đạt 1,2 triệu tấn, tăng 3%"
_CHANGE_OF = re.compile(r"[^\S\n]*,[^\S\n]*(?:tăng|giảm)(?:[^\S\n]+(?:thêm|lên|xuống|khoảng|hơn|gần|trên))?[^\S\n]*$", re.I)
# the evidence of a change that speaks for the value before it: a time or a period compared
_TIMES_A_CHANGE = {"perfective", "past_time", "estimate"}

# the words that open a total, the whole a share is of ("tổng vốn đầu tư")
_WHOLE_WORD = re.compile(r"(?:tổng|toàn bộ|cả)(?![^\W\d_])", re.I)
# a clause of a share with no subject but the verb of a share, right after an amount and its comma
# (", chiếm 32%", ", chỉ chiếm khoảng 5%")
_SHARE_OF_BEFORE = re.compile(r"[^\S\n]*,[^\S\n]*(?:chỉ[^\S\n]+)?chiếm(?:[^\S\n]+(?:khoảng|hơn|trên|gần|dưới|xấp xỉ))?[^\S\n]*", re.I)

# words after a share that name its whole, not the goal ("95% dân số", "35% GRDP", "100% kế hoạch"): the
# indicator before the number tells the goal
_GENERIC_WHOLE = re.compile(r"(?:kế hoạch|dự toán|mục tiêu|chỉ tiêu|tổng|so|của|trở|trên|số|dân số|gdp|grdp)\b")


# what a restated goal repeats: up to eight words after its number, to the end of their phrase, so
# that two items of one list with the same head ("100% cơ sở cai nghiện công lập đủ điều kiện ...",
# "100% cơ sở cai nghiện công lập bảo đảm ...") are two goals, and "55–58% GDP" in a heading and its
# body one (a heading that goes on differently after eight words, "10 000 giám đốc điều hành phát
# triển kinh tế tư nhân theo Nghị quyết 68", is still the same goal as its body)
_SUBJECT_WORDS = 8
_PHRASE_END = re.compile(r"[,;.:()?!*\"“”\n]")


def _restates(iid: Optional[str], words: list[str], ind: str, iid0: Optional[str], words0: list[str], ind0: str) -> bool:
    """Whether a figure restates an earlier one of the same value and time: two indicator ids decide
    (the same id is the same goal, two ids two goals: "tỷ lệ bao phủ bảo hiểm y tế đạt 95% dân số; tỷ lệ
    dân số được quản lý sức khỏe đạt 95% dân số"); else the same words after the number, or (three
    words at least) the words of one stopping where the other goes on ("100% lương và miễn thuế TNCN (dự
    kiến)" restating "100% lương và miễn thuế TNCN khoản hỗ trợ"; "100% xã, phường" does not restate
    "100% xã đạt chuẩn nông thôn mới"); one word only with the same indicator before it, or none ("tuyển
    100 CT" of two faculties, "có 05 Tổ" of two offices are two figures)."""
    if iid and iid0:
        return iid == iid0
    if not words or not words0:
        return False
    if words == words0:
        return len(words) >= 2 or not ind or not ind0 or ind == ind0
    return min(len(words), len(words0)) >= 3 and words0[:len(words)] == words[:len(words0)]


def _dedupe(items: list, text: str) -> list[Quantity]:
    """A goal restated later (a summary, a heading repeating the body) is reported once, at its
    first statement: same value, range, unit, per-unit and time, and restating it (``_restates``: two
    indicator ids decide; else the words after the number, with their indicator when they are one
    word or name a share's whole)."""
    seen: dict[tuple, list[tuple[Optional[str], list[str], str]]] = {}
    out = []
    for q, m in items:
        tail = text[m.end:m.end + 100].lstrip()
        ind = fold_key(q.indicator or "")
        # what the number counts: the words right after it ("10.000 giám đốc", "55–58% GDP"),
        # else the indicator before it ("Tỷ lệ ... đạt 80%.")
        subject = (" ".join(fold_key(_PHRASE_END.split(tail, maxsplit=1)[0]).split()[:_SUBJECT_WORDS])
                   if tail[:1].isalpha() else ind)
        if _GENERIC_WHOLE.match(subject):  # "100% kế hoạch": the plan of what? the indicator says
            subject += " | " + ind
        key = (q.value, q.value_max, q.unit, q.per, q.year, q.period.start if q.period else None)
        words = subject.split()
        said = seen.setdefault(key, [])
        if any(_restates(q.indicator_id, words, ind, *prev) for prev in said):
            continue
        said.append((q.indicator_id, words, ind))
        out.append(q)
    return out


def _any_in(positions: list, lo: int, hi: int) -> bool:
    """Any of the sorted ``positions`` in [lo, hi)."""
    k = bisect.bisect_left(positions, lo)
    return k < len(positions) and positions[k] < hi


def _inside(spans: list, starts: list, pos: int) -> bool:
    """``pos`` inside one of the sorted, non-overlapping ``spans`` (by bisection over their starts)."""
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


# the start of a change, "từ X lên/xuống (còn) Y": X is where the change starts (at most a year
# phrase between X and the verb: "từ 2.150 doanh nghiệp năm 2020 lên 3.400")
_FROM_BEFORE = re.compile(r"(?<![^\W\d_])từ[ \t]+$")
_TO_AFTER = re.compile(r"(?:[ \t]+(?:[^\W\d_]+[ \t]+){0,2}(?:19|20)\d{2})?[ \t]*,?[ \t]*(?:lên|xuống)(?:[ \t]+(?:còn|mức|thành|tới|đến))?[ \t]+(?:(?:dưới|trên|khoảng|gần|hơn|còn)[ \t]+)?\d")


# a change said to be needed is no change measured ("tỉ lệ tạm ứng cần được tăng từ 20% lên 40%")
# (nor one proposed or supposed: "Cử tri đề nghị tỷ lệ tạm ứng được tăng từ 20% lên 40%", "Khi tỷ lệ hộ nghèo giảm từ 5%
# xuống 3%, ..."; not "sau khi", "từ khi": a time; 'nên' is as often "so" as "should" and is left out)
_NEEDED = re.compile(r"(?<![^\W\d_])(?:cần|phải|đề nghị|kiến nghị|đề xuất|nếu|(?<!sau )(?<!từ )(?<!trước )khi)(?![^\W\d_])", re.I)
# the new level of a change, right after its start ("từ 6,1% xuống còn 3,9%")
_CHANGE_END = re.compile(r"(?<![^\W\d_])từ[ \t]+(?:mức[ \t]+)?\d[\d.,]*[^\n;:\d]{0,30}?(?:lên|xuống)(?:[ \t]+(?:còn|mức|thành|tới|đến))?"
                         r"[ \t]+(?:(?:dưới|trên|khoảng|gần|hơn|còn)[ \t]+)?$", re.I)


def _baseline(m: Mention, text: str) -> bool:
    """The figure a change starts from ("giảm tỷ lệ hộ nghèo từ 4,2% xuống còn 1,5%", "tăng từ 42
    triệu đồng lên 68 triệu đồng"): the level measured before the change, a result whatever the
    change is (aimed at in a plan, reached in a review)."""
    return (_FROM_BEFORE.search(text, max(0, m.num_start - 8), m.num_start) is not None
            and _TO_AFTER.match(text, m.end) is not None)


# "gấp 2,1 lần": a multiplier measures (a count of occasions, "3 lần", does not: not_target_units)
_MULTIPLIER = re.compile(r"(?<![^\W\d_])gấp(?:[ \t]+(?:khoảng|gần|hơn|trên))?[ \t]+$", re.I)
# a change by a factor that is no whole number ("tăng 6,1 lần"): a multiple, not a number of times
# (and a verb of change right before a value, read also for a change against a year gone by: _classify)
_CHANGED_BY = re.compile(r"(?<![^\W\d_])(?:tăng|giảm)(?:[ \t]+(?:lên|thêm|khoảng|gần|hơn|trên|xấp xỉ))?[ \t]*$", re.I)


def _names_members(tr: TargetRules, text: str, end: int) -> bool:
    """Whether the names of what a count counts follow it ("2 môn Toán, Tiếng Việt"): not
    countries, which say what it is of ("khách Hàn Quốc, Nhật Bản")."""
    nm = tr.named_members.match(text, end)
    return nm is not None and not any(fold_key(x) in tr.countries for x in re.split(r"[ \t]*(?:,|\svà\s)[ \t]*", text[nm.start("names"):nm.end()]))


# a count of things ("6 tuyến", "45 dự án"): a number with a word after it, not a year or a date
# (a number after "số" is a name's, "tuyến Metro số 1"; one thing is no count of things)
_COUNT_BEFORE = re.compile(r"(?<![\d.,/:-])(?<!số )(?!1[ \t])\d{1,3}(?:\.\d{3})*[ \t]+[^\W\d_]")


def _attribute(tr: TargetRules, text: str, pos: int, starts: list[int]) -> bool:
    """Whether the figure at ``pos`` is the size of one thing ("tuyến đường dài 75 km", "cầu ... với
    tổng chiều dài 266 m"); a total after a count in its sentence (``starts``: the sentence starts) is
    none ("6 tuyến Metro với tổng chiều dài 107 km": the size of what is counted)."""
    a = tr.attribute.search(text, max(0, pos - 40), pos)
    if a is None:
        return False
    t = tr.total_before.search(text, max(0, a.start() - 16), a.start())
    if t is None:
        return True
    sentence_start = _sentence_bounds(starts, t.start(), len(text))[0]
    return _COUNT_BEFORE.search(text, max(sentence_start, t.start() - 80), t.start()) is None


# the people of a meeting or a body, a vote or a ballot near a count of "người": a share of them tells who
# they are ("96 người, chiếm 27,4% tổng số đại biểu"); a share of people counted elsewhere ("87 ngàn người dự
# thi lái xe ô tô, chiếm khoảng 35% số người dự thi trên toàn quốc") is a figure like any other
_OF_A_BODY = re.compile(r"(?<![^\W\d_])(?:đại biểu|đại hội|đảng viên|ủy viên|uỷ viên|thành viên|ban chấp hành|hội đồng|"
                        r"cử tri|phiếu|bầu|ứng cử|trúng cử|tán thành|biểu quyết|kỳ họp|hội nghị)(?![^\W\d_])", re.I)


def _composition(tr: TargetRules, text: str, count: Mention) -> bool:
    """Whether a count a percentage is a share of counts the people of a meeting or a body, votes or
    opinions (targets.yaml composition_units; "người" only where the text round it speaks of one)."""
    return count.unit in tr.composition_units and (
        count.unit != "người" or _OF_A_BODY.search(text, max(0, count.start - 200), count.end + 80) is not None)


def _skip(m: Mention, text: str, tr: TargetRules, linked: set, delegate_spans: set, ctx: Context) -> bool:
    """Quantities that are never targets or results: counts behind a percentage, delegate figures,
    ages and durations, fractions, per-units ("... trên 01 ha", "trên 1 vạn dân"), the whole a
    count is taken from ("trong tổng số 102 đề tài"), the size of a body ("ban lãnh đạo gồm 15
    người") and a count whose members are named after it ("2 môn Toán, Tiếng Việt", "5 phó chủ
    tịch là ông A, ông B", "giữa 03 bên: doanh nghiệp, nhà trường và Nhà nước": an inventory, not a measure)."""
    return (id(m) in linked or (m.unit in tr.not_units and not _MULTIPLIER.search(text, max(0, m.num_start - 16), m.num_start)
                                and not (m.value != int(m.value) and _CHANGED_BY.search(text, max(0, m.num_start - 16), m.num_start))
                                and not (m.unit == "chỉ tiêu" and (tr.quota_before.search(text, max(0, m.start - 30), m.start)
                                                                 or tr.quota_after.match(text, m.end))))
            or ctx.nt.to_orig(m.start) in delegate_spans
            or _attribute(tr, text, m.start, ctx.products.sentence_starts)
            or m.kind == "fraction"
            or _OPERAND.search(text, max(0, m.start - 12), m.start) is not None  # "Tỷ lệ = b/a * 100%": a formula's term
            or (m.value == 1 and re.match(r"trên\s+0?1\b", text[m.start:m.end + 1]) is not None)
            or tr.whole_before.search(text, max(0, m.num_start - 24), m.num_start) is not None  # targets.yaml whole_words
            or tr.body_size.search(text, max(0, m.num_start - 100), m.num_start) is not None
            or (m.unit in tr.composition_units and tr.body_bracket.search(text, max(0, m.num_start - 100), m.num_start) is not None)
            or tr.comment_noun.match(text, m.num_end) is not None  # "32.000 lượt ý kiến góp ý": comments, no figure
            or (tr.member_noun.match(text, m.num_end) is not None  # "Đảng bộ có 1.234 chi bộ": the body's size
                and tr.size_before.search(text, max(0, m.num_start - 30), m.num_start) is not None)
            or (m.kind == "quantity" and m.value <= 30 and m.unit not in tr.measures
                and (_names_members(tr, text, m.end) or tr.listed_members.match(text, m.end) is not None)))


def _yg(m) -> str:
    """Which group of the year pattern matched."""
    return "y" if m.group("y") else "y2" if m.group("y2") else "y3"


class _TimedSentences:
    """The sentences of a document that state a time (a year or a period), found once: which
    earlier sentence is the nearest to state one is then a bisection (linear on floods of short
    sentences, where a walk back from each sentence would be quadratic)."""

    __slots__ = ("idx", "times")

    def __init__(self, tr: TargetRules, text: str, starts: list[int]):
        cands = sorted({bisect.bisect_right(starts, m.start()) - 1 for m in _ANY_YEAR.finditer(text)})
        self.idx: list[int] = []
        self.times: dict[int, tuple] = {}
        for j in cands:
            if j < 0:
                continue
            t = _time_of(tr, text[starts[j]:starts[j + 1] if j + 1 < len(starts) else len(text)])
            if t[0] or t[1]:
                self.idx.append(j)
                self.times[j] = t

    def before(self, k: int) -> Optional[int]:
        """The last sentence before sentence ``k`` that states a time."""
        i = bisect.bisect_left(self.idx, k) - 1
        return self.idx[i] if i >= 0 else None


_ANY_YEAR = re.compile(r"(?:19|20)\d{2}")


# the date of a document cited by its number ("Nghị quyết số 20/2022/NQ-HĐND ngày 12 tháng 9 năm 2022"): the cited
# document's, no time of a figure
_CITED_DATE = re.compile(r"\d{1,4}/(?:19|20)\d{2}/[^\W\d_][^\s,;:()]*[ \t\n]+ngày[ \t\n]+\d{1,2}(?:[ \t\n]+tháng[ \t\n]+|/)\d{1,2}"
                         r"(?:[ \t\n]+năm[ \t\n]+|/)(?:19|20)\d{2}")


def _time_of(tr: TargetRules, s: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The periods and years of ``s`` (reference years and the dates of documents cited by number excluded), the
    reference spans found once."""
    if not s:
        return [], []
    refs = [m.span() for m in tr.ref_year.finditer(s)]
    if "/" in s:
        refs = sorted(refs + [m.span() for m in _CITED_DATE.finditer(s)])
    ps = [(int(m.group("a")), int(m.group("b"))) for m in tr.period.finditer(s) if not _in_spans(refs, m.start())]
    ys = [int(m.group(_yg(m))) for m in tr.year.finditer(s) if not _in_spans(refs, m.start(_yg(m)))]
    return ps, ys


def _in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies in one of ``spans`` (sorted, not overlapping: the matches of one pattern)."""
    k = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


# a label of a goal right before a bare number, to its colon ("Tổng chỉ tiêu năm 2006: 1.700"): the
# label names what the number is
_LABEL_OF_GOAL = re.compile(r"(?:^|[\n.;])[ \t*\-+•]*(?:tổng[ \t]+)?(?:chỉ tiêu|mục tiêu|kế hoạch)[^\n.;:]{0,50}:[ \t]*$", re.I)

# (not the number of a list's first item after the label: "Mục tiêu cụ thể: 1. Tăng trưởng ...")
_LIST_NUMBER = re.compile(r"[.)][ \t]+[^\W\d_]")


def _after_goal_label(text: str, m: Mention) -> bool:
    """Whether a bare number is the figure a goal's label introduces ("Tổng chỉ tiêu năm 2006: 1.700")."""
    return (_LABEL_OF_GOAL.search(text, max(0, m.start - 80), m.start) is not None
            and not (m.value < 100 and _LIST_NUMBER.match(text, m.end)))

# verbs that introduce a bare number as a value ("đạt 0,8", "bồi dưỡng 10.000 giám đốc điều hành")
_INTRO = re.compile(r"(?:đạt|là|có|thành lập|hoàn thành|xây dựng|khoảng|từ|đào tạo|bồi dưỡng|tuyển dụng|tuyển|hỗ trợ|"
                    r"trồng|xây mới|cấp|thu hút|tạo việc làm cho|giải quyết việc làm cho|phát triển)\s*$", re.I)

# which aspect each evidence code stands for
_ROLE = {"limitation": "result", "achieved_plan": "result", "baseline": "result", "table_target": "target", "table_result": "result", "table_estimate": "result", "prospective": "target", "goal_words": "target", "future_time": "target", "ratio_to_plan": "result", "target_section": "target",
         "perfective": "result", "past_time": "result", "past_standard": "result", "current_time": "result", "result_section": "result", "estimate": "result", "state": "result",
         "norm": None, "hypothetical": None, "possibility": None}


class _Ev:
    __slots__ = ("code", "scope", "start", "end")

    def __init__(self, code, scope, start, end):
        self.code, self.scope, self.start, self.end = code, scope, start, end


_GOAL_NOUN = re.compile(r"chỉ tiêu|mục tiêu|kế hoạch|dự toán", re.I)
_LEAD_MAX = 600  # how far back in its sentence a figure's lead-in reaches (characters)
# a "sentence" of more figures than this is no prose (the most in 16,000 real texts: 242): its
# figures look for evidence only this close (characters), so a flood of numbers stays fast
_DENSE_FIGURES = 300
_DENSE_REACH = 60
_LIST_INTRO = re.compile(r":\s*$|:\s*\n|:\s*[-–+•*]\s|\btrong đó\b|\bgồm\b|\bnhư sau\b|\bcụ thể\b", re.I)  # ":- a- b": a list whose line breaks were lost
_PLAN_NOUN = r"(?:kế hoạch|chỉ tiêu|mục tiêu|dự toán|nhiệm vụ)(?![^\W\d_])"
_PLAN_NOUN_RX = re.compile(r"(?<![^\W\d_])" + _PLAN_NOUN, re.I)
_PLAN_SUBJECT = re.compile(r"[\s*_\-–+•]*(?:(?:các|những|một số)[ \t]+)?" + _PLAN_NOUN, re.I)
_REACHED_PLAN = re.compile(r"(?<![^\W\d_])(?:vượt|đạt|hoàn thành|so với|bằng)(?![^\W\d_])", re.I)
_RATIO = re.compile(r"\s*(?:so\s+với\s+)?(?:kế\s+hoạch|dự\s+toán|mục\s+tiêu|chỉ\s+tiêu|tiêu\s+chuẩn|định\s+mức)", re.I)


def _sets_a_plan(tr: TargetRules, text: str, e: _Ev) -> bool:
    """Whether the perfective 'đã' at ``e`` tells only that a plan was set: a verb of setting follows it
    (targets.yaml plan_setting_verbs) with a goal noun as its object ("đã đề ra chỉ tiêu") or as the subject
    of its clause ("Kế hoạch vốn năm 2025 đã được Thủ tướng giao là ...")."""
    if text[e.start:e.end].strip().lower() != "đã":
        return False
    sm = tr.sets_plan.match(text, e.end)
    if sm is None:
        return False
    if sm.group("obj") or _PLAN_NOUN_RX.search(sm.group(0)):
        return True  # ("đã đề ra chỉ tiêu", "đã đặt chỉ tiêu")
    lead = text[max(0, e.start - 80):e.start]
    cut = max(lead.rfind(c) for c in ".;:,\n")
    # the plan noun opens the clause as its subject, with no verb of reaching or comparing after it ("Các chỉ tiêu
    # này đều vượt kế hoạch đã đề ra": the plan is what was exceeded, the 'đã' a relative clause's)
    sm = _PLAN_SUBJECT.match(lead, cut + 1)
    return sm is not None and not _REACHED_PLAN.search(lead, sm.end())


def _under_purpose(tr: TargetRules, text: str, e: _Ev) -> bool:
    """An achievement verb governed by a purpose word ("để hoàn thành mục tiêu", "nhằm đạt được")
    is what is aimed at, not what was done: prospective (targets.yaml purpose_words)."""
    return tr.purpose.search(text, max(0, e.start - 20), e.start) is not None


def _object_of_achievement(text: str, e: _Ev, last_perfective: Optional[_Ev]) -> bool:
    """A goal noun just after an achievement, in the same clause ("vượt 18/20 chỉ tiêu"): the
    achievement's object, not evidence of a goal."""
    return (e.code in ("prospective", "goal_words") and last_perfective is not None and e.start - last_perfective.end <= 30
            and _GOAL_NOUN.fullmatch(text, e.start, e.end) is not None and not re.search(r"[;.\n]", text[last_perfective.end:e.start]))


def _standard_of_comparison(tr: TargetRules, text: str, e: _Ev, fig: Optional[int] = None) -> bool:
    """A goal noun that a figure is compared with ("tăng nhanh hơn mục tiêu kế hoạch năm, tăng
    16,1%", "đạt 7,8%, cao hơn chỉ tiêu đề ra"): the standard of a comparison, not evidence of a
    goal; unless the figure at ``fig`` follows it in the same clause (no comma, bracket or stop
    between), as the goal's own value ("thấp so với chỉ tiêu của năm 2004 là ... thu từ 1.500 -
    2.000 tỉ đồng")."""
    if not (e.code in ("prospective", "goal_words") and _is_standard(tr, text, e.start, e.end)):
        return False
    return fig is None or fig < e.start or re.search(r"[,;.(\n]", text[e.end:fig]) is not None


def _is_standard(tr: TargetRules, text: str, s: int, e: int) -> bool:
    """Whether the goal noun at [s, e) is what a figure is measured against: after a word of
    comparison ("so với kế hoạch", "vượt mục tiêu") or a percentage ("75% kế hoạch")."""
    return (_GOAL_NOUN.fullmatch(text, s, e) is not None
            and (tr.compared_with.search(text, max(0, s - 24), s) is not None or re.search(r"%[ \t]*$", text[max(0, s - 3):s]) is not None))


# a frame of a goal that opens a sentence: "Theo kế hoạch,", "Theo mục tiêu đề ra,"
# (not a plan document by its number: "Theo Kế hoạch số 12/KH-UBND, kết quả ...")
# 'hiện' (now), not inside "thực hiện", "phát hiện", "xuất hiện", "thể hiện", "biểu hiện"
_NOW = r"(?<!thực )(?<!phát )(?<!xuất )(?<!thể )(?<!biểu )hiện"
# what speaks of the actual against a plan: a contrast, the present, an outcome
# ('mới' left out: "nông thôn mới")
_ACTUAL = re.compile(r"(?<![^\W\d_])(?:nhưng|song|tuy nhiên|thực tế|kết quả|" + _NOW + r"|tới nay|đến nay|trong khi)(?![^\W\d_])", re.I)
_GOAL_FRAME = re.compile(r"[\s*_\-–+•]*theo[ \t]+(?:kế hoạch|mục tiêu|chỉ tiêu)(?![^\W\d_])(?![ \t]+(?:số[ \t]*)?\d)[^,;:.\n]{0,40},", re.I)


# a goal noun that heads the list its sentence goes on to: "các chỉ tiêu chủ yếu như GDP tăng 8%, du lịch tăng 8%"
_SUCH_AS = re.compile(r"(?:[ \t]+[^\W\d_]+){0,3}?[ \t]+như[ \t]", re.I)


def _heads_list(text: str, end: int, b: int) -> bool:
    """Whether the goal noun ending at ``end`` opens a list that runs on to ``b`` in its sentence: a
    colon after it ("Mục tiêu năm 2006: GDP tăng 8%, du lịch tăng 8%") or 'như' (such as) a few words
    on; each item of the list is a goal, not only the first."""
    return text.find(":", end, b) >= 0 or _SUCH_AS.match(text, end, b) is not None


def _cues(tr: TargetRules, text: str, a: int, b: int, scope: str, fig: Optional[int] = None) -> list[_Ev]:
    """Aspect cues in [a, b). A goal noun that is the object of an achievement ("hoàn thành và
    vượt 18/20 chỉ tiêu", "đạt 101% kế hoạch") is evidence of the achievement, not of a goal.
    (The paragraph scope reads the same rules incrementally: ``_ParagraphCues``.)"""
    evs = [_Ev(m.lastgroup, scope, m.start(), m.end()) for m in tr.cue_matches(text, a, b)]
    if scope != "clause":
        # outside its clause a goal word counts only as the head of what a list enumerates
        # ("thông qua 18 chỉ tiêu, trong đó: ...", "Các chỉ tiêu chủ yếu:"), or in a frame that opens the
        # sentence and so governs all of it ("Theo kế hoạch, trong năm nay, tỷ lệ ... là 33% và đến cuối tháng 12
        # giảm còn 31%")
        frame = _GOAL_FRAME.match(text, a) if scope == "sentence" else None
        if frame is not None and _ACTUAL.search(text, frame.end(), fig if fig is not None else b):
            frame = None  # "Theo mục tiêu, ... đạt 95%, hiện tỷ lệ này là 92,3%": the actual level against the plan
        evs = [e for e in evs if e.code != "goal_words" or _LIST_INTRO.search(text, e.end, b)
               or (scope == "sentence" and _heads_list(text, e.end, b))
               or (frame is not None and e.end <= frame.end())]
        evs = [e for e in evs if e.code != "limitation"]  # (a limited level speaks for its own clause only)
    out, last_perfective = [], None
    for e in evs:
        e, last_perfective = _read_cue(tr, text, e, last_perfective, fig)
        if e is not None:
            out.append(e)
    return out


def _read_cue(tr: TargetRules, text: str, e: _Ev, last_perfective: Optional[_Ev], fig: Optional[int] = None):
    """One aspect cue read in its context: (the evidence, or None when it is none; the last
    achievement cue so far). An achievement under a purpose word is aimed at; a goal noun that
    is an achievement's object or a comparison's standard is no goal cue."""
    if e.code == "possibility" and tr.discourse.match(text, e.end):
        return None, last_perfective  # "Có thể khẳng định ...": a discourse marker
    if e.code == "perfective" and _sets_a_plan(tr, text, e):
        return None, last_perfective  # "tỉnh đã đề ra chỉ tiêu tăng trưởng 8%": the plan was set, its figure is a goal
    if e.code == "perfective" and (_under_purpose(tr, text, e) or (text[e.start:e.end].strip().lower() == "đã" and tr.proposal_after.match(text, e.end))):
        e.code = "prospective"
    if e.code == "prospective" and tr.agreeing.match(text, e.start) and _SHARE_OF_WHO.search(text, max(0, e.start - 60), e.start):
        return None, last_perfective  # "Tỷ lệ người dân đồng ý với mức thu phí mới là 85%": who agrees is counted
    if e.code == "prospective" and _VERB_CUE.match(text, e.start) and _DONE_BEFORE.search(text, max(0, e.start - 20), e.start):
        e.code = "perfective"  # "đã giảm tỷ lệ hộ nghèo từ 6,5% xuống còn 4,2%": a change done
    if e.code == "perfective":
        return e, e
    if _object_of_achievement(text, e, last_perfective) or _standard_of_comparison(tr, text, e, fig):
        return None, last_perfective
    if e.code == "goal_words" and (_name_part(tr, text, e) or (tr.goal_verb.match(text, e.start, e.end) and (
            _DONE_BEFORE.search(text, max(0, e.start - 20), e.start) or _NEGATED_BEFORE.search(text, max(0, e.start - 16), e.start)))):
        return None, last_perfective  # (a goal verb negated reports a shortfall: "vệ sinh môi trường không bảo đảm")
    return e, last_perfective


# 'sẽ phải', 'sẽ cần': an obligation, what must be done (a task set), not a prediction
_OBLIGED_AFTER = re.compile(r"[ \t]+(?:phải|cần)(?![^\W\d_])", re.I)
# a negation right before a verb ("không bảo đảm", "chưa được đảm bảo", "chưa thể bảo đảm")
_NEGATED_BEFORE = re.compile(r"(?<![^\W\d_])(?:không|chưa|chẳng)(?:[ \t]+(?:được|thể))?[ \t]+$", re.I)
# perfective 'đã' right before a verb, one adverb between at most ("đã tự đảm bảo", "đã cơ bản bảo đảm")
_DONE_BEFORE = re.compile(r"(?<![^\W\d_])đã(?:[ \t]+(?:cơ bản|[^\W\d_]+))?[ \t]+$", re.I)
# a measure noun naming those who agree before a level agreed to ("Tỷ lệ người dân đồng ý với mức ...")
_SHARE_OF_WHO = re.compile(r"(?<![^\W\d_])(?:tỷ lệ|tỉ lệ|số)[ \t]+[^,;.:\n]{0,50}$", re.I)
# a prospective cue that is a verb of changing or striving: under 'đã' it tells what was done ("đã nâng tỷ lệ
# ...", "đã phấn đấu ..."); a cue of time or of a goal set keeps its aspect ("đã đặt mục tiêu đến năm 2030")
_VERB_CUE = re.compile(r"(?:nâng|giảm|phấn đấu)(?![^\W\d_])", re.I)
# a goal noun written with a capital right after the head of an office or agency, before another capitalised
# word: part of its name ("Vụ trưởng Kế hoạch Tài chính", "Vụ Kế hoạch và Đầu tư"); not a plan's name
# ("Theo Kế hoạch Hành động của tỉnh, ..."), not a goal noun before a lower-case word (found in review:
# "Theo Kế hoạch được giao, ...")
_CAP_AFTER = re.compile(r"[ \t]+(?:(?:và|&amp;|&|-|–)[ \t]+)?(?=\w)")


def _name_part(tr: "TargetRules", text: str, e: _Ev) -> bool:
    """Whether the goal noun at ``e`` is written inside the name of an office or agency (targets.yaml
    goal_noun_name_heads before it, a capitalised word after it)."""
    if not text[e.start].isupper() or tr.name_head_before.search(text, max(0, e.start - 20), e.start) is None:
        return False
    am = _CAP_AFTER.match(text, e.end)
    return am is not None and am.end() < len(text) and text[am.end()].isupper()


class _ParagraphCues:
    """The paragraph scope of one paragraph, read once: what ``_cues(p, a, "paragraph")`` and then
    ``_decide`` give for the figures of a paragraph, with a scan that only moves forward (figures
    come in order) and a decision by bisection, so a paragraph of n figures costs O(n log n), not
    O(n^2). Same rules: an estimate anywhere before decides; else the last decisive cue, where a
    goal word counts only when a list introduction follows it before the figure's sentence, and a
    goal noun right after an achievement ("vượt 18/20 chỉ tiêu") is the achievement's object."""

    __slots__ = ("tr", "text", "upto", "last_perf", "estimates", "estimate_starts", "plain", "plain_ends", "goals", "goal_ends", "intros")

    def __init__(self, tr: TargetRules, text: str, p: int):
        self.tr, self.text, self.upto = tr, text, p
        self.last_perf: Optional[_Ev] = None
        self.estimates: list[_Ev] = []      # in order
        self.estimate_starts: list[int] = []
        self.plain: list[_Ev] = []          # decisive cues other than goal words, in order
        self.plain_ends: list[int] = []
        self.goals: list[_Ev] = []          # goal words, in order
        self.goal_ends: list[int] = []
        self.intros: list[tuple[int, int]] = []  # list introductions (start, end), in order

    def _scan(self, a: int) -> None:
        text, lo = self.text, self.upto
        for m in self.tr.cue_matches(text, lo, a):
            e, self.last_perf = _read_cue(self.tr, text, _Ev(m.lastgroup, "paragraph", m.start(), m.end()), self.last_perf)
            if e is None or e.code in ("norm", "hypothetical", "possibility", "limitation"):
                continue  # (a limitation speaks for its own clause only)
            if e.code == "estimate":
                self.estimates.append(e)
                self.estimate_starts.append(e.start)
            if e.code == "goal_words":
                self.goals.append(e)
                self.goal_ends.append(e.end)
            else:
                self.plain.append(e)
                self.plain_ends.append(e.end)
        self.intros.extend(m.span() for m in _LIST_INTRO.finditer(text, lo, a))
        self.upto = a

    def decide(self, lo: int, a: int, near: int = 0, lead: tuple[int, int] = (0, 0)) -> list[_Ev]:
        """The deciding cue in [lo, a) (``lo``: the paragraph start, bounded). A prospective cue
        decides only from ``near`` on (the sentences the figure's sentence elaborates) or from the
        line ``lead`` that introduces the list the figure stands in: past those, nothing does."""
        if a > self.upto:
            self._scan(a)
        k = bisect.bisect_left(self.estimate_starts, lo)
        if k < len(self.estimates) and self.estimates[k].end <= a:
            e = self.estimates[k]
            return [_Ev(e.code, "paragraph", e.start, e.end)]
        best = None
        k = bisect.bisect_right(self.plain_ends, a)
        if k and self.plain[k - 1].start >= lo:
            best = self.plain[k - 1]
            if best.code == "prospective" and best.start < near and not lead[0] <= best.start < lead[1]:
                best = None  # aspect belongs to its verb: a goal set sentences away is another statement
        # the last list introduction before the figure's sentence admits the goal words before it
        i = bisect.bisect_right(self.intros, (a, a)) - 1
        while i >= 0 and self.intros[i][1] > a:
            i -= 1
        if i >= 0 and self.intros[i][0] >= lo:
            g = bisect.bisect_right(self.goal_ends, self.intros[i][0])
            if g and self.goals[g - 1].start >= lo and (best is None or self.goals[g - 1].end > best.end):
                best = self.goals[g - 1]
        return [_Ev(best.code, "paragraph", best.start, best.end)] if best is not None else []


_LAST_YEAR = re.compile(r"(?<![^\W\d_])(?<!kỳ )(?<!các )(?<!mọi )(?<!hằng )(?<!hàng )năm (?:ngoái|trước(?![ \t]+(?:khi|đó|mắt))|rồi)(?![^\W\d_])", re.I)
# the standard of a comparison before it: "so với (Tết) năm ngoái", "như năm trước", "bằng năm ngoái"
_STANDARD_BEFORE = re.compile(r"(?<![^\W\d_])(?:so với|như|bằng|hơn|với)(?:[ \t]+[^\W\d_]+){0,2}[ \t]+$", re.I)


def _time_evidence(tr: TargetRules, text: str, a: int, b: int, doc_year, own_end: int = -1) -> list[_Ev]:
    """The figure's own year or period against the document's year (the clause scope). A year written
    right after another value is that value's ("tăng từ 10% năm 2020 lên 15% năm 2030": 2020 is the
    10%'s), no evidence for the figure that ends at ``own_end``. A past named relative to the present
    ("Năm ngoái, điểm xét tuyển là 16-24 điểm") is past whatever the document's year; not the standard of a
    comparison ("tăng 10% so với năm ngoái")."""
    out = [_Ev("past_time", "clause", x.start(), x.end()) for x in _LAST_YEAR.finditer(text, a, b)
           if not _STANDARD_BEFORE.search(text, max(a, x.start() - 30), x.start())]
    if not doc_year:
        return out
    seg = text[a:b]
    refs = [m.span() for m in tr.ref_year.finditer(seg)]
    if "/" in seg:
        refs = sorted(refs + [m.span() for m in _CITED_DATE.finditer(seg)])  # (a cited document's date: no time of the figure)
    for m in tr.year.finditer(seg):
        g = _yg(m)
        if any(x <= m.start(g) < y for x, y in refs):
            continue
        if own_end >= 0:
            va = _VALUE_BEFORE_YEAR.search(text, max(a, a + m.start(g) - 30), a + m.start(g))
            if va is not None and va.start() + 1 != own_end and not _MONTH_END.search(text, max(0, va.start() - 9), va.start() + 1):
                continue  # (a month's number is no value: "Đến tháng 12 năm 2030")
        y = int(m.group(g))
        if y != doc_year:
            out.append(_Ev("future_time" if y > doc_year else "past_time", "clause", a + m.start(), a + m.end()))
    for m in tr.period.finditer(seg):
        if any(x <= m.start() < y for x, y in refs):
            continue
        lo, hi = int(m.group("a")), int(m.group("b"))
        code = "future_time" if lo >= doc_year and hi > doc_year else "past_time" if hi <= doc_year else None
        if code:
            out.append(_Ev(code, "clause", a + m.start(), a + m.end()))
    return out


_LIST_LINE = re.compile(r"[ \t]*(?:[-+*•–]|\(?\d{1,2}[.)]|[a-zđ]\))\s")


class _Cell:
    """A number in a markdown table row: its column header, the row's label and the unit column's text."""
    __slots__ = ("header", "header_start", "label", "label_start", "unit_text")

    def __init__(self, header, header_start, label, label_start, unit_text):
        self.header, self.header_start, self.label, self.label_start, self.unit_text = header, header_start, label, label_start, unit_text


def _table_cell(tr: TargetRules, text: str, m: Mention) -> Optional[_Cell]:
    lo = max(0, m.start - 2000)
    k = text.rfind("\n", lo, m.start)  # (looked for in a bounded window: linear on texts with no line breaks)
    if k < 0 and lo > 0:
        return None  # a line of over 2,000 characters before the figure is no table row
    ls = k + 1
    j = ls
    while j < m.start and text[j] in " \t":
        j += 1
    if text[j:j + 1] != "|":  # not a table row (checked without copying the line)
        return None
    le = text.find("\n", m.end)
    le = len(text) if le < 0 else le
    start = ls
    while start > 0:
        ps = text.rfind("\n", 0, start - 1) + 1
        if not text[ps:start - 1].lstrip().startswith("|"):
            break
        start = ps
    if start == ls:
        return None  # the header row itself
    hs_end = text.find("\n", start)
    header_line = text[start:hs_end]

    def cells(line_start: int, line: str):
        out, pos = [], line_start + line.index("|") + 1
        for part in line.strip().strip("|").split("|"):
            k = text.find(part, pos)
            out.append((part.strip(), k + len(part) - len(part.lstrip())))
            pos = k + len(part) + 1
        return out

    heads = cells(start, header_line)
    row = cells(ls, text[ls:le])
    col = text.count("|", ls, m.start) - 1
    if not (0 <= col < len(heads)) or len(row) != len(heads):
        return None
    label = next(((c, k) for c, k in row if re.search(r"[^\W\d_]{2,}", c) and not tr.unit_column.match(heads[row.index((c, k))][0])), (None, ls))
    unit_col = next((i for i, (h, _) in enumerate(heads) if tr.unit_column.match(h)), None)
    unit_text = row[unit_col][0] if unit_col is not None else None
    if not unit_text and label[0]:
        u = re.search(r"\(([^()]{1,30})\)\s*$", label[0])
        unit_text = u.group(1) if u else None
    return _Cell(heads[col][0], heads[col][1], label[0], label[1], unit_text)


_PARA_REACH = 1500  # how far back a figure's paragraph scope reaches (characters)


# a paragraph that is nothing but a time, set as the heading of the items after it ("**(1) Đến năm 2030**")
_TIME_HEAD = re.compile(r"[*_#> \t]*(?:\(?\d{1,2}[.)][ \t]*|[a-zđ]\)[ \t]*|[IVX]{1,4}[.\-][ \t]*)?(?:mục tiêu[ \t]+)?"
                        r"(?:đến|tới|trong|giai đoạn|từ nay đến|trong giai đoạn)[ \t]+(?:hết[ \t]+)?(?:năm[ \t]+)?"
                        r"(?:19|20)\d\d(?:[ \t]*[-–][ \t]*(?:19|20)\d\d)?[ \t*_:]*", re.I)


class _Paragraphs:
    """Where paragraphs start, from positions found once per document (blank lines, line starts,
    the line a list belongs to), so each sentence's paragraph is a bisection, not a search back."""

    def __init__(self, ctx: Context, text: str):
        self.ctx, self.text = ctx, text
        self.blank = ctx.nt.blank_lines or ctx.nt.wrapped
        self.time_leads: set[int] = set()  # the lead-ins that are nothing but a time
        if self.blank:
            self.gaps = [m.start() for m in re.finditer(r"(?=\n\n)", text)]  # overlapping: "\n\n\n" gives two
            # a list whose items stand in paragraphs of their own belongs to the paragraph that
            # introduces it (ending in ':'): each paragraph start mapped to its list's lead-in
            self.lead_of: dict[int, int] = {}
            lead = None
            for ps in [0] + [g + 2 for g in self.gaps]:
                if ps < len(text) and text[ps] == "\n":
                    continue
                if _LIST_LINE.match(text, ps):
                    if lead is not None:
                        self.lead_of[ps] = lead
                    continue
                nxt = text.find("\n\n", ps)
                body = text[ps:nxt if nxt >= 0 else len(text)].rstrip(" \t*_")
                line = body.rfind("\n") + 1  # the line that ends in ':' is the lead-in
                # (so is a paragraph that is nothing but a time, set as a heading of what follows:
                # "**(1) Đến năm 2030**", "Giai đoạn 2026 - 2030")
                time_head = _TIME_HEAD.fullmatch(body, line) is not None
                lead = ps + line if (body.endswith(":") or time_head) and len(body) - line < 400 else None
                if lead is not None and time_head:
                    self.time_leads.add(lead)
        else:
            self.lines = [0] + [m.end() for m in re.finditer(r"\n", text)]
            # the line a list item belongs to: back over list lines to the line that introduces them
            self.head, h = [], 0
            for k, ls in enumerate(self.lines):
                h = ls if (ls == 0 or not _LIST_LINE.match(text, ls)) else h
                self.head.append(h)

    def lead(self, a: int) -> Optional[int]:
        """In a text of blank-line paragraphs, the start of the paragraph that introduces the list
        whose item holds ``a`` ("Mục tiêu cụ thể giai đoạn 2026 - 2030:" above items that stand
        in paragraphs of their own); None elsewhere. The list's time is read there."""
        if not self.blank:
            return None
        k = bisect.bisect_right(self.gaps, a - 2) - 1
        return self.lead_of.get(self.gaps[k] + 2 if k >= 0 else 0)

    def list_lead(self, a: int) -> tuple[int, int]:
        """The line that introduces the list whose item holds ``a``, as (start, end); (0, 0) when
        ``a`` stands in no list item."""
        if self.blank:
            s = self.lead(a)
        else:
            k = bisect.bisect_right(self.lines, a) - 1
            s = self.head[k] if k >= 0 and self.head[k] != self.lines[k] else None
        if s is None:
            return 0, 0
        e = self.text.find("\n", s)
        return s, e if e >= 0 else len(self.text)

    def start(self, a: int) -> tuple[int, int]:
        """(where the paragraph holding ``a`` starts, the same bounded to ``_PARA_REACH`` before ``a``):
        after a blank line or the enclosing heading; in a text written with no blank lines (one
        paragraph a line), at the line start, list items belonging to the line that introduces them."""
        lo = max(0, a - _PARA_REACH)
        if self.blank:
            k = bisect.bisect_right(self.gaps, a - 2) - 1
            true = self.gaps[k] + 2 if k >= 0 else 0
            start = true if k >= 0 and self.gaps[k] >= lo else lo
        else:
            k = bisect.bisect_right(self.lines, a) - 1
            true = self.head[k] if k >= 0 else 0
            start = max(true, lo)
        for sec in reversed(self.ctx.section_chain(a)):
            if sec.heading_end <= a:
                true, start = max(true, sec.heading_end), max(start, sec.heading_end)
                break
        return true, start


_NOUN_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")
_HEAD_CHARS = 3000  # where a document dates itself (an encyclopedia page's "ngày ... năm 1958" far down is none)
# the cues of a result that tell the present ("hiện có", "đến nay", "năm nay", "tính đến", "đến thời điểm này",
# "9 tháng", "đến cuối"; not the 'hiện' of "thực hiện", "phát hiện"): its time is the document's
_PRESENT_CUE = re.compile(r"(?<![^\W\d_])(?<!thực )(?<!phát )(?<!xuất )(?<!thể )(?:hiện|đến nay|năm nay|tính đến|đến thời điểm|tháng|đến cuối)(?![^\W\d_])", re.I)
# a time before the present in the clause: "tính đến cuối năm ngoái" (not a comparison's "cao hơn cùng kỳ năm
# trước"), "Thời tôi học cấp 1", "Hồi ấy", "Trước đây", "Ban đầu"
_PAST_FRAME = re.compile(r"(?<![^\W\d_])(?:(?<!kỳ )(?<!với )năm (?:ngoái|trước)|thời|hồi|trước đây|ban đầu|khi đó|lúc đó|lúc ấy|ngày xưa|năm xưa)(?![^\W\d_])", re.I)
# ('bằng' is left out: as often a rule's rate, "Mức đóng hằng tháng bằng 3% tiền lương", as a level measured)
# the adverb "Hiện" (now) opening a sentence, not a word it starts ("Hiện đại hóa", "Hiện trường", "Hiện tượng")
_NOW_OPENS = re.compile(r"[\s*_\-–+•]*hiện(?:[ \t]+(?:nay|tại|giờ))?(?![^\W\d_])(?![ \t]+(?:đại|trường|tượng|vật|thực|diện|hình|ra|lên|hành|trạng)(?![^\W\d_]))", re.I)
# what exists or stands at a level, right before the figure ("có hơn", "là", "đạt", "chiếm", "còn")
_EXISTS_BEFORE = re.compile(r"(?<![^\W\d_])(?:có|là|đạt|chiếm|còn|ở mức)(?:[ \t]+(?:hơn|trên|gần|khoảng|xấp xỉ|tới|đến|chưa tới|dưới))?[ \t]*$", re.I)


_THIS_YEAR = re.compile(r"(?<![^\W\d_])năm nay(?![^\W\d_])", re.I)


def _counts_or_measures(tr: "TargetRules", text: str, m: Mention) -> bool:
    """A figure that is a measure (a unit) or counts a noun: not a bare number."""
    return m.unit is not None or _counts_a_noun(tr, text, m)


_STATE_VERB = re.compile(r"(?:đạt|là|ở mức|chiếm)(?:\s+(?:hơn|trên|gần|khoảng|xấp xỉ|gần))?\s*$", re.I)


def _amount_of_measure(tr: TargetRules, text: str, m: Mention, clause_start: int) -> bool:
    """A number with no unit that is still an amount: written with a magnitude ("1,2 tỷ") or the
    change or value of a measure its clause names ("số người chết giảm 2", "số vụ tăng 11")."""
    if tr.magnitude_end.search(text, m.start, m.end):
        return True
    return _MEASURE_CHANGED.search(text, max(clause_start, m.start - 60), m.start) is not None


_MEASURE_CHANGED = re.compile(r"(?:^|[\s,;(])(?:số|tổng số)[ \t]+[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,4}?[ \t]+"
                              r"(?:tăng|giảm|đạt|là|còn)(?:[ \t]+(?:thêm|lên|xuống|còn))?[ \t]*$", re.I)


def _noun_after(tr: TargetRules, text: str, end: int) -> bool:
    """Whether a noun follows a share ("100% trạm y tế", "80% số xã"): not a function word, a time
    word, a comparison ("so với"), a total (the whole: "30% tổng vốn") or a per-unit."""
    w = _NOUN_AFTER.match(text, end)
    if w and fold_key(w.group(1)) == "số":  # "80% số xã": the noun after 'số'
        w = _NOUN_AFTER.match(text, w.end())
    if not w:
        return False
    k = fold_key(w.group(1))
    return len(k) >= 2 and _open_class(tr, k) and k not in tr.not_shared_nouns


def _open_class(tr: TargetRules, key: str) -> bool:
    """A folded word that can head a counted noun phrase: no indicator stop word, no time word or
    function word (targets.yaml not_counted_words)."""
    return key not in tr.stopwords and key not in tr.not_counted


def _counts_a_noun(tr: TargetRules, text: str, m: Mention) -> bool:
    """A number without a lexicon unit that counts the noun after it ("34 đề tài", "40 HS"): an
    open-class count noun, not a function word, a time word or a capitalised name."""
    if m.unit is not None or m.kind != "quantity":
        return False
    w = _NOUN_AFTER.match(text, m.end)
    if not w:
        return False
    word = w.group(1)
    return _open_class(tr, fold_key(word)) and not (word[:1].isupper() and not word.isupper())


_CAPS_LINE = re.compile(r"(?m)^[ \t*#]*(?=[^\n]*[A-ZĐÀ-Ỹ]{2})[^\na-zđà-ỹ]{6,200}$")


def _caps_heading_cue(ctx: Context, tr: TargetRules, text: str, p: int) -> Optional[tuple[str, int, int]]:
    """A line in capitals above the paragraph ("KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ...") is a heading even
    without a number: its cue scopes what follows, like a section title (the nearest such line)."""
    lo = max(0, p - 3000)
    last = None
    for last in _CAPS_LINE.finditer(text, lo, p):
        pass
    if last is None:
        return None
    t = tr.target_section.search(text, last.start(), last.end())
    r = tr.result_section.search(text, last.start(), last.end())
    if t and (not r or t.start() < r.start()):
        return "target", t.start(), t.end()
    if r:
        return "result", r.start(), r.end()
    return None


def _opens_line(text: str, p: int) -> bool:
    """Whether a paragraph start ``p`` is a true one (a line's start), not a bound set inside a long
    paragraph: only a true start opens a lead-in ("Mục tiêu cụ thể đến năm 2030: ...")."""
    return p == 0 or text[p - 1] == "\n"


def _para_lead_end(starts: list[int], p: int, a: int) -> int:
    """Where the first sentence of the paragraph starting at ``p`` ends (at most at ``a``, the
    start of the figure's own sentence): the paragraph's lead-in ("Kết quả năm 2024:")."""
    k = bisect.bisect_right(starts, p)
    return min(starts[k] if k < len(starts) else a, a)


def _lead_cue(ctx: Context, tr: TargetRules, text: str) -> Optional[tuple[str, int, int]]:
    """The document's lead (its first two sentences) when it announces a plan and reviews nothing
    ("công bố kế hoạch tuyển sinh vào các lớp 1, 6, 10 năm học 2005-2006"): the outermost scope,
    for a text with no section to carry a cue."""
    starts = ctx.products.sentence_starts
    end = starts[2] if len(starts) > 2 else len(text)
    end = min(end, 600)
    # a plan noun that is the standard of a comparison or a ratio ("vượt 7% so với kế hoạch",
    # "bằng 75% kế hoạch") announces no plan
    t = next((x for x in tr.target_section.finditer(text, 0, end) if not _is_standard(tr, text, x.start(), x.end())), None)
    r = tr.result_section.search(text, 0, end)
    if t and not r:  # a lead that announces a plan (and reviews nothing)
        return "target", t.start(), t.end()
    return None


# the year right after a prospective cue that ends in "năm" (targets.yaml aspect: "đến năm", "vào năm", ...)
_HORIZON_YEAR = re.compile(r"(?<=năm)[ \t]*(?P<y>" + _YEAR + r")(?!\d)", re.I)


def _past_horizon(text: str, e: "_Ev", doc_year: int) -> bool:
    """A prospective horizon cue ("vào năm", "đến năm") whose year is before the document's own."""
    if e.code != "prospective":
        return False
    ym = _HORIZON_YEAR.match(text, e.end)
    return ym is not None and int(ym.group("y")) < doc_year


def _decide(evs: list[_Ev], pos: int) -> Optional[_Ev]:
    """Inside one scope: the decisive evidence nearest before ``pos`` (else nearest after); an
    estimate outranks a goal cue ("ước năm 2025 đạt")."""
    decisive = [e for e in evs if e.code not in ("norm", "hypothetical", "possibility")]
    if not decisive:
        return None
    if any(e.code == "estimate" for e in decisive):
        return next(e for e in decisive if e.code == "estimate")
    before = [e for e in decisive if e.end <= pos]
    if before:
        return max(before, key=lambda e: e.end)
    return min(decisive, key=lambda e: e.start)


def _classify(ctx, tr, m: Mention, cl, a: int, b: int, p: int, cell: Optional["_Cell"], doc_year,
              normative: bool = False, cache: Optional[dict] = None, p_true: Optional[int] = None,
              reach: int = _LEAD_MAX, aspect_reach: Optional[tuple[int, tuple[int, int]]] = None) -> tuple[Optional[str], list[_Ev]]:
    """Target, result or neither, with the evidence it rests on (see ``aspect`` in targets.yaml).

    Scopes from the nearest out: clause, sentence, paragraph, sections; the first holding decisive
    evidence decides. A condition before the number in its sentence makes it neither; a rule's
    limit before the number makes it neither unless the deciding evidence is a goal."""
    text = ctx.nt.fold
    if m.kind == "pair":  # "41.250/36.000 tỷ đồng": the notation of an achievement against its plan
        return "result", [_Ev("achieved_plan", "clause", m.start, m.end)]
    c0, c1 = max(cl.start, m.start - reach), min(cl.end, m.end + reach)  # bounded: linear on floods of numbers
    clause_evs = _cues(tr, text, c0, c1, "clause", m.start) + _time_evidence(tr, text, c0, c1, doc_year, m.end)
    if not any(e.code not in ("norm", "hypothetical", "possibility") for e in clause_evs):
        nm = _NEED_OPENS.match(text, cl.start, m.start)
        if nm:
            # a clause that opens with a need as its measure, with no time or aspect of its own ("Nhu cầu quỹ đất
            # nghĩa địa cho 50 năm là 1.440 ha", "Tổng nhu cầu vốn ... là 1.067 tỷ đồng"): what is required, a
            # planning figure ('nhu cầu' elsewhere is no goal word: targets.yaml goal_words)
            clause_evs.append(_Ev("goal_words", "clause", nm.start("n"), nm.end("n")))
    ratio = _RATIO.match(text, m.end) if m.unit == "%" else None
    if ratio:  # "đạt 101,3% kế hoạch", "bằng 81% dự toán": the share of a plan achieved
        clause_evs = [e for e in clause_evs if not (e.start >= m.end and e.start <= ratio.end())]
        clause_evs.append(_Ev("ratio_to_plan", "clause", m.start, ratio.end()))
    sent_lead = max(a, cl.start - reach)  # a sentence's lead-in, bounded: linear on run-on "sentences"
    sentence_evs = _cues(tr, text, sent_lead, cl.start, "sentence", m.start) + _time_evidence(tr, text, sent_lead, cl.start, doc_year)
    if doc_year:
        # (time) "vào năm 2000", "đến năm 2003" before the document's own year is a time gone by, no horizon ahead:
        # the year's own evidence (past_time) speaks for it ("USD chiếm 57% dự trữ, giảm từ mức 71% vào năm 2000")
        clause_evs = [e for e in clause_evs if not _past_horizon(text, e, doc_year)]
        sentence_evs = [e for e in sentence_evs if not _past_horizon(text, e, doc_year)]
    if any(e.code == "limitation" for e in clause_evs) and any(
            e.code in ("prospective", "goal_words", "future_time", "estimate") for e in clause_evs + sentence_evs):
        # a limited level is weaker than a goal, a plan or a future time ("Mục tiêu đến năm 2030, tỷ lệ nợ
        # xấu chỉ chiếm dưới 2%", "giá vé sẽ chỉ bằng 50%"): they decide
        clause_evs = [e for e in clause_evs if e.code != "limitation"]
    # (a rule's limit written as the figure's comparator, "không quá 5% tổng số đại biểu", is a guard too;
    # not after a verb of reaching, "mới chỉ đạt không quá 10%", nor where the clause or sentence reports a
    # past or present ("Năm 2024, bội chi ngân sách không quá 3,4% GDP", "đã giữ tỷ lệ nợ xấu không quá 2%"):
    # a level measured)
    limit_end = m.start
    if m.num_start > m.start and not (tr.reached_before.search(text, max(0, m.start - 12), m.start) or any(
            e.code in ("perfective", "past_time", "estimate", "limitation") for e in clause_evs + sentence_evs)):
        limit_end = m.num_start
    guards = [e for e in clause_evs + sentence_evs if e.code in ("norm", "hypothetical") and e.end <= limit_end]
    # (a possibility guards its own clause only, and not under a purpose: "để có thể đạt 8%" is aimed at)
    guards += [e for e in clause_evs if e.code == "possibility" and e.end <= m.start and not _under_purpose(tr, text, e)]
    if any(e.code in ("hypothetical", "possibility") for e in guards):
        return None, [next(e for e in guards if e.code in ("hypothetical", "possibility"))]
    if (_baseline(m, text) and not guards and not normative and cell is None
            and _counts_or_measures(tr, text, m) and not tr.forecast.search(text, max(cl.start, m.start - 40), m.start)):
        # "từ 4,2% xuống 1,5%": 4,2% is where the change starts, a level measured ("từ 2 lên 3 phó
        # trưởng phòng": a bare 2 counts nothing of its own); not a rule's threshold or a condition
        # ("nếu ... giảm từ 5% xuống 3%", "Mức phạt được nâng từ 1 triệu đồng", a law's articles) nor a
        # forecast ("nâng dự báo từ 100 USD lên 150 USD")
        return "result", [_Ev("baseline", "clause", m.start, m.end)]
    scopes = [("clause", clause_evs), ("sentence", sentence_evs)]
    if cell is not None:
        # the column header is the nearest scope of a table cell: its words, then its year
        hdr = [_Ev(x.lastgroup, "table", cell.header_start + x.start(), cell.header_start + x.end())
               for x in tr.table_header.finditer(cell.header)]
        hdr += [_Ev(e.code, "table", e.start, e.end) for e in
                _time_evidence(tr, text, cell.header_start, cell.header_start + len(cell.header), doc_year)]
        if hdr and cell.label:
            e = min(hdr, key=lambda e: ("table_estimate", "table_target", "table_result", "future_time", "past_time").index(e.code)
                    if e.code in ("table_estimate", "table_target", "table_result", "future_time", "past_time") else 9)
            return _ROLE[e.code], [e]
    if p < a:
        p0 = p if p_true is None else p_true
        pc = cache.get(p0) if cache is not None else None
        if pc is None:
            pc = _ParagraphCues(tr, text, p0)
            if cache is not None:
                cache[p0] = pc
        para_evs = pc.decide(p, a, *(aspect_reach or (0, (0, 0))))
        if not para_evs:
            # the time of the paragraph's lead-in ("Kết quả năm 2024:" above its items) is evidence
            # for what it introduces, as a cue there would be
            lk = ("para_time", p)
            para_evs = cache.get(lk) if cache is not None else None
            if para_evs is None:
                para_evs = (_time_evidence(tr, text, p, _para_lead_end(ctx.products.sentence_starts, p, a), doc_year)
                            if _opens_line(text, p) else [])
                if cache is not None:
                    cache[lk] = para_evs
        scopes.append(("paragraph", para_evs))
    list_lead = aspect_reach[1] if aspect_reach is not None else (0, 0)
    if list_lead[0] < list_lead[1] and list_lead[1] <= (p_true if p_true is not None else p):
        # an item of a list that stands in paragraphs of its own: the line that introduces the list
        # ("... bằng các chỉ tiêu cụ thể như sau:") is its paragraph scope, before the sections'
        lk = ("lead", list_lead[0])
        lead_evs = cache.get(lk) if cache is not None else None
        if lead_evs is None:
            # only a goal it sets decides ("... các chỉ tiêu như sau:"): a line that reports what was
            # achieved ("... năm 2024 tỉnh đã đạt được các kết quả sau:", "Các chỉ tiêu đều đạt và vượt
            # kế hoạch, cụ thể:") or the present ("Hiện nay, mức phí được quy định như sau:", which may
            # introduce rules) leaves its items to their sections; a goal noun that names a document
            # ("Thực hiện Kế hoạch số 12/KH-UBND, kết quả cụ thể:") sets no goal
            evs = [e for e in _cues(tr, text, list_lead[0], list_lead[1], "paragraph")
                   if not (e.code == "goal_words" and _DOCUMENT_NAMED.match(text, e.end))]
            e = _decide(evs, list_lead[1])
            lead_evs = [e] if e is not None and _ROLE.get(e.code) == "target" and not any(_ROLE.get(x.code) == "result" for x in evs) else []
            if cache is not None:
                cache[lk] = lead_evs
        scopes.append(("lead", [_Ev(e.code, "paragraph", e.start, e.end) for e in lead_evs]))
    if _FOOTNOTE.match(text, p_true if p_true is not None else p):
        # a footnote printed after the body ("[2] Cụ thể: giảm thuế ... khoảng 110 tỷ đồng") belongs
        # where its mark stands, not to the last section above it: no section or document scope
        scopes = [x for x in scopes if x[0] != "lead"]
        sec, caps, footnote = None, None, True
    else:
        sec, footnote = _section_cue(ctx, m.start, tr, cache), False
        caps = cache.get(("caps", p), False) if cache is not None else False
    if caps is False:  # one look per paragraph
        caps = _caps_heading_cue(ctx, tr, text, p)
        if cache is not None:
            cache[("caps", p)] = caps
    if caps and (not sec or caps[1] > sec[1]):
        sec = caps  # an unnumbered heading in capitals nearer than the numbered one
    if sec:
        scopes.append(("section", [_Ev(sec[0] + "_section", "section", sec[1], sec[2])]))
    elif not footnote:
        doc_lead = cache.get("lead", False) if cache is not None else False
        if doc_lead is False:
            doc_lead = _lead_cue(ctx, tr, text)
            if cache is not None:
                cache["lead"] = doc_lead
        if doc_lead and doc_lead[1] < a:
            scopes.append(("document", [_Ev(doc_lead[0] + "_section", "document", doc_lead[1], doc_lead[2])]))
    for scope, evs in scopes:
        for e in evs:
            e.scope = "paragraph" if scope == "lead" else scope  # a list's lead-in is its paragraph
        if scope == "clause":
            # a cue after the figure is its predicate's only up to a comma, a disjunction or a contrast:
            # in "85% người ... mở mới tài khoản hoặc người đã có tài khoản ..." the 'đã' is another
            # subject's, in "Đạt 14 điểm, Hương rất hy vọng sẽ trúng tuyển" the 'sẽ' another clause's
            evs = [e for e in evs if e.start < m.end or not tr.predicate_ends.search(text, m.end, e.start)]
        e = _decide(sorted(evs, key=lambda e: e.start), m.start if scope == "clause" else cl.start)
        if e is None:
            continue
        role = _ROLE[e.code]
        if guards and role != "target":
            return None, guards[-1:]
        if role == "result" and m.unit is None and not _counts_a_noun(tr, text, m) and not _amount_of_measure(tr, text, m, cl.start):
            return None, [e]  # a bare number that counts nothing is the figure of no indicator
        if role == "result" and m.unit is None and m.value == 1 and m.value_max is None and m.comparator == "=":
            return None, [e]  # "1 giám thị", "trung bình 1 thí sinh nộp 2 bộ hồ sơ": one of a thing is an article, no count
        if (role == "result" and scope == "paragraph" and m.unit not in tr.measures
                and not _stated_as_value(tr, text, m, cl) and not _dated_report(tr, text, sent_lead, m.start, doc_year)):
            # an aspect cue elsewhere in the paragraph is weak evidence: it makes a count a result only
            # where the count is stated as a value (opening its clause or list item, after a label, a
            # copula, "có", a comparator or a verb of change), not where it is the object of an action
            # told in passing ("Đại hội còn tổ chức 20 tổ", "Thi 2 môn", "bình chọn 30 gương mặt trẻ")
            return None, [e]
        if (role == "target" and m.unit is None and m.comparator == "=" and not _INTRO.search(text, max(cl.start, m.start - 60), m.start)
                and not _after_goal_label(text, m)
                and not (scope in ("lead", "section", "document") and _counts_a_noun(tr, text, m))
                and not _amount_of_measure(tr, text, m, cl.start)):
            # a bare number not introduced as a value; under a heading of goals, though, each item
            # is a goal's statement, and a count of a noun there is its figure ("- Nâng cao kỹ năng
            # cho 50.000 phụ nữ là chủ doanh nghiệp")
            return None, [e]
        if (role == "target" and e.code == "prospective" and scope in ("clause", "sentence")
                and tr.future_only.fullmatch(text, e.start, e.end)):
            pm = tr.prediction.search(text, sent_lead, m.start)
            if (pm is not None and not any(x.code == "goal_words" for x in clause_evs + sentence_evs)
                    and not _OBLIGED_AFTER.match(text, e.end)):
                # (aspect) a future told as a prediction, not a goal set ("Ông A cho rằng, sẽ có khoảng 70% thí sinh bị
                # loại", "Theo dự báo, giá dầu sẽ tăng 20%"): 'sẽ' says what will happen, a goal is what is aimed at
                return None, [_Ev("possibility", scope, pm.start(), pm.end())]
        return role, [e]
    if guards:
        return None, guards[-1:]
    # no evidence at any scope: a figure mentioned in passing, unless the clause states a measure
    # of the present ("quy mô dân số thành phố đạt hơn 4,6 triệu người"): a named measure reaching a value
    # (or the level a measured change went to: "tỷ lệ hộ nghèo giảm từ 6,1% xuống còn 3,9%", whose start is a
    # level measured, a result as a baseline)
    if (not normative and _NOW_OPENS.match(text, a) and _counts_or_measures(tr, text, m)
            and _EXISTS_BEFORE.search(text, max(cl.start, m.start - 40), m.start)
            and not tr.predicate_ends.search(text, a, m.start)):
        # a sentence opened by the adverb "Hiện" (now), its subject, then what exists or stands at a level ("Hiện
        # toàn thành phố có hơn 1.200 trường", "Hiện Hà Nội có 6 cơ sở giết mổ"): the state of the present
        return "result", [_Ev("state", "sentence", a, a + 4)]
    if (not normative and _counts_or_measures(tr, text, m)
            and _EXISTS_BEFORE.search(text, max(cl.start, m.start - 24), m.start)
            and (ty := _THIS_YEAR.search(text, max(a, cl.start - 120), m.start))):
        # (time) "this year" with a verb of reaching before the figure and no goal, plan or future at any scope
        # ("kinh tế VN năm nay vẫn tiếp tục tăng trưởng ở mức khá, đạt 7,7%"): the level the present year stands at
        return "result", [_Ev("current_time", "clause", ty.start(), ty.end())]
    rm = tr.ref_year.search(text, m.end, min(cl.end, m.end + 40)) if doc_year and m.unit is not None and not normative else None
    if rm is not None and rm.group("y") and int(rm.group("y")) < doc_year and _CHANGED_BY.search(text, max(cl.start, m.start - 24), m.start):
        # (time) a change measured against a year gone by, with no goal, plan or future at any scope ("Giá trị sản
        # xuất công nghiệp tăng khoảng 16% so với năm 2003" in a report of 2004): a change that was measured
        return "result", [_Ev("past_standard", "clause", rm.start(), rm.end())]
    if m.unit is not None and not normative and (_STATE_VERB.search(text, max(cl.start, m.start - 40), m.start)
                                                  or (_CHANGE_END.search(text, max(cl.start, m.start - 60), m.start)
                                                      and not _NEEDED.search(text, cl.start, m.start))):
        head = _clean_indicator(tr, tr.report_lead.sub("", text[cl.start:m.start].lstrip()))
        if tr.measure_noun.search(head) or _MEASURE_HEAD.search(head):
            return "result", [_Ev("state", "clause", m.start, m.end)]
    if not normative:
        # (aspect) a measure named as the clause's subject, then its level: after a copula, a colon or only an
        # approximator ("tổng số người ra ứng cử ... là 6.900", "Tổng số người tự ứng cử: 77 (cấp tỉnh)", "Tỷ lệ thất
        # thoát nước bình quân trên địa bàn thành phố khoảng 38%"), with no goal, plan, future or condition at any
        # scope: the level measured now, as a report states it
        lead = text[cl.start:max(m.start, m.num_start)]
        if not lead.strip() and _COLON_RIGHT_BEFORE.search(text, max(a, m.start - 40), m.start):
            lead = text[a:max(m.start, m.num_start)]  # a label before its value: "Tổng số người tự ứng cử: 77 (cấp tỉnh)"
            if re.search(r"\d", lead):
                lead = ""  # (a label holds no figure of its own: "tổng số 957 căn hộ (khối nhà A: 18 tầng")
        sm = _MEASURE_SUBJECT.match(lead)
        if (sm is not None and _LEVEL_BEFORE.search(lead) is not None and not _NEEDED.search(lead)
                and not (m.unit is None and m.value == 1) and not text[m.num_start:m.num_start + 1] == "0"
                and not tr.predicate_ends.search(lead, sm.end())):
            return "result", [_Ev("state", "clause", cl.start + sm.start("m"), cl.start + sm.end("m"))]
    return None, []


# a clause that opens with a measure as its subject ("Tỷ lệ ...", "Tổng số người ...", "Số lượng ...", "Quy mô ..."; not
# a bare "Số", "Mức" or "Tổng", as often a number's label or a rule's level: "Số ĐT: 0971...", "Mức lệ phí: 40.000 đồng")
# the words that name a measure ("quy mô", "tỷ lệ", "tổng số", "dân số"): in the head before a state verb, and (with
# "số lượng") as the subject a clause opens with
_MEASURE_WORDS = "quy mô|tỷ lệ|tỉ lệ|tổng số|dân số"
_MEASURE_HEAD = re.compile(r"(?:^|\s)(?:" + _MEASURE_WORDS + r")\s", re.I)
_MEASURE_SUBJECT = re.compile(r"[\s*_\-–+•(]*(?:[^,;:()\n]{1,60},[ \t]*)?(?:(?:theo đó|trong đó|riêng|còn)[ \t,]*)?(?P<m>(?:"
                              + _MEASURE_WORDS + r"|số lượng)(?![^\W\d_]))", re.I)
# the level stated right before the value: a copula, a verb of reaching, a colon, or an approximator alone
_LEVEL_BEFORE = re.compile(r"(?:(?<![^\W\d_])(?:là|đạt|ở mức|chiếm|có|lên tới|lên đến)|:|(?<![^\W\d_])(?:khoảng|gần|hơn|trên|xấp xỉ|chừng))[ \t]*$", re.I)


def _build(ctx: Context, tr: TargetRules, m: Mention, cl: _Clause, a: int, b: int, p: int, cell: Optional["_Cell"],
           doc_year, evidence=(), memo: Optional[dict] = None, reach: int = _LEAD_MAX, under_lead: bool = False) -> Quantity:
    """The target or result a figure is. ``under_lead``: ``p`` is a lead-in that is nothing but a time,
    heading the list the figure stands in ("**(1) Đến năm 2030**" above items of their own)."""
    text = ctx.nt.fold
    value, value_max, unit = m.value, m.value_max, m.unit
    if cell is None or not cell.label:
        ind, ind_start = _indicator(ctx, tr, m, cl, a, reach)
    else:
        # a table cell: the row's label is the indicator, the unit column (or "(triệu USD)" in the
        # label) the unit and magnitude, the column header the time
        label = re.sub(r"\s*\([^()]{1,30}\)\s*$", "", cell.label).strip()
        ind, ind_start = label, cell.label_start
        if unit is None and cell.unit_text:
            probe = finder(tr.rules).find("1 " + cell.unit_text)
            if probe and probe[0].start == 0:
                unit = probe[0].unit
                value = scale(m.value, probe[0].value)
                value_max = scale(m.value_max, probe[0].value) if m.value_max is not None else None
    count = (memo or {}).get("share_count", {}).get(id(m))
    if count is not None and cl.start <= count.start < m.start and (ind is None or re.search(r"\d", ind)):
        # a share in brackets after its count ("ngoài công lập là 1.401 học sinh (1,63%)", "37.875 học sinh công
        # lập (tỉ lệ 59,95%)"): what the count counts is what the share measures, not the count's number
        ind, ind_start = _count_noun(tr, text, count, m, cl) or (ind, ind_start)
    ind = ind[:160] if ind else None
    # what a clause, a lead-in, a sentence or a section gives is read once and shared by all the
    # figures in it (a clause of 10,000 figures is then read once, not 10,000 times)
    memo = memo if memo is not None else {}
    # the clause as far as the figure's reach (a clause that shares its head with the figures before
    # it can grow with each of them)
    w0, w1 = max(cl.start, m.start - reach), min(cl.end, m.end + reach)
    ck = ("clause", w0, w1)
    cv = memo.get(ck)
    if cv is None:
        clause = text[w0:w1]
        ref = tr.ref_year.search(clause)
        cv = memo[ck] = (_time_of(tr, clause), int(ref.group("y")) if ref and ref.group("y") else None,
                         tr.frequency.search(clause) is not None, _category(ctx, m.start, tr, clause, memo))
    clause_time, reference_year, clause_annual, category = cv
    # time: in the clause, else in the sentence, else in the enclosing section titles
    year = period = None
    lo = max(a, cl.start - reach)
    lead_time = memo.get(("lead", lo, cl.start))
    if lead_time is None:  # "Phấn đấu đến năm 2030: 80% ...; 50% ..." shares its year
        lead_time = memo[("lead", lo, cl.start)] = _time_of(tr, text[lo:cl.start])
    sk = ("sentence", a, b, p)
    sv = memo.get(sk)
    if sv is None:
        starts = ctx.products.sentence_starts
        para_lead = text[p:_para_lead_end(starts, p, a)] if p < a and _opens_line(text, p) else ""  # "Mục tiêu cụ thể đến năm 2030"
        # after the section titles: the nearest earlier sentence of the paragraph that states a time
        near = ([], [])
        timed = memo.get("timed")
        if timed is None:
            timed = memo["timed"] = _TimedSentences(tr, text, starts)
        j = timed.before(bisect.bisect_left(starts, a))
        if j is not None and starts[j] > p and starts[j] >= a - 1500:
            near = timed.times[j]
        sv = memo[sk] = (_time_of(tr, para_lead), tr.frequency.search(text, a, b) is not None, near)
    para_time, sentence_annual, near_time = sv
    chain = tuple((x.title_start, x.title_end) for x in ctx.section_chain(m.start))
    title_time = memo.get(("titles", chain))
    if title_time is None:
        title_time = memo[("titles", chain)] = _time_of(tr, _section_titles(ctx, m.start))
    # a yearly figure ("thu hút bình quân 5 - 6 tỷ USD mỗi năm") has no single year of its own in its
    # paragraph; a heading that is nothing but a time states the horizon of all the items under it, a
    # yearly rate's too ("**(1) Đến năm 2030**" above "- Tốc độ tăng trưởng ... 10 - 12%/năm")
    annual = m.per == "năm" or sentence_annual
    scopes = ((_time_of(tr, cell.header),) if cell is not None and cell.label else ()) + (clause_time, lead_time, ([], []) if annual and not under_lead else para_time, title_time,
                                                                                              ([], []) if annual else near_time)
    if evidence and _ROLE.get(evidence[0].code) == "result" and evidence[0].code != "state":
        # (a state claimed by no cue keeps the horizon: under one it is no state of the present, see extract_targets)
        # a result's time from beyond its clause is a time the text states as its own somewhere, not a
        # year it names only as a goal's horizon ("đến năm 2020" in a heading above "hiện trên 75% ...")
        own = memo.get("own_years")
        if own is None:
            own = memo["own_years"] = own_years(text, doc_year)
        k = 1 if cell is not None and cell.label else 0  # clause_time's place (after a table cell's header)
        scopes = scopes[:k + 1] + tuple((ps, [y for y in ys if y in own]) for ps, ys in scopes[k + 1:])
    role = _ROLE.get(evidence[0].code) if evidence else None
    own_m = _OWN_YEAR_AFTER.match(text, m.end, min(len(text), m.end + 24))
    if own_m:
        rm = tr.ref_year.search(text, max(0, m.start - 24), own_m.end())
        if rm is not None and rm.end() >= own_m.end():
            own_m = None  # the base of a ratio ("gấp 2 lần năm 2020"), no time of the value's
    if own_m:
        # a year written right after the value is the value's own ("giảm từ hơn 50% năm 1997 xuống 20%
        # năm 2004"): it goes before every other year its clause states
        scopes = (([], [int(own_m.group("y"))]),) + scopes
    if (role == "result" and not own_m and (memo or {}).get("present_year") and not annual
            and not any(clause_time) and not any(lead_time)):
        # (time) a year named relative to the present in the figure's clause or its sentence's lead ("Năm ngoái, tỷ
        # lệ sinh viên đến nhập học chỉ đạt 70%"): the year before the one the document dates itself in, nearer
        # than any year of the paragraph (not the standard of a comparison: "tăng 10% so với năm ngoái")
        for lm in _LAST_YEAR.finditer(text, lo, cl.end):
            if not _STANDARD_BEFORE.search(text, max(lo, lm.start() - 30), lm.start()):
                scopes = (([], [memo["present_year"] - 1]),) + scopes
                break
    for ps, ys in scopes:
        if ps:
            period = Period(start=ps[0][0], end=ps[0][1])
        if len(ys) > 1 and doc_year and role is not None:
            # several years in one scope ("Năm 2024, thành phố đặt mục tiêu đến năm 2030 xây dựng 6
            # tuyến" in a text of 2025): a goal's time is not before the document's own, an
            # achievement's not after it (an annual plan's "Trong năm 2025 và định hướng đến năm
            # 2030" keeps its own year)
            fit = [y for y in ys if (y >= doc_year if role == "target" else y <= doc_year)]
            ys = fit or ys
        if ys:
            year = ys[0]
        if year or period:
            break
    if evidence and evidence[0].code == "baseline" and not own_m:
        # where a change starts ("dịch vụ tăng từ 33,1% lên 38,5%" after "GDP năm 2005 ..."): the time its scopes
        # state is the change's end, not the start's; only a year written with it is its own ("từ 4,2% năm 2020")
        year = period = None
    if cell is not None and cell.label and not (year or period):
        ys = re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", cell.header)  # "Kế hoạch 2025", "TH 2024"
        year = int(ys[-1]) if len(ys) == 1 else None
    if (role == "result" and not (year or period) and (memo or {}).get("present_year") and not annual and evidence
            and (evidence[0].code in ("estimate", "limitation", "state") or _PRESENT_CUE.search(text, evidence[0].start, evidence[0].end))
            and not _PAST_FRAME.search(text, a, cl.end)):
        # a result of the present that states no time of its own ("Tăng trưởng kinh tế 9 tháng ước đạt 8,19%",
        # "Hiện có 42 bệnh viện ngoài công lập", "đến thời điểm này trường mới tuyển được 300 học sinh") is of
        # the year the document dates itself in
        year = memo["present_year"]
    # the direction: a change word at most two words before the number ("giảm 3,4%"; the pattern
    # ends at the number, so a bounded window before it is enough)
    ch = tr.change.search(text, max(cl.start, m.start - 200), m.start)
    direction = ("increase" if ch.group("up") else "decrease") if ch else None
    freq = "annual" if (m.per == "năm" or clause_annual) else None
    per = m.per
    start = min(ind_start, m.start, cl.start)  # the item covers its clause, whichever side its indicator stands
    end = max(m.end, cl.end)
    if cell is not None and cell.label:
        start, end = min(ind_start, m.start), m.end
    raw_ind = ind
    if ind and text.startswith(ind, ind_start):
        raw_ind = ctx.nt.orig_text(ind_start, ind_start + len(ind))
    return Quantity(
        indicator=raw_ind, indicator_id=tr.indicator_id(ind) if ind else None,
        value=value, value_max=value_max, unit=unit, per=per, comparator=m.comparator,
        year=year, period=period, frequency=freq, category=category,
        section=ctx.section_at(m.start), direction=direction, reference_year=reference_year, plan=m.plan,
        estimate=any(e.code == "estimate" for e in evidence),
        evidence=[Evidence(code=e.code, scope=e.scope, **ctx.span(e.start, e.end)) for e in evidence],
        **ctx.span(start, end),
    )


# where the words after a number stop describing it: a share runs to its clause's end ("100% ban, sở,
# ngành được công nhận ..."), a count to its noun phrase ("32.900 căn nhà ở xã hội trong giai đoạn")
_TAIL_CUT = re.compile(r"[;.():\]]|" + _NL_CUT + r"|\s(?:vào|đến|tới|trong)\s+(?:năm|giai đoạn|nhiệm kỳ)\b|\s(?:so với|trở lên|trở xuống)\b")
_COUNT_TAIL_CUT = re.compile(r"[,;.():\]]|" + _NL_CUT + r"|\s(?:vào|đến|tới|trong)\s+(?:năm|giai đoạn|nhiệm kỳ|thời gian)\b|\s(?:và|hoặc|để|nhằm)\s|\s(?:so với|trở lên|trở xuống)\b")


def _dated_report(tr: TargetRules, text: str, a: int, b: int, doc_year) -> bool:
    """The sentence before the figure dates what it tells to the document's time or before ("Năm
    2005, cả nước xảy ra 229 vụ tai nạn"): a report of that period, whose counts are its figures."""
    if not doc_year:
        return False  # (with no time of its own, the text dates nothing against it)
    for y in tr.year.finditer(text, a, b):
        if int(y.group(_yg(y))) <= doc_year:
            return True
    return False


def _stated_as_value(tr: TargetRules, text: str, m: Mention, cl: _Clause) -> bool:
    """A count stated as a value: it opens its clause or list item, or a label (a colon, a name of
    two capitalised words: "Ba Đình 39 HS"), a named measure ("công suất 250 con/giờ"), a copula,
    "có", a comparator or a verb of change stands right before it."""
    seg = text[max(cl.start, m.start - 40):m.start]
    if not seg.strip() or tr.stated_as_value.search(seg) or tr.measure_noun_tail.search(seg):
        return True
    words = seg.split()
    return len(words) >= 2 and words[-1][:1].isupper() and words[-2][:1].isupper()


# where the noun after a measure ends, read as a last resort ("180 tấn thịt lợn"): a comma, a conjunction, a predicate
_MEASURED_CUT = re.compile(r"[,;.():\]]|" + _NL_CUT + r"|\s(?:và|hoặc|để|nhằm|đã|được|sẽ|đang|là|có|thì|mà|nhưng|so với|trở lên|trở xuống)\s", re.I)
# an aside in brackets right after a measure, with a word after it ("420 km (14%) tuyến đường")
_ASIDE = re.compile(r"[ \t]*\([^()\n]{1,40}\)(?=[ \t]+[^\W\d_])")
# (and a goal noun that heads a list of what it names: "một số chỉ tiêu chủ yếu như GDP tăng 8%")
_GOVERNOR = re.compile(r"(?<!\w)(?:là|phấn đấu(?:\s+đạt)?|đặt(?:\s+ra)?\s+mục tiêu|mục tiêu(?:\s+là)?|nhằm|để"
                       r"|(?:chỉ tiêu|mục tiêu)(?:\s+[^\W\d_]+){0,3}?\s+như)[,:]?\s+", re.I)


def _clean_indicator(tr: TargetRules, s: str) -> str:
    s = s.strip(" ,;:\t\n*_|")
    for _ in range(2):
        for rx in tr.strip:
            s = rx.sub("", s).strip(" ,;:\t\n*_|")
    return s


# a speaker's clause: an honorific, a name and a verb of saying ("ông Khiêm nói", "bà Lan cho biết")
_SPEAKER = re.compile(r"(?:^|[\s,])(?:ông|bà|anh|chị)[ \t]+(?:[^\W\d_]+[ \t]+){1,4}?(?:nói|cho biết|cho hay|khẳng định|nhấn mạnh|chia sẻ)$", re.I)


def _is_indicator(tr: TargetRules, s: str) -> bool:
    """A noun phrase: at least one word that is not a verb, preposition, connector or classifier,
    not a date or a bare number, not punctuation."""
    if not s or len(s) < 3 or not re.search(r"[^\W\d_]", s):
        return False
    words = re.findall(r"[^\W\d_]+", fold_key(s))
    if not words:
        return False
    content, i = 0, 0
    while i < len(words):  # longest stop-word phrase first (two words, then one)
        if i + 1 < len(words) and f"{words[i]} {words[i + 1]}" in tr.stopwords:
            i += 2
            continue
        if words[i] not in tr.stopwords:
            content += 1
        i += 1
    return (content >= 1 and not re.fullmatch(r"(?:ngày|tháng|năm|quý)[\s\d/]*", fold_key(s))
            and not _SPEAKER.search(s))  # "..., ông Khiêm nói.": who said it measures nothing


# a subject that is only a whole place or body ("toàn tỉnh", "cả nước", "toàn ngành"): where the figure is, not
# what it measures
_WHERE_ONLY = re.compile(r"(?:toàn|cả|khắp)[ \t]+(?:tỉnh|thành phố|TP|quốc|nước|huyện|quận|xã|phường|vùng|ngành|khu vực|thành)", re.I)


# a clause that opens with a need as its measure ("Nhu cầu ...", "Tổng nhu cầu ..."), after markup or a list mark
_NEED_OPENS = re.compile(r"[\s*_\-–+•(\d.)]*(?:tổng[ \t]+)?(?P<n>nhu cầu)(?![^\W\d_])", re.I)


_MEASURE_OPENS = re.compile(r"[ \t]*(?:tỷ lệ|tỉ lệ|số)(?![^\W\d_])", re.I)


def _indicator(ctx: Context, tr: TargetRules, m: Mention, cl: _Clause, a: int, reach: int = _LEAD_MAX) -> tuple[Optional[str], int]:
    """The noun phrase the figure measures, in the orders the genre uses: the clause's words
    before the verb that introduces the number; a label before a colon ("Thu nhập bình quân
    đầu người/năm đến năm 2025: 60 triệu đồng"); the first cell of a table row; the words after
    the number ("95% thủ tục hành chính ...", "chiếm 28% tổng vốn đầu tư"). The first candidate
    that is a noun phrase wins; (text, norm start) or (None, clause start)."""
    text = ctx.nt.fold
    h0 = max(cl.start, m.start - reach)  # bounded: linear on clauses of thousands of figures
    head = text[h0:m.start]
    am = tr.attribution.match(head)
    if am and _MEASURE_OPENS.match(head) and not tr.attribution_only.match(head):
        am = None  # "Tỷ lệ người dân đồng ý với mức thu phí mới là 85%": the share of those who agree is measured
    if am:
        h0 += am.end()  # "Theo báo cáo của Sở Tài chính, thu ngân sách ...": the source is no part of the indicator
        head = text[h0:m.start]
    ind = head
    to_level = False
    for _ in range(3):
        vm = tr.verbs.search(ind)
        if not vm:
            break
        to_level = to_level or _TO_LEVEL.match(vm.group()) is not None
        ind = ind[: vm.start()]
    for gov in reversed(list(_GOVERNOR.finditer(ind))):
        if _is_indicator(tr, _clean_indicator(tr, ind[gov.end():])):
            ind = ind[gov.end():]  # "mục tiêu ... là tăng trưởng GDP", "thành phố sẽ phấn đấu tổng sản phẩm nội địa"
            break
    head_c = _clean_indicator(tr, ind)
    if _WHERE_ONLY.fullmatch(head_c):
        head_c = ""  # "Hiện toàn tỉnh có khoảng 500 ha lúa hè thu ...": the whole place is where, not what is measured
    if to_level:
        # the new level of a change ("hạ tỉ lệ hộ nghèo từ 7,99% xuống còn 6,18%", "số hộ nghèo giảm từ 1.200 hộ
        # xuống còn 800 hộ"): where it started, and the verb of change before that, are no part of what it measures
        # (a "từ" that is no start of a change stays: "số hộ có thu nhập từ 100 triệu đồng là 3.200 hộ")
        bm = _BASELINE_END.search(head_c)
        if bm and _same_unit(tr, bm.group("u"), m):
            head_c = _clean_indicator(tr, head_c[: bm.start()])
    line_start = max(text.rfind("\n", max(0, cl.start - 400), cl.start) + 1, cl.start - 400)  # a label or table row is short
    before = text[max(line_start, a):cl.start]
    label = _label_before(before)
    row = re.match(r"\s*\|\s*([^|\n]{3,160}?)\s*\|", text[line_start:m.start]) if "|" in text[line_start:m.start] else None
    # a count: the noun phrase it counts follows it ("32.900 căn nhà ở xã hội", "40.000 thanh niên")
    counted = (m.unit is not None and m.unit not in tr.measures) or _counts_a_noun(tr, text, m)
    tail_start = m.end
    if counted and m.unit_text:
        k = text[m.start:m.end].lower().rfind(m.unit_text.lower())  # within the mention, not a copy of the text
        tail_start = m.start + k if k >= 0 else m.end
    tail_end = min(cl.end, m.end + 160)
    cut_from = max(tail_start, m.end) if not counted else tail_start + len(m.unit_text or "")
    # a measure with an aside in brackets right after it ("420 km (14%) tuyến đường rộng trên 12m"): what it
    # measures follows the aside (a count's noun stands before it: "15 căn nhà (trong đó ...)"); the clause
    # ends at the bracket, so the tail runs on after it, to a comma at most
    aside = _ASIDE.match(text, cut_from) if not counted else None
    if aside:
        tail_start = aside.end()
        tail_end = min(len(text), aside.end() + 160)
    cut = (_COUNT_TAIL_CUT if counted or aside else _TAIL_CUT).search(text, tail_start if aside else cut_from, tail_end)
    tail_stop = cut.start() if cut else tail_end
    share_aside = _ASIDE.match(text, tail_stop) if m.unit == "%" and not aside and tail_stop > cut_from else None
    if share_aside:
        # a share's noun, an aside, then the rest of what it measures ("80% số xã (tương ứng 55/67 xã) đạt
        # chuẩn nông thôn mới nâng cao"): the phrase runs on after the aside, which it keeps as written
        more = _COUNT_TAIL_CUT.search(text, share_aside.end(), min(len(text), share_aside.end() + 160))
        tail_stop = more.start() if more else min(len(text), share_aside.end() + 160)
    tail = _clean_indicator(tr, text[tail_start:tail_stop])
    candidates = [(head_c, h0)]
    label_c = _clean_indicator(tr, label) if label else None
    if label_c is not None:
        candidates.append((label_c, line_start))
    if row:
        candidates.append((_clean_indicator(tr, row.group(1)), line_start))
    if counted or m.unit in ("%", None) or not head.strip():
        # the clause names the measure before the value: at its start ("Số bác sĩ ...") or right
        # before it ("... đạt công suất 30 triệu hành khách/năm")
        measure_tail = tr.measure_noun_tail.search(head) is not None
        named = (tr.measure_noun.match(head_c) is not None or measure_tail) and _is_indicator(tr, head_c)
        # a count's noun phrase first, unless the clause names the measure before it ("Số bác sĩ ...")
        # or a label does ("Chỉ số năng lực cạnh tranh: 67,2 điểm")
        labelled = (label_c is not None and _is_indicator(tr, label_c) and not tr.no_label.search(label_c)
                    and _COLON_RIGHT_BEFORE.search(text, max(line_start, m.start - 40), m.start) is not None)
        # a share written before its noun with no verb to introduce it ("có 100% trạm y tế xã đạt
        # chuẩn", "bảo đảm 95% thủ tục hành chính ..."): the noun phrase after it is what it measures
        share_of = (m.unit == "%" and not named and not labelled and _noun_after(tr, text, m.end)
                    and not _VALUE_VERB_BEFORE.search(head) and not measure_tail)
        # a count after "cho" is of those a service is for ("tạo việc làm mới cho 28.000 lao động",
        # "cấp học bổng cho 500 sinh viên"): the service the clause names measures it
        served = counted and _FOR_WHOM.search(head) is not None and _is_indicator(tr, _FOR_WHOM.sub("", head_c))
        if served:
            candidates[0] = (_FOR_WHOM.sub("", head_c), h0)
        # a unit that says only "times" or "persons", alone after the value ("đạt 25 triệu lượt."): the
        # noun phrase before it names what is counted
        bare = (counted and tail.lower() in tr.bare_count_units and _is_indicator(tr, head_c)
                and (_SUBJECT_VALUE_VERB.search(text, max(h0, m.start - 30), m.start) is not None
                     or _COMPRISES.search(text, max(h0, m.start - 30), m.start) is not None))
        if bare:
            cm = _COMPRISES.search(head_c)
            if cm and _is_indicator(tr, head_c[:cm.start()].rstrip()):
                candidates[0] = (head_c[:cm.start()].rstrip(), h0)  # (the whole, without its verb)
        candidates.insert(0 if ((counted and not named and not labelled and not served and not bare) or share_of) else len(candidates), (tail, tail_start))
    elif aside:
        candidates.append((tail, tail_start))  # the noun after the aside, when nothing before names the measure
    else:
        # last, the noun right after a measure ("180 tấn thịt lợn"), to the first comma, conjunction or
        # predicate: not a clause that follows ("Với 280 USD, bạn có thể ...", "5 km đường được hoàn thành ...")
        lc = _MEASURED_CUT.search(text, m.end, min(cl.end, m.end + 80))
        last = _clean_indicator(tr, text[m.end:lc.start() if lc else min(cl.end, m.end + 80)])
        first = last.split(" ", 1)[0].lower() if last else ""
        if len(first) > 1 and first[0].isalpha() and fold_key(first) not in tr.stopwords:
            candidates.append((last, m.end))
    for c, lo in candidates:
        if _is_indicator(tr, c):
            k = text.find(c, lo, max(m.end + 170, cl.end))
            return c[:160], (k if k >= 0 else cl.start)
    return None, cl.start


_COUNT_NOUN_END = re.compile(r"[(),;:\[\]\n]")
_SHARE_BRACKET = re.compile(r"[ \t]*\([ \t]*(?:(?:tỉ lệ|tỷ lệ|chiếm|bằng|đạt)[ \t]*)?", re.I)  # "(", "(tỉ lệ "


def _count_noun(tr: TargetRules, text: str, count: Mention, m: Mention, cl: _Clause) -> Optional[tuple[str, int]]:
    """What a share in brackets right after its count measures: what the count counts, the words after
    its number up to the bracket ("1.401 học sinh (1,63%)", "28/60 chi bộ đạt trong sạch vững mạnh (tỉ lệ
    46,7%)"), from the words that name it right before the number with no verb between ("hệ phổ thông
    63.170 học sinh", as written); None when no noun phrase is there."""
    n0 = tr.count_whole.match(text, count.num_end).end()  # (past the whole of "28/60 chi bộ", the magnitude of "1,4 triệu hộ")
    e = _COUNT_NOUN_END.search(text, n0, m.start)
    end = e.start() if e else m.start
    noun = _clean_indicator(tr, text[n0:end])
    k = text.find(noun, n0, end)
    if not _is_indicator(tr, noun) or k < 0 or not _SHARE_BRACKET.fullmatch(text, end, m.start):
        return None
    before = _clean_indicator(tr, text[cl.start:count.start])
    kb = text.find(before, cl.start, count.start) if before else -1
    if kb >= 0 and _is_indicator(tr, before) and not tr.verbs.search(before) and not re.search(r"\d", before):
        return text[kb:k + len(noun)], kb  # (as written, with the count's number)
    return noun, k


def _same_unit(tr: TargetRules, words: str, m: Mention) -> bool:
    """Whether the words after a change's start are its unit as the new level's ("từ 1.200 hộ xuống còn 800 hộ"),
    a magnitude or money; not a threshold in another unit ("Số người từ 60 tuổi tăng lên 12 triệu người")."""
    w = words.strip().lower()
    if not w or w == "%" or tr.money_words.match(w):
        return True
    return bool(m.unit_text) and w.split()[-1] == m.unit_text.lower().split()[-1]


_TO_LEVEL = re.compile(r"(?:lên|xuống|còn)(?![^\W\d_])", re.I)
# the start of a change closing an indicator, with the verb of change before it (not a noun of change, "mức tăng";
# not a year, "từ 2026")
_BASELINE_END = re.compile(r"(?<!mức)(?<!tốc độ)(?<!tỷ lệ)(?<!tỉ lệ)(?<!lượng)(?<!số)(?:[ \t]+(?:(?:đã|sẽ|đang|lại|cũng)[ \t]+)?"
                           r"(?:tăng|giảm|hạ|nâng)(?:[ \t]+(?:mạnh|nhanh|vọt|dần))?)?[ \t]+từ[ \t]+(?:mức[ \t]+)?(?!(?:19|20)\d\d(?![\d.,]))"
                           r"\d[\d.,]*(?P<u>[ \t]*%|(?:[ \t]+[^\W\d_]+){0,3})[ \t]*$", re.I)


# a goal noun followed by a number names a document ("Kế hoạch số 12/KH-UBND", "Kế hoạch 235")
_DOCUMENT_NAMED = re.compile(r"[ \t]+(?:số[ \t]+)?\d")
# a number multiplied in a formula ("b/a * 100%", "a × 100%")
# ("**100%" is markdown bold, no product: a letter or digit stands right before the operator)
_OPERAND = re.compile(r"[^\W_][ \t]*(?:[*×]|(?<=[ \t])[xX])[ \t]*$")
# a label's colon right before the value ("Chỉ số năng lực cạnh tranh: 67,2 điểm"), not one earlier on
# the line ("Lĩnh vực giáo dục: năm 2024 toàn huyện đã xây mới 12 phòng học")
_COLON_RIGHT_BEFORE = re.compile(r":[ \t]*(?:(?:khoảng|trên|dưới|hơn|gần|đạt|là|tối thiểu|tối đa)[ \t]+)?$", re.I)
# "gồm" (comprises) before a count of persons: the whole before it is what is counted ("đội ngũ giảng
# viên tại các trường gồm 38.000 người")
_COMPRISES = re.compile(r"(?<![^\W\d_])gồm(?:[ \t]+có)?(?:[ \t]+(?:khoảng|trên|dưới|hơn|gần))?[ \t]*$", re.I)
_FOR_WHOM = re.compile(r"[ \t]+cho[ \t]*$", re.I)
# a verb that makes the value the measure of the subject before it ("Khách du lịch ... đạt 25 triệu lượt",
# "số người chết đã tăng lên 48 người"), not an action on the people counted ("làm chết 11 người")
_VALUE_VERBS = r"đạt|là|ở mức|chiếm|tăng|giảm|bằng|còn|lên|xuống|tới|đến"
_SUBJECT_VALUE_VERB = re.compile(r"(?<![^\W\d_])(?:" + _VALUE_VERBS + r")(?:[ \t]+(?:khoảng|trên|dưới|hơn|gần|xấp xỉ))?[ \t]*$", re.I)
# a verb that makes the number after it the value of the noun phrase before it ("tỷ lệ hộ nghèo giảm
# còn 3%"): not a share of the noun after
_VALUE_VERB_BEFORE = re.compile(r"(?:" + _VALUE_VERBS + r"|khoảng|trên|dưới|hơn|từ|vượt|giữ|duy trì)[ \t]*(?:mức[ \t]*)?$", re.I)


_LABEL_STOP = ":;.\n"


def _label_before(before: str) -> Optional[str]:
    r"""The label of a "label: value" line: the 3-160 characters (no ':;.' or line break) before a
    colon that ends ``before`` (what ``re.search(r"([^:;.\n]{3,160}):\s*$", before)`` gives,
    read from the end instead of tried at every position)."""
    stripped = before.rstrip()
    if not stripped.endswith(":"):
        return None
    colon = len(stripped) - 1
    k = colon
    while k > 0 and colon - k < 160 and before[k - 1] not in _LABEL_STOP:
        k -= 1
    return before[k:colon] if colon - k >= 3 else None


def _section_titles(ctx: Context, pos: int) -> str:
    return " | ".join(ctx.nt.fold[s.title_start:s.title_end] for s in reversed(ctx.section_chain(pos)))
