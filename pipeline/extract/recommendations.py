"""Policy recommendations: who should do what, how strongly.

:func:`find_recommendations` looks in claim-carrying segments for trigger
phrases (``models/lexicons/recommendation_triggers.json``), skips the known
non-recommendations ("should have", questions, "should" opening a condition),
and reads actor and action from the dependency parse. The holder is set by
``resolve`` ("author" unless the clause is inside someone's quote).
"""

from __future__ import annotations

from typing import Iterator, NamedTuple

from ..assets import Assets
from ..document import Document, Segment, Span


class RecommendationMention(NamedTuple):
    start: int
    end: int
    trigger: Span
    actor: Span | None
    action: Span | None
    strength: str
    polarity: str
    holder: str = "author"


def trigger_table(assets: Assets) -> list[tuple[tuple[str, ...], str]]:
    """(token tuple, strength), longest first."""
    mp = assets.mapping("recommendation_triggers")
    return sorted(((tuple(k.split()), v) for k, v in mp.items()), key=lambda kv: len(kv[0]), reverse=True)


def _match_at(sent, i: int, table) -> tuple[int, str] | None:
    low = [t.lower_ for t in sent[i : i + 5]]
    for toks, strength in table:
        if tuple(low[: len(toks)]) == toks:
            return len(toks), strength
    return None


def _span_of(seg: Segment, toks) -> Span | None:
    toks = [t for t in toks if not t.is_space]
    while toks and toks[-1].is_punct:
        toks.pop()
    if not toks:
        return None
    return Span(seg.start + toks[0].idx, seg.start + toks[-1].idx + len(toks[-1].text))


def find_recommendations(doc: Document, assets: Assets) -> Iterator[RecommendationMention]:
    table = trigger_table(assets)
    for seg in doc.claim_segments():
        if seg.doc is None:
            continue
        for sent in seg.doc.sents:
            if sent.text.rstrip().endswith("?"):
                continue
            i = 0
            while i < len(sent):
                hit = _match_at(sent, i, table)
                if not hit:
                    i += 1
                    continue
                n, strength = hit
                trig = sent[i : i + n]
                i += n
                first = trig[0]
                nxt = sent[trig.end - sent.start] if trig.end < sent.end else None
                # "should have" = criticism of the past; sentence-initial "Should" = a condition
                if nxt is not None and nxt.lower_ == "have" and first.lower_ in ("should", "must", "ought"):
                    continue
                if first.lower_ == "should" and (first.i == sent.start or first.nbor(-1).is_punct):
                    continue
                if first.dep_ in ("relcl",) or (first.head.dep_ == "pcomp"):
                    continue
                # the verb the modal attaches to
                verb = first.head if first.tag_ == "MD" or first.dep_ == "aux" else None
                if verb is None:
                    verb = nxt.head if nxt is not None and nxt.tag_ == "VB" else (nxt if nxt is not None and nxt.pos_ == "VERB" else None)
                subj = None
                if verb is not None:
                    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
                if subj is not None and subj.dep_ == "expl":
                    subj = None
                if verb is not None and any(c.dep_ == "nsubj" and c.lower_ == "what" for c in verb.children):
                    continue
                actor = _span_of(seg, list(subj.subtree)) if subj is not None else None
                action = None
                if verb is not None and verb.i >= first.i:
                    rights = [t for t in verb.subtree if t.i >= verb.i and t.i < sent.end]
                    action = _span_of(seg, rights)
                negated = any(t.dep_ == "neg" for t in (verb.children if verb is not None else []))
                negated = negated or (nxt is not None and nxt.lower_ in ("not", "n't", "never"))
                start_tok = subj.left_edge if subj is not None else sent[0]
                end_span = action.end if action is not None else seg.start + trig.end_char
                start = min(seg.start + start_tok.idx, seg.start + trig.start_char)
                clause = _span_of(seg, [t for t in sent if seg.start + t.idx >= start and seg.start + t.idx < end_span])
                if clause is None:
                    continue
                yield RecommendationMention(
                    clause.start,
                    clause.end,
                    seg.view_span(trig),
                    actor,
                    action,
                    strength,
                    "dont" if negated else "do",
                )
