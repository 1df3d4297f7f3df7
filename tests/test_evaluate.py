"""The scorer on hand-made cases with exact expected numbers (no spaCy needed)."""

from __future__ import annotations

import json

import pytest

from claimex.errors import BoundError
from claimex.evaluate import (
    Doc,
    Item,
    align,
    attribute_scores,
    check_bounds,
    count,
    lenient_prf,
    match,
    parse_bounds,
    score,
    score_document,
    sentence_around,
    split_bound_args,
    strict_prf,
    to_json,
)
from claimex.records import Line


def item(start, end, label="PERSON", optional=False, **fields):
    rec = {"start": start, "end": end, "text": "x" * (end - start), "label": label, **fields}
    if optional:
        rec["optional"] = True
    return Item(start, end, label, rec, "test")


def approx(x):
    return pytest.approx(x, abs=1e-9)


# -- matching and counts ---------------------------------------------------
# (gold, pred, (correct, incorrect, partial, missed, spurious), strict P/R/F1, lenient P/R/F1)
CASES = {
    "exact match": ([(0, 5)], [(0, 5)], (1, 0, 0, 0, 0), (1, 1, 1), (1, 1, 1)),
    "partial overlap": ([(0, 10)], [(3, 10)], (0, 0, 1, 0, 0), (0, 0, 0), (1, 1, 1)),
    "touching spans do not overlap": ([(0, 5)], [(5, 10)], (0, 0, 0, 1, 1), (0, 0, 0), (0, 0, 0)),
    "one character overlap": ([(0, 5)], [(4, 10)], (0, 0, 1, 0, 0), (0, 0, 0), (1, 1, 1)),
    "label mismatch": ([(0, 5, "PERSON")], [(0, 5, "ORG")], (0, 1, 0, 0, 0), (0, 0, 0), (1, 1, 1)),
    "two preds on one gold, largest overlap wins": ([(0, 10)], [(0, 3), (2, 10)], (0, 0, 1, 0, 1), (0, 0, 0), (0.5, 1, 2 / 3)),
    "one pred on two golds, largest overlap wins": ([(0, 4), (6, 10)], [(2, 9)], (0, 0, 1, 1, 0), (0, 0, 0), (1, 0.5, 2 / 3)),
    "same span, same label preferred in a tie": ([(0, 5, "PERSON")], [(0, 5, "ORG"), (0, 5, "PERSON")], (1, 0, 0, 0, 1), (0.5, 1, 2 / 3), (0.5, 1, 2 / 3)),
    "duplicate prediction is spurious": ([(0, 5)], [(0, 5), (0, 5)], (1, 0, 0, 0, 1), (0.5, 1, 2 / 3), (0.5, 1, 2 / 3)),
    "greedy keeps both pairs": ([(0, 10), (8, 20)], [(5, 15), (0, 6)], (0, 0, 2, 0, 0), (0, 0, 0), (1, 1, 1)),
    "nothing predicted": ([(0, 5), (7, 9)], [], (0, 0, 0, 2, 0), (1, 0, 0), (1, 0, 0)),
    "nothing in gold": ([], [(0, 5)], (0, 0, 0, 0, 1), (0, 1, 0), (0, 1, 0)),
    "both empty": ([], [], (0, 0, 0, 0, 0), (1, 1, 1), (1, 1, 1)),
    "mixed": (
        [(0, 5), (10, 20), (30, 35, "ORG"), (40, 45)],
        [(0, 5), (12, 20), (30, 35, "GPE"), (50, 55)],
        (1, 1, 1, 1, 1), (0.25, 0.25, 0.25), (0.75, 0.75, 0.75),
    ),
}  # fmt: skip


def _items(specs):
    return [item(*s) for s in specs]


