# Gold annotation spec of corpus/csis-brief-horn-of-africa.md (blind set 4).
# Written from the text and docs/annotation.md only. DCT = 2024-02-27.

SOURCE = "corpus/csis-brief-horn-of-africa.md"

DISCLAIMER = "The views expressed in this brief are solely those of the authors and should not be attributed to CSIS."

DOCUMENT = {
    "title": "Ethiopia, Somaliland and the Red Sea: Four Questions for Washington",
    "authors": ["Mariam Teklu", "Daniel R. Forsythe"],
    "published": "2024-02-27",
    "series": "Issue Brief",
    "number": "7",
    "key_points": [],
    "disclaimer": DISCLAIMER,
}

CSIS = "Center for Strategic and International Studies"
IGAD = "Intergovernmental Authority on Development"

ENTITIES = [
    # header, byline, bio
    E(CSIS, "ORG", CSIS),
    E("CSIS", "ORG", CSIS, note="paired with the long form in the bio: 'Center for Strategic and International Studies (CSIS)'"),
    E("ETHIOPIA", "GPE", "Ethiopia"),
    E("SOMALILAND", "GPE", "Somaliland"),
    E("RED SEA", "LOC", "Red Sea"),
    E("WASHINGTON", "GPE", "Washington"),
    E("Mariam Teklu", "PERSON", "Mariam Teklu"),
    E("Daniel R. Forsythe", "PERSON", "Daniel R. Forsythe"),
    E("Africa Program", "ORG", "Africa Program", optional=True,
      note="named sub-unit of CSIS in the author bio (guidelines 3.6)"),
    E("International Security Program", "ORG", "International Security Program", optional=True,
      note="named sub-unit of CSIS in the author bio (guidelines 3.6)"),
    # people
    E("Abiy Ahmed", "PERSON", "Abiy Ahmed"),
    E("Abiy", "PERSON", "Abiy Ahmed"),
    E("Muse Bihi Abdi", "PERSON", "Muse Bihi Abdi"),
    E("Muse Bihi", "PERSON", "Muse Bihi Abdi"),
    E("Hassan Sheikh Mohamud", "PERSON", "Hassan Sheikh Mohamud"),
    E("Mohamud", "PERSON", "Hassan Sheikh Mohamud"),
    E("Abdel Fattah el-Sisi", "PERSON", "Abdel Fattah el-Sisi",
      note="the hyphen is inside one name, not a compound of names (3.3)"),
    E("Biden", "PERSON", "Biden", note="name before 'administration' (3.3); no fuller form in the text"),
    # places
    E("Ethiopia", "GPE", "Ethiopia"),
    E("Somaliland", "GPE", "Somaliland"),
    E("Addis Ababa", "GPE", "Addis Ababa"),
    E("Berbera", "GPE", "Berbera"),
    E("Red Sea", "LOC", "Red Sea"),
    E("Somalia", "GPE", "Somalia"),
    E("Mogadishu", "GPE", "Mogadishu"),
    E("Cairo", "GPE", "Cairo"),
    E("Asmara", "GPE", "Asmara"),
    E("Doha", "GPE", "Doha"),
    E("Egypt", "GPE", "Egypt"),
    E("Yemen", "GPE", "Yemen"),
    E("Bab el-Mandeb Strait", "LOC", "Bab el-Mandeb Strait"),
    E("Suez Canal", "FAC", "Suez Canal",
      note="man-made waterway: FAC like a port/dam/pipeline (3.1 head-noun rule does not list canals)"),
    E("Asia", "LOC", "Asia", note="'Asia-Europe services' split into name parts (3.3)"),
    E("Europe", "LOC", "Europe"),
    E("Cape of Good Hope", "LOC", "Cape of Good Hope"),
    E("Washington", "GPE", "Washington"),
    E("United States", "GPE", "United States"),
    E("US", "GPE", "United States"),
    E("Eritrea", "GPE", "Eritrea"),
    E("Horn of Africa", "LOC", "Horn of Africa"),
    E("China", "GPE", "China"),
    E("Türkiye", "GPE", "Türkiye"),
    E("United Arab Emirates", "GPE", "United Arab Emirates"),
    E("UAE", "GPE", "United Arab Emirates"),
    E("Djibouti", "GPE", "Djibouti"),
    E("Gulf", "LOC", "Gulf", note="'its Gulf partners': no earlier '... Gulf' name in the text, canonical as written (3.4)"),
    E("Saudi Arabia", "GPE", "Saudi Arabia"),
    E("Hargeisa", "GPE", "Hargeisa"),
    # groups, organisations, other
    E("Ethiopian", "NORP", "Ethiopian"),
    E("Egyptian", "NORP", "Egyptian"),
    E("British", "NORP", "British"),
    E("Houthi", "NORP", "Houthi",
      note="adjective of a named political-religious movement before lower-case nouns ('movement', 'fighters'): NORP (3.3)"),
    E("African Union", "ORG", "African Union"),
    E("AU", "ORG", "African Union"),
    E(IGAD, "ORG", IGAD),
    E("IGAD", "ORG", IGAD),
    E("Maersk", "ORG", "Maersk"),
    E("Hapag-Lloyd", "ORG", "Hapag-Lloyd"),
    E("DP World", "ORG", "DP World"),
    E("Congress", "ORG", "Congress"),
    E("al-Shabaab", "ORG", "al-Shabaab"),
    E("Galaxy Leader", "PRODUCT", "Galaxy Leader", note="a named ship (vehicle): PRODUCT in OntoNotes"),
    E("Operation Prosperity Guardian", "EVENT", "Operation Prosperity Guardian",
      note="named military operation"),
]

