# Gold annotation spec of corpus/rusi-commentary-baltic.md (blind set 3).
# Written from the text and docs/annotation.md only. DCT = 2025-03-06 (Thursday, ISO week 2025-W10).

SOURCE = "corpus/rusi-commentary-baltic.md"

DOCUMENT = {
    "title": "Cutting the Cord: How Allies Can Protect the Baltic Sea's Undersea Cables",
    "authors": ["Helena Lindqvist"],
    "published": "2025-03-06",
    "series": "Commentary",
    "number": None,
    "key_points": [],  # the bold standfirst is a paragraph, not a bulleted summary (section 2)
    "disclaimer": "The views expressed in this Commentary are the author's, and do not represent those of RUSI or any other institution.",
}

NBI = "National Bureau of Investigation"
UNCLOS = "United Nations Convention on the Law of the Sea"
IMO = "International Maritime Organization"
RUSI = "Royal United Services Institute"

ENTITIES = [
    E("Baltic Sea", "LOC", "Baltic Sea",
      note="also as a modifier in 'the eight Baltic Sea allies' (3.1)"),
    E("Helena Lindqvist", "PERSON", "Helena Lindqvist"),
    E("Northern Europe", "LOC", "Northern Europe"),
    E("NATO", "ORG", "NATO"),
    E("Estlink 2", "FAC", "Estlink 2",
      note="name before the lower-case 'power cable': a cable is infrastructure like a pipeline (FAC, 3.1); the span stops before the common noun"),
    E("Finland", "GPE", "Finland"),
    E("Estonia", "GPE", "Estonia"),
    E("Finnish", "NORP", "Finnish"),
    E("Eagle S", "PRODUCT", "Eagle S", note="a named vessel: PRODUCT (vehicles) as in OntoNotes"),
    E("Balticconnector", "FAC", "Balticconnector",
      note="a named pipeline is FAC (3.1); span without the lower-case 'gas pipeline'"),
    E("Sweden", "GPE", "Sweden"),
    E("Russian", "NORP", "Russian"),
    E("Moscow", "GPE", "Moscow"),
    E("Mikko Aaltonen", "PERSON", "Mikko Aaltonen"),
    E(NBI, "ORG", NBI),
    E("NBI", "ORG", NBI),
    E("Kremlin", "ORG", "Kremlin", note="metonymy for the Russian leadership: ORG"),
    E("Baltic Sentry", "EVENT", "Baltic Sentry",
      note="named military operation: EVENT; one name (flat rule), no LOC inside; first mention is markdown link text"),
    E("European Commission", "ORG", "European Commission"),
    E(UNCLOS, "LAW", UNCLOS),
    E("UNCLOS", "LAW", UNCLOS),
    E("Helsinki", "GPE", "Helsinki"),
    E(IMO, "ORG", IMO),
    E("IMO", "ORG", IMO),
    E("EU", "ORG", "EU", note="'European Union' is never written in this document: the acronym is the canonical (3.4)"),
    E("European", "NORP", "European", note="'European ports'; the occurrence inside 'European Commission' is dropped by the flat rule"),
    E("Latvia", "GPE", "Latvia"),
    E("Germany", "GPE", "Germany"),
    E("Poland", "GPE", "Poland"),
    E("Russia", "GPE", "Russia"),
    E("Estonian", "NORP", "Estonian"),
    E("Tallinn", "GPE", "Tallinn"),
    E("Stockholm", "GPE", "Stockholm"),
    E("Military Sciences", "ORG", "Military Sciences", optional=True,
      note="named sub-unit ('Military Sciences team') in the author bio (3.6)"),
    E(RUSI, "ORG", RUSI),
    E("RUSI", "ORG", RUSI),
]

TITLES = []

DATES = [
    D("6 March 2025", "DATE", "2025-03-06", key="dct"),
    D(L("allies must now close", "now"), "DATE", "PRESENT_REF"),
    D("25 December 2024", "DATE", "2024-12-25", key="estlink"),
    D("The next day", "DATE", "2024-12-26", "estlink",
      note="anaphoric: the day after 25 December 2024"),
    D("fifteen months", "DURATION", "P15M"),
    D(L("had recently left", "recently"), "DATE", "PAST_REF",
      note="adverb 'recently': PAST_REF (4.2, as in TimeML)"),
    D("October 2023", "DATE", "2023-10"),
    D("November 2024", "DATE", "2024-11"),
    D("last week", "DATE", "2025-W09", "dct", note="DCT is in 2025-W10"),
    D("at least six months", "DURATION", "P6M", mod="EQUAL_OR_MORE"),
    D(L("In January, NATO", "January"), "DATE", "2025-01", "dct",
      note="past event, month before the DCT month: same year"),
    D(L("for three months in the first instance", "three months"), "DURATION", "P3M"),
    D("last month", "DATE", "2025-02", "dct"),
    D(L("a three-month surge", "three-month"), "DURATION", "P3M"),
    D("more than six months", "DURATION", "P6M", mod="MORE_THAN"),
    D(L("operational by the summer", "the summer"), "DATE", "2025-SU", "dct",
      note="the coming summer of the DCT year; TIMEX3 season value"),
]

