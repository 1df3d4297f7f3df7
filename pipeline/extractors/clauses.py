"""Clause and phrase extents from a spaCy dependency parse.

The quote, reported-speech and recommendation extractors all need the same
few readings of a parse: the subject of a verb (climbing through participles,
infinitives and coordinated verbs that share it), the contiguous phrase a
word heads, and the span of a clause without the parts that do not belong to
it. These are pure functions of spaCy tokens; offsets are token indices of
the segment's Doc, turned into view spans by :func:`span_of`.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..document import Segment, Span

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
# subordinating words of reason, condition and concession (not part of an action)
REASON_MARKS = frozenset(
    {"because", "if", "unless", "since", "although", "though", "whereas", "so", "given", "lest", "once", "provided", "until", "when", "whether"}
)
QUOTE_CHARS = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e`")


def is_quote_mark(tok) -> bool:
    return tok.is_punct and all(c in QUOTE_CHARS for c in tok.text)


def _trimmable(t, strip_det: bool) -> bool:
    return t.is_space or t.is_punct or (strip_det and t.dep_ in ("det", "predet") and t.lower_ in ("the", "a", "an"))


def span_of(seg: Segment, toks: Iterable, *, strip_det: bool = False) -> Span | None:
    """View span from the first to the last token, punctuation, quotation marks
    and spaces trimmed at both ends (and a leading determiner if asked).
    ``toks`` is a spaCy Span (a contiguous run) or any collection of tokens."""
    if not hasattr(toks, "start"):
        toks = sorted(toks, key=lambda t: t.i)
        if not toks:
            return None
        doc = toks[0].doc
        toks = doc[toks[0].i : toks[-1].i + 1]
    a, b = toks.start, toks.end
    doc = toks.doc
    while a < b and _trimmable(doc[a], strip_det):
        a += 1
    while b > a and (doc[b - 1].is_space or doc[b - 1].is_punct):
        b -= 1
    if a >= b:
        return None
    # keep the closing mark of a quotation opened inside: 'promises of "dialogue"'
    if b < len(doc) and is_quote_mark(doc[b]) and sum(is_quote_mark(t) for t in doc[a:b]) % 2 == 1 and doc[b].idx == doc[b - 1].idx + len(doc[b - 1].text):
        b += 1
    return Span(seg.start + doc[a].idx, seg.start + doc[b - 1].idx + len(doc[b - 1].text))


def run_around(doc, lo: int, hi: int, cut_ids, anchor_i: int):
    """``doc[lo:hi]`` cut down to the run around ``anchor_i`` that contains no
    index of ``cut_ids``, as a spaCy Span (no Token objects made)."""
    a, b = lo, hi
    for i in cut_ids:
        if lo <= i < anchor_i:
            a = max(a, i + 1)
        elif anchor_i < i < hi:
            b = min(b, i)
    return doc[a:b]


def contiguous(toks: Iterable, anchor):
    """The run of consecutive token indices in ``toks`` that contains ``anchor``
    (a spaCy Span; empty when ``anchor`` is not in ``toks``)."""
    idx = sorted({t.i for t in toks})
    doc = anchor.doc
    if anchor.i not in idx:
        return doc[0:0]
    k = idx.index(anchor.i)
    lo = hi = k
    while lo > 0 and idx[lo - 1] == idx[lo] - 1:
        lo -= 1
    while hi + 1 < len(idx) and idx[hi + 1] == idx[hi] + 1:
        hi += 1
    return doc[idx[lo] : idx[hi] + 1]


def subtree_without(head, cut):
    """``head``'s subtree minus the subtrees of the tokens in ``cut``, as the
    contiguous run around ``head`` (a spaCy Span)."""
    cut_ids = set()
    for c in cut:
        cut_ids.update(range(c.left_edge.i, c.right_edge.i + 1))
    return run_around(head.doc, head.left_edge.i, head.right_edge.i + 1, cut_ids, head.i)


def subject_of(verb, max_up: int = 4):
    """The subject of ``verb``: its own, or that of the verb it depends on when
    it has none (participles, infinitives, coordinated verbs sharing a
    subject, relative clauses -> the modified noun). Passive agents ("by X")
    count as subjects; an expletive "it"/"there" does not."""
    v = verb
    for _ in range(max_up):
        subject, up = _subject_step(v)
        if up is None:
            return subject
        v = up
    return None


def _subject_step(v):
    """(subject, None) when ``v`` settles the subject (None for none), or
    (None, head) when the subject is to be looked for on ``v``'s head."""
    agent = _agent(v)
    if agent is not None:
        return agent, None
    if any(c.dep_ == "expl" for c in v.children):
        return None, None
    subjects = [c for c in v.children if c.dep_ in SUBJECT_DEPS and not c.is_punct]
    if subjects:
        return _nearest_subject(v, subjects), None
    return _borrowed_subject(v)


