"""Rules are data: YAML files in ``pipeline/data`` merged with an optional user directory.

Each rule family is one file (``quantities.yaml``, ``people.yaml`` …) with comments,
and one JSON Schema (``data/schemas/<family>.schema.json``). A user directory holds
files of the same names (``.yaml``, ``.yml`` or ``.json``) and may

* add: lists are extended (duplicates dropped, built-ins first), mappings merged key by
  key, a scalar replaces the built-in one;
* replace: ``replace: {key: value}`` sets a top-level key wholesale;
* remove: ``remove: {key: [items or mapping keys]}`` deletes entries of a list or mapping;

and may hold a ``pipeline.cfg`` that replaces the built-in pipeline config.

Everything is checked when loaded, before any document: a file that is not a regular
file inside the directory (FIFO, device, symlink out of the directory), too large,
too deeply nested, not UTF-8, not YAML, an unknown file or key, a wrong type, a
pattern that does not compile or that backtracks catastrophically on probe texts —
each is a :class:`~pipeline.errors.RuleError` naming the file and the key (exit 2 on
the command line). Loading parses data only (``yaml.safe_load``); nothing is executed.
"""
from __future__ import annotations

import difflib
import json
import os
import stat
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

import regex
import yaml

from .errors import RuleError

BUILTIN_DIR = str(resources.files("pipeline") / "data")
SCHEMA_DIR = os.path.join(BUILTIN_DIR, "schemas")
RULE_SUFFIXES = (".yaml", ".yml", ".json")
MAX_BYTES = 4_000_000
MAX_DEPTH = 24
#: what ``{N}`` stands for in patterns when they are checked (the number grammar's shape)
NUMBER_PLACEHOLDER = r"\d{1,3}(?:[.\s]\d{3})*(?:,\d+)?"
#: texts every user pattern must scan within PROBE_SECONDS (catastrophic backtracking shows here)
PROBES = ("a" * 4000 + "!", " " * 4000 + "x", "đạt 13%/năm, " * 300, "1" * 3000 + "x", ("Nguyễn Văn " * 400) + ".",
          "\n" * 3000 + "x", "." * 3000 + "a")
PROBE_SECONDS = 0.25


def _read_bytes(path: str, root: str | None) -> bytes:
    try:
        st = os.stat(path)  # follows links: what would be read
    except OSError as exc:
        raise RuleError(path, f"cannot read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(st.st_mode):
        raise RuleError(path, "not a regular file (a FIFO, device or directory cannot be a rule file)")
    if root is not None:
        real, real_root = os.path.realpath(path), os.path.realpath(root)
        if os.path.commonpath([real, real_root]) != real_root:
            raise RuleError(path, f"a link to {real}, outside the rules directory")
    if st.st_size > MAX_BYTES:
        raise RuleError(path, f"too large ({st.st_size} bytes; a rule file may have at most {MAX_BYTES})")
    try:
        with open(path, "rb") as fh:
            return fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise RuleError(path, f"cannot read ({exc.strerror or exc})") from None


def _depth(x: Any, limit: int = MAX_DEPTH) -> int:
    stack, deepest = [(x, 1)], 1
    while stack:
        v, d = stack.pop()
        deepest = max(deepest, d)
        if d > limit:
            return d
        if isinstance(v, dict):
            stack.extend((w, d + 1) for w in v.values())
        elif isinstance(v, list):
            stack.extend((w, d + 1) for w in v)
    return deepest


def read_rule_file(path: str, root: str | None = None) -> Any:
    """Parse one rule file (YAML, of which JSON is a subset) safely, with the limits above."""
    data = _read_bytes(path, root)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RuleError(path, f"not UTF-8 (byte {exc.start})") from None
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise RuleError(path, f"not valid YAML{where}: {getattr(exc, 'problem', None) or exc}") from None
    except RecursionError:
        raise RuleError(path, f"nested too deeply (at most {MAX_DEPTH} levels)") from None
    if _depth(value) > MAX_DEPTH:
        raise RuleError(path, f"nested too deeply (at most {MAX_DEPTH} levels)")
    _check_numbers(value, path)
    return value


def _check_numbers(x: Any, path: str) -> None:
    if isinstance(x, dict):
        for v in x.values():
            _check_numbers(v, path)
    elif isinstance(x, list):
        for v in x:
            _check_numbers(v, path)
    elif isinstance(x, int) and not isinstance(x, bool) and abs(x) > 10 ** 18:
        raise RuleError(path, f"number out of range ({str(x)[:20]}…)")
    elif isinstance(x, float) and (x != x or x in (float("inf"), float("-inf"))):
        raise RuleError(path, "NaN or infinity is not a rule value")


@lru_cache(maxsize=None)
def rule_schema(family: str) -> dict:
    with open(os.path.join(SCHEMA_DIR, family + ".schema.json"), encoding="utf-8") as fh:
        return json.load(fh)


def _keypath(parts) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(top level)"


def validate(family: str, data: Any, path: str, *, user: bool = False) -> None:
    """Check a (user or merged) rule file against its schema and its patterns."""
    schema = rule_schema(family)
    if not isinstance(data, dict):
        raise RuleError(path, "a rule file must hold a mapping of keys to values")
    known = set(schema["properties"])
    for key in data:
        if key in ("remove", "replace") and user:
            continue
        if key not in known:
            near = difflib.get_close_matches(str(key), known, n=1)
            hint = f" (did you mean {near[0]!r}?)" if near else f" (keys: {', '.join(sorted(known))})"
            raise RuleError(path, f"{key}: unknown key{hint}")
    body = {k: v for k, v in data.items() if k not in ("remove", "replace")} if user else data
    if user:
        for op in ("remove", "replace"):
            section = data.get(op)
            if section is None:
                continue
            if not isinstance(section, dict):
                raise RuleError(path, f"{op}: must be a mapping of keys")
            for key in section:
                if key not in known:
                    raise RuleError(path, f"{op}.{key}: unknown key (keys: {', '.join(sorted(known))})")
        if isinstance(data.get("replace"), dict):
            _schema_errors(schema, data["replace"], path, ("replace",))
    _schema_errors(schema, body, path, ())
    for keypath, pattern in _patterns(schema, body, []):
        check_pattern(pattern, path, keypath, probe=user)


def _schema_errors(schema: dict, data: Any, path: str, prefix: tuple) -> None:
    import jsonschema

    err = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(data))
    if err is not None:
        raise RuleError(path, f"{_keypath(prefix + tuple(err.absolute_path))}: {err.message[:300]}")


