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
from dataclasses import dataclass
from typing import Iterable, NamedTuple

from ..assets import Assets
from ..document import Document, Span
from ..extract.clauses import noun_phrase, span_of
from ..extract.cues import SpeakerPhrase
from ..extract.quotes import QuoteMention
from ..extract.recommendations import RecommendationMention
from .entities import Entity, entity_at

SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
AUTHOR = "author"
HOLDER_SEPARATOR = "; "
_WORD = re.compile(r"[\w\u2019'-]+|[^\w\s]")
_CONJUNCTION = re.compile(r"\s*,?\s+(?:and|or|as well as|&)\s+|\s*&\s*")
_LIST_COMMA = re.compile(r"\s*,\s*")
_COORDINATORS = frozenset({"and", "or", "nor", "&", "plus"})
_FUNCTION_WORDS = frozenset({"of", "the", "for", "de", "and", "to", "on", "in", "at"})
_JOINERS = frozenset({"and", "or", "nor", "both", "as", "well", "also", ",", "&", "'s", "\u2019s", "'", "\u2019", "-", "(", ")"})
_LEADING_DET = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_REUSE_MIN_WORDS = 3
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

    @classmethod
    def load(cls, assets: Assets) -> "AttributionLexicon":
        return assets.memo("attribution", lambda: cls._build(assets))

    @classmethod
    def _build(cls, assets: Assets) -> "AttributionLexicon":
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
        # canonical names of persons and their words, for names the recogniser missed
        persons = {_norm(e.canonical) for e in self.entities if e.label == "PERSON"}
        self.person_tokens = sorted((c, tuple(_words(c))) for c in persons)

    # -- entities ------------------------------------------------------
    def entities_in(self, span: Span) -> list[Entity]:
        lo = bisect_left(self._starts, span.start)
        hi = bisect_right(self._starts, span.end)
        return [e for e in self.entities[lo:hi] if e.end <= span.end]

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
    def is_author(self, span: Span) -> bool:
        return " ".join(_words(self.text[span.start : span.end])) in self.author_refs

    def names(self, phrase: SpeakerPhrase) -> list[Name]:
        """Names for a speaker phrase (rules 1-6 of the module doc)."""
        text = self.text[phrase.span.start : phrase.span.end]
        words = _words(text)
        if not words:
            return []
        if len(words) == 1 and words[0] in self.pronouns:
            kind = self.pronouns[words[0]]
            return [] if kind == "self" else self.antecedents(phrase.span, kind)
        if self.is_author(phrase.span):
            return []
        found = self._coordinated_names(phrase.span)
        if found:
            return found
        ents = self.entities_in(phrase.span)
        head_word = " ".join(_words(self.text[phrase.head.start : phrase.head.end]))
        if ents:
            rest = self._remainder(text, phrase.span, ents)
            if not rest:
                return _unique(self._name(e) for e in self._coordinated(ents))
            head = self.entity_over(phrase.head)
            if head is not None and head.start >= phrase.span.start:
                return [self._name(head)]
            persons = [e for e in ents if e.label == "PERSON"]
            if head_word in self.title_words and len(persons) == 1:
                return [self._name(persons[0])]  # 'the ambassador of X, Jane Doe'
            if head_word in self.source_nouns:
                # 'a [Org] opinion survey', 'an analysis by [Org]'
                before = [e for e in ents if e.end <= phrase.head.start and e.label in ("ORG", "PERSON", "GPE")]
                after = [e for e in ents if e.start >= phrase.head.end and e.label in ("ORG", "PERSON") and set(_words(self.text[phrase.head.end : e.start])) & {"by", "from", "of"}]
                if before or after:
                    return [self._name((before[-1:] or after)[0])]
        person = self.person_named(phrase.span)
        if person is not None:
            return [person]
        role = self.role_holder(phrase.span) or self.described_earlier(phrase)
        if role is not None:
            return [role]
        return [self.group(phrase.span)]

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
            pieces = _split(part, self.text, _LIST_COMMA)
            if len(pieces) > 1 and all(self.entities_in(p) and self._conjunct_name(p) for p in pieces):
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
        for e in reversed(self.entities_in(span)):
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
        for e in reversed(self.entities[:lo]):
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
        seg = self.doc.segment_at(offset)
        if seg is None or seg.doc is None:
            return None, None
        sp = seg.char_span(offset, offset + 1, alignment_mode="expand")
        return seg, (sp[0] if sp is not None and len(sp) else None)

    def _previous_sentences(self, seg, tok, n: int = 2):
        """The sentence of ``tok`` (up to it) and up to ``n`` earlier ones,
        nearest first, across the previous claim paragraph."""
        out = [(seg, list(tok.sent)[: tok.i - tok.sent.start])]
        sents = [s for s in seg.doc.sents if s.end <= tok.sent.start]
        for s in reversed(sents):
            out.append((seg, list(s)))
        if len(out) <= n:
            prev = [s for s in self.doc.segments if s.carries_claims and s.end <= seg.start and s.doc is not None]
            if prev and prev[-1].index >= seg.index - 1:
                for s in reversed(list(prev[-1].doc.sents)):
                    out.append((prev[-1], list(s)))
        return out[: n + 1]

    def _phrase_names(self, seg, head) -> list[Name]:
        toks = noun_phrase(head)
        span = span_of(seg, toks, strip_det=True)
        hspan = span_of(seg, [head])
        if span is None or hspan is None:
            return []
        return self.names(SpeakerPhrase(span, hspan))

    def antecedents(self, span: Span, kind: str) -> list[Name]:
        """Names a pronoun at ``span`` stands for (nearest compatible earlier mention)."""
        seg, tok = self._token_at(span.start)
        if tok is None:
            return []
        for k, (s, toks) in enumerate(self._previous_sentences(seg, tok)):
            found = self._antecedent_in(s, toks, kind, same_sentence=k == 0)
            if found:
                return found
        return []

    def _antecedent_in(self, seg, toks: list, kind: str, same_sentence: bool) -> list[Name]:
        if not toks:
            return []
        a, b = seg.start + toks[0].idx, seg.start + toks[-1].idx + len(toks[-1].text)
        ents = [e for e in self.entities_in(Span(a, b))]
        if kind == "person":
            # (offset, is a subject, names): named persons, and subjects headed by a role word
            cands = [(e.start, self._is_subject(seg, e), [self._name(e)]) for e in ents if e.label == "PERSON" or self.person_named(Span(e.start, e.end)) is not None]
            for t in toks:
                if t.dep_ in _SUBJECT_DEPS and t.tag_ == "NN" and t.lower_ in self.title_words and not t.ent_type_:
                    names = self._phrase_names(seg, t)
                    if names:
                        cands.append((seg.start + t.idx, True, names))
            subj = [c for c in cands if c[1]]
            pick = max(subj or cands, key=lambda c: c[0]) if cands else None
            return pick[2] if pick else []
        if kind == "plural":
            for t in reversed(toks):
                if t.dep_ in _SUBJECT_DEPS and t.pos_ != "PRON" and self._plural_agent(t):
                    names = self._phrase_names(seg, t)
                    if names:
                        return names
            # 'X met Y in Z, and they agreed': the persons, else the organisations and countries, not places
            persons = _unique(self._name(e) for e in ents if e.label == "PERSON")
            persons += [n for n in self._unrecognised_names(seg, toks, ents) if n.name.lower() not in {p.name.lower() for p in persons}]
            if len(persons) >= 2:
                return persons
            actors = _unique(self._name(e) for e in ents if e.label in ("PERSON", "ORG", "GPE") and not self._is_place(seg, e))
            return actors if len(actors) >= 2 else []
        if kind == "thing":
            for t in reversed(toks):
                if t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.dep_ == "mark":
                    return self._phrase_names(seg, t)  # "For X to ..., it must ..."
                if t.dep_ == "nsubj" and t.head.lower_ != "to" and any(c.dep_ == "mark" and c.lower_ == "for" for c in t.head.children):
                    return self._phrase_names(seg, t)
            for t in reversed(toks):
                if t.dep_ in _SUBJECT_DEPS and t.pos_ in ("NOUN", "PROPN") and t.tag_ not in ("NNS", "NNPS") and t.ent_type_ != "PERSON":
                    names = self._phrase_names(seg, t)
                    if names:
                        return names
            things = [e for e in ents if e.label in ("ORG", "GPE")]
            return [self._name(things[-1])] if things else []
        return []

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
    """Speakers for every quote; reported speech overlapping a marked quote dropped."""
    doc = att.doc
    marked = [q for q in quotes if q.marked]
    reported = []
    for q in sorted((q for q in quotes if not q.marked), key=lambda q: (q.start, -(q.end - q.start))):
        if any(_overlaps(q, m) for m in marked) or any(_overlaps(q, r) for r in reported):
            continue
        reported.append(q)
    out: list[QuoteMention] = []
    for q in sorted(marked + reported, key=lambda q: (q.start, q.end)):
        names = _unique(n for p in q.phrases for n in att.names(p))
        if q.marked and q.cue is None and q.kind == "scare":
            earlier = _reused_from(q, out, doc)
            if earlier:
                out.append(q._replace(kind="partial", speakers=tuple(n for n in earlier)))
                continue
        if q.standalone and not names:
            prev = _previous_speaker(q, out, doc)
            if prev is not None:
                out.append(q._replace(speakers=prev.speakers, speaker_spans=prev.speaker_spans, cue=q.cue or prev.cue))
                continue
        out.append(q._replace(speakers=tuple(n.name for n in names), speaker_spans=tuple(n.span for n in names if n.span is not None)))
    return out


