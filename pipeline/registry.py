"""Stage registry (interim): each extraction stage is a function registered by name."""
from __future__ import annotations

from typing import Callable

STAGES: dict[str, Callable] = {}


def stage(name: str):
    def register(fn):
        if name in STAGES:
            raise ValueError(f"stage {name!r} registered twice")
        STAGES[name] = fn
        return fn

    return register


def register_all() -> dict:
    from .stages import bodies, checks, delegates, document, officials, percentages, quantities, sections, targets  # noqa: F401
    return STAGES
