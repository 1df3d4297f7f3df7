# Gold annotation spec of corpus/mekong-talks-2024.txt (news report).
# Held-out document: annotated from the text and docs/annotation.md only,
# before any claimex output for it was looked at. Built by build_gold.py
# (L, W, E, D, Q, R come from there). Items are located by text, never by offset.

SOURCE = "corpus/mekong-talks-2024.txt"

DOCUMENT = {
    "title": "Mekong nations split over dam data as river hits record low",
    "authors": ["Linh Tran", "David Okoro"],
    "published": "2024-03-14",
    "series": None,
    "number": None,
    "key_points": [],
    "disclaimer": None,
}

# ---------------------------------------------------------------- entities

ENTITIES = [
    E("Linh Tran", "PERSON", "Linh Tran"),
    E("David Okoro", "PERSON", "David Okoro"),
    E("VIENTIANE", "GPE", "Vientiane", note="ALL-CAPS dateline city, canonical in normal case"),
    # places
    E("Mekong", "LOC", "Mekong",
      note="the river; inside 'Mekong River Commission (Secretariat)' and 'Mekong Agreement' it is part of the longer name (flat rule)"),
    E("Cambodia", "GPE", "Cambodia"),
    E("Vietnam", "GPE", "Vietnam"),
    E("Laos", "GPE", "Laos"),
    E("Hanoi", "GPE", "Hanoi"),
    E("China", "GPE", "China"),
    E("Myanmar", "GPE", "Myanmar"),
    E("Phnom Penh", "GPE", "Phnom Penh", note="'Phnom Penh-based': the hyphen and 'based' are outside the span"),
    E("Lancang", "LOC", "Lancang", note="the river's name in China: a named river is LOC"),
    E("Tonle Sap", "LOC", "Tonle Sap", note="'the Tonle Sap lake': lower-case 'lake' is not part of the name"),
    E("Xayaburi Dam", "FAC", "Xayaburi Dam"),
    # groups and organisations
    E("Lao", "NORP", "Lao"),
    E("Cambodian", "NORP", "Cambodian"),
    E("Thai", "NORP", "Thai"),
    E("Mekong River Commission", "ORG", "Mekong River Commission"),
    E("Mekong River Commission Secretariat", "ORG", "Mekong River Commission Secretariat",
      note="the Commission's secretariat named as one body: longest name wins, no nested ORG"),
    E("Living River Alliance", "ORG", "Living River Alliance"),
    E("Mekong Agreement", "LAW", "Mekong Agreement", note="'the 1995 Mekong Agreement': 1995 is a date, not part of the name"),
    # people
    E("Sok Vannak", "PERSON", "Sok Vannak"),
    E("Sok", "PERSON", "Sok Vannak", note="family name first: 'Sok' is the surname-only mention"),
    E("Phonsavanh Keomany", "PERSON", "Phonsavanh Keomany"),
    E("Nguyen Thi Hoa", "PERSON", "Nguyen Thi Hoa",
      note="'Vietnam's deputy minister ..., Nguyen Thi Hoa': the role is an appositive, not a title immediately preceding the name"),
    E("Somsak Inthavong", "PERSON", "Somsak Inthavong",
      note="'The commission's chief executive, Somsak Inthavong': appositive role, no title"),
    E("Ly Sopheap", "PERSON", "Ly Sopheap"),
]

TITLES = [
    ("Water Resources Minister", "Water Resources Minister"),
    ("Energy Minister", "Energy Minister"),
]

# ------------------------------------------------------------------- dates
# DCT = 2024-03-14, a Thursday (dateline "Published: March 14, 2024").
# Weekdays are the ones of the DCT week: Tuesday 2024-03-12, Wednesday 2024-03-13.

