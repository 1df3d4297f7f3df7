"""Reporting cues: the verbs and phrases that introduce speech, and who speaks.

Shared by the quote extractor (quotation marks) and the reported-speech
extractor (no marks). A cue is a reporting verb (``models/lexicons/
reporting_verbs.json``, matched on the lemma of a verb) or a multiword phrase
(``reporting_phrases.json``: "made the following statement", "according
to"); the speaker is the subject of the verb or phrase, or the noun phrase
after an 'object' phrase ("according to X"). Speaker phrases are returned as
written; ``resolve.attribution`` turns them into canonical names.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import NamedTuple

from ..assets import Assets
from ..document import Segment, Span
from .clauses import after_dateline, noun_phrase, span_of, subject_of


class SpeakerPhrase(NamedTuple):
    """A speaker as written: the whole phrase and its head word (view spans)."""

    span: Span
    head: Span


class Cue(NamedTuple):
    first: int  # token indices in the segment Doc (inclusive)
    last: int
    verb: object  # the spaCy token whose subject speaks (None for 'object' phrases)
    role: str  # "subject", "object" ('according to X'), "source" ('From X: "..."') or "possessor" ('in his words')


@dataclass(frozen=True)
class CueLexicon:
    verbs: frozenset[str]
    phrases: tuple[tuple[tuple[str, ...], str], ...]  # (words, role), longest first
    by_first: dict  # first word -> the phrases that start with it, longest first
    by_last: dict  # last word -> the phrases that end with it, longest first
    person_nouns: frozenset[str] = frozenset()  # nouns (lemmas) that name a person or a group of people
    text_nouns: frozenset[str] = frozenset()  # nouns of something said or written (a statement, a report)
    lemma_fixes: dict = field(default_factory=dict)  # form -> lemma where the model's lemma is wrong ('hoped' -> 'hop')
    sentence_adverbs: frozenset[str] = frozenset()  # 'Then Obviously called': no surname

    @classmethod
    def load(cls, assets: Assets) -> CueLexicon:
        """Built once per Assets object (cached there)."""
        return assets.memo("reporting_cues", lambda: cls._build(assets))

    @classmethod
    def _build(cls, assets: Assets) -> CueLexicon:
        phrases = tuple(sorted(((tuple(k.lower().split()), v) for k, v in assets.mapping("reporting_phrases").items()), key=lambda kv: -len(kv[0])))
        by_first: dict = {}
        by_last: dict = {}
        for words, role in phrases:
            by_first.setdefault(words[0], []).append((words, role))
            by_last.setdefault(words[-1], []).append((words, role))
        titles = {t.lower() for t in assets.lexicon("person_titles") if " " not in t and not t.endswith(".")}
        people = assets.lexicon_set("person_role_nouns") | titles | _PEOPLE_GROUPS
        texts = assets.lexicon_set("speech_nouns") | assets.lexicon_set("source_nouns")
        fixes = dict(assets.mapping("lemma_corrections"))
        return cls(
            assets.lexicon_set("reporting_verbs"), phrases, by_first, by_last, frozenset(people), frozenset(texts), fixes,
            assets.lexicon_set("sentence_adverbs"),
        )  # fmt: skip

    def lemma(self, tok) -> str:
        """The token's lemma, corrected where the model is known to slip ('hoped' -> 'hope')."""
        return self.lemma_fixes.get(tok.lower_) or tok.lemma_.lower()

    def is_verb(self, tok) -> bool:
        return tok.pos_ == "VERB" and self.lemma(tok) in self.verbs

    def verb_forms(self) -> list[str]:
        """The lemmas and the corrected forms a scan for reporting verbs looks for."""
        return [*self.verbs, *(form for form, lemma in self.lemma_fixes.items() if lemma in self.verbs)]

    def phrase_ending_at(self, doc, j: int) -> Cue | None:
        """A reporting phrase whose last token is ``doc[j]``."""
        for words, role in _indexed(self.by_last, doc[j]):
            i = j - len(words) + 1
            if i < 0:
                continue
            if all(_word_matches(doc[i + k], w) for k, w in enumerate(words)):
                return Cue(i, j, doc[i] if role == "subject" else None, role)
        return None

    def phrase_starting_at(self, doc, i: int) -> Cue | None:
        for words, role in _indexed(self.by_first, doc[i]):
            j = i + len(words) - 1
            if j >= len(doc):
                continue
            if all(_word_matches(doc[i + k], w) for k, w in enumerate(words)):
                return Cue(i, j, doc[i] if role == "subject" else None, role)
        return None

    def verb_cue(self, tok) -> Cue:
        """A reporting verb as a cue: a participle opening a clause keeps its
        complementiser ("recognizing that")."""
        doc = tok.doc
        last = tok.i
        if tok.tag_ in ("VBG", "VBN") and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "that" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            last = tok.i + 1
        return Cue(tok.i, last, tok, "subject")


