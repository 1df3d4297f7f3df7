"""Entity mentions: spaCy's NER, corrected and completed by general rules.

:func:`find_entities` is the pure find step: it yields :class:`EntityMention`
tuples (view offsets) and changes nothing. Candidates come from several
sources, then one flat, non-overlapping set of mentions is chosen:

* structure (trusted first): a title before a capitalised name ("President
  Ruiz", "foreign ministers Ruiz and Dahl") is a PERSON, the title kept as the
  ``title`` attribute; an acronym paired with its long form ("the Institute
  of World Affairs (IWA)", or a header acronym line over the long form);
* spaCy's NER and the gazetteers of ``models/lexicons`` (countries with
  aliases and demonyms, derived nationality nouns, capitals, places,
  regions, international organisations); the longest name wins, a gazetteer
  label beats the NER's on the same span;
* head nouns (``*_heads`` lexicons): a name's head decides its label ("Gulf
  of Tonkin" LOC, "Lake Chad Basin Commission" ORG, "Kyoto Protocol" LAW,
  "Kariba Dam" FAC), also over the NER's label; a name before a lower-case
  place noun ("the Simandou deposit") is a LOC; "known as X" gives X the
  label of the place before it. Titles take their portfolio ("Minister for
  Mineral Resources", "Water Resources Minister").

Then document-level completion: a hyphen compound partner of a person
("the Smith-Jones talks"), a nationality adjective before a capitalised
institution ("the Brazilian Senate": one ORG), "the X administration" (X a
PERSON), and every further occurrence of a name already found in the
document; a capitalised head noun ("the Gulf", "the Commission") names the
one earlier place or organisation with that head. Span conventions: no
leading determiner, no possessive, no title, no markdown marks (those never
reach the view). Labels are settled per
entity and canonical names set later, by ``resolve``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from ..assets import Assets
from ..document import Document, Segment, Span

ENTITY_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"})
# labels whose names are looked for again across the document
PROPAGATED_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "LAW"})
_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})

# rules (why a mention exists); resolve weighs their label votes
RULE_NER = "ner"
RULE_TITLE = "title"
RULE_GAZETTEER = "gazetteer"
RULE_ACRONYM = "acronym"
RULE_COMPOUND = "compound"
RULE_HEAD_NOUN = "head_noun"
RULE_KNOWN = "known_name"
RULE_BYLINE = "byline"
RULE_HEADER = "header_line"
RULE_NAME_HEAD = "name_head"  # the head noun of the name decides the label
RULE_HEAD_REF = "head_reference"  # "the Gulf" after "the Gulf of Tonkin"


class EntityMention(NamedTuple):
    start: int
    end: int
    label: str
    title: str | None = None
    title_span: Span | None = None
    rule: str = RULE_NER
    # identity shared by different names of one entity: a gazetteer entry
    # ("GPE:United States" for "US" and "the United States") or an acronym's
    # long form; None when the name itself is the identity
    group: str | None = None
    # a context word that makes the name a PERSON ("administration")
    cue: str | None = None
    # the name ends in an organisation or place head word ("Carter Institute",
    # "Jordan River"): it never names a person
    headed: bool = False


class GazEntry(NamedTuple):
    label: str
    group: str | None  # None: the name is its own identity (demonyms)
    kind: str  # country, demonym, capital, place, region, organisation


# -- the rules, built once per Assets object and model vocabulary ----------------


class EntityRules:
    """Matchers and word sets of the entity extractor.

    Built once per :class:`~claimex.assets.Assets` and spaCy vocabulary
    (:func:`entity_rules`); lexicon entries are tokenised with spaCy's English
    tokenizer so that they match the parsed segments token for token.
    """

    def __init__(self, assets: Assets, vocab):
        from spacy.lang.en import English

        tokenizer = English().tokenizer
        self._word_sets(assets)
        self._head_rules(assets, vocab, tokenizer)
        self._titles(assets, vocab, tokenizer)
        self._gazetteer(assets, vocab, tokenizer)

    def _word_sets(self, assets: Assets) -> None:
        self.determiners = assets.lexicon_set("determiners")
        self.sentence_adverbs = assets.lexicon_set("sentence_adverbs")
        self.name_heads = assets.lexicon_set("name_heads", lower=False)
        self.place_parts = assets.lexicon_set("place_name_parts", lower=False)
        self.person_heads = assets.lexicon_set("person_head_nouns")
        self.person_roles = assets.lexicon_set("person_role_nouns")
        self.particles = assets.lexicon_set("name_particles")
        self.title_suffixes = assets.lexicon_set("title_suffixes")
        self.not_entities = assets.lexicon_set("not_entities", lower=False)
        self.portfolio_heads = assets.lexicon_set("portfolio_title_heads")
        self.portfolio_words = assets.lexicon_set("portfolio_words")
        # "the port of X", "the province of X": X is a GPE
        self.settlement_nouns = assets.lexicon_set("settlement_nouns")
        # "the Adriatic" for "the Adriatic Sea"; "Union of Alpine Ports (UPA)"
        self.droppable_geo_heads = assets.lexicon_set("droppable_geographic_heads", lower=False)
        self.any_language_joiners = assets.lexicon_set("name_joiners_any_language")
        # "the energy company X", "the consultancy X": X is an ORG
        self.organisation_nouns = assets.lexicon_set("organisation_common_nouns")
        # the function words that build long names (name_structure_words.json)
        structure = assets.mapping("name_structure_words")
        self.complement_preps = frozenset(structure["complement_prepositions"])
        self.right_preps = {label: frozenset(ws) for label, ws in structure["right_prepositions"].items()}
        self.left_joiners = {label: frozenset(ws) for label, ws in structure["left_joiners"].items()}
        self.portfolio_minor = frozenset(structure["portfolio_minor_words"])
        self.weak_person_heads = frozenset(structure["weak_person_heads"])

    def _head_rules(self, assets: Assets, vocab, tokenizer) -> None:
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        # head nouns that decide the label of a name (models/lexicons/*_heads)
        self.head_labels: dict[str, str] = {}
        for lex, label in (("legal_heads", "LAW"), ("organisation_heads", "ORG"), ("facility_heads", "FAC"), ("geographic_heads", "LOC")):
            for head in assets.lexicon(lex):
                self.head_labels.setdefault(head, label)
        self.geo_prefixes = assets.lexicon_set("geographic_prefixes", lower=False)
        self.numbered_legal = assets.lexicon_set("numbered_legal_heads", lower=False)
        blockers = assets.mapping("head_blockers")
        self.surname_heads = frozenset(blockers.get("*PERSON*", ()))
        self.head_blockers = {h: frozenset(ws) for h, ws in blockers.items() if h != "*PERSON*"}
        self.name_head_matcher = PhraseMatcher(vocab)
        heads = set(self.head_labels) | self.geo_prefixes | self.numbered_legal
        self.name_head_matcher.add("HEAD", [Doc(vocab, words=[t.text for t in tokenizer(h)]) for h in sorted(heads)])
        # lower-case nouns after a place name ("the Turkana lake", "the X and Y sites")
        self.place_noun_matcher = PhraseMatcher(vocab, attr="LOWER")
        self.place_noun_matcher.add("PLACE_NOUN", [Doc(vocab, words=[t.text for t in tokenizer(w)]) for w in assets.lexicon("geographic_common_heads")])
        # leaders' head nouns that introduce a name nothing else found
        self.head_matcher = PhraseMatcher(vocab, attr="LOWER")
        strong = self.person_heads - self.weak_person_heads
        self.head_matcher.add("HEAD", [Doc(vocab, words=[w]) for w in sorted(strong)])

    def _titles(self, assets: Assets, vocab, tokenizer) -> None:
        """Titles: phrases on lower case; a plural last word is allowed
        ("foreign ministers Ruiz and Dahl"); the lexicon spelling is the title."""
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        self.titles: dict[tuple[str, ...], str] = {}
        self.title_matcher = PhraseMatcher(vocab, attr="LOWER")
        patterns = []
        for entry in assets.lexicon("person_titles"):
            toks = tuple(t.lower_ for t in tokenizer(entry))
            self.titles.setdefault(toks, entry)
            forms = [toks] + ([toks[:-1] + (toks[-1] + "s",)] if toks[-1].isalpha() else [])
            patterns += [Doc(vocab, words=list(f)) for f in forms]
        self.title_matcher.add("TITLE", patterns)

    def _gazetteer(self, assets: Assets, vocab, tokenizer) -> None:
        """Gazetteers: one phrase matcher, case-sensitive on token text."""
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        self.gazetteer = _gazetteer_entries(assets)
        self.gazetteer_matcher = PhraseMatcher(vocab)
        docs = []
        for name in self.gazetteer:
            toks = tokenizer(name)
            docs.append(Doc(vocab, words=[t.text for t in toks], spaces=[bool(t.whitespace_) for t in toks]))
        self.gazetteer_matcher.add("GAZ", docs)
        # the same names shouted ("BOGOTA, Sept 26 (AP) -"): matched on lower
        # case, kept only where the text is ALL CAPS and the name is not
        self.shouted_matcher = PhraseMatcher(vocab, attr="LOWER")
        self.shouted_matcher.add("GAZ", [d for d in docs if not d.text.isupper() and len(d.text) > 3])
        # the token form of each gazetteer name, for lookups of matched text
        self.gazetteer_tokens = {_squash(k): v for k, v in self.gazetteer.items()}
        self.gazetteer_lower = {_squash(k).lower(): v for k, v in self.gazetteer.items() if not k.isupper()}

    def gaz(self, text: str) -> GazEntry | None:
        return self.gazetteer_tokens.get(_squash(text))

    def gaz_shouted(self, text: str) -> GazEntry | None:
        """The entry of an ALL-CAPS writing of a name that is not an acronym."""
        return self.gazetteer_lower.get(_squash(text).lower())

    def title_of(self, tokens) -> tuple[str, bool]:
        """The lexicon spelling of a matched title (singular), and whether
        the text has it in the plural."""
        low = tuple(t.lower_ for t in tokens)
        if low in self.titles:
            return self.titles[low], False
        sing = low[:-1] + (low[-1][:-1],)
        return self.titles.get(sing, " ".join(t.text for t in tokens)), True


def _gazetteer_entries(assets: Assets) -> dict[str, GazEntry]:
    """Every gazetteer name and its entry; the first list that names it wins:
    countries (and aliases), demonyms, capitals, places, derived nationality
    nouns, regions, international organisations (and aliases)."""
    gazetteer: dict[str, GazEntry] = {}
    countries = assets.mapping("countries")
    for name, entry in countries.items():
        for alias in (name, *entry.get("aliases", ())):
            gazetteer.setdefault(alias, GazEntry("GPE", f"GPE:{name}", "country"))
    for entry in countries.values():
        for dem in entry.get("demonyms", ()):
            gazetteer.setdefault(dem, GazEntry("NORP", None, "demonym"))
    for kind, lex in (("capital", "capitals"), ("place", "places")):
        for name in assets.lexicon(lex):
            gazetteer.setdefault(name, GazEntry("GPE", f"GPE:{name}", kind))
    # nationality nouns the lists lack, formed by rule ("Chadians", "Malawians")
    places = list(countries) + list(assets.lexicon("places"))
    for form in _derived_demonyms(places, assets.mapping("demonym_suffixes")):
        gazetteer.setdefault(form, GazEntry("NORP", None, "demonym"))
    for name in assets.lexicon("regions"):
        gazetteer.setdefault(name, GazEntry("LOC", f"LOC:{name}", "region"))
    for name, entry in assets.mapping("international_organisations").items():
        for alias in (name, *entry.get("aliases", ())):
            gazetteer.setdefault(alias, GazEntry("ORG", f"ORG:{name}", "organisation"))
    return gazetteer


def _derived_demonyms(places, suffixes: dict) -> Iterator[str]:
    """Nationality words formed from place names by the suffix rules of
    ``demonym_suffixes`` ("Greenland" + "ers", "Mexico" - "o" + "ans")."""
    for name in places:
        if len(name.split()) > 3:
            continue
        for suffix, rule in suffixes.items():
            for drop in rule.get("drop", [""]):
                stem = name[: len(name) - len(drop)] if drop else name
                if not name.endswith(drop) or len(stem) < 3:
                    continue
                if rule.get("stem_ends") and not stem.lower().endswith(tuple(rule["stem_ends"])):
                    continue
                yield stem + suffix


def entity_rules(assets: Assets, vocab) -> EntityRules:
    return assets.memo(f"entity_rules:{id(vocab)}", lambda: EntityRules(assets, vocab))


def _squash(text: str) -> str:
    return "".join(text.split())


# -- tokens --------------------------------------------------------------------


def _cap(tok) -> bool:
    t = tok.text
    return bool(t) and (t[0].isupper() or t[0].isdigit())


def _is_name_token(tok, first: bool = False) -> bool:
    """A capitalised part of a personal name ("Ruiz", "O'Brien", "J.")."""
    t = tok.text
    if not t or not t[0].isupper() or tok.tag_ == "POS" or tok.ent_type_ in _NOT_NAMES:
        return False
    if not (tok.is_alpha or re.fullmatch(r"[A-Z]\.|[A-Z][\w'\u2019.]*\w", t)):
        return False
    return tok.pos_ == "PROPN" if first else tok.pos_ in ("PROPN", "NOUN", "X")


def _glued_hyphen(doc, j: int) -> bool:
    """Token j is a hyphen with no space on either side ("Min-ji")."""
    return doc[j].text in _HYPHENS and j > 0 and not doc[j - 1].whitespace_ and not doc[j].whitespace_ and j + 1 < len(doc)


def _name_run(doc, k: int, rules: EntityRules, limit: int = 5) -> int:
    """End (exclusive) of the personal name starting at token k, or k."""
    if k >= len(doc) or not _is_name_token(doc[k], first=True):
        return k
    j, n = k + 1, 1
    while j < len(doc) and n < limit:
        t = doc[j]
        if _is_name_token(t):
            j, n = j + 1, n + 1
        elif _glued_hyphen(doc, j) and doc[j + 1].is_alpha and doc[j + 1].ent_type_ not in _NOT_NAMES:
            j += 2  # hyphenated part of a given name: "Jae-in", "Min-ji"
        elif t.text.islower() and t.lower_ in rules.particles:
            # "von der Leyen", "bin Salman": particles before a name part
            p = j
            while p < len(doc) and doc[p].text.islower() and doc[p].lower_ in rules.particles:
                p += 1
            if p < len(doc) and _is_name_token(doc[p]):
                j = p
            elif p + 1 < len(doc) and _glued_hyphen(doc, p) and _is_name_token(doc[p + 1]):
                j, n = p + 2, n + 1  # "al-Assad", "el-Baradei"
            else:
                break
        else:
            break
    return j


def _caps(doc: Document, seg: Segment) -> bool:
    """The segment was an ALL-CAPS line: letter case tells nothing there."""
    return 0 <= seg.block < len(doc.blocks) and doc.blocks[seg.block].caps


def _headline_case(doc: Document, seg: Segment) -> bool:
    """An ALL-CAPS line, or a title or heading in Title Case ("Leaders Pledge
    New Fund at Summit"): capitals there do not mark names."""
    if _caps(doc, seg):
        return True
    heading_line = seg.kind == "header" and 0 <= seg.block < len(doc.blocks) and doc.blocks[seg.block].heading
    if seg.kind not in ("title", "heading") and not heading_line:
        return False
    words = [w for w in re.findall(r"[^\W\d_]{4,}", doc.view.text[seg.start : seg.end])]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


# -- candidates ----------------------------------------------------------------


class _Cand(NamedTuple):
    i: int  # token range in the segment's Doc
    j: int
    label: str
    rule: str
    tier: int  # 1: structure (titles, acronyms), 2: NER and gazetteers
    title: str | None = None
    title_span: tuple[int, int] | None = None  # token range
    group: str | None = None


def _title_chains(sdoc, rules: EntityRules) -> list[tuple[int, int, str, bool]]:
    """(start, end, title, plural) of runs of adjacent titles in a segment."""
    from spacy.util import filter_spans

    spans = filter_spans([sdoc[s:e] for _, s, e in rules.title_matcher(sdoc)])
    chains: list[list] = []
    for sp in sorted(spans, key=lambda s: s.start):
        if chains and chains[-1][1] == sp.start:
            chains[-1][1] = sp.end
            chains[-1][2].append(sp)
        else:
            chains.append([sp.start, sp.end, [sp]])
    out = []
    for s, e, parts in chains:
        named = [rules.title_of(p) for p in parts]
        title = " ".join(t for t, _ in named)
        if sdoc[e - 1].lower_ in rules.portfolio_heads:
            # "Water Resources Minister", "Minister for Mineral Resources"
            s, before = _portfolio_before(sdoc, s, rules)
            e, after = _portfolio_after(sdoc, e, rules)
            title = " ".join(x for x in (before, title, after) if x)
        # "President-elect", "Prime Minister-designate"
        if e + 1 < len(sdoc) and _glued_hyphen(sdoc, e) and sdoc[e + 1].lower_ in rules.title_suffixes:
            title += "-" + sdoc[e + 1].lower_
            e += 2
        out.append((s, e, title, named[-1][1]))
    return out


def _title_words(tokens, minor: frozenset[str]) -> str:
    """Title-case portfolio words ("mineral resources" -> "Mineral Resources")."""
    words = [t.lower_ if t.lower_ in minor else t.text[:1].upper() + t.text[1:] for t in tokens]
    return " ".join(words)


def _portfolio_before(sdoc, s: int, rules: EntityRules) -> tuple[int, str]:
    """Portfolio words before a title ("Water Resources Minister"): new start, words.
    A nationality or place ("Kenyan Energy Minister") is not part of it."""
    k = s
    while k > 0 and sdoc[k - 1].lower_ in rules.portfolio_words and rules.gaz(sdoc[k - 1].text) is None:
        k -= 1
    while k < s and sdoc[k].lower_ in rules.portfolio_minor:
        k += 1
    return k, _title_words(sdoc[k:s], rules.portfolio_minor)


def _portfolio_after(sdoc, e: int, rules: EntityRules) -> tuple[int, str]:
    """"for Mineral Resources", "of Foreign Affairs" after a title: new end, words."""
    if e >= len(sdoc) or sdoc[e].lower_ not in ("for", "of"):
        return e, ""
    k = e + 1 + (e + 1 < len(sdoc) and sdoc[e + 1].lower_ == "the")
    m = k
    while m < len(sdoc) and sdoc[m].lower_ in rules.portfolio_words:
        m += 1
    while m > k and sdoc[m - 1].lower_ in rules.portfolio_minor:
        m -= 1
    if m == k:
        return e, ""
    return m, _title_words(sdoc[e:m], rules.portfolio_minor)


def _title_candidates(doc: Document, seg: Segment, rules: EntityRules, chains, plain: _PlainText | None = None) -> Iterator[_Cand]:
    """PERSON names introduced by a title; several after a plural title. In a
    Title Case headline a name counts only as far as the running text writes
    it ("Lawmakers Rip Jane Roe": no "Rip Jane Roe" there, so no name)."""
    sdoc = seg.doc
    titled_headline = plain is not None and _headline_case(doc, seg) and not _caps(doc, seg)
    for s, e, title, plural in chains:
        lower_title = not any(_cap(t) for t in sdoc[s:e])
        if lower_title and sdoc[e - 1].pos_ == "ADJ":
            continue  # "major", "general" as adjectives
        k = e
        while True:
            j = _name_run(sdoc, k, rules)
            if titled_headline:
                j = _written_prefix(sdoc, k, j, plain)
            if j == k:
                break
            name = sdoc[k:j]
            if name[-1].text in rules.name_heads:
                break  # "Justice Department", "General Motors"
            hit = rules.gaz(name.text)
            if hit is not None and (lower_title or _caps(doc, seg)):
                break  # "a leader Japan": the place, not a person
            yield _Cand(k, j, "PERSON", RULE_TITLE, 1, title, (s, e))
            # "foreign ministers Ruiz and Dahl", "Presidents A, B and C"
            if plural and j + 1 < len(sdoc) and sdoc[j].lower_ in (",", "and", "&"):
                k = j + 1 + (sdoc[j + 1].lower_ == "and")
                continue
            break


def _written_prefix(sdoc, k: int, j: int, plain: _PlainText) -> int:
    """The end of the longest run ``sdoc[k:j']`` the running text also writes (``k``: none)."""
    while j > k and not plain.has(sdoc[k:j].text):
        j -= 1
    return j


def _strip_title(sdoc, i: int, j: int, chains) -> tuple[int, tuple | None]:
    """A title chain at the start of an NER span is cut off: new start, chain."""
    for s, e, title, _ in chains:
        if s == i and e < j:
            return e, (s, e, title)
    return i, None


def _clean(sdoc, i: int, j: int, rules: EntityRules) -> tuple[int, int]:
    """Trim determiners, punctuation, possessives, lower-case modifiers."""
    while i < j and _trimmed_before(sdoc[i], rules):
        i += 1
    # an opening bracket the name does not close: "Authority for Water (AWR" ends before it
    opened = next((k for k in range(i, j) if sdoc[k].text == "(" and not any(sdoc[x].text == ")" for x in range(k + 1, j))), None)
    if opened is not None and opened > i:
        j = opened
    while j > i and _trimmed_after(sdoc, i, j):
        j -= 1
    return i, j


def _trimmed_before(t, rules: EntityRules) -> bool:
    """A word that does not start a name: a determiner, punctuation, a lower-case word (not a particle),
    a sentence adverb that opens the sentence or a quote ('"Certainly Jane Roe has ...'": capitalised for the sentence)."""
    if t.lower_ in rules.determiners or t.is_punct or t.is_space or (t.text.islower() and t.is_alpha and t.lower_ not in rules.particles):
        return True
    return t.lower_ in rules.sentence_adverbs and (t.is_sent_start or t.i > 0 and t.nbor(-1).is_quote)



def _trimmed_after(sdoc, i: int, j: int) -> bool:
    """The last token of ``sdoc[i:j]`` does not end a name: punctuation, a possessive,
    a lower-case word (unless glued to the name by a hyphen: "Jae-in")."""
    t = sdoc[j - 1]
    glued = j - 2 >= i and _glued_hyphen(sdoc, j - 2)
    return t.is_punct or t.is_space or t.tag_ == "POS" or t.text in _POSSESSIVE or (t.text.islower() and t.is_alpha and not glued)


def _split_compound(sdoc, i: int, j: int, rules: EntityRules) -> list[tuple[int, int]]:
    """Split "Canada-Mexico", "A B-C D" at a hyphen between two names.

    A name that is one gazetteer entry ("Guinea-Bissau", "Indo-Pacific") or
    a hyphenated given name ("Jean-Pierre Raffarin") stays whole: the split
    needs a known place on one side, or two words on both.
    """
    if rules.gaz(sdoc[i:j].text) is not None:
        return [(i, j)]
    for h in range(i + 1, j - 1):
        if _glued_hyphen(sdoc, h) and _cap(sdoc[h - 1]) and _cap(sdoc[h + 1]):
            left, right = (i, h), (h + 1, j)
            lt, rt = sdoc[i:h].text, sdoc[h + 1 : j].text
            if rules.gaz(lt) or rules.gaz(rt) or (h - i >= 2 and j - h - 1 >= 2):
                return [left] + _split_compound(sdoc, right[0], right[1], rules)
    return [(i, j)]


def _split_possessive(sdoc, i: int, j: int, rules: EntityRules) -> list[tuple[int, int]]:
    """"Kenya's Prevention of Terrorism Act" -> "Kenya", "Prevention of
    Terrorism Act"; "Security Council Resolution 2039" -> the council and the
    resolution: a possessive after a gazetteer name, or a numbered instrument
    after a name, ends a name inside one NER span."""
    for k in range(i + 1, j - 1):
        if (sdoc[k].tag_ == "POS" or sdoc[k].text in _POSSESSIVE) and rules.gaz(sdoc[i:k].text) is not None:
            # a known place or body before it; "Fishermen's Federation" stays one name
            return [(i, k), *_split_possessive(sdoc, k + 1, j, rules)]
    for k in range(i + 1, j - 1):
        if sdoc[k].text in rules.numbered_legal and sdoc[k + 1].text[:1].isdigit():
            return [(i, k), (k, j)]
    return [(i, j)]


def _split_at(sdoc, i: int, j: int) -> list[tuple[int, int]]:
    """"School of Economics at Lagos University" -> two organisations."""
    for k in range(i + 1, j - 1):
        if sdoc[k].lower_ == "at" and _cap(sdoc[k - 1]) and _cap(sdoc[k + 1]):
            return [(i, k), *_split_at(sdoc, k + 1, j)]
    return [(i, j)]


def _org_not_place(sdoc, i: int, j: int, rules: EntityRules) -> bool:
    """A multi-word 'place' holding a country or capital and another name
    word is an organisation ("Ipsos Brazil", "the Lagos Times")."""
    if j - i < 2 or rules.gaz(sdoc[i:j].text) is not None:
        return False
    for a in range(i, j):
        for b in range(j, a, -1):
            hit = rules.gaz(sdoc[a:b].text)
            if hit is not None and hit.kind in ("country", "capital") and (a == i or b == j):
                rest = [t for t in list(sdoc[i:a]) + list(sdoc[b:j]) if not t.is_punct]
                return bool(rest) and any(_cap(t) and t.text not in rules.place_parts for t in rest)
    return False


def _modified_region(sdoc, i: int, j: int, rules: EntityRules) -> bool:
    """A region of the gazetteer with capitalised modifiers before it ("Blue
    Nile", "Francophone Sahel") that no name head word explains."""
    if j - i < 2 or rules.gaz(sdoc[i:j].text) is not None:
        return False
    hit = rules.gaz(sdoc[j - 1].text)
    return hit is not None and hit.kind == "region" and not any(t.text in rules.name_heads for t in sdoc[i:j])


def _ner_candidates(doc: Document, seg: Segment, rules: EntityRules, chains, plain: _PlainText) -> Iterator[_Cand]:
    sdoc = seg.doc
    caps = _headline_case(doc, seg) and seg.kind != "byline"
    for ent in sdoc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        if caps and not plain.has(ent.text):
            # a title-cased headline: every word is capitalised and the NER
            # runs names into verbs ("Senate Panel Presses Washington"); only
            # names the document also writes in running text are trusted
            # (gazetteer entries and known names are found by other rules)
            continue
        yield from _ner_span_candidates(sdoc, ent.start, ent.end, ent.label_, rules, chains)


def _ner_span_candidates(sdoc, start: int, end: int, label: str, rules: EntityRules, chains) -> Iterator[_Cand]:
    """The names one NER span holds: cleaned, a title cut off, split at possessives and compounds."""
    i, j = _clean(sdoc, start, end, rules)
    if j - i == 1 and sdoc[i].is_upper and len(sdoc[i]) > 3 and rules.gaz(sdoc[i].text) is None:
        hit = rules.gaz_shouted(sdoc[i].text)  # "NAIROBI -" in a dateline
        if hit is not None:
            yield _Cand(i, j, hit.label, RULE_GAZETTEER, 2, group=hit.group)
            return
    title = None
    if i < j:
        i2, chain = _strip_title(sdoc, i, j, chains)
        if chain is not None and _name_run(sdoc, i2, rules) >= j:
            i, title = i2, chain
    if j - i == 1 and label not in ("NORP", "LANGUAGE") and sdoc[i].pos_ == "ADJ" and sdoc[i].is_sent_start and rules.gaz(sdoc[i].text) is None:
        return  # "Coastal states ...", "Regional leaders ...": an adjective, not a name
    for a, b in _ner_pieces(sdoc, i, j, label, rules):
        if title is not None and a == i:
            yield _Cand(a, b, "PERSON", RULE_TITLE, 1, title[2], (title[0], title[1]))
        else:
            yield _ner_piece(sdoc, a, b, label, rules)


def _ner_pieces(sdoc, i: int, j: int, label: str, rules: EntityRules) -> Iterator[tuple[int, int]]:
    """The NER span split at possessives, hyphen compounds and (organisations) 'at', each cleaned."""
    pieces = [p for a, b in _split_possessive(sdoc, i, j, rules) for p in _split_compound(sdoc, a, b, rules)]
    for a, b in pieces:
        for a2, b2 in _split_at(sdoc, a, b) if label == "ORG" else [(a, b)]:
            a2, b2 = _clean(sdoc, a2, b2, rules)
            if b2 > a2 and _worth(sdoc[a2:b2], rules):
                yield a2, b2


def _ner_piece(sdoc, a: int, b: int, label: str, rules: EntityRules) -> _Cand:
    """One name of an NER span, labelled by its head word where it has one."""
    head = _head_label([t.text for t in sdoc[a:b]], rules)
    if label == "PERSON" and b - a == 2 and sdoc[b - 1].text in rules.surname_heads:
        head = None  # "Anthony Lake", "Michael Bay"
    if head is not None and rules.gaz(sdoc[a:b].text) is None:
        return _Cand(a, b, head, RULE_NAME_HEAD, 2)  # "Natuna Sea" is no GPE
    lab = "ORG" if label in ("GPE", "LOC", "PERSON") and _org_not_place(sdoc, a, b, rules) else label
    if lab in ("PERSON", "ORG", "FAC", "GPE") and _modified_region(sdoc, a, b, rules):
        lab = "LOC"  # "the Blue Nile", "the Francophone Sahel"
    return _Cand(a, b, lab, RULE_NER, 2)


class _PlainText:
    """The running text of a document (not ALL-CAPS lines), for checking that
    a name seen in a headline is also written normally somewhere."""

    def __init__(self, doc: Document):
        self.text = "\n".join(doc.view.text[s.start : s.end] for s in doc.segments if not _headline_case(doc, s))
        self._seen: dict[str, bool] = {}

    def has(self, name: str) -> bool:
        name = _norm_text(name)
        if name not in self._seen:
            rx = r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + r"(?!\w)"
            self._seen[name] = re.search(rx, self.text) is not None
        return self._seen[name]


def _worth(span, rules: EntityRules) -> bool:
    """Not junk: some capitalised word, not only numbers, not a bare title."""
    if not any(_cap(t) and not t.is_digit and not t.like_num for t in span):
        return False
    if len(span) == 1 and (span[0].is_stop or span[0].pos_ in ("PRON", "DET", "AUX", "ADP", "CCONJ", "SCONJ")):
        return False
    return tuple(t.lower_ for t in span) not in rules.titles and span.text not in rules.not_entities


def _series_line(doc: Document, seg: Segment) -> bool:
    series = doc.meta.series
    return bool(series) and seg.kind == "header" and _norm_text(doc.view.text[seg.start : seg.end]).startswith(series)


def _header_name_line(seg: Segment, rules: EntityRules) -> Iterator[_Cand]:
    """A header line that is one organisation's name ("The Baltic and Nordic
    Research Council", "Institute for Regional Studies (Secretariat)"): one
    ORG over the line, without its determiner and a trailing parenthesis.
    """
    if seg.kind != "header":
        return
    sdoc = seg.doc
    k = next((t.i for t in sdoc if t.text == "("), len(sdoc))
    i, j = _clean(sdoc, 0, k, rules)
    name = sdoc[i:j]
    if _name_shaped(name) and _organisation_headed([t.text for t in name], rules) and rules.gaz(name.text) is None:
        yield _Cand(i, j, "ORG", RULE_HEADER, 1)


def _name_shaped(name) -> bool:
    """Two to twelve words, no number, every word capitalised (stop words and punctuation aside), the last too."""
    if not 2 <= len(name) <= 12 or any(t.like_num for t in name):
        return False
    return all(_cap(t) or t.is_stop or t.is_punct for t in name) and _cap(name[-1])


def _organisation_headed(words: list[str], rules: EntityRules) -> bool:
    """The head word ends the name or precedes its complement ("Institute for
    Regional Studies"); "Why the Green Fund Needs Reform" is a heading."""
    prep = next((n for n, w in enumerate(words) if n and w in rules.complement_preps), None)
    heads = {words[-1]} | ({words[prep - 1]} if prep else set())
    return any(h in rules.name_heads or rules.head_labels.get(h) == "ORG" for h in heads)


def _byline_candidates(doc: Document, seg: Segment, rules: EntityRules) -> Iterator[_Cand]:
    """The authors the header names are persons; an organisation after a
    comma ("Author: Ana Ruiz, Hudson Institute") is the ORG its head says."""
    if seg.kind != "byline":
        return
    for sp in doc.meta.author_spans:
        if seg.start <= sp.start and sp.end <= seg.end:
            span = seg.char_span(sp.start, sp.end, alignment_mode="contract")
            if span is not None and len(span):
                label = _head_label([t.text for t in span], rules) or "PERSON"
                yield _Cand(span.start, span.end, label, RULE_BYLINE if label == "PERSON" else RULE_NAME_HEAD, 1)


def _gazetteer_candidates(doc: Document, seg: Segment, rules: EntityRules) -> Iterator[_Cand]:
    sdoc = seg.doc
    caps = _caps(doc, seg)
    if not caps:
        yield from _shouted_candidates(sdoc, rules)
    for _, s, e in rules.gazetteer_matcher(sdoc):
        hit = rules.gaz(sdoc[s:e].text)
        if hit is None or caps and _shouted_stop_word(sdoc, s, e):
            continue
        yield _Cand(s, e, hit.label, RULE_GAZETTEER, 2, group=hit.group)
        if hit.kind == "region" and s >= 2 and sdoc[s - 2].lower_ == "the" and not caps:
            m = sdoc[s - 1]  # "the Blue Nile", "the Western Sahel": a part of the region
            if _name_word(m, False) and m.ent_type_ != "PERSON" and rules.gaz(m.text) is None and m.text not in rules.name_heads:
                yield _Cand(s - 1, e, "LOC", RULE_NAME_HEAD, 2)


def _shouted_candidates(sdoc, rules: EntityRules) -> Iterator[_Cand]:
    """Gazetteer names written in capitals in running text ("BOGOTA, Sept 26 -")."""
    for _, s, e in rules.shouted_matcher(sdoc):
        span = sdoc[s:e]
        if span.text.isupper():
            hit = rules.gaz_shouted(span.text)
            if hit is not None:
                yield _Cand(s, e, hit.label, RULE_GAZETTEER, 2, group=hit.group)


def _shouted_stop_word(sdoc, s: int, e: int) -> bool:
    """In an ALL-CAPS line, a one-word name that is a stop word ("LET US ...")
    is the word, unless "the" precedes it (listed acronyms aside)."""
    span = sdoc[s:e]
    if not (len(span) == 1 and span[0].is_upper and span[0].lower_ in sdoc.vocab and sdoc.vocab[span[0].lower_].is_stop):
        return False
    return not (s > 0 and sdoc[s - 1].lower_ == "the")


_PAREN_ACRONYM = re.compile(r"\([A-Z][A-Za-z0-9&]*[A-Z0-9]s?\)")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&]*[A-Z0-9]s?$")


