"""Stage registry: each extraction stage is a function registered by name.

A stage takes the :class:`~pipeline.context.Context` and stores its output in
``ctx.results``; later stages may read what earlier ones stored. The order is data
(``data/pipeline.json``).
"""
from __future__ import annotations

from typing import Callable

from .context import Context

STAGES: dict[str, Callable[[Context], None]] = {}


def stage(name: str):
    def register(fn: Callable[[Context], None]):
        if name in STAGES:
            raise ValueError(f"stage {name!r} registered twice")
        STAGES[name] = fn
        return fn

    return register


@stage("sections")
def _sections(ctx: Context) -> None:
    from .models import Section
    from .sections import SectionFinder

    raw = ctx.rules.compiled("sections", SectionFinder).find(ctx.nt)
    ctx.results["_raw_sections"] = raw
    out = []
    for s in raw:
        title = ctx.nt.orig_text(s.title_start, s.title_end).replace("**", "").strip() or None
        out.append(Section(
            id=s.id, label=s.label, kind=s.kind, list_item=s.list_item, title=title, level=s.level,
            parent=s.parent.id if s.parent else None,
            heading=ctx.ground(s.start, s.heading_end), **ctx.span(s.start, s.end),
        ))
    ctx.results["sections"] = out


def _register_modules() -> None:
    """Import the modules whose stages register themselves with @stage."""
    from . import bodies, checks, delegates, document, officials, percentages, quantities, targets  # noqa: F401


_register_modules()
