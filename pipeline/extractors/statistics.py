"""Statistics: figures with what they measure (guidelines section 10).

A figure is found by the named patterns of ``models/patterns/statistics.json``
(:mod:`.quantities` reads its value, unit and approximator), kept unless it is
a date, part of a name or one of the contexts of
``models/patterns/non_statistics.json`` (a definite count, a list announced,
an age ...), and then read in its sentence's parse:

* the counted noun of a bare count gives its unit (``people`` for persons,
  the noun otherwise) and its measure ("130 crew members");
* the measure is the "of" phrase ("48% of the vote"), the noun the figure
  modifies ("28% approval", "a 20-km strip of coast"), the subject of a
  measuring verb ("prices fell by 80%") or an apposition ("0.7%, the narrowest
  margin"); a second figure with none takes the one before it;
* candidate spans for the subject (a possessor, "for X", the clause subject,
  an apposition, names in the measure, a place) and the source phrase
  ("according to X", the subject of a reporting verb) are kept for
  :mod:`claimex.resolve.statistics`, which names them;
* a comparison cue: the verb of a change ("rose", "fell by"), a comparing word
  after the figure ("below average"), a superlative in its apposition, or a
  verb comparing two measures of the sentence ("X's disapproval surpassed its
  approval (28% approval, 62% disapproval)").

Each mention carries the name of the pattern that found it (``rule``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from ..assets import Assets
from ..document import Document, Segment, Span
from .clauses import has_own_subject, noun_phrase, span_of, subject_of
from .cues import SpeakerPhrase
from .quantities import Quantity, QuantityLexicon, read_quantity
from .scan import LeadScan

SEGMENT_KINDS = ("body", "key_point", "title", "heading")
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my", "your", "whose"})
_PREDETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "all", "this", "that", "these", "those"})
_FRACTION_BEFORE = frozenset({"by", "than", "to", "of", "about", "nearly", "almost", "over", "under"})
_PLACE_PREPS = frozenset({"in", "near", "outside", "at", "across", "off", "along", "on", "into"})
_TIMES_NOUNS = frozenset({"times", "occasions", "instances"})
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_NOUNS = ("NOUN", "PROPN")
_VERBS = ("VERB", "AUX")
_MAX_UP = 4


class Comparison(NamedTuple):
    direction: str
    cue: Span | None
    with_: Span | None = None  # the span of the statistic it is compared with


class StatisticMention(NamedTuple):
    start: int
    end: int
    value: object
    unit: str | None
    approx: str | None
    measure: Span | None
    rule: str
    comparison: Comparison | None = None
    # read by resolve.statistics
    subject_spans: tuple = ()  # (kind, Span) candidates, in order
    source_phrase: SpeakerPhrase | None = None
    clause: tuple = ()  # view spans of the clause(s) whose dates are the figure's
    sentence: Span | None = None
    # set by resolve.statistics
    subject: str | None = None
    time: Span | None = None
    source: str | None = None
    quote: Span | None = None


@dataclass(frozen=True)
class StatisticRules:
    patterns: tuple
    negatives: tuple
    lex: QuantityLexicon
    people: frozenset
    list_nouns: frozenset
    comparisons: dict
    measure_verbs: dict
    source_verbs: frozenset
    dimensions: frozenset
    scans: dict  # pattern name -> LeadScan (finditer without trying a leading optional group everywhere)

    @classmethod
    def load(cls, assets: Assets) -> StatisticRules:
        return assets.memo("statistics:rules", lambda: cls(
            patterns=assets.patterns("statistics"),
            negatives=assets.patterns("non_statistics"),
            lex=QuantityLexicon.load(assets),
            people=assets.lexicon_set("statistic_people_nouns"),
            list_nouns=assets.lexicon_set("statistic_list_nouns"),
            comparisons={k.lower(): v for k, v in assets.mapping("statistic_comparison_cues").items()},
            measure_verbs={k.lower(): v for k, v in assets.mapping("statistic_measure_verbs").items()},
            source_verbs=assets.lexicon_set("statistic_source_verbs"),
            dimensions=assets.lexicon_set("statistic_dimension_adjectives"),
            scans={p.name: LeadScan(p.regex) for p in (*assets.patterns("statistics"), *assets.patterns("non_statistics"))},
        ))  # fmt: skip


class _Cand(NamedTuple):
    start: int  # view offsets
    end: int
    rule: str
    score: float
    q: Quantity
    bare: bool  # a bare number: needs a counted noun or a figure before it
    number: tuple[int, int]  # view offsets of the number itself (for the filters)


def find_statistics(doc: Document, assets: Assets) -> Iterator[StatisticMention]:
    rules = StatisticRules.load(assets)
    blocked = _blocked_spans(doc)
    for seg in doc.segments:
        if seg.kind not in SEGMENT_KINDS or seg.doc is None:
            continue
        yield from _segment_statistics(doc, seg, rules, blocked)


def _blocked_spans(doc: Document) -> list[tuple[int, int]]:
    """Dates and names: a figure inside one is no statistic."""
    out = [(m.start, m.end) for m in doc.mentions.get("date", [])]
    out += [(m.start, m.end) for m in doc.mentions.get("entity", [])]
    return sorted(out)


def _overlaps(a: int, b: int, spans) -> bool:
    return any(s < b and a < e for s, e in spans)


# -- candidates ----------------------------------------------------------------


def _segment_statistics(doc: Document, seg: Segment, rules: StatisticRules, blocked) -> Iterator[StatisticMention]:
    text = doc.view.text[seg.start : seg.end]
    if re.fullmatch(r"\s*\d{1,4}\s*", text):
        return  # a page number left between paragraphs
    negative = _negative_ranges(text, rules)
    cands = [c for c in _candidates(text, seg.start, rules) if _kept(c, seg, text, negative, blocked)]
    mentions = [m for m in (_read(seg, c, rules) for c in cands) if m is not None]
    yield from _sentence_links(seg, mentions, rules)


def _candidates(text: str, offset: int, rules: StatisticRules) -> list[_Cand]:
    found = []
    leads: dict = {}  # where the patterns' shared leading group matches, found once
    for p in rules.patterns:
        kind = (p.meta or {}).get("kind", "number")
        for m in rules.scans[p.name].finditer(text, leads):
            found.extend(_from_match(m, p, kind, offset, rules))
    # longest first, then the better pattern; spans of one type never overlap
    found.sort(key=lambda c: (-(c.end - c.start), -c.score, c.start))
    kept: list[_Cand] = []
    for c in found:
        if not any(k.start < c.end and c.start < k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _from_match(m: re.Match, p, kind: str, offset: int, rules: StatisticRules) -> list[_Cand]:
    g = m.groupdict()
    q = read_quantity(kind, g, rules.lex)
    if q is None:
        return []
    start, end = offset + m.start(), offset + m.end()
    if kind == "range" and q.value["low"] > q.value["high"]:
        return _split_result(m, p, offset, q)  # "55 to 45 percent": two figures, not a range
    num = m.span("num") if g.get("num") else (m.start(), m.end())
    bare = kind == "number" and not g.get("unit") and not g.get("cur")
    return [_Cand(start, end, f"statistic/{p.name}", p.score, q, bare, (offset + num[0], offset + num[1]))]


def _split_result(m: re.Match, p, offset: int, q: Quantity) -> list[_Cand]:
    lo, hi = m.span("lo"), m.span("hi")
    first = Quantity(q.value["low"], q.unit, q.approx)
    second = Quantity(q.value["high"], q.unit, None)
    a = _Cand(offset + m.start(), offset + lo[1], f"statistic/{p.name}_result", p.score, first, False, (offset + lo[0], offset + lo[1]))
    b = _Cand(offset + hi[0], offset + m.end(), f"statistic/{p.name}_result", p.score, second, False, (offset + hi[0], offset + hi[1]))
    return [a, b]


def _negative_ranges(text: str, rules: StatisticRules) -> list[tuple[int, int]]:
    out = []
    for p in rules.negatives:
        for m in rules.scans[p.name].finditer(text):
            for name, val in m.groupdict().items():
                if val is not None and name.startswith("n"):
                    out.append(m.span(name))
    return out


def _kept(c: _Cand, seg: Segment, text: str, negative, blocked) -> bool:
    a, b = c.number[0] - seg.start, c.number[1] - seg.start
    if any(s <= a and b <= e for s, e in negative):
        return False
    if _overlaps(c.number[0], c.number[1], blocked):
        return False
    if c.bare and _YEAR.match(text[a:b].replace(",", "")):
        return False  # a year the date extractor left alone
    if c.bare and _after_name_or_date(text, a, seg, blocked):
        return False
    if c.q.unit == "fraction" and c.rule == "statistic/fraction":
        return _fraction_context(text, c.start - seg.start, c.end - seg.start)
    return True


_NAME_BEFORE = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][a-z]+\s+$")


def _after_name_or_date(text: str, a: int, seg: Segment, blocked) -> bool:
    """A bare number right after a capitalised word inside a sentence ("Patriot
    125", "Route 66": part of a name) or glued by a dash to a date ("September
    16-19": the rest of a date range)."""
    before = text[max(0, a - 30) : a]
    if before.endswith(("-", "\u2013")) and _overlaps(seg.start + a - 3, seg.start + a - 1, blocked):
        return True
    m = _NAME_BEFORE.search(before)
    return bool(m) and a - len(before) + m.start() > 0 and not _sentence_start(text, a - len(before) + m.start())


def _sentence_start(text: str, i: int) -> bool:
    return not text[:i].strip() or text[:i].rstrip()[-1:] in ".!?:\"\u201c"


def _fraction_context(text: str, a: int, b: int) -> bool:
    """A fraction word names a share before "of", a determiner or the end of
    its phrase ("half of", "half the population", "by a third."), not as an
    ordinal adjective ("a third party", "the first quarter")."""
    after = re.match(r"\s*([\w']+|[^\w\s]|$)", text[b:])
    nxt = after.group(1).lower() if after else ""
    before = re.findall(r"[\w']+", text[max(0, a - 20) : a].lower())
    if before and before[-1] in ("first", "second", "last", "final", "the"):
        return False
    return nxt in ("of", "") or nxt in _PREDETERMINERS or not nxt[:1].isalnum() or (bool(before) and before[-1] in _FRACTION_BEFORE and nxt in ("and", "or", "in", "last", "this", "compared"))


# -- one figure in its parse -----------------------------------------------------


def _read(seg: Segment, c: _Cand, rules: StatisticRules) -> StatisticMention | None:
    sp = seg.char_span(c.start, c.end, alignment_mode="expand")
    if sp is None or not len(sp):
        return None
    root = sp.root
    unit, measure, counted = c.q.unit, None, None
    if unit is None or unit == "times":
        counted = _counted_noun(sp, root)
        if counted is not None:
            unit = unit or _count_unit(counted, rules)
            measure = _count_measure(seg, sp, counted)
            if counted.lower_ in _TIMES_NOUNS:
                unit, measure = "times", _event_verb(seg, counted)
        elif unit == "times":
            measure = _event_verb(seg, root)
    if c.bare and counted is None and not _is_digits(sp):
        return None  # a number word that counts nothing named ("all three")
    if counted is not None and counted.lower_ in rules.list_nouns:
        return None
    if measure is None:
        measure = _measure(seg, sp, root, rules)
    sent = sp.sent
    holder = _embedding_noun(sp, root, measure, counted, seg)
    return StatisticMention(
        c.start, c.end, c.q.value, unit, c.q.approx, measure, c.rule,
        comparison=_comparison(seg, sp, root, rules),
        subject_spans=tuple(_subject_candidates(seg, sp, root, measure, rules, holder is not None)),
        source_phrase=_source_phrase(seg, sp, root, rules),
        clause=(span_of(seg, noun_phrase(holder)),) if holder is not None else tuple(_clauses(seg, root)),
        sentence=Span(seg.start + sent.start_char, seg.start + sent.end_char),
    )  # fmt: skip


def _embedding_noun(sp, root, measure: Span | None, counted, seg: Segment):
    """The noun phrase a figure is tucked into, when it is not an argument of
    its clause: an apposition ("the JEF, the grouping of ten countries"), a
    modifier of the subject ("those from countries with rates below 20%"), a
    phrase hanging on another phrase. Its dates and subject are not the figure's."""
    for a in _ancestors(root, 8):
        if a.pos_ in _VERBS:
            return None
        if a.pos_ not in _NOUNS + ("PRON",) or a is counted or _inside(seg, a, measure) or sp.start <= a.i < sp.end:
            continue
        nested = a.dep_ == "pobj" and a.head.dep_ == "prep" and a.head.head.pos_ in _NOUNS + ("PRON",)
        if a.dep_ in ("nsubj", "nsubjpass", "appos", "npadvmod") or nested:
            top = a
            while top.head.pos_ not in _VERBS and top.head.i != top.i:
                top = top.head
            return top
    return None


def _is_digits(sp) -> bool:
    return any(t.text[:1].isdigit() for t in sp)


def _counted_noun(sp, root):
    """The noun a bare number counts: "130 crew members" -> members."""
    doc = sp.doc
    head = root.head
    if root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "appos") and head.i >= sp.end and head.pos_ in _NOUNS:
        return head
    if sp.end < len(doc):
        nxt = doc[sp.end]
        if nxt.pos_ in _NOUNS and (root.head.i == nxt.i or any(t.head.i >= sp.end for t in sp)):
            return nxt.head if nxt.dep_ == "compound" and nxt.head.i > nxt.i and nxt.head.pos_ in _NOUNS else nxt
    return None


