"""Speakers of quotes, holders and actors of recommendations, as canonical names.

The extractors find speakers as written (the subject of a reporting verb:
"Prime Minister X and Foreign Minister Y", "they", "some in the ruling
party", "a [Org] opinion survey"). :class:`Attributor` turns such a phrase
into names, using the resolved entities (``Entity``/``entity_at`` from
``resolve.entities``) and a small, tested rule set:

1. a pronoun ("he", "she", "they", "it") stands for the nearest compatible
   earlier mention (:meth:`Attributor.antecedents`); "I"/"we" are the author;
2. a phrase made of entity names, titles and conjunctions names each entity
   (coordinated speakers);
3. a phrase whose head word is (in) an entity names that entity;
4. a source noun ("survey", "report") premodified by an organisation names
   the organisation;
5. a bare role ("the prime minister") names the person last introduced with
   that title;
6. anything else is a group, kept as written without a leading determiner,
   temporal adjectives ("new", "incoming") or a trailing apposition.

Then, document-level decisions: marked quotes win over overlapping reported
speech; a cue-less quote of whole sentences continues the previous quote's
speaker; a cue-less quote of words the document earlier credits to someone
is that someone re-used by the author (kind partial, no cue, no speaker
spans); a recommendation inside a quote or reported speech is held by its
speakers.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from ..assets import Assets
from ..document import Document, Span
from ..extractors.clauses import noun_phrase, span_of, subject_of
from ..extractors.cues import CueLexicon, SpeakerPhrase
from ..extractors.quotes import QuoteMention
from ..extractors.recommendations import RecommendationMention
from .entities import Entity, entity_at
from .speaker_ranker import History, SpeakerRanker, rerank

SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
AUTHOR = "author"
HOLDER_SEPARATOR = "; "
_WORD = re.compile(r"[\w\u2019'-]+|[^\w\s]")
_CONJUNCTION = re.compile(r"\s*,?\s+(?:and|or|as well as|&)\s+|\s*&\s*")
_LIST_COMMA = re.compile(r"\s*,\s*")
# a comma that opens an apposition, not a list item: a party-and-state label ('X, R-Ky.'),
# an indefinite description ('X, a pro-Y group'), a quantifier ('X and Y, both Republicans')
_APPOSITION_TAIL = re.compile(r",\s*(?:\(?[DRI]-[A-Z][A-Za-z.]*\)?(?=[\s,]|$)|(?:a|an|both|all|each)\s)")
_APPOSITION_BREAK = re.compile(r"\s*[,(]\s*")
_COORDINATORS = frozenset({"and", "or", "nor", "&", "plus"})
_FUNCTION_WORDS = frozenset({"of", "the", "for", "de", "and", "to", "on", "in", "at"})
_JOINERS = frozenset({"and", "or", "nor", "both", "as", "well", "also", ",", "&", "'s", "\u2019s", "'", "\u2019", "-", "(", ")"})
_LEADING_DET = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_RELATIVES = frozenset({"that", "which", "who", "whom", "this"})  # a lone one is never a speaker's name
_REUSE_MIN_WORDS = 3
_OPENING_MARKS = frozenset("\"\u201c\u2018'\u00ab\u201e")
_MAX_NAME_WORDS = 4
_BRACKET_REACH = 80  # characters before a bracket where the name it follows is looked for
_BRACKET_SLACK = 8  # characters between a bracket and a phrase inside it
_GAP_CHARS = 30  # characters between an apposition's comma and the phrase the parser took from it
_LABEL_REACH = 200  # characters before a quote's opening colon where the names of a label are looked for
_ADDRESSEE = re.compile(r"\b(?:for|to|with|about|on|against|at|in|into|towards?|over|after|before|versus|vs\.?)\s+$", re.IGNORECASE)
_COLON_OPENING = re.compile(r":\s*[\"\u201c'\u2018]{1,2}$")  # a colon, then the opening mark
_ABBREVIATED_TITLES = {"sen": "senator", "gov": "governor", "rep": "representative", "gen": "general", "pres": "president", "adm": "admiral", "col": "colonel", "amb": "ambassador"}
# heads of a definite description that refers back to someone named before ('the candidate'; not 'the analyst': someone new)
_ROLE_DESCRIPTIONS = frozenset({"candidate", "nominee", "hopeful", "frontrunner", "front-runner", "incumbent", "challenger", "billionaire", "tycoon", "mogul", "magnate", "lawmaker", "politician"})
_NOUN_GENDER = {"husband": "male", "father": "male", "son": "male", "brother": "male", "man": "male", "wife": "female", "mother": "female", "daughter": "female", "sister": "female", "woman": "female"}
_PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}
_MAX_DESCRIPTION_WORDS = 3  # 'the former state senator' refers back; a longer description introduces someone
_ROLE_LOOKBACK = 400  # entity mentions looked back at for the holder of a role ("the prime minister")
_PERSON_SENTENCES = 8  # sentences searched back for the antecedent of he/she
_INHERIT_MAX_SEGMENTS = 2  # a standalone quote continues a speaker named at most this many paragraphs back


class Name(NamedTuple):
    name: str
    span: Span | None  # the mention that names it (None: no span to point at)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class AttributionLexicon:
    """The word lists the rules read, built once per Assets object."""

    pronouns: dict
    title_words: frozenset[str]
    titles: frozenset[str]
    source_nouns: frozenset[str]
    author_refs: frozenset[str]
    dropped: frozenset[str]
    prepositions: frozenset[str]
    group_nouns: frozenset[str]
    people_nouns: frozenset[str]
    role_nouns: frozenset[str]  # nouns that describe one person ('officer', 'spokesman')
    genders: dict  # first name -> "female" | "male"
    speaking_nouns: frozenset[str]  # heads of a group phrase that can be a speaker
    non_speakers: frozenset[str]  # heads of a phrase that never speaks
    body_nouns: frozenset[str] = frozenset()  # heads of a group phrase that names a body or a text ('the agency', 'the ad')
    thing_nouns: frozenset[str] = frozenset()  # nouns of works and things: a name in apposition to one is no person ('her book, X')

    @classmethod
    def load(cls, assets: Assets) -> AttributionLexicon:
        return assets.memo("attribution", lambda: cls._build(assets))

    @classmethod
    def _build(cls, assets: Assets) -> AttributionLexicon:
        titles = assets.lexicon("person_titles")
        return cls(
            pronouns={k.lower(): v for k, v in assets.mapping("pronouns").items()},
            title_words=frozenset(w for t in titles + assets.lexicon("title_modifiers") for w in _words(t)) - _FUNCTION_WORDS,
            titles=frozenset(" ".join(_words(t)) for t in titles),
            source_nouns=assets.lexicon_set("source_nouns"),
            author_refs=assets.lexicon_set("author_references"),
            dropped=assets.lexicon_set("group_modifiers_dropped"),
            prepositions=assets.lexicon_set("prepositions"),
            group_nouns=assets.lexicon_set("group_nouns"),
            people_nouns=CueLexicon.load(assets).person_nouns,
            role_nouns=assets.lexicon_set("person_role_nouns"),
            genders={k.lower(): v for k, v in assets.mapping("first_names").items()},
            speaking_nouns=frozenset(
                CueLexicon.load(assets).person_nouns | assets.lexicon_set("group_nouns") | assets.lexicon_set("source_nouns")
                | assets.lexicon_set("organisation_common_nouns") | {w.lower() for w in assets.lexicon("organisation_heads")}
                | {t.lower() for t in titles if " " not in t} | assets.lexicon_set("speaker_nouns")
            ),
            non_speakers=assets.lexicon_set("non_speaker_nouns"),
            body_nouns=assets.lexicon_set("source_nouns") | assets.lexicon_set("speaking_texts") | assets.lexicon_set("organisation_common_nouns")
            | {w.lower() for w in assets.lexicon("organisation_heads")},
            thing_nouns=(assets.lexicon_set("work_title_cues") | assets.lexicon_set("non_speaker_nouns")) - CueLexicon.load(assets).person_nouns,
        )


class Attributor:
    """Names for speaker phrases and pronouns in one document."""

    def __init__(self, doc: Document, entities: list[Entity], assets: Assets):
        self.doc = doc
        self.text = doc.view.text
        self.entities = sorted((e for e in entities if e.label in SPEAKER_LABELS), key=lambda e: (e.start, e.end))
        self._starts = [e.start for e in self.entities]
        lex = AttributionLexicon.load(assets)
        self.pronouns = lex.pronouns
        self.title_words = lex.title_words
        self.titles = lex.titles
        self.source_nouns = lex.source_nouns
        self.author_refs = lex.author_refs
        self.dropped = lex.dropped
        self.prepositions = lex.prepositions
        self.group_nouns = lex.group_nouns
        self.people_nouns = lex.people_nouns
        self.role_nouns = lex.role_nouns
        self.genders = lex.genders
        self.speaking_nouns = lex.speaking_nouns
        self.non_speakers = lex.non_speakers
        self.body_nouns = lex.body_nouns
        self.thing_nouns = lex.thing_nouns
        self.reporting_verbs = CueLexicon.load(assets).verbs
        self.cue_lexicon = CueLexicon.load(assets)  # reporting verbs with lemma corrections (is_verb)
        self.ranker = SpeakerRanker.load(assets)
        # canonical names of persons and their words, for names the recogniser missed
        persons = {_norm(e.canonical) for e in self.entities if e.label == "PERSON"}
        self.person_tokens = sorted((c, tuple(_words(c))) for c in persons)
        # the document's segments by start offset, the parsed claim segments, and sentence caches
        self._segments = sorted(doc.segments, key=lambda s: s.start)
        self._seg_starts = [s.start for s in self._segments]
        self._claims = [s for s in self._segments if s.carries_claims and s.doc is not None]
        self._claim_starts = [s.start for s in self._claims]
        self._sents: dict[int, tuple[list, list[int]]] = {}
        # quoted words (no antecedent is taken from inside them) and pronouns already resolved
        self._quoted: list[tuple[int, int]] = []
        self._quoted_starts: list[int] = []
        self._resolved: list[tuple[int, int, list[Name]]] = []  # (start, end, names), in text order
        self.talked_about: frozenset[str] = frozenset()  # persons the quote being attributed names (casefolded)

    # -- document structure ----------------------------------------------
    def segment_at(self, offset: int):
        k = bisect_right(self._seg_starts, offset) - 1
        if k >= 0 and offset < self._segments[k].end:
            return self._segments[k]
        return None

    def sentences(self, seg) -> tuple[list, list[int]]:
        """The sentences of a parsed segment and their first token indices (cached)."""
        got = self._sents.get(seg.start)
        if got is None:
            sents = list(seg.doc.sents)
            got = (sents, [s.start for s in sents])
            self._sents[seg.start] = got
        return got

    def colon_label(self, offset: int) -> list[Name]:
        """'Jane Roe: "We will be back."', '- Roe and Doe: "..."': the persons or
        organisations named right before the colon that opens a cue-less quote
        (a label, as in a transcript or a digest; one name, or names joined by
        'and' or commas)."""
        m = _COLON_OPENING.search(self.text[max(0, offset - 6) : offset])
        if m is None:
            return []
        end = offset - len(m.group(0))
        names: list[Name] = []
        for e in reversed(self.entities_in(Span(max(0, end - _LABEL_REACH), end))):
            if e.end != end or e.label not in ("PERSON", "ORG") or self.in_quotes(e.start):
                break
            names.insert(0, self._name(e))
            joiner = re.search(r"(?:,\s*|\s+and\s+|,\s*and\s+)$", self.text[max(0, e.start - 6) : e.start])
            if joiner is None:
                break
            end = e.start - len(joiner.group(0))
        if names and _ADDRESSEE.search(self.text[max(0, names[0].span.start - 12) : names[0].span.start]):
            return []  # 'a message for Jane Roe: "..."': the addressee or the topic
        return _unique(names)

    def preceding_subject(self, offset: int, last) -> list[Name]:
        """'Jane Roe spoke only briefly.¶"We will be back."': the people
        the sentence right before a cue-less quote is about (its subject), when
        that sentence quotes nobody and comes after the latest quote."""
        seg, tok = self._token_at(offset)
        if tok is None:
            return []
        prev = self._previous_sentences(seg, tok, n=1)
        if len(prev) < 2 or not prev[1][1]:
            return []
        s, toks = prev[1]
        a = s.start + toks[0].idx
        if last is not None and last.end > a or self.in_quotes(a) or any(self.in_quotes(s.start + t.idx) for t in toks):
            return []
        root = toks[0].sent.root
        subj = subject_of(root) if root.pos_ in ("VERB", "AUX") else None
        if subj is None or subj.pos_ not in ("PROPN", "NOUN", "PRON"):
            return []
        toks_np = noun_phrase(subj)
        span, hspan = span_of(s, toks_np, strip_det=True), span_of(s, [subj])
        if span is None or hspan is None:
            return []
        phrase = SpeakerPhrase(span, hspan)
        names, how = self.resolve(phrase)
        return names if names and self.people((phrase,), names, how) else []

    def could_be(self, phrase: SpeakerPhrase, q: QuoteMention) -> bool:
        """Whether a pronoun phrase can stand for the speakers of ``q`` (number, gender, a person)."""
        word = self.text[phrase.span.start : phrase.span.end].lower()
        kind = self.pronouns.get(word)
        if kind != "person":
            return kind == "plural" and len(q.speakers) > 1 or kind in ("plural", "thing")
        if len(q.speakers) != 1 or not q.speaker_spans:
            return False
        name = Name(q.speakers[0], q.speaker_spans[0])
        return self._is_person_name(name) and self._agrees([name], _PRONOUN_GENDER.get(word))

    def quoted_run(self, first: int, last: int) -> bool:
        """Segments ``first``..``last`` (indices) all open with a quotation mark or
        carry no claims (the paragraphs of one quoted speech)."""
        segs = self.doc.segments
        for seg in segs[max(0, first) : last + 1]:
            if seg.carries_claims and self.text[seg.start : seg.start + 1] not in _OPENING_MARKS:
                return False
        return True

    def set_quoted(self, spans: Iterable[tuple[int, int]]) -> None:
        """Spans of words in quotation marks: mentions inside them are the
        quoted speaker's words, never an antecedent or a speaker."""
        self._quoted = sorted(spans)
        self._quoted_starts = [a for a, _ in self._quoted]

    def in_quotes(self, offset: int) -> bool:
        k = bisect_right(self._quoted_starts, offset) - 1
        return k >= 0 and offset < self._quoted[k][1]

    def _before_quotes(self, phrase: SpeakerPhrase) -> SpeakerPhrase | None:
        """The phrase up to quoted words that start inside it ('signs calling X "..."',
        'his assessment: "..."' keep what precedes the quote); None when its head
        is not before them; the whole phrase when the quote is a title after a
        preposition or a determiner."""
        k = bisect_left(self._quoted_starts, phrase.span.start)
        if k == len(self._quoted_starts) or self._quoted_starts[k] >= phrase.span.end:
            return phrase
        b = self._quoted_starts[k]
        while b > phrase.span.start and not self.text[b - 1].isalnum():
            b -= 1
        before = _words(self.text[phrase.span.start : b])
        if before and (before[-1] in self.prepositions or before[-1] in _LEADING_DET):
            return phrase  # a quoted title inside the phrase ('the authors of the "Growth Project"')
        return SpeakerPhrase(Span(phrase.span.start, b), phrase.head) if phrase.head.end <= b else None

    def persons_in(self, q: QuoteMention) -> frozenset[str]:
        """The canonical names (casefolded) of the persons named inside a quote's words."""
        return frozenset(_norm(e.canonical).casefold() for e in self.entities_in(Span(q.start, q.end)) if e.label == "PERSON")

    def remember(self, span: Span, names: list[Name]) -> None:
        """A pronoun resolved to ``names``: a mention of them at ``span`` for later pronouns."""
        if names and (not self._resolved or self._resolved[-1][0] <= span.start):
            self._resolved.append((span.start, span.end, names))

    # -- entities ------------------------------------------------------
    def entities_in(self, span: Span) -> list[Entity]:
        lo = bisect_left(self._starts, span.start)
        hi = bisect_right(self._starts, span.end)
        return [e for e in self.entities[lo:hi] if e.end <= span.end]

    def speaker_entities(self, span: Span) -> list[Entity]:
        """Entity mentions of a speaker phrase that can name it: not inside
        quotation marks (the quote's own words), not in a parenthesis ('Jane
        Roe (R-OH)': the party and state tag)."""
        out = []
        for e in self.entities_in(span):
            if self.in_quotes(e.start):
                continue
            before = self.text[span.start : e.start]
            if before.count("(") > before.count(")"):
                continue
            out.append(e)
        return out

    def entity_over(self, span: Span) -> Entity | None:
        """The entity mention that covers ``span`` (a head word)."""
        lo = bisect_right(self._starts, span.start)
        for e in reversed(self.entities[max(0, lo - 3) : lo]):
            if e.start <= span.start and span.end <= e.end:
                return e
        return entity_at(self.entities_in(span), span) if self.entities_in(span) else None

    def _name(self, e: Entity) -> Name:
        if e.label != "PERSON":
            person = self.person_named(Span(e.start, e.end))
            if person is not None:
                return Name(person.name, Span(e.start, e.end))
        return Name(_norm(e.canonical), Span(e.start, e.end))

    # -- phrases -------------------------------------------------------
    def people(self, phrases, names: list[Name], how: str) -> bool:
        """Whether resolved speaker names are people: a person pronoun, person
        names, a role, or a group noun of people ("critics", "a friend")."""
        if how in ("pronoun", "role", "described_earlier"):
            return True
        if how in ("name", "coordination", "apposition"):
            return all(n.span is not None and self._is_person_name(n) for n in names)
        if how == "group":
            return any(self.text[p.head.start : p.head.end].lower() in self.people_nouns or _singular(self.text[p.head.start : p.head.end].lower()) in self.people_nouns for p in phrases)
        return False

    def speaking_body(self, phrases, names: list[Name], how: str) -> bool:
        """Whether resolved speaker names are organisations (not places, not
        nationalities), bodies ('the agency', ``organisation_common_nouns``,
        ``organisation_heads``) or texts ('the report', ``source_nouns``): sources that speak
        for themselves, like people, when a quote is woven into their clause."""
        if how in ("name", "coordination", "apposition", "source_noun"):
            ents = [self.entity_over(n.span) for n in names if n.span is not None]
            return bool(ents) and all(e is not None and e.label == "ORG" for e in ents)
        if how == "group":
            return any(_singular(self.text[p.head.start : p.head.end].lower()) in self.body_nouns for p in phrases)
        return False

    def _is_person_name(self, n: Name) -> bool:
        e = self.entity_over(n.span)
        return e is not None and e.label == "PERSON" or self.person_named(n.span) is not None

    def is_author(self, span: Span) -> bool:
        return " ".join(_words(self.text[span.start : span.end])) in self.author_refs

    def author(self, span: Span) -> tuple[list[Name], str]:
        """'I said', 'as this author wrote': the writer (``author``), or in the
        answers of an interview or the words of a speech, the person speaking."""
        voice = _voice(self) if any(s.start <= span.start < s.end for s in self.doc.meta.voiced) else None
        return [Name(voice or AUTHOR, span)], "author"

    def names(self, phrase: SpeakerPhrase) -> list[Name]:
        """Names for a speaker phrase (rules 1-6 of the module doc)."""
        return self.resolve(phrase)[0]

    def resolve(self, phrase: SpeakerPhrase) -> tuple[list[Name], str]:
        """Names for a speaker phrase and the rule that found them: ``pronoun``,
        ``name``, ``coordination``, ``apposition``, ``source_noun``, ``role``,
        ``described_earlier``, ``group`` ("" when there is no speaker)."""
        if self.in_quotes(phrase.head.start):
            return [], ""
        phrase = self._before_quotes(self._before_parenthesis(self._outside_quotes(phrase)))
        if phrase is None:
            return [], ""  # the head is in or after quoted words: not a speaker phrase
        text = self.text[phrase.span.start : phrase.span.end]
        words = _words(text)
        if not words:
            return [], ""
        if len(words) == 1 and (words[0] in self.pronouns or words[0] in _RELATIVES):
            return self._pronoun(phrase, words[0])
        if self.is_author(phrase.span):
            return self.author(phrase.span)
        person = self.person_before_apposition(phrase.span)
        if person is not None:
            return [person], "apposition"
        found = self._coordinated_names(phrase.span)
        if found:
            return found, "coordination" if len(found) > 1 else "name"
        ents = self.speaker_entities(phrase.span)
        if ents:
            got = self._entity_names(phrase, text, ents)
            if got[0]:
                return got
        person = self.person_named(phrase.span)
        if person is not None:
            return [person], "name"
        role = self.role_holder(phrase.span)
        if role is not None:
            return [role], "role"
        earlier = self.described_earlier(phrase)
        if earlier is not None:
            return [earlier], "described_earlier"
        if self.describes_person(phrase):
            found = self.antecedents(phrase.span, "person", role=self.text[phrase.head.start : phrase.head.end].lower())
            if found:
                return found, "description"
        if not self.can_speak(phrase):
            return [], ""  # 'the balloons', 'the first incident', 'what': nobody
        return [self.group(phrase.span)], "group"

    def _pronoun(self, phrase: SpeakerPhrase, word: str) -> tuple[list[Name], str]:
        """A lone pronoun: 'I'/'we' the author, he/she/they/it an antecedent, a relative its noun."""
        kind = self.pronouns.get(word)
        if kind is None:
            return self.relative_antecedent(phrase)
        return self.author(phrase.span) if kind == "self" else (self.antecedents(phrase.span, kind), "pronoun")

    def relative_antecedent(self, phrase: SpeakerPhrase) -> tuple[list[Name], str]:
        """'the brief, which dismissed ...': a relative pronoun stands for the noun its
        clause modifies; a demonstrative ('that was not her view and dismissed ...') for nobody."""
        seg, tok = self._token_at(phrase.head.start)
        if tok is None or tok.head.dep_ != "relcl" or tok.head.head.pos_ not in ("NOUN", "PROPN"):
            return [], ""
        noun = tok.head.head
        span, hspan = span_of(seg, noun_phrase(noun), strip_det=True), span_of(seg, [noun])
        return self.resolve(SpeakerPhrase(span, hspan)) if span is not None and hspan is not None else ([], "")

    def can_speak(self, phrase: SpeakerPhrase) -> bool:
        """A group phrase names someone who can speak unless its head is a noun of
        an event, an abstract notion, a time or an object ('the first incident',
        'the balloons'; ``non_speaker_nouns``); a noun of people, bodies,
        organisations or texts (``speaker_nouns`` and the other lexicons) and a
        name the recogniser missed always can."""
        head = self.text[phrase.head.start : phrase.head.end]
        low = head.lower()
        if head[:1].isupper() and low not in self.pronouns:
            return True
        forms = (low, _singular(low))
        if any(w in self.speaking_nouns for w in forms):
            return True
        return not any(w in self.non_speakers for w in forms)

    def describes_person(self, phrase: SpeakerPhrase) -> bool:
        """'the state senator', 'the billionaire', 'the Republican': a definite
        singular description headed by a role, a title or a party word names a
        person mentioned before (resolved like 'he'/'she')."""
        before = _words(self.text[max(0, phrase.span.start - 6) : phrase.span.start])
        words = _words(self.text[phrase.span.start : phrase.span.end])
        if not before or before[-1] != "the" or len(words) > _MAX_DESCRIPTION_WORDS or set(words) & self.prepositions:
            return False  # ('the representative of Kenya' introduces someone new)
        seg, tok = self._token_at(phrase.head.start)
        if tok is None or tok.tag_ not in ("NN", "NNP") or any(c.dep_ == "conj" for c in tok.children):
            return False
        if self.entities_in(phrase.span) and tok.ent_type_ not in ("NORP", ""):
            return False  # a name
        return tok.lower_ in self.title_words or tok.ent_type_ == "NORP" and tok.pos_ in ("NOUN", "PROPN") or tok.lemma_.lower() in _ROLE_DESCRIPTIONS

    def person_before_apposition(self, span: Span) -> Name | None:
        """'Jane Roe, director of operations and advocacy at the agency', 'Jan
        Kowalski, from the dockers' union': a person named before a comma is the
        speaker, not what the apposition names."""
        parts = _split(span, self.text, _APPOSITION_BREAK)
        if len(parts) < 2 or self._name_list(span):
            return None
        head = next((p for p in parts[:-1] if self.speaker_entities(p)), None)
        if head is None:
            return None
        ents = self.speaker_entities(head)
        if len(ents) != 1 or ents[0].label != "PERSON" or " and " in self.text[head.start : head.end]:
            return None
        # before the name: titles and lower-case modifiers only ('81-year-old', 'longtime')
        rest = [w for w in self.text[head.start : ents[0].start].split() if w.lower() not in self.title_words and w[:1].isupper()]
        return self._name(ents[0]) if not rest and not self.text[ents[0].end : head.end].strip() else None

    def _name_list(self, span: Span) -> bool:
        """'A, B and C': every item after the commas and the conjunction ends in a person's name."""
        items = [i for part in _split(span, self.text, _CONJUNCTION) for i in _split(part, self.text, _LIST_COMMA)]
        if len(items) < 3:
            return False
        return all(self._bare_name(i) for i in items)

    def _bare_name(self, span: Span) -> bool:
        """A person's name with at most titles before it ('Sen. Jane Roe'; not 'an adviser to Jane Roe')."""
        ents = [e for e in self.speaker_entities(span) if e.label == "PERSON" and e.end == span.end]
        return bool(ents) and all(w in self.title_words or w[:1].isupper() for w in self.text[span.start : ents[-1].start].split())

    def _before_parenthesis(self, phrase: SpeakerPhrase) -> SpeakerPhrase:
        """A phrase all inside brackets, or a description between commas, right
        after a name ('Gov. Jane Roe (R-OH) said', 'Col. Jane Roe, a spokeswoman
        for the army, said': the parser may take the bracket, or a part of it,
        or the apposition for the subject) stands for that name."""
        left = self._bracket_open(phrase.span)
        if left is None:
            left = self._apposition_comma(phrase)
        if left is None:
            return phrase
        end = len(self.text[:left].rstrip())
        before = [e for e in self.entities_in(Span(max(0, end - _BRACKET_REACH), end)) if e.end == end and e.label in ("PERSON", "ORG")]
        if not before:
            return phrase
        span = Span(before[-1].start, before[-1].end)
        return SpeakerPhrase(span, span)

    def _bracket_open(self, span: Span) -> int | None:
        """Where the bracket that holds ``span`` (and nothing else of note) opens."""
        a, b = span.start, span.end
        left = self.text.rfind("(", max(0, a - _BRACKET_SLACK), a + 1)
        right = self.text.find(")", b, b + _BRACKET_SLACK)
        if left < 0 or right < 0 or ")" in self.text[left:a] or "(" in self.text[b:right]:
            return None
        return left

    def _apposition_comma(self, phrase: SpeakerPhrase) -> int | None:
        """Where the comma opens before a lower-case description that a comma closes
        (the words the phrase leaves out before its head: lower-case, no comma)."""
        a, b = phrase.span.start, phrase.span.end
        if self.text[b : b + 1] != "," or not self.text[phrase.head.start : phrase.head.start + 1].islower():
            return None
        left = self.text.rfind(",", max(0, a - _BRACKET_REACH), a)
        gap = self.text[left + 1 : a]
        return left if left >= 0 and len(gap) <= _GAP_CHARS and not any(w[:1].isupper() or w[-1:] == "," for w in gap.split()) else None

    def _outside_quotes(self, phrase: SpeakerPhrase) -> SpeakerPhrase:
        """The phrase without the quoted words it starts in ('"... Or Oslo," Jane
        Roe said': the parser may take the end of the quote into the subject)."""
        a = phrase.span.start
        k = bisect_right(self._quoted_starts, a) - 1
        if k < 0 or a >= self._quoted[k][1]:
            return phrase
        a = self._quoted[k][1]
        while a < phrase.head.start and not self.text[a].isalnum():
            a += 1
        return SpeakerPhrase(Span(a, phrase.span.end), phrase.head)

    def _entity_names(self, phrase: SpeakerPhrase, text: str, ents: list[Entity]) -> tuple[list[Name], str]:
        rest = self._remainder(text, phrase.span, ents)
        head_word = " ".join(_words(self.text[phrase.head.start : phrase.head.end]))
        if all(e.label in ("NORP", "GPE") and e.end <= phrase.head.start for e in ents) and head_word in self.title_words:
            return [], ""  # 'the former Mexican president': a role, not the country
        if all(e.label != "PERSON" and e.end <= phrase.head.start for e in ents) and self.describes_person(phrase):
            return [], ""  # 'the GOP candidate': someone named before, not the party
        if not rest:
            return _unique(self._name(e) for e in self._coordinated(ents)), "name"
        head = self.entity_over(phrase.head)
        if head is not None and head.start >= phrase.span.start:
            return [self._name(head)], "name"
        persons = [e for e in ents if e.label == "PERSON"]
        if head_word in self.title_words and len(persons) == 1:
            return [self._name(persons[0])], "apposition"  # 'the ambassador of X, Jane Doe'
        if head_word in self.source_nouns:
            return self._source_noun_name(phrase, ents)
        return [], ""

    def _source_noun_name(self, phrase: SpeakerPhrase, ents: list[Entity]) -> tuple[list[Name], str]:
        """'a [Org] opinion survey', 'an analysis by [Org]': the organisation."""
        before = [e for e in ents if e.end <= phrase.head.start and e.label in ("ORG", "PERSON", "GPE")]
        after = [e for e in ents if e.start >= phrase.head.end and e.label in ("ORG", "PERSON") and set(_words(self.text[phrase.head.end : e.start])) & {"by", "from", "of"}]
        if before or after:
            return [self._name((before[-1:] or after)[0])], "source_noun"
        return [], ""

    def described_earlier(self, phrase: SpeakerPhrase) -> Name | None:
        """'the ministers' -> the group last described in full as a subject
        with the same head noun ('the defence ministers of X and Y')."""
        words = _words(self.text[phrase.span.start : phrase.span.end])
        start_word = _words(self.text[max(0, phrase.span.start - 6) : phrase.span.start])
        if len(words) != 1 or not (start_word and start_word[-1] in ("the", "these", "those")):
            return None
        seg, tok = self._token_at(phrase.head.start)
        if tok is None:
            return None
        for s, toks in self._previous_sentences(seg, tok, n=3):
            for t in reversed(toks):
                if t.i != tok.i and t.dep_ in _SUBJECT_DEPS and t.lemma_.lower() == tok.lemma_.lower() and len(noun_phrase(t)) > 2:
                    names = self._phrase_names(s, t)
                    if names:
                        return names[0]
        return None

    def _coordinated_names(self, span: Span) -> list[Name]:
        """Names when every conjunct of the phrase names one speaker ("X and
        Foreign Minister Y", "he and his counterpart, Z", "A, B and C")."""
        parts = []
        for part in _split(span, self.text, _CONJUNCTION):
            part = _before(part, self.text, _APPOSITION_TAIL)
            pieces = _split(part, self.text, _LIST_COMMA)
            if len(pieces) > 1 and all(self.speaker_entities(p) and self._conjunct_name(p) for p in pieces):
                parts.extend(pieces)
            else:
                parts.append(part)
        out: list[Name] = []
        for part in parts:
            names = self._conjunct_name(part)
            if not names:
                return []
            out.extend(names)
        return _unique(out)

    def _conjunct_name(self, span: Span) -> list[Name]:
        """One conjunct: a pronoun, or a name that ends it (or is followed by an
        apposition) with only titles and modifiers before it, no preposition."""
        words = _words(self.text[span.start : span.end])
        if len(words) == 1 and self.pronouns.get(words[0]) in ("person", "plural", "thing"):
            return self.antecedents(span, self.pronouns[words[0]])
        for e in reversed(self.speaker_entities(span)):
            after = self.text[e.end : span.end].strip()
            if after and not after.startswith((",", "(")):
                continue  # (an apposition or an acronym in parentheses may follow)
            if e.label == "PERSON" and not after and self.text[span.start : e.start].rstrip().endswith(","):
                return [self._name(e)]  # 'the Special Representative for Haiti, Jane Roe'
            before = set(_words(self.text[span.start : e.start]))
            if before & self.prepositions:
                continue
            return [self._name(e)]
        return []

    def _coordinated(self, ents: list[Entity]) -> list[Entity]:
        """Of entity mentions in one phrase, those that are coordinated: an
        entity right before another with no conjunction between them
        premodifies it ('Kenyan President X', 'Japan's X') and is dropped."""
        listed = bool(set(_words(self.text[ents[0].start : ents[-1].end])) & _COORDINATORS)
        out = []
        for k, e in enumerate(ents):
            nxt = ents[k + 1] if k + 1 < len(ents) else None
            if nxt is not None:
                gap = set(_words(self.text[e.end : nxt.start]))
                if not (gap & _COORDINATORS or "," in gap and listed):
                    continue
            out.append(e)
        return out

    def person_named(self, span: Span) -> Name | None:
        """A capitalised name the entity recogniser missed or mislabelled that is
        part of one person's canonical name ('Diallo' -> 'Amina Diallo')."""
        words = [w for w in self.text[span.start : span.end].split() if w.lower() not in self.title_words]
        if not words or len(words) > 3 or not all(w[:1].isupper() for w in words):
            return None
        key = tuple(w.lower().strip(".,") for w in words)
        found = {c for c, toks in self.person_tokens if _sub(toks, key)}
        if len(found) != 1:
            return None
        name = found.pop()
        a = span.start + self.text[span.start : span.end].find(words[0])
        return Name(name, Span(a, span.end))

    def _remainder(self, text: str, span: Span, ents: list[Entity]) -> list[str]:
        pieces, pos = [], span.start
        for e in ents:
            pieces.append(self.text[pos : e.start])
            pos = max(pos, e.end)
        pieces.append(self.text[pos : span.end])
        return [w for w in _words(" ".join(pieces)) if w not in _JOINERS and w not in self.title_words and w not in _LEADING_DET]

    def role_holder(self, span: Span) -> Name | None:
        """'the prime minister' -> the person last introduced with that title."""
        words = [w for w in _words(self.text[span.start : span.end]) if w not in _LEADING_DET and w not in self.dropped]
        key = " ".join(words)
        if key not in self.titles:
            return None
        lo = bisect_left(self._starts, span.start)
        for e in reversed(self.entities[max(0, lo - _ROLE_LOOKBACK) : lo]):
            if e.label != "PERSON":
                continue
            title = " ".join(_words(e.title)) if e.title else " ".join(_words(self.text[max(0, e.start - 40) : e.start]))
            if title == key or title.endswith(" " + key):
                return self._name(e)
        return None

    def group(self, span: Span) -> Name:
        """A group phrase as written: no leading determiner, no temporal
        adjective, no apposition or relative clause after a comma."""
        a, b = span.start, span.end
        seg_text = self.text[a:b]
        cut = re.search(r",|\s\(|\s\u2014|\s-\s", seg_text)
        if cut:
            b = a + cut.start()
        while True:
            m = re.match(r"\s*([\w-]+)\s+", self.text[a:b])
            if m and (m.group(1).lower() in _LEADING_DET or m.group(1).lower() in self.dropped):
                a += m.end()
                continue
            break
        return Name(_norm(self.text[a:b]), Span(a, b))

    # -- pronouns ------------------------------------------------------
    def _token_at(self, offset: int):
        seg = self.segment_at(offset)
        if seg is None or seg.doc is None:
            return None, None
        sp = seg.char_span(offset, offset + 1, alignment_mode="expand")
        return seg, (sp[0] if sp is not None and len(sp) else None)

    def _previous_sentences(self, seg, tok, n: int = 2, reach: int = 1):
        """The sentence of ``tok`` (up to it) and up to ``n`` earlier ones,
        nearest first, across at most ``reach`` earlier claim paragraphs that
        come right before (cost: the sentences returned, not the paragraph)."""
        sents, starts = self.sentences(seg)
        k = bisect_right(starts, tok.i) - 1
        out = [(seg, list(sents[k])[: tok.i - sents[k].start])]
        for i in range(k - 1, max(-1, k - 1 - n), -1):
            out.append((seg, list(sents[i])))
        j = bisect_left(self._claim_starts, seg.start) - 1
        while len(out) <= n and j >= 0 and self._claims[j].index >= seg.index - reach:
            prev = self._claims[j]
            psents = self.sentences(prev)[0]
            for i in range(len(psents) - 1, max(-1, len(psents) - 1 - (n + 1 - len(out))), -1):
                out.append((prev, list(psents[i])))
            j -= 1
        return out[: n + 1]

    def _phrase_names(self, seg, head) -> list[Name]:
        toks = noun_phrase(head)
        span = span_of(seg, toks, strip_det=True)
        hspan = span_of(seg, [head])
        if span is None or hspan is None:
            return []
        return self.names(SpeakerPhrase(span, hspan))

    def antecedents(self, span: Span, kind: str, role: str | None = None) -> list[Name]:
        """Names a pronoun at ``span`` stands for: the nearest compatible earlier
        mention outside quotation marks (a subject first, sentence by sentence;
        a person across up to two paragraphs, counting pronouns already resolved)."""
        seg, tok = self._token_at(span.start)
        if tok is None:
            return []
        person = kind == "person"
        gender = _PRONOUN_GENDER.get(self.text[span.start : span.end].lower())
        for k, (s, toks) in enumerate(self._previous_sentences(seg, tok, n=_PERSON_SENTENCES if person else 2, reach=3 if person else 1)):
            toks = [t for t in toks if not self.in_quotes(s.start + t.idx)]
            found = self._antecedent_in(s, toks, kind, same_sentence=k == 0, gender=gender, role=role)
            if found:
                if person:
                    self.remember(span, found)
                return found
        return []

    def _role_word(self, word: str, role: str | None) -> bool:
        """A subject headed by a role ('the minister said'): a candidate antecedent
        of he/she, and of 'the <role>' when it is the same role."""
        return word == role if role is not None else word in self.titles or word in self.role_nouns

    def _holds(self, e: Entity, role: str | None) -> bool:
        """Whether a person can be 'the <role>': yes when no title of theirs is
        known, else when the title has the role's word ('the senator' and 'Sen.
        Jane Roe'; not 'the envoy' and 'Finance Minister Jane Roe')."""
        if role is None or role not in self.title_words or not e.title:
            return True
        words = {_ABBREVIATED_TITLES.get(w, w) for w in _words(e.title)}
        return role in words or _singular(role) in words

    def _person_mention(self, e: Entity) -> bool:
        """A mention that can be the antecedent of he/she: a person's name (of at
        most four words: a longer one is a misread headline), never a place."""
        if len(e.canonical.split()) > _MAX_NAME_WORDS or e.label in ("GPE", "LOC", "NORP", "FAC"):
            return False
        return e.label == "PERSON" or self.person_named(Span(e.start, e.end)) is not None

    def _names_thing(self, seg, e: Entity) -> bool:
        """A name in apposition to a noun of a work or a thing ('in her book, X,'; ``thing_nouns``): a title, no person."""
        sp = seg.char_span(e.start, e.end, alignment_mode="expand")
        if sp is None:
            return False
        root = sp.root
        other = root.head if root.dep_ == "appos" else next((c for c in root.children if c.dep_ == "appos"), None)
        return other is not None and other.pos_ == "NOUN" and other.lemma_.lower() in self.thing_nouns

    def resolved_between(self, a: int, b: int) -> list[tuple[int, int, list[Name]]]:
        """The pronouns resolved so far that start in [a, b): (start, end, names)."""
        out = []
        for k in range(bisect_left(self._resolved, (a,)), len(self._resolved)):
            if self._resolved[k][0] >= b:
                break
            out.append(self._resolved[k])
        return out

    def _resolved_in(self, a: int, b: int) -> list[tuple[int, bool, list[Name]]]:
        """Resolved pronouns as candidates of :meth:`_person_in` (offset, a subject, names)."""
        return [(start, True, names) for start, _, names in self.resolved_between(a, b)]

    def gender(self, name: str) -> str | None:
        """'female' or 'male' from a person's first name (None: not known)."""
        for w in name.split():
            g = self.genders.get(w.lower().strip("."))
            if g is not None or w.lower().strip(".") not in self.title_words:
                return g
        return None

    def _agrees(self, names: list[Name], gender: str | None) -> bool:
        if gender is None or len(names) != 1:
            return True
        g = self.gender(names[0].name)
        return g is None or g == gender

    def _antecedent_in(self, seg, toks: list, kind: str, same_sentence: bool, gender: str | None = None, role: str | None = None) -> list[Name]:
        """The antecedent of a pronoun of ``kind`` (person, plural, thing) among
        the tokens of one sentence, entities inside quotation marks left out."""
        if not toks:
            return []
        a, b = seg.start + toks[0].idx, seg.start + toks[-1].idx + len(toks[-1].text)
        ents = [e for e in self.entities_in(Span(a, b)) if not self.in_quotes(e.start)]
        if kind == "person":
            return self._person_in(seg, toks, ents, (a, b), gender, role)
        if kind == "plural":
            return self._plural_in(seg, toks, ents)
        if kind == "thing":
            return self._thing_in(seg, toks, ents)
        return []

    def _plural_in(self, seg, toks: list, ents: list[Entity]) -> list[Name]:
        """The antecedent of 'they': the last plural subject that can speak or
        act, else the persons named, else the actors named (two or more)."""
        for t in reversed(toks):
            if t.dep_ in _SUBJECT_DEPS and t.pos_ != "PRON" and self._plural_agent(t):
                names = self._phrase_names(seg, t)
                if names:
                    return names
        return self._named_group(seg, toks, ents)

    def _named_group(self, seg, toks: list, ents: list[Entity]) -> list[Name]:
        """'X met Y in Z, and they agreed': the persons, else the organisations
        and countries, not places (two or more, else nobody)."""
        persons = _unique(self._name(e) for e in ents if e.label == "PERSON")
        persons += [n for n in self._unrecognised_names(seg, toks, ents) if n.name.lower() not in {p.name.lower() for p in persons}]
        if len(persons) >= 2:
            return persons
        actors = _unique(self._name(e) for e in ents if e.label in ("PERSON", "ORG", "GPE") and not self._is_place(seg, e))
        return actors if len(actors) >= 2 else []

    def _thing_in(self, seg, toks: list, ents: list[Entity]) -> list[Name]:
        """The antecedent of 'it': the subject of a 'for X to' clause, else the
        last singular noun subject, else the last organisation or country."""
        for t in reversed(toks):
            if self._for_subject(t):
                return self._phrase_names(seg, t)
        for t in reversed(toks):
            if t.dep_ in _SUBJECT_DEPS and t.pos_ in ("NOUN", "PROPN") and t.tag_ not in ("NNS", "NNPS") and t.ent_type_ != "PERSON":
                names = self._phrase_names(seg, t)
                if names:
                    return names
        things = [e for e in ents if e.label in ("ORG", "GPE")]
        return [self._name(things[-1])] if things else []

    @staticmethod
    def _for_subject(t) -> bool:
        """The subject of a 'for X to' clause ("For X to ..., it must ...")."""
        if t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.dep_ == "mark":
            return True
        return t.dep_ == "nsubj" and t.head.lower_ != "to" and any(c.dep_ == "mark" and c.lower_ == "for" for c in t.head.children)

    def _person_in(self, seg, toks: list, ents: list[Entity], where: tuple[int, int], gender: str | None, role: str | None) -> list[Name]:
        """The antecedent of he/she (or 'the <role>') among the tokens of one
        sentence: named persons, pronouns resolved before and, where nobody is
        named, a subject headed by a role word; a subject first, the last one."""
        # (offset, is a subject, names)
        cands = [(e.start, self._is_subject(seg, e), [self._name(e)]) for e in ents if self._person_mention(e) and self._holds(e, role) and not self._names_thing(seg, e)]
        cands += self._resolved_in(*where)
        if not cands:  # 'a senior officer, who asked not to be named, said'
            cands = self._role_subjects(seg, toks, gender, role)
        cands = [c for c in cands if self._agrees(c[2], gender)]
        others = [c for c in cands if not {n.name.casefold() for n in c[2]} & self.talked_about]
        cands = others or cands  # 'While Roe had ..., it concerns Doe. "Roe had help," he said': Doe
        subj = [c for c in cands if c[1]]
        pick = max(subj or cands, key=lambda c: c[0]) if cands else None
        return pick[2] if pick else []

    def _role_subjects(self, seg, toks: list, gender: str | None, role: str | None) -> list:
        out = []
        for t in toks:
            if t.dep_ in _SUBJECT_DEPS and t.tag_ == "NN" and self._role_word(t.lower_, role) and not t.ent_type_ and _NOUN_GENDER.get(t.lower_, gender) == gender:
                names = self._phrase_names(seg, t)
                if names:
                    out.append((seg.start + t.idx, True, names))
        return out

    def _plural_agent(self, t) -> bool:
        """A plural subject that can speak or act: coordinated names, a plural
        name, or a plural group noun ('officials', 'the two sides')."""
        if any(c.dep_ == "conj" for c in t.children) and (t.ent_type_ or t.pos_ == "PROPN"):
            return True
        if t.tag_ == "NNPS" or t.tag_ == "NNS" and t.ent_type_ in ("NORP", "ORG", "GPE"):
            return True
        return t.tag_ == "NNS" and t.lemma_.lower() in self.group_nouns or t.lower_ in self.group_nouns

    def _unrecognised_names(self, seg, toks: list, ents: list[Entity]) -> list[Name]:
        """Capitalised names the recogniser missed, as subject or object of the
        clause ('X met [Y] in Z')."""
        covered = {(e.start, e.end) for e in ents}
        out = []
        for t in toks:
            if t.pos_ != "PROPN" or t.dep_ not in ("nsubj", "dobj", "pobj", "conj") or t.ent_type_:
                continue
            if t.dep_ == "pobj" and t.head.lower_ not in ("with", "and"):
                continue
            name = [c for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [t]
            if t.lower_ in self.title_words:
                continue  # 'Transport Minister' names nobody
            sp = span_of(seg, name)
            if sp is not None and not any(a <= sp.start < b for a, b in covered):
                out.append(Name(_norm(self.text[sp.start : sp.end]), sp))
        return out

    def _is_place(self, seg, e: Entity) -> bool:
        """A mention governed by a locative preposition ('in Cairo')."""
        sp = seg.char_span(e.start, e.end, alignment_mode="expand")
        return sp is not None and sp.root.dep_ == "pobj" and sp.root.head.lower_ in ("in", "at", "from", "near", "across", "inside", "outside", "to", "into")

    def _is_subject(self, seg, e: Entity) -> bool:
        sp = seg.char_span(e.start, e.end, alignment_mode="expand")
        return sp is not None and any(t.dep_ in _SUBJECT_DEPS for t in sp)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _split(span: Span, text: str, sep: re.Pattern) -> list[Span]:
    """``span`` cut at the matches of ``sep`` (empty pieces dropped)."""
    out, pos = [], span.start
    for m in sep.finditer(text, span.start, span.end):
        if m.start() > pos:
            out.append(Span(pos, m.start()))
        pos = m.end()
    if pos < span.end:
        out.append(Span(pos, span.end))
    return out


def _before(span: Span, text: str, sep: re.Pattern) -> Span:
    """``span`` up to the first match of ``sep`` in it."""
    m = sep.search(text, span.start, span.end)
    return Span(span.start, m.start()) if m else span


def _unique(names: Iterable[Name]) -> list[Name]:
    out, seen = [], set()
    for n in names:
        if n.name.lower() not in seen:
            seen.add(n.name.lower())
            out.append(n)
    return out


def _content_words(text: str) -> list[str]:
    return [w for w in _words(text) if w[0].isalnum()]


def _sub(long: tuple, short: tuple) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _contains(long: list[str], short: list[str]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _overlaps(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def resolve_quotes(att: Attributor, quotes: list[QuoteMention]) -> list[QuoteMention]:
    """Speakers for every quote, by ordered sieves (the module doc); reported
    speech overlapping a marked quote dropped. Each quote names the sieve and
    the resolution that chose its speakers (``speaker_rule``)."""
    marked = sorted((q for q in quotes if q.marked), key=lambda q: (q.start, q.end))
    reports = _Reports([q for q in quotes if not q.marked])
    reported = _outside(marked, [q for q in quotes if not q.marked])
    att.set_quoted((q.start - 1, q.end + 1) for q in marked)
    out: list[QuoteMention] = []
    reuse = _ReuseIndex(att.text)
    last: QuoteMention | None = None  # the latest quote with speakers
    history = History()  # the quotes with speakers so far (features of the ranker)
    for q in sorted(marked + reported, key=lambda q: (q.start, q.end)):
        r = rerank(att, _attribute(att, q, last, reuse, reports), history, att.ranker)
        out.append(r)
        if r.speakers:
            last = r
            reuse.add(r)
            history.add(r)
    return out


def _outside(marked: list[QuoteMention], reported: list[QuoteMention]) -> list[QuoteMention]:
    """Reported speech that overlaps no marked quote and no longer report (one sweep)."""
    starts = [m.start for m in marked]
    kept: list[QuoteMention] = []
    for q in sorted(reported, key=lambda q: (q.start, -(q.end - q.start))):
        k = bisect_left(starts, q.end) - 1
        if k >= 0 and marked[k].end > q.start:
            continue  # (marked quotes never overlap: the one starting last before q's end is the only candidate)
        if kept and kept[-1].end > q.start:
            continue
        kept.append(q)
    return kept


def _attribute(att: Attributor, q: QuoteMention, last: QuoteMention | None, reuse: _ReuseIndex, reports: _Reports) -> QuoteMention:
    """The sieves in order: the report a partial quote is woven into, the quote's
    own speaker phrase (cue subject, "according to", clause subject), the
    author's re-use of earlier words, the subject of the sentence before, the
    speaker it continues."""
    woven = _woven(att, q, reports)
    if woven is not None:
        return woven
    q, names, how = _own_phrase(att, q)
    if names:
        return _with(q, names, f"{q.sieve or 'cue_subject'}/{how}")
    return _from_context(att, q, last, reuse, how)


def _woven(att: Attributor, q: QuoteMention, reports: _Reports) -> QuoteMention | None:
    """The speakers of the report ``q`` is woven into (None: none, or it names nobody)."""
    outer = reports.enclosing(q, att.text)
    if outer is None:
        return None
    names, how = _phrase_names(att, outer)
    if not names:
        return None
    return _with(q._replace(kind="partial" if q.kind == "scare" else q.kind, cue=q.cue or outer.cue), names, f"enclosing_report/{how}")


def _own_phrase(att: Attributor, q: QuoteMention) -> tuple[QuoteMention, list[Name], str]:
    """The names of the quote's own speaker phrase and how they were found; a noun
    owner that names nobody leaves a scare quote, a clause subject that is no
    person or speaking body is dropped (the quote then has no phrase). A person
    the quoted words name is what the speaker talks about: a pronoun stands for
    someone else of its sentence when there is one."""
    att.talked_about = att.persons_in(q) if q.marked else frozenset()
    names, how = _phrase_names(att, q)
    att.talked_about = frozenset()
    if how == "coordination" and len(names) > 1 and q.phrases and _one_voice(att, q):
        names = names[-1:]  # 'A, B and C, who joked, "I have not seen it"': the last one speaks
    if q.sieve == "noun_owner" and not names:
        q = q._replace(kind="scare", cue=None, phrases=(), sieve="")
    if q.sieve == "clause_subject":
        if names and (att.people(q.phrases, names, how) or att.speaking_body(q.phrases, names, how)):
            q = q._replace(kind="partial")
        else:
            q, names = q._replace(cue=None, phrases=(), sieve=""), []
    return q, names, how


def _from_context(att: Attributor, q: QuoteMention, last: QuoteMention | None, reuse: _ReuseIndex, how: str) -> QuoteMention:
    """A quote whose own phrase names nobody: the author's re-use of earlier
    words, the subject of the sentence before, the speaker it continues, else nobody."""
    if q.marked and q.cue is None and q.kind == "scare":
        earlier = reuse.speakers_of(q)
        return q._replace(kind="partial", speakers=tuple(earlier), speaker_rule="reuse") if earlier else q
    if q.marked and q.cue is None:
        label = att.colon_label(q.start)
        if label:
            return _with(q, label, "colon_label")
    if q.marked and q.standalone:
        near = att.preceding_subject(q.start, last)
        if near:
            return _with(q, near, "preceding_subject")
    prev = _continued(att, q, last, how)
    if prev is not None:
        return q._replace(speakers=prev.speakers, speaker_spans=prev.speaker_spans, cue=q.cue or prev.cue, speaker_rule="continuation")
    return q._replace(speakers=(), speaker_spans=())


def _one_voice(att: Attributor, q: QuoteMention) -> bool:
    """Names listed before a relative 'who' ('A, B and C, who joked, "..."') and
    quoted words in the first person singular: one voice, the last conjunct's."""
    after = att.text[q.phrases[-1].span.end : q.phrases[-1].span.end + 8]
    words = set(_words(att.text[q.start : q.end]))
    return bool(re.match(r"\s*,\s*who\b", after)) and bool(words & _FIRST_SINGULAR) and not words & _FIRST_PLURAL


_FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "i'm", "i’m", "i've", "i’ve", "i'll", "i’ll", "i'd", "i’d"})
_FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "we're", "we’re", "we've", "we’ve"})


