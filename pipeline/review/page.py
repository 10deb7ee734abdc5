"""The review page of one document and the index page of a batch: self-contained HTML.

Everything is inline (CSS, JS, data); a Content-Security-Policy allows only the page's own
script and style (by hash) and no network at all. Data travels as JSON in a
``<script type="application/json">`` block with ``<``, ``>``, ``&``, U+2028 and U+2029
escaped; the script builds the DOM with ``textContent`` only, so nothing in a document can
become markup or code.
"""
from __future__ import annotations

import base64
import hashlib
import html
import os
from functools import lru_cache
from typing import Any, Iterable, Optional
from urllib.parse import quote

from .items import SpanMismatch, as_dict, build, counts

_HERE = os.path.dirname(os.path.abspath(__file__))


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    with open(os.path.join(_HERE, name), encoding="utf-8") as fh:
        return fh.read()


def _sha(s: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") + "'"


def _csp(style: str, script: Optional[str] = None) -> str:
    parts = ["default-src 'none'", f"style-src {_sha(style)}", "img-src data:", "base-uri 'none'", "form-action 'none'"]
    if script is not None:
        parts.insert(1, f"script-src {_sha(script)}")
    return "; ".join(parts)


def json_for_script(data: Any) -> str:
    """JSON safe inside a ``<script>`` element: no ``<``, ``>``, ``&``, U+2028, U+2029 left as such."""
    import json

    s = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _name(d: dict) -> str:
    title = ((d.get("document") or {}).get("title") or {}).get("text")
    path = (d.get("source") or {}).get("path")
    if title:
        return " ".join(title.split())[:160]
    return os.path.basename(path) if path else "document"


def to_html(doc: Any, text: str, *, index_href: Optional[str] = None) -> str:
    """The review page of one document.

    ``doc`` is an :class:`~pipeline.Announcement` or its dict (the JSON output); ``text`` is the
    decoded input text its spans point into. ``index_href``, when given, is a relative link back
    to the batch index. Raises ``ValueError`` when ``text`` is not the document's text.
    """
    d = as_dict(doc)
    if not isinstance(text, str):
        raise TypeError("to_html() takes the decoded text as a str")
    chars = (d.get("source") or {}).get("chars")
    if chars is not None and chars != len(text):
        raise SpanMismatch(f"the text has {len(text)} chars but the document was extracted from {chars}; "
                           "pass the decoded input the document was extracted from")
    src = d.get("source") or {}
    info = d.get("document") or {}
    cg = info.get("congress") or {}
    data = {
        "name": _name(d),
        "text": text,
        "items": build(d, text),
        "index": index_href,
        "doc": {
            "schema_version": d.get("schema_version"),
            "kind": info.get("kind"),
            "organization": (info.get("organization") or {}).get("text"),
            "date": info.get("date"),
            "congress": {k: cg.get(k) for k in ("ordinal", "term", "start_date", "end_date")} if cg else None,
            "source": {k: src.get(k) for k in ("path", "sha256", "chars", "encoding", "nfc_changed")},
        },
    }
    css, js = _asset("review.css"), _asset("review.js")
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{_csp(css, js)}\">\n"
        "<meta name=\"referrer\" content=\"no-referrer\">\n"
        "<link rel=\"icon\" href=\"data:,\">\n"
        f"<title>{html.escape(data['name'])} · review</title>\n"
        f"<style>{css}</style>\n</head>\n<body>\n"
        "<header id=\"bar\">\n"
        "<nav><a id=\"back\" hidden>← all documents</a></nav>\n"
        "<h1 id=\"title\"></h1>\n<p id=\"meta\"></p>\n"
        "<div id=\"filters\" role=\"group\" aria-label=\"Highlight kinds\"></div>\n"
        "<p id=\"keys\">Click a highlight or a row for its values · <kbd>n</kbd>/<kbd>p</kbd> next/previous warning · <kbd>Esc</kbd> clear</p>\n"
        "</header>\n<main>\n"
        "<article id=\"textpane\" aria-label=\"Document text\"><div id=\"text\"></div></article>\n"
        "<aside id=\"side\">\n<section id=\"details\" hidden aria-live=\"polite\"></section>\n"
        "<div id=\"lists\"><nav id=\"tabs\" role=\"tablist\"></nav>\n<div id=\"panels\"></div></div>\n</aside>\n</main>\n"
        "<div id=\"tip\" role=\"tooltip\" hidden></div>\n"
        "<noscript><p>This page needs JavaScript (inline; nothing is loaded from the network) to show the text and its highlights.</p></noscript>\n"
        f"<script type=\"application/json\" id=\"data\">{json_for_script(data)}</script>\n"
        f"<script>{js}</script>\n</body>\n</html>\n"
    )


