"""Typed products that stages put on the Doc (``doc._.<name>``); each is written by one stage only.

Items inside are the contract's pydantic models where the stage builds them already
in their published shape; assembly only puts them together (and applies the
delegate stage's percentage wholes, see :meth:`DelegateStats.base_of`).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Optional


@dataclass(frozen=True)
class SectionTree:
    """``raw``: RawSection objects in document order (norm offsets); ``items``: contract Sections."""
    raw: tuple
    items: tuple
    _starts: tuple = field(default=(), repr=False)

    def __post_init__(self):
        object.__setattr__(self, "_starts", tuple(s.start for s in self.raw))

    def chain(self, pos: int) -> list:
        """Sections containing norm offset ``pos``, outermost first (binary search, then parents)."""
        i = bisect_right(self._starts, pos) - 1
        s = self.raw[i] if i >= 0 else None
        while s is not None and not pos < max(s.end, s.heading_end):
            s = s.parent
        out = []
        while s is not None:
            out.append(s)
            s = s.parent
        out.reverse()
        return out


@dataclass(frozen=True)
class QuantityMentions:
    """Every number of the text read by the quantity grammar (``numbers.Mention``), in order."""
    mentions: tuple


@dataclass(frozen=True)
class PercentageLinks:
    """``items``: contract Percentages; ``links``: per item (percent Mention, count Mention or None, label)."""
    items: tuple
    links: tuple


@dataclass(frozen=True)
class DelegateStats:
    """The contract Delegates and the wholes this stage found for percentages (index -> whole)."""
    stats: Any
    bases: dict

    def base_of(self, index: int, percentage) -> Optional[float]:
        return self.bases.get(index, percentage.base)


@dataclass(frozen=True)
class Figures:
    """Targets (goals) and results (achieved figures): contract Quantity items."""
    targets: tuple
    results: tuple


@dataclass(frozen=True)
class Items:
    """A plain list of contract items (officials, bodies, warnings)."""
    items: tuple
