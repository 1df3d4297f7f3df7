"""Prediction vs gold, record by record, for the report's ``--gold`` mode.

Everything here is the evaluator's (``claimex.evaluate``), so the report and
``claimex eval`` never disagree: the same matching (optional gold set aside
with the predictions overlapping it, then one-to-one pairing, largest overlap
first), the same attribute comparators, the same scores. Only the record
types the gold annotates are compared. Each prediction gets a status:

* ``correct``: paired with a gold record of the same span, every attribute agrees;
* ``boundary``: paired, the span differs, every attribute agrees;
* ``mismatch``: paired, and at least one attribute differs (listed in ``diffs``);
* ``spurious``: no gold partner;
* ``optional``: overlaps an optional gold item (neither credited nor penalised);

and each unpaired gold record is ``missed``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..evaluate import SCORED_TYPES, Doc, align, attribute_scores, score
from ..evaluate.attributes import shown_value
from ..evaluate.matching import VERSION_1_TYPES, lenient_prf, strict_prf, to_items
from ..records import Line
from .load import LoadedDoc

STATUSES = ("correct", "boundary", "mismatch", "spurious", "missed", "optional")


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
    types: tuple[str, ...] = ()  # the types compared


def gold_types(gold: LoadedDoc) -> tuple[str, ...]:
    """The record types a gold document annotates (its ``annotated`` list, default all)."""
    ann = gold.document.get("annotated")
    if ann is None and gold.document.get("schema_version") == 1:
        ann = VERSION_1_TYPES  # written before statistics existed
    return tuple(t for t in SCORED_TYPES if ann is None or t in ann)


def attribute_diffs(type_: str, pred: dict, gold: dict) -> list[str]:
    """Attributes on which a lenient match disagrees, as the evaluator scores them."""
    out = []
    for attr, s in attribute_scores(type_, gold, pred).items():
        if s < 1.0 and attr != "speakers_partial":  # "speakers" already says it
            out.append(f"{attr}: predicted {shown_value(attr, pred)}, gold {shown_value(attr, gold)}")
    return out


def compare(pred: list[Line], gold: list[Line], types: Iterable[str] = SCORED_TYPES) -> Comparison:
    """Verdicts for every span record of one document (``pred`` and ``gold`` hold any types)."""
    out = Comparison(types=tuple(types))
    for t in out.types:
        g = [ln for ln in gold if ln.record["type"] == t]
        p = [ln for ln in pred if ln.record["type"] == t]
        al = align(to_items(g, t), to_items(p, t))
        for pair in al.pairs:
            gr, pr = pair.gold.record, pair.pred.record
            diffs = attribute_diffs(t, pr, gr)
            same = (gr["start"], gr["end"]) == (pr["start"], pr["end"])
            status = "mismatch" if diffs else ("correct" if same else "boundary")
            if not same:
                diffs.insert(0, f"span: predicted [{pr['start']}:{pr['end']}] {pr['text']!r}, gold [{gr['start']}:{gr['end']}] {gr['text']!r}")
            out.pred[pr["id"]] = Verdict(status, gr["id"], diffs)
            out.gold[gr["id"]] = Verdict(status, pr["id"], diffs)
        by_id = {ln.record["id"]: ln for ln in g}
        for item in al.missed:
            out.gold[item.record["id"]] = Verdict("missed")
            out.missed.append(by_id[item.record["id"]])
        for item in al.optional_gold:
            out.gold[item.record["id"]] = Verdict("optional")
        for item in al.spurious:
            out.pred[item.record["id"]] = Verdict("spurious")
        for item in al.optional_pred:
            out.pred[item.record["id"]] = Verdict("optional")
    return out


def _eval_doc(d: LoadedDoc, types: Iterable[str]) -> Doc:
    lines: dict[str, list[Line]] = {}
    for ln in d.records:
        lines.setdefault(ln.record["type"], []).append(ln)
    return Doc(d.doc_id, d.path, frozenset(types), lines=lines, document=d.document, text=d.text)


def evaluation(pairs: list[tuple[LoadedDoc, LoadedDoc]]) -> dict | None:
    """The evaluator's figures for (prediction, gold) document pairs, as plain data.

    ``rows``: per record type (then ``all``, summed over types) the counts and
    strict / lenient P, R, F1; ``attributes``: per type, each attribute score
    and the number of lenient matches it is averaged over.
    """
    if not pairs:
        return None
    pred = {p.doc_id: _eval_doc(p, SCORED_TYPES) for p, _ in pairs}
    gold = {g.doc_id: _eval_doc(g, gold_types(g)) for _, g in pairs}
    ev = score(pred, gold)
    rows, attrs, total = [], [], None
    for t, res in ev.results.items():
        rows.append(_row(t, res.counts, res.documents))
        total = res.counts if total is None else total + res.counts
        for a, sc in res.attributes.items():
            attrs.append({"type": t, "attribute": a, "score": sc.score, "n": sc.n})
    if total is not None and len(rows) > 1:
        rows.append(_row("all", total, len(ev.documents)))
    return {"rows": rows, "attributes": attrs}


def _row(t: str, c, documents: int) -> dict:
    s, le = strict_prf(c), lenient_prf(c)
    return {
        "type": t, "documents": documents,
        "correct": c.correct, "incorrect": c.incorrect, "partial": c.partial, "missed": c.missed, "spurious": c.spurious,
        "possible": c.possible, "actual": c.actual, "optional_gold": c.optional_gold, "optional_pred": c.optional_pred,
        "strict": {"p": s.p, "r": s.r, "f1": s.f1}, "lenient": {"p": le.p, "r": le.r, "f1": le.f1},
    }  # fmt: skip
