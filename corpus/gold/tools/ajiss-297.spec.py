# Gold annotation spec of corpus/ajiss-297.md (AJISS-Commentary No. 297).
# Read with docs/annotation.md; built by build_gold.py (L, W, E, D, Q, R come
# from there). Items are located by text, never by offset.

SOURCE = "corpus/ajiss-297.md"

DOCUMENT = {
    "title": "Seize the Opportunity to Improve Japan-South Korea Relations",
    "authors": ["Junya Nishino"],
    "published": "2022-09-16",
    "series": "AJISS-Commentary",
    "number": "297",
    "key_points": [
        "The inauguration of the Yoon administration is viewed as an opportunity to improve Japan-South Korea relations.",
        "Cautious and skeptical views still exist as to whether this willingness will actually lead to improvement because of the weakness of the Yoon administration's domestic political base and the nature of the pending issues between Japan and South Korea.",
        L("- In order to bridge this gap, frequent and close communications for rebuilding a trusting relationship between the diplomatic authorities as well as the political leaders of Japan and South Korea are necessary.",
          "In order to bridge this gap, frequent and close communications for rebuilding a trusting relationship between the diplomatic authorities as well as the political leaders of Japan and South Korea are necessary."),
    ],
    "disclaimer": "The views expressed in this piece are the author's own and should not be attributed to The Association of Japanese Institutes of Strategic Studies.",
}

# ---------------------------------------------------------------- entities
# Every word-bounded occurrence of a form is a mention; an occurrence inside a
# longer listed form is dropped (flat rule, guidelines 3.3).

AJISS = "Association of Japanese Institutes of Strategic Studies"
NPI = "Nakasone Yasuhiro Peace Institute"
JIIA = "Japan Institute of International Affairs"
RIPS = "Research Institute for Peace and Security"

ENTITIES = [
    # header block, byline, disclaimer, bio
    E("AJISS", "ORG", AJISS, optional=True,
      note="acronym of the Association inside the series name AJISS-Commentary (guidelines 3.6)"),
    E(AJISS, "ORG", AJISS),
    E("NPI", "ORG", NPI),
    E("Nakasone Yasuhiro  \nPeace Institute", "ORG", NPI),
    E("JIIA", "ORG", JIIA),
    E("Japan Institute of  \nInternational Affairs", "ORG", JIIA),
    E("RIPS", "ORG", RIPS),
    E("Research Institute for  \nPeace and Security", "ORG", RIPS),
    E("JAPAN", "GPE", "Japan"),
    E("SOUTH KOREA", "GPE", "South Korea"),
    E("Junya Nishino", "PERSON", "Junya Nishino"),
    E("Faculty of Law", "ORG", "Faculty of Law", optional=True,
      note="named sub-unit of the university in the author bio (guidelines 3.6)"),
    E("Keio University", "ORG", "Keio University"),
    # people
    E("Yoon Seok-yeol", "PERSON", "Yoon Seok-yeol"),
    E("Yoon", "PERSON", "Yoon Seok-yeol"),
    E("Kishida Fumio", "PERSON", "Kishida Fumio"),
    E("Kishida", "PERSON", "Kishida Fumio"),
    E("Hayashi Yoshimasa", "PERSON", "Hayashi Yoshimasa"),
    E("Hayashi", "PERSON", "Hayashi Yoshimasa"),
    E("Park Jin", "PERSON", "Park Jin"),
    E("Park", "PERSON", "Park Jin"),
    E("Lee Jae-myung", "PERSON", "Lee Jae-myung"),
    E("Biden", "PERSON", "Biden"),
    E("Noda Yoshihiko", "PERSON", "Noda Yoshihiko"),
    E("Lee Myung-bak", "PERSON", "Lee Myung-bak"),
    # places
    E("Japan", "GPE", "Japan"),
    E("South Korea", "GPE", "South Korea"),
    E("North Korea", "GPE", "North Korea"),
    E("Russia", "GPE", "Russia"),
    E("Ukraine", "GPE", "Ukraine"),
    E("China", "GPE", "China"),
    E("United States", "GPE", "United States"),
    E("US", "GPE", "United States"),
    E("Kyoto", "GPE", "Kyoto"),
    E("Tokyo", "GPE", "Tokyo"),
    E("Indo-Pacific", "LOC", "Indo-Pacific"),
    # groups and organisations
    E("Japanese", "NORP", "Japanese"),
    E("South Korean", "NORP", "South Korean"),
    E("South Korean Supreme Court", "ORG", "South Korean Supreme Court",
      note="nationality adjective + capitalised institution name: one ORG (guidelines 3.3)"),
    E("National Assembly", "ORG", "National Assembly"),
    E("Gallup Korea", "ORG", "Gallup Korea"),
    E("NATO", "ORG", "NATO"),
]

