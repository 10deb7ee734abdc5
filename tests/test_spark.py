"""Spark in local mode: same JSON as one machine, bad rows as error rows, user rules on the executors.

One session-scoped SparkSession (local[2], 2 shuffle partitions, no UI); every test here is
marked ``spark`` (deselect with ``-m "not spark"``). Skips cleanly without Java or PySpark.
"""
import glob
import json
import os
import shutil

import pytest

from conftest import SAMPLES, shared_path
from pipeline import extract, extract_file

pytestmark = pytest.mark.spark
pyspark = pytest.importorskip("pyspark", reason="pyspark not installed (the 'spark' extra)")
pytest.importorskip("pyarrow", reason="pyarrow not installed (the 'spark' extra)")

N_BULK = 200


@pytest.fixture(scope="session")
def spark():
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        pytest.skip("no Java runtime (Spark needs Java 17+)")
    from pipeline.spark import session

    s = session("local[2]", {"spark.sql.shuffle.partitions": "2", "spark.ui.enabled": "false",
                             "spark.ui.showConsoleProgress": "false", "spark.default.parallelism": "2",
                             "spark.sql.files.openCostInBytes": "131072"}, app="vn-announce-tests")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def bulk_files():
    d = shared_path("corpus", "bulk", "vntc_ctxh")
    files = sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".txt"))[:N_BULK]
    assert len(files) == N_BULK
    return files


def test_bulk_documents_equal_single_machine_output(spark, bulk_files):
    from pipeline.spark import extract_dataframe, table_dataframes
    from pipeline.tables import rows

    df = spark.read.format("binaryFile").load(bulk_files).select("path", "content").withColumnRenamed("content", "text")
    docs = extract_dataframe(df).cache()
    got = {r["doc_path"]: r.asDict() for r in docs.collect()}
    assert sorted(got) == bulk_files  # source.path is the local path, as `announce extract` gives it
    expected = {}
    for f in bulk_files:
        want = extract_file(f).model_dump(mode="json")
        expected[f] = want
        row = got[f]
        assert row["error"] is None, (f, row["error"])
        assert json.loads(row["json"]) == want, f
        assert row["schema_version"] == want["schema_version"] and row["doc_sha256"] == want["source"]["sha256"]
        assert row["n_targets"] == len(want["targets"]) and row["kind"] == want["document"]["kind"]
    # the flat tables on Spark equal the tables of the single-machine documents
    tabs = table_dataframes(docs)
    for name in ("documents", "targets", "officials"):
        want_rows = sorted((r for d in expected.values() for t, r in rows(d) if t == name),
                           key=lambda r: (r["doc_path"], r.get("idx") or 0))
        got_rows = sorted((r.asDict() for r in tabs[name].collect()), key=lambda r: (r["doc_path"], r.get("idx") or 0))
        assert got_rows == want_rows, name
    docs.unpersist()


def test_bad_rows_become_error_rows(spark):
    from pyspark.sql import types as T

    from pipeline.spark import extract_dataframe

    good = open(os.path.join(SAMPLES, "tnt_98be6e047028fade.txt"), "rb").read()
    schema = T.StructType([T.StructField("id", T.IntegerType()), T.StructField("text", T.BinaryType())])
    df = spark.createDataFrame([(1, bytearray(b"\x00\x01\x02\x03 binary")), (2, bytearray()), (3, None),
                                (4, bytearray(b"abc \xc3\x28 not utf-8 \xa0\xa1")), (5, bytearray(good))], schema)
    out = {r["id"]: r for r in extract_dataframe(df, path_col=None).collect()}
    assert "binary" in out[1]["error"] and "empty" in out[2]["error"] and "null" in out[3]["error"]
    assert out[4]["error"] and out[4]["json"] is None and out[4]["schema_version"] is None
    assert out[5]["error"] is None and json.loads(out[5]["json"])["source"]["encoding"] == "utf-8"
    # a string column: the row is a decoded text, as pipeline.extract() takes it
    sdf = spark.createDataFrame([("a", "   "), ("b", "I. KẾT QUẢ\n1. Số đại biểu: 445 đại biểu.")], ["path", "text"])
    srows = {r["path"]: r for r in extract_dataframe(sdf).collect()}
    assert "empty" in srows["a"]["error"]
    assert json.loads(srows["b"]["json"]) == extract("I. KẾT QUẢ\n1. Số đại biểu: 445 đại biểu.", source="b").model_dump(mode="json")


def test_user_rules_reach_the_executors(spark, tmp_path):
    from pipeline.spark import extract_dataframe

    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "indicators.json").write_text(json.dumps({"indicators": {"services_growth": ["dịch vụ"]}}), encoding="utf-8")
    text = "Mục tiêu: đến năm 2030, dịch vụ tăng 10,9%/năm."
    df = spark.createDataFrame([(f"t{i}", text) for i in range(4)], ["path", "text"]).repartition(2)

    def ids(rules_dir):
        return {i for r in extract_dataframe(df, rules_dir=rules_dir).collect()
                for i in (t["indicator_id"] for t in json.loads(r["json"])["targets"])}

    assert "services_growth" not in ids(None)
    assert "services_growth" in ids(str(rules))


def test_announce_spark_command(spark, tmp_path):
    import pyarrow.parquet as pq

    from pipeline.cli.main import main
    from pipeline.tables import TABLES

    src = tmp_path / "in" / "sub"
    src.mkdir(parents=True)
    for f in sorted(glob.glob(os.path.join(SAMPLES, "*.txt")))[:3]:
        shutil.copy(f, src)
    (src / "binary.txt").write_bytes(b"\x00\x01\x02 binary")
    (src / "empty.txt").write_bytes(b"")
    (src / "notes.md").write_text("not a .txt input", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["spark", str(tmp_path / "in"), str(out), "-q"]) == 1  # error rows exist; the job still wrote everything
    docs = pq.read_table(out / "announcements").to_pylist()
    assert len(docs) == 5
    errors = {os.path.basename(d["doc_path"]): d["error"] for d in docs if d["error"]}
    assert set(errors) == {"binary.txt", "empty.txt"}
    for d in docs:
        if not d["error"]:
            assert json.loads(d["json"]) == extract_file(d["doc_path"]).model_dump(mode="json")
    # the tables written in the same pass as the documents equal the tables of the single-machine JSON
    from pipeline.tables import rows

    want = [r for d in docs if not d["error"] for r in rows(extract_file(d["doc_path"]).model_dump(mode="json"))]
    for name in TABLES:
        got = pq.read_table(out / "tables" / name).to_pylist()
        key = lambda r: (r["doc_path"], r.get("official_idx") or 0, r.get("idx") or 0)  # noqa: E731
        assert sorted(got, key=key) == sorted((r for t, r in want if t == name), key=key), name
    assert pq.read_table(out / "tables" / "documents").num_rows == 3
    assert json.loads((out / "tables" / "tables.json").read_text(encoding="utf-8"))["format"] == "parquet"
    # Parquet input with a text column, back through the same command
    pq_in = tmp_path / "texts.parquet"
    import pyarrow as pa

    pq.write_table(pa.table({"path": ["x"], "text": ["Tăng trưởng GRDP đạt 10%/năm."]}), pq_in)
    assert main(["spark", str(pq_in), str(tmp_path / "out2"), "--no-tables", "-q"]) == 0
    (row,) = pq.read_table(tmp_path / "out2" / "announcements").to_pylist()
    assert json.loads(row["json"])["source"]["path"] == "x"
