"""Running the pipeline over many inputs: worker processes, atomic writes, JSON Lines, a report.

One bad input never stops the others; every input ends up either written or
reported (nothing is silently dropped).
"""
from __future__ import annotations

import os
import signal
import sys
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
    line: Optional[str] = None  # the document as one JSON Lines line (runs with lines=True), written in the worker


def collect(paths: Iterable[str], stdin: Optional[bytes] = None) -> tuple[list[Job], list[Outcome]]:
    """Expand paths (files, directories recursively for *.txt, '-' for stdin) into jobs, in a stable order.

    One file reached by two spellings (a symlink, "./a" and "a", a folder and a file in it) is one job."""
    from ..text.load import display_path

    jobs: list[Job] = []
    bad: list[Outcome] = []
    seen: set[str] = set()

    def key(path: str) -> str:
        try:
            return os.path.realpath(path)
        except (OSError, ValueError):
            return os.path.abspath(path)

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
                bad.append(Outcome(Job(p, ""), None, f"{display_path(p)}: directory holds no *.txt files"))
            for full, rel in found:
                k = key(full)
                if k not in seen:
                    seen.add(k)
                    jobs.append(Job(full, rel))
        elif os.path.exists(p):
            k = key(p)
            if k not in seen:
                seen.add(k)
                jobs.append(Job(p, os.path.splitext(os.path.basename(p))[0] + ".json"))
        else:
            bad.append(Outcome(Job(p, ""), None, f"{display_path(p)}: no such file or directory"))
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
_ENCODING: Optional[str] = None
_LINES = False


def _init(rules_dir: Optional[str], timeout: int, encoding: Optional[str] = None, lines: bool = False) -> None:
    global _RULES_DIR, _TIMEOUT, _ENCODING, _LINES
    _RULES_DIR, _TIMEOUT, _ENCODING, _LINES = rules_dir, timeout, encoding, lines
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout()


def process(job: Job, lines: Optional[bool] = None) -> Outcome:
    """Extract one job. ``lines`` (default: as the worker was started): return the document as
    one JSON Lines line (``Outcome.line``) instead of the indented document (``Outcome.json``)."""
    from ..extract import dump_json, dump_line, extract_bytes, extract_file
    from ..rules import load_rules

    use_alarm = _TIMEOUT > 0 and hasattr(signal, "SIGALRM")
    if use_alarm:
        old = signal.signal(signal.SIGALRM, _alarm)
        signal.alarm(_TIMEOUT)
    try:
        rules = load_rules(_RULES_DIR)
        if job.data is not None:
            ann = extract_bytes(job.data, source=job.path, rules=rules, encoding=_ENCODING)
        else:
            ann = extract_file(job.path, rules=rules, encoding=_ENCODING)
        # exactly the dict that assemble() validated against the schema (the model is not touched since),
        # serialised once, here: the parent writes the text as it comes
        if _LINES if lines is None else lines:
            return Outcome(job, None, None, ann.source.chars, line=dump_line(ann._validated_dump))
        return Outcome(job, dump_json(ann._validated_dump), None, ann.source.chars)
    except InputError as exc:
        return Outcome(job, None, f"{exc.source}: {exc.problem}")
    except RuleError as exc:
        return Outcome(job, None, f"{_shown(job)}: rule file {exc}")
    except ContractError as exc:
        return Outcome(job, None, f"{_shown(job)}: internal error (please report): {exc}")
    except _Timeout:
        return Outcome(job, None, f"{_shown(job)}: processing took longer than {_TIMEOUT} s; skipped (please report this input)")
    except RecursionError:
        return Outcome(job, None, f"{_shown(job)}: internal error (please report): recursion too deep")
    except MemoryError:
        return Outcome(job, None, f"{_shown(job)}: out of memory while processing this input")
    except Exception as exc:  # a bug: report it for this file, keep the batch going
        return Outcome(job, None, f"{_shown(job)}: internal error (please report): {type(exc).__name__}: {exc}")
    finally:
        if use_alarm:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, old)


