"""Recommendations on sentences written for these tests: triggers by kind,
actor, action, strength, polarity and holder, and the near misses that
contain a trigger word but recommend nothing; a few end-to-end checks on the
seed."""

from __future__ import annotations

import pytest

from .conftest import SEED

INTRO = "Test sentences\n\nThe talks in the capital went on for most of the week and ended without any agreement at all.\n\n"

# (sentence, trigger, actor, action, strength, polarity, holder)
POSITIVE = [
    ("The central bank should raise interest rates before the summer.", "should", "central bank", "raise interest rates before the summer", "moderate", "do", "author"),
    ("Parliament must not delay the vote any further.", "must", "Parliament", "delay the vote any further", "strong", "dont", "author"),
    ("The ministry ought to publish its data every month.", "ought to", "ministry", "publish its data every month", "moderate", "do", "author"),
    ("Donor countries need to honour their pledges.", "need to", "Donor countries", "honour their pledges", "moderate", "do", "author"),
    ("The coalition has to agree on a budget by June.", "has to", "coalition", "agree on a budget by June", "strong", "do", "author"),
    ("It is necessary for the regulator to review the merger.", "is necessary", "regulator", "review the merger", "strong", "do", "author"),
    ("It is essential that the two leaders meet before the summit.", "is essential", "two leaders", "meet before the summit", "strong", "do", "author"),
    ("Closer coordination between the coast guards of both countries is necessary.", "is necessary", "coast guards of both countries", "Closer coordination", "strong", "do", "author"),
    ("Now is the time for the opposition to propose an alternative.", "Now is the time", "opposition", "propose an alternative", "moderate", "do", "author"),
    ("It is time for regulators to act.", "It is time", "regulators", "act", "moderate", "do", "author"),
    ("The council urged member states to ratify the treaty.", "urged", "member states", "ratify the treaty", "moderate", "do", "council"),
    ("We call on the government to withdraw the bill.", "call on", "government", "withdraw the bill", "moderate", "do", "author"),
    ("Let us work together to end this war.", "Let us", "us", "work together to end this war", "moderate", "do", "author"),
    ("For the alliance to survive, it must adapt to new threats.", "must", "alliance", "adapt to new threats", "strong", "do", "author"),
    ("Ministers should refrain from commenting on the case.", "should", "Ministers", "commenting on the case", "moderate", "dont", "author"),
    ("Lenders should avoid new exposure to the sector.", "should", "Lenders", "new exposure to the sector", "moderate", "dont", "author"),
    ("The agency could consider lowering its fees.", "could consider", "agency", "lowering its fees", "weak", "do", "author"),
    ("The government would do well to listen to farmers.", "would do well to", "government", "listen to farmers", "weak", "do", "author"),
    ("There is an urgent need for donors to step up their support.", "There is an urgent need", "donors", "step up their support", "moderate", "do", "author"),
    ("The Commission recommends that member states adopt a common tariff.", "recommends", "member states", "adopt a common tariff", "moderate", "do", "Commission"),
    ('Finance Minister Ana Ruiz said: "Banks must lend more to small firms."', "must", "Banks", "lend more to small firms", "strong", "do", "Ana Ruiz"),
    ("The opposition has long argued that the government should cut fuel taxes.", "should", "government", "cut fuel taxes", "moderate", "do", "opposition"),
    # reported speech keeps its tense back after a past reporting verb; an adjunct before 'that'
    ("The envoy told reporters on Tuesday, as the talks opened, that member states needed to give the secretariat more power.", "needed to", "member states", "give the secretariat more power", "moderate", "do", "envoy"),
    # near misses of the forecast and denial vetoes: advice with an object, without a time, in the passive, negated
    ("The government should cut premiums by autumn.", "should", "government", "cut premiums by autumn", "moderate", "do", "author"),
    ("Defence spending should rise to three percent of output.", "should", "Defence spending", "rise to three percent of output", "moderate", "do", "author"),
    ("The talks should not stop.", "should", "talks", "stop", "moderate", "dont", "author"),
    ("Fishing groups had pressed for the agency to publish its catch figures every week.", "pressed for", "agency", "publish its catch figures every week", "moderate", "do", "Fishing groups"),
    ("The chair argued for the fund to be wound down.", "argued for", None, "be wound down", "moderate", "do", "chair"),
    ("The agency should stop issuing permits for coastal mines.", "should", "agency", "issuing permits for coastal mines", "moderate", "dont", "author"),
    # near miss: 'stop X and start Y' asks for something to be done
    ("The banks should stop hoarding cash and start lending to small firms.", "should", "banks", "stop hoarding cash and start lending to small firms", "moderate", "do", "author"),
    # a 'not' after the verb negates an adjunct, not the advice; a quotation closed inside the span keeps its mark
    ('Donors ought to tie budget support to a published calendar, not to promises of "dialogue".', "ought to", "Donors", 'tie budget support to a published calendar, not to promises of "dialogue"', "moderate", "do", "author"),
    ("The regulator should never approve the merger.", "should", "regulator", "approve the merger", "moderate", "dont", "author"),
    # a comment after a comma is not part of the action
    ("Officials urged the ministry to let engineers inspect the gauges before June, when the rains usually return.", "urged", "ministry", "let engineers inspect the gauges before June", "moderate", "do", "Officials"),
    ("It is time for the bloc to reopen talks on trade, whatever happens to the transitions.", "It is time", "bloc", "reopen talks on trade", "moderate", "do", "author"),
]

