"""Dates: TIMEX3 spans, types, values and mods on short texts in several
styles (news report, op-ed, policy brief, speech summary), with near-miss
negatives. Every text is invented for these tests."""

from __future__ import annotations

import pytest

from claimex.resolve.dates import normalise

# (text, DCT, [(span, type, value, mod), ...]): every date the text holds, in order
CASES = [
    # -- news report ---------------------------------------------------------
    ("The summit was held in Oslo on 16 September 2022 and ended a day early.", "2022-09-20",
     [("16 September 2022", "DATE", "2022-09-16", None), ("a day", "DURATION", "P1D", None)]),
    ("Parliament approved the bill on Sept. 3 after a heated debate.", "2022-09-20",
     [("Sept. 3", "DATE", "2022-09-03", None)]),
    ("The ministers met on March 9, the officials said.", "2022-09-16",
     [("March 9", "DATE", "2022-03-09", None)]),
    ("The ministers will meet again on March 9, officials said.", "2022-09-16",
     [("March 9", "DATE", "2023-03-09", None)]),
    ("The central bank raised rates in November, its first move since December 2011.", "2023-02-10",
     [("November", "DATE", "2022-11", None), ("December 2011", "DATE", "2011-12", "ON_OR_AFTER")]),
    ("The company said Tuesday that profits fell in the third quarter of 2021.", "2021-11-04",
     [("Tuesday", "DATE", "2021-11-02", None), ("the third quarter of 2021", "DATE", "2021-Q3", None)]),
    ("Voters went to the polls on 3 May. The day after the vote, the prime minister resigned.", "2021-06-01",
     [("3 May", "DATE", "2021-05-03", None), ("The day after the vote", "DATE", "2021-05-04", None)]),
    ("The ceasefire was signed on June 4. The following day, shelling resumed, and a week later talks collapsed.", "2021-07-01",
     [("June 4", "DATE", "2021-06-04", None), ("The following day", "DATE", "2021-06-05", None), ("a week", "DURATION", "P1W", None)]),
    ("Turnout fell to 51.2%, the lowest since 1975, and four times as many ballots were spoiled.", "2022-05-02",
     [("1975", "DATE", "1975", "ON_OR_AFTER")]),
    ("Yesterday the minister said talks would resume next week.", "2022-05-04",
     [("Yesterday", "DATE", "2022-05-03", None), ("next week", "DATE", "2022-W19", None)]),
    ("Two years ago the council met in Geneva; last year it met in Rome.", "2022-05-04",
     [("Two years ago", "DATE", "2020", None), ("last year", "DATE", "2021", None)]),
    ("The government will publish its plan in April.", "2022-09-16",
     [("April", "DATE", "2023-04", None)]),
    ("The plan was published next April.", "2022-09-16",
     [("next April", "DATE", "2023-04", None)]),
    # a fiscal year across two years is named by the year it ends; a mod after a duration
    ("Loans made up most of the aid in FY2023-24.", "2024-11-05",
     [("FY2023-24", "DATE", "FY2024", None)]),
    ("Projects take three years or more to approve.", "2024-11-05",
     [("three years or more", "DURATION", "P3Y", "EQUAL_OR_MORE")]),
    # a section label is no quarter; an approximate frequency keeps its mod
    ("Q1: What did the two sides agree? Growth slowed in Q1 2024.", "2024-05-02",
     [("Q1 2024", "DATE", "2024-Q1", None)]),
    ("The envoys meet roughly once a month.", "2024-05-02",
     [("roughly once a month", "SET", "P1M", "APPROX")]),
    # a part of a named day is a TIME; a time of day takes the day the narrative is at
    ("Troops moved in on the night of 14 August 2021, and the airport closed.", "2021-09-01",
     [("the night of 14 August 2021", "TIME", "2021-08-14TNI", None)]),
    ("Last Tuesday a reporter called me. Her message arrived at 11 p.m., during a power cut.", "2025-11-17",
     [("Last Tuesday", "DATE", "2025-11-11", None), ("11 p.m.", "TIME", "2025-11-11T23:00", None)]),
    # near miss: two sentences away the narrative has moved on; the DCT is the day
    ("The vote was held on 3 March. Nobody slept that week. Results came in at 9 p.m.", "2025-11-17",
     [("3 March", "DATE", "2025-03-03", None), ("that week", "DATE", "2025-W10", None), ("9 p.m.", "TIME", "2025-11-17T21:00", None)]),
    # -- op-ed -------------------------------------------------------------------
    ("Amid a decade of deteriorating relations, more than a decade has passed without a summit.", "2022-09-16",
     [("a decade", "DURATION", "P10Y", None), ("more than a decade", "DURATION", "P10Y", "MORE_THAN")]),
    ("The ruling party will remain in the minority for at least two years, and about five years from now it may win.", "2022-09-16",
     [("at least two years", "DURATION", "P2Y", "EQUAL_OR_MORE"), ("about five years", "DURATION", "P5Y", "APPROX")]),
    ("Relations have declined in recent years; now is the time to act, and in the future we must do better.", "2022-09-16",
     [("recent years", "DATE", "PAST_REF", None), ("now", "DATE", "PRESENT_REF", None), ("the future", "DATE", "FUTURE_REF", None)]),
    ("Export controls imposed from July 2019 onwards remain in place until 2025.", "2022-09-16",
     [("July 2019 onwards", "DATE", "2019-07", "ON_OR_AFTER"), ("2025", "DATE", "2025", "ON_OR_BEFORE")]),
    ("In the 1990s the alliance expanded; by the mid-2000s it had stalled.", "2022-09-16",
     [("the 1990s", "DATE", "199", None), ("the mid-2000s", "DATE", "200", "MID")]),
    ("President Biden's visit in late May gave impetus to trilateral cooperation.", "2022-09-16",
     [("late May", "DATE", "2022-05", "END")]),
    ("May I suggest that the government may wish to march in step with its allies?", "2022-09-16", []),
    ("Protesters joined a march on the capital; the spring that feeds the lake has dried up.", "2022-09-16", []),
    # -- policy brief ----------------------------------------------------------
    ("Support fell to 28% in the fourth week of July, according to a poll of 1,000 adults aged 18 and over.", "2022-09-16",
     [("the fourth week of July", "DATE", "2022-W30", None)]),
    ("Negotiations should conclude by the end of 2021, and a review is due in spring 2023.", "2021-03-01",
     [("the end of 2021", "DATE", "2021", "END"), ("spring 2023", "DATE", "2023-SP", None)]),
    ("Funding is needed for 18 months, and several years of investment will follow.", "2022-09-16",
     [("18 months", "DURATION", "P18M", None), ("several years", "DURATION", "PXY", None)]),
    ("Resolution 2231 and No. 2018 of the series cost $2,000 a year; Vision 2030 sets goals for 2030.", "2022-09-16",
     [("a year", "SET", "P1Y", None), ("2030", "DATE", "2030", None)]),
    ("The commission meets every five years and publishes its findings annually.", "2022-09-16",
     [("every five years", "SET", "P5Y", None), ("annually", "SET", "P1Y", None)]),
    ("The 45-year-old envoy, who is 60 years old next month, served 12 years in the ministry.", "2022-09-16",
     [("next month", "DATE", "2022-10", None), ("12 years", "DURATION", "P12Y", None)]),
    ("The second round of talks took place in the first half of 2022 on page 2018 of the record.", "2022-09-16",
     [("the first half of 2022", "DATE", "2022-H1", None)]),
    # -- speech summary ----------------------------------------------------------
    ("In a speech on Monday, the minister said the forces had been underfunded for two decades.", "2019-06-21",
     [("Monday", "DATE", "2019-06-17", None), ("two decades", "DURATION", "P20Y", None)]),
    ("She recalled joining the ministry in the autumn of 1998. Twenty years on, the task remains.", "2019-06-21",
     [("the autumn of 1998", "DATE", "1998-FA", None), ("Twenty years", "DURATION", "P20Y", None)]),
    ("The treaty was signed in March 1999. In May of that year it was ratified.", "2019-06-21",
     [("March 1999", "DATE", "1999-03", None), ("May of that year", "DATE", "1999-05", None)]),
    ("Elections were held on 3 March 2019. Two months after the election, the cabinet was sworn in.", "2019-06-21",
     [("3 March 2019", "DATE", "2019-03-03", None), ("Two months", "DURATION", "P2M", None)]),
    ("The minister spoke two weeks after the inauguration of the new cabinet, which nobody dated.", "2019-06-21",
     [("two weeks", "DURATION", "P2W", None)]),
    ("The minister currently plans to act at the end of the month.", "2019-06-21",
     [("currently", "DATE", "PRESENT_REF", None), ("the end of the month", "DATE", "2019-06", "END")]),
]


