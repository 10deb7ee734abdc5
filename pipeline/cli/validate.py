"""``announce validate``: check output documents, one line per problem, every file checked.

Beyond the JSON Schema (structure, types, enums), it checks what a schema cannot:

* numbers are finite (``NaN``, ``Infinity`` are not JSON numbers, though Python writes them);
* every span is in order (``start <= end``) and inside the text (``end <= source.chars``);
* with the text at hand (``--text FILE``, else ``source.path`` when that file exists):
  the text's SHA-256 is ``source.sha256``, its length is ``source.chars``, and every
  ``text[span.start:span.end]`` equals the item's ``text`` (the text decoded exactly as
  ``extract`` decodes it);
* a file too deeply nested to read is an error line, not a crash.

A ``.jsonl`` file is checked line by line (``FILE:LINE``).
"""
from __future__ import annotations

import json
import math
import os
import sys
from typing import Any, Iterator, Optional

MAX_LINES_PER_DOC = 20


def add_arguments(v) -> None:
    v.add_argument("--text", metavar="FILE", help="the input text the documents were extracted from (default: source.path when it exists)")


def _reject_constant(name: str):
    raise ValueError(f"non-finite number {name} (not valid JSON)")


def _load(raw: str) -> Any:
    return json.loads(raw, parse_constant=_reject_constant)


def _non_finite(x: Any, path: str = "") -> Iterator[str]:
    stack = [(x, path)]
    while stack:
        v, p = stack.pop()
        if isinstance(v, float) and not math.isfinite(v):
            yield f"{p or '(root)'}: non-finite number {v}"
        elif isinstance(v, dict):
            stack.extend(reversed([(val, f"{p}/{k}" if p else str(k)) for k, val in v.items()]))
        elif isinstance(v, list):
            stack.extend(reversed([(val, f"{p}/{i}" if p else str(i)) for i, val in enumerate(v)]))


def _grounded(x: Any, path: str = "") -> Iterator[tuple[str, dict]]:
    stack = [(x, path)]
    while stack:
        v, p = stack.pop()
        if isinstance(v, dict):
            if isinstance(v.get("span"), dict) and "text" in v:
                yield p or "(root)", v
            stack.extend(reversed([(val, f"{p}/{k}" if p else str(k)) for k, val in v.items()]))
        elif isinstance(v, list):
            stack.extend(reversed([(val, f"{p}/{i}" if p else str(i)) for i, val in enumerate(v)]))


def _read_text(path: str) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """(decoded text, sha256 of the bytes, problem)."""
    from ..errors import InputError
    from ..text.load import MAX_BYTES, decode

    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, None, f"cannot read text {path}: {exc.strerror or exc}"
    import hashlib
    digest = hashlib.sha256(data).hexdigest()
    try:
        return decode(data, path).text, digest, None
    except InputError as exc:
        return None, digest, f"text {path}: {exc.problem}"


def check_document(doc: Any, text_path: Optional[str] = None, text_cache: Optional[dict] = None,
                   text: Optional[str] = None) -> list[str]:
    """Problems of one parsed document (empty when valid). ``text``: the decoded input, when at hand in memory."""
    from ..contract.schema import errors, fast_validator

    problems = list(_non_finite(doc))
    try:
        # the compiled validator answers first (about 10x faster on a large output); the
        # messages of an invalid document come from jsonschema, which lists every violation
        if fast_validator()(doc) is not None:
            problems += errors(doc)
    except RecursionError:
        return problems + ["(root): too deeply nested to check"]
    if not isinstance(doc, dict):
        return problems
    source = doc.get("source") if isinstance(doc.get("source"), dict) else {}
    chars = source.get("chars") if isinstance(source.get("chars"), int) else None
    path = text_path or (source.get("path") if isinstance(source.get("path"), str) and source.get("path") not in ("-",) else None)
    if text is not None:
        if chars is not None and chars != len(text):
            problems.append(f"source/chars: {chars}, but the text has {len(text)} characters")
    elif path and (text_path or os.path.isfile(path)):
        cache = text_cache if text_cache is not None else {}
        if path not in cache:
            cache[path] = _read_text(path)
        text, digest, problem = cache[path]
        if problem:
            problems.append(problem)
        elif text is not None:
            if source.get("encoding") != "str" and source.get("sha256") not in (None, digest):
                problems.append(f"source/sha256: the text {path} is not the one extracted (SHA-256 differs)")
            if chars is not None and chars != len(text):
                problems.append(f"source/chars: {chars}, but the text {path} has {len(text)} characters")
    for where, item in _grounded(doc):
        span, t = item["span"], item["text"]
        a, b = span.get("start"), span.get("end")
        if not (isinstance(a, int) and isinstance(b, int) and not isinstance(a, bool) and not isinstance(b, bool)):
            continue  # the schema has said so
        if a < 0 or b < 0:
            continue
        if b < a:
            problems.append(f"{where}/span: reversed ({a} > {b})")
            continue
        if chars is not None and b > chars:
            problems.append(f"{where}/span: {a}-{b} is outside the text ({chars} characters)")
            continue
        if isinstance(t, str):
            if text is not None:
                if text[a:b] != t:
                    problems.append(f"{where}: text {t[:40]!r} is not the text at {a}-{b} ({text[a:b][:40]!r})")
            elif len(t) != b - a:
                problems.append(f"{where}: text of {len(t)} characters for a span of {b - a}")
    return problems


def _documents(path: str) -> Iterator[tuple[str, Any, Optional[str]]]:
    """(label, document, problem reading it)."""
    try:
        with open(path, encoding="utf-8") as fh:
            raw = fh.read()
    except UnicodeDecodeError as exc:
        yield path, None, f"cannot read: not UTF-8 (byte {exc.start})"
        return
    except OSError as exc:
        yield path, None, f"cannot read: {exc.strerror or exc}"
        return
    if path.endswith(".jsonl"):
        for n, line in enumerate(raw.splitlines(), 1):
            if line.strip():
                yield from _parse(f"{path}:{n}", line)
        return
    yield from _parse(path, raw)


def _parse(label: str, raw: str) -> Iterator[tuple[str, Any, Optional[str]]]:
    try:
        yield label, _load(raw), None
    except json.JSONDecodeError as exc:
        yield label, None, f"not JSON: line {exc.lineno}, column {exc.colno}: {exc.msg}"
    except RecursionError:
        yield label, None, "not readable: JSON nested too deeply"
    except ValueError as exc:
        yield label, None, f"not JSON: {exc}"


def run_cli(args) -> int:
    from ..text.load import display_path

    bad = 0
    cache: dict = {}
    for f in args.files:
        for label, doc, problem in _documents(f):
            shown = display_path(label)
            if problem:
                print(f"{shown}: {problem}", file=sys.stderr)
                bad += 1
                continue
            try:
                problems = check_document(doc, args.text, cache)
            except RecursionError:
                problems = ["(root): too deeply nested to check"]
            if problems:
                bad += 1
                for p in problems[:MAX_LINES_PER_DOC]:
                    print(f"{shown}: {p}", file=sys.stderr)
                if len(problems) > MAX_LINES_PER_DOC:
                    print(f"{shown}: ... and {len(problems) - MAX_LINES_PER_DOC} more", file=sys.stderr)
            else:
                print(f"{shown}: valid")
    return 1 if bad else 0