# sentences with a trigger word that recommend nothing
NEGATIVE = [
    "The minister should have resigned last year.",
    "It must have been a difficult decision.",
    "Should the talks fail, sanctions will follow.",
    "Should the alliance expand eastward?",
    "Nobody knows what the government should do next.",
    "The question of who must pay remains open.",
    "The bill should pass easily.",
    "This should help the government win support.",
    "He will have to face a hostile parliament.",
    "Voters will have to wait until spring.",
    "Let us start with a look at the figures.",
    "Let us turn to the economy.",
    "The need to reform the pension system is widely accepted.",
    "There is no time to lose.",
    "The ministers agreed to meet again in May.",
    "She would like to work closely with her counterpart.",
    "Consider the case of the 2019 crisis.",
    "It should be noted that turnout was low.",
    "A majority is needed to pass the bill.",
    "Trade is vital to the region's economy.",
    "The government needed to borrow more last year.",
    "It must be true that the talks have stalled.",
    "The company does not have to publish the report.",
    "Correspondence should be addressed to the editor.",
    "Voters often ask me why prices keep rising.",
    "The union asked the ministry whether it would reopen the talks.",
    "It must have been galling for the ministry to watch the deal collapse.",
    "The ministry said last year that it had to cut spending.",
    "It should not surprise anyone that prices rose.",
    "The dispute must eventually end up before an international tribunal.",
    "Should the deal be implemented, the port would gain a naval foothold.",
    "The northern sea must be among the most unforgiving waters on earth.",
    "Officials in the capital must wonder what became of the promised ships.",
    # forecasts: an intransitive change of a quantity with a time
    "Premiums should fall by autumn.",
    "Prices should ease next year.",
    "Food prices should stabilise once the harvest is in.",
    # a denied conclusion is not advice
    "None of this means the talks should stop.",
    "This does not mean that Europe should abandon sanctions.",
    "It does not follow that the programme must be scrapped.",
]


@pytest.fixture(scope="module")
def positive(records_of):
    text = INTRO + "\n\n".join(p[0] for p in POSITIVE)
    return text, records_of(text).get("recommendation", [])


@pytest.fixture(scope="module")
def negative(records_of):
    text = INTRO + "\n\n".join(NEGATIVE)
    return text, records_of(text).get("recommendation", [])


def _in(text: str, sentence: str, recs: list[dict]) -> list[dict]:
    a = text.index(sentence)
    b = a + len(sentence)
    return [r for r in recs if a <= r["trigger"]["start"] < b]


@pytest.mark.parametrize("sentence, trigger, actor, action, strength, polarity, holder", POSITIVE)
def test_recommendation(positive, sentence, trigger, actor, action, strength, polarity, holder):
    text, recs = positive
    found = _in(text, sentence, recs)
    assert len(found) == 1, f"{sentence!r}: {[r['trigger']['text'] for r in found]}"
    r = found[0]
    assert r["trigger"]["text"] == trigger
    assert (r["actor"] or {}).get("text") == actor
    assert (r["action"] or {}).get("text") == action
    assert (r["strength"], r["polarity"]) == (strength, polarity)
    assert r["holder"] == holder
    assert r["text"] in sentence and not r["text"].endswith((".", "?"))


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_not_a_recommendation(negative, sentence):
    text, recs = negative
    assert _in(text, sentence, recs) == []


def test_coordinated_clause_is_its_own_span(records_of):
    text = INTRO + "The government is seeking a compromise, and the opposition should accept it."
    (r,) = records_of(text)["recommendation"]
    assert r["text"] == "the opposition should accept it"


@pytest.mark.parametrize(
    "sentence, span",
    [
        # a statement after a colon or semicolon is not part of the recommendation
        ("Fourth, the coast guards need to share radar data: the 2021 accord has produced few joint patrols.", "Fourth, the coast guards need to share radar data"),
        ("Ministers should act now; the cost of delay is rising.", "Ministers should act now"),
        ("The lesson is clear: the government must cut the deficit.", "the government must cut the deficit"),
        ("And let me say this plainly: the regulator must act now.", "the regulator must act now"),
        # near miss: what follows the colon is the action itself
        ("The ministry must do two things: cut waste and raise revenue.", "The ministry must do two things: cut waste and raise revenue"),
    ],
)
def test_colon_divides_statements(records_of, sentence, span):
    (r,) = records_of(INTRO + sentence)["recommendation"]
    assert r["text"] == span


