"""Flat tables: row counts, grounded spans, CSV and Parquet round trips, unknown fields, the CLI."""
import glob
import json
import math
import os
import re

import pytest

from conftest import ROOT, SAMPLES, SHARED
from pipeline import SCHEMA_VERSION, extract_file, to_json
from pipeline.cli.main import main
from pipeline.tables import TABLES, read_csv, rows, tables, write_tables


def _texts():
    files = sorted(glob.glob(os.path.join(SAMPLES, "*.txt")))
    bulk = os.path.join(SHARED, "corpus", "bulk", "vntc_ctxh")
    if os.path.isdir(bulk):  # real texts beside the samples when the shared corpus is there
        files += sorted(os.path.join(bulk, f) for f in os.listdir(bulk) if f.endswith(".txt"))[:40]
    return files


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    out = tmp_path_factory.mktemp("json")
    res = []
    for i, f in enumerate(_texts()):
        js = to_json(extract_file(f))
        (out / f"{i:03d}.json").write_text(js, encoding="utf-8")
        res.append(json.loads(js))
    return out, res


@pytest.fixture(scope="module")
def written(docs, tmp_path_factory):
    src, _ = docs
    out = {}
    for fmt in ("csv", "parquet"):
        d = tmp_path_factory.mktemp(fmt)
        assert main(["tables", str(src), "-o", str(d), "--format", fmt, "-q"]) == 0
        out[fmt] = d
    return out


def _expected_counts(ds):
    n = {t: 0 for t in TABLES}
    for d in ds:
        n["documents"] += 1
        for k in ("sections", "targets", "results", "percentages", "officials", "bodies", "warnings"):
            n[k] += len(d[k])
        n["delegates"] += sum(1 for k, v in d["delegates"].items() if k != "breakdowns" and v) + len(d["delegates"]["breakdowns"])
        n["titles"] += sum(len(o["titles"]) for o in d["officials"])
        n["appointments"] += sum(len(o["appointments"]) for o in d["officials"])
    return n


def _parquet(path):
    import pyarrow.parquet as pq

    return pq.read_table(path)


def test_row_counts_equal_item_counts(docs, written):
    _, ds = docs
    want = _expected_counts(ds)
    assert want["targets"] and want["sections"] and want["officials"] and want["percentages"]
    for name in TABLES:
        assert len(read_csv(str(written["csv"] / f"{name}.csv"))) == want[name], name
        assert _parquet(written["parquet"] / f"{name}.parquet").num_rows == want[name], name
    manifest = json.loads((written["parquet"] / "tables.json").read_text(encoding="utf-8"))
    assert manifest["schema_version"] == SCHEMA_VERSION
    assert {k: v["rows"] for k, v in manifest["tables"].items()} == want


def _span_columns(names):
    for n in names:
        if n == "start":
            yield "text", "start", "end"
        elif n.endswith("_start") and n[:-6] in names and n[:-6] + "_end" in names:
            yield n[:-6], n, n[:-6] + "_end"


def test_every_span_matches_the_source_text(written):
    cache = {}
    checked = 0
    for name in TABLES:
        t = _parquet(written["parquet"] / f"{name}.parquet").to_pylist()
        spans = list(_span_columns(tables()[name].names))
        if name != "documents":
            assert ("text", "start", "end") in spans, name
        for row in t:
            path = row["doc_path"]
            if path not in cache:
                with open(path, encoding="utf-8-sig") as fh:
                    cache[path] = fh.read()
            src = cache[path]
            for text, s, e in spans:
                if row[s] is not None:
                    assert src[row[s]:row[e]] == row[text], (name, text, row[s])
                    checked += 1
    assert checked > 500


def test_csv_and_parquet_round_trip_with_documented_types(docs, written):
    _, ds = docs
    for name in TABLES:
        want = [r for d in ds for t, r in rows(d) if t == name]
        cols = tables()[name].columns
        pq_rows = _parquet(written["parquet"] / f"{name}.parquet").to_pylist()
        csv_rows = read_csv(str(written["csv"] / f"{name}.csv"))
        assert pq_rows == want and csv_rows == want, name
        schema = _parquet(written["parquet"] / f"{name}.parquet").schema
        assert schema.metadata[b"vn_announce.schema_version"].decode() == SCHEMA_VERSION
        for c in cols:
            arrow = str(schema.field(c.name).type)
            assert arrow == {"string": "string", "json": "string", "integer": "int64", "number": "double", "boolean": "bool"}[c.type]
            for r in want:
                v = r[c.name]
                assert v is None or isinstance(v, {"string": str, "json": str, "integer": int, "number": float, "boolean": bool}[c.type])
                if c.type == "json" and v is not None:
                    json.loads(v)
    # a value that needs quoting and a float survive CSV exactly
    targets = read_csv(str(written["csv"] / "targets.csv"))
    assert any("\n" in r["text"] or "," in r["text"] for r in targets)
    assert all(isinstance(r["value"], float) and not math.isnan(r["value"]) for r in targets)


def test_pandas_and_duckdb_style_analysis(written):
    import pandas as pd

    from pipeline.tables import pandas_dtypes

    t = pd.read_parquet(written["parquet"] / "targets.parquet")
    d = pd.read_parquet(written["parquet"] / "documents.parquet")
    grdp = t[(t.indicator_id == "grdp_growth") & ((t.year == 2030) | (t.period_end == 2030))].merge(d, on=["doc_path", "doc_sha256"])
    assert "Đảng bộ thành phố Hải Phòng" in set(grdp.organization)
    c = pd.read_csv(written["csv"] / "targets.csv", dtype=pandas_dtypes("targets"), keep_default_na=False, na_values=[""])
    assert str(c["year"].dtype) == "Int64" and len(c) == len(t)


def test_unknown_future_fields_do_not_crash(docs, tmp_path, capsys):
    _, ds = docs
    d = json.loads(json.dumps(ds[0]))
    d["schema_version"] = "1.9.0"
    d["new_list"] = [{"x": 1}]
    d["targets"][0]["confidence"] = 0.5
    del d["targets"][0]["stretch"]  # missing fields: null
    jl = tmp_path / "future.jsonl"
    jl.write_text(json.dumps(d, ensure_ascii=False) + "\n\n" + "not json\n" + json.dumps({"a": 1}) + "\n", encoding="utf-8")
    assert main(["tables", str(jl), "-o", str(tmp_path / "t"), "-q"]) == 1  # two bad lines reported
    err = capsys.readouterr().err
    assert "future.jsonl:3: not JSON" in err and "future.jsonl:4: not an announcement document" in err
    assert "field targets[].confidence is not in schema" in err and "field new_list" in err
    rows_ = read_csv(str(tmp_path / "t" / "targets.csv"))
    assert len(rows_) == len(d["targets"]) and rows_[0]["stretch"] is None and rows_[0]["schema_version"] == "1.9.0"


def test_readme_documents_every_column():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
        readme = fh.read()
    for t in tables().values():
        m = re.search(rf"^\| `{t.name}` \|.*$", readme, re.M)
        assert m, f"README lacks the {t.name} table"
        for c in t.columns:
            assert f"`{c.name}` ({c.type})" in m.group(0), (t.name, c.name)
    assert f"schema {SCHEMA_VERSION}" in readme or f"schema_version` {SCHEMA_VERSION}" in readme or SCHEMA_VERSION in readme
