"""Every date pattern of models/patterns/dates.json fires on its own examples
(the bracketed span, found by that pattern) and on none of its near-miss
negatives. The examples live in the pattern file, next to the regex they
document; this test runs them through the real extractor (parse, context
checks, longest match), so a pattern that another one shadows fails too."""

from __future__ import annotations

import re

import pytest

from claimex.assets import Assets
from claimex.extractors.dates import find_dates
from claimex.parse import parse
from claimex.stages import Input

_BRACKETS = re.compile(r"\[([^\]]+)\]")
_ASSETS = Assets()
PATTERNS = _ASSETS.patterns("dates")
SIGNALS = _ASSETS.patterns("date_signals")


def _cases():
    for p in PATTERNS:
        meta = p.meta or {}
        for text in meta.get("examples", []):
            yield pytest.param(p.name, text, True, id=f"{p.name}+{text[:30]}")
        for text in meta.get("negatives", []):
            yield pytest.param(p.name, text, False, id=f"{p.name}-{text[:30]}")


@pytest.fixture(scope="module")
def found(pipeline):
    """{plain text: [(span text, rule), ...]} for every example and negative, parsed in one batch."""
    texts = sorted({_BRACKETS.sub(r"\1", t) for p in PATTERNS + SIGNALS for k in ("examples", "negatives") for t in (p.meta or {}).get(k, [])})
    # a title line first: the example is body text, read with its tense
    docs = [pipeline.prepare(Input(f"ex{i}.txt", text="Notes\n\n" + t, doc_id=f"ex{i}", published="2022-09-16")) for i, t in enumerate(texts)]
    parse(docs, pipeline.nlp, pipeline.batch_size)
    out = {}
    for t, doc in zip(texts, docs, strict=True):
        out[t] = [(doc.view.text[m.start : m.end], m.rule, m.signal) for m in find_dates(doc, pipeline.assets)]
    return out


def test_every_pattern_has_examples_and_negatives():
    for p in PATTERNS:
        meta = p.meta or {}
        assert meta.get("examples") and meta.get("negatives"), p.name
        for text in meta["examples"]:
            assert _BRACKETS.search(text), f"{p.name}: no [span] in {text!r}"
        for text in meta["negatives"]:
            assert not _BRACKETS.search(text), f"{p.name}: a negative marks a span: {text!r}"


@pytest.mark.parametrize("name,text,positive", list(_cases()))
def test_pattern_examples(found, name, text, positive):
    plain = _BRACKETS.sub(r"\1", text)
    got = found[plain]
    if positive:
        for span in _BRACKETS.findall(text):
            assert (span, name) in {(g[0], g[1]) for g in got}, f"{name} should find {span!r}; found {got}"
    else:
        assert name not in {g[1] for g in got}, f"{name} fired on a near miss: {got}"


def _signal_cases():
    for p in SIGNALS:
        for k, positive in (("examples", True), ("negatives", False)):
            for text in (p.meta or {}).get(k, []):
                yield pytest.param(p.meta["mod"], text, positive, id=f"{p.name}{'+' if positive else '-'}{text[:30]}")


def test_every_signal_has_examples_and_negatives():
    for p in SIGNALS:
        assert p.meta.get("examples") and p.meta.get("negatives"), p.name


@pytest.mark.parametrize("mod,text,positive", list(_signal_cases()))
def test_signal_examples(found, mod, text, positive):
    """The date in brackets gets the signal's mod (examples) or not (negatives)."""
    (span,) = _BRACKETS.findall(text)
    signals = [g[2] for g in found[_BRACKETS.sub(r"\1", text)] if g[0] == span]
    assert signals, f"no date {span!r} found"
    assert (signals[0] == mod) == positive, f"{span!r} got signal {signals[0]!r}"


def test_every_kind_context_and_extension_is_known():
    """A pattern's `kind` names a normaliser of resolve.dates, its `context` a check of
    extractors.dates and its `extend` a span extension: a misspelt name would otherwise
    resolve to XXXX or skip its check without a word."""
    from claimex.extractors.dates import _CONTEXT_CHECKS
    from claimex.resolve.dates import _KINDS

    contexts = {*_CONTEXT_CHECKS, "year"}  # "year": the checks extractors.dates runs on every match of kind "y"
    for p in PATTERNS:
        meta = p.meta or {}
        assert meta.get("kind") in _KINDS, f"{p.name}: unknown kind {meta.get('kind')!r}"
        assert meta.get("context") is None or meta["context"] in contexts, f"{p.name}: unknown context {meta['context']!r}"
        assert meta.get("extend") in (None, "event_phrase"), f"{p.name}: unknown extend {meta['extend']!r}"
