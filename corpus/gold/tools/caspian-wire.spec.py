# Gold annotation spec of corpus/caspian-wire.txt (wire report, no header).
# Blind set: annotated from the text and docs/annotation.md only.
#
# DCT: the dateline gives "March 3" without a year and there is no header, so
# the document record's `published` is null (section 2: ISO date from the
# header, or null). The dateline date is a DATE record like a header date line
# (anchor null) with the year unknown: XXXX-03-03. Partial and deictic dates
# are resolved as far as the dateline allows (month known, year not), with
# X placeholders for what the text never gives (4.5: no world knowledge), and
# keep anchor "dct" as 4.5 prescribes for partial/deictic dates.

SOURCE = "corpus/caspian-wire.txt"

DOCUMENT = {
    "title": None,
    "authors": [],
    "published": None,
    "series": None,
    "number": None,
    "key_points": [],
    "disclaimer": None,
}

# ---------------------------------------------------------------- entities

ENTITIES = [
    E("ASTANA", "GPE", "Astana"),
    E("Astana", "GPE", "Astana"),
    E("Reuters", "ORG", "Reuters"),
    E("Kazakhstan", "GPE", "Kazakhstan"),
    E("Caspian Sea", "LOC", "Caspian Sea"),
    E("Caspian", "LOC", "Caspian Sea",
      note="'the Caspian' = the Caspian Sea, fullest form in the document"),
    E("Azerbaijan", "GPE", "Azerbaijan"),
    E("Nurlan Seitkali", "PERSON", "Nurlan Seitkali"),
    E("Seitkali", "PERSON", "Nurlan Seitkali"),
    E("Central Asian", "NORP", "Central Asian"),
    E("Central Asia", "LOC", "Central Asia"),
    E("Russia", "GPE", "Russia"),
    E("Caspian Pipeline Consortium", "ORG", "Caspian Pipeline Consortium"),
    E("CPC", "ORG", "Caspian Pipeline Consortium"),
    E("Black Sea", "LOC", "Black Sea"),
    E("Novorossiysk", "GPE", "Novorossiysk"),
    E("Krasnodar", "GPE", "Krasnodar",
      note="'Krasnodar region': the name only; lower-case 'region' is generic"),
    E("Kazakh", "NORP", "Kazakh"),
    E("Azerbaijani", "NORP", "Azerbaijani"),
    E("Baku", "GPE", "Baku"),
    E("SOCAR", "ORG", "SOCAR"),
    E("Turkish", "NORP", "Turkish"),
    E("Ceyhan", "GPE", "Ceyhan"),
    E("Elnur Gasimov", "PERSON", "Elnur Gasimov"),
    E("Alat", "GPE", "Alat"),
    E("Moscow", "GPE", "Moscow"),
    E("Ukraine", "GPE", "Ukraine"),
    E("Middle Corridor", "LOC", "Middle Corridor",
      note="named trade route; labelled LOC (like a named region/route), not FAC"),
    E("China", "GPE", "China"),
    E("Europe", "LOC", "Europe"),
    E("South Caucasus", "LOC", "South Caucasus"),
    E("Ministry of Transport", "ORG", "Ministry of Transport"),
    E("Aktau", "GPE", "Aktau"),
    E("European Union", "ORG", "European Union"),
    E("Henrik Lund", "PERSON", "Henrik Lund"),
    E("Lund", "PERSON", "Henrik Lund"),
    E("European Commission", "ORG", "European Commission"),
    E("Dana Abenova", "PERSON", "Dana Abenova"),
    E("Abenova", "PERSON", "Dana Abenova"),
    E("Almaty", "GPE", "Almaty"),
    E("Steppe Analytics", "ORG", "Steppe Analytics"),
]

TITLES = [
    ("Deputy Energy Minister", "Deputy Energy Minister"),
    ("Deputy Economy Minister", "Deputy Economy Minister"),
]

# ------------------------------------------------------------------- dates

