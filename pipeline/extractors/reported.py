"""Reported speech: what someone said, thought or maintained, without quotation marks.

:func:`find_reported_speech` yields quote mentions of kind ``indirect``
(record type "quote"; the resolver merges them with the quotes in marks and
drops any that overlap one, so a partial quote inside reported speech is
annotated once, as the partial quote). Four frames, read in the parse:

* a reporting verb with a content clause: "X has consistently maintained
  that <content>", "X felt that <content>", "X told Y <content>"; the content
  is the clause without its complementiser and without a nested "as Z told
  W" frame; "it is said that ..." has no speaker;
* "As X told Y, <content>" / "<content>, as X put it": the main clause;
* "according to X": the clause it qualifies ("<content>, according to X",
  "According to X, <content>", "(<content>, according to X)");
* an unsourced "reportedly" / "allegedly": the verb phrase after it;
* a request or a promise with a "to" clause ("X urged Y to VP", "X vowed to
  VP"): named patterns with examples and near misses in
  ``models/patterns/reported_speech.json``.

The parser often misreads the content clause; the readers take it back from
where it hangs: after a phrase or an object ("said in a statement that",
"expressed hope that"), under an aside ("insisted, when asked, that"), with
its subject read as the verb's object or phrase ("said about half of X
reflected"), as a gerund ("say taxing consumption encourages"), in a relative
clause ("which officials said will"), and beside a parenthetical frame that
took the sentence's subject or fronted phrase.

Reporting verbs and phrases are data (``reporting_verbs.json``,
``reporting_phrases.json``); a subject that is the author ("I", "we", "this
paper") is not reported speech.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from ..assets import Assets
from ..document import Document, Segment
from .clauses import after_complementiser, after_dateline, contiguous, has_own_subject, span_of, subject_of
from .cues import Cue, CueLexicon, cue_span, speaker_phrases
from .quotes import QuoteMention, cue_sieve
from .token_patterns import PatternMatcher, load_token_patterns

UNSOURCED_ADVERBS = ("reportedly", "allegedly", "reputedly", "purportedly", "supposedly")


def _content(seg: Segment, toks: list, *, to_sentence_end: bool = False):
    """The content span: tokens trimmed of punctuation, a leading
    complementiser and (unless it runs to the sentence end) anything from a
    colon or semicolon on."""
    for k, t in enumerate(toks):
        if t.text in (":", ";") and not to_sentence_end:
            toks = toks[:k]
            break
    toks = after_dateline(toks)
    while toks and (toks[0].is_punct or toks[0].lower_ in ("that", "whether") and toks[0].dep_ != "det" or toks[0].dep_ == "cc"):
        toks = toks[1:]  # the complementiser (also when misread as a pronoun), not 'that plan'; the author's 'But
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks = toks[:-1]
    return span_of(seg, toks)


def _cut(toks: list, cut: list) -> list:
    ids = {t.i for c in cut for t in c.subtree}
    return [t for t in toks if t.i not in ids]


def _as_frames(subtree: list, lex: CueLexicon) -> list:
    """'as X told Y' clauses inside a content clause, and 'while Y told Z that
    ...' (a report of its own the parser hung in the content): frames of their own."""
    return [c for c in subtree if c.dep_ == "advcl" and lex.is_verb(c) and any(m.dep_ in ("mark", "advmod") and m.lower_ in _OWN_FRAME_MARKS for m in c.children)]


_OWN_FRAME_MARKS = frozenset({"as", "while", "whereas", "whilst"})


def _next_speaker(comp, subtree: list, lex: CueLexicon) -> list:
    """'X said A, and Y said B': when a reporting verb follows the content
    clause, a noun coordinated at its end is that verb's subject, not content."""
    doc = comp.doc
    j = comp.right_edge.i + 1
    while j < len(doc) and doc[j].is_punct:
        j += 1
    if j >= len(doc) or not lex.is_verb(doc[j]) or any(c.dep_ in ("nsubj", "nsubjpass") for c in doc[j].children):
        return []
    return [c for c in subtree if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and c.i > comp.i and c.left_edge.i > 0 and doc[c.left_edge.i - 1].dep_ == "cc"]


