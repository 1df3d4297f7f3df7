"""Date mentions: temporal expressions (TIMEX3 extents) and the context their
values depend on.

:func:`find_dates` runs the named, scored patterns of
``models/patterns/dates.json`` once over the analysis view, checks each match
against its sentence (part of speech, the words around it, spaCy's NER), lets
the longest match win where matches overlap, and yields one
:class:`DateMention` per temporal expression, in view offsets, with what
``resolve.dates`` needs to compute its value:

* ``tense`` of the governing verb (``past``, ``present``, ``future`` or ``""``),
  which picks the year of a partial date ("in March" in a past-tense sentence
  of a September piece is this year's March, in a future-tense one next
  year's);
* ``signal``, the TIMEX3 mod carried by a preposition before the span
  ("since 2018" -> ON_OR_AFTER), which stays outside the span;
* ``events``, the words a calendar date is attached to ("the March 3 vote",
  "took office on May 10" -> vote; take office), so that an event-anchored
  date ("the day after the vote") can find it;
* for event-anchored dates, ``event`` (the head of the event phrase) and
  ``inner`` (a date written inside the event phrase, "two years after the
  2018 ruling").

spaCy's DATE/TIME entities are used as evidence, not as spans: a match that
needs context (a bare month name, "spring", a bare plural "years") is kept
when spaCy's NER also calls it a date, and entities the patterns cannot read
are left out (spaCy's date spans often carry junk such as "the day (" or
"March 3, a week").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from ..assets import Assets, Pattern
from ..document import Document, Segment
from .scan import first_char_guard


class DateMention(NamedTuple):
    start: int
    end: int
    label: str  # TIMEX3 type the pattern gives: DATE, TIME, DURATION or SET
    rule: str  # name of the pattern in models/patterns/dates.json
    tense: str = ""  # tense of the governing verb: past, present, future or ""
    signal: str = ""  # TIMEX3 mod from a signal word before the span ("since")
    events: tuple = ()  # lemmas (and verb+object pairs) of the words the date is attached to
    event: str = ""  # event-anchored dates: lemma of the event phrase's head noun
    inner: tuple = ()  # event-anchored dates: (start, end, rule) of a date inside the event phrase
    sent: tuple = ()  # (segment index, sentence number) for narrative distance
    aspect: str = ""  # of the governing verb: simple, progressive, perfect or "" (no verb)
    general: bool = False  # the clause is negated or its subject quantified ("no mine operates", "every statement is")


class _Cand(NamedTuple):
    start: int
    end: int
    pattern: Pattern
    seg: Segment
    soft: bool  # rejected only for want of context: kept if spaCy's NER agrees


# words before a bare month name that make it a month ("in May", not "May I")
_MONTH_CONTEXT = frozenset(
    "in of since until till by before after during from to through throughout between and or early late mid "
    "last next this that every each around about as than until end beginning middle start".split()
)
# words before a bare season that make it a season ("in spring", not "a spring")
_SEASON_CONTEXT = frozenset("in during by until till since through throughout over before after of and or from to".split())
# words before a bare plural "years" that make it a duration ("for years")
_PLURAL_CONTEXT = frozenset("for over in within after lasted lasting spanning spans took take takes taking spent spend spends".split())
_FUTURE_HEADS = frozenset("go plan expect schedule due set intend aim hope want seek prepare propose slate be".split())  # "is to resume"
_FUTURE_MODALS = frozenset("will shall 'll wo should must can may might need ought".split())
_AGE_AFTER = re.compile(r"^(?:-|\s+)(?:years?-|months?-)?(?:old|olds)\b|^\s+of\s+age\b", re.I)
_RATE_BEFORE = re.compile(r"(?:(?:\d[\d,.]*\s*(?:%|percent|per\s*cent|[a-z]*illion|bn|m|k)?|\b(?:times|once|twice|dozen|hundred|thousand))\s+|\d[\d,.]*\s+(?:[a-z][\w-]*\s+)?[a-z][\w-]*s\s+)$", re.I)
_HABITUAL = frozenset("usually typically normally generally often traditionally customarily habitually".split())
_WORD_BEFORE = re.compile(r"([\w.#'-]+)\W*$")
_EVENT_KEEP = frozenset("prep pobj compound amod nummod poss case nmod quantmod det".split())


def find_dates(doc: Document, assets: Assets, *, prefilter: bool = True) -> Iterator[DateMention]:
    """Date mentions of ``doc``. With ``prefilter`` (the default) each pattern
    runs only over the sentences holding one of its anchors (see
    :func:`pattern_anchors`): the same matches, a fraction of the regex work."""
    text = doc.view.text
    segs = [s for s in doc.segments if s.doc is not None]
    if not segs:
        return
    cands = _candidates(text, segs, assets, prefilter)
    if not cands:
        return
    sent_keys: dict[int, list[int]] = {}
    for c in sorted(_choose(cands, segs, len(text)), key=lambda c: c.start):
        c, embedded = _embedded(text, c)
        mention = _features(doc, c, assets, sent_keys)
        yield mention._replace(signal="") if embedded else mention


class _Words(NamedTuple):
    """The lexicons the context checks read."""

    blockers: frozenset  # words that make a four-digit number a label ("No. 2018")
    common: frozenset  # date words running text writes in lower case
    calendar: frozenset  # month, season and weekday names, capitalised


# seasons (TIMEX3 code, first month) and weekdays (Monday = 0): held once here, resolve.dates reads them too
SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9), "winter": ("WI", 12)}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}


def _words(assets: Assets) -> _Words:
    """The year blockers, the lower-case date words and the calendar names:
    the full name (the longest spelling) of each month of the months lexicon,
    the seasons and the weekdays."""

    def calendar() -> frozenset[str]:
        full: dict[int, str] = {}
        for name, number in assets.mapping("months").items():
            if len(name) > len(full.get(number, "")):
                full[number] = name
        return frozenset(n.title() for n in full.values()) | frozenset(w.title() for w in (*SEASONS, *WEEKDAYS))

    return _Words(assets.lexicon_set("date_year_blockers"), assets.lexicon_set("date_common_words"), assets.memo("date_calendar_words", calendar))


class _Scan(NamedTuple):
    """What every match of every pattern is checked against."""

    text: str
    segs: list[Segment]
    starts: list[int]  # view start of each segment, for bisection
    words: _Words


def _candidates(text: str, segs: list[Segment], assets: Assets, prefilter: bool) -> list[_Cand]:
    """Every match of every date pattern that passes its context check, in
    pattern order."""
    scan = _Scan(text, segs, [s.start for s in segs], _words(assets))
    windows = _pattern_windows(segs, assets) if prefilter else None
    scanners = _scanners(assets) if prefilter else {}
    cands: list[_Cand] = []
    for pat in assets.patterns("dates"):
        regex = scanners.get(pat.name, pat.regex)
        for ws, we in windows[pat.name] if windows else [(0, len(text))]:
            for m in regex.finditer(text, ws, we):
                cand = _candidate(scan, pat, m)
                if cand is not None:
                    cands.append(cand)
    return cands


def _candidate(scan: _Scan, pat: Pattern, m: re.Match) -> _Cand | None:
    """The match as a candidate in its segment (extended over its event
    phrase where the pattern asks), or None: empty, across segments, no event
    phrase, or rejected by its context."""
    s, e = m.span()
    if e <= s:
        return None
    k = bisect_right(scan.starts, s) - 1
    if k < 0 or e > scan.segs[k].end:
        return None
    seg = scan.segs[k]
    if pat.meta and pat.meta.get("extend") == "event_phrase":
        ext = _event_phrase(seg, m)
        if ext is None:
            return None
        e = ext
    verdict = _check(scan.text, s, e, m, pat, seg, scan.words)
    if verdict == "reject":
        return None
    return _Cand(s, e, pat, seg, verdict == "soft")


def _choose(cands: list[_Cand], segs: list[Segment], size: int) -> list[_Cand]:
    """The longest match wins where matches overlap (then the higher score,
    then the earlier one); a soft candidate only where spaCy's NER agrees."""
    ner = _NerIndex(segs)
    chosen: list[_Cand] = []
    taken = bytearray(size)  # 1 where a chosen date already lies: linear in the dates, not pairwise
    for c in sorted(cands, key=lambda c: (c.start - c.end, -c.pattern.score, c.start)):
        if c.soft and not ner.covers(c.start, c.end):
            continue
        if taken.find(1, c.start, c.end) != -1:
            continue
        chosen.append(c)
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    return chosen