DATES = [
    D("March 3", "DATE", "XXXX-03-03", key="dl",
      note="dateline date (the DCT) without a year: published is null, year unknown"),
    D(L("Azerbaijan by 2030", "2030"), "DATE", "2030", note="'by 2030': mod null (no 'by' mod in 4.3)"),
    D("last month", "DATE", "XXXX-02", "dct", note="deictic from the dateline month (March); year unknown"),
    D("February 17", "DATE", "XXXX-02-17", "dct", key="strike", note="partial date; the text never gives the year"),
    D(L("four days later", "four days"), "DURATION", "P4D", note="a duration anchored by 'later': the duration alone (4.4)"),
    D(L("tankers and terminals now", "now"), "DATE", "PRESENT_REF"),
    D(L("1.5 million tonnes in 2024", "2024"), "DATE", "2024"),
    D("annually", "SET", "P1Y"),
    D(L("finished by 2027", "2027"), "DATE", "2027", note="'by 2027': mod null"),
    D("the foreseeable future", "DATE", "FUTURE_REF"),
    D(L("since 2022", "2022"), "DATE", "2022", mod="ON_OR_AFTER"),
    D("the past three years", "DURATION", "P3Y"),
    D("every quarter", "SET", "P3M"),
    D(L("Aktau in February", "February"), "DATE", "XXXX-02", "dct",
      note="partial date, a past event in the month before the dateline's March; year unknown"),
    D("next month", "DATE", "XXXX-04", "dct", note="deictic from the dateline month (March); year unknown"),
]

# ------------------------------------------------------------------ quotes

SEITKALI_TOLD = L("Seitkali told reporters", "Seitkali")
SEITKALI_SAID_THAT = L("Seitkali said that shipments", "Seitkali")
SEITKALI_MOSCOW = L('Russia," Seitkali said', "Seitkali")
ABENOVA_ACC = L("According to Abenova", "Abenova")

QUOTES = [
    Q("indirect", "Kazakhstan plans to double the volume of crude it ships across the Caspian Sea to Azerbaijan by 2030",
      ["Nurlan Seitkali"], [L("Minister Nurlan Seitkali said", "Nurlan Seitkali")],
      L("Nurlan Seitkali said, as", "said"),
      note="lede with postposed reporting clause"),
    Q("indirect", "A drone strike on a CPC pumping station in Russia's Krasnodar region on February 17 cut the pipeline's throughput by about a third",
      ["Caspian Pipeline Consortium"], [L("according to a CPC statement", "CPC")],
      L("according to a CPC statement", "according to")),
    Q("direct", "We cannot keep almost all of our eggs in one basket,",
      ["Nurlan Seitkali"], [SEITKALI_TOLD], L("Seitkali told reporters", "told")),
    Q("direct", "Kazakhstan and Azerbaijan must invest in tankers and terminals now, not after the next crisis,",
      ["Nurlan Seitkali"], [SEITKALI_TOLD], L('crisis," he added', "added"),
      note="'he' -> nearest naming mention Seitkali"),
    Q("indirect", "shipments to the Azerbaijani port of Baku reached 1.5 million tonnes in 2024",
      ["Nurlan Seitkali"], [SEITKALI_SAID_THAT], L("Seitkali said that shipments", "said")),
    Q("indirect", "Meeting the new target would require at least six more tankers",
      ["Nurlan Seitkali"], [SEITKALI_SAID_THAT], L("tankers, he said", "said")),
    Q("indirect", "it was ready to handle up to 3 million tonnes of Kazakh crude annually through its main export pipeline to the Turkish port of Ceyhan",
      ["SOCAR"], [L("company SOCAR said", "SOCAR")], L("SOCAR said in a statement", "said")),
    Q("indirect", "the expansion of the port at Alat, south of Baku, would be finished by 2027",
      ["Elnur Gasimov"], [L("Elnur Gasimov told", "Elnur Gasimov")], L("Gasimov told Reuters", "told")),
    Q("direct", "Moscow should not read this as a step away from Russia,",
      ["Nurlan Seitkali"], [SEITKALI_MOSCOW], L('Russia," Seitkali said', "said")),
    Q("partial", "for the foreseeable future",
      ["Nurlan Seitkali"], [SEITKALI_MOSCOW], "adding that",
      note="partial quote inside reported speech; participle cue keeps its complementiser (5.4)"),
    Q("indirect", "Over the past three years, cargo volumes on the Middle Corridor, the trade route that links China to Europe through Central Asia, the Caspian and the South Caucasus, have roughly tripled",
      ["Ministry of Transport"], [L("according to Kazakhstan's Ministry of Transport", "Ministry of Transport")],
      L("according to Kazakhstan's Ministry of Transport", "according to")),
    Q("indirect", "port fees at Aktau would be reviewed every quarter",
      ["Ministry of Transport"], [L("according to Kazakhstan's Ministry of Transport", "Ministry of Transport")],
      L("which said port fees", "said"),
      note="'which' -> the ministry"),
    Q("partial", "move from memoranda to money",
      ["Henrik Lund"], [L("Henrik Lund, a senior", "Henrik Lund")], L("February, said the bloc", "said")),
    Q("partial", "stop treating the Caspian as a border and start treating it as a corridor",
      ["Henrik Lund"], [L("Lund called on", "Lund")], L("Lund called on", "called on")),
    Q("indirect", "the plan was achievable only if tanker capacity grew quickly",
      ["Dana Abenova"], [L("Dana Abenova, an analyst", "Dana Abenova")], L("Steppe Analytics, said", "said")),
    Q("indirect", "fewer than a dozen tankers on the Caspian can carry crude, and most of them are more than 20 years old",
      ["Dana Abenova"], [ABENOVA_ACC], L("According to Abenova", "According to")),
    Q("direct", "Astana should stop announcing volumes and start signing long-term contracts with shipowners,",
      ["Dana Abenova"], [ABENOVA_ACC], L('shipowners," she said', "said"),
      note="'she' -> nearest naming mention Abenova"),
]

