"""Quotes: quotation-mark pairing (pure), kinds, cues and speakers on short
texts written for these tests, robustness on hostile input, and a few
end-to-end checks on the seed."""

from __future__ import annotations

import pytest

from claimex.extractors.quote_marks import Paragraph, pair_quotation_marks
from claimex.stages import Input

from .conftest import SEED


def _pairs(*paragraphs: str):
    paras, off = [], 0
    for t in paragraphs:
        paras.append(Paragraph(off, t))
        off += len(t) + 2
    full = "\n\n".join(paragraphs)
    pairs, unpaired = pair_quotation_marks(paras)
    return [full[p.open + 1 : p.close] for p in pairs], [full[u.offset] for u in unpaired]


# (paragraphs, quoted contents in order, unpaired marks)
PAIRING = [
    # straight and curly double quotes
    (['He said "we will act" and left.'], ["we will act"], []),
    (["She said \u201cwe will act\u201d and left."], ["we will act"], []),
    # apostrophes are not quotation marks; single quotes are
    (["It's the countries' view that the 'reset' failed in the '90s."], ["reset"], []),
    (["The Smiths' house and the Joneses' car."], [], []),
    (["Don't say \u2018never\u2019 to the \u201990s."], ["never"], []),
    # nested quotes: single inside double, double inside single
    (['"The so-called \'reset\' is dead," he said.'], ["The so-called 'reset' is dead,", "reset"], []),
    (["\u2018The \u201creset\u201d is dead,\u2019 he said."], ["The \u201creset\u201d is dead,", "reset"], []),
    # a plural possessive inside a single-quoted quote
    (["'The countries' leaders met,' he said."], ["The countries' leaders met,"], []),
    # a space before the closing mark
    (['he said "the world. " On Monday'], ["the world. "], []),
    # news-style continuation: open at the end of a paragraph, re-opened in the next
    (["She said: \u201cWe will act.", "\u201cAnd we will win,\u201d she added."], ["We will act.\n\n\u201cAnd we will win,"], []),
    (['She said: "We will act.', '"And we will win," she added.'], ['We will act.\n\n"And we will win,'], []),
    # open at the end of a paragraph and not re-opened: unpaired, nothing lost after it
    (["She said: \u201cWe will act.", 'Then "nothing" happened.'], ["nothing"], ["\u201c"]),
    # stray marks
    (['A stray " mark and a "quote" here.'], ["quote"], ['"']),
    (["Closing \u201d first, then \u201cright\u201d."], ["right"], ["\u201d"]),
    (['""'], [""], []),
]


@pytest.mark.parametrize("paragraphs, contents, unpaired", PAIRING)
def test_pairing(paragraphs, contents, unpaired):
    got, lost = _pairs(*paragraphs)
    assert got == contents
    assert lost == unpaired


@pytest.mark.parametrize(
    "text",
    [
        '"' * 7,
        "\u201c\u201c\u201c\u201d",
        "'''' '' ' '",
        "\u201d\u201d and \u201c\u201c",
        '"He said "she said "they said" "',
        "Quote at the end \u201c",
        "\u201d Quote at the start",
        "Mixed \u201cdouble' and \u2018single\u201d marks\u2019 here.",
    ],
)
def test_hostile_marks_never_crash(pipeline, text):
    body = f"Some body text that is long enough to be a paragraph of its own here. {text} And more words follow it."
    (out,) = pipeline.process([Input("hostile.txt", text=body, doc_id="hostile")])
    assert out.ok, out.error
    for rec in out.records:
        if rec["type"] == "quote":
            assert body[rec["start"] : rec["end"]] == rec["text"]


def test_unpaired_marks_become_warnings(pipeline):
    text = "The minister spoke at length.\n\nShe said: \u201cWe will act.\n\nThen the meeting ended without a vote.\n"
    (out,) = pipeline.process([Input("w.txt", text=text, doc_id="w")])
    assert out.ok
    assert any("unpaired quotation mark" in w and "no closing mark" in w for w in out.doc.warnings)


# -- kinds, cues and speakers on single paragraphs ------------------------------

