# Gold annotation spec of corpus/policy-brief-recommendations-pacific.md (blind set 5).
# Read with docs/annotation.md; built by build_gold.py. DCT = 2024-11-05.

SOURCE = "corpus/policy-brief-recommendations-pacific.md"

KP3 = "Australia should double its climate finance for the Pacific by 2030 and deliver at least half of it as grants rather than loans"

DOCUMENT = {
    "title": "Climate Finance That Reaches the Frontline: Priorities for Pacific Island States",
    "authors": ["Mele Tupou", "James Whitfield"],
    "published": "2024-11-05",
    "series": "Policy Brief",
    "number": "31",
    "key_points": [
        "Pacific island states need climate finance that is predictable, grant-based and delivered through their own systems.",
        "More than 40 per cent of Australia's climate finance to the region in FY2023-24 was delivered as loans.",
        KP3 + ".",
    ],
    "disclaimer": "The views expressed in this brief are those of the authors and should not be attributed to the Pacific Resilience Institute or its funders.",
}

PRI = "Pacific Resilience Institute"
PIF = "Pacific Islands Forum"
DFAT = "Department of Foreign Affairs and Trade"
GCF = "Green Climate Fund"
AIFFP = "Australian Infrastructure Financing Facility for the Pacific"
WHITLOCK_TITLE = "Minister for International Development and the Pacific"

ENTITIES = [
    E(PRI, "ORG", PRI),
    E("Mele Tupou", "PERSON", "Mele Tupou"),
    E("James Whitfield", "PERSON", "James Whitfield"),
    E("Pacific", "LOC", "Pacific",
      skip=[L(WHITLOCK_TITLE, "Pacific")],
      note="region name, also as a modifier ('Pacific island states'); not inside the portfolio of a title (3.1)"),
    E("Australia", "GPE", "Australia"),
    E("COP29", "EVENT", "COP29"),
    E("Baku", "GPE", "Baku"),
    E(PIF, "ORG", PIF),
    E("PIF", "ORG", PIF),
    E("Boe Declaration", "LAW", "Boe Declaration",
      note="a named declaration adopted by leaders: a legal/political instrument like an accord or charter (3.1)"),
    E(DFAT, "ORG", DFAT),
    E("DFAT", "ORG", DFAT),
    E("Canberra", "GPE", "Canberra", note="capital used for the government: still GPE"),
    E(GCF, "ORG", GCF),
    E("GCF", "ORG", GCF),
    E("Tuvalu", "GPE", "Tuvalu"),
    E("Kiribati", "GPE", "Kiribati"),
    E("Solomon Islands", "GPE", "Solomon Islands"),
    E("Tongan", "NORP", "Tongan"),
    E("Sione Havili", "PERSON", "Sione Havili"),
    E("Havili", "PERSON", "Sione Havili"),
    E("Nuku'alofa", "GPE", "Nuku'alofa"),
    E("Karen Whitlock", "PERSON", "Karen Whitlock"),
    E("Whitlock", "PERSON", "Karen Whitlock"),
    E(AIFFP, "ORG", AIFFP, note="one ORG; no NORP or LOC inside (flat rule)"),
    E("AIFFP", "ORG", AIFFP),
    E("Pacific Community", "ORG", "Pacific Community"),
    E("SPC", "ORG", "Pacific Community", note="acronym paired in parentheses (historical 'Secretariat of the Pacific Community')"),
    E("New Zealand", "GPE", "New Zealand"),
    E("Asian Development Bank", "ORG", "Asian Development Bank"),
    E("World Bank", "ORG", "World Bank"),
    E("Fiji", "GPE", "Fiji"),
    E("Vanuatu", "GPE", "Vanuatu"),
    E("US", "GPE", "US", optional=True,
      note="'US$500 million': currency prefix inside a money amount (OntoNotes MONEY, not annotated here); a GPE reading is possible"),
]

TITLES = [
    (WHITLOCK_TITLE, WHITLOCK_TITLE),
    ("Finance Minister", "Finance Minister"),
]

