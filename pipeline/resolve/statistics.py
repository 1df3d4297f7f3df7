"""Statistics: whom a figure is about, when it holds, on whose authority.

Over the extracted statistics (``extract.statistics``) and the resolved
entities, dates and quotes of the document (guidelines 10.4):

* ``subject``: the first candidate span of the extractor that names an entity
  (a pronoun stands for its antecedent; "I"/"we" in a speech or an interview
  are the speaker), as canonical names joined with "; " (the last name only
  when the candidate is the measure itself);
* ``time``: the date in the figure's clause, a date before a set ("now" over
  "a year"), the nearest first;
* ``source`` and ``quote``: the quote record the figure sits in (its
  speakers), else the phrase the extractor found ("according to X", the
  subject of "said"), else the voice of a transcript, else ``author``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..document import Document, Span
from ..extract.quotes import QuoteMention
from ..extract.statistics import StatisticMention
from .attribution import AUTHOR, HOLDER_SEPARATOR, Attributor, _voice
from .dates import Date
from .entities import Entity

_SELF = "self"


class _Names:
    """Canonical names of the entity mentions at a token (all labels)."""

    def __init__(self, entities: list[Entity]):
        self.entities = sorted(entities, key=lambda e: (e.start, e.end))
        self.starts = [e.start for e in self.entities]

        self.canonicals = frozenset(" ".join(e.canonical.split()) for e in entities)

    def inside(self, span: Span) -> list[Entity]:
        lo, hi = bisect_left(self.starts, span.start), bisect_right(self.starts, span.end)
        return [e for e in self.entities[lo:hi] if e.end <= span.end]

    def covering(self, span: Span) -> Entity | None:
        """The entity mention that contains ``span`` (a token)."""
        hi = bisect_right(self.starts, span.start)
        for e in reversed(self.entities[max(0, hi - 4) : hi]):
            if e.start <= span.start and span.end <= e.end:
                return e
        return None


def resolve_statistics(att: Attributor, entities: list[Entity], dates: list[Date], quotes: list[QuoteMention], stats: list[StatisticMention]) -> list[StatisticMention]:
    doc = att.doc
    names = _Names(entities)
    voice = _voice(att)
    out = []
    for s in stats:
        quote = _enclosing_quote(s, quotes)
        out.append(s._replace(
            subject=_subject(att, names, s, voice),
            time=_time(s, dates),
            source=_source(att, doc, s, quote, voice),
            quote=Span(quote.start, quote.end) if quote is not None else None,
        ))  # fmt: skip
    return out


def _enclosing_quote(s: StatisticMention, quotes: list[QuoteMention]) -> QuoteMention | None:
    inside = [q for q in quotes if q.kind != "scare" and q.start <= s.start and s.end <= q.end]
    return min(inside, key=lambda q: q.end - q.start) if inside else None


def _voiced(doc: Document, s: StatisticMention) -> bool:
    return any(v.start <= s.start < v.end for v in doc.meta.voiced)


def _source(att: Attributor, doc: Document, s: StatisticMention, quote: QuoteMention | None, voice: str | None) -> str | None:
    if quote is not None:
        return HOLDER_SEPARATOR.join(quote.speakers) if quote.speakers else None
    if s.source_phrase is not None and s.source_phrase.span is not None:
        found = [n.name for n in att.names(s.source_phrase)]
        if found:
            return HOLDER_SEPARATOR.join(dict.fromkeys(found))
    if voice and _voiced(doc, s):
        return voice
    return AUTHOR


def _subject(att: Attributor, names: _Names, s: StatisticMention, voice: str | None) -> str | None:
    for kind, spans in s.subject_spans:
        found = _names_at(att, names, spans, s, voice)
        if found:
            found = found[:1] if kind == "measure" else found
            return HOLDER_SEPARATOR.join(dict.fromkeys(found))
    return None


def _names_at(att: Attributor, names: _Names, spans: tuple, s: StatisticMention, voice: str | None) -> list[str]:
    """Canonical names of the entities that cover the given tokens (a pronoun:
    its antecedent's, when that is an entity; I/we in a speech: the speaker)."""
    out: list[str] = []
    for span in spans:
        word = att.text[span.start : span.end].strip().lower()
        pron = att.pronouns.get(word)
        if pron == _SELF:
            out.extend([voice] if voice and _voiced(att.doc, s) else [])
        elif pron is not None:
            out.extend(_entity_names(names, att.antecedents(span, pron)))
        else:
            e = names.covering(span)
            if e is not None:
                out.append(" ".join(e.canonical.split()))
    return out


def _entity_names(names: _Names, antecedents) -> list[str]:
    """The antecedents that are entities ("the X administration" -> X's canonical)."""
    out = []
    for n in antecedents:
        if n.name in names.canonicals:
            out.append(n.name)
        elif n.span is not None:
            inside = names.inside(n.span)
            out.extend(" ".join(e.canonical.split()) for e in inside[:1])
    return out


def _time(s: StatisticMention, dates: list[Date]) -> Span | None:
    inside = [d for d in dates if any(c is not None and c.start <= d.start and d.end <= c.end for c in s.clause)]
    if not inside:
        return None
    best = min(inside, key=lambda d: (d.timex_type == "SET", _distance(d, s)))
    return Span(best.start, best.end)


def _distance(d: Date, s: StatisticMention) -> int:
    return max(d.start - s.end, s.start - d.end, 0)
