"""Clause and phrase extents from a spaCy dependency parse.

The quote, reported-speech and recommendation extractors all need the same
few readings of a parse: the subject of a verb (climbing through participles,
infinitives and coordinated verbs that share it), the contiguous phrase a
word heads, and the span of a clause without the parts that do not belong to
it. These are pure functions of spaCy tokens; offsets are token indices of
the segment's Doc, turned into view spans by :func:`span_of`.
"""

from __future__ import annotations

from typing import Iterable

from ..document import Segment, Span

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
# dependents that are not part of a noun phrase read as a speaker or actor
_PHRASE_CUT = ("relcl", "acl", "advcl", "punct", "cc", "prep_cut")
# subordinating words of reason, condition and concession (not part of an action)
REASON_MARKS = frozenset(
    {"because", "if", "unless", "since", "although", "though", "whereas", "so", "given", "lest", "once", "provided", "until", "when", "whether"}
)
FINAL_PUNCT = frozenset({".", "!", "?", ";", ":", ",", "\u2026"})
QUOTE_CHARS = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e`")


def is_quote_mark(tok) -> bool:
    return tok.is_punct and all(c in QUOTE_CHARS for c in tok.text)


def span_of(seg: Segment, toks: Iterable, *, strip_det: bool = False) -> Span | None:
    """View span from the first to the last token, punctuation, quotation marks
    and spaces trimmed at both ends (and a leading determiner if asked)."""
    toks = sorted(toks, key=lambda t: t.i)
    while toks and (toks[0].is_space or toks[0].is_punct or (strip_det and toks[0].dep_ in ("det", "predet") and toks[0].lower_ in ("the", "a", "an"))):
        toks.pop(0)
    while toks and (toks[-1].is_space or toks[-1].is_punct):
        toks.pop()
    if not toks:
        return None
    return Span(seg.start + toks[0].idx, seg.start + toks[-1].idx + len(toks[-1].text))


def contiguous(toks: Iterable, anchor) -> list:
    """The run of consecutive token indices in ``toks`` that contains ``anchor``."""
    idx = sorted({t.i for t in toks})
    if anchor.i not in idx:
        return []
    doc = anchor.doc
    k = idx.index(anchor.i)
    lo = hi = k
    while lo > 0 and idx[lo - 1] == idx[lo] - 1:
        lo -= 1
    while hi + 1 < len(idx) and idx[hi + 1] == idx[hi] + 1:
        hi += 1
    return [doc[i] for i in range(idx[lo], idx[hi] + 1)]


def subtree_without(head, cut) -> list:
    """Tokens of ``head``'s subtree, minus the subtrees of the tokens in ``cut``,
    as the contiguous run around ``head``."""
    cut_ids = set()
    for c in cut:
        cut_ids.update(t.i for t in c.subtree)
    toks = [t for t in head.subtree if t.i not in cut_ids]
    return contiguous(toks, head)


def subject_of(verb, max_up: int = 4):
    """The subject of ``verb``: its own, or that of the verb it depends on when
    it has none (participles, infinitives, coordinated verbs sharing a
    subject, relative clauses -> the modified noun). Passive agents ("by X")
    count as subjects; an expletive "it"/"there" does not."""
    v = verb
    for _ in range(max_up):
        for c in v.children:
            if c.dep_ == "agent":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        if any(c.dep_ == "expl" for c in v.children):
            return None
        subjects = [c for c in v.children if c.dep_ in SUBJECT_DEPS and not c.is_punct]
        if subjects:
            # the parser may split one subject into several: the one nearest the verb heads it
            before = [c for c in subjects if c.i < v.i]
            c = before[-1] if before else subjects[0]
            if c.tag_ in ("WP", "WDT") and v.dep_ == "relcl":
                return v.head
            return c
        if v.dep_ == "relcl" or v.dep_ == "acl" and v.tag_ in ("VBN", "VBG"):
            return v.head  # 'officials speaking on condition of anonymity said'
        if v.dep_ == "acl":
            return None  # a finite verb misread as a modifier: no subject here
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head.i != v.i:
            if v.dep_ == "advcl" and any(c.dep_ == "mark" for c in v.children):
                return None  # a finite subordinate clause with no subject of its own
            v = v.head
            continue
        return None
    return None


def noun_phrase(head) -> list:
    """The contiguous noun phrase ``head`` heads, without relative clauses,
    participial modifiers and trailing punctuation (appositions kept)."""
    cut = [c for c in head.children if c.dep_ in ("relcl", "acl", "advcl") and c.i > head.i]
    toks = subtree_without(head, cut)
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    return toks


def has_own_subject(verb) -> bool:
    return any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children)


def clause_root(tok):
    """The verb whose clause ``tok`` belongs to (the first verbal head up)."""
    t = tok
    for _ in range(30):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return t