def _with(q: QuoteMention, names: list[Name], rule: str) -> QuoteMention:
    return q._replace(speakers=tuple(n.name for n in names), speaker_spans=tuple(n.span for n in names if n.span is not None), speaker_rule=rule)


def _continued(att: Attributor, q: QuoteMention, last: QuoteMention | None, how: str) -> QuoteMention | None:
    """The quote ``q`` continues: for cue-less whole sentences, and for a pronoun
    cue subject with no antecedent when the earlier speaker agrees with it."""
    if not (q.marked and q.standalone or how == "pronoun"):
        return None
    prev = _previous_speaker(att, q, last)
    if prev is not None and how == "pronoun" and not att.could_be(q.phrases[0], prev):
        return None  # 'she' does not continue what an organisation or a man said
    return prev


def _phrase_names(att: Attributor, q: QuoteMention) -> tuple[list[Name], str]:
    names: list[Name] = []
    how = ""
    for p in q.phrases:
        found, rule = att.resolve(p)
        names.extend(found)
        how = how or rule
    return _unique(names), how


class _Reports:
    """Reported speech (indirect quotes, before those that overlap a marked quote
    are dropped) by content span: the report a partial quote is woven into
    ('Roe said that Baker called the members "closely coordinated"': Roe's words,
    as Roe reports them)."""

    def __init__(self, reported: list[QuoteMention]):
        self.items = sorted((q for q in reported if q.phrases and q.cue is not None), key=lambda q: (q.start, -q.end))
        self.starts = [q.start for q in self.items]

    def enclosing(self, q: QuoteMention, text: str) -> QuoteMention | None:
        """The report a marked quote ``q`` is woven into (partial, or without a cue
        of its own; its own cue, if any, inside the report's content): the
        outermost that holds it, past an outlet's or a text's report of it
        ("..., according to the Post", "..., the Post reported": the speaker is
        the one whose words the Post reports) and past a belief ("X feared that
        Y called for a 'war'": Y's words) when the quote has a cue of its own."""
        if not q.marked or q.kind == "direct" or q.standalone or q.rule == "quote/scare_cue":
            return None  # (a "so-called" term is nobody's words)
        k = bisect_right(self.starts, q.start)
        holders = [r for r in self.items[max(0, k - _MAX_REPORTS_BACK) : k] if r.end >= q.end - _CONTENT_TRIM and (q.cue is None or r.start <= q.cue.start < r.end)]
        speech = [r for r in holders if not _relays(r, text) and not (q.cue is not None and _cue_word(r, text) in COGNITION_VERBS)]
        return (speech or holders[-1:])[0] if holders else None


