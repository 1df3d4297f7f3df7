"""LeadScan: finditer for patterns with a leading optional group, exactly as re.finditer."""

from __future__ import annotations

import re

import pytest

from claimex.extractors.scan import LeadScan, Needles, first_char_guard, guarded, leading_optional_group

from .conftest import CORPUS, TEXTS


@pytest.mark.parametrize(
    "pattern, lead",
    [
        (r"(?:(?P<a>about|some)\s+)?\d+", r"(?:(?P<a>about|some)\s+)?"),
        (r"(?:[)(]|\))?x", r"(?:[)(]|\))?"),  # parentheses inside a class and escaped
        (r"(?:[]a])?x", r"(?:[]a])?"),  # a ']' first in a class is literal
        (r"(?:a)??x", None),  # lazy: not scanned this way
        (r"(?:a)?+x", None),  # possessive
        (r"(?:a)x", None),  # not optional
        (r"(?:a)*x", None),
        (r"\b(?:a)?x", None),  # does not begin with the group
        (r"(?:a(?:b)?)", None),  # one group, the whole pattern, not optional
    ],
)
def test_leading_optional_group(pattern, lead):
    assert leading_optional_group(pattern) == lead


TRICKY = [
    "about 5 per cent, some 40%, more than 3 million people and at least one in five",
    "about about 5",  # the lead twice
    "about the plan, then 7",  # a lead the rest does not follow
    "5 5 5 about",
    "",
    "nearly half of about two-thirds, between 3 and 4 million",
]


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:(?P<approx>about|some|more\s+than|at\s+least)\s+)?(?P<num>\d+|one|two)(?:\s*(?P<unit>%|per\s+cent))?",
        r"(?i:(?:(?P<approx>ABOUT|nearly)\s+)?(?P<frac>half|two-thirds))",
        r"(?:(?P<approx>about)\s+)?(?<![\w])\d+(?!\d)",
    ],
)
def test_same_matches_as_finditer(pattern):
    rx = re.compile(pattern)
    scan = LeadScan(rx)
    for text in TRICKY:
        assert [(m.span(), m.groupdict()) for m in scan.finditer(text)] == [(m.span(), m.groupdict()) for m in rx.finditer(text)]


def test_the_statistic_patterns_match_as_before(assets):
    """Every statistic and non-statistic pattern over the corpus and test texts."""
    texts = [f.read_text(encoding="utf-8") for folder in (CORPUS, TEXTS) for f in sorted(folder.rglob("*")) if f.suffix in (".md", ".txt")]
    scanned = 0
    for p in (*assets.patterns("statistics"), *assets.patterns("non_statistics")):
        scan = LeadScan(p.regex)
        scanned += scan.core is not None
        for text in texts:
            leads: dict = {}
            got = [(m.span(), m.groupdict()) for m in scan.finditer(text, leads)]
            assert got == [(m.span(), m.groupdict()) for m in p.regex.finditer(text)], p.name
    assert scanned >= 5  # the patterns that begin with the approximators' group


def test_patterns_it_cannot_speed_up_are_scanned_plainly():
    for pattern in (r"(?:a)?", r"(?:(?P<x>a)\s)?(?P=x)", r"(?:a)?b"):
        rx = re.compile(pattern)
        assert [m.span() for m in LeadScan(rx).finditer("a ab b")] == [m.span() for m in rx.finditer("a ab b")]
    assert LeadScan(re.compile(r"(?:a)?")).core is None  # the rest matches nothing: empty matches
    assert LeadScan(re.compile(r"(?:(?P<x>a)\s)?(?P=x)")).core is None  # the rest refers to the lead
    assert LeadScan(re.compile(r"(?: a )? b", re.VERBOSE)).core is None


@pytest.mark.parametrize(
    "pattern, text, may",
    [
        (r"(?:(?P<a>about)\s+)?\d+\s*(?:%|per\s*cent)", "rose by 5 per cent", True),
        (r"(?:(?P<a>about)\s+)?\d+\s*(?:%|per\s*cent)", "rose by five per cent", False),  # no digit
        (r"(?:(?P<a>about)\s+)?\d+\s*(?:%|per\s*cent)", "about 5 people", False),  # no unit
        (r"(?i:half|a\s+third)", "HALF of them", True),  # case-insensitive: looked for lowercased
        (r"(?i:half|a\s+third)", "a quarter", False),
        (r"(?i:half)", "\u00bd HALF caf\u00e9", True),  # a cased non-ASCII letter: cannot tell, so scanned
        (r"(?i:kg)", "5 \u212ag", True),  # the Kelvin sign folds onto k: scanned, and it does match
        (r"Kg", "5 kg", False),  # case-sensitive
        (r"(?:a|\d)x", "bx", True),  # one alternative without a needle: no needle for the branch ("x" is one)
        (r"(?:ab|\d)y?", "b a", False),
        (r"(?:a|\d)y?", "b", True),  # a class of a letter and digits: no needle, scanned
        (r"\w+", "", True),  # no needle at all: always scanned
    ],
)
def test_needles_tell_which_texts_cannot_match(pattern, text, may):
    rx = re.compile(pattern)
    needles = Needles.of(rx)
    assert (needles is None or needles.may_match(text)) == may
    if not may:
        assert rx.search(text) is None
    assert [m.span() for m in LeadScan(rx).finditer(text)] == [m.span() for m in rx.finditer(text)]


@pytest.mark.parametrize(
    "pattern, guard",
    [
        (r"\d+", r"(?=[\d])"),
        (r"(?:about\s+)?\d+", r"(?=[\da])"),  # an optional group: its first and what follows
        (r"(?i:jan|feb)\s+\d", r"(?i:(?=[fj]))"),  # case-insensitive part: a folded guard
        (r"(?<!\w)(?:the\s+)?(?:year|month)s?", r"(?=[mty])"),  # a look-behind takes no character
        (r"[A-Z][a-z]+", r"(?=[A-Z])"),
        (r"x?", ""),  # can match nothing
        (r"[^a]b", ""),  # a negated class: unknown
        (r".b", ""),
        (r"(?:a|b*)c", r"(?=[abc])"),
    ],
)
def test_first_char_guard(pattern, guard):
    assert first_char_guard(re.compile(pattern)) == guard


@pytest.mark.parametrize("pattern", [r"(?:about\s+)?\d+", r"(?i:jan|feb)\s+\d", r"(?:a|b*)c", r"(?<!\w)(?:the\s+)?(?:year|month)s?", r"[-\]^]x"])
def test_a_guarded_regex_finds_the_same_matches(pattern):
    rx = re.compile(pattern)
    text = "About 5, JAN 3 and feb  4; ac bbc c; the years, month; ]x -x ^x"
    assert [(m.span(), m.groups()) for m in guarded(rx).finditer(text)] == [(m.span(), m.groups()) for m in rx.finditer(text)]
