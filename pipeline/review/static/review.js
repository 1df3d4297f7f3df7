/* claimex review: the browser side. One queue over every record of every
 * document under review. Text goes into the page with textContent only. Every
 * offset sent to the server is a code point offset (see spans.js). The server
 * logs and fsyncs a decision before it answers; only then does the page show it
 * as saved. Record types, their fields, colours and label hotkeys come from the
 * type table the server sends (pipeline/report/static/types.json + schema). */
(function () {
  "use strict";
  const S = window.ClaimexSpans;
  const el = S.el;
  const $ = (id) => document.getElementById(id);
  const ICON = { accepted: "\u2713", rejected: "\u2717", edited: "\u270e", added: "+" };
  const BASE = new Set(["doc_id", "type", "id", "start", "end", "text"]);

  const st = {
    page: null,
    table: null,
    docs: [],
    texts: new Map(), // doc_id -> {text, paragraphs, map}
    items: [],
    byKey: new Map(),
    progress: null,
    cur: null, // key of the current record, null in the done state
    shown: null, // doc_id in the document pane
    filter: { types: new Set(), statuses: new Set(), rules: new Set(), words: [], attrs: [], docs: [] },
    order: "document",
    busy: false,
    editing: null, // {mode: "edit" | "add", draft, armed, doc_id}
    view: null,
    ctx: null,
    links: { ends: new Map(), of: new Map() },
    hover: null,
    shiftSel: false,
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
      apply(d);
      return d;
    } catch (e) {
      msg(e.message, "err");
      return null;
    } finally {
      st.busy = false;
      buttons();
    }
  }

  /* the server's answer to a decision: the records it changed, the new progress */
  function apply(d) {
    (d.removed || []).forEach((k) => st.byKey.delete(k));
    (d.changed || []).forEach((it) => st.byKey.set(it.key, it));
    const order = new Map(st.docs.map((x, i) => [x.doc_id, i]));
    st.items = Array.from(st.byKey.values()).sort((a, b) => order.get(a.doc_id) - order.get(b.doc_id) || textOrder(a, b));
    st.progress = d.progress;
    st.queue = null;
    showProgress();
    showDocList();
    if (st.shown) showDoc();
  }

  function textOrder(a, b) {
    const ta = st.page.types.indexOf(a.type), tb = st.page.types.indexOf(b.type);
    return a.current.start - b.current.start || b.current.end - a.current.end || ta - tb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  }

  async function ensureDoc(docId) {
    if (st.texts.has(docId)) return st.texts.get(docId);
    const d = docId === st.page.doc.doc_id ? st.page.doc : await api("/api/doc?doc_id=" + encodeURIComponent(docId));
    const t = { text: d.text, paragraphs: d.paragraphs, map: new S.OffsetMap(d.text), meta: d };
    st.texts.set(docId, t);
    return t;
  }

  // -- the queue: order, filter, moving ------------------------------------------

  function queue() {
    if (st.queue) return st.queue;
    let q = st.items;
    if (st.order === "confidence") {
      q = q.map((it, i) => [it, i]).sort((x, y) => {
        const a = x[0].score, b = y[0].score;
        const ha = typeof a === "number", hb = typeof b === "number";
        if (ha && hb && a !== b) return a - b;
        if (ha !== hb) return ha ? -1 : 1;
        return x[1] - y[1];
      }).map((x) => x[0]);
    }
    st.queue = q;
    return q;
  }

  function attrText(v) {
    if (v === null || v === undefined) return "null";
    if (Array.isArray(v)) return v.map(attrText).join(" ; ");
    if (typeof v === "object") return v.text !== undefined ? v.text : JSON.stringify(v);
    return String(v);
  }

  function ruleOf(it) {
    return it.current.rule || (it.original && it.original.rule) || "";
  }

  function statusMatches(it, s) {
    if (s === "disputed") return !!it.sides && !it.agreed;
    if (s === "agreed") return !!it.agreed;
    return it.status === s;
  }

  function matches(it) {
    const f = st.filter;
    if (f.types.size && !f.types.has(it.type)) return false;
    if (f.statuses.size && ![...f.statuses].some((s) => statusMatches(it, s))) return false;
    if (f.rules.size) {
      const r = ruleOf(it);
      if (![...f.rules].some((x) => (x === "(none)" ? !r : r === x || r.startsWith(x)))) return false;
    }
    if (f.docs.length && !f.docs.some((d) => it.doc_id.toLowerCase().startsWith(d))) return false;
    const rec = it.current;
    for (const [k, v] of f.attrs) {
      const got = attrText(k === "rule" ? ruleOf(it) : rec[k]).toLowerCase();
      if (v === "null" ? !(rec[k] === null || rec[k] === undefined || rec[k] === "" || (Array.isArray(rec[k]) && !rec[k].length)) : !got.includes(v)) return false;
    }
    const txt = rec.text.toLowerCase();
    return f.words.every((w) => txt.includes(w));
  }

  function filtered() {
    return queue().filter(matches);
  }

  async function go(key, scroll) {
    if (key === null || key === undefined || !st.byKey.has(key)) {
      const list = filtered();
      key = list.length ? list[0].key : null;
    }
    st.cur = key;
    $("done").hidden = true;
    const it = st.byKey.get(key);
    if (it && st.shown !== it.doc_id) await showDocOf(it.doc_id);
    showCard();
    markCurrent(scroll !== false);
    showDocList();
  }

  function step(delta) {
    const list = filtered();
    if (!list.length) return;
    let i = list.findIndex((it) => it.key === st.cur);
    if (i < 0) {
      // current is outside the filter (or the done state): the first match after it in the queue
      const q = queue();
      const all = q.findIndex((it) => it.key === st.cur);
      const after = all < 0 ? null : q.slice(all + 1).find(matches);
      go(after ? after.key : delta < 0 ? list[list.length - 1].key : list[0].key);
      return;
    }
    i = Math.max(0, Math.min(list.length - 1, i + delta));
    go(list[i].key);
  }

  /* After a decision: the next unreviewed record in the filter after `fromKey`;
   * none left: the done state (everything reviewed) or the end of this filter. */
  function advanceFrom(fromKey) {
    const q = queue();
    const n = q.length;
    const pos = Math.max(0, q.findIndex((x) => x.key === fromKey));
    for (let k = 1; k <= n; k++) {
      const it = q[(pos + k) % n];
      if (it && matches(it) && it.status === "unreviewed") return go(it.key);
    }
    showDone();
  }

  function allReviewed() {
    return st.progress.total > 0 && st.progress.reviewed === st.progress.total;
  }

  // -- decisions ----------------------------------------------------------------

  async function decide(decision, extra) {
    const it = st.byKey.get(st.cur);
    if (!it || st.editing) return;
    const d = await act("/api/decide", Object.assign({ doc_id: it.doc_id, id: it.id, decision: decision }, extra || {}));
    if (!d) return;
    const what = { accept: "accepted ", reject: "rejected ", edit: "saved edit of ", take: "took " + ((extra || {}).side || "").toUpperCase() + " for " }[decision];
    msg(what + it.id + " \u00b7 saved", "ok");
    advanceFrom(it.key);
  }

  /* a label key or button: the record with that label (an accept when it has it already) */
  function setLabel(value) {
    const it = st.byKey.get(st.cur);
    if (!it) return;
    const field = st.table[it.type].label;
    if (!field) return;
    if (it.current[field] === value) return decide("accept");
    const rec = JSON.parse(JSON.stringify(it.current));
    rec[field] = value;
    return decide("edit", { record: rec });
  }

  async function undo() {
    if (st.editing) return;
    const d = await act("/api/undo", {});
    if (!d) return;
    const key = d.event.doc_id + "|" + d.event.record_id;
    msg("undid the last decision on " + d.event.record_id + " \u00b7 saved", "ok");
    go(st.byKey.has(key) ? key : st.cur);
  }

  async function exportGold() {
    if (st.busy || st.editing) return;
    st.busy = true;
    buttons();
    msg("exporting\u2026", "");
    try {
      const r = await api("/api/export", {});
      const lines = r.lines.concat(r.warnings.map((w) => "warning: " + w));
      msg("exported " + r.files.length + " gold file(s) to " + r.folder, "ok");
      const box = $("export-result") && !$("done").hidden ? $("export-result") : null;
      if (box) {
        box.textContent = "";
        lines.forEach((l) => box.appendChild(el("div", null, l)));
      } else {
        const m = $("msg");
        lines.forEach((l) => m.appendChild(el("div", "muted", l)));
      }
    } catch (e) {
      msg(e.message, "err");
    } finally {
      st.busy = false;
      buttons();
    }
  }

  // -- rendering: header, documents, progress --------------------------------------

  function bar(done, total) {
    const b = el("span", "pbar");
    const f = el("span", "pfill");
    f.style.width = (total ? (100 * done) / total : 0).toFixed(1) + "%";
    b.appendChild(f);
    return b;
  }

  function showProgress() {
    const p = st.progress;
    const box = $("progress");
    box.textContent = "";
    box.appendChild(bar(p.reviewed, p.total));
    const b = el("b", null, p.reviewed + " / " + p.total);
    b.id = "progress-count";
    box.appendChild(b);
    box.appendChild(document.createTextNode(" reviewed"));
    const pt = el("span", "pt");
    st.page.types.forEach((t, i) => {
      const x = p.per_type[t] || { reviewed: 0, total: 0 };
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
    const done = allReviewed();
    $("done-badge").hidden = !done;
    $("btn-export").classList.toggle("primary", done);
  }

  function showDocList() {
    const ol = $("doc-list");
    ol.textContent = "";
    const cur = st.byKey.get(st.cur);
    st.docs.forEach((d, i) => {
      const p = st.progress.per_doc[d.doc_id] || { reviewed: 0, total: 0 };
      const li = el("li", d.doc_id === (cur ? cur.doc_id : st.shown) ? "on" : null);
      li.setAttribute("data-doc", d.doc_id);
      li.tabIndex = 0;
      li.title = (d.title || d.doc_id) + " \u2014 " + d.output;
      const t = el("div", "t", (i + 1) + ". " + (d.title || d.doc_id));
      li.appendChild(t);
      const meta = el("div", "m");
      meta.appendChild(bar(p.reviewed, p.total));
      const c = el("span", "c", p.reviewed + "/" + p.total + (p.total && p.reviewed === p.total ? " \u2713" : ""));
      meta.appendChild(c);
      li.appendChild(meta);
      li.addEventListener("click", () => jumpToDoc(d.doc_id));
      li.addEventListener("keydown", (ev) => { if (ev.key === "Enter") jumpToDoc(d.doc_id); });
      ol.appendChild(li);
    });
  }

  /* the document list: its first unreviewed record in the filter, else its first record */
  function jumpToDoc(docId) {
    if (st.editing) return;
    const list = filtered().filter((it) => it.doc_id === docId);
    const next = list.find((it) => it.status === "unreviewed") || list[0];
    if (next) return go(next.key);
    st.cur = null;
    showDocOf(docId).then(() => {
      showCard();
      showDocList();
    });
  }

  // -- rendering: the document pane and its links ------------------------------------

  async function showDocOf(docId) {
    await ensureDoc(docId);
    st.shown = docId;
    const t = st.texts.get(docId);
    const head = $("doc-head");
    head.textContent = "";
    head.appendChild(el("span", "dt", t.meta.title || "(untitled)"));
    head.appendChild(el("span", "muted", " \u00b7 " + docId + (t.meta.published ? " \u00b7 " + t.meta.published : "")));
    showDoc();
    $("docpane").scrollTop = 0;
  }

  function colorOf(item) {
    return S.COLORS[item.type] || "#888";
  }

  /* who each record of the shown document links to: link ends become render items too */
  function linkItems(docItems) {
    const ends = new Map(), of = new Map(), out = [];
    const ents = docItems.filter((it) => it.type === "entity" && it.status !== "rejected").map((it) => ({ start: it.current.start, end: it.current.end, canonical: it.current.canonical, text: it.current.text }));
    docItems.forEach((it) => {
      if (it.status === "rejected") return;
      S.links(it.current, ents).forEach((L, i) => {
        const k = "L:" + it.key + ":" + i;
        ends.set(k, { of: it.key, role: L.role, name: L.name });
        if (!of.has(it.key)) of.set(it.key, []);
        of.get(it.key).push(k);
        out.push({ key: k, type: "_link", start: L.start, end: L.end, link: true, role: L.role });
      });
    });
    st.links = { ends: ends, of: of };
    return out;
  }

  function showDoc() {
    const docId = st.shown;
    if (!docId) return;
    const t = st.texts.get(docId);
    const docItems = st.items.filter((it) => it.doc_id === docId);
    const items = docItems.map((it) => ({ key: it.key, type: it.type, start: it.current.start, end: it.current.end, status: it.status }));
    const ed = st.editing;
    if (ed && ed.doc_id === docId && ed.draft.start !== undefined && ed.draft.end > ed.draft.start) {
      items.push({ key: "__pending", type: ed.draft.type, start: ed.draft.start, end: ed.draft.end, pending: true });
    }
    const links = linkItems(docItems);
    st.view = S.render($("doc"), t.map, items.concat(links), (node, seg) => {
      const real = seg.items.filter((x) => !x.pending && !x.link);
      if (real.length) {
        S.paint(node, { s: seg.s, e: seg.e, items: real }, colorOf);
        node.classList.add("st-" + real[real.length - 1].status);
      }
      const ends = seg.items.filter((x) => x.link);
      if (ends.length) node.classList.add("link-end", "role-" + ends[0].role);
      if (seg.items.some((x) => x.pending)) node.classList.add("pending");
    });
    markCurrent(false);
  }

  function elsOf(key) {
    return (st.view && st.view.byKey.get(key)) || [];
  }

  /* the records and link ends to highlight and connect for a record or a link end */
  function linkGroup(key) {
    if (st.links.ends.has(key)) key = st.links.ends.get(key).of;
    return { rec: key, ends: st.links.of.get(key) || [] };
  }

  function drawDocLinks() {
    const svg = docSvg();
    const pairs = [];
    const seen = new Set();
    [st.cur, st.hover].forEach((k) => {
      if (!k || seen.has(k)) return;
      seen.add(k);
      const g = linkGroup(k);
      const to = elsOf(g.rec)[0];
      g.ends.forEach((e) => {
        const info = st.links.ends.get(e);
        pairs.push({ from: elsOf(e)[0], to: to, cls: "role-" + info.role + (k === st.hover ? " hover" : ""), color: S.COLORS[st.byKey.get(g.rec) ? st.byKey.get(g.rec).type : "quote"] });
      });
    });
    S.drawLinks(svg, $("docwrap"), pairs);
  }

  function docSvg() {
    let svg = $("links");
    if (!svg) {
      svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      svg.id = "links";
      svg.setAttribute("class", "links");
      svg.setAttribute("data-claimex", "links");
      svg.setAttribute("aria-hidden", "true");
      $("docwrap").appendChild(svg);
    }
    return svg;
  }

  function setHover(key) {
    document.querySelectorAll(".doc .seg.hl").forEach((x) => x.classList.remove("hl"));
    st.hover = key;
    if (key) {
      const g = linkGroup(key);
      [g.rec].concat(g.ends).forEach((k) => elsOf(k).forEach((x) => x.classList.add("hl")));
    }
    drawDocLinks();
  }

  function onDocHover(ev) {
    const t = ev.target;
    if (!t.classList || !t.classList.contains("seg") || !st.view) return;
    const seg = st.view.segOf.get(t);
    if (!seg) return;
    const withLinks = seg.items.filter((x) => x.link || st.links.of.has(x.key));
    const key = withLinks.length ? withLinks[withLinks.length - 1].key : null;
    if (key !== st.hover) setHover(key);
  }

  function markCurrent(scroll) {
    document.querySelectorAll(".doc .seg.current").forEach((x) => x.classList.remove("current"));
    const els = st.cur ? elsOf(st.cur) : [];
    els.forEach((x) => x.classList.add("current"));
    if (scroll && els.length) {
      const pane = $("docpane").getBoundingClientRect();
      const r = els[0].getBoundingClientRect();
      if (r.top < pane.top + 40 || r.bottom > pane.bottom - 20) els[0].scrollIntoView({ block: "center" });
    }
    drawDocLinks();
  }

  // -- rendering: the card ---------------------------------------------------------------

  function contextRange(docId, start, end) {
    const t = st.texts.get(docId);
    let a = null, b = null;
    for (const [ps, pe] of t.paragraphs) {
      if (a === null && pe > start) a = Math.min(ps, start);
      if (ps < end) b = Math.max(pe, end);
    }
    if (a === null || b === null) return [Math.max(0, start - 200), Math.min(t.map.length, end + 200)];
    return [a, b];
  }

  function showContext(docId, rec) {
    const box = $("context");
    let spans = [{ role: "main", start: rec.start, end: rec.end }].concat(S.nested(rec));
    if (st.editing) {
      const d = st.editing.draft;
      spans = [];
      if (d.end > d.start) spans.push({ role: "main", start: d.start, end: d.end });
      spans = spans.concat(S.nested(d));
    }
    const t = st.texts.get(docId);
    if (!spans.length || !t) {
      box.textContent = "";
      box.appendChild(el("span", "muted", "(select the text in the document)"));
      st.ctx = null;
      return;
    }
    const links = st.editing ? [] : S.links(rec, st.items.filter((it) => it.doc_id === docId && it.type === "entity").map((it) => it.current));
    const all = spans.concat(links.map((L) => ({ role: "link", start: L.start, end: L.end, linkRole: L.role })));
    const lo = Math.min(...all.map((s) => s.start));
    const hi = Math.max(...all.map((s) => s.end));
    const [a, b] = contextRange(docId, lo, hi);
    const sub = new S.OffsetMap(t.map.slice(a, b));
    const items = all.filter((s) => s.start >= a && s.end <= b).map((s, i) => ({ key: "c" + i, type: s.role, start: s.start - a, end: s.end - a, role: s.role, linkRole: s.linkRole }));
    const view = S.render(box, sub, items, (node, seg) => {
      seg.items.forEach((x) => node.classList.add(x.role === "main" ? "main" : x.role === "link" ? "link-end" : "n-" + x.role));
    });
    box.setAttribute("data-base", String(a));
    st.ctx = { el: box, map: sub, base: a, doc: docId };
    const first = box.querySelector(".seg.main") || box.querySelector(".seg");
    box.scrollTop = first ? Math.max(0, first.offsetTop - box.clientHeight / 3) : 0;
    // connectors from who said / recommends it to the record
    let svg = box.querySelector("svg.links");
    if (!svg) {
      svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      svg.setAttribute("class", "links");
      svg.setAttribute("data-claimex", "links");
      svg.setAttribute("aria-hidden", "true");
    }
    box.appendChild(svg);
    const main = items.find((x) => x.role === "main");
    const pairs = items.filter((x) => x.role === "link").map((x) => ({ from: (view.byKey.get(x.key) || [])[0], to: main && (view.byKey.get(main.key) || [])[0], cls: "role-" + x.linkRole, color: S.COLORS[rec.type] }));
    S.drawLinks(svg, box, pairs);
  }

  function showCard() {
    const head = $("rec-head");
    head.textContent = "";
    const it = st.byKey.get(st.cur);
    const list = filtered();
    $("sides").hidden = true;
    $("labels").textContent = "";
    $("ctxwrap").hidden = !it && !st.editing;
    if (!it) {
      head.appendChild(el("span", "muted", st.items.length ? (list.length ? "No record selected." : "No record matches the filter.") : "No records: add the ones the pipeline missed (select text, press n)."));
      $("context").textContent = "";
      $("attrs").textContent = "";
      buttons();
      return;
    }
    const rec = it.current;
    const i = list.findIndex((x) => x.key === it.key);
    const q = queue();
    const all = q.findIndex((x) => x.key === it.key);
    const docPos = st.docs.findIndex((d) => d.doc_id === it.doc_id);
    head.appendChild(el("span", "pos", "#" + (all + 1) + " of " + q.length + (list.length !== q.length ? " \u00b7 " + (i >= 0 ? i + 1 : "\u2013") + " of " + list.length + " filtered" : "")));
    if (st.docs.length > 1) head.appendChild(el("span", "docbadge", "doc " + (docPos + 1) + "/" + st.docs.length + ": " + it.doc_id));
    const tb = el("span", "type-badge", it.type);
    tb.style.background = S.COLORS[it.type] || "#888";
    head.appendChild(tb);
    if (it.original && it.original.type !== it.type) head.appendChild(el("span", "muted", "(was " + it.original.type + ")"));
    head.appendChild(el("span", "rid", it.id));
    const sb = el("span", "status " + it.status, it.status + (it.agreed && it.seq === null ? " (agreed)" : ""));
    sb.id = "cur-status";
    head.appendChild(sb);
    if (typeof it.score === "number") head.appendChild(el("span", "muted", "score " + it.score.toFixed(2)));
    if (ruleOf(it)) head.appendChild(el("span", "rule", ruleOf(it)));
    if (it.reviewer) head.appendChild(el("span", "muted", "by " + it.reviewer + (it.ts ? " \u00b7 " + it.ts.replace("T", " ").slice(0, 19) : "")));
    if (st.page.mode === "adjudication") showSides(it);
    else showLabels(it);
    showContext(it.doc_id, rec);
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

  /* the label buttons of the current record's type, with their number keys */
  function labelValues(type) {
    const spec = st.table[type];
    if (!spec || !spec.label) return null;
    const f = spec.fields.find((x) => x.name === spec.label);
    return f && f.enum ? { field: spec.label, values: f.enum } : null;
  }

  function showLabels(it) {
    const box = $("labels");
    const lv = labelValues(it.type);
    if (!lv) return;
    box.appendChild(el("span", "muted", lv.field + ":"));
    lv.values.forEach((v, i) => {
      const b = el("button", "lab" + (it.current[lv.field] === v ? " on" : ""));
      b.type = "button";
      b.setAttribute("data-value", v);
      if (i < 9) b.appendChild(el("kbd", null, String(i + 1)));
      b.appendChild(document.createTextNode(" " + v));
      b.title = "label " + v + (i < 9 ? " (key " + (i + 1) + ")" : "") + " and move on";
      b.addEventListener("click", () => setLabel(v));
      box.appendChild(b);
    });
  }

  /* adjudication: each reviewer's version side by side, the differences marked */
  function showSides(it) {
    const box = $("sides");
    box.textContent = "";
    box.hidden = false;
    const rows = {};
    const finals = {};
    ["a", "b"].forEach((side) => {
      const s = it.sides[side];
      const fin = !s || s.decision === "reject" ? null : s.decision === "edit" || s.decision === "add" ? s.record : it.original;
      finals[side] = fin;
      rows[side] = fin ? [["span", "[" + fin.start + ":" + fin.end + "] \u201c" + fin.text + "\u201d"]].concat(S.attributes(fin)) : [];
    });
    const val = (side, k) => { const r = rows[side].find((x) => x[0] === k); return r ? r[1] : undefined; };
    ["a", "b"].forEach((side, n) => {
      const s = it.sides[side];
      const info = st.page.sides[n];
      const col = el("div", "side side-" + side);
      col.id = "side-" + side;
      const h = el("div", "sh");
      h.appendChild(el("span", "who", side.toUpperCase() + " \u00b7 " + (info.reviewer || "?")));
      h.appendChild(el("span", "status " + (s ? { accept: "accepted", reject: "rejected", edit: "edited", add: "added" }[s.decision] : "unreviewed"), s ? s.decision : "not decided"));
      col.appendChild(h);
      const t = el("table", "attrs");
      rows[side].forEach((kv) => {
        const tr = el("tr", val(side === "a" ? "b" : "a", kv[0]) !== kv[1] ? "diff" : null);
        tr.appendChild(el("td", null, kv[0]));
        tr.appendChild(el("td", null, kv[1]));
        t.appendChild(tr);
      });
      if (!rows[side].length) col.appendChild(el("div", "muted", s ? "rejected: not in the gold" : "this reviewer did not decide it"));
      col.appendChild(t);
      const b = el("button", "take", "");
      b.id = "btn-take-" + side;
      b.type = "button";
      b.appendChild(el("kbd", null, String(n + 1)));
      b.appendChild(document.createTextNode(" Take " + side.toUpperCase()));
      b.disabled = !s && !(it.origin || "").startsWith("added-");
      b.addEventListener("click", () => decide("take", { side: side }));
      col.appendChild(b);
      box.appendChild(col);
    });
  }

  function showDone() {
    st.cur = null;
    showCard();
    markCurrent(false);
    showDocList();
    const box = $("done");
    box.textContent = "";
    box.hidden = false;
    const p = st.progress;
    if (allReviewed()) {
      box.appendChild(el("h2", null, "\u2713 All " + p.total + " records" + (st.docs.length > 1 ? " of " + st.docs.length + " documents" : "") + " reviewed"));
      const ps = p.per_status;
      box.appendChild(el("p", null, ps.accepted + " accepted, " + ps.edited + " corrected, " + ps.added + " added, " + ps.rejected + " rejected."));
      box.appendChild(el("p", "muted", "Before exporting, read each document once more for claims with no highlight, and add them (select, n)."));
      const b = el("button", "primary", "Export gold to " + st.page.export_dir + "/");
      b.id = "done-export";
      b.type = "button";
      b.addEventListener("click", exportGold);
      box.appendChild(b);
      const r = el("div", "export-result");
      r.id = "export-result";
      box.appendChild(r);
      msg("all records reviewed", "ok");
    } else {
      const left = p.total - p.reviewed;
      box.appendChild(el("h2", null, "Every record in this filter is reviewed"));
      box.appendChild(el("p", null, left + " record" + (left === 1 ? "" : "s") + " left outside it."));
      const b = el("button", null, "Clear the filter");
      b.type = "button";
      b.addEventListener("click", () => { setFilter(""); advanceFrom(null); });
      box.appendChild(b);
    }
    buttons();
  }

  function buttons() {
    const none = !st.byKey.get(st.cur);
    const lock = st.busy || !!st.editing;
    ["btn-accept", "btn-reject", "btn-edit"].forEach((b) => ($(b).disabled = lock || none));
    ["btn-prev", "btn-next", "btn-undo", "btn-add", "btn-export"].forEach((b) => ($(b).disabled = lock));
    document.querySelectorAll("#labels button, #sides button.take").forEach((b) => { if (lock) b.disabled = true; });
  }

  function msg(text, kind) {
    const m = $("msg");
    m.textContent = text;
    m.className = kind || "";
  }

  // -- the editor ------------------------------------------------------------------

  function defaults(type, span, docId) {
    const spec = st.table[type];
    const t = st.texts.get(docId);
    const text = span ? t.map.slice(span.start, span.end) : "";
    const r = { type: type, start: span ? span.start : undefined, end: span ? span.end : undefined, text: text };
    spec.fields.forEach((f) => {
      if (BASE.has(f.name)) return;
      let v = spec.defaults[f.name];
      if (v === "$text") v = text.trim();
      if (v === undefined) v = f.kind === "spans" || f.kind === "names" ? [] : f.kind === "enum" && !f.nullable ? f.enum[0] : f.kind === "text" && !f.nullable ? "" : null;
      r[f.name] = v;
    });
    return r;
  }

  /* a record of one type as another: the span stays, fields of the same name and kind carry over */
  function convert(draft, type) {
    const r = defaults(type, draft.start !== undefined ? { start: draft.start, end: draft.end } : null, st.editing.doc_id);
    const from = st.table[draft.type];
    st.table[type].fields.forEach((f) => {
      const g = from.fields.find((x) => x.name === f.name && x.kind === f.kind);
      if (g && draft[f.name] !== undefined && (f.kind !== "enum" || f.enum.indexOf(draft[f.name]) >= 0)) r[f.name] = draft[f.name];
    });
    if (draft.optional) r.optional = true;
    if (draft.note) r.note = draft.note;
    if (draft.id) r.id = draft.id;
    return r;
  }

  function openEditor(mode, type) {
    if (st.busy || st.editing) return;
    let draft, docId;
    if (mode === "edit") {
      const it = st.byKey.get(st.cur);
      if (!it) return;
      draft = JSON.parse(JSON.stringify(it.current));
      docId = it.doc_id;
    } else {
      docId = st.shown;
      if (!docId) return;
      const sel = currentSelection();
      st.editing = { doc_id: docId };
      draft = defaults(type || st.lastAddType || "quote", sel, docId);
    }
    st.editing = { mode: mode, draft: draft, armed: null, doc_id: docId };
    if (type && draft.type !== type) st.editing.draft = convert(draft, type);
    $("done").hidden = true;
    $("ctxwrap").hidden = false;
    renderEditor();
    $("editor").scrollIntoView({ block: "nearest" });
    buttons();
    showDoc();
    showContext(docId, st.editing.draft);
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

  function changeType(type) {
    if (!st.editing || !st.table[type] || st.editing.draft.type === type) return;
    readForm();
    st.editing.draft = convert(st.editing.draft, type);
    if (st.editing.mode === "add") st.lastAddType = type;
    renderEditor();
    showDoc();
    showContext(st.editing.doc_id, st.editing.draft);
  }

  function setDraftLabel(value) {
    const d = st.editing.draft;
    const lv = labelValues(d.type);
    if (!lv) return;
    readForm();
    d[lv.field] = value;
    renderEditor();
  }

  function renderEditor() {
    const ed = st.editing;
    const d = ed.draft;
    const spec = st.table[d.type];
    const f = $("editor");
    f.textContent = "";
    f.hidden = false;
    f.appendChild(el("h3", null, ed.mode === "edit" ? "Edit " + (d.id || "") : "Add a record"));
    f.appendChild(el("div", "hint", "Select text in the document (or in the paragraph above) to set the span: it snaps to whole words (hold Shift while selecting to keep it exact). For another span, click its \u201cfrom selection\u201d first. Enter saves, Esc cancels."));

    function row(label, control) {
      const r = el("div", "row");
      const l = el("label", null, label);
      if (control.id) l.htmlFor = control.id;
      r.appendChild(l);
      r.appendChild(control);
      f.appendChild(r);
      return r;
    }
    function buttonGroup(id, values, value, onPick, keyOf) {
      const g = el("div", "group");
      g.id = id;
      g.setAttribute("role", "radiogroup");
      values.forEach((v, i) => {
        const b = el("button", v === value ? "on" : null);
        b.type = "button";
        b.setAttribute("data-value", v);
        b.setAttribute("aria-pressed", v === value ? "true" : "false");
        const k = keyOf(i);
        if (k) b.appendChild(el("kbd", null, k));
        b.appendChild(document.createTextNode((k ? " " : "") + v));
        b.addEventListener("mousedown", (ev) => ev.preventDefault()); // keep a text selection
        b.addEventListener("click", () => onPick(v));
        g.appendChild(b);
      });
      return g;
    }
    function select(name, field, value) {
      const s = el("select");
      s.id = "f-" + name;
      s.name = name;
      const opts = (field.nullable ? [null] : []).concat(field.enum);
      opts.forEach((o) => {
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
      i.value = value === null || value === undefined ? "" : String(value);
      if (placeholder) i.placeholder = placeholder;
      return i;
    }
    function fromSelButton(name, label) {
      const b = el("button", ed.armed === name ? "armed" : null, label);
      b.type = "button";
      b.setAttribute("data-arm", name);
      b.addEventListener("mousedown", (ev) => ev.preventDefault()); // keep the selection
      b.addEventListener("click", () => armOrTake(name));
      return b;
    }
    function spanCtl(name, nullable) {
      const w = el("div");
      w.id = "f-" + name;
      const s = name === "span" ? (d.start !== undefined ? { start: d.start, end: d.end, text: d.text } : null) : d[name] && d[name].start !== undefined ? d[name] : null;
      const v = el("span", "spanval");
      if (s) {
        v.appendChild(el("span", "off", "[" + s.start + ":" + s.end + "] "));
        v.appendChild(document.createTextNode("\u201c" + s.text + "\u201d"));
      } else v.appendChild(el("span", "off", name === "span" ? "(select text in the document)" : "(none)"));
      w.appendChild(v);
      const bs = el("span", "spanbtns");
      if (name !== "span") {
        bs.appendChild(fromSelButton(name, "from selection"));
        if (nullable && s) {
          const c = el("button", null, "clear");
          c.type = "button";
          c.addEventListener("click", () => { readForm(); d[name] = null; renderEditor(); showContext(ed.doc_id, d); showDoc(); });
          bs.appendChild(c);
        }
      }
      w.appendChild(bs);
      return w;
    }
    function spansCtl(name) {
      const sp = el("div");
      sp.id = "f-" + name;
      (d[name] || []).forEach((s, i) => {
        const line = el("div", "spanval");
        line.appendChild(el("span", "off", "[" + s.start + ":" + s.end + "] "));
        line.appendChild(document.createTextNode("\u201c" + s.text + "\u201d "));
        const x = el("button", null, "remove");
        x.type = "button";
        x.addEventListener("click", () => { readForm(); d[name].splice(i, 1); renderEditor(); showContext(ed.doc_id, d); });
        line.appendChild(x);
        sp.appendChild(line);
      });
      sp.appendChild(fromSelButton(name, "add from selection"));
      return sp;
    }

    row("type", buttonGroup("f-type", st.page.types, d.type, changeType, (i) => (i < 9 ? "\u21e7" + (i + 1) : null)));
    row("span", spanCtl("span"));
    spec.fields.forEach((fd) => {
      if (BASE.has(fd.name)) return;
      const v = d[fd.name];
      if (fd.kept) row(fd.name, el("span", "muted kept", (v === undefined || v === null ? "null" : fd.kind === "json" ? JSON.stringify(v) : String(v)) + " (kept as it is)"));
      else if (fd.name === spec.label && fd.kind === "enum") row(fd.name, buttonGroup("f-" + fd.name, fd.enum, v, setDraftLabel, (i) => (i < 9 ? String(i + 1) : null)));
      else if (fd.kind === "enum") row(fd.name, select(fd.name, fd, v));
      else if (fd.kind === "text" || fd.kind === "number") row(fd.name, text(fd.name, v, fd.hint));
      else if (fd.kind === "range") row(fd.name, text(fd.name, S.rangeText(v, "-"), fd.hint));
      else if (fd.kind === "names") {
        const ta = el("textarea");
        ta.id = "f-" + fd.name;
        ta.name = fd.name;
        ta.placeholder = fd.hint || "one name per line";
        ta.value = (Array.isArray(v) ? v : v ? [v] : []).join("\n");
        row(fd.name, ta);
      } else if (fd.kind === "span") row(fd.name, spanCtl(fd.name, fd.nullable));
      else if (fd.kind === "spans") row(fd.name.replace(/_/g, " "), spansCtl(fd.name));
      else row(fd.name, el("span", "muted", v === undefined ? "(kept as it is)" : JSON.stringify(v)));
    });
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
    const save = el("button", "primary", ed.mode === "edit" ? "Save edit and next" : "Add record");
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
    const spec = st.table[d.type];
    const f = $("editor");
    const val = (n) => {
      const x = f.querySelector("[name=" + n + "]");
      return x ? x.value : undefined;
    };
    spec.fields.forEach((fd) => {
      if (BASE.has(fd.name) || fd.name === spec.label || fd.kept) return;
      const v = val(fd.name);
      if (v === undefined) return;
      if (fd.kind === "names") d[fd.name] = v.split("\n").map((s) => s.trim()).filter(Boolean);
      else if (fd.kind === "enum") d[fd.name] = v === "" ? null : v;
      else if (fd.kind === "number" || fd.kind === "range") d[fd.name] = v.trim() === "" ? null : v.trim();
      else if (fd.kind === "text") d[fd.name] = v.trim() === "" && fd.nullable ? null : v;
    });
    const o = f.querySelector("[name=optional]");
    if (o && o.checked) d.optional = true;
    else delete d.optional;
    const note = val("note");
    if (note && note.trim()) d.note = note.trim();
    else delete d.note;
  }

  /* the selection in the document (or the paragraph above), snapped to words unless Shift was held */
  function currentSelection() {
    const docId = st.editing ? st.editing.doc_id : st.shown;
    const t = docId && st.texts.get(docId);
    if (!t) return null;
    let s = st.shown === docId ? S.selectionOffsets($("doc"), t.map) : null;
    if (!s && st.ctx && st.ctx.doc === docId) {
      const c = S.selectionOffsets(st.ctx.el, st.ctx.map);
      if (c) s = { start: c.start + st.ctx.base, end: c.end + st.ctx.base };
    }
    if (!s) return null;
    if (st.shiftSel) return s;
    return S.snap(t.map, s.start, s.end);
  }

  function armOrTake(name) {
    const sel = currentSelection();
    if (sel) return takeSelection(name, sel);
    st.editing.armed = st.editing.armed === name ? null : name;
    readForm();
    renderEditor();
    msg(st.editing.armed ? "Now select the " + name.replace("_spans", "").replace(/_/g, " ") + " text in the document." : "", "");
  }

  function takeSelection(name, sel) {
    const ed = st.editing;
    const d = ed.draft;
    readForm();
    const t = st.texts.get(ed.doc_id);
    const span = { start: sel.start, end: sel.end, text: t.map.slice(sel.start, sel.end) };
    const spec = st.table[d.type];
    const field = spec.fields.find((x) => x.name === name);
    if (name === "span") {
      d.start = span.start;
      d.end = span.end;
      d.text = span.text;
      const canon = spec.fields.find((x) => spec.defaults[x.name] === "$text");
      if (ed.mode === "add" && canon && !d[canon.name]) d[canon.name] = span.text.trim();
    } else if (field && field.kind === "spans") {
      d[name] = (d[name] || []).concat([span]);
      const link = (spec.links || []).find((L) => L.spans === name);
      if (link && !(d[link.names] || []).length) d[link.names] = [span.text.trim()];
    } else {
      d[name] = span;
    }
    ed.armed = null;
    window.getSelection().removeAllRanges();
    renderEditor();
    showContext(ed.doc_id, d);
    showDoc();
    msg(name.replace(/_/g, " ") + " set to [" + span.start + ":" + span.end + "] \u201c" + span.text + "\u201d", "");
  }

  /* show the reviewer the words a selection snaps to, as the selection itself */
  function reselect(container, map, base, span) {
    const s = map.toU16(span.start - base), e = map.toU16(span.end - base);
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    let pos = 0, n, sn = null, so = 0, en = null, eo = 0;
    while ((n = walker.nextNode())) {
      const len = n.data.length;
      if (!sn && s < pos + len) { sn = n; so = s - pos; }
      if (sn && e <= pos + len) { en = n; eo = e - pos; break; }
      pos += len;
    }
    if (!sn || !en) return;
    const r = document.createRange();
    r.setStart(sn, so);
    r.setEnd(en, eo);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(r);
  }

  function onSelectEnd(ev) {
    st.shiftSel = !!(ev && ev.shiftKey);
    const sel = currentSelection();
    if (!sel) return;
    if (st.editing) return takeSelection(st.editing.armed || "span", sel);
    const t = st.texts.get(st.shown);
    const inDoc = S.selectionOffsets($("doc"), t.map);
    if (inDoc && (inDoc.start !== sel.start || inDoc.end !== sel.end)) reselect($("doc"), t.map, 0, sel);
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
    const it = st.byKey.get(st.cur);
    let r;
    if (ed.mode === "edit") r = await act("/api/decide", { doc_id: ed.doc_id, id: it.id, decision: "edit", record: d });
    else r = await act("/api/add", { doc_id: ed.doc_id, record: d });
    if (!r) return; // the error message is shown; the form stays open
    const key = r.event.doc_id + "|" + r.event.record_id;
    st.editing = null;
    $("editor").hidden = true;
    $("editor").textContent = "";
    showDoc();
    if (ed.mode === "edit") {
      msg("saved edit of " + r.event.record_id + " \u00b7 saved", "ok");
      advanceFrom(key); // an edit is a decision: on to the next record
    } else {
      await go(key);
      msg("added " + r.event.record_id + " \u00b7 saved", "ok");
    }
  }

  // -- filter -------------------------------------------------------------------------

  function parseFilter(q) {
    const f = { types: new Set(), statuses: new Set(), rules: new Set(), words: [], attrs: [], docs: [] };
    const statuses = st.page.statuses.concat(st.page.mode === "adjudication" ? ["disputed", "agreed"] : []);
    q.split(/\s+/).filter(Boolean).forEach((raw) => {
      const w = raw.replace(/[,;]$/, "");
      const low = w.toLowerCase();
      const eq = w.indexOf("=");
      if (low.startsWith("rule:")) return f.rules.add(w.slice(5));
      if (low.startsWith("doc:")) return f.docs.push(low.slice(4));
      if (eq > 0) return f.attrs.push([w.slice(0, eq), w.slice(eq + 1).toLowerCase()]);
      const t = st.page.types.find((x) => x === low || x + "s" === low || (low.length >= 3 && x.startsWith(low)));
      const s = statuses.find((x) => x === low || (low.length >= 3 && x.startsWith(low)));
      if (t) f.types.add(t);
      else if (s) f.statuses.add(s);
      else f.words.push(low);
    });
    const ft = $("ff-type").value, fs = $("ff-status").value, fr = $("ff-rule").value;
    if (ft) f.types.add(ft);
    if (fs) f.statuses.add(fs);
    if (fr) f.rules.add(fr);
    return f;
  }

  function showFilter() {
    const f = st.filter;
    const parts = [...f.types, ...f.statuses, ...[...f.rules].map((r) => "rule " + r), ...f.docs.map((d) => "doc " + d), ...f.attrs.map((a) => a[0] + "=" + a[1]), ...f.words.map((w) => "\u201c" + w + "\u201d")];
    $("filter-show").textContent = parts.length ? "filter: " + parts.join(" \u00b7 ") + " \u2014 " + filtered().length + " records" : "";
  }

  function openFilter() {
    const i = $("filter");
    i.focus();
    i.select();
  }

  function setFilter(q) {
    $("filter").value = q;
    ["ff-type", "ff-status", "ff-rule"].forEach((id) => ($(id).value = ""));
    st.filter = parseFilter(q);
    showFilter();
  }

  function applyFilter() {
    st.filter = parseFilter($("filter").value);
    $("filter").blur(); // keys go back to the app at once
    showFilter();
    const it = st.byKey.get(st.cur);
    if (!it || !matches(it)) {
      const list = filtered();
      const next = list.find((x) => x.status === "unreviewed") || list[0];
      go(next ? next.key : null);
    } else showCard();
  }

  function fillFilterControls() {
    const P = st.page;
    const opt = (sel, v, label) => { const o = el("option", null, label); o.value = v; sel.appendChild(o); };
    const ft = $("ff-type");
    opt(ft, "", "all types");
    P.types.forEach((t) => opt(ft, t, t));
    const fs = $("ff-status");
    opt(fs, "", "any status");
    P.statuses.concat(P.mode === "adjudication" ? ["disputed", "agreed"] : []).forEach((s) => opt(fs, s, s));
    const fr = $("ff-rule");
    opt(fr, "", "any rule");
    const rules = Array.from(new Set(st.items.map(ruleOf).filter(Boolean))).sort();
    rules.forEach((r) => opt(fr, r, r));
    if (rules.length) opt(fr, "(none)", "(no rule)");
    fr.hidden = !rules.length;
    const dl = $("filter-words");
    P.types.concat(P.statuses, rules.map((r) => "rule:" + r), P.docs.map((d) => "doc:" + d.doc_id)).forEach((w) => { const o = el("option"); o.value = w; dl.appendChild(o); });
    ["ff-type", "ff-status", "ff-rule"].forEach((id) => $(id).addEventListener("change", () => { $(id).blur(); applyFilter(); }));
    const ord = $("order");
    ord.value = st.order;
    ord.addEventListener("change", () => {
      st.order = ord.value;
      st.queue = null;
      ord.blur();
      showCard();
      msg("queue order: " + (st.order === "confidence" ? "least confident first (records with a score)" : "document order"), "");
    });
  }

  // -- wiring ---------------------------------------------------------------------------

  function typing(t) {
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT");
  }

  function digitOf(ev) {
    const m = /^Digit([1-9])$/.exec(ev.code || "") || /^Numpad([1-9])$/.exec(ev.code || "");
    if (m) return Number(m[1]);
    return /^[1-9]$/.test(ev.key) ? Number(ev.key) : 0;
  }

  function onEditorKey(ev) {
    const digit = digitOf(ev);
    if (ev.key === "Escape") { ev.preventDefault(); closeEditor(); msg("edit cancelled", ""); return; }
    if (ev.key === "Enter" && !(ev.target && (ev.target.tagName === "TEXTAREA" || ev.target.tagName === "BUTTON"))) { ev.preventDefault(); saveEditor(); return; }
    if (!digit || typing(ev.target)) return;
    ev.preventDefault();
    if (ev.shiftKey) {
      if (st.page.types[digit - 1]) changeType(st.page.types[digit - 1]);
      return;
    }
    const lv = labelValues(st.editing.draft.type);
    if (lv && lv.values[digit - 1]) setDraftLabel(lv.values[digit - 1]);
  }

  function onKey(ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) {
      if (st.editing && ev.key === "Enter") { ev.preventDefault(); saveEditor(); }
      return;
    }
    const help = $("help");
    if (!help.hidden && (ev.key === "Escape" || ev.key === "?")) { help.hidden = true; ev.preventDefault(); return; }
    if (ev.target && ev.target.id === "filter") {
      if (ev.key === "Escape") { $("filter").blur(); ev.preventDefault(); }
      return;
    }
    if (st.editing) return onEditorKey(ev);
    if (typing(ev.target)) return;
    const digit = digitOf(ev);
    if (digit) {
      ev.preventDefault();
      const it = st.byKey.get(st.cur);
      if (!it) return;
      if (st.page.mode === "adjudication") {
        if (digit <= 2) decide("take", { side: digit === 1 ? "a" : "b" });
        return;
      }
      if (ev.shiftKey) return openEditor("edit", st.page.types[digit - 1]);
      const lv = labelValues(it.type);
      if (lv && lv.values[digit - 1]) setLabel(lv.values[digit - 1]);
      return;
    }
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
    if (map[ev.key]) {
      ev.preventDefault();
      map[ev.key]();
    }
  }

  function onDocClick(ev) {
    if (st.editing) return;
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return; // the reviewer is selecting text (for n)
    const t = ev.target;
    if (!t.classList || !t.classList.contains("seg") || !st.view) return;
    const seg = st.view.segOf.get(t);
    if (!seg) return;
    const real = seg.items.filter((x) => !x.link && !x.pending);
    const inner = real[real.length - 1];
    if (inner && st.byKey.has(inner.key)) go(inner.key, false);
    else if (seg.items.some((x) => x.link)) {
      const L = st.links.ends.get(seg.items.find((x) => x.link).key);
      if (L) go(L.of);
    }
  }

  function showAgreement() {
    const A = st.page.agreement;
    const box = $("agreement");
    box.hidden = false;
    const t = el("table", "agree");
    const head = el("tr");
    ["type", "n", "agree", "p_o", "kappa", "added A", "added B", "added both"].forEach((h) => head.appendChild(el("th", null, h)));
    t.appendChild(head);
    const f = (x) => (x === null || x === undefined ? "n/a" : x.toFixed(3));
    A.rows.forEach((r) => {
      const tr = el("tr", r.type === "all" ? "all" : null);
      tr.setAttribute("data-type", r.type);
      [r.type, r.n, r.agree, f(r.p_o), f(r.kappa), r.added_a, r.added_b, r.added_both].forEach((v) => tr.appendChild(el("td", null, v)));
      t.appendChild(tr);
    });
    const w = $("agreement-table");
    w.textContent = "";
    w.appendChild(el("p", "muted", "A: " + A.a.reviewer + " (" + A.a.log + ") \u00b7 B: " + A.b.reviewer + " (" + A.b.log + ") \u2014 kappa: Cohen's, keep/reject, on records both decided."));
    w.appendChild(t);
    box.querySelector("summary").textContent = "Agreement: kappa " + f(A.rows[A.rows.length - 1].kappa) + " over " + A.rows[A.rows.length - 1].n + " records";
  }

  async function init() {
    try {
      st.page = await api("/api/page");
    } catch (e) {
      msg("Cannot load the review: " + e.message, "err");
      return;
    }
    const P = st.page;
    st.table = P.table;
    S.setTypes(P.table);
    st.docs = P.docs;
    st.order = P.order || "document";
    st.items = P.items;
    st.byKey = new Map(P.items.map((it) => [it.key, it]));
    st.progress = P.progress;
    document.body.classList.toggle("one-doc", P.docs.length === 1);
    document.body.classList.toggle("adjudication", P.mode === "adjudication");
    const title = P.docs.length === 1 ? (P.docs[0].title || "(untitled)") + " \u00b7 " + P.docs[0].doc_id : P.docs.length + " documents";
    document.title = (P.mode === "adjudication" ? "claimex adjudication \u2014 " : "claimex review \u2014 ") + (P.docs.length === 1 ? P.docs[0].title || P.docs[0].doc_id : title);
    $("doc-title").textContent = (P.mode === "adjudication" ? "adjudication \u00b7 " : "") + title;
    $("who").textContent = "reviewer " + P.reviewer + " \u00b7 log " + P.log;
    $("btn-export").title = "Write the reviewed records as gold files to " + P.export_dir + "/ (as --export)";
    fillFilterControls();
    if (P.mode === "adjudication") {
      showAgreement();
      setFilter("disputed");
    }
    showProgress();
    showDocList();
    const start = P.resume && st.byKey.has(P.resume) ? P.resume : null;
    if (P.mode === "adjudication" || allReviewed()) {
      const list = filtered();
      const next = list.find((x) => x.status === "unreviewed");
      if (next) await go(next.key);
      else {
        await showDocOf(P.docs[0].doc_id);
        showDone();
      }
    } else await go(start);
    if (!st.shown) await showDocOf(P.docs[0].doc_id);
    if (P.warnings && P.warnings.length) msg(P.warnings.join("; "), "err");
    else if (P.progress.reviewed && !allReviewed()) msg("resumed: " + P.progress.reviewed + " of " + P.progress.total + " reviewed", "ok");

    $("btn-accept").addEventListener("click", () => decide("accept"));
    $("btn-reject").addEventListener("click", () => decide("reject"));
    $("btn-edit").addEventListener("click", () => openEditor("edit"));
    $("btn-undo").addEventListener("click", undo);
    $("btn-export").addEventListener("click", exportGold);
    const addBtn = $("btn-add");
    addBtn.addEventListener("mousedown", (ev) => ev.preventDefault()); // keep the text selection
    addBtn.addEventListener("click", () => openEditor("add"));
    $("btn-next").addEventListener("click", () => step(1));
    $("btn-prev").addEventListener("click", () => step(-1));
    $("btn-help").addEventListener("click", () => { $("help").hidden = !$("help").hidden; });
    $("filter-form").addEventListener("submit", (ev) => { ev.preventDefault(); applyFilter(); });
    $("filter-clear").addEventListener("click", () => { setFilter(""); applyFilter(); });
    $("editor").addEventListener("submit", (ev) => { ev.preventDefault(); saveEditor(); });
    document.addEventListener("keydown", onKey);
    $("doc").addEventListener("click", onDocClick);
    $("doc").addEventListener("mouseover", onDocHover);
    $("doc").addEventListener("mouseleave", () => setHover(null));
    $("doc").addEventListener("mouseup", (ev) => setTimeout(() => onSelectEnd(ev), 0));
    $("context").addEventListener("mouseup", (ev) => setTimeout(() => onSelectEnd(ev), 0));
    window.addEventListener("resize", () => { drawDocLinks(); const it = st.byKey.get(st.cur); if (it && !st.editing) showContext(it.doc_id, it.current); });
    document.body.setAttribute("data-ready", "1");
  }

  init();
})();
