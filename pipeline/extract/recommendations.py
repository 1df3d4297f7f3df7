"""Policy recommendations: who should do what, how strongly, and whether not to.

:func:`find_recommendations` looks in claim-carrying segments for the
triggers of ``models/lexicons/recommendation_triggers.json`` (by kind:
modal "should", semi-modal "need to", weak "could consider", necessity "N
is necessary" / "it is necessary for X to", "there is a need for X to",
"now is the time for X to", directive "urge X to", hortative "let us") and
for imperatives, and reads each in the dependency parse:

* Not recommendations: boilerplate and discourse phrases
  (``models/patterns/non_recommendations.json``), questions, conditional
  inversion ("Should the talks fail"), relative and nominal uses ("what
  both sides should do"), past criticism ("should have"), epistemic "must"
  ("it must be true"), predictive "should" ("this should help"),
  predictions of circumstance ("he will have to"), discourse "let us start"
  (``recommendation_filters.json``, ``discourse_verbs.json``).
* Actor: the subject of the modal's verb (null for an agentless passive or
  an expletive subject), X in "for X to", the object of a directive verb,
  the participant of "N between X is necessary". A pronoun actor is
  resolved to its antecedent by ``resolve.attribution``.
* Action: the verb phrase after the trigger, without reason and condition
  clauses; for "N is necessary" the noun phrase N without its participant.
* Span: the clause that carries the recommendation (the sentence with its
  fronted adjuncts; of coordinated independent clauses only the one with
  the trigger; inside a quote only the quoted words; inside reported speech
  only the reported clause).
* Holder: set by the resolver ("author", or the speaker of the quote or
  reported speech around it, or the subject of a directive verb, whose
  phrase is kept in ``holder_phrases``).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterator, NamedTuple

from ..assets import Assets, Pattern
from ..document import Document, Segment, Span
from .clauses import REASON_MARKS, after_complementiser, contiguous, has_own_subject, is_quote_mark, noun_phrase, run_around, span_of, subject_of
from .cues import Cue, SpeakerPhrase, speaker_phrases
from .quote_marks import pair_quotation_marks
from .quotes import claim_paragraphs

_WH_TAGS = ("WP", "WDT", "WRB", "WP$")
_NEG = ("not", "n't", "never")
_PRONOUN_SUBJECTS_PREDICTIVE = frozenset({"this", "that", "these", "those", "which", "it"})
_PARTICIPANT_PREPS = ("between", "among", "amongst", "by", "from")
_COPULAS = ("be", "remain", "become", "seem")


class RecommendationMention(NamedTuple):
    start: int
    end: int
    trigger: Span
    actor: Span | None
    action: Span | None
    strength: str
    polarity: str
    holder: str = "author"
    # read by resolve, not written: the speaker of a directive verb ("X urged Y to ...")
    holder_phrases: tuple[SpeakerPhrase, ...] = ()


class Entry(NamedTuple):
    kind: str
    words: tuple[str, ...]
    strength: str
    anchor: int  # index in ``words`` of the word the candidate scan finds


@dataclass(frozen=True)
class TriggerLexicon:
    """The trigger table and the filters, loaded once per document from the assets."""

    by_anchor: dict[str, tuple[Entry, ...]]
    discourse: frozenset[str]
    negative: frozenset[str]
    epistemic: frozenset[str]
    predictive: frozenset[str]
    prediction_aux: frozenset[str]
    quantity: frozenset[str]
    speculative: frozenset[str]
    epistemic_verbs: frozenset[str]
    concessive_openers: frozenset[str]
    relative_openers: frozenset[str]
    reporting: frozenset[str]
    author_refs: frozenset[str]
    patterns: tuple[Pattern, ...]
    change_verbs: frozenset[str] = frozenset()
    time_marks: frozenset[str] = frozenset()

    @classmethod
    def load(cls, assets: Assets) -> "TriggerLexicon":
        """Built once per Assets object (cached there)."""
        return assets.memo("recommendation_triggers", lambda: cls._build(assets))

    @classmethod
    def _build(cls, assets: Assets) -> "TriggerLexicon":
        by_anchor: dict[str, list[Entry]] = {}
        for kind, table in assets.mapping("recommendation_triggers").items():
            for phrase, strength in table.items():
                words = tuple(phrase.lower().split())
                anchor = words.index("time") if kind == "time" else 0
                by_anchor.setdefault(words[anchor], []).append(Entry(kind, words, strength, anchor))
        filters = {k: frozenset(v) for k, v in assets.mapping("recommendation_filters").items()}
        openers = assets.mapping("comment_clause_openers")
        return cls(
            {k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in by_anchor.items()},
            assets.lexicon_set("discourse_verbs"),
            assets.lexicon_set("negative_action_verbs"),
            filters.get("epistemic_predicates", frozenset()),
            filters.get("predictive_verbs", frozenset()),
            filters.get("prediction_auxiliaries", frozenset()),
            filters.get("quantity_nouns", frozenset()),
            filters.get("speculative_adverbs", frozenset()),
            filters.get("epistemic_verbs", frozenset()),
            frozenset(openers.get("concessive", ())),
            frozenset(openers.get("relative", ())),
            assets.lexicon_set("reporting_verbs"),
            assets.lexicon_set("author_references"),
            assets.patterns("non_recommendations"),
            filters.get("change_of_state_verbs", frozenset()),
            filters.get("time_clause_marks", frozenset()),
        )


class Reading(NamedTuple):
    """What one trigger says, in tokens of the segment Doc."""

    first: int  # trigger tokens (inclusive)
    last: int
    anchor: object  # the token whose clause carries the recommendation
    actor: list | None  # tokens
    action: list | None  # tokens
    polarity: str
    holder_cue: Cue | None = None


# -- small readings of the parse -------------------------------------------


def _words_match(doc, i: int, words: tuple[str, ...]) -> bool:
    if i < 0 or i + len(words) > len(doc):
        return False
    return all(doc[i + k].lower_ == w for k, w in enumerate(words))


def _opens_clause(tok) -> bool:
    """The token starts its sentence (after a conjunction or punctuation at most)."""
    doc = tok.doc
    k = tok.sent.start
    while k < tok.i and (doc[k].is_punct or doc[k].dep_ == "cc" or doc[k].is_space):
        k += 1
    return k == tok.i


def _is_question(sent) -> bool:
    """The sentence ends with a question mark (closing quotes and brackets aside)."""
    for k in range(len(sent) - 1, -1, -1):
        t = sent[k]
        if t.is_space or is_quote_mark(t) or t.text == ")":
            continue
        return t.text.endswith("?")
    return False


def _embedded(verb) -> bool:
    """A relative clause, an embedded question or a nominal use ("what both
    sides should do", "the question of who must pay", "whether X should")."""
    v = verb
    for _ in range(4):
        if any(c.tag_ in _WH_TAGS and c.i < v.i and c.dep_ not in ("advmod",) or c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in v.children):
            return True
        if any(c.tag_ == "WRB" and c.i < v.i and c.lower_ in ("how", "why", "where", "what") for c in v.children):
            return True
        if v.dep_ in ("relcl", "pcomp", "csubj", "pobj") or v.dep_ == "acl" and v.tag_ not in ("VBD", "VBZ", "VBP"):
            return True  # (a finite verb read as a modifier is a parser error, not a relative use)
        if v.dep_ == "conj" or v.dep_ in ("aux", "auxpass"):
            v = v.head
            continue
        return False
    return False


def _indirect_question(clause) -> bool:
    """A clause opened by a wh-word, "whether" or "if" ("why prices rise")."""
    first = clause.left_edge
    return first.i < clause.i and (first.tag_ in _WH_TAGS or first.lower_ in ("whether", "if"))


def _subject(verb):
    """(subject token or None, passive?) of the verb a trigger attaches to."""
    for c in verb.children:
        if c.dep_ == "expl":
            return None, False
    passive = any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "nsubjpass" for c in verb.children)
    subj = subject_of(verb)
    if subj is None:
        return None, passive
    if subj.dep_ == "nsubjpass":
        return None, True
    if subj.dep_ == "pobj" and subj.head.dep_ == "agent":
        return subj, True
    return subj, passive


