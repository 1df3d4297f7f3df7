"""`claimex report`: one self-contained HTML file showing records in their text.

:func:`build_report` loads outputs (and optionally gold), compares them, and
returns the page as a string; :func:`write_report` writes it atomically.

Safety: the page is assembled from package data files (``static/``) and one
JSON blob. Document text and record attributes only ever travel inside that
blob, in a ``<script type="application/json">`` element with ``<``, ``>`` and
``&`` escaped as ``\\u003c`` etc., and the page's script puts them into the
DOM with ``textContent``. A Content-Security-Policy allows only the page's own
script (by hash) and no network access at all.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from .. import __version__
from ..records import Line, atomic_file
from .compare import Comparison, compare, evaluation, gold_types
from .corpus import corpus_data
from .display import type_table
from .load import LoadedDoc, load_docs

__all__ = ["build_report", "write_report", "report_data", "render_html", "summary_line", "embed_json", "static_text"]


_PLACEHOLDER = re.compile(r"__(SCRIPT_HASH|TITLE|CSS|DATA|JS)__")


def static_text(name: str, package: str = __name__) -> str:
    return resources.files(package).joinpath("static", name).read_text(encoding="utf-8")


def embed_json(data) -> str:
    """JSON safe inside a <script> element: no <, > or & survive as such."""
    s = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _meta(doc: LoadedDoc) -> dict:
    d = doc.document
    keep = ("title", "authors", "published", "series", "number", "source", "sha256", "pipeline", "key_points", "disclaimer")
    return {k: d.get(k) for k in keep}


def _item(origin: str, ln: Line, comp: Comparison | None) -> dict:
    rec = ln.record
    item = {
        "key": f"{origin[0]}:{rec['id']}",
        "type": rec["type"],
        "start": rec["start"],
        "end": rec["end"],
        "origin": origin,
        "where": f"{ln.path}:{ln.line}",
        "rec": rec,
    }
    if comp is not None:
        v = (comp.pred if origin == "pred" else comp.gold).get(rec["id"])
        if v is not None:
            item.update(status=v.status, partner=v.partner, diffs=v.diffs)
    return item


def report_data(outputs: Iterable[str | Path], gold: str | Path | None = None, source: str | Path | None = None) -> dict:
    """Everything the page shows, as plain JSON-able data."""
    docs = load_docs(outputs, source)
    notes: list[str] = []
    gold_docs: dict[str, LoadedDoc] = {}
    if gold is not None:
        texts = {d.doc_id: (d.source_path, d.text, d.sha256) for d in docs}
        skipped: list[str] = []
        for g in load_docs([gold], texts=texts, only=set(texts), skipped=skipped):
            gold_docs[g.doc_id] = g
        if skipped:
            notes.append(f"Gold documents without an output (not scored): {', '.join(skipped)}.")
        nogold = [d.doc_id for d in docs if d.doc_id not in gold_docs]
        if nogold:
            notes.append(f"Outputs without a gold document (not scored): {', '.join(nogold)}.")
    out_docs = []
    pairs = []
    for d in docs:
        g = gold_docs.get(d.doc_id)
        comp = compare(d.records, g.records, gold_types(g)) if g is not None else None
        items = [_item("pred", ln, comp) for ln in d.records]
        if comp is not None:
            pairs.append((d, g))
            items += [_item("gold", ln, comp) for ln in comp.missed]
        items.sort(key=lambda it: (it["start"], -it["end"], it["type"], it["origin"]))
        out_docs.append(
            {
                "doc_id": d.doc_id,
                "meta": _meta(d),
                "output": d.path,
                "gold_path": g.path if g is not None else None,
                "text": d.text,
                "records": items,
                "eval": evaluation([(d, g)]) if g is not None else None,
                "scored_types": list(comp.types) if comp is not None else None,
            }
        )
    return {
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "version": __version__,
        "gold": gold is not None,
        "types": type_table(),
        "corpus": corpus_data(out_docs) if len(out_docs) > 1 else None,
        "docs": out_docs,
        "eval": evaluation(pairs) if gold is not None else None,
        "notes": notes,
    }


def render_html(data: dict) -> str:
    js = "\n".join(static_text(name) for name in ("spans.js", "charts.js", "report.js"))
    for bad in ("</script", "<!--"):
        assert bad not in js.lower(), f"static script contains {bad!r}"
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    title = "claimex report"
    if len(data["docs"]) == 1:
        title += " \u2014 " + str(data["docs"][0]["doc_id"])
    from html import escape

    values = {
        "SCRIPT_HASH": f"'sha256-{digest}'",
        "TITLE": escape(title),
        "CSS": static_text("report.css"),
        "DATA": embed_json(data),
        "JS": js,
    }
    # one pass over the template only: a value (a title, the data) is never scanned for placeholders
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], static_text("report.html"))


def build_report(outputs: Iterable[str | Path], gold: str | Path | None = None, source: str | Path | None = None) -> str:
    return render_html(report_data(outputs, gold, source))


def write_report(html: str, path: str | Path) -> Path:
    """Write the page atomically (temp file + fsync + rename)."""
    with atomic_file(path, newline=None) as fh:
        fh.write(html)
    return Path(path)


def summary_line(data: dict, dest: str | Path) -> str:
    counts: dict[str, int] = {}
    for d in data["docs"]:
        for it in d["records"]:
            if it["origin"] == "pred":
                counts[it["type"]] = counts.get(it["type"], 0) + 1
    per = ", ".join(f"{t} {n}" for t, n in sorted(counts.items()))
    line = f"{dest}: report of {len(data['docs'])} document(s); records: {per or 'none'}"
    if data.get("eval"):
        all_ = data["eval"]["rows"][-1]
        line += f"; vs gold: strict F1 {all_['strict']['f1']:.3f}, lenient F1 {all_['lenient']['f1']:.3f}"
    return line
