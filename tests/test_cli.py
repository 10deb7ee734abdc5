"""The command line, end to end, as a user runs it."""
import codecs
import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SEED

PY = sys.executable


def run(*args, stdin=None, cwd=None):
    return subprocess.run([PY, "-m", "pipeline", *args], input=stdin, capture_output=True, cwd=cwd or ROOT, timeout=300)


def test_one_file_to_stdout_is_its_json_document():
    r = run("extract", SEED)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["schema_version"] and doc["source"]["chars"] > 40000
    assert r.stderr == b""


def test_regression_out_dir_dash_is_stdout_not_a_directory_named_dash(tmp_path):
    """'announce extract FILE -o -' wrote a directory named '-' in the working directory."""
    r = run("extract", SEED, "-o", "-", cwd=str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["source"]["chars"] > 40000
    assert not os.path.exists(tmp_path / "-")


def test_stdin():
    r = run("extract", "-", stdin="I. KẾT QUẢ\n1. Nội dung: tốt.".encode())
    assert r.returncode == 0
    assert json.loads(r.stdout)["source"]["path"] == "-"


def test_console_script_exists():
    exe = os.path.join(os.path.dirname(PY), "announce")
    if not os.path.exists(exe):
        pytest.skip("console script not installed in this environment")
    r = subprocess.run([exe, "schema"], capture_output=True)
    assert r.returncode == 0 and json.loads(r.stdout)["$id"]


@pytest.fixture
def mixed_dir(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "good.txt").write_text("I. KẾT QUẢ\n1. Nội dung: tốt.", encoding="utf-8")
    (d / "sub" / "nested.txt").write_bytes(codecs.BOM_UTF16_LE + "II. NHIỆM VỤ\n1. Kinh tế: tăng.".encode("utf-16-le"))
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (d / "latin1.txt").write_bytes("Hội nghị".encode("utf-8") + b"\xe9\xe8")
    (d / "ignored.md").write_text("# not a txt", encoding="utf-8")
    return d


def test_batch_dir_one_bad_file_never_stops_the_others(mixed_dir, tmp_path):
    out = tmp_path / "out"
    r = run("extract", str(mixed_dir), "-o", str(out), "--jobs", "2")
    assert r.returncode == 1
    err = r.stderr.decode()
    for name, problem in [("empty.txt", "empty"), ("binary.txt", "binary"), ("latin1.txt", "not valid UTF-8")]:
        line = next(l for l in err.splitlines() if name in l)
        assert problem in line
    assert "Traceback" not in err
    assert "read 5 files" in err and "wrote 2" in err and "rejected 3" in err
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json")) == ["good.json", "sub/nested.json"]
    assert not list(out.rglob(".tmp-*"))


def test_jsonl_output(mixed_dir, tmp_path):
    out = tmp_path / "all.jsonl"
    r = run("extract", str(mixed_dir / "good.txt"), str(mixed_dir / "sub"), "--jsonl", str(out))
    assert r.returncode == 0, r.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert [json.loads(l)["sections"][0]["label"] for l in lines] == ["I", "II"]


def test_missing_path_is_reported_and_exit_1(tmp_path):
    r = run("extract", str(tmp_path / "nope.txt"), SEED, "-o", str(tmp_path / "o"))
    assert r.returncode == 1
    assert b"nope.txt: no such file" in r.stderr
    assert (tmp_path / "o" / "haiphong-2025.json").exists()


def test_usage_errors_exit_2():
    assert run().returncode == 2
    assert run("extract").returncode == 2
    assert run("frobnicate").returncode == 2
    assert run("extract", SEED, "--jobs", "0").returncode == 2


def test_validate(tmp_path):
    good = tmp_path / "good.json"
    good.write_text(run("extract", SEED).stdout.decode(), encoding="utf-8")
    bad = tmp_path / "bad.json"
    doc = json.loads(good.read_text(encoding="utf-8"))
    del doc["sections"]
    doc["percentages"] = [{"text": "x"}]
    bad.write_text(json.dumps(doc), encoding="utf-8")
    notjson = tmp_path / "broken.json"
    notjson.write_text("{", encoding="utf-8")
    r = run("validate", str(good))
    assert r.returncode == 0 and b"valid" in r.stdout
    r = run("validate", str(good), str(bad), str(notjson))
    assert r.returncode == 1
    err = r.stderr.decode()
    assert "bad.json: (root): 'sections' is a required property" in err
    assert "bad.json: percentages/0" in err
    assert "broken.json: not JSON" in err


def test_user_rules_directory_extends_furniture(tmp_path):
    text = "I. KẾT QUẢ\n1. Nội dung: tốt.\nĐỌC THÊM TIN NÀY\nMột tin khác\n"
    src = tmp_path / "a.txt"
    src.write_text(text, encoding="utf-8")
    r = run("extract", str(src))
    assert json.loads(r.stdout)["source"]["furniture"] == []
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "furniture.json").write_text(json.dumps({"tail_line_markers": ["ĐỌC THÊM TIN NÀY"]}), encoding="utf-8")
    r = run("extract", str(src), "--rules", str(rules))
    assert r.returncode == 0, r.stderr
    furn = json.loads(r.stdout)["source"]["furniture"]
    assert [f["text"] for f in furn] == ["ĐỌC THÊM TIN NÀY\nMột tin khác\n"]


def test_broken_user_rule_file_is_a_clear_usage_error(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "furniture.json").write_text("{ not json", encoding="utf-8")
    r = run("extract", SEED, "--rules", str(rules))
    assert r.returncode == 2
    assert b"furniture.json: not valid YAML (line 1" in r.stderr and b"Traceback" not in r.stderr
    (rules / "furniture.json").unlink()
    (rules / "mystery.json").write_text("{}", encoding="utf-8")
    r = run("extract", SEED, "--rules", str(rules))
    assert r.returncode == 2 and b"unknown rule file" in r.stderr


def test_eval_prints_a_table_and_json(tmp_path):
    rep = tmp_path / "rep.json"
    r = run("eval", "samples", "--json", str(rep), "--show-errors")
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert "== samples: 5 documents" in out
    assert "sections" in out and "percentages" in out and "missed" in out
    data = json.loads(rep.read_text(encoding="utf-8"))
    assert data["sets"]["samples"]["documents"] == 5
    assert set(data["sets"]["samples"]["fields"]) >= {"sections", "officials", "percentages", "targets", "delegates", "meta", "warnings"}


def test_eval_missing_text_is_reported(tmp_path):
    g = tmp_path / "x.gold.json"
    g.write_text(json.dumps({"document": "nowhere.txt"}), encoding="utf-8")
    r = run("eval", str(g))
    assert r.returncode == 1 and b"text nowhere.txt not found" in r.stderr


def test_user_indicator_lexicon_gives_a_new_indicator_id(tmp_path):
    from pipeline import extract

    text = "2.3. Các chỉ tiêu chủ yếu\n(1) Đến năm 2030, tỷ lệ hộ gia đình có băng rộng cố định đạt 95%."
    assert extract(text).targets[0].indicator_id is None
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "indicators.json").write_text(json.dumps({"indicators": {"broadband_coverage": ["tỷ lệ hộ gia đình có băng rộng cố định"]}}, ensure_ascii=False), encoding="utf-8")
    t = extract(text, rules_dir=str(rules)).targets[0]
    assert (t.indicator_id, t.value, t.unit, t.year) == ("broadband_coverage", 95, "%", 2030)
