"""Regressions found by benchmarks/floods.py and benchmarks/fuzz.py: floods of one phrase that made a
stage quadratic. The speed itself is measured by those scripts; these tests pin the behaviour the
linear rewrites must keep (same answers as the rescanning code they replaced)."""
from __future__ import annotations

import random
import re

import pytest

from pipeline import extract
from pipeline.stages.targets import _label_before
from pipeline.text.tokenise import sentence_starts

_LABEL_RX = re.compile(r"([^:;.\n]{3,160}):\s*$")


@pytest.mark.parametrize("before", [
    "2. Thu nhập bình quân đầu người/năm đến năm 2025: ",
    "Tỷ lệ hộ nghèo:\n",
    "a: ",                       # too short a label
    "Tổng thu ngân sách; GRDP: ",  # the label stops at ';'
    "x" * 300 + ": ",            # a run longer than 160: the last 160 characters
    "không có dấu hai chấm",
    "",
])
def test_label_before_reads_the_label_the_old_pattern_read(before):
    m = _LABEL_RX.search(before)
    assert _label_before(before) == (m.group(1) if m else None)


def test_label_before_agrees_with_the_old_pattern_on_random_strings():
    rng = random.Random(5)
    alpha = "ab :;.\n\t" + "chỉ tiêu " * 5 + "\u00a0"
    for _ in range(20000):
        s = "".join(rng.choice(alpha) for _ in range(rng.randint(0, 260)))
        m = _LABEL_RX.search(s)
        assert _label_before(s) == (m.group(1) if m else None), repr(s)


def test_bug_dot_flood_sentence_ends_still_found_after_a_run_of_marks():
    # the sentence-end pattern starts at the first mark of a run (a run of dots was tried once per dot)
    text = "Mở đầu" + "." * 5000 + " Câu sau. Câu cuối!! Hết"
    starts = sentence_starts(text, wrapped=False)
    assert [text[s:s + 4] for s in starts] == ["Mở đ", "Câu ", "Câu ", "Hết"]


def test_bug_document_number_chain_still_excluded_from_quantities():
    # "31/2/2025" x N made the document-number pattern rescan the chain from every slash
    doc = extract("Căn cứ Nghị quyết số 12/2025/NQ-HĐND, thu ngân sách đạt 1.250 tỷ đồng.")
    values = [q.value for q in doc.results] + [q.value for q in doc.targets]
    assert 12 not in values and 2025 not in values


def test_bug_dense_sentence_every_figure_still_read():
    # a "sentence" of more figures than any real one (the most in 16,000 texts: 242) is read with
    # a short reach: every figure is still there, read as in a short sentence
    short = extract("Năm 2024, " + "doanh thu đạt 13%, " * 3 + "hết.")
    dense = extract("Năm 2024, " + "doanh thu đạt 13%, " * 400 + "hết.")
    assert len(short.results) == 3 and len(dense.results) == 400
    assert {(q.value, q.unit, q.indicator) for q in dense.results} == {(13.0, "%", "doanh thu")}
