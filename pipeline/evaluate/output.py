"""How an evaluation is shown: a table, a JSON object, a list of errors.

* :func:`format_table`: counts and strict/lenient P/R/F1 per record type,
  then the attribute scores.
* :func:`format_errors`: every spurious, missed, boundary and attribute
  disagreement with the sentence it is in (the span marked ``[[...]]``).
* :func:`to_json`: the same, machine-readable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .bounds import BoundResult
from .loaders import document_text
from .scoring import Evaluation, Finding

_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s)|\n[ \t]*\n")
_ABBREV = frozenset("mr mrs ms dr st vs no prof gen sen rep gov jr sr e.g i.e etc".split())
_SPACE = re.compile(r"\s+")
MARK_OPEN, MARK_CLOSE = "[[", "]]"
WINDOW = 300  # characters looked at on each side of a span


def _fmt(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:.3f}"


def format_table(ev: Evaluation) -> str:
    lines = [_documents_line(ev), ""]
    if not ev.results:
        lines.append("no record type scored (no document is on both sides, or the gold annotates none of the chosen types)")
        return "\n".join(lines)
    head = f"{'type':<15}{'docs':>5}{'gold':>6}{'pred':>6}{'cor':>6}{'inc':>5}{'par':>5}{'mis':>5}{'spu':>5}   {'strict P':>8}{'R':>7}{'F1':>7}   {'lenient P':>9}{'R':>7}{'F1':>7}"
    lines += [head, "-" * len(head)]
    notes = []
    for t, res in ev.results.items():
        c, s, le = res.counts, res.strict, res.lenient
        lines.append(
            f"{t:<15}{res.documents:>5}{c.possible:>6}{c.actual:>6}{c.correct:>6}{c.incorrect:>5}{c.partial:>5}{c.missed:>5}{c.spurious:>5}"
            f"   {s.p:>8.3f}{s.r:>7.3f}{s.f1:>7.3f}   {le.p:>9.3f}{le.r:>7.3f}{le.f1:>7.3f}"
        )
        if c.optional_gold or c.optional_pred:
            notes.append(f"{t}: {c.optional_gold} optional gold item(s) and {c.optional_pred} overlapping prediction(s) set aside")
    lines += [""] + notes + ([""] if notes else [])
    lines.append(f"{'attribute (on lenient matches)':<34}{'score':>7}{'n':>6}")
    lines.append("-" * 47)
    for t, res in ev.results.items():
        for attr, sc in res.attributes.items():
            lines.append(f"{t + '.' + attr:<34}{_fmt(sc.score):>7}{sc.n:>6}")
    return "\n".join(lines)


def _documents_line(ev: Evaluation) -> str:
    parts = [f"{len(ev.documents)} document(s) scored"]
    if ev.missing_pred:
        parts.append(f"{len(ev.missing_pred)} gold document(s) without prediction: {', '.join(ev.missing_pred)}")
    if ev.missing_gold:
        parts.append(f"{len(ev.missing_gold)} predicted document(s) without gold: {', '.join(ev.missing_gold)}")
    return "; ".join(parts)


def format_bounds(results: Iterable[BoundResult]) -> str:
    out = []
    for r in results:
        out.append(f"ok    {r.key} = {r.value:.4f} >= {r.bound:g}" if r.ok else f"FAIL  {r.message}")
    return "\n".join(out)


# -- errors ------------------------------------------------------------------


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the '.' at ``dot`` part of an abbreviation or an initial ("U.S.", "J.", "Dr.")?"""
    if text[dot] != ".":
        return False
    i = dot
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot].casefold()
    return len(word.replace(".", "")) == 1 or word in _ABBREV or (len(word) > 1 and "." in word and len(word) <= 5)


def sentence_around(text: str, start: int, end: int, window: int = WINDOW) -> str:
    """The sentence holding text[start:end], whitespace collapsed, the span marked [[...]]."""
    lo = max(0, start - window)
    s = lo
    for m in _BOUNDARY.finditer(text, lo, start):
        if not _is_abbreviation(text, m.start()):
            s = m.end()
    hi = min(len(text), end + window)
    e = hi
    for m in _BOUNDARY.finditer(text, end, hi):
        if not _is_abbreviation(text, m.start()):
            e = m.end() if m.group().strip() else m.start()
            break
    left = ("\u2026 " if s == lo and lo > 0 else "") + text[s:start]
    right = text[end:e] + (" \u2026" if e == hi and hi < len(text) else "")
    out = left + MARK_OPEN + text[start:end] + MARK_CLOSE + right
    return _SPACE.sub(" ", out).strip()