def _agent(v):
    """The object of a passive agent ('by X'), if any."""
    for c in v.children:
        if c.dep_ == "agent":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _nearest_subject(v, subjects: list):
    """The parser may split one subject into several: the one nearest the verb
    heads it; a relative pronoun stands for the modified noun."""
    before = [c for c in subjects if c.i < v.i]
    c = before[-1] if before else subjects[0]
    if c.tag_ in ("WP", "WDT") and v.dep_ == "relcl":
        return v.head
    return c


def _borrowed_subject(v):
    """A verb with no subject of its own: the modified noun, nothing, or the
    head to climb to (same return as :func:`_subject_step`)."""
    if v.dep_ == "relcl" or v.dep_ == "acl" and v.tag_ in ("VBN", "VBG"):
        return v.head, None  # 'officials speaking on condition of anonymity said'
    if v.dep_ == "acl":
        return None, None  # a finite verb misread as a modifier: no subject here
    if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.dep_ == "prep" and v.head.head.pos_ in ("VERB", "AUX"):
        return None, v.head.head  # 'After saying ..., the man left': the subject of the verb the phrase modifies
    if v.dep_ == "xcomp" and (obj := _controller(v)) is not None:
        return obj, None  # 'That prompted Roe to call him "..."': the object does the infinitive
    if v.dep_ in ("conj", "xcomp", "advcl") and v.head.i != v.i:
        if v.dep_ == "advcl" and any(c.dep_ == "mark" for c in v.children):
            return None, None  # a finite subordinate clause with no subject of its own
        return None, v.head
    return None, None


# verbs whose subject, not their object, does the infinitive ('Roe promised them to ...')
_SUBJECT_CONTROL = frozenset({"promise", "vow", "pledge", "threaten", "offer"})


def _controller(v):
    """The object of the verb an infinitive complements, written before the
    infinitive (object control: 'urged Roe to say', 'prompted Roe to call')."""
    head = v.head
    if head.lemma_.lower() in _SUBJECT_CONTROL:
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < v.i and c.pos_ in ("PROPN", "NOUN", "PRON")), None)


def noun_phrase(head) -> list:
    """The contiguous noun phrase ``head`` heads, without relative clauses,
    modifiers set off by a comma and trailing punctuation (appositions kept);
    a participle right after the noun stays ("diplomats based in Baku")."""
    doc = head.doc
    cut = [
        c for c in head.children
        if c.dep_ in ("relcl", "acl", "advcl") and c.i > head.i
        and not (c.dep_ == "acl" and c.tag_ in ("VBN", "VBG") and _describes(c, doc))
    ]
    toks = subtree_without(head, cut)
    while len(toks) and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks = toks[:-1]
    while len(toks) and toks[0].is_punct:
        toks = toks[1:]
    return toks


# a participle that describes who someone is is short and undated
_DESCRIBING_MAX_TOKENS = 5


def _describes(participle, doc) -> bool:
    """'based in Baku', 'involved in the process': right after the noun (no
    comma), short, with no subject and no date ('released at 11 p.m.' is an event)."""
    toks = list(participle.subtree)
    return (
        participle.left_edge.i > 0
        and not doc[participle.left_edge.i - 1].is_punct
        and len(toks) <= _DESCRIBING_MAX_TOKENS
        and not any(s.dep_ in SUBJECT_DEPS for s in participle.children)
        and not any(x.ent_type_ in ("DATE", "TIME", "CARDINAL") or x.like_num for x in toks)
    )


def has_own_subject(verb) -> bool:
    return any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children)


def after_complementiser(toks: list, comp) -> list:
    """The content clause from its complementiser on: 'told reporters, as the
    talks opened, that <content>' puts the adjunct inside the clause in the
    parse, and 'that' is often misread (as a determiner or adverb)."""
    for k, t in enumerate(toks):
        if t.i >= comp.i:
            break
        if t.lower_ in ("that", "whether") and t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj") and (k == 0 or toks[k - 1].text == ","):
            return toks[k + 1 :]
    return toks


_DATELINE_DASHES = ("-", "--", "\u2013", "\u2014")
_DATELINE_MAX_TOKENS = 12


def after_dateline(toks: list) -> list:
    """A news dateline is neither what anyone said nor who said it: 'CITY,
    March 3 (Agency) - <words>' start after the dash (an upper-case place
    first, a dash soon)."""
    if not toks or not (toks[0].text.isupper() and len(toks[0].text) > 2 and toks[0].is_alpha):
        return toks
    doc = toks[0].doc
    for j in range(toks[0].i, min(len(doc), toks[0].i + _DATELINE_MAX_TOKENS)):
        if doc[j].text in _DATELINE_DASHES:  # (the dash itself may not be among the tokens)
            return [t for t in toks if t.i > j]
    return toks
