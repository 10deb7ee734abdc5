"""Review pages in a real browser: headless Chromium driven by Playwright.

Skips (with the reason) only when Playwright or a Chromium binary is missing or cannot start.
Chromium comes from the system (Debian's ``chromium`` package, or ANNOUNCE_CHROMIUM=/path);
``playwright install`` is never needed.
"""
import json
import os
import shutil
import subprocess
import sys
from urllib.parse import unquote

import pytest

from conftest import ROOT, SAMPLES

PY = sys.executable
STEMS = sorted(os.path.splitext(f)[0] for f in os.listdir(SAMPLES) if f.endswith(".txt"))
ARTIFACTS = os.path.join(ROOT, "tests", "artifacts")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE = (
    "THÔNG BÁO </title><script>alert(0)</script>\n"
    "I. KẾT QUẢ <script>alert(1)</script>\n"
    "1. Tỷ lệ hộ </textarea><img src=x onerror=alert(2)> đạt 95% trở lên.\n"
    "2. Phấn đấu \"onmouseover=\"alert(3)\" tăng trưởng GRDP đạt 10%/năm.\n"
    "3. Xem <a href=\"javascript:alert(4)\">javascript:alert(4)</a> đạt 30/40 xã (75%).\n"
    "4. Đồng chí Nguyễn Văn <b onclick=alert(5)>An</b>, Bí thư Tỉnh ủy; ${alert(6)} {{7*7}} \u2028 \u2029 &lt;&amp;\n"
)


def _chromium():
    exe = os.environ.get("ANNOUNCE_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe and os.path.exists("/usr/bin/chromium"):
        exe = "/usr/bin/chromium"
    return exe


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright (Python) is not installed: pip install -e '.[test]'")
    exe = _chromium()
    if not exe:
        pytest.skip("Chromium not found (apt-get install chromium, or set ANNOUNCE_CHROMIUM)")
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
    except Exception as exc:  # noqa: BLE001 - any launch failure means: no browser here
        pw.stop()
        pytest.skip(f"Chromium at {exe} cannot be launched: {str(exc).splitlines()[0]}")
    yield b
    b.close()
    pw.stop()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """`announce review samples/ -o DIR` plus the JSON outputs, as a user runs them."""
    from pipeline.cli.main import main

    d = tmp_path_factory.mktemp("review")
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        assert main(["review", "samples/", "-o", str(d / "html"), "-q"]) == 0
        assert main(["extract", "samples/", "-o", str(d / "json"), "-q"]) == 0
    finally:
        os.chdir(old)
    return d


def _open(browser, path, **ctx):
    page = browser.new_context(**ctx).new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto("file://" + str(path))
    page.wait_for_selector("body[data-ready]", state="attached", timeout=10000)
    page.errors = errors
    return page


def _expected(doc):
    """Items per kind, counted straight from the JSON output."""
    dl = doc["delegates"]
    info = doc["document"]
    cg = info.get("congress") or {}
    officials = doc["officials"]
    return {
        "sec": len(doc["sections"]),
        "tar": len(doc["targets"]),
        "res": len(doc["results"]),
        "per": len(doc["percentages"]),
        "war": len(doc["warnings"]),
        "bod": len(doc["bodies"]),
        "fur": len(doc["source"]["furniture"]),
        "del": sum(1 for k, v in dl.items() if k != "breakdowns" and v) + len(dl["breakdowns"]),
        "men": sum(len(o["mentions"]) for o in officials),
        "tit": sum(len(o["titles"]) for o in officials),
        "app": sum(len(o["appointments"]) for o in officials),
        "met": sum(1 for k in ("title", "organization", "date_text") if info.get(k))
        + sum(1 for k in ("ordinal_text", "term_text", "dates_text", "venue", "theme", "motto") if cg.get(k)),
    }


COUNT_JS = """() => {
  const ids = {};
  for (const e of document.querySelectorAll('#text .seg')) {
    if (!/\\bk-/.test(e.className) || e.classList.contains('k-none')) continue;
    // 'rel…' are spans a warning points to: outlined with their warning, not a highlight kind
    for (const id of e.dataset.ids.split(' ')) if (!id.startsWith('rel')) ids[id] = 1;
  }
  const per = {};
  for (const id of Object.keys(ids)) { const k = id.replace(/[0-9]+$/, ''); per[k] = (per[k] || 0) + 1; }
  return per;
}"""

SPANS_JS = """() => {
  const D = JSON.parse(document.getElementById('data').textContent), bad = [];
  for (const it of D.items) {
    const t = Array.from(document.querySelectorAll('#text [data-ids~="' + it.id + '"]')).map(e => e.textContent).join('');
    if (t !== it.text) bad.push([it.id, it.text, t]);
  }
  return {bad: bad.slice(0, 5), text: document.getElementById('text').textContent === D.text};
}"""


@pytest.mark.parametrize("stem", STEMS)
def test_highlights_per_kind_equal_the_json(browser, pages, stem):
    with open(pages / "json" / f"{stem}.json", encoding="utf-8") as fh:
        doc = json.load(fh)
    page = _open(browser, pages / "html" / f"{stem}.html")
    got = page.evaluate(COUNT_JS)
    want = {k: v for k, v in _expected(doc).items() if v}
    assert got == want
    spans = page.evaluate(SPANS_JS)
    assert spans == {"bad": [], "text": True}  # every item's elements spell exactly its text; the text is whole
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 800}, {"width": 390, "height": 844}], ids=["desktop", "phone"])
def test_clicking_a_target_row_brings_its_span_into_view(browser, pages, viewport):
    page = _open(browser, pages / "html" / "haiphong-2025.html", viewport=viewport)
    n = page.locator("#panel-targets tbody tr").count()
    assert n == 56
    page.click('#tabs button[data-tab="targets"]')
    row = page.locator("#panel-targets tbody tr").nth(n - 1)
    item = row.get_attribute("data-item")
    span = page.locator(f'#text [data-ids~="{item}"]').first
    before = span.bounding_box()
    assert before["y"] > viewport["height"]  # far down the text at first
    row.scroll_into_view_if_needed()
    row.click()
    box = span.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= viewport["height"]
    assert 0 <= box["x"] and box["x"] + min(box["width"], 50) <= viewport["width"]
    assert "sel" in span.get_attribute("class")
    details = page.locator("#details")
    assert details.is_visible()
    assert "indicator" in details.inner_text() and "comparator" in details.inner_text()
    page.context.close()


