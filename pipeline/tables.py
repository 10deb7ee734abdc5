"""Flat tables: the JSON documents as one table per kind of item, for analysts' tools.

    announce tables out/ -o tables/ --format parquet      # or csv

Tables (see ``TABLES``): documents, sections, targets, results, percentages, delegates,
officials, titles, appointments, bodies, warnings. Every row carries ``schema_version``,
``doc_path`` and ``doc_sha256`` (the document's ``source.path`` and ``source.sha256``) and,
for items, ``idx`` (the item's position in its list) and the item's ``text``, ``start``,
``end`` (``input[start:end] == text``).

The columns are derived from the output contract (the JSON Schema generated from
``pipeline/contract/models.py``), not written out by hand:

* a scalar field becomes a column of the field's JSON type (string, integer, number, boolean);
* a nested object is flattened with its name as prefix (``period`` -> ``period_start``,
  ``period_end``); a nested grounded object (one with ``text`` and ``span``) gives its text
  under its own name and its span as ``<name>_start``/``<name>_end`` (``title``,
  ``title_start``, ``title_end``);
* a list that has its own table (``officials[].titles``) is left out of its parent; any
  other list is one ``json`` column (a JSON array as text, e.g. ``warnings.related``).

Fields a document has but the installed schema does not know (output of a newer version)
are not tabulated and are reported once; they never stop the run. Missing fields are null.
"""
from __future__ import annotations

import csv
import json
import os
import sys
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Optional

from .contract.models import SCHEMA_VERSION

TABLES = ("documents", "sections", "targets", "results", "percentages", "delegates", "officials",
          "titles", "appointments", "bodies", "warnings")
TYPES = ("string", "integer", "number", "boolean", "json")
FORMATS = ("csv", "parquet")

