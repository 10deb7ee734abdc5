"""Hostile and legacy input: BOMs, lone surrogates, control characters, long numbers, size limit,
TCVN3 / VNI / Windows-1258 bytes and mojibake, and a seeded fuzz run over the samples."""
import glob
import os
import random
import sys
import unicodedata

import pytest

from conftest import ROOT, SAMPLES, SEED
from pipeline import extract, extract_bytes, extract_file
from pipeline.errors import InputError
from pipeline.text import legacy
from pipeline.text.load import MAX_BYTES, MAX_CHARS, MAX_DIGITS

REPORT = "I. KẾT QUẢ\n1. Số đại biểu có mặt: 445 đại biểu (bằng 99,8%).\n"


def _pct(doc):
    return [(p.text, p.span.start, p.span.end) for p in doc.percentages]


@pytest.mark.parametrize("boms", [1, 2, 5])
def test_any_number_of_boms_leaves_spans_exact(boms):
    plain = extract(REPORT)
    assert _pct(extract_bytes(b"\xef\xbb\xbf" * boms + REPORT.encode())) == _pct(plain)
    assert _pct(extract("\ufeff" * boms + REPORT)) == _pct(plain)
    assert plain.percentages[0].text == "99,8%"


def test_a_bom_inside_the_text_keeps_offsets():
    text = "Giới thiệu\ufeff chung.\n" + REPORT
    doc = extract(text)
    for p in doc.percentages:
        assert text[p.span.start:p.span.end] == p.text


def test_lone_surrogates_are_a_clear_input_error():
    with pytest.raises(InputError, match="lone surrogate U\\+DC80 at character 9"):
        extract("Xin chào \udc80")
    with pytest.raises(InputError, match="not valid UTF-8"):
        extract_bytes("Xin chào ".encode() + b"\xed\xb2\x80")  # an encoded surrogate is not UTF-8


@pytest.mark.parametrize("number", ["9" * 309, "1/" + "4" * 400, "1" * 5000, "9." * 200 + "9"])
def test_numbers_beyond_the_digit_limit_are_an_input_error(number):
    with pytest.raises(InputError, match=f"limit {MAX_DIGITS} digits in one number"):
        extract(f"Doanh thu đạt {number} đồng.")


def test_numbers_up_to_the_digit_limit_are_processed():
    doc = extract(f"Doanh thu đạt {'9' * MAX_DIGITS} đồng. Tỷ lệ 1/{'4' * MAX_DIGITS} đạt.")
    assert doc.source.chars > 2 * MAX_DIGITS


def test_size_limit_is_an_input_error_and_spacy_is_not_the_limit():
    from pipeline.text.tokenise import get_nlp

    assert get_nlp().max_length > MAX_CHARS
    with pytest.raises(InputError, match=f"too long .*limit {MAX_CHARS}"):
        extract("a" * (MAX_CHARS + 1))
    with pytest.raises(InputError, match="too large"):
        extract_bytes(b"a" * (MAX_BYTES + 1))


def test_control_characters():
    doc = extract("I. KẾT QUẢ\x1b\n1. Số đại biểu\x7f có mặt: 445 đại biểu (bằng 99,8%).\x85\n")
    assert [p.text for p in doc.percentages] == ["99,8%"]
    with pytest.raises(InputError, match="NUL"):
        extract("Xin\x00 chào")
    with pytest.raises(InputError, match="binary"):
        extract("Xin chào " + "\x01\x02\x03" * 5)


# ------------------------------------------------------------------ legacy encodings

def _texts():
    return sorted(glob.glob(os.path.join(SAMPLES, "*.txt")))


def _summary(doc):
    """What an extraction says, independent of offsets and of letter case lost by TCVN3."""
    low = lambda s: unicodedata.normalize("NFC", s).lower()  # noqa: E731
    return {
        "percentages": [(p.value, p.count, p.base) for p in doc.percentages],
        "targets": [(t.value, t.unit, t.comparator, low(t.text)) for t in doc.targets],
        "results": [(t.value, t.unit, low(t.text)) for t in doc.results],
        "officials": sorted(low(o.name) for o in doc.officials),
        "delegates": [(b.dimension, b.count, b.percent) for b in doc.delegates.breakdowns],
    }


@pytest.mark.parametrize("path", _texts(), ids=os.path.basename)
@pytest.mark.parametrize("encoding", ["vni", "windows-1258"])
def test_vni_and_cp1258_give_the_same_extraction_as_utf8(path, encoding):
    text = open(path, encoding="utf-8-sig").read()
    data = legacy.encode_vni(text) if encoding == "vni" else legacy.encode_cp1258(text)
    doc = extract_bytes(data, source=path)  # detected
    expected = unicodedata.normalize("NFC", text)
    # letters outside Vietnamese may have no code
    expected = expected.replace("Ƕ", "?")
    if encoding == "vni":
        expected = expected.replace("ǜ", "?")
    assert unicodedata.normalize("NFC", doc_text(data)) == expected
    assert _summary(doc) == _summary(extract_file(path))
    assert any(w.code == "legacy_encoding" for w in doc.warnings)
    assert _summary(extract_bytes(data, encoding=encoding)) == _summary(doc)


