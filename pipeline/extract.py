"""Compose the layers: load -> normalise -> the spaCy pipeline (tokenizer + components) -> assemble."""
from __future__ import annotations

import hashlib
import json
from typing import Optional

from .compose import build_nlp
from .contract.assemble import assemble
from .rules import Rules, load_rules
from .text.load import Loaded, read_path
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


def _run(loaded: Loaded, path: Optional[str], rules: Rules):
    return assemble(run_components(loaded.text, rules), loaded, path)


def extract(text: str, *, rules: Optional[Rules] = None, rules_dir: Optional[str] = None, source: Optional[str] = None):
    """Extract from a Python string. Returns an :class:`~pipeline.contract.models.Announcement` (schema-validated)."""
    from .errors import InputError

    if not isinstance(text, str):
        raise TypeError("extract() takes a str; use extract_file() for a path or decode bytes first")
    if not text.strip():
        raise InputError(source or "<string>", "empty input (no text)")
    rules = rules or load_rules(rules_dir)
    loaded = Loaded(text=text, encoding="str", sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
    return _run(loaded, source, rules)


def extract_file(path: str, *, rules: Optional[Rules] = None, rules_dir: Optional[str] = None):
    """Extract from a file (UTF-8 with/without BOM, UTF-16 with BOM). Raises InputError on bad input."""
    rules = rules or load_rules(rules_dir)
    return _run(read_path(path), path, rules)


def extract_bytes(data: bytes, *, source: str = "-", rules: Optional[Rules] = None, rules_dir: Optional[str] = None):
    from .text.load import decode

    rules = rules or load_rules(rules_dir)
    return _run(decode(data, source), source, rules)


def to_json(model) -> str:
    """Deterministic JSON: UTF-8, Vietnamese unescaped, stable key order, trailing newline."""
    return dump_json(model.model_dump(mode="json"))


def dump_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
