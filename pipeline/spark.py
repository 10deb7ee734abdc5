"""Spark: the pipeline over DataFrames, on one machine (``local[*]``) or a cluster, unchanged.

    from pipeline.spark import extract_dataframe, table_dataframes
    docs = extract_dataframe(df, text_col="text", path_col="path", rules_dir="my-rules/")
    tabs = table_dataframes(docs)            # {"targets": DataFrame, ...}: the flat tables

Rows are processed in Arrow batches (``mapInArrow``): one pipeline (rules, compiled patterns,
tokenizer) is built per executor Python process and kept in a module global, not per row. A
bad row (binary, empty, undecodable, or an internal error) becomes a row with ``error`` set;
it never fails the job. User rule files are read on the driver, validated there, shipped to
the executors as data with the task and written to a temporary directory on each executor.

The command ``announce spark INPUT OUTPUT`` (see :func:`run_cli`) reads a folder of texts or
Parquet with a text column and writes ``OUTPUT/announcements`` (Parquet: one row per input,
the JSON document and typed columns) and ``OUTPUT/tables/<table>`` (Parquet: the flat tables
of :mod:`pipeline.tables`). It also runs as a ``spark-submit`` application (this file).
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import time
from typing import Optional

if __name__ == "__main__":  # run by spark-submit as a file: do not let pipeline/ shadow top-level modules
    _here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _here]

# ---------------------------------------------------------------------------------------------
# executor side: one pipeline per Python worker process

_STATE: dict = {}


def rules_payload(rules_dir: Optional[str]) -> Optional[dict]:
    """The user rule files of ``rules_dir`` as data ({file name: text}), validated on the driver."""
    if not rules_dir:
        return None
    from pipeline.rules import load_rules

    load_rules(rules_dir)  # raises RuleError naming the file
    out = {}
    for name in sorted(os.listdir(rules_dir)):
        if name.endswith(".json"):
            with open(os.path.join(rules_dir, name), encoding="utf-8-sig") as fh:
                out[name] = fh.read()
    return out


def _rules(payload: Optional[dict]):
    """The merged rules of this process, built once per payload (and per process)."""
    from pipeline.rules import load_rules

    key = hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest() if payload else ""
    rules = _STATE.get(key)
    if rules is None:
        d = None
        if payload:
            d = tempfile.mkdtemp(prefix="vn-announce-rules-")
            for name, text in payload.items():
                with open(os.path.join(d, os.path.basename(name)), "w", encoding="utf-8") as fh:
                    fh.write(text)
        rules = _STATE[key] = load_rules(d)
    return rules


def local_path(path: Optional[str]) -> Optional[str]:
    """``file:/a/b.txt`` or ``file:///a/b.txt`` (as Spark names local files) -> ``/a/b.txt``; other URIs unchanged."""
    if path and path.startswith("file:"):
        rest = path[5:]
        if rest.startswith("//"):
            rest = rest[2:]
            if not rest.startswith("/"):  # file://host/path
                return path
        return rest
    return path


def extract_value(value, path: Optional[str], rules) -> tuple[Optional[dict], Optional[str]]:
    """(JSON document as a dict, None) or (None, problem) for one text (str) or raw file (bytes)."""
    from pipeline import extract, extract_bytes
    from pipeline.errors import ContractError, InputError

    try:
        if value is None:
            raise InputError(path or "<row>", "no text (null)")
        if isinstance(value, (bytes, bytearray, memoryview)):
            ann = extract_bytes(bytes(value), source=path, rules=rules)
        else:
            ann = extract(value, rules=rules, source=path)
        return ann.model_dump(mode="json"), None
    except InputError as exc:
        return None, exc.problem
    except ContractError as exc:
        return None, f"internal error (please report): {exc}"
    except RecursionError:
        return None, "internal error (please report): recursion too deep"
    except Exception as exc:  # a bug: an error row, the job goes on
        return None, f"internal error (please report): {type(exc).__name__}: {exc}"


RESULT_COLUMNS = ("error", "json")
ITEM_TABLES = ("sections", "targets", "results", "percentages", "delegates", "officials", "titles", "appointments",
               "bodies", "warnings")  # the flat tables besides documents (whose columns are the typed columns)
TABLE_PREFIX = "table_"


def _doc_columns():
    from pipeline.tables import tables

    return list(tables()["documents"].columns)


