"""Stage 5, assemble and validate: build the Announcement and check it against the published schema."""
from __future__ import annotations

import typing
from typing import Optional

from pydantic import BaseModel

from ..text.load import Loaded
from .models import Announcement, Delegates, DocumentInfo, Source
from .schema import check


def assemble(doc, loaded: Loaded, path: Optional[str], notes: Optional[list] = None) -> Announcement:
    """The one place where the contract model is put together from the products on the Doc.

    A component left out of the config leaves its fields empty (never missing)."""
    from ..context import Context

    ctx = Context(doc)
    nt, x = ctx.nt, ctx.products
    source = Source(
        path=path, sha256=loaded.sha256, chars=len(nt.original), encoding=loaded.encoding,
        nfc_changed=nt._starts is not None,
        furniture=[ctx.ground(a, b) for a, b in nt.furniture],
    )
    pcts = list(x.percentages.items) if x.percentages else []
    if x.delegates is not None:  # the wholes the delegates stage found ("bằng 78,9%" of the attendees)
        pcts = [p if x.delegates.base_of(i, p) == p.base else p.model_copy(update={"base": x.delegates.base_of(i, p)})
                for i, p in enumerate(pcts)]
    ann = Announcement(
        source=source,
        document=x.document or DocumentInfo(),
        sections=list(x.sections.items) if x.sections else [],
        delegates=x.delegates.stats if x.delegates else Delegates(),
        percentages=pcts,
        targets=list(x.figures.targets) if x.figures else [],
        results=list(x.figures.results) if x.figures else [],
        officials=list(x.officials.items) if x.officials else [],
        bodies=list(x.bodies.items) if x.bodies else [],
        warnings=list(notes or []) + (list(x.warnings.items) if x.warnings else []),
    )
    _check_spans(ann, nt.original, path)
    dumped = ann.model_dump(mode="json")
    check(dumped, path or "<string>")
    ann._validated_dump = dumped  # to_json() writes exactly what was validated
    return ann


def _check_spans(ann: Announcement, original: str, where: Optional[str]) -> None:
    """Every grounded item must satisfy original[start:end] == text (a bug otherwise)."""
    from ..errors import ContractError
    from .models import Grounded

    stack = [ann]
    while stack:  # every model and list under the document; scalar fields are not visited
        x = stack.pop()
        if isinstance(x, list):
            stack.extend(x)
            continue
        if x is None:
            continue
        if isinstance(x, Grounded):
            if original[x.span.start:x.span.end] != x.text or x.span.end < x.span.start:
                raise ContractError(f"{where}: span {x.span.start}-{x.span.end} does not match its text {x.text[:40]!r} (a pipeline bug)")
        for name in _nested_fields(type(x)):
            stack.append(getattr(x, name))


_NESTED: dict[type, tuple] = {}


def _nested_fields(cls: type) -> tuple:
    """Names of the fields of model class ``cls`` that can hold a model or a list (read from
    the annotations once per class)."""
    names = _NESTED.get(cls)
    if names is None:
        names = _NESTED[cls] = tuple(n for n, f in cls.model_fields.items() if _can_nest(f.annotation))
    return names


def _can_nest(tp) -> bool:
    if isinstance(tp, type):
        return issubclass(tp, (BaseModel, list, tuple, dict))
    origin = typing.get_origin(tp)
    if origin is typing.Literal:
        return False
    if origin is not None and isinstance(origin, type) and issubclass(origin, (list, tuple, dict)):
        return True
    return any(_can_nest(a) for a in typing.get_args(tp))