# --------------------------------------------------------- recommendations

RECOMMENDATIONS = [
    R("Kazakhstan and Azerbaijan must invest in tankers and terminals now, not after the next crisis",
      W("must"), W("Kazakhstan and Azerbaijan"), W("invest in tankers and terminals now, not after the next crisis"),
      "Nurlan Seitkali", "strong"),
    R("Moscow should not read this as a step away from Russia",
      W("should not"), W("Moscow"), W("read this as a step away from Russia"),
      "Nurlan Seitkali", "moderate", "dont"),
    R('Lund called on the two governments to "stop treating the Caspian as a border and start treating it as a corridor" when their presidents meet in Baku next month',
      W("called on"), W("two governments"), W("stop treating the Caspian as a border and start treating it as a corridor"),
      "Henrik Lund", "moderate", note="'call on X to \"...\"': action = the quoted words"),
    R("Astana should stop announcing volumes and start signing long-term contracts with shipowners",
      W("should"), W("Astana"), W("stop announcing volumes and start signing long-term contracts with shipowners"),
      "Dana Abenova", "moderate"),
]

# ---------------------------------------------------------------- statistics
# Guidelines section 10. Not statistics: "double the volume", "have roughly
# tripled" (change verbs without a figure), "one basket", "four days later",
# "the two governments", "more than 20 years old" (an age).
STATISTICS = [
    S(L("Kazakhstan sends about 80% of its oil exports", "about 80%"), 80, "percent",
      measure=W("oil exports"), subject="Kazakhstan", approx="APPROX"),
    S(L("Oil accounts for more than half of Kazakhstan's export earnings", "more than half"), 0.5, "fraction",
      measure=W("export earnings"), subject="Kazakhstan", approx="MORE_THAN"),
    S(L("on February 17 cut the pipeline's throughput by about a third", "about a third"), 0.333, "fraction",
      measure=W("pipeline's throughput"), time=W("February 17"), approx="APPROX",
      comparison=Cmp("down", cue=W("cut"))),
    S(L("shipments to the Azerbaijani port of Baku reached 1.5 million tonnes in 2024", "1.5 million tonnes"), 1.5e6, "tonnes",
      measure=W("shipments to the Azerbaijani port of Baku"), subject="Baku", time=W("2024")),
    S(L("require at least six more tankers", "at least six"), 6, "tankers", measure=W("tankers"), approx="EQUAL_OR_MORE"),
    S(L("it was ready to handle up to 3 million tonnes of Kazakh crude annually", "up to 3 million tonnes"), 3e6, "tonnes",
      measure=W("Kazakh crude"), subject="SOCAR", time=W("annually"), approx="EQUAL_OR_LESS",
      note="subject: 'it' is SOCAR"),
    S(L("The European Union has pledged 10 billion euros", "10 billion euros"), 1e10, "EUR", subject="European Union"),
    S(L("fewer than a dozen tankers on the Caspian", "fewer than a dozen"), 12, "tankers",
      measure=W("tankers"), subject="Caspian Sea", approx="LESS_THAN"),
]
