"""The sentence prefilter of the date patterns changes nothing but speed."""

from __future__ import annotations

import pytest

from claimex.extractors.dates import anchor_words, find_dates
from claimex.parse import parse
from claimex.stages import Input

from .conftest import CORPUS, TEXTS

FILES = sorted(f for d in (CORPUS, TEXTS) for f in d.iterdir() if f.suffix in (".md", ".txt"))


@pytest.fixture(scope="module")
def parsed(pipeline):
    docs = [pipeline.prepare(Input(str(f))) for f in FILES]
    return parse(docs, pipeline.nlp)


def test_prefilter_finds_the_same_dates(parsed, assets):
    total = 0
    for doc in parsed:
        fast = list(find_dates(doc, assets))
        full = list(find_dates(doc, assets, prefilter=False))
        assert fast == full, doc.source.path
        total += len(full)
    assert total > 100


@pytest.mark.parametrize("word", ["may", "march", "decade", "yesterday", "now", "recent", "spring", "weeks"])
def test_anchor_words_cover_date_words(assets, word):
    assert word in anchor_words(assets)


@pytest.mark.parametrize("word", ["the", "of", "than", "should"])
def test_function_words_are_not_anchors(assets, word):
    assert word not in anchor_words(assets)
