# Gold annotation spec of corpus/ciis-commentary-global-south.md (blind set 5).
# Read with docs/annotation.md; built by build_gold.py. DCT = 2024-06-18.

SOURCE = "corpus/ciis-commentary-global-south.md"

DOCUMENT = {
    "title": "BRICS Expansion and the Reform of Development Finance for the Global South",
    "authors": ["Zhang Ruohan"],
    "published": "2024-06-18",
    "series": "Commentary",
    "number": "12",
    "key_points": [],
    "disclaimer": "The views expressed in this commentary are the author's own and should not be attributed to the China Institute of International Studies.",
}

CIIS = "China Institute of International Studies"
UNCTAD = "United Nations Conference on Trade and Development"
IMF = "International Monetary Fund"
NDB = "New Development Bank"

ENTITIES = [
    E(CIIS, "ORG", CIIS),
    E("BRICS", "ORG", "BRICS"),
    E("Global South", "LOC", "Global South",
      note="named region/grouping of countries; LOC like other non-GPE regions"),
    E("Zhang Ruohan", "PERSON", "Zhang Ruohan",
      note="byline 'Author: Name, Position': the part after the comma is a position, not an organisation, so no ORG"),
    E("Egypt", "GPE", "Egypt"),
    E("Ethiopia", "GPE", "Ethiopia"),
    E("Iran", "GPE", "Iran"),
    E("United Arab Emirates", "GPE", "United Arab Emirates"),
    E("UAE", "GPE", "United Arab Emirates"),
    E("Saudi Arabia", "GPE", "Saudi Arabia"),
    E("Johannesburg", "GPE", "Johannesburg"),
    E(UNCTAD, "ORG", UNCTAD),
    E("UNCTAD", "ORG", UNCTAD),
    E(IMF, "ORG", IMF),
    E("IMF", "ORG", IMF),
    E("World Bank", "ORG", "World Bank"),
    E(NDB, "ORG", NDB),
    E("NDB", "ORG", NDB),
    E("Bank", "ORG", "Bank",
      note="'the Bank': two earlier names have the head 'Bank' (World Bank, New Development Bank), so annotated as written (guidelines 3.4)"),
    E("Shanghai", "GPE", "Shanghai"),
    E("Ana Paula Ferreira", "PERSON", "Ana Paula Ferreira"),
    E("Ferreira", "PERSON", "Ana Paula Ferreira"),
    E("Western", "NORP", "Western", optional=True,
      note="'Western media': between a NORP group adjective and a general adjective like 'Western-style' (guidelines 3.2)"),
    E("Indian", "NORP", "Indian"),
    E("Brazil", "GPE", "Brazil"),
    E("Group of Twenty", "ORG", "Group of Twenty"),
    E("G20", "ORG", "Group of Twenty"),
    E("Russia", "GPE", "Russia"),
    E("Kazan", "GPE", "Kazan"),
    E("Brazilian", "NORP", "Brazilian"),
    E("Ricardo Almeida", "PERSON", "Ricardo Almeida"),
]

TITLES = [
    ("Vice-President", "Vice-President"),
    ("Finance Minister", "Finance Minister"),
]

DATES = [
    D(L("Commentary | No. 12 | 2024", "2024"), "DATE", "2024",
      note="year of the series line; an issue number is not a date, the year is"),
    D("2024-06-18", "DATE", "2024-06-18", key="dct"),
    D("1 January 2024", "DATE", "2024-01-01"),
    D("August 2023", "DATE", "2023-08"),
    D("recent years", "DATE", "PAST_REF"),
    D(L("development now stands", "now"), "DATE", "PRESENT_REF"),
    D(L("four trillion dollars a year", "a year"), "SET", "P1Y",
      note="rate 'a year' = every year"),
    D(L("agreed in 2010", "2010"), "DATE", "2010"),
    D("more than five years", "DURATION", "P5Y", mod="MORE_THAN"),
    D("the years ahead", "DATE", "FUTURE_REF"),
    D(L("members in 2015", "2015"), "DATE", "2015"),
    D(L("is now denominated", "now"), "DATE", "PRESENT_REF"),
    D("last month", "DATE", "2024-05", "dct"),
    D("this year", "DATE", "2024", "dct"),
    D(L("chairs BRICS in 2024", "2024"), "DATE", "2024"),
    D("this October", "DATE", "2024-10", "dct"),
    D(L("its current quota review", "current"), "DATE", "PRESENT_REF", optional=True,
      note="'current' before a non-temporal noun (guidelines 4.2)"),
    D("the end of next year", "DATE", "2025", "dct", mod="END",
      note="'by the end of next year': 'by' is a governing preposition, not a mod; 'the end of' gives END"),
    D(L("goals by 2030", "2030"), "DATE", "2030",
      note="'by 2030': 'by' is listed among governing prepositions (4.4) and not among mod words (4.3): mod null"),
]

FERREIRA = L("NDB Vice-President Ana Paula Ferreira stated", "Ana Paula Ferreira")

