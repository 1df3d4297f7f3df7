"""``finditer`` for patterns that begin with an optional group, without its cost.

A pattern such as ``(?:(?P<approx>about|more than|...)\\s+)?(?P<num>\\d+)...``
makes Python's regex engine try the long optional alternation at every
position of the text before it falls back to the rest. A match can only begin
where the optional group matches (a *lead*) or where the rest of the pattern
(the *core*) matches, so :class:`LeadScan` finds those positions with two
cheap scans (the leads once for every pattern that shares the same group) and
runs the whole pattern only there. The matches are exactly those of
``pattern.finditer(text)`` (same spans, same groups, same order); a pattern
whose core could match the empty string is simply scanned with ``finditer``.

Before any scan, :class:`Needles` says whether the text can hold a match at
all: read from the parsed pattern, the literal strings (or "a digit") of which
every match must contain one, for each mandatory part of the pattern. A text
missing every needle of one part is not scanned (most paragraphs hold no
currency sign, no "percent", no fraction word). Case-insensitive needles are
looked for in the lowercased text only where lowercasing is exactly the
regex engine's case folding (every non-ASCII character of the text caseless);
elsewhere the text is scanned as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as _sre
from re import _parser as _sre_parse
from typing import NamedTuple


class _AnyDigit:
    """The needle "any decimal digit" (``\\d``)."""

    def __repr__(self) -> str:
        return "DIGIT"


DIGIT = _AnyDigit()


def leading_optional_group(pattern: str) -> str | None:
    """The pattern's leading ``(?:...)?`` (greedy) if it begins with one, else None."""
    if not pattern.startswith("(?:"):
        return None
    depth, i, n = 0, 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(pattern, i)
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                quantified = pattern[i + 1 : i + 2] == "?" and pattern[i + 2 : i + 3] not in ("?", "+")
                return pattern[: i + 2] if quantified else None
        i += 1
    return None


def _class_end(pattern: str, i: int) -> int:
    """The index of the ``]`` closing the character class opened at ``i``."""
    j = i + 1
    if pattern[j : j + 1] == "^":
        j += 1
    if pattern[j : j + 1] == "]":
        j += 1  # a ']' first in a class is literal
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j


class LeadScan:
    """``regex.finditer`` for a regex that begins with an optional group (see the module)."""

    def __init__(self, regex: re.Pattern):
        self.regex = regex
        self.needles = Needles.of(regex)
        self.plain = guarded(regex)  # finditer's own scan, behind a first-character guard
        lead = leading_optional_group(regex.pattern) if not regex.flags & re.VERBOSE else None
        self.core = self.lead = None
        if lead is not None:
            try:
                core = re.compile(regex.pattern[len(lead) :], regex.flags)
            except re.error:  # the rest refers to a group of the lead
                return
            if core.match("") is None:  # a core that can match nothing would need finditer's empty-match rules
                self.core = guarded(core)
                self.lead = re.compile(f"(?={lead[:-1]})", regex.flags)

    def finditer(self, text: str, leads: dict | None = None) -> Iterator[re.Match]:
        """The matches of the regex in ``text``; ``leads`` caches lead positions per
        lead pattern, to share them between patterns scanning the same text."""
        if self.needles is not None and not self.needles.may_match(text):
            return
        if self.core is None:
            yield from self.plain.finditer(text)
            return
        core = self.core.search(text)
        if core is None:
            return  # every match holds a match of the core
        starts = self._leads(text, leads)
        pos, k = 0, 0
        while True:
            while k < len(starts) and starts[k] < pos:
                k += 1
            if core is not None and core.start() < pos:
                core = self.core.search(text, pos)
            candidates = [s for s in ((starts[k] if k < len(starts) else None), core.start() if core else None) if s is not None]
            if not candidates:
                return
            s = min(candidates)
            m = self.regex.match(text, s)
            if m is None:
                pos = s + 1  # a lead the rest does not follow
                continue
            yield m
            pos = m.end()  # the core is never empty: neither is the match

    def _leads(self, text: str, cache: dict | None) -> list[int]:
        key = (self.lead.pattern, self.lead.flags)
        if cache is not None and key in cache:
            return cache[key]
        starts = [m.start() for m in self.lead.finditer(text)]
        if cache is not None:
            cache[key] = starts
        return starts


# -- which texts can hold a match at all ------------------------------------------


