# Gold annotation spec of corpus/news-analysis-caucasus.md (blind set 4).
# Written from the text and docs/annotation.md only.
# DCT = 2024-04-24 (Wednesday, ISO week 17): 'Monday' = 2024-04-22, 'Tuesday' = 2024-04-23.

SOURCE = "corpus/news-analysis-caucasus.md"

DOCUMENT = {
    "title": "Armenia and Azerbaijan edge closer to a peace deal, but the hardest questions remain",
    "authors": ["Nadia Greer"],
    "published": "2024-04-24",
    "series": None,
    "number": None,
    "key_points": [],
    "disclaimer": None,
}

CSTO = "Collective Security Treaty Organization"
EUMA = "EU Mission in Armenia"

ENTITIES = [
    E("Nadia Greer", "PERSON", "Nadia Greer"),
    # people
    E("Mher Grigoryan", "PERSON", "Mher Grigoryan"),
    E("Shahin Mustafayev", "PERSON", "Shahin Mustafayev"),
    E("Nikol Pashinyan", "PERSON", "Nikol Pashinyan"),
    E("Pashinyan", "PERSON", "Nikol Pashinyan"),
    E("Ararat Mirzoyan", "PERSON", "Ararat Mirzoyan"),
    E("Jeyhun Bayramov", "PERSON", "Jeyhun Bayramov"),
    E("Ilham Aliyev", "PERSON", "Ilham Aliyev"),
    E("Elena Voss", "PERSON", "Elena Voss"),
    E("Voss", "PERSON", "Elena Voss"),
    E("Hrant Melkonian", "PERSON", "Hrant Melkonian"),
    E("Melkonian", "PERSON", "Hrant Melkonian"),
    # places
    E("Armenia", "GPE", "Armenia"),
    E("Azerbaijan", "GPE", "Azerbaijan"),
    E("Kirants", "GPE", "Kirants"),
    E("Tavush", "LOC", "Tavush",
      note="'Tavush region': name before a lower-case place noun is LOC (3.1); the later bare 'Tavush' keeps the same label"),
    E("Yerevan", "GPE", "Yerevan"),
    E("Georgia", "GPE", "Georgia"),
    E("Berlin", "GPE", "Berlin"),
    E("Baku", "GPE", "Baku"),
    E("Moscow", "GPE", "Moscow"),
    E("Russia", "GPE", "Russia"),
    E("Brussels", "GPE", "Brussels"),
    E("Almaty", "GPE", "Almaty"),
    E("South Caucasus", "LOC", "South Caucasus"),
    E("Zvartnots International Airport", "FAC", "Zvartnots International Airport"),
    # organisations, groups, laws, events
    E("Alma-Ata Declaration", "LAW", "Alma-Ata Declaration",
      note="named legal instrument; 'Alma-Ata' is one name, not a hyphenated compound of names"),
    E("Constitutional Court", "ORG", "Constitutional Court"),
    E(CSTO, "ORG", CSTO, note="head noun 'Organization': ORG, no LAW inside (3.1, 3.3)"),
    E("CSTO", "ORG", CSTO),
    E("European Union", "ORG", "European Union"),
    E("EU", "ORG", "European Union"),
    E(EUMA, "ORG", EUMA, note="one ORG; no EU/Armenia inside (flat rule); never written with 'European Union'"),
    E("EUMA", "ORG", EUMA),
    E("UN", "ORG", "UN"),
    E("COP29", "EVENT", "COP29", note="paired only with the lower-case description 'UN climate conference': canonical as written"),
    E("Carnegie Europe", "ORG", "Carnegie Europe"),
    E("Caucasus Institute", "ORG", "Caucasus Institute"),
    E("Soviet", "NORP", "Soviet"),
    E("Armenian", "NORP", "Armenian"),
    E("Russian", "NORP", "Russian"),
    E("Europeans", "NORP", "Europeans"),
]

TITLES = [
    ("Deputy prime ministers", "Deputy Prime Minister"),
    ("Prime Minister", "Prime Minister"),
    ("foreign ministers", "Foreign Minister"),
    ("President", "President"),
]
TITLE_OVERRIDES = {
    L("Mher Grigoryan and Shahin Mustafayev", "Shahin Mustafayev"): "Deputy Prime Minister",
    L("Ararat Mirzoyan and Jeyhun Bayramov", "Jeyhun Bayramov"): "Foreign Minister",
}