@pytest.mark.parametrize("gold,pred,counts,strict,lenient", CASES.values(), ids=CASES.keys())
def test_counts_and_scores(gold, pred, counts, strict, lenient):
    c = count(align(_items(gold), _items(pred)))
    assert (c.correct, c.incorrect, c.partial, c.missed, c.spurious) == counts
    assert c.possible == len(gold) and c.actual == len(pred)
    assert tuple(strict_prf(c)) == tuple(approx(x) for x in strict)
    assert tuple(lenient_prf(c)) == tuple(approx(x) for x in lenient)


def test_largest_overlap_picks_the_right_partner():
    gold = _items([(0, 10)])
    pred = _items([(0, 3), (2, 10)])
    assert match(gold, pred) == [(0, 1)]


def test_strict_counts_equal_an_exact_matcher():
    """Largest overlap first never steals an identical span-and-label partner."""
    import random
    from collections import Counter

    rng = random.Random(7)

    def spans(n):
        out = []
        for _ in range(n):
            s = rng.randint(0, 40)
            out.append((s, s + rng.randint(1, 8), rng.choice("AB")))
        return out

    for _ in range(500):
        gold, pred = spans(rng.randint(0, 7)), spans(rng.randint(0, 7))
        exact = sum((Counter(gold) & Counter(pred)).values())
        assert count(align(_items(gold), _items(pred))).correct == exact, (gold, pred)


# (gold, pred, counts, optional gold set aside, predictions set aside)
OPTIONAL = {
    "optional gold and its overlapping pred removed": (
        [(0, 5, "PERSON", True), (10, 15)], [(1, 4), (10, 15), (20, 25)], (1, 0, 0, 0, 1), 1, 1,
    ),
    "optional gold not predicted costs nothing": ([(0, 5, "PERSON", True)], [], (0, 0, 0, 0, 0), 1, 0),
    "every pred overlapping an optional gold goes": ([(0, 10, "ORG", True)], [(0, 4), (3, 10), (9, 12)], (0, 0, 0, 0, 0), 1, 3),
    "a pred touching an optional gold stays": ([(0, 5, "ORG", True)], [(5, 9)], (0, 0, 0, 0, 1), 1, 0),
}  # fmt: skip


@pytest.mark.parametrize("gold,pred,counts,opt_gold,opt_pred", OPTIONAL.values(), ids=OPTIONAL.keys())
def test_optional_gold(gold, pred, counts, opt_gold, opt_pred):
    c = count(align(_items(gold), _items(pred)))
    assert (c.correct, c.incorrect, c.partial, c.missed, c.spurious) == counts
    assert (c.optional_gold, c.optional_pred) == (opt_gold, opt_pred)


def test_optional_scores():
    c = count(align(_items([(0, 5, "PERSON", True), (10, 15)]), _items([(1, 4), (10, 15), (20, 25)])))
    assert tuple(strict_prf(c)) == (approx(0.5), approx(1.0), approx(2 / 3))


def test_recommendations_have_no_label():
    g = Item(0, 20, None, {"start": 0, "end": 20, "text": "t"}, "g")
    p = Item(0, 20, None, {"start": 0, "end": 20, "text": "t"}, "p")
    assert count(align([g], [p])).correct == 1


# -- attributes --------------------------------------------------------------


def span(start, end):
    return {"start": start, "end": end, "text": "x" * (end - start)}