def _is_acronym(text: str) -> bool:
    return bool(_ACRONYM.match(text)) and sum(c.isupper() for c in text) >= 2 and len(text) <= 10


def _acronym_letters(text: str) -> str:
    return "".join(c for c in text if c.isupper() or c.isdigit()).lower()


def _long_form_start(words: list[str], acronym: str) -> int | None:
    """Index of the first word of the shortest long form ending the word list
    whose initials spell the acronym (Schwartz-Hearst style: the acronym's
    letters in order, the first one starting the first word)."""
    letters = _acronym_letters(acronym)
    if not letters:
        return None
    for start in range(len(words) - 1, max(-1, len(words) - 2 * len(letters) - 4), -1):
        w = words[start]
        if not w[:1].isupper() or w[0].lower() != letters[0]:
            continue
        k = 0
        for word in words[start:]:
            if k < len(letters) and word[:1].lower() == letters[k]:
                k += 1
            # a letter may come from inside a hyphenated word ("Co-operation")
            for part in word.split("-")[1:]:
                if k < len(letters) and part[:1].lower() == letters[k]:
                    k += 1
        if k == len(letters):
            return start
    return None


def _translated_long_form_start(words: list[str], acronym: str, joiners: frozenset[str]) -> int | None:
    """An acronym from another language ("Union of Alpine Ports (UPA)"):
    the capitalised name right before the parenthesis (small joining words
    allowed inside) whose first and last words start with the acronym's first
    and last letters."""
    letters = _acronym_letters(acronym)
    if len(letters) < 2 or not words or not words[-1][:1].isupper() or words[-1][0].lower() != letters[-1]:
        return None
    found = None
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        if w[:1].isupper():
            if w[0].lower() == letters[0] and len(words) - k >= 2:
                found = k  # the longest such name, within one name
        elif w.lower() not in joiners:
            break  # 'and', 'the' and other words end the name
    return found


