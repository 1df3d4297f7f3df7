"""Entity error classes of a blind evaluation, one table row per case.

Short texts in several styles (news, op-ed, brief, speech summary, headline)
for the classes labels and canonical names went wrong on: geographic names,
head-noun references ("the Gulf"), organisation head nouns, legal
instruments, plural demonyms, capitals missing from the gazetteer, titles
with a portfolio, sentence-initial adjectives. Each class has near misses.
None of these names is in the gazetteers of ``models/``: the rules must
generalise.

A row: (text, span text, occurrence, label, canonical, title). ``label`` None
means: no entity may cover that occurrence (a near miss).
"""

from __future__ import annotations

import re

import pytest

GEO_NEWS = (
    "Fishing fleets crowd the Gulf of Tonkin every summer, and oil rigs dot the Bay of Campeche off Mexico. "
    "Tankers cross the Sea of Azov less often now, while patrols in the Andaman Sea have doubled. "
    "Floods hit the Irrawaddy Delta again this year; the Congo Basin lost more forest. "
    "Fishermen on Lake Tanganyika and herders near the Turkana lake report poor seasons. "
    "The Orange River marks the border, and rebels hide in the Rwenzori Mountains. "
    "The gulf between the two parties is wide."
)
GEO_BRIEF = (
    "Botswana earns most of its export income from the Jwaneng and Orapa mines. "
    "Guinea hopes the Simandou deposit will transform its economy, and Israel exports gas from the Leviathan field. "
    "The Amur, known in China as the Heilong, freezes each winter. "
    "The Bank of Thailand and the Gulf Cooperation Council were not consulted."
)
GEO_HEADLINE = "# THE BAY OF BISCAY AFTER THE STORMS\n\nStorms battered the Bay of Biscay last week, and the Bay of Biscay ports closed.\n"
HEAD_OPED = (
    "The Gulf of Tonkin has become crowded. Chinese and Vietnamese boats compete there, and the Gulf may yet see a clash. "
    "The European Commission has proposed a fishing plan; the Commission wants quotas. "
    "The Lowy Institute agrees: the Institute called for talks. "
    "The commission of inquiry found nothing."
)
HEAD_AMBIGUOUS = (
    "The Arctic Council met in Tromso after the Barents Euro-Arctic Council had met in Oslo. "
    "The Council issued no statement."
)
ORG_BRIEF = (
    "Author: Maria Santos, Stimson Center\n\n"
    "Analysts at the Hudson Institute and Monash University disagree. "
    "The Kettering Foundation funded the study, which the Auckland Council and the Labour Party cited.\n"
)
LAW_SPEECH = (
    "The minister praised the Aarhus Convention and the Kyoto Protocol, and recalled the Good Friday Agreement. "
    "She said the Treaty of Rome, the Helsinki Final Act and the Clean Water Act had shaped her thinking, "
    "as had Resolution 1325 and the Prevention of Terrorism and Related Offences Act. "
    "The 1990 accord was not mentioned. Act now, she said."
)
NORP_NEWS = (
    "Greenlanders and Icelanders voted this spring, while Nigerians and Filipinos abroad sent money home. "
    "Kurds, Bangladeshis and Sudanese joined the protest; the Dutch stayed away. "
    "Leaders and outsiders alike were surprised."
)
CAPITALS_NEWS = (
    "Officials met in Nuuk and then flew to Torshavn. "
    "A delegation from Papeete arrived in Noumea, and envoys went on to Kingston and Port Moresby."
)
TITLES_NEWS = (
    "Minister for Mineral Resources Naja Berthelsen visited the mine. "
    "Minister of Foreign Affairs Tomas Vidal met Water Resources Minister Grace Mutale. "
    "Kenyan Energy Minister Joseph Kariuki and Secretary of State for Defence Alan Pryce also attended. "
    "Later, Berthelsen, Vidal, Mutale, Kariuki and Pryce spoke to reporters."
)
FAC_NEWS = (
    "Engineers inspected the Kariba Dam and the Gwadar Port, and the dam on the Zambezi held. "
    "The Bridge on the River Kwai is a film."
)
BYLINE_OPED = (
    "# WATER AND POWER IN THE NILE BASIN\n\n"
    "*Amara Okafor, Centre for Strategic and International Studies*\n\n"
    "The African Union Peace and Security Council met on the Blue Nile dispute. "
    "Ghana and Security Council members disagreed.\n"
)
NEAR_MISS_NEWS = (
    "# Why the Green Climate Fund Needs Reform\n\n"
    "By Maria Lopez\n\n"
    "Michael Bay filmed near the Hudson River, and Anthony Lake once advised the White House. "
    "The Democratic National Convention opened in Chicago. The Belt and Road project has slowed. "
    "Talks between the European Commission and the Council of Europe stalled; the Commission blamed the Council.\n"
)
BULLETS_BRIEF = (
    "## Key points\n\n"
    "- Coastal states should share patrol data.\n"
    "- Regional leaders must fund the secretariat.\n"
    "- Maritime security depends on Ghana and Togo.\n\n"
    "Coastal communities suffer most. Regional cooperation is weak.\n"
)