# title words right before a PERSON mention (longest first) -> title attribute
TITLES = [
    ("Foreign Minister nominee", "Foreign Minister nominee"),
    ("Prime Minister", "Prime Minister"),
    ("Foreign Minister", "Foreign Minister"),
    ("foreign ministers", "Foreign Minister"),
    ("President-elect", "President-elect"),
    ("President", "President"),
]
TITLE_OVERRIDES = {
    # "foreign ministers Hayashi and Park": the plural title covers both names
    L("foreign ministers Hayashi and Park in Tokyo", "Park"): "Foreign Minister",
}

# ------------------------------------------------------------------- dates
# DCT = 2022-09-16 (the header date). Partial dates: year 2022 from the
# narrative (all past events of the piece's year) unless written.

DATES = [
    D("16 September 2022", "DATE", "2022-09-16", key="dct"),
    D(L("The March 9 presidential election", "March 9"), "DATE", "2022-03-09", "dct", key="election"),
    D(L("taking office on May 10", "May 10"), "DATE", "2022-05-10", "dct", key="inauguration"),
    D(L("Amid a decade of deteriorating", "a decade"), "DURATION", "P10Y"),
    D("April 2024", "DATE", "2024-04"),
    D("at least two years", "DURATION", "P2Y", mod="EQUAL_OR_MORE"),
    D(L("In July, two months", "July"), "DATE", "2022-07", "dct"),
    D(L("two months after the inauguration of the Yoon administration", "two months"), "DURATION", "P2M",
      note="a duration anchored to an event: the duration alone is the TIMEX3 (4.4)"),
    D("the fourth week of July", "DATE", "2022-W30", "dct",
      note="ISO weeks of July 2022: W27 (Jul 4-10) is the first week whose Thursday is in July, so the fourth is W30 (Jul 25-31)"),
    D(L("the 1965 agreement", "1965"), "DATE", "1965"),
    D(L("rulings in 2018", "2018"), "DATE", "2018"),
    D(L("On July 4,", "July 4"), "DATE", "2022-07-04", "dct"),
    D("the day after the presidential election", "DATE", "2022-03-10", "election", key="congrats",
      note="event-anchored: the presidential election is dated March 9 earlier in the text"),
    D("the following day", "DATE", "2022-03-11", "congrats"),
    D("March 11", "DATE", "2022-03-11", "dct"),
    D(L("On April 26,", "April 26"), "DATE", "2022-04-26", "dct"),
    D(L("Amidst the current global situation", "current"), "DATE", "PRESENT_REF", optional=True,
      note="'current' before a non-temporal noun (guidelines 4.2)"),
    D(L("the current international situation", "current"), "DATE", "PRESENT_REF", optional=True,
      note="'current' before a non-temporal noun (guidelines 4.2)"),
    D("late May", "DATE", "2022-05", "dct", mod="END"),
    D("June 29", "DATE", "2022-06-29", "dct"),
    D("about five years", "DURATION", "P5Y", mod="APPROX"),
    D(L("for only a short time", "a short time"), "DURATION", "PXX", optional=True,
      note="vague duration (guidelines 4.2)"),
    D(L("For some time now", "some time"), "DURATION", "PXX", optional=True,
      note="vague duration (guidelines 4.2)"),
    D(L("For some time now", "now"), "DATE", "PRESENT_REF"),
    D(L("diplomatic relations in 1965", "1965"), "DATE", "1965"),
    D(L("The July 18 meeting", "July 18"), "DATE", "2022-07-18", "dct"),
    D("recent years", "DATE", "PAST_REF"),
    D("July 2019 onwards", "DATE", "2019-07", mod="ON_OR_AFTER"),
    D("December 2011", "DATE", "2011-12"),
    D("more than a decade", "DURATION", "P10Y", mod="MORE_THAN"),
    D("a long time", "DURATION", "PXX", optional=True, note="vague duration (guidelines 4.2)"),
    D(L("as the decade of deteriorating relations", "the decade"), "DURATION", "P10Y"),
    D(L("Now is the time", "Now"), "DATE", "PRESENT_REF"),
]