def test_coordinated_directives_are_two_records(records_of):
    text = INTRO + "The envoy called on the rebels to lay down their weapons and urged the government to resume talks."
    recs = records_of(text)["recommendation"]
    assert [(r["trigger"]["text"], r["actor"]["text"], r["action"]["text"]) for r in recs] == [
        ("called on", "rebels", "lay down their weapons"),
        ("urged", "government", "resume talks"),
    ]


# -- the seed, end to end ---------------------------------------------------------


@pytest.fixture(scope="module")
def seed(records_of):
    text = SEED.read_text(encoding="utf-8")
    return text, records_of(text, doc_id="ajiss-297")["recommendation"]


def test_seed_non_recommendations(seed):
    text, recs = seed
    for phrase in ("should not be attributed", "Let us start", "he will have to face", "can and should do", "would like to"):
        a = text.index(phrase)
        assert not [r for r in recs if r["start"] <= a < r["end"]], phrase


def test_seed_reported_and_conditional_recommendations(seed):
    text, recs = seed
    maintained = next(r for r in recs if r["text"].startswith("the South Korean side should"))
    assert maintained["holder"] == "Japan" and maintained["actor"]["text"] == "South Korean side"
    conditional = next(r for r in recs if r["trigger"]["text"] == "must")
    assert conditional["actor"]["text"] == "Yoon administration"  # 'For X to ..., it must'
    now = next(r for r in recs if r["trigger"]["text"] == "Now is the time")
    assert now["actor"]["text"] == "leaders and people of both countries"


# -- a transcript or an interview speaks in someone's voice --------------------------------

SPEECH = (
    "Remarks by Trade Minister Lina Okafor to the port users' forum in Mombasa on Tuesday, 11 March 2025.\n\n"
    "Thank you all for coming. Last year our exports fell, and I know many of you felt it.\n\n"
    "We must cut the time a container waits at the gate. Port operators should publish their fees every month.\n\n"
    "After the speech, shipping lines said the plan was overdue and that the ministry should act faster.\n"
)

INTERVIEW = (
    "# Interview: Tomas Reyes on river trade\n\n"
    "Tomas Reyes directs the Delta Trade Observatory. He spoke to us in May about barges, tariffs and the drought.\n\n"
    "**Q: What should governments do first?**\n\n"
    "Governments should dredge the main channel before the dry season. Nothing else matters as much.\n\n"
    "**Q: Should tariffs go?**\n\n"
    "Tariffs on barge fuel must go, and they must go this year.\n"
)


@pytest.mark.parametrize(
    "text, holders",
    [
        (SPEECH, {"We must cut": "Lina Okafor", "Port operators should": "Lina Okafor", "the ministry should act": "shipping lines"}),
        (INTERVIEW, {"Governments should dredge": "Tomas Reyes", "Tariffs on barge fuel must go, and": "Tomas Reyes"}),
    ],
)
def test_speech_and_interview_recommendations_are_the_speakers(records_of, text, holders):
    recs = records_of(text).get("recommendation", [])
    for prefix, holder in holders.items():
        a = text.index(prefix)
        found = [r for r in recs if r["start"] <= a + len(prefix) - 1 and a < r["end"]]
        assert found and found[0]["holder"] == holder, (prefix, [(r["text"], r["holder"]) for r in recs])
    # the interviewer's questions recommend nothing
    assert not [r for r in recs if "What should governments" in r["text"] or "Should tariffs" in r["text"]]


def test_an_ordinary_commentary_has_no_voice(records_of):
    text = "# Rivers and ports\n\nBy Ana Ruiz\n\nThe barges stopped in May. Governments should dredge the main channel before the dry season.\n"
    (r,) = records_of(text)["recommendation"]
    assert r["holder"] == "author"


def test_non_recommendation_patterns_match_their_examples_not_their_negatives(assets):
    """Every pattern of models/patterns/non_recommendations.json that lists examples matches
    each of them (over the modal) and none of its near-miss negatives."""
    import re

    checked = 0
    for p in assets.patterns("non_recommendations"):
        meta = p.meta or {}
        for ex in meta.get("examples", []):
            assert any(re.search(r"\b(?:should|must)\b", m.group(0), re.I) for m in p.finditer(ex)), (p.name, ex)
            checked += 1
        for neg in meta.get("negatives", []):
            assert not any(re.search(r"\b(?:should|must)\b", m.group(0), re.I) for m in p.finditer(neg)), (p.name, neg)
    assert checked