TITLES = [
    ("prime minister", "Prime Minister"),
    ("president", "President"),
    ("President", "President"),
]

# DCT 2024-02-27. Months after February without a year are the previous year
# when they are past events (October, November, December).
DATES = [
    D("February 27, 2024", "DATE", "2024-02-27", key="dct"),
    D(L("On January 1,", "January 1"), "DATE", "2024-01-01", "dct"),
    D(L("on a 50-year lease", "50-year"), "DURATION", "P50Y"),
    D(L("and in October he told", "October"), "DATE", "2023-10", "dct",
      note="past event in October of a piece published in February: previous year (4.5)"),
    D(L("independence in 1991", "1991"), "DATE", "1991"),
    D(L("on January 6,", "January 6"), "DATE", "2024-01-06", "dct"),
    D(L("On January 21,", "January 21"), "DATE", "2024-01-21", "dct"),
    D(L("Since November 19,", "November 19"), "DATE", "2023-11-19", "dct", mod="ON_OR_AFTER"),
    D(L("between December and", "December"), "DATE", "2023-12", "dct"),
    D("mid-February", "DATE", "2024-02", "dct", mod="MID"),
    D(L("Hapag-Lloyd now send", "now"), "DATE", "PRESENT_REF"),
    D("roughly ten days", "DURATION", "P10D", mod="APPROX"),
    D(L("on December 18,", "December 18"), "DATE", "2023-12-18", "dct"),
    D(L("since January 12", "January 12"), "DATE", "2024-01-12", "dct", mod="ON_OR_AFTER"),
    D(L("independence in 1993", "1993"), "DATE", "1993"),
    D("The coming months", "DATE", "FUTURE_REF", note="like 'the years ahead' (4.2)"),
]

QUOTES = [
    Q("indirect", "In return, Ethiopia would recognize Somaliland as an independent state",
      ["Muse Bihi Abdi"], [L("according to Muse Bihi.", "Muse Bihi")],
      L("state, according to Muse Bihi", "according to")),
    Q("partial", "an in-depth assessment", ["foreign ministry"],
      [L("the foreign ministry said only", "foreign ministry")],
      L("foreign ministry said only", "said"),
      note="quoted words inside reported speech: the that-clause is not also indirect (5.2)"),
    Q("partial", "geographical prison,", ["Abiy Ahmed"], [L("Abiy has argued", "Abiy")],
      L("Abiy has argued", "argued")),
    Q("partial", "an existential matter", ["Abiy Ahmed"], [L("Abiy has argued", "Abiy")],
      L("he told parliament", "told"), note="subject 'he' = Abiy; speaker span is the naming mention"),
    Q("partial", "null and void.", ["Mogadishu"], [L("Mogadishu called", "Mogadishu")],
      L("Mogadishu called", "called")),
    Q("partial", "will not allow anyone to threaten Somalia,", ["Abdel Fattah el-Sisi"],
      ["Abdel Fattah el-Sisi"], L("el-Sisi warned that", "warned")),
    Q("partial", "exercise restraint and pursue dialogue.", ["African Union", IGAD],
      [L("The African Union (AU)", "African Union"), L("the Intergovernmental Authority on Development (IGAD) have", IGAD)],
      L("have both urged", "urged")),
]