def _cue_word(q: QuoteMention, text: str) -> str:
    return text[q.cue.start : q.cue.end].lower() if q.cue is not None else ""


def _relays(r: QuoteMention, text: str) -> bool:
    """An outlet's or a text's report: "according to X", "X reported"."""
    return r.sieve == "according_to" or _cue_word(r, text).startswith("report")


# verbs of belief, wish and prediction (a report of someone's mind, not of their words)
COGNITION_VERBS = frozenset(
    """feel feels felt think thinks thought believe believes believed hope hopes hoped fear fears feared worry worries
    worried wonder wonders wondered doubt doubts doubted guess guessed speculate speculated predict predicts predicted
    estimate estimates estimated forecast forecasts expect expects expected""".split()
)


_MAX_REPORTS_BACK = 8  # reports starting before a quote that are looked at (nested ones start close together)
_CONTENT_TRIM = 2  # a report's content ends before the closing mark and a final stop


class _ReuseIndex:
    """Earlier quotes by their content words, to find the ones that contain a
    cue-less quote's words (the author re-using them) in time linear in the words."""

    def __init__(self, text: str):
        self.text = text
        self.by_word: dict[str, list[tuple[QuoteMention, list[str]]]] = {}

    def add(self, q: QuoteMention) -> None:
        words = _content_words(self.text[q.start : q.end])
        for w in set(words):
            self.by_word.setdefault(w, []).append((q, words))

    def speakers_of(self, q: QuoteMention) -> list[str]:
        """Speakers of earlier quotes that contain the words of ``q`` (text order)."""
        words = _content_words(self.text[q.start : q.end])
        if len(words) < _REUSE_MIN_WORDS:
            return []
        rare = min(set(words), key=lambda w: len(self.by_word.get(w, ())))
        out: list[str] = []
        for e, ewords in self.by_word.get(rare, ()):
            if _contains(ewords, words):
                out.extend(s for s in e.speakers if s not in out)
        return out