# ------------------------------------------------------------------ quotes

KISHIDA_STATED = L("During the talk, Prime Minister Kishida stated that", "Kishida")

QUOTES = [
    Q("partial", "completely and finally settled",
      ["governments of Japan and South Korea"],
      [L("The governments of Japan and South Korea had agreed", "governments of Japan and South Korea")],
      L("had agreed that the issue", "agreed"),
      note="partial quote inside reported speech: the enclosing 'that'-clause is not annotated as indirect"),
    Q("scare", "liquidated", [], [], None),
    Q("partial", "cooperate closely with President-elect Yoon to improve Japan-South Korea relations,",
      ["Kishida Fumio"], [KISHIDA_STATED], L("Prime Minister Kishida stated that he", "stated")),
    Q("partial", L('"when the international community is confronted with epoch-making changes, sound Japan-South Korea relations are indispensable in realizing a rules-based international order and ensuring peace, stability and prosperity in the region and the world. "',
                   "when the international community is confronted with epoch-making changes, sound Japan-South Korea relations are indispensable in realizing a rules-based international order and ensuring peace, stability and prosperity in the region and the world."),
      ["Kishida Fumio"], [KISHIDA_STATED], L('recognizing that "when', "recognizing that"),
      note="a full sentence, but syntactically the complement of 'recognizing that': partial (guidelines 5.1)"),
    Q("direct", "Amidst the current global situation in which the rules-based international order is threatened, there has never been a time when Japan-South Korea strategic cooperation and Japan-South Korea-US strategic cooperation have been needed more, and there is no time to waste in improving Japan-South Korea relations.",
      ["Kishida Fumio"], [L("On April 26, Prime Minister Kishida had", "Kishida")],
      "made the following statement"),
    Q("direct", L('and stated, "there is no time to waste in improving Japan-South Korea relations."',
                  "there is no time to waste in improving Japan-South Korea relations."),
      ["Hayashi Yoshimasa"], [L("courtesy call on President Yoon, Foreign Minister Hayashi delivered", "Hayashi")],
      L('and stated, "there', "stated")),
    Q("partial", "speedily discuss the pending issues between Japan and South Korea, including at a high level, in order to resolve them as soon as possible.",
      ["Hayashi Yoshimasa", "Park Jin"],
      [L("Foreign Minister Hayashi also met", "Hayashi"), L("nominee Park Jin", "Park Jin")],
      L('they agreed to "speedily', "agreed"),
      note="speakers of 'they agreed': Hayashi and Park Jin"),
    Q("indirect", "the rules-based international order faces a crisis due to Russia's invasion of Ukraine and China's attempts to change the status quo by force, so cooperation between Japan and South Korea, two neighboring countries that share the values of liberal democracy, are both allies of the United States, and are the third and tenth largest economies in the world, is indeed an essential requirement",
      ["Kishida Fumio"], [L("As Prime Minister Kishida told Yoon", "Kishida")],
      L("As Prime Minister Kishida told Yoon", "told"),
      note="'As X told Y, <clause>': the content is the whole main clause (guidelines 5.2)"),
    Q("indirect", "it was premature for the prime minister to meet the delegation before any concrete moves had been made by the South Korean side on pending issues",
      ["some in the ruling party"], [L("Although some in the ruling party felt", "some in the ruling party")],
      L("some in the ruling party felt", "felt")),
    Q("indirect", "preparing to conduct its seventh nuclear test", [], [],
      L("which is reportedly preparing", "reportedly"), optional=True,
      note="'reportedly' with no source (guidelines 7)"),
    Q("indirect", "the South Korean side should first resolve pending issues, including the wartime labor issue",
      ["Japan"], [L("Japan has consistently maintained", "Japan")],
      L("Japan has consistently maintained", "maintained")),
    Q("direct", "it is necessary to develop Japan-South Korea relations based on the foundation of friendly cooperative relations that have been built since the normalization of diplomatic relations in 1965.",
      ["Kishida Fumio", "Hayashi Yoshimasa"],
      [L("as Prime Minister Kishida and Foreign Minister Hayashi have told", "Kishida"),
       L("as Prime Minister Kishida and Foreign Minister Hayashi have told", "Hayashi")],
      L("Foreign Minister Hayashi have told the South Korean side", "told")),
    Q("partial", "cooperate together", ["Yoon Seok-yeol"], [L("President Yoon has asked", "Yoon")],
      L("President Yoon has asked", "asked")),
    Q("partial", L('It\'s true that "there is no time to waste in improving Japan-South Korea relations,"',
                   "there is no time to waste in improving Japan-South Korea relations,"),
      ["Kishida Fumio", "Hayashi Yoshimasa"], [], None,
      note="the author re-using words the text earlier credits to Kishida (April 26 statement) and Hayashi (courtesy call) (guidelines 5.3)"),
    Q("indirect", "28% approval and 62% disapproval in the fourth week of July",
      ["Gallup Korea"], [L("according to a Gallup Korea opinion survey", "Gallup Korea")],
      "according to"),
]

