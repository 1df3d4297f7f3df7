"""TIMEX3 values for date mentions, anchored to the publication date (DCT)
and to the narrative.

:func:`resolve_dates` walks a document's date mentions in text order and
keeps the narrative: the calendar dates resolved so far (with the event words
they are attached to). Each mention is read by the pattern that found it
(``models/patterns/dates.json``, its ``kind`` says how) and gets a value:

* full dates and durations need nothing else (anchor None);
* partial dates ("March 9", "in July", "late May") take their year from the
  DCT and the tense of their verb (a past event is on or before the DCT, a
  future one on or after it), or from an explicit year written in the same
  or the previous sentence when that agrees with the tense (anchor "dct", or
  the span of that date);
* deictic dates ("last year", "yesterday", "two years ago") count from the
  DCT (anchor "dct");
* anaphoric dates ("the following day", "a week later") count from the most
  recent date fine enough for their unit, and event-anchored ones ("the day
  after the election") from the most recent date attached to an event of the
  same class (``models/lexicons/event_classes.json``); anchor = that date's
  span. An event the text never dates gives X placeholders and anchor None;
* vague references give PAST_REF / PRESENT_REF / FUTURE_REF (anchor None).

The value has the granularity of what was said: day offsets give a day,
week offsets an ISO week, month offsets a month, year offsets a year.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from ..assets import Assets
from ..document import Document, Span
from ..errors import Warnings
from ..extractors.dates import SEASONS as _SEASONS
from ..extractors.dates import WEEKDAYS as _WEEKDAYS
from ..extractors.dates import DateMention


class Timex(NamedTuple):
    timex_type: str
    value: str
    mod: str | None = None
    anchor: str | Span | None = None  # "dct", the span of the date it came from, or None


class Date(NamedTuple):
    start: int
    end: int
    timex_type: str
    value: str
    mod: str | None
    anchor: str | Span | None
    rule: str | None = None  # "date/<pattern name>": the pattern that found the span


class _Point(NamedTuple):
    """A resolved calendar date the narrative can count from."""

    span: Span | str | None  # the anchor a value counted from this point gets
    day: date  # the first day of the period
    gran: str  # D, W, M or Y
    events: frozenset  # event classes the date is attached to
    sent: tuple
    explicit: bool  # the year is written in the mention


_GRAN = {"D": 0, "W": 1, "M": 2, "Q": 3, "Y": 4}
_UNIT_CODE = {
    "year": "Y", "month": "M", "week": "W", "day": "D", "decade": "DE", "century": "CE", "centurie": "CE",
    "hour": "H", "minute": "MIN", "fortnight": "FN", "quarter": "Q", "weekend": "WE",
    "morning": "D", "afternoon": "D", "evening": "D", "night": "D",
}
_TOD = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "tonight": "TNI"}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5, "5th": 5,
             "final": -1, "last": -1, "latter": 2}
_CENTURY_WORDS = {"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}
_SET_ADVERBS = {"annually": "P1Y", "yearly": "P1Y", "monthly": "P1M", "weekly": "P1W", "daily": "P1D", "quarterly": "P3M", "hourly": "PT1H"}
_BACKWARD = {"before", "preceding", "prior to", "ahead of", "earlier", "previously", "previous", "prior"}
_ANCHOR_KINDS = {"header", "dateline"}  # segments whose dates do not start a narrative


class _Narrative:
    """The document's DCT and the calendar dates resolved so far.

    Points arrive in text order; every look-up goes through an index (the
    latest point of each granularity, the points of each event class), so
    resolving a document is linear in its number of dates."""

    def __init__(self, dct: date | None, classes: dict, text: str = ""):
        self.dct = dct
        self.text = text
        self.points: list[_Point] = []
        self.classes = classes
        self._latest: dict[str, int] = {}  # granularity -> index of its latest point
        self._latest_past: dict[str, int] = {}  # the same, of the points in the past (see add)
        self._by_class: dict[str, list[_Point]] = {}
        self._seen: dict[tuple, tuple] = {}  # (month, day or None) -> (year, anchor)
        self.weekdays: dict[int, tuple] = {}  # weekday -> (day, anchor) it was last resolved to
        self._period_at = -1  # where the text last named a reporting period that is no quarter

    def remember(self, month: int, day: int | None, year: int, span) -> None:
        """A calendar date the document gave: the same month (and day)
        written again without a year keeps this year."""
        self._seen[(month, day)] = (year, span)
        if day is not None:
            self._seen.setdefault((month, None), (year, span))

    def seen_year(self, month: int, day: int | None) -> tuple | None:
        return self._seen.get((month, day))

    def add(self, p: _Point) -> None:
        # a point "in the past": begun by the DCT; a quarter, ended by it (the period a report is about)
        if self.dct is None or (_add_months(p.day, 3) if p.gran == "Q" else p.day) <= self.dct:
            self._latest_past[p.gran] = len(self.points)
        self._latest[p.gran] = len(self.points)
        self.points.append(p)
        for cls in p.events:
            self._by_class.setdefault(cls, []).append(p)

    def event_classes(self, words) -> frozenset:
        return frozenset(self.classes.get(w, w) for w in words)

    def last(self, gran: str, sent: tuple | None = None) -> _Point | None:
        """The most recent date at least as fine as ``gran`` (in ``sent`` if given)."""
        k = max((i for g, i in self._latest.items() if _GRAN[g] <= _GRAN[gran]), default=-1)
        if k < 0:
            return None
        p = self.points[k]
        return p if sent is None or p.sent == sent else None  # points come in text order: an earlier one is no nearer

    def last_near(self, gran: str, sent: tuple, reach: int = 1) -> _Point | None:
        """The most recent date at least as fine as ``gran`` in the same
        sentence or up to ``reach`` sentences before it, in the same paragraph."""
        p = self.last(gran)
        if p is None or not p.sent or p.sent[0] != sent[0] or not 0 <= sent[1] - p.sent[1] <= reach:
            return None
        return p

    def dated_event(self, word: str, gran: str, past: bool) -> _Point | None:
        """The most recent date attached to an event of the class of ``word``,
        at least as fine as ``gran`` (and not after the DCT when ``past``)."""
        cls = self.classes.get(word, word)
        for p in reversed(self._by_class.get(cls, ())):
            if _GRAN[p.gran] <= _GRAN[gran]:
                if past and self.dct is not None and p.day > self.dct:
                    continue
                return p
        return None

    def latest(self, gran: str, past: bool = False) -> _Point | None:
        """The latest date of exactly this granularity (that starts by the DCT when ``past``)."""
        k = (self._latest_past if past else self._latest).get(gran, -1)
        return self.points[k] if k >= 0 else None

    def period_near(self, sent: tuple, reach: int = 2) -> _Point | None:
        """The latest quarter named in this paragraph or up to ``reach``
        paragraphs before it: the reporting period a comparison is about
        (none when a longer period was named after it)."""
        k = self._latest_past.get("Q", -1)
        if k < 0 or not sent:
            return None
        p = self.points[k]
        return p if p.sent and 0 <= sent[0] - p.sent[0] <= reach and not self.superseded(p) else None

    def add_period(self, start: int) -> None:
        """The text names a reporting period that is no quarter ("for the nine
        months", "the year ended June 30", "the first half"): what it compares
        "a year ago" with is no longer the quarter."""
        self._period_at = start

    def superseded(self, p: _Point) -> bool:
        return self._period_at > p.span.start

    def nearby_year(self, sent: tuple, reach: int = 1) -> _Point | None:
        """An explicit-year date in the same sentence or up to ``reach``
        sentences before it, in the same paragraph."""
        for p in reversed(self.points):
            if not p.sent or not sent or p.sent[0] != sent[0] or sent[1] - p.sent[1] > reach:
                return None
            if p.explicit:
                return p
        return None


def resolve_dates(doc: Document, mentions: list[DateMention], assets: Assets) -> list[Date]:
    dct = date.fromisoformat(doc.meta.published) if doc.meta.published else None
    out, beyond = _resolve(doc, mentions, assets, dct)
    text = doc.view.text
    if beyond:
        doc.warnings.append(Warnings.W003.format(count=len(beyond), example=text[beyond[0].start : beyond[0].end]))
    if dct is None and out:
        # which values depend on the DCT: those that change when one is given
        probe, _ = _resolve(doc, mentions, assets, _PROBE_DCT)
        relative = [d for d, p in zip(out, probe, strict=False) if d.value != p.value]
        if relative:
            doc.warnings.append(Warnings.W002.format(count=len(relative), example=text[relative[0].start : relative[0].end]))
    return out


_PROBE_DCT = date(2000, 6, 15)


def _resolve(doc: Document, mentions: list[DateMention], assets: Assets, dct: date | None) -> tuple[list[Date], list[Date]]:
    """(dates, the dates left unresolved because their value falls outside the years 1-9999)."""
    nar = _Narrative(dct, assets.mapping("event_classes"), doc.view.text)
    by_name = {p.name: p for p in assets.patterns("dates")}
    kinds = {seg.index: seg.kind for seg in doc.segments}
    out, beyond = [], []
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        text = doc.view.text[m.start : m.end]
        pat = by_name.get(m.rule)
        match = _match(pat, doc.view.text, m, text)
        try:
            tx, point = _normalise(m, text, match, (pat.meta or {}).get("kind") if pat else None, nar, assets)
        except (OverflowError, ValueError) as exc:
            if "out of range" not in str(exc):
                raise
            tx, point = _unresolved(m, text, match, pat, assets), None  # "next year" in a piece dated 9999-12-31
            beyond.append(m)
        tx = _with_signal(tx, m)
        _remember(nar, tx.value, m)
        out.append(Date(m.start, m.end, tx.timex_type, tx.value, tx.mod, tx.anchor, f"date/{m.rule}"))
        if _reporting_period(m, doc.view.text, tx.value):
            nar.add_period(m.start)
        if point is not None and kinds.get(m.sent[0] if m.sent else -1) not in _ANCHOR_KINDS:
            day, gran, explicit = point
            nar.add(_Point(Span(m.start, m.end), day, gran, nar.event_classes(m.events), m.sent, explicit))
    return out, beyond


_PERIOD_LENGTH = re.compile(r"P(?:6|9|12)M|P1Y")


_THE = re.compile(r"(?<!\w)(?i:the)\s+$")


def _reporting_period(m: DateMention, view: str, value: str) -> bool:
    """A period results are reported for that is no quarter: "the nine
    months", "the six months ended", "the year ended", "for the year", "the
    first half", "first-half"."""
    if m.tense != "past":
        return False  # "through the first two quarters of 1990": a forecast, no report
    if m.rule == "deictic_the_year" or re.fullmatch(r"\d{4}-H[12]", value):
        return True
    the = view[m.start : m.start + 4].lower() == "the " or _THE.search(view, max(0, m.start - 5), m.start) is not None
    return the and bool(_PERIOD_LENGTH.fullmatch(value))


_CALENDAR = re.compile(r"(\d{4})-(\d\d)(?:-(\d\d))?")


def _remember(nar: _Narrative, value: str, m: DateMention) -> None:
    """Keep the year of a calendar month or day for its later mentions."""
    cal = _CALENDAR.fullmatch(value)
    if cal is not None:
        nar.remember(int(cal.group(2)), int(cal.group(3)) if cal.group(3) else None, int(cal.group(1)), Span(m.start, m.end))


def _match(pat, view: str, m: DateMention, text: str):
    """The pattern's match on the mention: on its own text, or in place (a
    pattern with a look-ahead, "two weeks" before "later", needs what follows)."""
    if pat is None:
        return None
    match = pat.regex.match(view, m.start)  # in place first: look-aheads see what follows ("the quarter ended Sept. 30")
    if match is not None and match.end() == m.end:
        return match
    match = pat.regex.fullmatch(text)
    if match is None:
        match = pat.regex.match(view, m.start)
    if match is None:
        match = pat.regex.match(text)
    return match


def _unresolved(m: DateMention, text: str, match, pat, assets: Assets) -> Timex:
    """The value's shape with every digit an X ("XXXX-XX" for a month)."""
    probe = _Narrative(_PROBE_DCT, assets.mapping("event_classes"), text)
    tx, _ = _normalise(m._replace(sent=()), text, match, (pat.meta or {}).get("kind") if pat else None, probe, assets)
    return Timex(tx.timex_type, re.sub(r"\d", "X", tx.value), tx.mod)


def normalise(text: str, dct: date | None, assets: Assets, *, tense: str = "") -> Timex:
    """The TIMEX3 of a date expression read on its own (no narrative): for
    quick checks and the CLI; the pipeline uses :func:`resolve_dates`."""
    nar = _Narrative(dct, assets.mapping("event_classes"), text)
    for pat in sorted(assets.patterns("dates"), key=lambda p: -p.score):
        match = pat.regex.fullmatch(text)
        if match:
            m = DateMention(0, len(text), pat.label or "DATE", pat.name, tense)
            return _normalise(m, text, match, (pat.meta or {}).get("kind"), nar, assets)[0]
    return Timex("DATE", "XXXX")


# -- the value of one mention ---------------------------------------------------


def _g(m: re.Match | None, name: str) -> str:
    if m is None or name not in m.re.groupindex:
        return ""
    return re.sub(r"\s+", " ", m.group(name) or "").strip()


def _normalise(m: DateMention, text: str, match, kind, nar: _Narrative, assets: Assets):
    """(Timex, point) where point is (first day, granularity, explicit year) or None."""
    if match is None or kind is None:
        return Timex(m.label, "XXXX"), None
    fn = _KINDS.get(kind)
    if fn is None:
        return Timex(m.label, "XXXX"), None
    return fn(m, match, nar, assets)


def _part_mod(match, assets: Assets) -> str | None:
    part = _g(match, "part").lower().rstrip("-").strip()
    if not part:
        return None
    mods = assets.mapping("temporal_modifiers")
    return mods.get(part) or mods.get(part + "-")


def _date_mod(match, assets: Assets) -> str | None:
    if _g(match, "onwards"):
        return "ON_OR_AFTER"
    return _part_mod(match, assets)


def _with_signal(tx: Timex, m: DateMention) -> Timex:
    """The mod of a signal before the span ("since 2018"), unless the span
    has its own ("since the early 2000s" keeps START: the words inside the
    span are the more specific evidence)."""
    if not m.signal or tx.mod or tx.timex_type != "DATE" or tx.value.endswith("_REF"):
        return tx
    return tx._replace(mod=m.signal)


def _month_of(match, assets: Assets) -> int:
    if _g(match, "mnum"):
        return int(_g(match, "mnum"))
    return int(assets.mapping("months")[_g(match, "month").lower().rstrip(".")])


def _fmt(d: date, gran: str) -> str:
    if gran == "D":
        return d.isoformat()
    if gran == "W":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if gran == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    return f"{d.year:04d}"


def _add_months(d: date, k: int) -> date:
    mi = d.year * 12 + d.month - 1 + k
    y, mo = divmod(mi, 12)
    return date(y, mo + 1, 1)


def _shift(d: date, code: str, n: float) -> tuple[date, str] | None:
    n = int(n)
    if code == "D":
        return d + timedelta(days=n), "D"
    if code == "FN":
        return d + timedelta(days=14 * n), "D"
    if code in ("W", "WE"):
        return d + timedelta(days=7 * n), "W"
    if code == "M":
        return _add_months(d, n), "M"
    if code == "Q":
        return _add_months(d, 3 * n), "M"
    if code == "Y":
        return date(d.year + n, 1, 1), "Y"
    if code == "DE":
        return date(d.year + 10 * n, 1, 1), "Y"
    return None


def _placeholder(gran: str) -> str:
    return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX"}.get(gran, "XXXX")


def _unit(word: str) -> str:
    w = word.lower()
    if w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("s"):
        w = w[:-1]
    return _UNIT_CODE.get(w, "")


def _number(word: str, assets: Assets) -> float | None:
    w = re.sub(r"\s+", " ", word.lower()).strip()
    if not w:
        return 1
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w) if "." in w else int(w)
    half = re.fullmatch(r"(\d+)\s*(?:1/2|½)", w)
    if half:
        return int(half.group(1)) + 0.5  # "2 1/2 years"
    if w.endswith(" and a half"):
        whole = _number(w[: -len(" and a half")], assets)  # "two and a half hours"
        return whole + 0.5 if whole is not None else None
    nums = assets.mapping("number_words")
    if w in nums:
        return nums[w]
    if "-" in w or " " in w:  # "twenty-four", "twenty four"
        parts = [nums.get(p) for p in re.split(r"[-\s]", w)]
        if all(isinstance(p, int) for p in parts):
            return sum(parts)
    return None