DATES = [
    D("April 24, 2024", "DATE", "2024-04-24", key="dct"),
    D(L("agreed on Monday", "Monday"), "DATE", "2024-04-22", "dct", key="mon"),
    D(L("since the 2020 war", "2020"), "DATE", "2020",
      note="embedded in 'the 2020 war' (4.4); 'since' governs the war, not the year: no mod"),
    D("11 p.m.", "TIME", "2024-04-22T23:00", "mon", note="the statement on the signing day (Monday)"),
    D(L("the 1991 Alma-Ata", "1991"), "DATE", "1991"),
    D("The following day", "DATE", "2024-04-23", "mon", key="tue"),
    D("that evening", "TIME", "2024-04-23TEV", "tue"),
    D(L("Two weeks earlier", "Two weeks"), "DURATION", "P2W",
      note="a duration anchored by 'earlier': the duration alone (4.4)"),
    D("two days", "DURATION", "P2D"),
    D("roughly once a month", "SET", "P1M", mod="APPROX"),
    D(L("since January", "January"), "DATE", "2024-01", "dct", mod="ON_OR_AFTER"),
    D(L("has now been agreed", "now"), "DATE", "PRESENT_REF"),
    D(L("the 1990 declaration", "1990"), "DATE", "1990"),
    D(L("referendum in 2027", "2027"), "DATE", "2027"),
    D(L("(CSTO) in February", "February"), "DATE", "2024-02", "dct"),
    D("last month", "DATE", "2024-03", "dct"),
    D("nearly three decades", "DURATION", "P30Y", mod="APPROX"),
    D(L("said on Tuesday", "Tuesday"), "DATE", "2024-04-23", "dct"),
    D("February 2023", "DATE", "2023-02", mod="ON_OR_AFTER"),
    D("February 2025", "DATE", "2025-02"),
    D("the coming weeks", "DATE", "FUTURE_REF"),
    D("this summer", "DATE", "2024-SU", "dct"),
    D(L("hosts in November", "November"), "DATE", "2024-11", "dct"),
]
# Not dates: 'once again', 'still', 'well before the UN climate conference'
# (no temporal noun/offset), '12-kilometre', '80%'.

DIPLOMAT = L("A senior EU diplomat told", "senior EU diplomat")
DIPLOMAT_SAID = L("the diplomat said", "said")
VOSS_SAID = L("Voss said", "said")

QUOTES = [
    Q("indirect", "Armenia and Azerbaijan agreed on Monday to mark out the first section of their shared border, the most concrete step towards a peace treaty since the 2020 war",
      ["officials in both capitals"], [L("officials in both capitals said", "officials in both capitals")],
      L("officials in both capitals said", "said")),
    Q("indirect", "Deputy prime ministers Mher Grigoryan and Shahin Mustafayev, who lead the two countries’ border commissions, signed a protocol on a 12-kilometre stretch near the village of Kirants in Armenia’s Tavush region",
      ["joint statement"], [L("according to a joint statement", "joint statement")],
      L("according to a joint statement", "according to")),
    Q("partial", "strengthen our sovereignty, not weaken it", ["Nikol Pashinyan"], ["Nikol Pashinyan"],
      L("Nikol Pashinyan told reporters", "told")),
    Q("indirect", "blocked the road to Georgia", [], [], L("local residents reportedly blocked", "reportedly"),
      optional=True, note="'reportedly' with no source (guidelines 7)"),
    Q("indirect", "around 80% of the draft treaty text has now been agreed",
      ["diplomats involved in the process"], [L("According to diplomats involved in the process", "diplomats involved in the process")],
      L("According to diplomats", "According to")),
    Q("indirect", "the main unresolved issue was Azerbaijan’s demand for changes to Armenia’s constitution, whose preamble refers to the 1990 declaration of independence",
      ["Two people familiar with the talks"], ["Two people familiar with the talks"],
      L("familiar with the talks said", "said")),
    Q("indirect", "Armenia must remove the reference", ["Ilham Aliyev"], ["Ilham Aliyev"],
      L("has repeatedly insisted that", "insisted")),
    Q("indirect", "it will not sign a treaty until it does", ["Baku"], [L("and Baku says", "Baku")],
      L("and Baku says", "says")),
    Q("indirect", "he intends to put a new constitution to a referendum in 2027", ["Nikol Pashinyan"],
      [L("Pashinyan has said he intends", "Pashinyan")], L("Pashinyan has said he intends", "said")),
    Q("partial", "welcomes any steps that bring peace to the South Caucasus",
      ["Russian foreign ministry spokeswoman"], ["Russian foreign ministry spokeswoman"],
      L("spokeswoman said on Tuesday", "said")),
    Q("indirect", "the European Union (EU) is using its monitoring mission to pull Armenia out of Moscow’s orbit",
      ["Russian state media"], ["Russian state media"], L("state media have claimed", "claimed")),
    Q("indirect", "the mission’s mandate, which expires in February 2025, was likely to be extended",
      ["senior EU diplomat"], [DIPLOMAT], L("A senior EU diplomat told", "told")),
    Q("direct", "Brussels may want to go further and expand EUMA’s presence in the south,",
      ["senior EU diplomat"], [DIPLOMAT], DIPLOMAT_SAID,
      note="'the diplomat' is not a name: speaker span is the naming phrase 'senior EU diplomat'"),
    Q("direct", "Europeans should not pretend that a monitoring mission is a security guarantee.",
      ["senior EU diplomat"], [DIPLOMAT], DIPLOMAT_SAID, note="continues the previous quotation (5.4)"),
    Q("indirect", "Negotiators are expected to meet again in the coming weeks, possibly in Almaty",
      ["Pashinyan’s office"], ["Pashinyan’s office"], L("Pashinyan’s office said", "said")),
    Q("indirect", "the framework text should be ready this summer, well before the UN climate conference (COP29) that Azerbaijan hosts in November",
      ["diplomat based in Baku"], ["diplomat based in Baku"], L("diplomat based in Baku said", "said")),
    Q("indirect", "the two governments were moving faster than their societies", ["Elena Voss"],
      [L("Elena Voss, a senior fellow", "Elena Voss")], L("Carnegie Europe, warned that", "warned")),
    Q("direct", "The EU should not confuse access with leverage,", ["Elena Voss"], [L("Voss said", "Voss")], VOSS_SAID),
    Q("direct", "The two leaders need to explain to their own publics what they are giving up.", ["Elena Voss"],
      [L("Voss said", "Voss")], VOSS_SAID, note="continues the previous quotation (5.4)"),
    Q("indirect", "Armenia’s government should hold public hearings in Tavush on the next sections of the border",
      ["Hrant Melkonian"], ["Hrant Melkonian"], L("in Yerevan, said Armenia", "said")),
    Q("indirect", "Moscow was unlikely to stay passive", ["Hrant Melkonian"], [L("Melkonian added", "Melkonian")],
      L("Melkonian added", "added")),
]

