"""Review pages without a browser: the API, escaping of the embedded data, the `announce review` command."""
import json
import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLES, SEED

PY = sys.executable
STEMS = sorted(os.path.splitext(f)[0] for f in os.listdir(SAMPLES) if f.endswith(".txt"))


def run(*args, stdin=None, cwd=None):
    return subprocess.run([PY, "-m", "pipeline", *args], input=stdin, capture_output=True, cwd=cwd or ROOT, timeout=300)


class Result:
    def __init__(self, returncode, stderr):
        self.returncode, self.stderr = returncode, stderr.encode()


def announce(*args, capsys=None):
    """The CLI in this process (spaCy loaded once): exit code and stderr."""
    from pipeline.cli.main import main

    old = os.getcwd()
    os.chdir(ROOT)
    try:
        code = main(list(args))
    finally:
        os.chdir(old)
    return Result(code, capsys.readouterr().err if capsys else "")


def data_block(page: str) -> str:
    m = re.search(r'<script type="application/json" id="data">(.*?)</script>', page, re.S)
    assert m, "no data block"
    return m.group(1)


def test_to_html_takes_the_model_or_its_dict(seed_doc, seed_text):
    from pipeline import to_html

    page = to_html(seed_doc, seed_text)
    assert page == to_html(seed_doc.model_dump(mode="json"), seed_text)
    assert page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page
    data = json.loads(data_block(page))
    assert data["text"] == seed_text
    kinds = {it["kind"] for it in data["items"]}
    assert {"section", "target", "result", "percentage", "delegate", "mention", "title", "warning", "furniture"} <= kinds
    assert sum(it["kind"] == "target" for it in data["items"]) == len(seed_doc.targets)
    # nothing is fetched: no external URL anywhere in the page
    assert not re.search(r'(src|href)="(https?:)?//', page)


def test_wrong_text_is_refused(seed_doc, seed_text):
    from pipeline import to_html

    with pytest.raises(ValueError, match="chars"):
        to_html(seed_doc, seed_text[:-1])
    shifted = "X" + seed_text[:-1]  # same length, spans now off by one
    with pytest.raises(ValueError, match="does not cover"):
        to_html(seed_doc, shifted)


def test_data_block_escapes_markup_and_line_separators():
    from pipeline import extract, to_html

    text = ("I. KẾT QUẢ </script><script>alert(1)</script>\n"
            "1. Tỷ lệ hộ <!-- & --> \u2028 \u2029 đạt 95% trở lên.\n")
    page = to_html(extract(text), text)
    block = data_block(page)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in block
    assert json.loads(block)["text"] == text
    assert page.count("<script") == 2 and page.count("</script>") == 2


def test_non_bmp_offsets_are_utf16_for_the_browser():
    from pipeline import extract, to_html

    text = "I. KẾT QUẢ 😀😀\n1. Tỷ lệ hộ nghèo 😀 giảm còn dưới 2% vào năm 2030.\n"
    doc = extract(text)
    data = json.loads(data_block(to_html(doc, text)))
    utf16 = text.encode("utf-16-le")
    for it in data["items"]:
        assert utf16[2 * it["s"]:2 * it["e"]].decode("utf-16-le") == it["text"]
        assert text[it["cp"][0]:it["cp"][1]] == it["text"]


def test_unknown_fields_travel_to_the_page(seed_doc, seed_text):
    from pipeline import to_html

    d = seed_doc.model_dump(mode="json")
    d["targets"][0]["evidence"] = {"cue": "phấn đấu", "note": "<b>x</b>"}
    data = json.loads(data_block(to_html(d, seed_text)))
    t = next(it for it in data["items"] if it["kind"] == "target")
    assert t["fields"]["evidence"] == {"cue": "phấn đấu", "note": "<b>x</b>"}


def test_review_samples_writes_a_page_per_sample_and_an_index(tmp_path):
    out = tmp_path / "review"
    r = run("review", "samples/", "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    assert sorted(os.listdir(out)) == sorted([s + ".html" for s in STEMS] + ["index.html"])
    index = (out / "index.html").read_text(encoding="utf-8")
    for s in STEMS:
        assert f'href="./{s}.html"' in index
    assert index.count("<tr>") == len(STEMS) + 2  # head, rows, total
    assert "date_outside_event" in index  # the reference text's warnings are listed
    page = (out / "haiphong-2025.html").read_text(encoding="utf-8")
    assert json.loads(data_block(page))["index"] == "index.html"


def test_review_from_json_outputs_and_texts(tmp_path, capsys):
    out, rv = tmp_path / "out", tmp_path / "rv"
    assert announce("extract", "samples/", "-o", str(out)).returncode == 0
    r = announce("review", "--json", str(out), "--texts", "samples", "-o", str(rv), capsys=capsys)
    assert r.returncode == 0, r.stderr.decode()
    assert sorted(os.listdir(rv)) == sorted([s + ".html" for s in STEMS] + ["index.html"])
    # a JSON file whose source.path names its text (relative to where it was extracted)
    r = announce("review", str(out / "haiphong-2025.json"), "-o", str(tmp_path / "one"), capsys=capsys)
    assert r.returncode == 0, r.stderr.decode()
    assert (tmp_path / "one" / "haiphong-2025.html").exists()
    # the wrong text is refused by its sha256, the others still written
    wrong = tmp_path / "wrong"
    wrong.mkdir()
    for s in STEMS:
        data = open(os.path.join(SAMPLES, s + ".txt"), "rb").read()
        (wrong / f"{s}.txt").write_bytes(data.replace(b"2025", b"2026") if s == "haiphong-2025" else data)
    r = announce("review", "--json", str(out), "--texts", str(wrong), "-o", str(tmp_path / "rv2"), capsys=capsys)
    assert r.returncode == 1
    assert b"sha256 differs" in r.stderr
    assert not (tmp_path / "rv2" / "haiphong-2025.html").exists()
    assert "sha256 differs" in (tmp_path / "rv2" / "index.html").read_text(encoding="utf-8")


def test_review_stdin_and_reserved_index_name(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "index.txt").write_text("I. KẾT QUẢ\n1. Tỷ lệ đạt 95%.\n", encoding="utf-8")
    r = run("review", str(src), "-", "-o", str(tmp_path / "rv"), stdin="II. MỤC TIÊU\nPhấn đấu đạt 90%.".encode())
    assert r.returncode == 0, r.stderr.decode()
    assert sorted(os.listdir(tmp_path / "rv")) == ["index.html", "index~2.html", "stdin.html"]


def test_review_usage_errors(tmp_path, capsys):
    assert announce("review", "-o", str(tmp_path)).returncode == 2
    r = announce("review", "nope/", "-o", str(tmp_path / "rv"), capsys=capsys)
    assert r.returncode == 1 and b"no such file" in r.stderr


def test_readme_review_section_python_example_runs():
    import doctest

    import pipeline.review

    assert doctest.testmod(pipeline.review).failed == 0
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
        readme = fh.read()
    section = readme[readme.index("## Review pages"):]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    ns = {}
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        exec(code, ns)
    finally:
        os.chdir(old)
    assert ns["html"].startswith("<!DOCTYPE html>") and 'href="./haiphong-2025.html"' in ns["index"]
    assert os.path.exists(os.path.join(ROOT, "docs", "review-screenshot.png"))