def _acronym_pairs(doc: Document, rules: EntityRules) -> dict[int, list[_Cand]]:
    """Acronyms paired with their long forms, as candidates per segment index.

    "the Institute of World Affairs (IWA)" in any segment; a header line that
    is a lone acronym directly above the line holding its long form.
    """
    out: dict[int, list[_Cand]] = {}
    segs = doc.segments
    for n, seg in enumerate(segs):
        sdoc = seg.doc
        if sdoc is None:
            continue
        found = _paren_acronyms(sdoc, rules, doc.view.text[seg.start : seg.end])
        if found:
            out.setdefault(n, []).extend(found)
        nxt = segs[n + 1] if n + 1 < len(segs) else None
        if seg.kind == "header" and nxt is not None and nxt.doc is not None and nxt.kind == "header":
            pair = _header_acronym(sdoc, nxt.doc, rules)
            if pair is not None:
                out.setdefault(n, []).append(pair[0])
                out.setdefault(n + 1, []).append(pair[1])
    return out


def _paren_acronyms(sdoc, rules: EntityRules, text: str | None = None) -> list[_Cand]:
    """"Long Form (ACR)": the long form and the acronym, one identity. ``text`` is
    the segment's text as parsed (``sdoc.text`` rebuilds it from every token)."""
    out: list[_Cand] = []
    for hit in _PAREN_ACRONYM.finditer(sdoc.text if text is None else text):
        span = sdoc.char_span(hit.start(), hit.end())
        if span is None or len(span) != 3 or span.start == 0 or not _is_acronym(sdoc[span.start + 1].text):
            continue
        k = span.start
        long_form = _long_form_before(sdoc, k, rules)
        if long_form is None:
            continue
        i, j = long_form
        # the long form's head noun decides ("United Nations Convention on ... (UNCLOS)" is a LAW)
        head_label = _head_label([x.text for x in sdoc[i:j] if not x.is_punct], rules) if rules.gaz(sdoc[i:j].text) is None else None
        group, label = _acronym_group(sdoc[i:j].text, rules), head_label or _label_over(sdoc, i, j)
        out.append(_Cand(i, j, label, RULE_ACRONYM, 1, group=group))
        out.append(_Cand(k + 1, k + 2, label, RULE_ACRONYM, 1, group=group))
    return out


