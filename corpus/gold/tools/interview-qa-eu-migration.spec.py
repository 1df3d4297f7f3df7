# Gold annotation spec of corpus/interview-qa-eu-migration.md (blind set 3).
# Written from the text and docs/annotation.md only. DCT = 2025-10-09 (Thursday, ISO week 2025-W41).
# Holder of the recommendations in the answers: the interviewee, Ines Duarte (see the report).

SOURCE = "corpus/interview-qa-eu-migration.md"

DOCUMENT = {
    "title": "Interview: Ines Duarte on Europe's New Migration Pact",
    "authors": ["Marco Bellini"],  # 'Interview by Marco Bellini'
    "published": "2025-10-09",
    "series": None,
    "number": None,
    "key_points": [],
    "disclaimer": None,
}

EU = "European Union"
EPI = "European Policy Institute"
FRONTEX = "European Border and Coast Guard Agency"
EC = "European Commission"
CJEU = "Court of Justice of the European Union"
HOLDER = "Ines Duarte"

ENTITIES = [
    E("Ines Duarte", "PERSON", HOLDER),
    E("Duarte", "PERSON", HOLDER),
    E("Europe", "LOC", "Europe", note="continent (LOC); also inside the quoted 'a model for Europe'"),
    E("Marco Bellini", "PERSON", "Marco Bellini"),
    E(EU, "ORG", EU, note="a union of states: ORG like an alliance; the one inside the CJEU's name is dropped (flat rule)"),
    E("EU", "ORG", EU),
    E("Luxembourg", "GPE", "Luxembourg"),
    E("Pact on Migration and Asylum", "LAW", "Pact on Migration and Asylum",
      note="a pact is an agreement: LAW; the bare 'the Pact' later is the head of a legal instrument, not a name (3.4)"),
    E(EPI, "ORG", EPI),
    E("EPI", "ORG", EPI),
    E("Brussels", "GPE", "Brussels"),
    E("UNHCR", "ORG", "UNHCR", note="no long form written in the document"),
    E(FRONTEX, "ORG", FRONTEX),
    E("Frontex", "ORG", FRONTEX,
      note="short name paired in parentheses with the long form: canonical is the long form (3.4)"),
    E("Mediterranean", "LOC", "Mediterranean", note="also in 'the central Mediterranean route' (lower-case 'central')"),
    E(EC, "ORG", EC),
    E("Commission", "ORG", EC,
      note="capitalised head noun after exactly one earlier '... Commission' name (3.4)"),
    E("West Africa", "LOC", "West Africa"),
    E("Italian", "NORP", "Italian"),
    E("Albania", "GPE", "Albania", note="also as a modifier in 'the Albania centres'"),
    E("Italy", "GPE", "Italy"),
    E("Dutch", "NORP", "Dutch", note="'the Dutch': plural nationality noun"),
    E("Danes", "NORP", "Danes"),
    E("Uganda", "GPE", "Uganda"),
    E("Rwanda", "GPE", "Rwanda"),
    E("Rome", "GPE", "Rome"),
    E(CJEU, "ORG", CJEU),
    E("CJEU", "ORG", CJEU),
    E("Berlaymont", "FAC", "Berlaymont", note="named building"),
    E("Hungary", "GPE", "Hungary"),
    E("Poland", "GPE", "Poland"),
    E("Budapest", "GPE", "Budapest"),
    E("Greece", "GPE", "Greece"),
    E("Spain", "GPE", "Spain"),
    E("Council", "ORG", "Council",
      note="no earlier '... Council' name in the document: annotated as written (3.4)"),
    E("Germany", "GPE", "Germany"),
    E("Syrians", "NORP", "Syrians"),
    E("Afghans", "NORP", "Afghans"),
    E("Venezuelans", "NORP", "Venezuelans"),
    E("Calabria", "GPE", "Calabria", note="an Italian region (first-order administrative division): GPE"),
]

TITLES = [
    ("Ms", "Ms"),
]