ROWS = [
    # 1. geographic features
    (GEO_NEWS, "Gulf of Tonkin", 0, "LOC", "Gulf of Tonkin", None),
    (GEO_NEWS, "Bay of Campeche", 0, "LOC", "Bay of Campeche", None),
    (GEO_NEWS, "Mexico", 0, "GPE", "Mexico", None),
    (GEO_NEWS, "Sea of Azov", 0, "LOC", "Sea of Azov", None),
    (GEO_NEWS, "Andaman Sea", 0, "LOC", "Andaman Sea", None),
    (GEO_NEWS, "Irrawaddy Delta", 0, "LOC", "Irrawaddy Delta", None),
    (GEO_NEWS, "Congo Basin", 0, "LOC", "Congo Basin", None),
    (GEO_NEWS, "Lake Tanganyika", 0, "LOC", "Lake Tanganyika", None),
    (GEO_NEWS, "Turkana", 0, "LOC", "Turkana", None),
    (GEO_NEWS, "Orange River", 0, "LOC", "Orange River", None),
    (GEO_NEWS, "Rwenzori Mountains", 0, "LOC", "Rwenzori Mountains", None),
    (GEO_NEWS, "gulf", 0, None, None, None),  # "the gulf between the two parties"
    (GEO_BRIEF, "Jwaneng", 0, "LOC", "Jwaneng", None),
    (GEO_BRIEF, "Orapa", 0, "LOC", "Orapa", None),
    (GEO_BRIEF, "Simandou", 0, "LOC", "Simandou", None),
    (GEO_BRIEF, "Leviathan", 0, "LOC", "Leviathan", None),
    (GEO_BRIEF, "Heilong", 0, "LOC", "Heilong", None),
    (GEO_BRIEF, "China", 0, "GPE", "China", None),
    (GEO_BRIEF, "Guinea", 0, "GPE", "Guinea", None),
    (GEO_BRIEF, "Bank of Thailand", 0, "ORG", "Bank of Thailand", None),  # an organisation head wins
    (GEO_BRIEF, "Gulf Cooperation Council", 0, "ORG", "Gulf Cooperation Council", None),
    (GEO_HEADLINE, "BAY OF BISCAY", 0, "LOC", "Bay of Biscay", None),
    (GEO_HEADLINE, "Bay of Biscay", 1, "LOC", "Bay of Biscay", None),
    # 2. head-noun references after the full name
    (HEAD_OPED, "Gulf", 1, "LOC", "Gulf of Tonkin", None),
    (HEAD_OPED, "Commission", 1, "ORG", "European Commission", None),
    (HEAD_OPED, "Institute", 1, "ORG", "Lowy Institute", None),
    (HEAD_OPED, "commission", 0, None, None, None),  # lower case: a common noun
    (HEAD_AMBIGUOUS, "Council", 2, "ORG", "Council", None),  # two councils: left as written
    # 3. organisation head nouns; "Author: Name, Organisation"
    (ORG_BRIEF, "Maria Santos", 0, "PERSON", "Maria Santos", None),
    (ORG_BRIEF, "Stimson Center", 0, "ORG", "Stimson Center", None),
    (ORG_BRIEF, "Hudson Institute", 0, "ORG", "Hudson Institute", None),
    (ORG_BRIEF, "Monash University", 0, "ORG", "Monash University", None),
    (ORG_BRIEF, "Kettering Foundation", 0, "ORG", "Kettering Foundation", None),
    (ORG_BRIEF, "Auckland Council", 0, "ORG", "Auckland Council", None),
    (ORG_BRIEF, "Labour Party", 0, "ORG", "Labour Party", None),
    # 4. legal instruments
    (LAW_SPEECH, "Aarhus Convention", 0, "LAW", "Aarhus Convention", None),
    (LAW_SPEECH, "Kyoto Protocol", 0, "LAW", "Kyoto Protocol", None),
    (LAW_SPEECH, "Good Friday Agreement", 0, "LAW", "Good Friday Agreement", None),
    (LAW_SPEECH, "Treaty of Rome", 0, "LAW", "Treaty of Rome", None),
    (LAW_SPEECH, "Helsinki Final Act", 0, "LAW", "Helsinki Final Act", None),
    (LAW_SPEECH, "Clean Water Act", 0, "LAW", "Clean Water Act", None),
    (LAW_SPEECH, "Resolution 1325", 0, "LAW", "Resolution 1325", None),
    (LAW_SPEECH, "Prevention of Terrorism and Related Offences Act", 0, "LAW", "Prevention of Terrorism and Related Offences Act", None),
    (LAW_SPEECH, "accord", 0, None, None, None),  # "the 1990 accord"
    (LAW_SPEECH, "Act", 3, None, None, None),  # "Act now"
    # 5. plural demonyms
    (NORP_NEWS, "Greenlanders", 0, "NORP", "Greenlanders", None),
    (NORP_NEWS, "Icelanders", 0, "NORP", "Icelanders", None),
    (NORP_NEWS, "Nigerians", 0, "NORP", "Nigerians", None),
    (NORP_NEWS, "Filipinos", 0, "NORP", "Filipinos", None),
    (NORP_NEWS, "Kurds", 0, "NORP", "Kurds", None),
    (NORP_NEWS, "Bangladeshis", 0, "NORP", "Bangladeshis", None),
    (NORP_NEWS, "Sudanese", 0, "NORP", "Sudanese", None),
    (NORP_NEWS, "Dutch", 0, "NORP", "Dutch", None),
    (NORP_NEWS, "Leaders", 0, None, None, None),
    # 6. capitals
    (CAPITALS_NEWS, "Nuuk", 0, "GPE", "Nuuk", None),
    (CAPITALS_NEWS, "Torshavn", 0, "GPE", "Torshavn", None),
    (CAPITALS_NEWS, "Papeete", 0, "GPE", "Papeete", None),
    (CAPITALS_NEWS, "Noumea", 0, "GPE", "Noumea", None),
    (CAPITALS_NEWS, "Kingston", 0, "GPE", "Kingston", None),
    (CAPITALS_NEWS, "Port Moresby", 0, "GPE", "Port Moresby", None),
    # 7. titles with a portfolio; surnames later
    (TITLES_NEWS, "Naja Berthelsen", 0, "PERSON", "Naja Berthelsen", "Minister for Mineral Resources"),
    (TITLES_NEWS, "Mineral Resources", 0, None, None, None),
    (TITLES_NEWS, "Tomas Vidal", 0, "PERSON", "Tomas Vidal", "Minister of Foreign Affairs"),
    (TITLES_NEWS, "Grace Mutale", 0, "PERSON", "Grace Mutale", "Water Resources Minister"),
    (TITLES_NEWS, "Kenyan", 0, "NORP", "Kenyan", None),
    (TITLES_NEWS, "Joseph Kariuki", 0, "PERSON", "Joseph Kariuki", "Energy Minister"),
    (TITLES_NEWS, "Alan Pryce", 0, "PERSON", "Alan Pryce", "Secretary of State for Defence"),
    (TITLES_NEWS, "Berthelsen", 1, "PERSON", "Naja Berthelsen", None),
    (TITLES_NEWS, "Vidal", 1, "PERSON", "Tomas Vidal", None),
    (TITLES_NEWS, "Mutale", 1, "PERSON", "Grace Mutale", None),
    (TITLES_NEWS, "Kariuki", 1, "PERSON", "Joseph Kariuki", None),
    (TITLES_NEWS, "Pryce", 1, "PERSON", "Alan Pryce", None),
    # facilities by their head; "of" only after a place or facility head
    (FAC_NEWS, "Kariba Dam", 0, "FAC", "Kariba Dam", None),
    (FAC_NEWS, "Gwadar Port", 0, "FAC", "Gwadar Port", None),
    (FAC_NEWS, "Zambezi", 0, "LOC", "Zambezi", None),  # "the dam on the Zambezi": no FAC over it
    # an affiliation after the byline's names; "and" inside an organisation's name
    (BYLINE_OPED, "Amara Okafor", 0, "PERSON", "Amara Okafor", None),
    (BYLINE_OPED, "Centre for Strategic and International Studies", 0, "ORG", "Centre for Strategic and International Studies", None),
    (BYLINE_OPED, "African Union Peace and Security Council", 0, "ORG", "African Union Peace and Security Council", None),
    (BYLINE_OPED, "Blue Nile", 0, "LOC", "Blue Nile", None),  # a modified region
    (BYLINE_OPED, "Ghana", 0, "GPE", "Ghana", None),  # not "Ghana and Security Council"
    (BYLINE_OPED, "NILE BASIN", 0, "LOC", "Nile Basin", None),
    # near misses of the head rules
    (NEAR_MISS_NEWS, "Reform", 0, None, None, None),  # a heading, not an organisation's name
    (NEAR_MISS_NEWS, "Michael Bay", 0, "PERSON", "Michael Bay", None),
    (NEAR_MISS_NEWS, "Anthony Lake", 0, "PERSON", "Anthony Lake", None),
    (NEAR_MISS_NEWS, "Hudson River", 0, "LOC", "Hudson River", None),
    (NEAR_MISS_NEWS, "Belt", 0, None, None, None),  # "the Belt and Road project" is not two places
    (NEAR_MISS_NEWS, "Commission", 1, "ORG", "European Commission", None),
    (NEAR_MISS_NEWS, "Council", 1, "ORG", "Council of Europe", None),  # the one council before it
    # 8. sentence- and bullet-initial adjectives
    (BULLETS_BRIEF, "Coastal", 0, None, None, None),
    (BULLETS_BRIEF, "Regional", 0, None, None, None),
    (BULLETS_BRIEF, "Maritime", 0, None, None, None),
    (BULLETS_BRIEF, "Ghana", 0, "GPE", "Ghana", None),
    (BULLETS_BRIEF, "Coastal", 1, None, None, None),
    (BULLETS_BRIEF, "Regional", 1, None, None, None),
]


def _offset(source: str, text: str, occurrence: int) -> tuple[int, int]:
    hits = [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(text) + r"(?!\w)", source)]
    assert len(hits) > occurrence, f"{text!r} occurs {len(hits)} times"
    return hits[occurrence]


@pytest.mark.parametrize("source,text,occurrence,label,canonical,title", ROWS, ids=[f"{r[1]}#{r[2]}" for r in ROWS])
def test_entity_class(records_of, source, text, occurrence, label, canonical, title):
    a, b = _offset(source, text, occurrence)
    ents = records_of(source).get("entity", [])
    if label is None:
        over = [e for e in ents if e["start"] < b and a < e["end"]]
        assert not over, over
        return
    got = [e for e in ents if (e["start"], e["end"]) == (a, b)]
    assert got, [e for e in ents if e["start"] < b and a < e["end"]]
    e = got[0]
    assert (e["label"], e["canonical"], e["title"]) == (label, canonical, title)
