"""Speed work (issue 13) that must not change behaviour: the fast JSON writer writes the standard
library's bytes, rewritten patterns find the same matches, and texts that were quadratic (runs of
blank lines, lines of spaces) or over the old 500,000-character limit are processed."""
from __future__ import annotations

import glob
import json
import os
import random
import re
import struct
import subprocess
import sys

import pytest

from pipeline import extract, extract_file, to_json
from pipeline.extract import dump_json, dump_line
from pipeline.rules import load_rules
from pipeline.text.patterns import alternation, finditer, word_start_alternation

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = sorted(glob.glob(os.path.join(ROOT, "samples", "*.txt")))


def _stdlib(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _random_value(rng: random.Random, depth: int = 0):
    r = rng.random()
    if depth > 3 or r < 0.55:
        return rng.choice([
            None, True, False, rng.randint(-10**6, 10**6), rng.randint(-2**70, 2**70),
            "Đại hội \"XIV\"\n\t\x01\\ e-Government 0.00001 \u2028 ✓",
            struct.unpack("d", struct.pack("Q", rng.getrandbits(64)))[0],
            rng.random() * 10 ** rng.randint(-9, 22), 1e-05, 1.5e-07, 1e16, 0.1 + 0.2, -0.0,
        ])
    if r < 0.8:
        return [_random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {f"k{i}ế": _random_value(rng, depth + 1) for i in range(rng.randint(0, 4))}


def test_json_writer_writes_the_standard_librarys_bytes():
    rng = random.Random(13)
    checked = 0
    for _ in range(3000):
        data = {"a": _random_value(rng)}
        ref = _stdlib(data)
        if "NaN" in ref or "Infinity" in ref:
            continue  # not JSON; model_dump(mode="json") never holds them
        assert dump_json(data) == ref
        assert dump_line(data) == json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
        checked += 1
    assert checked > 2500


@pytest.mark.parametrize("path", SAMPLES, ids=os.path.basename)
def test_to_json_of_the_samples_is_the_standard_librarys(path):
    doc = extract_file(path)
    assert to_json(doc) == _stdlib(doc.model_dump(mode="json"))


def test_jsonl_lines_are_written_by_the_workers_as_before(tmp_path):
    """--jsonl lines (now serialised in the worker) are the compact form of the documents -o writes."""
    src = SAMPLES[:3]
    out = tmp_path / "out"
    lines = tmp_path / "all.jsonl"
    for extra in (["-o", str(out)], ["--jsonl", str(lines), "--jobs", "2"]):
        r = subprocess.run([sys.executable, "-m", "pipeline", "extract", *src, *extra, "--no-progress"],
                           capture_output=True, text=True, cwd=ROOT)
        assert r.returncode == 0, r.stderr
    got = lines.read_text(encoding="utf-8").splitlines(keepends=True)
    want = []
    for p in src:
        pretty = (out / (os.path.splitext(os.path.basename(p))[0] + ".json")).read_text(encoding="utf-8")
        want.append(json.dumps(json.loads(pretty), ensure_ascii=False, separators=(",", ":")) + "\n")
    assert got == want


def test_line_start_patterns_find_what_finditer_finds():
    pats = [r"(?m)^[|*\s]*[A-ZĐÀ-Ỹ][^,\n]{1,30},\s*(?=ngày)", r"(?m)^\s*ab", r"(?m)^[ a]*?b\n?", r"(?m)^ *x|y",
            r"(?im)^[\sx]*[A-Z]+:", r"(?m)^\n*a", r"(?m)^[^a]*a", r"\s*x"]
    pieces = ["\n", " ", "|", "*", "H", "à", ",", " ngày", "a", "b", "x", "X:", "Hà Nội, ", "\n\n"]
    rng = random.Random(5)
    for _ in range(6000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        a = rng.randint(0, len(t))
        b = rng.randint(a, len(t))
        for p in pats:
            rx = re.compile(p)
            assert [m.span() for m in finditer(rx, t, a, b)] == [m.span() for m in rx.finditer(t, a, b)], (p, t, a, b)


def test_word_start_alternation_matches_like_the_lookbehind_form():
    surnames = load_rules()["people"]["surnames"]
    old = re.compile(r"(?<![^\W\d_])(?:" + alternation(surnames) + r")(?=[ \t\n]+[^\W\d_])")
    new = re.compile(word_start_alternation(surnames) + r"(?=[ \t\n]+[^\W\d_])")
    pieces = list(surnames)[:40] + ["a", "x", " ", "\n", "Văn", "1", "_", "ồ", "\t", "  ", "Nguyễn Văn"]
    rng = random.Random(4)
    for _ in range(5000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert [m.span() for m in old.finditer(t)] == [m.span() for m in new.finditer(t)], t


def test_delegate_dimensions_as_finditer_finds_them():
    from pipeline.stages.delegates import DelegateRules

    dr = load_rules().compiled("delegates", DelegateRules)
    pieces = ["Về giới tính:", "giới tính :", "về độ tuổi:", "(1) tuổi đời:", "(2)", "-", " - ", "\n", "\n\n", "  ",
              ".", ";", "(", "Về ", "học vấn", ":", "trình độ học vấn:", "x", "Nam", "\t", "-\n", "\n-", "VỀ GIỚI TÍNH:"]
    rng = random.Random(0)
    for _ in range(5000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 25)))
        ref = sorted((m.start("dim"), dr.dims[m.group("dim").lower()]) for m in dr.dim_rx.finditer(t))
        assert dr.find_dims(t) == ref, t


def test_not_quantity_patterns_with_the_shared_word_boundary_find_the_same_spans():
    from pipeline.stages.numbers import finder

    f = finder(load_rules())
    q = load_rules()["quantities"]["not_quantities"]
    branches = []
    for i, x in enumerate(q):
        pat, flags = x["pattern"], ""
        m = re.match(r"\(\?([aimsux]+)\)", pat)
        if m:
            pat, flags = pat[m.end():], m.group(1)
        branches.append(f"(?P<q{i}>(?{flags}:{pat}))" if flags else f"(?P<q{i}>(?:{pat}))")
    plain = re.compile("|".join(branches))
    assert plain.pattern != f.not_q_all.pattern
    for path in SAMPLES:
        text = open(path, encoding="utf-8").read()
        assert [(m.span(), m.lastgroup) for m in plain.finditer(text)] == [(m.span(), m.lastgroup) for m in f.not_q_all.finditer(text)]


def test_ignorecase_fold_keeps_length_and_what_re_I_takes_for_each_character():
    from pipeline.text.patterns import ignorecase_fold

    word = re.compile(r"\w")
    for c in [*range(0x250), *range(0x370, 0x400), *range(0x1E00, 0x1F00), 0x130, 0x17F, 0x131, 0x212A, 0x3A3, 0x345, 0x1FBE]:
        ch = chr(c)
        f = ignorecase_fold(ch)
        assert len(f) == 1 and re.fullmatch(re.escape(ch), f, re.I) and ignorecase_fold(f) == f, hex(c)
        assert word.match(ch) or not word.match(f), hex(c)  # no word character where the text had none
    assert ignorecase_fold("İSTANBUL ĐẶT MỤC TIÊU") == "istanbul đặt mục tiêu"


def test_aspect_cues_found_by_the_phrase_scan_are_what_finditer_finds():
    """The aspect pattern of targets is matched only where its folded scan proposes a phrase start
    (issue 13): the same matches, groups and spans as ``finditer`` on windows of real and mangled text."""
    from pipeline.stages.targets import TargetRules

    tr = load_rules().compiled("targets", TargetRules)
    rng = random.Random(5)
    for path in SAMPLES:
        text = open(path, encoding="utf-8").read()
        assert [(m.span(), m.lastgroup) for m in tr.aspect.finditer(text)] == [(m.span(), m.lastgroup) for m in tr.aspect_scan.finditer(text)]
        for _ in range(50):
            a = rng.randrange(len(text) + 1)
            b = rng.randrange(a, len(text) + 1)
            assert [m.span() for m in tr.aspect.finditer(text, a, b)] == [m.span() for m in tr.aspect_scan.finditer(text, a, b)]
    pieces = "đã|đạt được|kế hoạch|mục tiêu|phấn đấu|đến năm|ước tính|sẽ|thực hiện|Bộ Kế hoạch|ĐẠT ĐưỢC|%|dự toán| |\n|x|5|,|ſ|İ".split("|")
    for _ in range(5000):
        t = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 12)))
        t = "".join(c.upper() if rng.random() < 0.2 else c for c in t)
        a = rng.randrange(len(t) + 1)
        b = rng.randrange(a, len(t) + 1)
        assert [(m.span(), m.lastgroup) for m in tr.aspect.finditer(t, a, b)] == [(m.span(), m.lastgroup) for m in tr.aspect_scan.finditer(t, a, b)], (t, a, b)


