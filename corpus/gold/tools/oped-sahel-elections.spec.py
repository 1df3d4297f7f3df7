# Gold annotation spec of corpus/oped-sahel-elections.md (first-person op-ed).
# Blind set: annotated from the text and docs/annotation.md only.
# DCT = 2025-11-17 (Monday; the date line under the byline).

SOURCE = "corpus/oped-sahel-elections.md"

DOCUMENT = {
    "title": "The Sahel's juntas are running out the clock, and we are letting them",
    "authors": ["Aminata Dembélé"],
    "published": "2025-11-17",
    "series": None,
    "number": None,
    "key_points": [],
    "disclaimer": None,
}

# ---------------------------------------------------------------- entities

ECOWAS = "Economic Community of West African States"

ENTITIES = [
    E("Sahel", "LOC", "Sahel"),
    E("Aminata Dembélé", "PERSON", "Aminata Dembélé"),
    E("Bamako", "GPE", "Bamako"),
    E("Mali", "GPE", "Mali"),
    E("Malians", "NORP", "Malians"),
    E("Malian", "NORP", "Malian"),
    E("Assimi Goïta", "PERSON", "Assimi Goïta"),
    E("Goïta", "PERSON", "Assimi Goïta"),
    E("Burkina Faso", "GPE", "Burkina Faso"),
    E("Ibrahim Traoré", "PERSON", "Ibrahim Traoré"),
    E("Niger", "GPE", "Niger"),
    E("Abdourahamane Tiani", "PERSON", "Abdourahamane Tiani"),
    E("Tiani", "PERSON", "Abdourahamane Tiani"),
    E("Mohamed Bazoum", "PERSON", "Mohamed Bazoum"),
    E(ECOWAS, "ORG", ECOWAS, note="no NORP 'West African' inside the name (flat rule)"),
    E("ECOWAS", "ORG", ECOWAS),
    E("African Union", "ORG", "African Union"),
    E("AU", "ORG", "African Union"),
    E("Alliance of Sahel States", "ORG", "Alliance of Sahel States", note="no LOC inside the name (flat rule)"),
    E("AES", "ORG", "Alliance of Sahel States"),
    E("Niamey", "GPE", "Niamey"),
    E("France", "GPE", "France"),
    E("Senegal", "GPE", "Senegal"),
    E("Constitutional Council", "ORG", "Constitutional Council"),
    E("Macky Sall", "PERSON", "Macky Sall"),
    E("Western", "NORP", "Western", optional=True,
      note="'Western donors': the West as a political grouping vs a general adjective (3.2 'Western-style'); borderline"),
    E("Paris", "GPE", "Paris"),
    E("French", "NORP", "French"),
    E("Macron", "PERSON", "Macron", note="name before 'government'; no fuller form in the document"),
    E("Peace and Security Council", "ORG", "Peace and Security Council"),
    E("Guinea", "GPE", "Guinea"),
    E("Ouagadougou", "GPE", "Ouagadougou"),
    E("Dakar", "GPE", "Dakar"),
]

TITLES = [
    ("Colonel", "Colonel"),
    ("Captain", "Captain"),
    ("General", "General"),
    ("President", "President"),
]

# ------------------------------------------------------------------- dates

DATES = [
    D("17 November 2025", "DATE", "2025-11-17", key="dct"),
    D("Last Tuesday", "DATE", "2025-11-11", "dct", key="tuesday", note="DCT is Monday 17 November 2025; the Tuesday before it"),
    D("11 p.m.", "TIME", "2025-11-11T23:00", "tuesday",
      note="time of day of the message received 'Last Tuesday': resolved from that date record"),
    D(L("a president in 2018", "2018"), "DATE", "2018"),
    D("August 2020", "DATE", "2020-08"),
    D(L("In July, Colonel", "July"), "DATE", "2025-07", "dct", note="partial date, past event of the DCT's year"),
    D("five-year", "DURATION", "P5Y"),
    D("60 months", "DURATION", "P60M"),
    D("May 2024", "DATE", "2024-05"),
    D("two years ago", "DATE", "2023", "dct", note="year offset -> year value"),
    D(L("in office for five years", "five years"), "DURATION", "P5Y"),
    D("the night of 26 July 2023", "TIME", "2023-07-26TNI", key="coup",
      note="part of day with a full date: one TIME expression"),
    D("The day after the coup", "DATE", "2023-07-27", "coup",
      note="event-anchored: the coup is dated by 'the night of 26 July 2023'"),
    D("January 2025", "DATE", "2025-01"),
    D(L("elections now would", "now"), "DATE", "PRESENT_REF"),
    D("more than a decade", "DURATION", "P10Y", mod="MORE_THAN"),
    D("every Friday", "SET", "XXXX-WXX-5"),
    D(L("stayed until 2022", "2022"), "DATE", "2022", mod="ON_OR_BEFORE",
      note="'until X' -> ON_OR_BEFORE (4.3)"),
    D("a long time", "DURATION", "PXX", optional=True, note="vague duration (4.2)"),
    D(L("showed last year", "last year"), "DATE", "2024", "dct"),
    D(L("the Sahel today", "today"), "DATE", "PRESENT_REF", note="'today' in the sense of nowadays"),
    D("next month", "DATE", "2025-12", "dct"),
]