def _is_author(seg: Segment, tok, author_refs: frozenset[str], text: str) -> bool:
    if tok is None:
        return False
    if tok.lower_ in author_refs:
        return True
    sp = span_of(seg, list(tok.subtree), strip_det=False)
    return sp is not None and " ".join(text[sp.start : sp.end].lower().split()) in author_refs


def _content_clause(verb):
    """The content clause a reporting verb governs, and (when the parser read
    the clause's subject as the verb's object: 'say Sen. Jane Roe, hasn't
    been tested') that subject."""
    doc = verb.doc
    comps = [
        c for c in verb.children
        # 'A say X; B argue that Y': a clause before the verb across a semicolon is a statement of its own
        if c.dep_ == "ccomp" and not (c.i < verb.i and any(t.text in (";", ":", ".") for t in doc[c.right_edge.i + 1 : verb.i]))
    ]
    # an object and an infinitive ('expects it to grow', 'urged them to act') is no content clause
    own = [c for c in comps if has_own_subject(c) and not _infinitive(c)]
    if own:
        return own[0], None
    for c in comps:
        obj = _misread_subject(verb, c)
        if obj is not None and c.i > verb.i and not _infinitive(c):
            return c, obj
    return _gerund_subject_clause(verb) or _clause_after_phrase(verb) or _clause_past_aside(verb), None


def _reduced_passive(verb) -> bool:
    """'when asked about the leak', 'if pressed': a bare past participle with no
    subject or auxiliary of its own; its subject is the one asked, not a speaker."""
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "agent") for c in verb.children)


def _clause_past_aside(verb):
    """'insisted, when asked about the leak, that she had done nothing wrong':
    the parser hangs the content clause from the aside's participle."""
    for a in verb.children:
        if a.i > verb.i and _reduced_passive(a):
            comp = next((c for c in a.children if c.dep_ == "ccomp" and c.i > a.i and has_own_subject(c)), None)
            if comp is not None:
                return comp
    return None


def _clause_after_phrase(verb):
    """'insisted during the debate that the cuts had paid for themselves', 'says
    in a statement that ...', 'expressed hope that ...': after a phrase or an
    object that follows the verb, the parser
    may hang the 'that' clause from the phrase's noun; a clause that ends the
    phrase, opens with 'that' and has a subject of its own is the content."""
    for p in verb.children:
        if p.dep_ not in ("prep", "dobj") or p.i < verb.i:
            continue
        for x in p.subtree:
            if x.dep_ in ("acl", "relcl", "ccomp") and x.right_edge.i == p.right_edge.i and _that_clause(x):
                return x
    return None


def _that_clause(x) -> bool:
    """A clause that opens with 'that' and has a subject besides it."""
    first = x.left_edge
    return first.lower_ == "that" and first.head.i == x.i and any(c.dep_ in ("nsubj", "nsubjpass") and c.i != first.i for c in x.children)


def _infinitive(clause) -> bool:
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)


def _misread_subject(verb, comp):
    """The content clause's subject read as the verb's object ('say Sen. Jane
    Roe, hasn't been tested', 'hoped the meeting, requested by X, would be ...')
    or as a phrase of its own right before the clause ('said about half of the
    cuts reflected ...', 'said nearly 40 percent were ...')."""
    for d in verb.children:
        if not verb.i < d.i < comp.i:
            continue
        if d.dep_ == "dobj" and d.pos_ == "PROPN":
            return d
        if d.dep_ in ("prep", "npadvmod", "dobj") and _finite(comp) and _adjacent(d, comp):
            return d
    return None


