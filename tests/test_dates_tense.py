"""The tense of the verb a date hangs on, step by step (habitual, modal,
planned, past, present), on hand-built parses: no statistical model needed.
And the calendar words that keep a year after a capitalised word."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import spacy
from spacy.tokens import Doc

from claimex.assets import Assets
from claimex.extractors.dates import _tense, _words

VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower case), no statistical model


def _parse(spec: str) -> Doc:
    """"word/TAG/POS/dep/head-index/lemma ..." -> a parsed Doc."""
    rows = [t.split("/") for t in spec.split()]
    return Doc(
        VOCAB,
        words=[r[0] for r in rows],
        tags=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[int(r[4]) for r in rows],
        lemmas=[r[5] for r in rows],
    )


_ON_MONDAY = "on/IN/ADP/prep/{v}/on Monday/NNP/PROPN/pobj/{on}/Monday"


def _clause(head: str, verb_at: int) -> str:
    n = len(head.split())
    return head + " " + _ON_MONDAY.format(v=verb_at, on=n)


CASES = [
    # (tokens before "on Monday", index of the verb the date hangs on, segment kind, tense)
    ("They/PRP/PRON/nsubj/2/they will/MD/AUX/aux/2/will meet/VB/VERB/ROOT/2/meet", 2, "body", "future"),
    ("They/PRP/PRON/nsubj/2/they could/MD/AUX/aux/2/could meet/VB/VERB/ROOT/2/meet", 2, "body", ""),
    ("They/PRP/PRON/nsubj/2/they might/MD/AUX/aux/2/might meet/VB/VERB/ROOT/2/meet", 2, "body", "future"),
    ("They/PRP/PRON/nsubj/3/they would/MD/AUX/aux/3/would have/VB/AUX/aux/3/have met/VBN/VERB/ROOT/3/meet", 3, "body", "past"),
    ("They/PRP/PRON/nsubj/2/they must/MD/AUX/aux/2/must meet/VB/VERB/ROOT/2/meet", 2, "body", "future"),
    ("They/PRP/PRON/nsubj/2/they usually/RB/ADV/advmod/2/usually meet/VBP/VERB/ROOT/2/meet", 2, "body", "generic"),
    ("They/PRP/PRON/nsubj/1/they met/VBD/VERB/ROOT/1/meet", 1, "body", "past"),
    ("They/PRP/PRON/nsubj/2/they have/VBP/AUX/aux/2/have met/VBN/VERB/ROOT/2/meet", 2, "body", "past"),
    ("They/PRP/PRON/nsubj/1/they meet/VBP/VERB/ROOT/1/meet", 1, "body", "present"),
    ("Opposition/NN/NOUN/nsubj/1/opposition wins/VBZ/VERB/ROOT/1/win", 1, "title", "past"),
    ("He/PRP/PRON/nsubj/2/he is/VBZ/AUX/auxpass/2/be expected/VBN/VERB/ROOT/2/expect to/TO/PART/aux/4/to rule/VB/VERB/xcomp/2/rule", 4, "body", "future"),
    ("He/PRP/PRON/nsubj/2/he was/VBD/AUX/auxpass/2/be expected/VBN/VERB/ROOT/2/expect to/TO/PART/aux/4/to rule/VB/VERB/xcomp/2/rule", 4, "body", ""),
    ("They/PRP/PRON/nsubj/1/they meet/VB/VERB/ROOT/1/meet", 1, "body", ""),  # no finite verb: no tense
]


@pytest.mark.parametrize(("head", "verb_at", "kind", "tense"), CASES)
def test_tense_of_the_governing_verb(head, verb_at, kind, tense):
    doc = _parse(_clause(head, verb_at))
    assert _tense(doc[-1], SimpleNamespace(kind=kind)) == tense


def test_calendar_words_are_the_full_month_names_seasons_and_weekdays():
    calendar = _words(Assets()).calendar
    assert {"January", "May", "September", "Fall", "Winter", "Monday", "Sunday"} <= calendar
    assert not {"Jan", "Sept", "Sep", "Mar", "may", "MONDAY"} & calendar  # abbreviations and other cases stay out
    assert len(calendar) == 12 + 5 + 7