def _long_form_before(sdoc, k: int, rules: EntityRules) -> tuple[int, int] | None:
    """The token range of the long form before the bracket at ``k`` (two words at least), or None."""
    toks = [t for t in sdoc[max(0, k - 14) : k] if not t.is_punct or t.text in _HYPHENS]
    words = [t.text for t in toks]
    acronym = sdoc[k + 1].text
    st = _long_form_start(words, acronym)
    if st is None:
        st = _translated_long_form_start(words, acronym, rules.any_language_joiners)
    if st is None:
        return None
    i, j = _clean(sdoc, toks[st].i, k, rules)
    return (i, j) if j - i >= 2 else None


def _header_acronym(sdoc, nxt, rules: EntityRules) -> tuple[_Cand, _Cand] | None:
    """A header line that is a lone acronym over the line with its long form:
    (the acronym, the long form), both ORG."""
    toks = [t for t in sdoc if not t.is_space]
    if len(toks) != 1 or not _is_acronym(toks[0].text):
        return None
    k = next((t.i for t in nxt if t.text == "("), len(nxt))  # "(Secretariat)" is not part of it
    i, j = _clean(nxt, 0, k, rules)
    words = [t.text for t in nxt[i:j] if not t.is_punct or t.text in _HYPHENS]
    if j - i < 2 or _long_form_start(words, toks[0].text) != 0 or not all(_cap(t) or t.is_stop or t.is_punct for t in nxt[i:j]):
        return None
    group = _acronym_group(nxt[i:j].text, rules)
    return _Cand(toks[0].i, toks[0].i + 1, "ORG", RULE_ACRONYM, 1, group=group), _Cand(i, j, "ORG", RULE_ACRONYM, 1, group=group)


