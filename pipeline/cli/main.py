"""Command line: ``announce`` (also ``python -m pipeline``).

  announce extract PATH... [-o DIR | --jsonl FILE] [--jobs N] [--rules DIR]
  announce schema
  announce validate FILE.json...
  announce eval ...
  announce review INPUT... -o DIR | --json PATH... [--texts DIR] -o DIR
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
    out.add_argument("-o", "--out-dir", metavar="DIR", help="write one <stem>.json per input into DIR (atomically); '-' is standard output, as with no -o")
    out.add_argument("--jsonl", metavar="FILE", help="write all documents as JSON Lines to FILE ('-' for stdout)")
    e.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    e.add_argument("--rules", metavar="DIR", help="directory of extra rule files merged with the built-ins")
    e.add_argument("--timeout", type=int, default=120, metavar="S", help="give up on one input after S seconds (default 120; 0 = never)")
    e.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    e.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    e.add_argument("--encoding", metavar="ENC", help="input encoding: auto (default: UTF-8/UTF-16 by BOM, legacy detected), utf-8, utf-16, tcvn3, vni, windows-1258")
    e.add_argument("--resume", action="store_true", help="skip inputs whose output (-o DIR or --jsonl FILE) is already there for the same bytes")

    sub.add_parser("schema", help="print the output JSON Schema")

    st = sub.add_parser("stages", help="print the stage graph: components in order, what each requires, assigns and reads")
    st.add_argument("--rules", metavar="DIR", help="directory of extra rule files (and an optional pipeline.cfg)")
    st.add_argument("--json", action="store_true", help="as JSON")

    v = sub.add_parser("validate", help="check output files: schema, finite numbers, spans against the text")
    v.add_argument("files", nargs="+", metavar="FILE.json")
    from .validate import add_arguments as add_validate_arguments
    add_validate_arguments(v)

    ev = sub.add_parser("eval", help="score the pipeline against gold annotation files")
    from ..evaluate.scoring import add_arguments
    add_arguments(ev)

    rv = sub.add_parser("review", help="HTML review pages: the text with every extracted item highlighted")
    from ..review.cli import add_arguments as review_arguments
    review_arguments(rv)
    from ..tables import add_arguments as tables_arguments
    tables_arguments(sub.add_parser("tables", help="flat tables (CSV or Parquet) from JSON documents: one per kind of item"))

    from ..spark import add_arguments as spark_arguments
    spark_arguments(sub.add_parser("spark", help="run the pipeline on Spark: a folder of texts or Parquet in, Parquet out"))
    return p


def _version() -> str:
    from .. import __version__
    return __version__


def _extract(args) -> int:
    from .batch import extract_command
    return extract_command(args)


def _stages(args) -> int:
    from ..compose import graph
    from ..errors import RuleError
    from ..rules import load_rules

    try:
        rows = graph(load_rules(args.rules))
    except RuleError as exc:
        print(f"announce: error: rules: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for i, r in enumerate(rows):
        print(f"{i:>2}. {r['component']}  ({r['factory']}, {r['module']})")
        print(f"      requires: {', '.join('doc._.' + x for x in r['requires']) or '-'}")
        print(f"      assigns:  {', '.join('doc._.' + x for x in r['assigns']) or '-'}")
        print(f"      rules:    {', '.join(r['rules']) or '-'}")
    return 0


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
            from .validate import run_cli as validate_cli
            return validate_cli(args)
        if args.command == "stages":
            return _stages(args)
        if args.command == "eval":
            from ..evaluate.scoring import run_cli
            return run_cli(args)
        if args.command == "review":
            from ..review.cli import run_cli as review
            return review(args)
        if args.command in ("tables", "spark"):
            import importlib
            return importlib.import_module(f"..{args.command}", __package__).run_cli(args)
    except BrokenPipeError:
        return 1
    except KeyboardInterrupt:
        print("announce: interrupted", file=sys.stderr)
        return 130
    return 2


if __name__ == "__main__":
    sys.exit(main())