# group nouns that are always people (not bodies, places or things that are also said to 'speak')
_PEOPLE_GROUPS = frozenset(
    {"critic", "protester", "supporter", "opponent", "voter", "resident", "delegate", "activist", "people", "crowd", "audience",
     "demonstrator", "friend", "policymaker", "narrator", "aide", "colleague", "neighbor", "neighbour", "witness", "leader", "player",
     "fan", "member", "parent", "man", "woman", "person", "staffer", "official", "campaigner", "organizer", "organiser"}
)  # fmt: skip


def _indexed(index: dict, tok) -> list:
    """The phrases ``index`` files under the token's form or lemma, longest first."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    found = index.get(low, [])
    if lemma != low and lemma in index:
        found = sorted(found + index[lemma], key=lambda wr: -len(wr[0]))
    return found


def _word_matches(tok, word: str) -> bool:
    return tok.lower_ == word or tok.lemma_.lower() == word


def cue_span(seg: Segment, cue: Cue) -> Span:
    doc = seg.doc
    return Span(seg.start + doc[cue.first].idx, seg.start + doc[cue.last].idx + len(doc[cue.last].text))


def speaker_phrases(seg: Segment, cue: Cue, lex: CueLexicon | None = None) -> tuple[SpeakerPhrase, ...]:
    """The speaker of a cue, as written (one phrase; coordinated names stay
    together and are split by the resolver)."""
    if cue.role == "possessor":
        return _possessor_phrase(seg, cue)
    head = _object_head(seg.doc, cue) if cue.role in ("object", "source") else _subject_head(cue, lex)
    if head is None:
        return ()
    head = _past_dateline(head, cue)
    head = _issuer(head, cue, lex) if lex is not None else head
    toks = after_dateline(_speaker_tokens(head, cue))  # "LIMA, 3 July 2024 — The envoy ..."
    span = span_of(seg, toks, strip_det=True)
    hspan = span_of(seg, [head])
    if span is None or hspan is None:
        return ()
    return (SpeakerPhrase(span, hspan),)


def _possessor_phrase(seg: Segment, cue: Cue) -> tuple[SpeakerPhrase, ...]:
    """'in his words': the possessive pronoun stands for the speaker."""
    doc = seg.doc
    poss = next((t for t in doc[cue.first : cue.last + 1] if t.tag_ == "PRP$"), None)
    sp = span_of(seg, [poss]) if poss is not None else None
    return (SpeakerPhrase(sp, sp),) if sp is not None else ()


def _object_head(doc, cue: Cue):
    """'according to X': the head of the cue's object, or of the noun phrase
    that follows when the parser attached the object elsewhere."""
    last = doc[cue.last]
    head = next((c for c in last.children if c.dep_ == "pobj"), None)
    if head is None and cue.last + 1 < len(doc):
        nxt = doc[cue.last + 1]
        head = nxt if nxt.pos_ in ("NOUN", "PROPN", "PRON") else _np_head_after(nxt)
    return head


def _subject_head(cue: Cue, lex: CueLexicon | None = None):
    """The subject of a reporting verb (or participle), else the subject written
    before it; nobody for a passive cue with no agent ('Roe was called "a liar"',
    'a group called "X"': the subject is what the words are about)."""
    if passive_without_agent(cue.verb):
        return None
    head = participle_subject(cue.verb) or subject_of(cue.verb)
    return (_misread_surname(cue.verb, lex) or subject_before(cue.verb) or subject_after(cue.verb)) if head is None else head


def _speaker_tokens(head, cue: Cue) -> list:
    """The speaker phrase's tokens in order: a pronoun alone, else the head's
    noun phrase with any split-off subject siblings, never past the cue."""
    coordinated = any(c.dep_ == "conj" for c in head.children)
    toks = [head] if head.tag_ in ("PRP", "WP") and not coordinated else list(noun_phrase(head))
    if cue.role == "subject" and cue.verb is not None and head.head.i == cue.verb.i:
        # the parser may split one subject into several ('the bank's vice-president, X')
        for sib in cue.verb.children:
            if sib.dep_ == "nsubj" and sib.i != head.i and sib.i < cue.verb.i:
                toks = toks + list(noun_phrase(sib))
    if head.i < cue.first:
        toks = [t for t in toks if t.i < cue.first]  # never past the cue
    elif head.i > cue.last:
        toks = [t for t in toks if t.i > cue.last]  # 'Said Roe:' (the parser may hang the verb from the name)
    return sorted(toks, key=lambda t: t.i)


def _issuer(head, cue: Cue, lex: CueLexicon):
    """'Roe issued a statement saying ...', 'the campaign sent an email to
    supporters stating ...', 'Roe released an ad that urges ...': a participle
    or a relative clause that hangs from a noun of something written reports
    for the text's owner (:func:`noun_owner`), when one is written."""
    verb = cue.verb
    if verb is not None and verb.dep_ == "acl" and verb.head.i == head.i:
        sender = _sender_to(head, lex)
        if sender is not None:
            return sender  # 'an email to supporters saying ...', 'emailed supporters saying ...'
    if verb is not None and verb.dep_ == "relcl" and head.tag_ in ("WDT", "WP") and head.head.i == verb.i:
        head = verb.head  # 'a statement that says ...': the relative pronoun stands for the noun
    if verb is None or verb.dep_ not in ("acl", "relcl") or verb.head.i != head.i or head.lemma_.lower() not in lex.text_nouns | _DISPLAYS:
        return head
    owner = noun_owner(head)
    return owner if owner is not None else head


