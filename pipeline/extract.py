"""Compose the layers: load -> normalise -> the spaCy pipeline (tokenizer + components) -> assemble."""
from __future__ import annotations

import gc
import hashlib
import json
import typing
from contextlib import contextmanager
from typing import Optional

import orjson as _orjson

from .compose import build_nlp
from .contract.assemble import assemble
from .rules import Rules, load_rules
from .text.load import Loaded, check_text, display_path, read_path
from .text.normalise import normalise


def make_doc(text: str, rules: Rules):
    """The Doc of a decoded text before any component: tokens over the normalised text, ``doc._.norm``/``rules``."""
    nt = normalise(text, rules)
    nlp = build_nlp(rules)
    doc = nlp.make_doc(nt.fold)
    doc._.norm = nt
    doc._.rules = rules
    doc.user_data["wrapped"] = nt.wrapped
    doc.user_data["text"] = nt.fold
    return nlp, doc


def run_components(text: str, rules: Rules):
    """The Doc after every component of the config: products on ``doc._``, items in ``doc.spans``."""
    nlp, doc = make_doc(text, rules)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def _source_encodings() -> set:
    from .contract.models import Source
    return set(typing.get_args(Source.model_fields["encoding"].annotation))


@contextmanager
def gc_paused():
    """The cyclic garbage collector paused for one document (and restored as it was). An extraction
    allocates objects in proportion to the text and frees them by reference counting; the collector's
    passes over everything alive grew its cost faster than the text (at 32x the reference text,
    1,498 ns per character with it, 1,291 without, 1,338 at 1x). Cycles left behind, if any, are
    collected once it runs again."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _run(loaded: Loaded, path: Optional[str], rules: Rules):
    with gc_paused():
        doc = run_components(loaded.text, rules)
        notes = _notes(loaded)
        if loaded.encoding not in _source_encodings():
            # a legacy encoding the contract does not list: the legacy_encoding warning names it
            import dataclasses
            loaded = dataclasses.replace(loaded, encoding="utf-8")
        return assemble(doc, loaded, path, notes)


def _notes(loaded: Loaded) -> list:
    """How the text was read (legacy encoding, mojibake repaired): warnings on the document."""
    from .contract.models import Span, Warning

    return [Warning(code=code, severity=severity, message=message, text=loaded.text[a:b], span=Span(start=a, end=b))
            for code, severity, message, (a, b) in loaded.notes or ()]


def extract(text: str, *, rules: Optional[Rules] = None, rules_dir: Optional[str] = None, source: Optional[str] = None,
            repair: bool = True):
    """Extract from a Python string. Returns an :class:`~pipeline.contract.models.Announcement` (schema-validated).

    Raises :class:`~pipeline.errors.InputError` for text over the limits (see ``pipeline.text.load``),
    with lone surrogates or NUL characters, or empty. Leading BOMs are dropped. ``repair``: undo
    mojibake (reported as a ``mojibake_repaired`` warning)."""
    from .text.load import repair as repair_text

    if not isinstance(text, str):
        raise TypeError("extract() takes a str; use extract_file() for a path or extract_bytes() for bytes")
    where = source or "<string>"
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    text = check_text(text, where)
    notes: list = []
    if repair:
        text, notes = repair_text(text)
        if notes:
            text = check_text(text, where)
    rules = rules or load_rules(rules_dir)
    loaded = Loaded(text=text, encoding="str", sha256=digest, notes=tuple(notes))
    return _run(loaded, source, rules)


def extract_file(path: str, *, rules: Optional[Rules] = None, rules_dir: Optional[str] = None, encoding: Optional[str] = None):
    """Extract from a file (UTF-8 with/without BOM, UTF-16 with BOM, TCVN3, VNI, Windows-1258).

    ``encoding``: None (detect) or one of ``pipeline.text.load.ENCODINGS``. Raises InputError on bad input."""
    rules = rules or load_rules(rules_dir)
    return _run(read_path(path, encoding), display_path(path), rules)


def extract_bytes(data: bytes, *, source: str = "-", rules: Optional[Rules] = None, rules_dir: Optional[str] = None,
                  encoding: Optional[str] = None):
    from .text.load import decode

    rules = rules or load_rules(rules_dir)
    source = display_path(source)
    return _run(decode(data, source, encoding), source, rules)


def to_json(model) -> str:
    """Deterministic JSON: UTF-8, Vietnamese unescaped, stable key order, trailing newline."""
    with gc_paused():
        return dump_json(model.model_dump(mode="json"))


def dump_json(data: dict) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2) + "\\n"``, byte for byte, written by orjson.

    orjson writes the same bytes except for floats below 1e-4 in magnitude ("0.00001" for
    Python's "1e-05") and integers beyond 64 bits: those documents (a digit string followed by
    "e-" or "0.0000" shows them; rare) are written by the standard library."""
    try:
        out = _orjson.dumps(data, option=_ORJSON_OPTS)
    except TypeError:  # an integer beyond 64 bits
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if _small_float(out):
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return out.decode("utf-8")


def dump_line(data: dict) -> str:
    """One JSON Lines line: ``json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\\n"``, byte for byte."""
    try:
        out = _orjson.dumps(data, option=_orjson.OPT_APPEND_NEWLINE)
    except TypeError:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    if _small_float(out):
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    return out.decode("utf-8")


_ORJSON_OPTS = _orjson.OPT_INDENT_2 | _orjson.OPT_APPEND_NEWLINE


def _small_float(out: bytes) -> bool:
    """Whether orjson's output may hold a float that Python's json writes differently: below 1e-4 in
    magnitude (1e-05 is "0.00001", 1.5e-07 is "1.5e-7"). Found with memchr-speed searches; a string
    holding such text only costs the slower writer."""
    if b"0.0000" in out:
        return True
    i = out.find(b"e-")
    while i > 0:
        if 48 <= out[i - 1] <= 57:  # a digit before "e-"
            return True
        i = out.find(b"e-", i + 2)
    return False