TABLE_DOCS = {
    "documents": "one row per document: source facts, document metadata, congress, delegate totals, item counts",
    "sections": "one row per heading (the section's text and span cover heading and body)",
    "targets": "one row per target (forward-looking numeric goal)",
    "results": "one row per result (figure reported as achieved)",
    "percentages": "one row per percentage mention",
    "delegates": "one row per delegate figure: a statistic (summoned, attended, ...) or a breakdown",
    "officials": "one row per named official (text/span: the first mention)",
    "titles": "one row per title of an official",
    "appointments": "one row per appointment of an official",
    "bodies": "one row per personnel body",
    "warnings": "one row per consistency warning",
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str                 # one of TYPES
    path: tuple = ()          # keys from the row's item to the value
    doc: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple            # Column, ...
    doc: str = ""

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


# ---------------------------------------------------------------------------------------------
# columns from the schema

def _schema() -> dict:
    from .contract.schema import schema

    return schema()


class _Walker:
    def __init__(self, schema: dict):
        self.defs = schema.get("$defs", {})
        self.root = schema

    def resolve(self, node: dict) -> dict:
        """Follow a local $ref and drop the null branch of an optional field."""
        while True:
            if "$ref" in node:
                node = {**self.defs[node["$ref"].split("/")[-1]], **{k: v for k, v in node.items() if k != "$ref"}}
                continue
            any_of = node.get("anyOf")
            if any_of:
                rest = [b for b in any_of if b.get("type") != "null"]
                if len(rest) == 1:
                    node = {**rest[0], **{k: v for k, v in node.items() if k != "anyOf"}}
                    continue
            return node

    def scalar_type(self, node: dict) -> str:
        t = node.get("type")
        if "const" in node and t is None:
            t = {str: "string", bool: "boolean", int: "integer", float: "number"}.get(type(node["const"]))
        if "enum" in node and t is None:
            kinds = {type(v) for v in node["enum"]}
            t = "string" if kinds == {str} else None
        return t if t in ("string", "integer", "number", "boolean") else "json"

    @staticmethod
    def is_grounded(node: dict) -> bool:
        props = node.get("properties", {})
        return "text" in props and "span" in props

    def flatten(self, node: dict, prefix: str = "", path: tuple = (), skip: Iterable[str] = ()) -> list[Column]:
        """The columns of one object (``node`` resolved), names prefixed, values found by ``path``."""
        cols: list[Column] = []
        skip = set(skip)
        for key, sub in node.get("properties", {}).items():
            if key in skip:
                continue
            s = self.resolve(sub)
            doc = s.get("description") or sub.get("description") or ""
            if key == "text" and self.is_grounded(node):
                cols.append(Column(prefix or "text", "string", path + ("text",), doc or "the source text of this item"))
                continue
            if key == "span" and self.is_grounded(node):
                base = f"{prefix}_" if prefix else ""
                cols.append(Column(base + "start", "integer", path + ("span", "start"), "start offset (code points, inclusive) of the text in the input"))
                cols.append(Column(base + "end", "integer", path + ("span", "end"), "end offset (code points, exclusive)"))
                continue
            name = f"{prefix}_{key}" if prefix else key
            if "properties" in s:
                cols.extend(self.flatten(s, name, path + (key,)))
            elif s.get("type") == "array":
                cols.append(Column(name, "json", path + (key,), doc or f"{key} as a JSON array"))
            else:
                cols.append(Column(name, self.scalar_type(s), path + (key,), doc))
        return cols

    def prop(self, node: dict, *keys: str) -> dict:
        for k in keys:
            node = self.resolve(node)
            node = node["items"] if k == "[]" else node["properties"][k]
        return self.resolve(node)


def _lead(*extra: Column) -> list[Column]:
    return [Column("schema_version", "string", ("@schema_version",), "schema version of the JSON document the row comes from"),
            Column("doc_path", "string", ("@doc_path",), "source.path of the document"),
            Column("doc_sha256", "string", ("@doc_sha256",), "source.sha256 of the document (SHA-256 of the input bytes)"),
            *extra]


_IDX = Column("idx", "integer", ("@idx",), "position of the item in its list in the document (0-based)")
_ITEM_LISTS = ("sections", "targets", "results", "percentages", "officials", "bodies", "warnings")


def build_tables(schema: Optional[dict] = None) -> dict[str, Table]:
    """The table definitions derived from ``schema`` (default: the installed contract)."""
    w = _Walker(schema or _schema())
    root = w.resolve(w.root)
    out: dict[str, Table] = {}

    # documents: root minus the lists that have their own tables
    lists = [k for k, v in root["properties"].items() if w.resolve(v).get("type") == "array"]
    cols = _lead()
    cols += w.flatten(w.prop(root, "source"), "", ("source",), skip=("path", "sha256"))
    cols += w.flatten(w.prop(root, "document"), "", ("document",))
    deleg = w.prop(root, "delegates")
    cols += w.flatten(deleg, "delegates", ("delegates",),
                      skip=[k for k, v in deleg["properties"].items() if w.resolve(v).get("type") == "array"])
    for k in lists:
        cols.append(Column(f"n_{k}", "integer", ("@count", k), f"number of items in {k}"))
    out["documents"] = Table("documents", tuple(cols), TABLE_DOCS["documents"])

    for name in _ITEM_LISTS:
        node = w.prop(root, name, "[]")
        skip = ("titles", "appointments") if name == "officials" else ()
        out[name] = Table(name, tuple(_lead(_IDX) + w.flatten(node, skip=skip)), TABLE_DOCS[name])

    for name in ("titles", "appointments"):
        node = w.prop(root, "officials", "[]", name, "[]")
        extra = (Column("official_idx", "integer", ("@parent_idx",), "idx of the official in the officials table"),
                 Column("official_name", "string", ("@parent_name",), "name of the official"))
        out[name] = Table(name, tuple(_lead(*extra, _IDX) + w.flatten(node)), TABLE_DOCS[name])

    # delegates: statistics (objects) and breakdowns (list items) in one table, columns united
    cols = _lead(Column("statistic", "string", ("@statistic",), "which figure: summoned, attended, absent, ... or breakdown"), _IDX)
    seen = {c.name for c in cols}
    for key, sub in deleg["properties"].items():
        s = w.resolve(sub)
        node = w.resolve(s["items"]) if s.get("type") == "array" else s
        for c in w.flatten(node):
            if c.name not in seen:
                seen.add(c.name)
                cols.append(c)
    out["delegates"] = Table("delegates", tuple(cols), TABLE_DOCS["delegates"])

    for t in out.values():
        names = t.names
        assert len(names) == len(set(names)), f"duplicate column in {t.name}"
    return {k: out[k] for k in TABLES}


_TABLES_CACHE: dict[str, Table] = {}


def tables() -> dict[str, Table]:
    """The table definitions of the installed schema version."""
    if not _TABLES_CACHE:
        _TABLES_CACHE.update(build_tables())
    return _TABLES_CACHE


def columns(table: str) -> list[Column]:
    return list(tables()[table].columns)


# ---------------------------------------------------------------------------------------------
# rows

def _get(obj: Any, path: tuple) -> Any:
    for k in path:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(k)
    return obj


def _cell(value: Any, col: Column) -> Any:
    if value is None:
        return None
    t = col.type
    if t == "json":
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if t == "string":
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if t == "integer":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
            return None
        return int(value)
    if t == "number":
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    if t == "boolean":
        return value if isinstance(value, bool) else None
    return None


def _row(table: Table, item: Any, meta: dict) -> dict:
    row = {}
    for c in table.columns:
        if c.path and c.path[0].startswith("@"):
            if c.path[0] == "@count":
                v = meta["doc"].get(c.path[1])
                v = len(v) if isinstance(v, list) else None
            else:
                v = meta.get(c.path[0][1:])
        else:
            v = _get(item, c.path)
        row[c.name] = _cell(v, c)
    return row


def _list(v: Any) -> list:
    return v if isinstance(v, list) else []


def rows(doc: dict) -> Iterator[tuple[str, dict]]:
    """(table name, row) for every item of one JSON document (a dict), in table order."""
    defs = tables()
    meta = {"schema_version": doc.get("schema_version"), "doc_path": _get(doc, ("source", "path")),
            "doc_sha256": _get(doc, ("source", "sha256")), "doc": doc}
    yield "documents", _row(defs["documents"], doc, meta)
    for name in ("sections", "targets", "results", "percentages"):
        for i, item in enumerate(_list(doc.get(name))):
            yield name, _row(defs[name], item, {**meta, "idx": i})
    deleg = doc.get("delegates") if isinstance(doc.get("delegates"), dict) else {}
    i = 0
    for key, value in deleg.items():
        items = value if isinstance(value, list) else [value]
        stat = key[:-1] if isinstance(value, list) and key.endswith("s") else key
        for item in items:
            if isinstance(item, dict):
                yield "delegates", _row(defs["delegates"], item, {**meta, "idx": i, "statistic": stat})
                i += 1
    for name in ("officials", "bodies", "warnings"):
        for i, item in enumerate(_list(doc.get(name))):
            yield name, _row(defs[name], item, {**meta, "idx": i})
    for name in ("titles", "appointments"):
        for p, off in enumerate(_list(doc.get("officials"))):
            if not isinstance(off, dict):
                continue
            for i, item in enumerate(_list(off.get(name))):
                yield name, _row(defs[name], item, {**meta, "idx": i, "parent_idx": p, "parent_name": off.get("name")})


def unknown_fields(doc: dict, schema: Optional[dict] = None) -> set[str]:
    """Dotted paths of fields in ``doc`` that the installed schema does not define (``targets[].foo``)."""
    w = _Walker(schema or _schema())
    found: set[str] = set()

    def walk(value, node, where):
        node = w.resolve(node)
        if isinstance(value, dict) and "properties" in node:
            for k, v in value.items():
                if k not in node["properties"]:
                    found.add(f"{where}.{k}" if where else k)
                else:
                    walk(v, node["properties"][k], f"{where}.{k}" if where else k)
        elif isinstance(value, list) and "items" in node:
            for v in value:
                walk(v, node["items"], where + "[]")

    walk(doc, w.root, "")
    return found


# ---------------------------------------------------------------------------------------------
# reading JSON documents

def iter_inputs(inputs: Iterable[str]) -> Iterator[tuple[str, Optional[dict], Optional[str]]]:
    """(where, document, error) for every document in files/directories of *.json and *.jsonl."""
    for p in inputs:
        if os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p):
                dirs.sort()
                # tables.json: the manifest this command writes (a table folder inside the input folder)
                found += [os.path.join(root, f) for f in sorted(files)
                          if f.endswith((".json", ".jsonl")) and f != "tables.json"]
            if not found:
                yield p, None, "directory holds no *.json or *.jsonl files"
            for f in found:
                yield from _read_file(f)
        elif os.path.exists(p):
            yield from _read_file(p)
        else:
            yield p, None, "no such file or directory"