_LEADING_THE = re.compile(r"(?i:the)\s+")


# words of the pattern source that say nothing on their own about a date
_NOT_ANCHORS = frozenset(
    "the and or of in on at by to for from with than over just well upwards least most about around some "
    "this that these those its their his her our all any each every one per into onto out off not nor but "
    "was were has have had been being are will would can could might shall should must".split()
)
_GROUP_NAME = re.compile(r"\(\?P<\w+>|\(\?P=\w+\)")
_WORD = re.compile(r"[a-z]{3,}")
_CASE_CLASS = re.compile(r"\[([A-Za-z])[A-Za-z]\]")  # "[Ss]pring" spells "spring"
_ASSERTION = re.compile(r"\(\?<?[=!](?:[^()\\]|\\.)*\)")  # simple look-arounds match no text
_DIGIT_CAPABLE = re.compile(r"\\d|\\w|\[[^\]]*0-9|(?<!\\)\.")


class Anchors(NamedTuple):
    """What a pattern's match must contain: a token beginning with one of
    ``words`` (lower case) or, when ``digits``, a digit."""

    words: frozenset[str]
    digits: bool


def pattern_anchors(assets: Assets) -> dict[str, Anchors]:
    """Per date pattern, the words (3+ letters) it spells out, minus function
    words, plus the month names when it names months: a match holds one of
    them, or a digit where the pattern can match digits. Derived from the
    patterns themselves, so a new pattern brings its own anchors."""

    def build() -> dict[str, Anchors]:
        months = {k for k in assets.mapping("months") if len(k) >= 3}
        out = {}
        for pat in assets.patterns("dates"):
            src = _CASE_CLASS.sub(r"\1", _GROUP_NAME.sub("(", pat.regex.pattern))
            low = src.lower()
            words = set(re.findall(r"[a-z]{3,}", low))
            # "years?" spells "year" too; "centur(?:y|ies)" is matched as a prefix
            words.update(w[:-1] for w in re.findall(r"([a-z]{4,})\?", low))
            words -= _NOT_ANCHORS
            if words & months:
                words |= months  # abbreviation groups spell some months only in part ("Sept?")
            out[pat.name] = Anchors(frozenset(words), bool(_DIGIT_CAPABLE.search(_ASSERTION.sub("", src))))
        return out

    return assets.memo("date_pattern_anchors", build)