def _adjacent(phrase, comp) -> bool:
    """Nothing but punctuation between a phrase and the clause after it."""
    return all(t.is_punct for t in phrase.doc[phrase.right_edge.i + 1 : comp.left_edge.i])


def _finite(verb) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(a.dep_ == "aux" and a.tag_ == "MD" for a in verb.children)


def _gerund_subject_clause(verb):
    """'say taxing consumption encourages savings': the parser made the gerund
    subject the verb's complement and hung the clause from it; the gerund's
    phrase is the content clause."""
    for c in verb.children:
        if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > verb.i and any(g.dep_ == "ccomp" and g.i > c.i and has_own_subject(g) for g in c.children):
            return c
    return None


def _embedded_question(first, comp) -> bool:
    """A content clause that opens with a wh-word, or with 'whether'/'if' as its
    own complementiser ('asked whether ...'), reports a question, not a statement
    ('said if he were elected, X would ...' does report one)."""
    if first.lower_ in ("whether", "if"):
        return first.head.i == comp.i
    return first.tag_ in ("WRB", "WP", "WDT") and first.lower_ != "that"


def _asked_if(verb):
    """'asked workers if they planned to attend': the parser reads the question
    as an adverbial clause of the asking verb."""
    return next(
        (c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and has_own_subject(c) and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)),
        None,
    )


def _relative_frame(verb, first) -> bool:
    """'the changes, which officials said will take effect in May': the relative
    pronoun before a reporting verb in a relative clause is the content's subject."""
    return verb.dep_ == "relcl" and first.i < verb.i and first.lower_ in ("which", "who", "that")


def _not_a_statement(verb, comp, first, asking: frozenset[str]) -> bool:
    """Whether the content clause reports no statement: a question, a misread
    'themselves' subject, a negated verb or a relative clause read as content."""
    doc = verb.doc
    if first.i < comp.i and _embedded_question(first, comp) and verb.lemma_.lower() not in asking and not _relative_frame(verb, first):
        return True  # 'would have predicted how crowded the seas would become': no statement reported
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_.endswith(("self", "selves")) for c in comp.children):
        return True  # 'the island states themselves need not ...' misread as 'states' + clause
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    # 'announced a strategy under which X takes ...': a relative clause misread
    return first.pos_ == "ADP" and first.i + 1 < len(doc) and doc[first.i + 1].tag_ in ("WDT", "WP")


def _reporting_subject(seg: Segment, verb, author_refs, text: str):
    """(subject, expletive 'it') when the verb has a speaker or an expletive
    'it is said'; None when there is no speaker, or the speaker is the hearer
    of a passive or the author."""
    subj = subject_of(verb)
    expl = any(c.dep_ in ("expl", "nsubjpass") and c.lower_ == "it" for c in verb.children)
    if subj is None and not expl:
        return None
    if subj is not None and subj.dep_ == "nsubjpass" and not expl and not any(c.dep_ == "agent" for c in verb.children):
        return None  # 'the island has been told that ...': the hearer, and no speaker
    if subj is not None and (subj.lower_ == "it" and expl or _is_author(seg, subj, author_refs, text)) and not expl:
        return None
    return subj, expl


def _frames_in_content(verb, comp, subtree: list, lex: CueLexicon) -> list:
    """Clauses inside the content clause's subtree that are frames or
    statements of their own and are cut from the content."""
    frames = [f for f in _as_frames(subtree, lex) if f.i != verb.i]
    # 'X said A, telling reporters "..."': a reporting participle after the content is a report of its own
    frames += [c for c in subtree if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > comp.i and lex.is_verb(c)]
    return frames + _coordinated_frames(verb, comp, [c for c in subtree if c.dep_ == "conj"], lex)