def _actor_tokens(subj) -> list | None:
    if subj is None:
        return None
    if subj.pos_ == "PRON" or subj.tag_ in _WH_TAGS:
        return [subj]
    toks = noun_phrase(subj)
    first = toks[0] if toks else None
    if first is not None and first.lower_ == "that" and first.i > 0 and subj.doc[first.i - 1].text == ",":
        toks = toks[1:]  # 'told reporters, as the talks opened, that member states needed to'
    return toks


def _for_x_to(doc, i: int, limit: int):
    """After a trigger ending before token ``i``: ("for X") "to" VP -> (actor
    tokens or None, verb token, index of "to") or None. The verb is the head
    of an auxiliary chain ("to be wound down" -> "wound")."""
    j = i
    while j < len(doc) and doc[j].pos_ == "ADV":
        j += 1
    actor = None
    if j < len(doc) and doc[j].lower_ == "for":
        k = j + 1
        while k < min(len(doc), j + 1 + limit) and doc[k].lower_ != "to":
            k += 1
        if k >= len(doc) or doc[k].lower_ != "to" or k == j + 1:
            return None
        actor = [t for t in doc[j + 1 : k]]
        j = k
    if j < len(doc) and doc[j].lower_ == "to" and j + 1 < len(doc):
        v = doc[j + 1]
        while v.pos_ == "ADV" and v.i + 1 < len(doc):
            v = doc[v.i + 1]
        if v.tag_ == "VB" or v.pos_ == "VERB":
            while v.dep_ in ("aux", "auxpass") and v.head.i > v.i:
                v = v.head
            if any(c.dep_ == "auxpass" for c in v.children):
                actor = None  # 'for the fund to be wound down': an agentless passive names no actor
            return actor, v, j
    return None


