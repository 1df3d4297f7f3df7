"""benchmarks/timebank.py: the TempEval-3 scorer on hand-made records, and a
clear skip when the data is absent (no corpus text is needed)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from .conftest import ROOT

_spec = importlib.util.spec_from_file_location("timebank_bench", ROOT / "benchmarks" / "timebank.py")
tb = importlib.util.module_from_spec(_spec)
sys.modules["timebank_bench"] = tb  # dataclasses look their module up
_spec.loader.exec_module(tb)


def _rec(s, e, t, v, rule=None):
    return {"start": s, "end": e, "timex_type": t, "value": v, "rule": rule}


def test_scores_like_tempeval(assets):
    text = "On 3 May the day after the vote came two weeks later, in fiscal 2022."
    gold = [_rec(3, 8, "DATE", "2022-05-03"), _rec(9, 16, "DATE", "2022-05-04"), _rec(35, 44, "DURATION", "P2W"), _rec(53, 64, "DATE", "2022")]
    pred = [
        _rec(3, 8, "DATE", "2022-05-03"),  # exact
        _rec(9, 29, "DATE", "2022-05-04", "date/event_offset"),  # the event phrase is cut back to "the day"
        _rec(35, 50, "DATE", "2022-W20"),  # overlaps, wrong type and value
        _rec(53, 64, "DATE", "FY2022"),  # FY is dropped
        _rec(0, 2, "DATE", "PRESENT_REF"),  # spurious
    ]
    t = tb.score_doc("x", text, gold, pred, assets)
    assert (t.gold, t.pred, t.strict, t.relaxed, t.type_ok, t.value_ok) == (4, 5, 3, 4, 3, 3)
    f = t.figures()
    assert round(f["value"], 2) == round(100 * (2 * 0.8 * 1.0 / 1.8) * 0.75, 2)


def test_canonical_spelling():
    assert tb.canonical("2000-W7") == "2000-W07"
    assert tb.canonical("1989-11-06T17") == "1989-11-06T17:00"
    assert tb.canonical("198X") == "198"
    assert tb.canonical("1989-WXX") == "1989-WXX"  # an underspecified value stays what it is


def test_split_is_fixed():
    names = [f"doc{i}" for i in range(200)]
    check = [n for n in names if tb.split_of(n) == "check"]
    assert 20 < len(check) < 60 and check == [n for n in names if tb.split_of(n) == "check"]


def test_skips_without_data(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "timebank.py"), "--data", str(tmp_path)], capture_output=True, text=True, check=False)
    assert out.returncode == 0 and "skipped" in out.stdout


def test_canonical_long_units():
    # TimeBank writes quarters, decades and centuries of a duration in their own units
    assert tb.canonical("P1Q") == tb.canonical("P3M") == "P3M"
    assert tb.canonical("P1E") == tb.canonical("P1DE") == "P10Y"
    assert tb.canonical("PXC") == tb.canonical("PXCE") == "PXCE"
    assert tb.canonical("PXQ") == "PXQ"  # some quarters are no number of months
    assert tb.canonical("1989-Q1") == "1989-Q1"  # a calendar quarter is no duration


def _conv(text, start, end, ttype, value):
    return tb.convert_gold([_rec(start, end, ttype, value)], text)


def _span(text, phrase):
    s = text.index(phrase)
    return s, s + len(phrase)


@pytest.mark.parametrize("text,phrase,ttype,value,expected", [
    # "a year earlier" as one DATE: the duration alone, DURATION P1Y
    ("Net rose from $4 million a year earlier.", "a year earlier", "DATE", "1988-Q3", ("a year", "DURATION", "P1Y", "anchored duration")),
    ("Net rose from $4 million a year earlier.", "a year", "DATE", "1988-Q3", ("a year", "DURATION", "P1Y", "anchored duration")),
    ("Three weeks later the talks resumed.", "Three weeks later", "DATE", "1998-03", ("Three weeks", "DURATION", "P3W", "anchored duration")),
    # near misses: "ago" is part of the DATE; a bare duration tagged as a date; a duration already
    ("Net rose from $4 million a year ago.", "a year ago", "DATE", "1988", ("a year ago", "DATE", "1988", None)),
    ("The talks took two weeks in all.", "two weeks", "DATE", "1998-W10", ("two weeks", "DATE", "1998-W10", None)),
    ("Net rose from $4 million a year earlier.", "a year", "DURATION", "P1Y", ("a year", "DURATION", "P1Y", None)),
    # the part of the day with a weekday: TIME with the part of the day, the span holds it
    ("Rebels attacked Friday night, police said.", "Friday", "DATE", "2000-01-07", ("Friday night", "TIME", "2000-01-07TNI", "part of day")),
    ("Rebels attacked on Thursday morning.", "Thursday morning", "DATE", "2000-01-06", ("Thursday morning", "TIME", "2000-01-06TMO", "part of day")),
    ("``But it's not tonight we're worried about.''", "tonight", "DATE", "1999-10-24", ("tonight", "TIME", "1999-10-24TNI", "part of day")),
    # near misses: a possessive ("Sunday's night session"), a value that has its part of the day, a weekday alone
    ("Sunday's night session was calm.", "Sunday", "DATE", "2000-01-09", ("Sunday", "DATE", "2000-01-09", None)),
    ("Rebels attacked Friday night, police said.", "Friday night", "DATE", "2000-01-07TEV", ("Friday night", "DATE", "2000-01-07TEV", None)),
    ("Rebels attacked Friday, police said.", "Friday", "DATE", "2000-01-07", ("Friday", "DATE", "2000-01-07", None)),
    # vague plurals as durations: PAST_REF / FUTURE_REF
    ("Kidnappings rose in recent years.", "recent years", "DURATION", "PXY", ("recent years", "DATE", "PAST_REF", "vague plural")),
    ("Prices may fall in the weeks ahead.", "the weeks ahead", "DURATION", "PXW", ("the weeks ahead", "DATE", "FUTURE_REF", "vague plural")),
    # near misses: "the past few years" is a duration; "recent years" already PAST_REF
    ("Kidnappings rose over the past few years.", "the past few years", "DURATION", "PXY", ("the past few years", "DURATION", "PXY", None)),
    ("Kidnappings rose in recent years.", "recent years", "DATE", "PAST_REF", ("recent years", "DATE", "PAST_REF", None)),
])  # fmt: skip
def test_conversions(text, phrase, ttype, value, expected):
    s, e = _span(text, phrase)
    (g,), counts = _conv(text, s, e, ttype, value)
    span, etype, evalue, name = expected
    assert (text[g["start"] : g["end"]], g["timex_type"], g["value"]) == (span, etype, evalue)
    assert dict(counts) == ({name: 1} if name else {})


def test_unspecified_digits_are_wildcards_in_the_converted_score(assets):
    text = "Shares fell last week and last year."
    gold = [_rec(12, 21, "DATE", "1989-WXX"), _rec(26, 35, "DATE", "19XX")]
    pred = [_rec(12, 21, "DATE", "1989-W43"), _rec(26, 35, "DATE", "1988-Q3")]  # the second has another shape
    conv = tb.score_doc("x", text, gold, pred, assets, convert=True)
    raw = tb.score_doc("x", text, gold, pred, assets)
    assert (conv.value_ok, raw.value_ok) == (1, 0)
    assert conv.converted == {"unspecified digits": 1} and not raw.converted


@pytest.mark.parametrize("gold,pred,kind", [
    ("1998-WXX", "1998-W08", "gold underspecified (X digits)"),
    ("1988", "1988-Q3", "same period, other granularity"),
    ("1990-08-10", "1990-08-17", "weekday a week off"),
    ("1990-09", "1989-09", "same date, other year"),
    ("1999-10-07", "1999-10-07TMO", "part of day or time"),
    ("PXY", "PAST_REF", "vague reference (*_REF)"),
    ("P2Y", "1996", "date vs duration"),
    ("P12Y", "P13Y", "duration amount or unit"),
    ("1989-Q2", "1989-Q3", "other calendar date"),
    ("P3M", "P1Q", None),  # one spelling: no error
])  # fmt: skip
def test_error_kinds(gold, pred, kind):
    g, p = _rec(0, 4, "DATE", gold), _rec(0, 4, "DATE", pred)
    assert tb.error_kind(g, p, "text and more") == kind


def test_error_kind_anchored_duration():
    text = "Net rose from $4 million a year earlier."
    s, e = _span(text, "a year")
    assert tb.error_kind(_rec(s, e + 8, "DATE", "1988-Q3"), _rec(s, e, "DURATION", "P1Y"), text) == "anchored duration: gold tags a date"
