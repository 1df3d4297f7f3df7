"""Statistics: whom a figure is about, when it holds, on whose authority.

Over the extracted statistics (``extractors.statistics``) and the resolved
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
from ..extractors.quotes import QuoteMention
from ..extractors.statistics import StatisticMention
from .attribution import AUTHOR, HOLDER_SEPARATOR, Attributor, _voice
from .dates import Date
from .entities import Entity

_SELF = "self"
_ANTECEDENT_PARAGRAPHS = 3  # paragraphs before a pronoun's own searched for its antecedent
# a date before a duration before a set ("now stands at $4 trillion a year": now)
_TYPE_RANK = {"DATE": 0, "TIME": 0, "DURATION": 1, "SET": 2}


class _Names:
    """Canonical names of the entity mentions at a token (all labels)."""

    def __init__(self, entities: list[Entity], text: str = "", person_heads: frozenset = frozenset()):
        self.text, self.person_heads = text, person_heads
        self.entities = sorted(entities, key=lambda e: (e.start, e.end))
        self.starts = [e.start for e in self.entities]

        self.canonicals = frozenset(" ".join(e.canonical.split()) for e in entities)

    def inside(self, span: Span) -> list[Entity]:
        lo, hi = bisect_left(self.starts, span.start), bisect_right(self.starts, span.end)
        return [e for e in self.entities[lo:hi] if e.end <= span.end]

    def antecedent(self, span: Span, kind: str, floor: int) -> Entity | None:
        """The nearest entity mention before a pronoun in its paragraph that it
        can stand for ("he": a person; "it", "its", "they": not a person)."""
        hi = bisect_left(self.starts, span.start)
        for e in reversed(self.entities[:hi]):
            if e.start < floor:
                return None
            if self._is_person(e) == (kind == "person"):
                return e
        return None

    def _is_person(self, e: Entity) -> bool:
        """A person, not a leader's name before "administration" (a thing)."""
        if e.label != "PERSON":
            return False
        after = self.text[e.end : e.end + 40].split()
        return not (after and after[0].strip(".,;:").lower() in self.person_heads)

    def covering(self, span: Span) -> Entity | None:
        """The entity mention that contains ``span`` (a token)."""
        hi = bisect_right(self.starts, span.start)
        for e in reversed(self.entities[max(0, hi - 4) : hi]):
            if e.start <= span.start and span.end <= e.end:
                return e
        return None


def resolve_statistics(att: Attributor, entities: list[Entity], dates: list[Date], quotes: list[QuoteMention], stats: list[StatisticMention], person_heads: frozenset = frozenset()) -> list[StatisticMention]:
    doc = att.doc
    names = _Names(entities, doc.view.text, person_heads)
    voice = _voice(att)
    by_start = sorted(dates, key=lambda d: d.start)
    starts = [d.start for d in by_start]
    out = []
    for s in stats:
        quote = _enclosing_quote(s, quotes)
        out.append(s._replace(
            subject=_subject(att, names, s, voice),
            time=_time(s, _within(by_start, starts, s), doc.view.text),
            source=_source(att, names, s, quote, voice),
            quote=Span(quote.start, quote.end) if quote is not None else None,
        ))  # fmt: skip
    return out


def _enclosing_quote(s: StatisticMention, quotes: list[QuoteMention]) -> QuoteMention | None:
    inside = [q for q in quotes if q.kind != "scare" and q.start <= s.start and s.end <= q.end]
    return min(inside, key=lambda q: q.end - q.start) if inside else None


def _voiced(doc: Document, s: StatisticMention) -> bool:
    return any(v.start <= s.start < v.end for v in doc.meta.voiced)


def _source(att: Attributor, names: _Names, s: StatisticMention, quote: QuoteMention | None, voice: str | None) -> str | None:
    if quote is not None and quote.speakers:
        return HOLDER_SEPARATOR.join(quote.speakers)
    if s.source_phrase is not None and s.source_phrase.span is not None:
        found = _source_names(att, names, s)
        if found:
            return HOLDER_SEPARATOR.join(dict.fromkeys(found))
    if quote is not None:
        return None  # an unsourced report ("reportedly")
    if voice and _voiced(att.doc, s):
        return voice
    return AUTHOR


def _source_names(att: Attributor, names: _Names, s: StatisticMention) -> list[str]:
    """Names for the source phrase: a pronoun's nearest entity, else the
    attribution rules of quotes (entities, "a [X] survey" -> X, groups as written)."""
    span = s.source_phrase.span
    pron = att.pronouns.get(att.text[span.start : span.end].strip().lower())
    if pron is not None and pron != _SELF:
        e = names.antecedent(span, pron, _paragraph_start(att.doc, span))
        return [" ".join(e.canonical.split())] if e is not None else []
    return [n.name for n in att.names(s.source_phrase)]


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
            e = names.antecedent(span, pron, _paragraph_start(att.doc, span))
            out.extend([" ".join(e.canonical.split())] if e is not None else [])
        else:
            e = names.covering(span)
            if e is not None:
                out.append(" ".join(e.canonical.split()))
    return out


def _paragraph_start(doc: Document, span: Span) -> int:
    """Where a pronoun's antecedent may be: its paragraph and the ones before
    (news style names a speaker once and goes on with "she" for paragraphs)."""
    seg = doc.segment_at(span.start)
    if seg is None:
        return 0
    before = [s for s in doc.segments if s.end <= seg.start and s.carries_claims]
    return before[-_ANTECEDENT_PARAGRAPHS].start if len(before) >= _ANTECEDENT_PARAGRAPHS else (before[0].start if before else seg.start)


def _within(by_start: list[Date], starts: list[int], s: StatisticMention) -> list[Date]:
    """The dates that start inside the statistic's clauses, by binary search
    (a scan of every date for every statistic is quadratic in a long text)."""
    clauses = [c for c in s.clause if c is not None]
    if not clauses:
        return []
    lo, hi = min(c.start for c in clauses), max(c.end for c in clauses)
    return by_start[bisect_left(starts, lo) : bisect_right(starts, hi)]


def _time(s: StatisticMention, dates: list[Date], text: str) -> Span | None:
    inside = [d for d in dates if _in_clause(d, s) and not _adjectival(d, text)]
    if not inside:
        return None
    best = min(inside, key=lambda d: (_TYPE_RANK.get(d.timex_type, 1), _distance(d, s)))
    return Span(best.start, best.end)


def _in_clause(d: Date, s: StatisticMention) -> bool:
    return any(c is not None and c.start <= d.start and d.end <= c.end for c in s.clause)


def _adjectival(d: Date, text: str) -> bool:
    """A duration that modifies a noun ("a 50-year lease", "a three-month
    surge") tells how long the thing lasts, not when the figure holds."""
    return d.timex_type == "DURATION" and "-" in text[d.start : d.end]


def _distance(d: Date, s: StatisticMention) -> int:
    return max(d.start - s.end, s.start - d.end, 0)
