/* claimex review: the browser side. Text goes into the page with textContent
 * only. Every offset sent to the server is a code point offset (see spans.js).
 * The server logs and fsyncs a decision before it answers; only then does the
 * page show it as saved. */
(function () {
  "use strict";
  const S = window.ClaimexSpans;
  const el = S.el;
  const $ = (id) => document.getElementById(id);
  const ICON = { accepted: "\u2713", rejected: "\u2717", edited: "\u270e", added: "+" };

  const st = {
    page: null,
    map: null,
    items: [],
    byId: new Map(),
    progress: null,
    cur: null,
    filter: { types: new Set(), statuses: new Set(), words: [] },
    busy: false,
    editing: null, // {mode: "edit" | "add", draft: record, armed: field name or null}
    view: null,
  };
  window.__claimexReview = st; // for debugging from the console

  // -- server ---------------------------------------------------------------

  async function api(path, body) {
    const opt = body === undefined ? {} : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
    const r = await fetch(path, opt);
    let data;
    try {
      data = await r.json();
    } catch (e) {
      data = { error: "unexpected answer from the server (HTTP " + r.status + ")" };
    }
    if (!r.ok || data.error) throw new Error(data.error || "HTTP " + r.status);
    return data;
  }

  async function act(path, body) {
    if (st.busy) return null;
    st.busy = true;
    buttons();
    msg("saving\u2026", "");
    try {
      const d = await api(path, body);
      snapshot(d);
      return d;
    } catch (e) {
      msg(e.message, "err");
      return null;
    } finally {
      st.busy = false;
      buttons();
    }
  }

  function snapshot(d) {
    st.items = d.items;
    st.byId = new Map(d.items.map((it) => [it.id, it]));
    st.progress = d.progress;
    showProgress();
    showDoc();
  }

  // -- filtering and moving ---------------------------------------------------

  function matches(it) {
    const f = st.filter;
    if (f.types.size && !f.types.has(it.type)) return false;
    if (f.statuses.size && !f.statuses.has(it.status)) return false;
    const txt = it.current.text.toLowerCase();
    return f.words.every((w) => txt.includes(w));
  }

  function filtered() {
    return st.items.filter(matches);
  }

  function go(id) {
    if (id === null || id === undefined || !st.byId.has(id)) {
      const list = filtered();
      id = list.length ? list[0].id : null;
    }
    st.cur = id;
    showCard();
    markCurrent(true);
  }

  function step(delta) {
    const list = filtered();
    if (!list.length) return;
    let i = list.findIndex((it) => it.id === st.cur);
    if (i < 0) {
      // current is outside the filter: the first match after it in text order
      const all = st.items.findIndex((it) => it.id === st.cur);
      const after = st.items.slice(all + 1).find(matches);
      go(after ? after.id : list[0].id);
      return;
    }
    i = Math.max(0, Math.min(list.length - 1, i + delta));
    go(list[i].id);
  }

  /* After a decision: the next unreviewed record (in the filter) after posId. */
  function advanceFrom(posIndex) {
    const n = st.items.length;
    for (let k = 0; k < n; k++) {
      const it = st.items[(posIndex + k) % n];
      if (it.id !== st.cur && matches(it) && it.status === "unreviewed") return go(it.id);
    }
    for (let k = 0; k < n; k++) {
      const it = st.items[(posIndex + k) % n];
      if (matches(it)) return go(it.id);
    }
    go(null);
  }

  // -- decisions ----------------------------------------------------------------

  async function decide(decision) {
    const it = st.byId.get(st.cur);
    if (!it || st.editing) return;
    const id = it.id;
    const d = await act("/api/decide", { id: id, decision: decision });
    if (!d) return;
    msg((decision === "accept" ? "accepted " : "rejected ") + id + " \u00b7 saved", "ok");
    const pos = st.items.findIndex((x) => x.id === id);
    advanceFrom(pos < 0 ? 0 : pos + 1);
  }

  async function undo() {
    if (st.editing) return;
    const d = await act("/api/undo", {});
    if (!d) return;
    const rid = d.event.record_id;
    msg("undid the last decision on " + rid + " \u00b7 saved", "ok");
    go(st.byId.has(rid) ? rid : st.cur);
  }

  // -- rendering ---------------------------------------------------------------

  function showProgress() {
    const p = st.progress;
    const box = $("progress");
    box.textContent = "";
    const b = el("b", null, p.reviewed + " / " + p.total);
    b.id = "progress-count";
    box.appendChild(b);
    box.appendChild(document.createTextNode(" reviewed"));
    const pt = el("span", "pt");
    st.page.types.forEach((t, i) => {
      const x = p.per_type[t];
      const s = el("span", null, (i ? " \u00b7 " : "") + t + " " + x.reviewed + "/" + x.total);
      s.setAttribute("data-type", t);
      pt.appendChild(s);
    });
    box.appendChild(pt);
    const ps = el("span", "ps");
    ["accepted", "rejected", "edited", "added"].forEach((s) => {
      const x = el("span", "status " + s, ICON[s] + " " + p.per_status[s]);
      x.id = "count-" + s;
      x.title = s;
      ps.appendChild(x);
      ps.appendChild(document.createTextNode(" "));
    });
    box.appendChild(ps);
  }

  function colorOf(item) {
    return S.COLORS[item.type] || "#888";
  }

  function showDoc() {
    const items = st.items.map((it) => ({ key: it.id, type: it.type, start: it.current.start, end: it.current.end, status: it.status }));
    const ed = st.editing;
    if (ed && ed.draft.start !== undefined && ed.draft.end > ed.draft.start) {
      items.push({ key: "__pending", type: ed.draft.type, start: ed.draft.start, end: ed.draft.end, pending: true });
    }
    st.view = S.render($("doc"), st.map, items, (node, seg) => {
      const real = seg.items.filter((x) => !x.pending);
      if (real.length) {
        S.paint(node, { s: seg.s, e: seg.e, items: real }, colorOf);
        node.classList.add("st-" + real[real.length - 1].status);
      }
      if (seg.items.some((x) => x.pending)) node.classList.add("pending");
    });
    markCurrent(false);
  }

  function markCurrent(scroll) {
    document.querySelectorAll(".doc .seg.current").forEach((x) => x.classList.remove("current"));
    if (!st.view || !st.cur) return;
    const els = st.view.byKey.get(st.cur) || [];
    els.forEach((x) => x.classList.add("current"));
    if (scroll && els.length) {
      const pane = $("docpane").getBoundingClientRect();
      const r = els[0].getBoundingClientRect();
      if (r.top < pane.top + 20 || r.bottom > pane.bottom - 20) els[0].scrollIntoView({ block: "center" });
    }
  }

  function contextRange(start, end) {
    const paras = st.page.doc.paragraphs;
    let a = null, b = null;
    for (const [ps, pe] of paras) {
      if (a === null && pe > start) a = Math.min(ps, start);
      if (ps < end) b = Math.max(pe, end);
    }
    if (a === null || b === null) return [Math.max(0, start - 200), Math.min(st.map.length, end + 200)];
    return [a, b];
  }

  function nestedSpans(rec) {
    const out = [];
    const add = (role, s) => { if (s && typeof s.start === "number") out.push({ role: role, start: s.start, end: s.end }); };
    if (rec.type === "recommendation") {
      add("trigger", rec.trigger);
      add("actor", rec.actor);
      add("action", rec.action);
    } else if (rec.type === "statistic") {
      add("measure", rec.measure);
    } else if (rec.type === "quote") {
      add("cue", rec.cue);
      (rec.speaker_spans || []).forEach((s) => add("speaker", s));
    }
    return out;
  }

  function showContext(rec) {
    const box = $("context");
    let spans = [{ role: "main", start: rec.start, end: rec.end }].concat(nestedSpans(rec));
    if (st.editing) {
      const d = st.editing.draft;
      spans = [];
      if (d.end > d.start) spans.push({ role: "main", start: d.start, end: d.end });
      spans = spans.concat(nestedSpans(d));
    }
    if (!spans.length) {
      box.textContent = "";
      box.appendChild(el("span", "muted", "(select the text in the document)"));
      st.ctx = null;
      return;
    }
    const lo = Math.min(...spans.map((s) => s.start));
    const hi = Math.max(...spans.map((s) => s.end));
    const [a, b] = contextRange(lo, hi);
    const sub = new S.OffsetMap(st.map.slice(a, b));
    const items = spans.filter((s) => s.start >= a && s.end <= b).map((s, i) => ({ key: "c" + i, type: s.role, start: s.start - a, end: s.end - a, role: s.role }));
    S.render(box, sub, items, (node, seg) => {
      seg.items.forEach((x) => node.classList.add(x.role === "main" ? "main" : "n-" + x.role));
    });
    box.setAttribute("data-base", String(a));
    st.ctx = { el: box, map: sub, base: a };
    const first = box.querySelector(".seg.main") || box.querySelector(".seg");
    box.scrollTop = first ? Math.max(0, first.offsetTop - box.clientHeight / 3) : 0;
  }

  function showCard() {
    const head = $("rec-head");
    head.textContent = "";
    const it = st.byId.get(st.cur);
    const list = filtered();
    if (!it) {
      head.appendChild(el("span", "muted", st.items.length ? "No record matches the filter." : "No records in this output: add the ones the pipeline missed (select text, press n)."));
      $("context").textContent = "";
      $("attrs").textContent = "";
      buttons();
      return;
    }
    const rec = it.current;
    const i = list.findIndex((x) => x.id === it.id);
    const all = st.items.findIndex((x) => x.id === it.id);
    head.appendChild(el("span", "pos", "#" + (all + 1) + " of " + st.items.length + (list.length !== st.items.length ? " \u00b7 " + (i >= 0 ? i + 1 : "\u2013") + " of " + list.length + " filtered" : "")));
    const tb = el("span", "type-badge", it.type);
    tb.style.background = S.COLORS[it.type];
    head.appendChild(tb);
    head.appendChild(el("span", "rid", it.id));
    const sb = el("span", "status " + it.status, it.status);
    sb.id = "cur-status";
    head.appendChild(sb);
    if (it.reviewer) head.appendChild(el("span", "muted", "by " + it.reviewer + " \u00b7 " + (it.ts || "").replace("T", " ").slice(0, 19)));
    showContext(rec);
    const t = $("attrs");
    t.textContent = "";
    const was = {};
    if (it.status === "edited" && it.original) {
      S.attributes(it.original).forEach((kv) => (was[kv[0]] = kv[1]));
      was.span = "[" + it.original.start + ":" + it.original.end + "] \u201c" + it.original.text + "\u201d";
    }
    const rows = [["span", "[" + rec.start + ":" + rec.end + "] \u201c" + rec.text + "\u201d"]].concat(S.attributes(rec));
    rows.forEach((kv) => {
      const tr = el("tr");
      tr.setAttribute("data-attr", kv[0]);
      tr.appendChild(el("td", null, kv[0]));
      const td = el("td", null, kv[1]);
      if (kv[0] in was && was[kv[0]] !== kv[1]) td.appendChild(el("span", "was", was[kv[0]]));
      tr.appendChild(td);
      t.appendChild(tr);
    });
    buttons();
  }

  function buttons() {
    const none = !st.byId.get(st.cur);
    const lock = st.busy || !!st.editing;
    ["btn-accept", "btn-reject", "btn-edit"].forEach((b) => ($(b).disabled = lock || none));
    ["btn-prev", "btn-next", "btn-undo", "btn-add"].forEach((b) => ($(b).disabled = lock));
  }

  function msg(text, kind) {
    const m = $("msg");
    m.textContent = text;
    m.className = kind || "";
  }

  // -- the editor -------------------------------------------------------------------

  function defaults(type, span) {
    const r = { type: type, start: span ? span.start : undefined, end: span ? span.end : undefined };
    const text = span ? st.map.slice(span.start, span.end) : "";
    r.text = text;
    if (type === "entity") Object.assign(r, { label: "PERSON", canonical: text.trim(), title: null });
    if (type === "date") Object.assign(r, { timex_type: "DATE", value: "", mod: null, anchor: null });
    if (type === "quote") Object.assign(r, { kind: "direct", speakers: [], speaker_spans: [], cue: null });
    if (type === "recommendation") Object.assign(r, { trigger: null, actor: null, action: null, holder: "author", strength: "moderate", polarity: "do" });
    if (type === "statistic") Object.assign(r, { value: "", unit: null, measure: null, subject: null, time: null, source: "author", approx: null, comparison: null, quote: null });
    return r;
  }

  function openEditor(mode) {
    if (st.busy || st.editing) return;
    let draft;
    if (mode === "edit") {
      const it = st.byId.get(st.cur);
      if (!it) return;
      draft = JSON.parse(JSON.stringify(it.current));
    } else {
      const sel = currentSelection();
      draft = defaults(st.lastAddType || "quote", sel);
    }
    st.editing = { mode: mode, draft: draft, armed: null };
    renderEditor();
    $("editor").scrollIntoView({ block: "nearest" });
    buttons();
    showDoc();
    if (mode === "edit") showContext(draft);
    msg(mode === "edit" ? "Editing: select text in the document to move the span." : draft.start === undefined ? "Adding: select the text of the new record in the document." : "Adding a record for the selected text.", "");
  }

  function closeEditor() {
    st.editing = null;
    $("editor").hidden = true;
    $("editor").textContent = "";
    buttons();
    showDoc();
    showCard();
  }

  function spanLabel(s) {
    if (!s || s.start === undefined || s.start === null) return null;
    return s;
  }

  function renderEditor() {
    const ed = st.editing;
    const d = ed.draft;
    const E = st.page.enums;
    const f = $("editor");
    f.textContent = "";
    f.hidden = false;
    f.appendChild(el("h3", null, ed.mode === "edit" ? "Edit " + d.type + " " + (d.id || "") : "Add a record"));
    f.appendChild(el("div", "hint", "Select text in the document (or in the paragraph above) to set the span; to set another span, click its \u201cfrom selection\u201d first. Enter saves, Esc cancels."));

    function row(label, control) {
      const r = el("div", "row");
      const l = el("label", null, label);
      if (control.id) l.htmlFor = control.id;
      r.appendChild(l);
      r.appendChild(control);
      f.appendChild(r);
      return r;
    }
    function select(name, options, value) {
      const s = el("select");
      s.id = "f-" + name;
      s.name = name;
      options.forEach((o) => {
        const op = el("option", null, o === null ? "(none)" : o);
        op.value = o === null ? "" : o;
        s.appendChild(op);
      });
      s.value = value === null || value === undefined ? "" : value;
      return s;
    }
    function text(name, value, placeholder) {
      const i = el("input");
      i.type = "text";
      i.id = "f-" + name;
      i.name = name;
      i.value = value === null || value === undefined ? "" : value;
      if (placeholder) i.placeholder = placeholder;
      return i;
    }
    function spanCtl(name, nullable) {
      const w = el("div");
      w.id = "f-" + name;
      const s = name === "span" ? (d.start !== undefined ? { start: d.start, end: d.end, text: d.text } : null) : spanLabel(d[name]);
      const v = el("span", "spanval");
      if (s) {
        v.appendChild(el("span", "off", "[" + s.start + ":" + s.end + "] "));
        v.appendChild(document.createTextNode("\u201c" + s.text + "\u201d"));
      } else v.appendChild(el("span", "off", name === "span" ? "(select text in the document)" : "(none)"));
      w.appendChild(v);
      const bs = el("span", "spanbtns");
      if (name !== "span") {
        const b = el("button", ed.armed === name ? "armed" : null, "from selection");
        b.type = "button";
        b.setAttribute("data-arm", name);
        b.addEventListener("mousedown", (ev) => ev.preventDefault()); // keep the selection
        b.addEventListener("click", () => armOrTake(name));
        bs.appendChild(b);
        if (nullable && s) {
          const c = el("button", null, "clear");
          c.type = "button";
          c.addEventListener("click", () => { d[name] = null; renderEditor(); showContext(d); showDoc(); });
          bs.appendChild(c);
        }
      }
      w.appendChild(bs);
      return w;
    }

    if (ed.mode === "add") {
      const ts = select("type", st.page.types, d.type);
      ts.addEventListener("change", () => {
        readForm();
        const span = d.start !== undefined ? { start: d.start, end: d.end } : null;
        st.editing.draft = defaults(ts.value, span);
        st.lastAddType = ts.value;
        renderEditor();
        showDoc();
      });
      row("type", ts);
    }
    row("span", spanCtl("span"));
    if (d.type === "entity") {
      row("label", select("label", E.label, d.label));
      row("canonical", text("canonical", d.canonical, "fullest name in the document"));
      row("title", text("title", d.title, "role word before a PERSON, if any"));
    } else if (d.type === "date") {
      row("timex_type", select("timex_type", E.timex_type, d.timex_type));
      row("value", text("value", d.value, "e.g. 2022-03-09, 2022-W30, P10Y, PRESENT_REF"));
      row("mod", select("mod", E.mod, d.mod));
      row("anchor", text("anchor", d.anchor, "dct, a date id, or empty"));
    } else if (d.type === "quote") {
      row("kind", select("kind", E.kind, d.kind));
      const ta = el("textarea");
      ta.id = "f-speakers";
      ta.name = "speakers";
      ta.placeholder = "one canonical name per line";
      ta.value = (d.speakers || []).join("\n");
      row("speakers", ta);
      const sp = el("div");
      sp.id = "f-speaker_spans";
      (d.speaker_spans || []).forEach((s, i) => {
        const line = el("div", "spanval");
        line.appendChild(el("span", "off", "[" + s.start + ":" + s.end + "] "));
        line.appendChild(document.createTextNode("\u201c" + s.text + "\u201d "));
        const x = el("button", null, "remove");
        x.type = "button";
        x.addEventListener("click", () => { readForm(); d.speaker_spans.splice(i, 1); renderEditor(); showContext(d); });
        line.appendChild(x);
        sp.appendChild(line);
      });
      const addb = el("button", ed.armed === "speaker_spans" ? "armed" : null, "add from selection");
      addb.type = "button";
      addb.setAttribute("data-arm", "speaker_spans");
      addb.addEventListener("mousedown", (ev) => ev.preventDefault());
      addb.addEventListener("click", () => armOrTake("speaker_spans"));
      sp.appendChild(addb);
      row("speaker spans", sp);
      row("cue", spanCtl("cue", true));
    } else if (d.type === "recommendation") {
      row("holder", text("holder", d.holder, "author, or the canonical name of who recommends"));
      row("trigger", spanCtl("trigger", false));
      row("actor", spanCtl("actor", true));
      row("action", spanCtl("action", true));
      row("strength", select("strength", E.strength, d.strength));
      row("polarity", select("polarity", E.polarity, d.polarity));
    } else if (d.type === "statistic") {
      const v = d.value && typeof d.value === "object" ? d.value.low + "-" + d.value.high : d.value;
      row("value", text("value", v === null || v === undefined ? "" : String(v), "the number in its unit: 0.73, 1.2e9, 0.667; a range 3-5"));
      row("unit", text("unit", d.unit, "percent, fraction, USD, tonnes, people, seats ..."));
      row("approx", select("approx", E.approx, d.approx));
      row("measure", spanCtl("measure", true));
      row("subject", text("subject", d.subject, "canonical entity name, or empty"));
      row("source", text("source", d.source, "author, or who the figure is credited to"));
    }
    const opt = el("input");
    opt.type = "checkbox";
    opt.id = "f-optional";
    opt.name = "optional";
    opt.checked = d.optional === true;
    const ow = el("div");
    ow.appendChild(opt);
    ow.appendChild(el("span", "muted", " a careful annotator could go either way (the evaluator skips it)"));
    row("optional", ow);
    row("note", text("note", d.note, "free-text note"));
    const acts = el("div", "actions");
    const save = el("button", "primary", ed.mode === "edit" ? "Save edit" : "Add record");
    save.type = "submit";
    save.id = "f-save";
    const cancel = el("button", null, "Cancel");
    cancel.type = "button";
    cancel.id = "f-cancel";
    cancel.addEventListener("click", closeEditor);
    acts.appendChild(save);
    acts.appendChild(cancel);
    f.appendChild(acts);
  }

  function readForm() {
    const d = st.editing.draft;
    const f = $("editor");
    const val = (n) => {
      const x = f.querySelector("[name=" + n + "]");
      return x ? x.value : undefined;
    };
    const nul = (v) => (v === undefined || v === "" ? null : v);
    if (d.type === "entity") {
      d.label = val("label");
      d.canonical = val("canonical");
      d.title = nul(val("title"));
    } else if (d.type === "date") {
      d.timex_type = val("timex_type");
      d.value = val("value");
      d.mod = nul(val("mod"));
      d.anchor = nul(val("anchor"));
    } else if (d.type === "quote") {
      d.kind = val("kind");
      d.speakers = (val("speakers") || "").split("\n").map((s) => s.trim()).filter(Boolean);
    } else if (d.type === "recommendation") {
      d.holder = val("holder");
      d.strength = val("strength");
      d.polarity = val("polarity");
    } else if (d.type === "statistic") {
      d.value = val("value");
      d.unit = nul(val("unit"));
      d.approx = nul(val("approx"));
      d.subject = nul(val("subject"));
      d.source = val("source");
    }
    const o = f.querySelector("[name=optional]");
    if (o && o.checked) d.optional = true;
    else delete d.optional;
    const note = val("note");
    if (note && note.trim()) d.note = note.trim();
    else delete d.note;
  }

  function currentSelection() {
    let s = S.selectionOffsets($("doc"), st.map);
    if (!s && st.ctx) {
      const c = S.selectionOffsets(st.ctx.el, st.ctx.map);
      if (c) s = { start: c.start + st.ctx.base, end: c.end + st.ctx.base };
    }
    return s;
  }

  function armOrTake(name) {
    const sel = currentSelection();
    if (sel) return takeSelection(name, sel);
    st.editing.armed = st.editing.armed === name ? null : name;
    readForm();
    renderEditor();
    msg(st.editing.armed ? "Now select the " + name.replace("_spans", "") + " text in the document." : "", "");
  }

  function takeSelection(name, sel) {
    const ed = st.editing;
    const d = ed.draft;
    readForm();
    const span = { start: sel.start, end: sel.end, text: st.map.slice(sel.start, sel.end) };
    if (name === "span") {
      d.start = span.start;
      d.end = span.end;
      d.text = span.text;
      if (ed.mode === "add" && d.type === "entity" && !d.canonical) d.canonical = span.text.trim();
    } else if (name === "speaker_spans") {
      d.speaker_spans = (d.speaker_spans || []).concat([span]);
      if (!(d.speakers || []).length) d.speakers = [span.text.trim()];
    } else {
      d[name] = span;
    }
    ed.armed = null;
    window.getSelection().removeAllRanges();
    renderEditor();
    showContext(d);
    showDoc();
    msg(name + " set to [" + span.start + ":" + span.end + "]", "");
  }

  function onSelectEnd() {
    if (!st.editing) return;
    const sel = currentSelection();
    if (!sel) return;
    takeSelection(st.editing.armed || "span", sel);
  }

  async function saveEditor() {
    const ed = st.editing;
    if (!ed || st.busy) return;
    readForm();
    const d = ed.draft;
    if (d.start === undefined) {
      msg("Select the text of the record in the document first.", "err");
      return;
    }
    let r;
    if (ed.mode === "edit") {
      r = await act("/api/decide", { id: st.cur, decision: "edit", record: d });
    } else {
      r = await act("/api/add", { record: d });
    }
    if (!r) return; // the error message is shown; the form stays open
    const rid = r.event.record_id;
    st.editing = null;
    $("editor").hidden = true;
    $("editor").textContent = "";
    showDoc();
    go(rid);
    msg((ed.mode === "edit" ? "saved edit of " : "added ") + rid + " \u00b7 saved", "ok");
  }

  // -- filter -------------------------------------------------------------------------

  function parseFilter(q) {
    const f = { types: new Set(), statuses: new Set(), words: [] };
    q.toLowerCase().split(/\s+/).filter(Boolean).forEach((w) => {
      const base = w.replace(/[,;]$/, "");
      const t = st.page.types.find((x) => x === base || x + "s" === base || (base.length >= 3 && x.startsWith(base)));
      const s = st.page.statuses.find((x) => x === base || (base.length >= 3 && x.startsWith(base)));
      if (t) f.types.add(t);
      else if (s) f.statuses.add(s);
      else f.words.push(base);
    });
    return f;
  }

  function showFilter() {
    const f = st.filter;
    const parts = [...f.types, ...f.statuses, ...f.words.map((w) => "\u201c" + w + "\u201d")];
    $("filter-show").textContent = parts.length ? "filter: " + parts.join(" \u00b7 ") + " \u2014 " + filtered().length + " records" : "";
  }

  function openFilter() {
    $("filter-form").hidden = false;
    const i = $("filter");
    i.focus();
    i.select();
  }

  function applyFilter(q) {
    st.filter = parseFilter(q);
    $("filter").blur(); // keys go back to the app at once
    $("filter-form").hidden = true;
    showFilter();
    const it = st.byId.get(st.cur);
    if (!it || !matches(it)) step(0);
    else showCard();
  }

  // -- wiring ---------------------------------------------------------------------------

  function typing(t) {
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT");
  }

  function onKey(ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) {
      if (st.editing && ev.key === "Enter") { ev.preventDefault(); saveEditor(); }
      return;
    }
    const help = $("help");
    if (!help.hidden && (ev.key === "Escape" || ev.key === "?")) { help.hidden = true; ev.preventDefault(); return; }
    if (ev.target && ev.target.id === "filter") {
      if (ev.key === "Escape") { $("filter").blur(); $("filter-form").hidden = true; ev.preventDefault(); }
      return;
    }
    if (st.editing) {
      if (ev.key === "Escape") { ev.preventDefault(); closeEditor(); msg("edit cancelled", ""); }
      else if (ev.key === "Enter" && !(ev.target && ev.target.tagName === "TEXTAREA") && !(ev.target && ev.target.tagName === "BUTTON")) { ev.preventDefault(); saveEditor(); }
      return;
    }
    if (typing(ev.target)) return;
    const k = ev.key;
    const map = {
      a: () => decide("accept"),
      x: () => decide("reject"),
      e: () => openEditor("edit"),
      u: () => undo(),
      n: () => openEditor("add"),
      j: () => step(1),
      ArrowDown: () => step(1),
      ArrowRight: () => step(1),
      k: () => step(-1),
      ArrowUp: () => step(-1),
      ArrowLeft: () => step(-1),
      "/": () => openFilter(),
      "?": () => { help.hidden = false; },
      Escape: () => window.getSelection().removeAllRanges(),
    };
    if (map[k]) {
      ev.preventDefault();
      map[k]();
    }
  }

  function onDocClick(ev) {
    if (st.editing) return;
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return; // the reviewer is selecting text (for n)
    const t = ev.target;
    if (!t.classList || !t.classList.contains("seg") || !st.view) return;
    const seg = st.view.segOf.get(t);
    if (!seg || !seg.items.length) return;
    const inner = seg.items[seg.items.length - 1];
    if (st.byId.has(inner.key)) go(inner.key);
  }

  async function init() {
    try {
      st.page = await api("/api/page");
    } catch (e) {
      msg("Cannot load the review: " + e.message, "err");
      return;
    }
    const P = st.page;
    st.map = new S.OffsetMap(P.doc.text);
    document.title = "claimex review \u2014 " + (P.doc.title || P.doc.doc_id);
    $("doc-title").textContent = (P.doc.title || "(untitled)") + " \u00b7 " + P.doc.doc_id;
    $("who").textContent = "reviewer " + P.reviewer + " \u00b7 log " + P.log;
    const dl = $("filter-words");
    P.types.concat(P.statuses).forEach((w) => { const o = el("option"); o.value = w; dl.appendChild(o); });
    snapshot(P);
    go(P.resume);
    if (P.warnings && P.warnings.length) msg(P.warnings.join("; "), "err");
    else if (P.progress.reviewed) msg("resumed: " + P.progress.reviewed + " of " + P.progress.total + " reviewed", "ok");

    $("btn-accept").addEventListener("click", () => decide("accept"));
    $("btn-reject").addEventListener("click", () => decide("reject"));
    $("btn-edit").addEventListener("click", () => openEditor("edit"));
    $("btn-undo").addEventListener("click", undo);
    const addBtn = $("btn-add");
    addBtn.addEventListener("mousedown", (ev) => ev.preventDefault()); // keep the text selection
    addBtn.addEventListener("click", () => openEditor("add"));
    $("btn-next").addEventListener("click", () => step(1));
    $("btn-prev").addEventListener("click", () => step(-1));
    $("btn-filter").addEventListener("click", openFilter);
    $("btn-help").addEventListener("click", () => { $("help").hidden = !$("help").hidden; });
    $("filter-form").addEventListener("submit", (ev) => { ev.preventDefault(); applyFilter($("filter").value); });
    $("filter-clear").addEventListener("click", () => { $("filter").value = ""; applyFilter(""); });
    $("editor").addEventListener("submit", (ev) => { ev.preventDefault(); saveEditor(); });
    document.addEventListener("keydown", onKey);
    $("doc").addEventListener("click", onDocClick);
    $("doc").addEventListener("mouseup", () => setTimeout(onSelectEnd, 0));
    $("context").addEventListener("mouseup", () => setTimeout(onSelectEnd, 0));
    document.body.setAttribute("data-ready", "1");
  }

  init();
})();
