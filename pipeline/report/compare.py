"""Prediction vs gold, record by record, for the report's ``--gold`` mode.

Spans are paired with the evaluator's matching (``pipeline.evaluate``): optional
gold items are set aside with the predictions overlapping them, then gold and
predicted spans are paired one-to-one, largest overlap first. Each prediction
then gets a status:

* ``correct``: paired with a gold record of the same span and no attribute differs;
* ``partial``: paired, the span differs, no attribute differs;
* ``mismatch``: paired, and at least one attribute differs (listed in ``diffs``);
* ``spurious``: no gold partner;
* ``optional``: overlaps an optional gold item (neither credited nor penalised);

and each unpaired gold record is ``missed``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import SPAN_TYPES, Line

STATUSES = ("correct", "partial", "mismatch", "spurious", "missed", "optional")


@dataclass
class Verdict:
    status: str
    partner: str | None = None  # id of the paired record on the other side
    diffs: list[str] = field(default_factory=list)


@dataclass
class Comparison:
    pred: dict[str, Verdict] = field(default_factory=dict)  # pred id -> verdict
    gold: dict[str, Verdict] = field(default_factory=dict)  # gold id -> verdict
    missed: list[Line] = field(default_factory=list)  # gold lines with no partner
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # type -> nervaluate counts


def _span(d):
    return None if not isinstance(d, dict) else (d.get("start"), d.get("end"))


def _overlaps(a, b) -> bool:
    return a is not None and b is not None and min(a[1], b[1]) > max(a[0], b[0])


def _fmt(v) -> str:
    if isinstance(v, dict):
        return f"[{v.get('start')}:{v.get('end')}] {v.get('text')!r}"
    if isinstance(v, list):
        return ", ".join(map(str, v)) or "(none)"
    return "null" if v is None else str(v)


def attribute_diffs(pred: dict, gold: dict) -> list[str]:
    """Human-readable differences between a prediction and its gold partner (span excluded)."""
    t = gold["type"]
    out = []

    def diff(name, p, g):
        out.append(f"{name}: predicted {_fmt(p)}, gold {_fmt(g)}")

    if t == "entity":
        for k in ("label", "canonical"):
            if pred.get(k) != gold.get(k):
                diff(k, pred.get(k), gold.get(k))
    elif t == "date":
        for k in ("timex_type", "value", "mod"):
            if pred.get(k) != gold.get(k):
                diff(k, pred.get(k), gold.get(k))
    elif t == "quote":
        if pred.get("kind") != gold.get("kind"):
            diff("kind", pred.get("kind"), gold.get("kind"))
        if set(pred.get("speakers") or []) != set(gold.get("speakers") or []):
            diff("speakers", pred.get("speakers"), gold.get("speakers"))
    elif t == "recommendation":
        for k in ("holder", "strength", "polarity"):
            if pred.get(k) != gold.get(k):
                diff(k, pred.get(k), gold.get(k))
        if _span(pred.get("trigger")) != _span(gold.get("trigger")):
            diff("trigger", pred.get("trigger"), gold.get("trigger"))
        for k in ("actor", "action"):
            p, g = _span(pred.get(k)), _span(gold.get(k))
            if (p is None) != (g is None) or (p is not None and not _overlaps(p, g)):
                diff(k, pred.get(k), gold.get(k))
    return out


def _align(gold: list[Line], pred: list[Line], type_: str):
    """(pairs [(gold Line, pred Line)], missed gold, spurious pred, optional gold, optional pred)."""
    try:
        from ..evaluate.matching import align, to_items
    except ImportError:  # the evaluator has not landed: same algorithm, local copy
        align, to_items = _fallback_align, _fallback_items

    al = align(to_items(gold, type_), to_items(pred, type_))
    by_rec = {id(ln.record): ln for ln in (*gold, *pred)}
    ln = lambda item: by_rec[id(item.record)]  # noqa: E731
    return (
        [(ln(p.gold), ln(p.pred)) for p in al.pairs],
        [ln(i) for i in al.missed],
        [ln(i) for i in al.spurious],
        [ln(i) for i in al.optional_gold],
        [ln(i) for i in al.optional_pred],
    )


def compare(pred: list[Line], gold: list[Line]) -> Comparison:
    """Verdicts for every span record of one document (``pred`` and ``gold`` hold any types)."""
    out = Comparison()
    for t in SPAN_TYPES:
        g = [ln for ln in gold if ln.record["type"] == t]
        p = [ln for ln in pred if ln.record["type"] == t]
        if not g and not p:
            continue
        pairs, missed, spurious, opt_g, opt_p = _align(g, p, t)
        field_ = LABEL_FIELD[t]
        c = dict.fromkeys(("correct", "incorrect", "partial", "missed", "spurious"), 0)
        for gl, pl in pairs:
            gr, pr = gl.record, pl.record
            if (gr["start"], gr["end"]) != (pr["start"], pr["end"]):
                c["partial"] += 1
            elif field_ is None or gr.get(field_) == pr.get(field_):
                c["correct"] += 1
            else:
                c["incorrect"] += 1
        c["missed"], c["spurious"] = len(missed), len(spurious)
        out.counts[t] = c
        for gl, pl in pairs:
            gr, pr = gl.record, pl.record
            diffs = attribute_diffs(pr, gr)
            same = (gr["start"], gr["end"]) == (pr["start"], pr["end"])
            status = "mismatch" if diffs else ("correct" if same else "partial")
            if not same:
                diffs.insert(0, f"span: predicted [{pr['start']}:{pr['end']}] {pr['text']!r}, gold [{gr['start']}:{gr['end']}] {gr['text']!r}")
            out.pred[pr["id"]] = Verdict(status, gr["id"], diffs)
            out.gold[gr["id"]] = Verdict(status, pr["id"], diffs)
        for ln in missed:
            out.gold[ln.record["id"]] = Verdict("missed")
            out.missed.append(ln)
        for ln in opt_g:
            out.gold[ln.record["id"]] = Verdict("optional")
        for ln in spurious:
            out.pred[ln.record["id"]] = Verdict("spurious")
        for ln in opt_p:
            out.pred[ln.record["id"]] = Verdict("optional")
    return out


def _prf(hits: int, possible: int, actual: int) -> tuple[float, float, float]:
    p = hits / actual if actual else 1.0
    r = hits / possible if possible else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def table(comparisons: list[Comparison]) -> list[dict]:
    """Rows of the evaluation table (per type, micro-averaged over documents, then all types)."""
    total: dict[str, dict[str, int]] = {}
    for comp in comparisons:
        for t, c in comp.counts.items():
            acc = total.setdefault(t, dict.fromkeys(c, 0))
            for k, v in c.items():
                acc[k] += v
    rows = []
    keys = [t for t in SPAN_TYPES if t in total]
    if keys:
        total["all"] = {k: sum(total[t][k] for t in keys) for k in total[keys[0]]}
        keys.append("all")
    for t in keys:
        c = total[t]
        matched = c["correct"] + c["incorrect"] + c["partial"]
        pos, act = matched + c["missed"], matched + c["spurious"]
        sp, sr, sf = _prf(c["correct"], pos, act)
        lp, lr, lf = _prf(matched, pos, act)
        rows.append({"type": t, **c, "possible": pos, "actual": act,
                     "strict": {"p": sp, "r": sr, "f1": sf}, "lenient": {"p": lp, "r": lr, "f1": lf}})
    return rows


# -- fallback matching (the evaluator's algorithm; removed once it is importable) --

LABEL_FIELD = {"entity": "label", "date": "timex_type", "quote": "kind", "recommendation": None}


@dataclass
class _Item:
    start: int
    end: int
    label: object
    record: dict


@dataclass
class _Pair:
    gold: _Item
    pred: _Item


@dataclass
class _Alignment:
    pairs: list
    missed: list
    spurious: list
    optional_gold: list
    optional_pred: list


def _fallback_items(lines, type_):
    f = LABEL_FIELD[type_]
    return [_Item(ln.record["start"], ln.record["end"], ln.record.get(f) if f else None, ln.record) for ln in lines]


def _fallback_align(gold, pred):
    ov = lambda a, b: max(0, min(a.end, b.end) - max(a.start, b.start))  # noqa: E731
    opt = [g for g in gold if g.record.get("optional") is True]
    gold = [g for g in gold if g.record.get("optional") is not True]
    opt_p = [p for p in pred if any(ov(p, o) for o in opt)]
    pred = [p for p in pred if not any(ov(p, o) for o in opt)]
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            o = ov(g, p)
            if o:
                exact = (g.start, g.end) == (p.start, p.end)
                union = max(g.end, p.end) - min(g.start, p.start)
                cands.append((-o, not (exact and g.label == p.label), not exact, union, g.start, p.start, i, j))
    cands.sort()
    ug, up, pairs = set(), set(), []
    for *_, i, j in cands:
        if i not in ug and j not in up:
            ug.add(i)
            up.add(j)
            pairs.append((i, j))
    pairs.sort()
    return _Alignment(
        [_Pair(gold[i], pred[j]) for i, j in pairs],
        [g for i, g in enumerate(gold) if i not in ug],
        [p for j, p in enumerate(pred) if j not in up],
        opt,
        opt_p,
    )