DATES = [
    D("9 October 2025", "DATE", "2025-10-09", key="dct"),
    D(L("meet in Luxembourg next week", "next week"), "DATE", "2025-W42", "dct"),
    D("May 2024", "DATE", "2024-05"),
    D("June 2026", "DATE", "2026-06"),
    D(L("On Tuesday we spoke", "Tuesday"), "DATE", "2025-10-07", "dct"),
    D(L("more than a third last year", "last year"), "DATE", "2024", "dct"),
    D(L("crossed irregularly in 2024", "2024"), "DATE", "2024"),
    D(L("since 2021", "2021"), "DATE", "2021", mod="ON_OR_AFTER"),
    D(L("in the Mediterranean last year", "last year"), "DATE", "2024", "dct"),
    D("next June", "DATE", "2026-06", "dct"),
    D("up to seven days", "DURATION", "P7D", mod="EQUAL_OR_LESS"),
    D("up to twelve weeks", "DURATION", "P12W", mod="EQUAL_OR_LESS"),
    D("the next eight months", "DURATION", "P8M"),
    D(L("I urge ministers next week", "next week"), "DATE", "2025-W42", "dct"),
    D("more than a year", "DURATION", "P1Y", mod="MORE_THAN"),
    D(L("agreed in 2024", "2024"), "DATE", "2024"),
    D(L("review the numbers every year", "every year"), "SET", "P1Y"),
    D(L("next week's real test", "next week"), "DATE", "2025-W42", "dct"),
    D(L("in the EU last year", "last year"), "DATE", "2024", "dct"),
    D("almost a decade", "DURATION", "P10Y", mod="APPROX"),
    D(L("people every year", "every year"), "SET", "P1Y"),
    D(L("for a long time", "a long time"), "DURATION", "PXX", optional=True, note="vague duration (4.2)"),
    D("last spring", "DATE", "2025-SP", "dct", note="the most recent spring before the October DCT; TIMEX3 season value"),
]

QUOTES = [
    Q("indirect", "irregular border crossings into the EU fell by more than a third last year", [FRONTEX],
      [L("(Frontex) says", "Frontex")], L("(Frontex) says", "says"),
      note="speaker span: the naming mention nearest to the cue is the parenthesised 'Frontex' (5.3)"),
    Q("indirect", "more than 2,400 people died or went missing in the Mediterranean last year", ["UNHCR"],
      [L("UNHCR estimates", "UNHCR")], L("UNHCR estimates", "estimates")),
    Q("indirect", "numbers move with politics far from Europe: one coup in West Africa can reverse them", [EC],
      [L("as the European Commission itself", "European Commission")], L("itself has acknowledged", "acknowledged"),
      note="'As X has acknowledged, <clause>': the whole main clause to the end of the sentence (5.2)"),
    Q("partial", "a model for Europe", ["Italian government"],
      [L("The Italian government calls", "Italian government")], L("government calls its", "calls")),
    Q("scare", "return hubs", [], [], None),
    Q("partial", "the missing link", [EC], [L("The Commission likes to say", "Commission")],
      L("likes to say", "say"),
      note="cue: the reporting verb without 'likes to'; no enclosing indirect record (5.2)"),
    Q("indirect", "they will not take part", ["Hungary", "Poland"],
      [L("Hungary and Poland have said", "Hungary"), L("Hungary and Poland have said", "Poland")],
      L("Poland have said", "said")),
    Q("indirect", "public trust has been eroding for a long time, and it will not come back through slogans", [EPI],
      [L("Our research at EPI shows", "EPI")], L("at EPI shows", "shows"), optional=True,
      note="the interviewee citing her institute's research findings: reported position or her own assertion, either way"),
    Q("direct", "People here are not against refugees. They are against chaos.", ["mayor in Calabria"],
      [L("A mayor in Calabria told", "mayor in Calabria")], L("Calabria told me", "told")),
]