def _partial_year(m: DateMention, month: int, day: int | None, rel: str, nar: _Narrative):
    """(year, anchor) of a date written without its year: the year the same
    date had when the document gave it before; else from the DCT, by "last"
    or "next", else by the tense of its verb (a past event is on or before
    the DCT, a future one on or after it), else the nearest such date."""
    dct = nar.dct
    if dct is None:
        return None, None
    tense = _reading_tense(m)
    if tense == "generic":
        return None, None  # a habitual statement: no particular year
    rel = rel.lower()
    if not rel:
        seen = nar.seen_year(month, day)
        if seen is not None and _agrees(_safe_date(seen[0], month, day or 1), dct, tense, day is not None):
            return seen
    return _year_from_dct(dct, month, day, rel, tense), "dct"


def _reading_tense(m: DateMention) -> str:
    """The tense that places a partial date: "since March" has begun (past),
    a present-tense date is scheduled (future)."""
    if m.tense == "generic":
        return "generic"
    if m.signal == "ON_OR_AFTER":
        return "past"  # "since March": already begun
    if m.tense == "present":
        return "future"  # "the summit opens on June 3": scheduled
    return m.tense


def _year_from_dct(dct: date, month: int, day: int | None, rel: str, tense: str) -> int:
    """The year by "last", "next" or "this", else the one on the side of the
    DCT the tense puts the date, else the nearest."""
    y = dct.year
    here = (month, day) if day else (month,)
    now = (dct.month, dct.day) if day else (dct.month,)
    cmp = (here > now) - (here < now)
    if rel in ("last", "previous"):
        return y if cmp < 0 else y - 1
    if rel in ("next", "coming", "this coming"):
        return y if cmp > 0 else y + 1
    if rel in ("this", "current"):
        return y
    if tense == "past" and cmp > 0:
        return y - 1
    if tense == "future" and cmp < 0:
        return y + 1
    if tense == "":
        return _nearest_year(dct, month, day)
    return y