# (paragraph, quoted words, kind, speakers, cue)
FRAMES = [
    ('Finance Minister Ana Ruiz said: "We will not sign this deal."', "We will not sign this deal.", "direct", ["Ana Ruiz"], "said"),
    ('"We will not sign this deal," Finance Minister Ana Ruiz said on Monday.', "We will not sign this deal,", "direct", ["Ana Ruiz"], "said"),
    ('"We will not sign," said Finance Minister Ana Ruiz.', "We will not sign,", "direct", ["Ana Ruiz"], "said"),
    ('Ana Ruiz, the finance minister, stated, "there is no deal."', "there is no deal.", "direct", ["Ana Ruiz"], "stated"),
    ('Ana Ruiz promised to "act swiftly and decisively" on the budget.', "act swiftly and decisively", "partial", ["Ana Ruiz"], "promised"),
    ('The envoy Omar Haddad stressed that "no option is off the table."', "no option is off the table.", "partial", ["Omar Haddad"], "stressed"),
    ('Chancellor Olaf Brandt and Foreign Minister Ana Ruiz have told investors: "The reform will go ahead."', "The reform will go ahead.", "direct", ["Olaf Brandt", "Ana Ruiz"], "told"),
    ('The governments of Chile and Peru agreed that the dispute was "closed."', "closed.", "partial", ["governments of Chile and Peru"], "agreed"),
    ('Some in the opposition called the budget "a fantasy."', "a fantasy.", "partial", ["some in the opposition"], "called"),
    ('Mayor Lena Vos made the following statement: "The bridge will reopen in May."', "The bridge will reopen in May.", "direct", ["Lena Vos"], "made the following statement"),
    ('Omar Haddad met Ana Ruiz in Cairo, and they agreed to "meet again soon."', "meet again soon.", "partial", ["Omar Haddad", "Ana Ruiz"], "agreed"),
    ('The so-called "reset" of relations did not last.', "reset", "scare", [], None),
    # a cue whose object is the author's wh-word: the quote completes the author's phrase
    ('Farmers see the scheme as what Mayor Lena Vos calls "a promise with no budget." Others disagree.', "a promise with no budget.", "partial", ["Lena Vos"], "calls"),
    # near miss: a relative pronoun subject leaves a full statement direct
    ('Omar Haddad, who said "we will not pay," left the talks early.', "we will not pay,", "direct", ["Omar Haddad"], "said"),
    # a fragment the author's sentence carries on after: partial even right after its cue
    ('The bloc, which once promised "zero tolerance" for coups, threatened to intervene.', "zero tolerance", "partial", ["bloc"], "promised"),
    # a dateline is not the speaker; a name in apposition after a role is
    ('LIMA, 3 July 2024 \u2014 The Special Envoy for the Andes, Laura Mendes, told the council the talks had brought "a glimmer of hope" to the region.',
     "a glimmer of hope", "partial", ["Laura Mendes"], "told"),
    # words with no verb right after the cue are a fragment
    ("The ministry cancelled the patrol, citing \u2018operational pressures\u2019.", "operational pressures", "partial", ["ministry"], "citing"),
    # a comment clause or an 'according to' set off by commas frames the woven words after it
    ('Over the long term, according to the budget office, the deficit "is driven by the aging of the population."',
     "is driven by the aging of the population.", "partial", ["budget office"], "according to"),
    ('After all, Ana Ruiz added, the critics "have been after me for years."', "have been after me for years.", "partial", ["Ana Ruiz"], "added"),
    ('Instead, Omar Haddad told reporters, his policy would be "to go after them" if he wins.', "to go after them", "partial", ["Omar Haddad"], "told"),
    # near miss: the author's own comment clause leaves a scare quote
    ('In the end, we argued, the "reform" was a slogan.', "reform", "scare", [], None),
    # a signature: a dash and a name after a quote that opens its sentence (vox-pop lists, epigraphs)
    ("\u201cWe need the jobs back in this town.\u201d \u2015 Jane Roe", "We need the jobs back in this town.", "direct", ["Jane Roe"], "\u2015"),
    ("\u201cIt was a disgrace from start to finish.\u201d \u2014 Maria de la Cruz, a nurse in Ohio.", "It was a disgrace from start to finish.", "direct", ["Maria de la Cruz"], "\u2014"),
    # a signature at the paragraph's end signs the cue-less quote that opens the paragraph
    ("\u201cI was ashamed of the whole evening.\u201d He never listens to anyone. \u2014 John Doe", "I was ashamed of the whole evening.", "direct", ["John Doe"], "\u2014"),
    # near misses: a quote with its own cue keeps its speaker (the name after the dash is a byline)
    ('Ana Ruiz insisted that her party was "still the first force in the country." --Omar Haddad.', "still the first force in the country.", "partial", ["Ana Ruiz"], "insisted"),
    ('"We will not sign," Ana Ruiz said. \u2014 Omar Haddad', "We will not sign,", "direct", ["Ana Ruiz"], "said"),
    # a verb that carries someone's words on, right before the introducing comma or colon; 'continued to' is none
    ("Ana Ruiz continued, \u201cFor us, the fight is not over.\u201d", "For us, the fight is not over.", "direct", ["Ana Ruiz"], "continued"),
    ('"Honestly," Omar Haddad went on, "we may be on the brink of a crisis."', "we may be on the brink of a crisis.", "direct", ["Omar Haddad"], "went"),
    ('Prices continued to climb above the "danger line" last month.', "danger line", "scare", [], None),
    # 'As X put it,' frames the woven words after it
    ('As Ana Ruiz put it in a statement, the plan is "providing cover for inaction."', "providing cover for inaction.", "partial", ["Ana Ruiz"], "put it"),
    # a body speaks for words woven into its clause; a thing does not
    ('The agency referenced "political tensions" in its ruling.', "political tensions", "partial", ["agency"], "referenced"),
    ('The storm brought "historic flooding" to the coast.', "historic flooding", "scare", [], None),
    # a quote set off by dashes after a name, a possessor or a verb: its words
    ("Several lawmakers, including Senator Ana Ruiz -- ''It is disqualifying for a nominee'' -- and two governors, stayed away from the convention.",
     "It is disqualifying for a nominee", "partial", ["Ana Ruiz"], None),
    ("When Omar Haddad finally wrapped up \u2014 \u201cI will fight for you!\u201d \u2014 the balloons came down.", "I will fight for you!", "partial", ["Omar Haddad"], None),
    # near miss: set off by dashes after a thing, a scare quote
    ('That wording -- "eligible candidates" -- is a subtle change from the law.', "eligible candidates", "scare", [], None),
    # a participle reports the words of the main clause's subject, not of a noun's content clause
    ('Omar Haddad also veered close to an admission that foreign soldiers had fought in the war, saying, "We never said there were none."',
     "We never said there were none.", "direct", ["Omar Haddad"], "saying"),
    # a term someone uses is their words; a term others dislike, or nobody's, stays a scare quote
    ('Ana Ruiz has used the phrase "deep state" many times in her speeches.', "deep state", "partial", ["Ana Ruiz"], "used"),
    ('Critics dislike the term "deep state" intensely.', "deep state", "scare", [], None),
    ('The phrase "deep state" caught on quickly among voters.', "deep state", "scare", [], None),
    # words that open with a verb after a title cue ('the program') are no title
    ('Ana Ruiz found that the program "failed to meet its goals."', "failed to meet its goals.", "partial", ["Ana Ruiz"], "found"),
    ('Ana Ruiz yelled "Stay there!" at the guards.', "Stay there!", "direct", ["Ana Ruiz"], "yelled"),
    # a reporting verb the parser read as a modifier in a sentence it found no verb for
    ('In March, Nasser blasted Disney for its "outrageous practices" in requiring workers to train replacements.',
     "outrageous practices", "partial", ["Nasser"], "blasted"),
]


