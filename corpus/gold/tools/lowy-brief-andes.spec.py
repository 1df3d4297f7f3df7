# Gold annotation spec of corpus/lowy-brief-andes.md (Lowy Institute Policy Brief No. 18).
# Blind set: annotated from the text and docs/annotation.md only.
# DCT = 2024-08-14 (header date line).

SOURCE = "corpus/lowy-brief-andes.md"

DOCUMENT = {
    "title": "The Andes and the Lithium Rush: How Chile, Argentina and Bolivia Can Bargain with the Great Powers",
    "authors": ["Sofía Paredes Quiroga"],
    "published": "2024-08-14",
    "series": "Policy Brief",
    "number": "18",
    "key_points": [
        "Chile, Argentina and Bolivia hold more than half of the world’s identified lithium resources, but capture only a small share of the value of the batteries made from them.",
        "Washington and Brussels court the region with partnership offers, while Chinese firms have already bought into its mines.",
        "Andean governments should agree on common terms for investors rather than compete for them, and Australia should share its experience of regulating a lithium boom.",
    ],
    "disclaimer": "The views expressed in this brief are the author’s own and should not be attributed to the Lowy Institute.",
}

# ---------------------------------------------------------------- entities

ENTITIES = [
    # header, title, byline, bio, disclaimer
    E("LOWY INSTITUTE", "ORG", "Lowy Institute"),
    E("Lowy Institute", "ORG", "Lowy Institute"),
    E("ANDES", "LOC", "Andes"),
    E("CHILE", "GPE", "Chile"),
    E("ARGENTINA", "GPE", "Argentina"),
    E("BOLIVIA", "GPE", "Bolivia"),
    E("Sofía Paredes Quiroga", "PERSON", "Sofía Paredes Quiroga"),
    E("Chilean Ministry of Mining", "ORG", "Chilean Ministry of Mining",
      note="nationality adjective + capitalised institution name: one ORG (guidelines 3.3)"),
    # places
    E("Andes", "LOC", "Andes"),
    E("Chile", "GPE", "Chile"),
    E("Argentina", "GPE", "Argentina"),
    E("Bolivia", "GPE", "Bolivia"),
    E("Washington", "GPE", "Washington"),
    E("Brussels", "GPE", "Brussels"),
    E("Australia", "GPE", "Australia"),
    E("Western Australia", "GPE", "Western Australia",
      note="Australian state; no GPE Australia inside it (flat rule)"),
    E("Salar de Atacama", "LOC", "Salar de Atacama"),
    E("Jujuy", "GPE", "Jujuy"),
    E("Salta", "GPE", "Salta"),
    E("Catamarca", "GPE", "Catamarca"),
    E("China", "GPE", "China"),
    E("United States", "GPE", "United States"),
    E("US", "GPE", "United States"),
    E("Buenos Aires", "GPE", "Buenos Aires"),
    E("Santiago", "GPE", "Santiago"),
    E("La Paz", "GPE", "La Paz"),
    E("Canberra", "GPE", "Canberra"),
    E("Latin America", "LOC", "Latin America"),
    # groups
    E("Andean", "NORP", "Andean",
      note="regional adjective treated like 'European' (nationality-type adjective), not LOC"),
    E("Chinese", "NORP", "Chinese"),
    E("American", "NORP", "American"),
    E("Australian", "NORP", "Australian"),
    E("European", "NORP", "European"),
    E("Argentine", "NORP", "Argentine"),
    E("Chilean", "NORP", "Chilean"),
    E("Bolivian", "NORP", "Bolivian"),
    # people
    E("Javier Milei", "PERSON", "Javier Milei"),
    E("Albanese", "PERSON", "Albanese",
      note="name before 'government' is a PERSON mention; no fuller form in the document"),
    # organisations and laws
    E("International Energy Agency", "ORG", "International Energy Agency"),
    E("IEA", "ORG", "International Energy Agency"),
    E("Codelco", "ORG", "Codelco"),
    E("CATL", "ORG", "CATL"),
    E("Yacimientos de Litio Bolivianos", "ORG", "Yacimientos de Litio Bolivianos"),
    E("YLB", "ORG", "Yacimientos de Litio Bolivianos"),
    E("US Geological Survey", "ORG", "US Geological Survey",
      note="no GPE inside the agency's name (flat rule)"),
    E("Inflation Reduction Act", "LAW", "Inflation Reduction Act"),
    E("IRA", "LAW", "Inflation Reduction Act"),
    E("European Union", "ORG", "European Union"),
    E("EU", "ORG", "European Union"),
    E("Critical Raw Materials Act", "LAW", "Critical Raw Materials Act"),
    E("Tianqi Lithium", "ORG", "Tianqi Lithium"),
    E("SQM", "ORG", "SQM"),
    E("Ganfeng Lithium", "ORG", "Ganfeng Lithium"),
    E("OPEC", "ORG", "OPEC"),
]