def run(jobs: list[Job], jobs_n: int = 1, rules_dir: Optional[str] = None, timeout: int = 120,
        encoding: Optional[str] = None, lines: bool = False) -> Iterator[Outcome]:
    """Process jobs; outcomes come in input order (results stream; memory stays flat).

    With ``jobs_n`` > 1, worker processes take one job at a time; a worker that dies (killed,
    out of memory, a crash in native code) costs only its current job, reported as that
    job's error, and is replaced; a worker stuck past ``timeout`` (+ grace) is killed.
    ``lines``: outcomes carry ``line`` (one JSON Lines line) instead of ``json``."""
    global _ENCODING
    _ENCODING = encoding
    if jobs_n <= 1 or len(jobs) <= 1:
        _init(rules_dir, timeout, encoding)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        for j in jobs:
            yield process(j, lines)
        return
    yield from _Workers(jobs, jobs_n, rules_dir, timeout, encoding, lines).run()


def _die_with_parent() -> None:
    """Linux: the kernel kills this worker when the parent dies (SIGKILL of the run)."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _worker_main(conn, close, rules_dir, timeout, encoding, lines=False) -> None:
    for c in close:  # the parent's ends of the pipes (its own and other workers'): EOF reaches us when the parent dies
        try:
            c.close()
        except OSError:
            pass
    _die_with_parent()
    if os.getppid() == 1:
        return
    _init(rules_dir, timeout, encoding, lines)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if item is None:
            return
        idx, job = item
        try:
            conn.send((idx, process(job)))
        except (BrokenPipeError, OSError):
            return


class _Workers:
    GRACE = 30  # seconds past the per-input timeout before a worker is killed from outside

    def __init__(self, jobs, n, rules_dir, timeout, encoding, lines=False):
        import multiprocessing as mp

        self.ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
        self.jobs, self.n = jobs, min(n, len(jobs))
        self.args = (rules_dir, timeout, encoding, lines)
        self.timeout = timeout
        self.workers: list[dict] = []

    def _spawn(self) -> dict:
        parent, child = self.ctx.Pipe()
        close = [parent] + [w["conn"] for w in self.workers]
        proc = self.ctx.Process(target=_worker_main, args=(child, close, *self.args), daemon=True)
        proc.start()
        child.close()
        w = {"proc": proc, "conn": parent, "job": None, "since": 0.0}
        self.workers.append(w)
        return w

    def _retire(self, w: dict) -> None:
        self.workers.remove(w)
        try:
            w["conn"].close()
        except OSError:
            pass
        if w["proc"].is_alive():
            w["proc"].kill()
        w["proc"].join(5)

    def run(self) -> Iterator[Outcome]:
        from multiprocessing.connection import wait

        done: dict[int, Outcome] = {}
        next_in = next_out = 0
        window = max(64, 16 * self.n)  # results held back for ordering stay bounded
        try:
            for _ in range(self.n):
                self._spawn()
            while next_out < len(self.jobs):
                for w in [w for w in self.workers if w["job"] is None and not w["proc"].is_alive()]:
                    self._retire(w)  # died while idle
                    self._spawn()
                # hand out work
                for w in self.workers:
                    if w["job"] is None and next_in < len(self.jobs) and next_in < next_out + window:
                        item = (next_in, self.jobs[next_in])
                        try:
                            w["conn"].send(item)
                        except (BrokenPipeError, OSError):
                            continue  # a dead worker: found below
                        w["job"], w["since"] = item, time.monotonic()
                        next_in += 1
                busy = [w for w in self.workers if w["job"] is not None]
                if busy:
                    ready = wait([w["conn"] for w in busy] + [w["proc"].sentinel for w in busy], timeout=1.0)
                    for w in list(busy):
                        idx, job = w["job"]
                        if w["conn"] in ready:
                            try:
                                ridx, outcome = w["conn"].recv()
                                done[ridx] = outcome
                                w["job"] = None
                                continue
                            except (EOFError, OSError):
                                pass  # died while answering: handled below
                        if w["proc"].sentinel in ready or w["conn"] in ready or not w["proc"].is_alive():
                            w["proc"].join(1)
                            code = w["proc"].exitcode
                            how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
                            done[idx] = Outcome(job, None, f"{_shown(job)}: worker process died ({how}) while processing this input")
                            self._retire(w)
                            self._spawn()
                        elif self.timeout and time.monotonic() - w["since"] > self.timeout + self.GRACE:
                            done[idx] = Outcome(job, None, f"{_shown(job)}: processing took longer than {self.timeout} s; worker stopped (please report this input)")
                            self._retire(w)
                            self._spawn()
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
        finally:
            for w in list(self.workers):
                try:
                    w["conn"].send(None)
                except (BrokenPipeError, OSError):
                    pass
            for w in list(self.workers):
                w["proc"].join(0.5)
                self._retire(w)


def _shown(job: Job) -> str:
    from ..text.load import display_path
    return display_path(job.path)


TMP_PREFIX = ".tmp-"


def write_atomic(path: str, content: str) -> None:
    """Write ``content`` to ``path`` so that it is either complete or absent, with the usual
    permissions (0666 less the umask). The data goes to an unnamed file first (O_TMPFILE,
    nothing to clean up when the process is killed), named only when complete."""
    d = os.path.dirname(path) or "."
    os.makedirs(d, exist_ok=True)
    data = content.encode("utf-8")
    with AtomicFile(path) as fh:
        fh.write(data)


class AtomicFile:
    """A binary file written in place of ``path`` on a clean close, discarded otherwise."""

    def __init__(self, path: str):
        self.path = path
        self.dir = os.path.dirname(path) or "."
        self.tmp: Optional[str] = None
        self.fd = -1
        flag = getattr(os, "O_TMPFILE", 0) if os.path.isdir("/proc/self/fd") else 0
        if flag:
            try:
                self.fd = os.open(self.dir, flag | os.O_WRONLY, 0o666)
            except OSError:
                self.fd = -1
        if self.fd < 0:
            import secrets
            self.tmp = os.path.join(self.dir, f"{TMP_PREFIX}{secrets.token_hex(6)}.json")
            self.fd = os.open(self.tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        self.fh = os.fdopen(self.fd, "wb")

    def write(self, data: bytes) -> None:
        self.fh.write(data)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.discard()

    def commit(self) -> None:
        import secrets
        try:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            if self.tmp is None:
                # name the unnamed file, then move it into place
                self.tmp = os.path.join(self.dir, f"{TMP_PREFIX}{secrets.token_hex(6)}.json")
                proc_fd = os.open("/proc/self/fd", os.O_RDONLY)
                try:  # linkat(AT_SYMLINK_FOLLOW) through /proc: no privilege needed
                    os.link(str(self.fh.fileno()), self.tmp, src_dir_fd=proc_fd, follow_symlinks=True)
                finally:
                    os.close(proc_fd)
            self.fh.close()
            os.replace(self.tmp, self.path)
            self.tmp = None
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        try:
            self.fh.close()
        except OSError:
            pass
        if self.tmp is not None:
            try:
                os.unlink(self.tmp)
            except OSError:
                pass
            self.tmp = None


def clean_stale_temps(out_dir: str) -> int:
    """Remove temp files a killed earlier run left in ``out_dir`` (only names this program makes)."""
    n = 0
    for root, _dirs, files in os.walk(out_dir):
        for f in files:
            if f.startswith(TMP_PREFIX) and f.endswith(".json") and len(f) == len(TMP_PREFIX) + 12 + 5:
                try:
                    os.unlink(os.path.join(root, f))
                    n += 1
                except OSError:
                    pass
    return n


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


# ---------------------------------------------------------------------------- the extract command

def _sha256_file(path: str) -> Optional[str]:
    import hashlib
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


def _already_done(doc_source: dict, job: Job) -> bool:
    """A previous output is for this very input: same path as shown and same bytes."""
    from ..text.load import display_path
    if not isinstance(doc_source, dict) or job.data is not None:
        return False
    return doc_source.get("path") == display_path(job.path) and doc_source.get("sha256") == _sha256_file(job.path)


def _resume_out_dir(jobs: list[Job], out_dir: str) -> tuple[list[Job], int]:
    import json
    todo, skipped = [], 0
    for j in jobs:
        target = os.path.join(out_dir, j.out_name)
        try:
            with open(target, encoding="utf-8") as fh:
                doc = json.load(fh)
            if isinstance(doc, dict) and _already_done(doc.get("source"), j):
                skipped += 1
                continue
        except (OSError, ValueError, RecursionError):
            pass
        todo.append(j)
    return todo, skipped


def _resume_jsonl(jobs: list[Job], path: str) -> tuple[list[Job], list[str]]:
    """Lines of an existing JSONL output that are for inputs of this run and unchanged."""
    import json
    kept: dict[str, str] = {}
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                try:
                    doc = json.loads(line)
                except (ValueError, RecursionError):
                    continue
                src = doc.get("source") if isinstance(doc, dict) else None
                if isinstance(src, dict) and isinstance(src.get("path"), str):
                    kept[src["path"]] = line if line.endswith("\n") else line + "\n"
    except (OSError, UnicodeDecodeError):
        return jobs, []
    from ..text.load import display_path
    todo, lines = [], []
    for j in jobs:
        line = kept.get(display_path(j.path))
        if line is not None and _already_done(json.loads(line)["source"], j):
            lines.append(line)
        else:
            todo.append(j)
    return todo, lines


class _Terminated(KeyboardInterrupt):
    pass


def _on_term(signum, frame):
    raise _Terminated()


def extract_command(args) -> int:
    """``announce extract``: every input ends up written, skipped as already done (--resume) or
    reported; the closing line always says how many of each; exit 1 when any was reported."""
    import json
    from ..errors import RuleError
    from ..rules import load_rules
    from ..text.load import display_path

    if args.jobs < 1:
        print("announce: error: --jobs must be at least 1", file=sys.stderr)
        return 2
    if args.out_dir == "-":
        args.out_dir = None  # "-o -": standard output, never a directory named "-"
    if args.resume and not (args.out_dir or (args.jsonl and args.jsonl != "-")):
        print("announce: error: --resume needs -o DIR or --jsonl FILE", file=sys.stderr)
        return 2
    if args.encoding:
        from ..text.legacy import ALIASES
        if args.encoding.lower() not in ("auto", "utf-8", "utf8", "utf-16", "utf16") and args.encoding.lower() not in ALIASES:
            print(f"announce: error: unknown --encoding {args.encoding!r} (auto, utf-8, utf-16, tcvn3, vni, windows-1258)", file=sys.stderr)
            return 2
    try:
        from ..compose import build_nlp
        build_nlp(load_rules(args.rules))
    except RuleError as exc:
        print(f"announce: error: rules: {exc}", file=sys.stderr)
        return 2
    old_term = signal.signal(signal.SIGTERM, _on_term)
    stdin = sys.stdin.buffer.read() if "-" in args.paths else None
    jobs, bad = collect(args.paths, stdin)
    total = len(jobs) + len(bad)
    for o in bad:
        print(f"error: {o.error}", file=sys.stderr)
    skipped = 0
    carried: list[str] = []
    if args.out_dir and os.path.isdir(args.out_dir):
        clean_stale_temps(args.out_dir)
    if args.resume and args.out_dir:
        jobs, skipped = _resume_out_dir(jobs, args.out_dir)
    elif args.resume and args.jsonl:
        jobs, carried = _resume_jsonl(jobs, args.jsonl)
        skipped = len(carried)
    single_stdout = not args.out_dir and not args.jsonl and len(jobs) == 1 and not bad
    jsonl_file: Optional[AtomicFile] = None
    to_stdout_lines = False
    wrote = failed = chars = jsonl_lines = 0
    jsonl_broken: Optional[OSError] = None
    in_jsonl: list[Job] = []  # documents sent to the JSON Lines file
    t0 = time.perf_counter()
    progress = Progress(len(jobs), sys.stderr.isatty() and not args.no_progress and bool(args.out_dir or args.jsonl))

    def report(msg: str) -> None:
        if progress.enabled:
            sys.stderr.write("\r")
        print(f"error: {msg}", file=sys.stderr)

    status = None
    try:
        if args.jsonl and args.jsonl != "-":
            try:
                jsonl_file = AtomicFile(args.jsonl)
                for line in carried:
                    jsonl_file.write(line.encode("utf-8"))
            except OSError as exc:
                print(f"announce: error: cannot write {display_path(args.jsonl)}: {exc.strerror or exc}", file=sys.stderr)
                return 1
        elif args.jsonl == "-" or (not args.out_dir and not single_stdout):
            to_stdout_lines = True  # several inputs to stdout: JSON Lines
        lines = bool(jsonl_file is not None or to_stdout_lines)
        for o in run(jobs, args.jobs, args.rules, args.timeout, args.encoding, lines=lines):
            if o.error:
                failed += 1
                report(o.error)
            else:
                try:
                    if args.out_dir:
                        write_atomic(os.path.join(args.out_dir, o.job.out_name), o.json)
                    elif jsonl_file is not None or to_stdout_lines:
                        line = o.line  # written in the worker: not parsed and encoded again here
                        if jsonl_file is not None:
                            in_jsonl.append(o.job)
                            if jsonl_broken is not None:
                                raise jsonl_broken
                            try:
                                jsonl_file.write(line.encode("utf-8"))
                            except OSError as exc:
                                jsonl_broken = exc
                                raise
                            jsonl_lines += 1
                        else:
                            sys.stdout.write(line)
                    else:
                        sys.stdout.write(o.json)
                    wrote += 1
                    chars += o.chars
                except OSError as exc:
                    if jsonl_file is None:  # (JSON Lines: reported with the file's other documents below)
                        failed += 1
                        target = os.path.join(args.out_dir, o.job.out_name) if args.out_dir else "stdout"
                        report(f"{_shown(o.job)}: cannot write output {display_path(target)}: {exc.strerror or exc}")
            progress.update(bool(o.error))
        if jsonl_file is not None:
            try:
                if jsonl_broken is not None:
                    raise jsonl_broken
                jsonl_file.commit()
            except OSError as exc:
                # the JSON Lines file is not written at all: every document meant for it is an error
                jsonl_file.discard()
                why = f"not written: cannot write {display_path(args.jsonl)}: {exc.strerror or exc}"
                for j in in_jsonl:
                    report(f"{_shown(j)}: {why}")
                for line in carried:
                    report(f"{json.loads(line)['source']['path']}: {why}")
                wrote -= jsonl_lines
                failed += len(in_jsonl) + len(carried)
                skipped -= len(carried)
            jsonl_file = None
    except KeyboardInterrupt as exc:
        status = 143 if isinstance(exc, _Terminated) else 130
    finally:
        signal.signal(signal.SIGTERM, old_term)
        if jsonl_file is not None:
            jsonl_file.discard()
            wrote -= jsonl_lines
            skipped -= len(carried)
        progress.close()
    dt = time.perf_counter() - t0
    rejected = failed + len(bad)
    if status is not None:
        left = total - wrote - rejected - skipped
        print(f"announce: interrupted: {left} inputs not processed", file=sys.stderr)
    if not args.quiet and (total > 1 or rejected or skipped or status is not None):
        extra = f", skipped {skipped} already done" if skipped else ""
        if status is not None:
            extra += f", not processed {total - wrote - rejected - skipped}"
        print(f"read {total} files ({chars} chars), wrote {wrote}, rejected {rejected}{extra} in {dt:.1f} s", file=sys.stderr)
    if status is not None:
        return status
    return 1 if rejected else 0