@pytest.fixture(scope="module")
def frame_records(records_of):
    # a title line and a first paragraph long enough to open the body
    text = "Quotes in context\n\nThe talks in the capital went on for most of the week and ended without an agreement.\n\n" + "\n\n".join(p for p, *_ in FRAMES)
    return text, records_of(text).get("quote", [])


@pytest.mark.parametrize("paragraph, words, kind, speakers, cue", FRAMES)
def test_quote_frames(frame_records, paragraph, words, kind, speakers, cue):
    text, quotes = frame_records
    start = text.index(paragraph) + paragraph.index(words)
    rec = next((q for q in quotes if q["start"] == start), None)
    assert rec is not None, f"no quote for {words!r}: {[q['text'] for q in quotes]}"
    assert rec["text"] == words
    assert rec["kind"] == kind
    assert [s.casefold() for s in rec["speakers"]] == [s.casefold() for s in speakers]
    assert (rec["cue"] or {}).get("text") == cue
    assert len(rec["speaker_spans"]) == len(speakers)


# quotation marks that are not speech, and apostrophes (no quote at all)
NOT_SPEECH = [
    'Her new book, "The Long Game," sold well.',
    'The report "Wires Across the Sea" was published in March.',
    'Boxer Dwayne "The Rock" Johnson retired.',
    'State Del. Marcia "Cia" Lopez shouted to the crowd.',
    'Omar Haddad said so on the network\'s "Morning Report" on Sunday.',
    "It's the countries' view that the '90s were better.",
    'Operation "Desert Shield" began in August.',
    'The program "zero waste" began in May.',
]


