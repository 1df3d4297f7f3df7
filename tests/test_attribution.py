"""Speaker attribution: one table per sieve (text -> speakers and the sieve
that chose them), each with near misses written for these tests, and unit
tests of the cue and subject logic on hand-built parses (no statistical model).

Texts are invented; every case is its own document (a headline, a first
paragraph, then the case's paragraphs), so that sieves that read earlier
paragraphs see only the case."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from claimex.extractors.clauses import subject_of
from claimex.extractors.cues import participle_subject, passive_without_agent, subject_after, subject_before
from claimex.extractors.quotes import _frame_verb, _nominal_run
from claimex.extractors.reported import _content_clause, _embedded_question

OPENING = "Talks on the budget\n\nThe talks in the capital went on for most of the week and ended without an agreement.\n\n"


def _quote(records_of, paragraphs: list[str], words: str) -> dict:
    text = OPENING + "\n\n".join(paragraphs) + "\n"
    quotes = records_of(text).get("quote", [])
    start = text.index(words)
    rec = next((q for q in quotes if q["start"] <= start < q["end"]), None)
    assert rec is not None, f"no quote over {words!r}: {[q['text'] for q in quotes]}"
    return rec


def _check(rec: dict, speakers: list[str], rule: str | None) -> None:
    assert [s.casefold() for s in rec["speakers"]] == [s.casefold() for s in speakers], rec
    if rule is None:
        assert not rec.get("speaker_rule"), rec
    else:
        assert (rec.get("speaker_rule") or "").startswith(rule), rec


# (paragraphs, words inside the quote, speakers, speaker_rule prefix or None)
CUE_SUBJECT = [
    (['Finance Minister Maria Lopez said: "We will not sign this deal."'], "We will not sign", ["Maria Lopez"], "cue_subject/name"),
    # the speaker after the closing mark is read off the word order; an apposition after the name is not counted
    (['"We will not sign," Maria Lopez, 58, told reporters in Lima on Monday.'], "We will not sign", ["Maria Lopez"], "cue_subject/apposition"),
    (['"Go back to your seat," Maria Lopez snapped.'], "Go back", ["Maria Lopez"], "cue_subject"),
    # any verb with its subject after a quote ending in a comma is a cue (news style)
    (['"Not our plan, but a good one!" Omar Haddad beamed on Friday.'], "Not our plan", ["Omar Haddad"], "cue_subject"),
    # near miss: a verb after a quote whose subject is a relative pronoun is the author's sentence
    (['The "reset," which failed within a year, was soon forgotten.'], "reset", [], None),
    # a participle with no subject reports the words of the main clause's subject
    (['Maria Lopez said the talks could be "messy," adding, "Democracy is messy."'], "Democracy is messy.", ["Maria Lopez"], "cue_subject/name"),
    (['Omar Haddad seemed ready to speak at length, telling the crowd, "Some people get carried away."'], "Some people", ["Omar Haddad"], "cue_subject/name"),
    # any finite verb before a colon introduces the quote when no reporting verb does
    (['Omar Haddad leaned in and boomed: "Let us defeat them in November."'], "Let us defeat", ["Omar Haddad"], "cue_subject"),
    # a party tag in parentheses is not the speaker
    (['Senator Maria Lopez (D-NM) said, "The bill is dead."'], "The bill is dead.", ["Maria Lopez"], "cue_subject"),
    # a name inside the quote is never the speaker
    (['"Like Lima. Or Quito," Maria Lopez said.'], "Like Lima", ["Maria Lopez"], "cue_subject/name"),
    # a passive cue with no agent: the subject is what the words are about, not their speaker
    (['The mayor was called "a disgrace to the city" at the meeting.'], "a disgrace", [], None),
    (['Omar Haddad runs a group called "Open Streets Now" in the capital.'], "Open Streets Now", [], None),
    # wording never speaks: a participle after it has no speaker
    (['The delegates replaced the plank with softer language calling for "appropriate assistance" to the region.'], "appropriate assistance", [], None),
    # ... and the ranker does not guess one
    (['When Omar Haddad looked into the claim by Maria Lopez, it was labeled "mostly true."'], "mostly true", [], None),
    # near misses: the agent of a passive speaks; a raising verb above the cue keeps its subject
    (['The plan was called "reckless and cruel" by Maria Lopez.'], "reckless and cruel", ["Maria Lopez"], "cue_subject/name"),
    (['Omar Haddad was expected to say "no deal" on Monday.'], "no deal", ["Omar Haddad"], "cue_subject/name"),
    # near misses: a past verb after an apposition set off by commas is finite, not a passive participle
    (['Maria Lopez, speaking on a radio show, called Omar Haddad a "blowhard," and left.'], "blowhard", ["Maria Lopez"], "cue_subject/name"),
    (['Omar Haddad, the 2012 nominee, tweeted in response: "Important distinction: the port is closed."'], "Important distinction", ["Omar Haddad"], "cue_subject"),
    # the object of 'prompt', 'urge', 'ask' does the infinitive that follows it
    (['That prompted Maria Lopez to make a joke and call Omar Haddad "very flexible."'], "very flexible", ["Maria Lopez"], "cue_subject/name"),
    # a relative clause on a text reports for the text's issuer
    (['Maria Lopez is releasing a new ad that urges voters to "send a message" to the banks.'], "send a message", ["Maria Lopez"], "cue_subject/name"),
    (['Maria Lopez released a statement that says the city "condemns all hate speech" and more.'], "condemns all hate", ["Maria Lopez"], "cue_subject/name"),
    # a participle after the one a text is sent to reports for its sender
    (['Her campaign quickly blasted out an email to supporters stating, "The speaker joins us today."'], "The speaker joins", ["Her campaign"], "cue_subject/group"),
    (['The senator emailed supporters saying: "The struggle continues."'], "The struggle continues", ["senator"], "cue_subject/group"),
    # words on a sign are the carrier's
    (['Protesters waved placards saying "No more war" outside the embassy.'], "No more war", ["Protesters"], "cue_subject/group"),
    # near miss: people spoken to who say something themselves
    (['Maria Lopez spoke to supporters chanting "four more years."'], "four more years", ["supporters"], "cue_subject/group"),
    # near miss: a relative clause on people reports for those people
    (['The council members who said the city "condemns all hate speech" left early.'], "condemns all hate", ["council members"], "cue_subject/group"),
    # quoted words inside the subject phrase are not its speaker: what precedes them is
    (['Holding signs calling the mayor "a disgrace to Riverton," the protesters chanted "Resign now!"'], "Resign now", ["protesters"], "cue_subject/group"),
    # near miss: a quoted title after a determiner or a preposition stays in the phrase
    (['The authors of the "Open Door" report wrote: "We must engage voters early."'], "We must engage", ['authors of the "Open Door" report'], "cue_subject/group"),
    # a sentence-opening 'Said X:' puts the speaker after the verb
    (['The plan is complex. Said Lopez: "I do not think she cares about tax reform at all."'], "I do not think", ["Lopez"], "cue_subject"),
    # near miss: 'Said that,' is no speaker
    (['Said that, the plan failed: "It was never funded."'], "never funded", [], None),
    # a participle after a name shown in a recording speaks for that name
    (['The new ad uses footage of Maria Lopez asking, "Why are we not ahead?"'], "Why are we", ["Maria Lopez"], "cue_subject/name"),
    # near miss: the object of a verb that shows nothing leaves the participle to the subject
    (['Omar Haddad praised Maria Lopez, saying "she is the finest mayor we have had."'], "finest mayor", ["Omar Haddad"], "cue_subject/name"),
    # a longer subject after the closing mark counts when it is the verb's whole subject
    (['"You work hard. Why do they not pay?" a narrator in the Lopez ad asks.'], "You work hard", ["narrator"], "cue_subject/group"),
    # near miss: a subject that the words after the quote do not open is the author's sentence
    (['"We will win," and the long march to the capital was over.'], "We will win", [], None),
    (['"It was a long night for all of us." Many in the crowd said the mayor was the only one they trusted.'], "a long night", [], None),
    (['"Was it a long night for all of us?" Many in the crowd said the mayor was the only one they trusted.'], "a long night", [], None),
    # a multiword reporting phrase opening with the verb the quoted words hang from
    (['As Omar Haddad went on about "a rigged system" and "forgotten families," the crowd cheered.'], "forgotten families", ["Omar Haddad"], "cue_subject/name"),
    # coordinated names right before the verb speak together, even after a long opening clause
    (['When the reports of the attacks came in from the north of the country, Lopez and Haddad call them "isolated incidents" and move on.'], "isolated incidents", ["Lopez", "Haddad"], "cue_subject/coordination"),
    # a noun of speech before the colon introduces the quote, not a verb further back
    (['Omar Haddad became so upset that I had to change my answer: "Of course I agree. I was only joking."'], "Of course I agree", ["author"], "cue_subject/author"),
    # near miss: 'To which X said' after a quote answers it: X is not its speaker
    (['Omar Haddad stood up at the meeting. "You are wrong about the port." To which she said, "Prove it."'], "wrong about the port", ["Omar Haddad"], "preceding_subject"),
    # near miss: a verb of the same clause before a noun that is not speech still introduces it
    (['Omar Haddad ended the evening on a high note: "We will win this."'], "We will win this", ["Omar Haddad"], "cue_subject/name"),
    # quotation marks typed against the words around them are still quotation marks
    (['Maria Lopez said,“Look, these images have no place in a campaign.”'], "Look, these images", ["Maria Lopez"], "cue_subject/name"),
    # a surname the tagger reads as an adverb or a modal right before the cue is the speaker
    (['Tom Skelly runs the county party. And Skelly called the mayor "a real smart guy."'], "real smart guy", ["Tom Skelly"], "cue_subject/name"),
    (['Conservative columnist Maria Will wrote a column on Friday. In the column, Will described the plan as "a caricature of reform."'], "caricature of reform", ["Maria Will"], "cue_subject/name"),
    # near miss: a sentence adverb
    (['Then Obviously called it "a farce of sorts."'], "a farce of sorts", [], None),
    # 'brand' names, like 'call'
    (['Japan branded the regime an "outlaw state in the neighborhood." Russia insisted on restraint.'], "outlaw state", ["Japan"], "cue_subject/name"),
]

SOURCE_LABEL = [
    # 'From <a text>:' labels the quote after the colon with the text, or its owner
    (['From the ruling: "The law is void and cannot be enforced."'], "The law is void", ["ruling"], "source_label/group"),
    (["From Maria Lopez's statement: \"We will not sign this deal.\""], "We will not sign", ["Maria Lopez"], "source_label"),
    # near miss: 'from' before a noun that is no text is no source
    (['From the start: "We will not sign this deal," Omar Haddad said.'], "We will not sign", ["Omar Haddad"], "cue_subject/name"),
]

APPOSITION = [
    # the person, not the organisation the apposition names
    (['Jan Kowalski, a spokesman for the Dockers Union, said: "We will strike."'], "We will strike.", ["Jan Kowalski"], "cue_subject/apposition"),
    (['Sarah Miller, director of operations and advocacy at the agency, said that access remained "precarious at best".'], "precarious at best", ["Sarah Miller"], "cue_subject/apposition"),
    # near miss: a role before the name, with the name after the comma
    (['The special envoy for the region, Laura Mendes, said: "The road is open."'], "The road is open.", ["Laura Mendes"], "cue_subject"),
    # a party-and-state label, an indefinite description or 'both ...' after a comma is an apposition, not a second speaker
    (['"The bill is dead," Senate Majority Leader Tom Harlan, R-Ky., said.'], "The bill is dead", ["Tom Harlan"], "cue_subject"),
    (['"We will sue," Open Roads Fund, a transport lobby, said on Monday.'], "We will sue", ["Open Roads Fund"], "cue_subject"),
    (['"We will not back down," Senate leader Paul Berg and Speaker Tim Vance, both Republicans, said.'], "We will not back down", ["Paul Berg", "Tim Vance"], "cue_subject/coordination"),
    # near miss: names inside an apposition after a comma are not a list of speakers
    (['"You can aim for a lot," said Omar Haddad, a former adviser to President Tom Vance and President Paul Berg, who has advised Maria Lopez.'], "You can aim", ["Omar Haddad"], "cue_subject/apposition"),
    # near miss: a real list after commas keeps every name
    (['"We will not back down," Paul Berg, Tim Vance and Maria Lopez said.'], "We will not back down", ["Paul Berg", "Tim Vance", "Maria Lopez"], "cue_subject/coordination"),
]

ACCORDING_TO = [
    (["Turnout fell to 40 per cent, according to the electoral commission."], "Turnout fell", ["electoral commission"], "according_to/group"),
    (["According to Maria Lopez, the bridge will reopen in May."], "the bridge will reopen", ["Maria Lopez"], "according_to/name"),
]

CLAUSE_SUBJECT = [
    # a cue-less partial quote in a clause whose subject is a person: the subject's words
    (['Maria Lopez hailed the volunteers for "stepping up when nobody else would."'], "stepping up", ["Maria Lopez"], "clause_subject/name"),
    (['The senator brushed off the report as "theatre for the cameras."'], "theatre", ["senator"], "clause_subject/group"),
    # a second quote coordinated with the first, or hanging from its words, has the same clause subject
    (['Maria Lopez has gone after Omar Haddad as a "human leech" and a "spoiled brat."'], "spoiled brat", ["Maria Lopez"], "clause_subject/name"),
    (['Maria Lopez compared Omar Haddad to a coach who is "working the referees" in hopes that "they will go easier" on him.'], "they will go easier", ["Maria Lopez"], "clause_subject/name"),
    # near miss: two scare quotes as subjects of a verb about things
    (['The "reform" and the "reset" both failed.'], "reset", [], None),
    # near misses: a thing or a place as the subject leaves a scare quote
    (['The plan launched a "reset" of relations.'], "reset", [], None),
    (['Moscow has pursued a "hybrid" strategy for years.'], "hybrid", [], None),
    # a text or a recording speaks for itself like a body
    (['The ad targets a "corrupt political system that keeps in place a rigged economy."'], "corrupt political", ["ad"], "clause_subject/group"),
    # near miss: a document that is not a text that speaks
    (['The final resolution has a "genius" clause in it.'], "genius", [], None),
]

NOUN_OWNER = [
    # the words a noun of speech is, after a copula, are its owner's
    (['Maria Lopez\'s campaign slogan is "We stand together." It is on every poster.'], "We stand together", ["Maria Lopez"], "noun_owner/name"),
    (["Omar Haddad's catch phrase in the race was that Lopez \"would say anything to win.\""], "would say anything", ["Omar Haddad"], "noun_owner/name"),
    # near misses: a noun of a stance, not of words; the subject of the copula is no noun of speech
    (["Europe's response so far has been a \"shopping list\" of demands."], "shopping list", [], None),
    (['Her biggest problem was "the economy."'], "the economy", [], None),
]

AS_CLAUSE = [
    # 'As X put it' of any length, closed by its comma, gives the woven words after it to X
    (['As Maria Lopez put it in a statement to the council in July, the port is "open for business again."'], "open for business", ["Maria Lopez"], "cue_subject/name"),
    # near miss: 'as' of time with a verb that reports nothing
    (['As Maria Lopez put the files in a box in July, the port was "open for business again."'], "open for business", [], None),
]

CONTINUATION = [
    # after a programme's name in doubled apostrophes (a title, no quote), the next quote carries on
    (["''The port will reopen,'' Omar Haddad said on the network's ''Morning Report.'' ''We are ready for the ships.''"], "ready for the ships", ["Omar Haddad"], "continuation"),
    # whole sentences after a quote continue its speaker, in the paragraph and the next ones of the same speech
    (['"The deal is fair," said union leader Sarah Miller. "Nobody wanted a long strike."'], "Nobody wanted", ["Sarah Miller"], "continuation"),
    (["Sarah Miller spoke first and then read a statement:", '"The deal is fair."', '"Nobody wanted a long strike."', '"Our members needed a raise."', '"And now they have one."'],
     "And now they have one", ["Sarah Miller"], "continuation"),
    # an opening "X said:" in the paragraph before is the cue of the quote that opens the next
    (["Later, Sarah Miller turned to the press:", '"The deal is fair and we will sign it."'], "The deal is fair", ["Sarah Miller"], "cue_subject/name"),
    # near miss: a cue-less quote far from any speaker stays without one
    (["The port reopened on Tuesday.", "Ships queued for hours.", "Cranes were idle.", '"We have never seen such a queue before this week."'], "We have never seen", [], None),
]

PRECEDING_SUBJECT = [
    # a cue-less quote after a sentence about someone (who quotes nobody there) is theirs
    (['"The port is open," said Sarah Miller.', "Omar Haddad spoke only briefly at the end of the meeting.", '"We will be back next week with a better offer."'],
     "We will be back", ["Omar Haddad"], "preceding_subject"),
    # near miss: the sentence before is about a thing
    (['"The port is open," said Sarah Miller.', "The meeting ended late.", '"We will be back next week with a better offer."'], "We will be back", ["Sarah Miller"], "continuation"),
]

PRONOUNS = [
    # he/she: the nearest person outside quotation marks, in agreement with a first name's gender
    (["Maria Lopez met John Baker in Lima.", '"We agreed on nothing," she said.'], "We agreed on nothing", ["Maria Lopez"], "cue_subject/pronoun"),
    (["Maria Lopez met John Baker in Lima.", '"We agreed on nothing," he said.'], "We agreed on nothing", ["John Baker"], "cue_subject/pronoun"),
    # a person named inside the quote is not an antecedent
    (['Omar Haddad spoke after the vote. "John Baker is our best negotiator," he said.'], "our best negotiator", ["Omar Haddad"], "cue_subject/pronoun"),
    # never a place
    (["Omar Haddad arrived in Vermont on Monday.", '"The talks will go on," he said.'], "The talks will go on", ["Omar Haddad"], "cue_subject/pronoun"),
    # never a title in apposition to a noun of a work ('her memoir, X'), whatever label the recogniser gives it
    (["Maria Lopez's clinic is the subject of her 2009 memoir, Living Memory.", '"We will win," she said.'], "We will win", ["Maria Lopez"], "cue_subject/pronoun"),
    # near miss: a name in apposition to a noun of a person is one
    (["At the rally, her sister, Maria Lopez, spoke first.", '"We will win," she said.'], "We will win", ["Maria Lopez"], "cue_subject/pronoun"),
]

RESOLUTION = [
    # a person the quoted words name is talked about: he/she stands for someone else of its sentence
    (["While Omar Haddad had a choir singing for him, that has not happened for Maria Lopez, which worries Tom Diallo, president of the local club.",
      '"Omar Haddad had a choir. Maria Lopez has nobody," he said.'], "Maria Lopez has nobody", ["Tom Diallo"], "cue_subject/pronoun"),
    # near miss: nobody else in the sentence, the one named
    (["Omar Haddad spoke in Lima on Monday.", '"Omar Haddad will never give up," he said.'], "will never give up", ["Omar Haddad"], "cue_subject/pronoun"),
    # a person's description ('the GOP candidate') is no name of the organisation that modifies it
    (["Omar Haddad spoke in Ohio on Monday.", 'The GOP candidate said the plan was "fully funded."'], "fully funded", ["Omar Haddad"], "cue_subject/description"),
    (["Omar Haddad spoke in Ohio on Monday.", 'The GOP candidate gave no estimate, though he said "budget reforms" would pay for it.'], "budget reforms", ["Omar Haddad"], "cue_subject/pronoun"),
    # near miss: a text after the organisation is the organisation's
    (['A GOP report said the plan was "fully funded."'], "fully funded", ["GOP"], "cue_subject/source_noun"),
    # a lone demonstrative or relative pronoun is never a speaker's name
    (['The mayor\'s brief said that was not her view and dismissed the reports as "old and false claims."'], "old and false claims", ["mayor's brief"], "ranker"),
    # a list before 'who' and words in the first person singular: the last one speaks
    (['The crowd included stars like Ana Lopez, Will Baker, Tom Diallo and Sara Lind, who joked of the museum, "I have not seen it yet."'],
     "I have not seen it", ["Sara Lind"], "cue_subject/coordination"),
    # near miss: words in the first person plural are the list's
    (['The crowd included Will Baker, Tom Diallo and Sara Lind, who wrote in a joint letter, "We have not seen it yet."'],
     "We have not seen it", ["Will Baker", "Tom Diallo", "Sara Lind"], "cue_subject/coordination"),
    # 'they' for a campaign, a team, a staff: the body, with its possessor
    (["Maria Lopez's campaign is trying to contrast her plan with what they call Omar Haddad's \"selfish message.\""], "selfish message", ["Maria Lopez's campaign"], "cue_subject/pronoun"),
]

DESCRIPTIONS = [
    # "the candidate"-style descriptions refer back to the person named before
    (["Omar Haddad won the primary in March.", 'The former candidate said the vote was "a turning point."'], "a turning point", ["Omar Haddad"], "cue_subject/description"),
    # near miss: a description with a post-modifier introduces someone new
    (["Omar Haddad won the primary in March.", 'The representative of Kenya said the vote was "a turning point."'], "a turning point", ["representative of Kenya"], "cue_subject/group"),
    # near miss: nobody can be a speaker that cannot speak
    (["When the meeting finally ended \u2014 \"We will win!\" \u2014 the balloons fell."], "We will win", [], None),
]

REPORTED = [
    # parenthetical frames: 'A, X said, B' and 'A, X said.'
    (["In the capital, Maria Lopez said, first offenders are sent to treatment."], "first offenders", ["Maria Lopez"], "cue_subject/name"),
    (["The talks will resume in May, the minister said."], "The talks will resume", ["minister"], "cue_subject/group"),
    # 'said if ...': a conditional inside the content, not an embedded question
    (["Maria Lopez said if she were elected, the tax would go."], "the tax would go", ["Maria Lopez"], "cue_subject/name"),
    # a pronoun with no antecedent continues a compatible earlier speaker
    (['"The deal is fair," said Sarah Miller.', "She told the council that the port would reopen in May."], "the port would reopen", ["Sarah Miller"], "cue_subject/pronoun"),
]

AUTHOR = [
    # the writer's own first person outside the marks: the author
    (['As I told the committee last year: "The port cannot wait."'], "The port cannot wait", ["author"], "cue_subject/author"),
    # near miss: "I" inside the quotation marks is the quoted speaker's
    (['"I told the committee that the port cannot wait," Maria Lopez said.'], "I told the committee", ["Maria Lopez"], "cue_subject/name"),
]

SIEVES = AUTHOR + CUE_SUBJECT + SOURCE_LABEL + APPOSITION + ACCORDING_TO + CLAUSE_SUBJECT + NOUN_OWNER + AS_CLAUSE + CONTINUATION + PRECEDING_SUBJECT + PRONOUNS + RESOLUTION + DESCRIPTIONS + REPORTED


@pytest.mark.parametrize("paragraphs, words, speakers, rule", SIEVES)
def test_sieves(records_of, paragraphs, words, speakers, rule):
    _check(_quote(records_of, paragraphs, words), speakers, rule)


def test_every_quote_names_its_rule(records_of):
    text = OPENING + "\n\n".join(p for case in SIEVES for p in case[0]) + "\n"
    for q in records_of(text).get("quote", []):
        assert q.get("rule", "").startswith(("quote/", "reported/")), q
        assert not q["speakers"] or q.get("speaker_rule"), q


def test_infinitive_after_an_object_is_the_objects():
    # That prompted Roe to call him flexible  /  Roe promised Doe to call him flexible
    heads = [1, 1, 1, 4, 1, 4, 4]
    deps = ["nsubj", "ROOT", "dobj", "aux", "xcomp", "dobj", "oprd"]
    pos = ["PRON", "VERB", "PROPN", "PART", "VERB", "PRON", "ADJ"]
    tags = ["DT", "VBD", "NNP", "TO", "VB", "PRP", "JJ"]
    doc = _doc(["That", "prompted", "Roe", "to", "call", "him", "flexible"], heads, deps, pos, tags)
    assert subject_of(doc[4]).text == "Roe"
    # near miss: a verb of promising keeps its own subject
    words = ["Doe", "promised", "Roe", "to", "call", "him", "flexible"]
    lemmas = ["Doe", "promise", "Roe", "to", "call", "he", "flexible"]
    doc = Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    assert subject_of(doc[4]).text == "Doe"


def test_passive_cue_without_agent_has_no_speaker():
    # Roe was called a liar  /  Roe was called a liar by Doe
    doc = _doc(["Roe", "was", "called", "a", "liar", "by", "Doe"], [2, 2, 2, 4, 2, 2, 5],
               ["nsubjpass", "auxpass", "ROOT", "det", "oprd", "agent", "pobj"],
               ["PROPN", "AUX", "VERB", "DET", "NOUN", "ADP", "PROPN"], ["NNP", "VBD", "VBN", "DT", "NN", "IN", "NNP"])
    assert not passive_without_agent(doc[2])
    assert subject_of(doc[2]).text == "Doe"
    short = _doc(["Roe", "was", "called", "a", "liar"], [2, 2, 2, 4, 2], ["nsubjpass", "auxpass", "ROOT", "det", "oprd"],
                 ["PROPN", "AUX", "VERB", "DET", "NOUN"], ["NNP", "VBD", "VBN", "DT", "NN"])
    assert passive_without_agent(short[2])
    # near miss: an active past tense
    active = _doc(["Roe", "called", "him", "a", "liar"], [1, 1, 1, 4, 1], ["nsubj", "ROOT", "dobj", "det", "oprd"],
                  ["PROPN", "VERB", "PRON", "DET", "NOUN"], ["NNP", "VBD", "PRP", "DT", "NN"])
    assert not passive_without_agent(active[1])


# -- hand-built parses ----------------------------------------------------------------
_VOCAB = spacy.blank("en").vocab  # English lexical attributes (punctuation, lower case), no statistical model


def _doc(words, heads, deps, pos, tags=None):
    """A parsed Doc from lists (heads as absolute token indices)."""
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags or [""] * len(words))


def test_participle_reports_the_main_subject():
    # Roe said it could be messy , adding
    doc = _doc(
        ["Roe", "said", "it", "could", "be", "messy", ",", "adding"],
        [1, 1, 4, 4, 1, 4, 1, 4],
        ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "acomp", "punct", "advcl"],
        ["PROPN", "VERB", "PRON", "AUX", "AUX", "ADJ", "PUNCT", "VERB"],
        ["NNP", "VBD", "PRP", "MD", "VB", "JJ", ",", "VBG"],
    )
    assert participle_subject(doc[7]).text == "Roe"
    # near miss: a participle with its own subject, or a finite verb
    assert participle_subject(doc[1]) is None


def test_subject_before_stops_at_the_verb():
    # "..." Baker barked : the parser made 'Baker' a compound of the verb
    doc = _doc(["Go", ",", "Baker", "barked"], [0, 0, 3, 0], ["ROOT", "punct", "compound", "appos"], ["VERB", "PUNCT", "PROPN", "VERB"], ["VB", ",", "NNP", "VBD"])
    assert subject_before(doc[3]).text == "Baker"
    # war , Roe and Doe call : the parser hung 'Roe' from 'war' and 'Doe' from 'Roe'; the first name heads the subject
    words = ["the", "war", ",", "Roe", "and", "Doe", "call"]
    doc = _doc(words, [1, 6, 1, 1, 3, 3, 6], ["det", "npadvmod", "punct", "conj", "cc", "conj", "ROOT"],
               ["DET", "NOUN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB"], ["DT", "NN", ",", "NNP", "CC", "NNP", "VBP"])
    assert subject_before(doc[6]).text == "Roe"
    # near miss: a name coordinated with a common noun stays alone
    doc = _doc(words, [1, 6, 1, 1, 1, 1, 6], ["det", "npadvmod", "punct", "punct", "cc", "conj", "ROOT"],
               ["DET", "NOUN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB"], ["DT", "NN", ",", "NNP", "CC", "NNP", "VBP"])
    assert subject_before(doc[6]).text == "Doe"


def test_nominal_run_and_frame_verb():
    # Haddad , 58 , told Radio
    doc = _doc(
        ["Haddad", ",", "58", ",", "told", "Radio"],
        [4, 0, 0, 0, 4, 4],
        ["nsubj", "punct", "appos", "punct", "ROOT", "dobj"],
        ["PROPN", "PUNCT", "NUM", "PUNCT", "VERB", "PROPN"],
        ["NNP", ",", "CD", ",", "VBD", "NNP"],
    )
    assert [t.text for t in _nominal_run(list(doc[:4]))] == ["Haddad"]
    assert _frame_verb([doc[0], doc[2], doc[4]]).text == "told"
    # near miss: 'which failed' - the subject is a relative pronoun
    rel = _doc(["which", "failed"], [1, 1], ["nsubj", "ROOT"], ["PRON", "VERB"], ["WDT", "VBD"])
    assert _frame_verb(list(rel)) is None


def test_content_clause_with_a_misread_subject():
    # say Miller , has been tested : 'Miller' read as the object
    doc = _doc(
        ["Lopez", "say", "Miller", ",", "has", "been", "tested"],
        [1, 1, 1, 1, 6, 6, 1],
        ["nsubj", "ROOT", "dobj", "punct", "aux", "auxpass", "ccomp"],
        ["PROPN", "VERB", "PROPN", "PUNCT", "AUX", "AUX", "VERB"],
    )
    comp, subj = _content_clause(doc[1])
    assert comp.text == "tested" and subj.text == "Miller"
    # near miss: a clause with its own subject needs no repair
    own = _doc(["Lopez", "said", "Miller", "lost"], [1, 1, 3, 1], ["nsubj", "ROOT", "nsubj", "ccomp"], ["PROPN", "VERB", "PROPN", "VERB"])
    assert _content_clause(own[1]) == (own[3], None)


def test_embedded_questions():
    # asked whether it works / said if elected , X would go
    q = _doc(["asked", "whether", "it", "works"], [0, 3, 3, 0], ["ROOT", "mark", "nsubj", "ccomp"], ["VERB", "SCONJ", "PRON", "VERB"], ["VBD", "IN", "PRP", "VBZ"])
    assert _embedded_question(q[1], q[3])
    c = _doc(["said", "if", "elected", "X", "would", "go"], [0, 2, 5, 5, 5, 0], ["ROOT", "mark", "advcl", "nsubj", "aux", "ccomp"], ["VERB", "SCONJ", "VERB", "PROPN", "AUX", "VERB"], ["VBD", "IN", "VBN", "NNP", "MD", "VB"])
    assert not _embedded_question(c[1], c[5])
    that = _doc(["told", "them", "that", "X", "won"], [0, 0, 4, 4, 0], ["ROOT", "dobj", "mark", "nsubj", "ccomp"], ["VERB", "PRON", "PRON", "PROPN", "VERB"], ["VBD", "PRP", "WDT", "NNP", "VBD"])
    assert not _embedded_question(that[2], that[4])


def test_subject_after_a_sentence_opening_said():
    # Said Ellis :  (the parser hangs the verb from the name)
    doc = _doc(["Said", "Ellis", ":"], [1, 1, 1], ["compound", "ROOT", "punct"], ["VERB", "PROPN", "PUNCT"], ["VBD", "NNP", ":"])
    assert subject_after(doc[0]).text == "Ellis"
    # near misses: a verb inside the sentence, or words other than a noun phrase before the colon
    late = _doc(["Then", "said", "Ellis", ":"], [1, 1, 1, 1], ["advmod", "ROOT", "nsubj", "punct"], ["ADV", "VERB", "PROPN", "PUNCT"], ["RB", "VBD", "NNP", ":"])
    assert subject_after(late[1]) is None
    that = _doc(["Said", "that", "it", "failed", ":"], [0, 3, 3, 0, 0], ["ROOT", "mark", "nsubj", "ccomp", "punct"],
                ["VERB", "SCONJ", "PRON", "VERB", "PUNCT"], ["VBD", "IN", "PRP", "VBD", ":"])
    assert subject_after(that[0]) is None


def test_participle_after_a_shown_name_is_the_names():
    # The ad uses footage of Roe asking  /  Doe praised Roe saying
    words = ["The", "ad", "uses", "footage", "of", "Roe", "asking"]
    doc = Doc(_VOCAB, words=words, heads=[1, 2, 2, 2, 3, 4, 2], deps=["det", "nsubj", "ROOT", "dobj", "prep", "pobj", "xcomp"],
              pos=["DET", "NOUN", "VERB", "NOUN", "ADP", "PROPN", "VERB"], tags=["DT", "NN", "VBZ", "NN", "IN", "NNP", "VBG"],
              lemmas=["the", "ad", "use", "footage", "of", "Roe", "ask"])
    assert participle_subject(doc[6]).text == "Roe"
    praised = Doc(_VOCAB, words=["Doe", "praised", "Roe", "saying"], heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "dobj", "advcl"],
                  pos=["PROPN", "VERB", "PROPN", "VERB"], tags=["NNP", "VBD", "NNP", "VBG"], lemmas=["Doe", "praise", "Roe", "say"])
    assert participle_subject(praised[3]).text == "Doe"


def test_issuer_of_a_text_behind_a_relative_pronoun():
    from claimex.extractors.cues import Cue, CueLexicon, _issuer

    # Roe released a statement that says ...
    words = ["Roe", "released", "a", "statement", "that", "says"]
    doc = Doc(_VOCAB, words=words, heads=[1, 1, 3, 1, 5, 3], deps=["nsubj", "ROOT", "det", "dobj", "nsubj", "relcl"],
              pos=["PROPN", "VERB", "DET", "NOUN", "PRON", "VERB"], tags=["NNP", "VBD", "DT", "NN", "WDT", "VBZ"],
              lemmas=["Roe", "release", "a", "statement", "that", "say"])
    lex = CueLexicon(frozenset({"say"}), (), {}, {}, text_nouns=frozenset({"statement"}))
    assert _issuer(doc[4], Cue(5, 5, doc[5], "subject"), lex).text == "Roe"
    # near miss: a relative clause on a person reports for that person
    doc = Doc(_VOCAB, words=["Roe", "met", "a", "nurse", "who", "says"], heads=[1, 1, 3, 1, 5, 3], deps=["nsubj", "ROOT", "det", "dobj", "nsubj", "relcl"],
              pos=["PROPN", "VERB", "DET", "NOUN", "PRON", "VERB"], tags=["NNP", "VBD", "DT", "NN", "WP", "VBZ"],
              lemmas=["Roe", "meet", "a", "nurse", "who", "say"])
    assert _issuer(doc[4], Cue(5, 5, doc[5], "subject"), lex).text == "nurse"