def test_capitalised_runs_visit_capitalised_words_as_the_word_scan_did():
    """Foreign-name runs from a scan of capitalised words only (issue 13) are the runs of the scan of
    every word: a lower-case word or a capital inside a word ("abcDef", "x3Abc") ends a run."""
    from pipeline.stages import officials

    word = re.compile(officials._UPPER_WORD)

    def every_word(text):
        run = []
        for w in word.finditer(text):
            if w.group(0)[0].isupper() and (not run or text[run[-1].end():w.start()] in (" ", "\t")):
                run.append(w)
                continue
            if len(run) >= 2:
                yield run
            run = [w] if w.group(0)[0].isupper() else []
        if len(run) >= 2:
            yield run

    def spans(runs):
        return [[w.span() for w in r] for r in runs]

    assert spans(officials._capitalised_runs("Ông Donald Trump abcDef Ghi Jk")) == [[(0, 3), (4, 10), (11, 16)], [(24, 27), (28, 30)]]
    rng = random.Random(6)
    alphabet = "Aa Bb_3-'’\t\nĐđ²ǄǅxYz ÂẤ𝐀𝐚."
    for _ in range(20000):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        assert spans(officials._capitalised_runs(t)) == spans(every_word(t)), t
    for path in SAMPLES:
        text = open(path, encoding="utf-8").read()
        assert spans(officials._capitalised_runs(text)) == spans(every_word(text))


