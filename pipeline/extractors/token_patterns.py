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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path
from typing import Any, NamedTuple

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

    vocab = Vocab()
    for p in patterns:
        try:
            _compile(vocab, [p], validate=True)
        except Exception as exc:  # spaCy's MatchPatternError, ValueError (E098-E100 ...), KeyError
            reason = " ".join(str(exc).split())
            raise AssetError(Errors.E041.format(path=path, name=p.name, reason=f"not a valid spaCy pattern: {reason[:300]}")) from None


def _expand(token: dict) -> list[dict]:
    """A token spec with ``{"IN": [...]}`` values as one spec per combination of
    plain values: the Matcher compares plain values in C, but calls a Python
    predicate per token for a set (several times slower over a whole document)."""
    keys = [k for k, v in token.items() if isinstance(v, dict) and set(v) == {"IN"} and isinstance(v["IN"], list) and v["IN"]]
    if not keys:
        return [token]
    return [{**token, **dict(zip(keys, combo, strict=False))} for combo in product(*(token[k]["IN"] for k in keys))]


def _alternatives(tokens: Sequence) -> list[list[dict]]:
    """Every token sequence of a pattern with its set values expanded (see :func:`_expand`)."""
    return [list(seq) for t in tokens for seq in product(*(_expand(d) for d in t))]


def _anchor_spec(p: TokenPattern) -> list[dict]:
    """A dependency pattern's anchor node as a one-token Matcher pattern (a cheap pre-check)."""
    node = next(d for d in p.dependencies if d.get("RIGHT_ID") == p.anchor)
    return [dict(node.get("RIGHT_ATTRS", {}))]


_ANCHOR_KEY = "\x00anchor:"  # Matcher keys of the dependency patterns' anchor pre-checks
_LEXICAL_ATTRS = ("LOWER", "LEMMA", "ORTH", "TEXT")


def _key_word(seq: list[dict]) -> str | None:
    """A word the token sequence requires (lower-cased), the longest (the
    rarest, as a rule: 'ought' in 'ought to'), or None: a plain LOWER/LEMMA/
    ORTH/TEXT value on a token that must occur once."""
    words = [str(d[a]).lower() for d in seq if "OP" not in d for a in _LEXICAL_ATTRS if isinstance(d.get(a), str)]
    return max(words, key=len) if words else None


class _Compiled(NamedTuple):
    by_word: dict  # word -> (Matcher of the sequences that require it, their longest length)
    open: Any  # Matcher of the sequences that require no word (run over the whole Doc), or None
    dependencies: Any  # DependencyMatcher
    scan: WordScan  # finds the words


def _compile(vocab, patterns: Sequence[TokenPattern], validate: bool = False) -> _Compiled:
    from spacy.matcher import DependencyMatcher, Matcher

    grouped: dict[str, dict[str, list]] = {}  # word -> key -> sequences
    open_ = Matcher(vocab, validate=validate)
    dep_matcher = DependencyMatcher(vocab, validate=validate)
    for p in patterns:
        if p.dependencies:
            dep_matcher.add(p.name, [list(p.dependencies)])
        key = p.name if p.tokens else _ANCHOR_KEY + p.name
        wordless = []
        for q in _alternatives(p.tokens or [_anchor_spec(p)]):
            word = _key_word(q) if not any(d.get("OP") in ("*", "+") for d in q) else None
            if word is None:
                wordless.append(q)
            else:
                grouped.setdefault(word, {}).setdefault(key, []).append(q)
        if wordless:
            open_.add(key, wordless)
    by_word = {w: _word_matcher(vocab, keyed, validate) for w, keyed in grouped.items()}
    return _Compiled(by_word, open_ if len(open_) else None, dep_matcher, WordScan(grouped))


def _word_matcher(vocab, keyed: dict, validate: bool):
    from spacy.matcher import Matcher

    m = Matcher(vocab, validate=validate)
    for key, seqs in keyed.items():
        m.add(key, seqs)
    return m, max(len(q) for seqs in keyed.values() for q in seqs)


def _windows(hits: list[int], width: int, n: int) -> list[tuple[int, int]]:
    """Token windows that hold every match of at most ``width`` tokens containing
    one of ``hits`` (merged when they overlap)."""
    out: list[list[int]] = []
    for i in hits:
        a, b = max(0, i - width + 1), min(n, i + width)
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


# -- matching ----------------------------------------------------------------