# near misses: a capitalised quote between two names is speech when it is long or set off by punctuation
SPEECH_BETWEEN_NAMES = [
    ('Ask Lopez "Why Now And Why Here And Why Us" Haddad said.', "Why Now And Why Here And Why Us"),
    ('They chanted "Lopez!" Haddad said nothing.', "Lopez!"),
]


@pytest.mark.parametrize("text, words", SPEECH_BETWEEN_NAMES)
def test_capitalised_speech_between_names_is_a_quote(records_of, text, words):
    quotes = records_of("Speech\n\nThe talks went on for most of the week.\n\n" + text).get("quote", [])
    assert [q["text"] for q in quotes] == [words]


def test_titles_names_and_apostrophes_are_not_quotes(records_of):
    text = "Not speech\n\nThe talks in the capital went on for most of the week and ended without an agreement.\n\n" + "\n\n".join(NOT_SPEECH)
    quotes = records_of(text).get("quote", [])
    assert quotes == [], [q["text"] for q in quotes]


def test_continued_quote_keeps_its_speaker(records_of):
    text = (
        "The strike ended on Monday after nine days.\n\n"
        "\u201cThis deal is fair,\u201d said union leader Marta Vidal. \u201cNobody wanted a long strike.\n\n"
        "\u201cBut our members needed a raise, and now they have one.\u201d\n\n"
        "The port reopened on Tuesday.\n"
    )
    quotes = records_of(text)["quote"]
    cont = next(q for q in quotes if q["text"].startswith("Nobody"))
    assert cont["text"].endswith("now they have one.")
    assert "\n\n\u201cBut" in cont["text"]
    assert cont["kind"] == "direct"
    assert cont["speakers"] == ["Marta Vidal"]
    assert cont["cue"]["text"] == "said"  # the cue of the quote it continues


# -- the seed, end to end ---------------------------------------------------------


@pytest.fixture(scope="module")
def seed(records_of):
    text = SEED.read_text(encoding="utf-8")
    return text, records_of(text, doc_id="ajiss-297")


def test_seed_quote_kinds_and_speakers(seed):
    text, recs = seed
    quotes = recs["quote"]
    assert {q["kind"] for q in quotes} == {"direct", "partial", "scare", "indirect"}
    by_start = {q["text"][:20]: q for q in quotes}
    assert by_start["liquidated"]["kind"] == "scare" and by_start["liquidated"]["speakers"] == []
    two = next(q for q in quotes if q["text"].startswith("speedily discuss"))
    assert len(two["speakers"]) == 2  # "they agreed": both ministers
    reused = [q for q in quotes if q["text"].startswith("there is no time to waste") and q["cue"] is None]
    assert reused and reused[0]["kind"] == "partial" and len(reused[0]["speakers"]) == 2
    felt = next(q for q in quotes if q["cue"] and q["cue"]["text"] == "felt")
    assert felt["speakers"] == ["some in the ruling party"]


# reported speech without marks: (paragraph, content or None for no record, speakers)
REPORTED = [
    ("The envoy told reporters on Tuesday, as the talks opened, that the ceasefire was holding.", "the ceasefire was holding", ["envoy"]),
    ("Finance Minister Ana Ruiz said last year that the budget would balance by 2027.", "the budget would balance by 2027", ["Ana Ruiz"]),
    ("The minister has been warned by the auditors that the fund is short of money.", "the fund is short of money", ["auditors"]),
    # near miss: a passive 'told' names the hearer, and nobody is said to speak
    ("The island has been told for years that its gas will make it rich.", None, []),
    # a news dateline is not part of what was said
    ("LIMA, May 2 (Reuters) - Peru will cut its copper royalties next year, the finance minister said.", "Peru will cut its copper royalties next year", ["finance minister"]),
    # near misses: a clause before a semicolon; a relative clause misread as content
    ("The council suspended the two members; they replied by forming a rival bloc.", None, []),
    ("The ministry announced a plan in April under which the state company takes a stake in new mines.", None, []),
    # a participle right after the noun belongs to the group; one after a comma does not
    ("Diplomats involved in the process said most of the text was agreed.", "most of the text was agreed", ["Diplomats involved in the process"]),
    ("The envoy, speaking in Geneva, said the text was agreed.", "the text was agreed", ["envoy"]),
    ("A joint statement released at 11 p.m. on Monday said the talks would resume.", "the talks would resume", ["joint statement"]),
    # an embedded question after a verb that does not ask reports no statement
    ("Few of us would have predicted how crowded the shipping lanes would become.", None, []),
]


