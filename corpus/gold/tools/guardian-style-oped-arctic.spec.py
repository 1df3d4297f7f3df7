# Gold annotation spec of corpus/guardian-style-oped-arctic.txt (blind set 4).
# Written from the text and docs/annotation.md only. DCT = 2024-03-14 (Thursday, ISO week 11).

SOURCE = "corpus/guardian-style-oped-arctic.txt"

DOCUMENT = {
    "title": "Britain’s Arctic policy is all words and no ships. Norway has noticed",
    "authors": ["Eleanor Whitcombe"],
    "published": "2024-03-14",
    "series": None,
    "number": None,
    "key_points": [],
    "disclaimer": None,
}

RUSI = "Royal United Services Institute"
JEF = "Joint Expeditionary Force"

ENTITIES = [
    E("Eleanor Whitcombe", "PERSON", "Eleanor Whitcombe"),
    # people
    E("Kari Lindstad", "PERSON", "Kari Lindstad"),
    E("Lindstad", "PERSON", "Kari Lindstad"),
    E("Priya Mandal", "PERSON", "Priya Mandal"),
    E("Richard Halloran", "PERSON", "Richard Halloran"),
    E("Halloran", "PERSON", "Richard Halloran"),
    # places
    E("Britain", "GPE", "Britain"),
    E("UK", "GPE", "UK",
      note="'Britain' and 'UK' are not a long form/acronym pair; each keeps its own written canonical (3.4)"),
    E("Norway", "GPE", "Norway"),
    E("Oslo", "GPE", "Oslo"),
    E("Russia", "GPE", "Russia"),
    E("London", "GPE", "London"),
    E("Ukraine", "GPE", "Ukraine"),
    E("Finland", "GPE", "Finland"),
    E("Sweden", "GPE", "Sweden"),
    E("Helsinki", "GPE", "Helsinki"),
    E("Stockholm", "GPE", "Stockholm"),
    E("Lerwick", "GPE", "Lerwick"),
    E("Lossiemouth", "GPE", "Lossiemouth"),
    E("Moray", "GPE", "Moray"),
    E("Washington", "GPE", "Washington"),
    E("Arctic", "LOC", "Arctic"),
    E("High North", "LOC", "High North"),
    E("Kola", "LOC", "Kola", note="name before the lower-case place noun 'peninsula' (3.1)"),
    E("Barents Sea", "LOC", "Barents Sea"),
    E("Norwegian Sea", "LOC", "Norwegian Sea", note="one LOC, no NORP inside (3.3)"),
    E("North Atlantic", "LOC", "North Atlantic"),
    E("Middle East", "LOC", "Middle East"),
    # organisations, groups
    E(RUSI, "ORG", RUSI),
    E("Rusi", "ORG", RUSI),
    E("Whitehall", "ORG", "Whitehall", note="metonym for the British government/civil service"),
    E("Arctic Council", "ORG", "Arctic Council"),
    E("Nato", "ORG", "Nato"),
    E("Northern Fleet", "ORG", "Northern Fleet"),
    E("Royal Navy", "ORG", "Royal Navy"),
    E("RAF", "ORG", "RAF", note="never expanded in the text"),
    E("Ministry of Defence", "ORG", "Ministry of Defence"),
    E("MoD", "ORG", "Ministry of Defence"),
    E("Labour", "ORG", "Labour"),
    E("Commons", "ORG", "Commons", note="'the Commons': no fuller form in the text"),
    E(JEF, "ORG", JEF),
    E("JEF", "ORG", JEF),
    E("Royal Marines", "ORG", "Royal Marines"),
    E("British", "NORP", "British"),
    E("European", "NORP", "European"),
    E("Norwegian", "NORP", "Norwegian"),
    E("Norwegians", "NORP", "Norwegians"),
    E("Type 23", "PRODUCT", "Type 23"),
    E("P-8 Poseidon", "PRODUCT", "P-8 Poseidon"),
    E("Looking North", "WORK_OF_ART", "Looking North", optional=True,
      note="title of a government policy document in quotation marks: a name, but the label is borderline (WORK_OF_ART vs none)"),
]

TITLES = [
    ("Defence Secretary", "Defence Secretary"),
]
# 'Norway’s defence minister, Kari Lindstad' and 'Its defence spokesperson,
# Priya Mandal': appositive role NPs separated by a comma, not titles -> null.

DATES = [
    D("14 March 2024", "DATE", "2024-03-14", key="dct"),
    D(L("visited London last month", "last month"), "DATE", "2024-02", "dct"),
    D("February 2022", "DATE", "2022-02", mod="ON_OR_AFTER"),
    D(L("Norway now spends", "now"), "DATE", "PRESENT_REF"),
    D("every day", "SET", "P1D"),
    D(L("in 2023 and", "2023"), "DATE", "2023"),
    D("Last autumn", "DATE", "2023-FA", "dct", note="autumn before a March DCT: 2023"),
    D("last week", "DATE", "2024-W10", "dct"),
    D(L("on Tuesday", "Tuesday"), "DATE", "2024-03-12", "dct"),
    D("more than twenty years", "DURATION", "P20Y", mod="MORE_THAN"),
    D(L("July’s Nato summit", "July"), "DATE", "2024-07", "dct"),
    D(L("this year’s general election", "this year"), "DATE", "2024", "dct"),
    D(L("acted in 2022", "2022"), "DATE", "2022"),
]
# Not dates: 'one day ... the next' (rhetorical, no time reference), 'has long
# called', 'has said remarkably little since' (anaphoric), 'first asked'.