TITLES = [
    ("President", "President"),
]

# ------------------------------------------------------------------- dates

DATES = [
    D("14 August 2024", "DATE", "2024-08-14", key="dct"),
    D("the past five years", "DURATION", "P5Y"),
    D(L("several times over by 2040", "2040"), "DATE", "2040",
      note="'by 2040': 'by' is a governing preposition (4.4); no mod listed for it in 4.3, so mod null"),
    D("November 2022", "DATE", "2022-11", mod="ON_OR_AFTER", note="'since November 2022'"),
    D("April 2023", "DATE", "2023-04"),
    D(L("the 1994 constitution", "1994"), "DATE", "1994"),
    D("30 years", "DURATION", "P30Y"),
    D("January 2023", "DATE", "2023-01"),
    D("the past two years", "DURATION", "P2Y"),
    D(L("has in a decade", "a decade"), "DURATION", "P10Y"),
    D(L("world’s lithium last year", "last year"), "DATE", "2023", "dct"),
    D("July 2023", "DATE", "2023-07"),
    D(L("in the EU by 2030", "2030"), "DATE", "2030", note="'by 2030': mod null, as for 'by 2040'"),
    D(L("in Santiago last month", "last month"), "DATE", "2024-07", "dct"),
    D(L("who in 2022 said", "2022"), "DATE", "2022"),
    D(L("now speak more modestly", "now"), "DATE", "PRESENT_REF"),
    D("every five years", "SET", "P5Y"),
    D(L("the Andes now face", "now"), "DATE", "PRESENT_REF"),
    D("more than a decade", "DURATION", "P10Y", mod="MORE_THAN"),
    D(L("turn again next year", "next year"), "DATE", "2025", "dct"),
    D(L("Andean position is now", "now"), "DATE", "PRESENT_REF"),
]

# ------------------------------------------------------------------ quotes

QUOTES = [
    Q("scare", L("so-called “lithium triangle”", "lithium triangle"), [], [], None),
    Q("indirect", "the provincial model has drawn more investment in the past two years than Chile’s state-led one has in a decade",
      ["Argentine officials"], [L("Argentine officials argue", "Argentine officials")],
      L("Argentine officials argue", "argue")),
    Q("indirect", "Chile and Argentina together supplied about 30 per cent of the world’s lithium last year",
      ["US Geological Survey"], [L("according to the US Geological Survey", "US Geological Survey")],
      L("according to the US Geological Survey", "according to")),
    Q("indirect", "a critical-minerals deal with Buenos Aires could follow",
      ["US officials"], [L("although US officials have hinted", "US officials")],
      L("US officials have hinted", "hinted"),
      note="speaker is an unnamed group: written as in the text (5.3)"),
    Q("direct", "We are not choosing sides; we are choosing terms,",
      ["senior Chilean official"], [L("a senior Chilean official told", "senior Chilean official")],
      L("Chilean official told the author", "told"),
      note="quote before its reporting clause; stands as the speaker's own utterance: direct"),
    Q("partial", "fix prices like OPEC",
      ["Bolivian officials"], [L("Bolivian officials, who in 2022", "Bolivian officials")],
      L("who in 2022 said the", "said"),
      note="partial quote inside reported speech: the enclosing clause is not an indirect quote (5.2)"),
    Q("partial", "coordination",
      ["Bolivian officials"], [L("Bolivian officials, who in 2022", "Bolivian officials")],
      L("now speak more modestly", "speak")),
]

# --------------------------------------------------------- recommendations

