(function () {
  "use strict";
  // Everything from the document goes in through textContent / dataset: never as markup.
  var D = JSON.parse(document.getElementById("data").textContent);
  var TEXT = D.text, ITEMS = D.items;
  var LABEL = { section: "Heading", meta: "Document", target: "Target", result: "Result", percentage: "Percentage",
    delegate: "Delegates", mention: "Official", title: "Title", appointment: "Appointment", body: "Body",
    warning: "Warning", furniture: "Page furniture", related: "Related" };
  var FILTERS = ["section", "meta", "target", "result", "percentage", "delegate", "mention", "title",
    "appointment", "body", "warning", "furniture"];
  var byId = {}, byKind = {}, els = {}, hidden = {}, selected = [], selRow = null;
  ITEMS.forEach(function (it) {
    byId[it.id] = it;
    (byKind[it.kind] = byKind[it.kind] || []).push(it);
    els[it.id] = [];
  });
  function kindOf(k) { return byKind[k] || []; }
  function el(tag, cls, txt) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (txt !== undefined && txt !== null) e.textContent = String(txt);
    return e;
  }
  function clip(s, n) { s = String(s).replace(/\s+/g, " ").trim(); return s.length > n ? s.slice(0, n - 1) + "…" : s; }
  function num(v) {
    if (typeof v !== "number") return v;
    return Math.abs(v) >= 10000 ? v.toLocaleString("en-US") : String(v);
  }
  function fmt(v, nested) {
    if (v === null || v === undefined) return null;
    if (typeof v === "boolean") return v ? "yes" : "no";
    if (typeof v === "number") return num(v);
    if (typeof v === "string") return v;
    if (Array.isArray(v)) {
      if (!v.length) return null;
      return v.map(function (x) { var f = fmt(x, true); return f === null ? "—" : f; }).join(nested ? ", " : "; ");
    }
    var keys = Object.keys(v);
    if (keys.length === 2 && "start" in v && "end" in v) return v.start + "–" + v.end;
    var parts = keys.filter(function (k) { return v[k] !== null && v[k] !== undefined; })
      .map(function (k) { return k + ": " + fmt(v[k], true); });
    return nested ? "{" + parts.join(", ") + "}" : parts.join(", ");
  }
  function qty(f) {
    var s = (f.comparator && f.comparator !== "=" ? f.comparator.replace(">=", "≥").replace("<=", "≤") + " " : "") + num(f.value);
    if (f.value_max !== null && f.value_max !== undefined) s += "–" + num(f.value_max);
    if (f.unit) s += (f.unit === "%" ? "" : " ") + f.unit;
    if (f.per) s += "/" + f.per;
    if (f.stretch !== null && f.stretch !== undefined) s += " (stretch " + num(f.stretch) + ")";
    return s;
  }
  function when(f) { return f.period ? f.period.start + "–" + f.period.end : (f.year || ""); }

  // ---- header
  document.title = D.name + " · review";
  document.getElementById("title").textContent = D.name;
  var m = D.doc, src = m.source || {}, bits = [];
  if (m.kind) bits.push(m.kind);
  if (m.organization) bits.push(clip(m.organization, 80));
  if (m.date) bits.push(m.date);
  if (src.path) bits.push(src.path);
  bits.push(num(src.chars) + " chars");
  document.getElementById("meta").textContent = bits.join(" · ");
  if (D.index) { var back = document.getElementById("back"); back.href = D.index; back.hidden = false; }

  // ---- the text: split at every span boundary; each segment lists the items covering it
  var textEl = document.getElementById("text");
  var segs = [];
  (function build() {
    var starts = {}, ends = {}, empties = {}, pts = [0, TEXT.length];
    ITEMS.forEach(function (it) {
      if (it.s === it.e) { (empties[it.s] = empties[it.s] || []).push(it); pts.push(it.s); return; }
      (starts[it.s] = starts[it.s] || []).push(it);
      (ends[it.e] = ends[it.e] || []).push(it);
      pts.push(it.s, it.e);
    });
    pts.sort(function (a, b) { return a - b; });
    var frag = document.createDocumentFragment(), active = [];
    function register(sp, list) {
      sp._items = list;
      sp.dataset.ids = list.map(function (it) { return it.id; }).join(" ");
      list.forEach(function (it) { els[it.id].push(sp); });
      segs.push(sp);
    }
    for (var i = 0; i < pts.length; i++) {
      var p = pts[i];
      if (i > 0 && pts[i - 1] === p) continue;
      if (ends[p]) active = active.filter(function (it) { return ends[p].indexOf(it) < 0; });
      if (starts[p]) active = active.concat(starts[p]);
      if (empties[p]) empties[p].forEach(function (it) { var mk = el("span", "seg empty"); register(mk, [it]); frag.appendChild(mk); });
      var q = p;
      for (var j = i + 1; j < pts.length; j++) if (pts[j] !== p) { q = pts[j]; break; }
      if (q <= p) continue;
      var t = TEXT.slice(p, q);
      if (!active.length) { frag.appendChild(document.createTextNode(t)); continue; }
      var sp = el("span", "seg", t);
      register(sp, active.slice().sort(function (a, b) { return (a.e - a.s) - (b.e - b.s); }));
      frag.appendChild(sp);
    }
    textEl.appendChild(frag);
  })();

  var STATE = ["sel", "rel", "flash"];
  function paint(sp) {
    var ks = [];
    sp._items.forEach(function (it) { if (it.kind !== "related" && !hidden[it.kind] && ks.indexOf(it.kind) < 0) ks.push(it.kind); });
    var cls = "seg" + (sp.classList.contains("empty") ? " empty" : "");
    cls += ks.length ? " k-" + ks.join(" k-") : " k-none";
    STATE.forEach(function (c) { if (sp.classList.contains(c)) cls += " " + c; });
    sp.className = cls;
  }
  function paintAll() { segs.forEach(paint); }
  paintAll();

  // ---- filters
  var filters = document.getElementById("filters");
  FILTERS.forEach(function (k) {
    var n = kindOf(k).length;
    if (!n) return;
    var lab = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = true; box.dataset.kind = k;
    box.addEventListener("change", function () {
      hidden[k] = !box.checked; lab.classList.toggle("off", !box.checked); paintAll();
    });
    lab.appendChild(box); lab.appendChild(el("span", "sw k-" + k));
    lab.appendChild(document.createTextNode(LABEL[k] + " " + n));
    filters.appendChild(lab);
  });

  // ---- selection, details, scrolling
  var details = document.getElementById("details");
  function clearSel() {
    selected.forEach(function (id) { els[id].forEach(function (e) { e.classList.remove("sel"); }); });
    document.querySelectorAll(".rel").forEach(function (e) { e.classList.remove("rel"); });
    selected = [];
    if (selRow) { selRow.classList.remove("on"); selRow = null; }
  }
  function flash(id) {
    var list = els[id] || [];
    if (!list.length) return;
    list[0].scrollIntoView({ block: "center", inline: "nearest" });
    list.forEach(function (e) { e.classList.remove("flash"); void e.offsetWidth; e.classList.add("flash"); });
    setTimeout(function () { list.forEach(function (e) { e.classList.remove("flash"); }); }, 1700);
  }
  function relatedOf(it) { return kindOf("related").filter(function (r) { return r.fields.warning === it.id; }); }
  function card(it) {
    var c = el("div", "card"), h = el("div");
    h.appendChild(el("span", "badge k-" + it.kind, LABEL[it.kind]));
    h.appendChild(el("code", null, it.id + " · " + it.cp[0] + "–" + it.cp[1]));
    var go = el("button", "link", "locate"); go.type = "button";
    go.addEventListener("click", function () { flash(it.id); });
    h.appendChild(go);
    c.appendChild(h);
    c.appendChild(el("blockquote", null, it.text || "(empty span)"));
    var tb = el("table", "fields"), f = it.fields;
    Object.keys(f).forEach(function (k) {
      if (k === "official_no") return;
      var tr = el("tr"), v = fmt(f[k]);
      tr.appendChild(el("th", null, k));
      tr.appendChild(v === null ? el("td", "null", "—") : el("td", null, v));
      tb.appendChild(tr);
    });
    c.appendChild(tb);
    relatedOf(it).forEach(function (r) {
      var b = el("button", "link", "→ related " + (r.fields.kind || "") + ": " + clip(r.text, 60));
      b.type = "button"; b.addEventListener("click", function () { flash(r.id); });
      c.appendChild(b);
    });
    return c;
  }
  function show(list) {
    details.textContent = "";
    var x = el("button", "close", "×"); x.type = "button"; x.title = "close (Esc)";
    x.addEventListener("click", function () { clearSel(); details.hidden = true; });
    details.appendChild(x);
    list.forEach(function (it) { details.appendChild(card(it)); });
    details.hidden = false;
    details.scrollTop = 0;
  }
  function select(list, opts) {
    clearSel();
    list = list.filter(function (it) { return it.kind !== "related"; });
    if (!list.length) { details.hidden = true; return; }
    selected = list.map(function (it) { return it.id; });
    var main = list[0];
    els[main.id].forEach(function (e) { e.classList.add("sel"); });
    if (main.kind === "warning") relatedOf(main).forEach(function (r) { els[r.id].forEach(function (e) { e.classList.add("rel"); }); });
    if (opts && opts.row) { selRow = opts.row; selRow.classList.add("on"); }
    show(list);
    if (main.kind === "warning") wIdx = warnings.indexOf(main);
    if (opts && opts.scroll) flash(main.id);
  }

  // ---- hover tooltip and click on the text
  var tip = document.getElementById("tip");
  var TIPKEYS = ["field", "value", "unit", "per", "comparator", "stretch", "year", "period", "indicator", "indicator_id",
    "count", "base", "label", "name", "position", "organization", "code", "message", "members", "dimension", "category", "percent", "evidence"];
  function visibleItems(sp) {
    return (sp._items || []).filter(function (it) { return it.kind !== "related" && !hidden[it.kind]; });
  }
  textEl.addEventListener("mouseover", function (ev) {
    var sp = ev.target.closest && ev.target.closest(".seg");
    var list = sp ? visibleItems(sp) : [];
    if (!list.length) { tip.hidden = true; tipSeg = null; return; }
    tip.textContent = "";
    list.slice(0, 3).forEach(function (it, i) {
      var d = el("div");
      if (i) d.style.marginTop = "4px";
      d.appendChild(el("b", null, LABEL[it.kind] + " "));
      var parts = [];
      TIPKEYS.forEach(function (k) { var v = fmt(it.fields[k]); if (v !== null && v !== undefined && v !== "") parts.push(k + ": " + clip(v, 70)); });
      d.appendChild(el("span", "t", parts.join(" · ") || clip(it.text, 80)));
      tip.appendChild(d);
    });
    if (list.length > 3) tip.appendChild(el("div", "t", "+" + (list.length - 3) + " more: click"));
    tip.hidden = false;
    tipSeg = sp;
    placeTip();
  });
  var tipSeg = null;
  function placeTip() {
    if (!tipSeg || tip.hidden) return;
    var r = tipSeg.getClientRects()[0] || tipSeg.getBoundingClientRect();
    if (r.bottom < 0 || r.top > window.innerHeight) { tip.hidden = true; return; }
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.max(4, Math.min(r.left, window.innerWidth - w - 8));
    var top = r.bottom + 6 + h > window.innerHeight ? r.top - h - 6 : r.bottom + 6;
    tip.style.left = left + "px"; tip.style.top = Math.max(4, top) + "px";
  }
  textEl.addEventListener("mouseleave", function () { tip.hidden = true; tipSeg = null; });
  document.getElementById("textpane").addEventListener("scroll", placeTip, { passive: true });
  window.addEventListener("scroll", placeTip, { passive: true });
  textEl.addEventListener("click", function (ev) {
    var sp = ev.target.closest && ev.target.closest(".seg");
    if (!sp) return;
    var list = visibleItems(sp);
    if (list.length) { tip.hidden = true; select(list); }
  });

  // ---- side panel: section tree and tables
  var tabs = document.getElementById("tabs"), panels = document.getElementById("panels"), tabBtns = [];
  function addTab(key, label, count, fill) {
    var b = el("button"), p = el("section", "panel");
    b.type = "button"; b.setAttribute("role", "tab"); b.dataset.tab = key;
    b.appendChild(document.createTextNode(label)); b.appendChild(el("span", "c", count));
    p.id = "panel-" + key; p.setAttribute("role", "tabpanel"); p.hidden = true;
    p.appendChild(el("h2", null, label + " (" + count + ")"));
    fill(p);
    b.addEventListener("click", function () { openTab(key); });
    tabs.appendChild(b); panels.appendChild(p); tabBtns.push([b, p]);
  }
  function openTab(key) {
    tabBtns.forEach(function (bp) {
      var on = bp[0].dataset.tab === key;
      bp[0].setAttribute("aria-selected", on ? "true" : "false"); bp[1].hidden = !on;
    });
  }
  function table(p, items, cols) {
    if (!items.length) { p.appendChild(el("p", "none", "none found")); return; }
    var t = el("table", "rows"), hr = el("tr"), tb = el("tbody"), th = el("thead");
    cols.forEach(function (c) { hr.appendChild(el("th", null, c[0])); });
    th.appendChild(hr); t.appendChild(th);
    items.forEach(function (it) {
      var tr = el("tr");
      tr.dataset.item = it.id;
      cols.forEach(function (c) {
        var v = c[1](it.fields, it);
        var td = el("td", c[2] || null, v === null || v === undefined ? "" : v);
        if (c[3]) td.className += " " + c[3](it.fields);
        tr.appendChild(td);
      });
      tr.addEventListener("click", function () { select([it], { scroll: true, row: tr }); });
      tb.appendChild(tr);
    });
    t.appendChild(tb); p.appendChild(t);
  }
  function sec(f) { return f.section || ""; }
  // sections: a tree from parent links
  addTab("sections", "Sections", kindOf("section").length, function (p) {
    var list = kindOf("section");
    if (!list.length) { p.appendChild(el("p", "none", "no headings found")); return; }
    var root = el("ul", "tree"), uls = {};
    list.forEach(function (it) {
      var f = it.fields, li = el("li", f.list_item ? "li" : null), a = el("a");
      a.appendChild(el("span", "lbl", f.label || f.id));
      a.appendChild(document.createTextNode(clip(f.title || it.text, 90)));
      a.title = f.id;
      a.addEventListener("click", function () { select([it], { scroll: true, row: a }); });
      li.appendChild(a);
      (f.parent && uls[f.parent] ? uls[f.parent] : root).appendChild(li);
      var sub = el("ul", "tree"); li.appendChild(sub); uls[f.id] = sub;
    });
    p.appendChild(root);
  });
  var QCOLS = [["indicator", function (f, it) { return clip(f.indicator || it.text, 70); }],
    ["value", qty, "num"], ["when", when], ["section", sec]];
  addTab("targets", "Targets", kindOf("target").length, function (p) { table(p, kindOf("target"), QCOLS); });
  addTab("results", "Results", kindOf("result").length, function (p) { table(p, kindOf("result"), QCOLS); });
  addTab("percentages", "Percentages", kindOf("percentage").length, function (p) {
    table(p, kindOf("percentage"), [["text", function (f, it) { return it.text; }],
      ["value", function (f) { return qty({ value: f.value, value_max: f.value_max, comparator: f.comparator, unit: "%" }); }, "num"],
      ["count / base", function (f) { return f.count === null && f.base === null ? "" : num(f.count) + " / " + num(f.base); }, "num"],
      ["label", function (f) { return f.label; }], ["section", sec]]);
  });
  var firsts = {};
  kindOf("mention").forEach(function (it) { if (!(it.fields.official_no in firsts)) firsts[it.fields.official_no] = it; });
  var officials = Object.keys(firsts).map(function (k) { return firsts[k]; });
  addTab("officials", "Officials", officials.length, function (p) {
    table(p, officials, [["name", function (f) { return f.name; }],
      ["titles", function (f) { return (f.titles || []).join("; "); }],
      ["born", function (f) { return f.birth_year; }, "num"], ["role", function (f) { return f.role_in_document; }],
      ["mentions", function (f) { return f.mentions; }, "num"]]);
  });
  if (kindOf("delegate").length) addTab("delegates", "Delegates", kindOf("delegate").length, function (p) {
    table(p, kindOf("delegate"), [["what", function (f, it) { return it.label; }],
      ["value", function (f) { return num(f.value !== undefined ? f.value : f.count); }, "num"],
      ["%", function (f) { return f.percent; }, "num"], ["text", function (f, it) { return clip(it.text, 60); }]]);
  });
  if (kindOf("body").length) addTab("bodies", "Bodies", kindOf("body").length, function (p) {
    table(p, kindOf("body"), [["name", function (f) { return f.name; }], ["members", function (f) { return f.members; }, "num"],
      ["alternates", function (f) { return f.alternates; }, "num"], ["term", function (f) { return fmt(f.term); }],
      ["decided by", function (f) { return f.decided_by; }]]);
  });
  var warnings = kindOf("warning").slice().sort(function (a, b) { return a.s - b.s || a.e - b.e; }), wIdx = -1;
  addTab("warnings", "Warnings", warnings.length, function (p) {
    table(p, warnings, [["severity", function (f) { return f.severity; }, null, function (f) { return "sev-" + f.severity; }],
      ["code", function (f) { return f.code; }], ["message", function (f) { return f.message; }]]);
  });
  var docItems = kindOf("meta").concat(kindOf("furniture"));
  addTab("document", "Document", docItems.length, function (p) {
    table(p, docItems, [["field", function (f, it) { return it.kind === "furniture" ? "furniture" : f.field.replace("document.", ""); }],
      ["text", function (f, it) { return clip(it.text, 90); }]]);
    var tb = el("table", "fields");
    tb.style.marginTop = "10px";
    Object.keys(src).concat(["schema_version"]).forEach(function (k) {
      var tr = el("tr"), v = fmt(k === "schema_version" ? m.schema_version : src[k]);
      tr.appendChild(el("th", null, k === "schema_version" ? k : "source." + k));
      tr.appendChild(v === null ? el("td", "null", "—") : el("td", null, v));
      tb.appendChild(tr);
    });
    p.appendChild(tb);
  });
  openTab(warnings.length ? "warnings" : (kindOf("target").length ? "targets" : "sections"));

  // ---- keyboard: n / p step through warnings, Esc clears
  function stepWarning(d) {
    if (!warnings.length) return;
    wIdx = (wIdx + d + warnings.length) % warnings.length;
    var it = warnings[wIdx];
    openTab("warnings");
    var row = document.querySelector('#panel-warnings tr[data-item="' + it.id + '"]');
    select([it], { scroll: true, row: row });
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var tg = ev.target && ev.target.tagName;
    if (tg === "INPUT" || tg === "TEXTAREA" || tg === "SELECT") return;
    if (ev.key === "n") { stepWarning(1); ev.preventDefault(); }
    else if (ev.key === "p") { stepWarning(-1); ev.preventDefault(); }
    else if (ev.key === "Escape") { clearSel(); details.hidden = true; tip.hidden = true; }
  });
  document.body.dataset.ready = "1";
})();
