"""Entity mentions: spaCy's NER, cleaned to the claimex span conventions.

:func:`find_entities` is the pure find step: it yields :class:`EntityMention`
tuples (view offsets) and changes nothing. Span conventions: no leading
determiner, no possessive 's, no title ("Prime Minister" is kept as the
``title`` attribute), no markdown marks (those never reach the view).
Canonical names are set later, by ``resolve``.
"""

from __future__ import annotations

from typing import Iterator, NamedTuple

from ..assets import Assets
from ..document import Document, Span

ENTITY_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"})
_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")


class EntityMention(NamedTuple):
    start: int
    end: int
    label: str
    title: str | None = None
    title_span: Span | None = None
    rule: str = "ner"


def title_phrases(assets: Assets) -> tuple[tuple[str, ...], ...]:
    """Title phrases as lower-case token tuples, longest first."""
    out = {tuple(t.lower().split()) for t in assets.lexicon("person_titles")}
    return tuple(sorted(out, key=len, reverse=True))


def _strip_title(tokens: list, titles, modifiers) -> int:
    """How many leading tokens of a PERSON span are a title (with modifiers)."""
    i, n = 0, len(tokens)
    found = False
    while i < n - 1:
        low = [t.lower_ for t in tokens[i:]]
        matched = False
        for ph in titles:
            if tuple(low[: len(ph)]) == ph and len(ph) < n - i:
                i += len(ph)
                matched = found = True
                break
        if matched:
            continue
        if low[0] in modifiers and i + 1 < n:
            i += 1
            continue
        break
    return i if found else 0


def find_entities(doc: Document, assets: Assets) -> Iterator[EntityMention]:
    titles = title_phrases(assets)
    modifiers = assets.lexicon_set("title_modifiers")
    determiners = assets.lexicon_set("determiners")
    for seg in doc.segments:
        if seg.doc is None:
            continue
        for ent in seg.doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            toks = list(ent)
            while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].text in _POSSESSIVE or toks[-1].tag_ == "POS"):
                toks.pop()
            while toks and (toks[0].lower_ in determiners or toks[0].is_punct or toks[0].is_space):
                toks.pop(0)
            title = title_span = None
            if ent.label_ == "PERSON" and len(toks) > 1:
                k = _strip_title(toks, titles, modifiers)
                if k:
                    ts = seg.view_span(toks[0])
                    te = seg.view_span(toks[k - 1])
                    title_span = Span(ts.start, te.end)
                    title = doc.view.text[ts.start : te.end]
                    toks = toks[k:]
            if not toks:
                continue
            start = seg.view_span(toks[0]).start
            end = seg.view_span(toks[-1]).end
            text = doc.view.text[start:end]
            # a possessive glued to the last token ("Korea's" tokenised as one)
            for p in _POSSESSIVE[:2]:
                if text.endswith(p):
                    end -= len(p)
            if end > start:
                yield EntityMention(start, end, ent.label_, title, title_span)
