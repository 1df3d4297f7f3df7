"""Quotes: text in quotation marks, with kind, speaker and cue.

:func:`find_quotes` pairs quotation marks inside each claim-carrying segment
(straight and curly double quotes), classifies the quote (direct, partial,
scare) and finds its speaker: the subject of the nearest reporting verb of
the sentence. Unpaired marks are reported as document warnings, never raised.
"""

from __future__ import annotations

from typing import Iterator, NamedTuple

from ..assets import Assets
from ..document import Document, Segment, Span

OPENERS = {"\u201c": "\u201d", '"': '"'}


class QuoteMention(NamedTuple):
    start: int
    end: int
    kind: str
    speaker_spans: tuple[Span, ...] = ()
    cue: Span | None = None
    speakers: tuple[str, ...] = ()  # canonical names, set by resolve


def pair_marks(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Pairs of (open, close) mark offsets in ``text`` and unpaired offsets."""
    pairs, unpaired = [], []
    open_at = None
    for i, c in enumerate(text):
        if open_at is None:
            if c in OPENERS:
                open_at = i
            elif c == "\u201d":
                unpaired.append(i)
        else:
            if c == OPENERS[text[open_at]] or (text[open_at] == '"' and c == "\u201d") or (text[open_at] == "\u201c" and c == '"'):
                pairs.append((open_at, i))
                open_at = None
    if open_at is not None:
        unpaired.append(open_at)
    return pairs, unpaired


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _speaker_for(seg: Segment, qstart: int, qend: int, verbs: frozenset[str]):
    """(speaker span, cue span) from the reporting verb of the quote's sentence."""
    sent = seg.char_span(qstart, qend, alignment_mode="expand")
    if sent is None:
        return None, None
    sent = sent.sent
    best = None
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in verbs:
            continue
        tpos = seg.start + tok.idx
        if qstart <= tpos < qend:
            continue
        dist = qstart - tpos if tpos < qstart else (tpos - qend) + 1000
        if best is None or dist < best[0]:
            best = (dist, tok)
    if best is None:
        return None, None
    verb = best[1]
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head is not None:
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    cue = seg.view_span(verb)
    if subj is None:
        return None, cue
    toks = [t for t in subj.subtree if not (t.dep_ == "det" and t.i == subj.left_edge.i)]
    if not toks:
        return None, cue
    return Span(seg.start + toks[0].idx, seg.start + toks[-1].idx + len(toks[-1].text)), cue


def find_quotes(doc: Document, assets: Assets) -> Iterator[QuoteMention]:
    verbs = assets.lexicon_set("reporting_verbs")
    text = doc.view.text
    for seg in doc.claim_segments():
        if seg.doc is None:
            continue
        pairs, unpaired = pair_marks(text[seg.start : seg.end])
        for off in unpaired:
            doc.warnings.append(f"unpaired quotation mark at view offset {seg.start + off}")
        for o, c in pairs:
            a, b = _trim(text, seg.start + o + 1, seg.start + c)
            if b <= a:
                continue
            content = text[a:b]
            words = content.split()
            speaker, cue = _speaker_for(seg, a, b, verbs)
            if len(words) <= 3 and cue is None:
                kind = "scare"
            elif content[0].isupper() and content.rstrip()[-1:] in ".!?" and len(words) > 5:
                kind = "direct"
            else:
                kind = "partial"
            yield QuoteMention(a, b, kind, (speaker,) if speaker else (), cue)
