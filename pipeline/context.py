"""What the stages share: the normalised text, the spaCy Doc, the rules, and the results so far."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .contract.models import Grounded, Span
from .text.normalise import NormText
from .rules import Rules


@dataclass
class Context:
    nt: NormText
    rules: Rules
    doc: Any = None                      # spacy.tokens.Doc over nt.fold
    results: dict[str, Any] = field(default_factory=dict)

    def ground(self, start: int, end: int) -> Grounded:
        """A :class:`Grounded` for the norm span [start, end), with original offsets and text."""
        a, b = self.nt.span(start, end)
        return Grounded(text=self.nt.original[a:b], span=Span(start=a, end=b))

    def span(self, start: int, end: int) -> dict:
        a, b = self.nt.span(start, end)
        return {"text": self.nt.original[a:b], "span": Span(start=a, end=b)}

    def section_chain(self, pos: int) -> list:
        """The sections containing norm offset ``pos``, outermost first."""
        out = []
        for s in self.results.get("_raw_sections", ()):
            if s.start > pos:
                break
            if pos < max(s.end, s.heading_end):
                out.append(s)
        return out

    def section_at(self, pos: int) -> str | None:
        """Id of the innermost section containing norm offset ``pos``."""
        chain = self.section_chain(pos)
        return chain[-1].id if chain else None
