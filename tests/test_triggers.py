"""Recommendation triggers (models/patterns/recommendation_triggers.json).

* Every pattern fires on each of its examples and not on its near misses
  (through the real pipeline), and each near miss is a real near miss: the
  pattern's tokens match in it, so a reader or a veto is what turns it down.
* The readers and vetoes on hand-built parses (no statistical model): a rule
  bug and a model change no longer look alike.
* A bad pattern file stops the run with one line naming the file and the pattern.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace

import pytest
import spacy
from spacy.tokens import Doc

from claimex.assets import Assets
from claimex.errors import AssetError
from claimex.extractors.token_patterns import PatternMatcher
from claimex.extractors.triggers import READERS, VETOES, TriggerLexicon, read_triggers

from .pattern_examples import INTRO, pattern_cases, records_by_sentence

PATTERNS, EXAMPLES, NEGATIVES = pattern_cases("recommendation_triggers")


def _rules_by_sentence(records_of, items):
    return records_by_sentence(records_of, items, "recommendation", start=lambda r: r["trigger"]["start"], value=lambda r: r["rule"])


@pytest.fixture(scope="module")
def fired_on_examples(records_of):
    return _rules_by_sentence(records_of, EXAMPLES)


@pytest.fixture(scope="module")
def fired_on_negatives(records_of):
    return _rules_by_sentence(records_of, NEGATIVES)


def test_every_pattern_has_examples_and_negatives():
    assert [p.name for p in PATTERNS if not p.examples or not p.negatives] == []


@pytest.mark.parametrize("name, sentence", EXAMPLES)
def test_pattern_fires_on_its_example(fired_on_examples, name, sentence):
    assert f"recommendation/{name}" in fired_on_examples[sentence]


@pytest.mark.parametrize("name, sentence", NEGATIVES)
def test_pattern_does_not_fire_on_its_negative(fired_on_negatives, name, sentence):
    assert f"recommendation/{name}" not in fired_on_negatives[sentence]


_LEXICAL = ("LOWER", "LEMMA", "ORTH", "TEXT")


def _lexical(p):
    """The pattern's words only (no POS, TAG or DEP): what a near miss shares with it."""
    if p.tokens:
        return replace(p, tokens=tuple([{k: v for k, v in d.items() if k in _LEXICAL} for d in alt] for alt in p.tokens))
    node = next(d for d in p.dependencies if d["RIGHT_ID"] == p.anchor)
    return replace(p, tokens=([{k: v for k, v in node["RIGHT_ATTRS"].items() if k in _LEXICAL}],), dependencies=(), anchor=0)


def test_negatives_are_near_misses(pipeline):
    """Each negative has the pattern's words: a reader, a veto or the pattern's
    POS/TAG/DEP constraints are what turn it down."""
    docs = dict(zip([s for _, s in NEGATIVES], pipeline.nlp.pipe(s for _, s in NEGATIVES), strict=True))
    matcher = PatternMatcher(pipeline.nlp.vocab, [_lexical(p) for p in PATTERNS])
    missing = [(name, s) for name, s in NEGATIVES if not any(m.pattern.name == name for m in matcher(docs[s]))]
    assert missing == []


def test_every_registered_veto_and_reader_is_used():
    lex = TriggerLexicon.load(Assets())
    used_vetoes = {name for t in lex.triggers.values() for name, _ in t.vetoes}
    used_readers = {t.reader.name for t in lex.triggers.values()}
    assert (set(VETOES) - used_vetoes, set(READERS) - used_readers) == (set(), set())


# -- hand-built parses -------------------------------------------------------------------
# one token a line: text TAG POS dep head-index [lemma [entity]] (lemma defaults to the lower-case text)

