"""Recommendation triggers: the pattern file, its readers and its vetoes.

``models/patterns/recommendation_triggers.json`` lists every trigger as a
named spaCy ``Matcher`` pattern (or a ``DependencyMatcher`` pattern) with a
strength, the sentences it fires on and its near misses. Each pattern names

* a *reader* (a normaliser, below, registered with :func:`reader`): it
  finds in the parse the verb of the recommended action, the actor and the
  polarity, in two steps: ``locate`` (the trigger's verb, subject and
  clause head, or nothing when the parse has no such shape) and ``read``
  (actor and action tokens);
* the *vetoes* that tell a match recommends nothing (registered with
  :func:`veto`: "should have", "Should the talks fail", "this should help",
  "must be true" ...), each a predicate on what ``locate`` found.

Reader and veto names are checked when the file loads: an unknown name
stops the run with one line naming the file and the pattern. Pass-1 patterns
are read at their anchor token, longer patterns first (the first that reads
wins); pass-2 patterns (the imperative) after all of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from typing import NamedTuple

from ..assets import Assets
from ..errors import AssetError, Errors
from .clauses import REASON_MARKS, contiguous, has_own_subject, is_quote_mark, noun_phrase, subject_of
from .cues import Cue
from .token_patterns import Match, PatternMatcher, TokenPattern, load_token_patterns

PATTERN_FILE = "recommendation_triggers"
STRENGTHS = ("strong", "moderate", "weak")

_WH_TAGS = ("WP", "WDT", "WRB", "WP$")
_NEG = ("not", "n't", "never")
_FINITE_TAGS = ("VBD", "VBZ", "VBP")


# -- the lexicon the readers and vetoes consult ------------------------------


@dataclass(frozen=True)
class TriggerLexicon:
    """The trigger patterns and the word lists of the filters, loaded once per Assets."""

    triggers: dict  # pattern name -> Trigger
    patterns: tuple  # TokenPattern, file order
    discourse: frozenset[str]
    negative: frozenset[str]
    reporting: frozenset[str]
    author_refs: frozenset[str]
    non_recommendations: tuple  # regex Patterns (boilerplate, discourse phrases)
    filters: dict  # recommendation_filters.json: list name -> frozenset
    concessive_openers: frozenset[str] = frozenset()
    relative_openers: frozenset[str] = frozenset()

    @classmethod
    def load(cls, assets: Assets) -> TriggerLexicon:
        """Built once per Assets object (cached there)."""
        return assets.memo("recommendation_triggers", lambda: cls._build(assets))

    @classmethod
    def _build(cls, assets: Assets) -> TriggerLexicon:
        patterns = load_token_patterns(assets, PATTERN_FILE)
        path = assets.dir / f"patterns/{PATTERN_FILE}.json"
        triggers = {p.name: Trigger.of(p, path) for p in patterns}
        openers = assets.mapping("comment_clause_openers")
        return cls(
            triggers,
            patterns,
            assets.lexicon_set("discourse_verbs"),
            assets.lexicon_set("negative_action_verbs"),
            assets.lexicon_set("reporting_verbs"),
            assets.lexicon_set("author_references"),
            assets.patterns("non_recommendations"),
            {k: frozenset(v) for k, v in assets.mapping("recommendation_filters").items()},
            frozenset(openers.get("concessive", ())),
            frozenset(openers.get("relative", ())),
        )

    def words(self, name: str) -> frozenset[str]:
        """A list of ``recommendation_filters.json`` (empty if the file has none by that name)."""
        return self.filters.get(name, frozenset())

    def matcher(self, assets: Assets, vocab) -> PatternMatcher:
        return PatternMatcher.for_vocab(assets, PATTERN_FILE, vocab, self.patterns)


# -- registries ----------------------------------------------------------------


class Found(NamedTuple):
    """What a reader located for a match, before the vetoes look at it."""

    tok: object  # the anchor token
    first: int  # trigger tokens (inclusive)
    last: int
    head: object  # the token whose clause carries the recommendation
    verb: object = None  # the verb of the action
    subj: object = None
    passive: bool = False
    actor: list | None = None  # actor tokens already read ('for X to')
    after: int = -1  # the action starts after this token
    obj: object = None  # a directive's object
    polarity: str = "do"


class Reading(NamedTuple):
    """What one trigger says, in tokens of the segment Doc."""

    first: int  # trigger tokens (inclusive)
    last: int
    anchor: object  # the token whose clause carries the recommendation
    actor: list | None  # tokens
    action: list | None  # tokens
    polarity: str
    holder_cue: Cue | None = None


@dataclass(frozen=True)
class Reader:
    name: str
    locate: Callable  # (doc, match, trigger, lex) -> Found | None
    read: Callable  # (found, trigger, lex) -> Reading | None
    options: tuple[str, ...] = ()


READERS: dict[str, Reader] = {}
VETOES: dict[str, Callable] = {}  # name -> (found, lex) -> True when the match recommends nothing


def reader(name: str, read: Callable, options: tuple[str, ...] = ()):
    """Register ``locate`` (the decorated function) and ``read`` under ``name``."""

    def register(locate):
        READERS[name] = Reader(name, locate, read, options)
        return locate

    return register


def veto(name: str):
    def register(fn):
        VETOES[name] = fn
        return fn

    return register


@dataclass(frozen=True)
class Trigger:
    """A trigger pattern with its reader and vetoes resolved."""

    name: str
    strength: str
    reader: Reader
    vetoes: tuple = ()  # (name, predicate)
    options: frozenset = field(default_factory=frozenset)
    stage: int = 1

    @property
    def rule(self) -> str:
        return f"recommendation/{self.name}"

    @classmethod
    def of(cls, p: TokenPattern, path) -> Trigger:
        def bad(reason: str) -> AssetError:
            return AssetError(Errors.E041.format(path=path, name=p.name, reason=reason))

        f = p.fields
        rd = READERS.get(f.get("reader"))
        if rd is None:
            raise bad(f"unknown reader {f.get('reader')!r} (known: {', '.join(sorted(READERS))})")
        vetoes = f.get("vetoes", [])
        unknown = [v for v in vetoes if v not in VETOES] if isinstance(vetoes, list) else [vetoes]
        if unknown:
            raise bad(f"unknown veto {unknown[0]!r} (known: {', '.join(sorted(VETOES))})")
        if f.get("strength") not in STRENGTHS:
            raise bad(f"strength {f.get('strength')!r} is not one of {', '.join(STRENGTHS)}")
        options = f.get("options", [])
        extra = [o for o in options if o not in rd.options] if isinstance(options, list) else [options]
        if extra:
            raise bad(f"reader {rd.name!r} has no option {extra[0]!r} (options: {', '.join(rd.options) or 'none'})")
        if f.get("pass", 1) not in (1, 2):
            raise bad("'pass' must be 1 or 2")
        unknown_keys = sorted(set(f) - {"reader", "vetoes", "strength", "options", "pass"})
        if unknown_keys:
            raise bad(f"unknown key {unknown_keys[0]!r}")
        return cls(p.name, f["strength"], rd, tuple((v, VETOES[v]) for v in vetoes), frozenset(options), f.get("pass", 1))

    def read(self, doc, m: Match, lex: TriggerLexicon) -> Reading | None:
        found = self.reader.locate(doc, m, self, lex)
        if found is None or self.vetoed(found, lex) is not None:
            return None
        return self.reader.read(found, self, lex)

    def vetoed(self, found: Found, lex: TriggerLexicon) -> str | None:
        """The name of the first veto that holds, or None."""
        return next((name for name, fn in self.vetoes if fn(found, lex)), None)


def read_triggers(sd, lex: TriggerLexicon, assets: Assets) -> list[tuple[Reading, Trigger]]:
    """Every trigger read in a segment Doc, in reading order: pass 1 by anchor
    token (the first pattern that reads wins the token), then pass 2."""
    matches = lex.matcher(assets, sd.vocab)(sd)
    out: list[tuple[Reading, Trigger]] = []
    for stage in (1, 2):
        done: set[int] = set()
        for m in matches:
            trig = lex.triggers[m.pattern.name]
            if trig.stage != stage or m.anchor in done:
                continue
            r = trig.read(sd, m, lex)
            if r is not None:
                done.add(m.anchor)
                out.append((r, trig))
    return out


# -- small readings of the parse -------------------------------------------


def opens_clause(tok) -> bool:
    """The token starts its sentence (after a conjunction or punctuation at most)."""
    doc = tok.doc
    k = tok.sent.start
    while k < tok.i and (doc[k].is_punct or doc[k].dep_ == "cc" or doc[k].is_space):
        k += 1
    return k == tok.i


def is_question(sent) -> bool:
    """The sentence ends with a question mark (closing quotes and brackets aside)."""
    for k in range(len(sent) - 1, -1, -1):
        t = sent[k]
        if t.is_space or is_quote_mark(t) or t.text == ")":
            continue
        return t.text.endswith("?")
    return False


def _wh_dependent(v) -> bool:
    """A wh-word before the verb, or 'whether'/'if' marking it."""
    for c in v.children:
        if c.tag_ in _WH_TAGS and c.i < v.i and c.dep_ != "advmod" or c.dep_ == "mark" and c.lower_ in ("whether", "if"):
            return True
        if c.tag_ == "WRB" and c.i < v.i and c.lower_ in ("how", "why", "where", "what"):
            return True
    return False


def embedded(verb) -> bool:
    """A relative clause, an embedded question or a nominal use ("what both
    sides should do", "the question of who must pay", "whether X should")."""
    v = verb
    for _ in range(4):
        if _wh_dependent(v):
            return True
        if v.dep_ in ("relcl", "pcomp", "csubj", "pobj") or v.dep_ == "acl" and v.tag_ not in _FINITE_TAGS:
            return True  # (a finite verb read as a modifier is a parser error, not a relative use)
        if v.dep_ not in ("conj", "aux", "auxpass"):
            return False
        v = v.head
    return False


def _indirect_question(clause) -> bool:
    """A clause opened by a wh-word, "whether" or "if" ("why prices rise")."""
    first = clause.left_edge
    return first.i < clause.i and (first.tag_ in _WH_TAGS or first.lower_ in ("whether", "if"))


def _subject(verb):
    """(subject token or None, passive?) of the verb a trigger attaches to."""
    if any(c.dep_ == "expl" for c in verb.children):
        return None, False
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    subj = subject_of(verb)
    if subj is None:
        return None, passive
    if subj.dep_ == "pobj" and subj.head.dep_ == "agent":
        return subj, True
    if subj.dep_ == "nsubjpass" or passive:
        return None, True  # the subject of a passive is what is acted on ('the law ought to be reformed')
    return subj, passive


def actor_tokens(subj) -> list | None:
    if subj is None:
        return None
    if subj.pos_ == "PRON" or subj.tag_ in _WH_TAGS:
        return [subj]
    toks = noun_phrase(subj)
    first = toks[0] if toks else None
    if first is not None and first.lower_ == "that" and first.i > 0 and subj.doc[first.i - 1].text == ",":
        toks = toks[1:]  # 'told reporters, as the talks opened, that member states needed to'
    return toks


def _skip_adverbs(doc, j: int) -> int:
    while j < len(doc) and doc[j].pos_ == "ADV":
        j += 1
    return j


def _to_after_for(doc, j: int, limit: int) -> int | None:
    """The index of the "to" that closes "for X" opened at ``j`` (X not empty)."""
    k = j + 1
    while k < min(len(doc), j + 1 + limit) and doc[k].lower_ != "to":
        k += 1
    if k >= len(doc) or doc[k].lower_ != "to" or k == j + 1:
        return None
    return k


def _infinitive_verb(doc, j: int):
    """The verb of "to VP" at ``j``: the head of an auxiliary chain ("to be wound down" -> "wound")."""
    if not (j < len(doc) and doc[j].lower_ == "to" and j + 1 < len(doc)):
        return None
    v = doc[j + 1]
    while v.pos_ == "ADV" and v.i + 1 < len(doc):
        v = doc[v.i + 1]
    if not (v.tag_ == "VB" or v.pos_ == "VERB"):
        return None
    while v.dep_ in ("aux", "auxpass") and v.head.i > v.i:
        v = v.head
    return v


def for_x_to(doc, i: int, limit: int, preps: tuple[str, ...] = ("for",)):
    """After a trigger ending before token ``i``: ("for X") "to" VP -> (actor
    tokens or None, verb token, index of "to") or None. ``preps``: the
    prepositions that introduce X ('incumbent on X to')."""
    j = _skip_adverbs(doc, i)
    actor = None
    if j < len(doc) and doc[j].lower_ in preps:
        k = _to_after_for(doc, j, limit)
        if k is None:
            return None
        actor = list(doc[j + 1 : k])
        j = k
    v = _infinitive_verb(doc, j)
    if v is None:
        return None
    if any(c.dep_ == "auxpass" for c in v.children):
        actor = None  # 'for the fund to be wound down': an agentless passive names no actor
    return actor, v, j


# -- the action --------------------------------------------------------------


def _negative_complement(verb, lex: TriggerLexicon):
    """The complement of 'refrain from X' / 'avoid X' when it is what not to do;
    None for 'stop X and start Y', which asks for something to be done."""
    comp = _complement(verb)
    if comp is None:
        return None
    # a bare verb coordinated after the complement goes with 'stop', not with it
    instead = any(
        c.dep_ == "conj" and not has_own_subject(c) and (c.tag_ == "VB" and comp.tag_ != "VB" or c.head.i == verb.i) and c.lemma_.lower() not in lex.negative
        for c in list(verb.children) + list(comp.children)
    )
    return None if instead else comp


def _cut_from_action(c, verb, lex: TriggerLexicon) -> bool:
    """A dependent of the action's verb that is not part of the action."""
    if c.dep_ == "advcl" and any(m.dep_ == "mark" and (m.lower_ in REASON_MARKS or m.lower_ == "as" and has_own_subject(c)) for m in c.children):
        return True  # because ..., if ..., as <clause> (but 'as planned' stays)
    if c.dep_ == "conj" and has_own_subject(c):
        return True
    if c.dep_ in ("parataxis", "mark") or (c.dep_ == "cc" and any(s.dep_ == "conj" and has_own_subject(s) for s in verb.children)):
        return True
    return is_frame(c, lex)


def _trim_action(run: list, lex: TriggerLexicon) -> list:
    """Without a leading negation, "to" or punctuation; up to a semicolon, or a
    comment after a comma ("before June, when the rains return"; ", whatever happens")."""
    while run and (run[0].lower_ in _NEG or run[0].lower_ == "to" or run[0].is_punct):
        run = run[1:]
    for k, t in enumerate(run):
        if t.text == ";" or t.text == "," and k + 1 < len(run) and _comment_clause(run[k + 1], lex):
            return run[:k]
    return run


def action_tokens(verb, after: int, lex: TriggerLexicon) -> tuple[list, str]:
    """(tokens of the recommended verb phrase, polarity from the verb)."""
    polarity = "do"
    if verb.lemma_.lower() in lex.negative:
        comp = _negative_complement(verb, lex)
        if comp is not None:
            polarity = "dont"
            verb, after = comp, comp.left_edge.i - 1
    cut_ids = {t.i for c in verb.children if _cut_from_action(c, verb, lex) for t in c.subtree}
    toks = [t for t in verb.subtree if t.i > after and t.i not in cut_ids]
    run = contiguous(toks, verb) if verb.i > after else toks
    return _trim_action(run, lex), polarity


def _comment_clause(tok, lex: TriggerLexicon) -> bool:
    """A clause opened by a concessive 'whatever'/'however' or a relative
    'when'/'which' (``comment_clause_openers``): a comment on the action, not part of it."""
    if tok.lower_ in lex.concessive_openers:
        return True
    return tok.lower_ in lex.relative_openers and tok.head.dep_ in ("relcl", "advcl") and tok.head.i > tok.i


def is_frame(tok, lex: TriggerLexicon) -> bool:
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


def _read_to_verb(f: Found, trig: Trigger, lex: TriggerLexicon) -> Reading:
    """The shared read step: the action after ``f.after`` of ``f.verb``, the actor already found."""
    action, polarity = action_tokens(f.verb, f.after, lex)
    return Reading(f.first, f.last, f.head, f.actor, action, polarity)


# -- modal: 'should', 'must', 'ought to', 'had better' ------------------------


def _modal_verb(tok, last: int):
    """The verb a modal governs: its head, or the first bare verb after it, past
    an auxiliary chain ('ought to be reformed' -> 'reformed')."""
    doc = tok.doc
    verb = tok.head if tok.dep_ in ("aux", "auxpass") and tok.head.i != tok.i else None
    if verb is not None and verb.i > tok.i:
        return verb
    verb = next((t for t in doc[last + 1 : last + 5] if t.tag_ == "VB"), None)
    while verb is not None and verb.dep_ in ("aux", "auxpass") and verb.head.i > verb.i:
        verb = verb.head
    return verb


def _read_modal(f: Found, trig: Trigger, lex: TriggerLexicon) -> Reading:
    action, polarity = action_tokens(f.verb, f.last, lex)
    if _negated(f.tok, f.verb):
        polarity = "dont"
    actor = None if f.passive and f.subj is None else actor_tokens(f.subj)
    return Reading(f.first, f.last, f.verb, actor, action, polarity)


@reader("modal", _read_modal)
def _locate_modal(doc, m: Match, trig: Trigger, lex: TriggerLexicon) -> Found | None:
    tok = doc[m.start]
    verb = _modal_verb(tok, m.end - 1)
    if verb is None:
        return None
    subj, passive = _subject(verb)
    return Found(tok, tok.i, m.end - 1, verb, verb, subj, passive)


# -- semi-modal: 'need to', 'have to' (present tense; 'needed to' reported) ---


def _read_semi_modal(f: Found, trig: Trigger, lex: TriggerLexicon) -> Reading:
    action, polarity = action_tokens(f.verb, f.last, lex)
    return Reading(f.first, f.last, f.tok, actor_tokens(f.subj), action, polarity)


@reader("semi_modal", _read_semi_modal)
def _locate_semi_modal(doc, m: Match, trig: Trigger, lex: TriggerLexicon) -> Found | None:
    tok = doc[m.start]
    if tok.i + 2 >= len(doc):
        return None
    verb = next((c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i), None)
    if verb is None:
        verb = next((t for t in doc[tok.i + 2 : tok.i + 5] if t.tag_ == "VB"), None)
    if verb is None:
        return None
    subj, passive = _subject(tok)
    return Found(tok, tok.i, tok.i + 1, tok, verb, subj, passive)


# -- weak: 'could consider', 'may wish to', 'would do well to' ----------------


def _read_weak(f: Found, trig: Trigger, lex: TriggerLexicon) -> Reading | None:
    doc = f.tok.doc
    head, last = f.head, f.last
    action, polarity = action_tokens(head, last, lex)
    if doc[last].lower_ == "consider" and head.i == last:
        comp = _complement(head)
        if comp is not None and comp.lemma_.lower() in lex.negative:
            polarity = "dont"  # 'could consider refraining from'
    if not action:
        return None
    polarity = "dont" if _negated(doc[last], head) or polarity == "dont" else "do"
    return Reading(f.first, last, head, actor_tokens(f.subj), action, polarity)


@reader("weak", _read_weak)
def _locate_weak(doc, m: Match, trig: Trigger, lex: TriggerLexicon) -> Found | None:
    tok = doc[m.start]
    head = tok.head if tok.dep_ in ("aux", "auxpass") else tok
    if head.i < tok.i:
        return None
    subj, passive = _subject(head)
    return Found(tok, tok.i, m.end - 1, head, head, subj, passive)


# -- necessity: 'N is necessary', 'it is necessary (for X) to / that' ----------


def _copula_of(tok, lex: TriggerLexicon):
    if tok.dep_ in ("acomp", "attr") and tok.head.lemma_ in lex.words("copulas"):
        return tok.head
    return next((c for c in tok.children if c.dep_ == "auxpass" and c.lemma_ == "be"), None)


def _extraposed(subj) -> bool:
    """'it is necessary to': the subject is 'it' or an expletive."""
    return subj is not None and (subj.lower_ == "it" or subj.dep_ == "expl")


def _read_extraposed(f: Found, trig: Trigger, lex: TriggerLexicon) -> Reading | None:
    """it is necessary (for X) to VP / that X VP; with option ``on_x_to`` also
    'it is incumbent on X to VP'."""
    tok, clause_head = f.tok, f.head
    found = for_x_to(tok.doc, tok.i + 1, 12, ("for", "on", "upon") if "on_x_to" in trig.options else ("for",))
    if found is not None:
        actor, verb, to = found
        action, polarity = action_tokens(verb, to, lex)
        return Reading(f.first, tok.i, clause_head, actor, action, polarity)
    ccomp = next((c for c in tok.children if c.dep_ == "ccomp"), None) or next((c for c in clause_head.children if c.dep_ == "ccomp" and c.i > tok.i), None)
    if ccomp is None:
        return None
    csubj = next((c for c in ccomp.children if c.dep_ == "nsubj"), None)
    action, polarity = action_tokens(ccomp, (csubj.i if csubj is not None else ccomp.i - 1), lex)
    return Reading(f.first, tok.i, clause_head, actor_tokens(csubj), action, polarity)


def _read_noun_necessity(f: Found, lex: TriggerLexicon) -> Reading | None:
    """'closer coordination between X and Y is necessary': the noun phrase is
    the action, the participant of its 'between'/'by' phrase the actor."""
    subj = f.subj
    if subj is None or subj.pos_ == "PRON":
        return None
    np_toks = noun_phrase(subj)
    while np_toks and np_toks[0].dep_ == "det" and np_toks[0].lower_ in ("the", "a", "an"):
        np_toks = np_toks[1:]
    participant_preps = lex.words("participant_prepositions")
    for t in np_toks:
        if t.dep_ == "prep" and t.lower_ in participant_preps:
            pobj = next((g for g in t.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return Reading(f.first, f.tok.i, f.head, noun_phrase(pobj), [x for x in np_toks if x.i < t.i], "do")
    return Reading(f.first, f.tok.i, f.head, None, np_toks, "do")


def _read_necessity(f: Found, trig: Trigger, lex: TriggerLexicon) -> Reading | None:
    if _extraposed(f.subj):
        return _read_extraposed(f, trig, lex)
    if "extraposed_only" in trig.options:
        return None
    return _read_noun_necessity(f, lex)


@reader("necessity", _read_necessity, options=("extraposed_only", "on_x_to"))
def _locate_necessity(doc, m: Match, trig: Trigger, lex: TriggerLexicon) -> Found | None:
    tok = doc[m.start]
    cop = _copula_of(tok, lex)
    if cop is None:
        return None
    first = cop.i if cop.i == tok.i - 1 else tok.i
    clause_head = cop if tok.dep_ in ("acomp", "attr") else tok
    subj = next((c for c in clause_head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None and clause_head.dep_ == "conj":
        subj = subject_of(clause_head)
    return Found(tok, first, tok.i, clause_head, None, subj)


# -- 'there is a need (for X) to VP' (a dependency pattern) ------------------


@reader("need_noun", _read_to_verb)
def _locate_need_noun(doc, m: Match, trig: Trigger, lex: TriggerLexicon) -> Found | None:
    tok, head, expl = doc[m.nodes["need"]], doc[m.nodes["copula"]], doc[m.nodes["there"]]
    found = for_x_to(doc, tok.i + 1, 12)
    if found is None:
        return None
    actor, verb, to = found
    return Found(tok, min(expl.i, head.i), tok.i, head, verb, actor=actor, after=to)


# -- 'now is the time for X to', 'it is time for X to' ------------------------


@reader("time", _read_to_verb)
def _locate_time(doc, m: Match, trig: Trigger, lex: TriggerLexicon) -> Found | None:
    start, last = m.start, m.end - 1
    found = for_x_to(doc, last + 1, 15)
    if found is None:
        return None
    actor, verb, to = found
    anchor = doc[start]
    while anchor.head.i != anchor.i and start <= anchor.head.i <= last:
        anchor = anchor.head
    root = anchor if anchor.pos_ in ("VERB", "AUX") else anchor.head
    return Found(doc[m.anchor], start, last, root, verb, actor=actor, after=to)


# -- directives: 'urge X to', 'call on X to', 'recommend that X', 'call for N' -


def _holder_cue(tok, lex: TriggerLexicon) -> Cue:
    return Cue(tok.i, tok.i, _speaking_verb(tok, lex), "subject")


def _speaking_verb(tok, lex: TriggerLexicon):
    """The verb whose subject holds a directive: the directive itself, or the
    reporting verb it is coordinated with when the parser hung it inside that
    verb's content clause ('X emphasized that A was essential and asked B to')."""
    h = tok.head
    if tok.dep_ == "conj" and h.dep_ == "ccomp" and h.head.lemma_.lower() in lex.reporting and not has_own_subject(tok):
        return h.head
    return tok


def _object_verb(tok, obj):
    """The verb asked for: 'urge X to VP' (xcomp), or a to-infinitive the parser hung on X."""
    verb = next((c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i), None)
    if verb is None and obj is not None:
        verb = next((c for c in obj.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VB" and any(g.lower_ == "to" for g in c.children)), None)
    return verb


def _that_clause(tok):
    """'recommends that X VP' -> (verb, subject) of the content clause, or None."""
    ccomp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
    if ccomp is None or any(c.tag_ == "MD" for c in ccomp.children):
        return None  # "suggests that X should ...": the modal is the trigger
    csubj = next((c for c in ccomp.children if c.dep_ == "nsubj"), None)
    if csubj is None or _indirect_question(ccomp):
        return None  # "ask me why prices rise": a question, not a request
    return ccomp, csubj


def _directive_reading(f: Found, verb, after: int, actor, lex: TriggerLexicon) -> Reading | None:
    if verb.tag_ not in ("VB", "VBG") and verb.pos_ != "VERB":
        return None
    action, polarity = action_tokens(verb, after, lex)
    return Reading(f.tok.i, f.last, f.tok, actor, action, polarity, _holder_cue(f.tok, lex))


def _read_directive(f: Found, trig: Trigger, lex: TriggerLexicon) -> Reading | None:
    """'urge X to VP'; with option ``that_clause`` 'recommend that X VP'; with
    ``noun_object`` 'propose a ceasefire' (the noun is the action, no actor)."""
    tok, obj = f.tok, f.obj
    verb = _object_verb(tok, obj)
    if verb is not None:
        return _directive_reading(f, verb, verb.i - 1, actor_tokens(obj) if obj is not None else None, lex)
    if "that_clause" in trig.options and any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
        clause = _that_clause(tok)
        if clause is None:
            return None
        verb, csubj = clause
        return _directive_reading(f, verb, csubj.i, actor_tokens(csubj), lex)
    if obj is not None and "noun_object" in trig.options and obj.pos_ == "NOUN":
        return Reading(tok.i, f.last, tok, None, noun_phrase(obj), "do", _holder_cue(tok, lex))
    return None


@reader("directive", _read_directive, options=("that_clause", "noun_object"))
def _locate_directive(doc, m: Match, trig: Trigger, lex: TriggerLexicon) -> Found | None:
    tok, last = doc[m.start], m.end - 1
    obj = next((g for g in doc[last].children if g.dep_ == "pobj"), None) if last > tok.i else None  # 'call on X'
    if obj is None:
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "dative") and c.i > tok.i), None)
    return Found(tok, tok.i, last, tok, obj=obj)


def _read_directive_for(f: Found, trig: Trigger, lex: TriggerLexicon) -> Reading | None:
    """'called for a ceasefire': the object is what should be done, no actor
    named; 'pressed for the agency to publish X': the agency should publish X."""
    tok = f.tok
    found = for_x_to(tok.doc, f.last, 12)
    if found is not None:
        actor, verb, to = found
        action, polarity = action_tokens(verb, to, lex)
        return Reading(tok.i, f.last, tok, actor, action, polarity, _holder_cue(tok, lex))
    if f.obj is None:
        return None
    return Reading(tok.i, f.last, tok, None, noun_phrase(f.obj), "do", _holder_cue(tok, lex))


@reader("directive_for", _read_directive_for)
def _locate_directive_for(doc, m: Match, trig: Trigger, lex: TriggerLexicon) -> Found | None:
    tok, part = doc[m.start], doc[m.end - 1]
    return Found(tok, tok.i, part.i, tok, obj=next((g for g in part.children if g.dep_ == "pobj"), None))


# -- 'let us' --------------------------------------------------------------


def _read_hortative(f: Found, trig: Trigger, lex: TriggerLexicon) -> Reading:
    verb = f.verb
    action, pol = action_tokens(verb, verb.i - 1, lex)
    us = f.tok.doc[f.last]
    return Reading(f.first, f.last, f.tok, [us], action, "dont" if f.polarity == "dont" or pol == "dont" else "do")


@reader("hortative", _read_hortative)
def _locate_hortative(doc, m: Match, trig: Trigger, lex: TriggerLexicon) -> Found | None:
    tok = doc[m.start]
    k = tok.i + 2
    if k >= len(doc):
        return None
    polarity = "do"
    if doc[k].lower_ in _NEG:
        polarity = "dont"
        k += 1
    k = _skip_adverbs(doc, k)
    if k >= len(doc) or doc[k].pos_ not in ("VERB", "AUX"):
        return None
    return Found(tok, tok.i, tok.i + 1, tok, doc[k], polarity=polarity)


# -- the imperative (pass 2): 'Establish a joint task force.' ---------------


def _skippable(t) -> bool:
    return t.is_punct or t.is_space or t.like_num


def _is_lead(tok) -> bool:
    """The first word of its sentence (punctuation, spaces and numbers before it aside)."""
    doc, k = tok.doc, tok.i
    while not doc[k].is_sent_start:
        k -= 1
        if not _skippable(doc[k]):
            return False
    return True


def _read_imperative(f: Found, trig: Trigger, lex: TriggerLexicon) -> Reading:
    first, verb, polarity = f.tok, f.verb, f.polarity
    if verb.dep_ != "ROOT":
        # the parser read the bare verb as a modifier ('Rehearse reinforcement ...'): the rest of the sentence is the action
        return Reading(first.i, first.i if polarity == "do" else verb.i - 1, verb, None, [t for t in verb.sent if t.i >= verb.i], polarity)
    action, pol = action_tokens(verb, verb.i - 1, lex)
    last = verb.i - 1 if polarity == "dont" else first.i  # "Do not" / the verb itself
    return Reading(first.i, last, verb, None, action, "dont" if polarity == "dont" or pol == "dont" else "do")


@reader("imperative", _read_imperative)
def _locate_imperative(doc, m: Match, trig: Trigger, lex: TriggerLexicon) -> Found | None:
    """A sentence that opens with a bare verb ("Establish ..."), or with "Do not"/"Never" + verb."""
    first = doc[m.start]
    if not _is_lead(first):
        return None
    toks = list(islice((t for t in doc[first.i : first.sent.end] if not _skippable(t)), 3))
    if len(toks) < 3:
        return None
    verb, polarity = first, "do"
    if first.lower_ in ("do", "never"):
        if first.lower_ == "do" and toks[1].lower_ not in ("not", "n't"):
            return None
        verb, polarity = toks[2 if first.lower_ == "do" else 1], "dont"
    if verb.tag_ != "VB":
        return None
    return Found(first, first.i, first.i, verb, verb, polarity=polarity)


# -- vetoes ---------------------------------------------------------------------


@veto("perfect")
def _perfect(f: Found, lex: TriggerLexicon) -> bool:
    """'should have done': criticism of the past; 'must have been': a conclusion."""
    verb = f.verb
    between = f.tok.doc[f.last + 1 : verb.i + 1]
    return any(t.lower_ in ("have", "'ve") and t.i < verb.i for t in between) and (verb.tag_ == "VBN" or any(t.lower_ == "been" for t in between))


@veto("inverted_subject")
def _inverted_subject(f: Found, lex: TriggerLexicon) -> bool:
    """'Should the talks fail, ...': a conditional inversion (the subject after the trigger)."""
    return f.subj is not None and f.subj.i > f.tok.i and not f.passive


@veto("inverted_passive")
def _inverted_passive(f: Found, lex: TriggerLexicon) -> bool:
    """'Should the deal be signed, ...': the same, in the passive."""
    return opens_clause(f.tok) and any(c.dep_ == "nsubjpass" and c.i > f.tok.i for c in f.verb.children)


@veto("embedded")
def _embedded_veto(f: Found, lex: TriggerLexicon) -> bool:
    """'what both sides should do', 'the question of who must pay'."""
    return embedded(f.head)


def _predicates(verb) -> list:
    return [c for c in verb.children if c.dep_ in ("acomp", "attr")]


@veto("epistemic_predicate")
def _epistemic_predicate(f: Found, lex: TriggerLexicon) -> bool:
    """'it must be true': a conclusion (``epistemic_predicates``)."""
    if f.verb.lemma_ != "be":
        return False
    epistemic = lex.words("epistemic_predicates")
    return any(" ".join(w.lower_ for w in p.subtree) in epistemic or p.lower_ in epistemic for p in _predicates(f.verb))


@veto("judgement")
def _judgement(f: Found, lex: TriggerLexicon) -> bool:
    """'must be among the most unforgiving waters': a superlative or 'among' is a judgement."""
    verb = f.verb
    if verb.lemma_ != "be":
        return False
    return any(c.dep_ == "prep" and c.lower_ == "among" for c in verb.children) or any(w.tag_ in ("JJS", "RBS") for p in _predicates(verb) for w in p.subtree)


@veto("epistemic_verb")
def _epistemic_verb(f: Found, lex: TriggerLexicon) -> bool:
    """'officials must wonder what became of it': a conjecture about minds."""
    return f.verb.lemma_.lower() in lex.words("epistemic_verbs")


@veto("predictive_subject")
def _predictive_subject(f: Found, lex: TriggerLexicon) -> bool:
    """'this should help': a demonstrative or 'it' subject with a predictive verb."""
    sl = f.subj.lower_ if f.subj is not None else None
    return sl in lex.words("predictive_subjects") and not f.passive and f.verb.lemma_.lower() in lex.words("predictive_verbs")


@veto("speculative_adverb")
def _speculative_adverb(f: Found, lex: TriggerLexicon) -> bool:
    """'the bill should pass easily': a prediction."""
    return any(c.dep_ == "advmod" and c.lower_ in lex.words("speculative_adverbs") for c in f.verb.children)


@veto("speculative_adverb_before")
def _speculative_adverb_before(f: Found, lex: TriggerLexicon) -> bool:
    """'the dispute must eventually end up before a tribunal': a prediction."""
    return any(c.dep_ == "advmod" and c.lower_ in lex.words("speculative_adverbs") and c.i < f.verb.i for c in f.verb.children)


@veto("forecast_change")
def _forecast_change(f: Found, lex: TriggerLexicon) -> bool:
    """'premiums should fall by autumn': an intransitive change of state with a
    time after it is a forecast (not in the passive)."""
    verb = f.verb
    if f.passive or verb.lemma_.lower() not in lex.words("change_of_state_verbs") or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return False
    if any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree if t.i > verb.i):
        return True
    marks = lex.words("time_clause_marks")
    return any(c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in marks for m in c.children) for c in verb.children)


def _backshifted(tok, lex: TriggerLexicon) -> bool:
    """Reported speech after a past reporting verb keeps its tense back: "she
    told reporters that member states needed to act" reports "need to"."""
    return tok.dep_ == "ccomp" and tok.head.tag_ == "VBD" and tok.head.lemma_.lower() in lex.reporting and tok.head.i < tok.i


@veto("past_unreported")
def _past_unreported(f: Found, lex: TriggerLexicon) -> bool:
    """'The government needed to borrow more': a past constraint, unless reported speech keeps its tense back."""
    return f.tok.tag_ == "VBD" and not _backshifted(f.tok, lex)


@veto("predicted_or_denied")
def _predicted_or_denied(f: Found, lex: TriggerLexicon) -> bool:
    """'will have to face': a prediction of circumstance; 'does not need to': no obligation."""
    tok = f.tok
    aux = lex.words("prediction_auxiliaries")
    if any(c.dep_ in ("aux", "neg") and (c.lower_ in aux or c.lower_ in _NEG) for c in tok.children):
        return True
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and (prev.lower_ in aux or prev.lower_ in _NEG)


@veto("idiom_do_with")
def _idiom_do_with(f: Found, lex: TriggerLexicon) -> bool:
    """'has to do with': a relation, not an obligation."""
    return f.verb.lemma_ == "do" and any(c.lower_ == "with" for c in f.verb.children)


@veto("quantity_subject")
def _quantity_subject(f: Found, lex: TriggerLexicon) -> bool:
    """'a majority is needed to pass bills': a requirement of circumstance."""
    return f.subj is not None and not _extraposed(f.subj) and f.subj.lower_ in lex.words("quantity_nouns")


@veto("importance_to")
def _importance_to(f: Found, lex: TriggerLexicon) -> bool:
    """'trade is vital to the region': an importance, not an action."""
    if _extraposed(f.subj):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("to", "for") and any(g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") for g in c.children) for c in f.tok.children)


@veto("passive_or_negated")
def _passive_or_negated(f: Found, lex: TriggerLexicon) -> bool:
    """'was urged to', 'did not call for': not the holder's request."""
    return any(c.dep_ in ("auxpass", "nsubjpass", "neg") for c in f.tok.children)


def _is_discourse(verb, lex: TriggerLexicon) -> bool:
    """'let us start with', 'consider the case of', 'take a look at'."""
    doc = verb.doc
    lemma = verb.lemma_.lower()
    nxt = doc[verb.i + 1].lower_ if verb.i + 1 < len(doc) else ""
    nxt2 = doc[verb.i + 2].lower_ if verb.i + 2 < len(doc) else ""
    return lemma in lex.discourse or f"{lemma} {nxt}" in lex.discourse or f"{lemma} {nxt} {nxt2}" in lex.discourse


@veto("discourse_verb")
def _discourse_verb(f: Found, lex: TriggerLexicon) -> bool:
    """'Consider the case of ...', 'Note that ...' (``discourse_verbs``)."""
    return _is_discourse(f.verb, lex)


@veto("discourse_verb_unless_negated")
def _discourse_verb_unless_negated(f: Found, lex: TriggerLexicon) -> bool:
    """'let us start with ...' organises the text; negated, 'let us not dwell on X'
    asks for something, except 'let us not forget' (``discourse_even_negated``)."""
    kept = f.polarity == "dont" and f.verb.lemma_.lower() not in lex.words("discourse_even_negated")
    return _is_discourse(f.verb, lex) and not kept


@veto("question")
def _question(f: Found, lex: TriggerLexicon) -> bool:
    return is_question(f.tok.sent)


@veto("polite_or_let")
def _polite_or_let(f: Found, lex: TriggerLexicon) -> bool:
    """'Please ...', 'Let me ...' open a request or a frame, not an imperative recommendation."""
    return f.verb.lower_ in lex.words("not_imperative_verbs")


@veto("bare_verb_in_finite_sentence")
def _bare_verb_in_finite_sentence(f: Found, lex: TriggerLexicon) -> bool:
    """A bare verb inside a sentence that has its own finite verb."""
    return f.verb.dep_ != "ROOT" and any(t.tag_ in _FINITE_TAGS + ("MD",) for t in f.verb.sent)


@veto("has_subject")
def _has_subject(f: Found, lex: TriggerLexicon) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in f.verb.children)


@veto("example_sentence")
def _example_sentence(f: Found, lex: TriggerLexicon) -> bool:
    """'Take, for example, ...': an illustration (``example_markers``)."""
    low = f.tok.sent.text.lower()
    return any(marker in low for marker in lex.words("example_markers"))