def _extract_batches(batches, text_col, path_col, keep, payload, out_schema, with_tables=False):
    import pyarrow as pa
    from pipeline.tables import rows

    rules = _rules(payload)
    doc_cols = [c.name for c in _doc_columns()]
    extra = [TABLE_PREFIX + t for t in ITEM_TABLES] if with_tables else []
    for b in batches:
        n = b.num_rows
        texts = b.column(text_col).to_pylist()
        paths = [local_path(p) for p in b.column(path_col).to_pylist()] if path_col else [None] * n
        out = {c: [] for c in ["error"] + doc_cols + ["json"] + extra}
        for value, path in zip(texts, paths):
            doc, err = extract_value(value, path, rules)
            tabs = {c: [] for c in extra}
            if doc is not None:
                it = rows(doc)
                row = next(it)[1]
                if with_tables:
                    for t, r in it:
                        tabs[TABLE_PREFIX + t].append(r)
                js = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
            else:
                row = dict.fromkeys(doc_cols)
                row["doc_path"] = path
                js = None
            for c in doc_cols:
                out[c].append(row[c])
            out["error"].append(err)
            out["json"].append(js)
            for c in extra:
                out[c].append(tabs[c] if doc is not None else None)
        arrays = [b.column(c) for c in keep]
        arrays += [pa.array(out[f.name], type=f.type) for f in list(out_schema)[len(keep):]]
        yield pa.RecordBatch.from_arrays(arrays, schema=out_schema)


def spark_type(t: str):
    from pyspark.sql import types as T

    return {"string": T.StringType(), "integer": T.LongType(), "number": T.DoubleType(),
            "boolean": T.BooleanType(), "json": T.StringType()}[t]


def table_struct(name: str):
    """The Spark schema (StructType) of a flat table."""
    from pyspark.sql import types as T

    from pipeline.tables import tables

    return T.StructType([T.StructField(c.name, spark_type(c.type), True) for c in tables()[name].columns])


def _arrow_schema(spark, struct):
    """The Arrow schema Spark expects back from mapInArrow for ``struct`` (string vs large_string per config)."""
    from pyspark.sql.pandas.types import to_arrow_schema

    large = str(spark.conf.get("spark.sql.execution.arrow.useLargeVarTypes", "false")).lower() == "true"
    try:
        return to_arrow_schema(struct, prefers_large_types=large)
    except TypeError:  # older PySpark
        return to_arrow_schema(struct)


def extract_dataframe(df, text_col: str = "text", path_col: Optional[str] = "path", rules_dir: Optional[str] = None,
                      keep_text: bool = False, tables: bool = False):
    """The pipeline over a DataFrame.

    ``text_col``: string (a decoded text, like :func:`pipeline.extract`) or binary (the raw
    file, like :func:`pipeline.extract_bytes`: undecodable rows become error rows).
    ``path_col`` (optional; ignored when absent): becomes ``source.path`` (``file:`` URIs as
    local paths, so the JSON equals ``announce extract``'s for the same file).
    Returns the input's other columns (and ``text_col`` when ``keep_text``), then ``error``
    (null, or what is wrong with the row), the columns of the ``documents`` table
    (``schema_version``, ``doc_path``, ``doc_sha256``, ``kind``, ``title``, ``date``,
    ``n_targets``, ...: see :mod:`pipeline.tables`) and ``json`` (the document, compact JSON).
    With ``tables=True`` also one column ``table_<name>`` per item table (an array of that
    table's rows), so that :func:`table_dataframes` needs no second pass over the JSON.
    """
    from pyspark.sql import types as T

    spark = df.sparkSession
    if path_col and path_col not in df.columns:
        path_col = None
    if text_col not in df.columns:
        raise ValueError(f"no column {text_col!r} in the DataFrame (columns: {', '.join(df.columns)})")
    keep = [c for c in df.columns if c != text_col or keep_text]
    fields = [df.schema[c] for c in keep]
    fields.append(T.StructField("error", T.StringType(), True))
    fields += [T.StructField(c.name, spark_type(c.type), True) for c in _doc_columns()]
    fields.append(T.StructField("json", T.StringType(), True))
    if tables:
        fields += [T.StructField(TABLE_PREFIX + t, T.ArrayType(table_struct(t), False), True) for t in ITEM_TABLES]
    names = [f.name for f in fields]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        raise ValueError(f"input columns clash with output columns: {', '.join(sorted(dup))}")
    struct = T.StructType(fields)
    out_schema = _arrow_schema(spark, struct)
    payload = rules_payload(rules_dir)

    def fn(batches):
        return _extract_batches(batches, text_col, path_col, keep, payload, out_schema, tables)

    return df.mapInArrow(fn, struct)


def _table_batches(batches, name, json_col, out_schema):
    import pyarrow as pa
    from pipeline.tables import rows

    for b in batches:
        out = []
        for js in b.column(json_col).to_pylist():
            if js:
                out.extend(r for t, r in rows(json.loads(js)) if t == name)
        if out:
            yield pa.RecordBatch.from_pylist(out, schema=out_schema)