def _count_unit(noun, rules: StatisticRules) -> str:
    low = noun.lower_
    if low in rules.people or noun.lemma_.lower() in rules.people or (noun.pos_ == "PROPN" and low.endswith("s") and noun.ent_type_ in ("NORP", "")):
        return "people"
    if low in _TIMES_NOUNS:
        return "times"
    return low


def _count_measure(seg: Segment, sp, noun) -> Span | None:
    """The counted noun with its pre-modifiers ("crew members", "large dams")."""
    doc = sp.doc
    return span_of(seg, doc[sp.end : noun.i + 1]) if noun.i >= sp.end else span_of(seg, [noun])


def _event_verb(seg: Segment, tok) -> Span | None:
    """The verb an event count counts ("attacked or extorted on 60 occasions": attacked)."""
    for anc in _ancestors(tok):
        if anc.pos_ == "VERB":
            while anc.dep_ == "conj" and anc.head.pos_ == "VERB" and not _own_clause(anc):
                anc = anc.head
            return seg.view_span(anc)
    return None


def _ancestors(tok, limit: int = _MAX_UP):
    t = tok
    for _ in range(limit):
        if t.head.i == t.i:
            return
        t = t.head
        yield t


def _measure(seg: Segment, sp, root, rules: StatisticRules) -> Span | None:
    for finder in (_of_phrase, _predeterminer_np, _modified_noun, _apposition_noun, _dimension_of, _preceding_noun, _verb_measure, _by_verb):
        found = finder(seg, sp, root, rules)
        if found is not None:
            return found
    return None