def _acronym_group(long_form: str, rules: EntityRules) -> str:
    """The identity of an acronym pair: the gazetteer entry of the long form
    ("European Union (EU)"), else the long form itself."""
    hit = rules.gaz(long_form)
    return hit.group if hit is not None and hit.group else "ACR:" + _norm_text(long_form)


def _label_over(sdoc, i: int, j: int) -> str:
    """The NER label of the span, if the NER found (most of) it; else ORG."""
    for ent in sdoc.ents:
        if ent.start <= i + 1 and ent.end >= j - 1 and ent.label_ in ENTITY_LABELS:
            return ent.label_
    return "ORG"


def _norm_text(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# -- names decided by their head noun ---------------------------------------------


def _head_word(words: list[str], rules: EntityRules) -> str | None:
    """The head noun that decides what a name names, or None.

    The word before the complement ("Gulf of Tonkin", "Institute for Gulf
    Studies", "Convention on the Law of the Sea") or the last word
    ("Lake Chad Basin Commission", "Port State Measures Agreement"); an
    organisation or legal head outranks a geographic one wherever it stands
    ("Gulf of Aden Commission" is an ORG, "Convention on the Law of the Sea"
    a LAW, "Blue Nile Dam" a FAC); else a geographic prefix ("Lake Tanganyika").
    """
    if len(words) < 2:
        return None
    prep = next((n for n, w in enumerate(words) if n and w in rules.complement_preps), None)
    pre = words[prep - 1] if prep else None
    last = words[-1]
    labels = rules.head_labels
    for w in (pre, last):
        if w is not None and labels.get(w) in ("ORG", "LAW", "FAC"):
            return w
    for w in (pre, last):
        if w is not None and w in labels:
            return w
    if words[0] in rules.geo_prefixes and not any(w in rules.name_heads for w in words[1:]):
        return words[0]  # "Lake Tanganyika"; not "Mount Sinai Hospital"
    return None


def _head_label(words: list[str], rules: EntityRules) -> str | None:
    """The label the head noun of a name gives it (LAW, ORG, FAC, LOC), or None."""
    head = _head_word(words, rules)
    if head is None or rules.head_blockers.get(head, frozenset()).intersection(words):
        return None  # "Democratic National Convention" is no treaty
    return rules.head_labels.get(head, "LOC")


def _name_word(tok, headline: bool) -> bool:
    """A capitalised word that can be part of a multi-word proper name."""
    t = tok.text
    if not t[:1].isupper() or tok.tag_ == "POS" or tok.pos_ in _CLOSED_POS or tok.ent_type_ in _NOT_NAMES:
        return False  # "the Institute on Monday"
    if headline and (tok.is_stop or tok.pos_ in ("VERB", "ADV")):
        return False  # "The Gulf of Thailand After the Ban"
    if tok.is_sent_start and tok.pos_ not in ("PROPN", "ADJ"):
        return False  # "Yesterday Monash University ..."
    return tok.is_alpha or re.fullmatch(r"[^\W\d_][\w'\u2019.&]*", t) is not None


# joining words a name may hold before its head, by the head's label
def _extend_left(sdoc, h: int, rules: EntityRules, label: str | None, headline: bool, blocked: set[int]) -> int:
    """First token of the name that ends at head token h: capitalised words,
    a glued hyphen ("Self-Government Act") and, in the name of a legal
    instrument or an organisation, joining words between capitalised ones
    ("Protection of Coastal Waters and Fisheries Act", "Nordic Council
    Fisheries and Ports Committee"), never across another head or a gazetteer
    name ("Ghana and Security Council members")."""
    joiners = rules.left_joiners.get(label or "", frozenset())
    i = h
    while i > 0:
        t = sdoc[i - 1]
        if (i - 1) not in blocked and _name_word(t, headline):
            i -= 1
        elif i >= 2 and _glued_hyphen(sdoc, i - 1) and _name_word(sdoc[i - 2], headline) and (i - 2) not in blocked:
            i -= 2
        elif (
            t.lower_ in joiners
            and i >= 2
            and (i - 2) not in blocked
            and _name_word(sdoc[i - 2], headline)
            and sdoc[i - 2].text not in rules.head_labels
            and rules.gaz(sdoc[i - 2].text) is None
        ):
            i -= 1
        else:
            break
    return i


def _name_end(sdoc, k: int, headline: bool, blocked: set[int], limit: int = 6) -> int:
    """End of the run of capitalised name words starting at k."""
    e = k
    while e < len(sdoc) and e - k < limit and e not in blocked:
        if _name_word(sdoc[e], headline):
            e += 1
        elif e > k and _glued_hyphen(sdoc, e) and _name_word(sdoc[e + 1], headline):
            e += 2
        else:
            break
    return e


def _extend_right(sdoc, k: int, rules: EntityRules, label: str, headline: bool, blocked: set[int]) -> int:
    """End of the complement after a head ("of Thailand", "on the Law of the
    Sea", "of Agriculture and Cooperatives"); k is the token after the head.
    A part joined by "and" must hold no head and no gazetteer name of its own
    ("the Bank of Thailand and Malaysia" stops at "Thailand")."""
    j = k
    n = len(sdoc)
    # a place or a facility takes "of" only ("Gulf of Tonkin", not "the Dam on the Nile")
    preps = rules.right_preps.get(label, frozenset())
    while j < n and sdoc[j].lower_ in preps:
        m = j + 1
        while m < n and sdoc[m].lower_ == "the":
            m += 1
        e = _name_end(sdoc, m, headline, blocked)
        if e == m:
            break
        if sdoc[j].lower_ in ("on", "against") and m == j + 1 and rules.gaz(sdoc[m:e].text) is not None:
            break  # "talks with the Council on Ukraine": a topic, not a name
        j = e
        if j + 1 < n and sdoc[j].lower_ == "and":
            e2 = _name_end(sdoc, j + 1, headline, blocked)
            part = sdoc[j + 1 : e2]
            if e2 > j + 1 and not any(t.text in rules.head_labels for t in part) and rules.gaz(part.text) is None:
                j = e2
    return j


def _head_name_candidates(doc: Document, seg: Segment, rules: EntityRules, plain: _PlainText, blocked: set[int]) -> list[_Cand]:
    """Names whose head noun says what they name: "Gulf of Tonkin", "Natuna
    Sea", "Lake Chad Basin Commission", "Kyoto Protocol", "Resolution 1325".

    The name runs from capitalised words before the head to its complement
    after it; its label is its head's (``_head_label``), so a gulf, a bay or a
    delta is a LOC, a commission an ORG, a treaty a LAW, whatever the NER
    said. In a headline (all words capitalised) a name counts only if the
    running text writes it too, or if it is a head and a known place.
    """
    sdoc = seg.doc
    headline = _headline_case(doc, seg)
    out = []
    for _, h, e in rules.name_head_matcher(sdoc):
        if h in blocked or e - h != 1:
            continue
        word = sdoc[h].text
        if word in rules.numbered_legal and e < len(sdoc) and sdoc[e].text[:1].isdigit() and sdoc[e].like_num:
            out.append(_Cand(h, e + 1, "LAW", RULE_NAME_HEAD, 2))  # "Resolution 1325"
            continue
        i, j = _around_head(sdoc, h, e, rules, headline, blocked)
        if j - i < 2:
            continue
        span = sdoc[i:j]
        lab = _head_label([t.text for t in span], rules)
        if lab is None or (j - i == 2 and word in rules.surname_heads and sdoc[i].ent_type_ == "PERSON"):
            continue  # "Anthony Lake" of the NER stays a person
        if headline and not (plain.has(span.text) or rules.gaz(sdoc[h + 1 : j].text) or rules.gaz(sdoc[i:h].text)):
            continue
        out.append(_Cand(i, j, lab, RULE_NAME_HEAD, 2))
    return out


def _around_head(sdoc, h: int, e: int, rules: EntityRules, headline: bool, blocked: set[int]) -> tuple[int, int]:
    """The token range of the name around the head word ``sdoc[h:e]``."""
    word = sdoc[h].text
    label = rules.head_labels.get(word)
    i = _extend_left(sdoc, h, rules, label, headline, blocked)
    j = _extend_right(sdoc, e, rules, label, headline, blocked) if label is not None else e
    if word in rules.geo_prefixes and i == h and j == e:
        j = _name_end(sdoc, e, headline, blocked, limit=3)  # "Lake Tanganyika"
    return i, j


def _place_noun_candidates(seg: Segment, rules: EntityRules, blocked: set[int]) -> list[_Cand]:
    """Names before a lower-case place noun: "the Turkana lake", "the Simandou
    deposit", each name of "the Jwaneng and Orapa mines". A gazetteer name
    keeps its own label; a name ending in a head noun is left to the head
    rule; a coordination the NER reads as one name ("Belt and Road") is not
    split."""
    sdoc = seg.doc
    out = []
    for _, s, e in rules.place_noun_matcher(sdoc):
        if not all(t.text.islower() for t in sdoc[s:e]):
            continue
        runs = _name_runs_before(sdoc, s, blocked)
        pairs = list(zip(runs[1:], runs, strict=False))  # (left run, right run)
        if any(ent.start < left[1] and ent.end > right[0] for ent in sdoc.ents for left, right in pairs):
            continue
        names = [sdoc[r:k] for r, k in runs]
        ok = [rules.gaz(nm.text) is None and not any(rules.gaz(t.text) for t in nm) and nm[-1].text not in rules.name_heads for nm in names]
        if len(names) > 1 and not all(ok):
            continue  # "the Belt and Road project": one name, not two places
        out += [_Cand(nm.start, nm.end, "LOC", RULE_NAME_HEAD, 2) for nm, good in zip(names, ok, strict=False) if good]
    return out


def _name_runs_before(sdoc, s: int, blocked: set[int]) -> list[tuple[int, int]]:
    """The runs of capitalised name words (three at most) before token ``s``,
    right to left, and before each 'and', 'or' or comma that joins them (four at most)."""
    runs, k = [], s
    while True:
        r = k
        while r > 0 and k - r < 3 and (r - 1) not in blocked and _name_word(sdoc[r - 1], False):
            r -= 1
        if r == k:
            break
        runs.append((r, k))
        if not (r >= 2 and sdoc[r - 1].lower_ in ("and", ",", "or") and len(runs) < 4):
            break
        k = r - 1
    return runs


def _settlement_candidates(seg: Segment, rules: EntityRules, blocked: set[int]) -> list[_Cand]:
    """"the Black Sea port of Tarvask", "the province of Orluna": the
    capitalised name after a settlement noun and "of" is a GPE (a gazetteer
    name keeps its own label; a name with a head noun of its own is left to
    the head rule: "the city of London Corporation")."""
    sdoc = seg.doc
    out = []
    for t in sdoc:
        if t.lower_ != "of" or t.i == 0 or sdoc[t.i - 1].lower_ not in rules.settlement_nouns or not sdoc[t.i - 1].text.islower():
            continue
        k = t.i + 1
        e = _name_end(sdoc, k, False, blocked, limit=4)
        if e == k or not sdoc[k].text[:1].isupper():
            continue
        name = sdoc[k:e]
        if rules.gaz(name.text) is not None or name[-1].text in rules.name_heads:
            continue
        out.append(_Cand(k, e, "GPE", RULE_NAME_HEAD, 2))
    return out


def _apposed_organisation_candidates(seg: Segment, rules: EntityRules, blocked: set[int]) -> list[_Cand]:
    """"the state energy company KAVOR", "Lima-based consultancy Ridgeline
    Analytics": a capitalised name right after a lower-case organisation noun
    is an ORG (a gazetteer name keeps its label; dates and titles are not names)."""
    sdoc = seg.doc
    out = []
    for t in sdoc[:-1]:
        if t.lower_ not in rules.organisation_nouns or not t.text.islower() or t.dep_ == "ROOT":
            continue
        k = t.i + 1
        e = _name_end(sdoc, k, False, blocked, limit=4)
        if e == k or not sdoc[k].text[:1].isupper() or any(x.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY") for x in sdoc[k:e]):
            continue
        name = sdoc[k:e]
        if rules.gaz(name.text) is not None or any(rules.gaz(x.text) for x in name):
            continue
        out.append(_Cand(k, e, "ORG", RULE_NAME_HEAD, 2))
    return out


def _alias_candidates(doc: Document, seg: Segment, chosen: list[_Cand]) -> list[_Cand]:
    """"the Amur, known in China as the Heilong": another name of the place
    before it, with that place's label."""
    text = doc.view.text
    hits = [m.start() for m in re.finditer(r"\bknown\b", text[seg.start : seg.end])] if chosen else []
    if not hits:
        return []
    sdoc = seg.doc
    by_end = {c.j: c for c in chosen}
    out = []
    for off in hits:
        t = seg.char_span(seg.start + off, seg.start + off + 5)
        if t is None or len(t) != 1:
            continue
        t = t[0]
        k = t.i - (t.i > 0 and sdoc[t.i - 1].lower_ == "also")
        k -= k > 0 and sdoc[k - 1].text == ","
        ante = by_end.get(k)
        if ante is None or ante.label not in ("LOC", "GPE", "FAC", "ORG"):
            continue
        a = next((x.i for x in sdoc[t.i + 1 : t.i + 6] if x.lower_ == "as"), None)
        if a is None:
            continue
        m = a + 1 + (a + 1 < len(sdoc) and sdoc[a + 1].lower_ == "the")
        e = _name_end(sdoc, m, False, set(), limit=4)
        if e > m:
            out.append(_Cand(m, e, ante.label, RULE_NAME_HEAD, 1))
    return out


def _head_references(doc: Document, mentions: list[EntityMention], rules: EntityRules) -> list[EntityMention]:
    """"the Gulf", "the Commission" after "the Gulf of Tonkin", "the European
    Commission": a mention of the one earlier place or organisation whose name
    has that head noun (its identity, so its label and canonical name). With
    several such names before it ("the Council" after two councils) it is a
    mention of its own, left as written. Only a capitalised head after "the"
    that no capitalised word or complement follows."""
    text = doc.view.text
    full = []  # (start, head, identity, label, name)
    for m in mentions:
        if m.label not in ("LOC", "ORG", "FAC", "GPE"):
            continue
        form = _norm_text(text[m.start : m.end])
        head = _head_word(form.split(), rules)
        if head is None or head in rules.geo_prefixes and head not in rules.head_labels:
            continue
        full.append((m.start, head, m.group or "name:" + form.lower(), m.label, form.lower()))
    if not full:
        return mentions
    heads = sorted({f[1] for f in full}, key=len, reverse=True)
    rx = re.compile(r"(?<!\w)[Tt]he\s+(" + "|".join(map(re.escape, heads)) + r")(?![\w\-\u2010\u2011])(?!\s+(?:[A-Z]|(?:of|for|on)\s+(?:the\s+)?[A-Z]))")
    placed = _Placed(mentions, len(text))
    for hit in rx.finditer(text):
        a, b = hit.span(1)
        if placed.inside_another(a, b):
            continue  # inside a longer name
        earlier = [f for f in full if f[1] == hit.group(1) and f[0] < a]
        names = {f[4] for f in earlier}
        if not names:
            continue
        latest = max(earlier)
        group = latest[2] if len(names) == 1 else "ref:" + hit.group(1).lower()
        placed.put(EntityMention(a, b, latest[3], rule=RULE_HEAD_REF, group=group))
    return _modifier_references(doc, placed.out, rules)


class _Placed:
    """Mentions by span, for the rules that add references: whether a span
    lies inside another mention, and a reference put in place of a mention on
    the same span (or added)."""

    def __init__(self, mentions: list[EntityMention], size: int):
        self.out = list(mentions)
        self._at = {(m.start, m.end): k for k, m in enumerate(mentions)}
        self._covered = bytearray(size + 1)
        for m in mentions:
            self._covered[m.start : m.end] = b"\x01" * (m.end - m.start)

    def inside_another(self, a: int, b: int) -> bool:
        return any(self._covered[a:b]) and (a, b) not in self._at

    def put(self, ref: EntityMention) -> None:
        k = self._at.get((ref.start, ref.end))
        if k is None:
            self.out.append(ref)
        else:
            self.out[k] = ref


def _modifier_references(doc: Document, mentions: list[EntityMention], rules: EntityRules) -> list[EntityMention]:
    """"the Adriatic" after "the Adriatic Sea", "the Aral" after "the Aral
    Sea": a place named earlier by its modifier alone, after "the" and not
    before a noun ("the Adriatic states" is left alone)."""
    text = doc.view.text
    named = {}
    for m in mentions:
        if m.label != "LOC":
            continue
        words = _norm_text(text[m.start : m.end]).split()
        if len(words) >= 2 and words[-1] in rules.droppable_geo_heads and all(w[:1].isupper() for w in words[:-1]):
            named.setdefault(" ".join(words[:-1]), (m.start, m.group or "name:" + " ".join(words).lower()))
    if not named:
        return mentions
    rx = re.compile(r"(?<!\w)[Tt]he\s+(" + "|".join(map(re.escape, sorted(named, key=len, reverse=True))) + r")(?![\w\-])")
    placed = _Placed(mentions, len(text))
    for hit in rx.finditer(text):
        a, b = hit.span(1)
        first, group = named[hit.group(1)]
        if a <= first or placed.inside_another(a, b):
            continue
        seg = doc.segment_at(a)
        span = seg.char_span(a, b) if seg is not None and seg.doc is not None else None
        if span is None:
            continue
        nxt = seg.doc[span.end] if span.end < len(seg.doc) else None
        if nxt is not None and (nxt.pos_ in ("NOUN", "PROPN") or nxt.text[:1].isupper()) or span.root.dep_ in ("amod", "compound"):
            continue
        placed.put(EntityMention(a, b, "LOC", rule=RULE_HEAD_REF, group=group))
    return placed.out


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Flat mentions: structure first, then the longest name; on the same
    span one that knows its entity's other names (an acronym pair, a
    gazetteer entry) wins, and a gazetteer label beats the NER's (except
    LANGUAGE)."""

    def rank(c: _Cand):
        return (c.tier, -(c.j - c.i), c.group is None, c.rule != RULE_GAZETTEER, c.rule != RULE_NAME_HEAD)

    by_span = {}
    for c in cands:
        if c.rule == RULE_NER and c.label == "LANGUAGE":
            by_span[(c.i, c.j)] = c  # "in Japanese": the language
    taken: list[_Cand] = []
    used = set()
    for c in sorted(cands, key=rank):
        if (c.i, c.j) in by_span and c is not by_span[(c.i, c.j)] and c.tier == 2:
            continue
        if any(k in used for k in range(c.i, c.j)):
            continue
        used.update(range(c.i, c.j))
        taken.append(c)
    return sorted(taken, key=lambda c: c.i)


# -- completion over the chosen mentions -------------------------------------------


def _organisation_with_country(seg: Segment, cands: list[_Cand], rules: EntityRules) -> list[_Cand]:
    """"an Ipsos Brazil poll": a name the NER split before a country is one ORG
    (a pollster's or a company's national branch)."""
    sdoc = seg.doc
    out = []
    for a, b in zip(cands, cands[1:], strict=False):
        if a.rule != RULE_NER or a.label not in ("ORG", "NORP") or b.i != a.j or not sdoc[a.j - 1].whitespace_:
            continue
        hit = rules.gaz(sdoc[b.i : b.j].text)
        if hit is None or hit.kind != "country" or rules.gaz(sdoc[a.i : a.j].text) is not None:
            continue
        if b.j < len(sdoc) and _cap(sdoc[b.j]):
            continue
        out.append(_Cand(a.i, b.j, "ORG", RULE_NER, 1))
    return out


def _compound_partners(sdoc, cands: list[_Cand], rules: EntityRules) -> list[_Cand]:
    """"the Tanaka-Moon meeting": the name glued by a hyphen to a PERSON is one too."""
    used = {k for c in cands for k in range(c.i, c.j)}
    out = []
    for c in cands:
        if c.label != "PERSON":
            continue
        # left partner: ... A B-[PERSON]
        h = c.i - 1
        if h >= 1 and _glued_hyphen(sdoc, h) and (h - 1) not in used:
            a = h
            while a - 1 >= 0 and (a - 1) not in used and _is_name_token(sdoc[a - 1]) and h - a < 3:
                a -= 1
            if a < h and _partner_ok(sdoc, a, h, rules):
                out.append(_Cand(a, h, "PERSON", RULE_COMPOUND, 2))
                used.update(range(a, h))
        # right partner: [PERSON]-A B
        h = c.j
        if h + 1 < len(sdoc) and _glued_hyphen(sdoc, h) and (h + 1) not in used:
            b = _name_run(sdoc, h + 1, rules, limit=3)
            if b > h + 1 and _partner_ok(sdoc, h + 1, b, rules):
                out.append(_Cand(h + 1, b, "PERSON", RULE_COMPOUND, 2))
                used.update(range(h + 1, b))
    return out


def _partner_ok(sdoc, a: int, b: int, rules: EntityRules) -> bool:
    span = sdoc[a:b]
    if sdoc[a].pos_ != "PROPN" or rules.gaz(span.text) is not None or span[-1].text in rules.name_heads:
        return False
    return b - a >= 2 or (len(span[0].text) >= 3 and not span[0].is_stop)


def _nationality_institutions(doc: Document, seg: Segment, cands: list[_Cand], rules: EntityRules) -> list[_Cand]:
    """"the Brazilian Senate", "Brazilian Supreme Court rulings": one ORG."""
    if _caps(doc, seg):
        return cands
    sdoc = seg.doc
    out: list[_Cand] = []
    k = 0
    while k < len(cands):
        c = cands[k]
        nxt = cands[k + 1] if k + 1 < len(cands) else None
        joined, used = _institution_after(sdoc, c, nxt, rules) if c.label == "NORP" and c.j < len(sdoc) and sdoc[c.j - 1].whitespace_ else (None, 1)
        out.append(joined or c)
        k += used
    return out


def _institution_after(sdoc, c: _Cand, nxt: _Cand | None, rules: EntityRules) -> tuple[_Cand | None, int]:
    """A nationality and the institution after it as one ORG, and how many
    candidates it takes (the NER's organisation right after it; capitalised
    words ending in a head word the NER missed); (None, 1) if there is none."""
    if nxt is not None and nxt.i == c.j and nxt.label == "ORG" and nxt.group is None and _cap(sdoc[nxt.i]) and not sdoc[nxt.i].is_upper:
        return _Cand(c.i, nxt.j, "ORG", RULE_NER, 2), 2
    e = c.j
    while e < len(sdoc) and e - c.j < 4 and _cap(sdoc[e]) and sdoc[e].is_alpha and (nxt is None or e < nxt.i):
        e += 1
    if e > c.j and sdoc[e - 1].text in rules.name_heads:
        return _Cand(c.i, e, "ORG", RULE_NER, 2), 1
    return None, 1


def _head_noun_people(doc: Document, seg: Segment, cands: list[_Cand], rules: EntityRules) -> list[_Cand]:
    """"the Tanaka cabinet": a capitalised name before a leader's head noun
    that nothing else claimed is a PERSON."""
    sdoc = seg.doc
    used = {k for c in cands for k in range(c.i, c.j)}
    out = []
    for _, h, _ in rules.head_matcher(sdoc):
        t = sdoc[h]
        if t.i < 2 or (t.i - 1) in used:
            continue
        a = t.i
        while a - 1 >= 0 and (a - 1) not in used and _is_name_token(sdoc[a - 1]) and t.i - a < 3:
            a -= 1
        if a == t.i or a == 0 or sdoc[a - 1].lower_ not in rules.determiners:
            continue
        name = sdoc[a : t.i]
        if rules.gaz(name.text) is not None or any(x.text in rules.name_heads for x in name):
            continue
        out.append(_Cand(a, t.i, "PERSON", RULE_HEAD_NOUN, 2))
    return out


def _cue(sdoc, i: int, j: int, rules: EntityRules) -> str | None:
    """Context after a name that makes it a person: a leader's head noun
    ("the Merkel administration", "Merkel's government"), a relative "who",
    or an apposition with a person noun ("Evans, an analyst at ...")."""
    k = j
    if k < len(sdoc) and (sdoc[k].tag_ == "POS" or sdoc[k].text in _POSSESSIVE):
        k += 1
        if k < len(sdoc) and sdoc[k].lower_ in rules.person_heads:
            return sdoc[k].lower_
        return None
    if k < len(sdoc) and sdoc[k].lower_ in rules.person_heads:
        return sdoc[k].lower_
    if k + 1 < len(sdoc) and sdoc[k].text == ",":
        if sdoc[k + 1].lower_ == "who":
            return "who"
        if sdoc[k + 1].lower_ in ("a", "an", "the"):
            for t in sdoc[k + 2 : k + 6]:
                if t.lemma_.lower() in rules.person_roles or t.lower_ in rules.person_roles:
                    return "apposition"
                if t.pos_ not in ("ADJ", "NOUN", "PROPN", "ADV") or t.text == ",":
                    break
    return None


# -- the find step -------------------------------------------------------------


def find_entities(doc: Document, assets: Assets) -> Iterator[EntityMention]:
    segs = [s for s in doc.segments if s.doc is not None]
    if not segs:
        return
    rules = entity_rules(assets, segs[0].doc.vocab)
    acronyms = _acronym_pairs(doc, rules)
    plain = _PlainText(doc)
    mentions: list[EntityMention] = []
    title_tokens: set[int] = set()  # view offsets of title words
    for seg in segs:
        sdoc = seg.doc
        chains = _title_chains(sdoc, rules)
        for s, e, _, _ in chains:
            title_tokens.update(seg.start + t.idx for t in sdoc[s:e])
        if _series_line(doc, seg):
            continue  # "Policy Brief No. 8": a series name is not an entity
        cands = _segment_candidates(doc, seg, rules, chains, plain, acronyms.get(seg.index, []))
        mentions += [_to_mention(doc, seg, c, rules) for c in _chosen(doc, seg, cands, rules)]
    mentions = _document_mentions(doc, [m for m in mentions if m is not None], rules, title_tokens)
    out, seen = [], set()
    for m in sorted(mentions):
        if (m.start, m.end) not in seen and m.end > m.start:
            seen.add((m.start, m.end))
            out.append(m)
    yield from out


def _segment_candidates(doc: Document, seg: Segment, rules: EntityRules, chains, plain: _PlainText, acronyms: list[_Cand]) -> list[_Cand]:
    """Every candidate name of a segment, from every source (titles, bylines,
    header lines, acronyms, the NER, gazetteers, head nouns, place nouns,
    settlements, apposed organisations), less the words of titles."""
    cands = list(_title_candidates(doc, seg, rules, chains, plain))
    cands += _byline_candidates(doc, seg, rules)
    cands += _header_name_line(seg, rules)
    cands += acronyms
    cands += _ner_candidates(doc, seg, rules, chains, plain)
    cands += _gazetteer_candidates(doc, seg, rules)
    # the words of a title before a name are not a name ("Secretary of State")
    titled = {k for c in cands if c.title_span for k in range(*c.title_span)}
    cands += _head_name_candidates(doc, seg, rules, plain, titled)
    cands += _place_noun_candidates(seg, rules, titled)
    cands += _settlement_candidates(seg, rules, titled)
    cands += _apposed_organisation_candidates(seg, rules, titled)
    return [c for c in cands if c.title_span or not any(k in titled for k in range(c.i, c.j))]


def _chosen(doc: Document, seg: Segment, cands: list[_Cand], rules: EntityRules) -> list[_Cand]:
    """One flat set of a segment's names, completed by the rules that read the chosen ones."""
    chosen = _select(cands)
    chosen = _select(chosen + _organisation_with_country(seg, chosen, rules))
    chosen = _select(chosen + _compound_partners(seg.doc, chosen, rules))
    chosen = _nationality_institutions(doc, seg, chosen, rules)
    chosen = _select(chosen + _head_noun_people(doc, seg, chosen, rules))
    aliases = _alias_candidates(doc, seg, chosen)
    return _select(chosen + aliases) if aliases else chosen


