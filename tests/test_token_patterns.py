"""The shared token-pattern matcher (claimex.extractors.token_patterns)."""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc

from claimex.extractors.token_patterns import (
    PatternMatcher,
    TokenPattern,
    WordScan,
    _alternatives,
    load_token_patterns,
    word_sequence,
)

VOCAB = spacy.blank("en").vocab


def test_set_values_expand_to_plain_alternatives():
    alts = _alternatives([[{"LOWER": {"IN": ["may", "might"]}}, {"LOWER": {"IN": ["wish", "want"]}}, {"LOWER": "to"}]])
    assert len(alts) == 4 and {"LOWER": "might"} in [a[0] for a in alts]


def test_word_sequence_matches_form_or_lemma():
    doc = Doc(VOCAB, words=["They", "made", "the", "following", "statement"], lemmas=["they", "make", "the", "follow", "statement"])
    m = PatternMatcher(VOCAB, [TokenPattern("made_statement", tuple(word_sequence(["make", "the", "following", "statement"])))])
    assert [(x.pattern.name, x.start, x.end) for x in m(doc)] == [("made_statement", 1, 5)]


def test_word_scan_finds_form_or_lemma():
    doc = Doc(VOCAB, words=["Officials", "urged", "calm"], lemmas=["official", "urge", "calm"])
    scan = WordScan(["urge", "officials"])
    assert scan(doc) == [0, 1]
    assert scan.words_at(doc) == [(0, "officials"), (1, "urge")]


def test_reading_order_is_anchor_then_longer_then_file_order():
    doc = Doc(VOCAB, words=["it", "is", "time", "to", "press", "for", "change"])
    pats = [
        TokenPattern("press", ([{"LOWER": "press"}],), order=0),
        TokenPattern("press_for", ([{"LOWER": "press"}, {"LOWER": "for"}],), order=1),
        TokenPattern("it_is_time", ([{"LOWER": "it"}, {"LOWER": "is"}, {"LOWER": "time"}],), anchor=2, order=2),
    ]
    assert [(x.pattern.name, x.anchor) for x in PatternMatcher(VOCAB, pats)(doc)] == [("it_is_time", 2), ("press_for", 4), ("press", 4)]


@pytest.mark.parametrize("name", ["recommendation_triggers"])
def test_prefiltered_matches_equal_spacy_over_the_whole_doc(pipeline, assets, name):
    """Running each sequence only around its key word finds exactly what spaCy's
    Matcher finds over the whole Doc (on every example and near miss of the file)."""
    patterns = load_token_patterns(assets, name)
    text = " ".join(s for p in patterns for s in p.examples + p.negatives)
    doc = pipeline.nlp(text)
    plain = Matcher(doc.vocab)
    for p in patterns:
        if p.tokens:
            plain.add(p.name, _alternatives(p.tokens))
    expected = {(doc.vocab.strings[k], s, e) for k, s, e in plain(doc)}
    found = {(m.pattern.name, m.start, m.end) for m in PatternMatcher(doc.vocab, patterns)(doc) if m.pattern.tokens}
    assert found == expected and len(found) > 40
