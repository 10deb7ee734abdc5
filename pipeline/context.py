"""What a stage sees: the Doc, its normalised text and rules, and helpers to ground offsets."""
from __future__ import annotations

from .contract.models import Grounded, Span


class Context:
    """A view over a Doc for one stage. Products of earlier stages are ``ctx.products.<name>``
    (``doc._.<name>``, read without building a ``doc._`` object per access)."""

    __slots__ = ("doc", "nt", "rules", "products", "_tree")

    def __init__(self, doc):
        from .registry import Products

        self.doc = doc
        self.products = Products(doc)
        self.nt = self.products.norm
        self.rules = self.products.rules
        self._tree = None  # the section tree, read from the Doc once it exists

    def ground(self, start: int, end: int) -> Grounded:
        """A :class:`Grounded` for the norm span [start, end), with original offsets and text."""
        a, b = self.nt.span(start, end)
        return Grounded(text=self.nt.original[a:b], span=Span(start=a, end=b))

    def span(self, start: int, end: int) -> dict:
        a, b = self.nt.span(start, end)
        return {"text": self.nt.original[a:b], "span": Span(start=a, end=b)}

    def section_chain(self, pos: int) -> list:
        """The sections containing norm offset ``pos``, outermost first."""
        tree = self._tree
        if tree is None:  # (each ``doc._`` access builds an object: 0.9 s on 150,000 figures)
            tree = self._tree = self.products.sections
        return tree.chain(pos) if tree is not None else []

    def section_at(self, pos: int) -> str | None:
        """Id of the innermost section containing norm offset ``pos``."""
        chain = self.section_chain(pos)
        return chain[-1].id if chain else None
