"""Quotes on the held-out-style texts (``tests/data/texts/claim_*``: op-ed,
news report with continuation paragraphs, speech summary, policy brief;
expectations in ``claims_expected``): every expected quote with its kind and
speakers, the near misses, and the overall figures against the reference
point (the SFU Gender Gap Tracker's rule-based extractor: F1 0.84, speaker
accuracy 0.86 on news)."""

from __future__ import annotations

import pytest

from .claims_expected import (
    BLIND2_TEXTS,
    BLIND_TEXTS,
    DEV_TEXTS,
    NOT_QUOTES,
    QUOTES,
    locate,
    norm,
    overlaps,
    score_quotes,
)
from .conftest import TEXTS

REFERENCE_F1 = 0.84
REFERENCE_SPEAKERS = 0.86
ALL = DEV_TEXTS + BLIND_TEXTS + BLIND2_TEXTS


@pytest.fixture(scope="module")
def outputs(records_of):
    out = {}
    for name in ALL:
        text = (TEXTS / name).read_text(encoding="utf-8")
        out[name] = (text, records_of(text, doc_id=name.split(".")[0]).get("quote", []))
    return out


@pytest.mark.parametrize("name, q", [(n, q) for n in ALL for q in QUOTES[n]], ids=lambda v: v if isinstance(v, str) else v.snippet[:30])
def test_expected_quote(outputs, name, q):
    text, quotes = outputs[name]
    loc = locate(text, q.snippet)
    found = [r for r in quotes if overlaps(loc, r)]
    assert len(found) == 1, f"{q.snippet!r}: {[r['text'] for r in found]}"
    r = found[0]
    assert r["kind"] == q.kind
    assert sorted(norm(s) for s in r["speakers"]) == sorted(norm(s) for s in q.speakers)
    assert (r["cue"] is None) == (q.kind == "scare" or r["cue"] is None)
    for sp in r["speaker_spans"]:
        assert text[sp["start"] : sp["end"]] == sp["text"]


@pytest.mark.parametrize("name, snippet", [(n, s) for n in ALL for s in NOT_QUOTES.get(n, [])])
def test_near_miss_is_not_a_quote(outputs, name, snippet):
    text, quotes = outputs[name]
    loc = locate(text, snippet)
    assert [r["text"] for r in quotes if overlaps(loc, r)] == []


def test_beats_the_reference_point(outputs):
    tp = fn = fp = 0
    speakers: list[float] = []
    for name in ALL:
        text, quotes = outputs[name]
        s = score_quotes(text, quotes, QUOTES[name])
        tp, fn, fp = tp + s.tp, fn + s.fn, fp + s.fp
        speakers += s.attrs["speakers"]
    f1 = 2 * tp / (2 * tp + fn + fp)
    accuracy = sum(speakers) / len(speakers)
    assert f1 > REFERENCE_F1 and accuracy > REFERENCE_SPEAKERS, (f1, accuracy)
