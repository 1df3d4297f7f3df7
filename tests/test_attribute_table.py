"""The attribute table gives every token exactly what spaCy's attribute ruler gives it."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from claimex.attribute_table import AttributeTable, _stand_ins, pipe

from .conftest import CORPUS, TEXTS

COLUMNS = ["ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE"]

# patterns of every form the table reads, and two it leaves to a Matcher (OP, POS)
PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "DT"}]], "attrs": {"POS": "DET"}},
    {"patterns": [[{"TAG": "DT", "LOWER": "the"}]], "attrs": {"MORPH": "Definite=Def"}},
    {"patterns": [[{"TAG": "IN", "LOWER": {"IN": ["that", "if"]}}]], "attrs": {"POS": "SCONJ"}},
    {"patterns": [[{"LOWER": "it", "DEP": "nsubj"}]], "attrs": {"MORPH": "Case=Nom"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux"]}}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": 0},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]], "attrs": {"POS": "VERB"}, "index": -1},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"TAG": "VBZ", "LOWER": "gets"}], [{"TAG": "VBD", "LOWER": "got"}]], "attrs": {"LEMMA": "get"}},
    {"patterns": [[{"TAG": "NN", "OP": "+"}]], "attrs": {"MORPH": "Number=Plur"}},  # later: wins over the first
    {"patterns": [[{"POS": "NOUN"}]], "attrs": {"LEMMA": "never"}},  # POS before the ruler: unset, never matches
    {"patterns": [[{"TAG": "DT"}]], "attrs": {"POS": "PRON"}},  # later than the DT rule above
]

DOCS = [
    # words, tags, deps, heads (absolute)
    (["The", "dog", "is", "gon", "na", "bark"], ["DT", "NN", "VBZ", "VBG", "TO", "VB"], ["det", "nsubj", "aux", "aux", "aux", "ROOT"], [1, 5, 5, 5, 5, 5]),
    (["There", "is", "nothin'", "that", "it", "gets"], ["EX", "VBZ", "NN", "IN", "PRP", "VBZ"], ["expl", "ROOT", "attr", "mark", "nsubj", "ccomp"], [1, 1, 1, 5, 5, 2]),
    (["He", "got", "a", "book", " ", "and", "it", "to", "go"], ["PRP", "VBD", "DT", "NN", "_SP", "CC", "PRP", "TO", "VB"], ["nsubj", "ROOT", "det", "dobj", "dep", "cc", "nsubj", "aux", "conj"], [1, 1, 3, 1, 3, 1, 8, 8, 1]),
    (["if"], ["IN"], ["ROOT"], [0]),
]


def _ruler():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(PATTERNS)
    return nlp, ruler


def _doc(vocab, words, tags, deps, heads):
    spaces = [w != " " and i + 1 < len(words) and words[i + 1] != " " for i, w in enumerate(words)]
    return Doc(vocab, words=words, spaces=spaces, tags=tags, deps=deps, heads=heads)


def test_the_table_reads_what_it_can_and_leaves_the_rest_to_a_matcher():
    _, ruler = _ruler()
    table = AttributeTable(ruler)
    assert sum(len(t) for _, t in table.shapes) > 0
    assert sorted({p.attr_id for p in table.patterns}) == [4, 5, 6, 7, 8, 9, 10, 11]  # not the equality ones, not OP/POS
    assert sorted(table.rest_keys.values()) == [12, 13]


@pytest.mark.parametrize("words,tags,deps,heads", DOCS)
def test_hand_built_docs_get_the_ruler_attributes(words, tags, deps, heads):
    nlp, ruler = _ruler()
    table = AttributeTable(ruler)
    expected = ruler(_doc(nlp.vocab, words, tags, deps, heads)).to_array(COLUMNS)
    got = table(_doc(nlp.vocab, words, tags, deps, heads)).to_array(COLUMNS)
    assert (got == expected).all()
    assert (expected[:, COLUMNS.index("POS")] != 0).any()  # the ruler did something


TRICKY = [
    "I ain't gonna do it, y'all. Let's go. C'mon, nothin' doin'. It gets hard; he got it. There is a dog, there are two.",
    "You gotta see it. I told you it was him. Did he? He does. She had done it, but he hadn't. Somethin' ol' is goin' on with 'em.",
    "That is the one that I want; these and those. Whether or not, because it rained, I stayed.  Two  spaces\n\nand a break.",
    "",
]


def test_the_real_model_gives_the_same_tokens(pipeline):
    nlp = pipeline.nlp
    texts = TRICKY + [f.read_text(encoding="utf-8") for d in (CORPUS, TEXTS) for f in sorted(d.iterdir())[:6] if f.suffix in (".md", ".txt")]
    stock = [d.to_array(COLUMNS) for d in nlp.pipe(texts)]
    fast = [d.to_array(COLUMNS) for d in pipe(nlp, texts, 64)]
    assert len(stock) == len(fast) == len(texts)
    for text, a, b in zip(texts, stock, fast, strict=True):
        assert a.shape == b.shape and (a == b).all(), text[:60]
    # the tricky texts exercise most of the model's non-table patterns
    ruler = nlp.get_pipe("attribute_ruler")

    table = _stand_ins(nlp)["attribute_ruler"]
    fired = {a for d in nlp.pipe(TRICKY, disable=["attribute_ruler", "lemmatizer", "ner"]) for a, *_ in ruler.match(d)}
    assert len(fired & {p.attr_id for p in table.patterns}) >= 15


def test_a_ruler_changed_after_its_table_was_built_gets_a_new_table():
    nlp, ruler = _ruler()
    nlp.add_pipe("sentencizer", first=True)  # any pipeline with the ruler
    words, tags, deps, heads = DOCS[0]
    first = _stand_ins(nlp)["attribute_ruler"]
    assert _stand_ins(nlp)["attribute_ruler"] is first  # built once
    ruler.add([[{"LOWER": "bark"}]], {"LEMMA": "woof"})
    table = _stand_ins(nlp)["attribute_ruler"]
    assert table is not first
    doc = table(_doc(nlp.vocab, words, tags, deps, heads))
    assert doc[5].lemma_ == "woof"
