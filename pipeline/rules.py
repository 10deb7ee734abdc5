"""Rules are data: JSON files in ``pipeline/data`` merged with an optional user directory.

A user directory holds files with the same names as the built-in ones (e.g.
``furniture.json``, ``units.json``). Lists are extended (duplicates dropped,
built-ins first); objects are merged key by key; a scalar in the user file
replaces the built-in one. Keys starting with ``_`` are comments. Loading a rule
file only parses JSON: it never executes code.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import RuleError

BUILTIN_DIR = str(resources.files("pipeline") / "data")


def _read_json(path: str) -> Any:
    try:
        with open(path, encoding="utf-8-sig") as fh:
            return json.load(fh)
    except json.JSONDecodeError as exc:
        raise RuleError(path, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except OSError as exc:
        raise RuleError(path, f"cannot read ({exc.strerror or exc})") from None


def merge(base: Any, extra: Any, where: str) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = merge(base[key], value, f"{where}.{key}") if key in base else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        out = list(base)
        seen = {json.dumps(x, sort_keys=True, ensure_ascii=False) for x in base}
        for item in extra:
            k = json.dumps(item, sort_keys=True, ensure_ascii=False)
            if k not in seen:
                seen.add(k)
                out.append(item)
        return out
    if isinstance(base, (dict, list)) or isinstance(extra, (dict, list)):
        raise RuleError(where, f"type mismatch: built-in is {type(base).__name__}, user file gives {type(extra).__name__}")
    return extra


class Rules:
    """All rule files, merged; ``rules["units"]`` is the parsed content of units.json."""

    def __init__(self, user_dir: str | None = None):
        self.user_dir = os.path.abspath(user_dir) if user_dir else None
        self._data: dict[str, Any] = {}
        names = sorted(n for n in os.listdir(BUILTIN_DIR) if n.endswith(".json"))
        for name in names:
            self._data[name[:-5]] = _read_json(os.path.join(BUILTIN_DIR, name))
        if self.user_dir:
            if not os.path.isdir(self.user_dir):
                raise RuleError(self.user_dir, "rules directory does not exist")
            for name in sorted(os.listdir(self.user_dir)):
                if name == "pipeline.cfg" or not name.endswith(".json"):
                    continue
                path = os.path.join(self.user_dir, name)
                stem = name[:-5]
                extra = _read_json(path)
                if stem not in self._data:
                    raise RuleError(path, f"unknown rule file (built-in rule files: {', '.join(sorted(self._data))})")
                if not isinstance(extra, dict):
                    raise RuleError(path, "a rule file must hold a JSON object")
                self._data[stem] = merge(self._data[stem], extra, path)

    @property
    def config_path(self) -> str:
        """The pipeline config: ``pipeline.cfg`` of the user directory if it has one, else the built-in."""
        if self.user_dir and os.path.isfile(os.path.join(self.user_dir, "pipeline.cfg")):
            return os.path.join(self.user_dir, "pipeline.cfg")
        return os.path.join(BUILTIN_DIR, "pipeline.cfg")

    def compiled(self, key: str, factory):
        """Build (once per Rules object) something derived from the rules, e.g. compiled regexes."""
        cache = self.__dict__.setdefault("_compiled", {})
        if key not in cache:
            cache[key] = factory(self)
        return cache[key]

    def __getitem__(self, name: str) -> Any:
        return self._data[name]

    def names(self) -> list[str]:
        return sorted(self._data)


@lru_cache(maxsize=8)
def load_rules(user_dir: str | None = None) -> Rules:
    return Rules(user_dir)