def _np_span(seg: Segment, head, *, drop_named_possessor: bool = True, upto_head: bool = False) -> Span | None:
    """A noun phrase without its leading determiner, a possessive pronoun or a
    named possessor ("Kazakhstan's export earnings" -> "export earnings");
    ``upto_head``: without what follows the head."""
    toks = [t for t in noun_phrase(head) if not upto_head or t.i <= head.i]
    toks = [t for t in toks if not (t.dep_ == "poss" and t.lower_ in _POSSESSIVE_PRONOUNS)]
    if drop_named_possessor:
        toks = _without_named_possessors(toks, head)
    toks = _without_leading_function_words(toks)
    return span_of(seg, toks) if toks else None


def _without_named_possessors(toks: list, head) -> list:
    """The tokens without the named possessors of ``head`` (an entity or a
    proper noun) and their "'s"."""
    poss = [t for t in toks if t.dep_ == "poss" and t.head.i == head.i and (t.ent_type_ or t.pos_ == "PROPN")]
    for p in poss:
        cut = set(range(p.left_edge.i, p.i + 2))  # the possessor and its "'s"
        toks = [t for t in toks if t.i not in cut]
    return toks


def _without_leading_function_words(toks: list) -> list:
    """The tokens without leading determiners, punctuation, "all" and "of"."""
    while toks and (toks[0].dep_ in ("det", "predet") or toks[0].is_punct or toks[0].lower_ in ("all", "of")):
        toks = toks[1:]
    return toks