INDEX_COLUMNS = ("sections", "targets", "results", "percentages", "officials", "delegates", "bodies", "warnings")


def index_html(entries: Iterable[tuple[str, Any]], failures: Iterable[tuple[str, str]] = (), *, title: str = "Review") -> str:
    """The index page of a batch: one row per document (counts per field, warnings, a link).

    ``entries`` are ``(href, doc)`` pairs: the relative link to the document's review page and the
    document (an Announcement or its dict); ``failures`` are ``(input, message)`` pairs listed after.
    """
    esc = html.escape
    rows = []
    totals = dict.fromkeys(INDEX_COLUMNS, 0)
    n = 0
    for href, doc in entries:
        d = as_dict(doc)
        n += 1
        c = counts(d)
        for k in INDEX_COLUMNS:
            totals[k] += c[k]
        src = d.get("source") or {}
        info = d.get("document") or {}
        codes: dict[str, int] = {}
        for w in d.get("warnings") or []:
            key = f"{w.get('severity')}: {w.get('code')}"
            codes[key] = codes.get(key, 0) + 1
        warn = "<br>".join(f"<span class=\"{esc(k.split(':')[0])}\">{esc(k)}</span>" + (f" ×{v}" if v > 1 else "")
                           for k, v in sorted(codes.items()))
        link = "./" + quote(href.replace(os.sep, "/"), safe="/~")
        label = os.path.basename(src.get("path") or "") or href
        ttl = ((info.get("title") or {}).get("text") or "")
        cells = "".join(f"<td class=\"n{' zero' if c[k] == 0 else ''}\">{c[k]}</td>" for k in INDEX_COLUMNS)
        rows.append(
            f"<tr><td><a href=\"{esc(link)}\">{esc(label)}</a></td><td class=\"title\">{esc(' '.join(ttl.split())[:140])}</td>"
            f"<td>{esc(str(info.get('kind') or ''))}</td><td class=\"n\">{src.get('chars', '')}</td>{cells}<td>{warn}</td></tr>")
    fails = [f"<tr><td>{esc(name)}</td><td class=\"error\">{esc(msg)}</td></tr>"
             for name, msg in failures]
    head = "".join(f"<th class=\"n\">{k}</th>" for k in INDEX_COLUMNS)
    total = "".join(f"<td class=\"n\">{totals[k]}</td>" for k in INDEX_COLUMNS)
    css = _asset("index.css")
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{_csp(css)}\">\n"
        "<link rel=\"icon\" href=\"data:,\">\n"
        f"<title>{esc(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        f"<h1>{esc(title)}</h1>\n<p>{n} document{'s' if n != 1 else ''}"
        + (f", {len(fails)} failed" if fails else "") + ". Counts are items per field of the JSON output; "
        "open a document to see every item highlighted in its text.</p>\n"
        "<div class=\"scroll\"><table>\n<thead><tr><th>document</th><th>title</th><th>kind</th><th class=\"n\">chars</th>"
        f"{head}<th>warning codes</th></tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n"
        f"<tfoot><tr><th colspan=\"4\">total</th>{total}<td></td></tr></tfoot>\n</table></div>\n"
        + (f"<h2>Failed</h2>\n<table class=\"fails\"><tbody>\n{''.join(fails)}\n</tbody></table>\n" if fails else "")
        + "</body>\n</html>\n"
    )
