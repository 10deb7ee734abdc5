"""Assemble the spaCy pipeline from its config and check its contracts before any document.

The config (``data/pipeline.cfg``, or ``pipeline.cfg`` in a user rules directory,
which replaces it) is a spaCy config file: ``[nlp] pipeline`` names the components in
order, ``[components.NAME] factory`` the registered factory, ``rules`` the rule files
the component reads, and ``[announce] import`` modules to import first (a user's own
components). :func:`build_nlp` fails with a :class:`~pipeline.errors.RuleError` naming
the config file and the key when a factory is unknown, a rule file is missing, or a
component requires a product (``doc._.<name>``) that no earlier component assigns.
"""
from __future__ import annotations

import importlib
from typing import Any

import spacy
from spacy.language import Language

from .errors import RuleError
from .registry import BASE_PRODUCTS, CONTRACTS, Contract
from .rules import Rules

_COMPONENT_KEYS = {"factory", "rules"}


def register_builtins() -> dict[str, Contract]:
    """Import the package's stage modules (each registers itself with ``@component``)."""
    from .stages import (bodies, checks, delegates, document, officials, percentages,  # noqa: F401
                         quantities, sections, sentences, spans, targets)
    return CONTRACTS


def read_config(path: str) -> dict:
    from thinc.api import Config

    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(path, f"cannot read the pipeline config ({exc})") from None
    try:
        return Config().from_str(text, interpolate=False)
    except Exception as exc:  # thinc/configparser errors carry the line
        raise RuleError(path, f"not a valid spaCy config: {str(exc).splitlines()[0]}") from None


def plan(rules: Rules) -> list[tuple[str, Contract | None, dict]]:
    """The checked component plan: (name, contract or None for plain spaCy components, component config)."""
    path = rules.config_path
    cfg = read_config(path)
    for key in cfg:
        if key not in ("nlp", "components", "announce"):
            raise RuleError(path, f"[{key}]: unknown section (expected [nlp], [components], [announce])")
    for mod in (cfg.get("announce") or {}).get("import", []):
        try:
            importlib.import_module(mod)
        except Exception as exc:
            raise RuleError(path, f"announce.import: cannot import {mod!r} ({type(exc).__name__}: {exc})") from None
    register_builtins()
    names = (cfg.get("nlp") or {}).get("pipeline")
    if not isinstance(names, list) or not names:
        raise RuleError(path, "nlp.pipeline: a list of component names is required")
    comps = cfg.get("components") or {}
    available = dict.fromkeys(BASE_PRODUCTS, "the text layer")
    producers = {}  # product -> the component that assigns it (to name it when it comes too late)
    for n in names:
        contract = CONTRACTS.get((comps.get(n) or {}).get("factory"))
        for a in contract.assigns if contract else ():
            producers[a] = n
    out = []
    for name in names:
        c = comps.get(name)
        if not isinstance(c, dict) or "factory" not in c:
            raise RuleError(path, f"components.{name}.factory: missing (every name in nlp.pipeline needs a [components.{name}] with a factory)")
        unknown = set(c) - _COMPONENT_KEYS
        if unknown:
            raise RuleError(path, f"components.{name}.{sorted(unknown)[0]}: unknown key (allowed: {', '.join(sorted(_COMPONENT_KEYS))})")
        factory = c["factory"]
        contract = CONTRACTS.get(factory)
        if contract is None and not Language.has_factory(factory):
            known = ", ".join(sorted(CONTRACTS))
            raise RuleError(path, f"components.{name}.factory: unknown factory {factory!r} (registered: {known})")
        for fam in c.get("rules", list(contract.rules) if contract else []):
            if fam not in rules.names():
                raise RuleError(path, f"components.{name}.rules: no rule file {fam!r} (rule files: {', '.join(rules.names())})")
        if contract is not None:
            for req in contract.requires:
                if req not in available:
                    who = producers.get(req)
                    where = f"assigned by {who!r}, which comes later in nlp.pipeline" if who else "which no component in nlp.pipeline assigns"
                    raise RuleError(path, f"nlp.pipeline: component {name!r} requires doc._.{req}, {where}")
            for a in contract.assigns:
                if a in available and available[a] != name:
                    raise RuleError(path, f"nlp.pipeline: component {name!r} assigns doc._.{a}, already assigned by {available[a]!r}")
                available[a] = name
        out.append((name, contract, c))
    return out


def build_nlp(rules: Rules) -> Language:
    """The spaCy pipeline for these rules (tokenizer + components), checked; cached per Rules object."""
    return rules.compiled("nlp", _build)


def _build(rules: Rules) -> Language:
    from .text import tokenise  # noqa: F401  (registers the tokenizer)

    steps = plan(rules)
    from .text.load import MAX_CHARS

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "announce.vi_syllables.v1"}}})
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)  # the input limit is load's, not spaCy's
    for name, _, c in steps:
        nlp.add_pipe(c["factory"], name=name)
    return nlp


def graph(rules: Rules) -> list[dict[str, Any]]:
    """The stage graph: one row per component in order, with what it requires, assigns and reads."""
    rows = [{"component": "(text layer)", "factory": "load, normalise, tokenise", "requires": [],
             "assigns": list(BASE_PRODUCTS), "rules": ["furniture"], "module": "pipeline.text", "doc": "bytes to a Doc of the normalised text"}]
    for name, contract, c in plan(rules):
        rows.append({"component": name, "factory": c["factory"],
                     "requires": list(contract.requires) if contract else [],
                     "assigns": list(contract.assigns) if contract else [],
                     "rules": list(c.get("rules", contract.rules if contract else [])),
                     "module": contract.module if contract else "", "doc": contract.doc if contract else ""})
    return rows