class PatternMatcher:
    """Token patterns compiled for one vocabulary; ``matcher(doc)`` -> matches.

    Sequences that require a word run only in windows around the tokens whose
    form or lemma is one of those words (one pass over the Doc's attribute
    array finds them), the others over the whole Doc; a dependency pattern
    runs only when its anchor token is found."""

    def __init__(self, vocab, patterns: Sequence[TokenPattern]):
        self.patterns = tuple(patterns)
        self._by_key = {vocab.strings.add(p.name): p for p in self.patterns}
        self._compiled = _compile(vocab, self.patterns)

    @classmethod
    def for_vocab(cls, assets: Assets, key: str, vocab, patterns: Sequence[TokenPattern]) -> PatternMatcher:
        """The matcher of ``patterns`` for ``vocab``, built once per Assets object and vocabulary."""
        per_vocab = assets.memo(f"pattern_matcher:{key}", dict)
        kept = per_vocab.get(id(vocab))
        if kept is None or kept[0] is not vocab:
            kept = per_vocab[id(vocab)] = (vocab, cls(vocab, patterns))
        return kept[1]

    def _token_matches(self, doc):
        """(key, start, end) of the token patterns, in Doc offsets."""
        c = self._compiled
        hits: dict[str, list[int]] = {}
        for i, word in c.scan.words_at(doc):
            hits.setdefault(word, []).append(i)
        for word, where in hits.items():
            matcher, width = c.by_word[word]
            for a, b in _windows(where, width, len(doc)):
                for key, start, end in matcher(doc[a:b]):
                    yield key, a + start, a + end
        if c.open is not None:
            yield from c.open(doc)

    def __call__(self, doc) -> list[Match]:
        """Every match once, in reading order: by anchor token, then the longer
        pattern first, then file order."""
        out = {}
        anchored = False  # a dependency pattern's anchor is in the Doc
        for key, start, end in self._token_matches(doc):
            p = self._by_key.get(key)
            if p is None:
                anchored = True
                continue
            out[(p.name, start, end)] = Match(p, start, end, start + p.anchor)
        if anchored and doc.has_annotation("DEP"):
            for key, ids in self._compiled.dependencies(doc):
                p = self._by_key[key]
                nodes = {d["RIGHT_ID"]: i for d, i in zip(p.dependencies, ids, strict=False)}
                out[(p.name, min(ids), max(ids) + 1)] = Match(p, min(ids), max(ids) + 1, nodes[p.anchor], nodes)
        return sorted(out.values(), key=lambda m: (m.anchor, -(m.end - m.start), m.pattern.order))


# -- word lists --------------------------------------------------------------


def word_sequence(words: Sequence[str], on: str = "either") -> list[list[dict]]:
    """Token patterns for a phrase: each word matched on its lower-case form
    (``on="lower"``), its lemma (``"lemma"``) or either (``"either"``, one
    alternative per combination)."""
    attrs = {"lower": ("LOWER",), "lemma": ("LEMMA",), "either": ("LOWER", "LEMMA")}[on]
    return [[{a: w} for a, w in zip(combo, words, strict=False)] for combo in product(attrs, repeat=len(words))]


class WordScan:
    """The tokens whose lower-case form or lemma is one of ``words``."""

    def __init__(self, words: Iterable[str]):
        self.words = frozenset(words)
        self._keys: dict[int, tuple[Any, dict[int, str]]] = {}

    def _hashes(self, doc) -> dict[int, str]:
        strings = doc.vocab.strings
        kept = self._keys.get(id(strings))
        if kept is None or kept[0] is not strings:  # hash the words once per vocabulary
            kept = self._keys[id(strings)] = (strings, {strings[w]: w for w in self.words})
        return kept[1]

    def __call__(self, doc) -> list[int]:
        from spacy.attrs import LEMMA, LOWER

        keys = self._hashes(doc)
        return [i for i, (low, lemma) in enumerate(doc.to_array([LOWER, LEMMA]).tolist()) if low in keys or lemma in keys]

    def words_at(self, doc) -> list[tuple[int, str]]:
        """(token index, word) for each word of the list a token's form or lemma is (both, if they differ)."""
        from spacy.attrs import LEMMA, LOWER

        keys = self._hashes(doc)
        out = []
        for i, (low, lemma) in enumerate(doc.to_array([LOWER, LEMMA]).tolist()):
            if low in keys:
                out.append((i, keys[low]))
            if lemma in keys and lemma != low:
                out.append((i, keys[lemma]))
        return out
