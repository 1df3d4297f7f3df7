"""Recommendations on the held-out-style texts (``tests/data/texts/claim_*``;
expectations in ``claims_expected``): every expected recommendation with its
trigger, actor, action, holder, strength and polarity, the near misses, and
the overall figures against the reference point, the sentence rule
"contains should/must/necessary" (F1 0.71, actor accuracy 0.17 on the seed),
computed here on the same texts."""

from __future__ import annotations

import re

import pytest

from .claims_expected import (
    BLIND2_TEXTS,
    BLIND_TEXTS,
    DEV_TEXTS,
    NOT_RECS,
    OPTIONAL_RECS,
    RECS,
    locate,
    norm,
    overlaps,
    score_recommendations,
    token_f1,
)
from .conftest import TEXTS

ALL = DEV_TEXTS + BLIND_TEXTS + BLIND2_TEXTS
_BASELINE = re.compile(r"\b(?:should|must|necessary)\b", re.I)


@pytest.fixture(scope="module")
def outputs(records_of):
    out = {}
    for name in ALL:
        text = (TEXTS / name).read_text(encoding="utf-8")
        out[name] = (text, records_of(text, doc_id=name.split(".")[0]).get("recommendation", []))
    return out


# known misses, with the reason
KNOWN = {
    "They could consider pooling": "the parser reads 'The island states themselves' as noun + verb 'states', so 'they' finds no plural antecedent",
}


def _cases():
    for n in ALL:
        for e in RECS[n]:
            marks = [pytest.mark.xfail(reason=KNOWN[e.snippet], strict=True)] if e.snippet in KNOWN else []
            yield pytest.param(n, e, marks=marks, id=f"{n}:{e.snippet[:30]}")


@pytest.mark.parametrize("name, e", list(_cases()))
def test_expected_recommendation(outputs, name, e):
    text, recs = outputs[name]
    loc = locate(text, e.snippet)
    found = [r for r in recs if overlaps(loc, r["trigger"])]
    assert len(found) == 1, f"{e.snippet!r}: {[r['text'] for r in found]}"
    r = found[0]
    assert r["trigger"]["text"] == e.trigger
    assert norm((r["actor"] or {}).get("text")) == norm(e.actor)
    assert token_f1(e.action, (r["action"] or {}).get("text")) >= 0.8
    assert r["holder"] == e.holder
    assert (r["strength"], r["polarity"]) == (e.strength, e.polarity)


@pytest.mark.parametrize("name, snippet", [(n, s) for n in ALL for s in NOT_RECS.get(n, [])])
def test_near_miss_is_not_a_recommendation(outputs, name, snippet):
    text, recs = outputs[name]
    loc = locate(text, snippet)
    assert [r["text"] for r in recs if overlaps(loc, r)] == []


def _baseline(pipeline, name: str, text: str) -> list[dict]:
    """One recommendation per body sentence that contains should/must/necessary;
    actor: the subject of the sentence's root."""
    from claimex.stages import Input

    (out,) = pipeline.process([Input(name, text=text, doc_id="baseline")])
    recs = []
    for seg in out.doc.claim_segments():
        for sent in seg.doc.sents:
            m = _BASELINE.search(sent.text)
            if not m:
                continue
            a = seg.start + sent.start_char
            subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            actor = None
            if subj is not None:
                toks = list(subj.subtree)
                actor = {"text": text[seg.start + toks[0].idx : seg.start + toks[-1].idx + len(toks[-1].text)]}
            t = {"start": a + m.start(), "end": a + m.end(), "text": m.group()}
            recs.append({"start": a, "end": a + len(sent.text), "text": sent.text, "trigger": t, "actor": actor, "action": None, "holder": "author", "strength": "moderate", "polarity": "do"})
    return recs


def test_beats_the_sentence_rule(outputs, pipeline):
    ours, base = {"tp": 0, "fn": 0, "fp": 0, "actor": []}, {"tp": 0, "fn": 0, "fp": 0, "actor": []}
    for name in ALL:
        text, recs = outputs[name]
        for acc, predicted in ((ours, recs), (base, _baseline(pipeline, name, text))):
            s = score_recommendations(text, predicted, RECS[name], OPTIONAL_RECS.get(name, []))
            acc["tp"] += s.tp
            acc["fn"] += s.fn
            acc["fp"] += s.fp
            acc["actor"] += s.attrs["actor"]

    def f1(a):
        return 2 * a["tp"] / (2 * a["tp"] + a["fn"] + a["fp"])

    def actor(a):
        return sum(a["actor"]) / max(1, len(a["actor"]))

    assert f1(ours) > f1(base) + 0.1 and f1(ours) > 0.85, (f1(ours), f1(base))
    assert actor(ours) > actor(base) + 0.2 and actor(ours) > 0.85, (actor(ours), actor(base))