# (type, gold fields, pred fields, attribute, expected score)
ATTRIBUTES = {
    "canonical normalised": ("entity", {"canonical": "The  Harbour Board"}, {"canonical": "harbour board"}, "canonical", 1.0),
    "canonical differs": ("entity", {"canonical": "Harbour Board"}, {"canonical": "Harbour Boards"}, "canonical", 0.0),
    "'the' only dropped at the start": ("entity", {"canonical": "Bank of the West"}, {"canonical": "Bank of West"}, "canonical", 0.0),
    "label": ("entity", {"label": "GPE"}, {"label": "LOC"}, "label", 0.0),
    "date value": ("date", {"value": "2030-06"}, {"value": "2030-06"}, "value", 1.0),
    "mod null agrees": ("date", {"mod": None}, {"mod": None}, "mod", 1.0),
    "mod differs": ("date", {"mod": "APPROX"}, {"mod": None}, "mod", 0.0),
    "speakers equal as sets": ("quote", {"speakers": ["Ana Ruiz", "Li Wei"]}, {"speakers": ["li wei", "ana  ruiz"]}, "speakers", 1.0),
    "speakers intersect": ("quote", {"speakers": ["Ana Ruiz", "Li Wei"]}, {"speakers": ["Ana Ruiz"]}, "speakers", 0.0),
    "speakers partial set-F1": ("quote", {"speakers": ["Ana Ruiz", "Li Wei"]}, {"speakers": ["Ana Ruiz"]}, "speakers_partial", 2 / 3),
    "speakers partial disjoint": ("quote", {"speakers": ["Ana Ruiz"]}, {"speakers": ["Li Wei"]}, "speakers_partial", 0.0),
    "no speakers on either side": ("quote", {"speakers": []}, {"speakers": []}, "speakers_partial", 1.0),
    "cue null vs span": ("quote", {"cue": None}, {"cue": span(3, 7)}, "cue", 0.0),
    "holder author": ("recommendation", {"holder": "author"}, {"holder": "Author"}, "holder", 1.0),
    "holder set order-free": ("recommendation", {"holder": "Ana Ruiz; Li Wei"}, {"holder": "Li Wei;ana ruiz"}, "holder", 1.0),
    "holder subset": ("recommendation", {"holder": "Ana Ruiz; Li Wei"}, {"holder": "Ana Ruiz"}, "holder", 0.0),
    "actor both null": ("recommendation", {"actor": None}, {"actor": None}, "actor", 1.0),
    "actor one null": ("recommendation", {"actor": span(0, 5)}, {"actor": None}, "actor", 0.0),
    "actor overlap": ("recommendation", {"actor": span(0, 9)}, {"actor": span(4, 9)}, "actor", 1.0),
    "actor touching": ("recommendation", {"actor": span(0, 5)}, {"actor": span(5, 9)}, "actor", 0.0),
    "action token F1": ("recommendation", {"action": {"start": 0, "end": 1, "text": "raise the levy next year"}}, {"action": {"start": 0, "end": 1, "text": "Raise the levy"}}, "action", 0.75),
    "action both null": ("recommendation", {"action": None}, {"action": None}, "action", 1.0),
    "action one null": ("recommendation", {"action": None}, {"action": {"start": 0, "end": 1, "text": "act"}}, "action", 0.0),
    "trigger overlap": ("recommendation", {"trigger": span(10, 16)}, {"trigger": span(10, 14)}, "trigger", 1.0),
    "polarity": ("recommendation", {"polarity": "do"}, {"polarity": "dont"}, "polarity", 0.0),
}  # fmt: skip


@pytest.mark.parametrize("type_,gold,pred,attr,expected", ATTRIBUTES.values(), ids=ATTRIBUTES.keys())
def test_attribute(type_, gold, pred, attr, expected):
    assert attribute_scores(type_, gold, pred)[attr] == approx(expected)


def test_attribute_scores_average_over_matches_only():
    gold = [item(0, 5, canonical="Ana Ruiz"), item(10, 15, canonical="Li Wei"), item(20, 25, canonical="Omar")]
    pred = [item(0, 5, canonical="ana ruiz"), item(10, 14, canonical="Wei")]
    counts, attrs, findings = score_document("d", "entity", gold, pred)
    assert (attrs["canonical"].total, attrs["canonical"].n, attrs["canonical"].score) == (1.0, 2, 0.5)
    assert counts.missed == 1
    assert sorted(f.kind for f in findings) == ["boundary", "canonical", "missed"]


# -- documents: pairing, micro-averaging, coverage ------------------------------


def doc(doc_id, spans, types=("entity",), type_="entity"):
    lines = [
        Line("mem", i + 1, {"doc_id": doc_id, "type": type_, "id": f"{doc_id}:{i}", "start": s, "end": e, "text": "x" * (e - s), "label": "ORG", "canonical": "x"})
        for i, (s, e) in enumerate(spans)
    ]
    return Doc(doc_id, f"{doc_id}.jsonl", frozenset(types), {type_: lines} if lines else {})


