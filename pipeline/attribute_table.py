"""spaCy's attribute ruler, its patterns read from tables.

The ``attribute_ruler`` of the English pipelines maps fine-grained tags to
parts of speech and morphology (and fixes a few lemmas) with about 180
Matcher patterns. The Matcher tries every pattern at every token, which costs
about a tenth of parsing. :class:`AttributeTable` finds the same matches with
look-ups: a pattern of one token testing ``TAG``/``LOWER``/``ORTH`` for
equality is one dictionary look-up per token; any other pattern made of
equality, ``IN``, ``NOT_IN`` and ``REGEX`` tests on ``TAG``, ``LOWER``,
``ORTH``, ``DEP`` and ``IS_SPACE`` (one token or several, no operators) is
tried only where its first token passes its first test; a pattern of any
other form goes to a Matcher as before.

The attributes a token ends with are the ruler's: the ruler applies its
matches in the order its patterns were added, so for each attribute a token
keeps the value of the last pattern that matched it and sets that attribute;
the table merges the same matches in the same order.

The model is left alone (``nlp.pipe`` runs the stock component); :func:`pipe`
runs the pipeline with the table in the ruler's place.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Iterator
from typing import NamedTuple

_EQUALITY_KEYS = ("TAG", "LOWER", "ORTH")  # one-token equality patterns: a table per shape
_TESTED_KEYS = ("TAG", "LOWER", "ORTH", "DEP", "IS_SPACE")  # what the other patterns may test


class _Test(NamedTuple):
    column: int  # position in a row of doc.to_array(columns)
    kind: str  # "in", "not_in" or "regex"
    value: object  # frozenset of hashes, or a compiled regex


class _Pattern(NamedTuple):
    attr_id: int
    index: int  # which token of the match gets the attributes (negative: from the end)
    tokens: tuple  # per token, a tuple of _Test


def _equalities(pattern: list) -> dict | None:
    """{key: tuple of strings} for a one-token pattern of equality (or IN) tests on TAG/LOWER/ORTH, else None."""
    if len(pattern) != 1 or not pattern[0]:
        return None
    out = {}
    for key, value in pattern[0].items():
        if key not in _EQUALITY_KEYS:
            return None
        if isinstance(value, str):
            out[key] = (value,)
        elif isinstance(value, dict) and list(value) == ["IN"] and all(isinstance(v, str) for v in value["IN"]):
            out[key] = tuple(value["IN"])
        else:
            return None
    return out


def _test(key: str, value, column: int, strings) -> _Test | None:
    """One Matcher test as the Matcher reads it, or None for a form the table does not read."""
    if key == "IS_SPACE":
        return _Test(column, "in", frozenset({int(value)})) if isinstance(value, bool) else None
    if isinstance(value, str):
        return _Test(column, "in", frozenset({strings.add(value)}))
    if not (isinstance(value, dict) and len(value) == 1):
        return None
    op, arg = next(iter(value.items()))
    if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
        from spacy.strings import get_string_id

        return _Test(column, op.lower(), frozenset(get_string_id(v) for v in arg))
    if op == "REGEX" and isinstance(arg, str) and key != "IS_SPACE":
        return _Test(column, "regex", re.compile(arg))
    return None


class AttributeTable:
    """An ``AttributeRuler``'s effect on a Doc (see the module), built from the ruler."""

    def __init__(self, ruler):
        from spacy.attrs import IDS
        from spacy.matcher import Matcher

        strings = ruler.vocab.strings
        self.strings = strings
        self.ruler = ruler
        self.attrs = ruler.attrs  # attr_id -> {attribute id: value}, normalised by the ruler
        self.size = len(ruler.attrs)  # patterns added to the ruler later make the table stale
        self.indices = ruler.indices
        self.columns = [IDS[k] for k in _TESTED_KEYS]
        col = {k: i for i, k in enumerate(_TESTED_KEYS)}
        self.rest = Matcher(ruler.vocab)  # patterns of other forms
        self.rest_keys: dict[int, int] = {}  # match key -> attr_id
        tables: dict[tuple, dict] = {}  # shape (keys) -> {hash or tuple of hashes: [attr_id]}
        self.patterns: list[_Pattern] = []
        for attr_id, entry in enumerate(ruler.patterns):
            if len(entry["patterns"]) == 1 and entry["index"] in (0, -1) and _equalities(entry["patterns"][0]) is not None:
                simple = _equalities(entry["patterns"][0])
                shape = tuple(k for k in _EQUALITY_KEYS if k in simple)
                table = tables.setdefault(shape, {})
                for values in _product([simple[k] for k in shape]):
                    hashes = tuple(strings.add(v) for v in values)
                    table.setdefault(hashes if len(hashes) > 1 else hashes[0], []).append(attr_id)
                continue
            read = [self._read(p, attr_id, entry["index"], col, strings) for p in entry["patterns"]]
            if all(r is not None for r in read):
                self.patterns.extend(read)
            else:
                key = strings.add(str(attr_id))
                self.rest.add(key, entry["patterns"])
                self.rest_keys[key] = attr_id
        self.shapes = [(tuple(col[k] for k in shape), table) for shape, table in tables.items()]
        self._index_patterns()
        self._merged: dict[tuple, dict] = {}
        self._regex_hits: dict[tuple, bool] = {}  # (regex, hash) -> does it match

    @staticmethod
    def _read(pattern: list, attr_id: int, index: int, col: dict, strings) -> _Pattern | None:
        tokens = []
        for spec in pattern:
            if not spec or not all(k in col for k in spec):
                return None
            tests = [_test(k, v, col[k], strings) for k, v in spec.items()]
            if any(t is None for t in tests):
                return None
            tokens.append(tuple(tests))
        return _Pattern(attr_id, index, tuple(tokens)) if tokens else None

    def _index_patterns(self) -> None:
        """Where each pattern is tried: at tokens whose value passes the first ``in`` test of
        its first token (a look-up), else where its first test passes (every token)."""
        self.by_value: dict[int, dict[int, list]] = {}  # column -> hash -> patterns
        self.everywhere: list[_Pattern] = []
        for p in self.patterns:
            first = next((t for t in p.tokens[0] if t.kind == "in"), None)
            if first is None:
                self.everywhere.append(p)
                continue
            lookup = self.by_value.setdefault(first.column, {})
            for h in first.value:
                lookup.setdefault(h, []).append(p)

    def __call__(self, doc):
        from spacy.tokens._retokenize import set_token_attrs

        per_token: dict[int, list[int]] = {}
        if len(doc):
            rows = doc.to_array(self.columns).reshape(len(doc), len(self.columns)).tolist()
            self._equality_matches(rows, per_token)
            self._pattern_matches(rows, per_token)
        for key, start, end in self.rest(doc, allow_missing=True) if len(self.rest) else ():
            self._add(per_token, self.rest_keys[key], start, end)
        for i, ids in per_token.items():
            attrs = self._merge(tuple(sorted(ids)))
            if attrs:
                set_token_attrs(doc[i], attrs)
        return doc

    def _equality_matches(self, rows: list, per_token: dict) -> None:
        for where, table in self.shapes:
            if len(where) == 1:
                j = where[0]
                hits = ((i, table.get(row[j])) for i, row in enumerate(rows))
            else:
                hits = ((i, table.get(tuple([row[j] for j in where]))) for i, row in enumerate(rows))
            for i, ids in hits:
                if ids:
                    per_token.setdefault(i, []).extend(ids)

    def _pattern_matches(self, rows: list, per_token: dict) -> None:
        for column, lookup in self.by_value.items():
            for i, row in enumerate(rows):
                for p in lookup.get(row[column], ()):
                    if self._matches(p, rows, i):
                        self._add(per_token, p.attr_id, i, i + len(p.tokens), p.index)
        for p in self.everywhere:
            first = p.tokens[0][0]
            for i, row in enumerate(rows):
                if self._passes(first, row[first.column]) and self._matches(p, rows, i):
                    self._add(per_token, p.attr_id, i, i + len(p.tokens), p.index)

    def _matches(self, p: _Pattern, rows: list, i: int) -> bool:
        if i + len(p.tokens) > len(rows):
            return False
        for k, tests in enumerate(p.tokens):
            row = rows[i + k]
            for t in tests:
                if not self._passes(t, row[t.column]):
                    return False
        return True

    def _passes(self, t: _Test, value: int) -> bool:
        if t.kind == "in":
            return value in t.value
        if t.kind == "not_in":
            return value not in t.value
        return self._regex(t.value, value)

    def _regex(self, regex: re.Pattern, value: int) -> bool:
        key = (regex, value)
        hit = self._regex_hits.get(key)
        if hit is None:
            if len(self._regex_hits) > 200_000:  # a long batch's vocabulary: start again
                self._regex_hits.clear()
            hit = self._regex_hits[key] = bool(regex.search(self.strings[value]))
        return hit

    def _add(self, per_token: dict, attr_id: int, start: int, end: int, index: int | None = None) -> None:
        index = self.indices[attr_id] if index is None else index
        at = (start if index >= 0 else end) + index
        if not start <= at < end:
            raise ValueError(f"attribute ruler: index {index} outside a match of {end - start} tokens")
        per_token.setdefault(at, []).append(attr_id)

    def _merge(self, ids: tuple) -> dict:
        merged = self._merged.get(ids)
        if merged is None:
            merged = {}
            for attr_id in ids:
                merged.update(self.attrs[attr_id])
            self._merged[ids] = merged
        return merged

    def pipe(self, docs: Iterable, batch_size: int | None = None) -> Iterator:
        for doc in docs:
            yield self(doc)


