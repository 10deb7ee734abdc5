"""Throughput benchmark: the whole pipeline vs bare spaCy tokenisation + sentence splitting.

    python benchmarks/throughput.py [--corpus DIR] [--limit N] [--jobs 2]

Prints, for the corpus (default ../shared/corpus/bulk) and for the seed file alone:
characters/s and files/s of (a) bare spaCy (blank "xx" tokenizer + rule sentencizer) and
(b) the full pipeline in one process, their ratio, the wall time of the batch with --jobs N
through the CLI code path, peak memory, and RSS sampled along the batch (flat = no leak).
"""
from __future__ import annotations

import argparse
import glob
import os
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def bare(texts):
    import spacy

    nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    t = time.perf_counter()
    n = 0
    for doc in nlp.pipe(texts, batch_size=64):
        n += sum(1 for _ in doc.sents)
    return time.perf_counter() - t


def own_tokenise(texts):
    """The pipeline's own normalise + tokenise stages alone (its syllable tokenizer and sentence splitter)."""
    from pipeline.text.normalise import normalise
    from pipeline.rules import load_rules
    from pipeline.text.tokenise import tokenise

    rules = load_rules()
    t = time.perf_counter()
    for tx in texts:
        nt = normalise(tx, rules)
        tokenise(nt.fold, nt.wrapped)
    return time.perf_counter() - t


def full(texts):
    from pipeline import extract, to_json
    from pipeline.errors import InputError

    samples = []
    t = time.perf_counter()
    for i, tx in enumerate(texts):
        try:
            to_json(extract(tx))
        except InputError:
            pass
        if i % max(1, len(texts) // 8) == 0:
            samples.append(round(rss_mb()))
    return time.perf_counter() - t, samples


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(ROOT), "shared", "corpus", "bulk"))
    ap.add_argument("--seed", default=os.path.join(ROOT, "samples", "haiphong-2025.txt"))
    ap.add_argument("--limit", type=int, default=0, help="only the first N files (0 = all)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--skip-batch", action="store_true")
    a = ap.parse_args()
    files = sorted(glob.glob(os.path.join(a.corpus, "**", "*.txt"), recursive=True))
    if a.limit:
        files = files[: a.limit]
    if not files:
        sys.exit(f"no *.txt under {a.corpus}")
    texts = []
    for f in files:
        with open(f, "rb") as fh:
            texts.append(fh.read().decode("utf-8", "replace"))
    seed = open(a.seed, encoding="utf-8").read()
    from pipeline import extract
    extract(seed)  # warm up (load spaCy, compile rules)

    print(f"corpus: {a.corpus}: {len(texts)} files, {sum(map(len, texts)):,} chars")
    for name, tx, reps in (("corpus", texts, 1), ("seed", [seed] * 20, 1)):
        chars = sum(map(len, tx))
        tb = bare(tx)
        to = own_tokenise(tx)
        tf, samples = full(tx)
        print(f"[{name}] bare spaCy tokenise+sentences: {chars / tb / 1e6:.2f} M chars/s, {len(tx) / tb:.0f} files/s")
        print(f"[{name}] pipeline's normalise+tokenise: {chars / to / 1e6:.2f} M chars/s, {len(tx) / to:.0f} files/s")
        print(f"[{name}] full pipeline (1 process):      {chars / tf / 1e6:.2f} M chars/s, {len(tx) / tf:.0f} files/s")
        print(f"[{name}] ratio full/bare time: {tf / tb:.2f}x   (budget: 2x); full/own tokenise: {tf / to:.2f}x")
        if name == "corpus":
            print(f"[{name}] RSS along the batch (MB): {samples}")
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if not a.skip_batch:
        with tempfile.TemporaryDirectory() as out:
            t = time.perf_counter()
            r = subprocess.run([sys.executable, "-m", "pipeline", "extract", a.corpus, "-o", out, "--jobs", str(a.jobs), "--no-progress"],
                               capture_output=True, text=True, cwd=ROOT)
            dt = time.perf_counter() - t
            children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            summary = r.stderr.strip().splitlines()[-1] if r.stderr.strip() else ""
            print(f"CLI batch --jobs {a.jobs}: {dt:.1f} s wall ({len(files) / dt:.0f} files/s), peak RSS of a worker {children:.0f} MB; {summary}")


if __name__ == "__main__":
    main()