QUOTES = [
    Q("indirect", "the investment gap facing developing countries in the area of sustainable development now stands at roughly four trillion dollars a year",
      [UNCTAD], [L("According to the " + UNCTAD, UNCTAD)], "According to"),
    Q("partial", "the Bank will not compromise its credit standing for the sake of rapid growth.",
      ["Ana Paula Ferreira"], [FERREIRA], L("Ferreira stated that", "stated")),
    Q("direct", "Local currency lending must become the rule rather than the exception, and shareholders should be prepared to inject fresh capital.",
      ["Ana Paula Ferreira"], [FERREIRA], L("She added:", "added"),
      note="pronoun subject 'She': speaker span is the naming mention it refers to"),
    Q("indirect", "the NDB should have moved faster to diversify away from the dollar",
      ["Critics"], [L("Critics argue", "Critics")], L("Critics argue", "argue")),
    Q("indirect", "prudence is the precondition of credibility",
      ["Ana Paula Ferreira"], [L("but Ferreira has maintained", "Ferreira")], L("Ferreira has maintained", "maintained")),
    Q("scare", "de-dollarisation", [], [], None),
    Q("indirect", "BRICS should not become a bloc\n\n2\n\ndirected against any third party",
      ["Indian officials"], [L("Indian officials have repeatedly", "Indian officials")],
      L("have repeatedly cautioned", "cautioned"),
      note="crosses the PDF page break; the page number is inside the span as in the source"),
    Q("indirect", "complete its current quota review by the end of next year",
      ["Ricardo Almeida"], [L("Minister Ricardo Almeida has called", "Ricardo Almeida")], "called on",
      optional=True,
      note="content of 'called on X to ...' without quotation marks: reported speech, but the guidelines define indirect spans for content clauses only"),
]

RECOMMENDATIONS = [
    R("It must be recognised that the financing needs of the Global South have grown considerably in recent years",
      W("must"), None, W("be recognised that the financing needs of the Global South have grown considerably in recent years"),
      "author", "strong", optional=True,
      note="impersonal 'It must be recognised that': close to discourse organisation ('let us recall', 6.3) rather than a policy action"),
    R("Local currency lending must become the rule rather than the exception",
      W("must"), W("Local currency lending"), W("become the rule rather than the exception"),
      "Ana Paula Ferreira", "strong", note="first of two coordinated clauses inside Ferreira's direct quote"),
    R("shareholders should be prepared to inject fresh capital",
      W("should"), W("shareholders"), W("be prepared to inject fresh capital"),
      "Ana Paula Ferreira", "moderate", note="second coordinated clause inside the quote"),
    R("BRICS should not become a bloc\n\n2\n\ndirected against any third party",
      W("should"), W("BRICS"), W("become a bloc\n\n2\n\ndirected against any third party"),
      "Indian officials", "moderate", "dont", note="inside 'Indian officials have repeatedly cautioned that'"),
    R("First, it is imperative that the international financial institutions accelerate the long-delayed quota reform so that the representation of developing countries is adequately reflected",
      W("is imperative"), W("international financial institutions"), W("accelerate the long-delayed quota reform"),
      "author", "strong",
      note="'it is imperative that X V': actor the subject of the that-clause; the purpose clause 'so that ...' stays out of the action"),
    R("Brazilian Finance Minister Ricardo Almeida has called on the IMF to complete its current quota review by the end of next year",
      W("called on"), W("IMF"), W("complete its current quota review by the end of next year"),
      "Ricardo Almeida", "moderate",
      note="first of two coordinated independent clauses; 'this call deserves the support of all members' has no trigger"),
    R("Second, the NDB needs to broaden its shareholder base beyond the BRICS members and deepen local currency bond markets in borrowing countries",
      W("needs to"), W("NDB"), W("broaden its shareholder base beyond the BRICS members and deepen local currency bond markets in borrowing countries"),
      "author", "moderate"),
    R("At the same time, the Bank must not lower the lending standards that have allowed it to borrow on favourable terms",
      W("must"), W("Bank"), W("lower the lending standards that have allowed it to borrow on favourable terms"),
      "author", "strong", "dont"),
    R("Third, BRICS members could consider establishing a joint guarantee facility for private investors",
      W("could consider"), W("BRICS members"), W("establishing a joint guarantee facility for private investors"),
      "author", "weak"),
    R("Finally, all parties concerned should refrain from politicising development finance",
      W("should"), W("all parties concerned"), W("politicising development finance"),
      "author", "moderate", "dont",
      note="'all' is a quantifier, not the article the actor rule strips: kept; 'refrain from X' -> dont, action X"),
    R("The international community must ensure that the expansion of BRICS is understood as an opportunity for more inclusive global governance rather than as a source of confrontation",
      W("must"), W("international community"),
      W("ensure that the expansion of BRICS is understood as an opportunity for more inclusive global governance rather than as a source of confrontation"),
      "author", "strong"),
]

# ---------------------------------------------------------------- statistics
# Guidelines section 10. Not statistics: "the five original BRICS members" (a
# definite count), "Group of Twenty", "No. 12", the page number "2", "more
# than five years" (a duration), "third party".
STATISTICS = [
    S(L("the investment gap facing developing countries in the area of sustainable development now stands at roughly four trillion dollars a year",
        "roughly four trillion dollars"), 4e12, "USD",
      measure=W("investment gap facing developing countries"), time=W("now"), approx="APPROX",
      note="time: the date of the clause ('now'), not the rate's period ('a year')"),
    S(L("The NDB has approved more than 100 projects", "more than 100"), 100, "projects",
      measure=W("projects"), subject="New Development Bank", approx="MORE_THAN"),
    S(L("close to a quarter of its lending is now denominated", "close to a quarter"), 0.25, "fraction",
      measure=W("lending"), subject="New Development Bank", time=W("now"), approx="APPROX"),
]