def _check(where: str, doc: Any) -> tuple[str, Optional[dict], Optional[str]]:
    if not isinstance(doc, dict) or "schema_version" not in doc or not isinstance(doc.get("source"), dict):
        return where, None, "not an announcement document (no schema_version/source)"
    return where, doc, None


def _read_file(path: str) -> Iterator[tuple[str, Optional[dict], Optional[str]]]:
    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        yield path, None, f"cannot read ({exc.strerror or exc})"
        return
    with fh:
        if path.endswith(".jsonl"):
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    yield _check(f"{path}:{n}", json.loads(line))
                except json.JSONDecodeError as exc:
                    yield f"{path}:{n}", None, f"not JSON ({exc.msg})"
            return
        try:
            yield _check(path, json.load(fh))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield path, None, f"not JSON ({getattr(exc, 'msg', exc)})"


# ---------------------------------------------------------------------------------------------
# writers

def _csv_text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v)
    return str(v)


class _CsvSink:
    def __init__(self, path: str, table: Table):
        self.path, self.tmp = path, path + ".tmp"
        self.fh = open(self.tmp, "w", encoding="utf-8", newline="")
        self.w = csv.writer(self.fh, lineterminator="\n")
        self.w.writerow(table.names)
        self.names = table.names

    def add(self, row: dict) -> None:
        self.w.writerow([_csv_text(row[n]) for n in self.names])

    def close(self) -> None:
        self.fh.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        self.fh.close()
        _unlink(self.tmp)