def _texts(ev: Evaluation, doc_ids: Iterable[str]) -> dict[str, str | None]:
    return {d: document_text(ev.gold.get(d)) or document_text(ev.pred.get(d)) for d in doc_ids}


def _anchor(f: Finding):
    return f.gold if f.gold is not None else f.pred


def _where(f: Finding) -> str:
    if f.kind == "spurious":
        return f"pred {f.pred.where}"
    if f.kind == "missed":
        return f"gold {f.gold.where}"
    return f"gold {f.gold.where}, pred {f.pred.where}"


def _summary(findings: list[Finding]) -> str:
    spurious = sum(f.kind == "spurious" for f in findings)
    missed = sum(f.kind == "missed" for f in findings)
    boundary = sum(f.kind == "boundary" for f in findings)
    attrs = len(findings) - spurious - missed - boundary
    return f"{len(findings)} error(s): {spurious} spurious, {missed} missed, {boundary} boundary, {attrs} attribute"


def _rules(item) -> str:
    """The rule that made a predicted record and, for a quote, the sieve that chose its speakers."""
    if item is None:
        return ""
    shown = [f"{k} {item.record[k]}" for k in ("rule", "speaker_rule") if item.record.get(k)]
    return f" [{'; '.join(shown)}]" if shown else ""


def format_errors(ev: Evaluation) -> str:
    """Every finding, grouped by document and record type, with its sentence."""
    texts = _texts(ev, sorted({f.doc_id for f in ev.findings}))
    lines = [_summary(ev.findings)]
    current = shown = None
    for f in ev.findings:
        if (f.doc_id, f.type) != current:
            current = (f.doc_id, f.type)
            lines += ["", f"== {f.doc_id} / {f.type}"]
        if f.kind in ("spurious", "missed"):
            detail = f.detail
        else:
            g = f.gold
            detail = f"{f.detail} at [{g.start}:{g.end}] {g.record['text']!r}" if f.kind != "boundary" else f.detail
        lines.append(f"  {f.kind:<16} {detail}{_rules(f.pred)}  ({_where(f)})")
        text = texts.get(f.doc_id)
        a = _anchor(f)
        if text is not None and 0 <= a.start < a.end <= len(text) and (f.doc_id, a) != shown:
            lines.append(f"  {'':<16} | {sentence_around(text, a.start, a.end)}")
        shown = (f.doc_id, a)  # several findings on one item: the sentence once, after the first
    return "\n".join(lines)


# -- JSON ------------------------------------------------------------------


def _item_json(item) -> dict | None:
    if item is None:
        return None
    out = {"start": item.start, "end": item.end, "text": item.record.get("text"), "id": item.record.get("id"), "where": item.where}
    out.update({k: item.record[k] for k in ("rule", "speaker_rule") if item.record.get(k)})  # which rule made a prediction
    return out


def to_json(ev: Evaluation, bounds: list[BoundResult] | None = None, with_errors: bool = False) -> dict:
    out: dict = {
        "documents": {"scored": ev.documents, "missing_prediction": ev.missing_pred, "missing_gold": ev.missing_gold},
        "types": {},
        "figures": ev.figures(),
        "warnings": ev.warnings,
    }
    for t, res in ev.results.items():
        out["types"][t] = {
            "documents": res.documents,
            "counts": res.counts.as_dict(),
            "strict": res.strict._asdict(),
            "lenient": res.lenient._asdict(),
            "attributes": {a: {"score": sc.score, "n": sc.n} for a, sc in res.attributes.items()},
        }
    if bounds is not None:
        out["bounds"] = [{"key": b.key, "bound": b.bound, "value": b.value, "ok": b.ok, "message": b.message} for b in bounds]
    if with_errors:
        texts = _texts(ev, sorted({f.doc_id for f in ev.findings}))
        errs = []
        for f in ev.findings:
            text, a = texts.get(f.doc_id), _anchor(f)
            sentence = sentence_around(text, a.start, a.end) if text is not None and a.end <= len(text) else None
            errs.append({
                "doc_id": f.doc_id, "type": f.type, "kind": f.kind, "detail": f.detail,
                "gold": _item_json(f.gold), "pred": _item_json(f.pred), "sentence": sentence,
            })  # fmt: skip
        out["errors"] = errs
    return out