QUOTES = [
    Q("indirect", L("Moscow has denied that it played any role", "it played any role"),
      ["Moscow"], [L("Moscow has denied", "Moscow")], L("Moscow has denied", "denied")),
    Q("partial", "could take at least six months", ["Mikko Aaltonen"],
      [L("Mikko Aaltonen, who leads", "Mikko Aaltonen")], L("told reporters last week", "told"),
      note="quotation inside reported speech: only the quoted words, no enclosing indirect record (5.2)"),
    Q("scare", "shadow fleet", [], [], None),
    Q("indirect", "they can act because the damage occurred in Finland's zone", ["Finnish prosecutors"],
      [L("Finnish prosecutors say", "Finnish prosecutors")], L("Finnish prosecutors say", "say")),
    Q("indirect", "the case belongs to the flag state", ["ship's owners"],
      [L("the ship's owners argue", "ship's owners")], L("owners argue that", "argue")),
    Q("indirect", "the dispute must eventually end up before an international tribunal", ["some lawyers"],
      [L("some lawyers think", "some lawyers")], L("some lawyers think", "think"),
      note="reported belief; the 'must' is epistemic (a prediction), so no recommendation"),
    Q("direct", "Each time we hesitate, Moscow learns that the seabed is a free-fire zone.",
      ["senior Estonian naval officer"], [L("a senior Estonian naval officer told", "senior Estonian naval officer")],
      L("naval officer told me", "told")),
]

RECOMMENDATIONS = [
    R("allies must now close the legal gaps that let suspect ships sail away", W("must"), W("allies"),
      W("now close the legal gaps that let suspect ships sail away"), "author", "strong",
      note="standfirst; of the two coordinated clauses only the one with the trigger"),
    R("Allies should act on three fronts", W("should"), W("Allies"), W("act on three fronts"), "author", "moderate"),
    R("NATO should make Baltic Sentry a standing mission rather than a three-month surge, with a permanent detachment of maritime patrol aircraft in Estonia",
      W("should"), W("NATO"),
      W("make Baltic Sentry a standing mission rather than a three-month surge, with a permanent detachment of maritime patrol aircraft in Estonia"),
      "author", "moderate"),
    R("The eight Baltic Sea allies must agree a common protocol for boarding suspect ships in their exclusive economic zones",
      W("must"), W("eight Baltic Sea allies"),
      W("agree a common protocol for boarding suspect ships in their exclusive economic zones"), "author", "strong"),
    R("they should not wait for the International Maritime Organization (IMO) to act first", W("should"),
      L("The eight Baltic Sea allies must", "eight Baltic Sea allies"),
      W("wait for the International Maritime Organization (IMO) to act first"), "author", "moderate", "dont",
      note="second coordinated independent clause; pronoun 'they' -> antecedent 'eight Baltic Sea allies' (span outside the record)"),
    R("The EU should require insurers of tankers calling at European ports to disclose who ultimately owns the ships they cover",
      W("should"), W("EU"),
      W("require insurers of tankers calling at European ports to disclose who ultimately owns the ships they cover"),
      "author", "moderate"),
    R("Governments also need to stop treating cable repairs as a purely commercial matter", W("need to"),
      W("Governments"), W("treating cable repairs as a purely commercial matter"), "author", "moderate", "dont",
      note="'need to stop X': polarity dont, action X (6.2)"),
    R("Germany and Poland ought to help pay for it, since their offshore wind farms depend on the same seabed",
      W("ought to"), W("Germany and Poland"), W("help pay for it"), "author", "moderate",
      note="reason clause in the span, not in the action"),
    R("It is time for Helsinki, Tallinn and Stockholm to treat the seabed as a frontline, not a utility problem",
      W("It is time"), W("Helsinki, Tallinn and Stockholm"),
      W("treat the seabed as a frontline, not a utility problem"), "author", "moderate"),
]
# Not recommendations: heading 'What Allies Should Do' (nominal 'what X should do'), 'Governments should have
# drawn that lesson' (past criticism), 'the dispute must eventually end up before an international tribunal'
# (epistemic), 'Should the courts side with the owners' (conditional inversion), 'new Finnish radars should be
# operational by the summer' (epistemic prediction), the disclaimer.

# ---------------------------------------------------------------- statistics
# Guidelines section 10. Not statistics: "Estlink 2" (a name), "the third
# serious incident" (an ordinal), "fifteen months", "at least six months",
# "three months", "a three-month surge", "more than six months" (durations),
# "three fronts" (the text's own list), "The eight Baltic Sea allies" (a
# definite count).
STATISTICS = [
    S(L("whose anchor had left a drag mark nearly 100 kilometres long", "nearly 100 kilometres"), 100, "km",
      measure=W("drag mark"), subject="Eagle S", approx="APPROX",
      note="subject: 'whose anchor' is the tanker's; time: the date of the main clause ('The next day') is not the relative clause's"),
    S(L("in November 2024 two data cables in Sweden's exclusive economic zone were severed", "two"), 2, "cables",
      measure=W("data cables"), subject="Sweden", time=W("November 2024"),
      note="an indefinite count: how many were severed; subject: the place's possessor"),
]