def _previous_speaker(att: Attributor, q: QuoteMention, last: QuoteMention | None) -> QuoteMention | None:
    """The latest quote with speakers, when it stands at most two paragraphs
    back, or when every paragraph since opens with a quotation mark (the
    paragraphs of one speech, statement or interview answer)."""
    if last is None:
        return None
    seg, lseg = att.segment_at(q.start), att.segment_at(last.start)
    if seg is None or lseg is None:
        return None
    if seg.index - lseg.index <= _INHERIT_MAX_SEGMENTS or att.quoted_run(lseg.index + 1, seg.index):
        return last
    return None


def resolve_recommendations(att: Attributor, quotes: list[QuoteMention], recs: list[RecommendationMention]) -> list[RecommendationMention]:
    """Holders (the speakers of the quote or reported speech a recommendation
    sits in, or of its directive verb) and pronoun actors (their antecedent)."""
    voice = _voice(att)
    spoken = sorted((q for q in quotes if q.speakers), key=lambda q: (q.start, q.end))  # quotes never overlap
    starts = [q.start for q in spoken]
    return [r._replace(holder=_holder(att, r, spoken, starts, voice), actor=_actor(att, r)) for r in recs]


def _holder(att: Attributor, r: RecommendationMention, spoken: list[QuoteMention], starts: list[int], voice: str | None) -> str:
    """Whose advice ``r`` is: the speakers of the quote it sits in, else the names
    of its holder phrases, else the voice of a speech or interview, else the author."""
    holder = AUTHOR
    k = bisect_right(starts, r.trigger.start) - 1
    if k >= 0 and r.trigger.end <= spoken[k].end:
        holder = HOLDER_SEPARATOR.join(spoken[k].speakers)  # advice inside someone's quote or reported speech is theirs
    elif r.holder_phrases:
        names = _unique(n for p in r.holder_phrases for n in att.names(p))
        if names:
            holder = HOLDER_SEPARATOR.join(n.name for n in names)
    if holder == AUTHOR and voice and any(s.start <= r.trigger.start < s.end for s in att.doc.meta.voiced):
        holder = voice  # the speech or the interview answers are the speaker's words
    return holder