LINDSTAD = L("Norway’s defence minister, Kari Lindstad", "Kari Lindstad")
LINDSTAD_CUE = L("she told an audience", "told")
MANDAL = L("Its defence spokesperson, Priya Mandal", "Priya Mandal")
MANDAL_SAID = L("’ she said. ‘You cannot", "said")
OFFICER = L("a senior Norwegian officer, who", "senior Norwegian officer")
OFFICER_SAID = L("’ he said, ‘", "said")

QUOTES = [
    Q("direct", "We value our British friends enormously,", ["Kari Lindstad"], [LINDSTAD], LINDSTAD_CUE),
    Q("direct", "But in the High North, friendship is measured in hulls and in hours on station, not in communiqués.",
      ["Kari Lindstad"], [LINDSTAD], LINDSTAD_CUE,
      note="continues the previous quotation without a cue of its own (5.4)"),
    Q("partial", L("the Arctic’s ‘nearest neighbour’. Anyone", "nearest neighbour"), ["government"],
      [L("The government has long called", "government")], L("The government has long called", "called")),
    Q("partial", "operational pressures", ["Ministry of Defence"], ["Ministry of Defence"],
      L("citing ‘operational", "citing")),
    Q("partial", "hollowed out", ["Priya Mandal"], [MANDAL], L("Priya Mandal, told the Commons", "told")),
    Q("direct", "Ministers promised a “persistent presence” in the High North,", ["Priya Mandal"], [MANDAL], MANDAL_SAID,
      note="the nested “persistent presence” is part of Mandal’s words and is not a separate record (quote spans never overlap, 1 and 5.2)"),
    Q("direct", "You cannot call yourself an Arctic nation one day and cancel the exercise the next.",
      ["Priya Mandal"], [MANDAL], MANDAL_SAID, note="continues the previous quotation (5.4)"),
    Q("partial", "unwavering", ["Richard Halloran"], ["Richard Halloran"], L("Richard Halloran replied", "replied")),
    Q("partial", "a very good talking shop", ["senior Norwegian officer"], [OFFICER],
      L("described the JEF to me", "described")),
    Q("direct", "When we ask for ships,", ["senior Norwegian officer"], [OFFICER], OFFICER_SAID),
    Q("direct", "we get a conference.", ["senior Norwegian officer"], [OFFICER], OFFICER_SAID,
      note="second half of a quotation interrupted by 'he said': one record per pair of marks"),
    Q("scare", "Arctic tilt", [], [], None, note="'the so-called ...'"),
    Q("scare", "dugnad", [], [], None, note="a foreign term, nobody reported as saying it"),
    Q("partial", L("the Arctic’s ‘nearest neighbour’, it must", "nearest neighbour"), ["government"], [], None,
      note="author re-using the words earlier credited to the government (5.3)"),
]
# Not a quote: ‘Looking North’ (title of a document, 5.1).

RECOMMENDATIONS = [
    R("Whitehall would be wise to heed it", W("would be wise to"), W("Whitehall"), W("heed it"),
      "author", "weak", note="second coordinated clause only; 'would be wise to' ~ 'would do well to'"),
    R("Ministers should not mistake proximity for presence", W("should"), W("Ministers"),
      W("mistake proximity for presence"), "author", "moderate", "dont"),
    R("Britain must do three things", W("must"), W("Britain"), W("do three things"), "author", "strong"),
    R("First, it should base a frigate permanently in the High North", W("should"),
      L("Britain must do three things", "Britain"), W("base a frigate permanently in the High North"),
      "author", "moderate", note="actor: antecedent of 'it'"),
    R("Second, ministers must not let the cold-weather training programme lapse again", W("must"), W("ministers"),
      W("let the cold-weather training programme lapse again"), "author", "strong", "dont",
      note="the clause after the colon is a separate independent clause"),
    R("Third, the government would be wise to sign the long-discussed bilateral defence agreement with Oslo",
      W("would be wise to"), W("government"), W("sign the long-discussed bilateral defence agreement with Oslo"),
      "author", "weak"),
    R("If Britain wants to remain the Arctic’s ‘nearest neighbour’, it must start turning up",
      W("must"), W("Britain"), W("start turning up"), "author", "strong",
      note="conditional necessity (6.1): actor is the subject of the condition / antecedent of 'it'"),
]
# Not recommendations: 'the Norwegian Sea must be among' and 'Norwegian officials
# must wonder' (epistemic), 'will have to find the money' (circumstance),
# 'Britain should have acted' (past criticism), 'Should Russia decide'
# (conditional inversion), 'She did not need to' (no actor/action asked).

# ---------------------------------------------------------------- statistics
# Guidelines section 10. Not statistics: "more than a single Type 23 frigate"
# ("a single" is no numeral), "Type 23", "P-8", "three things" (the text's own
# list), "more than twenty years" (a duration), "first in line", "one day".
STATISTICS = [
    S(L("Norway now spends 2% of its GDP on defence", "2%"), 2, "percent",
      measure=W("GDP"), subject="Norway", time=W("now"),
      note="'N% of X': the measure is X; 'on defence' is what it is spent on"),
    S(L("Norway now spends 2% of its GDP on defence, flies surveillance missions over the Barents Sea every day and shares a 198km land border",
        "198km"), 198, "km", measure=W("land border"), subject="Norway", time=W("now"),
      note="time: the 'now' of the coordinated clause; 'every day' belongs to 'flies'"),
    S(L("the RAF’s nine P-8 Poseidon aircraft", "nine"), 9, "aircraft",
      measure=W("P-8 Poseidon aircraft"), subject="RAF", note="a possessive count: how many the RAF has"),
    S(L("the British-led grouping of ten northern European countries", "ten"), 10, "countries",
      measure=W("northern European countries"), subject="Joint Expeditionary Force",
      note="subject: the name the noun phrase is in apposition to"),
]