def test_micro_average_over_two_documents():
    gold = {"a": doc("a", [(0, 5), (10, 15)]), "b": doc("b", [(0, 5), (10, 15)])}
    pred = {"a": doc("a", [(0, 5), (10, 15)]), "b": doc("b", [])}
    ev = score(pred, gold)
    res = ev.results["entity"]
    assert res.documents == 2
    assert (res.counts.correct, res.counts.missed) == (2, 2)
    # micro: P = 2/2, R = 2/4, F1 = 2/3 (the macro mean of F1 would be 0.5)
    assert tuple(res.strict) == (approx(1.0), approx(0.5), approx(2 / 3))


def test_missing_documents_are_reported_not_scored():
    gold = {"a": doc("a", [(0, 5)]), "b": doc("b", [(0, 5)])}
    pred = {"a": doc("a", [(0, 5)]), "c": doc("c", [(0, 5)])}
    ev = score(pred, gold)
    assert ev.documents == ["a"] and ev.missing_pred == ["b"] and ev.missing_gold == ["c"]
    assert ev.results["entity"].counts.correct == 1 and ev.results["entity"].counts.missed == 0
    assert any("no prediction" in w and "b" in w for w in ev.warnings)
    assert any("no gold" in w and "c" in w for w in ev.warnings)


def test_only_types_the_gold_annotates_are_scored():
    gold = {"a": doc("a", [(0, 5)], types=("date",), type_="entity")}
    pred = {"a": doc("a", [(0, 5), (7, 9)])}
    ev = score(pred, gold)
    assert "entity" not in ev.results and set(ev.results) == {"date"}
    assert ev.results["date"].counts.possible == 0


def test_types_filter():
    gold = {"a": doc("a", [(0, 5)])}
    ev = score({"a": doc("a", [(0, 5)])}, gold, types=["date"])
    assert "entity" not in ev.results


# -- bounds --------------------------------------------------------------------


def _evaluation():
    gold = {"a": doc("a", [(0, 5), (10, 15)])}
    pred = {"a": doc("a", [(0, 5), (11, 15), (20, 22)])}
    return score(pred, gold, types=["entity"])  # strict P 1/3 R 1/2; lenient P 2/3 R 1


def test_parse_bounds_space_and_comma_separated():
    bounds = parse_bounds(["date.f1=0.9 quote.strict.p=0.5", "entity.canonical=1,recommendation.holder=0"])
    assert [(b.key, b.value) for b in bounds] == [("date.f1", 0.9), ("quote.strict.p", 0.5), ("entity.canonical", 1.0), ("recommendation.holder", 0.0)]


@pytest.mark.parametrize("spec,named", [("date.value2=0.5", "date.value2"), ("dates.f1=0.5", "dates.f1"), ("quote.value=0.1", "quote.value"), ("entity=0.5", "entity")])
def test_unknown_bound_key_names_the_key(spec, named):
    with pytest.raises(BoundError, match=f"unknown --fail-under key '{named}'"):
        parse_bounds([spec])


@pytest.mark.parametrize("spec", ["date.f1", "date.f1=", "date.f1=high", "date.f1=1.5", "date.f1=-0.1", "=0.5"])
def test_bad_bound(spec):
    with pytest.raises(BoundError, match="invalid --fail-under bound"):
        parse_bounds([spec])


def test_check_bounds_pass_and_fail():
    ev = _evaluation()
    results = check_bounds(ev, parse_bounds(["entity.f1=0.8 entity.strict.p=0.3 entity.strict.r=0.6 entity.canonical=1"]))
    assert [(r.key, r.ok) for r in results] == [("entity.f1", True), ("entity.strict.p", True), ("entity.strict.r", False), ("entity.canonical", True)]
    assert "entity.strict.r = 0.5000 is below the bound 0.6" in results[2].message