def _actor(att: Attributor, r: RecommendationMention) -> Span | None:
    """The actor of ``r``, a lone pronoun replaced by its antecedent's span (or
    one span covering its antecedents)."""
    actor = r.actor
    if actor is None:
        return None
    words = _words(att.doc.view.text[actor.start : actor.end])
    if len(words) == 1 and att.pronouns.get(words[0]) in ("person", "plural", "thing"):
        names = att.antecedents(actor, att.pronouns[words[0]])
        spans = [n.span for n in names if n.span is not None]
        if spans:
            actor = spans[0] if len(spans) == 1 else _covering(spans, att.doc)
    return actor


def _voice(att: Attributor) -> str | None:
    """The canonical name of the person a transcript or interview speaks for."""
    span = att.doc.meta.voice_span
    if span is None:
        return None
    e = att.entity_over(span)
    return _norm(e.canonical) if e is not None and e.label == "PERSON" else _norm(att.text[span.start : span.end])


def _covering(spans: list[Span], doc: Document) -> Span:
    """One span for several antecedent mentions: the first when they are far
    apart, else from the first to the last."""
    spans = sorted(spans)
    if spans[-1].start - spans[0].end <= 40 and "." not in doc.view.text[spans[0].end : spans[-1].start]:
        return Span(spans[0].start, spans[-1].end)
    return spans[0]