PARSES = {
    "The central bank should raise interest rates.": """
        The DT DET det 2 | central JJ ADJ amod 2 | bank NN NOUN nsubj 4 | should MD AUX aux 4 | raise VB VERB ROOT 4
        interest NN NOUN compound 6 | rates NNS NOUN dobj 4 rate | . . PUNCT punct 4""",
    "The minister should have resigned last year.": """
        The DT DET det 1 | minister NN NOUN nsubj 4 | should MD AUX aux 4 | have VB AUX aux 4 | resigned VBN VERB ROOT 4 resign
        last JJ ADJ amod 6 last DATE | year NN NOUN npadvmod 4 year DATE | . . PUNCT punct 4""",
    "Should the talks fail, sanctions will follow.": """
        Should MD AUX aux 3 | the DT DET det 2 | talks NNS NOUN nsubj 3 talk | fail VB VERB advcl 7 | , , PUNCT punct 7
        sanctions NNS NOUN nsubj 7 sanction | will MD AUX aux 7 | follow VB VERB ROOT 7 | . . PUNCT punct 7""",
    "This should help the government.": """
        This DT PRON nsubj 2 | should MD AUX aux 2 | help VB VERB ROOT 2 | the DT DET det 4 | government NN NOUN dobj 2 | . . PUNCT punct 2""",
    "Premiums should fall by autumn.": """
        Premiums NNS NOUN nsubj 2 premium | should MD AUX aux 2 | fall VB VERB ROOT 2 | by IN ADP prep 2
        autumn NN NOUN pobj 3 autumn DATE | . . PUNCT punct 2""",
    # near miss of the forecast veto: the same words with no time after the verb
    "Premiums should fall.": """
        Premiums NNS NOUN nsubj 2 premium | should MD AUX aux 2 | fall VB VERB ROOT 2 | . . PUNCT punct 2""",
    "It must be true.": """
        It PRP PRON nsubj 2 | must MD AUX aux 2 | be VB AUX ROOT 2 | true JJ ADJ acomp 2 | . . PUNCT punct 2""",
    "The law ought to be reformed.": """
        The DT DET det 1 | law NN NOUN nsubj 2 | ought MD AUX ROOT 2 | to TO PART aux 5 | be VB AUX auxpass 5
        reformed VBN VERB xcomp 2 reform | . . PUNCT punct 2""",
    "The ministry ought to have published its data.": """
        The DT DET det 1 | ministry NN NOUN nsubj 2 | ought MD AUX ROOT 2 | to TO PART aux 5 | have VB AUX aux 5
        published VBN VERB xcomp 2 publish | its PRP$ PRON poss 7 | data NNS NOUN dobj 5 datum | . . PUNCT punct 2""",
    "Voters will need to wait until spring.": """
        Voters NNS NOUN nsubj 2 voter | will MD AUX aux 2 | need VB VERB ROOT 2 | to TO PART aux 4 | wait VB VERB xcomp 2
        until IN ADP prep 4 | spring NN NOUN pobj 5 spring DATE | . . PUNCT punct 2""",
    "She said that member states needed to act.": """
        She PRP PRON nsubj 1 | said VBD VERB ROOT 1 say | that IN SCONJ mark 5 | member NN NOUN compound 4
        states NNS NOUN nsubj 5 state | needed VBD VERB ccomp 1 need | to TO PART aux 7 | act VB VERB xcomp 5 | . . PUNCT punct 1""",
    "The government needed to borrow more.": """
        The DT DET det 1 | government NN NOUN nsubj 2 | needed VBD VERB ROOT 2 need | to TO PART aux 4 | borrow VB VERB xcomp 2
        more JJR ADJ dobj 4 | . . PUNCT punct 2""",
    "The agency could consider refraining from new loans.": """
        The DT DET det 1 | agency NN NOUN nsubj 3 | could MD AUX aux 3 | consider VB VERB ROOT 3 | refraining VBG VERB xcomp 3 refrain
        from IN ADP prep 4 | new JJ ADJ amod 7 | loans NNS NOUN pobj 5 loan | . . PUNCT punct 3""",
    "Closer coordination between the coast guards is necessary.": """
        Closer JJR ADJ amod 1 close | coordination NN NOUN nsubj 6 | between IN ADP prep 1 | the DT DET det 5
        coast NN NOUN compound 5 | guards NNS NOUN pobj 2 guard | is VBZ AUX ROOT 6 be | necessary JJ ADJ acomp 6 | . . PUNCT punct 6""",
    "A majority is needed to pass the bill.": """
        A DT DET det 1 | majority NN NOUN nsubjpass 3 | is VBZ AUX auxpass 3 be | needed VBN VERB ROOT 3 need
        to TO PART aux 5 | pass VB VERB xcomp 3 | the DT DET det 7 | bill NN NOUN dobj 5 | . . PUNCT punct 3""",
    "It is incumbent on the government to act.": """
        It PRP PRON nsubj 1 | is VBZ AUX ROOT 1 be | incumbent JJ ADJ acomp 1 | on IN ADP prep 2 | the DT DET det 5
        government NN NOUN pobj 3 | to TO PART aux 7 | act VB VERB xcomp 1 | . . PUNCT punct 1""",
    "There is a need for donors to act.": """
        There EX PRON expl 1 | is VBZ VERB ROOT 1 be | a DT DET det 3 | need NN NOUN attr 1 | for IN SCONJ mark 7
        donors NNS NOUN nsubj 7 donor | to TO PART aux 7 | act VB VERB advcl 3 | . . PUNCT punct 1""",
    "It is time for regulators to act.": """
        It PRP PRON nsubj 1 | is VBZ AUX ROOT 1 be | time NN NOUN attr 1 | for IN SCONJ mark 6
        regulators NNS NOUN nsubj 6 regulator | to TO PART aux 6 | act VB VERB relcl 2 | . . PUNCT punct 1""",
    "The council urged member states to ratify the treaty.": """
        The DT DET det 1 | council NN NOUN nsubj 2 | urged VBD VERB ROOT 2 urge | member NN NOUN compound 4
        states NNS NOUN dobj 2 state | to TO PART aux 6 | ratify VB VERB xcomp 2 | the DT DET det 8 | treaty NN NOUN dobj 6 | . . PUNCT punct 2""",
    "The report suggests that the bank cut rates.": """
        The DT DET det 1 | report NN NOUN nsubj 2 | suggests VBZ VERB ROOT 2 suggest | that IN SCONJ mark 6 | the DT DET det 5
        bank NN NOUN nsubj 6 | cut VBD VERB ccomp 2 | rates NNS NOUN dobj 6 rate | . . PUNCT punct 2""",
    "The report suggests that the bank should cut rates.": """
        The DT DET det 1 | report NN NOUN nsubj 2 | suggests VBZ VERB ROOT 2 suggest | that IN SCONJ mark 7 | the DT DET det 5
        bank NN NOUN nsubj 7 | should MD AUX aux 7 | cut VB VERB ccomp 2 | rates NNS NOUN dobj 7 rate | . . PUNCT punct 2""",
    "The opposition pressed for a ceasefire.": """
        The DT DET det 1 | opposition NN NOUN nsubj 2 | pressed VBD VERB ROOT 2 press | for IN ADP prep 2 | a DT DET det 5
        ceasefire NN NOUN pobj 3 | . . PUNCT punct 2""",
    "The opposition pressed for the agency to publish data.": """
        The DT DET det 1 | opposition NN NOUN nsubj 2 | pressed VBD VERB ROOT 2 press | for IN SCONJ mark 7 | the DT DET det 5
        agency NN NOUN nsubj 7 | to TO PART aux 7 | publish VB VERB advcl 2 | data NNS NOUN dobj 7 datum | . . PUNCT punct 2""",
    "The opposition was pressed to publish data.": """
        The DT DET det 1 | opposition NN NOUN nsubjpass 3 | was VBD AUX auxpass 3 be | pressed VBN VERB ROOT 3 press
        to TO PART aux 5 | publish VB VERB xcomp 3 | data NNS NOUN dobj 5 datum | . . PUNCT punct 3""",
    "Let us turn to the economy.": """
        Let VB VERB ROOT 0 | us PRP PRON nsubj 2 we | turn VB VERB ccomp 0 | to IN ADP prep 2 | the DT DET det 5
        economy NN NOUN pobj 3 | . . PUNCT punct 0""",
    "Let us work together.": """
        Let VB VERB ROOT 0 | us PRP PRON nsubj 2 we | work VB VERB ccomp 0 | together RB ADV advmod 2 | . . PUNCT punct 0""",
    "Do not cut the aid budget.": """
        Do VB AUX aux 2 | not RB PART neg 2 | cut VB VERB ROOT 2 | the DT DET det 5 | aid NN NOUN compound 5
        budget NN NOUN dobj 2 | . . PUNCT punct 2""",
    "Establish a task force.": """
        Establish VB VERB ROOT 0 | a DT DET det 3 | task NN NOUN compound 3 | force NN NOUN dobj 0 | . . PUNCT punct 0""",
    "Take, for example, the port.": """
        Take VB VERB ROOT 0 | , , PUNCT punct 0 | for IN ADP prep 0 | example NN NOUN pobj 2 | , , PUNCT punct 0
        the DT DET det 6 | port NN NOUN dobj 0 | . . PUNCT punct 0""",
    "Take the port.": """
        Take VB VERB ROOT 0 | the DT DET det 2 | port NN NOUN dobj 0 | . . PUNCT punct 0""",
}