def test_number_pattern_with_its_first_digit_in_front_matches_the_plain_form():
    from pipeline.stages.numbers import NUMBER

    plain = re.compile(r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?: \d{3})+(?![\d,.])|\d{1,3}(?:,\d{3}){2,}|\d+\.\d{1,2}(?![\d.])|\d+(?:,\d+)?)")
    fast = re.compile(NUMBER)
    rng = random.Random(7)
    for _ in range(30000):
        t = "".join(rng.choice("0123456789., %a") for _ in range(rng.randint(1, 14)))
        for p in range(len(t)):
            a, b = plain.match(t, p), fast.match(t, p)
            assert (a and a.group()) == (b and b.group()), (t, p)


@pytest.mark.parametrize("text", [
    "Mở đầu.\n" + "\n" * 200_000 + "Kết thúc.\n",                 # 200,000 blank lines
    "Mở đầu.\n" + (" " * 100 + "\n") * 2_000 + "Kết thúc.\n",     # lines of spaces
    "Hà Nội, ngày 1 tháng 2 năm 2025\n" + "Đại hội có 445 đại biểu (bằng 99,8%).\n" * 16_000,  # over the old limit
], ids=["blank-lines", "space-lines", "600k-chars"])
def test_long_and_blank_texts_are_processed(text):
    doc = extract(text)
    assert doc.source.chars == len(text)


