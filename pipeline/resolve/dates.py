"""TIMEX3 values for date mentions, anchored to the publication date (DCT)
and to the last date of the narrative.

:func:`normalise` is a pure function from a mention's text and its context
(DCT, the last resolved date) to a :class:`Timex`; :func:`resolve_dates` walks
a document's mentions in order and keeps the narrative anchor.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from ..assets import Assets
from ..document import Document, Span
from ..extract.dates import DateMention


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


_UNITS = {"year": "Y", "years": "Y", "month": "M", "months": "M", "week": "W", "weeks": "W", "day": "D", "days": "D",
          "decade": "DE", "decades": "DE", "century": "CE", "centuries": "CE", "hour": "H", "hours": "H"}
_PAST_REF = re.compile(r"^(?:(?:in\s+)?recent\s+(?:years|months|weeks|decades|times)|the\s+past(?:\s+few\s+\w+)?|(?:in\s+)?the\s+past|previously|years\s+ago|lately)$", re.I)
_PRESENT_REF = re.compile(r"^(?:now|right\s+now|currently|today|at\s+present|the\s+present|nowadays|these\s+days|present|current)$", re.I)
_FUTURE_REF = re.compile(r"^(?:(?:in\s+)?the\s+(?:near\s+|distant\s+)?future|(?:in\s+)?(?:the\s+)?coming\s+(?:years|months|weeks|decades)|someday|one\s+day)$", re.I)


class Context(NamedTuple):
    dct: date | None
    last: date | None = None
    last_span: Span | None = None


def _year_for(month: int, day: int | None, ctx: Context) -> tuple[int | None, str | None]:
    ref = ctx.dct
    if ref is None:
        return None, None
    year = ref.year
    # a partial date later than the publication date is taken as last year's
    if (month, day or 1) > (ref.month, ref.day):
        year -= 1
    return year, "dct"


def normalise(text: str, ctx: Context, assets: Assets) -> Timex:
    months = assets.mapping("months")
    numbers = assets.mapping("number_words")
    mods = assets.mapping("temporal_modifiers")
    t = re.sub(r"\s+", " ", text).strip().rstrip(".,")
    low = t.lower()
    mod = None
    for phrase in sorted(mods, key=len, reverse=True):
        if low.startswith(phrase + " ") or (phrase.endswith("-") and low.startswith(phrase)):
            mod = mods[phrase]
            low = low[len(phrase) :].strip()
            break
    low = re.sub(r"^(?:the|in|on|since|from|by|until)\s+", "", low)
    mon = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))

    m = re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({mon})\.?,?\s+(\d{{4}})", low) or None
    if m:
        return _ymd(int(m.group(3)), months[m.group(2)], int(m.group(1)), mod)
    m = re.fullmatch(rf"({mon})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", low)
    if m:
        return _ymd(int(m.group(3)), months[m.group(1)], int(m.group(2)), mod)
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", low)
    if m:
        return _ymd(int(m.group(1)), int(m.group(2)), int(m.group(3)), mod)
    m = re.fullmatch(rf"({mon})\.?,?\s+(?:of\s+)?(\d{{4}})", low)
    if m:
        return Timex("DATE", f"{int(m.group(2)):04d}-{months[m.group(1)]:02d}", mod)
    m = re.fullmatch(r"(?:the\s+)?((?:1[0-9]|20)\d\d)s?", low)
    if m:
        return Timex("DATE", m.group(1)[:3] if low.endswith("s") else m.group(1), mod)
    m = re.fullmatch(rf"({mon})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({mon})\.?", low)
    if m:
        mo = months[m.group(1) or m.group(4)]
        d = int(m.group(2) or m.group(3))
        y, anchor = _year_for(mo, d, ctx)
        if y is not None:
            tx = _ymd(y, mo, d, mod)
            return tx._replace(anchor=anchor)
        return Timex("DATE", f"XXXX-{mo:02d}-{d:02d}", mod)
    m = re.fullmatch(rf"({mon})\.?", low)
    if m and low not in ("may", "march"):
        mo = months[m.group(1)]
        y, anchor = _year_for(mo, None, ctx)
        return Timex("DATE", f"{y:04d}-{mo:02d}" if y else f"XXXX-{mo:02d}", mod, anchor)
    if m and t[:1].isupper():
        mo = months[m.group(1)]
        y, anchor = _year_for(mo, None, ctx)
        return Timex("DATE", f"{y:04d}-{mo:02d}" if y else f"XXXX-{mo:02d}", mod, anchor)
    m = re.fullmatch(r"(last|this|next|previous|coming)\s+(year|month)", low)
    if m and ctx.dct is not None:
        delta = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[m.group(1)]
        if m.group(2) == "year":
            return Timex("DATE", f"{ctx.dct.year + delta:04d}", mod, "dct")
        mi = ctx.dct.year * 12 + ctx.dct.month - 1 + delta
        return Timex("DATE", f"{mi // 12:04d}-{mi % 12 + 1:02d}", mod, "dct")
    m = re.fullmatch(r"(?:the\s+)?(following|next|previous|preceding)\s+day", low)
    if m and ctx.last is not None:
        d = ctx.last + timedelta(days=1 if m.group(1) in ("following", "next") else -1)
        return Timex("DATE", d.isoformat(), mod, ctx.last_span)
    m = re.fullmatch(r"(?:(\d+|[a-z]+(?:\s+[a-z]+)?)\s+)?(years?|months?|weeks?|days?|decades?|centur(?:y|ies)|hours?)", low)
    if m:
        unit = _UNITS[m.group(2)]
        n = 1
        if m.group(1):
            n = int(m.group(1)) if m.group(1).isdigit() else numbers.get(m.group(1))
        if n is None:
            return Timex("DURATION", f"PX{unit[0] if unit not in ('DE', 'CE') else 'Y'}", mod)
        if unit == "DE":
            return Timex("DURATION", f"P{10 * n}Y", mod)
        if unit == "CE":
            return Timex("DURATION", f"P{100 * n}Y", mod)
        if unit == "H":
            return Timex("DURATION", f"PT{n}H", mod)
        return Timex("DURATION", f"P{n}{unit}", mod)
    if _PAST_REF.match(low) or _PAST_REF.match(t):
        return Timex("DATE", "PAST_REF", mod)
    if _PRESENT_REF.match(low):
        return Timex("DATE", "PRESENT_REF", mod)
    if _FUTURE_REF.match(low) or _FUTURE_REF.match(t):
        return Timex("DATE", "FUTURE_REF", mod)
    return Timex("DATE", "XXXX", mod)


def _ymd(y: int, mo: int, d: int, mod: str | None) -> Timex:
    try:
        return Timex("DATE", date(y, mo, d).isoformat(), mod)
    except ValueError:
        return Timex("DATE", f"{y:04d}-{mo:02d}", mod)


def resolve_dates(doc: Document, mentions: list[DateMention], assets: Assets) -> list[Date]:
    dct = date.fromisoformat(doc.meta.published) if doc.meta.published else None
    ctx = Context(dct)
    out = []
    for m in sorted(mentions):
        tx = normalise(doc.view.text[m.start : m.end], ctx, assets)
        if tx.timex_type == "DATE" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", tx.value):
            ctx = Context(dct, date.fromisoformat(tx.value), Span(m.start, m.end))
        out.append(Date(m.start, m.end, tx.timex_type, tx.value, tx.mod, tx.anchor))
    return out