def table_dataframes(docs, json_col: str = "json") -> dict:
    """The flat tables (:mod:`pipeline.tables`) of a DataFrame of documents: {name: DataFrame}.

    ``documents`` is the typed columns of the rows without error; the other tables come from
    the ``table_<name>`` columns when ``docs`` has them (``extract_dataframe(..., tables=True)``),
    else from parsing ``json_col`` (one pass per table: persist ``docs`` when it is expensive).
    """
    from pyspark.sql import functions as F

    from pipeline.tables import TABLES, tables

    ok = docs.where(F.col(json_col).isNotNull())
    out = {}
    for name in TABLES:
        cols = tables()[name].names
        if name == "documents" and all(c in docs.columns for c in cols):
            out[name] = ok.select(*cols)
        elif TABLE_PREFIX + name in docs.columns:
            out[name] = ok.select(F.explode(TABLE_PREFIX + name).alias("r")).select(*[F.col("r")[c].alias(c) for c in cols])
        else:
            struct = table_struct(name)
            out_schema = _arrow_schema(docs.sparkSession, struct)

            def fn(batches, name=name, out_schema=out_schema):
                return _table_batches(batches, name, json_col, out_schema)

            out[name] = ok.select(json_col).mapInArrow(fn, struct)
    return out


# ---------------------------------------------------------------------------------------------
# reading inputs, the command

def read_texts(spark, path: str, glob: str = "*.txt"):
    """A folder of text files (recursively) as a DataFrame (path, text: binary).

    Spark's file reader skips empty files; for a local folder they are listed here and added
    as rows with empty content, so that they come out as error rows (as ``announce extract``
    reports them) instead of disappearing.
    """
    import fnmatch

    from pyspark.sql import types as T

    df = (spark.read.format("binaryFile").option("pathGlobFilter", glob).option("recursiveFileLookup", "true")
          .load(path).select("path", "content").withColumnRenamed("content", "text"))
    local = local_path(path)
    if local and "://" not in local and os.path.isdir(local):
        empty = []
        for root, dirs, files in os.walk(local):
            dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
            for f in sorted(files):
                full = os.path.join(root, f)
                if fnmatch.fnmatch(f, glob) and not f.startswith((".", "_")) and os.path.isfile(full) \
                        and os.path.getsize(full) == 0:
                    empty.append((os.path.abspath(full), bytearray()))
        if empty:
            schema = T.StructType([T.StructField("path", T.StringType()), T.StructField("text", T.BinaryType())])
            df = df.unionByName(spark.createDataFrame(empty, schema))
    return df


def _is_parquet(path: str) -> bool:
    if path.endswith(".parquet"):
        return True
    if os.path.isdir(path):
        for root, _dirs, files in os.walk(path):
            if any(f.endswith(".parquet") for f in files):
                return True
    return False


def add_arguments(p) -> None:
    p.add_argument("input", metavar="INPUT", help="a folder of text files (recursively) or Parquet with a text column")
    p.add_argument("output", metavar="OUTPUT", help="output folder: OUTPUT/announcements and OUTPUT/tables/<table> (Parquet)")
    p.add_argument("--master", metavar="URL", help="Spark master (default: local[*], or what spark-submit sets)")
    p.add_argument("--rules", metavar="DIR", help="directory of extra rule files (shipped to the executors)")
    p.add_argument("--input-format", choices=("auto", "text", "parquet"), default="auto",
                   help="auto (default): Parquet when INPUT is *.parquet or holds Parquet files, else texts")
    p.add_argument("--glob", default="*.txt", help="file name pattern of text inputs (default *.txt)")
    p.add_argument("--text-col", default="text", help="the text column of Parquet input (string or binary; default text)")
    p.add_argument("--path-col", default="path", help="the column used as source.path of Parquet input (default path)")
    p.add_argument("--partitions", type=int, metavar="N", help="repartition the input into N partitions first")
    p.add_argument("--no-tables", action="store_true", help="write only OUTPUT/announcements")
    p.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE", help="extra Spark configuration (repeatable)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary")


def _master(master: Optional[str]) -> str:
    if master:
        return master
    if "PYSPARK_GATEWAY_PORT" in os.environ:  # under spark-submit: the master it was given
        from pyspark import SparkContext

        SparkContext._ensure_initialized()
        return SparkContext._jvm.SparkConf(True).get("spark.master", "local[*]")
    return "local[*]"