def anchor_words(assets: Assets) -> frozenset[str]:
    """All the anchor words of all date patterns."""
    return frozenset().union(*(a.words for a in pattern_anchors(assets).values()))


def _scanners(assets: Assets) -> dict[str, re.Pattern]:
    """Each date pattern behind a word-start guard. Every date starts at the
    start of a word, so the guard changes no match; it lets the regex engine
    drop every other position at once instead of trying the pattern's
    optional leading groups there (about three times less regex work)."""

    def build() -> dict[str, re.Pattern]:
        return {p.name: re.compile(r"(?<![^\W_])(?=\w)" + first_char_guard(p.regex) + "(?:" + p.regex.pattern + ")", p.regex.flags) for p in assets.patterns("dates")}

    return assets.memo("date_scanners", build)


def _pattern_windows(segs: list[Segment], assets: Assets) -> dict[str, list[tuple[int, int]]]:
    """Per pattern, the view spans of the sentences that may hold its match."""
    anchors = pattern_anchors(assets)
    lengths = assets.memo("date_anchor_lengths", lambda: sorted({len(w) for a in anchors.values() for w in a.words}))
    sents = []
    for seg in segs:
        for sent in seg.doc.sents:
            low = sent.text.lower()
            # every prefix of every word, in the lengths anchors have: anchors match as prefixes
            words = {w[:k] for w in _WORD.findall(low) for k in lengths if k <= len(w)}
            digit = any(c.isdigit() for c in low)
            sents.append((seg.start + sent.start_char, seg.start + sent.end_char, words, digit))
    return {
        name: [(s, e) for s, e, words, digit in sents if (a.digits and digit) or not a.words.isdisjoint(words)]
        for name, a in anchors.items()
    }


def _embedded(text: str, c: _Cand) -> tuple[_Cand, bool]:
    """A date that modifies a noun after it ("the summer demand lull", "the
    2018 ruling") is annotated alone: the determiner belongs to the noun
    phrase, and a preposition before it governs the noun, not the date."""
    span = _tokens(c.seg, c.start, c.end)
    last = span[-1]
    if last.dep_ not in ("compound", "nmod", "amod", "nummod") or last.head.i < span.end or last.head.pos_ not in ("NOUN", "PROPN"):
        return c, False
    m = _LEADING_THE.match(text, c.start, c.end)
    if m and (c.pattern.meta or {}).get("kind") not in ("event", "anaphoric", "duration", "decade", "century"):
        return c._replace(start=m.end()), True
    return c, True


# -- checks ------------------------------------------------------------------


def _tokens(seg: Segment, s: int, e: int):
    return seg.char_span(s, e, alignment_mode="expand")


