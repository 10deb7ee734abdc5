"""Per-stage cost on floods: a short real head followed by one phrase repeated N and 4N times.

    .venv/bin/python benchmarks/floods.py            # the phrases of benchmarks/fuzz.py and more
    .venv/bin/python benchmarks/floods.py -n 1000 --phrase '31/2/2025'

A linear stage costs about 4x at 4N; the table prints, per phrase, the slowest stage and its
ratio, and flags ratios over 6 (super-linear: a pattern that rescans, a search per item over
the whole document). Found so far: document numbers on "31/2/2025" x N (a rescan per slash).
"""
from __future__ import annotations

import argparse
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "benchmarks"))

EXTRA = ["31/2/2025", "1/", "12.", "1,5 ", "2025-", "1/2/", "9/NQ-", "Số 12/", "0", "12-", "1.1.", "1:", "ngày 1/",
         "1%", "1/1/1 ", "1.2,3", "ông Nguyễn Văn An, ", "Nguyễn ", "- ", "a) ", "1. ", "II. ", "chỉ tiêu ", "đến năm 2030 ",
         "đạt ", "(", "Đồng chí ", "Ủy viên ", "45,1%/", "tăng 5% so với năm 2020, ", "trong đó: ", "\n\n", "; ",
         "Về giới tính: 0% (tương ứng 7 xã)\n", "Riêng 5%. ", "Trong đó 5 tấn. ", "Điều 5 ", "Căn cứ Điều 5 quy định: ",
         "Đến dự có T.Ư ... ", "Văn Hóa ",
         # session 21 (review): a run-on clause of counts, formulas, one-word names after offices, lead-in lists
         "Hướng dẫn 12.500 hộ ", "b/a * 100% ", "Tổng thống Trump, ", "các chỉ tiêu như sau:\n\n(1) 100% số người;\n\n",
         "30 trường, sẽ ",
         # session 23 (review): one sentence of dates under a congress head (the event dates read each sentence once)
         "Đại hội họp ngày 5/9/2025, ", "chỉ đạt 5%, ", "Đó là ông Nguyễn Văn An - Bộ trưởng, ", "&amp;"]


def stage_times(text: str, rules) -> dict[str, float]:
    from pipeline.extract import make_doc
    from pipeline.text.load import check_text

    check_text(text, "flood")  # the limits a real input meets first (InputError: refused)
    t0 = time.perf_counter()
    nlp, doc = make_doc(text, rules)
    out = {"make_doc": time.perf_counter() - t0}
    for name, proc in nlp.pipeline:
        t = time.perf_counter()
        doc = proc(doc)
        out[name] = time.perf_counter() - t
    return out


def main(argv=None) -> int:
    import fuzz
    from pipeline.errors import InputError
    from pipeline.rules import load_rules

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=1000, help="repeats of the small run (the large one is 4x)")
    ap.add_argument("--phrase", action="append", help="phrase(s) to test instead of the built-in list")
    args = ap.parse_args(argv)
    rules = load_rules()
    with open(os.path.join(ROOT, "samples", "haiphong-2025.txt"), encoding="utf-8") as fh:
        head = fh.read()[:3000]
    phrases = args.phrase or list(dict.fromkeys(fuzz._PHRASES + EXTRA))
    bad = 0
    print(f"{'phrase':40} {'chars 4N':>9} {'total s':>8} {'worst stage':>12} {'ratio':>6}")
    for ph in phrases:
        try:
            small = stage_times(head + ph * args.n, rules)
        except InputError as exc:
            print(f"{ph[:40]!r:40} refused: {exc}")
            continue
        try:
            big = stage_times(head + ph * 4 * args.n, rules)
        except InputError as exc:
            print(f"{ph[:40]!r:40} refused at 4N: {exc}")
            continue
        ratios = {k: big[k] / max(small[k], 1e-3) for k in big if big[k] > 0.05}
        worst = max(ratios, key=ratios.get) if ratios else "-"
        r = ratios.get(worst, 0.0)
        flag = "  <-- super-linear" if r > 6 else ""
        bad += r > 6
        print(f"{ph[:40]!r:40} {len(head) + len(ph) * 4 * args.n:9d} {sum(big.values()):8.2f} {worst:>12} {r:6.1f}{flag}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
