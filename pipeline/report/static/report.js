/* claimex report: lays out the embedded data (JSON, never HTML) with textContent only. */
(function () {
  "use strict";
  var S = window.ClaimexSpans;
  var el = S.el;
  var DATA = JSON.parse(document.getElementById("claimex-data").textContent);
  if (DATA.types) S.setTypes(DATA.types);
  var STATUSES = ["correct", "boundary", "mismatch", "spurious", "missed", "optional"];
  var STATUS_HELP = {
    correct: "same span as a gold record, every attribute agrees",
    boundary: "overlaps a gold record, the span differs, every attribute agrees",
    mismatch: "paired with a gold record, some attribute differs (hover for which)",
    spurious: "no gold record overlaps it",
    missed: "a gold record no prediction overlaps",
    optional: "overlaps an optional gold record: neither credited nor penalised",
  };
  var state = { doc: 0, hiddenTypes: new Set(), hiddenStatuses: new Set(), view: null };
  var $ = function (id) { return document.getElementById(id); };

  function colorOf(item) { return S.COLORS[item.type] || "#888"; }

  function init() {
    $("generated").textContent = "generated " + DATA.generated + " by claimex " + DATA.version;
    var sel = $("doc-select");
    DATA.docs.forEach(function (d, i) {
      var o = el("option", null, d.doc_id + (d.meta.title ? " \u2014 " + d.meta.title : ""));
      o.value = String(i);
      sel.appendChild(o);
    });
    if (DATA.docs.length > 1) $("doc-switch").hidden = false;
    sel.addEventListener("change", function () {
      state.doc = Number(sel.value);
      if (location.hash !== "#doc=" + state.doc) history.replaceState(null, "", "#doc=" + state.doc);
      show();
    });
    var doc = $("doc");
    doc.addEventListener("mouseover", onHover);
    doc.addEventListener("mousemove", moveTip);
    doc.addEventListener("mouseleave", function () { $("tip").hidden = true; });
    window.addEventListener("resize", fixHeader);
    window.addEventListener("hashchange", route);
    if (DATA.corpus) {
      $("views").hidden = false;
      window.ClaimexCharts.render($("corpus"), DATA.corpus, DATA.docs);
    }
    show();
    route();
  }

  /* #corpus: the charts; #doc=I[&rec=KEY][&only=TYPE]: document I, a record flashed, one type shown */
  function route() {
    var q = {};
    location.hash.slice(1).split("&").forEach(function (kv) {
      if (!kv) return;
      var i = kv.indexOf("=");
      q[i < 0 ? kv : kv.slice(0, i)] = i < 0 ? "" : decodeURIComponent(kv.slice(i + 1));
    });
    var corpus = !!DATA.corpus && !("doc" in q);
    $("corpus").hidden = !corpus;
    document.body.classList.toggle("view-corpus", corpus);
    $("tab-corpus").classList.toggle("on", corpus);
    $("tab-docs").classList.toggle("on", !corpus);
    if (corpus) {
      document.title = "claimex report \u2014 corpus of " + DATA.docs.length + " documents";
      return;
    }
    var i = Number(q.doc);
    var changed = false;
    if (i >= 0 && i < DATA.docs.length && i !== state.doc) {
      state.doc = i;
      $("doc-select").value = String(i);
      changed = true;
    }
    if ("only" in q && S.TYPES.indexOf(q.only) >= 0) {
      state.hiddenTypes = new Set(S.TYPES.filter(function (t) { return t !== q.only; }));
      changed = true;
    }
    if (changed) show();
    else fixHeader();
    if ("rec" in q) {
      var d = DATA.docs[state.doc];
      var r = d.records.find(function (x) { return x.key === q.rec; });
      if (r) focusRecord(d, r);
    }
  }

  function fixHeader() {
    document.documentElement.style.setProperty("--header-h", $("legend").offsetHeight + "px");
  }

  function show() {
    var d = DATA.docs[state.doc];
    document.title = "claimex report \u2014 " + (d.meta.title || d.doc_id);
    showMeta(d);
    showEval(d);
    showLegend(d);
    showText(d);
    showPanel(d);
    fixHeader();
  }

  function showMeta(d) {
    var m = d.meta, box = $("meta");
    box.textContent = "";
    box.appendChild(el("div", "title", m.title || "(untitled)"));
    var dl = el("dl");
    function row(k, v) {
      if (v === null || v === undefined || v === "") return;
      var w = el("div");
      w.appendChild(el("dt", null, k));
      w.appendChild(el("dd", null, v));
      w.title = k + ": " + v;
      dl.appendChild(w);
    }
    row("doc_id", d.doc_id);
    row("authors", (m.authors || []).join(", ") || "(none)");
    row("published", m.published || "null");
    row("series", [m.series, m.number].filter(Boolean).join(" ") || null);
    row("key points", String((m.key_points || []).length));
    row("source", m.source);
    row("sha256", (m.sha256 || "").slice(0, 12));
    row("pipeline", m.pipeline ? m.pipeline.version + " / " + m.pipeline.model : null);
    row("output", d.output);
    if (DATA.gold) row("gold", d.gold_path || "(no gold for this document)");
    box.appendChild(dl);
  }

  function fmt(x) { return x === null || x === undefined ? "\u2013" : x.toFixed(3); }

  function evalTable(ev, caption) {
    var wrap = el("div");
    var t = el("table");
    t.appendChild(el("caption", null, caption));
    var head = ["type", "docs", "gold", "pred", "correct", "incorrect", "partial", "missed", "spurious", "strict P", "strict R", "strict F1", "lenient P", "lenient R", "lenient F1"];
    var thead = el("thead"), tr = el("tr");
    head.forEach(function (h) { tr.appendChild(el("th", null, h)); });
    thead.appendChild(tr);
    t.appendChild(thead);
    var tb = el("tbody");
    ev.rows.forEach(function (r) {
      var tr = el("tr", r.type === "all" ? "all" : null);
      tr.setAttribute("data-type", r.type);
      [r.type, r.documents, r.possible, r.actual, r.correct, r.incorrect, r.partial, r.missed, r.spurious].forEach(function (v) { tr.appendChild(el("td", null, v)); });
      [r.strict.p, r.strict.r, r.strict.f1, r.lenient.p, r.lenient.r, r.lenient.f1].forEach(function (v) { tr.appendChild(el("td", null, fmt(v))); });
      tb.appendChild(tr);
    });
    t.appendChild(tb);
    wrap.appendChild(t);
    if (ev.attributes && ev.attributes.length) {
      var at = el("table", "attrs");
      at.appendChild(el("caption", null, "Attributes (on lenient matches)"));
      var h2 = el("tr");
      ["attribute", "score", "n"].forEach(function (h) { h2.appendChild(el("th", null, h)); });
      var th2 = el("thead");
      th2.appendChild(h2);
      at.appendChild(th2);
      var b2 = el("tbody");
      ev.attributes.forEach(function (a) {
        var tr = el("tr");
        tr.appendChild(el("td", null, a.type + "." + a.attribute));
        tr.appendChild(el("td", null, fmt(a.score)));
        tr.appendChild(el("td", null, a.n));
        b2.appendChild(tr);
      });
      at.appendChild(b2);
      wrap.appendChild(at);
    }
    return wrap;
  }

  function showEval(d) {
    var box = $("eval");
    box.textContent = "";
    if (!DATA.gold) { box.hidden = true; return; }
    box.hidden = false;
    var det = el("details");
    det.open = state.evalOpen !== undefined ? state.evalOpen : true;
    det.addEventListener("toggle", function () { state.evalOpen = det.open; fixHeader(); });
    var sum = el("summary", null, "Evaluation against the gold (as claimex eval)");
    det.appendChild(sum);
    var w = el("div", "tables");
    if (DATA.eval && DATA.eval.rows.length) w.appendChild(evalTable(DATA.eval, DATA.docs.length > 1 ? "All documents (micro-averaged)" : "Record types"));
    if (DATA.docs.length > 1 && d.eval) w.appendChild(evalTable(d.eval, "This document: " + d.doc_id));
    if (!w.childNodes.length) w.appendChild(el("p", "muted", "No gold document matches these outputs."));
    det.appendChild(w);
    (DATA.notes || []).forEach(function (n) { det.appendChild(el("p", "muted", n)); });
    if (d.scored_types && d.scored_types.length < S.TYPES.length) det.appendChild(el("p", "muted", "The gold of " + d.doc_id + " annotates only: " + d.scored_types.join(", ") + "; other types are not marked."));
    box.appendChild(det);
  }

  function visible(item) {
    if (state.hiddenTypes.has(item.type)) return false;
    if (DATA.gold && item.status && state.hiddenStatuses.has(item.status)) return false;
    return true;
  }

  function showLegend(d) {
    var box = $("legend");
    box.textContent = "";
    S.TYPES.forEach(function (t) {
      var n = d.records.filter(function (r) { return r.type === t; }).length;
      var lab = el("label");
      lab.setAttribute("data-type", t);
      var cb = el("input");
      cb.type = "checkbox";
      cb.checked = !state.hiddenTypes.has(t);
      cb.addEventListener("change", function () {
        if (cb.checked) state.hiddenTypes.delete(t); else state.hiddenTypes.add(t);
        showText(d);
        showPanel(d);
      });
      var sw = el("span", "swatch");
      sw.style.background = S.tint(S.COLORS[t], 0.5);
      sw.style.boxShadow = "inset 0 -3px 0 " + S.COLORS[t];
      lab.appendChild(cb);
      lab.appendChild(sw);
      lab.appendChild(el("span", null, t + " (" + n + ")"));
      box.appendChild(lab);
    });
    if (!DATA.gold) return;
    box.appendChild(el("span", "sep"));
    STATUSES.forEach(function (st) {
      var n = d.records.filter(function (r) { return r.status === st; }).length;
      if (!n && st === "optional") return;
      var lab = el("label");
      lab.setAttribute("data-status", st);
      lab.title = STATUS_HELP[st];
      var cb = el("input");
      cb.type = "checkbox";
      cb.checked = !state.hiddenStatuses.has(st);
      cb.addEventListener("change", function () {
        if (cb.checked) state.hiddenStatuses.delete(st); else state.hiddenStatuses.add(st);
        showText(d);
        showPanel(d);
      });
      lab.appendChild(cb);
      lab.appendChild(el("span", "badge " + st, st));
      lab.appendChild(el("span", null, "(" + n + ")"));
      box.appendChild(lab);
    });
  }

  function showText(d) {
    var map = new S.OffsetMap(d.text);
    var items = d.records.filter(visible);
    state.view = S.render($("doc"), map, items, function (node, seg) {
      S.paint(node, seg, colorOf);
      var inner = seg.items[seg.items.length - 1];
      if (inner.status) node.classList.add("st-" + inner.status);
    });
    state.map = map;
  }

  function brief(r) { return S.brief(r.rec); }

  function showPanel(d) {
    var box = $("panel");
    var open = {};
    box.querySelectorAll("details").forEach(function (x) { open[x.getAttribute("data-type")] = x.open; });
    box.textContent = "";
    S.TYPES.forEach(function (t) {
      var recs = d.records.filter(function (r) { return r.type === t; });
      var det = el("details");
      det.setAttribute("data-type", t);
      det.open = open[t] !== undefined ? open[t] : t !== "entity" || recs.length < 60;
      var sum = el("summary");
      var sw = el("span", "swatch");
      sw.style.background = S.COLORS[t];
      sum.appendChild(sw);
      sum.appendChild(el("span", null, t + " (" + recs.length + ")"));
      det.appendChild(sum);
      var ol = el("ol");
      recs.forEach(function (r) {
        var li = el("li");
        li.tabIndex = 0;
        li.setAttribute("data-key", r.key);
        if (!visible(r)) li.classList.add("hidden-type");
        if (r.status) li.appendChild(el("span", "badge " + r.status, r.status));
        var txt = el("span", "t", r.rec.text);
        txt.title = r.rec.text;
        li.appendChild(txt);
        li.appendChild(el("span", "a", brief(r)));
        li.addEventListener("click", function () { focusRecord(d, r); });
        li.addEventListener("keydown", function (ev) { if (ev.key === "Enter") focusRecord(d, r); });
        ol.appendChild(li);
      });
      det.appendChild(ol);
      box.appendChild(det);
    });
  }

  function focusRecord(d, r) {
    if (!visible(r)) {
      state.hiddenTypes.delete(r.type);
      if (r.status) state.hiddenStatuses.delete(r.status);
      showLegend(d);
      showText(d);
      showPanel(d);
    }
    var els = state.view.byKey.get(r.key) || [];
    document.querySelectorAll("#doc .seg.flash").forEach(function (x) { x.classList.remove("flash"); });
    if (!els.length) return;
    els[0].scrollIntoView({ block: "center", behavior: "auto" });
    els.forEach(function (x) {
      x.classList.remove("flash");
      void x.offsetWidth; // restart the animation
      x.classList.add("flash");
    });
    setTimeout(function () { els.forEach(function (x) { x.classList.remove("flash"); }); }, 1500);
  }

  function onHover(ev) {
    var t = ev.target;
    var tip = $("tip");
    if (!t.classList || !t.classList.contains("seg")) { tip.hidden = true; return; }
    var seg = state.view.segOf.get(t);
    if (!seg) return;
    tip.textContent = "";
    seg.items.slice().reverse().forEach(function (it) {
      var box = el("div", "rec");
      var head = el("div", "head", it.type + " \u00b7 " + it.rec.id + (it.origin === "gold" ? " (gold)" : ""));
      if (it.status) {
        head.appendChild(document.createTextNode(" "));
        head.appendChild(el("span", "badge " + it.status, it.status));
      }
      box.appendChild(head);
      box.appendChild(el("div", "txt", "[" + it.rec.start + ":" + it.rec.end + "] " + it.rec.text));
      var tb = el("table");
      S.attributes(it.rec).forEach(function (kv) {
        var tr = el("tr");
        tr.appendChild(el("td", null, kv[0]));
        tr.appendChild(el("td", null, kv[1]));
        tb.appendChild(tr);
      });
      box.appendChild(tb);
      (it.diffs || []).forEach(function (x) { box.appendChild(el("div", "diff", x)); });
      tip.appendChild(box);
    });
    tip.hidden = false;
    moveTip(ev);
  }

  function moveTip(ev) {
    var tip = $("tip");
    if (tip.hidden) return;
    var x = ev.clientX + 14, y = ev.clientY + 16;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth - 8) x = Math.max(8, ev.clientX - w - 14);
    if (y + h > window.innerHeight - 8) y = Math.max(8, ev.clientY - h - 16);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }

  init();
})();
