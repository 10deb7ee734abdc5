"""Stage 3, tokenise: spaCy Doc of syllable tokens with punctuation split off, plus sentences.

The tokenizer is spaCy's rule-based :class:`~spacy.tokenizer.Tokenizer` with
Vietnamese-appropriate punctuation rules ("99,8%);" -> "99,8" "%" ")" ";",
"16,5%/năm" -> "16,5" "%" "/" "năm"). Numbers keep their separators ("11.247",
"26/9/2025"). Token offsets are character offsets in ``NormText.fold``.

The sentence splitter ends sentences at sentence punctuation followed by a capital,
at blank lines, at headings, and at line breaks (except soft wraps inside a
paragraph of a hard-wrapped text).
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy
import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from .patterns import VI_LOWER

_QUOTES = "\"'“”‘’«»„"
_PREFIXES = [r"[\(\[\{" + _QUOTES + r"*•·…–—\-]", r"\.\.+", r"[#№]"]
_SUFFIXES = [r"[\)\]\}" + _QUOTES + r",;:!?%*…–—]", r"\.\.+", r"(?<=[^\d\s])\.", r"(?<=\d)\.(?=$)", r"(?<=\d)[%‰]"]
_INFIXES = [
    r"(?<=[^\W\d_])[,;:!?](?=\S)",        # word,word
    r"(?<=[^\W\d_])\.(?=[^\W\d_]{2,})",    # word.Word (run-together sentences)
    r"(?<=[^\W\d_])\.(?=[\[\]()\"“”'*])",    # "Mẫn.[6]", "Trà.**"
    r"(?<=[\d%])/(?=[^\W\d_])",           # %/năm, 5/người
    r"(?<=[^\W\d_])/(?=[^\W\d_])",        # USD/người, đ/c
    r"(?<=[\d%])[-–—](?=[\d])",           # 2025-2030, 62%-63%
    r"(?<=[^\W\d_])[-–—](?=[^\W\d_])",    # kinh tế-xã hội
    r"(?<=[\d])[-–—](?=[^\W\d_])",        # 57-NQ
    r"(?<=\d)%(?=\S)",                    # 16,5%/năm, 62%-63%
    # "Ánh5." (a list number glued to the name before it): after a lower-case letter. Units split too ("m2" -> "m", "2"), which no reader of the
    # tokens minds: only the name matcher reads them, and no name holds a digit
    r"(?<=[" + VI_LOWER + r"])(?=\d{1,2}$)",
    r"[\(\)\[\]" + _QUOTES + r"]",
]


_SUFFIX_WINDOW = 256


def _tail_search(search):
    """Suffix search on the end of a token only: spaCy asks once per suffix it strips, and a
    ``...$`` pattern scans the whole token each time (quadratic on a 10,000-character token).
    spaCy uses only the match's length, so a window longer than any suffix gives the same tokens."""
    def tail(string):
        return search(string[-_SUFFIX_WINDOW:]) if len(string) > _SUFFIX_WINDOW else search(string)
    return tail


@spacy.registry.tokenizers("announce.vi_syllables.v1")
def create_tokenizer():
    def make(nlp: Language) -> Tokenizer:
        return Tokenizer(
            nlp.vocab,
            rules={},
            prefix_search=compile_prefix_regex(_PREFIXES).search,
            suffix_search=_tail_search(compile_suffix_regex(_SUFFIXES).search),
            infix_finditer=compile_infix_regex(_INFIXES).finditer,
        )

    return make


