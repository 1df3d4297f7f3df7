/* claimex: spans over a source text, shared by the report and the review app.
 *
 * Record offsets are Python str offsets: they count Unicode code points. JS
 * strings count UTF-16 code units, so a character outside the BMP (an emoji)
 * is one offset in a record and two in JS. OffsetMap converts both ways; every
 * offset that leaves this file towards the server is a code point offset.
 *
 * Text is only ever put into the page with textContent / createTextNode.
 */
(function (root) {
  "use strict";

  // The record types, their colours, layers and fields come from the page's data
  // (pipeline/report/static/types.json + schema.json): setTypes(table). These are
  // the defaults until then. Layer: outermost first, long spans (recommendations)
  // under short ones (entities).
  var TYPES = ["entity", "date", "quote", "recommendation", "statistic"];
  var LAYER = { recommendation: 0, quote: 1, date: 2, statistic: 3, entity: 4 };
  var COLORS = { entity: "#3b78c3", date: "#2e9e55", quote: "#e07b12", recommendation: "#9b59b6", statistic: "#c0392b" };
  var TABLE = null;
  var BASE_KEYS = { doc_id: 1, type: 1, id: 1, start: 1, end: 1, text: 1, optional: 1, note: 1 };

  function setTypes(table) {
    TABLE = table;
    TYPES.length = 0;
    Object.keys(table).forEach(function (t) {
      TYPES.push(t);
      COLORS[t] = table[t].color;
      LAYER[t] = table[t].layer;
    });
  }

  function OffsetMap(text) {
    this.text = text;
    this.astral = /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text);
    if (!this.astral) {
      this.length = text.length;
      return;
    }
    var cp2u = [];
    var u2cp = new Uint32Array(text.length + 1);
    var cp = 0;
    var i = 0;
    while (i < text.length) {
      cp2u.push(i);
      u2cp[i] = cp;
      var c = text.charCodeAt(i);
      var d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        u2cp[i + 1] = cp; // inside a surrogate pair: the character it belongs to
        i += 2;
      } else {
        i += 1;
      }
      cp += 1;
    }
    cp2u.push(i);
    u2cp[i] = cp;
    this.cp2u = cp2u;
    this.u2cp = u2cp;
    this.length = cp; // in code points, == Python len(text)
  }
  /* code point offset -> UTF-16 index */
  OffsetMap.prototype.toU16 = function (cp) {
    if (!this.astral) return cp;
    return this.cp2u[Math.max(0, Math.min(cp, this.length))];
  };
  /* UTF-16 index -> code point offset; an index inside a pair rounds down (start) or up (end) */
  OffsetMap.prototype.toCp = function (u, roundUp) {
    if (!this.astral) return u;
    u = Math.max(0, Math.min(u, this.text.length));
    var c = this.u2cp[u];
    if (roundUp && this.cp2u[c] !== u) c += 1;
    return c;
  };
  /* the text of the code point span [start, end) */
  OffsetMap.prototype.slice = function (start, end) {
    return this.text.slice(this.toU16(start), this.toU16(end));
  };

  /* Split the text at every item boundary. items: [{start, end, ...}] in code
   * points. Returns [{s, e, items}] in UTF-16 indices, covering the whole text,
   * each segment with the items that cover it (outermost first). */
  function segments(map, items) {
    var spans = items.map(function (it) {
      it._s = map.toU16(it.start); // UTF-16 extent, used by paint()
      it._e = map.toU16(it.end);
      return { it: it, s: it._s, e: it._e };
    });
    var bset = new Set([0, map.text.length]);
    var startsAt = new Map();
    spans.forEach(function (x) {
      bset.add(x.s);
      bset.add(x.e);
      if (!startsAt.has(x.s)) startsAt.set(x.s, []);
      startsAt.get(x.s).push(x);
    });
    var b = Array.from(bset).sort(function (p, q) { return p - q; });
    var active = [];
    var out = [];
    for (var i = 0; i < b.length - 1; i++) {
      var s = b[i], e = b[i + 1];
      active = active.filter(function (x) { return x.e > s; });
      (startsAt.get(s) || []).forEach(function (x) { active.push(x); });
      var cover = active.map(function (x) { return x.it; });
      cover.sort(order);
      out.push({ s: s, e: e, items: cover });
    }
    return out;
  }

  function order(a, b) {
    var la = LAYER[a.type] || 0, lb = LAYER[b.type] || 0;
    if (la !== lb) return la - lb;
    return (b.end - b.start) - (a.end - a.start) || a.start - b.start;
  }

  /* Render text into container, one <span class="seg"> per covered segment.
   * decorate(el, seg) styles it. Returns {byKey: Map(key -> [elements]), segOf: Map(el -> seg)}. */
  function render(container, map, items, decorate) {
    var frag = document.createDocumentFragment();
    var byKey = new Map();
    var segOf = new Map();
    segments(map, items).forEach(function (seg) {
      var txt = map.text.slice(seg.s, seg.e);
      if (!seg.items.length) {
        frag.appendChild(document.createTextNode(txt));
        return;
      }
      var el = document.createElement("span");
      el.className = "seg";
      el.textContent = txt;
      el.setAttribute("data-keys", seg.items.map(function (it) { return it.key; }).join(" "));
      el.setAttribute("data-types", Array.from(new Set(seg.items.map(function (it) { return it.type; }))).join(" "));
      seg.items.forEach(function (it) {
        if (!byKey.has(it.key)) byKey.set(it.key, []);
        byKey.get(it.key).push(el);
      });
      segOf.set(el, seg);
      if (decorate) decorate(el, seg);
      frag.appendChild(el);
    });
    container.textContent = "";
    container.appendChild(frag);
    return { byKey: byKey, segOf: segOf };
  }

  /* Default look: background of the innermost item, one coloured band per
   * covering item below the line, a thin mark where an item starts or ends. */
  function paint(el, seg, colorOf) {
    var items = seg.items;
    var inner = items[items.length - 1];
    el.style.backgroundColor = tint(colorOf(inner), 0.22);
    var shadows = [];
    for (var k = items.length - 1, n = 1; k >= 0; k--, n++) {
      shadows.push("0 " + 2 * n + "px 0 " + colorOf(items[k]));
    }
    el.style.boxShadow = shadows.join(", ");
    var starts = false, ends = false;
    var mapS = seg.s, mapE = seg.e;
    items.forEach(function (it) {
      if (it._s === mapS) starts = true;
      if (it._e === mapE) ends = true;
    });
    if (starts) el.classList.add("rec-start");
    if (ends) el.classList.add("rec-end");
  }

  function tint(hex, alpha) {
    var n = parseInt(hex.slice(1), 16);
    return "rgba(" + ((n >> 16) & 255) + "," + ((n >> 8) & 255) + "," + (n & 255) + "," + alpha + ")";
  }

  function spanText(s) {
    if (!s) return "null";
    return "[" + s.start + ":" + s.end + "] \u201c" + s.text + "\u201d";
  }

  /* a number, or a {low, high} range (a statistic's value) as "low\u2013high" */
  function rangeText(v, dash) {
    if (v && typeof v === "object") return v.low + (dash || "\u2013") + v.high;
    return v === null || v === undefined ? "" : String(v);
  }

  function fieldText(kind, v) {
    if (kind === "span") return spanText(v);
    if (kind === "range") return v === null || v === undefined ? "null" : rangeText(v);
    if (kind === "spans") return (v || []).map(spanText).join("; ") || "(none)";
    if (kind === "names") return (Array.isArray(v) ? v : v ? [v] : []).join("; ") || "(none)";
    if (v === null || v === undefined) return "null";
    return typeof v === "object" ? JSON.stringify(v) : String(v);
  }

  /* [name, value] rows describing a record's attributes (values are plain strings):
   * the fields of its type in schema order, then any other plain field (rule, score...). */
  function attributes(rec) {
    var rows = [];
    var spec = TABLE && TABLE[rec.type];
    var known = {};
    if (spec) {
      spec.fields.forEach(function (f) {
        known[f.name] = 1;
        if (BASE_KEYS[f.name]) return;
        var v = rec[f.name];
        if ((v === null || v === undefined) && spec.omit_null.indexOf(f.name) >= 0) return;
        if (v === undefined && !f.required) return;
        rows.push([f.name, fieldText(f.kind, v)]);
      });
    }
    Object.keys(rec).forEach(function (k) {
      if (known[k] || BASE_KEYS[k]) return;
      var v = rec[k];
      if (v === null || typeof v === "object") {
        if (!spec && v !== null) rows.push([k, Array.isArray(v) && v.length && v[0] && v[0].start !== undefined ? fieldText("spans", v) : v.start !== undefined ? spanText(v) : JSON.stringify(v)]);
        return;
      }
      rows.push([k, String(v)]);
    });
    if (rec.optional) rows.push(["optional", "true"]);
    if (rec.note) rows.push(["note", rec.note]);
    return rows;
  }

  /* The nested spans of a record: [{role, start, end}] (code points), from the type table. */
  function nested(rec) {
    var out = [];
    var spec = TABLE && TABLE[rec.type];
    if (!spec) return out;
    spec.fields.forEach(function (f) {
      var v = rec[f.name];
      if (f.kind === "span" && v && typeof v.start === "number") out.push({ role: f.name, start: v.start, end: v.end });
      if (f.kind === "spans" && Array.isArray(v)) v.forEach(function (x) { if (x && typeof x.start === "number") out.push({ role: f.name, start: x.start, end: x.end }); });
    });
    return out;
  }

  /* A one-line summary of a record, from its type's "brief" fields. */
  function brief(rec) {
    var spec = TABLE && TABLE[rec.type];
    if (!spec) return "";
    function one(k) {
      var v = rec[k];
      if (Array.isArray(v)) return v.join("; ");
      if (v && typeof v === "object" && v.low !== undefined) return rangeText(v);
      return v === null || v === undefined ? "" : typeof v === "object" ? v.text || "" : String(v);
    }
    // an item is a field, or a list of fields shown together ("41 percent")
    return spec.brief.map(function (k) {
      return Array.isArray(k) ? k.map(one).filter(Boolean).join(" ") : one(k);
    }).filter(Boolean).join(" \u00b7 ");
  }

  /* Snap a code point span [start, end) to token boundaries: trim spaces, and
   * grow each end that cuts a word (letters, marks, digits; "3.5" and "1,000"
   * are one token) to the word's edge. */
  var WORD = /[\p{L}\p{M}\p{N}_]/u;
  var DIGIT = /\p{Nd}/u;
  function isWord(t, i) { return i >= 0 && i < t.length && WORD.test(t[i]); }
  function joins(t, i) { // t[i] is '.' or ',' between two digits
    return (t[i] === "." || t[i] === ",") && i > 0 && DIGIT.test(t[i - 1]) && i + 1 < t.length && DIGIT.test(t[i + 1]);
  }
  function snap(map, start, end) {
    var t = map.text;
    var s = map.toU16(start), e = map.toU16(end);
    while (s < e && /\s/.test(t[s])) s++;
    while (e > s && /\s/.test(t[e - 1])) e--;
    if (e <= s) return null;
    for (;;) {
      if (isWord(t, s) && isWord(t, s - 1)) s--;
      else if (isWord(t, s) && joins(t, s - 1)) s -= 2;
      else break;
    }
    for (;;) {
      if (isWord(t, e - 1) && isWord(t, e)) e++;
      else if (isWord(t, e - 1) && joins(t, e)) e += 2;
      else break;
    }
    return { start: map.toCp(s, false), end: map.toCp(e, true) };
  }

  /* Draw connectors in an SVG element laid over `box` (position: relative): one curve per
   * pair {from: element, to: element, cls}, from the top middle of each end. */
  var SVGNS = "http://www.w3.org/2000/svg";
  function drawLinks(svg, box, pairs) {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    svg.setAttribute("width", box.scrollWidth);
    svg.setAttribute("height", box.scrollHeight);
    var base = box.getBoundingClientRect();
    pairs.forEach(function (p) {
      if (!p.from || !p.to) return;
      // the first line box of each end (an inline span that wraps has one box per line)
      var a = p.from.getClientRects()[0] || p.from.getBoundingClientRect();
      var b = p.to.getClientRects()[0] || p.to.getBoundingClientRect();
      var x1 = a.left + a.width / 2 - base.left + box.scrollLeft, y1 = a.top - base.top + box.scrollTop;
      var x2 = b.left + Math.min(b.width / 2, 40) - base.left + box.scrollLeft, y2 = b.top - base.top + box.scrollTop;
      var lift = Math.min(70, 16 + Math.abs(x2 - x1) / 5 + Math.abs(y2 - y1) / 6);
      var top = Math.min(y1, y2) - lift;
      var path = document.createElementNS(SVGNS, "path");
      path.setAttribute("d", "M" + x1 + " " + y1 + " C" + x1 + " " + top + " " + x2 + " " + top + " " + x2 + " " + y2);
      path.setAttribute("class", "arc " + (p.cls || ""));
      if (p.color) path.setAttribute("stroke", p.color);
      svg.appendChild(path);
      [[x1, y1], [x2, y2]].forEach(function (xy) {
        var c = document.createElementNS(SVGNS, "circle");
        c.setAttribute("cx", xy[0]);
        c.setAttribute("cy", xy[1]);
        c.setAttribute("r", 2.5);
        c.setAttribute("class", "arc-end " + (p.cls || ""));
        if (p.color) c.setAttribute("fill", p.color);
        svg.appendChild(c);
      });
    });
  }

  /* Who a record links to (a quote's speakers, a recommendation's holder), from the
   * type table's "links": [{role, start, end, name}] in code points. Spans come from
   * the record; a name without a span is looked up among `entities` (records of the
   * same document): the nearest mention with that canonical name or text, before the
   * record if there is one. */
  function links(rec, entities) {
    var spec = TABLE && TABLE[rec.type];
    var out = [];
    if (!spec || !spec.links) return out;
    spec.links.forEach(function (L) {
      var spans = rec[L.spans];
      if (spans && !Array.isArray(spans)) spans = [spans];
      var names = rec[L.names];
      if (names && !Array.isArray(names)) names = [names];
      names = (names || []).filter(function (n) { return typeof n === "string" && (L.skip || []).indexOf(n) < 0; });
      if (spans && spans.length) {
        spans.forEach(function (s, i) { if (s && typeof s.start === "number") out.push({ role: L.role, start: s.start, end: s.end, name: names[i] || s.text }); });
        return;
      }
      names.forEach(function (n) {
        var low = n.toLowerCase();
        var best = null;
        (entities || []).forEach(function (e) {
          var c = (e.canonical || "").toLowerCase(), t = (e.text || "").toLowerCase();
          if (c !== low && t !== low) return;
          if (e.start >= rec.start && e.end <= rec.end) return; // inside the quote: not who said it
          var before = e.end <= rec.start;
          var dist = before ? rec.start - e.end : e.start - rec.end + 1e6;
          if (!best || dist < best.dist) best = { dist: dist, e: e };
        });
        if (best) out.push({ role: L.role, start: best.e.start, end: best.e.end, name: n });
      });
    });
    return out;
  }

  /* Code point offsets of the current selection inside container, or null. */
  function selectionOffsets(container, map) {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    var r = sel.getRangeAt(0);
    if (!container.contains(r.startContainer) || !container.contains(r.endContainer)) return null;
    var pre = document.createRange();
    pre.selectNodeContents(container);
    pre.setEnd(r.startContainer, r.startOffset);
    var s = pre.toString().length;
    var e = s + r.toString().length;
    if (e <= s) return null;
    return { start: map.toCp(s, false), end: map.toCp(e, true) };
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  root.ClaimexSpans = {
    TYPES: TYPES,
    COLORS: COLORS,
    setTypes: setTypes,
    table: function () { return TABLE; },
    nested: nested,
    brief: brief,
    snap: snap,
    drawLinks: drawLinks,
    links: links,
    OffsetMap: OffsetMap,
    segments: segments,
    render: render,
    paint: paint,
    tint: tint,
    attributes: attributes,
    spanText: spanText,
    rangeText: rangeText,
    selectionOffsets: selectionOffsets,
    el: el,
  };
})(window);