def _coordinated_frames(verb, comp, conjuncts: list, lex: CueLexicon) -> list:
    """Conjuncts in the content that are a main clause, the next report's
    speaker or a coordinated report of their own."""
    doc = verb.doc
    frames = []
    if any(c.dep_ == "mark" for c in verb.children):
        # 'Although X felt that <content>, <main clause>': the main clause may
        # hang inside the content in the parse; it starts after a comma
        frames += [c for c in conjuncts if has_own_subject(c) and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ","]
    frames += _next_speaker(comp, conjuncts, lex)
    # 'X said A, and analysts estimated B': a coordinated report of its own
    frames += [c for c in conjuncts if c.i > comp.i and lex.is_verb(c)]
    return frames


def _content_tokens(verb, comp, misread_subject, lex: CueLexicon) -> list:
    """The content clause's tokens (with a misread subject), without the frames
    inside it and from its complementiser on ('if' of 'asked X if' too)."""
    subtree = list(comp.subtree)
    if misread_subject is not None:  # with the commas between ('hoped the meeting, requested by X, would be ...')
        gap = [t for t in verb.doc[misread_subject.right_edge.i + 1 : comp.left_edge.i] if t.is_punct]
        subtree = sorted([*misread_subject.subtree, *gap, *subtree], key=lambda t: t.i)
    frames = _frames_in_content(verb, comp, subtree, lex)
    toks = after_complementiser(contiguous(_cut(subtree, frames), comp), comp)
    if toks and comp.dep_ == "advcl" and toks[0].lower_ == "if" and toks[0].head.i == comp.i:
        toks = toks[1:]
    return toks


def _from_content_clause(seg: Segment, verb, lex: CueLexicon, author_refs, text: str, asking: frozenset[str]):
    """'X maintained that <content>'."""
    if _reduced_passive(verb) and verb.i > verb.head.i and lex.is_verb(verb.head):
        return None  # 'insisted, when asked, that ...': the clause is the reporting verb's (_clause_past_aside)
    # 'A say X; B argue that Y': a clause before the verb across a semicolon is a statement of its own
    comp, misread_subject = _content_clause(verb)
    if comp is None and verb.lemma_.lower() in asking:
        comp = _asked_if(verb)
    if comp is None:
        return None
    first = misread_subject.left_edge if misread_subject is not None else comp.left_edge
    if _not_a_statement(verb, comp, first, asking):
        return None
    speaker = _reporting_subject(seg, verb, author_refs, text)
    if speaker is None:
        return None
    subj, expl = speaker
    content = _content(seg, _content_tokens(verb, comp, misread_subject, lex))
    if content is None:
        return None
    cue = lex.verb_cue(verb)
    phrases = () if expl and (subj is None or subj.lower_ == "it") else speaker_phrases(seg, cue, lex)
    return QuoteMention(content.start, content.end, "indirect", cue=cue_span(seg, cue), phrases=phrases, marked=False, rule="reported/content_clause", sieve="cue_subject")


def _from_as_frame(seg: Segment, verb, ctx: _Context):
    """'As X told Y, <main clause>'."""
    lex, author_refs, text = ctx.lex, ctx.author_refs, ctx.text
    if verb.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ == "as" for m in verb.children) or not _stands_for_content(verb, ctx):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or _is_author(seg, subj, author_refs, text) or any(c.dep_ == "ccomp" for c in verb.children):
        return None
    doc = verb.doc
    after = verb.right_edge.i + 1
    if after < len(doc) and (doc[after].text == ":" or doc[after].is_quote):
        return None  # 'as X told Y: "..."' frames a quote in marks
    sent = verb.sent
    frame = list(verb.subtree)
    if frame[0].i <= sent.start + 1:
        toks = [t for t in sent if t.i > verb.right_edge.i]
        content = _content(seg, toks, to_sentence_end=True)
    else:
        head = verb.head
        toks = contiguous(_cut(list(head.subtree), [verb]), head)
        content = _content(seg, toks)
    if content is None:
        return None
    cue = lex.verb_cue(verb)
    return QuoteMention(content.start, content.end, "indirect", cue=cue_span(seg, cue), phrases=speaker_phrases(seg, cue, lex), marked=False, rule="reported/as_frame", sieve="cue_subject")


