"""A fast validator compiled from the published JSON Schema.

jsonschema walks the schema generically for every value of every output (about a third of the
pipeline's time). This module compiles the same schema, once, into nested Python checks for
the keywords it uses (type, properties, required, additionalProperties, items, enum, const,
minimum, anyOf, $ref). A schema with any other validation keyword is refused at compile time,
so the caller falls back to jsonschema. ``tests/test_contract.py`` checks that both accept and
reject the same documents.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

Check = Callable[[Any, str], Optional[str]]

_ANNOTATIONS = {"title", "description", "default", "$schema", "$id", "schema_version", "$defs", "examples"}
_KNOWN = {"type", "properties", "required", "additionalProperties", "items", "enum", "const", "minimum", "anyOf", "$ref"} | _ANNOTATIONS


class Unsupported(Exception):
    pass


def _is_type(value: Any, t: str) -> bool:
    if t == "object":
        return isinstance(value, dict)
    if t == "array":
        return isinstance(value, list)
    if t == "string":
        return isinstance(value, str)
    if t == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, float) and value.is_integer())
    if t == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if t == "boolean":
        return isinstance(value, bool)
    if t == "null":
        return value is None
    raise Unsupported(f"type {t!r}")


def compile_schema(root: dict) -> Check:
    defs = root.get("$defs", {})
    cache: dict[str, Check] = {}

    def build(node: dict) -> Check:
        unknown = set(node) - _KNOWN
        if unknown:
            raise Unsupported(", ".join(sorted(unknown)))
        checks: list[Check] = []
        if "$ref" in node:
            ref = node["$ref"]
            if not ref.startswith("#/$defs/"):
                raise Unsupported(ref)
            name = ref.split("/")[-1]
            if name not in cache:
                cache[name] = lambda v, p: None  # placeholder for recursion
                cache[name] = build(defs[name])
            checks.append(lambda v, p, name=name: cache[name](v, p))
        if "type" in node:
            types = node["type"] if isinstance(node["type"], list) else [node["type"]]
            for t in types:
                _is_type(None, t)  # validates the type name

            def type_check(v, p, types=types):
                if not any(_is_type(v, t) for t in types):
                    return f"{p}: {v!r} is not of type {' or '.join(types)}"
            checks.append(type_check)
        if "enum" in node:
            allowed = node["enum"]
            checks.append(lambda v, p: None if v in allowed and not isinstance(v, bool) else f"{p}: {v!r} is not one of {allowed}")
        if "const" in node:
            c = node["const"]
            checks.append(lambda v, p: None if v == c and type(v) is type(c) else f"{p}: {v!r} is not {c!r}")
        if "minimum" in node:
            lo = node["minimum"]
            checks.append(lambda v, p: f"{p}: {v!r} is less than {lo}" if isinstance(v, (int, float)) and not isinstance(v, bool) and v < lo else None)
        if "anyOf" in node:
            branches = [build(b) for b in node["anyOf"]]

            def any_of(v, p):
                if any(b(v, p) is None for b in branches):
                    return None
                return f"{p}: {v!r} is not valid under any of the given schemas"
            checks.append(any_of)
        if "properties" in node or "required" in node or "additionalProperties" in node:
            props = {k: build(s) for k, s in node.get("properties", {}).items()}
            required = list(node.get("required", []))
            extra = node.get("additionalProperties", True)
            if extra not in (True, False):
                raise Unsupported("additionalProperties schema")

            def obj(v, p):
                if not isinstance(v, dict):
                    return None
                for k in required:
                    if k not in v:
                        return f"{p}: {k!r} is a required property"
                for k, x in v.items():
                    c = props.get(k)
                    if c is None:
                        if extra is False:
                            return f"{p}: additional property {k!r} is not allowed"
                        continue
                    err = c(x, f"{p}/{k}")
                    if err:
                        return err
                return None
            checks.append(obj)
        if "items" in node:
            item = build(node["items"])

            def arr(v, p):
                if not isinstance(v, list):
                    return None
                for i, x in enumerate(v):
                    err = item(x, f"{p}/{i}")
                    if err:
                        return err
                return None
            checks.append(arr)

        def run(v, p, checks=checks):
            for c in checks:
                err = c(v, p)
                if err:
                    return err
            return None
        return run

    return build(root)