def _g(m: re.Match, name: str) -> str:
    """Group ``name`` of the match, or "" (also when the pattern has no such group)."""
    return (m.group(name) or "") if name in m.re.groupindex else ""


def _word_before(text: str, s: int, seg: Segment) -> str:
    m = _WORD_BEFORE.search(text, max(seg.start, s - 40), s)
    return m.group(1).lower() if m else ""


class _Ctx(NamedTuple):
    """What a context check reads: the match, its tokens and the word before it."""

    text: str
    s: int
    e: int
    m: re.Match
    span: object  # spaCy Span
    seg: Segment
    before: str


def _check(text: str, s: int, e: int, m: re.Match, pat: Pattern, seg: Segment, words: _Words) -> str:
    """'ok', 'soft' (needs spaCy's NER to agree) or 'reject'."""
    meta = pat.meta or {}
    kind, context = meta.get("kind"), meta.get("context")
    span = _tokens(seg, s, e)
    if span is None or len(span) == 0:
        return "reject"
    first = span[0]
    # a month, season or weekday word used as a verb or a modal ("May I", "they march", "prices spring back")
    if first.tag_ == "MD" or (first.pos_ == "VERB" and kind in ("m", "season")):
        return "reject"
    if kind in ("duration", "ago") and _AGE_AFTER.match(text[e : e + 20]):
        return "reject"  # ages: "45 years old", "a 12-year-old"
    if kind != "holiday" and _in_a_name(span, seg, words.common):
        return "reject"  # "ABC's This Week", "60 Minutes", "High Noon"
    before = _word_before(text, s, seg)
    if kind == "y" and _g(m, "year") and (before in words.blockers or not _year_ok(span, m, words.calendar)):
        return "reject"  # "No. 2018", "Resolution 2231", "Vision 2030", "2000 troops"
    check = _CONTEXT_CHECKS.get(context)
    return check(_Ctx(text, s, e, m, span, seg, before)) if check else "ok"


_OPENERS = frozenset({'"', "'", "“", "‘", "``", "`", "(", "["})
_SENTENCE_ENDS = frozenset(".!?:;")


def _sentence_initial(tok) -> bool:
    """The first word of a sentence, quotes and brackets before it aside."""
    t = tok
    while not t.is_sent_start and t.i > 0 and t.nbor(-1).text in _OPENERS:
        t = t.nbor(-1)
    return t.is_sent_start or t.i == 0 or t.nbor(-1).text in _SENTENCE_ENDS


def _in_a_name(span, seg: Segment, common) -> bool:
    """A date word that running text writes in lower case, capitalised inside
    a sentence: part of a name ("ABC's This Week", "60 Minutes")."""
    if seg.kind in ("title", "heading", "header"):
        return False
    return any(t.lower_ in common and t.text[:1].isupper() and t.text[1:].islower() and not _sentence_initial(t) for t in span)


def _ctx_month(c: _Ctx) -> str:
    if _g(c.m, "part") or _g(c.m, "rel"):
        return "ok"
    return "ok" if c.before in _MONTH_CONTEXT or c.before.endswith("-") else "soft"


def _ctx_season(c: _Ctx) -> str:
    if _g(c.m, "part") or _g(c.m, "rel"):
        return "ok"
    if c.span[0].pos_ == "VERB" or re.match(r"\s+of\s+(?!(?:1\d|20)\d\d)", c.text[c.e : c.e + 12]):
        return "reject"  # "the fall of the city"
    if c.span.root.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "appos"):
        return "reject"  # "the spring feeds the river": a participant, not a time
    if c.before in _SEASON_CONTEXT:
        return "ok"
    if re.match(r"\s+(?:that|which)\b", c.text[c.e : c.e + 8]):
        return "reject"  # "the spring that feeds the lake"
    return "soft"


def _ctx_noun_head(c: _Ctx) -> str:
    return "reject" if _modifies_noun(c.span) else "ok"  # "the Monday Club", "the weekend edition", "a second term paper"


def _ctx_weekday_head(c: _Ctx) -> str:
    # a weekday before a name is part of it ("the Monday Club"); before a common noun it dates it ("the Friday explosions")
    return "reject" if _modifies_noun(c.span) and c.span[-1].nbor(1).text[:1].isupper() else "ok"


def _ctx_later_in(c: _Ctx) -> str:
    # "in the day" alone is no date; "later in the day" is
    return "ok" if re.search(r"\b(?:later|earlier|early|late)\s+in\s+$", c.text[max(c.seg.start, c.s - 20) : c.s], re.I) else "reject"


