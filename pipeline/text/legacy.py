"""Legacy Vietnamese encodings and mojibake: TCVN3 (ABC), VNI-Windows, Windows-1258.

Before Unicode, Vietnamese office documents were typed in 8-bit font encodings:

* **TCVN3 (ABC)**, TCVN 5712:1993 VN3, the ``.VnTime`` fonts: one byte per letter; toned
  letters are lower case only (capitals were shown with the ``.VnTimeH`` fonts, which draw
  capital glyphs at the same codes), so upper case is restored from the word around it.
* **VNI-Windows** (``VNI-Times`` fonts): a base letter followed by a mark byte
  ("aø" = "à", "eá" = "ế"); a few letters are single bytes ("ñ" = "đ", "ö" = "ư").
* **Windows-1258** (cp1258): Python's codec; tones are combining marks after the letter
  (the text is NFD-like; the normalise stage composes it and maps offsets back).

Bytes of these encodings are read as the code page the fonts were drawn over
(Windows-1252); bytes that are not letters of the encoding keep their cp1252 meaning.

Mojibake in valid UTF-8 text is detected and repaired:

* UTF-8 read as cp1252/latin-1 and saved again as UTF-8 ("Káº¿t quáº£" -> "Kết quả"),
  sequence by sequence;
* TCVN3 or VNI bytes read as cp1252 and saved as UTF-8 ("KÕt qu¶" -> "Kết quả",
  "Keát quaû" -> "Kết quả"), when the whole text reads as Vietnamese that way.

Which reading is Vietnamese is decided by :func:`vietnamese_score`: the share of
non-ASCII words that are well-formed Vietnamese syllables.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

# ---------------------------------------------------------------------------- tables

# Vowels with the five tones in TCVN3/VNI order: grave, hook, tilde, acute, dot.
_TONE_MARKS = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")


def _toned(base: str) -> list[str]:
    return [unicodedata.normalize("NFC", base + m) for m in _TONE_MARKS]


# TCVN 5712:1993 VN3 ("ABC"): byte -> letter. Plain letters a..y are ASCII; the seven
# modified capitals Ă Â Ê Ô Ơ Ư Đ have codes; toned letters are lower case.
_TCVN3_ROWS = {
    "a": (0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
_TCVN3_PLAIN = {0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
                0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ"}


def _cp1252_char(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: latin-1 (C1 controls)


def _build_tcvn3() -> list[str]:
    table = [_cp1252_char(b) if b >= 0x80 else chr(b) for b in range(256)]
    for b, ch in _TCVN3_PLAIN.items():
        table[b] = ch
    for base, codes in _TCVN3_ROWS.items():
        for b, ch in zip(codes, _toned(base)):
            table[b] = ch
    return table


TCVN3_DECODE = _build_tcvn3()
TCVN3_ENCODE = {ch: bytes([b]) for b, ch in enumerate(TCVN3_DECODE)}


# VNI-Windows, as cp1252 characters: base letter + mark.
_VNI_TONES = {"ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ù": "\u0301", "ï": "\u0323"}
_VNI_TONES_UP = {"Ø": "\u0300", "Û": "\u0309", "Õ": "\u0303", "Ù": "\u0301", "Ï": "\u0323"}
# circumflex (â, ê, ô) + tone, breve (ă) + tone
_VNI_CIRC = {"â": "", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "á": "\u0301", "ä": "\u0323"}
_VNI_CIRC_UP = {"Â": "", "À": "\u0300", "Å": "\u0309", "Ã": "\u0303", "Á": "\u0301", "Ä": "\u0323"}
_VNI_BREVE = {"ê": "", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "é": "\u0301", "ë": "\u0323"}
_VNI_BREVE_UP = {"Ê": "", "È": "\u0300", "Ú": "\u0309", "Ü": "\u0303", "É": "\u0301", "Ë": "\u0323"}
# single-byte letters
_VNI_SINGLE = {"ñ": "đ", "Ñ": "Đ", "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư",
               "ì": "ì", "Ì": "Ì", "í": "í", "Í": "Í", "æ": "ỉ", "Æ": "Ỉ", "ó": "ĩ", "Ó": "Ĩ",
               "ò": "ị", "Ò": "Ị", "î": "ỵ", "Î": "Ỵ"}


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _build_vni() -> dict[str, str]:
    """VNI sequence (cp1252 characters) -> Unicode letter (NFC)."""
    seq: dict[str, str] = {}
    for low, up in ((_VNI_TONES, _VNI_TONES_UP),):
        for base in "aeiouy":
            for mark, tone in low.items():
                seq[base + mark] = _nfc(base + tone)
            for mark, tone in up.items():
                seq[base.upper() + mark] = _nfc(base.upper() + tone)
    for base in "aeo":
        for mark, tone in _VNI_CIRC.items():
            seq[base + mark] = _nfc(base + "\u0302" + tone)
        for mark, tone in _VNI_CIRC_UP.items():
            seq[base.upper() + mark] = _nfc(base.upper() + "\u0302" + tone)
    for mark, tone in _VNI_BREVE.items():
        seq["a" + mark] = _nfc("a\u0306" + tone)
    for mark, tone in _VNI_BREVE_UP.items():
        seq["A" + mark] = _nfc("A\u0306" + tone)
    # horn letters ơ (ô), ư (ö) with tones
    for single, uni in (("ô", "ơ"), ("ö", "ư")):
        for mark, tone in _VNI_TONES.items():
            seq[single + mark] = _nfc(uni + tone)
        for mark, tone in _VNI_TONES_UP.items():
            seq[single.upper() + mark] = _nfc(uni.upper() + tone)
    # i and y: VNI writes toned i as one byte; "y" + tone follows the rule above except ỵ
    for k in [k for k in seq if k[0] in "iI"]:
        del seq[k]
    seq.pop("yï", None)
    seq.pop("YÏ", None)
    seq.update(_VNI_SINGLE)
    return seq


VNI_DECODE = _build_vni()
VNI_ENCODE = {uni: vni for vni, uni in VNI_DECODE.items()}
_VNI_RX = re.compile("|".join(re.escape(k) for k in sorted(VNI_DECODE, key=len, reverse=True)))


# ------------------------------------------------------------------ decode / encode

def decode_tcvn3(data: bytes) -> str:
    """TCVN3 (ABC) bytes to Unicode (NFC), capitals restored from the word around them."""
    return restore_case("".join(TCVN3_DECODE[b] for b in data))


def decode_vni(data: bytes) -> str:
    """VNI-Windows bytes to Unicode (NFC)."""
    return vni_from_cp1252(data.decode("latin-1").translate(_LATIN1_TO_CP1252))


def vni_from_cp1252(text: str) -> str:
    return _VNI_RX.sub(lambda m: VNI_DECODE[m.group(0)], text)


_LATIN1_TO_CP1252 = {b: _cp1252_char(b) for b in range(0x80, 0xA0)}


def decode_cp1258(data: bytes) -> str:
    """Windows-1258 bytes to Unicode (tones stay combining marks; normalise composes them)."""
    return data.decode("cp1258")


def encode_tcvn3(text: str) -> bytes:
    """Unicode to TCVN3 (capital toned letters become lower case, as the encoding has no codes for them)."""
    out = bytearray()
    for ch in _nfc(text):
        b = TCVN3_ENCODE.get(ch)
        if b is None:
            b = TCVN3_ENCODE.get(ch.lower())
        if b is None:
            b = _cp1252_bytes(ch)
        out += b
    return bytes(out)


def encode_vni(text: str) -> bytes:
    out = []
    for ch in _nfc(text):
        out.append(VNI_ENCODE.get(ch, ch))
    return "".join(out).encode("cp1252", errors="replace")


def encode_cp1258(text: str) -> bytes:
    """Unicode to Windows-1258 (decomposed where the code page has no precomposed letter)."""
    out = bytearray()
    for ch in _nfc(text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in d if c in _TONE_SET)
            base = _nfc("".join(c for c in d if c not in _TONE_SET))
            out += (base + tones).encode("cp1258", errors="replace")
    return bytes(out)


def _cp1252_bytes(ch: str) -> bytes:
    try:
        return ch.encode("cp1252")
    except UnicodeEncodeError:
        return b"?"


# ------------------------------------------------------------------ case restoration

_WORD = re.compile(r"[^\W\d_]+")


def restore_case(text: str) -> str:
    """TCVN3 has no toned capitals: "KÕT QU¶" decodes to "KếT QUả"; make such words upper case.

    A word whose other letters are upper case (two or more of them) becomes upper case;
    a word with fewer ("Tổ", "ở") does when the words on both sides are upper case;
    a lower-case toned word that starts a sentence or line gets its capital back."""
    words = list(_WORD.finditer(text))
    if not words:
        return text
    state = []
    for m in words:
        w = m.group(0)
        fixable = [c for c in w if c.islower() and c not in _LOWER_WITH_CAPITAL]
        rest = [c for c in w if c.isupper() or c in _LOWER_WITH_CAPITAL]
        rest_upper = all(c.isupper() for c in rest)
        if fixable and rest_upper:
            state.append("strong" if len(rest) >= 2 else "weak")
        elif rest and rest_upper and len(rest) >= 2:
            state.append("upper")
        else:
            state.append("other")
    chars = list(text)
    for k, (m, st) in enumerate(zip(words, state)):
        up = st == "strong"
        if st == "weak" and m.group(0)[0].islower():
            # a sentence or line starts with a capital: "ứng" after ". " is "Ứng"
            before = text[max(0, m.start() - 3):m.start()].rstrip(" \t")
            if m.start() == 0 or before.endswith(("\n", ".", "!", "?")) or not before:
                chars[m.start()] = chars[m.start()].upper()
                continue
        if st == "weak":
            near = [state[j] for j in (k - 1, k + 1) if 0 <= j < len(state)]
            up = all(x in ("upper", "strong") for x in near)
        if up:
            for i in range(m.start(), m.end()):
                chars[i] = chars[i].upper()
    return "".join(chars)


_LOWER_WITH_CAPITAL = set("abcdefghijklmnopqrstuvwxyzăâêôơưđ")


# ------------------------------------------------------------------ scoring

_TONE_SET = set(_TONE_MARKS)
_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
_NUCLEUS = r"[aăâeêioôơuưy]{1,3}"
_CODA = r"(?:ch|ng|nh|c|m|n|p|t)?"
_SYLLABLE = re.compile(rf"{_ONSET}{_NUCLEUS}{_CODA}")


def is_syllable(word: str) -> bool:
    """A well-formed Vietnamese syllable (any case; at most one tone mark)."""
    d = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in d if c in _TONE_SET)
    if tones > 1:
        return False
    bare = _nfc("".join(c for c in d if c not in _TONE_SET))
    return _SYLLABLE.fullmatch(bare) is not None


_SYLLABLE_CACHE: dict[str, bool] = {}


def vietnamese_score(text: str, limit: int = 200_000) -> tuple[float, int]:
    """(share of non-ASCII words that are Vietnamese syllables, number of such words)."""
    good = total = 0
    cache = _SYLLABLE_CACHE
    # each distinct word once (a text repeats its syllables): counted in C, judged once per word
    for w, n in Counter(_WORD.findall(_nfc(text[:limit]))).items():
        if w.isascii():
            continue
        total += n
        ok = cache.get(w)
        if ok is None:
            if len(cache) > 200_000:
                cache.clear()
            ok = cache[w] = is_syllable(w)
        if ok:
            good += n
    return (good / total if total else 0.0), total


# ------------------------------------------------------------------ detection

@dataclass
class Decoded:
    text: str
    encoding: str                     # utf-8, tcvn3, vni, windows-1258
    repaired: str | None = None       # mojibake kind repaired, if any
    repairs: int = 0
    first_repair: tuple[int, int] | None = None   # a span (in text) of a repaired stretch
    notes: list[str] = field(default_factory=list)


LEGACY = {"tcvn3": decode_tcvn3, "vni": decode_vni, "windows-1258": decode_cp1258}
ALIASES = {"tcvn3": "tcvn3", "abc": "tcvn3", "tcvn": "tcvn3", "vn3": "tcvn3",
           "vni": "vni", "vni-windows": "vni",
           "cp1258": "windows-1258", "windows-1258": "windows-1258", "1258": "windows-1258"}


def guess_legacy(data: bytes) -> tuple[str, str] | None:
    """The legacy encoding under which non-UTF-8 bytes read best as Vietnamese, or None."""
    best = None
    sample = data[:400_000]
    for name, dec in LEGACY.items():
        try:
            text = dec(sample)
        except UnicodeDecodeError:
            continue
        score, n = vietnamese_score(text)
        if n >= 10 and (best is None or score > best[0]):
            best = (score, name)
    if best is None or best[0] < 0.8:
        return None
    return best[1], LEGACY[best[1]](data)


# UTF-8 read as cp1252 (or latin-1): a lead byte character followed by continuation characters.
_CONT = "".join(_cp1252_char(b) for b in range(0x80, 0xC0)) + "".join(chr(b) for b in range(0x80, 0xA0))  # cp1252 or latin-1
_LEAD2 = "".join(_cp1252_char(b) for b in range(0xC2, 0xE0))
_LEAD3 = "".join(_cp1252_char(b) for b in range(0xE0, 0xF0))
_C = "[" + re.escape(_CONT) + "]"
_UTF8_MOJIBAKE = re.compile("[" + re.escape(_LEAD2) + "]" + _C + "|[" + re.escape(_LEAD3) + "]" + _C + _C)
_CP1252_BYTE = {chr(b): b for b in range(0x80, 0xA0)}  # latin-1 reading of 0x80-0x9F
_CP1252_BYTE.update({_cp1252_char(b): b for b in range(256)})


def _undo_utf8_as_cp1252(m: re.Match) -> str:
    s = m.group(0)
    try:
        fixed = bytes(_CP1252_BYTE[c] for c in s).decode("utf-8")
    except (UnicodeDecodeError, KeyError):
        return s
    return fixed


def repair_utf8_mojibake(text: str) -> tuple[str, int, tuple[int, int] | None]:
    """Undo UTF-8 read as cp1252/latin-1, sequence by sequence (twice for double mojibake)."""
    total = 0
    first = None
    for _ in range(2):
        matches = _UTF8_MOJIBAKE.findall(text)
        if len(matches) < 3:
            break
        new_parts = []
        last = 0
        n = 0
        for m in _UTF8_MOJIBAKE.finditer(text):
            rep = _undo_utf8_as_cp1252(m)
            if rep != m.group(0):
                n += 1
            new_parts.append(text[last:m.start()])
            new_parts.append(rep)
            last = m.end()
        new_parts.append(text[last:])
        candidate = "".join(new_parts)
        before, _nb = vietnamese_score(text)
        after, na = vietnamese_score(candidate)
        if n < 3 or na == 0 or after <= before:
            break
        text, total = candidate, total + n
    if total:
        # a span in the repaired text: the first Vietnamese non-ASCII word
        m = next((w for w in _WORD.finditer(text) if not w.group(0).isascii()), None)
        first = (m.start(), m.end()) if m else (0, 0)
    return text, total, first


_LEGACY_MOJIBAKE_CHARS = set("µ¶·¸¹»¼½¾ÆÇÈÉËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ¡¢£¤¥¦§¨©ª«¬®")


# Vietnamese letters outside Latin-1 and cp1252: a text decoded from legacy bytes through cp1252 has none
_UNICODE_ONLY_RX = re.compile("[ăđơưĩũĂĐƠƯĨŨ\u0300-\u0323\u1ea0-\u1ef9]")
_NOT_VIETNAMESE_RX = re.compile("[" + re.escape("".join(sorted(_LEGACY_MOJIBAKE_CHARS - set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")))) + "]")
_LEGACY_MOJIBAKE_RX = re.compile("[" + re.escape("".join(sorted(_LEGACY_MOJIBAKE_CHARS))) + "]")


def _has_legacy_mojibake_chars(text: str, n: int) -> bool:
    """At least ``n`` characters of ``_LEGACY_MOJIBAKE_CHARS`` in ``text`` (stops at the n-th).
    (Not narrowed to the characters no Vietnamese letter is: TCVN3 and VNI write many tones with
    letters Vietnamese also uses, "á", "õ", "ù", so a short text would no longer be repaired.)"""
    for i, _ in enumerate(_LEGACY_MOJIBAKE_RX.finditer(text), 1):
        if i >= n:
            return True
    return False


def repair_legacy_mojibake(text: str) -> tuple[str, str | None, int]:
    """TCVN3 or VNI bytes saved as UTF-8 through cp1252: re-read the whole text that way if
    it then reads as Vietnamese (and did not before)."""
    head = text[:200_000]
    if not _has_legacy_mojibake_chars(head, 5):
        return text, None, 0
    if len(_UNICODE_ONLY_RX.findall(head)) >= max(20, 50 * len(_NOT_VIETNAMESE_RX.findall(head))):
        # Vietnamese written in Unicode, with no need to score its words: letters and marks no cp1252
        # byte decodes to ("ạ", "ơ", "đ", a combining tone) outnumber fifty to one the mojibake
        # characters that are no Vietnamese letter ("µ", "¸", "Ò"); a text read from legacy bytes has none
        return text, None, 0
    before, nb = vietnamese_score(text)
    if before >= 0.8:
        return text, None, 0
    best = (before, None, text)
    # TCVN3: each cp1252 character back to its byte, then the TCVN3 letter
    tc = restore_case("".join(TCVN3_DECODE[_CP1252_BYTE[c]] if c in _CP1252_BYTE and ord(c) >= 0x80 else c for c in text))
    vn = vni_from_cp1252(text)
    for name, cand in (("tcvn3", tc), ("vni", vn)):
        score, n = vietnamese_score(cand)
        if n >= 3 and score > best[0] + 0.2 and score >= 0.7:
            best = (score, name, cand)
    if best[1] is None:
        return text, None, 0
    return best[2], best[1], sum(1 for c in text if c in _LEGACY_MOJIBAKE_CHARS)


def first_word_span(text: str) -> tuple[int, int]:
    """A span to point a warning at: the first non-ASCII word (else the first word)."""
    m = next((w for w in _WORD.finditer(text[:100_000]) if not w.group(0).isascii()), None) or _WORD.search(text)
    return (m.start(), m.end()) if m else (0, 0)
