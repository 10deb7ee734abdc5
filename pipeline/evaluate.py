"""Evaluation against gold annotations (see issue: evaluation harness)."""
from __future__ import annotations


def add_arguments(p) -> None:
    p.add_argument("paths", nargs="*")


def run_cli(args) -> int:
    import sys
    print("eval: not implemented yet", file=sys.stderr)
    return 2