def test_clicking_the_text_and_hovering_show_values(browser, pages):
    page = _open(browser, pages / "html" / "haiphong-2025.html")
    seg = page.locator("#text .seg.k-percentage").first
    seg.hover()
    tip = page.locator("#tip")
    assert tip.is_visible() and "value" in tip.inner_text()
    seg.click()
    text = page.locator("#details").inner_text()
    assert "Percentage" in text and "base" in text
    page.keyboard.press("Escape")
    assert not page.locator("#details").is_visible()
    page.context.close()


def test_keyboard_steps_through_warnings_and_filters_hide_kinds(browser, pages):
    with open(pages / "json" / "haiphong-2025.json", encoding="utf-8") as fh:
        doc = json.load(fh)
    codes = [w["code"] for w in sorted(doc["warnings"], key=lambda w: (w["span"]["start"], w["span"]["end"]))]
    assert len(codes) >= 2
    page = _open(browser, pages / "html" / "haiphong-2025.html")
    seen = []
    for key in ["n"] * len(codes) + ["n", "p"]:
        page.keyboard.press(key)
        seen.append(page.locator("#details .fields").first.inner_text())
    for got, code in zip(seen, codes + [codes[0], codes[-1]]):
        assert code in got
    assert page.locator("#text .sel").count() >= 1
    assert page.locator("#text .k-target").count() > 0
    page.uncheck('#filters input[data-kind="target"]')
    assert page.locator("#text .k-target").count() == 0
    page.check('#filters input[data-kind="target"]')
    assert page.locator("#text .k-target").count() > 0
    page.context.close()


