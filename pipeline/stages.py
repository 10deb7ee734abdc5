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


def _register_modules() -> None:
    """Import the modules whose stages register themselves with @stage."""
    from . import bodies, checks, delegates, document, officials, percentages, quantities, sections, targets  # noqa: F401


_register_modules()
