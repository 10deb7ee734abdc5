"""Running the pipeline over many inputs: worker processes, atomic writes, JSON Lines, a report.

One bad input never stops the others; every input ends up either written or
reported (nothing is silently dropped).
"""
from __future__ import annotations

import os
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from ..errors import ContractError, InputError, RuleError


@dataclass
class Job:
    path: str                 # input path, or "-" for stdin
    out_name: str             # relative output name, e.g. "sub/file.json"
    data: Optional[bytes] = None


@dataclass
class Outcome:
    job: Job
    json: Optional[str]
    error: Optional[str]
    chars: int = 0


def collect(paths: Iterable[str], stdin: Optional[bytes] = None) -> tuple[list[Job], list[Outcome]]:
    """Expand paths (files, directories recursively for *.txt, '-' for stdin) into jobs, in a stable order."""
    jobs: list[Job] = []
    bad: list[Outcome] = []
    seen: set[str] = set()
    for p in paths:
        if p == "-":
            jobs.append(Job("-", "stdin.json", stdin if stdin is not None else b""))
            continue
        if os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for f in sorted(files):
                    if f.lower().endswith(".txt"):
                        full = os.path.join(root, f)
                        found.append((full, os.path.splitext(os.path.relpath(full, p))[0] + ".json"))
            if not found:
                bad.append(Outcome(Job(p, ""), None, f"{p}: directory holds no *.txt files"))
            for full, rel in found:
                if full not in seen:
                    seen.add(full)
                    jobs.append(Job(full, rel))
        elif os.path.exists(p):
            if p not in seen:
                seen.add(p)
                jobs.append(Job(p, os.path.splitext(os.path.basename(p))[0] + ".json"))
        else:
            bad.append(Outcome(Job(p, ""), None, f"{p}: no such file or directory"))
    # two explicit files with the same stem would overwrite each other's output
    names: dict[str, str] = {}
    for j in jobs:
        if j.out_name in names:
            stem, ext = os.path.splitext(j.out_name)
            k = 2
            while f"{stem}~{k}{ext}" in names:
                k += 1
            j.out_name = f"{stem}~{k}{ext}"
        names[j.out_name] = j.path
    return jobs, bad


_RULES_DIR: Optional[str] = None
_TIMEOUT = 0


def _init(rules_dir: Optional[str], timeout: int) -> None:
    global _RULES_DIR, _TIMEOUT
    _RULES_DIR, _TIMEOUT = rules_dir, timeout
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout()


def process(job: Job) -> Outcome:
    from ..extract import dump_json, extract_bytes, extract_file
    from ..rules import load_rules

    use_alarm = _TIMEOUT > 0 and hasattr(signal, "SIGALRM")
    if use_alarm:
        old = signal.signal(signal.SIGALRM, _alarm)
        signal.alarm(_TIMEOUT)
    try:
        rules = load_rules(_RULES_DIR)
        if job.data is not None:
            ann = extract_bytes(job.data, source=job.path, rules=rules)
        else:
            ann = extract_file(job.path, rules=rules)
        # exactly the dict that assemble() validated against the schema (the model is not touched since)
        return Outcome(job, dump_json(ann._validated_dump), None, ann.source.chars)
    except InputError as exc:
        return Outcome(job, None, f"{exc.source}: {exc.problem}")
    except RuleError as exc:
        return Outcome(job, None, f"{job.path}: rule file {exc}")
    except ContractError as exc:
        return Outcome(job, None, f"{job.path}: internal error (please report): {exc}")
    except _Timeout:
        return Outcome(job, None, f"{job.path}: processing took longer than {_TIMEOUT} s; skipped (please report this input)")
    except RecursionError:
        return Outcome(job, None, f"{job.path}: internal error (please report): recursion too deep")
    except Exception as exc:  # a bug: report it for this file, keep the batch going
        return Outcome(job, None, f"{job.path}: internal error (please report): {type(exc).__name__}: {exc}")
    finally:
        if use_alarm:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, old)


def run(jobs: list[Job], jobs_n: int = 1, rules_dir: Optional[str] = None, timeout: int = 120) -> Iterator[Outcome]:
    """Process jobs in order (results stream; memory stays flat)."""
    if jobs_n <= 1 or len(jobs) <= 1:
        _init(rules_dir, timeout)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        for j in jobs:
            yield process(j)
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    with ctx.Pool(jobs_n, initializer=_init, initargs=(rules_dir, timeout), maxtasksperchild=2000) as pool:
        yield from pool.imap(process, jobs, chunksize=8)


def write_atomic(path: str, content: str) -> None:
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path) or ".", prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class Progress:
    """A one-line progress display on a terminal (stderr); silent otherwise."""

    def __init__(self, total: int, enabled: bool):
        self.total, self.enabled = total, enabled and total > 1
        self.done = self.failed = 0
        self.t0 = time.perf_counter()
        self.last = 0.0

    def update(self, failed: bool) -> None:
        self.done += 1
        self.failed += int(failed)
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self.last < 0.1 and self.done < self.total:
            return
        self.last = now
        width = 30
        fill = int(width * self.done / self.total)
        rate = self.done / max(now - self.t0, 1e-9)
        sys.stderr.write(f"\r[{'#' * fill}{'.' * (width - fill)}] {self.done}/{self.total} files, {self.failed} failed, {rate:.0f}/s ")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")
            sys.stderr.flush()