def session(master: Optional[str] = None, conf: Optional[dict] = None, app: str = "announce"):
    """A SparkSession; in local mode the executors run this very Python (and so find this package)."""
    from pyspark.sql import SparkSession

    if "PYSPARK_PYTHON" not in os.environ and _master(master).startswith("local"):
        os.environ["PYSPARK_PYTHON"] = sys.executable
    b = SparkSession.builder.appName(app)
    if master:
        b = b.master(master)
    for k, v in (conf or {}).items():
        b = b.config(k, v)
    spark = b.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark


def run_cli(args) -> int:
    try:
        import pyspark  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        print("announce: error: announce spark needs pyspark and pyarrow: pip install 'vn-announce[spark]'", file=sys.stderr)
        return 2
    from pipeline.errors import RuleError
    from pipeline.tables import manifest

    conf = {}
    for kv in args.conf:
        if "=" not in kv:
            print(f"announce: error: --conf takes KEY=VALUE, not {kv!r}", file=sys.stderr)
            return 2
        k, v = kv.split("=", 1)
        conf[k] = v
    try:
        rules_payload(args.rules)
    except RuleError as exc:
        print(f"announce: error: rules: {exc}", file=sys.stderr)
        return 2
    local_input = "://" not in args.input and not args.input.startswith("file:")
    if local_input and not os.path.exists(args.input):
        print(f"announce: error: {args.input}: no such file or directory", file=sys.stderr)
        return 2
    fmt = args.input_format
    if fmt == "auto":
        fmt = "parquet" if _is_parquet(args.input) else "text"

    # many small files: Spark's default cost of opening a file (4 MB) makes one tiny task per ~30 files;
    # a lower cost packs them into fewer, larger tasks (still at least one per core)
    conf.setdefault("spark.sql.files.openCostInBytes", str(128 * 1024))
    if args.quiet or not sys.stderr.isatty():
        conf.setdefault("spark.ui.showConsoleProgress", "false")
    t0 = time.perf_counter()
    spark = session(args.master, conf)
    from pyspark.sql import functions as F

    if fmt == "text":
        df = read_texts(spark, args.input, args.glob)
        text_col, path_col = "text", "path"
    else:
        df = spark.read.parquet(args.input)
        text_col, path_col = args.text_col, args.path_col
        if text_col not in df.columns:
            print(f"announce: error: {args.input}: no column {text_col!r} (columns: {', '.join(df.columns)}); use --text-col",
                  file=sys.stderr)
            return 2
    if args.partitions:
        df = df.repartition(args.partitions)
    out = args.output.rstrip("/")
    docs_path = f"{out}/announcements"
    from pyspark import StorageLevel

    # one pass of the pipeline: documents and table rows together, kept (memory, else disk) for the writes
    ext = extract_dataframe(df, text_col, path_col, args.rules, tables=not args.no_tables)
    if not args.no_tables:
        ext = ext.persist(StorageLevel.MEMORY_AND_DISK)
    table_cols = {TABLE_PREFIX + t for t in ITEM_TABLES}
    ext.select(*[c for c in ext.columns if c not in table_cols]).write.mode("overwrite").parquet(docs_path)
    if not args.no_tables:
        for name, tdf in table_dataframes(ext).items():
            tdf.write.mode("overwrite").parquet(f"{out}/tables/{name}")
        ext.unpersist()
    docs = spark.read.parquet(docs_path)
    if not args.no_tables:
        if "://" not in out and not out.startswith("file:"):
            with open(os.path.join(out, "tables", "tables.json"), "w", encoding="utf-8") as fh:
                fh.write(json.dumps(manifest("parquet"), ensure_ascii=False, indent=2) + "\n")
    stats = docs.agg(F.count(F.lit(1)).alias("n"), F.count("error").alias("bad"), F.sum("chars").alias("chars")).first()
    bad = docs.where(F.col("error").isNotNull()).select("doc_path", "error").limit(50).collect()
    for r in bad:
        print(f"error: {r['doc_path']}: {r['error']}", file=sys.stderr)
    if stats["bad"] > len(bad):
        print(f"... and {stats['bad'] - len(bad)} more error rows (column 'error' of {docs_path})", file=sys.stderr)
    dt = time.perf_counter() - t0
    if not args.quiet:
        print(f"read {stats['n']} inputs ({stats['chars'] or 0} chars), wrote {stats['n'] - stats['bad']} documents, "
              f"{stats['bad']} error rows in {dt:.1f} s ({stats['n'] / max(dt, 1e-9):.0f} files/s) -> {out}", file=sys.stderr)
    return 1 if stats["bad"] else 0


def main(argv=None) -> int:
    """spark-submit entry: ``spark-submit .../pipeline/spark.py INPUT OUTPUT [options]``."""
    import argparse

    p = argparse.ArgumentParser(prog="announce spark", description="Run the pipeline on Spark.")
    add_arguments(p)
    return run_cli(p.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