def _action_tokens(verb, after: int, lex: TriggerLexicon) -> tuple[list, str]:
    """(tokens of the recommended verb phrase, polarity from the verb)."""
    polarity = "do"
    # 'stop X and start Y' asks for something to be done: the whole phrase, polarity do
    if verb.lemma_.lower() in lex.negative:
        comp = _complement(verb)
        # a bare verb coordinated after the complement goes with 'stop', not with it
        instead = comp is not None and any(
            c.dep_ == "conj" and not has_own_subject(c) and (c.tag_ == "VB" and comp.tag_ != "VB" or c.head.i == verb.i) and c.lemma_.lower() not in lex.negative
            for c in list(verb.children) + list(comp.children)
        )
        if comp is not None and not instead:
            polarity = "dont"
            verb, after = comp, comp.left_edge.i - 1
    cut = []
    for c in verb.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and (m.lower_ in REASON_MARKS or m.lower_ == "as" and has_own_subject(c)) for m in c.children):
            cut.append(c)  # because ..., if ..., as <clause> (but 'as planned' stays)
        elif c.dep_ == "conj" and has_own_subject(c):
            cut.append(c)
        elif c.dep_ in ("parataxis", "mark") or (c.dep_ == "cc" and any(s.dep_ == "conj" and has_own_subject(s) for s in verb.children)):
            cut.append(c)
        elif _is_frame(c, lex):
            cut.append(c)
    cut_ids = {t.i for c in cut for t in c.subtree}
    toks = [t for t in verb.subtree if t.i > after and t.i not in cut_ids]
    run = contiguous(toks, verb) if verb.i > after else toks
    while run and (run[0].lower_ in _NEG or run[0].lower_ == "to" or run[0].is_punct):
        run = run[1:]
    # stop at a semicolon (what follows is a new statement), and before a comment
    # after a comma ("before June, when the rains return"; ", whatever happens")
    for k, t in enumerate(run):
        if t.text == ";" or t.text == "," and k + 1 < len(run) and _comment_clause(run[k + 1], lex):
            run = run[:k]
            break
    return run, polarity


def _comment_clause(tok, lex: TriggerLexicon) -> bool:
    """A clause opened by a concessive 'whatever'/'however' or a relative
    'when'/'which' (``comment_clause_openers``): a comment on the action, not part of it."""
    if tok.lower_ in lex.concessive_openers:
        return True
    return tok.lower_ in lex.relative_openers and tok.head.dep_ in ("relcl", "advcl") and tok.head.i > tok.i


def _is_frame(tok, lex: TriggerLexicon) -> bool:
    """A reporting frame attached inside a clause: "according to X", "as X said"."""
    if tok.dep_ == "prep" and tok.lower_ == "according":
        return True
    return tok.dep_ == "advcl" and tok.lemma_.lower() in lex.reporting and any(m.lower_ == "as" for m in tok.children)


def _complement(verb):
    """The complement of 'refrain from X' / 'avoid X'."""
    for c in verb.children:
        if c.dep_ == "prep":
            for g in c.children:
                if g.dep_ in ("pcomp", "pobj"):
                    return g
    for c in verb.children:
        if c.dep_ in ("xcomp", "dobj", "ccomp"):
            return c
    return None


def _negated(tok, verb) -> bool:
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in _NEG:
        return True
    if nxt is not None and nxt.lower_ == "no" and tok.i + 2 < len(doc) and doc[tok.i + 2].lower_ == "longer":
        return True
    # 'should never X' negates; 'should tie A to B, not to C' does not
    return verb is not None and any(c.dep_ == "neg" and tok.i < c.i < verb.i for c in verb.children)


def _forecast_change(verb, lex: TriggerLexicon) -> bool:
    """An intransitive change of state with a time after it ('prices should ease next year')."""
    if verb.lemma_.lower() not in lex.change_verbs or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return False
    after = [t for t in verb.subtree if t.i > verb.i]
    if any(t.ent_type_ in ("DATE", "TIME") for t in after):
        return True
    return any(c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in lex.time_marks for m in c.children) for c in verb.children)


# -- readings per trigger kind ---------------------------------------------


def _read_modal(tok, e: Entry, lex: TriggerLexicon) -> Reading | None:
    doc = tok.doc
    if not _words_match(doc, tok.i, e.words):
        return None
    last = tok.i + len(e.words) - 1
    if e.words[0] != "had" and tok.tag_ != "MD":
        return None  # "a must"
    verb = tok.head if tok.dep_ in ("aux", "auxpass") and tok.head.i != tok.i else None
    if verb is None or verb.i < tok.i:
        verb = next((t for t in doc[last + 1 : last + 5] if t.tag_ == "VB"), None)
    if verb is None:
        return None
    # "should have done": criticism of the past; "must have been": a conclusion
    between = doc[last + 1 : verb.i + 1]
    if any(t.lower_ in ("have", "'ve") and t.i < verb.i for t in between) and (verb.tag_ == "VBN" or any(t.lower_ == "been" for t in between)):
        return None
    subj, passive = _subject(verb)
    if subj is not None and subj.i > tok.i and not passive:
        return None  # "Should the talks fail, ..." (conditional inversion)
    if e.words[0] == "should" and _opens_clause(tok) and any(c.dep_ == "nsubjpass" and c.i > tok.i for c in verb.children):
        return None  # "Should the deal be signed, ..." (the same, in the passive)
    if _embedded(verb):
        return None
    if e.words[0] == "must" and verb.lemma_ == "be":
        pred = [c for c in verb.children if c.dep_ in ("acomp", "attr")]
        if any(" ".join(w.lower_ for w in p.subtree) in lex.epistemic or p.lower_ in lex.epistemic for p in pred):
            return None
        # 'must be among the most unforgiving waters': a superlative or 'among' is a judgement
        if any(c.dep_ == "prep" and c.lower_ == "among" for c in verb.children) or any(w.tag_ in ("JJS", "RBS") for p in pred for w in p.subtree):
            return None
    if e.words[0] == "must" and verb.lemma_.lower() in lex.epistemic_verbs:
        return None  # 'officials must wonder what became of it': a conjecture about minds
    if e.words[0] == "should":
        sl = subj.lower_ if subj is not None else None
        if sl in _PRONOUN_SUBJECTS_PREDICTIVE and not passive and verb.lemma_.lower() in lex.predictive:
            return None
        if any(c.dep_ == "advmod" and c.lower_ in lex.speculative for c in verb.children):
            return None
        if not passive and _forecast_change(verb, lex):
            return None  # 'premiums should fall by autumn': a forecast
    if e.words[0] == "must" and any(c.dep_ == "advmod" and c.lower_ in lex.speculative and c.i < verb.i for c in verb.children):
        return None  # 'the dispute must eventually end up before a tribunal': a prediction
    action, polarity = _action_tokens(verb, last, lex)
    if _negated(tok, verb):
        polarity = "dont"
    return Reading(tok.i, last, verb, None if passive and subj is None else _actor_tokens(subj), action, polarity)


