"""The speaker ranker (its weights, its switch, its model card) and the sieves
that close a choice before the ranker sees it (a label before a colon, a name
before a bracketed party tag). Texts are invented."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from claimex.assets import Assets
from claimex.resolve.speaker_ranker import FEATURES, OPEN_RULES, SpeakerRanker

MODELS = Path(__file__).resolve().parent.parent / "models"
OPENING = "Talks on the budget\n\nThe talks in the capital went on for most of the week and ended without an agreement.\n\n"


def _quote(records_of, paragraphs: list[str], words: str) -> dict:
    text = OPENING + "\n\n".join(paragraphs) + "\n"
    start = text.index(words)
    rec = next((q for q in records_of(text).get("quote", []) if q["start"] <= start < q["end"]), None)
    assert rec is not None, f"no quote over {words!r}"
    return rec


# (paragraphs, words inside the quote, speakers, speaker_rule prefix or None: any rule but the one named)
LABELS = [
    # a person or organisation named right before the colon that opens a cue-less quote: a label
    (['Polls were wrong again - Maria Lopez: "The polls ended too early. They missed the last week."'], "ended too early", ["Maria Lopez"], "colon_label"),
    (['More from Maria Lopez and Omar Haddad: "The count is not over. It will take a week."'], "count is not over", ["Maria Lopez", "Omar Haddad"], "colon_label"),
    # near miss: a reporting verb before the colon makes it a cue (its subject, not its object, speaks)
    (['Omar Haddad spoke after the vote, telling Maria Lopez: "The count is not over."'], "count is not over", ["Omar Haddad"], "cue_subject"),
]

BRACKETS = [
    # the party and state in brackets after a name are not the speaker, whatever the parser makes of them
    (['After the vote, Gov. Maria Lopez (R-OH), said, "The bill is dead."'], "The bill is dead.", ["Maria Lopez"], "cue_subject/name"),
    (['Senator Omar Haddad (D-Wash.) said: "We will win the House."'], "We will win", ["Omar Haddad"], "cue_subject"),
]


@pytest.mark.parametrize("paragraphs, words, speakers, rule", LABELS + BRACKETS)
def test_closing_sieves(records_of, paragraphs, words, speakers, rule):
    rec = _quote(records_of, paragraphs, words)
    assert [s.casefold() for s in rec["speakers"]] == [s.casefold() for s in speakers], rec
    assert (rec.get("speaker_rule") or "").startswith(rule), rec
    assert rule not in OPEN_RULES  # the ranker does not revisit them


@pytest.mark.parametrize(
    "paragraph",
    [
        'The delegates finally met in Lima: "The count is not over. It will take a week."',  # a place: a heading, not a speaker
        'Maria Lopez arrived late. A last message for Omar Haddad: "Not yet. Not now."',  # an addressee
    ],
)
def test_no_label_for_places_or_objects(records_of, paragraph):
    words = paragraph.split(": \"")[1][:10]
    rec = _quote(records_of, [paragraph], words)
    assert rec.get("speaker_rule") != "colon_label" and "Lima" not in rec["speakers"] and "Omar Haddad" not in rec["speakers"], rec


def test_weights_match_the_features():
    data = json.loads((MODELS / "speaker_ranker.json").read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES)
    assert data.get("format", 1) in (1, 2)
    if data.get("format", 1) == 1:
        assert len(data["weights"]) == len(data["mean"]) == len(data["scale"]) == len(FEATURES)
        assert all(s > 0 for s in data["scale"])
    else:
        assert 0 < len(data["trees"]) <= 200 and all(0 <= n[0] < len(FEATURES) for t in data["trees"] for n in t if len(n) == 4)
    assert (MODELS / "speaker_ranker.json").stat().st_size < 300_000
    assert isinstance(data["seed"], int) and data["command"].startswith("python benchmarks/train_speaker_ranker.py")


def test_switch_and_probability():
    assets = Assets()
    ranker = SpeakerRanker.load(assets)
    assert ranker is not None
    # the sieves' own pick, near the quote, speaker of the last quote: more likely than a far mention nobody picked
    near = ranker.probability({"pick": 1.0, "pick_pronoun": 1.0, "prev1": 1.0, "same_sentence": 1.0, "subject": 1.0, "speech_subject": 1.0,
                               "nearest": 1.0, "nearest_person": 1.0, "nearest_subject": 1.0, "nearest_agreeing": 1.0, "person": 1.0,
                               "has_cue": 1.0, "mentions": math.log1p(3), "quotes_before": math.log1p(2), "gender_agree": 1.0})  # fmt: skip
    far = ranker.probability({"dist": math.log1p(3000), "sentences": 6.0, "rank": 4.0, "person": 1.0, "has_cue": 1.0, "mentions": math.log1p(1)})
    assert 0.0 <= far < near <= 1.0
    assets.config.setdefault("attribution", {})["speaker_ranker"] = ""
    assert SpeakerRanker.load(assets) is None  # "" = the sieves alone


# a hand-made model of each format: (json, features, expected probability)
_TWO = ("pick", "dist")
TINY = [
    # logistic regression: z = 0.5 + 2 * (1 - 0.5) / 0.5 - 1 * (3 - 1) / 2 = 1.5
    ({"format": 1, "features": _TWO, "weights": [2.0, -1.0], "bias": 0.5, "mean": [0.5, 1.0], "scale": [0.5, 2.0], "threshold": 0.5},
     {"pick": 1.0, "dist": 3.0}, 1 / (1 + math.exp(-1.5))),
    # two trees: pick <= 0.5 ? (dist <= 2 ? -0.25 : -1) : 0.75, then dist <= 4 ? 0.1 : -0.1; base -0.5
    ({"format": 2, "features": _TWO, "base": -0.5, "threshold": 0.5,
      "trees": [[[0, 0.5, 1, 4], [1, 2.0, 2, 3], [-0.25], [-1.0], [0.75]], [[1, 4.0, 1, 2], [0.1], [-0.1]]]},
     {"pick": 0.0, "dist": 3.0}, 1 / (1 + math.exp(-(-0.5 - 1.0 + 0.1)))),
    ({"format": 2, "features": _TWO, "base": -0.5, "threshold": 0.5,
      "trees": [[[0, 0.5, 1, 4], [1, 2.0, 2, 3], [-0.25], [-1.0], [0.75]], [[1, 4.0, 1, 2], [0.1], [-0.1]]]},
     {"pick": 1.0, "dist": 5.0}, 1 / (1 + math.exp(-(-0.5 + 0.75 - 0.1)))),
    # near miss: a value equal to the threshold goes left (x <= t)
    ({"format": 2, "features": _TWO, "base": 0.0, "threshold": 0.5, "trees": [[[1, 2.0, 1, 2], [1.0], [-1.0]]]},
     {"dist": 2.0}, 1 / (1 + math.exp(-1.0))),
]  # fmt: skip


@pytest.mark.parametrize("data, feats, expected", TINY)
def test_inference_of_each_format(data, feats, expected):
    from claimex.resolve.speaker_ranker import LinearRanker, TreeRanker

    ranker = (TreeRanker if data["format"] == 2 else LinearRanker).from_json(data)
    assert ranker.consistent()
    assert math.isclose(ranker.probability(feats), expected, rel_tol=1e-12)


def test_broken_trees_are_refused():
    from claimex.resolve.speaker_ranker import TreeRanker

    assert not TreeRanker.from_json({"features": _TWO, "base": 0, "threshold": 0.5, "trees": [[[5, 0.5, 1, 2], [1.0], [0.0]]]}).consistent()
    assert not TreeRanker.from_json({"features": _TWO, "base": 0, "threshold": 0.5, "trees": [[[0, 0.5, 1, 9], [1.0]]]}).consistent()


# stored probabilities of scikit-learn's GradientBoostingClassifier fitted on SYNTHETIC (seed 0) and
# LogisticRegression likewise, for the rows PROBE: the exported JSON must give the same numbers
def _synthetic():
    import random

    rng = random.Random(0)
    X, y = [], []
    for _ in range(400):
        x = [float(rng.random() < 0.3), round(rng.uniform(0, 8), 3), float(rng.randint(0, 4))]
        z = 2.5 * x[0] - 0.6 * x[1] + (1.0 if x[2] == 0 else 0.0) + rng.gauss(0, 0.7)
        X.append(x)
        y.append(int(z > -1.5))
    return X, y


PROBE = [[1.0, 0.5, 0.0], [0.0, 3.0, 1.0], [0.0, 6.5, 4.0], [1.0, 7.9, 2.0]]
SKLEARN_TREES = [0.93982, 0.39827, 0.12495, 0.42893]
SKLEARN_LINEAR = [0.99988, 0.55407, 0.0042174, 0.20763]


@pytest.mark.parametrize("kind, expected", [("trees", SKLEARN_TREES), ("linear", SKLEARN_LINEAR)])
def test_export_reproduces_scikit_learn(tmp_path, monkeypatch, kind, expected):
    pytest.importorskip("sklearn")
    import numpy as np

    monkeypatch.syspath_prepend(str(MODELS.parent / "benchmarks"))

    import train_speaker_ranker as tr

    from claimex.resolve import speaker_ranker as sr

    features = ("a", "b", "c")
    monkeypatch.setattr(sr, "FEATURES", features)
    X, y = _synthetic()
    params = (20, 2, 0.1) if kind == "trees" else 1.0
    model = tr._fit(np.array(X), np.array(y), params)
    data = dict(tr._trees_json(model, params) if kind == "trees" else tr._linear_json(model, params), features=features, threshold=0.5)
    data = json.loads(json.dumps(data))
    ranker = (sr.TreeRanker if kind == "trees" else sr.LinearRanker).from_json(data)
    ours = [ranker.probability(dict(zip(features, x, strict=True))) for x in PROBE]
    theirs = model.predict_proba(np.array(PROBE))[:, 1]
    assert np.allclose(ours, theirs, atol=1e-5)
    assert np.allclose(ours, expected, atol=1e-4)  # the stored numbers: the library's behaviour has not drifted


def test_model_card_ships_and_names_its_figures():
    card = (MODELS / "speaker_ranker.md").read_text(encoding="utf-8")
    data = json.loads((MODELS / "speaker_ranker.json").read_text(encoding="utf-8"))
    assert data["command"] in card and f"seed {data['seed']}" in card.lower()
    for heading in ("## Features", "## Training data", "## Evaluation", "## Intended use", "## Limits"):
        assert heading in card
    assert all(f"`{f}`" in card for f in FEATURES)  # every feature is described


# (text, the phrase the parser might take for the subject, its head, the name it stands for or None: unchanged)
APPOSITIONS = [
    ("After the vote, Gov. Maria Lopez (R-OH) said the bill was dead.", "R-OH", "R-OH", "Maria Lopez"),
    ("After the vote, Gov. Maria Lopez (R-OH) said the bill was dead.", "OH", "OH", "Maria Lopez"),
    ("Col. Omar Haddad, a military spokesman in Baghdad, said the bill was dead.", "military spokesman in Baghdad", "spokesman", "Omar Haddad"),
    # near misses: a place before the bracket; an upper-case word between the comma and the phrase; no closing comma
    ("Officials in Lima (Peru) said the bill was dead.", "Peru", "Peru", None),
    ("Omar Haddad, Senate spokesman for defence, said the bill was dead.", "spokesman for defence", "spokesman", None),
    ("Omar Haddad met the spokesman for defence on Monday.", "spokesman for defence", "spokesman", None),
]


@pytest.mark.parametrize("text, phrase, head, name", APPOSITIONS)
def test_name_before_a_bracket_or_an_apposition(pipeline, monkeypatch, text, phrase, head, name):
    import claimex.resolve as resolve_stage
    from claimex.document import Span
    from claimex.extractors.cues import SpeakerPhrase

    made = []

    class Recording(resolve_stage.Attributor):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(resolve_stage, "Attributor", Recording)
    full = OPENING + text + "\n"
    pipeline.process_text(full, doc_id="apposition")
    a = full.index(phrase, len(OPENING))
    h = full.index(head, a)
    got = made[-1]._before_parenthesis(SpeakerPhrase(Span(a, a + len(phrase)), Span(h, h + len(head))))
    assert full[got.span.start : got.span.end] == (name if name is not None else phrase)


def _candidates(pipeline, paragraphs: list[str], words: str) -> dict[str, dict]:
    """The ranker's candidates (name -> features) for the quote over ``words``."""
    from claimex.resolve import speaker_ranker as sr

    text = OPENING + "\n\n".join(paragraphs) + "\n"
    at = text.index(words)
    seen: dict = {}

    def hook(att, q, cands):
        if q.start <= at < q.end:
            seen.update({c.name: c.feats for c in cands})

    sr.COLLECT.append(hook)
    try:
        pipeline.process_text(text, doc_id="ranker-features")
    finally:
        sr.COLLECT.remove(hook)
    return seen