def _ctx_past_ref(c: _Ctx) -> str:
    if c.m.group(0).lower().endswith("past") and c.span[-1].pos_ not in ("NOUN", "PROPN"):
        return "reject"  # "the past five governments"
    return "ok"


def _ctx_rate(c: _Ctx) -> str:
    # "a year" is a rate only after a quantity: "20 storms a year"
    return "ok" if _RATE_BEFORE.search(c.text, max(c.seg.start, c.s - 40), c.s) else "reject"


def _ctx_duration(c: _Ctx) -> str:
    n, unit = _g(c.m, "n").lower(), _g(c.m, "unit").lower()
    if unit.startswith("quarter") and (n in ("a", "an", "one") or re.match(r"\s+of\b", c.text[c.e : c.e + 5])):
        return "reject"  # "fell by a quarter", "three-quarters of its food": a share, not months
    if n == "one" and unit == "day" and c.before not in _ONE_DAY_BEFORE and not re.match(r"one-", c.m.group(0), re.I):
        return "reject"  # "One day, we will ..."
    return "ok"


_ONE_DAY_BEFORE = frozenset("for a than within in about over".split())
_CONTEXT_CHECKS = {
    "month": _ctx_month,
    "season": _ctx_season,
    "noun_head": _ctx_noun_head,
    "weekday_head": _ctx_weekday_head,
    "the_year": lambda c: _the_year(c.text, c.s, c.e, c.m, c.before),
    "later_in": _ctx_later_in,
    "bare_plural": lambda c: "ok" if c.before in _PLURAL_CONTEXT else "reject",
    "past_ref": _ctx_past_ref,
    "rate": _ctx_rate,
    "adverb": lambda c: "ok" if c.span[0].pos_ == "ADV" else "reject",  # "daily life", "a weekly magazine"
    "duration": _ctx_duration,
}


def _modifies_noun(span) -> bool:
    """Is the last word of the span a modifier of a noun right after it?"""
    last = span[-1]
    nxt = last.nbor(1) if last.i + 1 < len(last.doc) else None
    return nxt is not None and last.dep_ in ("compound", "amod", "nmod") and last.head.i == nxt.i and nxt.pos_ in ("NOUN", "PROPN") and not nxt.like_num


_THE_YEAR_AFTER = re.compile(r"\s*(?:['’]s\b|(?:of|before|after|when|that|which|in|ahead|to\s+come|and|or|earlier|later|since)\b)", re.I)
_THE_YEAR_BEFORE = frozenset("for in during throughout through over of by since until".split())
_PARTS_OF_A_YEAR = frozenset("months weeks days quarters quarter half part rest remainder start end beginning middle course time".split())


def _the_year(text: str, s: int, e: int, m: re.Match, before: str) -> str:
    """"for the year", "the full year", "the fiscal year": the year the
    narrative is at; "the year before", "the year of the dragon" are not."""
    if _THE_YEAR_AFTER.match(text, e):
        return "reject"
    if len(m.group(0).split()) > 2:
        return "ok"  # "the full year", "the current fiscal year"
    if before == "of":  # "the first nine months of the year", not "person of the year"
        w = re.search(r"([a-z]+)\s+of\s+$", text[max(0, s - 30) : s], re.I)
        return "ok" if w and w.group(1).lower() in _PARTS_OF_A_YEAR else "reject"
    return "ok" if before in _THE_YEAR_BEFORE else "reject"


def _year_ok(span, m: re.Match, calendar: frozenset) -> bool:
    """A bare four-digit number is a year unless it labels or counts something."""
    tok = span[0]
    for t in span:
        if t.like_num and t.text.isdigit() and len(t.text) == 4:
            tok = t
            break
    # a count: "2000 troops" (a plural noun after it and no determiner before)
    head = tok.head
    if (
        tok.dep_ == "nummod"
        and head.tag_ == "NNS"
        and head.i > tok.i
        and not any(c.dep_ in ("det", "poss") for c in head.children if c.i < tok.i)
    ):
        return False
    # part of a name: "Vision 2030", "Expo 2025" (a capitalised word that is
    # neither sentence-initial nor a month, season or weekday)
    if tok.i > 0 and tok.i - 1 >= tok.sent.start + 1:
        prev = tok.doc[tok.i - 1]
        if prev.is_title and prev.pos_ in ("PROPN", "NOUN") and not _g(m, "part") and prev.text not in calendar:
            return False
    return True