def test_not_quantity_scan_by_first_character_finds_what_finditer_finds():
    """The not-quantity patterns tried only where some branch can start (numbers.FirstCharScan, issue
    31): the same spans and lastgroup as finditer of the whole alternation, on windows of real and
    mangled text."""
    from pipeline.stages.numbers import finder

    f = finder(load_rules())
    assert f.not_q_scan is not None
    rng = random.Random(31)
    for path in SAMPLES:
        text = open(path, encoding="utf-8").read()
        assert [(m.span(), m.lastgroup) for m in f.not_q_all.finditer(text)] == [(m.span(), m.lastgroup) for m in f.not_q_scan.finditer(text, 0, len(text))]
    pieces = ["năm", "Năm", "NĂM", " ", "\n", "2025", "12", "/", "-", "–", "(", ")", "tháng", "ngày", "Quý", "quý", "II", "khóa",
              "XIII", "Nghị quyết", "số", "QĐ", "UBND", "a", "x3", "h", "%", ".", ",", ";", ":", "\t", "*", "#", "Đại hội", "đợt",
              "9/9", "İ", "K", "ſ", "từ", "đến", "١٢", "_"]
    for _ in range(20000):
        t = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 14)))
        a = rng.randrange(len(t) + 1)
        b = rng.randrange(a, len(t) + 1)
        assert [(m.span(), m.lastgroup) for m in f.not_q_all.finditer(t, a, b)] == [(m.span(), m.lastgroup) for m in f.not_q_scan.finditer(t, a, b)], (t, a, b)


def test_check_scans_find_what_finditer_finds():
    """The announced-count claims and reversed terms of the checks are matched only where a folded scan
    proposes a start (issue 31): the same matches as finditer."""
    from pipeline.stages import checks as C

    cr = load_rules().compiled("checks", C.CheckRules)

    def same(t, b):
        f = C._folded(t)
        props = sorted({c.start() for c in cr.claim_words.finditer(f)} | {c.start() for c in cr.claim_digits.finditer(f)})
        assert [(m.span(), m.groupdict()) for m in cr.claim.finditer(t)] == [(m.span(), m.groupdict()) for m in C._matches_at(cr.claim, t, props, len(t))], t
        terms = (c.start() for c in C._TERM_SCAN.finditer(f, 0, b))
        assert [(m.span(), m.groupdict()) for m in C._TERM.finditer(t, 0, b)] == [(m.span(), m.groupdict()) for m in C._matches_at(C._TERM, t, terms, b)], (t, b)

    for path in SAMPLES:
        text = open(path, encoding="utf-8").read()
        same(text, len(text))
    pieces = ["Nhiệm kỳ", "NHIỆM KỲ", "nhiệm kỳ", "Giai đoạn", "khoá", "KHÓA", " ", "  ", "\n", "2020", "2025", "1999", "-", "–",
              "hai", "Hai", "HAI", "mười hai", "MƯỜI HAI", "nhóm", "NHÓM", "nhiệm vụ", "Nhiệm Vụ", "3", "12", "١٢", "x", "/", ".",
              ",", ":", "sau đây", "như sau", "a", "İ", "ſ", "K", "ba", "BA"]
    rng = random.Random(32)
    for _ in range(20000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        same(t, rng.randint(0, len(t)))


def test_furniture_literal_test_on_folded_text_is_the_regex_search():
    """The inline furniture patterns run only when their required literal is in the text, tested on
    ignorecase_fold of both (issue 31): the same answer as the case-insensitive regex search."""
    from pipeline.text.normalise import FurnitureFinder, _blank
    from pipeline.text.patterns import ignorecase_fold

    ff = load_rules().compiled("furniture", FurnitureFinder)
    needs = [n for n in ff.inline_needs if n is not None]
    assert needs
    pieces = [ff._needs_folded[n.pattern] for n in needs] + ["İ", "ı", "ſ", "K", "x", " ", "\n", "Ứ", "ứ"]
    rng = random.Random(33)
    for _ in range(20000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 5)))
        t = "".join(c.upper() if rng.random() < 0.3 else c for c in t)
        f = ignorecase_fold(t)
        assert [n.search(t) is not None for n in needs] == [ff._needs_folded[n.pattern] in f for n in needs], t
    for _ in range(5000):
        t = "".join(rng.choice("ab\n \t") for _ in range(rng.randint(0, 30)))
        cuts = sorted(rng.sample(range(len(t) + 1), min(len(t) + 1, 2 * rng.randint(0, 3))))
        spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
        spans = [(a, b) for k, (a, b) in enumerate(spans) if k == 0 or a > spans[k - 1][1]]
        assert _blank(t, spans) == "".join(" " if any(a <= k < b for a, b in spans) and c != "\n" else c for k, c in enumerate(t))


