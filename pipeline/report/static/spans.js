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

  var TYPES = ["entity", "date", "quote", "recommendation", "statistic"];
  // outermost first: long spans (recommendations) under short ones (entities)
  var LAYER = { recommendation: 0, quote: 1, date: 2, statistic: 3, entity: 4 };
  var COLORS = { entity: "#3b78c3", date: "#2e9e55", quote: "#e07b12", recommendation: "#9b59b6", statistic: "#c0392b" };

  /* a statistic's value: a number or {low, high} */
  function statValue(v) {
    if (v && typeof v === "object") return v.low + "\u2013" + v.high;
    return v === null || v === undefined ? null : String(v);
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

  /* [name, value] rows describing a record's attributes (values are plain strings). */
  function attributes(rec) {
    var rows = [];
    function add(k, v) { rows.push([k, v === null || v === undefined ? "null" : String(v)]); }
    if (rec.type === "entity") {
      add("label", rec.label);
      add("canonical", rec.canonical);
      if (rec.title) add("title", rec.title);
    } else if (rec.type === "date") {
      add("timex_type", rec.timex_type);
      add("value", rec.value);
      add("mod", rec.mod);
      add("anchor", rec.anchor);
    } else if (rec.type === "quote") {
      add("kind", rec.kind);
      add("speakers", (rec.speakers || []).join("; ") || "(none)");
      add("speaker_spans", (rec.speaker_spans || []).map(spanText).join("; ") || "(none)");
      add("cue", spanText(rec.cue));
    } else if (rec.type === "recommendation") {
      add("holder", rec.holder);
      add("actor", spanText(rec.actor));
      add("action", spanText(rec.action));
      add("trigger", spanText(rec.trigger));
      add("strength", rec.strength);
      add("polarity", rec.polarity);
    } else if (rec.type === "statistic") {
      add("value", statValue(rec.value));
      add("unit", rec.unit);
      add("approx", rec.approx);
      add("measure", spanText(rec.measure));
      add("subject", rec.subject);
      add("time", rec.time);
      add("source", rec.source);
      add("comparison", rec.comparison ? rec.comparison.direction + (rec.comparison["with"] ? " " + rec.comparison["with"] : "") : null);
      if (rec.quote) add("quote", rec.quote);
    }
    if (rec.optional) add("optional", "true");
    if (rec.note) add("note", rec.note);
    return rows;
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
    OffsetMap: OffsetMap,
    segments: segments,
    render: render,
    paint: paint,
    tint: tint,
    attributes: attributes,
    spanText: spanText,
    selectionOffsets: selectionOffsets,
    el: el,
  };
})(window);