DATES = [
    D("5 November 2024", "DATE", "2024-11-05", key="dct", note="header date: the DCT"),
    D(L("region in FY2023-24 was", "FY2023-24"), "DATE", "FY2024",
      note="Australian fiscal year July 2023-June 2024; TIMEX2-style fiscal-year value named by its closing year"),
    D(L(KP3, "2030", n=0), "DATE", "2030", note="'by 2030': no mod"),
    D("every year", "SET", "P1Y"),
    D("next week", "DATE", "2024-W46", "dct", note="DCT 2024-11-05 is in 2024-W45"),
    D(L("Since 2018, when", "2018"), "DATE", "2018", mod="ON_OR_AFTER"),
    D(L("A$650 million in FY2023-24", "FY2023-24"), "DATE", "FY2024"),
    D(L("On current trends", "current"), "DATE", "PRESENT_REF", optional=True,
      note="'current' before a non-temporal noun (guidelines 4.2)"),
    D(L("between 2020 and 2025", "2020"), "DATE", "2020"),
    D(L("between 2020 and 2025", "2025"), "DATE", "2025"),
    D(L("since 2015", "2015"), "DATE", "2015", mod="ON_OR_AFTER"),
    D("three years or more", "DURATION", "P3Y", mod="EQUAL_OR_MORE",
      note="'X or more' = at least X"),
    D(L("Nuku'alofa in August", "August"), "DATE", "2024-08", "dct"),
    D(L("announced in September", "September"), "DATE", "2024-09", "dct"),
    D("mid-2025", "DATE", "2025", mod="MID"),
    D(L("Pacific by 2030 and deliver at least half of it as grants rather than loans, beginning", "2030"), "DATE", "2030"),
    D("FY2025-26", "DATE", "FY2026"),
    D("less than a year", "DURATION", "P1Y", mod="LESS_THAN"),
    D("the next decade", "DURATION", "P10Y",
      note="'over the next decade': 'over' is the governing preposition here (= during), not the MORE_THAN signal"),
    D(L("What is needed now", "now"), "DATE", "PRESENT_REF"),
    D(L("shown since 2018", "2018"), "DATE", "2018", mod="ON_OR_AFTER"),
]

QUOTES = [
    Q("indirect", "Australia's climate finance to the Pacific rose to A$650 million in FY2023-24",
      [DFAT], [L("according to the " + DFAT, DFAT)], L("FY2023-24, according to", "according to"),
      note="the 'but more than 40 per cent ...' clause is the author's, outside the reported content"),
    Q("direct", "We are drowning in paperwork before we drown in the sea. Donors must trust our own systems.",
      ["Sione Havili"], [L("Finance Minister Sione Havili told", "Sione Havili")], L("Sione Havili told", "told")),
    Q("indirect", "direct budget support is the most efficient channel for adaptation funding",
      ["Sione Havili"], [L("Havili has long argued", "Havili")], L("Havili has long argued", "argued")),
    Q("indirect", "Australia would open a dedicated climate window within the Australian Infrastructure Financing Facility for the Pacific (AIFFP)",
      ["Karen Whitlock"], [L("Karen Whitlock announced", "Karen Whitlock")], L("Karen Whitlock announced", "announced")),
    Q("indirect", "the window will be operational by mid-2025",
      ["Karen Whitlock"], [L("Whitlock has said", "Whitlock")], L("Whitlock has said", "said")),
    Q("scare", L("as \"climate finance\"", "climate finance"), [], [], None, note="'loans dressed up as \"climate finance\"': ironic label, nobody reported as saying it"),
]