VOCAB = spacy.blank("en").vocab  # lexical attributes (LOWER, is_punct) without a statistical model


def parse(sentence: str) -> Doc:
    rows = [r.split() for line in PARSES[sentence].strip().splitlines() for r in line.split("|")]
    words = [r[0] for r in rows]
    assert " ".join(words).replace(" ,", ",").replace(" .", ".") == sentence, sentence
    ents = []
    for k, r in enumerate(rows):
        label = r[6] if len(r) > 6 else None
        ents.append("O" if label is None else ("I-" if k and len(rows[k - 1]) > 6 and rows[k - 1][6] == label else "B-") + label)
    return Doc(
        VOCAB,
        words=words,
        spaces=[k + 1 < len(words) and words[k + 1] not in (",", ".") for k in range(len(words))],
        tags=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[int(r[4]) for r in rows],
        lemmas=[r[5] if len(r) > 5 else r[0].lower() for r in rows],
        ents=ents,
    )


def _text(toks) -> str | None:
    """The tokens' words, without punctuation at the ends (as records are trimmed)."""
    if toks is None:
        return None
    toks = list(toks)
    while toks and toks[-1].is_punct:
        toks.pop()
    return " ".join(t.text for t in toks)


# (sentence, rule of the first reading or None, trigger, actor, action, polarity)
HAND_BUILT = [
    ("The central bank should raise interest rates.", "modal_should", "should", "The central bank", "raise interest rates", "do"),
    ("The minister should have resigned last year.", None, None, None, None, None),  # veto perfect
    ("Should the talks fail, sanctions will follow.", None, None, None, None, None),  # veto inverted_subject
    ("This should help the government.", None, None, None, None, None),  # veto predictive_subject
    ("Premiums should fall by autumn.", None, None, None, None, None),  # veto forecast_change (a DATE after the verb)
    ("Premiums should fall.", "modal_should", "should", "Premiums", "fall", "do"),
    ("It must be true.", None, None, None, None, None),  # veto epistemic_predicate
    # the modal is the root: the verb is found past the auxiliary chain; a passive subject is no actor
    ("The law ought to be reformed.", "modal_ought_to", "ought to", None, "be reformed", "do"),
    ("The ministry ought to have published its data.", None, None, None, None, None),  # veto perfect
    ("Voters will need to wait until spring.", None, None, None, None, None),  # veto predicted_or_denied
    ("She said that member states needed to act.", "semi_modal_need_to", "needed to", "member states", "act", "do"),  # backshifted
    ("The government needed to borrow more.", None, None, None, None, None),  # veto past_unreported
    ("The agency could consider refraining from new loans.", "weak_consider", "could consider", "The agency", "refraining from new loans", "dont"),
    ("Closer coordination between the coast guards is necessary.", "necessity", "is necessary", "the coast guards", "Closer coordination", "do"),
    ("A majority is needed to pass the bill.", None, None, None, None, None),  # veto quantity_subject
    ("It is incumbent on the government to act.", "extraposed_incumbent", "is incumbent", "the government", "act", "do"),
    ("There is a need for donors to act.", "need_noun", "There is a need", "donors", "act", "do"),  # a dependency pattern
    ("It is time for regulators to act.", "time_it_is_time", "It is time", "regulators", "act", "do"),
    ("The council urged member states to ratify the treaty.", "directive_urge", "urged", "member states", "ratify the treaty", "do"),
    ("The report suggests that the bank cut rates.", "directive_suggest", "suggests", "the bank", "cut rates", "do"),
    # the modal is the trigger, not the directive
    ("The report suggests that the bank should cut rates.", "modal_should", "should", "the bank", "cut rates", "do"),
    ("The opposition pressed for a ceasefire.", "directive_call_for", "pressed for", None, "a ceasefire", "do"),
    # at one token the longer pattern ('press for') wins over 'press'
    ("The opposition pressed for the agency to publish data.", "directive_call_for", "pressed for", "the agency", "publish data", "do"),
    ("The opposition was pressed to publish data.", None, None, None, None, None),  # veto passive_or_negated
    ("Let us turn to the economy.", None, None, None, None, None),  # veto discourse_verb_unless_negated
    ("Let us work together.", "hortative", "Let us", "us", "work together", "do"),
    ("Do not cut the aid budget.", "imperative", "Do not", None, "cut the aid budget", "dont"),
    ("Establish a task force.", "imperative", "Establish", None, "Establish a task force", "do"),
    ("Take, for example, the port.", None, None, None, None, None),  # veto example_sentence
    ("Take the port.", "imperative", "Take", None, "Take the port", "do"),
]