def _stands_for_content(verb, ctx: _Context) -> bool:
    """Whether 'as' + the verb can stand for what was said ('as X noted', 'as she
    told reporters'): not a verb of speaking alone ('as he spoke') and no
    object other than the hearer ('as he lamented a throwaway culture')."""
    lemma = verb.lemma_.lower()
    if lemma in ctx.speaking:
        return False
    return not any(c.dep_ == "xcomp" or c.dep_ == "dobj" and lemma not in ctx.hearer for c in verb.children)


def _from_parenthetical(seg: Segment, verb, lex: CueLexicon, author_refs, text: str):
    """'In his state, the governor said, first offenders are sent to treatment' /
    'This campaign is different, he says.': a reporting clause set off by
    commas inside or at the end of the sentence it reports. The content is
    the sentence (a span is contiguous: the frame inside it stays), or the
    part before a final frame."""
    if any(c.dep_ in ("ccomp", "dobj", "xcomp", "mark") for c in verb.children) or verb.dep_ not in ("parataxis", "ccomp", "advcl", "ROOT"):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    # 'Voters, Clinton suggested, don't ...': the parser may hang the content's subject from the frame too,
    # and a phrase that opens the sentence ('But to hit its target, the panel concluded, the tax must ...')
    subj = next((c for c in reversed(subjects) if c.i < verb.i), subjects[0] if subjects else None)
    if subj is None or _is_author(seg, subj, author_refs, text):
        return None
    frame = _comma_frame(verb, _fronted(verb, subj))
    if frame is None:
        return None
    a, end_frame = frame
    doc, sent = verb.doc, verb.sent
    toks = list(doc[sent.start : a - 1]) if end_frame else list(sent)
    content = _content(seg, toks, to_sentence_end=True)
    if content is None:
        return None
    cue = lex.verb_cue(verb)
    return QuoteMention(content.start, content.end, "indirect", cue=cue_span(seg, cue), phrases=speaker_phrases(seg, cue, lex), marked=False, rule="reported/parenthetical", sieve="cue_subject")


def _fronted(verb, subj) -> list:
    """The children of a frame the parser hung inside the sentence that are set
    off by a comma before its subject: they belong to the sentence the frame
    interrupts ('But to hit its target, the panel concluded, ...'); a main
    verb's are its own ('Instead, the three should agree on ...')."""
    doc = verb.doc
    if verb.dep_ == "ROOT":
        return []
    return [c for c in verb.children if c.i != subj.i and c.right_edge.i < subj.left_edge.i and any(t.text == "," for t in doc[c.right_edge.i + 1 : subj.left_edge.i])]


_MIN_FRAMED_WORDS = 2  # words before a parenthetical reporting frame


def _comma_frame(verb, outside: list) -> tuple[int, bool] | None:
    """(first token of the frame, whether it ends the sentence) when the verb's
    clause (without the subtrees ``outside`` it) is set off by a comma before
    and a comma or the sentence end after."""
    doc, sent = verb.doc, verb.sent
    words = [t.i for t in _cut(list(verb.subtree), outside) if not t.is_punct]
    a, b = min(words), max(words)
    before = doc[a - 1] if a - 1 >= sent.start else None
    after = doc[b + 1] if b + 1 < sent.end else None
    if before is None or before.text != "," or after is None or a - sent.start < _MIN_FRAMED_WORDS:
        return None
    if after.text == ",":
        return a, False
    return (a, True) if after.is_sent_end or after.text in (".", "!", "?") else None