class _NerIndex:
    """spaCy's DATE/TIME entities (they never overlap), for "is this span
    inside one?" by binary search."""

    def __init__(self, segs: list[Segment]):
        spans = sorted(
            (seg.start + ent.start_char, seg.start + ent.end_char) for seg in segs for ent in seg.doc.ents if ent.label_ in ("DATE", "TIME")
        )
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def covers(self, start: int, end: int) -> bool:
        k = bisect_right(self.starts, start) - 1
        return k >= 0 and end <= self.ends[k]


# -- event phrases -----------------------------------------------------------


def _event_phrase(seg: Segment, m: re.Match) -> int | None:
    """View end of the event noun phrase after "the day after", or None.

    The phrase is the noun phrase the preposition governs, with its
    modifiers and prepositional attachments but without relative clauses,
    appositions or coordinated phrases: "the inauguration of the new cabinet",
    "the summit in Oslo". None when a clause follows ("after he took office"):
    then the offset is read on its own (a duration).
    """
    sdoc = seg.doc
    head = _event_head(seg, m)
    if head is None:
        return None
    end = _np_right(head)
    sent_end = head.sent.end
    end = min(end, sent_end - 1)
    while end > head.i and sdoc[end].is_punct:
        end -= 1
    if end - head.left_edge.i > 14:
        return None
    return seg.start + sdoc[end].idx + len(sdoc[end].text)


def _event_head(seg: Segment, m: re.Match):
    sdoc = seg.doc
    dir_span = seg.char_span(m.start("dir"), m.end("dir"), alignment_mode="expand")
    nxt = seg.char_span(m.end(), m.end() + 1, alignment_mode="expand")
    if dir_span is None or nxt is None or len(nxt) == 0:
        return None
    first = nxt[0]
    if first.pos_ in ("PRON",) and first.lower_ not in ("that", "this") or first.pos_ in ("VERB", "AUX", "SCONJ", "PUNCT"):
        return None
    prep = dir_span[-1]
    for c in prep.children:
        if c.dep_ in ("pobj", "dobj") and c.i >= first.i:
            return c
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("pcomp", "advcl", "ccomp") for t in prep.children):
        return None  # "after the storm hit": a clause, not an event phrase
    # the parser attached the phrase elsewhere: take the noun chunk that starts here
    for chunk in sdoc.noun_chunks:
        if chunk.start == first.i:
            if chunk.root.dep_ in ("nsubj", "nsubjpass"):
                return None  # the subject of a clause
            return chunk.root
        if chunk.start > first.i:
            break
    if first.pos_ in ("NOUN", "PROPN") or first.lower_ in ("that", "this"):
        return first
    return None


def _np_right(tok) -> int:
    end = tok.i
    for c in tok.rights:
        if c.dep_ in _EVENT_KEEP:
            end = max(end, _np_right(c))
    return end


# -- features ----------------------------------------------------------------


def _features(doc: Document, c: _Cand, assets: Assets, sent_keys: dict) -> DateMention:
    seg = c.seg
    span = _tokens(seg, c.start, c.end)
    root = span.root
    meta = c.pattern.meta or {}
    kind = meta.get("kind")
    tense = _tense(root, seg)
    if tense == "past" and _under_target(root, assets.lexicon_set("date_target_words")):
        tense = ""  # "declared a dividend payable Dec. 7", "extended the offer to Nov. 20": a target the past tense does not place
    aspect = "" if root.dep_ in ("nsubj", "nsubjpass") else _aspect(root)  # "Today is the eighth day of the strike": the day itself
    signal = _signal(doc.view.text, c.start, seg, assets)
    events: tuple = ()
    event, inner = "", ()
    if kind == "event":
        event, inner = _event_info(doc, c, assets)
    elif kind in ("ymd", "md", "ym", "m", "y", "weekday", "holiday", "deictic_day", "deictic", "anaphoric", "clock"):
        events = _attached_events(root, span)
    sent = _sent_key(seg, root, sent_keys)
    return DateMention(c.start, c.end, c.pattern.label or "DATE", c.pattern.name, tense, signal, events, event, inner, sent, aspect, _general(root))


def _sent_key(seg: Segment, tok, cache: dict) -> tuple:
    starts = cache.get(seg.index)
    if starts is None:
        starts = cache[seg.index] = [s.start for s in seg.doc.sents]
    return (seg.index, bisect_right(starts, tok.i) - 1)


def _signal(text: str, s: int, seg: Segment, assets: Assets) -> str:
    window = text[max(seg.start, s - 30) : s]
    for p in assets.patterns("date_signals"):
        if p.regex.search(window):
            return p.meta["mod"]
    return ""


