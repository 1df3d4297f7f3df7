# Gold annotation spec of corpus/oped-greenland-minerals.md (op-ed / policy brief).
# Held-out document: annotated from the text and docs/annotation.md only,
# before any claimex output for it was looked at. Built by build_gold.py
# (L, W, E, D, Q, R come from there). Items are located by text, never by offset.

SOURCE = "corpus/oped-greenland-minerals.md"

COPENHAGEN = "Copenhagen must not use its control of foreign policy to slow Greenland's own trade diplomacy"

DOCUMENT = {
    "title": "Greenland's Minerals: Europe Needs a Partnership, Not a Shopping List",
    "authors": ["Ingrid Halvorsen"],
    "published": "2024-05-06",
    "series": None,
    "number": None,
    "key_points": [
        "Greenlanders have settled the uranium question at the ballot box, and Brussels should stop treating it as open.",
        "The EU needs to finance roads, ports and power lines in Greenland, not only sign offtake agreements.",
        L("- " + COPENHAGEN + ".", COPENHAGEN + "."),
    ],
    "disclaimer": None,
}

# ---------------------------------------------------------------- entities

ENTITIES = [
    # byline and bio
    E("Ingrid Halvorsen", "PERSON", "Ingrid Halvorsen"),
    E("Nordic Arctic Policy Institute", "ORG", "Nordic Arctic Policy Institute",
      note="no LOC 'Arctic' inside the institute name (flat rule)"),
    E("Tromsø", "GPE", "Tromsø"),
    # places
    E("Greenland", "GPE", "Greenland", note="also in the title and as possessive 'Greenland's' (span without 's)"),
    E("Europe", "LOC", "Europe", note="the continent, also where it stands for European governments"),
    E("Brussels", "GPE", "Brussels"),
    E("Copenhagen", "GPE", "Copenhagen"),
    E("Nuuk", "GPE", "Nuuk"),
    E("China", "GPE", "China"),
    E("Denmark", "GPE", "Denmark"),
    E("United States", "GPE", "United States"),
    E("Kvanefjeld", "LOC", "Kvanefjeld", note="named deposit / plateau in south Greenland"),
    E("Tanbreez", "LOC", "Tanbreez", note="'the Kvanefjeld and Tanbreez sites': named deposit, same type as Kvanefjeld"),
    E("Arctic", "LOC", "Arctic", note="region name as a modifier ('Arctic lending window') is a mention (3.1)"),
    # groups
    E("Greenlanders", "NORP", "Greenlanders"),
    E("Greenlandic", "NORP", "Greenlandic"),
    E("European", "NORP", "European", note="'European companies', 'European ones'; inside the EU body names it is part of the ORG"),
    E("Chinese", "NORP", "Chinese", note="also 'Chinese-backed' (hyphen compound split, 3.3)"),
    E("Danish", "NORP", "Danish"),
    # organisations
    E("Inatsisartut", "ORG", "Inatsisartut"),
    E("EU", "ORG", "European Union", note="'European Union' occurs in the document (3.4)"),
    E("European Union", "ORG", "European Union"),
    E("European Raw Materials Alliance", "ORG", "European Raw Materials Alliance"),
    E("ERMA", "ORG", "European Raw Materials Alliance", note="acronym paired in parentheses with the long form (3.4)"),
    E("European Investment Bank", "ORG", "European Investment Bank"),
    E("European Commission", "ORG", "European Commission"),
    E("Politiken", "ORG", "Politiken", note="a newspaper (company), as an ORG"),
    # people
    E("Naja Kleist", "PERSON", "Naja Kleist"),
    E("Kleist", "PERSON", "Naja Kleist"),
    E("Paolo Ventresca", "PERSON", "Paolo Ventresca", note="'EU Commissioner Paolo Ventresca': EU is an ORG mention, title 'Commissioner'"),
]

TITLES = [
    ("Minister for Mineral Resources", "Minister for Mineral Resources"),
    ("Commissioner", "Commissioner"),
]

# ------------------------------------------------------------------- dates
# DCT = 2024-05-06 (the "Date:" line). 14 April 2024 is a Sunday (ISO week 15).

DATES = [
    D(L("Date: 2024-05-06", "2024-05-06"), "DATE", "2024-05-06", key="dct"),
    D("more than a decade", "DURATION", "P10Y", mod="MORE_THAN"),
    D(L("in Greenland today", "today"), "DATE", "PRESENT_REF", note="'today' in the sense of nowadays (4.2)"),
    D(L("since 2015", "2015"), "DATE", "2015", mod="ON_OR_AFTER"),
    D("14 April", "DATE", "2024-04-14", "dct", key="referendum",
      note="past event in a piece of May 2024: the DCT year"),
    D(L("adopted in 2021", "2021"), "DATE", "2021"),
    D("The week after the referendum", "DATE", "2024-W16", "referendum",
      note="event-anchored (4.4): the referendum is dated 14 April 2024 (ISO week 15); a week offset gives a week value"),
    D("November 2023", "DATE", "2023-11"),
    D("last month", "DATE", "2024-04", "dct"),
    D("about three years", "DURATION", "P3Y", mod="APPROX"),
    D(L("projects in 2018", "2018"), "DATE", "2018"),
    D(L("Politiken in March", "March"), "DATE", "2024-03", "dct", note="past event of the DCT year"),
    D(L("in Nuuk in September", "September"), "DATE", "2024-09", "dct", note="future event ('are due to open'): the coming September of the DCT year"),
    D("the years ahead", "DATE", "FUTURE_REF"),
    # not dates: 'so far', 'before' (adverb), 'in the first place', 'the second phase',
    # 'long grace periods', '58 to 42 percent', 'a dozen projects'
]