# (paragraphs, words of the quote, candidate, feature, value)
FEATURE_CASES = [
    # the nearest mention an object or oblique of its verb, not its subject
    (["Omar Haddad dismissed the criticism of Maria Lopez on Monday.", '"It is nonsense," he said.'], "It is nonsense", "Maria Lopez", "object", 1.0),
    (["Omar Haddad dismissed the criticism of Maria Lopez on Monday.", '"It is nonsense," he said.'], "It is nonsense", "Omar Haddad", "object", 0.0),
    (["Omar Haddad dismissed the criticism of Maria Lopez on Monday.", '"It is nonsense," he said.'], "It is nonsense", "Omar Haddad", "subject", 1.0),
    # the subject of a reporting verb whose lemma the model gets wrong ('lambasted' -> 'lambast')
    (["Omar Haddad lambasted the plan on Monday.", '"It is a disgrace," he said.'], "It is a disgrace", "Omar Haddad", "speech_subject", 1.0),
    (["Omar Haddad visited the plant on Monday.", '"It is a disgrace," he said.'], "It is a disgrace", "Omar Haddad", "speech_subject", 0.0),
    # the speaker of the last quote of the same paragraph; a quote that opens its paragraph
    (['Omar Haddad said: "The count is over." Maria Lopez disagreed. "It is not over," she said.'], "It is not over", "Omar Haddad", "prev_same_paragraph", 1.0),
    (['Omar Haddad said: "The count is over." Maria Lopez disagreed. "It is not over," she said.'], "It is not over", "Maria Lopez", "prev_same_paragraph", 0.0),
    (['Omar Haddad said: "The count is over." Maria Lopez disagreed. "It is not over," she said.'], "It is not over", "Maria Lopez", "opens_paragraph", 0.0),
    (['Omar Haddad said: "The count is over."', 'Maria Lopez disagreed.', '"It is not over," she said.'], "It is not over", "Omar Haddad", "prev_same_paragraph", 0.0),
    (['Omar Haddad said: "The count is over."', 'Maria Lopez disagreed.', '"It is not over," she said.'], "It is not over", "Maria Lopez", "opens_paragraph", 1.0),
    # mentioned inside the last quote (spoken of, not speaking)
    (['Maria Lopez and Omar Haddad met on Monday.', 'Omar Haddad said: "I told Lopez that the count is over."', '"We will see," he said.'],
     "We will see", "Maria Lopez", "in_last_quote", 1.0),
    (['Maria Lopez and Omar Haddad met on Monday.', 'Omar Haddad said: "I told Lopez that the count is over."', '"We will see," he said.'],
     "We will see", "Omar Haddad", "in_last_quote", 0.0),
]  # fmt: skip


