"""Stage 5, assemble and validate: build the Announcement and check it against the published schema."""
from __future__ import annotations

from typing import Optional

from ..context import Context
from ..text.load import Loaded
from .models import Announcement, Delegates, DocumentInfo, Source
from .schema import check


def assemble(ctx: Context, loaded: Loaded, path: Optional[str]) -> Announcement:
    nt = ctx.nt
    r = ctx.results
    source = Source(
        path=path, sha256=loaded.sha256, chars=len(nt.original), encoding=loaded.encoding,
        nfc_changed=nt._starts is not None,
        furniture=[ctx.ground(a, b) for a, b in nt.furniture],
    )
    ann = Announcement(
        source=source,
        document=r.get("document") or DocumentInfo(),
        sections=r.get("sections", []),
        delegates=r.get("delegates") or Delegates(),
        percentages=r.get("percentages", []),
        targets=r.get("targets", []),
        results=r.get("results", []),
        officials=r.get("officials", []),
        bodies=r.get("bodies", []),
        warnings=r.get("warnings", []),
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

    def walk(x):
        if isinstance(x, Grounded):
            if original[x.span.start:x.span.end] != x.text or x.span.end < x.span.start:
                raise ContractError(f"{where}: span {x.span.start}-{x.span.end} does not match its text {x.text[:40]!r} (a pipeline bug)")
        if hasattr(x, "__pydantic_fields__"):
            for name in type(x).model_fields:
                walk(getattr(x, name))
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(ann)
