# Gold annotation spec of corpus/cass-118.md (CASS Commentary No. 118).
# Held-out document: annotated from the text and docs/annotation.md only,
# before any claimex output for it was looked at. Built by build_gold.py
# (L, W, E, D, Q, R come from there). Items are located by text, never by offset.

SOURCE = "corpus/cass-118.md"

PAGE_BREAK = "\n\n \n"

DOCUMENT = {
    "title": "The Gulf of Guinea after the Piracy Peak",
    "authors": ["Adaeze Okafor", "Tiago Mendes"],
    "published": "2023-06-21",
    "series": "CASS Commentary",
    "number": "118",
    "key_points": [
        "Attacks on shipping in the Gulf of Guinea have fallen since 2021, but the networks behind them remain intact and are moving into oil theft and illegal fishing.",
        "The Yaoundé Code of Conduct is the right framework, yet the centres it created lack money, staff and shared data.",
        "Coastal states and their European partners should turn temporary naval deployments into a permanent, regionally owned capacity.",
    ],
    "disclaimer": "The views expressed in this commentary are those of the authors and do not necessarily reflect the position of the Centre for Atlantic Security Studies (CASS).",
}

# ---------------------------------------------------------------- entities

CASS = "Centre for Atlantic Security Studies"

ENTITIES = [
    # header block, byline, disclaimer, bio
    E("CASS", "ORG", CASS, optional=True, skip=[L("Studies (CASS)", "CASS")],
      note="acronym of the Centre inside the series name 'CASS Commentary' (guidelines 3.6); long form from the pair in the disclaimer"),
    E("CASS", "ORG", CASS, skip=[L("*CASS Commentary*", "CASS")],
      note="acronym paired with the long form in the disclaimer: canonical is the long form (3.4)"),
    E("CENTRE FOR ATLANTIC  \nSECURITY STUDIES", "ORG", CASS,
      note="ALL-CAPS header name wrapped over two lines: one span with the line break, canonical in normal case"),
    E(CASS, "ORG", CASS),
    E("GULF OF GUINEA", "LOC", "Gulf of Guinea", note="in the ALL-CAPS title"),
    E("Adaeze Okafor", "PERSON", "Adaeze Okafor"),
    E("Tiago Mendes", "PERSON", "Tiago Mendes"),
    E("Maritime Programme", "ORG", "Maritime Programme", optional=True,
      note="named sub-unit of the Centre in the author bio (guidelines 3.6)"),
    # places
    E("Gulf of Guinea", "LOC", "Gulf of Guinea"),
    E("Gulf", "LOC", "Gulf of Guinea", note="'the Gulf' short form; canonical is the fullest form used (3.4)"),
    E("London", "GPE", "London"),
    E("Lagos", "GPE", "Lagos"),
    E("Lomé", "GPE", "Lomé"),
    E("Denmark", "GPE", "Denmark"),
    E("Niger Delta", "LOC", "Niger Delta"),
    E("Delta", "LOC", "Niger Delta", note="'the Delta' short form of the Niger Delta"),
    E("Yaoundé", "GPE", "Yaoundé", note="the city (seat of the centre); inside 'Yaoundé Code of Conduct' it is part of the LAW (flat rule)"),
    E("Abuja", "GPE", "Abuja"),
    E("Senegal", "GPE", "Senegal"),
    E("Angola", "GPE", "Angola"),
    E("Nigeria", "GPE", "Nigeria"),
    E("Baltic Sea", "LOC", "Baltic Sea"),
    E("Indo-Pacific", "LOC", "Indo-Pacific"),
    # groups and organisations
    E("European", "NORP", "European"),
    E("African", "NORP", "African"),
    E("International Maritime Bureau", "ORG", "International Maritime Bureau"),
    E("IMB", "ORG", "International Maritime Bureau"),
    E("Nigerian Navy", "ORG", "Nigerian Navy",
      note="nationality adjective + capitalised institution name: one ORG (3.3)"),
    E("Deep Blue Project", "ORG", "Deep Blue Project", optional=True,
      note="named security programme: a proper name, but no clear OntoNotes type (ORG as the programme's organisation, or no entity); genuinely borderline"),
    E("EU", "ORG", "European Union", note="'European Union' occurs later in the document (3.4)"),
    E("European Union", "ORG", "European Union"),
    E("Interregional Coordination Centre", "ORG", "Interregional Coordination Centre"),
    # people
    E("Kwame Asante-Boateng", "PERSON", "Kwame Asante-Boateng"),
    E("Asante-Boateng", "PERSON", "Kwame Asante-Boateng",
      note="a hyphenated surname is one name, not a compound of two names (3.3 splits compounds of different entities)"),
    # laws
    E("Yaoundé Code of Conduct", "LAW", "Yaoundé Code of Conduct"),
    E("Suppression of Piracy and Other Maritime Offences Act", "LAW",
      "Suppression of Piracy and Other Maritime Offences Act",
      note="'Nigeria's 2019 ...': Nigeria is a GPE, 2019 a date, the law name starts at Suppression"),
]

TITLES = [
    ("Rear Admiral", "Rear Admiral"),
]

# ------------------------------------------------------------------- dates
# DCT = 2023-06-21 (header date).

