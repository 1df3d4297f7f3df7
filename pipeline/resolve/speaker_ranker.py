"""A learned ranker for quote -> speaker where the sieves leave the choice open.

The sieves of :mod:`resolve.attribution` are sure of an explicit speaker
phrase that names someone ("Jane Roe said", "according to the commission").
Where they are not (a pronoun resolved to the nearest compatible person, a
description, a quote that continues the previous speaker, a cue whose subject
nobody names), :func:`rerank` gathers the people and bodies the passage
mentions around the quote (:func:`candidates`), describes each by a few
features (distance, subject of a reporting verb, speaker of the quotes before,
agreement with the cue's pronoun, the sieve's own pick, ...: :data:`FEATURES`)
and scores them with a logistic regression whose weights are data
(``models/speaker_ranker.json``, trained on PolNeAR train by
``benchmarks/train_speaker_ranker.py``; see ``models/speaker_ranker.md``).
The best-scoring candidate replaces the sieve's pick (``speaker_rule``
``ranker``). Inference is plain Python over the JSON weights.

``[attribution] speaker_ranker`` in ``models/pipeline.toml`` names the weights
file; an empty name switches the ranker off (the sieves alone).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from ..assets import Assets
from ..document import Span
from ..errors import AssetError, Errors

# speaker rules whose choice the ranker may revisit ("" = a quote with a cue or of
# whole sentences that the sieves gave no speaker)
OPEN_RULES = (
    "cue_subject/pronoun", "cue_subject/description", "cue_subject/described_earlier", "cue_subject/role",
    "clause_subject/pronoun", "enclosing_report/pronoun", "noun_owner/pronoun",
    "continuation", "preceding_subject", "",
)  # fmt: skip
_WINDOW_PARAGRAPHS = 2  # claim paragraphs before the quote's own where candidates are mentioned
_AFTER_CHARS = 200  # characters after the quote (its own paragraph) where a candidate may stand ('"...," said X')
_HISTORY = 3  # earlier quotes whose speakers are features
_SPEAKER_LABELS = ("PERSON", "ORG", "GPE", "NORP")
_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
_OBJECT_DEPS = ("dobj", "dative", "iobj", "pobj", "attr", "oprd")  # an object or oblique: spoken of, not speaking
_BLANK_OR_MARK = " \t\n\"'\u201c\u2018"  # what may stand before a quote that opens its paragraph
_WORD = re.compile(r"[\w\u2019'-]+")

FEATURES = (
    "pick", "pick_pronoun", "pick_continuation", "pick_preceding", "pick_description", "pick_group", "no_pick",
    "prev1", "prev2", "prev3", "quotes_before", "mentions",
    "dist", "sentences", "same_sentence", "same_paragraph", "after",
    "subject", "speech_subject", "resolved_pronoun", "person", "org", "gpe", "norp", "group",
    "gender_agree", "gender_clash", "pronoun_prev1", "pronoun_subject", "pronoun_same_sentence",
    "standalone_prev1", "standalone_same_paragraph", "nocue_same_sentence",
    "nearest", "nearest_person", "nearest_subject", "nearest_agreeing", "rank",
    "object", "possessor", "pronoun_only", "quoted_before", "in_last_quote", "prev_same_paragraph",
    "cue_pronoun", "has_cue", "standalone", "opens_paragraph",
)  # fmt: skip


@dataclass
class Candidate:
    """A speaker the quote may have: a name and its mention nearest the quote."""

    name: str
    span: Span | None
    label: str  # PERSON, ORG, GPE, NORP or group
    feats: dict = field(default_factory=dict)
    mentions: int = 0
    named: int = 0  # mentions by name (not through a resolved pronoun)


class SpeakerRanker:
    """A scorer of candidate speakers read from JSON: a logistic regression
    (:class:`LinearRanker`, format 1) or boosted decision trees
    (:class:`TreeRanker`, format 2). ``probability`` maps a candidate's features
    to the probability that it is the speaker."""

    features: tuple[str, ...]
    threshold: float  # the least probability for a speaker where the sieves gave none

    @classmethod
    def load(cls, assets: Assets) -> SpeakerRanker | None:
        name = assets.config.get("attribution", {}).get("speaker_ranker", "")
        return assets.memo(f"speaker_ranker:{name}", lambda: cls._read(assets, name)) if name else None

    @classmethod
    def _read(cls, assets: Assets, name: str) -> SpeakerRanker:
        data = assets.read_json(name)
        path = assets.dir / name
        kind = {1: LinearRanker, 2: TreeRanker}.get(data.get("format", 1) if isinstance(data, dict) else None)
        if kind is None:
            raise AssetError(Errors.E040.format(path=path, reason="not a speaker ranker: unknown format"))
        try:
            model = kind.from_json(data)
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise AssetError(Errors.E040.format(path=path, reason=f"not a speaker ranker: {exc}")) from None
        if model.features != FEATURES or not model.consistent():
            raise AssetError(Errors.E040.format(path=path, reason="its features are not those of this version of claimex (retrain it)"))
        return model

    def raw(self, x: list[float]) -> float:
        raise NotImplementedError

    def consistent(self) -> bool:
        raise NotImplementedError

    def probability(self, feats: dict) -> float:
        z = self.raw([float(feats.get(name, 0.0)) for name in self.features])
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class LinearRanker(SpeakerRanker):
    """Logistic regression over standardised features (format 1)."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float

    @classmethod
    def from_json(cls, data: dict) -> LinearRanker:
        return cls(tuple(data["features"]), tuple(map(float, data["weights"])), float(data["bias"]),
                   tuple(map(float, data["mean"])), tuple(map(float, data["scale"])), float(data["threshold"]))  # fmt: skip

    def consistent(self) -> bool:
        return len(self.weights) == len(self.mean) == len(self.scale) == len(self.features)

    def raw(self, x: list[float]) -> float:
        return self.bias + sum(w * (v - m) / s for w, v, m, s in zip(self.weights, x, self.mean, self.scale, strict=True))