def doc_text(data):
    from pipeline.text.load import decode
    return decode(data).text


@pytest.mark.parametrize("path", _texts(), ids=os.path.basename)
def test_tcvn3_gives_the_same_extraction_as_utf8(path):
    text = open(path, encoding="utf-8-sig").read()
    data = legacy.encode_tcvn3(text)
    doc = extract_bytes(data, source=path)
    ref = extract_file(path)
    s, r = _summary(doc), _summary(ref)
    # TCVN3 has no toned capitals: a few capitals are guessed back from the words around them
    for key in ("percentages", "targets", "results", "delegates"):
        assert s[key] == r[key], key
    assert len(set(s["officials"]) ^ set(r["officials"])) <= 2
    assert [sec.id for sec in doc.sections] == [sec.id for sec in ref.sections]


def test_tcvn3_and_vni_tables_round_trip_every_vietnamese_letter():
    letters = [c for c in map(chr, range(0xC0, 0x1EFA)) if legacy.is_syllable(c) or c in "đĐ"]
    lower = "".join(sorted({c.lower() for c in letters if unicodedata.normalize("NFD", c)[0].lower() in "aeiouy"} | {"đ"}))
    assert len(lower) >= 67  # 12 vowels x 5 tones + ă â ê ô ơ ư đ
    assert legacy.decode_tcvn3(legacy.encode_tcvn3(lower)) == lower
    both = lower + lower.upper()
    assert legacy.decode_vni(legacy.encode_vni(both)) == both
    assert unicodedata.normalize("NFC", legacy.decode_cp1258(legacy.encode_cp1258(both))) == both
    assert legacy.decode_tcvn3(legacy.encode_tcvn3("KẾT QUẢ ĐẠI HỘI")) == "KẾT QUẢ ĐẠI HỘI"


def test_encoding_option_and_unrecognised_bytes():
    with pytest.raises(InputError, match="unknown encoding"):
        extract_bytes(b"abc", encoding="klingon")
    with pytest.raises(InputError, match="--encoding"):
        extract_bytes("Hội nghị".encode("utf-8") + b"\xe9\xe8")


@pytest.mark.parametrize("kind", ["utf8-as-cp1252", "utf8-as-latin1", "tcvn3-as-cp1252", "vni-as-cp1252"])
def test_mojibake_is_repaired_and_reported(kind):
    text = open(SEED, encoding="utf-8").read()[:6000]
    if kind == "utf8-as-cp1252":  # as browsers do: bytes that cp1252 leaves undefined read as latin-1
        bad = "".join(legacy._cp1252_char(b) for b in text.encode("utf-8"))
    elif kind == "utf8-as-latin1":
        bad = text.encode("utf-8").decode("latin-1")
    elif kind == "tcvn3-as-cp1252":
        bad = legacy.encode_tcvn3(text).decode("cp1252", errors="replace")
    else:
        bad = legacy.encode_vni(text).decode("cp1252", errors="replace")
    for doc in (extract(bad), extract_bytes(bad.encode("utf-8"))):
        codes = [w.code for w in doc.warnings]
        assert "mojibake_repaired" in codes
        w = doc.warnings[codes.index("mojibake_repaired")]
        assert w.severity == "warning" and "repaired" in w.message
        assert _summary(doc)["percentages"] == _summary(extract(text))["percentages"]


def test_clean_texts_are_not_taken_for_mojibake():
    for path in _texts():
        doc = extract_file(path)
        assert not [w for w in doc.warnings if w.code in ("mojibake_repaired", "legacy_encoding")]


# ------------------------------------------------------------------ fuzz

def test_fuzzed_inputs_never_crash_and_always_give_valid_output():
    """A seeded mutator over the samples (benchmarks/fuzz.py, bounded budget, no floods)."""
    sys.path.insert(0, os.path.join(ROOT, "benchmarks"))
    try:
        import fuzz
    finally:
        sys.path.pop(0)
    rng = random.Random(20251130)
    texts = fuzz._samples()
    results = {}
    bad = []
    for k in range(200):
        data, what = fuzz.mutate(rng, texts, gentle=True)
        res, dt, detail = fuzz.check_one((data, what))
        results[res] = results.get(res, 0) + 1
        if res not in ("ok", "input_error"):
            bad.append((k, what, res, detail))
    assert not bad, bad[:3]
    assert results.get("ok", 0) > 100


def test_regression_a_short_vni_text_read_as_windows_1252_is_still_repaired():
    """A speed change narrowed the legacy gate to characters no Vietnamese letter is; VNI and TCVN3
    write many tones with characters that are Vietnamese letters too ('ù', 'õ', 'á'), so short texts
    no longer reached the gate and were not repaired (found in review). It counts them all again."""
    from pipeline import extract
    d = extract("Thôøi gian thi hoïc boång: 9h ngaøy 1/10")
    assert any(w.code == "mojibake_repaired" for w in d.warnings)
    from pipeline.text.load import repair
    text, notes = repair("Thôøi gian thi hoïc boång: 9h ngaøy 1/10")
    assert text.startswith("Thời gian thi học bổng") and notes