DATES = [
    D("21 June 2023", "DATE", "2023-06-21", key="dct"),
    D(L("have fallen since 2021", "2021"), "DATE", "2021", mod="ON_OR_AFTER",
      note="'since 2021': span without the preposition, which is the mod signal (4.4)"),
    D("Three years ago", "DATE", "2020", "dct", note="deictic: DCT year 2023 minus three"),
    D(L("in the region in 2020", "2020"), "DATE", "2020"),
    D(L("in the Gulf in 2022", "2022"), "DATE", "2022"),
    D("the first quarter of this year", "DATE", "2023-Q1", "dct"),
    D("June 2021", "DATE", "2021-06"),
    D("early 2021", "DATE", "2021", mod="START"),
    D("about five months", "DURATION", "P5M", mod="APPROX"),
    D("late 2021", "DATE", "2021", mod="END"),
    D(L("in Abuja last month", "last month"), "DATE", "2023-05", "dct"),
    D(L("signed in 2013", "2013"), "DATE", "2013", key="code"),
    D(L("Ten years later", "Ten years"), "DURATION", "P10Y",
      note="a duration anchored by 'later': the duration alone (4.4)"),
    D("about two years", "DURATION", "P2Y", mod="APPROX"),
    D(L("Nigeria's 2019 Suppression", "2019"), "DATE", "2019", note="date embedded in a name phrase, annotated alone (4.4)"),
    # not dates: 'in real time', 'after the fact', 'multi-year', 'in the first place',
    # 'the next wave', '130', '19 incidents', '25 countries'
]

# ------------------------------------------------------------------ quotes

KAB = L("Rear Admiral Kwame Asante-Boateng", "Kwame Asante-Boateng")

QUOTES = [
    Q("indirect", "130 crew members were kidnapped in the region in 2020, out of 135 worldwide",
      ["International Maritime Bureau"],
      [L("According to the International Maritime Bureau", "International Maritime Bureau")],
      L("According to the International", "According to"),
      note="fronted 'According to X, <clause>': the content is the main clause to the end of the sentence"),
    Q("direct", "We have pushed the pirates back, but we have not taken away their business,",
      ["Kwame Asante-Boateng"], [KAB], L("told a security conference", "told"),
      note="quotation followed by the reporting clause: direct; comma inside the marks kept (5.2)"),
    Q("indirect", "the gangs had moved into the theft of crude oil and refined fuel, which is harder to detect from a patrol boat and often enjoys protection on shore",
      ["Kwame Asante-Boateng"], [KAB], L("He warned that", "warned"),
      note="pronoun subject 'He': speaker span is the naming mention it refers to (5.3)"),
    Q("scare", "bunkering", [], [], None,
      note="a local term in quotation marks that nobody is reported as saying"),
    Q("indirect", "coastal states should share radar and patrol data in real time rather than by email after the fact",
      ["Kwame Asante-Boateng"], [L("Asante-Boateng argued", "Asante-Boateng")],
      L("Asante-Boateng argued", "argued")),
]

# --------------------------------------------------------- recommendations

RECOMMENDATIONS = [
    R("Coastal states and their European partners should turn temporary naval deployments into a permanent, regionally owned capacity",
      W("should"), W("Coastal states and their European partners"),
      W("turn temporary naval deployments into a permanent, regionally owned capacity"),
      "author", "moderate", note="key point 3 (no identical body twin)"),
    R("coastal states should share radar and patrol data in real time rather than by email after the fact",
      W("should"), W("coastal states"),
      W("share radar and patrol data in real time rather than by email after the fact"),
      "Kwame Asante-Boateng", "moderate", note="inside 'Asante-Boateng argued that'"),
    R("First, coastal governments must commit their own budgets to the network, so that it no longer depends on the goodwill of donors",
      W("must"), W("coastal governments"), W("commit their own budgets to the network"),
      "author", "strong", note="the purpose clause 'so that ...' is in the span but not in the action"),
    R("Second, the European Union should move from short projects to multi-year funding for joint patrols, including a shared pool of vessels that zonal centres can" + PAGE_BREAK + "deploy across national boundaries",
      W("should"), W("European Union"),
      W("move from short projects to multi-year funding for joint patrols, including a shared pool of vessels that zonal centres can" + PAGE_BREAK + "deploy across national boundaries"),
      "author", "moderate", note="the sentence crosses the PDF page break: span and action keep the break characters (1)"),
    R("Third, Nigeria and its neighbours need to make prosecutions routine",
      W("need to"), W("Nigeria and its neighbours"), W("make prosecutions routine"),
      "author", "moderate", note="the clause after the colon is an elaboration, not part of the recommendation clause"),
    R("Partners should not wait for the next wave of kidnappings to rediscover the Gulf of Guinea",
      W("should"), W("Partners"), W("wait for the next wave of kidnappings to rediscover the Gulf of Guinea"),
      "author", "moderate", "dont"),
    # not recommendations: the disclaimer ('do not necessarily reflect'), 'Three steps
    # would help', 'the temptation to declare victory is strong', 'a lull in attacks is
    # when lasting capacity is cheapest to build'
]

# ---------------------------------------------------------------- statistics
# Guidelines section 10. Not statistics: "almost every kidnapping" (no
# number), "the first quarter", "about five months", "Ten years later",
# "about two years" (dates), "Three steps" (the text's own list), "first
# convictions" (ordinal), "few other states" (no number).
STATISTICS = [
    S(L("130 crew members were kidnapped in the region in 2020, out of 135 worldwide", "130"), 130, "people",
      measure=W("crew members"), time=W("2020"),
      note="'in the region' is a description of the Gulf, not a named mention: subject null"),
    S(L("130 crew members were kidnapped in the region in 2020, out of 135 worldwide", "135"), 135, "people",
      measure=W("crew members"), time=W("2020"), note="elliptical: the measure of the figure it completes"),
    S(L("There were 19 incidents in the Gulf in 2022", "19"), 19, "incidents",
      measure=W("incidents"), subject="Gulf of Guinea", time=W("2022")),
    S(L("signed in 2013 by 25 countries", "25"), 25, "countries",
      measure=W("countries"), subject="Yaoundé Code of Conduct", time=W("2013")),
]
