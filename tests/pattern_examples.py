"""Shared harness for pattern files with examples and near misses: the
examples and negatives of a token-pattern file as test parameters, and the
records a real pipeline run makes in each sentence (all sentences in one
document, after a neutral opening paragraph)."""

from __future__ import annotations

from collections.abc import Callable

from claimex.assets import Assets
from claimex.extractors.token_patterns import load_token_patterns

INTRO = "Test sentences\n\nThe talks in the capital went on for most of the week and ended without any agreement at all.\n\n"


def pattern_cases(name: str):
    """(patterns, [(pattern name, example)], [(pattern name, negative)]) of ``models/patterns/<name>.json``."""
    patterns = load_token_patterns(Assets(), name)
    examples = [(p.name, s) for p in patterns for s in p.examples]
    negatives = [(p.name, s) for p in patterns for s in p.negatives]
    return patterns, examples, negatives


def records_by_sentence(records_of, items, record_type: str, start: Callable, value: Callable, keep=lambda r: True) -> dict:
    """sentence -> [value(record)] of the ``record_type`` records whose ``start(record)`` lies in it."""
    text = INTRO + "\n\n".join(s for _, s in items)
    recs = [r for r in records_of(text).get(record_type, []) if keep(r)]
    out = {}
    for _, s in items:
        a = text.index(s)
        out[s] = [value(r) for r in recs if a <= start(r) < a + len(s)]
    return out