class Needles:
    """What every match of a regex contains: for each of its mandatory parts, one of
    a set of needles (a literal string, case-insensitive or not, or :data:`DIGIT`).
    ``may_match(text)`` is False only when some part finds none of its needles in the
    text, so the regex cannot match there (see the module)."""

    def __init__(self, parts: list[frozenset]):
        self.parts = [_Part.of(p) for p in parts]  # each: any of (needle, ignore_case)

    @classmethod
    def of(cls, regex: re.Pattern) -> Needles | None:
        """The needles of ``regex``, or None when nothing is certain (then no prefilter)."""
        try:
            parsed = _sre_parse.parse(regex.pattern, regex.flags)
        except Exception:  # noqa: BLE001 - an internal parser we cannot read: no prefilter
            return None
        parts = [p for p in _sequence(parsed, bool(regex.flags & re.IGNORECASE)) if all(_foldable(n, ic) for n, ic in p)]
        return cls(parts) if parts else None

    def may_match(self, text: str) -> bool:
        facts = _TextFacts.of(text)
        return all(facts.holds_any(part) for part in self.parts)


_DIGIT = re.compile(r"\d")  # the regex engine's own digits


class _TextFacts:
    """What the needles read of one text, found once: the patterns of an extractor
    scan the same text one after the other, and many share a part (the numbers)."""

    __slots__ = ("text", "_digit", "_lower", "found")
    _last: _TextFacts | None = None

    def __init__(self, text: str):
        self.text = text
        self._digit: bool | None = None
        self._lower: str | None | bool = False  # False: not computed yet
        self.found: dict[frozenset, bool] = {}

    @classmethod
    def of(cls, text: str) -> _TextFacts:
        last = cls._last
        if last is not None and last.text is text:
            return last
        cls._last = facts = cls(text)
        return facts

    def holds_any(self, part: _Part) -> bool:
        hit = self.found.get(part.key)
        if hit is None:
            hit = self.found[part.key] = self._holds(part)
        return hit

    def _holds(self, part: _Part) -> bool:
        if part.digit:
            if self._digit is None:
                self._digit = _DIGIT.search(self.text) is not None
            if self._digit:
                return True
        if part.exact is not None and part.exact.search(self.text):
            return True
        if part.folded is not None:
            lower = self._lowered()
            return lower is None or part.folded.search(lower) is not None  # None: cannot tell, so it may
        return False

    def _lowered(self) -> str | None:
        """``text.lower()`` where it folds case exactly as the regex engine (every
        non-ASCII character caseless), else None."""
        if self._lower is False:
            text = self.text
            safe = text.isascii() or all(c.isascii() or c.lower() == c.upper() for c in set(text))
            self._lower = text.lower() if safe else None
        return self._lower


