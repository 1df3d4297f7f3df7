"""Speakers of quotes and holders of recommendations, as canonical names."""

from __future__ import annotations

import re

from ..document import Document, Span
from ..extract.quotes import QuoteMention
from ..extract.recommendations import RecommendationMention
from .entities import Entity, entity_at

_DET = re.compile(r"^(?:the|a|an)\s+", re.I)


def speaker_name(doc: Document, entities: list[Entity], span: Span) -> str:
    ent = entity_at(entities, span)
    if ent is not None and ent.label in ("PERSON", "ORG", "GPE", "NORP") and ent.end - ent.start >= (span.end - span.start) * 0.5:
        return ent.canonical
    return _DET.sub("", re.sub(r"\s+", " ", doc.view.text[span.start : span.end]).strip())


def resolve_quotes(doc: Document, entities: list[Entity], quotes: list[QuoteMention]) -> list[QuoteMention]:
    return [q._replace(speakers=tuple(speaker_name(doc, entities, s) for s in q.speaker_spans)) for q in quotes]


def resolve_holders(quotes: list[QuoteMention], recs: list[RecommendationMention]) -> list[RecommendationMention]:
    out = []
    for r in recs:
        holder = "author"
        for q in quotes:
            if q.start <= r.trigger.start and r.trigger.end <= q.end and q.speakers:
                holder = "; ".join(q.speakers)
                break
        out.append(r._replace(holder=holder))
    return out