def _of_phrase(seg, sp, root, rules):
    doc = sp.doc
    if sp.end >= len(doc) or doc[sp.end].lower_ != "of":
        return None
    pobj = next((c for c in doc[sp.end].children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    if pobj.pos_ == "PRON":
        return _antecedent_np(seg, sp)
    return _np_span(seg, pobj)


def _antecedent_np(seg: Segment, sp) -> Span | None:
    """'half of it': the nearest noun phrase before the figure in its sentence
    that is not a name, a pronoun, a date or a figure."""
    doc = sp.doc
    best = None
    for chunk in doc.noun_chunks:
        if chunk.end > sp.start or chunk.start < sp.sent.start:
            continue
        r = chunk.root
        if r.pos_ in ("PRON", "PROPN", "NUM") or r.ent_type_ in ("DATE", "MONEY", "PERCENT", "CARDINAL", "QUANTITY"):
            continue
        best = chunk
    return _np_span(seg, best.root) if best is not None else None


def _predeterminer_np(seg, sp, root, rules):
    """'almost half the population' -> population."""
    doc = sp.doc
    if sp.end >= len(doc) or doc[sp.end].lower_ not in _PREDETERMINERS or root.lower_ not in ("half", "third", "quarter"):
        return None
    det = doc[sp.end]
    head = det.head if det.head.i > det.i and det.head.pos_ in _NOUNS else None
    return _np_span(seg, head) if head is not None else None


def _modified_noun(seg, sp, root, rules):
    """The noun right after the figure that it modifies: "28% approval",
    "a 20-km strip of coast", "a 200km land border"."""
    doc = sp.doc
    if sp.end >= len(doc):
        return None
    nxt = doc[sp.end]
    head = nxt if nxt.pos_ == "NOUN" else None
    while head is not None and head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "NOUN":
        head = head.head
    if head is None or not (root.head.i == head.i or root.head.i >= sp.end):
        return None
    end = head.i + 1
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].pos_ == "NOUN":
        end += 2  # "strip of coast"
    return span_of(seg, doc[sp.end : end])


def _apposition_noun(seg, sp, root, rules):
    """'won by 0.7%, the narrowest margin' -> margin."""
    appos = _apposition(sp, root)
    return seg.view_span(appos) if appos is not None and appos.i == _first_noun_after_comma(sp) else None


def _first_noun_after_comma(sp) -> int:
    doc = sp.doc
    if sp.end + 1 < len(doc) and doc[sp.end].text == ",":
        return next((t.i for t in doc[sp.end + 1 : min(len(doc), sp.end + 6)] if t.pos_ == "NOUN"), -1)
    return -1


def _apposition(sp, root):
    """A noun phrase set off by a comma right after the figure that names it
    ("won by 0.7%, the narrowest margin"), or one the figure's verb carries
    ("... crossed in 2024, the lowest figure since 2019")."""
    doc = sp.doc
    if sp.end + 1 < len(doc) and doc[sp.end].text == ",":
        for t in doc[sp.end + 1 : min(len(doc), sp.end + 6)]:
            if t.pos_ == "NOUN":
                return t if t.dep_ not in ("nsubj", "nsubjpass") else None
            if not (t.pos_ in ("DET", "ADJ", "ADV") or t.dep_ in ("det", "amod", "advmod")):
                break
    verb = _governing_verb(root)
    for c in verb.children if verb is not None else ():
        if c.dep_ in ("npadvmod", "appos") and c.pos_ == "NOUN" and c.i > sp.end and doc[c.left_edge.i - 1].text == ",":
            return c
    return None


def _dimension_of(seg, sp, root, rules):
    """'a drag mark nearly 90 kilometres long' -> drag mark."""
    doc = sp.doc
    if sp.end >= len(doc) or doc[sp.end].lower_ not in rules.dimensions or sp.start == 0:
        return None
    before = doc[sp.start - 1]
    return _np_span(seg, before, upto_head=True) if before.pos_ == "NOUN" else None


def _preceding_noun(seg, sp, root, rules):
    """A figure after the noun it measures: "recognition rates below 20%",
    "projects worth more than $500 million", "a pledge of $3 billion", "a mark
    nearly 100 km long"."""
    child = root
    for anc in _ancestors(root, 3):
        if anc.pos_ in _NOUNS and anc.i < sp.start and child.pos_ in ("ADP", "ADJ", "ADV", "SCONJ"):
            return _np_span(seg, anc, upto_head=True)
        if anc.pos_ in _VERBS:
            return None
        child = anc
    return None


def _by_verb(seg, sp, root, rules):
    """"By 55 to 45 percent, voters rejected the plan" -> rejected (the vote it measures)."""
    for head in _ancestors(root, 3):
        verb = head.head
        if head.lower_ == "by" and head.dep_ == "prep" and verb.pos_ == "VERB" and verb.text[:1].islower() and verb.lemma_.lower() not in rules.measure_verbs:
            return seg.view_span(verb)
    return None


def _verb_measure(seg, sp, root, rules):
    """'prices fell by 80%' -> prices; 'cut the throughput by a third' -> throughput."""
    verb = _governing_verb(root)
    if verb is None:
        return None
    role = rules.measure_verbs.get(verb.lemma_.lower())
    if role == "object":
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < sp.start), None)
        return _np_span(seg, obj, drop_named_possessor=False) if obj is not None else None
    if role == "subject":
        subj = subject_of(verb)
        if subj is None or subj.pos_ in ("PRON", "NUM") or sp.start <= subj.i < sp.end:
            return None
        return _np_span(seg, subj)
    return None