def _agrees(d: date, dct: date, tense: str, has_day: bool) -> bool:
    """Is a candidate date on the side of the DCT its tense puts it?"""
    if not has_day:
        d, dct = d.replace(day=1), dct.replace(day=1)
    return not (tense == "past" and d > dct) and not (tense == "future" and d < dct)


def _nearest_year(dct: date, month: int, day: int | None) -> int:
    """The year that puts a month (or day) nearest the DCT; a later one
    counts for more, as reports are mostly about the past."""
    def cost(y: int) -> float:
        delta = (_safe_date(y, month, day or 15) - dct).days
        return delta * 1.5 if delta > 0 else -delta
    return min((dct.year - 1, dct.year, dct.year + 1), key=cost)


def _safe_date(y: int, mo: int, d: int) -> date:
    try:
        return date(y, mo, d)
    except ValueError:
        return date(y, mo, 1)


# -- kinds ----------------------------------------------------------------------


def _k_ymd(m, match, nar, assets):
    y, mo, d = int(_g(match, "year")), _month_of(match, assets), _day_num(match, assets)
    try:
        day = date(y, mo, d)
    except ValueError:
        return Timex("DATE", f"{y:04d}-{mo:02d}", _date_mod(match, assets)), (date(y, mo, 1), "M", True)
    tod = _TOD.get(_g(match, "tod").lower())
    if tod:  # "the night of 26 July 2023"
        return Timex("TIME", f"{day.isoformat()}{tod}"), (day, "D", True)
    return Timex("DATE", day.isoformat(), _date_mod(match, assets)), (day, "D", True)


def _rel_year(match, nar: _Narrative):
    """(year, anchor) for "of that year", "of the following year": from the last date mentioned."""
    rel = _g(match, "rel").lower()
    k = 1 if rel in ("the following", "the next") else -1 if rel in ("the previous", "the preceding") else 0
    p = nar.last("Y")
    if p is None:
        return (nar.dct.year + k, "dct") if nar.dct else (None, None)
    return p.day.year + k, p.span


def _k_m_anaphoric(m, match, nar, assets):
    mo = _month_of(match, assets)
    y, anchor = _rel_year(match, nar)
    mod = _part_mod(match, assets)
    if y is None:
        return Timex("DATE", f"XXXX-{mo:02d}", mod), None
    return Timex("DATE", f"{y:04d}-{mo:02d}", mod, anchor), (date(y, mo, 1), "M", False)


def _k_season_anaphoric(m, match, nar, assets):
    code, start = _SEASONS[_g(match, "season").lower()]
    y, anchor = _rel_year(match, nar)
    mod = _part_mod(match, assets)
    if y is None:
        return Timex("DATE", f"XXXX-{code}", mod), None
    return Timex("DATE", f"{y:04d}-{code}", mod, anchor), (date(y, start, 1), "Y", False)


def _k_ym(m, match, nar, assets):
    y, mo = _year_of(match, assets), _month_of(match, assets)
    return Timex("DATE", f"{y:04d}-{mo:02d}", _date_mod(match, assets)), (date(y, mo, 1), "M", True)


def _k_md(m, match, nar, assets):
    mo, d = _month_of(match, assets), _day_num(match, assets)
    y = None
    if _g(match, "weekday") and nar.dct is not None:
        y, anchor = _year_of_weekday(nar.dct, mo, d, _WEEKDAYS[_g(match, "weekday").lower()]), "dct"
    if not _g(match, "weekday") or y is None:
        y, anchor = _partial_year(m, mo, d, "", nar)
    mod = _date_mod(match, assets)
    if y is None:
        return Timex("DATE", f"XXXX-{mo:02d}-{d:02d}", mod), None
    try:
        day = date(y, mo, d)
    except ValueError:
        return Timex("DATE", f"{y:04d}-{mo:02d}", mod, anchor), None
    return Timex("DATE", day.isoformat(), mod, anchor), (day, "D", False)


def _year_of_weekday(dct: date, mo: int, d: int, wd: int) -> int | None:
    """The year nearest the DCT in which that day falls on that weekday
    ("Monday, Oct. 26"), or None when none of the three nearest does."""
    for y in sorted((dct.year - 1, dct.year, dct.year + 1), key=lambda y: abs(y - dct.year)):
        try:
            if date(y, mo, d).weekday() == wd:
                return y
        except ValueError:
            continue
    return None


def _day_num(match, assets: Assets) -> int:
    """The day of the month: its digits, or its ordinal word ("March eighth")."""
    if _g(match, "day"):
        return int(_g(match, "day"))
    words = _g(match, "dayw").lower().split("-")
    ordinals = assets.mapping("ordinal_words")
    return sum(ordinals[w] for w in words)


