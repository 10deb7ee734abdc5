"""JSON Schema generation (from the pydantic models) and validation (with jsonschema)."""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from .errors import ContractError
from .models import SCHEMA_ID, SCHEMA_VERSION, Announcement


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    s = Announcement.model_json_schema(mode="serialization")
    out = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
           "title": "Vietnamese announcement extraction", "schema_version": SCHEMA_VERSION}
    out.update({k: v for k, v in s.items() if k not in ("$schema", "$id", "title")})
    return out


def schema_json() -> str:
    return json.dumps(schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


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


@lru_cache(maxsize=1)
def validator():
    """A jsonschema validator for the published schema (with $refs inlined for speed)."""
    import jsonschema

    s = schema()
    cls = jsonschema.validators.validator_for(s)
    cls.check_schema(s)
    return cls(_inline(s, s.get("$defs", {})))


def errors(doc: Any) -> list[str]:
    """Human-readable schema violations of a JSON document (empty when valid)."""
    out = []
    for err in sorted(validator().iter_errors(doc), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in err.absolute_path) or "(root)"
        out.append(f"{where}: {err.message}")
    return out


def check(doc: dict, source: str) -> None:
    """Validate pipeline output before it is written; a failure is a bug in the pipeline."""
    errs = errors(doc)
    if errs:
        raise ContractError(f"{source}: output breaks the schema (a pipeline bug): " + "; ".join(errs[:5]))
