"""Date rules that follow TimeML conventions (issue 11), each with near
misses: text -> every date with its type, value and mod. All texts are
invented for these tests."""

from __future__ import annotations

import pytest

# (text, DCT, [(span, type, value, mod), ...]): every date the text holds, in order
CASES = [
    # -- a duration anchored by later / earlier / on / from now / after an event is the TIMEX ------
    ("Flows through the pipeline returned to normal four days later, the operator said.", "2024-03-03",
     [("four days", "DURATION", "P4D", None)]),
    ("Almost seven years on, the reconstruction of the port is still unfinished.", "2024-03-03",
     [("Almost seven years", "DURATION", "P7Y", "APPROX")]),
    ("Eight years from now the treaty will expire unless parliament renews it.", "2024-03-03",
     [("Eight years", "DURATION", "P8Y", None)]),
    ("The second contingent arrived ten days after the arrival of the first one.", "2024-03-03",
     [("ten days", "DURATION", "P10D", None)]),
    # near miss: "ago" belongs to the TIMEX3, a DATE counted from the DCT
    ("Two years ago the council met in the capital for the first time.", "2024-03-03",
     [("Two years ago", "DATE", "2022", None)]),
    # near miss: "the day after" an event is a DATE resolved from the event's date
    ("Voters went to the polls on 3 May. The day after the vote, the prime minister resigned.", "2024-06-01",
     [("3 May", "DATE", "2024-05-03", None), ("The day after the vote", "DATE", "2024-05-04", None)]),
    # -- tense and aspect place a month name before or after the DCT -------------------------------
    ("Talks between the two governments will resume in June, the ministry said on its website.", "2025-01-15",
     [("June", "DATE", "2025-06", None)]),
    ("Talks between the two governments resumed in June, the ministry said on its website.", "2025-01-15",
     [("June", "DATE", "2024-06", None)]),
    # an untensed target date ("payable", "effective") is the nearest such date
    ("The board declared a dividend of five cents a share, payable Dec. 7 to holders of record.", "2024-11-02",
     [("Dec. 7", "DATE", "2024-12-07", None)]),
    # a weekday written with the date fixes the year
    ("The newspaper said in an editorial on Monday, Oct. 26, that the ruling was wrong.", "2026-10-25",
     [("Monday, Oct. 26", "DATE", "2026-10-26", None)]),
    # -- a date repeated in one document keeps its resolution --------------------------------------
    ("The summit is set for March 9 in the capital. Delegates said on Friday that on March 9 they will sign.", "2025-04-01",
     [("March 9", "DATE", "2026-03-09", None), ("Friday", "DATE", "2025-03-28", None), ("March 9", "DATE", "2026-03-09", None)]),
    # -- times of day with zones and their day --------------------------------------------------------
    ("The referendum polls close at 15:00 GMT Saturday and results are expected overnight.", "2025-04-01",
     [("15:00 GMT Saturday", "TIME", "2025-04-05T15:00", None)]),
    ("The kidnappers struck at 10 p.m. Wednesday and talks broke off at noon Thursday, police said.", "2025-04-04",
     [("10 p.m. Wednesday", "TIME", "2025-04-02T22:00", None), ("noon Thursday", "TIME", "2025-04-03T12:00", None)]),
    # -- terms of office -----------------------------------------------------------------------------
    ("The president began his second term with a cabinet reshuffle and new budget priorities.", "2025-04-01",
     [("his second term", "DURATION", "PXY", None)]),
    ("Reform of the civil service stalled during her tenure as minister of the interior.", "2025-04-01",
     [("her tenure", "DURATION", "PXY", None)]),
    # -- decades ---------------------------------------------------------------------------------------
    ("The banks should expand their grant windows for small islands over the next decade.", "2025-04-01",
     [("the next decade", "DURATION", "P10Y", None)]),
    ("Growth was slow in the 1990s, but the following decade brought a boom in exports.", "2025-04-01",
     [("the 1990s", "DATE", "199", None), ("the following decade", "DURATION", "P10Y", None)]),
    # near miss: without "the", "next decade" is the calendar decade
    ("Engineers expect the dam to be finished some time next decade, the minister said.", "2025-04-01",
     [("next decade", "DATE", "203", None)]),
    # -- quantities and counts ---------------------------------------------------------------------------
    ("The insurgency has lasted 20-plus years and shows no sign of ending soon.", "2025-04-01",
     [("20-plus years", "DURATION", "P20Y", "MORE_THAN")]),
    ("On the 99th day of the blockade, the first aid convoy reached the besieged town.", "2025-04-01",
     [("the 99th day", "DATE", "XXXX-XX-XX", None)]),
    ("Today is the eighth day of the strike at the country's largest port, unions said.", "2025-04-01",
     [("Today", "DATE", "2025-04-01", None), ("the eighth day", "DATE", "2025-04-01", None)]),
    ("Herders move their cattle to the highlands each season to find fresh pasture.", "2025-04-01",
     [("each season", "SET", "P3M", None)]),
    ("The ministry expects the deficit to narrow this fiscal year, after two years of growth.", "2025-04-01",
     [("this fiscal year", "DATE", "FY2025", None), ("two years", "DURATION", "P2Y", None)]),
    # -- reporting periods ---------------------------------------------------------------------------------
    ("The bank reported a third-quarter loss, compared with a profit of $4 million a year ago.", "1989-10-30",
     [("third-quarter", "DATE", "1989-Q3", None), ("a year ago", "DATE", "1988-Q3", None)]),
    ("The bank lost $5 million in the third quarter. In the year-ago quarter it earned $2 million.", "1989-10-30",
     [("the third quarter", "DATE", "1989-Q3", None), ("the year-ago quarter", "DATE", "1988-Q3", None)]),
    # near miss: no quarter in sight, "a year ago" is last year
    ("A year ago the council met in the capital to discuss the water-sharing plan.", "1989-10-30",
     [("A year ago", "DATE", "1988", None)]),
    # -- today: the DCT, or nowadays in a simple present statement --------------------------------------
    ("Helicopters are flying over the flooded valley today to look for stranded families.", "2025-04-01",
     [("today", "DATE", "2025-04-01", None)]),
    ("Not a single refinery operates in the province today, and none is planned.", "2025-04-01",
     [("today", "DATE", "PRESENT_REF", None)]),
    # near miss: a simple present statement about the day itself
    ("The deadline for the ceasefire proposal comes today, officials in the capital said.", "2025-04-01",
     [("today", "DATE", "2025-04-01", None)]),
    # -- spoken years, months with a year named by "last", recent past -------------------------------------
    ("The bombing in nineteen ninety-six changed the security of every stadium in the country.", "2025-04-01",
     [("nineteen ninety-six", "DATE", "1996", None)]),
    ("In June last year the remaining leaders fell out, and in January this year they split.", "1998-02-19",
     [("June last year", "DATE", "1997-06", None), ("January this year", "DATE", "1998-01", None)]),
    ("The company recently announced a merger with its largest rival in the region.", "2025-04-01",
     [("recently", "DATE", "PAST_REF", None)]),
    ("Relatives could not be reached Wednesday in their home town east of the capital.", "2000-01-06",
     [("Wednesday", "DATE", "2000-01-05", None)]),
    ("The court will hear the case the week of March 6, lawyers for the family said.", "2000-02-24",
     [("the week of March 6", "DATE", "2000-W10", None)]),
    ("The sale of the steel unit is expected to close around year end, the company said.", "1989-10-30",
     [("around year end", "DATE", "1989", "END")]),
    # a weekday in a passage about a day far from the DCT is the nearest such weekday to that day
    ("On 3 March 2019 protesters filled the square. On Tuesday the police cleared it by force.", "2025-11-17",
     [("3 March 2019", "DATE", "2019-03-03", None), ("Tuesday", "DATE", "2019-03-05", None)]),
    # -- a longer reporting period than the quarter: "year-earlier" is that period a year before, at year granularity
    ("Net rose in the third quarter. In the first nine months, the bank earned $5 million, compared with "
     "year-earlier net of $4 million.", "1989-10-30",
     [("the third quarter", "DATE", "1989-Q3", None), ("the first nine months", "DURATION", "P9M", None), ("year-earlier", "DATE", "1988", None)]),
    # near miss: a forecast period ("through the first two quarters of 1990") reports nothing
    ("Net rose in the third quarter. Weakness will last through the first two quarters of 1990. "
     "A year ago the bank earned $4 million.", "1989-10-30",
     [("the third quarter", "DATE", "1989-Q3", None), ("the first two quarters", "DURATION", "P6M", None),
      ("1990", "DATE", "1990", None), ("A year ago", "DATE", "1988-Q3", None)]),
    # -- "the quarter ended <day>" with no quarter named before: the calendar quarter holding most of it
    ("In the quarter ended July 31, the retailer earned $2 million.", "1989-10-30",
     [("the quarter", "DATE", "1989-Q2", None), ("July 31", "DATE", "1989-07-31", None)]),
    # near miss: a fiscal quarter the text named keeps its number
    ("The maker reported a profit for its fiscal first quarter. Sales for the quarter ended Sept. 29 rose 39%.", "1989-10-30",
     [("its fiscal first quarter", "DATE", "1989-Q1", None), ("the quarter", "DATE", "1989-Q1", None), ("Sept. 29", "DATE", "1989-09-29", None)]),
    # -- a bare weekday no tense places is the day the document gave that weekday
    ("Shares fell sharply on Thursday. Thursday's closing price was a record low.", "1989-10-30",
     [("Thursday", "DATE", "1989-10-26", None), ("Thursday", "DATE", "1989-10-26", None)]),
    # near miss: a tense places it on its own
    ("Shares fell sharply on Thursday. The board will meet on Thursday to discuss a sale.", "1989-10-30",
     [("Thursday", "DATE", "1989-10-26", None), ("Thursday", "DATE", "1989-11-02", None)]),
    # -- a deadline: "postponed until Tuesday" is ahead of the DCT
    ("Officials postponed until Tuesday morning any action on the permit.", "2000-03-30",
     [("Tuesday morning", "TIME", "2000-04-04TMO", None)]),
    # near misses: "not until", a past stretch of time
    ("It was not until Tuesday that the permit arrived, officials said.", "2000-03-30",
     [("Tuesday", "DATE", "2000-03-28", "ON_OR_BEFORE")]),
    ("The talks lasted until Tuesday, officials said.", "2000-03-30",
     [("Tuesday", "DATE", "2000-03-28", "ON_OR_BEFORE")]),
    # -- a date of a scheduled event ("the slated visit in September") is the nearest such date
    ("Officials had been talking about the slated visit of the trade minister in September.", "1998-08-26",
     [("September", "DATE", "1998-09", None)]),
    ("The trade minister visited the port in September.", "1998-08-26",
     [("September", "DATE", "1997-09", None)]),
    # -- a time of day with its day in a parenthesis's wake; a part of the day before "yesterday"
    ("The blast occurred at about 10:35 a.m. (0735 GMT) Friday, police said.", "1998-08-08",
     [("10:35 a.m.", "TIME", "1998-08-07T10:35", None), ("Friday", "DATE", "1998-08-07", None)]),
    ("Her message arrived at 11 p.m. (local time), during a power cut.", "1998-08-08",
     [("11 p.m.", "TIME", "1998-08-08T23:00", None)]),
    ("In London at mid-afternoon yesterday, the shares were up 2 pence.", "1989-11-02",
     [("mid-afternoon yesterday", "TIME", "1989-11-01TAF", "MID")]),
    # -- a time of day of a past event the text dated before, far from its day
    ("The doctor was killed on Oct. 23, 1998, at his home. Police have few leads. Neighbours heard nothing. "
     "The doctor was killed at 10 p.m. as he stood in the kitchen.", "1999-04-19",
     [("Oct. 23, 1998", "DATE", "1998-10-23", None), ("10 p.m.", "TIME", "1998-10-23T22:00", None)]),
    # near miss: a time in today's news is today's
    ("Talks resumed on Monday. Officials briefed the press. Reporters waited. Talks resumed at 10 a.m., officials said.", "1999-04-21",
     [("Monday", "DATE", "1999-04-19", None), ("10 a.m.", "TIME", "1999-04-21T10:00", None)]),
    # -- a weekday before a common noun dates it; before a name it is part of the name
    ("The Friday explosions at two embassies killed 200 people.", "1998-08-08",
     [("Friday", "DATE", "1998-08-07", None)]),
    ("The Monday Club published a pamphlet on the budget.", "1998-08-08", []),
    # -- a date word capitalised inside a sentence is a name; at the start of one it is a date
    ('Mr. Baker said on ABC\'s "This Week" that the talks had failed.', "1991-02-25", []),
    ('He said: "This week we will decide."', "1991-02-25", [("This week", "DATE", "1991-W09", None)]),
    ("The answer came a minute and a half later, the pilot said.", "1998-01-14",
     [("a minute and a half", "DURATION", "PT1M30S", None)]),
]


@pytest.mark.parametrize("text,dct,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_timeml_conventions(records_of, text, dct, expected):
    got = [(r["text"], r["timex_type"], r["value"], r["mod"]) for r in records_of(text, published=dct).get("date", [])]
    assert got == expected