def _document_mentions(doc: Document, mentions: list[EntityMention], rules: EntityRules, title_tokens: set[int]) -> list[EntityMention]:
    """The document-level steps: hyphen parts, listed places, acronym groups,
    names found again, head references, names cut at a line break."""
    mentions = _hyphen_token_parts(doc, mentions, rules)
    mentions = _listed_places(doc, mentions, rules)
    # 'the Act', 'the Pact': the bare head of a legal instrument is not a name (guidelines 3.4)
    mentions = [m for m in mentions if rules.head_labels.get(doc.view.text[m.start : m.end]) != "LAW"]
    mentions = _share_acronym_groups(doc, mentions)
    found, replaced = _known_names(doc, mentions, rules, title_tokens)
    if replaced:
        mentions = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in replaced)]
    mentions += found
    mentions = _head_references(doc, mentions, rules)
    return [m for m in (_within_line(doc, m) for m in mentions) if m is not None]


_MARKDOWN_LINE_MARKS = ("*", "_", "\\")
_MARKDOWN_LINE_OPENERS = ("*", "_", "#", "-", ">")


def _within_line(doc: Document, m: EntityMention) -> EntityMention | None:
    """A name never runs over a line break at a markdown mark: the view joins
    "**Name**" and "*Fellow, Institute*" into one line, and the NER may read
    them as one name. The mention is cut before the break (a wrap with no mark
    at it, as in "Institute for Regional\nStudies", is left alone)."""
    src = doc.source.text
    view = doc.view
    a, b = view.source_span(m.start, m.end)
    nl = src.find("\n", a, b)
    if nl == -1:
        return m
    before = src[a:nl]
    # (two trailing spaces alone are no sign: PDF conversions end every line so)
    hard = before.rstrip(" \t").endswith(_MARKDOWN_LINE_MARKS) or src[nl + 1 : b].lstrip(" \t").startswith(_MARKDOWN_LINE_OPENERS)
    if not hard:
        return m
    end = m.start
    while end < m.end and view.to_source[end] < nl:
        end += 1
    while end > m.start and not view.text[end - 1].isalnum() and view.text[end - 1] not in ".)":
        end -= 1
    if end - m.start < 2:
        return None
    return m._replace(end=end)