def _year_of(match, assets: Assets) -> int:
    """The year of a match: its digits, or its words ("nineteen ninety-six",
    "the year two thousand")."""
    if _g(match, "year"):
        return int(_g(match, "year"))
    words = re.split(r"[\s-]+", _g(match, "yw").lower().replace(" and ", " "))
    nums = assets.mapping("number_words")
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(nums.get(w) or 0 for w in words[2:])
    rest = [w for w in words[1:] if w not in ("hundred", "oh")]
    return 100 * nums[words[0]] + sum(nums.get(w) or 0 for w in rest)


def _k_m(m, match, nar, assets):
    mo = _month_of(match, assets)
    yrel = _g(match, "yrel").lower()
    if yrel and nar.dct is not None:  # "June last year"
        y, anchor = nar.dct.year + {"last": -1, "next": 1}.get(yrel, 0), "dct"
    else:
        y, anchor = _partial_year(m, mo, None, _g(match, "rel"), nar)
    mod = _date_mod(match, assets)
    if y is None:
        return Timex("DATE", f"XXXX-{mo:02d}", mod), None
    return Timex("DATE", f"{y:04d}-{mo:02d}", mod, anchor), (date(y, mo, 1), "M", False)


def _k_y(m, match, nar, assets):
    y = _year_of(match, assets)
    return Timex("DATE", f"{y:04d}", _date_mod(match, assets)), (date(y, 1, 1), "Y", True)


def _k_decade(m, match, nar, assets):
    dec = _g(match, "dec")
    if not dec:
        two = int(_g(match, "dec2"))  # "the '80s": the latest such decade by the DCT
        year = nar.dct.year if nar.dct else 2030
        dec = f"{year // 100 - (two > year % 100)}{two:02d}"
    return Timex("DATE", dec[:3], _date_mod(match, assets)), None


def _k_century(m, match, nar, assets):
    c = _g(match, "cent").lower()
    n = int(c) if c.isdigit() else _CENTURY_WORDS.get(c, 0)
    return Timex("DATE", f"{n - 1:02d}", _part_mod(match, assets)), None


def _season_year(m, match, nar, start_month: int, assets):
    if _g(match, "year") or _g(match, "yw"):
        return _year_of(match, assets), None
    y, anchor = _partial_year(m, start_month, None, _g(match, "rel"), nar)
    return y, anchor


def _k_season(m, match, nar, assets):
    code, start = _SEASONS[_g(match, "season").lower()]
    y, anchor = _season_year(m, match, nar, start, assets)
    mod = _part_mod(match, assets)
    if y is None:
        return Timex("DATE", f"XXXX-{code}", mod), None
    return Timex("DATE", f"{y:04d}-{code}", mod, anchor), (date(y, start, 1), "Y", anchor is None)


def _year_of_unit(m, match, nar, group: str, start_month: int):
    """Year for "the third quarter of 2021 / of this year / of the year"."""
    if _g(match, "year"):
        return int(_g(match, "year")), None
    rel = _g(match, group).lower()
    if nar.dct is None:
        return None, None
    if rel == "last":
        return nar.dct.year - 1, "dct"
    if rel == "next":
        return nar.dct.year + 1, "dct"
    if rel == "the":
        p = nar.nearby_year(m.sent, 1)  # "mid-2021 ... the first half of the year"
        return (p.day.year, p.span) if p is not None else (nar.dct.year, "dct")
    if rel == "this":
        return nar.dct.year, "dct"
    return _partial_year(m, start_month, None, "", nar)


def _k_quarter(m, match, nar, assets):
    q = int(_g(match, "q")) if _g(match, "q") else _ORDINALS.get(_g(match, "qord").lower(), 4)
    q = 4 if q == -1 else q
    if _g(match, "pyear"):
        y, anchor = int(_g(match, "pyear")), None  # "the 1988 third quarter"
    elif _g(match, "qrel2"):
        y, anchor = _year_of_unit(m, match, nar, "qrel2", 3 * q - 2)  # "next year's first quarter"
    elif _g(match, "year") or _g(match, "qrel"):
        y, anchor = _year_of_unit(m, match, nar, "qrel", 3 * q - 2)
    else:
        y, anchor = _quarter_year(m, q, nar)
    if y is not None and _g(match, "ago"):
        y -= 1  # "the year-earlier third quarter"
    if y is None:
        return Timex("DATE", f"XXXX-Q{q}"), None
    return Timex("DATE", f"{y:04d}-Q{q}", None, anchor), (date(y, 3 * q - 2, 1), "Q", anchor is None)


def _quarter_year(m, q: int, nar: _Narrative):
    """(year, anchor) of a quarter named without its year: this year's when
    it has begun by the DCT (a quarter is reported on after it ends, so even
    "will report third-quarter results" in October is this year's), else
    last year's in a past-tense sentence and this year's otherwise. A past
    narrative that names its year nearby keeps it."""
    if nar.dct is None or m.tense == "generic":
        return None, None
    if m.tense in ("past", ""):
        p = nar.nearby_year(m.sent, 1 if m.tense == "past" else 0)
        if p is not None and p.day.year < nar.dct.year:
            return p.day.year, p.span
    current = (nar.dct.month - 1) // 3 + 1
    if q > current and m.tense == "past":
        return nar.dct.year - 1, "dct"
    return nar.dct.year, "dct"