DATES = [
    D("March 14, 2024", "DATE", "2024-03-14", key="dct"),
    D("two days", "DURATION", "P2D"),
    D(L("capital on Wednesday", "Wednesday"), "DATE", "2024-03-13", "dct",
      note="past event in a report dated Thursday 2024-03-14: the day before"),
    D("more than six decades", "DURATION", "P60Y", mod="MORE_THAN"),
    D("daily", "SET", "P1D"),
    D("the past 15 years", "DURATION", "P15Y", note="'in the past 15 years': span without the preposition"),
    D(L("Dam before June", "June"), "DATE", "2024-06", "dct", mod="BEFORE",
      note="'before June': the preposition is the mod signal (4.4); the coming June of the DCT year"),
    D(L("said on Thursday", "Thursday"), "DATE", "2024-03-14", "dct", note="the DCT's own weekday"),
    D(L("the 1995 Mekong Agreement", "1995"), "DATE", "1995"),
    D("last year", "DATE", "2023", "dct"),
    D("last month", "DATE", "2024-02", "dct", key="lastmonth"),
    D(L("a year earlier", "a year"), "DURATION", "P1Y",
      note="a duration anchored by 'earlier': the duration alone (4.4)"),
    D("next year", "DATE", "2025", "dct"),
    D(L("on Tuesday", "Tuesday"), "DATE", "2024-03-12", "dct",
      note="the talks opened on Tuesday and ended on Wednesday (two days)"),
    # not dates: 'every', 'usually', 'once again', 'more than 60 dams', '11 large dams',
    # 'about 30 percent', 'the closing session'
]

# ------------------------------------------------------------------ quotes

SOK = L("Minister Sok Vannak told", "Sok Vannak")
SOK_TOLD = L("Sok Vannak told reporters", "told")
PHONSAVANH = L("Minister Phonsavanh Keomany said", "Phonsavanh Keomany")
PH_SAID = L('did," he said', "said")
LY = L("Ly Sopheap, a researcher", "Ly Sopheap")

QUOTES = [
    Q("indirect", "such reporting would expose commercially sensitive information",
      ["Laos"], [L("Laos, which has built", "Laos")], L("tributaries in the past 15 years, argued", "argued")),
    Q("indirect", "dam operators to report daily how much water they hold back and release",
      ["Cambodia", "Vietnam"], [L("Cambodia and Vietnam, whose", "Cambodia"), L("Cambodia and Vietnam, whose", "Vietnam")],
      L("had pressed for", "pressed for"), optional=True,
      note="reported pressing with a for-to complement and no content clause or quotation marks: a careful annotator could record it as indirect speech or not (the seed records no quote for 'asked the Japanese side to' beyond its quoted words)"),
    Q("direct", "We cannot manage a river we cannot see,", ["Sok Vannak"], [SOK], SOK_TOLD),
    Q("direct", 'Our farmers ask me why the water comes and goes like a tide, and I have no answer for them.\n\n"If the dams share their numbers, we can plan. If they do not, we are guessing.',
      ["Sok Vannak"], [SOK], SOK_TOLD,
      note="news-style continuation: the paragraph ends without a closing mark and the quote is reopened in the next paragraph; one quotation (one opening, one closing mark), so one record over both paragraphs (5.2)"),
    Q("indirect", "Laos to let the commission's engineers inspect the release gauges at the Xayaburi Dam before June",
      ["Sok Vannak"], [L("Sok urged", "Sok")], L("Sok urged", "urged"), optional=True,
      note="reported urging with an infinitival complement, no content clause or quotation marks: either way (see the 'pressed for' item); the recommendation itself is not optional"),
    Q("partial", "fully respects", ["Phonsavanh Keomany"], [PHONSAVANH], L("Keomany said on Thursday", "said"),
      note="partial quote inside reported speech: the enclosing that-clause is not annotated as indirect (5.2)"),
    Q("direct", "The dams did not make this drought. The lack of rain did,", ["Phonsavanh Keomany"], [PHONSAVANH], PH_SAID,
      note="pronoun 'he': speaker span is the naming mention (5.3)"),
    Q("direct", "Our neighbours should look at the sky before they look at our dams.", ["Phonsavanh Keomany"], [PHONSAVANH], PH_SAID,
      note="second quotation after the same reporting clause 'he said'"),
    Q("indirect", "rainfall across the lower basin was about 30 percent below average last year",
      ["Mekong River Commission Secretariat"],
      [L("According to the Mekong River Commission Secretariat", "Mekong River Commission Secretariat")],
      "According to"),
    Q("indirect", "her government would raise the issue again when leaders of the member states meet in Hanoi next year",
      ["Nguyen Thi Hoa"], [L("Nguyen Thi Hoa, said", "Nguyen Thi Hoa")], L("Nguyen Thi Hoa, said", "said")),
    Q("indirect", "all sides should settle the question through the commission's technical bodies rather than in public",
      ["Thai officials"], [L("Thai officials, who", "Thai officials")], L("dispute, said all sides", "said"),
      note="group speaker, not a named entity: written as in the text (5.3)"),
    Q("indirect", "member states needed to give the secretariat the power to verify what dam operators report",
      ["Somsak Inthavong"], [L("Somsak Inthavong, told", "Somsak Inthavong")], L("Somsak Inthavong, told", "told"),
      note="'told reporters on Tuesday, as the talks opened, that <clause>': content without the complementiser"),
    Q("partial", "once again stepped around the real question, which is who controls the river.",
      ["Ly Sopheap"], [LY], L("Living River Alliance, said", "said"),
      note="complement of 'said the talks had': partial; the period inside the marks is kept"),
    Q("direct", "Governments must stop treating the Mekong as a private pipeline,", ["Ly Sopheap"], [LY],
      L('pipeline," she said', "said"), note="pronoun 'she': speaker span is the naming mention (5.3)"),
    # not quotes: 'Its delegation made no public comment.'; the Tonle Sap catch figures
    # are stated by the reporters without attribution
]

