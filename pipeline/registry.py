"""Components: every extraction stage is a spaCy pipeline component with a declared contract.

A stage module registers a function with :func:`component`::

    @component("percentages", requires=("quantities", "sections"), assigns=("percentages",),
               rules=())
    def extract_percentages(ctx): ...
        return PercentageLinks(...)

This registers a spaCy factory ``announce_percentages`` (``Language.factory``) whose
``requires``/``assigns`` name Doc extension attributes (``doc._.quantities``). The
function receives a :class:`~pipeline.context.Context` over the Doc and returns its
products (one value per name in ``assigns``, a tuple when there are several), which
the component stores on the Doc; it never writes another component's products.

The pipeline is assembled from a spaCy config (``data/pipeline.cfg``): see
:func:`pipeline.compose.build_nlp`, which checks before the first document that
every required product is assigned by an earlier component.

A user package registers its own components the same way and names its module in
the config's ``[announce] import`` list (README, "Your own component").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc

#: Products that the text layer puts on every Doc before the first component runs.
BASE_PRODUCTS = {"norm": "the normalised text (NormText: NFC, folded, offset maps, furniture)",
                 "rules": "the merged rule files (Rules)"}


@dataclass(frozen=True)
class Contract:
    name: str            # component name, e.g. "percentages"
    factory: str         # spaCy factory name, e.g. "announce.percentages"
    requires: tuple
    assigns: tuple
    rules: tuple         # rule families (files in data/rules/) the component reads
    module: str
    doc: str


CONTRACTS: dict[str, Contract] = {}


def _ext(name: str) -> None:
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)


def _key(name: str) -> tuple:
    """Where spaCy keeps the value of the Doc extension ``name`` (no getter, default None)."""
    return ("._.", name, None, None)


def get_product(doc: Doc, name: str):
    """``doc._.<name>`` read straight from the Doc's ``user_data``, where spaCy stores it (each
    ``doc._`` access builds an object: a hundred of them per document cost more than a short
    document's extraction)."""
    return doc.user_data.get(_key(name))


def set_product(doc: Doc, name: str, value) -> None:
    """``doc._.<name> = value``, as spaCy stores it."""
    doc.user_data[_key(name)] = value


class Products:
    """The products on a Doc as attributes (``products.quantities``), read as ``doc._`` reads them."""

    __slots__ = ("_data",)

    def __init__(self, doc: Doc):
        self._data = doc.user_data

    def __getattr__(self, name: str):
        return self._data.get(_key(name))


for _name in BASE_PRODUCTS:
    _ext(_name)


class _Component:
    """The callable spaCy stores in ``nlp.pipeline``: runs the stage function on a Doc."""

    def __init__(self, contract: Contract, fn: Callable):
        self.contract = contract
        self.fn = fn

    def __call__(self, doc: Doc) -> Doc:
        from .context import Context

        c = self.contract
        missing = [r for r in c.requires if get_product(doc, r) is None]
        if missing:  # build_nlp checks the order; this guards a hand-assembled pipeline
            from .errors import RuleError
            raise RuleError(c.name, f"component {c.name!r} needs doc._.{missing[0]}, which no earlier component assigned")
        out = self.fn(Context(doc))
        if len(c.assigns) == 1:
            out = (out,)
        for name, value in zip(c.assigns, out):
            set_product(doc, name, value)
        return doc


def component(name: str, *, requires: tuple = (), assigns: tuple = (), rules: tuple = (), factory: str | None = None):
    """Register ``fn(ctx) -> products`` as the spaCy factory ``announce_<name>`` (or ``factory``)."""
    factory = factory or f"announce_{name}"

    def register(fn: Callable):
        if factory in CONTRACTS:
            raise ValueError(f"component factory {factory!r} registered twice")
        for a in assigns:
            _ext(a)
        contract = Contract(name, factory, tuple(requires), tuple(assigns), tuple(rules), fn.__module__,
                            (fn.__doc__ or "").strip().splitlines()[0] if fn.__doc__ else "")
        CONTRACTS[factory] = contract

        def make(nlp: Language, name: str):
            return _Component(contract, fn)

        Language.factory(factory, requires=[f"doc._.{r}" for r in requires], assigns=[f"doc._.{a}" for a in assigns],
                         func=make)
        return fn

    return register