def test_grouped_alternation_matches_like_the_plain_one():
    """The quantity vocabularies grouped by first character (issue 31) match as ``alternation`` does,
    with re.I, at every position, with and without a word end after them (backtracking)."""
    from pipeline.stages.numbers import _grouped_alternation

    q = load_rules()["quantities"]
    rng = random.Random(34)
    for words in (q["units"], q["magnitudes"], q["per"], q["comparators_after"], q["comparators_before"]):
        words = [w.lower() for w in words]
        for tail in ("", r"(?![^\W_])", r"\s*\d"):
            plain = re.compile(f"(?:{alternation(words)}){tail}", re.I)
            grouped = re.compile(f"(?:{_grouped_alternation(words)}){tail}", re.I)
            pieces = words + [" ", "\n", "1", "x", "İ", "ſ", "K", "-"]
            for _ in range(1500):
                t = "".join(rng.choice(pieces) + rng.choice(["", " ", "  "]) for _ in range(rng.randint(0, 5)))
                t = "".join(c.upper() if rng.random() < 0.2 else c for c in t)
                for p in range(len(t) + 1):
                    a, b = plain.match(t, p), grouped.match(t, p)
                    assert (a and a.span()) == (b and b.span()), (t, p, tail)


def test_hard_tail_search_after_line_breaks_is_the_line_start_search():
    """The hard tail markers searched after line breaks (issue 31) are found where the ``^`` pattern's
    search finds them."""
    from pipeline.text.normalise import FurnitureFinder

    ff = load_rules().compiled("furniture", FurnitureFinder)
    pieces = ["## Chú thích", "# Xem thêm", "#### Ghi chú", "Quý khách cần hỏi thêm thông tin", "QUÝ KHÁCH CẦN HỎI THÊM THÔNG TIN x",
              "Download dự thảo: a", "\n", "\n\n", " ", "\t", "*", "x", "  ", "**"]
    rng = random.Random(35)
    for _ in range(20000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        h = ff.hard.search(t)
        assert ff._hard_search(t) == (h.start() if h else None), t


def test_texts_without_a_29th_30th_or_31st_have_no_impossible_date():
    """The checks read a text for dates without an event only when it has a day on which a date of the
    grammar can be impossible (issue 31): no impossible date is missed."""
    from datetime import date

    from pipeline.stages.checks import _DAY_29_31
    from pipeline.stages.dates import find_dates

    def impossible(t, b):
        out = []
        for m in find_dates(t, 0, b):
            if m.year is not None:
                try:
                    date(m.year, m.month, m.day)
                except ValueError:
                    out.append(m)
        return out

    rng = random.Random(36)
    days = ["29", "30", "31", "2٩", "2۹", "28", "1", "09", "3", "٣٠", "3٠"]
    months = ["2", "02", "4", "6", "9", "11", "12", "1", "٢"]
    found = 0
    for _ in range(20000):
        parts = []
        for _ in range(rng.randint(1, 3)):
            d, mo, sep = rng.choice(days), rng.choice(months), rng.choice(["/", "-", ".", " tháng "])
            y = rng.choice(["2024", "2023", "1999", "2100", "20٢٤"])
            yr = (sep if sep != " tháng " else rng.choice([" năm ", ", năm "])) + y
            parts.append(rng.choice(["", "ngày ", "Ngày ", "(", "x", "/", " ", "sáng nay ("]) + d + sep + mo + rng.choice([yr, ""])
                         + rng.choice([")", " ", ".", ""]))
        t = rng.choice(["", " "]).join(parts)
        b = rng.randint(0, len(t))
        imp = impossible(t, b)
        found += bool(imp)
        assert _DAY_29_31.search(t, 0, b) is not None or not imp, (t, b)
    assert found > 100