RECOMMENDATIONS = [
    R("Andean governments should agree on common terms for investors rather than compete for them",
      W("should"), W("Andean governments"), W("agree on common terms for investors rather than compete for them"),
      "author", "moderate", note="key point 3, first clause"),
    R("Australia should share its experience of regulating a lithium boom",
      W("should"), W("Australia"), W("share its experience of regulating a lithium boom"),
      "author", "moderate", note="key point 3, second coordinated clause with its own trigger"),
    R("The three governments **should not** bid against one another by cutting royalties and environmental standards",
      W("should not"), W("three governments"),
      W("bid against one another by cutting royalties and environmental standards"),
      "author", "moderate", "dont",
      note="bold marks inside the clause are unavoidably inside the span; trigger taken as 'should not'"),
    R("Instead, Santiago, Buenos Aires and La Paz should agree on common minimum terms for water use, community consultation and local processing, and review them every five years",
      W("should"), W("Santiago, Buenos Aires and La Paz"),
      W("agree on common minimum terms for water use, community consultation and local processing, and review them every five years"),
      "author", "moderate"),
    R("Bolivia would do well to open YLB to minority private partners",
      W("would do well to"), W("Bolivia"), W("open YLB to minority private partners"), "author", "weak"),
    R("Chile could consider letting SQM’s Chinese shareholder compete on equal terms for new contracts",
      W("could consider"), W("Chile"), W("letting SQM’s Chinese shareholder compete on equal terms for new contracts"),
      "author", "weak"),
    R("Washington and Brussels, for their part, need to offer more than offtake agreements",
      W("need to"), W("Washington and Brussels"), W("offer more than offtake agreements"), "author", "moderate"),
    R("If the United States and the EU want Andean lithium to bypass Chinese refineries, they must help finance processing plants in the region itself",
      W("must"), W("United States and the EU"), W("help finance processing plants in the region itself"),
      "author", "strong",
      note="conditional necessity; actor 'they' -> its antecedent in the if-clause"),
    R("Canberra should share that regulatory experience with the three governments",
      W("should"), W("Canberra"), W("share that regulatory experience with the three governments"),
      "author", "moderate"),
    R("it ought to fold lithium into a Latin America strategy that has been neglected for more than a decade",
      W("ought to"), L("Canberra should share", "Canberra"),
      W("fold lithium into a Latin America strategy that has been neglected for more than a decade"),
      "author", "moderate",
      note="second coordinated clause with its own trigger; pronoun 'it' -> antecedent Canberra (outside the clause span)"),
    R("It is time for the Albanese government to treat the lithium triangle as a partner, not merely a competitor",
      W("It is time"), W("Albanese government"), W("treat the lithium triangle as a partner, not merely a competitor"),
      "author", "moderate"),
]

# ---------------------------------------------------------------- statistics
# Guidelines section 10. Not statistics: "more than tripled", "several times
# over" (no figure), "the three governments", "the three countries", "None of
# the three" (definite counts), "second-largest producer" (a rank), "30 years
# of tax and customs stability", "every five years", "more than a decade"
# (dates), "No. 18".
STATISTICS = [
    S(L("Chile, Argentina and Bolivia hold more than half of the world’s identified lithium resources", "more than half"), 0.5, "fraction",
      measure=W("world’s identified lithium resources"), subject="Chile; Argentina; Bolivia", approx="MORE_THAN"),
    S(L("prices have fallen by roughly 80 per cent since November 2022", "roughly 80 per cent"), 80, "percent",
      measure=W("prices"), time=W("November 2022"), approx="APPROX", comparison=Cmp("down", cue=W("fallen"))),
    S(L("Chile and Argentina together supplied about 30 per cent of the world’s lithium last year", "about 30 per cent"), 30, "percent",
      measure=W("world’s lithium"), subject="Chile; Argentina", time=W("last year"), approx="APPROX"),
    S(L("wants a tenth of the strategic minerals it consumes to be mined in the EU by 2030", "a tenth"), 0.1, "fraction",
      measure=W("strategic minerals"), subject="European Union", time=W("2030"),
      note="a target: the EU's wish; subject from the clause subject 'The European Union'"),
    S(L("Tianqi Lithium owns almost a quarter of SQM", "almost a quarter"), 0.25, "fraction",
      measure=W("SQM"), subject="Tianqi Lithium", approx="APPROX"),
]
