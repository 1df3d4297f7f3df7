"""Named token patterns over a parsed Doc: the matcher claimex's rule files compile to.

A *token pattern file* in ``models/patterns/`` lists named rules; each has
spaCy ``Matcher`` patterns (``tokens``: one or more alternative token
sequences) or one ``DependencyMatcher`` pattern (``dependencies``), the
token the rule is read from (``anchor``: an index into the token sequence,
default 0, or a node's ``RIGHT_ID``), the sentences it must fire on
(``examples``) and the near misses it must not fire on (``negatives``). Any
other key is the extractor's (``reader``, ``vetoes``, ``strength`` ...).
Every pattern is validated when the file loads (a unique name, patterns that
spaCy accepts, an anchor inside the pattern); a bad file stops the run with
one line naming the file and the pattern.

:class:`PatternMatcher` compiles the patterns once per vocabulary and
returns a Doc's matches in reading order. :func:`word_sequence` writes a
phrase as token patterns matched on the lower-case form, the lemma or either
(the scan reporting cues and recommendation triggers share), and
:class:`WordScan` finds the tokens whose form or lemma is in a word list in one
pass over the Doc's attribute array (no Token objects).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import product
from pathlib import Path
from typing import Any, Iterable, NamedTuple, Sequence

from ..assets import Assets
from ..errors import AssetError, Errors

# the keys every token pattern file entry may have (the rest belong to the extractor)
_OWN_KEYS = ("name", "tokens", "dependencies", "anchor", "examples", "negatives", "description")


@dataclass(frozen=True)
class TokenPattern:
    """One named rule of a token pattern file."""

    name: str
    tokens: tuple = ()  # Matcher patterns: alternative token sequences
    dependencies: tuple = ()  # one DependencyMatcher pattern (node dicts)
    anchor: int | str = 0
    examples: tuple[str, ...] = ()
    negatives: tuple[str, ...] = ()
    fields: dict = field(default_factory=dict)  # the extractor's own keys
    order: int = 0  # position in the file

    @property
    def length(self) -> int:
        """Tokens matched (the longest alternative; dependency patterns: nodes)."""
        return max((len(t) for t in self.tokens), default=len(self.dependencies))


class Match(NamedTuple):
    pattern: TokenPattern
    start: int  # first token matched
    end: int  # last token matched + 1
    anchor: int  # index of the anchor token
    nodes: dict | None = None  # dependency patterns: node name -> token index


# -- loading -----------------------------------------------------------------


def load_token_patterns(assets: Assets, name: str) -> tuple[TokenPattern, ...]:
    """The validated patterns of ``models/patterns/<name>.json`` (cached per Assets)."""
    return assets.memo(f"token_patterns:{name}", lambda: _load(assets, name))


def _load(assets: Assets, name: str) -> tuple[TokenPattern, ...]:
    rel = f"patterns/{name}.json"
    path = assets.dir / rel
    raw = assets.read_json(rel).get("patterns")
    if not isinstance(raw, list) or not raw:
        raise AssetError(Errors.E040.format(path=path, reason="'patterns' must be a non-empty list"))
    out: list[TokenPattern] = []
    seen: set[str] = set()
    for k, entry in enumerate(raw):
        p = _entry(path, k, entry)
        if p.name in seen:
            raise AssetError(Errors.E041.format(path=path, name=p.name, reason="duplicate name"))
        seen.add(p.name)
        out.append(p)
    _check_compiles(path, out)
    return tuple(out)


def _entry(path: Path, k: int, entry: Any) -> TokenPattern:
    pname = entry.get("name") if isinstance(entry, dict) else None
    if not isinstance(pname, str) or not pname:
        raise AssetError(Errors.E041.format(path=path, name=f"#{k}", reason="missing 'name'"))
    problem = _shape_problem(entry)
    if problem:
        raise AssetError(Errors.E041.format(path=path, name=pname, reason=problem))
    tokens, deps = entry.get("tokens"), entry.get("dependencies")
    anchor = entry.get("anchor", 0 if tokens is not None else deps[0].get("RIGHT_ID"))
    problem = _anchor_problem(anchor, tokens, deps)
    if problem:
        raise AssetError(Errors.E041.format(path=path, name=pname, reason=problem))
    return TokenPattern(
        pname,
        tuple(tokens or ()),
        tuple(deps or ()),
        anchor,
        tuple(entry.get("examples", ())),
        tuple(entry.get("negatives", ())),
        {key: v for key, v in entry.items() if key not in _OWN_KEYS},
        k,
    )


def _is_sequence_of(v, item) -> bool:
    return isinstance(v, list) and bool(v) and all(item(x) for x in v)


def _shape_problem(entry: dict) -> str | None:
    """What is wrong with the entry's patterns, examples and negatives (None: nothing)."""
    tokens, deps = entry.get("tokens"), entry.get("dependencies")
    if (tokens is None) == (deps is None):
        return "needs exactly one of 'tokens' (Matcher patterns) and 'dependencies' (a DependencyMatcher pattern)"
    if tokens is not None and not _is_sequence_of(tokens, lambda t: _is_sequence_of(t, lambda d: isinstance(d, dict))):
        return "'tokens' must be a non-empty list of token sequences (lists of token dicts)"
    if deps is not None and not _is_sequence_of(deps, lambda d: isinstance(d, dict)):
        return "'dependencies' must be a non-empty list of node dicts"
    for key in ("examples", "negatives"):
        v = entry.get(key, [])
        if v != [] and not _is_sequence_of(v, lambda x: isinstance(x, str) and bool(x)):
            return f"'{key}' must be a list of sentences"
    return None