def _to_mention(doc: Document, seg: Segment, c: _Cand, rules: EntityRules) -> EntityMention | None:
    sdoc = seg.doc
    start = seg.start + sdoc[c.i].idx
    end = seg.start + sdoc[c.j - 1].idx + len(sdoc[c.j - 1].text)
    # a possessive glued to the last token ("Korea's" as one token)
    for p in _POSSESSIVE[:2]:
        if doc.view.text[start:end].endswith(p) and end - len(p) > start:
            end -= len(p)
    title = title_span = None
    if c.title is not None and c.title_span is not None:
        a, b = c.title_span
        title = c.title
        title_span = Span(seg.start + sdoc[a].idx, seg.start + sdoc[b - 1].idx + len(sdoc[b - 1].text))
    cue = _cue(sdoc, c.i, c.j, rules) if c.label in ("PERSON", "GPE", "ORG", "NORP") else None
    headed = c.j - c.i > 1 and sdoc[c.j - 1].text in rules.name_heads
    return EntityMention(start, end, c.label, title, title_span, c.rule, c.group, cue, headed)


_HYPHEN_COMPOUND = re.compile(r"(?<![\w.\-])[A-Z][\w.'\u2019]*(?:-[A-Z][\w.'\u2019]*)+")


def _listed_places(doc: Document, mentions: list[EntityMention], rules: EntityRules) -> list[EntityMention]:
    """"Santiago, Buenos Aires" read by the NER as one name: a mention whose
    comma-separated parts are each a gazetteer name is those names."""
    text = doc.view.text
    out = []
    for m in mentions:
        form = text[m.start : m.end]
        if ", " not in form or m.rule == RULE_GAZETTEER:
            out.append(m)
            continue
        parts, pos = [], m.start
        for piece in form.split(", "):
            parts.append((pos, pos + len(piece), rules.gaz(piece)))
            pos += len(piece) + 2
        if all(entry is not None for _, _, entry in parts):
            out += [EntityMention(a, b, entry.label, rule=RULE_GAZETTEER, group=entry.group) for a, b, entry in parts]
        else:
            out.append(m)
    return out