def _from_source_phrase(seg: Segment, cue: Cue):
    """'according to X', 'in her view': the clause the phrase qualifies."""
    doc = seg.doc
    first = doc[cue.first]
    sent = first.sent
    phrases = speaker_phrases(seg, cue)
    if not phrases:
        return None
    obj_end = cue.last
    last_tok = doc[cue.last]
    pobj = next((c for c in last_tok.children if c.dep_ == "pobj"), None)
    if pobj is not None:
        obj_end = max(obj_end, pobj.right_edge.i)
    # inside parentheses: the content is what the parenthesis says before the phrase
    open_paren = next((t for t in reversed(doc[sent.start : cue.first]) if t.text in ("(", ")")), None)
    if open_paren is not None and open_paren.text == "(":
        toks = list(doc[open_paren.i + 1 : cue.first])
    elif cue.first == sent.start or all(t.is_punct for t in doc[sent.start : cue.first]):
        toks = [t for t in sent if t.i > obj_end]
    else:
        toks = list(doc[sent.start : cue.first])
        if len([t for t in toks if not t.is_punct]) < 3:
            toks = [t for t in sent if t.i > obj_end]
    content = _content(seg, toks)
    if content is None:
        return None
    return QuoteMention(content.start, content.end, "indirect", cue=cue_span(seg, cue), phrases=phrases, marked=False, rule="reported/source_phrase", sieve=cue_sieve(cue))


def _from_unsourced(seg: Segment, adv):
    head = adv.head
    if head.i == adv.i:
        return None
    cut = [c for c in head.children if c.dep_ == "conj" and has_own_subject(c)]
    toks = [t for t in _cut(list(head.subtree), cut) if t.i > adv.i]
    toks = contiguous(toks, head) if head.i > adv.i else toks
    content = _content(seg, toks)
    if content is None:
        return None
    return QuoteMention(content.start, content.end, "indirect", cue=cue_span(seg, Cue(adv.i, adv.i, None, "object")), marked=False, rule="reported/unsourced")


# -- requests and promises with a 'to' clause (models/patterns/reported_speech.json) --

PATTERN_FILE = "reported_speech"


def _to_clause(verb):
    """The 'to' clause a verb governs after it ('urged X [to act]', 'vowed [to act]',
    'called for [X to act]'); an adverbial 'to' clause is a purpose ('pressed the
    button to open the gate')."""
    return next((c for c in verb.children if c.i > verb.i and _infinitive(c) and (c.dep_ in ("xcomp", "ccomp") or c.dep_ == "advcl" and _for_clause(c))), None)


def _for_clause(clause) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children)