def _anchor_problem(anchor, tokens, deps) -> str | None:
    if tokens is not None and not (isinstance(anchor, int) and 0 <= anchor < min(len(t) for t in tokens)):
        return f"anchor {anchor!r} is not a token index of every alternative"
    if deps is not None and anchor not in [d.get("RIGHT_ID") for d in deps]:
        return f"anchor {anchor!r} is not a node (RIGHT_ID) of the pattern"
    return None


def _check_compiles(path: Path, patterns: Sequence[TokenPattern]) -> None:
    """spaCy's own validation of every pattern, once, on an empty vocabulary."""
    from spacy.vocab import Vocab

    try:
        _compile(Vocab(), patterns, validate=True)
    except _PatternError as exc:
        raise AssetError(Errors.E041.format(path=path, name=exc.name, reason=exc.reason)) from None


class _PatternError(Exception):
    def __init__(self, name: str, reason: str):
        super().__init__(name, reason)
        self.name, self.reason = name, reason


def _compile(vocab, patterns: Sequence[TokenPattern], validate: bool = False):
    from spacy.matcher import DependencyMatcher, Matcher

    matcher = Matcher(vocab, validate=validate)
    dep_matcher = DependencyMatcher(vocab, validate=validate)
    for p in patterns:
        try:
            if p.tokens:
                matcher.add(p.name, [list(t) for t in p.tokens])
            else:
                dep_matcher.add(p.name, [list(p.dependencies)])
        except Exception as exc:  # spaCy's MatchPatternError, ValueError (E098-E100 ...)
            reason = " ".join(str(exc).split())
            raise _PatternError(p.name, f"not a valid spaCy pattern: {reason[:300]}") from None
    return matcher, dep_matcher


# -- matching ----------------------------------------------------------------


class PatternMatcher:
    """Token patterns compiled for one vocabulary; ``matcher(doc)`` -> matches."""

    def __init__(self, vocab, patterns: Sequence[TokenPattern]):
        self.patterns = tuple(patterns)
        self._by_key = {vocab.strings.add(p.name): p for p in self.patterns}
        self._matcher, self._dep_matcher = _compile(vocab, self.patterns)
        self._has_deps = any(p.dependencies for p in self.patterns)

    @classmethod
    def for_vocab(cls, assets: Assets, key: str, vocab, patterns: Sequence[TokenPattern]) -> "PatternMatcher":
        """The matcher of ``patterns`` for ``vocab``, built once per Assets object and vocabulary."""
        per_vocab = assets.memo(f"pattern_matcher:{key}", dict)
        kept = per_vocab.get(id(vocab))
        if kept is None or kept[0] is not vocab:
            kept = per_vocab[id(vocab)] = (vocab, cls(vocab, patterns))
        return kept[1]

    def __call__(self, doc) -> list[Match]:
        """Every match once, in reading order: by anchor token, then the longer
        pattern first, then file order."""
        out = {}
        for key, start, end in self._matcher(doc):
            p = self._by_key[key]
            out[(p.name, start, end)] = Match(p, start, end, start + p.anchor)
        if self._has_deps and doc.has_annotation("DEP"):
            for key, ids in self._dep_matcher(doc):
                p = self._by_key[key]
                nodes = {d["RIGHT_ID"]: i for d, i in zip(p.dependencies, ids)}
                out[(p.name, min(ids), max(ids) + 1)] = Match(p, min(ids), max(ids) + 1, nodes[p.anchor], nodes)
        return sorted(out.values(), key=lambda m: (m.anchor, -(m.end - m.start), m.pattern.order))


# -- word lists --------------------------------------------------------------


def word_sequence(words: Sequence[str], on: str = "either") -> list[list[dict]]:
    """Token patterns for a phrase: each word matched on its lower-case form
    (``on="lower"``), its lemma (``"lemma"``) or either (``"either"``, one
    alternative per combination)."""
    attrs = {"lower": ("LOWER",), "lemma": ("LEMMA",), "either": ("LOWER", "LEMMA")}[on]
    return [[{a: w} for a, w in zip(combo, words)] for combo in product(attrs, repeat=len(words))]


class WordScan:
    """The tokens whose lower-case form or lemma is one of ``words``."""

    def __init__(self, words: Iterable[str]):
        self.words = frozenset(words)
        self._keys: dict[int, tuple[Any, frozenset[int]]] = {}

    def __call__(self, doc) -> list[int]:
        from spacy.attrs import LEMMA, LOWER

        strings = doc.vocab.strings
        kept = self._keys.get(id(strings))
        if kept is None or kept[0] is not strings:  # hash the words once per vocabulary
            kept = self._keys[id(strings)] = (strings, frozenset(strings[w] for w in self.words))
        keys = kept[1]
        return [i for i, (low, lemma) in enumerate(doc.to_array([LOWER, LEMMA]).tolist()) if low in keys or lemma in keys]