def _hyphen_token_parts(doc: Document, mentions: list[EntityMention], rules: EntityRules) -> list[EntityMention]:
    """Places inside one token: the tokenizer keeps "U.S.-China" whole, the
    guidelines want `U.S.` and `China`. Gazetteer parts of such a compound
    become mentions (replacing an NER mention of the whole compound)."""
    text = doc.view.text
    out = list(mentions)
    for hit in _HYPHEN_COMPOUND.finditer(text):
        a, b = hit.span()
        if rules.gaz(hit.group(0)) is not None:
            continue  # "Guinea-Bissau", "Indo-Pacific"
        found = _gazetteer_parts(text, a, hit.group(0), rules)
        if not found:
            continue
        inside = [m for m in out if a <= m.start and m.end <= b]
        if any(m.rule != RULE_NER for m in inside):
            continue
        if any(m.start < b and a < m.end and not (a <= m.start and m.end <= b) for m in out):
            continue
        out = [m for m in out if m not in inside] + found
    return out


def _gazetteer_parts(text: str, a: int, compound: str, rules: EntityRules) -> list[EntityMention]:
    """The parts of a hyphen compound at ``a`` that are gazetteer names."""
    found, pos = [], a
    for piece in compound.split("-"):
        s, e = pos, pos + len(piece)
        pos = e + 1
        entry = rules.gaz(text[s:e])
        if entry is None and text[s:e].endswith(".") and text[s : e - 1].count(".") == 0:
            e -= 1  # "Canada.-" is not a name, "Canada" is
            entry = rules.gaz(text[s:e])
        if entry is not None:
            found.append(EntityMention(s, e, entry.label, rule=RULE_GAZETTEER, group=entry.group))
    return found


def _share_acronym_groups(doc: Document, mentions: list[EntityMention]) -> list[EntityMention]:
    """Every mention of a paired acronym names the long form's entity."""
    text = doc.view.text
    groups = {}
    for m in mentions:
        if m.rule == RULE_ACRONYM and m.group and _is_acronym(text[m.start : m.end]):
            groups.setdefault(text[m.start : m.end], (m.group, m.label))
    if not groups:
        return mentions
    out = []
    for m in mentions:
        s = text[m.start : m.end]
        if s in groups and m.group is None:
            m = m._replace(group=groups[s][0], label=groups[s][1])
        out.append(m)
    return out


def _known_names(doc: Document, mentions: list[EntityMention], rules: EntityRules, title_tokens: set[int]) -> tuple[list[EntityMention], list[tuple[int, int]]]:
    """Further occurrences of names found elsewhere in the document.

    One regex pass over the view for every known name (and the first and
    last word of a multi-word PERSON name); a hit counts when it is a whole
    token span, not inside another mention, not part of a longer capitalised
    name, and a proper noun where a single word could be a common one ("May").
    """
    text = doc.view.text
    known = _known_forms(text, mentions, rules)
    if not known:
        return [], []
    names = sorted(known, key=len, reverse=True)
    rx = re.compile(r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in names) + r")(?!\w)")
    taken = bytearray(len(text) + 1)  # 1: a weak NER mention, 2: any other
    for m in mentions:
        taken[m.start : m.end] = (b"\x01" if m.rule == RULE_NER else b"\x02") * (m.end - m.start)
    replaced: list[tuple[int, int]] = []
    starts = [s.start for s in doc.segments]
    out = []
    for hit in rx.finditer(text):
        a, b = hit.span()
        label, group = known[_norm_text(hit.group(0))]
        if any(taken[a:b]) and not _over_weaker_pieces(taken, a, b, label):
            continue
        seg = doc.segments[bisect_right(starts, a) - 1]
        span = seg.char_span(a, b) if seg.doc is not None and b <= seg.end else None
        if span is None or not _stands_alone(span, text, seg, taken, title_tokens):
            continue
        if any(taken[a:b]):
            replaced.append((a, b))
        out.append(EntityMention(a, b, label, None, None, RULE_KNOWN, group, _cue(seg.doc, span.start, span.end, rules)))
        taken[a:b] = b"\x02" * (b - a)
    return out, replaced


def _known_forms(text: str, mentions: list[EntityMention], rules: EntityRules) -> dict[str, tuple[str, str | None]]:
    """The capitalised forms of the mentions to look for again (and the parts of
    personal names that may stand alone) -> (label, group)."""
    known: dict[str, tuple[str, str | None]] = {}
    for m in mentions:
        if m.label not in PROPAGATED_LABELS:
            continue
        s = _norm_text(text[m.start : m.end])
        if not s[:1].isupper() and not s[:1].isdigit():
            continue
        known.setdefault(s, (m.label, m.group))
        words = s.split()
        if m.label == "PERSON" and len(words) > 1 and m.rule in (RULE_TITLE, RULE_NER, RULE_BYLINE):
            for part in _name_parts(words, rules):
                known.setdefault(part, ("PERSON", None))
    return known


def _over_weaker_pieces(taken: bytearray, a: int, b: int, label: str) -> bool:
    """A known personal name over NER pieces only ("Ana Costa" over "Costa"):
    it replaces them; any other overlap leaves the hit out."""
    return not (2 in taken[a:b] or taken[a - 1 : a] == b"\x01" or taken[b : b + 1] == b"\x01" or label != "PERSON")


def _stands_alone(span, text: str, seg: Segment, taken: bytearray, title_tokens: set[int]) -> bool:
    """A hit that is a name here: a single word that can be one ("May I ...",
    "Will they ..." cannot), not glued to a longer unknown name."""
    sdoc = seg.doc
    if len(span) == 1 and not _name_like(span[0]):
        return False
    before = sdoc[span.start - 1] if span.start > 0 else None
    after = sdoc[span.end] if span.end < len(sdoc) else None
    return not (_glued_name(before, text, seg, taken, title_tokens) or _glued_name(after, text, seg, taken, title_tokens))


_FUNCTION_POS = frozenset({"AUX", "VERB", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "ADV", "PART", "INTJ", "NUM"})
# never part of a name, even capitalised (a capitalised verb inside a name is a
# tagging error: "Port State Measures Agreement")
_CLOSED_POS = _FUNCTION_POS - {"VERB", "ADV"}


def _name_like(tok) -> bool:
    """A single capitalised word that can be a name here: not a function word
    or verb ("May I", "Will they"), and a noun at the start of a sentence."""
    if tok.pos_ in _FUNCTION_POS:
        return False
    return tok.pos_ in ("PROPN", "NOUN", "X") or not tok.is_sent_start


def _name_parts(words: list[str], rules: EntityRules) -> list[str]:
    """The parts of a full name that may stand alone: the first and the last
    word ("Tanaka" of "Tanaka Hiroshi", "Scholz" of "Olaf Scholz"), a surname
    with its particles ("von der Leyen", also "Von der Leyen")."""
    out = [w for w in (words[0], words[-1]) if len(w) >= 2 and w[0].isupper() and rules.gaz(w) is None]
    k = next((n for n, w in enumerate(words) if n and w.lower() in rules.particles), None)
    if k is not None and k < len(words) - 1:
        tail = " ".join(words[k:])
        out += [tail, tail[0].upper() + tail[1:]]
        out = [w for w in out if w != words[-1]]
    return out


def _glued_name(tok, text: str, seg: Segment, taken: bytearray, title_tokens: set[int]) -> bool:
    """A neighbouring capitalised proper noun that no mention or title explains
    (the hit is part of a longer, unknown name: "Grand Central Station")."""
    if tok is None or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        return False
    off = seg.start + tok.idx
    return not taken[off] and off not in title_tokens