RECOMMENDATIONS = [
    R("Member states must use the next eight months to build reception capacity, not detention capacity, because screening centres that are not ready will simply become camps",
      W("must"), W("Member states"), W("use the next eight months to build reception capacity, not detention capacity"),
      HOLDER, "strong", note="reason clause in the span, not in the action"),
    R("Other governments should not copy a scheme that the courts keep striking down", W("should"),
      W("Other governments"), W("copy a scheme that the courts keep striking down"), HOLDER, "moderate", "dont"),
    R("If Rome wants the Albania centres to survive, it should wait for the Court of Justice of the European Union (CJEU) to rule",
      W("should"), W("Rome"), W("wait for the Court of Justice of the European Union (CJEU) to rule"), HOLDER, "moderate",
      note="conditional necessity: actor = antecedent of 'it' (6.1); the if-clause is in the span, not in the action"),
    R("The Commission must first publish the legal assessment behind the proposal", W("must"), W("Commission"),
      W("first publish the legal assessment behind the proposal"), HOLDER, "strong",
      note="the clause after ';' has no trigger and is left out"),
    R("Returns must be independently monitored", W("must"), None, W("be independently monitored"), HOLDER, "strong",
      note="agentless passive: actor null"),
    R("the Commission should fund UNHCR to do it", W("should"), W("Commission"), W("fund UNHCR to do it"),
      HOLDER, "moderate", note="second coordinated independent clause"),
    R("I urge ministers next week to reject any hub that is not independently monitored", W("urge"), W("ministers"),
      W("reject any hub that is not independently monitored"), HOLDER, "moderate"),
    R("Governments would do well to treat solidarity as an investment rather than a fine", W("would do well to"),
      W("Governments"), W("treat solidarity as an investment rather than a fine"), HOLDER, "weak"),
    R("Germany, which received roughly a quarter of all first-time asylum applications in the EU last year, should lead by example",
      W("should"), W("Germany"), W("lead by example"), HOLDER, "moderate",
      note="actor: the subject without its non-restrictive relative clause"),
    R("Politicians should listen to that", W("should"), W("Politicians"), W("listen to that"), HOLDER, "moderate"),
    R("The Pact should be judged by whether it restores both order and dignity, not by how many people it keeps out",
      W("should"), None, W("be judged by whether it restores both order and dignity, not by how many people it keeps out"),
      HOLDER, "moderate", note="agentless passive: actor null"),
]
# Not recommendations: 'Should other governments copy it?' and 'What should the Commission do?' (questions),
# 'I would be careful with that word' (no deontic trigger, about the interviewee herself), 'a solidarity pool will
# require other member states ...' (description of a legal rule), 'have asked the Commission for similar
# arrangements' (asking for something, not asking an actor to act), 'Greece and Spain ... will have to process
# every arrival' (obligation of circumstance), 'The Council agreed in 2024 to review' (commitment).

# ---------------------------------------------------------------- statistics
# Guidelines section 10. The answers are in Ines Duarte's voice (source Ines
# Duarte, 6.2); a figure she credits to someone else takes that source; the
# question's figure is credited to Frontex. Not statistics: "one coup" (a
# single unspecified item), "Three things" (the text's own list), "up to seven
# days", "up to twelve weeks", "the next eight months", "more than a year",
# "almost a decade" (durations).
DUARTE = "Ines Duarte"
STATISTICS = [
    S(L("irregular border crossings into the EU fell by more than a third last year", "more than a third"), 0.333, "fraction",
      measure=W("irregular border crossings into the EU"), subject="European Union", time=W("last year"),
      approx="MORE_THAN", comparison=Cmp("down", cue=W("fell"))),
    S(L("About 240,000 people crossed irregularly in 2024, the lowest figure since 2021", "About 240,000"), 240000, "people",
      measure=W("people"), time=W("2024"), source=DUARTE, approx="APPROX",
      comparison=Cmp("least", cue=W("lowest"))),
    S(L("more than 2,400 people died or went missing in the Mediterranean last year", "more than 2,400"), 2400, "people",
      measure=W("people"), subject="Mediterranean", time=W("last year"), approx="MORE_THAN"),
    S(L("countries with recognition rates below 20%", "below 20%"), 20, "percent",
      measure=W("recognition rates"), source=DUARTE, approx="LESS_THAN"),
    S(L("Italy has spent hundreds of millions of euros", "hundreds of millions of euros"), 1e8, "EUR",
      subject="Italy", source=DUARTE, approx="MORE_THAN", optional=True, note="vague multiple (10.2)"),
    S(L("on two centres that have held", "two"), 2, "centres", measure=W("centres"), subject="Italy", source=DUARTE),
    S(L("held only a few hundred people", "a few hundred"), 100, "people", measure=W("people"), source=DUARTE,
      approx="MORE_THAN", optional=True, note="vague multiple (10.2)"),
    S(L("only about a fifth of return decisions are carried out", "about a fifth"), 0.2, "fraction",
      measure=W("return decisions"), source=DUARTE, approx="APPROX"),
    S(L("Germany, which received roughly a quarter of all first-time asylum applications in the EU last year", "roughly a quarter"), 0.25, "fraction",
      measure=W("first-time asylum applications in the EU"), subject="Germany", time=W("last year"), source=DUARTE, approx="APPROX"),
    S(L("hundreds of thousands of people every year", "hundreds of thousands"), 1e5, "people",
      measure=W("people"), subject="Europe", time=W("every year"), source=DUARTE, approx="MORE_THAN",
      optional=True, note="vague multiple (10.2)"),
]