def test_bound_on_exact_value_passes():
    ev = _evaluation()
    assert check_bounds(ev, parse_bounds(["entity.strict.r=0.5"]))[0].ok


def test_bound_on_unscored_figure_fails():
    ev = _evaluation()
    (r,) = check_bounds(ev, parse_bounds(["date.f1=0.1"]))
    assert not r.ok and "not available (no gold document annotates date)" in r.message


def test_bounds_fail_when_a_gold_document_has_no_prediction():
    gold = {"a": doc("a", [(0, 5)]), "b": doc("b", [(0, 5)])}
    ev = score({"a": doc("a", [(0, 5)])}, gold)
    results = check_bounds(ev, parse_bounds(["entity.f1=0.5"]))
    assert results[0].ok and not results[-1].ok and "b" in results[-1].message


def test_split_bound_args():
    assert split_bound_args(["p/", "date.f1=0.5", "g/"], True) == (["p/", "g/"], ["date.f1=0.5"])
    assert split_bound_args(["p/", "date.f1=0.5"], False) == (["p/", "date.f1=0.5"], [])


# -- JSON ----------------------------------------------------------------------------


def test_json_shape():
    ev = _evaluation()
    out = json.loads(json.dumps(to_json(ev, check_bounds(ev, parse_bounds(["entity.f1=0.9"])), with_errors=True)))
    assert set(out) == {"documents", "types", "figures", "warnings", "bounds", "errors"}
    assert out["documents"] == {"scored": ["a"], "missing_prediction": [], "missing_gold": []}
    ent = out["types"]["entity"]
    assert set(ent) == {"documents", "counts", "strict", "lenient", "attributes"}
    assert ent["counts"] == {
        "correct": 1, "incorrect": 0, "partial": 1, "missed": 0, "spurious": 1,
        "optional_gold": 0, "optional_pred": 0, "possible": 2, "actual": 3,
    }  # fmt: skip
    assert ent["lenient"] == {"p": approx(2 / 3), "r": 1.0, "f1": approx(0.8)}
    assert ent["attributes"]["canonical"] == {"score": 1.0, "n": 2}
    assert out["figures"]["entity.strict.p"] == approx(1 / 3)
    assert out["bounds"] == [{"key": "entity.f1", "bound": 0.9, "value": approx(0.8), "ok": False, "message": "entity.f1 = 0.8000 is below the bound 0.9"}]
    assert [e["kind"] for e in out["errors"]] == ["boundary", "spurious"]
    assert out["errors"][1]["pred"] == {"start": 20, "end": 22, "text": "xx", "id": "a:2", "where": "mem:3"}


# -- sentences for --errors -----------------------------------------------------------

SENTENCES = {
    "middle sentence": ("One thing. The mill closed in May. Then rain.", "May", "The mill closed in [[May]]."),
    "abbreviation kept": ("Rain fell. The U.S. Navy and Dr. Ames left. Done.", "Ames", "The U.S. Navy and Dr. [[Ames]] left."),
    "paragraph break ends it": ("Heading line\n\nA new paragraph about Ames", "Ames", "A new paragraph about [[Ames]]"),
    "quote mark after stop": ('He said "Go home." Ames left. Later.', "Ames", "[[Ames]] left."),
    "line wrap joined": ("The mill\nclosed in May. Next.", "May", "The mill closed in [[May]]."),
}  # fmt: skip


@pytest.mark.parametrize("text,needle,expected", SENTENCES.values(), ids=SENTENCES.keys())
def test_sentence_around(text, needle, expected):
    i = text.index(needle)
    assert sentence_around(text, i, i + len(needle)) == expected


def test_sentence_around_long_text_is_cut():
    text = "word " * 200 + "Ames" + " word" * 200
    i = text.index("Ames")
    out = sentence_around(text, i, i + 4, window=20)
    assert out.startswith("\u2026 ") and out.endswith(" \u2026") and "[[Ames]]" in out