def _read_semi_modal(tok, e: Entry, lex: TriggerLexicon) -> Reading | None:
    doc = tok.doc
    if tok.lemma_.lower() != e.words[0] or tok.pos_ not in ("VERB", "AUX"):
        return None
    if tok.tag_ not in ("VB", "VBP", "VBZ") and not (tok.tag_ == "VBD" and _backshifted(tok, lex)):
        return None
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    # "will have to face": a prediction of circumstance; "does not need to": no obligation
    if any(c.dep_ in ("aux", "neg") and (c.lower_ in lex.prediction_aux or c.lower_ in _NEG) for c in tok.children):
        return None
    if tok.i > 0 and (doc[tok.i - 1].lower_ in lex.prediction_aux or doc[tok.i - 1].lower_ in _NEG):
        return None
    verb = next((c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i), None)
    if verb is None:
        verb = next((t for t in doc[tok.i + 2 : tok.i + 5] if t.tag_ == "VB"), None)
    if verb is None or (verb.lemma_ == "do" and any(c.lower_ == "with" for c in verb.children)):
        return None
    if _embedded(tok):
        return None
    subj, passive = _subject(tok)
    action, polarity = _action_tokens(verb, tok.i + 1, lex)
    return Reading(tok.i, tok.i + 1, tok, _actor_tokens(subj), action, polarity)


def _backshifted(tok, lex: TriggerLexicon) -> bool:
    """Reported speech after a past reporting verb keeps its tense back: "she
    told reporters that member states needed to act" reports "need to"."""
    if tok.lemma_.lower() != "need":
        return False  # 'said it had to cut spending' reports a constraint more often than advice
    return tok.dep_ == "ccomp" and tok.head.tag_ == "VBD" and tok.head.lemma_.lower() in lex.reporting and tok.head.i < tok.i


def _read_weak(tok, e: Entry, lex: TriggerLexicon) -> Reading | None:
    """'could consider X', 'would do well to X', 'may wish to X'."""
    doc = tok.doc
    if not _words_match(doc, tok.i, e.words):
        return None
    last = tok.i + len(e.words) - 1
    head = tok.head if tok.dep_ in ("aux", "auxpass") else tok
    if head.i < tok.i or _embedded(head):
        return None
    subj, passive = _subject(head)
    if subj is not None and subj.i > tok.i:
        return None
    action, polarity = _action_tokens(head, last, lex)
    if e.words[-1] == "consider" and head.i == last:
        comp = _complement(head)
        if comp is not None and comp.lemma_.lower() in lex.negative:
            polarity = "dont"
    if not action:
        return None
    return Reading(tok.i, last, head, _actor_tokens(subj), action, "dont" if _negated(doc[last], head) or polarity == "dont" else "do")


def _copula_of(tok):
    if tok.dep_ in ("acomp", "attr") and tok.head.lemma_ in _COPULAS:
        return tok.head
    aux = next((c for c in tok.children if c.dep_ == "auxpass" and c.lemma_ == "be"), None)
    return aux