@dataclass(frozen=True)
class TreeRanker(SpeakerRanker):
    """Gradient-boosted regression trees on the log-odds (format 2): ``base`` plus
    the leaf value each tree reaches (the learning rate already applied). A tree
    is a flat list of nodes, ``[feature, threshold, left, right]`` for a split
    (``x[feature] <= threshold`` goes left) and ``[value]`` for a leaf; node 0 is
    the root."""

    features: tuple[str, ...]
    base: float
    trees: tuple[tuple[tuple[float, ...], ...], ...]
    threshold: float

    @classmethod
    def from_json(cls, data: dict) -> TreeRanker:
        trees = tuple(tuple(tuple(float(v) for v in node) for node in tree) for tree in data["trees"])
        return cls(tuple(data["features"]), float(data["base"]), trees, float(data["threshold"]))

    def consistent(self) -> bool:
        n = len(self.features)
        for tree in self.trees:
            for node in tree:
                if len(node) == 4 and not (0 <= node[0] < n and 0 < node[2] < len(tree) and 0 < node[3] < len(tree)):
                    return False
                if len(node) not in (1, 4):
                    return False
        return True

    def raw(self, x: list[float]) -> float:
        z = self.base
        for tree in self.trees:
            node = tree[0]
            while len(node) == 4:
                node = tree[int(node[2])] if x[int(node[0])] <= node[1] else tree[int(node[3])]
            z += node[0]
        return z


class History:
    """The quotes with speakers so far: the last few, and how many each speaker has."""

    def __init__(self):
        self.recent: list = []
        self.counts: dict[str, int] = {}

    def add(self, q) -> None:
        self.recent = (self.recent + [q])[-_HISTORY:]
        for n in q.speakers:
            self.counts[n.lower()] = self.counts.get(n.lower(), 0) + 1


# a hook for training: called with (attributor, quote, candidates) for every open quote
COLLECT: list[Callable] = []


