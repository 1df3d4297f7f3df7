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
    assert len(data["weights"]) == len(data["mean"]) == len(data["scale"]) == len(FEATURES)
    assert all(s > 0 for s in data["scale"])
    assert isinstance(data["seed"], int) and data["command"].startswith("python benchmarks/train_speaker_ranker.py")


def test_switch_and_probability():
    assets = Assets()
    ranker = SpeakerRanker.load(assets)
    assert ranker is not None
    at_mean = ranker.probability(dict(zip(FEATURES, ranker.mean, strict=True)))
    assert math.isclose(at_mean, 1 / (1 + math.exp(-ranker.bias)))
    # the sieves' own pick, near the quote, speaker of the last quote: more likely than a far mention nobody picked
    near = ranker.probability({"pick": 1.0, "prev1": 1.0, "same_sentence": 1.0, "subject": 1.0, "speech_subject": 1.0, "nearest": 1.0, "person": 1.0})
    far = ranker.probability({"dist": math.log1p(3000), "sentences": 6.0, "rank": 4.0, "person": 1.0})
    assert 0.0 <= far < near <= 1.0
    assets.config.setdefault("attribution", {})["speaker_ranker"] = ""
    assert SpeakerRanker.load(assets) is None  # "" = the sieves alone


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
