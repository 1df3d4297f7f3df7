"""Span matching and counts, one document and one record type at a time.

:func:`align` removes optional gold items (and the predictions that overlap
them), then pairs gold and predicted spans one-to-one, largest overlap first.
:func:`count` sorts the outcome into the five SemEval-2013 / nervaluate
categories; :func:`strict_prf` and :func:`lenient_prf` turn counts into
precision, recall and F1. The exact definitions are in docs/evaluation.md.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import NamedTuple

from ..records import Line

# the field compared under strict matching, per record type (None: span only)
LABEL_FIELD: dict[str, str | None] = {"entity": "label", "date": "timex_type", "quote": "kind", "recommendation": None, "statistic": None}
SCORED_TYPES = tuple(LABEL_FIELD)
# what a gold file of schema version 1 annotates (statistics came with version 2)
VERSION_1_TYPES = ("entity", "date", "quote", "recommendation")


class Item(NamedTuple):
    """One span record to be matched."""

    start: int
    end: int
    label: str | None
    record: dict
    where: str  # "file:line" of the record

    @property
    def optional(self) -> bool:
        return self.record.get("optional") is True


def to_items(lines: Iterable[Line], type_: str) -> list[Item]:
    field = LABEL_FIELD[type_]
    out = []
    for ln in lines:
        rec = ln.record
        where = f"{ln.path}:{ln.line}" if ln.line else ln.path
        out.append(Item(rec["start"], rec["end"], rec.get(field) if field else None, rec, where))
    return out


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters shared by [a_start, a_end) and [b_start, b_end); touching spans share none."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def same_span(a: Item, b: Item) -> bool:
    return a.start == b.start and a.end == b.end


class Pair(NamedTuple):
    gold: Item
    pred: Item


class Alignment(NamedTuple):
    pairs: list[Pair]
    missed: list[Item]  # gold items with no partner
    spurious: list[Item]  # predictions with no partner
    optional_gold: list[Item]  # set aside: optional gold items
    optional_pred: list[Item]  # set aside: predictions overlapping an optional gold item


def remove_optional(gold: Sequence[Item], pred: Sequence[Item]) -> tuple[list[Item], list[Item], list[Item], list[Item]]:
    """(kept gold, kept predictions, optional gold, predictions overlapping optional gold)."""
    optional = [g for g in gold if g.optional]
    kept_gold = [g for g in gold if not g.optional]
    kept_pred, removed = [], []
    for p in pred:
        if any(overlap(p.start, p.end, o.start, o.end) for o in optional):
            removed.append(p)
        else:
            kept_pred.append(p)
    return kept_gold, kept_pred, optional, removed


def match(gold: Sequence[Item], pred: Sequence[Item]) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) pairs of overlapping spans.

    Candidate pairs are taken greedily by largest overlap (in characters);
    ties go to an identical span with the same label, then an identical span,
    then the smaller union, then text order. Identical span-and-label pairs
    therefore always pair up, so strict counts equal those of a separate
    exact matcher.
    """
    order = sorted(range(len(pred)), key=lambda j: (pred[j].start, pred[j].end))
    starts = [pred[j].start for j in order]
    longest = max((p.end - p.start for p in pred), default=0)
    cands = []
    for i, g in enumerate(gold):
        # only predictions starting in (g.start - longest, g.end) can overlap g
        for j in order[bisect_right(starts, g.start - longest) : bisect_left(starts, g.end)]:
            p = pred[j]
            ov = overlap(g.start, g.end, p.start, p.end)
            if ov <= 0:
                continue
            exact = same_span(g, p)
            union = max(g.end, p.end) - min(g.start, p.start)
            cands.append((-ov, not (exact and g.label == p.label), not exact, union, g.start, p.start, i, j))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for *_, i, j in cands:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    pairs.sort()
    return pairs


def align(gold: Sequence[Item], pred: Sequence[Item]) -> Alignment:
    """Optional-gold removal, then one-to-one lenient matching."""
    gold_k, pred_k, opt_g, opt_p = remove_optional(gold, pred)
    pairs = match(gold_k, pred_k)
    paired_g = {i for i, _ in pairs}
    paired_p = {j for _, j in pairs}
    return Alignment(
        [Pair(gold_k[i], pred_k[j]) for i, j in pairs],
        [g for i, g in enumerate(gold_k) if i not in paired_g],
        [p for j, p in enumerate(pred_k) if j not in paired_p],
        opt_g,
        opt_p,
    )


def category(pair: Pair) -> str:
    """'correct' (same span, same label), 'incorrect' (same span, other label) or 'partial' (overlap only)."""
    if same_span(pair.gold, pair.pred):
        return "correct" if pair.gold.label == pair.pred.label else "incorrect"
    return "partial"


@dataclass(frozen=True)
class Counts:
    correct: int = 0
    incorrect: int = 0
    partial: int = 0
    missed: int = 0
    spurious: int = 0
    optional_gold: int = 0  # set aside, not in any figure
    optional_pred: int = 0

    @property
    def possible(self) -> int:
        """POS: gold items scored."""
        return self.correct + self.incorrect + self.partial + self.missed

    @property
    def actual(self) -> int:
        """ACT: predictions scored."""
        return self.correct + self.incorrect + self.partial + self.spurious

    @property
    def matched(self) -> int:
        """Lenient matches."""
        return self.correct + self.incorrect + self.partial

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def as_dict(self) -> dict[str, int]:
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d.update(possible=self.possible, actual=self.actual)
        return d


def count(al: Alignment) -> Counts:
    cats = [category(p) for p in al.pairs]
    return Counts(
        correct=cats.count("correct"),
        incorrect=cats.count("incorrect"),
        partial=cats.count("partial"),
        missed=len(al.missed),
        spurious=len(al.spurious),
        optional_gold=len(al.optional_gold),
        optional_pred=len(al.optional_pred),
    )


class PRF(NamedTuple):
    p: float
    r: float
    f1: float


def prf(hits: float, possible: int, actual: int) -> PRF:
    """P = hits/ACT, R = hits/POS, F1 their harmonic mean.

    A zero denominator gives 1.0 (no prediction is wrong / no gold item is
    missed); F1 is 0.0 when P + R = 0.
    """
    p = hits / actual if actual else 1.0
    r = hits / possible if possible else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(p, r, f1)


def strict_prf(c: Counts) -> PRF:
    return prf(c.correct, c.possible, c.actual)


def lenient_prf(c: Counts) -> PRF:
    return prf(c.matched, c.possible, c.actual)
