"""Fuzz the pipeline with hostile inputs built from real texts (samples/*.txt).

    .venv/bin/python benchmarks/fuzz.py                 # 100,000 inputs, one process
    .venv/bin/python benchmarks/fuzz.py -n 5000 --jobs 2 --seed 7

Each input is a slice of a sample text with a few seeded mutations (lone surrogates,
BOMs, control characters, long numbers, floods of spaces and repeated phrases, NFD,
random Unicode, legacy-encoded or mojibake bytes, texts near the size limit, ...), fed
to ``extract`` (str) or ``extract_bytes`` (bytes). Counted:

* input errors: a clear ``InputError`` (expected for some mutations; fine);
* uncaught exceptions: anything else raised (a bug);
* internal errors: ``ContractError`` (the pipeline caught its own bug);
* invalid outputs: the document fails ``announce validate``'s checks against the text;
* over 10 s: inputs that took longer than 10 seconds (60 s is a hard stop).

Exit status 1 when any of the last four is not zero. ``--save DIR`` keeps the failing inputs.
"""
from __future__ import annotations

import argparse
import glob
import os
import random
import signal
import sys
import time
import traceback
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

SLOW = 10.0
HARD_STOP = 60


def _samples() -> list[str]:
    out = []
    for p in sorted(glob.glob(os.path.join(ROOT, "samples", "*.txt"))):
        with open(p, encoding="utf-8-sig") as fh:
            out.append(fh.read())
    return out


_PHRASES = ["đạt 13%/năm, ", "Số đại biểu dự Đại hội: 5 đại biểu. ", "Về giới tính: 0% (tương ứng 7 xã)\n",
            "(bằng 99,8%)", "Tỷ lệ 1/", "\n" + " " * 100, "I. KẾT QUẢ\n", "1. Số đại biểu có mặt: 445 đại biểu (bằng 99,8%).\n",
            "nhiệm kỳ 2030 - 2025", "31/2/2025", "16,5 - 15,5%", "- Về độ tuổi: ", "tăng 12-15%/năm", "245.500 tỷ đồng",
            "Đồng chí Nguyễn Văn A, Bí thư Tỉnh ủy", "Xác định 11 nhóm nhiệm vụ:\n", "QR Code\n", "Tin liên quan\n",
            "#", "*", "|", "(", ")", "%", "/", "-", ":", ";", ".", ",", "\t", "\r\n", "\r"]
_ODD = ["\ufeff", "\u200b", "\u00ad", "\u2028", "\u0300", "\u0301", "\u0323", "\u202e", "\U0001F600", "\x1b", "\x7f",
        "\x85", "\u0085", "\ufffd", "\u00a0", "\u3000", "\u0665", "\uff15", "ǜ", "Ⅻ", "ﬁ", "\x0b", "\x0c", "\x1c", "\x00"]