def _last_quarter(dct: date) -> date:
    """The first day of the last quarter that ended before the DCT."""
    return _add_months(date(dct.year, 3 * ((dct.month - 1) // 3) + 1, 1), -3)


def _k_period(m, match, nar, assets):
    """"the quarter", "the latest period", "the year-ago quarter", "year-earlier"
    (results): the reporting period the narrative is at (the latest quarter
    named), or the same period a year before."""
    rel = " ".join(_g(match, "rel").lower().split())
    ago = rel in _YEAR_AGO or bool(_g(match, "ago"))
    p = _reporting_quarter(nar, ago or bool(_g(match, "year")))
    if _g(match, "emonth") and nar.dct is not None and not ago and p is None:
        return _quarter_ended(match, nar, assets)  # "the quarter ended July 31" with no quarter named before
    if _g(match, "year"):  # "the 1988 quarter": the quarter the narrative is at, in that year
        y = int(_g(match, "year"))
        q = (p.day.month - 1) // 3 + 1 if p is not None else None
        return Timex("DATE", f"{y:04d}-Q{q}" if q else f"{y:04d}", None, p.span if p else None), None
    if p is None and nar.dct is not None and ago:
        y = nar.dct.year - 1  # "year-earlier results" with no quarter in sight: last year
        return Timex("DATE", f"{y:04d}", None, "dct"), (date(y, 1, 1), "Y", False)
    base, anchor = (p.day, p.span) if p is not None else ((_last_quarter(nar.dct), "dct") if nar.dct else (None, None))
    if base is None:
        return Timex("DATE", "XXXX-QX"), None
    if ago:  # the same period a year before: no new reporting period for what follows
        return Timex("DATE", _fmt(date(base.year - 1, base.month, 1), "Q"), None, anchor), None
    if rel in ("previous", "prior", "preceding"):
        base = _add_months(base, -3)
    return Timex("DATE", _fmt(base, "Q"), None, anchor), (base, "Q", False)


def _reporting_quarter(nar: _Narrative, compared: bool) -> _Point | None:
    """The latest quarter named that has ended by the DCT; for a comparison
    ("year-earlier", "the 1988 period"), none once a longer reporting period
    was named after it ("for the nine months ... year-earlier net")."""
    p = nar.latest("Q", past=True)
    return None if p is not None and compared and nar.superseded(p) else p


def _quarter_ended(match, nar: _Narrative, assets: Assets):
    """"the quarter ended Sept. 30" in a text that has named no quarter (a
    fiscal quarter it named, "its fiscal first quarter", keeps its number):
    the calendar quarter that holds most of the three months up to that day
    (ended July 31: May to July, the second quarter), in the year that puts
    the end on or before the DCT."""
    mo = int(assets.mapping("months")[_g(match, "emonth").lower().rstrip(".")])
    end = _safe_date(int(_g(match, "eyear") or nar.dct.year), mo, int(_g(match, "eday")))
    if end > nar.dct and not _g(match, "eyear"):
        end = _safe_date(nar.dct.year - 1, mo, end.day)
    mid = end - timedelta(days=45)
    start = date(mid.year, 3 * ((mid.month - 1) // 3) + 1, 1)
    return Timex("DATE", _fmt(start, "Q"), None, "dct"), (start, "Q", False)


_YEAR_AGO = {"year-ago", "year-earlier", "year-before", "comparable", "corresponding", "comparable year-ago", "year earlier", "year ago", "year before"}


def _k_half(m, match, nar, assets):
    h = 1 if _g(match, "hord").lower() == "first" else 2  # second, latter, last
    y, anchor = _year_of_unit(m, match, nar, "hrel", 1 if h == 1 else 7)
    if y is None:
        return Timex("DATE", f"XXXX-H{h}"), None
    return Timex("DATE", f"{y:04d}-H{h}", None, anchor), (date(y, 1, 1), "Y", anchor is None)


def _k_week_of_month(m, match, nar, assets):
    mo = _month_of(match, assets)
    n = _ORDINALS.get(_g(match, "word").lower(), 1)
    if _g(match, "year"):
        y, anchor = int(_g(match, "year")), None
    else:
        y, anchor = _partial_year(m, mo, None, "", nar)
    if y is None:
        return Timex("DATE", "XXXX-WXX"), None
    # weeks of a month are ISO weeks whose Thursday falls in the month
    thursdays = [d for d in (date(y, mo, 1) + timedelta(days=i) for i in range(31)) if d.month == mo and d.weekday() == 3]
    idx = n - 1 if n > 0 else len(thursdays) - 1
    if not 0 <= idx < len(thursdays):
        return Timex("DATE", f"{y:04d}-{mo:02d}", None, anchor), None
    monday = thursdays[idx] - timedelta(days=3)
    return Timex("DATE", _fmt(monday, "W"), None, anchor), (monday, "W", anchor is None)


def _k_fiscal(m, match, nar, assets):
    rel = _g(match, "rel").lower()
    if rel:  # "this fiscal year": the fiscal year named by the DCT's year (or the one before or after)
        if nar.dct is None:
            return Timex("DATE", "FYXXXX"), None
        y = nar.dct.year + {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
        return Timex("DATE", f"FY{y:04d}", None, "dct"), (date(y, 1, 1), "Y", False)
    # a fiscal year across two calendar years ("FY2023-24") is named by the year it ends
    y = _g(match, "fy_end") or _g(match, "year") or _g(match, "fy")
    if len(y) == 2:
        y = "20" + y
    return Timex("DATE", f"FY{y}"), (date(int(y), 1, 1), "Y", True)


def _k_holiday(m, match, nar, assets):
    name = _g(match, "holiday").lower().replace("’", "'")
    md = assets.mapping("holidays").get(name)
    if md is None:
        return Timex("DATE", "XXXX"), None
    if "/" in md:  # the nth weekday of a month
        mo, wd, nth = (int(x) for x in md.split("/"))
        d = 1 if nth > 0 else 28
    else:
        mo, d = (int(x) for x in md.split("-"))
        wd = nth = 0
    if _g(match, "year"):
        y, anchor = int(_g(match, "year")), None
    else:
        y, anchor = _partial_year(m, mo, d if not wd else (22 if nth > 0 else 28), _g(match, "rel"), nar)
    if y is None:
        return Timex("DATE", f"XXXX-{mo:02d}" if wd else f"XXXX-{md}"), None
    day = _nth_weekday(y, mo, wd, nth) if wd else date(y, mo, d)
    return Timex("DATE", day.isoformat(), None, anchor), (day, "D", anchor is None)


def _nth_weekday(y: int, mo: int, wd: int, nth: int) -> date:
    """The nth weekday (1 = Monday) of a month; nth = -1 is the last."""
    days = [date(y, mo, 1) + timedelta(days=i) for i in range(31)]
    hits = [d for d in days if d.month == mo and d.weekday() == wd - 1]
    return hits[nth - 1] if nth > 0 else hits[-1]


def _k_weekday(m, match, nar, assets):
    wd = _WEEKDAYS[_g(match, "weekday").lower()]
    tod = _TOD.get(_g(match, "tod").lower(), "")
    if nar.dct is None:
        return Timex("DATE", f"XXXX-WXX-{wd + 1}"), None
    day, anchor = _weekday_day(m, wd, _g(match, "rel").lower(), nar)
    if tod:
        return Timex("TIME", f"{day.isoformat()}{tod}", None, anchor), (day, "D", False)
    return Timex("DATE", day.isoformat(), None, anchor), (day, "D", False)


_RANGE_END = re.compile(r"\b(?:to|through|until|till|thru)\s+$", re.I)


def _weekday_day(m, wd: int, rel: str, nar: _Narrative) -> tuple[date, object]:
    """(day, anchor) of a weekday name, remembered for its later mentions."""
    day, anchor = _weekday_repeated(m, wd, rel, nar) or _weekday_resolved(m, wd, rel, nar)
    nar.weekdays[wd] = (day, Span(m.start, m.end))
    return day, anchor


def _weekday_repeated(m, wd: int, rel: str, nar: _Narrative) -> tuple[date, object] | None:
    """A bare weekday that no tense places ("Friday's trading volume", a
    misparsed "which fell 1% on Friday") is the day the document last gave
    that weekday."""
    seen = nar.weekdays.get(wd)
    if rel or seen is None or m.tense in ("past", "future"):
        return None  # a tense places the day on its own
    return seen


_UNTIL = re.compile(r"(?<![\w-])(?<!not\s)(?i:until|till)\s+$")


def _weekday_resolved(m, wd: int, rel: str, nar: _Narrative) -> tuple[date, object]:
    """(day, anchor) of a weekday name: from the narrative's day ("the
    previous Friday", a past passage far from the DCT), else from the DCT."""
    return _weekday_from_narrative(m, wd, rel, nar) or _weekday_from_dct(m, wd, rel, nar)


def _weekday_from_narrative(m, wd: int, rel: str, nar: _Narrative) -> tuple[date, object] | None:
    """"the previous"/"the following" Friday count from the day the narrative
    is at; in a past-tense passage about a day far from the DCT (a month or
    more) named in the same or the previous sentence, a bare weekday is the
    nearest such weekday to that day ("On 3 March 2019 ... On Tuesday ...")."""
    ref = nar.last("D")
    if rel in ("previous", "preceding", "following") and ref is not None:
        delta = (wd - ref.day.weekday()) % 7
        if rel == "following":
            return ref.day + timedelta(days=delta or 7), ref.span
        return ref.day - timedelta(days=(7 - delta) if delta else 7), ref.span
    p = nar.last_near("D", m.sent, 1) if m.sent and m.tense == "past" and not m.signal and not rel else None
    if p is None or (nar.dct - p.day).days <= 30 or _RANGE_END.search(nar.text, max(0, m.start - 12), m.start):
        return None
    delta = (wd - p.day.weekday()) % 7
    return (p.day + timedelta(days=delta) if delta <= 3 else p.day - timedelta(days=7 - delta)), p.span


def _weekday_from_dct(m, wd: int, rel: str, nar: _Narrative) -> tuple[date, object]:
    """"last"/"next"/"this" Tuesday count from the DCT. A bare weekday is the
    nearest one the tense allows: a past event before the DCT, a future one
    after it, an untensed one within three days before or after; a deadline
    ("postponed until Tuesday") is ahead."""
    dct = nar.dct
    delta = (wd - dct.weekday()) % 7  # days forward to the next such weekday (0 = DCT)
    if rel in ("last", "previous"):
        return dct - timedelta(days=(7 - delta) if delta else 7), "dct"
    if rel in ("next", "coming", "following", "this coming"):
        return dct + timedelta(days=delta or 7), "dct"
    if rel == "this":
        return dct - timedelta(days=dct.weekday()) + timedelta(days=wd), "dct"
    if m.tense in ("future", "present"):  # "the summit opens on Friday": scheduled
        return dct + timedelta(days=delta), "dct"
    if not m.tense and _UNTIL.search(nar.text, max(0, m.start - 12), m.start):
        return dct + timedelta(days=delta), "dct"  # "postponed until Tuesday": a deadline ahead
    if m.tense in ("past", "generic") or delta > 3:
        return dct - timedelta(days=(7 - delta) % 7), "dct"
    return dct + timedelta(days=delta), "dct"


_DEICTIC_REL = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}


class _Deixis(NamedTuple):
    """A period named from the DCT ("last year", "next quarter") being resolved."""

    unit: str  # year, month, week, weekend, quarter, decade, century or a season
    k: int  # periods from the DCT's: -1 the last one, 0 this one, 1 the next one
    mod: str | None
    m: DateMention
    match: re.Match
    nar: _Narrative


def _k_deictic(m, match, nar, assets):
    """"last year", "this spring", "next quarter": the period ``k`` periods
    from the one the DCT is in."""
    unit = _g(match, "unit").lower()
    mod = _part_mod(match, assets)
    d = _Deixis(unit, _deictic_offset(m, _g(match, "rel").lower(), unit, nar), mod, m, match, nar)
    if unit in _SEASONS:
        return _deictic_season(d)
    if nar.dct is None:
        return Timex("DATE", _placeholder({"year": "Y", "month": "M", "week": "W"}.get(unit, "Y")), mod), None
    step = _DEICTIC_UNITS.get(unit)
    return step(d) if step is not None else (Timex("DATE", "XXXX", mod), None)


def _deictic_offset(m: DateMention, rel: str, unit: str, nar: _Narrative) -> int:
    """-1, 0 or 1 by the relative word; "at the weekend" in a past-tense
    sentence early in the week is the one just gone."""
    if not rel and unit == "weekend" and m.tense == "past" and nar.dct is not None and nar.dct.weekday() < 2:
        return -1
    return _DEICTIC_REL.get(rel, 0)


def _deictic_season(d: _Deixis):
    """A season: last one that is over (winter never is), next one not begun."""
    code, start = _SEASONS[d.unit]
    dct = d.nar.dct
    if dct is None:
        return Timex("DATE", f"XXXX-{code}", d.mod), None
    y = dct.year
    if d.k < 0:
        y = y if dct.month >= start + 3 else y - 1  # this year's season is over (winter never is)
    elif d.k > 0:
        y = y if dct.month < start else y + 1
    return Timex("DATE", f"{y:04d}-{code}", d.mod, "dct"), (date(y, start, 1), "Y", False)


def _deictic_year(d: _Deixis):
    """The DCT's year plus k; "last year" next to a reporting period is that
    period a year before."""
    p = d.nar.period_near(d.m.sent, 0) if d.k == -1 and d.m.sent and not d.mod else None
    if p is not None:  # "up from last year's $1.55 billion" after "third-quarter sales": that quarter last year
        day = date(p.day.year - 1, p.day.month, 1)
        return Timex("DATE", _fmt(day, "Q"), None, p.span), None
    y = d.nar.dct.year + d.k
    return Timex("DATE", f"{y:04d}", d.mod, "dct"), (date(y, 1, 1), "Y", False)


def _deictic_month(d: _Deixis):
    """The DCT's month plus k."""
    day = _add_months(date(d.nar.dct.year, d.nar.dct.month, 1), d.k)
    return Timex("DATE", _fmt(day, "M"), d.mod, "dct"), (day, "M", False)


def _deictic_week(d: _Deixis):
    """The DCT's week (or weekend) plus k."""
    dct = d.nar.dct
    day = dct - timedelta(days=dct.weekday()) + timedelta(days=7 * d.k)
    v = _fmt(day, "W") + ("-WE" if d.unit == "weekend" else "")
    return Timex("DATE", v, d.mod, "dct"), (day, "W", False)


def _deictic_quarter(d: _Deixis):
    """The DCT's quarter plus k."""
    dct = d.nar.dct
    qi = dct.year * 4 + (dct.month - 1) // 3 + d.k
    y, q = divmod(qi, 4)
    return Timex("DATE", f"{y:04d}-Q{q + 1}", d.mod, "dct"), (date(y, 3 * q + 1, 1), "Q", False)


def _deictic_long(d: _Deixis):
    """A decade or century: "the next decade" is the ten years from now (a
    duration), "this decade" the DCT's decade."""
    if d.match.group(0).lower().startswith("the ") and d.k:
        # "over the next decade", "the past century": the ten (hundred) years from or to now
        return Timex("DURATION", "P10Y" if d.unit == "decade" else "P100Y", d.mod), None
    if d.unit == "decade":
        return Timex("DATE", f"{d.nar.dct.year // 10 + d.k:03d}", d.mod, "dct"), None
    return Timex("DATE", f"{d.nar.dct.year // 100 + d.k:02d}", d.mod, "dct"), None


_DEICTIC_UNITS = {
    "year": _deictic_year,
    "month": _deictic_month,
    "week": _deictic_week,
    "weekend": _deictic_week,
    "quarter": _deictic_quarter,
    "decade": _deictic_long,
    "century": _deictic_long,
}


def _k_deictic_the(m, match, nar, assets):
    """"the end of the year": the year of the narrative (a nearby explicit year) or of the DCT."""
    unit = _g(match, "unit").lower()
    mod = _part_mod(match, assets)
    if unit == "day":  # "later in the day": the day the narrative is at
        p = nar.last_near("D", m.sent, 2) if m.sent else None
        base, anchor = (p.day, p.span) if p is not None else (nar.dct, "dct")
        return (Timex("DATE", base.isoformat(), mod, anchor), None) if base else (Timex("DATE", "XXXX-XX-XX", mod), None)
    p = nar.nearby_year(m.sent)
    base, anchor = (p.day, p.span) if p is not None else (nar.dct, "dct")
    if base is None:
        return Timex("DATE", "XXXX", mod), None
    if unit == "year":
        return Timex("DATE", f"{base.year:04d}", mod, anchor), None
    if unit == "month":
        if p is not None and p.gran == "Y":
            return Timex("DATE", "XXXX-XX", mod), None
        return Timex("DATE", _fmt(base, "M"), mod, anchor), None
    if unit == "week":
        return Timex("DATE", _fmt(base, "W"), mod, anchor), None
    if unit == "decade":
        return Timex("DATE", f"{base.year // 10:03d}", mod, anchor), None
    return Timex("DATE", f"{base.year // 100:02d}", mod, anchor), None


def _k_deictic_day(m, match, nar, assets):
    word = _g(match, "word").lower()
    dct = nar.dct
    if word == "today" and m.tense in ("present", "generic", "") and m.aspect == "simple" and m.general:
        # "no mine operates there today": nowadays; "troops are moving in today", "said today", "high noon comes today": the day
        return Timex("DATE", "PRESENT_REF"), None
    if dct is None:
        return Timex("DATE", "XXXX-XX-XX"), None
    k = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}[word]
    day = dct + timedelta(days=k)
    if word == "tonight":
        return Timex("TIME", f"{day.isoformat()}TNI", None, "dct"), (day, "D", False)
    return Timex("DATE", day.isoformat(), None, "dct"), (day, "D", False)


def _k_daypart(m, match, nar, assets):
    rel = _g(match, "rel").lower()
    tod = _TOD[_g(match, "tod").lower()]
    dct = nar.dct
    mod = _part_mod(match, assets)  # "mid-afternoon yesterday"
    if dct is None:
        return Timex("TIME", f"XXXX-XX-XX{tod}", mod), None
    k = {"this": 0, "today": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    day = dct + timedelta(days=k)
    return Timex("TIME", f"{day.isoformat()}{tod}", mod, "dct"), (day, "D", False)


def _count(match, assets) -> float | None:
    n = _number(_g(match, "n"), assets)
    if n is not None and _g(match, "half"):
        n += 0.5
    return n


def _k_ago(m, match, nar, assets):
    code = _unit(_g(match, "unit"))
    n = _count(match, assets)
    modw = _g(match, "mod").lower()
    mod = {"MORE_THAN": "BEFORE", "LESS_THAN": "AFTER", "APPROX": "APPROX", "EQUAL_OR_MORE": "ON_OR_BEFORE",
           "EQUAL_OR_LESS": "ON_OR_AFTER"}.get(assets.mapping("temporal_modifiers").get(modw, ""))
    if code == "Y" and n is not None and n == int(n):
        p = nar.period_near(m.sent)
        if p is not None:  # "profit rose to $5 million from $4 million a year ago": the same quarter a year before
            d = date(p.day.year - int(n), p.day.month, 1)
            return Timex("DATE", _fmt(d, "Q"), mod, p.span), None
    return _from_dct(m, code, -n if n is not None else None, mod, nar)


def _from_dct(m, code, n, mod, nar):
    dct = nar.dct
    if n is None:
        return Timex("DATE", "PAST_REF"), None
    if dct is None or code not in ("D", "W", "M", "Y", "DE", "Q", "FN"):
        return Timex("DATE", "XXXX", mod), None
    if n != int(n):
        return Timex("DATE", "XXXX", mod), None
    shifted = _shift(dct, code, n)
    if shifted is None:
        return Timex("DATE", "XXXX", mod), None
    d, gran = shifted
    if code == "DE":
        return Timex("DATE", f"{d.year // 10:03d}", mod, "dct"), None
    return Timex("DATE", _fmt(d, gran), mod, "dct"), (d, gran, False)


def _from_point(p: _Point | None, code: str, n: float | None, tod: str = "") -> tuple[Timex, tuple | None]:
    gran = {"D": "D", "FN": "D", "W": "W", "WE": "W", "M": "M", "Q": "M", "Y": "Y", "DE": "Y"}.get(code, "Y")
    if p is None or n is None or n != int(n):
        return Timex("DATE", _placeholder(gran)), None
    base = p.day
    if code == "Y" and p.gran == "Q":  # "the year before" a quarter: the same quarter
        d = date(base.year + int(n), base.month, 1)
        return Timex("DATE", _fmt(d, "Q"), None, p.span), (d, "Q", False)
    if code in ("W", "WE"):
        base = base - timedelta(days=base.weekday())
    shifted = _shift(base, code, n)
    if shifted is None:
        return Timex("DATE", _placeholder(gran)), None
    d, g = shifted
    value = _fmt(d, g)
    if code == "WE":
        value += "-WE"
    if code == "DE":
        return Timex("DATE", f"{d.year // 10:03d}", None, p.span), None
    if tod:
        return Timex("TIME", value + tod, None, p.span), (d, g, False)
    return Timex("DATE", value, None, p.span), (d, g, False)


def _need(code: str) -> str:
    return {"D": "D", "FN": "D", "W": "W", "WE": "W", "M": "M", "Q": "M"}.get(code, "Y")


def _k_anaphoric(m, match, nar, assets):
    unit = _g(match, "unit").lower()
    rel = (_g(match, "rel") or _g(match, "rel2")).lower()
    rel2 = _g(match, "rel2").lower()
    code = _unit(unit)
    k = 1 if rel in ("following", "next", "subsequent") else -1 if rel in ("previous", "preceding", "prior") else 0
    tod = _TOD.get(unit, "")
    if code in ("DE", "CE") and rel2 == "" and k:
        return Timex("DURATION", "P10Y" if code == "DE" else "P100Y"), None  # "the following decade": ten years
    if code == "DE":
        p = nar.last("Y")
        if p is None:
            return Timex("DATE", "XXX"), None
        return Timex("DATE", f"{p.day.year // 10 + k:03d}", None, p.span), None
    tx, point = _from_point(nar.last(_need(code)), code, k, tod)
    return tx._replace(mod=_part_mod(match, assets)), point


def _k_anaphoric_dir(m, match, nar, assets):
    code = _unit(_g(match, "unit"))
    k = -1 if _g(match, "dir").lower() == "before" else 1
    return _from_point(nar.last(_need(code)), code, k)


def _k_event(m, match, nar, assets):
    """"the day after the election", "two months after the inauguration of X"."""
    unit = _g(match, "unit1") or _g(match, "unit")
    code = _unit(unit)
    n = 1 if _g(match, "unit1") else _count(match, assets)
    if _g(match, "dir").lower() in _BACKWARD and n is not None:
        n = -n
    need = _need(code)
    p = None
    if m.inner:
        s, e, rule = m.inner
        p = _inner_point(m, s, e, rule, nar, assets)
    elif m.event in ("that", "this"):
        p = nar.last(need)
    elif m.event:
        p = nar.dated_event(m.event, need, m.tense == "past")
    return _from_point(p, code, n)


def _inner_point(m: DateMention, s: int, e: int, rule: str, nar: _Narrative, assets: Assets) -> _Point | None:
    """The date written inside an event phrase ("two years after the 2018
    ruling"), as a point to count from; its anchor is the inner date's own
    ("dct" for a partial date, None for a full one)."""
    pat = next((p for p in assets.patterns("dates") if p.name == rule), None)
    if pat is None:
        return None
    match = pat.regex.fullmatch(nar.text, s, e)
    if match is None:
        return None
    kind = (pat.meta or {}).get("kind")
    tx, point = _KINDS[kind](m._replace(start=s, end=e, rule=rule, inner=()), match, nar, assets)
    if point is None:
        return None
    day, gran, _ = point
    return _Point(tx.anchor, day, gran, frozenset(), m.sent, tx.anchor is None)


def _k_ref(value):
    def fn(m, match, nar, assets):
        return Timex("DATE", value), None
    return fn


def _k_duration(m, match, nar, assets):
    unit = _g(match, "unit")
    code = _unit(unit)
    mods = assets.mapping("temporal_modifiers")
    mod = mods.get(_g(match, "mod").lower()) if _g(match, "mod") else None
    post = " ".join(_g(match, "post").lower().split())
    if post and mod is None:
        mod = mods.get(post)  # "three years or more"
    if _g(match, "plus") and mod is None:
        mod = "MORE_THAN"  # "20-plus years"
    nword = _g(match, "n")
    plural = unit.lower().endswith("s")
    if nword:
        n = _count(match, assets)
    else:
        n = None if plural else 1
        if _g(match, "half"):
            n = 1.5
    return Timex("DURATION", _duration_value(n, code), mod), None


_COMPOSITE = {"Y": (12, "P{}Y{}M"), "D": (24, "P{}DT{}H"), "H": (60, "PT{}H{}M"), "MIN": (60, "PT{}M{}S")}


def _duration_value(n: float | None, code: str) -> str:
    if n is None:
        return {"DE": "PXDE", "CE": "PXCE", "H": "PTXH", "MIN": "PTXM", "FN": "PXW", "Q": "PXM"}.get(code, f"PX{code}")
    if n != int(n) and code in _COMPOSITE and n > 1:
        # "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M (ISO 8601 composite values, as TimeML writes them)
        whole, frac = int(n), n - int(n)
        k, template = _COMPOSITE[code]
        if frac * k == int(frac * k):
            return template.format(whole, int(frac * k))
    if n != int(n):
        # a fraction of a unit is written in the next smaller one
        smaller = {"Y": (12, "M"), "DE": (10, "Y"), "CE": (100, "Y"), "M": (4, "W"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN"), "Q": (3, "M"), "FN": (14, "D"), "MIN": (60, "SEC")}
        if code in smaller:
            k, code = smaller[code]
            n = n * k
            if n != int(n):
                return f"P{n:g}{code}"
    n = int(n)
    if code == "DE":
        return f"P{10 * n}Y"
    if code == "CE":
        return f"P{100 * n}Y"
    if code == "FN":
        return f"P{2 * n}W"
    if code == "Q":
        return f"P{3 * n}M"
    if code == "H":
        return f"PT{n}H"
    if code in ("MIN", "SEC"):
        return f"PT{n}{code[0]}"
    return f"P{n}{code}"


def _k_set(m, match, nar, assets):
    adverb = _g(match, "adverb").lower()
    if adverb:
        return Timex("SET", _SET_ADVERBS[adverb]), None
    wd = _g(match, "weekday").lower()
    if wd:
        return Timex("SET", f"XXXX-WXX-{_WEEKDAYS[wd] + 1}"), None
    unit = _g(match, "unit").lower()
    if unit in _SEASONS:
        return Timex("SET", f"XXXX-{_SEASONS[unit][0]}"), None
    if unit == "season":
        return Timex("SET", "P3M"), None  # "each season": a season is a quarter of the year
    if unit in _TOD:
        return Timex("SET", f"XXXX-XX-XX{_TOD[unit]}"), None
    n = _number(_g(match, "n"), assets) if _g(match, "n") else 1
    mod = assets.mapping("temporal_modifiers").get(_g(match, "mod").lower()) if _g(match, "mod") else None
    return Timex("SET", _duration_value(n, _unit(unit)), mod), None  # "roughly once a month": APPROX


def _clock(match) -> tuple[int, int]:
    word = _g(match, "word").lower()
    if word:
        return (24, 0) if word == "midnight" else (12, 0)
    if _g(match, "hh"):
        return int(_g(match, "hh")), int(_g(match, "mm"))
    hh, mm = int(_g(match, "hour")), int(_g(match, "minute") or 0)
    pm = _g(match, "ampm").lower().startswith("p")
    return (hh % 12) + (12 if pm else 0), mm


def _k_clock(m, match, nar, assets):
    hh, mm = _clock(match)
    if _g(match, "aweekday") and nar.dct is not None:  # "at 10:35 a.m. (0735 GMT) Friday": that Friday
        day, anchor = _weekday_day(m, _WEEKDAYS[_g(match, "aweekday").lower()], "", nar)
        return Timex("TIME", f"{day.isoformat()}T{hh:02d}:{mm:02d}", None, anchor), None
    # a time of day is on the day the narrative is at: "Last Tuesday, ... Her message arrived at 11 p.m."
    p = nar.last_near("D", m.sent) if m.sent else None
    if p is None and m.tense == "past":
        p = _event_day(m, nar)
    day = p.day.isoformat() if p is not None else (nar.dct.isoformat() if nar.dct else "XXXX-XX-XX")
    anchor = p.span if p is not None else ("dct" if nar.dct else None)
    return Timex("TIME", f"{day}T{hh:02d}:{mm:02d}", None, anchor), None


def _event_day(m, nar: _Narrative) -> _Point | None:
    """The day of a past event the text dated before, when the time of day
    belongs to it ("He was killed on Oct. 23, 1998. ... He was shot at 10
    p.m."): the most recent day attached to an event of the same class,
    a week or more before the DCT (a time in today's news is today's)."""
    for word in m.events:
        p = nar.dated_event(word, "D", True)
        if p is not None and p.gran == "D" and nar.dct is not None and (nar.dct - p.day).days >= 7:
            return p
    return None


def _k_clock_day(m, match, nar, assets):
    """"10 p.m. Wednesday", "noon on 3 May", "15:00 GMT Saturday", "Tuesday at 9 a.m.":
    the day as the weekday, date or deictic word alone would be, at that time."""
    hh, mm = _clock(match)
    day, anchor = _day_of(m, match, nar, assets)
    if day is None:
        return Timex("TIME", f"XXXX-XX-XXT{hh:02d}:{mm:02d}"), None
    return Timex("TIME", f"{day.isoformat()}T{hh:02d}:{mm:02d}", None, anchor), (day, "D", False)


def _day_of(m, match, nar, assets) -> tuple[date | None, object]:
    if nar.dct is None:
        return None, None
    if _g(match, "weekday"):
        return _weekday_day(m, _WEEKDAYS[_g(match, "weekday").lower()], "", nar)
    if _g(match, "dword"):
        k = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[_g(match, "dword").lower()]
        return nar.dct + timedelta(days=k), "dct"
    if _g(match, "dmonth"):
        mo, d = int(assets.mapping("months")[_g(match, "dmonth").lower().rstrip(".")]), int(_g(match, "dday"))
    else:
        mo, d = _month_of(match, assets), _day_num(match, assets)
    y, anchor = _partial_year(m, mo, d, "", nar)
    return (_safe_date(y, mo, d), anchor) if y is not None else (None, None)



def _k_week_of(m, match, nar, assets):
    """"the week of March 6": the ISO week that holds that day."""
    day, anchor = _day_of(m, match, nar, assets)
    if day is None:
        return Timex("DATE", "XXXX-WXX"), None
    monday = day - timedelta(days=day.weekday())
    return Timex("DATE", _fmt(monday, "W"), None, anchor), (monday, "W", False)


def _k_year_end(m, match, nar, assets):
    """"year-end", "by year's end": the end of the narrative's year (a nearby explicit one, else the DCT's)."""
    p = nar.nearby_year(m.sent)
    base, anchor = (p.day, p.span) if p is not None else (nar.dct, "dct")
    if base is None:
        return Timex("DATE", "XXXX", "END"), None
    return Timex("DATE", f"{base.year:04d}", "END", anchor), None


def _k_ordinal_day(m, match, nar, assets):
    """"the 99th day of the war": the DCT in a present-tense statement
    ("today is the eighth day of the strike"), else the day the narrative is
    at when it is that close, else unknown."""
    if m.tense in ("present", "") and nar.dct is not None:
        return Timex("DATE", nar.dct.isoformat(), None, "dct"), None
    return Timex("DATE", "XXXX-XX-XX"), None


def _k_term(m, match, nar, assets):
    """"his second term", "her tenure": a term of office, a span of years."""
    n = _number(_g(match, "n"), assets) if _g(match, "n") else None
    return Timex("DURATION", f"P{int(n)}Y" if n else "PXY"), None


_KINDS = {
    "ymd": _k_ymd, "ym": _k_ym, "m_anaphoric": _k_m_anaphoric, "season_anaphoric": _k_season_anaphoric, "md": _k_md, "m": _k_m, "y": _k_y, "decade": _k_decade, "century": _k_century,
    "season": _k_season, "quarter": _k_quarter, "half": _k_half, "week_of_month": _k_week_of_month,
    "fiscal": _k_fiscal, "holiday": _k_holiday, "weekday": _k_weekday, "deictic": _k_deictic,
    "deictic_the": _k_deictic_the, "deictic_day": _k_deictic_day, "daypart": _k_daypart, "ago": _k_ago,
    "anaphoric": _k_anaphoric, "anaphoric_dir": _k_anaphoric_dir,
    "event": _k_event, "period": _k_period, "present_ref": _k_ref("PRESENT_REF"), "past_ref": _k_ref("PAST_REF"),
    "future_ref": _k_ref("FUTURE_REF"), "duration": _k_duration, "set": _k_set, "clock": _k_clock, "clock_day": _k_clock_day,
    "year_end": _k_year_end, "week_of": _k_week_of, "ordinal_day": _k_ordinal_day, "term": _k_term,
}