@pytest.fixture(scope="module")
def lex(assets):
    return TriggerLexicon.load(assets)


@pytest.mark.parametrize("sentence, rule, trigger, actor, action, polarity", HAND_BUILT)
def test_trigger_on_a_hand_built_parse(assets, lex, sentence, rule, trigger, actor, action, polarity):
    doc = parse(sentence)
    readings = read_triggers(doc, lex, assets)
    if rule is None:
        assert readings == [], [(t.name, _text(doc[r.first : r.last + 1])) for r, t in readings]
        return
    r, trig = readings[0]
    assert trig.name == rule
    assert _text(doc[r.first : r.last + 1]) == trigger
    assert (_text(r.actor), _text(r.action), r.polarity) == (actor, action, polarity)


def test_a_veto_names_itself(assets, lex):
    """What turned a match down, for debugging a rule: the first veto that holds."""
    doc = parse("The minister should have resigned last year.")
    trig = lex.triggers["modal_should"]
    (m,) = [m for m in lex.matcher(assets, doc.vocab)(doc) if m.pattern.name == "modal_should"]
    found = trig.reader.locate(doc, m, trig, lex)
    assert trig.vetoed(found, lex) == "perfect"


# -- a bad pattern file ------------------------------------------------------------------


@pytest.fixture()
def models_copy(tmp_path):
    src = Assets().dir
    dst = tmp_path / "models"
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__"))
    return dst


