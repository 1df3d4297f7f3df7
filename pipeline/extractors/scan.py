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
"""

from __future__ import annotations

import re
from collections.abc import Iterator


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
        lead = leading_optional_group(regex.pattern) if not regex.flags & re.VERBOSE else None
        self.core = self.lead = None
        if lead is not None:
            try:
                core = re.compile(regex.pattern[len(lead) :], regex.flags)
            except re.error:  # the rest refers to a group of the lead
                return
            if core.match("") is None:  # a core that can match nothing would need finditer's empty-match rules
                self.core = core
                self.lead = re.compile(f"(?={lead[:-1]})", regex.flags)

    def finditer(self, text: str, leads: dict | None = None) -> Iterator[re.Match]:
        """The matches of the regex in ``text``; ``leads`` caches lead positions per
        lead pattern, to share them between patterns scanning the same text."""
        if self.core is None:
            yield from self.regex.finditer(text)
            return
        starts = self._leads(text, leads)
        pos, k, core = 0, 0, self.core.search(text)
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
