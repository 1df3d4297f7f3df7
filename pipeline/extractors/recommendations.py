"""Policy recommendations: who should do what, how strongly, and whether not to.

:func:`find_recommendations` reads in claim-carrying segments the triggers
of ``models/patterns/recommendation_triggers.json``: named spaCy token
patterns (modal "should", semi-modal "need to", weak "could consider",
necessity "N is necessary" / "it is necessary for X to", "there is a need
for X to", "now is the time for X to", directive "urge X to", hortative "let
us", the imperative), each read in the dependency parse by its reader and
checked by its vetoes (``triggers.py``); every record names its pattern
(``rule``: "recommendation/modal_should").

* Not recommendations: boilerplate and discourse phrases
  (``models/patterns/non_recommendations.json``), questions; by the
  patterns' vetoes: conditional
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
from collections.abc import Iterator
from typing import NamedTuple

from ..assets import Assets
from ..document import Document, Segment, Span
from .annotations import annotation
from .clauses import after_complementiser, has_own_subject, is_quote_mark, run_around, span_of
from .cues import SpeakerPhrase, speaker_phrases
from .triggers import Reading, Trigger, TriggerLexicon, is_frame, is_question, read_triggers


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
    rule: str = ""  # the trigger pattern that made it ("recommendation/modal_should")


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
        found = _clause_at(c, lex, vp_cut)
        if found is not None:
            return found
        c = c.head
    return list(anchor.sent)


def _clause_at(c, lex: TriggerLexicon, vp_cut: list):
    """The clause ``c`` heads, if it is the one that carries the recommendation:
    the sentence's root, a coordinated clause with its own subject, or the
    content clause of a reporting verb (None: climb to the head)."""
    frames = [k for k in c.children if is_frame(k, lex)]
    own_clauses = [k for k in c.children if k.dep_ == "conj" and has_own_subject(k)]
    if c.dep_ == "ROOT" or c.head.i == c.i:
        return _without(c.sent, own_clauses + frames + vp_cut, c)
    if c.dep_ == "conj" and has_own_subject(c):
        return _without(_subtree_span(c), own_clauses + frames + vp_cut, c)
    if c.dep_ == "ccomp" and c.head.lemma_.lower() in lex.reporting:
        cut = [k for k in c.children if k.dep_ == "mark" and k.i < c.i]
        return after_complementiser(list(_without(_subtree_span(c), cut + frames + vp_cut, c)), c)
    return None


def _colon_part(toks: list, trigger: int) -> list:
    """Of a clause that a colon or semicolon divides, the part with the
    trigger, when the other part is a statement of its own (a finite verb with
    its own subject): "X need to act: the 2019 law has produced little" ends at
    the colon; "X must do two things: cut A and raise B" stays whole."""
    cuts = [k for k, t in enumerate(toks) if t.text in (":", ";")]
    if not cuts:
        return toks
    bounds = [-1] + cuts + [len(toks)]
    parts = [toks[a + 1 : b] for a, b in zip(bounds, bounds[1:], strict=False)]
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
    pairs, _ = annotation(doc, "quotation_marks")
    quotes = sorted((p.open + 1, p.close) for p in pairs if p.depth == 0)  # disjoint
    for seg in doc.claim_segments():
        sd = seg.doc
        if sd is None or not len(sd):
            continue
        readings = read_triggers(sd, lex, assets)
        yield from _separate(_mentions(doc, seg, readings, lex, quotes), seg)


def _mentions(doc: Document, seg: Segment, readings: list[tuple[Reading, Trigger]], lex: TriggerLexicon, quotes: list) -> list[RecommendationMention]:
    """One mention per trigger start (the first reading of it wins)."""
    seen_first: set[int] = set()
    found: list[RecommendationMention] = []
    by_sent: dict[int, list] = {}  # sentence start -> the anchors read in it (no pairwise scan)
    for o, _ in readings:
        by_sent.setdefault(o.anchor.sent.start, []).append(o.anchor)
    for r, trig in readings:
        if r.first in seen_first:
            continue
        others = [a for a in by_sent[r.anchor.sent.start] if a.i != r.anchor.i]
        seen_first.add(r.first)
        m = _mention(doc, seg, r, trig, others, lex, quotes)
        if m is not None:
            found.append(m)
    return found


def _mention(doc: Document, seg: Segment, r: Reading, trig: Trigger, others: list, lex: TriggerLexicon, quotes: list) -> RecommendationMention | None:
    sd, text = seg.doc, doc.view.text
    sent = sd[r.first].sent
    if is_question(sent):
        return None
    trigger = span_of(seg, sd[r.first : r.last + 1])
    if trigger is None or _boilerplate(text, seg, sent, trigger, lex):
        return None
    bounds = _enclosing(quotes, trigger.start, trigger.end)
    clause = span_of(seg, _clip(_colon_part(list(_clause_tokens(r.anchor, lex, others)), r.first), seg, bounds))
    if clause is None or not (clause.start <= trigger.start and trigger.end <= clause.end):
        clause = span_of(seg, _clip(list(sent), seg, bounds))
    if clause is None:
        return None
    actor = span_of(seg, r.actor, strip_det=True) if r.actor else None
    action = _action_span(seg, _drop_coordinated(r.action, others) if r.action else r.action, bounds, quotes)
    holder = speaker_phrases(seg, r.holder_cue) if r.holder_cue is not None else ()
    holder = tuple(p for p in holder if " ".join(text[p.span.start : p.span.end].lower().split()) not in lex.author_refs)
    return RecommendationMention(clause.start, clause.end, trigger, actor, action, trig.strength, r.polarity, "author", holder, trig.rule)


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


def _boilerplate(text: str, seg: Segment, sent, trigger: Span, lex: TriggerLexicon) -> bool:
    a = seg.start + sent.start_char
    b = seg.start + sent.end_char
    for p in lex.non_recommendations:
        for m in p.finditer(text, a, b):
            if m.start() <= trigger.start < m.end() or m.start() < trigger.end <= m.end():
                return True
    return False