# --------------------------------------------------------- recommendations

BRIDGE = "In order to bridge this gap, frequent and close communications for rebuilding a trusting relationship between the diplomatic authorities as well as the political leaders of Japan and South Korea are necessary"

RECOMMENDATIONS = [
    R(L(BRIDGE, n=0), W("are necessary"),
      W("diplomatic authorities as well as the political leaders of Japan and South Korea"),
      W("frequent and close communications for rebuilding a trusting relationship"),
      "author", "strong", note="key point 3; repeated in the body (guidelines 6.4)"),
    R(L(BRIDGE, n=1), W("are necessary"),
      W("diplomatic authorities as well as the political leaders of Japan and South Korea"),
      W("frequent and close communications for rebuilding a trusting relationship"),
      "author", "strong", note="body twin of key point 3"),
    R("which has strongly emphasized the need to improve relations with Japan since the presidential election campaign",
      W("need to"), None, W("improve relations with Japan"), "Yoon administration", "moderate",
      optional=True, note="reported stance with a nominal 'the need to' (guidelines 6.3)"),
    R("For the Yoon administration to resolve this issue, then, it must seek and implement another solution while respecting the judgment, all the while garnering the plaintiffs' understanding and public opinion",
      W("must"), W("Yoon administration"),
      W("seek and implement another solution while respecting the judgment, all the while garnering the plaintiffs' understanding and public opinion"),
      "author", "strong",
      note="conditional necessity: 'For X to ..., it must': actor is the antecedent of 'it'"),
    R("when the international community is confronted with epoch-making changes, sound Japan-South Korea relations are indispensable in realizing a rules-based international order and ensuring peace, stability and prosperity in the region and the world",
      W("are indispensable"), None, W("sound Japan-South Korea relations"), "Kishida Fumio", "strong",
      optional=True, note="necessity premise of a reported recognition (guidelines 6.3)"),
    R("cooperation between Japan and South Korea, two neighboring countries that share the values of liberal democracy, are both allies of the United States, and are the third and tenth largest economies in the world, is indeed an essential requirement",
      W("essential requirement"), W("Japan and South Korea"), W("cooperation"), "Kishida Fumio", "strong",
      optional=True,
      note="general requirement inside 'As Prime Minister Kishida told Yoon'; 'indeed' also reads as the author's own endorsement (guidelines 6.3)"),
    R("the South Korean side should first resolve pending issues, including the wartime labor issue",
      W("should"), W("South Korean side"), W("first resolve pending issues, including the wartime labor issue"),
      "Japan", "moderate", note="inside 'Japan has consistently maintained that'"),
    R("it is necessary to develop Japan-South Korea relations based on the foundation of friendly cooperative relations that have been built since the normalization of diplomatic relations in 1965",
      W("is necessary"), None,
      W("develop Japan-South Korea relations based on the foundation of friendly cooperative relations that have been built since the normalization of diplomatic relations in 1965"),
      "Kishida Fumio; Hayashi Yoshimasa", "strong", note="inside the ministers' direct quote; no actor named"),
    R('In response, President Yoon has asked the Japanese side to "cooperate together" for improving ties',
      W("asked"), W("Japanese side"), W("cooperate together"), "Yoon Seok-yeol", "moderate"),
    R("In doing so, Prime Minister Kishida should positively consider lifting the stricter export controls imposed on South Korea from July 2019 onwards because the South Korean side has made efforts to implement corrective measures",
      W("should"), W("Prime Minister Kishida"),
      W("positively consider lifting the stricter export controls imposed on South Korea from July 2019 onwards"),
      "author", "moderate"),
    R("the Japanese side should respond by showing a willingness to resume cooperation with the South Korean side",
      W("should"), W("Japanese side"),
      W("respond by showing a willingness to resume cooperation with the South Korean side"),
      "author", "moderate"),
    R("Now is the time for the leaders and people of both countries to make that step forward",
      W("Now is the time"), W("leaders and people of both countries"), W("make that step forward"),
      "author", "moderate"),
]