def _dates(records_of, text, dct):
    return [r for r in records_of(text, published=dct).get("date", [])]


@pytest.mark.parametrize("text,dct,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_dates_table(records_of, text, dct, expected):
    got = [(r["text"], r["timex_type"], r["value"], r["mod"]) for r in _dates(records_of, text, dct)]
    assert got == expected


def test_grounded_and_anchored(records_of):
    text = "The election was held on 3 May. The day after the election, the leader resigned; the following day, a new one was named."
    dates = _dates(records_of, text, "2021-06-01")
    for r in dates:
        assert text[r["start"] : r["end"]] == r["text"]
    first, second, third = dates
    assert first["anchor"] == "dct"
    assert second["anchor"] == first["id"]  # the event was dated by the first
    assert third["anchor"] == second["id"]  # chains: the following day after the day after


def test_full_dates_and_durations_have_no_anchor(records_of):
    dates = _dates(records_of, "On 16 September 2022 the talks lasted six hours.", "2022-09-20")
    assert [(d["text"], d["anchor"]) for d in dates] == [("16 September 2022", None), ("six hours", None)]


def test_no_dct_gives_placeholders(records_of):
    dates = _dates(records_of, "The ministers met on March 9 and again in July.", None)
    assert [d["value"] for d in dates] == ["XXXX-03-09", "XXXX-07"]


@pytest.mark.parametrize(
    "text,dct,tense,value",
    [
        ("16 September 2022", "2022-09-20", "", "2022-09-16"),
        ("the 1990s", "2022-09-20", "", "199"),
        ("the 21st century", "2022-09-20", "", "20"),
        ("Q3 2022", "2022-09-20", "", "2022-Q3"),
        ("fiscal 2023", "2022-09-20", "", "FY2023"),
        ("Christmas", "2022-09-20", "future", "2022-12-25"),
        ("Christmas", "2022-09-20", "past", "2021-12-25"),
        ("a year and a half", "2022-09-20", "", "P1Y6M"),
        ("two and a half hours", "2022-09-20", "", "PT2H30M"),
        ("half a year", "2022-09-20", "", "P6M"),
        ("half a century", "2022-09-20", "", "P50Y"),
        ("this weekend", "2022-09-20", "", "2022-W38-WE"),
        ("last winter", "2022-09-20", "", "2021-WI"),
    ],
)
def test_normalise_alone(assets, text, dct, tense, value):
    from datetime import date

    assert normalise(text, date.fromisoformat(dct), assets, tense=tense).value == value


def test_every_pattern_kind_and_context_is_known(assets):
    """A pattern whose kind or context the code does not know would silently
    give XXXX or pass unchecked: the pattern file and the code must agree."""
    from claimex.extractors.dates import _CONTEXT_CHECKS
    from claimex.resolve.dates import _KINDS

    contexts = set(_CONTEXT_CHECKS) | {"year"}  # "year" is checked by kind (_year_ok)
    for p in assets.patterns("dates"):
        assert p.meta and p.meta.get("kind") in _KINDS, p.name
        assert p.meta.get("context") in (None, *contexts), p.name
    for p in assets.patterns("date_signals"):
        assert p.meta["mod"] in ("ON_OR_AFTER", "ON_OR_BEFORE", "BEFORE", "AFTER"), p.name


def test_quantity_mod_words_are_in_the_lexicon(assets):
    import re

    mods = assets.mapping("temporal_modifiers")
    pattern = next(p for p in assets.patterns("dates") if p.name == "duration").regex.pattern
    group = re.search(r"\(\?P<mod>\(\?i:(.*?)\)\)", pattern).group(1)
    for alt in group.split("|"):
        assert alt.replace("\\s+", " ") in mods, alt
