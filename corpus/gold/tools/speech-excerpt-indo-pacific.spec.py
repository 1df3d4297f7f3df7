# Gold annotation spec of corpus/speech-excerpt-indo-pacific.txt (blind set 3).
# Written from the text and docs/annotation.md only. DCT = 2025-05-31 (the speech date given in the
# editorial line; Saturday, ISO week 2025-W22, Monday of that week = 2025-05-26).
# Holder of the speech's recommendations: the minister (see the report), not "author".

SOURCE = "corpus/speech-excerpt-indo-pacific.txt"

DOCUMENT = {
    "title": None,  # plain-text transcript with no title line
    "authors": [],  # no byline
    "published": "2025-05-31",
    "series": None,
    "number": None,
    "key_points": [],
    "disclaimer": None,
}

IISS = "International Institute for Strategic Studies"
ASEAN = "Association of Southeast Asian Nations"
ABC = "Australian Broadcasting Corporation"
SPEAKER = "Claire Donnelly"

ENTITIES = [
    E("Australian", "NORP", "Australian", note="the one inside 'Australian Broadcasting Corporation' is dropped (flat rule)"),
    E("Claire Donnelly", "PERSON", SPEAKER),
    E("Donnelly", "PERSON", SPEAKER),
    E("Shangri-La Dialogue", "EVENT", "Shangri-La Dialogue", note="named conference"),
    E("Singapore", "GPE", "Singapore"),
    E("Indo-Pacific", "LOC", "Indo-Pacific"),
    E(IISS, "ORG", IISS),
    E("IISS", "ORG", IISS),
    E("South China Sea", "LOC", "South China Sea"),
    E("Second Thomas Shoal", "LOC", "Second Thomas Shoal"),
    E("Scarborough Shoal", "LOC", "Scarborough Shoal"),
    E(ASEAN, "ORG", ASEAN),
    E("ASEAN", "ORG", ASEAN),
    E("Kuala Lumpur", "GPE", "Kuala Lumpur"),
    E("Philippine", "NORP", "Philippine"),
    E("Manila", "GPE", "Manila"),
    E("Australia", "GPE", "Australia"),
    E("China", "GPE", "China", note="the one inside 'South China Sea' is dropped (flat rule)"),
    E("Southeast Asia", "LOC", "Southeast Asia"),
    E("Indonesian", "NORP", "Indonesian"),
    E("Sari Wulandari", "PERSON", "Sari Wulandari"),
    E("Wulandari", "PERSON", "Sari Wulandari"),
    E("Jakarta", "GPE", "Jakarta"),
    E("Pacific", "LOC", "Pacific", note="'our partners in the Pacific'; the one inside 'Indo-Pacific' is dropped"),
    E("Beijing", "GPE", "Beijing"),
    E("Darwin", "GPE", "Darwin", note="also as a modifier in 'the Darwin centre'"),
    E("Daniel Brook", "PERSON", "Daniel Brook"),
    E("Chinese", "NORP", "Chinese"),
    E("Liu Wen", "PERSON", "Liu Wen"),
    E(ABC, "ORG", ABC),
    E("ABC", "ORG", ABC),
    E("Canberra", "GPE", "Canberra"),
]

TITLES = [
    ("Foreign Minister", "Foreign Minister"),
    ("Opposition MP", "Opposition MP"),
    ("embassy spokesperson", "Embassy Spokesperson"),
    ("Minister", "Minister"),
]

DATES = [
    D("Saturday, 31 May 2025", "DATE", "2025-05-31", key="dct",
      note="dateline of the editorial context: value = DCT, weekday included in the span"),
    D("Ten years ago", "DATE", "2015", "dct"),
    D("Last year", "DATE", "2024", "dct"),
    D(L("On Monday, leaders", "Monday"), "DATE", "2025-05-26", "dct", key="summit"),
    D("The day after the summit", "DATE", "2025-05-27", "summit",
      note="event-anchored: the ASEAN leaders' meeting is dated 'Monday' in the previous sentence"),
    D(L("since 1999", "1999"), "DATE", "1999", mod="ON_OR_AFTER"),
    D("July 2016", "DATE", "2016-07"),
    D(L("aircraft now fly", "now"), "DATE", "PRESENT_REF"),
    D("every week", "SET", "P1W"),
    D("the coming months", "DATE", "FUTURE_REF"),
    D("This week", "DATE", "2025-W22", "dct"),
    D("this morning", "TIME", "2025-05-31TMO", "dct"),
    D("last month", "DATE", "2025-04", "dct"),
    D("the end of this year", "DATE", "2025", "dct", mod="END"),
    D(L("honest about the past", "the past"), "DATE", "PAST_REF"),
    D(L("after the 2016 ruling", "2016"), "DATE", "2016"),
    D("another decade", "DURATION", "P10Y"),
    D("early next year", "DATE", "2026", "dct", mod="START"),
    D("four years", "DURATION", "P4Y"),
]