_HEADING_START = re.compile(
    r"(?:[*#>\s]*)(?:(?:[IVXLC]+|\d+(?:\.\d+)*)[.)](?!\d)|[a-zđ]\)|\(\d+\)|Điều \d+|Chương [IVXLC\d]+|Một là|Hai là|Ba là|Bốn là|Năm là|Sáu là|Bảy là|Tám là|Chín là|Mười là|[-*•+] )",
)
# starts at the first mark of a run (a run of 100,000 dots is then one try, not one per dot)
_SENT_END = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’\)\]]*[ ]+(?=[\"'“‘(\[]?[A-ZÀ-Ỹ\dĐ])")
# a list run together when a page was scraped ("giai đoạn 2006-2010:- 85% dân số ....- 70% hộ gia đình ...") and
# a sentence glued to the one before it ("... xử lý nước thải.Tổng kinh phí ..."): a sentence starts at the
# dash of each item, and after a stop between a lower-case word and a capitalised one
# (written to start with the stop itself, a character class the engine scans for, not a lookbehind)
_RUN_TOGETHER = re.compile(r"[.:;](?:(?=-[ ]?[\dA-ZÀ-ỸĐ])|(?<=[a-zà-ỹđ]{2}\.)(?=[A-ZÀ-ỸĐ][a-zà-ỹđ]))")
_LABEL_ONLY = re.compile(r"[*#>\s]*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]+[ ]*$")
_ABBREV = re.compile(r"(?:\b(?:TP|Tp|ThS|TS|PGS|GS|BS|KS|Th\.S|St|đ/c|Đ/c|Mr|Ms|Dr)|\b[A-ZĐ])\.$")
_BLANK = re.compile(r"\n[ \t]*\n\s*")
_NEWLINE = re.compile(r"\n")


def sentence_starts(text: str, wrapped: bool | None = None) -> list[int]:
    """Character offsets at which sentences start (sorted, unique).

    ``wrapped``: the text is hard-wrapped, so a single line break ends a sentence only
    after sentence punctuation or before a heading (computed when not given)."""
    from .normalise import is_hard_wrapped

    if wrapped is None:
        wrapped = is_hard_wrapped(text)
    starts = {0}
    line_start, seen = 0, 0  # the line start is looked for only since the previous match
    for m in _SENT_END.finditer(text):
        nl = text.rfind("\n", seen, m.start())
        if nl >= 0:
            line_start = nl + 1
        seen = m.start()
        if _LABEL_ONLY.match(text, line_start, m.end()) or _ABBREV.search(text, max(line_start, m.start() - 6), m.start() + 1):
            continue  # "I. VỀ ...", "1.1. Số ...", "TP. Hà Nội": not a sentence end
        starts.add(m.end())
    for m in _BLANK.finditer(text):
        starts.add(m.end())
    for m in _RUN_TOGETHER.finditer(text):
        starts.add(m.end())
    for m in _NEWLINE.finditer(text):
        i = m.start()
        j = i + 1
        while j < len(text) and text[j] in " \t":
            j += 1
        if j >= len(text) or text[j] == "\n":
            continue
        if wrapped:
            prev = text[max(0, i - 2):i].rstrip()
            if not (prev.endswith((".", ":", ";", "!", "?", "|")) or _HEADING_START.match(text, j)):
                continue
        starts.add(j)
    return sorted(s for s in starts if s < len(text))


def sents_hook(doc):
    """doc.sents from the stored sentence starts (no per-token work)."""
    starts = doc.user_data.get("sent_starts") or [0]
    idx = doc.to_array(["IDX"]).astype("int64")
    tok = numpy.searchsorted(idx, numpy.asarray(starts, dtype="int64"), side="left")
    bounds = sorted({int(t) for t in tok if t < len(doc)} | {0})
    for a, b in zip(bounds, bounds[1:] + [len(doc)]):
        if b > a:
            yield doc[a:b]


@Language.component("announce_sentencizer")
def announce_sentencizer(doc):
    """Sentence starts as character offsets in ``doc.user_data["sent_starts"]``; ``doc.sents`` yields them.

    (Setting SENT_START token flags makes spaCy scan every token for dependency
    annotation; a sents hook keeps this stage linear and cheap.)"""
    if "sent_starts" not in doc.user_data:
        # doc.text rebuilds the string token by token: tokenise() passes the text in instead
        text = doc.user_data.pop("text", None) or doc.text
        doc.user_data["sent_starts"] = sentence_starts(text, doc.user_data.get("wrapped"))
    doc.user_hooks["sents"] = sents_hook
    return doc


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    nlp = spacy.blank(
        "vi",
        config={"nlp": {"tokenizer": {"@tokenizers": "announce.vi_syllables.v1"}}},
    )
    nlp.add_pipe("announce_sentencizer")
    from .load import MAX_CHARS
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)  # the input limit is load's, not spaCy's
    return nlp


def tokenise(fold: str, wrapped: bool | None = None):
    """Run the spaCy pipeline on the folded text; returns a ``spacy.tokens.Doc``."""
    nlp = get_nlp()
    doc = nlp.make_doc(fold)
    doc.user_data["wrapped"] = wrapped
    doc.user_data["text"] = fold
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