RECOMMENDATIONS = [
    R('The African Union (AU) and the Intergovernmental Authority on Development (IGAD) have both urged the two governments to "exercise restraint and pursue dialogue',
      W("urged"), W("two governments"), W("exercise restraint and pursue dialogue"),
      "African Union; Intergovernmental Authority on Development", "moderate",
      note="final '.\"' inside the quotation marks is final punctuation, left out of the clause span and the action"),
    R("it should not treat Ethiopia's quest for a port as a sideshow to the Houthi campaign",
      W("should"), L("The Biden administration has rightly", "Biden administration"),
      W("treat Ethiopia's quest for a port as a sideshow to the Houthi campaign"),
      "author", "moderate", "dont",
      note="second of two coordinated clauses; actor is the antecedent of 'it' (6.2)"),
    R("First, Washington should press Addis Ababa to suspend implementation of the MoU and open talks with Mogadishu under AU auspices",
      W("should"), W("Washington"),
      W("press Addis Ababa to suspend implementation of the MoU and open talks with Mogadishu under AU auspices"),
      "author", "moderate"),
    R("Second, the United States and its Gulf partners need to coordinate their economic offers to Ethiopia",
      W("need to"), W("United States and its Gulf partners"), W("coordinate their economic offers to Ethiopia"),
      "author", "moderate", note="the clause after the semicolon is a separate independent clause"),
    R("Third, Congress must not allow the Red Sea crisis to crowd out funding for\n\n3\n\nSomalia's fight against al-Shabaab",
      W("must"), W("Congress"),
      W("allow the Red Sea crisis to crowd out funding for\n\n3\n\nSomalia's fight against al-Shabaab"),
      "author", "strong", "dont", note="span crosses the page break with page number '3' (1)"),
    R("Finally, the administration could consider appointing a special envoy for the Red Sea",
      W("could consider"), W("administration"), W("appointing a special envoy for the Red Sea"),
      "author", "weak"),
]
# Not recommendations: 'What should Washington do?' (question), 'Should the MoU be
# implemented' (conditional inversion), 'would still need to negotiate'
# (obligation of circumstance), 'Ethiopia will have to decide' (prediction),
# the disclaimer's 'should not be attributed'.

# ---------------------------------------------------------------- statistics
# Guidelines section 10. Annotated before any statistic rule was written
# (held out while the extractor was developed on the other documents).
# Not statistics: "FOUR QUESTIONS" (the text's own list), "Q1", the footnote
# markers and page numbers, "a 50-year lease" and "roughly ten days" (dates),
# "the two governments", "the two sides", "first naval foothold".

STATISTICS = [
    S(L("On January 1, Ethiopian prime minister Abiy Ahmed and Somaliland president Muse Bihi Abdi signed a memorandum of understanding (MoU) in Addis Ababa that would give Ethiopia's navy a 20-kilometer strip of coast near Berbera",
        "20-kilometer"), 20, "km", measure=W("strip of coast"), subject="Berbera",
      note="subject: the place the measured strip is at; time null: the figure is in the relative clause 'that would give ...', January 1 dates the signing (set after the held-out run, by the guidelines' clause rule)"),
    S(L("Abiy has argued that a nation of 120 million people", "120 million"), 1.2e8, "people",
      measure=W("people"), source="Abiy Ahmed",
      note="outside the partial quote's marks but in Abiy's reported argument: source Abiy; 'a nation' is no named mention"),
    S(L("Since November 19, when Houthi fighters seized the car carrier Galaxy Leader, the group has launched more than 30 attacks on commercial vessels",
        "more than 30"), 30, "attacks", measure=W("attacks on commercial vessels"), time=W("November 19"), approx="MORE_THAN",
      note="subject: 'the group' is a description, not a named mention"),
    S(L("container traffic through the Suez Canal fell by about 40 percent between December", "about 40 percent"), 40, "percent",
      measure=W("container traffic through the Suez Canal"), subject="Suez Canal", time=W("December"), approx="APPROX",
      comparison=Cmp("down", cue=W("fell"))),
]
