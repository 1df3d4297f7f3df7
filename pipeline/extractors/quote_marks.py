"""Quotation marks paired across a document.

:func:`pair_quotation_marks` is a pure function over a list of paragraphs
(view offsets and text). It decides, mark by mark, whether a character is an
opening mark, a closing mark or an apostrophe, and pairs openers with closers
on a stack, so that nested quotes (single inside double, or double inside
single) pair correctly. It never raises: what cannot be paired is returned as
:class:`Unpaired` marks, which the caller reports as document warnings.

* Double marks: curly ``“ ”``, straight ``"`` (opening or closing decided by
  the characters around it, and by whether a quote is open when that is
  ambiguous), guillemets ``« »``, and two apostrophes ``''`` printed for a
  straight mark (some newspapers' style; the pair's offsets are then the
  inner apostrophes, so the words still lie strictly between them).
* Single marks: curly ``‘ ’`` and straight ``'``. A single mark between two
  letters ("It's", "don't"), before a two-digit year ("'90s") or after a
  plural "s" with no single quote open ("countries' views") is an
  apostrophe. A single opener is only taken as one when a closing candidate
  follows in the same paragraph (or the quote continues into the next).
* News-style continuation: a quote still open at the end of a paragraph
  continues when the next claim paragraph starts with an opening mark of the
  same family ("... he said. “First part.¶“Second part,” he added."). The
  pair then spans both paragraphs; the re-opening marks are inside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

DOUBLE, SINGLE, GUILLEMET = "double", "single", "guillemet"

# mark -> (family, role): role "open", "close" or "either" (decided in context)
MARKS = {
    "\u201c": (DOUBLE, "open"),
    "\u201d": (DOUBLE, "close"),
    "\u201e": (DOUBLE, "open"),  # low-9 opener („...“ or „...”)
    '"': (DOUBLE, "either"),
    "\u2018": (SINGLE, "open"),
    "\u2019": (SINGLE, "either"),
    "'": (SINGLE, "either"),
    "\u00ab": (GUILLEMET, "open"),
    "\u00bb": (GUILLEMET, "close"),
}
_MARK = re.compile("[" + re.escape("".join(MARKS)) + "]")
_SINGLE = re.compile("['\u2019]")
# characters after which a mark opens (besides whitespace and the paragraph start)
_OPEN_BEFORE = set("([{\u2014\u2013-/:;\u201c\u2018\"'\u00ab")
# characters before which a mark closes (besides whitespace and the paragraph end)
_CLOSE_AFTER = set(".,;:!?)]}\u2014\u2013-/\u201d\u2019\"'\u00bb\u2026")


class Paragraph(NamedTuple):
    """A claim-carrying segment: view offset of its first character and its text.

    ``follows`` is True when it comes right after the previous paragraph of
    the list (no heading or other segment between them).
    """

    start: int
    text: str
    follows: bool = True


class QuotePair(NamedTuple):
    """An opening and a closing mark (view offsets of the marks themselves)."""

    open: int
    close: int
    family: str
    depth: int  # 0 for an outermost quote
    paragraphs: int = 1  # how many paragraphs the quote runs over
    reopened: tuple[int, ...] = ()  # view offsets of re-opening marks of continuation paragraphs


class Unpaired(NamedTuple):
    offset: int  # view offset of the mark
    mark: str
    why: str  # "no closing mark", "no opening mark"


def _is_open_context(prev: str | None, nxt: str | None) -> tuple[bool, bool]:
    """(can open, can close) from the characters before and after a mark."""
    left_boundary = prev is None or prev.isspace() or prev in _OPEN_BEFORE
    right_boundary = nxt is None or nxt.isspace() or nxt in _CLOSE_AFTER
    can_open = left_boundary and nxt is not None and not nxt.isspace()
    can_close = right_boundary and prev is not None and not prev.isspace()
    return can_open, can_close


def _single_role(text: str, i: int) -> str:
    """'open', 'close', 'weak_close' (after a plural s), 'apostrophe' or 'either'."""
    prev = text[i - 1] if i > 0 else None
    nxt = text[i + 1] if i + 1 < len(text) else None
    if _is_apostrophe(text, i, prev, nxt):
        return "apostrophe"
    if text[i] == "\u2018":
        return "open"
    can_open, can_close = _is_open_context(prev, nxt)
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        if prev is not None and prev in "sSzZ" and nxt is not None and nxt.isspace():
            return "weak_close"  # countries' -- or the end of a quote
        return "close"
    return "either"


def _is_apostrophe(text: str, i: int, prev: str | None, nxt: str | None) -> bool:
    """A single mark inside a word (It's, don't, O'Neill) or before a
    two-digit year ('90s, '22)."""
    if prev is not None and nxt is not None and prev.isalnum() and nxt.isalpha():
        return True
    return nxt is not None and nxt.isdigit() and text[i + 1 : i + 3].isdigit() and (prev is None or not prev.isalnum())


TWIN = "''"


def _twin_role(text: str, i: int) -> str:
    """'open', 'close' or 'either' for the two apostrophes at ``i``."""
    return _role_between(text, i, i + 2)


def _double_role(text: str, i: int, role: str) -> str:
    return role if role != "either" else _role_between(text, i, i + 1)


def _role_between(text: str, start: int, end: int) -> str:
    """'open', 'close' or 'either' for a mark at ``text[start:end]``, from the characters beside it."""
    prev = text[start - 1] if start > 0 else None
    nxt = text[end] if end < len(text) else None
    can_open, can_close = _is_open_context(prev, nxt)
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    return "either"


def _has_single_closer(text: str, i: int) -> bool:
    """Whether a single closing candidate follows position ``i`` in the paragraph."""
    return any(_single_role(text, m.start()) in ("close", "weak_close", "either") for m in _SINGLE.finditer(text, i + 1))


def _lead(text: str) -> tuple[int, str]:
    """Offset and character of the first non-space character of a paragraph."""
    first = len(text) - len(text.lstrip())
    return first, text[first : first + 1]


def _reopens(para: Paragraph, family: str) -> bool:
    """Whether ``para`` starts by re-opening a quote of ``family``."""
    _, lead = _lead(para.text)
    return para.follows and lead in MARKS and MARKS[lead][0] == family and MARKS[lead][1] != "close"


def pair_quotation_marks(paragraphs: Sequence[Paragraph]) -> tuple[list[QuotePair], list[Unpaired]]:
    """Pairs and unpaired marks over consecutive paragraphs (view offsets)."""
    pairer = _Pairer()
    for p_index, para in enumerate(paragraphs):
        pairer.read(para, paragraphs[p_index + 1] if p_index + 1 < len(paragraphs) else None)
    pairer.drop(pairer.stack)
    pairer.pairs.sort()
    pairer.unpaired.sort()
    return pairer.pairs, pairer.unpaired


class _Pairer:
    """The marks still open (a stack) and the pairs and unpaired marks found so far."""

    def __init__(self) -> None:
        self.pairs: list[QuotePair] = []
        self.unpaired: list[Unpaired] = []
        # stack entries: [family, view offset, paragraphs spanned, re-open offsets, mark]
        self.stack: list[list] = []

    def drop(self, entries: list[list]) -> None:
        """Open marks that will never close: unpaired."""
        self.unpaired.extend(Unpaired(e[1], e[4], "no closing mark") for e in entries)

    def has_open(self, family: str) -> bool:
        return any(e[0] == family for e in self.stack)

    def read(self, para: Paragraph, nxt_para: Paragraph | None) -> None:
        """Pair the marks of one paragraph."""
        text = para.text
        first, _ = _lead(text)
        skip = self._carry_over(para, first)
        twin = -1
        for m in _MARK.finditer(text):
            i, c = m.start(), m.group()
            if i in (skip, twin):
                continue
            if text.startswith(TWIN, i):
                # two apostrophes print a straight double mark (''quoted''): the pair's
                # offsets are the inner apostrophes, so that the words lie between them
                twin = i + 1
                family, role, i = self._twin_mark(text, i)
            else:
                family, role = self._mark_role(text, i, c, nxt_para)
                if role is None:
                    continue
            self._add(family, role, para.start + i, c)

    def _carry_over(self, para: Paragraph, first: int) -> int:
        """Quotes left open by the previous paragraph: continued (the offset of
        the re-opening mark, to skip), or unpaired (-1)."""
        if not self.stack:
            return -1
        if _reopens(para, self.stack[-1][0]):
            entry = self.stack.pop()
            self.drop(self.stack)
            entry[2] += 1
            entry[3].append(para.start + first)
            self.stack = [entry]
            return first
        self.drop(self.stack)
        self.stack = []
        return -1

    def _twin_mark(self, text: str, i: int) -> tuple[str, str, int]:
        """(family, role, offset) of two apostrophes; an opening pair starts at the inner one."""
        role = _twin_role(text, i)
        if role == "either":
            role = "close" if self.has_open(DOUBLE) else "open"
        return DOUBLE, role, (i + 1 if role == "open" else i)

    def _mark_role(self, text: str, i: int, c: str, nxt_para: Paragraph | None) -> tuple[str, str | None]:
        """(family, role) of a mark; role None for a mark that is no quotation mark."""
        family, role = MARKS[c]
        if family == SINGLE:
            return family, self._single_mark_role(text, i, nxt_para)
        role = _double_role(text, i, role)
        if role == "either":
            role = "close" if self.has_open(family) else "open"
        return family, role

    def _single_mark_role(self, text: str, i: int, nxt_para: Paragraph | None) -> str | None:
        """'open' or 'close' for a single mark, None for an apostrophe."""
        role = _single_role(text, i)
        if role == "apostrophe":
            return None
        open_single = self.has_open(SINGLE)
        if role == "weak_close":
            if not open_single or _strong_closer_follows(text, i):
                return None  # a plural possessive: countries'
            role = "close"
        if role == "either":
            role = "close" if open_single else "open"
        if role == "open" and not _has_single_closer(text, i) and not (nxt_para is not None and _reopens(nxt_para, SINGLE)):
            return None  # a lone leading apostrophe ('em, 'tis)
        if role == "close" and not open_single:
            return None  # a trailing apostrophe
        return role

    def _add(self, family: str, role: str, offset: int, c: str) -> None:
        """Open a mark, or pair a closer with the nearest open mark of its family."""
        if role == "open":
            self.stack.append([family, offset, 1, [], c])
            return
        k = len(self.stack) - 1
        while k >= 0 and self.stack[k][0] != family:
            k -= 1
        if k < 0:
            self.unpaired.append(Unpaired(offset, c, "no opening mark"))
            return
        self.drop(self.stack[k + 1 :])
        entry = self.stack[k]
        self.stack = self.stack[:k]
        self.pairs.append(QuotePair(entry[1], offset, family, len(self.stack), entry[2], tuple(entry[3])))


def _strong_closer_follows(text: str, i: int) -> bool:
    """A clearly closing single mark (not after a plural s) later in the paragraph."""
    return any(_single_role(text, m.start()) in ("close", "either") for m in _SINGLE.finditer(text, i + 1))
