"""JSON Schema generation (from the pydantic models) and validation (with jsonschema)."""
from __future__ import annotations

import copy
import json
from functools import lru_cache
from typing import Any

from ..errors import ContractError
from .models import SCHEMA_ID, SCHEMA_VERSION, Announcement


def schema() -> dict[str, Any]:
    """The published JSON Schema (a fresh copy: callers may change it)."""
    return copy.deepcopy(_schema())


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    s = Announcement.model_json_schema(mode="serialization")
    out = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
           "title": "Vietnamese announcement extraction", "schema_version": SCHEMA_VERSION}
    out.update({k: v for k, v in s.items() if k not in ("$schema", "$id", "title")})
    return out


def schema_json() -> str:
    return json.dumps(_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _inline(node, defs):
    """The schema with every local $ref replaced by its definition (same meaning, no reference lookups)."""
    if isinstance(node, dict):
        if "$ref" in node and node["$ref"].startswith("#/$defs/"):
            target = _inline(defs[node["$ref"].split("/")[-1]], defs)
            rest = {k: _inline(v, defs) for k, v in node.items() if k != "$ref"}
            return {**target, **rest} if rest else target
        return {k: _inline(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline(x, defs) for x in node]
    return node


def _collapse_nullable(node):
    """{"anyOf": [S, {"type": "null"}]} -> S with "null" added to its type (and to its enum):
    the same meaning (object keywords do not apply to null), without a branch per value. (A
    failed branch costs fastjsonschema an exception and a ``locals()`` call: 1 s on 29,000 targets.)"""
    if isinstance(node, list):
        return [_collapse_nullable(x) for x in node]
    if not isinstance(node, dict):
        return node
    node = {k: _collapse_nullable(v) for k, v in node.items()}
    any_of = node.get("anyOf")
    if isinstance(any_of, list) and len(any_of) == 2 and {"type": "null"} in any_of:
        other = next(x for x in any_of if x != {"type": "null"})
        if isinstance(other.get("type"), str) and "anyOf" not in other and "const" not in other:
            merged = {k: v for k, v in node.items() if k != "anyOf"}
            merged.update(other)
            merged["type"] = [other["type"], "null"]
            if "enum" in other:  # an enum must list null too, or it would refuse it
                merged["enum"] = [*other["enum"], None]
            return merged
    return node


@lru_cache(maxsize=1)
def validator():
    """A jsonschema validator for the published schema (with $refs inlined for speed)."""
    import jsonschema

    s = _schema()
    cls = jsonschema.validators.validator_for(s)
    cls.check_schema(s)
    return cls(_collapse_nullable(_inline(s, s.get("$defs", {}))))


def errors(doc: Any) -> list[str]:
    """Human-readable schema violations of a JSON document (empty when valid)."""
    out = []
    for err in sorted(validator().iter_errors(doc), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in err.absolute_path) or "(root)"
        out.append(f"{where}: {err.message}")
    return out


@lru_cache(maxsize=1)
def fast_validator():
    """The published schema compiled by fastjsonschema (generated Python code, compiled once per
    process): ``fast(doc, where)`` returns None when valid, else the first message."""
    import fastjsonschema

    s = copy.deepcopy(schema())
    compiled = fastjsonschema.compile(_collapse_nullable(_inline(s, s.get("$defs", {}))))

    def fast(doc, where=""):
        try:
            compiled(doc)
            return None
        except fastjsonschema.JsonSchemaException as exc:
            return f"{where}: {exc.message}"
    return fast


def check(doc: dict, source: str) -> None:
    """Validate pipeline output against the published schema before it is written; a failure is
    a bug in the pipeline. The compiled validator answers first; on any doubt jsonschema decides
    and gives the messages."""
    if fast_validator()(doc, "") is None:
        return
    errs = errors(doc)
    if errs:
        raise ContractError(f"{source}: output breaks the schema (a pipeline bug): " + "; ".join(errs[:5]))