# ------------------------------------------------------------------ quotes

QUOTES = [
    Q("direct", "When will I vote for the first time?",
      ["law student in Bamako"], [L("a law student in Bamako asked", "law student in Bamako")],
      L("in Bamako asked me", "asked")),
    Q("scare", L('the "transition" has become', "transition"), [], [], None),
    Q("indirect", "President Mohamed Bazoum had been removed",
      ["soldiers"], [L("when soldiers appeared", "soldiers")], L("to announce that", "announce")),
    Q("partial", "zero tolerance",
      [ECOWAS], [L("(ECOWAS), which once promised", "ECOWAS")], L("once promised", "promised"),
      note="speaker span: the mention nearest the cue (the acronym)"),
    Q("indirect", "Malians must first defeat the jihadists and only then vote",
      ["Assimi Goïta"], [L("Goïta has argued", "Goïta")], L("Goïta has argued", "argued")),
    Q("partial", "foreign powers",
      ["Abdourahamane Tiani"], [L("Tiani says elections", "Tiani")], L("Tiani says elections", "says"),
      note="partial quote inside reported speech: no indirect record for the enclosing clause (5.2)"),
    Q("indirect", "Security must come first",
      ["generals"], [L("the generals insist", "generals")], L("the generals insist", "insist"),
      note="content clause fronted before its reporting clause"),
    Q("scare", L('promises of "dialogue"', "dialogue"), [], [], None),
]

# --------------------------------------------------------- recommendations

RECOMMENDATIONS = [
    R("Malians must first defeat the jihadists and only then vote",
      W("must"), W("Malians"), W("first defeat the jihadists and only then vote"),
      "Assimi Goïta", "strong", note="inside 'Goïta has argued that'"),
    R("Security must come first",
      W("must"), None, W("come first"), "generals", "strong", optional=True,
      note="general requirement reported from the generals, not asked of an actor (6.3)"),
    R("First, the AU must set a public deadline for each transition and suspend all engagement with any junta that misses it",
      W("must"), W("AU"), W("set a public deadline for each transition and suspend all engagement with any junta that misses it"),
      "author", "strong"),
    R('Second, Western donors ought to tie budget support to a published electoral calendar, not to promises of "dialogue"',
      W("ought to"), W("Western donors"), W('tie budget support to a published electoral calendar, not to promises of "dialogue"'),
      "author", "moderate"),
    R("Third, Paris should not try to lead any of this",
      W("should not"), W("Paris"), W("try to lead any of this"), "author", "moderate", "dont",
      note="the colon clause that follows is the reason, an independent clause without trigger"),
    R("the Macron government would do well to stay quiet",
      W("would do well to"), W("Macron government"), W("stay quiet"), "author", "weak"),
    R("I urge the AU's Peace and Security Council to send observers to Guinea, which votes next month, and to say before the count what it will accept as a free election",
      W("urge"), W("AU's Peace and Security Council"),
      W("send observers to Guinea, which votes next month, and to say before the count what it will accept as a free election"),
      "author", "moderate"),
    R("It is time for ECOWAS to reopen talks with the AES on trade and free movement, whatever happens to the transitions",
      W("It is time"), W("ECOWAS"), W("reopen talks with the AES on trade and free movement"),
      "author", "moderate", note="concessive 'whatever ...' clause kept in the span, out of the action"),
]

# ---------------------------------------------------------------- statistics
# Guidelines section 10. Annotated before any statistic rule was written
# (held out while the extractor was developed on the other documents).
# This op-ed argues from dates, not figures: "She is 23" and "before she turns
# 30" are ages, "a renewable five-year presidential mandate", "by 60 months",
# "for five years" are durations, "all three countries" is a definite count,
# "zero tolerance" is a slogan: no statistic.
STATISTICS = []
