"""``announce review``: review pages for texts (extracted on the fly) or for existing JSON outputs.

  announce review samples/ -o review/                    # extract, then a page per text + index.html
  announce review --json out/ --texts texts/ -o review/  # from JSON outputs and the texts they came from
  announce review out/a.json -o review/                  # a JSON output whose source.path names its text
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from typing import Optional

from .items import SpanMismatch
from .page import index_html, to_html


def add_arguments(p) -> None:
    p.add_argument("paths", nargs="*", metavar="INPUT",
                   help="text files, folders (*.txt, recursively), '-' for stdin, or JSON outputs (*.json)")
    p.add_argument("--json", nargs="+", action="extend", default=[], metavar="PATH",
                   help="existing JSON outputs (files, or folders of *.json recursively) instead of extracting")
    p.add_argument("--texts", metavar="DIR",
                   help="folder of the texts of --json outputs: DIR/<relative stem>.txt or DIR/<name in source.path>; "
                        "default: source.path itself")
    p.add_argument("-o", "--out-dir", metavar="DIR", required=True, help="write DIR/<stem>.html per document and DIR/index.html")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="worker processes for extraction (default 1)")
    p.add_argument("--rules", metavar="DIR", help="directory of extra rule files merged with the built-ins")
    p.add_argument("--timeout", type=int, default=120, metavar="S", help="give up extracting one input after S seconds (default 120)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line")


def _slim(d: dict) -> dict:
    """What the index needs of a document (sections' texts can be many times the document)."""
    keep = {k: [{}] * len(d.get(k) or []) for k in ("sections", "targets", "results", "percentages", "officials", "bodies")}
    info = d.get("document") or {}
    return keep | {"source": {k: (d.get("source") or {}).get(k) for k in ("path", "chars")},
                   "document": {"title": info.get("title"), "kind": info.get("kind")},
                   "delegates": d.get("delegates") or {},
                   "warnings": [{"code": w.get("code"), "severity": w.get("severity")} for w in d.get("warnings") or []]}


def _json_inputs(paths: list[str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(file, relative stem) of every JSON output named, and (path, problem) of the missing ones."""
    found, bad = [], []
    for p in paths:
        if os.path.isdir(p):
            n = 0
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for f in sorted(files):
                    if f.lower().endswith(".json"):
                        full = os.path.join(root, f)
                        found.append((full, os.path.splitext(os.path.relpath(full, p))[0]))
                        n += 1
            if not n:
                bad.append((p, "directory holds no *.json files"))
        elif os.path.isfile(p):
            found.append((p, os.path.splitext(os.path.basename(p))[0]))
        else:
            bad.append((p, "no such file or directory"))
    return found, bad


def _text_for(doc: dict, json_path: str, rel: str, texts: Optional[str]) -> str:
    """The decoded text a JSON output was extracted from, checked against its sha256."""
    from ..errors import InputError
    from ..text.load import decode

    src = doc.get("source") if isinstance(doc, dict) else None
    if not isinstance(src, dict) or "sha256" not in src:
        raise ValueError("not an announce JSON output (no source.sha256)")
    sp = src.get("path")
    cands = []
    if texts:
        cands.append(os.path.join(texts, rel + ".txt"))
        if sp and sp != "-":
            cands.append(os.path.join(texts, os.path.basename(sp)))
    elif sp and sp != "-":
        cands += [sp, os.path.join(os.path.dirname(json_path), sp), os.path.join(os.path.dirname(json_path), os.path.basename(sp))]
    cands = [c for i, c in enumerate(cands) if c not in cands[:i]]
    tried = []
    for c in cands:
        if not os.path.isfile(c):
            continue
        with open(c, "rb") as fh:
            data = fh.read()
        if hashlib.sha256(data).hexdigest() != src["sha256"]:
            tried.append(c)
            continue
        try:
            return decode(data, c).text
        except InputError as exc:
            raise ValueError(f"{c}: {exc.problem}") from None
    if tried:
        raise ValueError(f"{', '.join(tried)}: not the text this JSON was extracted from (sha256 differs)")
    where = f"under {texts}" if texts else f"at source.path {sp!r}" if sp else "(source.path is null; use --texts DIR)"
    raise ValueError(f"its text was not found {where}" + (f" (looked for {', '.join(cands)})" if cands else ""))


def _write(path: str, content: str) -> None:
    from ..cli.batch import write_atomic

    write_atomic(path, content)
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)  # readable like any file the user writes (mkstemp makes it 0600)


class _Names:
    """Unique output names; the top-level index.html is reserved."""

    def __init__(self):
        self.used = {"index.html"}

    def __call__(self, stem: str) -> str:
        stem = stem.replace(os.sep, "/")
        name, k = stem + ".html", 2
        while name in self.used:
            name, k = f"{stem}~{k}.html", k + 1
        self.used.add(name)
        return name


def run_cli(args) -> int:
    from ..cli.batch import collect, run
    from ..errors import RuleError
    from ..rules import load_rules
    from ..text.load import decode, read_path
    from ..errors import InputError

    txt_paths = [p for p in args.paths if not (p.lower().endswith(".json") and os.path.isfile(p))]
    json_paths = [p for p in args.paths if p not in txt_paths] + list(args.json)
    if not txt_paths and not json_paths:
        print("announce review: error: give texts to extract (INPUT...) or JSON outputs (--json PATH)", file=sys.stderr)
        return 2
    if args.jobs < 1:
        print("announce review: error: --jobs must be at least 1", file=sys.stderr)
        return 2
    out = args.out_dir
    names = _Names()
    entries: list[tuple[str, dict]] = []
    failures: list[tuple[str, str]] = []

    def emit(label: str, stem: str, doc: dict, text: str) -> None:
        name = names(stem)
        index_href = os.path.relpath("index.html", os.path.dirname(name) or ".").replace(os.sep, "/")
        try:
            page = to_html(doc, text, index_href=index_href)
        except SpanMismatch as exc:
            failures.append((label, str(exc)))
            print(f"error: {label}: {exc}", file=sys.stderr)
            return
        _write(os.path.join(out, name), page)
        entries.append((name, _slim(doc)))

    try:
        if txt_paths:
            try:
                load_rules(args.rules)
            except RuleError as exc:
                print(f"announce review: error: rules: {exc}", file=sys.stderr)
                return 2
            stdin = sys.stdin.buffer.read() if "-" in txt_paths else None
            jobs, bad = collect(txt_paths, stdin)
            for o in bad:
                failures.append((o.job.path, o.error.split(": ", 1)[-1]))
                print(f"error: {o.error}", file=sys.stderr)
            for o in run(jobs, args.jobs, args.rules, args.timeout):
                if o.error:
                    failures.append((o.job.path, o.error))
                    print(f"error: {o.error}", file=sys.stderr)
                    continue
                try:
                    text = decode(o.job.data, o.job.path).text if o.job.data is not None else read_path(o.job.path).text
                except InputError as exc:
                    failures.append((o.job.path, exc.problem))
                    continue
                emit(o.job.path, os.path.splitext(o.job.out_name)[0], json.loads(o.json), text)
        found, bad = _json_inputs(json_paths)
        for p, problem in bad:
            failures.append((p, problem))
            print(f"error: {p}: {problem}", file=sys.stderr)
        for path, rel in found:
            try:
                with open(path, encoding="utf-8") as fh:
                    doc = json.load(fh)
                text = _text_for(doc, path, rel, args.texts)
            except (OSError, UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError is a ValueError
                failures.append((path, str(exc)))
                print(f"error: {path}: {exc}", file=sys.stderr)
                continue
            emit(path, rel, doc, text)
        _write(os.path.join(out, "index.html"), index_html(entries, failures, title=f"Review: {len(entries)} documents"))
    except KeyboardInterrupt:
        print("announce review: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        print(f"announce review: error: cannot write output: {exc}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"wrote {len(entries)} review pages and {os.path.join(out, 'index.html')}"
              + (f"; {len(failures)} inputs failed" if failures else ""), file=sys.stderr)
    return 1 if failures else 0