def _governing_verb(tok):
    return next((a for a in _ancestors(tok) if a.pos_ in _VERBS), None)


# -- comparison ---------------------------------------------------------------------


def _comparison(seg: Segment, sp, root, rules: StatisticRules) -> Comparison | None:
    verb = _governing_verb(root)
    if verb is not None and verb.lower_ in rules.comparisons and rules.comparisons[verb.lower_] in ("up", "down"):
        return Comparison(rules.comparisons[verb.lower_], seg.view_span(verb))
    doc = sp.doc
    if sp.end < len(doc) and doc[sp.end].lower_ in ("below", "above", "higher", "lower"):
        return Comparison(rules.comparisons[doc[sp.end].lower_], seg.view_span(doc[sp.end]))
    appos = _apposition(sp, root)
    if appos is not None:
        for t in appos.children:
            d = rules.comparisons.get(t.lower_)
            if t.i < appos.i and d in ("most", "least"):
                return Comparison(d, seg.view_span(t))
    return None


def _sentence_links(seg: Segment, mentions: list[StatisticMention], rules: StatisticRules) -> Iterator[StatisticMention]:
    """A figure with no measure takes the one of the figure before it in its
    sentence ("48% of the vote to 47% for X"); a verb that compares two
    measures links their figures."""
    out: list[StatisticMention] = []
    for m in mentions:
        prev = out[-1] if out and out[-1].sentence == m.sentence else None
        if m.measure is None and prev is not None and prev.measure is not None and _compatible(prev, m):
            m = m._replace(measure=prev.measure, unit=m.unit or prev.unit)
        out.append(m)
    yield from _compared(seg, out, rules)