def mutate(rng: random.Random, texts: list[str], gentle: bool = False) -> tuple[object, str]:
    """One fuzz input: (str or bytes, a short description). ``gentle``: small floods, no texts
    near the size limit (for the test suite's time budget)."""
    from pipeline.text import legacy

    src = rng.choice(texts)
    size = rng.choice([50, 300, 2000] if gentle else [50, 300, 2000, 10_000, len(src)])
    a = rng.randrange(0, max(1, len(src) - size))
    t = src[a:a + size]
    what = []
    for _ in range(rng.randint(1, 4)):
        k = rng.randrange(15)
        i = rng.randrange(len(t) + 1)
        if k == 0:
            t = t[:i] + rng.choice(_ODD) * rng.randint(1, 3) + t[i:]; what.append("odd")
        elif k == 1:
            t = "\ufeff" * rng.randint(1, 4) + t; what.append("boms")
        elif k == 2:
            digits = "".join(rng.choice("0123456789") for _ in range(rng.choice([5, 20, 99, 100, 101, 309, 400, 5000])))
            sep = rng.choice(["", "/", ".", ",", " "])
            t = t[:i] + " " + rng.choice(["", "1", "99,8"]) + sep + digits + rng.choice([" đồng", "%", " tỷ đồng", ""]) + " " + t[i:]; what.append("digits")
        elif k == 3:
            ph = rng.choice(_PHRASES)
            t = t[:i] + ph * rng.choice([1, 10, 100] if gentle else [1, 10, 100, 1000, 8000]) + t[i:]; what.append("flood")
        elif k == 4:
            t = unicodedata.normalize("NFD", t); what.append("nfd")
        elif k == 5:
            j = rng.randrange(len(t) + 1)
            a2, b2 = sorted((i, j))
            t = t[:a2] + t[b2:]; what.append("cut")
        elif k == 6:
            t = t[:i] + "".join(chr(rng.randrange(32, 0x2FFF)) for _ in range(rng.randint(1, 50))) + t[i:]; what.append("random")
        elif k == 7:
            t = t.upper(); what.append("upper")
        elif k == 8:
            t = t[:i] + "\ud800\udc80"[rng.randrange(2)] + t[i:]; what.append("surrogate")
        elif k == 9:
            t = t[:i] + rng.choice(_PHRASES) + t[i:]; what.append("phrase")
        elif k == 10:
            t = t.replace(" ", rng.choice(["  ", "\n", " \n ", "\t"]), rng.randint(1, 50)); what.append("spaces")
        elif k == 11:
            t = t[:i] + t[i:i + rng.randint(1, 500)] * rng.randint(2, 30) + t[i:]; what.append("repeat")
        elif k == 12:
            t = t.replace(rng.choice(["%", ",", ".", ":", "("]), rng.choice(["", "%", ",", ".", " - "])); what.append("punct")
        elif k == 13:
            t = "".join(c for c in t if rng.random() > 0.05); what.append("drop")
        else:
            if rng.random() < 0.05 and not gentle:
                t = (t + "\n") * (400_000 // max(1, len(t) + 1) + 1); what.append("big")
    # sometimes: bytes in another encoding, or mojibake
    r = rng.random()
    if r < 0.06:
        enc = rng.choice(["tcvn3", "vni", "cp1258", "utf-16", "utf-8-sig", "mojibake-utf8", "mojibake-tcvn3"])
        try:
            if enc == "tcvn3":
                return legacy.encode_tcvn3(t), "+".join(what + [enc])
            if enc == "vni":
                return legacy.encode_vni(t), "+".join(what + [enc])
            if enc == "cp1258":
                return legacy.encode_cp1258(t), "+".join(what + [enc])
            if enc == "mojibake-utf8":
                return t.encode("utf-8", "surrogatepass").decode("cp1252", "replace").encode("utf-8", "surrogatepass"), "+".join(what + [enc])
            if enc == "mojibake-tcvn3":
                return legacy.encode_tcvn3(t).decode("cp1252", "replace").encode("utf-8"), "+".join(what + [enc])
            return t.encode(enc, "surrogatepass"), "+".join(what + [enc])
        except (UnicodeError, ValueError):
            pass
    if r < 0.12:
        return t.encode("utf-8", "surrogatepass"), "+".join(what + ["bytes"])
    return t, "+".join(what)


class _Stop(Exception):
    pass


def _alarm(signum, frame):
    raise _Stop()


def check_one(item) -> tuple[str, float, str]:
    """(result, seconds, detail): result in ok, input_error, uncaught, internal, invalid, stopped."""
    from pipeline import extract, extract_bytes
    from pipeline.cli.validate import check_document
    from pipeline.errors import ContractError, InputError
    from pipeline.text.load import check_text, decode, repair

    data, what = item
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(HARD_STOP)
    t0 = time.perf_counter()
    try:
        if isinstance(data, bytes):
            doc = extract_bytes(data, source="fuzz")
            text = decode(data, "fuzz").text
        else:
            doc = extract(data)
            text, _ = repair(check_text(data, "fuzz"))
        problems = check_document(doc._validated_dump, text=text)
        dt = time.perf_counter() - t0
        return ("invalid" if problems else "ok"), dt, "; ".join(problems[:3])
    except InputError as exc:
        return "input_error", time.perf_counter() - t0, str(exc)[:200]
    except ContractError as exc:
        return "internal", time.perf_counter() - t0, str(exc)[:300]
    except _Stop:
        return "stopped", time.perf_counter() - t0, what
    except Exception as exc:  # noqa: BLE001 - counting bugs
        return "uncaught", time.perf_counter() - t0, f"{type(exc).__name__}: {exc}"[:200] + " | " + traceback.format_exc(limit=-2).replace("\n", " ")[-300:]
    finally:
        signal.alarm(0)


_TEXTS: list[str] | None = None


def make_input(seed: int, k: int) -> tuple[object, str]:
    """Input number ``k`` of the run with ``seed``: each input has its own generator, so a
    worker builds it from two integers and any input can be rebuilt alone (``--only K``)."""
    global _TEXTS
    if _TEXTS is None:
        _TEXTS = _samples()
    return mutate(random.Random(f"{seed}-{k}"), _TEXTS)


def check_numbered(job: tuple[int, int]):
    """Worker: build input ``k`` and check it; the input itself comes back only when it failed."""
    seed, k = job
    data, what = make_input(seed, k)
    res, dt, detail = check_one((data, what))
    bad = res in ("uncaught", "internal", "invalid", "stopped") or dt > SLOW
    return k, what, res, dt, detail, (data if bad else None)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=100_000, help="inputs (default 100000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--save", metavar="DIR", help="write failing inputs here")
    ap.add_argument("--show", type=int, default=5, help="failures shown per kind")
    ap.add_argument("--only", type=int, nargs="+", metavar="K", help="run only these input numbers (to reproduce one)")
    args = ap.parse_args(argv)
    counts = {k: 0 for k in ("ok", "input_error", "uncaught", "internal", "invalid", "stopped")}
    slow = 0
    worst = 0.0
    shown: dict[str, int] = {}
    t0 = time.perf_counter()

    jobs = ((args.seed, k) for k in (args.only or range(1, args.n + 1)))
    if args.jobs <= 1:
        results = map(check_numbered, jobs)
        pool = None
    else:
        import multiprocessing as mp
        pool = mp.get_context("fork").Pool(args.jobs, maxtasksperchild=500)
        results = pool.imap_unordered(check_numbered, jobs, chunksize=4)
    done = 0
    for k, what, res, dt, detail, data in results:
        done += 1
        counts[res] += 1
        worst = max(worst, dt)
        if dt > SLOW:
            slow += 1
        if data is not None:
            kind = res if res != "ok" else "slow"
            if shown.get(kind, 0) < args.show:
                shown[kind] = shown.get(kind, 0) + 1
                print(f"[{kind}] #{k} {what} ({dt:.1f} s): {detail}", file=sys.stderr)
            if args.save:
                os.makedirs(args.save, exist_ok=True)
                raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
                with open(os.path.join(args.save, f"{kind}-{k}.txt"), "wb") as fh:
                    fh.write(raw)
        if done % 1000 == 0:
            print(f"... {done} inputs, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    if pool is not None:
        pool.close()
        pool.join()
    n = sum(counts.values())
    print(f"inputs                {n}")
    print(f"ok                    {counts['ok']}")
    print(f"input errors (clear)  {counts['input_error']}")
    print(f"uncaught exceptions   {counts['uncaught']}")
    print(f"internal errors       {counts['internal']}")
    print(f"invalid outputs       {counts['invalid']}")
    print(f"over {SLOW:.0f} s             {slow}  (stopped at {HARD_STOP} s: {counts['stopped']}; slowest {worst:.1f} s)")
    print(f"wall time             {time.perf_counter() - t0:.0f} s")
    return 1 if counts["uncaught"] or counts["internal"] or counts["invalid"] or counts["stopped"] or slow else 0


if __name__ == "__main__":
    sys.exit(main())
