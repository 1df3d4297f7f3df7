"""Scores of a prediction corpus against a gold corpus.

:func:`score` pairs documents by ``doc_id``, aligns each scored record type
of each document (:func:`~.matching.align`), sums counts and attribute
scores over documents (micro-average) and keeps every spurious, missed,
boundary and attribute disagreement as a :class:`Finding` for ``--errors``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..errors import EvalErrors
from .attributes import COMPARATORS, attribute_scores, shown_value
from .loaders import Corpus, load_side
from .matching import PRF, SCORED_TYPES, Counts, Item, align, count, lenient_prf, same_span, strict_prf, to_items

METRICS = ("f1", "p", "r", "strict.f1", "strict.p", "strict.r")


@dataclass(frozen=True)
class AttributeScore:
    total: float = 0.0  # sum of per-match scores
    n: int = 0  # lenient matches scored

    @property
    def score(self) -> float | None:
        return self.total / self.n if self.n else None

    def __add__(self, other: AttributeScore) -> AttributeScore:
        return AttributeScore(self.total + other.total, self.n + other.n)


@dataclass
class TypeResult:
    type: str
    documents: int = 0
    counts: Counts = field(default_factory=Counts)
    attributes: dict[str, AttributeScore] = field(default_factory=dict)

    @property
    def strict(self) -> PRF:
        return strict_prf(self.counts)

    @property
    def lenient(self) -> PRF:
        return lenient_prf(self.counts)


class Finding(NamedTuple):
    """One thing to fix: a spurious or missed item, a boundary or an attribute disagreement."""

    doc_id: str
    type: str
    kind: str  # "spurious", "missed", "boundary" or an attribute name
    gold: Item | None
    pred: Item | None
    detail: str


@dataclass
class Evaluation:
    results: dict[str, TypeResult]  # scored record types only
    documents: list[str]  # doc_ids scored (on both sides)
    missing_pred: list[str]  # gold documents with no prediction
    missing_gold: list[str]  # predicted documents with no gold
    findings: list[Finding]
    warnings: list[str]
    pred: Corpus
    gold: Corpus

    def figures(self) -> dict[str, float | None]:
        """Every figure by its --fail-under key (``date.f1``, ``quote.strict.p``, ``date.value``...)."""
        out: dict[str, float | None] = {}
        for t, res in self.results.items():
            for name, prf in (("", res.lenient), ("strict.", res.strict)):
                out[f"{t}.{name}f1"], out[f"{t}.{name}p"], out[f"{t}.{name}r"] = prf.f1, prf.p, prf.r
            for attr, sc in res.attributes.items():
                out[f"{t}.{attr}"] = sc.score
        return out


def known_keys() -> dict[str, tuple[str, ...]]:
    """The figure names a --fail-under key may use, per record type."""
    return {t: METRICS + tuple(COMPARATORS[t]) for t in SCORED_TYPES}


def score(pred: Corpus, gold: Corpus, types: Iterable[str] | None = None) -> Evaluation:
    """Score ``pred`` against ``gold``; only the types each gold document annotates
    (and, when given, only ``types``) are scored."""
    wanted = frozenset(types) if types is not None else frozenset(SCORED_TYPES)
    common = sorted(set(pred) & set(gold))
    missing_pred = sorted(set(gold) - set(pred))
    missing_gold = sorted(set(pred) - set(gold))
    results: dict[str, TypeResult] = {}
    findings: list[Finding] = []
    warnings: list[str] = []
    if missing_pred:
        warnings.append(EvalErrors.E068.format(count=len(missing_pred), missing="prediction", names=", ".join(missing_pred)))
    if missing_gold:
        warnings.append(EvalErrors.E068.format(count=len(missing_gold), missing="gold", names=", ".join(missing_gold)))
    for doc_id in common:
        p_doc, g_doc = pred[doc_id], gold[doc_id]
        p_sha = (p_doc.document or {}).get("sha256")
        g_sha = (g_doc.document or {}).get("sha256")
        if p_sha and g_sha and p_sha != g_sha:
            warnings.append(EvalErrors.E069.format(doc_id=doc_id, pred=p_sha[:12], gold=g_sha[:12]))
        for t in SCORED_TYPES:
            if t not in g_doc.types or t not in wanted:
                continue
            res = results.setdefault(t, TypeResult(t, attributes={a: AttributeScore() for a in COMPARATORS[t]}))
            c, attrs, found = score_document(doc_id, t, to_items(_linked(g_doc, t), t), to_items(_linked(p_doc, t), t))
            res.documents += 1
            res.counts = res.counts + c
            for a, sc in attrs.items():
                res.attributes[a] = res.attributes[a] + sc
            findings.extend(found)
    return Evaluation(results, common, missing_pred, missing_gold, findings, warnings, pred, gold)


def _linked(doc, type_: str):
    """The records of a type; a statistic's ``time`` id resolved to a copy of
    its date record under ``_time`` (the evaluator compares the dates, not ids)."""
    lines = doc.records(type_)
    if type_ != "statistic":
        return lines
    dates = {ln.record.get("id"): ln.record for ln in doc.records("date")}
    return [ln.__class__(ln.path, ln.line, {**ln.record, "_time": dates.get(ln.record.get("time"))}) for ln in lines]


def score_document(doc_id: str, type_: str, gold: list[Item], pred: list[Item]) -> tuple[Counts, dict[str, AttributeScore], list[Finding]]:
    """Counts, attribute scores and findings of one record type in one document."""
    al = align(gold, pred)
    attrs = {a: AttributeScore() for a in COMPARATORS[type_]}
    found: list[Finding] = []
    for item in al.spurious:
        found.append(Finding(doc_id, type_, "spurious", None, item, _describe(item)))
    for item in al.missed:
        found.append(Finding(doc_id, type_, "missed", item, None, _describe(item)))
    for pair in al.pairs:
        if not same_span(pair.gold, pair.pred):
            detail = f"gold [{pair.gold.start}:{pair.gold.end}] {pair.gold.record['text']!r} / pred [{pair.pred.start}:{pair.pred.end}] {pair.pred.record['text']!r}"
            found.append(Finding(doc_id, type_, "boundary", pair.gold, pair.pred, detail))
        for a, s in attribute_scores(type_, pair.gold.record, pair.pred.record).items():
            attrs[a] = attrs[a] + AttributeScore(s, 1)
            if s < 1.0 and a != "speakers_partial":  # "speakers" already reports it
                detail = f"gold {shown_value(a, pair.gold.record)} / pred {shown_value(a, pair.pred.record)}"
                if a == "action":
                    detail += f" (token F1 {s:.2f})"
                found.append(Finding(doc_id, type_, a, pair.gold, pair.pred, detail))
    found.sort(key=lambda f: ((f.gold or f.pred).start, (f.gold or f.pred).end))
    return count(al), attrs, found


def _describe(item: Item) -> str:
    label = f" {item.label}" if item.label else ""
    return f"[{item.start}:{item.end}] {item.record['text']!r}{label}"


def evaluate(pred: str | Path, gold: str | Path, types: Iterable[str] | None = None) -> Evaluation:
    """Load both sides (files or folders) and score them."""
    gold_corpus = load_side(gold, "gold")
    pred_corpus = load_side(pred, "pred")
    return score(pred_corpus, gold_corpus, types)
