"""Streaming extraction: ``extract_many`` over corpora that do not fit in memory.

    from pipeline import extract_many
    for r in extract_many(paths_or_texts, jobs=2):
        if r.error: print(r.source, r.error)
        else: use(r.doc)          # or r.json, r.data

Results come back in input order, one per input, errors as values (``Result.error``), with
at most ``window`` inputs in flight: the input iterable is consumed lazily, so a generator
over millions of files runs in flat memory. ``jobs > 1`` runs worker processes, the same
worker code as ``announce extract --jobs`` (:func:`pipeline.cli.batch.process`).
"""
from __future__ import annotations

import json
import os
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Optional, Union

Input = Union[str, bytes, "os.PathLike[str]", tuple]


@dataclass
class Result:
    """The outcome of one input: ``json`` (the document, as ``to_json`` writes it) or ``error``."""

    index: int                      # position in the input
    source: Optional[str]           # the path, the name given, or None for an unnamed text
    json: Optional[str] = None
    error: Optional[str] = None
    _doc: Any = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def doc(self):
        """The :class:`~pipeline.Announcement` (None on error); parsed from ``json`` when it came from a worker."""
        if self._doc is None and self.json is not None:
            from .contract.models import Announcement

            self._doc = Announcement.model_validate_json(self.json)
        return self._doc

    @property
    def data(self) -> Optional[dict]:
        """The document as a plain dict (``json.loads(self.json)``)."""
        return json.loads(self.json) if self.json is not None else None


def _item(x: Input, index: int, paths: bool) -> tuple:
    """(kind, payload, source): kind is 'path', 'bytes' or 'text'."""
    if isinstance(x, tuple) and len(x) == 2:
        name, value = x
        if isinstance(value, (bytes, bytearray)):
            return "bytes", bytes(value), str(name)
        if isinstance(value, str):
            return "text", value, str(name)
        raise TypeError(f"input {index}: (name, value) needs a str or bytes value, not {type(value).__name__}")
    if isinstance(x, os.PathLike):
        p = os.fspath(x)
        return "path", p, p
    if isinstance(x, (bytes, bytearray)):
        return "bytes", bytes(x), None
    if isinstance(x, str):
        return ("path", x, x) if paths else ("text", x, None)
    raise TypeError(f"input {index}: expected str, bytes, a path or (name, text), not {type(x).__name__}")


def _work(item: tuple) -> tuple[Optional[str], Optional[str], Any]:
    """(json, error, model-or-None) for one item; never raises for a bad input."""
    from .cli.batch import Job, process
    from .errors import ContractError, InputError

    kind, payload, source = item
    if kind != "text":
        o = process(Job(source or "-", "", payload if kind == "bytes" else None))
        return o.json, o.error, None
    from .extract import dump_json, extract
    from .rules import load_rules
    from .cli import batch

    try:
        doc = extract(payload, rules=load_rules(batch._RULES_DIR), source=source)
        return dump_json(doc._validated_dump), None, doc  # the dict assemble() validated: serialised once
    except InputError as exc:
        return None, f"{exc.source}: {exc.problem}", None
    except ContractError as exc:
        return None, f"{source or '<string>'}: internal error (please report): {exc}", None
    except Exception as exc:  # a bug: an error value for this input, the stream goes on
        return None, f"{source or '<string>'}: internal error (please report): {type(exc).__name__}: {exc}", None


def _result(i: int, source: Optional[str], js, err, doc=None) -> Result:
    if err is not None and source is None:  # an unnamed input: say which one
        for prefix in ("-: ", "<string>: ", "None: "):
            if err.startswith(prefix):
                err = f"<input {i}>: " + err[len(prefix):]
                break
    return Result(i, source, js, err, doc)


def _work_remote(item: tuple) -> tuple[Optional[str], Optional[str], None]:
    js, err, _ = _work(item)
    return js, err, None  # the JSON crosses the process boundary, not the model


def extract_many(inputs: Iterable[Input], jobs: int = 1, rules_dir: Optional[str] = None, *,
                 paths: bool = False, window: Optional[int] = None, timeout: int = 120) -> Iterator[Result]:
    """Extract from many inputs, streaming :class:`Result` objects in input order.

    Inputs: ``str`` is a text (or a file path with ``paths=True``), ``pathlib.Path`` (any
    ``os.PathLike``) a file, ``bytes`` raw file content (decoded as ``announce extract`` does),
    ``(name, str_or_bytes)`` a named text. A bad input gives a ``Result`` with ``error`` set
    (``"<source>: <problem>"``, as the CLI prints it); it never stops the stream.
    ``jobs``: worker processes (1: in this process). ``window``: inputs in flight at most
    (default ``8 * jobs``). ``timeout``: seconds per input in worker processes (0 = never; none with ``jobs=1``).
    Broken rule files raise :class:`~pipeline.RuleError` before anything runs.
    """
    from .cli import batch
    from .rules import load_rules

    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    load_rules(rules_dir)  # a usage error surfaces here, once
    items = (_item(x, i, paths) for i, x in enumerate(inputs))
    if jobs == 1:
        for i, it in enumerate(items):
            # the worker reads its settings from batch's globals; set them around each call only
            # (no timeout in the caller's process: signals belong to the application)
            old = (batch._RULES_DIR, batch._TIMEOUT)
            batch._RULES_DIR, batch._TIMEOUT = rules_dir, 0
            try:
                js, err, doc = _work(it)
            finally:
                batch._RULES_DIR, batch._TIMEOUT = old
            yield _result(i, it[2], js, err, doc)
        return
    yield from _pooled(items, jobs, rules_dir, window or 8 * jobs, timeout)


def _pooled(items: Iterator[tuple], jobs: int, rules_dir: Optional[str], window: int, timeout: int) -> Iterator[Result]:
    import multiprocessing as mp

    from .cli.batch import _init

    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    pending: deque = deque()
    with ctx.Pool(jobs, initializer=_init, initargs=(rules_dir, timeout), maxtasksperchild=2000) as pool:
        i = 0
        for it in items:
            pending.append((i, it[2], pool.apply_async(_work_remote, (it,))))
            i += 1
            if len(pending) >= window:
                idx, src, fut = pending.popleft()
                js, err, _ = fut.get()
                yield _result(idx, src, js, err)
        while pending:
            idx, src, fut = pending.popleft()
            js, err, _ = fut.get()
            yield _result(idx, src, js, err)