def in_scope(q) -> bool:
    """A marked quote whose speaker the sieves chose by an open rule, or left
    open although the quote has a cue or is made of whole sentences."""
    if not q.marked or len(q.speakers) > 1 or q.sieve == "passive":
        return False  # (a passive cue with no agent names nobody: 'it was labeled "..."')
    rule = q.speaker_rule or ""
    if rule == "":
        return q.cue is not None and q.kind != "scare" or q.standalone
    return rule in OPEN_RULES


def rerank(att, q, history: History, ranker: SpeakerRanker | None):
    """``q`` with the ranker's speaker when it differs from the sieves' pick."""
    if not in_scope(q):
        return q
    cands = candidates(att, q, history)
    for hook in COLLECT:
        hook(att, q, cands)
    if ranker is None or not cands:
        return q
    scored = sorted(((ranker.probability(c.feats), c) for c in cands), key=lambda pc: -pc[0])
    p, best = scored[0]
    if best.feats.get("pick") or not q.speakers and p < ranker.threshold:
        return q
    return q._replace(speakers=(best.name,), speaker_spans=(best.span,) if best.span is not None else (), speaker_rule="ranker")


# -- candidates ------------------------------------------------------------
def candidates(att, q, history: History) -> list[Candidate]:
    """The sieves' pick, the speakers of the last quotes, and every person or body
    mentioned outside quotation marks from two paragraphs before the quote to
    just after it, each with its features."""
    seg = att.segment_at(q.start)
    if seg is None:
        return []
    lo = _window_start(att, seg)
    hi = min(seg.end, q.end + _AFTER_CHARS)
    found: dict[str, Candidate] = {}
    quoted = _mentions(att, q, found, lo, hi)
    from .attribution import Name

    for h in history.recent:
        for name, span in zip(h.speakers, h.speaker_spans or [None] * len(h.speakers), strict=False):
            _add(found, name, span, "PERSON", q, mention=False)
    for name, span in zip(q.speakers, q.speaker_spans or [None] * len(q.speakers), strict=False):
        _add(found, name, span, "PERSON" if span is not None and att._is_person_name(Name(name, span)) else "group", q, mention=False)
    out = list(found.values())
    last = history.recent[-1] if history.recent else None
    for c in out:
        c.feats = features(att, q, c, history)
        words = _name_words(c.name)
        c.feats["quoted_before"] = float(any(words & w for _, w in quoted))
        c.feats["in_last_quote"] = float(last is not None and any(last.start <= s < last.end and words & w for s, w in quoted))
    _relative(out, q)
    return out


def _mentions(att, q, found: dict, lo: int, hi: int) -> list[tuple[int, set[str]]]:
    """Add to ``found`` the persons and bodies named outside quotation marks in
    [lo, hi) and the pronouns resolved there (the quote's own words left out);
    return the names mentioned inside quotation marks before the quote (offset,
    name words)."""
    quoted = []
    for e in att.entities_in(Span(lo, hi)):
        if e.label not in _SPEAKER_LABELS or q.start <= e.start < q.end:
            continue
        n = att._name(e)
        if not att.in_quotes(e.start):
            _add(found, n.name, n.span, e.label, q)
        elif e.start < q.start:
            quoted.append((e.start, _name_words(n.name)))
    for start, end, names in att.resolved_between(lo, hi):
        if not q.start <= start < q.end:
            for n in names:
                _add(found, n.name, Span(start, end), "PERSON" if att._is_person_name(n) else "group", q, pronoun=True)
    return quoted


def _relative(cands: list[Candidate], q) -> None:
    """Features of a candidate among the others: the nearest mention before the
    quote (of anyone, of a person, of a subject, of a person agreeing with the
    cue's pronoun), and the rank of its distance."""
    before = sorted((c for c in cands if c.span is not None and c.span.end <= q.start), key=lambda c: q.start - c.span.end)
    for c in cands:
        c.feats.update(nearest=0.0, nearest_person=0.0, nearest_subject=0.0, nearest_agreeing=0.0, rank=float(len(before)))
    for k, c in enumerate(before):
        c.feats["rank"] = float(min(k, 4))
    for key, test in (("nearest", lambda c: True), ("nearest_person", lambda c: c.label == "PERSON"),
                      ("nearest_subject", lambda c: c.feats["subject"]), ("nearest_agreeing", lambda c: c.label == "PERSON" and not c.feats["gender_clash"])):  # fmt: skip
        first = next((c for c in before if test(c)), None)
        if first is not None:
            first.feats[key] = 1.0