RECOMMENDATIONS = [
    R(L(KP3, n=0), W("should"), W("Australia"),
      W("double its climate finance for the Pacific by 2030 and deliver at least half of it as grants rather than loans"),
      "author", "moderate", note="key point 3; twin of recommendation 1 in the list (6.4)"),
    R("Donors must trust our own systems", W("must"), W("Donors"), W("trust our own systems"),
      "Sione Havili", "strong", note="inside Havili's direct quote"),
    R("Australia should** double its climate finance for the Pacific by 2030 and deliver at least half of it as grants rather than loans, beginning with the FY2025-26 budget",
      W("should"), W("Australia"),
      W("double its climate finance for the Pacific by 2030 and deliver at least half of it as grants rather than loans, beginning with the FY2025-26 budget"),
      "author", "moderate",
      note="list item 1; span starts after the opening '**' and keeps the inner '**' (spans are contiguous)"),
    R("Pacific Islands Forum members must not** allow climate finance to add to unsustainable debt burdens",
      W("must"), W("Pacific Islands Forum members"), W("allow climate finance to add to unsustainable debt burdens"),
      "author", "strong", "dont", note="first of two independent clauses joined by a semicolon"),
    R("countries at high risk of debt distress should not take on new climate loans",
      W("should"), W("countries at high risk of debt distress"), W("take on new climate loans"),
      "author", "moderate", "dont"),
    R("Donors could consider** channelling a larger share of funds through national budgets and trusted regional bodies such as the Pacific Community (SPC), rather than through stand-alone projects",
      W("could consider"), W("Donors"),
      W("channelling a larger share of funds through national budgets and trusted regional bodies such as the Pacific Community (SPC), rather than through stand-alone projects"),
      "author", "weak"),
    R("The GCF needs to** shorten accreditation for small island states to less than a year and allow regional bodies to apply on their behalf",
      W("needs to"), W("GCF"),
      W("shorten accreditation for small island states to less than a year and allow regional bodies to apply on their behalf"),
      "author", "moderate"),
    R("New Zealand and Australia should refrain from** counting commercial-rate loans towards their climate finance targets",
      W("should"), W("New Zealand and Australia"), W("counting commercial-rate loans towards their climate finance targets"),
      "author", "moderate", "dont", note="'should refrain from X': dont, action X (6.2)"),
    R("The Asian Development Bank and the World Bank would do well to** expand their grant-only windows for the Pacific over the next decade",
      W("would do well to"), W("Asian Development Bank and the World Bank"),
      W("expand their grant-only windows for the Pacific over the next decade"),
      "author", "weak"),
]

# ---------------------------------------------------------------- statistics
# Guidelines section 10. A key point that repeats a figure of the body, and a
# recommendation that repeats a key point, are annotated each time (10.6).
# Not statistics: "double its climate finance" (a change verb), "counted twice",
# "three years or more", "less than a year", "over the next decade" (dates),
# "the single greatest threat", "COP29", "No. 31", the list numbers "1."-"6.".
STATISTICS = [
    S(L("More than 40 per cent of Australia's climate finance to the region in FY2023-24", "More than 40 per cent"), 40, "percent",
      measure=W("climate finance to the region"), subject="Australia", time=W("FY2023-24"), approx="MORE_THAN"),
    S(L("- Australia should double its climate finance for the Pacific by 2030 and deliver at least half of it", "at least half"), 0.5, "fraction",
      measure=W("climate finance for the Pacific"), subject="Australia", approx="EQUAL_OR_MORE",
      note="'half of it': the measure is the antecedent of 'it'; 'by 2030' belongs to 'double'"),
    S(L("produce less than 0.03 per cent of global greenhouse gas emissions", "less than 0.03 per cent"), 0.03, "percent",
      measure=W("global greenhouse gas emissions"), subject="Pacific", approx="LESS_THAN",
      note="subject: the name in the clause subject 'Pacific island states'"),
    S(L("cost the region an estimated 3 to 5 per cent of GDP every year", "an estimated 3 to 5 per cent"), (3, 5), "percent",
      measure=W("GDP"), time=W("every year"), approx="APPROX"),
    S(L("Australia's climate finance to the Pacific rose to A$650 million in FY2023-24", "A$650 million"), 6.5e8, "AUD",
      measure=W("climate finance to the Pacific"), subject="Australia", time=W("FY2023-24"),
      comparison=Cmp("up", cue=W("rose"))),
    S(L("Australia's climate finance to the Pacific rose to A$650 million in FY2023-24, according to the Department of Foreign Affairs and Trade (DFAT), but more than 40 per cent of it",
        "more than 40 per cent"), 40, "percent",
      measure=W("climate finance to the Pacific"), subject="Australia", approx="MORE_THAN",
      note="after the 'according to' frame: the author's; the measure is the antecedent of 'it'"),
    S(L("Canberra's pledge of A$3 billion between 2020 and 2025", "A$3 billion"), 3e9, "AUD",
      measure=W("pledge"), subject="Canberra", time=W("2020"), note="a period 'between X and Y': time X"),
    S(L("has approved projects worth more than US$500 million for the region since 2015", "more than US$500 million"), 5e8, "USD",
      measure=W("projects"), subject="Green Climate Fund", time=W("2015"), approx="MORE_THAN"),
    S(L("1. **Australia should** double its climate finance for the Pacific by 2030 and deliver at least half of it as grants rather than loans, beginning with the FY2025-26 budget", "at least half"), 0.5, "fraction",
      measure=W("climate finance for the Pacific"), subject="Australia", time=W("FY2025-26"), approx="EQUAL_OR_MORE",
      note="time: 'beginning with the FY2025-26 budget' is in its clause (the key point has no such date)"),
]