def _sender_to(noun, lex: CueLexicon):
    """The sender of a text addressed to ``noun``: the owner of the text it goes to
    ('sent a message to supporters', 'his memo to employees'), or the subject of a
    verb of sending words ('emailed supporters'); None when ``noun`` receives nothing."""
    text = None
    if noun.dep_ == "pobj" and noun.head.lower_ == "to":
        above = noun.head.head
        text = above if above.pos_ == "NOUN" else next((c for c in above.children if c.dep_ == "dobj"), None)
    if text is not None and text.lemma_.lower() in lex.text_nouns:
        return noun_owner(text) or text
    if noun.dep_ in ("dobj", "dative") and noun.head.lemma_.lower() in _SENDING_VERBS:
        return subject_of(noun.head)
    return None


# verbs whose object receives words sent by the subject ('emailed supporters saying ...')
_SENDING_VERBS = frozenset({"email", "e-mail", "text", "message", "mail", "tweet", "write"})


def noun_owner(noun):
    """The owner of a noun of speech or writing: its possessor ('Roe's call'),
    the agent after "by" ('a report by the Tribune'), or the subject of the verb
    whose object it is ('Roe issued a statement'); None when none is written."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for c in noun.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in _ISSUING_VERBS:
        subj = subject_of(noun.head)
        return None if subj is None or subj.lower_ in _NOT_OWNERS else subj
    return None


# verbs whose subject makes, issues or displays the text that is their object ('Roe issued a statement',
# 'protesters carried signs saying ...')
_ISSUING_VERBS = frozenset(
    """make issue release send deliver give offer post publish write tweet put voice express repeat reiterate
    renew sign file circulate blast pen author run air unveil launch coin adopt pass approve
    carry hold wave wear hoist raise display brandish""".split()
)
# things that display words for whoever carries them
_DISPLAYS = frozenset({"sign", "banner", "placard", "poster", "billboard", "t-shirt", "shirt"})
_NOT_OWNERS = frozenset({"it", "this", "that", "which", "what", "there", "who"})


def passive_without_agent(verb) -> bool:
    """A past participle used as a passive ('was called', 'a group called') with no
    'by X'. A participle set off by a comma from its noun ('Roe, the nominee,
    tweeted') is more often a finite verb the parser misread: not counted."""
    if verb is None or verb.tag_ != "VBN":
        return False
    passive = verb.dep_ == "acl" and verb.i == verb.head.i + 1 or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    return passive and not any(c.dep_ == "agent" for c in verb.children)


def participle_subject(verb):
    """'Roe said the talks could be "messy," adding, "..."', 'X seemed
    ready, telling the crowd, "..."', 'X rallied supporters by warning that
    ...', 'when protesters interrupted her, shouting "..."': a participle with
    no subject of its own reports the words of the nearest subject before it
    that is not inside a content clause (the parser often hangs the participle
    from a verb of the content or of the quote itself)."""
    if verb.tag_ != "VBG" or verb.dep_ not in _PARTICIPLE_DEPS + ("acl",) or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    shown = _depicted(verb)
    if shown is not None or verb.dep_ == "acl":
        return shown
    sent = verb.sent
    for t in reversed(verb.doc[sent.start : verb.i]):
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.i < verb.i and t.head.pos_ in ("VERB", "AUX") and not _in_content_clause(t.head) and t.lower_ not in _NOT_OWNERS:
            return t
    return None


_PARTICIPLE_DEPS = ("advcl", "xcomp", "conj", "ccomp", "pcomp")


def _depicted(verb):
    """'footage of Roe asking, "..."', 'the ad shows Roe saying ...': a participle
    right after a name that a recording or a verb of showing presents speaks
    for that name, not for the subject of the sentence."""
    if verb.i == 0:
        return None
    noun = verb.doc[verb.i - 1]
    if noun.pos_ not in ("PROPN", "PRON") or noun.tag_ == "PRP$":
        return None
    frame = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun.head if noun.dep_ == "dobj" else None
    return noun if frame is not None and frame.lemma_.lower() in _DEPICTING else None


# recordings and verbs of showing whose object, followed by a participle, is the one speaking
_DEPICTING = frozenset(
    """footage video clip tape recording audio image images photo picture scene ad advert advertisement spot film
    show feature depict capture hear see watch play air record catch""".split()
)


def _in_content_clause(verb) -> bool:
    """A verb inside a clause that another verb reports ('Roe said [the talks could be messy]')
    or that completes a noun ('an admission [that soldiers had fought]', 'news [that the server had ...]')."""
    v = verb
    for _ in range(_CLAUSE_DEPTH):
        if v.dep_ == "ccomp" or v.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in v.children):
            return True
        if v.head.i == v.i:
            return False
        v = v.head
    return False