def _window_start(att, seg) -> int:
    k = bisect_left(att._claim_starts, seg.start)
    first = seg
    for j in range(k - 1, -1, -1):
        if att._claims[j].index < seg.index - _WINDOW_PARAGRAPHS:
            break
        first = att._claims[j]
    return first.start


def _add(found: dict, name: str, span, label: str, q, mention: bool = True, pronoun: bool = False) -> None:
    key = name.lower()
    c = found.get(key)
    if c is None:
        c = found[key] = Candidate(name, None, label)
    if mention:
        c.mentions += 1
        c.named += not pronoun
        if span is not None and (c.span is None or _distance(span, q) < _distance(c.span, q)):
            c.span = span
            c.feats["resolved_pronoun"] = 1.0 if pronoun else 0.0
    elif c.span is None:
        c.span = span
    if label == "PERSON" or c.label == "group":
        c.label = label


def _name_words(name: str) -> set[str]:
    """The capitalised words of a name, lower-cased ('Jane Roe' -> {'jane', 'roe'})."""
    return {w.lower() for w in _WORD.findall(name) if len(w) > 2 and w[0].isupper()}


def _distance(span: Span, q) -> int:
    return q.start - span.end if span.end <= q.start else span.start - q.end + _AFTER_CHARS


# -- features -----------------------------------------------------------------
def features(att, q, c: Candidate, history: History) -> dict:
    f: dict[str, float] = {"resolved_pronoun": c.feats.get("resolved_pronoun", 0.0)}
    rule = q.speaker_rule or ""
    picked = any(n.lower() == c.name.lower() for n in q.speakers)
    f["pick"] = float(picked)
    f["no_pick"] = float(not q.speakers)
    f["pick_pronoun"] = float(picked and rule.endswith("/pronoun"))
    f["pick_continuation"] = float(picked and rule == "continuation")
    f["pick_preceding"] = float(picked and rule == "preceding_subject")
    f["pick_description"] = float(picked and rule.split("/")[-1] in ("description", "described_earlier", "role"))
    f["pick_group"] = float(picked and rule.endswith("/group"))
    recent = [h.speakers for h in history.recent][::-1]
    for k in range(_HISTORY):
        f[f"prev{k + 1}"] = float(k < len(recent) and any(n.lower() == c.name.lower() for n in recent[k]))
    f["quotes_before"] = math.log1p(history.counts.get(c.name.lower(), 0))
    f["mentions"] = math.log1p(c.mentions)
    for lab in ("PERSON", "ORG", "GPE", "NORP", "group"):
        f["person" if lab == "PERSON" else lab.lower()] = float(c.label == lab)
    _position(att, q, c, f)
    _agreement(att, q, c, f)
    pron = _pronoun(att, q)
    f["pronoun_prev1"] = f["prev1"] * (pron is not None)
    f["pronoun_subject"] = f["subject"] * (pron is not None)
    f["pronoun_same_sentence"] = f["same_sentence"] * (pron is not None)
    f["standalone_prev1"] = f["prev1"] * q.standalone
    f["standalone_same_paragraph"] = f["same_paragraph"] * q.standalone
    f["nocue_same_sentence"] = f["same_sentence"] * (q.cue is None)
    f["pronoun_only"] = float(c.mentions > 0 and c.named == 0)
    f["cue_pronoun"] = float(pron is not None)
    f["has_cue"] = float(q.cue is not None)
    f["standalone"] = float(q.standalone)
    _paragraph(att, q, c, history, f)
    return f