def _governing_verb(tok):
    """(verb, adjunct): the nearest verb above ``tok`` that carries tense, and
    whether the date is an adjunct of it (reached through prepositions only,
    "met on Monday") rather than a modifier inside a noun phrase ("the
    March 9 vote"). A bare past participle on the way ("signed in March")
    is returned as it is: it dates a past event."""
    t, adjunct = tok, True
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") and (_finite_info(t) or (t.tag_ == "VBN" and t.dep_ in ("acl", "amod", "advcl"))):
            return t, adjunct
        if t.head is t:
            return (t, adjunct) if t.pos_ in ("VERB", "AUX") else (None, False)
        if t.dep_ not in ("pobj", "prep", "npadvmod", "tmod", "advmod", "nummod", "compound", "appos", "conj", "cc") or t.pos_ in ("NOUN",) and t is not tok:
            adjunct = False
        t = t.head
    return None, False


def _finite_info(v) -> bool:
    """Does this verb say something about tense (itself or by its auxiliaries)?"""
    if v.tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return True
    if any(c.dep_ in ("aux", "auxpass") for c in v.children):
        return True
    return v.dep_ == "xcomp" and v.head.lemma_ in _FUTURE_HEADS


def _is_target(tok, targets) -> bool:
    return tok.lemma_.lower() in targets or tok.lower_ in targets  # "slated": the lemmatiser may miss it


def _under_target(tok, targets) -> bool:
    """Is a target word ("payable", "deadline", "extend") on the way from the
    date up to its verb (the verb included), or a modifier of a noun on that
    way ("the slated visit in September", "the planned march on Saturday")?"""
    v, _ = _governing_verb(tok)
    t = tok.head
    for _ in range(12):
        if t.lemma_.lower() in targets or (t is not v and any(c.dep_ in ("amod", "compound") and _is_target(c, targets) for c in t.children)):
            return True
        if t is v or t.head is t:
            return False
        t = t.head
    return False


_QUANTIFIERS = frozenset("every each all any no none".split())


def _general(tok) -> bool:
    """Is the clause of the date's verb a general statement: negated, or
    about a quantified subject ("not a single mine operates there today",
    "every statement today is a gift")?"""
    v, _ = _governing_verb(tok)
    if v is None:
        return False
    for c in v.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and any(t.lower_ in _QUANTIFIERS or t.dep_ == "neg" for t in c.subtree):
            return True
    return False


def _aspect(tok) -> str:
    """simple ("meets", "met"), progressive ("are flying"), perfect ("have
    met") or "" (no finite verb above the date: none, or an infinitive)."""
    v, _ = _governing_verb(tok)
    if v is None:
        return ""
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    if v.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxes):
        return "progressive"
    if v.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "perfect"
    finite = v.tag_ in ("VBZ", "VBP", "VBD") or any(a.tag_ in ("VBZ", "VBP", "VBD", "MD") for a in auxes)
    return "simple" if finite else ""


def _tense(tok, seg: Segment) -> str:
    """past, future, present (a present-tense verb the date is an adjunct of:
    "the summit opens on Monday" -- scheduled, so read as upcoming), generic
    (a habitual statement) or "" (no verb, or a date inside a noun phrase of
    a present-tense clause). The first step that decides wins."""
    v, adjunct = _governing_verb(tok)
    if v is None:
        return ""
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    for step in (_tense_habitual, _tense_modal, _tense_planned, _tense_past):
        found = step(v, auxes)
        if found is not None:
            return found
    return _tense_present(v, auxes, adjunct, seg)


_WILL = frozenset({"will", "shall", "'ll", "wo"})
_CONDITIONAL = frozenset({"would", "could", "might"})


def _tense_habitual(v, auxes) -> str | None:
    """generic for a habitual adverb; past for a bare past participle
    ("signed in March"); else undecided."""
    if any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in v.children):
        return "generic"  # "the rainy season usually lasts from June to November"
    if v.tag_ == "VBN" and not auxes and v.dep_ in ("acl", "amod", "advcl"):
        return "past"
    return None


def _tense_modal(v, auxes) -> str | None:
    """The tense a modal auxiliary gives ("will meet", "would have met",
    "could not be reached"), or undecided when there is none."""
    words = {a.lower_ for a in auxes}
    if words & _WILL:
        return "future"
    if words & _CONDITIONAL:
        if any(a.lemma_ == "have" for a in auxes):
            return "past"
        return "" if "could" in words else "future"  # "could not be reached Tuesday": ability, either side of the DCT
    if any(a.tag_ == "MD" for a in auxes):
        return "future" if words & _FUTURE_MODALS else ""
    return None