RECOMMENDATIONS = [
    R("Armenia must remove the reference", W("must"), W("Armenia"), W("remove the reference"),
      "Ilham Aliyev", "strong", note="inside 'Aliyev has repeatedly insisted that'"),
    R("Brussels may want to go further and expand EUMA’s presence in the south", W("may want to"), W("Brussels"),
      W("go further and expand EUMA’s presence in the south"), "senior EU diplomat", "weak",
      note="inside the direct quote; comma inside the marks left out"),
    R("Europeans should not pretend that a monitoring mission is a security guarantee", W("should"), W("Europeans"),
      W("pretend that a monitoring mission is a security guarantee"), "senior EU diplomat", "moderate", "dont"),
    R("The EU should not confuse access with leverage", W("should"), W("EU"), W("confuse access with leverage"),
      "Elena Voss", "moderate", "dont"),
    R("The two leaders need to explain to their own publics what they are giving up", W("need to"), W("two leaders"),
      W("explain to their own publics what they are giving up"), "Elena Voss", "moderate"),
    R("Armenia’s government should hold public hearings in Tavush on the next sections of the border", W("should"),
      W("Armenia’s government"), W("hold public hearings in Tavush on the next sections of the border"),
      "Hrant Melkonian", "moderate"),
]
# Not recommendations: 'It still needs to be ratified by ...' (procedural obligation
# of circumstance), 'the framework text should be ready this summer' (epistemic),
# 'Should the talks stall' (conditional inversion), 'agreed on Monday to mark out'
# (agreement), 'are expected to meet again' (prediction).

# ---------------------------------------------------------------- statistics
# Guidelines section 10. Not statistics: "roughly once a month" (no numeral),
# "Two people familiar with the talks said" (a count of sources), "the two
# countries", "the two governments", "The two leaders" (definite counts),
# "two days of talks", "nearly three decades" (durations), "first section".
STATISTICS = [
    S(L("signed a protocol on a 12-kilometre stretch near the village of Kirants", "12-kilometre"), 12, "km",
      measure=W("stretch"), subject="Kirants"),
    S(L("Several hundred protesters gathered outside Kirants that evening", "Several hundred"), 100, "people",
      measure=W("protesters"), subject="Kirants", time=W("that evening"), approx="MORE_THAN",
      optional=True, note="vague multiple (10.2)"),
    S(L("around 80% of the draft treaty text has now been agreed", "around 80%"), 80, "percent",
      measure=W("draft treaty text"), time=W("now"), approx="APPROX"),
]