def arrow_type(t: str):
    import pyarrow as pa

    return {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(),
            "json": pa.string()}[t]


def arrow_schema(table: Table):
    """The pyarrow schema of a table: column docs and types in field metadata, the schema version in the schema's."""
    import pyarrow as pa

    fields = [pa.field(c.name, arrow_type(c.type), nullable=True,
                       metadata={"type": c.type, "doc": c.doc}) for c in table.columns]
    return pa.schema(fields, metadata={"vn_announce.schema_version": SCHEMA_VERSION, "vn_announce.table": table.name,
                                       "vn_announce.doc": table.doc})


class _ParquetSink:
    BATCH = 20000

    def __init__(self, path: str, table: Table):
        import pyarrow.parquet as pq

        self.path, self.tmp = path, path + ".tmp"
        self.schema = arrow_schema(table)
        self.names = table.names
        self.buf: list[dict] = []
        self.writer = pq.ParquetWriter(self.tmp, self.schema, compression="zstd")

    def add(self, row: dict) -> None:
        self.buf.append(row)
        if len(self.buf) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa

        if self.buf:
            cols = {n: [r[n] for r in self.buf] for n in self.names}
            self.writer.write_table(pa.Table.from_pydict(cols, schema=self.schema))
            self.buf = []

    def close(self) -> None:
        self.flush()
        self.writer.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        try:
            self.writer.close()
        finally:
            _unlink(self.tmp)


def _unlink(p: str) -> None:
    try:
        os.unlink(p)
    except OSError:
        pass


@dataclass
class Report:
    documents: int = 0
    rows: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)          # (where, problem)
    unknown: set = field(default_factory=set)            # fields not in the installed schema
    versions: set = field(default_factory=set)


def manifest(fmt: str, counts: Optional[dict] = None) -> dict:
    """What ``tables.json`` holds: schema version, format, every table's file, row count and columns."""
    return {
        "schema_version": SCHEMA_VERSION,
        "format": fmt,
        "tables": {t.name: {"file": f"{t.name}.{fmt}", "doc": t.doc,
                            **({"rows": counts.get(t.name, 0)} if counts is not None else {}),
                            "columns": [{"name": c.name, "type": c.type, "doc": c.doc} for c in t.columns]}
                   for t in tables().values()},
    }


