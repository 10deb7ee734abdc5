"""Compose the stages: load -> normalise -> tokenise -> extraction stages -> assemble and validate."""
from __future__ import annotations

import hashlib
import json
import typing
from typing import Optional

from .registry import register_all
from .contract.assemble import assemble
from .context import Context
from .text.load import Loaded, check_text, display_path, read_path
from .text.normalise import normalise
from .rules import Rules, load_rules
from .text.tokenise import tokenise


def _source_encodings() -> set:
    from .contract.models import Source
    return set(typing.get_args(Source.model_fields["encoding"].annotation))


def _run(loaded: Loaded, path: Optional[str], rules: Rules):
    nt = normalise(loaded.text, rules)
    ctx = Context(nt=nt, rules=rules)
    ctx.doc = tokenise(nt.fold, nt.wrapped)
    for name in rules["pipeline"]["stages"]:
        register_all()[name](ctx)
    if loaded.notes:
        _add_notes(ctx, loaded)
    if loaded.encoding not in _source_encodings():
        # a legacy encoding the contract does not list yet: the legacy_encoding warning names it
        import dataclasses
        loaded = dataclasses.replace(loaded, encoding="utf-8")
    return assemble(ctx, loaded, path)


def _add_notes(ctx: Context, loaded: Loaded) -> None:
    """How the text was read (legacy encoding, mojibake repaired): warnings on the document."""
    from .contract.models import Span, Warning

    notes = []
    for code, severity, message, (a, b) in loaded.notes:
        notes.append(Warning(code=code, severity=severity, message=message,
                             text=loaded.text[a:b], span=Span(start=a, end=b)))
    ctx.results["warnings"] = notes + list(ctx.results.get("warnings") or [])


def extract(text: str, *, rules: Optional[Rules] = None, rules_dir: Optional[str] = None, source: Optional[str] = None,
            repair: bool = True):
    """Extract from a Python string. Returns an :class:`~pipeline.models.Announcement` (schema-validated).

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
    return dump_json(model.model_dump(mode="json"))


def dump_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