QUOTES = [
    Q("partial", "substantive and effective", ["leaders of the Association of Southeast Asian Nations"],
      [L("On Monday, leaders of the Association of Southeast Asian Nations", "leaders of the Association of Southeast Asian Nations")],
      L("pledged once more", "pledged"),
      note="speaker is a group that is not itself an entity: written as in the text, without the determiner and the parenthesised acronym"),
    Q("scare", "nine-dash line", [], [], None,
      note="'so-called' label inside the tribunal's reported ruling; the enclosing 'that'-clause is not annotated as indirect so that quote spans do not overlap (by analogy with 5.2)"),
    Q("direct", "The sea does not belong to the strongest navy. It belongs to the rules we all keep.",
      ["Sari Wulandari"], [L("Foreign Minister Sari Wulandari, told", "Sari Wulandari")],
      L("Sari Wulandari, told me", "told")),
    Q("partial", "long on principle and short on ships", ["Daniel Brook"],
      [L("Opposition MP Daniel Brook said", "Daniel Brook")], L("Daniel Brook said", "said")),
    Q("partial", "stirring up confrontation", ["Liu Wen"],
      [L("spokesperson Liu Wen told", "Liu Wen")], L("Liu Wen told", "told")),
    Q("indirect", "the Darwin centre would cost A$60 million over four years", [SPEAKER],
      [L("afterwards, Donnelly said", "Donnelly")], L("Donnelly said the", "said")),
    Q("indirect", "Delegates from several ASEAN states welcomed the call for a binding code", ["officials present"],
      [L("according to officials present", "officials present")], "according to"),
]

RECOMMENDATIONS = [
    R("We must call out dangerous conduct at sea", W("must"), L("what this means for Australia", "Australia"),
      W("call out dangerous conduct at sea"), SPEAKER, "strong",
      note="'We' -> nearest antecedent mention 'Australia' (previous sentence); 'and we will' is a commitment, not part of the span"),
    R("I call on all claimants to return to the negotiating table and to conclude a binding code of conduct by the end of this year",
      W("call on"), W("all claimants"),
      W("return to the negotiating table and to conclude a binding code of conduct by the end of this year"),
      SPEAKER, "moderate"),
    R("Our partners in the Pacific should also have a seat at that table, because what happens in the South China Sea does not stay there",
      W("should"), W("Our partners in the Pacific"), W("also have a seat at that table"), SPEAKER, "moderate",
      note="'should have' + noun phrase is not the past-criticism 'should have' + participle; possessive 'Our' kept (not an article)"),
    R("our restraint should not be mistaken for indifference", W("should"), None, W("be mistaken for indifference"),
      SPEAKER, "moderate", "dont",
      note="agentless passive: actor null although the sentence is addressed to Beijing; span = the clause after the colon ('let me say this directly to Beijing' is discourse framing)"),
    R("They should not have to wait another decade", W("should"),
      L("the fishing communities who depend on these waters", "fishing communities who depend on these waters"),
      W("have to wait another decade"), SPEAKER, "moderate", "dont", optional=True,
      note="normative claim that the communities ought not to be made to wait: no actor is asked to do anything; a careful annotator could go either way"),
    R("I also urge ASEAN to make maritime safety a standing item on the agenda of every ministerial meeting",
      W("urge"), W("ASEAN"), W("make maritime safety a standing item on the agenda of every ministerial meeting"),
      SPEAKER, "moderate"),
]
# Not recommendations: 'pledged once more to conclude' (commitment), 'it should not surprise anyone' (epistemic),
# 'Let me be clear' / 'let me say this' (discourse), 'we will double' (commitment), 'I want to be honest' (wish),
# 'We should have moved faster' (past criticism), 'welcomed the call for a binding code' (nominal).

# ---------------------------------------------------------------- statistics
# Guidelines section 10. The speech is in Claire Donnelly's voice (source
# Claire Donnelly, 6.2). Not statistics: "the third plenary session", "Ten
# years ago", "nine-dash line", "double the number of port visits" (a change
# verb), "another decade", "several ASEAN states".
DONNELLY = "Claire Donnelly"
STATISTICS = [
    S(L("Last year, coast guard and maritime militia vessels were involved in more than 40 dangerous encounters in the South China Sea", "more than 40"), 40, "encounters",
      measure=W("dangerous encounters"), subject="South China Sea", time=W("Last year"), source=DONNELLY, approx="MORE_THAN"),
    S(L("This week I have met ministers from eleven countries", "eleven"), 11, "countries",
      measure=W("countries"), subject=DONNELLY, time=W("This week"), source=DONNELLY,
      note="subject: 'I', the speaker"),
    S(L("the Darwin centre would cost A$60 million over four years", "A$60 million"), 6e7, "AUD",
      measure=W("Darwin centre"), subject="Darwin", time=W("four years")),
]