_CLAUSE_DEPTH = 4


def _past_dateline(head, cue: Cue):
    """'LIMA, 3 July 2024 — The envoy, Marta Vidal, told ...': when the parser
    takes the dateline's place as the subject, the subject is the noun phrase
    after the dash."""
    doc = head.doc
    rest = after_dateline(list(doc[head.sent.start : cue.first]))
    if not rest or rest[0].i <= head.i or len(rest) == cue.first - head.sent.start:
        return head
    ids = {t.i for t in rest}
    roots = [t for t in rest if t.head.i not in ids and t.pos_ in ("NOUN", "PROPN", "PRON")]
    return roots[0] if roots else head


def subject_before(verb):
    """A subject the parser left unattached: the noun phrase right before a
    finite verb, past a relative clause or a parenthesis between commas
    ("an adviser to the government, who asked not to be named, said ...")."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("expl", "nsubj", "nsubjpass") for c in verb.children):
        return None
    doc = verb.doc
    j = verb.i - 1
    start = verb.sent.start
    while j >= start:
        t = doc[j]
        if t.is_punct or t.pos_ in ("AUX", "ADV", "PART"):
            j -= 1
            continue
        rel = next((a for a in [t, *t.ancestors] if a.dep_ in ("relcl", "acl") and a.i < verb.i), None)
        if rel is not None and rel.head.i < rel.left_edge.i:
            j = rel.left_edge.i - 1
            continue
        if t.pos_ in ("NOUN", "PROPN"):
            while t.dep_ in ("pobj", "compound") and t.head.i != t.i and t.head.i != verb.i:
                t = t.head.head if t.dep_ == "pobj" else t.head
            return _first_conjunct(t)
        return None
    return None


def _misread_surname(verb, lex: CueLexicon | None):
    """'And Skelly called ...', ', Will described ...': a capitalised word inside the
    sentence right before the verb that the tagger read as an adverb or a modal is a
    surname (not a sentence adverb: 'Then Obviously called'; not in a Title Case
    headline: 'Voters Will Call ...')."""
    t = verb.doc[verb.i - 1] if verb.i > 0 and lex is not None else None
    if t is None or t.pos_ not in ("ADV", "AUX") or t.i == t.sent.start or t.lower_ in lex.sentence_adverbs or not verb.text.islower():
        return None
    return t if t.text[:1].isupper() and t.text[1:].islower() and t.is_alpha else None


def _first_conjunct(t):
    """'..., Roe and Doe call them "..."': the first of coordinated names right
    before the verb (the parser may hang the first from an earlier noun)."""
    while t.dep_ == "conj" and t.pos_ == "PROPN" and t.head.pos_ == "PROPN" and t.head.i < t.i and t.i - t.head.i <= _MAX_CONJUNCT_GAP:
        t = t.head
    return t


_MAX_CONJUNCT_GAP = 4  # tokens from one coordinated name to the next ('Roe, Doe and Poe')


def subject_after(verb):
    """'Said Ellis: "..."', 'Added the senator, "..."': a past-tense reporting
    verb that opens its sentence, with the speaker's noun phrase between it and
    the colon or comma that introduces the quote (the head: its last noun)."""
    doc = verb.doc
    if verb.i != verb.sent.start or verb.tag_ != "VBD":
        return None
    run = list(itertools.takewhile(lambda t: not t.is_punct or t.text == ".", doc[verb.i + 1 : verb.i + 1 + _MAX_INVERTED]))
    end = verb.i + 1 + len(run)
    if not run or end >= len(doc) or doc[end].text not in (":", ",") or any(t.pos_ not in _INVERTED_POS for t in run):
        return None
    nouns = [t for t in run if t.pos_ in ("PROPN", "NOUN")]
    return nouns[-1] if nouns else None


_MAX_INVERTED = 6  # words of the speaker after a sentence-opening 'Said'
_INVERTED_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PUNCT"})


def _np_head_after(tok):
    """The head noun of the phrase starting at ``tok`` (for a mis-attached object)."""
    t = tok
    for _ in range(6):
        if t.pos_ in ("NOUN", "PROPN"):
            h = t
            while h.head.i != h.i and h.head.pos_ in ("NOUN", "PROPN") and h.dep_ in ("compound", "amod", "nmod", "poss"):
                h = h.head
            return h
        if t.i + 1 >= len(t.doc):
            return None
        t = t.doc[t.i + 1]
    return None