def write_tables(docs: Iterable[dict], out_dir: str, fmt: str = "csv", on_error=None,
                 errors: Iterable = ()) -> Report:
    """Write one file per table (``<out_dir>/<table>.<fmt>``) and ``tables.json`` from JSON documents (dicts).

    ``docs`` may also yield ``(where, doc, error)`` triples (as :func:`iter_inputs` does); errors
    are collected in the report (and passed to ``on_error(where, problem)``), never raised.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    if fmt == "parquet":
        import pyarrow  # noqa: F401  (fail before anything is written)
    os.makedirs(out_dir, exist_ok=True)
    defs = tables()
    sink_cls = _CsvSink if fmt == "csv" else _ParquetSink
    sinks = {}
    rep = Report(rows={n: 0 for n in TABLES})
    try:
        for n in TABLES:
            sinks[n] = sink_cls(os.path.join(out_dir, f"{n}.{fmt}"), defs[n])
        for entry in docs:
            where, doc, err = entry if isinstance(entry, tuple) else (None, entry, None)
            if err is not None:
                rep.errors.append((where, err))
                if on_error:
                    on_error(where, err)
                continue
            rep.documents += 1
            rep.versions.add(doc.get("schema_version"))
            if doc.get("schema_version") != SCHEMA_VERSION:
                rep.unknown |= unknown_fields(doc)
            for name, row in rows(doc):
                sinks[name].add(row)
                rep.rows[name] += 1
        for s in sinks.values():
            s.close()
    except BaseException:
        for s in sinks.values():
            s.abort()
        raise
    tmp = os.path.join(out_dir, "tables.json.tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(json.dumps(manifest(fmt, rep.rows), ensure_ascii=False, indent=2) + "\n")
    os.replace(tmp, os.path.join(out_dir, "tables.json"))
    return rep


# ---------------------------------------------------------------------------------------------
# reading tables back with their documented types

def read_csv(path: str, table: Optional[str] = None) -> list[dict]:
    """Rows of a CSV table with the documented types (empty cell = null). ``table`` defaults to the file stem."""
    table = table or os.path.splitext(os.path.basename(path))[0]
    types = {c.name: c.type for c in tables()[table].columns}
    conv = {"string": str, "json": str, "integer": int, "number": float, "boolean": lambda s: s == "true"}
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            out.append({k: (None if v == "" else conv[types.get(k, "string")](v)) for k, v in rec.items()})
    return out


def pandas_dtypes(table: str) -> dict:
    """dtype= for ``pandas.read_csv`` giving the documented types (nullable integers and booleans)."""
    m = {"string": "string", "json": "string", "integer": "Int64", "number": "float64", "boolean": "boolean"}
    return {c.name: m[c.type] for c in tables()[table].columns}


def columns_markdown() -> str:
    """The column reference (as in the README), generated from the schema."""
    lines = []
    for t in tables().values():
        cols = ", ".join(f"`{c.name}` ({c.type})" for c in t.columns)
        lines.append(f"| `{t.name}` | {t.doc} | {cols} |")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# command line

def add_arguments(p) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="output folders of JSON documents (*.json, recursively) or JSON Lines files")
    p.add_argument("-o", "--out-dir", required=True, metavar="DIR", help="write <table>.csv|parquet and tables.json here")
    p.add_argument("--format", choices=FORMATS, default="csv", help="csv (default, stdlib) or parquet (needs pyarrow: the 'tables' extra)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line")


def run_cli(args) -> int:
    if args.format == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            print("announce: error: --format parquet needs pyarrow: pip install 'vn-announce[tables]'", file=sys.stderr)
            return 2

    def on_error(where, problem):
        print(f"error: {where}: {problem}", file=sys.stderr)

    try:
        rep = write_tables(iter_inputs(args.inputs), args.out_dir, args.format, on_error=on_error)
    except OSError as exc:
        print(f"announce: error: cannot write tables: {exc}", file=sys.stderr)
        return 1
    for f in sorted(rep.unknown):
        print(f"note: field {f} is not in schema {SCHEMA_VERSION}; not tabulated", file=sys.stderr)
    if not args.quiet:
        counts = ", ".join(f"{n} {rep.rows[n]}" for n in TABLES)
        print(f"read {rep.documents} documents, rejected {len(rep.errors)}; rows: {counts}", file=sys.stderr)
    return 1 if rep.errors else 0