def _edit_first_pattern(models_dir, **changes):
    path = models_dir / "patterns" / "recommendation_triggers.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["patterns"][0].update(changes)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "changes, reason",
    [
        ({"reader": "modal_typo"}, "unknown reader 'modal_typo'"),
        ({"vetoes": ["perfect", "no_such_veto"]}, "unknown veto 'no_such_veto'"),
        ({"strength": "very"}, "strength 'very'"),
        ({"options": ["that_clause"]}, "reader 'modal' has no option 'that_clause'"),
        ({"tokens": [[{"LOWR": "should"}]]}, "not a valid spaCy pattern"),
        ({"anchor": 3}, "anchor 3"),
        ({"examples": "The bank should act."}, "'examples' must be a list"),
        ({"name": "modal_must"}, "duplicate name"),
    ],
)
def test_a_bad_pattern_is_an_error_naming_the_file_and_pattern(models_copy, changes, reason):
    path = _edit_first_pattern(models_copy, **changes)
    with pytest.raises(AssetError) as err:
        TriggerLexicon.load(Assets(models_copy))
    msg = str(err.value)
    assert str(path) in msg and reason in msg and "\n" not in msg


# -- shared annotations ------------------------------------------------------------------


def test_quotation_marks_are_paired_once_per_document(pipeline, monkeypatch):
    """Quotes and recommendations both read the quotation-mark pairs: computed once."""
    from claimex.extractors import quote_marks

    calls = []
    real = quote_marks.pair_quotation_marks
    monkeypatch.setattr(quote_marks, "pair_quotation_marks", lambda paragraphs: calls.append(1) or real(paragraphs))
    recs = pipeline.process_text(INTRO + 'The minister said: "Banks must lend more to small firms."')
    assert len(calls) == 1
    assert [r["text"] for r in recs if r["type"] == "recommendation"] == ["Banks must lend more to small firms"]


def test_every_required_annotation_exists():
    from claimex.extractors.annotations import ANNOTATIONS
    from claimex.stages import EXTRACTORS, REQUIRES

    assert set(REQUIRES) <= set(EXTRACTORS)
    assert {a for names in REQUIRES.values() for a in names} <= set(ANNOTATIONS)