def _compatible(prev: StatisticMention, m: StatisticMention) -> bool:
    return m.unit is None or prev.unit is None or m.unit == prev.unit


def _compared(seg: Segment, mentions: list[StatisticMention], rules: StatisticRules) -> Iterator[StatisticMention]:
    doc = seg.doc
    text = lambda s: doc.text[s.start - seg.start : s.end - seg.start].lower() if s else ""  # noqa: E731
    for m in mentions:
        if m.comparison is None and m.measure is not None:
            m = m._replace(comparison=_compared_with(seg, m, mentions, rules, text))
        yield m


def _compared_with(seg, m, mentions, rules, text):
    """The comparison of the sentence's comparative verb whose subject holds
    this figure's measure and whose object holds another figure's ("exports
    outpaced imports"), or None."""
    sent = seg.char_span(m.sentence.start, m.sentence.end, alignment_mode="expand")
    if sent is None:
        return None
    for verb, direction, subj, obj in _comparative_clauses(sent, rules):
        other = _compared_mention(m, mentions, subj, obj, text)
        if other is not None:
            return Comparison(direction, seg.view_span(verb), Span(other.start, other.end))
    return None


def _comparative_clauses(sent, rules):
    """(verb, "more" or "less", subject, object) of each comparative verb of
    the sentence that has both a subject and a direct object."""
    for verb in sent:
        d = rules.comparisons.get(verb.lower_)
        if verb.pos_ != "VERB" or d not in ("more", "less"):
            continue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if subj is None or obj is None:
            continue
        yield verb, d, subj, obj


def _compared_mention(m, mentions, subj, obj, text):
    """Another figure of the sentence whose measure the object names, when
    the subject (before the object) names this figure's measure."""
    s_text = " ".join(t.lower_ for t in subj.subtree if t.i < obj.i)
    if not (text(m.measure) and re.search(rf"\b{re.escape(text(m.measure))}\b", s_text)):
        return None
    return next((o for o in mentions if o is not m and o.sentence == m.sentence and o.measure and _in_phrase(text(o.measure), obj)), None)


def _in_phrase(word: str, head) -> bool:
    phrase = " ".join(t.lower_ for t in noun_phrase(head))
    return bool(word) and re.search(rf"\b{re.escape(word)}\b", phrase) is not None


# -- subject, source and clause candidates (named by resolve.statistics) -------------------