def _paragraph(att, q, c: Candidate, history: History, f: dict) -> None:
    """Whether the quote opens its paragraph, and whether the candidate spoke the
    last quote with a speaker in the quote's paragraph."""
    qseg = att.segment_at(q.start)
    f["opens_paragraph"] = f["prev_same_paragraph"] = 0.0
    if qseg is None:
        return
    f["opens_paragraph"] = float(not att.text[qseg.start : q.start].strip(_BLANK_OR_MARK))
    for h in reversed(history.recent):
        hseg = att.segment_at(h.start)
        if hseg is not None and hseg.block == qseg.block:
            f["prev_same_paragraph"] = float(any(n.lower() == c.name.lower() for n in h.speakers))
            break


def _position(att, q, c: Candidate, f: dict) -> None:
    """Distance and syntax of the candidate's mention nearest the quote."""
    keys = ("dist", "sentences", "same_sentence", "same_paragraph", "after", "subject", "speech_subject", "object", "possessor")
    f.update(dict.fromkeys(keys, 0.0))
    if c.span is None:
        f["dist"], f["sentences"] = math.log1p(5000), 6.0
        return
    sp = c.span
    f["after"] = float(sp.start >= q.end)
    f["dist"] = math.log1p(max(0, q.start - sp.end) if sp.end <= q.start else max(0, sp.start - q.end))
    qseg, mseg = att.segment_at(q.start), att.segment_at(sp.start)
    if qseg is None or mseg is None or mseg.doc is None:
        f["sentences"] = 6.0
        return
    f["same_paragraph"] = float(qseg.block == mseg.block)
    tok = _token(mseg, sp)
    qtok = _token(qseg, Span(q.start, q.start + 1))
    if tok is None or qtok is None:
        f["sentences"] = 6.0
        return
    same = mseg is qseg and tok.sent.start == qtok.sent.start
    f["same_sentence"] = float(same)
    f["sentences"] = float(min(6, _sentences_between(att, mseg, tok, qseg, qtok)))
    head = tok
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    f["subject"] = float(head.dep_ in ("nsubj", "nsubjpass") or head.dep_ == "pobj" and head.head.dep_ == "agent")
    f["speech_subject"] = float(bool(f["subject"]) and att.cue_lexicon.is_verb(head.head))
    f["object"] = float(not f["subject"] and head.dep_ in _OBJECT_DEPS)
    f["possessor"] = float(head.dep_ == "poss")


def _token(seg, span: Span):
    if seg.doc is None:
        return None
    sp = seg.char_span(span.start, max(span.start + 1, span.end), alignment_mode="expand")
    return sp[-1] if sp is not None and len(sp) else None


def _sentences_between(att, mseg, tok, qseg, qtok) -> int:
    if mseg is qseg:
        return abs(_sent_index(att, qseg, qtok) - _sent_index(att, mseg, tok))
    n = len(att.sentences(mseg)[0]) - _sent_index(att, mseg, tok) + _sent_index(att, qseg, qtok)
    return n + max(0, qseg.index - mseg.index - 1)


def _sent_index(att, seg, tok) -> int:
    return bisect_right(att.sentences(seg)[1], tok.i) - 1


def _pronoun(att, q) -> str | None:
    """The cue's subject when it is a pronoun ('he said')."""
    for p in q.phrases:
        w = att.text[p.span.start : p.span.end].lower()
        if w in att.pronouns:
            return w
    return None


def _agreement(att, q, c: Candidate, f: dict) -> None:
    pron = _pronoun(att, q)
    gender = _GENDER.get(pron or "")
    f["gender_agree"] = f["gender_clash"] = 0.0
    if pron in ("they", "them") and c.label == "PERSON":
        f["gender_clash"] = 1.0  # a person is not 'they'
        return
    if gender is None:
        return
    if c.label != "PERSON":
        f["gender_clash"] = 1.0  # 'she' is not an organisation
        return
    g = att.gender(c.name)
    if g is not None:
        f["gender_agree" if g == gender else "gender_clash"] = 1.0
