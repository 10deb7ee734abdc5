"""extract_many: streaming, input order, errors as values, jobs=2 equal to jobs=1."""
import glob
import json
import os
import pathlib

import pytest

from conftest import SAMPLES, shared_path
from pipeline import RuleError, extract, extract_file, extract_many, to_json

SAMPLE_FILES = sorted(glob.glob(os.path.join(SAMPLES, "*.txt")))


def _inputs():
    texts = [pathlib.Path(p) for p in SAMPLE_FILES]
    return [texts[0], b"\x00\x01\x02 binary", texts[1], "", ("named", "I. KẾT QUẢ\n1. Số đại biểu: 445 đại biểu."),
            texts[2], b"\xff\xfe\xfd not utf", "Tăng trưởng GRDP đạt 10%/năm.", *texts[3:]]


def test_order_and_errors_as_values():
    inputs = _inputs()
    res = list(extract_many(iter(inputs)))
    assert [r.index for r in res] == list(range(len(inputs)))
    bad = {r.index: r.error for r in res if not r.ok}
    assert set(bad) == {1, 3, 6}
    assert "binary" in bad[1] and bad[1].startswith("<input 1>: ")
    assert "empty" in bad[3] and "UTF-8" in bad[6]
    assert all(r.doc is None and r.json is None for r in res if not r.ok)
    # each good result is exactly the single-call output
    assert res[0].json == to_json(extract_file(str(inputs[0])))
    assert res[0].source == str(inputs[0])
    assert res[4].source == "named" and res[4].data["source"]["path"] == "named"
    assert [s.id for s in res[4].doc.sections] == ["I", "I.1"]
    assert res[7].json == to_json(extract("Tăng trưởng GRDP đạt 10%/năm."))


def test_jobs2_equals_jobs1_and_window_is_lazy():
    inputs = _inputs()
    one = list(extract_many(inputs, jobs=1))
    two = list(extract_many(inputs, jobs=2, window=3))
    assert one == two  # index, source, json, error
    assert two[2].doc.model_dump(mode="json") == json.loads(one[2].json)

    consumed = []

    def gen():
        for i, x in enumerate(inputs):
            consumed.append(i)
            yield x

    it = extract_many(gen(), jobs=2, window=3)
    first = next(it)
    assert first.index == 0 and len(consumed) <= 4  # bounded read-ahead, not the whole input
    assert [r.index for r in it] == list(range(1, len(inputs)))


def test_paths_as_strings_and_bulk_texts():
    d = shared_path("corpus", "bulk", "vntc_ctxh")
    files = sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".txt"))[:20]
    res = list(extract_many(files, jobs=2, paths=True))
    assert [r.source for r in res] == files
    for f, r in zip(files, res):
        assert r.ok and r.json == to_json(extract_file(f))


def test_user_rules_reach_workers(tmp_path):
    (tmp_path / "indicators.json").write_text(json.dumps({"indicators": {"services_growth": ["dịch vụ"]}}), encoding="utf-8")
    text = "Mục tiêu: đến năm 2030, dịch vụ tăng 10,9%/năm."
    base = list(extract_many([text, text], jobs=2))
    ruled = list(extract_many([text, text], jobs=2, rules_dir=str(tmp_path)))
    ids = lambda r: [t["indicator_id"] for t in r.data["targets"]]  # noqa: E731
    assert "services_growth" not in ids(base[1])
    assert "services_growth" in ids(ruled[1]) and ids(ruled[0]) == ids(ruled[1])
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "targets.json").write_text("{broken", encoding="utf-8")
    with pytest.raises(RuleError):
        next(extract_many([text], rules_dir=str(broken)))