# ------------------------------------------------------------------ quotes

KLEIST_FULL = L("Resources Naja Kleist told", "Naja Kleist")

QUOTES = [
    Q("partial", "respect the people's answer in full", ["Naja Kleist"], [KLEIST_FULL],
      L("Naja Kleist told the Inatsisartut", "told"),
      note="partial quote inside reported speech: the enclosing that-clause is not annotated as indirect (5.2)"),
    Q("scare", "shopping list", [], [], None, note="the author's label; nobody is reported as saying it"),
    Q("partial", "a lot of paper and very little steel.", ["Naja Kleist"], [L("what Kleist calls", "Kleist")],
      L("what Kleist calls", "calls"), note="object of 'calls': partial; period inside the marks kept"),
    Q("partial", "a partner that stays, not a customer that shops", ["Paolo Ventresca"],
      [L("Commissioner Paolo Ventresca insisted", "Paolo Ventresca")], L("Ventresca insisted", "insisted"),
      note="inside reported speech 'insisted ... that Europe wanted to be': only the marked words"),
    Q("indirect", "Chinese investment on the island poses a security risk to Denmark and its allies",
      ["Danish officials"], [L("Danish officials have argued", "Danish officials")],
      L("Danish officials have argued", "argued"),
      note="group speaker written as in the text (5.3); the US clause that follows ('has made the same point') has no content clause"),
    Q("direct", "Europe has to decide whether it wants a partner or a quarry.", ["Naja Kleist"],
      [L("Kleist told the Danish daily", "Kleist")], L("Kleist told the Danish daily", "told")),
]

# --------------------------------------------------------- recommendations

RECOMMENDATIONS = [
    R("Brussels should stop treating it as open", W("should"), W("Brussels"), W("treating it as open"),
      "author", "moderate", polarity="dont",
      note="key point 1: of the two coordinated clauses only the one with the trigger (6.2)"),
    R("The EU needs to finance roads, ports and power lines in Greenland, not only sign offtake agreements",
      W("needs to"), W("EU"), W("finance roads, ports and power lines in Greenland, not only sign offtake agreements"),
      "author", "moderate", note="key point 2 (the body sentence 'First, the EU needs to ...' is worded differently)"),
    R(L(COPENHAGEN, n=0), W("must"), W("Copenhagen"),
      W("use its control of foreign policy to slow Greenland's own trade diplomacy"),
      "author", "strong", "dont", note="key point 3; repeated in the body (6.4)"),
    R("First, the EU needs to finance the infrastructure that makes mining possible in the first place: roads, deep-water ports and hydropower",
      W("needs to"), W("EU"),
      W("finance the infrastructure that makes mining possible in the first place: roads, deep-water ports and hydropower"),
      "author", "moderate"),
    R("The European Investment Bank could consider opening a dedicated Arctic lending window with long grace periods",
      W("could consider"), W("European Investment Bank"),
      W("opening a dedicated Arctic lending window with long grace periods"), "author", "weak"),
    R("Second, it is time for European companies to put equity, not just letters of intent, into Greenlandic projects",
      W("it is time"), W("European companies"),
      W("put equity, not just letters of intent, into Greenlandic projects"), "author", "moderate"),
    R("Third, " + COPENHAGEN, W("must"), W("Copenhagen"),
      W("use its control of foreign policy to slow Greenland's own trade diplomacy"),
      "author", "strong", "dont", note="body twin of key point 3"),
    R("Europe has to decide whether it wants a partner or a quarry", W("has to"), W("Europe"),
      W("decide whether it wants a partner or a quarry"), "Naja Kleist", "strong",
      note="inside Kleist's direct quote"),
    R("I urge the European Commission to turn its new office in Nuuk into a full delegation with its own budget before those talks begin",
      W("urge"), W("European Commission"),
      W("turn its new office in Nuuk into a full delegation with its own budget before those talks begin"),
      "author", "moderate"),
    R("Greenland's leaders, for their part, need to publish a permitting timetable that investors can rely on",
      W("need to"), W("Greenland's leaders"), W("publish a permitting timetable that investors can rely on"),
      "author", "moderate"),
    # not recommendations (6.3): 'What Brussels can and should do' (nominal), 'Should Europe
    # simply match every Chinese offer?' (question), 'It must have been galling' (epistemic),
    # 'Denmark should have offered' (past criticism), 'Should the talks fail' (conditional
    # inversion), 'it would like to see developed' (wish), 'her government would "respect
    # ..."' (commitment), 'Europe wanted to be "..."' (wish), 'private investors will not
    # also pay' (prediction)
]

# ---------------------------------------------------------------- statistics
# Guidelines section 10. "By 58 to 42 percent" is a result (58 > 42), not a
# range: two statistics sharing the unit. Not statistics: "not a single
# rare-earth mine", "a single site" (no numeral), "more than a decade", "about
# three years" (durations), "First", "second phase".
STATISTICS = [
    S(L("By 58 to 42 percent, Greenlanders voted", "58"), 58, "percent", measure=W("voted"), subject="Greenlanders",
      note="measure: the vote, named by its verb; the referendum's date is in the previous sentence"),
    S(L("By 58 to 42 percent, Greenlanders voted", "42 percent"), 42, "percent", measure=W("voted"), subject="Greenlanders"),
    S(L("has identified a dozen projects", "a dozen"), 12, "projects", measure=W("projects"), subject="European Union",
      note="subject: the clause subject 'The European Union'"),
]