def test_hostile_document_runs_nothing(browser, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    # a hostile file name too: it shows up in the index and the page header
    (src / '"><img src=x onerror=alert(7)>.txt').write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "rv"
    r = subprocess.run([PY, "-m", "pipeline", "review", str(src), "-o", str(out)], capture_output=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stderr.decode()
    r = subprocess.run([PY, "-m", "pipeline", "extract", str(src / "hostile.txt")], capture_output=True, cwd=ROOT, timeout=300)
    doc = json.loads(r.stdout)
    assert doc["percentages"] and doc["sections"], "the hostile text should still yield items to highlight"

    for name in sorted(os.listdir(out)):
        ctx = browser.new_context()
        page = ctx.new_page()
        dialogs, requests = [], []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        ctx.on("request", lambda q: requests.append(q.url))
        url = (out / name).as_uri()
        page.goto(url)
        if name == "hostile.html":
            page.wait_for_selector("body[data-ready]", state="attached")
            for seg in page.locator("#text .seg").all():  # hover and click every highlight
                seg.hover()
                seg.click()
            for tab in page.locator("#tabs button").all():
                tab.click()
                key = tab.get_attribute("data-tab")
                for row in page.locator(f"#panel-{key} tbody tr, #panel-{key} .tree a").all():
                    row.click()
            for key in "nnpx":
                page.keyboard.press(key)
            assert page.evaluate("document.getElementById('text').textContent") == HOSTILE
        elif name == "index.html":
            assert page.locator("a").count() == 2
            for a in page.locator("a").all():
                assert a.get_attribute("href").startswith("./")
        page.wait_for_timeout(100)
        dom = page.evaluate("""() => ({
            scripts: document.scripts.length,
            imgs: document.images.length,
            handlers: Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).length,
            jsLinks: Array.from(document.querySelectorAll('[href]')).filter(e => /^\\s*javascript:/i.test(e.getAttribute('href'))).length,
            title: document.title,
        })""")
        assert dialogs == [], name
        assert [unquote(u) for u in requests] == [unquote(url)], name
        assert dom["imgs"] == 0 and dom["handlers"] == 0 and dom["jsLinks"] == 0, (name, dom)
        assert dom["scripts"] == (0 if name == "index.html" else 2), name
        ctx.close()


def test_reference_screenshot_is_not_blank(browser, pages):
    from PIL import Image, ImageStat

    os.makedirs(ARTIFACTS, exist_ok=True)
    page = _open(browser, pages / "html" / "haiphong-2025.html", viewport={"width": 1280, "height": 800})
    page.click('#tabs button[data-tab="targets"]')
    page.locator("#panel-targets tbody tr").nth(9).click()
    page.wait_for_timeout(1800)  # let the flash fade
    path = os.path.join(ARTIFACTS, "review-reference.png")
    page.screenshot(path=path)
    page.context.close()
    img = Image.open(path).convert("L")
    assert img.size == (1280, 800)
    assert ImageStat.Stat(img).var[0] > 500  # text and highlights, not a blank page
    colours = Image.open(path).convert("RGB").getcolors(1 << 20)
    assert len(colours) > 200


def test_large_document_renders(browser, pages, tmp_path):
    """A ~170,000-character document (the reference text four times, items shifted) renders completely."""
    from pipeline import to_html

    with open(pages / "json" / "haiphong-2025.json", encoding="utf-8") as fh:
        doc = json.load(fh)
    with open(os.path.join(SAMPLES, "haiphong-2025.txt"), encoding="utf-8") as fh:
        text = fh.read()

    def shift(node, by):
        if isinstance(node, dict):
            return {k: ({"start": v["start"] + by, "end": v["end"] + by} if k == "span" and v else shift(v, by)) for k, v in node.items()}
        if isinstance(node, list):
            return [shift(x, by) for x in node]
        return node

    big = dict(doc)
    for key in ("sections", "percentages", "targets", "results", "bodies", "warnings"):
        big[key] = [x for k in range(4) for x in shift(doc[key], k * len(text))]
    big["source"] = dict(doc["source"], chars=4 * len(text))
    path = tmp_path / "big.html"
    path.write_text(to_html(big, text * 4), encoding="utf-8")
    page = _open(browser, path)
    got = page.evaluate(COUNT_JS)
    assert got["tar"] == 4 * len(doc["targets"]) and got["sec"] == 4 * len(doc["sections"])
    assert page.errors == []
    page.context.close()
