/* claimex report: the corpus view, as inline SVG built with the DOM (no network,
 * no library). Every bar, point and cell links to the records it counts:
 * "#doc=I&rec=KEY" opens document I with that record flashed; a bar or cell
 * that counts several records lists them, each such a link. Text goes into the
 * page with textContent only. */
(function (root) {
  "use strict";
  var S = root.ClaimexSpans;
  var el = S.el;
  var NS = "http://www.w3.org/2000/svg";

  function svgEl(tag, attrs, text) {
    var e = document.createElementNS(NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function svgBox(width, height, label) {
    var s = svgEl("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height, role: "img", "aria-label": label, "data-claimex": "chart" });
    return s;
  }

  function link(href, title) {
    var a = svgEl("a", { href: href });
    if (title) a.appendChild(svgEl("title", null, title));
    return a;
  }

  function recHref(ref) { return "#doc=" + ref[0] + "&rec=" + encodeURIComponent(ref[1]); }

  function clip(s, n) { s = String(s || ""); return s.length > n ? s.slice(0, n - 1) + "\u2026" : s; }

  function docName(docs, i) { var d = docs[i]; return d.meta.title || d.doc_id; }

  /* the records behind a bar or cell, as a list of links */
  function showRefs(box, heading, refs, docs) {
    box.textContent = "";
    box.appendChild(el("div", "refs-head", heading + " \u2014 " + refs.length + " record" + (refs.length === 1 ? "" : "s")));
    var ol = el("ol", "refs");
    refs.forEach(function (ref) {
      var d = docs[ref[0]];
      var rec = (d._byKey || (d._byKey = indexDoc(d))).get(ref[1]);
      var li = el("li");
      var a = el("a", null, rec ? clip(rec.rec.text, 140) : ref[1]);
      a.href = recHref(ref);
      li.appendChild(a);
      li.appendChild(el("span", "muted", " " + d.doc_id + (ref[2] ? "" : "")));
      ol.appendChild(li);
    });
    box.appendChild(ol);
  }

  function indexDoc(d) {
    var m = new Map();
    d.records.forEach(function (r) { m.set(r.key, r); });
    return m;
  }

  function section(container, id, title, help) {
    var s = el("section", "chart");
    s.id = id;
    s.appendChild(el("h2", null, title));
    if (help) s.appendChild(el("p", "muted", help));
    container.appendChild(s);
    return s;
  }

  /* per-document counts: one stacked bar per document */
  function countsChart(container, data, docs) {
    var s = section(container, "chart-counts", "Records per document", "Click a segment to read that document with only that type highlighted.");
    var types = S.TYPES;
    var rows = data.counts;
    var max = Math.max(1, Math.max.apply(null, rows.map(function (r) { return types.reduce(function (a, t) { return a + (r.per_type[t] || 0); }, 0); })));
    var labelW = 210, barW = 390, rowH = 22, W = labelW + barW + 50, H = rows.length * rowH + 30;
    var svg = svgBox(W, H, "records per document and type");
    rows.forEach(function (r, i) {
      var y = 6 + i * rowH;
      var a = link("#doc=" + r.doc, r.doc_id);
      a.appendChild(svgEl("text", { x: labelW - 8, y: y + 14, "text-anchor": "end", class: "lab" }, clip(r.title || r.doc_id, 30)));
      svg.appendChild(a);
      var x = labelW, total = 0;
      types.forEach(function (t) {
        var n = r.per_type[t] || 0;
        if (!n) return;
        var w = (n / max) * barW;
        var seg = link("#doc=" + r.doc + "&only=" + t, (r.title || r.doc_id) + ": " + n + " " + t);
        seg.setAttribute("data-type", t);
        seg.appendChild(svgEl("rect", { x: x, y: y + 3, width: Math.max(1, w), height: rowH - 6, fill: S.COLORS[t] || "#888", class: "bar" }));
        svg.appendChild(seg);
        x += w;
        total += n;
      });
      svg.appendChild(svgEl("text", { x: x + 6, y: y + 14, class: "num" }, total));
    });
    var ly = H - 8, lx = labelW;
    types.forEach(function (t) {
      svg.appendChild(svgEl("rect", { x: lx, y: ly - 10, width: 10, height: 10, fill: S.COLORS[t] || "#888" }));
      svg.appendChild(svgEl("text", { x: lx + 14, y: ly, class: "lab" }, t));
      lx += 24 + t.length * 7;
    });
    s.appendChild(svg);
  }

  /* a horizontal bar per group; clicking one lists its records */
  function barChart(container, id, title, help, rows, docs, color) {
    var s = section(container, id, title, help);
    if (!rows.length) {
      s.appendChild(el("p", "muted", "None in these documents."));
      return;
    }
    var labelW = 230, barW = 360, rowH = 20, W = labelW + barW + 50, H = rows.length * rowH + 8;
    var max = Math.max.apply(null, rows.map(function (r) { return r.refs.length; }));
    var svg = svgBox(W, H, title);
    var list = el("div", "refs-box");
    rows.forEach(function (r, i) {
      var y = 4 + i * rowH;
      var a = link(recHref(r.refs[0]), r.name + ": " + r.refs.length);
      a.setAttribute("class", "group");
      a.setAttribute("data-name", r.name);
      a.appendChild(svgEl("text", { x: labelW - 8, y: y + 14, "text-anchor": "end", class: "lab" }, clip(r.name, 34)));
      a.appendChild(svgEl("rect", { x: labelW, y: y + 3, width: Math.max(2, (r.refs.length / max) * barW), height: rowH - 6, fill: color, class: "bar" }));
      a.appendChild(svgEl("text", { x: labelW + (r.refs.length / max) * barW + 6, y: y + 14, class: "num" }, r.refs.length));
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        showRefs(list, r.name, r.refs, docs);
      });
      svg.appendChild(a);
    });
    s.appendChild(svg);
    s.appendChild(list);
  }

  function dayNum(iso) { return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 864e5; }

  /* The years shown: around the publication dates when most claims fall there (the
   * rest are drawn clamped at the edges), else every year with a claim. */
  function timeWindow(tl, all) {
    var lo = Infinity, hi = -Infinity;
    tl.points.forEach(function (p) { lo = Math.min(lo, dayNum(p.from)); hi = Math.max(hi, dayNum(p.to)); });
    tl.published.forEach(function (p) { lo = Math.min(lo, dayNum(p.date)); hi = Math.max(hi, dayNum(p.date)); });
    var full = [new Date(lo * 864e5).getUTCFullYear(), new Date(hi * 864e5).getUTCFullYear() + 1];
    if (all || !tl.published.length) return { years: full, clamped: false };
    var pubs = tl.published.map(function (p) { return +p.date.slice(0, 4); });
    var win = [Math.max(full[0], Math.min.apply(null, pubs) - 4), Math.min(full[1], Math.max.apply(null, pubs) + 7)];
    var inside = tl.points.filter(function (p) { return +p.from.slice(0, 4) >= win[0] && +p.to.slice(0, 4) < win[1]; }).length;
    if (win[1] - win[0] >= full[1] - full[0] || inside < 0.8 * tl.points.length) return { years: full, clamped: false };
    return { years: win, clamped: true };
  }

  /* dated claims: one lane per document, a mark per claim at its date (a bar over a month or a year) */
  function timelineChart(container, data, docs) {
    var tl = data.timeline;
    var s = section(container, "chart-timeline", "Timeline of dated claims", "Quotes and recommendations placed at the calendar dates in their sentence, statistics at the date they hold at; a bar spans a month or a year, a black tick marks each document's publication date. Click a mark to read the claim in its text.");
    if (!tl.points.length) {
      s.appendChild(el("p", "muted", "No claim with a calendar date."));
      return;
    }
    var holder = el("div");
    s.appendChild(holder);
    var draw = function (all) {
      holder.textContent = "";
      var w = timeWindow(tl, all);
      if (w.clamped || all) {
        var b = el("button", "zoom", w.clamped ? "Show all years" : "Around the publication dates");
        b.type = "button";
        b.addEventListener("click", function () { draw(!all); });
        holder.appendChild(b);
      }
      holder.appendChild(timelineSvg(tl, docs, w));
    };
    draw(false);
  }

  function timelineSvg(tl, docs, w) {
    var lanes = [];
    tl.points.forEach(function (p) { if (lanes.indexOf(p.doc) < 0) lanes.push(p.doc); });
    tl.published.forEach(function (p) { if (lanes.indexOf(p.doc) < 0) lanes.push(p.doc); });
    lanes.sort(function (a, b) { return a - b; });
    var y0 = w.years[0], y1 = w.years[1];
    var lo = Date.UTC(y0, 0, 1) / 864e5, hi = Date.UTC(y1, 0, 1) / 864e5;
    var labelW = 230, plotW = 1080, laneH = 22, W = labelW + plotW + 20, H = lanes.length * laneH + 40;
    var X = function (d) { return labelW + ((Math.max(lo, Math.min(hi, d)) - lo) / (hi - lo)) * plotW; };
    var svg = svgBox(W, H, "timeline of dated claims");
    var years = y1 - y0;
    var step = years <= 15 ? 1 : years <= 30 ? 5 : years <= 80 ? 10 : 25;
    for (var y = Math.ceil(y0 / step) * step; y <= y1; y += step) {
      var x = X(Date.UTC(y, 0, 1) / 864e5);
      svg.appendChild(svgEl("line", { x1: x, x2: x, y1: 4, y2: H - 26, class: "grid" }));
      svg.appendChild(svgEl("text", { x: x, y: H - 10, "text-anchor": "middle", class: "lab" }, y));
    }
    lanes.forEach(function (doc, i) {
      var y = 6 + i * laneH;
      var a = link("#doc=" + doc, docs[doc].doc_id);
      a.appendChild(svgEl("text", { x: labelW - 8, y: y + 14, "text-anchor": "end", class: "lab" }, clip(docName(docs, doc), 34)));
      svg.appendChild(a);
      svg.appendChild(svgEl("line", { x1: labelW, x2: labelW + plotW, y1: y + 10, y2: y + 10, class: "lane" }));
    });
    tl.published.forEach(function (p) {
      var y = 6 + lanes.indexOf(p.doc) * laneH;
      var x = X(dayNum(p.date));
      var t = svgEl("line", { x1: x, x2: x, y1: y + 2, y2: y + 18, class: "published" });
      t.appendChild(svgEl("title", null, "published " + p.date));
      svg.appendChild(t);
    });
    tl.points.forEach(function (p) {
      var y = 6 + lanes.indexOf(p.doc) * laneH + 10;
      var d = docs[p.doc];
      var it = (d._byKey || (d._byKey = indexDoc(d))).get(p.key);
      var what = it ? S.brief(it.rec) : ""; // a statistic's text is a bare number: "41 percent · turnout" says more
      var a = link(recHref([p.doc, p.key]), p.value + " (" + p.date_text + "): " + p.text + (what ? " [" + what + "]" : ""));
      a.setAttribute("class", "point");
      a.setAttribute("data-type", p.type);
      var d1 = dayNum(p.from), d2 = dayNum(p.to) + 1;
      var x1 = X(d1), x2 = X(d2);
      var color = S.COLORS[p.type] || "#888";
      if (d2 <= lo || d1 >= hi) {
        // outside the years shown: a hollow marker at the edge
        a.appendChild(svgEl("circle", { cx: d2 <= lo ? labelW + 3 : labelW + plotW - 3, cy: y, r: 4, fill: "#fff", stroke: color, "stroke-width": 1.5 }));
      } else {
        if (x2 - x1 > 4) a.appendChild(svgEl("rect", { x: x1, y: y - 3, width: x2 - x1, height: 6, rx: 3, fill: color, "fill-opacity": 0.35 }));
        a.appendChild(svgEl("circle", { cx: (x1 + x2) / 2, cy: y, r: 4.5, fill: color, stroke: "#fff", "stroke-width": 1 }));
      }
      svg.appendChild(a);
    });
    return svg;
  }

  /* entity co-occurrence: a lower-triangle matrix of paragraphs where both are named */
  function cooccurrenceChart(container, data, docs) {
    var co = data.cooccurrence;
    var s = section(container, "chart-cooccurrence", "Entity co-occurrence", "The entities named in most paragraphs; a cell counts the paragraphs that name both. Click a cell to list them.");
    if (co.entities.length < 2) {
      s.appendChild(el("p", "muted", "Too few entities recur across paragraphs."));
      return;
    }
    var n = co.entities.length, cell = 30, labelW = 200, top = 10, W = labelW + n * cell + 20, H = top + n * cell + 110;
    var max = Math.max.apply(null, co.cells.map(function (c) { return c.n; }).concat([1]));
    var svg = svgBox(W, H, "entity co-occurrence matrix");
    var list = el("div", "refs-box");
    co.entities.forEach(function (e, i) {
      svg.appendChild(svgEl("text", { x: labelW - 6, y: top + i * cell + cell / 2 + 4, "text-anchor": "end", class: "lab" }, clip(e.name, 28) + " (" + e.paragraphs + ")"));
      var tx = labelW + i * cell + cell / 2, ty = top + n * cell + 8;
      svg.appendChild(svgEl("text", { x: tx, y: ty, transform: "rotate(50 " + tx + " " + ty + ")", class: "lab" }, clip(e.name, 20)));
    });
    co.cells.forEach(function (c) {
      // i < j: draw in the lower triangle, row j, column i
      var x = labelW + c.i * cell, y = top + c.j * cell;
      var a = link("#doc=" + c.refs[0][0] + "&rec=" + encodeURIComponent(c.refs[0][1]), co.entities[c.i].name + " + " + co.entities[c.j].name + ": " + c.n + " paragraph(s)");
      a.setAttribute("class", "cell");
      a.setAttribute("data-i", c.i);
      a.setAttribute("data-j", c.j);
      var alpha = 0.15 + 0.85 * (c.n / max);
      a.appendChild(svgEl("rect", { x: x + 1, y: y + 1, width: cell - 2, height: cell - 2, rx: 3, fill: S.COLORS.entity || "#3b78c3", "fill-opacity": alpha.toFixed(2) }));
      a.appendChild(svgEl("text", { x: x + cell / 2, y: y + cell / 2 + 4, "text-anchor": "middle", class: alpha > 0.55 ? "num light" : "num" }, c.n));
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        var refs = [];
        c.refs.forEach(function (r) { refs.push([r[0], r[1]]); });
        showRefs(list, co.entities[c.i].name + " with " + co.entities[c.j].name + " (first mention in each paragraph)", refs, docs);
      });
      svg.appendChild(a);
    });
    for (var i = 0; i < n; i++) svg.appendChild(svgEl("rect", { x: labelW + i * cell + 1, y: top + i * cell + 1, width: cell - 2, height: cell - 2, rx: 3, class: "diag" }));
    s.appendChild(svg);
    s.appendChild(list);
  }

  function render(container, data, docs) {
    container.textContent = "";
    var rec = S.COLORS.recommendation || "#9b59b6", quote = S.COLORS.quote || "#e07b12";
    var grid = el("div", "charts");
    container.appendChild(grid);
    countsChart(grid, data, docs);
    barChart(grid, "chart-actors", "Recommendations by actor", "Who should act: the entity in the actor span, else its words. Click a bar to list the recommendations.", data.actors, docs, rec);
    barChart(grid, "chart-holders", "Recommendations by holder", "Who recommends: a named holder, or the document's authors.", data.holders, docs, rec);
    barChart(grid, "chart-speakers", "Quotes by speaker", "Who is quoted. Click a bar to list the quotes.", data.speakers, docs, quote);
    timelineChart(grid, data, docs);
    cooccurrenceChart(grid, data, docs);
  }

  root.ClaimexCharts = { render: render };
})(window);
