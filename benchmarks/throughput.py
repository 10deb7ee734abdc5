"""Throughput benchmark: the whole pipeline against bare spaCy tokenisation, honestly measured.

    python benchmarks/throughput.py [--corpus DIR] [--files 2000] [--rounds 3] [--max-scale 64] [--jobs 2]

One command prints four tables (all timings warm: every pipeline is built and run once before
it is timed; medians of interleaved rounds):

1. **corpus**: a fixed random sample of the bulk corpus (``--files``, seed ``--seed``) and the
   reference text (``samples/haiphong-2025.txt``): M chars/s of bare spaCy (``blank("xx")`` +
   ``sentencizer``, one warm pipeline, one call per text) and of the full pipeline
   (``to_json(extract(text))``), and their ratio;
2. **length buckets**: the same per length bucket of the sample;
3. **scaling**: the reference text repeated 1x to ``--max-scale``x: time per character (ns) of
   every stage (load checks, normalise, the spaCy tokenizer, each component of the config,
   assemble + validation, JSON) and its ratio to 1x (1.00 = linear);
4. **batch**: ``announce extract --jobs N`` over the sample (wall time, files/s) with the peak
   RSS of each worker process, read from the workers' own ``/proc/<pid>/status`` (VmHWM).
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

BUCKETS = [(0, 2_000), (2_000, 8_000), (8_000, 32_000), (32_000, 128_000), (128_000, 10**12)]


def _bucket_name(lo: int, hi: int) -> str:
    def k(n):
        return f"{n // 1000}k" if n else "0"
    return f"{k(lo)}-{k(hi)}" if hi < 10**12 else f">{k(lo)}"


def bare_nlp(max_length: int):
    import spacy

    nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    nlp.max_length = max(nlp.max_length, max_length + 1)
    return nlp


def run_bare(nlp, text: str) -> float:
    t = time.perf_counter()
    doc = nlp(text)
    sum(1 for _ in doc.sents)
    return time.perf_counter() - t


def run_full(text: str) -> float:
    from pipeline import extract, to_json
    from pipeline.errors import InputError

    t = time.perf_counter()
    try:
        to_json(extract(text))
    except InputError:
        pass
    return time.perf_counter() - t


def interleaved(texts: list[str], nlp, rounds: int) -> tuple[list[float], list[float]]:
    """Per-text median times of bare and full over ``rounds`` interleaved rounds."""
    bare_t = [[] for _ in texts]
    full_t = [[] for _ in texts]
    for _ in range(rounds):
        for i, tx in enumerate(texts):
            bare_t[i].append(run_bare(nlp, tx))
        for i, tx in enumerate(texts):
            full_t[i].append(run_full(tx))
    return [statistics.median(x) for x in bare_t], [statistics.median(x) for x in full_t]


def stage_times(text: str) -> dict[str, float]:
    """Seconds per stage of one extraction (the steps of ``pipeline.extract``, timed one by one, with
    the garbage collector paused as ``pipeline.extract`` pauses it)."""
    from pipeline.extract import gc_paused

    with gc_paused():
        return _stage_times(text)


def _stage_times(text: str) -> dict[str, float]:
    from pipeline.compose import build_nlp
    from pipeline.contract.assemble import assemble
    from pipeline.extract import to_json
    from pipeline.rules import load_rules
    from pipeline.text.load import Loaded, check_text, repair
    from pipeline.text.normalise import normalise

    rules = load_rules()
    out: dict[str, float] = {}
    t = time.perf_counter()
    text = check_text(text, "<bench>")
    text, notes = repair(text)
    out["load checks"] = time.perf_counter() - t
    t = time.perf_counter()
    nt = normalise(text, rules)
    out["normalise"] = time.perf_counter() - t
    nlp = build_nlp(rules)
    t = time.perf_counter()
    doc = nlp.make_doc(nt.fold)
    out["tokenizer"] = time.perf_counter() - t
    doc._.norm = nt
    doc._.rules = rules
    doc.user_data["wrapped"] = nt.wrapped
    doc.user_data["text"] = nt.fold
    for name, proc in nlp.pipeline:
        t = time.perf_counter()
        doc = proc(doc)
        out[name] = time.perf_counter() - t
    t = time.perf_counter()
    ann = assemble(doc, Loaded(text=text, encoding="str", sha256="0" * 64, notes=()), None, [])
    out["assemble+validate"] = time.perf_counter() - t
    t = time.perf_counter()
    to_json(ann)
    out["json"] = time.perf_counter() - t
    return out


def scaling(ref: str, max_scale: int, rounds: int) -> None:
    import pipeline.text.load as load

    base = ref if ref.endswith("\n") else ref + "\n"
    load.MAX_CHARS = max(load.MAX_CHARS, len(base) * max_scale + 16)  # a no-op when the limit is higher
    from pipeline.compose import build_nlp
    from pipeline.rules import load_rules
    nlp_full = build_nlp(load_rules())
    nlp_full.max_length = max(nlp_full.max_length, len(base) * max_scale + 16)
    scales = [1]
    while scales[-1] * 2 <= max_scale:
        scales.append(scales[-1] * 2)
    nlp = bare_nlp(len(base) * max_scale)
    stage_times(base)  # warm: every pattern compiled, every cache filled once
    run_bare(nlp, base)
    rows: dict[int, dict[str, float]] = {}
    for k in scales:
        text = base * k
        runs = [stage_times(text) for _ in range(rounds if k <= 8 else max(1, rounds // 2))]
        per = {name: statistics.median(r[name] for r in runs) / len(text) * 1e9 for name in runs[0]}
        per["TOTAL"] = sum(per.values())
        per["bare spaCy"] = statistics.median(run_bare(nlp, text) for _ in range(max(1, rounds // 2 + 1))) / len(text) * 1e9
        rows[k] = per
        print(f"  ... {k}x ({len(text):,} chars) done", file=sys.stderr)
    names = list(rows[1])
    print(f"\n## Scaling: the reference text repeated 1x..{max_scale}x; ns per character per stage (ratio to 1x)")
    head = f"{'stage':<20}" + "".join(f"{str(k) + 'x':>9}" for k in scales) + f"{'ratio ' + str(scales[-1]) + 'x/1x':>16}"
    print(head)
    for n in names:
        line = f"{n:<20}" + "".join(f"{rows[k][n]:9.1f}" for k in scales)
        r = rows[scales[-1]][n] / rows[1][n] if rows[1][n] > 0 else float("nan")
        print(line + f"{r:16.2f}")
    print(f"{'(chars)':<20}" + "".join(f"{len(base) * k / 1e3:8.0f}k" for k in scales))


def batch(files: list[str], jobs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "in")
        os.makedirs(src)
        for i, f in enumerate(files):
            os.symlink(os.path.abspath(f), os.path.join(src, f"{i:05d}.txt"))
        out = os.path.join(tmp, "out")
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "pipeline", "extract", src, "-o", out, "--jobs", str(jobs), "--no-progress"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT)
        peaks: dict[int, int] = {}
        parent_peak = [0]

        def status(pid: int, key: str) -> int:
            try:
                with open(f"/proc/{pid}/status") as fh:
                    for line in fh:
                        if line.startswith(key + ":"):
                            return int(line.split()[1])
            except OSError:
                pass
            return 0

        def poll():
            while proc.poll() is None:
                parent_peak[0] = max(parent_peak[0], status(proc.pid, "VmHWM"))
                try:
                    with open(f"/proc/{proc.pid}/task/{proc.pid}/children") as fh:
                        kids = [int(x) for x in fh.read().split()]
                except OSError:
                    kids = []
                for k in kids:
                    peaks[k] = max(peaks.get(k, 0), status(k, "VmHWM"))
                time.sleep(0.2)

        th = threading.Thread(target=poll, daemon=True)
        th.start()
        _, err = proc.communicate()
        dt = time.perf_counter() - t
        th.join()
        summary = err.strip().splitlines()[-1] if err.strip() else ""
        workers = ", ".join(f"{v / 1024:.0f}" for v in sorted(peaks.values(), reverse=True)[:8])
        print(f"\n## Batch: announce extract --jobs {jobs} over the sample")
        print(f"wall {dt:.1f} s, {len(files) / dt:.0f} files/s; peak RSS per worker (MB, VmHWM read in the worker): {workers or '-'}; "
              f"parent {parent_peak[0] / 1024:.0f} MB")
        print(f"CLI: {summary}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(ROOT), "shared", "corpus", "bulk"))
    ap.add_argument("--reference", default=os.path.join(ROOT, "samples", "haiphong-2025.txt"))
    ap.add_argument("--files", type=int, default=2000, help="random sample of the corpus (0 = all files)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--max-scale", type=int, default=64, help="scaling table up to this many copies of the reference (0 = skip)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--skip-batch", action="store_true")
    a = ap.parse_args()

    files = []
    for root, dirs, names in os.walk(a.corpus):
        dirs.sort()
        files.extend(os.path.join(root, n) for n in sorted(names) if n.endswith(".txt"))
    if not files:
        sys.exit(f"no *.txt files under {a.corpus} (--corpus DIR)")
    if a.files and len(files) > a.files:
        files = sorted(random.Random(a.seed).sample(files, a.files))
    with open(a.reference, encoding="utf-8") as fh:
        ref = fh.read()
    texts = []
    for f in files:
        with open(f, "rb") as fh:
            texts.append(fh.read().decode("utf-8", "replace"))
    nlp = bare_nlp(max([len(ref)] + [len(t) for t in texts]))
    # warm up: spaCy, rules, every compiled pattern
    run_full(ref)
    run_bare(nlp, ref)

    print(f"# Throughput (python {sys.version.split()[0]}, {os.cpu_count()} CPUs)")
    if texts:
        bt, ft = interleaved(texts, nlp, a.rounds)
        chars = sum(map(len, texts))
        print(f"\n## Corpus: {len(texts)} files of {a.corpus} (seed {a.seed}), {chars:,} chars; medians of {a.rounds} interleaved rounds")
        print(f"{'':<28}{'M chars/s':>10}{'files/s':>9}")
        print(f"{'bare spaCy (xx+sentencizer)':<28}{chars / sum(bt) / 1e6:10.2f}{len(texts) / sum(bt):9.0f}")
        print(f"{'full pipeline':<28}{chars / sum(ft) / 1e6:10.2f}{len(texts) / sum(ft):9.0f}")
        print(f"ratio full/bare: {sum(ft) / sum(bt):.2f}x")
        print(f"\n## Length buckets (chars per file)")
        print(f"{'bucket':<12}{'files':>7}{'chars':>12}{'bare Mc/s':>11}{'full Mc/s':>11}{'full/bare':>11}")
        for lo, hi in BUCKETS:
            idx = [i for i, t in enumerate(texts) if lo <= len(t) < hi]
            if not idx:
                continue
            c = sum(len(texts[i]) for i in idx)
            b = sum(bt[i] for i in idx)
            f = sum(ft[i] for i in idx)
            print(f"{_bucket_name(lo, hi):<12}{len(idx):7d}{c:12,d}{c / b / 1e6:11.2f}{c / f / 1e6:11.2f}{f / b:10.2f}x")
    reps = max(5, a.rounds * 3)
    rb, rf = interleaved([ref] * reps, nlp, 1)
    rb, rf = statistics.median(rb), statistics.median(rf)
    print(f"\n## Reference text {os.path.relpath(a.reference, ROOT)} ({len(ref):,} chars), median of {reps}")
    print(f"bare spaCy {len(ref) / rb / 1e6:.2f} M chars/s, full pipeline {len(ref) / rf / 1e6:.2f} M chars/s, ratio full/bare {rf / rb:.2f}x")
    if a.max_scale:
        scaling(ref, a.max_scale, a.rounds)
    if not a.skip_batch and files:
        batch(files, a.jobs)


if __name__ == "__main__":
    main()