def _addressee(verb, clause):
    """The one asked, told or urged: an object between the verb and the 'to'
    clause ('urged [the bank] to'), the object of 'on' ('called on [Congress]
    to'), or the subject of a 'for' clause ('called for [the state] to')."""
    if _for_clause(clause):
        return next((s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass") and s.i < clause.i), None)
    for c in verb.children:
        if not verb.i < c.i < clause.i:
            continue
        if c.dep_ in ("dobj", "dative"):
            return c
        if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _infinitive_start(verb, clause, reader: str):
    """The first token of the content: the addressee (object_infinitive) or the
    'to' clause (infinitive); None when a request names no addressee."""
    if reader == "infinitive":
        return clause.left_edge
    addressee = _addressee(verb, clause)
    return None if addressee is None else addressee.left_edge


def _from_infinitive(seg: Segment, verb, reader: str, lex: CueLexicon, author_refs, text: str):
    """'X urged Y to VP' / 'X vowed to VP': the addressee and the 'to' clause."""
    if any(c.dep_ in ("neg", "auxpass", "nsubjpass") or c.tag_ == "MD" and c.lower_ not in _FUTURE for c in verb.children):
        return None  # 'was asked to', 'did not urge', 'should press X to' (advice, not a report)
    clause = _to_clause(verb)
    speaker = _reporting_subject(seg, verb, author_refs, text) if clause is not None else None
    if speaker is None or speaker[0] is None:
        return None
    first = _infinitive_start(verb, clause, reader)
    if first is None:
        return None
    content = _content(seg, list(verb.doc[first.i : clause.right_edge.i + 1]))
    if content is None:
        return None
    cue = lex.verb_cue(verb)
    return QuoteMention(content.start, content.end, "indirect", cue=cue_span(seg, cue), phrases=speaker_phrases(seg, cue, lex), marked=False, rule=f"reported/{_RULE_OF_READER[reader]}", sieve="cue_subject")


_FUTURE = frozenset({"will", "would", "'ll", "wo"})
_RULE_OF_READER = {"object_infinitive": "directive_infinitive", "infinitive": "commissive_infinitive"}


def _infinitive_frames(seg: Segment, assets: Assets, lex: CueLexicon, author_refs, text: str, done: set[int]) -> Iterator[QuoteMention]:
    """The matches of the reported-speech patterns at verbs no other frame read."""
    sd = seg.doc
    for m in PatternMatcher.for_vocab(assets, PATTERN_FILE, sd.vocab, load_token_patterns(assets, PATTERN_FILE))(sd):
        if m.anchor in done:
            continue
        found = _from_infinitive(seg, sd[m.anchor], m.pattern.fields.get("reader", ""), lex, author_refs, text)
        if found is not None:
            yield found


def find_reported_speech(doc: Document, assets: Assets) -> Iterator[QuoteMention]:
    from spacy.attrs import LEMMA, LOWER

    # a wh-clause after an asking or explaining verb is what was asked or explained
    asking = assets.lexicon_set("asking_verbs") | assets.lexicon_set("explaining_verbs")
    ctx = _Context(
        CueLexicon.load(assets), assets.lexicon_set("author_references"), asking, doc.view.text,
        assets.lexicon_set("hearer_verbs"), assets.lexicon_set("speaking_verbs"),
    )  # fmt: skip
    phrase_starts = sorted({words[0] for words, role in ctx.lex.phrases if role in ("object", "possessor")})
    words = ctx.lex.verb_forms() + phrase_starts + list(UNSOURCED_ADVERBS)
    keys = None
    for seg in doc.claim_segments():
        sd = seg.doc
        if sd is None or not len(sd):
            continue
        if keys is None:  # the segments share one vocabulary: hash the cue words once
            keys = frozenset(sd.vocab.strings[w] for w in words)
        done: set[int] = set()  # verbs that made a report
        hits = [i for i, (low, lemma) in enumerate(sd.to_array([LOWER, LEMMA]).tolist()) if low in keys or lemma in keys]
        for i in hits:
            found = _report_at(seg, sd[i], ctx, phrase_starts)
            if found is not None:
                done.add(i)
                yield found
        yield from _infinitive_frames(seg, assets, ctx.lex, ctx.author_refs, ctx.text, done)


class _Context(NamedTuple):
    lex: CueLexicon
    author_refs: frozenset[str]
    asking: frozenset[str]
    text: str
    hearer: frozenset[str] = frozenset()  # hearer_verbs.json
    speaking: frozenset[str] = frozenset()  # speaking_verbs.json


def _report_at(seg: Segment, tok, ctx: _Context, phrase_starts: list[str]) -> QuoteMention | None:
    """The report a cue word makes: a source phrase, an unsourced adverb or a reporting verb's frame."""
    if tok.lower_ in phrase_starts:
        cue = ctx.lex.phrase_starting_at(seg.doc, tok.i)
        return _from_source_phrase(seg, cue) if cue is not None and cue.role in ("object", "possessor") else None
    if tok.lower_ in UNSOURCED_ADVERBS:
        return _from_unsourced(seg, tok)
    if not ctx.lex.is_verb(tok):
        return None
    lex, author_refs, text = ctx.lex, ctx.author_refs, ctx.text
    return (
        _from_content_clause(seg, tok, lex, author_refs, text, ctx.asking)
        or _from_as_frame(seg, tok, ctx)
        or _from_parenthetical(seg, tok, lex, author_refs, text)
    )