# ---------------------------------------------------------------- statistics
# Guidelines section 10 (10.7 discusses the seed).
STATISTICS = [
    S(L("he barely won by 0.73%, the narrowest margin", "0.73%"), 0.73, "percent",
      measure=W("margin"), subject="Yoon Seok-yeol",
      comparison=Cmp("least", cue=W("narrowest"))),
    S(L("Yoon won 48.56% of the vote to 47.83% for the loser Lee Jae-myung", "48.56%"), 48.56, "percent",
      measure=W("vote"), subject="Yoon Seok-yeol"),
    S(L("Yoon won 48.56% of the vote to 47.83% for the loser Lee Jae-myung", "47.83%"), 47.83, "percent",
      measure=W("vote"), subject="Lee Jae-myung",
      note="elliptical: the measure of the figure it is coordinated with"),
    S(L("(28% approval and 62% disapproval in the fourth week of July", "28%"), 28, "percent",
      measure=W("approval"), subject="Yoon Seok-yeol", time=W("the fourth week of July"),
      note="'its approval rate': the administration's (canonical from 'Yoon'); source from the Gallup Korea indirect quote"),
    S(L("its disapproval rate surpassed its approval rate (28% approval and 62% disapproval in the fourth week of July", "62%"), 62, "percent",
      measure=W("disapproval", k=1), subject="Yoon Seok-yeol", time=W("the fourth week of July"),
      comparison=Cmp("more", with_=L("(28% approval and 62%", "28%"), cue=W("surpassed"))),
    S(L("The body met four times", "four times"), 4, "times", measure=W("met")),
]