def _read_necessity(tok, e: Entry, lex: TriggerLexicon, extraposed_only: bool) -> Reading | None:
    doc = tok.doc
    if tok.lemma_.lower() != e.words[0] and tok.lower_ != e.words[0]:
        return None
    if tok.pos_ not in ("ADJ", "VERB") or (tok.pos_ == "VERB" and tok.tag_ != "VBN"):
        return None
    cop = _copula_of(tok)
    if cop is None:
        return None
    first = cop.i if cop.i == tok.i - 1 else tok.i
    clause_head = cop if tok.dep_ in ("acomp", "attr") else tok
    if _embedded(clause_head):
        return None
    subj = next((c for c in clause_head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None and clause_head.dep_ in ("conj",):
        subj = subject_of(clause_head)
    if subj is not None and subj.lower_ == "it" or subj is not None and subj.dep_ == "expl":
        # it is necessary (for X) to VP / that X VP
        found = _for_x_to(doc, tok.i + 1, 12)
        if found is not None:
            actor, verb, to = found
            action, polarity = _action_tokens(verb, to, lex)
            return Reading(first, tok.i, clause_head, actor, action, polarity)
        ccomp = next((c for c in tok.children if c.dep_ == "ccomp"), None) or next((c for c in clause_head.children if c.dep_ == "ccomp" and c.i > tok.i), None)
        if ccomp is not None:
            csubj = next((c for c in ccomp.children if c.dep_ == "nsubj"), None)
            action, polarity = _action_tokens(ccomp, (csubj.i if csubj is not None else ccomp.i - 1), lex)
            return Reading(first, tok.i, clause_head, _actor_tokens(csubj), action, polarity)
        return None
    if extraposed_only or subj is None or subj.pos_ == "PRON" or subj.lower_ in lex.quantity:
        return None
    # "N is vital to X" states an importance, not an action
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "for") and any(g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") for g in c.children):
            return None
    np_toks = noun_phrase(subj)
    while np_toks and np_toks[0].dep_ == "det" and np_toks[0].lower_ in ("the", "a", "an"):
        np_toks = np_toks[1:]
    actor = None
    action = np_toks
    for t in np_toks:
        if t.dep_ == "prep" and t.lower_ in _PARTICIPANT_PREPS:
            pobj = next((g for g in t.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                actor = noun_phrase(pobj)
                action = [x for x in np_toks if x.i < t.i]
                break
    return Reading(first, tok.i, clause_head, actor, action, "do")


def _read_need_noun(tok, e: Entry, lex: TriggerLexicon) -> Reading | None:
    """'there is a need (for X) to VP'."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() != "need":
        return None
    head = tok.head
    if tok.dep_ != "attr" or head.lemma_ != "be" or not any(c.dep_ == "expl" for c in head.children):
        return None
    found = _for_x_to(tok.doc, tok.i + 1, 12)
    if found is None:
        return None
    actor, verb, to = found
    expl = next(c for c in head.children if c.dep_ == "expl")
    action, polarity = _action_tokens(verb, to, lex)
    return Reading(min(expl.i, head.i), tok.i, head, actor, action, polarity)


def _read_time(tok, e: Entry, lex: TriggerLexicon) -> Reading | None:
    doc = tok.doc
    start = tok.i - e.anchor
    if not _words_match(doc, start, e.words):
        return None
    last = start + len(e.words) - 1
    found = _for_x_to(doc, last + 1, 15)
    if found is None:
        return None
    actor, verb, to = found
    action, polarity = _action_tokens(verb, to, lex)
    anchor = doc[start]
    while anchor.head.i != anchor.i and anchor.head.i >= start and anchor.head.i <= last:
        anchor = anchor.head
    root = anchor if anchor.pos_ in ("VERB", "AUX") else anchor.head
    return Reading(start, last, root, actor, action, polarity)


def _read_directive(tok, e: Entry, lex: TriggerLexicon) -> Reading | None:
    doc = tok.doc
    if tok.pos_ != "VERB" or tok.lemma_.lower() != e.words[0]:
        return None
    last = tok.i
    obj = None
    if len(e.words) > 1:
        part = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if part is None or part.lower_ != e.words[1]:
            return None
        last = part.i
        obj = next((g for g in part.children if g.dep_ == "pobj"), None)
        if e.words[1] == "for":
            # 'called for a ceasefire': the object is what should be done, no actor named;
            # 'pressed for the agency to publish X': the agency should publish X
            if any(c.dep_ in ("auxpass", "nsubjpass", "neg") for c in tok.children) or _embedded(tok):
                return None
            found = _for_x_to(doc, part.i, 12)
            if found is not None:
                actor, verb, to = found
                action, polarity = _action_tokens(verb, to, lex)
                return Reading(tok.i, last, tok, actor, action, polarity, Cue(tok.i, tok.i, _speaking_verb(tok, lex), "subject"))
            if obj is None:
                return None
            return Reading(tok.i, last, tok, None, noun_phrase(obj), "do", Cue(tok.i, tok.i, _speaking_verb(tok, lex), "subject"))
    if any(c.dep_ in ("auxpass", "nsubjpass", "neg") for c in tok.children) or _embedded(tok):
        return None
    if obj is None:
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "dative") and c.i > tok.i), None)
    verb = next((c for c in tok.children if c.dep_ in ("xcomp",) and c.i > tok.i), None)
    if verb is None and obj is not None:
        verb = next((c for c in obj.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VB" and any(g.lower_ == "to" for g in c.children)), None)
    actor = _actor_tokens(obj) if obj is not None else None
    if verb is None:
        ccomp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
        if ccomp is not None and e.words[0] in ("urge", "recommend", "propose", "demand", "request", "suggest", "advise", "ask"):
            if any(c.tag_ == "MD" for c in ccomp.children):
                return None  # "suggests that X should ...": the modal is the trigger
            csubj = next((c for c in ccomp.children if c.dep_ == "nsubj"), None)
            if csubj is None or _indirect_question(ccomp):
                return None  # "ask me why prices rise": a question, not a request
            verb, actor = ccomp, _actor_tokens(csubj)
            after = csubj.i
        elif obj is not None and e.words[0] in ("urge", "recommend", "propose", "demand", "request") and obj.pos_ == "NOUN":
            return Reading(tok.i, last, tok, None, noun_phrase(obj), "do", Cue(tok.i, tok.i, _speaking_verb(tok, lex), "subject"))
        else:
            return None
    else:
        after = verb.i - 1
    if verb.tag_ not in ("VB", "VBG") and verb.pos_ != "VERB":
        return None
    action, polarity = _action_tokens(verb, after, lex)
    return Reading(tok.i, last, tok, actor, action, polarity, Cue(tok.i, tok.i, _speaking_verb(tok, lex), "subject"))


def _is_discourse(verb, lex: TriggerLexicon) -> bool:
    """'let us start with', 'consider the case of', 'take a look at'."""
    doc = verb.doc
    lemma = verb.lemma_.lower()
    nxt = doc[verb.i + 1].lower_ if verb.i + 1 < len(doc) else ""
    nxt2 = doc[verb.i + 2].lower_ if verb.i + 2 < len(doc) else ""
    return lemma in lex.discourse or f"{lemma} {nxt}" in lex.discourse or f"{lemma} {nxt} {nxt2}" in lex.discourse


def _speaking_verb(tok, lex: TriggerLexicon):
    """The verb whose subject holds a directive: the directive itself, or the
    reporting verb it is coordinated with when the parser hung it inside that
    verb's content clause ('X emphasized that A was essential and asked B to')."""
    h = tok.head
    if tok.dep_ == "conj" and h.dep_ == "ccomp" and h.head.lemma_.lower() in lex.reporting and not has_own_subject(tok):
        return h.head
    return tok


def _read_hortative(tok, e: Entry, lex: TriggerLexicon) -> Reading | None:
    doc = tok.doc
    if tok.lower_ != "let" or tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ not in ("us", "'s", "\u2019s"):
        return None
    us = doc[tok.i + 1]
    k = tok.i + 2
    polarity = "do"
    if doc[k].lower_ in _NEG:
        polarity = "dont"
        k += 1
    while k < len(doc) and doc[k].pos_ == "ADV":
        k += 1
    if k >= len(doc):
        return None
    verb = doc[k]
    if verb.pos_ not in ("VERB", "AUX") or (_is_discourse(verb, lex) and not (polarity == "dont" and verb.lemma_.lower() != "forget")):
        return None
    action, pol = _action_tokens(verb, verb.i - 1, lex)
    return Reading(tok.i, us.i, tok, [us], action, "dont" if polarity == "dont" or pol == "dont" else "do")


_READERS = {
    "modal": _read_modal,
    "semi_modal": _read_semi_modal,
    "weak": _read_weak,
    "necessity": lambda t, e, lex: _read_necessity(t, e, lex, False),
    "necessity_extraposed": lambda t, e, lex: _read_necessity(t, e, lex, True),
    "need_noun": _read_need_noun,
    "time": _read_time,
    "directive": _read_directive,
    "hortative": _read_hortative,
}


def _read_imperative(sent, lex: TriggerLexicon) -> Reading | None:
    """A sentence that opens with a bare verb and has no subject ("Establish a
    joint task force."), or with "Do not"/"Never" + verb."""
    lead = next((t for t in sent if not (t.is_punct or t.is_space or t.like_num)), None)
    if lead is None or not (lead.tag_ == "VB" or lead.lower_ in ("do", "never")):
        return None
    toks = [t for t in sent if not (t.is_punct or t.is_space or t.like_num)]
    if len(toks) < 3 or _is_question(sent):
        return None
    first = toks[0]
    polarity = "do"
    verb = first
    if first.lower_ in ("do", "never") and len(toks) > 2:
        k = 1
        if first.lower_ == "do" and toks[1].lower_ in ("not", "n't"):
            k = 2
        elif first.lower_ == "do":
            return None
        verb = toks[k]
        polarity = "dont"
    if verb.tag_ != "VB" or _is_discourse(verb, lex) or verb.lower_ in ("let", "please"):
        return None
    finite = any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in sent)
    if verb.dep_ != "ROOT" and finite:
        return None  # a bare verb inside a sentence that has its own finite verb
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    low = sent.text.lower()
    if "for example" in low or "for instance" in low:
        return None
    if verb.dep_ != "ROOT":
        # the parser read the bare verb as a modifier ('Rehearse reinforcement ...'): the rest of the sentence is the action
        return Reading(first.i, first.i if polarity == "do" else verb.i - 1, verb, None, [t for t in sent if t.i >= verb.i], polarity)
    action, pol = _action_tokens(verb, verb.i - 1, lex)
    last = verb.i - 1 if polarity == "dont" else first.i  # "Do not" / the verb itself
    return Reading(first.i, last, verb, None, action, "dont" if polarity == "dont" or pol == "dont" else "do")


# -- the clause --------------------------------------------------------------


def _clause_tokens(anchor, lex: TriggerLexicon, others: list) -> list:
    """Tokens of the clause that carries a recommendation anchored at ``anchor``:
    the sentence (fronted adjuncts and subordinate clauses included) without
    coordinated independent clauses; a coordinated clause with its own
    subject on its own; inside reported speech only the reported clause.
    ``others`` are the anchors of the other recommendations of the sentence:
    a coordinated verb phrase that carries one of them is left out, and a
    coordinated verb phrase anchored here stands on its own ("X called on A
    to ... and urged B to ...")."""
    vp_cut = [o for o in others if o.dep_ == "conj" and not has_own_subject(o) and anchor.i in {a.i for a in o.ancestors}]
    if anchor.dep_ == "conj" and not has_own_subject(anchor) and any(o.i in {a.i for a in anchor.ancestors} for o in others):
        return _without(_subtree_span(anchor), vp_cut, anchor)
    c = anchor
    for _ in range(12):
        frames = [k for k in c.children if _is_frame(k, lex)]
        if c.dep_ == "ROOT" or c.head.i == c.i:
            cut = [k for k in c.children if k.dep_ == "conj" and has_own_subject(k)]
            return _without(c.sent, cut + frames + vp_cut, c)
        if c.dep_ == "conj" and has_own_subject(c):
            cut = [k for k in c.children if k.dep_ == "conj" and has_own_subject(k)]
            return _without(_subtree_span(c), cut + frames + vp_cut, c)
        if c.dep_ == "ccomp" and c.head.lemma_.lower() in lex.reporting:
            cut = [k for k in c.children if k.dep_ == "mark" and k.i < c.i]
            return after_complementiser(list(_without(_subtree_span(c), cut + frames + vp_cut, c)), c)
        c = c.head
    return list(anchor.sent)


def _colon_part(toks: list, trigger: int) -> list:
    """Of a clause that a colon or semicolon divides, the part with the
    trigger, when the other part is a statement of its own (a finite verb with
    its own subject): "X need to act: the 2019 law has produced little" ends at
    the colon; "X must do two things: cut A and raise B" stays whole."""
    cuts = [k for k, t in enumerate(toks) if t.text in (":", ";")]
    if not cuts:
        return toks
    bounds = [-1] + cuts + [len(toks)]
    parts = [toks[a + 1 : b] for a, b in zip(bounds, bounds[1:])]
    keep = [p for p in parts if any(t.i == trigger for t in p)]
    if not keep:
        return toks
    mine = keep[0]
    hi = mine[-1].i if mine else trigger
    out = []
    for p in parts:
        if p is mine or not _is_statement(p):
            out.extend(p)
        elif p[0].i > hi:
            break  # a statement after the trigger's part ends the clause
        else:
            out = []  # a statement before it: the clause starts after it
    return out or mine


def _is_statement(toks: list) -> bool:
    """A finite clause with its own subject, or a speaker's frame ('let me say this')."""
    words = [t for t in toks if not t.is_punct and t.dep_ != "cc"]
    if len(words) >= 2 and words[0].lower_ == "let" and words[1].lower_ == "me":
        return True
    ids = {t.i for t in toks}
    return any(
        t.dep_ in ("nsubj", "nsubjpass") and t.head.i in ids and (t.head.tag_ in ("VBD", "VBZ", "VBP") or any(a.tag_ == "MD" or a.tag_ in ("VBD", "VBZ", "VBP") and a.dep_ in ("aux", "auxpass") for a in t.head.children))
        for t in toks
    )


def _drop_coordinated(toks: list, others: list) -> list:
    """An action without the coordinated verb phrases of other recommendations."""
    cut = [o for o in others if o.dep_ == "conj" and not has_own_subject(o) and any(t.i == o.i for t in toks)]
    if not cut or not toks:
        return toks
    return _without(toks, cut, toks[0])


def _without(toks, cut: list, anchor):
    """The run ``toks`` (a Span or a contiguous token list) without the subtrees
    in ``cut`` (and the conjunction or comma right before each), around ``anchor``."""
    doc = anchor.doc
    if not len(toks):
        return toks
    lo, hi = toks[0].i, toks[-1].i + 1
    cut_ids = set()
    for k in cut:
        cut_ids.update(range(k.left_edge.i, k.right_edge.i + 1))
        j = k.left_edge.i - 1
        while j >= 0 and (doc[j].dep_ == "cc" or doc[j].is_punct):
            cut_ids.add(j)
            j -= 1
    if not lo <= anchor.i < hi or anchor.i in cut_ids:
        return [t for t in toks if t.i not in cut_ids]
    return run_around(doc, lo, hi, cut_ids, anchor.i)


def _subtree_span(tok):
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1]


def _clip(toks: list, seg: Segment, bounds: tuple[int, int] | None) -> list:
    if bounds is None or toks is None:
        return toks
    a, b = bounds
    return [t for t in toks if a <= seg.start + t.idx and seg.start + t.idx + len(t.text) <= b]


def find_recommendations(doc: Document, assets: Assets) -> Iterator[RecommendationMention]:
    lex = TriggerLexicon.load(assets)
    text = doc.view.text
    pairs, _ = pair_quotation_marks(claim_paragraphs(doc))
    quotes = sorted((p.open + 1, p.close) for p in pairs if p.depth == 0)  # disjoint
    keys = None
    for seg in doc.claim_segments():
        sd = seg.doc
        if sd is None or not len(sd):
            continue
        if keys is None:  # the segments share one vocabulary: hash the anchors once
            keys = frozenset(sd.vocab.strings[w] for w in lex.by_anchor)
        anchors = _candidates(sd, keys)
        seen_first: set[int] = set()
        readings: list[tuple[Reading, str]] = []
        found: list[RecommendationMention] = []
        for i in anchors:
            tok = sd[i]
            entries = lex.by_anchor.get(tok.lower_, ())
            lemma = tok.lemma_.lower()
            if lemma != tok.lower_:
                entries = entries + lex.by_anchor.get(lemma, ())
            for e in entries:
                r = _READERS[e.kind](tok, e, lex)
                if r is not None:
                    readings.append((r, e.strength))
                    break
        for sent in sd.sents:
            r = _read_imperative(sent, lex)
            if r is not None:
                readings.append((r, "moderate"))
        by_sent: dict[int, list] = {}  # sentence start -> the anchors read in it (no pairwise scan)
        for o, _ in readings:
            by_sent.setdefault(o.anchor.sent.start, []).append(o.anchor)
        for r, strength in readings:
            if r.first in seen_first:
                continue
            others = [a for a in by_sent[r.anchor.sent.start] if a.i != r.anchor.i]
            seen_first.add(r.first)
            sent = sd[r.first].sent
            if _is_question(sent):
                continue
            trigger = span_of(seg, sd[r.first : r.last + 1])
            if trigger is None or _boilerplate(text, seg, sent, trigger, lex):
                continue
            bounds = _enclosing(quotes, trigger.start, trigger.end)
            clause = span_of(seg, _clip(_colon_part(list(_clause_tokens(r.anchor, lex, others)), r.first), seg, bounds))
            if clause is None or not (clause.start <= trigger.start and trigger.end <= clause.end):
                clause = span_of(seg, _clip(list(sent), seg, bounds))
            if clause is None:
                continue
            actor = span_of(seg, r.actor, strip_det=True) if r.actor else None
            action = _action_span(seg, _drop_coordinated(r.action, others) if r.action else r.action, bounds, quotes)
            holder = speaker_phrases(seg, r.holder_cue) if r.holder_cue is not None else ()
            holder = tuple(p for p in holder if " ".join(text[p.span.start : p.span.end].lower().split()) not in lex.author_refs)
            found.append(RecommendationMention(clause.start, clause.end, trigger, actor, action, strength, r.polarity, "author", holder))
        yield from _separate(found, seg)


def _separate(mentions: list[RecommendationMention], seg: Segment) -> list[RecommendationMention]:
    """Recommendations of one sentence never overlap: where the parse gives two
    of them one clause, it is cut at the last conjunction or comma before the
    second trigger ('X called on A to ... and urged B to ...')."""
    out = sorted(mentions, key=lambda m: m.trigger.start)
    for k in range(1, len(out)):
        prev, cur = out[k - 1], out[k]
        if prev.end <= cur.start or prev.trigger.end > cur.trigger.start:
            continue
        sp = seg.char_span(prev.trigger.end, cur.trigger.start, alignment_mode="expand")
        cut = next((t for t in reversed(sp) if t.dep_ == "cc" or t.text in (",", ";")), None) if sp is not None else None
        if cut is None:
            continue
        a, b = seg.start + cut.idx, seg.start + cut.idx + len(cut.text)
        text = seg.doc.text
        end = a - seg.start
        while end > 0 and (text[end - 1].isspace() or text[end - 1] == ","):
            end -= 1
        start = b - seg.start
        while start < len(text) and text[start].isspace():
            start += 1
        new_end = seg.start + end
        action = prev.action
        if action is not None and action.end > new_end:
            action = Span(action.start, new_end) if action.start < new_end else None
        out[k - 1] = prev._replace(end=new_end, action=action)
        if cur.start < seg.start + start:
            out[k] = cur._replace(start=seg.start + start)
    return out


def _action_span(seg: Segment, toks, bounds, quotes) -> Span | None:
    if not toks:
        return None
    # 'asked X to "cooperate together" for ...': the quoted words are the action
    if is_quote_mark(toks[0].doc[toks[0].i - 1]) if toks[0].i > 0 else False:
        start = seg.start + toks[0].idx
        q = _enclosing(quotes, start, start + 1)
        if q is not None:
            inner = [t for t in toks if q[0] <= seg.start + t.idx and seg.start + t.idx + len(t.text) <= q[1]]
            sp = span_of(seg, inner)
            if sp is not None:
                return sp
    return span_of(seg, _clip(toks, seg, bounds))


def _enclosing(quotes: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The quote (of ``quotes``: disjoint, sorted) holding [start, end), by binary search."""
    k = bisect_right(quotes, (start, float("inf"))) - 1
    if k >= 0 and quotes[k][0] <= start and end <= quotes[k][1]:
        return quotes[k]
    return None


def _candidates(sd, keys: frozenset[int]) -> list[int]:
    """Token indices whose lower-case form or lemma is a trigger anchor (one
    pass over the Doc's attribute array, no Token objects)."""
    from spacy.attrs import LEMMA, LOWER

    return [i for i, (low, lemma) in enumerate(sd.to_array([LOWER, LEMMA]).tolist()) if low in keys or lemma in keys]


def _boilerplate(text: str, seg: Segment, sent, trigger: Span, lex: TriggerLexicon) -> bool:
    a = seg.start + sent.start_char
    b = seg.start + sent.end_char
    for p in lex.patterns:
        for m in p.finditer(text, a, b):
            if m.start() <= trigger.start < m.end() or m.start() < trigger.end <= m.end():
                return True
    return False