class _Part(NamedTuple):
    """One part's needles as two literal alternations (C-speed searches), one for the
    text, one for the lowercased text, and whether a digit will do."""

    key: frozenset
    digit: bool
    exact: re.Pattern | None
    folded: re.Pattern | None

    @classmethod
    def of(cls, part: frozenset) -> _Part:
        def alternation(words):
            return re.compile("|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w))))) if words else None

        exact = [n for n, ic in part if n is not DIGIT and not ic]
        folded = [n for n, ic in part if n is not DIGIT and ic]
        return cls(part, any(n is DIGIT for n, _ in part), alternation(exact), alternation(folded))


def _foldable(needle: str, ignore_case: bool) -> bool:
    """A case-insensitive needle is looked for lowercased: its characters must be ASCII
    or caseless (the engine folds a few non-ASCII letters onto ASCII ones, str.lower does not)."""
    return not ignore_case or all(c.isascii() or c.lower() == c.upper() for c in needle)


def _sequence(items, ignore_case: bool) -> list[frozenset]:
    """The needle sets of a sequence of parsed items, one per mandatory part
    (runs of literals are joined into one string)."""
    parts, run = [], []

    def flush():
        if run:
            word = "".join(run)
            parts.append(frozenset({(word.lower() if ignore_case else word, ignore_case)}))
            run.clear()

    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        flush()
        part = _item(op, av, ignore_case)
        if part:
            parts.append(part)
    flush()
    return parts


def _item(op, av, ignore_case: bool) -> frozenset | None:
    """One needle set that every match of the item contains, or None."""
    if op is _sre.IN:
        return frozenset({(DIGIT, False)}) if _digits_only(av) else None
    if op is _sre.SUBPATTERN:
        _group, add, remove, sub = av
        return _best(_sequence(sub, (ignore_case or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE))
    if op is _sre.ATOMIC_GROUP:
        return _best(_sequence(av, ignore_case))
    if op is _sre.BRANCH:
        return _branch(av[1], ignore_case)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _best(_sequence(av[2], ignore_case))
    return None  # optional, zero-width (look-arounds, anchors), any character, a back-reference


def _branch(alternatives, ignore_case: bool) -> frozenset | None:
    out: set = set()
    for alt in alternatives:
        best = _best(_sequence(alt, ignore_case))
        if best is None:
            return None  # an alternative with no needle: the branch has none
        out |= best
    return frozenset(out)


def _best(parts: list[frozenset]) -> frozenset | None:
    """The most telling of several needle sets (its shortest needle longest, then fewest
    needles; a digit counts as about two and a half letters)."""
    if not parts:
        return None
    return max(parts, key=lambda p: (min(2.5 if n is DIGIT else len(n) for n, _ in p), -len(p)))


def _digits_only(members) -> bool:
    """A character class only digits satisfy (``\\d``, ``[0-9]``, ``[13579]``)."""
    for op, av in members:
        if op is _sre.CATEGORY and av is _sre.CATEGORY_DIGIT:
            continue
        if op is _sre.LITERAL and chr(av) in "0123456789":
            continue
        if op is _sre.RANGE and ord("0") <= av[0] and av[1] <= ord("9"):
            continue
        return False  # a letter, another category, a negated class
    return bool(members)


# -- where a match can begin -----------------------------------------------------

_CLASS_CATEGORIES = {
    _sre.CATEGORY_DIGIT: r"\d",
    _sre.CATEGORY_NOT_DIGIT: r"\D",
    _sre.CATEGORY_WORD: r"\w",
    _sre.CATEGORY_NOT_WORD: r"\W",
    _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S",
}


def guarded(regex: re.Pattern) -> re.Pattern:
    """``regex`` behind its :func:`first_char_guard` (the same matches and groups), or
    itself when there is no guard to put."""
    guard = first_char_guard(regex) if not regex.flags & re.VERBOSE else ""
    if not guard:
        return regex
    try:
        return re.compile(f"{guard}(?:{regex.pattern})", regex.flags)
    except re.error:  # e.g. global flags that must stay first
        return regex


def first_char_guard(regex: re.Pattern) -> str:
    """A look-ahead ``(?=[...])`` for the characters a match of ``regex`` can begin
    with (read from the parsed pattern), or "" when they cannot be told. Put before
    the pattern it changes no match: the regex engine just gives up at once where
    none of them stands, instead of trying the pattern's alternatives there."""
    try:
        first = _first(_sre_parse.parse(regex.pattern, regex.flags), bool(regex.flags & re.IGNORECASE))
    except Exception:  # noqa: BLE001 - an internal parser we cannot read: no guard
        return ""
    if first is None or first[1]:
        return ""  # unknown, or the pattern can match the empty string
    members, _nullable, folded = first
    if not members:
        return ""
    guard = "(?=[" + "".join(sorted(members)) + "])"
    return f"(?i:{guard})" if folded else guard


def _first(items, ignore_case: bool):
    """(class members a match of the sequence can begin with, can it match nothing,
    does a member come from a case-insensitive part), or None when unknown."""
    members: set[str] = set()
    folded = False
    for op, av in items:
        item = _first_of(op, av, ignore_case)
        if item is None:
            return None
        more, nullable, ic = item
        members |= more
        folded = folded or (ic and bool(more))
        if not nullable:
            return members, False, folded
    return members, True, folded


def _first_of(op, av, ignore_case: bool):
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return set(), True, False  # zero width: the match begins with what follows
    if op is _sre.LITERAL:
        return {re.escape(chr(av))}, False, ignore_case
    if op is _sre.IN:
        members = _class_members(av)
        return None if members is None else (members, False, ignore_case)
    if op is _sre.SUBPATTERN:
        _group, add, remove, sub = av
        return _first(sub, (ignore_case or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE)
    if op is _sre.BRANCH:
        return _first_of_branch(av[1], ignore_case)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        body = _first(av[2], ignore_case)
        return None if body is None else (body[0], body[1] or av[0] == 0, body[2])
    return None  # any character, a back-reference, a conditional: unknown


def _first_of_branch(alternatives, ignore_case: bool):
    members: set[str] = set()
    nullable = folded = False
    for alt in alternatives:
        first = _first(alt, ignore_case)
        if first is None:
            return None
        members |= first[0]
        nullable = nullable or first[1]
        folded = folded or first[2]
    return members, nullable, folded


def _class_members(members) -> set[str] | None:
    """A parsed character class as class members again (None for a negated class)."""
    out = set()
    for op, av in members:
        if op is _sre.LITERAL:
            out.add(re.escape(chr(av)))
        elif op is _sre.RANGE:
            out.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is _sre.CATEGORY and av in _CLASS_CATEGORIES:
            out.add(_CLASS_CATEGORIES[av])
        else:
            return None  # a negated class, another category
    return out