def _product(lists: list[tuple]) -> Iterator[tuple]:
    if not lists:
        yield ()
        return
    for v in lists[0]:
        for rest in _product(lists[1:]):
            yield (v, *rest)


_TABLES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _stand_ins(nlp) -> dict:
    """{component name: AttributeTable} for the pipeline's attribute rulers (built once per
    pipeline, again when a ruler was replaced or given patterns since)."""
    from spacy.pipeline import AttributeRuler

    rulers = {name: proc for name, proc in nlp.pipeline if type(proc) is AttributeRuler}
    out = _TABLES.get(nlp)
    if out is None or out.keys() != rulers.keys() or not all(_current(out[n], r) for n, r in rulers.items()):
        out = _TABLES[nlp] = {name: AttributeTable(proc) for name, proc in rulers.items()}
    return out


def _current(table: AttributeTable, ruler) -> bool:
    return table.ruler is ruler and table.attrs is ruler.attrs and table.size == len(ruler.attrs)


def pipe(nlp, texts: Iterable[str], batch_size: int) -> Iterator:
    """``nlp.pipe(texts)`` with every attribute ruler read from its table (a stand-in
    for a pipeline, such as the spaCy component's host, runs its own ``pipe``)."""
    from spacy.language import Language

    stand_ins = _stand_ins(nlp) if isinstance(nlp, Language) else None
    if not stand_ins:
        yield from nlp.pipe(texts, batch_size=batch_size)
        return
    docs = (nlp.make_doc(t) for t in texts)
    for name, proc in nlp.pipeline:
        proc = stand_ins.get(name, proc)
        docs = proc.pipe(docs, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, docs)
    yield from docs
