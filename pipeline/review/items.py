"""Flatten an output document into highlightable items for the review page.

Every grounded piece of the document becomes one item ``{id, kind, s, e, text, fields}``:
``s``/``e`` are UTF-16 offsets (what the browser's strings count) of the span, ``fields`` are
the item's own values as in the JSON (minus ``text``/``span``), so fields the contract adds
later show up without code here knowing them.

Kinds (one colour each on the page), and what of the JSON they count:

=========== ==============================================================
section     each section's heading (``sections[].heading``)
meta        document title, organisation, date, congress ordinal/term/dates/venue/theme/motto
target      ``targets[]``
result      ``results[]``
percentage  ``percentages[]``
delegate    the non-null delegate statistics and ``delegates.breakdowns[]``
mention     every ``officials[].mentions[]``
title       every ``officials[].titles[]``
appointment every ``officials[].appointments[]``
body        ``bodies[]``
warning     ``warnings[]``
furniture   ``source.furniture[]`` (page furniture, cut from extraction)
related     spans a warning points to (``warnings[].related[].span``); shown with their warning
=========== ==============================================================
"""
from __future__ import annotations

from typing import Any, Callable, Optional

KINDS = ("section", "meta", "target", "result", "percentage", "delegate", "mention", "title",
         "appointment", "body", "warning", "furniture")
DELEGATE_STATS = ("summoned", "attended", "absent", "ex_officio", "appointed", "alternates_promoted")
CONGRESS_GROUNDED = ("ordinal_text", "term_text", "dates_text", "venue", "theme", "motto")


class SpanMismatch(ValueError):
    """The text given is not the text the document's spans point into."""


def _utf16(text: str) -> Callable[[int], int]:
    """Code-point offset -> UTF-16 offset (identity unless the text has astral characters)."""
    if all(ord(c) < 0x10000 for c in text):
        return lambda i: i
    acc = [0]
    for c in text:
        acc.append(acc[-1] + (2 if ord(c) >= 0x10000 else 1))
    return lambda i: acc[i]


def _rest(obj: dict, drop: tuple = ()) -> dict:
    return {k: v for k, v in obj.items() if k not in ("text", "span") and k not in drop}


def build(doc: dict, text: str) -> list[dict]:
    """Items of ``doc`` (an output document as a plain dict) over ``text``, kind by kind in JSON order."""
    to16 = _utf16(text)
    items: list[dict] = []
    counters: dict[str, int] = {}

    def add(kind: str, g: Optional[dict], fields: dict, label: str = "") -> Optional[str]:
        if not g or not isinstance(g.get("span"), dict):
            return None
        s, e = g["span"]["start"], g["span"]["end"]
        if not (0 <= s <= e <= len(text)) or text[s:e] != g.get("text", text[s:e]):
            raise SpanMismatch(
                f"{kind} span {s}-{e} does not cover its text {g.get('text', '')[:40]!r} in the text given "
                f"({len(text)} chars); pass the decoded input the document was extracted from")
        n = counters.get(kind, 0)
        counters[kind] = n + 1
        iid = f"{kind[:3]}{n}"
        items.append({"id": iid, "kind": kind, "s": to16(s), "e": to16(e), "cp": [s, e],
                      "text": g.get("text", ""), "label": label, "fields": fields})
        return iid

    for sec in doc.get("sections") or []:
        add("section", sec.get("heading"), _rest(sec, ("heading",)) | {"body_chars": sec["span"]["end"] - sec["span"]["start"]},
            sec.get("id", ""))

    d = doc.get("document") or {}
    meta_fields = {"title": {}, "organization": {"kind": d.get("kind")}, "date_text": {"date": d.get("date")}}
    for key, extra in meta_fields.items():
        add("meta", d.get(key), {"field": f"document.{key}"} | extra, key)
    cg = d.get("congress") or {}
    for key in CONGRESS_GROUNDED:
        extra = {"ordinal_text": {"ordinal": cg.get("ordinal")}, "term_text": {"term": cg.get("term")},
                 "dates_text": {"start_date": cg.get("start_date"), "end_date": cg.get("end_date")}}.get(key, {})
        add("meta", cg.get(key), {"field": f"document.congress.{key}"} | extra, key)

    for kind in ("target", "result"):
        for q in doc.get(kind + "s") or []:
            add(kind, q, _rest(q), q.get("indicator") or "")
    for p in doc.get("percentages") or []:
        add("percentage", p, _rest(p), p.get("label") or "")

    dl = doc.get("delegates") or {}
    for key in DELEGATE_STATS:
        if dl.get(key):
            add("delegate", dl[key], {"field": key} | _rest(dl[key]), key)
    for b in dl.get("breakdowns") or []:
        add("delegate", b, {"field": "breakdown"} | _rest(b), f"{b.get('dimension')}: {b.get('category')}")

    for k, o in enumerate(doc.get("officials") or []):
        who = {"official": o.get("name"), "official_no": k}
        summary = _rest(o, ("mentions", "titles", "appointments")) | {
            "titles": [t.get("text") for t in o.get("titles") or []],
            "appointments": [a.get("text") for a in o.get("appointments") or []],
            "mentions": len(o.get("mentions") or [])}
        for m in o.get("mentions") or []:
            add("mention", m, summary | {"official_no": k}, o.get("name") or "")
        for t in o.get("titles") or []:
            add("title", t, who | _rest(t), t.get("position") or "")
        for a in o.get("appointments") or []:
            add("appointment", a, who | _rest(a), a.get("verb") or "")

    for b in doc.get("bodies") or []:
        add("body", b, _rest(b), b.get("name") or "")

    for w in doc.get("warnings") or []:
        wid = add("warning", w, _rest(w, ("related",)) | {"related": [
            {k: v for k, v in r.items() if k != "span"} | ({"span": f"{r['span']['start']}-{r['span']['end']}"} if r.get("span") else {})
            for r in w.get("related") or []]}, w.get("code") or "")
        for r in w.get("related") or []:
            sp = r.get("span")
            if sp and wid and 0 <= sp["start"] <= sp["end"] <= len(text):
                add("related", {"text": text[sp["start"]:sp["end"]], "span": sp},
                    {"warning": wid} | {k: v for k, v in r.items() if k != "span"}, r.get("kind") or "")

    for f in (doc.get("source") or {}).get("furniture") or []:
        add("furniture", f, {}, "furniture")

    return items


def counts(doc: dict) -> dict[str, int]:
    """Items per field of a document, for the index page."""
    dl = doc.get("delegates") or {}
    return {
        "sections": len(doc.get("sections") or []),
        "targets": len(doc.get("targets") or []),
        "results": len(doc.get("results") or []),
        "percentages": len(doc.get("percentages") or []),
        "officials": len(doc.get("officials") or []),
        "delegates": sum(1 for k in DELEGATE_STATS if dl.get(k)) + len(dl.get("breakdowns") or []),
        "bodies": len(doc.get("bodies") or []),
        "warnings": len(doc.get("warnings") or []),
    }


def as_dict(doc: Any) -> dict:
    """An Announcement model or its dict -> the dict (as the JSON output has it)."""
    if isinstance(doc, dict):
        return doc
    dump = getattr(doc, "model_dump", None)
    if dump is None:
        raise TypeError(f"expected an Announcement or its dict, got {type(doc).__name__}")
    return dump(mode="json")