def _reused_from(q: QuoteMention, earlier: list[QuoteMention], doc: Document) -> list[str]:
    """Speakers of earlier quotes that contain the words of ``q`` (text order)."""
    words = _content_words(doc.view.text[q.start : q.end])
    if len(words) < _REUSE_MIN_WORDS:
        return []
    out: list[str] = []
    for e in earlier:
        if e.speakers and _contains(_content_words(doc.view.text[e.start : e.end]), words):
            out.extend(s for s in e.speakers if s not in out)
    return out


def _previous_speaker(q: QuoteMention, earlier: list[QuoteMention], doc: Document) -> QuoteMention | None:
    seg = doc.segment_at(q.start)
    for e in reversed(earlier):
        if not e.marked or not e.speakers:
            continue
        eseg = doc.segment_at(e.start)
        if seg is not None and eseg is not None and seg.index - eseg.index <= _INHERIT_MAX_SEGMENTS:
            return e
        return None
    return None


def resolve_recommendations(att: Attributor, quotes: list[QuoteMention], recs: list[RecommendationMention]) -> list[RecommendationMention]:
    """Holders (the speakers of the quote or reported speech a recommendation
    sits in, or of its directive verb) and pronoun actors (their antecedent)."""
    doc = att.doc
    voice = _voice(att)
    out = []
    for r in recs:
        holder = AUTHOR
        inside = [q for q in quotes if q.start <= r.trigger.start and r.trigger.end <= q.end and q.speakers]
        if inside:
            q = min(inside, key=lambda q: q.end - q.start)
            holder = HOLDER_SEPARATOR.join(q.speakers)
        elif r.holder_phrases:
            names = _unique(n for p in r.holder_phrases for n in att.names(p))
            if names:
                holder = HOLDER_SEPARATOR.join(n.name for n in names)
        if holder == AUTHOR and voice and any(s.start <= r.trigger.start < s.end for s in doc.meta.voiced):
            holder = voice  # the speech or the interview answers are the speaker's words
        actor = r.actor
        if actor is not None:
            words = _words(doc.view.text[actor.start : actor.end])
            if len(words) == 1 and att.pronouns.get(words[0]) in ("person", "plural", "thing"):
                names = att.antecedents(actor, att.pronouns[words[0]])
                spans = [n.span for n in names if n.span is not None]
                if spans:
                    actor = spans[0] if len(spans) == 1 else _covering(spans, doc)
        out.append(r._replace(holder=holder, actor=actor))
    return out


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
