"""Command line: ``announce`` (also ``python -m pipeline``).

  announce extract PATH... [-o DIR | --jsonl FILE] [--jobs N] [--rules DIR]
  announce schema
  announce validate FILE.json...
  announce eval ...
  announce tables INPUT... -o DIR [--format csv|parquet]
  announce spark INPUT OUTPUT [--master URL] [--rules DIR]

Exit codes: 0 all good, 1 some inputs failed (each reported on stderr), 2 usage error.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="announce", description="Turn Vietnamese official announcements into schema-validated JSON.")
    p.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    e = sub.add_parser("extract", help="extract JSON from text files, directories (*.txt, recursively) or stdin (-)")
    e.add_argument("paths", nargs="+", metavar="PATH")
    out = e.add_mutually_exclusive_group()
    out.add_argument("-o", "--out-dir", metavar="DIR", help="write one <stem>.json per input into DIR (atomically)")
    out.add_argument("--jsonl", metavar="FILE", help="write all documents as JSON Lines to FILE ('-' for stdout)")
    e.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    e.add_argument("--rules", metavar="DIR", help="directory of extra rule files merged with the built-ins")
    e.add_argument("--timeout", type=int, default=120, metavar="S", help="give up on one input after S seconds (default 120; 0 = never)")
    e.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    e.add_argument("-q", "--quiet", action="store_true", help="no summary line")

    sub.add_parser("schema", help="print the output JSON Schema")

    v = sub.add_parser("validate", help="check JSON files against the output schema")
    v.add_argument("files", nargs="+", metavar="FILE.json")

    ev = sub.add_parser("eval", help="score the pipeline against gold annotation files")
    from ..evaluate.scoring import add_arguments
    add_arguments(ev)

    from ..tables import add_arguments as tables_arguments
    tables_arguments(sub.add_parser("tables", help="flat tables (CSV or Parquet) from JSON documents: one per kind of item"))

    from ..spark import add_arguments as spark_arguments
    spark_arguments(sub.add_parser("spark", help="run the pipeline on Spark: a folder of texts or Parquet in, Parquet out"))
    return p


def _version() -> str:
    from .. import __version__
    return __version__


def _extract(args) -> int:
    from .batch import Progress, collect, run, write_atomic
    from ..errors import RuleError
    from ..rules import load_rules

    if args.jobs < 1:
        print("announce: error: --jobs must be at least 1", file=sys.stderr)
        return 2
    try:
        load_rules(args.rules)
    except RuleError as exc:
        print(f"announce: error: rules: {exc}", file=sys.stderr)
        return 2
    stdin = sys.stdin.buffer.read() if "-" in args.paths else None
    jobs, bad = collect(args.paths, stdin)
    for o in bad:
        print(f"error: {o.error}", file=sys.stderr)
    single_stdout = not args.out_dir and not args.jsonl and len(jobs) == 1 and not bad
    jsonl_fh = None
    if args.jsonl:
        jsonl_fh = sys.stdout if args.jsonl == "-" else open(args.jsonl + ".tmp", "w", encoding="utf-8", newline="\n")
    elif not args.out_dir and not single_stdout:
        jsonl_fh = sys.stdout  # several inputs to stdout: JSON Lines
    progress = Progress(len(jobs), sys.stderr.isatty() and not args.no_progress and (args.out_dir or args.jsonl))
    wrote = failed = chars = 0
    t0 = time.perf_counter()
    try:
        for o in run(jobs, args.jobs, args.rules, args.timeout):
            if o.error:
                failed += 1
                if progress.enabled:
                    sys.stderr.write("\r")
                print(f"error: {o.error}", file=sys.stderr)
            else:
                chars += o.chars
                if args.out_dir:
                    write_atomic(os.path.join(args.out_dir, o.job.out_name), o.json)
                elif jsonl_fh is not None:
                    jsonl_fh.write(json.dumps(json.loads(o.json), ensure_ascii=False, separators=(",", ":")) + "\n")
                else:
                    sys.stdout.write(o.json)
                wrote += 1
            progress.update(bool(o.error))
    except KeyboardInterrupt:
        progress.close()
        print("announce: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        progress.close()
        print(f"announce: error: cannot write output: {exc}", file=sys.stderr)
        return 1
    finally:
        if jsonl_fh is not None and jsonl_fh is not sys.stdout:
            jsonl_fh.close()
    if args.jsonl and args.jsonl != "-":
        os.replace(args.jsonl + ".tmp", args.jsonl)
    progress.close()
    dt = time.perf_counter() - t0
    rejected = failed + len(bad)
    if not args.quiet and (len(jobs) + len(bad) > 1 or rejected):
        print(f"read {len(jobs)} files ({chars} chars), wrote {wrote}, rejected {rejected} in {dt:.1f} s", file=sys.stderr)
    return 1 if rejected else 0


def _validate(args) -> int:
    from ..contract.schema import errors

    bad = 0
    for f in args.files:
        try:
            with open(f, encoding="utf-8") as fh:
                doc = json.load(fh)
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{f}: cannot read: {exc}", file=sys.stderr)
            bad += 1
            continue
        except json.JSONDecodeError as exc:
            print(f"{f}: not JSON: line {exc.lineno}, column {exc.colno}: {exc.msg}", file=sys.stderr)
            bad += 1
            continue
        errs = errors(doc)
        if errs:
            bad += 1
            for e in errs[:20]:
                print(f"{f}: {e}", file=sys.stderr)
            if len(errs) > 20:
                print(f"{f}: ... and {len(errs) - 20} more", file=sys.stderr)
        else:
            print(f"{f}: valid")
    return 1 if bad else 0


def main(argv=None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        if args.command == "extract":
            return _extract(args)
        if args.command == "schema":
            from ..contract.schema import schema_json
            sys.stdout.write(schema_json())
            return 0
        if args.command == "validate":
            return _validate(args)
        if args.command == "eval":
            from ..evaluate.scoring import run_cli
            return run_cli(args)
        if args.command in ("tables", "spark"):
            import importlib
            return importlib.import_module(f"..{args.command}", __package__).run_cli(args)
    except BrokenPipeError:
        return 1
    return 2


if __name__ == "__main__":
    sys.exit(main())