# --------------------------------------------------------- recommendations

RECOMMENDATIONS = [
    R("Cambodia and Vietnam, whose fishermen and rice farmers depend on the river's seasonal floods, had pressed for dam operators to report daily how much water they hold back and release",
      W("pressed for"), W("dam operators"), W("report daily how much water they hold back and release"),
      "Cambodia; Vietnam", "moderate",
      note="'press for X to' is an urging verb like 'call on' (6.1); reported position of the two governments"),
    R("Sok urged Laos to let the commission's engineers inspect the release gauges at the Xayaburi Dam before June, when the rains usually return",
      W("urged"), W("Laos"),
      W("let the commission's engineers inspect the release gauges at the Xayaburi Dam before June"),
      "Sok Vannak", "moderate",
      note="the non-restrictive 'when the rains usually return' is the reporters' gloss on June, not part of the action"),
    R("Our neighbours should look at the sky before they look at our dams",
      W("should"), W("Our neighbours"), W("look at the sky before they look at our dams"),
      "Phonsavanh Keomany", "moderate", note="inside a direct quote: only the quoted words, final period excluded"),
    R("all sides should settle the question through the commission's technical bodies rather than in public",
      W("should"), W("all sides"), W("settle the question through the commission's technical bodies rather than in public"),
      "Thai officials", "moderate"),
    R("member states needed to give the secretariat the power to verify what dam operators report",
      W("needed to"), W("member states"), W("give the secretariat the power to verify what dam operators report"),
      "Somsak Inthavong", "moderate"),
    R("Governments must stop treating the Mekong as a private pipeline",
      W("must"), W("Governments"), W("treating the Mekong as a private pipeline"),
      "Ly Sopheap", "strong", polarity="dont",
      note="'stop X' asks the actor to leave X undone: action X, polarity 'dont' (6.2, settled after this gold was first written)"),
    # not recommendations: 'her government would raise the issue again' (a commitment),
    # 'If the dams share their numbers, we can plan' (no deontic trigger)
]

# ---------------------------------------------------------------- statistics
# Guidelines section 10. Not statistics: "the four member countries" (a
# definite count), "two days of talks", "more than six decades" (dates), "their
# lowest" (a superlative without a figure), "1995".
STATISTICS = [
    S(L("Laos, which has built more than 60 dams on the Mekong and its tributaries in the past 15 years", "more than 60"), 60, "dams",
      measure=W("dams"), subject="Laos", time=W("the past 15 years"), approx="MORE_THAN"),
    S(L("rainfall across the lower basin was about 30 percent below average last year", "about 30 percent"), 30, "percent",
      measure=W("rainfall across the lower basin"), time=W("last year"), approx="APPROX",
      comparison=Cmp("less", cue=W("below"))),
    S(L("Catches on the Tonle Sap lake in Cambodia fell by nearly half last month", "nearly half"), 0.5, "fraction",
      measure=W("Catches on the Tonle Sap lake"), subject="Tonle Sap", time=W("last month"), approx="APPROX",
      comparison=Cmp("down", cue=W("fell")),
      note="a new sentence after the 'According to' one: the author's (no source of its own)"),
    S(L("China, which operates 11 large dams", "11"), 11, "dams", measure=W("large dams"), subject="China"),
]
