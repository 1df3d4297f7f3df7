"""Reported speech without quotation marks (pipeline/extractors/reported.py).

* Every pattern of models/patterns/reported_speech.json makes an indirect
  quote of each of its examples and none of its near misses (real pipeline).
* Text -> expected content tables for the content-clause, relative and
  parenthetical frames the parser tends to misread, with near misses.
* The readers on hand-built parses (no statistical model).
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from claimex.extractors.clauses import subject_of
from claimex.extractors.reported import (
    _addressee,
    _gerund_subject_clause,
    _misread_subject,
    _relative_frame,
    _to_clause,
)

from .pattern_examples import pattern_cases, records_by_sentence

PATTERNS, EXAMPLES, NEGATIVES = pattern_cases("reported_speech")


def _indirect_in(records_of, items):
    """sentence -> [(rule, content)] of the indirect quotes starting in it."""
    return records_by_sentence(
        records_of, items, "quote", start=lambda r: r["start"], value=lambda r: (r["rule"], r["text"]),
        keep=lambda r: r["kind"] == "indirect",
    )  # fmt: skip


@pytest.fixture(scope="module")
def on_examples(records_of):
    return _indirect_in(records_of, EXAMPLES)


@pytest.fixture(scope="module")
def on_negatives(records_of):
    return _indirect_in(records_of, NEGATIVES)


def test_every_pattern_has_examples_and_negatives():
    assert PATTERNS
    for p in PATTERNS:
        assert p.examples and p.negatives, p.name
        assert p.fields.get("reader") in ("object_infinitive", "infinitive"), p.name


@pytest.mark.parametrize(("name", "sentence"), EXAMPLES)
def test_pattern_fires_on_its_examples(on_examples, name, sentence):
    assert any(rule == f"reported/{name}" for rule, _ in on_examples[sentence]), on_examples[sentence]


@pytest.mark.parametrize(("name", "sentence"), NEGATIVES)
def test_pattern_not_on_near_misses(on_negatives, name, sentence):
    assert not any(rule == f"reported/{name}" for rule, _ in on_negatives[sentence]), on_negatives[sentence]


# sentence, expected content (None: no indirect quote), rule
FRAMES = [
    # the content's subject misread as a phrase of the verb's own
    ("The budget office said about half of the new spending reflected higher interest costs.",
     "about half of the new spending reflected higher interest costs", "reported/content_clause"),
    ("Most economists say taxing consumption encourages savings and investment.",
     "taxing consumption encourages savings and investment", "reported/content_clause"),
    # 'hoped' (the model's lemma is 'hop': lemma_corrections.json)
    ("Union leaders hoped the strike would end before the holidays.", "the strike would end before the holidays", "reported/content_clause"),
    # a participle after a preposition reports for the subject of the verb the phrase modifies
    ("After saying the talks had failed, the envoy left the capital.", "the talks had failed", "reported/content_clause"),
    # a reporting verb in a relative clause: the content follows it
    ("The port rules, which officials said would take effect in May, were published on Friday.",
     "would take effect in May", "reported/content_clause"),
    # a parenthetical frame whose subject the parser hung beside the content's
    ("Voters, Clinton suggested, don't have to worry that big banks can influence politicians.",
     "Voters, Clinton suggested, don't have to worry that big banks can influence politicians", "reported/parenthetical"),
    # a phrase or an object between the verb and its 'that' clause
    ("The senator insisted during a televised debate with her rival that the tax cuts had paid for themselves.",
     "the tax cuts had paid for themselves", "reported/content_clause"),
    ("Officials expressed hope that the ceasefire would hold through the holidays.",
     "the ceasefire would hold through the holidays", "reported/content_clause"),
    # an aside between the verb and its clause ('when asked ...' is what the speaker was asked, not a cue)
    ("The senator insisted, when asked about the leak, that she had done nothing wrong.",
     "she had done nothing wrong", "reported/content_clause"),
    # a question, an explanation
    ("Sanders shook hands and asked workers if they planned to attend the caucuses.",
     "they planned to attend the caucuses", "reported/content_clause"),
    ("The minister explained how the new bridge would be paid for.",
     "how the new bridge would be paid for", "reported/content_clause"),
    # a frame the parser hung a fronted phrase from
    ("But to hit its long-term target, the advisory panel concluded, the tax must start increasing again in 2018.",
     "to hit its long-term target, the advisory panel concluded, the tax must start increasing again in 2018",
     "reported/parenthetical"),
    # 'as X noted' stands for what was said; 'as X spoke' and 'as X lamented <object>' do not
    ("As the minister told reporters, the bridge will reopen in May.", "the bridge will reopen in May", "reported/as_frame"),
    ("The bridge will reopen in May, as the minister noted.", "The bridge will reopen in May", "reported/as_frame"),
    ("As the minister spoke, the crowd began to leave the square.", None, None),
    ("As the two senators lamented illegal immigration, the governor reached out to voters.", None, None),
    # near misses: a main verb's fronted adverb, an embedded question, a noun phrase, a negated verb, the author
    ("Instead, the three capitals should agree on common terms for water use.", None, None),
    # a belief or an expectation counts with a content clause, not with an object and an infinitive
    ("Most analysts expect that the central bank will cut interest rates in June.",
     "the central bank will cut interest rates in June", "reported/content_clause"),
    ("The energy agency expects demand to grow several times over by 2040.", None, None),
    ("The report predicted how crowded the ports would become.", None, None),
    ("The minister said nothing about the ports.", None, None),
    ("The minister did not say that the ports would close.", None, None),
    ("We argue that the ports should stay open.", None, None),
]  # fmt: skip


@pytest.fixture(scope="module")
def on_frames(records_of):
    return _indirect_in(records_of, [(None, s) for s, _, _ in FRAMES])


@pytest.mark.parametrize(("sentence", "content", "rule"), FRAMES)
def test_reported_frames(on_frames, sentence, content, rule):
    found = on_frames[sentence]
    if content is None:
        assert found == []
    else:
        assert (rule, content) in found, found


# -- hand-built parses ------------------------------------------------------------


_VOCAB = spacy.blank("en").vocab


def _doc(words, heads, deps, tags=None, pos=None):
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def test_addressee_and_to_clause_object():
    # The council urged the bank to act .
    d = _doc(
        ["The", "council", "urged", "the", "bank", "to", "act", "."],
        [1, 2, 2, 4, 2, 6, 2, 2],
        ["det", "nsubj", "ROOT", "det", "dobj", "aux", "xcomp", "punct"],
    )
    clause = _to_clause(d[2])
    assert clause is not None and clause.i == 6
    assert _addressee(d[2], clause).i == 4


def test_addressee_of_on_and_of_for_clause():
    # They called on Congress to act .
    d = _doc(["They", "called", "on", "Congress", "to", "act", "."], [1, 1, 1, 2, 5, 1, 1], ["nsubj", "ROOT", "prep", "pobj", "aux", "xcomp", "punct"])
    assert _addressee(d[1], _to_clause(d[1])).i == 3
    # They called for the state to act .
    d = _doc(
        ["They", "called", "for", "the", "state", "to", "act", "."],
        [1, 1, 6, 4, 6, 6, 1, 1],
        ["nsubj", "ROOT", "mark", "det", "nsubj", "aux", "advcl", "punct"],
    )
    assert _addressee(d[1], _to_clause(d[1])).i == 4
    # near miss: no addressee ('asked for money to build roads': 'money' is no clause subject)
    d = _doc(
        ["They", "asked", "for", "money", "to", "build", "roads"],
        [1, 1, 1, 2, 5, 1, 5],
        ["nsubj", "ROOT", "prep", "pobj", "aux", "xcomp", "dobj"],
    )
    assert _addressee(d[1], _to_clause(d[1])) is None


def test_gerund_subject_clause():
    # Economists say taxing consumption encourages savings .
    d = _doc(
        ["Economists", "say", "taxing", "consumption", "encourages", "savings", "."],
        [1, 1, 1, 4, 2, 4, 1],
        ["nsubj", "ROOT", "xcomp", "nsubj", "ccomp", "dobj", "punct"],
        tags=["NNS", "VBP", "VBG", "NN", "VBZ", "NNS", "."],
    )
    assert _gerund_subject_clause(d[1]).i == 2
    # near miss: 'They kept saying ...' has no clause under the gerund
    d = _doc(["They", "kept", "saying", "no", "."], [1, 1, 1, 2, 1], ["nsubj", "ROOT", "xcomp", "dobj", "punct"], tags=["PRP", "VBD", "VBG", "DT", "."])
    assert _gerund_subject_clause(d[1]) is None


def test_relative_frame():
    # rules , which officials said will ...
    d = _doc(
        ["rules", ",", "which", "officials", "said", "will", "start"],
        [0, 0, 6, 4, 0, 6, 4],
        ["ROOT", "punct", "nsubj", "nsubj", "relcl", "aux", "ccomp"],
    )
    assert _relative_frame(d[4], d[2])
    # near miss: the verb of a main clause ('X predicted how ...') is no relative frame
    d = _doc(["X", "predicted", "how", "it", "ends"], [1, 1, 4, 4, 1], ["nsubj", "ROOT", "advmod", "nsubj", "ccomp"])
    assert not _relative_frame(d[1], d[2])


def test_misread_subject_object_before_the_clause():
    # leaders hoped the meeting , requested , would be calm  (the clause's subject read as the object)
    d = _doc(
        ["leaders", "hoped", "the", "meeting", ",", "requested", ",", "would", "be", "calm"],
        [1, 1, 3, 1, 3, 3, 1, 8, 1, 8],
        ["nsubj", "ROOT", "det", "dobj", "punct", "acl", "punct", "aux", "ccomp", "acomp"],
        tags=["NNS", "VBD", "DT", "NN", ",", "VBN", ",", "MD", "VB", "JJ"],
    )
    assert _misread_subject(d[1], d[8]).i == 3
    # near miss: a word of the verb's own between the object and the clause
    d = _doc(
        ["leaders", "hoped", "the", "meeting", "soon", "would", "be", "calm"],
        [1, 1, 3, 1, 1, 6, 1, 6],
        ["nsubj", "ROOT", "det", "dobj", "advmod", "aux", "ccomp", "acomp"],
        tags=["NNS", "VBD", "DT", "NN", "RB", "MD", "VB", "JJ"],
    )
    assert _misread_subject(d[1], d[6]) is None


def test_subject_of_a_participle_after_a_preposition():
    # After saying it failed , the envoy left
    d = _doc(
        ["After", "saying", "it", "failed", ",", "the", "envoy", "left"],
        [7, 0, 3, 1, 7, 6, 7, 7],
        ["prep", "pcomp", "nsubj", "ccomp", "punct", "det", "nsubj", "ROOT"],
        tags=["IN", "VBG", "PRP", "VBD", ",", "DT", "NN", "VBD"],
        pos=["ADP", "VERB", "PRON", "VERB", "PUNCT", "DET", "NOUN", "VERB"],
    )
    assert subject_of(d[1]).i == 6
    # near miss: a gerund after a preposition of a noun has no subject to borrow ('the plan for cutting taxes')
    d = _doc(
        ["the", "plan", "for", "cutting", "taxes"],
        [1, 1, 1, 2, 3],
        ["det", "ROOT", "prep", "pcomp", "dobj"],
        tags=["DT", "NN", "IN", "VBG", "NNS"],
        pos=["DET", "NOUN", "ADP", "VERB", "NOUN"],
    )
    assert subject_of(d[3]) is None