def test_two_reports_across_a_semicolon(records_of):
    text = (
        "Reported speech\n\nThe talks in the capital went on for most of the week and ended without an agreement.\n\n"
        "Local prosecutors say they can act because the damage occurred in their waters; the ship's owners argue that the case belongs to the flag state.\n"
    )
    quotes = [(q["text"], q["cue"]["text"]) for q in records_of(text).get("quote", [])]
    assert quotes == [("they can act because the damage occurred in their waters", "say"), ("the case belongs to the flag state", "argue")]


@pytest.mark.parametrize("paragraph, content, speakers", REPORTED)
def test_reported_speech(records_of, paragraph, content, speakers):
    text = "Reported speech\n\nThe talks in the capital went on for most of the week and ended without an agreement.\n\n" + paragraph
    a = text.index(paragraph)
    quotes = [q for q in records_of(text).get("quote", []) if q["start"] >= a]
    if content is None:
        assert quotes == [], [q["text"] for q in quotes]
        return
    (q,) = quotes
    assert (q["text"], q["kind"]) == (content, "indirect")
    assert [s.casefold() for s in q["speakers"]] == [s.casefold() for s in speakers]


# -- comment clauses and misread reporting verbs on hand-built parses -------------


def _parse(words, heads, deps, pos, tags=None):
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags or [""] * len(words))


COMMENT_VERBS = [
    # 'Roe added, the critics ...': a subject, no complement before the comma
    (["Roe", "added", ",", "the", "critics"], [1, 1, 1, 4, 1], ["nsubj", "ROOT", "punct", "det", "parataxis"], ["PROPN", "VERB", "PUNCT", "DET", "NOUN"], True),
    # 'Roe told Reuters, ...': the object is the one told
    (["Roe", "told", "Reuters", ",", "his"], [1, 1, 1, 1, 1], ["nsubj", "ROOT", "dobj", "punct", "ccomp"], ["PROPN", "VERB", "PROPN", "PUNCT", "PRON"], True),
    # near miss: 'Roe said things, ...' has a complement of its own before the comma
    (["Roe", "said", "things", ",", "and"], [1, 1, 1, 1, 1], ["nsubj", "ROOT", "dobj", "punct", "cc"], ["PROPN", "VERB", "NOUN", "PUNCT", "CCONJ"], False),
    # near miss: 'we argued, ...' is the author's own comment
    (["we", "argued", ",", "the", "plan"], [1, 1, 1, 4, 1], ["nsubj", "ROOT", "punct", "det", "parataxis"], ["PRON", "VERB", "PUNCT", "DET", "NOUN"], False),
]


@pytest.mark.parametrize("words, heads, deps, pos, expected", COMMENT_VERBS)
def test_comment_verb(assets, words, heads, deps, pos, expected):
    from claimex.extractors.cues import CueLexicon
    from claimex.extractors.quotes import _comment_verb

    doc = _parse(words, heads, deps, pos)
    assert _comment_verb(doc[1], words.index(","), CueLexicon.load(assets)) is expected


def test_name_before_reads_back_from_the_verb():
    from claimex.extractors.quotes import _name_before

    doc = _parse(["In", "March", ",", "Roe", "blasted", "Acme"], [5, 0, 5, 5, 5, 5], ["prep", "pobj", "punct", "compound", "amod", "ROOT"], ["ADP", "PROPN", "PUNCT", "PROPN", "VERB", "PROPN"])
    assert [t.text for t in _name_before(doc[4], 0)] == ["Roe"]
    assert _name_before(doc[3], 0) == []  # a comma right before: no name


def _signature_cases():
    from claimex.assets import Assets

    for p in Assets().patterns("quote_signatures"):
        find = p.regex.search if p.meta["opens_paragraph"] else p.regex.match
        yield from ((p.name, find, text, True) for text in p.meta["examples"])
        yield from ((p.name, find, text, False) for text in p.meta["negatives"])


@pytest.mark.parametrize("name, find, tail, signs", list(_signature_cases()))
def test_signature_pattern_examples(name, find, tail, signs):
    """Every signature pattern signs its examples and none of its near misses."""
    assert (find(tail) is not None) == signs, (name, tail)
