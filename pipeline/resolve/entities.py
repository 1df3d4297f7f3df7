"""Canonical entity names and one label per entity within a document.

Mentions of one real entity share one canonical name, the fullest form used
in the document, and one label:

1. Identity: mentions with a ``group`` (a gazetteer entry, an acronym paired
   with its long form) are one entity; other mentions are keyed by their
   words ("Ruiz" == "RUIZ" in a title-cased headline).
2. A shorter personal name joins the longer one it begins or ends ("Tanaka"
   -> "Tanaka Hiroshi", "Moon" -> "Moon Jae-in", "Scholz" -> "Olaf Scholz");
   a shorter organisation name joins the one it begins or ends ("Supreme
   Court" -> "Brazilian Supreme Court"). When several longer names fit
   ("Lee" with two Lees), the nearest one before the mention wins, else the
   nearest one after it; a one-word organisation or place name with several
   longer ones ("Council" after two councils) joins none.
3. Label: a weighted vote over all the entity's mentions. Structure and
   gazetteers outweigh the NER (a title, "the X administration", a
   gazetteer entry, an acronym pairing); a name found again by string match
   follows the others. So "Ruiz" tagged GPE twice by the NER but introduced
   by "President" elsewhere is a PERSON everywhere.
4. Canonical: the longest form (in words, then characters) among the
   entity's mentions, whitespace collapsed, preferring a form outside an
   ALL-CAPS headline; normal case (the view title-cases headlines).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import NamedTuple

from ..document import Document, Span
from ..extractors.entities import (
    RULE_ACRONYM,
    RULE_BYLINE,
    RULE_COMPOUND,
    RULE_GAZETTEER,
    RULE_HEAD_NOUN,
    RULE_HEAD_REF,
    RULE_HEADER,
    RULE_KNOWN,
    RULE_NAME_HEAD,
    RULE_NER,
    RULE_TITLE,
    EntityMention,
)


class Entity(NamedTuple):
    start: int
    end: int
    label: str
    canonical: str
    title: str | None = None
    rule: str = "entity/" + RULE_NER  # why the mention exists: "entity/<extractors.entities.RULE_*>"
    title_span: Span | None = None  # the title's words before the name, if any


# how much a mention's label counts in its entity's vote
RULE_WEIGHT = {
    RULE_GAZETTEER: 5.0,
    RULE_TITLE: 3.0,
    RULE_ACRONYM: 3.0,
    RULE_HEAD_NOUN: 3.0,
    RULE_BYLINE: 3.0,
    RULE_HEADER: 3.0,
    RULE_NAME_HEAD: 3.0,
    RULE_NER: 1.0,
    RULE_COMPOUND: 1.0,
    RULE_KNOWN: 0.0,
    RULE_HEAD_REF: 0.0,
}
# a head noun after a name ("the X administration") votes PERSON this much
CUE_WEIGHT = 3.0
STRONG_RULES = frozenset({RULE_GAZETTEER, RULE_TITLE, RULE_ACRONYM, RULE_HEAD_NOUN, RULE_BYLINE, RULE_HEADER, RULE_NAME_HEAD})
LABEL_ORDER = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _norm(text).split())


def _affix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return len(long) > n and (long[:n] == short or long[-n:] == short)


def _votes(m: EntityMention, weak_cues: frozenset[str]) -> dict[str, float]:
    """The label votes of a mention; ``weak_cues``: head nouns that follow a country
    as often as a leader (they only settle GPE/PERSON confusions of names that are not places)."""
    v = defaultdict(float)
    v[m.label] += RULE_WEIGHT.get(m.rule, 1.0)
    # 'the Genovese government': a nationality-like word no list knows is a leader's name
    if m.cue and m.group is None and (
        m.cue not in weak_cues or m.label in ("PERSON", "GPE") or m.label == "NORP" and m.rule != RULE_GAZETTEER
    ):
        v["PERSON"] += CUE_WEIGHT
    return v


def _winner(votes: dict[str, float]) -> str:
    return max(votes, key=lambda lab: (votes[lab], -LABEL_ORDER.index(lab) if lab in LABEL_ORDER else -99))


def _in_headline(doc: Document, offset: int) -> bool:
    """In the first paragraph or a title, heading or header line (where a name may run into a headline's words)."""
    seg = doc.segment_at(offset)
    return seg is None or seg.index == 0 or seg.kind in ("title", "heading", "header")


def _in_caps(doc: Document, offset: int) -> bool:
    seg = doc.segment_at(offset)
    return seg is not None and 0 <= seg.block < len(doc.blocks) and doc.blocks[seg.block].caps


def _identity_keys(mentions: list[EntityMention], forms: list[str]) -> list[str]:
    """The identity of each mention: its group, else its words.

    Groups that share a name are one ("EU" paired with "European Union (EU)"
    and the gazetteer's "EU"); a mention without a group joins the group
    whose name it writes ("NAIROBI" in a dateline), unless a title or a
    head noun makes it a person ("Rep. Jordan" is not the country).
    """
    words = [" ".join(_words(f)) for f in forms]
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    by_words: dict[str, str] = {}
    for m, w in zip(mentions, words, strict=False):
        if m.group:
            if w in by_words and find(by_words[w]) != find(m.group):
                parent[find(m.group)] = find(by_words[w])
            by_words.setdefault(w, m.group)
    keys = []
    for m, w in zip(mentions, words, strict=False):
        if m.group:
            keys.append(find(m.group))
        elif w in by_words and m.label != "PERSON" and m.rule not in (RULE_TITLE, RULE_HEAD_NOUN) and not m.cue:
            keys.append(find(by_words[w]))
        else:
            keys.append("name:" + w)
    return keys


def canonical_names(doc: Document, mentions: list[EntityMention], weak_cues: frozenset[str] = frozenset(), first_names: dict[str, str] | None = None) -> list[Entity]:
    """One entity per real entity: identity, clusters of shorter and longer
    names, one label by vote, the fullest form (steps 1-4 of the module doc).
    ``weak_cues``: ``name_structure_words.json`` weak_person_heads;
    ``first_names``: lower-case first name -> gender (``first_names.json``)."""
    first_names = first_names or {}
    text = doc.view.text
    mentions = sorted(mentions, key=lambda m: (m.start, m.end))
    forms = [_norm(text[m.start : m.end]) for m in mentions]
    keys = _identity_keys(mentions, forms)
    key_label, key_strong = _key_labels(mentions, keys, weak_cues)
    cluster = _clusters(doc, mentions, keys, forms, key_label, key_strong, first_names)
    label = _entity_labels(mentions, cluster, weak_cues)
    best = _fullest_forms(doc, mentions, forms, cluster)
    for c in _personal_names(mentions, forms, cluster, best, first_names):
        label[c] = "PERSON"
    out = []
    for m, c in zip(mentions, cluster, strict=False):
        lab = label[c]
        title, title_span = (m.title, m.title_span) if lab == "PERSON" else (None, None)
        out.append(Entity(m.start, m.end, lab, best[c], title, f"entity/{m.rule}", title_span))
    return out


def _key_labels(mentions: list[EntityMention], keys: list[str], weak_cues: frozenset[str]) -> tuple[dict[str, str], dict[str, set[str]]]:
    """A label per key (the name as written), by weighted vote, and the labels
    that strong rules give it."""
    key_votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    key_strong: dict[str, set[str]] = defaultdict(set)
    for m, k in zip(mentions, keys, strict=False):
        for lab, w in _votes(m, weak_cues).items():
            key_votes[k][lab] += w
        if m.rule in STRONG_RULES or m.group or m.headed:
            key_strong[k].add(m.label if m.label != "PERSON" or not m.headed else "ORG")
        if m.cue and m.group is None and (m.cue not in weak_cues or m.label in ("PERSON", "GPE")):
            key_strong[k].add("PERSON")
    return {k: _winner(v) for k, v in key_votes.items()}, key_strong


class _Keys(NamedTuple):
    """What step 2 knows of each key."""

    label: dict[str, str]
    strong: dict[str, set[str]]
    words: dict[str, tuple[str, ...]]  # the longest form's words
    positions: dict[str, list[int]]  # where its mentions start
    intro: dict[str, int]  # where its first mention in the running text starts (not in the headline)
    first_names: dict[str, str]  # lower-case first name -> "female" | "male"


def _compatible(keys: _Keys, short: str, long: str) -> bool:
    """The name ``short`` may be a shorter form of ``long``: both persons (or an
    NER label nothing confirms), or organisations where the long one ends in the short one."""
    ls, ll = keys.label[short], keys.label[long]
    person_s = ls == "PERSON" or (not keys.strong[short] and ll == "PERSON")
    if person_s:
        # the longer one is a person, or an NER label nothing confirms
        return ll == "PERSON" or not keys.strong[long] - {"PERSON"}
    return ls == "ORG" and ll == "ORG" and keys.words[long][-len(keys.words[short]) :] == keys.words[short]


def _longer_names(keys: _Keys) -> dict[str, list[str]]:
    """For each name key, the longer names it may be a form of (the longest of nested ones)."""
    all_keys = sorted(keys.words, key=lambda k: -len(keys.words[k]))
    candidates: dict[str, list[str]] = {}
    for k in (k for k in all_keys if k.startswith("name:")):
        cands = [k2 for k2 in all_keys if _affix(keys.words[k], keys.words[k2]) and _compatible(keys, k, k2)]
        # of nested candidates ("A B" and "A B C") the longest
        cands = [c for c in cands if not any(c != d and _affix(keys.words[c], keys.words[d]) for d in cands)]
        if len(keys.words[k]) == 1 and keys.label[k] != "PERSON" and len(cands) > 1:
            continue  # "Council" after two councils: which one is not said
        if cands:
            candidates[k] = cands
    return candidates


def _target(keys: _Keys, cands: list[str], pos: int, gender: str | None = None) -> str:
    """Of several longer names (of the gender of an honorific, if any), for a person the one introduced first before ``pos``
    (a surname stays with the first person the text names by it: a relative named
    later in full is no "Roe" of her own), else the nearest one before ``pos``;
    with none before it, the nearest after it."""
    if gender is not None:  # 'Mrs. Roe': not Tom Roe
        cands = [c for c in cands if keys.first_names.get(keys.words[c][0], gender) == gender] or cands
    if len(cands) == 1:
        return cands[0]
    introduced = [c for c in cands if keys.intro.get(c, pos) < pos]
    if introduced and all(keys.label[c] == "PERSON" for c in introduced):
        return min(introduced, key=lambda c: keys.intro[c])
    before = [c for c in cands if keys.positions[c][0] < pos]
    if before:
        return max((max(p for p in keys.positions[c] if p < pos), c) for c in before)[1]
    return min((min(keys.positions[c]), c) for c in cands)[1]


def _clusters(doc: Document, mentions: list[EntityMention], keys: list[str], forms: list[str], key_label: dict, key_strong: dict, first_names: dict[str, str]) -> list[str]:
    """Step 2: shorter names join longer ones (per mention: "Lee" may be two people)."""
    key_words: dict[str, tuple[str, ...]] = {}
    positions: dict[str, list[int]] = defaultdict(list)
    intro: dict[str, int] = {}
    for m, k, f in zip(mentions, keys, forms, strict=False):
        positions[k].append(m.start)
        if k not in intro and not _in_headline(doc, m.start):
            intro[k] = m.start
        if len(_words(f)) > len(key_words.get(k, ())):
            key_words[k] = _words(f)
    known = _Keys(key_label, key_strong, key_words, positions, intro, first_names)
    candidates = _longer_names(known)
    return [_target(known, candidates[k], m.start, _honorific_gender(m.title)) if k in candidates else k for m, k in zip(mentions, keys, strict=False)]


def _honorific_gender(title: str | None) -> str | None:
    return _HONORIFICS.get(title.lower().rstrip(".")) if title else None


_HONORIFICS = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female", "mister": "male", "madam": "female"}


def _entity_labels(mentions: list[EntityMention], cluster: list[str], weak_cues: frozenset[str]) -> dict[str, str]:
    """Step 3: one label per entity, by the votes of all its mentions."""
    votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for m, c in zip(mentions, cluster, strict=False):
        for lab, w in _votes(m, weak_cues).items():
            votes[c][lab] += w
    return {c: _winner(v) for c, v in votes.items()}


def _personal_names(mentions: list[EntityMention], forms: list[str], cluster: list[str], best: dict[str, str], first_names: dict[str, str]) -> set[str]:
    """Entities the NER calls an organisation or a place that are a person's name:
    a first name and a surname ("Tom Roe"), and the surname alone among the
    mentions ("Roe said"); no gazetteer entry, acronym or head noun says otherwise."""
    strong = {c for m, c in zip(mentions, cluster, strict=False) if m.rule in STRONG_RULES or m.group}
    out = set()
    for f, c in zip(forms, cluster, strict=False):
        words = best[c].split()
        if c in strong or not 2 <= len(words) <= 3 or words[0].lower() not in first_names:
            continue
        if f == words[-1] and all(w[:1].isupper() for w in words):
            out.add(c)
    return out


def _fullest_forms(doc: Document, mentions: list[EntityMention], forms: list[str], cluster: list[str]) -> dict[str, str]:
    """Step 4: the fullest form used for each entity (words, then not shouted,
    not in an ALL-CAPS line, characters, the earliest); only shouted forms
    ("NAIROBI -"): the gazetteer's normal case."""
    best: dict[str, tuple] = {}
    for m, f, c in zip(mentions, forms, cluster, strict=False):
        rank = (len(f.split()), not f.isupper(), not _in_caps(doc, m.start), len(f), -m.start)
        if c not in best or rank > best[c][0]:
            best[c] = (rank, f)
    out = {}
    for c, (_, f) in best.items():
        name = c.split(":", 1)[1] if ":" in c and not c.startswith("name:") else None
        out[c] = name if f.isupper() and name is not None and name.lower() == f.lower() else f
    return out


def entity_at(entities: list[Entity], span: Span) -> Entity | None:
    """The largest entity mention inside ``span`` (for speakers and holders)."""
    inside = [e for e in entities if e.start >= span.start and e.end <= span.end]
    if not inside:
        return None
    return max(inside, key=lambda e: e.end - e.start)