def _subject_candidates(seg: Segment, sp, root, measure: Span | None, rules: StatisticRules, embedded: bool) -> Iterator[tuple[str, tuple]]:
    """(kind, token spans that may name the subject), in the order of the
    guidelines; resolve takes the first that an entity covers."""
    doc = sp.doc
    for poss in _possessors(seg, sp, root, measure):
        yield "possessor", _heads(seg, poss)
    if sp.end + 1 < len(doc) and doc[sp.end].lower_ == "for":
        pobj = next((c for c in doc[sp.end].children if c.dep_ == "pobj"), None)
        if pobj is not None:
            yield "for", _heads(seg, pobj)
    head = _appositive_of(root, sp)
    if head is not None:
        yield "apposition", _heads(seg, head)
    subj = None if embedded else _clause_subject(root, sp, measure, seg, rules)
    if subj is not None:
        yield "clause_subject", _heads(seg, subj)
    if measure is not None:
        m = seg.char_span(measure.start, measure.end, alignment_mode="expand")
        if m is not None:
            yield "measure", _measure_names(seg, m)
    for place in _places(seg, sp, root):
        yield "place", _heads(seg, place)


def _heads(seg: Segment, head) -> tuple:
    """The tokens that name a noun phrase: its head, its conjuncts, and for a
    common-noun head the object of its "of" ("the representative of X")."""
    toks = [head, *[c for c in head.conjuncts]]
    toks.extend(c for c in head.children if c.dep_ == "poss")
    toks.extend(t for c in head.children if c.i < head.i and c.dep_ in ("compound", "amod") for t in c.subtree if t.pos_ == "PROPN")
    if head.pos_ == "NOUN":
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                toks.extend(c for c in prep.children if c.dep_ == "pobj")
    return tuple(seg.view_span(t) for t in toks)


def _measure_names(seg: Segment, m) -> tuple:
    """The nouns of a measure, nearest its head first, nationality adjectives last."""
    order = sorted((t for t in m if t.pos_ in ("PROPN", "NOUN", "ADJ")), key=lambda t: (t.ent_type_ == "NORP", _depth(t, m.root), t.i))
    return tuple(seg.view_span(t) for t in order)


def _depth(tok, root) -> int:
    d, t = 0, tok
    while t.i != root.i and t.head.i != t.i and d < 10:
        t, d = t.head, d + 1
    return d


def _possessors(seg: Segment, sp, root, measure: Span | None):
    """The possessor of the measure's noun, or of a noun the figure hangs on
    ("its approval rate (28% approval ...)")."""
    heads = []
    if measure is not None:
        m = seg.char_span(measure.start, measure.end, alignment_mode="expand")
        if m is not None:
            heads.append(m.root)
            heads.extend(t for t in m if t.dep_ == "poss")
    heads.extend(a for a in _ancestors(root) if a.pos_ in _NOUNS)
    for h in heads:
        if h.dep_ == "poss":
            yield h
            return
        for c in h.children:
            if c.dep_ == "poss":
                yield c
                return


def _clause_subject(root, sp, measure: Span | None, seg: Segment, rules: StatisticRules):
    """The subject of the figure's clause, unless it is the measured thing
    itself or the agent of a verb that changes its object ("a strike cut the
    throughput by a third"); "X, signed by 25 countries" -> X."""
    for verb in (a for a in _ancestors(root, 6) if a.pos_ in _VERBS):
        if rules.measure_verbs.get(verb.lemma_.lower()) == "object":
            return None
        subj = subject_of(verb)
        if subj is None:
            continue
        if sp.start <= subj.i < sp.end or _inside(seg, subj, measure):
            return verb.head if verb.dep_ == "acl" and verb.head.pos_ in _NOUNS else None
        whose = next((c for c in subj.children if c.dep_ == "poss" and c.lower_ == "whose"), None)
        return verb.head if whose is not None and verb.dep_ == "relcl" else subj
    return None


def _inside(seg: Segment, tok, span: Span | None) -> bool:
    if span is None:
        return False
    v = seg.view_span(tok)
    return span.start <= v.start and v.end <= span.end


def _appositive_of(root, sp):
    """'the JEF, the grouping of ten countries': the noun the figure's phrase is in apposition to."""
    for a in _ancestors(root):
        if a.dep_ == "appos" and a.head.pos_ in _NOUNS:
            return a.head
        if a.dep_ == "npadvmod" and a.pos_ == "NOUN" and a.left_edge.i > 0 and a.doc[a.left_edge.i - 1].text == ",":
            k = a.left_edge.i - 2
            while k >= 0 and a.doc[k].is_punct:
                k -= 1
            if k >= 0 and a.doc[k].pos_ == "PROPN":
                return a.doc[k]  # a parse that hangs the apposition on the verb
        if a.pos_ in _VERBS:
            return None
    return None