def _patterns(schema: dict, value: Any, at: list) -> Iterator[tuple[str, str]]:
    """(key path, pattern) for every string that the schema marks ``format: regex``."""
    if isinstance(value, str):
        if schema.get("format") == "regex":
            yield _keypath(at), value
    elif isinstance(value, dict):
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for k, v in value.items():
            sub = props.get(k, extra if isinstance(extra, dict) else None)
            if sub:
                yield from _patterns(sub, v, at + [k])
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for i, v in enumerate(value):
            yield from _patterns(schema["items"], v, at + [i])


def check_pattern(pattern: str, path: str, key: str, probe: bool = True) -> None:
    """The pattern compiles (``regex`` module) and, for user patterns, scans probe texts in time."""
    source = pattern.replace("{N}", NUMBER_PLACEHOLDER)
    try:
        rx = regex.compile(source)
    except (regex.error, ValueError, OverflowError, RecursionError) as exc:
        raise RuleError(path, f"{key}: pattern does not compile ({exc})") from None
    if not probe:
        return
    for text in PROBES:
        try:
            for _ in rx.finditer(text, timeout=PROBE_SECONDS):
                pass
        except TimeoutError:
            raise RuleError(path, f"{key}: pattern takes over {PROBE_SECONDS} s on a probe text "
                                  f"(catastrophic backtracking): {pattern[:80]!r}") from None


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


def _remove(base: dict, spec: dict, path: str) -> dict:
    out = dict(base)
    for key, items in spec.items():
        cur = out.get(key)
        if not isinstance(items, list):
            items = [items]
        if isinstance(cur, dict):
            missing = [i for i in items if i not in cur]
            out[key] = {k: v for k, v in cur.items() if k not in items}
        elif isinstance(cur, list):
            missing = [i for i in items if i not in cur]
            out[key] = [v for v in cur if v not in items]
        else:
            raise RuleError(path, f"remove.{key}: only list and mapping entries can be removed")
        if missing:
            raise RuleError(path, f"remove.{key}: not in the rules: {missing[0]!r}")
    return out


class Rules:
    """All rule files, merged and checked; ``rules["units"]`` is the parsed content of that family."""

    def __init__(self, user_dir: str | None = None):
        self.user_dir = os.path.abspath(user_dir) if user_dir else None
        self._data: dict[str, Any] = {}
        self.sources: dict[str, str] = {}  # family -> the user file merged into it
        for name in sorted(os.listdir(BUILTIN_DIR)):
            if name.endswith(".yaml"):
                self._data[name[:-5]] = read_rule_file(os.path.join(BUILTIN_DIR, name))
        if self.user_dir:
            self._merge_user_dir()
        for family, data in self._data.items():
            where = self.sources.get(family, os.path.join(BUILTIN_DIR, family + ".yaml"))
            validate(family, data, where)

    def _merge_user_dir(self) -> None:
        d = self.user_dir
        if not os.path.isdir(d):
            raise RuleError(d, "rules directory does not exist")
        try:
            names = sorted(os.listdir(d))
        except OSError as exc:
            raise RuleError(d, f"cannot list ({exc.strerror or exc})") from None
        for name in names:
            path = os.path.join(d, name)
            if name.startswith("."):
                continue
            if name == "pipeline.cfg":
                _read_bytes(path, d)  # a regular file inside the directory; parsed by compose
                continue
            stem, ext = os.path.splitext(name)
            if ext not in RULE_SUFFIXES:
                raise RuleError(path, f"not a rule file (rule files end in {', '.join(RULE_SUFFIXES)}; "
                                      "a pipeline config is named pipeline.cfg)")
            if stem not in self._data:
                near = difflib.get_close_matches(stem, self._data, n=1)
                hint = f"did you mean {near[0]}.yaml? " if near else ""
                raise RuleError(path, f"unknown rule file ({hint}rule files: {', '.join(sorted(self._data))})")
            if stem in self.sources:
                raise RuleError(path, f"a second file for rule family {stem!r} (first: {self.sources[stem]})")
            extra = read_rule_file(path, d)
            if extra is None:
                extra = {}
            validate(stem, extra, path, user=True)
            data = merge(self._data[stem], {k: v for k, v in extra.items() if k not in ("remove", "replace")}, path)
            if extra.get("replace"):
                data.update(extra["replace"])
            if extra.get("remove"):
                data = _remove(data, extra["remove"], path)
            self._data[stem] = data
            self.sources[stem] = path

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