def _tense_planned(v, auxes) -> str | None:
    """A verb under a head that plans ahead ("is to resume", "expected to
    rule"): future, or "" when the plan is told in the past."""
    if v.dep_ != "xcomp" or v.head.lemma_ not in _FUTURE_HEADS:
        return None
    h = v.head
    if h.tag_ == "VBD" or any(a.tag_ == "VBD" for a in h.children if a.dep_ in ("aux", "auxpass")):
        return ""  # "was expected to rule by ...": future in the past, either side of the DCT
    return "future"


def _tense_past(v, auxes) -> str | None:
    """past for a past-tense verb or auxiliary, or a present perfect."""
    if v.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if v.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    return None


def _tense_present(v, auxes, adjunct: bool, seg: Segment) -> str:
    """A present-tense verb: future when due, past in a headline, present
    when the date is its adjunct; "" for anything else."""
    if not (v.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes)):
        return ""
    if v.lemma_ == "be" and any(c.lower_ == "due" for c in v.children):
        return "future"
    if seg.kind == "title":
        return "past"  # headline present: "Opposition wins vote on Sunday"
    return "present" if adjunct else ""


def _attached_events(root, span) -> tuple:
    """The event words a calendar date is attached to."""
    attach = _attachment(root)
    if attach is None or span.start <= attach.i < span.end:
        return ()
    out = [attach.lemma_.lower()]
    out += _verb_events(attach) if attach.pos_ in ("VERB", "AUX") else _noun_events(attach)
    return tuple(dict.fromkeys(out))


def _attachment(root):
    """The word the date hangs on (through its preposition), or None for a
    date that is the root of its sentence."""
    if root.dep_ == "pobj" and root.head.dep_ in ("prep", "agent"):
        return root.head.head
    if root.dep_ == "ROOT":
        return None
    return root.head


def _verb_events(verb) -> list[str]:
    """A verb's event words: the noun of its relative clause ("a ceasefire
    brokered on December 30"), its nominal participants, verb+object,
    verb+particle and verb+prepositional-object pairs."""
    lemma = verb.lemma_.lower()
    out = []
    if verb.pos_ == "VERB" and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        out.append(verb.head.lemma_.lower())
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and c.pos_ in ("NOUN", "PROPN"):
            out.append(c.lemma_.lower())
            if c.dep_ == "dobj":
                out.append(f"{lemma} {c.lemma_.lower()}")
        elif c.dep_ == "prt":
            out.append(f"{lemma} {c.lower_}")
        elif c.dep_ == "prep":
            out += [f"{lemma} {g.lemma_.lower()}" for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
    return out


def _noun_events(noun) -> list[str]:
    """A noun's event words: a verb the parser hung on it ("taking office",
    parsed as amod), and the verb it is the object of ("taking office on
    May 10": the date hangs on the object), each with verb+noun."""
    lemma = noun.lemma_.lower()
    out = []
    for c in noun.children:
        if c.pos_ == "VERB" and c.i < noun.i:
            out += [c.lemma_.lower(), f"{c.lemma_.lower()} {lemma}"]
    if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        verb = noun.head.lemma_.lower()
        out += [verb, f"{verb} {lemma}"]
    return out


def _event_info(doc: Document, c: _Cand, assets: Assets) -> tuple[str, tuple]:
    """Head lemma of the event phrase and a date written inside it."""
    text = doc.view.text
    m = c.pattern.regex.match(text, c.start)
    seg = c.seg
    phrase_start = m.end() if m else c.start
    head = None
    phrase = seg.char_span(phrase_start, c.end, alignment_mode="expand")
    if phrase is not None and len(phrase):
        head = phrase.root
    inner: tuple = ()
    best = None
    for pat in assets.patterns("dates"):
        kind = (pat.meta or {}).get("kind")
        if kind not in ("ymd", "md", "ym", "m", "y", "weekday", "holiday", "season", "deictic", "deictic_day"):
            continue
        for im in pat.regex.finditer(text, phrase_start, c.end):
            if best is None or (im.end() - im.start(), pat.score) > (best[1] - best[0], best[3]):
                best = (im.start(), im.end(), pat.name, pat.score)
    if best is not None:
        inner = best[:3]
    lemma = head.lemma_.lower() if head is not None else ""
    return lemma, inner