@pytest.mark.parametrize("paragraphs, words, name, feature, value", FEATURE_CASES)
def test_candidate_features(pipeline, paragraphs, words, name, feature, value):
    cands = _candidates(pipeline, paragraphs, words)
    assert name in cands, sorted(cands)
    assert cands[name][feature] == value, {k: v for k, v in cands[name].items() if v}


def test_known_only_through_a_pronoun():
    from claimex.document import Span
    from claimex.resolve.speaker_ranker import Candidate, _add

    class Q:
        start, end = 100, 120

    found: dict[str, Candidate] = {}
    _add(found, "Maria Lopez", Span(60, 63), "PERSON", Q, pronoun=True)
    _add(found, "Omar Haddad", Span(10, 21), "PERSON", Q)
    _add(found, "Omar Haddad", Span(80, 82), "PERSON", Q, pronoun=True)
    assert (found["maria lopez"].mentions, found["maria lopez"].named) == (1, 0)
    assert (found["omar haddad"].mentions, found["omar haddad"].named) == (2, 1)
    assert found["omar haddad"].feats["resolved_pronoun"] == 1.0  # its nearest mention is the pronoun


@pytest.mark.parametrize(
    "sieve, speaker_rule, in_scope_expected",
    [
        ("cue_subject", "", True),  # a cue with no speaker found: the ranker may guess
        ("passive", "", False),  # 'it was labeled "..."': a passive cue with no agent names nobody
        ("cue_subject", "cue_subject/name", False),  # a closed rule keeps its pick
        ("cue_subject", "cue_subject/pronoun", True),
    ],
)
def test_ranker_scope(sieve, speaker_rule, in_scope_expected):
    from claimex.extractors.quotes import QuoteMention
    from claimex.resolve.speaker_ranker import in_scope

    q = QuoteMention(0, 5, "partial", cue=(6, 10), sieve=sieve, speaker_rule=speaker_rule, speakers=("Roe",) if speaker_rule else ())
    assert in_scope(q) is in_scope_expected