def _places(seg: Segment, sp, root):
    for anc in [root, *list(_ancestors(root, 3))]:
        for prep in anc.children:
            if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS and prep.i >= sp.end:
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ in _NOUNS:
                    yield pobj
        if anc.pos_ in _VERBS:
            for conj in anc.children:
                if conj.dep_ == "conj" and conj.pos_ in _VERBS and not has_own_subject(conj):
                    yield from (c2 for p2 in conj.children if p2.dep_ == "prep" and p2.lower_ in _PLACE_PREPS for c2 in p2.children if c2.dep_ == "pobj")
            return


def _full_np(seg: Segment, head) -> Span | None:
    return span_of(seg, list(noun_phrase(head)), strip_det=True)


def _source_phrase(seg: Segment, sp, root, rules: StatisticRules) -> SpeakerPhrase | None:
    """Who the figure is credited to in its sentence: "according to X" on the
    figure's clause, or the subject of a reporting verb whose complement holds
    the figure (not its subject: "Laos, which has built 60 dams, argued ...")."""
    for t in sp.sent:
        if t.lower_ == "according" and _governs(t.head, root):
            to = next((c for c in t.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if pobj is not None:
                return SpeakerPhrase(_full_np(seg, pobj), seg.view_span(pobj))
    child = root
    for anc in _ancestors(root, 6):
        if anc.pos_ == "VERB" and anc.lemma_.lower() in rules.source_verbs and child.dep_ not in ("nsubj", "nsubjpass", "csubj"):
            subj = subject_of(anc)
            if subj is not None and not (sp.start <= subj.i < sp.end):
                return SpeakerPhrase(_full_np(seg, subj), seg.view_span(subj))
        child = anc
    return None


def _governs(head, tok) -> bool:
    """``head`` is an ancestor of ``tok`` (or ``tok``) and no clause with a
    subject of its own ("..., but 40% of it was delivered") stands between."""
    t = tok
    for _ in range(12):
        if t.i == head.i:
            return True
        if t.dep_ == "conj" and t.pos_ in _VERBS and has_own_subject(t):
            return False
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _clauses(seg: Segment, root) -> Iterator[Span]:
    """The clause of the figure's verb, and the dates-bearing left part of a
    coordination it belongs to ("Norway now spends ... and shares a 200km border")."""
    verb = next((a for a in _ancestors(root, 6) if a.pos_ in _VERBS), None)
    if verb is None:
        sent = root.sent
        yield Span(seg.start + sent.start_char, seg.start + sent.end_char)
        return
    yield from _runs(seg, _clause_tokens(verb, root))
    first = verb
    while first.dep_ == "conj" and first.head.pos_ in _VERBS:
        first = first.head
    if first is not verb:
        for c in first.children:
            if c.i < first.i and c.dep_ not in ("nsubj", "nsubjpass", "punct", "cc"):
                yield span_of(seg, list(c.subtree))


def _own_clause(verb) -> bool:
    """A coordinated verb with a subject or a finite auxiliary of its own
    ("..., and a quarter of it is now denominated"), not a shared-subject one."""
    return has_own_subject(verb) or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP", "VBD", "MD") for c in verb.children)


def _runs(seg: Segment, toks) -> Iterator[Span]:
    """View spans of the runs of consecutive tokens."""
    toks = sorted(toks, key=lambda t: t.i)
    run: list = []
    for t in toks:
        if run and t.i != run[-1].i + 1:
            yield span_of(seg, run)
            run = []
        run.append(t)
    if run:
        yield span_of(seg, run)


def _clause_tokens(verb, root=None):
    """The verb's subtree without the clauses coordinated with it (a verb with
    a subject of its own) and the relative clauses of its nouns."""
    cut = set()
    for t in verb.subtree:
        own_clause = t.dep_ == "conj" and t.pos_ in _VERBS and t.head.i == verb.i and _own_clause(t)
        relative = t.dep_ in ("relcl", "acl") and t.i != verb.i
        if own_clause or relative:
            sub = {x.i for x in t.subtree}
            if root is None or root.i not in sub:
                cut |= sub
    return [t for t in verb.subtree if t.i not in cut]
